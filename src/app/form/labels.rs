//! The words a choice shows, in the UI language: what the form draws, and
//! what letters typed on the choice are matched against.

use super::Choice;
use crate::app::AgreementsShown;
use crate::domain::Session;
use crate::i18n::{self, Lang, Msg};
use crate::text::safe_line;

/// How option `c` reads; a party by its organisation's name in `session`.
pub fn choice_label(lang: Lang, session: Option<&Session>, c: &Choice) -> String {
    match c {
        Choice::Party(None) => Msg::NoOwner.get(lang).to_string(),
        Choice::Party(Some(id)) if crate::domain::is_table(id) => {
            crate::domain::table_words::WholeTable.get(lang).to_string()
        }
        Choice::Party(Some(id)) => session
            .and_then(|s| s.party(id))
            .map_or_else(|| id.clone(), |p| safe_line(&p.organisation).into_owned()),
        Choice::Kind(k) => i18n::kind_label(lang, *k).to_string(),
        Choice::Phase(None) => Msg::AllPhases.get(lang).to_string(),
        Choice::Phase(Some(p)) => format!("{} {}", p.number(), i18n::phase_short(lang, *p)),
        Choice::Agreements(a) => match a {
            AgreementsShown::Any => Msg::AnyAgreements,
            AgreementsShown::WithOpen => Msg::WithOpen,
            AgreementsShown::WithOverdue => Msg::WithOverdue,
        }
        .get(lang)
        .to_string(),
        Choice::Status(s) => i18n::status_label(lang, *s).to_string(),
        Choice::Temperature(t) => i18n::temperature_label(lang, *t).to_string(),
        Choice::Item { label, .. } => label.get(lang).to_string(),
    }
}
