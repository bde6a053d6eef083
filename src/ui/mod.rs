//! Drawing. Every function here reads `&AppState` and writes into the frame;
//! none changes state, does I/O, or touches more of the session than is
//! visible.

mod bars;
mod conflicts;
mod form;
mod header;
mod library;
mod overlays;
mod put;
mod room;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

pub use put::{line, lines, paragraph, put};

use crate::app::{AppState, Overlay, Screen};
use crate::i18n::Msg;
use crate::layout::{MIN_HEIGHT, MIN_WIDTH, session_areas, too_small};

pub fn draw(frame: &mut Frame, state: &AppState) {
    let area = frame.area();
    if too_small(area) {
        draw_too_small(frame, area, state);
        return;
    }
    match &state.screen {
        Screen::Library(lib) => library::draw(frame, area, state, lib),
        Screen::Session(s) => {
            let a = session_areas(area);
            header::draw_title(frame, a.title, state, s);
            header::draw_phases(frame, a.phases, state, s);
            header::draw_aim(frame, a.aim, state, s);
            header::draw_tabs(frame, a.tabs, state, s);
            s.active().draw(frame, a.body, state, s);
            bars::draw_status(frame, a.status, state);
            bars::draw_hints(frame, a.hints, state);
            if s.active().overlay(s) {
                s.active().draw_overlay(frame, area, state, s);
            }
        }
    }
    if let Some(f) = &state.form {
        let hints_row = area.height.saturating_sub(1);
        form::draw(frame, Rect { height: hints_row, ..area }, state, f);
        if state.overlay.is_none() {
            bars::draw_hints(frame, Rect::new(area.x, area.y + hints_row, area.width, 1), state);
        }
    }
    match &state.overlay {
        Some(Overlay::Help { scroll }) => overlays::draw_help(frame, area, state, *scroll),
        Some(Overlay::PhasePicker { selected }) => overlays::draw_phase_picker(frame, area, state, *selected),
        Some(Overlay::ConfirmDiscard) => overlays::draw_confirm(frame, area, state, Msg::DiscardChanges),
        Some(Overlay::ExportChooser { path }) => overlays::draw_export_chooser(frame, area, state, path),
        Some(Overlay::RoomAddress) => room::draw_address(frame, area, state),
        Some(Overlay::Conflicts { sel, rows }) => conflicts::draw(frame, area, state, *sel, rows),
        Some(Overlay::Coach { scroll }) => crate::panes::relationship::coach::draw(frame, state, *scroll),
        None => {}
    }
}

/// The box under a list that shows the selection in full: a rule on top,
/// and the area inside it.
pub(crate) fn detail_box(frame: &mut Frame, area: Rect) -> Rect {
    let block = ratatui::widgets::Block::default()
        .borders(ratatui::widgets::Borders::TOP)
        .border_style(theme::border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// `text` wrapped to `width` in at most `room` lines; when it does not fit,
/// the last line shown ends in "…".
pub(crate) fn clipped(
    text: &str,
    width: usize,
    room: usize,
    style: ratatui::style::Style,
) -> Vec<Line<'static>> {
    let lines = crate::text::wrap(text, width);
    let overflow = lines.len() > room;
    lines
        .into_iter()
        .take(room)
        .enumerate()
        .map(|(n, l)| {
            let l = if overflow && n + 1 == room {
                format!("{}…", crate::text::truncate(&l, width.saturating_sub(1)))
            } else {
                l
            };
            Line::from(Span::styled(l, style))
        })
        .collect()
}

/// `lines` cut to `room`; when any are cut, the last one kept ends in "…"
/// (in the style of its first span), so nothing is cut off unseen.
pub(crate) fn cut_lines(lines: &mut Vec<Line<'_>>, room: usize, width: usize) {
    if lines.len() > room {
        lines.truncate(room);
        if let Some(last) = lines.last_mut() {
            let text: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
            let style = last.spans.first().map_or(theme::plain(), |s| s.style);
            *last = Line::from(Span::styled(
                format!("{}…", crate::text::truncate(&text, width.saturating_sub(1))),
                style,
            ));
        }
    }
}

/// `line` in at most `width` columns; a line that is longer ends in "…"
/// where it is cut, so nothing is cut off unseen.
pub(crate) fn fit_line(line: Line<'_>, width: usize) -> Line<'_> {
    use unicode_width::UnicodeWidthStr;
    if line.width() <= width {
        return line;
    }
    if width == 0 {
        return Line::default();
    }
    let mut room = width.saturating_sub(1);
    let mut spans = Vec::new();
    for span in line.spans {
        if room == 0 {
            break;
        }
        let w = span.content.width();
        if w <= room {
            room -= w;
            spans.push(span);
        } else {
            let cut = crate::text::truncate(&span.content, room + 1).into_owned();
            let cut = cut.trim_end_matches('…').to_string();
            room = 0;
            spans.push(Span::styled(cut, span.style));
        }
    }
    spans.push(Span::raw("…"));
    Line { spans, ..line }
}

fn draw_too_small(frame: &mut Frame, area: Rect, state: &AppState) {
    let lang = state.lang;
    let text = vec![
        Line::from(Span::styled(Msg::TooSmall.get(lang), theme::bold())),
        Line::from(format!(
            "{} {MIN_WIDTH}×{MIN_HEIGHT}, {} {}×{}",
            Msg::AtLeast.get(lang),
            Msg::Now.get(lang),
            area.width,
            area.height
        )),
    ];
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_line_ends_in_an_ellipsis_and_fits() {
        let line = Line::from(vec![
            Span::raw("  12 mrt 2026  "),
            Span::raw("1 Verkennen → 2 Delen → 3 Overeenkomen"),
        ]);
        let cut = fit_line(line.clone(), 30);
        assert_eq!(cut.width(), 30);
        assert!(cut.to_string().ends_with('…'), "{cut}");
        assert_eq!(fit_line(line.clone(), 80), line);
        assert_eq!(fit_line(Line::from("abc"), 0).width(), 0);
    }
}
