//! The typical problems' forms: a problem's finding and note in the
//! facilitator's own words, and one part of the diagnosis route (on
//! "continue?" with the decision). Each says above its fields what it is
//! about, marked as the model's words or ours.

use super::forms::marked;
use super::problems::P;
use crate::app::{AppState, Choice, Effect, Field, Form, Purpose, commit};
use crate::content::relationship::guide;
use crate::domain::{Continuation, Finding, RouteField, Session, Timestamp, TypicalProblem};
use crate::i18n::Msg;
use crate::panes::PaneForm;

pub static PROBLEM: PaneForm = PaneForm::new(
    "relationship.problem",
    P::ProblemTitle,
    |session, id| problem_form(session, problem(id)),
    |state, form, id, now| submit_problem(state, form, problem(id.as_deref()), now),
)
.exists_when(|_, id| TypicalProblem::from_id(id).is_some())
.context(|_, id, lang| {
    let g = guide().problem(problem(id));
    let mut lines = vec![format!("{}: {}", g.name.get(lang), marked(&g.about, lang))];
    lines.extend(g.signal.as_ref().map(|s| marked(s, lang)));
    lines
});

pub static ROUTE: PaneForm = PaneForm::new(
    "relationship.route",
    P::RouteTitle,
    |session, id| route_form(session, field(id)),
    |state, form, id, now| submit_route(state, form, field(id.as_deref()), now),
)
.exists_when(|_, id| RouteField::from_id(id).is_some())
.context(|_, id, lang| {
    let step = guide().route_step(field(id));
    vec![format!("{}: {}", step.name.get(lang), marked(&step.about, lang))]
});

/// The problem a form is for; a recovered draft of an unknown one (which
/// `exists` rules out) falls back to the first.
fn problem(id: Option<&str>) -> TypicalProblem {
    id.and_then(TypicalProblem::from_id).unwrap_or(TypicalProblem::ALL[0])
}

fn field(id: Option<&str>) -> RouteField {
    id.and_then(RouteField::from_id).unwrap_or(RouteField::ALL[0])
}

fn finding_label(f: Finding) -> Msg {
    let name = guide().finding(f);
    Msg::new(f.id(), &name.nl, &name.en)
}

fn continuation_label(c: Continuation) -> Msg {
    let name = guide().continuation(c);
    Msg::new(c.id(), &name.nl, &name.en)
}

pub(crate) fn problem_form(session: &Session, p: TypicalProblem) -> Form {
    let check = session.diagnosis.problems.get(&p);
    let mut findings = vec![Choice::Item { id: "", label: P::NoFinding }];
    findings.extend(Finding::ALL.iter().map(|f| Choice::Item { id: f.id(), label: finding_label(*f) }));
    let at = check.and_then(|c| c.finding).map_or(0, |f| f.index() + 1);
    Form::new(
        Purpose::Pane { form: PROBLEM.id.into(), id: Some(p.id().into()) },
        vec![
            Field::choice("finding", P::FindingField, findings, at),
            Field::multiline("note", P::OwnWords, check.map_or("", |c| &c.note), false),
        ],
    )
}

fn submit_problem(state: &mut AppState, form: Form, p: TypicalProblem, now: Timestamp) -> Vec<Effect> {
    let finding = match form.choice("finding") {
        Some(Choice::Item { id, .. }) => Finding::from_id(id),
        _ => None,
    };
    let note = form.text("note");
    commit(state, form, None, |s| {
        s.set_finding(p, finding, now);
        s.set_problem_note(p, &note, now);
        Ok(p.id().into())
    })
}

/// One part of the route; "continue?" also asks the decision.
pub(crate) fn route_form(session: &Session, f: RouteField) -> Form {
    let d = &session.diagnosis;
    let mut fields = Vec::new();
    if f == RouteField::Doorgaan {
        let mut choices = vec![Choice::Item { id: "", label: P::NoFinding }];
        choices.extend(
            Continuation::ALL.iter().map(|c| Choice::Item { id: c.id(), label: continuation_label(*c) }),
        );
        let at = d.continuation.map_or(0, |c| c.index() + 1);
        fields.push(Field::choice("decision", P::ContinueField, choices, at));
    }
    fields.push(Field::multiline("text", Msg::Note, d.route.get(&f).map_or("", |t| t.as_str()), false));
    Form::new(Purpose::Pane { form: ROUTE.id.into(), id: Some(f.id().into()) }, fields).focused("text")
}

fn submit_route(state: &mut AppState, form: Form, f: RouteField, now: Timestamp) -> Vec<Effect> {
    // Only "continue?" has the decision.
    let decision = (f == RouteField::Doorgaan).then(|| match form.choice("decision") {
        Some(Choice::Item { id, .. }) => Continuation::from_id(id),
        _ => None,
    });
    let text = form.text("text");
    commit(state, form, None, |s| {
        s.set_route_note(f, &text, now);
        if let Some(decision) = decision {
            s.set_continuation(decision, now);
        }
        Ok(f.id().into())
    })
}
