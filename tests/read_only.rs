//! A read-only session (held by another kompas, or opened with `kompas
//! review`) takes no edit: every binding whose action edits, in every pane
//! and mode, is sent as the key a facilitator would press, and the session,
//! the forms and the effects stay as they were.

use crate::common;

use std::path::PathBuf;

use kompas::app::*;
use kompas::domain::*;
use kompas::i18n::{Lang, Msg};
use kompas::keymap::{self, Binding, MOVES, PHASE_PICKER, SESSION, action_for};
use kompas::panes::{PANES, agenda, relationship};
use ratatui::crossterm::event::KeyEvent;

fn now() -> Timestamp {
    common::at("2026-04-09T10:00:00+02:00")
}

/// A follow-up meeting: carried-over agreements to walk through, parties,
/// interests, answers; every pane has something under its cursor.
fn session() -> Session {
    let first = common::realistic_session();
    let mut next = first.follow_up("s2".into(), "first.json", common::date(2026, 4, 9), now());
    next.add_reflection(None, "Wat valt op?", "Veel", now()).unwrap();
    next
}

fn open(access: Access, pane: usize) -> AppState {
    let mut state = AppState::new(Lang::En, PathBuf::from("sessions"), now().date_naive());
    update(&mut state, Action::Resize(120, 35), now());
    let path = PathBuf::from("sessions/second.json");
    let opened = OpenedSession { session: session().into(), path, access, draft: None, previous: None };
    update(&mut state, Action::SessionOpened(Box::new(opened)), now());
    state.session_mut().unwrap().pane = pane;
    // Something selected, as after a few arrow presses.
    update(&mut state, Action::Down, now());
    state
}

/// Every table a pane can have: its own, then the session's.
fn tables(pane: usize) -> Vec<&'static [Binding]> {
    let own = PANES[pane].help().iter().map(|(_, t)| *t);
    own.chain([SESSION, MOVES]).collect()
}

fn refused_without_a_trace(state: &mut AppState, binding: &Binding, what: &str) {
    let before = state.session().unwrap().session.as_ref().clone();
    for chord in binding.keys {
        let ev = KeyEvent::new(chord.code, chord.mods);
        let action =
            action_for(state, &ev).unwrap_or_else(|| panic!("{what}: {} is not bound", chord.label()));
        assert!(action.edits(), "{what}: {} reached {action:?}", chord.label());
        let effects = update(state, action.clone(), now());
        assert!(effects.is_empty(), "{what}: {action:?} gave {effects:?}");
        assert!(state.form.is_none(), "{what}: {action:?} opened a form");
        assert!(
            !matches!(state.overlay, Some(Overlay::PhasePicker { .. })),
            "{what}: {action:?} opened the phase picker"
        );
        assert_eq!(
            state.session().unwrap().session.as_ref(),
            &before,
            "{what}: {action:?} changed the session"
        );
        let refused = state.notice.as_ref().map(|n| (n.text.clone(), n.error));
        assert_eq!(refused, Some((NoticeText::Msg(Msg::ReadOnlyRefused), true)), "{what}: {action:?}");
        state.notice = None;
    }
}

#[test]
fn every_editing_key_of_every_pane_is_refused_in_a_read_only_session() {
    let mut tried = 0;
    for access in [Access::HeldElsewhere, Access::Review] {
        for (pane, shown) in PANES.iter().enumerate() {
            for table in tables(pane) {
                for binding in table.iter().filter(|b| b.action.edits()) {
                    let mut state = open(access, pane);
                    // The walk-through keys work while the log is filtered on
                    // the carried-over agreements.
                    if shown.id() == "agreements" {
                        let s = state.session_mut().unwrap();
                        s.local_mut::<Agreements>().filter = AgreementFilter::ToReview;
                        state.reindex();
                    }
                    // The typical problems' keys work in the Relation pane's problems.
                    if std::ptr::eq(table, relationship::PROBLEM_KEYS) {
                        let s = state.session_mut().unwrap();
                        s.local_mut::<relationship::Relationship>().showing = relationship::Showing::Problems;
                        state.reindex();
                    }
                    // The attendance keys work on the agenda's attendance view.
                    if std::ptr::eq(table, agenda::PEOPLE_KEYS) {
                        let s = state.session_mut().unwrap();
                        s.local_mut::<agenda::Agenda>().showing = agenda::Showing::People;
                    }
                    let what = format!("{access:?} {} {:?}", shown.id(), binding.action);
                    refused_without_a_trace(&mut state, binding, &what);
                    tried += 1;
                }
            }
        }
    }
    // Interests 4, agreements 8, reflections 4, timeline 0, grondvorm 5,
    // agenda 3 + 9 and its attendance 2, the game 7, relationship 6 (2 in both
    // views, 3 on the relation, 1 on the typical problems), each
    // with the session's 9 (W, write a deleted file again, and M, merge
    // copies, among them): a table that lost its editing keys would show here.
    assert_eq!(tried, 2 * (4 + 8 + 4 + 5 + 3 + 9 + 2 + 7 + 6 + 9 * 8), "editing bindings tried");
}

#[test]
fn the_phase_picker_takes_no_pick_in_a_read_only_session() {
    for access in [Access::HeldElsewhere, Access::Review] {
        for binding in PHASE_PICKER.iter().filter(|b| b.action.edits()) {
            let mut state = open(access, 0);
            let before = state.session().unwrap().session.as_ref().clone();
            let phase = before.phase;
            for chord in binding.keys {
                state.overlay = Some(Overlay::PhasePicker { selected: phase.next().unwrap_or(phase) });
                let action = action_for(&state, &KeyEvent::new(chord.code, chord.mods)).unwrap();
                assert!(update(&mut state, action, now()).is_empty());
                assert!(state.form.is_none(), "a reason form for a step back");
                assert_eq!(state.session().unwrap().session.as_ref(), &before);
            }
        }
    }
}

#[test]
fn review_tab_enter_opens_no_edit_form() {
    // The replay of issue 9: `kompas review FILE`, Tab to the map, Enter.
    let mut state = open(Access::Review, 0);
    update(&mut state, Action::NextPane, now());
    let enter = KeyEvent::new(
        ratatui::crossterm::event::KeyCode::Enter,
        ratatui::crossterm::event::KeyModifiers::NONE,
    );
    let action = action_for(&state, &enter).unwrap();
    update(&mut state, action, now());
    assert!(state.form.is_none());
    // The hint bar offers no key that edits.
    for (key, label) in keymap::hints(&state) {
        assert!(![Msg::KeyEdit, Msg::KeyAddInterest, Msg::KeyDelete].contains(&label), "{key} {label:?}");
    }
}
