//! The session and the Kompas model: plain data and the rules for changing it.
//! No terminal, no files, no clock: callers pass `now`.

mod conflict;
mod follow_up;
pub mod grondvorm;
mod items;
pub mod meeting;
mod origin;
mod overview;
mod phase;
mod room;
mod session;
mod summary;
mod validate;

#[cfg(test)]
mod session_tests;

pub use conflict::{Conflict, ConflictKind, Settle};
pub use follow_up::ReviewOutcome;
pub use grondvorm::{
    Aard, DilemmaChoice, FormChoice, FormDesign, Grondvorm, Intentie, KeyAnswer, KeyQuestion, PartyForm,
};
pub use items::*;
pub use origin::Origin;
pub use overview::{
    AgreementTotals, ChainOverview, InterestChange, InterestChangeKind, MeetingLine, chain_overview,
};
pub use phase::{Phase, PhaseMove};
pub use room::{RoomItem, RoomMark, RoomMarks};
pub use session::{AgreementFields, FORMAT, PartyFields, PreviousMeeting, Removed, Session, VERSION};
pub use summary::{SessionText, Summary, TextKind};
pub use validate::Problem;

/// A moment, in RFC 3339 with the offset of the place it was taken.
pub type Timestamp = chrono::DateTime<chrono::FixedOffset>;

/// Fields this build does not know (written by a newer kompas); kept as they
/// are and written back on save.
pub type Extra = serde_json::Map<String, serde_json::Value>;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    #[error("{0} may not be empty")]
    Empty(&'static str),
    #[error("no party with id {0}")]
    UnknownParty(String),
    #[error("no item with id {0}")]
    NotFound(String),
    #[error("already in that phase")]
    SamePhase,
    /// A conflict could not be settled that way (issue 8).
    #[error("cannot settle the conflict: {0}")]
    Conflict(String),
    #[error(transparent)]
    Meeting(#[from] meeting::MeetingError),
}
