//! The room display's content, as server-rendered HTML: the `<main>`
//! element that the page holds and that every update replaces whole.
//!
//! Rendering is a pure function of the committed session snapshot and the
//! room state. Every text from the session goes through the export's
//! escaping (`crate::export::escape_html`), so the hostile-text rules of the
//! HTML minutes hold here too. What the facilitator kept private never
//! reaches the markup, not even as a count. The board shows what fits a
//! screen: the number of rows is capped, so a session of thousands of items
//! renders in the time of a small one.

use std::fmt::Write;

use crate::domain::{Agreement, InterestKind, Phase, PhaseMark, Reflection, Session, TABLE, is_table};
use crate::export::escape_html as escape;
use crate::i18n::{self, Lang, Msg};

use super::state::{RoomScreen, RoomSnapshot, RoomState};
use super::words::W;

/// At most this many agreements on the board (open ones first).
pub const MAX_AGREEMENTS: usize = 14;
/// At most this many interests in one cell of the map.
pub const MAX_PER_CELL: usize = 4;
/// At most this many parties (rows) in the map.
pub const MAX_PARTIES: usize = 12;
/// At most this many answers under the question (the latest).
pub const MAX_ANSWERS: usize = 8;

/// Text for an attribute value: one line, escaped.
pub(super) fn attr(s: &str) -> String {
    escape(&s.replace(['\r', '\n'], " "))
}

/// The `<main>` element for `snap`; `version` counts the published snapshots.
pub fn render_main(snap: &RoomSnapshot, version: u64) -> String {
    let lang = snap.state.lang;
    let Some(session) = snap.session.as_deref() else {
        return super::spot::waiting(lang, version);
    };
    let earlier = snap.chain.as_deref().unwrap_or(&[]);
    let title = format!("{} · kompas", session.title);
    let (class, body) = match &snap.state.screen {
        RoomScreen::Blank => ("blank".to_string(), String::new()),
        RoomScreen::Spotlight(spot) => match super::spot::spotlight(session, earlier, &snap.state, spot) {
            Some(html) => ("spotlight".to_string(), html),
            // The item is gone or private: the board, never the item.
            None => board(session, &snap.state),
        },
        RoomScreen::Board => board(session, &snap.state),
    };
    let label = if class == "blank" {
        format!(" aria-label=\"{}\"", attr(W::Blank.get(lang)))
    } else {
        String::new()
    };
    format!(
        "<main id=\"room\" class=\"{class}\" data-version=\"{version}\" data-title=\"{}\"{label}>\n{body}</main>",
        attr(&title)
    )
}

/// The board: header with the phase strip, the question, the agreements and
/// the interests map. Early phases put the map first, later ones the
/// agreements.
fn board(s: &Session, st: &RoomState) -> (String, String) {
    let lang = st.lang;
    let mut out = String::with_capacity(16 * 1024);
    header(&mut out, s, lang);
    // A clock standing still needs no time but the recorded marks.
    let now = st.now.unwrap_or_else(|| s.last_recorded());
    super::instruments::gauges(&mut out, s, lang, now);
    question(&mut out, s, st);
    let map_first = s.phase <= Phase::Delen;
    out.push_str("<div class=\"columns\">\n");
    if map_first {
        map(&mut out, s, lang);
        agreements(&mut out, s, st);
    } else {
        agreements(&mut out, s, st);
        map(&mut out, s, lang);
    }
    out.push_str("</div>\n");
    let class =
        format!("board phase-{} {}", s.phase.id(), if map_first { "map-first" } else { "agreements-first" });
    (class, out)
}

fn header(out: &mut String, s: &Session, lang: Lang) {
    let _ = writeln!(
        out,
        "<header class=\"top\"><h1>{}</h1><p class=\"date\">{}</p></header>",
        escape(&s.title),
        escape(&i18n::date(lang, s.meeting_date))
    );
    let _ = writeln!(out, "<ol class=\"strip\" aria-label=\"{}\">", attr(W::Phases.get(lang)));
    for p in Phase::ALL {
        let mark = s.phase_mark(p);
        let current = if mark == PhaseMark::Current { " aria-current=\"step\"" } else { "" };
        let _ = writeln!(
            out,
            "<li class=\"{}\"{current}><span class=\"mark\">{}</span><span class=\"num\">{}</span> <span class=\"name\">{}</span></li>",
            mark.id(),
            mark.sign().trim(),
            p.number(),
            escape(i18n::phase_short(lang, p))
        );
    }
    out.push_str("</ol>\n");
    let _ = writeln!(
        out,
        "<p class=\"aim\"><span class=\"label\">{}:</span> {}</p>",
        escape(Msg::Aim.get(lang)),
        escape(i18n::phase_aim(lang, s.phase))
    );
}

/// The question on the board and the answers to it, newest last.
pub(super) fn answers_to<'a>(s: &'a Session, question: &str) -> Vec<&'a Reflection> {
    let mut all: Vec<&Reflection> =
        s.reflections.iter().filter(|r| r.question == question && s.on_room(&r.id)).collect();
    all.sort_by_key(|r| r.created_at);
    all
}

/// The question the board shows: the one the facilitator chose, else the
/// latest answered in the current phase (only answers the room may see).
fn current_question<'a>(s: &'a Session, st: &'a RoomState) -> Option<&'a str> {
    if let Some(q) = &st.question {
        return Some(q);
    }
    s.reflections
        .iter()
        .filter(|r| r.phase == s.phase && s.on_room(&r.id))
        .max_by_key(|r| r.created_at)
        .map(|r| r.question.as_str())
}

fn question(out: &mut String, s: &Session, st: &RoomState) {
    let Some(q) = current_question(s, st) else { return };
    let lang = st.lang;
    let _ = writeln!(
        out,
        "<section class=\"question\"><h2>{}</h2><p class=\"q\">{}</p>",
        escape(W::Question.get(lang)),
        escape(q)
    );
    let answers = answers_to(s, q);
    if !answers.is_empty() {
        let _ = write!(out, "<ul class=\"answers\" aria-label=\"{}\">", attr(W::Answers.get(lang)));
        let skip = answers.len().saturating_sub(MAX_ANSWERS);
        for r in &answers[skip..] {
            let _ = write!(out, "<li>{}</li>", escape(&r.answer));
        }
        out.push_str("</ul>");
    }
    out.push_str("</section>\n");
}

/// Open first (overdue first among them), then done, then dropped.
pub(super) fn agreement_order(s: &Session, today: chrono::NaiveDate) -> Vec<&Agreement> {
    let mut shown: Vec<&Agreement> = s.agreements.iter().filter(|a| s.on_room(&a.id)).collect();
    shown.sort_by_key(|a| (!a.status.is_open(), !a.is_overdue(today), a.status));
    shown
}

/// Owner, due date, overdue flag and status of an agreement, as spans.
pub(super) fn agreement_meta(s: &Session, a: &Agreement, st: &RoomState) -> String {
    let lang = st.lang;
    let mut meta = Vec::new();
    if let Some(owner) = &a.owner {
        meta.push(format!("<span class=\"owner\">{}</span>", escape(&s.holder_name(owner, lang))));
    }
    if let Some(due) = a.due {
        meta.push(format!("<span class=\"due\">{}</span>", escape(&i18n::date(lang, due))));
    }
    if a.is_overdue(st.today) {
        meta.push(format!("<strong class=\"late\">{}</strong>", escape(Msg::Overdue.get(lang))));
    }
    meta.push(format!(
        "<span class=\"status status-{}\">{}</span>",
        a.status.id(),
        escape(i18n::status_label(lang, a.status))
    ));
    if a.phase_result {
        meta.push(format!(
            "<span class=\"result\" title=\"{0}\">★ {0}</span>",
            attr(Msg::PhaseResult.get(lang))
        ));
    }
    meta.join(" <span class=\"sep\">·</span> ")
}

fn agreements(out: &mut String, s: &Session, st: &RoomState) {
    let lang = st.lang;
    let order = agreement_order(s, st.today);
    let open = order.iter().filter(|a| a.status.is_open()).count();
    let _ = writeln!(
        out,
        "<section class=\"agreements\"><h2>{} <span class=\"count\">{open} {}</span></h2>",
        escape(Msg::PaneAgreements.get(lang)),
        escape(W::Open.get(lang))
    );
    if order.is_empty() {
        let _ = writeln!(out, "<p class=\"none\">{}</p>", escape(W::NoAgreements.get(lang)));
    } else {
        out.push_str("<ol class=\"agreements\">\n");
        for a in order.iter().take(MAX_AGREEMENTS) {
            let mut class = vec![if a.status.is_open() { "open" } else { "closed" }, a.status.id()];
            if a.is_overdue(st.today) {
                class.push("overdue");
            }
            let _ = writeln!(
                out,
                "<li class=\"{}\"><span class=\"text\">{}</span> <span class=\"meta\">{}</span></li>",
                class.join(" "),
                escape(&a.text),
                agreement_meta(s, a, st)
            );
        }
        out.push_str("</ol>\n");
        more(out, order.len().saturating_sub(MAX_AGREEMENTS), lang);
    }
    out.push_str("</section>\n");
}

fn more(out: &mut String, n: usize, lang: Lang) {
    if n > 0 {
        let _ = writeln!(out, "<p class=\"more\">+ {n} {}</p>", escape(W::More.get(lang)));
    }
}

/// Parties as rows, the three kinds of interest as columns; an empty cell
/// shows a dash; the whole table's interests (issue 9) in a last row when
/// it has any. Hidden and private interests are left out as if they were
/// never recorded. (What a party wants and offers is in its spotlight.)
fn map(out: &mut String, s: &Session, lang: Lang) {
    let _ = writeln!(out, "<section class=\"map\"><h2>{}</h2>", escape(W::Map.get(lang)));
    let table_shown = s.interests.iter().any(|i| is_table(&i.party) && s.interest_on_room(i));
    if s.parties.is_empty() && !table_shown {
        let _ = writeln!(out, "<p class=\"none\">{}</p></section>", escape(W::NoParties.get(lang)));
        return;
    }
    out.push_str("<table class=\"map\">\n<thead><tr><th scope=\"col\">");
    out.push_str(&escape(Msg::Party.get(lang)));
    out.push_str("</th>");
    for k in InterestKind::ALL {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(kind_short(lang, k)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let mut rows: Vec<(&str, String)> =
        s.parties.iter().take(MAX_PARTIES).map(|p| (p.id.as_str(), p.organisation.clone())).collect();
    if table_shown {
        rows.push((TABLE, s.holder_name(TABLE, lang)));
    }
    for (id, name) in rows {
        let class = if is_table(id) { " class=\"whole-table\"" } else { "" };
        let _ = write!(out, "<tr{class}><th scope=\"row\">{}</th>", escape(&name));
        for kind in InterestKind::ALL {
            let items: Vec<&str> = s
                .interests_of(id, kind)
                .filter(|(_, i)| s.interest_on_room(i))
                .map(|(_, i)| i.text.as_str())
                .collect();
            cell(out, kind_short(lang, kind), &items, lang);
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    more(out, s.parties.len().saturating_sub(MAX_PARTIES), lang);
    out.push_str("</section>\n");
}

/// The column heading of a kind ("Individueel"), as on the terminal's map.
fn kind_short(lang: Lang, kind: InterestKind) -> &'static str {
    match kind {
        InterestKind::Organisatie => Msg::MapOrganisation.get(lang),
        InterestKind::Individueel => Msg::MapIndividual.get(lang),
        InterestKind::Collectief => Msg::MapCollective.get(lang),
    }
}

/// One cell; `label` repeats the column name for narrow screens, where
/// each row becomes a card.
fn cell(out: &mut String, label: &str, items: &[&str], lang: Lang) {
    let label = attr(label);
    match items {
        [] => {
            let _ = write!(out, "<td class=\"empty\" data-label=\"{label}\">—</td>");
        }
        [one] => {
            let _ = write!(out, "<td data-label=\"{label}\">{}</td>", escape(one));
        }
        many => {
            let _ = write!(out, "<td data-label=\"{label}\"><ul>");
            for i in many.iter().take(MAX_PER_CELL) {
                let _ = write!(out, "<li>{}</li>", escape(i));
            }
            out.push_str("</ul>");
            if many.len() > MAX_PER_CELL {
                let _ = write!(
                    out,
                    "<span class=\"more\">+ {} {}</span>",
                    many.len() - MAX_PER_CELL,
                    escape(W::More.get(lang))
                );
            }
            out.push_str("</td>");
        }
    }
}
