//! A session in one line of the session picker.

use chrono::NaiveDate;

use crate::domain::{Phase, Session, Temperature};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub title: String,
    pub meeting_date: NaiveDate,
    pub phase: Phase,
    pub parties: usize,
    pub open_agreements: usize,
    pub overdue_agreements: usize,
    pub latest_temperature: Option<Temperature>,
}

impl Summary {
    pub fn of(session: &Session, today: NaiveDate) -> Summary {
        Summary {
            title: session.title.clone(),
            meeting_date: session.meeting_date,
            phase: session.phase,
            parties: session.parties.len(),
            open_agreements: session.open_agreements().count(),
            overdue_agreements: session.overdue_agreements(today).count(),
            latest_temperature: session.latest_temperature().map(|t| t.level),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AgreementFields, AgreementStatus, PartyFields};
    use chrono::DateTime;

    #[test]
    fn counts_open_and_overdue_agreements_and_takes_the_latest_reading() {
        let at = |s| DateTime::parse_from_rfc3339(s).unwrap();
        let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        let t0 = at("2026-03-12T10:00:00+01:00");
        let mut s = Session::new("s".into(), "Wijk", day(12), "", t0).unwrap();
        for org in ["Gemeente", "Woonstichting"] {
            s.add_party(&PartyFields { organisation: org.into(), ..Default::default() }, t0).unwrap();
        }
        let agreement = |status, due| AgreementFields {
            text: "x".into(),
            owner: None,
            parties: vec![],
            due,
            status,
            phase_result: false,
        };
        s.add_agreement(&agreement(AgreementStatus::Agreed, Some(day(1))), t0).unwrap();
        s.add_agreement(&agreement(AgreementStatus::Proposed, Some(day(30))), t0).unwrap();
        s.add_agreement(&agreement(AgreementStatus::Done, Some(day(1))), t0).unwrap();
        s.add_agreement(&agreement(AgreementStatus::Agreed, None), t0).unwrap();
        // Recorded out of order: the latest by time wins, not the last in the list.
        s.record_temperature(Temperature::Conflict, "", at("2026-03-12T11:00:00+01:00"));
        s.record_temperature(Temperature::Waakzaam, "", at("2026-03-12T10:30:00+01:00"));

        let sum = Summary::of(&s, day(12));
        assert_eq!(sum.title, "Wijk");
        assert_eq!(sum.meeting_date, day(12));
        assert_eq!(sum.phase, Phase::Verkennen);
        assert_eq!(sum.parties, 2);
        assert_eq!(sum.open_agreements, 3);
        assert_eq!(sum.overdue_agreements, 1);
        assert_eq!(sum.latest_temperature, Some(Temperature::Conflict));
    }
}
