//! Capturing and changing what the room says: opening forms on the
//! selection, committing them into the session, deleting and undoing.
//! Every committed change returns `Effect::Save`.

use super::action::{Action, Effect, NewSessionFields};
use super::form::{Choice, Form, Purpose, parse_date};
use super::forms::*;
use super::map::{MAP_ROWS, MapRow, MapSel};
use super::navigate::keep_in_view;
use super::state::{AgreementFilter, AppState, Overlay, Pane, ReflectionRow, SessionScreen};
use crate::domain::{
    AgreementFields, AgreementStatus, AmbitionLens, ContextAspect, DomainError, InterestKind, PartyFields,
    Phase, Temperature, Timestamp,
};
use crate::i18n::Msg;

/// The current map selection as (party index, map row, item).
fn map_cell(s: &SessionScreen) -> Option<(usize, MapRow, usize)> {
    match s.map_sel {
        MapSel::Cell { party, row, item } if party < s.session.parties.len() => {
            Some((party, MAP_ROWS[row], item))
        }
        _ => None,
    }
}

fn selected_interest(s: &SessionScreen) -> Option<usize> {
    let (party, row, item) = map_cell(s)?;
    let MapRow::Kind(_) = row else { return None };
    let r = MAP_ROWS.iter().position(|x| *x == row)?;
    s.map.cells.get(party)?[r].interests.get(item).copied()
}

pub(super) fn session_action(state: &mut AppState, action: Action, now: Timestamp) -> Vec<Effect> {
    let lang = state.lang;
    let Some(s) = state.session() else { return Vec::new() };
    let session = &s.session;
    let form = match (action, s.pane) {
        (Action::AddParty, _) => Some(party_form(session, None, 0)),
        (Action::AddInterest, _) if session.parties.is_empty() => {
            state.warn(Msg::AddPartyFirst);
            None
        }
        (Action::AddInterest, _) => {
            let (party, kind) = match map_cell(s) {
                Some((p, MapRow::Kind(k), _)) => (p, k),
                Some((p, _, _)) => (p, InterestKind::Organisatie),
                None => (0, InterestKind::Organisatie),
            };
            Some(interest_form(session, None, party, kind))
        }
        (Action::AddAgreement, _) => Some(agreement_form(session, None)),
        (Action::AskOwnQuestion, _) => Some(own_question_form()),
        (Action::StartFollowUp, _) => Some(follow_up_form(state.today)),
        (Action::ReviewAgreement(outcome), Pane::Agreements) => {
            let effects = change(state, now, |s| {
                let Some(i) = s.selected_agreement() else { return Ok(false) };
                if s.session.agreements[i].origin.is_none() {
                    return Ok(false);
                }
                let id = s.session.agreements[i].id.clone();
                s.edit().review_agreement(&id, outcome, now).map(|_| true)
            });
            // When the last one is walked through, show the whole log again.
            if let Some(s) = state.session_mut()
                && s.agreement_filter == AgreementFilter::ToReview
                && s.agreement_rows.is_empty()
            {
                s.agreement_filter = AgreementFilter::All;
                state.reindex();
                state.info(Msg::WalkThroughDone);
            }
            return effects;
        }
        (Action::RecordTemperature, _) => Some(temperature_form(session)),
        (Action::Activate | Action::EditSelected, Pane::Interests) => match (s.map_sel, map_cell(s)) {
            (MapSel::Ambition(l), _) => Some(ambition_form(session, AmbitionLens::ALL[l.min(3)])),
            (MapSel::Context(a), _) => Some(context_form(session, ContextAspect::ALL[a.min(2)])),
            (_, Some((p, MapRow::Header, _))) => Some(party_form(session, Some(&session.parties[p].id), 0)),
            (_, Some((p, MapRow::Wants, _))) => Some(party_form(session, Some(&session.parties[p].id), 3)),
            (_, Some((p, MapRow::Offers, _))) => Some(party_form(session, Some(&session.parties[p].id), 4)),
            (_, Some((p, MapRow::Kind(k), _))) => {
                let id = selected_interest(s).map(|i| session.interests[i].id.clone());
                Some(interest_form(session, id.as_deref(), p, k))
            }
            (_, None) => Some(party_form(session, None, 0)),
        },
        (Action::Activate | Action::EditSelected, Pane::Agreements) => {
            Some(agreement_form(session, s.selected_agreement()))
        }
        (Action::Activate | Action::EditSelected, Pane::Timeline) => None,
        (Action::Activate | Action::EditSelected, Pane::Reflections) => match s.selected_reflection_row() {
            Some(ReflectionRow::Prompt(i)) => {
                let p = &state.prompts.all()[i];
                Some(answer_form(Some(p.id.clone()), p.text(lang).to_string(), None, ""))
            }
            Some(ReflectionRow::OwnQuestion(i)) => {
                Some(answer_form(None, session.reflections[i].question.clone(), None, ""))
            }
            Some(ReflectionRow::Answer(i)) => {
                let r = &session.reflections[i];
                Some(answer_form(r.prompt.clone(), r.question.clone(), Some(r.id.clone()), &r.answer))
            }
            Some(ReflectionRow::AskOwn) | None => Some(own_question_form()),
            Some(ReflectionRow::PreviousHeading | ReflectionRow::Previous(_)) => None,
        },
        (Action::DeleteSelected, _) => return delete_selected(state, now),
        (Action::CycleStatus, Pane::Agreements) => {
            return change(state, now, |s| {
                let Some(i) = s.selected_agreement() else { return Ok(false) };
                let (id, status) =
                    (s.session.agreements[i].id.clone(), s.session.agreements[i].status.cycled());
                s.edit().set_agreement_status(&id, status, now).map(|_| true)
            });
        }
        (Action::TogglePhaseResult, Pane::Agreements) => {
            return change(state, now, |s| {
                let Some(i) = s.selected_agreement() else { return Ok(false) };
                let id = s.session.agreements[i].id.clone();
                s.edit().toggle_phase_result(&id, now).map(|_| true)
            });
        }
        _ => None,
    };
    state.form = form;
    Vec::new()
}

/// Apply a change to the open session; on success reindex, keep the
/// selection in view and save. The closure returns whether anything changed.
fn change(
    state: &mut AppState,
    _now: Timestamp,
    f: impl FnOnce(&mut SessionScreen) -> Result<bool, DomainError>,
) -> Vec<Effect> {
    let view = state.view();
    let Some(s) = state.session_mut() else { return Vec::new() };
    match f(s) {
        Ok(true) => {
            s.reindex(&view);
            keep_in_view(state);
            vec![Effect::Save]
        }
        Ok(false) => Vec::new(),
        Err(e) => {
            state.error(e.to_string());
            Vec::new()
        }
    }
}

fn delete_selected(state: &mut AppState, now: Timestamp) -> Vec<Effect> {
    let effects = change(state, now, |s| {
        let removed = match s.pane {
            Pane::Interests => match (map_cell(s), selected_interest(s)) {
                (_, Some(i)) => {
                    let id = s.session.interests[i].id.clone();
                    s.edit().remove_interest(&id, now)?
                }
                (Some((p, MapRow::Header, _)), _) => {
                    let id = s.session.parties[p].id.clone();
                    s.edit().remove_party(&id, now)?
                }
                _ => return Ok(false),
            },
            Pane::Agreements => {
                let Some(i) = s.selected_agreement() else { return Ok(false) };
                let id = s.session.agreements[i].id.clone();
                s.edit().remove_agreement(&id, now)?
            }
            Pane::Timeline => return Ok(false),
            Pane::Reflections => {
                let Some(ReflectionRow::Answer(i)) = s.selected_reflection_row() else { return Ok(false) };
                let id = s.session.reflections[i].id.clone();
                s.edit().remove_reflection(&id, now)?
            }
        };
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
    let effects = change(state, now, |s| match s.undo.pop() {
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
    let effects = change(state, now, |s| s.edit().move_to_phase(to, reason, now).map(|_| true));
    if let Some(s) = state.session_mut() {
        s.reflection_sel = 0;
        s.reflection_top = 0;
    }
    effects
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
            lib.selected = 0;
            lib.top = 0;
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
    let mut new_selection: Option<Selection> = None;
    let effects = change(state, now, |s| {
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
                        new_selection = Some(Selection::Party(id));
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
                new_selection = Some(Selection::Interest(id));
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
                new_selection = Some(Selection::Agreement(id));
            }
            Purpose::Answer { prompt, question, id } => {
                let id = match id {
                    Some(id) => {
                        session.update_reflection(id, question, &form.text(0), now)?;
                        id.clone()
                    }
                    None => session.add_reflection(prompt.as_deref(), question, &form.text(0), now)?,
                };
                new_selection = Some(Selection::Reflection(id));
            }
            Purpose::OwnQuestion => {
                let id = session.add_reflection(None, &form.text(0), &form.text(1), now)?;
                new_selection = Some(Selection::Reflection(id));
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
    if let Some(sel) = new_selection {
        select(state, sel);
    }
    effects
}

fn refuse(mut form: Form, field: usize, msg: Msg) -> Form {
    form.focus = field;
    form.error = Some(msg);
    form
}

/// Something just created or edited, to put the cursor on.
enum Selection {
    Party(String),
    Interest(String),
    Agreement(String),
    Reflection(String),
}

fn select(state: &mut AppState, sel: Selection) {
    let Some(s) = state.session_mut() else { return };
    match sel {
        Selection::Party(id) => {
            if let Some(p) = s.session.party_index(&id) {
                s.map_sel = MapSel::Cell { party: p, row: 0, item: 0 };
                s.map_last_party = p;
            }
        }
        Selection::Interest(id) => {
            let index = s.session.interest_index(&id);
            let found = s.map.cells.iter().enumerate().find_map(|(p, cells)| {
                cells.iter().enumerate().find_map(|(r, c)| {
                    c.interests.iter().position(|x| Some(*x) == index).map(|item| (p, r, item))
                })
            });
            if let Some((party, row, item)) = found {
                s.map_sel = MapSel::Cell { party, row, item };
                s.map_last_party = party;
            }
        }
        Selection::Agreement(id) => {
            if let Some(i) = s.session.agreement_index(&id)
                && let Some(row) = s.agreement_rows.iter().position(|x| *x == i)
            {
                s.agreement_sel = row;
            }
        }
        Selection::Reflection(id) => {
            if let Some(i) = s.session.reflection_index(&id)
                && let Some(row) = s.reflection_rows.iter().position(|x| *x == ReflectionRow::Answer(i))
            {
                s.reflection_sel = row;
            }
        }
    }
    keep_in_view(state);
}
