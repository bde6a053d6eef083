//! Which version to merge an outside change against (the base of the
//! three-way merge in [`super::sync::Disk::sync`]), when the change may not
//! have been made from the version ours was made from.
//!
//! The base decides what counts as removed: an item in the base and missing
//! on one side was removed by that side. So a base must be a version both
//! sides were made from; an item one side never had must not be in it.

use std::collections::{HashSet, VecDeque};
use std::sync::Arc;

use serde_json::Value;

use crate::domain::Session;

/// The base for merging `theirs` into `ours`. Usually that is `base` (the
/// version ours was made from). But a version can come in that was made
/// from an earlier one: a second laptop's kompas that had not yet seen our
/// latest saves, or a program that wrote in the same moment we did.
/// Measured against our latest version, everything we added since would
/// look removed by them. So, when theirs lacks items of `base`:
///
/// * the newest of the versions we wrote or read before whose items (by
///   id) are all still in theirs and in ours: one both were made from. It
///   must be in ours too: the program may not have taken in a version read
///   here (it had moved on, and the next sync merges it), and items ours
///   never had would look removed by ours;
/// * else `base` without the items one of the two lacks: with no version
///   known that both were made from, an item missing on one side may be one
///   that side never had, and is kept (a removal made there comes back;
///   nothing is lost). Both found by the sync simulation
///   (`tests/sync_simulation.rs`).
pub(super) fn choose_base(
    base: &Arc<Session>,
    history: &VecDeque<Arc<Session>>,
    theirs: &Session,
    ours: &Session,
) -> Arc<Session> {
    // No earlier versions: a large session (they are not kept; the
    // comparisons below would cost more than the merge) or the first sync
    // after opening, whose base is the version read.
    if history.is_empty() {
        return Arc::clone(base);
    }
    let theirs_ids = item_ids(theirs);
    if item_ids(base).is_subset(&theirs_ids) {
        return Arc::clone(base);
    }
    let ours_ids = item_ids(ours);
    let common = |s: &Session| {
        let ids = item_ids(s);
        ids.is_subset(&theirs_ids) && ids.is_subset(&ours_ids)
    };
    if let Some(h) = history.iter().rev().find(|h| common(h)) {
        return Arc::clone(h);
    }
    let both: HashSet<String> = theirs_ids.intersection(&ours_ids).cloned().collect();
    Arc::new(keep_items(base, &both).unwrap_or_else(|| (**base).clone()))
}

/// `s` with every list item whose id is not in `keep` taken out; `None`
/// when the result does not read back as a session.
fn keep_items(s: &Session, keep: &HashSet<String>) -> Option<Session> {
    fn walk(v: &mut Value, keep: &HashSet<String>) {
        match v {
            Value::Object(m) => m.values_mut().for_each(|x| walk(x, keep)),
            Value::Array(items) => {
                items.retain(|x| match x.get("id") {
                    Some(Value::String(id)) if x.is_object() => keep.contains(id),
                    _ => true,
                });
                items.iter_mut().for_each(|x| walk(x, keep));
            }
            _ => {}
        }
    }
    let mut v = serde_json::to_value(s).ok()?;
    walk(&mut v, keep);
    serde_json::from_value(v).ok()
}

/// The ids of every item of every list of objects in the session.
fn item_ids(s: &Session) -> HashSet<String> {
    fn walk(v: &Value, in_list: bool, out: &mut HashSet<String>) {
        match v {
            Value::Object(m) => {
                if in_list && let Some(Value::String(id)) = m.get("id") {
                    out.insert(id.clone());
                }
                m.values().for_each(|x| walk(x, false, out));
            }
            Value::Array(items) => items.iter().for_each(|x| walk(x, true, out)),
            _ => {}
        }
    }
    let mut out = HashSet::new();
    if let Ok(v) = serde_json::to_value(s) {
        walk(&v, false, &mut out);
    }
    out
}
