//! The room display's server over real sockets on loopback: routes,
//! methods, the code off loopback, limits, and live updates to viewers.

#[path = "support/room.rs"]
mod client;
use crate::common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::time::{Duration, Instant};

use client::{Events, exchange, request};
use kompas::domain::Session;
use kompas::i18n::Lang;
use kompas::room::{Limits, RoomServer, RoomSnapshot, RoomState};

fn snapshot(s: &Session) -> RoomSnapshot {
    RoomSnapshot {
        session: Some(Arc::new(s.clone())),
        chain: None,
        state: RoomState::new(Lang::Nl, common::date(2026, 3, 20)),
    }
}

fn start(bind: &str, limits: Limits) -> (RoomServer, Session) {
    let s = common::realistic_session();
    let server = RoomServer::start(bind.parse().unwrap(), snapshot(&s), limits).expect("start");
    (server, s)
}

/// Where to connect for a server bound to `0.0.0.0`: loopback.
fn reach(server: &RoomServer) -> SocketAddr {
    SocketAddr::new("127.0.0.1".parse().unwrap(), server.addr().port())
}

#[test]
fn the_page_and_its_head_on_loopback() {
    let (server, s) = start("127.0.0.1:0", Limits::default());
    assert!(!server.needs_token());
    assert_eq!(server.url(), format!("http://{}/", server.addr()));
    let r = request(server.addr(), "GET", "/");
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
    assert_eq!(r.header("content-security-policy"), Some(kompas::room::content_security_policy().as_str()));
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(r.header("cache-control"), Some("no-store"));
    assert!(r.headers.iter().all(|(n, _)| !n.to_ascii_lowercase().starts_with("access-control")), "no CORS");
    assert_eq!(r.header("content-length").unwrap().parse::<usize>().unwrap(), r.body.len());
    assert!(r.body.contains(&kompas::export::escape_html(&s.title)));
    let h = request(server.addr(), "HEAD", "/");
    assert_eq!(h.status, 200);
    assert_eq!(h.header("content-length"), r.header("content-length"));
    assert_eq!(h.body, "");
    let e = request(server.addr(), "HEAD", "/events");
    assert_eq!((e.status, e.header("content-type")), (200, Some("text/event-stream; charset=utf-8")));
}

#[test]
fn other_methods_and_paths_are_refused() {
    let (server, _) = start("127.0.0.1:0", Limits::default());
    for m in ["POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE"] {
        let r = request(server.addr(), m, "/");
        assert_eq!(r.status, 405, "{m}");
        assert_eq!(r.header("allow"), Some("GET, HEAD"));
    }
    let addr = server.addr();
    let post = format!("POST /events HTTP/1.1\r\nHost: {addr}\r\nContent-Length: 5\r\n\r\nhello");
    assert_eq!(exchange(addr, post.as_bytes()).status, 405);
    for p in [
        "/index.html",
        "/favicon.ico",
        "/events/x",
        "/../Cargo.toml",
        "/src/room/room.js",
        "/%2e%2e/Cargo.toml",
    ] {
        let r = request(addr, "GET", p);
        assert_eq!(r.status, 404, "{p}");
        assert!(!r.body.contains("kompas-session") && r.body.len() < 100, "no file content");
    }
}

#[test]
fn off_loopback_every_request_needs_the_code() {
    // Bound to every address (not loopback); reached through loopback.
    let (server, _) = start("0.0.0.0:0", Limits::default());
    let addr = reach(&server);
    assert!(server.needs_token());
    let code = server.token().to_string();
    assert_eq!(code.len(), 32);
    assert!(server.url().ends_with(&format!("/?k={code}")));
    let mut wrong = code.clone().into_bytes();
    wrong[31] = if wrong[31] == b'0' { b'1' } else { b'0' };
    let wrong = String::from_utf8(wrong).unwrap();
    for target in
        ["/", "/events", "/nothing", &format!("/?k={wrong}"), &format!("/?k={}", &code[..31]), "/?K=x"]
    {
        for m in ["GET", "HEAD", "POST"] {
            let r = request(addr, m, target);
            assert_eq!(r.status, 403, "{m} {target}");
        }
    }
    let r = request(addr, "GET", "/");
    assert!(r.body.contains("QR"), "says what to do: {}", r.body);
    assert_eq!(request(addr, "GET", &format!("/?k={code}")).status, 200);
    assert_eq!(request(addr, "GET", &format!("/x?k={code}")).status, 404);
    assert_eq!(request(addr, "DELETE", &format!("/?k={code}")).status, 405);
    let mut events = Events::open(addr, &format!("/events?k={code}"));
    assert!(events.next().is_some());
}

#[test]
fn on_loopback_a_foreign_host_name_is_refused() {
    let (server, _) = start("127.0.0.1:0", Limits::default());
    let addr = server.addr();
    for host in ["evil.example", "evil.example:80", "192.168.1.4", ""] {
        let r = exchange(addr, format!("GET / HTTP/1.1\r\nHost: {host}\r\n\r\n").as_bytes());
        assert_eq!(r.status, 403, "Host: {host}");
    }
    assert_eq!(exchange(addr, b"GET / HTTP/1.0\r\n\r\n").status, 403, "no Host at all");
    assert_eq!(
        exchange(addr, format!("GET / HTTP/1.1\r\nHost: localhost:{}\r\n\r\n", addr.port()).as_bytes())
            .status,
        200
    );
}

fn quick(limits: Limits) -> Limits {
    Limits { head_time: Duration::from_millis(300), ..limits }
}

#[test]
fn oversized_malformed_and_slow_requests_neither_crash_nor_stall() {
    let (server, _) = start("127.0.0.1:0", quick(Limits::default()));
    let addr = server.addr();
    let t = Instant::now();
    let mut big = format!("GET / HTTP/1.1\r\nHost: {addr}\r\nX-Big: ").into_bytes();
    big.extend(std::iter::repeat_n(b'a', 1 << 20));
    big.extend_from_slice(b"\r\n\r\n");
    assert_eq!(exchange(addr, &big).status, 431);
    let many: String = (0..100).map(|i| format!("X-{i}: y\r\n")).collect();
    assert_eq!(exchange(addr, format!("GET / HTTP/1.1\r\n{many}\r\n").as_bytes()).status, 431);
    for garbage in [
        &b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03"[..],
        b"GET\r\n\r\n",
        b"GET / HTTP/9.9\r\n\r\n",
        b"\0\0\0\0\r\n\r\n",
    ] {
        assert_eq!(exchange(addr, garbage).status, 400, "{garbage:?}");
    }
    assert!(t.elapsed() < Duration::from_secs(3), "refusals are immediate: {:?}", t.elapsed());

    // A head that never ends: answered 408 after the time limit, while
    // another viewer is served at once.
    let mut slow = TcpStream::connect(addr).unwrap();
    slow.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n").unwrap();
    let t = Instant::now();
    assert_eq!(request(addr, "GET", "/").status, 200);
    assert!(t.elapsed() < Duration::from_millis(250), "{:?}", t.elapsed());
    slow.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let r = client::read_response(&mut slow);
    assert_eq!(r.status, 408);
    assert!(t.elapsed() < Duration::from_secs(2), "{:?}", t.elapsed());
    // A connection that sends nothing and one that closes at once.
    let silent = TcpStream::connect(addr).unwrap();
    drop(TcpStream::connect(addr).unwrap());
    assert_eq!(request(addr, "GET", "/").status, 200);
    drop(silent);
}

#[test]
fn connections_are_limited_and_freed() {
    let limits = quick(Limits { connections: 6, per_address: 4, ..Limits::default() });
    let (server, _) = start("127.0.0.1:0", limits);
    let addr = server.addr();
    // Four idle connections from this address take its share.
    let idle: Vec<TcpStream> = (0..4).map(|_| TcpStream::connect(addr).unwrap()).collect();
    std::thread::sleep(Duration::from_millis(50));
    let r = request(addr, "GET", "/");
    assert_eq!(r.status, 503);
    assert_eq!(r.header("retry-after"), Some("2"));
    // When they time out, their places are free again.
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(request(addr, "GET", "/").status, 200);
    drop(idle);
}

#[test]
fn an_edit_reaches_five_viewers_within_200_ms() {
    let (mut server, mut s) = start("127.0.0.1:0", Limits::default());
    let addr = server.addr();
    let mut viewers: Vec<Events> = (0..5).map(|_| Events::open(addr, "/events")).collect();
    for v in &mut viewers {
        let first = v.next().unwrap();
        assert!(first.data.starts_with("<main id=\"room\""), "{}", first.data);
    }
    for round in 0..5 {
        let marker = format!("Nieuwe afspraak {round}");
        s.agreements[0].text = marker.clone();
        let snap = snapshot(&s);
        let (tx, rx) = std::sync::mpsc::channel();
        let t0 = Instant::now();
        let readers: Vec<_> = std::mem::take(&mut viewers)
            .into_iter()
            .map(|mut v| {
                let (tx, marker) = (tx.clone(), marker.clone());
                std::thread::spawn(move || {
                    v.until(|e| e.data.contains(&marker)).expect("the edit arrives");
                    tx.send(t0.elapsed()).unwrap();
                    v
                })
            })
            .collect();
        let t = Instant::now();
        server.publish(snap);
        assert!(t.elapsed() < Duration::from_millis(5), "publish returns at once: {:?}", t.elapsed());
        viewers = readers.into_iter().map(|h| h.join().unwrap()).collect();
        let slowest = (0..5).map(|_| rx.recv().unwrap()).max().unwrap();
        assert!(slowest < Duration::from_millis(200), "round {round}: {slowest:?}");
    }
}

#[test]
fn viewers_that_do_not_read_hold_nobody_up() {
    let limits = Limits { write_time: Duration::from_millis(300), ..Limits::default() };
    let (mut server, mut s) = start("127.0.0.1:0", limits);
    let addr = server.addr();
    // Three viewers that never read (their socket buffers fill up).
    let stuck: Vec<TcpStream> = (0..3)
        .map(|_| {
            let mut t = TcpStream::connect(addr).unwrap();
            t.write_all(format!("GET /events HTTP/1.1\r\nHost: {addr}\r\n\r\n").as_bytes()).unwrap();
            t
        })
        .collect();
    let mut live = Events::open(addr, "/events");
    live.next().unwrap();
    let long = "lange tekst ".repeat(2_000);
    let t = Instant::now();
    for n in 0..100 {
        s.agreements[0].text = format!("{long}{n}");
        server.publish(snapshot(&s));
    }
    assert!(t.elapsed() < Duration::from_millis(50), "publishing never waits: {:?}", t.elapsed());
    let t = Instant::now();
    live.until(|e| e.data.contains(&format!("{}99", "lange tekst ")) || e.data.contains("tekst 99")).unwrap();
    assert!(t.elapsed() < Duration::from_millis(500), "{:?}", t.elapsed());
    drop(stuck);
}

#[test]
fn stop_ends_the_streams_and_frees_the_port() {
    let (mut server, _) = start("127.0.0.1:0", Limits::default());
    let addr = server.addr();
    let mut events = Events::open(addr, "/events");
    events.next().unwrap();
    events.set_timeout(Duration::from_secs(2));
    let t = Instant::now();
    server.stop();
    assert!(events.next().is_none(), "the stream ended");
    assert!(t.elapsed() < Duration::from_secs(2), "{:?}", t.elapsed());
    assert!(
        TcpStream::connect_timeout(&addr, Duration::from_millis(500))
            .map(|mut c| {
                let mut b = [0u8; 1];
                c.set_read_timeout(Some(Duration::from_millis(500))).unwrap();
                c.read(&mut b).unwrap_or(0) == 0
            })
            .unwrap_or(true)
    );
    // The same address can be served again at once (a restart).
    let again = RoomServer::start(addr, snapshot(&common::realistic_session()), Limits::default()).unwrap();
    assert_eq!(request(again.addr(), "GET", "/").status, 200);
}
