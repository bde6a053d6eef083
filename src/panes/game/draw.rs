//! Drawing the game: its facts on the heading row, the three rounds and the
//! reflection questions with their answers (only the visible rows), the
//! selected row in full below, and the round timer for the title line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{GameMode, M, Row, State, Timer};
use crate::app::{AppState, SessionScreen};
use crate::content::origin_label;
use crate::domain::meeting::content::content;
use crate::domain::meeting::{DealMode, Game, GameRound};
use crate::i18n::Lang;
use crate::layout::list_areas;
use crate::panes::agenda::clock_text;
use crate::text::{safe_line, truncate, wrap};
use crate::ui::theme;

fn timer_style(t: Timer) -> Style {
    if t.left < 0 {
        theme::overdue()
    } else if t.warning() {
        theme::warning()
    } else {
        theme::ok()
    }
}

/// Time left (or over), with the warning in words in the last minute.
fn left_text(t: Timer, lang: Lang) -> String {
    if t.left < 0 {
        format!("{} {}", clock_text(-t.left), M::OverTime.get(lang))
    } else if t.warning() {
        format!("{} · {}", clock_text(t.left), M::LastMinute.get(lang))
    } else {
        format!("{} {}", clock_text(t.left), M::Left.get(lang))
    }
}

fn timer_text(t: Timer, lang: Lang) -> String {
    format!("{} {}: {}", M::Round.get(lang), t.round, left_text(t, lang))
}

/// The running round's time left, for the title line on every pane.
pub fn header_timer(state: &AppState, s: &SessionScreen) -> Option<Vec<Span<'static>>> {
    let t = s.local::<GameMode>().timer?;
    Some(vec![Span::styled(timer_text(t, state.lang), timer_style(t)), Span::raw(" ")])
}

fn assignment(r: &GameRound, lang: Lang) -> String {
    match r.assignment {
        Some(a) => content().assignment(a).name.get(lang).to_string(),
        None => r.own_assignment.clone(),
    }
}

/// A round on one line: assignment, state of its timer, decision.
fn round_line(g: &Game, n: u8, st: &State, lang: Lang) -> (String, Style) {
    let Some(r) = g.round(n) else { return (String::new(), theme::plain()) };
    let when = match (r.started_at, r.ended_at, st.timer.filter(|t| t.round == n)) {
        (_, _, Some(t)) => format!("▶ {}", left_text(t, lang)),
        (Some(a), Some(b), _) => format!("{} {}", M::Ended.get(lang), clock_text((b - a).num_seconds())),
        _ => M::NotStarted.get(lang).to_string(),
    };
    let mut text = format!("{} {n} · {} · {when}", M::Round.get(lang), assignment(r, lang));
    if !r.decision.is_empty() {
        text.push_str(&format!(" · {}: {}", M::Decision.get(lang), r.decision));
    }
    let style = if st.timer.is_some_and(|t| t.round == n) {
        theme::bold()
    } else if r.ended_at.is_some() {
        theme::done()
    } else {
        theme::plain()
    };
    (text, style)
}

fn facts(g: &Game, lang: Lang) -> String {
    let mut f = vec![
        format!("{} {} · {} {}", g.players(), M::PlayersShort.get(lang), g.seats.len(), M::Seats.get(lang)),
        format!("{} {}", clock_text(g.round_secs()), M::PerRound.get(lang)),
    ];
    match (g.deal, g.seed) {
        (DealMode::Kompas, Some(seed)) => f.push(format!("{} {seed}", M::Seed.get(lang))),
        _ => f.push(M::Physical.get(lang).to_string()),
    }
    if g.mixed_seating() {
        f.push(M::Mixed.get(lang).to_string());
    }
    if g.silent {
        f.push(M::BellOff.get(lang).to_string());
    }
    f.join(" · ")
}

pub(super) fn draw(frame: &mut Frame, area: Rect, state: &AppState, s: &SessionScreen, st: &State) {
    let lang = state.lang;
    let a = list_areas(area);
    let width = a.rows.width as usize;
    let Some(g) = st.game.map(|i| &s.session.games[i]) else {
        let mut lines = vec![Line::styled(format!(" {}", M::NoGame.get(lang)), theme::bold()), Line::raw("")];
        lines.push(Line::styled(format!(" {}", M::Cards.get(lang)), theme::label()));
        for (k, card) in content().assignments.iter().enumerate() {
            let text = format!(" {}. {}: {}", k + 1, card.name.get(lang), card.card.get(lang));
            lines.push(Line::raw(truncate(&safe_line(&text), width).into_owned()));
        }
        crate::ui::paragraph(frame.buffer_mut(), a.header.union(a.rows), lines);
        return;
    };
    let head = format!("{} · {}", M::Help.get(lang), facts(g, lang));
    crate::ui::paragraph(
        frame.buffer_mut(),
        a.header,
        Span::styled(truncate(&head, width).into_owned(), theme::label()),
    );

    let visible = a.rows.height as usize;
    let top = st.cursor.top_for(visible);
    let buf = frame.buffer_mut();
    for (n, selected) in st.cursor.visible(st.rows.len(), visible) {
        let y = a.rows.y + (n - top) as u16;
        let (text, style) = match st.rows[n] {
            Row::Round(k) => round_line(g, k, st, lang),
            Row::Question(set, k) => {
                let set = content().set(set);
                let q = &set.questions[k];
                (format!("  {} · {}", set.name.get(lang), q.text.get(lang)), theme::plain())
            }
            Row::Answer(i) => {
                let first = g.answers[i].answer.lines().next().unwrap_or("").to_string();
                (format!("      → {first}"), theme::bold())
            }
        };
        let text = truncate(&safe_line(&text), width).into_owned();
        let style = if selected { style.patch(theme::selected()) } else { style };
        crate::ui::put(buf, a.rows.x, y, &format!("{text:<width$}"), width, style);
    }
    draw_detail(frame, a.detail, state, g, st);
}

/// The selected row in full: a round's seats and cards, a question with
/// when it is asked, an answer.
fn draw_detail(frame: &mut Frame, area: Rect, state: &AppState, g: &Game, st: &State) {
    let lang = state.lang;
    let inner = crate::ui::detail_box(frame, area);
    let width = inner.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    match st.rows.get(st.cursor.sel) {
        Some(Row::Round(n)) => {
            let r = g.round(*n);
            let mut head = vec![format!(
                "{} {n}: {}",
                M::Round.get(lang),
                r.map(|r| assignment(r, lang)).unwrap_or_default()
            )];
            if GameRound::is_open_cards(*n) {
                head.push(M::OpenCards.get(lang).to_string());
            }
            if r.is_some_and(|r| r.without_consensus) {
                head.push(M::WithoutConsensus.get(lang).to_string());
            }
            lines.push(Line::styled(safe_line(&head.join(" · ")).into_owned(), theme::label()));
            let cards = r.map(|r| &r.cards);
            if cards.is_none_or(|c| c.is_empty()) {
                let msg = if g.deal == DealMode::Kompas { M::NotDealt } else { M::NotRecorded };
                lines.push(Line::raw(msg.get(lang)));
            }
            // With more seats than lines, the cards' names only.
            let rules = g.seats.len() < (inner.height as usize).saturating_sub(1);
            for (k, seat) in g.seats.iter().enumerate() {
                let Some(card) = cards.and_then(|c| c.get(&seat.id)) else { continue };
                let c = content().strategy(*card);
                let names = if seat.names.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", seat.names.join(", "))
                };
                let mut text = format!("{} {}{names}: {}", M::Seat.get(lang), k + 1, c.name.get(lang));
                if rules {
                    text.push_str(&format!(
                        " · {} {}",
                        c.rule.get(lang),
                        origin_label(c.rule.origin, lang, true)
                    ));
                    lines.push(Line::raw(truncate(&safe_line(&text), width).into_owned()));
                } else {
                    text.push_str("   ");
                    match lines.last_mut() {
                        Some(last) if k % 2 == 1 => last.spans.push(Span::raw(safe_line(&text).into_owned())),
                        _ => lines.push(Line::raw(safe_line(&text).into_owned())),
                    }
                }
            }
            if let Some(r) = r.filter(|r| !r.debrief.is_empty()) {
                lines.push(Line::raw(format!(
                    "{}: {}",
                    M::Debrief.get(lang),
                    safe_line(&r.debrief.replace('\n', " / "))
                )));
            }
        }
        Some(Row::Question(set, k)) => {
            let set = content().set(*set);
            let q = &set.questions[*k];
            lines.push(Line::styled(
                format!(
                    "{} · {} {}",
                    set.name.get(lang),
                    set.when.get(lang),
                    origin_label(set.when.origin, lang, true)
                ),
                theme::label(),
            ));
            lines.extend(wrap(&safe_line(q.text.get(lang)), width).into_iter().map(Line::raw));
        }
        Some(Row::Answer(i)) => {
            let a = &g.answers[*i];
            lines.push(Line::styled(a.created_at.format("%H:%M").to_string(), theme::dim()));
            for l in a.answer.lines() {
                lines.extend(wrap(&safe_line(l), width).into_iter().map(Line::raw));
            }
        }
        None => {}
    }
    let room = inner.height as usize;
    crate::ui::paragraph(frame.buffer_mut(), inner, lines.into_iter().take(room).collect::<Vec<_>>());
}
