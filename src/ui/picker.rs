//! The session picker: every session file in the folder with its title,
//! meeting date, phase, parties and open agreements. A file that does not
//! load is listed with its error instead of disappearing.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{bars, theme};
use crate::app::{AppState, Picker};
use crate::i18n::{self, Msg};
use crate::layout::scroll_to_show;
use crate::text::{safe_line, truncate};

fn pad(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    format!("{t}{}", " ".repeat(w.saturating_sub(t.width())))
}

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState, p: &Picker) {
    let lang = state.lang;
    let [title, header, rows, status, hints] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let dir = safe_line(&state.sessions_dir.display().to_string()).into_owned();
    let t = Line::from(vec![
        Span::styled(" kompas ", theme::phase_current()),
        Span::styled(format!("  {} · {}", Msg::Sessions.get(lang), dir), theme::title()),
    ]);
    frame.render_widget(Paragraph::new(t), title);

    let date_w = 13;
    let phase_w = 16;
    let num_w = 10;
    let title_w = (area.width as usize).saturating_sub(date_w + phase_w + 2 * num_w + 2);
    let head = format!(
        "  {}{}{}{}{}",
        pad(Msg::MeetingDate.get(lang), date_w),
        pad(Msg::Title.get(lang), title_w),
        pad(Msg::Phase.get(lang), phase_w),
        pad(Msg::Parties.get(lang), num_w),
        pad(Msg::PaneAgreements.get(lang), num_w),
    );
    frame.render_widget(Paragraph::new(Span::styled(head, theme::label())), header);

    if p.entries.is_empty() {
        let msg = if p.loading { "…" } else { Msg::NoSessions.get(lang) };
        frame.render_widget(Paragraph::new(Span::styled(format!("  {msg}"), theme::bold())), rows);
    }
    let visible = rows.height as usize;
    let top = scroll_to_show(p.top, p.selected, visible);
    let buf = frame.buffer_mut();
    for (n, e) in p.entries.iter().enumerate().skip(top).take(visible) {
        let y = rows.y + (n - top) as u16;
        let selected = n == p.selected;
        let (line, style) = match &e.summary {
            Ok(s) => {
                let agreements = if s.overdue_agreements > 0 {
                    format!("{} {} !{}", s.open_agreements, Msg::FilterOpen.get(lang), s.overdue_agreements)
                } else {
                    format!("{} {}", s.open_agreements, Msg::FilterOpen.get(lang))
                };
                let phase = format!("{} {}", s.phase.number(), i18n::phase_short(lang, s.phase));
                let line = format!(
                    "  {}{}{}{}{}",
                    pad(&i18n::date(lang, s.meeting_date), date_w),
                    pad(&safe_line(&s.title), title_w),
                    pad(&phase, phase_w),
                    pad(&s.parties.to_string(), num_w),
                    pad(&agreements, num_w),
                );
                let style = if s.overdue_agreements > 0 { theme::open_agreement() } else { theme::plain() };
                (line, style)
            }
            Err(err) => (format!("  ⚠ {}", safe_line(err)), theme::warning()),
        };
        let style = if selected { style.patch(theme::selected()) } else { style };
        buf.set_stringn(rows.x, y, pad(&line, rows.width as usize), rows.width as usize, style);
    }
    if let Some(n) = &state.notice {
        let text = match &n.text {
            crate::app::NoticeText::Msg(m) => m.get(lang).to_string(),
            crate::app::NoticeText::Plain(p) => safe_line(p).into_owned(),
        };
        let style = if n.error { theme::error() } else { theme::bold() };
        frame.render_widget(Paragraph::new(Span::styled(format!(" {text}"), style)), status);
    }
    bars::draw_hints(frame, hints, state);
}
