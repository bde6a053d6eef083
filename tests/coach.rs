//! The conversation coach (issue 10) without a terminal: one key opens it
//! on every pane, over a pane's box and over a form; the meeting runs on
//! under it (the agenda clock still asks for its tick and the tick leaves
//! the coach open); from it a reformulation is captured into the party's
//! map cell with its position, saved and undoable; a read-only session and
//! an open form refuse the capture and say why. Snapshots in Dutch and
//! English at 80x24 and 120x35.

#[path = "../examples/demo_session.rs"]
#[allow(dead_code)]
mod demo;

use std::path::PathBuf;

use chrono::DateTime;
use kompas::app::*;
use kompas::domain::*;
use kompas::i18n::Lang;
use kompas::keymap::{action_for, hints};
use kompas::panes::relationship::coach::{self, C};
use kompas::panes::{PANES, agenda};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{Input, Key};

fn now() -> Timestamp {
    DateTime::parse_from_rfc3339("2026-05-20T11:50:00+02:00").unwrap()
}

const PATH: &str = "sessions/2026-05-20-weer-thuis-in-de-wijk-zuiderveld.json";

/// The scenario's third meeting, on its first pane.
fn state(lang: Lang, w: u16, h: u16, access: Access) -> AppState {
    let mut state = AppState::new(lang, PathBuf::from("sessions"), now().date_naive());
    update(&mut state, Action::Resize(w, h), now());
    let opened = OpenedSession {
        session: demo::meeting3().into(),
        path: PATH.into(),
        access,
        draft: None,
        previous: None,
    };
    update(&mut state, Action::SessionOpened(Box::new(opened)), now());
    state
}

fn send(state: &mut AppState, actions: impl IntoIterator<Item = Action>) -> Vec<Effect> {
    actions.into_iter().flat_map(|a| update(state, a, now())).filter(|e| !e.is_journal()).collect()
}

fn press(state: &mut AppState, code: KeyCode) -> Vec<Effect> {
    let ev = KeyEvent::new(code, KeyModifiers::NONE);
    match action_for(state, &ev) {
        Some(a) => send(state, [a]),
        None => Vec::new(),
    }
}

fn key(k: Key) -> Action {
    Action::FormInput(Input { key: k, ..Default::default() })
}

fn typing(text: &str) -> Vec<Action> {
    text.chars().map(|c| key(Key::Char(c))).collect()
}

fn session(state: &AppState) -> &Session {
    &state.session().unwrap().session
}

fn coach_open(state: &AppState) -> bool {
    matches!(state.overlay, Some(Overlay::Coach { .. }))
}

fn scroll(state: &AppState) -> u16 {
    match state.overlay {
        Some(Overlay::Coach { scroll }) => scroll,
        _ => panic!("the coach is open"),
    }
}

fn screen(state: &AppState) -> String {
    let mut terminal = Terminal::new(TestBackend::new(state.width, state.height)).unwrap();
    terminal.draw(|f| kompas::ui::draw(f, state)).unwrap();
    let buf = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let line: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

macro_rules! snap {
    ($name:expr, $state:expr) => {{
        let st = &$state;
        let name = format!("{}_{}_{}x{}", $name, st.lang.id(), st.width, st.height);
        insta::assert_snapshot!(name, screen(st));
    }};
}

#[test]
fn one_key_opens_the_coach_on_every_pane_and_closes_it_again() {
    for key in [KeyCode::F(2), KeyCode::Char('G')] {
        let mut s = state(Lang::Nl, 120, 35, Access::Edit);
        for (pane, shown) in PANES.iter().enumerate() {
            s.session_mut().unwrap().pane = pane;
            press(&mut s, key);
            assert!(coach_open(&s), "{key:?} opens the coach on pane {}", shown.id());
            assert_eq!(s.session().unwrap().pane, pane, "the pane stays where it was");
            press(&mut s, key);
            assert!(!coach_open(&s), "{key:?} closes it again");
        }
        press(&mut s, key);
        press(&mut s, KeyCode::Esc);
        assert!(!coach_open(&s), "Esc closes it");
    }
}

#[test]
fn over_a_form_only_the_function_key_opens_it_and_the_typing_stays() {
    let mut s = state(Lang::En, 80, 24, Access::Edit);
    send(&mut s, [Action::RecordTemperature]);
    send(&mut s, typing("heated"));
    press(&mut s, KeyCode::Char('G'));
    assert!(!coach_open(&s), "G is typing in a form");
    press(&mut s, KeyCode::F(2));
    assert!(coach_open(&s));
    // Capturing now would replace the form: refused, said why.
    press(&mut s, KeyCode::Char('c'));
    assert!(coach_open(&s));
    assert_eq!(s.notice.as_ref().map(|n| n.text.say(Lang::En)), Some(C::CloseFormFirst.get(Lang::En).into()));
    press(&mut s, KeyCode::Esc);
    assert!(!coach_open(&s));
    let form = s.form.as_ref().expect("the form is still open");
    assert!(form.text("note").ends_with("heatedG"), "{}", form.text("note"));
}

#[test]
fn the_meeting_runs_on_under_the_coach() {
    let mut s = state(Lang::Nl, 80, 24, Access::Edit);
    s.session_mut().unwrap().show::<agenda::Agenda>();
    send(&mut s, [Action::Pane(agenda::START)]);
    let wake = s.next_wake().expect("the agenda clock runs");
    press(&mut s, KeyCode::F(2));
    assert!(coach_open(&s));
    assert_eq!(s.next_wake(), Some(wake), "the clock still asks for its tick");
    let header = |s: &AppState| screen(s).lines().next().unwrap().to_string();
    let before = header(&s);
    update(&mut s, Action::Tick, now() + chrono::Duration::seconds(65));
    assert!(coach_open(&s), "a tick leaves the coach open");
    assert_ne!(header(&s), before, "the header clock moved");
    assert!(screen(&s).contains(C::Title.get(Lang::Nl)));
}

#[test]
fn the_coach_scrolls_and_jumps_to_its_sections() {
    let mut s = state(Lang::Nl, 80, 24, Access::Edit);
    press(&mut s, KeyCode::F(2));
    let book = coach::book(Lang::Nl, 80 - 4);
    assert!(book.right.is_empty(), "one column at 80");
    press(&mut s, KeyCode::Char('2'));
    assert_eq!(usize::from(scroll(&s)), book.starts[1]);
    assert!(screen(&s).contains(C::Ladder.get(Lang::Nl)));
    press(&mut s, KeyCode::Char('3'));
    assert!(screen(&s).contains(C::Moves.get(Lang::Nl)));
    press(&mut s, KeyCode::End);
    let end = scroll(&s);
    press(&mut s, KeyCode::Down);
    assert_eq!(scroll(&s), end, "no scrolling past the end");
    press(&mut s, KeyCode::Char('1'));
    assert_eq!(scroll(&s), 0);
    // Wide: two columns, the moves beside the levels.
    let wide = coach::book(Lang::En, 120 - 4);
    assert!(!wide.right.is_empty() && wide.starts[2] == 0);
}

#[test]
fn a_position_captured_from_the_coach_lands_in_the_partys_cell() {
    let mut s = state(Lang::Nl, 120, 35, Access::Edit);
    let before: Vec<String> = session(&s).interests.iter().map(|i| i.id.clone()).collect();
    press(&mut s, KeyCode::F(2));
    press(&mut s, KeyCode::Char('b'));
    assert!(!coach_open(&s), "the form takes the coach's place");
    let form = s.form.as_ref().expect("the capture form");
    assert_eq!(form.title(), C::CaptureTitle);
    // Party: the second; position as said; interest; the default move.
    send(&mut s, [Action::FormPrevField, Action::FormPrevField, key(Key::Right), Action::FormNextField]);
    send(&mut s, [Action::FormNextField]);
    send(&mut s, typing("Wij gaan niet opdraaien voor de huurachterstand!"));
    send(&mut s, [Action::FormNextField]);
    send(&mut s, typing("Zekerheid dat achterstand niet bij de corporatie blijft"));
    let effects = send(&mut s, [Action::FormSubmit]);
    assert!(effects.iter().any(|e| matches!(e, Effect::Save)), "{effects:?}");
    assert!(s.form.is_none());
    let session = session(&s);
    assert_eq!(session.interests.len(), before.len() + 1);
    let made = session.interests.iter().find(|i| !before.contains(&i.id)).expect("a new interest");
    assert_eq!(made.party, session.parties[1].id, "in the second party's cell");
    assert_eq!(made.kind, InterestKind::Organisatie);
    assert_eq!(made.text, "Zekerheid dat achterstand niet bij de corporatie blijft");
    assert_eq!(made.position.as_deref(), Some("Wij gaan niet opdraaien voor de huurachterstand!"));
    assert_eq!(made.reformulation, Some(ReformulationMove::StandpuntNaarBelang));
    assert_eq!(s.notice.as_ref().map(|n| n.text.say(Lang::Nl)), Some(C::Captured.get(Lang::Nl).into()));
    // u takes it back.
    send(&mut s, [Action::Undo]);
    assert_eq!(self::session(&s).interests.len(), before.len());
}

#[test]
fn over_the_whole_tables_block_the_capture_files_into_the_whole_table() {
    use kompas::panes::interests::{Interests, MapSel};
    let mut s = state(Lang::En, 120, 35, Access::Edit);
    assert!(s.session().unwrap().showing::<Interests>(), "the map is the first pane");
    // The cursor on the whole table's collective row.
    s.session_mut().unwrap().local_mut::<Interests>().sel = MapSel::Table { row: 2, item: 0 };
    press(&mut s, KeyCode::F(2));
    press(&mut s, KeyCode::Char('c'));
    let form = s.form.as_ref().expect("the capture form");
    assert_eq!(form.choice("party"), Some(&Choice::Party(Some(TABLE.into()))), "the whole table");
    assert_eq!(form.choice("kind"), Some(&Choice::Kind(InterestKind::Collectief)), "the row's kind");
    send(&mut s, typing("Not again all vulnerable tenants in one block!"));
    send(&mut s, [Action::FormNextField]);
    send(&mut s, typing("Vulnerable tenants spread over the neighbourhood"));
    let before = session(&s).interests.len();
    let effects = send(&mut s, [Action::FormSubmit]);
    assert!(effects.iter().any(|e| matches!(e, Effect::Save)), "{effects:?}");
    let made = session(&s).interests.last().expect("a new interest");
    assert_eq!(session(&s).interests.len(), before + 1);
    assert_eq!((made.party.as_str(), made.kind), (TABLE, InterestKind::Collectief));
    assert_eq!(made.position.as_deref(), Some("Not again all vulnerable tenants in one block!"));

    // On a party's cell the capture starts with that party and kind.
    let second = session(&s).parties[1].id.clone();
    s.session_mut().unwrap().local_mut::<Interests>().sel = MapSel::Cell { party: 1, row: 2, item: 0 };
    press(&mut s, KeyCode::F(2));
    press(&mut s, KeyCode::Char('c'));
    let form = s.form.as_ref().expect("the capture form");
    assert_eq!(form.choice("party"), Some(&Choice::Party(Some(second))));
    assert_eq!(form.choice("kind"), Some(&Choice::Kind(InterestKind::Individueel)));
}

#[test]
fn without_parties_the_capture_files_into_the_whole_table() {
    let mut s = AppState::new(Lang::Nl, PathBuf::from("sessions"), now().date_naive());
    update(&mut s, Action::Resize(80, 24), now());
    let empty = Session::new("leeg".into(), "Leeg", now().date_naive(), "", now()).unwrap();
    let opened = OpenedSession {
        session: empty.into(),
        path: "leeg.json".into(),
        access: Access::Edit,
        draft: None,
        previous: None,
    };
    update(&mut s, Action::SessionOpened(Box::new(opened)), now());
    press(&mut s, KeyCode::F(2));
    press(&mut s, KeyCode::Char('b'));
    let form = s.form.as_ref().expect("the capture form, not a refusal");
    assert_eq!(form.choice("party"), Some(&Choice::Party(Some(TABLE.into()))));
    send(&mut s, typing("Dit moet nu eindelijk eens goed"));
    send(&mut s, [Action::FormNextField]);
    send(&mut s, typing("Samen zichtbaar resultaat"));
    send(&mut s, [Action::FormSubmit]);
    assert_eq!(session(&s).interests.iter().map(|i| i.party.as_str()).collect::<Vec<_>>(), [TABLE]);
}

#[test]
fn an_empty_position_is_not_captured() {
    let mut s = state(Lang::En, 80, 24, Access::Edit);
    press(&mut s, KeyCode::F(2));
    press(&mut s, KeyCode::Enter);
    send(&mut s, [Action::FormNextField]);
    send(&mut s, typing("Certainty"));
    let before = session(&s).interests.len();
    assert!(send(&mut s, [Action::FormSubmit]).is_empty());
    assert!(s.form.is_some(), "the form stays open with what was typed");
    assert_eq!(session(&s).interests.len(), before);
}

#[test]
fn a_read_only_session_shows_the_coach_and_captures_nothing() {
    let mut s = state(Lang::En, 120, 35, Access::HeldElsewhere);
    let before = session(&s).clone();
    press(&mut s, KeyCode::F(2));
    assert!(coach_open(&s), "reading the coach changes nothing");
    assert!(hints(&s).iter().all(|(_, label)| *label != C::KeyCapture), "no capture hint");
    press(&mut s, KeyCode::Char('c'));
    assert!(s.form.is_none());
    assert_eq!(session(&s), &before);
}

#[test]
fn snapshots_of_the_coach() {
    for lang in [Lang::Nl, Lang::En] {
        for (w, h) in [(80, 24), (120, 35)] {
            let mut s = state(lang, w, h, Access::Edit);
            press(&mut s, KeyCode::F(2));
            snap!("coach", s);
            press(&mut s, KeyCode::Char('3'));
            snap!("coach_moves", s);
            press(&mut s, KeyCode::Char('b'));
            snap!("coach_capture_form", s);
        }
    }
}
