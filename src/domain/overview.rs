//! How one collaboration moved over its meetings: phases per meeting,
//! agreements made, kept and dropped, interests that appeared or changed.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{
    AgreementStatus, InterestKind, Phase, RelationshipLine, Session, Summary, Temperature, relationship_line,
};

/// One meeting of the chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingLine {
    pub date: NaiveDate,
    /// The phases the meeting went through, in order (the first is where it
    /// started).
    pub phases: Vec<Phase>,
    /// Agreements first made in this meeting.
    pub made: usize,
    /// Agreements carried in from earlier meetings.
    pub carried: usize,
    /// At the end of the meeting: done, dropped and still open, over all its
    /// agreements.
    pub done: usize,
    pub dropped: usize,
    pub open: usize,
    pub temperature: Option<Temperature>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InterestChangeKind {
    Appeared,
    /// The text changed; the earlier text.
    Changed(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InterestChange {
    pub date: NaiveDate,
    pub party: String,
    pub kind: InterestKind,
    pub text: String,
    pub change: InterestChangeKind,
}

/// The fate of every agreement made in the chain, by its last known status.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AgreementTotals {
    pub made: usize,
    pub kept: usize,
    pub dropped: usize,
    pub open: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainOverview {
    pub title: String,
    pub parties: Vec<String>,
    pub meetings: Vec<MeetingLine>,
    pub agreements: AgreementTotals,
    pub interest_changes: Vec<InterestChange>,
    /// The five conditions' trend over the meetings and the latest trust
    /// stage (issue 10), as the portfolio shows them.
    pub relationship: RelationshipLine,
}

/// The overview of a chain of meetings (any order; they are put in date
/// order). Empty input gives an empty overview.
pub fn chain_overview(meetings: &[Session]) -> ChainOverview {
    let mut order: Vec<&Session> = meetings.iter().collect();
    order.sort_by_key(|s| (s.meeting_date, s.created_at));
    let last = order.last();
    let mut lines = Vec::new();
    let mut final_status: HashMap<&str, AgreementStatus> = HashMap::new();
    let mut seen_interests: HashMap<&str, &str> = HashMap::new();
    let mut changes = Vec::new();
    for s in &order {
        let count = |st: AgreementStatus| s.agreements.iter().filter(|a| a.status == st).count();
        lines.push(MeetingLine {
            date: s.meeting_date,
            phases: s.phase_history.iter().map(|m| m.to).collect(),
            made: s.agreements.iter().filter(|a| a.origin.is_none()).count(),
            carried: s.agreements.iter().filter(|a| a.origin.is_some()).count(),
            done: count(AgreementStatus::Done),
            dropped: count(AgreementStatus::Dropped),
            open: s.open_agreements().count(),
            temperature: s.latest_temperature().map(|t| t.level),
        });
        for a in &s.agreements {
            final_status.insert(a.id.as_str(), a.status);
        }
        for i in &s.interests {
            let party = s.party(&i.party).map_or_else(|| i.party.clone(), |p| p.organisation.clone());
            let change = match seen_interests.get(i.id.as_str()) {
                None => Some(InterestChangeKind::Appeared),
                Some(before) if *before != i.text => Some(InterestChangeKind::Changed(before.to_string())),
                Some(_) => None,
            };
            if let Some(change) = change {
                changes.push(InterestChange {
                    date: s.meeting_date,
                    party,
                    kind: i.kind,
                    text: i.text.clone(),
                    change,
                });
            }
            seen_interests.insert(i.id.as_str(), i.text.as_str());
        }
    }
    let mut totals = AgreementTotals { made: final_status.len(), ..Default::default() };
    for st in final_status.values() {
        match st {
            AgreementStatus::Done => totals.kept += 1,
            AgreementStatus::Dropped => totals.dropped += 1,
            _ => totals.open += 1,
        }
    }
    let summaries: Vec<Summary> = order.iter().map(|s| s.summary(s.meeting_date)).collect();
    let relationship = relationship_line(&summaries.iter().collect::<Vec<_>>());
    ChainOverview {
        relationship,
        title: last.map(|s| s.title.clone()).unwrap_or_default(),
        parties: last.map(|s| s.parties.iter().map(|p| p.organisation.clone()).collect()).unwrap_or_default(),
        meetings: lines,
        agreements: totals,
        interest_changes: changes,
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::domain::{AgreementFields, PartyFields, ReviewOutcome, Timestamp};

    fn at(s: &str) -> Timestamp {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn a_chain_of_three_meetings() {
        let t1 = at("2026-03-12T10:00:00+01:00");
        let mut m1 = Session::new("m1".into(), "Zuiderveld", t1.date_naive(), "", t1).unwrap();
        let p = m1
            .add_party(&PartyFields { organisation: "Woonstede".into(), ..Default::default() }, t1)
            .unwrap();
        let i = m1.add_interest(&p, InterestKind::Organisatie, "Leefbaarheid", t1).unwrap();
        let f = |text: &str| AgreementFields {
            text: text.into(),
            owner: None,
            parties: vec![],
            due: None,
            status: AgreementStatus::Proposed,
            phase_result: false,
        };
        let a1 = m1.add_agreement(&f("cijfers delen"), t1).unwrap();
        m1.add_agreement(&f("huurders uitnodigen"), t1).unwrap();

        let t2 = at("2026-04-09T10:00:00+02:00");
        let mut m2 = m1.follow_up("m2".into(), "m1.json", t2.date_naive(), t2);
        m2.review_agreement(&a1, ReviewOutcome::Done, t2).unwrap();
        let a2 = m2.agreements[1].id.clone();
        m2.review_agreement(&a2, ReviewOutcome::Dropped, t2).unwrap();
        m2.add_agreement(&f("intentieverklaring"), t2).unwrap();
        m2.move_to_phase(Phase::Delen, None, t2).unwrap();
        m2.update_interest(&i, &p, InterestKind::Organisatie, "Leefbaarheid bewaken", t2).unwrap();
        m2.add_interest(&p, InterestKind::Collectief, "Veilige wijk", t2).unwrap();

        let t3 = at("2026-05-20T10:00:00+02:00");
        let m3 = m2.follow_up("m3".into(), "m2.json", t3.date_naive(), t3);

        let o = chain_overview(&[m3.clone(), m1.clone(), m2.clone()]);
        assert_eq!(o.title, "Zuiderveld");
        assert_eq!(o.parties, vec!["Woonstede".to_string()]);
        let dates: Vec<_> = o.meetings.iter().map(|m| m.date).collect();
        assert_eq!(dates, vec![m1.meeting_date, m2.meeting_date, m3.meeting_date]);
        assert_eq!(o.meetings[1].phases, vec![Phase::Verkennen, Phase::Delen]);
        assert_eq!((o.meetings[0].made, o.meetings[0].carried), (2, 0));
        assert_eq!(
            (o.meetings[1].made, o.meetings[1].carried, o.meetings[1].done, o.meetings[1].dropped),
            (1, 2, 1, 1)
        );
        assert_eq!((o.meetings[2].made, o.meetings[2].carried, o.meetings[2].open), (0, 1, 1));
        assert_eq!(o.agreements, AgreementTotals { made: 3, kept: 1, dropped: 1, open: 1 });
        let changes: Vec<_> = o.interest_changes.iter().map(|c| (c.text.as_str(), &c.change)).collect();
        assert_eq!(
            changes,
            vec![
                ("Leefbaarheid", &InterestChangeKind::Appeared),
                ("Leefbaarheid bewaken", &InterestChangeKind::Changed("Leefbaarheid".into())),
                ("Veilige wijk", &InterestChangeKind::Appeared),
            ]
        );
    }

    #[test]
    fn no_meetings_no_overview() {
        let o = chain_overview(&[]);
        assert!(o.meetings.is_empty() && o.interest_changes.is_empty());
    }
}
