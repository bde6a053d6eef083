//! The small loop around the pure state machine: read terminal events and
//! signals from one channel (blocking, so an idle program uses no CPU), map
//! keys to actions, call `update`, perform the effects it returns, draw.
//!
//! Around it: `effects` (carrying out what `update` asks, the slow parts on
//! threads of their own), `writer` (saving off the input path), `journal`
//! (the draft journal), `recovery` (never losing an edit on the way out),
//! `threads` (terminal input and signals) and `library` (reading the
//! session folder).

pub mod copies;
mod effects;
mod journal;
mod library;
mod recovery;
mod room;
mod threads;
mod writer;

use std::io;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use chrono::{Local, NaiveDate, Timelike};
use ratatui::crossterm::event::{Event, KeyEventKind};

use crate::app::{Access, Action, AppState, DiskNews, Effect, FailureKind, SessionScreen, update};
use crate::domain::{Session, Timestamp};
use crate::i18n::Lang;
use crate::storage::{self, SessionLock, Synced, Watch};
use crate::terminal::TerminalGuard;
use crate::{keymap, ui};
pub use effects::read_chain;
use effects::{Opening, perform};
use journal::JournalWriter;
pub use library::scan_library;
use writer::{Done, Writer};

crate::messages! { pub struct R {
    NoFolder => "de sessiemap {dir} kan niet worden gemaakt", "the sessions folder {dir} cannot be made";
    CouldNotOpen => "kompas kon de sessie niet openen", "kompas could not open the session";
    RoomCannotListen => "beamerweergave: kan niet luisteren op {addr}", "room display: cannot listen on {addr}";
    Terminal => "de terminal werkt niet mee", "the terminal does not cooperate";
} }

/// An I/O error on the way to the screen, said in `lang`: what failed, and
/// why in the interface's words.
fn said(lang: Lang, what: String, e: &io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("{what}: {}", crate::app::IoCause::of(e).say(lang)))
}

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
    /// Start the room display on this address (`--room-addr`).
    pub room: Option<std::net::SocketAddr>,
    /// Filled in on the new-session form (from the config file).
    pub facilitator: String,
    /// Shown once the screen is up (a problem in the config file).
    pub notice: Option<String>,
}

/// Everything that wakes the loop.
enum Wake {
    Terminal(Event),
    TerminalGone,
    /// SIGTERM, SIGHUP or SIGINT (Unix only; see `threads`).
    #[cfg_attr(windows, allow(dead_code))]
    Signal,
    /// A result from a background task (the library listing, an export).
    Action(Action),
    /// A session opened (or not) in the background.
    Opened(Box<Opening>),
    /// The background writer finished a sync.
    Saved(Done),
    /// The open session's file changed outside (the watcher).
    Outside,
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
    journal: JournalWriter,
    writer: Writer,
    /// The open session as the writer knows it (not for a review).
    follow: Option<Follow>,
    tx: Sender<Wake>,
    /// Counts requests to open a session; only the newest one's result is
    /// taken (the facilitator may have moved on meanwhile).
    opening: u64,
    /// The room display's server, when it is on.
    room: room::RoomLink,
}

/// The open session's file, as the loop keeps track of it for the writer.
struct Follow {
    path: PathBuf,
    /// The version the session in memory was made from, as far as the
    /// writer knows: the one last handed to it, or last taken from it.
    base: Arc<Session>,
    _watch: Option<Watch>,
}

impl Held {
    /// Take what a background open brought, if it is still wanted: the
    /// action for `update`.
    fn opened(&mut self, opening: Opening) -> Option<Action> {
        if opening.generation != self.opening {
            return None;
        }
        self.lock = opening.lock;
        self.backup = opening.backup;
        self.follow = None;
        if let Some(disk) = opening.disk {
            let base = Arc::clone(disk.on_disk());
            self.follow = Some(Follow { path: disk.path().to_path_buf(), base, _watch: opening.watch });
            let probe = self.lock.as_ref().and_then(|l| l.probe().ok());
            self.writer.attach(disk, probe);
        }
        Some(opening.action)
    }

    /// Hand the session to the writer to bring it and its file in step
    /// (`recreate`: even when the file was deleted).
    fn sync(&mut self, s: &SessionScreen, recreate: bool) {
        let ours = Arc::clone(&s.session);
        let base = match &mut self.follow {
            Some(f) if f.path == s.path => std::mem::replace(&mut f.base, Arc::clone(&ours)),
            _ => Arc::clone(&ours),
        };
        self.writer.sync(s.path.clone(), base, ours, recreate);
    }

    /// The watcher saw the file move: look at it, with nothing new of ours
    /// unless an edit is on its way anyway.
    fn look(&mut self, state: &AppState) {
        if let Some(s) = state.session().filter(|s| self.follow.as_ref().is_some_and(|f| f.path == s.path)) {
            self.sync(s, false);
        }
    }

    /// What a finished sync means for the state, if anything.
    fn synced(&mut self, done: Done, state: &AppState) -> Option<Action> {
        let newest = self.writer.finished(&done);
        let s = state.session().filter(|s| s.path == done.path)?;
        let news = match done.result {
            // The side lock was deleted or replaced: take it again (rare,
            // and a few calls) and save; when another kompas holds it, say
            // so and write nothing (the retry timer asks again).
            Err(e) if e.kind == FailureKind::LockTaken => {
                if self.writer.retake(self.lock.as_mut()) {
                    self.sync(s, false);
                    return None;
                }
                return newest.then_some(Action::SaveFailed(e));
            }
            Err(e) => return newest.then_some(Action::SaveFailed(e)),
            Ok(Synced::Written) => return newest.then_some(Action::Saved),
            Ok(Synced::Unchanged) => return newest.then_some(Action::FromDisk(DiskNews::InStep)),
            Ok(Synced::Gone) => return newest.then_some(Action::FromDisk(DiskNews::Gone)),
            Ok(Synced::KeptCopy { copy }) => DiskNews::KeptCopy(copy),
            // What came in for a snapshot the loop has moved on from, while
            // a newer sync is on its way: that one merges it (the writer's
            // file holds it) and brings it here. Asking for one more sync
            // for each such answer made a storm of syncs while both sides
            // wrote (found by the sync simulation).
            Ok(Synced::Adopted { .. } | Synced::Merged { .. })
                if !newest && !Arc::ptr_eq(&s.session, &done.ours) =>
            {
                return None;
            }
            Ok(Synced::Adopted { session, came_in }) => {
                DiskNews::CameIn { sent: done.ours, session, came_in, conflicts: 0 }
            }
            Ok(Synced::Merged { session, came_in, conflicts }) => {
                DiskNews::CameIn { sent: done.ours, session, came_in, conflicts }
            }
        };
        // The session shown becomes what came in (see `DiskNews::CameIn`):
        // from then on it is made from that.
        if let (DiskNews::CameIn { sent, session, .. }, Some(f)) = (&news, &mut self.follow)
            && Arc::ptr_eq(&s.session, sent)
        {
            f.base = Arc::clone(session);
        }
        Some(Action::FromDisk(news))
    }
}

pub fn run(opts: Options) -> io::Result<()> {
    // The folder is made only when kompas will list or create sessions in
    // it; opening one file leaves the working folder alone.
    let folder = match &opts.start {
        Start::Library | Start::Create { .. } => {
            storage::ensure_sessions_dir(&opts.sessions_dir).map_err(|e| {
                let dir = crate::text::safe_line(&opts.sessions_dir.to_string_lossy()).into_owned();
                said(opts.lang, R::NoFolder.get(opts.lang).replace("{dir}", &dir), &e)
            })?;
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
    state.facilitator = opts.facilitator.clone();
    if let Some(text) = opts.notice.clone() {
        state.notice = Some(crate::app::Notice { text: crate::app::NoticeText::Text(text), error: true });
    }
    let writer = Writer::spawn(tx.clone());
    let mut held = Held {
        lock: None,
        backup: None,
        journal: JournalWriter::start(tx.clone()),
        writer,
        follow: None,
        tx: tx.clone(),
        opening: 0,
        room: room::RoomLink::default(),
    };
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
    let mut queue = Vec::new();
    // Open or create before taking over the terminal: a file that does not
    // load is reported on stderr, naming the file and the place. A file
    // named on the command line is opened right here (see `open_at_start`).
    let opened = match first {
        Effect::OpenSession(path) => {
            let opening = effects::open_at_start(&mut held, Access::Edit, &path);
            held.opened(opening)
        }
        Effect::ReviewSession(path) => {
            let opening = effects::open_at_start(&mut held, Access::Review, &path);
            held.opened(opening)
        }
        Effect::ListSessions { .. } => {
            perform(&state, &mut held, first);
            None
        }
        create => {
            perform(&state, &mut held, create);
            loop {
                match rx.recv() {
                    Ok(Wake::Opened(o)) => {
                        if let Some(a) = held.opened(*o) {
                            break Some(a);
                        }
                    }
                    Ok(Wake::Action(a)) => queue.push(a),
                    Ok(_) => {}
                    Err(_) => return Err(io::Error::other(R::CouldNotOpen.get(opts.lang))),
                }
            }
        }
    };
    match opened {
        Some(Action::OpenFailed(f)) => return Err(io::Error::other(f.describe(opts.lang))),
        Some(a) => queue.push(a),
        None => {}
    }
    // The room display asked for on the command line: an address that
    // cannot be had is reported on stderr, before the terminal is taken.
    if let Some(addr) = opts.room {
        state.room.bind = addr;
        let running = held.room.start(addr, &state).map_err(|e| {
            said(opts.lang, R::RoomCannotListen.get(opts.lang).replace("{addr}", &addr.to_string()), &e)
        })?;
        state.room.bind = running.addr;
        state.room.running = Some(running);
    }
    let lang = opts.lang;
    let terminal = |e: io::Error| said(lang, R::Terminal.get(lang).to_string(), &e);
    threads::spawn_signal_thread(tx.clone()).map_err(terminal)?;
    let mut guard = TerminalGuard::enter().map_err(terminal)?;
    threads::spawn_input_thread(tx);
    let size = guard.terminal.size().map_err(terminal)?;
    queue.insert(0, Action::Resize(size.width, size.height));

    // Typing the journal could not take, printed once the terminal is back.
    let mut unkept: Option<String> = None;
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| -> io::Result<()> {
        loop {
            dispatch(&mut state, &mut held, std::mem::take(&mut queue));
            held.room.sync(&state);
            if state.quitting {
                // Typing not yet committed went to the journal with the quit
                // (the app asked for that last write, done in the loop), to
                // be offered next time; committed edits reach the disk
                // before we go.
                let saved = recovery::finish_saving(&state, &mut held, &rx);
                held.journal.flush(Duration::from_secs(10));
                if saved.is_ok() {
                    journal::settle(&state);
                }
                unkept = crate::app::journal::unkept(&state);
                return saved;
            }
            guard.terminal.draw(|f| ui::draw(f, &state)).map_err(terminal)?;
            // Block until something happens; wake early only for a save
            // retry or a time the state asked for (a running clock). No
            // polling while idle (the journal has a thread of its own).
            let retry = retry_interval(&state).map(|d| Instant::now() + d);
            let tick = state.next_wake().map(instant_of);
            let deadline = [retry, tick].into_iter().flatten().min();
            let wake = match deadline {
                Some(at) => match rx.recv_timeout(at.saturating_duration_since(Instant::now())) {
                    Ok(w) => Some(w),
                    Err(RecvTimeoutError::Timeout) => {
                        let now = Instant::now();
                        if retry.is_some_and(|r| r <= now) {
                            queue.push(Action::RetrySave);
                        }
                        if tick.is_some_and(|t| t <= now) {
                            queue.push(Action::Tick);
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
                Some(Wake::Opened(o)) => queue.extend(held.opened(*o)),
                Some(Wake::Saved(done)) => queue.extend(held.synced(done, &state)),
                Some(Wake::Outside) => held.look(&state),
                Some(Wake::Signal) | Some(Wake::TerminalGone) | None => queue.push(Action::Quit),
            }
        }
    }));
    drop(guard);
    if let Some(text) = unkept {
        eprintln!("\n{text}");
    }
    match outcome {
        Ok(result) => result,
        Err(panic) => {
            recovery::after_panic(&state);
            std::panic::resume_unwind(panic)
        }
    }
}

/// The moment on the monotonic clock when the wall clock shows `at` (now,
/// when `at` has passed).
fn instant_of(at: Timestamp) -> Instant {
    let wait = (at.with_timezone(&chrono::Utc) - chrono::Utc::now()).to_std().unwrap_or_default();
    Instant::now() + wait
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
