//! The session and the Kompas model: plain data and the rules for changing it.
//! No terminal, no files, no clock: callers pass `now`.

mod conflict;
mod follow_up;
pub mod grondvorm;
mod ids;
mod items;
pub mod meeting;
mod origin;
mod overview;
mod phase;
mod room;
mod session;
mod summary;
// the whole table (issue 9)
mod table;
mod validate;
// the relationship instruments (issue 10)
mod conditions;
mod diagnosis;
mod reformulation;
mod relationship;
mod thermometer;
mod trust;

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
pub use phase::{Phase, PhaseMark, PhaseMove};
pub use room::{RoomItem, RoomMark, RoomMarks};
pub use session::{AgreementFields, FORMAT, PartyFields, PreviousMeeting, Removed, Session, VERSION};
pub use summary::{SessionText, Summary, TextKind};
pub use table::{Holder, TABLE, Table, W as table_words, is_table};
pub use validate::Problem;
// the relationship instruments (issue 10)
pub use conditions::{
    Condition, ConditionCheck, ConditionFlag, ConditionsTrend, PartyScore, TrendMeeting, conditions_trend,
    format_tenths, mean_of_tenths, sparkline, trend_meeting,
};
pub use diagnosis::{Chosen, Continuation, Diagnosis, Finding, ProblemCheck, RouteField, TypicalProblem};
pub use reformulation::ReformulationMove;
pub use relationship::{ChainMarks, MeetingMarks, RelationshipLine, relationship_line};
pub use thermometer::{ChainReading, ReadingDifference, ReadingHistory, reading_history};
pub use trust::{TrustMove, TrustReading, TrustStage, trust_move, trust_trend};

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
    #[error("a score runs from 1 to 5, not {0}")]
    ScoreOutOfRange(u8),
}
