//! The minutes' section on a Theater van Besluit game: set-up, which seat
//! held which strategy in each round, each round's assignment, time,
//! decision and debrief, and the room's answers to the reflection sets.

use super::doc::*;
use super::meeting::{Ctx, cell, clock};
use crate::content::{Text, origin_label};
use crate::domain::meeting::content::{ReflectionSetId, content};
use crate::domain::meeting::{DealMode, Game, GameRound, OPEN_ROUND, WARNING_SECS};
use crate::domain::{Extra, Session};
use crate::i18n::{Lang, Msg};

crate::messages! { pub(super) struct L {
    Players => "Spelers", "Players";
    Alone => "alleen", "alone";
    Pairs => "tweetallen", "pairs";
    And => "en", "and";
    RoundTime => "Rondetijd", "Round time";
    WarningBefore => "waarschuwing 1 minuut voor het einde", "warning 1 minute before the end";
    Cards => "Kaarten", "Cards";
    DealtByKompas => "gedeeld door kompas", "dealt by kompas";
    Physical => "fysieke kaarten op tafel, per stoel vastgelegd", "physical cards on the table, recorded per seat";
    Bell => "Bel bij de waarschuwing", "Bell at the warning";
    On => "aan", "on";
    Off => "uit", "off";
    SetUp => "Opgezet", "Set up";
    UpdatedShort => "gewijzigd", "updated";
    StrategyPerRound => "Strategie per stoel en ronde", "Strategy per seat and round";
    Rounds => "Rondes", "Rounds";
    Assignment => "Opdracht", "Assignment";
    OwnAssignment => "eigen opdracht", "own assignment";
    OpenCards => "open kaarten", "open cards";
    ClosedCards => "dichte kaarten", "cards face down";
    WithoutConsensus => "consensus bewust weggelaten", "consensus left out on purpose";
    Time => "Tijd", "Time";
    NotStarted => "nog niet gespeeld", "not played yet";
    Running => "loopt nog", "still running";
    OfPlanned => "van", "of";
    PlayersSuffix => "spelers", "players";
    OnePlayer => "1 speler", "1 player";
    Reflection => "Reflectie", "Reflection";
    Question => "Vraag", "Question";
    AfterRound => "Na ronde", "After round";
    Answer => "Antwoord", "Answer";
    Recorded => "Vastgelegd", "Recorded";
    OtherQuestions => "Andere vragen", "Other questions";
    Seat => "Stoel", "Seat";
    AnswerOf => "antwoord", "answer";
} }

// The words "1 minute" in the minutes.
const _: () = assert!(WARNING_SECS == 60);

pub(super) fn blocks(s: &Session, lang: Lang) -> Vec<Block> {
    let c = Ctx { s, lang };
    let mut out = Vec::new();
    for (n, g) in s.games.iter().enumerate() {
        let title = if s.games.len() > 1 {
            format!("{} {}", Msg::Game.get(lang), n + 1)
        } else {
            Msg::Game.get(lang).to_string()
        };
        out.push(Block::Heading(2, line(title)));
        setup(&c, g, &mut out);
        seats(&c, g, &mut out);
        rounds(&c, g, &mut out);
        answers(&c, g, &mut out);
    }
    out
}

/// A text of the guide with whose words it is.
fn guide_note(lang: Lang, t: &Text) -> Block {
    Block::Note(vec![
        text(t.get(lang)),
        text(" "),
        Inline::Em(format!("({})", origin_label(t.origin, lang, false))),
    ])
}

fn setup(c: &Ctx, g: &Game, out: &mut Vec<Block>) {
    let lang = c.lang;
    let pairs = g.seats.iter().filter(|s| s.players == 2).count();
    let alone = g.seats.iter().filter(|s| s.players == 1).count();
    let mut seating = Vec::new();
    if pairs > 0 {
        seating.push(format!("{pairs} {}", L::Pairs.get(lang)));
    }
    if alone > 0 {
        seating.push(format!("{alone} {}", L::Alone.get(lang)));
    }
    let players = format!("{} · {}", g.players(), seating.join(&format!(" {} ", L::And.get(lang))));
    let round = format!("{} min, {}", g.round_secs() / 60, L::WarningBefore.get(lang));
    let cards = match (g.deal, g.seed) {
        (DealMode::Kompas, Some(seed)) => {
            vec![
                text(format!("{} · {} ", L::DealtByKompas.get(lang), Msg::Seed.get(lang).to_lowercase())),
                text(seed.to_string()),
            ]
        }
        (DealMode::Kompas, None) => line(L::DealtByKompas.get(lang)),
        (DealMode::Fysiek, _) => line(L::Physical.get(lang)),
    };
    let bell = if g.silent { L::Off } else { L::On };
    let mut when = c.when(&g.created_at);
    if g.updated_at != g.created_at {
        when = format!("{when} · {} {}", L::UpdatedShort.get(lang), c.when(&g.updated_at));
    }
    out.push(Block::Facts(vec![
        (L::Players.get(lang).to_string(), line(players)),
        (L::RoundTime.get(lang).to_string(), line(round)),
        (L::Cards.get(lang).to_string(), cards),
        (L::Bell.get(lang).to_string(), line(bell.get(lang))),
        (L::SetUp.get(lang).to_string(), line(when)),
    ]));
    let guide = &content().guide;
    if g.mixed_seating() {
        out.push(guide_note(lang, &guide.mixed_seating));
    }
    if g.deal == DealMode::Kompas {
        out.push(guide_note(lang, &guide.seed));
    }
}

fn seats(c: &Ctx, g: &Game, out: &mut Vec<Block>) {
    let lang = c.lang;
    out.push(Block::Heading(3, line(L::StrategyPerRound.get(lang))));
    let rows = (g.seats.iter().enumerate())
        .map(|(n, seat)| {
            let count = if seat.players == 1 {
                L::OnePlayer.get(lang).to_string()
            } else {
                format!("{} {}", seat.players, L::PlayersSuffix.get(lang))
            };
            let who = if seat.names.is_empty() {
                vec![line(count)]
            } else {
                let mut l = Vec::new();
                for (k, name) in seat.names.iter().enumerate() {
                    if k > 0 {
                        l.push(text(", "));
                    }
                    l.push(text(name));
                }
                if seat.names.len() < usize::from(seat.players) {
                    l.push(text(format!(" ({count})")));
                }
                vec![l]
            };
            let mut cells = vec![cell(format!("{} {}", L::Seat.get(lang), n + 1)), Cell::Lines(who)];
            cells.extend(g.rounds.iter().map(|r| {
                let card = r.cards.get(&seat.id).map(|s| line(content().strategy(*s).name.get(lang)));
                Cell::Lines(card.into_iter().collect())
            }));
            Row { flag: None, cells }
        })
        .collect();
    let round_heads: Vec<String> =
        (1..=g.rounds.len()).map(|r| format!("{} {r}", Msg::Round.get(lang))).collect();
    let mut head = vec![L::Seat.get(lang), L::Players.get(lang)];
    head.extend(round_heads.iter().map(String::as_str));
    out.push(c.table("seats", head, rows));
    // Cards recorded for seats the game does not have (a damaged file).
    for (r, round) in g.rounds.iter().enumerate() {
        for (seat, s) in round.cards.iter().filter(|(k, _)| !g.seats.iter().any(|x| &x.id == *k)) {
            let what = format!(
                "{} {} · {seat}: {}",
                Msg::Round.get(lang),
                r + 1,
                content().strategy(*s).name.get(lang)
            );
            out.push(Block::Note(line(what)));
        }
    }
}

fn round_time(c: &Ctx, g: &Game, r: &GameRound) -> (Vec<Line>, Option<Flag>) {
    let lang = c.lang;
    let Some(start) = r.started_at else {
        return (vec![vec![Inline::Em(L::NotStarted.get(lang).to_string())]], None);
    };
    let planned = clock(g.round_secs());
    match r.ended_at {
        Some(end) => {
            let used = (end - start).num_seconds().max(0);
            let mut l = vec![text(format!(
                "{}–{} · {} {} {planned}",
                c.when(&start),
                c.when(&end),
                clock(used),
                L::OfPlanned.get(lang)
            ))];
            let over = used > g.round_secs();
            if over {
                l.extend([
                    text(" "),
                    Inline::Flag(Flag::OverTime, format!("+{}", clock(used - g.round_secs()))),
                ]);
            }
            (vec![l], over.then_some(Flag::OverTime))
        }
        None => (vec![line(format!("{}– ({})", c.when(&start), L::Running.get(lang)))], None),
    }
}

fn rounds(c: &Ctx, g: &Game, out: &mut Vec<Block>) {
    let lang = c.lang;
    out.push(Block::Heading(3, line(L::Rounds.get(lang))));
    let rows = (g.rounds.iter().enumerate())
        .map(|(i, r)| {
            let number = i as u8 + 1;
            let assignment = match r.assignment {
                Some(a) => vec![line(content().assignment(a).name.get(lang))],
                None if !r.own_assignment.is_empty() => {
                    vec![line(&r.own_assignment), vec![Inline::Em(L::OwnAssignment.get(lang).to_string())]]
                }
                None => Vec::new(),
            };
            let mut play =
                vec![line(if number == OPEN_ROUND { L::OpenCards } else { L::ClosedCards }.get(lang))];
            if r.without_consensus {
                play.push(vec![Inline::Flag(Flag::Open, L::WithoutConsensus.get(lang).to_string())]);
            }
            let (time, flag) = round_time(c, g, r);
            Row {
                flag,
                cells: vec![
                    cell(number.to_string()),
                    Cell::Lines(assignment),
                    Cell::Lines(play),
                    Cell::Lines(time),
                    Cell::Lines(opt_line(&r.decision)),
                    Cell::Lines(opt_line(&r.debrief)),
                ],
            }
        })
        .collect();
    let head = vec![
        Msg::Round.get(lang),
        L::Assignment.get(lang),
        L::Cards.get(lang),
        L::Time.get(lang),
        Msg::Decision.get(lang),
        Msg::Debrief.get(lang),
    ];
    out.push(c.table("rounds", head, rows));
}

fn answers(c: &Ctx, g: &Game, out: &mut Vec<Block>) {
    let lang = c.lang;
    out.push(Block::Heading(3, line(L::Reflection.get(lang))));
    if g.answers.is_empty() {
        out.push(c.table("game-answers", Vec::new(), Vec::new()));
        return;
    }
    let all = content();
    let set_of = |q: &str| all.question(q).map(|(s, _)| s.id);
    let row = |a: &crate::domain::meeting::GameAnswer| {
        let question =
            all.question(&a.question).map_or_else(|| line(&a.question), |(_, q)| line(q.text.get(lang)));
        let round = a.round.map(|r| line(r.to_string())).into_iter().collect();
        Row {
            flag: None,
            cells: vec![
                Cell::Lines(vec![question]),
                Cell::Lines(round),
                Cell::Lines(vec![line(&a.answer)]),
                c.recorded(&a.created_at, &a.updated_at),
            ],
        }
    };
    let head =
        || vec![L::Question.get(lang), L::AfterRound.get(lang), L::Answer.get(lang), L::Recorded.get(lang)];
    for set in ReflectionSetId::ALL {
        let rows: Vec<Row> = g.answers.iter().filter(|a| set_of(&a.question) == Some(set)).map(row).collect();
        if !rows.is_empty() {
            let s = all.set(set);
            out.push(Block::Heading(4, line(format!("{} · {}", s.name.get(lang), s.when.get(lang)))));
            out.push(c.table("game-answers", head(), rows));
        }
    }
    let rows: Vec<Row> = g.answers.iter().filter(|a| set_of(&a.question).is_none()).map(row).collect();
    if !rows.is_empty() {
        out.push(Block::Heading(4, line(L::OtherQuestions.get(lang))));
        out.push(c.table("game-answers", head(), rows));
    }
}

/// Fields a newer kompas wrote on games, seats, rounds and answers.
pub(super) fn extras(s: &Session, lang: Lang) -> Vec<(Line, &Extra)> {
    let mut out: Vec<(Line, &Extra)> = Vec::new();
    for (n, g) in s.games.iter().enumerate() {
        let game = format!("{} {}", Msg::Game.get(lang), n + 1);
        out.push((line(game.clone()), &g.extra));
        out.extend(
            g.seats
                .iter()
                .enumerate()
                .map(|(k, x)| (line(format!("{game} · {} {}", L::Seat.get(lang), k + 1)), &x.extra)),
        );
        out.extend(
            g.rounds
                .iter()
                .enumerate()
                .map(|(k, x)| (line(format!("{game} · {} {}", Msg::Round.get(lang), k + 1)), &x.extra)),
        );
        out.extend(
            g.answers
                .iter()
                .enumerate()
                .map(|(k, x)| (line(format!("{game} · {} {}", L::AnswerOf.get(lang), k + 1)), &x.extra)),
        );
    }
    out
}
