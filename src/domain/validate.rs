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

impl Session {
    /// Every broken rule, in document order; empty when the session is sound.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut problem = |path: String, message: String| out.push(Problem { path, message });

        if self.title.trim().is_empty() {
            problem("title".into(), "is empty".into());
        }
        match self.phase_history.last() {
            None => {
                problem("phase_history".into(), "is empty; it must record at least the starting phase".into())
            }
            Some(last) if last.to != self.phase => problem(
                "phase".into(),
                format!(
                    "is \"{}\" but the last phase_history entry goes to \"{}\"",
                    self.phase.id(),
                    last.to.id()
                ),
            ),
            Some(_) => {}
        }

        let mut ids = HashSet::new();
        let mut unique = |id: &str, path: String, problem: &mut dyn FnMut(String, String)| {
            if id.is_empty() {
                problem(path, "is empty".into());
            } else if !ids.insert(id.to_string()) {
                problem(path, format!("\"{id}\" is used by another item"));
            }
        };
        for (i, p) in self.parties.iter().enumerate() {
            unique(&p.id, format!("parties[{i}].id"), &mut problem);
        }
        let party_ids: HashSet<&str> = self.parties.iter().map(|p| p.id.as_str()).collect();
        for (i, x) in self.interests.iter().enumerate() {
            unique(&x.id, format!("interests[{i}].id"), &mut problem);
            if !party_ids.contains(x.party.as_str()) {
                problem(format!("interests[{i}].party"), format!("\"{}\" is not the id of a party", x.party));
            }
        }
        for (i, a) in self.agreements.iter().enumerate() {
            unique(&a.id, format!("agreements[{i}].id"), &mut problem);
            if let Some(owner) = &a.owner
                && !party_ids.contains(owner.as_str())
            {
                problem(format!("agreements[{i}].owner"), format!("\"{owner}\" is not the id of a party"));
            }
            for (j, p) in a.parties.iter().enumerate() {
                if !party_ids.contains(p.as_str()) {
                    problem(
                        format!("agreements[{i}].parties[{j}]"),
                        format!("\"{p}\" is not the id of a party"),
                    );
                }
            }
        }
        for (i, r) in self.reflections.iter().enumerate() {
            unique(&r.id, format!("reflections[{i}].id"), &mut problem);
        }
        for (i, t) in self.temperature.iter().enumerate() {
            unique(&t.id, format!("temperature[{i}].id"), &mut problem);
        }
        out
    }
}
