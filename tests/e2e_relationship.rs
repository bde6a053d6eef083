//! The real binary in a pseudo-terminal on a copy of the demo chain: in the
//! third meeting the facilitator opens the Relation pane, takes the
//! temperature of a tense moment, ticks an intervention as tried, scores a
//! condition, and sees the trend over the three meetings move; the file
//! holds all of it.

use crate::support;

use support::pty::*;

const BACKTAB: &str = "\x1b[Z";
const MEETING3: &str = "2026-05-20-weer-thuis-in-de-wijk-zuiderveld.json";

#[test]
fn a_tense_moment_recorded_with_an_intervention_and_the_trend_moves() {
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

    // The Relation pane is the last tab. The chain of the two earlier
    // meetings arrives in the background: the mean's sparkline has three bars.
    k.send(BACKTAB);
    k.wait_for("THERMOMETER", 5);
    k.wait_for("Gemiddeld: 3,2 ▃▄▅", 10);

    // m: the facilitator reads conflict (three steps up from friendly).
    k.send("m");
    k.wait_for("Temperatuur opnemen", 5);
    k.send(RIGHT);
    k.send(RIGHT);
    k.send(RIGHT);
    k.wait_for("‹ conflict ›", 5);
    k.send(ENTER);
    // The reading has the cursor, its five interventions open below it.
    k.wait_for("Doe een stap terug", 5);
    k.send(DOWN);
    k.send(" ");
    k.wait_until("the first intervention ticked", 5, |s| s.contains("[x]") && s.contains("✓1"));

    // The last condition, meaningful process, from 4 to 5.
    k.send("\x1b[F");
    k.send(ENTER);
    k.wait_for("Voorwaarde scoren", 5);
    k.send(RIGHT);
    k.wait_for("‹ 5 sterk ›", 5);
    k.send(ENTER);
    k.wait_for("Gemiddeld: 3,4 ▃▄▅", 5);

    k.send("q");
    assert_eq!(k.wait_exit(10), 0);
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(sessions.join(MEETING3)).unwrap()).unwrap();
    let readings = doc["temperature"].as_array().unwrap();
    let conflict = readings.iter().find(|r| r["level"] == "conflict").expect("the conflict reading");
    assert!(conflict.get("party").is_none(), "the facilitator's reading");
    assert_eq!(conflict["tried"].as_object().unwrap().len(), 1);
    assert_eq!(doc["conditions"]["betekenisgevend_proces"]["score"], 5);
}
