//! The keys that reach a form: typing, line breaks, paste, and moving
//! through choices, by arrow or by typing the first letters of an option
//! ("U" → UMC Utrecht; "U" again → the next option starting with U; "um",
//! typed quickly, → the first option starting with "um").

use ratatui_textarea::{Input, Key};

use super::{Choice, FieldInput, Form, text_area};
use crate::domain::Timestamp;
use crate::text::for_editing;

/// Letters typed on a choice within this many milliseconds of each other
/// narrow the search; after a longer pause a letter starts a new search.
pub const TYPE_AHEAD_PAUSE_MS: i64 = 1000;

/// The letters typed on the focused choice so far, and when the last came.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TypeAhead {
    typed: String,
    at: Option<Timestamp>,
}

impl TypeAhead {
    /// Add `c` typed at `now`; the letters to search for.
    fn push(&mut self, c: char, now: Timestamp) -> &str {
        let fresh = self.at.is_none_or(|at| (now - at).num_milliseconds() > TYPE_AHEAD_PAUSE_MS);
        if fresh {
            self.typed.clear();
        }
        self.typed.extend(c.to_lowercase());
        self.at = Some(now);
        &self.typed
    }
}

/// Which of `n` options `typed` leads to from `current`; `lower(i)` is
/// option `i`'s name in lower case. One letter, or the same letter again
/// and again, goes to the next option after `current` that starts with it
/// (so repeating a letter cycles among its options); several different
/// letters go to the first option from `current` on that starts with all of
/// them. An option whose name does not start with the letters but has a
/// word that does (the "U" of "Gemeente Utrecht") is found when no name
/// starts with them. Names are made as they are looked at, and the search
/// stops at the first that fits (no list of names per typed letter).
fn jump(n: usize, lower: &dyn Fn(usize) -> String, current: usize, typed: &str) -> Option<usize> {
    if n == 0 || typed.is_empty() {
        return None;
    }
    let first = typed.chars().next()?;
    let repeated = typed.chars().all(|c| c == first);
    let order = |from: usize| (0..n).map(move |k| (from + k) % n);
    let starting = |wanted: &str, from: usize| order(from).find(|&i| lower(i).starts_with(wanted));
    let mut first_letter = [0; 4];
    let (wanted, from) = if typed.chars().count() == 1 {
        (typed, current + 1)
    } else if repeated && starting(typed, 0).is_none() {
        (&*first.encode_utf8(&mut first_letter), current + 1)
    } else {
        (typed, current)
    };
    starting(wanted, from).or_else(|| {
        order(from).find(|&i| lower(i).split([' ', '-', '(', '/']).any(|w| w.starts_with(wanted)))
    })
}

/// A plain letter or digit, as typed to pick an option.
fn letter(input: &Input) -> Option<char> {
    match input.key {
        Key::Char(c) if c.is_alphanumeric() && !input.ctrl && !input.alt => Some(c),
        _ => None,
    }
}

impl Form {
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
    /// `now` times the letters typed on a choice; `label` names an option
    /// as the form shows it, so typed letters find it.
    pub fn input(&mut self, input: Input, now: Timestamp, label: &dyn Fn(&Choice) -> String) {
        // Up and Down go to the field before or after, except in a
        // multi-line text, where they move between its lines.
        if !self.focused_multiline() {
            match input.key {
                Key::Up => return self.prev_field(),
                Key::Down => return self.next_field(),
                _ => {}
            }
        }
        let field = &mut self.fields[self.focus];
        let changed = match &mut field.input {
            FieldInput::Text { area, .. } => match input.key {
                // Enter is claimed by the keymap; never insert raw line breaks
                // or control characters into a one-line field.
                Key::Enter => false,
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
                _ => match letter(&input) {
                    Some(c) => {
                        let lower = |i: usize| label(&options[i]).to_lowercase();
                        match jump(options.len(), &lower, *selected, self.typed.push(c, now)) {
                            Some(i) if i != *selected => {
                                *selected = i;
                                true
                            }
                            _ => false,
                        }
                    }
                    None => false,
                },
            },
            FieldInput::Check(v) => match input.key {
                Key::Char(' ') | Key::Left | Key::Right => {
                    *v = !*v;
                    true
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
                // Letters move the cursor to a party; Space ticks it.
                _ => {
                    if let Some(c) = letter(&input) {
                        let lower = |i: usize| label(&Choice::Party(Some(ids[i].clone()))).to_lowercase();
                        if let Some(i) = jump(ids.len(), &lower, *cursor, self.typed.push(c, now)) {
                            *cursor = i;
                        }
                    }
                    false
                }
            },
        };
        if changed {
            self.touched();
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use chrono::DateTime;

    use super::super::{Field, Purpose};
    use super::*;
    use crate::domain::InterestKind;
    use crate::i18n::Msg;

    pub(crate) fn key(c: char) -> Input {
        Input { key: Key::Char(c), ..Default::default() }
    }

    fn at(ms: i64) -> Timestamp {
        DateTime::parse_from_rfc3339("2026-11-29T20:00:00+01:00").unwrap()
            + chrono::Duration::milliseconds(ms)
    }

    /// Parties are named by their ids in these tests.
    fn name(c: &Choice) -> String {
        match c {
            Choice::Party(Some(id)) => id.clone(),
            Choice::Party(None) => "(niemand)".into(),
            other => format!("{other:?}"),
        }
    }

    /// A key at a fixed moment (every letter "typed quickly").
    pub(crate) fn press(f: &mut Form, input: Input) {
        f.input(input, at(0), &name);
    }

    fn owner_form(names: &[&str]) -> Form {
        let mut options = vec![Choice::Party(None)];
        options.extend(names.iter().map(|n| Choice::Party(Some(n.to_string()))));
        Form::new(Purpose::OwnQuestion, vec![Field::choice("owner", Msg::Owner, options, 0)])
    }

    fn owner(f: &Form) -> String {
        name(f.choice("owner").unwrap())
    }

    const HOSPITALS: [&str; 5] =
        ["Radboudumc", "UMC Utrecht", "Prinses Máxima Centrum", "UMC Groningen", "Gemeente Utrecht"];

    #[test]
    fn a_letter_jumps_to_the_option_it_starts_and_again_cycles() {
        let mut f = owner_form(&HOSPITALS);
        f.input(key('U'), at(0), &name);
        assert_eq!(owner(&f), "UMC Utrecht");
        assert!(f.dirty);
        f.input(key('u'), at(300), &name);
        assert_eq!(owner(&f), "UMC Groningen", "the same letter again: the next one");
        f.input(key('u'), at(600), &name);
        assert_eq!(
            owner(&f),
            "UMC Utrecht",
            "round again; names with a later U word come only when none starts with it"
        );
        f.input(key('p'), at(5000), &name);
        assert_eq!(owner(&f), "Prinses Máxima Centrum", "after a pause a letter starts afresh");
    }

    #[test]
    fn letters_typed_quickly_narrow_down() {
        let mut f = owner_form(&["UMC Utrecht", "Radboudumc", "UMC Groningen", "Universiteit"]);
        for (i, c) in "un".chars().enumerate() {
            f.input(key(c), at(i as i64 * 200), &name);
        }
        assert_eq!(owner(&f), "Universiteit");
        let mut f = owner_form(&["UMC Utrecht", "Radboudumc", "UMC Groningen"]);
        for (i, c) in "umcg".chars().enumerate() {
            f.input(key(c), at(i as i64 * 200), &name);
        }
        assert_eq!(owner(&f), "UMC Utrecht", "no option starts with umcg: the selection stays");
        f.input(key('r'), at(3000), &name);
        assert_eq!(owner(&f), "Radboudumc");
    }

    #[test]
    fn a_word_inside_a_name_is_found_when_no_name_starts_with_the_letters() {
        let mut f = owner_form(&["Radboudumc", "Gemeente Utrecht"]);
        f.input(key('u'), at(0), &name);
        assert_eq!(owner(&f), "Gemeente Utrecht");
        let before = f.revision;
        f.input(key('x'), at(3000), &name);
        assert_eq!(owner(&f), "Gemeente Utrecht", "no match: nothing moves");
        assert_eq!(f.revision, before);
    }

    #[test]
    fn letters_move_the_cursor_among_parties_and_space_ticks() {
        let ids: Vec<String> = HOSPITALS.iter().map(|s| s.to_string()).collect();
        let mut f = Form::new(Purpose::OwnQuestion, vec![Field::parties("parties", Msg::Involved, ids, &[])]);
        f.input(key('p'), at(0), &name);
        f.input(key(' '), at(100), &name);
        assert_eq!(f.ticked_parties("parties"), vec!["Prinses Máxima Centrum".to_string()]);
    }

    #[test]
    fn letters_in_a_text_field_are_text() {
        let mut f = Form::new(Purpose::OwnQuestion, vec![Field::text("question", Msg::Question, "", true)]);
        for c in "Wie?".chars() {
            press(&mut f, key(c));
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
        press(&mut f, Input { key: Key::Left, ..Default::default() });
        assert_eq!(f.choice("kind"), Some(&Choice::Kind(InterestKind::Collectief)));
        press(&mut f, Input { key: Key::Down, ..Default::default() });
        assert_eq!(f.focus, 1);
        press(&mut f, key(' '));
        assert_eq!(f.ticked_parties("parties"), vec!["p1".to_string(), "p2".to_string()]);
        press(&mut f, Input { key: Key::Right, ..Default::default() });
        press(&mut f, key(' '));
        assert_eq!(f.ticked_parties("parties"), vec!["p1".to_string()]);
    }

    #[test]
    fn up_and_down_go_between_fields_except_inside_a_multiline_text() {
        let mut f = Form::new(
            Purpose::OwnQuestion,
            vec![
                Field::text("question", Msg::Question, "q", true),
                Field::multiline("answer", Msg::Answer, "een\ntwee", true),
                Field::check("phase_result", Msg::PhaseResult, false),
                Field::parties("parties", Msg::Involved, vec!["p1".into(), "p2".into()], &[]),
            ],
        );
        let arrow = |key| Input { key, ..Default::default() };
        press(&mut f, arrow(Key::Down));
        assert_eq!(f.focus, 1, "from a one-line text to the next field");
        press(&mut f, arrow(Key::Up));
        press(&mut f, key('x'));
        assert_eq!((f.focus, f.text("answer").as_str()), (1, "eenx\ntwee"), "Up moved a line, not a field");
        press(&mut f, arrow(Key::Down));
        assert_eq!(f.focus, 1);
        f.next_field();
        press(&mut f, arrow(Key::Down));
        assert_eq!(f.focus, 3, "from a check box on");
        press(&mut f, arrow(Key::Up));
        press(&mut f, arrow(Key::Up));
        assert_eq!(f.focus, 1, "from the parties and the check box back");
        assert_eq!(f.revision, 1, "only the x changed the form");
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
        press(&mut f, Input { key: Key::Enter, ..Default::default() });
        assert_eq!(f.text("question"), "q");
        f.next_field();
        f.newline();
        press(&mut f, key('b'));
        assert_eq!(f.text("answer"), "a\nb");
    }

    #[test]
    fn every_change_bumps_the_revision_but_cursor_moves_do_not() {
        let mut f = Form::new(Purpose::OwnQuestion, vec![Field::text("question", Msg::Question, "", true)]);
        press(&mut f, key('a'));
        assert_eq!(f.revision, 1);
        press(&mut f, Input { key: Key::Left, ..Default::default() });
        assert_eq!(f.revision, 1);
        f.paste("b");
        assert_eq!(f.revision, 2);
    }

    #[test]
    fn a_filled_in_field_can_be_emptied() {
        let mut f =
            Form::new(Purpose::FollowUp, vec![Field::date("date", Msg::MeetingDate, "2026-11-24", true)]);
        f.clear_field();
        assert_eq!(f.text("date"), "");
        assert!(f.dirty);
        for c in "9-4-2026".chars() {
            press(&mut f, key(c));
        }
        assert_eq!(f.text("date"), "9-4-2026");
    }
}
