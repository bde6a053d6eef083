//! Theater van Besluit, the decision-making game, as a game mode: set-up
//! (players by name or count, seats by the group's size, three assignments
//! from the six cards or typed), the three rounds with their timer (3 or 5
//! minutes by the group's size) and its one-minute warning (visible, and a
//! terminal bell unless turned off), the strategies dealt from the game's
//! recorded seed with the consensus rule (or the physical cards recorded
//! per seat), each round's decision and debrief, then the three reflection
//! sets with the room's answers. The pane shows the meeting's last game.
//!
//! While a round runs the pane asks to be woken once a second; otherwise
//! it asks for nothing.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{Cmd, Cx, Pane, PaneForm};
use crate::app::{Action, AppState, Effect, ListCursor, SessionScreen, change};
use crate::domain::meeting::content::{ReflectionSetId, content};
use crate::domain::meeting::{DealMode, Game, ROUNDS, WARNING_SECS};
use crate::domain::{Session, Timestamp};
use crate::i18n::{Lang, Msg};
use crate::keymap::{Binding, bh, ch, key};

mod draw;
pub(crate) mod forms;

pub use draw::header_timer;

crate::messages! { pub struct M {
    Title => "Spel", "Game";
    Help => "Theater van Besluit", "Theater van Besluit";
    NoGame => "Nog geen Theater van Besluit in dit overleg. Druk a om een spel op te zetten.", "No Theater van Besluit in this meeting yet. Press a to set up a game.";
    Cards => "De zes opdrachtkaarten (nummer of eigen tekst in het formulier):", "The six assignment cards (number or your own text in the form):";
    Round => "Ronde", "Round";
    Assignment => "Opdracht", "Assignment";
    PerRound => "per ronde", "per round";
    Decision => "Besluit", "Decision";
    Debrief => "Nabespreking", "Debrief";
    NotStarted => "nog niet gestart", "not started";
    Ended => "afgelopen", "ended";
    Left => "over", "left";
    OverTime => "over tijd", "over time";
    LastMinute => "nog één minuut", "one minute left";
    OpenCards => "open kaarten", "open cards";
    WithoutConsensus => "zonder consensus", "without consensus";
    NotDealt => "nog niet gedeeld (bij de start van de ronde)", "not dealt yet (when the round starts)";
    NotRecorded => "nog niet vastgelegd (f)", "not recorded yet (f)";
    Seat => "Plaats", "Seat";
    Seats => "plaatsen", "seats";
    PlayersShort => "spelers", "players";
    Seed => "zaad", "seed";
    Physical => "fysieke kaarten", "physical cards";
    BellOff => "bel uit", "bell off";
    Mixed => "gemengd: paren en één alleen (onze regel)", "mixed: pairs and one alone (our rule)";
    Players => "Spelers (namen met komma's, of een aantal)", "Players (names with commas, or a number)";
    Assignment1 => "Opdracht ronde 1 (1-6 of eigen tekst)", "Assignment round 1 (1-6 or own text)";
    Assignment2 => "Opdracht ronde 2 (1-6 of eigen tekst)", "Assignment round 2 (1-6 or own text)";
    Assignment3 => "Opdracht ronde 3 (1-6 of eigen tekst)", "Assignment round 3 (1-6 or own text)";
    PhysicalField => "Fysieke kaarten (kompas legt vast)", "Physical cards (kompas records)";
    SilentField => "Zonder bel", "Without the bell";
    BadPlayers => "Spelers: 2 tot 12 namen, of een aantal van 2 tot 12", "Players: 2 to 12 names, or a number from 2 to 12";
    CardsField => "Kaart per plaats, één regel per plaats (1-6 of naam)", "Card per seat, one line per seat (1-6 or name)";
    BadCard => "Kaarten: per regel een nummer 1-6 of de naam van een strategie, elke kaart één keer", "Cards: per line a number 1-6 or a strategy's name, each card once";
    NewGame => "Nieuw spel: Theater van Besluit", "New game: Theater van Besluit";
    EditGame => "Spel opzetten", "Set up the game";
    OutcomeTitle => "Besluit en nabespreking", "Decision and debrief";
    CardsTitle => "Fysieke kaarten per plaats", "Physical cards per seat";
    AnswerTitle => "Antwoord van de groep", "The room's answer";
    EditAnswer => "Antwoord bewerken", "Edit answer";
    Answer => "Antwoord", "Answer";
    NoAnswers => "Nog geen antwoord (Enter).", "No answer yet (Enter).";
    KeyNew => "nieuw spel", "new game";
    KeyRound => "ronde start/stop", "round start/stop";
    KeyConsensus => "zonder consensus", "without consensus";
    KeyCards => "kaarten", "cards";
    KeyBell => "bel", "bell";
    KeyOpen => "besluit/antwoord", "decision/answer";
    HelpNew => "nieuw spel opzetten (spelers, opdrachten, kaarten)", "set up a new game (players, assignments, cards)";
    HelpRound => "huidige ronde starten, of stoppen: dan het besluit", "start the current round, or stop it: then the decision";
    HelpConsensus => "consensus in één ronde bewust weglaten (minder dan 6 plaatsen)", "leave consensus out on purpose in one round (fewer than 6 seats)";
    HelpCards => "fysieke kaarten per plaats vastleggen", "record the physical cards per seat";
    HelpBell => "bel bij de laatste minuut aan of uit", "bell at the last minute on or off";
    HelpOpen => "op een ronde: besluit en nabespreking; op een vraag: antwoord", "on a round: decision and debrief; on a question: answer";
    HelpDelete => "antwoord wissen; op een ronde: het spel (u zet terug)", "delete the answer; on a round: the game (u brings it back)";
} }

pub const NEW: Cmd = Cmd::edit("game.new");
pub const ROUND: Cmd = Cmd::edit("game.round");
pub const CONSENSUS: Cmd = Cmd::edit("game.consensus");
pub const CARDS: Cmd = Cmd::edit("game.cards");
pub const BELL: Cmd = Cmd::edit("game.bell");

use ratatui::crossterm::event::KeyCode::{Delete, Enter};

pub static KEYS: &[Binding] = &[
    bh(&[ch('a')], Action::Pane(NEW), M::KeyNew, M::HelpNew, true),
    bh(&[ch('s')], Action::Pane(ROUND), M::KeyRound, M::HelpRound, true),
    bh(&[key(Enter), ch('e')], Action::Activate, M::KeyOpen, M::HelpOpen, true),
    bh(&[ch('c')], Action::Pane(CONSENSUS), M::KeyConsensus, M::HelpConsensus, false),
    bh(&[ch('f')], Action::Pane(CARDS), M::KeyCards, M::HelpCards, false),
    bh(&[ch('b')], Action::Pane(BELL), M::KeyBell, M::HelpBell, false),
    bh(&[ch('d'), key(Delete)], Action::DeleteSelected, Msg::KeyDelete, M::HelpDelete, false),
];

static HELP: &[(Msg, &[Binding])] = &[(M::Help, KEYS)];

static FORMS: &[&PaneForm] = &[&forms::SETUP, &forms::OUTCOME, &forms::CARDS, &forms::ANSWER];

/// A row of the game pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Round(u8),
    /// A reflection question: its set and its place in the set.
    Question(ReflectionSetId, usize),
    /// An answer of the game, by index into `game.answers`, under its question.
    Answer(usize),
}

/// The running round's timer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timer {
    pub round: u8,
    /// Seconds left; negative once over time.
    pub left: i64,
}

impl Timer {
    pub fn warning(self) -> bool {
        self.left <= WARNING_SECS
    }
}

#[derive(Debug, Default)]
pub struct State {
    /// Index of the game shown (the meeting's last) in `session.games`.
    pub game: Option<usize>,
    pub rows: Vec<Row>,
    pub cursor: ListCursor,
    pub timer: Option<Timer>,
    /// The round (game id, number) whose warning has rung, so it rings once.
    pub rung: Option<(String, u8)>,
    /// A bell to ring at the next tick.
    pub bell: bool,
}

impl State {
    fn round_at_cursor(&self) -> Option<u8> {
        match self.rows.get(self.cursor.sel) {
            Some(Row::Round(n)) => Some(*n),
            _ => None,
        }
    }
}

/// The rows: the three rounds, then every reflection question with the
/// answers given to it.
fn rows(game: &Game) -> Vec<Row> {
    let mut rows: Vec<Row> = (1..=ROUNDS).map(Row::Round).collect();
    for set in &content().reflection_sets {
        for (k, q) in set.questions.iter().enumerate() {
            rows.push(Row::Question(set.id, k));
            rows.extend(
                game.answers
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| a.question == q.id)
                    .map(|(i, _)| Row::Answer(i)),
            );
        }
    }
    rows
}

pub struct GameMode;

impl Pane for GameMode {
    type State = State;
    const ID: &'static str = "game";

    fn title(&self) -> Msg {
        M::Title
    }

    fn tab(&self, st: &State, s: &SessionScreen, _lang: Lang) -> String {
        match st.game.map(|i| &s.session.games[i]) {
            Some(g) => format!("{}/{ROUNDS}", g.rounds.iter().filter(|r| r.ended_at.is_some()).count()),
            None => "–".into(),
        }
    }

    fn tab_alert(&self, st: &State) -> bool {
        st.timer.is_some_and(Timer::warning)
    }

    fn bindings(&self, _st: &State) -> Vec<&'static [Binding]> {
        vec![KEYS]
    }

    fn help(&self) -> &'static [(Msg, &'static [Binding])] {
        HELP
    }

    fn forms(&self) -> &'static [&'static PaneForm] {
        FORMS
    }

    fn reindex(&self, st: &mut State, cx: &Cx) {
        let s = cx.session;
        st.game = s.games.len().checked_sub(1);
        let Some(g) = st.game.map(|i| &s.games[i]) else {
            (st.rows, st.timer) = (Vec::new(), None);
            st.cursor.reset();
            return;
        };
        st.rows = rows(g);
        st.cursor.clamp(st.rows.len());
        st.timer =
            g.running_round().and_then(|n| Some(Timer { round: n, left: g.remaining(n, cx.view.now)? }));
        if let Some(t) = st.timer.filter(|t| t.warning()) {
            let key = (g.id.clone(), t.round);
            if st.rung.as_ref() != Some(&key) {
                st.bell = !g.silent && !cx.access.read_only();
                st.rung = Some(key);
            }
        }
    }

    fn keep_in_view(&self, st: &mut State, cx: &Cx) {
        st.cursor.show(cx.view.list_rows());
    }

    fn next_wake(&self, st: &State, cx: &Cx) -> Option<Timestamp> {
        st.timer.map(|_| cx.view.now + chrono::Duration::seconds(1))
    }

    fn take_bell(&self, st: &mut State) -> bool {
        std::mem::take(&mut st.bell)
    }

    fn handle(&self, state: &mut AppState, action: &Action, now: Timestamp) -> Option<Vec<Effect>> {
        let view = state.view();
        let s = state.session_mut()?;
        let (session, st) = s.split::<GameMode>();
        if st.cursor.step(action, st.rows.len(), view.list_rows()) {
            return Some(Vec::new());
        }
        let game = st.game.map(|i| &session.games[i]);
        let id = game.map(|g| g.id.clone());
        let here = st.round_at_cursor();
        let row = st.rows.get(st.cursor.sel).copied();
        match action {
            Action::Pane(NEW) => state.form = Some(forms::setup_form(session, now)),
            Action::Pane(ROUND) => {
                let (Some(g), Some(id)) = (game, id) else { return Some(Vec::new()) };
                let Some(n) = g.current_round() else { return Some(Vec::new()) };
                if g.running_round() == Some(n) {
                    let effects =
                        change(state, M::KeyRound, |s| s.edit().end_round(&id, n, now).map(|_| true));
                    if !effects.is_empty() {
                        // At time the group states its decision.
                        state.form = Some(forms::outcome_form(&state.session()?.session, &id, n));
                    }
                    return Some(effects);
                }
                return Some(change(state, M::KeyRound, |s| s.edit().start_round(&id, n, now).map(|_| true)));
            }
            Action::Pane(CONSENSUS) => {
                let (Some(g), Some(id)) = (game, id) else { return Some(Vec::new()) };
                let Some(n) = here.or(g.current_round()) else { return Some(Vec::new()) };
                let without = !g.round(n).is_some_and(|r| r.without_consensus);
                return Some(change(state, M::KeyConsensus, |s| {
                    s.edit().deal_round(&id, n, without, now).map(|_| true)
                }));
            }
            Action::Pane(CARDS) => {
                let (Some(g), Some(id)) = (game, id) else { return Some(Vec::new()) };
                if g.deal != DealMode::Fysiek {
                    state.fail(
                        crate::domain::DomainError::from(crate::domain::meeting::MeetingError::DealtByKompas)
                            .into(),
                    );
                    return Some(Vec::new());
                }
                let Some(n) = here.or(g.current_round()) else { return Some(Vec::new()) };
                state.form = Some(forms::cards_form(session, &id, n));
            }
            Action::Pane(BELL) => {
                let (Some(g), Some(id)) = (game, id) else { return Some(Vec::new()) };
                let silent = !g.silent;
                return Some(change(state, M::KeyBell, |s| {
                    s.edit().set_game_silent(&id, silent, now).map(|_| true)
                }));
            }
            Action::Activate | Action::EditSelected => {
                let Some(id) = id else { return Some(Vec::new()) };
                state.form = match row {
                    Some(Row::Round(n)) => Some(forms::outcome_form(session, &id, n)),
                    Some(Row::Question(set, k)) => Some(forms::answer_form(&id, set, k)),
                    Some(Row::Answer(i)) => forms::edit_answer_form(session, &id, i),
                    None => None,
                };
            }
            Action::DeleteSelected => {
                let Some(id) = id else { return Some(Vec::new()) };
                return Some(match row {
                    Some(Row::Answer(i)) => {
                        let answer = game?.answers[i].id.clone();
                        crate::app::delete(state, |s| s.edit().remove_game_answer(&id, &answer, now))
                    }
                    Some(Row::Round(_)) => crate::app::delete(state, |s| s.edit().remove_game(&id, now)),
                    _ => Vec::new(),
                });
            }
            _ => return None,
        }
        Some(Vec::new())
    }

    fn draw(&self, st: &State, frame: &mut Frame, area: Rect, state: &AppState, s: &SessionScreen) {
        draw::draw(frame, area, state, s, st);
    }
}

/// The round a reflection answer follows: questions "in the game" come
/// after rounds 1 and 2 (the last one ended), the others after the game.
pub(crate) fn answer_round(session: &Session, game: &str, set: ReflectionSetId) -> Option<u8> {
    let g = &session.games[session.game_index(game)?];
    match set {
        ReflectionSetId::InHetSpel => {
            g.rounds.iter().take(2).rposition(|r| r.ended_at.is_some()).map(|i| i as u8 + 1)
        }
        _ => None,
    }
}
