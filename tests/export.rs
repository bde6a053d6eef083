//! The exports of one session that uses every field: completeness (nothing
//! in the session is missing from the minutes), escaping, well-formed HTML,
//! CSV that reads back to the session's values, and snapshots of all six
//! outputs.

use chrono::{DateTime, Duration, NaiveDate};
use kompas::content::grondvorm::content;
use kompas::content::relationship::guide;
use kompas::domain::grondvorm::{Dilemma, Motive, Pole, Reason};
use kompas::domain::*;
use kompas::export::{Format, escape_html, escape_markdown, export, moment};
use kompas::i18n::{self, Lang, Msg};
use serde_json::Value;

const LANGS: [Lang; 2] = [Lang::Nl, Lang::En];
const HOSTILE: &str = "Budget |<script>alert('x')</script>| \u{1b}]0;pwn\u{7} afstemmen, \"snel\"";
const LIST_TEXT: &str = "- Casusoverleg elke maand, ook in de zomer\n- \"warme\" overdracht bij ontslag";
const PREVIOUS_FILE: &str = "2026-03-12-weer-thuis.json";

/// A moment in the first meeting (12 March 2026, winter time).
fn m1(minutes: i64) -> Timestamp {
    DateTime::parse_from_rfc3339("2026-03-12T10:00:00+01:00").unwrap() + Duration::minutes(minutes)
}

/// A moment in the follow-up meeting (9 April 2026, summer time).
fn m2(minutes: i64) -> Timestamp {
    DateTime::parse_from_rfc3339("2026-04-09T09:00:00+02:00").unwrap() + Duration::minutes(minutes)
}

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

/// The day of the export: the first carried-over agreement is overdue.
fn today() -> NaiveDate {
    day(4, 20)
}

fn party(org: &str, rep: &str, role: &str, wants: &str, offers: &str) -> PartyFields {
    PartyFields {
        organisation: org.into(),
        representative: rep.into(),
        role: role.into(),
        wants: wants.into(),
        offers: offers.into(),
    }
}

fn agreement(
    text: &str,
    owner: Option<&str>,
    parties: &[&str],
    due: Option<NaiveDate>,
    status: AgreementStatus,
    phase_result: bool,
) -> AgreementFields {
    AgreementFields {
        text: text.into(),
        owner: owner.map(String::from),
        parties: parties.iter().map(|p| p.to_string()).collect(),
        due,
        status,
        phase_result,
    }
}

/// A follow-up meeting built through the domain API, with every field set:
/// three parties, interests of every kind (some cells empty), the network
/// questions, all lenses and aspects, agreements in every status (one
/// overdue, one phase result, two carried over), reflections with and
/// without a prompt, thermometer readings, a skip ahead and a step back
/// with reasons, fields from a newer kompas, and one hostile text.
fn fixture() -> Session {
    use AgreementStatus::*;
    let mut s =
        Session::new("s-0312".into(), "Weer thuis in de wijk", day(3, 12), "Anouk de Vries", m1(0)).unwrap();
    let gem = s
        .add_party(
            &party(
                "Gemeente Zuiderveld",
                "Marieke Jansen",
                "wethouder Wonen",
                "Minder huisuitzettingen",
                "Budget voor wijkteams\nen een projectleider",
            ),
            m1(1),
        )
        .unwrap();
    let woon = s
        .add_party(
            &party(
                "Woonstede",
                "Karim Bensaïd",
                "manager Wonen & Zorg",
                "Rust in de complexen",
                "Woonconsulenten en voorrang bij woningtoewijzing",
            ),
            m1(2),
        )
        .unwrap();
    let linde = s
        .add_party(&party("Zorggroep De Linde", "Els van 't Hof", "", "Doorstroom uit de kliniek", ""), m1(3))
        .unwrap();
    s.add_interest(&gem, InterestKind::Organisatie, "Wettelijke zorgplicht (Wmo) nakomen", m1(4)).unwrap();
    s.add_interest(&gem, InterestKind::Collectief, "Bewoners blijven zelfstandig thuis wonen", m1(5))
        .unwrap();
    s.add_interest(&woon, InterestKind::Organisatie, "Leefbaarheid in de complexen", m1(6)).unwrap();
    s.add_interest(&woon, InterestKind::Organisatie, "Huurachterstand beperken", m1(7)).unwrap();
    let karim = s
        .add_interest(
            &woon,
            InterestKind::Individueel,
            "Karim wil dit laten slagen vóór zijn pensioen",
            m1(8),
        )
        .unwrap();
    s.add_interest(&linde, InterestKind::Individueel, "Niet nóg een mislukte pilot op haar naam", m1(9))
        .unwrap();
    s.add_interest(&linde, InterestKind::Collectief, "Cliënten krijgen begeleiding\nook na ontslag", m1(10))
        .unwrap();
    s.set_ambition(AmbitionLens::Problem, "Versnipperde hulp; bewoners vallen tussen wal en schip", m1(11));
    s.set_ambition(AmbitionLens::Solution, "Eén wijkteam met één plan per huishouden", m1(12));
    s.set_ambition(AmbitionLens::Opportunity, "Minder uitzettingen én lagere zorgkosten", m1(13));
    s.set_ambition(AmbitionLens::Form, "Functionele samenwerking met een gedeeld budget", m1(14));
    s.set_context(ContextAspect::Players, "Huisartsen en de wijkagent zitten nog niet aan tafel", m1(15));
    s.set_context(ContextAspect::Process, "Eerder overleg strandde in 2023 op privacyvragen", m1(16));
    s.set_context(ContextAspect::Environment, "Nieuwe Wmo-verordening per 1 januari", m1(17));
    // The whole table (issue 9): a shared interest, what all want and offer.
    s.add_interest(TABLE, InterestKind::Collectief, "Eén aanspreekpunt voor elk huishouden", m1(18)).unwrap();
    s.set_table("Minder versnippering in de wijk", "Samen kennis van elk complex", m1(19));
    let visits = agreement(
        "Wijkteam en woonconsulent lopen samen huisbezoeken",
        Some(&woon),
        &[&woon, &gem],
        Some(day(4, 15)),
        Agreed,
        false,
    );
    s.add_agreement(&visits, m1(20)).unwrap();
    s.move_to_phase(Phase::Delen, Some("Startnotitie is klaar"), m1(30)).unwrap();
    let privacy = agreement(
        "Gegevensdeling juridisch laten toetsen",
        Some(&gem),
        &[&gem],
        Some(day(5, 1)),
        Proposed,
        false,
    );
    let privacy = s.add_agreement(&privacy, m1(40)).unwrap();
    let done = agreement("Contactpersonen uitwisselen", None, &[], None, Done, false);
    s.add_agreement(&done, m1(45)).unwrap();
    // Running the first meeting: the opening runs over and is done; the
    // second item stays unfinished and carries over, as does attendance.
    let opening = s
        .add_agenda_item(&item("Opening en kennismaking", Phase::Verkennen, 15, None), None, m1(18))
        .unwrap();
    let rules = item("Huisregels per complex", Phase::Delen, 25, Some(&woon));
    s.add_agenda_item(&rules, None, m1(18)).unwrap();
    s.start_agenda_item(&opening, m1(19)).unwrap();
    s.next_agenda_item(m1(46)).unwrap();
    s.stop_clock(m1(50)).unwrap();
    s.attendance_from_parties(m1(19));

    // The follow-up meeting: open agreements come along with their origin.
    let mut s = s.follow_up("s-0409".into(), PREVIOUS_FILE, day(4, 9), m2(0));
    s.review_agreement(&privacy, ReviewOutcome::StillOpen, m2(5)).unwrap();
    let intent = agreement(
        "Intentieverklaring ondertekenen",
        Some(&gem),
        &[&gem, &woon, &linde],
        Some(day(4, 9)),
        Done,
        true,
    );
    let intent = s.add_agreement(&intent, m2(10)).unwrap();
    // Owned by the whole table (issue 9), so every party is involved.
    let meldpunt = agreement("Gezamenlijk meldpunt", Some(TABLE), &[], None, Dropped, false);
    s.add_agreement(&meldpunt, m2(11)).unwrap();
    s.update_interest(
        &karim,
        &woon,
        InterestKind::Individueel,
        "Karim wil dit laten slagen vóór zijn pensioen in 2028",
        m2(12),
    )
    .unwrap();
    s.update_party(
        &linde,
        &party("Zorggroep De Linde", "Els van 't Hof", "bestuurder", "Doorstroom uit de kliniek", ""),
        m2(13),
    )
    .unwrap();
    s.add_reflection(
        Some("delen.placeholder"),
        "Welk beeld van het vraagstuk heeft ieder?",
        "De gemeente ziet een budgetprobleem.\nDe Linde ziet vooral wachtlijsten.",
        m2(14),
    )
    .unwrap();
    s.record_temperature(Temperature::Waakzaam, "Gemeente houdt het budget nog achter de hand", m2(15));
    s.move_to_phase(Phase::Vormgeven, Some("Partijen kennen elkaar al; meteen uitwerken"), m2(20)).unwrap();
    let hostile = agreement(HOSTILE, Some(&linde), &[&linde], Some(day(5, 15)), Proposed, false);
    s.add_agreement(&hostile, m2(25)).unwrap();
    s.record_temperature(Temperature::Onenigheid, "Wie betaalt de projectleider?", m2(26));
    s.move_to_phase(
        Phase::Overeenkomen,
        Some("Nieuwe privacyregels: eerst de koers opnieuw vaststellen"),
        m2(30),
    )
    .unwrap();
    let list = agreement(LIST_TEXT, Some(&linde), &[&linde, &woon], None, Agreed, false);
    let list = s.add_agreement(&list, m2(31)).unwrap();
    let own = s
        .add_reflection(
            None,
            "Wat zou de huurder zeggen?",
            "# Niet weer een loket\n> zegt mevrouw K.",
            m2(35),
        )
        .unwrap();
    s.update_reflection(
        &own,
        "Wat zou de huurder zeggen?",
        "# Niet weer een loket\n> zegt mevrouw K. | 82",
        m2(40),
    )
    .unwrap();
    let mut f = agreement(LIST_TEXT, Some(&linde), &[&linde, &woon], None, Agreed, false);
    f.parties.push(gem.clone());
    s.update_agreement(&list, &f, m2(41)).unwrap();
    s.record_temperature(Temperature::Vriendschappelijk, "", m2(45));
    meeting2_run(&mut s, &gem);
    relationship_instruments(&mut s, &gem, &woon, &linde);

    // The basic-form chooser: answers that point to two forms (and one
    // half answer), the chosen form, key questions (one an agreement),
    // reasons, motives and ambition dilemmas.
    s.set_party_form(&gem, Some(Intentie::Verbeteren), Some(Aard::Delen), "Eén loket, minder kosten", m2(46))
        .unwrap();
    s.set_party_form(
        &woon,
        Some(Intentie::Vernieuwen),
        Some(Aard::Delen),
        "Nieuwe woonvormen met zorg",
        m2(47),
    )
    .unwrap();
    s.set_party_form(&linde, Some(Intentie::Verbeteren), None, "", m2(48)).unwrap();
    s.choose_form(Grondvorm::Functioneel, "Eerst de basis op orde; vernieuwen kan later apart", m2(49));
    s.set_key_answer(KeyQuestion::Huishouding, "Gezamenlijk fonds, bijdrage naar rato", m2(50)).unwrap();
    s.set_key_answer(KeyQuestion::Besluitvorming, "Stuurgroep | besluit bij meerderheid", m2(51)).unwrap();
    s.set_key_answer(KeyQuestion::Ict, "Eén dossier per huishouden\nmet toestemming", m2(52)).unwrap();
    s.set_key_answer(KeyQuestion::Besluitvorming, "Stuurgroep | besluit bij unanimiteit", m2(53)).unwrap();
    let fund = agreement(
        "Fonds huurachterstand inrichten",
        Some(&gem),
        &[&gem, &woon],
        Some(day(6, 1)),
        Proposed,
        false,
    );
    s.add_key_question_agreement(KeyQuestion::Huishouding, &fund, m2(54)).unwrap();
    for r in [Reason::PolitiekeDruk, Reason::WettelijkePlicht] {
        s.toggle_reason(&gem, r, m2(55)).unwrap();
    }
    s.toggle_reason(&woon, Reason::Ketenafstemming, m2(55)).unwrap();
    s.toggle_motive(&gem, Motive::Moreel, m2(56)).unwrap();
    s.toggle_motive(&linde, Motive::Affectief, m2(56)).unwrap();
    s.toggle_motive(&linde, Motive::Instrumenteel, m2(56)).unwrap();
    s.choose_pole(Pole::Hoog, "Wethouder wil resultaat vóór de verkiezingen", m2(57));
    s.choose_pole(Pole::Veel, "", m2(58));
    s.grondvorm
        .key_questions
        .get_mut(&KeyQuestion::Ict)
        .unwrap()
        .extra
        .insert("bron".into(), "werksessie".into());
    // Room display marks: an individual interest shown, an agreement kept
    // private.
    s.toggle_on_room(&karim, m2(59)).unwrap();
    s.toggle_on_room(&list, m2(59)).unwrap();

    // Fields a newer kompas wrote.
    s.agenda[0].extra.insert("zaal".into(), "Raadzaal".into());
    s.agenda_clock[0].extra.insert("door".into(), "Anouk".into());
    s.attendance[0].extra.insert("email".into(), "k@zuiderveld.example".into());
    s.notes[0].extra.insert("vastgepind".into(), true.into());
    s.games[0].extra.insert("tafel".into(), 2.into());
    s.games[0].seats[0].extra.insert("kleur".into(), "rood".into());
    s.games[0].rounds[0].extra.insert("foto".into(), "ronde1.jpg".into());
    s.games[0].answers[0].extra.insert("stemmen".into(), serde_json::json!([3, 1]));
    s.extra.insert("budget_code".into(), "ZV-2026-017".into());
    s.parties[0].extra.insert("kvk".into(), 12345678.into());
    let i = s.agreement_index(&intent).unwrap();
    s.agreements[i].extra.insert("signed_by".into(), serde_json::json!(["Marieke Jansen", "Karim Bensaïd"]));
    assert!(s.problems().is_empty(), "{:?}", s.problems());
    s
}

fn item(title: &str, phase: Phase, minutes: u32, lead: Option<&str>) -> meeting::AgendaFields {
    meeting::AgendaFields {
        title: title.into(),
        phase,
        planned_minutes: minutes,
        lead: lead.map(String::from),
    }
}

/// Running the follow-up meeting: the carried item next to new ones, the
/// clock started, switched and stopped, notes on an item and on the whole
/// meeting, attendance with apologies and a guest, a game dealt by kompas
/// (seven named players: pairs and one single, consensus left out in one
/// round, round 1 over time, round 3 still running) and one with physical
/// cards recorded per seat.
fn meeting2_run(s: &mut Session, gem: &str) {
    use meeting::*;
    let carried = s.agenda[0].id.clone();
    let welcome = item("Welkom en afspraken van vorige keer", Phase::Delen, 10, Some(gem));
    let welcome = s.add_agenda_item(&welcome, Some(0), m2(1)).unwrap();
    let game_item =
        s.add_agenda_item(&item("Theater van Besluit", Phase::Delen, 30, None), None, m2(1)).unwrap();
    s.update_agenda_item(
        &welcome,
        &item("Welkom en afspraken van vorige keer", Phase::Delen, 12, Some(gem)),
        m2(3),
    )
    .unwrap();
    s.start_agenda_item(&welcome, m2(2)).unwrap();
    s.next_agenda_item(m2(9)).unwrap();
    s.add_note(
        Some(&carried),
        "Huurdersvereniging wil spreiding.\nGeen concentratie in één complex.",
        m2(16),
    )
    .unwrap();
    let general = s.add_note(None, "Zaal tot 12:00 beschikbaar", m2(17)).unwrap();
    s.update_note(&general, "Zaal tot 12:30 beschikbaar", m2(18)).unwrap();
    s.start_agenda_item(&game_item, m2(27)).unwrap();
    s.stop_clock(m2(48)).unwrap();

    let linde_rep = s.attendance.iter().find(|a| a.name == "Els van 't Hof").unwrap().id.clone();
    s.set_presence(&linde_rep, Presence::Afgemeld, m2(1)).unwrap();
    let guest = AttendeeFields {
        party: None,
        name: "Fatima El Amrani".into(),
        role: "voorzitter huurdersvereniging".into(),
        presence: Presence::Aanwezig,
    };
    s.add_attendee(&guest, m2(2)).unwrap();
    let absent = AttendeeFields {
        party: Some(gem.into()),
        name: "Ruud Smit".into(),
        role: String::new(),
        presence: Presence::Afwezig,
    };
    s.add_attendee(&absent, m2(2)).unwrap();

    let players = ["Karim", "Marieke", "Els", "Sanne", "Joost", "Fatima", "Ruud"];
    let setup = GameSetup {
        players: Players::Names(players.map(String::from).to_vec()),
        assignments: [
            RoundAssignment::Card(Assignment::Etentje),
            RoundAssignment::Own("Kies een naam voor de wijkaanpak".into()),
            RoundAssignment::Card(Assignment::Teamuitje),
        ],
        deal: DealMode::Kompas,
        silent: true,
    };
    let game = s.start_game(&setup, 20260409, m2(28)).unwrap();
    s.start_round(&game, 1, m2(29)).unwrap();
    s.end_round(&game, 1, m2(35)).unwrap();
    s.set_round_outcome(&game, 1, "Restaurant De Kade", "Consensus kwam pas op het laatst los", m2(35))
        .unwrap();
    let answer = s.add_game_answer(&game, "besluit_bereikt", Some(1), "Ja, maar krap", m2(36)).unwrap();
    s.update_game_answer(&game, &answer, "Ja, maar op het nippertje", m2(37)).unwrap();
    s.deal_round(&game, 2, true, m2(37)).unwrap();
    s.start_round(&game, 2, m2(38)).unwrap();
    s.end_round(&game, 2, m2(42)).unwrap();
    s.set_round_outcome(&game, 2, "Samen Thuis Zuiderveld", "", m2(42)).unwrap();
    s.add_game_answer(&game, "anderen_herkend", None, "Autoriteit viel meteen op", m2(43)).unwrap();
    s.add_game_answer(
        &game,
        "voorkeur_benoemen",
        None,
        "Woonstede wil maximaliseren, gemeente adequaat",
        m2(44),
    )
    .unwrap();
    s.start_round(&game, 3, m2(44)).unwrap();

    let physical = GameSetup { players: Players::Count(3), deal: DealMode::Fysiek, silent: false, ..setup };
    let cards = s.start_game(&physical, 0, m2(46)).unwrap();
    let seat = s.games[1].seats[1].id.clone();
    s.record_card(&cards, 1, &seat, Some(Strategy::Preselectie), m2(47)).unwrap();
}

/// Every field of the relationship instruments (issue 10): a party's reading
/// that differs from the facilitator's, interventions tried, reformulated
/// interests, the five conditions (room and party scores, a low score, far
/// apart parties), the trust stage and the typical-problems diagnosis with an
/// intervention turned into an agreement.
fn relationship_instruments(s: &mut Session, gem: &str, woon: &str, linde: &str) {
    let onenigheid = s.temperature.iter().find(|t| t.level == Temperature::Onenigheid).unwrap().id.clone();
    s.toggle_tried(&onenigheid, "waarom_samen", m2(27)).unwrap();
    s.toggle_tried(&onenigheid, "belangen_benoemen", m2(28)).unwrap();
    let r =
        s.record_reading(Temperature::Waakzaam, Some(woon), "Woonstede ziet het somberder", m2(46)).unwrap();
    s.toggle_tried(&r, "benoemen", m2(47)).unwrap();
    s.capture_reformulation(
        woon,
        InterestKind::Organisatie,
        "Wij draaien niet op voor de huurachterstand!",
        "Zekerheid over wie de huurachterstand draagt",
        Some(ReformulationMove::StandpuntNaarBelang),
        m2(48),
    )
    .unwrap();
    s.capture_reformulation(
        linde,
        InterestKind::Individueel,
        "Altijd moeten wij het oplossen",
        "Erkenning voor wat De Linde al doet",
        None,
        m2(49),
    )
    .unwrap();
    use Condition::*;
    s.score_condition(GedeeldeAmbitie, Some(4), "Iedereen herkent zich in één wijkaanpak", m2(50)).unwrap();
    s.score_condition(Relatie, Some(2), "Gemeente en Woonstede botsen over geld", m2(51)).unwrap();
    s.score_condition(ProfessioneelOrganiseren, Some(3), "", m2(52)).unwrap();
    s.score_condition(BetekenisgevendProces, None, "Nog niet besproken", m2(53)).unwrap();
    s.score_condition_for_party(RechtDoenAanBelangen, gem, Some(4), "", m2(54)).unwrap();
    s.score_condition_for_party(RechtDoenAanBelangen, linde, Some(1), "Wachtlijst telt niet mee", m2(55))
        .unwrap();
    s.score_condition_for_party(Relatie, woon, Some(3), "", m2(56)).unwrap();
    s.set_trust(TrustStage::OnderzoekendUitwisselen, "Cijfers worden gedeeld, nog voorzichtig", m2(57));
    let p = TypicalProblem::SluimerendMachtsspel;
    s.toggle_indicator(p, "besluiten_buiten_tafel", m2(58)).unwrap();
    s.toggle_indicator(p, "een_partij_bepaalt", m2(59)).unwrap();
    s.set_problem_note(p, "Wethouder besluit vooraf met de directeur", m2(60));
    s.set_finding(p, Some(Finding::Vermoed), m2(61));
    s.set_finding(TypicalProblem::Onderorganisatie, Some(Finding::Uitgesloten), m2(62));
    s.intervention_to_agreement(p, "spelregels", "Spelregels afspreken over hoe besluiten vallen", m2(63))
        .unwrap();
    s.set_route_note(RouteField::Analyse, "Toen ging het om woningen, nu om geld", m2(64));
    s.set_route_note(RouteField::Indicatoren, "Besluiten buiten tafel", m2(65));
    s.set_route_note(RouteField::Diagnose, "Sluimerend machtsspel, vermoed", m2(66));
    s.set_route_note(RouteField::Interventies, "Spelregels voor besluiten", m2(67));
    s.set_route_note(RouteField::Doorgaan, "Na de spelregels opnieuw wegen", m2(68));
    s.set_continuation(Some(Continuation::Bijsturen), m2(69));
}

// ---- completeness ---------------------------------------------------------

/// Leaves of the session's JSON that are not shown, and why. Everything else
/// must appear in the Markdown and the HTML.
fn skipped(path: &str) -> bool {
    let field = last_key(path);
    // Ids: internal identifiers, meaningless to a reader.
    field == "id"
        // The collaboration's id, and links to other sessions by id; the
        // previous meeting and an agreement's origin are shown by date and file.
        || field == "collaboration"
        || path == "previous.session"
        || path.ends_with(".origin.session")
        // References to parties by id: the party's name is shown instead
        // (and the names are leaves of `parties`, checked there).
        || (path.starts_with("interests[") && field == "party")
        || (path.starts_with("agreements[") && (field == "owner" || field == "parties"))
        || (path.starts_with("attendance[") && field == "party")
        || (path.starts_with("agenda[") && field == "lead")
        // References to agenda items: the item's title is shown instead.
        || ((path.starts_with("notes[") || path.starts_with("agenda_clock[")) && field == "item")
        // The id of a question in the prompt library; the question itself is
        // stored and shown, and a question asked on the spot is tagged.
        || (path.starts_with("reflections[") && field == "prompt")
        // The party whose thermometer reading this is: named instead.
        || (path.starts_with("temperature[") && field == "party")
        // The agreement a chosen intervention became: shown by its number and text.
        || (path.starts_with("diagnosis.") && field == "agreement")
}

/// The name of the field a path ends in: `agreements[2].parties[0]` → `parties`.
fn last_key(path: &str) -> &str {
    let last = path.rsplit('.').next().unwrap();
    last.split('[').next().unwrap()
}

fn leaves(v: &Value, path: String, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                let p = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                leaves(v, p, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                leaves(v, format!("{path}[{i}]"), out);
            }
        }
        _ => out.push(path),
    }
}

fn pointer(path: &str) -> String {
    let mut p = String::new();
    for part in path.split('.') {
        let mut pieces = part.split('[');
        p.push('/');
        p.push_str(pieces.next().unwrap());
        for idx in pieces {
            p.push('/');
            p.push_str(idx.trim_end_matches(']'));
        }
    }
    p
}

const KNOWN_FIELDS: &[&str] = &[
    "format",
    "version",
    "id",
    "title",
    "meeting_date",
    "facilitator",
    "created_at",
    "updated_at",
    "phase",
    "phase_history",
    "at",
    "from",
    "to",
    "reason",
    "parties",
    "organisation",
    "representative",
    "role",
    "wants",
    "offers",
    "interests",
    "party",
    "kind",
    "text",
    "ambition",
    "problem",
    "solution",
    "opportunity",
    "form",
    "context",
    "players",
    "process",
    "environment",
    "agreements",
    "owner",
    "due",
    "status",
    "phase_result",
    "origin",
    "session",
    "file",
    "reviewed_at",
    "reflections",
    "prompt",
    "question",
    "answer",
    "temperature",
    "level",
    "note",
    "collaboration",
    "previous",
    // the whole table (issue 9)
    "table",
    // basic-form chooser
    "grondvorm",
    "intentie",
    "aard",
    "reasons",
    "motives",
    "choice",
    "rationale",
    "key_questions",
    "key_question",
    "dilemmas",
    "edited",
    "pole",
    "room",
    // running the meeting
    "agenda",
    "planned_minutes",
    "lead",
    "done_at",
    "agenda_clock",
    "item",
    "attendance",
    "name",
    "presence",
    "notes",
    "games",
    "deal",
    "seed",
    "seats",
    "players",
    "names",
    "rounds",
    "assignment",
    "own_assignment",
    "without_consensus",
    "cards",
    "started_at",
    "ended_at",
    "decision",
    "debrief",
    "answers",
    "round",
    "silent",
    // the relationship instruments (issue 10)
    "position",
    "reformulation",
    "tried",
    "conditions",
    "score",
    "trust",
    "stage",
    "diagnosis",
    "problems",
    "finding",
    "indicators",
    "interventions",
    "route",
    "continuation",
    "agreement",
];

/// Objects keyed by stable ids (conditions, parties, interventions,
/// indicators, problems, route fields, a round's cards by seat id): their
/// keys are data, not fields.
const ID_MAPS: &[&str] =
    &["tried", "conditions", "parties", "problems", "indicators", "interventions", "route", "cards"];

/// The first field on the path this build does not know (one a newer kompas
/// wrote, kept in `extra`), if any. Key questions and dilemmas are map keys.
fn extra_field(path: &str) -> Option<&str> {
    let known = |k: &str| {
        KNOWN_FIELDS.contains(&k) || KeyQuestion::from_id(k).is_some() || Dilemma::from_id(k).is_some()
    };
    // `room.<item id>`: the key is an id, not a field name.
    if path.starts_with("room.") {
        return None;
    }
    let raw: Vec<&str> = path.split('.').collect();
    raw.iter().enumerate().map(|(i, part)| (i, part.split('[').next().unwrap())).find_map(|(i, k)| {
        let map_key = i > 0 && ID_MAPS.contains(&raw[i - 1]);
        (!known(k) && !map_key).then_some(k)
    })
}

/// A leaf under a game round's `cards`: a seat's strategy.
fn is_card(path: &str) -> bool {
    path.contains(".cards.")
}

enum Shown {
    Text(String),
    Date(NaiveDate),
    Moment(Timestamp),
    /// An enum or flag: a label the test can look for, if one is specific.
    Label(Option<String>),
}

fn from<T: serde::de::DeserializeOwned>(v: &Value) -> T {
    serde_json::from_value(v.clone()).unwrap()
}

/// How a leaf appears in the minutes.
fn shown(path: &str, v: &Value, lang: Lang) -> Option<Shown> {
    let field = last_key(path);
    let known = extra_field(path).is_none();
    let label = |s: &str| Some(Shown::Label(Some(s.to_string())));
    if let (true, Value::String(m)) = (path.starts_with("room."), v) {
        let mark = match m.as_str() {
            "private" => kompas::room::W::MarkPrivate,
            _ => kompas::room::W::MarkShown,
        };
        return label(mark.get(lang));
    }
    // When a lens of the ambition or an aspect of the context was last edited.
    if let (true, Value::String(t)) =
        (path.starts_with("ambition.edited.") || path.starts_with("context.edited."), v)
    {
        return Some(Shown::Moment(serde_json::from_value(Value::String(t.clone())).unwrap()));
    }
    let meeting = meeting::content::content();
    if known && is_card(path) {
        let s: meeting::Strategy = serde_json::from_value(v.clone()).unwrap();
        return label(meeting.strategy(s).name.get(lang));
    }
    Some(match (known.then_some(field), v) {
        (_, Value::Null) => return None,
        (Some("presence"), p) => {
            return label(i18n::presence_label(lang, serde_json::from_value(p.clone()).unwrap()));
        }
        (Some("assignment"), a) => {
            return label(meeting.assignment(serde_json::from_value(a.clone()).unwrap()).name.get(lang));
        }
        (Some("question"), Value::String(q)) if path.starts_with("games[") => match meeting.question(q) {
            Some((_, q)) => return label(q.text.get(lang)),
            None => Shown::Text(q.clone()),
        },
        // Shown as words the test cannot name here; a change must still show.
        (Some("deal" | "silent" | "without_consensus"), _) => Shown::Label(None),
        (Some("phase" | "to" | "from"), Value::String(p)) => {
            return label(i18n::phase_short(lang, Phase::from_id(p).unwrap()));
        }
        (Some("status"), s) => {
            return label(i18n::status_label(lang, serde_json::from_value(s.clone()).unwrap()));
        }
        (Some("kind"), k) => {
            return label(i18n::kind_label(lang, serde_json::from_value(k.clone()).unwrap()));
        }
        (Some("level"), t) => {
            return label(i18n::temperature_label(lang, serde_json::from_value(t.clone()).unwrap()));
        }
        (Some("reformulation"), m) => {
            return label(guide().move_(serde_json::from_value(m.clone()).unwrap()).name.get(lang));
        }
        (Some("stage"), t) => {
            return label(guide().stage(serde_json::from_value(t.clone()).unwrap()).name.get(lang));
        }
        (Some("finding"), f) => {
            return label(guide().finding(serde_json::from_value(f.clone()).unwrap()).get(lang));
        }
        (Some("continuation"), c) => {
            return label(guide().continuation(serde_json::from_value(c.clone()).unwrap()).get(lang));
        }
        // A score is a digit, found anywhere; only its change is checked.
        (Some("score"), _) => Shown::Label(None),
        (Some("phase_result"), Value::Bool(b)) => Shown::Label(b.then(|| "★".to_string())),
        (Some("intentie"), v) => return label(content().intentie(from(v)).name.get(lang)),
        (Some("aard"), v) => return label(content().aard(from(v)).name.get(lang)),
        (Some("form"), v) if path.ends_with("choice.form") => {
            return label(content().form(from(v)).name.get(lang));
        }
        (Some("reasons"), v) => return label(content().reason(from(v)).name.get(lang)),
        (Some("motives"), v) => return label(content().motive(from(v)).name.get(lang)),
        (Some("pole"), v) => return label(content().pole(from(v)).name.get(lang)),
        (Some("key_question"), v) => return label(content().key_question(from(v)).text.get(lang)),
        (Some("meeting_date" | "due"), d) => Shown::Date(serde_json::from_value(d.clone()).unwrap()),
        (
            Some("created_at" | "updated_at" | "at" | "reviewed_at" | "done_at" | "started_at" | "ended_at"),
            t,
        ) => Shown::Moment(serde_json::from_value(t.clone()).unwrap()),
        (_, Value::String(s)) => Shown::Text(s.clone()),
        (_, other) => Shown::Text(other.to_string()),
    })
}

fn expected(shown: &Shown, lang: Lang, meeting: NaiveDate, escape: fn(&str) -> String) -> Option<String> {
    match shown {
        Shown::Text(s) => Some(escape(s)),
        Shown::Date(d) => Some(escape(&i18n::date(lang, *d))),
        Shown::Moment(t) => Some(escape(&moment(lang, t, meeting))),
        Shown::Label(l) => l.as_deref().map(escape),
    }
}

/// A different, recognisable value for a leaf.
fn mutated(path: &str, v: &Value, n: i64) -> Value {
    let field = last_key(path);
    let cycle = |all: &[&str], s: &str| {
        let i = all.iter().position(|x| *x == s).unwrap();
        Value::String(all[(i + 1) % all.len()].to_string())
    };
    let known = extra_field(path).is_none();
    if let (true, Value::String(s)) = (path.starts_with("room."), v) {
        return cycle(&RoomMark::ALL.map(|m| m.id()), s);
    }
    if known && is_card(path) {
        return cycle(&meeting::Strategy::ALL.map(|s| s.id()), v.as_str().unwrap());
    }
    if path.starts_with("ambition.edited.") || path.starts_with("context.edited.") {
        let t =
            DateTime::parse_from_rfc3339("2032-06-01T00:00:00+00:00").unwrap() + Duration::minutes(n * 61);
        return serde_json::to_value(t).unwrap();
    }
    match (known.then_some(field), v) {
        (Some("phase" | "to" | "from"), Value::String(s)) => cycle(&Phase::ALL.map(|p| p.id()), s),
        (Some("presence"), Value::String(s)) => cycle(&meeting::Presence::ALL.map(|p| p.id()), s),
        (Some("assignment"), Value::String(s)) => cycle(&meeting::Assignment::ALL.map(|p| p.id()), s),
        (Some("deal"), Value::String(s)) => cycle(&["kompas", "fysiek"], s),
        (Some("silent" | "without_consensus"), Value::Bool(b)) => Value::Bool(!b),
        (Some("players"), Value::Number(_)) => Value::from(if v == 1 { 2 } else { 1 }),
        (Some("round"), Value::Number(r)) => Value::from(r.as_u64().unwrap() % 3 + 1),
        (Some("planned_minutes" | "seed"), _) => Value::from(700 + n),
        (Some("status"), Value::String(s)) => cycle(&AgreementStatus::ALL.map(|p| p.id()), s),
        (Some("kind"), Value::String(s)) => cycle(&InterestKind::ALL.map(|p| p.id()), s),
        (Some("level"), Value::String(s)) => cycle(&Temperature::ALL.map(|p| p.id()), s),
        (Some("reformulation"), Value::String(s)) => {
            cycle(&ReformulationMove::ALL.iter().map(|m| m.id()).collect::<Vec<_>>(), s)
        }
        (Some("stage"), Value::String(s)) => {
            cycle(&TrustStage::ALL.iter().map(|m| m.id()).collect::<Vec<_>>(), s)
        }
        (Some("finding"), Value::String(s)) => {
            cycle(&Finding::ALL.iter().map(|m| m.id()).collect::<Vec<_>>(), s)
        }
        (Some("continuation"), Value::String(s)) => {
            cycle(&Continuation::ALL.iter().map(|m| m.id()).collect::<Vec<_>>(), s)
        }
        (Some("score"), Value::Number(v)) => Value::from(v.as_u64().unwrap() % 5 + 1),
        (Some("phase_result"), Value::Bool(b)) => Value::Bool(!b),
        (Some("intentie"), Value::String(s)) => {
            cycle(&Intentie::ALL.iter().map(|x| x.id()).collect::<Vec<_>>(), s)
        }
        (Some("aard"), Value::String(s)) => cycle(&Aard::ALL.iter().map(|x| x.id()).collect::<Vec<_>>(), s),
        (Some("form"), Value::String(s)) if path.ends_with("choice.form") => {
            cycle(&Grondvorm::ALL.iter().map(|x| x.id()).collect::<Vec<_>>(), s)
        }
        (Some("reasons"), Value::String(s)) => {
            cycle(&Reason::ALL.iter().map(|x| x.id()).collect::<Vec<_>>(), s)
        }
        (Some("motives"), Value::String(s)) => {
            cycle(&Motive::ALL.iter().map(|x| x.id()).collect::<Vec<_>>(), s)
        }
        (Some("key_question"), Value::String(s)) => {
            cycle(&KeyQuestion::ALL.iter().map(|x| x.id()).collect::<Vec<_>>(), s)
        }
        // The other pole of the same dilemma.
        (Some("pole"), Value::String(s)) => {
            let poles = Pole::from_id(s).unwrap().dilemma().poles().map(|p| p.id());
            cycle(&poles, s)
        }
        (Some("version"), _) => Value::from(700 + n),
        (Some("meeting_date" | "due"), _) => {
            Value::String((NaiveDate::from_ymd_opt(2031, 1, 1).unwrap() + Duration::days(n)).to_string())
        }
        (
            Some("created_at" | "updated_at" | "at" | "reviewed_at" | "done_at" | "started_at" | "ended_at"),
            _,
        ) => {
            let t = DateTime::parse_from_rfc3339("2032-06-01T00:00:00+00:00").unwrap()
                + Duration::minutes(n * 61);
            serde_json::to_value(t).unwrap()
        }
        _ => Value::String(format!("zqmark{n}x")),
    }
}

fn check_complete(format: Format, escape: fn(&str) -> String) {
    let session = fixture();
    let json = serde_json::to_value(&session).unwrap();
    let mut paths = Vec::new();
    leaves(&json, String::new(), &mut paths);
    let mut checked = 0;
    for lang in LANGS {
        let out = export(&session, format, lang, today());
        for (n, path) in paths.iter().enumerate().filter(|(_, p)| !skipped(p)) {
            let value = json.pointer(&pointer(path)).unwrap();
            let Some(shown) = shown(path, value, lang) else { continue };
            if let Some(want) = expected(&shown, lang, session.meeting_date, escape) {
                assert!(out.contains(&want), "{format:?} {lang:?}: {path} = {value} should show as {want:?}");
            }
            // A field a newer kompas wrote is shown with its name too.
            if let Some(key) = extra_field(path) {
                assert!(
                    out.contains(&escape(key)),
                    "{format:?} {lang:?}: field name {key} of {path} missing"
                );
            }

            // Changing the field must change the output, visibly.
            let mut changed = json.clone();
            let new = mutated(path, value, n as i64);
            *changed.pointer_mut(&pointer(path)).unwrap() = new.clone();
            let changed: Session = serde_json::from_value(changed).unwrap();
            let out2 = export(&changed, format, lang, today());
            assert_ne!(out, out2, "{format:?} {lang:?}: changing {path} does not change the export");
            if let Some(shown2) = self::shown(path, &new, lang)
                && !matches!(shown2, Shown::Label(_))
            {
                let want = expected(&shown2, lang, changed.meeting_date, escape).unwrap();
                assert!(
                    out2.contains(&want),
                    "{format:?} {lang:?}: {path} changed to {new} should show {want:?}"
                );
            }
            checked += 1;
        }
        // Skipped as an id reference, but its absence is shown.
        assert!(out.contains(&escape(Msg::OwnQuestionTag.get(lang))));
    }
    assert!(checked > 300, "only {checked} leaves checked");
}

#[test]
fn markdown_shows_every_field_of_the_session() {
    check_complete(Format::Markdown, escape_markdown);
}

#[test]
fn html_shows_every_field_of_the_session() {
    check_complete(Format::Html, escape_html);
}

#[test]
fn the_skip_list_only_skips_ids_and_references() {
    let json = serde_json::to_value(fixture()).unwrap();
    let mut paths = Vec::new();
    leaves(&json, String::new(), &mut paths);
    let skipped: Vec<&String> = paths.iter().filter(|p| skipped(p)).collect();
    for p in &skipped {
        let v = json.pointer(&pointer(p)).unwrap();
        assert!(v.is_string() || v.is_null(), "{p} = {v}: only ids (strings) are skipped");
    }
    // Every kind of skipped leaf occurs, so the list is not stale.
    for needle in [
        "id",
        "collaboration",
        "previous.session",
        "origin.session",
        "].party",
        "].owner",
        "prompt",
        "].lead",
        "notes[0].item",
        "agenda_clock[0].item",
    ] {
        assert!(skipped.iter().any(|p| p.ends_with(needle) || p.contains(needle)), "{needle}");
    }
}

// ---- Markdown ---------------------------------------------------------------

/// Table rows as cells, split on the pipes that are not escaped.
fn md_cells(row: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut chars = row.trim().trim_start_matches('|').chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                cells.last_mut().unwrap().push(c);
                cells.last_mut().unwrap().extend(chars.next());
            }
            '|' => cells.push(String::new()),
            c => cells.last_mut().unwrap().push(c),
        }
    }
    cells.pop(); // after the closing pipe
    cells.into_iter().map(|c| c.trim().to_string()).collect()
}

/// The table that follows the heading `heading`, as rows of cells.
fn md_table(md: &str, heading: &str) -> Vec<Vec<String>> {
    let start = md.find(heading).unwrap_or_else(|| panic!("no {heading}"));
    md[start..]
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .map(md_cells)
        .collect()
}

#[test]
fn markdown_tables_keep_their_shape_and_mark_what_matters() {
    let s = fixture();
    let md = export(&s, Format::Markdown, Lang::Nl, today());
    // Every table row has as many cells as its header, hostile `|` included.
    let mut in_table: Option<usize> = None;
    for l in md.lines() {
        if l.starts_with('|') {
            let n = md_cells(l).len();
            assert_eq!(*in_table.get_or_insert(n), n, "row has a different number of cells: {l}");
        } else {
            in_table = None;
        }
    }

    let map = md_table(&md, "## Belangenkaart");
    assert_eq!(map[0], ["", "Gemeente Zuiderveld", "Woonstede", "Zorggroep De Linde", "De hele tafel"]);
    assert_eq!(map.len(), 2 + 5, "header, rule, three kinds, wants, offers");
    assert_eq!(map[2][0], "**Organisatiebelang**");
    assert_eq!(
        map[2][2],
        "• Leefbaarheid in de complexen<br>• Huurachterstand beperken<br>• Zekerheid over wie de huurachterstand draagt"
    );
    assert_eq!(map[2][3], "—", "an empty cell stands out");
    assert_eq!(map[3][1], "—");
    assert_eq!(map[4][3], "Cliënten krijgen begeleiding<br>ook na ontslag");
    assert_eq!(map[6][3], "—", "De Linde offers nothing yet");
    // The whole table's column: its shared interest, what all want and offer.
    assert_eq!(map[4][4], "Eén aanspreekpunt voor elk huishouden");
    assert_eq!(
        (map[5][4].as_str(), map[6][4].as_str()),
        ("Minder versnippering in de wijk", "Samen kennis van elk complex")
    );
    let edited = "De hele tafel: Wil eruit halen / Heeft te bieden · Gewijzigd 12 mrt 2026 10:19";
    assert!(md.contains(edited), "when the table's wants were last edited");

    let agreements = md_table(&md, "## Afspraken");
    let numbers: Vec<&str> = agreements[2..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5", "6", "7", "8"], "creation order");
    let overdue: Vec<&Vec<String>> = agreements.iter().filter(|r| r[5].contains("te laat")).collect();
    assert_eq!(overdue.len(), 1);
    assert_eq!(overdue[0][5], "15 apr 2026 **⚠ te laat**");
    assert_eq!(overdue[0][1], "**afgesproken**", "open statuses stand out");
    assert_eq!(overdue[0][9], "overleg van 12 mrt 2026 · 2026-03-12-weer-thuis.json");
    assert_eq!(agreements[3][9], "overleg van 12 mrt 2026 · 2026-03-12-weer-thuis.json<br>doorgenomen 09:05");
    assert_eq!(agreements[4][6], "2 Delen **★**");
    assert_eq!(agreements[4][1], "gedaan");
    assert_eq!((agreements[5][3].as_str(), agreements[5][4].as_str()), ("De hele tafel", "De hele tafel"));
    assert_eq!(
        agreements[7][2],
        r#"\- Casusoverleg elke maand, ook in de zomer<br>\- "warme" overdracht bij ontslag"#
    );

    assert!(md.contains("1 Verkennen → ✓ 2 Delen → **▶ 3 Overeenkomen** → ↩ 4 Vormgeven → 5 Uitvoeren\n"));
    assert!(md.contains(
        "- **Vorig overleg:** 12 mrt 2026 · [2026-03-12-weer-thuis.json](2026-03-12-weer-thuis.json)\n"
    ));
    assert!(md.contains("| 4 Vormgeven | 3 Overeenkomen **↩ terug** | Nieuwe privacyregels"));
    assert!(md.contains(r"\# Niet weer een loket<br>\> zegt mevrouw K. \| 82"));
    assert!(md.contains("8 afspraken, 6 open, waarvan 1 te laat op 20 apr 2026."));
}

#[test]
fn markdown_renders_as_intended_in_a_commonmark_reader() {
    use pulldown_cmark::{Options, Parser, html};
    let s = fixture();
    for lang in LANGS {
        let md = export(&s, Format::Markdown, lang, today());
        let mut out = String::new();
        html::push_html(
            &mut out,
            Parser::new_ext(&md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH),
        );
        let count = |tag: &str| out.matches(tag).count();
        assert_eq!(count("<h1>"), 1, "only the title is a top heading");
        // Attendance, agenda, clock, notes; parties, history, map, interests,
        // the chooser's party answers, key questions, reasons and dilemmas,
        // agreements, two reflection phases, temperature; room display
        // marks; the first game's seats, rounds and three answered
        // reflection sets, the second's seats and rounds; reformulations,
        // five conditions, typical problems; other fields.
        assert_eq!(count("<table>"), 28);
        assert_eq!(count("<blockquote>"), 0, "a `>` in an answer is no quote");
        assert_eq!(count("<ol>") + count("<del>") + count("<code>") + count("<img"), 0);
        assert_eq!(count("<script"), 0);
        assert!(out.contains("Budget |&lt;script&gt;alert('x')&lt;/script&gt;| ␛]0;pwn␇ afstemmen,"));
        assert!(out.contains("<td># Niet weer een loket<br>&gt; zegt mevrouw K. | 82</td>"));
        assert!(out.contains("<td>- Casusoverleg elke maand, ook in de zomer<br>- "));
        assert!(
            out.contains("<td>• Leefbaarheid in de complexen<br>• Huurachterstand beperken<br>• Zekerheid")
        );
        assert!(out.contains("<a href=\"2026-03-12-weer-thuis.json\">2026-03-12-weer-thuis.json</a>"));
        // Every table row has as many cells as the table has columns.
        for table in out.split("<table>").skip(1) {
            let table = table.split("</table>").next().unwrap();
            let columns = table.split("</tr>").next().unwrap().matches("</th>").count();
            for row in table.split("<tr>").skip(2) {
                assert_eq!(row.matches("</td>").count(), columns, "{row}");
            }
        }
    }
}

#[test]
fn hostile_text_is_harmless_in_every_format() {
    let s = fixture();
    for lang in LANGS {
        for format in Format::ALL {
            let out = export(&s, format, lang, today());
            assert!(!out.chars().any(|c| c.is_control() && c != '\n' && c != '\r'), "{format:?}");
            assert!(out.contains("␛]0;pwn␇") || out.contains(r"␛\]0;pwn␇"), "{format:?}");
            // Markdown shows `\<script\>`, HTML `&lt;script&gt;`.
            if format != Format::Csv {
                assert!(!out.replace("\\<", "").contains("<script"), "{format:?}");
            }
        }
        let md = export(&s, Format::Markdown, lang, today());
        assert!(md.contains(r"Budget \|\<script\>alert('x')\</script\>\| ␛\]0;pwn␇ afstemmen, "));
        let html = export(&s, Format::Html, lang, today());
        assert!(html.contains(
            "Budget |&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;| ␛]0;pwn␇ afstemmen, &quot;snel&quot;"
        ));
    }
}

// ---- HTML -------------------------------------------------------------------

#[test]
fn html_is_well_formed_self_contained_and_structured() {
    let s = fixture();
    for lang in LANGS {
        let html = export(&s, Format::Html, lang, today());
        // `<!DOCTYPE html>` is a (trivial) DTD, which roxmltree refuses unless asked.
        let options = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
        let doc =
            roxmltree::Document::parse_with_options(&html, options).expect("the HTML is well-formed XML");
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "html");
        assert_eq!(root.attribute("lang"), Some(lang.id()));
        let all: Vec<_> = doc.descendants().filter(|n| n.is_element()).collect();
        let named = |name: &'static str| all.iter().filter(move |n| n.tag_name().name() == name);
        assert_eq!(named("html").count(), 1);
        assert_eq!(named("body").count(), 1);
        assert!(named("meta").any(|m| m.attribute("charset") == Some("utf-8")));
        for forbidden in ["script", "link", "img", "iframe", "object", "embed", "base"] {
            assert_eq!(named(forbidden).count(), 0, "<{forbidden}>");
        }
        for n in &all {
            for a in n.attributes() {
                let v = a.value().to_ascii_lowercase();
                assert!(!v.contains("http:") && !v.contains("https:") && !v.contains("javascript:"), "{v}");
                assert!(!a.name().starts_with("on"), "event handler {}", a.name());
            }
        }
        let style: String = named("style").flat_map(|n| n.text()).collect();
        assert!(style.contains("@media print") && style.contains("break-inside: avoid"));
        assert!(style.contains("size: A4"));
        assert!(!style.contains("url(") && !style.contains("@import") && !style.contains("http"));

        // The interests map: a real table with a column per party, and one
        // for the whole table (issue 9), which holds items in the fixture.
        let map = named("table").find(|t| t.attribute("class") == Some("map")).expect("map table");
        let rows: Vec<_> = map.descendants().filter(|n| n.has_tag_name("tr")).collect();
        assert_eq!(rows.len(), 1 + 5);
        for row in &rows {
            assert_eq!(row.children().filter(|c| c.is_element()).count(), 1 + s.parties.len() + 1);
        }
        let head: Vec<String> = rows[0]
            .children()
            .filter(|c| c.is_element())
            .map(|c| c.text().unwrap_or("").to_string())
            .collect();
        assert_eq!(
            head,
            ["", "Gemeente Zuiderveld", "Woonstede", "Zorggroep De Linde", table_words::WholeTable.get(lang)]
        );

        // Phase strip: five boxes, one current, done ones ticked, the phase the
        // table stepped back from marked as left, not done (as in the terminal).
        let strip = named("ol").find(|n| n.attribute("class") == Some("strip")).unwrap();
        let steps: Vec<_> = strip.children().filter(|c| c.is_element()).collect();
        let classes: Vec<_> = steps.iter().map(|n| n.attribute("class").unwrap()).collect();
        assert_eq!(classes, ["ahead", "done", "current", "stepped-back", "ahead"]);
        let marks: Vec<String> =
            steps.iter().map(|n| n.descendants().find_map(|d| d.text()).unwrap_or("").to_string()).collect();
        assert_eq!(marks[1..4], ["✓", "▶", "↩"]);
        assert_eq!(steps[2].attribute("aria-current"), Some("step"));

        // Overdue agreements are marked, by class and in words.
        let overdue: Vec<_> = named("tr").filter(|n| n.attribute("class") == Some("overdue")).collect();
        assert_eq!(overdue.len(), s.overdue_agreements(today()).count());
        let words: String = overdue[0].descendants().filter_map(|n| n.text()).collect();
        assert!(words.contains(Msg::Overdue.get(lang)));

        // The hostile text arrives as text, not markup.
        let text: String = doc.descendants().filter_map(|n| n.text()).collect();
        assert!(text.contains("|<script>alert('x')</script>|"));
        // The previous meeting is a relative link.
        let links: Vec<_> = named("a").filter_map(|a| a.attribute("href")).collect();
        assert_eq!(links, [PREVIOUS_FILE]);
    }
}

// ---- CSV --------------------------------------------------------------------

/// What a spreadsheet cell holds for a text of the fixture.
fn spreadsheet_text(s: &str) -> String {
    match s {
        HOSTILE => "Budget |<script>alert('x')</script>| ␛]0;pwn␇ afstemmen, \"snel\"".to_string(),
        LIST_TEXT => format!("'{LIST_TEXT}"),
        other => other.to_string(),
    }
}

#[test]
fn csv_reads_back_to_the_sessions_values() {
    let s = fixture();
    let rfc = |t: &Timestamp| t.to_rfc3339();
    for (lang, delimiter) in [(Lang::Nl, b';'), (Lang::En, b',')] {
        let out = export(&s, Format::Csv, lang, today());
        assert!(out.starts_with('\u{feff}'), "a byte order mark for Excel");
        // Records end in CRLF; a line break inside a text stays a bare LF.
        assert_eq!(out.matches("\r\n").count(), 1 + s.agreements.len());
        let mut r = csv::ReaderBuilder::new().delimiter(delimiter).from_reader(out.as_bytes());
        let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header.len(), 16);
        // The csv crate skips the byte order mark, as spreadsheets do.
        assert_eq!(header[0], "Id");
        assert_eq!(header[1], Msg::Agreement.get(lang));
        let records: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), s.agreements.len());
        let name = |id: &String| {
            if is_table(id) {
                table_words::WholeTable.get(lang).to_string()
            } else {
                s.party(id).unwrap().organisation.clone()
            }
        };
        let yes_no = |b: bool| if b { Msg::Yes.get(lang) } else { Msg::No.get(lang) }.to_string();
        for (rec, a) in records.iter().zip(&s.agreements) {
            let want = vec![
                a.id.clone(),
                spreadsheet_text(&a.text),
                a.status.id().to_string(),
                i18n::status_label(lang, a.status).to_string(),
                a.owner.as_ref().map(name).unwrap_or_default(),
                a.parties.iter().map(name).collect::<Vec<_>>().join("; "),
                a.due.map(|d| d.to_string()).unwrap_or_default(),
                yes_no(a.is_overdue(today())),
                a.phase.id().to_string(),
                yes_no(a.phase_result),
                rfc(&a.created_at),
                rfc(&a.updated_at),
                a.reviewed_at.as_ref().map(rfc).unwrap_or_default(),
                a.origin.as_ref().map(|o| o.meeting_date.to_string()).unwrap_or_default(),
                a.origin.as_ref().map(|o| o.file.clone()).unwrap_or_default(),
                a.key_question
                    .map(|q| content().key_question(q).name.get(lang).to_string())
                    .unwrap_or_default(),
            ];
            assert_eq!(rec.iter().collect::<Vec<_>>(), want, "{}", a.text);
        }
        // The cases that matter in a spreadsheet, spelled out.
        let overdue: Vec<_> = records.iter().filter(|r| &r[7] == Msg::Yes.get(lang)).collect();
        assert_eq!(overdue.len(), 1);
        assert_eq!(&overdue[0][6], "2026-04-15");
        assert!(records.iter().any(|r| r[1].contains('\n') && r[1].contains("\"warme\"")));
        assert!(records.iter().any(|r| r[5] == *"Zorggroep De Linde; Woonstede; Gemeente Zuiderveld"));
        assert!(records.iter().any(|r| &r[12] == "2026-04-09T09:05:00+02:00"));
        let joint = table_words::WholeTable.get(lang);
        assert!(records.iter().any(|r| r[4] == *joint && r[5] == *joint), "owned by the whole table");
    }
}

// ---- snapshots --------------------------------------------------------------

#[test]
fn snapshots_of_every_format_in_both_languages() {
    let s = fixture();
    for lang in LANGS {
        let id = lang.id();
        insta::assert_snapshot!(format!("markdown_{id}"), export(&s, Format::Markdown, lang, today()));
        insta::assert_snapshot!(format!("html_{id}"), export(&s, Format::Html, lang, today()));
        // The byte order mark and CRLF line ends are checked above; shown
        // here as `[BOM]` and plain line ends so the snapshot reads well.
        let csv = export(&s, Format::Csv, lang, today()).replace('\u{feff}', "[BOM]").replace("\r\n", "\n");
        insta::assert_snapshot!(format!("csv_{id}"), csv);
    }
}
