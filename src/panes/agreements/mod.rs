//! The agreement log: one line per agreement in creation order, open ones in
//! bold colour, overdue ones on red; the selected one in full below. In a
//! follow-up meeting it opens filtered on the agreements carried over, to
//! walk through them with 1, 2 and 3.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{Cmd, Cx, Focus, Pane, PaneForm, Target};
use crate::app::{Action, AppState, Effect, ListCursor, SessionScreen, change};
use crate::domain::{AgreementStatus, ReviewOutcome, TextKind, Timestamp};
use crate::i18n::{Lang, Msg};
use crate::keymap::{Binding, b, bh, ch, key};

mod draw;
pub(crate) mod forms;

crate::messages! { pub struct M {
    WalkThrough => "Afspraken van de vorige sessie: 1 gedaan · 2 loopt nog · 3 vervallen", "Agreements from last time: 1 done · 2 still open · 3 dropped";
    WalkThroughDone => "Alle afspraken van de vorige sessie doorlopen", "All agreements from last time walked through";
    FilterToReview => "door te lopen", "to walk through";
    KeyDone => "gedaan", "done";
    KeyStillOpen => "loopt nog", "still open";
    KeyDropped => "vervallen", "dropped";
    HelpDone => "doorlopen: gedaan", "walk-through: done";
    HelpStillOpen => "doorlopen: loopt nog", "walk-through: still open";
    HelpDropped => "doorlopen: vervallen", "walk-through: dropped";
    NoAgreements => "Nog geen afspraken. Druk a om er een vast te leggen.", "No agreements yet. Press a to record one.";
    NoAgreementsFiltered => "Geen afspraken met deze status.", "No agreements with this status.";
    KeyAddAgreement => "afspraak", "agreement";
    KeyStatus => "status", "status";
    KeyResult => "resultaat", "phase result";
    HelpAddAgreement => "nieuwe afspraak vastleggen", "record a new agreement";
    HelpStatus => "status: voorstel → afgesproken → gedaan → vervallen", "status: proposed → agreed → done → dropped";
    HelpResult => "markeren als tastbaar resultaat van de fase", "mark as the tangible result of the phase";
    HelpFilter => "filter: alle, open, per status", "filter: all, open, by status";
    HelpWalkThrough => "Afspraken van de vorige sessie doorlopen", "Walking through last meeting's agreements";
} }

pub const ADD: Cmd = Cmd::edit("agreements.add");
pub const CYCLE_STATUS: Cmd = Cmd::edit("agreements.status");
pub const TOGGLE_RESULT: Cmd = Cmd::edit("agreements.phase_result");
pub const CYCLE_FILTER: Cmd = Cmd::view("agreements.filter");
pub const REVIEW_DONE: Cmd = Cmd::edit("agreements.review_done");
pub const REVIEW_STILL_OPEN: Cmd = Cmd::edit("agreements.review_still_open");
pub const REVIEW_DROPPED: Cmd = Cmd::edit("agreements.review_dropped");

use ratatui::crossterm::event::KeyCode::{Delete, Enter};

pub static KEYS: &[Binding] = &[
    bh(&[ch('a')], Action::Pane(ADD), M::KeyAddAgreement, M::HelpAddAgreement, true),
    // Enter on the selected row is what anyone tries first: on a full bar its
    // hint gives way before the room display's `z` (`?` lists it).
    b(&[key(Enter), ch('e')], Action::Activate, Msg::KeyEdit, true).spare(),
    bh(&[ch('s')], Action::Pane(CYCLE_STATUS), M::KeyStatus, M::HelpStatus, true),
    bh(&[ch('r')], Action::Pane(TOGGLE_RESULT), M::KeyResult, M::HelpResult, true),
    // The filter in force stands in the log's heading: its hint gives way first.
    bh(&[ch('f')], Action::Pane(CYCLE_FILTER), Msg::KeyFilter, M::HelpFilter, true).spare(),
    b(&[ch('d'), key(Delete)], Action::DeleteSelected, Msg::KeyDelete, true),
];

/// While walking through the agreements carried over from the previous
/// meeting (the log is filtered on them).
pub static WALK_THROUGH: &[Binding] = &[
    bh(&[ch('1')], Action::Pane(REVIEW_DONE), M::KeyDone, M::HelpDone, true),
    bh(&[ch('2')], Action::Pane(REVIEW_STILL_OPEN), M::KeyStillOpen, M::HelpStillOpen, true),
    bh(&[ch('3')], Action::Pane(REVIEW_DROPPED), M::KeyDropped, M::HelpDropped, true),
];

/// The help's and the README's sections for this pane.
static HELP: &[(Msg, &[Binding])] = &[(Msg::PaneAgreements, KEYS), (M::HelpWalkThrough, WALK_THROUGH)];

/// The log's forms.
static FORMS: &[&PaneForm] = &[&forms::AGREEMENT];

/// Which agreements the log shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AgreementFilter {
    #[default]
    All,
    Open,
    Status(AgreementStatus),
    /// Carried over from the previous meeting and not yet walked through.
    ToReview,
}

impl AgreementFilter {
    pub fn next(self) -> AgreementFilter {
        use AgreementStatus::*;
        match self {
            AgreementFilter::All => AgreementFilter::Open,
            AgreementFilter::Open => AgreementFilter::Status(Proposed),
            AgreementFilter::Status(Proposed) => AgreementFilter::Status(Agreed),
            AgreementFilter::Status(Agreed) => AgreementFilter::Status(Done),
            AgreementFilter::Status(Done) => AgreementFilter::Status(Dropped),
            AgreementFilter::Status(Dropped) | AgreementFilter::ToReview => AgreementFilter::All,
        }
    }

    pub fn admits(self, a: &crate::domain::Agreement) -> bool {
        match self {
            AgreementFilter::All => true,
            AgreementFilter::Open => a.status.is_open(),
            AgreementFilter::Status(s) => s == a.status,
            AgreementFilter::ToReview => a.origin.is_some() && a.reviewed_at.is_none(),
        }
    }
}

/// The log's state: its filter, the rows that pass it, the cursor, and the
/// counts for the tab.
#[derive(Debug, Default)]
pub struct State {
    pub filter: AgreementFilter,
    /// Indices into `session.agreements` that pass the filter, in creation order.
    pub rows: Vec<usize>,
    pub cursor: ListCursor,
    pub open: usize,
    pub overdue: usize,
}

impl State {
    /// The agreement under the cursor, as an index into `session.agreements`.
    pub fn selected(&self) -> Option<usize> {
        self.rows.get(self.cursor.sel).copied()
    }
}

pub struct Agreements;

impl Pane for Agreements {
    type State = State;
    const ID: &'static str = "agreements";

    fn title(&self) -> Msg {
        Msg::PaneAgreements
    }

    fn tab(&self, st: &State, _s: &SessionScreen, lang: Lang) -> String {
        if st.overdue > 0 {
            format!("{} {}, {} {}", st.open, Msg::FilterOpen.get(lang), st.overdue, Msg::Overdue.get(lang))
        } else {
            format!("{} {}", st.open, Msg::FilterOpen.get(lang))
        }
    }

    fn tab_alert(&self, st: &State) -> bool {
        st.overdue > 0
    }

    fn bindings(&self, st: &State) -> Vec<&'static [Binding]> {
        if st.filter == AgreementFilter::ToReview { vec![WALK_THROUGH, KEYS] } else { vec![KEYS] }
    }

    fn help(&self) -> &'static [(Msg, &'static [Binding])] {
        HELP
    }

    fn forms(&self) -> &'static [&'static PaneForm] {
        FORMS
    }

    fn reindex(&self, st: &mut State, cx: &Cx) {
        let session = cx.session;
        let filter = st.filter;
        st.rows = (0..session.agreements.len()).filter(|&i| filter.admits(&session.agreements[i])).collect();
        st.cursor.clamp(st.rows.len());
        st.open = session.open_agreements().count();
        st.overdue = session.overdue_agreements(cx.view.today).count();
    }

    fn keep_in_view(&self, st: &mut State, cx: &Cx) {
        st.cursor.show(cx.view.list_rows());
    }

    fn handle(&self, state: &mut AppState, action: &Action, now: Timestamp) -> Option<Vec<Effect>> {
        let view = state.view();
        let s = state.session_mut()?;
        let (session, st) = s.split::<Agreements>();
        let row = st.selected();
        let selected = row.map(|i| session.agreements[i].id.clone());
        match action {
            a if st.cursor.step(a, st.rows.len(), view.list_rows()) => {}
            Action::Pane(ADD) => state.form = Some(forms::agreement_form(session, None)),
            Action::Activate | Action::EditSelected => state.form = Some(forms::agreement_form(session, row)),
            Action::Pane(CYCLE_FILTER) => {
                st.filter = st.filter.next();
                st.cursor.reset();
                state.reindex();
            }
            Action::Pane(CYCLE_STATUS) => {
                let Some(id) = selected else { return Some(Vec::new()) };
                let status = session.agreements[row?].status.cycled();
                return Some(change(state, M::KeyStatus, |s| {
                    s.edit().set_agreement_status(&id, status, now).map(|_| true)
                }));
            }
            Action::Pane(TOGGLE_RESULT) => {
                let Some(id) = selected else { return Some(Vec::new()) };
                return Some(change(state, M::KeyResult, |s| {
                    s.edit().toggle_phase_result(&id, now).map(|_| true)
                }));
            }
            Action::Pane(cmd @ (REVIEW_DONE | REVIEW_STILL_OPEN | REVIEW_DROPPED)) => {
                let outcome = match *cmd {
                    REVIEW_DONE => ReviewOutcome::Done,
                    REVIEW_STILL_OPEN => ReviewOutcome::StillOpen,
                    _ => ReviewOutcome::Dropped,
                };
                return Some(review(state, selected, outcome, now));
            }
            Action::DeleteSelected => {
                let Some(id) = selected else { return Some(Vec::new()) };
                return Some(crate::app::delete(state, |s| s.edit().remove_agreement(&id, now)));
            }
            _ => return None,
        }
        Some(Vec::new())
    }

    fn focus(&self, st: &mut State, cx: &Cx, target: Target, how: Focus) -> bool {
        if target.kind != TextKind::Agreement {
            return false;
        }
        let Some(index) = cx.session.agreement_index(target.id) else { return false };
        if how == Focus::Reveal && !st.rows.contains(&index) {
            st.filter = AgreementFilter::All;
            st.rows = (0..cx.session.agreements.len()).collect();
        }
        match st.rows.iter().position(|x| *x == index) {
            Some(row) => {
                st.cursor.select(row, cx.view.list_rows());
                true
            }
            None => false,
        }
    }

    fn selected(&self, st: &State, s: &SessionScreen, _lang: Lang) -> Option<crate::panes::Selection> {
        let a = &s.session.agreements[st.selected()?];
        Some(crate::panes::Selection {
            kind: crate::domain::TextKind::Agreement,
            id: a.id.clone(),
            question: None,
        })
    }

    fn opened(&self, st: &mut State, cx: &Cx) -> Option<Option<Msg>> {
        // A follow-up meeting starts by walking through what is still open.
        let to_review = cx.session.agreements_to_review().count();
        if to_review == 0 || cx.access.read_only() {
            return None;
        }
        st.filter = AgreementFilter::ToReview;
        self.reindex(st, cx);
        Some(Some(M::WalkThrough))
    }

    fn draw(&self, st: &State, frame: &mut Frame, area: Rect, state: &AppState, s: &SessionScreen) {
        draw::draw(frame, area, state, s, st);
    }
}

/// Walk-through of a carried-over agreement; when the last one is done, the
/// whole log shows again.
fn review(state: &mut AppState, id: Option<String>, outcome: ReviewOutcome, now: Timestamp) -> Vec<Effect> {
    let Some(id) = id else { return Vec::new() };
    let carried = state
        .session()
        .and_then(|s| s.session.agreement_index(&id).map(|i| &s.session.agreements[i]))
        .is_some_and(|a| a.origin.is_some());
    if !carried {
        return Vec::new();
    }
    let what = match outcome {
        ReviewOutcome::Done => M::HelpDone,
        ReviewOutcome::StillOpen => M::HelpStillOpen,
        ReviewOutcome::Dropped => M::HelpDropped,
    };
    let effects = change(state, what, |s| s.edit().review_agreement(&id, outcome, now).map(|_| true));
    if let Some(s) = state.session_mut() {
        let st = s.local_mut::<Agreements>();
        if st.filter == AgreementFilter::ToReview && st.rows.is_empty() {
            st.filter = AgreementFilter::All;
            state.reindex();
            state.info(M::WalkThroughDone);
        }
    }
    effects
}
