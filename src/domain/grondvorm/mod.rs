//! The basic-form chooser (grondvormkeuze): each party's answers to the two
//! questions and the form they point to, the form the table settles on, the
//! room's answers to the 15 key questions (which can become agreements), the
//! reasons and motives of each party, and the five ambition dilemmas.
//!
//! Where it sits in the file: a party's answers, reasons and motives on the
//! party (`grondvorm`, `reasons`, `motives`); the dilemmas on the ambition
//! (`ambition.dilemmas`); the chosen form and the key questions on the
//! session (`grondvorm`); an agreement made from a key question names it
//! (`key_question`). Everything is optional, so older files read unchanged.

mod ids;
mod portfolio;
mod rules;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Extra, Phase, Timestamp};

pub use ids::*;
pub use portfolio::{CollaborationForm, FormMismatch, chosen_in, collaboration_form};
pub use rules::GrondvormRemoved;

/// A party's answers to the two questions, with a short note in its words.
/// Either answer may still be open.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartyForm {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intentie: Option<Intentie>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aard: Option<Aard>,
    #[serde(default)]
    pub note: String,
    /// The phase the party answered in.
    pub phase: Phase,
    pub updated_at: Timestamp,
    #[serde(flatten)]
    pub extra: Extra,
}

impl PartyForm {
    /// The form the answers point to, once both are given.
    pub fn form(&self) -> Option<Grondvorm> {
        Some(Grondvorm::from_answers(self.intentie?, self.aard?))
    }
}

/// The form the table settled on, why, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormChoice {
    pub form: Grondvorm,
    #[serde(default)]
    pub rationale: String,
    /// The phase it was chosen in.
    pub phase: Phase,
    pub at: Timestamp,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The room's answer to one key question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyAnswer {
    pub answer: String,
    /// The phase it was first answered in.
    pub phase: Phase,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The pole chosen in one ambition dilemma, and the reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DilemmaChoice {
    pub pole: Pole,
    #[serde(default)]
    pub reason: String,
    /// The phase it was chosen in.
    pub phase: Phase,
    pub updated_at: Timestamp,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The session's part of the chooser: the chosen form and the key questions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormDesign {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choice: Option<FormChoice>,
    /// The room's answers, by key question; unanswered questions are absent.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub key_questions: BTreeMap<KeyQuestion, KeyAnswer>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl FormDesign {
    pub fn is_empty(&self) -> bool {
        self.choice.is_none() && self.key_questions.is_empty() && self.extra.is_empty()
    }

    /// The carry rule for a follow-up meeting: the chosen form and the key
    /// answers stay, since the next meeting works on from them. (Party
    /// answers, reasons and motives travel with the parties, the dilemmas
    /// with the ambition.)
    pub fn carried(&self) -> FormDesign {
        self.clone()
    }
}
