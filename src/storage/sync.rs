//! Keeping one open session and its file in step: before every save, and
//! whenever the watcher says the file moved, look whether the file is still
//! the one last read or written; if not, read it and merge three-way
//! (base = the version last read or written, ours = memory, theirs = disk),
//! then write. Nothing on disk is ever overwritten unseen.
//!
//! Runs on the writer thread, off the input path.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::base::Lineage;
use super::identity::{self, OnDisk, Version};
use super::load::{LoadError, LoadErrorKind, parse};
use super::lock::IdentityLock;
use super::merge::{MergeError, Merged, merge};
use super::save::{SaveError, put, reads_back, serialise};
use crate::domain::{Session, Timestamp};

/// How often a save that found another last-moment change merges it and
/// writes again, before it keeps that change as a copy.
const ROUNDS: usize = 8;

/// The open session's file as kompas last read or wrote it.
pub struct Disk {
    path: PathBuf,
    /// The version on disk (`None`: there was no file).
    known: Option<Version>,
    /// What the file holds (or held last, when it is gone): a version in
    /// `lineage`.
    tip: u64,
    /// Every version met lately, with what each was made from: where the
    /// base of a merge comes from.
    lineage: Lineage,
    lock: Option<IdentityLock>,
}

impl std::fmt::Debug for Disk {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.debug_struct("Disk").field("path", &self.path).field("known", &self.known).finish_non_exhaustive()
    }
}

/// What [`Disk::sync`] did.
#[derive(Debug)]
pub enum Synced {
    /// Nothing changed on disk and there was nothing new of ours.
    Unchanged,
    /// Ours was written; nobody else had touched the file.
    Written,
    /// The file changed outside and nothing of ours was waiting: the
    /// session became theirs; the file was not written (it stays
    /// byte-identical).
    Adopted { session: Arc<Session>, came_in: usize },
    /// Ours and theirs were merged and written.
    Merged { session: Arc<Session>, came_in: usize, conflicts: usize },
    /// The two could not be merged into a sound session: ours was written,
    /// theirs was kept whole as a copy beside it (offered in the library).
    KeptCopy { copy: PathBuf },
    /// The file is gone. Nothing was written: it is recreated only when
    /// asked (after the facilitator was told).
    Gone,
}

/// Why [`Disk::sync`] did not finish. The file is as it was; try again.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Save(#[from] SaveError),
    /// The file changed and the new content cannot be read (half written by
    /// another program, or broken): nothing is written over it.
    #[error("{0}")]
    Unreadable(LoadError),
    /// The file now holds another session.
    #[error("{}: now holds another session ({found}); yours is kept in memory", super::shown_path(.path))]
    OtherSession { path: PathBuf, found: String },
}

impl Disk {
    /// The file at `path` as just read (`version`, `session`), or `None` for
    /// a file that does not exist yet. With `lock`, the identity lock moves
    /// to every file written.
    pub fn new(
        path: &Path,
        version: Option<Version>,
        session: Arc<Session>,
        lock: Option<IdentityLock>,
    ) -> Disk {
        let mut lineage = Lineage::new(session, version.is_some());
        if let Some(v) = &version {
            lineage.sized(v.facts.size);
        }
        Disk { path: path.to_path_buf(), known: version, tip: 0, lineage, lock }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The session as last read from or written to disk.
    pub fn on_disk(&self) -> &Arc<Session> {
        self.lineage.session(self.tip).expect("the file's version is kept")
    }

    /// Note that `ours` was made from `base` (the last version the program
    /// took from here or handed here), also when it is not synced now (the
    /// side lock was not ours): the next sync knows where it came from.
    pub fn note(&mut self, base: &Arc<Session>, ours: &Arc<Session>) {
        self.noted(base, ours);
    }

    fn noted(&mut self, base: &Arc<Session>, ours: &Arc<Session>) -> u64 {
        let parent = match self.lineage.find(base) {
            Some(n) => n,
            // Not met (should not happen): made from the file as last seen.
            None => self.lineage.add(Arc::clone(base), vec![self.tip], false),
        };
        self.lineage.add(Arc::clone(ours), vec![parent], false)
    }

    /// Bring file and memory in step. `base` is the version `ours` was made
    /// from (the last one the program took from here, or handed here).
    /// `recreate` allows writing a file that was deleted. `now` dates
    /// conflict records.
    ///
    /// What is written holds every version that is not in another: ours,
    /// what the file holds now, and what it held when last seen (a merge the
    /// program has not taken in yet, which a version made from an older one
    /// replaced). Each pair is merged over the newest version both were made
    /// from ([`Lineage::base`]).
    pub fn sync(
        &mut self,
        base: &Arc<Session>,
        ours: &Arc<Session>,
        recreate: bool,
        now: Timestamp,
    ) -> Result<Synced, SyncError> {
        let ours_n = self.noted(base, ours);
        let before = self.tip;
        let file = match self.look()? {
            Look::Gone if !recreate => return Ok(Synced::Gone),
            Look::Gone => {
                self.known = None;
                before
            }
            Look::Same => before,
            Look::New(n) => n,
        };
        self.tip = file;
        // The versions not contained in another, ours first.
        let mut heads = vec![ours_n];
        for h in [before, file] {
            if !heads.iter().any(|&x| self.lineage.descends(x, h)) {
                heads.retain(|&x| !self.lineage.descends(h, x));
                heads.push(h);
            }
        }
        let gone = self.known.is_none();
        if heads == [file] && !gone {
            // Nothing of ours that the file lacks: the session is the file's.
            return Ok(if file == ours_n {
                Synced::Unchanged
            } else {
                let session = Arc::clone(self.on_disk());
                let came_in = changed_values(ours, &session).max(1);
                Synced::Adopted { session, came_in }
            });
        }
        let (mut next, mut came_in, mut conflicts) = (heads[0], 0, 0);
        for &h in &heads[1..] {
            match self.merge_in(next, h, now) {
                Ok((n, c, k)) => (next, came_in, conflicts) = (n, came_in + c, conflicts + k),
                Err(e) => {
                    let mine = Arc::clone(self.lineage.session(next).expect("kept"));
                    return self.keep_copy(&mine, e);
                }
            }
        }
        // The merge may give what the file holds already.
        let merged = Arc::clone(self.lineage.session(next).expect("kept"));
        if !gone && next != ours_n && (next == file || *merged == **self.on_disk()) {
            let session = Arc::clone(self.on_disk());
            return Ok(Synced::Adopted { session, came_in: came_in.max(1) });
        }
        let mut round = 0;
        loop {
            let session = Arc::clone(self.lineage.session(next).expect("kept"));
            let put = self.write(&session)?;
            self.lineage.sized(put.version.facts.size);
            self.known = Some(put.version);
            self.lineage.put_on_disk(next);
            let Some(displaced) = put.displaced else {
                self.tip = next;
                break;
            };
            // Another program wrote in the moment before ours went in: that
            // version was swapped out, not lost. Merge it and write again.
            // Half written by a program still writing into the old file:
            // that program finds its write went to a file without a name
            // and writes again.
            let Ok(loaded) = parse(&displaced) else {
                self.tip = next;
                break;
            };
            if loaded.session.id != session.id {
                self.tip = next;
                break;
            }
            round += 1;
            if round == ROUNDS {
                // It keeps writing in the very moment ours goes in. Its last
                // version is in no file now and merged into nothing written:
                // keep it whole beside the file (the library offers it for
                // the same merge) rather than take turns for ever. Found by
                // the sync simulation: the merge of the last round used to
                // be returned unwritten, and was lost when the program had
                // moved on meanwhile.
                self.tip = next;
                let copy =
                    super::recovery::write_copy_beside(&self.path, &displaced, "kompas conflict copy")?;
                return Ok(Synced::KeptCopy { copy });
            }
            let theirs = self.lineage.read(Arc::new(loaded.session), Some(next));
            match self.merge_in(next, theirs, now) {
                Ok((n, c, k)) => (next, came_in, conflicts) = (n, came_in + c, conflicts + k),
                Err(e) => {
                    self.tip = next;
                    return self.keep_copy(&session, e);
                }
            }
        }
        let session = Arc::clone(self.on_disk());
        Ok(if came_in > 0 || conflicts > 0 {
            Synced::Merged { session, came_in, conflicts }
        } else {
            Synced::Written
        })
    }

    /// Merge version `theirs` into version `ours` over the newest version
    /// both were made from; the result is a new version made from the two.
    /// With no such version kept, nothing counts as removed and a value
    /// that differs is a conflict (ours stays, theirs is in the record).
    fn merge_in(
        &mut self,
        ours: u64,
        theirs: u64,
        now: Timestamp,
    ) -> Result<(u64, usize, usize), MergeError> {
        let o = Arc::clone(self.lineage.session(ours).expect("kept"));
        let t = Arc::clone(self.lineage.session(theirs).expect("kept"));
        let base = self.lineage.base(ours, theirs);
        let Merged { session, came_in, conflicts } = merge(base.as_deref(), &o, &t, "disk", now)?;
        let n = self.lineage.add(Arc::new(session), vec![ours, theirs], false);
        Ok((n, came_in, conflicts))
    }

    fn write(&self, session: &Session) -> Result<super::save::Put, SaveError> {
        let fail = |kind| SaveError { path: self.path.clone(), kind };
        let bytes = serialise(session).map_err(fail)?;
        put(
            &self.path,
            &bytes,
            &|| reads_back(&bytes, session),
            self.known.as_ref(),
            self.lock.as_ref(),
            &|f, b| std::io::Write::write_all(f, b),
        )
    }

    /// Theirs could not be merged into a sound session: keep their file
    /// whole as a copy beside it, then write ours.
    fn keep_copy(&mut self, ours: &Arc<Session>, why: MergeError) -> Result<Synced, SyncError> {
        let _ = why;
        let theirs = std::fs::read(&self.path).map_err(|e| {
            SyncError::Unreadable(LoadError { path: self.path.clone(), kind: LoadErrorKind::Io(e) })
        })?;
        let copy = super::recovery::write_copy_beside(&self.path, &theirs, "kompas conflict copy")?;
        self.known = None;
        let put = self.write(ours)?;
        self.known = Some(put.version);
        let n = self.lineage.add(Arc::clone(ours), Vec::new(), true);
        self.lineage.put_on_disk(n);
        self.tip = n;
        Ok(Synced::KeptCopy { copy })
    }

    fn look(&mut self) -> Result<Look, SyncError> {
        let checked = match &self.known {
            Some(known) => identity::check(&self.path, known),
            None => match std::fs::metadata(&self.path) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(OnDisk::Gone),
                _ => identity::check(&self.path, &Version::of(super::os::Facts::nothing(), b"\0none")),
            },
        };
        let unreadable =
            |e| SyncError::Unreadable(LoadError { path: self.path.clone(), kind: LoadErrorKind::Io(e) });
        match checked.map_err(unreadable)? {
            OnDisk::Same => Ok(Look::Same),
            OnDisk::SameBytes(v) => {
                self.known = Some(v);
                Ok(Look::Same)
            }
            OnDisk::Gone if self.known.is_none() => Ok(Look::Same),
            OnDisk::Gone => Ok(Look::Gone),
            OnDisk::Changed(v, bytes) => {
                let loaded = parse(&bytes)
                    .map_err(|kind| SyncError::Unreadable(LoadError { path: self.path.clone(), kind }))?;
                if loaded.session.id != self.on_disk().id {
                    return Err(SyncError::OtherSession {
                        path: self.path.clone(),
                        found: loaded.session.id,
                    });
                }
                self.lineage.sized(v.facts.size);
                self.known = Some(v);
                Ok(Look::New(self.lineage.read(Arc::new(loaded.session), None)))
            }
        }
    }
}

/// How many values (fields, or whole items added or removed) differ
/// between two versions, counted item by item in lists with ids: what "3
/// changes from outside" counts. `updated_at` is not a change of its own.
fn changed_values(a: &Session, b: &Session) -> usize {
    use serde_json::Value;
    fn id(v: &Value) -> Option<&str> {
        v.get("id").and_then(Value::as_str)
    }
    fn count(a: &Value, b: &Value) -> usize {
        if a == b {
            return 0;
        }
        match (a, b) {
            (Value::Object(x), Value::Object(y)) => {
                let keys: std::collections::BTreeSet<&String> = x.keys().chain(y.keys()).collect();
                keys.into_iter()
                    .filter(|k| k.as_str() != "updated_at")
                    .map(|k| match (x.get(k), y.get(k)) {
                        (Some(p), Some(q)) => count(p, q),
                        _ => 1,
                    })
                    .sum()
            }
            (Value::Array(x), Value::Array(y)) if x.iter().chain(y).all(|i| id(i).is_some()) => {
                let theirs: std::collections::HashMap<&str, &Value> =
                    y.iter().filter_map(|i| Some((id(i)?, i))).collect();
                let ours: std::collections::HashSet<&str> = x.iter().filter_map(id).collect();
                let changed: usize = x
                    .iter()
                    .map(|i| match id(i).and_then(|k| theirs.get(k)) {
                        Some(t) => count(i, t),
                        None => 1,
                    })
                    .sum();
                changed + y.iter().filter(|i| id(i).is_some_and(|k| !ours.contains(k))).count()
            }
            _ => 1,
        }
    }
    match (serde_json::to_value(a), serde_json::to_value(b)) {
        (Ok(x), Ok(y)) => count(&x, &y),
        _ => 1,
    }
}

enum Look {
    Same,
    /// A version another program wrote (its number in the lineage).
    New(u64),
    Gone,
}

#[cfg(test)]
#[path = "sync_tests.rs"]
mod tests;
