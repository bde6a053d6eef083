use std::io::{self, Read};
use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant};

use super::*;

/// Bytes arriving in the given pieces; then the peer waits (times out).
struct Pieces(Vec<Vec<u8>>);

impl Read for Pieces {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.0.is_empty() {
            return Err(io::ErrorKind::WouldBlock.into());
        }
        let piece = &mut self.0[0];
        let n = piece.len().min(buf.len());
        buf[..n].copy_from_slice(&piece[..n]);
        piece.drain(..n);
        if piece.is_empty() {
            self.0.remove(0);
        }
        Ok(n)
    }
}

impl Source for Pieces {
    fn set_timeout(&mut self, _: Duration) -> io::Result<()> {
        Ok(())
    }
}

fn read(pieces: &[&[u8]], limit: usize) -> Result<Head, ReadError> {
    let mut src = Pieces(pieces.iter().map(|p| p.to_vec()).collect());
    read_head(&mut src, limit, Instant::now() + Duration::from_secs(5))
}

fn head(method: &str, target: &str) -> Head {
    Head { method: method.into(), target: target.into(), host: Some("127.0.0.1:8080".into()), body: false }
}

const LOOPBACK: &str = "127.0.0.1:8080";

fn decide_on(bound: &str, h: &Head) -> Reply {
    let bound: SocketAddr = bound.parse().unwrap();
    let peer: IpAddr = "127.0.0.1".parse().unwrap();
    decide(h, bound, peer, &Token::fixed("c0de"))
}

#[test]
fn a_head_in_pieces_is_read_whole() {
    let h = read(&[b"GET /events?k=1 HT", b"TP/1.1\r\nHost: localhost:9\r\n", b"\r\n"], 1024).unwrap();
    assert_eq!(h.method, "GET");
    assert_eq!(h.target, "/events?k=1");
    assert_eq!(h.host.as_deref(), Some("localhost:9"));
    assert!(!h.body);
}

#[test]
fn a_head_over_the_limit_is_refused_without_reading_on() {
    let big = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(10_000));
    assert_eq!(read(&[big.as_bytes()], 8192), Err(ReadError::TooLarge));
    let many: String = (0..40).map(|i| format!("X-{i}: y\r\n")).collect();
    let req = format!("GET / HTTP/1.1\r\n{many}\r\n");
    assert_eq!(read(&[req.as_bytes()], 8192), Err(ReadError::TooLarge));
}

#[test]
fn garbage_and_silence_end_the_request() {
    assert_eq!(read(&[b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03"], 1024), Err(ReadError::Malformed));
    assert_eq!(read(&[b"GET / HTTP/1.1\r\nContent-Length: x\r\n\r\n"], 1024), Err(ReadError::Malformed));
    assert_eq!(read(&[b"GET / HTTP/1.1\r\n"], 1024), Err(ReadError::TimedOut));
    assert_eq!(read(&[], 1024), Err(ReadError::TimedOut));
    let mut closed = Pieces(vec![]);
    closed.0.push(Vec::new());
    // An empty piece reads as 0 bytes: the peer closed.
    assert_eq!(read_head(&mut closed, 64, Instant::now() + Duration::from_secs(1)), Err(ReadError::Closed));
}

#[test]
fn bodies_are_noticed() {
    let h = read(&[b"POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc"], 1024).unwrap();
    assert!(h.body);
    let h = read(&[b"GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"], 1024).unwrap();
    assert!(h.body);
    let h = read(&[b"GET / HTTP/1.1\r\nContent-Length: 0\r\n\r\n"], 1024).unwrap();
    assert!(!h.body);
}

#[test]
fn only_get_and_head_of_two_paths() {
    assert_eq!(decide_on(LOOPBACK, &head("GET", "/")), Reply::Page { head_only: false });
    assert_eq!(decide_on(LOOPBACK, &head("HEAD", "/")), Reply::Page { head_only: true });
    assert_eq!(decide_on(LOOPBACK, &head("GET", "/events")), Reply::Events { head_only: false });
    assert_eq!(decide_on(LOOPBACK, &head("HEAD", "/events?x=1")), Reply::Events { head_only: true });
    for m in ["POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT", "get"] {
        assert_eq!(decide_on(LOOPBACK, &head(m, "/")), Reply::Status(Status::MethodNotAllowed), "{m}");
    }
    for p in ["/index.html", "/events/", "/../etc/passwd", "/favicon.ico", "//", "/%2e%2e/", "/Events"] {
        assert_eq!(decide_on(LOOPBACK, &head("GET", p)), Reply::Status(Status::NotFound), "{p}");
    }
    for p in ["*", "http://example.org/", "events"] {
        assert_eq!(decide_on(LOOPBACK, &head("GET", p)), Reply::Status(Status::BadRequest), "{p}");
    }
    let mut with_body = head("GET", "/");
    with_body.body = true;
    assert_eq!(decide_on(LOOPBACK, &with_body), Reply::Status(Status::BadRequest));
}

#[test]
fn off_loopback_nothing_is_told_without_the_code() {
    for (m, p) in [("GET", "/"), ("GET", "/events"), ("POST", "/"), ("GET", "/nothing"), ("HEAD", "/?k=c0df")]
    {
        assert_eq!(decide_on("0.0.0.0:8080", &head(m, p)), Reply::Status(Status::Forbidden), "{m} {p}");
    }
    assert_eq!(decide_on("0.0.0.0:8080", &head("GET", "/?k=c0de")), Reply::Page { head_only: false });
    assert_eq!(
        decide_on("0.0.0.0:8080", &head("GET", "/events?x=1&k=c0de")),
        Reply::Events { head_only: false }
    );
    assert_eq!(decide_on("0.0.0.0:8080", &head("GET", "/x?k=c0de")), Reply::Status(Status::NotFound));
    assert_eq!(decide_on("0.0.0.0:8080", &head("PUT", "/?k=c0de")), Reply::Status(Status::MethodNotAllowed));
}

#[test]
fn responses_carry_the_policy_and_no_cors() {
    let r = String::from_utf8(response(
        "405 Method Not Allowed",
        "text/plain",
        "no\n",
        false,
        "default-src 'none'",
    ))
    .unwrap();
    assert!(r.starts_with("HTTP/1.1 405 Method Not Allowed\r\n"));
    assert!(r.contains("\r\nAllow: GET, HEAD\r\n"));
    assert!(r.contains("\r\nContent-Security-Policy: default-src 'none'\r\n"));
    assert!(r.contains("\r\nContent-Length: 3\r\n"));
    assert!(r.contains("\r\nX-Content-Type-Options: nosniff\r\n"));
    assert!(!r.to_ascii_lowercase().contains("access-control"));
    assert!(r.ends_with("\r\n\r\nno\n"));
    let h = String::from_utf8(response("200 OK", "text/html", "<p>x</p>", true, "x")).unwrap();
    assert!(h.contains("Content-Length: 8\r\n") && h.ends_with("\r\n\r\n"), "HEAD: length, no body");
}

#[test]
fn an_event_is_one_frame_whatever_the_html() {
    let e = event(7, "<main>\n<p>a</p>\n</main>");
    assert_eq!(e, "retry: 1000\nid: 7\nevent: view\ndata: <main>\ndata: <p>a</p>\ndata: </main>\n\n");
    // Carriage returns never start a line of their own.
    assert_eq!(event(1, "a\r\nb\rc"), "retry: 1000\nid: 1\nevent: view\ndata: a\ndata: bc\n\n");
}
