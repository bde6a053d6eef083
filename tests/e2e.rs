//! The real binary in a pseudo-terminal: a facilitator starts a session,
//! adds a party, an interest and an agreement, moves a phase, quits; the
//! JSON file holds all of it.

use crate::support;

use support::pty::*;
use support::session_files;

#[test]
fn facilitator_runs_a_first_meeting_and_the_file_holds_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut k = Kompas::start(
        &[
            "--sessions-dir",
            "s",
            "--lang",
            "nl",
            "new",
            "Weer thuis in de wijk — Zuiderveld",
            "--date",
            "2026-03-12",
            "--facilitator",
            "Anouk de Vries",
        ],
        dir,
        80,
        24,
    );
    k.wait_for("Nog geen partijen", 10);

    // A party, with its representative.
    k.send("p");
    k.wait_for("Nieuwe partij", 5);
    k.send("Woonstede");
    k.send(TAB);
    k.send("Marieke Jansen");
    k.send(ENTER);
    k.wait_for("Marieke Jansen", 5);

    // An organisational interest: one row down from the party row.
    k.send("j");
    k.send("a");
    k.wait_for("Nieuw belang", 5);
    k.send("Leefbaarheid van complexen bewaken");
    k.send(ENTER);
    k.wait_for("Leefbaarheid", 5);

    // An agreement in the log, with a due date.
    k.send(TAB);
    k.wait_for("Nog geen afspraken", 5);
    k.send("a");
    k.wait_for("Nieuwe afspraak", 5);
    k.send("Gemeente nodigt huurdersvereniging uit");
    k.send(TAB); // owner
    k.send(TAB); // due date
    k.send("2026-03-26");
    k.send(ENTER);
    k.wait_for("huurdersvereniging", 5);

    // On to sharing interests, then quit: no "save?" question.
    k.send("]");
    k.wait_for("▶2 Delen", 5);
    k.send("q");
    assert_eq!(k.wait_exit(10), 0);

    let files = session_files(&dir.join("s"));
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].ends_with("2026-03-12-weer-thuis-in-de-wijk-zuiderveld.json"), "{files:?}");
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&files[0]).unwrap()).unwrap();
    assert_eq!(doc["format"], "kompas-session");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["facilitator"], "Anouk de Vries");
    assert_eq!(doc["parties"][0]["organisation"], "Woonstede");
    assert_eq!(doc["parties"][0]["representative"], "Marieke Jansen");
    assert_eq!(doc["interests"][0]["text"], "Leefbaarheid van complexen bewaken");
    assert_eq!(doc["interests"][0]["kind"], "organisatie");
    assert_eq!(doc["interests"][0]["party"], doc["parties"][0]["id"]);
    assert_eq!(doc["interests"][0]["phase"], "verkennen");
    assert_eq!(doc["agreements"][0]["text"], "Gemeente nodigt huurdersvereniging uit");
    assert_eq!(doc["agreements"][0]["due"], "2026-03-26");
    assert_eq!(doc["agreements"][0]["status"], "proposed");
    assert_eq!(doc["phase"], "delen");
    let history = doc["phase_history"].as_array().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[1]["from"], "verkennen");
    assert_eq!(history[1]["to"], "delen");
    // The session file loads back through the program's own loader.
    kompas::storage::load(&files[0]).expect("the written file loads");
}

#[test]
fn the_terminal_is_restored_on_quit() {
    let tmp = tempfile::tempdir().unwrap();
    let mut k = Kompas::start(&["--sessions-dir", "s", "--lang", "en"], tmp.path(), 80, 24);
    k.wait_for("No sessions in this folder yet", 10);
    k.send("q");
    assert_eq!(k.wait_exit(10), 0);
    // Leaving the alternate screen brings back the (empty) main screen.
    assert!(!k.screen().contains("No sessions"), "{}", k.screen());
}

#[test]
fn an_idle_kompas_draws_nothing_and_uses_no_cpu() {
    let tmp = tempfile::tempdir().unwrap();
    let mut k = Kompas::start(&["--sessions-dir", "s", "--lang", "nl", "new", "Stil"], tmp.path(), 80, 24);
    k.wait_for("Nog geen partijen", 10);
    std::thread::sleep(std::time::Duration::from_millis(300));
    let (bytes, ticks) = (k.bytes_written(), k.cpu_ticks());
    std::thread::sleep(std::time::Duration::from_secs(2));
    assert_eq!(k.bytes_written(), bytes, "kompas drew while nothing happened");
    let used = k.cpu_ticks() - ticks;
    assert!(used <= 1, "kompas used {used} clock ticks of CPU in 2 idle seconds");
    k.send("q");
    assert_eq!(k.wait_exit(10), 0);
}

/// A follow-up started with the date typed and journaled (a pause before
/// Enter) leaves no draft behind: reopening the meeting does not offer the
/// follow-up form again, so no duplicate meeting can be made from it.
#[test]
fn a_started_follow_up_leaves_no_draft_to_offer_again() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let name = "2026-05-20-weer-thuis-in-de-wijk-zuiderveld.json";
    std::fs::copy(demo.join(name), dir.join(name)).unwrap();
    let draft = dir.join(format!(".{name}.draft.json"));
    let mut k = Kompas::start(&["--lang", "en", name], dir, 120, 35);
    k.wait_for("Agreements", 10);
    k.send("v");
    k.wait_for("Follow-up: date of the next meeting", 5);
    k.send("\u{15}2026-06-24");
    assert!(k.wait_for_file_holding(&draft, "2026-06-24", 5), "the typed date is journaled");
    k.send(ENTER);
    k.wait_for("24 Jun 2026", 10);
    k.send("q");
    assert_eq!(k.wait_exit(10), 0);
    assert!(!draft.exists(), "the follow-up's draft is gone");
    let names = support::session_files(dir);
    assert_eq!(names.len(), 2, "{names:?}");
    // Reopened: the meeting shows, not the follow-up form.
    let mut k = Kompas::start(&["--lang", "en", name], dir, 120, 35);
    let screen = k.wait_for("Agreements", 10);
    assert!(!screen.contains("Follow-up: date"), "{screen}");
    assert!(!screen.contains("restored"), "{screen}");
    k.send("q");
    assert_eq!(k.wait_exit(10), 0);
}
