//! The five conditions check (issue 10): per meeting a score from 1
//! (neglected) to 5 (strong) per condition with a note, for the room and
//! optionally per party; the trend over a chain of meetings, and the flags
//! that call for attention (a low score, a drop, parties far apart).
//!
//! Scores over several parties are averaged, so trend values are kept in
//! tenths of a point (`35` is 3.5) to stay exact and comparable.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::id_enum;
use super::{DomainError, Extra, Session, Timestamp};

id_enum! {
    /// The five conditions of the Common Eye model, in the model's order.
    pub enum Condition {
        GedeeldeAmbitie => "gedeelde_ambitie",
        RechtDoenAanBelangen => "recht_doen_aan_belangen",
        Relatie => "relatie",
        ProfessioneelOrganiseren => "professioneel_organiseren",
        BetekenisgevendProces => "betekenisgevend_proces",
    }
}

pub const MIN_SCORE: u8 = 1;
pub const MAX_SCORE: u8 = 5;
/// A score at or below this (in tenths) is flagged low.
pub const LOW: u8 = 20;
/// A fall of at least this (in tenths) since the last scored meeting is a drop.
pub const DROP: u8 = 10;
/// Parties' scores this far apart (whole points) are flagged.
pub const SPREAD: u8 = 2;

/// One condition in one meeting: the room's score and note, and the scores
/// of single parties.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConditionCheck {
    /// The room's (or the facilitator's) score, 1 to 5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<u8>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// When the room's score or note last changed.
    pub at: Timestamp,
    /// Scores of single parties, by party id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub parties: BTreeMap<String, PartyScore>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One party's score of a condition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartyScore {
    pub score: u8,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    pub at: Timestamp,
    #[serde(flatten)]
    pub extra: Extra,
}

impl ConditionCheck {
    /// The score that counts for the trend, in tenths: the room's, else the
    /// mean of the parties' scores.
    pub fn value(&self) -> Option<u8> {
        if let Some(s) = self.score {
            return Some(s * 10);
        }
        mean_tenths(self.parties.values().map(|p| p.score))
    }

    /// Highest minus lowest party score, when two or more parties scored.
    pub fn spread(&self) -> Option<u8> {
        if self.parties.len() < 2 {
            return None;
        }
        let max = self.parties.values().map(|p| p.score).max()?;
        let min = self.parties.values().map(|p| p.score).min()?;
        Some(max - min)
    }

    pub(super) fn is_empty(&self) -> bool {
        self.score.is_none() && self.note.is_empty() && self.parties.is_empty() && self.extra.is_empty()
    }
}

fn mean_tenths(scores: impl Iterator<Item = u8>) -> Option<u8> {
    let (sum, n) = scores.fold((0u32, 0u32), |(s, n), x| (s + u32::from(x), n + 1));
    // Rounded half up: (sum * 10 + n / 2) / n.
    (n > 0).then(|| ((sum * 10 + n / 2) / n) as u8)
}

fn check_score(score: Option<u8>) -> Result<(), DomainError> {
    match score {
        Some(s) if !(MIN_SCORE..=MAX_SCORE).contains(&s) => Err(DomainError::ScoreOutOfRange(s)),
        _ => Ok(()),
    }
}

impl Session {
    /// Set the room's score (None clears it) and note of a condition.
    pub fn score_condition(
        &mut self,
        c: Condition,
        score: Option<u8>,
        note: &str,
        now: Timestamp,
    ) -> Result<(), DomainError> {
        check_score(score)?;
        let entry = self.conditions.entry(c).or_insert_with(|| ConditionCheck {
            score: None,
            note: String::new(),
            at: now,
            parties: BTreeMap::new(),
            extra: Extra::new(),
        });
        entry.score = score;
        entry.note = note.trim().to_string();
        entry.at = now;
        if entry.is_empty() {
            self.conditions.remove(&c);
        }
        self.updated_at = now;
        Ok(())
    }

    /// Set (or with `None` remove) one party's score and note of a condition.
    pub fn score_condition_for_party(
        &mut self,
        c: Condition,
        party: &str,
        score: Option<u8>,
        note: &str,
        now: Timestamp,
    ) -> Result<(), DomainError> {
        self.check_party(party)?;
        check_score(score)?;
        let entry = self.conditions.entry(c).or_insert_with(|| ConditionCheck {
            score: None,
            note: String::new(),
            at: now,
            parties: BTreeMap::new(),
            extra: Extra::new(),
        });
        match score {
            Some(score) => {
                let note = note.trim().to_string();
                entry
                    .parties
                    .insert(party.to_string(), PartyScore { score, note, at: now, extra: Extra::new() });
            }
            None => {
                entry.parties.remove(party);
            }
        }
        if entry.is_empty() {
            self.conditions.remove(&c);
        }
        self.updated_at = now;
        Ok(())
    }

    /// This meeting's value per condition, in tenths, in model order.
    pub fn condition_values(&self) -> [Option<u8>; 5] {
        let mut out = [None; 5];
        for (c, check) in &self.conditions {
            out[c.index()] = check.value();
        }
        out
    }
}

/// One meeting of the trend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrendMeeting {
    pub date: NaiveDate,
    /// Value per condition in tenths, in model order.
    pub values: [Option<u8>; 5],
    /// Spread of the parties' scores per condition, in whole points.
    pub spread: [Option<u8>; 5],
}

/// The five conditions over a chain of meetings, in date order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConditionsTrend {
    pub meetings: Vec<TrendMeeting>,
}

/// Why a condition needs attention in the latest meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConditionFlag {
    /// Scored at or below [`LOW`].
    Low { condition: Condition, value: u8 },
    /// Fell by [`DROP`] or more since the last meeting that scored it.
    Drop { condition: Condition, from: u8, to: u8 },
    /// Parties' scores lie [`SPREAD`] or more apart.
    Spread { condition: Condition, points: u8 },
}

impl ConditionFlag {
    pub fn condition(self) -> Condition {
        match self {
            ConditionFlag::Low { condition, .. }
            | ConditionFlag::Drop { condition, .. }
            | ConditionFlag::Spread { condition, .. } => condition,
        }
    }
}

/// The trend of a chain of meetings (any order; put in date order).
pub fn conditions_trend<'a>(chain: impl IntoIterator<Item = &'a Session>) -> ConditionsTrend {
    let mut order: Vec<&Session> = chain.into_iter().collect();
    order.sort_by_key(|s| (s.meeting_date, s.created_at));
    ConditionsTrend { meetings: order.iter().map(|s| trend_meeting(s)).collect() }
}

/// One meeting's entry of the trend.
pub fn trend_meeting(s: &Session) -> TrendMeeting {
    let mut spread = [None; 5];
    for (c, check) in &s.conditions {
        spread[c.index()] = check.spread();
    }
    TrendMeeting { date: s.meeting_date, values: s.condition_values(), spread }
}

impl ConditionsTrend {
    /// One condition's values over the meetings.
    pub fn series(&self, c: Condition) -> Vec<Option<u8>> {
        self.meetings.iter().map(|m| m.values[c.index()]).collect()
    }

    /// The mean over the scored conditions of each meeting, in tenths.
    pub fn means(&self) -> Vec<Option<u8>> {
        self.meetings.iter().map(|m| mean_of_tenths(&m.values)).collect()
    }

    /// Whether any meeting scored anything.
    pub fn is_empty(&self) -> bool {
        self.meetings.iter().all(|m| m.values.iter().all(Option::is_none))
    }

    /// What calls for attention in the latest meeting, in model order: low
    /// scores, drops since the last meeting that scored the condition, and
    /// parties far apart.
    pub fn flags(&self) -> Vec<ConditionFlag> {
        let Some((last, earlier)) = self.meetings.split_last() else { return Vec::new() };
        let mut out = Vec::new();
        for &c in Condition::ALL {
            let i = c.index();
            if let Some(v) = last.values[i] {
                if v <= LOW {
                    out.push(ConditionFlag::Low { condition: c, value: v });
                }
                if let Some(before) = earlier.iter().rev().find_map(|m| m.values[i])
                    && before >= v + DROP
                {
                    out.push(ConditionFlag::Drop { condition: c, from: before, to: v });
                }
            }
            if let Some(points) = last.spread[i]
                && points >= SPREAD
            {
                out.push(ConditionFlag::Spread { condition: c, points });
            }
        }
        out
    }
}

/// The mean of the values present, in tenths (None when none is).
pub fn mean_of_tenths(values: &[Option<u8>]) -> Option<u8> {
    let (sum, n) = values.iter().flatten().fold((0u32, 0u32), |(s, n), v| (s + u32::from(*v), n + 1));
    (n > 0).then(|| ((sum + n / 2) / n) as u8)
}

/// A compact sparkline of values in tenths from 10 to 50: one character per
/// value, `·` for a meeting without one.
pub fn sparkline(values: &[Option<u8>]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    values
        .iter()
        .map(|v| match v {
            None => '·',
            Some(v) => {
                let v = u32::from((*v).clamp(10, 50)) - 10;
                BARS[((v * 7 + 20) / 40) as usize]
            }
        })
        .collect()
}

/// A value in tenths as people read it: "3" or "3,5" / "3.5".
pub fn format_tenths(v: u8, decimal_comma: bool) -> String {
    if v.is_multiple_of(10) {
        (v / 10).to_string()
    } else {
        let sep = if decimal_comma { ',' } else { '.' };
        format!("{}{sep}{}", v / 10, v % 10)
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::domain::PartyFields;

    fn at(s: &str) -> Timestamp {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn meeting(id: &str, date: &str) -> Session {
        let t = at(&format!("{date}T10:00:00+02:00"));
        let mut s = Session::new(id.into(), "Zuiderveld", t.date_naive(), "", t).unwrap();
        for o in ["Gemeente", "Woonstede", "De Linde"] {
            s.add_party(&PartyFields { organisation: o.into(), ..Default::default() }, t).unwrap();
            s.updated_at += chrono::Duration::seconds(1);
        }
        s
    }

    fn score_all(s: &mut Session, scores: [u8; 5]) {
        let t = s.updated_at;
        for (c, v) in Condition::ALL.iter().zip(scores) {
            s.score_condition(*c, Some(v), "", t).unwrap();
        }
    }

    #[test]
    fn the_ids_are_the_briefs() {
        let ids: Vec<_> = Condition::ALL.iter().map(|c| c.id()).collect();
        assert_eq!(
            ids,
            [
                "gedeelde_ambitie",
                "recht_doen_aan_belangen",
                "relatie",
                "professioneel_organiseren",
                "betekenisgevend_proces"
            ]
        );
    }

    #[test]
    fn scores_are_one_to_five_and_notes_are_kept() {
        let mut s = meeting("m", "2026-05-20");
        let t = s.updated_at;
        assert_eq!(
            s.score_condition(Condition::Relatie, Some(0), "", t),
            Err(DomainError::ScoreOutOfRange(0))
        );
        assert_eq!(
            s.score_condition(Condition::Relatie, Some(6), "", t),
            Err(DomainError::ScoreOutOfRange(6))
        );
        s.score_condition(Condition::Relatie, Some(3), "  twee mensen botsen ", t).unwrap();
        assert_eq!(s.conditions[&Condition::Relatie].note, "twee mensen botsen");
        assert_eq!(s.condition_values()[2], Some(30));
        // Clearing score and note removes the entry: nothing is left to show.
        s.score_condition(Condition::Relatie, None, "", t).unwrap();
        assert!(s.conditions.is_empty());
        assert!(s.problems().is_empty());
    }

    #[test]
    fn party_scores_average_when_the_room_did_not_score() {
        let mut s = meeting("m", "2026-05-20");
        let t = s.updated_at;
        let ids: Vec<String> = s.parties.iter().map(|p| p.id.clone()).collect();
        s.score_condition_for_party(Condition::GedeeldeAmbitie, &ids[0], Some(4), "", t).unwrap();
        s.score_condition_for_party(Condition::GedeeldeAmbitie, &ids[1], Some(2), "ziet vernieuwen", t)
            .unwrap();
        s.score_condition_for_party(Condition::GedeeldeAmbitie, &ids[2], Some(3), "", t).unwrap();
        assert!(s.score_condition_for_party(Condition::GedeeldeAmbitie, "nobody", Some(3), "", t).is_err());
        let check = &s.conditions[&Condition::GedeeldeAmbitie];
        assert_eq!((check.value(), check.spread()), (Some(30), Some(2)));
        s.score_condition_for_party(Condition::GedeeldeAmbitie, &ids[2], None, "", t).unwrap();
        assert_eq!(s.conditions[&Condition::GedeeldeAmbitie].value(), Some(30), "(4 + 2) / 2");
        s.score_condition_for_party(Condition::GedeeldeAmbitie, &ids[1], Some(3), "", t).unwrap();
        assert_eq!(s.conditions[&Condition::GedeeldeAmbitie].value(), Some(35));
        // The room's score counts over the parties' mean.
        s.score_condition(Condition::GedeeldeAmbitie, Some(5), "", t).unwrap();
        assert_eq!(s.conditions[&Condition::GedeeldeAmbitie].value(), Some(50));
        assert!(s.problems().is_empty(), "{:?}", s.problems());
    }

    #[test]
    fn the_trend_flags_low_scores_drops_and_spread_in_the_latest_meeting() {
        let mut m1 = meeting("m1", "2026-03-12");
        score_all(&mut m1, [4, 3, 2, 3, 3]);
        let mut m2 = meeting("m2", "2026-04-09");
        score_all(&mut m2, [4, 3, 3, 3, 4]);
        m2.score_condition(Condition::ProfessioneelOrganiseren, None, "", m2.updated_at).unwrap();
        let mut m3 = meeting("m3", "2026-05-20");
        score_all(&mut m3, [3, 3, 4, 2, 4]);
        let p: Vec<String> = m3.parties.iter().map(|p| p.id.clone()).collect();
        let t = m3.updated_at;
        m3.score_condition_for_party(Condition::RechtDoenAanBelangen, &p[0], Some(4), "", t).unwrap();
        m3.score_condition_for_party(Condition::RechtDoenAanBelangen, &p[1], Some(2), "", t).unwrap();

        let trend = conditions_trend([&m3, &m1, &m2]);
        assert_eq!(trend.series(Condition::Relatie), [Some(20), Some(30), Some(40)]);
        assert_eq!(trend.series(Condition::ProfessioneelOrganiseren), [Some(30), None, Some(20)]);
        assert_eq!(trend.means(), [Some(30), Some(35), Some(32)]);
        assert_eq!(
            trend.flags(),
            [
                ConditionFlag::Drop { condition: Condition::GedeeldeAmbitie, from: 40, to: 30 },
                ConditionFlag::Spread { condition: Condition::RechtDoenAanBelangen, points: 2 },
                ConditionFlag::Low { condition: Condition::ProfessioneelOrganiseren, value: 20 },
                // Compared with the last meeting that scored it (m1), over a gap.
                ConditionFlag::Drop { condition: Condition::ProfessioneelOrganiseren, from: 30, to: 20 },
            ]
        );
        assert!(conditions_trend([]).flags().is_empty());
        assert!(conditions_trend([&meeting("x", "2026-01-01")]).is_empty());
    }

    #[test]
    fn sparklines_and_numbers_read_at_a_glance() {
        assert_eq!(sparkline(&[Some(10), Some(30), Some(50), None, Some(45)]), "▁▅█·▇");
        assert_eq!(sparkline(&[]), "");
        assert_eq!(format_tenths(30, true), "3");
        assert_eq!(format_tenths(35, true), "3,5");
        assert_eq!(format_tenths(35, false), "3.5");
        assert_eq!(mean_of_tenths(&[Some(40), None, Some(25)]), Some(33));
        assert_eq!(mean_of_tenths(&[None]), None);
    }
}
