//! The agreement form: its builder and its reader, fields by name.

use super::super::PaneForm;
use crate::app::{AppState, Choice, Effect, Field, Form, Purpose, commit};
use crate::domain::{AgreementFields, AgreementStatus, Session, TABLE, TextKind, Timestamp};
use crate::i18n::Msg;

/// The agreement form, as the registry of forms knows it.
pub static AGREEMENT: PaneForm = PaneForm::new(
    "agreements.agreement",
    Msg::NewAgreement,
    |session, id| agreement_form(session, id.and_then(|id| session.agreement_index(id))),
    submit_agreement,
)
.edit_title(Msg::EditAgreement)
.exists_when(|session, id| session.agreement_index(id).is_some());

/// A new agreement, or the one at `index` in `session.agreements`.
pub(crate) fn agreement_form(session: &Session, index: Option<usize>) -> Form {
    let a = index.map(|i| &session.agreements[i]);
    // No owner, each party, then the whole table (issue 9): owned jointly.
    let holders: Vec<String> =
        session.parties.iter().map(|p| p.id.clone()).chain([TABLE.to_string()]).collect();
    let mut owners = vec![Choice::Party(None)];
    owners.extend(holders.iter().map(|id| Choice::Party(Some(id.clone()))));
    let owner = a
        .and_then(|a| a.owner.as_deref())
        .and_then(|o| holders.iter().position(|h| h == o))
        .map_or(0, |i| i + 1);
    let status = a.map_or(AgreementStatus::Proposed, |a| a.status);
    let due = a.and_then(|a| a.due).map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default();
    Form::new(
        Purpose::Pane { form: AGREEMENT.id.into(), id: a.map(|a| a.id.clone()) },
        vec![
            Field::multiline("text", Msg::Agreement, a.map_or("", |a| &a.text), true),
            // Owner and due date first: an agreement with both is its
            // text, Tab, a letter of the owner, Tab, the date, Enter.
            Field::choice("owner", Msg::Owner, owners, owner),
            Field::date("due", Msg::Due, &due, false),
            Field::parties("parties", Msg::Involved, holders, a.map_or(&[][..], |a| &a.parties)),
            Field::choice(
                "status",
                Msg::Status,
                AgreementStatus::ALL.map(Choice::Status).to_vec(),
                status as usize,
            ),
            Field::check("phase_result", Msg::PhaseResult, a.is_some_and(|a| a.phase_result)),
        ],
    )
}

/// Read the agreement form into the session; the new or edited agreement
/// gets the cursor.
pub(crate) fn submit_agreement(
    state: &mut AppState,
    form: Form,
    id: Option<String>,
    now: Timestamp,
) -> Vec<Effect> {
    let fields = match read_agreement(&form, crate::app::date_base(state, &form.purpose)) {
        Ok(fields) => fields,
        Err((field, why)) => {
            state.form = Some(form.refuse(field, why));
            return Vec::new();
        }
    };
    commit(state, form, Some(TextKind::Agreement), |session| match &id {
        Some(id) => session.update_agreement(id, &fields, now).map(|_| id.clone()),
        None => session.add_agreement(&fields, now),
    })
}

/// The agreement a form of [`agreement_form`]'s fields holds, or the field
/// to refuse and why; a due date like "vrijdag" counts from `today` (the
/// meeting's date, `app::date_base`).
pub(crate) fn read_agreement(
    form: &Form,
    today: chrono::NaiveDate,
) -> Result<AgreementFields, (&'static str, Msg)> {
    let due = match form.text("due").trim() {
        "" => None,
        t => Some(crate::dates::parse(t, today).ok_or(("due", Msg::BadDate))?),
    };
    Ok(AgreementFields {
        text: form.text("text"),
        owner: match form.choice("owner") {
            Some(Choice::Party(p)) => p.clone(),
            _ => None,
        },
        parties: form.ticked_parties("parties"),
        due,
        status: match form.choice("status") {
            Some(Choice::Status(st)) => *st,
            _ => AgreementStatus::Proposed,
        },
        phase_result: form.checked("phase_result"),
    })
}
