//! Making untrusted text safe to show: control characters, escape sequences,
//! C1 controls and bidirectional overrides from a session file, a file name or
//! pasted text never reach the terminal raw. They become visible placeholders.

use std::borrow::Cow;

/// The bidi marks, embeddings, overrides and isolates that can reorder what
/// the room reads. The one list: the storage layer's messages use it too.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The visible stand-in for a character that must not reach the terminal, or
/// `None` when the character is harmless.
fn placeholder(c: char) -> Option<char> {
    match c {
        // C0 controls: the Unicode "control pictures" ␀ … ␟.
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('␡'),
        // C1 controls (CSI, OSC, NEL …) and the bidi controls.
        '\u{80}'..='\u{9f}' => Some('\u{fffd}'),
        c if is_bidi_control(c) => Some('\u{fffd}'),
        _ => None,
    }
}

/// One line of display text: every control character (newlines and tabs too)
/// becomes a visible placeholder. Borrowed when nothing needed replacing.
pub fn safe_line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| placeholder(c).is_some()) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(|c| placeholder(c).unwrap_or(c)).collect())
}

/// Display text that may span lines: newlines split lines, tabs become a
/// space, everything else as in [`safe_line`]. A `\r\n` pair counts as one
/// line break.
pub fn safe_lines(s: &str) -> impl Iterator<Item = Cow<'_, str>> {
    s.split('\n').map(|line| {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.contains('\t') {
            Cow::Owned(safe_line(&line.replace('\t', " ")).into_owned())
        } else {
            safe_line(line)
        }
    })
}

/// Text to put into an editor field (pasted, or loaded from a file for
/// editing): line breaks normalised to `\n`, tabs to spaces, every other
/// control character replaced by its placeholder. What the facilitator sees
/// in the field is exactly what will be saved.
pub fn for_editing(s: &str) -> String {
    let s = s.replace("\r\n", "\n").replace('\r', "\n").replace('\t', "    ");
    s.split('\n').map(|l| safe_line(l).into_owned()).collect::<Vec<_>>().join("\n")
}

/// The text in a column `width` wide: shortened so one space is left before
/// the next column, then padded.
pub fn pad(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    if width == 0 {
        return String::new();
    }
    let t = truncate(s, width.saturating_sub(1));
    let w = t.width();
    format!("{t}{}", " ".repeat(width.saturating_sub(w)))
}

/// The text on one line, shortened with "…" to at most `width` columns.
pub fn truncate(s: &str, width: usize) -> Cow<'_, str> {
    use unicode_width::UnicodeWidthChar;
    let mut used = 0;
    for (i, c) in s.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            // Make room for the ellipsis.
            let mut cut = i;
            let mut room = used;
            while room + 1 > width && cut > 0 {
                let (j, prev) = s[..cut].char_indices().next_back().unwrap_or((0, ' '));
                room -= prev.width().unwrap_or(0);
                cut = j;
            }
            return Cow::Owned(format!("{}…", &s[..cut]));
        }
        used += w;
    }
    Cow::Borrowed(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn harmless_text_is_borrowed() {
        assert!(matches!(safe_line("Cliënten één Bensaïd 🏠"), Cow::Borrowed(_)));
    }

    #[test]
    fn escapes_controls_and_bidi_become_visible() {
        let hostile = "a\u{1b}[31mred\u{7}\u{9b}2J\u{202e}evil\u{2066}x\u{85}";
        let out = safe_line(hostile);
        assert_eq!(out, "a␛[31mred␇\u{fffd}2J\u{fffd}evil\u{fffd}x\u{fffd}");
        assert!(!out.chars().any(|c| c.is_control()));
    }

    #[test]
    fn lines_split_on_newline_and_drop_cr() {
        let lines: Vec<_> = safe_lines("een\r\ntwee\tdrie\n\u{1b}").collect();
        assert_eq!(lines, vec!["een", "twee drie", "␛"]);
    }

    #[test]
    fn editing_text_keeps_newlines_only() {
        assert_eq!(for_editing("a\r\nb\rc\td\u{1b}"), "a\nb\nc    d␛");
    }

    #[test]
    fn truncate_respects_display_width() {
        assert_eq!(truncate("abcdef", 6), "abcdef");
        assert_eq!(truncate("abcdefg", 6), "abcde…");
        assert_eq!(truncate("één twee", 4), "één…");
        assert_eq!(truncate("日本語テキスト", 5), "日本…");
        assert_eq!(truncate("abc", 0), "…");
    }
}

/// Display lines of `s` wrapped at `width` columns (words longer than a line
/// are broken), with every line made safe. Always at least one line.
pub fn wrap(s: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    for line in safe_lines(s) {
        if line.is_empty() {
            out.push(String::new());
            continue;
        }
        let opts = textwrap::Options::new(width).break_words(true);
        out.extend(textwrap::wrap(&line, opts).into_iter().map(|l| l.into_owned()));
    }
    if out.is_empty() {
        out.push(String::new());
    }
    out
}

/// Number of lines [`wrap`] would produce, without keeping them.
pub fn wrapped_height(s: &str, width: usize) -> usize {
    let width = width.max(1);
    safe_lines(s)
        .map(|line| {
            if line.is_empty() {
                1
            } else {
                textwrap::wrap(&line, textwrap::Options::new(width).break_words(true)).len().max(1)
            }
        })
        .sum::<usize>()
        .max(1)
}

#[cfg(test)]
mod wrap_tests {
    use super::*;

    #[test]
    fn wrap_and_height_agree() {
        let texts = [
            "",
            "kort",
            "Huurders blijven niet zonder begeleiding zitten; terugvaloptie als het misgaat",
            "een\n\ntwee",
            "Supercalifragilisticexpialidocious-woord-zonder-spaties",
            "tab\there \u{1b}[2J",
        ];
        for t in texts {
            for w in [1, 5, 12, 22, 80] {
                let lines = wrap(t, w);
                assert_eq!(lines.len(), wrapped_height(t, w), "{t:?} at {w}");
                for l in &lines {
                    assert!(unicode_width::UnicodeWidthStr::width(l.as_str()) <= w, "{l:?} wider than {w}");
                    assert!(!l.chars().any(char::is_control));
                }
            }
        }
    }
}
