//! Shared set-up for the benchmarks: generated sessions, an app state on a
//! pane, one keystroke through update + render.

#![allow(dead_code)]

use std::path::PathBuf;

use chrono::DateTime;
use kompas::app::{Access, Action, AppState, OpenedSession, update};
use kompas::domain::{Session, Timestamp};
use kompas::i18n::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub fn now() -> Timestamp {
    DateTime::parse_from_rfc3339("2026-03-30T10:00:00+02:00").unwrap()
}

/// An app with `session` open at `w` x `h`.
pub fn app(session: Session, w: u16, h: u16) -> AppState {
    let mut state = AppState::new(Lang::Nl, PathBuf::from("sessions"), now().date_naive());
    update(&mut state, Action::Resize(w, h), now());
    let opened = OpenedSession {
        session: session.into(),
        path: PathBuf::from("sessions/x.json"),
        access: Access::Edit,
        draft: None,
        previous: None,
    };
    update(&mut state, Action::SessionOpened(Box::new(opened)), now());
    state
}

pub fn terminal(w: u16, h: u16) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(w, h)).unwrap()
}

/// One keystroke as the program handles it: update, then draw the frame.
pub fn keystroke(state: &mut AppState, terminal: &mut Terminal<TestBackend>, action: Action) {
    let effects = update(state, action, now());
    std::hint::black_box(effects);
    terminal.draw(|f| kompas::ui::draw(f, state)).unwrap();
}

/// The keystrokes measured, each a pair that returns to where it started so
/// the work stays the same from one iteration to the next.
pub fn scenarios() -> Vec<(&'static str, Vec<Action>, [Action; 2])> {
    use ratatui_textarea::{Input, Key};
    let ch = |k| Action::FormInput(Input { key: k, ..Default::default() });
    vec![
        // Scrolling the agreement log, in the middle of a long list.
        (
            "scroll agreements",
            vec![Action::NextPane, Action::PageDown, Action::PageDown],
            [Action::Down, Action::Up],
        ),
        // Typing in the agreement form.
        (
            "type in a form",
            vec![Action::NextPane, Action::Pane(kompas::panes::agreements::ADD)],
            [ch(Key::Char('a')), ch(Key::Backspace)],
        ),
        // Switching between the interests map and the agreement log.
        ("switch panes", vec![], [Action::NextPane, Action::PrevPane]),
        // Scrolling the basic-form chooser (the fifth pane) through the key
        // questions, each with the chosen form's reference beside it.
        (
            "scroll the chooser",
            [vec![Action::NextPane; 4], vec![Action::Down; 20]].concat(),
            [Action::Down, Action::Up],
        ),
    ]
}
