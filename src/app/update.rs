//! The pure state machine: `update(state, action, now)` changes the state and
//! returns the effects the runtime must carry out. No terminal, no files, no
//! clock.

use super::action::{Action, Effect, OpenedSession};
use super::state::{AppState, LibraryView, Overlay, SaveState, Screen, SessionScreen};
use super::{capture, forms, library_update};
use crate::domain::{Phase, Timestamp};
use crate::i18n::Msg;
use crate::panes::{Focus, PANES};

pub fn update(state: &mut AppState, action: Action, now: Timestamp) -> Vec<Effect> {
    state.today = now.date_naive();
    state.now = now;
    let mut effects = act(state, action, now);
    // After every action: the draft journal follows the open form.
    let journal = super::journal::plan(state, &effects);
    effects.extend(journal);
    effects
}

fn act(state: &mut AppState, action: Action, now: Timestamp) -> Vec<Effect> {
    match action {
        Action::Tick => {
            // What runs with the clock is derived again (the panes that asked
            // for the tick); a timer's warning may ask for the bell.
            let view = state.view();
            let ring = state.session_mut().is_some_and(|s| {
                s.reindex_timed(&view);
                s.take_bell()
            });
            if ring { vec![Effect::Bell] } else { Vec::new() }
        }
        Action::ChainLoaded { path, chain } => {
            let view = state.view();
            if let Some(s) = state.session_mut().filter(|s| s.path == path) {
                s.chain = Some(chain);
                s.reindex(&view);
            }
            Vec::new()
        }
        Action::Resize(w, h) => {
            state.width = w;
            state.height = h;
            state.reindex();
            state.keep_in_view();
            Vec::new()
        }
        Action::Quit => {
            state.quitting = true;
            vec![Effect::Quit]
        }
        Action::LibraryUpdate { generation, entries, done } => {
            library_update::merge(state, generation, entries, done);
            Vec::new()
        }
        Action::OverviewReady(overview) => {
            if let Some(lib) = state.library_mut() {
                lib.view = LibraryView::Overview { overview, scroll: Default::default() };
            }
            Vec::new()
        }
        Action::SessionOpened(opened) => {
            open_session(state, *opened);
            super::copies_offer::look(state)
        }
        Action::CopiesFound { path, copies } => super::copies_offer::found(state, path, copies),
        Action::CopiesMerged(m) => super::copies_offer::merged(state, *m, now),
        Action::CopiesRemoved(r) => super::copies_offer::removed(state, *r),
        Action::CopiesRestored(r) => super::copies_offer::restored(state, *r),
        Action::Exported(path) => {
            state.notice =
                Some(super::state::Notice { text: super::state::NoticeText::Exported(path), error: false });
            Vec::new()
        }
        Action::StartExport if state.form.is_none() && state.overlay.is_none() => {
            let path = match (&state.screen, state.library()) {
                (Screen::Session(s), _) => Some(s.path.clone()),
                (_, Some(lib)) if matches!(lib.view, LibraryView::List) => {
                    lib.session_entry().filter(|e| e.summary().is_some()).map(|e| e.path.clone())
                }
                _ => None,
            };
            if let Some(path) = path {
                state.overlay = Some(Overlay::ExportChooser { path });
            }
            Vec::new()
        }
        Action::OpenFailed(failure) => {
            state.fail(failure);
            Vec::new()
        }
        Action::RoomReport(report) => {
            super::room::report(state, report);
            Vec::new()
        }
        // Room display keys come only from the tables of the screens that
        // have them (and `Z` closes the address box it opened).
        Action::Room(key) if state.form.is_none() && state.overlay.is_none() => {
            if action_edits(key) && state.read_only() {
                state.warn(Msg::ReadOnlyRefused);
                return Vec::new();
            }
            if !super::room::applies(state, key) {
                return Vec::new();
            }
            super::room::key(state, key, now)
        }
        Action::Saving => {
            if let Some(s) = state.session_mut()
                && matches!(s.save, SaveState::Saved(_))
            {
                s.save = SaveState::Saving;
            }
            Vec::new()
        }
        Action::Saved => {
            if let Some(s) = state.session_mut() {
                s.save = SaveState::Saved(now);
            }
            // Copies merged before this save may go now.
            super::copies_offer::saved(state)
        }
        Action::SaveFailed(failure) => {
            if let Some(s) = state.session_mut() {
                s.save = SaveState::Failed(failure);
            }
            Vec::new()
        }
        Action::FromDisk(news) => {
            let in_step = news == super::outside::DiskNews::InStep;
            let mut effects = super::outside::from_disk(state, news, now);
            if in_step {
                effects.extend(super::copies_offer::saved(state));
            }
            effects
        }
        Action::DraftKept(kept) => super::journal::kept(state, *kept),
        Action::WriteAgain if state.form.is_none() && state.overlay.is_none() => {
            super::outside::write_again(state)
        }
        Action::MergeCopies if state.form.is_none() && state.overlay.is_none() => {
            if state.read_only() {
                state.warn(Msg::ReadOnlyRefused);
                return Vec::new();
            }
            super::copies_offer::merge(state, now)
        }
        Action::ShowConflicts if state.form.is_none() && state.overlay.is_none() => {
            super::conflicts::show(state)
        }
        Action::RetrySave => match state.session() {
            Some(s) if matches!(s.save, SaveState::Failed(_)) => vec![Effect::Save],
            _ => Vec::new(),
        },
        // The conversation coach (issue 10) opens over a pane, a pane's
        // box or a form, and closes with the same key.
        Action::ShowCoach if matches!(state.overlay, None | Some(Overlay::Coach { .. })) => {
            crate::panes::relationship::coach::show(state)
        }
        action if state.overlay.is_some() => overlay(state, action, now),
        action if state.form.is_some() => capture::form_action(state, action, now),
        // A pane's own box over the screen takes every key.
        action if state.session().is_some_and(|s| s.active().overlay(s)) => pane_action(state, action, now),
        action => match state.screen {
            Screen::Library(_) => library_update::library(state, action),
            Screen::Session(_) => session(state, action, now),
        },
    }
}

/// Whether a room key changes the session (a privacy mark).
fn action_edits(key: super::room::RoomKey) -> bool {
    Action::Room(key).edits()
}

fn open_session(state: &mut AppState, opened: OpenedSession) {
    let OpenedSession { session, path, access, draft, previous } = opened;
    let view = state.view();
    let mut screen = SessionScreen::new(session, path, access, previous, &view);
    // A journal left by an earlier run goes once its text is saved again.
    screen.journal.on_disk = draft.is_some();
    let notice = screen.opened(&view);
    screen.keep_in_view(&view);
    state.screen = Screen::Session(Box::new(screen));
    state.form = None;
    state.overlay = None;
    state.notice = None;
    if let Some(notice) = notice {
        state.info(notice);
    }
    if let Some((kind, item)) = state.pending_focus.take() {
        state.focus(kind, &item, Focus::Reveal);
    }
    // A read-only session says so in the status line; no draft is offered.
    if let (false, Some(draft), Some(s)) = (access.read_only(), draft, state.session()) {
        // Offer what was being typed: the form reopens with it, Enter keeps
        // it, Esc asks before throwing it away.
        let mut form = forms::form_for(&draft.purpose, &s.session, state.today);
        form.restore(&draft);
        state.form = Some(form);
        state.info(Msg::DraftRecovered);
    }
}

fn session(state: &mut AppState, action: Action, now: Timestamp) -> Vec<Effect> {
    // A read-only session refuses every change, and says why.
    if action.edits() && state.read_only() {
        state.warn(Msg::ReadOnlyRefused);
        return Vec::new();
    }
    match action {
        Action::NextPane | Action::PrevPane => {
            if let Some(s) = state.session_mut() {
                let n = PANES.len();
                s.pane = if action == Action::NextPane { (s.pane + 1) % n } else { (s.pane + n - 1) % n };
            }
        }
        Action::NextPhase | Action::PrevPhase => {
            let Some(s) = state.session() else { return Vec::new() };
            let target =
                if action == Action::NextPhase { s.session.phase.next() } else { s.session.phase.prev() };
            match target {
                Some(to) => return go_to_phase(state, to, now),
                None => {
                    state.warn(if action == Action::NextPhase { Msg::NoNextPhase } else { Msg::NoPrevPhase })
                }
            }
        }
        Action::OpenPhasePicker => {
            let selected = state.session().map_or(Phase::Verkennen, |s| s.session.phase);
            state.overlay = Some(Overlay::PhasePicker { selected });
        }
        Action::GoToPhase(to) => return go_to_phase(state, to, now),
        Action::ShowHelp => state.overlay = Some(Overlay::Help { scroll: 0 }),
        Action::BackToSessions => {
            state.notice = None;
            let mut effects = vec![Effect::CloseSession];
            effects.extend(library_update::relist(state));
            return effects;
        }
        // A merge of copies undone or made again: its copies follow (issue 8).
        Action::Undo | Action::Redo => {
            let mut effects = capture::step(state, action == Action::Undo, now);
            effects.extend(super::copies_offer::stepped(state));
            return effects;
        }
        Action::RecordTemperature => {
            if let Some(s) = state.session() {
                let earlier =
                    s.chain.as_ref().and_then(|c| c.iter().rev().find_map(|m| m.latest_temperature()));
                state.form = Some(forms::temperature_form(&s.session, earlier.map(|t| t.level)));
            }
        }
        Action::StartFollowUp => state.form = Some(forms::follow_up_form(state.today)),
        Action::Paste(_) => {}
        other => return pane_action(state, other, now),
    }
    Vec::new()
}

/// An action for the pane shown.
fn pane_action(state: &mut AppState, action: Action, now: Timestamp) -> Vec<Effect> {
    let Some(pane) = state.session().map(|s| s.active()) else { return Vec::new() };
    pane.handle(state, &action, now).unwrap_or_default()
}

/// Move to `to`: forward at once, backward after asking for a reason.
pub(super) fn go_to_phase(state: &mut AppState, to: Phase, now: Timestamp) -> Vec<Effect> {
    if state.read_only() {
        state.warn(Msg::ReadOnlyRefused);
        return Vec::new();
    }
    let Some(s) = state.session() else { return Vec::new() };
    if s.session.phase == to {
        state.warn(Msg::AlreadyInPhase);
        return Vec::new();
    }
    if s.session.is_step_back(to) {
        state.form = Some(forms::phase_reason_form(to));
        return Vec::new();
    }
    capture::move_phase(state, to, None, now)
}

fn overlay(state: &mut AppState, action: Action, now: Timestamp) -> Vec<Effect> {
    let Some(current) = state.overlay.clone() else { return Vec::new() };
    match (current, action) {
        (Overlay::Help { scroll }, Action::Down) => {
            state.overlay = Some(Overlay::Help { scroll: scroll + 1 })
        }
        (Overlay::Help { scroll }, Action::Up) => {
            state.overlay = Some(Overlay::Help { scroll: scroll.saturating_sub(1) })
        }
        (Overlay::Help { scroll }, Action::PageDown) => {
            state.overlay = Some(Overlay::Help { scroll: scroll + 10 })
        }
        (Overlay::Help { scroll }, Action::PageUp) => {
            state.overlay = Some(Overlay::Help { scroll: scroll.saturating_sub(10) })
        }
        (Overlay::Help { .. }, Action::CloseOverlay | Action::ShowHelp) => state.overlay = None,
        (Overlay::PhasePicker { selected }, Action::Up | Action::Left) => {
            state.overlay = Some(Overlay::PhasePicker { selected: selected.prev().unwrap_or(selected) })
        }
        (Overlay::PhasePicker { selected }, Action::Down | Action::Right) => {
            state.overlay = Some(Overlay::PhasePicker { selected: selected.next().unwrap_or(selected) })
        }
        (Overlay::PhasePicker { selected }, Action::Activate) => {
            state.overlay = None;
            return go_to_phase(state, selected, now);
        }
        (Overlay::PhasePicker { .. }, Action::GoToPhase(to)) => {
            state.overlay = None;
            return go_to_phase(state, to, now);
        }
        (Overlay::PhasePicker { .. }, Action::CloseOverlay) => state.overlay = None,
        (Overlay::ConfirmDiscard, Action::ConfirmYes) => {
            state.overlay = None;
            state.form = None;
        }
        (Overlay::ConfirmDiscard, Action::ConfirmNo | Action::CloseOverlay) => state.overlay = None,
        (Overlay::ExportChooser { path }, Action::Export(format)) => {
            state.overlay = None;
            return vec![Effect::Export { path, format }];
        }
        (Overlay::ExportChooser { .. }, Action::CloseOverlay) => state.overlay = None,
        (Overlay::Coach { scroll }, action) => {
            return crate::panes::relationship::coach::on_key(state, scroll, &action);
        }
        (Overlay::Conflicts { sel, rows }, action) => {
            return super::conflicts::key(state, sel, &rows, action, now);
        }
        (Overlay::RoomAddress, Action::CloseOverlay | Action::Room(super::room::RoomKey::ShowAddress)) => {
            state.overlay = None
        }
        _ => {}
    }
    Vec::new()
}
