//! Typing survives a kill: the draft journal brings back what was in an open
//! form, and a second kompas on the same session gets it read-only.

use crate::support;

use std::time::Duration;

use support::only_session;
use support::pty::*;

fn sigkill(k: &Kompas) {
    let pid = k.pid().expect("pid") as i32;
    let status = std::process::Command::new("kill").args(["-KILL", &pid.to_string()]).status().unwrap();
    assert!(status.success());
}

/// kompas started on a new English session "Zuiderveld" in `dir/s`, in a
/// terminal of `cols` x `rows` with `env` set, once its empty map is shown.
fn new_english_session(dir: &std::path::Path, cols: u16, rows: u16, env: &[(&str, &str)]) -> Kompas {
    let args = ["--sessions-dir", "s", "--lang", "en", "new", "Zuiderveld"];
    let k = Kompas::start_with_env(&args, dir, cols, rows, env);
    k.wait_for("No parties yet", 10);
    k
}

#[test]
fn typing_in_an_open_form_survives_kill_minus_nine() {
    let tmp = tempfile::tempdir().unwrap();
    let mut k = Kompas::start(
        &["--sessions-dir", "s", "--lang", "nl", "new", "Zuiderveld", "--date", "2026-03-12"],
        tmp.path(),
        80,
        24,
    );
    k.wait_for("Nog geen partijen", 10);
    k.send("p");
    k.send("Woonstede");
    k.send(ENTER);
    k.wait_for("Woonstede", 5);
    k.send("j");
    k.send("a");
    k.wait_for("Nieuw belang", 5);
    k.send("Leefbaarheid van complexen");
    k.wait_for("Leefbaarheid van complexen", 5);
    // The journal is written within about a second of the last key.
    let file = only_session(&tmp.path().join("s"));
    let draft = file.with_file_name(format!(".{}.draft.json", file.file_name().unwrap().to_string_lossy()));
    assert!(
        k.wait_for_file_holding(&draft, "Leefbaarheid van complexen", 3),
        "the draft journal lacks the typing three seconds after it"
    );
    sigkill(&k);
    k.wait_exit(5);
    assert!(draft.exists(), "no draft journal after the kill");

    let mut k = Kompas::start(&["--lang", "nl", file.to_str().unwrap()], tmp.path(), 80, 24);
    k.wait_for("Niet-opgeslagen tekst hersteld", 10);
    k.wait_for("Leefbaarheid van complexen", 5);
    k.send(" bewaken");
    k.send(ENTER);
    k.wait_for("bewaken", 5);
    k.send("q");
    assert_eq!(k.wait_exit(10), 0);
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(doc["interests"][0]["text"], "Leefbaarheid van complexen bewaken");
    assert!(!draft.exists(), "the journal stays after its text was saved");
}

#[test]
fn quitting_with_typing_in_a_form_keeps_it_for_next_time() {
    let tmp = tempfile::tempdir().unwrap();
    let mut k = Kompas::start(&["--sessions-dir", "s", "new", "Zuiderveld"], tmp.path(), 80, 24);
    k.wait_for("Nog geen partijen", 10);
    k.send("p");
    k.send("Gemeente Zuider");
    k.wait_for("Gemeente Zuider", 5);
    // Ctrl+C quits even from a form; the typing goes to the journal.
    k.send("\x03");
    assert_eq!(k.wait_exit(10), 0);
    let file = only_session(&tmp.path().join("s"));
    let k = Kompas::start(&["--lang", "nl", file.to_str().unwrap()], tmp.path(), 80, 24);
    k.wait_for("Gemeente Zuider", 10);
}

#[test]
fn a_journal_that_cannot_be_written_is_said_at_once_and_the_typing_printed_on_quit() {
    let tmp = tempfile::tempdir().unwrap();
    // Neither beside the session (a folder planted at the journal's name)
    // nor in the state folder (a file where its folder would go).
    let state = tmp.path().join("state-is-a-file");
    std::fs::write(&state, "").unwrap();
    let env = [("XDG_STATE_HOME", state.to_str().unwrap())];
    let mut k = new_english_session(tmp.path(), 120, 35, &env);
    let file = only_session(&tmp.path().join("s"));
    let draft = file.with_file_name(format!(".{}.draft.json", file.file_name().unwrap().to_string_lossy()));
    std::fs::create_dir(&draft).unwrap();
    k.send("p");
    k.send("Gemeente Zuider");
    // Within about a second of the last key, on the status line.
    let screen = k.wait_for("draft not kept", 3);
    assert!(screen.contains("Typed text NOT kept in the draft journal"), "{screen}");
    // The journal's thread tries again by itself: once the folder is gone
    // the typing is kept, and the status line says so.
    std::fs::remove_dir(&draft).unwrap();
    k.wait_for("Typed text is being kept again", 5);
    assert!(k.wait_for_file(&draft, 2) && draft.is_file());
    std::fs::remove_file(&draft).unwrap();
    std::fs::create_dir(&draft).unwrap();
    k.send("e");
    k.wait_for("draft not kept", 3);
    // Ctrl+C quits from the form: the typing is printed to copy.
    k.send("\x03");
    assert_eq!(k.wait_exit(10), 0);
    let screen = k.screen();
    assert!(screen.contains("The text typed in the open form could not be kept"), "{screen}");
    assert!(screen.contains("Gemeente Zuidere"), "{screen}");
    assert!(draft.is_dir(), "the planted folder is left alone");
}

#[test]
fn a_second_kompas_gets_the_session_read_only() {
    let tmp = tempfile::tempdir().unwrap();
    let mut first = new_english_session(tmp.path(), 80, 24, &[]);
    let file = only_session(&tmp.path().join("s"));
    let mut second = Kompas::start(&["--lang", "en", file.to_str().unwrap()], tmp.path(), 80, 24);
    second.wait_for("READ-ONLY", 10);
    second.send("p");
    second.wait_for("changes are not possible", 5);
    second.send("q");
    second.wait_exit(10);
    // The lock dies with its holder: after a kill the next one may write.
    sigkill(&first);
    first.wait_exit(5);
    let mut third = Kompas::start(&["--lang", "en", file.to_str().unwrap()], tmp.path(), 80, 24);
    third.wait_for("No parties yet", 10);
    assert!(!third.screen().contains("READ-ONLY"));
    third.send("q");
    third.wait_exit(10);
}

#[test]
fn a_panic_restores_the_terminal_and_writes_a_recovery_file() {
    let tmp = tempfile::tempdir().unwrap();
    let env = [("KOMPAS_TEST_PANIC", "%")];
    let mut k = new_english_session(tmp.path(), 100, 30, &env);
    assert_eq!(k.modes(), (true, true, true, false), "full-screen mode while running");
    k.send("p");
    k.send("Woonstede");
    k.send(ENTER);
    k.wait_until("saved", 5, |s| s.contains("Woonstede") && !s.contains("New party"));
    k.send("%");
    let code = k.wait_exit(10);
    assert_ne!(code, 0, "a panic is not a clean exit");
    let (alternate, hidden, paste, mouse) = k.modes();
    assert!(!alternate, "still on the alternate screen");
    assert!(!hidden, "the cursor is still hidden");
    assert!(!paste, "bracketed paste is still on");
    assert!(!mouse, "mouse reporting is still on");
    let screen = k.wait_for("written to", 5);
    let recovered: Vec<_> = std::fs::read_dir(tmp.path().join("s"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".recovered-"))
        .collect();
    assert_eq!(recovered.len(), 1, "{recovered:?}\n{screen}");
    let name = recovered[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(screen.replace('\n', "").contains(&name[..20]), "the path is printed:\n{screen}");
    let loaded = kompas::storage::load(&recovered[0]).unwrap();
    assert_eq!(loaded.session.parties[0].organisation, "Woonstede");
}

#[test]
fn a_file_that_does_not_load_is_reported_on_stderr_and_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("kapot.json");
    std::fs::write(&file, b"{\n  \"format\": \"kompas-session\",\n  \"version\": 1,\n  \"title\": 12\n")
        .unwrap();
    let before = std::fs::read(&file).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kompas")).arg(&file).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("kapot.json"), "{err}");
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

/// A full disk, simulated with a file-size limit (no root needed): saving
/// fails visibly, the file stays byte-identical with no temp file left, and
/// saving resumes by itself once the limit is lifted.
#[test]
fn a_full_disk_fails_visibly_keeps_the_file_and_recovers() {
    if std::process::Command::new("prlimit").arg("--version").output().is_err() {
        eprintln!("prlimit is not installed; skipping");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("s");
    let mut k = Kompas::start_script(
        "ulimit -S -f 8 && exec \"$KOMPAS\" --sessions-dir s --lang en new Zuiderveld",
        tmp.path(),
        100,
        30,
    );
    k.wait_for("No parties yet", 10);
    let file = only_session(&dir);
    k.send("p");
    k.send("Woonstede");
    k.send(ENTER);
    k.wait_until("saved", 10, |s| {
        s.contains("Woonstede") && s.contains("✓ saved") && !s.contains("New party")
    });
    // The screen can be read halfway through a frame (the map drawn, the
    // status line not yet): the file itself says when the party is saved.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while !String::from_utf8_lossy(&std::fs::read(&file).unwrap()).contains("Woonstede") {
        assert!(std::time::Instant::now() < deadline, "the party never reached the file");
        std::thread::sleep(Duration::from_millis(10));
    }
    let before = std::fs::read(&file).unwrap();
    // An agreement far longer than the 8 KB the file may grow to.
    k.send("\t");
    k.wait_for("Agreement ", 10);
    k.send("a");
    k.wait_for("New agreement", 10);
    // Pasted (bracketed paste), as a facilitator would bring in a long text.
    k.send(&format!("\x1b[200~{}\x1b[201~", "lange tekst ".repeat(1200)));
    k.send(ENTER);
    k.wait_for("NOT SAVED", 10);
    assert_eq!(
        String::from_utf8_lossy(&std::fs::read(&file).unwrap()),
        String::from_utf8_lossy(&before),
        "the file changed after a failed save"
    );
    let temps: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("tmp"))
        .collect();
    assert!(temps.is_empty(), "temp files left: {temps:?}");
    // The cause goes away: saving resumes within about a second.
    let pid = k.pid().unwrap().to_string();
    let ok = std::process::Command::new("prlimit")
        .args(["--pid", &pid, "--fsize=unlimited:unlimited"])
        .status()
        .unwrap();
    assert!(ok.success());
    k.wait_until("saved again", 5, |s| s.contains("✓ saved") && !s.contains("NOT SAVED"));
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert!(doc["agreements"][0]["text"].as_str().unwrap().starts_with("lange tekst"));
    k.send("q");
    assert_eq!(k.wait_exit(10), 0);
}

/// SIGTERM, SIGHUP (the terminal window closed) and SIGINT: kompas exits
/// cleanly, restores the terminal and keeps the typing of an open form.
#[test]
fn signals_end_kompas_cleanly_and_keep_the_typing() {
    for signal in ["TERM", "HUP", "INT"] {
        let tmp = tempfile::tempdir().unwrap();
        let mut k = new_english_session(tmp.path(), 80, 24, &[]);
        k.send("p");
        k.send(&format!("Typed before SIG{signal}"));
        k.wait_for(&format!("Typed before SIG{signal}"), 5);
        let pid = k.pid().unwrap().to_string();
        assert!(
            std::process::Command::new("kill")
                .args([&format!("-{signal}"), &pid])
                .status()
                .unwrap()
                .success()
        );
        let code = k.wait_exit(10);
        assert_eq!(code, 0, "SIG{signal}: not a clean exit");
        let (alternate, hidden, paste, _) = k.modes();
        assert!(!alternate && !hidden && !paste, "SIG{signal}: terminal not restored");
        let file = only_session(&tmp.path().join("s"));
        let id = kompas::storage::load(&file).unwrap().session.id;
        let draft = kompas::storage::journal::read_draft(&file, &id).expect("the typing is in the journal");
        assert!(draft.to_string().contains(&format!("Typed before SIG{signal}")), "SIG{signal}: {draft}");
    }
}
