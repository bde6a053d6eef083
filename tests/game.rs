//! Theater van Besluit as a game mode, driven by actions alone: no
//! terminal, no files, and a clock that moves only when the test says so.

use std::path::PathBuf;

use chrono::{DateTime, Duration, NaiveDate};
use kompas::app::*;
use kompas::domain::meeting::{Assignment, DealMode, Strategy, deal};
use kompas::domain::*;
use kompas::i18n::Lang;
use kompas::panes::game::{self, GameMode, Row};
use ratatui_textarea::{Input, Key};

fn t0() -> Timestamp {
    DateTime::parse_from_rfc3339("2026-04-09T10:00:00+02:00").unwrap()
}

fn at(secs: i64) -> Timestamp {
    t0() + Duration::seconds(secs)
}

fn open(access: Access, session: Session) -> AppState {
    let mut state = AppState::new(Lang::Nl, PathBuf::from("sessions"), t0().date_naive());
    update(&mut state, Action::Resize(120, 35), t0());
    let path = PathBuf::from("sessions/x.json");
    let opened = OpenedSession { session: session.into(), path, access, draft: None, previous: None };
    update(&mut state, Action::SessionOpened(Box::new(opened)), t0());
    while state.session().unwrap().active().id() != "game" {
        update(&mut state, Action::NextPane, t0());
    }
    state
}

fn session() -> Session {
    Session::new("m2".into(), "Zuiderveld", NaiveDate::from_ymd_opt(2026, 4, 9).unwrap(), "Anouk", t0())
        .unwrap()
}

fn send(state: &mut AppState, now: Timestamp, actions: impl IntoIterator<Item = Action>) -> Vec<Effect> {
    crate::common::send_at(state, now, actions)
}

fn typing(text: &str) -> Vec<Action> {
    text.chars().map(|c| Action::FormInput(Input { key: Key::Char(c), ..Default::default() })).collect()
}

fn space() -> Action {
    Action::FormInput(Input { key: Key::Char(' '), ..Default::default() })
}

fn s(state: &AppState) -> &Session {
    &state.session().unwrap().session
}

fn pane(state: &AppState) -> &game::State {
    state.session().unwrap().local::<GameMode>()
}

/// Set up a game: players as typed, the three assignments as typed (each
/// replacing the default), physical cards and silence when asked.
fn set_up(
    state: &mut AppState,
    players: &str,
    assignments: [&str; 3],
    physical: bool,
    silent: bool,
) -> Vec<Effect> {
    let mut actions = vec![Action::Pane(game::NEW)];
    actions.extend(typing(players));
    for a in assignments {
        actions.extend([Action::FormNextField, Action::FormClearField]);
        actions.extend(typing(a));
    }
    actions.push(Action::FormNextField);
    if physical {
        actions.push(space());
    }
    actions.push(Action::FormNextField);
    if silent {
        actions.push(space());
    }
    actions.push(Action::FormSubmit);
    send(state, t0(), actions)
}

fn the_game(state: &AppState) -> &kompas::domain::meeting::Game {
    s(state).games.last().unwrap()
}

#[test]
fn set_up_by_names_seats_everyone_alone_with_three_assignments_and_a_seed() {
    let mut state = open(Access::Edit, session());
    assert!(pane(&state).rows.is_empty());
    let effects = set_up(
        &mut state,
        "Anna, Bram, Cem, Dirk",
        ["2", "Teamuitje", "Wie opent het buurtfeest?"],
        false,
        false,
    );
    assert_eq!(effects, vec![Effect::Save]);
    let g = the_game(&state);
    assert_eq!(g.seats.len(), 4);
    assert!(g.seats.iter().all(|s| s.players == 1));
    assert_eq!(g.seats[2].names, ["Cem"]);
    assert_eq!(g.round_secs(), 180, "3 minutes up to six players");
    assert_eq!(g.deal, DealMode::Kompas);
    assert!(g.seed.is_some(), "the seed is recorded");
    assert_eq!(g.rounds[0].assignment, Some(Assignment::ALL[1]));
    assert_eq!(g.rounds[1].assignment, Some(Assignment::Teamuitje));
    assert_eq!(
        (g.rounds[2].assignment, g.rounds[2].own_assignment.as_str()),
        (None, "Wie opent het buurtfeest?")
    );
    // Three rounds, then the fourteen reflection questions.
    assert_eq!(pane(&state).rows[..3], [Row::Round(1), Row::Round(2), Row::Round(3)]);
    assert_eq!(pane(&state).rows.len(), 3 + 14);
}

#[test]
fn nine_players_sit_in_pairs_with_one_alone_and_play_five_minutes() {
    let mut state = open(Access::Edit, session());
    set_up(&mut state, "9", ["1", "2", "3"], false, false);
    let g = the_game(&state);
    assert_eq!(g.seats.iter().map(|s| s.players).collect::<Vec<_>>(), [2, 2, 2, 2, 1]);
    assert!(g.mixed_seating());
    assert_eq!(g.round_secs(), 300);
}

#[test]
fn a_group_too_small_or_too_large_keeps_the_form_with_the_typing() {
    let mut state = open(Access::Edit, session());
    for players in
        ["1", "13", "Anna", "Anna, Bram, Cem, Dirk, Eva, Fem, Gijs, Hans, Ilse, Jan, Kees, Lot, Mo"]
    {
        assert!(set_up(&mut state, players, ["1", "2", "3"], false, false).is_empty());
        let form = state.form.take().expect("the form stays open");
        assert_eq!(form.error, Some(game::M::BadPlayers), "{players}");
        assert_eq!(form.text("players"), players);
    }
    assert!(s(&state).games.is_empty());
}

#[test]
fn a_round_runs_with_its_warning_and_bell_then_the_decision() {
    let mut state = open(Access::Edit, session());
    set_up(&mut state, "Anna, Bram, Cem, Dirk", ["1", "2", "3"], false, false);
    assert_eq!(state.next_wake(), None, "no round, no timer");
    assert_eq!(send(&mut state, t0(), [Action::Pane(game::ROUND)]), vec![Effect::Save]);
    let g = the_game(&state);
    // Dealt from the recorded seed, consensus in play.
    let seats = g.seats.len();
    let dealt: Vec<Strategy> = g.seats.iter().map(|x| g.rounds[0].cards[&x.id]).collect();
    assert_eq!(dealt, deal(g.seed.unwrap(), 1, seats, false));
    assert!(dealt.contains(&Strategy::Consensus));
    assert_eq!(state.next_wake(), Some(at(1)));

    // Two minutes in: no warning yet.
    assert!(send(&mut state, at(119), [Action::Tick]).is_empty());
    let timer = pane(&state).timer.unwrap();
    assert_eq!((timer.round, timer.left, timer.warning()), (1, 61, false));
    // The last minute: visible, and the bell rings once.
    assert_eq!(send(&mut state, at(120), [Action::Tick]), vec![Effect::Bell]);
    assert!(pane(&state).timer.unwrap().warning());
    assert!(state.session().unwrap().active().tab_alert(state.session().unwrap()));
    assert!(send(&mut state, at(121), [Action::Tick]).is_empty(), "once");
    send(&mut state, at(200), [Action::Tick]);
    assert_eq!(pane(&state).timer.unwrap().left, -20, "over time");

    // Stop: the decision form opens at once.
    assert_eq!(send(&mut state, at(205), [Action::Pane(game::ROUND)]), vec![Effect::Save]);
    assert!(state.form.is_some());
    let mut actions = typing("Eetcafé De Kade");
    actions.push(Action::FormNextField);
    actions.extend(typing("Consensus hield het lang op"));
    actions.push(Action::FormSubmit);
    send(&mut state, at(260), actions);
    let r = &the_game(&state).rounds[0];
    assert_eq!((r.decision.as_str(), r.debrief.as_str()), ("Eetcafé De Kade", "Consensus hield het lang op"));
    assert_eq!(r.ended_at, Some(at(205)));
    assert_eq!(state.next_wake(), None);
    // The next `s` starts round 2, with a bell of its own later.
    send(&mut state, at(300), [Action::Pane(game::ROUND)]);
    assert_eq!(the_game(&state).running_round(), Some(2));
    assert_eq!(send(&mut state, at(420), [Action::Tick]), vec![Effect::Bell]);
}

#[test]
fn the_bell_can_be_turned_off_and_the_warning_still_shows() {
    let mut state = open(Access::Edit, session());
    set_up(&mut state, "4", ["1", "2", "3"], false, true);
    assert!(the_game(&state).silent);
    send(&mut state, t0(), [Action::Pane(game::ROUND)]);
    assert!(send(&mut state, at(125), [Action::Tick]).is_empty());
    assert!(pane(&state).timer.unwrap().warning());
    // b turns it on again.
    send(&mut state, at(126), [Action::Pane(game::BELL)]);
    assert!(!the_game(&state).silent);
}

#[test]
fn consensus_may_be_left_out_in_one_round_only() {
    let mut state = open(Access::Edit, session());
    set_up(&mut state, "4", ["1", "2", "3"], false, false);
    send(&mut state, t0(), [Action::Down, Action::Pane(game::CONSENSUS)]);
    let r2 = &the_game(&state).rounds[1];
    assert!(r2.without_consensus);
    assert!(!r2.cards.values().any(|c| *c == Strategy::Consensus));
    // Round 3 as well: refused, with a notice.
    assert!(send(&mut state, t0(), [Action::Down, Action::Pane(game::CONSENSUS)]).is_empty());
    assert!(state.notice.as_ref().is_some_and(|n| n.error));
    assert!(!the_game(&state).rounds[2].without_consensus);
    // Six seats: every card is dealt.
    set_up(&mut state, "6", ["1", "2", "3"], false, false);
    send(&mut state, t0(), [Action::Home, Action::Pane(game::CONSENSUS)]);
    assert!(!the_game(&state).rounds[0].without_consensus);
}

#[test]
fn physical_cards_are_recorded_per_seat_and_each_card_once() {
    let mut state = open(Access::Edit, session());
    set_up(&mut state, "Anna, Bram, Cem", ["1", "2", "3"], true, false);
    assert_eq!(the_game(&state).deal, DealMode::Fysiek);
    assert_eq!(the_game(&state).seed, None);
    send(&mut state, t0(), [Action::Pane(game::CARDS)]);
    let mut actions = vec![Action::FormClearField];
    actions.extend(typing("1"));
    actions.push(Action::FormNewline);
    actions.extend(typing("2: Eliminatie"));
    actions.push(Action::FormNewline);
    actions.extend(typing("consensus"));
    actions.push(Action::FormSubmit);
    assert_eq!(send(&mut state, t0(), actions), vec![Effect::Save]);
    let g = the_game(&state);
    let cards: Vec<Strategy> = g.seats.iter().map(|x| g.rounds[0].cards[&x.id]).collect();
    assert_eq!(cards, [Strategy::Autoriteit, Strategy::Eliminatie, Strategy::Consensus]);
    // The same card twice is refused, the typing kept.
    send(&mut state, t0(), [Action::Pane(game::CARDS), Action::FormClearField]);
    let mut actions = typing("adequaat");
    actions.push(Action::FormNewline);
    actions.extend(typing("4"));
    actions.push(Action::FormSubmit);
    assert!(send(&mut state, t0(), actions).is_empty());
    assert_eq!(state.form.as_ref().unwrap().error, Some(game::M::BadCard));
    assert_eq!(state.form.as_ref().unwrap().text("cards"), "adequaat\n4");
    state.form = None;
    // Starting the round deals nothing over the recorded cards.
    send(&mut state, t0(), [Action::Pane(game::ROUND)]);
    assert_eq!(the_game(&state).rounds[0].cards.len(), 3);
    // A game kompas deals takes no recorded cards.
    set_up(&mut state, "4", ["1", "2", "3"], false, false);
    send(&mut state, t0(), [Action::Pane(game::CARDS)]);
    assert!(state.form.is_none());
    assert!(state.notice.as_ref().is_some_and(|n| n.error));
}

#[test]
fn the_rooms_answers_go_under_their_question_and_can_be_edited_and_deleted() {
    let mut state = open(Access::Edit, session());
    set_up(&mut state, "4", ["1", "2", "3"], false, false);
    send(&mut state, t0(), [Action::Pane(game::ROUND)]);
    send(&mut state, at(170), [Action::Pane(game::ROUND), Action::FormCancel]);
    // The first question of "in the game", after round 1.
    let q = pane(&state).rows.iter().position(|r| matches!(r, Row::Question(..))).unwrap();
    let mut actions = vec![Action::Home];
    actions.extend(std::iter::repeat_n(Action::Down, q));
    actions.push(Action::Activate);
    actions.extend(typing("Ja, net op tijd"));
    actions.push(Action::FormSubmit);
    assert_eq!(send(&mut state, at(200), actions), vec![Effect::Save]);
    let a = &the_game(&state).answers[0];
    assert_eq!(
        (a.question.as_str(), a.round, a.answer.as_str()),
        ("besluit_bereikt", Some(1), "Ja, net op tijd")
    );
    assert_eq!(pane(&state).rows[q + 1], Row::Answer(0));
    // Edit it on its own row.
    let mut actions = vec![Action::Down, Action::Activate, Action::FormClearField];
    actions.extend(typing("Ja, met tien seconden over"));
    actions.push(Action::FormSubmit);
    send(&mut state, at(210), actions);
    assert_eq!(the_game(&state).answers.len(), 1);
    assert_eq!(the_game(&state).answers[0].answer, "Ja, met tien seconden over");
    // Delete, and bring back.
    send(&mut state, at(220), [Action::DeleteSelected]);
    assert!(the_game(&state).answers.is_empty());
    send(&mut state, at(220), [Action::Undo]);
    assert_eq!(the_game(&state).answers.len(), 1);
}

#[test]
fn a_read_only_session_shows_the_timer_and_rings_no_bell() {
    let mut session = session();
    let setup = kompas::domain::meeting::GameSetup {
        players: kompas::domain::meeting::Players::Count(4),
        assignments: [Assignment::Etentje, Assignment::Teamuitje, Assignment::Festivallocatie]
            .map(kompas::domain::meeting::RoundAssignment::Card),
        deal: DealMode::Kompas,
        silent: false,
    };
    let id = session.start_game(&setup, 7, t0()).unwrap();
    session.start_round(&id, 1, t0()).unwrap();
    let mut state = open(Access::HeldElsewhere, session);
    assert!(send(&mut state, at(150), [Action::Tick]).is_empty());
    assert!(pane(&state).timer.unwrap().warning());
    assert_eq!(state.next_wake(), Some(at(151)));
}
