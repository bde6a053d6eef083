//! Drawing the relationship pane: a summary line, only the visible rows,
//! and the selected row in full below. Trends are compact sparklines of the
//! collaboration's meetings, cut to the last ones that fit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{M, Row, Section, Showing, State, problems};
use crate::app::{AppState, SessionScreen};
use crate::content::relationship::{W, guide};
use crate::domain::{ConditionFlag, Session, Temperature, TrustStage, format_tenths, sparkline};
use crate::i18n::{Lang, Msg, temperature_label};
use crate::layout::ListAreas;
use crate::text::{pad, safe_line, truncate};
use crate::ui::theme;

/// The pane's parts: a summary line (`header`), the rows, the detail box.
pub(super) fn areas(body: Rect) -> ListAreas {
    crate::layout::detail_areas(body, &[(24, 9), (16, 7), (12, 5)])
}

/// The last `n` values of a series: what fits.
fn last<T: Copy>(values: &[T], n: usize) -> &[T] {
    &values[values.len().saturating_sub(n)..]
}

/// The thermometer over the meetings: one bar per meeting, higher is hotter.
pub(super) fn temperature_line(values: &[Option<Temperature>]) -> String {
    const BARS: [char; 4] = ['▁', '▃', '▅', '█'];
    values.iter().map(|v| v.map_or('·', |t| BARS[t as usize])).collect()
}

/// The trust stage over the meetings: one bar per meeting, higher is
/// further along the four stages.
pub(super) fn trust_line(values: &[Option<TrustStage>]) -> String {
    const BARS: [char; 4] = ['▂', '▄', '▆', '█'];
    values.iter().map(|v| v.map_or('·', |s| BARS[s.index()])).collect()
}

/// How many meetings a trend shows at this width.
fn trend_width(width: usize) -> usize {
    if width >= 100 { 24 } else { 12 }
}

fn summary_line(lang: Lang, session: &Session, st: &State, width: usize) -> Line<'static> {
    let n = trend_width(width);
    let mut spans = vec![Span::styled(format!("{}: ", Msg::Temperature.get(lang)), theme::label())];
    match session.latest_temperature() {
        Some(t) => spans.push(Span::styled(temperature_label(lang, t.level).to_string(), theme::bold())),
        None => spans.push(Span::styled("—".to_string(), theme::dim())),
    }
    if st.temperatures.len() > 1 {
        spans.push(Span::styled(format!(" {}", temperature_line(last(&st.temperatures, n))), theme::plain()));
    }
    spans.push(Span::styled(format!(" · {}: ", W::Trust.get(lang)), theme::label()));
    match &session.trust {
        Some(t) => spans.push(Span::styled(t.stage.number().to_string(), theme::bold())),
        None => spans.push(Span::styled("—".to_string(), theme::dim())),
    }
    if st.trust.len() > 1 {
        spans.push(Span::styled(format!(" {}", trust_line(last(&st.trust, n))), theme::plain()));
    }
    let means = st.trend.means();
    if let Some(Some(v)) = means.last() {
        spans.push(Span::styled(format!(" · {}: ", W::Mean.get(lang)), theme::label()));
        spans.push(Span::styled(format_tenths(*v, lang == Lang::Nl), theme::bold()));
        if means.len() > 1 {
            spans.push(Span::styled(format!(" {}", sparkline(last(&means, n))), theme::plain()));
        }
    }
    if !st.flags.is_empty() {
        spans.push(Span::styled(format!(" ⚠ {}", st.flags.len()), theme::warning()));
    }
    Line::from(spans)
}

/// "⚠ laag", "⚠ gedaald", "⚠ partijen lopen uiteen" for a condition.
pub(super) fn flag_words(lang: Lang, flags: &[ConditionFlag], c: crate::domain::Condition) -> String {
    let words: Vec<&str> = flags
        .iter()
        .filter(|f| f.condition() == c)
        .map(|f| match f {
            ConditionFlag::Low { .. } => W::Low.get(lang),
            ConditionFlag::Drop { .. } => W::Drop.get(lang),
            ConditionFlag::Spread { .. } => W::Spread.get(lang),
        })
        .collect();
    if words.is_empty() { String::new() } else { format!("⚠ {}", words.join(", ")) }
}

/// The name column of a condition.
fn name_width(width: usize) -> usize {
    (width / 3).clamp(20, 32)
}

/// One row of the list, `width` wide.
fn row_line(lang: Lang, session: &Session, st: &State, row: Row, width: usize) -> Vec<(String, Style)> {
    let g = guide();
    let time = |t: crate::domain::Timestamp| t.format("%H:%M").to_string();
    match row {
        Row::Heading(Section::Problems | Section::Route)
        | Row::Problem(_)
        | Row::Indicator(..)
        | Row::Intervention(..)
        | Row::Route(_) => problems::row_line(lang, session, st, row, width),
        Row::Heading(section) => {
            let title = match section {
                Section::Thermometer => M::SecThermometer,
                _ => M::SecConditions,
            };
            let mut cells = vec![(title.get(lang).to_uppercase(), theme::label())];
            if section == Section::Thermometer && session.temperature.is_empty() {
                cells.push((format!(" · {}", M::NoReadings.get(lang)), theme::dim()));
            }
            cells
        }
        Row::Reading(i) => {
            let r = &session.temperature[i];
            let open = st.open_reading(session) == Some(i);
            let reader = match r.party.as_deref().and_then(|p| session.party(p)) {
                Some(p) => safe_line(&p.organisation).into_owned(),
                None => W::FacilitatorReader.get(lang).to_string(),
            };
            let tried = if r.tried.is_empty() { String::new() } else { format!("✓{} ", r.tried.len()) };
            vec![
                (format!(" {} {} ", if open { "▾" } else { "▸" }, time(r.at)), theme::plain()),
                (pad(temperature_label(lang, r.level), 18), theme::bold()),
                (pad(&truncate(&reader, 22), 23), theme::plain()),
                (tried, theme::ok()),
                (safe_line(&r.note).into_owned(), theme::plain()),
            ]
        }
        Row::Tried(i, k) => {
            let r = &session.temperature[i];
            let item = &g.level(r.level).interventions[k];
            let at = r.tried.get(&item.id).map(|t| t.at);
            let mark = format!("     [{}] ", if at.is_some() { "x" } else { " " });
            let when = at.map_or("      ".to_string(), |t| format!("{} ", time(t)));
            let style = if at.is_some() { theme::bold() } else { theme::plain() };
            vec![(mark, style), (when, theme::ok()), (item.text.get(lang).to_string(), style)]
        }
        Row::Trust => {
            let label = (format!("{}: ", W::Trust.get(lang).to_uppercase()), theme::label());
            match &session.trust {
                Some(t) => vec![
                    label,
                    (format!("{} {}", t.stage.number(), g.stage(t.stage).name.get(lang)), theme::bold()),
                    (format!(" · {}", safe_line(&t.note)), theme::plain()),
                ],
                None => vec![label, (M::NoTrust.get(lang).to_string(), theme::dim())],
            }
        }
        Row::Condition(c) => {
            let nw = name_width(width);
            let name = (format!(" {}", pad(g.condition(c).name.get(lang), nw - 1)), theme::plain());
            let check = session.conditions.get(&c);
            let value = check.and_then(|x| x.value());
            let score = match (check.and_then(|x| x.score), value) {
                (Some(s), _) => (pad(&s.to_string(), 4), theme::bold()),
                (None, Some(v)) => {
                    (pad(&format!("~{}", format_tenths(v, lang == Lang::Nl)), 4), theme::bold())
                }
                (None, None) => (pad("·", 4), theme::dim()),
            };
            let series = st.trend.series(c);
            let shown = series.len().min(trend_width(width));
            let trend = pad(&sparkline(last(&series, shown)), shown.max(3) + 1);
            let flags = flag_words(lang, &st.flags, c);
            let parties = check.map_or(0, |x| x.parties.len());
            let parties = if parties > 0 { format!("{parties}× ") } else { String::new() };
            let note = check.map_or(String::new(), |x| safe_line(&x.note).into_owned());
            vec![
                name,
                score,
                (trend, theme::plain()),
                (if flags.is_empty() { flags } else { format!("{flags} ") }, theme::warning()),
                (parties, theme::label()),
                (note, theme::plain()),
            ]
        }
    }
}

pub(super) fn draw(frame: &mut Frame, area: Rect, state: &AppState, s: &SessionScreen, st: &State) {
    let lang = state.lang;
    let a = areas(area);
    let session = &s.session;
    let summary = match st.showing {
        Showing::Relation => summary_line(lang, session, st, area.width as usize),
        Showing::Problems => Line::from(
            problems::summary(lang, session).into_iter().map(|(t, s)| Span::styled(t, s)).collect::<Vec<_>>(),
        ),
    };
    crate::ui::paragraph(frame.buffer_mut(), a.header, summary);
    let width = a.rows.width as usize;
    let visible = a.rows.height as usize;
    let top = st.cursor.top_for(visible);
    let buf = frame.buffer_mut();
    for (n, selected) in st.cursor.visible(st.rows.len(), visible) {
        let y = a.rows.y + (n - top) as u16;
        let mut x = a.rows.x;
        if selected {
            crate::ui::put(buf, x, y, &" ".repeat(width), width, theme::selected());
        }
        for (text, style) in row_line(lang, session, st, st.rows[n], width) {
            let style = if selected { style.patch(theme::selected()) } else { style };
            let room = a.rows.right().saturating_sub(x) as usize;
            // A cell cut at the edge (a long note or intervention) ends in "…".
            let text = truncate(&text, room);
            let (nx, _) = crate::ui::put(buf, x, y, &text, room, style);
            x = nx;
        }
    }
    super::detail::draw(frame, a.detail, lang, session, st);
}
