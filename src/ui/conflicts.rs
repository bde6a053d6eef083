//! The box with the open session's conflicts (issue 8): each with where it
//! is, the value shown now and the other one; the selected one is settled
//! with one key (the hint bar names them). Only the visible rows are drawn.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::overlays::boxed;
use super::theme;
use crate::app::{AppState, ConflictRow, OutsideWords as O};
use crate::layout::centered;
use crate::text::truncate;

/// Lines per conflict: its place, the value now, the other value.
const LINES: usize = 3;

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState, sel: usize, rows: &[ConflictRow]) {
    let lang = state.lang;
    let want = (rows.len() * LINES + 2) as u16;
    let rect = centered(area, area.width.saturating_sub(4).min(100), want.min(area.height.saturating_sub(2)));
    let title = format!("{} ({})", O::ConflictsTitle.get(lang), rows.len());
    let inner = boxed(frame, rect, &title);
    let width = inner.width as usize;
    let fits = (inner.height as usize / LINES).max(1);
    let first = (sel + 1).saturating_sub(fits);
    let mut lines = Vec::new();
    for (i, row) in rows.iter().enumerate().skip(first).take(fits) {
        let style = if i == sel { theme::selected() } else { theme::bold() };
        let mark = if i == sel { "▶ " } else { "  " };
        lines.push(Line::from(Span::styled(
            truncate(&format!("{mark}{}", row.place), width).into_owned(),
            style,
        )));
        let now = format!("    {}: {}", O::Shown.get(lang), row.shown);
        lines.push(Line::from(truncate(&now, width).into_owned()));
        let other = format!("    {} ({}): {}", O::Other.get(lang), row.source, row.other);
        lines.push(Line::from(Span::styled(truncate(&other, width).into_owned(), theme::warning())));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
