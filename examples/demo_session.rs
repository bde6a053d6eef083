//! The demo sessions of the scenario "Weer thuis in de wijk — Zuiderveld": three
//! meetings of a municipality, a housing corporation and a care provider, built
//! through the domain API and written to `sessions/`. How each meeting was run
//! (agenda and clock, attendance, notes, the game in meeting 2) is in
//! `demo/meeting.rs`.
//!
//! ```text
//! cargo run --example demo_session
//! ```
//!
//! Deterministic: fixed session ids and timestamps, and item ids are derived
//! from the timestamps, so running it again writes the same bytes. The
//! builders are `pub` so `tests/demo_session.rs` can include this file and
//! check that the committed files are exactly what they produce.

use std::path::Path;

#[path = "demo/meeting.rs"]
mod meeting;

use chrono::{DateTime, NaiveDate};
use kompas::domain::grondvorm::{Motive, Pole, Reason};
use kompas::domain::{
    Aard, AgreementFields, AgreementStatus, AmbitionLens, Condition, ContextAspect, Continuation, Finding,
    Grondvorm, Intentie, InterestKind, KeyQuestion, PartyFields, Phase, ReformulationMove, ReviewOutcome,
    RouteField, Session, TABLE, Temperature, Timestamp, TrustStage, TypicalProblem,
};

pub const TITLE: &str = "Weer thuis in de wijk — Zuiderveld";
pub const FACILITATOR: &str = "Anouk de Vries";
const SLUG: &str = "weer-thuis-in-de-wijk-zuiderveld";

const GEMEENTE: &str = "Gemeente Zuiderveld";
const WOONSTEDE: &str = "Woonstede";
const DE_LINDE: &str = "Zorggroep De Linde";

fn at(rfc3339: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(rfc3339).expect("fixed timestamp is RFC 3339")
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("fixed date exists")
}

/// The id of the party of `organisation`.
fn party(s: &Session, organisation: &str) -> String {
    s.parties.iter().find(|p| p.organisation == organisation).expect("party of the scenario").id.clone()
}

/// The id of the agreement whose text starts with `text`.
fn agreement(s: &Session, text: &str) -> String {
    s.agreements.iter().find(|a| a.text.starts_with(text)).expect("agreement of the scenario").id.clone()
}

fn agreed(text: &str, owner: Option<&str>, parties: &[&str], due: Option<NaiveDate>) -> AgreementFields {
    AgreementFields {
        text: text.to_string(),
        owner: owner.map(String::from),
        parties: parties.iter().map(|p| p.to_string()).collect(),
        due,
        status: AgreementStatus::Agreed,
        phase_result: false,
    }
}

/// The five conditions scored by the room, in model order (ambition,
/// interests, relationship, organising, process), each with a note.
fn score(s: &mut Session, scores: [(u8, &str); 5], now: Timestamp) {
    for (c, (v, note)) in Condition::ALL.iter().zip(scores) {
        s.score_condition(*c, Some(v), note, now).expect("a score from 1 to 5");
    }
}

/// The next meeting, as kompas starts one (`v`): parties, interests,
/// ambition, context, phase and open agreements carry over, linked back to
/// `prev`'s file.
fn follow_up(prev: &Session, id: &str, meeting_date: NaiveDate, now: Timestamp) -> Session {
    let file = format!("{}-{SLUG}.json", prev.meeting_date.format("%Y-%m-%d"));
    prev.follow_up(id.to_string(), &file, meeting_date, now)
}

/// Meeting 1, 12 March 2026, phase verkennen.
pub fn meeting1() -> Session {
    let t = |hm: &str| at(&format!("2026-03-12T{hm}:00+01:00"));
    let mut s =
        Session::new("zuiderveld-2026-03-12".into(), TITLE, date(2026, 3, 12), FACILITATOR, t("09:35"))
            .expect("scenario title is not empty");

    let parties = [
        (
            GEMEENTE,
            "Karim Bensaïd",
            "wethouder",
            "minder escalaties, één aanpak",
            "financiering wijkteam, regie op overleg",
            "09:38",
        ),
        (
            WOONSTEDE,
            "Marieke Jansen",
            "directeur wonen",
            "zekerheid over langdurige begeleiding",
            "20 woningen per jaar, flexibele huurvoorwaarden",
            "09:41",
        ),
        (
            DE_LINDE,
            "Pieter van der Berg",
            "regiomanager",
            "voorrang bij toewijzing",
            "24/7 bereikbaar team, vaste contactpersoon per complex",
            "09:44",
        ),
    ];
    for (organisation, representative, role, wants, offers, when) in parties {
        let f = PartyFields {
            organisation: organisation.into(),
            representative: representative.into(),
            role: role.into(),
            wants: wants.into(),
            offers: offers.into(),
        };
        s.add_party(&f, t(when)).expect("party fields are valid");
    }
    let (gemeente, woonstede, de_linde) = (party(&s, GEMEENTE), party(&s, WOONSTEDE), party(&s, DE_LINDE));

    let interests = [
        (
            &woonstede,
            InterestKind::Organisatie,
            "Huurders blijven niet zonder begeleiding zitten; terugvaloptie als het misgaat",
            "09:52",
        ),
        (
            &woonstede,
            InterestKind::Organisatie,
            "Leefbaarheid van complexen bewaken, overlast beperken",
            "09:55",
        ),
        (
            &de_linde,
            InterestKind::Organisatie,
            "Woningen die passen bij de doelgroep, snel beschikbaar",
            "10:01",
        ),
        (&de_linde, InterestKind::Collectief, "Cliënten kunnen zelfstandig wonen met maatwerk", "10:04"),
        (&gemeente, InterestKind::Collectief, "Inwoners voelen zich veilig en gehoord in de wijk", "10:09"),
        (
            &gemeente,
            InterestKind::Individueel,
            "Wethouder wil voor de verkiezingen zichtbaar resultaat",
            "10:13",
        ),
        (
            &woonstede,
            InterestKind::Individueel,
            "Marieke wil geen herhaling van het incident in De Hoven",
            "10:18",
        ),
    ];
    for (p, kind, text, when) in interests {
        s.add_interest(p, kind, text, t(when)).expect("interest of a known party");
    }

    s.set_ambition(AmbitionLens::Problem, "versnipperde hulp en woningtoewijzing", t("10:31"));
    s.set_ambition(AmbitionLens::Solution, "één wijkaanpak per complex", t("10:34"));
    s.set_ambition(AmbitionLens::Opportunity, "nieuwbouw Parkrand 2027", t("10:37"));
    s.set_ambition(AmbitionLens::Form, "nog open: convenant of regionaal netwerk?", t("10:40"));

    // Why each party is at the table: its reasons and motive types.
    let why: [(&str, &[Reason], &[Motive], &str); 3] = [
        (
            &gemeente,
            &[Reason::PolitiekeDruk, Reason::WettelijkePlicht],
            &[Motive::Instrumenteel, Motive::Moreel],
            "10:24",
        ),
        (&woonstede, &[Reason::Ketenafstemming], &[Motive::Instrumenteel], "10:26"),
        (
            &de_linde,
            &[Reason::AanvullendeCompetenties, Reason::Ketenafstemming],
            &[Motive::Instrumenteel, Motive::Moreel],
            "10:28",
        ),
    ];
    for (p, reasons, motives, when) in why {
        for &r in reasons {
            s.toggle_reason(p, r, t(when)).expect("a known party");
        }
        for &m in motives {
            s.toggle_motive(p, m, t(when)).expect("a known party");
        }
    }

    s.set_context(ContextAspect::Players, "ook huurdersvereniging en politie hebben belang", t("10:47"));
    s.set_context(ContextAspect::Process, "eerder overleg strandde in 2023", t("10:50"));
    s.set_context(ContextAspect::Environment, "woningnood, bezuiniging Wmo", t("10:52"));

    let reading = s.record_temperature(
        Temperature::Waakzaam,
        "De Linde houdt wachtlijstcijfers nog achter",
        t("11:02"),
    );
    s.toggle_tried(&reading, "bron", t("11:04")).expect("a reading of this meeting");
    s.toggle_tried(&reading, "benoemen", t("11:06")).expect("a reading of this meeting");
    s.set_trust(
        TrustStage::WaakzaamContracteren,
        "eerder overleg strandde in 2023; iedereen dekt zich in",
        t("11:08"),
    );

    // The questions as Anouk asked them; each matches a question of the library.
    s.add_reflection(
        Some("verkennen.wie-ontbreekt"),
        "Is iedereen aan tafel die ertoe doet?",
        "Huurdersvereniging ontbreekt; uitnodigen voor sessie 2",
        t("11:12"),
    )
    .expect("question and answer are not empty");
    s.add_reflection(
        Some("verkennen.wat-houdt-je-tegen"),
        "Wat maakt dat partijen nog niet alles delen?",
        "Eerdere ervaring 2023; vertrouwen moet groeien",
        t("11:24"),
    )
    .expect("question and answer are not empty");

    score(
        &mut s,
        [
            (3, "iedereen wil één wijkaanpak, maar ieder om eigen redenen"),
            (2, "wachtlijstcijfers en risico's nog niet op tafel"),
            (2, "voorzichtig; de ervaring van 2023 zit diep"),
            (1, "nog geen afspraken over rollen of geld"),
            (3, "gemeente heeft de regie, de anderen volgen nog"),
        ],
        t("11:30"),
    );

    s.add_agreement(
        &agreed(
            "De Linde deelt geanonimiseerde wachtlijstcijfers vóór 1 april",
            Some(&de_linde),
            &[&de_linde],
            Some(date(2026, 4, 1)),
        ),
        t("11:41"),
    )
    .expect("agreement of known parties");
    s.add_agreement(
        &agreed(
            "Gemeente nodigt huurdersvereniging uit voor sessie 2",
            Some(&gemeente),
            &[&gemeente],
            Some(date(2026, 3, 26)),
        ),
        t("11:50"),
    )
    .expect("agreement of known parties");
    meeting::meeting1(&mut s, GEMEENTE, WOONSTEDE, DE_LINDE);
    s
}

/// Meeting 2, 9 April 2026, phase delen, following on from meeting 1.
pub fn meeting2() -> Session {
    let t = |hm: &str| at(&format!("2026-04-09T{hm}:00+02:00"));
    let prev = meeting1();
    let mut s = follow_up(&prev, "zuiderveld-2026-04-09", date(2026, 4, 9), t("09:30"));
    let (gemeente, woonstede, de_linde) = (party(&s, GEMEENTE), party(&s, WOONSTEDE), party(&s, DE_LINDE));
    let all = [gemeente.as_str(), woonstede.as_str(), de_linde.as_str()];

    // The walk-through of last time's agreements: both were done.
    let cijfers = agreement(&s, "De Linde deelt geanonimiseerde wachtlijstcijfers");
    s.review_agreement(&cijfers, ReviewOutcome::Done, t("09:36")).expect("carried over");
    let uitnodiging = agreement(&s, "Gemeente nodigt huurdersvereniging uit");
    s.review_agreement(&uitnodiging, ReviewOutcome::Done, t("09:38")).expect("carried over");
    s.move_to_phase(Phase::Delen, None, t("09:40")).expect("a different phase");

    let start = s.record_temperature(
        Temperature::Onenigheid,
        "discussie over wie betaalt bij huurachterstand",
        t("09:52"),
    );
    s.toggle_tried(&start, "belangen_benoemen", t("09:58")).expect("a reading of this meeting");
    s.toggle_tried(&start, "waarom_samen", t("10:04")).expect("a reading of this meeting");
    // Behind Woonstede's position lies an interest, found with the coach.
    s.capture_reformulation(
        &woonstede,
        InterestKind::Organisatie,
        "Wij gaan niet opdraaien voor de huurachterstand van andermans cliënten",
        "Zekerheid dat huurachterstand niet bij de corporatie alleen blijft liggen",
        Some(ReformulationMove::StandpuntNaarBelang),
        t("10:09"),
    )
    .expect("interest of a known party");

    s.move_to_phase(
        Phase::Verkennen,
        Some("huurdersvereniging brengt nieuw belang in: geen concentratie van kwetsbare huurders in één complex"),
        t("10:15"),
    )
    .expect("a different phase");
    s.move_to_phase(Phase::Delen, None, t("10:35")).expect("a different phase");

    s.add_agreement(
        &agreed(
            "Gezamenlijk onderzoek naar kosten huurachterstand, trekker Woonstede",
            Some(&woonstede),
            &all,
            Some(date(2026, 5, 15)),
        ),
        t("11:08"),
    )
    .expect("agreement of known parties");
    let mut intentie = agreed(
        "Intentieverklaring opstellen, concept door gemeente",
        Some(&gemeente),
        &all,
        Some(date(2026, 5, 1)),
    );
    intentie.phase_result = true;
    s.add_agreement(&intentie, t("11:27")).expect("agreement of known parties");

    // How the ambition is developed from here.
    s.choose_pole(
        Pole::Ontwikkelen,
        "oplossing nog niet in beeld: eerst samen uitzoeken wat huurachterstand kost",
        t("11:32"),
    );
    s.choose_pole(Pole::Veel, "huurdersvereniging schuift voortaan aan", t("11:35"));
    s.choose_pole(
        Pole::Hoog,
        "wethouder wil voor de verkiezingen resultaat; Parkrand start in 2027",
        t("11:38"),
    );

    // What the three want out of it and offer, together.
    s.set_table(
        "één wijkaanpak die ook de buren vertrouwen",
        "gezamenlijk onderzoek naar de kosten van huurachterstand",
        t("11:42"),
    );

    s.record_temperature(Temperature::Vriendschappelijk, "", t("11:48"));
    meeting::meeting2(&mut s, GEMEENTE, WOONSTEDE);
    // Woonstede reads the room differently: a difference worth discussing.
    s.record_reading(
        Temperature::Waakzaam,
        Some(&woonstede),
        "zolang het fonds er niet is, blijven wij op onze hoede",
        t("11:50"),
    )
    .expect("reading of a known party");
    s.set_trust(
        TrustStage::OnderzoekendUitwisselen,
        "De Linde deelde de wachtlijstcijfers op tijd",
        t("11:52"),
    );
    score(
        &mut s,
        [
            (4, "de intentieverklaring geeft richting"),
            (3, "het belang achter de huurachterstand is benoemd"),
            (2, "felle discussie over geld; aan het eind weer rustig"),
            (2, "gezamenlijk onderzoek gestart, verder weinig vastgelegd"),
            (3, "de stap terug voor de huurdersvereniging hielp"),
        ],
        t("11:56"),
    );
    s
}

/// Meeting 3, 20 May 2026, phase overeenkomen, following on from meeting 2.
pub fn meeting3() -> Session {
    let t = |hm: &str| at(&format!("2026-05-20T{hm}:00+02:00"));
    let prev = meeting2();
    let mut s = follow_up(&prev, "zuiderveld-2026-05-20", date(2026, 5, 20), t("09:30"));
    let (gemeente, woonstede, de_linde) = (party(&s, GEMEENTE), party(&s, WOONSTEDE), party(&s, DE_LINDE));
    // The declaration of intent was signed; the cost study still runs.
    let intentie = agreement(&s, "Intentieverklaring opstellen");
    s.review_agreement(&intentie, ReviewOutcome::Done, t("09:34")).expect("carried over");
    let onderzoek = agreement(&s, "Gezamenlijk onderzoek naar kosten huurachterstand");
    s.review_agreement(&onderzoek, ReviewOutcome::StillOpen, t("09:37")).expect("carried over");
    s.move_to_phase(Phase::Overeenkomen, None, t("09:40")).expect("a different phase");

    // The grondvorm conversation: each party answers the two questions.
    // Woonstede sees renewal where the others see improvement, so the
    // answers point to two forms.
    let answers = [
        (&gemeente, Intentie::Verbeteren, "bestaande hulp en toewijzing samen slimmer regelen", "09:52"),
        (&de_linde, Intentie::Verbeteren, "samen uitvoeren wat we nu ieder los doen", "09:55"),
        (
            &woonstede,
            Intentie::Vernieuwen,
            "ziet nieuwe woonvormen met zorg in Parkrand: dat is vernieuwen",
            "09:58",
        ),
    ];
    for (p, intentie, note, when) in answers {
        s.set_party_form(p, Some(intentie), Some(Aard::Delen), note, t(when)).expect("a known party");
    }
    s.choose_form(
        Grondvorm::Functioneel,
        "eerst de bestaande hulp en woningtoewijzing per complex samen goed regelen; \
         Woonstedes vernieuwing (Parkrand) apart verkennen als eigen traject",
        t("10:06"),
    );
    // Now that the course is set, the ambition is designed rather than grown.
    s.choose_pole(Pole::Ontwerpen, "de koers staat: nu uittekenen en ernaartoe werken", t("10:09"));

    // The key questions of phase 3, as far as the room got.
    let key_answers = [
        (
            KeyQuestion::Verhoudingen,
            "gemeente voert de regie; Woonstede en De Linde voeren per complex samen uit",
            "10:14",
        ),
        (KeyQuestion::Rolverdeling, "per complex één vaste contactpersoon voor zorg én wonen", "10:19"),
        (
            KeyQuestion::Huishouding,
            "gezamenlijk fonds voor huurachterstand tot 3 maanden, bijdrage naar rato",
            "10:25",
        ),
        (KeyQuestion::Besluitvorming, "stuurgroep van de drie bestuurders, twee keer per jaar", "10:31"),
        (
            KeyQuestion::Informatiedeling,
            "signalen binnen 48 uur delen; wachtlijstcijfers geanonimiseerd",
            "10:36",
        ),
    ];
    for (q, answer, when) in key_answers {
        s.set_key_answer(q, answer, t(when)).expect("answer is not empty");
    }

    let in_principle = [
        (
            "Per complex één vaste contactpersoon zorg én wonen",
            Some(TABLE),
            vec![],
            AgreementStatus::Agreed,
            Some(KeyQuestion::Rolverdeling),
            "10:42",
        ),
        (
            "Terugvaloptie: De Linde neemt binnen 48 uur contact op bij signaal",
            Some(de_linde.as_str()),
            vec![de_linde.as_str()],
            AgreementStatus::Agreed,
            None,
            "11:01",
        ),
        (
            "Huurachterstand tot 3 maanden: gezamenlijk fonds, bijdrage naar rato",
            None,
            vec![TABLE],
            AgreementStatus::Proposed,
            Some(KeyQuestion::Huishouding),
            "11:19",
        ),
    ];
    for (text, owner, parties, status, key_question, when) in in_principle {
        let mut f = agreed(text, owner, &parties, None);
        f.status = status;
        // Agreements in principle are the tangible result of overeenkomen.
        f.phase_result = true;
        match key_question {
            Some(q) => s.add_key_question_agreement(q, &f, t(when)),
            None => s.add_agreement(&f, t(when)),
        }
        .expect("agreement of known parties");
    }

    // With the fund on the table, what the three offer together grows.
    let wants = s.table.wants.clone();
    s.set_table(
        &wants,
        "gezamenlijk onderzoek naar de kosten van huurachterstand; een fonds voor huurachterstand (voorstel)",
        t("11:22"),
    );

    let reading = s.record_temperature(Temperature::Vriendschappelijk, "", t("10:10"));
    s.toggle_tried(&reading, "eigen_belang_noemen", t("10:12")).expect("a reading of this meeting");

    // The five conditions, each scored 1 to 5 by the room; on the ambition
    // the parties also scored for themselves, and lie far apart.
    score(
        &mut s,
        [
            (4, "één wijkaanpak per complex staat"),
            (3, "fonds voor huurachterstand nog een voorstel"),
            (3, "open gesprek, ook over de grondvorm"),
            (2, "afspraken op hoofdlijnen, nog geen rollen of geldstromen"),
            (4, "vaste reflectie aan het eind van elke sessie"),
        ],
        t("11:34"),
    );
    let ambition = Condition::GedeeldeAmbitie;
    s.score_condition_for_party(ambition, &gemeente, Some(5), "", t("11:36")).expect("a known party");
    s.score_condition_for_party(
        ambition,
        &woonstede,
        Some(3),
        "wij zien vernieuwen, geen verbeteren",
        t("11:37"),
    )
    .expect("a known party");
    s.score_condition_for_party(ambition, &de_linde, Some(4), "", t("11:38")).expect("a known party");
    s.set_trust(TrustStage::BerekenendVerbinden, "bijdrage naar rato: ieder rekent nog mee", t("11:40"));

    // Diagnosis: under-organisation suspected; its first intervention becomes an agreement.
    let p = TypicalProblem::Onderorganisatie;
    s.toggle_indicator(p, "weinig_afspraken", t("11:42")).expect("an indicator");
    s.set_problem_note(p, "alles loopt via Anouk en de wethouder", t("11:43"));
    s.set_finding(p, Some(Finding::Vermoed), t("11:44"));
    s.set_route_note(
        RouteField::Analyse,
        "toen: woningtoewijzing; nu: wie betaalt en wie organiseert",
        t("11:45"),
    );
    s.set_route_note(
        RouteField::Diagnose,
        "onderorganisatie vermoed: afspraken op hoofdlijnen, nog geen structuur",
        t("11:46"),
    );
    let intervention = kompas::content::relationship::guide().problem(p).intervention("rollen_vastleggen");
    let text = &intervention.expect("an intervention of the problem").text.nl;
    s.intervention_to_agreement(p, "rollen_vastleggen", text, t("11:47"))
        .expect("an intervention of the problem");
    s.set_continuation(Some(Continuation::Doorgaan), t("11:48"));
    meeting::meeting3(&mut s);
    s
}

/// File name in `sessions/` and session, for every meeting.
pub fn meetings() -> Vec<(String, Session)> {
    [meeting1(), meeting2(), meeting3()]
        .into_iter()
        .map(|s| (format!("{}-{SLUG}.json", s.meeting_date.format("%Y-%m-%d")), s))
        .collect()
}

/// The bytes kompas writes for a session: pretty JSON and a trailing newline.
pub fn to_json(s: &Session) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(s).expect("a session always serialises");
    bytes.push(b'\n');
    bytes
}

#[allow(dead_code)]
fn main() -> std::io::Result<()> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    std::fs::create_dir_all(&dir)?;
    for (name, session) in meetings() {
        let path = dir.join(name);
        std::fs::write(&path, to_json(&session))?;
        println!("{}", path.display());
    }
    Ok(())
}
