//! Keys to intents: one table per mode. The hint bar and the help overlay are
//! generated from these tables, so they cannot drift from what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::room::R;
use crate::app::{Action, AppState, LibraryView, Overlay, Screen};
use crate::i18n::{Lang, Msg};
use crate::panes::PANES;
use crate::panes::relationship::coach;

/// A key with its modifiers. Shift is ignored for characters (it is already
/// in the character).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chord {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

pub const fn key(code: KeyCode) -> Chord {
    Chord { code, mods: KeyModifiers::NONE }
}

pub const fn ch(c: char) -> Chord {
    key(KeyCode::Char(c))
}

pub const fn ctrl(c: char) -> Chord {
    Chord { code: KeyCode::Char(c), mods: KeyModifiers::CONTROL }
}

pub const fn alt(code: KeyCode) -> Chord {
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
            KeyCode::F(n) => format!("F{n}"),
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
    /// Shown in the hint bar (all bindings are shown in the help). Bindings
    /// whose action edits (`Action::edits`) are left out when read-only.
    pub hint: bool,
    /// When the hint bar is too narrow, spare hints give way first (the
    /// last spare one first), then the others from the end; the help lists
    /// every binding either way.
    pub spare: bool,
}

pub const fn b(keys: &'static [Chord], action: Action, label: Msg, hint: bool) -> Binding {
    Binding { keys, action, label, help: label, hint, spare: false }
}

/// A binding whose help text says more than its hint.
pub const fn bh(keys: &'static [Chord], action: Action, label: Msg, help: Msg, hint: bool) -> Binding {
    Binding { keys, action, label, help, hint, spare: false }
}

impl Binding {
    /// This binding's hint gives way first on a narrow hint bar.
    pub const fn spare(mut self) -> Binding {
        self.spare = true;
        self
    }
}

/// One entry of the hint bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Hint {
    pub keys: String,
    pub label: Msg,
    /// Gives way first when the bar is too narrow (`Binding::spare`).
    pub spare: bool,
}

mod tables;

pub use tables::*;

/// The tables that apply now, most specific first.
pub fn active_tables(state: &AppState) -> Vec<&'static [Binding]> {
    let mode = match (&state.overlay, &state.form, &state.screen) {
        (Some(Overlay::Help { .. }), _, _) => vec![HELP],
        (Some(Overlay::PhasePicker { .. }), _, _) => vec![PHASE_PICKER],
        (Some(Overlay::ConfirmDiscard), _, _) => vec![CONFIRM],
        (Some(Overlay::ExportChooser { .. }), _, _) => vec![EXPORT_CHOOSER],
        (Some(Overlay::RoomAddress), _, _) => vec![ROOM_ADDRESS],
        (Some(Overlay::Conflicts { .. }), _, _) => vec![CONFLICTS],
        (Some(Overlay::Coach { .. }), _, _) => vec![coach::KEYS],
        (None, Some(form), Screen::Session(_)) => vec![form_table(form), coach::OPEN_IN_FORM],
        (None, Some(form), _) => vec![form_table(form)],
        (None, None, Screen::Library(lib)) => match lib.view {
            LibraryView::List => vec![LIBRARY, MOVES, ROOM_LIBRARY],
            LibraryView::Search { .. } => vec![SEARCH_RESULTS, MOVES],
            LibraryView::Portfolio { .. } | LibraryView::Overview { .. } => vec![LIBRARY_VIEW],
        },
        // A pane's own box takes the keys its tables name.
        (None, None, Screen::Session(s)) if s.active().overlay(s) => {
            [s.active().bindings(s), vec![COACH_ANYWHERE]].concat()
        }
        (None, None, Screen::Session(s)) => [s.active().bindings(s), vec![MOVES, SESSION, ROOM]].concat(),
    };
    [mode, vec![ALWAYS]].concat()
}

/// The keys of a form of this purpose.
fn form_table(form: &crate::app::Form) -> &'static [Binding] {
    match form.purpose {
        crate::app::Purpose::Search => SEARCH_FORM,
        _ => FORM,
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
    hint_entries(state).into_iter().map(|h| (h.keys, h.label)).collect()
}

/// The hint bar's entries in table order, with which give way first.
pub fn hint_entries(state: &AppState) -> Vec<Hint> {
    let read_only = state.read_only();
    active_tables(state)
        .into_iter()
        .flat_map(|t| t.iter())
        .filter(|b| b.hint && !(b.action.edits() && read_only))
        // A new line only where a field takes one.
        .filter(|b| {
            b.action != Action::FormNewline || state.form.as_ref().is_some_and(|f| f.focused_multiline())
        })
        // Another field only where the form has one.
        .filter(|b| {
            b.action != Action::FormNextField || state.form.as_ref().is_some_and(|f| f.fields.len() > 1)
        })
        .map(|b| Hint { keys: hint_key(b, state.lang), label: b.label, spare: b.spare })
        .collect()
}

/// The key a hint shows: among letter keys, the one that starts the
/// label's word in the UI language (`j` ja, `y` yes); else the first key.
fn hint_key(b: &Binding, lang: Lang) -> String {
    let letter = |label: &str| label.chars().count() == 1;
    if !letter(&b.keys[0].label()) {
        return b.keys[0].label();
    }
    let first = b.label.get(lang).chars().next();
    let said = b.keys.iter().find(|k| {
        let label = k.label();
        let mut chars = label.chars();
        chars.next() == first && chars.next().is_none()
    });
    said.unwrap_or(&b.keys[0]).label()
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
                (R::HelpRoomKeys, ROOM_LIBRARY),
                (Msg::HelpAnywhere, ALWAYS),
            ]
        }
        Screen::Session(_) => [
            vec![(Msg::HelpGlobal, SESSION), (R::HelpRoomKeys, ROOM), (Msg::HelpAnywhere, ALWAYS)],
            session_sections(),
        ]
        .concat(),
    }
}

/// Every pane's help sections in tab order, then the session's other modes.
fn session_sections() -> Vec<(Msg, &'static [Binding])> {
    let panes = PANES.iter().flat_map(|p| p.help().iter().copied());
    panes
        .chain([
            (Msg::HelpMoving, MOVES),
            (Msg::HelpForm, FORM),
            (Msg::ChoosePhase, PHASE_PICKER),
            (Msg::ExportTitle, EXPORT_CHOOSER),
            (coach::C::Title, coach::KEYS),
        ])
        .collect()
}

/// Every table, as Markdown, for the README: the README's key section is
/// this text, and a test keeps the two equal.
pub fn markdown(lang: crate::i18n::Lang) -> String {
    let tables = [
        vec![(Msg::HelpGlobal, SESSION), (R::HelpRoomKeys, ROOM)],
        session_sections(),
        vec![
            (Msg::HelpLibrary, LIBRARY),
            (Msg::HelpSearchResults, SEARCH_RESULTS),
            (Msg::HelpLibraryViews, LIBRARY_VIEW),
            (Msg::HelpAnywhere, ALWAYS),
        ],
    ]
    .concat();
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
    use KeyCode::*;

    use super::*;

    fn all_modes() -> Vec<(&'static str, Vec<&'static [Binding]>)> {
        // Each pane with every table it can have at once.
        let panes = PANES.iter().map(|p| {
            let tables: Vec<&'static [Binding]> = p.help().iter().map(|(_, t)| *t).collect();
            (p.id(), [tables, vec![MOVES, SESSION, ALWAYS]].concat())
        });
        panes
            .chain([
                ("form", vec![FORM, coach::OPEN_IN_FORM, ALWAYS]),
                ("search form", vec![SEARCH_FORM, ALWAYS]),
                ("coach", vec![coach::KEYS, ALWAYS]),
                ("confirm", vec![CONFIRM, ALWAYS]),
                ("help", vec![HELP, ALWAYS]),
                ("phases", vec![PHASE_PICKER, ALWAYS]),
                ("export", vec![EXPORT_CHOOSER, ALWAYS]),
                ("library", vec![LIBRARY, MOVES, ALWAYS]),
                ("library views", vec![LIBRARY_VIEW, ALWAYS]),
                ("search results", vec![SEARCH_RESULTS, MOVES, ALWAYS]),
            ])
            .collect()
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
    fn a_hint_shows_the_key_of_its_word_in_the_ui_language() {
        let yes = &CONFIRM[0];
        assert_eq!(hint_key(yes, Lang::Nl), "j");
        assert_eq!(hint_key(yes, Lang::En), "y");
        // No key starts the word: the first key.
        assert_eq!(hint_key(&CONFIRM[1], Lang::En), "n");
        assert_eq!(hint_key(&HELP[0], Lang::Nl), "Esc");
    }

    #[test]
    fn labels_read_well() {
        assert_eq!(keys_label(&[key(Enter), ch('e')]), "Enter/e");
        assert_eq!(keys_label(&[alt(Enter), ctrl('j')]), "Alt+Enter/Ctrl+j");
        assert_eq!(key(BackTab).label(), "Shift+Tab");
        assert_eq!(key(F(2)).label(), "F2");
    }
}
