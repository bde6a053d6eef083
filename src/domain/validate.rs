//! Rules a loaded session must satisfy beyond its JSON shape: references
//! point at existing parties, ids are unique, the phase matches its history.

use std::collections::HashSet;

use super::Session;

/// One broken rule, with the path of the field in the JSON document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Problems in document order, and the ids seen so far.
pub(super) struct Check<'a> {
    out: Vec<Problem>,
    ids: HashSet<&'a str>,
}

impl<'a> Check<'a> {
    pub(super) fn problem(&mut self, path: String, message: String) {
        self.out.push(Problem { path, message });
    }

    pub(super) fn unique(&mut self, id: &'a str, path: String) {
        if id.is_empty() {
            self.problem(path, "is empty".into());
        } else if !self.ids.insert(id) {
            self.problem(path, format!("\"{id}\" is used by another item"));
        }
    }
}

impl Session {
    /// Every broken rule, in document order; empty when the session is sound.
    pub fn problems(&self) -> Vec<Problem> {
        let mut c = Check { out: Vec::new(), ids: HashSet::new() };
        if self.title.trim().is_empty() {
            c.problem("title".into(), "is empty".into());
        }
        match self.phase_history.last() {
            None => c.problem(
                "phase_history".into(),
                "is empty; it must record at least the starting phase".into(),
            ),
            Some(last) if last.to != self.phase => c.problem(
                "phase".into(),
                format!(
                    "is \"{}\" but the last phase_history entry goes to \"{}\"",
                    self.phase.id(),
                    last.to.id()
                ),
            ),
            Some(_) => {}
        }
        for (i, p) in self.parties.iter().enumerate() {
            c.unique(&p.id, format!("parties[{i}].id"));
        }
        // The whole table (issue 9) stands where a party id may be expected,
        // except in the list of parties.
        for (i, p) in self.parties.iter().enumerate().filter(|(_, p)| super::is_table(&p.id)) {
            c.problem(format!("parties[{i}].id"), format!("\"{}\" stands for the whole table", p.id));
        }
        let party_ids: HashSet<&str> = self.parties.iter().map(|p| p.id.as_str()).collect();
        let holder = |id: &str| party_ids.contains(id) || super::is_table(id);
        let unknown = |id: &str| format!("\"{id}\" is not the id of a party");
        for (i, x) in self.interests.iter().enumerate() {
            c.unique(&x.id, format!("interests[{i}].id"));
            if !holder(x.party.as_str()) {
                c.problem(format!("interests[{i}].party"), unknown(&x.party));
            }
        }
        for (i, a) in self.agreements.iter().enumerate() {
            c.unique(&a.id, format!("agreements[{i}].id"));
            if let Some(owner) = &a.owner
                && !holder(owner.as_str())
            {
                c.problem(format!("agreements[{i}].owner"), unknown(owner));
            }
            for (j, p) in a.parties.iter().enumerate() {
                if !holder(p.as_str()) {
                    c.problem(format!("agreements[{i}].parties[{j}]"), unknown(p));
                }
            }
        }
        for (i, r) in self.reflections.iter().enumerate() {
            c.unique(&r.id, format!("reflections[{i}].id"));
        }
        for (i, t) in self.temperature.iter().enumerate() {
            c.unique(&t.id, format!("temperature[{i}].id"));
            if let Some(p) = &t.party
                && !party_ids.contains(p.as_str())
            {
                c.problem(format!("temperature[{i}].party"), unknown(p));
            }
            if t.tried.contains_key("") {
                c.problem(format!("temperature[{i}].tried"), "has an empty intervention id".into());
            }
        }
        // the relationship instruments (issue 10)
        let score = |s: u8| !(super::conditions::MIN_SCORE..=super::conditions::MAX_SCORE).contains(&s);
        for (cond, check) in &self.conditions {
            let path = format!("conditions.{}", cond.id());
            if let Some(s) = check.score.filter(|s| score(*s)) {
                c.problem(format!("{path}.score"), format!("is {s}; a score runs from 1 to 5"));
            }
            for (p, ps) in &check.parties {
                if !party_ids.contains(p.as_str()) {
                    c.problem(format!("{path}.parties.{p}"), unknown(p));
                }
                if score(ps.score) {
                    c.problem(
                        format!("{path}.parties.{p}.score"),
                        format!("is {}; a score runs from 1 to 5", ps.score),
                    );
                }
            }
        }
        c.out.extend(self.grondvorm_problems());
        super::meeting::check(self, &mut c);
        c.out
    }
}
