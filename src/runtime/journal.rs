//! Scheduling the draft journal: typing in an open form is written within
//! about a second of the last key, and removed once it is safely saved.

use std::time::{Duration, Instant};

use crate::app::{AppState, SaveState};
use crate::storage;

/// Typing is journaled this long after the last change (so a burst of keys
/// costs one write), well within the promised second.
const JOURNAL_DELAY: Duration = Duration::from_millis(400);

#[derive(Default)]
pub(super) struct Journal {
    /// When the open form's typing must be written.
    pub(super) due: Option<Instant>,
    /// Revision of the form last written.
    written: Option<u64>,
    /// A journal file exists for the open session.
    pub(super) on_disk: bool,
}

impl Journal {
    /// After every update: schedule a write when the form changed, remove the
    /// journal once the form is gone and the session is safely saved.
    pub(super) fn plan(&mut self, state: &AppState) {
        let Some(s) = state.session() else {
            *self = Journal::default();
            return;
        };
        if s.access.read_only() {
            return;
        }
        match &state.form {
            Some(f) if f.dirty => {
                if self.written != Some(f.revision) && self.due.is_none() {
                    self.due = Some(Instant::now() + JOURNAL_DELAY);
                }
            }
            _ => {
                self.due = None;
                self.written = None;
                if self.on_disk
                    && matches!(s.save, SaveState::Saved(_))
                    && storage::journal::remove_draft(&s.path).is_ok()
                {
                    self.on_disk = false;
                }
            }
        }
    }

    /// On the way out, after the last save reached the disk: with no form
    /// open nothing typed is uncommitted, so a journal left from earlier
    /// (its text was just saved) goes. Without this, a quit that comes
    /// before the writer's "saved" has been seen would leave the journal,
    /// and the next start would offer the saved text again.
    pub(super) fn settle(&mut self, state: &AppState) {
        let Some(s) = state.session() else { return };
        if self.on_disk
            && state.form.is_none()
            && !s.access.read_only()
            && storage::journal::remove_draft(&s.path).is_ok()
        {
            self.on_disk = false;
        }
    }

    /// Write the open form's typing now (when it is due, and before exiting).
    pub(super) fn write(&mut self, state: &AppState) {
        self.due = None;
        let (Some(s), Some(f)) = (state.session(), &state.form) else { return };
        if s.access.read_only() || !f.dirty || self.written == Some(f.revision) {
            return;
        }
        let Ok(value) = serde_json::to_value(f.to_draft()) else { return };
        if storage::journal::write_draft(&s.path, &s.session.id, value).is_ok() {
            self.written = Some(f.revision);
            self.on_disk = true;
        }
    }
}
