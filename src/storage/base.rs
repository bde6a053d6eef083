//! Which version to merge against: the base of the three-way merge in
//! [`super::sync::Disk::sync`].
//!
//! The base decides what counts as changed and removed: an item in the base
//! and missing on one side was removed by that side, a value in the base
//! and another on one side was changed by that side. So the base must be a
//! version both sides were made from, and nothing else: an item or a value
//! one side never had must not be in it, or that side seems to take it out.
//!
//! Guessing that from the contents alone (by item ids) lost edits in the
//! sync simulation (`tests/sync_simulation.rs`): a version read from the
//! file that the program never took in carries values ours never had. So
//! the writer keeps the lineage of the versions it met ([`Lineage`]): each
//! snapshot of the program was made from the one before it (or from what it
//! took in), each merge from its two sides, exactly; only a version another
//! program wrote has to be placed, as made from the version on disk it is
//! closest to (the one it was read from differs from it only by that
//! program's own edits). The base of two versions is then the newest
//! version both descend from.

use std::collections::{HashMap, HashSet, VecDeque};
use std::hash::Hasher;
use std::sync::Arc;

use serde_json::Value;

use crate::domain::Session;

/// A version the writer met, numbered in the order it met them.
struct Node {
    n: u64,
    session: Arc<Session>,
    /// The versions it was made from (none: not known).
    parents: Vec<u64>,
    /// It was at the file's name once (read or written): another program
    /// may have made its version from it.
    on_disk: bool,
    /// Its values by place (see [`prints`]), made when first compared.
    prints: Option<Arc<HashMap<String, u64>>>,
}

/// The versions of one open session that the writer met, with what each
/// was made from: the newest few (see [`Lineage::keep`]).
pub(super) struct Lineage {
    nodes: VecDeque<Node>,
    next: u64,
    /// How many versions are kept; fewer for a large session (each holds a
    /// whole session in memory).
    keep: usize,
    /// Versions read from the file are placed by comparing contents; not
    /// for a large session (its versions are not kept long enough to pay).
    compare: bool,
}

/// Kept versions of a meeting-sized session.
const KEEP: usize = 32;
/// Kept versions of a session larger than [`LARGE`] JSON bytes.
const KEEP_LARGE: usize = 4;
pub(super) const LARGE: u64 = 2 * 1024 * 1024;

impl Lineage {
    /// The lineage of a session just opened (`on_disk`: as read; else a new
    /// file not yet written).
    pub(super) fn new(first: Arc<Session>, on_disk: bool) -> Lineage {
        let mut l = Lineage { nodes: VecDeque::new(), next: 0, keep: KEEP, compare: true };
        l.add(first, Vec::new(), on_disk);
        l
    }

    /// The session's size on disk decides how much is kept.
    pub(super) fn sized(&mut self, bytes: u64) {
        let large = bytes > LARGE;
        (self.keep, self.compare) = if large { (KEEP_LARGE, false) } else { (KEEP, true) };
        self.trim();
    }

    fn get(&self, n: u64) -> Option<&Node> {
        self.nodes.iter().rev().find(|x| x.n == n)
    }

    /// The version held by this very `Arc`, if met.
    pub(super) fn find(&self, s: &Arc<Session>) -> Option<u64> {
        self.nodes.iter().rev().find(|x| Arc::ptr_eq(&x.session, s)).map(|x| x.n)
    }

    pub(super) fn session(&self, n: u64) -> Option<&Arc<Session>> {
        self.get(n).map(|x| &x.session)
    }

    /// Note `s`, made from `parents`; a version already met keeps its
    /// number (and learns the parents, when it had none).
    pub(super) fn add(&mut self, s: Arc<Session>, parents: Vec<u64>, on_disk: bool) -> u64 {
        if let Some(n) = self.find(&s) {
            let node = self.nodes.iter_mut().rev().find(|x| x.n == n).expect("found");
            node.on_disk |= on_disk;
            if node.parents.is_empty() {
                node.parents = parents.into_iter().filter(|&p| p != n).collect();
            }
            return n;
        }
        let n = self.next;
        self.next += 1;
        self.nodes.push_back(Node { n, session: s, parents, on_disk, prints: None });
        self.trim();
        n
    }

    pub(super) fn put_on_disk(&mut self, n: u64) {
        if let Some(x) = self.nodes.iter_mut().rev().find(|x| x.n == n) {
            x.on_disk = true;
        }
    }

    fn trim(&mut self) {
        while self.nodes.len() > self.keep {
            self.nodes.pop_front();
        }
    }

    /// A version read from the file (written by another program, or put
    /// back by one). The same contents as a version met before: that
    /// version. Else it is new, made from the version on disk whose values
    /// differ from it least (the newest of those; `not` is left out: it
    /// went in after this one was written). A large session: from the
    /// newest version on disk.
    pub(super) fn read(&mut self, s: Arc<Session>, not: Option<u64>) -> u64 {
        let candidates: Vec<u64> =
            self.nodes.iter().rev().filter(|x| x.on_disk && Some(x.n) != not).map(|x| x.n).collect();
        let parent = if self.compare {
            let theirs = prints(&s);
            let mut best: Option<(usize, u64)> = None;
            for n in candidates {
                let d = differing(&theirs, &self.prints_of(n));
                if d == 0 && self.get(n).is_some_and(|x| *x.session == *s) {
                    self.put_on_disk(n);
                    return n;
                }
                if best.is_none_or(|(b, _)| d < b) {
                    best = Some((d, n));
                }
            }
            best.map(|(_, n)| n)
        } else {
            candidates.first().copied()
        };
        let n = self.add(s, parent.into_iter().collect(), true);
        self.put_on_disk(n);
        n
    }

    fn prints_of(&mut self, n: u64) -> Arc<HashMap<String, u64>> {
        let node = self.nodes.iter_mut().rev().find(|x| x.n == n).expect("a kept version");
        Arc::clone(node.prints.get_or_insert_with(|| Arc::new(prints(&node.session))))
    }

    /// `n` and every version it was made from, as far as they are kept.
    fn ancestors(&self, n: u64) -> HashSet<u64> {
        let mut seen = HashSet::new();
        let mut todo = vec![n];
        while let Some(x) = todo.pop() {
            if !seen.insert(x) {
                continue;
            }
            if let Some(node) = self.get(x) {
                todo.extend(node.parents.iter().copied());
            }
        }
        seen
    }

    /// Was `a` made from `b` (or is it `b`)?
    pub(super) fn descends(&self, a: u64, b: u64) -> bool {
        a == b || self.ancestors(a).contains(&b)
    }

    /// The newest kept version both `a` and `b` were made from.
    pub(super) fn base(&self, a: u64, b: u64) -> Option<Arc<Session>> {
        let of_b = self.ancestors(b);
        let common = self.ancestors(a).into_iter().filter(|x| of_b.contains(x)).max()?;
        self.session(common).cloned()
    }
}

/// The values of a session by place: each list item with an id under its
/// id, every other value under its path; the edit time of the session is
/// left out (every save changes it).
fn prints(s: &Session) -> HashMap<String, u64> {
    fn hash(v: &Value) -> u64 {
        let mut h = std::hash::DefaultHasher::new();
        h.write(v.to_string().as_bytes());
        h.finish()
    }
    fn walk(v: &Value, path: &mut String, out: &mut HashMap<String, u64>) {
        let len = path.len();
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    if len == 0 && k == "updated_at" {
                        continue;
                    }
                    path.push('/');
                    path.push_str(k);
                    walk(x, path, out);
                    path.truncate(len);
                }
            }
            Value::Array(items) if items.iter().all(|x| x.get("id").is_some_and(Value::is_string)) => {
                for x in items {
                    path.push('#');
                    path.push_str(x.get("id").and_then(Value::as_str).unwrap_or_default());
                    walk(x, path, out);
                    path.truncate(len);
                }
                out.insert(path.clone(), items.len() as u64);
            }
            other => {
                out.insert(path.clone(), hash(other));
            }
        }
    }
    let mut out = HashMap::new();
    if let Ok(v) = serde_json::to_value(s) {
        walk(&v, &mut String::new(), &mut out);
    }
    out
}

/// How many places hold different values (or are only on one side).
fn differing(a: &HashMap<String, u64>, b: &HashMap<String, u64>) -> usize {
    let changed = a.iter().filter(|(k, v)| b.get(*k) != Some(v)).count();
    changed + b.keys().filter(|k| !a.contains_key(*k)).count()
}
