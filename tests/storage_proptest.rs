//! Save then load gives back exactly the session, whatever text it holds:
//! control characters, terminal escapes, bidi overrides, C1 controls, NUL,
//! emoji, combining accents, empty strings, and one very long text.

use crate::common;

use common::*;
use kompas::domain::*;
use kompas::storage;
use proptest::prelude::*;

fn nasty_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\0".to_string()),
        Just("\u{1b}[31m".to_string()),
        Just("\u{1b}]0;pwned\u{7}".to_string()),
        Just("\u{202E}".to_string()),
        Just("\u{2066}".to_string()),
        Just("\u{2069}".to_string()),
        Just("\u{85}".to_string()),
        Just("\u{9b}".to_string()),
        Just("\u{7f}".to_string()),
        Just("\r\n".to_string()),
        Just("\t".to_string()),
        Just("\"\\/".to_string()),
        Just("\u{2028}\u{2029}".to_string()),
        Just("🎉👩‍👩‍👧".to_string()),
        Just("e\u{301}\u{308}".to_string()),
        Just("Zoë Brönte — één".to_string()),
        Just("\u{feff}".to_string()),
        Just("\u{10ffff}".to_string()),
        Just(String::new()),
        any::<char>().prop_map(String::from),
        "[a-zA-Z ]{0,8}",
    ];
    prop::collection::vec(piece, 0..10).prop_map(|pieces| pieces.concat())
}

/// The realistic session with its text replaced by `texts` (cycled).
fn with_texts(texts: &[String]) -> Session {
    let mut s = realistic_session();
    let mut next = texts.iter().cycle().cloned();
    let mut t = || next.next().unwrap_or_default();
    s.title = format!("T{}", t()); // a blank title breaks a rule
    s.facilitator = t();
    for p in &mut s.parties {
        p.organisation = t();
        p.representative = t();
        p.wants = t();
        p.offers = t();
    }
    for i in &mut s.interests {
        i.text = t();
    }
    for a in &mut s.agreements {
        a.text = t();
        a.extra.insert(format!("x-{}", t()), serde_json::Value::String(t()));
    }
    for r in &mut s.reflections {
        r.question = t();
        r.answer = t();
        r.prompt = Some(t());
    }
    for reading in &mut s.temperature {
        reading.note = t();
    }
    s.ambition.problem = t();
    s.context.environment = t();
    s.phase_history[1].reason = Some(t());
    s.extra.insert(format!("x-{}", t()), serde_json::json!([t(), {"k": t()}]));
    assert!(s.problems().is_empty());
    s
}

fn round_trip(session: &Session) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    storage::save(&path, session).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    // Control characters are escaped in the file, so showing it in a
    // terminal (`cat`) cannot be hijacked: only newlines and spaces are raw.
    assert!(bytes.iter().all(|&b| b >= 0x20 || b == b'\n'), "raw control byte in the file");
    let loaded = storage::load(&path).unwrap();
    assert_eq!(&loaded.session, session);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn save_then_load_gives_back_any_text(texts in prop::collection::vec(nasty_text(), 1..40)) {
        round_trip(&with_texts(&texts));
    }
}

#[test]
fn a_one_megabyte_text_round_trips() {
    let unit = "Één wijkteam \u{1b}[1m\u{202E}\u{85}\0 🎉 e\u{301}\n";
    let big = unit.repeat(1_048_576 / unit.len() + 1);
    assert!(big.len() >= 1_048_576);
    let mut session = with_texts(&["kort".to_string()]);
    session.reflections[0].answer = big;
    round_trip(&session);
}

#[test]
fn empty_strings_everywhere_round_trip() {
    round_trip(&with_texts(&[String::new()]));
}
