//! The room display's server as the runtime holds it: started and stopped
//! on request, and fed the committed snapshot after every change. Handing a
//! snapshot over costs an `Arc` clone and a wake-up; the server renders and
//! sends on its own threads, so the input loop never waits for the room.

use std::io;
use std::net::{IpAddr, SocketAddr};

use crate::app::room::{RoomReport, RoomRunning, room_state, snapshot};
use crate::app::{Action, AppState};
use crate::room::{Limits, RoomServer, RoomState, Token};

/// What was last handed to the server, to know when to hand over again.
#[derive(Debug, PartialEq)]
struct Shown {
    path: Option<std::path::PathBuf>,
    state: RoomState,
    /// The earlier meetings' list (by address): a new one came in.
    chain: Option<usize>,
}

#[derive(Default)]
pub(super) struct RoomLink {
    server: Option<RoomServer>,
    /// One code for the whole run (made on first start).
    token: Option<Token>,
    /// A change was saved since the last hand-over.
    pub(super) dirty: bool,
    last: Option<Shown>,
}

impl RoomLink {
    /// Start the server on `addr`; on the default address, a free port when
    /// the usual one is taken.
    pub(super) fn start(&mut self, addr: SocketAddr, state: &AppState) -> io::Result<RoomRunning> {
        self.stop();
        let token = match &self.token {
            Some(t) => t.clone(),
            None => Token::random()?,
        };
        self.token = Some(token.clone());
        let first = snapshot(state);
        let server = match RoomServer::start_with(addr, first.clone(), Limits::default(), token.clone()) {
            Err(e) if e.kind() == io::ErrorKind::AddrInUse && addr == crate::app::room::DEFAULT_ADDR => {
                RoomServer::start_with(SocketAddr::new(addr.ip(), 0), first, Limits::default(), token)?
            }
            other => other?,
        };
        let running = RoomRunning { url: public_url(&server), addr: server.addr() };
        self.server = Some(server);
        self.last = None;
        Ok(running)
    }

    pub(super) fn stop(&mut self) {
        if let Some(mut server) = self.server.take() {
            server.stop();
        }
    }

    /// Hand the current snapshot over if something the room sees changed.
    pub(super) fn sync(&mut self, state: &AppState) {
        let Some(server) = &mut self.server else { return };
        let shown = Shown {
            path: state.session().map(|s| s.path.clone()),
            state: room_state(state),
            chain: state.session().and_then(|s| s.chain.as_ref()).map(|c| c.as_ptr() as usize),
        };
        if self.dirty || self.last.as_ref() != Some(&shown) {
            server.publish(snapshot(state));
            self.last = Some(shown);
            self.dirty = false;
        }
    }

    /// Carry out a start or stop request: the report for `update`.
    pub(super) fn toggle(&mut self, start: Option<SocketAddr>, state: &AppState) -> Action {
        match start {
            Some(addr) => match self.start(addr, state) {
                Ok(running) => Action::RoomReport(RoomReport::Started(running)),
                Err(e) => Action::RoomReport(RoomReport::Failed(format!("{addr}: {e}"))),
            },
            None => {
                self.stop();
                Action::RoomReport(RoomReport::Stopped)
            }
        }
    }
}

/// The address for viewers: on all interfaces (`0.0.0.0`), the first of
/// this computer's own network addresses a phone could reach.
fn public_url(server: &RoomServer) -> String {
    let mut addr = server.addr();
    if addr.ip().is_unspecified() {
        let v4 = addr.is_ipv4();
        let own = if_addrs::get_if_addrs().unwrap_or_default().into_iter().map(|i| i.ip()).find(|ip| {
            !ip.is_loopback()
                && ip.is_ipv4() == v4
                && !matches!(ip, IpAddr::V6(v6) if v6.is_unicast_link_local())
        });
        if let Some(ip) = own {
            addr.set_ip(ip);
        }
    }
    crate::room::url(addr, server.needs_token().then(|| server.token()))
}
