//! Capturing and changing what the room says: opening forms on the
//! selection, committing them into the session, deleting and undoing.
//! Every committed change returns `Effect::Save`.

use super::action::{Action, Effect, NewSessionFields};
use super::form::{Choice, Form, Purpose, parse_date};
use super::state::{AppState, Overlay, SessionScreen};
use crate::domain::{
    AgreementFields, AgreementStatus, AmbitionLens, ContextAspect, DomainError, InterestKind, PartyFields,
    Phase, Temperature, TextKind, Timestamp,
};
use crate::i18n::Msg;
use crate::panes::Focus;

/// Apply a change to the open session; on success reindex, keep the
/// selection in view and save. The closure returns whether anything changed.
pub fn change(
    state: &mut AppState,
    f: impl FnOnce(&mut SessionScreen) -> Result<bool, DomainError>,
) -> Vec<Effect> {
    let view = state.view();
    let Some(s) = state.session_mut() else { return Vec::new() };
    match f(s) {
        Ok(true) => {
            s.reindex(&view);
            s.keep_in_view(&view);
            vec![Effect::Save]
        }
        Ok(false) => Vec::new(),
        Err(e) => {
            state.error(e.to_string());
            Vec::new()
        }
    }
}

/// Delete an item through [`change`]; `u` brings it back.
pub fn delete(
    state: &mut AppState,
    remove: impl FnOnce(&mut SessionScreen) -> Result<crate::domain::Removed, DomainError>,
) -> Vec<Effect> {
    let effects = change(state, |s| {
        let removed = remove(s)?;
        s.undo.push(removed);
        if s.undo.len() > 100 {
            s.undo.remove(0);
        }
        Ok(true)
    });
    if !effects.is_empty() {
        state.info(Msg::Deleted);
    }
    effects
}

pub(super) fn undo(state: &mut AppState, now: Timestamp) -> Vec<Effect> {
    let effects = change(state, |s| match s.undo.pop() {
        Some(removed) => {
            s.edit().restore(removed, now);
            Ok(true)
        }
        None => Ok(false),
    });
    state.info(if effects.is_empty() { Msg::NothingToUndo } else { Msg::Restored });
    effects
}

pub(super) fn move_phase(
    state: &mut AppState,
    to: Phase,
    reason: Option<&str>,
    now: Timestamp,
) -> Vec<Effect> {
    change(state, |s| s.edit().move_to_phase(to, reason, now).map(|_| true))
}

pub(super) fn form_action(state: &mut AppState, action: Action, now: Timestamp) -> Vec<Effect> {
    let Some(form) = state.form.as_mut() else { return Vec::new() };
    match action {
        Action::FormInput(input) => form.input(input),
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
    if let Purpose::NewSession = form.purpose {
        let Some(meeting_date) = parse_date(&form.text(1)) else {
            state.form = Some(refuse(form, 1, Msg::BadDate));
            return Vec::new();
        };
        let fields = NewSessionFields { title: form.text(0), meeting_date, facilitator: form.text(2) };
        return vec![Effect::CreateSession(fields)];
    }
    if let Purpose::PhaseReason { to } = form.purpose {
        return move_phase(state, to, Some(&form.text(0)), now);
    }
    if let Purpose::FollowUp = form.purpose {
        let Some(meeting_date) = parse_date(&form.text(0)) else {
            state.form = Some(refuse(form, 0, Msg::BadDate));
            return Vec::new();
        };
        let from = match (state.session(), state.library()) {
            (Some(s), _) => s.path.clone(),
            (None, Some(lib)) => match lib.selected_entry() {
                Some(e) => e.path.clone(),
                None => return Vec::new(),
            },
            (None, None) => return Vec::new(),
        };
        return vec![Effect::CreateFollowUp { from, meeting_date }];
    }
    if let Purpose::Search = form.purpose {
        super::library_update::run_search(state, form.text(0));
        return Vec::new();
    }
    if let Purpose::LibraryFilter = form.purpose {
        if let Some(lib) = state.library_mut() {
            lib.filter.party = form.text(0).trim().to_string();
            if let Some(Choice::Phase(p)) = form.choice(1) {
                lib.filter.phase = *p;
            }
            if let Some(Choice::Agreements(a)) = form.choice(2) {
                lib.filter.agreements = *a;
            }
            lib.cursor.reset();
            lib.rerow();
        }
        return Vec::new();
    }
    let due_field = 3;
    let due = if let Purpose::Agreement { .. } = form.purpose {
        let text = form.text(due_field);
        match text.trim() {
            "" => None,
            t => match parse_date(t) {
                Some(d) => Some(d),
                None => {
                    state.form = Some(refuse(form, due_field, Msg::BadDate));
                    return Vec::new();
                }
            },
        }
    } else {
        None
    };
    let mut new_selection: Option<(TextKind, String)> = None;
    let effects = change(state, |s| {
        let session = s.edit();
        match &form.purpose {
            Purpose::Party { id } => {
                let f = PartyFields {
                    organisation: form.text(0),
                    representative: form.text(1),
                    role: form.text(2),
                    wants: form.text(3),
                    offers: form.text(4),
                };
                match id {
                    Some(id) => session.update_party(id, &f, now)?,
                    None => {
                        let id = session.add_party(&f, now)?;
                        new_selection = Some((TextKind::Party, id));
                    }
                }
            }
            Purpose::Interest { id } => {
                let party = match form.choice(0) {
                    Some(Choice::Party(Some(p))) => p.clone(),
                    _ => return Err(DomainError::Empty("party")),
                };
                let kind = match form.choice(1) {
                    Some(Choice::Kind(k)) => *k,
                    _ => InterestKind::Organisatie,
                };
                let id = match id {
                    Some(id) => {
                        session.update_interest(id, &party, kind, &form.text(2), now)?;
                        id.clone()
                    }
                    None => session.add_interest(&party, kind, &form.text(2), now)?,
                };
                new_selection = Some((TextKind::Interest, id));
            }
            Purpose::Agreement { id } => {
                let f = AgreementFields {
                    text: form.text(0),
                    owner: match form.choice(1) {
                        Some(Choice::Party(p)) => p.clone(),
                        _ => None,
                    },
                    parties: form.ticked_parties(2),
                    due,
                    status: match form.choice(4) {
                        Some(Choice::Status(st)) => *st,
                        _ => AgreementStatus::Proposed,
                    },
                    phase_result: form.checked(5),
                };
                let id = match id {
                    Some(id) => {
                        session.update_agreement(id, &f, now)?;
                        id.clone()
                    }
                    None => session.add_agreement(&f, now)?,
                };
                new_selection = Some((TextKind::Agreement, id));
            }
            Purpose::Answer { prompt, question, id } => {
                let id = match id {
                    Some(id) => {
                        session.update_reflection(id, question, &form.text(0), now)?;
                        id.clone()
                    }
                    None => session.add_reflection(prompt.as_deref(), question, &form.text(0), now)?,
                };
                new_selection = Some((TextKind::Answer, id));
            }
            Purpose::OwnQuestion => {
                let id = session.add_reflection(None, &form.text(0), &form.text(1), now)?;
                new_selection = Some((TextKind::Answer, id));
            }
            Purpose::Temperature => {
                let level = match form.choice(0) {
                    Some(Choice::Temperature(t)) => *t,
                    _ => Temperature::Waakzaam,
                };
                session.record_temperature(level, &form.text(1), now);
            }
            Purpose::Ambition(_) => {
                for (i, lens) in AmbitionLens::ALL.into_iter().enumerate() {
                    session.set_ambition(lens, &form.text(i), now);
                }
            }
            Purpose::Context(_) => {
                for (i, aspect) in ContextAspect::ALL.into_iter().enumerate() {
                    session.set_context(aspect, &form.text(i), now);
                }
            }
            Purpose::NewSession
            | Purpose::PhaseReason { .. }
            | Purpose::FollowUp
            | Purpose::Search
            | Purpose::LibraryFilter => {}
        }
        Ok(true)
    });
    if effects.is_empty() {
        // The domain refused (the error is in the notice): keep the typing.
        state.form = Some(form);
        return effects;
    }
    if let Some((kind, id)) = new_selection {
        state.focus(kind, &id, Focus::Select);
    }
    effects
}

fn refuse(mut form: Form, field: usize, msg: Msg) -> Form {
    form.focus = field;
    form.error = Some(msg);
    form
}
