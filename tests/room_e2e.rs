//! The room display driven through the real program: kompas in a
//! pseudo-terminal with `--room-addr`, a headless browser on the page.
//! An edit typed in the terminal appears in the browser within a second;
//! typing not yet committed never does. Skips the browser part, saying so,
//! when no browser can be had.
//!
//! Unix only (chromium driven over inherited file descriptors); the Windows
//! build runs the library's domain and storage tests under wine instead
//! (`.ci/run`).

#![cfg(unix)]

#[path = "support/browser.rs"]
mod browser;
#[path = "support/room.rs"]
mod client;
use crate::support;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use serde_json::json;
use support::pty::{ENTER, Kompas, TAB};

/// A copy of the demo chain in a temp folder.
fn sessions() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    for e in std::fs::read_dir(src).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "json") {
            std::fs::copy(&p, tmp.path().join(p.file_name().unwrap())).unwrap();
        }
    }
    tmp
}

/// The room display's URL, read off the status line.
fn url_on_screen(k: &Kompas) -> String {
    let screen = k.wait_for("http://127.0.0.1:", 20);
    let at = screen.find("http://127.0.0.1:").unwrap();
    screen[at..].split_whitespace().next().unwrap().to_string()
}

fn addr_of(url: &str) -> SocketAddr {
    url.trim_start_matches("http://").trim_end_matches('/').parse().unwrap()
}

const FILE: &str = "2026-05-20-weer-thuis-in-de-wijk-zuiderveld.json";

#[test]
fn an_edit_typed_in_kompas_appears_in_the_browser_within_a_second() {
    let tmp = sessions();
    let file = tmp.path().join(FILE);
    let mut k = Kompas::start(
        &["--lang", "nl", "--room-addr", "127.0.0.1:0", file.to_str().unwrap()],
        tmp.path(),
        120,
        35,
    );
    let url = url_on_screen(&k);
    let Some(mut b) = browser::Browser::launch(1920, 1080) else {
        k.send("q");
        k.wait_exit(10);
        return;
    };
    b.open(&url);
    assert_eq!(
        b.eval("document.querySelector('ol.strip li.current .name').textContent"),
        json!("Overeenkomen")
    );

    // Typing in a form is not on the room display...
    k.send(TAB);
    k.wait_for("Afspraken (", 10);
    k.send("a");
    k.wait_for("Nieuwe afspraak", 10);
    k.send("Zaaltest: fonds per 1 juli");
    k.wait_for("Zaaltest: fonds per 1 juli", 10);
    std::thread::sleep(Duration::from_millis(400));
    assert_eq!(
        b.eval("document.body.textContent.includes('Zaaltest')"),
        json!(false),
        "no drafts on the room display"
    );
    // ... the committed agreement is, within a second.
    let t = Instant::now();
    k.send(ENTER);
    assert!(
        b.wait_for(
            "document.getElementById('room').textContent.includes('Zaaltest: fonds per 1 juli')",
            Duration::from_secs(1)
        ),
        "the edit did not reach the browser within 1 s"
    );
    eprintln!("keystroke to browser: {:?}", t.elapsed());

    // w hides the selected agreement from the room; o spotlights; b blanks.
    k.send("w");
    k.wait_for("Verborgen op het zaalscherm", 10);
    assert!(b.wait_for("!document.body.textContent.includes('Zaaltest')", Duration::from_secs(1)));
    k.send("w");
    k.wait_for("Getoond op het zaalscherm", 10);
    k.send("o");
    let ok = b.wait_for("document.getElementById('room').className === 'spotlight'", Duration::from_secs(1));
    assert!(ok, "{:?}\n{}", b.eval("document.getElementById('room').className"), k.screen());
    assert_eq!(
        b.eval("document.querySelector('.spot .big').textContent"),
        json!("Zaaltest: fonds per 1 juli")
    );
    k.send("b");
    assert!(b.wait_for("document.getElementById('room').className === 'blank'", Duration::from_secs(1)));
    k.send("b");
    assert!(b.wait_for("document.getElementById('room').className === 'spotlight'", Duration::from_secs(1)));

    // z turns the display off (the page says it lost kompas) and on again,
    // on the same address: the page picks it up by itself.
    k.send("z");
    k.wait_for("Zaalscherm uit", 10);
    assert!(b.wait_for("!document.getElementById('link').hidden", Duration::from_secs(6)));
    k.send("z");
    k.wait_for("Zaalscherm aan", 10);
    assert_eq!(url_on_screen(&k), url, "the same address after a restart");
    assert!(b.wait_for("document.getElementById('link').hidden", Duration::from_secs(10)));
    drop(b);
    k.send("q");
    k.wait_exit(10);
    // Stopped with kompas.
    assert!(std::net::TcpStream::connect_timeout(&addr_of(&url), Duration::from_millis(500)).is_err());
}

#[test]
fn the_library_and_review_serve_the_room_display_too() {
    let tmp = sessions();
    // The library: a page that waits for a session.
    let dir = tmp.path().to_str().unwrap();
    let mut k = Kompas::start(
        &["--lang", "en", "--sessions-dir", dir, "--room-addr", "127.0.0.1:0"],
        tmp.path(),
        120,
        35,
    );
    k.wait_for("Zuiderveld", 20);
    let r = client::request(addr_of(&url_on_library(&mut k)), "GET", "/");
    assert_eq!(r.status, 200);
    assert!(r.body.contains("No session open yet"), "{}", r.body);
    k.send("q");
    k.wait_exit(10);

    // Review: read-only, and the room display shows it; w is refused.
    let file = tmp.path().join(FILE);
    let mut k = Kompas::start(
        &["--lang", "en", "--room-addr", "127.0.0.1:0", "review", file.to_str().unwrap()],
        tmp.path(),
        120,
        35,
    );
    let url = url_on_screen(&k);
    let r = client::request(addr_of(&url), "GET", "/");
    assert!(r.body.contains("Weer thuis in de wijk"));
    k.send(TAB);
    k.send("w");
    k.wait_for("Read-only", 10);
    k.send("q");
    k.wait_exit(10);
}

/// The library has no status line: `Z` shows the address.
fn url_on_library(k: &mut Kompas) -> String {
    k.send("Z");
    let url = url_on_screen(k);
    k.send("\x1b");
    url
}

#[test]
fn an_address_that_cannot_be_had_is_said_on_stderr() {
    let tmp = sessions();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let mut k = Kompas::start(
        &["--lang", "en", "--room-addr", &addr, tmp.path().join(FILE).to_str().unwrap()],
        tmp.path(),
        100,
        30,
    );
    let screen = k.wait_for("room display", 20);
    assert!(screen.contains(&addr), "{screen}");
    assert_ne!(k.wait_exit(10), 0);
}
