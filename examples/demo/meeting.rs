//! Running the three demo meetings: each one's agenda with its clock (so
//! the minutes show planned and actual times), attendance, notes per item,
//! and the Theater van Besluit game played in meeting 2.

use chrono::DateTime;
use kompas::domain::meeting::*;
use kompas::domain::{Phase, Session, Timestamp};

/// `hh:mm` or `hh:mm:ss` on the meeting's day, in its offset.
fn at(s: &Session, hm: &str) -> Timestamp {
    let offset = s.created_at.offset().to_string();
    let time = if hm.len() == 5 { format!("{hm}:00") } else { hm.to_string() };
    DateTime::parse_from_rfc3339(&format!("{}T{time}{offset}", s.meeting_date)).expect("fixed time")
}

fn party(s: &Session, organisation: &str) -> String {
    s.parties.iter().find(|p| p.organisation == organisation).expect("party of the scenario").id.clone()
}

fn attendee(s: &Session, name: &str) -> String {
    s.attendance.iter().find(|a| a.name == name).expect("on the list").id.clone()
}

/// Add the items (title, phase, minutes, lead) at `when`; returns their ids.
fn agenda(s: &mut Session, when: &str, items: &[(&str, Phase, u32, Option<&str>)]) -> Vec<String> {
    let now = at(s, when);
    (items.iter())
        .map(|(title, phase, minutes, lead)| {
            let lead = lead.map(|org| party(s, org));
            let f = AgendaFields { title: title.to_string(), phase: *phase, planned_minutes: *minutes, lead };
            s.add_agenda_item(&f, None, now).expect("agenda item of the scenario")
        })
        .collect()
}

/// Walk the agenda: start the first item at the first time, then "next"
/// at each following time.
fn run(s: &mut Session, first: &str, start: &str, nexts: &[&str]) {
    let now = at(s, start);
    s.start_agenda_item(first, now).expect("first item");
    for when in nexts {
        let now = at(s, when);
        s.next_agenda_item(now).expect("next item");
    }
}

fn note(s: &mut Session, item: Option<&str>, text: &str, when: &str) {
    let now = at(s, when);
    s.add_note(item, text, now).expect("note of the scenario");
}

fn person(s: &mut Session, org: Option<&str>, name: &str, role: &str, presence: Presence, when: &str) {
    let f =
        AttendeeFields { party: org.map(|o| party(s, o)), name: name.into(), role: role.into(), presence };
    let now = at(s, when);
    s.add_attendee(&f, now).expect("attendee of the scenario");
}

/// Meeting 1: the last item is not reached and carries over.
pub fn meeting1(s: &mut Session, gemeente: &str, woonstede: &str, de_linde: &str) {
    s.attendance_from_parties(at(s, "09:36"));
    person(s, Some(gemeente), "Joost Verhoef", "beleidsadviseur wonen", Presence::Aanwezig, "09:37");
    person(s, Some(de_linde), "Esther Bakker", "teamleider wijkzorg", Presence::Afgemeld, "09:37");
    let ids = agenda(
        s,
        "09:20",
        &[
            ("Welkom, kennismaking en doel van vandaag", Phase::Verkennen, 15, None),
            ("Belangen: wat wil ieder eruit halen, wat heeft ieder te bieden?", Phase::Verkennen, 35, None),
            ("Gedeelde ambitie en context", Phase::Verkennen, 25, Some(gemeente)),
            ("Hoe zitten we erin? Temperatuur en reflectie", Phase::Verkennen, 35, None),
            ("Afspraken en volgende stap", Phase::Verkennen, 20, None),
            ("Wie ontbreekt aan tafel? Huurdersvereniging en politie", Phase::Verkennen, 15, Some(woonstede)),
        ],
    );
    run(s, &ids[0], "09:35", &["09:49", "10:25", "10:55", "11:30"]);
    note(
        s,
        Some(&ids[1]),
        "Woonstede noemt het incident in De Hoven: Marieke wil herhaling voorkomen.\n\
         De Linde houdt de wachtlijstcijfers nog achter.",
        "10:20",
    );
    note(s, None, "Pieter van der Berg moet om 11:45 weg.", "10:30");
    note(s, Some(&ids[4]), "Volgende keer de huurdersvereniging erbij; zaal in het gemeentehuis.", "11:45");
    // Out of time: the agreements item is done, the last one is not reached.
    let done = at(s, "11:50");
    s.set_agenda_item_done(&ids[4], true, done).expect("agenda item");
    s.stop_clock(done).expect("the clock runs");
}

/// Meeting 2: the carried item fills the step back to verkennen, and the
/// room plays Theater van Besluit.
pub fn meeting2(s: &mut Session, gemeente: &str, woonstede: &str) {
    let joost = attendee(s, "Joost Verhoef");
    s.set_presence(&joost, Presence::Afgemeld, at(s, "09:25")).expect("on the list");
    person(s, None, "Fatima El Amrani", "voorzitter huurdersvereniging", Presence::Aanwezig, "09:31");
    let carried = s.agenda[0].id.clone();
    let ids = agenda(
        s,
        "09:20",
        &[
            ("Opening en afspraken van vorige keer", Phase::Delen, 15, None),
            ("Beelden delen: wie betaalt bij huurachterstand?", Phase::Delen, 30, Some(woonstede)),
            ("Theater van Besluit: hoe besluiten wij?", Phase::Delen, 35, None),
            ("Afspraken: onderzoek huurachterstand en intentieverklaring", Phase::Delen, 25, Some(gemeente)),
            ("Rondvraag en afsluiting", Phase::Delen, 10, None),
        ],
    );
    // The carried item comes third, after the views are shared.
    s.move_agenda_item(&carried, 2, at(s, "09:21")).expect("carried item");
    game(s);
    note(
        s,
        Some(&ids[1]),
        "Woonstede wil een gezamenlijk fonds; de gemeente wil eerst cijfers over de kosten.",
        "10:05",
    );
    note(
        s,
        Some(&carried),
        "Huurdersvereniging: geen concentratie van kwetsbare huurders in één complex.",
        "10:25",
    );
    note(s, Some(&ids[3]), "Concept intentieverklaring door de gemeente, vóór 1 mei rond.", "11:30");
    // The clock last: it stops at the meeting's last moment.
    run(s, &ids[0], "09:30", &["09:42", "10:15", "10:35", "11:05", "11:35", "11:48"]);
}

fn game(s: &mut Session) {
    let setup = GameSetup {
        players: Players::Names(
            ["Karim", "Marieke", "Pieter", "Fatima", "Esther"].map(String::from).to_vec(),
        ),
        assignments: [
            RoundAssignment::Card(Assignment::Etentje),
            RoundAssignment::Card(Assignment::KijkjeInDeKeuken),
            RoundAssignment::Own("Kies het complex waar de wijkaanpak als eerste start".into()),
        ],
        deal: DealMode::Kompas,
        silent: false,
    };
    let g = s.start_game(&setup, 20260409, at(s, "10:36")).expect("five players");
    let plays = [
        (
            "10:38:00",
            "10:41:10",
            "Eetcafé De Kade",
            "Marieke (autoriteit) zocht wie het eetcafé kende; Esther (consensus) kreeg iedereen pas op het laatst mee.",
        ),
        (
            "10:44:00",
            "10:47:00",
            "Woonstede ontvangt als eerste",
            "Eliminatie en preselectie botsten over de criteria.",
        ),
        (
            "10:50:00",
            "10:52:20",
            "Complex Parkrand-Noord",
            "Met open kaarten binnen drie minuten rond: ieder wist wat de ander nodig had.",
        ),
    ];
    for (n, (start, end, decision, debrief)) in plays.iter().enumerate() {
        let round = n as u8 + 1;
        s.start_round(&g, round, at(s, start)).expect("rounds in order");
        s.end_round(&g, round, at(s, end)).expect("round runs");
        let now = at(s, end);
        s.set_round_outcome(&g, round, decision, debrief, now).expect("round");
    }
    let answers = [
        ("besluit_bereikt", Some(1), "Ja, maar krap: tien seconden over tijd.", "10:42"),
        (
            "strategie_voelde",
            Some(2),
            "Marieke: preselectie voelde als thuiskomen; Karim vond maximaliseren lastig.",
            "10:48",
        ),
        ("ronde_drie", None, "Veel makkelijker: je hoefde niet te raden wat de ander wilde.", "10:54"),
        ("anderen_herkend", None, "Autoriteit en consensus wel, preselectie en eliminatie niet.", "10:56"),
        ("eigen_strategie", None, "Woonstede zoekt het maximale, de gemeente gaat voor adequaat.", "10:59"),
        (
            "voorkeur_benoemen",
            None,
            "Ja: bij de intentieverklaring eerst afspreken wat minimaal moet.",
            "11:02",
        ),
    ];
    for (question, round, answer, when) in answers {
        let now = at(s, when);
        s.add_game_answer(&g, question, round, answer, now).expect("answer");
    }
}

/// Meeting 3: the last item is not reached (it would carry to meeting 4).
pub fn meeting3(s: &mut Session) {
    let pieter = attendee(s, "Pieter van der Berg");
    s.set_presence(&pieter, Presence::Afgemeld, at(s, "09:25")).expect("on the list");
    let ids = agenda(
        s,
        "09:15",
        &[
            ("Opening en afspraken van vorige keer", Phase::Overeenkomen, 15, None),
            ("Grondvorm: verbeteren of vernieuwen, uitwisselen of delen?", Phase::Overeenkomen, 30, None),
            ("Afspraken op hoofdlijnen", Phase::Overeenkomen, 60, None),
            ("Vijf voorwaarden: waar staan we?", Phase::Overeenkomen, 15, None),
            ("Terugkoppeling aan de achterban en volgende stap", Phase::Overeenkomen, 15, None),
        ],
    );
    note(
        s,
        Some(&ids[1]),
        "Woonstede ziet vernieuwen, gemeente en De Linde zien verbeteren. Blijft een open vraag.",
        "10:10",
    );
    note(s, Some(&ids[2]), "Fonds huurachterstand: nog geen akkoord over de verdeelsleutel.", "11:20");
    // The clock last: it stops at the meeting's last moment.
    run(s, &ids[0], "09:30", &["09:41", "10:15", "11:25"]);
    let end = at(s, "11:42");
    s.set_agenda_item_done(&ids[3], true, end).expect("agenda item");
    s.stop_clock(end).expect("the clock runs");
}
