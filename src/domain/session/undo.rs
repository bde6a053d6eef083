//! Taking items out of a session and putting them back (undo).

use std::collections::BTreeMap;

use super::Session;
use crate::domain::grondvorm::GrondvormRemoved;
use crate::domain::items::*;
use crate::domain::meeting::{self, MeetingRemoved};
use crate::domain::{Condition, ConditionCheck, Extra, PartyScore, Timestamp};

/// An item taken out of the session, with what is needed to put it back
/// exactly where it was.
#[derive(Clone, Debug, PartialEq)]
pub enum Removed {
    Party {
        index: usize,
        party: Box<Party>,
        /// The party's interests with their positions, in ascending order.
        interests: Vec<(usize, Interest)>,
        /// Agreements it owned, and agreements it was involved in (with the
        /// position in their `parties` list).
        owned: Vec<String>,
        involved: Vec<(String, usize)>,
        /// Its thermometer readings with their positions, and its scores of
        /// the five conditions.
        readings: Vec<(usize, TemperatureReading)>,
        scores: Vec<(Condition, PartyScore)>,
    },
    Interest(usize, Interest),
    Agreement(usize, Agreement),
    Reflection(usize, Reflection),
    Temperature(usize, TemperatureReading),
    Grondvorm(GrondvormRemoved),
    /// Agenda items, attendees, notes, games and their answers.
    Meeting(MeetingRemoved),
}

impl Session {
    // ---- undo ---------------------------------------------------------

    /// Put a removed item back where it was.
    pub fn restore(&mut self, removed: Removed, now: Timestamp) {
        fn put<T>(v: &mut Vec<T>, i: usize, item: T) {
            let i = i.min(v.len());
            v.insert(i, item);
        }
        match removed {
            Removed::Party { index, party, interests, owned, involved, readings, scores } => {
                let pid = party.id.clone();
                put(&mut self.parties, index, *party);
                for (i, interest) in interests {
                    put(&mut self.interests, i, interest);
                }
                for (i, reading) in readings {
                    put(&mut self.temperature, i, reading);
                }
                for (c, score) in scores {
                    let check = self.conditions.entry(c).or_insert_with(|| ConditionCheck {
                        score: None,
                        note: String::new(),
                        at: score.at,
                        parties: BTreeMap::new(),
                        extra: Extra::new(),
                    });
                    check.parties.insert(pid.clone(), score);
                }
                for a in &mut self.agreements {
                    if owned.contains(&a.id) && a.owner.is_none() {
                        a.owner = Some(pid.clone());
                    }
                    if let Some((_, pos)) = involved.iter().find(|(id, _)| *id == a.id)
                        && !a.parties.contains(&pid)
                    {
                        let pos = (*pos).min(a.parties.len());
                        a.parties.insert(pos, pid.clone());
                    }
                }
            }
            Removed::Interest(i, item) => put(&mut self.interests, i, item),
            Removed::Agreement(i, item) => put(&mut self.agreements, i, item),
            Removed::Reflection(i, item) => put(&mut self.reflections, i, item),
            Removed::Temperature(i, item) => put(&mut self.temperature, i, item),
            Removed::Grondvorm(item) => self.restore_grondvorm(item),
            Removed::Meeting(m) => meeting::restore(self, m),
        }
        self.updated_at = now;
    }
}
