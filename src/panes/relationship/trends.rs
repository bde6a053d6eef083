//! The Relation pane's trends over the chain: the earlier meetings' marks
//! are derived once per chain, this meeting's on every change, and the
//! trends only when those change (issue 10's budget: ticking an
//! intervention must not derive 50 meetings again).

use super::State;
use crate::domain::{ChainMarks, MeetingMarks, Session};

/// Which chain the earlier marks were derived from: its place in memory,
/// this meeting's id, and each meeting's id, dates and last change, so a
/// chain read again (or another meeting opened) is never taken for it.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct ChainKey {
    at: usize,
    len: usize,
    session: String,
    print: u64,
}

impl ChainKey {
    fn of(earlier: &[Session], session: &Session) -> ChainKey {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for s in earlier {
            (&s.id, s.meeting_date, s.created_at, s.updated_at).hash(&mut h);
        }
        ChainKey {
            at: earlier.as_ptr() as usize,
            len: earlier.len(),
            session: session.id.clone(),
            print: h.finish(),
        }
    }
}

/// The trends over the chain's earlier meetings and this one. The earlier
/// meetings' marks are derived again only when the chain does change, and
/// the trends only when this meeting's marks do: ticking an intervention
/// or editing elsewhere costs one meeting's marks, not the chain's.
pub(super) fn derive(st: &mut State, earlier: &[Session], session: &Session) {
    let key = ChainKey::of(earlier, session);
    let fresh = st.earlier.as_ref().is_none_or(|(k, _)| *k != key);
    if fresh {
        let marks = ChainMarks::of(earlier.iter().filter(|s| s.id != session.id));
        st.earlier = Some((key, marks));
    }
    let current = MeetingMarks::of(session);
    if !fresh && st.current.as_ref() == Some(&current) {
        return;
    }
    let Some((_, earlier)) = &st.earlier else { return };
    let all = earlier.with(current.clone());
    st.trend = all.conditions();
    st.flags = st.trend.flags();
    st.temperatures = all.temperatures();
    st.trust = all.trust();
    st.current = Some(current);
}
