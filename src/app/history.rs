//! Undo and redo for every change that goes through the one change path
//! ([`crate::app::change`]): a change keeps the session as it was before
//! and as it was after (their `Arc`s, so keeping them copies nothing), with
//! the name of the change. Nothing here knows any instrument: whatever a
//! change touched, undoing it is the same.
//!
//! **Across outside changes** (issue 8): changes from outside kompas (a
//! colleague's kompas, a sync tool) come in while the history is kept.
//! Undo must take back only the facilitator's own step and never what came
//! in. So a step is taken as is only while the session shown is still the
//! one the step left; otherwise the step is merged into what is shown with
//! the three-way merge of the file ([`storage::merge`], item by item by
//! stable id): base = the session the step left, ours = the session the
//! step goes back to, theirs = the session shown now. What came in since is
//! the difference between base and theirs and stays; the step's own
//! difference is taken back. Several outside changes between steps, and
//! steps made between outside changes, need nothing more: each step keeps
//! the session it left, and everything after it is "since".
//!
//! When what came in changed the same field or item as the step, the step
//! is **refused** (and leaves the history; the step before it can still be
//! undone), with a notice that says so. Not a conflict record: the merge
//! would keep the step's old value and move the colleague's newer one into
//! a record, so an undo would take an outside change back out of view and
//! hand the facilitator a conflict to settle for what was meant as a quick
//! correction. The colleague's value is the newer knowledge of that field,
//! so it stays as it is; whoever disagrees edits it, like any other change.
//!
//! Memory is bounded: at most [`MAX_STEPS`] steps, and no more than
//! [`MEMORY_BUDGET`] bytes of kept sessions, counted with the size of the
//! session as a file (measured when it opened), so a 5 MB session keeps
//! fewer steps than a 50 KB one. Consecutive steps share their sessions;
//! an outside change or a merged step costs one more kept session.

use std::sync::Arc;

use crate::domain::{Session, Timestamp};
use crate::i18n::{Lang, Msg};
use crate::storage;

// Short enough to fit beside the save state at 80 columns.
crate::messages! { pub struct H {
    UndoneKept => "Ongedaan gemaakt: {what} (van buiten blijft)", "Undone: {what} (outside changes stay)";
    RedoneKept => "Opnieuw gedaan: {what} (van buiten blijft)", "Redone: {what} (outside changes stay)";
    NotUndone => "Niet ongedaan ({what}): van buiten gewijzigd", "Not undone ({what}): changed from outside too";
    NotRedone => "Niet opnieuw ({what}): van buiten gewijzigd", "Not redone ({what}): changed from outside too";
} }

/// Steps kept at most.
pub const MAX_STEPS: usize = 100;
/// Bytes of kept sessions at most.
pub const MEMORY_BUDGET: usize = 48 * 1024 * 1024;

/// Where conflict records of a step's merge would say they came from (the
/// merge of a step that would make one is refused, so none is ever kept).
const SOURCE: &str = "undo";

/// One change, seen from the side undo (or redo) takes it from.
#[derive(Debug, Clone)]
pub struct Step {
    pub what: Msg,
    /// The session to go to: before the change, for an undo.
    pub to: Arc<Session>,
    /// The session the change left (after it, for an undo): `to` differs
    /// from it by exactly the change.
    pub from: Arc<Session>,
}

/// What an undo or a redo did.
#[derive(Debug)]
pub enum Taken {
    /// No step to take.
    Nothing,
    /// The session to show now. `merged`: changes had come in since the
    /// step and are kept in it.
    Done { what: Msg, session: Arc<Session>, merged: bool },
    /// What came in since changed the same as the step: nothing changes,
    /// and the step leaves the history.
    Refused { what: Msg },
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

    /// A change named `what` made `before` into `after` (the session shown
    /// now): it can be undone, and what was undone before can no longer be
    /// redone.
    pub fn record(&mut self, what: Msg, before: Arc<Session>, after: &Arc<Session>) {
        if self.step_bytes == 0 {
            self.step_bytes = file_bytes(&before);
        }
        self.redo.clear();
        self.undo.push(Step { what, to: before, from: Arc::clone(after) });
        self.trim(after);
    }

    /// Take back the last change from `current`, the session shown.
    pub fn undo(&mut self, current: &Arc<Session>, now: Timestamp) -> Taken {
        let Some(step) = self.undo.pop() else { return Taken::Nothing };
        self.take(step, current, now, true)
    }

    /// Make the last undone change again on `current`.
    pub fn redo(&mut self, current: &Arc<Session>, now: Timestamp) -> Taken {
        let Some(step) = self.redo.pop() else { return Taken::Nothing };
        self.take(step, current, now, false)
    }

    fn take(&mut self, step: Step, current: &Arc<Session>, now: Timestamp, undo: bool) -> Taken {
        let Step { what, to, from } = step;
        let (session, merged) = if Arc::ptr_eq(current, &from) {
            // Nothing came in since: the step as it is. Handed on as a new
            // version, not as `to` itself: the writer met that `Arc` before
            // (it was saved) and takes a version it knows as nothing new of
            // ours, so the file's newer version would win and the undo come
            // back out. Steps that shared `to` share the copy.
            let session = Arc::new((*to).clone());
            self.replace(&to, &session);
            (session, false)
        } else {
            match storage::merge(Some(&from), &to, current, SOURCE, now) {
                Ok(m) if m.conflicts == 0 => (Arc::new(m.session), true),
                // The same field or item changed since, or the result
                // would break a rule of the model: see the module doc.
                _ => return Taken::Refused { what },
            }
        };
        let back = Step { what, to: Arc::clone(current), from: Arc::clone(&session) };
        if undo {
            self.redo.push(back)
        } else {
            self.undo.push(back)
        }
        self.trim(&session);
        Taken::Done { what, session, merged }
    }

    /// Every kept `old` becomes `new` (the same contents).
    fn replace(&mut self, old: &Arc<Session>, new: &Arc<Session>) {
        for s in self.undo.iter_mut().chain(self.redo.iter_mut()) {
            for kept in [&mut s.to, &mut s.from] {
                if Arc::ptr_eq(kept, old) {
                    *kept = Arc::clone(new);
                }
            }
        }
    }

    /// Drop the oldest steps while more are kept than fit (`current` is
    /// shown, so it costs nothing extra). One step always stays.
    fn trim(&mut self, current: &Arc<Session>) {
        let over = self.undo.len().saturating_sub(MAX_STEPS);
        self.undo.drain(..over);
        while self.undo.len() + self.redo.len() > 1
            && self.kept(current).saturating_mul(self.step_bytes.max(1)) > MEMORY_BUDGET
        {
            let oldest = if self.undo.is_empty() { &mut self.redo } else { &mut self.undo };
            oldest.remove(0);
        }
    }

    /// How many sessions the steps hold besides `current`.
    pub fn kept(&self, current: &Arc<Session>) -> usize {
        let mut held: Vec<*const Session> = (self.undo.iter().chain(&self.redo))
            .flat_map(|s| [Arc::as_ptr(&s.to), Arc::as_ptr(&s.from)])
            .filter(|&p| p != Arc::as_ptr(current))
            .collect();
        held.sort_unstable();
        held.dedup();
        held.len()
    }

    pub fn can_undo(&self) -> usize {
        self.undo.len()
    }

    pub fn can_redo(&self) -> usize {
        self.redo.len()
    }
}

/// The notice for a step taken across changes from outside (`merged`) or
/// refused (`taken: false`), in `lang`.
pub fn say(lang: Lang, undone: bool, what: Msg, taken: bool) -> String {
    let m = match (undone, taken) {
        (true, true) => H::UndoneKept,
        (false, true) => H::RedoneKept,
        (true, false) => H::NotUndone,
        (false, false) => H::NotRedone,
    };
    m.get(lang).replace("{what}", what.get(lang))
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
    use crate::domain::{ContextAspect, PartyFields};

    fn t(min: i64) -> Timestamp {
        chrono::DateTime::parse_from_rfc3339("2026-03-12T10:00:00+01:00").unwrap()
            + chrono::Duration::minutes(min)
    }

    fn session(title: &str) -> Arc<Session> {
        Arc::new(Session::new("s".into(), title, t(0).date_naive(), "", t(0)).unwrap())
    }

    /// `s` with `f` applied, as a new version.
    fn with(s: &Arc<Session>, f: impl FnOnce(&mut Session)) -> Arc<Session> {
        let mut next = (**s).clone();
        f(&mut next);
        Arc::new(next)
    }

    fn party(s: &mut Session, name: &str, at: i64) {
        s.add_party(&PartyFields { organisation: name.into(), ..Default::default() }, t(at)).unwrap();
    }

    fn names(s: &Session) -> Vec<&str> {
        s.parties.iter().map(|p| p.organisation.as_str()).collect()
    }

    /// Make a change the way `app::change` does.
    fn change(h: &mut History, shown: &mut Arc<Session>, f: impl FnOnce(&mut Session)) {
        let after = with(shown, f);
        h.record(Msg::Title, std::mem::replace(shown, Arc::clone(&after)), &after);
    }

    fn done(taken: Taken) -> (Arc<Session>, bool) {
        match taken {
            Taken::Done { session, merged, .. } => (session, merged),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn undo_and_redo_walk_the_steps_and_a_new_change_ends_redo() {
        let mut h = History::new(1000);
        let mut shown = session("a");
        change(&mut h, &mut shown, |s| s.title = "b".into());
        change(&mut h, &mut shown, |s| s.title = "c".into());
        let (back, merged) = done(h.undo(&shown, t(1)));
        assert_eq!((back.title.as_str(), merged), ("b", false));
        let (forward, _) = done(h.redo(&back, t(1)));
        assert_eq!(forward.title, "c");
        let (back, _) = done(h.undo(&forward, t(1)));
        let (first, merged) = done(h.undo(&back, t(1)));
        assert_eq!((first.title.as_str(), merged), ("a", false), "consecutive steps need no merge");
        assert!(matches!(h.undo(&first, t(1)), Taken::Nothing));
        let mut shown = first;
        change(&mut h, &mut shown, |s| s.title = "d".into());
        assert!(matches!(h.redo(&shown, t(1)), Taken::Nothing), "a new change ends the redo");
    }

    /// Found while building this: a session handed back as the very `Arc`
    /// saved earlier was taken by the writer as nothing new of ours.
    #[test]
    fn an_undone_session_is_a_new_version_never_one_kept_before() {
        let mut h = History::new(1000);
        let mut shown = session("a");
        let first = Arc::clone(&shown);
        change(&mut h, &mut shown, |s| s.title = "b".into());
        let (back, _) = done(h.undo(&shown, t(1)));
        assert!(!Arc::ptr_eq(&back, &first));
        assert_eq!(*back, *first);
        let (forward, _) = done(h.redo(&back, t(1)));
        assert!(!Arc::ptr_eq(&forward, &shown));
        assert_eq!(*forward, *shown);
    }

    #[test]
    fn undo_after_an_outside_change_takes_back_only_the_step() {
        let mut h = History::new(1000);
        let mut shown = session("Wijk");
        change(&mut h, &mut shown, |s| party(s, "Woonstede", 1));
        // A colleague adds a party and sets the players.
        let theirs = with(&shown, |s| {
            party(s, "GGD", 2);
            s.set_context(ContextAspect::Players, "wijkteam", t(2));
        });
        let (back, merged) = done(h.undo(&theirs, t(3)));
        assert!(merged);
        assert_eq!(names(&back), ["GGD"]);
        assert_eq!(back.context.players, "wijkteam");
        assert!(back.conflicts.is_empty());
        // Redo brings the step back, still with theirs.
        let (forward, merged) = done(h.redo(&back, t(4)));
        assert!(!merged, "nothing came in since the undo");
        assert_eq!(names(&forward), ["Woonstede", "GGD"]);
        assert_eq!(forward.context.players, "wijkteam");
    }

    #[test]
    fn redo_after_an_outside_change_keeps_it() {
        let mut h = History::new(1000);
        let mut shown = session("Wijk");
        change(&mut h, &mut shown, |s| party(s, "Woonstede", 1));
        let (back, _) = done(h.undo(&shown, t(2)));
        let theirs = with(&back, |s| s.title = "Buurt".into());
        let (forward, merged) = done(h.redo(&theirs, t(3)));
        assert!(merged);
        assert_eq!((forward.title.as_str(), names(&forward)), ("Buurt", vec!["Woonstede"]));
    }

    #[test]
    fn several_outside_changes_between_steps() {
        let mut h = History::new(1000);
        let mut shown = session("Wijk");
        change(&mut h, &mut shown, |s| party(s, "A", 1));
        shown = with(&shown, |s| party(s, "X", 2)); // outside
        change(&mut h, &mut shown, |s| party(s, "B", 3));
        shown = with(&shown, |s| party(s, "Y", 4)); // outside
        shown = with(&shown, |s| s.title = "Buurt".into()); // outside again
        let (s1, _) = done(h.undo(&shown, t(5)));
        assert_eq!(names(&s1), ["A", "X", "Y"]);
        let (s2, _) = done(h.undo(&s1, t(5)));
        assert_eq!((s2.title.as_str(), names(&s2)), ("Buurt", vec!["X", "Y"]));
        let (s3, _) = done(h.redo(&s2, t(6)));
        let (s4, _) = done(h.redo(&s3, t(6)));
        assert_eq!(names(&s4), ["A", "X", "B", "Y"]);
        assert_eq!(s4.title, "Buurt");
    }

    #[test]
    fn a_step_whose_field_changed_outside_too_is_refused_and_leaves_the_history() {
        let mut h = History::new(1000);
        let mut shown = session("Wijk");
        change(&mut h, &mut shown, |s| party(s, "Woonstede", 1));
        change(&mut h, &mut shown, |s| s.title = "Buurt".into());
        let theirs = with(&shown, |s| s.title = "Wijk Oost".into());
        match h.undo(&theirs, t(3)) {
            Taken::Refused { what } => assert_eq!(what, Msg::Title),
            other => panic!("{other:?}"),
        }
        assert_eq!(h.can_undo(), 1, "the refused step is gone, the one before stays");
        // The step before is undone around both the refused step and theirs.
        let (back, merged) = done(h.undo(&theirs, t(4)));
        assert!(merged);
        assert_eq!((back.title.as_str(), names(&back)), ("Wijk Oost", vec![]));
    }

    #[test]
    fn undoing_an_item_edited_outside_is_refused() {
        let mut h = History::new(1000);
        let mut shown = session("Wijk");
        change(&mut h, &mut shown, |s| party(s, "Woonstede", 1));
        let theirs = with(&shown, |s| s.parties[0].representative = "Anouk".into());
        assert!(matches!(h.undo(&theirs, t(2)), Taken::Refused { .. }), "their edit would go with it");
        assert!(matches!(h.undo(&theirs, t(2)), Taken::Nothing));
    }

    #[test]
    fn a_phase_move_is_undone_around_an_outside_change() {
        let mut h = History::new(1000);
        let mut shown = session("Wijk");
        change(&mut h, &mut shown, |s| {
            s.move_to_phase(crate::domain::Phase::Delen, None, t(1)).unwrap();
        });
        let theirs = with(&shown, |s| s.title = "Buurt".into());
        let (back, merged) = done(h.undo(&theirs, t(2)));
        assert!(merged);
        assert_eq!((back.phase, back.phase_history.len()), (crate::domain::Phase::Verkennen, 1));
        assert_eq!(back.title, "Buurt");
    }

    #[test]
    fn a_large_session_keeps_fewer_steps() {
        let mut small = History::new(50_000);
        let mut large = History::new(5_000_000);
        let (mut a, mut b) = (session("0"), session("0"));
        for i in 0..200 {
            change(&mut small, &mut a, |s| s.title = i.to_string());
            change(&mut large, &mut b, |s| s.title = i.to_string());
        }
        assert_eq!(small.can_undo(), MAX_STEPS);
        assert_eq!(large.can_undo(), MEMORY_BUDGET / 5_000_000);
        assert!(large.kept(&b) * 5_000_000 <= MEMORY_BUDGET);
    }

    #[test]
    fn sessions_kept_across_outside_changes_count_too() {
        let mut h = History::new(5_000_000);
        let mut shown = session("0");
        for i in 0..200 {
            change(&mut h, &mut shown, |s| s.title = i.to_string());
            // Every step is followed by a change from outside.
            shown = with(&shown, |s| s.context.players = i.to_string());
        }
        assert!(h.kept(&shown) * 5_000_000 <= MEMORY_BUDGET, "{}", h.kept(&shown));
        assert!(h.can_undo() >= MEMORY_BUDGET / 5_000_000 / 2 - 1, "{}", h.can_undo());
        // Undo all of them: memory stays bounded while the redo side grows.
        while let Taken::Done { session, .. } = h.undo(&shown, t(1)) {
            shown = session;
            assert!(h.kept(&shown) * 5_000_000 <= MEMORY_BUDGET, "{}", h.kept(&shown));
        }
    }

    #[test]
    fn the_notices_say_what_happened_in_both_languages() {
        assert_eq!(say(Lang::En, true, Msg::Title, false), "Not undone (Title): changed from outside too");
        assert_eq!(say(Lang::Nl, true, Msg::Title, true), "Ongedaan gemaakt: Titel (van buiten blijft)");
    }
}
