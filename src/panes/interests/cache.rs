//! When the map's layout must be computed again. `MapLayout::compute` wraps
//! every interest (most of a change's cost on a large map), yet most changes
//! touch nothing the map shows: ticking an intervention, an agreement, a
//! phase step. The pane keeps a fingerprint of everything the layout is made
//! from and computes only when it differs. The fingerprint is taken from the
//! session's content, not from how it changed, so undo, redo, outside changes
//! merged in, a follow-up opened and a renamed party all come out right.

use std::hash::{Hash, Hasher};

use crate::domain::{AmbitionLens, ContextAspect, Session};
use crate::storage::identity::content_hash;

/// Folds each written piece (a text, a number) into one 64-bit value.
struct Fold(u64);

impl Hasher for Fold {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x9e37_79b9_7f4a_7c15;
        self.0 = (self.0.rotate_left(5) ^ content_hash(bytes)).wrapping_mul(K);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Everything [`super::MapLayout::compute`] reads, at `width`: the parties
/// (id, organisation, who is at the table, wants, offers), the interests in
/// order (party, kind, text), what the whole table wants and offers, the
/// ambition and the context. Equal
/// fingerprints give equal layouts. Costs one pass over those texts
/// (hashing, no wrapping).
pub fn fingerprint(session: &Session, width: u16) -> u64 {
    let mut h = Fold(0);
    width.hash(&mut h);
    session.parties.len().hash(&mut h);
    for p in &session.parties {
        for text in [&p.id, &p.organisation, &p.representative, &p.role, &p.wants, &p.offers] {
            text.hash(&mut h);
        }
    }
    session.interests.len().hash(&mut h);
    for i in &session.interests {
        i.party.hash(&mut h);
        (i.kind as u8).hash(&mut h);
        i.text.hash(&mut h);
    }
    // The whole table's block (issue 9); its interests are among the above.
    session.table.wants.hash(&mut h);
    session.table.offers.hash(&mut h);
    for lens in AmbitionLens::ALL {
        session.ambition.get(lens).hash(&mut h);
    }
    for aspect in ContextAspect::ALL {
        session.context.get(aspect).hash(&mut h);
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::sync::Arc;

    use chrono::DateTime;

    use super::super::{Interests, MapLayout};
    use crate::app::{Access, Action, AppState, DiskNews, OpenedSession, change, update};
    use crate::domain::{InterestKind, PartyFields, Session, Timestamp};
    use crate::generate::{Size, session};
    use crate::i18n::{Lang, Msg};

    fn now() -> Timestamp {
        DateTime::parse_from_rfc3339("2026-03-30T10:00:00+02:00").unwrap()
    }

    fn open(state: &mut AppState, s: Session) {
        let opened = OpenedSession {
            session: s.into(),
            path: PathBuf::from("sessions/x.json"),
            access: Access::Edit,
            draft: None,
            previous: None,
        };
        update(state, Action::SessionOpened(Box::new(opened)), now());
    }

    fn app(w: u16) -> AppState {
        let mut state = AppState::new(Lang::Nl, PathBuf::from("sessions"), now().date_naive());
        update(&mut state, Action::Resize(w, 50), now());
        open(&mut state, session(Size::MEETING, 1));
        state
    }

    /// How often the layout was computed, after asserting it is the layout
    /// of the session as it is now.
    fn computed(state: &AppState) -> u64 {
        let s = state.session().unwrap();
        let st = s.local::<Interests>();
        assert_eq!(st.map, MapLayout::compute(&s.session, state.width), "the map's layout is stale");
        st.computed
    }

    fn edit(state: &mut AppState, f: impl FnOnce(&mut Session)) {
        let effects = change(state, Msg::KeyEdit, |s| {
            f(s.edit());
            Ok(true)
        });
        assert!(!effects.is_empty());
    }

    #[test]
    fn a_change_the_map_does_not_show_keeps_the_layout() {
        let mut state = app(200);
        let n = computed(&state);
        edit(&mut state, |s| s.agreements[0].text.push_str(" (bijgewerkt)"));
        update(&mut state, Action::NextPane, now());
        update(&mut state, Action::Tick, now());
        assert_eq!(computed(&state), n);
        // The width counts: a resize computes again, once.
        update(&mut state, Action::Resize(120, 40), now());
        assert_eq!(computed(&state), n + 1);
    }

    #[test]
    fn what_the_map_shows_computes_again_and_undo_and_redo_follow() {
        let mut state = app(200);
        let n = computed(&state);
        let long = "een heel lang belang dat over meerdere regels loopt ".repeat(6);
        let (id, party) = {
            let i = &state.session().unwrap().session.interests[3];
            (i.id.clone(), i.party.clone())
        };
        edit(&mut state, |s| s.update_interest(&id, &party, InterestKind::Collectief, &long, now()).unwrap());
        assert_eq!(computed(&state), n + 1);
        let changed = state.session().unwrap().local::<Interests>().map.clone();
        update(&mut state, Action::Undo, now());
        assert_eq!(computed(&state), n + 2);
        assert_ne!(state.session().unwrap().local::<Interests>().map, changed);
        update(&mut state, Action::Redo, now());
        assert_eq!(computed(&state), n + 3);
        assert_eq!(state.session().unwrap().local::<Interests>().map, changed);
    }

    #[test]
    fn a_renamed_party_and_an_ambition_compute_again() {
        let mut state = app(80);
        let n = computed(&state);
        let p = state.session().unwrap().session.parties[0].clone();
        let fields = PartyFields {
            organisation: "Woningcorporatie met een naam die niet op één regel past, zeker niet hier".into(),
            representative: p.representative.clone(),
            role: p.role.clone(),
            wants: p.wants.clone(),
            offers: p.offers.clone(),
        };
        edit(&mut state, |s| s.update_party(&p.id, &fields, now()).unwrap());
        assert_eq!(computed(&state), n + 1);
        edit(&mut state, |s| s.ambition.problem.push_str(" En nog een zin erbij die de regel vult."));
        assert_eq!(computed(&state), n + 2);
        edit(&mut state, |s| s.context.players.push_str(" En de buurtbewoners."));
        assert_eq!(computed(&state), n + 3);
    }

    #[test]
    fn an_outside_change_and_a_follow_up_compute_again() {
        let mut state = app(200);
        let n = computed(&state);
        let sent = Arc::clone(&state.session().unwrap().session);
        let mut theirs = (*sent).clone();
        theirs.interests[0].text = "Van buiten veranderd, en langer dan het was, veel langer ook".repeat(3);
        let news = DiskNews::CameIn { sent, session: Arc::new(theirs), came_in: 1, conflicts: 0 };
        update(&mut state, Action::FromDisk(news), now());
        assert_eq!(computed(&state), n + 1);
        // The follow-up opens in a fresh screen: its own layout.
        let next =
            state.session().unwrap().session.follow_up("m2".into(), "x.json", now().date_naive(), now());
        open(&mut state, next);
        computed(&state);
    }
}
