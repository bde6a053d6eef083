//! Writing the draft journal the app asks for (`app::journal` hands it every
//! new state of an open form): one thread of its own writes the newest
//! typing [`DELAY`] after the first unwritten change (a burst of keys costs
//! one write, well within the promised second), does removals in the order
//! asked, and reports every write back to the loop, so a write that fails
//! is shown at once; a failed write is tried again every [`RETRY`] until it
//! works or newer typing replaces it. Nothing here runs on the input path.
//! On the way out the loop waits for the thread and writes the last typing
//! itself.

use std::path::PathBuf;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use super::Wake;
use crate::app::{Action, AppState, Draft, Failure, journal};
use crate::storage;

/// Typing is written this long after the first change not yet written.
pub(super) const DELAY: Duration = Duration::from_millis(400);
/// A write that failed is tried again after this long.
pub(super) const RETRY: Duration = Duration::from_secs(2);

struct Write {
    path: PathBuf,
    session_id: String,
    revision: u64,
    draft: Draft,
}

enum Job {
    Write(Write),
    Remove(PathBuf),
    /// Write what waits now, then answer.
    Flush(Sender<()>),
}

/// The journal's thread. Jobs for a session opened before are still done
/// (a removal must not be lost); their reports are ignored by the app.
#[derive(Clone)]
pub(super) struct JournalWriter {
    jobs: Option<Sender<Job>>,
}

impl JournalWriter {
    pub(super) fn start(back: Sender<Wake>) -> Self {
        let (tx, rx) = mpsc::channel::<Job>();
        let spawned = std::thread::Builder::new().name("journal".into()).spawn(move || work(&rx, &back));
        // Without a thread of its own the journal is written in the loop.
        JournalWriter { jobs: spawned.ok().map(|_| tx) }
    }

    /// Hand the typing to the thread; when there is no thread, write it
    /// now (its report is the action returned).
    pub(super) fn write(
        &self,
        path: PathBuf,
        session_id: String,
        revision: u64,
        draft: Draft,
    ) -> Option<Action> {
        let job = Write { path, session_id, revision, draft };
        match &self.jobs {
            Some(jobs) => match jobs.send(Job::Write(job)) {
                Ok(()) => None,
                Err(mpsc::SendError(Job::Write(w))) => Some(write(&w).0),
                Err(_) => None,
            },
            None => Some(write(&job).0),
        }
    }

    pub(super) fn remove(&self, path: PathBuf) {
        let sent = self.jobs.as_ref().is_some_and(|jobs| jobs.send(Job::Remove(path.clone())).is_ok());
        if !sent {
            let _ = storage::journal::remove_draft(&path);
        }
    }

    /// Write what waits and wait (at most `limit`) until every job asked
    /// for so far is done.
    pub(super) fn flush(&self, limit: Duration) {
        let Some(jobs) = &self.jobs else { return };
        let (tx, rx) = mpsc::channel();
        if jobs.send(Job::Flush(tx)).is_ok() {
            let _ = rx.recv_timeout(limit);
        }
    }
}

/// The thread: the newest typing waits in `pending` until it is due.
fn work(rx: &mpsc::Receiver<Job>, back: &Sender<Wake>) {
    let mut pending: Option<(Write, Instant)> = None;
    let report = |action: Action| {
        let _ = back.send(Wake::Action(action));
    };
    loop {
        let job = match &pending {
            Some((_, due)) => match rx.recv_timeout(due.saturating_duration_since(Instant::now())) {
                Ok(job) => Some(job),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => {
                    if let Some((w, _)) = pending.take() {
                        report(write(&w).0);
                    }
                    return;
                }
            },
            None => match rx.recv() {
                Ok(job) => Some(job),
                Err(_) => return,
            },
        };
        match job {
            // Due: write; a failure waits for the next try.
            None => {
                if let Some((w, _)) = pending.take() {
                    let (action, ok) = write(&w);
                    report(action);
                    if !ok {
                        pending = Some((w, Instant::now() + RETRY));
                    }
                }
            }
            Some(Job::Write(w)) => {
                let due = match pending.take() {
                    // Typing for another session: that one's goes first.
                    Some((old, _)) if old.path != w.path => {
                        report(write(&old).0);
                        Instant::now() + DELAY
                    }
                    // Newer typing replaces what waits; it is due when that
                    // was, or sooner (after a failure, a new key tries soon).
                    Some((_, due)) => due.min(Instant::now() + DELAY),
                    None => Instant::now() + DELAY,
                };
                pending = Some((w, due));
            }
            Some(Job::Remove(path)) => {
                // Its text is saved: what waits for it need not be written.
                if pending.as_ref().is_some_and(|(w, _)| w.path == path) {
                    pending = None;
                }
                let _ = storage::journal::remove_draft(&path);
            }
            Some(Job::Flush(done)) => {
                if let Some((w, _)) = pending.take() {
                    report(write(&w).0);
                }
                let _ = done.send(());
            }
        }
    }
}

/// On the way out, after the last save reached the disk: with no form open
/// nothing typed is uncommitted, so a journal left from earlier (its text
/// was just saved) goes. Without this, a quit that comes before the
/// writer's "saved" has been seen would leave the journal, and the next
/// start would offer the saved text again.
pub(super) fn settle(state: &AppState) {
    let Some(s) = state.session() else { return };
    if s.journal.on_disk && state.form.is_none() && !s.access.read_only() {
        let _ = storage::journal::remove_draft(&s.path);
    }
}

/// Write one draft now: beside the session, else in the state folder. The
/// report for the app, and whether it was written anywhere.
fn write(w: &Write) -> (Action, bool) {
    let outcome = match serde_json::to_value(&w.draft) {
        Ok(value) => match storage::journal::write_draft(&w.path, &w.session_id, value) {
            Ok(storage::journal::Written::Beside) => Ok(None),
            Ok(storage::journal::Written::Elsewhere(place, _)) => Ok(Some(place)),
            Err(e) => Err(Failure::from(&e)),
        },
        Err(e) => Err(Failure::from(&storage::SaveError {
            path: storage::journal::draft_path(&w.path),
            kind: storage::SaveErrorKind::Encode(e.to_string()),
        })),
    };
    let ok = outcome.is_ok();
    (journal::report(w.path.clone(), w.revision, outcome), ok)
}

/// Write the last typing now, in the loop (on the way out).
pub(super) fn write_now(path: PathBuf, session_id: String, revision: u64, draft: Draft) -> Action {
    write(&Write { path, session_id, revision, draft }).0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{DraftValue, Purpose};

    fn draft(text: &str) -> Draft {
        let mut values = std::collections::BTreeMap::new();
        values.insert("text".to_string(), DraftValue::Text(text.into()));
        Draft { purpose: Purpose::NewSession, values, focus: "text".into() }
    }

    fn reports(rx: &mpsc::Receiver<Wake>, wait: Duration) -> Vec<crate::app::DraftKept> {
        let mut out = Vec::new();
        while let Ok(w) = rx.recv_timeout(wait) {
            match w {
                Wake::Action(Action::DraftKept(k)) => out.push(*k),
                _ => panic!("not a journal report"),
            }
        }
        out
    }

    #[test]
    fn a_burst_of_keys_costs_one_write_of_the_newest_typing() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("a.json");
        std::fs::write(&session, "{}").unwrap();
        let (tx, rx) = mpsc::channel();
        let writer = JournalWriter::start(tx);
        let start = Instant::now();
        for i in 0..20 {
            assert!(writer.write(session.clone(), "id".into(), i, draft(&format!("typed {i}"))).is_none());
        }
        let got = reports(&rx, Duration::from_secs(2));
        assert_eq!(got.len(), 1, "one write for the burst");
        assert_eq!(got[0].revision, 19);
        assert!(got[0].outcome.is_ok(), "{:?}", got[0].outcome);
        assert!(start.elapsed() >= DELAY);
        let on_disk = storage::journal::read_draft(&session, "id").unwrap();
        assert!(on_disk.to_string().contains("typed 19"), "{on_disk}");
    }

    #[test]
    fn a_removal_comes_after_the_writes_before_it_and_drops_typing_that_waits() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("a.json");
        std::fs::write(&session, "{}").unwrap();
        let (tx, rx) = mpsc::channel();
        let writer = JournalWriter::start(tx);
        writer.write(session.clone(), "id".into(), 1, draft("first"));
        writer.flush(Duration::from_secs(10));
        assert!(storage::journal::read_draft(&session, "id").is_some());
        // Typing, then its commit: the removal wins, nothing is left to
        // offer the committed text again.
        writer.write(session.clone(), "id".into(), 2, draft("second"));
        writer.remove(session.clone());
        writer.flush(Duration::from_secs(10));
        std::thread::sleep(DELAY * 2);
        assert!(storage::journal::read_draft(&session, "id").is_none());
        assert!(!storage::journal::draft_path(&session).exists());
        let got = reports(&rx, Duration::from_millis(100));
        assert_eq!(got.iter().map(|k| k.revision).collect::<Vec<_>>(), vec![1]);
    }

    #[test]
    fn a_write_that_fails_is_reported_and_tried_again_until_it_works() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("a.json");
        std::fs::write(&session, "{}").unwrap();
        // A folder planted at the journal's name: the atomic write cannot
        // replace it; the state folder may or may not take it (that depends
        // on this machine's environment), but it is never silent.
        let planted = storage::journal::draft_path(&session);
        std::fs::create_dir(&planted).unwrap();
        let (tx, rx) = mpsc::channel();
        let writer = JournalWriter::start(tx);
        writer.write(session.clone(), "id".into(), 7, draft("typed"));
        let first = rx.recv_timeout(Duration::from_secs(5)).expect("a report");
        let Wake::Action(Action::DraftKept(k)) = first else { panic!("not a journal report") };
        match &k.outcome {
            Ok(Some(elsewhere)) => {
                assert_ne!(elsewhere, &planted);
                return;
            }
            Ok(None) => panic!("a planted folder cannot be written over"),
            Err(f) => assert_eq!(f.path.as_deref(), Some(planted.as_path())),
        }
        // Failed: the folder goes, the next try (without a new key) works.
        std::fs::remove_dir(&planted).unwrap();
        let again = rx.recv_timeout(RETRY * 3).expect("tried again");
        let Wake::Action(Action::DraftKept(k)) = again else { panic!("not a journal report") };
        assert_eq!(k.revision, 7);
        assert_eq!(k.outcome, Ok(None));
        assert!(storage::journal::read_draft(&session, "id").is_some());
    }
}
