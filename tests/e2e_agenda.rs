//! The real binary in a pseudo-terminal runs a meeting against the clock:
//! an agenda from the phase's template, an item run past its time (the
//! header turns red), the clock's cost while it runs (at most 1 % of a
//! core), and no drawing and no CPU once it is stopped.

mod support;

use std::sync::Mutex;
use std::time::Duration;

use support::only_session;
use support::pty::*;

/// A new session in a 120x35 terminal, on the agenda pane.
/// The tests here run one at a time: the CPU a running clock costs is
/// measured, and another kompas of this file drawing beside it on a busy
/// machine would be counted in (the kernel charges CPU by sampling).
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner())
}

fn on_the_agenda(dir: &std::path::Path) -> Kompas {
    let mut k = Kompas::start(&["--sessions-dir", "s", "--lang", "nl", "new", "Klok"], dir, 120, 35);
    k.wait_for("Nog geen partijen", 10);
    for _ in 0..10 {
        if k.screen().contains("Nog geen agenda") {
            return k;
        }
        k.send(TAB);
        std::thread::sleep(Duration::from_millis(150));
    }
    k.wait_for("Nog geen agenda", 5);
    k
}

fn doc(dir: &std::path::Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(only_session(&dir.join("s"))).unwrap()).unwrap()
}

#[test]
fn an_item_runs_past_its_time_and_the_header_turns_red() {
    let _alone = one_at_a_time();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut k = on_the_agenda(dir);

    // An item of zero minutes: any second on it is past its time.
    k.send("a");
    k.wait_for("Nieuw agendapunt", 5);
    k.send("Stand van zaken");
    k.send(TAB);
    k.send(TAB);
    k.send("\x15"); // Ctrl+u empties the minutes
    k.send("0");
    k.send(ENTER);
    k.wait_for("Stand van zaken", 5);
    k.send("s");
    let screen = k.wait_until("the item past its time", 10, |s| s.contains("▶ punt 0:02/0:00"));
    assert!(screen.contains("totaal 0:02/0:00"), "{screen}");
    assert_eq!(k.background_of("punt 0:02/0:00"), Some(vt100::Color::Idx(1)), "red past 100 %");

    // On to the next: nothing left, the clock stops and leaves the header.
    k.send("n");
    k.wait_until("the clock stopped", 5, |s| !s.contains("▶ punt") && s.contains("✓ Stand van zaken"));
    k.send("q");
    assert_eq!(k.wait_exit(10), 0);
    let doc = doc(dir);
    assert_eq!(doc["agenda"][0]["title"], "Stand van zaken");
    assert_eq!(doc["agenda"][0]["planned_minutes"], 0);
    assert!(doc["agenda"][0]["done_at"].is_string());
    let clock = doc["agenda_clock"].as_array().unwrap();
    assert_eq!(clock.len(), 2, "{clock:?}");
    assert_eq!(clock[0]["item"], doc["agenda"][0]["id"]);
    assert!(clock[1]["item"].is_null(), "the clock stopped");
}

#[test]
fn a_running_clock_uses_at_most_one_percent_of_a_core_and_a_stopped_one_nothing() {
    let _alone = one_at_a_time();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut k = on_the_agenda(dir);
    k.send("m");
    k.wait_for("Welkom", 5);
    k.send("s");
    // The clock runs: any second after the start (a run at load may show
    // 0:02 before the screen is read).
    k.wait_until("the clock running", 10, |s| s.contains("▶ punt 0:0") && !s.contains("▶ punt 0:00/"));
    std::thread::sleep(Duration::from_millis(300));

    // Five seconds of a running clock: it redraws every second, cheaply.
    let ticks_per_sec = 100; // USER_HZ on Linux: /proc counts CPU time in 1/100 s
    let (bytes, ticks) = (k.bytes_written(), k.cpu_ticks());
    let before = k.screen();
    std::thread::sleep(Duration::from_secs(5));
    let used = k.cpu_ticks() - ticks;
    let drawn = k.bytes_written() - bytes;
    eprintln!("running clock over 5 s: {used} CPU ticks (1/100 s), {drawn} bytes written");
    assert!(
        used * 100 <= ticks_per_sec * 5,
        "a running clock used {used} ticks of CPU in 5 s (at most 1 % of a core: 5)"
    );
    assert!(drawn > 0 && k.screen() != before, "the clock moved on screen");
    // Only what changed is written: a few cells a second, not the screen.
    assert!(drawn < 5 * 400, "{drawn} bytes for five seconds of a clock");

    // Stopped: nothing is drawn and no CPU is used.
    k.send("p");
    k.wait_until("the clock stopped", 5, |s| !s.contains("▶ punt"));
    // Let the pause's own redraws (its save's status line) end: half a
    // second without output, at most 5 s; a clock still drawing never gets
    // there and fails below.
    let mut seen = k.bytes_written();
    let settling = std::time::Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(500));
        let now = k.bytes_written();
        if now == seen || settling.elapsed() > Duration::from_secs(5) {
            break;
        }
        seen = now;
    }
    let (bytes, ticks) = (k.bytes_written(), k.cpu_ticks());
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(k.bytes_written(), bytes, "kompas drew with the clock stopped");
    assert!(k.cpu_ticks() - ticks <= 1, "kompas used CPU with the clock stopped");
    k.send("q");
    assert_eq!(k.wait_exit(10), 0);
    let doc = doc(dir);
    assert!(doc["agenda"].as_array().unwrap().len() >= 3, "the template's items");
}

/// A meeting whose game round started 2:05 ago (recorded in the file, as
/// after a restart): kompas opens in the round's last minute.
fn game_in_its_last_minute(dir: &std::path::Path, silent: bool) -> std::path::PathBuf {
    use kompas::domain::meeting::{Assignment, DealMode, GameSetup, Players, RoundAssignment};
    let now = chrono::Local::now().fixed_offset();
    let started = now - chrono::Duration::seconds(125);
    let mut s =
        kompas::domain::Session::new("spel".into(), "Spel", now.date_naive(), "Anouk", started).unwrap();
    let setup = GameSetup {
        players: Players::Names(["Anna", "Bram", "Cem", "Dirk"].map(String::from).to_vec()),
        assignments: [Assignment::Etentje, Assignment::Teamuitje, Assignment::Festivallocatie]
            .map(RoundAssignment::Card),
        deal: DealMode::Kompas,
        silent,
    };
    let game = s.start_game(&setup, 42, started).unwrap();
    s.start_round(&game, 1, started).unwrap();
    std::fs::create_dir_all(dir.join("s")).unwrap();
    let path = dir.join("s").join("spel.json");
    kompas::storage::save(&path, &s).unwrap();
    path
}

#[test]
fn a_game_round_counts_down_warns_in_its_last_minute_with_the_bell_and_ends_with_a_decision() {
    let _alone = one_at_a_time();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let path = game_in_its_last_minute(dir, false);
    let mut k = Kompas::start(&["--sessions-dir", "s", "--lang", "nl", path.to_str().unwrap()], dir, 120, 35);
    // The warning is in the title line on any pane, and the bell rang once.
    let screen =
        k.wait_until("the last minute", 10, |s| s.contains("Ronde 1: 0:5") && s.contains("nog één minuut"));
    assert!(screen.contains("Ronde 1: 0:5"), "{screen}");
    assert_eq!(k.background_of("Ronde 1: 0:5"), Some(vt100::Color::Idx(3)), "yellow in the last minute");
    k.wait_until("the bell", 5, |_| k.bells() >= 1);
    // It counts down, and rings only once.
    let before = k.screen();
    k.wait_until("a second later", 5, |s| s != before && s.contains("Ronde 1: 0:"));
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(k.bells(), 1, "one bell per round");

    // On the game tab, `s` stops the round and asks for the decision.
    for _ in 0..10 {
        if k.screen().contains("Theater van Besluit ·") {
            break;
        }
        k.send(TAB);
        std::thread::sleep(Duration::from_millis(150));
    }
    k.wait_for("Theater van Besluit ·", 5);
    k.send("s");
    k.wait_for("Besluit en nabespreking", 5);
    k.send("Eetcafé De Kade");
    k.send(ENTER);
    k.wait_until("the round ended", 5, |s| {
        s.contains("Besluit: Eetcafé De Kade") && !s.contains("nog één minuut")
    });
    k.send("q");
    assert_eq!(k.wait_exit(10), 0);
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let round = &doc["games"][0]["rounds"][0];
    assert_eq!(round["decision"], "Eetcafé De Kade");
    assert!(round["ended_at"].is_string());
    assert_eq!(doc["games"][0]["seed"], 42);
}

#[test]
fn with_the_bell_turned_off_the_last_minute_only_shows() {
    let _alone = one_at_a_time();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let path = game_in_its_last_minute(dir, true);
    let mut k = Kompas::start(&["--sessions-dir", "s", "--lang", "en", path.to_str().unwrap()], dir, 80, 24);
    k.wait_for("one minute left", 10);
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(k.bells(), 0);
    k.send("q");
    assert_eq!(k.wait_exit(10), 0);
}
