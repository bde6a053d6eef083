//! Theater van Besluit on a session in memory: seating, timing, dealing
//! with the consensus rule, physical cards, rounds in order, answers.

use chrono::{DateTime, Duration, NaiveDate};

use super::agenda_tests::game_setup;
use super::*;
use crate::domain::{Removed, Timestamp};

fn t(secs: i64) -> Timestamp {
    DateTime::parse_from_rfc3339("2026-04-09T10:40:00+02:00").unwrap() + Duration::seconds(secs)
}

fn session() -> Session {
    let day = NaiveDate::from_ymd_opt(2026, 4, 9).unwrap();
    Session::new("m2".into(), "Zuiderveld", day, "Anouk", t(0)).unwrap()
}

fn names(n: usize) -> Vec<String> {
    ["Karim", "Marieke", "Pieter", "Sanne", "Joost", "Fatima", "Ruud", "Els", "Bram", "Noor", "Lotte", "Henk"]
        [..n]
        .iter()
        .map(|s| s.to_string())
        .collect()
}

fn game(players: Players, deal: DealMode) -> (Session, String) {
    let mut s = session();
    let setup = GameSetup { players, deal, ..game_setup() };
    let id = s.start_game(&setup, 20260409, t(0)).unwrap();
    (s, id)
}

#[test]
fn alone_up_to_six_in_pairs_from_seven_and_one_single_for_odd_counts() {
    assert_eq!(seating(2).unwrap(), [1, 1]);
    assert_eq!(seating(6).unwrap(), [1; 6]);
    assert_eq!(seating(7).unwrap(), [2, 2, 2, 1]);
    assert_eq!(seating(8).unwrap(), [2, 2, 2, 2]);
    assert_eq!(seating(11).unwrap(), [2, 2, 2, 2, 2, 1]);
    assert_eq!(seating(12).unwrap(), [2; 6]);
    assert_eq!(seating(1), Err(MeetingError::Players(1)));
    assert_eq!(seating(13), Err(MeetingError::Players(13)));
    for n in MIN_PLAYERS..=MAX_PLAYERS {
        let seats = seating(n).unwrap();
        assert_eq!(seats.iter().map(|&s| u32::from(s)).sum::<u32>(), n);
        assert!(seats.len() <= Strategy::ALL.len(), "one card per seat");
    }
}

#[test]
fn a_round_lasts_three_minutes_up_to_six_players_and_five_from_seven() {
    let (s, id) = game(Players::Count(6), DealMode::Kompas);
    let g = &s.games[s.game_index(&id).unwrap()];
    assert_eq!((g.round_secs(), g.players(), g.mixed_seating()), (180, 6, false));
    let (s, id) = game(Players::Count(7), DealMode::Kompas);
    let g = &s.games[s.game_index(&id).unwrap()];
    assert_eq!((g.round_secs(), g.players(), g.seats.len(), g.mixed_seating()), (300, 7, 4, true));
    let (s, id) = game(Players::Count(12), DealMode::Kompas);
    let g = &s.games[s.game_index(&id).unwrap()];
    assert_eq!((g.round_secs(), g.mixed_seating()), (300, false));
    assert_eq!(WARNING_SECS, 60);
}

#[test]
fn players_by_name_fill_the_seats_in_order() {
    let (s, id) = game(Players::Names(names(9)), DealMode::Kompas);
    let g = &s.games[s.game_index(&id).unwrap()];
    let seats: Vec<Vec<&str>> =
        g.seats.iter().map(|s| s.names.iter().map(String::as_str).collect()).collect();
    assert_eq!(
        seats,
        [
            vec!["Karim", "Marieke"],
            vec!["Pieter", "Sanne"],
            vec!["Joost", "Fatima"],
            vec!["Ruud", "Els"],
            vec!["Bram"]
        ]
    );
    let mut s2 = session();
    let blank = GameSetup { players: Players::Names(vec!["Karim".into(), "  ".into()]), ..game_setup() };
    assert_eq!(
        s2.start_game(&blank, 1, t(0)),
        Err(MeetingError::Players(1).into()),
        "blank names do not count"
    );
    assert!(s.problems().is_empty(), "{:?}", s.problems());
    assert_eq!(g.setup().players, Players::Names(names(9)));
}

#[test]
fn the_recorded_seed_replays_the_same_deal() {
    let (mut s, id) = game(Players::Count(5), DealMode::Kompas);
    for round in 1..=3 {
        s.start_round(&id, round, t(i64::from(round) * 400)).unwrap();
        s.end_round(&id, round, t(i64::from(round) * 400 + 170)).unwrap();
    }
    let played = s.games[0].clone();
    // Set up again from the record: same seed, same set-up, same cards.
    let mut replay = session();
    let again = replay.start_game(&played.setup(), played.seed.unwrap(), t(0)).unwrap();
    for round in 1..=3 {
        replay.deal_round(&again, round, false, t(0)).unwrap();
        let cards = |g: &Game| g.rounds[usize::from(round) - 1].cards.values().copied().collect::<Vec<_>>();
        assert_eq!(cards(&replay.games[0]), cards(&played), "round {round}");
        assert_eq!(cards(&played), deal(played.seed.unwrap(), round, 5, false));
    }
}

#[test]
fn consensus_stays_in_play_except_on_purpose_in_one_round_with_fewer_than_six_seats() {
    let (mut s, id) = game(Players::Count(4), DealMode::Kompas);
    s.deal_round(&id, 1, true, t(0)).unwrap();
    assert!(!s.games[0].rounds[0].cards.values().any(|c| *c == Strategy::Consensus));
    assert_eq!(s.deal_round(&id, 2, true, t(0)), Err(MeetingError::ConsensusOnce.into()));
    // The same round may be dealt again, with or without.
    s.deal_round(&id, 1, true, t(1)).unwrap();
    s.deal_round(&id, 2, false, t(1)).unwrap();
    assert!(s.games[0].rounds[1].cards.values().any(|c| *c == Strategy::Consensus));
    let (mut six, id6) = game(Players::Count(6), DealMode::Kompas);
    assert_eq!(six.deal_round(&id6, 1, true, t(0)), Err(MeetingError::ConsensusAllSeats.into()));
    // Pairs: twelve players, six seats, every card dealt.
    let (mut pairs, idp) = game(Players::Count(12), DealMode::Kompas);
    pairs.deal_round(&idp, 1, false, t(0)).unwrap();
    assert_eq!(pairs.games[0].rounds[0].cards.len(), 6);
}

#[test]
fn rounds_run_in_order_with_their_timer_and_outcome() {
    let (mut s, id) = game(Players::Count(5), DealMode::Kompas);
    assert_eq!(s.start_round(&id, 2, t(0)), Err(MeetingError::EarlierRoundOpen.into()));
    assert_eq!(s.end_round(&id, 1, t(0)), Err(MeetingError::RoundNotStarted.into()));
    s.start_round(&id, 1, t(10)).unwrap();
    let g = &s.games[0];
    assert_eq!(g.rounds[0].cards.len(), 5, "dealt at the start");
    assert_eq!(g.running_round(), Some(1));
    assert_eq!(g.remaining(1, t(10 + 119)), Some(61));
    assert_eq!(g.remaining(1, t(10 + 120)), Some(WARNING_SECS), "the warning is due");
    assert_eq!(g.remaining(1, t(10 + 200)), Some(-20), "over time");
    assert_eq!(g.remaining(2, t(10)), None);
    assert_eq!(
        s.set_round_assignment(&id, 1, &RoundAssignment::Card(Assignment::Etentje), t(11)),
        Err(MeetingError::RoundStarted.into())
    );
    assert_eq!(s.deal_round(&id, 1, false, t(11)), Err(MeetingError::RoundStarted.into()));
    s.end_round(&id, 1, t(10 + 185)).unwrap();
    assert_eq!(s.end_round(&id, 1, t(10 + 186)), Err(MeetingError::RoundEnded.into()));
    assert_eq!(s.games[0].remaining(1, t(9999)), Some(-5), "fixed once ended");
    s.set_round_outcome(&id, 1, " Restaurant De Kade ", "Consensus kwam pas laat los.", t(200)).unwrap();
    assert_eq!(s.games[0].rounds[0].decision, "Restaurant De Kade");
    assert_eq!(s.games[0].current_round(), Some(2));
    assert_eq!(s.start_round(&id, 1, t(210)), Err(MeetingError::RoundEnded.into()));
    s.start_round(&id, 2, t(300)).unwrap();
    s.end_round(&id, 2, t(480)).unwrap();
    s.set_round_assignment(&id, 3, &RoundAssignment::Card(Assignment::Festivallocatie), t(490)).unwrap();
    assert!(GameRound::is_open_cards(3) && !GameRound::is_open_cards(2));
    s.start_round(&id, 3, t(500)).unwrap();
    s.end_round(&id, 3, t(650)).unwrap();
    assert_eq!(s.games[0].current_round(), None);
    assert_eq!(s.games[0].rounds[2].assignment, Some(Assignment::Festivallocatie));
    assert!(s.games[0].rounds[2].own_assignment.is_empty());
    assert_eq!(s.start_round(&id, 4, t(700)), Err(MeetingError::NoSuchRound(4).into()));
    assert!(s.problems().is_empty(), "{:?}", s.problems());
}

#[test]
fn with_physical_cards_kompas_records_which_seat_had_which() {
    let (mut s, id) = game(Players::Count(3), DealMode::Fysiek);
    assert_eq!(s.games[0].seed, None);
    assert_eq!(s.deal_round(&id, 1, false, t(0)), Err(MeetingError::PhysicalCards.into()));
    s.start_round(&id, 1, t(0)).unwrap();
    assert!(s.games[0].rounds[0].cards.is_empty(), "nothing dealt");
    let seats: Vec<String> = s.games[0].seats.iter().map(|x| x.id.clone()).collect();
    s.record_card(&id, 1, &seats[0], Some(Strategy::Autoriteit), t(1)).unwrap();
    s.record_card(&id, 1, &seats[1], Some(Strategy::Consensus), t(1)).unwrap();
    assert_eq!(
        s.record_card(&id, 1, &seats[2], Some(Strategy::Autoriteit), t(1)),
        Err(MeetingError::CardTaken(seats[0].clone()).into())
    );
    s.record_card(&id, 1, &seats[0], Some(Strategy::Eliminatie), t(2)).unwrap();
    s.record_card(&id, 1, &seats[1], None, t(2)).unwrap();
    let cards: Vec<Strategy> = s.games[0].rounds[0].cards.values().copied().collect();
    assert_eq!(cards, [Strategy::Eliminatie]);
    assert_eq!(s.record_card(&id, 1, "nope", None, t(2)), Err(DomainError::NotFound("nope".into())));
    let (mut dealt, idk) = game(Players::Count(3), DealMode::Kompas);
    let seat = dealt.games[0].seats[0].id.clone();
    assert_eq!(dealt.record_card(&idk, 1, &seat, None, t(0)), Err(MeetingError::DealtByKompas.into()));
}

#[test]
fn the_rooms_answers_are_kept_per_question_and_round() {
    let (mut s, id) = game(Players::Count(5), DealMode::Kompas);
    let a = s.add_game_answer(&id, "besluit_bereikt", Some(1), "Ja, maar pas op het laatst", t(1)).unwrap();
    s.add_game_answer(&id, "eigen_strategie", None, "Woonstede kiest adequaat", t(2)).unwrap();
    assert_eq!(
        s.add_game_answer(&id, "verloop", Some(4), "x", t(3)),
        Err(MeetingError::NoSuchRound(4).into())
    );
    assert_eq!(s.add_game_answer(&id, "verloop", None, " ", t(3)), Err(DomainError::Empty("answer")));
    s.update_game_answer(&id, &a, "Ja, op het laatste moment", t(4)).unwrap();
    let g = &s.games[0];
    assert_eq!(
        (g.answers[0].answer.as_str(), g.answers[0].round, g.answers[0].updated_at),
        ("Ja, op het laatste moment", Some(1), t(4))
    );
    let before = s.clone();
    let removed = s.remove_game_answer(&id, &a, t(5)).unwrap();
    assert_eq!(s.games[0].answers.len(), 1);
    s.restore(removed, t(5));
    assert_eq!(s.games[0].answers, before.games[0].answers);
    let removed = s.remove_game(&id, t(6)).unwrap();
    assert!(matches!(removed, Removed::Meeting(MeetingRemoved::Game(0, _))));
    assert!(s.games.is_empty());
}

#[test]
fn ids_stay_unique_and_problems_name_broken_games() {
    let (mut s, id) = game(Players::Count(5), DealMode::Kompas);
    let other = s.start_game(&game_setup(), 1, t(0)).unwrap();
    assert_ne!(id, other, "same instant, different ids");
    s.add_game_answer(&id, "verloop", None, "x", t(0)).unwrap();
    s.add_game_answer(&id, "verloop", None, "y", t(0)).unwrap();
    assert!(s.problems().is_empty(), "{:?}", s.problems());
    let g = &mut s.games[0];
    g.rounds.pop();
    g.seats[0].players = 3;
    g.seed = None;
    g.rounds[0].cards.insert("elsewhere".into(), Strategy::Adequaat);
    let paths: Vec<String> = s.problems().into_iter().map(|p| p.path).collect();
    assert_eq!(
        paths,
        ["games[0].rounds", "games[0].seed", "games[0].seats[0].players", "games[0].rounds[0].cards"]
    );
}
