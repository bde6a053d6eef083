//! A session: one meeting of a collaboration: its data, its phases and
//! lookups. The rules for changing it are in `session/edit.rs` (parties,
//! interests, network questions, reflections, readings),
//! `session/agreements.rs` and `session/undo.rs` (removed items put back).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::grondvorm::FormDesign;
use super::items::*;
use super::meeting::{self, AgendaItem, Attendee, ClockMark, Game, MeetingNote};
use super::{
    Condition, ConditionCheck, Diagnosis, DomainError, Extra, Phase, PhaseMove, Timestamp, TrustReading,
};

mod agreements;
mod edit;
mod undo;

pub use agreements::AgreementFields;
pub use edit::PartyFields;
pub use undo::Removed;

/// The value of the `format` field of every session file.
pub const FORMAT: &str = "kompas-session";
/// The schema version this build writes and the newest it reads.
pub const VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub format: String,
    pub version: u32,
    pub id: String,
    pub title: String,
    pub meeting_date: NaiveDate,
    #[serde(default)]
    pub facilitator: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// The phase the collaboration is in now; always the `to` of the last
    /// entry of `phase_history`.
    pub phase: Phase,
    pub phase_history: Vec<PhaseMove>,
    #[serde(default)]
    pub parties: Vec<Party>,
    #[serde(default)]
    pub interests: Vec<Interest>,
    /// The whole table (issue 9): what all parties want and offer together
    /// (see `domain::table`; its interests are in `interests`).
    #[serde(default, skip_serializing_if = "super::Table::is_empty")]
    pub table: super::Table,
    #[serde(default)]
    pub ambition: Ambition,
    #[serde(default)]
    pub context: Context,
    #[serde(default)]
    pub agreements: Vec<Agreement>,
    #[serde(default)]
    pub reflections: Vec<Reflection>,
    #[serde(default)]
    pub temperature: Vec<TemperatureReading>,
    // ---- relationship instruments (issue 10); readings and reformulated
    // interests extend `temperature` and `interests` above.
    /// The five conditions check of this meeting, by condition.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub conditions: BTreeMap<Condition, ConditionCheck>,
    /// The trust stage of this meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trust: Option<TrustReading>,
    /// The typical-problems diagnosis, carried from meeting to meeting.
    #[serde(default, skip_serializing_if = "Diagnosis::is_empty")]
    pub diagnosis: Diagnosis,
    // ---- end of the relationship instruments
    /// Id shared by all meetings of one collaboration; absent in a first
    /// meeting, whose own id is then the collaboration's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collaboration: Option<String>,
    /// The meeting this one follows up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<PreviousMeeting>,
    /// basic-form chooser (issue 11): the form the table settled on and the
    /// key questions.
    #[serde(default, skip_serializing_if = "FormDesign::is_empty")]
    pub grondvorm: FormDesign,
    /// Room display (issue 13): what the facilitator kept private or showed
    /// on purpose, by item id. See `domain::room`.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub room: super::RoomMarks,
    /// Storage (issue 8): values a merge with an outside change could not
    /// keep in place, waiting for the facilitator to settle them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<super::Conflict>,
    // Running the meeting (issue 12, `domain::meeting`): the agenda in its
    // order, the clock's log of which item was current when, attendance,
    // notes per agenda item, and Theater van Besluit games.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agenda: Vec<AgendaItem>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agenda_clock: Vec<ClockMark>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendance: Vec<Attendee>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<MeetingNote>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub games: Vec<Game>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Link from a follow-up meeting to the one before it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviousMeeting {
    pub session: String,
    /// File name in the same folder.
    pub file: String,
    pub meeting_date: NaiveDate,
}

fn required(text: &str, field: &'static str) -> Result<String, DomainError> {
    let t = text.trim();
    if t.is_empty() { Err(DomainError::Empty(field)) } else { Ok(t.to_string()) }
}

fn optional(text: &str) -> String {
    text.trim().to_string()
}

impl Session {
    /// A new session starting in `verkennen`.
    pub fn new(
        id: String,
        title: &str,
        meeting_date: NaiveDate,
        facilitator: &str,
        now: Timestamp,
    ) -> Result<Session, DomainError> {
        Ok(Session {
            format: FORMAT.to_string(),
            version: VERSION,
            id,
            title: required(title, "title")?,
            meeting_date,
            facilitator: optional(facilitator),
            created_at: now,
            updated_at: now,
            phase: Phase::Verkennen,
            phase_history: vec![PhaseMove { at: now, from: None, to: Phase::Verkennen, reason: None }],
            parties: Vec::new(),
            interests: Vec::new(),
            table: super::Table::default(),
            ambition: Ambition::default(),
            context: Context::default(),
            agreements: Vec::new(),
            reflections: Vec::new(),
            temperature: Vec::new(),
            conditions: BTreeMap::new(),
            trust: None,
            diagnosis: Diagnosis::default(),
            collaboration: None,
            previous: None,
            grondvorm: FormDesign::default(),
            room: super::RoomMarks::new(),
            conflicts: Vec::new(),
            agenda: Vec::new(),
            agenda_clock: Vec::new(),
            attendance: Vec::new(),
            notes: Vec::new(),
            games: Vec::new(),
            extra: Extra::new(),
        })
    }

    /// The id of the collaboration this meeting belongs to.
    pub fn collaboration_id(&self) -> &str {
        self.collaboration.as_deref().unwrap_or(&self.id)
    }

    // ---- phases -------------------------------------------------------

    /// Phases that were the current phase at some point, in model order.
    pub fn visited(&self, phase: Phase) -> bool {
        self.phase == phase || self.phase_history.iter().any(|m| m.to == phase)
    }

    /// Moving to `to` from the current phase would be a step back.
    pub fn is_step_back(&self, to: Phase) -> bool {
        to < self.phase
    }

    /// Move to any phase, recording the move with its time and reason.
    pub fn move_to_phase(
        &mut self,
        to: Phase,
        reason: Option<&str>,
        now: Timestamp,
    ) -> Result<(), DomainError> {
        if to == self.phase {
            return Err(DomainError::SamePhase);
        }
        let reason = reason.map(str::trim).filter(|r| !r.is_empty()).map(String::from);
        self.phase_history.push(PhaseMove { at: now, from: Some(self.phase), to, reason });
        self.phase = to;
        self.updated_at = now;
        Ok(())
    }

    // ---- lookups ------------------------------------------------------

    pub fn party(&self, id: &str) -> Option<&Party> {
        self.parties.iter().find(|p| p.id == id)
    }

    pub fn party_index(&self, id: &str) -> Option<usize> {
        self.parties.iter().position(|p| p.id == id)
    }

    pub fn interest_index(&self, id: &str) -> Option<usize> {
        self.interests.iter().position(|i| i.id == id)
    }

    pub fn agreement_index(&self, id: &str) -> Option<usize> {
        self.agreements.iter().position(|a| a.id == id)
    }

    pub fn reflection_index(&self, id: &str) -> Option<usize> {
        self.reflections.iter().position(|r| r.id == id)
    }

    /// Interests of one party of one kind, in the order they were captured.
    pub fn interests_of<'a>(
        &'a self,
        party: &'a str,
        kind: InterestKind,
    ) -> impl Iterator<Item = (usize, &'a Interest)> + 'a {
        self.interests.iter().enumerate().filter(move |(_, i)| i.party == party && i.kind == kind)
    }

    /// The meeting's last reflections: the answers given in the phase of its
    /// latest answer (the phase it was in when the room last reflected,
    /// which need not be the phase it ended in).
    pub fn last_reflections(&self) -> impl Iterator<Item = &Reflection> {
        let phase = self.reflections.iter().max_by_key(|r| r.created_at).map(|r| r.phase);
        self.reflections.iter().filter(move |r| Some(r.phase) == phase)
    }

    pub fn open_agreements(&self) -> impl Iterator<Item = &Agreement> {
        self.agreements.iter().filter(|a| a.status.is_open())
    }

    pub fn overdue_agreements(&self, today: NaiveDate) -> impl Iterator<Item = &Agreement> {
        self.agreements.iter().filter(move |a| a.is_overdue(today))
    }

    /// The facilitator's most recent thermometer reading (a party's own
    /// reading is not the meeting's temperature).
    pub fn latest_temperature(&self) -> Option<&TemperatureReading> {
        self.temperature.iter().filter(|t| t.party.is_none()).max_by_key(|t| t.at)
    }

    /// A fresh id with the given prefix, unique in this session. Derived from
    /// the time so items of follow-up meetings do not collide either.
    pub(super) fn new_id(&self, prefix: char, now: Timestamp) -> String {
        let taken = |id: &str| {
            self.parties.iter().any(|x| x.id == id)
                || self.interests.iter().any(|x| x.id == id)
                || self.agreements.iter().any(|x| x.id == id)
                || self.reflections.iter().any(|x| x.id == id)
                || self.temperature.iter().any(|x| x.id == id)
                || meeting::id_taken(self, id)
        };
        let mut n = now.timestamp_millis().max(0) as u64;
        loop {
            let id = format!("{prefix}{n:x}");
            if !taken(&id) {
                return id;
            }
            n += 1;
        }
    }

    pub(super) fn check_party(&self, id: &str) -> Result<(), DomainError> {
        match self.party(id) {
            Some(_) => Ok(()),
            None => Err(DomainError::UnknownParty(id.to_string())),
        }
    }
}
