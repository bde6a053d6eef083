//! Theater van Besluit, the decision-making game (`kompas-instruments.md`
//! §4): seats, three rounds with an assignment, the strategy cards dealt
//! per round from the game's recorded seed (or recorded from the physical
//! cards on the table), each round's decision and debrief, and the room's
//! answers to the three reflection sets.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::super::{Extra, Timestamp};
use super::{Assignment, MeetingError, Strategy};

/// Rounds in a game.
pub const ROUNDS: u8 = 3;
/// The round played with open cards.
pub const OPEN_ROUND: u8 = 3;
/// Fewest and most players.
pub const MIN_PLAYERS: u32 = 2;
pub const MAX_PLAYERS: u32 = 12;
/// Up to this many players everyone plays alone and a round lasts
/// [`SHORT_ROUND_SECS`]; from one more on, pairs and [`LONG_ROUND_SECS`].
pub const ALONE_UP_TO: u32 = 6;
pub const SHORT_ROUND_SECS: i64 = 3 * 60;
pub const LONG_ROUND_SECS: i64 = 5 * 60;
/// The warning comes this long before the end of a round.
pub const WARNING_SECS: i64 = 60;

/// Who deals the strategy cards.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DealMode {
    /// kompas deals from the game's seed.
    Kompas,
    /// Physical cards on the table; kompas records which seat had which.
    Fysiek,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Game {
    pub id: String,
    pub deal: DealMode,
    /// The seed every round's deal is derived from (see `deal.rs`); only
    /// when kompas deals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
    pub seats: Vec<Seat>,
    /// Always three, in order.
    pub rounds: Vec<GameRound>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<GameAnswer>,
    /// No terminal bell at the one-minute warning.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub silent: bool,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A seat: one player, or a pair sharing one card.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Seat {
    pub id: String,
    /// 1 or 2.
    pub players: u8,
    /// The players' names, when the game was set up by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GameRound {
    pub id: String,
    /// One of the six assignment cards …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignment: Option<Assignment>,
    /// … or an assignment typed on the spot.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub own_assignment: String,
    /// Consensus left out of this round on purpose (allowed in one round,
    /// and only with fewer than six seats).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub without_consensus: bool,
    /// Seat id → the strategy card that seat held.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub cards: BTreeMap<String, Strategy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_at: Option<Timestamp>,
    /// The decision the group stated.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub decision: String,
    /// The facilitator's note of the short debrief.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub debrief: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The room's answer to a reflection question of the game.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GameAnswer {
    pub id: String,
    /// Id of the question in `assets/meeting.json`.
    pub question: String,
    /// The round it followed (questions "in the game" come after rounds 1 and 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<u8>,
    pub answer: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The players, by name or only counted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Players {
    Names(Vec<String>),
    Count(u32),
}

/// A round's assignment as chosen at set-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RoundAssignment {
    Card(Assignment),
    Own(String),
}

/// What the set-up form holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GameSetup {
    pub players: Players,
    pub assignments: [RoundAssignment; ROUNDS as usize],
    pub deal: DealMode,
    pub silent: bool,
}

/// The seats for `players` players: everyone alone up to six; from seven,
/// pairs, and with an odd number one player alone (our rule: the sources
/// give none). Seat sizes in seat order, the single seat last.
pub fn seating(players: u32) -> Result<Vec<u8>, MeetingError> {
    match players {
        MIN_PLAYERS..=ALONE_UP_TO => Ok(vec![1; players as usize]),
        n @ 7..=MAX_PLAYERS => {
            let mut seats = vec![2; (n / 2) as usize];
            if n % 2 == 1 {
                seats.push(1);
            }
            Ok(seats)
        }
        n => Err(MeetingError::Players(n)),
    }
}

impl Game {
    pub fn players(&self) -> u32 {
        self.seats.iter().map(|s| u32::from(s.players)).sum()
    }

    /// The seating mixes pairs and singles: our rule for an odd number of
    /// players from seven on.
    pub fn mixed_seating(&self) -> bool {
        self.seats.iter().any(|s| s.players == 2) && self.seats.iter().any(|s| s.players == 1)
    }

    /// The length of a round, set by the group's size.
    pub fn round_secs(&self) -> i64 {
        if self.players() <= ALONE_UP_TO { SHORT_ROUND_SECS } else { LONG_ROUND_SECS }
    }

    pub fn round(&self, number: u8) -> Option<&GameRound> {
        usize::from(number).checked_sub(1).and_then(|i| self.rounds.get(i))
    }

    /// The first round not yet ended (1 to 3); `None` once all three have.
    pub fn current_round(&self) -> Option<u8> {
        self.rounds.iter().position(|r| r.ended_at.is_none()).map(|i| i as u8 + 1)
    }

    /// The round whose timer runs: started and not ended.
    pub fn running_round(&self) -> Option<u8> {
        self.rounds.iter().position(|r| r.started_at.is_some() && r.ended_at.is_none()).map(|i| i as u8 + 1)
    }

    /// Seconds left in a round at `now`; negative once over time. `None`
    /// for a round that has not started.
    pub fn remaining(&self, number: u8, now: Timestamp) -> Option<i64> {
        let r = self.round(number)?;
        let start = r.started_at?;
        let end = r.ended_at.unwrap_or(now);
        Some(self.round_secs() - (end - start).num_seconds())
    }

    /// The set-up this game was made with, to play it again with its seed.
    pub fn setup(&self) -> GameSetup {
        let names: Vec<String> = self.seats.iter().flat_map(|s| s.names.iter().cloned()).collect();
        let players = if names.len() as u32 == self.players() {
            Players::Names(names)
        } else {
            Players::Count(self.players())
        };
        let assignment = |r: &GameRound| match r.assignment {
            Some(a) => RoundAssignment::Card(a),
            None => RoundAssignment::Own(r.own_assignment.clone()),
        };
        GameSetup {
            players,
            assignments: [0, 1, 2].map(|i| assignment(&self.rounds[i])),
            deal: self.deal,
            silent: self.silent,
        }
    }
}

impl GameRound {
    pub fn is_open_cards(number: u8) -> bool {
        number == OPEN_ROUND
    }
}
