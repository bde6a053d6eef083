//! The application as a pure state machine: `AppState`, intents (`Action`)
//! and `update`, which returns the `Effect`s for the runtime to perform.

mod action;
mod capture;
mod form;
mod forms;
mod library;
mod library_update;
mod map;
mod navigate;
mod state;
mod update;

pub use action::{Access, Action, Effect, NewSessionFields, OpenedSession, PreviousContext};
pub use form::{Choice, Draft, DraftValue, Field, FieldInput, Form, Purpose, parse_date};
pub use library::{
    AgreementsShown, EntryState, LibraryEntry, LibraryFilter, LibraryRow, LibrarySort, Loaded, MAX_HITS,
    PortfolioLine, SearchHit, library_rows, portfolio, search,
};
pub use map::{CellLayout, MAP_ROWS, MapLayout, MapRow, MapSel, Orientation, Span, header_text, text_width};
pub use navigate::map_scroll;
pub use state::{
    AgreementFilter, AppState, Library, LibraryView, Notice, NoticeText, Overlay, Pane, ReflectionRow,
    SaveState, Screen, SessionScreen, TimelineRow, View,
};
pub use update::update;
