//! The open session's screen: the session, its file, its save state and
//! each pane's own state.

use std::any::Any;
use std::path::PathBuf;
use std::sync::Arc;

use super::{SaveState, View};
use crate::app::action::{Access, PreviousContext};
use crate::domain::{Session, Timestamp};
use crate::i18n::Msg;
use crate::panes::{Cx, DynPane, Focus, Local, PANES, Pane, Target, index_of};

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
    pub history: crate::app::history::History,
    /// The draft journal of the open form's typing.
    pub journal: crate::app::journal::Journal,
    /// Its copies found beside it and offered for merging (issue 8).
    pub copies: crate::app::copies_offer::Copies,
    /// Each pane's own state, in the order of [`PANES`].
    locals: Vec<Box<dyn Local>>,
}

impl SessionScreen {
    /// The screen of a session just opened (`previous`: the meeting it
    /// follows up, when read), its panes indexed once.
    pub fn new(
        session: Arc<Session>,
        path: PathBuf,
        access: Access,
        previous: Option<PreviousContext>,
        view: &View,
    ) -> Self {
        let save =
            if access.read_only() { SaveState::ReadOnly } else { SaveState::Saved(session.updated_at) };
        let mut s = SessionScreen {
            session,
            path,
            access,
            previous,
            chain: None,
            pane: 0,
            save,
            history: Default::default(),
            journal: Default::default(),
            copies: Default::default(),
            locals: PANES.iter().map(|p| p.new_state()).collect(),
        };
        s.reindex(view);
        s
    }

    /// What the panes derive their rows from.
    fn cx<'a>(&'a self, view: &'a View) -> Cx<'a> {
        Cx {
            session: &self.session,
            view,
            access: self.access,
            previous: self.previous.as_ref(),
            chain: self.chain.as_deref(),
        }
    }

    /// What the panes derive their rows from, beside their states (the
    /// fields borrowed apart, so the states can change).
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
            let cx = self.cx(view);
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
        let cx = self.cx(view);
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
