//! The three-way merge of a session: base (the version last read or
//! written), ours (in memory), theirs (on disk now, or a sync tool's copy).
//!
//! It works on the JSON of the session, so it covers every field and list
//! there is and every one added later, without code per field:
//!
//! * objects merge key by key;
//! * lists whose items are objects with an `id` merge item by item by id,
//!   keeping our order and placing their new items after the item they
//!   follow on their side; other lists (the phase history, lists of ids)
//!   merge as multisets of whole values: what either side added is kept;
//! * everything else is one value: changed on one side, that side wins;
//!   changed on both to different values is a conflict: ours stays, theirs
//!   goes into a conflict record ([`Conflict`]) for the facilitator;
//! * removed on one side and changed on the other: the changed version stays
//!   and is flagged; `updated_at` takes the later time;
//! * an id both sides added (absent from the base) for different items (two
//!   laptops in the same millisecond): two items, theirs under a fresh id
//!   ([`ids`]).
//!
//! It reads the three versions as raw JSON text and compares text before it
//! parses anything, so only the parts that differ cost work. The large
//! lists of a meeting (interests, agreements, reflections) are compared as
//! typed values first, item by item by id, and only items changed on both
//! sides go through the JSON ([`typed`]): merging the large 5 MB session
//! then costs a fraction of writing it out.

use serde_json::Value;
use serde_json::value::RawValue;

use crate::domain::{Conflict, ConflictKind, Session, Timestamp};

#[path = "merge_ids.rs"]
mod ids;
#[path = "merge_json.rs"]
mod json;
#[path = "merge_typed.rs"]
mod typed;

use json::{Cx, Found};

/// How often one merge separates items under one id (see `ids`): each
/// round follows one more step of references (a note of an agenda item of
/// a party).
const SEPARATING_ROUNDS: usize = 6;

static NEXT_CONFLICT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// What a merge gives.
#[derive(Debug)]
pub struct Merged {
    pub session: Session,
    /// Conflict records added by this merge.
    pub conflicts: usize,
    /// Values (fields or whole items) taken from theirs.
    pub came_in: usize,
}

/// A merge whose result would not be a sound session even after keeping
/// what one side removed; the caller keeps ours and saves theirs as a copy.
#[derive(Debug, thiserror::Error)]
#[error("the merged session breaks a rule: {0}")]
pub struct MergeError(pub String);

/// Merge `theirs` into `ours` over `base` (`None`: no common version is
/// known, as for a sync tool's copy; then nothing counts as removed).
/// `source` names where theirs came from in the conflict records.
pub fn merge(
    base: Option<&Session>,
    ours: &Session,
    theirs: &Session,
    source: &str,
    now: Timestamp,
) -> Result<Merged, MergeError> {
    let mut cx = Cx { spot_same_ids: base.is_some(), ..Cx::default() };
    let mut session = merge_values(&mut cx, base, ours, theirs)?;
    let mut separated: Option<Session> = None;
    let mut rounds = 0;
    while let Some(b) = base
        && !cx.same_ids.is_empty()
    {
        // Items both sides made under one id: theirs under a fresh id, and
        // merged again (`ids`). Items that were the same on both sides only
        // because they named such an item (a clock mark of an agenda item)
        // now differ and are separated in the next round; after a few
        // rounds nothing is looked for, and what is left is a conflict.
        let next = ids::separate(b, ours, separated.as_ref().unwrap_or(theirs), &cx.same_ids)?;
        rounds += 1;
        cx = Cx { spot_same_ids: rounds < SEPARATING_ROUNDS, ..Cx::default() };
        session = merge_values(&mut cx, base, ours, &next)?;
        separated = Some(next);
    }
    settle_phase(&mut session, &mut cx);
    if !session.problems().is_empty() {
        restore_needed(&mut session, base, &mut cx)?;
    }
    if let Some(p) = session.problems().first() {
        return Err(MergeError(p.to_string()));
    }
    let added = cx.conflicts.len();
    let stamp = now.timestamp_millis();
    for c in cx.conflicts {
        // Unique across merges in the same millisecond, in this process and
        // (by the time) across laptops.
        let n = NEXT_CONFLICT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        session.conflicts.push(Conflict {
            id: format!("c{stamp:x}-{n}"),
            path: c.path,
            kind: c.kind,
            other: c.other,
            source: source.to_string(),
            at: now,
        });
    }
    Ok(Merged { session, conflicts: added, came_in: cx.came_in })
}

/// The merge of the values, before the rules of a session are checked.
fn merge_values(
    cx: &mut Cx,
    base: Option<&Session>,
    ours: &Session,
    theirs: &Session,
) -> Result<Session, MergeError> {
    // The large lists of a meeting merge item by item on the typed values
    // (`typed`): equal items are compared, not written out. The rest of the
    // session, without them, goes through the JSON.
    let rest = |s: &Session| {
        let mut s = s.clone();
        typed::take_lists(&mut s);
        serde_json::to_string(&s).map_err(|e| MergeError(e.to_string()))
    };
    let (b, o, t) = std::thread::scope(|scope| {
        let o = scope.spawn(|| rest(ours));
        let t = scope.spawn(|| rest(theirs));
        let b = base.map(rest).transpose();
        let stopped = |_| Err(MergeError("stopped".into()));
        (b, o.join().unwrap_or_else(stopped), t.join().unwrap_or_else(stopped))
    });
    let (b, o, t) = (b?, o?, t?);
    fn raw(s: &str) -> Result<&RawValue, MergeError> {
        serde_json::from_str(s).map_err(|e| MergeError(e.to_string()))
    }
    let mut out = String::with_capacity(o.len() + o.len() / 8);
    let (rb, ro, rt) = (b.as_deref().map(raw).transpose()?, raw(&o)?, raw(&t)?);
    if !cx.merge(rb, Some(ro), Some(rt), None, &mut out) {
        return Err(MergeError("nothing left".into()));
    }
    let mut session: Session = serde_json::from_str(&out).map_err(|e| MergeError(e.to_string()))?;
    typed::merge_lists(cx, base, ours, theirs, &mut session)?;
    Ok(session)
}

/// Both sides moved the phase: the history holds both moves, and the phase
/// is where the last of them went; the other side's phase is in the record.
fn settle_phase(s: &mut Session, cx: &mut Cx) {
    let Some(last) = s.phase_history.last().map(|m| m.to) else { return };
    if s.phase == last {
        return;
    }
    let shown = serde_json::to_value(s.phase).ok();
    match cx.conflicts.iter_mut().find(|c| c.path.len() == 1 && c.path[0] == "phase") {
        Some(c) => c.other = shown,
        None => cx.conflicts.push(Found {
            path: vec!["phase".into()],
            kind: ConflictKind::BothChanged,
            other: shown,
        }),
    }
    s.phase = last;
}

/// Items one side removed that the other side's items still name (a party
/// with a new interest): put back where they were, flagged.
fn restore_needed(s: &mut Session, base: Option<&Session>, cx: &mut Cx) -> Result<(), MergeError> {
    let Some(base) = base else { return Ok(()) };
    let b = serde_json::to_value(base).map_err(|e| MergeError(e.to_string()))?;
    let mut v = serde_json::to_value(&*s).map_err(|e| MergeError(e.to_string()))?;
    let text = v.to_string();
    let mut missing = Vec::new();
    gone_items(&b, &v, &mut Vec::new(), &mut missing);
    let mut restored = false;
    for (list, item) in missing {
        let Some(id) = item.get("id").and_then(Value::as_str).map(str::to_string) else { continue };
        if !text.contains(&format!("\"{id}\"")) {
            continue;
        }
        if let Some(Value::Array(a)) = list_at(&mut v, &list) {
            a.push(item);
            let mut path = list.clone();
            path.push(id);
            cx.conflicts.push(Found { path, kind: ConflictKind::StillNeeded, other: None });
            restored = true;
        }
    }
    if restored {
        *s = serde_json::from_value(v).map_err(|e| MergeError(e.to_string()))?;
    }
    Ok(())
}

/// Items with an id in `base` that are not in the same list of `merged`.
fn gone_items(base: &Value, merged: &Value, path: &mut Vec<String>, out: &mut Vec<(Vec<String>, Value)>) {
    let id = |v: &Value| v.get("id").and_then(Value::as_str).map(str::to_string);
    match (base, merged) {
        (Value::Object(b), Value::Object(m)) => {
            for (k, bv) in b {
                if let Some(mv) = m.get(k) {
                    path.push(k.clone());
                    gone_items(bv, mv, path, out);
                    path.pop();
                }
            }
        }
        (Value::Array(b), Value::Array(m)) => {
            for item in b {
                let Some(i) = id(item) else { continue };
                match m.iter().find(|x| id(x).as_deref() == Some(i.as_str())) {
                    Some(mv) => {
                        path.push(i);
                        gone_items(item, mv, path, out);
                        path.pop();
                    }
                    None => out.push((path.clone(), item.clone())),
                }
            }
        }
        _ => {}
    }
}

fn list_at<'a>(v: &'a mut Value, path: &[String]) -> Option<&'a mut Value> {
    path.iter().try_fold(v, |v, seg| match v {
        Value::Object(m) => m.get_mut(seg),
        Value::Array(a) => a.iter_mut().find(|i| i.get("id").and_then(Value::as_str) == Some(seg.as_str())),
        _ => None,
    })
}
