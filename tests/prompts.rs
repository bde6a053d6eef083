//! The prompt library `assets/prompts.json`: its format, and the rules for
//! which questions each phase offers.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

const PHASES: [&str; 5] = ["verkennen", "delen", "overeenkomen", "vormgeven", "uitvoeren"];
const THEMES: [&str; 10] = [
    "ambitie",
    "belangen",
    "context",
    "netwerk",
    "vertrouwen",
    "macht",
    "conflict",
    "leiderschap",
    "waarde",
    "waarschuwing",
];
const RECOMMENDATIONS: [&str; 5] = ["vertrouwen", "macht", "conflict", "leiderschap", "waarde"];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Library {
    format: String,
    version: u32,
    prompts: Vec<Prompt>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Prompt {
    id: String,
    phases: Vec<String>,
    theme: String,
    nl: String,
    en: String,
}

fn text() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/prompts.json");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn library() -> Library {
    serde_json::from_str(&text()).unwrap_or_else(|e| panic!("assets/prompts.json: {e}"))
}

fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && s.split('-')
            .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// The prompts shown in `phase`.
fn in_phase<'a>(lib: &'a Library, phase: &'a str) -> impl Iterator<Item = &'a Prompt> + 'a {
    lib.prompts.iter().filter(move |p| p.phases.iter().any(|x| x == phase))
}

#[test]
fn format_and_version() {
    let lib = library();
    assert_eq!(lib.format, "kompas-prompts");
    assert_eq!(lib.version, 1);
    assert!(!lib.prompts.is_empty());
}

#[test]
fn ids_are_unique_kebab_case_with_the_main_phase_as_prefix() {
    let lib = library();
    let mut seen = BTreeSet::new();
    for p in &lib.prompts {
        assert!(seen.insert(p.id.as_str()), "{}: id used twice", p.id);
        let (prefix, name) = p.id.split_once('.').unwrap_or_else(|| panic!("{}: no prefix", p.id));
        assert!(is_kebab(name), "{}: not lowercase ascii kebab-case after the prefix", p.id);
        if prefix == "alle" {
            let phases: BTreeSet<&str> = p.phases.iter().map(String::as_str).collect();
            assert_eq!(
                phases,
                PHASES.into_iter().collect(),
                "{}: an alle. prompt is shown in every phase",
                p.id
            );
        } else {
            assert!(PHASES.contains(&prefix), "{}: prefix is not a phase id or alle", p.id);
            assert!(p.phases.iter().any(|x| x == prefix), "{}: not shown in its own phase {prefix}", p.id);
        }
    }
}

#[test]
fn phases_and_themes_are_known() {
    for p in library().prompts {
        assert!(!p.phases.is_empty(), "{}: no phases", p.id);
        let unique: BTreeSet<&String> = p.phases.iter().collect();
        assert_eq!(unique.len(), p.phases.len(), "{}: a phase is listed twice", p.id);
        for phase in &p.phases {
            assert!(PHASES.contains(&phase.as_str()), "{}: unknown phase {phase}", p.id);
        }
        assert!(THEMES.contains(&p.theme.as_str()), "{}: unknown theme {}", p.id, p.theme);
    }
}

#[test]
fn questions_are_short_single_questions_in_both_languages() {
    for p in library().prompts {
        for (lang, q) in [("nl", &p.nl), ("en", &p.en)] {
            assert!(!q.trim().is_empty(), "{} {lang}: empty", p.id);
            assert_eq!(q.trim(), q, "{} {lang}: leading or trailing space", p.id);
            assert!(q.ends_with('?'), "{} {lang}: does not end with ?", p.id);
            assert_eq!(q.matches('?').count(), 1, "{} {lang}: more than one question", p.id);
            assert!(q.chars().count() <= 100, "{} {lang}: longer than 100 characters", p.id);
            assert!(!q.contains('\n'), "{} {lang}: more than one line", p.id);
        }
    }
}

#[test]
fn each_phase_offers_nine_to_twelve_questions() {
    let lib = library();
    for phase in PHASES {
        let n = in_phase(&lib, phase).count();
        assert!((9..=12).contains(&n), "{phase}: {n} questions, expected 9 to 12 (alle. included)");
    }
}

#[test]
fn each_phase_has_a_warning_and_an_interest_or_network_question() {
    let lib = library();
    for phase in PHASES {
        let themes: BTreeSet<&str> = in_phase(&lib, phase).map(|p| p.theme.as_str()).collect();
        assert!(themes.contains("waarschuwing"), "{phase}: no waarschuwing question");
        assert!(
            themes.contains("netwerk") || themes.contains("belangen"),
            "{phase}: no netwerk or belangen question"
        );
    }
}

#[test]
fn each_recommendation_appears_in_at_least_two_phases() {
    let lib = library();
    let mut phases_of: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for p in &lib.prompts {
        phases_of.entry(p.theme.as_str()).or_default().extend(p.phases.iter().map(String::as_str));
    }
    for theme in RECOMMENDATIONS {
        let n = phases_of.get(theme).map_or(0, BTreeSet::len);
        assert!(n >= 2, "{theme}: shown in {n} phase(s), expected at least 2");
    }
    for theme in THEMES {
        assert!(phases_of.contains_key(theme), "no question with theme {theme}");
    }
}

#[test]
fn there_are_a_few_questions_for_every_phase() {
    let n = library().prompts.iter().filter(|p| p.id.starts_with("alle.")).count();
    assert!((1..=4).contains(&n), "{n} alle. questions");
}

#[test]
fn no_line_is_longer_than_140_characters() {
    for (i, line) in text().lines().enumerate() {
        let n = line.chars().count();
        assert!(n <= 140, "line {} has {n} characters", i + 1);
    }
}
