//! Large, realistic sessions for benchmarks and tests: many parties,
//! interests, agreements and answers, with long multi-line Dutch texts.
//! Deterministic: the same scale and seed give the same session.

use chrono::{DateTime, Duration, NaiveDate};

mod meeting;

use crate::content::relationship::guide;
use crate::domain::grondvorm::{Dilemma, Motive, Reason};
use crate::domain::{
    Aard, AgreementFields, AgreementStatus, AmbitionLens, Condition, ContextAspect, Continuation, Finding,
    Grondvorm, Intentie, InterestKind, KeyQuestion, PartyFields, Phase, ReformulationMove, RouteField,
    Session, Temperature, Timestamp, TrustStage, TypicalProblem,
};

/// How big a generated session is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub parties: usize,
    pub interests: usize,
    pub agreements: usize,
    pub reflections: usize,
}

impl Size {
    /// The "large" session of the performance budgets: about 5 MB of JSON.
    pub const LARGE: Size = Size { parties: 12, interests: 500, agreements: 1_000, reflections: 3_000 };

    /// Ten times the items of [`Size::LARGE`] (the parties stay 12: a table
    /// does not grow, the record of years of meetings does).
    pub const HUGE: Size = Size { parties: 12, interests: 5_000, agreements: 10_000, reflections: 30_000 };

    /// One meeting of a busy collaboration, as in [`chain`].
    pub const MEETING: Size = Size { parties: 12, interests: 60, agreements: 40, reflections: 30 };
}

/// Interventions chosen from the typical problems in a generated session;
/// each becomes one of its agreements.
const CHOSEN: usize = 3;

const WORDS: &[&str] = &[
    "gemeente",
    "woningcorporatie",
    "zorgaanbieder",
    "huurders",
    "wijkteam",
    "begeleiding",
    "cliënten",
    "één",
    "aanpak",
    "leefbaarheid",
    "overlast",
    "toewijzing",
    "financiering",
    "regie",
    "overleg",
    "vertrouwen",
    "samenwerking",
    "vóór",
    "afspraak",
    "intentieverklaring",
    "convenant",
    "netwerk",
    "wethouder",
    "directeur",
    "complex",
    "nieuwbouw",
    "wachtlijst",
    "huurachterstand",
    "contactpersoon",
    "terugvaloptie",
    "maatwerk",
    "veiligheid",
    "bewoners",
    "coördinatie",
    "privacy",
    "gegevens",
    "Bensaïd",
    "ideeën",
    "zelfstandig",
    "onafhankelijk",
    "begroting",
    "evaluatie",
    "kwartaal",
    "programma",
    "verantwoordelijkheid",
    "rapportage",
];

/// A small, fast, deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// A sentence of `min..max` words, capitalised, with a full stop.
    fn sentence(&mut self, min: usize, max: usize) -> String {
        let n = min + self.below(max - min + 1);
        let mut s: Vec<&str> = (0..n).map(|_| WORDS[self.below(WORDS.len())]).collect();
        let first = s[0];
        let cap: String =
            first.chars().take(1).flat_map(char::to_uppercase).chain(first.chars().skip(1)).collect();
        s[0] = &cap;
        format!("{}.", s.join(" "))
    }

    /// Text of one to `paragraphs` paragraphs, separated by line breaks.
    fn text(&mut self, paragraphs: usize, min: usize, max: usize) -> String {
        let p = 1 + self.below(paragraphs);
        (0..p).map(|_| self.sentence(min, max)).collect::<Vec<_>>().join("\n")
    }
}

fn start() -> Timestamp {
    DateTime::parse_from_rfc3339("2026-03-12T09:30:00+01:00").expect("valid timestamp")
}

/// A session of the given size; `seed` varies the texts.
pub fn session(size: Size, seed: u64) -> Session {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let t0 = start();
    let mut tick = 0i64;
    let mut now = || {
        tick += 1;
        t0 + Duration::seconds(tick * 7)
    };
    let date = NaiveDate::from_ymd_opt(2026, 3, 12).expect("valid date");
    let mut s = Session::new(
        format!("generated-{seed}"),
        "Weer thuis in de wijk — Zuiderveld (groot)",
        date,
        "Anouk de Vries",
        now(),
    )
    .expect("valid session");
    let mut parties = Vec::new();
    for n in 0..size.parties {
        let f = PartyFields {
            organisation: format!("Organisatie {} {}", n + 1, WORDS[rng.below(WORDS.len())]),
            representative: format!("Vertegenwoordiger {}", n + 1),
            role: "directeur".into(),
            wants: rng.text(2, 8, 20),
            offers: rng.text(2, 8, 20),
        };
        parties.push(s.add_party(&f, now()).expect("valid party"));
    }
    for l in AmbitionLens::ALL {
        s.set_ambition(l, &rng.text(3, 10, 30), now());
    }
    for a in ContextAspect::ALL {
        s.set_context(a, &rng.text(3, 10, 30), now());
    }
    for n in 0..size.interests {
        let party = &parties[n % parties.len().max(1)];
        let kind = InterestKind::ALL[rng.below(3)];
        let text = rng.text(3, 8, 40);
        s.add_interest(party, kind, &text, now()).expect("valid interest");
    }
    for n in 0..size.agreements.saturating_sub(CHOSEN) {
        if n > 0 && n % (size.agreements / 4).max(1) == 0 {
            let next = Phase::ALL[(s.phase.index() + 1) % 5];
            s.move_to_phase(next, Some(&rng.sentence(5, 12)), now()).expect("a different phase");
        }
        let owner = (!parties.is_empty()).then(|| parties[rng.below(parties.len())].clone());
        let involved: Vec<String> =
            (0..rng.below(4)).map(|_| parties[rng.below(parties.len())].clone()).collect();
        let f = AgreementFields {
            text: rng.text(3, 10, 60),
            owner,
            parties: involved,
            due: Some(date + Duration::days(rng.below(200) as i64)),
            status: AgreementStatus::ALL[rng.below(4)],
            phase_result: n % 50 == 0,
        };
        if n % 20 == 0 {
            let q = KeyQuestion::ALL[(n / 20) % KeyQuestion::ALL.len()];
            s.add_key_question_agreement(q, &f, now()).expect("valid agreement");
        } else {
            s.add_agreement(&f, now()).expect("valid agreement");
        }
    }
    grondvorm(&mut s, &parties, &mut rng, &mut now);
    for _ in 0..size.reflections {
        let q = rng.sentence(6, 14).replace('.', "?");
        let a = rng.text(4, 10, 50);
        s.add_reflection(None, &q, &a, now()).expect("valid reflection");
    }
    for n in 0..(size.reflections / 100).max(1) {
        s.record_temperature(Temperature::ALL[n % 4], &rng.sentence(4, 10), now());
    }
    // Room display (issue 13): every tenth individual interest shown on
    // purpose, every twentieth agreement kept private.
    let shown = s.interests.iter().filter(|i| i.kind == InterestKind::Individueel).step_by(10);
    let marked: Vec<String> =
        shown.map(|i| i.id.clone()).chain(s.agreements.iter().step_by(20).map(|a| a.id.clone())).collect();
    for id in marked {
        s.toggle_on_room(&id, now()).expect("an item of the session");
    }
    meeting::run(&mut s, &mut rng, &mut now, size);
    relationship(&mut s, &mut rng, &mut now);
    diagnosis(&mut s, &mut rng, &mut now);
    s
}

/// The basic-form chooser, all of it used: every party answers (in two
/// camps, so the mismatch shows), ticks reasons and motives; the form is
/// chosen, all 15 key questions and all five dilemmas are answered.
fn grondvorm(s: &mut Session, parties: &[String], rng: &mut Rng, now: &mut impl FnMut() -> Timestamp) {
    for (n, p) in parties.iter().enumerate() {
        let intentie = if n % 3 == 0 { Intentie::Vernieuwen } else { Intentie::Verbeteren };
        s.set_party_form(p, Some(intentie), Some(Aard::Delen), &rng.text(2, 8, 20), now()).expect("a party");
        for _ in 0..4 {
            s.toggle_reason(p, Reason::ALL[rng.below(Reason::ALL.len())], now()).expect("a party");
        }
        s.toggle_motive(p, Motive::ALL[n % Motive::ALL.len()], now()).expect("a party");
    }
    s.choose_form(Grondvorm::Functioneel, &rng.text(3, 10, 30), now());
    for &q in KeyQuestion::ALL {
        s.set_key_answer(q, &rng.text(3, 10, 40), now()).expect("an answer");
    }
    for &d in Dilemma::ALL {
        s.choose_pole(d.poles()[rng.below(2)], &rng.text(2, 8, 20), now());
    }
}

/// The relationship instruments of one meeting: every party's reading, the
/// interventions tried at each reading, reformulated interests, the five
/// conditions scored by the room and by every party, and the trust stage.
fn relationship(s: &mut Session, rng: &mut Rng, now: &mut dyn FnMut() -> Timestamp) {
    let parties: Vec<String> = s.parties.iter().map(|p| p.id.clone()).collect();
    for p in &parties {
        for _ in 0..2 {
            let level = Temperature::ALL[rng.below(4)];
            s.record_reading(level, Some(p), &rng.sentence(3, 8), now()).expect("a known party");
        }
    }
    let readings: Vec<(String, Temperature)> =
        s.temperature.iter().map(|t| (t.id.clone(), t.level)).collect();
    for (id, level) in readings {
        let interventions = &guide().level(level).interventions;
        for _ in 0..1 + rng.below(2) {
            let i = &interventions[rng.below(interventions.len())];
            s.toggle_tried(&id, &i.id, now()).expect("a reading of this meeting");
        }
    }
    let ids: Vec<String> = s.interests.iter().step_by(5).map(|i| i.id.clone()).collect();
    for id in ids {
        let how = ReformulationMove::ALL[rng.below(4)];
        s.set_interest_position(&id, &rng.sentence(5, 14), Some(how), now()).expect("an interest");
    }
    for c in Condition::ALL {
        let score = 1 + rng.below(5) as u8;
        s.score_condition(*c, Some(score), &rng.sentence(4, 12), now()).expect("a score from 1 to 5");
        for p in &parties {
            let score = 1 + rng.below(5) as u8;
            let note = if rng.below(3) == 0 { rng.sentence(3, 8) } else { String::new() };
            s.score_condition_for_party(*c, p, Some(score), &note, now()).expect("a known party");
        }
    }
    s.set_trust(TrustStage::ALL[rng.below(4)], &rng.sentence(4, 10), now());
}

/// The typical-problems diagnosis: every problem's indicators, a note and a
/// finding, the route's note, and [`CHOSEN`] interventions as agreements.
fn diagnosis(s: &mut Session, rng: &mut Rng, now: &mut dyn FnMut() -> Timestamp) {
    for (n, p) in TypicalProblem::ALL.iter().enumerate() {
        let g = guide().problem(*p);
        for i in g.indicators.iter().filter(|_| rng.below(2) == 0) {
            s.toggle_indicator(*p, &i.id, now()).expect("an indicator id");
        }
        s.set_problem_note(*p, &rng.text(2, 6, 20), now());
        s.set_finding(*p, Some(Finding::ALL[rng.below(3)]), now());
        if n < CHOSEN {
            let i = &g.interventions[0];
            s.intervention_to_agreement(*p, &i.id, &i.text.nl, now()).expect("an intervention");
        }
    }
    for f in RouteField::ALL {
        s.set_route_note(*f, &rng.text(3, 10, 40), now());
    }
    s.set_continuation(Some(Continuation::Bijsturen), now());
}

/// A chain of `meetings` meetings of one collaboration, four weeks apart,
/// each a follow-up of the one before (open agreements, interests and the
/// diagnosis carry over) with its own thermometer readings, interventions
/// tried, five conditions scores (room and parties) and trust stage: the
/// history the relationship trends and charts are drawn from. The first
/// meeting has [`Size::MEETING`]; every meeting is sound.
pub fn chain(meetings: usize, seed: u64) -> Vec<Session> {
    let mut rng = Rng(seed.wrapping_mul(0xD1B5_4A32_D192_ED03) | 1);
    let mut out: Vec<Session> = Vec::with_capacity(meetings);
    for n in 0..meetings {
        let s = match out.last() {
            None => session(Size::MEETING, seed),
            Some(prev) => {
                let date = prev.meeting_date + Duration::days(28);
                let t0 = start() + Duration::days(28 * n as i64);
                let file = format!("{}-chain-{seed}.json", prev.meeting_date.format("%Y-%m-%d"));
                let mut s = prev.follow_up(format!("generated-{seed}-{n}"), &file, date, t0);
                let mut tick = 0i64;
                let mut now = || {
                    tick += 1;
                    t0 + Duration::seconds(tick * 7)
                };
                for _ in 0..2 {
                    s.record_temperature(Temperature::ALL[rng.below(4)], &rng.sentence(4, 10), now());
                }
                relationship(&mut s, &mut rng, &mut now);
                s
            }
        };
        out.push(s);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_sound() {
        let size = Size { parties: 3, interests: 20, agreements: 30, reflections: 40 };
        let a = session(size, 7);
        let b = session(size, 7);
        assert_eq!(a, b);
        assert_ne!(a, session(size, 8));
        assert!(a.problems().is_empty(), "{:?}", a.problems());
        assert_eq!(
            (a.parties.len(), a.interests.len(), a.agreements.len(), a.reflections.len()),
            (3, 20, 30, 40)
        );
        assert!(a.interests.iter().any(|i| i.text.contains('\n')));
        assert_eq!(a.key_questions_answered(), 15);
        assert_eq!(a.ambition.dilemmas.len(), 5);
        assert!(a.form_mismatch().is_some() && a.chosen_form().is_some());
        assert!(a.agreements.iter().any(|x| x.key_question.is_some()));
        assert!(a.parties.iter().all(|p| p.grondvorm.is_some() && !p.reasons.is_empty()));
        assert!(a.room.values().any(|m| *m == crate::domain::RoomMark::Shown));
        assert!(a.room.values().any(|m| *m == crate::domain::RoomMark::Private));
        let (items, notes, games) = meeting::counts(size);
        assert_eq!(
            (a.agenda.len(), a.notes.len(), a.games.len(), a.attendance.len()),
            (items, notes, games, 9)
        );
        assert!(a.clock_running() && a.agenda.iter().any(|i| i.is_done()));
        assert!(a.games.iter().all(|g| g.current_round().is_none() && g.answers.len() == 14));
        // The relationship instruments are all in use.
        assert!(a.temperature.iter().any(|t| t.party.is_some() && !t.tried.is_empty()));
        assert!(a.interests.iter().any(|i| i.position.is_some()));
        assert_eq!(a.conditions.len(), 5);
        assert!(a.conditions.values().all(|c| c.parties.len() == 3));
        assert!(a.trust.is_some());
        assert_eq!(a.diagnosis.problems.len(), 9);
        let chosen = a.diagnosis.problems.values().flat_map(|c| c.interventions.values()).count();
        assert_eq!(chosen, CHOSEN);
    }

    #[test]
    fn the_large_session_runs_a_long_meeting() {
        let s = session(Size::LARGE, 1);
        assert_eq!((s.agenda.len(), s.notes.len(), s.games.len()), (50, 300, 2));
        assert!(s.agenda_clock.len() > 30, "{}", s.agenda_clock.len());
        assert!(s.problems().is_empty(), "{:?}", s.problems().first());
    }

    #[test]
    fn a_chain_of_meetings_with_readings_and_scores() {
        let c = chain(6, 3);
        assert_eq!(c.len(), 6);
        assert_eq!(c, chain(6, 3));
        for (n, s) in c.iter().enumerate() {
            assert!(s.problems().is_empty(), "meeting {n}: {:?}", s.problems());
            assert_eq!(s.collaboration_id(), c[0].id);
            assert!(s.temperature.iter().all(|t| t.at.date_naive() == s.meeting_date), "meeting {n}");
            assert_eq!(s.conditions.len(), 5);
            assert!(s.trust.is_some());
        }
        let trend = crate::domain::conditions_trend(&c);
        assert_eq!(trend.meetings.len(), 6);
        assert!(trend.meetings.iter().all(|m| m.values.iter().all(Option::is_some)));
        assert_eq!(crate::domain::reading_history(&c).meetings.len(), 6);
    }
}
