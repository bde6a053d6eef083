//! HTTP/1.1 for the room display, and no more than it needs: the request
//! head is read within a size and a time limit and parsed by `httparse`;
//! bodies are never read; every response closes the connection, except the
//! event stream, which stays open until kompas or the viewer goes.
//!
//! The routes: `GET /` (the page), `GET /events` (Server-Sent Events), and
//! `HEAD` of both. Anything else is refused: 405 for another method, 404
//! for another path, 403 without the code where one is needed.

use std::io::{self, Read};
use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant};

use super::access::{self, Token, Verdict};

/// At most this many header lines.
const MAX_HEADERS: usize = 32;

/// The parts of a request that matter here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub method: String,
    /// The request target as sent (`/events?k=…`).
    pub target: String,
    pub host: Option<String>,
    /// Announces a body (Content-Length above 0, or Transfer-Encoding).
    pub body: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadError {
    /// The head did not end within the size limit (or had too many lines).
    TooLarge,
    /// Not HTTP/1.x.
    Malformed,
    /// Not complete within the time limit.
    TimedOut,
    /// The peer closed or reset the connection before a full head.
    Closed,
}

/// Something to read from with a deadline: a socket, or a test's bytes.
pub trait Source: Read {
    fn set_timeout(&mut self, t: Duration) -> io::Result<()>;
}

impl Source for std::net::TcpStream {
    fn set_timeout(&mut self, t: Duration) -> io::Result<()> {
        self.set_read_timeout(Some(t))
    }
}

/// Read and parse one request head: at most `limit` bytes, complete before
/// `deadline`.
pub fn read_head(src: &mut impl Source, limit: usize, deadline: Instant) -> Result<Head, ReadError> {
    let mut buf = vec![0u8; limit];
    let mut len = 0;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(ReadError::TimedOut);
        }
        src.set_timeout(left).map_err(|_| ReadError::Closed)?;
        match src.read(&mut buf[len..]) {
            Ok(0) => return Err(ReadError::Closed),
            Ok(n) => len += n,
            Err(e) if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) => {
                return Err(ReadError::TimedOut);
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) => return Err(ReadError::Closed),
        }
        if let Some(head) = parse(&buf[..len])? {
            return Ok(head);
        }
        if len == limit {
            return Err(ReadError::TooLarge);
        }
    }
}

/// `Some` when `bytes` hold a complete head, `None` when more is needed.
pub fn parse(bytes: &[u8]) -> Result<Option<Head>, ReadError> {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut req = httparse::Request::new(&mut headers);
    match req.parse(bytes) {
        Ok(httparse::Status::Partial) => Ok(None),
        Ok(httparse::Status::Complete(_)) => {
            let header = |name: &str| {
                req.headers
                    .iter()
                    .find(|h| h.name.eq_ignore_ascii_case(name))
                    .map(|h| String::from_utf8_lossy(h.value).into_owned())
            };
            let length = header("content-length").map(|v| v.trim().parse::<u64>());
            if matches!(length, Some(Err(_))) {
                return Err(ReadError::Malformed);
            }
            let body = matches!(length, Some(Ok(n)) if n > 0) || header("transfer-encoding").is_some();
            Ok(Some(Head {
                method: req.method.unwrap_or_default().to_string(),
                target: req.path.unwrap_or_default().to_string(),
                host: header("host"),
                body,
            }))
        }
        Err(httparse::Error::TooManyHeaders) => Err(ReadError::TooLarge),
        Err(_) => Err(ReadError::Malformed),
    }
}

/// What to answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply {
    Page { head_only: bool },
    Events { head_only: bool },
    Status(Status),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    BadRequest,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    Timeout,
    TooLarge,
    Busy,
}

impl Status {
    pub fn line(self) -> &'static str {
        match self {
            Status::BadRequest => "400 Bad Request",
            Status::Forbidden => "403 Forbidden",
            Status::NotFound => "404 Not Found",
            Status::MethodNotAllowed => "405 Method Not Allowed",
            Status::Timeout => "408 Request Timeout",
            Status::TooLarge => "431 Request Header Fields Too Large",
            Status::Busy => "503 Service Unavailable",
        }
    }
}

/// The value of the `k` parameter of the query, if any.
fn code_in(query: &str) -> Option<&str> {
    query.split('&').find_map(|pair| pair.strip_prefix("k="))
}

/// Decide the reply: the code first (nothing is told without it), then
/// the method, then the path.
pub fn decide(head: &Head, bound: SocketAddr, peer: IpAddr, token: &Token) -> Reply {
    let (path, query) = head.target.split_once('?').unwrap_or((&head.target, ""));
    if !path.starts_with('/') {
        return Reply::Status(Status::BadRequest);
    }
    if access::check(bound, peer, head.host.as_deref(), code_in(query), token) == Verdict::Forbidden {
        return Reply::Status(Status::Forbidden);
    }
    let head_only = match head.method.as_str() {
        "GET" => false,
        "HEAD" => true,
        _ => return Reply::Status(Status::MethodNotAllowed),
    };
    if head.body {
        return Reply::Status(Status::BadRequest);
    }
    match path {
        "/" => Reply::Page { head_only },
        "/events" => Reply::Events { head_only },
        _ => Reply::Status(Status::NotFound),
    }
}

/// Headers every response carries: the policy, no sniffing, no caching, no
/// referrer, no framing, no sharing with other origins (and no CORS).
pub fn common_headers(csp: &str) -> String {
    format!(
        "Content-Security-Policy: {csp}\r\n\
         X-Content-Type-Options: nosniff\r\n\
         Referrer-Policy: no-referrer\r\n\
         X-Frame-Options: DENY\r\n\
         Cross-Origin-Opener-Policy: same-origin\r\n\
         Cross-Origin-Resource-Policy: same-origin\r\n\
         Cache-Control: no-store\r\n"
    )
}

/// A complete response with a body of known length; the connection closes
/// after it.
pub fn response(status_line: &str, content_type: &str, body: &str, head_only: bool, csp: &str) -> Vec<u8> {
    let extra = match status_line {
        l if l.starts_with("405") => "Allow: GET, HEAD\r\n",
        l if l.starts_with("503") => "Retry-After: 2\r\n",
        _ => "",
    };
    let mut out = format!(
        "HTTP/1.1 {status_line}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n{}{extra}Connection: close\r\n\r\n",
        body.len(),
        common_headers(csp)
    )
    .into_bytes();
    if !head_only {
        out.extend_from_slice(body.as_bytes());
    }
    out
}

/// The head of the event stream (its length is open; it ends when the
/// connection closes).
pub fn events_head(csp: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n{}Connection: close\r\n\r\n",
        common_headers(csp)
    )
    .into_bytes()
}

/// One Server-Sent Event carrying the room display's `<main>`: each of its
/// lines becomes a `data:` line. A carriage return, which would end a line
/// in the event stream, is dropped (the renderer writes none: session text
/// is escaped and its line breaks become `<br/>`).
pub fn event(version: u64, main: &str) -> String {
    let mut out = String::with_capacity(main.len() + 64);
    out.push_str(&format!("retry: 1000\nid: {version}\nevent: view\n"));
    for line in main.split('\n') {
        out.push_str("data: ");
        out.extend(line.chars().filter(|c| *c != '\r'));
        out.push('\n');
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests;
