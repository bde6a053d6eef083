//! Two items under one id. Ids are made from the time
//! (`Session::new_id`): two kompas instances on two laptops that each add
//! an item in the same millisecond give both the same id. Merged by id they
//! would be one item changed on both sides: one value kept, the other in a
//! conflict record, and the facilitator sees one agreement where the room
//! made two.
//!
//! The merge therefore notes every id that both sides added (absent from
//! the common version) with other content, and runs again with theirs under
//! a fresh id: the item itself and every reference to it in theirs (an
//! interest's or agreement's party, a note's agenda item, the room's marks,
//! a conflict record's path, the ids made from it such as a game's seats
//! and rounds `ID-s1`, `ID-r1`). Every value in theirs that names such an id
//! is theirs' own: the common version cannot name an item it does not have,
//! so whatever names it was written by the side that made it. Ours keeps its
//! ids, so nothing on this screen (a cursor, an open form, the undo
//! history) suddenly points at the other laptop's item.
//!
//! Why here and not (only) in the ids: the merge is the one place that
//! sees both sides, so it also separates items made by older versions of
//! kompas and already in files, whatever made their ids. Time-based ids
//! stay as they are: readable, in the order they were made, and the same
//! on every run (the demo chain and the tests are reproducible).
//!
//! The fresh id is the old one plus a short hash of theirs' item
//! (`a18c…-3f09c2`): two instances that separate the same pair pick the
//! same name, and `new_id` never makes an id with a dash, so a later item
//! cannot take it. Identical items added on both sides stay one item (the
//! merge never notes them). Without a common version (a sync tool's copy)
//! new and changed cannot be told apart, and nothing is separated.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::MergeError;
use crate::domain::Session;
use crate::storage::identity::fnv64;

/// `theirs` with each item whose id is in `same` (and everything in theirs
/// naming it) under a fresh id, free in all three versions.
pub(super) fn separate(
    base: &Session,
    ours: &Session,
    theirs: &Session,
    same: &[String],
) -> Result<Session, MergeError> {
    let value = |s: &Session| serde_json::to_value(s).map_err(|e| MergeError(e.to_string()));
    let (b, o, mut t) = (value(base)?, value(ours)?, value(theirs)?);
    let mut in_base = HashSet::new();
    item_ids(&b, &mut in_base);
    let mut in_ours = HashSet::new();
    item_ids(&o, &mut in_ours);
    let mut taken = in_base.clone();
    taken.extend(in_ours.iter().cloned());
    item_ids(&t, &mut taken);
    let mut items = HashMap::new();
    items_by_id(&t, &mut items);
    // The items inside a separated item (a game's answers) were made with
    // it and may share their ids with ours' too.
    let mut all: Vec<String> = same.to_vec();
    for id in same {
        let mut inner = HashSet::new();
        if let Some(item) = items.get(id.as_str()) {
            item_ids(item, &mut inner);
        }
        let prefix = format!("{id}-");
        let mut inner: Vec<String> = inner
            .into_iter()
            .filter(|x| in_ours.contains(x) && !in_base.contains(x) && !x.starts_with(&prefix))
            .collect();
        inner.sort();
        all.extend(inner);
    }
    let mut fresh: HashMap<String, String> = HashMap::new();
    for id in &all {
        if fresh.contains_key(id) {
            continue;
        }
        let content = items.get(id.as_str()).map(|v| v.to_string()).unwrap_or_default();
        let mut h = fnv64(content.as_bytes());
        let new = loop {
            let candidate = format!("{id}-{:06x}", h & 0xff_ffff);
            if !taken.contains(&candidate) {
                break candidate;
            }
            h = h.wrapping_add(1);
        };
        taken.insert(new.clone());
        fresh.insert(id.clone(), new);
    }
    rename(&mut t, &fresh, &in_base);
    serde_json::from_value(t).map_err(|e| MergeError(e.to_string()))
}

/// The ids of every object with a text `id` in a list, at any depth.
fn item_ids(v: &Value, out: &mut HashSet<String>) {
    match v {
        Value::Object(m) => m.values().for_each(|x| item_ids(x, out)),
        Value::Array(a) => {
            for x in a {
                if let Some(id) = x.get("id").and_then(Value::as_str) {
                    out.insert(id.to_string());
                }
                item_ids(x, out);
            }
        }
        _ => {}
    }
}

fn items_by_id<'a>(v: &'a Value, out: &mut HashMap<&'a str, &'a Value>) {
    match v {
        Value::Object(m) => m.values().for_each(|x| items_by_id(x, out)),
        Value::Array(a) => {
            for x in a {
                if let Some(id) = x.get("id").and_then(Value::as_str) {
                    out.entry(id).or_insert(x);
                }
                items_by_id(x, out);
            }
        }
        _ => {}
    }
}

/// The new name of `s`: the fresh id of an id in `fresh`, or of an id made
/// from one (`ID-s1`) that the common version does not have.
fn renamed(s: &str, fresh: &HashMap<String, String>, in_base: &HashSet<String>) -> Option<String> {
    if let Some(new) = fresh.get(s) {
        return Some(new.clone());
    }
    if in_base.contains(s) {
        return None;
    }
    s.match_indices('-').find_map(|(at, _)| fresh.get(&s[..at]).map(|new| format!("{new}{}", &s[at..])))
}

/// Every text value and object key in `v` that names a renamed id.
fn rename(v: &mut Value, fresh: &HashMap<String, String>, in_base: &HashSet<String>) {
    match v {
        Value::String(s) => {
            if let Some(new) = renamed(s, fresh, in_base) {
                *s = new;
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| rename(x, fresh, in_base)),
        Value::Object(m) => {
            let keys: Vec<String> =
                m.keys().filter(|k| renamed(k, fresh, in_base).is_some()).cloned().collect();
            for k in keys {
                if let (Some(new), Some(x)) = (renamed(&k, fresh, in_base), m.remove(&k)) {
                    m.insert(new, x);
                }
            }
            m.values_mut().for_each(|x| rename(x, fresh, in_base));
        }
        _ => {}
    }
}

#[cfg(test)]
#[path = "merge_ids_tests.rs"]
mod tests;
