//! Boxes drawn over the screen: help (generated from the keymap), the phase
//! picker, and yes/no questions.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::theme;
use crate::app::AppState;
use crate::domain::Phase;
use crate::i18n::{self, Msg};
use crate::keymap::{help_sections, keys_label};
use crate::layout::centered;

pub(super) fn boxed(frame: &mut Frame, rect: Rect, title: &str) -> Rect {
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border())
        .title(Span::styled(format!(" {title} "), theme::title()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner }
}

/// Every key of every table that applies to this screen, grouped, with what
/// it does. Built from the keymap, so it always tells the truth.
pub fn help_lines(state: &AppState, width: usize) -> Vec<Line<'static>> {
    let lang = state.lang;
    let mut lines: Vec<Line> = crate::text::wrap(Msg::HelpIntro.get(lang), width)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, theme::bold())))
        .collect();
    lines.push(Line::from(""));
    let sections = help_sections(state);
    let key_w =
        sections.iter().flat_map(|(_, t)| t.iter()).map(|b| keys_label(b.keys).width()).max().unwrap_or(8)
            + 2;
    for (title, table) in sections {
        lines.push(Line::from(Span::styled(title.get(lang).to_string(), theme::label())));
        // What a key does wraps under itself, beside the keys column.
        let text_w = width.saturating_sub(2 + key_w).max(12);
        for b in table.iter() {
            let keys = keys_label(b.keys);
            let pad = " ".repeat(key_w.saturating_sub(keys.width()));
            let mut text = crate::text::wrap(b.help.get(lang), text_w).into_iter();
            lines.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(keys, theme::bold()),
                Span::raw(pad),
                Span::raw(text.next().unwrap_or_default()),
            ]));
            lines.extend(text.map(|t| Line::from(format!("{}{t}", " ".repeat(2 + key_w)))));
        }
        lines.push(Line::from(""));
    }
    lines
}

pub fn draw_help(frame: &mut Frame, area: Rect, state: &AppState, scroll: u16) {
    let rect = centered(area, area.width.saturating_sub(4).min(100), area.height.saturating_sub(2));
    let inner = boxed(frame, rect, Msg::Help.get(state.lang));
    let lines = help_lines(state, inner.width as usize);
    let max_scroll = (lines.len() as u16).saturating_sub(inner.height);
    frame.render_widget(Paragraph::new(lines).scroll((scroll.min(max_scroll), 0)), inner);
}

pub fn draw_phase_picker(frame: &mut Frame, area: Rect, state: &AppState, selected: Phase) {
    let lang = state.lang;
    let rect = centered(area, 56, 7);
    let inner = boxed(frame, rect, Msg::ChoosePhase.get(lang));
    let session = state.session().map(|s| &s.session);
    let lines: Vec<Line> = Phase::ALL
        .into_iter()
        .map(|p| {
            let mark = match session {
                Some(s) if s.phase == p => "▶",
                Some(s) if s.visited(p) => "✓",
                _ => " ",
            };
            let text = format!("{mark} {} {}", p.number(), i18n::phase_name(lang, p));
            let style = if p == selected { theme::selected() } else { theme::plain() };
            Line::from(Span::styled(text, style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn draw_confirm(frame: &mut Frame, area: Rect, state: &AppState, question: Msg) {
    let lang = state.lang;
    let q = question.get(lang);
    let keys = Msg::ConfirmKeys.get(lang);
    let w = (q.width().max(keys.width()) + 6) as u16;
    let rect = centered(area, w, 4);
    let inner = boxed(frame, rect, "?");
    let lines = vec![Line::from(Span::styled(q, theme::bold())), Line::from(keys)];
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn draw_export_chooser(frame: &mut Frame, area: Rect, state: &AppState, path: &std::path::Path) {
    let lang = state.lang;
    let rect = centered(area, 60, 8);
    let inner = boxed(frame, rect, Msg::ExportTitle.get(lang));
    let name = crate::text::safe_line(
        &path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
    )
    .into_owned();
    let mut lines = vec![Line::from(Span::styled(name, theme::dim()))];
    for b in crate::keymap::EXPORT_CHOOSER {
        lines.push(Line::from(vec![
            Span::styled(format!(" {} ", b.keys[0].label()), theme::key()),
            Span::raw(format!(" {}", b.help.get(lang))),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
