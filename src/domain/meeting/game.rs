//! Theater van Besluit, the decision-making game (`kompas-instruments.md`
//! §4): seats, three rounds with an assignment, the strategy cards dealt
//! per round from the game's recorded seed (or recorded from the physical
//! cards on the table), each round's decision and debrief, and the room's
//! answers to the three reflection sets.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::super::{DomainError, Extra, Session, Timestamp};
use super::{Assignment, MeetingError, MeetingRemoved, Strategy, deal::deal, required};

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

fn set_assignment(r: &mut GameRound, a: &RoundAssignment) -> Result<(), DomainError> {
    match a {
        RoundAssignment::Card(card) => {
            r.assignment = Some(*card);
            r.own_assignment.clear();
        }
        RoundAssignment::Own(text) => {
            r.own_assignment = required(text, "assignment")?;
            r.assignment = None;
        }
    }
    Ok(())
}

impl Session {
    pub fn game_index(&self, id: &str) -> Option<usize> {
        self.games.iter().position(|g| g.id == id)
    }

    fn game_mut(&mut self, id: &str, now: Timestamp) -> Result<&mut Game, DomainError> {
        let i = self.game_index(id).ok_or_else(|| DomainError::NotFound(id.to_string()))?;
        self.updated_at = now;
        let g = &mut self.games[i];
        g.updated_at = now;
        Ok(g)
    }

    /// Set up a game: seats by the group's size, three rounds with their
    /// assignments. `seed` is recorded when kompas deals.
    pub fn start_game(
        &mut self,
        setup: &GameSetup,
        seed: u64,
        now: Timestamp,
    ) -> Result<String, DomainError> {
        let names: Vec<String> = match &setup.players {
            Players::Names(names) => {
                names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()).map(String::from).collect()
            }
            Players::Count(_) => Vec::new(),
        };
        let count = match &setup.players {
            Players::Names(_) => names.len() as u32,
            Players::Count(n) => *n,
        };
        let sizes = seating(count)?;
        let mut rounds = Vec::new();
        let id = self.new_id('b', now);
        for (n, a) in setup.assignments.iter().enumerate() {
            let mut r = GameRound {
                id: format!("{id}-r{}", n + 1),
                assignment: None,
                own_assignment: String::new(),
                without_consensus: false,
                cards: BTreeMap::new(),
                started_at: None,
                ended_at: None,
                decision: String::new(),
                debrief: String::new(),
                extra: Extra::new(),
            };
            set_assignment(&mut r, a)?;
            rounds.push(r);
        }
        let mut names = names.into_iter();
        let seats = (sizes.iter().enumerate())
            .map(|(n, &players)| Seat {
                id: format!("{id}-s{}", n + 1),
                players,
                names: names.by_ref().take(usize::from(players)).collect(),
                extra: Extra::new(),
            })
            .collect();
        self.games.push(Game {
            id: id.clone(),
            deal: setup.deal,
            seed: (setup.deal == DealMode::Kompas).then_some(seed),
            seats,
            rounds,
            answers: Vec::new(),
            silent: setup.silent,
            created_at: now,
            updated_at: now,
            extra: Extra::new(),
        });
        self.updated_at = now;
        Ok(id)
    }

    pub fn remove_game(&mut self, id: &str, now: Timestamp) -> Result<super::super::Removed, DomainError> {
        let i = self.game_index(id).ok_or_else(|| DomainError::NotFound(id.to_string()))?;
        self.updated_at = now;
        Ok(super::super::Removed::Meeting(MeetingRemoved::Game(i, self.games.remove(i))))
    }

    pub fn set_game_silent(&mut self, game: &str, silent: bool, now: Timestamp) -> Result<(), DomainError> {
        self.game_mut(game, now)?.silent = silent;
        Ok(())
    }

    /// A round not yet started, to change before it begins.
    fn unstarted_round(
        &mut self,
        game: &str,
        number: u8,
        now: Timestamp,
    ) -> Result<&mut GameRound, DomainError> {
        let g = self.game_mut(game, now)?;
        let r = usize::from(number)
            .checked_sub(1)
            .and_then(|i| g.rounds.get_mut(i))
            .ok_or(MeetingError::NoSuchRound(number))?;
        if r.started_at.is_some() {
            return Err(MeetingError::RoundStarted.into());
        }
        Ok(r)
    }

    pub fn set_round_assignment(
        &mut self,
        game: &str,
        number: u8,
        a: &RoundAssignment,
        now: Timestamp,
    ) -> Result<(), DomainError> {
        set_assignment(self.unstarted_round(game, number, now)?, a)
    }

    /// kompas deals round `number` from the game's seed. Consensus may be
    /// left out on purpose in one round only, and only with fewer than six
    /// seats (with six every card is dealt).
    pub fn deal_round(
        &mut self,
        game: &str,
        number: u8,
        without_consensus: bool,
        now: Timestamp,
    ) -> Result<(), DomainError> {
        let g = &self.games[self.game_index(game).ok_or_else(|| DomainError::NotFound(game.to_string()))?];
        let Some(seed) = g.seed.filter(|_| g.deal == DealMode::Kompas) else {
            return Err(MeetingError::PhysicalCards.into());
        };
        if without_consensus {
            if g.seats.len() >= Strategy::ALL.len() {
                return Err(MeetingError::ConsensusAllSeats.into());
            }
            let elsewhere =
                g.rounds.iter().enumerate().any(|(i, r)| i + 1 != usize::from(number) && r.without_consensus);
            if elsewhere {
                return Err(MeetingError::ConsensusOnce.into());
            }
        }
        let seat_ids: Vec<String> = g.seats.iter().map(|s| s.id.clone()).collect();
        let cards = deal(seed, number, seat_ids.len(), without_consensus);
        let r = self.unstarted_round(game, number, now)?;
        r.without_consensus = without_consensus;
        r.cards = seat_ids.into_iter().zip(cards).collect();
        Ok(())
    }

    /// Record the physical card a seat held in a round (`None` clears it).
    /// A card is on one seat at a time.
    pub fn record_card(
        &mut self,
        game: &str,
        number: u8,
        seat: &str,
        card: Option<Strategy>,
        now: Timestamp,
    ) -> Result<(), DomainError> {
        let g = self.game_mut(game, now)?;
        if g.deal != DealMode::Fysiek {
            return Err(MeetingError::DealtByKompas.into());
        }
        if !g.seats.iter().any(|s| s.id == seat) {
            return Err(DomainError::NotFound(seat.to_string()));
        }
        let r = usize::from(number)
            .checked_sub(1)
            .and_then(|i| g.rounds.get_mut(i))
            .ok_or(MeetingError::NoSuchRound(number))?;
        match card {
            Some(c) => {
                if let Some((other, _)) = r.cards.iter().find(|(s, x)| **x == c && s.as_str() != seat) {
                    return Err(MeetingError::CardTaken(other.clone()).into());
                }
                r.cards.insert(seat.to_string(), c);
            }
            None => {
                r.cards.remove(seat);
            }
        }
        Ok(())
    }

    /// Start a round's timer. The rounds go in order; when kompas deals, a
    /// round not dealt yet is dealt now, with consensus in play.
    pub fn start_round(&mut self, game: &str, number: u8, now: Timestamp) -> Result<(), DomainError> {
        let g = &self.games[self.game_index(game).ok_or_else(|| DomainError::NotFound(game.to_string()))?];
        if g.current_round() != Some(number) {
            return Err(match g.round(number) {
                None => MeetingError::NoSuchRound(number),
                Some(r) if r.ended_at.is_some() => MeetingError::RoundEnded,
                Some(_) => MeetingError::EarlierRoundOpen,
            }
            .into());
        }
        if g.deal == DealMode::Kompas && g.round(number).is_some_and(|r| r.cards.is_empty()) {
            self.deal_round(game, number, false, now)?;
        }
        self.unstarted_round(game, number, now)?.started_at = Some(now);
        Ok(())
    }

    /// Stop a round's timer: the group states its decision.
    pub fn end_round(&mut self, game: &str, number: u8, now: Timestamp) -> Result<(), DomainError> {
        let g = self.game_mut(game, now)?;
        let r = usize::from(number)
            .checked_sub(1)
            .and_then(|i| g.rounds.get_mut(i))
            .ok_or(MeetingError::NoSuchRound(number))?;
        match (r.started_at, r.ended_at) {
            (None, _) => Err(MeetingError::RoundNotStarted.into()),
            (_, Some(_)) => Err(MeetingError::RoundEnded.into()),
            _ => {
                r.ended_at = Some(now);
                Ok(())
            }
        }
    }

    /// The group's decision and the debrief note of a round (either may be
    /// filled in later).
    pub fn set_round_outcome(
        &mut self,
        game: &str,
        number: u8,
        decision: &str,
        debrief: &str,
        now: Timestamp,
    ) -> Result<(), DomainError> {
        let g = self.game_mut(game, now)?;
        let r = usize::from(number)
            .checked_sub(1)
            .and_then(|i| g.rounds.get_mut(i))
            .ok_or(MeetingError::NoSuchRound(number))?;
        r.decision = decision.trim().to_string();
        r.debrief = debrief.trim().to_string();
        Ok(())
    }

    pub fn add_game_answer(
        &mut self,
        game: &str,
        question: &str,
        round: Option<u8>,
        answer: &str,
        now: Timestamp,
    ) -> Result<String, DomainError> {
        let question = required(question, "question")?;
        let answer = required(answer, "answer")?;
        if round.is_some_and(|r| r == 0 || r > ROUNDS) {
            return Err(MeetingError::NoSuchRound(round.unwrap_or(0)).into());
        }
        let id = self.new_id('x', now);
        let g = self.game_mut(game, now)?;
        g.answers.push(GameAnswer {
            id: id.clone(),
            question,
            round,
            answer,
            created_at: now,
            updated_at: now,
            extra: Extra::new(),
        });
        Ok(id)
    }

    pub fn update_game_answer(
        &mut self,
        game: &str,
        id: &str,
        answer: &str,
        now: Timestamp,
    ) -> Result<(), DomainError> {
        let answer = required(answer, "answer")?;
        let g = self.game_mut(game, now)?;
        let a =
            g.answers.iter_mut().find(|a| a.id == id).ok_or_else(|| DomainError::NotFound(id.to_string()))?;
        a.answer = answer;
        a.updated_at = now;
        Ok(())
    }

    pub fn remove_game_answer(
        &mut self,
        game: &str,
        id: &str,
        now: Timestamp,
    ) -> Result<super::super::Removed, DomainError> {
        let g = self.game_mut(game, now)?;
        let i =
            g.answers.iter().position(|a| a.id == id).ok_or_else(|| DomainError::NotFound(id.to_string()))?;
        let answer = g.answers.remove(i);
        Ok(super::super::Removed::Meeting(MeetingRemoved::GameAnswer {
            game: game.to_string(),
            index: i,
            answer,
        }))
    }
}
