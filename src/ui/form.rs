//! A form as a modal box: one-line fields with their label in front,
//! multi-line fields with their label above. The focused text field is the
//! live editor; the others show their text.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::theme;
use crate::app::{AppState, Choice, FieldInput, Form, Purpose};
use crate::i18n::{self, Msg};
use crate::layout::centered;
use crate::text::{safe_line, truncate, wrap};

fn choice_label(state: &AppState, c: &Choice) -> String {
    crate::app::choice_label(state.lang, state.session().map(|s| &*s.session), c)
}

/// What a date field reads its text as, shown beside it: the date with its
/// weekday, or a question mark while the text is no date yet.
fn date_echo(state: &AppState, form: &Form, text: &str) -> Option<Span<'static>> {
    if text.trim().is_empty() {
        return None;
    }
    Some(match crate::dates::parse(text, crate::app::date_base(state, &form.purpose)) {
        Some(d) => Span::styled(format!("→ {}", crate::dates::echo(state.lang, d)), theme::label()),
        None => Span::styled("→ ?".to_string(), theme::error()),
    })
}

/// Columns a date field's echo takes ("→ wo 31 dec 2026" and a gap).
const ECHO_W: u16 = 19;

/// Lines of text shown above the fields, to say what the form is about.
fn context_lines(state: &AppState, form: &Form, width: usize) -> Vec<Line<'static>> {
    let lang = state.lang;
    match &form.purpose {
        Purpose::Answer { question, .. } => {
            wrap(question, width).into_iter().map(|l| Line::from(Span::styled(l, theme::label()))).collect()
        }
        Purpose::PhaseReason { to } => {
            let from = state.session().map(|s| s.session.phase);
            let text = match from {
                Some(from) => format!(
                    "{} {} → {} {}",
                    from.number(),
                    i18n::phase_short(lang, from),
                    to.number(),
                    i18n::phase_short(lang, *to)
                ),
                None => String::new(),
            };
            vec![Line::from(Span::styled(text, theme::label()))]
        }
        Purpose::Pane { form: id, id: item } => {
            let (Some(f), Some(s)) = (crate::panes::pane_form(id), state.session()) else {
                return Vec::new();
            };
            (f.context)(&s.session, item.as_deref(), lang)
                .iter()
                .flat_map(|text| wrap(&safe_line(text), width))
                .map(|l| Line::from(Span::styled(l, theme::label())))
                .collect()
        }
        _ => Vec::new(),
    }
}

fn inline(field: &FieldInput) -> bool {
    !matches!(field, FieldInput::Text { multiline: true, .. })
}

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState, form: &Form) {
    let lang = state.lang;
    let width = area.width.saturating_sub(2).min(92);
    let inner_w = width.saturating_sub(4) as usize;
    let context = context_lines(state, form, inner_w);
    let label_w = form
        .fields
        .iter()
        .filter(|f| inline(&f.input))
        .map(|f| f.label.get(lang).width() + 2)
        .max()
        .unwrap_or(0);
    let multi = form.fields.iter().filter(|f| !inline(&f.input)).count();
    let parties_rows = |f: &FieldInput| match f {
        FieldInput::Parties { ids, .. } => {
            party_lines(state, f, inner_w.saturating_sub(label_w), false).len().max(1).min(ids.len().max(1))
        }
        _ => 1,
    };
    let fixed: usize =
        form.fields.iter().map(|f| if inline(&f.input) { parties_rows(&f.input) } else { 1 }).sum::<usize>()
            + context.len()
            + usize::from(form.error.is_some())
            + 2;
    let room = (area.height as usize).saturating_sub(fixed);
    // One multi-line field may grow to 6 rows; several share up to 4 each.
    let most = if multi > 1 { 4 } else { 6 };
    let text_rows = room.checked_div(multi).map_or(0, |r| r.clamp(1, most));
    let height = (fixed + text_rows * multi) as u16;
    let rect = centered(area, width, height);
    frame.render_widget(Clear, rect);
    let title = format!(" {} ", form.title().get(lang));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border())
        .title(Span::styled(title, theme::title()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let inner = Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner };

    let mut y = inner.y;
    let bottom = inner.bottom();
    for line in context {
        if y >= bottom {
            break;
        }
        crate::ui::paragraph(frame.buffer_mut(), Rect::new(inner.x, y, inner.width, 1), line);
        y += 1;
    }
    for (i, field) in form.fields.iter().enumerate() {
        if y >= bottom {
            break;
        }
        let focused = i == form.focus;
        let label_style = if focused { theme::tab_active() } else { theme::label() };
        let label = field.label.get(lang);
        let marker = if field.required { "*" } else { "" };
        if inline(&field.input) {
            let head = format!("{label}{marker}");
            crate::ui::paragraph(
                frame.buffer_mut(),
                Rect::new(inner.x, y, label_w as u16, 1),
                Span::styled(head, label_style),
            );
            let mut value_area =
                Rect::new(inner.x + label_w as u16, y, inner.width.saturating_sub(label_w as u16), 1);
            if field.date && value_area.width > ECHO_W * 2 {
                value_area.width -= ECHO_W;
                if let Some(echo) = date_echo(state, form, &field.value()) {
                    let r = Rect::new(value_area.right() + 1, y, ECHO_W - 1, 1);
                    crate::ui::paragraph(frame.buffer_mut(), r, echo);
                }
            }
            match &field.input {
                FieldInput::Text { area, .. } if focused => frame.render_widget(area.as_ref(), value_area),
                FieldInput::Text { .. } => {
                    let text = truncate(&field.value(), value_area.width as usize).into_owned();
                    crate::ui::paragraph(frame.buffer_mut(), value_area, text);
                }
                FieldInput::Choice { options, selected } => {
                    let text = options.get(*selected).map(|c| choice_label(state, c)).unwrap_or_default();
                    let style = if focused { theme::selected() } else { theme::bold() };
                    crate::ui::paragraph(
                        frame.buffer_mut(),
                        value_area,
                        Span::styled(format!("‹ {text} ›"), style),
                    );
                }
                FieldInput::Check(v) => {
                    let text = format!(
                        "[{}] {}",
                        if *v { "x" } else { " " },
                        if *v { Msg::Yes.get(lang) } else { Msg::No.get(lang) }
                    );
                    let style = if focused { theme::selected() } else { theme::bold() };
                    crate::ui::paragraph(frame.buffer_mut(), value_area, Span::styled(text, style));
                }
                FieldInput::Parties { .. } => {
                    let lines = party_lines(state, &field.input, value_area.width as usize, focused);
                    let h = lines.len().max(1) as u16;
                    let r = Rect { height: h.min(bottom - y), ..value_area };
                    crate::ui::paragraph(frame.buffer_mut(), r, lines);
                    y += h.saturating_sub(1);
                }
            }
            y += 1;
        } else {
            crate::ui::paragraph(
                frame.buffer_mut(),
                Rect::new(inner.x, y, inner.width, 1),
                Span::styled(format!("{label}{marker}"), label_style),
            );
            y += 1;
            let h = (text_rows as u16).min(bottom.saturating_sub(y));
            let r = Rect::new(inner.x, y, inner.width, h);
            match &field.input {
                FieldInput::Text { area, .. } if focused => frame.render_widget(area.as_ref(), r),
                _ => {
                    let lines: Vec<Line> = wrap(&field.value(), r.width as usize)
                        .into_iter()
                        .take(h as usize)
                        .map(Line::from)
                        .collect();
                    frame.render_widget(Paragraph::new(lines).style(theme::dim()), r);
                }
            }
            y += h;
        }
        if focused
            && let Some(err) = form.error
            && y < bottom
        {
            crate::ui::paragraph(
                frame.buffer_mut(),
                Rect::new(inner.x, y, inner.width, 1),
                Span::styled(err.get(lang), theme::error()),
            );
            y += 1;
        }
    }
}

/// "[x] Woonstede  [ ] De Linde", wrapped to `width`; the party under the
/// cursor is highlighted when the field has focus.
fn party_lines(state: &AppState, input: &FieldInput, width: usize, focused: bool) -> Vec<Line<'static>> {
    let FieldInput::Parties { ids, checked, cursor } = input else { return Vec::new() };
    let mut lines = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0;
    for (i, id) in ids.iter().enumerate() {
        let name = choice_label(state, &Choice::Party(Some(id.clone())));
        let item = format!("[{}] {}", if checked[i] { "x" } else { " " }, name);
        let item = truncate(&item, width).into_owned();
        let w = item.width() + 2;
        if used + w > width && !spans.is_empty() {
            lines.push(Line::from(std::mem::take(&mut spans)));
            used = 0;
        }
        let style: Style = if focused && i == *cursor {
            theme::selected()
        } else if checked[i] {
            theme::bold()
        } else {
            theme::plain()
        };
        spans.push(Span::styled(item, style));
        spans.push(Span::raw("  "));
        used += w;
    }
    if !spans.is_empty() {
        lines.push(Line::from(spans));
    }
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(Msg::NoOwner.get(state.lang).to_string(), theme::dim())));
    }
    lines
}
