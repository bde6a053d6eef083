//! The panes of the session screen, and the one list that registers them.
//!
//! A pane keeps together everything that is about it: the rows it derives
//! from the session, its cursor, what its keys do (movement, activation,
//! its own commands), its key bindings (which make the hint bar, the help
//! and the README's key tables), its tab label, its forms, its words and its
//! drawing. The rest of the program reaches a pane only through the
//! [`Pane`] trait and the [`PANES`] list, so adding a pane changes no match
//! anywhere else.
//!
//! # How to add a pane or an instrument
//!
//! Say the instrument is the thermometer (`thermometer`). The files:
//!
//! 1. **Its domain module**, `src/domain/thermometer.rs` (with its `mod`
//!    and `pub use` lines in `src/domain/mod.rs`, and its fields on
//!    `Session` next to each other under a comment naming the instrument):
//!    the data, pure functions over it, and its changes as methods on
//!    `Session` returning `Result<_, DomainError>`. No UI, no I/O.
//! 2. **Its asset**, `assets/thermometer.json`, parsed lazily once with
//!    `crate::content::parse_asset` into types using `content::Text`.
//! 3. **Its pane file**, `src/panes/thermometer.rs` (a folder with a
//!    `draw.rs` beside `mod.rs` when it grows past about 400 lines). Copy
//!    `timeline/mod.rs` (the smallest) or `agreements/mod.rs` (commands,
//!    forms, a second key table) and change it:
//!    - Its words: `crate::messages! { pub(crate) struct M { KeyRecord =>
//!      "meten", "record"; … } }`, Dutch and English on one line each; a
//!      missing or empty text does not compile. Use them as `M::KeyRecord`
//!      wherever a `Msg` goes (bindings, notices, form labels). Words the
//!      whole program shares stay in `crate::i18n::Msg`.
//!    - Its state: `#[derive(Debug, Default)] pub struct State` with the rows
//!      it shows (derived, never saved) and a [`ListCursor`](crate::app::ListCursor) per list.
//!    - Its commands: `pub const RECORD: Cmd = Cmd::edit("thermometer.record");`
//!      (`Cmd::view` for one that changes nothing). Whether a command edits
//!      is said there and nowhere else: a read-only session refuses it with
//!      a notice, and leaves its key out of the hint bar.
//!    - Its keys: `pub static KEYS: &[Binding] = &[bh(&[ch('m')],
//!      Action::Pane(RECORD), M::KeyRecord, M::HelpRecord, true), …];` and a
//!      `static HELP` naming its sections. Shared movement keys (`MOVES`)
//!      and the session's keys (`SESSION`) come on top; `Action::Activate`
//!      (Enter) and `Action::DeleteSelected` (d) are yours to give meaning.
//!    - Its forms, in `forms.rs` beside `mod.rs`: per form a builder
//!      (`Form::new(Purpose::Pane { form: ID.into(), id }, fields)`, each
//!      `Field` with a name) and a reader (`form.text("note")`,
//!      `form.choice("level")`, `form.refuse("due", msg)` to send the
//!      cursor back), tied together in a `static READING: PaneForm =
//!      PaneForm::new(id, title, build, submit)` and listed in
//!      [`Pane::forms`]. Drafts are kept by field name, so a form can be
//!      reordered freely. See `agreements/forms.rs`. `.edit_title(…)` when
//!      editing says it otherwise, `.exists_when(…)` when a recovered draft's
//!      item may be gone, `.context(…)` for the lines above its fields (the
//!      question being answered, guidance for a choice; none by default); a
//!      choice of the instrument's own ids is `Choice::Item { id, label }`
//!      (see `grondvorm/forms.rs`).
//!    - `pub struct Thermometer;` and `impl Pane for Thermometer`: `reindex`
//!      derives the state from [`Cx`] (the session, the size, the language,
//!      the previous meeting; it runs after every change and resize, never
//!      while drawing), `handle` does the keys (movement through
//!      `ListCursor::step`, forms by setting `state.form`, changes through
//!      [`crate::app::change`] or [`crate::app::delete`], which save), `draw`
//!      draws from `&AppState` and the pane's state, only the visible rows.
//!      Optional: `focus` (put the cursor on an item after a search or
//!      after it was made), `opened` (take the focus when a session opens),
//!      `tab_alert`, and `overlay` with `draw_overlay` for a box of the
//!      pane's own: while `overlay` is true every key goes to `handle` and
//!      `bindings` says which keys the box takes.
//! 4. **One line in [`PANES`]** below (`&thermometer::Thermometer,`) and the
//!    module's `pub mod thermometer;` above it. The tab, Tab/Shift+Tab, the
//!    hint bar, the help overlay, the README's key tables (the test
//!    `tests/readme.rs` prints the new tables to paste between the README's
//!    markers) and the read-only test (`tests/read_only.rs` sends every
//!    editing key of every pane to a read-only session; raise its count)
//!    take the pane from there.
//!
//! Two facilities an instrument can lean on:
//!
//! - **Earlier meetings.** When a session opens, the runtime reads the
//!   meetings before it (following `previous` links in the same folder) on
//!   a thread of its own; they arrive as `Action::ChainLoaded` and sit in
//!   `SessionScreen::chain`, oldest first (`None` until read, empty for a
//!   first meeting). `reindex` sees them as [`Cx::chain`] and runs again when
//!   they arrive, so trends and charts are derived there, by pure domain
//!   functions over a slice of sessions.
//! - **A timer.** A pane whose view changes with the clock (a running
//!   meeting clock) returns the next moment it must be redrawn from
//!   [`Pane::next_wake`]. The runtime sleeps exactly until the earliest such
//!   moment, then sends `Action::Tick`: `AppState::now` and `cx.view.now`
//!   move on and every pane is reindexed. With nothing scheduled the loop
//!   blocks and uses no CPU.
//!
//! Then test it: update tests in the style of `tests/app_update.rs`
//! (actions in, state and effects out; reach the pane's state with
//! `state.session().unwrap().local::<Thermometer>()`), snapshots in
//! `tests/ui_snapshots.rs`, and its export section in its own file under
//! `src/export/`, called from one line in `build.rs`.

pub mod agenda;
pub mod agreements;
mod form;
pub mod game;
pub mod grondvorm;
pub mod interests;
pub mod reflections;
pub mod relationship;
pub mod timeline;

use std::any::Any;
use std::fmt::Debug;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::app::{Action, AppState, Effect, SessionScreen, View};
use crate::domain::{Session, TextKind, Timestamp};
use crate::i18n::{Lang, Msg};
use crate::keymap::Binding;

pub use agenda::Agenda;
pub use agreements::{AgreementFilter, Agreements};
pub use form::{PaneForm, no_context};
pub use interests::{
    CellLayout, Interests, MAP_ROWS, MapLayout, MapRow, MapSel, Orientation, Span, header_text, map_scroll,
    text_width,
};
pub use reflections::{ReflectionRow, Reflections};
pub use timeline::{Edited, Timeline, TimelineRow};

/// Every pane of the session screen, in tab order. Adding a pane is adding
/// it here.
pub static PANES: &[&dyn DynPane] = &[
    &interests::Interests,
    &agreements::Agreements,
    &reflections::Reflections,
    &timeline::Timeline,
    &grondvorm::Grondvorm,
    &agenda::Agenda,
    &game::GameMode,
    &relationship::Relationship,
];

/// A command of one pane, bound to a key in its table. `edits` says whether
/// it changes the session: this is the one place that says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Cmd {
    pub id: &'static str,
    pub edits: bool,
}

impl Cmd {
    /// A command that changes the session (refused when read-only).
    pub const fn edit(id: &'static str) -> Cmd {
        Cmd { id, edits: true }
    }

    /// A command that only changes the view.
    pub const fn view(id: &'static str) -> Cmd {
        Cmd { id, edits: false }
    }
}

/// What a pane's derived state is computed from.
pub struct Cx<'a> {
    pub session: &'a Session,
    pub view: &'a View,
    pub access: crate::app::Access,
    /// The meeting this one follows up, when known.
    pub previous: Option<&'a crate::app::PreviousContext>,
    /// The earlier meetings of this collaboration, oldest first, once read.
    pub chain: Option<&'a [Session]>,
}

/// Something to put the cursor on: an item of the session by kind and id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target<'a> {
    pub kind: TextKind,
    pub id: &'a str,
}

/// What the cursor of a pane is on, for commands that act on the selected
/// item from outside the pane (the room display's spotlight and its
/// privacy key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// `Party`, `Interest`, `Agreement`, `Question` (a question of the
    /// library or one asked on the spot) or `Answer`.
    pub kind: TextKind,
    /// The item's id; for a question without answers, empty.
    pub id: String,
    /// For a question or an answer: the question as asked.
    pub question: Option<String>,
}

/// How to put the cursor on a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// After a change: select it where the pane shows it now.
    Select,
    /// From a search hit: show it, clearing a filter that hides it.
    Reveal,
}

/// A pane. Implemented by a unit struct; its state is `Self::State`, one per
/// open session, reached with `SessionScreen::local::<Self>()`.
pub trait Pane: Sync + 'static {
    type State: Default + Debug + 'static;
    /// Stable name, for tests and the draft journal's forms.
    const ID: &'static str;

    fn title(&self) -> Msg;
    /// The count on the tab, after the title ("3 open").
    fn tab(&self, st: &Self::State, s: &SessionScreen, lang: Lang) -> String;
    /// The tab stands out from every pane (an overdue agreement).
    fn tab_alert(&self, _st: &Self::State) -> bool {
        false
    }
    /// The pane's key tables now, most specific first.
    fn bindings(&self, st: &Self::State) -> Vec<&'static [Binding]>;
    /// Sections of the help and the README for this pane.
    fn help(&self) -> &'static [(Msg, &'static [Binding])];
    /// The pane's own forms (each a builder and a reader), so a recovered
    /// draft of one can be brought back and submitted.
    fn forms(&self) -> &'static [&'static PaneForm] {
        &[]
    }
    /// Derive the rows from the session; keep the cursor on the list.
    fn reindex(&self, st: &mut Self::State, cx: &Cx);
    /// Scroll so the selection is visible at the current size.
    fn keep_in_view(&self, st: &mut Self::State, cx: &Cx);
    /// An action while this pane is shown; `None` when it is not the pane's.
    /// The pane reads and changes its state through `state`.
    fn handle(&self, state: &mut AppState, action: &Action, now: Timestamp) -> Option<Vec<Effect>>;
    /// Put the cursor on `target` if this pane shows it.
    fn focus(&self, _st: &mut Self::State, _cx: &Cx, _target: Target, _how: Focus) -> bool {
        false
    }
    /// A session was just opened: take the focus (true) and say why.
    fn opened(&self, _st: &mut Self::State, _cx: &Cx) -> Option<Option<Msg>> {
        None
    }
    /// The item the cursor is on, if it is one the room display can show.
    fn selected(&self, _st: &Self::State, _s: &SessionScreen, _lang: Lang) -> Option<Selection> {
        None
    }
    /// When this pane next needs waking (a running clock): the runtime
    /// sleeps until the earliest such time, then sends `Action::Tick`, after
    /// which every pane is reindexed (with `cx.view.now`).
    fn next_wake(&self, _st: &Self::State, _cx: &Cx) -> Option<Timestamp> {
        None
    }
    /// A timer's warning asks the terminal to ring once: true hands over a
    /// bell set while reindexing (the runtime rings it after a tick).
    fn take_bell(&self, _st: &mut Self::State) -> bool {
        false
    }
    /// The pane has a box open over the screen: every key goes to it.
    fn overlay(&self, _st: &Self::State) -> bool {
        false
    }
    fn draw(&self, st: &Self::State, frame: &mut Frame, area: Rect, state: &AppState, s: &SessionScreen);
    fn draw_overlay(&self, _st: &Self::State, _frame: &mut Frame, _area: Rect, _state: &AppState) {}
}

/// A pane's state, kept in the session screen.
pub trait Local: Any + Debug {}
impl<T: Any + Debug> Local for T {}

/// [`Pane`] as the registry holds it. Implemented for every `Pane`.
pub trait DynPane: Sync {
    fn id(&self) -> &'static str;
    fn title(&self) -> Msg;
    fn new_state(&self) -> Box<dyn Local>;
    fn owns(&self, local: &dyn Local) -> bool;
    fn tab(&self, s: &SessionScreen, lang: Lang) -> String;
    fn tab_alert(&self, s: &SessionScreen) -> bool;
    fn bindings(&self, s: &SessionScreen) -> Vec<&'static [Binding]>;
    fn help(&self) -> &'static [(Msg, &'static [Binding])];
    fn forms(&self) -> &'static [&'static PaneForm];
    fn reindex(&self, local: &mut dyn Local, cx: &Cx);
    fn keep_in_view(&self, local: &mut dyn Local, cx: &Cx);
    fn handle(&self, state: &mut AppState, action: &Action, now: Timestamp) -> Option<Vec<Effect>>;
    fn focus(&self, local: &mut dyn Local, cx: &Cx, target: Target, how: Focus) -> bool;
    fn opened(&self, local: &mut dyn Local, cx: &Cx) -> Option<Option<Msg>>;
    fn selected(&self, s: &SessionScreen, lang: Lang) -> Option<Selection>;
    fn next_wake(&self, s: &SessionScreen, cx: &Cx) -> Option<Timestamp>;
    fn take_bell(&self, local: &mut dyn Local) -> bool;
    fn overlay(&self, s: &SessionScreen) -> bool;
    fn draw(&self, frame: &mut Frame, area: Rect, state: &AppState, s: &SessionScreen);
    fn draw_overlay(&self, frame: &mut Frame, area: Rect, state: &AppState, s: &SessionScreen);
}

fn cast<P: Pane>(local: &mut dyn Local) -> &mut P::State {
    (local as &mut dyn Any).downcast_mut::<P::State>().expect("a pane gets its own state")
}

impl<P: Pane> DynPane for P {
    fn id(&self) -> &'static str {
        P::ID
    }
    fn title(&self) -> Msg {
        Pane::title(self)
    }
    fn new_state(&self) -> Box<dyn Local> {
        Box::new(P::State::default())
    }
    fn owns(&self, local: &dyn Local) -> bool {
        (local as &dyn Any).is::<P::State>()
    }
    fn tab(&self, s: &SessionScreen, lang: Lang) -> String {
        Pane::tab(self, s.local::<P>(), s, lang)
    }
    fn tab_alert(&self, s: &SessionScreen) -> bool {
        Pane::tab_alert(self, s.local::<P>())
    }
    fn bindings(&self, s: &SessionScreen) -> Vec<&'static [Binding]> {
        Pane::bindings(self, s.local::<P>())
    }
    fn help(&self) -> &'static [(Msg, &'static [Binding])] {
        Pane::help(self)
    }
    fn forms(&self) -> &'static [&'static PaneForm] {
        Pane::forms(self)
    }
    fn reindex(&self, local: &mut dyn Local, cx: &Cx) {
        Pane::reindex(self, cast::<P>(local), cx)
    }
    fn keep_in_view(&self, local: &mut dyn Local, cx: &Cx) {
        Pane::keep_in_view(self, cast::<P>(local), cx)
    }
    fn handle(&self, state: &mut AppState, action: &Action, now: Timestamp) -> Option<Vec<Effect>> {
        Pane::handle(self, state, action, now)
    }
    fn focus(&self, local: &mut dyn Local, cx: &Cx, target: Target, how: Focus) -> bool {
        Pane::focus(self, cast::<P>(local), cx, target, how)
    }
    fn opened(&self, local: &mut dyn Local, cx: &Cx) -> Option<Option<Msg>> {
        Pane::opened(self, cast::<P>(local), cx)
    }
    fn selected(&self, s: &SessionScreen, lang: Lang) -> Option<Selection> {
        Pane::selected(self, s.local::<P>(), s, lang)
    }
    fn next_wake(&self, s: &SessionScreen, cx: &Cx) -> Option<Timestamp> {
        Pane::next_wake(self, s.local::<P>(), cx)
    }
    fn take_bell(&self, local: &mut dyn Local) -> bool {
        Pane::take_bell(self, cast::<P>(local))
    }
    fn overlay(&self, s: &SessionScreen) -> bool {
        Pane::overlay(self, s.local::<P>())
    }
    fn draw(&self, frame: &mut Frame, area: Rect, state: &AppState, s: &SessionScreen) {
        Pane::draw(self, s.local::<P>(), frame, area, state, s)
    }
    fn draw_overlay(&self, frame: &mut Frame, area: Rect, state: &AppState, s: &SessionScreen) {
        Pane::draw_overlay(self, s.local::<P>(), frame, area, state)
    }
}

/// The pane form `id`.
pub fn pane_form(id: &str) -> Option<&'static PaneForm> {
    PANES.iter().flat_map(|p| p.forms().iter().copied()).find(|f| f.id == id)
}

/// The registry position of pane `id`.
pub fn index_of(id: &str) -> Option<usize> {
    PANES.iter().position(|p| p.id() == id)
}
