//! The keymap's tables, one per mode: every key, what it does, its hint
//! and its help text. `keymap.rs` picks the tables that apply now.

use ratatui::crossterm::event::KeyCode::*;

use super::{Binding, alt, b, bh, ch, ctrl, key};
use crate::app::copies_offer::C as CopyWords;
use crate::app::room::R;
use crate::app::{Action, OutsideWords as O, RoomKey};
use crate::domain::{Phase, Settle};
use crate::export::Format;
use crate::i18n::Msg;
use crate::panes::relationship::coach;

pub static SESSION: &[Binding] = &[
    bh(&[key(Tab)], Action::NextPane, Msg::KeyNextPane, Msg::HelpNextPane, true),
    b(&[key(BackTab)], Action::PrevPane, Msg::KeyPrevPane, false),
    bh(&[ch(']')], Action::NextPhase, Msg::KeyNextPhase, Msg::HelpNextPhase, true),
    bh(&[ch('[')], Action::PrevPhase, Msg::KeyPrevPhase, Msg::HelpPrevPhase, false),
    bh(&[ch('g')], Action::OpenPhasePicker, Msg::KeyGoPhase, Msg::HelpGoPhase, false),
    bh(&[ch('t')], Action::RecordTemperature, Msg::KeyTemperature, Msg::HelpTemperature, false),
    bh(&[ch('u'), ctrl('z')], Action::Undo, Msg::KeyUndo, Msg::HelpUndo, false),
    bh(&[ctrl('r')], Action::Redo, Msg::KeyRedo, Msg::HelpRedo, false),
    bh(&[ch('v')], Action::StartFollowUp, Msg::KeyFollowUp, Msg::HelpFollowUp, false),
    bh(&[ch('x')], Action::StartExport, Msg::KeyExport, Msg::HelpExport, false),
    bh(&[ch('W')], Action::WriteAgain, O::KeyWriteAgain, O::HelpWriteAgain, false),
    bh(&[ch('C')], Action::ShowConflicts, O::KeyConflicts, O::HelpConflicts, false),
    bh(&[ch('M')], Action::MergeCopies, CopyWords::KeyMerge, CopyWords::HelpMerge, false),
    coach::OPEN,
    b(&[key(Esc)], Action::BackToSessions, Msg::KeySessions, false),
    b(&[ch('?')], Action::ShowHelp, Msg::KeyHelp, true),
    // Quitting is rare in a meeting and `?` lists it: it gives way first.
    b(&[ch('q')], Action::Quit, Msg::KeyQuit, true).spare(),
];

/// The conversation coach's key beside a pane's own box (issue 10).
pub(super) static COACH_ANYWHERE: &[Binding] = &[coach::OPEN];

/// The room display (issue 13), on the session screen: on/off, its address
/// as a QR code, blank, spotlight, and what the room may see.
pub static ROOM: &[Binding] = &[
    bh(&[ch('z')], Action::Room(RoomKey::Toggle), R::KeyRoom, R::HelpRoom, true),
    bh(&[ch('Z')], Action::Room(RoomKey::ShowAddress), R::KeyRoomAddress, R::HelpRoomAddress, false),
    bh(&[ch('b')], Action::Room(RoomKey::Blank), R::KeyBlank, R::HelpBlank, false),
    bh(&[ch('o')], Action::Room(RoomKey::Spotlight), R::KeySpotlight, R::HelpSpotlight, false),
    bh(&[ch('w')], Action::Room(RoomKey::ShowOrHide), R::KeyShowOnRoom, R::HelpShowOnRoom, false),
];

/// The room display from the library: it shows "no session open" there.
pub static ROOM_LIBRARY: &[Binding] = &[
    bh(&[ch('z')], Action::Room(RoomKey::Toggle), R::KeyRoom, R::HelpRoom, false),
    bh(&[ch('Z')], Action::Room(RoomKey::ShowAddress), R::KeyRoomAddress, R::HelpRoomAddress, false),
    bh(&[ch('b')], Action::Room(RoomKey::Blank), R::KeyBlank, R::HelpBlank, false),
];

/// The box with the room display's address.
pub static ROOM_ADDRESS: &[Binding] =
    &[b(&[key(Esc), ch('Z'), ch('q'), key(Enter)], Action::CloseOverlay, Msg::KeyClose, true)];

/// The box with the open session's conflicts: one key settles the one
/// selected.
pub static CONFLICTS: &[Binding] = &[
    b(&[ch('1')], Action::SettleConflict(Settle::Keep), O::KeyKeep, true),
    b(&[ch('2')], Action::SettleConflict(Settle::TakeOther), O::KeyTakeOther, true),
    b(&[key(Up), ch('k')], Action::Up, Msg::KeyUp, false),
    b(&[key(Down), ch('j')], Action::Down, Msg::KeyDown, false),
    b(&[key(Esc), ch('C'), ch('q')], Action::CloseOverlay, Msg::KeyClose, true),
];

/// Keys that work in every mode, forms included (the terminal is in raw
/// mode, so Ctrl+C arrives as a key, not as a signal).
pub static ALWAYS: &[Binding] = &[bh(&[ctrl('c')], Action::Quit, Msg::KeyQuit, Msg::HelpQuitAnywhere, false)];

/// Moving through a list or the map; part of every pane and the library.
pub static MOVES: &[Binding] = &[
    b(&[key(Up), ch('k')], Action::Up, Msg::KeyUp, false),
    b(&[key(Down), ch('j')], Action::Down, Msg::KeyDown, false),
    b(&[key(PageUp)], Action::PageUp, Msg::KeyPageUp, false),
    b(&[key(PageDown)], Action::PageDown, Msg::KeyPageDown, false),
    b(&[key(Home)], Action::Home, Msg::KeyHome, false),
    b(&[key(End)], Action::End, Msg::KeyEnd, false),
];

/// A form's keys; `submit` says what Enter does with it.
const fn form_keys(submit: Msg) -> [Binding; 6] {
    [
        b(const { &[key(Enter)] }, Action::FormSubmit, submit, true),
        bh(const { &[alt(Enter), ctrl('j')] }, Action::FormNewline, Msg::KeyNewline, Msg::HelpNewline, true),
        b(const { &[key(Tab)] }, Action::FormNextField, Msg::KeyNextField, true),
        b(const { &[key(BackTab)] }, Action::FormPrevField, Msg::KeyPrevField, false),
        bh(const { &[ctrl('u')] }, Action::FormClearField, Msg::KeyClearField, Msg::HelpClearField, false),
        bh(const { &[key(Esc)] }, Action::FormCancel, Msg::KeyCancel, Msg::HelpCancel, true),
    ]
}

pub static FORM: &[Binding] = &form_keys(Msg::KeySave);

/// The search form: Enter searches.
pub static SEARCH_FORM: &[Binding] = &form_keys(Msg::KeySearch);

pub static EXPORT_CHOOSER: &[Binding] = &[
    b(&[ch('m')], Action::Export(Format::Markdown), Msg::KeyMarkdown, true),
    b(&[ch('h')], Action::Export(Format::Html), Msg::KeyHtml, true),
    b(&[ch('c')], Action::Export(Format::Csv), Msg::KeyCsv, true),
    b(&[key(Esc)], Action::CloseOverlay, Msg::KeyClose, true),
];

pub static CONFIRM: &[Binding] = &[
    b(&[ch('j'), ch('y'), key(Enter)], Action::ConfirmYes, Msg::KeyYes, true),
    b(&[ch('n'), key(Esc)], Action::ConfirmNo, Msg::KeyNo, true),
];

pub static HELP: &[Binding] = &[
    b(&[key(Esc), ch('?'), ch('q')], Action::CloseOverlay, Msg::KeyClose, true),
    b(&[key(Up), ch('k')], Action::Up, Msg::KeyScroll, false),
    b(&[key(Down), ch('j')], Action::Down, Msg::KeyScroll, false),
    b(&[key(PageUp)], Action::PageUp, Msg::KeyPageUp, false),
    b(&[key(PageDown)], Action::PageDown, Msg::KeyPageDown, false),
];

pub static PHASE_PICKER: &[Binding] = &[
    b(&[ch('1')], Action::GoToPhase(Phase::Verkennen), Msg::KeyPickPhase, false),
    b(&[ch('2')], Action::GoToPhase(Phase::Delen), Msg::KeyPickPhase, false),
    b(&[ch('3')], Action::GoToPhase(Phase::Overeenkomen), Msg::KeyPickPhase, false),
    b(&[ch('4')], Action::GoToPhase(Phase::Vormgeven), Msg::KeyPickPhase, false),
    b(&[ch('5')], Action::GoToPhase(Phase::Uitvoeren), Msg::KeyPickPhase, false),
    b(&[key(Up), key(Left), ch('k')], Action::Up, Msg::KeyUp, false),
    b(&[key(Down), key(Right), ch('j')], Action::Down, Msg::KeyDown, false),
    b(&[key(Enter)], Action::Activate, Msg::KeyPickPhase, true),
    b(&[key(Esc)], Action::CloseOverlay, Msg::KeyClose, true),
];

pub static LIBRARY: &[Binding] = &[
    b(&[key(Enter)], Action::OpenSelected, Msg::KeyOpen, true),
    bh(&[ch('r')], Action::ReviewSelected, Msg::KeyReview, Msg::HelpReview, true),
    bh(&[ch('v')], Action::StartFollowUp, Msg::KeyFollowUp, Msg::HelpFollowUp, true),
    bh(&[ch('/')], Action::StartSearch, Msg::KeySearch, Msg::HelpSearch, true),
    bh(&[ch('o')], Action::ShowOverview, Msg::KeyOverview, Msg::HelpOverview, true),
    bh(&[ch('p')], Action::ShowPortfolio, Msg::KeyPortfolio, Msg::HelpPortfolio, true),
    bh(&[ch('f')], Action::EditFilter, Msg::KeyFilter, Msg::HelpLibraryFilter, false),
    bh(&[ch('x')], Action::StartExport, Msg::KeyExport, Msg::HelpExport, false),
    bh(&[ch('s')], Action::ToggleSort, Msg::KeySort, Msg::HelpSort, false),
    b(&[ch('n')], Action::NewSession, Msg::KeyNew, true),
    b(&[key(F(5))], Action::RefreshSessions, Msg::KeyRefresh, false),
    b(&[ch('?')], Action::ShowHelp, Msg::KeyHelp, true),
    b(&[ch('q'), key(Esc)], Action::Quit, Msg::KeyQuit, true),
];

/// Portfolio and collaboration overview: read, scroll, go back.
pub static LIBRARY_VIEW: &[Binding] = &[
    b(&[key(Esc), ch('q')], Action::Back, Msg::KeyBack, true),
    b(&[key(Up), ch('k')], Action::Up, Msg::KeyScroll, false),
    b(&[key(Down), ch('j')], Action::Down, Msg::KeyScroll, false),
    b(&[key(PageUp)], Action::PageUp, Msg::KeyPageUp, false),
    b(&[key(PageDown)], Action::PageDown, Msg::KeyPageDown, false),
    b(&[key(Home)], Action::Home, Msg::KeyHome, false),
];

pub static SEARCH_RESULTS: &[Binding] = &[
    bh(&[key(Enter)], Action::OpenSelected, Msg::KeyOpen, Msg::HelpOpenHit, true),
    bh(&[ch('/')], Action::StartSearch, Msg::KeySearch, Msg::HelpSearch, true),
    b(&[key(Esc), ch('q')], Action::Back, Msg::KeyBack, true),
];
