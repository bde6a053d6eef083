//! Saving off the input path: the loop hands a snapshot of the session (an
//! `Arc`, so no copy) to this writer thread and goes on drawing; the writer
//! saves atomically and reports back. Requests that pile up while a save is
//! under way are merged: only the newest snapshot is written.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use super::Wake;
use crate::app::{Failure, FailureKind};
use crate::domain::Session;
use crate::storage;

struct Job {
    seq: u64,
    path: PathBuf,
    session: Arc<Session>,
}

/// What the writer reports for a finished save.
#[derive(Debug)]
pub(super) struct Done {
    pub seq: u64,
    pub path: PathBuf,
    pub result: Result<(), Failure>,
}

pub(super) struct Writer {
    jobs: Sender<Job>,
    /// Sequence number of the newest request, and of the newest finished one.
    requested: u64,
    finished: u64,
    last_error: Option<Failure>,
}

impl Writer {
    pub(super) fn spawn(back: Sender<Wake>) -> Writer {
        let (jobs, rx) = mpsc::channel::<Job>();
        std::thread::spawn(move || write_loop(rx, back));
        Writer { jobs, requested: 0, finished: 0, last_error: None }
    }

    /// Queue a save of this snapshot.
    pub(super) fn save(&mut self, path: PathBuf, session: Arc<Session>) {
        self.requested += 1;
        let _ = self.jobs.send(Job { seq: self.requested, path, session });
    }

    /// Note a finished save; true when it is the newest request, so its
    /// result is the session's state on disk.
    pub(super) fn finished(&mut self, done: &Done) -> bool {
        if done.seq < self.finished {
            return false;
        }
        self.finished = done.seq;
        self.last_error = done.result.clone().err();
        done.seq == self.requested
    }

    pub(super) fn idle(&self) -> bool {
        self.finished == self.requested
    }

    /// Before exiting: wait (at most `limit`) until every requested save is
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

fn write_loop(rx: Receiver<Job>, back: Sender<Wake>) {
    while let Ok(mut job) = rx.recv() {
        // A newer snapshot holds every change of the older ones.
        while let Ok(newer) = rx.try_recv() {
            job = newer;
        }
        let result = storage::save(&job.path, &job.session).map_err(|e| Failure::from(&e));
        if back.send(Wake::Saved(Done { seq: job.seq, path: job.path, result })).is_err() {
            return;
        }
    }
}
