//! The game's forms: set-up, a round's decision and debrief, the physical
//! cards per seat, and the room's answer to a reflection question.

use super::super::PaneForm;
use super::{M, answer_round};
use crate::app::{AppState, Effect, Field, Form, Purpose, commit};
use crate::domain::meeting::content::{ReflectionSetId, content};
use crate::domain::meeting::{
    Assignment, DealMode, GameSetup, MAX_PLAYERS, MIN_PLAYERS, Players, RoundAssignment, SplitMix64, Strategy,
};
use crate::domain::{Session, Timestamp};
use crate::i18n::Lang;

pub static SETUP: PaneForm = PaneForm::new(
    "game.setup",
    M::NewGame,
    |session, _| setup_form(session, session.updated_at),
    submit_setup,
)
.exists_when(|_, _| false);

/// A round's outcome; the form's id is "game id/round number".
pub static OUTCOME: PaneForm = PaneForm::new(
    "game.outcome",
    M::OutcomeTitle,
    |session, id| match id.and_then(split) {
        Some((game, n)) if session.game_index(game).is_some() => outcome_form(session, game, n),
        _ => setup_form(session, session.updated_at),
    },
    submit_outcome,
)
.exists_when(|session, id| split(id).is_some_and(|(game, _)| session.game_index(game).is_some()))
.context(round_context);

/// The physical cards of a round; the form's id is "game id/round number".
pub static CARDS: PaneForm = PaneForm::new(
    "game.cards",
    M::CardsTitle,
    |session, id| match id.and_then(split) {
        Some((game, n)) if session.game_index(game).is_some() => cards_form(session, game, n),
        _ => setup_form(session, session.updated_at),
    },
    submit_cards,
)
.exists_when(|session, id| split(id).is_some_and(|(game, _)| session.game_index(game).is_some()))
.context(seats_context);

/// An answer; the form's id is "game id/question id" for a new one and
/// "game id/question id/answer id" to edit one.
pub static ANSWER: PaneForm = PaneForm::new(
    "game.answer",
    M::AnswerTitle,
    |session, id| {
        let parts: Vec<&str> = id.map(|id| id.split('/').collect()).unwrap_or_default();
        let form = |text: &str| {
            Form::new(
                Purpose::Pane { form: ANSWER.id.into(), id: id.map(String::from) },
                vec![Field::multiline("answer", M::Answer, text, true)],
            )
        };
        match parts.as_slice() {
            [game, _, answer] => form(answer_text(session, game, answer)),
            _ => form(""),
        }
    },
    submit_answer,
)
.exists_when(|session, id| id.split('/').next().is_some_and(|g| session.game_index(g).is_some()))
.context(question_context);

fn split(id: &str) -> Option<(&str, u8)> {
    let (game, n) = id.rsplit_once('/')?;
    Some((game, n.parse().ok()?))
}

fn answer_text<'a>(session: &'a Session, game: &str, answer: &str) -> &'a str {
    let g = session.game_index(game).map(|i| &session.games[i]);
    g.and_then(|g| g.answers.iter().find(|a| a.id == answer)).map_or("", |a| a.answer.as_str())
}

/// Three different assignment cards, picked from the clock: a default the
/// facilitator overwrites with a number, a card's name or their own text.
fn default_cards(now: Timestamp) -> [Assignment; 3] {
    let mut rng = SplitMix64::new(now.timestamp() as u64);
    let mut deck = Assignment::ALL.to_vec();
    let mut pick = || deck.remove(rng.below(deck.len() as u64) as usize);
    [pick(), pick(), pick()]
}

/// The card's number in the brief's order (as the pane lists them).
fn card_number(a: Assignment) -> String {
    (Assignment::ALL.iter().position(|x| *x == a).unwrap_or(0) + 1).to_string()
}

pub(crate) fn setup_form(_session: &Session, now: Timestamp) -> Form {
    let [a, b, c] = default_cards(now).map(card_number);
    Form::new(
        Purpose::Pane { form: SETUP.id.into(), id: None },
        vec![
            Field::text("players", M::Players, "", true),
            Field::text("a1", M::Assignment1, &a, true),
            Field::text("a2", M::Assignment2, &b, true),
            Field::text("a3", M::Assignment3, &c, true),
            Field::check("physical", M::PhysicalField, false),
            Field::check("silent", M::SilentField, false),
        ],
    )
}

/// Names with commas, or a number.
fn read_players(text: &str) -> Option<Players> {
    let t = text.trim();
    if let Ok(n) = t.parse::<u32>() {
        return (MIN_PLAYERS..=MAX_PLAYERS).contains(&n).then_some(Players::Count(n));
    }
    let names: Vec<String> =
        t.split([',', ';', '\n']).map(str::trim).filter(|n| !n.is_empty()).map(String::from).collect();
    (MIN_PLAYERS as usize..=MAX_PLAYERS as usize).contains(&names.len()).then_some(Players::Names(names))
}

/// A number 1-6 or a card's name (either language) is that card; anything
/// else is the group's own assignment.
fn read_assignment(text: &str) -> RoundAssignment {
    let t = text.trim();
    let by_number =
        t.parse::<usize>().ok().and_then(|n| n.checked_sub(1)).and_then(|i| Assignment::ALL.get(i));
    let by_name = Assignment::ALL.iter().find(|a| {
        let name = &content().assignment(**a).name;
        [name.nl.as_str(), name.en.as_str(), a.id()].iter().any(|n| n.eq_ignore_ascii_case(t))
    });
    match by_number.or(by_name) {
        Some(a) => RoundAssignment::Card(*a),
        None => RoundAssignment::Own(t.to_string()),
    }
}

fn submit_setup(state: &mut AppState, form: Form, _id: Option<String>, now: Timestamp) -> Vec<Effect> {
    let Some(players) = read_players(&form.text("players")) else {
        state.form = Some(form.refuse("players", M::BadPlayers));
        return Vec::new();
    };
    let setup = GameSetup {
        players,
        assignments: ["a1", "a2", "a3"].map(|f| read_assignment(&form.text(f))),
        deal: if form.checked("physical") { DealMode::Fysiek } else { DealMode::Kompas },
        silent: form.checked("silent"),
    };
    commit(state, form, None, |session| {
        // The seed: this moment and this meeting, recorded with the game.
        let meeting = session.id.bytes().fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
        let mut rng = SplitMix64::new(now.timestamp() as u64 ^ meeting);
        session.start_game(&setup, rng.next_u64(), now)
    })
}

pub(crate) fn outcome_form(session: &Session, game: &str, n: u8) -> Form {
    let r = session.game_index(game).and_then(|i| session.games[i].round(n));
    Form::new(
        Purpose::Pane { form: OUTCOME.id.into(), id: Some(format!("{game}/{n}")) },
        vec![
            Field::text("decision", M::Decision, r.map_or("", |r| &r.decision), false),
            Field::multiline("debrief", M::Debrief, r.map_or("", |r| &r.debrief), false),
        ],
    )
}

fn submit_outcome(state: &mut AppState, form: Form, id: Option<String>, now: Timestamp) -> Vec<Effect> {
    let Some((game, n)) = id.as_deref().and_then(split).map(|(g, n)| (g.to_string(), n)) else {
        return Vec::new();
    };
    let (decision, debrief) = (form.text("decision"), form.text("debrief"));
    commit(state, form, None, |s| {
        s.set_round_outcome(&game, n, &decision, &debrief, now).map(|_| game.clone())
    })
}

pub(crate) fn cards_form(session: &Session, game: &str, n: u8) -> Form {
    let g = session.game_index(game).map(|i| &session.games[i]);
    let lines: Vec<String> = g
        .map(|g| {
            let cards = g.round(n).map(|r| &r.cards);
            g.seats
                .iter()
                .map(|seat| cards.and_then(|c| c.get(&seat.id)).map_or(String::new(), |s| s.id().into()))
                .collect()
        })
        .unwrap_or_default();
    Form::new(
        Purpose::Pane { form: CARDS.id.into(), id: Some(format!("{game}/{n}")) },
        vec![Field::multiline("cards", M::CardsField, &lines.join("\n"), false)],
    )
}

/// A card by number (1-6, the brief's order) or by id or name.
fn read_strategy(text: &str) -> Option<Strategy> {
    let t = text.trim();
    let by_number = t.parse::<usize>().ok().and_then(|n| n.checked_sub(1)).and_then(|i| Strategy::ALL.get(i));
    by_number.copied().or_else(|| {
        Strategy::ALL.into_iter().find(|s| {
            let name = &content().strategy(*s).name;
            [name.nl.as_str(), name.en.as_str(), s.id()].iter().any(|n| n.eq_ignore_ascii_case(t))
        })
    })
}

fn submit_cards(state: &mut AppState, form: Form, id: Option<String>, now: Timestamp) -> Vec<Effect> {
    let Some((game, n)) = id.as_deref().and_then(split).map(|(g, n)| (g.to_string(), n)) else {
        return Vec::new();
    };
    let text = form.text("cards");
    let mut cards: Vec<Option<Strategy>> = Vec::new();
    for line in text.lines() {
        // "3: eliminatie" and "eliminatie" read the same.
        let value = line.split_once(':').map_or(line, |(_, v)| v).trim();
        match value {
            "" => cards.push(None),
            v => match read_strategy(v) {
                Some(s) if !cards.contains(&Some(s)) => cards.push(Some(s)),
                _ => {
                    state.form = Some(form.refuse("cards", M::BadCard));
                    return Vec::new();
                }
            },
        }
    }
    commit(state, form, None, |s| {
        let seats: Vec<String> = s.games
            [s.game_index(&game).ok_or(crate::domain::DomainError::NotFound(game.clone()))?]
        .seats
        .iter()
        .map(|x| x.id.clone())
        .collect();
        for seat in &seats {
            s.record_card(&game, n, seat, None, now)?;
        }
        for (seat, card) in seats.iter().zip(cards) {
            s.record_card(&game, n, seat, card, now)?;
        }
        Ok(game.clone())
    })
}

pub(crate) fn answer_form(game: &str, set: ReflectionSetId, k: usize) -> Form {
    let q = &content().set(set).questions[k];
    Form::new(
        Purpose::Pane { form: ANSWER.id.into(), id: Some(format!("{game}/{}", q.id)) },
        vec![Field::multiline("answer", M::Answer, "", true)],
    )
}

/// Editing answer `i` of game `game` (both exist).
pub(crate) fn edit_answer_form(session: &Session, game: &str, i: usize) -> Option<Form> {
    let a = &session.games[session.game_index(game)?].answers.get(i)?;
    Some(Form::new(
        Purpose::Pane { form: ANSWER.id.into(), id: Some(format!("{game}/{}/{}", a.question, a.id)) },
        vec![Field::multiline("answer", M::EditAnswer, &a.answer, true)],
    ))
}

fn submit_answer(state: &mut AppState, form: Form, id: Option<String>, now: Timestamp) -> Vec<Effect> {
    let Some(id) = id else { return Vec::new() };
    let parts: Vec<String> = id.split('/').map(String::from).collect();
    let text = form.text("answer");
    commit(state, form, None, |s| match parts.as_slice() {
        [game, _, answer]
            if s.game_index(game).is_some_and(|g| s.games[g].answers.iter().any(|a| &a.id == answer)) =>
        {
            s.update_game_answer(game, answer, &text, now).map(|_| answer.clone())
        }
        [game, question, ..] => {
            let set = content().question(question).map(|(set, _)| set.id);
            let round = set.and_then(|set| answer_round(s, game, set));
            s.add_game_answer(game, question, round, &text, now)
        }
        _ => Err(crate::domain::DomainError::NotFound(id.clone())),
    })
}

/// Above a round's forms: the round and its assignment.
fn round_context(session: &Session, id: Option<&str>, lang: Lang) -> Vec<String> {
    let Some((game, n)) = id.and_then(split) else { return Vec::new() };
    let Some(r) = session.game_index(game).and_then(|g| session.games[g].round(n)) else { return Vec::new() };
    let assignment = match r.assignment {
        Some(a) => content().assignment(a).name.get(lang).to_string(),
        None => r.own_assignment.clone(),
    };
    vec![format!("{} {n}: {assignment}", M::Round.get(lang))]
}

/// Above the cards form: the seats in order, with their players, then the
/// six cards by number.
fn seats_context(session: &Session, id: Option<&str>, lang: Lang) -> Vec<String> {
    let mut lines = round_context(session, id, lang);
    let Some(g) = id.and_then(split).and_then(|(g, _)| session.game_index(g)).map(|g| &session.games[g])
    else {
        return lines;
    };
    let seats: Vec<String> = (g.seats.iter().enumerate())
        .map(|(k, s)| match s.names.is_empty() {
            true => format!("{} {}", M::Seat.get(lang), k + 1),
            false => format!("{} {} ({})", M::Seat.get(lang), k + 1, s.names.join(", ")),
        })
        .collect();
    lines.push(seats.join(" · "));
    let cards: Vec<String> = (Strategy::ALL.iter().enumerate())
        .map(|(k, s)| format!("{} {}", k + 1, content().strategy(*s).name.get(lang)))
        .collect();
    lines.push(cards.join(" · "));
    lines
}

/// Above an answer: the question it answers.
fn question_context(_session: &Session, id: Option<&str>, lang: Lang) -> Vec<String> {
    let question = id.and_then(|id| id.split('/').nth(1)).and_then(|q| content().question(q));
    question.map(|(_, q)| q.text.get(lang).to_string()).into_iter().collect()
}
