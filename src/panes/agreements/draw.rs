//! Drawing the agreement log: only the visible rows, and the selected
//! agreement in full below.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{AgreementFilter, M, State};
use crate::app::{AppState, SessionScreen};
use crate::domain::{Agreement, AgreementStatus, Session};
use crate::i18n::{self, Lang, Msg};
use crate::layout::list_areas;
use crate::text::{pad, safe_line, wrap};
use crate::ui::theme;

const MARK_W: usize = 2;
const STATUS_W: usize = 12;
const OWNER_W: usize = 16;
// "! 31 okt 2027" (an overdue date of another year) and a space.
const DUE_W: usize = 14;
const PHASE_W: usize = 6;

fn status_style(a: &Agreement, overdue: bool) -> Style {
    match a.status {
        _ if overdue => theme::overdue(),
        AgreementStatus::Proposed | AgreementStatus::Agreed => theme::open_agreement(),
        AgreementStatus::Done => theme::done(),
        AgreementStatus::Dropped => theme::dropped(),
    }
}

fn text_style(a: &Agreement) -> Style {
    match a.status {
        AgreementStatus::Proposed | AgreementStatus::Agreed => theme::bold(),
        AgreementStatus::Done => theme::plain(),
        AgreementStatus::Dropped => theme::dropped(),
    }
}

/// A party's organisation, or the whole table.
fn party_name(session: &Session, id: &str, lang: Lang) -> String {
    session.holder_name(id, lang)
}

fn filter_label(lang: Lang, f: AgreementFilter) -> String {
    match f {
        AgreementFilter::All => Msg::FilterAll.get(lang).to_string(),
        AgreementFilter::Open => Msg::FilterOpen.get(lang).to_string(),
        AgreementFilter::Status(s) => i18n::status_label(lang, s).to_string(),
        AgreementFilter::ToReview => M::FilterToReview.get(lang).to_string(),
    }
}

pub(super) fn draw(frame: &mut Frame, area: Rect, state: &AppState, s: &SessionScreen, st: &State) {
    let lang = state.lang;
    let a = list_areas(area);
    let session = &s.session;
    let text_w = (area.width as usize).saturating_sub(MARK_W + STATUS_W + OWNER_W + DUE_W + PHASE_W + 1);

    let filter = format!("{}: {} (f)", Msg::Filter.get(lang), filter_label(lang, st.filter));
    // The filter, when one is on, stands in the text column's heading.
    let text_heading = if st.filter == AgreementFilter::All {
        Msg::Agreement.get(lang).to_string()
    } else {
        format!("{} · {filter}", Msg::Agreement.get(lang))
    };
    let header = format!(
        "{}{}{}{}{}{}",
        " ".repeat(MARK_W),
        pad(Msg::Status.get(lang), STATUS_W),
        pad(&text_heading, text_w),
        pad(Msg::Owner.get(lang), OWNER_W),
        pad(Msg::Due.get(lang), DUE_W),
        pad(Msg::Phase.get(lang), PHASE_W),
    );
    crate::ui::paragraph(frame.buffer_mut(), a.header, Span::styled(header, theme::label()));

    if st.rows.is_empty() {
        let msg = if session.agreements.is_empty() { M::NoAgreements } else { M::NoAgreementsFiltered };
        let mut lines = vec![Line::from(Span::styled(format!(" {}", msg.get(lang)), theme::bold()))];
        if st.filter != AgreementFilter::All {
            lines.push(Line::from(format!(" {filter}")));
        }
        crate::ui::paragraph(frame.buffer_mut(), a.rows, lines);
    }

    let visible = a.rows.height as usize;
    let top = st.cursor.top_for(visible);
    let this_year = state.today.year();
    let buf = frame.buffer_mut();
    for (n, selected) in st.cursor.visible(st.rows.len(), visible) {
        let ag = &session.agreements[st.rows[n]];
        let overdue = ag.is_overdue(state.today);
        let y = a.rows.y + (n - top) as u16;
        let mark = if ag.phase_result { "★ " } else { "  " };
        let owner = ag.owner.as_deref().map(|o| party_name(session, o, lang)).unwrap_or_default();
        let due = match ag.due {
            Some(d) if overdue => format!("! {}", i18n::short_date(lang, d, this_year)),
            Some(d) => i18n::short_date(lang, d, this_year),
            None => String::new(),
        };
        let first_line = ag.text.lines().next().unwrap_or("");
        let cells: [(String, Style); 6] = [
            (mark.to_string(), theme::label()),
            (pad(i18n::status_label(lang, ag.status), STATUS_W), status_style(ag, overdue)),
            (pad(&safe_line(first_line), text_w), text_style(ag)),
            (pad(&safe_line(&owner), OWNER_W), theme::plain()),
            (pad(&due, DUE_W), if overdue { theme::overdue() } else { theme::plain() }),
            (pad(&ag.phase.number().to_string(), PHASE_W), theme::plain()),
        ];
        let mut x = a.rows.x;
        for (text, style) in cells {
            let style = if selected { style.patch(theme::selected()) } else { style };
            let w = text.width() as u16;
            crate::ui::put(buf, x, y, &text, (a.rows.right().saturating_sub(x)) as usize, style);
            x += w;
        }
    }

    draw_detail(frame, a.detail, state, s, st);
}

/// The selected agreement in full: text, owner, parties, due, phase, times.
fn draw_detail(frame: &mut Frame, area: Rect, state: &AppState, s: &SessionScreen, st: &State) {
    let lang = state.lang;
    let inner = crate::ui::detail_box(frame, area);
    let Some(i) = st.selected() else { return };
    let session = &s.session;
    let ag = &session.agreements[i];
    let width = inner.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    let facts = {
        let owner = ag
            .owner
            .as_deref()
            .map_or_else(|| Msg::NoOwner.get(lang).to_string(), |o| party_name(session, o, lang));
        let involved: Vec<String> = ag.parties.iter().map(|p| party_name(session, p, lang)).collect();
        let mut f = vec![format!("{}: {}", Msg::Owner.get(lang), owner)];
        if !involved.is_empty() {
            f.push(format!("{}: {}", Msg::Involved.get(lang), involved.join(", ")));
        }
        if let Some(d) = ag.due {
            let late = if ag.is_overdue(state.today) {
                format!(" ({})", Msg::Overdue.get(lang))
            } else {
                String::new()
            };
            f.push(format!("{}: {}{late}", Msg::Due.get(lang), i18n::date(lang, d)));
        }
        f.push(format!(
            "{}: {} {}",
            Msg::Phase.get(lang),
            ag.phase.number(),
            i18n::phase_short(lang, ag.phase)
        ));
        if ag.phase_result {
            f.push(format!("★ {}", Msg::PhaseResult.get(lang)));
        }
        f.push(format!("{} {}", Msg::Created.get(lang), ag.created_at.format("%d-%m %H:%M")));
        if ag.updated_at != ag.created_at {
            f.push(format!("{} {}", Msg::Updated.get(lang), ag.updated_at.format("%d-%m %H:%M")));
        }
        safe_line(&f.join(" · ")).into_owned()
    };
    let fact_lines = wrap(&facts, width);
    let text_room = (inner.height as usize).saturating_sub(fact_lines.len()).max(1);
    lines.extend(crate::ui::clipped(&ag.text, width, text_room, theme::bold()));
    lines.extend(fact_lines.into_iter().map(Line::from));
    crate::ui::paragraph(frame.buffer_mut(), inner, lines);
}
