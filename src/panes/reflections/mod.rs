//! Reflection prompts for the current phase: the library's questions with the
//! room's answers under them, the facilitator's own questions, and the row to
//! ask a new one; below, the answers given in the meeting's other phases,
//! grouped by phase; in a follow-up meeting, the previous meeting's last
//! reflections on top (from the chain of earlier meetings).

use std::collections::HashMap;

use ratatui::Frame;
use ratatui::crossterm::event::KeyCode::{Delete, Enter};
use ratatui::layout::Rect;

use super::{Cmd, Cx, Focus, Pane, Target};
use crate::app::{Action, AppState, Effect, ListCursor, PreviousContext, SessionScreen, delete};
use crate::domain::{Phase, Reflection, Session, TextKind, Timestamp};
use crate::i18n::{Lang, Msg};
use crate::keymap::{Binding, b, bh, ch, key};
use crate::prompts::PromptLibrary;

mod draw;
pub(crate) mod forms;

crate::messages! { pub struct M {
    EarlierPhase => "Eerder in deze sessie", "Earlier in this meeting";
} }

pub const ASK_OWN: Cmd = Cmd::edit("reflections.ask_own");

pub static KEYS: &[Binding] = &[
    bh(&[key(Enter)], Action::Activate, Msg::KeyAnswer, Msg::HelpAnswer, true),
    bh(&[ch('n')], Action::Pane(ASK_OWN), Msg::KeyOwnQuestion, Msg::HelpOwnQuestion, true),
    b(&[ch('e')], Action::EditSelected, Msg::KeyEdit, false),
    b(&[ch('d'), key(Delete)], Action::DeleteSelected, Msg::KeyDelete, true),
];

/// A row of the reflection pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReflectionRow {
    /// A question from the library (index into the library).
    Prompt(usize),
    /// A question the facilitator asked; the index of its first answer.
    OwnQuestion(usize),
    /// An answer (index into the session's reflections).
    Answer(usize),
    /// "+ ask your own question".
    AskOwn,
    /// Heading over the previous meeting's reflections.
    PreviousHeading,
    /// One of the previous meeting's reflections (index into its list).
    Previous(usize),
    /// Heading over the answers given in another phase of this meeting.
    PhaseHeading(Phase),
}

/// The help's and the README's sections for this pane.
static HELP: &[(Msg, &[Binding])] = &[(Msg::PaneReflections, KEYS)];

#[derive(Debug, Default)]
pub struct State {
    pub rows: Vec<ReflectionRow>,
    pub cursor: ListCursor,
    /// Answers given in the current phase, for the tab.
    pub phase_answers: usize,
    /// The phase the rows are for: a phase move starts at the top.
    phase: Option<Phase>,
    /// The previous meeting's last reflections and its date (follow-up).
    pub previous: Vec<Reflection>,
    pub previous_date: Option<chrono::NaiveDate>,
}

impl State {
    pub fn selected(&self) -> Option<ReflectionRow> {
        self.rows.get(self.cursor.sel).copied()
    }
}

pub struct Reflections;

impl Pane for Reflections {
    type State = State;
    const ID: &'static str = "reflections";

    fn title(&self) -> Msg {
        Msg::PaneReflections
    }

    fn tab(&self, st: &State, _s: &SessionScreen, _lang: Lang) -> String {
        st.phase_answers.to_string()
    }

    fn bindings(&self, _st: &State) -> Vec<&'static [Binding]> {
        vec![KEYS]
    }

    fn help(&self) -> &'static [(Msg, &'static [Binding])] {
        HELP
    }

    fn reindex(&self, st: &mut State, cx: &Cx) {
        let phase = cx.session.phase;
        if st.phase.is_some_and(|p| p != phase) {
            st.cursor.reset();
        }
        st.phase = Some(phase);
        (st.previous, st.previous_date) = previous_reflections(cx.chain, cx.previous);
        st.rows = reflection_rows(cx.session, cx.view.prompts, st.previous.len());
        st.cursor.clamp(st.rows.len());
        st.phase_answers = cx.session.reflections.iter().filter(|r| r.phase == phase).count();
    }

    fn keep_in_view(&self, st: &mut State, cx: &Cx) {
        st.cursor.show(cx.view.list_rows());
    }

    fn handle(&self, state: &mut AppState, action: &Action, now: Timestamp) -> Option<Vec<Effect>> {
        let view = state.view();
        let s = state.session_mut()?;
        let (session, st) = s.split::<Reflections>();
        if st.cursor.step(action, st.rows.len(), view.list_rows()) {
            return Some(Vec::new());
        }
        let row = st.selected();
        match action {
            Action::Pane(ASK_OWN) => state.form = Some(forms::own_question_form()),
            Action::Activate | Action::EditSelected => {
                state.form = match row {
                    Some(ReflectionRow::Prompt(i)) => {
                        let p = &view.prompts.all()[i];
                        Some(forms::answer_form(Some(p.id.clone()), p.text(view.lang).to_string(), None, ""))
                    }
                    Some(ReflectionRow::OwnQuestion(i)) => {
                        Some(forms::answer_form(None, session.reflections[i].question.clone(), None, ""))
                    }
                    Some(ReflectionRow::Answer(i)) => {
                        let r = &session.reflections[i];
                        Some(forms::answer_form(
                            r.prompt.clone(),
                            r.question.clone(),
                            Some(r.id.clone()),
                            &r.answer,
                        ))
                    }
                    Some(ReflectionRow::AskOwn) | None => Some(forms::own_question_form()),
                    Some(
                        ReflectionRow::PreviousHeading
                        | ReflectionRow::Previous(_)
                        | ReflectionRow::PhaseHeading(_),
                    ) => None,
                }
            }
            Action::DeleteSelected => {
                let Some(ReflectionRow::Answer(i)) = row else { return Some(Vec::new()) };
                let id = session.reflections[i].id.clone();
                return Some(delete(state, |s| s.edit().remove_reflection(&id, now)));
            }
            _ => return None,
        }
        Some(Vec::new())
    }

    fn selected(&self, st: &State, s: &SessionScreen, lang: Lang) -> Option<crate::panes::Selection> {
        use crate::domain::TextKind;
        let session = &s.session;
        let (kind, id, question) = match st.selected()? {
            ReflectionRow::Prompt(i) => {
                let prompt = crate::prompts::PromptLibrary::embedded().all().get(i)?;
                (TextKind::Question, String::new(), prompt.text(lang).to_string())
            }
            ReflectionRow::OwnQuestion(i) => {
                let r = session.reflections.get(i)?;
                (TextKind::Question, String::new(), r.question.clone())
            }
            ReflectionRow::Answer(i) => {
                let r = session.reflections.get(i)?;
                (TextKind::Answer, r.id.clone(), r.question.clone())
            }
            _ => return None,
        };
        Some(crate::panes::Selection { kind, id, question: Some(question) })
    }

    fn focus(&self, st: &mut State, cx: &Cx, target: Target, _how: Focus) -> bool {
        if !matches!(target.kind, TextKind::Question | TextKind::Answer) {
            return false;
        }
        let Some(index) = cx.session.reflection_index(target.id) else { return false };
        match st.rows.iter().position(|r| *r == ReflectionRow::Answer(index)) {
            Some(row) => {
                st.cursor.select(row, cx.view.list_rows());
                true
            }
            None => false,
        }
    }

    fn draw(&self, st: &State, frame: &mut Frame, area: Rect, state: &AppState, s: &SessionScreen) {
        draw::draw(frame, area, state, s, st);
    }
}

/// The previous meeting's last reflections: the answers of the phase it
/// last answered in. From the chain of earlier meetings once it is read,
/// else from what was read of the previous meeting at opening.
fn previous_reflections(
    chain: Option<&[Session]>,
    previous: Option<&PreviousContext>,
) -> (Vec<Reflection>, Option<chrono::NaiveDate>) {
    match (chain.and_then(|c| c.last()), previous) {
        (Some(last), _) => (last.last_reflections().cloned().collect(), Some(last.meeting_date)),
        (None, Some(p)) => (p.reflections.clone(), Some(p.meeting_date)),
        (None, None) => (Vec::new(), None),
    }
}

/// The reflection pane: the previous meeting's last reflections (`previous`
/// of them) on top; then the current phase: each library question of the
/// phase with the answers given to it in this phase, the facilitator's own
/// questions of this phase with their answers, the row to ask a new one;
/// then each other phase with answers, under its heading, its questions
/// with their answers.
fn reflection_rows(session: &Session, prompts: &PromptLibrary, previous: usize) -> Vec<ReflectionRow> {
    let phase = session.phase;
    let mut rows = Vec::new();
    if previous > 0 {
        rows.push(ReflectionRow::PreviousHeading);
        rows.extend((0..previous).map(ReflectionRow::Previous));
    }
    rows.extend(phase_rows(session, prompts, phase, true));
    rows.push(ReflectionRow::AskOwn);
    for other in Phase::ALL.into_iter().filter(|p| *p != phase) {
        let group = phase_rows(session, prompts, other, false);
        if !group.is_empty() {
            rows.push(ReflectionRow::PhaseHeading(other));
            rows.extend(group);
        }
    }
    rows
}

/// The questions and answers of one phase. `all_prompts`: every library
/// question of the phase, answered or not (the current phase); else only
/// the questions answered in it.
fn phase_rows(
    session: &Session,
    prompts: &PromptLibrary,
    phase: Phase,
    all_prompts: bool,
) -> Vec<ReflectionRow> {
    let mut by_prompt: HashMap<&str, Vec<usize>> = Default::default();
    // Own questions in the order first asked, answers grouped under them.
    let mut own: Vec<Vec<usize>> = Vec::new();
    let mut own_index: HashMap<&str, usize> = Default::default();
    for (i, r) in session.reflections.iter().enumerate().filter(|(_, r)| r.phase == phase) {
        match &r.prompt {
            Some(id) if prompts.get(id).is_some() => by_prompt.entry(id.as_str()).or_default().push(i),
            _ => match own_index.get(r.question.as_str()) {
                Some(&g) => own[g].push(i),
                None => {
                    own_index.insert(r.question.as_str(), own.len());
                    own.push(vec![i]);
                }
            },
        }
    }
    let mut rows = Vec::new();
    for (pi, prompt) in prompts.all().iter().enumerate() {
        let answers = by_prompt.get(prompt.id.as_str());
        if !(answers.is_some() || all_prompts && prompt.phases.contains(&phase)) {
            continue;
        }
        rows.push(ReflectionRow::Prompt(pi));
        rows.extend(answers.into_iter().flatten().map(|&i| ReflectionRow::Answer(i)));
    }
    for answers in own {
        rows.push(ReflectionRow::OwnQuestion(answers[0]));
        rows.extend(answers.iter().map(|&i| ReflectionRow::Answer(i)));
    }
    rows
}
