//! Editing a session's agreements.

use chrono::NaiveDate;

use super::{Removed, Session, required};
use crate::domain::items::*;
use crate::domain::{DomainError, Extra, Timestamp};

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

impl Session {
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
}

/// The parties involved in an agreement: the ones ticked, and its owner
/// (an owner is always involved, ticked or not); see `table::involved`.
fn involved(f: &AgreementFields) -> Vec<String> {
    crate::domain::table::involved(f.owner.as_ref(), &f.parties)
}
