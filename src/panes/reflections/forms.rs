//! The reflection forms, each builder beside its reader: the room's answer
//! to a question, and a question of the facilitator's own with its answer.

use crate::app::{AppState, Effect, Field, Form, Purpose, commit};
use crate::domain::{TextKind, Timestamp};
use crate::i18n::Msg;

/// An answer to `question` (a library prompt's id in `prompt`); `id` and
/// `answer` when editing one.
pub(crate) fn answer_form(
    prompt: Option<String>,
    question: String,
    id: Option<String>,
    answer: &str,
) -> Form {
    Form::new(
        Purpose::Answer { prompt, question, id },
        vec![Field::multiline("answer", Msg::Answer, answer, true)],
    )
}

pub(crate) fn submit_answer(
    state: &mut AppState,
    form: Form,
    (prompt, question, id): (Option<String>, String, Option<String>),
    now: Timestamp,
) -> Vec<Effect> {
    let answer = form.text("answer");
    commit(state, form, Some(TextKind::Answer), |session| match &id {
        Some(id) => session.update_reflection(id, &question, &answer, now).map(|_| id.clone()),
        None => session.add_reflection(prompt.as_deref(), &question, &answer, now),
    })
}

pub(crate) fn own_question_form() -> Form {
    Form::new(
        Purpose::OwnQuestion,
        vec![
            Field::text("question", Msg::Question, "", true),
            Field::multiline("answer", Msg::Answer, "", true),
        ],
    )
}

pub(crate) fn submit_own_question(state: &mut AppState, form: Form, now: Timestamp) -> Vec<Effect> {
    let (question, answer) = (form.text("question"), form.text("answer"));
    commit(state, form, Some(TextKind::Answer), |session| {
        session.add_reflection(None, &question, &answer, now)
    })
}
