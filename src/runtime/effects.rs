//! Carrying out what `update` asks for. Saving goes to the writer thread;
//! opening, creating, exporting and reading a collaboration's meetings run
//! on a thread of their own and come back as actions, so the loop never
//! waits for the disk between two keys.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Sender;

use chrono::NaiveDate;

use super::library::{load_chain, spawn_library_scan};
use super::{Held, Wake, new_session_id, now};
use crate::app::{
    Access, Action, AppState, Draft, Effect, Failure, FailureKind, OpenedSession, PreviousContext,
    ReadOnlyWhy,
};
use crate::domain::Session;
use crate::storage::{self, Disk, ReadOnly, SessionLock, Watch};

/// A session opened (or not) off the loop, with what the runtime keeps of
/// it: the lock, and whether a migration backup waits.
pub(super) struct Opening {
    /// Which request this answers; an older one is dropped.
    pub generation: u64,
    pub lock: Option<SessionLock>,
    pub backup: Option<(PathBuf, u32)>,
    /// The file as read, for the writer to keep in step with (not for a
    /// review, which writes nothing and follows nothing).
    pub disk: Option<Disk>,
    /// Its watcher: every change to the file wakes the loop.
    pub watch: Option<Watch>,
    /// `SessionOpened` or `OpenFailed`.
    pub action: Action,
}

/// At most this many earlier meetings are read for a chain.
const CHAIN_LIMIT: usize = 500;

/// Carry out `effect`; an action when its result is known at once.
pub(super) fn perform(state: &AppState, held: &mut Held, effect: Effect) -> Option<Action> {
    match effect {
        Effect::Save | Effect::WriteAgain => {
            // What is saved is what the room display shows next.
            held.room.dirty = true;
            let s = state.session()?;
            if s.access.read_only() {
                return None;
            }
            if let Some((path, from)) = held.backup.take().filter(|(p, _)| *p == s.path)
                && let Err(e) = storage::backup_original(&path, from)
            {
                held.backup = Some((path.clone(), from));
                return Some(Action::SaveFailed(Failure::io(&path, &e, |cause| FailureKind::NoBackup {
                    version: from,
                    cause,
                })));
            }
            held.sync(s, effect == Effect::WriteAgain);
            Some(Action::Saving)
        }
        Effect::ListSessions { generation } => {
            spawn_library_scan(state.sessions_dir.clone(), state.today, generation, held.tx.clone());
            None
        }
        Effect::LoadChain(paths) => {
            background(&held.tx, move || load_chain(&paths));
            None
        }
        Effect::OpenSession(path) => open_in_background(held, Access::Edit, move || Ok(path)),
        Effect::ReviewSession(path) => open_in_background(held, Access::Review, move || Ok(path)),
        Effect::CreateSession(f) => {
            let dir = state.sessions_dir.clone();
            open_in_background(held, Access::Edit, move || {
                let now = now();
                let session =
                    Session::new(new_session_id(now), &f.title, f.meeting_date, &f.facilitator, now)
                        .map_err(Failure::from)?;
                storage::create_new(&dir, &session).map_err(|e| Failure::from(&e))
            })
        }
        Effect::CreateFollowUp { from, meeting_date } => {
            // The open session is the freshest copy; otherwise read the file.
            let open = state.session().filter(|s| s.path == from).map(|s| Arc::clone(&s.session));
            let journal = held.journal.clone();
            open_in_background(held, Access::Edit, move || {
                let made = create_follow_up(open, &from, meeting_date)?;
                // The follow-up form's typing (journaled beside the meeting
                // it came from) is a meeting now: without this, reopening
                // that meeting would offer the form again, and a second
                // Enter would make a duplicate. Through the journal's
                // thread, so it comes after any write of that typing.
                journal.remove(from);
                Ok(made)
            })
        }
        Effect::WriteDraft { path, session_id, revision, draft } => {
            if state.quitting {
                // On the way out the loop writes the last typing itself,
                // after everything asked before.
                held.journal.flush(std::time::Duration::from_secs(10));
                return Some(super::journal::write_now(path, session_id, revision, draft));
            }
            held.journal.write(path, session_id, revision, draft)
        }
        Effect::RemoveDraft(path) => {
            held.journal.remove(path);
            None
        }
        Effect::Export { path, format } => {
            let open = state.session().filter(|s| s.path == path).map(|s| Arc::clone(&s.session));
            let (lang, today) = (state.lang, state.today);
            background(&held.tx, move || export(open, &path, format, lang, today));
            None
        }
        Effect::CloseSession => {
            held.follow = None;
            held.writer.detach(held.lock.take());
            held.opening += 1;
            None
        }
        Effect::RoomStart(addr) => Some(held.room.toggle(Some(addr), state)),
        Effect::RoomStop => Some(held.room.toggle(None, state)),
        Effect::Bell => {
            // BEL moves nothing on screen; a failed write only loses the sound.
            let mut out = std::io::stdout();
            let _ =
                std::io::Write::write_all(&mut out, b"\x07").and_then(|_| std::io::Write::flush(&mut out));
            None
        }
        // Copies of the open session (issue 8), each off the loop.
        Effect::FindCopies { path, id } => {
            background(&held.tx, move || super::copies::find(path, &id));
            None
        }
        Effect::MergeCopies { path, copies, ours, now } => {
            background(&held.tx, move || super::copies::merge(path, copies, ours, now));
            None
        }
        Effect::RemoveCopies { path, copies } => {
            background(&held.tx, move || super::copies::remove(path, copies));
            None
        }
        Effect::RestoreCopies { path, copies } => {
            background(&held.tx, move || super::copies::restore(path, copies));
            None
        }
        Effect::Quit => None,
    }
}

/// Run `work` on a thread of its own; its action comes back to the loop.
fn background(tx: &Sender<Wake>, work: impl FnOnce() -> Action + Send + 'static) {
    let tx = tx.clone();
    std::thread::spawn(move || {
        let _ = tx.send(Wake::Action(work()));
    });
}

/// Open the file `file()` names (after making it, for a new session) on a
/// thread of its own; then read the meetings before it for the chain.
fn open_in_background(
    held: &mut Held,
    access: Access,
    file: impl FnOnce() -> Result<PathBuf, Failure> + Send + 'static,
) -> Option<Action> {
    let generation = next_opening(held);
    let tx = held.tx.clone();
    std::thread::spawn(move || {
        let opening = match file() {
            Ok(path) => open(&path, access, generation, &tx),
            Err(failure) => failed(generation, failure),
        };
        let opened = opened_link(&opening);
        if tx.send(Wake::Opened(Box::new(opening))).is_err() {
            return;
        }
        if let Some((path, previous)) = opened {
            chain_of(&tx, path, previous);
        }
    });
    None
}

/// Open the session named on the command line here, on the loop's thread,
/// and return it; the meetings before it are read on a thread of their own.
/// At start-up nothing is on screen and the loop has nothing to do but
/// wait for the session, so a thread of its own would only add a hand-over
/// (on a busy machine, a wait for a core) and, with glibc, a fresh memory
/// arena that grows a page at a time while the file is parsed.
pub(super) fn open_at_start(held: &mut Held, access: Access, path: &Path) -> Opening {
    let generation = next_opening(held);
    let opening = open(path, access, generation, &held.tx);
    if let Some((path, previous)) = opened_link(&opening) {
        let tx = held.tx.clone();
        std::thread::spawn(move || chain_of(&tx, path, previous));
    }
    opening
}

/// A new request to open: the open session's syncs still waiting are done
/// under its lock first; the request's generation.
fn next_opening(held: &mut Held) -> u64 {
    held.writer.detach(held.lock.take());
    held.backup = None;
    held.opening += 1;
    held.opening
}

/// The file opened and its link to the meeting before, if it opened.
fn opened_link(opening: &Opening) -> Option<(PathBuf, Option<crate::domain::PreviousMeeting>)> {
    match &opening.action {
        Action::SessionOpened(o) => Some((o.path.clone(), o.session.previous.clone())),
        _ => None,
    }
}

/// Read the meetings before the one in `path` and hand them to the loop.
fn chain_of(tx: &Sender<Wake>, path: PathBuf, previous: Option<crate::domain::PreviousMeeting>) {
    let chain = read_chain(&path, previous);
    let _ = tx.send(Wake::Action(Action::ChainLoaded { path, chain: chain.into() }));
}

fn failed(generation: u64, failure: Failure) -> Opening {
    Opening {
        generation,
        lock: None,
        backup: None,
        disk: None,
        watch: None,
        action: Action::OpenFailed(failure),
    }
}

/// Open a session: to work in (`Access::Edit`; read-only, with the
/// reason, when another kompas holds it or this program may not write it),
/// or to look back at (`Access::Review`: no lock, no watch). A draft left
/// in the journal by an earlier run is handed over to be offered.
pub(super) fn open(path: &Path, access: Access, generation: u64, tx: &Sender<Wake>) -> Opening {
    let (session, migrated_from, lock, access, disk) = if access == Access::Edit {
        let opened = match storage::open(path) {
            Ok(o) => o,
            Err(e) => return failed(generation, Failure::from(&e)),
        };
        let (lock, access) = match opened.access {
            Ok(lock) => (Some(lock), Access::Edit),
            Err(ReadOnly::HeldElsewhere) => (None, Access::HeldElsewhere),
            Err(why) => (None, Access::ReadOnly(read_only_why(&why))),
        };
        (opened.session, opened.migrated_from, lock, access, Some(opened.disk))
    } else {
        match storage::load(path) {
            Ok(l) => (Arc::new(l.session), l.migrated_from, None, access, None),
            Err(e) => return failed(generation, Failure::from(&e)),
        }
    };
    // Outside changes wake the loop. Without a watch (the system refused
    // one) they are still found before every save.
    let watch = disk.as_ref().and_then(|_| {
        let tx = tx.clone();
        storage::watch(path, move || {
            let _ = tx.send(Wake::Outside);
        })
        .ok()
    });
    let draft = if access.read_only() {
        None
    } else {
        storage::journal::read_draft(path, &session.id).and_then(|v| serde_json::from_value::<Draft>(v).ok())
    };
    let backup = migrated_from.filter(|_| !access.read_only()).map(|v| (path.to_path_buf(), v));
    let previous = previous_context(path, &session);
    let opened = OpenedSession { session, path: path.to_path_buf(), access, draft, previous };
    Opening { generation, lock, backup, disk, watch, action: Action::SessionOpened(Box::new(opened)) }
}

/// Storage's reason for read-only, as the interface names it.
fn read_only_why(why: &ReadOnly) -> ReadOnlyWhy {
    match why {
        ReadOnly::FileReadOnly { mode } => ReadOnlyWhy::FileMode(*mode),
        ReadOnly::NoWriteFile => ReadOnlyWhy::NoWriteFile,
        ReadOnly::NoWriteFolder => ReadOnlyWhy::NoWriteFolder,
        ReadOnly::ReadOnlyDisk => ReadOnlyWhy::ReadOnlyDisk,
        ReadOnly::OtherOwner { uid } => ReadOnlyWhy::OtherOwner(*uid),
        ReadOnly::HardLinks { links } => ReadOnlyWhy::HardLinks(*links),
        ReadOnly::PlantedLockLink => ReadOnlyWhy::PlantedLockLink,
        ReadOnly::LockFailed(_) | ReadOnly::HeldElsewhere => ReadOnlyWhy::LockFailed,
    }
}

/// The meeting before `session`, when its file is still beside it: the
/// last reflections (see [`Session::last_reflections`]).
fn previous_context(path: &Path, session: &Session) -> Option<PreviousContext> {
    let link = session.previous.as_ref()?;
    let previous = storage::load(&path.with_file_name(&link.file)).ok()?.session;
    let reflections = previous.last_reflections().cloned().collect();
    Some(PreviousContext { file: link.file.clone(), meeting_date: link.meeting_date, reflections })
}

/// The meetings before the one in `path` (whose link to the one before is
/// `previous`), following `previous` links to files in the same folder,
/// oldest first. Stops at a missing or unreadable file, a loop, or
/// [`CHAIN_LIMIT`] meetings.
pub fn read_chain(path: &Path, previous: Option<crate::domain::PreviousMeeting>) -> Vec<Session> {
    let mut chain = Vec::new();
    let mut seen = vec![path.to_path_buf()];
    let mut link = previous;
    while let Some(l) = link.take() {
        let file = path.with_file_name(&l.file);
        if seen.contains(&file) || chain.len() >= CHAIN_LIMIT {
            break;
        }
        let Ok(loaded) = storage::load(&file) else { break };
        seen.push(file);
        link = loaded.session.previous.clone();
        chain.push(loaded.session);
    }
    chain.reverse();
    chain
}

/// The session in `path`: the open one (the freshest copy) when given,
/// else read from the file.
fn open_or_load(open: Option<Arc<Session>>, path: &Path) -> Result<Arc<Session>, Failure> {
    match open {
        Some(s) => Ok(s),
        None => storage::load(path).map(|l| Arc::new(l.session)).map_err(|e| Failure::from(&e)),
    }
}

/// The next meeting after the session in `from`: a new file beside it.
fn create_follow_up(
    open: Option<Arc<Session>>,
    from: &Path,
    meeting_date: NaiveDate,
) -> Result<PathBuf, Failure> {
    let source = open_or_load(open, from)?;
    let now = now();
    let file = from.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let next = source.follow_up(new_session_id(now), &file, meeting_date, now);
    let dir = from.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    storage::create_new(dir, &next).map_err(|e| Failure::from(&e))
}

/// Write an export of the session in `path` beside it (`.md`, `.html`,
/// `.csv`); the open session is exported as it is in memory.
fn export(
    open: Option<Arc<Session>>,
    path: &Path,
    format: crate::export::Format,
    lang: crate::i18n::Lang,
    today: NaiveDate,
) -> Action {
    let session = match open_or_load(open, path) {
        Ok(s) => s,
        Err(e) => return Action::OpenFailed(e),
    };
    let text = crate::export::export(&session, format, lang, today);
    let target = path.with_extension(format.extension());
    // The rules of `kompas export -o`: never over a session file (this one
    // or another), a link, a folder, a device or a pipe. An export made
    // here before (a regular file) is replaced: `x` again updates it.
    match storage::write_export(&target, text.as_bytes(), path, true) {
        Ok(()) => Action::Exported(target),
        Err(e) => Action::OpenFailed(Failure::from(&e)),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use crate::export::Format;
    use crate::i18n::Lang;

    /// `x` in the program follows the rules of `kompas export -o`.
    #[test]
    fn x_never_writes_over_a_link_or_a_session_and_updates_its_own_export() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let now = chrono::DateTime::parse_from_rfc3339("2026-03-12T10:00:00+01:00").unwrap();
        let s = Session::new("s1".into(), "Wijk", now.date_naive(), "", now).unwrap();
        let path = d.join("a.json");
        storage::save(&path, &s).unwrap();
        let today = now.date_naive();
        let x = || export(None, &path, Format::Markdown, Lang::En, today);
        let refused = |a: Action| match a {
            Action::OpenFailed(f) => match f.kind {
                FailureKind::ExportRefused(_) => f.describe(Lang::Nl),
                other => panic!("{other:?}"),
            },
            other => panic!("{other:?}"),
        };
        // A planted link: not followed, left alone.
        std::os::unix::fs::symlink("elsewhere.md", d.join("a.md")).unwrap();
        assert!(refused(x()).contains("symbolische koppeling"));
        assert!(!d.join("elsewhere.md").exists());
        // Another session file at that name: untouched.
        std::fs::remove_file(d.join("a.md")).unwrap();
        storage::save(&d.join("a.md"), &s).unwrap();
        let before = std::fs::read(d.join("a.md")).unwrap();
        assert!(refused(x()).contains("sessiebestand"));
        assert_eq!(std::fs::read(d.join("a.md")).unwrap(), before);
        // Its own earlier export: written, then updated.
        std::fs::remove_file(d.join("a.md")).unwrap();
        for _ in 0..2 {
            assert!(matches!(x(), Action::Exported(p) if p == d.join("a.md")));
        }
        assert!(std::fs::read_to_string(d.join("a.md")).unwrap().contains("Wijk"));
    }
}
