//! Keeping one open session and its file in step: before every save, and
//! whenever the watcher says the file moved, look whether the file is still
//! the one last read or written; if not, read it and merge three-way
//! (base = the version last read or written, ours = memory, theirs = disk),
//! then write. Nothing on disk is ever overwritten unseen.
//!
//! Runs on the writer thread, off the input path.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::base::choose_base;
use super::identity::{self, OnDisk, Version};
use super::load::{LoadError, LoadErrorKind, parse};
use super::lock::IdentityLock;
use super::merge::{MergeError, merge};
use super::save::{SaveError, put, reads_back, serialise};
use crate::domain::{Session, Timestamp};

/// How often a save that found another last-moment change merges it and
/// writes again, before it keeps that change as a copy.
const ROUNDS: usize = 8;

/// The open session's file as kompas last read or wrote it.
#[derive(Debug)]
pub struct Disk {
    path: PathBuf,
    /// The version on disk (`None`: there was no file).
    known: Option<Version>,
    /// The session of that version: the base of the next merge.
    on_disk: Arc<Session>,
    /// The versions before it that we read or wrote, oldest first (a few,
    /// and only for sessions of a meeting's size): the base of a merge with
    /// a version made from one of them. See [`choose_base`].
    history: std::collections::VecDeque<Arc<Session>>,
    lock: Option<IdentityLock>,
}

/// How many earlier versions are kept as possible merge bases.
const HISTORY: usize = 6;
/// Sessions larger than this (in JSON bytes) keep no earlier versions: the
/// memory would be several times the session's.
const HISTORY_UP_TO_BYTES: u64 = 2 * 1024 * 1024;

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
        Disk { path: path.to_path_buf(), known: version, on_disk: session, history: Default::default(), lock }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The session as last read from or written to disk.
    pub fn on_disk(&self) -> &Arc<Session> {
        &self.on_disk
    }

    /// Bring file and memory in step. `base` is the version `ours` was made
    /// from (the last one the program took from here). `recreate` allows
    /// writing a file that was deleted. `now` dates conflict records.
    pub fn sync(
        &mut self,
        base: &Arc<Session>,
        ours: &Arc<Session>,
        recreate: bool,
        now: Timestamp,
    ) -> Result<Synced, SyncError> {
        let theirs = match self.look()? {
            Look::Gone if !recreate => return Ok(Synced::Gone),
            // Written again: nothing there to merge with, ours goes in whole.
            Look::Gone => {
                self.known = None;
                Arc::clone(base)
            }
            Look::Same => Arc::clone(&self.on_disk),
            Look::New(theirs) => theirs,
        };
        // `theirs` is what is on disk now (`on_disk`), unless the file is
        // gone. Equal sessions are mostly the same `Arc`: a deep comparison
        // of a large session costs milliseconds, so it is made only when
        // the pointers differ, and at most once per side.
        let theirs_new = !Arc::ptr_eq(&theirs, base) && *theirs != **base;
        let ours_new = !Arc::ptr_eq(ours, base) && **ours != **base;
        let (mut next, mut came_in, mut conflicts) = match (ours_new, theirs_new) {
            (false, true) => {
                // Nothing of ours: take theirs as it is, write nothing.
                let came_in = changed_values(base, &theirs).max(1);
                return Ok(Synced::Adopted { session: theirs, came_in });
            }
            (_, false) => (Arc::clone(ours), 0, 0),
            (true, true) => {
                match merge(
                    Some(&choose_base(base, &self.history, &theirs, ours)),
                    ours,
                    &theirs,
                    "disk",
                    now,
                ) {
                    Ok(m) => (Arc::new(m.session), m.came_in, m.conflicts),
                    Err(e) => return self.keep_copy(ours, e),
                }
            }
        };
        // Already on disk? Nothing new on either side: yes (theirs is the
        // base). Only ours new: no (ours differs from the base, which is
        // on disk). Both: the merge may have given what is there.
        let on_disk_already = match (ours_new, theirs_new) {
            (false, _) => true,
            (true, false) => false,
            (true, true) => Arc::ptr_eq(&next, &self.on_disk) || *next == *self.on_disk,
        };
        if self.known.is_some() && on_disk_already {
            return Ok(if came_in > 0 {
                Synced::Adopted { session: next, came_in }
            } else {
                Synced::Unchanged
            });
        }
        let mut round = 0;
        loop {
            let put = self.write(&next)?;
            self.known = Some(put.version);
            let previous = Arc::clone(&self.on_disk);
            self.remember(Arc::clone(&next));
            let Some(displaced) = put.displaced else { break };
            // Another program wrote in the moment before ours went in: that
            // version was swapped out, not lost. Merge it and write again.
            // Half written by a program still writing into the old file:
            // that program finds its write went to a file without a name
            // and writes again.
            let Ok(loaded) = parse(&displaced) else { break };
            if loaded.session.id != next.id {
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
                let copy =
                    super::recovery::write_copy_beside(&self.path, &displaced, "kompas conflict copy")?;
                return Ok(Synced::KeptCopy { copy });
            }
            let base = choose_base(&previous, &self.history, &loaded.session, &next);
            match merge(Some(&base), &next, &loaded.session, "disk", now) {
                Ok(m) => {
                    came_in += m.came_in;
                    conflicts += m.conflicts;
                    next = Arc::new(m.session);
                }
                Err(e) => return self.keep_copy(&next, e),
            }
        }
        Ok(if came_in > 0 || conflicts > 0 {
            Synced::Merged { session: next, came_in, conflicts }
        } else {
            Synced::Written
        })
    }

    /// `session` is now on disk; the version before it joins the history.
    fn remember(&mut self, session: Arc<Session>) {
        let before = std::mem::replace(&mut self.on_disk, session);
        let small = self.known.as_ref().is_some_and(|v| v.facts.size <= HISTORY_UP_TO_BYTES);
        if !small {
            self.history.clear();
            return;
        }
        if !self.history.back().is_some_and(|h| Arc::ptr_eq(h, &before)) {
            self.history.push_back(before);
        }
        while self.history.len() > HISTORY {
            self.history.pop_front();
        }
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
        self.remember(Arc::clone(ours));
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
                if loaded.session.id != self.on_disk.id {
                    return Err(SyncError::OtherSession {
                        path: self.path.clone(),
                        found: loaded.session.id,
                    });
                }
                let theirs = Arc::new(loaded.session);
                self.known = Some(v);
                self.remember(Arc::clone(&theirs));
                Ok(Look::New(theirs))
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
    New(Arc<Session>),
    Gone,
}

#[cfg(test)]
#[path = "sync_tests.rs"]
mod tests;
