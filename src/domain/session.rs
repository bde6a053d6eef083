//! A session: one meeting of a collaboration, and every rule for changing it.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::grondvorm::{FormDesign, GrondvormRemoved};
use super::items::*;
use super::meeting::{self, AgendaItem, Attendee, ClockMark, Game, MeetingNote, MeetingRemoved};
use super::{
    Condition, ConditionCheck, Diagnosis, DomainError, Extra, PartyScore, Phase, PhaseMove, Timestamp,
    TrustReading,
};

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

/// What a party form holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PartyFields {
    pub organisation: String,
    pub representative: String,
    pub role: String,
    pub wants: String,
    pub offers: String,
}

/// What an agreement form holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgreementFields {
    pub text: String,
    pub owner: Option<String>,
    pub parties: Vec<String>,
    pub due: Option<NaiveDate>,
    pub status: AgreementStatus,
    pub phase_result: bool,
}

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

    // ---- parties ------------------------------------------------------

    pub fn add_party(&mut self, f: &PartyFields, now: Timestamp) -> Result<String, DomainError> {
        let id = self.new_id('p', now);
        self.parties.push(Party {
            id: id.clone(),
            organisation: required(&f.organisation, "organisation")?,
            representative: optional(&f.representative),
            role: optional(&f.role),
            wants: optional(&f.wants),
            offers: optional(&f.offers),
            phase: self.phase,
            created_at: now,
            updated_at: now,
            grondvorm: None,
            reasons: Default::default(),
            motives: Default::default(),
            extra: Extra::new(),
        });
        self.updated_at = now;
        Ok(id)
    }

    pub fn update_party(&mut self, id: &str, f: &PartyFields, now: Timestamp) -> Result<(), DomainError> {
        let organisation = required(&f.organisation, "organisation")?;
        let i = self.party_index(id).ok_or_else(|| DomainError::NotFound(id.to_string()))?;
        let p = &mut self.parties[i];
        p.organisation = organisation;
        p.representative = optional(&f.representative);
        p.role = optional(&f.role);
        p.wants = optional(&f.wants);
        p.offers = optional(&f.offers);
        p.updated_at = now;
        self.updated_at = now;
        Ok(())
    }

    /// Remove a party with its interests, its thermometer readings and its
    /// condition scores; agreements stay but lose the party as owner and as
    /// involved party. [`Session::restore`] undoes all of it.
    pub fn remove_party(&mut self, id: &str, now: Timestamp) -> Result<Removed, DomainError> {
        let index = self.party_index(id).ok_or_else(|| DomainError::NotFound(id.to_string()))?;
        let party = self.parties.remove(index);
        let mut interests = Vec::new();
        let mut position = 0;
        self.interests.retain(|i| {
            let keep = i.party != party.id;
            if !keep {
                interests.push((position, i.clone()));
            }
            position += 1;
            keep
        });
        let (mut owned, mut involved) = (Vec::new(), Vec::new());
        for a in &mut self.agreements {
            if a.owner.as_deref() == Some(party.id.as_str()) {
                a.owner = None;
                owned.push(a.id.clone());
            }
            if let Some(pos) = a.parties.iter().position(|p| *p == party.id) {
                a.parties.remove(pos);
                involved.push((a.id.clone(), pos));
            }
        }
        let mut readings = Vec::new();
        let mut position = 0;
        self.temperature.retain(|t| {
            let keep = t.party.as_deref() != Some(party.id.as_str());
            if !keep {
                readings.push((position, t.clone()));
            }
            position += 1;
            keep
        });
        let mut scores = Vec::new();
        for (c, check) in &mut self.conditions {
            if let Some(score) = check.parties.remove(&party.id) {
                scores.push((*c, score));
            }
        }
        self.conditions.retain(|_, check| !check.is_empty());
        self.updated_at = now;
        Ok(Removed::Party { index, party: Box::new(party), interests, owned, involved, readings, scores })
    }

    // ---- interests ----------------------------------------------------

    pub fn add_interest(
        &mut self,
        party: &str,
        kind: InterestKind,
        text: &str,
        now: Timestamp,
    ) -> Result<String, DomainError> {
        self.check_holder(party)?;
        let text = required(text, "text")?;
        let id = self.new_id('i', now);
        self.interests.push(Interest {
            id: id.clone(),
            party: party.to_string(),
            kind,
            text,
            phase: self.phase,
            created_at: now,
            updated_at: now,
            position: None,
            reformulation: None,
            extra: Extra::new(),
        });
        self.updated_at = now;
        Ok(id)
    }

    pub fn update_interest(
        &mut self,
        id: &str,
        party: &str,
        kind: InterestKind,
        text: &str,
        now: Timestamp,
    ) -> Result<(), DomainError> {
        self.check_holder(party)?;
        let text = required(text, "text")?;
        let i = self.interest_index(id).ok_or_else(|| DomainError::NotFound(id.to_string()))?;
        let item = &mut self.interests[i];
        item.party = party.to_string();
        item.kind = kind;
        item.text = text;
        item.updated_at = now;
        self.updated_at = now;
        Ok(())
    }

    pub fn remove_interest(&mut self, id: &str, now: Timestamp) -> Result<Removed, DomainError> {
        let i = self.interest_index(id).ok_or_else(|| DomainError::NotFound(id.to_string()))?;
        self.updated_at = now;
        Ok(Removed::Interest(i, self.interests.remove(i)))
    }

    // ---- network questions, ambition, context -------------------------

    pub fn set_ambition(&mut self, lens: AmbitionLens, text: &str, now: Timestamp) {
        *self.ambition.get_mut(lens) = optional(text);
        self.ambition.edited.insert(lens, now);
        self.updated_at = now;
    }

    pub fn set_context(&mut self, aspect: ContextAspect, text: &str, now: Timestamp) {
        *self.context.get_mut(aspect) = optional(text);
        self.context.edited.insert(aspect, now);
        self.updated_at = now;
    }

    // ---- agreements ---------------------------------------------------

    fn check_agreement_fields(&self, f: &AgreementFields) -> Result<String, DomainError> {
        if let Some(owner) = &f.owner {
            self.check_holder(owner)?;
        }
        for p in &f.parties {
            self.check_holder(p)?;
        }
        required(&f.text, "text")
    }

    pub fn add_agreement(&mut self, f: &AgreementFields, now: Timestamp) -> Result<String, DomainError> {
        let text = self.check_agreement_fields(f)?;
        let id = self.new_id('a', now);
        self.agreements.push(Agreement {
            id: id.clone(),
            text,
            owner: f.owner.clone(),
            parties: involved(f),
            due: f.due,
            status: f.status,
            phase: self.phase,
            phase_result: f.phase_result,
            created_at: now,
            updated_at: now,
            origin: None,
            reviewed_at: None,
            key_question: None,
            extra: Extra::new(),
        });
        self.updated_at = now;
        Ok(id)
    }

    pub fn update_agreement(
        &mut self,
        id: &str,
        f: &AgreementFields,
        now: Timestamp,
    ) -> Result<(), DomainError> {
        let text = self.check_agreement_fields(f)?;
        let i = self.agreement_index(id).ok_or_else(|| DomainError::NotFound(id.to_string()))?;
        let a = &mut self.agreements[i];
        a.text = text;
        a.owner = f.owner.clone();
        a.parties = involved(f);
        a.due = f.due;
        a.status = f.status;
        a.phase_result = f.phase_result;
        a.updated_at = now;
        self.updated_at = now;
        Ok(())
    }

    pub fn set_agreement_status(
        &mut self,
        id: &str,
        status: AgreementStatus,
        now: Timestamp,
    ) -> Result<(), DomainError> {
        let i = self.agreement_index(id).ok_or_else(|| DomainError::NotFound(id.to_string()))?;
        self.agreements[i].status = status;
        self.agreements[i].updated_at = now;
        self.updated_at = now;
        Ok(())
    }

    pub fn toggle_phase_result(&mut self, id: &str, now: Timestamp) -> Result<bool, DomainError> {
        let i = self.agreement_index(id).ok_or_else(|| DomainError::NotFound(id.to_string()))?;
        let a = &mut self.agreements[i];
        a.phase_result = !a.phase_result;
        a.updated_at = now;
        self.updated_at = now;
        Ok(a.phase_result)
    }

    pub fn remove_agreement(&mut self, id: &str, now: Timestamp) -> Result<Removed, DomainError> {
        let i = self.agreement_index(id).ok_or_else(|| DomainError::NotFound(id.to_string()))?;
        self.updated_at = now;
        Ok(Removed::Agreement(i, self.agreements.remove(i)))
    }

    // ---- reflections --------------------------------------------------

    pub fn add_reflection(
        &mut self,
        prompt: Option<&str>,
        question: &str,
        answer: &str,
        now: Timestamp,
    ) -> Result<String, DomainError> {
        let question = required(question, "question")?;
        let answer = required(answer, "answer")?;
        let id = self.new_id('r', now);
        self.reflections.push(Reflection {
            id: id.clone(),
            prompt: prompt.map(String::from),
            question,
            answer,
            phase: self.phase,
            created_at: now,
            updated_at: now,
            extra: Extra::new(),
        });
        self.updated_at = now;
        Ok(id)
    }

    pub fn update_reflection(
        &mut self,
        id: &str,
        question: &str,
        answer: &str,
        now: Timestamp,
    ) -> Result<(), DomainError> {
        let question = required(question, "question")?;
        let answer = required(answer, "answer")?;
        let i = self.reflection_index(id).ok_or_else(|| DomainError::NotFound(id.to_string()))?;
        let r = &mut self.reflections[i];
        r.question = question;
        r.answer = answer;
        r.updated_at = now;
        self.updated_at = now;
        Ok(())
    }

    pub fn remove_reflection(&mut self, id: &str, now: Timestamp) -> Result<Removed, DomainError> {
        let i = self.reflection_index(id).ok_or_else(|| DomainError::NotFound(id.to_string()))?;
        self.updated_at = now;
        Ok(Removed::Reflection(i, self.reflections.remove(i)))
    }

    // ---- temperature --------------------------------------------------

    /// Record the facilitator's reading (see `thermometer.rs` for a
    /// party's reading and the interventions tried).
    pub fn record_temperature(&mut self, level: Temperature, note: &str, now: Timestamp) -> String {
        self.record_reading(level, None, note, now).expect("the facilitator's reading names no party")
    }

    pub fn remove_temperature(&mut self, id: &str, now: Timestamp) -> Result<Removed, DomainError> {
        let i = self
            .temperature
            .iter()
            .position(|t| t.id == id)
            .ok_or_else(|| DomainError::NotFound(id.to_string()))?;
        self.updated_at = now;
        Ok(Removed::Temperature(i, self.temperature.remove(i)))
    }

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

/// The parties involved in an agreement: the ones ticked, and its owner
/// (an owner is always involved, ticked or not); see `table::involved`.
fn involved(f: &AgreementFields) -> Vec<String> {
    super::table::involved(f.owner.as_ref(), &f.parties)
}
