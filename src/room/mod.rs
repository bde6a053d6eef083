//! The room display: a live, read-only web page of the open session for the
//! projector and the room's phones, served by kompas itself on the local
//! network, with no internet and nothing from outside.
//!
//! - `view` and `spot` render the content from a committed session snapshot
//!   and the room state (`state`); `page` wraps it with the one inline style
//!   and the one inline script that the Content-Security-Policy allows.
//! - `http` reads requests within limits and decides the replies; `access`
//!   holds the rule for the per-run code; `server` runs it all on its own
//!   threads.
//!
//! The facilitator's program hands over snapshots with
//! [`RoomServer::publish`], which never waits. The room never sees typing
//! in progress: only committed snapshots are published.

mod access;
mod detail;
mod http;
mod instruments;
mod page;
mod qr;
mod server;
mod spot;
mod state;
mod view;
mod words;

use std::net::SocketAddr;

pub use access::{Token, host_is_loopback, is_loopback};
pub use http::{Head, ReadError, event as sse_event, parse as parse_head};
pub use instruments::CHART_FONT;
pub use page::{SCRIPT, SCRIPT_HASH, STYLE, STYLE_HASH, content_security_policy, page};
pub use qr::Qr;
pub use server::{Limits, RoomServer};
pub use state::{RoomScreen, RoomSnapshot, RoomState, Spot};
pub use view::{MAX_AGREEMENTS, MAX_ANSWERS, MAX_PARTIES, MAX_PER_CELL, render_main};
pub use words::W;

/// The port the room display tries first when no address is given, so the
/// pages in the room find it again after kompas restarts (a free port is
/// taken when it is in use).
pub const DEFAULT_PORT: u16 = 47111;

/// The page as a full HTML document for `snap` (what `GET /` returns).
pub fn render_page(snap: &RoomSnapshot, version: u64) -> String {
    page::page(snap.state.lang, &render_main(snap, version))
}

impl RoomServer {
    /// The address to give viewers: the code is in it when it is needed.
    pub fn url(&self) -> String {
        url(self.addr(), self.needs_token().then(|| self.token()))
    }
}

/// `http://ADDR:PORT/`, with `?k=CODE` when a code is given.
pub fn url(addr: SocketAddr, code: Option<&str>) -> String {
    match code {
        Some(code) => format!("http://{addr}/?k={code}"),
        None => format!("http://{addr}/"),
    }
}
