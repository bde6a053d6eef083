//! Drawing the chooser pane: a summary line, only the visible rows, and the
//! selected row in full below, every text of the model or ours marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{M, Row, Section, State, Tick};
use crate::app::{AppState, SessionScreen};
use crate::content::grondvorm::{Content, Words, content};
use crate::domain::grondvorm::{KeyQuestion, Motive, PartyForm};
use crate::domain::{Party, Session};
use crate::i18n::{Lang, Msg};
use crate::layout::ListAreas;
use crate::text::{pad, safe_line, truncate};
use crate::ui::theme;

/// The pane's parts: a summary line (`header`), the rows, the detail box.
/// The detail box is taller than a list pane's: a key question shows its
/// question, the room's answer and the chosen form's reference at once.
pub(super) fn areas(body: Rect) -> ListAreas {
    crate::layout::detail_areas(body, &[(24, 8), (16, 7), (14, 6)])
}

/// The dilemmas' names ("Kwantitatief of kwalitatief") in full.
const DILEMMA_W: usize = 30;

/// The key questions' last column: "→ 2" agreements made from it.
const AGREEMENTS_W: usize = 5;

fn name_width(width: usize) -> usize {
    (width / 4).clamp(14, 28)
}

fn party_name(p: &Party, width: usize) -> String {
    pad(&truncate(&safe_line(&p.organisation), width.saturating_sub(1)), width)
}

/// "Functioneel (verbeteren + delen)".
pub(super) fn form_with_answers(c: &Content, lang: Lang, f: crate::domain::Grondvorm) -> String {
    let info = c.form(f);
    format!(
        "{} ({} + {})",
        info.name.get(lang),
        c.intentie(info.intentie).name.get(lang).to_lowercase(),
        c.aard(info.aard).name.get(lang).to_lowercase()
    )
}

/// The answers of a party as "verbeteren · delen → Functioneel", `?` for an
/// open answer.
fn answers_text(c: &Content, lang: Lang, f: &PartyForm) -> (String, String) {
    let i = f.intentie.map_or("?", |i| c.intentie(i).name.get(lang));
    let a = f.aard.map_or("?", |a| c.aard(a).name.get(lang));
    let form = f.form().map_or("?", |g| c.form(g).name.get(lang));
    (format!("{} · {}", i.to_lowercase(), a.to_lowercase()), format!("→ {form}"))
}

fn summary_line(lang: Lang, session: &Session, st: &State, width: usize) -> Line<'static> {
    let c = content();
    let mut spans = vec![Span::styled(format!("{}: ", Words::Grondvorm.get(lang)), theme::label())];
    match session.chosen_form() {
        // The answers behind the form only where there is room.
        Some(f) if width >= 100 => spans.push(Span::styled(form_with_answers(c, lang, f), theme::bold())),
        Some(f) => spans.push(Span::styled(c.form(f).name.get(lang).to_string(), theme::bold())),
        None => spans.push(Span::styled(M::NotChosen.get(lang).to_string(), theme::dim())),
    }
    spans.push(Span::styled(
        format!(" · {}: {}/{}", Words::KeyQuestions.get(lang), st.answered, KeyQuestion::ALL.len(),),
        theme::plain(),
    ));
    if st.mismatch.is_some() {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(format!("⚠ {}", Words::FormMismatch.get(lang)), theme::warning()));
    }
    if !st.earlier_other.is_empty() {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(format!("⚠ {}", Words::MixedMeetings.get(lang)), theme::warning()));
    }
    Line::from(spans)
}

/// One row of the list, `width` wide.
fn row_line(lang: Lang, session: &Session, st: &State, row: Row, width: usize) -> Vec<(String, Style)> {
    let c = content();
    let nw = name_width(width);
    match row {
        Row::Heading(section) => {
            let (title, rest) = match section {
                Section::Questions => (M::SecQuestions, String::new()),
                Section::KeyQuestions => {
                    let when = if KeyQuestion::matter_most_in(session.phase) {
                        M::NowOnTable.get(lang)
                    } else {
                        M::MostIn34.get(lang)
                    };
                    let count = format!(
                        " · {} {} {} {} · {when}",
                        st.answered,
                        Words::OutOf.get(lang),
                        KeyQuestion::ALL.len(),
                        Words::Answered.get(lang)
                    );
                    (M::SecKeyQuestions, count)
                }
                Section::Reasons => (M::SecReasons, String::new()),
                Section::Dilemmas => (M::SecDilemmas, format!(" · {}", M::NamesOnly.get(lang))),
            };
            vec![(title.get(lang).to_uppercase(), theme::label()), (rest, theme::plain())]
        }
        Row::Party(i) => {
            let p = &session.parties[i];
            let name = (format!(" {}", party_name(p, nw)), theme::bold());
            match &p.grondvorm {
                None => vec![name, (M::NotAnswered.get(lang).to_string(), theme::dim())],
                Some(f) => {
                    let (answers, form) = answers_text(c, lang, f);
                    vec![
                        name,
                        (pad(&answers, 26), theme::plain()),
                        (pad(&form, 18), theme::bold()),
                        (safe_line(&f.note).into_owned(), theme::plain()),
                    ]
                }
            }
        }
        Row::Mismatch => {
            let groups: Vec<String> = (st.mismatch.iter().flat_map(|m| &m.forms))
                .map(|(f, parties)| {
                    let names: Vec<&str> = parties
                        .iter()
                        .filter_map(|p| session.party(p))
                        .map(|p| p.organisation.as_str())
                        .collect();
                    format!("{}: {}", c.form(*f).name.get(lang), names.join(", "))
                })
                .collect();
            vec![
                (" ".into(), theme::plain()),
                (format!("⚠ {}", Words::FormMismatch.get(lang)), theme::warning()),
                (format!(" {}", safe_line(&groups.join(" · "))), theme::bold()),
            ]
        }
        Row::Choice => match &session.grondvorm.choice {
            Some(choice) => vec![
                (format!(" ▶ {}: ", M::Chosen.get(lang)), theme::label()),
                (form_with_answers(c, lang, choice.form), theme::bold()),
                (
                    format!(
                        " · {} {} · {}",
                        Msg::Phase.get(lang).to_lowercase(),
                        choice.phase.number(),
                        safe_line(&choice.rationale)
                    ),
                    theme::plain(),
                ),
            ],
            None => vec![(format!(" ▷ {}", M::NoChoice.get(lang)), theme::dim())],
        },
        Row::KeyGroup(g) => {
            let info = c.key_group(g);
            vec![(format!("  {}: {}", info.name.get(lang), info.question.get(lang)), theme::label())]
        }
        Row::Key(q) => {
            let answer = session.grondvorm.key_questions.get(&q);
            let mark = if answer.is_some() { "  ✓ " } else { "  · " };
            let made = st.key_agreements[q.index()].len();
            let agreements = if made > 0 { format!(" → {made}") } else { String::new() };
            let name = pad(c.key_question(q).name.get(lang), nw.saturating_sub(2));
            let rest = width.saturating_sub(4 + nw.saturating_sub(2) + AGREEMENTS_W);
            let (answer_w, reference) = match session.chosen_form() {
                // Wide enough: the chosen form's reference beside the answer.
                Some(f) if width >= 100 => (rest / 2, Some(c.cell(f, q.aspect()).get(lang))),
                _ => (rest, None),
            };
            let answer_text = match answer {
                Some(a) => (pad(&truncate(&safe_line(&a.answer), answer_w), answer_w), theme::plain()),
                None => (pad(M::NotAnswered.get(lang), answer_w), theme::dim()),
            };
            let mut cells = vec![
                (mark.to_string(), if answer.is_some() { theme::ok() } else { theme::dim() }),
                (name, if answer.is_some() { theme::bold() } else { theme::plain() }),
                answer_text,
            ];
            if let Some(r) = reference {
                cells.push((pad(r, rest - answer_w), theme::dim()));
            }
            cells.push((agreements, theme::open_agreement()));
            cells
        }
        Row::Motives(i) => {
            let p = &session.parties[i];
            let open = st.unfolded.as_deref() == Some(p.id.as_str());
            let motives: Vec<&str> = p.motives.iter().map(|m| c.motive(*m).name.get(lang)).collect();
            let reasons: Vec<&str> = p.reasons.iter().map(|r| c.reason(*r).name.get(lang)).collect();
            let ticked = if motives.is_empty() && reasons.is_empty() {
                (M::NoneTicked.get(lang).to_string(), theme::dim())
            } else {
                (format!("{} · {}", motives.join(", ").to_lowercase(), reasons.join("; ")), theme::plain())
            };
            vec![
                (format!(" {} ", if open { "▾" } else { "▸" }), theme::label()),
                (party_name(p, nw - 2), theme::bold()),
                ticked,
            ]
        }
        Row::ReasonGroup(g) => vec![(format!("     {}", c.reason_group(g).name.get(lang)), theme::label())],
        Row::Tick(t) => {
            let Some(p) = st.unfolded.as_deref().and_then(|id| session.party(id)) else { return Vec::new() };
            let (on, name) = match t {
                Tick::Motive(m) => (p.motives.contains(&m), motive_text(c, lang, m)),
                Tick::Reason(r) => (p.reasons.contains(&r), c.reason(r).name.get(lang).to_string()),
            };
            let style = if on { theme::bold() } else { theme::plain() };
            vec![(format!("     [{}] {name}", if on { "x" } else { " " }), style)]
        }
        Row::Dilemma(d) => {
            let info = c.dilemma(d);
            let name = (format!(" {}", pad(info.name.get(lang), DILEMMA_W)), theme::plain());
            match session.ambition.dilemmas.get(&d) {
                Some(choice) => vec![
                    name,
                    (pad(&format!("▶ {}", c.pole(choice.pole).name.get(lang)), 16), theme::bold()),
                    (safe_line(&choice.reason).into_owned(), theme::plain()),
                ],
                None => vec![name, ("—".into(), theme::dim())],
            }
        }
    }
}

fn motive_text(c: &Content, lang: Lang, m: Motive) -> String {
    let info = c.motive(m);
    format!("{}: {}", info.name.get(lang), info.text.get(lang))
}

pub(super) fn draw(frame: &mut Frame, area: Rect, state: &AppState, s: &SessionScreen, st: &State) {
    let lang = state.lang;
    let a = areas(area);
    let session = &s.session;
    crate::ui::paragraph(frame.buffer_mut(), a.header, summary_line(lang, session, st, area.width as usize));
    let width = a.rows.width as usize;
    let visible = a.rows.height as usize;
    let top = st.cursor.top_for(visible);
    let buf = frame.buffer_mut();
    for (n, selected) in st.cursor.visible(st.rows.len(), visible) {
        let y = a.rows.y + (n - top) as u16;
        let mut x = a.rows.x;
        let cells = row_line(lang, session, st, st.rows[n], width);
        if selected {
            // The whole line shows the selection, also past the text.
            crate::ui::put(buf, x, y, &" ".repeat(width), width, theme::selected());
        }
        for (text, style) in cells {
            let style = if selected { style.patch(theme::selected()) } else { style };
            let room = a.rows.right().saturating_sub(x) as usize;
            // A cell cut at the edge (a long note) ends in "…".
            let text = truncate(&text, room);
            let (nx, _) = crate::ui::put(buf, x, y, &text, room, style);
            x = nx;
        }
    }
    if session.parties.is_empty() && a.rows.height > 2 {
        let y = a.rows.y + 1;
        let text = format!(" {}", M::NoParties.get(lang));
        crate::ui::put(buf, a.rows.x, y, &text, width, theme::bold());
    }
    super::detail::draw(frame, a.detail, lang, session, st);
}
