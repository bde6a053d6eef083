//! The minutes as one self-contained HTML page: inline style, no scripts,
//! fonts, images or links out, a print stylesheet for A4. Written as
//! well-formed XML (every tag closed, attributes quoted, only XML's own
//! entities) so it can also be checked and processed as XHTML.

use super::doc::*;
use crate::domain::PhaseMark;
use crate::text::safe_line;

/// Text made safe for HTML element content and attribute values: control
/// characters become visible placeholders (see [`crate::text`]), the
/// non-characters XML forbids become U+FFFD, `& < > " '` become references,
/// and line breaks become `<br/>`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (n, raw) in split_lines(s).enumerate() {
        if n > 0 {
            out.push_str("<br/>");
        }
        escape_line(&mut out, raw);
    }
    out
}

fn escape_line(out: &mut String, raw: &str) {
    let line = raw.replace('\t', " ");
    for c in safe_line(&line).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
}

/// For attribute values: like [`escape`] but a line break is a space.
fn attr(s: &str) -> String {
    let mut out = String::new();
    for (n, raw) in split_lines(s).enumerate() {
        if n > 0 {
            out.push(' ');
        }
        escape_line(&mut out, raw);
    }
    out
}

fn inline(i: &Inline) -> String {
    match i {
        Inline::Text(s) => escape(s),
        Inline::Em(s) => format!("<em>{}</em>", escape(s)),
        Inline::Flag(f, s) => format!("<strong class=\"flag flag-{}\">{}</strong>", f.class(), escape(s)),
        Inline::Link { text, file } => format!("<a href=\"{}\">{}</a>", attr(&file_href(file)), escape(text)),
    }
}

fn line(l: &Line) -> String {
    l.iter().map(inline).collect()
}

fn cell(out: &mut String, c: &Cell, row_head: bool) {
    let (open, close) = if row_head { ("<th scope=\"row\"", "</th>") } else { ("<td", "</td>") };
    let lines = c.lines();
    if lines.is_empty() {
        out.push_str(&format!("{open} class=\"empty\">—{close}"));
    } else if c.bulleted() {
        let items: String = lines.iter().map(|l| format!("<li>{}</li>", line(l))).collect();
        out.push_str(&format!("{open}><ul>{items}</ul>{close}"));
    } else {
        let body = lines.iter().map(line).collect::<Vec<_>>().join("<br/>");
        out.push_str(&format!("{open}>{body}{close}"));
    }
}

fn table(out: &mut String, t: &Table) {
    out.push_str(&format!("<table class=\"{}\">\n<thead><tr>", t.class));
    for h in &t.head {
        out.push_str(&format!("<th scope=\"col\">{}</th>", escape(h)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for r in &t.rows {
        match r.flag {
            Some(f) => out.push_str(&format!("<tr class=\"{}\">", f.class())),
            None => out.push_str("<tr>"),
        }
        for (i, c) in r.cells.iter().enumerate() {
            cell(out, c, i == 0 && t.row_heads);
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn strip(out: &mut String, steps: &[Step]) {
    out.push_str("<ol class=\"strip\">\n");
    for s in steps {
        let current = if s.mark == PhaseMark::Current { " aria-current=\"step\"" } else { "" };
        let (class, mark) = (s.mark.id(), s.mark.sign().trim());
        out.push_str(&format!(
            "<li class=\"{class}\"{current}><span class=\"mark\">{mark}</span> \
             <span class=\"num\">{}</span> <span class=\"name\">{}</span></li>\n",
            s.number,
            escape(s.name)
        ));
    }
    out.push_str("</ol>\n");
}

pub(super) fn render(doc: &Doc) -> String {
    let mut out = String::with_capacity(16 * 1024);
    out.push_str("<!DOCTYPE html>\n");
    out.push_str(&format!("<html lang=\"{}\">\n<head>\n", doc.lang.id()));
    out.push_str("<meta charset=\"utf-8\"/>\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    out.push_str("<meta name=\"generator\" content=\"kompas\"/>\n");
    out.push_str(&format!(
        "<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        attr(&doc.title)
    ));
    let mut in_section = false;
    for block in &doc.blocks {
        match block {
            Block::Heading(1, l) => out.push_str(&format!("<header>\n<h1>{}</h1>\n</header>\n", line(l))),
            Block::Heading(level, l) => {
                if *level == 2 {
                    if in_section {
                        out.push_str("</section>\n");
                    }
                    out.push_str("<section>\n");
                    in_section = true;
                }
                out.push_str(&format!("<h{level}>{}</h{level}>\n", line(l)));
            }
            Block::Facts(facts) => {
                out.push_str("<dl class=\"facts\">\n");
                for (label, value) in facts {
                    out.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", escape(label), line(value)));
                }
                out.push_str("</dl>\n");
            }
            Block::Para(l) => out.push_str(&format!("<p>{}</p>\n", line(l))),
            Block::Note(l) => out.push_str(&format!("<p class=\"note\">{}</p>\n", line(l))),
            Block::Strip(steps) => strip(&mut out, steps),
            Block::Table(t) => table(&mut out, t),
            Block::Chart(c) => {
                super::chart::svg(&mut out, c);
                table(&mut out, &c.table);
            }
        }
    }
    if in_section {
        out.push_str("</section>\n");
    }
    out.push_str(&format!("<footer><p>{}</p></footer>\n</body>\n</html>\n", line(&doc.colophon)));
    out
}

/// Screen and print styles. System fonts only; nothing is fetched. Print
/// drops background colours (the marks are text and borders), keeps table
/// rows and phase boxes whole, repeats table headers and fits A4.
const STYLE: &str = r#"body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1d2430; background: #fff; line-height: 1.45; max-width: 62rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; padding-bottom: .2rem; border-bottom: 1px solid #c9ced6; }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid #c9ced6; padding: .3rem .45rem; text-align: left; vertical-align: top; }
thead th { background: #eef1f5; }
td.empty, th.empty { color: #6b7380; text-align: center; }
td ul { margin: 0; padding-left: 1.1rem; }
table.map th[scope="row"] { background: #f6f7f9; white-space: nowrap; }
tr.overdue td { background: #fbeceb; }
.flag-overdue { color: #a8321f; }
tr.over td { background: #fdf3e1; }
.flag-over { color: #9a4a00; }
.flag-result { color: #9a6a00; }
.flag-mismatch { color: #a8321f; }
ol.strip { display: flex; gap: .4rem; list-style: none; padding: 0; margin: .6rem 0 1rem; }
ol.strip li { flex: 1 1 0; border: 1px solid #c9ced6; border-radius: .3rem; padding: .4rem .5rem; color: #6b7380; }
ol.strip li.done, ol.strip li.stepped-back { color: #1d2430; }
ol.strip li.current { border: 3px solid #1f5fa8; color: #1d2430; background: #e8f0fb; font-weight: 700; }
ol.strip .mark { display: inline-block; min-width: 1em; }
.note { color: #5b6472; font-size: .85rem; }
.flag-attention { color: #8a4b00; }
svg.chart { display: block; max-width: 100%; height: auto; margin: .4rem 0 .2rem; }
svg.chart text { font-size: 11px; fill: #1d2430; }
svg.chart .grid { stroke: #dde2e8; }
svg.chart .axis { stroke: #8a93a0; }
footer { margin-top: 2.5rem; padding-top: .5rem; border-top: 1px solid #c9ced6; color: #5b6472; font-size: .8rem; }
a { color: #1f5fa8; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; color: #000; }
  thead th, tr.overdue td, tr.over td, table.map th[scope="row"], ol.strip li.current { background: none; }
  .flag-overdue, .flag-over, .flag-result, .flag-mismatch, .flag-attention, a, .note, footer, ol.strip li { color: #000; }
  a { text-decoration: none; }
  table { font-size: 9pt; }
  thead { display: table-header-group; }
  tr, li, dl.facts, ol.strip, svg.chart { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_for_content_and_attributes() {
        assert_eq!(
            escape("<script>\"a\" & 'b'</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
        assert_eq!(escape("een\r\ntwee"), "een<br/>twee");
        assert_eq!(attr("een\ntwee"), "een twee");
    }

    #[test]
    fn characters_xml_forbids_never_get_through() {
        assert_eq!(escape("\u{1b}]0;pwn\u{7}\u{0}\u{ffff}"), "␛]0;pwn␇␀\u{fffd}");
    }

    #[test]
    fn the_style_sheet_stays_valid_xml_text_and_fetches_nothing() {
        assert!(!STYLE.contains(['<', '&']));
        assert!(!STYLE.contains("url(") && !STYLE.contains("@import"));
    }
}
