//! The chooser's forms, each builder beside its reader: a party's answers
//! to the two questions, the chosen form, the room's answer to a key
//! question, an agreement made from a key question (the normal agreement
//! form), and a choice in one ambition dilemma. Each says above its fields
//! what it is about, in the model's words or ours, marked.

use super::M;
use crate::app::{AppState, Choice, Effect, Field, Form, Purpose, commit};
use crate::content::grondvorm::{Words, content, label, marked};
use crate::domain::grondvorm::{Aard, Dilemma, Grondvorm, Intentie, KeyQuestion, Pole};
use crate::domain::{Session, TextKind, Timestamp};
use crate::i18n::{Lang, Msg};
use crate::panes::PaneForm;
use crate::panes::agreements::forms::{agreement_form, read_agreement};

pub static PARTY: PaneForm = PaneForm::new(
    "grondvorm.party",
    M::PartyFormTitle,
    |session, id| party_form(session, id.unwrap_or_default()),
    submit_party,
)
.exists_when(|session, id| session.party(id).is_some())
.context(|_, _, lang| {
    let c = content();
    let q = &c.questions;
    let model = crate::content::origin_label(crate::domain::Origin::Model, lang, true);
    let answers = |a: &str, at: &str, b: &str, bt: &str| format!("  {a}: {at} · {b}: {bt} ({model})");
    vec![
        format!("{}: {}", q.intentie.name.get(lang), marked(&q.intentie.question, lang)),
        answers(
            c.intentie(Intentie::Verbeteren).name.get(lang),
            c.intentie(Intentie::Verbeteren).text.get(lang),
            c.intentie(Intentie::Vernieuwen).name.get(lang),
            c.intentie(Intentie::Vernieuwen).text.get(lang),
        ),
        format!("{}: {}", q.aard.name.get(lang), marked(&q.aard.question, lang)),
        answers(
            c.aard(Aard::Uitwisselen).name.get(lang),
            c.aard(Aard::Uitwisselen).text.get(lang),
            c.aard(Aard::Delen).name.get(lang),
            c.aard(Aard::Delen).text.get(lang),
        ),
    ]
});

pub static CHOICE: PaneForm = PaneForm::new(
    "grondvorm.choice",
    M::ChoiceTitle,
    |session, _| choice_form(session),
    |state, form, _, now| submit_choice(state, form, now),
)
.context(choice_context);

pub static KEY_ANSWER: PaneForm = PaneForm::new(
    "grondvorm.key_answer",
    M::KeyAnswerTitle,
    |session, id| key_answer_form(session, key_question(id)),
    |state, form, id, now| submit_key_answer(state, form, key_question(id.as_deref()), now),
)
.exists_when(|_, id| KeyQuestion::from_id(id).is_some())
.context(|session, id, lang| key_context(session, key_question(id), lang, true));

pub static KEY_AGREEMENT: PaneForm = PaneForm::new(
    "grondvorm.key_agreement",
    M::KeyAgreementTitle,
    |session, id| key_agreement_form(session, key_question(id)),
    |state, form, id, now| submit_key_agreement(state, form, key_question(id.as_deref()), now),
)
.exists_when(|_, id| KeyQuestion::from_id(id).is_some())
.context(|session, id, lang| key_context(session, key_question(id), lang, false));

pub static DILEMMA: PaneForm = PaneForm::new(
    "grondvorm.dilemma",
    M::DilemmaTitle,
    |session, id| dilemma_form(session, dilemma(id)),
    |state, form, id, now| submit_dilemma(state, form, dilemma(id.as_deref()), now),
)
.exists_when(|_, id| Dilemma::from_id(id).is_some())
.context(|_, id, lang| {
    let d = content().dilemma(dilemma(id));
    let mut lines = vec![d.name.get(lang).to_string(), marked(&d.guidance, lang)];
    lines.extend(d.note.iter().map(|n| marked(n, lang)));
    lines
});

/// The key question a form is for; a recovered draft of an unknown one
/// (which `exists` rules out) falls back to the first.
fn key_question(id: Option<&str>) -> KeyQuestion {
    id.and_then(KeyQuestion::from_id).unwrap_or(KeyQuestion::ALL[0])
}

fn dilemma(id: Option<&str>) -> Dilemma {
    id.and_then(Dilemma::from_id).unwrap_or(Dilemma::ALL[0])
}

fn open_item() -> Choice {
    Choice::Item { id: "", label: M::Open }
}

/// The choices of a list of ids named in the content, with "open" first.
fn items<T: Copy>(all: &[T], id: fn(T) -> &'static str, name: fn(T) -> Msg, open: bool) -> Vec<Choice> {
    let mut out = if open { vec![open_item()] } else { Vec::new() };
    out.extend(all.iter().map(|&x| Choice::Item { id: id(x), label: name(x) }));
    out
}

fn item_id<'a>(form: &'a Form, field: &str) -> &'a str {
    match form.choice(field) {
        Some(Choice::Item { id, .. }) => id,
        _ => "",
    }
}

// ---- a party's answers ------------------------------------------------

pub(super) fn party_form(session: &Session, party: &str) -> Form {
    let c = content();
    let index = session.party_index(party).unwrap_or(0);
    let answers = session.parties.get(index).and_then(|p| p.grondvorm.as_ref());
    let parties = session.parties.iter().map(|p| Choice::Party(Some(p.id.clone()))).collect();
    let intenties = items(Intentie::ALL, Intentie::id, |i| label(&content().intentie(i).name), true);
    let aarden = items(Aard::ALL, Aard::id, |a| label(&content().aard(a).name), true);
    let at = |x: Option<usize>| x.map_or(0, |i| i + 1);
    Form::new(
        Purpose::Pane { form: PARTY.id.into(), id: session.parties.get(index).map(|p| p.id.clone()) },
        vec![
            Field::choice("party", Msg::Party, parties, index),
            Field::choice(
                "intentie",
                label(&c.questions.intentie.name),
                intenties,
                at(answers.and_then(|a| a.intentie).map(Intentie::index)),
            ),
            Field::choice(
                "aard",
                label(&c.questions.aard.name),
                aarden,
                at(answers.and_then(|a| a.aard).map(Aard::index)),
            ),
            Field::text("note", Msg::Note, answers.map_or("", |a| &a.note), false),
        ],
    )
    .focused("intentie")
}

fn submit_party(state: &mut AppState, form: Form, _id: Option<String>, now: Timestamp) -> Vec<Effect> {
    let Some(Choice::Party(Some(party))) = form.choice("party").cloned() else { return Vec::new() };
    let intentie = Intentie::from_id(item_id(&form, "intentie"));
    let aard = Aard::from_id(item_id(&form, "aard"));
    let note = form.text("note");
    commit(state, form, Some(TextKind::Grondvorm), |session| {
        session.set_party_form(&party, intentie, aard, &note, now).map(|_| party.clone())
    })
}

// ---- the chosen form --------------------------------------------------

/// The form the parties point to most often, for a first choice.
fn most_pointed_to(session: &Session) -> Option<Grondvorm> {
    let mut counts = [0usize; 4];
    for (_, f) in session.party_forms() {
        counts[f.index()] += 1;
    }
    let best = (0..4).max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))?;
    (counts[best] > 0).then(|| Grondvorm::ALL[best])
}

pub(super) fn choice_form(session: &Session) -> Form {
    let choice = session.grondvorm.choice.as_ref();
    let form =
        choice.map(|c| c.form).or_else(|| most_pointed_to(session)).unwrap_or(Grondvorm::Transactioneel);
    let forms = items(Grondvorm::ALL, Grondvorm::id, |f| label(&content().form(f).name), false);
    Form::new(
        Purpose::Pane { form: CHOICE.id.into(), id: None },
        vec![
            Field::choice("form", Words::Grondvorm, forms, form.index()),
            Field::multiline("rationale", Words::Rationale, choice.map_or("", |c| &c.rationale), false),
        ],
    )
    .focused("form")
}

fn choice_context(session: &Session, _: Option<&str>, lang: Lang) -> Vec<String> {
    let c = content();
    let mut lines: Vec<String> = (session.party_forms())
        .map(|(p, f)| format!("{} → {}", p.organisation, c.form(f).name.get(lang)))
        .collect();
    if session.form_mismatch().is_some() {
        lines.push(format!("⚠ {}", marked(&c.form_mismatch.flag, lang)));
        lines.push(marked(&c.mixing, lang));
    }
    lines
}

fn submit_choice(state: &mut AppState, form: Form, now: Timestamp) -> Vec<Effect> {
    let Some(chosen) = Grondvorm::from_id(item_id(&form, "form")) else { return Vec::new() };
    let rationale = form.text("rationale");
    commit(state, form, Some(TextKind::Grondvorm), |session| {
        session.choose_form(chosen, &rationale, now);
        Ok("grondvorm".to_string())
    })
}

// ---- key questions ----------------------------------------------------

/// The group's question, the key question, and (for the answer) the chosen
/// form's reference.
fn key_context(session: &Session, q: KeyQuestion, lang: Lang, reference: bool) -> Vec<String> {
    let c = content();
    let group = c.key_group(q.group());
    let mut lines = vec![
        format!("{}: {}", group.name.get(lang), group.question.get(lang)),
        marked(&c.key_question(q).text, lang),
    ];
    if let Some(f) = session.chosen_form().filter(|_| reference) {
        let cell = marked(c.cell(f, q.aspect()), lang);
        lines.push(format!("{} ({}): {cell}", Words::Reference.get(lang), c.form(f).name.get(lang)));
    }
    lines
}

pub(super) fn key_answer_form(session: &Session, q: KeyQuestion) -> Form {
    let answer = session.grondvorm.key_questions.get(&q).map_or("", |a| &a.answer);
    Form::new(
        Purpose::Pane { form: KEY_ANSWER.id.into(), id: Some(q.id().into()) },
        vec![Field::multiline("answer", Words::RoomAnswer, answer, true)],
    )
}

fn submit_key_answer(state: &mut AppState, form: Form, q: KeyQuestion, now: Timestamp) -> Vec<Effect> {
    let answer = form.text("answer");
    commit(state, form, Some(TextKind::Grondvorm), |session| {
        session.set_key_answer(q, &answer, now).map(|_| q.id().to_string())
    })
}

/// The normal agreement form (owner, parties, due date, status), its text
/// the room's answer, made for key question `q`.
pub(super) fn key_agreement_form(session: &Session, q: KeyQuestion) -> Form {
    let mut form = agreement_form(session, None);
    form.purpose = Purpose::Pane { form: KEY_AGREEMENT.id.into(), id: Some(q.id().into()) };
    if let Some(a) = session.grondvorm.key_questions.get(&q) {
        let at = form.index("text");
        form.fields[at] = Field::multiline("text", Msg::Agreement, &a.answer, true);
    }
    form
}

fn submit_key_agreement(state: &mut AppState, form: Form, q: KeyQuestion, now: Timestamp) -> Vec<Effect> {
    let fields = match read_agreement(&form, crate::app::date_base(state, &form.purpose)) {
        Ok(fields) => fields,
        Err((field, why)) => {
            state.form = Some(form.refuse(field, why));
            return Vec::new();
        }
    };
    let effects = commit(state, form, Some(TextKind::Agreement), |session| {
        session.add_key_question_agreement(q, &fields, now)
    });
    if !effects.is_empty() {
        state.info(M::AgreementMade);
    }
    effects
}

// ---- ambition dilemmas ------------------------------------------------

pub(super) fn dilemma_form(session: &Session, d: Dilemma) -> Form {
    let choice = session.ambition.dilemmas.get(&d);
    let poles: Vec<Choice> = d
        .poles()
        .iter()
        .map(|&p| Choice::Item { id: p.id(), label: label(&content().pole(p).name) })
        .collect();
    let at = choice.map_or(0, |c| c.pole.index() % 2);
    Form::new(
        Purpose::Pane { form: DILEMMA.id.into(), id: Some(d.id().into()) },
        vec![
            Field::choice("pole", Words::Choice, poles, at),
            Field::multiline("reason", Msg::Reason, choice.map_or("", |c| &c.reason), false),
        ],
    )
    .focused("pole")
}

fn submit_dilemma(state: &mut AppState, form: Form, d: Dilemma, now: Timestamp) -> Vec<Effect> {
    let Some(pole) = Pole::from_id(item_id(&form, "pole")).filter(|p| p.dilemma() == d) else {
        return Vec::new();
    };
    let reason = form.text("reason");
    commit(state, form, Some(TextKind::Grondvorm), |session| {
        session.choose_pole(pole, &reason, now);
        Ok(d.id().to_string())
    })
}
