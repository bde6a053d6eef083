//! The forms a key opens, built from the session and the selection: what
//! fields, in which order, filled with what, and which field has the cursor.

use chrono::NaiveDate;

use super::form::{Choice, Field, Form, Purpose};
use crate::domain::{
    AgreementStatus, AmbitionLens, ContextAspect, InterestKind, Phase, Session, Temperature,
};
use crate::i18n::{Msg, aspect_msg, lens_msg};

pub(crate) fn new_session_form(today: NaiveDate) -> Form {
    Form::new(
        Purpose::NewSession,
        vec![
            Field::text(Msg::Title, "", true),
            Field::text(Msg::MeetingDate, &today.format("%Y-%m-%d").to_string(), true),
            Field::text(Msg::Facilitator, "", false),
        ],
    )
}

pub(crate) fn follow_up_form(today: NaiveDate) -> Form {
    Form::new(
        Purpose::FollowUp,
        vec![Field::text(Msg::MeetingDate, &today.format("%Y-%m-%d").to_string(), true)],
    )
}

pub(crate) fn phase_reason_form(to: Phase) -> Form {
    Form::new(Purpose::PhaseReason { to }, vec![Field::multiline(Msg::Reason, "", false)])
}

pub(crate) fn party_form(session: &Session, id: Option<&str>, focus: usize) -> Form {
    let p = id.and_then(|id| session.party(id));
    let get = |f: fn(&crate::domain::Party) -> &String| p.map_or("", |p| f(p).as_str());
    Form::new(
        Purpose::Party { id: p.map(|p| p.id.clone()) },
        vec![
            Field::text(Msg::Organisation, get(|p| &p.organisation), true),
            Field::text(Msg::Representative, get(|p| &p.representative), false),
            Field::text(Msg::Role, get(|p| &p.role), false),
            Field::multiline(Msg::Wants, get(|p| &p.wants), false),
            Field::multiline(Msg::Offers, get(|p| &p.offers), false),
        ],
    )
    .focused(focus)
}

fn party_choices(session: &Session) -> Vec<Choice> {
    session.parties.iter().map(|p| Choice::Party(Some(p.id.clone()))).collect()
}

pub(crate) fn interest_form(session: &Session, id: Option<&str>, party: usize, kind: InterestKind) -> Form {
    let item = id.and_then(|id| session.interest_index(id)).map(|i| &session.interests[i]);
    let party = item.and_then(|i| session.party_index(&i.party)).unwrap_or(party);
    let kind = item.map_or(kind, |i| i.kind);
    Form::new(
        Purpose::Interest { id: item.map(|i| i.id.clone()) },
        vec![
            Field::choice(Msg::Party, party_choices(session), party),
            Field::choice(Msg::Kind, InterestKind::ALL.map(Choice::Kind).to_vec(), kind as usize),
            Field::multiline(Msg::Text, item.map_or("", |i| &i.text), true),
        ],
    )
    .focused(2)
}

pub(crate) fn agreement_form(session: &Session, index: Option<usize>) -> Form {
    let a = index.map(|i| &session.agreements[i]);
    let mut owners = vec![Choice::Party(None)];
    owners.extend(party_choices(session));
    let owner = a.and_then(|a| a.owner.as_deref()).and_then(|o| session.party_index(o)).map_or(0, |i| i + 1);
    let status = a.map_or(AgreementStatus::Proposed, |a| a.status);
    Form::new(
        Purpose::Agreement { id: a.map(|a| a.id.clone()) },
        vec![
            Field::multiline(Msg::Agreement, a.map_or("", |a| &a.text), true),
            Field::choice(Msg::Owner, owners, owner),
            Field::parties(
                Msg::Involved,
                session.parties.iter().map(|p| p.id.clone()).collect(),
                a.map_or(&[][..], |a| &a.parties),
            ),
            Field::text(
                Msg::Due,
                &a.and_then(|a| a.due).map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default(),
                false,
            ),
            Field::choice(Msg::Status, AgreementStatus::ALL.map(Choice::Status).to_vec(), status as usize),
            Field::check(Msg::PhaseResult, a.is_some_and(|a| a.phase_result)),
        ],
    )
}

pub(crate) fn ambition_form(session: &Session, lens: AmbitionLens) -> Form {
    let fields =
        AmbitionLens::ALL.map(|l| Field::multiline(lens_msg(l), session.ambition.get(l), false)).to_vec();
    Form::new(Purpose::Ambition(lens), fields).focused(lens as usize)
}

pub(crate) fn context_form(session: &Session, aspect: ContextAspect) -> Form {
    let fields =
        ContextAspect::ALL.map(|a| Field::multiline(aspect_msg(a), session.context.get(a), false)).to_vec();
    Form::new(Purpose::Context(aspect), fields).focused(aspect as usize)
}

pub(crate) fn temperature_form(session: &Session) -> Form {
    let current = session.latest_temperature().map_or(Temperature::Waakzaam, |t| t.level);
    Form::new(
        Purpose::Temperature,
        vec![
            Field::choice(
                Msg::Temperature,
                Temperature::ALL.map(Choice::Temperature).to_vec(),
                current as usize,
            ),
            Field::multiline(Msg::Note, "", false),
        ],
    )
    .focused(1)
}

pub(crate) fn answer_form(
    prompt: Option<String>,
    question: String,
    id: Option<String>,
    answer: &str,
) -> Form {
    Form::new(Purpose::Answer { prompt, question, id }, vec![Field::multiline(Msg::Answer, answer, true)])
}

pub(crate) fn own_question_form() -> Form {
    Form::new(
        Purpose::OwnQuestion,
        vec![Field::text(Msg::Question, "", true), Field::multiline(Msg::Answer, "", true)],
    )
}

/// A fresh form for `purpose`, as the key that opens it would build it. Used
/// to bring back a recovered draft; an item that no longer exists turns the
/// draft into a new item.
pub(crate) fn form_for(purpose: &Purpose, session: &Session, today: NaiveDate) -> Form {
    match purpose {
        Purpose::NewSession => new_session_form(today),
        Purpose::Party { id } => party_form(session, id.as_deref(), 0),
        Purpose::Interest { id } => interest_form(session, id.as_deref(), 0, InterestKind::Organisatie),
        Purpose::Agreement { id } => {
            agreement_form(session, id.as_deref().and_then(|id| session.agreement_index(id)))
        }
        Purpose::Answer { prompt, question, id } => {
            let id = id.clone().filter(|id| session.reflection_index(id).is_some());
            answer_form(prompt.clone(), question.clone(), id, "")
        }
        Purpose::OwnQuestion => own_question_form(),
        Purpose::PhaseReason { to } => phase_reason_form(*to),
        Purpose::FollowUp => follow_up_form(today),
        Purpose::Search => super::library_update::search_form(""),
        Purpose::LibraryFilter => Form::new(Purpose::LibraryFilter, Vec::new()),
        Purpose::Temperature => temperature_form(session),
        Purpose::Ambition(lens) => ambition_form(session, *lens),
        Purpose::Context(aspect) => context_form(session, *aspect),
    }
}
