//! Attendance: per party who is present (name and role) and who sent
//! apologies. The list carries over to the next meeting as its default.

use serde::{Deserialize, Serialize};

use super::super::{DomainError, Extra, Session, Timestamp};
use super::{MeetingRemoved, optional_id, required};

/// Whether a person is at this meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    /// Aanwezig.
    Aanwezig,
    /// Afgemeld: sent apologies.
    Afgemeld,
    /// Afwezig: not there, without apologies.
    Afwezig,
}

impl Presence {
    pub const ALL: [Presence; 3] = [Presence::Aanwezig, Presence::Afgemeld, Presence::Afwezig];

    pub fn id(self) -> &'static str {
        match self {
            Presence::Aanwezig => "aanwezig",
            Presence::Afgemeld => "afgemeld",
            Presence::Afwezig => "afwezig",
        }
    }

    /// present → apologies → absent → present.
    pub fn cycled(self) -> Presence {
        let i = Presence::ALL.iter().position(|p| *p == self).unwrap_or(0);
        Presence::ALL[(i + 1) % Presence::ALL.len()]
    }
}

/// A person on the attendance list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attendee {
    pub id: String,
    /// Id of the party the person comes for; `None` for someone from
    /// outside the parties (a guest, the minute-taker).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    pub name: String,
    #[serde(default)]
    pub role: String,
    pub presence: Presence,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(flatten)]
    pub extra: Extra,
}

/// What an attendee form holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttendeeFields {
    pub party: Option<String>,
    pub name: String,
    pub role: String,
    pub presence: Presence,
}

impl Session {
    pub fn attendee_index(&self, id: &str) -> Option<usize> {
        self.attendance.iter().position(|a| a.id == id)
    }

    fn check_attendee(&self, f: &AttendeeFields) -> Result<String, DomainError> {
        if let Some(p) = &f.party
            && self.party(p).is_none()
        {
            return Err(DomainError::UnknownParty(p.clone()));
        }
        required(&f.name, "name")
    }

    pub fn add_attendee(&mut self, f: &AttendeeFields, now: Timestamp) -> Result<String, DomainError> {
        let name = self.check_attendee(f)?;
        let id = self.new_id('w', now);
        self.attendance.push(Attendee {
            id: id.clone(),
            party: optional_id(&f.party),
            name,
            role: f.role.trim().to_string(),
            presence: f.presence,
            created_at: now,
            updated_at: now,
            extra: Extra::new(),
        });
        self.updated_at = now;
        Ok(id)
    }

    pub fn update_attendee(
        &mut self,
        id: &str,
        f: &AttendeeFields,
        now: Timestamp,
    ) -> Result<(), DomainError> {
        let name = self.check_attendee(f)?;
        let i = self.attendee_index(id).ok_or_else(|| DomainError::NotFound(id.to_string()))?;
        let a = &mut self.attendance[i];
        a.party = optional_id(&f.party);
        a.name = name;
        a.role = f.role.trim().to_string();
        a.presence = f.presence;
        a.updated_at = now;
        self.updated_at = now;
        Ok(())
    }

    pub fn set_presence(&mut self, id: &str, presence: Presence, now: Timestamp) -> Result<(), DomainError> {
        let i = self.attendee_index(id).ok_or_else(|| DomainError::NotFound(id.to_string()))?;
        self.attendance[i].presence = presence;
        self.attendance[i].updated_at = now;
        self.updated_at = now;
        Ok(())
    }

    pub fn remove_attendee(
        &mut self,
        id: &str,
        now: Timestamp,
    ) -> Result<super::super::Removed, DomainError> {
        let i = self.attendee_index(id).ok_or_else(|| DomainError::NotFound(id.to_string()))?;
        self.updated_at = now;
        Ok(super::super::Removed::Meeting(MeetingRemoved::Attendee(i, self.attendance.remove(i))))
    }

    /// Put every party's representative on the list as present, unless the
    /// list already holds that name for that party. Returns the new ids.
    pub fn attendance_from_parties(&mut self, now: Timestamp) -> Vec<String> {
        let people: Vec<AttendeeFields> = self
            .parties
            .iter()
            .filter(|p| !p.representative.trim().is_empty())
            .filter(|p| {
                !self.attendance.iter().any(|a| {
                    a.party.as_deref() == Some(p.id.as_str()) && a.name.trim() == p.representative.trim()
                })
            })
            .map(|p| AttendeeFields {
                party: Some(p.id.clone()),
                name: p.representative.clone(),
                role: p.role.clone(),
                presence: Presence::Aanwezig,
            })
            .collect();
        people.iter().filter_map(|f| self.add_attendee(f, now).ok()).collect()
    }

    /// The people of one party (`None`: from outside the parties), in list order.
    pub fn attendees_of<'a>(&'a self, party: Option<&'a str>) -> impl Iterator<Item = &'a Attendee> + 'a {
        self.attendance.iter().filter(move |a| a.party.as_deref() == party)
    }
}

/// The next meeting starts from this meeting's list: the same people, each
/// expected to be present again (apologies are given per meeting).
pub(super) fn carry(prev: &Session, next: &mut Session) {
    next.attendance = prev
        .attendance
        .iter()
        .map(|a| {
            let mut a = a.clone();
            a.presence = Presence::Aanwezig;
            a
        })
        .collect();
}
