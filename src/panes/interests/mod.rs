//! The interests map: parties against the kinds of interest and the two
//! network questions, then the shared ambition and the context. Its layout
//! is computed in `reindex` when what it shows or the width changed (see
//! `cache.rs`), never per frame, so drawing costs only what is visible.

use ratatui::Frame;
use ratatui::crossterm::event::KeyCode::{Delete, Enter, Left, Right};
use ratatui::layout::Rect;

use super::{Cmd, Cx, Focus, Pane, PaneForm, Target};
use crate::app::{Action, AppState, Effect, SessionScreen, delete};
use crate::domain::{
    AmbitionLens, ContextAspect, InterestKind, Session, TABLE, TextKind, Timestamp, is_table,
};
use crate::i18n::{Lang, Msg};
use crate::keymap::{Binding, b, bh, ch, key};

mod cache;
mod draw;
pub(crate) mod forms;
mod layout;
mod nav;

pub use cache::fingerprint;
pub use layout::{
    CellLayout, MAP_ROWS, MapLayout, MapRow, MapSel, Orientation, Span, TABLE_ROWS, header_text, text_width,
};
pub use nav::map_scroll;

pub const ADD_INTEREST: Cmd = Cmd::edit("interests.add_interest");
pub const ADD_PARTY: Cmd = Cmd::edit("interests.add_party");

pub static KEYS: &[Binding] = &[
    bh(&[ch('a')], Action::Pane(ADD_INTEREST), Msg::KeyAddInterest, Msg::HelpAddInterest, true),
    bh(&[ch('p')], Action::Pane(ADD_PARTY), Msg::KeyAddParty, Msg::HelpAddParty, true),
    bh(&[key(Enter), ch('e')], Action::Activate, Msg::KeyEdit, Msg::HelpEditMap, true),
    bh(&[ch('d'), key(Delete)], Action::DeleteSelected, Msg::KeyDelete, Msg::HelpDeleteMap, true),
    b(&[key(Left), ch('h')], Action::Left, Msg::KeyLeftParty, false),
    b(&[key(Right), ch('l')], Action::Right, Msg::KeyRightParty, false),
];

/// The map's own forms (the others are the app's: party, interest,
/// ambition, context).
static FORMS: &[&PaneForm] = &[&forms::TABLE_FORM];

/// The help's and the README's sections for this pane.
static HELP: &[(Msg, &[Binding])] = &[(Msg::PaneInterests, KEYS)];

#[derive(Debug, Default)]
pub struct State {
    pub map: MapLayout,
    pub sel: MapSel,
    /// The column to return to when leaving the ambition upwards.
    pub last_party: usize,
    /// First line of the map shown.
    pub top: usize,
    /// Interests in the session, for the tab.
    count: usize,
    /// [`fingerprint`] of what `map` was computed from; `reindex` computes
    /// the layout again only when it differs (see `cache.rs`).
    pub map_key: Option<u64>,
    /// How many times the layout was computed (tests see the cache work).
    pub computed: u64,
}

impl State {
    /// The selection as (party index, map row, item), when it is a cell.
    fn cell(&self, session: &Session) -> Option<(usize, MapRow, usize)> {
        match self.sel {
            MapSel::Cell { party, row, item } if party < session.parties.len() => {
                Some((party, MAP_ROWS[row], item))
            }
            _ => None,
        }
    }

    /// The interest under the cursor, as an index into `session.interests`.
    fn interest(&self) -> Option<usize> {
        match self.sel {
            MapSel::Cell { party, row, item } => self.map.cells.get(party)?[row].interests.get(item).copied(),
            MapSel::Table { row, item } => self.map.table.get(row)?.interests.get(item).copied(),
            _ => None,
        }
    }

    /// Whose cell the cursor is in, and the kind of interest of its row:
    /// a party's id or the whole table's, for a capture that starts here
    /// (the coach's `b`). `None` on the ambition and the context.
    pub fn holder(&self, session: &Session) -> Option<(String, Option<InterestKind>)> {
        let kind = |row: MapRow| match row {
            MapRow::Kind(k) => Some(k),
            _ => None,
        };
        match self.sel {
            MapSel::Table { .. } => Some((TABLE.to_string(), self.table_row().and_then(kind))),
            _ => self.cell(session).map(|(p, row, _)| (session.parties[p].id.clone(), kind(row))),
        }
    }

    /// The row of the whole table's block under the cursor.
    fn table_row(&self) -> Option<MapRow> {
        match self.sel {
            MapSel::Table { row, .. } => TABLE_ROWS.get(row).copied(),
            _ => None,
        }
    }

    fn select(&mut self, sel: MapSel) {
        self.sel = sel;
        if let MapSel::Cell { party, .. } = sel {
            self.last_party = party;
        }
    }

    /// Move by a movement key; false when the action is not one.
    fn step(&mut self, action: &Action, body_height: u16) -> bool {
        let map = &self.map;
        let sel = match action {
            Action::Up => map.up(self.sel, self.last_party),
            Action::Down => map.down(self.sel),
            Action::Left => map.sideways(self.sel, false),
            Action::Right => map.sideways(self.sel, true),
            Action::PageDown | Action::PageUp => {
                // Step until the selection has moved about a screen.
                let rows = map.viewport(body_height);
                let start = map.span_of(self.sel).top;
                let mut sel = self.sel;
                loop {
                    let next = if *action == Action::PageDown {
                        map.down(sel)
                    } else {
                        map.up(sel, self.last_party)
                    };
                    if next == sel || map.span_of(next).top.abs_diff(start) >= rows.saturating_sub(2) {
                        break next;
                    }
                    sel = next;
                }
            }
            Action::Home => map.clamp(MapSel::default()),
            Action::End => MapSel::Context(2),
            _ => return false,
        };
        self.select(sel);
        self.show(body_height);
        true
    }

    fn show(&mut self, body_height: u16) {
        let rows = self.map.viewport(body_height);
        self.top = map_scroll(self.top, self.map.span_of(self.sel), rows, self.map.total);
    }
}

pub struct Interests;

impl Pane for Interests {
    type State = State;
    const ID: &'static str = "interests";

    fn title(&self) -> Msg {
        Msg::PaneInterests
    }

    fn tab(&self, st: &State, _s: &SessionScreen, _lang: Lang) -> String {
        st.count.to_string()
    }

    fn bindings(&self, _st: &State) -> Vec<&'static [Binding]> {
        vec![KEYS]
    }

    fn help(&self) -> &'static [(Msg, &'static [Binding])] {
        HELP
    }

    fn forms(&self) -> &'static [&'static PaneForm] {
        FORMS
    }

    fn reindex(&self, st: &mut State, cx: &Cx) {
        let key = fingerprint(cx.session, cx.view.width);
        if st.map_key != Some(key) {
            st.map = MapLayout::compute(cx.session, cx.view.width);
            st.map_key = Some(key);
            st.computed += 1;
        }
        st.sel = st.map.clamp(st.sel);
        st.count = cx.session.interests.len();
    }

    fn keep_in_view(&self, st: &mut State, cx: &Cx) {
        st.show(cx.view.body().height);
    }

    fn handle(&self, state: &mut AppState, action: &Action, now: Timestamp) -> Option<Vec<Effect>> {
        let body_height = state.view().body().height;
        let s = state.session_mut()?;
        let (session, st) = s.split::<Interests>();
        if st.step(action, body_height) {
            return Some(Vec::new());
        }
        let cell = st.cell(session);
        let form = match action {
            Action::Pane(ADD_PARTY) => forms::party_form(session, None, "organisation"),
            // On the whole table's block: an interest of the whole table.
            Action::Pane(ADD_INTEREST) if st.table_row().is_some() => {
                let kind = match st.table_row() {
                    Some(MapRow::Kind(k)) => k,
                    _ => InterestKind::Collectief,
                };
                forms::interest_form(session, None, TABLE, kind)
            }
            Action::Pane(ADD_INTEREST) if session.parties.is_empty() => {
                state.warn(Msg::AddPartyFirst);
                return Some(Vec::new());
            }
            Action::Pane(ADD_INTEREST) => {
                let (party, kind) = match cell {
                    Some((p, MapRow::Kind(k), _)) => (p, k),
                    Some((p, _, _)) => (p, InterestKind::Organisatie),
                    None => (0, InterestKind::Organisatie),
                };
                forms::interest_form(session, None, &session.parties[party].id, kind)
            }
            Action::Activate | Action::EditSelected if st.table_row().is_some() => match st.table_row() {
                Some(MapRow::Kind(k)) => {
                    let id = st.interest().map(|i| session.interests[i].id.clone());
                    forms::interest_form(session, id.as_deref(), TABLE, k)
                }
                Some(MapRow::Offers) => forms::table_form(session, "offers"),
                _ => forms::table_form(session, "wants"),
            },
            Action::Activate | Action::EditSelected => match (st.sel, cell) {
                (MapSel::Ambition(l), _) => forms::ambition_form(session, AmbitionLens::ALL[l.min(3)]),
                (MapSel::Context(a), _) => forms::context_form(session, ContextAspect::ALL[a.min(2)]),
                (_, Some((p, MapRow::Header, _))) => {
                    forms::party_form(session, Some(&session.parties[p].id), "organisation")
                }
                (_, Some((p, MapRow::Wants, _))) => {
                    forms::party_form(session, Some(&session.parties[p].id), "wants")
                }
                (_, Some((p, MapRow::Offers, _))) => {
                    forms::party_form(session, Some(&session.parties[p].id), "offers")
                }
                (_, Some((p, MapRow::Kind(k), _))) => {
                    let id = st.interest().map(|i| session.interests[i].id.clone());
                    forms::interest_form(session, id.as_deref(), &session.parties[p].id, k)
                }
                (_, None) => forms::party_form(session, None, "organisation"),
            },
            Action::DeleteSelected => {
                let interest = st.interest().map(|i| session.interests[i].id.clone());
                return Some(match (interest, cell) {
                    (Some(id), _) => delete(state, |s| s.edit().remove_interest(&id, now)),
                    (None, Some((p, MapRow::Header, _))) => {
                        let id = session.parties[p].id.clone();
                        delete(state, |s| s.edit().remove_party(&id, now))
                    }
                    _ => Vec::new(),
                });
            }
            _ => return None,
        };
        state.form = Some(form);
        Some(Vec::new())
    }

    fn selected(&self, st: &State, s: &SessionScreen, _lang: Lang) -> Option<crate::panes::Selection> {
        use crate::domain::TextKind;
        let session = &s.session;
        let (kind, id) = match (st.interest(), st.sel) {
            (Some(i), _) => (TextKind::Interest, session.interests[i].id.clone()),
            (None, MapSel::Cell { party, .. }) => (TextKind::Party, session.parties.get(party)?.id.clone()),
            // The whole table's wants and offers: its spotlight.
            (None, MapSel::Table { .. }) if st.table_row().is_some_and(|r| !matches!(r, MapRow::Kind(_))) => {
                (TextKind::Party, TABLE.to_string())
            }
            _ => return None,
        };
        Some(crate::panes::Selection { kind, id, question: None })
    }

    fn focus(&self, st: &mut State, cx: &Cx, target: Target, _how: Focus) -> bool {
        let session = cx.session;
        let sel = match target.kind {
            TextKind::Interest => session.interest_index(target.id).and_then(|i| st.map.find_interest(i)),
            TextKind::NetworkQuestion if is_table(target.id) => Some(MapSel::Table { row: 3, item: 0 }),
            TextKind::Party | TextKind::NetworkQuestion => session.party_index(target.id).map(|party| {
                let row = if target.kind == TextKind::Party { 0 } else { 4 };
                MapSel::Cell { party, row, item: 0 }
            }),
            TextKind::Ambition => Some(MapSel::Ambition(0)),
            TextKind::Context => Some(MapSel::Context(0)),
            _ => None,
        };
        let Some(sel) = sel else { return false };
        st.select(sel);
        st.show(cx.view.body().height);
        true
    }

    fn draw(&self, st: &State, frame: &mut Frame, area: Rect, state: &AppState, s: &SessionScreen) {
        draw::draw(frame, area, state, s, st);
    }
}
