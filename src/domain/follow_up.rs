//! Follow-up meetings: the next meeting of the same collaboration starts from
//! where the last one ended, and its carried-over agreements are walked
//! through ("done / still open / dropped").

use chrono::NaiveDate;

use super::items::{AgreementStatus, Origin};
use super::{DomainError, Extra, PhaseMove, PreviousMeeting, Session, Timestamp};

/// What the room says about a carried-over agreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewOutcome {
    Done,
    StillOpen,
    Dropped,
}

impl Session {
    /// The next meeting: parties, interests, ambition, context and the current
    /// phase carry over, as does every open agreement, each linked to the
    /// meeting where it was made. Reflections and temperature start empty.
    /// Each instrument adds its own carry rule below the common fields.
    /// `file` is this meeting's file name, for the link back.
    pub fn follow_up(&self, id: String, file: &str, meeting_date: NaiveDate, now: Timestamp) -> Session {
        let here =
            Origin { session: self.id.clone(), file: file.to_string(), meeting_date: self.meeting_date };
        let agreements = self
            .agreements
            .iter()
            .filter(|a| a.status.is_open())
            .map(|a| {
                let mut a = a.clone();
                a.origin.get_or_insert_with(|| here.clone());
                a.reviewed_at = None;
                a
            })
            .collect();
        let mut next = Session {
            format: self.format.clone(),
            version: self.version,
            id,
            title: self.title.clone(),
            meeting_date,
            facilitator: self.facilitator.clone(),
            created_at: now,
            updated_at: now,
            phase: self.phase,
            phase_history: vec![PhaseMove { at: now, from: None, to: self.phase, reason: None }],
            parties: self.parties.clone(),
            interests: self.interests.clone(),
            table: self.table.clone(),
            ambition: self.ambition.clone(),
            context: self.context.clone(),
            agreements,
            reflections: Vec::new(),
            temperature: Vec::new(),
            conditions: Default::default(),
            trust: None,
            diagnosis: Default::default(),
            collaboration: Some(self.collaboration_id().to_string()),
            previous: Some(PreviousMeeting {
                session: self.id.clone(),
                file: file.to_string(),
                meeting_date: self.meeting_date,
            }),
            grondvorm: self.grondvorm.carried(),
            room: super::RoomMarks::new(),
            conflicts: Vec::new(),
            agenda: Vec::new(),
            agenda_clock: Vec::new(),
            attendance: Vec::new(),
            notes: Vec::new(),
            games: Vec::new(),
            extra: Extra::new(),
        };
        super::meeting::carry(self, &here, &mut next);
        next.room = self.carried_room_marks(&next);
        super::relationship::carry(self, &mut next);
        next
    }

    /// Carried-over agreements not yet walked through in this meeting.
    pub fn agreements_to_review(&self) -> impl Iterator<Item = (usize, &super::Agreement)> {
        self.agreements.iter().enumerate().filter(|(_, a)| a.origin.is_some() && a.reviewed_at.is_none())
    }

    /// Record the walk-through of a carried-over agreement.
    pub fn review_agreement(
        &mut self,
        id: &str,
        outcome: ReviewOutcome,
        now: Timestamp,
    ) -> Result<(), DomainError> {
        let i = self.agreement_index(id).ok_or_else(|| DomainError::NotFound(id.to_string()))?;
        let a = &mut self.agreements[i];
        match outcome {
            ReviewOutcome::Done => a.status = AgreementStatus::Done,
            ReviewOutcome::Dropped => a.status = AgreementStatus::Dropped,
            ReviewOutcome::StillOpen => {}
        }
        a.reviewed_at = Some(now);
        a.updated_at = now;
        self.updated_at = now;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::domain::{AgreementFields, InterestKind, PartyFields, Phase, Temperature};

    fn at(s: &str) -> Timestamp {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn meeting1() -> Session {
        let t = at("2026-03-12T10:00:00+01:00");
        let mut s = Session::new(
            "m1".into(),
            "Zuiderveld",
            NaiveDate::from_ymd_opt(2026, 3, 12).unwrap(),
            "Anouk",
            t,
        )
        .unwrap();
        let p =
            s.add_party(&PartyFields { organisation: "Woonstede".into(), ..Default::default() }, t).unwrap();
        s.add_interest(&p, InterestKind::Organisatie, "Leefbaarheid", t).unwrap();
        s.ambition.problem = "versnipperde hulp".into();
        s.context.process = "overleg strandde in 2023".into();
        for (text, status) in [
            ("open voorstel", AgreementStatus::Proposed),
            ("open afgesproken", AgreementStatus::Agreed),
            ("gedaan", AgreementStatus::Done),
            ("vervallen", AgreementStatus::Dropped),
        ] {
            let f = AgreementFields {
                text: text.into(),
                owner: Some(p.clone()),
                parties: vec![p.clone()],
                due: None,
                status,
                phase_result: false,
            };
            s.add_agreement(&f, t).unwrap();
        }
        s.add_reflection(None, "q", "a", t).unwrap();
        s.record_temperature(Temperature::Waakzaam, "", t);
        s.move_to_phase(Phase::Delen, None, t).unwrap();
        s
    }

    #[test]
    fn follow_up_carries_exactly_the_open_agreements_and_links_back() {
        let m1 = meeting1();
        let now = at("2026-04-09T09:00:00+02:00");
        let m2 = m1.follow_up(
            "m2".into(),
            "2026-03-12-zuiderveld.json",
            NaiveDate::from_ymd_opt(2026, 4, 9).unwrap(),
            now,
        );
        let texts: Vec<&str> = m2.agreements.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(texts, vec!["open voorstel", "open afgesproken"]);
        for a in &m2.agreements {
            let o = a.origin.as_ref().unwrap();
            assert_eq!((o.session.as_str(), o.file.as_str()), ("m1", "2026-03-12-zuiderveld.json"));
            assert_eq!(a.reviewed_at, None);
            assert_eq!(a.id, m1.agreements[m1.agreement_index(&a.id).unwrap()].id, "ids are kept");
        }
        assert_eq!(m2.parties, m1.parties);
        assert_eq!(m2.interests, m1.interests);
        assert_eq!(m2.ambition, m1.ambition);
        assert_eq!(m2.context, m1.context);
        assert_eq!(m2.phase, Phase::Delen);
        assert_eq!(m2.phase_history.len(), 1);
        assert!(m2.reflections.is_empty() && m2.temperature.is_empty());
        assert_eq!(m2.collaboration_id(), "m1");
        assert_eq!(m2.previous.as_ref().unwrap().session, "m1");
        assert_eq!(m2.meeting_date, NaiveDate::from_ymd_opt(2026, 4, 9).unwrap());
        assert!(m2.problems().is_empty(), "{:?}", m2.problems());
        assert_eq!(m2.agreements_to_review().count(), 2);
    }

    #[test]
    fn a_third_meeting_keeps_the_original_origin_and_collaboration() {
        let m1 = meeting1();
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        let m2 = m1.follow_up("m2".into(), "m1.json", d(4, 9), at("2026-04-09T09:00:00+02:00"));
        let m3 = m2.follow_up("m3".into(), "m2.json", d(5, 20), at("2026-05-20T09:00:00+02:00"));
        assert_eq!(m3.collaboration_id(), "m1");
        assert_eq!(m3.previous.as_ref().unwrap().file, "m2.json");
        assert!(m3.agreements.iter().all(|a| a.origin.as_ref().unwrap().session == "m1"));
    }

    #[test]
    fn walking_through_sets_status_and_review_time() {
        let m1 = meeting1();
        let now = at("2026-04-09T09:30:00+02:00");
        let mut m2 = m1.follow_up("m2".into(), "m1.json", NaiveDate::from_ymd_opt(2026, 4, 9).unwrap(), now);
        let ids: Vec<String> = m2.agreements.iter().map(|a| a.id.clone()).collect();
        m2.review_agreement(&ids[0], ReviewOutcome::Done, now).unwrap();
        m2.review_agreement(&ids[1], ReviewOutcome::StillOpen, now).unwrap();
        assert_eq!(m2.agreements[0].status, AgreementStatus::Done);
        assert_eq!(m2.agreements[1].status, AgreementStatus::Agreed);
        assert_eq!(m2.agreements_to_review().count(), 0);
        assert!(m2.agreements.iter().all(|a| a.reviewed_at == Some(now)));
        assert!(m2.review_agreement("nope", ReviewOutcome::Dropped, now).is_err());
    }
}
