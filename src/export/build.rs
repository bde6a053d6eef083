//! From a session to the document tree of the minutes: which sections, in
//! which order, with which words. Everything a reader needs is here; only ids
//! and id references are left out (parties are named instead).

use chrono::NaiveDate;
use serde_json::Value;

use super::doc::*;
use super::labels::{self, L, moment, phase_cell};
use crate::domain::{AmbitionLens, ContextAspect, Extra, InterestKind, Phase, Session, TABLE, Timestamp};
use crate::i18n::{self, Lang, Msg};

mod agreements;
mod interests;
mod reflections;

/// `earlier` holds other meetings of the collaboration, for the trends of
/// the relationship instruments (may be empty).
pub(super) fn build(session: &Session, earlier: &[Session], lang: Lang, today: NaiveDate) -> Doc {
    let mut b = Builder { s: session, lang, today, blocks: Vec::new() };
    b.header();
    b.blocks.extend(super::meeting::blocks(session, lang));
    b.parties();
    b.phases();
    b.interests();
    b.ambition_and_context();
    super::grondvorm::section(session, lang, &mut b.blocks);
    b.agreements();
    b.reflections();
    b.blocks.extend(super::relationship::blocks(session, earlier, lang));
    b.blocks.extend(super::room::blocks(session, lang));
    b.blocks.extend(super::game::blocks(session, lang));
    b.other_fields();
    let colophon = b.colophon();
    let title = format!("{}: {}", L::Minutes.get(lang), session.title);
    Doc { lang, title, blocks: b.blocks, colophon }
}

struct Builder<'a> {
    s: &'a Session,
    lang: Lang,
    today: NaiveDate,
    blocks: Vec<Block>,
}

impl Builder<'_> {
    fn msg(&self, m: Msg) -> String {
        m.get(self.lang).to_string()
    }

    fn label(&self, l: crate::i18n::Msg) -> String {
        l.get(self.lang).to_string()
    }

    fn when(&self, at: &Timestamp) -> String {
        moment(self.lang, at, self.s.meeting_date)
    }

    fn date(&self, d: NaiveDate) -> String {
        i18n::date(self.lang, d)
    }

    fn phase(&self, p: Phase) -> String {
        phase_cell(self.lang, p)
    }

    /// A party's organisation, or the whole table; an id that names no
    /// party (a damaged file) is shown as it is rather than hidden.
    fn party_name(&self, id: &str) -> String {
        self.s.holder_name(id, self.lang)
    }

    fn heading(&mut self, level: u8, s: String) {
        self.blocks.push(Block::Heading(level, line(s)));
    }

    fn table(&mut self, class: &'static str, head: Vec<String>, rows: Vec<Row>) {
        if rows.is_empty() {
            self.blocks.push(Block::Para(vec![Inline::Em(self.label(L::NothingRecorded))]));
        } else {
            self.blocks.push(Block::Table(Table { class, head, row_heads: false, rows }));
        }
    }

    fn header(&mut self) {
        let s = self.s;
        self.blocks
            .push(Block::Heading(1, vec![text(format!("{}: ", L::Minutes.get(self.lang))), text(&s.title)]));
        let mut facts = vec![
            (self.msg(Msg::MeetingDate), line(self.date(s.meeting_date))),
            (self.msg(Msg::Facilitator), line(dash_if_empty(&s.facilitator))),
        ];
        if let Some(prev) = &s.previous {
            let link = Inline::Link { text: prev.file.clone(), file: prev.file.clone() };
            facts.push((
                self.label(L::PreviousMeeting),
                vec![text(self.date(prev.meeting_date)), text(" · "), link],
            ));
        }
        self.blocks.push(Block::Facts(facts));
    }

    fn parties(&mut self) {
        self.heading(2, self.label(L::PartiesAtTable));
        let head = vec![
            self.msg(Msg::Organisation),
            self.msg(Msg::Representative),
            self.msg(Msg::Role),
            self.label(L::AtTableSince),
            self.msg(Msg::Created),
            self.msg(Msg::Updated),
        ];
        let rows = (self.s.parties.iter())
            .map(|p| Row {
                flag: None,
                cells: vec![
                    Cell::Lines(vec![line(&p.organisation)]),
                    Cell::Lines(opt_line(&p.representative)),
                    Cell::Lines(opt_line(&p.role)),
                    cell(self.phase(p.phase)),
                    cell(self.when(&p.created_at)),
                    cell(self.when(&p.updated_at)),
                ],
            })
            .collect();
        self.table("parties", head, rows);
    }

    fn phases(&mut self) {
        let (lang, s) = (self.lang, self.s);
        self.heading(2, self.label(L::PhaseSection));
        let current = format!("{} · {}", s.phase.number(), i18n::phase_name(lang, s.phase));
        self.blocks.push(Block::Facts(vec![
            (self.label(L::CurrentPhase), line(current)),
            (self.msg(Msg::Aim), line(i18n::phase_aim(lang, s.phase))),
            (self.msg(Msg::Result), line(i18n::phase_result(lang, s.phase))),
        ]));
        let steps = Phase::ALL.map(|p| Step {
            number: p.number(),
            name: i18n::phase_short(lang, p),
            mark: s.phase_mark(p),
        });
        self.blocks.push(Block::Strip(steps.to_vec()));

        self.heading(3, self.label(L::PhaseHistory));
        let head = vec![self.label(L::Time), self.label(L::From), self.label(L::To), self.msg(Msg::Reason)];
        let rows = (s.phase_history.iter())
            .map(|m| {
                let mut to = vec![text(self.phase(m.to))];
                if m.is_step_back() {
                    to.extend([text(" "), Inline::Flag(Flag::StepBack, self.label(L::StepBack))]);
                }
                let from = m.from.map_or_else(|| self.label(L::Start), |p| self.phase(p));
                let flag = m.is_step_back().then_some(Flag::StepBack);
                let reason = Cell::Lines(opt_line(m.reason.as_deref().unwrap_or("")));
                Row { flag, cells: vec![cell(self.when(&m.at)), cell(from), Cell::Lines(vec![to]), reason] }
            })
            .collect();
        self.table("history", head, rows);
    }

    fn ambition_and_context(&mut self) {
        let (lang, s) = (self.lang, self.s);
        // "text (Gewijzigd 10:14)": when the lens or aspect was last edited.
        let with_edit = |text: &str, edited: Option<&Timestamp>| match edited {
            Some(at) => format!(
                "{} ({} {})",
                dash_if_empty(text),
                Msg::Updated.get(lang),
                moment(lang, at, s.meeting_date)
            ),
            None => dash_if_empty(text).to_string(),
        };
        self.heading(2, self.msg(Msg::Ambition));
        let facts = AmbitionLens::ALL
            .iter()
            .map(|&l| {
                (
                    i18n::lens_msg(l).get(lang).to_string(),
                    line(with_edit(s.ambition.get(l), s.ambition.edited.get(&l))),
                )
            })
            .collect();
        self.blocks.push(Block::Facts(facts));
        self.heading(2, self.msg(Msg::Context));
        let facts = ContextAspect::ALL
            .iter()
            .map(|&a| {
                (
                    i18n::aspect_msg(a).get(lang).to_string(),
                    line(with_edit(s.context.get(a), s.context.edited.get(&a))),
                )
            })
            .collect();
        self.blocks.push(Block::Facts(facts));
    }

    /// Fields a newer kompas wrote: shown as they are, so nothing in the
    /// file is missing from the minutes.
    fn other_fields(&mut self) {
        let (lang, s) = (self.lang, self.s);
        let numbered = |m: Msg, n: usize| line(format!("{} {}", m.get(lang), n + 1));
        let mut owners: Vec<(Line, &Extra)> = vec![(line(self.label(L::Session)), &s.extra)];
        for p in &s.parties {
            owners.push((vec![text(format!("{} ", Msg::Party.get(lang))), text(&p.organisation)], &p.extra));
        }
        owners.push((line(s.holder_name(TABLE, lang)), &s.table.extra));
        owners.extend(s.interests.iter().enumerate().map(|(n, x)| (numbered(Msg::Interest, n), &x.extra)));
        owners.extend(s.agreements.iter().enumerate().map(|(n, x)| (numbered(Msg::Agreement, n), &x.extra)));
        owners.extend(
            s.reflections.iter().enumerate().map(|(n, x)| (numbered(Msg::PaneReflections, n), &x.extra)),
        );
        owners
            .extend(s.temperature.iter().enumerate().map(|(n, x)| (numbered(Msg::Temperature, n), &x.extra)));
        owners.extend(super::grondvorm::extras(s, lang));
        owners.extend(super::meeting::extras(s, lang));
        owners.extend(super::relationship::extras(s, lang));
        let mut rows = Vec::new();
        for (owner, extra) in owners {
            let mut leaves = Vec::new();
            for (key, value) in extra {
                flatten(key.clone(), value, &mut leaves);
            }
            rows.extend(leaves.into_iter().map(|(path, value)| Row {
                flag: None,
                cells: vec![Cell::Lines(vec![owner.clone()]), cell(path), cell(value)],
            }));
        }
        if !rows.is_empty() {
            self.heading(2, self.label(L::OtherFields));
            self.blocks.push(Block::Note(line(self.label(L::OtherFieldsNote))));
            let head = vec![self.label(L::BelongsTo), self.label(L::Field), self.label(L::Value)];
            self.table("other", head, rows);
        }
    }

    fn colophon(&self) -> Line {
        let (lang, s) = (self.lang, self.s);
        vec![
            text(format!("{} · {} ", L::MadeWith.get(lang), L::FileFormat.get(lang))),
            text(&s.format),
            text(format!(" {} {}", L::Version.get(lang), s.version)),
            text(format!(" · {} {}", L::SessionCreated.get(lang), self.when(&s.created_at))),
            text(format!(" · {} {}", L::SessionUpdated.get(lang), self.when(&s.updated_at))),
        ]
    }
}

pub(super) fn cell(s: impl Into<String>) -> Cell {
    Cell::Lines(vec![line(s)])
}

pub(super) fn dash_if_empty(s: &str) -> &str {
    if s.trim().is_empty() { "—" } else { s }
}

/// A JSON value as (path, text) leaves: `budget.amount`, `tags[1]`. Strings
/// as they are, other values as JSON.
fn flatten(path: String, value: &Value, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (k, v) in map {
                flatten(format!("{path}.{k}"), v, out);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            for (i, v) in items.iter().enumerate() {
                flatten(format!("{path}[{i}]"), v, out);
            }
        }
        Value::String(s) => out.push((path, s.clone())),
        other => out.push((path, other.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_extra_values_become_paths() {
        let v: Value = serde_json::json!({"a": [1, {"b": "x"}], "c": {}, "d": null});
        let mut out = Vec::new();
        flatten("root".into(), &v, &mut out);
        let want = [("root.a[0]", "1"), ("root.a[1].b", "x"), ("root.c", "{}"), ("root.d", "null")];
        assert_eq!(out, want.map(|(a, b)| (a.to_string(), b.to_string())).to_vec());
    }
}
