//! Typical problems (issue 10): a diagnosis checklist of the nine problems
//! (indicators seen, a note in the facilitator's words, a finding per
//! problem), the diagnosis route as a structured note, and interventions
//! chosen from a problem, each of which becomes an agreement. The sources
//! name the nine problems and the route's steps only.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::ids::id_enum;
use super::{AgreementFields, AgreementStatus, DomainError, Extra, Session, Ticked, Timestamp};

id_enum! {
    /// The nine typical collaboration problems.
    pub enum TypicalProblem {
        GebrekGedeeldeAmbitie => "gebrek_gedeelde_ambitie",
        VerwateringWenkendPerspectief => "verwatering_wenkend_perspectief",
        PersoneleInstabiliteit => "personele_instabiliteit",
        Schijnsamenwerking => "schijnsamenwerking",
        Onderorganisatie => "onderorganisatie",
        HardnekkigVijandbeeld => "hardnekkig_vijandbeeld",
        DubbeleLoyaliteitenAchterban => "dubbele_loyaliteiten_achterban",
        OnoverbrugbareDiversiteit => "onoverbrugbare_diversiteit",
        SluimerendMachtsspel => "sluimerend_machtsspel",
    }
}

id_enum! {
    /// What the facilitator concludes about one problem (ours).
    pub enum Finding {
        Vermoed => "vermoed",
        Vastgesteld => "vastgesteld",
        Uitgesloten => "uitgesloten",
    }
}

id_enum! {
    /// The fields of the diagnosis route's note, named after its steps
    /// (the step "the nine problems" is the checklist itself).
    pub enum RouteField {
        Analyse => "analyse",
        Indicatoren => "indicatoren",
        Diagnose => "diagnose",
        Interventies => "interventies",
        Doorgaan => "doorgaan",
    }
}

id_enum! {
    /// The answer to "continue?" (ours).
    pub enum Continuation {
        Doorgaan => "doorgaan",
        Bijsturen => "bijsturen",
        Stoppen => "stoppen",
    }
}

/// The diagnosis of the collaboration, built up over its meetings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Diagnosis {
    /// The checklist: what was noted per problem.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub problems: BTreeMap<TypicalProblem, ProblemCheck>,
    /// The route as a structured note, one text per field.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub route: BTreeMap<RouteField, String>,
    /// The answer to "continue?".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continuation: Option<Continuation>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Diagnosis {
    pub fn is_empty(&self) -> bool {
        self.problems.is_empty()
            && self.route.is_empty()
            && self.continuation.is_none()
            && self.extra.is_empty()
    }
}

/// What was noted about one problem.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProblemCheck {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finding: Option<Finding>,
    /// Indicators of the checklist seen, by id, with when.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub indicators: BTreeMap<String, Ticked>,
    /// Indicators in the facilitator's own words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Interventions chosen, by id, each with the agreement it became.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub interventions: BTreeMap<String, Chosen>,
    pub updated_at: Timestamp,
    #[serde(flatten)]
    pub extra: Extra,
}

impl ProblemCheck {
    fn is_empty(&self) -> bool {
        self.finding.is_none()
            && self.indicators.is_empty()
            && self.note.is_empty()
            && self.interventions.is_empty()
            && self.extra.is_empty()
    }
}

/// An intervention chosen for a problem.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Chosen {
    pub at: Timestamp,
    /// Id of the agreement it became. The agreement may since have been
    /// closed and left behind in an earlier meeting.
    pub agreement: String,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Session {
    /// Change the check of one problem; an emptied check is removed.
    fn with_problem<T>(
        &mut self,
        p: TypicalProblem,
        now: Timestamp,
        f: impl FnOnce(&mut ProblemCheck) -> T,
    ) -> T {
        let check = self.diagnosis.problems.entry(p).or_insert_with(|| ProblemCheck {
            finding: None,
            indicators: BTreeMap::new(),
            note: String::new(),
            interventions: BTreeMap::new(),
            updated_at: now,
            extra: Extra::new(),
        });
        let out = f(check);
        check.updated_at = now;
        if check.is_empty() {
            self.diagnosis.problems.remove(&p);
        }
        self.updated_at = now;
        out
    }

    /// Tick an indicator of a problem as seen, or untick it; returns whether
    /// it is ticked now.
    pub fn toggle_indicator(
        &mut self,
        p: TypicalProblem,
        indicator: &str,
        now: Timestamp,
    ) -> Result<bool, DomainError> {
        let indicator = indicator.trim();
        if indicator.is_empty() {
            return Err(DomainError::Empty("indicator"));
        }
        Ok(self.with_problem(p, now, |c| {
            if c.indicators.remove(indicator).is_some() {
                false
            } else {
                c.indicators.insert(indicator.to_string(), Ticked { at: now, extra: Extra::new() });
                true
            }
        }))
    }

    /// The indicators of a problem in the facilitator's own words.
    pub fn set_problem_note(&mut self, p: TypicalProblem, note: &str, now: Timestamp) {
        self.with_problem(p, now, |c| c.note = note.trim().to_string());
    }

    pub fn set_finding(&mut self, p: TypicalProblem, finding: Option<Finding>, now: Timestamp) {
        self.with_problem(p, now, |c| c.finding = finding);
    }

    /// One field of the route's note; empty text removes it.
    pub fn set_route_note(&mut self, field: RouteField, text: &str, now: Timestamp) {
        let text = text.trim();
        if text.is_empty() {
            self.diagnosis.route.remove(&field);
        } else {
            self.diagnosis.route.insert(field, text.to_string());
        }
        self.updated_at = now;
    }

    pub fn set_continuation(&mut self, c: Option<Continuation>, now: Timestamp) {
        self.diagnosis.continuation = c;
        self.updated_at = now;
    }

    /// Turn an intervention chosen for a problem into a proposed agreement
    /// with `text` (the intervention in the facilitator's language) and
    /// remember which agreement it became. Choosing it again while that
    /// agreement is still in this meeting gives the same agreement.
    pub fn intervention_to_agreement(
        &mut self,
        p: TypicalProblem,
        intervention: &str,
        text: &str,
        now: Timestamp,
    ) -> Result<String, DomainError> {
        let intervention = intervention.trim();
        if intervention.is_empty() {
            return Err(DomainError::Empty("intervention"));
        }
        if let Some(chosen) = self.diagnosis.problems.get(&p).and_then(|c| c.interventions.get(intervention))
            && self.agreement_index(&chosen.agreement).is_some()
        {
            return Ok(chosen.agreement.clone());
        }
        let f = AgreementFields {
            text: text.to_string(),
            owner: None,
            parties: Vec::new(),
            due: None,
            status: AgreementStatus::Proposed,
            phase_result: false,
        };
        let agreement = self.add_agreement(&f, now)?;
        let chosen = Chosen { at: now, agreement: agreement.clone(), extra: Extra::new() };
        self.with_problem(p, now, |c| c.interventions.insert(intervention.to_string(), chosen));
        Ok(agreement)
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;

    fn at(s: &str) -> Timestamp {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn session() -> Session {
        let t = at("2026-05-20T10:00:00+02:00");
        Session::new("m".into(), "Zuiderveld", t.date_naive(), "", t).unwrap()
    }

    #[test]
    fn nine_problems_with_the_briefs_ids() {
        assert_eq!(TypicalProblem::ALL.len(), 9);
        assert_eq!(TypicalProblem::Schijnsamenwerking.id(), "schijnsamenwerking");
        assert_eq!(TypicalProblem::ALL[8].id(), "sluimerend_machtsspel");
    }

    #[test]
    fn the_checklist_keeps_indicators_notes_and_findings() {
        let mut s = session();
        let t = s.updated_at;
        let p = TypicalProblem::Schijnsamenwerking;
        assert!(s.toggle_indicator(p, "traagste_tempo", t).unwrap());
        assert!(s.toggle_indicator(p, "afvinken", t).unwrap());
        assert!(!s.toggle_indicator(p, "traagste_tempo", t).unwrap());
        assert!(s.toggle_indicator(p, "", t).is_err());
        s.set_problem_note(p, " besluiten schuiven steeds door ", t);
        s.set_finding(p, Some(Finding::Vermoed), t);
        let c = &s.diagnosis.problems[&p];
        assert_eq!(c.indicators.keys().collect::<Vec<_>>(), ["afvinken"]);
        assert_eq!((c.note.as_str(), c.finding), ("besluiten schuiven steeds door", Some(Finding::Vermoed)));
        // Undoing everything leaves nothing behind.
        s.toggle_indicator(p, "afvinken", t).unwrap();
        s.set_problem_note(p, "", t);
        s.set_finding(p, None, t);
        assert!(s.diagnosis.is_empty());
    }

    #[test]
    fn the_route_is_a_structured_note() {
        let mut s = session();
        let t = s.updated_at;
        s.set_route_note(RouteField::Analyse, "toen: woningen; nu: geld", t);
        s.set_route_note(RouteField::Diagnose, "  ", t);
        s.set_continuation(Some(Continuation::Bijsturen), t);
        assert_eq!(s.diagnosis.route.len(), 1);
        let json = serde_json::to_value(&s.diagnosis).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"route": {"analyse": "toen: woningen; nu: geld"}, "continuation": "bijsturen"})
        );
    }

    #[test]
    fn a_chosen_intervention_becomes_one_agreement() {
        let mut s = session();
        let t = s.updated_at;
        let p = TypicalProblem::Onderorganisatie;
        let a = s
            .intervention_to_agreement(p, "rollen_vastleggen", "Rollen en geldstromen vastleggen", t)
            .unwrap();
        let i = s.agreement_index(&a).unwrap();
        assert_eq!(s.agreements[i].text, "Rollen en geldstromen vastleggen");
        assert_eq!(s.agreements[i].status, AgreementStatus::Proposed);
        assert_eq!(s.diagnosis.problems[&p].interventions["rollen_vastleggen"].agreement, a);
        // Again: the same agreement, not a second one.
        assert_eq!(s.intervention_to_agreement(p, "rollen_vastleggen", "x", t).unwrap(), a);
        assert_eq!(s.agreements.len(), 1);
        // Once that agreement is gone, choosing it again makes a new one.
        s.remove_agreement(&a, t).unwrap();
        let b = s
            .intervention_to_agreement(
                p,
                "rollen_vastleggen",
                "Rollen vastleggen",
                t + chrono::Duration::seconds(1),
            )
            .unwrap();
        assert_ne!(a, b);
        assert!(s.intervention_to_agreement(p, " ", "x", t).is_err());
        assert!(s.problems().is_empty(), "{:?}", s.problems());
    }

    #[test]
    fn the_diagnosis_carries_into_the_next_meeting() {
        let mut s = session();
        let t = s.updated_at;
        s.set_finding(TypicalProblem::SluimerendMachtsspel, Some(Finding::Vastgesteld), t);
        s.set_route_note(RouteField::Analyse, "macht", t);
        let next = s.follow_up("n".into(), "m.json", chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(), t);
        assert_eq!(next.diagnosis, s.diagnosis);
    }
}
