//! `AppState`: everything the screen shows, and nothing the terminal owns.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;

use super::action::{Access, PreviousContext};
use super::form::Form;
use super::library::{
    LibraryEntry, LibraryFilter, LibraryRow, LibrarySort, PortfolioLine, SearchHit, library_rows,
};
use super::map::{MapLayout, MapSel};
use crate::domain::{AgreementStatus, ChainOverview, Phase, Removed, Session, TextKind, Timestamp};
use crate::i18n::{Lang, Msg};
use crate::prompts::PromptLibrary;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Interests,
    Agreements,
    Reflections,
    /// Everything that happened, in time order.
    Timeline,
}

impl Pane {
    pub const ALL: [Pane; 4] = [Pane::Interests, Pane::Agreements, Pane::Reflections, Pane::Timeline];

    pub fn title(self) -> Msg {
        match self {
            Pane::Interests => Msg::PaneInterests,
            Pane::Agreements => Msg::PaneAgreements,
            Pane::Reflections => Msg::PaneReflections,
            Pane::Timeline => Msg::PaneTimeline,
        }
    }

    pub fn next(self) -> Pane {
        Pane::ALL[(self as usize + 1) % Pane::ALL.len()]
    }

    pub fn prev(self) -> Pane {
        Pane::ALL[(self as usize + Pane::ALL.len() - 1) % Pane::ALL.len()]
    }
}

/// Which agreements the log shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AgreementFilter {
    #[default]
    All,
    Open,
    Status(AgreementStatus),
    /// Carried over from the previous meeting and not yet walked through.
    ToReview,
}

impl AgreementFilter {
    pub fn next(self) -> AgreementFilter {
        use AgreementStatus::*;
        match self {
            AgreementFilter::All => AgreementFilter::Open,
            AgreementFilter::Open => AgreementFilter::Status(Proposed),
            AgreementFilter::Status(Proposed) => AgreementFilter::Status(Agreed),
            AgreementFilter::Status(Agreed) => AgreementFilter::Status(Done),
            AgreementFilter::Status(Done) => AgreementFilter::Status(Dropped),
            AgreementFilter::Status(Dropped) | AgreementFilter::ToReview => AgreementFilter::All,
        }
    }

    pub fn admits(self, a: &crate::domain::Agreement) -> bool {
        match self {
            AgreementFilter::All => true,
            AgreementFilter::Open => a.status.is_open(),
            AgreementFilter::Status(s) => s == a.status,
            AgreementFilter::ToReview => a.origin.is_some() && a.reviewed_at.is_none(),
        }
    }
}

/// A row of the reflection pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReflectionRow {
    /// A question from the library (index into the library).
    Prompt(usize),
    /// A question the facilitator asked; the index of its first answer.
    OwnQuestion(usize),
    /// An answer (index into the session's reflections).
    Answer(usize),
    /// "+ ask your own question".
    AskOwn,
    /// Heading over the previous meeting's reflections.
    PreviousHeading,
    /// One of the previous meeting's reflections (index into its list).
    Previous(usize),
}

/// A row of the timeline: something that happened, and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimelineRow {
    /// An entry of the phase history.
    PhaseMove(usize),
    Agreement(usize),
    Reflection(usize),
    Temperature(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    /// Everything is on disk, as of this moment.
    Saved(Timestamp),
    /// Handed to the background writer, not yet on disk.
    Saving,
    /// The last save failed; the session is safe in memory and is retried.
    Failed(String),
    /// Opened read-only: nothing to save.
    ReadOnly,
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
    pub pane: Pane,
    pub save: SaveState,
    /// Deleted items, newest last, for `u`.
    pub undo: Vec<Removed>,
    // interests map
    pub map: MapLayout,
    pub map_sel: MapSel,
    pub map_last_party: usize,
    pub map_top: usize,
    // agreement log
    pub agreement_filter: AgreementFilter,
    /// Indices into `session.agreements` that pass the filter, in creation order.
    pub agreement_rows: Vec<usize>,
    pub agreement_sel: usize,
    pub agreement_top: usize,
    // reflection prompts
    pub reflection_rows: Vec<ReflectionRow>,
    pub reflection_sel: usize,
    pub reflection_top: usize,
    // timeline
    pub timeline_rows: Vec<TimelineRow>,
    pub timeline_sel: usize,
    pub timeline_top: usize,
    // counts for the tabs, kept with the index
    pub open_agreements: usize,
    pub overdue_agreements: usize,
    pub phase_answers: usize,
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
    pub selected: usize,
    pub top: usize,
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
    Portfolio { lines: Vec<PortfolioLine>, scroll: usize },
    /// Full-text search results.
    Search { query: String, hits: Vec<SearchHit>, selected: usize, top: usize },
    /// How one collaboration moved over its meetings.
    Overview { overview: Box<ChainOverview>, scroll: usize },
}

impl LibraryView {
    /// Lines of the portfolio or overview report, to bound its scrolling:
    /// two per collaboration; for an overview, three heading lines, two per
    /// meeting, three for the totals, two headings and one per change.
    pub fn report_lines(&self) -> usize {
        match self {
            LibraryView::Portfolio { lines, .. } => lines.len() * 2,
            LibraryView::Overview { overview, .. } => {
                8 + 2 * overview.meetings.len() + overview.interest_changes.len()
            }
            _ => 0,
        }
    }
}

impl Library {
    pub fn selected_entry(&self) -> Option<&LibraryEntry> {
        self.rows.get(self.selected).map(|r| &self.entries[r.entry()])
    }

    /// Recompute the rows after entries, sort or filter changed, keeping the
    /// selection on the same file where it can.
    pub fn rerow(&mut self) {
        let keep = self.selected_entry().map(|e| e.path.clone());
        self.rows = library_rows(&self.entries, self.sort, &self.filter);
        if let Some(path) = keep
            && let Some(i) = self.rows.iter().position(|r| self.entries[r.entry()].path == path)
        {
            self.selected = i;
        }
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
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
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoticeText {
    Msg(Msg),
    Plain(String),
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
    pub sessions_dir: PathBuf,
    pub prompts: &'static PromptLibrary,
    pub screen: Screen,
    pub form: Option<Form>,
    pub overlay: Option<Overlay>,
    pub notice: Option<Notice>,
    pub quitting: bool,
    /// Where to put the cursor once the session being opened arrives (a
    /// search hit).
    pub pending_focus: Option<(TextKind, String)>,
}

/// What the derived index depends on besides the session.
#[derive(Clone, Copy)]
pub struct View {
    pub width: u16,
    pub today: NaiveDate,
    pub prompts: &'static PromptLibrary,
}

impl AppState {
    pub fn view(&self) -> View {
        View { width: self.width, today: self.today, prompts: self.prompts }
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
            sessions_dir,
            prompts: PromptLibrary::embedded(),
            screen: Screen::Library(Library { loading: true, ..Default::default() }),
            form: None,
            overlay: None,
            notice: None,
            quitting: false,
            pending_focus: None,
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

    pub fn read_only(&self) -> bool {
        self.session().is_some_and(|s| s.access.read_only())
    }

    pub fn info(&mut self, msg: Msg) {
        self.notice = Some(Notice { text: NoticeText::Msg(msg), error: false });
    }

    pub fn warn(&mut self, msg: Msg) {
        self.notice = Some(Notice { text: NoticeText::Msg(msg), error: true });
    }

    pub fn error(&mut self, text: String) {
        self.notice = Some(Notice { text: NoticeText::Plain(text), error: true });
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
            pane: if access == Access::Review { Pane::Timeline } else { Pane::Interests },
            save,
            undo: Vec::new(),
            map: MapLayout::default(),
            map_sel: MapSel::default(),
            map_last_party: 0,
            map_top: 0,
            agreement_filter: AgreementFilter::All,
            agreement_rows: Vec::new(),
            agreement_sel: 0,
            agreement_top: 0,
            reflection_rows: Vec::new(),
            reflection_sel: 0,
            reflection_top: 0,
            timeline_rows: Vec::new(),
            timeline_sel: 0,
            timeline_top: 0,
            open_agreements: 0,
            overdue_agreements: 0,
            phase_answers: 0,
        };
        s.reindex(view);
        s
    }

    /// Recompute what is derived from the session: the map layout, the
    /// filtered agreement rows, the reflection rows of the current phase.
    /// Called after every change and on resize, never while drawing.
    pub fn reindex(&mut self, view: &View) {
        let View { width, today, prompts } = *view;
        self.map = MapLayout::compute(&self.session, width);
        self.map_sel = self.map.clamp(self.map_sel);
        let filter = self.agreement_filter;
        self.agreement_rows = (0..self.session.agreements.len())
            .filter(|&i| filter.admits(&self.session.agreements[i]))
            .collect();
        self.agreement_sel = self.agreement_sel.min(self.agreement_rows.len().saturating_sub(1));
        self.reflection_rows = reflection_rows(&self.session, prompts, self.previous.as_ref());
        self.timeline_rows = timeline_rows(&self.session);
        self.timeline_sel = self.timeline_sel.min(self.timeline_rows.len().saturating_sub(1));
        self.reflection_sel = self.reflection_sel.min(self.reflection_rows.len().saturating_sub(1));
        self.open_agreements = self.session.open_agreements().count();
        self.overdue_agreements = self.session.overdue_agreements(today).count();
        let phase = self.session.phase;
        self.phase_answers = self.session.reflections.iter().filter(|r| r.phase == phase).count();
    }

    /// The session, to change it.
    pub fn edit(&mut self) -> &mut Session {
        Arc::make_mut(&mut self.session)
    }

    /// The agreement under the cursor, as an index into `session.agreements`.
    pub fn selected_agreement(&self) -> Option<usize> {
        self.agreement_rows.get(self.agreement_sel).copied()
    }

    pub fn selected_reflection_row(&self) -> Option<ReflectionRow> {
        self.reflection_rows.get(self.reflection_sel).copied()
    }
}

/// The reflection pane for the current phase: each library question with the
/// answers given to it, then the facilitator's own questions of this phase with
/// their answers, then the row to ask a new one.
fn reflection_rows(
    session: &Session,
    prompts: &PromptLibrary,
    previous: Option<&PreviousContext>,
) -> Vec<ReflectionRow> {
    let phase = session.phase;
    let mut rows = Vec::new();
    if let Some(p) = previous.filter(|p| !p.reflections.is_empty()) {
        rows.push(ReflectionRow::PreviousHeading);
        rows.extend((0..p.reflections.len()).map(ReflectionRow::Previous));
    }
    let mut by_prompt: std::collections::HashMap<&str, Vec<usize>> = Default::default();
    // Own questions in the order first asked, answers grouped under them.
    let mut own: Vec<Vec<usize>> = Vec::new();
    let mut own_index: std::collections::HashMap<&str, usize> = Default::default();
    for (i, r) in session.reflections.iter().enumerate() {
        match &r.prompt {
            Some(id) if prompts.get(id).is_some() => by_prompt.entry(id.as_str()).or_default().push(i),
            _ if r.phase == phase => match own_index.get(r.question.as_str()) {
                Some(&g) => own[g].push(i),
                None => {
                    own_index.insert(r.question.as_str(), own.len());
                    own.push(vec![i]);
                }
            },
            _ => {}
        }
    }
    for (pi, prompt) in prompts.all().iter().enumerate() {
        if !prompt.phases.contains(&phase) {
            continue;
        }
        rows.push(ReflectionRow::Prompt(pi));
        if let Some(answers) = by_prompt.get(prompt.id.as_str()) {
            rows.extend(answers.iter().map(|&i| ReflectionRow::Answer(i)));
        }
    }
    for answers in own {
        rows.push(ReflectionRow::OwnQuestion(answers[0]));
        rows.extend(answers.iter().map(|&i| ReflectionRow::Answer(i)));
    }
    rows.push(ReflectionRow::AskOwn);
    rows
}

/// Phase moves, agreements, answers and temperature readings, oldest first.
fn timeline_rows(session: &Session) -> Vec<TimelineRow> {
    let mut rows: Vec<(Timestamp, TimelineRow)> = Vec::new();
    rows.extend(session.phase_history.iter().enumerate().map(|(i, m)| (m.at, TimelineRow::PhaseMove(i))));
    rows.extend(
        session.agreements.iter().enumerate().map(|(i, a)| (a.created_at, TimelineRow::Agreement(i))),
    );
    rows.extend(
        session.reflections.iter().enumerate().map(|(i, r)| (r.created_at, TimelineRow::Reflection(i))),
    );
    rows.extend(session.temperature.iter().enumerate().map(|(i, t)| (t.at, TimelineRow::Temperature(i))));
    // Stable: at equal times the order above (and capture order) holds.
    rows.sort_by_key(|(at, _)| *at);
    rows.into_iter().map(|(_, r)| r).collect()
}
