//! The relationship between the parties as a pane (issue 10): the
//! thermometer readings of this meeting (the facilitator's and single
//! parties'), the interventions of a reading's level as a checklist ticked
//! as tried, the trust stage beside it, and the five conditions with their
//! score, note, party scores and trend over the collaboration's meetings.
//! The selected row is shown in full below: a level's signs, an
//! intervention, a stage, or a condition with its reflection-check prompt
//! and the guidance of its flags, every text marked as the model's or ours.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{Cmd, Cx, Focus, Pane, PaneForm, Target};
use crate::app::{Action, AppState, Effect, ListCursor, SessionScreen, View, change, delete};
use crate::content::relationship::guide;
use crate::domain::{
    ChainMarks, Condition, ConditionFlag, ConditionsTrend, MeetingMarks, RouteField, Session, Temperature,
    TextKind, Timestamp, TrustStage, TypicalProblem,
};
use crate::i18n::{Lang, Msg};
use crate::keymap::{Binding, bh, ch, key};
use problems::P;

pub mod coach;
mod detail;
mod draw;
pub(crate) mod forms;
mod problem_forms;
pub mod problems;
mod trends;

crate::messages! { pub struct M {
    Title => "Relatie", "Relation";
    SecThermometer => "Thermometer", "Thermometer";
    SecConditions => "Vijf voorwaarden (1 = verwaarloosd, 5 = sterk)", "Five conditions (1 = neglected, 5 = strong)";
    NoReadings => "nog geen lezing: m om de temperatuur op te nemen", "no reading yet: m to take the temperature";
    NoTrust => "nog geen stadium: s om het vast te leggen", "no stage yet: s to record it";
    NotScored => "nog niet gescoord", "not scored yet";
    Earlier => "eerder", "earlier";
    TickHint => "Spatie: aanvinken als geprobeerd (met tijd) · Enter op een lezing: bewerken", "Space: tick as tried (with the time) · Enter on a reading: edit";
    OpenHint => "Spatie: de interventies van deze lezing tonen", "Space: show the interventions of this reading";
    Prompt => "Vraag voor de reflectie", "Reflection prompt";
    KeyReading => "lezing", "reading";
    HelpReading => "temperatuur opnemen: van de procesbegeleider of van een partij", "take the temperature: the facilitator's reading or a party's";
    KeyTick => "aanvinken", "tick";
    HelpTick => "interventie aanvinken als geprobeerd, indicator als gezien (met tijd); op een lezing of probleem: openen", "tick an intervention as tried, an indicator as seen (with the time); on a reading or problem: open it";
    SecRelation => "Thermometer, vertrouwen en vijf voorwaarden", "Thermometer, trust and five conditions";
    KeyPartyScore => "partijscore", "party score";
    HelpPartyScore => "score van één partij voor de gekozen voorwaarde", "one party's score for the selected condition";
    KeyTrust => "vertrouwen", "trust";
    HelpTrust => "vertrouwensstadium van deze sessie vastleggen", "record this meeting's trust stage";
    HelpEdit => "bewerken: lezing, stadium, score van de tafel; bevinding van een probleem, deel van de route", "edit: the reading, the stage, the room's score; a problem's finding, a part of the route";
    HelpDelete => "wissen: lezing, stadium, score; probleem of routeveld (u zet terug)", "clear: the reading, the stage, the score; a problem or a route field (u restores)";
    OnCondition => "Kies eerst een voorwaarde", "Select a condition first";
    NoPartiesYet => "Nog geen partijen: voeg ze toe bij Belangen (p)", "No parties yet: add them under Interests (p)";
    ReadingTitle => "Temperatuur opnemen", "Take the temperature";
    EditReadingTitle => "Lezing bewerken", "Edit the reading";
    ConditionTitle => "Voorwaarde scoren", "Score the condition";
    PartyScoreTitle => "Score van een partij", "A party's score";
    TrustTitle => "Vertrouwensstadium", "Trust stage";
    Reader => "Lezing van", "Reading by";
    Level => "Niveau", "Level";
    Note => "Notitie", "Note";
    ScoreField => "Score", "Score";
    StageField => "Stadium", "Stage";
    NoScore => "geen score", "no score";
    Score1 => "1 verwaarloosd", "1 neglected";
    Score2 => "2 zwak", "2 weak";
    Score3 => "3 redelijk", "3 fair";
    Score4 => "4 goed", "4 good";
    Score5 => "5 sterk", "5 strong";
} }

pub const READING: Cmd = Cmd::edit("relationship.reading");
/// Space: opening a reading's checklist or a problem is reading; ticking an
/// intervention or an indicator is a change, refused read-only by the pane.
pub const TICK: Cmd = Cmd::view("relationship.tick");
pub const PARTY_SCORE: Cmd = Cmd::edit("relationship.party_score");
pub const TRUST: Cmd = Cmd::edit("relationship.trust");
pub const PROBLEMS: Cmd = Cmd::view("relationship.problems");
pub const AGREE: Cmd = Cmd::edit("relationship.agree");

use ratatui::crossterm::event::KeyCode::{Delete, Enter};

/// Keys of both views.
pub static COMMON: &[Binding] = &[
    // Enter on the selected row is what anyone tries first: on a full bar its
    // hint gives way before the room display's `z` (`?` lists it).
    bh(&[key(Enter), ch('e')], Action::Activate, Msg::KeyEdit, M::HelpEdit, true).spare(),
    bh(&[ch(' ')], Action::Pane(TICK), M::KeyTick, M::HelpTick, true),
    bh(&[ch('d'), key(Delete)], Action::DeleteSelected, Msg::KeyDelete, M::HelpDelete, false),
    bh(&[ch('p')], Action::Pane(PROBLEMS), P::KeyProblems, P::HelpProblems, true),
];

/// The thermometer, trust and the five conditions.
pub static KEYS: &[Binding] = &[
    bh(&[ch('m')], Action::Pane(READING), M::KeyReading, M::HelpReading, true),
    bh(&[ch('s')], Action::Pane(TRUST), M::KeyTrust, M::HelpTrust, false),
    bh(&[ch('P')], Action::Pane(PARTY_SCORE), M::KeyPartyScore, M::HelpPartyScore, false),
];

/// The typical problems (the pane's second view).
pub static PROBLEM_KEYS: &[Binding] =
    &[bh(&[ch('a')], Action::Pane(AGREE), P::KeyAgreement, P::HelpAgreement, true)];

static HELP: &[(Msg, &[Binding])] =
    &[(M::Title, COMMON), (M::SecRelation, KEYS), (P::Checklist, PROBLEM_KEYS)];

static FORMS: &[&PaneForm] = &[
    &forms::READING,
    &forms::CONDITION,
    &forms::PARTY_SCORE,
    &forms::TRUST,
    &forms::CAPTURE,
    &problem_forms::PROBLEM,
    &problem_forms::ROUTE,
];

/// A row of the pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Heading(Section),
    /// A reading, as an index into `session.temperature`.
    Reading(usize),
    /// An intervention of the open reading's level: (reading, intervention).
    Tried(usize, usize),
    Trust,
    Condition(Condition),
    /// The typical problems' view: a problem of the checklist.
    Problem(TypicalProblem),
    /// An indicator of the open problem: (problem, indicator).
    Indicator(TypicalProblem, usize),
    /// An intervention of the open problem: (problem, intervention).
    Intervention(TypicalProblem, usize),
    /// A field of the diagnosis route's note.
    Route(RouteField),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Thermometer,
    Conditions,
    Problems,
    Route,
}

/// What the pane shows: the relationship, or the typical problems.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Showing {
    #[default]
    Relation,
    Problems,
}

#[derive(Debug, Default)]
pub struct State {
    pub showing: Showing,
    pub rows: Vec<Row>,
    pub cursor: ListCursor,
    /// The other view's cursor, kept for going back.
    other: ListCursor,
    /// The problem whose indicators and interventions are shown.
    pub problem: Option<TypicalProblem>,
    /// The reading whose interventions are shown (by id); by default the
    /// latest reading.
    pub open: Option<String>,
    /// The chain's earlier meetings and this one, for the trends.
    pub trend: ConditionsTrend,
    /// The facilitator's last reading per meeting, this one last.
    pub temperatures: Vec<Option<Temperature>>,
    /// The trust stage per meeting, this one last.
    pub trust: Vec<Option<TrustStage>>,
    /// What calls for attention in this meeting.
    pub flags: Vec<ConditionFlag>,
    /// The earlier meetings' marks, derived once per chain.
    earlier: Option<(trends::ChainKey, ChainMarks)>,
    /// This meeting's marks the trends above were made with.
    current: Option<MeetingMarks>,
}

impl State {
    pub fn selected(&self) -> Option<Row> {
        self.rows.get(self.cursor.sel).copied()
    }

    /// The reading whose checklist is shown, as an index.
    pub fn open_reading(&self, session: &Session) -> Option<usize> {
        match &self.open {
            Some(id) => session.temperature.iter().position(|t| &t.id == id),
            None => (0..session.temperature.len()).max_by_key(|&i| session.temperature[i].at),
        }
    }
}

/// Rows of the list at this size (the rest is the summary and the detail).
pub fn page(view: &View) -> usize {
    draw::areas(view.body()).rows.height as usize
}

/// The rows: the readings in time order, the open one's interventions under
/// it, the trust stage, then the five conditions.
fn rows(session: &Session, open: Option<usize>) -> Vec<Row> {
    let mut out = vec![Row::Heading(Section::Thermometer)];
    let mut order: Vec<usize> = (0..session.temperature.len()).collect();
    order.sort_by_key(|&i| session.temperature[i].at);
    for i in order {
        out.push(Row::Reading(i));
        if open == Some(i) {
            let n = guide().level(session.temperature[i].level).interventions.len();
            out.extend((0..n).map(|k| Row::Tried(i, k)));
        }
    }
    out.push(Row::Trust);
    out.push(Row::Heading(Section::Conditions));
    out.extend(Condition::ALL.iter().map(|c| Row::Condition(*c)));
    out
}

pub struct Relationship;

impl Pane for Relationship {
    type State = State;
    const ID: &'static str = "relationship";

    fn title(&self) -> Msg {
        M::Title
    }

    fn tab(&self, st: &State, _s: &SessionScreen, lang: Lang) -> String {
        let mean = st.trend.means().last().copied().flatten();
        let mark = if st.flags.is_empty() { "" } else { "⚠ " };
        let mean = mean.map_or("–".to_string(), |v| crate::domain::format_tenths(v, lang == Lang::Nl));
        format!("{mark}{mean}")
    }

    fn bindings(&self, st: &State) -> Vec<&'static [Binding]> {
        match st.showing {
            Showing::Relation => vec![KEYS, COMMON],
            Showing::Problems => vec![PROBLEM_KEYS, COMMON],
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
        if st.open.as_deref().is_some_and(|id| !session.temperature.iter().any(|t| t.id == id)) {
            st.open = None;
        }
        st.rows = match st.showing {
            Showing::Relation => rows(session, st.open_reading(session)),
            Showing::Problems => problems::rows(st.problem),
        };
        st.cursor.clamp(st.rows.len());
        trends::derive(st, cx.chain.unwrap_or(&[]), session);
    }

    fn keep_in_view(&self, st: &mut State, cx: &Cx) {
        st.cursor.show(page(cx.view));
    }

    fn handle(&self, state: &mut AppState, action: &Action, now: Timestamp) -> Option<Vec<Effect>> {
        let view = state.view();
        let s = state.session_mut()?;
        let (session, st) = s.split::<Relationship>();
        let row = st.selected();
        if st.showing == Showing::Problems {
            return problems::handle(state, action, row, now);
        }
        match action {
            a if st.cursor.step(a, st.rows.len(), page(&view)) => {}
            Action::Pane(PROBLEMS) => {
                st.showing = Showing::Problems;
                std::mem::swap(&mut st.cursor, &mut st.other);
                state.reindex();
            }
            Action::Pane(READING) => state.form = Some(forms::reading_form(session, None)),
            Action::Pane(TRUST) => state.form = Some(forms::trust_form(session)),
            Action::Pane(PARTY_SCORE) => {
                let Some(Row::Condition(c)) = row else {
                    state.warn(M::OnCondition);
                    return Some(Vec::new());
                };
                if session.parties.is_empty() {
                    state.warn(M::NoPartiesYet);
                    return Some(Vec::new());
                }
                state.form = Some(forms::party_score_form(session, c, None));
            }
            Action::Activate | Action::EditSelected => match row {
                Some(Row::Reading(i)) => state.form = Some(forms::reading_form(session, Some(i))),
                Some(Row::Tried(..)) => return Some(tick(state, row, now)),
                Some(Row::Trust) => state.form = Some(forms::trust_form(session)),
                Some(Row::Condition(c)) => state.form = Some(forms::condition_form(session, c)),
                Some(Row::Heading(Section::Thermometer)) => {
                    state.form = Some(forms::reading_form(session, None))
                }
                _ => {}
            },
            Action::Pane(TICK) => return Some(tick(state, row, now)),
            Action::DeleteSelected => return Some(remove(state, row, now)),
            _ => return None,
        }
        Some(Vec::new())
    }

    fn focus(&self, st: &mut State, cx: &Cx, target: Target, how: Focus) -> bool {
        if target.kind != TextKind::Note {
            return false;
        }
        let session = cx.session;
        let Some(i) = session.temperature.iter().position(|t| t.id == target.id) else { return false };
        if st.showing == Showing::Problems {
            st.showing = Showing::Relation;
            std::mem::swap(&mut st.cursor, &mut st.other);
            st.rows = rows(session, st.open_reading(session));
        }
        // A reading just taken or changed here: its checklist opens under it.
        if how == Focus::Select {
            st.open = Some(target.id.to_string());
            st.rows = rows(session, Some(i));
        }
        let Some(n) = st.rows.iter().position(|r| *r == Row::Reading(i)) else { return false };
        st.cursor.select(n, page(cx.view));
        true
    }

    fn draw(&self, st: &State, frame: &mut Frame, area: Rect, state: &AppState, s: &SessionScreen) {
        draw::draw(frame, area, state, s, st);
    }
}

/// Space: on an intervention, tick or untick it as tried (with the time);
/// on a reading, show its interventions instead of the open one's.
fn tick(state: &mut AppState, row: Option<Row>, now: Timestamp) -> Vec<Effect> {
    if matches!(row, Some(Row::Tried(..))) && state.read_only() {
        state.warn(Msg::ReadOnlyRefused);
        return Vec::new();
    }
    let Some(s) = state.session_mut() else { return Vec::new() };
    let (session, st) = s.split::<Relationship>();
    match row {
        Some(Row::Reading(i)) => {
            st.open = Some(session.temperature[i].id.clone());
            state.reindex();
            Vec::new()
        }
        Some(Row::Tried(i, k)) => {
            let reading = &session.temperature[i];
            let id = reading.id.clone();
            let intervention = guide().level(reading.level).interventions[k].id.clone();
            // The checklist stays open on this reading after the change.
            st.open = Some(id.clone());
            change(state, M::KeyTick, |s| s.edit().toggle_tried(&id, &intervention, now).map(|_| true))
        }
        _ => Vec::new(),
    }
}

/// `d`: remove a reading, clear the trust stage or a condition's room
/// score and note (its party scores stay); `u` brings it back.
fn remove(state: &mut AppState, row: Option<Row>, now: Timestamp) -> Vec<Effect> {
    let Some(session) = state.session().map(|s| &s.session) else { return Vec::new() };
    match row {
        Some(Row::Reading(i)) => {
            let id = session.temperature[i].id.clone();
            delete(state, |s| s.edit().remove_temperature(&id, now))
        }
        Some(Row::Trust) if session.trust.is_some() => {
            change(state, Msg::KeyDelete, |s| Ok(s.edit().clear_trust(now).is_some()))
        }
        Some(Row::Condition(c))
            if session.conditions.get(&c).is_some_and(|x| x.score.is_some() || !x.note.is_empty()) =>
        {
            change(state, Msg::KeyDelete, |s| s.edit().score_condition(c, None, "", now).map(|_| true))
        }
        _ => Vec::new(),
    }
}
