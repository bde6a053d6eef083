//! A plain HTTP client and an event-stream reader for the room display's
//! tests, over real sockets on loopback.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// A response as it came: status code, header lines, body.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// Send `raw` and read the whole response (the server closes after it).
pub fn exchange(addr: SocketAddr, raw: &[u8]) -> Response {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    // A server that refuses early may close before all of `raw` is sent.
    let _ = s.write_all(raw);
    read_response(&mut s)
}

pub fn read_response(s: &mut TcpStream) -> Response {
    let mut bytes = Vec::new();
    let _ = s.read_to_end(&mut bytes);
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or_else(|| panic!("no complete head: {text:?}"));
    let mut lines = head.split("\r\n");
    let status = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
    let headers = lines
        .map(|l| {
            let (n, v) = l.split_once(':').unwrap();
            (n.trim().to_string(), v.trim().to_string())
        })
        .collect();
    Response { status, headers, body: body.to_string() }
}

/// `METHOD target` with a Host header naming `addr`.
pub fn request(addr: SocketAddr, method: &str, target: &str) -> Response {
    exchange(addr, format!("{method} {target} HTTP/1.1\r\nHost: {addr}\r\n\r\n").as_bytes())
}

/// An open event stream.
pub struct Events {
    reader: BufReader<TcpStream>,
    pub headers: String,
}

/// One event: its id and its data lines joined.
#[derive(Debug, Clone)]
pub struct Event {
    pub id: u64,
    pub data: String,
}

impl Events {
    pub fn open(addr: SocketAddr, target: &str) -> Events {
        let mut s = TcpStream::connect(addr).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        s.write_all(
            format!("GET {target} HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n").as_bytes(),
        )
        .unwrap();
        let mut reader = BufReader::new(s);
        let mut headers = String::new();
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            if line == "\r\n" || line.is_empty() {
                break;
            }
            headers.push_str(&line);
        }
        assert!(headers.starts_with("HTTP/1.1 200"), "{headers}");
        Events { reader, headers }
    }

    /// The next event (comments skipped); `None` when the stream ended.
    pub fn next(&mut self) -> Option<Event> {
        let (mut id, mut data, mut any) = (0, Vec::new(), false);
        loop {
            let mut line = String::new();
            match self.reader.read_line(&mut line) {
                Ok(0) | Err(_) => return None,
                Ok(_) => {}
            }
            let line = line.trim_end_matches('\n');
            if line.is_empty() {
                if any {
                    return Some(Event { id, data: data.join("\n") });
                }
                continue;
            }
            if line.starts_with(':') {
                continue;
            }
            any = true;
            if let Some(v) = line.strip_prefix("id: ") {
                id = v.parse().unwrap();
            } else if let Some(v) = line.strip_prefix("data: ") {
                data.push(v.to_string());
            }
        }
    }

    /// Read events until one satisfies `f`.
    pub fn until(&mut self, f: impl Fn(&Event) -> bool) -> Option<Event> {
        loop {
            let e = self.next()?;
            if f(&e) {
                return Some(e);
            }
        }
    }

    pub fn set_timeout(&self, t: Duration) {
        self.reader.get_ref().set_read_timeout(Some(t)).unwrap();
    }
}
