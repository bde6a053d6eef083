//! The real binary in a pseudo-terminal on a copy of the demo chain: with
//! the agenda clock running, the facilitator pulls up the conversation
//! coach with one key (F2) while two parties argue; the clock in the header
//! keeps counting under it; from the coach a position becomes an interest
//! in that party's map cell, and the file holds it with its position.

use crate::support;

use support::pty::*;

const F2: &str = "\x1bOQ";
const MEETING3: &str = "2026-05-20-weer-thuis-in-de-wijk-zuiderveld.json";

#[test]
fn the_coach_over_a_running_meeting_turns_a_position_into_an_interest() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let sessions = dir.join("s");
    std::fs::create_dir(&sessions).unwrap();
    let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    for entry in std::fs::read_dir(&shipped).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, sessions.join(path.file_name().unwrap())).unwrap();
    }
    let file = format!("s/{MEETING3}");
    let mut k = Kompas::start(&["--sessions-dir", "s", "--lang", "nl", &file], dir, 80, 24);
    k.wait_for("Weer thuis in de wijk", 10);

    // The agenda (sixth tab): start its last, open item; the clock runs.
    for _ in 0..5 {
        k.send(TAB);
    }
    k.wait_for("Agendapunt", 5);
    k.send("\x1b[F");
    k.send("s");
    k.wait_until("the clock in the header", 10, |s| s.lines().next().is_some_and(|l| l.contains('▶')));

    // F2: the coach over the agenda; the header's clock keeps counting.
    k.send(F2);
    let shown = k.wait_for("Gesprekscoach", 5);
    assert!(shown.contains("Drie gespreksniveaus"), "{shown}");
    let header = shown.lines().next().unwrap().to_string();
    k.wait_until("the clock moved under the coach", 5, |s| {
        s.lines().next().is_some_and(|l| l != header) && s.contains("Gesprekscoach")
    });

    // 3: the moves; b: capture. The party is the first (the municipality).
    k.send("3");
    k.wait_for("Vier herformuleringen", 5);
    k.send("b");
    k.wait_for("Herformulering vastleggen", 5);
    k.send("Wij betalen niet voor andermans huurachterstand!");
    k.send(TAB);
    k.send("Grip op wat de gemeente uitgeeft aan schuldhulp");
    k.send(ENTER);
    k.wait_for("Belang op de kaart gezet", 5);
    // The coach is closed; the agenda is still there with its clock.
    let screen = k.screen();
    assert!(!screen.contains("Gesprekscoach") && screen.contains("Agendapunt"), "{screen}");

    k.send("q");
    assert_eq!(k.wait_exit(10), 0);
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(sessions.join(MEETING3)).unwrap()).unwrap();
    let municipality = doc["parties"][0]["id"].clone();
    let interests = doc["interests"].as_array().unwrap();
    let made = interests
        .iter()
        .find(|i| i["text"] == "Grip op wat de gemeente uitgeeft aan schuldhulp")
        .expect("the captured interest");
    assert_eq!(made["party"], municipality);
    assert_eq!(made["position"], "Wij betalen niet voor andermans huurachterstand!");
    assert_eq!(made["reformulation"], "standpunt_naar_belang");
}
