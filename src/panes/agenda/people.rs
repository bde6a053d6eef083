//! Attendance, the agenda pane's second view (`w`): per party who is
//! present (name, role) and who sent apologies. A follow-up meeting starts
//! from the previous meeting's list, everyone expected present again; `f`
//! puts each party's representative on the list.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{Agenda, M, State, forms};
use crate::app::{Action, AppState, Effect, SessionScreen, change};
use crate::domain::meeting::Presence;
use crate::domain::{Session, Timestamp};
use crate::i18n::{self, Msg};
use crate::layout::list_areas;
use crate::text::{pad, safe_line};
use crate::ui::theme;

const PARTY_W: usize = 26;
const NAME_MAX: usize = 30;
const PRESENCE_W: usize = 16;

/// The attendance list in the order it is shown: per party in the order
/// of the parties, then the people from outside them; each group in list
/// order. Indices into `session.attendance`.
pub(super) fn rows(session: &Session) -> Vec<usize> {
    let rank = |party: Option<&str>| match party.and_then(|p| session.party_index(p)) {
        Some(i) => i,
        None => session.parties.len(),
    };
    let mut rows: Vec<usize> = (0..session.attendance.len()).collect();
    rows.sort_by_key(|&i| rank(session.attendance[i].party.as_deref()));
    rows
}

/// The keys of the attendance view.
pub(super) fn handle(state: &mut AppState, action: &Action, now: Timestamp) -> Option<Vec<Effect>> {
    let view = state.view();
    let s = state.session_mut()?;
    let (session, st) = s.split::<Agenda>();
    let selected = st.people.get(st.people_cursor.sel).map(|&i| session.attendance[i].id.clone());
    match action {
        a if st.people_cursor.step(a, st.people.len(), view.list_rows()) => {}
        Action::Pane(super::ADD) => state.form = Some(forms::person_form(session, None)),
        Action::Activate | Action::EditSelected => {
            let Some(id) = selected else { return Some(Vec::new()) };
            state.form = Some(forms::person_form(session, Some(&id)));
        }
        Action::Pane(super::PRESENCE) => {
            let Some(id) = selected else { return Some(Vec::new()) };
            let next = session.attendance[session.attendee_index(&id)?].presence.cycled();
            return Some(change(state, M::KeyPresence, |s| {
                s.edit().set_presence(&id, next, now).map(|_| true)
            }));
        }
        Action::Pane(super::FROM_PARTIES) => {
            let effects =
                change(state, M::KeyFromParties, |s| Ok(!s.edit().attendance_from_parties(now).is_empty()));
            if effects.is_empty() {
                state.info(M::EveryoneListed);
            }
            return Some(effects);
        }
        Action::DeleteSelected => {
            let Some(id) = selected else { return Some(Vec::new()) };
            return Some(crate::app::delete(state, |s| s.edit().remove_attendee(&id, now)));
        }
        _ => return None,
    }
    Some(Vec::new())
}

fn presence_style(p: Presence) -> Style {
    match p {
        Presence::Aanwezig => theme::ok(),
        Presence::Afgemeld => theme::label(),
        Presence::Afwezig => theme::dropped(),
    }
}

pub(super) fn draw(frame: &mut Frame, area: Rect, state: &AppState, s: &SessionScreen, st: &State) {
    let lang = state.lang;
    let a = list_areas(area);
    let session = &s.session;
    // Name and role share what the party and presence leave.
    let flex = (area.width as usize).saturating_sub(PARTY_W + PRESENCE_W + 1);
    let name_w = (flex / 2).min(NAME_MAX);
    let role_w = flex - name_w;
    let header = format!(
        " {}{}{}{}",
        pad(Msg::Party.get(lang), PARTY_W),
        pad(M::Name.get(lang), name_w),
        pad(M::Role.get(lang), role_w),
        pad(M::Presence.get(lang), PRESENCE_W),
    );
    crate::ui::paragraph(frame.buffer_mut(), a.header, Span::styled(header, theme::label()));
    if st.people.is_empty() {
        let line = Line::from(Span::styled(format!(" {}", M::NoPeople.get(lang)), theme::bold()));
        crate::ui::paragraph(frame.buffer_mut(), a.rows, line);
    }
    let visible = a.rows.height as usize;
    let top = st.people_cursor.top_for(visible);
    let buf = frame.buffer_mut();
    for (n, selected) in st.people_cursor.visible(st.people.len(), visible) {
        let p = &session.attendance[st.people[n]];
        let party = p.party.as_deref().and_then(|id| session.party(id));
        let party = party.map_or_else(|| M::Outside.get(lang).to_string(), |p| p.organisation.clone());
        let y = a.rows.y + (n - top) as u16;
        let cells: [(String, Style); 5] = [
            (" ".into(), theme::plain()),
            (pad(&safe_line(&party), PARTY_W), theme::plain()),
            (pad(&safe_line(&p.name), name_w), theme::bold()),
            (pad(&safe_line(&p.role), role_w), theme::plain()),
            (pad(i18n::presence_label(lang, p.presence), PRESENCE_W), presence_style(p.presence)),
        ];
        let mut x = a.rows.x;
        for (text, style) in cells {
            let style = if selected { style.patch(theme::selected()) } else { style };
            let w = text.width() as u16;
            crate::ui::put(buf, x, y, &text, (a.rows.right().saturating_sub(x)) as usize, style);
            x += w;
        }
    }
    draw_counts(frame, a.detail, state, session);
}

/// Per party: how many are present and who sent apologies.
fn draw_counts(frame: &mut Frame, area: Rect, state: &AppState, session: &Session) {
    let lang = state.lang;
    let inner = crate::ui::detail_box(frame, area);
    let mut lines = Vec::new();
    let groups = session.parties.iter().map(|p| (Some(p.id.as_str()), p.organisation.clone()));
    for (party, name) in groups.chain([(None, M::Outside.get(lang).to_string())]) {
        let people: Vec<_> = session.attendees_of(party).collect();
        if people.is_empty() && party.is_none() {
            continue;
        }
        let present = people.iter().filter(|a| a.presence == Presence::Aanwezig).count();
        let sorry: Vec<&str> =
            people.iter().filter(|a| a.presence == Presence::Afgemeld).map(|a| a.name.as_str()).collect();
        let mut text = format!("{name}: {present} {}", i18n::presence_label(lang, Presence::Aanwezig));
        if !sorry.is_empty() {
            let label = i18n::presence_label(lang, Presence::Afgemeld);
            text.push_str(&format!(" · {label}: {}", sorry.join(", ")));
        }
        let style = if present == 0 { theme::open_agreement() } else { theme::plain() };
        lines.push(Line::styled(
            crate::text::truncate(&safe_line(&text), inner.width as usize).into_owned(),
            style,
        ));
    }
    crate::ui::paragraph(
        frame.buffer_mut(),
        inner,
        lines.into_iter().take(inner.height as usize).collect::<Vec<_>>(),
    );
}
