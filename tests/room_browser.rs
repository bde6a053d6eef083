//! The room display in a real browser (Debian's `chromium`, headless): the
//! page loads, its policy lets the inline style and script run, the DOM
//! holds the session, edits arrive by themselves, the page reconnects when
//! the server comes back, and screenshots are neither empty nor blank.
//! Skips, saying so, when no browser can be had.
//!
//! Unix only (chromium driven over inherited file descriptors); the Windows
//! build runs the library's domain and storage tests under wine instead
//! (`.ci/run`).

#![cfg(unix)]

#[path = "support/browser.rs"]
mod browser;
use crate::common;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use browser::{Browser, png_facts};
use kompas::domain::Session;
use kompas::i18n::Lang;
use kompas::room::{Limits, RoomScreen, RoomServer, RoomSnapshot, RoomState, Spot};
use serde_json::json;

fn snapshot(s: &Session, lang: Lang, screen: RoomScreen) -> RoomSnapshot {
    let mut state = RoomState::new(lang, common::date(2026, 3, 20));
    state.screen = screen;
    RoomSnapshot { session: Some(Arc::new(s.clone())), chain: None, state }
}

/// Screenshots are kept for people to look at.
fn keep(name: &str, png: &[u8]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("room-browser");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, png).unwrap();
    path
}

fn check_screenshot(b: &mut Browser, name: &str, width: u32, height: u32) {
    let png = b.screenshot();
    let path = keep(name, &png);
    let (w, h, colours) = png_facts(&png);
    assert_eq!((w, h), (width, height), "{}", path.display());
    // Text on a plain background gives hundreds of shades (anti-aliasing);
    // an empty or blank page gives one or two.
    assert!(png.len() > 20_000 && colours > 50, "{}: {} bytes, {colours} colours", path.display(), png.len());
    eprintln!("screenshot {}: {} bytes, {colours} colours", path.display(), png.len());
}

fn text_list(b: &mut Browser, selector: &str) -> Vec<String> {
    let v = b.eval(&format!("Array.from(document.querySelectorAll('{selector}')).map(e => e.textContent)"));
    serde_json::from_value(v).unwrap()
}

/// Wait until the page shows `text`; the time it took.
fn arrives(b: &mut Browser, text: &str, limit: Duration) -> Duration {
    let t = Instant::now();
    let expr = format!("document.getElementById('room').textContent.includes({})", json!(text));
    assert!(b.wait_for(&expr, limit), "{text:?} did not arrive within {limit:?}");
    t.elapsed()
}

#[test]
fn the_room_display_in_a_real_browser() {
    let mut s = common::realistic_session();
    let mut server = RoomServer::start(
        "127.0.0.1:0".parse().unwrap(),
        snapshot(&s, Lang::Nl, RoomScreen::Board),
        Limits::default(),
    )
    .unwrap();
    let Some(mut b) = Browser::launch(1920, 1080) else { return };
    b.open(&server.url());

    // The DOM: title, phase, an agreement; the style sheet applied.
    assert_eq!(b.eval("document.title"), json!(format!("{} · kompas", s.title)));
    assert_eq!(b.eval("document.querySelector('ol.strip li.current .name').textContent"), json!("Delen"));
    assert!(
        text_list(&mut b, "ol.agreements .text")
            .contains(&"Intentieverklaring opstellen en rondsturen".to_string())
    );
    assert_eq!(
        b.eval("getComputedStyle(document.querySelector('ol.strip li.current')).backgroundColor"),
        json!("rgb(10, 58, 138)"),
        "the inline style runs under the policy"
    );
    assert_eq!(b.eval("getComputedStyle(document.body).marginTop"), json!("0px"));
    // The individual interest stays off the board.
    assert_eq!(b.eval("document.body.textContent.includes('Herverkiezing')"), json!(false));
    check_screenshot(&mut b, "board-1920x1080.png", 1920, 1080);
    // The board fits the projector's screen.
    assert_eq!(b.eval("document.documentElement.scrollHeight <= innerHeight + 1"), json!(true));

    // A committed edit arrives by itself: the inline script runs, follows
    // the stream and swaps the content.
    s.agreements[0].text = "Intentieverklaring: getekend door alle drie".into();
    server.publish(snapshot(&s, Lang::Nl, RoomScreen::Board));
    let took = arrives(&mut b, "getekend door alle drie", Duration::from_secs(1));
    eprintln!("edit to browser: {took:?}");
    s.title = "Zuiderveld, tweede ronde".into();
    server.publish(snapshot(&s, Lang::Nl, RoomScreen::Board));
    arrives(&mut b, "tweede ronde", Duration::from_secs(1));
    assert_eq!(b.eval("document.title"), json!("Zuiderveld, tweede ronde · kompas"));

    // Blank, and back.
    server.publish(snapshot(&s, Lang::Nl, RoomScreen::Blank));
    assert!(b.wait_for("document.getElementById('room').className === 'blank'", Duration::from_secs(1)));
    assert_eq!(b.eval("document.getElementById('room').textContent.trim()"), json!(""));
    server.publish(snapshot(&s, Lang::Nl, RoomScreen::Board));
    arrives(&mut b, "getekend door alle drie", Duration::from_secs(1));

    // 1280x720: still fits.
    b.resize(1280, 720);
    assert!(b.wait_for("document.documentElement.scrollHeight <= innerHeight + 1", Duration::from_secs(2)));
    check_screenshot(&mut b, "board-1280x720.png", 1280, 720);

    // kompas stops and starts again on the same address: the page says it
    // lost the connection, then picks up the new run by itself.
    let addr: SocketAddr = server.addr();
    server.stop();
    assert!(
        b.wait_for("!document.getElementById('link').hidden", Duration::from_secs(6)),
        "the page says it lost kompas"
    );
    s.agreements[0].text = "Na de herstart: verder met het fonds".into();
    let again =
        RoomServer::start(addr, snapshot(&s, Lang::Nl, RoomScreen::Board), Limits::default()).unwrap();
    let took = arrives(&mut b, "Na de herstart", Duration::from_secs(15));
    eprintln!("reconnected after restart: {took:?}");
    assert!(b.wait_for("document.getElementById('link').hidden", Duration::from_secs(2)));
    drop(again);
}

#[test]
fn off_loopback_the_page_follows_with_its_code_and_says_when_it_is_spent() {
    let mut s = common::realistic_session();
    let mut server = RoomServer::start(
        "0.0.0.0:0".parse().unwrap(),
        snapshot(&s, Lang::En, RoomScreen::Board),
        Limits::default(),
    )
    .unwrap();
    let port = server.addr().port();
    let Some(mut b) = Browser::launch(1280, 720) else { return };
    let url = server.url().replace("0.0.0.0", "127.0.0.1");
    assert!(url.contains("?k="));
    b.open(&url);
    assert_eq!(b.eval("document.documentElement.lang"), json!("en"));
    assert_eq!(b.eval("document.querySelector('ol.strip li.current .name').textContent"), json!("Share"));
    s.agreements[1].text = "Share readmission figures by April".into();
    server.publish(snapshot(&s, Lang::En, RoomScreen::Board));
    arrives(&mut b, "readmission figures by April", Duration::from_secs(1));
    check_screenshot(&mut b, "board-en-1280x720.png", 1280, 720);

    // A new run has a new code: the old link is spent, and the page says so.
    server.stop();
    let again = RoomServer::start(
        format!("0.0.0.0:{port}").parse().unwrap(),
        snapshot(&s, Lang::En, RoomScreen::Board),
        Limits::default(),
    )
    .unwrap();
    assert!(b.wait_for(
        "document.getElementById('link').textContent.includes('Scan the new code')",
        Duration::from_secs(15)
    ));
    drop(again);
}

fn demo_chain() -> Vec<Session> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "json"));
    files.sort();
    files.iter().map(|p| kompas::storage::load(p).unwrap().session).collect()
}

/// The demo's third meeting with every instrument: the clock running, the
/// charts over the chain, the chooser. At both projector sizes the board
/// fits without scrolling, the type stays large enough for the back row,
/// and the clock moves with each state kompas hands over.
#[test]
fn the_instruments_on_the_projector() {
    let chain = demo_chain();
    let mut s = chain.last().unwrap().clone();
    let start = s.last_recorded() + chrono::Duration::minutes(1);
    let extra = kompas::domain::meeting::AgendaFields {
        title: "Nagekomen punt".into(),
        phase: s.phase,
        planned_minutes: 10,
        lead: None,
    };
    let item = s.add_agenda_item(&extra, None, start).unwrap();
    s.start_agenda_item(&item, start).unwrap();
    let at = |secs: i64| {
        let mut snap = snapshot(&s, Lang::Nl, RoomScreen::Board);
        snap.chain = Some(Arc::from(chain.clone()));
        snap.state.now = Some(start + chrono::Duration::seconds(secs));
        snap
    };
    let mut server = RoomServer::start("127.0.0.1:0".parse().unwrap(), at(0), Limits::default()).unwrap();
    let Some(mut b) = Browser::launch(1920, 1080) else { return };
    b.open(&server.url());
    assert_eq!(b.eval("document.querySelectorAll('.gauges .gauge').length"), json!(5));
    let before = b.eval("document.querySelector('#clock .time').textContent");
    for (width, height) in [(1920, 1080), (1280, 720)] {
        b.resize(width, height);
        assert!(
            b.wait_for("document.documentElement.scrollHeight <= innerHeight + 1", Duration::from_secs(2)),
            "the board fits {width}x{height}"
        );
        assert_eq!(b.eval("document.documentElement.scrollWidth <= innerWidth"), json!(true));
        // The smallest running text on the board, after the page fitted it.
        let px = b.eval("parseFloat(getComputedStyle(document.querySelector('#clock .time')).fontSize)");
        let px = px.as_f64().unwrap();
        let root = b.eval("parseFloat(getComputedStyle(document.documentElement).fontSize)");
        let root = root.as_f64().unwrap();
        eprintln!("{width}x{height}: text {root}px, clock {px}px");
        // Body text of the full board at least 20 px on 1080 lines, 14 px on
        // 720 (the fitted size on the demo's busiest meeting).
        let floor = if height >= 1080 { 20.0 } else { 14.0 };
        assert!(root >= floor && px >= floor * 1.6, "{width}x{height}: text at {root}px, clock at {px}px");
        check_screenshot(&mut b, &format!("instruments-{width}x{height}.png"), width, height);
    }
    // Each second kompas hands over a new state; the clock follows.
    for secs in 1..=2 {
        server.publish(at(secs));
        arrives(&mut b, &format!("0:{secs:02} / 10:00"), Duration::from_secs(1));
    }
    assert_ne!(b.eval("document.querySelector('#clock .time').textContent"), before);
    // The clock in the spotlight: the time in very large type.
    b.resize(1280, 720);
    let mut spot = at(3);
    spot.state.screen = RoomScreen::Spotlight(Spot::Clock);
    server.publish(spot);
    assert!(b.wait_for("document.getElementById('room').className === 'spotlight'", Duration::from_secs(1)));
    let px = b.eval("parseFloat(getComputedStyle(document.querySelector('#clock .time')).fontSize)");
    assert!(px.as_f64().unwrap() >= 100.0, "the spotlit clock at {px}px");
    check_screenshot(&mut b, "clock-spotlight-1280x720.png", 1280, 720);
    for (screen, name) in [(Spot::Relationship, "relationship"), (Spot::Grondvorm, "grondvorm")] {
        let mut spot = at(3);
        spot.state.screen = RoomScreen::Spotlight(screen);
        server.publish(spot);
        let selector = format!("document.querySelector('.spot-{name}') !== null");
        assert!(b.wait_for(&selector, Duration::from_secs(1)));
        let charts = text_list(&mut b, "svg.chart title").len();
        assert_eq!(charts, if name == "relationship" { 3 } else { 0 }, "{name}");
        for (width, height) in [(1280, 720), (1920, 1080)] {
            b.resize(width, height);
            assert!(
                b.wait_for(
                    "document.documentElement.scrollHeight <= innerHeight + 1",
                    Duration::from_secs(2)
                ),
                "{name} fits {width}x{height}"
            );
            check_screenshot(&mut b, &format!("{name}-spotlight-{width}x{height}.png"), width, height);
        }
    }
    server.stop();
}
