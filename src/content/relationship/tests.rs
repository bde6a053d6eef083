//! The asset against the instruments brief: every id, every count, both
//! languages, and whose words each text is.

use std::collections::HashSet;

use super::*;
use crate::domain::Origin;

fn filled(t: &Text, what: &str) {
    assert!(!t.nl.trim().is_empty() && !t.en.trim().is_empty(), "{what}: a language is empty");
    assert_ne!(t.nl, t.en, "{what}: not translated");
}

fn named(n: &Name, what: &str) {
    assert!(!n.nl.trim().is_empty() && !n.en.trim().is_empty(), "{what}: a name is empty");
}

fn ids<'a>(it: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    it.collect()
}

fn unique(v: &[&str], what: &str) {
    let set: HashSet<_> = v.iter().collect();
    assert_eq!(set.len(), v.len(), "{what}: duplicate ids");
}

#[test]
fn the_asset_parses() {
    assert!(guide().about.contains("issue 10"));
}

#[test]
fn the_thermometer_has_the_briefs_levels_signs_and_interventions() {
    let t = &guide().thermometer;
    let levels = ids(t.levels.iter().map(|l| l.id.as_str()));
    assert_eq!(levels, ["vriendschappelijk_aangenaam", "waakzaam", "onenigheid", "conflict"]);
    for (l, temp) in t.levels.iter().zip(Temperature::ALL) {
        assert_eq!(l.id, temp.model_id());
        assert!(std::ptr::eq(guide().level(temp), l));
    }
    let counts: Vec<(usize, usize)> =
        t.levels.iter().map(|l| (l.signs.len(), l.interventions.len())).collect();
    assert_eq!(counts, [(4, 3), (4, 5), (5, 5), (4, 5)]);
    let mut all = Vec::new();
    for l in &t.levels {
        named(&l.name, &l.id);
        for s in &l.signs {
            filled(s, &l.id);
            assert_eq!(s.origin, Origin::Model, "{}: signs are the model's", l.id);
        }
        for i in &l.interventions {
            filled(&i.text, &i.id);
            assert_eq!(i.text.origin, Origin::Model);
            assert!(guide().intervention(&i.id).is_some());
            all.push(i.id.as_str());
        }
    }
    unique(&all, "interventions");
    for x in [&t.about, &t.party_readings, &t.apart_from_trust] {
        filled(x, "thermometer");
    }
    assert_eq!(t.about.origin, Origin::Model);
    // Recording party readings and keeping the two "waakzaam"s apart are ours.
    assert_eq!((t.party_readings.origin, t.apart_from_trust.origin), (Origin::Ours, Origin::Ours));
}

#[test]
fn the_coach_has_three_levels_six_steps_and_four_moves() {
    let c = &guide().coach;
    assert_eq!(ids(c.levels.iter().map(|l| l.id.as_str())), ["inhoud", "emotie", "intentie"]);
    assert_eq!(
        ids(c.ladder.steps.iter().map(|s| s.id.as_str())),
        [
            "standpunt_oordeel",
            "boos_verwijt",
            "verdriet_teleurstelling_zorg",
            "behoefte_belang",
            "commitment_oplossing",
            "inzet_oplossing"
        ]
    );
    let moves = ids(c.moves.iter().map(|m| m.id.as_str()));
    assert_eq!(moves, ReformulationMove::ALL.iter().map(|m| m.id()).collect::<Vec<_>>());
    let probes: Vec<usize> = c.moves.iter().map(|m| m.probes.len()).collect();
    assert_eq!(probes[0], 3, "position → interest has three probes");
    assert!(probes.iter().all(|n| *n >= 1));
    assert_eq!(c.headlines.len(), 3);
    for l in &c.levels {
        named(&l.name, &l.id);
        filled(&l.about, &l.id);
        filled(&l.opener, &l.id);
        assert_eq!((l.about.origin, l.opener.origin), (Origin::Model, Origin::Model));
    }
    for s in &c.ladder.steps {
        named(&s.name, &s.id);
        filled(&s.hint, &s.id);
        assert_eq!(s.hint.origin, Origin::Ours, "the figure gives step names only");
    }
    for m in &c.moves {
        named(&m.name, &m.id);
        filled(&m.how, &m.id);
        for p in &m.probes {
            filled(p, &m.id);
        }
    }
    for t in c.headlines.iter().chain([&c.about, &c.ladder.about, &c.capture]) {
        filled(t, "coach");
    }
    assert_eq!(c.capture.origin, Origin::Ours, "filing a captured interest is our proposal");
}

#[test]
fn the_five_conditions_have_their_questions_and_guidance() {
    let c = &guide().conditions;
    assert_eq!(
        ids(c.items.iter().map(|i| i.id.as_str())),
        Condition::ALL.iter().map(|c| c.id()).collect::<Vec<_>>()
    );
    let questions = ids(c.questions.iter().map(|q| q.id.as_str()));
    assert_eq!(questions, ["ervaring", "relaties", "afspraken", "belangen", "ambitie"]);
    let prompted: HashSet<&str> = c.questions.iter().map(|q| q.condition.as_str()).collect();
    assert_eq!(prompted.len(), 5, "each question prompts another condition");
    for cond in Condition::ALL {
        let g = guide().condition(*cond);
        assert_eq!(g.id, cond.id());
        assert_eq!(guide().question(*cond).condition, cond.id());
        named(&g.name, &g.id);
        for t in [&g.discipline, &g.about, &g.attention, &g.next_step] {
            filled(t, &g.id);
        }
        assert_eq!(g.next_step.origin, Origin::Ours);
    }
    for q in &c.questions {
        filled(&q.text, &q.id);
        assert_eq!(q.text.origin, Origin::Model, "the questions are the model's (their ids ours)");
    }
    // The model's warning for a neglected ambition: pseudo-collaboration.
    let ambition = guide().condition(Condition::GedeeldeAmbitie);
    assert_eq!(ambition.attention.origin, Origin::Model);
    assert!(ambition.attention.nl.contains("schijnsamenwerking"));
    assert!(ambition.attention.en.contains("pseudo-collaboration"));
    for t in [&c.about, &c.scale, &c.low, &c.drop, &c.spread] {
        filled(t, "conditions");
    }
    assert_eq!((c.scale.origin, c.low.origin, c.drop.origin), (Origin::Ours, Origin::Ours, Origin::Ours));
}

#[test]
fn four_trust_stages_named_by_the_model_described_by_us() {
    let t = &guide().trust;
    assert_eq!(
        ids(t.stages.iter().map(|s| s.id.as_str())),
        TrustStage::ALL.iter().map(|s| s.id()).collect::<Vec<_>>()
    );
    for s in &t.stages {
        named(&s.name, &s.id);
        filled(&s.about, &s.id);
        assert_eq!(s.about.origin, Origin::Ours, "{}: the sources give the name only", s.id);
    }
    filled(&t.about, "trust");
    assert_eq!(t.about.origin, Origin::Model);
}

#[test]
fn nine_problems_named_by_the_model_and_the_route() {
    let p = &guide().problems;
    assert_eq!(
        ids(p.items.iter().map(|i| i.id.as_str())),
        TypicalProblem::ALL.iter().map(|p| p.id()).collect::<Vec<_>>()
    );
    for item in &p.items {
        named(&item.name, &item.id);
        filled(&item.about, &item.id);
        assert_eq!(item.about.origin, Origin::Ours, "{}: names only", item.id);
        if let Some(s) = &item.signal {
            filled(s, &item.id);
            assert_eq!(s.origin, Origin::Model, "{}: a signal is what the sources say", item.id);
        }
        assert!(item.indicators.len() >= 3 && item.interventions.len() >= 3, "{}", item.id);
        let ind = ids(item.indicators.iter().map(|i| i.id.as_str()));
        let int = ids(item.interventions.iter().map(|i| i.id.as_str()));
        unique(&ind, &item.id);
        unique(&int, &item.id);
        for i in item.indicators.iter().chain(&item.interventions) {
            filled(&i.text, &i.id);
        }
    }
    // The sources say something about exactly these four.
    let with_signal: Vec<&str> =
        p.items.iter().filter(|i| i.signal.is_some()).map(|i| i.id.as_str()).collect();
    assert_eq!(
        with_signal,
        [
            "verwatering_wenkend_perspectief",
            "schijnsamenwerking",
            "onderorganisatie",
            "dubbele_loyaliteiten_achterban"
        ]
    );
    assert_eq!(
        ids(p.route.iter().map(|s| s.id.as_str())),
        ["analyse", "indicatoren", "diagnose", "interventies", "problemen", "doorgaan"]
    );
    let fields: Vec<&str> = p.route.iter().filter(|s| s.note).map(|s| s.id.as_str()).collect();
    assert_eq!(fields, RouteField::ALL.iter().map(|f| f.id()).collect::<Vec<_>>());
    for s in &p.route {
        named(&s.name, &s.id);
        filled(&s.about, &s.id);
    }
    assert_eq!(
        ids(p.findings.iter().map(|f| f.id.as_str())),
        Finding::ALL.iter().map(|f| f.id()).collect::<Vec<_>>()
    );
    assert_eq!(
        ids(p.continuation.iter().map(|f| f.id.as_str())),
        Continuation::ALL.iter().map(|f| f.id()).collect::<Vec<_>>()
    );
    for c in p.findings.iter().chain(&p.continuation) {
        filled(&c.name, &c.id);
        assert_eq!(c.name.origin, Origin::Ours);
    }
    filled(&p.about, "problems");
}
