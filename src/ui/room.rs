//! The room display in the terminal: its address as a QR code (two modules
//! per character cell, dark on light whatever the terminal's colours), and
//! the address in the status line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::theme;
use crate::app::AppState;
use crate::app::room::R;
use crate::layout::centered;
use crate::room::Qr;
use crate::text::safe_line;

/// The box with the QR code of the room display's address, the address
/// itself, and what it is for.
pub fn draw_address(frame: &mut Frame, area: Rect, state: &AppState) {
    let lang = state.lang;
    let Some(running) = &state.room.running else { return };
    let url = safe_line(&running.url).into_owned();
    let Some(qr) = Qr::new(&url) else { return };
    let loopback = crate::room::is_loopback(running.addr.ip());
    let note = if loopback { R::AddressLoopback } else { R::AddressNote }.get(lang);
    let code_w = qr.size() as u16;
    let width = (code_w + 4).max(url.width() as u16 + 4).min(area.width);
    let text_w = width.saturating_sub(4) as usize;
    let note_lines = crate::text::wrap(note, text_w.max(1));
    let height = (qr.rows() as u16 + 4 + note_lines.len() as u16).min(area.height);
    let rect = centered(area, width, height);
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border())
        .title(Span::styled(format!(" {} ", R::AddressTitle.get(lang)), theme::title()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    if inner.width < code_w || inner.height < qr.rows() as u16 + 1 {
        frame.render_widget(Paragraph::new(R::AddressTooSmall.get(lang)), inner);
        return;
    }
    let (dark, light) = (Color::Black, Color::White);
    let left = inner.x + (inner.width - code_w) / 2;
    for row in 0..qr.rows() {
        let (top, bottom) = (2 * row, 2 * row + 1);
        let spans: Vec<Span> = (0..qr.size())
            .map(|x| {
                let fg = if qr.dark(x, top) { dark } else { light };
                let bg = if qr.dark(x, bottom) { dark } else { light };
                Span::styled("▀", Style::default().fg(fg).bg(bg))
            })
            .collect();
        frame.render_widget(
            Paragraph::new(Line::from(spans)),
            Rect::new(left, inner.y + row as u16, code_w, 1),
        );
    }
    let mut lines = vec![Line::from(Span::styled(url, theme::bold()))];
    lines.extend(note_lines.into_iter().map(|l| Line::from(Span::styled(l, theme::dim()))));
    let y = inner.y + qr.rows() as u16;
    let text_area =
        Rect::new(inner.x + 1, y, inner.width.saturating_sub(2), inner.bottom().saturating_sub(y));
    frame.render_widget(Paragraph::new(lines), text_area);
}

/// "zaal http://…" for the status line, when the room display is on.
pub fn status_text(state: &AppState) -> Option<String> {
    let running = state.room.running.as_ref()?;
    Some(format!(" ▣ {} {} ", R::RoomOn.get(state.lang), safe_line(&running.url)))
}
