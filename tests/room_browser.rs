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
mod common;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use browser::{Browser, png_facts};
use kompas::domain::Session;
use kompas::i18n::Lang;
use kompas::room::{Limits, RoomScreen, RoomServer, RoomSnapshot, RoomState};
use serde_json::json;

fn snapshot(s: &Session, lang: Lang, screen: RoomScreen) -> RoomSnapshot {
    let mut state = RoomState::new(lang, common::date(2026, 3, 20));
    state.screen = screen;
    RoomSnapshot { session: Some(Arc::new(s.clone())), state }
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
