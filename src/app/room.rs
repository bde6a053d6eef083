//! The room display as the facilitator controls it: on or off, what it
//! shows (the board, a blank screen, one item in the spotlight), and which
//! items the room may see. The server itself is the runtime's; this is the
//! pure part: keys in, state and effects out.

use std::net::SocketAddr;

use super::action::{Action, Effect};
use super::state::{AppState, Overlay};
use crate::domain::{TextKind, Timestamp};
use crate::i18n::Lang;
use crate::panes::Pane;
use crate::room::{RoomScreen, RoomSnapshot, RoomState, Spot};

crate::messages! { pub struct R {
    KeyRoom => "zaalscherm", "room display";
    HelpRoom => "zaalscherm aan of uit: een webpagina voor beamer en telefoons", "room display on or off: a web page for the projector and phones";
    KeyRoomAddress => "adres als QR", "address as QR";
    HelpRoomAddress => "adres van het zaalscherm als QR-code, voor telefoons", "the room display's address as a QR code, for phones";
    KeyBlank => "scherm leeg", "blank";
    HelpBlank => "zaalscherm leeg maken, of weer tonen", "blank the room display, or show it again";
    KeySpotlight => "uitlichten", "spotlight";
    HelpSpotlight => "het gekozen item groot op het zaalscherm; in agenda, relatie en grondvorm dat instrument (nog eens: terug naar het overzicht)", "the selected item full screen on the room display; in the agenda, relationship and basic-form panes that instrument (again: back to the board)";
    KeyShowOnRoom => "zaal: tonen/verbergen", "room: show/hide";
    HelpShowOnRoom => "gekozen belang, afspraak of antwoord op het zaalscherm tonen of verbergen", "show or hide the selected interest, agreement or answer on the room display";
    HelpRoomKeys => "Zaalscherm", "Room display";
    RoomOn => "zaal", "room";
    RoomStarted => "Zaalscherm aan", "Room display on";
    RoomStopped => "Zaalscherm uit", "Room display off";
    RoomOff => "Het zaalscherm staat uit (z zet het aan)", "The room display is off (z turns it on)";
    NowHidden => "Verborgen op het zaalscherm", "Hidden on the room display";
    NowShown => "Getoond op het zaalscherm", "Shown on the room display";
    NothingToSpotlight => "Kies een partij, belang, afspraak of vraag om uit te lichten", "Select a party, interest, agreement or question to spotlight";
    NotOnRoom => "Dit item is verborgen voor de zaal (w toont het)", "This item is hidden from the room (w shows it)";
    NotMarkable => "Alleen belangen, afspraken en antwoorden kunnen verborgen worden", "Only interests, agreements and answers can be hidden";
    AddressTitle => "Zaalscherm: scan met de camera van je telefoon", "Room display: scan with your phone's camera";
    AddressNote => "Alleen lezen. Werkt zolang kompas draait, op dit netwerk.", "Read-only. Works while kompas runs, on this network.";
    AddressLoopback => "Alleen op deze computer (127.0.0.1). Voor telefoons: start kompas met --room-addr en het adres van deze computer op het netwerk.", "This computer only (127.0.0.1). For phones: start kompas with --room-addr and this computer's address on the network.";
    AddressTooSmall => "Venster te klein voor de QR-code", "Window too small for the QR code";
} }

/// The address the room display listens on when nothing else was asked:
/// this computer only, on a fixed port (so pages reconnect when kompas
/// starts again), or any free port when that one is taken.
pub const DEFAULT_ADDR: SocketAddr =
    SocketAddr::new(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST), crate::room::DEFAULT_PORT);

/// A running room display as the state sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomRunning {
    /// The address viewers use (with the code when one is needed).
    pub url: String,
    /// Where it listens.
    pub addr: SocketAddr,
}

/// The room display's part of the state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomControl {
    /// Where to listen when it is turned on.
    pub bind: SocketAddr,
    pub running: Option<RoomRunning>,
    pub screen: RoomScreen,
    /// The question the board shows (the last one spotlighted).
    pub question: Option<String>,
    /// What the blank screen hides, to come back to.
    pub under_blank: RoomScreen,
}

impl Default for RoomControl {
    fn default() -> Self {
        RoomControl {
            bind: DEFAULT_ADDR,
            running: None,
            screen: RoomScreen::Board,
            question: None,
            under_blank: RoomScreen::Board,
        }
    }
}

impl RoomControl {
    /// The room state for a snapshot.
    pub fn state(&self, lang: Lang, today: chrono::NaiveDate) -> RoomState {
        RoomState { lang, today, screen: self.screen.clone(), question: self.question.clone(), now: None }
    }
}

/// The room state of `state`: while the open session's agenda clock runs it
/// carries the time, so the runtime hands the room a new state every second
/// (the pane's timer wakes it) and the clock on the wall moves.
pub fn room_state(state: &AppState) -> RoomState {
    let mut room = state.room.state(state.lang, state.today);
    if state.session().is_some_and(|s| s.session.clock_running()) {
        room.now = Some(state.now);
    }
    room
}

/// The committed snapshot the room display shows now: the open session as
/// last changed (never a form being typed in) and the room state.
pub fn snapshot(state: &AppState) -> RoomSnapshot {
    RoomSnapshot {
        session: state.session().map(|s| std::sync::Arc::clone(&s.session)),
        chain: state.session().and_then(|s| s.chain.clone()),
        state: room_state(state),
    }
}

/// A room display key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoomKey {
    /// Start or stop the server.
    Toggle,
    /// Show the address as a QR code.
    ShowAddress,
    Blank,
    Spotlight,
    /// Show the selected item on the room display, or hide it.
    ShowOrHide,
}

/// What the runtime reports about the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoomReport {
    Started(RoomRunning),
    Stopped,
    /// It could not start (the address is taken or not this computer's).
    Failed(String),
}

/// A room display key pressed.
pub fn key(state: &mut AppState, key: RoomKey, now: Timestamp) -> Vec<Effect> {
    match key {
        RoomKey::Toggle => match state.room.running {
            Some(_) => vec![Effect::RoomStop],
            None => vec![Effect::RoomStart(state.room.bind)],
        },
        RoomKey::ShowAddress => {
            if state.room.running.is_some() {
                state.overlay = Some(Overlay::RoomAddress);
            } else {
                state.warn(R::RoomOff);
            }
            Vec::new()
        }
        RoomKey::Blank => {
            let room = &mut state.room;
            if room.screen == RoomScreen::Blank {
                room.screen = std::mem::take(&mut room.under_blank);
            } else {
                room.under_blank = std::mem::replace(&mut room.screen, RoomScreen::Blank);
            }
            Vec::new()
        }
        RoomKey::Spotlight => spotlight(state),
        RoomKey::ShowOrHide => show_or_hide(state, now),
    }
}

fn spotlight(state: &mut AppState) -> Vec<Effect> {
    if matches!(state.room.screen, RoomScreen::Spotlight(_)) {
        state.room.screen = RoomScreen::Board;
        return Vec::new();
    }
    let Some(s) = state.session() else { return Vec::new() };
    // On an instrument's pane the spotlight shows the instrument itself.
    let instrument = match s.active().id() {
        <crate::panes::agenda::Agenda as Pane>::ID => Some(Spot::Clock),
        <crate::panes::relationship::Relationship as Pane>::ID => Some(Spot::Relationship),
        <crate::panes::grondvorm::Grondvorm as Pane>::ID => Some(Spot::Grondvorm),
        _ => None,
    };
    if let Some(spot) = instrument {
        state.room.screen = RoomScreen::Spotlight(spot);
        return Vec::new();
    }
    let Some(sel) = s.active().selected(s, state.lang) else {
        state.warn(R::NothingToSpotlight);
        return Vec::new();
    };
    let spot = match sel.kind {
        TextKind::Party => Spot::Party(sel.id),
        TextKind::Interest => Spot::Interest(sel.id),
        TextKind::Agreement => Spot::Agreement(sel.id),
        TextKind::Question | TextKind::Answer => match sel.question {
            Some(q) => Spot::Question(q),
            None => return Vec::new(),
        },
        _ => return Vec::new(),
    };
    let hidden = match &spot {
        Spot::Interest(id) | Spot::Agreement(id) => !s.session.item_on_room(id).unwrap_or(false),
        _ => false,
    };
    if hidden {
        state.warn(R::NotOnRoom);
        return Vec::new();
    }
    if let Spot::Question(q) = &spot {
        state.room.question = Some(q.clone());
    }
    state.room.screen = RoomScreen::Spotlight(spot);
    Vec::new()
}

fn show_or_hide(state: &mut AppState, now: Timestamp) -> Vec<Effect> {
    let Some(s) = state.session() else { return Vec::new() };
    let sel = s.active().selected(s, state.lang);
    let Some(id) =
        sel.filter(|x| matches!(x.kind, TextKind::Interest | TextKind::Agreement | TextKind::Answer))
    else {
        state.warn(R::NotMarkable);
        return Vec::new();
    };
    let mut shown = false;
    let effects = super::change(state, R::KeyShowOnRoom, |s| {
        shown = s.edit().toggle_on_room(&id.id, now)?;
        Ok(true)
    });
    if !effects.is_empty() {
        state.info(if shown { R::NowShown } else { R::NowHidden });
    }
    effects
}

/// The runtime's report about the server.
pub fn report(state: &mut AppState, report: RoomReport) {
    match report {
        RoomReport::Started(running) => {
            state.room.bind = running.addr;
            state.room.running = Some(running);
            state.info(R::RoomStarted);
        }
        RoomReport::Stopped => {
            state.room.running = None;
            if state.overlay == Some(Overlay::RoomAddress) {
                state.overlay = None;
            }
            state.info(R::RoomStopped);
        }
        RoomReport::Failed(why) => {
            state.room.running = None;
            state.notice = Some(super::state::Notice {
                text: super::state::NoticeText::Text(crate::text::safe_line(&why).into_owned()),
                error: true,
            });
        }
    }
}

/// A room key is allowed in this state (spotlight and marks need a session).
pub fn applies(state: &AppState, key: RoomKey) -> bool {
    match key {
        RoomKey::Toggle | RoomKey::ShowAddress | RoomKey::Blank => true,
        RoomKey::Spotlight | RoomKey::ShowOrHide => state.session().is_some(),
    }
}

/// The action of a room key, for the keymap.
pub const fn act(key: RoomKey) -> Action {
    Action::Room(key)
}
