//! The timeline: phase moves with their reasons, parties joining, edits of
//! the ambition and the context, agreements and how the walk-through
//! settled them, the room's answers, temperature readings and the meeting's
//! notes, in the order they happened. A session opened to look back (`kompas review`) opens here.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{Cx, Focus, Pane, Target};
use crate::app::{Access, Action, AppState, Effect, ListCursor, SessionScreen};
use crate::domain::{AmbitionLens, ContextAspect, Session, TextKind, Timestamp};
use crate::i18n::{Lang, Msg};
use crate::keymap::Binding;

mod draw;

/// A row of the timeline: something that happened, and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimelineRow {
    /// An entry of the phase history.
    PhaseMove(usize),
    Agreement(usize),
    Reflection(usize),
    Temperature(usize),
    /// A note taken during the meeting (issue 12).
    Note(usize),
    /// A party that joined in this meeting.
    PartyAdded(usize),
    /// A lens of the shared ambition, last edited then.
    Ambition(AmbitionLens),
    /// An aspect of the context, last edited then.
    Context(ContextAspect),
    /// An agreement carried over, walked through: done, still open or dropped.
    WalkThrough(usize),
}

#[derive(Debug, Default)]
pub struct State {
    pub rows: Vec<TimelineRow>,
    pub cursor: ListCursor,
}

pub struct Timeline;

impl Pane for Timeline {
    type State = State;
    const ID: &'static str = "timeline";

    fn title(&self) -> Msg {
        Msg::PaneTimeline
    }

    fn tab(&self, st: &State, _s: &SessionScreen, _lang: Lang) -> String {
        st.rows.len().to_string()
    }

    fn bindings(&self, _st: &State) -> Vec<&'static [Binding]> {
        Vec::new()
    }

    fn help(&self) -> &'static [(Msg, &'static [Binding])] {
        &[]
    }

    fn reindex(&self, st: &mut State, cx: &Cx) {
        st.rows = timeline_rows(cx.session);
        st.cursor.clamp(st.rows.len());
    }

    fn keep_in_view(&self, st: &mut State, cx: &Cx) {
        st.cursor.show(cx.view.list_rows());
    }

    fn handle(&self, state: &mut AppState, action: &Action, _now: Timestamp) -> Option<Vec<Effect>> {
        let page = state.view().list_rows();
        let st = state.session_mut()?.local_mut::<Timeline>();
        st.cursor.step(action, st.rows.len(), page).then(Vec::new)
    }

    fn focus(&self, st: &mut State, cx: &Cx, target: Target, _how: Focus) -> bool {
        let session = cx.session;
        let row = match target.kind {
            TextKind::Question | TextKind::Answer => session
                .reflection_index(target.id)
                .and_then(|index| st.rows.iter().position(|r| *r == TimelineRow::Reflection(index))),
            TextKind::Note => st.rows.iter().position(|r| match r {
                TimelineRow::Temperature(i) => session.temperature[*i].id == target.id,
                _ => false,
            }),
            _ => None,
        };
        let Some(row) = row else { return false };
        st.cursor.select(row, cx.view.list_rows());
        true
    }

    fn opened(&self, _st: &mut State, cx: &Cx) -> Option<Option<Msg>> {
        // Looking back starts with what happened.
        (cx.access == Access::Review).then_some(None)
    }

    fn draw(&self, st: &State, frame: &mut Frame, area: Rect, state: &AppState, s: &SessionScreen) {
        draw::draw(frame, area, state, s, st);
    }
}

/// Phase moves, parties joining, ambition and context edits, agreements and
/// their walk-through, answers, temperature readings and notes, oldest
/// first. What a follow-up carried over from earlier meetings (parties,
/// ambition, context) counts only where it changed in this one.
pub(crate) fn timeline_rows(session: &Session) -> Vec<TimelineRow> {
    let mut rows: Vec<(Timestamp, TimelineRow)> = Vec::new();
    let this_meeting = |at: &Timestamp| *at >= session.created_at;
    rows.extend(session.phase_history.iter().enumerate().map(|(i, m)| (m.at, TimelineRow::PhaseMove(i))));
    rows.extend(
        session
            .parties
            .iter()
            .enumerate()
            .filter(|(_, p)| this_meeting(&p.created_at))
            .map(|(i, p)| (p.created_at, TimelineRow::PartyAdded(i))),
    );
    rows.extend(
        session
            .ambition
            .edited
            .iter()
            .filter(|(_, at)| this_meeting(at))
            .map(|(l, at)| (*at, TimelineRow::Ambition(*l))),
    );
    rows.extend(
        session
            .context
            .edited
            .iter()
            .filter(|(_, at)| this_meeting(at))
            .map(|(a, at)| (*at, TimelineRow::Context(*a))),
    );
    rows.extend(
        session
            .agreements
            .iter()
            .enumerate()
            .filter_map(|(i, a)| a.reviewed_at.map(|at| (at, TimelineRow::WalkThrough(i)))),
    );
    rows.extend(
        session
            .agreements
            .iter()
            .enumerate()
            .filter(|(_, a)| this_meeting(&a.created_at))
            .map(|(i, a)| (a.created_at, TimelineRow::Agreement(i))),
    );
    rows.extend(
        session.reflections.iter().enumerate().map(|(i, r)| (r.created_at, TimelineRow::Reflection(i))),
    );
    rows.extend(session.temperature.iter().enumerate().map(|(i, t)| (t.at, TimelineRow::Temperature(i))));
    rows.extend(session.notes.iter().enumerate().map(|(i, n)| (n.created_at, TimelineRow::Note(i))));
    // Stable: at equal times the order above (and capture order) holds.
    rows.sort_by_key(|(at, _)| *at);
    rows.into_iter().map(|(_, r)| r).collect()
}
