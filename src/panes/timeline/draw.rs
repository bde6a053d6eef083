//! Drawing the timeline: the visible rows, the selected one in full below.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{Edited, State, TimelineRow};
use crate::app::{AppState, SessionScreen};
use crate::domain::{Session, Timestamp};
use crate::i18n::{self, Lang, Msg};
use crate::layout::list_areas;
use crate::text::{safe_line, truncate, wrap};
use crate::ui::theme;

const TIME_W: usize = 13;
const KIND_W: usize = 14;

/// When, what kind, and the text of one row.
fn row(lang: Lang, session: &Session, r: TimelineRow) -> (Timestamp, Msg, String, Style) {
    match r {
        TimelineRow::PhaseMove(i) => {
            let m = &session.phase_history[i];
            let to = format!("{} {}", m.to.number(), i18n::phase_short(lang, m.to));
            let text = match (m.from, &m.reason) {
                (None, _) => format!("{} {to}", Msg::Started.get(lang)),
                (Some(from), reason) => {
                    // Always read from left to right: from → to; a step
                    // back says so in words.
                    let mut t = format!("{} {} → {to}", from.number(), i18n::phase_short(lang, from));
                    if m.is_step_back() {
                        t = format!("↩ {t} ({})", Msg::SteppedBack.get(lang));
                    }
                    if let Some(reason) = reason {
                        t.push_str(&format!(": {reason}"));
                    }
                    t
                }
            };
            (m.at, Msg::Phase, text, theme::label())
        }
        TimelineRow::Agreement(i) => {
            let a = &session.agreements[i];
            let text = format!("{} ({})", a.text, i18n::status_label(lang, a.status));
            (a.created_at, Msg::Agreement, text, theme::bold())
        }
        TimelineRow::Reflection(i) => {
            let r = &session.reflections[i];
            (r.created_at, Msg::Answer, format!("{} → {}", r.question, r.answer), theme::plain())
        }
        TimelineRow::Temperature(i) => {
            let t = &session.temperature[i];
            let mut text = i18n::temperature_label(lang, t.level).to_string();
            // A party's own reading says whose it is (the facilitator's
            // readings are the plain ones).
            if let Some(p) = &t.party {
                text.push_str(&format!(" ({} {})", M::ReadingOf.get(lang), session.holder_name(p, lang)));
            }
            if !t.note.is_empty() {
                text.push_str(&format!(": {}", t.note));
            }
            (t.at, Msg::Temperature, text, theme::plain())
        }
        TimelineRow::Edited(e) => {
            let (at, label, text) = edited(lang, session, e);
            let style = if matches!(e, Edited::Party(_)) { theme::bold() } else { theme::plain() };
            (at, label, text, style)
        }
        TimelineRow::WalkThrough(i) => {
            let a = &session.agreements[i];
            let outcome =
                if a.status.is_open() { M::StillOpen.get(lang) } else { i18n::status_label(lang, a.status) };
            let text = format!("{} → {outcome}", a.text);
            (a.reviewed_at.unwrap_or(a.updated_at), M::WalkedThrough, text, theme::plain())
        }
        TimelineRow::Note(i) => {
            let n = &session.notes[i];
            let item = n.item.as_deref().and_then(|id| session.agenda_index(id));
            let text = match item {
                Some(k) => format!("{}: {}", session.agenda[k].title, n.text),
                None => n.text.clone(),
            };
            (n.created_at, crate::panes::agenda::M::Note, text, theme::plain())
        }
    }
}

crate::messages! { pub struct M {
    PartyAdded => "Partij erbij", "Party joined";
    AmbitionEdited => "Ambitie", "Ambition";
    ContextEdited => "Context", "Context";
    TableEdited => "Hele tafel", "Whole table";
    ReadingOf => "lezing van", "reading of";
    WalkedThrough => "Doorlopen", "Reviewed";
    StillOpen => "loopt nog", "still open";
    Emptied => "(leeggemaakt)", "(emptied)";
} }

/// An edited item's row: when, the label of its kind column, and its text
/// ("what: the text as it stands now", or that it was emptied).
fn edited(lang: Lang, session: &Session, e: Edited) -> (Timestamp, Msg, String) {
    let named = |name: Msg, text: &str| format!("{}: {}", name.get(lang), or_emptied(lang, text));
    match e {
        Edited::Party(i) => {
            let p = &session.parties[i];
            let mut text = p.organisation.clone();
            if !p.representative.is_empty() {
                text.push_str(&format!(" ({})", p.representative));
            }
            (p.created_at, M::PartyAdded, text)
        }
        Edited::Ambition(lens) => {
            let text = named(i18n::lens_msg(lens), session.ambition.get(lens));
            (session.ambition.edited[&lens], M::AmbitionEdited, text)
        }
        Edited::Context(aspect) => {
            let text = named(i18n::aspect_msg(aspect), session.context.get(aspect));
            (session.context.edited[&aspect], M::ContextEdited, text)
        }
        Edited::Table => {
            let t = &session.table;
            let text = format!("{} · {}", named(Msg::MapWants, &t.wants), named(Msg::MapOffers, &t.offers));
            (t.updated_at.unwrap_or(session.updated_at), M::TableEdited, text)
        }
    }
}

/// The text of an edit, or that it was emptied.
fn or_emptied(lang: Lang, text: &str) -> String {
    if text.trim().is_empty() { M::Emptied.get(lang).to_string() } else { text.to_string() }
}

fn when(session: &Session, at: Timestamp) -> String {
    if at.date_naive() == session.meeting_date {
        at.format("%H:%M").to_string()
    } else {
        at.format("%d-%m %H:%M").to_string()
    }
}

pub(super) fn draw(frame: &mut Frame, area: Rect, state: &AppState, s: &SessionScreen, st: &State) {
    let lang = state.lang;
    let a = list_areas(area);
    let session = &s.session;
    frame.render_widget(Paragraph::new(Span::styled(Msg::PaneTimeline.get(lang), theme::label())), a.header);
    let visible = a.rows.height as usize;
    let top = st.cursor.top_for(visible);
    let width = a.rows.width as usize;
    let buf = frame.buffer_mut();
    for (n, selected) in st.cursor.visible(st.rows.len(), visible) {
        let y = a.rows.y + (n - top) as u16;
        let (at, kind, text, style) = row(lang, session, st.rows[n]);
        let first = text.lines().next().unwrap_or("");
        let left = format!("{:<TIME_W$}{:<KIND_W$}", when(session, at), truncate(kind.get(lang), KIND_W - 1));
        let body = truncate(&safe_line(first), width.saturating_sub(left.width())).into_owned();
        let line = format!("{left}{body}");
        let style = if selected { style.patch(theme::selected()) } else { style };
        crate::ui::put(buf, a.rows.x, y, &format!("{line:<width$}"), width, style);
    }

    let inner = crate::ui::detail_box(frame, a.detail);
    if let Some(r) = st.rows.get(st.cursor.sel) {
        let (at, _, text, _) = row(lang, session, *r);
        let mut lines = vec![Line::from(Span::styled(at.format("%Y-%m-%d %H:%M").to_string(), theme::dim()))];
        lines.extend(
            wrap(&text, inner.width as usize)
                .into_iter()
                .take(inner.height.saturating_sub(1) as usize)
                .map(Line::from),
        );
        frame.render_widget(Paragraph::new(lines), inner);
    }
}
