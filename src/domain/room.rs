//! What the room display may show. The facilitator decides: individual
//! interests ("the alderman wants visible results before the elections")
//! stay off the room's screen unless shown on purpose, and any interest,
//! agreement or reflection answer can be kept private.
//!
//! The marks are a map from item id to mark (`"room": {"i19c…": "shown"}`),
//! so a three-way merge takes them key by key, and only differences from
//! the default are stored: a session nobody marked writes no `room` field.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::items::{Interest, InterestKind};
use super::{DomainError, Session, Timestamp};

/// A facilitator's decision about one item on the room display.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RoomMark {
    /// Never on the room display.
    Private,
    /// On the room display although its kind is hidden by default (an
    /// individual interest).
    Shown,
}

impl RoomMark {
    pub const ALL: [RoomMark; 2] = [RoomMark::Private, RoomMark::Shown];

    pub fn id(self) -> &'static str {
        match self {
            RoomMark::Private => "private",
            RoomMark::Shown => "shown",
        }
    }
}

/// Marks by item id.
pub type RoomMarks = BTreeMap<String, RoomMark>;

/// The kinds of item a mark can be put on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoomItem {
    Interest,
    Agreement,
    Reflection,
}

impl Session {
    /// Is this interest on the room display? Individual interests only when
    /// shown on purpose; others unless kept private.
    pub fn interest_on_room(&self, interest: &Interest) -> bool {
        match self.room.get(&interest.id) {
            Some(RoomMark::Private) => false,
            Some(RoomMark::Shown) => true,
            None => interest.kind != InterestKind::Individueel,
        }
    }

    /// Is this agreement or reflection answer on the room display?
    pub fn on_room(&self, id: &str) -> bool {
        self.room.get(id) != Some(&RoomMark::Private)
    }

    /// What kind of markable item `id` names, if any.
    pub fn room_item(&self, id: &str) -> Option<RoomItem> {
        if self.interest_index(id).is_some() {
            Some(RoomItem::Interest)
        } else if self.agreement_index(id).is_some() {
            Some(RoomItem::Agreement)
        } else if self.reflection_index(id).is_some() {
            Some(RoomItem::Reflection)
        } else {
            None
        }
    }

    /// Whether the item with `id` is on the room display now.
    pub fn item_on_room(&self, id: &str) -> Result<bool, DomainError> {
        match self.room_item(id) {
            Some(RoomItem::Interest) => {
                let i = self.interest_index(id).ok_or_else(|| DomainError::NotFound(id.to_string()))?;
                Ok(self.interest_on_room(&self.interests[i]))
            }
            Some(_) => Ok(self.on_room(id)),
            None => Err(DomainError::NotFound(id.to_string())),
        }
    }

    /// Put the item on the room display or take it off; returns whether it
    /// is on it afterwards. Only a difference from the default is stored.
    pub fn toggle_on_room(&mut self, id: &str, now: Timestamp) -> Result<bool, DomainError> {
        let visible = !self.item_on_room(id)?;
        let by_default = match self.interest_index(id) {
            Some(i) => self.interests[i].kind != InterestKind::Individueel,
            None => true,
        };
        if visible == by_default {
            self.room.remove(id);
        } else {
            self.room.insert(id.to_string(), if visible { RoomMark::Shown } else { RoomMark::Private });
        }
        self.updated_at = now;
        Ok(visible)
    }

    /// The marks a follow-up meeting keeps: those of the interests and
    /// agreements it carries over (same ids), so what was private stays so.
    pub(super) fn carried_room_marks(&self, next: &Session) -> RoomMarks {
        self.room
            .iter()
            .filter(|(id, _)| next.interest_index(id).is_some() || next.agreement_index(id).is_some())
            .map(|(id, m)| (id.clone(), *m))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate};

    use super::*;
    use crate::domain::{AgreementFields, AgreementStatus, PartyFields};

    fn at(hm: &str) -> Timestamp {
        DateTime::parse_from_rfc3339(&format!("2026-03-12T{hm}:00+01:00")).unwrap()
    }

    fn session() -> (Session, [String; 4]) {
        let day = NaiveDate::from_ymd_opt(2026, 3, 12).unwrap();
        let mut s = Session::new("s1".into(), "Wijk", day, "", at("09:00")).unwrap();
        let party = PartyFields { organisation: "Gemeente".into(), ..Default::default() };
        let p = s.add_party(&party, at("09:01")).unwrap();
        let own = s.add_interest(&p, InterestKind::Organisatie, "Beleid waarmaken", at("09:02")).unwrap();
        let personal =
            s.add_interest(&p, InterestKind::Individueel, "Zichtbaar resultaat", at("09:03")).unwrap();
        let fields = AgreementFields {
            text: "Fonds".into(),
            owner: None,
            parties: vec![],
            due: None,
            status: AgreementStatus::Agreed,
            phase_result: false,
        };
        let agreement = s.add_agreement(&fields, at("09:04")).unwrap();
        let answer = s.add_reflection(None, "Waarom?", "Daarom", at("09:05")).unwrap();
        (s, [own, personal, agreement, answer])
    }

    #[test]
    fn individual_interests_are_hidden_until_shown_on_purpose() {
        let (mut s, [own, personal, agreement, answer]) = session();
        assert!(s.item_on_room(&own).unwrap());
        assert!(!s.item_on_room(&personal).unwrap());
        assert!(s.item_on_room(&agreement).unwrap() && s.item_on_room(&answer).unwrap());
        assert!(s.room.is_empty(), "defaults are not stored");

        assert!(s.toggle_on_room(&personal, at("10:00")).unwrap());
        assert_eq!(s.room.get(&personal), Some(&RoomMark::Shown));
        assert_eq!(s.updated_at, at("10:00"));
        assert!(!s.toggle_on_room(&personal, at("10:01")).unwrap());
        assert!(s.room.is_empty(), "back to the default leaves no mark");
    }

    #[test]
    fn any_item_can_be_kept_private() {
        let (mut s, [own, _, agreement, answer]) = session();
        for id in [&own, &agreement, &answer] {
            assert!(!s.toggle_on_room(id, at("10:00")).unwrap());
            assert_eq!(s.room.get(id), Some(&RoomMark::Private));
            assert!(!s.item_on_room(id).unwrap());
        }
        assert_eq!(s.toggle_on_room("nope", at("10:00")), Err(DomainError::NotFound("nope".into())));
    }

    #[test]
    fn marks_are_written_only_when_set_and_read_back() {
        let (mut s, [_, personal, agreement, _]) = session();
        let plain = serde_json::to_value(&s).unwrap();
        assert!(plain.get("room").is_none());
        s.toggle_on_room(&personal, at("10:00")).unwrap();
        s.toggle_on_room(&agreement, at("10:00")).unwrap();
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(json["room"][&personal], "shown");
        assert_eq!(json["room"][&agreement], "private");
        let back: Session = serde_json::from_value(json).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn a_follow_up_keeps_the_marks_of_what_it_carries() {
        let (mut s, [_, personal, agreement, answer]) = session();
        s.toggle_on_room(&personal, at("10:00")).unwrap();
        s.toggle_on_room(&agreement, at("10:00")).unwrap();
        s.toggle_on_room(&answer, at("10:00")).unwrap();
        let next =
            s.follow_up("s2".into(), "a.json", NaiveDate::from_ymd_opt(2026, 4, 9).unwrap(), at("11:00"));
        assert_eq!(next.room.get(&personal), Some(&RoomMark::Shown));
        assert_eq!(next.room.get(&agreement), Some(&RoomMark::Private));
        assert_eq!(next.room.get(&answer), None, "reflections do not carry over");
    }
}
