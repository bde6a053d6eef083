//! The texts of this instrument, from the embedded `assets/meeting.json`:
//! the six strategy cards, the six assignment cards, the three reflection
//! sets of Theater van Besluit with their questions, the facilitator's guide
//! to the game, and a short agenda template per phase. Every text is in our
//! own words, in Dutch and English, and says whose words it carries
//! (`model`: the sources state it; `ours`: our own guidance).

use std::sync::OnceLock;

use serde::Deserialize;

use super::{Assignment, Strategy};
use crate::content::{Name, Text, parse_asset};
use crate::domain::Phase;
use crate::i18n::Lang;

const EMBEDDED: &str = include_str!("../../../assets/meeting.json");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingContent {
    pub strategies: Vec<StrategyCard>,
    pub assignments: Vec<AssignmentCard>,
    pub reflection_sets: Vec<ReflectionSet>,
    pub guide: Guide,
    pub agenda_templates: Vec<AgendaTemplate>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrategyCard {
    pub id: Strategy,
    pub name: Name,
    /// What the card tells its player to do.
    pub rule: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssignmentCard {
    pub id: Assignment,
    pub name: Name,
    /// The card as read aloud.
    pub card: Text,
}

/// The three sets of reflection questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReflectionSetId {
    /// After rounds 1 and 2.
    InHetSpel,
    /// After round 3.
    OverHetSpel,
    /// Into practice.
    UitHetSpel,
}

impl ReflectionSetId {
    pub const ALL: [ReflectionSetId; 3] =
        [ReflectionSetId::InHetSpel, ReflectionSetId::OverHetSpel, ReflectionSetId::UitHetSpel];

    pub fn id(self) -> &'static str {
        match self {
            ReflectionSetId::InHetSpel => "in_het_spel",
            ReflectionSetId::OverHetSpel => "over_het_spel",
            ReflectionSetId::UitHetSpel => "uit_het_spel",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReflectionSet {
    pub id: ReflectionSetId,
    pub name: Name,
    /// When in the game the set is asked.
    pub when: Text,
    pub questions: Vec<GameQuestion>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GameQuestion {
    /// Stable id, stored with each answer.
    pub id: String,
    pub text: Text,
}

/// What the facilitator needs to run the game.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    /// What the game is for.
    pub purpose: Text,
    /// What to tell the players before round 1.
    pub explain: Text,
    /// The facilitator's part during a round.
    pub facilitator: Text,
    /// The consensus card stays in play.
    pub consensus_rule: Text,
    /// Pairs and singles mixed for an odd number of players (ours).
    pub mixed_seating: Text,
    /// Round 3 with open cards.
    pub open_cards: Text,
    /// Recording physical cards instead of dealing (ours).
    pub physical_cards: Text,
    /// The recorded seed, to play a deal again (ours).
    pub seed: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaTemplate {
    pub phase: Phase,
    pub items: Vec<TemplateItem>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateItem {
    pub title: Text,
    pub minutes: u32,
}

/// The embedded content, parsed the first time it is asked for.
pub fn content() -> &'static MeetingContent {
    static CONTENT: OnceLock<MeetingContent> = OnceLock::new();
    CONTENT.get_or_init(|| parse_asset("assets/meeting.json", EMBEDDED))
}

impl MeetingContent {
    pub fn strategy(&self, s: Strategy) -> &StrategyCard {
        self.strategies.iter().find(|c| c.id == s).expect("the asset test checks every strategy")
    }

    pub fn assignment(&self, a: Assignment) -> &AssignmentCard {
        self.assignments.iter().find(|c| c.id == a).expect("the asset test checks every assignment")
    }

    pub fn set(&self, id: ReflectionSetId) -> &ReflectionSet {
        self.reflection_sets.iter().find(|s| s.id == id).expect("the asset test checks every set")
    }

    /// A question by its id, with the set it belongs to.
    pub fn question(&self, id: &str) -> Option<(&ReflectionSet, &GameQuestion)> {
        self.reflection_sets.iter().find_map(|s| s.questions.iter().find(|q| q.id == id).map(|q| (s, q)))
    }

    /// The agenda template of a phase as (title, phase, minutes), in `lang`.
    pub fn template(&self, phase: Phase, lang: Lang) -> Vec<(String, Phase, u32)> {
        self.agenda_templates
            .iter()
            .filter(|t| t.phase == phase)
            .flat_map(|t| t.items.iter().map(move |i| (i.title.get(lang).to_string(), phase, i.minutes)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::domain::Origin;

    fn both(t: &Text) -> bool {
        !t.nl.trim().is_empty() && !t.en.trim().is_empty() && t.nl != t.en
    }

    fn named(n: &Name) -> bool {
        !n.nl.trim().is_empty() && !n.en.trim().is_empty()
    }

    #[test]
    fn the_asset_holds_every_card_of_the_brief_in_both_languages() {
        let c = content();
        let ids: Vec<Strategy> = c.strategies.iter().map(|s| s.id).collect();
        assert_eq!(ids, Strategy::ALL.to_vec(), "six strategies in the brief's order");
        for s in &c.strategies {
            assert!(named(&s.name) && both(&s.rule), "{:?}", s.id);
            assert_eq!(s.rule.origin, Origin::Model, "the card rules come from the sources");
            assert_eq!(serde_json::to_string(&s.id).unwrap(), format!("\"{}\"", s.id.id()));
        }
        let ids: Vec<Assignment> = c.assignments.iter().map(|a| a.id).collect();
        assert_eq!(ids, Assignment::ALL.to_vec(), "six assignments in the brief's order");
        for a in &c.assignments {
            assert!(named(&a.name) && both(&a.card), "{:?}", a.id);
            assert_eq!(serde_json::to_string(&a.id).unwrap(), format!("\"{}\"", a.id.id()));
        }
        assert!(c.assignment(Assignment::Teamuitje).card.nl.contains("karten"), "the five outings");
    }

    #[test]
    fn the_reflection_sets_hold_fourteen_questions_three_five_six() {
        let c = content();
        let sets: Vec<(ReflectionSetId, usize)> =
            c.reflection_sets.iter().map(|s| (s.id, s.questions.len())).collect();
        assert_eq!(
            sets,
            [
                (ReflectionSetId::InHetSpel, 3),
                (ReflectionSetId::OverHetSpel, 5),
                (ReflectionSetId::UitHetSpel, 6)
            ]
        );
        let mut ids = HashSet::new();
        for s in &c.reflection_sets {
            assert!(named(&s.name) && both(&s.when), "{:?}", s.id);
            for q in &s.questions {
                assert!(both(&q.text), "{}", q.id);
                assert_eq!(q.text.origin, Origin::Model, "{}", q.id);
                assert!(ids.insert(q.id.as_str()), "question id {} twice", q.id);
                assert!(q.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{}", q.id);
                assert_eq!(c.question(&q.id).unwrap().0.id, s.id);
            }
        }
        assert!(c.question("no_such_question").is_none());
    }

    #[test]
    fn the_guide_marks_our_own_rules_as_ours() {
        let g = &content().guide;
        for t in [&g.purpose, &g.explain, &g.facilitator, &g.consensus_rule, &g.open_cards] {
            assert!(both(t));
            assert_eq!(t.origin, Origin::Model, "{}", t.en);
        }
        for t in [&g.mixed_seating, &g.physical_cards, &g.seed] {
            assert!(both(t));
            assert_eq!(t.origin, Origin::Ours, "{}", t.en);
        }
    }

    #[test]
    fn every_phase_has_a_short_agenda_template_of_our_own() {
        let c = content();
        let phases: Vec<Phase> = c.agenda_templates.iter().map(|t| t.phase).collect();
        assert_eq!(phases, Phase::ALL.to_vec());
        for t in &c.agenda_templates {
            assert!((3..=7).contains(&t.items.len()), "{:?}: a short agenda", t.phase);
            let minutes: u32 = t.items.iter().map(|i| i.minutes).sum();
            assert!((60..=180).contains(&minutes), "{:?}: {minutes} minutes", t.phase);
            for i in &t.items {
                assert!(both(&i.title) && i.minutes > 0, "{}", i.title.en);
                assert_eq!(i.title.origin, Origin::Ours);
            }
            let nl = c.template(t.phase, Lang::Nl);
            assert_eq!(nl.len(), t.items.len());
            assert!(nl.iter().all(|(_, p, _)| *p == t.phase));
        }
    }
}
