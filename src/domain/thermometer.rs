//! The conflict thermometer (issue 10): readings of the facilitator and of
//! single parties, the interventions tried at a level, the difference
//! between readings, and the history of readings over a chain of meetings.
//!
//! The types live in `items.rs` ([`TemperatureReading`], [`Temperature`]),
//! where version 1 of the file format put them; this module adds the rules.

use chrono::NaiveDate;

use super::{DomainError, Extra, Session, Temperature, TemperatureReading, Ticked, Timestamp};

/// A party reads the room differently from the facilitator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadingDifference {
    /// Id of the party.
    pub party: String,
    pub party_level: Temperature,
    pub facilitator_level: Temperature,
}

/// One reading of a chain of meetings, for the thermometer chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainReading {
    /// Position of its meeting in the chain (date order), from 0.
    pub meeting: usize,
    pub at: Timestamp,
    pub level: Temperature,
    /// The party's organisation, or `None` for the facilitator's reading.
    pub party: Option<String>,
}

/// Every reading of a chain of meetings, in time order within each meeting.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadingHistory {
    /// The meetings' dates, in date order.
    pub meetings: Vec<NaiveDate>,
    pub readings: Vec<ChainReading>,
}

impl ReadingHistory {
    /// The facilitator's last reading of each meeting (None where the
    /// meeting has none): the line of the chart.
    pub fn last_per_meeting(&self) -> Vec<Option<Temperature>> {
        let mut out = vec![None; self.meetings.len()];
        for r in self.readings.iter().filter(|r| r.party.is_none()) {
            out[r.meeting] = Some(r.level);
        }
        out
    }
}

/// The readings of a chain of meetings (any order; put in date order).
pub fn reading_history<'a>(chain: impl IntoIterator<Item = &'a Session>) -> ReadingHistory {
    let mut order: Vec<&Session> = chain.into_iter().collect();
    order.sort_by_key(|s| (s.meeting_date, s.created_at));
    let mut h = ReadingHistory::default();
    for (n, s) in order.iter().enumerate() {
        h.meetings.push(s.meeting_date);
        let mut readings: Vec<&TemperatureReading> = s.temperature.iter().collect();
        readings.sort_by_key(|r| r.at);
        for r in readings {
            let party =
                r.party.as_deref().map(|p| s.party(p).map_or(p, |p| p.organisation.as_str()).to_string());
            h.readings.push(ChainReading { meeting: n, at: r.at, level: r.level, party });
        }
    }
    h
}

impl Session {
    fn reading_index(&self, id: &str) -> Result<usize, DomainError> {
        self.temperature.iter().position(|t| t.id == id).ok_or_else(|| DomainError::NotFound(id.to_string()))
    }

    /// Record a reading: the facilitator's (`party` None) or a party's.
    pub fn record_reading(
        &mut self,
        level: Temperature,
        party: Option<&str>,
        note: &str,
        now: Timestamp,
    ) -> Result<String, DomainError> {
        if let Some(p) = party {
            self.check_party(p)?;
        }
        let id = self.new_id('t', now);
        self.temperature.push(TemperatureReading {
            id: id.clone(),
            level,
            note: note.trim().to_string(),
            phase: self.phase,
            at: now,
            party: party.map(String::from),
            tried: Default::default(),
            extra: Extra::new(),
        });
        self.updated_at = now;
        Ok(id)
    }

    /// Change a reading's level, reader or note. Its time stays the moment it
    /// was taken; interventions already ticked stay ticked.
    pub fn update_reading(
        &mut self,
        id: &str,
        level: Temperature,
        party: Option<&str>,
        note: &str,
        now: Timestamp,
    ) -> Result<(), DomainError> {
        if let Some(p) = party {
            self.check_party(p)?;
        }
        let i = self.reading_index(id)?;
        let r = &mut self.temperature[i];
        r.level = level;
        r.party = party.map(String::from);
        r.note = note.trim().to_string();
        self.updated_at = now;
        Ok(())
    }

    /// Tick an intervention as tried on a reading, or untick it. Returns
    /// whether it is ticked now.
    pub fn toggle_tried(
        &mut self,
        reading: &str,
        intervention: &str,
        now: Timestamp,
    ) -> Result<bool, DomainError> {
        let intervention = intervention.trim();
        if intervention.is_empty() {
            return Err(DomainError::Empty("intervention"));
        }
        let i = self.reading_index(reading)?;
        let tried = &mut self.temperature[i].tried;
        let ticked = if tried.remove(intervention).is_some() {
            false
        } else {
            tried.insert(intervention.to_string(), Ticked { at: now, extra: Extra::new() });
            true
        };
        self.updated_at = now;
        Ok(ticked)
    }

    /// The facilitator's readings, oldest first as recorded.
    pub fn facilitator_readings(&self) -> impl Iterator<Item = &TemperatureReading> {
        self.temperature.iter().filter(|t| t.party.is_none())
    }

    /// The latest reading of each party that gave one, in party order.
    pub fn latest_party_readings(&self) -> Vec<&TemperatureReading> {
        self.parties
            .iter()
            .filter_map(|p| {
                self.temperature
                    .iter()
                    .filter(|t| t.party.as_deref() == Some(p.id.as_str()))
                    .max_by_key(|t| t.at)
            })
            .collect()
    }

    /// Parties whose latest reading differs from the facilitator's latest:
    /// a difference worth discussing in the room.
    pub fn reading_differences(&self) -> Vec<ReadingDifference> {
        let Some(mine) = self.latest_temperature() else { return Vec::new() };
        self.latest_party_readings()
            .into_iter()
            .filter(|r| r.level != mine.level)
            .map(|r| ReadingDifference {
                party: r.party.clone().unwrap_or_default(),
                party_level: r.level,
                facilitator_level: mine.level,
            })
            .collect()
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

    fn meeting(id: &str, when: &str) -> (Session, String, String) {
        let t = at(when);
        let mut s = Session::new(id.into(), "Zuiderveld", t.date_naive(), "", t).unwrap();
        let f = |o: &str| PartyFields { organisation: o.into(), ..Default::default() };
        let a = s.add_party(&f("Woonstede"), t).unwrap();
        let b = s.add_party(&f("De Linde"), t + chrono::Duration::seconds(1)).unwrap();
        (s, a, b)
    }

    #[test]
    fn party_readings_are_apart_from_the_facilitators() {
        let (mut s, woon, linde) = meeting("m", "2026-04-09T09:00:00+02:00");
        let t = |m: i64| at("2026-04-09T09:00:00+02:00") + chrono::Duration::minutes(m);
        s.record_reading(Temperature::Onenigheid, None, "wie betaalt?", t(10)).unwrap();
        s.record_reading(Temperature::Conflict, Some(&woon), "", t(11)).unwrap();
        s.record_reading(Temperature::Vriendschappelijk, None, "", t(90)).unwrap();
        s.record_reading(Temperature::Waakzaam, Some(&woon), "nog niet gerust", t(91)).unwrap();
        s.record_reading(Temperature::Vriendschappelijk, Some(&linde), "", t(92)).unwrap();
        assert!(s.record_reading(Temperature::Conflict, Some("nobody"), "", t(93)).is_err());

        assert_eq!(
            s.latest_temperature().unwrap().level,
            Temperature::Vriendschappelijk,
            "the facilitator's"
        );
        assert_eq!(s.facilitator_readings().count(), 2);
        let latest: Vec<_> = s.latest_party_readings().iter().map(|r| r.level).collect();
        assert_eq!(latest, [Temperature::Waakzaam, Temperature::Vriendschappelijk]);
        assert_eq!(
            s.reading_differences(),
            [ReadingDifference {
                party: woon.clone(),
                party_level: Temperature::Waakzaam,
                facilitator_level: Temperature::Vriendschappelijk
            }]
        );
        assert!(s.problems().is_empty(), "{:?}", s.problems());
    }

    #[test]
    fn interventions_are_ticked_and_unticked_with_their_time() {
        let (mut s, _, _) = meeting("m", "2026-04-09T09:00:00+02:00");
        let t = at("2026-04-09T09:30:00+02:00");
        let r = s.record_reading(Temperature::Onenigheid, None, "", t).unwrap();
        assert!(s.toggle_tried(&r, "perspectief", t).unwrap());
        assert!(s.toggle_tried(&r, "waarom_samen", t + chrono::Duration::minutes(5)).unwrap());
        assert_eq!(s.temperature[0].tried["perspectief"].at, t);
        assert!(!s.toggle_tried(&r, "perspectief", t).unwrap());
        assert_eq!(s.temperature[0].tried.len(), 1);
        assert_eq!(s.toggle_tried(&r, " ", t), Err(DomainError::Empty("intervention")));
        assert!(s.toggle_tried("nope", "x", t).is_err());
        // Editing the reading keeps what was tried.
        s.update_reading(&r, Temperature::Conflict, None, " fel ", t).unwrap();
        assert_eq!((s.temperature[0].level, s.temperature[0].note.as_str()), (Temperature::Conflict, "fel"));
        assert_eq!(s.temperature[0].tried.len(), 1);
    }

    #[test]
    fn the_history_runs_over_the_whole_chain_in_date_order() {
        let (mut m1, woon, _) = meeting("m1", "2026-03-12T10:00:00+01:00");
        m1.record_reading(Temperature::Waakzaam, None, "", at("2026-03-12T11:00:00+01:00")).unwrap();
        let mut m2 = m1.follow_up(
            "m2".into(),
            "m1.json",
            NaiveDate::from_ymd_opt(2026, 4, 9).unwrap(),
            at("2026-04-09T09:00:00+02:00"),
        );
        m2.record_reading(Temperature::Vriendschappelijk, None, "", at("2026-04-09T11:00:00+02:00")).unwrap();
        m2.record_reading(Temperature::Onenigheid, None, "", at("2026-04-09T09:50:00+02:00")).unwrap();
        m2.record_reading(Temperature::Waakzaam, Some(&woon), "", at("2026-04-09T11:01:00+02:00")).unwrap();
        let m3 = m2.follow_up(
            "m3".into(),
            "m2.json",
            NaiveDate::from_ymd_opt(2026, 5, 20).unwrap(),
            at("2026-05-20T09:00:00+02:00"),
        );
        assert!(m3.temperature.is_empty(), "readings start afresh in every meeting");

        let h = reading_history([&m3, &m1, &m2]);
        assert_eq!(h.meetings.len(), 3);
        let seq: Vec<_> = h.readings.iter().map(|r| (r.meeting, r.level, r.party.as_deref())).collect();
        assert_eq!(
            seq,
            [
                (0, Temperature::Waakzaam, None),
                (1, Temperature::Onenigheid, None),
                (1, Temperature::Vriendschappelijk, None),
                (1, Temperature::Waakzaam, Some("Woonstede")),
            ]
        );
        assert_eq!(
            h.last_per_meeting(),
            [Some(Temperature::Waakzaam), Some(Temperature::Vriendschappelijk), None]
        );
        assert_eq!(reading_history([]), ReadingHistory::default());
    }

    #[test]
    fn the_briefs_id_of_the_first_level_reads_as_an_alias() {
        let short: Temperature = serde_json::from_str("\"vriendschappelijk\"").unwrap();
        let long: Temperature = serde_json::from_str("\"vriendschappelijk_aangenaam\"").unwrap();
        assert_eq!(short, long);
        assert_eq!(serde_json::to_string(&long).unwrap(), "\"vriendschappelijk\"", "written as v1 wrote it");
        assert_eq!(Temperature::Vriendschappelijk.model_id(), "vriendschappelijk_aangenaam");
        assert_eq!(Temperature::Waakzaam.model_id(), "waakzaam");
    }
}
