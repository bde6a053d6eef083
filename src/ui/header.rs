//! The top of the session screen: title, the phase strip, the current
//! phase's aim and result, and the pane tabs.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::theme;
use crate::app::{AppState, SessionScreen};
use crate::domain::{Phase, PhaseMark};
use crate::i18n::{self, Msg};
use crate::panes::PANES;
use crate::text::{safe_line, truncate};

pub fn draw_title(frame: &mut Frame, area: Rect, state: &AppState, s: &SessionScreen) {
    let lang = state.lang;
    let session = &s.session;
    // The agenda's running clock (issue 12), with its words when there is room.
    let mut clock = crate::panes::agenda::header_clock(state, s, area.width >= 100).unwrap_or_default();
    // A game round's time left (issue 12), with its one-minute warning.
    clock.extend(crate::panes::game::header_timer(state, s).unwrap_or_default());
    let clock_w: usize = clock.iter().map(|c| c.content.width()).sum();
    let width = (area.width as usize).saturating_sub(clock_w + 1);
    let date = i18n::date(lang, session.meeting_date);
    let mut right = String::new();
    // A follow-up without a reading of its own shows the last one of the
    // earlier meetings, as a reference (dimmed, "last time").
    let (reading, earlier) = match session.latest_temperature() {
        Some(t) => (Some(t.level), false),
        None => {
            let last = s.chain.as_ref().and_then(|c| c.iter().rev().find_map(|m| m.latest_temperature()));
            (last.map(|t| t.level), last.is_some())
        }
    };
    if let Some(level) = reading {
        let level = i18n::temperature_label(lang, level);
        let when = if earlier { format!(" ({})", Msg::TemperatureLastTime.get(lang)) } else { String::new() };
        right = format!("{}: {level}{when} ", Msg::Temperature.get(lang));
        // Where the title and the date would not fit beside the word
        // "temperature", the level alone says it (its colour too).
        if width < right.width() + date.width() + TITLE_MIN + 4 {
            right = format!("{level}{when} ");
        }
    }
    let room = width.saturating_sub(right.width());
    let left = title_line(&safe_line(&session.title), &date, &safe_line(&session.facilitator), room);
    let gap = (area.width as usize).saturating_sub(left.width() + clock_w + right.width());
    let mut spans = vec![Span::styled(left, theme::title()), Span::raw(" ".repeat(gap))];
    spans.extend(clock);
    let style = if earlier { theme::dim() } else { temperature_style(reading) };
    spans.push(Span::styled(right, style));
    let line = Line::from(spans);
    super::put::line(frame.buffer_mut(), area, &line);
}

/// The title keeps at least this many columns before the date gives way.
const TITLE_MIN: usize = 12;

/// " title · date · facilitator" in `room` columns: the facilitator goes
/// first, then the title is shortened ("…"); the date stays whole while the
/// title keeps [`TITLE_MIN`] columns.
fn title_line(title: &str, date: &str, facilitator: &str, room: usize) -> String {
    let mut full = format!(" {title} · {date}");
    if !facilitator.is_empty() {
        full.push_str(&format!(" · {facilitator}"));
    }
    if full.width() <= room {
        return full;
    }
    let tail = format!(" · {date}");
    let title_room = room.saturating_sub(tail.width() + 1);
    if title_room >= TITLE_MIN.min(title.width()) {
        return format!(" {}{tail}", truncate(title, title_room));
    }
    truncate(&format!(" {title}{tail}"), room).into_owned()
}

fn temperature_style(t: Option<crate::domain::Temperature>) -> ratatui::style::Style {
    use crate::domain::Temperature::*;
    match t {
        Some(Vriendschappelijk) => theme::ok(),
        Some(Waakzaam) => theme::open_agreement(),
        Some(Onenigheid) | Some(Conflict) => theme::overdue(),
        None => theme::plain(),
    }
}

/// The five phases as a strip: the current one highlighted, the ones before
/// it that were visited ticked, later ones reached and then stepped back
/// from marked `↩`. When the names do not fit, phases other than the current show
/// only their number.
pub fn draw_phases(frame: &mut Frame, area: Rect, state: &AppState, s: &SessionScreen) {
    let lang = state.lang;
    let current = s.session.phase;
    let cell = |p: Phase, with_name: bool| {
        let mark = s.session.phase_mark(p).sign();
        if with_name || p == current {
            format!(" {mark}{} {} ", p.number(), i18n::phase_short(lang, p))
        } else {
            format!(" {mark}{} ", p.number())
        }
    };
    let full: usize = Phase::ALL.iter().map(|p| cell(*p, true).width() + 1).sum();
    let with_names = full <= area.width as usize;
    let mut spans = Vec::new();
    for (i, p) in Phase::ALL.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled("›", theme::dim()));
        }
        let style = match s.session.phase_mark(p) {
            PhaseMark::Current => theme::phase_current(),
            PhaseMark::Done | PhaseMark::SteppedBack => theme::phase_visited(),
            PhaseMark::Ahead => theme::phase_ahead(),
        };
        spans.push(Span::styled(cell(p, with_names), style));
    }
    super::put::line(frame.buffer_mut(), area, &Line::from(spans));
}

pub fn draw_aim(frame: &mut Frame, area: Rect, state: &AppState, s: &SessionScreen) {
    let lang = state.lang;
    let p = s.session.phase;
    let parts = [
        (format!(" {}: ", Msg::Aim.get(lang)), theme::label()),
        (i18n::phase_aim(lang, p).to_string(), theme::plain()),
        (format!(" · {}: ", Msg::Result.get(lang)), theme::label()),
        (i18n::phase_result(lang, p).to_string(), theme::plain()),
    ];
    // Shorten from the end so the labels stay readable.
    let mut room = area.width as usize;
    let mut spans = Vec::new();
    for (text, style) in parts {
        if room == 0 {
            break;
        }
        let t = truncate(&text, room).into_owned();
        room = room.saturating_sub(t.width());
        spans.push(Span::styled(t, style));
    }
    super::put::line(frame.buffer_mut(), area, &Line::from(spans));
}

pub fn draw_tabs(frame: &mut Frame, area: Rect, state: &AppState, s: &SessionScreen) {
    let lang = state.lang;
    let tabs: Vec<Tab> = PANES
        .iter()
        .enumerate()
        .map(|(i, pane)| Tab {
            title: pane.title().get(lang).to_string(),
            count: pane.tab(s, lang),
            active: i == s.pane,
        })
        .collect();
    let texts = fit_tabs(&tabs, area.width as usize);
    let mut spans = vec![Span::raw(" ")];
    for ((i, pane), text) in PANES.iter().enumerate().zip(texts) {
        let style = if i == s.pane {
            theme::tab_active()
        } else if pane.tab_alert(s) {
            // An overdue agreement is visible from every pane.
            theme::overdue()
        } else {
            theme::bold()
        };
        spans.push(Span::styled(text, style));
        spans.push(Span::raw(" "));
    }
    super::put::line(frame.buffer_mut(), area, &Line::from(spans));
}

/// One tab as it would be shown in full.
struct Tab {
    title: String,
    count: String,
    active: bool,
}

/// The tab texts that fit `width` columns (with a space before the first
/// and after each). In full when they fit; else the other tabs lose their
/// counts, then their titles shorten (with `…`) down to three letters; the
/// active tab always keeps its count, so what the facilitator is looking at
/// is never cut.
fn fit_tabs(tabs: &[Tab], width: usize) -> Vec<String> {
    let total = |texts: &[String]| 1 + texts.iter().map(|t| t.width() + 1).sum::<usize>();
    let full = |t: &Tab| format!(" {} ({}) ", t.title, t.count);
    let texts: Vec<String> = tabs.iter().map(full).collect();
    if total(&texts) <= width {
        return texts;
    }
    let longest = tabs.iter().map(|t| t.title.width()).max().unwrap_or(0);
    let mut texts = Vec::new();
    for keep in (3..=longest).rev() {
        texts = tabs
            .iter()
            .map(|t| if t.active { full(t) } else { format!(" {} ", truncate(&t.title, keep)) })
            .collect();
        if total(&texts) <= width {
            break;
        }
    }
    texts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tabs(active: usize) -> Vec<Tab> {
        [
            ("Belangen", "7"),
            ("Afspraken", "4 open, 1 te laat"),
            ("Reflectie", "5"),
            ("Tijdlijn", "12"),
            ("Grondvorm", "⚠ 5/15"),
            ("Relatie", "3"),
            ("Agenda", "2/6"),
        ]
        .iter()
        .enumerate()
        .map(|(i, (title, count))| Tab {
            title: title.to_string(),
            count: count.to_string(),
            active: i == active,
        })
        .collect()
    }

    fn width(texts: &[String]) -> usize {
        1 + texts.iter().map(|t| t.width() + 1).sum::<usize>()
    }

    #[test]
    fn the_date_stays_whole_and_the_title_gives_way() {
        let title = "Weer thuis in de wijk — Zuiderveld";
        let full = title_line(title, "12 mrt 2026", "Anouk de Vries", 100);
        assert_eq!(full, " Weer thuis in de wijk — Zuiderveld · 12 mrt 2026 · Anouk de Vries");
        assert_eq!(
            title_line(title, "12 mrt 2026", "Anouk de Vries", 60),
            " Weer thuis in de wijk — Zuiderveld · 12 mrt 2026"
        );
        let short = title_line(title, "12 mrt 2026", "Anouk", 40);
        assert_eq!(short, " Weer thuis in de wijk — … · 12 mrt 2026");
        assert!(short.width() <= 40);
        // Too narrow even for a short title: the line is cut at the end.
        assert_eq!(title_line(title, "12 mrt 2026", "", 12).width(), 12);
    }

    #[test]
    fn tabs_are_whole_when_they_fit() {
        let texts = fit_tabs(&tabs(1), 200);
        assert_eq!(texts[1], " Afspraken (4 open, 1 te laat) ");
        assert_eq!(texts[4], " Grondvorm (⚠ 5/15) ");
    }

    #[test]
    fn seven_tabs_fit_eighty_columns_with_the_active_one_whole() {
        for active in 0..7 {
            let t = tabs(active);
            let texts = fit_tabs(&t, 80);
            assert!(width(&texts) <= 80, "{texts:?}");
            assert_eq!(texts[active], format!(" {} ({}) ", t[active].title, t[active].count));
            // Every other tab still says which pane it is.
            for (i, text) in texts.iter().enumerate().filter(|(i, _)| *i != active) {
                assert!(text.trim().chars().count() >= 3, "{i}: {text:?}");
                assert!(t[i].title.starts_with(text.trim().trim_end_matches('…')), "{text:?}");
            }
        }
        // At 120 columns the other titles are whole, only counts go.
        let texts = fit_tabs(&tabs(1), 120);
        assert_eq!(texts[0], " Belangen ");
        assert_eq!(texts[6], " Agenda ");
    }
}
