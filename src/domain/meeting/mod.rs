//! Running the meeting (issue 12): the agenda with its clock, attendance,
//! notes per agenda item, and the Theater van Besluit game.
//!
//! Plain data and rules; `now` is always passed in. Every list item has an
//! id; every field is optional in the file, so version-1 files open as they
//! are. The texts the program shows for this instrument (strategies,
//! assignments, reflection questions, the game's guide, agenda templates)
//! live in `assets/meeting.json`, parsed by [`content`].

mod agenda;
mod attendance;
pub mod content;
mod deal;
mod game;
mod notes;
mod play;

#[cfg(test)]
mod agenda_tests;
#[cfg(test)]
mod game_tests;

use serde::{Deserialize, Serialize};

pub use agenda::{AgendaFields, AgendaItem, ClockMark, ItemTime, TimeState};
pub use attendance::{Attendee, AttendeeFields, Presence};
pub use deal::{SplitMix64, deal};
pub use game::{
    ALONE_UP_TO, DealMode, Game, GameAnswer, GameRound, GameSetup, LONG_ROUND_SECS, MAX_PLAYERS, MIN_PLAYERS,
    OPEN_ROUND, Players, ROUNDS, RoundAssignment, SHORT_ROUND_SECS, Seat, WARNING_SECS, seating,
};
pub use notes::MeetingNote;

use super::items::Origin as MeetingLink;
use super::validate::Check;
use super::{DomainError, Session};

/// The six strategy cards, in the order of the brief (also the order the
/// deck has before it is shuffled).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strategy {
    Autoriteit,
    Eliminatie,
    Maximaliseren,
    Adequaat,
    Preselectie,
    Consensus,
}

impl Strategy {
    pub const ALL: [Strategy; 6] = [
        Strategy::Autoriteit,
        Strategy::Eliminatie,
        Strategy::Maximaliseren,
        Strategy::Adequaat,
        Strategy::Preselectie,
        Strategy::Consensus,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Strategy::Autoriteit => "autoriteit",
            Strategy::Eliminatie => "eliminatie",
            Strategy::Maximaliseren => "maximaliseren",
            Strategy::Adequaat => "adequaat",
            Strategy::Preselectie => "preselectie",
            Strategy::Consensus => "consensus",
        }
    }
}

/// The six assignment cards; a game uses three.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Assignment {
    Beleidsvertegenwoordiger,
    Etentje,
    BesteMedewerker,
    KijkjeInDeKeuken,
    Festivallocatie,
    Teamuitje,
}

impl Assignment {
    pub const ALL: [Assignment; 6] = [
        Assignment::Beleidsvertegenwoordiger,
        Assignment::Etentje,
        Assignment::BesteMedewerker,
        Assignment::KijkjeInDeKeuken,
        Assignment::Festivallocatie,
        Assignment::Teamuitje,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Assignment::Beleidsvertegenwoordiger => "beleidsvertegenwoordiger",
            Assignment::Etentje => "etentje",
            Assignment::BesteMedewerker => "beste_medewerker",
            Assignment::KijkjeInDeKeuken => "kijkje_in_de_keuken",
            Assignment::Festivallocatie => "festivallocatie",
            Assignment::Teamuitje => "teamuitje",
        }
    }
}

/// A rule of running the meeting that a change would break.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MeetingError {
    #[error("that agenda item is already the current one")]
    AlreadyCurrent,
    #[error("the clock is not running")]
    ClockStopped,
    #[error("every agenda item is done")]
    NothingLeft,
    #[error("a game needs {MIN_PLAYERS} to {MAX_PLAYERS} players, not {0}")]
    Players(u32),
    #[error("there is no round {0}")]
    NoSuchRound(u8),
    #[error("the round has started; its cards and assignment stay as they are")]
    RoundStarted,
    #[error("the round has not started")]
    RoundNotStarted,
    #[error("the round has ended")]
    RoundEnded,
    #[error("an earlier round is still open")]
    EarlierRoundOpen,
    #[error("with six seats every card is dealt, consensus included")]
    ConsensusAllSeats,
    #[error("consensus may be left out in one round only")]
    ConsensusOnce,
    #[error("this game is played with physical cards; record them per seat")]
    PhysicalCards,
    #[error("kompas deals this game's cards")]
    DealtByKompas,
    #[error("that card is already recorded for seat {0}")]
    CardTaken(String),
}

/// Items of this instrument taken out of a session, with what is needed
/// to put them back exactly where they were.
#[derive(Clone, Debug, PartialEq)]
pub enum MeetingRemoved {
    AgendaItem {
        index: usize,
        item: AgendaItem,
        /// Its notes, with their positions, in ascending order.
        notes: Vec<(usize, MeetingNote)>,
        /// Clock marks that made it current (now stopping the clock).
        marks: Vec<String>,
    },
    Attendee(usize, Attendee),
    Note(usize, MeetingNote),
    Game(usize, Game),
    GameAnswer {
        game: String,
        index: usize,
        answer: GameAnswer,
    },
}

fn put<T>(v: &mut Vec<T>, i: usize, item: T) {
    let i = i.min(v.len());
    v.insert(i, item);
}

/// Put a removed item back (called by `Session::restore`).
pub(super) fn restore(s: &mut Session, removed: MeetingRemoved) {
    match removed {
        MeetingRemoved::AgendaItem { index, item, notes, marks } => {
            let id = item.id.clone();
            put(&mut s.agenda, index, item);
            for (i, n) in notes {
                put(&mut s.notes, i, n);
            }
            for m in s.agenda_clock.iter_mut().filter(|m| marks.contains(&m.id) && m.item.is_none()) {
                m.item = Some(id.clone());
            }
        }
        MeetingRemoved::Attendee(i, a) => put(&mut s.attendance, i, a),
        MeetingRemoved::Note(i, n) => put(&mut s.notes, i, n),
        MeetingRemoved::Game(i, g) => put(&mut s.games, i, g),
        MeetingRemoved::GameAnswer { game, index, answer } => {
            if let Some(g) = s.games.iter_mut().find(|g| g.id == game) {
                put(&mut g.answers, index, answer);
            }
        }
    }
}

/// How a meeting ran, in a line of the session library.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MeetingSummary {
    pub agenda_items: usize,
    pub agenda_done: usize,
    /// The agenda's planned length, and the time its clock ran, in seconds.
    pub planned_secs: i64,
    pub elapsed_secs: i64,
    pub present: usize,
    pub apologies: usize,
    /// Theater van Besluit games with all three rounds played.
    pub games_played: usize,
}

impl Session {
    pub fn meeting_summary(&self) -> MeetingSummary {
        let count = |p| self.attendance.iter().filter(|a| a.presence == p).count();
        MeetingSummary {
            agenda_items: self.agenda.len(),
            agenda_done: self.agenda.iter().filter(|a| a.is_done()).count(),
            planned_secs: self.meeting_planned(),
            elapsed_secs: self.meeting_elapsed(self.last_recorded()),
            present: count(Presence::Aanwezig),
            apologies: count(Presence::Afgemeld),
            games_played: self.games.iter().filter(|g| g.current_round().is_none()).count(),
        }
    }
}

/// Is `id` used by an item of this instrument? (For `Session::new_id`.)
pub(super) fn id_taken(s: &Session, id: &str) -> bool {
    s.agenda.iter().any(|x| x.id == id)
        || s.agenda_clock.iter().any(|x| x.id == id)
        || s.attendance.iter().any(|x| x.id == id)
        || s.notes.iter().any(|x| x.id == id)
        || s.games.iter().any(|g| g.id == id || g.answers.iter().any(|a| a.id == id))
}

/// The follow-up meeting gets the unfinished agenda items and the
/// attendance list; notes, the clock and games stay with this meeting.
pub(super) fn carry(prev: &Session, here: &MeetingLink, next: &mut Session) {
    agenda::carry(prev, here, next);
    attendance::carry(prev, next);
}

/// The rules a loaded session must satisfy for this instrument: ids unique,
/// references pointing at existing items, games with three rounds whose
/// cards belong to the game's seats.
pub(super) fn check<'a>(s: &'a Session, c: &mut Check<'a>) {
    let parties = |id: &str| s.party(id).is_some();
    let unknown_party = |id: &str| format!("\"{id}\" is not the id of a party");
    for (i, a) in s.agenda.iter().enumerate() {
        c.unique(&a.id, format!("agenda[{i}].id"));
        if let Some(lead) = a.lead.as_deref().filter(|l| !parties(l)) {
            c.problem(format!("agenda[{i}].lead"), unknown_party(lead));
        }
    }
    let item = |id: &str| s.agenda_index(id).is_some();
    let unknown_item = |id: &str| format!("\"{id}\" is not the id of an agenda item");
    for (i, m) in s.agenda_clock.iter().enumerate() {
        c.unique(&m.id, format!("agenda_clock[{i}].id"));
        if let Some(x) = m.item.as_deref().filter(|x| !item(x)) {
            c.problem(format!("agenda_clock[{i}].item"), unknown_item(x));
        }
    }
    for (i, a) in s.attendance.iter().enumerate() {
        c.unique(&a.id, format!("attendance[{i}].id"));
        if let Some(p) = a.party.as_deref().filter(|p| !parties(p)) {
            c.problem(format!("attendance[{i}].party"), unknown_party(p));
        }
    }
    for (i, n) in s.notes.iter().enumerate() {
        c.unique(&n.id, format!("notes[{i}].id"));
        if let Some(x) = n.item.as_deref().filter(|x| !item(x)) {
            c.problem(format!("notes[{i}].item"), unknown_item(x));
        }
    }
    for (i, g) in s.games.iter().enumerate() {
        let at = |rest: String| format!("games[{i}]{rest}");
        c.unique(&g.id, at(".id".into()));
        if g.rounds.len() != usize::from(ROUNDS) {
            c.problem(at(".rounds".into()), format!("has {} rounds; a game has {ROUNDS}", g.rounds.len()));
        }
        if g.deal == DealMode::Kompas && g.seed.is_none() {
            c.problem(at(".seed".into()), "is missing; kompas deals from it".into());
        }
        for (j, seat) in g.seats.iter().enumerate() {
            c.unique(&seat.id, at(format!(".seats[{j}].id")));
            if !(1..=2).contains(&seat.players) {
                c.problem(
                    at(format!(".seats[{j}].players")),
                    format!("is {}; a seat has 1 or 2", seat.players),
                );
            }
            if seat.names.len() > usize::from(seat.players) {
                c.problem(at(format!(".seats[{j}].names")), "has more names than players".into());
            }
        }
        for (j, r) in g.rounds.iter().enumerate() {
            c.unique(&r.id, at(format!(".rounds[{j}].id")));
            for seat in r.cards.keys().filter(|k| !g.seats.iter().any(|s| &s.id == *k)) {
                c.problem(
                    at(format!(".rounds[{j}].cards")),
                    format!("\"{seat}\" is not a seat of this game"),
                );
            }
        }
        for (j, a) in g.answers.iter().enumerate() {
            c.unique(&a.id, at(format!(".answers[{j}].id")));
        }
    }
}

fn required(text: &str, field: &'static str) -> Result<String, DomainError> {
    let t = text.trim();
    if t.is_empty() { Err(DomainError::Empty(field)) } else { Ok(t.to_string()) }
}

/// An optional id, with a blank one read as none.
fn optional_id(id: &Option<String>) -> Option<String> {
    id.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from)
}
