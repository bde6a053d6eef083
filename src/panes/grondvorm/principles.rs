//! The design principles box: the 15 aspects in their four groups for one
//! form (the chosen one first), or, with `4`, the four forms side by side so
//! the room sees why theirs is not the neighbouring one. The table is the
//! model's, in our words; the box says so.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{FOUR_FORMS, M, OTHER_FORM_NEXT, OTHER_FORM_PREV, Principles};
use crate::app::{Action, View};
use crate::content::grondvorm::content;
use crate::content::origin_label;
use crate::domain::grondvorm::Grondvorm;
use crate::domain::{Origin, Session};
use crate::i18n::Lang;
use crate::text::{pad, wrap};
use crate::ui::theme;

/// The box over the session screen, leaving the hint bar free.
fn frame_of(area: Rect) -> Rect {
    let height = area.height.saturating_sub(1);
    let width = area.width.min(150);
    crate::layout::centered(Rect { height, ..area }, width, height)
}

/// Lines of text inside the box.
fn inner_of(area: Rect) -> Rect {
    let r = frame_of(area);
    Rect { x: r.x + 1, y: r.y + 1, width: r.width.saturating_sub(2), height: r.height.saturating_sub(2) }
}

pub(super) fn handle(p: &mut Principles, action: &Action, view: &View) {
    let all = Grondvorm::ALL;
    let at = p.form.index();
    match action {
        Action::Pane(OTHER_FORM_NEXT) => p.form = all[(at + 1) % all.len()],
        Action::Pane(OTHER_FORM_PREV) => p.form = all[(at + all.len() - 1) % all.len()],
        Action::Pane(FOUR_FORMS) => {
            p.four = !p.four;
            p.scroll.0 = 0;
        }
        a => {
            let inner = inner_of(Rect::new(0, 0, view.width, view.height));
            let total = lines(view.lang, None, *p, inner.width as usize).len();
            p.scroll.step(a, total, inner.height as usize);
        }
    }
}

/// A line of cells: the aspect's name, then each column's wrapped text, as
/// many display lines as the tallest cell.
/// Columns are `label_w` and `col_w` wide, each with one space after its
/// text.
fn row(label: &str, cells: &[(&str, Style)], label_w: usize, col_w: usize) -> Vec<Line<'static>> {
    let label = wrap(label, label_w - 1);
    let wrapped: Vec<Vec<String>> = cells.iter().map(|(t, _)| wrap(t, col_w - 1)).collect();
    let height = wrapped.iter().map(Vec::len).chain([label.len()]).max().unwrap_or(1);
    let at = |lines: &[String], n: usize| lines.get(n).cloned().unwrap_or_default();
    (0..height)
        .map(|n| {
            let mut spans = vec![Span::styled(pad(&at(&label, n), label_w), theme::label())];
            for (cell, (_, style)) in wrapped.iter().zip(cells) {
                spans.push(Span::styled(pad(&at(cell, n), col_w), *style));
            }
            Line::from(spans)
        })
        .collect()
}

/// Everything the box shows, as lines for `width` columns. `session` adds
/// which parties point to the form shown.
fn lines(lang: Lang, session: Option<&Session>, p: Principles, width: usize) -> Vec<Line<'static>> {
    let c = content();
    let chosen = session.and_then(Session::chosen_form);
    let mut out = Vec::new();
    let label_w = if p.four { (width / 6).clamp(12, 24) } else { (width / 4).clamp(14, 28) };
    let shown: Vec<Grondvorm> = if p.four { Grondvorm::ALL.to_vec() } else { vec![p.form] };
    let col_w = (width.saturating_sub(label_w) / shown.len()).max(8);
    let style_of = |f: Grondvorm| {
        if Some(f) == chosen || (!p.four && f == p.form) { theme::bold() } else { theme::plain() }
    };
    if p.four {
        let heads: Vec<String> = shown
            .iter()
            .map(|&f| {
                let info = c.form(f);
                let mark = if Some(f) == chosen { "▶ " } else { "" };
                format!(
                    "{mark}{} ({} + {})",
                    info.name.get(lang),
                    c.intentie(info.intentie).name.get(lang).to_lowercase(),
                    c.aard(info.aard).name.get(lang).to_lowercase()
                )
            })
            .collect();
        let cells: Vec<(&str, Style)> = heads
            .iter()
            .zip(&shown)
            .map(|(h, &f)| (h.as_str(), if f == p.form { theme::selected() } else { style_of(f) }))
            .collect();
        out.extend(row("", &cells, label_w, col_w));
    } else {
        let info = c.form(p.form);
        for t in [&info.summary, &info.example] {
            out.extend(wrap(&crate::content::grondvorm::marked(t, lang), width).into_iter().map(Line::from));
        }
        if let Some(s) = session {
            let pointing: Vec<&str> =
                s.party_forms().filter(|(_, f)| *f == p.form).map(|(p, _)| p.organisation.as_str()).collect();
            if !pointing.is_empty() {
                let text = format!("→ {}", pointing.join(", "));
                out.extend(
                    wrap(&text, width).into_iter().map(|l| Line::from(Span::styled(l, theme::bold()))),
                );
            }
        }
    }
    for g in &c.aspect_groups {
        out.push(Line::from(""));
        out.push(Line::from(Span::styled(g.name.get(lang).to_uppercase(), theme::title())));
        for a in &g.aspects {
            let cells: Vec<(&str, Style)> =
                shown.iter().map(|&f| (a.cells[&f].get(lang), style_of(f))).collect();
            out.extend(row(a.name.get(lang), &cells, label_w, col_w));
        }
    }
    out
}

pub(super) fn draw(frame: &mut Frame, area: Rect, lang: Lang, session: &Session, p: Principles) {
    let c = content();
    let rect = frame_of(area);
    frame.render_widget(Clear, rect);
    let model = origin_label(Origin::Model, lang, false);
    let title = if p.four {
        format!(" {} · {model} ", M::FourFormsTitle.get(lang))
    } else {
        let info = c.form(p.form);
        let chosen = if session.chosen_form() == Some(p.form) {
            format!(" · ▶ {}", M::Chosen.get(lang).to_lowercase())
        } else {
            String::new()
        };
        let answers = format!(
            " ({} + {})",
            c.intentie(info.intentie).name.get(lang).to_lowercase(),
            c.aard(info.aard).name.get(lang).to_lowercase()
        );
        let full =
            format!(" {}: {}{answers}{chosen} · {model} ", M::PrinciplesTitle.get(lang), info.name.get(lang));
        // Narrow: the answers behind the form give way first.
        if full.chars().count() + 2 <= rect.width as usize {
            full
        } else {
            format!(" {}: {}{chosen} · {model} ", M::PrinciplesTitle.get(lang), info.name.get(lang))
        }
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border())
        .title(Span::styled(title, theme::title()));
    frame.render_widget(block, rect);
    let inner = inner_of(area);
    let all = lines(lang, Some(session), p, inner.width as usize);
    let page = inner.height as usize;
    let top = p.scroll.0.min(all.len().saturating_sub(page));
    let visible: Vec<Line> = all.into_iter().skip(top).take(page).collect();
    frame.render_widget(Paragraph::new(visible), inner);
}
