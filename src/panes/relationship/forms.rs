//! The pane's forms, each builder beside its reader: a thermometer reading
//! (level, whose reading, note), the room's score of a condition, one
//! party's score of a condition, and the trust stage. Each says above its
//! fields what it is about, marked as the model's words or ours.

use super::M;
use super::coach::C;
use crate::app::{AppState, Choice, Effect, Field, Form, Purpose, commit};
use crate::content::relationship::{W, guide};
use crate::content::{Text, origin_label};
use crate::domain::{
    Condition, InterestKind, ReformulationMove, Session, TABLE, Temperature, TextKind, Timestamp, TrustStage,
};
use crate::i18n::{Lang, Msg};
use crate::panes::PaneForm;

pub static READING: PaneForm = PaneForm::new(
    "relationship.reading",
    M::ReadingTitle,
    |session, id| reading_form(session, id.and_then(|id| reading_index(session, id))),
    submit_reading,
)
.edit_title(M::EditReadingTitle)
.exists_when(|session, id| reading_index(session, id).is_some())
.context(|_, _, lang| vec![marked(&guide().thermometer.party_readings, lang)]);

pub static CONDITION: PaneForm = PaneForm::new(
    "relationship.condition",
    M::ConditionTitle,
    |session, id| condition_form(session, condition(id)),
    |state, form, id, now| submit_condition(state, form, condition(id.as_deref()), now),
)
.exists_when(|_, id| Condition::from_id(id).is_some())
.context(|_, id, lang| condition_context(condition(id), lang));

pub static PARTY_SCORE: PaneForm = PaneForm::new(
    "relationship.party_score",
    M::PartyScoreTitle,
    |session, id| party_score_form(session, condition(id), None),
    |state, form, id, now| submit_party_score(state, form, condition(id.as_deref()), now),
)
.exists_when(|_, id| Condition::from_id(id).is_some())
.context(|_, id, lang| condition_context(condition(id), lang));

pub static TRUST: PaneForm = PaneForm::new(
    "relationship.trust",
    M::TrustTitle,
    |session, _| trust_form(session),
    |state, form, _, now| submit_trust(state, form, now),
)
.context(|_, _, lang| {
    let t = &guide().trust;
    let mut lines = vec![marked(&t.about, lang)];
    lines.extend(t.stages.iter().enumerate().map(|(n, s)| format!("{} {}", n + 1, s.name.get(lang))));
    lines
});

pub static CAPTURE: PaneForm = PaneForm::new(
    "relationship.capture",
    C::CaptureTitle,
    |session, _| capture_form(session, None, None),
    |state, form, _, now| submit_capture(state, form, now),
)
.exists_when(|_, _| false)
.context(|_, _, lang| vec![marked(&guide().coach.capture, lang)]);

/// A text of the asset with whose words it is: "… (model)".
pub(super) fn marked(t: &Text, lang: Lang) -> String {
    format!("{} ({})", t.get(lang), origin_label(t.origin, lang, true))
}

fn reading_index(session: &Session, id: &str) -> Option<usize> {
    session.temperature.iter().position(|t| t.id == id)
}

/// The condition a form is for; a recovered draft of an unknown one (which
/// `exists` rules out) falls back to the first.
fn condition(id: Option<&str>) -> Condition {
    id.and_then(Condition::from_id).unwrap_or(Condition::ALL[0])
}

fn condition_context(c: Condition, lang: Lang) -> Vec<String> {
    let g = guide();
    let info = g.condition(c);
    vec![
        format!("{}: {}", info.name.get(lang), marked(&info.about, lang)),
        format!("{}: {}", M::Prompt.get(lang), marked(&g.question(c).text, lang)),
        marked(&g.conditions.scale, lang),
    ]
}

const SCORES: [Msg; 5] = [M::Score1, M::Score2, M::Score3, M::Score4, M::Score5];
const SCORE_IDS: [&str; 5] = ["1", "2", "3", "4", "5"];

/// "no score", then 1 to 5.
fn score_choices(with_none: bool) -> Vec<Choice> {
    let mut out = if with_none { vec![Choice::Item { id: "", label: M::NoScore }] } else { Vec::new() };
    out.extend(SCORE_IDS.iter().zip(SCORES).map(|(id, label)| Choice::Item { id, label }));
    out
}

fn read_score(form: &Form) -> Option<u8> {
    match form.choice("score") {
        Some(Choice::Item { id, .. }) => id.parse().ok(),
        _ => None,
    }
}

// ---- a reading ------------------------------------------------------------

/// A new reading, or the one at `index` in `session.temperature`.
pub(crate) fn reading_form(session: &Session, index: Option<usize>) -> Form {
    let r = index.map(|i| &session.temperature[i]);
    let level = r.map(|r| r.level).or(session.latest_temperature().map(|t| t.level));
    let mut readers = vec![Choice::Item { id: "", label: W::FacilitatorReader }];
    readers.extend(session.parties.iter().map(|p| Choice::Party(Some(p.id.clone()))));
    let reader = r.and_then(|r| r.party.as_deref()).and_then(|p| session.party_index(p)).map_or(0, |i| i + 1);
    Form::new(
        Purpose::Pane { form: READING.id.into(), id: r.map(|r| r.id.clone()) },
        vec![
            Field::choice(
                "level",
                M::Level,
                Temperature::ALL.map(Choice::Temperature).to_vec(),
                level.unwrap_or(Temperature::Waakzaam) as usize,
            ),
            Field::choice("reader", M::Reader, readers, reader),
            Field::text("note", M::Note, r.map_or("", |r| &r.note), false),
        ],
    )
}

fn submit_reading(state: &mut AppState, form: Form, id: Option<String>, now: Timestamp) -> Vec<Effect> {
    let level = match form.choice("level") {
        Some(Choice::Temperature(t)) => *t,
        _ => Temperature::Waakzaam,
    };
    let party = match form.choice("reader") {
        Some(Choice::Party(p)) => p.clone(),
        _ => None,
    };
    let note = form.text("note");
    commit(state, form, Some(TextKind::Note), |session| match &id {
        Some(id) => session.update_reading(id, level, party.as_deref(), &note, now).map(|_| id.clone()),
        None => session.record_reading(level, party.as_deref(), &note, now),
    })
}

// ---- the room's score of a condition -------------------------------------

pub(crate) fn condition_form(session: &Session, c: Condition) -> Form {
    let check = session.conditions.get(&c);
    let score = check.and_then(|x| x.score).map_or(0, usize::from);
    Form::new(
        Purpose::Pane { form: CONDITION.id.into(), id: Some(c.id().into()) },
        vec![
            Field::choice("score", M::ScoreField, score_choices(true), score),
            Field::multiline("note", M::Note, check.map_or("", |x| &x.note), false),
        ],
    )
}

fn submit_condition(state: &mut AppState, form: Form, c: Condition, now: Timestamp) -> Vec<Effect> {
    let (score, note) = (read_score(&form), form.text("note"));
    commit(state, form, None, |session| session.score_condition(c, score, &note, now).map(|_| c.id().into()))
}

// ---- one party's score of a condition -------------------------------------

/// The score of `party` (by default the first party without one).
pub(crate) fn party_score_form(session: &Session, c: Condition, party: Option<&str>) -> Form {
    let check = session.conditions.get(&c);
    let scored = |p: &str| check.and_then(|x| x.parties.get(p));
    let index = party
        .and_then(|p| session.party_index(p))
        .or_else(|| session.parties.iter().position(|p| scored(&p.id).is_none()))
        .unwrap_or(0);
    let current = session.parties.get(index).and_then(|p| scored(&p.id));
    let parties = session.parties.iter().map(|p| Choice::Party(Some(p.id.clone()))).collect();
    Form::new(
        Purpose::Pane { form: PARTY_SCORE.id.into(), id: Some(c.id().into()) },
        vec![
            Field::choice("party", Msg::Party, parties, index),
            Field::choice(
                "score",
                M::ScoreField,
                score_choices(true),
                current.map_or(0, |x| usize::from(x.score)),
            ),
            Field::text("note", M::Note, current.map_or("", |x| &x.note), false),
        ],
    )
}

fn submit_party_score(state: &mut AppState, form: Form, c: Condition, now: Timestamp) -> Vec<Effect> {
    let Some(Choice::Party(Some(party))) = form.choice("party").cloned() else { return Vec::new() };
    let (score, note) = (read_score(&form), form.text("note"));
    commit(state, form, None, |session| {
        session.score_condition_for_party(c, &party, score, &note, now).map(|_| c.id().into())
    })
}

// ---- the trust stage ---------------------------------------------------------

fn stage_label(s: TrustStage) -> Msg {
    let name = &guide().stage(s).name;
    Msg::new(s.id(), &name.nl, &name.en)
}

pub(crate) fn trust_form(session: &Session) -> Form {
    let current = session.trust.as_ref();
    let stages =
        TrustStage::ALL.iter().map(|s| Choice::Item { id: s.id(), label: stage_label(*s) }).collect();
    Form::new(
        Purpose::Pane { form: TRUST.id.into(), id: None },
        vec![
            Field::choice("stage", M::StageField, stages, current.map_or(0, |t| t.stage.index())),
            Field::text("note", M::Note, current.map_or("", |t| &t.note), false),
        ],
    )
}

fn submit_trust(state: &mut AppState, form: Form, now: Timestamp) -> Vec<Effect> {
    let stage = match form.choice("stage") {
        Some(Choice::Item { id, .. }) => TrustStage::from_id(id),
        _ => None,
    };
    let note = form.text("note");
    commit(state, form, None, |session| {
        session.set_trust(stage.unwrap_or(TrustStage::ALL[0]), &note, now);
        Ok(String::new())
    })
}

// ---- a reformulation captured from the coach --------------------------------

fn move_label(m: ReformulationMove) -> Msg {
    let name = &guide().move_(m).name;
    Msg::new(m.id(), &name.nl, &name.en)
}

/// Party (or the whole table, offered after the parties), kind of
/// interest, the position as it was said, the interest behind it, and the
/// move that found it. `holder` and `kind` preselect (the map's cell under
/// the cursor); by default the first party, organisational.
pub(crate) fn capture_form(session: &Session, holder: Option<&str>, kind: Option<InterestKind>) -> Form {
    let holders: Vec<&str> = session.parties.iter().map(|p| p.id.as_str()).chain([TABLE]).collect();
    let at = holder.and_then(|h| holders.iter().position(|x| *x == h)).unwrap_or(0);
    let parties = holders.iter().map(|h| Choice::Party(Some(h.to_string()))).collect();
    let mut moves = vec![Choice::Item { id: "", label: C::NoMove }];
    moves.extend(ReformulationMove::ALL.iter().map(|m| Choice::Item { id: m.id(), label: move_label(*m) }));
    Form::new(
        Purpose::Pane { form: CAPTURE.id.into(), id: None },
        vec![
            Field::choice("party", Msg::Party, parties, at),
            Field::choice(
                "kind",
                Msg::Kind,
                InterestKind::ALL.map(Choice::Kind).to_vec(),
                kind.unwrap_or(InterestKind::Organisatie) as usize,
            ),
            Field::multiline("position", C::Position, "", true),
            Field::multiline("interest", C::Interest, "", true),
            Field::choice("move", C::Move, moves, 1),
        ],
    )
    .focused("position")
}

fn submit_capture(state: &mut AppState, form: Form, now: Timestamp) -> Vec<Effect> {
    let Some(Choice::Party(Some(party))) = form.choice("party").cloned() else { return Vec::new() };
    let kind = match form.choice("kind") {
        Some(Choice::Kind(k)) => *k,
        _ => InterestKind::Organisatie,
    };
    let how = match form.choice("move") {
        Some(Choice::Item { id, .. }) => ReformulationMove::from_id(id),
        _ => None,
    };
    let (position, interest) = (form.text("position"), form.text("interest"));
    let effects = commit(state, form, Some(TextKind::Interest), |session| {
        session.capture_reformulation(&party, kind, &position, &interest, how, now)
    });
    if !effects.is_empty() {
        state.info(C::Captured);
    }
    effects
}
