//! Mixed forms, within one meeting and across a collaboration's meetings.
//! The model warns that mixing forms, or setting one up only partly, always
//! weakens a collaboration; kompas flags both kinds of mix.

use chrono::NaiveDate;

use super::Grondvorm;
use crate::domain::{Session, Summary};

/// `form_mismatch`: the parties' answers point to different forms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormMismatch {
    /// Each form pointed to, in form order, with the parties (ids, in the
    /// session's order) whose answers point to it. Always two or more.
    pub forms: Vec<(Grondvorm, Vec<String>)>,
}

impl FormMismatch {
    /// The mismatch among `(party, form)` pairs, if there is one.
    pub fn of<'a>(answers: impl IntoIterator<Item = (&'a str, Grondvorm)>) -> Option<FormMismatch> {
        let mut forms: Vec<(Grondvorm, Vec<String>)> = Vec::new();
        for (party, form) in answers {
            match forms.iter_mut().find(|(f, _)| *f == form) {
                Some((_, parties)) => parties.push(party.to_string()),
                None => forms.push((form, vec![party.to_string()])),
            }
        }
        forms.sort_by_key(|(f, _)| *f);
        (forms.len() > 1).then_some(FormMismatch { forms })
    }
}

/// A collaboration's form as the portfolio shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CollaborationForm {
    /// The form chosen in the latest meeting that chose one.
    pub form: Option<Grondvorm>,
    /// Its meetings chose different forms.
    pub meetings_mix: bool,
    /// In its latest meeting, the parties' answers point to different forms.
    pub parties_mix: bool,
}

impl CollaborationForm {
    pub fn mixed(&self) -> bool {
        self.meetings_mix || self.parties_mix
    }
}

/// The form of a collaboration from the summaries of its meetings (any order).
pub fn collaboration_form<'a>(meetings: impl IntoIterator<Item = &'a Summary>) -> CollaborationForm {
    let mut order: Vec<&Summary> = meetings.into_iter().collect();
    order.sort_by(|a, b| a.meeting_date.cmp(&b.meeting_date).then(a.id.cmp(&b.id)));
    let mut chosen: Vec<Grondvorm> = order.iter().filter_map(|s| s.form).collect();
    let form = chosen.last().copied();
    chosen.sort();
    chosen.dedup();
    CollaborationForm {
        form,
        meetings_mix: chosen.len() > 1,
        parties_mix: order.last().is_some_and(|s| s.party_forms.len() > 1),
    }
}

/// The forms chosen in the meetings of a chain (any order), with each
/// meeting's date, in date order: what a meeting's choice follows on.
pub fn chosen_in(meetings: &[Session]) -> Vec<(NaiveDate, Grondvorm)> {
    let mut out: Vec<(NaiveDate, Grondvorm)> =
        meetings.iter().filter_map(|s| Some((s.meeting_date, s.chosen_form()?))).collect();
    out.sort();
    out
}
