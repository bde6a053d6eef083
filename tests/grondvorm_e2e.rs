//! The real binary in a pseudo-terminal at 120x35, in English: a facilitator
//! runs the grondvorm conversation of phase 3 with two parties that see
//! different forms, settles on one, answers a key question and turns it into
//! an agreement; the file holds all of it, the agreement as a normal one.

use crate::support;

use support::only_session;
use support::pty::*;

#[test]
fn the_grondvorm_conversation_from_answers_to_an_agreement() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut k = Kompas::start(
        &["--sessions-dir", "s", "--lang", "en", "new", "Uitbesteding ICT", "--date", "2026-05-20"],
        dir,
        120,
        35,
    );
    k.wait_for("No parties yet", 10);
    for name in ["Telecom", "Provider"] {
        k.send("p");
        k.wait_for("New party", 5);
        k.send(name);
        k.send(ENTER);
        k.wait_for(name, 5);
    }
    // Phase 3, then the chooser.
    k.send("g");
    k.send("3");
    k.wait_for("▶3 Agree", 5);
    // Shift+Tab until the chooser (the panes after it grow with the instruments).
    for _ in 0..8 {
        k.send("\x1b[Z");
        let seen = std::time::Instant::now();
        while !k.screen().contains("TWO QUESTIONS PER PARTY") && seen.elapsed().as_millis() < 400 {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        if k.screen().contains("TWO QUESTIONS PER PARTY") {
            break;
        }
    }
    k.wait_for("TWO QUESTIONS PER PARTY", 5);

    // Telecom: improve + share. Provider: renew + share. The chooser opens
    // on the first party's row, below the heading.
    k.send(ENTER);
    k.wait_for("Two questions: the party's answers", 5);
    k.send(RIGHT);
    k.send(TAB);
    k.send(RIGHT);
    k.send(RIGHT);
    k.send(ENTER);
    k.wait_for("→ Functional", 5);
    k.send(DOWN);
    k.send(ENTER);
    k.wait_for("Two questions: the party's answers", 5);
    k.send(RIGHT);
    k.send(RIGHT);
    k.send(TAB);
    k.send(RIGHT);
    k.send(RIGHT);
    k.send(TAB);
    k.send("sees a strategic partner");
    k.send(ENTER);
    k.wait_for("⚠ forms differ", 5);
    k.wait_for("Basic form (⚠ 0/15)", 5);

    // The table settles on the functional form, with a rationale.
    k.send("c");
    k.wait_for("Choose the basic form", 5);
    k.send(TAB);
    k.send("the service first; product development apart");
    k.send(ENTER);
    k.wait_for("▶ Chosen: Functional", 5);

    // From the choice down to the finances key question.
    for _ in 0..5 {
        k.send(DOWN);
    }
    k.wait_for("Reference (Functional): paying for services delivered", 5);
    k.send(ENTER);
    k.wait_for("Answer to the key question", 5);
    k.send("payment per service, reviewed yearly");
    k.send(ENTER);
    k.wait_for("1 of 15 answered", 5);
    k.send("a");
    k.wait_for("Agreement from a key question", 5);
    k.send(TAB);
    k.send(RIGHT);
    k.send(TAB);
    k.send("2026-06-30");
    k.send(ENTER);
    k.wait_for("Agreement recorded", 5);
    // The key question points at its agreement (the tabs keep their counts
    // only while they fit, so the agreement log's count is not asked here).
    k.wait_until("the key question's agreement", 5, |s| s.contains("✓ Finances") && s.contains("→ 1"));

    // The design principles, and the four forms side by side.
    k.send("p");
    k.wait_for("Design principles: Functional", 5);
    k.send("4");
    k.wait_for("The four basic forms side by side", 5);
    k.send(ESC);
    k.wait_for("TWO QUESTIONS PER PARTY", 5);
    k.send("q");
    assert_eq!(k.wait_exit(10), 0);

    let file = only_session(&dir.join("s"));
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let parties = doc["parties"].as_array().unwrap();
    assert_eq!(parties[0]["grondvorm"]["intentie"], "verbeteren");
    assert_eq!(parties[0]["grondvorm"]["aard"], "delen");
    assert_eq!(parties[1]["grondvorm"]["intentie"], "vernieuwen");
    assert_eq!(parties[1]["grondvorm"]["note"], "sees a strategic partner");
    assert_eq!(doc["grondvorm"]["choice"]["form"], "functioneel");
    assert_eq!(doc["grondvorm"]["choice"]["phase"], "overeenkomen");
    assert_eq!(
        doc["grondvorm"]["key_questions"]["kv_huishouding"]["answer"],
        "payment per service, reviewed yearly"
    );
    let a = &doc["agreements"][0];
    assert_eq!(a["key_question"], "kv_huishouding");
    assert_eq!(a["text"], "payment per service, reviewed yearly");
    assert_eq!(a["owner"], parties[0]["id"]);
    assert_eq!(a["due"], "2026-06-30");
    assert_eq!(a["phase"], "overeenkomen");
}
