//! A form's contents as a draft: written to the draft journal while typing,
//! put back into a freshly built form after a crash, field by field by name.

use serde::{Deserialize, Serialize};

use super::{FieldInput, Form, Purpose, text_area};

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

impl Form {
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
}

#[cfg(test)]
mod tests {
    use ratatui_textarea::{Input, Key};

    use super::super::keys::tests::{key, press};
    use super::super::{Choice, Field};
    use super::*;
    use crate::domain::AgreementStatus;
    use crate::i18n::Msg;

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
        press(&mut f, key(' '));
        f.next_field();
        press(&mut f, Input { key: Key::Right, ..Default::default() });
        press(&mut f, key(' '));
        f.next_field();
        press(&mut f, key(' '));
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
}
