//! Trust stage per meeting (issue 10): one of four ordered stages, with a
//! note, and its trend over a chain of meetings. The sources give the names
//! only. Kept apart from the thermometer's `waakzaam`: the sources do not
//! link them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::id_enum;
use super::{Extra, Session, Timestamp};

id_enum! {
    /// The four stages of trust, from vigilance to unhindered collaboration.
    pub enum TrustStage {
        WaakzaamContracteren => "waakzaam_contracteren",
        OnderzoekendUitwisselen => "onderzoekend_uitwisselen",
        BerekenendVerbinden => "berekenend_verbinden",
        OnbelemmerdSamenwerken => "onbelemmerd_samenwerken",
    }
}

impl TrustStage {
    /// Number shown to people, 1 to 4.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }
}

/// The trust stage the facilitator sees in this meeting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrustReading {
    pub stage: TrustStage,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// When it was set or last changed.
    pub at: Timestamp,
    #[serde(flatten)]
    pub extra: Extra,
}

/// How the stage moved since the last meeting that recorded one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrustMove {
    First,
    Up,
    Same,
    Down,
}

impl Session {
    /// Set this meeting's trust stage and note.
    pub fn set_trust(&mut self, stage: TrustStage, note: &str, now: Timestamp) {
        let extra = self.trust.take().map(|t| t.extra).unwrap_or_default();
        self.trust = Some(TrustReading { stage, note: note.trim().to_string(), at: now, extra });
        self.updated_at = now;
    }

    /// Remove this meeting's trust stage; returns it, for undo.
    pub fn clear_trust(&mut self, now: Timestamp) -> Option<TrustReading> {
        let old = self.trust.take();
        if old.is_some() {
            self.updated_at = now;
        }
        old
    }
}

/// The stage of each meeting of a chain (any order; put in date order).
pub fn trust_trend<'a>(chain: impl IntoIterator<Item = &'a Session>) -> Vec<(NaiveDate, Option<TrustStage>)> {
    let mut order: Vec<&Session> = chain.into_iter().collect();
    order.sort_by_key(|s| (s.meeting_date, s.created_at));
    order.iter().map(|s| (s.meeting_date, s.trust.as_ref().map(|t| t.stage))).collect()
}

/// How the last recorded stage of `trend` moved against the one before it;
/// None when the last meeting recorded none.
pub fn trust_move(trend: &[(NaiveDate, Option<TrustStage>)]) -> Option<TrustMove> {
    let (last, earlier) = trend.split_last()?;
    let now = last.1?;
    Some(match earlier.iter().rev().find_map(|(_, s)| *s) {
        None => TrustMove::First,
        Some(before) if now > before => TrustMove::Up,
        Some(before) if now < before => TrustMove::Down,
        Some(_) => TrustMove::Same,
    })
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;

    fn at(s: &str) -> Timestamp {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn stages_are_ordered_and_named_by_the_brief() {
        let ids: Vec<_> = TrustStage::ALL.iter().map(|s| s.id()).collect();
        assert_eq!(
            ids,
            [
                "waakzaam_contracteren",
                "onderzoekend_uitwisselen",
                "berekenend_verbinden",
                "onbelemmerd_samenwerken"
            ]
        );
        assert!(TrustStage::WaakzaamContracteren < TrustStage::OnbelemmerdSamenwerken);
        assert_eq!(TrustStage::BerekenendVerbinden.number(), 3);
        // The thermometer's watchful level is another id altogether.
        assert!(TrustStage::from_id("waakzaam").is_none());
    }

    #[test]
    fn one_stage_per_meeting_with_its_trend() {
        let t1 = at("2026-03-12T10:00:00+01:00");
        let mut m1 = Session::new("m1".into(), "Z", t1.date_naive(), "", t1).unwrap();
        m1.set_trust(TrustStage::WaakzaamContracteren, " eerst zien ", t1);
        assert_eq!(m1.trust.as_ref().unwrap().note, "eerst zien");
        let t2 = at("2026-04-09T10:00:00+02:00");
        let mut m2 = m1.follow_up("m2".into(), "m1.json", t2.date_naive(), t2);
        assert!(m2.trust.is_none(), "every meeting reads trust afresh");
        m2.set_trust(TrustStage::OnderzoekendUitwisselen, "", t2);
        let t3 = at("2026-05-20T10:00:00+02:00");
        let mut m3 = m2.follow_up("m3".into(), "m2.json", t3.date_naive(), t3);

        let trend = trust_trend([&m3, &m1, &m2]);
        let stages: Vec<_> = trend.iter().map(|(_, s)| *s).collect();
        assert_eq!(
            stages,
            [Some(TrustStage::WaakzaamContracteren), Some(TrustStage::OnderzoekendUitwisselen), None]
        );
        assert_eq!(trust_move(&trend), None);
        assert_eq!(trust_move(&trend[..2]), Some(TrustMove::Up));
        assert_eq!(trust_move(&trend[..1]), Some(TrustMove::First));

        m3.set_trust(TrustStage::WaakzaamContracteren, "", t3);
        assert_eq!(trust_move(&trust_trend([&m1, &m2, &m3])), Some(TrustMove::Down));
        assert_eq!(m3.clear_trust(t3).map(|t| t.stage), Some(TrustStage::WaakzaamContracteren));
        assert!(m3.trust.is_none() && m3.clear_trust(t3).is_none());
    }
}
