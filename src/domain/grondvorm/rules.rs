//! Every rule for changing the chooser's data in a session, and what the
//! session can tell about it (the form each party points to, the mismatch,
//! progress on the key questions).

use super::*;
use crate::domain::{
    Agreement, AgreementFields, DomainError, Party, Problem, Removed, Session, SessionText, TextKind,
};

/// A chooser item taken out of the session, to put back on undo.
#[derive(Clone, Debug, PartialEq)]
pub enum GrondvormRemoved {
    PartyForm { party: String, form: PartyForm },
    Choice(FormChoice),
    KeyAnswer(KeyQuestion, KeyAnswer),
    Dilemma(Dilemma, DilemmaChoice),
}

impl Session {
    fn party_mut(&mut self, id: &str) -> Result<&mut Party, DomainError> {
        self.parties.iter_mut().find(|p| p.id == id).ok_or_else(|| DomainError::UnknownParty(id.to_string()))
    }

    // ---- the two questions, per party ---------------------------------

    /// Record a party's answers; either may stay open. With no answer and
    /// no note the party's record is cleared.
    pub fn set_party_form(
        &mut self,
        party: &str,
        intentie: Option<Intentie>,
        aard: Option<Aard>,
        note: &str,
        now: Timestamp,
    ) -> Result<(), DomainError> {
        let phase = self.phase;
        let p = self.party_mut(party)?;
        let note = note.trim().to_string();
        p.grondvorm = if intentie.is_none() && aard.is_none() && note.is_empty() {
            None
        } else {
            let (phase, extra) = match p.grondvorm.take() {
                Some(old) => (old.phase, old.extra),
                None => (phase, Extra::new()),
            };
            Some(PartyForm { intentie, aard, note, phase, updated_at: now, extra })
        };
        p.updated_at = now;
        self.updated_at = now;
        Ok(())
    }

    pub fn remove_party_form(&mut self, party: &str, now: Timestamp) -> Result<Removed, DomainError> {
        let p = self.party_mut(party)?;
        let form = p.grondvorm.take().ok_or_else(|| DomainError::NotFound(party.to_string()))?;
        self.updated_at = now;
        Ok(Removed::Grondvorm(GrondvormRemoved::PartyForm { party: party.to_string(), form }))
    }

    /// Parties whose answers point to a form, in the session's order.
    pub fn party_forms(&self) -> impl Iterator<Item = (&Party, Grondvorm)> {
        self.parties.iter().filter_map(|p| Some((p, p.grondvorm.as_ref()?.form()?)))
    }

    /// The forms the parties' answers point to, each once, in form order.
    pub fn distinct_party_forms(&self) -> Vec<Grondvorm> {
        let mut forms: Vec<Grondvorm> = self.party_forms().map(|(_, f)| f).collect();
        forms.sort();
        forms.dedup();
        forms
    }

    /// `form_mismatch`: the parties' answers point to more than one form.
    pub fn form_mismatch(&self) -> Option<FormMismatch> {
        FormMismatch::of(self.party_forms().map(|(p, f)| (p.id.as_str(), f)))
    }

    // ---- the form the table settles on --------------------------------

    /// Record the form the table settled on, in the current phase.
    pub fn choose_form(&mut self, form: Grondvorm, rationale: &str, now: Timestamp) {
        let extra = self.grondvorm.choice.take().map(|c| c.extra).unwrap_or_default();
        let rationale = rationale.trim().to_string();
        self.grondvorm.choice = Some(FormChoice { form, rationale, phase: self.phase, at: now, extra });
        self.updated_at = now;
    }

    pub fn remove_form_choice(&mut self, now: Timestamp) -> Result<Removed, DomainError> {
        let choice = self.grondvorm.choice.take().ok_or(DomainError::NotFound("grondvorm".into()))?;
        self.updated_at = now;
        Ok(Removed::Grondvorm(GrondvormRemoved::Choice(choice)))
    }

    /// The chosen form, if the table settled on one.
    pub fn chosen_form(&self) -> Option<Grondvorm> {
        self.grondvorm.choice.as_ref().map(|c| c.form)
    }

    // ---- key questions ------------------------------------------------

    /// Record or change the room's answer to a key question.
    pub fn set_key_answer(
        &mut self,
        q: KeyQuestion,
        answer: &str,
        now: Timestamp,
    ) -> Result<(), DomainError> {
        let answer = answer.trim();
        if answer.is_empty() {
            return Err(DomainError::Empty("answer"));
        }
        let phase = self.phase;
        let a = self.grondvorm.key_questions.entry(q).or_insert_with(|| KeyAnswer {
            answer: String::new(),
            phase,
            created_at: now,
            updated_at: now,
            extra: Extra::new(),
        });
        a.answer = answer.to_string();
        a.updated_at = now;
        self.updated_at = now;
        Ok(())
    }

    pub fn remove_key_answer(&mut self, q: KeyQuestion, now: Timestamp) -> Result<Removed, DomainError> {
        let a =
            self.grondvorm.key_questions.remove(&q).ok_or_else(|| DomainError::NotFound(q.id().into()))?;
        self.updated_at = now;
        Ok(Removed::Grondvorm(GrondvormRemoved::KeyAnswer(q, a)))
    }

    /// Key questions with an answer.
    pub fn key_questions_answered(&self) -> usize {
        self.grondvorm.key_questions.len()
    }

    /// An agreement made from a key question: the normal agreement (owner,
    /// due date, phase, status) that also names the question.
    pub fn add_key_question_agreement(
        &mut self,
        q: KeyQuestion,
        f: &AgreementFields,
        now: Timestamp,
    ) -> Result<String, DomainError> {
        let id = self.add_agreement(f, now)?;
        let i = self.agreement_index(&id).expect("just added");
        self.agreements[i].key_question = Some(q);
        Ok(id)
    }

    /// Agreements made from a key question, in the order they were made.
    pub fn key_question_agreements(&self, q: KeyQuestion) -> impl Iterator<Item = &Agreement> {
        self.agreements.iter().filter(move |a| a.key_question == Some(q))
    }

    // ---- reasons and motives ------------------------------------------

    /// Tick or untick a reason for a party; true when it is now ticked.
    pub fn toggle_reason(&mut self, party: &str, r: Reason, now: Timestamp) -> Result<bool, DomainError> {
        let p = self.party_mut(party)?;
        let on = p.reasons.insert(r) || !p.reasons.remove(&r);
        p.updated_at = now;
        self.updated_at = now;
        Ok(on)
    }

    /// Tick or untick a motive type for a party; true when it is now ticked.
    pub fn toggle_motive(&mut self, party: &str, m: Motive, now: Timestamp) -> Result<bool, DomainError> {
        let p = self.party_mut(party)?;
        let on = p.motives.insert(m) || !p.motives.remove(&m);
        p.updated_at = now;
        self.updated_at = now;
        Ok(on)
    }

    // ---- ambition dilemmas --------------------------------------------

    /// Choose a pole of its dilemma, with a reason.
    pub fn choose_pole(&mut self, pole: Pole, reason: &str, now: Timestamp) {
        let phase = self.phase;
        let extra = self.ambition.dilemmas.remove(&pole.dilemma()).map(|c| c.extra).unwrap_or_default();
        let reason = reason.trim().to_string();
        self.ambition
            .dilemmas
            .insert(pole.dilemma(), DilemmaChoice { pole, reason, phase, updated_at: now, extra });
        self.updated_at = now;
    }

    pub fn remove_dilemma(&mut self, d: Dilemma, now: Timestamp) -> Result<Removed, DomainError> {
        let c = self.ambition.dilemmas.remove(&d).ok_or_else(|| DomainError::NotFound(d.id().into()))?;
        self.updated_at = now;
        Ok(Removed::Grondvorm(GrondvormRemoved::Dilemma(d, c)))
    }

    // ---- undo, checks, search -----------------------------------------

    /// Put a removed chooser item back (called from [`Session::restore`]).
    pub(crate) fn restore_grondvorm(&mut self, removed: GrondvormRemoved) {
        match removed {
            GrondvormRemoved::PartyForm { party, form } => {
                if let Ok(p) = self.party_mut(&party) {
                    p.grondvorm = Some(form);
                }
            }
            GrondvormRemoved::Choice(c) => self.grondvorm.choice = Some(c),
            GrondvormRemoved::KeyAnswer(q, a) => {
                self.grondvorm.key_questions.insert(q, a);
            }
            GrondvormRemoved::Dilemma(d, c) => {
                self.ambition.dilemmas.insert(d, c);
            }
        }
    }

    /// Broken rules of the chooser's data: a pole filed under another
    /// dilemma.
    pub(crate) fn grondvorm_problems(&self) -> Vec<Problem> {
        (self.ambition.dilemmas.iter())
            .filter(|(d, c)| c.pole.dilemma() != **d)
            .map(|(d, c)| Problem {
                path: format!("ambition.dilemmas.{}.pole", d.id()),
                message: format!("\"{}\" is not a pole of {}", c.pole.id(), d.id()),
            })
            .collect()
    }

    /// The chooser's texts a search should find.
    pub(crate) fn grondvorm_texts(&self) -> Vec<SessionText> {
        let mut out = Vec::new();
        let mut push = |kind, item: &str, text: &str| {
            if !text.trim().is_empty() {
                out.push(SessionText { kind, item: item.to_string(), text: text.to_string() });
            }
        };
        for p in &self.parties {
            if let Some(f) = &p.grondvorm {
                push(TextKind::Grondvorm, &p.id, &f.note);
            }
        }
        if let Some(c) = &self.grondvorm.choice {
            push(TextKind::Grondvorm, "grondvorm", &c.rationale);
        }
        for (q, a) in &self.grondvorm.key_questions {
            push(TextKind::Grondvorm, q.id(), &a.answer);
        }
        for (d, c) in &self.ambition.dilemmas {
            push(TextKind::Grondvorm, d.id(), &c.reason);
        }
        out
    }
}
