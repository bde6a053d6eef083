//! Helpers shared by the integration tests: the storage tests' sessions
//! and files, and sending actions to the app the way pane tests do.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{DateTime, NaiveDate};
use kompas::domain::*;

pub fn at(s: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(s).unwrap()
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A session as a facilitator would leave it after a morning: three
/// parties, interests of all kinds, agreements with due dates, reflections,
/// thermometer readings and a step back in the phases. Dutch accents.
pub fn realistic_session() -> Session {
    let t = |hm: &str| at(&format!("2026-03-12T{hm}:00+01:00"));
    let mut s = Session::new(
        "2026-03-12-weer-thuis".into(),
        "Weer thuis in de wijk — Zuiderveld",
        date(2026, 3, 12),
        "Anouk de Vrieß",
        t("09:30"),
    )
    .unwrap();
    let party = |org: &str, rep: &str, role: &str, wants: &str, offers: &str| PartyFields {
        organisation: org.into(),
        representative: rep.into(),
        role: role.into(),
        wants: wants.into(),
        offers: offers.into(),
    };
    let gemeente = s
        .add_party(
            &party(
                "Gemeente Zuiderveld",
                "Thijs van Dijk",
                "wethouder zorg",
                "Minder wachtlijsten, één aanspreekpunt",
                "Budget voor een proeftuin; ruimte in regels",
            ),
            t("09:40"),
        )
        .unwrap();
    let woon = s
        .add_party(
            &party(
                "Woonstichting De Brug",
                "Inés Çelik",
                "manager wonen",
                "Huurders die zelfstandig blijven wonen",
                "Woningen op de begane grond, buurtkamer",
            ),
            t("09:41"),
        )
        .unwrap();
    let zorg = s
        .add_party(
            &party(
                "Zorggroep Noördwijk",
                "Zoë Brönte",
                "bestuurder",
                "Eerder in beeld bij kwetsbare ouderen",
                "Wijkverpleging, casemanagement",
            ),
            t("09:42"),
        )
        .unwrap();
    s.add_interest(&gemeente, InterestKind::Organisatie, "Beleid ‘langer thuis’ waarmaken", t("09:50"))
        .unwrap();
    s.add_interest(
        &gemeente,
        InterestKind::Individueel,
        "Herverkiezing; geen incidenten in de krant",
        t("09:51"),
    )
    .unwrap();
    s.add_interest(
        &woon,
        InterestKind::Organisatie,
        "Leefbaarheid in de flats aan de Kerkstraat",
        t("09:52"),
    )
    .unwrap();
    s.add_interest(
        &zorg,
        InterestKind::Collectief,
        "Ouderen die niet aan tafel zitten: eenzaamheid",
        t("09:53"),
    )
    .unwrap();
    s.add_interest(&zorg, InterestKind::Individueel, "Angst om budget kwijt te raken", t("09:54")).unwrap();
    s.set_ambition(
        AmbitionLens::Problem,
        "Ouderen komen te laat in beeld en belanden in het ziekenhuis.",
        t("10:00"),
    );
    s.set_ambition(AmbitionLens::Solution, "Eén wijkteam met één dossier per bewoner.", t("10:01"));
    s.set_context(ContextAspect::Players, "Zorgverzekeraar zit (nog) niet aan tafel.", t("10:02"));
    s.move_to_phase(Phase::Delen, None, t("10:15")).unwrap();
    let fields =
        |text: &str, owner: Option<&str>, parties: &[&str], due: Option<NaiveDate>, status| AgreementFields {
            text: text.into(),
            owner: owner.map(String::from),
            parties: parties.iter().map(|p| p.to_string()).collect(),
            due,
            status,
            phase_result: false,
        };
    s.add_agreement(
        &fields(
            "Intentieverklaring opstellen en rondsturen",
            Some(&gemeente),
            &[&gemeente, &woon, &zorg],
            Some(date(2026, 4, 1)),
            AgreementStatus::Agreed,
        ),
        t("10:30"),
    )
    .unwrap();
    s.add_agreement(
        &fields(
            "Cijfers over heropnames delen",
            Some(&zorg),
            &[&zorg],
            Some(date(2026, 3, 1)),
            AgreementStatus::Proposed,
        ),
        t("10:31"),
    )
    .unwrap();
    s.add_agreement(
        &fields("Buurtkamer beschikbaar stellen", Some(&woon), &[], None, AgreementStatus::Done),
        t("10:32"),
    )
    .unwrap();
    s.add_reflection(
        Some("delen-1"),
        "Wat hebben we van elkaar geleerd?",
        "Dat de woonstichting al een buurtkamer heeft — niemand wist het.",
        t("10:40"),
    )
    .unwrap();
    s.add_reflection(None, "Waar zit de spanning?", "Geld: wie betaalt de coördinator?", t("10:41")).unwrap();
    s.record_temperature(Temperature::Vriendschappelijk, "", t("10:00"));
    s.record_temperature(Temperature::Waakzaam, "Zorggroep houdt de kaarten tegen de borst", t("10:45"));
    s.move_to_phase(Phase::Overeenkomen, Some("Eerste afspraken liggen er"), t("11:00")).unwrap();
    s.move_to_phase(Phase::Delen, Some("Nieuw belang: de huisartsen"), t("11:20")).unwrap();
    assert!(s.problems().is_empty(), "{:?}", s.problems());
    s
}

/// The bytes and modification time of a file.
pub fn snapshot(path: &Path) -> (Vec<u8>, SystemTime) {
    (fs::read(path).unwrap(), fs::metadata(path).unwrap().modified().unwrap())
}

/// Names of the entries of a folder, sorted.
pub fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// Entries of a folder that are temp files of a save.
pub fn temp_files_in(dir: &Path) -> Vec<String> {
    names_in(dir).into_iter().filter(|n| n.contains(".kompas-tmp-")).collect()
}

#[cfg(unix)]
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

pub fn fixture_dir(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(kind)
}

/// "line N, column M" with numbers, somewhere in the text.
pub fn has_line_and_column(text: &str) -> bool {
    text.match_indices("line ").any(|(i, _)| {
        let rest = &text[i + 5..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        digits > 0 && {
            let rest = &rest[digits..];
            rest.strip_prefix(", column ").is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        }
    })
}

/// Send `actions` to the app at `now`, as the pane tests do, and return the
/// effects without the draft journal's (`Effect::is_journal`): those follow
/// every keystroke in a form and are tested in `journal.rs`.
pub fn send_at(
    state: &mut kompas::app::AppState,
    now: Timestamp,
    actions: impl IntoIterator<Item = kompas::app::Action>,
) -> Vec<kompas::app::Effect> {
    actions.into_iter().flat_map(|a| kompas::app::update(state, a, now)).filter(|e| !e.is_journal()).collect()
}
