//! The words of the relationship instruments (issue 10): the conflict
//! thermometer's signs and interventions, the conversation coach, the five
//! conditions with their questions and guidance, the trust stages and the
//! typical problems with their indicators, interventions and diagnosis
//! route. Embedded from `assets/relationship.json`, parsed once, the first
//! time it is asked for. Every text carries its [`Origin`]; names are the
//! model's.
//!
//! Items are kept in the model's order, the same order as the domain's id
//! enums, so a lookup by enum is an index (the tests check ids and order).

use std::sync::OnceLock;

use serde::Deserialize;

use super::{Name, Text, parse_asset};
use crate::domain::{
    Condition, Continuation, Finding, ReformulationMove, RouteField, Temperature, TrustStage, TypicalProblem,
};

mod words;

pub use words::W;

const ASSET: &str = include_str!("../../assets/relationship.json");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    /// What the file is; not shown.
    pub about: String,
    pub thermometer: Thermometer,
    pub coach: Coach,
    pub conditions: Conditions,
    pub trust: Trust,
    pub problems: Problems,
}

/// An item of a checklist: a stable id and its text.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub text: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thermometer {
    /// What a conflict is, here.
    pub about: Text,
    /// Why parties' own readings matter.
    pub party_readings: Text,
    /// The thermometer's watchful level is not a trust stage.
    pub apart_from_trust: Text,
    pub levels: Vec<Level>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub id: String,
    pub name: Name,
    pub signs: Vec<Text>,
    pub interventions: Vec<Item>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coach {
    pub about: Text,
    /// How a reformulation is captured.
    pub capture: Text,
    pub levels: Vec<ConversationLevel>,
    pub ladder: Ladder,
    pub headlines: Vec<Text>,
    pub moves: Vec<Move>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConversationLevel {
    pub id: String,
    pub name: Name,
    pub about: Text,
    /// The kind of sentence opener for this level.
    pub opener: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ladder {
    /// The directions the ladder runs in.
    pub about: Text,
    pub steps: Vec<LadderStep>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LadderStep {
    pub id: String,
    pub name: Name,
    /// How to help the room one step up.
    pub hint: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Move {
    pub id: String,
    pub name: Name,
    pub how: Text,
    pub probes: Vec<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conditions {
    pub about: Text,
    /// What the scores mean.
    pub scale: Text,
    /// Guidance on the three flags.
    pub low: Text,
    pub drop: Text,
    pub spread: Text,
    pub items: Vec<ConditionGuide>,
    /// The five reflection-check questions, as prompts.
    pub questions: Vec<Question>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionGuide {
    pub id: String,
    pub name: Name,
    /// The discipline the condition draws on.
    pub discipline: Text,
    pub about: Text,
    /// What the model says when the condition is weak (for ambition: the
    /// warning about pseudo-collaboration).
    pub attention: Text,
    /// A next step to take.
    pub next_step: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    /// Id of the condition it prompts.
    pub condition: String,
    pub text: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trust {
    pub about: Text,
    pub stages: Vec<Stage>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub id: String,
    pub name: Name,
    pub about: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Problems {
    pub about: Text,
    pub items: Vec<ProblemGuide>,
    pub route: Vec<RouteStep>,
    pub continuation: Vec<Choice>,
    pub findings: Vec<Choice>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProblemGuide {
    pub id: String,
    pub name: Name,
    pub about: Text,
    /// What the sources say about it, where they say anything.
    #[serde(default)]
    pub signal: Option<Text>,
    pub indicators: Vec<Item>,
    pub interventions: Vec<Item>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteStep {
    pub id: String,
    pub name: Name,
    pub about: Text,
    /// Whether the route's note has a field for this step.
    pub note: bool,
}

/// One option of a choice that is ours (finding, continuation).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub name: Text,
}

/// The parsed asset.
pub fn guide() -> &'static Guide {
    static GUIDE: OnceLock<Guide> = OnceLock::new();
    GUIDE.get_or_init(|| parse_asset("assets/relationship.json", ASSET))
}

impl Guide {
    pub fn level(&self, t: Temperature) -> &Level {
        &self.thermometer.levels[t.index()]
    }

    /// An intervention of any level, by id.
    pub fn intervention(&self, id: &str) -> Option<&Item> {
        self.thermometer.levels.iter().flat_map(|l| &l.interventions).find(|i| i.id == id)
    }

    pub fn move_(&self, m: ReformulationMove) -> &Move {
        &self.coach.moves[m.index()]
    }

    pub fn condition(&self, c: Condition) -> &ConditionGuide {
        &self.conditions.items[c.index()]
    }

    /// The reflection-check question that prompts a condition.
    pub fn question(&self, c: Condition) -> &Question {
        self.conditions
            .questions
            .iter()
            .find(|q| q.condition == c.id())
            .expect("every condition has a question")
    }

    pub fn stage(&self, s: TrustStage) -> &Stage {
        &self.trust.stages[s.index()]
    }

    pub fn problem(&self, p: TypicalProblem) -> &ProblemGuide {
        &self.problems.items[p.index()]
    }

    /// The route step a note field belongs to.
    pub fn route_step(&self, f: RouteField) -> &RouteStep {
        self.problems.route.iter().find(|s| s.id == f.id()).expect("every note field is a route step")
    }

    pub fn finding(&self, f: Finding) -> &Text {
        &self.problems.findings[f.index()].name
    }

    pub fn continuation(&self, c: Continuation) -> &Text {
        &self.problems.continuation[c.index()].name
    }
}

impl ProblemGuide {
    pub fn indicator(&self, id: &str) -> Option<&Item> {
        self.indicators.iter().find(|i| i.id == id)
    }

    pub fn intervention(&self, id: &str) -> Option<&Item> {
        self.interventions.iter().find(|i| i.id == id)
    }
}

#[cfg(test)]
mod tests;
