//! What the session library needs to know of a session without keeping it
//! open: a one-line summary, and every text a facilitator may search for.

use chrono::NaiveDate;

use super::meeting::MeetingSummary;
use super::{Grondvorm, Phase, Session, Temperature, TrustStage};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub id: String,
    pub collaboration: String,
    /// File name of the meeting this one follows up.
    pub previous: Option<String>,
    pub title: String,
    pub meeting_date: NaiveDate,
    pub facilitator: String,
    pub phase: Phase,
    /// Organisation names, in the session's order.
    pub parties: Vec<String>,
    pub open_agreements: usize,
    pub overdue_agreements: usize,
    pub latest_temperature: Option<Temperature>,
    /// basic-form chooser (issue 11): the form the table settled on, and
    /// the distinct forms the parties' answers point to, in form order.
    pub form: Option<Grondvorm>,
    pub party_forms: Vec<Grondvorm>,
    /// Agenda, clock, attendance and games (running the meeting).
    pub meeting: MeetingSummary,
    /// Relationship instruments: the five conditions' values in tenths, in
    /// model order, and the trust stage.
    pub conditions: [Option<u8>; 5],
    pub trust: Option<TrustStage>,
}

/// Where a searchable text sits in a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextKind {
    Title,
    Party,
    Interest,
    NetworkQuestion,
    Ambition,
    Context,
    Agreement,
    Question,
    Answer,
    Note,
    /// A text of the basic-form chooser: a party's note on its answers, the
    /// rationale of the chosen form, a key question's answer, the reason of
    /// an ambition choice. Its item is the party id, `grondvorm`, the key
    /// question id or the dilemma id.
    Grondvorm,
}

/// One searchable text: its kind, the id of the item it belongs to (empty for
/// session-level texts), and the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionText {
    pub kind: TextKind,
    pub item: String,
    pub text: String,
}

impl Session {
    pub fn summary(&self, today: NaiveDate) -> Summary {
        Summary {
            id: self.id.clone(),
            collaboration: self.collaboration_id().to_string(),
            previous: self.previous.as_ref().map(|p| p.file.clone()),
            title: self.title.clone(),
            meeting_date: self.meeting_date,
            facilitator: self.facilitator.clone(),
            phase: self.phase,
            parties: self.parties.iter().map(|p| p.organisation.clone()).collect(),
            open_agreements: self.open_agreements().count(),
            overdue_agreements: self.overdue_agreements(today).count(),
            latest_temperature: self.latest_temperature().map(|t| t.level),
            form: self.chosen_form(),
            party_forms: self.distinct_party_forms(),
            meeting: self.meeting_summary(),
            conditions: self.condition_values(),
            trust: self.trust.as_ref().map(|t| t.stage),
        }
    }

    /// Every text of the session a search should find: interests,
    /// agreements, questions and answers, notes and the rest.
    pub fn texts(&self) -> Vec<SessionText> {
        let mut out = Vec::new();
        let mut push = |kind, item: &str, text: &str| {
            if !text.trim().is_empty() {
                out.push(SessionText { kind, item: item.to_string(), text: text.to_string() });
            }
        };
        push(TextKind::Title, "", &self.title);
        for p in &self.parties {
            for t in [&p.organisation, &p.representative, &p.role] {
                push(TextKind::Party, &p.id, t);
            }
            push(TextKind::NetworkQuestion, &p.id, &p.wants);
            push(TextKind::NetworkQuestion, &p.id, &p.offers);
        }
        // the whole table's wants and offers (issue 9)
        push(TextKind::NetworkQuestion, super::TABLE, &self.table.wants);
        push(TextKind::NetworkQuestion, super::TABLE, &self.table.offers);
        for i in &self.interests {
            push(TextKind::Interest, &i.id, &i.text);
        }
        for t in
            [&self.ambition.problem, &self.ambition.solution, &self.ambition.opportunity, &self.ambition.form]
        {
            push(TextKind::Ambition, "", t);
        }
        for t in [&self.context.players, &self.context.process, &self.context.environment] {
            push(TextKind::Context, "", t);
        }
        for a in &self.agreements {
            push(TextKind::Agreement, &a.id, &a.text);
        }
        for r in &self.reflections {
            push(TextKind::Question, &r.id, &r.question);
            push(TextKind::Answer, &r.id, &r.answer);
        }
        for m in &self.phase_history {
            if let Some(reason) = &m.reason {
                push(TextKind::Note, "", reason);
            }
        }
        for t in &self.temperature {
            push(TextKind::Note, &t.id, &t.note);
        }
        out.extend(self.grondvorm_texts());
        out.extend(self.relationship_texts());
        out
    }
}
