//! The large lists of a session, merged on their typed values: the same
//! rules as the JSON merge of a list with ids (see the module above), but
//! an item the two sides agree on, or that only one side changed, is
//! compared and cloned, never written out and read back. Only an item both
//! sides changed (or one removed and the other changed) goes through the
//! JSON merge, on its own. A list whose ids repeat goes through the JSON
//! merge whole, as every other list does.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use super::MergeError;
use super::json::{Cx, order};
use crate::domain::Session;

/// Empty the lists merged here (in a copy made for the JSON merge).
pub(super) fn take_lists(s: &mut Session) {
    s.interests = Vec::new();
    s.agreements = Vec::new();
    s.reflections = Vec::new();
}

/// Merge the lists emptied by [`take_lists`] into `into`.
pub(super) fn merge_lists(
    cx: &mut Cx,
    base: Option<&Session>,
    ours: &Session,
    theirs: &Session,
    into: &mut Session,
) -> Result<(), MergeError> {
    into.interests =
        list(cx, "interests", base.map(|b| &b.interests[..]), &ours.interests, &theirs.interests, |x| &x.id)?;
    into.agreements =
        list(cx, "agreements", base.map(|b| &b.agreements[..]), &ours.agreements, &theirs.agreements, |x| {
            &x.id
        })?;
    into.reflections = list(
        cx,
        "reflections",
        base.map(|b| &b.reflections[..]),
        &ours.reflections,
        &theirs.reflections,
        |x| &x.id,
    )?;
    Ok(())
}

fn json<T: Serialize>(x: &T) -> Result<Box<RawValue>, MergeError> {
    serde_json::value::to_raw_value(x).map_err(|e| MergeError(e.to_string()))
}

/// Merge one value through the JSON merge at `cx.path`; `None`: not kept.
fn through_json<T: Serialize + DeserializeOwned>(
    cx: &mut Cx,
    b: Option<&T>,
    o: Option<&T>,
    t: Option<&T>,
) -> Result<Option<T>, MergeError> {
    let (b, o, t) = (b.map(json).transpose()?, o.map(json).transpose()?, t.map(json).transpose()?);
    let mut out = String::new();
    if !cx.merge(b.as_deref(), o.as_deref(), t.as_deref(), None, &mut out) {
        return Ok(None);
    }
    serde_json::from_str(&out).map(Some).map_err(|e| MergeError(e.to_string()))
}

fn list<T: Serialize + DeserializeOwned + PartialEq + Clone>(
    cx: &mut Cx,
    name: &str,
    b: Option<&[T]>,
    o: &[T],
    t: &[T],
    id: fn(&T) -> &String,
) -> Result<Vec<T>, MergeError> {
    // As the JSON merge does with any value: the same on both sides, or
    // changed on one side only.
    if o == t {
        return Ok(o.to_vec());
    }
    if b.is_some_and(|b| b == o) {
        cx.came_in += 1;
        return Ok(t.to_vec());
    }
    if b.is_some_and(|b| b == t) {
        return Ok(o.to_vec());
    }
    cx.path.push(name.to_string());
    let merged = items(cx, b, o, t, id);
    cx.path.pop();
    merged
}

fn items<T: Serialize + DeserializeOwned + PartialEq + Clone>(
    cx: &mut Cx,
    b: Option<&[T]>,
    o: &[T],
    t: &[T],
    id: fn(&T) -> &String,
) -> Result<Vec<T>, MergeError> {
    let whole = b;
    let b = b.unwrap_or_default();
    let keys = |l: &[T]| -> Option<Vec<String>> {
        let k: Vec<String> = l.iter().map(|x| id(x).clone()).collect();
        (k.iter().collect::<HashSet<_>>().len() == k.len()).then_some(k)
    };
    let (Some(kb), Some(ko), Some(kt)) = (keys(b), keys(o), keys(t)) else {
        // Repeated ids: the JSON merge keys such a list by whole values.
        let merged =
            through_json(cx, whole.map(<[T]>::to_vec).as_ref(), Some(&o.to_vec()), Some(&t.to_vec()))?;
        return Ok(merged.unwrap_or_default());
    };
    let index = |k: &[String]| -> HashMap<String, usize> { k.iter().cloned().zip(0..).collect() };
    let (bi, oi, ti) = (index(&kb), index(&ko), index(&kt));
    let mut out = Vec::with_capacity(o.len().max(t.len()));
    for key in order(&kb, &ko, &kt, &oi, &ti) {
        let (bx, ox, tx) =
            (bi.get(&key).map(|&i| &b[i]), oi.get(&key).map(|&i| &o[i]), ti.get(&key).map(|&i| &t[i]));
        // The rules of `Cx::merge`, on typed values.
        let kept = if ox == tx {
            ox.cloned()
        } else if bx.is_some() && bx == ox {
            cx.came_in += 1;
            tx.cloned()
        } else if bx.is_some() && bx == tx {
            ox.cloned()
        } else if let (true, None, Some(_), Some(_)) = (cx.spot_same_ids, bx, ox, tx) {
            // Two new items under one id (see `merge_ids.rs`): ours kept for
            // now, the merge runs again with theirs under a fresh id.
            cx.same_ids.push(key);
            ox.cloned()
        } else {
            cx.path.push(key);
            let merged = through_json(cx, bx, ox, tx);
            cx.path.pop();
            merged?
        };
        out.extend(kept);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::{Cx, merge};
    use crate::domain::Session;
    use crate::generate::{Size, session};
    use serde_json::value::RawValue;

    /// The whole session through the JSON merge only: what the typed lists
    /// must give too.
    fn json_only(b: &Session, o: &Session, t: &Session) -> (Session, Vec<Vec<String>>, usize) {
        let text = |s: &Session| serde_json::to_string(s).unwrap();
        let (b, o, t) = (text(b), text(o), text(t));
        fn raw(s: &str) -> &RawValue {
            serde_json::from_str(s).unwrap()
        }
        let mut cx = Cx::default();
        let mut out = String::new();
        assert!(cx.merge(Some(raw(&b)), Some(raw(&o)), Some(raw(&t)), None, &mut out));
        let mut paths: Vec<Vec<String>> = cx.conflicts.into_iter().map(|c| c.path).collect();
        paths.sort();
        (serde_json::from_str(&out).unwrap(), paths, cx.came_in)
    }

    #[test]
    fn typed_lists_merge_as_the_json_does() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-03-12T10:00:00+01:00").unwrap();
        let base = session(Size { parties: 3, interests: 12, agreements: 10, reflections: 12 }, 3);
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        // The same text on both sides: a conflict.
        ours.agreements[0].text.push_str(" (ours)");
        theirs.agreements[0].text.push_str(" (theirs)");
        // Other fields of one item, and other items.
        theirs.agreements[1].text.push_str(" (theirs)");
        ours.agreements[2].text.push_str(" (ours)");
        // Removed here, changed there; and the other way round.
        ours.interests.remove(1);
        theirs.interests[1].text.push_str(" (theirs)");
        theirs.reflections.remove(4);
        ours.reflections[4].answer.push_str(" (ours)");
        // New items on both sides, and one side moving items.
        let mut new = base.agreements[3].clone();
        new.id = "theirs-new".into();
        theirs.agreements.insert(5, new);
        let mut new = base.reflections[0].clone();
        new.id = "ours-new".into();
        ours.reflections.push(new);
        theirs.interests.swap(5, 6);
        let (want, paths, came_in) = json_only(&base, &ours, &theirs);
        let m = merge(Some(&base), &ours, &theirs, "disk", now).unwrap();
        assert_eq!(m.session.interests, want.interests);
        assert_eq!(m.session.agreements, want.agreements);
        assert_eq!(m.session.reflections, want.reflections);
        let mut got: Vec<Vec<String>> = m.session.conflicts.iter().map(|c| c.path.clone()).collect();
        got.sort();
        assert_eq!(got, paths);
        assert_eq!(m.came_in, came_in);
        assert!(paths.len() >= 3, "{paths:?}");
        // Nothing changed on our side: theirs comes in whole.
        let (want, _, _) = json_only(&ours, &ours, &theirs);
        let m = merge(Some(&ours), &ours, &theirs, "copy", now).unwrap();
        assert_eq!(m.session.agreements, want.agreements);
    }
}
