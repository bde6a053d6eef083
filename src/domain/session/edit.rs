//! Editing a session's parties, interests, network questions,
//! reflections and thermometer readings (agreements: `agreements.rs`).

use super::{Removed, Session, optional, required};
use crate::domain::items::*;
use crate::domain::{DomainError, Extra, Timestamp};

/// What a party form holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PartyFields {
    pub organisation: String,
    pub representative: String,
    pub role: String,
    pub wants: String,
    pub offers: String,
}

impl Session {
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
}
