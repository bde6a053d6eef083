//! Saving off the input path: the loop hands a snapshot of the session (an
//! `Arc`, so no copy) to this writer thread and goes on drawing. The writer
//! keeps the open session's [`Disk`] and brings file and memory in step
//! through [`Disk::sync`]: an outside change is merged, never overwritten,
//! and a deleted file is written again only when asked. Requests that pile
//! up while a sync is under way are merged: only the newest snapshot is
//! written, over the oldest base.
//!
//! The watcher asks for the same sync with nothing new of ours, so an
//! outside change is taken in while the facilitator only looks.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};
use std::time::{Duration, Instant};

use super::{Wake, now};
use crate::app::{Failure, FailureKind};
use crate::domain::Session;
use crate::storage::{Disk, LockProbe, SessionLock, Synced};

/// A sync of `ours` (made from `base`) with the file at `path`.
struct Sync {
    seq: u64,
    path: PathBuf,
    base: Arc<Session>,
    ours: Arc<Session>,
    /// Write the file even when it was deleted (the facilitator asked).
    recreate: bool,
}

enum Job {
    /// The session just opened, as read: what later syncs compare with;
    /// and the check of its side lock, made before every write.
    Attach(Box<Disk>, Option<LockProbe>),
    /// The side lock was taken again: check this one from now on.
    Probe(LockProbe),
    /// The session was closed: let go of its file (and its identity lock),
    /// and of its side lock, once the syncs asked for before are done.
    Detach(Option<SessionLock>),
    /// Answer once every job before it is done. (A channel without room
    /// holds the writer until the answer is taken: the tests pause it so.)
    Barrier(SyncSender<()>),
    Sync(Sync),
}

/// What the writer reports for a finished sync.
#[derive(Debug)]
pub(super) struct Done {
    pub seq: u64,
    pub path: PathBuf,
    /// The snapshot that was synced: the session in the loop is replaced by
    /// what came in only while it is still this one.
    pub ours: Arc<Session>,
    pub result: Result<Synced, Failure>,
}

pub(super) struct Writer {
    jobs: Sender<Job>,
    /// Sequence number of the newest request, and of the newest finished one.
    requested: u64,
    finished: u64,
    /// Why the newest finished sync did not put the session on disk.
    last_error: Option<Failure>,
}

impl Writer {
    pub(super) fn spawn(back: Sender<Wake>) -> Writer {
        let (jobs, rx) = mpsc::channel::<Job>();
        std::thread::spawn(move || write_loop(rx, back));
        Writer { jobs, requested: 0, finished: 0, last_error: None }
    }

    /// From now on, sync with this file; with `probe`, only while its side
    /// lock is still ours.
    pub(super) fn attach(&mut self, disk: Disk, probe: Option<LockProbe>) {
        let _ = self.jobs.send(Job::Attach(Box::new(disk), probe));
    }

    /// The side lock was taken again: check this one from now on.
    pub(super) fn probe(&mut self, probe: LockProbe) {
        let _ = self.jobs.send(Job::Probe(probe));
    }

    /// The session was closed. Its syncs still waiting here are done first,
    /// under its side `lock`, which is let go after them; when the last of
    /// them could not reach the file, the writer keeps it as a recovery
    /// file beside it (the library offers it). Found by the sync
    /// simulation: the loop used to let go of the lock at once, so a sync
    /// still under way found the lock gone and wrote nothing, and the
    /// session's last edits were lost.
    pub(super) fn detach(&mut self, lock: Option<SessionLock>) {
        let _ = self.jobs.send(Job::Detach(lock));
    }

    /// Wait (at most `limit`) until every job handed to the writer is done;
    /// false when that took longer. Before exiting with no session open:
    /// the syncs of a session just closed still reach its file.
    pub(super) fn settle(&self, limit: Duration) -> bool {
        let (tx, rx) = mpsc::sync_channel(1);
        self.jobs.send(Job::Barrier(tx)).is_ok() && rx.recv_timeout(limit).is_ok()
    }

    /// The side lock was found deleted or replaced: take it again when no
    /// other kompas holds it, and check the new one before every write from
    /// now on. False when another kompas has it (nothing is written then).
    /// Called by the loop and, at quit, before the last save: a lock file
    /// deleted a moment before quitting costs no recovery file.
    pub(super) fn retake(&mut self, lock: Option<&mut SessionLock>) -> bool {
        let probe = lock.and_then(|l| if l.still_held().unwrap_or(false) { l.probe().ok() } else { None });
        match probe {
            Some(p) => {
                self.probe(p);
                true
            }
            None => false,
        }
    }

    /// Queue a sync of `ours`, made from `base` (see [`Disk::sync`]).
    pub(super) fn sync(&mut self, path: PathBuf, base: Arc<Session>, ours: Arc<Session>, recreate: bool) {
        self.requested += 1;
        let job = Sync { seq: self.requested, path, base, ours, recreate };
        let _ = self.jobs.send(Job::Sync(job));
    }

    /// Note a finished sync; true when it is the newest request, so its
    /// result is the session's state on disk.
    pub(super) fn finished(&mut self, done: &Done) -> bool {
        if done.seq < self.finished {
            return false;
        }
        self.finished = done.seq;
        self.last_error = match &done.result {
            Ok(Synced::Gone) => Some(Failure::new(Some(&done.path), FailureKind::Gone)),
            Ok(_) => None,
            Err(e) => Some(e.clone()),
        };
        done.seq == self.requested
    }

    pub(super) fn idle(&self) -> bool {
        self.finished == self.requested
    }

    /// Before exiting: wait (at most `limit`) until every requested sync is
    /// done; Err with the reason when the newest did not reach the disk.
    pub(super) fn flush(&mut self, wakes: &Receiver<Wake>, limit: Duration) -> Result<(), Failure> {
        let deadline = Instant::now() + limit;
        while !self.idle() {
            let left = deadline.saturating_duration_since(Instant::now());
            match wakes.recv_timeout(left) {
                Ok(Wake::Saved(done)) => {
                    self.finished(&done);
                }
                Ok(_) => {}
                Err(_) => return Err(Failure::new(None, FailureKind::SaveTimedOut)),
            }
        }
        match &self.last_error {
            Some(e) => Err(e.clone()),
            None => Ok(()),
        }
    }
}

/// Take every job waiting behind `first`, merging syncs in a row: the
/// newest snapshot holds every change of the older ones, and was made from
/// the oldest one's base.
fn gather(first: Job, rx: &Receiver<Job>) -> Vec<Job> {
    let mut jobs = vec![first];
    while let Ok(next) = rx.try_recv() {
        match (jobs.last_mut(), next) {
            (Some(Job::Sync(older)), Job::Sync(newer)) if older.path == newer.path => {
                let recreate = older.recreate || newer.recreate;
                let base = Arc::clone(&older.base);
                *older = Sync { base, recreate, ..newer };
            }
            (_, next) => jobs.push(next),
        }
    }
    jobs
}

fn write_loop(rx: Receiver<Job>, back: Sender<Wake>) {
    let mut disk: Option<Disk> = None;
    let mut probe: Option<LockProbe> = None;
    // The newest snapshot that did not reach the file, while it is so.
    let mut unsaved: Option<(PathBuf, Arc<Session>)> = None;
    while let Ok(first) = rx.recv() {
        for job in gather(first, &rx) {
            let job = match job {
                Job::Attach(d, p) => {
                    (disk, probe, unsaved) = (Some(*d), p, None);
                    continue;
                }
                Job::Probe(p) => {
                    probe = Some(p);
                    continue;
                }
                Job::Detach(lock) => {
                    if let Some((path, ours)) = unsaved.take() {
                        let _ = crate::storage::write_recovery(&ours, &path);
                    }
                    (disk, probe) = (None, None);
                    drop(lock);
                    continue;
                }
                Job::Barrier(answer) => {
                    let _ = answer.send(());
                    continue;
                }
                Job::Sync(job) => job,
            };
            // A session the writer was not told about (should not happen):
            // whatever is at its name counts as changed outside, so nothing
            // there is overwritten unseen.
            let d = match &mut disk {
                Some(d) if d.path() == job.path => d,
                _ => disk.insert(Disk::new(&job.path, None, Arc::clone(&job.base), None)),
            };
            // Something of ours to write, and the side lock is no longer
            // ours (deleted, or replaced by another kompas): write nothing,
            // but note what the snapshot was made from (the next one is
            // made from it, and is merged over what the file still holds).
            let writes = job.recreate || !Arc::ptr_eq(&job.ours, &job.base);
            let result = if writes && probe.as_ref().is_some_and(|p| !p.still_ours()) {
                d.note(&job.base, &job.ours);
                Err(Failure::new(Some(&job.path), FailureKind::LockTaken))
            } else {
                d.sync(&job.base, &job.ours, job.recreate, now()).map_err(|e| Failure::from(&e))
            };
            unsaved = match &result {
                Ok(Synced::Gone) | Err(_) => Some((job.path.clone(), Arc::clone(&job.ours))),
                Ok(_) => None,
            };
            let done = Done { seq: job.seq, path: job.path, ours: job.ours, result };
            if back.send(Wake::Saved(done)).is_err() {
                return;
            }
        }
    }
}

#[cfg(test)]
#[path = "writer_tests.rs"]
mod tests;
