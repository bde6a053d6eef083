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
//!   and is flagged; `updated_at` takes the later time.
//!
//! It reads the three versions as raw JSON text and compares text before it
//! parses anything, so only the parts that differ cost work. The large
//! lists of a meeting (interests, agreements, reflections) are compared as
//! typed values first, item by item by id, and only items changed on both
//! sides go through the JSON ([`typed`]): merging the large 5 MB session
//! then costs a fraction of writing it out.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use serde::Deserialize;
use serde::de::{MapAccess, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;

use crate::domain::{Conflict, ConflictKind, Session, Timestamp};

#[path = "merge_typed.rs"]
mod typed;

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
    let mut cx = Cx::default();
    let mut out = String::with_capacity(o.len() + o.len() / 8);
    let (rb, ro, rt) = (b.as_deref().map(raw).transpose()?, raw(&o)?, raw(&t)?);
    if !cx.merge(rb, Some(ro), Some(rt), None, &mut out) {
        return Err(MergeError("nothing left".into()));
    }
    let mut session: Session = serde_json::from_str(&out).map_err(|e| MergeError(e.to_string()))?;
    typed::merge_lists(&mut cx, base, ours, theirs, &mut session)?;
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

struct Found {
    path: Vec<String>,
    kind: ConflictKind,
    other: Option<Value>,
}

#[derive(Default)]
struct Cx {
    path: Vec<String>,
    conflicts: Vec<Found>,
    came_in: usize,
}

type Raw<'a> = &'a RawValue;

fn first_byte(r: Raw) -> u8 {
    r.get().bytes().find(|b| !b.is_ascii_whitespace()).unwrap_or(b'n')
}

fn value(r: Raw) -> Value {
    serde_json::from_str(r.get()).unwrap_or(Value::Null)
}

/// The same JSON value? The three versions are written by one serializer,
/// so equal values have equal text; only single values (`1.0` and `1`) are
/// compared as values. Two objects or lists with other text are merged
/// member by member, which gives the same result when they are equal.
fn same(a: Option<Raw>, b: Option<Raw>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            a.get() == b.get() || (!matches!(first_byte(a), b'{' | b'[') && value(a) == value(b))
        }
        _ => false,
    }
}

/// An object's members in order, values unparsed.
struct Members<'a>(Vec<(String, Raw<'a>)>);

impl<'de> Deserialize<'de> for Members<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Members<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, Raw<'de>>()? {
                    out.push((k, v));
                }
                Ok(Members(out))
            }
        }
        d.deserialize_map(V)
    }
}

fn members(r: Raw) -> Vec<(String, Raw)> {
    serde_json::from_str::<Members>(r.get()).map(|m| m.0).unwrap_or_default()
}

fn items(r: Raw) -> Vec<Raw> {
    serde_json::from_str::<Vec<Raw>>(r.get()).unwrap_or_default()
}

#[derive(Deserialize)]
struct IdOf<'a> {
    #[serde(borrow)]
    id: Option<std::borrow::Cow<'a, str>>,
}

/// The id of a list item that is an object with a text `id`.
fn id_of(r: Raw) -> Option<String> {
    if first_byte(r) != b'{' {
        return None;
    }
    // Our own serializer writes `id` first: read it without scanning the
    // whole item. Anything else (escapes, another order) takes the long way.
    if let Some(rest) = r.get().trim_start().strip_prefix("{\"id\":\"")
        && let Some(end) = rest.find(['"', '\\'])
        && rest.as_bytes()[end] == b'"'
    {
        return Some(rest[..end].to_string());
    }
    serde_json::from_str::<IdOf>(r.get()).ok()?.id.map(|c| c.into_owned())
}

/// Keys of the items of a list: their ids when every item has one and no id
/// repeats; else the item's whole value plus which occurrence it is.
fn keys(lists: &[&[Raw]]) -> Vec<Vec<String>> {
    let by_id: Option<Vec<Vec<String>>> = lists
        .iter()
        .map(|l| {
            let ids: Option<Vec<String>> = l.iter().map(|r| id_of(r)).collect();
            ids.filter(|ids| ids.iter().collect::<HashSet<_>>().len() == ids.len())
        })
        .collect();
    if let Some(k) = by_id {
        return k;
    }
    lists
        .iter()
        .map(|l| {
            let mut seen: HashMap<String, usize> = HashMap::new();
            l.iter()
                .map(|r| {
                    let canonical = value(r).to_string();
                    let n = seen.entry(canonical.clone()).or_default();
                    *n += 1;
                    format!("{n}\u{0}{canonical}")
                })
                .collect()
        })
        .collect()
}

fn push_json_string(out: &mut String, s: &str) {
    let _ = write!(out, "{}", Value::from(s));
}

impl Cx {
    fn found(&mut self, kind: ConflictKind, other: Option<Raw>) {
        self.conflicts.push(Found { path: self.path.clone(), kind, other: other.map(value) });
    }

    /// Merge one value into `out`; false when the result is "absent".
    fn merge(
        &mut self,
        b: Option<Raw>,
        o: Option<Raw>,
        t: Option<Raw>,
        key: Option<&str>,
        out: &mut String,
    ) -> bool {
        let take = |r: Option<Raw>, out: &mut String| match r {
            Some(r) => {
                out.push_str(r.get());
                true
            }
            None => false,
        };
        if same(o, t) {
            return take(o, out);
        }
        if same(b, o) && b.is_some() {
            self.came_in += 1;
            return take(t, out);
        }
        if same(b, t) && b.is_some() {
            return take(o, out);
        }
        match (o, t) {
            (Some(o), Some(t)) => match (first_byte(o), first_byte(t)) {
                (b'{', b'{') => {
                    self.objects(b.filter(|b| first_byte(b) == b'{'), o, t, out);
                    true
                }
                (b'[', b'[') => {
                    self.lists(b.filter(|b| first_byte(b) == b'['), o, t, out);
                    true
                }
                _ if key == Some("updated_at") => {
                    let time = |r: Raw| serde_json::from_str::<Timestamp>(r.get()).ok();
                    let later = match (time(o), time(t)) {
                        (Some(x), Some(y)) if y > x => t,
                        _ => o,
                    };
                    take(Some(later), out)
                }
                _ => {
                    self.found(ConflictKind::BothChanged, Some(t));
                    take(Some(o), out)
                }
            },
            // Both sides added it (no base) or changed it differently, and
            // one of them removed it: the changed version stays, flagged.
            (None, Some(t)) => {
                if b.is_some() {
                    self.found(ConflictKind::RemovedHere, None);
                }
                self.came_in += 1;
                take(Some(t), out)
            }
            (Some(o), None) => {
                if b.is_some() {
                    self.found(ConflictKind::RemovedThere, None);
                }
                take(Some(o), out)
            }
            (None, None) => false,
        }
    }

    fn objects(&mut self, b: Option<Raw>, o: Raw, t: Raw, out: &mut String) {
        let (bm, om, tm) = (b.map(members).unwrap_or_default(), members(o), members(t));
        fn find<'a>(m: &[(String, Raw<'a>)], k: &str) -> Option<Raw<'a>> {
            m.iter().find(|(n, _)| n == k).map(|(_, v)| *v)
        }
        let mut order: Vec<&str> = om.iter().map(|(k, _)| k.as_str()).collect();
        for (k, _) in &tm {
            if !order.contains(&k.as_str()) {
                order.push(k);
            }
        }
        for (k, _) in &bm {
            if !order.contains(&k.as_str()) {
                order.push(k);
            }
        }
        out.push('{');
        let mut first = true;
        for k in order {
            let mark = out.len();
            if !first {
                out.push(',');
            }
            push_json_string(out, k);
            out.push(':');
            self.path.push(k.to_string());
            let kept = self.merge(find(&bm, k), find(&om, k), find(&tm, k), Some(k), out);
            self.path.pop();
            if kept {
                first = false;
            } else {
                out.truncate(mark);
            }
        }
        out.push('}');
    }

    fn lists(&mut self, b: Option<Raw>, o: Raw, t: Raw, out: &mut String) {
        let (bl, ol, tl) = (b.map(items).unwrap_or_default(), items(o), items(t));
        let k = keys(&[&bl, &ol, &tl]);
        let by_key = |keys: &[String]| -> HashMap<String, usize> {
            keys.iter().cloned().enumerate().map(|(i, k)| (k, i)).collect()
        };
        let (bi, oi, ti) = (by_key(&k[0]), by_key(&k[1]), by_key(&k[2]));
        let order = order(&k[0], &k[1], &k[2], &oi, &ti);
        let has_ids = k.iter().flatten().all(|k| !k.contains('\u{0}'));
        out.push('[');
        let mut first = true;
        for key in order {
            let (b, o, t) =
                (bi.get(&key).map(|&i| bl[i]), oi.get(&key).map(|&i| ol[i]), ti.get(&key).map(|&i| tl[i]));
            let mark = out.len();
            if !first {
                out.push(',');
            }
            if has_ids {
                self.path.push(key.clone());
            }
            let kept = self.merge(b, o, t, None, out);
            if has_ids {
                self.path.pop();
            }
            if kept {
                first = false;
            } else {
                out.truncate(mark);
            }
        }
        out.push(']');
    }
}

/// The order of the merged list: our order (theirs when only they moved
/// items), then each item only the other side has, placed after the item
/// it follows there (and after our own new items at that place). Items only
/// the base has come last (they are usually dropped as removed).
fn order(
    base: &[String],
    ours: &[String],
    theirs: &[String],
    oi: &HashMap<String, usize>,
    ti: &HashMap<String, usize>,
) -> Vec<String> {
    let common = |list: &[String], other: &HashMap<String, usize>| -> Vec<String> {
        list.iter().filter(|k| other.contains_key(*k)).cloned().collect()
    };
    let bi: HashMap<String, usize> = base.iter().cloned().enumerate().map(|(i, k)| (k, i)).collect();
    let we_moved = common(ours, &bi) != common(base, oi);
    let they_moved = common(theirs, &bi) != common(base, ti);
    let (lead, other, lead_index) =
        if they_moved && !we_moved { (theirs, ours, ti) } else { (ours, theirs, oi) };
    let other_set: HashSet<&String> = other.iter().collect();
    let mut result: Vec<String> = lead.to_vec();
    let mut placed: HashSet<String> = result.iter().cloned().collect();
    for (i, key) in other.iter().enumerate() {
        if placed.contains(key) {
            continue;
        }
        let after = other[..i].iter().rev().find_map(|p| result.iter().position(|r| r == p));
        let mut at = after.map_or(0, |p| p + 1);
        // Past the lead side's own new items at that spot.
        while at < result.len()
            && !bi.contains_key(&result[at])
            && lead_index.contains_key(&result[at])
            && !other_set.contains(&result[at])
        {
            at += 1;
        }
        result.insert(at, key.clone());
        placed.insert(key.clone());
    }
    for key in base {
        if !placed.contains(key) {
            result.push(key.clone());
        }
    }
    result
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
