//! The map's forms, each builder beside its reader, fields by name: a party
//! (with what it wants and offers), an interest, the shared ambition and the
//! context.

use crate::app::{AppState, Choice, Effect, Field, Form, Purpose, commit};
use crate::domain::{
    AmbitionLens, ContextAspect, DomainError, InterestKind, PartyFields, Session, TextKind, Timestamp,
};
use crate::i18n::{Msg, aspect_msg, lens_msg};

/// A new party, or party `id`; the cursor in field `focus`.
pub(crate) fn party_form(session: &Session, id: Option<&str>, focus: &str) -> Form {
    let p = id.and_then(|id| session.party(id));
    let get = |f: fn(&crate::domain::Party) -> &String| p.map_or("", |p| f(p).as_str());
    Form::new(
        Purpose::Party { id: p.map(|p| p.id.clone()) },
        vec![
            Field::text("organisation", Msg::Organisation, get(|p| &p.organisation), true),
            Field::text("representative", Msg::Representative, get(|p| &p.representative), false),
            Field::text("role", Msg::Role, get(|p| &p.role), false),
            Field::multiline("wants", Msg::Wants, get(|p| &p.wants), false),
            Field::multiline("offers", Msg::Offers, get(|p| &p.offers), false),
        ],
    )
    .focused(focus)
}

pub(crate) fn submit_party(
    state: &mut AppState,
    form: Form,
    id: Option<String>,
    now: Timestamp,
) -> Vec<Effect> {
    let fields = PartyFields {
        organisation: form.text("organisation"),
        representative: form.text("representative"),
        role: form.text("role"),
        wants: form.text("wants"),
        offers: form.text("offers"),
    };
    commit(state, form, Some(TextKind::Party), |session| match &id {
        Some(id) => session.update_party(id, &fields, now).map(|_| id.clone()),
        None => session.add_party(&fields, now),
    })
}

/// A new interest of party `party` (index) and `kind`, or interest `id`.
pub(crate) fn interest_form(session: &Session, id: Option<&str>, party: usize, kind: InterestKind) -> Form {
    let item = id.and_then(|id| session.interest_index(id)).map(|i| &session.interests[i]);
    let party = item.and_then(|i| session.party_index(&i.party)).unwrap_or(party);
    let kind = item.map_or(kind, |i| i.kind);
    let parties = session.parties.iter().map(|p| Choice::Party(Some(p.id.clone()))).collect();
    Form::new(
        Purpose::Interest { id: item.map(|i| i.id.clone()) },
        vec![
            Field::choice("party", Msg::Party, parties, party),
            Field::choice("kind", Msg::Kind, InterestKind::ALL.map(Choice::Kind).to_vec(), kind as usize),
            Field::multiline("text", Msg::Text, item.map_or("", |i| &i.text), true),
        ],
    )
    .focused("text")
}

pub(crate) fn submit_interest(
    state: &mut AppState,
    form: Form,
    id: Option<String>,
    now: Timestamp,
) -> Vec<Effect> {
    let party = match form.choice("party") {
        Some(Choice::Party(Some(p))) => Some(p.clone()),
        _ => None,
    };
    let kind = match form.choice("kind") {
        Some(Choice::Kind(k)) => *k,
        _ => InterestKind::Organisatie,
    };
    let text = form.text("text");
    commit(state, form, Some(TextKind::Interest), |session| {
        let party = party.ok_or(DomainError::Empty("party"))?;
        match &id {
            Some(id) => session.update_interest(id, &party, kind, &text, now).map(|_| id.clone()),
            None => session.add_interest(&party, kind, &text, now),
        }
    })
}

/// The field of each lens, by name.
fn lens_field(l: AmbitionLens) -> &'static str {
    match l {
        AmbitionLens::Problem => "problem",
        AmbitionLens::Solution => "solution",
        AmbitionLens::Opportunity => "opportunity",
        AmbitionLens::Form => "form",
    }
}

fn aspect_field(a: ContextAspect) -> &'static str {
    match a {
        ContextAspect::Players => "players",
        ContextAspect::Process => "process",
        ContextAspect::Environment => "environment",
    }
}

/// All four lenses of the shared ambition; the cursor in `lens`.
pub(crate) fn ambition_form(session: &Session, lens: AmbitionLens) -> Form {
    let fields = AmbitionLens::ALL
        .map(|l| Field::multiline(lens_field(l), lens_msg(l), session.ambition.get(l), false))
        .to_vec();
    Form::new(Purpose::Ambition(lens), fields).focused(lens_field(lens))
}

pub(crate) fn submit_ambition(state: &mut AppState, form: Form, now: Timestamp) -> Vec<Effect> {
    let texts = AmbitionLens::ALL.map(|l| (l, form.text(lens_field(l))));
    commit(state, form, None, |session| {
        for (lens, text) in &texts {
            session.set_ambition(*lens, text, now);
        }
        Ok(String::new())
    })
}

/// All three aspects of the context; the cursor in `aspect`.
pub(crate) fn context_form(session: &Session, aspect: ContextAspect) -> Form {
    let fields = ContextAspect::ALL
        .map(|a| Field::multiline(aspect_field(a), aspect_msg(a), session.context.get(a), false))
        .to_vec();
    Form::new(Purpose::Context(aspect), fields).focused(aspect_field(aspect))
}

pub(crate) fn submit_context(state: &mut AppState, form: Form, now: Timestamp) -> Vec<Effect> {
    let texts = ContextAspect::ALL.map(|a| (a, form.text(aspect_field(a))));
    commit(state, form, None, |session| {
        for (aspect, text) in &texts {
            session.set_context(*aspect, text, now);
        }
        Ok(String::new())
    })
}
