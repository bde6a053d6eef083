//! The things a facilitator captures: parties, interests, agreements,
//! reflection answers, temperature readings, and the ambition and context.
//!
//! Every captured item stores the phase it was captured in and when. Fields a
//! newer build of kompas added are kept in `extra` and written back unchanged.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::grondvorm::{Dilemma, DilemmaChoice, KeyQuestion, Motive, PartyForm, Reason};
use super::{Extra, Phase, ReformulationMove, Timestamp};

/// An organisation at the table, its representative, and the two network
/// questions: what it wants to get out of the collaboration, what it offers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Party {
    pub id: String,
    pub organisation: String,
    #[serde(default)]
    pub representative: String,
    #[serde(default)]
    pub role: String,
    /// "Wat wil ik eruit halen?"
    #[serde(default)]
    pub wants: String,
    /// "Wat heb ik te bieden?"
    #[serde(default)]
    pub offers: String,
    pub phase: Phase,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    // basic-form chooser (issue 11): the party's answers to the two
    // questions, its reasons to collaborate and its motive types
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grondvorm: Option<PartyForm>,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub reasons: BTreeSet<Reason>,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub motives: BTreeSet<Motive>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The three kinds of interest of the Kijkglas' middle ring.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InterestKind {
    /// Organisatiebelang: the organisation's goals and core values.
    Organisatie,
    /// Individueel belang: the person's ideals, career, reputation, fears.
    Individueel,
    /// Collectief belang: residents, patients, clients not at the table.
    Collectief,
}

impl InterestKind {
    pub const ALL: [InterestKind; 3] =
        [InterestKind::Organisatie, InterestKind::Individueel, InterestKind::Collectief];

    pub fn id(self) -> &'static str {
        match self {
            InterestKind::Organisatie => "organisatie",
            InterestKind::Individueel => "individueel",
            InterestKind::Collectief => "collectief",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Interest {
    pub id: String,
    /// Id of the party whose interest this is.
    pub party: String,
    pub kind: InterestKind,
    pub text: String,
    pub phase: Phase,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// Conversation coach (issue 10): the position as it was said, when this
    /// interest was found behind it by reformulating. The interest keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// The reformulation move that turned the position into this interest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reformulation: Option<ReformulationMove>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AgreementStatus {
    Proposed,
    Agreed,
    Done,
    Dropped,
}

impl AgreementStatus {
    pub const ALL: [AgreementStatus; 4] =
        [AgreementStatus::Proposed, AgreementStatus::Agreed, AgreementStatus::Done, AgreementStatus::Dropped];

    /// Still to be carried out: proposed or agreed.
    pub fn is_open(self) -> bool {
        matches!(self, AgreementStatus::Proposed | AgreementStatus::Agreed)
    }

    /// The next status in the order proposed → agreed → done → dropped → proposed.
    pub fn cycled(self) -> AgreementStatus {
        let i = AgreementStatus::ALL.iter().position(|s| *s == self).unwrap_or(0);
        AgreementStatus::ALL[(i + 1) % AgreementStatus::ALL.len()]
    }

    pub fn id(self) -> &'static str {
        match self {
            AgreementStatus::Proposed => "proposed",
            AgreementStatus::Agreed => "agreed",
            AgreementStatus::Done => "done",
            AgreementStatus::Dropped => "dropped",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    pub id: String,
    pub text: String,
    /// Id of the party that carries it out, if one was named.
    #[serde(default)]
    pub owner: Option<String>,
    /// Ids of the parties involved.
    #[serde(default)]
    pub parties: Vec<String>,
    #[serde(default)]
    pub due: Option<NaiveDate>,
    pub status: AgreementStatus,
    pub phase: Phase,
    /// This agreement is (part of) the tangible result of its phase, such as
    /// the declaration of intent in `delen`.
    #[serde(default)]
    pub phase_result: bool,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// Set on an agreement carried into a follow-up meeting: the meeting
    /// where it was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
    /// When it was walked through ("done / still open / dropped") in this
    /// meeting; only for carried-over agreements.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed_at: Option<Timestamp>,
    /// basic-form chooser (issue 11): the key question this agreement was
    /// made from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_question: Option<KeyQuestion>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The meeting an agreement was made in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// Id of that meeting's session.
    pub session: String,
    /// Its file name, in the same folder.
    pub file: String,
    pub meeting_date: NaiveDate,
}

impl Agreement {
    /// Open and past its due date on `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status.is_open() && self.due.is_some_and(|due| due < today)
    }
}

/// The room's answer to a reflection question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reflection {
    pub id: String,
    /// Id of the question in the prompt library; `None` for a question the
    /// facilitator asked on the spot.
    #[serde(default)]
    pub prompt: Option<String>,
    /// The question as it was asked, so the file reads on its own.
    pub question: String,
    pub answer: String,
    pub phase: Phase,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The four temperatures of the conflict thermometer, coolest first.
///
/// File ids: kompas has always written `vriendschappelijk` for the first
/// level, where the instruments brief names it `vriendschappelijk_aangenaam`.
/// We keep writing `vriendschappelijk`, so files stay byte-identical and an
/// older kompas keeps reading them, and accept the brief's id as an alias on
/// read (a file holding it is rewritten with the short id only when it is
/// edited). [`Temperature::model_id`] gives the brief's id, which is also the
/// level's id in `assets/relationship.json`. `waakzaam` here is the
/// thermometer's watchful level, unrelated to the trust stage
/// `waakzaam_contracteren` (see `TrustStage`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Temperature {
    #[serde(alias = "vriendschappelijk_aangenaam")]
    Vriendschappelijk,
    Waakzaam,
    Onenigheid,
    Conflict,
}

impl Temperature {
    pub const ALL: [Temperature; 4] = [
        Temperature::Vriendschappelijk,
        Temperature::Waakzaam,
        Temperature::Onenigheid,
        Temperature::Conflict,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Temperature::Vriendschappelijk => "vriendschappelijk",
            Temperature::Waakzaam => "waakzaam",
            Temperature::Onenigheid => "onenigheid",
            Temperature::Conflict => "conflict",
        }
    }

    /// The level's id in the instruments brief and in
    /// `assets/relationship.json` (differs from [`Temperature::id`] only for
    /// the first level).
    pub fn model_id(self) -> &'static str {
        match self {
            Temperature::Vriendschappelijk => "vriendschappelijk_aangenaam",
            other => other.id(),
        }
    }

    /// Position on the thermometer, 0 (coolest) to 3.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A reading of the conflict thermometer at a moment in the meeting: the
/// facilitator's own, or one party's (`party`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TemperatureReading {
    pub id: String,
    pub level: Temperature,
    #[serde(default)]
    pub note: String,
    pub phase: Phase,
    pub at: Timestamp,
    /// Issue 10: the party whose reading this is; absent for the
    /// facilitator's reading (every reading of a version-1 file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    /// Issue 10: interventions of the level tried in the room, by their id in
    /// `assets/relationship.json`, with when they were ticked.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tried: BTreeMap<String, Ticked>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// When an item of a checklist was ticked (an intervention tried, an
/// indicator seen).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ticked {
    pub at: Timestamp,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The inner ring of the Kijkglas: the shared ambition seen through four lenses.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ambition {
    #[serde(default)]
    pub problem: String,
    #[serde(default)]
    pub solution: String,
    #[serde(default)]
    pub opportunity: String,
    #[serde(default)]
    pub form: String,
    /// basic-form chooser (issue 11): the pole chosen in each of the five
    /// dilemmas of developing the ambition.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub dilemmas: BTreeMap<Dilemma, DilemmaChoice>,
    /// timeline (issue 9): when each lens was last edited, for the
    /// timeline; absent for a lens never edited since this field exists.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub edited: BTreeMap<AmbitionLens, Timestamp>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AmbitionLens {
    Problem,
    Solution,
    Opportunity,
    Form,
}

impl AmbitionLens {
    pub const ALL: [AmbitionLens; 4] =
        [AmbitionLens::Problem, AmbitionLens::Solution, AmbitionLens::Opportunity, AmbitionLens::Form];
}

impl Ambition {
    pub fn get(&self, lens: AmbitionLens) -> &str {
        match lens {
            AmbitionLens::Problem => &self.problem,
            AmbitionLens::Solution => &self.solution,
            AmbitionLens::Opportunity => &self.opportunity,
            AmbitionLens::Form => &self.form,
        }
    }

    pub fn get_mut(&mut self, lens: AmbitionLens) -> &mut String {
        match lens {
            AmbitionLens::Problem => &mut self.problem,
            AmbitionLens::Solution => &mut self.solution,
            AmbitionLens::Opportunity => &mut self.opportunity,
            AmbitionLens::Form => &mut self.form,
        }
    }
}

/// The outer ring of the Kijkglas: players, process and environment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Context {
    #[serde(default)]
    pub players: String,
    #[serde(default)]
    pub process: String,
    #[serde(default)]
    pub environment: String,
    /// timeline (issue 9): when each aspect was last edited.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub edited: BTreeMap<ContextAspect, Timestamp>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ContextAspect {
    Players,
    Process,
    Environment,
}

impl ContextAspect {
    pub const ALL: [ContextAspect; 3] =
        [ContextAspect::Players, ContextAspect::Process, ContextAspect::Environment];
}

impl Context {
    pub fn get(&self, aspect: ContextAspect) -> &str {
        match aspect {
            ContextAspect::Players => &self.players,
            ContextAspect::Process => &self.process,
            ContextAspect::Environment => &self.environment,
        }
    }

    pub fn get_mut(&mut self, aspect: ContextAspect) -> &mut String {
        match aspect {
            ContextAspect::Players => &mut self.players,
            ContextAspect::Process => &mut self.process,
            ContextAspect::Environment => &mut self.environment,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_cycles_through_all_four() {
        let mut s = AgreementStatus::Proposed;
        let mut seen = vec![s];
        for _ in 0..3 {
            s = s.cycled();
            seen.push(s);
        }
        assert_eq!(seen, AgreementStatus::ALL.to_vec());
        assert_eq!(s.cycled(), AgreementStatus::Proposed);
    }

    #[test]
    fn only_proposed_and_agreed_are_open() {
        let open: Vec<_> = AgreementStatus::ALL.into_iter().filter(|s| s.is_open()).collect();
        assert_eq!(open, vec![AgreementStatus::Proposed, AgreementStatus::Agreed]);
    }

    #[test]
    fn stable_ids_match_serde_names() {
        for k in InterestKind::ALL {
            assert_eq!(serde_json::to_string(&k).unwrap(), format!("\"{}\"", k.id()));
        }
        for s in AgreementStatus::ALL {
            assert_eq!(serde_json::to_string(&s).unwrap(), format!("\"{}\"", s.id()));
        }
        for t in Temperature::ALL {
            assert_eq!(serde_json::to_string(&t).unwrap(), format!("\"{}\"", t.id()));
        }
    }
}
