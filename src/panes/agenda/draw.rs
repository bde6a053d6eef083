//! Drawing the agenda: only the visible rows, the selected item's notes in
//! the box below, and the running clock for the header.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{Agenda, Clock, M, State};
use crate::app::{AppState, SessionScreen};
use crate::domain::Session;
use crate::domain::meeting::TimeState;
use crate::i18n::{self, Msg};
use crate::layout::list_areas;
use crate::text::{pad, safe_line, wrap};
use crate::ui::theme;

const MARK_W: usize = 2;
const PHASE_W: usize = 6;
const LEAD_W: usize = 16;
const PLANNED_W: usize = 9;
const ACTUAL_W: usize = 10;

/// Seconds as m:ss, or h:mm:ss from an hour on.
pub fn clock_text(secs: i64) -> String {
    let secs = secs.max(0);
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 { format!("{h}:{m:02}:{s:02}") } else { format!("{m}:{s:02}") }
}

/// The colour of a time against its plan: warning from 80 %, alarm past 100 %.
pub fn time_style(state: TimeState) -> Style {
    match state {
        TimeState::Within => theme::ok(),
        TimeState::Nearly => theme::warning(),
        TimeState::Over => theme::overdue(),
    }
}

/// The running clock for the header, on every pane: the current item's
/// time and the meeting's, each of its plan. `None` while the clock stands
/// still. `wide` adds the words.
pub fn header_clock(state: &AppState, s: &SessionScreen, wide: bool) -> Option<Vec<Span<'static>>> {
    let (item, meeting) = s.local::<Agenda>().running?;
    let lang = state.lang;
    let part = |label: Msg, c: Clock| {
        let words = if wide { format!("{} ", label.get(lang)) } else { String::new() };
        Span::styled(
            format!("{words}{}/{}", clock_text(c.elapsed), clock_text(c.planned)),
            time_style(c.state()),
        )
    };
    Some(vec![
        Span::styled("▶ ", theme::bold()),
        part(M::ItemClock, item),
        Span::raw(" · "),
        part(M::MeetingClock, meeting),
        Span::raw(" "),
    ])
}

fn party_name(session: &Session, id: &str) -> String {
    session.party(id).map_or_else(|| id.to_string(), |p| p.organisation.clone())
}

pub(super) fn draw(frame: &mut Frame, area: Rect, state: &AppState, s: &SessionScreen, st: &State) {
    let lang = state.lang;
    let a = list_areas(area);
    let session = &s.session;
    let fixed = MARK_W + PHASE_W + LEAD_W + PLANNED_W + ACTUAL_W;
    let title_w = (area.width as usize).saturating_sub(fixed);
    let header = format!(
        "{}{}{}{}{}{}",
        " ".repeat(MARK_W),
        pad(M::Item.get(lang), title_w),
        pad(Msg::Phase.get(lang), PHASE_W),
        pad(M::Lead.get(lang), LEAD_W),
        pad(M::Planned.get(lang), PLANNED_W),
        pad(M::Actual.get(lang), ACTUAL_W),
    );
    crate::ui::paragraph(frame.buffer_mut(), a.header, Span::styled(header, theme::label()));

    if st.rows.is_empty() {
        let line = Line::from(Span::styled(format!(" {}", M::NoItems.get(lang)), theme::bold()));
        crate::ui::paragraph(frame.buffer_mut(), a.rows, line);
    }

    let visible = a.rows.height as usize;
    let top = st.cursor.top_for(visible);
    let buf = frame.buffer_mut();
    for (n, selected) in st.cursor.visible(st.rows.len(), visible) {
        let item = &session.agenda[n];
        let row = st.rows[n];
        let current = st.current == Some(n);
        let y = a.rows.y + (n - top) as u16;
        let mark = if current {
            "▶ "
        } else if item.is_done() {
            "✓ "
        } else {
            "  "
        };
        let lead = item.lead.as_deref().map(|l| party_name(session, l)).unwrap_or_default();
        let actual = if row.elapsed > 0 || current { clock_text(row.elapsed) } else { String::new() };
        let text_style = if current {
            theme::bold()
        } else if item.is_done() {
            theme::done()
        } else {
            theme::plain()
        };
        let actual_style = if row.elapsed > 0 || current { time_style(row.state) } else { theme::plain() };
        let cells: [(String, Style); 6] = [
            (mark.to_string(), theme::bold()),
            (pad(&safe_line(&item.title), title_w), text_style),
            (pad(&item.phase.number().to_string(), PHASE_W), theme::plain()),
            (pad(&safe_line(&lead), LEAD_W), theme::plain()),
            (pad(&format!("{} min", item.planned_minutes), PLANNED_W), theme::plain()),
            (pad(&actual, ACTUAL_W), actual_style),
        ];
        let mut x = a.rows.x;
        for (text, style) in cells {
            let style = if selected { style.patch(theme::selected()) } else { style };
            let w = text.width() as u16;
            crate::ui::put(buf, x, y, &text, (a.rows.right().saturating_sub(x)) as usize, style);
            x += w;
        }
    }

    draw_detail(frame, a.detail, state, s, st);
}

/// The selected item's facts and its notes, the newest at the bottom.
fn draw_detail(frame: &mut Frame, area: Rect, state: &AppState, s: &SessionScreen, st: &State) {
    let lang = state.lang;
    let inner = crate::ui::detail_box(frame, area);
    let Some(item) = s.session.agenda.get(st.cursor.sel) else { return };
    let session = &s.session;
    let width = inner.width as usize;
    let time = session.agenda_item_time(&item.id, state.now);
    let mut facts = vec![
        format!("{} {}", item.phase.number(), i18n::phase_short(lang, item.phase)),
        format!(
            "{}: {}",
            M::Lead.get(lang),
            item.lead.as_deref().map_or_else(|| M::NoLead.get(lang).to_string(), |l| party_name(session, l))
        ),
    ];
    if let Some(start) = time.started {
        let end =
            time.ended.map_or_else(|| M::Current.get(lang).to_string(), |e| e.format("%H:%M").to_string());
        facts.push(format!("{}–{end}", start.format("%H:%M")));
    } else if st.current.is_none() && session.agenda_clock.last().is_some() {
        facts.push(M::Paused.get(lang).to_string());
    }
    if item.is_done() {
        facts.push(format!("✓ {}", M::Done.get(lang)));
    }
    if item.origin.is_some() {
        facts.push(M::Carried.get(lang).to_string());
    }
    let mut lines: Vec<Line> = wrap(&safe_line(&facts.join(" · ")), width)
        .into_iter()
        .map(|l| Line::styled(l, theme::label()))
        .collect();
    let room = (inner.height as usize).saturating_sub(lines.len());
    let mut notes: Vec<Line> = Vec::new();
    for n in session.notes_of(Some(&item.id)) {
        let stamp = format!("{} ", n.created_at.format("%H:%M"));
        let text_w = width.saturating_sub(stamp.width()).max(1);
        let body = n.text.lines().flat_map(|l| wrap(&safe_line(l), text_w));
        for (k, l) in body.enumerate() {
            let head = if k == 0 { stamp.clone() } else { " ".repeat(stamp.width()) };
            notes.push(Line::from(vec![Span::styled(head, theme::dim()), Span::raw(l)]));
        }
    }
    if notes.is_empty() {
        notes.push(Line::styled(M::NoNotes.get(lang).to_string(), theme::dim()));
    }
    let skip = notes.len().saturating_sub(room);
    lines.extend(notes.into_iter().skip(skip));
    crate::ui::paragraph(frame.buffer_mut(), inner, lines);
}
