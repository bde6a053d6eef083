//! Playing Theater van Besluit: the session's operations on its games
//! (set up, deal or record the cards, run the rounds, the decisions and the
//! room's answers). The game's data is in `game.rs`.

use std::collections::BTreeMap;

use super::super::{DomainError, Extra, Session, Timestamp};
use super::game::{
    DealMode, Game, GameAnswer, GameRound, GameSetup, Players, ROUNDS, RoundAssignment, Seat, seating,
};
use super::{MeetingError, MeetingRemoved, Strategy, deal::deal, required};

/// Round `number` (1-based) of a game.
fn round_mut(g: &mut Game, number: u8) -> Result<&mut GameRound, MeetingError> {
    usize::from(number)
        .checked_sub(1)
        .and_then(|i| g.rounds.get_mut(i))
        .ok_or(MeetingError::NoSuchRound(number))
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
        let r = round_mut(g, number)?;
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
        let r = round_mut(g, number)?;
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
        let r = round_mut(g, number)?;
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
        let r = round_mut(g, number)?;
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
