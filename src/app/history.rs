//! Undo and redo for every change that goes through the one change path
//! ([`crate::app::change`]): before a change the session as it was is kept
//! (its `Arc`, so keeping it copies nothing), with the name of the change.
//! Undo puts it back and keeps the newer one for redo. Nothing here knows
//! any instrument: whatever a change touched, undoing it is the same.
//!
//! Memory is bounded: at most [`MAX_STEPS`] steps, and no more than
//! [`MEMORY_BUDGET`] bytes of kept sessions, counted with the size of the
//! session as a file (measured when it opened), so a 5 MB session keeps
//! fewer steps than a 50 KB one.

use std::sync::Arc;

use crate::domain::Session;
use crate::i18n::Msg;

/// Steps kept at most.
pub const MAX_STEPS: usize = 100;
/// Bytes of kept sessions at most (each step holds a whole session).
pub const MEMORY_BUDGET: usize = 48 * 1024 * 1024;

/// One change: what it was called, and the session on the other side of it.
#[derive(Debug, Clone)]
pub struct Step {
    pub what: Msg,
    pub session: Arc<Session>,
}

#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// About how many bytes one kept session costs.
    step_bytes: usize,
}

impl History {
    /// A history for a session of about `bytes` bytes (measured at the
    /// first change when not given).
    pub fn new(bytes: usize) -> History {
        History { undo: Vec::new(), redo: Vec::new(), step_bytes: bytes }
    }

    /// How many steps fit.
    pub fn capacity(&self) -> usize {
        (MEMORY_BUDGET / self.step_bytes.max(1)).clamp(1, MAX_STEPS)
    }

    /// A change named `what` was made to `before`: it can be undone, and
    /// what was undone before can no longer be redone.
    pub fn record(&mut self, what: Msg, before: Arc<Session>) {
        if self.step_bytes == 0 {
            self.step_bytes = file_bytes(&before);
        }
        self.redo.clear();
        self.undo.push(Step { what, session: before });
        let over = self.undo.len().saturating_sub(self.capacity());
        self.undo.drain(..over);
    }

    /// Take back the last change of `current`: the session to go back to.
    pub fn undo(&mut self, current: Arc<Session>) -> Option<Step> {
        let step = self.undo.pop()?;
        self.redo.push(Step { what: step.what, session: current });
        Some(step)
    }

    /// Make the last undone change again.
    pub fn redo(&mut self, current: Arc<Session>) -> Option<Step> {
        let step = self.redo.pop()?;
        self.undo.push(Step { what: step.what, session: current });
        Some(step)
    }

    pub fn can_undo(&self) -> usize {
        self.undo.len()
    }
}

/// About how many bytes `session` takes as a file.
pub fn file_bytes(session: &Session) -> usize {
    struct Count(usize);
    impl std::io::Write for Count {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0 += buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut count = Count(0);
    let _ = serde_json::to_writer(&mut count, session);
    count.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(title: &str) -> Arc<Session> {
        let now = chrono::DateTime::parse_from_rfc3339("2026-03-12T10:00:00+01:00").unwrap();
        Arc::new(Session::new("s".into(), title, now.date_naive(), "", now).unwrap())
    }

    #[test]
    fn undo_and_redo_walk_the_steps_and_a_new_change_ends_redo() {
        let mut h = History::new(1000);
        let (a, b, c) = (session("a"), session("b"), session("c"));
        h.record(Msg::Title, a.clone());
        h.record(Msg::Title, b.clone());
        let back = h.undo(c.clone()).unwrap();
        assert_eq!(back.session.title, "b");
        let forward = h.redo(back.session).unwrap();
        assert_eq!(forward.session.title, "c");
        h.undo(forward.session).unwrap();
        h.record(Msg::Title, session("d"));
        assert!(h.redo(session("e")).is_none(), "a new change ends the redo");
    }

    #[test]
    fn a_large_session_keeps_fewer_steps() {
        let mut small = History::new(50_000);
        let mut large = History::new(5_000_000);
        for i in 0..200 {
            small.record(Msg::Title, session(&i.to_string()));
            large.record(Msg::Title, session(&i.to_string()));
        }
        assert_eq!(small.can_undo(), MAX_STEPS);
        assert_eq!(large.can_undo(), MEMORY_BUDGET / 5_000_000);
        assert!(large.can_undo() * 5_000_000 <= MEMORY_BUDGET);
    }
}
