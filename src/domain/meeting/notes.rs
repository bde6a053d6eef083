//! Notes: free, multi-line text taken during the meeting, each stamped with
//! the moment it was written and tied to an agenda item (or to the meeting
//! as a whole).

use serde::{Deserialize, Serialize};

use super::super::{DomainError, Extra, Session, Timestamp};
use super::{MeetingRemoved, optional_id};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeetingNote {
    pub id: String,
    /// Id of the agenda item the note belongs to; `None` for the meeting as
    /// a whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The note as typed; line breaks are kept.
    pub text: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The text of a note as stored: trailing spaces and blank lines at either
/// end trimmed, the lines in between kept as typed.
fn note_text(text: &str) -> Result<String, DomainError> {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let last = lines.iter().rposition(|l| !l.trim().is_empty());
    match (first, last) {
        (Some(a), Some(b)) => Ok(lines[a..=b].join("\n")),
        _ => Err(DomainError::Empty("text")),
    }
}

impl Session {
    pub fn note_index(&self, id: &str) -> Option<usize> {
        self.notes.iter().position(|n| n.id == id)
    }

    fn check_note_item(&self, item: &Option<String>) -> Result<(), DomainError> {
        match item {
            Some(id) if self.agenda_index(id).is_none() => Err(DomainError::NotFound(id.clone())),
            _ => Ok(()),
        }
    }

    pub fn add_note(
        &mut self,
        item: Option<&str>,
        text: &str,
        now: Timestamp,
    ) -> Result<String, DomainError> {
        let item = optional_id(&item.map(String::from));
        self.check_note_item(&item)?;
        let text = note_text(text)?;
        let id = self.new_id('n', now);
        self.notes.push(MeetingNote {
            id: id.clone(),
            item,
            text,
            created_at: now,
            updated_at: now,
            extra: Extra::new(),
        });
        self.updated_at = now;
        Ok(id)
    }

    pub fn update_note(&mut self, id: &str, text: &str, now: Timestamp) -> Result<(), DomainError> {
        let text = note_text(text)?;
        let i = self.note_index(id).ok_or_else(|| DomainError::NotFound(id.to_string()))?;
        self.notes[i].text = text;
        self.notes[i].updated_at = now;
        self.updated_at = now;
        Ok(())
    }

    /// Move a note to another item (or to the meeting as a whole).
    pub fn move_note(&mut self, id: &str, item: Option<&str>, now: Timestamp) -> Result<(), DomainError> {
        let item = optional_id(&item.map(String::from));
        self.check_note_item(&item)?;
        let i = self.note_index(id).ok_or_else(|| DomainError::NotFound(id.to_string()))?;
        self.notes[i].item = item;
        self.notes[i].updated_at = now;
        self.updated_at = now;
        Ok(())
    }

    pub fn remove_note(&mut self, id: &str, now: Timestamp) -> Result<super::super::Removed, DomainError> {
        let i = self.note_index(id).ok_or_else(|| DomainError::NotFound(id.to_string()))?;
        self.updated_at = now;
        Ok(super::super::Removed::Meeting(MeetingRemoved::Note(i, self.notes.remove(i))))
    }

    /// The notes of one agenda item (`None`: of the meeting as a whole), in
    /// the order they were written.
    pub fn notes_of<'a>(&'a self, item: Option<&'a str>) -> impl Iterator<Item = &'a MeetingNote> + 'a {
        self.notes.iter().filter(move |n| n.item.as_deref() == item)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_text_keeps_inner_lines_and_trims_the_ends() {
        assert_eq!(note_text("\n  \nEerste regel  \n\n  tweede\n\n").unwrap(), "Eerste regel\n\n  tweede");
        assert_eq!(note_text(" \n \t\n"), Err(DomainError::Empty("text")));
    }
}
