//! Drawing the reflection pane: the visible rows, the selected one in full
//! below.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{ReflectionRow, State};
use crate::app::{AppState, SessionScreen};
use crate::i18n::{self, Msg};
use crate::layout::list_areas;
use crate::text::{safe_line, truncate, wrap};
use crate::ui::theme;

pub(super) fn draw(frame: &mut Frame, area: Rect, state: &AppState, s: &SessionScreen, st: &State) {
    let lang = state.lang;
    let a = list_areas(area);
    let session = &s.session;
    let phase = session.phase;
    let header = format!(
        "{} · {} {}",
        Msg::ReflectionQuestions.get(lang),
        phase.number(),
        i18n::phase_name(lang, phase)
    );
    crate::ui::paragraph(frame.buffer_mut(), a.header, Span::styled(header, theme::label()));

    let visible = a.rows.height as usize;
    let top = st.cursor.top_for(visible);
    let width = a.rows.width as usize;
    let buf = frame.buffer_mut();
    for (n, selected) in st.cursor.visible(st.rows.len(), visible) {
        let y = a.rows.y + (n - top) as u16;
        let (left, tag, style): (String, String, Style) = match st.rows[n] {
            ReflectionRow::Prompt(i) => {
                let p = &state.prompts.all()[i];
                let answered = st.rows.get(n + 1).is_some_and(|r| matches!(r, ReflectionRow::Answer(_)));
                let mark = if answered { "●" } else { "○" };
                (
                    format!("{mark} {}", p.text(lang)),
                    format!("[{}]", i18n::prompt_theme_label(lang, &p.theme)),
                    theme::bold(),
                )
            }
            ReflectionRow::OwnQuestion(i) => (
                format!("● {}", safe_line(&session.reflections[i].question)),
                format!("[{}]", Msg::OwnQuestionTag.get(lang)),
                theme::bold(),
            ),
            ReflectionRow::Answer(i) => {
                let r = &session.reflections[i];
                let first = r.answer.lines().next().unwrap_or("");
                // Answers of another phase stand under that phase's heading.
                let when = r.created_at.format("%H:%M").to_string();
                (format!("    → {}", safe_line(first)), when, theme::plain())
            }
            ReflectionRow::AskOwn => (Msg::AskOwnQuestion.get(lang).to_string(), String::new(), theme::dim()),
            ReflectionRow::PreviousHeading => {
                let date = st.previous_date.map(|d| i18n::date(lang, d)).unwrap_or_default();
                (format!("{} · {date}", Msg::PreviousMeeting.get(lang)), String::new(), theme::label())
            }
            ReflectionRow::PhaseHeading(p) => {
                let earlier = super::M::EarlierPhase.get(lang);
                (
                    format!("{earlier} · {} {}", p.number(), i18n::phase_name(lang, p)),
                    String::new(),
                    theme::label(),
                )
            }
            ReflectionRow::Previous(i) => {
                let r = st.previous.get(i);
                let text = r
                    .map(|r| {
                        format!(
                            "  {} → {}",
                            safe_line(&r.question),
                            safe_line(r.answer.lines().next().unwrap_or(""))
                        )
                    })
                    .unwrap_or_default();
                (text, String::new(), theme::plain())
            }
        };
        let tag_w = tag.width();
        let left_w = width.saturating_sub(tag_w + 1);
        let left = truncate(&left, left_w).into_owned();
        let gap = width.saturating_sub(left.width() + tag_w);
        let line = format!("{left}{}{tag}", " ".repeat(gap));
        let style = if selected { style.patch(theme::selected()) } else { style };
        crate::ui::put(buf, a.rows.x, y, &line, width, style);
        if !selected && !tag.is_empty() {
            crate::ui::put(buf, a.rows.x + (left.width() + gap) as u16, y, &tag, tag_w, theme::dim());
        }
    }

    draw_detail(frame, a.detail, state, s, st);
}

fn draw_detail(frame: &mut Frame, area: Rect, state: &AppState, s: &SessionScreen, st: &State) {
    let lang = state.lang;
    let inner = crate::ui::detail_box(frame, area);
    let width = inner.width as usize;
    let session = &s.session;
    let (question, answer): (String, Option<String>) = match st.selected() {
        Some(ReflectionRow::Prompt(i)) => (state.prompts.all()[i].text(lang).to_string(), None),
        Some(ReflectionRow::OwnQuestion(i)) => (session.reflections[i].question.clone(), None),
        Some(ReflectionRow::Answer(i)) => {
            let r = &session.reflections[i];
            (r.question.clone(), Some(r.answer.clone()))
        }
        Some(ReflectionRow::Previous(i)) => match st.previous.get(i) {
            Some(r) => (r.question.clone(), Some(r.answer.clone())),
            None => return,
        },
        _ => return,
    };
    let room = inner.height as usize;
    let mut lines: Vec<Line> = wrap(&question, width)
        .into_iter()
        .take(if answer.is_some() { 1 } else { room })
        .map(|l| Line::from(Span::styled(l, theme::label())))
        .collect();
    if let Some(answer) = answer {
        let left = room.saturating_sub(lines.len());
        lines.extend(crate::ui::clipped(&answer, width, left, theme::bold()));
    } else {
        lines.push(Line::from(Span::styled(Msg::NoAnswerYet.get(lang), theme::dim())));
    }
    crate::ui::paragraph(frame.buffer_mut(), inner, lines);
}
