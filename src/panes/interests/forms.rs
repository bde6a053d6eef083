//! The map's forms, each builder beside its reader, fields by name: a party
//! (with what it wants and offers), an interest, the shared ambition and the
//! context.

use super::super::PaneForm;
use crate::app::{AppState, Choice, Effect, Field, Form, Purpose, commit};
use crate::domain::{
    AmbitionLens, ContextAspect, DomainError, InterestKind, PartyFields, Session, TABLE, TextKind, Timestamp,
    table_words as W,
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

/// A new interest of `holder` (a party's id or the whole table) and
/// `kind`, or interest `id`. The whole table is offered after the parties.
pub(crate) fn interest_form(session: &Session, id: Option<&str>, holder: &str, kind: InterestKind) -> Form {
    let item = id.and_then(|id| session.interest_index(id)).map(|i| &session.interests[i]);
    let holders: Vec<&str> = session.parties.iter().map(|p| p.id.as_str()).chain([TABLE]).collect();
    let holder = item.map_or(holder, |i| i.party.as_str());
    let party = holders.iter().position(|h| *h == holder).unwrap_or(0);
    let kind = item.map_or(kind, |i| i.kind);
    let parties = holders.iter().map(|h| Choice::Party(Some(h.to_string()))).collect();
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

/// What the whole table (issue 9) wants and offers together.
pub static TABLE_FORM: PaneForm =
    PaneForm::new("interests.table", W::WholeTable, |session, _| whole_table_form(session), submit_table)
        .context(|_, _, lang| vec![W::WholeTableNote.get(lang).to_string()]);

fn whole_table_form(session: &Session) -> Form {
    Form::new(
        Purpose::Pane { form: TABLE_FORM.id.into(), id: Some(TABLE.into()) },
        vec![
            Field::multiline("wants", Msg::Wants, &session.table.wants, false),
            Field::multiline("offers", Msg::Offers, &session.table.offers, false),
        ],
    )
}

/// The whole table's form with the cursor in `focus` (`wants`, `offers`).
pub(crate) fn table_form(session: &Session, focus: &str) -> Form {
    whole_table_form(session).focused(focus)
}

fn submit_table(state: &mut AppState, form: Form, _id: Option<String>, now: Timestamp) -> Vec<Effect> {
    let (wants, offers) = (form.text("wants"), form.text("offers"));
    commit(state, form, Some(TextKind::NetworkQuestion), |session| {
        session.set_table(&wants, &offers, now);
        Ok(TABLE.to_string())
    })
}
