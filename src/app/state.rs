//! `AppState`: everything the screen shows, and nothing the terminal owns.
//! The library's state, the notice line and the open session's screen are
//! in `state/{library,notice,session}.rs`.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::form::Form;
use crate::domain::{Phase, TextKind, Timestamp};
use crate::i18n::{Lang, Msg};
use crate::panes::{Focus, Target};
use crate::prompts::PromptLibrary;

mod library;
mod notice;
mod session;

pub use library::{Library, LibraryView};
pub use notice::{Notice, NoticeText};
pub use session::SessionScreen;

#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    /// Everything is on disk, as of this moment.
    Saved(Timestamp),
    /// Handed to the background writer, not yet on disk.
    Saving,
    /// The last save failed; the session is safe in memory and is retried.
    Failed(super::Failure),
    /// Opened read-only: nothing to save.
    ReadOnly,
    /// The file was deleted outside kompas: the session is kept in memory
    /// and written again only when the facilitator asks (issue 8).
    Gone,
}

#[derive(Debug)]
pub enum Screen {
    Library(Library),
    Session(Box<SessionScreen>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help {
        scroll: u16,
    },
    PhasePicker {
        selected: Phase,
    },
    ConfirmDiscard,
    /// Which format to export `path` in.
    ExportChooser {
        path: PathBuf,
    },
    /// The room display's address as a QR code.
    RoomAddress,
    /// The open session's conflict records (issue 8).
    Conflicts {
        sel: usize,
        rows: Vec<super::conflicts::ConflictRow>,
    },
    /// The conversation coach (issue 10), over the pane in view; the
    /// meeting runs on under it.
    Coach {
        scroll: u16,
    },
}

pub struct AppState {
    pub lang: Lang,
    pub width: u16,
    pub height: u16,
    /// Today's date, for overdue agreements; set from the `now` of each update.
    pub today: NaiveDate,
    /// The `now` of the last update.
    pub now: Timestamp,
    pub sessions_dir: PathBuf,
    /// The facilitator's name from the config file, filled in on a new
    /// session's form.
    pub facilitator: String,
    pub prompts: &'static PromptLibrary,
    pub screen: Screen,
    pub form: Option<Form>,
    pub overlay: Option<Overlay>,
    pub notice: Option<Notice>,
    pub quitting: bool,
    /// Where to put the cursor once the session being opened arrives (a
    /// search hit).
    pub pending_focus: Option<(TextKind, String)>,
    /// The room display (issue 13).
    pub room: super::room::RoomControl,
}

/// What the panes' derived state depends on besides the session.
#[derive(Clone, Copy)]
pub struct View {
    pub lang: Lang,
    pub width: u16,
    pub height: u16,
    pub today: NaiveDate,
    /// The time of the update (to the second).
    pub now: Timestamp,
    pub prompts: &'static PromptLibrary,
}

impl View {
    /// Rows visible in a list pane at this size.
    pub fn list_rows(&self) -> usize {
        crate::layout::list_rows(self.width, self.height)
    }

    /// The session screen's body at this size.
    pub fn body(&self) -> ratatui::layout::Rect {
        crate::layout::body_of(self.width, self.height)
    }
}

impl AppState {
    pub fn view(&self) -> View {
        View {
            lang: self.lang,
            width: self.width,
            height: self.height,
            today: self.today,
            now: self.now,
            prompts: self.prompts,
        }
    }

    /// Scroll the open session's panes so their selections are in view.
    pub fn keep_in_view(&mut self) {
        let view = self.view();
        if let Some(s) = self.session_mut() {
            s.keep_in_view(&view);
        }
    }

    /// Put the cursor on an item in the pane that shows it (see [`Focus`]).
    pub fn focus(&mut self, kind: TextKind, id: &str, how: Focus) -> bool {
        let view = self.view();
        self.session_mut().is_some_and(|s| {
            let found = s.focus(&view, Target { kind, id }, how);
            s.keep_in_view(&view);
            found
        })
    }

    /// Recompute the open session's index (after a change or a resize).
    pub fn reindex(&mut self) {
        let view = self.view();
        if let Some(s) = self.session_mut() {
            s.reindex(&view);
        }
    }

    pub fn new(lang: Lang, sessions_dir: PathBuf, today: NaiveDate) -> AppState {
        AppState {
            lang,
            width: 80,
            height: 24,
            today,
            now: today.and_time(chrono::NaiveTime::MIN).and_utc().fixed_offset(),
            sessions_dir,
            facilitator: String::new(),
            prompts: PromptLibrary::embedded(),
            screen: Screen::Library(Library { loading: true, ..Default::default() }),
            form: None,
            overlay: None,
            notice: None,
            quitting: false,
            pending_focus: None,
            room: Default::default(),
        }
    }

    pub fn session(&self) -> Option<&SessionScreen> {
        match &self.screen {
            Screen::Session(s) => Some(s),
            Screen::Library(_) => None,
        }
    }

    pub fn library(&self) -> Option<&Library> {
        match &self.screen {
            Screen::Library(l) => Some(l),
            Screen::Session(_) => None,
        }
    }

    pub fn library_mut(&mut self) -> Option<&mut Library> {
        match &mut self.screen {
            Screen::Library(l) => Some(l),
            Screen::Session(_) => None,
        }
    }

    pub fn session_mut(&mut self) -> Option<&mut SessionScreen> {
        match &mut self.screen {
            Screen::Session(s) => Some(s),
            Screen::Library(_) => None,
        }
    }

    /// When the runtime must send `Action::Tick`: the earliest time a pane
    /// of the open session asked for. `None`: sleep until something happens.
    pub fn next_wake(&self) -> Option<Timestamp> {
        let view = self.view();
        self.session()?.next_wake(&view)
    }

    pub fn read_only(&self) -> bool {
        self.session().is_some_and(|s| s.access.read_only())
    }

    pub fn info(&mut self, msg: Msg) {
        self.notice = Some(Notice { text: NoticeText::Msg(msg), error: false });
    }

    pub fn warn(&mut self, msg: Msg) {
        self.notice = Some(Notice { text: NoticeText::Msg(msg), error: true });
    }

    pub fn fail(&mut self, failure: super::Failure) {
        self.notice = Some(Notice { text: NoticeText::Failure(failure), error: true });
    }
}
