//! The room display's keys in the state machine: actions in, state and
//! effects out (no server, no terminal).

use crate::common;

use std::path::PathBuf;

use kompas::app::*;
use kompas::domain::*;
use kompas::i18n::Lang;
use kompas::room::{RoomScreen, Spot};

fn now() -> Timestamp {
    common::at("2026-03-12T12:00:00+01:00")
}

fn open(access: Access) -> AppState {
    let mut state = AppState::new(Lang::Nl, PathBuf::from("sessions"), now().date_naive());
    update(&mut state, Action::Resize(120, 35), now());
    let opened = OpenedSession {
        session: common::realistic_session().into(),
        path: PathBuf::from("sessions/x.json"),
        access,
        draft: None,
        previous: None,
    };
    update(&mut state, Action::SessionOpened(Box::new(opened)), now());
    state
}

fn room(state: &mut AppState, key: RoomKey) -> Vec<Effect> {
    update(state, Action::Room(key), now())
}

/// Show the agreements pane with the cursor on the agreement `text`.
fn on_agreement(state: &mut AppState, text: &str) -> String {
    while state.session().unwrap().pane_id() != "agreements" {
        update(state, Action::NextPane, now());
    }
    update(state, Action::Home, now());
    for _ in 0..10 {
        let s = state.session().unwrap();
        let sel = s.active().selected(s, Lang::Nl).unwrap();
        let a = s.session.agreements.iter().find(|a| a.id == sel.id).unwrap();
        if a.text == text {
            return a.id.clone();
        }
        update(state, Action::Down, now());
    }
    panic!("no agreement {text}");
}

#[test]
fn z_asks_the_runtime_to_start_and_stop_and_its_report_shows() {
    let mut state = open(Access::Edit);
    assert_eq!(room(&mut state, RoomKey::Toggle), vec![Effect::RoomStart(state.room.bind)]);
    assert_eq!(state.room.bind.port(), kompas::room::DEFAULT_PORT);
    assert!(state.room.bind.ip().is_loopback());
    // Z before it runs: a notice, no box.
    room(&mut state, RoomKey::ShowAddress);
    assert_eq!(state.overlay, None);
    let running =
        RoomRunning { url: "http://127.0.0.1:5000/".into(), addr: "127.0.0.1:5000".parse().unwrap() };
    update(&mut state, Action::RoomReport(RoomReport::Started(running.clone())), now());
    assert_eq!(state.room.running, Some(running));
    assert_eq!(state.room.bind.port(), 5000, "a restart keeps the address");
    room(&mut state, RoomKey::ShowAddress);
    assert_eq!(state.overlay, Some(Overlay::RoomAddress));
    update(&mut state, Action::CloseOverlay, now());
    assert_eq!(room(&mut state, RoomKey::Toggle), vec![Effect::RoomStop]);
    update(&mut state, Action::RoomReport(RoomReport::Stopped), now());
    assert_eq!(state.room.running, None);
    update(
        &mut state,
        Action::RoomReport(RoomReport::Failed("127.0.0.1:5000: in use\u{1b}[2J".into())),
        now(),
    );
    let notice = state.notice.as_ref().unwrap();
    assert!(notice.error && !notice.text.say(Lang::Nl).contains('\u{1b}'));
}

#[test]
fn spotlight_blank_and_back() {
    let mut state = open(Access::Edit);
    let id = on_agreement(&mut state, "Intentieverklaring opstellen en rondsturen");
    room(&mut state, RoomKey::Spotlight);
    assert_eq!(state.room.screen, RoomScreen::Spotlight(Spot::Agreement(id.clone())));
    room(&mut state, RoomKey::Blank);
    assert_eq!(state.room.screen, RoomScreen::Blank);
    room(&mut state, RoomKey::Blank);
    assert_eq!(state.room.screen, RoomScreen::Spotlight(Spot::Agreement(id)), "unblank returns");
    room(&mut state, RoomKey::Spotlight);
    assert_eq!(state.room.screen, RoomScreen::Board);
    // A question: spotlit, and the board keeps showing it afterwards.
    while state.session().unwrap().pane_id() != "reflections" {
        update(&mut state, Action::NextPane, now());
    }
    update(&mut state, Action::Home, now());
    room(&mut state, RoomKey::Spotlight);
    let RoomScreen::Spotlight(Spot::Question(q)) = state.room.screen.clone() else {
        panic!("{:?}", state.room.screen)
    };
    assert_eq!(state.room.question, Some(q));
    // What is spotlighted is what the room display gets.
    let snap = kompas::app::room::snapshot(&state);
    assert_eq!(snap.state.screen, state.room.screen);
}

#[test]
fn w_hides_and_shows_and_saves_and_a_hidden_item_is_not_spotlighted() {
    let mut state = open(Access::Edit);
    let id = on_agreement(&mut state, "Cijfers over heropnames delen");
    assert_eq!(room(&mut state, RoomKey::ShowOrHide), vec![Effect::Save]);
    assert_eq!(state.session().unwrap().session.room.get(&id), Some(&RoomMark::Private));
    room(&mut state, RoomKey::Spotlight);
    assert_eq!(state.room.screen, RoomScreen::Board, "a hidden item is not put in the spotlight");
    assert!(state.notice.as_ref().unwrap().error);
    assert_eq!(room(&mut state, RoomKey::ShowOrHide), vec![Effect::Save]);
    assert!(state.session().unwrap().session.room.is_empty());
}

#[test]
fn read_only_refuses_marks_but_not_the_view_keys() {
    let mut state = open(Access::Review);
    on_agreement(&mut state, "Cijfers over heropnames delen");
    assert!(room(&mut state, RoomKey::ShowOrHide).is_empty());
    assert!(state.session().unwrap().session.room.is_empty());
    assert!(state.notice.as_ref().unwrap().error);
    room(&mut state, RoomKey::Spotlight);
    assert!(matches!(state.room.screen, RoomScreen::Spotlight(_)));
    assert_eq!(room(&mut state, RoomKey::Toggle).len(), 1);
}

#[test]
fn typing_in_a_form_is_not_in_the_snapshot() {
    let mut state = open(Access::Edit);
    on_agreement(&mut state, "Cijfers over heropnames delen");
    update(&mut state, Action::Pane(kompas::panes::agreements::ADD), now());
    assert!(state.form.is_some());
    for c in "Geheim concept".chars() {
        let input = ratatui_textarea::Input { key: ratatui_textarea::Key::Char(c), ..Default::default() };
        update(&mut state, Action::FormInput(input), now());
    }
    let snap = kompas::app::room::snapshot(&state);
    let html = kompas::room::render_page(&snap, 1);
    assert!(!html.contains("Geheim concept"));
    // Room keys do nothing while a form is open (they are typing there).
    assert!(room(&mut state, RoomKey::Toggle).is_empty());
}

#[test]
fn on_an_instrument_pane_the_spotlight_shows_the_instrument() {
    let mut state = open(Access::Edit);
    for (pane, spot) in
        [("agenda", Spot::Clock), ("relationship", Spot::Relationship), ("grondvorm", Spot::Grondvorm)]
    {
        while state.session().unwrap().pane_id() != pane {
            update(&mut state, Action::NextPane, now());
        }
        room(&mut state, RoomKey::Spotlight);
        assert_eq!(state.room.screen, RoomScreen::Spotlight(spot), "{pane}");
        room(&mut state, RoomKey::Spotlight);
        assert_eq!(state.room.screen, RoomScreen::Board, "{pane}: again, back to the board");
    }
    // While the agenda clock runs, the room's state carries the time, so the
    // runtime hands the room a new view every second.
    assert_eq!(kompas::app::room::room_state(&state).now, None);
    let s = state.session().unwrap().session.clone();
    let mut running = (*s).clone();
    let fields = meeting::AgendaFields {
        title: "Opening".into(),
        phase: Phase::Delen,
        planned_minutes: 5,
        lead: None,
    };
    let id = running.add_agenda_item(&fields, None, now()).unwrap();
    running.start_agenda_item(&id, now()).unwrap();
    let opened = OpenedSession {
        session: running.into(),
        path: PathBuf::from("sessions/x.json"),
        access: Access::Edit,
        draft: None,
        previous: None,
    };
    update(&mut state, Action::SessionOpened(Box::new(opened)), now());
    assert_eq!(kompas::app::room::room_state(&state).now, Some(now()));
    assert_eq!(kompas::app::room::snapshot(&state).state.now, Some(now()));
}
