//! The conversation coach's capture (issue 10): a position as it was said
//! becomes an interest in that party's map cell, and the interest keeps the
//! position it came from and the move that found it.

use super::ids::id_enum;
use super::{DomainError, InterestKind, Session, Timestamp};

id_enum! {
    /// The four reformulation moves of the conversation coach.
    pub enum ReformulationMove {
        StandpuntNaarBelang => "standpunt_naar_belang",
        VerwijtNaarWens => "verwijt_naar_wens",
        BoosNaarZorg => "boos_naar_zorg",
        ZorgNaarBehoefte => "zorg_naar_behoefte",
    }
}

impl Session {
    /// Capture a reformulation: `interest` lands in the map cell of `party`
    /// and `kind`, keeping `position` (what was said) and the move used.
    pub fn capture_reformulation(
        &mut self,
        party: &str,
        kind: InterestKind,
        position: &str,
        interest: &str,
        how: Option<ReformulationMove>,
        now: Timestamp,
    ) -> Result<String, DomainError> {
        let position = position.trim();
        if position.is_empty() {
            return Err(DomainError::Empty("position"));
        }
        let id = self.add_interest(party, kind, interest, now)?;
        let i = self.interest_index(&id).expect("just added");
        self.interests[i].position = Some(position.to_string());
        self.interests[i].reformulation = how;
        Ok(id)
    }

    /// Change or remove (empty text) the position an interest came from.
    pub fn set_interest_position(
        &mut self,
        id: &str,
        position: &str,
        how: Option<ReformulationMove>,
        now: Timestamp,
    ) -> Result<(), DomainError> {
        let i = self.interest_index(id).ok_or_else(|| DomainError::NotFound(id.to_string()))?;
        let position = position.trim();
        let item = &mut self.interests[i];
        item.position = (!position.is_empty()).then(|| position.to_string());
        item.reformulation = if item.position.is_some() { how } else { None };
        item.updated_at = now;
        self.updated_at = now;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::domain::PartyFields;

    #[test]
    fn a_position_becomes_an_interest_in_the_partys_cell_and_stays_with_it() {
        let t = DateTime::parse_from_rfc3339("2026-04-09T10:00:00+02:00").unwrap();
        let mut s = Session::new("m".into(), "Z", t.date_naive(), "", t).unwrap();
        let woon =
            s.add_party(&PartyFields { organisation: "Woonstede".into(), ..Default::default() }, t).unwrap();
        let id = s
            .capture_reformulation(
                &woon,
                InterestKind::Organisatie,
                "Wij gaan niet opdraaien voor huurachterstand!",
                "Zekerheid dat huurachterstand niet op de corporatie blijft liggen",
                Some(ReformulationMove::StandpuntNaarBelang),
                t,
            )
            .unwrap();
        let cell: Vec<_> =
            s.interests_of(&woon, InterestKind::Organisatie).map(|(_, i)| i.id.clone()).collect();
        assert_eq!(cell, std::slice::from_ref(&id));
        let i = &s.interests[0];
        assert_eq!(i.position.as_deref(), Some("Wij gaan niet opdraaien voor huurachterstand!"));
        assert_eq!(i.reformulation, Some(ReformulationMove::StandpuntNaarBelang));

        // Editing the interest's text keeps where it came from.
        s.update_interest(&id, &woon, InterestKind::Organisatie, "Geen huurachterstand bij de corporatie", t)
            .unwrap();
        assert!(s.interests[0].position.is_some());
        // The position travels with the interest into the next meeting.
        let next = s.follow_up("n".into(), "m.json", t.date_naive(), t);
        assert_eq!(next.interests[0].position, s.interests[0].position);

        s.set_interest_position(&id, " ", Some(ReformulationMove::BoosNaarZorg), t).unwrap();
        assert_eq!((s.interests[0].position.as_ref(), s.interests[0].reformulation), (None, None));

        assert_eq!(
            s.capture_reformulation(&woon, InterestKind::Organisatie, " ", "x", None, t),
            Err(DomainError::Empty("position"))
        );
        assert_eq!(
            s.capture_reformulation(&woon, InterestKind::Organisatie, "x", " ", None, t),
            Err(DomainError::Empty("text"))
        );
        assert!(s.capture_reformulation("nobody", InterestKind::Organisatie, "x", "y", None, t).is_err());
        assert_eq!(s.interests.len(), 1, "nothing half-captured");
    }
}
