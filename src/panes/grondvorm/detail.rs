//! The detail box under the chooser's list: the selected row in full, with
//! the model's texts and ours marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::draw::form_with_answers;
use super::{M, Row, Section, State, Tick};
use crate::content::grondvorm::{Words, content, marked};
use crate::domain::Session;
use crate::i18n::{self, Lang, Msg};
use crate::text::wrap;
use crate::ui::theme;

/// Agreements of a key question named in the detail box; the rest counted.
const MAX_AGREEMENTS_SHOWN: usize = 3;

/// The selected row in full.
pub(super) fn draw(frame: &mut Frame, area: Rect, lang: Lang, session: &Session, st: &State) {
    let inner = crate::ui::detail_box(frame, area);
    let Some(row) = st.selected() else { return };
    let width = inner.width as usize;
    let texts = detail(lang, session, st, row);
    let mut lines: Vec<Line> = Vec::new();
    let room = inner.height as usize;
    for (text, style) in texts {
        for l in wrap(&text, width) {
            lines.push(Line::from(Span::styled(l, style)));
        }
    }
    crate::ui::cut_lines(&mut lines, room, width);
    crate::ui::paragraph(frame.buffer_mut(), inner, lines);
}

/// What the detail box says about `row`, paragraph by paragraph.
fn detail(lang: Lang, session: &Session, st: &State, row: Row) -> Vec<(String, Style)> {
    let c = content();
    let q = &c.questions;
    let plain = |s: String| (s, theme::plain());
    let hint = || (M::TickHint.get(lang).to_string(), theme::dim());
    match row {
        Row::Heading(Section::Questions) => vec![
            plain(format!("{}: {}", q.intentie.name.get(lang), marked(&q.intentie.question, lang))),
            plain(format!("{}: {}", q.aard.name.get(lang), marked(&q.aard.question, lang))),
        ],
        Row::Heading(Section::KeyQuestions) => vec![plain(marked(&c.key_question_phases, lang))],
        Row::Heading(Section::Reasons) => {
            vec![plain(marked(&c.reasons_note, lang)), hint()]
        }
        Row::Heading(Section::Dilemmas) => vec![plain(M::NamesOnly.get(lang).to_string())],
        Row::Party(i) => {
            let p = &session.parties[i];
            let Some(f) = &p.grondvorm else {
                return vec![
                    (p.organisation.clone(), theme::bold()),
                    (M::NotAnswered.get(lang).into(), theme::dim()),
                ];
            };
            let mut out = vec![(p.organisation.clone(), theme::bold())];
            if let Some(i) = f.intentie {
                out.push(plain(format!(
                    "{}: {}",
                    c.intentie(i).name.get(lang),
                    marked(&c.intentie(i).text, lang)
                )));
            }
            if let Some(a) = f.aard {
                out.push(plain(format!("{}: {}", c.aard(a).name.get(lang), marked(&c.aard(a).text, lang))));
            }
            if let Some(g) = f.form() {
                out.push((
                    format!("→ {}: {}", c.form(g).name.get(lang), marked(&c.form(g).summary, lang)),
                    theme::bold(),
                ));
            }
            if !f.note.is_empty() {
                out.push(plain(format!("{}: {}", Msg::Note.get(lang), f.note)));
            }
            out
        }
        Row::Mismatch => vec![
            (marked(&c.form_mismatch.flag, lang), theme::bold()),
            plain(format!("{}: {}", M::Advice.get(lang), marked(&c.form_mismatch.advice, lang))),
            plain(marked(&c.mixing, lang)),
        ],
        Row::Choice => match &session.grondvorm.choice {
            Some(choice) => {
                let info = c.form(choice.form);
                let when = format!(
                    "{} {} {} · {}",
                    Words::ChosenInPhase.get(lang),
                    choice.phase.number(),
                    i18n::phase_short(lang, choice.phase),
                    crate::export::moment(lang, &choice.at, session.meeting_date)
                );
                let mut out =
                    vec![(format!("{} · {when}", form_with_answers(c, lang, choice.form)), theme::bold())];
                if !choice.rationale.is_empty() {
                    out.push(plain(format!("{}: {}", Words::Rationale.get(lang), choice.rationale)));
                }
                if !st.earlier_other.is_empty() {
                    let before: Vec<String> = (st.earlier_other.iter())
                        .map(|(d, f)| format!("{} {}", c.form(*f).name.get(lang), i18n::date(lang, *d)))
                        .collect();
                    let text = format!("⚠ {}: {}", Words::MixedMeetings.get(lang), before.join(", "));
                    out.push((text, theme::bold()));
                }
                out.push(plain(marked(&info.summary, lang)));
                out.push(plain(marked(&info.example, lang)));
                out
            }
            None => vec![(M::NoChoice.get(lang).into(), theme::dim()), plain(marked(&c.mixing, lang))],
        },
        Row::KeyGroup(g) => {
            let info = c.key_group(g);
            vec![plain(format!("{}: {}", info.name.get(lang), marked(&info.question, lang)))]
        }
        Row::Key(k) => {
            let mut out = vec![(marked(&c.key_question(k).text, lang), theme::bold())];
            match session.grondvorm.key_questions.get(&k) {
                Some(a) => out.push(plain(format!("{}: {}", Words::RoomAnswer.get(lang), a.answer))),
                None => out.push((M::NotAnswered.get(lang).into(), theme::dim())),
            }
            if let Some(f) = session.chosen_form() {
                let cell = marked(c.cell(f, k.aspect()), lang);
                out.push((
                    format!("{} ({}): {cell}", Words::Reference.get(lang), c.form(f).name.get(lang)),
                    theme::dim(),
                ));
            }
            // The first few, each on its first line: what fits the box.
            let indices = &st.key_agreements[k.index()];
            let mut made: Vec<String> = (indices.iter().take(MAX_AGREEMENTS_SHOWN))
                .map(|&i| &session.agreements[i])
                .map(|a| {
                    format!(
                        "{} ({})",
                        a.text.lines().next().unwrap_or(""),
                        i18n::status_label(lang, a.status)
                    )
                })
                .collect();
            if indices.len() > MAX_AGREEMENTS_SHOWN {
                made.push(format!("+{}", indices.len() - MAX_AGREEMENTS_SHOWN));
            }
            if !made.is_empty() {
                out.push((
                    format!("{}: {}", M::AgreementsMade.get(lang), made.join("; ")),
                    theme::open_agreement(),
                ));
            }
            out
        }
        Row::Motives(i) => {
            let p = &session.parties[i];
            let mut out = vec![(p.organisation.clone(), theme::bold())];
            out.extend(p.motives.iter().map(|m| {
                plain(format!("{}: {}", c.motive(*m).name.get(lang), marked(&c.motive(*m).text, lang)))
            }));
            for g in &c.reason_groups {
                let ticked: Vec<&str> = g
                    .reasons
                    .iter()
                    .filter(|r| p.reasons.contains(&r.id))
                    .map(|r| r.name.get(lang))
                    .collect();
                if !ticked.is_empty() {
                    out.push(plain(format!("{}: {}", g.name.get(lang), ticked.join("; "))));
                }
            }
            out.push(hint());
            out
        }
        Row::Tick(Tick::Motive(m)) => {
            vec![
                plain(format!("{}: {}", c.motive(m).name.get(lang), marked(&c.motive(m).text, lang))),
                hint(),
            ]
        }
        Row::Tick(Tick::Reason(r)) => {
            let model = crate::content::origin_label(crate::domain::Origin::Model, lang, true);
            let group = c.reason_group(r.group()).name.get(lang);
            vec![plain(format!("{group}: {} ({model})", c.reason(r).name.get(lang))), hint()]
        }
        Row::ReasonGroup(_) => vec![hint()],
        Row::Dilemma(d) => {
            let info = c.dilemma(d);
            let mut out = vec![(info.name.get(lang).to_string(), theme::bold())];
            if let Some(choice) = session.ambition.dilemmas.get(&d) {
                let reason =
                    if choice.reason.is_empty() { String::new() } else { format!(": {}", choice.reason) };
                out.push((format!("▶ {}{reason}", c.pole(choice.pole).name.get(lang)), theme::bold()));
            }
            out.push(plain(marked(&info.guidance, lang)));
            out.extend(info.note.iter().map(|n| plain(marked(n, lang))));
            out
        }
    }
}
