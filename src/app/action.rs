//! What the facilitator (or the runtime) asks for, and what `update` asks the
//! runtime to do in return.

use std::path::PathBuf;

use chrono::NaiveDate;
use ratatui_textarea::Input;

use super::library::LibraryEntry;
use crate::domain::{ChainOverview, Phase, Reflection, Session};
use crate::panes::Cmd;

/// An intent. Keys map to these through the keymap; the runtime sends the
/// rest (sizes, results of saving and loading).
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    // moving around
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    NextPane,
    PrevPane,
    // phases
    NextPhase,
    PrevPhase,
    OpenPhasePicker,
    GoToPhase(Phase),
    // capturing
    RecordTemperature,
    /// The natural thing for the selection: answer a question, edit an item,
    /// fill an empty cell.
    Activate,
    EditSelected,
    DeleteSelected,
    Undo,
    Redo,
    /// A command of the pane shown (see `crate::panes`).
    Pane(Cmd),
    /// Start the next meeting of this collaboration.
    StartFollowUp,
    // forms
    FormInput(Input),
    FormNewline,
    /// Empty the focused text field (to retype a filled-in date, say).
    FormClearField,
    FormNextField,
    FormPrevField,
    FormSubmit,
    FormCancel,
    // yes/no questions
    ConfirmYes,
    ConfirmNo,
    // exports
    /// Choose a format to export the session (or the library's selection).
    StartExport,
    Export(crate::export::Format),
    // overlays
    ShowHelp,
    CloseOverlay,
    /// Leave the session for the session picker.
    BackToSessions,
    // session library
    OpenSelected,
    ReviewSelected,
    NewSession,
    RefreshSessions,
    ToggleSort,
    EditFilter,
    StartSearch,
    ShowPortfolio,
    ShowOverview,
    /// Leave a library view (search results, portfolio, overview).
    Back,
    // room display
    /// A room display key (`super::room`).
    Room(super::room::RoomKey),
    /// What the runtime did with the room display's server.
    RoomReport(super::room::RoomReport),
    // from the terminal and the runtime
    Paste(String),
    Resize(u16, u16),
    Quit,
    /// Files found or read by the library listing `generation`; `done` when
    /// the listing is complete.
    LibraryUpdate {
        generation: u64,
        entries: Vec<LibraryEntry>,
        done: bool,
    },
    OverviewReady(Box<ChainOverview>),
    /// The meetings before the session in `path`, oldest first (read in
    /// the background after it opened).
    ChainLoaded {
        path: PathBuf,
        chain: std::sync::Arc<[Session]>,
    },
    /// A time the state asked to be woken at (`AppState::next_wake`) came.
    Tick,
    /// An export was written to this file.
    Exported(PathBuf),
    SessionOpened(Box<OpenedSession>),
    /// Opening, creating, exporting or reading failed.
    OpenFailed(super::Failure),
    /// The runtime handed the session to the background writer.
    Saving,
    Saved,
    SaveFailed(super::Failure),
    RetrySave,
    /// What the writer found on disk besides a plain save (issue 8).
    FromDisk(super::outside::DiskNews),
    /// A draft journal write ended (issue 8: a failure is shown at once).
    DraftKept(Box<DraftKept>),
    /// Write the session's file again after it was deleted outside kompas.
    WriteAgain,
    /// Show the open conflict records.
    ShowConflicts,
    /// Settle the selected conflict.
    SettleConflict(crate::domain::Settle),
    /// Open or close the conversation coach (issue 10).
    ShowCoach,
    // copies of the open session (issue 8, `super::copies_offer`)
    /// The copies found for the session in `path`.
    CopiesFound {
        path: PathBuf,
        copies: Vec<crate::storage::FoundCopy>,
    },
    /// Merge every copy found into the open session (`M`).
    MergeCopies,
    CopiesMerged(Box<super::copies_offer::MergedCopies>),
    CopiesRemoved(Box<super::copies_offer::RemovedCopies>),
    CopiesRestored(Box<super::copies_offer::RestoredCopies>),
}

impl Action {
    /// Whether the action changes the open session: a read-only session
    /// refuses it, and its key is left out of the hint bar there. The one
    /// place that says so; a pane's commands say it in their `Cmd`.
    pub fn edits(&self) -> bool {
        match self {
            Action::Pane(cmd) => cmd.edits,
            Action::NextPhase
            | Action::PrevPhase
            | Action::OpenPhasePicker
            | Action::GoToPhase(_)
            | Action::RecordTemperature
            | Action::Activate
            | Action::EditSelected
            | Action::DeleteSelected
            | Action::Undo
            | Action::Redo
            | Action::StartFollowUp
            | Action::WriteAgain
            | Action::SettleConflict(_)
            | Action::MergeCopies
            | Action::Room(super::room::RoomKey::ShowOrHide) => true,
            _ => false,
        }
    }
}

/// How a session is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Ours to change: we hold its lock.
    Edit,
    /// Another kompas holds the lock: show it, change nothing.
    HeldElsewhere,
    /// Opened to look back (`kompas review`): nothing can be changed by
    /// accident, and no lock is taken.
    Review,
    /// This program may not write the file (its mode, the folder, the disk,
    /// another owner, hard links): shown, with the reason, not refused.
    ReadOnly(super::outside::ReadOnlyWhy),
}

impl Access {
    pub fn read_only(self) -> bool {
        self != Access::Edit
    }
}

/// What a follow-up meeting shows of the meeting before it.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviousContext {
    pub file: String,
    pub meeting_date: chrono::NaiveDate,
    /// That meeting's last reflections (`Session::last_reflections`).
    pub reflections: Vec<Reflection>,
}

/// A session the runtime loaded (or created) and locked for this program.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenedSession {
    /// Shared with the writer's record of the file as read (no copy is
    /// made at opening; `session.into()` from a plain `Session`).
    pub session: std::sync::Arc<Session>,
    pub path: PathBuf,
    pub access: Access,
    /// The meeting this one follows up, when its file could be read.
    pub previous: Option<PreviousContext>,
    /// Typing that was in an open form when kompas last stopped without
    /// committing it (from the draft journal).
    pub draft: Option<super::form::Draft>,
}

/// How writing the draft journal of `path` at form revision `revision`
/// went: `Ok(None)` beside the session, `Ok(Some(place))` in the state
/// folder instead, `Err` nowhere.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftKept {
    pub path: PathBuf,
    pub revision: u64,
    pub outcome: Result<Option<PathBuf>, super::Failure>,
}

/// A new session the facilitator filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSessionFields {
    pub title: String,
    pub meeting_date: NaiveDate,
    pub facilitator: String,
}

/// Work for the runtime.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write the open session to its file, atomically, before the next key.
    Save,
    /// Keep the open form's typing in the draft journal beside `path`
    /// (off the input path; the outcome comes back as `DraftKept`).
    WriteDraft {
        path: PathBuf,
        session_id: String,
        revision: u64,
        draft: super::form::Draft,
    },
    /// The form's text is saved in the session: remove the journal.
    RemoveDraft(PathBuf),
    /// Write it even though its file was deleted outside kompas.
    WriteAgain,
    /// List the session folder and read every file, in the background.
    ListSessions {
        generation: u64,
    },
    /// Read these meetings of one collaboration and build its overview.
    LoadChain(Vec<PathBuf>),
    OpenSession(PathBuf),
    /// Open a session to look back at, read-only and without its lock.
    ReviewSession(PathBuf),
    CreateSession(NewSessionFields),
    /// Create the next meeting after the session in `from`, dated `meeting_date`.
    CreateFollowUp {
        from: PathBuf,
        meeting_date: NaiveDate,
    },
    /// Export the session in `path` (the open one from memory) beside it.
    Export {
        path: PathBuf,
        format: crate::export::Format,
    },
    /// Close the open session (release its lock) and show the picker.
    CloseSession,
    /// Start the room display's server on this address.
    RoomStart(std::net::SocketAddr),
    /// Stop it.
    RoomStop,
    /// Ring the terminal's bell (a game round's last minute).
    Bell,
    /// Look for copies of the session in `path` (id `id`): conflict copies
    /// beside it, its recovery files (issue 8).
    FindCopies {
        path: PathBuf,
        id: String,
    },
    /// Merge these copies into `ours` (the session shown), off the loop.
    MergeCopies {
        path: PathBuf,
        copies: Vec<crate::storage::FoundCopy>,
        ours: std::sync::Arc<Session>,
        now: crate::domain::Timestamp,
    },
    /// Remove these merged copies (with the hash of the bytes merged) when
    /// the file in `path` holds all of each.
    RemoveCopies {
        path: PathBuf,
        copies: Vec<(crate::storage::FoundCopy, u64)>,
    },
    /// Put these removed copies back: their merge was undone.
    RestoreCopies {
        path: PathBuf,
        copies: Vec<(crate::storage::FoundCopy, std::sync::Arc<[u8]>)>,
    },
    Quit,
}

impl Effect {
    /// The draft journal's work (asked for after every change of a form).
    pub fn is_journal(&self) -> bool {
        matches!(self, Effect::WriteDraft { .. } | Effect::RemoveDraft(_))
    }
}
