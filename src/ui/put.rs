//! Text into the frame's buffer, exactly as ratatui's `Buffer::set_stringn`
//! writes it (same cells, symbols, styles, same stop at the width), at a
//! fraction of its cost for the text kompas draws most.
//!
//! `set_stringn` splits every string into grapheme clusters and measures
//! each: most of a frame's drawing time on a 200-column screen. Yet a
//! character of Latin script without combining marks (ASCII, the Latin-1
//! letters of Dutch like é and ë, up to U+02FF) is a cluster of its own, one
//! column wide, whenever its neighbours are such characters too: none of the
//! rules that join characters into one cluster (combining marks, joiners,
//! prepended marks, CR LF, regional indicators, Hangul) applies between two
//! of them. So those characters are written directly, and only the runs of
//! other characters (with the simple character before or after them) go
//! through the grapheme rules, which start and end at true cluster
//! boundaries there. `tests` compare with `set_stringn` on every such
//! character and on mixed, wide, combining and control text.

use ratatui::buffer::{Buffer, CellWidth};
use ratatui::style::Style;
use ratatui::text::Span;

/// A character that is always a one-column cluster of its own between two
/// such characters. Controls (C0, DEL, C1) and the soft hyphen (a format
/// character the grapheme rules treat as a control) are not.
fn simple(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{a0}'..='\u{2ff}') && c != '\u{ad}'
}

/// Where `put` writes: the next column, the columns left, and the buffer
/// index of a cell of the row once known (a column and its index).
struct Pen<'b> {
    buf: &'b mut Buffer,
    x: u16,
    y: u16,
    left: u16,
    style: Style,
    row: Option<(u16, usize)>,
}

impl Pen<'_> {
    /// One simple character (width 1); false when the width is used up.
    fn simple(&mut self, c: char) -> bool {
        if self.left == 0 {
            return false;
        }
        self.left -= 1;
        // The columns written stay inside the buffer's row (`left`), so the
        // index follows from the first one.
        let i = match self.row {
            Some((x0, i0)) => i0 + usize::from(self.x - x0),
            None => {
                let i = self.buf.index_of(self.x, self.y);
                self.row = Some((self.x, i));
                i
            }
        };
        self.buf.content[i].set_char(c).set_style(self.style);
        self.x += 1;
        true
    }

    /// A run of other characters, cluster by cluster as `set_stringn` does;
    /// false when a cluster did not fit (nothing after it is written).
    fn run(&mut self, run: &str) -> bool {
        for g in Span::raw(run).styled_graphemes(Style::default()) {
            let width = g.symbol.cell_width();
            if width == 0 {
                continue;
            }
            let Some(left) = self.left.checked_sub(width) else { return false };
            self.left = left;
            self.buf[(self.x, self.y)].set_symbol(g.symbol).set_style(self.style);
            let next = self.x + width;
            self.x += 1;
            // The cells a wide cluster covers are reset, as ratatui does.
            while self.x < next {
                self.buf[(self.x, self.y)].reset();
                self.x += 1;
            }
        }
        true
    }
}

/// `buf.set_stringn(x, y, text, max_width, style)`, faster: see the module.
/// Returns the column after the last cell written, and `y`.
pub fn put(buf: &mut Buffer, x: u16, y: u16, text: &str, max_width: usize, style: Style) -> (u16, u16) {
    let max_width = u16::try_from(max_width).unwrap_or(u16::MAX);
    let left = buf.area.right().saturating_sub(x).min(max_width);
    let mut pen = Pen { buf, x, y, left, style, row: None };
    // Start of the pending run of non-simple characters, if any.
    let mut run: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    let mut prev_simple = true;
    while let Some((i, c)) = chars.next() {
        let is = simple(c);
        let next_simple = chars.peek().is_none_or(|&(_, n)| simple(n));
        if is && prev_simple && next_simple {
            if let Some(start) = run.take()
                && !pen.run(&text[start..i])
            {
                return (pen.x, y);
            }
            if !pen.simple(c) {
                return (pen.x, y);
            }
        } else if run.is_none() {
            run = Some(i);
        }
        prev_simple = is;
    }
    if let Some(start) = run {
        pen.run(&text[start..]);
    }
    (pen.x, y)
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Modifier};

    use super::*;

    /// `put` and `set_stringn` leave the same buffer and return the same
    /// position, for `text` at every width from 0 to past its end.
    fn same(text: &str) {
        let area = Rect::new(2, 1, 40, 3);
        let style = Style::default().fg(Color::Red).add_modifier(Modifier::BOLD);
        for x in [2u16, 30, 41, 42] {
            for max in 0..=text.chars().count() + 2 {
                let mut a = Buffer::empty(area);
                let mut b = Buffer::empty(area);
                let pa = a.set_stringn(x, 2, text, max, style);
                let pb = put(&mut b, x, 2, text, max, style);
                assert_eq!(pa, pb, "position for {text:?} at x {x}, width {max}");
                assert_eq!(a, b, "cells for {text:?} at x {x}, width {max}");
            }
        }
    }

    #[test]
    fn every_simple_character_writes_as_set_stringn_does() {
        let all: String = (' '..='\u{2ff}').filter(|&c| simple(c)).collect();
        for chunk in all.chars().collect::<Vec<_>>().chunks(30) {
            same(&chunk.iter().collect::<String>());
        }
    }

    #[test]
    fn mixed_wide_combining_and_control_text_writes_as_set_stringn_does() {
        for text in [
            "",
            "Afspraak: de buurtkamer gaat open",
            "één overleg, geëvalueerd · volgende keer",
            "★ open  …",
            "e\u{301}e\u{301} cafe\u{301} x\u{302}\u{303}y",
            "a\u{200d}b \u{1f469}\u{200d}\u{1f4bb} klaar",
            "\u{200d}\u{a9} en \u{a9}\u{fe0f}",
            "中文字符 en 한국어 mixed, breed",
            "tab\there\r\nline\u{7}bell\u{85}c1\u{ad}shy\u{ad}",
            "\u{600}1 \u{1f1f3}\u{1f1f1}\u{1f1e7}\u{1f1ea} vlaggen",
            "ﾊﾞ\u{ff9e}ﾟ halfwidth",
            "x\u{301}",
            "\u{301}begin met een teken",
            "eindigt op breed 中",
        ] {
            same(text);
        }
    }
}
