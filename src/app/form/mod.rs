//! Forms: the one-key-open, type, one-key-commit dialogs for capturing and
//! editing. A form holds text areas and choices, addressed by field name;
//! each purpose's builder and reader live together (`app::forms`, a pane's
//! `forms.rs`). Keys that reach a form are in [`keys`], drafts in [`draft`],
//! the words of a choice in [`labels`].

mod draft;
mod keys;
mod labels;

pub use draft::{Draft, DraftValue};
pub use keys::{TYPE_AHEAD_PAUSE_MS, TypeAhead};
pub use labels::choice_label;

use ratatui::style::{Modifier, Style};
use ratatui_textarea::{TextArea, WrapMode};
use serde::{Deserialize, Serialize};

use crate::domain::{AgreementStatus, AmbitionLens, ContextAspect, InterestKind, Phase, Temperature};
use crate::i18n::Msg;
use crate::text::for_editing;

/// What the form is for; decides what submitting does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Purpose {
    NewSession,
    Party {
        id: Option<String>,
    },
    Interest {
        id: Option<String>,
    },
    /// A pane's own form (see [`crate::panes::PaneForm`]): which one, and
    /// the item it edits (`None` for a new one).
    Pane {
        form: String,
        id: Option<String>,
    },
    Answer {
        prompt: Option<String>,
        question: String,
        id: Option<String>,
    },
    OwnQuestion,
    PhaseReason {
        to: Phase,
    },
    /// The next meeting of this collaboration.
    FollowUp,
    /// Full-text search over the library.
    Search,
    /// What the library list shows.
    LibraryFilter,
    Temperature,
    Ambition(AmbitionLens),
    Context(ContextAspect),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    Party(Option<String>),
    Phase(Option<Phase>),
    Agreements(super::library::AgreementsShown),
    Kind(InterestKind),
    Status(AgreementStatus),
    Temperature(Temperature),
    /// An option of an instrument's own list, named by its stable id (empty
    /// for "not answered") and shown with its label.
    Item {
        id: &'static str,
        label: Msg,
    },
}

#[derive(Debug, Clone)]
pub enum FieldInput {
    Text {
        area: Box<TextArea<'static>>,
        multiline: bool,
    },
    Choice {
        options: Vec<Choice>,
        selected: usize,
    },
    Check(bool),
    /// Several parties can be ticked; `cursor` is the one under the cursor.
    Parties {
        ids: Vec<String>,
        checked: Vec<bool>,
        cursor: usize,
    },
}

#[derive(Debug, Clone)]
pub struct Field {
    /// How the form's reader and its draft address the field.
    pub name: &'static str,
    pub label: Msg,
    pub input: FieldInput,
    pub required: bool,
    /// A text field that holds a date: the form echoes the date it reads.
    pub date: bool,
}

#[derive(Debug, Clone)]
pub struct Form {
    pub purpose: Purpose,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Why the last submit was refused, shown under the field.
    pub error: Option<Msg>,
    /// Anything typed or chosen since the form opened.
    pub dirty: bool,
    /// Counts changes, so the runtime knows when the draft journal is behind.
    pub revision: u64,
    /// Letters typed on a choice, to jump to the option they start.
    pub typed: TypeAhead,
}

pub(super) fn text_area(initial: &str, multiline: bool) -> Box<TextArea<'static>> {
    let lines: Vec<String> = for_editing(initial).split('\n').map(String::from).collect();
    let mut area = TextArea::new(lines);
    area.set_cursor_line_style(Style::default());
    area.set_cursor_style(Style::default().add_modifier(Modifier::REVERSED));
    if multiline {
        area.set_wrap_mode(WrapMode::WordOrGlyph);
    }
    area.move_cursor(ratatui_textarea::CursorMove::Bottom);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    Box::new(area)
}

impl Field {
    pub fn text(name: &'static str, label: Msg, initial: &str, required: bool) -> Field {
        Field {
            name,
            label,
            input: FieldInput::Text { area: text_area(initial, false), multiline: false },
            required,
            date: false,
        }
    }

    /// A one-line text field for a date in any spelling [`crate::dates`]
    /// reads; the form shows the date it makes of the text beside it.
    pub fn date(name: &'static str, label: Msg, initial: &str, required: bool) -> Field {
        Field { date: true, ..Field::text(name, label, initial, required) }
    }

    pub fn multiline(name: &'static str, label: Msg, initial: &str, required: bool) -> Field {
        let input = FieldInput::Text { area: text_area(initial, true), multiline: true };
        Field { name, label, input, required, date: false }
    }

    pub fn choice(name: &'static str, label: Msg, options: Vec<Choice>, selected: usize) -> Field {
        let selected = selected.min(options.len().saturating_sub(1));
        Field { name, label, input: FieldInput::Choice { options, selected }, required: false, date: false }
    }

    pub fn check(name: &'static str, label: Msg, value: bool) -> Field {
        Field { name, label, input: FieldInput::Check(value), required: false, date: false }
    }

    pub fn parties(name: &'static str, label: Msg, ids: Vec<String>, ticked: &[String]) -> Field {
        let checked = ids.iter().map(|id| ticked.contains(id)).collect();
        Field {
            name,
            label,
            input: FieldInput::Parties { ids, checked, cursor: 0 },
            required: false,
            date: false,
        }
    }

    /// The text of a text field, lines joined with `\n`.
    pub fn value(&self) -> String {
        match &self.input {
            FieldInput::Text { area, .. } => area.lines().join("\n"),
            _ => String::new(),
        }
    }

    pub fn is_blank(&self) -> bool {
        matches!(&self.input, FieldInput::Text { area, .. } if area.lines().iter().all(|l| l.trim().is_empty()))
    }
}

impl Form {
    pub fn new(purpose: Purpose, fields: Vec<Field>) -> Form {
        Form {
            purpose,
            fields,
            focus: 0,
            error: None,
            dirty: false,
            revision: 0,
            typed: TypeAhead::default(),
        }
    }

    pub(super) fn touched(&mut self) {
        self.dirty = true;
        self.error = None;
        self.revision += 1;
    }

    /// The cursor starts in field `name`.
    pub fn focused(mut self, name: &str) -> Form {
        self.focus = self.index(name);
        self
    }

    /// Where field `name` is. A form's reader asks only for its own fields.
    pub fn index(&self, name: &str) -> usize {
        self.fields.iter().position(|f| f.name == name).unwrap_or_else(|| panic!("no field {name:?}"))
    }

    /// Refuse a submit: the cursor goes to field `name`, which shows why.
    pub fn refuse(mut self, name: &str, why: Msg) -> Form {
        self.focus = self.index(name);
        self.error = Some(why);
        self
    }

    pub fn title(&self) -> Msg {
        match &self.purpose {
            Purpose::NewSession => Msg::NewSession,
            Purpose::Party { id: None } => Msg::NewParty,
            Purpose::Party { id: Some(_) } => Msg::EditParty,
            Purpose::Interest { id: None } => Msg::NewInterest,
            Purpose::Interest { id: Some(_) } => Msg::EditInterest,
            Purpose::Pane { form, id } => match crate::panes::pane_form(form) {
                Some(f) if id.is_some() => f.title_edit,
                Some(f) => f.title_new,
                None => Msg::NewSession,
            },
            Purpose::Answer { id: None, .. } => Msg::AnswerTitle,
            Purpose::Answer { id: Some(_), .. } => Msg::EditAnswer,
            Purpose::OwnQuestion => Msg::OwnQuestionTitle,
            Purpose::PhaseReason { .. } => Msg::MoveBackTitle,
            Purpose::FollowUp => Msg::FollowUpTitle,
            Purpose::Search => Msg::SearchTitle,
            Purpose::LibraryFilter => Msg::FilterTitle,
            Purpose::Temperature => Msg::TemperatureTitle,
            Purpose::Ambition(_) => Msg::EditAmbition,
            Purpose::Context(_) => Msg::EditContext,
        }
    }

    pub fn field(&self, name: &str) -> &Field {
        &self.fields[self.index(name)]
    }

    /// The text of field `name`, lines joined with `\n`.
    pub fn text(&self, name: &str) -> String {
        self.field(name).value()
    }

    pub fn choice(&self, name: &str) -> Option<&Choice> {
        match &self.field(name).input {
            FieldInput::Choice { options, selected } => options.get(*selected),
            _ => None,
        }
    }

    pub fn checked(&self, name: &str) -> bool {
        matches!(self.field(name).input, FieldInput::Check(true))
    }

    pub fn ticked_parties(&self, name: &str) -> Vec<String> {
        match &self.field(name).input {
            FieldInput::Parties { ids, checked, .. } => {
                ids.iter().zip(checked).filter(|(_, c)| **c).map(|(id, _)| id.clone()).collect()
            }
            _ => Vec::new(),
        }
    }

    /// The first required text field left blank, if any.
    pub fn first_missing(&self) -> Option<usize> {
        self.fields.iter().position(|f| f.required && f.is_blank())
    }

    pub fn next_field(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len();
        self.typed = TypeAhead::default();
    }

    pub fn prev_field(&mut self) {
        self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
        self.typed = TypeAhead::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_puts_the_cursor_in_the_field_and_says_why() {
        let f = Form::new(
            Purpose::OwnQuestion,
            vec![Field::text("question", Msg::Question, "", true), Field::date("due", Msg::Due, "x", false)],
        );
        assert_eq!(f.first_missing(), Some(0));
        assert!(f.field("due").date && !f.field("question").date);
        let f = f.refuse("due", Msg::BadDate);
        assert_eq!((f.focus, f.error), (1, Some(Msg::BadDate)));
    }

    #[test]
    fn editing_existing_hostile_text_shows_placeholders() {
        let f = Field::multiline("text", Msg::Text, "x\u{1b}]0;pwn\u{7}y\nz", true);
        assert_eq!(f.value(), "x␛]0;pwn␇y\nz");
    }
}
