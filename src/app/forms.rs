//! The forms that belong to no pane (a new session, the next meeting, a step
//! back, the temperature, the library's search and filter), each builder
//! beside its reader, fields by name; and [`form_for`], which builds any
//! form again from its purpose to bring back a recovered draft. A pane's
//! forms live in its own `forms.rs`.

use chrono::NaiveDate;

use super::action::{Effect, NewSessionFields};
use super::form::{Choice, Field, Form, Purpose};
use super::library::AgreementsShown;
use super::state::{AppState, Library};
use crate::domain::{InterestKind, Phase, Session, Temperature, Timestamp};
use crate::i18n::Msg;
use crate::panes::{interests, reflections};

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub(crate) fn new_session_form(today: NaiveDate, facilitator: &str) -> Form {
    Form::new(
        Purpose::NewSession,
        vec![
            Field::text("title", Msg::Title, "", true),
            Field::date("date", Msg::MeetingDate, &iso(today), true),
            Field::text("facilitator", Msg::Facilitator, facilitator, false),
        ],
    )
}

fn submit_new_session(state: &mut AppState, form: Form) -> Vec<Effect> {
    let Some(meeting_date) = crate::dates::parse(&form.text("date"), state.today) else {
        state.form = Some(form.refuse("date", Msg::BadDate));
        return Vec::new();
    };
    let fields =
        NewSessionFields { title: form.text("title"), meeting_date, facilitator: form.text("facilitator") };
    vec![Effect::CreateSession(fields)]
}

pub(crate) fn follow_up_form(today: NaiveDate) -> Form {
    Form::new(Purpose::FollowUp, vec![Field::date("date", Msg::MeetingDate, &iso(today), true)])
}

fn submit_follow_up(state: &mut AppState, form: Form) -> Vec<Effect> {
    let Some(meeting_date) = crate::dates::parse(&form.text("date"), state.today) else {
        state.form = Some(form.refuse("date", Msg::BadDate));
        return Vec::new();
    };
    let from = match (state.session(), state.library()) {
        (Some(s), _) => s.path.clone(),
        (None, Some(lib)) => match lib.session_entry() {
            Some(e) => e.path.clone(),
            None => return Vec::new(),
        },
        (None, None) => return Vec::new(),
    };
    vec![Effect::CreateFollowUp { from, meeting_date }]
}

/// The day a date typed in a form counts from ("vrijdag", "over 2 weken",
/// a year-less "31-10"): the open meeting's date for what is said in the
/// meeting (a due date), so a session filled in afterwards reads the dates as
/// they were meant; today for a new session or the next meeting.
pub(crate) fn date_base(state: &AppState, purpose: &Purpose) -> NaiveDate {
    match (purpose, state.session()) {
        (Purpose::NewSession | Purpose::FollowUp, _) | (_, None) => state.today,
        (_, Some(s)) => s.session.meeting_date,
    }
}

pub(crate) fn phase_reason_form(to: Phase) -> Form {
    Form::new(Purpose::PhaseReason { to }, vec![Field::multiline("reason", Msg::Reason, "", false)])
}

fn submit_phase_reason(state: &mut AppState, form: Form, to: Phase, now: Timestamp) -> Vec<Effect> {
    super::capture::move_phase(state, to, Some(&form.text("reason")), now)
}

/// A new reading starts on this meeting's last level, else on the last one
/// of the earlier meetings (`earlier`: what the header shows as "last
/// time"), else on waakzaam.
pub(crate) fn temperature_form(session: &Session, earlier: Option<Temperature>) -> Form {
    let current = session.latest_temperature().map(|t| t.level).or(earlier).unwrap_or(Temperature::Waakzaam);
    let levels = Temperature::ALL.map(Choice::Temperature).to_vec();
    Form::new(
        Purpose::Temperature,
        vec![
            Field::choice("level", Msg::Temperature, levels, current as usize),
            Field::multiline("note", Msg::Note, "", false),
        ],
    )
    .focused("note")
}

fn submit_temperature(state: &mut AppState, form: Form, now: Timestamp) -> Vec<Effect> {
    let level = match form.choice("level") {
        Some(Choice::Temperature(t)) => *t,
        _ => Temperature::Waakzaam,
    };
    let note = form.text("note");
    super::capture::commit(state, form, None, |session| {
        session.record_temperature(level, &note, now);
        Ok(String::new())
    })
}

pub(crate) fn search_form(query: &str) -> Form {
    Form::new(Purpose::Search, vec![Field::text("query", Msg::SearchFor, query, true)])
}

pub(crate) fn filter_form(lib: &Library) -> Form {
    let phases: Vec<Choice> =
        std::iter::once(Choice::Phase(None)).chain(Phase::ALL.map(|p| Choice::Phase(Some(p)))).collect();
    let phase = lib.filter.phase.map_or(0, |p| p.index() + 1);
    let shown = [AgreementsShown::Any, AgreementsShown::WithOpen, AgreementsShown::WithOverdue];
    let agreements = shown.iter().position(|a| *a == lib.filter.agreements).unwrap_or(0);
    Form::new(
        Purpose::LibraryFilter,
        vec![
            Field::text("party", Msg::Party, &lib.filter.party, false),
            Field::choice("phase", Msg::Phase, phases, phase),
            Field::choice(
                "agreements",
                Msg::PaneAgreements,
                shown.map(Choice::Agreements).to_vec(),
                agreements,
            ),
        ],
    )
}

fn submit_filter(state: &mut AppState, form: Form) -> Vec<Effect> {
    if let Some(lib) = state.library_mut() {
        lib.filter.party = form.text("party").trim().to_string();
        if let Some(Choice::Phase(p)) = form.choice("phase") {
            lib.filter.phase = *p;
        }
        if let Some(Choice::Agreements(a)) = form.choice("agreements") {
            lib.filter.agreements = *a;
        }
        lib.cursor.reset();
        lib.rerow();
    }
    Vec::new()
}

/// What submitting a (complete) form does: its purpose's reader.
pub(super) fn submit(state: &mut AppState, form: Form, now: Timestamp) -> Vec<Effect> {
    match form.purpose.clone() {
        Purpose::NewSession => submit_new_session(state, form),
        Purpose::FollowUp => submit_follow_up(state, form),
        Purpose::PhaseReason { to } => submit_phase_reason(state, form, to, now),
        Purpose::Temperature => submit_temperature(state, form, now),
        Purpose::Search => {
            super::library_update::run_search(state, form.text("query"));
            Vec::new()
        }
        Purpose::LibraryFilter => submit_filter(state, form),
        Purpose::Party { id } => interests::forms::submit_party(state, form, id, now),
        Purpose::Interest { id } => interests::forms::submit_interest(state, form, id, now),
        Purpose::Ambition(_) => interests::forms::submit_ambition(state, form, now),
        Purpose::Context(_) => interests::forms::submit_context(state, form, now),
        Purpose::Pane { form: which, id } => match crate::panes::pane_form(&which) {
            Some(f) => (f.submit)(state, form, id, now),
            None => Vec::new(),
        },
        Purpose::Answer { prompt, question, id } => {
            reflections::forms::submit_answer(state, form, (prompt, question, id), now)
        }
        Purpose::OwnQuestion => reflections::forms::submit_own_question(state, form, now),
    }
}

/// A fresh form for `purpose`, as the key that opens it would build it. Used
/// to bring back a recovered draft; an item that no longer exists turns the
/// draft into a new item.
pub(crate) fn form_for(purpose: &Purpose, session: &Session, today: NaiveDate) -> Form {
    match purpose {
        Purpose::NewSession => new_session_form(today, ""),
        Purpose::Party { id } => interests::forms::party_form(session, id.as_deref(), "organisation"),
        Purpose::Interest { id } => {
            let first = session.parties.first().map_or(crate::domain::TABLE, |p| p.id.as_str());
            interests::forms::interest_form(session, id.as_deref(), first, InterestKind::Organisatie)
        }
        Purpose::Pane { form, id } => match crate::panes::pane_form(form) {
            Some(f) => (f.build)(session, id.as_deref().filter(|id| (f.exists)(session, id))),
            // A draft of a form this version does not have: nothing to offer.
            None => Form::new(purpose.clone(), Vec::new()),
        },
        Purpose::Answer { prompt, question, id } => {
            let id = id.clone().filter(|id| session.reflection_index(id).is_some());
            reflections::forms::answer_form(prompt.clone(), question.clone(), id, "")
        }
        Purpose::OwnQuestion => reflections::forms::own_question_form(),
        Purpose::PhaseReason { to } => phase_reason_form(*to),
        Purpose::FollowUp => follow_up_form(today),
        Purpose::Search => search_form(""),
        Purpose::LibraryFilter => Form::new(Purpose::LibraryFilter, Vec::new()),
        Purpose::Temperature => temperature_form(session, None),
        Purpose::Ambition(lens) => interests::forms::ambition_form(session, *lens),
        Purpose::Context(aspect) => interests::forms::context_form(session, *aspect),
    }
}
