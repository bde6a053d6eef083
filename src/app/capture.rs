//! Capturing and changing what the room says: opening forms on the
//! selection, committing them into the session, deleting and undoing.
//! Every committed change returns `Effect::Save`.

use super::action::{Action, Effect};
use super::form::Form;
use super::state::{AppState, Overlay, SessionScreen};
use crate::domain::{DomainError, Phase, TextKind, Timestamp};
use crate::i18n::Msg;
use crate::panes::Focus;

/// Apply a change to the open session; on success reindex, keep the
/// selection in view and save. The closure returns whether anything changed.
pub fn change(
    state: &mut AppState,
    what: Msg,
    f: impl FnOnce(&mut SessionScreen) -> Result<bool, DomainError>,
) -> Vec<Effect> {
    let view = state.view();
    let Some(s) = state.session_mut() else { return Vec::new() };
    let before = std::sync::Arc::clone(&s.session);
    match f(s) {
        Ok(true) => {
            // Every change can be undone, whatever it touched.
            s.history.record(what, before, &s.session);
            s.reindex(&view);
            s.keep_in_view(&view);
            // What the status line said about an earlier step ("deleted: u
            // undoes it") no longer holds; the caller may say something new.
            state.notice = None;
            vec![Effect::Save]
        }
        Ok(false) => Vec::new(),
        Err(e) => {
            state.fail(e.into());
            Vec::new()
        }
    }
}

/// Delete an item through [`change`]; `u` brings it back.
pub fn delete(
    state: &mut AppState,
    remove: impl FnOnce(&mut SessionScreen) -> Result<crate::domain::Removed, DomainError>,
) -> Vec<Effect> {
    let effects = change(state, Msg::KeyDelete, |s| remove(s).map(|_| true));
    if !effects.is_empty() {
        state.info(Msg::Deleted);
    }
    effects
}

/// Undo the last change (`undo: true`) or make the last undone one again,
/// and say which in the status line. Changes that came in from outside
/// since stay ([`super::history`]); a step that would take one back out is
/// refused, and the notice says so.
pub(super) fn step(state: &mut AppState, undo: bool, now: Timestamp) -> Vec<Effect> {
    use super::history::Taken;
    use super::state::{Notice, NoticeText};
    let view = state.view();
    let Some(s) = state.session_mut() else { return Vec::new() };
    let current = std::sync::Arc::clone(&s.session);
    let taken = if undo { s.history.undo(&current, now) } else { s.history.redo(&current, now) };
    let (what, merged) = match taken {
        Taken::Nothing => {
            state.info(if undo { Msg::NothingToUndo } else { Msg::NothingToRedo });
            return Vec::new();
        }
        Taken::Refused { what } => {
            let text = NoticeText::StepAcross { undone: undo, what, taken: false };
            state.notice = Some(Notice { text, error: true });
            return Vec::new();
        }
        Taken::Done { what, session, merged } => {
            s.session = session;
            (what, merged)
        }
    };
    s.reindex(&view);
    s.keep_in_view(&view);
    let text = if merged {
        NoticeText::StepAcross { undone: undo, what, taken: true }
    } else {
        NoticeText::Step { undone: undo, what }
    };
    state.notice = Some(Notice { text, error: false });
    vec![Effect::Save]
}

pub(super) fn move_phase(
    state: &mut AppState,
    to: Phase,
    reason: Option<&str>,
    now: Timestamp,
) -> Vec<Effect> {
    change(state, Msg::Phase, |s| s.edit().move_to_phase(to, reason, now).map(|_| true))
}

pub(super) fn form_action(state: &mut AppState, action: Action, now: Timestamp) -> Vec<Effect> {
    let lang = state.lang;
    let session = state.session().map(|s| std::sync::Arc::clone(&s.session));
    let Some(form) = state.form.as_mut() else { return Vec::new() };
    match action {
        Action::FormInput(input) => {
            form.input(input, now, &|c| super::form::choice_label(lang, session.as_deref(), c))
        }
        Action::Paste(text) => form.paste(&text),
        Action::FormNewline => form.newline(),
        Action::FormClearField => form.clear_field(),
        Action::FormNextField => form.next_field(),
        Action::FormPrevField => form.prev_field(),
        Action::FormCancel => {
            if form.dirty {
                state.overlay = Some(Overlay::ConfirmDiscard);
            } else {
                state.form = None;
            }
        }
        Action::FormSubmit => return submit(state, now),
        _ => {}
    }
    Vec::new()
}

fn submit(state: &mut AppState, now: Timestamp) -> Vec<Effect> {
    let Some(form) = state.form.take() else { return Vec::new() };
    if let Some(missing) = form.first_missing() {
        let mut form = form;
        form.focus = missing;
        form.error = Some(Msg::RequiredField);
        state.form = Some(form);
        return Vec::new();
    }
    super::forms::submit(state, form, now)
}

/// A form's change to the session, through [`change`]: on success the item
/// it made or edited (its id, of `kind`) gets the cursor; when the domain
/// refuses, the form stays open with everything typed.
pub fn commit(
    state: &mut AppState,
    form: Form,
    kind: Option<TextKind>,
    f: impl FnOnce(&mut crate::domain::Session) -> Result<String, DomainError>,
) -> Vec<Effect> {
    let mut made = None;
    let effects = change(state, form.title(), |s| {
        made = Some(f(s.edit())?);
        Ok(true)
    });
    if effects.is_empty() {
        state.form = Some(form);
    } else if let (Some(kind), Some(id)) = (kind, made) {
        state.focus(kind, &id, Focus::Select);
    }
    effects
}
