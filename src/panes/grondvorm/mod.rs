//! The basic-form chooser (grondvormkeuze) as a pane: each party's answers
//! to the two questions and the form they point to, the mismatch with the
//! model's advice, the form the table settles on; the 15 key questions as a
//! checklist with the chosen form's reference beside the room's answer, one
//! key (`a`) turning an answer into a normal agreement; each party's reasons
//! and motives, ticked in the list; the five ambition dilemmas. `p` shows the
//! design principles of the chosen form, and in there `4` the four forms
//! side by side.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{Cmd, Cx, Focus, Pane, PaneForm, Target};
use crate::app::{Action, AppState, Effect, ListCursor, Scroll, SessionScreen, View, change, delete};
use crate::content::grondvorm::Words;
use crate::domain::grondvorm::{Dilemma, FormMismatch, Grondvorm as Form, KeyQuestion, chosen_in};
use crate::domain::{TextKind, Timestamp};
use crate::i18n::{Lang, Msg};
use crate::keymap::{Binding, b, bh, ch, key};

mod detail;
mod draw;
mod forms;
mod principles;
mod rows;

pub use rows::{Row, Section, Tick};

crate::messages! { pub struct M {
    SecQuestions => "Twee vragen per partij: bedoeling en aard", "Two questions per party: intention and nature";
    SecKeyQuestions => "Sleutelvragen", "Key questions";
    SecReasons => "Redenen en motieven per partij", "Reasons and motives per party";
    SecDilemmas => "Keuzes in het ontwikkelen van de ambitie", "Choices in developing the ambition";
    MostIn34 => "wegen het zwaarst in fase 3 en 4", "weigh most in phases 3 and 4";
    NowOnTable => "nu aan de orde: fase 3 en 4", "on the table now: phases 3 and 4";
    Open => "open", "open";
    NotChosen => "nog niet gekozen", "not chosen yet";
    NotAnswered => "nog geen antwoord", "no answer yet";
    NoChoice => "Nog geen vorm gekozen: c om te kiezen", "No form chosen yet: c to choose";
    Chosen => "Gekozen", "Chosen";
    Advice => "Advies", "Advice";
    NoParties => "Nog geen partijen: voeg ze toe bij Belangen (p).", "No parties yet: add them under Interests (p).";
    NamesOnly => "de bron noemt alleen de namen; de uitleg is van kompas", "the sources give the names only; the explanations are kompas's own";
    TickHint => "Enter: lijst van redenen open of dicht · Spatie: aanvinken", "Enter: open or close the list of reasons · Space: tick";
    NoneTicked => "niets aangevinkt", "nothing ticked";
    AgreementsMade => "Afspraken", "Agreements";
    AgreementMade => "Afspraak vastgelegd; hij staat ook bij Afspraken", "Agreement recorded; it is under Agreements too";
    AnswerFirst => "Leg eerst het antwoord van de tafel vast (Enter)", "Record the room's answer first (Enter)";
    OnKeyQuestion => "Kies eerst een sleutelvraag", "Select a key question first";
    KeyChoose => "vorm kiezen", "choose form";
    HelpChoose => "de gekozen grondvorm vastleggen, met onderbouwing", "record the chosen basic form, with its rationale";
    KeyAgreement => "afspraak", "agreement";
    HelpAgreement => "van het antwoord op een sleutelvraag een afspraak maken", "turn a key question's answer into an agreement";
    KeyPrinciples => "ontwerpprincipes", "design principles";
    HelpPrinciples => "ontwerpprincipes van de gekozen vorm", "design principles of the chosen form";
    KeyTick => "aanvinken", "tick";
    HelpTick => "reden of motief aan- of uitvinken", "tick or untick a reason or motive";
    HelpEdit => "bewerken; bij redenen: de lijst open of dicht", "edit; on reasons: open or close the list";
    HelpDelete => "antwoord, keuze of dilemma wissen (u zet terug)", "clear an answer, choice or dilemma (u restores)";
    InPrinciples => "In de ontwerpprincipes", "In the design principles";
    KeyOtherForm => "andere vorm", "other form";
    HelpNextForm => "volgende grondvorm", "next basic form";
    HelpPrevForm => "vorige grondvorm", "previous basic form";
    KeyFourForms => "vier vormen", "four forms";
    HelpFourForms => "de vier grondvormen naast elkaar, of weer één", "the four basic forms side by side, or one";
    PrinciplesTitle => "Ontwerpprincipes", "Design principles";
    FourFormsTitle => "De vier grondvormen naast elkaar", "The four basic forms side by side";
    PartyFormTitle => "Twee vragen: antwoorden van de partij", "Two questions: the party's answers";
    ChoiceTitle => "Grondvorm kiezen", "Choose the basic form";
    KeyAnswerTitle => "Antwoord op de sleutelvraag", "Answer to the key question";
    KeyAgreementTitle => "Afspraak uit een sleutelvraag", "Agreement from a key question";
    DilemmaTitle => "Keuze in de ambitie", "Choice in the ambition";
} }

pub const CHOOSE: Cmd = Cmd::edit("grondvorm.choose");
pub const KEY_AGREEMENT: Cmd = Cmd::edit("grondvorm.key_agreement");
pub const TICK: Cmd = Cmd::edit("grondvorm.tick");
pub const PRINCIPLES: Cmd = Cmd::view("grondvorm.principles");
pub const OTHER_FORM_PREV: Cmd = Cmd::view("grondvorm.principles.prev");
pub const OTHER_FORM_NEXT: Cmd = Cmd::view("grondvorm.principles.next");
pub const FOUR_FORMS: Cmd = Cmd::view("grondvorm.principles.four");

use ratatui::crossterm::event::KeyCode::{
    Delete, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Up,
};

pub static KEYS: &[Binding] = &[
    // Enter on the selected row is what anyone tries first: on a full bar its
    // hint gives way before the room display's `z` (`?` lists it).
    bh(&[key(Enter), ch('e')], Action::Activate, Msg::KeyEdit, M::HelpEdit, true).spare(),
    bh(&[ch('c')], Action::Pane(CHOOSE), M::KeyChoose, M::HelpChoose, true),
    bh(&[ch('a')], Action::Pane(KEY_AGREEMENT), M::KeyAgreement, M::HelpAgreement, true),
    bh(&[ch('p')], Action::Pane(PRINCIPLES), M::KeyPrinciples, M::HelpPrinciples, true),
    bh(&[ch(' ')], Action::Pane(TICK), M::KeyTick, M::HelpTick, false),
    bh(&[ch('d'), key(Delete)], Action::DeleteSelected, Msg::KeyDelete, M::HelpDelete, false),
];

/// The design principles' own keys (shown in the help).
pub static PRINCIPLE_KEYS: &[Binding] = &[
    bh(&[key(Right)], Action::Pane(OTHER_FORM_NEXT), M::KeyOtherForm, M::HelpNextForm, true),
    bh(&[key(Left)], Action::Pane(OTHER_FORM_PREV), M::KeyOtherForm, M::HelpPrevForm, false),
    bh(&[ch('4')], Action::Pane(FOUR_FORMS), M::KeyFourForms, M::HelpFourForms, true),
];

/// Scrolling and closing the design principles: the same keys as
/// everywhere, so they stay out of the help's own section.
static PRINCIPLE_NAV: &[Binding] = &[
    b(&[key(Esc), ch('p'), ch('q')], Action::CloseOverlay, Msg::KeyClose, true),
    b(&[key(Up), ch('k')], Action::Up, Msg::KeyScroll, false),
    b(&[key(Down), ch('j')], Action::Down, Msg::KeyScroll, false),
    b(&[key(PageUp)], Action::PageUp, Msg::KeyPageUp, false),
    b(&[key(PageDown)], Action::PageDown, Msg::KeyPageDown, false),
    b(&[key(Home)], Action::Home, Msg::KeyHome, false),
    b(&[key(End)], Action::End, Msg::KeyEnd, false),
];

static HELP: &[(Msg, &[Binding])] = &[(Words::Grondvorm, KEYS), (M::InPrinciples, PRINCIPLE_KEYS)];

static FORMS: &[&PaneForm] =
    &[&forms::PARTY, &forms::CHOICE, &forms::KEY_ANSWER, &forms::KEY_AGREEMENT, &forms::DILEMMA];

/// The design principles box: one form, or the four side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Principles {
    pub form: Form,
    pub four: bool,
    pub scroll: Scroll,
}

#[derive(Debug, Default)]
pub struct State {
    pub rows: Vec<Row>,
    pub cursor: ListCursor,
    /// The party whose reasons and motives are unfolded in the list.
    pub unfolded: Option<String>,
    pub principles: Option<Principles>,
    /// Derived for the tab and the rows: answered key questions, the
    /// mismatch, the agreements made from each key question (indices into
    /// `session.agreements`, in the order they were made).
    pub answered: usize,
    pub mismatch: Option<FormMismatch>,
    /// Forms chosen in the earlier meetings of this collaboration that
    /// differ from the one chosen now, with the meeting's date.
    pub earlier_other: Vec<(chrono::NaiveDate, Form)>,
    pub key_agreements: [Vec<usize>; 15],
    /// The cursor was put on the first row Enter acts on (once, when the
    /// pane first gets its rows: it opens below the first heading).
    pub placed: bool,
}

impl State {
    pub fn selected(&self) -> Option<Row> {
        self.rows.get(self.cursor.sel).copied()
    }
}

/// Rows of the list at this size (the rest is the heading and the detail).
pub fn page(view: &View) -> usize {
    draw::areas(view.body()).rows.height as usize
}

pub struct Grondvorm;

impl Pane for Grondvorm {
    type State = State;
    const ID: &'static str = "grondvorm";

    fn title(&self) -> Msg {
        Words::Grondvorm
    }

    fn tab(&self, st: &State, _s: &SessionScreen, _lang: Lang) -> String {
        let mark = if st.mismatch.is_some() { "⚠ " } else { "" };
        format!("{mark}{}/{}", st.answered, KeyQuestion::ALL.len())
    }

    fn bindings(&self, st: &State) -> Vec<&'static [Binding]> {
        match st.principles {
            Some(_) => vec![PRINCIPLE_KEYS, PRINCIPLE_NAV],
            None => vec![KEYS],
        }
    }

    fn help(&self) -> &'static [(Msg, &'static [Binding])] {
        HELP
    }

    fn forms(&self) -> &'static [&'static PaneForm] {
        FORMS
    }

    fn reindex(&self, st: &mut State, cx: &Cx) {
        let session = cx.session;
        if st.unfolded.as_deref().is_some_and(|p| session.party(p).is_none()) {
            st.unfolded = None;
        }
        st.rows = rows::rows(session, st.unfolded.as_deref());
        st.cursor.clamp(st.rows.len());
        if !st.placed {
            st.placed = true;
            st.cursor.sel = first_to_act_on(&st.rows, 0);
        }
        st.answered = session.key_questions_answered();
        st.mismatch = session.form_mismatch();
        let now = session.chosen_form();
        st.earlier_other = match (cx.chain, now) {
            (Some(chain), Some(now)) => chosen_in(chain).into_iter().filter(|(_, f)| *f != now).collect(),
            _ => Vec::new(),
        };
        st.key_agreements = Default::default();
        for (i, a) in session.agreements.iter().enumerate() {
            if let Some(q) = a.key_question {
                st.key_agreements[q.index()].push(i);
            }
        }
    }

    fn keep_in_view(&self, st: &mut State, cx: &Cx) {
        st.cursor.show(page(cx.view));
    }

    fn handle(&self, state: &mut AppState, action: &Action, now: Timestamp) -> Option<Vec<Effect>> {
        let view = state.view();
        let s = state.session_mut()?;
        let (session, st) = s.split::<Grondvorm>();
        if let Some(p) = st.principles.as_mut() {
            principles::handle(p, action, &view);
            if matches!(action, Action::CloseOverlay) {
                st.principles = None;
            }
            return Some(Vec::new());
        }
        let row = st.selected();
        match action {
            a if st.cursor.step(a, st.rows.len(), page(&view)) => {}
            Action::Activate | Action::EditSelected => return Some(activate(state, row, now)),
            Action::Pane(CHOOSE) => state.form = Some(forms::choice_form(session)),
            Action::Pane(KEY_AGREEMENT) => {
                let Some(Row::Key(q)) = row else {
                    state.warn(M::OnKeyQuestion);
                    return Some(Vec::new());
                };
                if !session.grondvorm.key_questions.contains_key(&q) {
                    state.warn(M::AnswerFirst);
                    return Some(Vec::new());
                }
                state.form = Some(forms::key_agreement_form(session, q));
            }
            Action::Pane(TICK) => return Some(tick(state, row, now)),
            Action::Pane(PRINCIPLES) => {
                let form = session.chosen_form().unwrap_or(Form::Transactioneel);
                st.principles =
                    Some(Principles { form, four: session.chosen_form().is_none(), scroll: Scroll(0) });
            }
            Action::DeleteSelected => return Some(remove(state, row, now)),
            _ => return None,
        }
        Some(Vec::new())
    }

    fn focus(&self, st: &mut State, cx: &Cx, target: Target, how: Focus) -> bool {
        let session = cx.session;
        let row = match target.kind {
            TextKind::Grondvorm => rows::row_of(session, target.id),
            // An agreement made from a key question, just made here.
            TextKind::Agreement if how == Focus::Select => session
                .agreement_index(target.id)
                .and_then(|i| session.agreements[i].key_question)
                .map(Row::Key),
            _ => None,
        };
        let Some(n) = row.and_then(|r| st.rows.iter().position(|x| *x == r)) else { return false };
        st.cursor.select(n, page(cx.view));
        true
    }

    fn overlay(&self, st: &State) -> bool {
        st.principles.is_some()
    }

    fn draw(&self, st: &State, frame: &mut Frame, area: Rect, state: &AppState, s: &SessionScreen) {
        draw::draw(frame, area, state, s, st);
    }

    fn draw_overlay(&self, st: &State, frame: &mut Frame, area: Rect, state: &AppState) {
        if let (Some(p), Some(s)) = (st.principles, state.session()) {
            principles::draw(frame, area, state.lang, &s.session, p);
        }
    }
}

/// Enter: the form of the row, or (un)fold a party's reasons, or tick.
fn activate(state: &mut AppState, row: Option<Row>, now: Timestamp) -> Vec<Effect> {
    let Some(s) = state.session_mut() else { return Vec::new() };
    let (session, st) = s.split::<Grondvorm>();
    let form = match row {
        Some(Row::Party(i)) => forms::party_form(session, &session.parties[i].id),
        Some(Row::Choice | Row::Mismatch) => forms::choice_form(session),
        Some(Row::Key(q)) => forms::key_answer_form(session, q),
        Some(Row::Dilemma(d)) => forms::dilemma_form(session, d),
        Some(Row::Motives(i)) => {
            let id = session.parties[i].id.clone();
            let unfold = st.unfolded.as_deref() != Some(id.as_str());
            st.unfolded = unfold.then_some(id);
            if unfold {
                // The party's row to the top, its list of reasons under it.
                st.cursor.top = st.cursor.sel;
            }
            state.reindex();
            return Vec::new();
        }
        Some(Row::Tick(_)) => return tick(state, row, now),
        // A heading: to the first row under it that Enter acts on.
        Some(Row::Heading(_) | Row::KeyGroup(_) | Row::ReasonGroup(_)) => {
            st.cursor.sel = first_to_act_on(&st.rows, st.cursor.sel);
            return Vec::new();
        }
        None => return Vec::new(),
    };
    state.form = Some(form);
    Vec::new()
}

/// The first row from `from` on that is not a heading (`from` itself when
/// there is none).
fn first_to_act_on(rows: &[Row], from: usize) -> usize {
    let heading = |r: &Row| matches!(r, Row::Heading(_) | Row::KeyGroup(_) | Row::ReasonGroup(_));
    rows.iter().skip(from).position(|r| !heading(r)).map_or(from, |n| from + n)
}

/// Space on a reason or motive of the unfolded party.
fn tick(state: &mut AppState, row: Option<Row>, now: Timestamp) -> Vec<Effect> {
    let Some(Row::Tick(t)) = row else { return Vec::new() };
    let Some(party) = state.session().and_then(|s| s.local::<Grondvorm>().unfolded.clone()) else {
        return Vec::new();
    };
    change(state, M::KeyTick, |s| {
        let session = s.edit();
        match t {
            Tick::Motive(m) => session.toggle_motive(&party, m, now),
            Tick::Reason(r) => session.toggle_reason(&party, r, now),
        }
        .map(|_| true)
    })
}

/// `d`: clear what the row holds; `u` brings it back.
fn remove(state: &mut AppState, row: Option<Row>, now: Timestamp) -> Vec<Effect> {
    enum Clear {
        Party(String),
        Choice,
        Key(KeyQuestion),
        Dilemma(Dilemma),
    }
    let Some(session) = state.session().map(|s| &s.session) else { return Vec::new() };
    let clear = match row {
        Some(Row::Party(i)) if session.parties[i].grondvorm.is_some() => {
            Clear::Party(session.parties[i].id.clone())
        }
        Some(Row::Choice) if session.grondvorm.choice.is_some() => Clear::Choice,
        Some(Row::Key(q)) if session.grondvorm.key_questions.contains_key(&q) => Clear::Key(q),
        Some(Row::Dilemma(d)) if session.ambition.dilemmas.contains_key(&d) => Clear::Dilemma(d),
        _ => return Vec::new(),
    };
    delete(state, |s| {
        let session = s.edit();
        match clear {
            Clear::Party(id) => session.remove_party_form(&id, now),
            Clear::Choice => session.remove_form_choice(now),
            Clear::Key(q) => session.remove_key_answer(q, now),
            Clear::Dilemma(d) => session.remove_dilemma(d, now),
        }
    })
}
