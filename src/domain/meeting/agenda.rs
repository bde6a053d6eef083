//! The agenda and its clock: items with a title, the Kompas phase they
//! serve, planned minutes and an optional lead party; the order is the
//! order of the list. The clock is a log of moments at which the current
//! item changed ([`ClockMark`]): every actual time (when an item started,
//! how long it ran, how long the meeting has run) is derived from those
//! recorded timestamps and the `now` the caller passes, never from a clock
//! of its own, so minutes, replays and tests are deterministic.

use serde::{Deserialize, Serialize};

use super::super::items::Origin as MeetingLink;
use super::super::{DomainError, Extra, Phase, Session, Timestamp};
use super::{MeetingError, MeetingRemoved, optional_id, required};

/// One item of the agenda.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub id: String,
    pub title: String,
    /// The Kompas phase the item serves.
    pub phase: Phase,
    pub planned_minutes: u32,
    /// Id of the party that leads the item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    /// When the item was marked done. An item without it is unfinished and
    /// carries over to the follow-up meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_at: Option<Timestamp>,
    /// Set on an item carried over from an earlier meeting: that meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<MeetingLink>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A moment the clock changed: from `at` on, `item` is the current item;
/// `None` stops the clock.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClockMark {
    pub id: String,
    pub at: Timestamp,
    #[serde(default)]
    pub item: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// What an agenda item form holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaFields {
    pub title: String,
    pub phase: Phase,
    pub planned_minutes: u32,
    pub lead: Option<String>,
}

/// How a running time stands against its plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TimeState {
    /// Under 80 % of the planned time.
    Within,
    /// From 80 % up to and including 100 %.
    Nearly,
    /// Past the planned time.
    Over,
}

impl TimeState {
    /// Percentage at which a time turns from within to nearly.
    pub const WARN_PERCENT: i64 = 80;

    pub fn of(elapsed_secs: i64, planned_secs: i64) -> TimeState {
        if elapsed_secs > planned_secs {
            TimeState::Over
        } else if elapsed_secs * 100 >= planned_secs * TimeState::WARN_PERCENT {
            TimeState::Nearly
        } else {
            TimeState::Within
        }
    }
}

/// The actual time of one agenda item, from the clock log.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ItemTime {
    /// Seconds the item was current.
    pub elapsed: i64,
    /// When it first became current.
    pub started: Option<Timestamp>,
    /// When it last stopped being current; `None` while it is current.
    pub ended: Option<Timestamp>,
}

impl AgendaItem {
    pub fn planned_secs(&self) -> i64 {
        i64::from(self.planned_minutes) * 60
    }

    pub fn is_done(&self) -> bool {
        self.done_at.is_some()
    }
}

impl Session {
    pub fn agenda_index(&self, id: &str) -> Option<usize> {
        self.agenda.iter().position(|a| a.id == id)
    }

    fn agenda_position(&self, id: &str) -> Result<usize, DomainError> {
        self.agenda_index(id).ok_or_else(|| DomainError::NotFound(id.to_string()))
    }

    fn check_agenda_fields(&self, f: &AgendaFields) -> Result<String, DomainError> {
        if let Some(lead) = &f.lead
            && self.party(lead).is_none()
        {
            return Err(DomainError::UnknownParty(lead.clone()));
        }
        required(&f.title, "title")
    }

    /// Add an item at position `at` (the end when `None` or past it).
    pub fn add_agenda_item(
        &mut self,
        f: &AgendaFields,
        at: Option<usize>,
        now: Timestamp,
    ) -> Result<String, DomainError> {
        let title = self.check_agenda_fields(f)?;
        let id = self.new_id('g', now);
        let item = AgendaItem {
            id: id.clone(),
            title,
            phase: f.phase,
            planned_minutes: f.planned_minutes,
            lead: optional_id(&f.lead),
            done_at: None,
            origin: None,
            created_at: now,
            updated_at: now,
            extra: Extra::new(),
        };
        let at = at.unwrap_or(self.agenda.len()).min(self.agenda.len());
        self.agenda.insert(at, item);
        self.updated_at = now;
        Ok(id)
    }

    /// Items in the given order (title, phase, planned minutes) at the end of
    /// the agenda: a template for a new meeting. Returns their ids.
    pub fn add_agenda_items(&mut self, items: &[(String, Phase, u32)], now: Timestamp) -> Vec<String> {
        let mut ids = Vec::with_capacity(items.len());
        for (title, phase, minutes) in items {
            let f =
                AgendaFields { title: title.clone(), phase: *phase, planned_minutes: *minutes, lead: None };
            if let Ok(id) = self.add_agenda_item(&f, None, now) {
                ids.push(id);
            }
        }
        ids
    }

    pub fn update_agenda_item(
        &mut self,
        id: &str,
        f: &AgendaFields,
        now: Timestamp,
    ) -> Result<(), DomainError> {
        let title = self.check_agenda_fields(f)?;
        let i = self.agenda_position(id)?;
        let item = &mut self.agenda[i];
        item.title = title;
        item.phase = f.phase;
        item.planned_minutes = f.planned_minutes;
        item.lead = optional_id(&f.lead);
        item.updated_at = now;
        self.updated_at = now;
        Ok(())
    }

    /// Move an item to position `to` (clamped to the list).
    pub fn move_agenda_item(&mut self, id: &str, to: usize, now: Timestamp) -> Result<(), DomainError> {
        let from = self.agenda_position(id)?;
        let to = to.min(self.agenda.len() - 1);
        if from != to {
            let item = self.agenda.remove(from);
            self.agenda.insert(to, item);
            self.updated_at = now;
        }
        Ok(())
    }

    /// Remove an item with its notes. Clock marks that made it current now
    /// stop the clock instead, so no other item gains its time. Undone by
    /// [`Session::restore`].
    pub fn remove_agenda_item(
        &mut self,
        id: &str,
        now: Timestamp,
    ) -> Result<super::super::Removed, DomainError> {
        let index = self.agenda_position(id)?;
        let item = self.agenda.remove(index);
        let mut notes = Vec::new();
        let mut position = 0;
        self.notes.retain(|n| {
            let keep = n.item.as_deref() != Some(id);
            if !keep {
                notes.push((position, n.clone()));
            }
            position += 1;
            keep
        });
        let mut marks = Vec::new();
        for m in &mut self.agenda_clock {
            if m.item.as_deref() == Some(id) {
                m.item = None;
                marks.push(m.id.clone());
            }
        }
        self.updated_at = now;
        Ok(super::super::Removed::Meeting(MeetingRemoved::AgendaItem { index, item, notes, marks }))
    }

    // ---- the clock ----------------------------------------------------

    /// The id of the current item: the item of the last clock mark.
    pub fn current_agenda_item(&self) -> Option<&str> {
        self.agenda_clock.last().and_then(|m| m.item.as_deref())
    }

    /// A clock runs: some item is current.
    pub fn clock_running(&self) -> bool {
        self.current_agenda_item().is_some()
    }

    fn mark(&mut self, item: Option<String>, now: Timestamp) {
        let id = self.new_id('k', now);
        self.agenda_clock.push(ClockMark { id, at: now, item, extra: Extra::new() });
        self.updated_at = now;
    }

    /// Make an item current, starting the clock if it was stopped. An item
    /// marked done is reopened.
    pub fn start_agenda_item(&mut self, id: &str, now: Timestamp) -> Result<(), DomainError> {
        let i = self.agenda_position(id)?;
        if self.current_agenda_item() == Some(id) {
            return Err(MeetingError::AlreadyCurrent.into());
        }
        if self.agenda[i].done_at.take().is_some() {
            self.agenda[i].updated_at = now;
        }
        self.mark(Some(id.to_string()), now);
        Ok(())
    }

    /// Stop the clock (a break, or the end of the meeting).
    pub fn stop_clock(&mut self, now: Timestamp) -> Result<(), DomainError> {
        if !self.clock_running() {
            return Err(MeetingError::ClockStopped.into());
        }
        self.mark(None, now);
        Ok(())
    }

    /// Mark an item done, or open again. Marking the current item done does
    /// not stop the clock: [`Session::next_agenda_item`] moves on.
    pub fn set_agenda_item_done(&mut self, id: &str, done: bool, now: Timestamp) -> Result<(), DomainError> {
        let i = self.agenda_position(id)?;
        let item = &mut self.agenda[i];
        item.done_at = if done { Some(item.done_at.unwrap_or(now)) } else { None };
        item.updated_at = now;
        self.updated_at = now;
        Ok(())
    }

    /// Finish the current item and make the next unfinished item current:
    /// the first one after it in the agenda, else the first one before it.
    /// With nothing left the clock stops. Returns the item now current.
    pub fn next_agenda_item(&mut self, now: Timestamp) -> Result<Option<String>, DomainError> {
        let current = self.current_agenda_item().and_then(|id| self.agenda_index(id));
        if let Some(i) = current {
            let id = self.agenda[i].id.clone();
            self.set_agenda_item_done(&id, true, now)?;
        }
        let from = current.map_or(0, |i| i + 1);
        let n = self.agenda.len();
        let next = (0..n).map(|k| (from + k) % n).find(|&k| !self.agenda[k].is_done());
        match next {
            Some(k) => {
                let id = self.agenda[k].id.clone();
                self.mark(Some(id.clone()), now);
                Ok(Some(id))
            }
            None if self.clock_running() => {
                self.mark(None, now);
                Ok(None)
            }
            None if current.is_none() => Err(MeetingError::NothingLeft.into()),
            None => Ok(None),
        }
    }

    /// Every stretch of time an item was current: (item id, start, end);
    /// the last one ends at `now` while the clock runs.
    fn clock_spans(&self, now: Timestamp) -> impl Iterator<Item = (&str, Timestamp, Timestamp)> + '_ {
        self.agenda_clock.iter().enumerate().filter_map(move |(i, m)| {
            let item = m.item.as_deref()?;
            let end = self.agenda_clock.get(i + 1).map_or(now, |next| next.at);
            Some((item, m.at, end))
        })
    }

    /// The actual time of one item.
    pub fn agenda_item_time(&self, id: &str, now: Timestamp) -> ItemTime {
        let mut t = ItemTime::default();
        let current = self.current_agenda_item() == Some(id);
        for (_, start, end) in self.clock_spans(now).filter(|(item, _, _)| *item == id) {
            t.elapsed += (end - start).num_seconds().max(0);
            t.started.get_or_insert(start);
            t.ended = Some(end);
        }
        if current {
            t.ended = None;
        }
        t
    }

    /// The seconds each agenda item was current, in agenda order: one pass
    /// over the clock log, for a view that shows every item's time.
    pub fn agenda_elapsed(&self, now: Timestamp) -> Vec<i64> {
        let index: std::collections::HashMap<&str, usize> =
            self.agenda.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
        let mut out = vec![0; self.agenda.len()];
        for (item, start, end) in self.clock_spans(now) {
            if let Some(&i) = index.get(item) {
                out[i] += (end - start).num_seconds().max(0);
            }
        }
        out
    }

    /// Seconds the meeting's clock has run: the sum of the times items were
    /// current (breaks with the clock stopped do not count).
    pub fn meeting_elapsed(&self, now: Timestamp) -> i64 {
        self.clock_spans(now).map(|(_, start, end)| (end - start).num_seconds().max(0)).sum()
    }

    /// The planned length of the meeting, in seconds: all items together.
    pub fn meeting_planned(&self) -> i64 {
        self.agenda.iter().map(AgendaItem::planned_secs).sum()
    }

    /// When the clock first started, and when it last stopped (`None` while
    /// it runs or never ran).
    pub fn meeting_span(&self) -> (Option<Timestamp>, Option<Timestamp>) {
        let start = self.agenda_clock.iter().find(|m| m.item.is_some()).map(|m| m.at);
        let end = match self.agenda_clock.last() {
            Some(m) if m.item.is_none() && start.is_some() => Some(m.at),
            _ => None,
        };
        (start, end)
    }

    /// The last moment the session recorded: where a clock still running in
    /// a file (rather than on screen) is counted up to.
    pub fn last_recorded(&self) -> Timestamp {
        let last = self.agenda_clock.last().map(|m| m.at);
        last.map_or(self.updated_at, |m| m.max(self.updated_at))
    }

    /// Items not marked done, in agenda order.
    pub fn unfinished_agenda(&self) -> impl Iterator<Item = &AgendaItem> {
        self.agenda.iter().filter(|a| !a.is_done())
    }
}

/// Carried over to the next meeting: the unfinished items, linked to the
/// meeting they were planned in (kept when they carry again), with their
/// clock and done mark left behind.
pub(super) fn carry(prev: &Session, here: &MeetingLink, next: &mut Session) {
    next.agenda = prev
        .unfinished_agenda()
        .map(|a| {
            let mut a = a.clone();
            a.origin.get_or_insert_with(|| here.clone());
            a
        })
        .collect();
}
