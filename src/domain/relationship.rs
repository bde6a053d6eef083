//! The relationship instruments (issue 10) as a whole: what carries into a
//! follow-up meeting, what the library and the portfolio show of a chain,
//! and the texts a search finds.
//!
//! The instruments themselves: `thermometer` (readings, tried
//! interventions), `reformulation` (the coach's capture), `conditions`
//! (the five conditions check), `trust` (trust stage) and `diagnosis`
//! (typical problems). Their words live in `assets/relationship.json`
//! (`crate::content::relationship`).

use chrono::NaiveDate;

use super::conditions::{ConditionsTrend, TrendMeeting, mean_of_tenths, sparkline, trend_meeting};
use super::{Session, SessionText, Summary, Temperature, TextKind, Timestamp, TrustStage};

/// The carry rule: the diagnosis is built up over meetings and comes along;
/// readings, scores and the trust stage are taken afresh in every meeting
/// (their history is read from the chain). Interests carry their position
/// with them as part of the interests.
pub(super) fn carry(from: &Session, to: &mut Session) {
    to.diagnosis = from.diagnosis.clone();
}

/// What the library and the portfolio show of a chain's relationship.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RelationshipLine {
    /// The mean of the five conditions per meeting, as a sparkline.
    pub sparkline: String,
    /// The latest meeting's mean, in tenths.
    pub latest: Option<u8>,
    /// A condition of the latest meeting scored low or dropped.
    pub flagged: bool,
    pub temperature: Option<Temperature>,
    pub trust: Option<TrustStage>,
}

/// The line of a chain from its meetings' summaries (any order).
pub fn relationship_line(chain: &[&Summary]) -> RelationshipLine {
    let mut order: Vec<&Summary> = chain.to_vec();
    order.sort_by_key(|s| s.meeting_date);
    let trend = ConditionsTrend {
        meetings: order
            .iter()
            .map(|s| TrendMeeting { date: s.meeting_date, values: s.conditions, spread: [None; 5] })
            .collect(),
    };
    let means = trend.means();
    let last = order.last();
    RelationshipLine {
        sparkline: if trend.is_empty() { String::new() } else { sparkline(&means) },
        latest: last.and_then(|s| mean_of_tenths(&s.conditions)),
        flagged: !trend.flags().is_empty(),
        temperature: last.and_then(|s| s.latest_temperature),
        trust: last.and_then(|s| s.trust),
    }
}

/// What the relationship trends read of one meeting: its place in the
/// chain, its five conditions, the facilitator's last reading and its trust
/// stage. Derived once per meeting, so a view over a long chain recomputes
/// only the meeting that changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingMarks {
    /// Date order of the chain: the meeting date, then when it was created.
    pub order: (NaiveDate, Timestamp),
    pub conditions: TrendMeeting,
    pub temperature: Option<Temperature>,
    pub trust: Option<TrustStage>,
}

impl MeetingMarks {
    pub fn of(s: &Session) -> MeetingMarks {
        MeetingMarks {
            order: (s.meeting_date, s.created_at),
            conditions: trend_meeting(s),
            temperature: s.latest_temperature().map(|t| t.level),
            trust: s.trust.as_ref().map(|t| t.stage),
        }
    }
}

/// The trends of a chain of meetings, from their marks in date order: the
/// same as `conditions_trend`, `reading_history(..).last_per_meeting()` and
/// `trust_trend` of the same meetings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChainMarks {
    pub meetings: Vec<MeetingMarks>,
}

impl ChainMarks {
    /// The marks of `chain` (any order; put in date order, ties kept in the
    /// order given, as the trend functions do).
    pub fn of<'a>(chain: impl IntoIterator<Item = &'a Session>) -> ChainMarks {
        let mut meetings: Vec<MeetingMarks> = chain.into_iter().map(MeetingMarks::of).collect();
        meetings.sort_by_key(|m| m.order);
        ChainMarks { meetings }
    }

    /// These marks with one more meeting put in its place (after meetings
    /// of the same date and creation time).
    pub fn with(&self, one: MeetingMarks) -> ChainMarks {
        let at = self.meetings.partition_point(|m| m.order <= one.order);
        let mut meetings = Vec::with_capacity(self.meetings.len() + 1);
        meetings.extend_from_slice(&self.meetings[..at]);
        meetings.push(one);
        meetings.extend_from_slice(&self.meetings[at..]);
        ChainMarks { meetings }
    }

    pub fn conditions(&self) -> ConditionsTrend {
        ConditionsTrend { meetings: self.meetings.iter().map(|m| m.conditions.clone()).collect() }
    }

    /// The facilitator's last reading per meeting.
    pub fn temperatures(&self) -> Vec<Option<Temperature>> {
        self.meetings.iter().map(|m| m.temperature).collect()
    }

    pub fn trust(&self) -> Vec<Option<TrustStage>> {
        self.meetings.iter().map(|m| m.trust).collect()
    }
}

impl Session {
    /// The searchable texts of the relationship instruments.
    pub(super) fn relationship_texts(&self) -> Vec<SessionText> {
        let mut out = Vec::new();
        let mut push = |kind, item: &str, text: &str| {
            if !text.trim().is_empty() {
                out.push(SessionText { kind, item: item.to_string(), text: text.to_string() });
            }
        };
        for i in &self.interests {
            push(TextKind::Interest, &i.id, i.position.as_deref().unwrap_or(""));
        }
        for check in self.conditions.values() {
            push(TextKind::Note, "", &check.note);
            for p in check.parties.values() {
                push(TextKind::Note, "", &p.note);
            }
        }
        if let Some(t) = &self.trust {
            push(TextKind::Note, "", &t.note);
        }
        for check in self.diagnosis.problems.values() {
            push(TextKind::Note, "", &check.note);
        }
        for text in self.diagnosis.route.values() {
            push(TextKind::Note, "", text);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate};

    use super::*;
    use crate::domain::{Condition, InterestKind, PartyFields, RouteField, Timestamp};

    fn at(s: &str) -> Timestamp {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn the_library_line_of_a_chain_shows_the_trend_and_flags_a_drop() {
        let t1 = at("2026-03-12T10:00:00+01:00");
        let mut m1 = Session::new("m1".into(), "Z", t1.date_naive(), "", t1).unwrap();
        for c in Condition::ALL {
            m1.score_condition(*c, Some(4), "", t1).unwrap();
        }
        m1.set_trust(TrustStage::WaakzaamContracteren, "", t1);
        let t2 = at("2026-04-09T10:00:00+02:00");
        let mut m2 = m1.follow_up("m2".into(), "m1.json", t2.date_naive(), t2);
        for c in Condition::ALL {
            m2.score_condition(*c, Some(3), "", t2).unwrap();
        }
        m2.record_temperature(Temperature::Onenigheid, "", t2);
        m2.set_trust(TrustStage::OnderzoekendUitwisselen, "", t2);
        let today = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
        let (s1, s2) = (m1.summary(today), m2.summary(today));
        assert_eq!(s2.conditions, [Some(30); 5]);
        let line = relationship_line(&[&s2, &s1]);
        assert_eq!(line.sparkline, "▆▅");
        assert_eq!(line.latest, Some(30));
        assert!(line.flagged, "every condition dropped a point");
        assert_eq!(line.temperature, Some(Temperature::Onenigheid));
        assert_eq!(line.trust, Some(TrustStage::OnderzoekendUitwisselen));
        assert!(!relationship_line(&[&s1]).flagged);
        let empty = Session::new("e".into(), "E", today, "", t1).unwrap().summary(today);
        assert_eq!(relationship_line(&[&empty]).sparkline, "", "no scores, no sparkline");
    }

    #[test]
    fn chain_marks_give_the_same_trends_as_the_chain_itself() {
        let chain = crate::generate::chain(12, 3);
        let (last, earlier) = chain.split_last().unwrap();
        // This meeting put in among the earlier ones, as the pane does.
        let marks = ChainMarks::of(earlier.iter().rev()).with(MeetingMarks::of(last));
        let all = || chain.iter();
        assert_eq!(marks.conditions(), crate::domain::conditions_trend(all()));
        assert_eq!(marks.temperatures(), crate::domain::reading_history(all()).last_per_meeting());
        let trust: Vec<_> = crate::domain::trust_trend(all()).into_iter().map(|(_, t)| t).collect();
        assert_eq!(marks.trust(), trust);
        assert!(marks.temperatures().iter().any(Option::is_some) && !marks.conditions().is_empty());
        // A meeting dated before the others lands first.
        let mut early = last.clone();
        early.meeting_date = chain[0].meeting_date.pred_opt().unwrap();
        let marks = ChainMarks::of(earlier).with(MeetingMarks::of(&early));
        assert_eq!(marks.meetings[0].order.0, early.meeting_date);
        assert_eq!(marks.conditions(), crate::domain::conditions_trend(earlier.iter().chain([&early])));
    }

    #[test]
    fn search_finds_positions_notes_and_the_route() {
        let t = at("2026-04-09T10:00:00+02:00");
        let mut s = Session::new("m".into(), "Z", t.date_naive(), "", t).unwrap();
        let p =
            s.add_party(&PartyFields { organisation: "Woonstede".into(), ..Default::default() }, t).unwrap();
        s.capture_reformulation(&p, InterestKind::Organisatie, "Wij betalen niet", "Zekerheid", None, t)
            .unwrap();
        s.score_condition(Condition::Relatie, Some(2), "botsing wethouder", t).unwrap();
        s.score_condition_for_party(Condition::Relatie, &p, Some(3), "gaat wel", t).unwrap();
        s.set_trust(TrustStage::BerekenendVerbinden, "rekent nog", t);
        s.set_problem_note(crate::domain::TypicalProblem::Schijnsamenwerking, "lijstjes", t);
        s.set_route_note(RouteField::Analyse, "toen en nu", t);
        let texts: Vec<String> = s.texts().into_iter().map(|t| t.text).collect();
        for want in
            ["Wij betalen niet", "botsing wethouder", "gaat wel", "rekent nog", "lijstjes", "toen en nu"]
        {
            assert!(texts.iter().any(|t| t == want), "{want} in {texts:?}");
        }
    }
}
