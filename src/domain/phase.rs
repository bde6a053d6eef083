//! The five phases of the Kompas and the moves between them.

use serde::{Deserialize, Serialize};

use super::Timestamp;

/// One of the five Kompas phases. The serde names are the stable identifiers
/// used in session files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    Verkennen,
    Delen,
    Overeenkomen,
    Vormgeven,
    Uitvoeren,
}

impl Phase {
    pub const ALL: [Phase; 5] =
        [Phase::Verkennen, Phase::Delen, Phase::Overeenkomen, Phase::Vormgeven, Phase::Uitvoeren];

    /// Position in the model, 0 to 4.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Number shown to people, 1 to 5.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }

    /// Stable identifier as written in session files.
    pub fn id(self) -> &'static str {
        match self {
            Phase::Verkennen => "verkennen",
            Phase::Delen => "delen",
            Phase::Overeenkomen => "overeenkomen",
            Phase::Vormgeven => "vormgeven",
            Phase::Uitvoeren => "uitvoeren",
        }
    }

    pub fn from_id(id: &str) -> Option<Phase> {
        Phase::ALL.into_iter().find(|p| p.id() == id)
    }

    /// The phase with number 1 to 5.
    pub fn from_number(n: u8) -> Option<Phase> {
        Phase::ALL.get(usize::from(n).checked_sub(1)?).copied()
    }

    pub fn next(self) -> Option<Phase> {
        Phase::ALL.get(self.index() + 1).copied()
    }

    pub fn prev(self) -> Option<Phase> {
        self.index().checked_sub(1).map(|i| Phase::ALL[i])
    }
}

/// One entry of the phase history: where the collaboration went, when and why.
/// The first entry of a session has no `from`: it records the phase the
/// session started in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PhaseMove {
    pub at: Timestamp,
    #[serde(default)]
    pub from: Option<Phase>,
    pub to: Phase,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl PhaseMove {
    /// A move to an earlier phase than the one it left.
    pub fn is_step_back(&self) -> bool {
        self.from.is_some_and(|from| self.to < from)
    }
}

/// How the phase strip marks a phase, on the terminal and on the room
/// display alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhaseMark {
    /// The phase the collaboration is in (`▶`).
    Current,
    /// Visited and behind the current phase (`✓`).
    Done,
    /// Reached once, then the table stepped back before it (`↩`): not done.
    SteppedBack,
    /// Not reached yet.
    Ahead,
}

impl PhaseMark {
    /// The strip's sign for the mark (a space for a phase ahead).
    pub fn sign(self) -> &'static str {
        match self {
            PhaseMark::Current => "▶",
            PhaseMark::Done => "✓",
            PhaseMark::SteppedBack => "↩",
            PhaseMark::Ahead => " ",
        }
    }

    /// A stable name for styling ("current", "done", "stepped-back", "ahead").
    pub fn id(self) -> &'static str {
        match self {
            PhaseMark::Current => "current",
            PhaseMark::Done => "done",
            PhaseMark::SteppedBack => "stepped-back",
            PhaseMark::Ahead => "ahead",
        }
    }
}

impl super::Session {
    /// The strip's mark for `phase`.
    pub fn phase_mark(&self, phase: Phase) -> PhaseMark {
        if phase == self.phase {
            PhaseMark::Current
        } else if !self.visited(phase) {
            PhaseMark::Ahead
        } else if phase < self.phase {
            PhaseMark::Done
        } else {
            PhaseMark::SteppedBack
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phase_marks_follow_the_history_with_steps_back() {
        use chrono::DateTime;
        let t = |hm: &str| DateTime::parse_from_rfc3339(&format!("2026-03-12T{hm}:00+01:00")).unwrap();
        let day = t("09:00").date_naive();
        let mut s = super::super::Session::new("s".into(), "W", day, "", t("09:00")).unwrap();
        let marks = |s: &super::super::Session| Phase::ALL.map(|p| s.phase_mark(p));
        use PhaseMark::*;
        assert_eq!(marks(&s), [Current, Ahead, Ahead, Ahead, Ahead]);
        s.move_to_phase(Phase::Overeenkomen, None, t("09:10")).unwrap();
        // Phase 2 was skipped: not visited, so not done either.
        assert_eq!(marks(&s), [Done, Ahead, Current, Ahead, Ahead]);
        s.move_to_phase(Phase::Vormgeven, None, t("09:20")).unwrap();
        s.move_to_phase(Phase::Delen, Some("te snel"), t("09:30")).unwrap();
        assert_eq!(marks(&s), [Done, Current, SteppedBack, SteppedBack, Ahead]);
        assert_eq!(Phase::ALL.map(|p| s.phase_mark(p).sign()), ["✓", "▶", "↩", "↩", " "]);
        s.move_to_phase(Phase::Overeenkomen, None, t("09:40")).unwrap();
        assert_eq!(marks(&s), [Done, Done, Current, SteppedBack, Ahead]);
    }

    #[test]
    fn ids_round_trip_and_are_ordered() {
        for (i, p) in Phase::ALL.into_iter().enumerate() {
            assert_eq!(p.index(), i);
            assert_eq!(Phase::from_id(p.id()), Some(p));
            assert_eq!(Phase::from_number(p.number()), Some(p));
            assert_eq!(serde_json::to_string(&p).unwrap(), format!("\"{}\"", p.id()));
        }
        assert_eq!(Phase::from_number(0), None);
        assert_eq!(Phase::from_number(6), None);
        assert_eq!(Phase::from_id("Verkennen"), None);
    }

    #[test]
    fn next_and_prev_stop_at_the_ends() {
        assert_eq!(Phase::Verkennen.prev(), None);
        assert_eq!(Phase::Verkennen.next(), Some(Phase::Delen));
        assert_eq!(Phase::Uitvoeren.next(), None);
        assert_eq!(Phase::Uitvoeren.prev(), Some(Phase::Vormgeven));
    }
}
