//! The generated session's record of running the meeting: a long agenda
//! whose clock ran through most of it, attendance for every party, many
//! notes, and Theater van Besluit games played to the end. The counts grow
//! with the session's size.

use super::{Rng, Size, WORDS};
use crate::domain::meeting::content::content;
use crate::domain::meeting::{
    AgendaFields, Assignment, AttendeeFields, DealMode, GameSetup, Players, Presence, RoundAssignment,
};
use crate::domain::{Phase, Session, Timestamp};

/// Agenda items, notes and games for a session of `size`.
pub(super) fn counts(size: Size) -> (usize, usize, usize) {
    ((size.agreements / 20).max(6), (size.reflections / 10).max(3), (size.agreements / 500).max(1))
}

pub(super) fn run(s: &mut Session, rng: &mut Rng, now: &mut dyn FnMut() -> Timestamp, size: Size) {
    let (items, notes, games) = counts(size);
    let parties: Vec<String> = s.parties.iter().map(|p| p.id.clone()).collect();
    for (n, party) in parties.iter().enumerate() {
        for k in 0..3 {
            let f = AttendeeFields {
                party: Some(party.clone()),
                name: format!("Deelnemer {}-{}", n + 1, k + 1),
                role: WORDS[rng.below(WORDS.len())].to_string(),
                presence: Presence::ALL[(n + k) % 3],
            };
            s.add_attendee(&f, now()).expect("valid attendee");
        }
    }
    let mut ids = Vec::with_capacity(items);
    for n in 0..items {
        let f = AgendaFields {
            title: rng.sentence(3, 9),
            phase: Phase::ALL[n % 5],
            planned_minutes: 5 + 5 * rng.below(9) as u32,
            lead: (n % 3 == 0 && !parties.is_empty()).then(|| parties[rng.below(parties.len())].clone()),
        };
        ids.push(s.add_agenda_item(&f, None, now()).expect("valid agenda item"));
    }
    s.start_agenda_item(&ids[0], now()).expect("an item");
    // The clock runs through two thirds of the agenda, notes on the way.
    let run_through = items * 2 / 3;
    for n in 0..notes {
        let item = (n % 7 != 0).then(|| ids[rng.below(run_through.max(1))].as_str());
        s.add_note(item, &rng.text(3, 8, 30), now()).expect("valid note");
        if n % (notes / run_through.max(1)).max(1) == 0
            && s.agenda.iter().filter(|a| a.is_done()).count() < run_through
        {
            s.next_agenda_item(now()).expect("an unfinished item");
        }
    }
    for g in 0..games {
        let players = 2 + (g % 11) as u32;
        let setup = GameSetup {
            players: if g % 2 == 0 {
                Players::Names((0..players).map(|p| format!("Speler {}", p + 1)).collect())
            } else {
                Players::Count(players)
            },
            assignments: [
                RoundAssignment::Card(Assignment::ALL[g % 6]),
                RoundAssignment::Card(Assignment::ALL[(g + 1) % 6]),
                RoundAssignment::Own(rng.sentence(5, 10)),
            ],
            deal: if g % 3 == 2 { DealMode::Fysiek } else { DealMode::Kompas },
            silent: g % 2 == 1,
        };
        let game = s.start_game(&setup, 1000 + g as u64, now()).expect("valid game");
        for round in 1..=3 {
            s.start_round(&game, round, now()).expect("rounds in order");
            s.end_round(&game, round, now()).expect("started");
            let (decision, debrief) = (rng.sentence(3, 8), rng.text(2, 8, 25));
            s.set_round_outcome(&game, round, &decision, &debrief, now()).expect("a round");
        }
        for set in &content().reflection_sets {
            for q in &set.questions {
                s.add_game_answer(&game, &q.id, None, &rng.text(2, 6, 20), now()).expect("valid answer");
            }
        }
    }
}
