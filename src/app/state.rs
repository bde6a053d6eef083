//! `AppState`: everything the screen shows, and nothing the terminal owns.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;

use super::action::{Access, PreviousContext};
use super::cursor::{ListCursor, Scroll};
use super::form::Form;
use super::library::{
    LibraryEntry, LibraryFilter, LibraryRow, LibrarySort, PortfolioLine, SearchHit, library_rows,
};
use std::any::Any;

use crate::domain::{ChainOverview, Phase, Session, TextKind, Timestamp};
use crate::i18n::{Lang, Msg};
use crate::panes::{Cx, DynPane, Focus, Local, PANES, Pane, Target, index_of};
use crate::prompts::PromptLibrary;

#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    /// Everything is on disk, as of this moment.
    Saved(Timestamp),
    /// Handed to the background writer, not yet on disk.
    Saving,
    /// The last save failed; the session is safe in memory and is retried.
    Failed(super::Failure),
    /// Opened read-only: nothing to save.
    ReadOnly,
    /// The file was deleted outside kompas: the session is kept in memory
    /// and written again only when the facilitator asks (issue 8).
    Gone,
}

/// An open session and how the facilitator is looking at it.
#[derive(Debug)]
pub struct SessionScreen {
    /// Shared with the background writer while it saves a snapshot; changed
    /// through [`SessionScreen::edit`], which copies only if a save of the
    /// previous state is still under way.
    pub session: Arc<Session>,
    pub path: PathBuf,
    pub access: Access,
    /// The meeting this one follows up, when known.
    pub previous: Option<PreviousContext>,
    /// The earlier meetings of this collaboration, oldest first; `None`
    /// until they have been read (in the background, after opening).
    pub chain: Option<Arc<[Session]>>,
    /// The pane shown: an index into [`PANES`].
    pub pane: usize,
    pub save: SaveState,
    /// Every change, for undo and redo.
    pub history: super::history::History,
    /// The draft journal of the open form's typing.
    pub journal: super::journal::Journal,
    /// Each pane's own state, in the order of [`PANES`].
    locals: Vec<Box<dyn Local>>,
}

/// The session library and what it is showing.
#[derive(Debug, Default)]
pub struct Library {
    /// Bumped on every listing, so results of an older one are ignored.
    pub generation: u64,
    /// Every session file, in file-name order.
    pub entries: Vec<LibraryEntry>,
    /// What the list shows, derived from entries, sort and filter.
    pub rows: Vec<LibraryRow>,
    /// Per row, the five conditions' trend of its chain up to that meeting
    /// (issue 10), derived with the rows.
    pub trends: Vec<String>,
    pub cursor: ListCursor,
    pub loading: bool,
    pub sort: LibrarySort,
    pub filter: LibraryFilter,
    pub view: LibraryView,
}

#[derive(Debug, Default)]
pub enum LibraryView {
    #[default]
    List,
    /// A line per collaboration.
    Portfolio { lines: Vec<PortfolioLine>, scroll: Scroll },
    /// Full-text search results.
    Search { query: String, hits: Vec<SearchHit>, cursor: ListCursor },
    /// How one collaboration moved over its meetings.
    Overview { overview: Box<ChainOverview>, scroll: Scroll },
}

impl LibraryView {
    /// Lines of the portfolio or overview report, to bound its scrolling:
    /// two per collaboration; for an overview, three heading lines, two per
    /// meeting, three for the totals, two headings and one per change.
    pub fn report_lines(&self) -> usize {
        match self {
            LibraryView::Portfolio { lines, .. } => lines.len() * 3,
            LibraryView::Overview { overview, .. } => {
                10 + 2 * overview.meetings.len() + overview.interest_changes.len()
            }
            _ => 0,
        }
    }
}

impl Library {
    pub fn selected_entry(&self) -> Option<&LibraryEntry> {
        self.rows.get(self.cursor.sel).map(|r| &self.entries[r.entry()])
    }

    /// Recompute the rows after entries, sort or filter changed, keeping the
    /// selection on the same file where it can.
    pub fn rerow(&mut self) {
        let keep = self.selected_entry().map(|e| e.path.clone());
        self.rows = library_rows(&self.entries, self.sort, &self.filter);
        self.trends = super::library::row_trends(&self.entries, &self.rows);
        if let Some(path) = keep
            && let Some(i) = self.rows.iter().position(|r| self.entries[r.entry()].path == path)
        {
            self.cursor.sel = i;
        }
        self.cursor.clamp(self.rows.len());
    }
}

#[derive(Debug)]
pub enum Screen {
    Library(Library),
    Session(Box<SessionScreen>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help {
        scroll: u16,
    },
    PhasePicker {
        selected: Phase,
    },
    ConfirmDiscard,
    /// Which format to export `path` in.
    ExportChooser {
        path: PathBuf,
    },
    /// The room display's address as a QR code.
    RoomAddress,
    /// The open session's conflict records (issue 8).
    Conflicts {
        sel: usize,
        rows: Vec<super::conflicts::ConflictRow>,
    },
    /// The conversation coach (issue 10), over the pane in view; the
    /// meeting runs on under it.
    Coach {
        scroll: u16,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoticeText {
    Msg(Msg),
    /// A file written somewhere (an export).
    Exported(PathBuf),
    /// A change undone (or, `undone: false`, made again), by its name.
    Step {
        undone: bool,
        what: Msg,
    },
    Failure(super::Failure),
    /// Changes from outside merged into the session (issue 8): how many
    /// came in, how many conflicts this merge added, how many are open.
    CameIn {
        came_in: usize,
        conflicts: usize,
        open: usize,
    },
    /// The version from outside that could not be merged, kept as this copy.
    KeptCopy(PathBuf),
    /// The draft journal could not be written (issue 8): typing is not
    /// safe from a kill until a write succeeds.
    DraftNotKept(super::Failure),
    /// The draft journal went to this other place (the folder beside the
    /// session could not take it).
    DraftElsewhere(PathBuf),
    /// Words from outside the program (the system's reason a port could
    /// not be opened) or already said in the interface language (a problem
    /// in the config file), made safe.
    Text(String),
}

impl NoticeText {
    /// The notice in the interface language, one line, safe to show.
    pub fn say(&self, lang: Lang) -> String {
        match self {
            NoticeText::Msg(m) => m.get(lang).to_string(),
            NoticeText::Exported(path) => {
                format!("{} {}", Msg::ExportedTo.get(lang), crate::text::safe_line(&path.to_string_lossy()))
            }
            NoticeText::Failure(f) => f.describe(lang),
            NoticeText::Step { undone, what } => {
                let done = if *undone { Msg::Undone } else { Msg::Redone };
                format!("{}: {}", done.get(lang), what.get(lang))
            }
            NoticeText::Text(t) => crate::text::safe_line(t).into_owned(),
            NoticeText::CameIn { came_in, conflicts, open } => {
                super::outside::came_in_text(lang, *came_in, *conflicts, *open)
            }
            NoticeText::DraftNotKept(f) => {
                format!("{}: {}", super::journal::J::NotKept.get(lang), f.describe(lang))
            }
            NoticeText::DraftElsewhere(p) => format!(
                "{} {}",
                super::journal::J::KeptElsewhere.get(lang),
                crate::text::safe_line(&p.to_string_lossy())
            ),
            NoticeText::KeptCopy(copy) => format!(
                "{} {}",
                super::outside::O::KeptCopy.get(lang),
                crate::text::safe_line(&copy.file_name().unwrap_or_default().to_string_lossy())
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: NoticeText,
    pub error: bool,
}

pub struct AppState {
    pub lang: Lang,
    pub width: u16,
    pub height: u16,
    /// Today's date, for overdue agreements; set from the `now` of each update.
    pub today: NaiveDate,
    /// The `now` of the last update.
    pub now: Timestamp,
    pub sessions_dir: PathBuf,
    /// The facilitator's name from the config file, filled in on a new
    /// session's form.
    pub facilitator: String,
    pub prompts: &'static PromptLibrary,
    pub screen: Screen,
    pub form: Option<Form>,
    pub overlay: Option<Overlay>,
    pub notice: Option<Notice>,
    pub quitting: bool,
    /// Where to put the cursor once the session being opened arrives (a
    /// search hit).
    pub pending_focus: Option<(TextKind, String)>,
    /// The room display (issue 13).
    pub room: super::room::RoomControl,
}

/// What the panes' derived state depends on besides the session.
#[derive(Clone, Copy)]
pub struct View {
    pub lang: Lang,
    pub width: u16,
    pub height: u16,
    pub today: NaiveDate,
    /// The time of the update (to the second).
    pub now: Timestamp,
    pub prompts: &'static PromptLibrary,
}

impl View {
    /// Rows visible in a list pane at this size.
    pub fn list_rows(&self) -> usize {
        crate::layout::list_rows(self.width, self.height)
    }

    /// The session screen's body at this size.
    pub fn body(&self) -> ratatui::layout::Rect {
        crate::layout::body_of(self.width, self.height)
    }
}

impl AppState {
    pub fn view(&self) -> View {
        View {
            lang: self.lang,
            width: self.width,
            height: self.height,
            today: self.today,
            now: self.now,
            prompts: self.prompts,
        }
    }

    /// Scroll the open session's panes so their selections are in view.
    pub fn keep_in_view(&mut self) {
        let view = self.view();
        if let Some(s) = self.session_mut() {
            s.keep_in_view(&view);
        }
    }

    /// Put the cursor on an item in the pane that shows it (see [`Focus`]).
    pub fn focus(&mut self, kind: TextKind, id: &str, how: Focus) -> bool {
        let view = self.view();
        self.session_mut().is_some_and(|s| {
            let found = s.focus(&view, Target { kind, id }, how);
            s.keep_in_view(&view);
            found
        })
    }

    /// Recompute the open session's index (after a change or a resize).
    pub fn reindex(&mut self) {
        let view = self.view();
        if let Some(s) = self.session_mut() {
            s.reindex(&view);
        }
    }

    pub fn new(lang: Lang, sessions_dir: PathBuf, today: NaiveDate) -> AppState {
        AppState {
            lang,
            width: 80,
            height: 24,
            today,
            now: today.and_time(chrono::NaiveTime::MIN).and_utc().fixed_offset(),
            sessions_dir,
            facilitator: String::new(),
            prompts: PromptLibrary::embedded(),
            screen: Screen::Library(Library { loading: true, ..Default::default() }),
            form: None,
            overlay: None,
            notice: None,
            quitting: false,
            pending_focus: None,
            room: Default::default(),
        }
    }

    pub fn session(&self) -> Option<&SessionScreen> {
        match &self.screen {
            Screen::Session(s) => Some(s),
            Screen::Library(_) => None,
        }
    }

    pub fn library(&self) -> Option<&Library> {
        match &self.screen {
            Screen::Library(l) => Some(l),
            Screen::Session(_) => None,
        }
    }

    pub fn library_mut(&mut self) -> Option<&mut Library> {
        match &mut self.screen {
            Screen::Library(l) => Some(l),
            Screen::Session(_) => None,
        }
    }

    pub fn session_mut(&mut self) -> Option<&mut SessionScreen> {
        match &mut self.screen {
            Screen::Session(s) => Some(s),
            Screen::Library(_) => None,
        }
    }

    /// When the runtime must send `Action::Tick`: the earliest time a pane
    /// of the open session asked for. `None`: sleep until something happens.
    pub fn next_wake(&self) -> Option<Timestamp> {
        let view = self.view();
        self.session()?.next_wake(&view)
    }

    pub fn read_only(&self) -> bool {
        self.session().is_some_and(|s| s.access.read_only())
    }

    pub fn info(&mut self, msg: Msg) {
        self.notice = Some(Notice { text: NoticeText::Msg(msg), error: false });
    }

    pub fn warn(&mut self, msg: Msg) {
        self.notice = Some(Notice { text: NoticeText::Msg(msg), error: true });
    }

    pub fn fail(&mut self, failure: super::Failure) {
        self.notice = Some(Notice { text: NoticeText::Failure(failure), error: true });
    }
}

impl SessionScreen {
    pub fn new(session: Session, path: PathBuf, access: Access, view: &View) -> Self {
        let save =
            if access.read_only() { SaveState::ReadOnly } else { SaveState::Saved(session.updated_at) };
        let mut s = SessionScreen {
            session: Arc::new(session),
            path,
            access,
            previous: None,
            chain: None,
            pane: 0,
            save,
            history: Default::default(),
            journal: Default::default(),
            locals: PANES.iter().map(|p| p.new_state()).collect(),
        };
        s.reindex(view);
        s
    }

    /// What the panes derive their rows from.
    fn parts<'a>(&'a mut self, view: &'a View) -> (Cx<'a>, &'a mut [Box<dyn Local>]) {
        let cx = Cx {
            session: &self.session,
            view,
            access: self.access,
            previous: self.previous.as_ref(),
            chain: self.chain.as_deref(),
        };
        (cx, &mut self.locals)
    }

    /// Recompute what every pane derives from the session. Called after
    /// every change and on resize, never while drawing.
    pub fn reindex(&mut self, view: &View) {
        let (cx, locals) = self.parts(view);
        for (pane, local) in PANES.iter().zip(locals.iter_mut()) {
            pane.reindex(local.as_mut(), &cx);
        }
    }

    /// Recompute only the panes whose view runs with the clock (those that
    /// ask to be woken): what a tick changes. The others cost nothing then.
    pub fn reindex_timed(&mut self, view: &View) {
        let timed: Vec<bool> = {
            let cx = Cx {
                session: &self.session,
                view,
                access: self.access,
                previous: self.previous.as_ref(),
                chain: self.chain.as_deref(),
            };
            PANES.iter().map(|p| p.next_wake(self, &cx).is_some()).collect()
        };
        let (cx, locals) = self.parts(view);
        for ((pane, local), timed) in PANES.iter().zip(locals.iter_mut()).zip(timed) {
            if timed {
                pane.reindex(local.as_mut(), &cx);
            }
        }
    }

    /// Scroll every pane so its selection is visible at the current size.
    pub fn keep_in_view(&mut self, view: &View) {
        let (cx, locals) = self.parts(view);
        for (pane, local) in PANES.iter().zip(locals.iter_mut()) {
            pane.keep_in_view(local.as_mut(), &cx);
        }
    }

    /// Put the cursor on `target` in the first pane that shows it; with
    /// `Focus::Reveal` that pane is shown.
    pub fn focus(&mut self, view: &View, target: Target, how: Focus) -> bool {
        let shown = self.pane;
        let (cx, locals) = self.parts(view);
        // After a change the pane in view gets the first chance.
        let order = std::iter::once(shown).chain((0..PANES.len()).filter(|&i| i != shown));
        let order: Vec<usize> =
            if how == Focus::Select { order.collect() } else { (0..PANES.len()).collect() };
        for i in order {
            if PANES[i].focus(locals[i].as_mut(), &cx, target, how) {
                if how == Focus::Reveal {
                    self.pane = i;
                }
                return true;
            }
        }
        false
    }

    /// A session was just opened: the first pane that asks for it gets the
    /// focus; its notice, if any, is returned.
    pub fn opened(&mut self, view: &View) -> Option<Msg> {
        let (cx, locals) = self.parts(view);
        let mut taken = None;
        for (i, (pane, local)) in PANES.iter().zip(locals.iter_mut()).enumerate() {
            if let Some(notice) = pane.opened(local.as_mut(), &cx) {
                taken = Some((i, notice));
                break;
            }
        }
        let (i, notice) = taken?;
        self.pane = i;
        notice
    }

    /// Whether a pane asked for the bell since the last time (each pane's
    /// request is taken).
    pub fn take_bell(&mut self) -> bool {
        let mut ring = false;
        for (pane, local) in PANES.iter().zip(self.locals.iter_mut()) {
            ring |= pane.take_bell(local.as_mut());
        }
        ring
    }

    /// The earliest time a pane asked to be woken at.
    pub fn next_wake(&self, view: &View) -> Option<Timestamp> {
        let cx = Cx {
            session: &self.session,
            view,
            access: self.access,
            previous: self.previous.as_ref(),
            chain: self.chain.as_deref(),
        };
        PANES.iter().filter_map(|p| p.next_wake(self, &cx)).min()
    }

    /// The pane shown.
    pub fn active(&self) -> &'static dyn DynPane {
        PANES[self.pane]
    }

    /// The id of the pane shown.
    pub fn pane_id(&self) -> &'static str {
        PANES[self.pane].id()
    }

    /// Whether pane `P` is shown.
    pub fn showing<P: Pane>(&self) -> bool {
        self.pane_id() == P::ID
    }

    /// Show pane `P`.
    pub fn show<P: Pane>(&mut self) {
        self.pane = index_of(P::ID).expect("pane registered in PANES");
    }

    /// Pane `P`'s state.
    pub fn local<P: Pane>(&self) -> &P::State {
        self.locals
            .iter()
            .find_map(|l| (l.as_ref() as &dyn Any).downcast_ref::<P::State>())
            .expect("pane registered in PANES")
    }

    /// Pane `P`'s state, to change it.
    pub fn local_mut<P: Pane>(&mut self) -> &mut P::State {
        self.locals
            .iter_mut()
            .find_map(|l| (l.as_mut() as &mut dyn Any).downcast_mut::<P::State>())
            .expect("pane registered in PANES")
    }

    /// The session (to read) beside pane `P`'s state (to change).
    pub fn split<P: Pane>(&mut self) -> (&Session, &mut P::State) {
        let state = self
            .locals
            .iter_mut()
            .find_map(|l| (l.as_mut() as &mut dyn Any).downcast_mut::<P::State>())
            .expect("pane registered in PANES");
        (&self.session, state)
    }

    /// What pane `P` derives its state from, beside that state.
    pub fn cx_mut<'a, P: Pane>(&'a mut self, view: &'a View) -> (Cx<'a>, &'a mut P::State) {
        let (cx, locals) = self.parts(view);
        let state = locals
            .iter_mut()
            .find_map(|l| (l.as_mut() as &mut dyn Any).downcast_mut::<P::State>())
            .expect("pane registered in PANES");
        (cx, state)
    }

    /// The session, to change it.
    pub fn edit(&mut self) -> &mut Session {
        Arc::make_mut(&mut self.session)
    }
}
