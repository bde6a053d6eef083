//! What the facilitator (or the runtime) asks for, and what `update` asks the
//! runtime to do in return.

use std::path::PathBuf;

use chrono::NaiveDate;
use ratatui_textarea::Input;

use crate::domain::{Phase, Session};

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
    AddParty,
    AddInterest,
    AddAgreement,
    AskOwnQuestion,
    RecordTemperature,
    /// The natural thing for the selection: answer a question, edit an item,
    /// fill an empty cell.
    Activate,
    EditSelected,
    DeleteSelected,
    Undo,
    CycleStatus,
    TogglePhaseResult,
    CycleFilter,
    // forms
    FormInput(Input),
    FormNewline,
    FormNextField,
    FormPrevField,
    FormSubmit,
    FormCancel,
    // yes/no questions
    ConfirmYes,
    ConfirmNo,
    // overlays
    ShowHelp,
    CloseOverlay,
    /// Leave the session for the session picker.
    BackToSessions,
    // session picker
    OpenSelected,
    NewSession,
    RefreshSessions,
    // from the terminal and the runtime
    Paste(String),
    Resize(u16, u16),
    Quit,
    SessionsListed(Vec<SessionEntry>),
    SessionOpened(Box<OpenedSession>),
    OpenFailed(String),
    Saved,
    SaveFailed(String),
    RetrySave,
}

/// A line of the session picker.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionEntry {
    pub path: PathBuf,
    pub summary: Result<crate::storage::Summary, String>,
}

/// A session the runtime loaded (or created) and locked for this program.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenedSession {
    pub session: Session,
    pub path: PathBuf,
    /// Another kompas holds the lock: show it, change nothing.
    pub read_only: bool,
    /// Typing that was in an open form when kompas last stopped without
    /// committing it (from the draft journal).
    pub draft: Option<super::form::Draft>,
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
    ListSessions,
    OpenSession(PathBuf),
    CreateSession(NewSessionFields),
    /// Close the open session (release its lock) and show the picker.
    CloseSession,
    Quit,
}
