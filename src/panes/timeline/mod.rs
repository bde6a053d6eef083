//! The timeline: phase moves with their reasons, parties joining, edits of
//! the ambition, the context and the whole table's wants and offers, agreements and how the walk-through
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
    /// Something added or edited in this meeting (see [`Edited`]).
    Edited(Edited),
    /// An agreement carried over, walked through: done, still open or dropped.
    WalkThrough(usize),
}

/// What an [`TimelineRow::Edited`] row is about: one kind of row, the
/// label in its kind column says which.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edited {
    /// A party that joined in this meeting.
    Party(usize),
    /// A lens of the shared ambition, last edited then.
    Ambition(AmbitionLens),
    /// An aspect of the context, last edited then.
    Context(ContextAspect),
    /// What the whole table wants and offers, last edited then.
    Table,
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

/// Phase moves, parties joining, edits of the ambition, the context and the
/// whole table's wants and offers, agreements and their walk-through,
/// answers, temperature readings and notes, oldest first. What a follow-up
/// carried over from earlier meetings (parties, ambition, context, the
/// whole table) counts only where it changed in this one.
pub(crate) fn timeline_rows(session: &Session) -> Vec<TimelineRow> {
    let mut rows: Vec<(Timestamp, TimelineRow)> = Vec::new();
    rows.extend(session.phase_history.iter().enumerate().map(|(i, m)| (m.at, TimelineRow::PhaseMove(i))));
    rows.extend(edits(session).map(|(at, e)| (at, TimelineRow::Edited(e))));
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
            .filter(|(_, a)| a.created_at >= session.created_at)
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

/// The edits of this meeting, each with when it was made: parties joining,
/// then the ambition's lenses, the context's aspects and the whole table.
fn edits(session: &Session) -> impl Iterator<Item = (Timestamp, Edited)> + '_ {
    let parties = session.parties.iter().enumerate().map(|(i, p)| (p.created_at, Edited::Party(i)));
    let ambition = session.ambition.edited.iter().map(|(l, at)| (*at, Edited::Ambition(*l)));
    let context = session.context.edited.iter().map(|(a, at)| (*at, Edited::Context(*a)));
    let table = session.table.updated_at.map(|at| (at, Edited::Table));
    parties.chain(ambition).chain(context).chain(table).filter(|(at, _)| *at >= session.created_at)
}
