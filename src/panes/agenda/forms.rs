//! The agenda's forms: an agenda item (title, phase, minutes, lead), a new
//! note on an item, and editing a note.

use super::super::PaneForm;
use super::M;
use crate::app::{AppState, Choice, Effect, Field, Form, Purpose, commit};
use crate::domain::meeting::{AgendaFields, AttendeeFields, Presence};
use crate::domain::{Phase, Session, Timestamp};
use crate::i18n::Msg;

/// Planned minutes above this are a typing slip (ten hours for one item).
const MAX_MINUTES: u32 = 600;

pub static ITEM: PaneForm = PaneForm::new(
    "agenda.item",
    M::NewItem,
    |session, id| item_form(session, id.and_then(|id| session.agenda_index(id))),
    submit_item,
)
.edit_title(M::EditItem)
.exists_when(|session, id| session.agenda_index(id).is_some());

/// A person on the attendance list; the form's id is the person's.
pub static PERSON: PaneForm = PaneForm::new("agenda.person", M::NewPerson, person_form, submit_person)
    .edit_title(M::EditPerson)
    .exists_when(|session, id| session.attendee_index(id).is_some());

/// A new note; the form's id is the agenda item it goes with (none: the
/// meeting as a whole).
pub static NOTE: PaneForm = PaneForm::new("agenda.note", M::NewNote, note_form, submit_note)
    .exists_when(|session, item| session.agenda_index(item).is_some())
    .context(note_context);

/// Editing a note; the form's id is the note's.
pub static NOTE_EDIT: PaneForm = PaneForm::new(
    "agenda.note_edit",
    M::NewNote,
    |session, id| match id.filter(|id| session.note_index(id).is_some()) {
        Some(id) => note_edit_form(session, id),
        None => note_form(session, None),
    },
    submit_note_edit,
)
.edit_title(M::EditNote)
.exists_when(|session, id| session.note_index(id).is_some());

/// A new item (it goes at the end), or the one at `index` in
/// `session.agenda`. A new item takes the session's phase.
pub(crate) fn item_form(session: &Session, index: Option<usize>) -> Form {
    let a = index.map(|i| &session.agenda[i]);
    let mut leads = vec![Choice::Party(None)];
    leads.extend(session.parties.iter().map(|p| Choice::Party(Some(p.id.clone()))));
    let lead = a.and_then(|a| a.lead.as_deref()).and_then(|l| session.party_index(l)).map_or(0, |i| i + 1);
    let phase = a.map_or(session.phase, |a| a.phase);
    let minutes = a.map_or_else(|| "15".to_string(), |a| a.planned_minutes.to_string());
    let fields = vec![
        Field::text("title", M::Item, a.map_or("", |a| &a.title), true),
        Field::choice(
            "phase",
            Msg::Phase,
            Phase::ALL.map(|p| Choice::Phase(Some(p))).to_vec(),
            phase as usize,
        ),
        Field::text("minutes", M::Minutes, &minutes, true),
        Field::choice("lead", M::Lead, leads, lead),
    ];
    Form::new(Purpose::Pane { form: ITEM.id.into(), id: a.map(|a| a.id.clone()) }, fields)
}

fn submit_item(state: &mut AppState, form: Form, id: Option<String>, now: Timestamp) -> Vec<Effect> {
    let minutes = match form.text("minutes").trim().parse::<u32>() {
        Ok(m) if m <= MAX_MINUTES => m,
        _ => {
            state.form = Some(form.refuse("minutes", M::BadMinutes));
            return Vec::new();
        }
    };
    let fields = AgendaFields {
        title: form.text("title"),
        phase: match form.choice("phase") {
            Some(Choice::Phase(Some(p))) => *p,
            _ => Phase::Verkennen,
        },
        planned_minutes: minutes,
        lead: match form.choice("lead") {
            Some(Choice::Party(p)) => p.clone(),
            _ => None,
        },
    };
    let mut made = None;
    let effects = commit(state, form, None, |session| {
        let id = match &id {
            Some(id) => session.update_agenda_item(id, &fields, now).map(|_| id.clone()),
            None => session.add_agenda_item(&fields, None, now),
        }?;
        made = Some(id.clone());
        Ok(id)
    });
    if let Some(id) = made {
        super::select(state, &id);
    }
    effects
}

/// A new note on agenda item `item` (none: the meeting as a whole).
pub(crate) fn note_form(session: &Session, item: Option<&str>) -> Form {
    let item = item.filter(|id| session.agenda_index(id).is_some());
    Form::new(
        Purpose::Pane { form: NOTE.id.into(), id: item.map(String::from) },
        vec![Field::multiline("text", M::Note, "", true)],
    )
}

fn submit_note(state: &mut AppState, form: Form, item: Option<String>, now: Timestamp) -> Vec<Effect> {
    let text = form.text("text");
    commit(state, form, None, |session| {
        // The item may have gone while the form was open: keep the note.
        let item = item.as_deref().filter(|id| session.agenda_index(id).is_some());
        session.add_note(item, &text, now)
    })
}

/// Editing note `id` (it exists).
pub(crate) fn note_edit_form(session: &Session, id: &str) -> Form {
    let text = session.note_index(id).map_or("", |i| &session.notes[i].text);
    Form::new(
        Purpose::Pane { form: NOTE_EDIT.id.into(), id: Some(id.to_string()) },
        vec![Field::multiline("text", M::Note, text, true)],
    )
}

fn submit_note_edit(state: &mut AppState, form: Form, id: Option<String>, now: Timestamp) -> Vec<Effect> {
    let text = form.text("text");
    commit(state, form, None, |session| match &id {
        Some(id) if session.note_index(id).is_some() => {
            session.update_note(id, &text, now).map(|_| id.clone())
        }
        _ => session.add_note(None, &text, now),
    })
}

/// A new person (present), or person `id`: party, name and role. Presence
/// is changed on the list with one key.
pub(crate) fn person_form(session: &Session, id: Option<&str>) -> Form {
    let a = id.and_then(|id| session.attendee_index(id)).map(|i| &session.attendance[i]);
    let mut parties = vec![Choice::Party(None)];
    parties.extend(session.parties.iter().map(|p| Choice::Party(Some(p.id.clone()))));
    let party = a.and_then(|a| a.party.as_deref()).and_then(|p| session.party_index(p)).map_or(
        // A new person most often comes for a party: the first one.
        usize::from(a.is_none() && !session.parties.is_empty()),
        |i| i + 1,
    );
    Form::new(
        Purpose::Pane { form: PERSON.id.into(), id: a.map(|a| a.id.clone()) },
        vec![
            Field::choice("party", Msg::Party, parties, party),
            Field::text("name", M::Name, a.map_or("", |a| &a.name), true),
            Field::text("role", M::Role, a.map_or("", |a| &a.role), false),
        ],
    )
}

fn submit_person(state: &mut AppState, form: Form, id: Option<String>, now: Timestamp) -> Vec<Effect> {
    let party = match form.choice("party") {
        Some(Choice::Party(p)) => p.clone(),
        _ => None,
    };
    let presence = |s: &Session, id: &str| s.attendee_index(id).map(|i| s.attendance[i].presence);
    let mut fields = AttendeeFields {
        party,
        name: form.text("name"),
        role: form.text("role"),
        presence: Presence::Aanwezig,
    };
    commit(state, form, None, |session| {
        match id.as_deref().filter(|id| session.attendee_index(id).is_some()) {
            Some(id) => {
                fields.presence = presence(session, id).unwrap_or(Presence::Aanwezig);
                session.update_attendee(id, &fields, now).map(|_| id.to_string())
            }
            None => session.add_attendee(&fields, now),
        }
    })
}

/// Above a new note: the agenda item it goes with.
fn note_context(session: &Session, item: Option<&str>, _lang: crate::i18n::Lang) -> Vec<String> {
    item.and_then(|id| session.agenda_index(id))
        .map(|i| session.agenda[i].title.clone())
        .into_iter()
        .collect()
}
