//! What the room display shows besides the session: the facilitator's
//! choice of board, blank screen or one item in the spotlight. The marks
//! that keep items private live in the session (`domain::room`), because
//! they must survive a restart; this state is per run.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::domain::{Session, Timestamp};
use crate::i18n::Lang;

/// One thing shown full screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Spot {
    /// The current phase: its name, aim and tangible result.
    Phase,
    /// A party by id: organisation, representative, what it wants and offers.
    Party(String),
    /// An interest by id.
    Interest(String),
    /// An agreement by id.
    Agreement(String),
    /// A reflection question (its text), with the room's answers to it.
    Question(String),
    /// The agenda clock, large (from the agenda pane).
    Clock,
    /// The thermometer, the five conditions and trust with their charts
    /// (from the relationship pane).
    Relationship,
    /// The basic-form chooser (from its pane).
    Grondvorm,
}

/// What the room sees.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum RoomScreen {
    /// Phase strip, question, agreements, interests map.
    #[default]
    Board,
    /// Nothing: the board is blanked (a break, a private word).
    Blank,
    Spotlight(Spot),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoomState {
    pub lang: Lang,
    /// Decides which open agreements are overdue.
    pub today: NaiveDate,
    pub screen: RoomScreen,
    /// The question the board shows; `None` shows the latest question
    /// answered in the current phase.
    pub question: Option<String>,
    /// The time the agenda clock is shown at, while it runs (kompas hands
    /// over a new state every second then); `None` while it stands still,
    /// when the recorded marks alone give its times.
    pub now: Option<Timestamp>,
}

impl RoomState {
    pub fn new(lang: Lang, today: NaiveDate) -> RoomState {
        RoomState { lang, today, screen: RoomScreen::Board, question: None, now: None }
    }
}

/// A committed state of the session and the room state, as published by
/// kompas. The session is the copy-on-write snapshot kompas saves: typing
/// in a form is not in it, so the room never sees a draft.
#[derive(Clone, Debug)]
pub struct RoomSnapshot {
    /// `None` while no session is open (the library).
    pub session: Option<Arc<Session>>,
    /// The collaboration's earlier meetings as kompas loaded them (for the
    /// charts over the meetings); `None` until they are loaded.
    pub chain: Option<Arc<[Session]>>,
    pub state: RoomState,
}
