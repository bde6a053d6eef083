//! The whole table (issue 9 item 9): interests, wants and offers that belong
//! to all parties together, and agreements the parties own jointly.
//!
//! The whole table is not a party: it has no organisation and no
//! representative, it cannot be removed, and a party that joins later is part
//! of it without copying anything. In the file:
//! - an interest of the whole table is an ordinary interest whose `party` is
//!   [`TABLE`] (`"hele_tafel"`), so follow-ups carry it and the merge treats it
//!   like any other interest;
//! - an agreement owned jointly has `owner: "hele_tafel"`; since an owner is
//!   always involved, its `parties` is `["hele_tafel"]`: every party at the
//!   table, including those who join later;
//! - what the table wants and offers together is `Session.table`, written
//!   only once one of them is filled in, so older files stay byte-identical.

use serde::{Deserialize, Serialize};

use super::{DomainError, Extra, Party, Session, Timestamp};
use crate::i18n::Lang;

/// The id that stands for the whole table where a party id is expected.
/// Generated party ids start with `p` and a hex number, so they never
/// collide with it.
pub const TABLE: &str = "hele_tafel";

crate::messages! { pub struct W {
    WholeTable => "De hele tafel", "The whole table";
    WholeTableNote => "samen, voor alle partijen", "together, for every party";
} }

/// `id` stands for the whole table.
pub fn is_table(id: &str) -> bool {
    id == TABLE
}

/// What the whole table wants out of the collaboration and what it offers,
/// beside each party's own answers to the two network questions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub wants: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub offers: String,
    /// When the wants or offers were last edited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Table {
    pub fn is_empty(&self) -> bool {
        self.wants.is_empty() && self.offers.is_empty() && self.updated_at.is_none() && self.extra.is_empty()
    }
}

/// Who holds an interest or owns an agreement.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Holder<'a> {
    Party(&'a Party),
    Table,
    /// An id that names no party (a damaged file).
    Unknown(&'a str),
}

impl Session {
    /// Who the id of an interest's `party` or an agreement's owner names.
    pub fn holder<'a>(&'a self, id: &'a str) -> Holder<'a> {
        if is_table(id) {
            return Holder::Table;
        }
        self.party(id).map_or(Holder::Unknown(id), Holder::Party)
    }

    /// The name the room reads for a holder: the organisation, "De hele
    /// tafel" / "The whole table", or the id itself for a damaged file.
    pub fn holder_name(&self, id: &str, lang: Lang) -> String {
        match self.holder(id) {
            Holder::Party(p) => p.organisation.clone(),
            Holder::Table => W::WholeTable.get(lang).to_string(),
            Holder::Unknown(id) => id.to_string(),
        }
    }

    /// A party of this session, or the whole table.
    pub(super) fn check_holder(&self, id: &str) -> Result<(), DomainError> {
        if is_table(id) { Ok(()) } else { self.check_party(id) }
    }

    /// Party `party` takes part in agreement `a`: named among its parties, or
    /// as one of the whole table.
    pub fn involves(a: &super::Agreement, party: &str) -> bool {
        a.parties.iter().any(|p| p == party || is_table(p))
    }

    /// The whole table holds anything: an interest, wants or offers.
    pub fn has_table_items(&self) -> bool {
        !self.table.wants.is_empty()
            || !self.table.offers.is_empty()
            || self.interests.iter().any(|i| is_table(&i.party))
    }

    /// Set what the whole table wants and offers.
    pub fn set_table(&mut self, wants: &str, offers: &str, now: Timestamp) {
        self.table.wants = wants.trim().to_string();
        self.table.offers = offers.trim().to_string();
        self.table.updated_at = Some(now);
        self.updated_at = now;
    }
}

/// The parties involved in an agreement with owner `owner` and the parties
/// `ticked`: the ticked ones and the owner (an owner is always involved).
/// The whole table, as owner or ticked, involves every party: then it is the
/// only entry.
pub(super) fn involved(owner: Option<&String>, ticked: &[String]) -> Vec<String> {
    if owner.is_some_and(|o| is_table(o)) || ticked.iter().any(|p| is_table(p)) {
        return vec![TABLE.to_string()];
    }
    let mut out: Vec<String> = Vec::with_capacity(ticked.len() + 1);
    for id in ticked {
        if !out.contains(id) {
            out.push(id.clone());
        }
    }
    if let Some(owner) = owner.filter(|o| !out.contains(o)) {
        out.insert(0, owner.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate};

    use super::*;
    use crate::domain::{AgreementFields, AgreementStatus, InterestKind, PartyFields};

    fn at(hm: &str) -> Timestamp {
        DateTime::parse_from_rfc3339(&format!("2026-03-12T{hm}:00+01:00")).unwrap()
    }

    fn session() -> Session {
        let mut s =
            Session::new("s".into(), "Wijk", NaiveDate::from_ymd_opt(2026, 3, 12).unwrap(), "", at("09:00"))
                .unwrap();
        for name in ["Gemeente", "Woonstede"] {
            s.add_party(&PartyFields { organisation: name.into(), ..Default::default() }, at("09:01"))
                .unwrap();
        }
        s
    }

    fn agreement(owner: Option<&str>, parties: &[&str]) -> AgreementFields {
        AgreementFields {
            text: "samen een wijkteam".into(),
            owner: owner.map(String::from),
            parties: parties.iter().map(|p| p.to_string()).collect(),
            due: None,
            status: AgreementStatus::Proposed,
            phase_result: false,
        }
    }

    #[test]
    fn an_interest_of_the_whole_table_is_an_interest_every_party_shares_without_copies() {
        let mut s = session();
        let id =
            s.add_interest(TABLE, InterestKind::Collectief, "Bewoners blijven thuis", at("09:05")).unwrap();
        assert_eq!(s.interests.len(), 1, "one interest, not one per party");
        // A party joining later finds it without anything copied.
        s.add_party(&PartyFields { organisation: "Zorggroep".into(), ..Default::default() }, at("09:10"))
            .unwrap();
        assert_eq!(s.interests_of(TABLE, InterestKind::Collectief).count(), 1);
        assert_eq!(s.holder_name(&s.interests[0].party, Lang::Nl), "De hele tafel");
        assert_eq!(s.holder_name(TABLE, Lang::En), "The whole table");
        assert!(s.problems().is_empty(), "{:?}", s.problems());
        // Removing any party leaves it in place.
        let p = s.parties[0].id.clone();
        s.remove_party(&p, at("09:11")).unwrap();
        assert_eq!(s.interest_index(&id), Some(0));
        // Unknown ids are still refused.
        assert_eq!(
            s.add_interest("p-nobody", InterestKind::Collectief, "x", at("09:12")),
            Err(DomainError::UnknownParty("p-nobody".into()))
        );
    }

    #[test]
    fn an_agreement_owned_by_the_whole_table_involves_every_party() {
        let mut s = session();
        let (a, b) = (s.parties[0].id.clone(), s.parties[1].id.clone());
        let id = s.add_agreement(&agreement(Some(TABLE), &[&a]), at("09:20")).unwrap();
        let ag = &s.agreements[s.agreement_index(&id).unwrap()];
        assert_eq!(ag.owner.as_deref(), Some(TABLE));
        assert_eq!(ag.parties, vec![TABLE.to_string()], "the whole table stands alone");
        assert!(Session::involves(ag, &a) && Session::involves(ag, &b));
        // Ticking the whole table with a party as owner: still everyone.
        let id = s.add_agreement(&agreement(Some(&b), &[TABLE, &a]), at("09:21")).unwrap();
        let ag = &s.agreements[s.agreement_index(&id).unwrap()];
        assert_eq!((ag.owner.as_deref(), ag.parties.clone()), (Some(b.as_str()), vec![TABLE.to_string()]));
        // A party as owner without the table: the owner joins the ticked ones.
        let id = s.add_agreement(&agreement(Some(&b), &[&a]), at("09:22")).unwrap();
        let ag = &s.agreements[s.agreement_index(&id).unwrap()];
        assert_eq!(ag.parties, vec![b.clone(), a.clone()]);
        assert!(!Session::involves(ag, "p-later"));
        // A party that joins later is involved in the table's agreement.
        let later = s
            .add_party(&PartyFields { organisation: "Zorggroep".into(), ..Default::default() }, at("09:30"))
            .unwrap();
        assert!(Session::involves(&s.agreements[0], &later));
        assert!(s.problems().is_empty(), "{:?}", s.problems());
    }

    #[test]
    fn the_tables_wants_and_offers_are_written_only_once_filled_in() {
        let mut s = session();
        let before = serde_json::to_string(&s).unwrap();
        assert!(!before.contains("\"table\""));
        assert!(!s.has_table_items());
        s.set_table(" Een wijk waar mensen thuis oud worden ", "", at("09:40"));
        assert!(s.has_table_items());
        let doc = serde_json::to_value(&s).unwrap();
        assert_eq!(doc["table"]["wants"], "Een wijk waar mensen thuis oud worden");
        assert!(doc["table"].get("offers").is_none());
        let back: Session = serde_json::from_value(doc).unwrap();
        assert_eq!(back, s);
        // A follow-up carries them.
        let next =
            s.follow_up("s2".into(), "s.json", NaiveDate::from_ymd_opt(2026, 4, 9).unwrap(), at("10:00"));
        assert_eq!(next.table.wants, s.table.wants);
    }

    #[test]
    fn no_party_may_take_the_id_of_the_whole_table() {
        let mut s = session();
        s.parties[0].id = TABLE.to_string();
        let problems = s.problems();
        assert!(problems.iter().any(|p| p.path == "parties[0].id"), "{problems:?}");
    }
}
