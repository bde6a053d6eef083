//! The agreements section of the minutes: the counts, a table of every
//! agreement (owner, parties, due date, status, phase, where it came from;
//! overdue ones flagged) and its legend.

use super::*;

impl Builder<'_> {
    pub(super) fn agreements(&mut self) {
        let (lang, s, today) = (self.lang, self.s, self.today);
        self.heading(2, self.msg(Msg::PaneAgreements));
        if !s.agreements.is_empty() {
            let summary = labels::agreements_summary(
                lang,
                s.agreements.len(),
                s.open_agreements().count(),
                s.overdue_agreements(today).count(),
                today,
            );
            self.blocks.push(Block::Para(line(summary)));
        }
        let head = [
            L::Number.get(lang),
            Msg::Status.get(lang),
            Msg::Agreement.get(lang),
            Msg::Owner.get(lang),
            Msg::Involved.get(lang),
            Msg::Due.get(lang),
            Msg::Phase.get(lang),
            Msg::Created.get(lang),
            Msg::Updated.get(lang),
            L::OriginColumn.get(lang),
        ];
        let rows: Vec<Row> = (s.agreements.iter().enumerate())
            .map(|(n, a)| {
                let overdue = a.is_overdue(today);
                let status = i18n::status_label(lang, a.status).to_string();
                let status = if a.status.is_open() { Inline::Flag(Flag::Open, status) } else { text(status) };
                let owner = a.owner.as_deref().map(|o| line(self.party_name(o))).into_iter().collect();
                let mut involved = Vec::new();
                for (k, p) in a.parties.iter().enumerate() {
                    if k > 0 {
                        involved.push(text(", "));
                    }
                    involved.push(text(self.party_name(p)));
                }
                let mut due = Vec::new();
                if let Some(d) = a.due {
                    due.push(text(self.date(d)));
                    if overdue {
                        let mark = format!("⚠ {}", Msg::Overdue.get(lang));
                        due.extend([text(" "), Inline::Flag(Flag::Overdue, mark)]);
                    }
                }
                let mut phase = vec![text(self.phase(a.phase))];
                if a.phase_result {
                    phase.extend([text(" "), Inline::Flag(Flag::Result, "★".into())]);
                }
                let mut origin = Vec::new();
                if let Some(o) = &a.origin {
                    let meeting = format!("{} {}", L::MeetingOf.get(lang), self.date(o.meeting_date));
                    origin.push(vec![text(meeting), text(" · "), text(&o.file)]);
                }
                if let Some(r) = &a.reviewed_at {
                    origin.push(line(format!("{} {}", L::Reviewed.get(lang), self.when(r))));
                }
                let flag =
                    if overdue { Some(Flag::Overdue) } else { a.status.is_open().then_some(Flag::Open) };
                let cells = vec![
                    cell((n + 1).to_string()),
                    Cell::Lines(vec![vec![status]]),
                    Cell::Lines(vec![line(&a.text)]),
                    Cell::Lines(owner),
                    Cell::Lines(if involved.is_empty() { Vec::new() } else { vec![involved] }),
                    Cell::Lines(if due.is_empty() { Vec::new() } else { vec![due] }),
                    Cell::Lines(vec![phase]),
                    cell(self.when(&a.created_at)),
                    cell(self.when(&a.updated_at)),
                    Cell::Lines(origin),
                ];
                Row { flag, cells }
            })
            .collect();
        let any = !rows.is_empty();
        self.table("agreements", head.map(String::from).to_vec(), rows);
        if any {
            let legend = format!("★ {}", Msg::PhaseResult.get(lang));
            self.blocks.push(Block::Note(line(legend)));
        }
    }
}
