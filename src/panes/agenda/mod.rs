//! The agenda: the meeting's items in their order, each with its phase,
//! planned minutes, lead party and the time it has had; the current item
//! marked, and its clock (with the meeting's) in the header on every pane.
//! The selected item's notes, timestamped, in the box below. A new meeting
//! can start from the phase's agenda template (`assets/meeting.json`).
//! `w` turns the pane to the attendance list and back (`people.rs`).
//!
//! While a clock runs the pane asks to be woken once a second
//! ([`Pane::next_wake`]); with the clock stopped it asks for nothing, so an
//! idle kompas uses no CPU.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{Cmd, Cx, Pane, PaneForm};
use crate::app::{Action, AppState, Effect, ListCursor, SessionScreen, change};
use crate::domain::Timestamp;
use crate::domain::meeting::TimeState;
use crate::i18n::{Lang, Msg};
use crate::keymap::{Binding, b, bh, ch, key};

mod draw;
pub(crate) mod forms;
mod people;

pub use draw::{clock_text, header_clock};

crate::messages! { pub struct M {
    Title => "Agenda", "Agenda";
    NoItems => "Nog geen agenda. Druk a voor een punt of m voor het sjabloon van deze fase.", "No agenda yet. Press a for an item or m for this phase's template.";
    Item => "Agendapunt", "Agenda item";
    Planned => "Gepland", "Planned";
    Actual => "Werkelijk", "Actual";
    Lead => "Trekker", "Lead";
    NoLead => "(geen trekker)", "(no lead)";
    Minutes => "Minuten", "Minutes";
    BadMinutes => "Minuten: een heel getal van 0 tot 600", "Minutes: a whole number from 0 to 600";
    NewItem => "Nieuw agendapunt", "New agenda item";
    EditItem => "Agendapunt bewerken", "Edit agenda item";
    Note => "Notitie", "Note";
    NewNote => "Nieuwe notitie", "New note";
    EditNote => "Notitie bewerken", "Edit note";
    NoNotes => "Nog geen notities bij dit punt (o).", "No notes on this item yet (o).";
    Current => "nu", "now";
    Done => "klaar", "done";
    Paused => "klok stil", "clock stopped";
    ItemClock => "punt", "item";
    MeetingClock => "totaal", "total";
    Carried => "van vorige keer", "from last time";
    TemplateAdded => "Agenda gevuld met het sjabloon van deze fase", "Agenda filled with this phase's template";
    TemplateOnlyEmpty => "Het sjabloon vult alleen een lege agenda", "The template only fills an empty agenda";
    KeyAdd => "nieuw", "new";
    KeyStart => "start", "start";
    KeyNext => "volgende", "next";
    KeyPause => "klok stil", "stop clock";
    KeyDone => "klaar", "done";
    KeyNote => "notitie", "note";
    KeyEditNote => "notitie bewerken", "edit note";
    KeyUp => "punt omhoog", "item up";
    KeyDown => "punt omlaag", "item down";
    KeyTemplate => "sjabloon", "template";
    Moved => "agendapunt verplaatst", "agenda item moved";
    HelpAdd => "nieuw agendapunt (achteraan; K/J verplaatst) of nieuwe aanwezige", "new agenda item (at the end; K/J move it) or new attendee";
    HelpStart => "gekozen punt wordt het huidige; de klok loopt", "make the selected item current; the clock runs";
    HelpNext => "huidig punt klaar, door naar het volgende open punt", "current item done, on to the next open item";
    HelpPause => "klok stilzetten (pauze of einde)", "stop the clock (a break, or the end)";
    HelpDone => "gekozen punt klaar, of weer open", "mark the selected item done, or open again";
    HelpNote => "notitie bij het gekozen punt (met tijd)", "note on the selected item (timestamped)";
    HelpEditNote => "laatste notitie van het punt bewerken", "edit the item's last note";
    HelpTemplate => "lege agenda vullen met het sjabloon van de fase", "fill an empty agenda with the phase's template";
    People => "Aanwezigheid", "Attendance";
    Name => "Naam", "Name";
    Role => "Rol", "Role";
    Presence => "Aanwezig?", "Present?";
    Outside => "(geen partij)", "(no party)";
    NoPeople => "Nog niemand op de lijst. Druk f voor de vertegenwoordigers of a voor een persoon.", "Nobody on the list yet. Press f for the representatives or a for a person.";
    EveryoneListed => "Alle vertegenwoordigers staan al op de lijst", "Every representative is already on the list";
    NewPerson => "Nieuwe aanwezige", "New attendee";
    EditPerson => "Aanwezige bewerken", "Edit attendee";
    KeyPeople => "agenda/aanwezig", "agenda/attendance";
    Items => "Agendapunten", "Agenda items";
    KeyPresence => "aanwezig/afgemeld", "present/apologies";
    KeyFromParties => "vertegenwoordigers", "representatives";
    HelpPeople => "wisselen tussen agendapunten en aanwezigheid", "switch between agenda items and attendance";
    HelpPresence => "aanwezig → afgemeld → afwezig", "present → sent apologies → absent";
    HelpFromParties => "de vertegenwoordiger van elke partij op de lijst", "put each party's representative on the list";
} }

pub const ADD: Cmd = Cmd::edit("agenda.add");
pub const START: Cmd = Cmd::edit("agenda.start");
pub const NEXT: Cmd = Cmd::edit("agenda.next");
pub const PAUSE: Cmd = Cmd::edit("agenda.pause");
pub const DONE: Cmd = Cmd::edit("agenda.done");
pub const NOTE: Cmd = Cmd::edit("agenda.note");
pub const EDIT_NOTE: Cmd = Cmd::edit("agenda.edit_note");
pub const MOVE_UP: Cmd = Cmd::edit("agenda.up");
pub const MOVE_DOWN: Cmd = Cmd::edit("agenda.down");
pub const TEMPLATE: Cmd = Cmd::edit("agenda.template");
pub const PEOPLE: Cmd = Cmd::view("agenda.people");
pub const PRESENCE: Cmd = Cmd::edit("agenda.presence");
pub const FROM_PARTIES: Cmd = Cmd::edit("agenda.from_parties");

use ratatui::crossterm::event::KeyCode::{Delete, Enter};

/// Keys of both views: on the agenda items or on the attendance list.
pub static COMMON: &[Binding] = &[
    bh(&[ch('a')], Action::Pane(ADD), M::KeyAdd, M::HelpAdd, true),
    b(&[key(Enter), ch('e')], Action::Activate, Msg::KeyEdit, false),
    b(&[ch('d'), key(Delete)], Action::DeleteSelected, Msg::KeyDelete, false),
    bh(&[ch('w')], Action::Pane(PEOPLE), M::KeyPeople, M::HelpPeople, true),
];

/// The agenda items' keys.
pub static KEYS: &[Binding] = &[
    bh(&[ch('s')], Action::Pane(START), M::KeyStart, M::HelpStart, true),
    bh(&[ch('n')], Action::Pane(NEXT), M::KeyNext, M::HelpNext, true),
    bh(&[ch('p')], Action::Pane(PAUSE), M::KeyPause, M::HelpPause, false),
    bh(&[ch('c')], Action::Pane(DONE), M::KeyDone, M::HelpDone, false),
    bh(&[ch('o')], Action::Pane(NOTE), M::KeyNote, M::HelpNote, true),
    bh(&[ch('O')], Action::Pane(EDIT_NOTE), M::KeyEditNote, M::HelpEditNote, false),
    b(&[ch('K')], Action::Pane(MOVE_UP), M::KeyUp, false),
    b(&[ch('J')], Action::Pane(MOVE_DOWN), M::KeyDown, false),
    bh(&[ch('m')], Action::Pane(TEMPLATE), M::KeyTemplate, M::HelpTemplate, false),
];

/// The attendance view's keys.
pub static PEOPLE_KEYS: &[Binding] = &[
    bh(&[ch(' ')], Action::Pane(PRESENCE), M::KeyPresence, M::HelpPresence, true),
    bh(&[ch('f')], Action::Pane(FROM_PARTIES), M::KeyFromParties, M::HelpFromParties, true),
];

static HELP: &[(Msg, &[Binding])] = &[(M::Title, COMMON), (M::Items, KEYS), (M::People, PEOPLE_KEYS)];

static FORMS: &[&PaneForm] = &[&forms::ITEM, &forms::NOTE, &forms::NOTE_EDIT, &forms::PERSON];

/// What the pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Showing {
    #[default]
    Items,
    People,
}

/// One agenda item's time, derived at the last reindex.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemRow {
    pub elapsed: i64,
    pub state: TimeState,
}

/// A running clock: seconds elapsed of seconds planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub elapsed: i64,
    pub planned: i64,
}

impl Clock {
    pub fn state(self) -> TimeState {
        TimeState::of(self.elapsed, self.planned)
    }
}

/// The agenda's state: one row per agenda item (same order), the cursor,
/// and the clocks while one runs.
#[derive(Debug, Default)]
pub struct State {
    pub rows: Vec<ItemRow>,
    pub cursor: ListCursor,
    /// Index of the current item.
    pub current: Option<usize>,
    /// The current item's clock and the meeting's, while the clock runs.
    pub running: Option<(Clock, Clock)>,
    pub done: usize,
    pub showing: Showing,
    /// The attendance list as shown: indices into `session.attendance`.
    pub people: Vec<usize>,
    pub people_cursor: ListCursor,
}

pub struct Agenda;

impl Pane for Agenda {
    type State = State;
    const ID: &'static str = "agenda";

    fn title(&self) -> Msg {
        M::Title
    }

    fn tab(&self, st: &State, _s: &SessionScreen, _lang: Lang) -> String {
        format!("{}/{}", st.done, st.rows.len())
    }

    fn tab_alert(&self, st: &State) -> bool {
        st.running.is_some_and(|(item, _)| item.state() == TimeState::Over)
    }

    fn bindings(&self, st: &State) -> Vec<&'static [Binding]> {
        match st.showing {
            Showing::Items => vec![COMMON, KEYS],
            Showing::People => vec![COMMON, PEOPLE_KEYS],
        }
    }

    fn help(&self) -> &'static [(Msg, &'static [Binding])] {
        HELP
    }

    fn forms(&self) -> &'static [&'static PaneForm] {
        FORMS
    }

    fn reindex(&self, st: &mut State, cx: &Cx) {
        let s = cx.session;
        let now = cx.view.now;
        let elapsed = s.agenda_elapsed(now);
        st.rows = (s.agenda.iter().zip(elapsed))
            .map(|(a, e)| ItemRow { elapsed: e, state: TimeState::of(e, a.planned_secs()) })
            .collect();
        st.cursor.clamp(st.rows.len());
        st.done = s.agenda.iter().filter(|a| a.is_done()).count();
        st.current = s.current_agenda_item().and_then(|id| s.agenda_index(id));
        st.running = st.current.map(|i| {
            let item = Clock { elapsed: st.rows[i].elapsed, planned: s.agenda[i].planned_secs() };
            (item, Clock { elapsed: s.meeting_elapsed(now), planned: s.meeting_planned() })
        });
        st.people = people::rows(s);
        st.people_cursor.clamp(st.people.len());
    }

    fn keep_in_view(&self, st: &mut State, cx: &Cx) {
        st.cursor.show(cx.view.list_rows());
        st.people_cursor.show(cx.view.list_rows());
    }

    fn next_wake(&self, st: &State, cx: &Cx) -> Option<Timestamp> {
        // `now` is whole seconds: the next second is when the shown time changes.
        st.running.map(|_| cx.view.now + chrono::Duration::seconds(1))
    }

    fn handle(&self, state: &mut AppState, action: &Action, now: Timestamp) -> Option<Vec<Effect>> {
        let view = state.view();
        let s = state.session_mut()?;
        let (session, st) = s.split::<Agenda>();
        if *action == Action::Pane(PEOPLE) {
            st.showing = if st.showing == Showing::Items { Showing::People } else { Showing::Items };
            return Some(Vec::new());
        }
        if st.showing == Showing::People {
            return people::handle(state, action, now);
        }
        let row = (st.cursor.sel < st.rows.len()).then_some(st.cursor.sel);
        let selected = row.map(|i| session.agenda[i].id.clone());
        match action {
            a if st.cursor.step(a, st.rows.len(), view.list_rows()) => {}
            Action::Pane(ADD) => state.form = Some(forms::item_form(session, None)),
            Action::Activate | Action::EditSelected => {
                let Some(i) = row else { return Some(Vec::new()) };
                state.form = Some(forms::item_form(session, Some(i)));
            }
            Action::Pane(NOTE) => state.form = Some(forms::note_form(session, selected.as_deref())),
            Action::Pane(EDIT_NOTE) => {
                let last = session.notes_of(selected.as_deref()).last().map(|n| n.id.clone());
                let Some(note) = last else { return Some(Vec::new()) };
                state.form = Some(forms::note_edit_form(session, &note));
            }
            Action::Pane(START) => {
                let Some(id) = selected else { return Some(Vec::new()) };
                return Some(change(state, M::KeyStart, |s| {
                    s.edit().start_agenda_item(&id, now).map(|_| true)
                }));
            }
            Action::Pane(NEXT) => return Some(next(state, now)),
            Action::Pane(PAUSE) => {
                return Some(change(state, M::KeyPause, |s| s.edit().stop_clock(now).map(|_| true)));
            }
            Action::Pane(DONE) => {
                let (Some(id), Some(i)) = (selected, row) else { return Some(Vec::new()) };
                let done = !session.agenda[i].is_done();
                return Some(change(state, M::KeyDone, |s| {
                    s.edit().set_agenda_item_done(&id, done, now).map(|_| true)
                }));
            }
            Action::Pane(cmd @ (MOVE_UP | MOVE_DOWN)) => {
                let (Some(id), Some(i)) = (selected, row) else { return Some(Vec::new()) };
                let to = if *cmd == MOVE_UP { i.checked_sub(1) } else { Some(i + 1) };
                let Some(to) = to.filter(|to| *to < st.rows.len()) else { return Some(Vec::new()) };
                st.cursor.select(to, view.list_rows());
                return Some(change(state, M::Moved, |s| {
                    s.edit().move_agenda_item(&id, to, now).map(|_| true)
                }));
            }
            Action::Pane(TEMPLATE) => {
                if !session.agenda.is_empty() {
                    state.info(M::TemplateOnlyEmpty);
                    return Some(Vec::new());
                }
                let items = crate::domain::meeting::content::content().template(session.phase, view.lang);
                let effects =
                    change(state, M::KeyTemplate, |s| Ok(!s.edit().add_agenda_items(&items, now).is_empty()));
                if !effects.is_empty() {
                    state.info(M::TemplateAdded);
                }
                return Some(effects);
            }
            Action::DeleteSelected => {
                let Some(id) = selected else { return Some(Vec::new()) };
                return Some(crate::app::delete(state, |s| s.edit().remove_agenda_item(&id, now)));
            }
            _ => return None,
        }
        Some(Vec::new())
    }

    fn draw(&self, st: &State, frame: &mut Frame, area: Rect, state: &AppState, s: &SessionScreen) {
        match st.showing {
            Showing::Items => draw::draw(frame, area, state, s, st),
            Showing::People => people::draw(frame, area, state, s, st),
        }
    }
}

/// Finish the current item and go on; the cursor follows the clock.
fn next(state: &mut AppState, now: Timestamp) -> Vec<Effect> {
    let mut made = None;
    let effects = change(state, M::KeyNext, |s| {
        made = s.edit().next_agenda_item(now)?;
        Ok(true)
    });
    let page = state.view().list_rows();
    if let Some(s) = state.session_mut()
        && let Some(i) = made.and_then(|id| s.session.agenda_index(&id))
    {
        s.local_mut::<Agenda>().cursor.select(i, page);
    }
    effects
}

/// Put the cursor on agenda item `id` (after a form made or edited it).
pub(crate) fn select(state: &mut AppState, id: &str) {
    let page = state.view().list_rows();
    if let Some(s) = state.session_mut()
        && let Some(i) = s.session.agenda_index(id)
    {
        s.local_mut::<Agenda>().cursor.select(i, page);
    }
}
