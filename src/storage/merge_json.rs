//! The JSON side of the three-way merge (see the module above): the three
//! versions as raw JSON text, merged value by value, objects key by key,
//! lists item by item by id. Text is compared before anything is parsed, so
//! only the parts that differ cost work.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use serde::Deserialize;
use serde::de::{MapAccess, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;

use crate::domain::{ConflictKind, Timestamp};

pub(super) struct Found {
    pub(super) path: Vec<String>,
    pub(super) kind: ConflictKind,
    pub(super) other: Option<Value>,
}

#[derive(Default)]
pub(super) struct Cx {
    pub(super) path: Vec<String>,
    pub(super) conflicts: Vec<Found>,
    pub(super) came_in: usize,
    /// Look for two new items under one id: a common version is known (an
    /// item missing from it is new) and theirs has not been separated yet.
    pub(super) spot_same_ids: bool,
    /// Ids of items both sides added (absent from the known base) with
    /// other content: two items that got the same id (see `merge_ids.rs`).
    pub(super) same_ids: Vec<String>,
}

pub(super) type Raw<'a> = &'a RawValue;

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
    pub(super) fn merge(
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
            let kept = match (b, o, t) {
                // Two new items under one id: noted, ours kept as it is; the
                // merge runs again with theirs under a fresh id.
                (None, Some(o), Some(t)) if has_ids && self.spot_same_ids && !same(Some(o), Some(t)) => {
                    self.same_ids.push(key);
                    out.push_str(o.get());
                    true
                }
                _ if has_ids => {
                    self.path.push(key);
                    let kept = self.merge(b, o, t, None, out);
                    self.path.pop();
                    kept
                }
                _ => self.merge(b, o, t, None, out),
            };
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
pub(super) fn order(
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
