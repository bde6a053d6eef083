//! Keys to intents: one table per mode. The hint bar and the help overlay are
//! generated from these tables, so they cannot drift from what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::{Action, AgreementFilter, AppState, LibraryView, Overlay, Pane, Screen};
use crate::domain::{Phase, ReviewOutcome};
use crate::export::Format;
use crate::i18n::Msg;

/// A key with its modifiers. Shift is ignored for characters (it is already
/// in the character).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chord {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn key(code: KeyCode) -> Chord {
    Chord { code, mods: KeyModifiers::NONE }
}

const fn ch(c: char) -> Chord {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Chord {
    Chord { code: KeyCode::Char(c), mods: KeyModifiers::CONTROL }
}

const fn alt(code: KeyCode) -> Chord {
    Chord { code, mods: KeyModifiers::ALT }
}

impl Chord {
    pub fn matches(&self, ev: &KeyEvent) -> bool {
        let mods = match ev.code {
            KeyCode::Char(_) | KeyCode::BackTab => ev.modifiers - KeyModifiers::SHIFT,
            _ => ev.modifiers,
        };
        self.code == ev.code && self.mods == mods
    }

    /// How the key is written in the hint bar and the help.
    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift+Tab".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::Backspace => "Backspace".into(),
            other => format!("{other:?}"),
        };
        let mut prefix = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            prefix.push_str("Ctrl+");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            prefix.push_str("Alt+");
        }
        prefix + &name
    }
}

/// One row of a keymap table.
pub struct Binding {
    pub keys: &'static [Chord],
    pub action: Action,
    /// Short, for the hint bar.
    pub label: Msg,
    /// Longer, for the help overlay.
    pub help: Msg,
    /// Shown in the hint bar (all bindings are shown in the help).
    pub hint: bool,
    /// Changes the session: left out when it is read-only.
    pub edits: bool,
}

const fn b(keys: &'static [Chord], action: Action, label: Msg, hint: bool, edits: bool) -> Binding {
    Binding { keys, action, label, help: label, hint, edits }
}

/// A binding whose help text says more than its hint.
const fn bh(
    keys: &'static [Chord],
    action: Action,
    label: Msg,
    help: Msg,
    hint: bool,
    edits: bool,
) -> Binding {
    Binding { keys, action, label, help, hint, edits }
}

use KeyCode::*;

pub static SESSION: &[Binding] = &[
    bh(&[key(Tab)], Action::NextPane, Msg::KeyNextPane, Msg::HelpNextPane, true, false),
    b(&[key(BackTab)], Action::PrevPane, Msg::KeyPrevPane, false, false),
    bh(&[ch(']')], Action::NextPhase, Msg::KeyNextPhase, Msg::HelpNextPhase, true, true),
    bh(&[ch('[')], Action::PrevPhase, Msg::KeyPrevPhase, Msg::HelpPrevPhase, false, true),
    bh(&[ch('g')], Action::OpenPhasePicker, Msg::KeyGoPhase, Msg::HelpGoPhase, false, true),
    bh(&[ch('t')], Action::RecordTemperature, Msg::KeyTemperature, Msg::HelpTemperature, false, true),
    bh(&[ch('u')], Action::Undo, Msg::KeyUndo, Msg::HelpUndo, false, true),
    bh(&[ch('v')], Action::StartFollowUp, Msg::KeyFollowUp, Msg::HelpFollowUp, false, true),
    bh(&[ch('x')], Action::StartExport, Msg::KeyExport, Msg::HelpExport, false, false),
    b(&[key(Esc)], Action::BackToSessions, Msg::KeySessions, false, false),
    b(&[ch('?')], Action::ShowHelp, Msg::KeyHelp, true, false),
    b(&[ch('q')], Action::Quit, Msg::KeyQuit, true, false),
];

/// Keys that work in every mode, forms included (the terminal is in raw
/// mode, so Ctrl+C arrives as a key, not as a signal).
pub static ALWAYS: &[Binding] =
    &[bh(&[ctrl('c')], Action::Quit, Msg::KeyQuit, Msg::HelpQuitAnywhere, false, false)];

pub static INTERESTS: &[Binding] = &[
    bh(&[ch('a')], Action::AddInterest, Msg::KeyAddInterest, Msg::HelpAddInterest, true, true),
    bh(&[ch('p')], Action::AddParty, Msg::KeyAddParty, Msg::HelpAddParty, true, true),
    bh(&[key(Enter), ch('e')], Action::Activate, Msg::KeyEdit, Msg::HelpEditMap, true, true),
    bh(&[ch('d'), key(Delete)], Action::DeleteSelected, Msg::KeyDelete, Msg::HelpDeleteMap, true, true),
    b(&[key(Left), ch('h')], Action::Left, Msg::KeyLeftParty, false, false),
    b(&[key(Right), ch('l')], Action::Right, Msg::KeyRightParty, false, false),
];

pub static AGREEMENTS: &[Binding] = &[
    bh(&[ch('a')], Action::AddAgreement, Msg::KeyAddAgreement, Msg::HelpAddAgreement, true, true),
    b(&[key(Enter), ch('e')], Action::Activate, Msg::KeyEdit, true, true),
    bh(&[ch('s')], Action::CycleStatus, Msg::KeyStatus, Msg::HelpStatus, true, true),
    bh(&[ch('r')], Action::TogglePhaseResult, Msg::KeyResult, Msg::HelpResult, false, true),
    bh(&[ch('f')], Action::CycleFilter, Msg::KeyFilter, Msg::HelpFilter, true, false),
    b(&[ch('d'), key(Delete)], Action::DeleteSelected, Msg::KeyDelete, true, true),
];

pub static REFLECTIONS: &[Binding] = &[
    bh(&[key(Enter)], Action::Activate, Msg::KeyAnswer, Msg::HelpAnswer, true, true),
    bh(&[ch('n')], Action::AskOwnQuestion, Msg::KeyOwnQuestion, Msg::HelpOwnQuestion, true, true),
    b(&[ch('e')], Action::EditSelected, Msg::KeyEdit, false, true),
    b(&[ch('d'), key(Delete)], Action::DeleteSelected, Msg::KeyDelete, true, true),
];

const DONE: Action = Action::ReviewAgreement(ReviewOutcome::Done);
const STILL_OPEN: Action = Action::ReviewAgreement(ReviewOutcome::StillOpen);
const DROPPED: Action = Action::ReviewAgreement(ReviewOutcome::Dropped);

/// While walking through the agreements carried over from the previous
/// meeting (the log is filtered on them).
pub static WALK_THROUGH: &[Binding] = &[
    bh(&[ch('1')], DONE, Msg::KeyDone, Msg::HelpDone, true, true),
    bh(&[ch('2')], STILL_OPEN, Msg::KeyStillOpen, Msg::HelpStillOpen, true, true),
    bh(&[ch('3')], DROPPED, Msg::KeyDropped, Msg::HelpDropped, true, true),
];

/// Moving through a list or the map; part of every pane and the library.
pub static MOVES: &[Binding] = &[
    b(&[key(Up), ch('k')], Action::Up, Msg::KeyUp, false, false),
    b(&[key(Down), ch('j')], Action::Down, Msg::KeyDown, false, false),
    b(&[key(PageUp)], Action::PageUp, Msg::KeyPageUp, false, false),
    b(&[key(PageDown)], Action::PageDown, Msg::KeyPageDown, false, false),
    b(&[key(Home)], Action::Home, Msg::KeyHome, false, false),
    b(&[key(End)], Action::End, Msg::KeyEnd, false, false),
];

pub static FORM: &[Binding] = &[
    b(&[key(Enter)], Action::FormSubmit, Msg::KeySave, true, false),
    bh(&[alt(Enter), ctrl('j')], Action::FormNewline, Msg::KeyNewline, Msg::HelpNewline, true, false),
    b(&[key(Tab)], Action::FormNextField, Msg::KeyNextField, true, false),
    b(&[key(BackTab)], Action::FormPrevField, Msg::KeyPrevField, false, false),
    bh(&[ctrl('u')], Action::FormClearField, Msg::KeyClearField, Msg::HelpClearField, false, false),
    bh(&[key(Esc)], Action::FormCancel, Msg::KeyCancel, Msg::HelpCancel, true, false),
];

pub static EXPORT_CHOOSER: &[Binding] = &[
    b(&[ch('m')], Action::Export(Format::Markdown), Msg::KeyMarkdown, true, false),
    b(&[ch('h')], Action::Export(Format::Html), Msg::KeyHtml, true, false),
    b(&[ch('c')], Action::Export(Format::Csv), Msg::KeyCsv, true, false),
    b(&[key(Esc)], Action::CloseOverlay, Msg::KeyClose, true, false),
];

pub static CONFIRM: &[Binding] = &[
    b(&[ch('j'), ch('y'), key(Enter)], Action::ConfirmYes, Msg::KeyYes, true, false),
    b(&[ch('n'), key(Esc)], Action::ConfirmNo, Msg::KeyNo, true, false),
];

pub static HELP: &[Binding] = &[
    b(&[key(Esc), ch('?'), ch('q')], Action::CloseOverlay, Msg::KeyClose, true, false),
    b(&[key(Up), ch('k')], Action::Up, Msg::KeyScroll, false, false),
    b(&[key(Down), ch('j')], Action::Down, Msg::KeyScroll, false, false),
    b(&[key(PageUp)], Action::PageUp, Msg::KeyPageUp, false, false),
    b(&[key(PageDown)], Action::PageDown, Msg::KeyPageDown, false, false),
];

pub static PHASE_PICKER: &[Binding] = &[
    b(&[ch('1')], Action::GoToPhase(Phase::Verkennen), Msg::KeyPickPhase, false, true),
    b(&[ch('2')], Action::GoToPhase(Phase::Delen), Msg::KeyPickPhase, false, true),
    b(&[ch('3')], Action::GoToPhase(Phase::Overeenkomen), Msg::KeyPickPhase, false, true),
    b(&[ch('4')], Action::GoToPhase(Phase::Vormgeven), Msg::KeyPickPhase, false, true),
    b(&[ch('5')], Action::GoToPhase(Phase::Uitvoeren), Msg::KeyPickPhase, false, true),
    b(&[key(Up), key(Left), ch('k')], Action::Up, Msg::KeyUp, false, false),
    b(&[key(Down), key(Right), ch('j')], Action::Down, Msg::KeyDown, false, false),
    b(&[key(Enter)], Action::Activate, Msg::KeyPickPhase, true, true),
    b(&[key(Esc)], Action::CloseOverlay, Msg::KeyClose, true, false),
];

pub static LIBRARY: &[Binding] = &[
    b(&[key(Enter)], Action::OpenSelected, Msg::KeyOpen, true, false),
    bh(&[ch('r')], Action::ReviewSelected, Msg::KeyReview, Msg::HelpReview, true, false),
    bh(&[ch('v')], Action::StartFollowUp, Msg::KeyFollowUp, Msg::HelpFollowUp, true, false),
    bh(&[ch('/')], Action::StartSearch, Msg::KeySearch, Msg::HelpSearch, true, false),
    bh(&[ch('o')], Action::ShowOverview, Msg::KeyOverview, Msg::HelpOverview, true, false),
    bh(&[ch('p')], Action::ShowPortfolio, Msg::KeyPortfolio, Msg::HelpPortfolio, true, false),
    bh(&[ch('f')], Action::EditFilter, Msg::KeyFilter, Msg::HelpLibraryFilter, false, false),
    bh(&[ch('x')], Action::StartExport, Msg::KeyExport, Msg::HelpExport, false, false),
    bh(&[ch('s')], Action::ToggleSort, Msg::KeySort, Msg::HelpSort, false, false),
    b(&[ch('n')], Action::NewSession, Msg::KeyNew, true, false),
    b(&[key(F(5))], Action::RefreshSessions, Msg::KeyRefresh, false, false),
    b(&[ch('?')], Action::ShowHelp, Msg::KeyHelp, true, false),
    b(&[ch('q'), key(Esc)], Action::Quit, Msg::KeyQuit, true, false),
];

/// Portfolio and collaboration overview: read, scroll, go back.
pub static LIBRARY_VIEW: &[Binding] = &[
    b(&[key(Esc), ch('q')], Action::Back, Msg::KeyBack, true, false),
    b(&[key(Up), ch('k')], Action::Up, Msg::KeyScroll, false, false),
    b(&[key(Down), ch('j')], Action::Down, Msg::KeyScroll, false, false),
    b(&[key(PageUp)], Action::PageUp, Msg::KeyPageUp, false, false),
    b(&[key(PageDown)], Action::PageDown, Msg::KeyPageDown, false, false),
    b(&[key(Home)], Action::Home, Msg::KeyHome, false, false),
];

pub static SEARCH_RESULTS: &[Binding] = &[
    bh(&[key(Enter)], Action::OpenSelected, Msg::KeyOpen, Msg::HelpOpenHit, true, false),
    bh(&[ch('/')], Action::StartSearch, Msg::KeySearch, Msg::HelpSearch, true, false),
    b(&[key(Esc), ch('q')], Action::Back, Msg::KeyBack, true, false),
];

/// The tables that apply now, most specific first.
pub fn active_tables(state: &AppState) -> Vec<&'static [Binding]> {
    let mode = match (&state.overlay, &state.form, &state.screen) {
        (Some(Overlay::Help { .. }), _, _) => vec![HELP],
        (Some(Overlay::PhasePicker { .. }), _, _) => vec![PHASE_PICKER],
        (Some(Overlay::ConfirmDiscard), _, _) => vec![CONFIRM],
        (Some(Overlay::ExportChooser { .. }), _, _) => vec![EXPORT_CHOOSER],
        (None, Some(_), _) => vec![FORM],
        (None, None, Screen::Library(lib)) => match lib.view {
            LibraryView::List => vec![LIBRARY, MOVES],
            LibraryView::Search { .. } => vec![SEARCH_RESULTS, MOVES],
            LibraryView::Portfolio { .. } | LibraryView::Overview { .. } => vec![LIBRARY_VIEW],
        },
        (None, None, Screen::Session(s))
            if s.pane == Pane::Agreements && s.agreement_filter == AgreementFilter::ToReview =>
        {
            vec![WALK_THROUGH, AGREEMENTS, MOVES, SESSION]
        }
        (None, None, Screen::Session(s)) => vec![pane_table(s.pane), MOVES, SESSION],
    };
    [mode, vec![ALWAYS]].concat()
}

pub fn pane_table(pane: Pane) -> &'static [Binding] {
    match pane {
        Pane::Interests => INTERESTS,
        Pane::Agreements => AGREEMENTS,
        Pane::Reflections => REFLECTIONS,
        Pane::Timeline => &[],
    }
}

/// The intent of a key press in the current state, if it has one. In a form,
/// keys that no binding claims are typing. In a read-only session the keys
/// that change things still reach `update`, which says why it refuses.
pub fn action_for(state: &AppState, ev: &KeyEvent) -> Option<Action> {
    let tables = active_tables(state);
    for table in &tables {
        for binding in table.iter() {
            if binding.keys.iter().any(|k| k.matches(ev)) {
                return Some(binding.action.clone());
            }
        }
    }
    if state.form.is_some() && state.overlay.is_none() {
        return Some(Action::FormInput((*ev).into()));
    }
    None
}

/// (key, label) pairs for the hint bar, in table order. The bar shows the
/// first key of each binding; the help shows them all.
pub fn hints(state: &AppState) -> Vec<(String, Msg)> {
    let read_only = state.read_only();
    active_tables(state)
        .into_iter()
        .flat_map(|t| t.iter())
        .filter(|b| b.hint && !(b.edits && read_only))
        // A new line only where a field takes one.
        .filter(|b| {
            b.action != Action::FormNewline || state.form.as_ref().is_some_and(|f| f.focused_multiline())
        })
        .map(|b| (b.keys[0].label(), b.label))
        .collect()
}

/// "Enter/e": every key of a binding.
pub fn keys_label(keys: &[Chord]) -> String {
    keys.iter().map(Chord::label).collect::<Vec<_>>().join("/")
}

/// Sections of the help overlay: a title and the bindings under it.
pub fn help_sections(state: &AppState) -> Vec<(Msg, &'static [Binding])> {
    match &state.screen {
        Screen::Library(_) => {
            vec![
                (Msg::HelpLibrary, LIBRARY),
                (Msg::HelpSearchResults, SEARCH_RESULTS),
                (Msg::HelpMoving, MOVES),
                (Msg::HelpLibraryViews, LIBRARY_VIEW),
                (Msg::HelpForm, FORM),
                (Msg::HelpAnywhere, ALWAYS),
            ]
        }
        Screen::Session(_) => vec![
            (Msg::HelpGlobal, SESSION),
            (Msg::HelpAnywhere, ALWAYS),
            (Msg::PaneInterests, INTERESTS),
            (Msg::PaneAgreements, AGREEMENTS),
            (Msg::HelpWalkThrough, WALK_THROUGH),
            (Msg::PaneReflections, REFLECTIONS),
            (Msg::HelpMoving, MOVES),
            (Msg::HelpForm, FORM),
            (Msg::ChoosePhase, PHASE_PICKER),
            (Msg::ExportTitle, EXPORT_CHOOSER),
        ],
    }
}

/// Every table, as Markdown, for the README: the README's key section is
/// this text, and a test keeps the two equal.
pub fn markdown(lang: crate::i18n::Lang) -> String {
    let tables: [(Msg, &[Binding]); 13] = [
        (Msg::HelpGlobal, SESSION),
        (Msg::PaneInterests, INTERESTS),
        (Msg::PaneAgreements, AGREEMENTS),
        (Msg::HelpWalkThrough, WALK_THROUGH),
        (Msg::PaneReflections, REFLECTIONS),
        (Msg::HelpMoving, MOVES),
        (Msg::HelpForm, FORM),
        (Msg::ChoosePhase, PHASE_PICKER),
        (Msg::ExportTitle, EXPORT_CHOOSER),
        (Msg::HelpLibrary, LIBRARY),
        (Msg::HelpSearchResults, SEARCH_RESULTS),
        (Msg::HelpLibraryViews, LIBRARY_VIEW),
        (Msg::HelpAnywhere, ALWAYS),
    ];
    let mut out = String::new();
    for (title, table) in tables {
        out.push_str(&format!("**{}**\n\n| key | what it does |\n|---|---|\n", title.get(lang)));
        for b in table {
            let keys: Vec<String> = b.keys.iter().map(|k| format!("`{}`", k.label())).collect();
            out.push_str(&format!("| {} | {} |\n", keys.join(" "), b.help.get(lang)));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_modes() -> Vec<(&'static str, Vec<&'static [Binding]>)> {
        vec![
            ("interests", vec![INTERESTS, MOVES, SESSION, ALWAYS]),
            ("agreements", vec![AGREEMENTS, MOVES, SESSION, ALWAYS]),
            ("walk-through", vec![WALK_THROUGH, AGREEMENTS, MOVES, SESSION, ALWAYS]),
            ("reflections", vec![REFLECTIONS, MOVES, SESSION, ALWAYS]),
            ("timeline", vec![MOVES, SESSION, ALWAYS]),
            ("form", vec![FORM, ALWAYS]),
            ("confirm", vec![CONFIRM, ALWAYS]),
            ("help", vec![HELP, ALWAYS]),
            ("phases", vec![PHASE_PICKER, ALWAYS]),
            ("export", vec![EXPORT_CHOOSER, ALWAYS]),
            ("library", vec![LIBRARY, MOVES, ALWAYS]),
            ("library views", vec![LIBRARY_VIEW, ALWAYS]),
            ("search results", vec![SEARCH_RESULTS, MOVES, ALWAYS]),
        ]
    }

    #[test]
    fn no_key_is_bound_twice_in_one_mode() {
        for (mode, tables) in all_modes() {
            let chords: Vec<Chord> =
                tables.iter().flat_map(|t| t.iter()).flat_map(|b| b.keys.iter().copied()).collect();
            for (i, c) in chords.iter().enumerate() {
                assert!(!chords[i + 1..].contains(c), "{mode}: {} bound twice", c.label());
            }
        }
    }

    #[test]
    fn characters_match_with_or_without_shift() {
        let ev = KeyEvent::new(KeyCode::Char('?'), KeyModifiers::SHIFT);
        assert!(ch('?').matches(&ev));
        assert!(!ch('q').matches(&ev));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert!(ctrl('c').matches(&ctrl_c));
        assert!(!ch('c').matches(&ctrl_c));
        let alt_enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT);
        assert!(alt(Enter).matches(&alt_enter));
        assert!(!key(Enter).matches(&alt_enter));
    }

    #[test]
    fn labels_read_well() {
        assert_eq!(keys_label(&[key(Enter), ch('e')]), "Enter/e");
        assert_eq!(keys_label(&[alt(Enter), ctrl('j')]), "Alt+Enter/Ctrl+j");
        assert_eq!(key(BackTab).label(), "Shift+Tab");
    }
}
