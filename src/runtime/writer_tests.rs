//! Tests of the writer thread.

use super::*;
use crate::storage;

fn session() -> Session {
    let now = chrono::DateTime::parse_from_rfc3339("2026-03-12T10:00:00+01:00").unwrap();
    Session::new("s1".into(), "Wijk", now.date_naive(), "", now).unwrap()
}

fn titled(s: &Arc<Session>, title: &str) -> Arc<Session> {
    let mut next = (**s).clone();
    next.title = title.into();
    Arc::new(next)
}

fn next_done(rx: &Receiver<Wake>) -> Done {
    loop {
        match rx.recv_timeout(Duration::from_secs(10)).expect("the writer answers") {
            Wake::Saved(done) => return done,
            _ => continue,
        }
    }
}

/// A session saved as `a.json` in a temp folder, opened, and a writer
/// attached to it (with the lock's probe when `locked`).
struct Started {
    dir: tempfile::TempDir,
    path: PathBuf,
    bytes: Vec<u8>,
    base: Arc<Session>,
    lock: Option<SessionLock>,
    w: Writer,
    rx: Receiver<Wake>,
}

fn started(locked: bool) -> Started {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.json");
    storage::save(&path, &session()).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let opened = storage::open(&path).unwrap();
    let lock = if locked { Some(opened.access.unwrap()) } else { None };
    let base = Arc::clone(opened.disk.on_disk());
    let (tx, rx) = mpsc::channel();
    let mut w = Writer::spawn(tx);
    w.attach(opened.disk, lock.as_ref().map(|l| l.probe().unwrap()));
    Started { dir, path, bytes, base, lock, w, rx }
}

#[test]
fn what_the_file_still_holds_after_a_save_that_did_not_land_is_no_change_from_outside() {
    let Started { dir, path, bytes, base, mut w, rx, .. } = started(false);
    // Deleted outside: the edit is not written.
    std::fs::remove_file(&path).unwrap();
    let ours = titled(&base, "Buurt");
    w.sync(path.clone(), Arc::clone(&base), Arc::clone(&ours), false);
    assert!(matches!(next_done(&rx).result, Ok(Synced::Gone)));
    // A sync tool puts the old version back. The loop's next sync says
    // it was made from the snapshot that never landed; the file's old
    // version must not count as theirs taking the edit back.
    let tmp = dir.path().join(".a.sync");
    std::fs::write(&tmp, &bytes).unwrap();
    std::fs::rename(&tmp, &path).unwrap();
    w.sync(path.clone(), Arc::clone(&ours), Arc::clone(&ours), false);
    let done = next_done(&rx);
    assert!(matches!(done.result, Ok(Synced::Written)), "{:?}", done.result);
    assert_eq!(storage::load(&path).unwrap().session.title, "Buurt");
}

#[test]
fn snapshots_in_a_row_are_not_conflicts_with_each_other() {
    let Started { dir: _dir, path, base, mut w, rx, .. } = started(false);
    // The same field changed twice, the second before the first is on
    // disk: each sent over the one before it.
    let mut before = base;
    for round in 0..20 {
        let ours = titled(&before, &format!("Titel {round}"));
        w.sync(path.clone(), before, Arc::clone(&ours), false);
        before = ours;
    }
    let mut last = None;
    while !w.idle() {
        let done = next_done(&rx);
        w.finished(&done);
        last = Some(done);
    }
    let last = last.unwrap();
    assert!(matches!(last.result, Ok(Synced::Written)), "{:?}", last.result);
    let saved = storage::load(&path).unwrap().session;
    assert_eq!(saved.title, "Titel 19");
    assert!(saved.conflicts.is_empty(), "{:?}", saved.conflicts);
}

/// Issue 8: a side lock file deleted a moment before quitting. The last
/// save finds the lock gone; the quit takes it again (nobody else holds
/// it) and the work lands in the session file, not in a recovery file.
#[cfg(unix)]
#[test]
fn a_lock_file_deleted_just_before_quitting_is_taken_again_and_the_work_saved() {
    let Started { dir, path, base, lock, mut w, rx, .. } = started(true);
    let mut lock = lock.unwrap();
    let side = lock.lock_file().to_path_buf();
    std::fs::remove_file(&side).unwrap();
    let ours = titled(&base, "Buurt");
    w.sync(path.clone(), Arc::clone(&base), Arc::clone(&ours), false);
    let done = next_done(&rx);
    w.finished(&done);
    assert!(matches!(&done.result, Err(f) if f.kind == FailureKind::LockTaken), "{:?}", done.result);
    // What quitting does with that failure (`recovery::finish_saving`):
    // take the lock again, then save once more through the writer.
    assert!(w.retake(Some(&mut lock)), "nobody else holds the lock: it is taken again");
    assert!(side.exists(), "the lock file is back");
    w.sync(path.clone(), Arc::clone(&ours), Arc::clone(&ours), false);
    let wait = w.flush(&rx, Duration::from_secs(10));
    assert!(wait.is_ok(), "{wait:?}");
    assert_eq!(storage::load(&path).unwrap().session.title, "Buurt");
    let litter: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("recovered"))
        .collect();
    assert!(litter.is_empty(), "{litter:?}");
    // Held by another kompas instead: not taken, nothing written.
    std::fs::remove_file(&side).unwrap();
    let theirs = std::fs::File::create(&side).unwrap();
    theirs.try_lock().unwrap();
    assert!(!w.retake(Some(&mut lock)));
}

/// Issue 8: a side lock replaced by another kompas is noticed before
/// the next save, and nothing is written over the file.
#[cfg(unix)]
#[test]
fn a_side_lock_taken_by_another_kompas_stops_the_writing() {
    let Started { dir: _dir, path, bytes, base, lock, mut w, rx } = started(true);
    let lock = lock.unwrap();
    let side = lock.lock_file().to_path_buf();
    // Another kompas found no lock file and made its own.
    std::fs::remove_file(&side).unwrap();
    let theirs = std::fs::File::create(&side).unwrap();
    theirs.try_lock().unwrap();
    let ours = titled(&base, "Buurt");
    w.sync(path.clone(), Arc::clone(&base), Arc::clone(&ours), false);
    let done = next_done(&rx);
    assert!(matches!(&done.result, Err(f) if f.kind == FailureKind::LockTaken), "{:?}", done.result);
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "nothing written");
    // Ours cannot be taken again while theirs holds it; once they let
    // go, it can, and the next save is written.
    let mut lock = lock;
    assert!(!lock.still_held().unwrap());
    drop(theirs);
    std::fs::remove_file(&side).unwrap();
    assert!(lock.still_held().unwrap());
    w.probe(lock.probe().unwrap());
    w.sync(path.clone(), Arc::clone(&ours), Arc::clone(&ours), false);
    let done = next_done(&rx);
    assert!(matches!(done.result, Ok(Synced::Written)), "{:?}", done.result);
    assert_eq!(storage::load(&path).unwrap().session.title, "Buurt");
}

/// Hold the writer thread: every job handed to it after this waits until
/// the returned receiver takes the pause's answer (`recv`).
fn pause(w: &Writer) -> Receiver<()> {
    let (tx, rx) = mpsc::sync_channel(0);
    w.jobs.send(Job::Barrier(tx)).unwrap();
    rx
}

/// Is the side lock file at `side` held by someone (another open file of
/// it cannot be locked)? False when the file is gone.
fn side_lock_held(side: &std::path::Path) -> bool {
    match std::fs::File::open(side) {
        Ok(f) => f.try_lock().is_err(),
        Err(_) => false,
    }
}

/// Issue 8, found by the sync simulation: closing a session (Esc to the
/// library, or opening another) while its syncs still wait in the writer.
/// The side lock is let go only after them, so they still write; before,
/// the loop let go of it at once and the waiting syncs wrote nothing.
#[cfg(unix)]
#[test]
fn closing_a_session_lets_go_of_its_side_lock_only_after_the_waiting_syncs() {
    let Started { dir, path, base, lock, mut w, rx, .. } = started(true);
    let lock = lock.unwrap();
    let side = lock.lock_file().to_path_buf();
    let gate = pause(&w);
    let first = titled(&base, "Buurt");
    let last = titled(&first, "Buurt en wijk");
    w.sync(path.clone(), Arc::clone(&base), Arc::clone(&first), false);
    w.sync(path.clone(), Arc::clone(&first), Arc::clone(&last), false);
    w.detach(Some(lock));
    // Closed, syncs still waiting: the side lock is still held.
    assert!(side.exists(), "the lock file is still there");
    assert!(side_lock_held(&side), "the side lock is still held while syncs wait");
    gate.recv().unwrap();
    assert!(w.settle(Duration::from_secs(10)), "the writer settles");
    let mut results = Vec::new();
    while let Ok(Wake::Saved(done)) = rx.try_recv() {
        results.push(done.result);
    }
    assert!(results.iter().all(|r| matches!(r, Ok(Synced::Written))), "{results:?}");
    assert!(!results.is_empty());
    assert_eq!(storage::load(&path).unwrap().session.title, "Buurt en wijk", "the waiting syncs wrote");
    // Then let go of: no lock held, no lock file left, no recovery file.
    assert!(!side_lock_held(&side));
    assert!(!side.exists(), "the lock file is removed after the syncs");
    assert_eq!(storage::find_recoveries(&path).iter().filter(|p| p.starts_with(dir.path())).count(), 0);
}

/// The last sync before closing did not reach the file (deleted outside):
/// the writer keeps that snapshot as a recovery file beside the session,
/// then lets go of the lock.
#[cfg(unix)]
#[test]
fn a_failed_last_sync_before_closing_leaves_a_recovery_file() {
    let Started { dir, path, base, lock, mut w, rx, .. } = started(true);
    let lock = lock.unwrap();
    let side = lock.lock_file().to_path_buf();
    let gate = pause(&w);
    std::fs::remove_file(&path).unwrap();
    let ours = titled(&base, "Buurt");
    w.sync(path.clone(), Arc::clone(&base), Arc::clone(&ours), false);
    w.detach(Some(lock));
    assert!(side_lock_held(&side), "held while the sync waits");
    gate.recv().unwrap();
    assert!(matches!(next_done(&rx).result, Ok(Synced::Gone)));
    assert!(w.settle(Duration::from_secs(10)));
    assert!(!path.exists(), "a deleted file is not written again unasked");
    let found: Vec<PathBuf> =
        storage::find_recoveries(&path).into_iter().filter(|p| p.starts_with(dir.path())).collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(storage::load(&found[0]).unwrap().session.title, "Buurt", "the unsaved edit is in it");
    assert!(!side_lock_held(&side) && !side.exists(), "the lock is let go after it");
}

/// A sync that failed and then one that landed before closing: no
/// recovery file (the work is in the session file).
#[cfg(unix)]
#[test]
fn closing_after_a_failed_sync_that_a_later_one_made_good_leaves_no_recovery_file() {
    let Started { dir, path, base, lock, mut w, rx, .. } = started(true);
    let gate = pause(&w);
    std::fs::remove_file(&path).unwrap();
    let first = titled(&base, "Buurt");
    w.sync(path.clone(), Arc::clone(&base), Arc::clone(&first), false);
    // Between the two, so the writer does not take them as one.
    w.jobs.send(Job::Barrier(mpsc::sync_channel(1).0)).unwrap();
    let last = titled(&first, "Buurt en wijk");
    w.sync(path.clone(), Arc::clone(&first), Arc::clone(&last), true);
    w.detach(lock);
    gate.recv().unwrap();
    assert!(matches!(next_done(&rx).result, Ok(Synced::Gone)));
    assert!(matches!(next_done(&rx).result, Ok(Synced::Written)));
    assert!(w.settle(Duration::from_secs(10)));
    assert_eq!(storage::load(&path).unwrap().session.title, "Buurt en wijk");
    let found: Vec<PathBuf> =
        storage::find_recoveries(&path).into_iter().filter(|p| p.starts_with(dir.path())).collect();
    assert!(found.is_empty(), "{found:?}");
}

/// `settle` at quit with no session open waits for the syncs of the
/// session just closed, and says so when they take longer than its limit.
#[test]
fn settling_waits_for_the_syncs_of_a_closed_session() {
    // `rx` kept: the writer stops when nobody takes its answers.
    let Started { dir: _dir, path, base, lock, mut w, rx: _rx, .. } = started(false);
    let gate = pause(&w);
    let ours = titled(&base, "Buurt");
    w.sync(path.clone(), Arc::clone(&base), Arc::clone(&ours), false);
    w.detach(lock);
    assert!(!w.settle(Duration::from_millis(50)), "still held: not settled");
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(100));
        gate.recv().unwrap();
    });
    assert!(w.settle(Duration::from_secs(10)));
    assert_eq!(storage::load(&path).unwrap().session.title, "Buurt", "written before settle returned");
    release.join().unwrap();
}
