//! The rows of the chooser pane, derived from the session: four sections,
//! each with its heading, in the order the conversation needs them on the
//! projector in phase 3.

use crate::domain::Session;
use crate::domain::grondvorm::{Dilemma, KeyQuestion, KeyQuestionGroup, Motive, Reason, ReasonGroup};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Questions,
    KeyQuestions,
    Reasons,
    Dilemmas,
}

/// A reason or motive of the unfolded party, to tick.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tick {
    Motive(Motive),
    Reason(Reason),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Heading(Section),
    /// A party's answers to the two questions (index into `parties`).
    Party(usize),
    /// `form_mismatch`, with the advice; only when there is one.
    Mismatch,
    /// The form the table settled on (or that none is chosen yet).
    Choice,
    KeyGroup(KeyQuestionGroup),
    Key(KeyQuestion),
    /// A party's reasons and motives (index into `parties`).
    Motives(usize),
    /// A group heading inside the unfolded party's reasons.
    ReasonGroup(ReasonGroup),
    Tick(Tick),
    Dilemma(Dilemma),
}

/// Every row, with the reasons of party `unfolded` unfolded.
pub fn rows(session: &Session, unfolded: Option<&str>) -> Vec<Row> {
    let parties = 0..session.parties.len();
    let mut rows = vec![Row::Heading(Section::Questions)];
    rows.extend(parties.clone().map(Row::Party));
    if session.form_mismatch().is_some() {
        rows.push(Row::Mismatch);
    }
    rows.push(Row::Choice);
    rows.push(Row::Heading(Section::KeyQuestions));
    for &g in KeyQuestionGroup::ALL {
        rows.push(Row::KeyGroup(g));
        rows.extend(KeyQuestion::ALL.iter().filter(|q| q.group() == g).map(|&q| Row::Key(q)));
    }
    rows.push(Row::Heading(Section::Reasons));
    for i in parties {
        rows.push(Row::Motives(i));
        if unfolded == Some(session.parties[i].id.as_str()) {
            rows.extend(Motive::ALL.iter().map(|&m| Row::Tick(Tick::Motive(m))));
            for &g in ReasonGroup::ALL {
                rows.push(Row::ReasonGroup(g));
                rows.extend(
                    Reason::ALL.iter().filter(|r| r.group() == g).map(|&r| Row::Tick(Tick::Reason(r))),
                );
            }
        }
    }
    rows.push(Row::Heading(Section::Dilemmas));
    rows.extend(Dilemma::ALL.iter().map(|&d| Row::Dilemma(d)));
    rows
}

/// The row that shows the chooser text with item `id` (see
/// `TextKind::Grondvorm`): a party, `grondvorm`, a key question, a dilemma.
pub fn row_of(session: &Session, id: &str) -> Option<Row> {
    if id == "grondvorm" {
        return Some(Row::Choice);
    }
    if let Some(q) = KeyQuestion::from_id(id) {
        return Some(Row::Key(q));
    }
    if let Some(d) = Dilemma::from_id(id) {
        return Some(Row::Dilemma(d));
    }
    session.party_index(id).map(Row::Party)
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate};

    use super::*;
    use crate::domain::PartyFields;

    fn session() -> Session {
        let t = DateTime::parse_from_rfc3339("2026-05-20T10:00:00+02:00").unwrap();
        let mut s =
            Session::new("s".into(), "T", NaiveDate::from_ymd_opt(2026, 5, 20).unwrap(), "", t).unwrap();
        for name in ["A", "B"] {
            s.add_party(&PartyFields { organisation: name.into(), ..Default::default() }, t).unwrap();
        }
        s
    }

    #[test]
    fn four_sections_with_every_key_question_and_dilemma() {
        let s = session();
        let r = rows(&s, None);
        let headings: Vec<Section> =
            r.iter().filter_map(|r| if let Row::Heading(s) = r { Some(*s) } else { None }).collect();
        assert_eq!(
            headings,
            [Section::Questions, Section::KeyQuestions, Section::Reasons, Section::Dilemmas]
        );
        assert_eq!(r.iter().filter(|r| matches!(r, Row::Key(_))).count(), 15);
        assert_eq!(r.iter().filter(|r| matches!(r, Row::KeyGroup(_))).count(), 3);
        assert_eq!(r.iter().filter(|r| matches!(r, Row::Dilemma(_))).count(), 5);
        assert_eq!(r[1..4], [Row::Party(0), Row::Party(1), Row::Choice]);
        assert!(!r.contains(&Row::Mismatch));
        assert_eq!(r.len(), 1 + 2 + 1 + 1 + 3 + 15 + 1 + 2 + 1 + 5);
    }

    #[test]
    fn an_unfolded_party_shows_its_three_motives_and_twenty_reasons() {
        let s = session();
        let b = s.parties[1].id.clone();
        let r = rows(&s, Some(&b));
        let at = r.iter().position(|x| *x == Row::Motives(1)).unwrap();
        assert_eq!(r[at + 1], Row::Tick(Tick::Motive(Motive::Instrumenteel)));
        assert_eq!(r.iter().filter(|r| matches!(r, Row::Tick(_))).count(), 23);
        assert_eq!(r.iter().filter(|r| matches!(r, Row::ReasonGroup(_))).count(), 4);
        assert_eq!(r.len(), rows(&s, None).len() + 27);
    }

    #[test]
    fn search_items_find_their_row() {
        let s = session();
        assert_eq!(row_of(&s, "grondvorm"), Some(Row::Choice));
        assert_eq!(row_of(&s, "kv_ict"), Some(Row::Key(KeyQuestion::Ict)));
        assert_eq!(row_of(&s, "tempo"), Some(Row::Dilemma(Dilemma::Tempo)));
        assert_eq!(row_of(&s, &s.parties[1].id), Some(Row::Party(1)));
        assert_eq!(row_of(&s, "nope"), None);
    }
}
