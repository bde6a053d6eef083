//! Text into the frame's buffer, exactly as ratatui writes it (same cells,
//! symbols, styles, same stop at the width), at a fraction of its cost for
//! the text kompas draws most: [`put`] as `Buffer::set_stringn`;
//! [`line`], [`lines`] and [`paragraph`] as a `Paragraph` without wrapping,
//! block or style of its own (the title, phase strip, aim, tabs, status
//! line and hint bar in every frame, the panes' headers and detail boxes).
//!
//! `set_stringn` and `Paragraph` split every string into grapheme clusters
//! and measure each: most of a frame's drawing time on a 200-column screen.
//! Yet a character of Latin script without combining marks (ASCII, the
//! Latin-1 letters of Dutch like é and ë, up to U+02FF), and the dashes,
//! arrows and lines kompas draws between them (see `simple`), is a
//! cluster of its own, one column wide, whenever its neighbours are such
//! characters too: none of the rules that join characters into one cluster
//! (combining marks, joiners, prepended marks, CR LF, regional indicators,
//! Hangul) applies between two of them. So those characters are written
//! directly, and only the runs of other characters (with the simple
//! character before or after them) go through the grapheme rules, which
//! start and end at true cluster boundaries there. `tests` compare with
//! `set_stringn` and `Paragraph` on every such character and on mixed,
//! wide, combining and control text.

use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Widget};

/// A character that is always a one-column cluster of its own between two
/// such characters: printable ASCII, Latin up to U+02FF, and the dashes,
/// quotes, ellipsis, arrows, box-drawing and geometric signs kompas draws
/// (`·`, `—`, `…`, `›`, `→`, `↑↓`, `│`, `─`, `▶`, `✓`, `✗`, `★`, `⚠`), none of
/// which joins a neighbour (grapheme break class "Other") or is drawn two
/// columns wide. Controls (C0, DEL, C1), the soft hyphen (a format
/// character the grapheme rules treat as a control), the zero-width and
/// format characters of U+200B-U+200F and U+2028-U+202F and U+2060-U+206F,
/// and the two geometric signs with emoji presentation (U+25FD, U+25FE) are
/// not.
fn simple(c: char) -> bool {
    matches!(
        c,
        ' '..='~'
            | '\u{a0}'..='\u{ac}'
            | '\u{ae}'..='\u{2ff}'
            | '\u{2010}'..='\u{2027}'
            | '\u{2030}'..='\u{205e}'
            | '\u{2190}'..='\u{21ff}'
            | '\u{2500}'..='\u{25fc}'
            | '\u{25ff}'
            | '\u{2605}'
            | '\u{26a0}'
            | '\u{2713}'
            | '\u{2717}'
    )
}

/// Whose rules a wide cluster follows: `set_stringn` resets the cells it
/// covers; `Paragraph` leaves them, and skips a cluster wider than its
/// whole area (here `width`) instead of stopping at it.
#[derive(Clone, Copy)]
enum Rules {
    SetString,
    Paragraph { width: u16 },
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
    rules: Rules,
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

    /// A run of other characters, cluster by cluster as ratatui does;
    /// false when a cluster did not fit (nothing after it is written).
    fn run(&mut self, run: &str) -> bool {
        for g in Span::raw(run).styled_graphemes(Style::default()) {
            let width = g.symbol.cell_width();
            if width == 0 {
                continue;
            }
            if let Rules::Paragraph { width: whole } = self.rules
                && width > whole
            {
                continue;
            }
            let Some(left) = self.left.checked_sub(width) else { return false };
            self.left = left;
            self.buf[(self.x, self.y)].set_symbol(g.symbol).set_style(self.style);
            match self.rules {
                Rules::Paragraph { .. } => self.x += width,
                Rules::SetString => {
                    let next = self.x + width;
                    self.x += 1;
                    // The cells a wide cluster covers are reset, as
                    // `set_stringn` does.
                    while self.x < next {
                        self.buf[(self.x, self.y)].reset();
                        self.x += 1;
                    }
                }
            }
        }
        true
    }

    /// `text` in the pen's style; false when it stopped at the width.
    fn text(&mut self, text: &str) -> bool {
        // Start of the pending run of non-simple characters, if any.
        let mut run: Option<usize> = None;
        let mut chars = text.char_indices().peekable();
        let mut prev_simple = true;
        while let Some((i, c)) = chars.next() {
            let is = simple(c);
            let next_simple = chars.peek().is_none_or(|&(_, n)| simple(n));
            if is && prev_simple && next_simple {
                if let Some(start) = run.take()
                    && !self.run(&text[start..i])
                {
                    return false;
                }
                if !self.simple(c) {
                    return false;
                }
            } else if run.is_none() {
                run = Some(i);
            }
            prev_simple = is;
        }
        match run {
            Some(start) => self.run(&text[start..]),
            None => true,
        }
    }
}

/// `buf.set_stringn(x, y, text, max_width, style)`, faster: see the module.
/// Returns the column after the last cell written, and `y`.
pub fn put(buf: &mut Buffer, x: u16, y: u16, text: &str, max_width: usize, style: Style) -> (u16, u16) {
    let max_width = u16::try_from(max_width).unwrap_or(u16::MAX);
    let left = buf.area.right().saturating_sub(x).min(max_width);
    let mut pen = Pen { buf, x, y, left, style, row: None, rules: Rules::SetString };
    pen.text(text);
    (pen.x, y)
}

/// `Paragraph::new(line.clone()).render(area, buf)`, faster: see the
/// module. Its first row of `area` gets the line, cut where the next
/// cluster does not fit; cells after the line are left as they were.
pub fn line(buf: &mut Buffer, area: Rect, line: &Line<'_>) {
    rows(buf, area, std::slice::from_ref(line), Style::default(), Alignment::Left);
}

/// `Paragraph::new(lines.to_vec()).render(area, buf)`, faster: a line per
/// row of `area`, as many as fit.
pub fn lines(buf: &mut Buffer, area: Rect, lines: &[Line<'_>]) {
    rows(buf, area, lines, Style::default(), Alignment::Left);
}

/// `Paragraph::new(text).render(area, buf)` (a paragraph without wrapping,
/// block, scrolling or style of its own), faster: the drop-in for any such
/// `frame.render_widget(Paragraph::new(…), area)`.
pub fn paragraph<'a>(buf: &mut Buffer, area: Rect, text: impl Into<Text<'a>>) {
    let text = text.into();
    rows(buf, area, &text.lines, text.style, text.alignment.unwrap_or(Alignment::Left));
}

/// The lines of a paragraph whose text has style `base` and alignment
/// `align`; a line aligned other than left is left to `Paragraph` itself.
fn rows(buf: &mut Buffer, area: Rect, lines: &[Line<'_>], base: Style, align: Alignment) {
    let area = area.intersection(buf.area);
    if area.width == 0 {
        return;
    }
    for (line, y) in lines.iter().zip(area.top()..area.bottom()) {
        let row = Rect { y, height: 1, ..area };
        let line_align = line.alignment.unwrap_or(align);
        if line_align != Alignment::Left {
            Paragraph::new(Text::from(line.clone()).style(base)).alignment(line_align).render(row, buf);
            continue;
        }
        let base = base.patch(line.style);
        let rules = Rules::Paragraph { width: area.width };
        let mut pen = Pen { buf, x: area.x, y, left: area.width, style: base, row: None, rules };
        for span in &line.spans {
            pen.style = base.patch(span.style);
            if !pen.text(&span.content) {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
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
        let all: String = (' '..='\u{2717}').filter(|&c| simple(c)).collect();
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

    /// A buffer whose every cell already holds a letter and a background,
    /// so cells a writer leaves alone show.
    fn filled(area: Rect) -> Buffer {
        let mut buf = Buffer::empty(area);
        for (i, cell) in buf.content.iter_mut().enumerate() {
            cell.set_char(char::from(b'a' + (i % 26) as u8)).set_style(Style::default().bg(Color::Blue));
        }
        buf
    }

    /// `line` and a `Paragraph` of the same line leave the same buffer, for
    /// `spans` in areas of every width from 0 to past the line's end, at
    /// the buffer's left, in its middle, at and past its right edge, and
    /// half above it.
    fn same_line(spans: &[(&str, Style)], line_style: Style) {
        let area = Rect::new(2, 1, 40, 3);
        let line =
            Line::from(spans.iter().map(|(t, s)| Span::styled(*t, *s)).collect::<Vec<_>>()).style(line_style);
        let total: usize = spans.iter().map(|(t, _)| t.chars().count() * 2).sum();
        for (x, y) in [(2u16, 2u16), (30, 1), (41, 3), (42, 2), (5, 0)] {
            for w in 0..=total as u16 + 2 {
                for h in [1, 2] {
                    let r = Rect::new(x, y, w, h);
                    let mut a = filled(area);
                    let mut b = filled(area);
                    Paragraph::new(line.clone()).render(r, &mut a);
                    super::line(&mut b, r, &line);
                    assert_eq!(a, b, "{spans:?} in {r:?}");
                }
            }
        }
    }

    #[test]
    fn a_line_writes_as_a_paragraph_does() {
        let key = Style::default().fg(Color::Black).bg(Color::Cyan).add_modifier(Modifier::BOLD);
        let dim = Style::default().fg(Color::DarkGray).remove_modifier(Modifier::BOLD);
        let plain = Style::default();
        let all: String = (' '..='\u{2717}').filter(|&c| simple(c)).collect();
        for chunk in all.chars().collect::<Vec<_>>().chunks(25) {
            let text: String = chunk.iter().collect();
            same_line(&[(&text, key)], plain);
        }
        let texts = [
            "",
            " ✓ Bewaard 20:15:03 ",
            "één overleg, geëvalueerd · volgende keer",
            "e\u{301}e\u{301} cafe\u{301} x\u{302}\u{303}y",
            "a\u{200d}b \u{1f469}\u{200d}\u{1f4bb} klaar",
            "中文字符 en 한국어 mixed, breed",
            "tab\there\r\nline\u{7}bell\u{85}c1\u{ad}shy\u{ad}",
            "\u{600}1 \u{1f1f3}\u{1f1f1} vlaggen",
            "ﾊﾞ\u{ff9e}ﾟ halfwidth",
            "\u{301}begin met een teken",
            "eindigt op breed 中",
        ];
        for text in texts {
            same_line(&[(text, dim)], plain);
        }
        // Spans in turn, a wide cluster at a span's edge (a cluster never
        // joins across spans), a line style under the spans' own.
        for pair in texts.windows(2) {
            same_line(&[(" n ", key), (pair[0], plain), ("中", dim), (pair[1], key)], dim);
        }
        same_line(&[("a", plain), ("\u{301}b", key), ("中中", dim), ("x", plain)], key);
    }

    #[test]
    fn lines_write_as_a_paragraph_of_them_does_centred_ones_too() {
        let lines = vec![
            Line::from(vec![
                Span::styled(" Afspraken ", Style::default().fg(Color::Cyan)),
                Span::raw("één · 中"),
            ]),
            Line::from("midden · centre").centered(),
            Line::default(),
            Line::from("rechts").right_aligned().style(Style::default().fg(Color::Red)),
            Line::from("a\u{301}b\tc 한국어 laatste regel"),
        ];
        let buffer = Rect::new(1, 1, 30, 6);
        for area in
            [Rect::new(1, 1, 30, 6), Rect::new(3, 2, 12, 3), Rect::new(0, 0, 31, 9), Rect::new(5, 4, 0, 2)]
        {
            let mut a = filled(buffer);
            let mut b = filled(buffer);
            Paragraph::new(lines.clone()).render(area, &mut a);
            super::lines(&mut b, area, &lines);
            assert_eq!(a, b, "{area:?}");
            // The same as a text with a style and an alignment of its own.
            for align in [Alignment::Left, Alignment::Center, Alignment::Right] {
                let text =
                    Text::from(lines.clone()).style(Style::default().bg(Color::Green)).alignment(align);
                let mut a = filled(buffer);
                let mut b = filled(buffer);
                Paragraph::new(text.clone()).render(area, &mut a);
                super::paragraph(&mut b, area, text);
                assert_eq!(a, b, "{area:?} {align:?}");
            }
        }
    }
}
