//! The application as a pure state machine: `AppState`, intents (`Action`)
//! and `update`, which returns the `Effect`s for the runtime to perform.

mod action;
mod capture;
mod conflicts;
pub mod copies;
pub mod copies_offer;
mod cursor;
mod failure;
mod form;
pub(crate) mod forms;
pub mod history;
pub mod journal;
mod library;
mod library_update;
mod outside;
pub mod room;
mod state;
mod update;

pub use action::{Access, Action, DraftKept, Effect, NewSessionFields, OpenedSession, PreviousContext};
pub use capture::{change, commit, delete};
pub use cursor::{ListCursor, Scroll, scroll_to_show, step};
pub use failure::{F as FailureWords, Failure, FailureKind, IoCause};
pub use form::{
    Choice, Draft, DraftValue, Field, FieldInput, Form, Purpose, TYPE_AHEAD_PAUSE_MS, TypeAhead, choice_label,
};
pub(crate) use forms::date_base;
pub use library::{
    AgreementsShown, CopyOf, EntryState, LibraryEntry, LibraryFilter, LibraryRow, LibrarySort, Loaded,
    MAX_HITS, PortfolioLine, SearchHit, library_rows, portfolio, search,
};
pub use state::{
    AppState, Library, LibraryView, Notice, NoticeText, Overlay, SaveState, Screen, SessionScreen, View,
};
// The panes' types, where the rest of the program has always found them.
pub use crate::panes::{
    AgreementFilter, Agreements, CellLayout, Interests, MAP_ROWS, MapLayout, MapRow, MapSel, Orientation,
    ReflectionRow, Reflections, Span, Timeline, TimelineRow, header_text, map_scroll, text_width,
};
pub use conflicts::{ConflictRow, conflict_rows};
pub use outside::{DiskNews, O as OutsideWords, ReadOnlyWhy};
pub use room::{RoomControl, RoomKey, RoomReport, RoomRunning};
pub use update::update;
