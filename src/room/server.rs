//! The room display's server: its own threads, never the input loop's.
//!
//! - One thread accepts connections. Each admitted connection gets a thread
//!   of its own (small stack), up to a total and a per-address limit; past
//!   them the answer is 503 at once.
//! - One thread renders: `publish` only stores the newest snapshot and
//!   wakes it (constant time, no rendering, no I/O), so kompas never waits
//!   for the room. Snapshots published in a burst are rendered once.
//! - Each event stream waits for a new rendering and writes it; a viewer
//!   that does not read is dropped after the write time limit, without
//!   slowing the others.
//!
//! `stop` (also on drop) closes the listener and ends every stream.

use std::collections::HashMap;
use std::io::{self, Write};
use std::net::{IpAddr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::access::Token;
use super::http::{self, ReadError, Reply, Status};
use super::page;
use super::state::RoomSnapshot;
use super::view::render_main;
use super::words::W;
use crate::i18n::Lang;

/// Limits on what one viewer or all of them together can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Open connections in all (each event stream holds one).
    pub connections: usize,
    /// Open connections from one address.
    pub per_address: usize,
    /// Bytes of a request head.
    pub head_bytes: usize,
    /// Time to send the request head.
    pub head_time: Duration,
    /// Time one write may block before the viewer is dropped.
    pub write_time: Duration,
    /// A comment line on an idle stream this often, so a viewer that left
    /// is noticed.
    pub heartbeat: Duration,
    /// An event stream is closed after this long; the page reconnects at
    /// once, and a viewer that is gone frees its place.
    pub stream_life: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            connections: 64,
            per_address: 16,
            head_bytes: 8 * 1024,
            head_time: Duration::from_secs(5),
            write_time: Duration::from_secs(5),
            heartbeat: Duration::from_secs(15),
            stream_life: Duration::from_secs(10 * 60),
        }
    }
}

/// The newest rendering of the room display.
struct Rendered {
    version: u64,
    lang: Lang,
    main: Arc<str>,
}

struct Shared {
    bound: SocketAddr,
    token: Token,
    limits: Limits,
    csp: String,
    stop: AtomicBool,
    /// The newest published snapshot not yet rendered.
    pending: Mutex<Option<(u64, RoomSnapshot)>>,
    wake_renderer: Condvar,
    rendered: Mutex<Rendered>,
    wake_streams: Condvar,
    open: Mutex<HashMap<IpAddr, usize>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panicking viewer thread must not take the room display down.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// A running room display server.
pub struct RoomServer {
    shared: Arc<Shared>,
    next_version: u64,
    accept: Option<JoinHandle<()>>,
    render: Option<JoinHandle<()>>,
}

impl RoomServer {
    /// Bind `addr` (port 0: a free port) and start serving `first`, with a
    /// new random code.
    pub fn start(addr: SocketAddr, first: RoomSnapshot, limits: Limits) -> io::Result<RoomServer> {
        RoomServer::start_with(addr, first, limits, Token::random()?)
    }

    /// The same with a given code: kompas keeps one code for its whole run,
    /// so the links in the room survive turning the display off and on.
    pub fn start_with(
        addr: SocketAddr,
        first: RoomSnapshot,
        limits: Limits,
        token: Token,
    ) -> io::Result<RoomServer> {
        let listener = TcpListener::bind(addr)?;
        let bound = listener.local_addr()?;
        let rendered = Rendered { version: 1, lang: first.state.lang, main: render_main(&first, 1).into() };
        let shared = Arc::new(Shared {
            bound,
            token,
            limits,
            csp: page::content_security_policy(),
            stop: AtomicBool::new(false),
            pending: Mutex::new(None),
            wake_renderer: Condvar::new(),
            rendered: Mutex::new(rendered),
            wake_streams: Condvar::new(),
            open: Mutex::new(HashMap::new()),
        });
        let s = Arc::clone(&shared);
        let render = std::thread::Builder::new().name("room-render".into()).spawn(move || render_loop(&s))?;
        let s = Arc::clone(&shared);
        let accept = std::thread::Builder::new()
            .name("room-accept".into())
            .spawn(move || accept_loop(&s, listener))?;
        Ok(RoomServer { shared, next_version: 2, accept: Some(accept), render: Some(render) })
    }

    /// The address the server listens on (with the port it got).
    pub fn addr(&self) -> SocketAddr {
        self.shared.bound
    }

    /// This run's code. Only needed off loopback.
    pub fn token(&self) -> &str {
        self.shared.token.as_str()
    }

    /// Does every request need the code (the server is not on loopback)?
    pub fn needs_token(&self) -> bool {
        !super::access::is_loopback(self.shared.bound.ip())
    }

    /// Hand over a new committed snapshot. Returns at once: the rendering
    /// and the sending happen on the server's threads.
    pub fn publish(&mut self, snap: RoomSnapshot) {
        let version = self.next_version;
        self.next_version += 1;
        *lock(&self.shared.pending) = Some((version, snap));
        self.shared.wake_renderer.notify_one();
    }

    /// Close the listener and end every stream; returns when the accepting
    /// and rendering threads are gone.
    pub fn stop(&mut self) {
        if self.shared.stop.swap(true, Ordering::SeqCst) {
            return;
        }
        self.shared.wake_renderer.notify_all();
        self.shared.wake_streams.notify_all();
        // Wake the blocking accept with a connection of our own.
        let woke = TcpStream::connect_timeout(&wake_addr(self.shared.bound), Duration::from_secs(1)).is_ok();
        if let Some(h) = self.accept.take()
            && woke
        {
            let _ = h.join();
        }
        if let Some(h) = self.render.take() {
            let _ = h.join();
        }
    }
}

impl Drop for RoomServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Where to connect to reach a listener bound to `bound` from here.
fn wake_addr(bound: SocketAddr) -> SocketAddr {
    let ip = match bound.ip() {
        IpAddr::V4(v4) if v4.is_unspecified() => IpAddr::V4(std::net::Ipv4Addr::LOCALHOST),
        IpAddr::V6(v6) if v6.is_unspecified() => IpAddr::V6(std::net::Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    SocketAddr::new(ip, bound.port())
}

fn render_loop(s: &Shared) {
    loop {
        let (version, snap) = {
            let mut pending = lock(&s.pending);
            loop {
                if s.stop.load(Ordering::SeqCst) {
                    return;
                }
                if let Some(p) = pending.take() {
                    break p;
                }
                pending = s.wake_renderer.wait(pending).unwrap_or_else(|e| e.into_inner());
            }
        };
        let main: Arc<str> = render_main(&snap, version).into();
        *lock(&s.rendered) = Rendered { version, lang: snap.state.lang, main };
        s.wake_streams.notify_all();
    }
}

/// A place among the open connections, given back on drop.
struct Admitted<'a> {
    s: &'a Shared,
    peer: IpAddr,
}

impl Drop for Admitted<'_> {
    fn drop(&mut self) {
        let mut open = lock(&self.s.open);
        if let Some(n) = open.get_mut(&self.peer) {
            *n -= 1;
            if *n == 0 {
                open.remove(&self.peer);
            }
        }
    }
}

fn admit(s: &Shared, peer: IpAddr) -> bool {
    let mut open = lock(&s.open);
    let total: usize = open.values().sum();
    let mine = open.get(&peer).copied().unwrap_or(0);
    if total >= s.limits.connections || mine >= s.limits.per_address {
        return false;
    }
    *open.entry(peer).or_insert(0) += 1;
    true
}

fn accept_loop(s: &Arc<Shared>, listener: TcpListener) {
    for conn in listener.incoming() {
        if s.stop.load(Ordering::SeqCst) {
            return;
        }
        let stream = match conn {
            Ok(stream) => stream,
            // Out of file descriptors and the like: give it a moment.
            Err(_) => {
                std::thread::sleep(Duration::from_millis(20));
                continue;
            }
        };
        let Ok(peer) = stream.peer_addr() else { continue };
        if !admit(s, peer.ip()) {
            let _ = stream.set_write_timeout(Some(Duration::from_millis(200)));
            let lang = lock(&s.rendered).lang;
            send_status(s, &stream, Status::Busy, lang);
            continue;
        }
        let shared = Arc::clone(s);
        let spawned =
            std::thread::Builder::new().name("room-conn".into()).stack_size(256 * 1024).spawn(move || {
                let admitted = Admitted { s: &shared, peer: peer.ip() };
                serve(&shared, stream, peer.ip());
                drop(admitted);
            });
        if spawned.is_err() {
            // The place was taken for a thread that does not exist.
            drop(Admitted { s, peer: peer.ip() });
        }
    }
}

fn send_status(s: &Shared, mut stream: &TcpStream, status: Status, lang: Lang) {
    let text = match status {
        Status::Forbidden => W::Forbidden.get(lang).to_string(),
        Status::NotFound => W::NotFound.get(lang).to_string(),
        other => other.line().to_string(),
    };
    let body = format!("{text}\n");
    let _ =
        stream.write_all(&http::response(status.line(), "text/plain; charset=utf-8", &body, false, &s.csp));
    linger_close(stream);
}

/// Close so that the peer reads the response: no reset from unread bytes
/// (drain briefly), then the socket goes.
fn linger_close(mut stream: &TcpStream) {
    let _ = stream.flush();
    let _ = stream.shutdown(Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_millis(100)));
    let mut sink = [0u8; 4096];
    let mut drained = 0;
    while drained < 256 * 1024 {
        match io::Read::read(&mut stream, &mut sink) {
            Ok(0) | Err(_) => break,
            Ok(n) => drained += n,
        }
    }
}

fn serve(s: &Shared, mut stream: TcpStream, peer: IpAddr) {
    let _ = stream.set_nodelay(true);
    let _ = stream.set_write_timeout(Some(s.limits.write_time));
    let lang = lock(&s.rendered).lang;
    let deadline = Instant::now() + s.limits.head_time;
    let head = match http::read_head(&mut stream, s.limits.head_bytes, deadline) {
        Ok(head) => head,
        Err(ReadError::Closed) => return,
        Err(ReadError::TooLarge) => return send_status(s, &stream, Status::TooLarge, lang),
        Err(ReadError::Malformed) => return send_status(s, &stream, Status::BadRequest, lang),
        Err(ReadError::TimedOut) => return send_status(s, &stream, Status::Timeout, lang),
    };
    match http::decide(&head, s.bound, peer, &s.token) {
        Reply::Status(status) => send_status(s, &stream, status, lang),
        Reply::Page { head_only } => {
            let (main, lang) = {
                let r = lock(&s.rendered);
                (Arc::clone(&r.main), r.lang)
            };
            let html = page::page(lang, &main);
            let _ = stream.write_all(&http::response(
                "200 OK",
                "text/html; charset=utf-8",
                &html,
                head_only,
                &s.csp,
            ));
            linger_close(&stream);
        }
        Reply::Events { head_only } => {
            if stream.write_all(&http::events_head(&s.csp)).is_ok() && !head_only {
                stream_events(s, &mut stream);
            }
            linger_close(&stream);
        }
    }
}

/// Send the current rendering, then every new one, until the viewer goes,
/// the stream's life is over or the server stops. An idle stream gets a
/// comment line every heartbeat.
fn stream_events(s: &Shared, stream: &mut TcpStream) {
    let end = Instant::now() + s.limits.stream_life;
    let mut sent = 0;
    loop {
        let beat = Instant::now() + s.limits.heartbeat;
        let next = {
            let mut r = lock(&s.rendered);
            loop {
                let now = Instant::now();
                if s.stop.load(Ordering::SeqCst) || now >= end {
                    return;
                }
                if r.version != sent {
                    break Some((r.version, Arc::clone(&r.main)));
                }
                if now >= beat {
                    break None;
                }
                let wait = beat.min(end) - now;
                r = s.wake_streams.wait_timeout(r, wait).unwrap_or_else(|e| e.into_inner()).0;
            }
        };
        let bytes = match next {
            Some((version, main)) => {
                sent = version;
                http::event(version, &main)
            }
            None => ": \n\n".to_string(),
        };
        if stream.write_all(bytes.as_bytes()).is_err() {
            return;
        }
    }
}
