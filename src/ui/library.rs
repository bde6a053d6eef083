//! The session library: every session in the folder, the meetings of one
//! collaboration together; a file that does not load is listed with its
//! error. Also its views: search results, the portfolio and the overview of
//! one collaboration.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{bars, theme};
use crate::app::{AppState, EntryState, Library, LibraryRow, LibrarySort, LibraryView};
use crate::domain::{ChainOverview, InterestChangeKind, TextKind, is_table, table_words};
use crate::i18n::{self, Lang, Msg};
use crate::layout::library_areas;
use crate::text::{pad, safe_line, truncate};

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState, lib: &Library) {
    let lang = state.lang;
    let [title, header, rows, status, hints] = library_areas(area);
    let dir = safe_line(&state.sessions_dir.display().to_string()).into_owned();
    let what = match &lib.view {
        LibraryView::List => {
            let sort = if lib.sort == LibrarySort::Date { Msg::SortedByDate } else { Msg::SortedByTitle };
            format!("{} · {dir} · {}", Msg::Sessions.get(lang), sort.get(lang))
        }
        LibraryView::Search { query, hits, .. } => {
            format!(
                "{}: “{}” · {} {}",
                Msg::SearchTitle.get(lang),
                safe_line(query),
                hits.len(),
                if hits.len() == 1 { Msg::Hit } else { Msg::Hits }.get(lang)
            )
        }
        LibraryView::Portfolio { .. } => Msg::Portfolio.get(lang).to_string(),
        LibraryView::Overview { overview, .. } => {
            format!("{} · {}", Msg::Overview.get(lang), safe_line(&overview.title))
        }
    };
    let t = Line::from(vec![
        Span::styled(" kompas ", theme::phase_current()),
        Span::styled(
            format!("  {}", truncate(&what, title.width.saturating_sub(10) as usize)),
            theme::title(),
        ),
    ]);
    frame.render_widget(Paragraph::new(t), title);
    match &lib.view {
        LibraryView::List => draw_list(frame, header, rows, state, lib),
        LibraryView::Search { hits, cursor, .. } => {
            let visible = rows.height as usize;
            let top = cursor.top_for(visible);
            if hits.is_empty() {
                frame.render_widget(
                    Paragraph::new(Span::styled(format!("  {}", Msg::NoHits.get(lang)), theme::bold())),
                    rows,
                );
            }
            let buf = frame.buffer_mut();
            let width = rows.width as usize;
            for (n, selected) in cursor.visible(hits.len(), visible) {
                let hit = &hits[n];
                let e = &lib.entries[hit.entry];
                let (date, title) = e.summary().map_or((String::new(), e.file_name()), |s| {
                    (i18n::date(lang, s.meeting_date), s.title.clone())
                });
                let line = format!(
                    "  {}{}{}{}",
                    pad(&date, 13),
                    pad(&safe_line(&title), 28),
                    pad(kind_label(lang, hit.kind), 14),
                    safe_line(&hit.snippet)
                );
                let style = if selected { theme::selected() } else { theme::plain() };
                buf.set_stringn(rows.x, rows.y + (n - top) as u16, pad(&line, width), width, style);
            }
        }
        LibraryView::Portfolio { lines, scroll } => {
            let report = lines.iter().flat_map(|l| portfolio_lines(lang, l));
            let area = Rect { height: rows.height + 1, y: header.y, ..rows };
            draw_report(frame, area, report, lines.len() * 2, scroll.0);
        }
        LibraryView::Overview { overview, scroll } => {
            let report = overview_lines(lang, overview);
            let total = report.len();
            draw_report(
                frame,
                Rect { height: rows.height + 1, y: header.y, ..rows },
                report.into_iter(),
                total,
                scroll.0,
            );
        }
    }
    if let Some(n) = &state.notice {
        let text = n.text.say(lang);
        let style = if n.error { theme::error() } else { theme::bold() };
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" {}", truncate(&text, status.width as usize - 1)), style)),
            status,
        );
    } else if lib.loading {
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" {}", Msg::Loading.get(lang)), theme::dim())),
            status,
        );
    }
    bars::draw_hints(frame, hints, state);
}

/// A report of `total` lines that scrolls (never past its end): only the
/// lines in view are made into the frame.
fn draw_report<'a>(
    frame: &mut Frame,
    area: Rect,
    report: impl Iterator<Item = Line<'a>>,
    total: usize,
    scroll: usize,
) {
    let scroll = scroll.min(total.saturating_sub(area.height as usize));
    let width = area.width as usize;
    let visible: Vec<Line> =
        report.skip(scroll).take(area.height as usize).map(|l| super::fit_line(l, width)).collect();
    frame.render_widget(Paragraph::new(visible), area);
}

/// The title, then the basic form and a flag when meetings or parties mix
/// forms.
fn title_and_form(lang: Lang, l: &crate::app::PortfolioLine) -> Line<'static> {
    use crate::content::grondvorm::{Words, content};
    let mut spans = vec![Span::styled(format!("  {}", safe_line(&l.title)), theme::bold())];
    if let Some(f) = l.form.form {
        spans.push(Span::raw(format!(" · {}", content().form(f).name.get(lang))));
    }
    let mix = [(l.form.meetings_mix, Words::MixedMeetings), (l.form.parties_mix, Words::FormMismatch)];
    for (_, m) in mix.iter().filter(|(on, _)| *on) {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(format!("⚠ {}", m.get(lang)), theme::warning()));
    }
    Line::from(spans)
}

/// A collaboration of the portfolio: its title, then who, where and what.
fn portfolio_lines(lang: Lang, l: &crate::app::PortfolioLine) -> [Line<'static>; 3] {
    let temp = l.temperature.map(|t| format!(" · {}", i18n::temperature_label(lang, t))).unwrap_or_default();
    let overdue = if l.overdue_agreements > 0 {
        format!(", {} {}", l.overdue_agreements, Msg::Overdue.get(lang))
    } else {
        String::new()
    };
    [
        title_and_form(lang, l),
        Line::from(format!(
            "    {} · {} {} · {} {}{overdue} · {} {} ({} {}){temp}",
            safe_line(&l.parties.join(" · ")),
            l.phase.number(),
            i18n::phase_short(lang, l.phase),
            l.open_agreements,
            Msg::FilterOpen.get(lang),
            Msg::LastMeeting.get(lang),
            i18n::date(lang, l.last_meeting),
            l.meetings,
            Msg::Meetings.get(lang),
        )),
        relationship_line(lang, &l.relationship),
    ]
}

/// The five conditions' mean over the meetings, flagged when one scored
/// low or dropped in the latest meeting, and the trust stage (issue 10).
fn relationship_line(lang: Lang, r: &crate::domain::RelationshipLine) -> Line<'static> {
    use crate::content::relationship::{W, guide};
    let mut spans = vec![Span::raw(format!("    {}: ", W::FiveConditions.get(lang)))];
    match r.latest {
        Some(mean) => {
            let mean = crate::domain::format_tenths(mean, lang == Lang::Nl);
            spans.push(Span::raw(format!("{} {mean}", r.sparkline)));
            if r.flagged {
                spans.push(Span::styled(" ⚠".to_string(), theme::warning()));
            }
        }
        None => spans.push(Span::styled("—".to_string(), theme::dim())),
    }
    if let Some(t) = r.trust {
        let name = guide().stage(t).name.get(lang);
        spans.push(Span::raw(format!(" · {}: {} {name}", W::Trust.get(lang), t.number())));
    }
    Line::from(spans)
}

fn kind_label(lang: Lang, k: TextKind) -> &'static str {
    let m = match k {
        TextKind::Title => Msg::Title,
        TextKind::Party => Msg::Party,
        TextKind::Interest => Msg::Interest,
        TextKind::NetworkQuestion => Msg::Party,
        TextKind::Ambition => Msg::Ambition,
        TextKind::Context => Msg::Context,
        TextKind::Agreement => Msg::Agreement,
        TextKind::Question => Msg::Question,
        TextKind::Answer => Msg::Answer,
        TextKind::Note => Msg::Note,
        TextKind::Grondvorm => crate::content::grondvorm::Words::Grondvorm,
    };
    m.get(lang)
}

const DATE_W: usize = 14;
const PHASE_W: usize = 16;
const PARTIES_W: usize = 9;
const AGREEMENTS_W: usize = 14;
/// The latest temperature is shown from this width up.
const TEMPERATURE_W: usize = 18;
/// So is the five conditions' trend: the last meetings that fit.
const TREND_W: usize = 10;
const WIDE: u16 = 100;

fn draw_list(frame: &mut Frame, header: Rect, rows: Rect, state: &AppState, lib: &Library) {
    let lang = state.lang;
    let temp_w = if rows.width >= WIDE { TEMPERATURE_W } else { 0 };
    let trend_w = if rows.width >= WIDE { TREND_W } else { 0 };
    let title_w = (rows.width as usize)
        .saturating_sub(3 + DATE_W + PHASE_W + PARTIES_W + AGREEMENTS_W + temp_w + trend_w);
    let head = format!(
        "  {}{}{}{}{}{}{}",
        pad(Msg::MeetingDate.get(lang), DATE_W),
        pad(Msg::Title.get(lang), title_w),
        pad(Msg::Phase.get(lang), PHASE_W),
        pad(Msg::Parties.get(lang), PARTIES_W),
        pad(Msg::PaneAgreements.get(lang), AGREEMENTS_W),
        pad(Msg::Temperature.get(lang), temp_w),
        pad(crate::content::relationship::W::Trend.get(lang), trend_w),
    );
    frame.render_widget(Paragraph::new(Span::styled(head, theme::label())), header);
    if lib.rows.is_empty() {
        let msg = if lib.loading {
            Msg::Loading
        } else if lib.filter.is_empty() {
            Msg::NoSessions
        } else {
            Msg::NoHits
        };
        frame
            .render_widget(Paragraph::new(Span::styled(format!("  {}", msg.get(lang)), theme::bold())), rows);
        return;
    }
    let visible = rows.height as usize;
    let top = lib.cursor.top_for(visible);
    let width = rows.width as usize;
    let buf = frame.buffer_mut();
    for (n, selected) in lib.cursor.visible(lib.rows.len(), visible) {
        let row = &lib.rows[n];
        let e = &lib.entries[row.entry()];
        let (line, style): (String, Style) = match (row, &e.state) {
            (LibraryRow::Meeting { follow_up, .. }, EntryState::Loaded(l)) => {
                let s = &l.summary;
                let agreements = if s.overdue_agreements > 0 {
                    format!("{} {} !{}", s.open_agreements, Msg::FilterOpen.get(lang), s.overdue_agreements)
                } else {
                    format!("{} {}", s.open_agreements, Msg::FilterOpen.get(lang))
                };
                let title = if *follow_up {
                    format!("└ {}", safe_line(&s.title))
                } else {
                    safe_line(&s.title).into_owned()
                };
                let phase = format!("{} {}", s.phase.number(), i18n::phase_short(lang, s.phase));
                let temperature = s.latest_temperature.map_or("—", |t| i18n::temperature_label(lang, t));
                // The chain's trend up to this meeting, its last meetings.
                let trend = lib.trends.get(n).map_or("", String::as_str);
                let skip = trend.chars().count().saturating_sub(trend_w.saturating_sub(1));
                let trend: String = trend.chars().skip(skip).collect();
                let line = format!(
                    "  {}{}{}{}{}{}{}",
                    pad(&i18n::date(lang, s.meeting_date), DATE_W),
                    pad(&title, title_w),
                    pad(&phase, PHASE_W),
                    pad(&s.parties.len().to_string(), PARTIES_W),
                    pad(&agreements, AGREEMENTS_W),
                    pad(temperature, temp_w),
                    pad(&trend, trend_w),
                );
                let style = if s.overdue_agreements > 0 { theme::open_agreement() } else { theme::plain() };
                (line, style)
            }
            // A copy of the meeting above (issue 8): what made it, its file.
            (LibraryRow::Copy { entry, .. }, _) => {
                let label = lib.copies[*entry]
                    .as_ref()
                    .map(|c| crate::app::copies::copy_label(lang, c.kind, &c.device))
                    .unwrap_or_default();
                let line = format!("  {}└ ⧉ {label} · {}", pad("", DATE_W), safe_line(&e.file_name()));
                (line, theme::warning())
            }
            (_, EntryState::Failed(err)) => (format!("  ⚠ {}", err.describe(lang)), theme::warning()),
            _ => (format!("  … {}", safe_line(&e.file_name())), theme::dim()),
        };
        let style = if selected { style.patch(theme::selected()) } else { style };
        buf.set_stringn(rows.x, rows.y + (n - top) as u16, pad(&line, width), width, style);
    }
}

fn overview_lines(lang: Lang, o: &ChainOverview) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::from(Span::styled(format!("  {}", safe_line(&o.parties.join(" · "))), theme::bold())),
        Line::from(""),
        Line::from(Span::styled(format!("  {}", Msg::PhasesOverMeetings.get(lang)), theme::label())),
    ];
    for m in &o.meetings {
        let phases: Vec<String> =
            m.phases.iter().map(|p| format!("{} {}", p.number(), i18n::phase_short(lang, *p))).collect();
        let temp =
            m.temperature.map(|t| format!(" · {}", i18n::temperature_label(lang, t))).unwrap_or_default();
        lines.push(Line::from(format!("    {:<13} {}{temp}", i18n::date(lang, m.date), phases.join(" → "))));
        lines.push(Line::from(Span::styled(
            format!(
                "    {:<13} {}: {} {}, {} {}, {} {}, {} {}, {} {}",
                "",
                Msg::PaneAgreements.get(lang),
                m.made,
                Msg::Made.get(lang),
                m.carried,
                Msg::Carried.get(lang),
                m.done,
                i18n::status_label(lang, crate::domain::AgreementStatus::Done),
                m.dropped,
                i18n::status_label(lang, crate::domain::AgreementStatus::Dropped),
                m.open,
                Msg::StillOpen.get(lang),
            ),
            theme::dim(),
        )));
    }
    lines.push(Line::from(""));
    lines.push(relationship_line(lang, &o.relationship));
    let a = &o.agreements;
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(format!("  {}", Msg::AgreementsOverall.get(lang)), theme::label())));
    lines.push(Line::from(format!(
        "    {} {} · {} {} · {} {} · {} {}",
        a.made,
        Msg::Made.get(lang),
        a.kept,
        Msg::Kept.get(lang),
        a.dropped,
        i18n::status_label(lang, crate::domain::AgreementStatus::Dropped),
        a.open,
        Msg::StillOpen.get(lang)
    )));
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(format!("  {}", Msg::InterestsChanged.get(lang)), theme::label())));
    for c in &o.interest_changes {
        let (mark, note) = match &c.change {
            InterestChangeKind::Appeared => ("+", Msg::Appeared.get(lang).to_string()),
            InterestChangeKind::Changed(before) => {
                ("~", format!("{} ({})", Msg::Changed.get(lang), safe_line(before)))
            }
        };
        lines.push(Line::from(format!(
            "    {mark} {:<13} {} · {}: {} — {note}",
            i18n::date(lang, c.date),
            // The whole table (issue 9) is named in the UI language.
            safe_line(if is_table(&c.party) { table_words::WholeTable.get(lang) } else { &c.party }),
            i18n::kind_label(lang, c.kind),
            safe_line(&c.text)
        )));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::PortfolioLine;
    use crate::domain::chain_overview;

    #[test]
    fn the_report_sizes_the_app_scrolls_by_match_the_lines_drawn() {
        let mut s = crate::generate::session(
            crate::generate::Size { parties: 3, interests: 9, agreements: 6, reflections: 2 },
            3,
        );
        let now = s.updated_at;
        let next = s.follow_up("b".into(), "a.json", s.meeting_date.succ_opt().unwrap(), now);
        s.interests[0].text.push_str(" (bijgesteld)");
        let overview = chain_overview(&[s, next]);
        let drawn = overview_lines(Lang::Nl, &overview).len();
        let view = LibraryView::Overview { overview: Box::new(overview), scroll: Default::default() };
        assert_eq!(view.report_lines(), drawn);
        let mut scored = crate::generate::session(
            crate::generate::Size { parties: 2, interests: 2, agreements: 1, reflections: 1 },
            5,
        );
        scored.conditions.clear();
        let mut first = scored.clone();
        first.score_condition(crate::domain::Condition::Relatie, Some(4), "", now).unwrap();
        scored.score_condition(crate::domain::Condition::Relatie, Some(2), "", now).unwrap();
        scored.meeting_date = scored.meeting_date.succ_opt().unwrap();
        let overview = chain_overview(&[first, scored]);
        assert_eq!(overview.relationship.latest, Some(20));
        let trend = format!("{} 2", overview.relationship.sparkline);
        let text: Vec<String> = overview_lines(Lang::En, &overview).iter().map(|l| l.to_string()).collect();
        assert!(
            overview.relationship.sparkline.chars().count() == 2 && text.iter().any(|l| l.contains(&trend)),
            "the overview shows the five conditions' trend over the meetings: {text:#?}"
        );
        let view = LibraryView::Overview { overview: Box::new(overview), scroll: Default::default() };
        assert_eq!(view.report_lines(), text.len());
        let line = PortfolioLine {
            title: "t".into(),
            parties: vec![],
            meetings: 1,
            last_meeting: now.date_naive(),
            phase: crate::domain::Phase::Delen,
            open_agreements: 0,
            overdue_agreements: 0,
            temperature: None,
            form: Default::default(),
            relationship: Default::default(),
        };
        let view =
            LibraryView::Portfolio { lines: vec![line.clone(), line.clone()], scroll: Default::default() };
        assert_eq!(view.report_lines(), 2 * portfolio_lines(Lang::En, &line).len());
    }
}
