//! The basic-form chooser in the minutes: the chosen form with its rationale
//! and phase, each party's answers and the form they point to, the mismatch
//! with our advice, the 15 key questions with the room's answers, the chosen
//! form's reference cell and the agreements made from them, the reasons and
//! motives per party, and the ambition dilemmas. Shown only when the session
//! holds something of it.

use super::build::{cell, dash_if_empty};
use super::doc::*;
use super::labels::{L, moment, phase_cell};
use crate::content::grondvorm::{Words, content};
use crate::content::origin_label;
use crate::domain::grondvorm::{Dilemma, KeyQuestion};
use crate::domain::{Extra, Session, Timestamp};
use crate::i18n::{self, Lang, Msg};

struct Section<'a> {
    s: &'a Session,
    lang: Lang,
    blocks: &'a mut Vec<Block>,
}

/// Whether the session holds anything of the chooser.
fn any(s: &Session) -> bool {
    !s.grondvorm.is_empty()
        || !s.ambition.dilemmas.is_empty()
        || s.parties.iter().any(|p| p.grondvorm.is_some() || !p.reasons.is_empty() || !p.motives.is_empty())
        || s.agreements.iter().any(|a| a.key_question.is_some())
}

/// The section, appended to `blocks`.
pub(super) fn section(s: &Session, lang: Lang, blocks: &mut Vec<Block>) {
    if !any(s) {
        return;
    }
    let mut b = Section { s, lang, blocks };
    b.blocks.push(Block::Heading(2, line(Words::Grondvorm.get(lang))));
    b.choice();
    b.party_answers();
    b.key_questions();
    b.reasons_and_motives();
    b.dilemmas();
}

/// The chooser's items that hold fields a newer kompas wrote, named for
/// the "other fields" table.
pub(super) fn extras(s: &Session, lang: Lang) -> Vec<(Line, &Extra)> {
    let c = content();
    let mut out: Vec<(Line, &Extra)> = vec![(line(Words::Grondvorm.get(lang)), &s.grondvorm.extra)];
    for p in &s.parties {
        if let Some(f) = &p.grondvorm {
            out.push((
                vec![text(format!("{} · ", Words::Grondvorm.get(lang))), text(&p.organisation)],
                &f.extra,
            ));
        }
    }
    if let Some(choice) = &s.grondvorm.choice {
        out.push((line(Words::ChosenForm.get(lang)), &choice.extra));
    }
    for (q, a) in &s.grondvorm.key_questions {
        out.push((line(c.key_question(*q).name.get(lang)), &a.extra));
    }
    for (d, choice) in &s.ambition.dilemmas {
        out.push((line(c.dilemma(*d).name.get(lang)), &choice.extra));
    }
    out
}

impl Section<'_> {
    fn msg(&self, m: Msg) -> String {
        m.get(self.lang).to_string()
    }

    fn when(&self, at: &Timestamp) -> String {
        moment(self.lang, at, self.s.meeting_date)
    }

    /// Created, and when it changed later.
    fn times(&self, created: &Timestamp, updated: &Timestamp) -> Cell {
        let mut lines = vec![line(self.when(created))];
        if updated != created {
            lines.push(line(format!("{} {}", L::UpdatedShort.get(self.lang), self.when(updated))));
        }
        Cell::Lines(lines)
    }

    fn heading(&mut self, s: String) {
        self.blocks.push(Block::Heading(3, line(s)));
    }

    fn table(&mut self, class: &'static str, head: Vec<String>, rows: Vec<Row>) {
        self.blocks.push(Block::Table(Table { class, head, row_heads: false, rows }));
    }

    /// A text of the content with its origin: "… (uit het model)".
    fn with_origin(&self, t: &crate::content::Text) -> Line {
        let origin = format!("({})", origin_label(t.origin, self.lang, false));
        vec![text(t.get(self.lang)), text(" "), Inline::Em(origin)]
    }

    fn party_name(&self, id: &str) -> String {
        self.s.party(id).map_or_else(|| id.to_string(), |p| p.organisation.clone())
    }

    fn choice(&mut self) {
        let (lang, c) = (self.lang, content());
        match &self.s.grondvorm.choice {
            Some(choice) => {
                let f = c.form(choice.form);
                let answers = format!(
                    " ({} + {})",
                    c.intentie(f.intentie).name.get(lang).to_lowercase(),
                    c.aard(f.aard).name.get(lang).to_lowercase()
                );
                let facts = vec![
                    (self.msg(Words::ChosenForm), vec![text(f.name.get(lang)), text(answers)]),
                    (self.msg(Words::ChosenInPhase), line(phase_cell(lang, choice.phase))),
                    (self.msg(Words::ChosenAt), line(self.when(&choice.at))),
                    (self.msg(Words::Rationale), line(dash_if_empty(&choice.rationale))),
                ];
                self.blocks.push(Block::Facts(facts));
                self.blocks.push(Block::Note(self.with_origin(&f.summary)));
            }
            None => self.blocks.push(Block::Para(vec![Inline::Em(self.msg(Words::NoFormChosen))])),
        }
        if let Some(m) = self.s.form_mismatch() {
            let mut l = vec![Inline::Flag(Flag::Mismatch, format!("⚠ {}", self.msg(Words::FormMismatch)))];
            l.push(text(" "));
            l.extend(self.with_origin(&c.form_mismatch.flag));
            self.blocks.push(Block::Para(l));
            let per_form = (m.forms.iter())
                .map(|(f, parties)| {
                    let names: Vec<String> = parties.iter().map(|p| self.party_name(p)).collect();
                    (c.form(*f).name.get(lang).to_string(), line(names.join(", ")))
                })
                .collect();
            self.blocks.push(Block::Facts(per_form));
            self.blocks.push(Block::Note(self.with_origin(&c.form_mismatch.advice)));
            self.blocks.push(Block::Note(self.with_origin(&c.mixing)));
        }
    }

    fn party_answers(&mut self) {
        let (lang, c, s) = (self.lang, content(), self.s);
        if s.parties.iter().all(|p| p.grondvorm.is_none()) {
            return;
        }
        self.heading(self.msg(Words::PartyAnswers));
        let head = vec![
            self.msg(Msg::Party),
            c.questions.intentie.name.get(lang).to_string(),
            c.questions.aard.name.get(lang).to_string(),
            self.msg(Words::PointsTo),
            self.msg(Msg::Note),
            self.msg(Msg::Phase),
            self.msg(Msg::Updated),
        ];
        let rows = (s.parties.iter())
            .filter_map(|p| Some((p, p.grondvorm.as_ref()?)))
            .map(|(p, f)| Row {
                flag: None,
                cells: vec![
                    cell(&p.organisation),
                    Cell::Lines(f.intentie.map(|i| line(c.intentie(i).name.get(lang))).into_iter().collect()),
                    Cell::Lines(f.aard.map(|a| line(c.aard(a).name.get(lang))).into_iter().collect()),
                    Cell::Lines(f.form().map(|g| line(c.form(g).name.get(lang))).into_iter().collect()),
                    Cell::Lines(opt_line(&f.note)),
                    cell(phase_cell(lang, f.phase)),
                    cell(self.when(&f.updated_at)),
                ],
            })
            .collect();
        self.table("grondvorm-parties", head, rows);
    }

    fn key_questions(&mut self) {
        let (lang, c, s) = (self.lang, content(), self.s);
        let answered = s.key_questions_answered();
        let total = KeyQuestion::ALL.len();
        if answered == 0 && s.agreements.iter().all(|a| a.key_question.is_none()) {
            return;
        }
        self.heading(format!(
            "{} ({answered} {} {total} {})",
            self.msg(Words::KeyQuestions),
            self.msg(Words::OutOf),
            self.msg(Words::Answered)
        ));
        self.blocks.push(Block::Note(self.with_origin(&c.key_question_phases)));
        let chosen = s.chosen_form();
        let reference = match chosen {
            Some(f) => format!(
                "{}: {} ({})",
                self.msg(Words::Reference),
                c.form(f).name.get(lang),
                origin_label(crate::domain::Origin::Model, lang, false)
            ),
            None => self.msg(Words::Reference),
        };
        let head = vec![
            L::Number.get(lang).to_string(),
            self.msg(Words::Group),
            self.msg(Words::KeyQuestion),
            self.msg(Words::RoomAnswer),
            reference,
            self.msg(Msg::Phase),
            L::Time.get(lang).to_string(),
            self.msg(Msg::PaneAgreements),
        ];
        let rows = (KeyQuestion::ALL.iter().enumerate())
            .map(|(n, &q)| {
                let info = c.key_question(q);
                let answer = s.grondvorm.key_questions.get(&q);
                let agreements: Vec<Line> = (s.key_question_agreements(q))
                    .map(|a| vec![text(&a.text), text(format!(" ({})", i18n::status_label(lang, a.status)))])
                    .collect();
                Row {
                    flag: None,
                    cells: vec![
                        cell((n + 1).to_string()),
                        cell(c.key_group(q.group()).name.get(lang)),
                        Cell::Lines(vec![line(info.text.get(lang))]),
                        Cell::Lines(answer.map(|a| line(&a.answer)).into_iter().collect()),
                        Cell::Lines(
                            chosen.map(|f| line(c.cell(f, q.aspect()).get(lang))).into_iter().collect(),
                        ),
                        Cell::Lines(answer.map(|a| line(phase_cell(lang, a.phase))).into_iter().collect()),
                        answer.map_or(Cell::Lines(Vec::new()), |a| self.times(&a.created_at, &a.updated_at)),
                        Cell::List(agreements),
                    ],
                }
            })
            .collect();
        self.table("key-questions", head, rows);
    }

    fn reasons_and_motives(&mut self) {
        let (lang, c, s) = (self.lang, content(), self.s);
        if s.parties.iter().all(|p| p.reasons.is_empty() && p.motives.is_empty()) {
            return;
        }
        self.heading(self.msg(Words::ReasonsAndMotives));
        let head = vec![self.msg(Msg::Party), self.msg(Words::Motives), self.msg(Words::Reasons)];
        let rows = (s.parties.iter())
            .map(|p| {
                let motives: Vec<String> =
                    p.motives.iter().map(|m| c.motive(*m).name.get(lang).to_string()).collect();
                let reasons = (p.reasons.iter())
                    .map(|r| {
                        let group = c.reason_group(r.group()).name.get(lang);
                        vec![text(format!("{group}: ")), text(c.reason(*r).name.get(lang))]
                    })
                    .collect();
                Row {
                    flag: None,
                    cells: vec![
                        cell(&p.organisation),
                        Cell::Lines(opt_line(&motives.join(", "))),
                        Cell::List(reasons),
                    ],
                }
            })
            .collect();
        self.table("reasons", head, rows);
        self.blocks.push(Block::Note(self.with_origin(&c.reasons_note)));
    }

    fn dilemmas(&mut self) {
        let (lang, c, s) = (self.lang, content(), self.s);
        if s.ambition.dilemmas.is_empty() {
            return;
        }
        self.heading(self.msg(Words::AmbitionChoices));
        let head = vec![
            self.msg(Words::Dilemma),
            self.msg(Words::Choice),
            self.msg(Msg::Reason),
            self.msg(Msg::Phase),
            self.msg(Msg::Updated),
        ];
        let rows = (Dilemma::ALL.iter())
            .filter_map(|d| Some((d, s.ambition.dilemmas.get(d)?)))
            .map(|(d, choice)| Row {
                flag: None,
                cells: vec![
                    cell(c.dilemma(*d).name.get(lang)),
                    cell(c.pole(choice.pole).name.get(lang)),
                    Cell::Lines(opt_line(&choice.reason)),
                    cell(phase_cell(lang, choice.phase)),
                    cell(self.when(&choice.updated_at)),
                ],
            })
            .collect();
        self.table("dilemmas", head, rows);
    }
}
