//! Serve the room display of a session file, for looking at the page while
//! working on it (kompas itself starts it with `--room-addr` or a key).
//!
//!     cargo run --example room_preview -- sessions/FILE.json [--lang en] [--addr 127.0.0.1:8080]
//!         [--blank | --spot phase|party:ID|interest:ID|agreement:ID|question:TEXT] [--today YYYY-MM-DD]
//!
//! Reloads the file when it changes on disk (checked twice a second), so an
//! edit in kompas shows up in the browser. Stops on Ctrl+C.

use std::sync::Arc;
use std::time::Duration;

use kompas::i18n::Lang;
use kompas::room::{Limits, RoomScreen, RoomServer, RoomSnapshot, RoomState, Spot};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned();
    let path = args.first().expect("usage: room_preview FILE.json [--lang en] [--addr ADDR:PORT]").clone();
    let lang = value("--lang").and_then(|l| Lang::parse(&l)).unwrap_or(Lang::Nl);
    let addr = value("--addr").unwrap_or_else(|| "127.0.0.1:8080".into()).parse().expect("ADDR:PORT");
    let today = value("--today")
        .map(|d| d.parse().expect("YYYY-MM-DD"))
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let mut state = RoomState::new(lang, today);
    if args.iter().any(|a| a == "--blank") {
        state.screen = RoomScreen::Blank;
    }
    if let Some(spot) = value("--spot") {
        let (kind, arg) = spot.split_once(':').unwrap_or((spot.as_str(), ""));
        state.screen = RoomScreen::Spotlight(match kind {
            "phase" => Spot::Phase,
            "party" => Spot::Party(arg.into()),
            "interest" => Spot::Interest(arg.into()),
            "agreement" => Spot::Agreement(arg.into()),
            _ => Spot::Question(arg.into()),
        });
    }
    let load =
        || Arc::new(kompas::storage::load(std::path::Path::new(&path)).expect("a session file").session);
    // The earlier meetings of its collaboration, for the charts over them.
    let folder = std::path::Path::new(&path).parent().unwrap_or(std::path::Path::new(".")).to_path_buf();
    let snap = |session: Arc<kompas::domain::Session>| {
        let chain = kompas::chain::earlier_meetings(&folder, &session);
        RoomSnapshot { session: Some(session), chain: Some(Arc::from(chain)), state: state.clone() }
    };
    let mut server = RoomServer::start(addr, snap(load()), Limits::default()).expect("bind");
    println!("{}", server.url());
    let modified = || std::fs::metadata(&path).and_then(|m| m.modified()).ok();
    let mut seen = modified();
    loop {
        std::thread::sleep(Duration::from_millis(500));
        let now = modified();
        if now != seen {
            seen = now;
            server.publish(snap(load()));
        }
    }
}
