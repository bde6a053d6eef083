//! Forms: the one-key-open, type, one-key-commit dialogs for capturing and
//! editing. A form holds text areas and choices; reading it back into domain
//! values happens in `update`.

use chrono::NaiveDate;
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{Input, Key, TextArea, WrapMode};
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
}

/// What a form holds, in a form that can be written to the draft journal and
/// read back after a crash. Values are keyed by field name, so a form whose
/// fields were reordered or renamed since never gets a value in the wrong
/// field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub purpose: Purpose,
    pub values: std::collections::BTreeMap<String, DraftValue>,
    /// The name of the field that had the cursor.
    pub focus: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum DraftValue {
    Text(String),
    Choice(usize),
    Check(bool),
    Parties(Vec<String>),
}

fn text_area(initial: &str, multiline: bool) -> Box<TextArea<'static>> {
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
        }
    }

    pub fn multiline(name: &'static str, label: Msg, initial: &str, required: bool) -> Field {
        let input = FieldInput::Text { area: text_area(initial, true), multiline: true };
        Field { name, label, input, required }
    }

    pub fn choice(name: &'static str, label: Msg, options: Vec<Choice>, selected: usize) -> Field {
        let selected = selected.min(options.len().saturating_sub(1));
        Field { name, label, input: FieldInput::Choice { options, selected }, required: false }
    }

    pub fn check(name: &'static str, label: Msg, value: bool) -> Field {
        Field { name, label, input: FieldInput::Check(value), required: false }
    }

    pub fn parties(name: &'static str, label: Msg, ids: Vec<String>, ticked: &[String]) -> Field {
        let checked = ids.iter().map(|id| ticked.contains(id)).collect();
        Field { name, label, input: FieldInput::Parties { ids, checked, cursor: 0 }, required: false }
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
        Form { purpose, fields, focus: 0, error: None, dirty: false, revision: 0 }
    }

    fn touched(&mut self) {
        self.dirty = true;
        self.error = None;
        self.revision += 1;
    }

    pub fn to_draft(&self) -> Draft {
        let values = self
            .fields
            .iter()
            .map(|f| {
                let value = match &f.input {
                    FieldInput::Text { .. } => DraftValue::Text(f.value()),
                    FieldInput::Choice { selected, .. } => DraftValue::Choice(*selected),
                    FieldInput::Check(v) => DraftValue::Check(*v),
                    FieldInput::Parties { ids, checked, .. } => DraftValue::Parties(
                        ids.iter().zip(checked).filter(|(_, c)| **c).map(|(id, _)| id.clone()).collect(),
                    ),
                };
                (f.name.to_string(), value)
            })
            .collect();
        let focus = self.fields.get(self.focus).map_or_else(String::new, |f| f.name.to_string());
        Draft { purpose: self.purpose.clone(), values, focus }
    }

    /// Put a draft's values into this (freshly built) form, field by field
    /// by name where the kinds match; the form counts as typed in.
    pub fn restore(&mut self, draft: &Draft) {
        for field in self.fields.iter_mut() {
            let Some(value) = draft.values.get(field.name) else { continue };
            match (&mut field.input, value) {
                (FieldInput::Text { area, multiline }, DraftValue::Text(t)) => {
                    let text = if *multiline { t.clone() } else { t.replace('\n', " ") };
                    **area = *text_area(&text, *multiline);
                }
                (FieldInput::Choice { options, selected }, DraftValue::Choice(i)) if *i < options.len() => {
                    *selected = *i
                }
                (FieldInput::Check(v), DraftValue::Check(d)) => *v = *d,
                (FieldInput::Parties { ids, checked, .. }, DraftValue::Parties(ticked)) => {
                    for (id, c) in ids.iter().zip(checked.iter_mut()) {
                        *c = ticked.contains(id);
                    }
                }
                _ => {}
            }
        }
        if let Some(i) = self.fields.iter().position(|f| f.name == draft.focus) {
            self.focus = i;
        }
        self.touched();
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
    }

    pub fn prev_field(&mut self) {
        self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
    }

    /// Alt+Enter: a line break in a multi-line field.
    pub fn newline(&mut self) {
        if let FieldInput::Text { area, multiline: true } = &mut self.fields[self.focus].input {
            area.insert_newline();
            self.touched();
        }
    }

    /// Empty the focused text field.
    pub fn clear_field(&mut self) {
        if let FieldInput::Text { area, multiline } = &mut self.fields[self.focus].input
            && !area.is_empty()
        {
            **area = *text_area("", *multiline);
            self.touched();
        }
    }

    /// Whether the focused field takes line breaks.
    pub fn focused_multiline(&self) -> bool {
        matches!(self.fields[self.focus].input, FieldInput::Text { multiline: true, .. })
    }

    /// Pasted text goes into the focused text field, made safe; line breaks
    /// become spaces in one-line fields.
    pub fn paste(&mut self, text: &str) {
        if let FieldInput::Text { area, multiline } = &mut self.fields[self.focus].input {
            let clean = for_editing(text);
            let clean = if *multiline { clean } else { clean.replace('\n', " ") };
            area.insert_str(clean);
            self.touched();
        }
    }

    /// A key that the keymap did not claim: typing, cursor keys, choices.
    pub fn input(&mut self, input: Input) {
        let field = &mut self.fields[self.focus];
        let changed = match &mut field.input {
            FieldInput::Text { area, multiline } => match input.key {
                // Enter is claimed by the keymap; never insert raw line breaks
                // or control characters into a one-line field.
                Key::Enter => false,
                Key::Up | Key::Down if !*multiline => {
                    if input.key == Key::Up {
                        self.prev_field()
                    } else {
                        self.next_field()
                    }
                    return;
                }
                Key::Char(c) if c.is_control() => false,
                _ => area.input(input),
            },
            FieldInput::Choice { options, selected } => match input.key {
                Key::Right | Key::Char(' ') => {
                    *selected = (*selected + 1) % options.len().max(1);
                    true
                }
                Key::Left => {
                    *selected = (*selected + options.len().max(1) - 1) % options.len().max(1);
                    true
                }
                Key::Up => {
                    self.prev_field();
                    return;
                }
                Key::Down => {
                    self.next_field();
                    return;
                }
                _ => false,
            },
            FieldInput::Check(v) => match input.key {
                Key::Char(' ') | Key::Left | Key::Right => {
                    *v = !*v;
                    true
                }
                Key::Up => {
                    self.prev_field();
                    return;
                }
                Key::Down => {
                    self.next_field();
                    return;
                }
                _ => false,
            },
            FieldInput::Parties { ids, checked, cursor } => match input.key {
                Key::Right if *cursor + 1 < ids.len() => {
                    *cursor += 1;
                    false
                }
                Key::Left if *cursor > 0 => {
                    *cursor -= 1;
                    false
                }
                Key::Char(' ') if !checked.is_empty() => {
                    checked[*cursor] = !checked[*cursor];
                    true
                }
                Key::Up => {
                    self.prev_field();
                    return;
                }
                Key::Down => {
                    self.next_field();
                    return;
                }
                _ => false,
            },
        };
        if changed {
            self.touched();
        }
    }
}

/// A date as the facilitator types it: `2026-04-01`, `1-4-2026` or `1/4/2026`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d-%m-%Y"))
        .or_else(|_| NaiveDate::parse_from_str(s, "%d/%m/%Y"))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: char) -> Input {
        Input { key: Key::Char(c), ..Default::default() }
    }

    #[test]
    fn dates_in_three_spellings() {
        let d = NaiveDate::from_ymd_opt(2026, 4, 1);
        assert_eq!(parse_date("2026-04-01"), d);
        assert_eq!(parse_date(" 1-4-2026 "), d);
        assert_eq!(parse_date("01/04/2026"), d);
        assert_eq!(parse_date("2026-13-01"), None);
        assert_eq!(parse_date("morgen"), None);
    }

    #[test]
    fn typing_marks_the_form_dirty_and_fills_the_field() {
        let mut f = Form::new(Purpose::OwnQuestion, vec![Field::text("question", Msg::Question, "", true)]);
        assert!(!f.dirty);
        assert_eq!(f.first_missing(), Some(0));
        for c in "Wie?".chars() {
            f.input(key(c));
        }
        assert!(f.dirty);
        assert_eq!(f.text("question"), "Wie?");
        assert_eq!(f.first_missing(), None);
    }

    #[test]
    fn paste_is_made_safe_and_single_line_fields_stay_single_line() {
        let mut f = Form::new(
            Purpose::OwnQuestion,
            vec![
                Field::text("question", Msg::Question, "", true),
                Field::multiline("answer", Msg::Answer, "", true),
            ],
        );
        f.paste("een\ntwee\u{1b}[2J");
        assert_eq!(f.text("question"), "een twee␛[2J");
        f.next_field();
        f.paste("a\r\nb");
        assert_eq!(f.text("answer"), "a\nb");
    }

    #[test]
    fn choices_cycle_and_parties_tick() {
        let mut f = Form::new(
            Purpose::Interest { id: None },
            vec![
                Field::choice("kind", Msg::Kind, InterestKind::ALL.map(Choice::Kind).to_vec(), 0),
                Field::parties("parties", Msg::Involved, vec!["p1".into(), "p2".into()], &["p2".into()]),
            ],
        );
        f.input(Input { key: Key::Left, ..Default::default() });
        assert_eq!(f.choice("kind"), Some(&Choice::Kind(InterestKind::Collectief)));
        f.input(Input { key: Key::Down, ..Default::default() });
        assert_eq!(f.focus, 1);
        f.input(key(' '));
        assert_eq!(f.ticked_parties("parties"), vec!["p1".to_string(), "p2".to_string()]);
        f.input(Input { key: Key::Right, ..Default::default() });
        f.input(key(' '));
        assert_eq!(f.ticked_parties("parties"), vec!["p1".to_string()]);
    }

    #[test]
    fn newline_only_in_multiline_fields() {
        let mut f = Form::new(
            Purpose::OwnQuestion,
            vec![
                Field::text("question", Msg::Question, "q", true),
                Field::multiline("answer", Msg::Answer, "a", true),
            ],
        );
        f.newline();
        f.input(Input { key: Key::Enter, ..Default::default() });
        assert_eq!(f.text("question"), "q");
        f.next_field();
        f.newline();
        f.input(key('b'));
        assert_eq!(f.text("answer"), "a\nb");
    }

    #[test]
    fn a_draft_round_trips_through_json_into_a_fresh_form() {
        let build = || {
            Form::new(
                Purpose::Pane { form: "agreements.agreement".into(), id: Some("a1".into()) },
                vec![
                    Field::multiline("text", Msg::Agreement, "", true),
                    Field::choice(
                        "status",
                        Msg::Status,
                        AgreementStatus::ALL.map(Choice::Status).to_vec(),
                        0,
                    ),
                    Field::parties("parties", Msg::Involved, vec!["p1".into(), "p2".into()], &[]),
                    Field::check("phase_result", Msg::PhaseResult, false),
                ],
            )
        };
        let mut f = build();
        f.paste("regel een\nregel twee");
        f.next_field();
        f.input(key(' '));
        f.next_field();
        f.input(Input { key: Key::Right, ..Default::default() });
        f.input(key(' '));
        f.next_field();
        f.input(key(' '));
        let json = serde_json::to_string(&f.to_draft()).unwrap();
        let draft: Draft = serde_json::from_str(&json).unwrap();
        let mut g = build();
        g.restore(&draft);
        assert_eq!(g.to_draft(), f.to_draft());
        assert!(g.dirty);
        assert_eq!(g.text("text"), "regel een\nregel twee");
        assert_eq!(g.ticked_parties("parties"), vec!["p2".to_string()]);
        assert_eq!(g.focus, 3);
    }

    #[test]
    fn a_draft_of_a_reordered_form_puts_each_value_in_its_own_field() {
        let mut old = Form::new(
            Purpose::OwnQuestion,
            vec![
                Field::text("question", Msg::Question, "", true),
                Field::multiline("answer", Msg::Answer, "", true),
            ],
        );
        old.paste("Wie trekt?");
        old.next_field();
        old.paste("De gemeente");
        let draft = old.to_draft();
        // A later version shows the answer first and adds a field.
        let mut new = Form::new(
            Purpose::OwnQuestion,
            vec![
                Field::multiline("answer", Msg::Answer, "", true),
                Field::text("note", Msg::Note, "", false),
                Field::text("question", Msg::Question, "", true),
            ],
        );
        new.restore(&draft);
        assert_eq!(new.text("question"), "Wie trekt?");
        assert_eq!(new.text("answer"), "De gemeente");
        assert_eq!(new.text("note"), "");
        assert_eq!(new.focus, 0, "the cursor stays in the answer");
    }

    #[test]
    fn every_change_bumps_the_revision_but_cursor_moves_do_not() {
        let mut f = Form::new(Purpose::OwnQuestion, vec![Field::text("question", Msg::Question, "", true)]);
        f.input(key('a'));
        assert_eq!(f.revision, 1);
        f.input(Input { key: Key::Left, ..Default::default() });
        assert_eq!(f.revision, 1);
        f.paste("b");
        assert_eq!(f.revision, 2);
    }

    #[test]
    fn a_filled_in_field_can_be_emptied() {
        let mut f =
            Form::new(Purpose::FollowUp, vec![Field::text("date", Msg::MeetingDate, "2026-11-24", true)]);
        f.clear_field();
        assert_eq!(f.text("date"), "");
        assert!(f.dirty);
        for c in "9-4-2026".chars() {
            f.input(key(c));
        }
        assert_eq!(parse_date(&f.text("date")), NaiveDate::from_ymd_opt(2026, 4, 9));
    }

    #[test]
    fn editing_existing_hostile_text_shows_placeholders() {
        let f = Field::multiline("text", Msg::Text, "x\u{1b}]0;pwn\u{7}y\nz", true);
        assert_eq!(f.value(), "x␛]0;pwn␇y\nz");
    }
}
