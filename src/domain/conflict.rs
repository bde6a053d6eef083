//! Conflict records (issue 8): what a three-way merge could not keep as the
//! value, kept beside it in the session so nothing is ever dropped silently.
//! The facilitator sees them and settles each with one key: keep what is
//! shown, or take the other value.
//!
//! A record points at its place by a path of object keys and, in lists, item
//! ids: `["agreements", "a18f3c", "text"]`. This works for every list of the
//! session, today's and the instruments' to come, because every list of
//! objects carries an `id`.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::{DomainError, Session, Timestamp};

/// What happened on the two sides.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    /// Both changed the same field: ours is shown, theirs is `other`.
    BothChanged,
    /// We removed it, the other side changed it: their version is shown
    /// (kept, so their change is not lost); `other` is absent (removed).
    RemovedHere,
    /// The other side removed it, we changed it: ours is shown; `other` is
    /// absent (removed).
    RemovedThere,
    /// Removed on one side but still referred to by the other side's items
    /// (a party with a new interest): kept; `other` is absent (removed).
    StillNeeded,
}

/// One conflict the facilitator has not settled yet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    pub id: String,
    /// Object keys and, inside lists, item ids, from the top of the session.
    pub path: Vec<String>,
    pub kind: ConflictKind,
    /// The value that is not shown. Absent: on that side the field or item
    /// was removed.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "present")]
    pub other: Option<Value>,
    /// Where `other` came from: `disk` (the file changed outside kompas) or
    /// the file name of a copy that was merged in.
    pub source: String,
    pub at: Timestamp,
}

/// A present `other` is `Some`, even when it is `null`.
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(d).map(Some)
}

/// How the facilitator settles a conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Settle {
    /// Keep what is shown; forget the other value.
    Keep,
    /// Put the other value in place (or remove the item when the other side
    /// removed it).
    TakeOther,
}

impl Session {
    /// The value at a conflict's path, as it is now (`None`: not there).
    pub fn value_at(&self, path: &[String]) -> Option<Value> {
        let v = serde_json::to_value(self).ok()?;
        walk(&v, path).cloned()
    }

    /// Settle one conflict. Refused (the session unchanged) when the other
    /// value would break a rule, e.g. removing a party that is still named.
    pub fn settle_conflict(&mut self, id: &str, how: Settle, now: Timestamp) -> Result<(), DomainError> {
        let at = self.conflicts.iter().position(|c| c.id == id).ok_or(DomainError::NotFound(id.into()))?;
        let conflict = self.conflicts[at].clone();
        if how == Settle::Keep {
            self.conflicts.remove(at);
            self.updated_at = now;
            return Ok(());
        }
        let mut v = serde_json::to_value(&*self).map_err(|e| DomainError::Conflict(e.to_string()))?;
        put(&mut v, &conflict.path, conflict.other.clone()).ok_or_else(|| {
            DomainError::Conflict(format!("{} is no longer there", conflict.path.join(".")))
        })?;
        let mut next: Session =
            serde_json::from_value(v).map_err(|e| DomainError::Conflict(e.to_string()))?;
        next.conflicts.retain(|c| c.id != id);
        next.updated_at = now;
        match next.problems().first() {
            Some(p) => Err(DomainError::Conflict(p.to_string())),
            None => {
                *self = next;
                Ok(())
            }
        }
    }
}

/// The step into `v` named by `seg`: a key of an object, the id of an item
/// of a list.
fn step<'a>(v: &'a Value, seg: &str) -> Option<&'a Value> {
    match v {
        Value::Object(m) => m.get(seg),
        Value::Array(items) => items.iter().find(|i| i.get("id").and_then(Value::as_str) == Some(seg)),
        _ => None,
    }
}

pub(crate) fn walk<'a>(v: &'a Value, path: &[String]) -> Option<&'a Value> {
    path.iter().try_fold(v, |v, seg| step(v, seg))
}

/// Put `value` at `path` (or remove what is there when `None`); `None` when
/// the place is gone.
fn put(v: &mut Value, path: &[String], value: Option<Value>) -> Option<()> {
    let (last, parents) = path.split_last()?;
    let mut parent = v;
    for seg in parents {
        parent = match parent {
            Value::Object(m) => m.get_mut(seg)?,
            Value::Array(items) => {
                items.iter_mut().find(|i| i.get("id").and_then(Value::as_str) == Some(seg.as_str()))?
            }
            _ => return None,
        };
    }
    match (parent, value) {
        (Value::Object(m), Some(value)) => {
            m.insert(last.clone(), value);
        }
        (Value::Object(m), None) => {
            m.remove(last);
        }
        (Value::Array(items), value) => {
            let at = items.iter().position(|i| i.get("id").and_then(Value::as_str) == Some(last.as_str()));
            match (at, value) {
                (Some(at), Some(value)) => items[at] = value,
                (Some(at), None) => {
                    items.remove(at);
                }
                (None, Some(value)) => items.push(value),
                (None, None) => {}
            }
        }
        _ => return None,
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, NaiveDate};

    fn now() -> Timestamp {
        DateTime::parse_from_rfc3339("2026-03-12T10:00:00+01:00").unwrap()
    }

    fn session() -> Session {
        let mut s =
            Session::new("s".into(), "Wijk", NaiveDate::from_ymd_opt(2026, 3, 12).unwrap(), "", now())
                .unwrap();
        let fields = crate::domain::PartyFields { organisation: "Gemeente".into(), ..Default::default() };
        s.add_party(&fields, now()).unwrap();
        s
    }

    fn record(path: &[&str], kind: ConflictKind, other: Option<Value>) -> Conflict {
        Conflict {
            id: "c1".into(),
            path: path.iter().map(|s| s.to_string()).collect(),
            kind,
            other,
            source: "disk".into(),
            at: now(),
        }
    }

    #[test]
    fn keep_forgets_the_other_value() {
        let mut s = session();
        s.conflicts.push(record(&["title"], ConflictKind::BothChanged, Some("Buurt".into())));
        s.settle_conflict("c1", Settle::Keep, now()).unwrap();
        assert_eq!(s.title, "Wijk");
        assert!(s.conflicts.is_empty());
    }

    #[test]
    fn take_other_puts_it_in_place_inside_a_list() {
        let mut s = session();
        let pid = s.parties[0].id.clone();
        s.conflicts.push(record(
            &["parties", &pid, "organisation"],
            ConflictKind::BothChanged,
            Some("GGD".into()),
        ));
        assert_eq!(s.value_at(&s.conflicts[0].path.clone()), Some(Value::from("Gemeente")));
        s.settle_conflict("c1", Settle::TakeOther, now()).unwrap();
        assert_eq!(s.parties[0].organisation, "GGD");
        assert!(s.conflicts.is_empty());
    }

    #[test]
    fn take_other_removes_what_the_other_side_removed() {
        let mut s = session();
        let pid = s.parties[0].id.clone();
        s.conflicts.push(record(&["parties", &pid], ConflictKind::RemovedThere, None));
        s.settle_conflict("c1", Settle::TakeOther, now()).unwrap();
        assert!(s.parties.is_empty());
    }

    #[test]
    fn a_settlement_that_breaks_a_rule_is_refused() {
        let mut s = session();
        let pid = s.parties[0].id.clone();
        let fields = crate::domain::AgreementFields {
            text: "x".into(),
            owner: Some(pid.clone()),
            parties: vec![],
            due: None,
            status: crate::domain::AgreementStatus::Proposed,
            phase_result: false,
        };
        s.add_agreement(&fields, now()).unwrap();
        s.conflicts.push(record(&["parties", &pid], ConflictKind::StillNeeded, None));
        let before = s.clone();
        assert!(s.settle_conflict("c1", Settle::TakeOther, now()).is_err());
        assert_eq!(s, before);
    }

    #[test]
    fn a_removed_value_reads_back_as_absent_and_null_as_null() {
        let mut c = record(&["x"], ConflictKind::RemovedThere, None);
        let json = serde_json::to_string(&c).unwrap();
        assert!(!json.contains("other"));
        assert_eq!(serde_json::from_str::<Conflict>(&json).unwrap().other, None);
        c.other = Some(Value::Null);
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(serde_json::from_str::<Conflict>(&json).unwrap().other, Some(Value::Null));
    }
}
