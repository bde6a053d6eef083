//! The small loop around the pure state machine: read terminal events and
//! signals from one channel (blocking, so an idle program uses no CPU), map
//! keys to actions, call `update`, perform the effects it returns, draw.

mod journal;
mod library;
mod writer;

use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use chrono::{Local, NaiveDate, Timelike};
use ratatui::crossterm::event::{self, Event, KeyEventKind};

use crate::app::{
    Access, Action, AppState, Draft, Effect, OpenedSession, PreviousContext, SaveState, update,
};
use crate::domain::{Session, Timestamp};
use crate::i18n::Lang;
use crate::storage::{self, LockOutcome, SessionLock};
use crate::terminal::TerminalGuard;
use crate::{keymap, ui};
use journal::Journal;
pub use library::scan_library;
use library::{load_chain, spawn_library_scan};
use writer::{Done, Writer};

/// What the program was asked to open at start.
#[derive(Debug, Clone)]
pub enum Start {
    Library,
    Open(PathBuf),
    /// Look back at a session: read-only, no lock taken.
    Review(PathBuf),
    Create {
        title: String,
        meeting_date: NaiveDate,
        facilitator: String,
    },
}

pub struct Options {
    pub lang: Lang,
    pub sessions_dir: PathBuf,
    pub start: Start,
}

/// Everything that wakes the loop.
enum Wake {
    Terminal(Event),
    TerminalGone,
    Signal,
    /// A result from a background task (the library listing).
    Action(Action),
    /// The background writer finished a save.
    Saved(Done),
}

/// The wall clock, to the second: what every `update` receives as `now`.
pub fn now() -> Timestamp {
    let t = Local::now().fixed_offset();
    t.with_nanosecond(0).unwrap_or(t)
}

/// A session id that will not repeat: date, time and 32 random bits.
pub fn new_session_id(now: Timestamp) -> String {
    use std::hash::{BuildHasher, RandomState};
    let random = RandomState::new().hash_one(now.timestamp_nanos_opt().unwrap_or_default()) as u32;
    format!("{}-{random:08x}", now.format("%Y%m%d%H%M%S"))
}

/// What the runtime holds besides the state: the open session's lock and
/// draft journal, and the way back into the loop for background tasks.
struct Held {
    lock: Option<SessionLock>,
    /// A session read from an older format: its original is kept as a
    /// backup before the first save in the new format.
    backup: Option<(PathBuf, u32)>,
    journal: Journal,
    writer: Writer,
    tx: Sender<Wake>,
}

pub fn run(opts: Options) -> io::Result<()> {
    // The folder is made only when kompas will list or create sessions in
    // it; opening one file leaves the working folder alone.
    let folder = match &opts.start {
        Start::Library | Start::Create { .. } => {
            storage::ensure_sessions_dir(&opts.sessions_dir)?;
            Some(opts.sessions_dir.clone())
        }
        Start::Open(p) | Start::Review(p) => {
            p.parent().map(|d| if d.as_os_str().is_empty() { PathBuf::from(".") } else { d.to_path_buf() })
        }
    };
    if let Some(folder) = folder {
        let _ = storage::clean_stale_temp_files(&folder);
    }
    let (tx, rx) = mpsc::channel();
    let mut state = AppState::new(opts.lang, opts.sessions_dir.clone(), now().date_naive());
    let writer = Writer::spawn(tx.clone());
    let mut held = Held { lock: None, backup: None, journal: Journal::default(), writer, tx: tx.clone() };
    let first = match &opts.start {
        Start::Library => Effect::ListSessions { generation: 0 },
        Start::Open(path) => Effect::OpenSession(path.clone()),
        Start::Review(path) => Effect::ReviewSession(path.clone()),
        Start::Create { title, meeting_date, facilitator } => {
            Effect::CreateSession(crate::app::NewSessionFields {
                title: title.clone(),
                meeting_date: *meeting_date,
                facilitator: facilitator.clone(),
            })
        }
    };
    // Open or create before taking over the terminal: a file that does not
    // load is reported on stderr, naming the file and the place.
    let opened = perform(&state, &mut held, first);
    if let Some(Action::OpenFailed(message)) = opened {
        return Err(io::Error::other(message));
    }
    spawn_signal_thread(tx.clone())?;
    let mut guard = TerminalGuard::enter()?;
    spawn_input_thread(tx);
    let size = guard.terminal.size()?;
    let mut queue = vec![Action::Resize(size.width, size.height)];
    queue.extend(opened);

    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| -> io::Result<()> {
        loop {
            dispatch(&mut state, &mut held, std::mem::take(&mut queue));
            held.journal.plan(&state);
            if state.quitting {
                // Typing not yet committed goes to the journal, to be offered
                // next time; committed edits reach the disk before we go.
                held.journal.write(&state);
                let saved = finish_saving(&state, &mut held, &rx);
                if saved.is_ok() {
                    held.journal.settle(&state);
                }
                return saved;
            }
            guard.terminal.draw(|f| ui::draw(f, &state))?;
            // Block until something happens; wake early only for a due journal
            // write or a save retry. No polling while idle.
            let retry = retry_interval(&state).map(|d| Instant::now() + d);
            let deadline = [retry, held.journal.due].into_iter().flatten().min();
            let wake = match deadline {
                Some(at) => match rx.recv_timeout(at.saturating_duration_since(Instant::now())) {
                    Ok(w) => Some(w),
                    Err(RecvTimeoutError::Timeout) => {
                        if held.journal.due.is_some_and(|due| due <= Instant::now()) {
                            held.journal.write(&state);
                        }
                        if retry.is_some_and(|r| r <= Instant::now()) {
                            queue.push(Action::RetrySave);
                        }
                        continue;
                    }
                    Err(RecvTimeoutError::Disconnected) => None,
                },
                None => rx.recv().ok(),
            };
            match wake {
                Some(Wake::Terminal(Event::Key(k))) if k.kind != KeyEventKind::Release => {
                    panic_for_tests(&k);
                    queue.extend(keymap::action_for(&state, &k));
                }
                Some(Wake::Terminal(Event::Paste(text))) => queue.push(Action::Paste(text)),
                Some(Wake::Terminal(Event::Resize(w, h))) => queue.push(Action::Resize(w, h)),
                Some(Wake::Terminal(_)) => {}
                Some(Wake::Action(a)) => queue.push(a),
                Some(Wake::Saved(done)) => {
                    let current = state.session().is_some_and(|s| s.path == done.path);
                    if held.writer.finished(&done) && current {
                        queue.push(match done.result {
                            Ok(()) => Action::Saved,
                            Err(e) => Action::SaveFailed(e),
                        });
                    }
                }
                Some(Wake::Signal) | Some(Wake::TerminalGone) | None => queue.push(Action::Quit),
            }
        }
    }));
    drop(guard);
    match outcome {
        Ok(result) => result,
        Err(panic) => {
            if let Some(s) = state.session() {
                // After the terminal is restored; a path or an error message
                // from the file system is made safe like any other text.
                let message = match write_recovery(&s.session, &s.path) {
                    Ok(p) => format!(
                        "kompas stopped on an internal error; the session in memory was written to {}",
                        p.display()
                    ),
                    Err(e) => format!(
                        "kompas stopped on an internal error and could not write a recovery file: {e}"
                    ),
                };
                eprintln!("\n{}", crate::text::safe_line(&message));
            }
            std::panic::resume_unwind(panic)
        }
    }
}

/// Debug builds only: `KOMPAS_TEST_PANIC=<key>` makes that key panic, so
/// the tests can check that a panic restores the terminal and writes the
/// session to a recovery file. Release builds have no such hook.
fn panic_for_tests(key: &ratatui::crossterm::event::KeyEvent) {
    #[cfg(debug_assertions)]
    if let Ok(k) = std::env::var("KOMPAS_TEST_PANIC")
        && key.code == ratatui::crossterm::event::KeyCode::Char(k.chars().next().unwrap_or('\0'))
    {
        panic!("panic requested by KOMPAS_TEST_PANIC");
    }
    let _ = key;
}

/// While the last save failed, wake every second to try again.
fn retry_interval(state: &AppState) -> Option<Duration> {
    matches!(state.session().map(|s| &s.save), Some(crate::app::SaveState::Failed(_)))
        .then(|| Duration::from_secs(1))
}

/// Run actions through `update`, performing effects and feeding their results
/// back, until nothing is left. Saving happens here, before the next key.
fn dispatch(state: &mut AppState, held: &mut Held, mut queue: Vec<Action>) {
    while !queue.is_empty() {
        let action = queue.remove(0);
        for effect in update(state, action, now()) {
            if let Some(result) = perform(state, held, effect) {
                queue.push(result);
            }
        }
    }
}

fn perform(state: &AppState, held: &mut Held, effect: Effect) -> Option<Action> {
    match effect {
        Effect::Save => {
            let s = state.session()?;
            if s.access.read_only() {
                return None;
            }
            if let Some((path, from)) = held.backup.take().filter(|(p, _)| *p == s.path)
                && let Err(e) = storage::backup_original(&path, from)
            {
                held.backup = Some((path.clone(), from));
                return Some(Action::SaveFailed(format!(
                    "{}: not saved: could not first keep the original (version {from}) as a backup: {e}",
                    path.display()
                )));
            }
            held.writer.save(s.path.clone(), std::sync::Arc::clone(&s.session));
            Some(Action::Saving)
        }
        Effect::ListSessions { generation } => {
            spawn_library_scan(state.sessions_dir.clone(), state.today, generation, held.tx.clone());
            None
        }
        Effect::LoadChain(paths) => Some(load_chain(&paths)),
        Effect::OpenSession(path) => Some(open(held, &path)),
        Effect::ReviewSession(path) => Some(review(held, &path)),
        Effect::CreateFollowUp { from, meeting_date } => {
            Some(create_follow_up(state, held, &from, meeting_date))
        }
        Effect::CreateSession(f) => {
            let now = now();
            let session =
                match Session::new(new_session_id(now), &f.title, f.meeting_date, &f.facilitator, now) {
                    Ok(s) => s,
                    Err(e) => return Some(Action::OpenFailed(e.to_string())),
                };
            match storage::create_new(&state.sessions_dir, &session) {
                Ok(path) => Some(open(held, &path)),
                Err(e) => Some(Action::OpenFailed(e.to_string())),
            }
        }
        Effect::Export { path, format } => Some(export(state, &path, format)),
        Effect::CloseSession => {
            held.lock = None;
            None
        }
        Effect::Quit => None,
    }
}

/// Lock and load a session; read-only when another kompas holds it. A draft
/// left in the journal by an earlier run is handed over to be offered.
fn open(held: &mut Held, path: &Path) -> Action {
    held.lock = None;
    held.backup = None;
    held.journal = Journal::default();
    let access = match storage::lock(path) {
        Ok(LockOutcome::Acquired(lock)) => {
            held.lock = Some(lock);
            Access::Edit
        }
        Ok(LockOutcome::HeldElsewhere) => Access::HeldElsewhere,
        Err(e) => return Action::OpenFailed(format!("{}: {e}", path.display())),
    };
    match storage::load(path) {
        Ok(loaded) => {
            let draft = if access.read_only() {
                None
            } else {
                storage::journal::read_draft(path, &loaded.session.id)
                    .and_then(|v| serde_json::from_value::<Draft>(v).ok())
            };
            held.journal.on_disk = draft.is_some();
            held.backup =
                loaded.migrated_from.filter(|_| !access.read_only()).map(|v| (path.to_path_buf(), v));
            let previous = previous_context(path, &loaded.session);
            Action::SessionOpened(Box::new(OpenedSession {
                session: loaded.session,
                path: path.to_path_buf(),
                access,
                draft,
                previous,
            }))
        }
        Err(e) => {
            held.lock = None;
            Action::OpenFailed(e.to_string())
        }
    }
}

/// Load a session to look back at: no lock, nothing can change.
fn review(held: &mut Held, path: &Path) -> Action {
    held.lock = None;
    held.backup = None;
    held.journal = Journal::default();
    match storage::load(path) {
        Ok(loaded) => {
            let previous = previous_context(path, &loaded.session);
            Action::SessionOpened(Box::new(OpenedSession {
                session: loaded.session,
                path: path.to_path_buf(),
                access: Access::Review,
                draft: None,
                previous,
            }))
        }
        Err(e) => Action::OpenFailed(e.to_string()),
    }
}

/// The meeting before `session`, when its file is still beside it: the
/// reflections of the phase it ended in.
fn previous_context(path: &Path, session: &Session) -> Option<PreviousContext> {
    let link = session.previous.as_ref()?;
    let file = path.with_file_name(&link.file);
    let previous = storage::load(&file).ok()?.session;
    let reflections = previous.reflections.iter().filter(|r| r.phase == previous.phase).cloned().collect();
    Some(PreviousContext { file: link.file.clone(), meeting_date: link.meeting_date, reflections })
}

/// The next meeting after the session in `from`: a new file beside it,
/// opened at once.
fn create_follow_up(state: &AppState, held: &mut Held, from: &Path, meeting_date: NaiveDate) -> Action {
    // The open session is the freshest copy; otherwise read the file.
    let source = match state.session().filter(|s| s.path == from) {
        Some(s) => std::sync::Arc::clone(&s.session),
        None => match storage::load(from) {
            Ok(l) => std::sync::Arc::new(l.session),
            Err(e) => return Action::OpenFailed(e.to_string()),
        },
    };
    let now = now();
    let file = from.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let next = source.follow_up(new_session_id(now), &file, meeting_date, now);
    let dir = from.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    match storage::create_new(dir, &next) {
        Ok(path) => open(held, &path),
        Err(e) => Action::OpenFailed(e.to_string()),
    }
}

/// Write an export of the session in `path` beside it (`.md`, `.html`,
/// `.csv`); the open session is exported as it is in memory.
fn export(state: &AppState, path: &Path, format: crate::export::Format) -> Action {
    let session = match state.session().filter(|s| s.path == path) {
        Some(s) => std::sync::Arc::clone(&s.session),
        None => match storage::load(path) {
            Ok(l) => std::sync::Arc::new(l.session),
            Err(e) => return Action::OpenFailed(e.to_string()),
        },
    };
    let text = crate::export::export(&session, format, state.lang, state.today);
    let target = path.with_extension(format.extension());
    match storage::write_atomic(&target, text.as_bytes()) {
        Ok(()) => Action::Exported(target),
        Err(e) => Action::OpenFailed(e.to_string()),
    }
}

/// On the way out: wait for the writer; if the newest state could not be
/// saved (disk full, folder gone), write it to a recovery file and say where,
/// so quitting never loses an edit.
fn finish_saving(state: &AppState, held: &mut Held, rx: &mpsc::Receiver<Wake>) -> io::Result<()> {
    let Some(s) = state.session() else { return Ok(()) };
    if s.access.read_only() {
        return Ok(());
    }
    let failed_before = matches!(s.save, SaveState::Failed(_));
    let outcome = match held.writer.flush(rx, Duration::from_secs(30)) {
        // The last save failed: one more try, straight from memory.
        Err(_) => storage::save(&s.path, &s.session).map_err(|e| e.to_string()),
        Ok(()) if failed_before => storage::save(&s.path, &s.session).map_err(|e| e.to_string()),
        Ok(()) => Ok(()),
    };
    match outcome {
        Ok(()) => Ok(()),
        Err(why) => {
            let written = write_recovery(&s.session, &s.path).or_else(|_| {
                write_recovery(&s.session, &std::env::temp_dir().join(s.path.file_name().unwrap_or_default()))
            });
            Err(io::Error::other(match written {
                Ok(p) => format!(
                    "{}: not saved ({why}); the session was written to {}",
                    s.path.display(),
                    p.display()
                ),
                Err(e) => format!(
                    "{}: not saved ({why}) and no recovery file could be written: {e}",
                    s.path.display()
                ),
            }))
        }
    }
}

/// After a panic: the session as it was in memory, next to its file.
fn write_recovery(session: &Session, path: &Path) -> io::Result<PathBuf> {
    let name =
        path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "session.json".into());
    let target = path.with_file_name(format!("{name}.recovered-{}.json", now().format("%Y%m%d-%H%M%S")));
    storage::save(&target, session).map_err(|e| io::Error::other(e.to_string()))?;
    Ok(target)
}

fn spawn_input_thread(tx: Sender<Wake>) {
    std::thread::spawn(move || {
        loop {
            match event::read() {
                Ok(ev) => {
                    if tx.send(Wake::Terminal(ev)).is_err() {
                        return;
                    }
                }
                Err(_) => {
                    let _ = tx.send(Wake::TerminalGone);
                    return;
                }
            }
        }
    });
}

/// SIGTERM, SIGHUP (the terminal window was closed) and SIGINT end the
/// program cleanly through the same path as `q`.
fn spawn_signal_thread(tx: Sender<Wake>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGXFSZ};
    // A file-size limit must fail a save (EFBIG, shown and retried), not
    // kill the program with the session unsaved.
    signal_hook::flag::register(SIGXFSZ, std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)))?;
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            let _ = tx.send(Wake::Signal);
        }
    });
    Ok(())
}
