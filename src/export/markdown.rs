//! The minutes as Markdown (CommonMark with GitHub tables), readable both as
//! plain text and rendered.

use super::doc::*;
use crate::domain::PhaseMark;
use crate::text::safe_line;

/// Text made safe for any place in the minutes, table cells included:
/// control characters and escape sequences become visible placeholders
/// (see [`crate::text`]), every character Markdown could read as markup is
/// backslash-escaped, a line that would start a list, heading or quote is
/// defused, and line breaks become `<br>`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (n, raw) in split_lines(s).enumerate() {
        if n > 0 {
            out.push_str("<br>");
        }
        let line = raw.replace('\t', " ");
        let line = safe_line(&line);
        let start = out.len();
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' => {
                    out.push('\\');
                    out.push(c);
                }
                '&' if chars.peek().is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') => {
                    out.push_str("\\&");
                }
                _ => out.push(c),
            }
        }
        defuse_line_start(&mut out, start);
    }
    out
}

/// A line starting with `-`, `+`, `=` or `1.` / `1)` would be a list item or
/// a heading underline where it begins a block: escape that character.
/// (`#`, `>` and `*` are always escaped already.)
fn defuse_line_start(out: &mut String, start: usize) {
    let rest = &out[start..];
    let lead = rest.len() - rest.trim_start_matches(' ').len();
    let body = &rest[lead..];
    let at = if body.starts_with(['-', '+', '=']) {
        Some(0)
    } else {
        let digits = body.bytes().take_while(u8::is_ascii_digit).count();
        (digits > 0 && body[digits..].starts_with(['.', ')'])).then_some(digits)
    };
    if let Some(at) = at {
        out.insert(start + lead + at, '\\');
    }
}

fn inline(i: &Inline) -> String {
    match i {
        Inline::Text(s) => escape(s),
        Inline::Flag(_, s) => format!("**{}**", escape(s)),
        Inline::Em(s) => format!("*{}*", escape(s)),
        Inline::Link { text, file } => format!("[{}]({})", escape(text), file_href(file)),
    }
}

fn line(l: &Line) -> String {
    l.iter().map(inline).collect()
}

fn cell(c: &Cell, strong: bool) -> String {
    let lines = c.lines();
    if lines.is_empty() {
        return "—".to_string();
    }
    let bullet = if c.bulleted() { "• " } else { "" };
    let body = lines.iter().map(|l| format!("{bullet}{}", line(l))).collect::<Vec<_>>().join("<br>");
    if strong { format!("**{body}**") } else { body }
}

fn table(out: &mut String, t: &Table) {
    let row = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    out.push_str(&row(t.head.iter().map(|h| escape(h)).collect()));
    out.push_str(&row(t.head.iter().map(|_| "---".to_string()).collect()));
    for r in &t.rows {
        let cells = r.cells.iter().enumerate().map(|(i, c)| cell(c, i == 0 && t.row_heads)).collect();
        out.push_str(&row(cells));
    }
    out.push('\n');
}

pub(super) fn render(doc: &Doc) -> String {
    let mut out = String::new();
    for block in &doc.blocks {
        match block {
            Block::Heading(level, l) => {
                out.push_str(&format!("{} {}\n\n", "#".repeat(usize::from(*level)), line(l)));
            }
            Block::Facts(facts) => {
                for (label, value) in facts {
                    out.push_str(&format!("- **{}:** {}\n", escape(label), line(value)));
                }
                out.push('\n');
            }
            Block::Para(l) | Block::Note(l) => out.push_str(&format!("{}\n\n", line(l))),
            Block::Strip(steps) => {
                let strip: Vec<String> = steps
                    .iter()
                    .map(|s| {
                        let mark = match s.mark {
                            PhaseMark::Ahead => String::new(),
                            m => format!("{} ", m.sign()),
                        };
                        let name = format!("{mark}{} {}", s.number, escape(s.name));
                        if s.mark == PhaseMark::Current { format!("**{name}**") } else { name }
                    })
                    .collect();
                out.push_str(&format!("{}\n\n", strip.join(" → ")));
            }
            Block::Table(t) => table(&mut out, t),
            // Markdown has no pictures of its own: the chart's numbers.
            Block::Chart(c) => table(&mut out, &c.table),
        }
    }
    out.push_str(&format!("---\n\n*{}*\n", line(&doc.colophon)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escape("a|b *c* _d_ [e](f) <g> `h` ~i~ #j \\"),
            r"a\|b \*c\* \_d\_ \[e\](f) \<g\> \`h\` \~i\~ \#j \\"
        );
        assert_eq!(escape("Tom & Jerry, &amp; &#38;"), r"Tom & Jerry, \&amp; \&\#38;");
    }

    #[test]
    fn block_starts_are_defused_on_every_line() {
        assert_eq!(
            escape("- een\n+ twee\n1. drie\n12) vier\n= vijf"),
            r"\- een<br>\+ twee<br>1\. drie<br>12\) vier<br>\= vijf"
        );
        assert_eq!(escape("# kop\n> citaat"), r"\# kop<br>\> citaat");
        assert_eq!(escape("a - b, 3.5 + 1"), "a - b, 3.5 + 1");
        assert_eq!(escape("  - x"), r"  \- x");
    }

    #[test]
    fn control_characters_become_visible_and_lines_become_br() {
        assert_eq!(escape("\u{1b}]0;pwn\u{7}"), r"␛\]0;pwn␇");
        assert_eq!(escape("een\r\ntwee\tdrie"), "een<br>twee drie");
    }

    #[test]
    fn links_are_relative_and_encoded() {
        let l = Inline::Link { text: "a b).json".into(), file: "javascript:x(1) y.json".into() };
        assert_eq!(inline(&l), "[a b).json](javascript%3Ax%281%29%20y.json)");
    }
}
