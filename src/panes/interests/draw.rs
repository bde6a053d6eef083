//! Drawing the interests map. Empty cells show a dot, so gaps stand out.
//! Only visible entries are wrapped and drawn.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::State;
use super::layout::{MAP_ROWS, MapLayout, MapRow, MapSel, Orientation, TABLE_ROWS, header_text};
use super::nav::map_scroll;
use crate::app::{AppState, SessionScreen};
use crate::domain::{AmbitionLens, ContextAspect, Session, table_words as W};
use crate::i18n::{Lang, Msg, aspect_msg, lens_msg};
use crate::layout::{COLUMN_GUTTER, MAP_LABEL_WIDTH};
use crate::text::{safe_line, truncate, wrap};
use crate::ui::theme;

/// The visible window of the map: lines `top..top + height` drawn from `y`.
struct Window {
    x: u16,
    y: u16,
    width: u16,
    top: usize,
    height: usize,
}

impl Window {
    /// Screen row of map line `line`, if visible.
    fn row(&self, line: usize) -> Option<u16> {
        (line >= self.top && line < self.top + self.height).then(|| self.y + (line - self.top) as u16)
    }

    fn bottom(&self) -> usize {
        self.top + self.height
    }
}

fn row_label(lang: Lang, row: MapRow) -> &'static str {
    use crate::domain::InterestKind::*;
    match row {
        MapRow::Header => Msg::MapAtTable.get(lang),
        MapRow::Kind(Organisatie) => Msg::MapOrganisation.get(lang),
        MapRow::Kind(Individueel) => Msg::MapIndividual.get(lang),
        MapRow::Kind(Collectief) => Msg::MapCollective.get(lang),
        MapRow::Wants => Msg::MapWants.get(lang),
        MapRow::Offers => Msg::MapOffers.get(lang),
    }
}

/// Lines of one entry of a cell, exactly as tall as the layout says.
fn entry_lines(
    session: &Session,
    map: &MapLayout,
    party: usize,
    row: usize,
    item: usize,
) -> Vec<(String, Style)> {
    let p = &session.parties[party];
    let w = map.cell_width as usize;
    let styled = |text: &str, style: Style| -> Vec<(String, Style)> {
        if text.trim().is_empty() {
            vec![("·".to_string(), theme::dim())]
        } else {
            wrap(text, w).into_iter().map(|l| (l, style)).collect()
        }
    };
    match MAP_ROWS[row] {
        MapRow::Header => {
            let (org, who) = header_text(p);
            match map.orientation() {
                Orientation::Columns => styled(&who, theme::plain()),
                Orientation::Rows => {
                    let mut lines: Vec<(String, Style)> =
                        wrap(&org, w).into_iter().map(|l| (l, theme::bold())).collect();
                    if !who.is_empty() {
                        lines.extend(wrap(&who, w).into_iter().map(|l| (l, theme::plain())));
                    }
                    lines
                }
            }
        }
        MapRow::Kind(_) => match map.cells[party][row].interests.get(item) {
            Some(&i) => bullets(&session.interests[i].text, w),
            None => vec![("·".to_string(), theme::dim())],
        },
        MapRow::Wants => styled(&p.wants, theme::plain()),
        MapRow::Offers => styled(&p.offers, theme::plain()),
    }
}

/// The whole table's block (issue 9), across the full width: its title,
/// then its interests per kind and what it wants and offers, each row
/// labelled like a party's. Only entries in the window are wrapped.
fn draw_table(buf: &mut Buffer, win: &Window, session: &Session, st: &State, lang: Lang, text: (u16, u16)) {
    let (text_x, text_w) = text;
    let map = &st.map;
    let label_w = MAP_LABEL_WIDTH as usize - 1;
    if let Some(y) = win.row(map.table_title) {
        let title = format!("{} · {}", W::WholeTable.get(lang), W::WholeTableNote.get(lang));
        crate::ui::put(buf, win.x, y, &title, win.width as usize, theme::title());
    }
    let w = text_w as usize;
    for (r, row) in TABLE_ROWS.iter().enumerate() {
        let cell = &map.table[r];
        if cell.top + cell.height < win.top {
            continue;
        }
        if cell.top >= win.bottom() {
            break;
        }
        if let Some(y) = win.row(cell.top) {
            crate::ui::put(buf, win.x, y, row_label(lang, *row), label_w, theme::label());
        }
        gutter(buf, win, text_x, cell.top, cell.height);
        for (item, e) in cell.entries.iter().enumerate() {
            if cell.top + e.top + e.height <= win.top {
                continue;
            }
            if cell.top + e.top >= win.bottom() {
                break;
            }
            let plain = |t: &str| -> Vec<(String, Style)> {
                if t.trim().is_empty() {
                    vec![("·".to_string(), theme::dim())]
                } else {
                    wrap(t, w).into_iter().map(|l| (l, theme::plain())).collect()
                }
            };
            let lines = match row {
                MapRow::Kind(_) => match cell.interests.get(item) {
                    Some(&i) => bullets(&session.interests[i].text, w),
                    None => vec![("·".to_string(), theme::dim())],
                },
                MapRow::Offers => plain(&session.table.offers),
                _ => plain(&session.table.wants),
            };
            let selected = st.sel == MapSel::Table { row: r, item };
            put_lines(buf, win, text_x + COLUMN_GUTTER, text_w, cell.top + e.top, &lines, selected);
        }
    }
}

/// An interest wrapped to `w` with "• " hanging in front.
fn bullets(text: &str, w: usize) -> Vec<(String, Style)> {
    wrap(text, w.saturating_sub(2).max(1))
        .into_iter()
        .enumerate()
        .map(|(n, l)| (if n == 0 { format!("• {l}") } else { format!("  {l}") }, theme::plain()))
        .collect()
}

/// Draw lines starting at map line `top`, clipped to the window.
fn put_lines(
    buf: &mut Buffer,
    win: &Window,
    x: u16,
    width: u16,
    top: usize,
    lines: &[(String, Style)],
    selected: bool,
) {
    for (n, (text, style)) in lines.iter().enumerate() {
        let Some(y) = win.row(top + n) else { continue };
        let style = if selected { theme::selected() } else { *style };
        if selected {
            buf.set_string(x, y, " ".repeat(width as usize), style);
        }
        crate::ui::put(buf, x, y, text, width as usize, style);
    }
}

fn gutter(buf: &mut Buffer, win: &Window, x: u16, top: usize, height: usize) {
    for line in top..top + height {
        if let Some(y) = win.row(line) {
            buf.set_string(x, y, "│", theme::dim());
        }
    }
}

fn rule(buf: &mut Buffer, win: &Window, line: usize) {
    if let Some(y) = win.row(line) {
        buf.set_string(win.x, y, "─".repeat(win.width as usize), theme::dim());
    }
}

/// Draw one cell: only the entries that reach into the window.
fn draw_cell(
    buf: &mut Buffer,
    win: &Window,
    s: &SessionScreen,
    st: &State,
    party: usize,
    row: usize,
    x: u16,
) {
    let map = &st.map;
    let cell = &map.cells[party][row];
    let first = cell.entries.partition_point(|e| cell.top + e.top + e.height <= win.top);
    for (item, e) in cell.entries.iter().enumerate().skip(first) {
        if cell.top + e.top >= win.bottom() {
            break;
        }
        let lines = entry_lines(&s.session, map, party, row, item);
        let selected = st.sel == MapSel::Cell { party, row, item };
        put_lines(buf, win, x, map.cell_width, cell.top + e.top, &lines, selected);
    }
}

pub(super) fn draw(frame: &mut Frame, area: Rect, state: &AppState, s: &SessionScreen, st: &State) {
    let lang = state.lang;
    let map = &st.map;
    let buf = frame.buffer_mut();
    let columns = map.orientation() == Orientation::Columns && !s.session.parties.is_empty();
    let viewport = map.viewport(area.height);
    let top = map_scroll(st.top, map.span_of(st.sel), viewport, map.total);
    let y = if columns { area.y + 1 } else { area.y };
    let win = Window { x: area.x, y, width: area.width, top, height: viewport };
    let label_w = MAP_LABEL_WIDTH as usize - 1;
    let col_w = map.column;

    if s.session.parties.is_empty() {
        if let Some(y) = win.row(0) {
            crate::ui::put(
                buf,
                area.x + 1,
                y,
                Msg::NoParties.get(lang),
                area.width as usize - 1,
                theme::bold(),
            );
        }
    } else if columns {
        // Fixed line of party names above the scrolling map.
        crate::ui::put(buf, area.x, area.y, Msg::Party.get(lang), label_w, theme::label());
        for (p, party) in s.session.parties.iter().enumerate() {
            let x = area.x + MAP_LABEL_WIDTH + p as u16 * col_w;
            let in_column = matches!(st.sel, MapSel::Cell { party, .. } if party == p);
            let style = if in_column { theme::tab_active() } else { theme::title() };
            buf.set_string(x, area.y, "│ ", theme::dim());
            let name = truncate(&safe_line(&party.organisation), map.cell_width as usize).into_owned();
            crate::ui::put(buf, x + 2, area.y, &name, map.cell_width as usize, style);
        }
        for (r, row) in MAP_ROWS.iter().enumerate() {
            let band = map.rows[r];
            if band.top + band.height < win.top {
                continue;
            }
            if band.top >= win.bottom() {
                break;
            }
            // The label sticks to the top of a band that is scrolled into.
            if let Some(y) = win.row(band.top.max(win.top)) {
                crate::ui::put(buf, area.x, y, row_label(lang, *row), label_w, theme::label());
            }
            for p in 0..s.session.parties.len() {
                let x = area.x + MAP_LABEL_WIDTH + p as u16 * col_w;
                gutter(buf, &win, x, band.top, band.height);
                draw_cell(buf, &win, s, st, p, r, x + COLUMN_GUTTER);
            }
            rule(buf, &win, band.top + band.height);
        }
    } else {
        let x = area.x + MAP_LABEL_WIDTH;
        for (p, cells) in map.cells.iter().enumerate() {
            let block_end = cells[MAP_ROWS.len() - 1].top + cells[MAP_ROWS.len() - 1].height;
            if block_end < win.top {
                continue;
            }
            if cells[0].top >= win.bottom() {
                break;
            }
            for (r, row) in MAP_ROWS.iter().enumerate() {
                let cell = &cells[r];
                if *row != MapRow::Header
                    && let Some(y) = win.row(cell.top)
                {
                    crate::ui::put(buf, area.x, y, row_label(lang, *row), label_w, theme::label());
                }
                if *row == MapRow::Header
                    && let Some(y) = win.row(cell.top)
                {
                    crate::ui::put(buf, area.x, y, Msg::Party.get(lang), label_w, theme::label());
                }
                gutter(buf, &win, x, cell.top, cell.height);
                draw_cell(buf, &win, s, st, p, r, x + COLUMN_GUTTER);
            }
            rule(buf, &win, block_end);
        }
    }

    // Shared ambition and context, one labelled row per lens or aspect.
    let text_x = area.x + MAP_LABEL_WIDTH;
    let text_w = area.width.saturating_sub(MAP_LABEL_WIDTH + COLUMN_GUTTER);
    draw_table(buf, &win, &s.session, st, lang, (text_x, text_w));
    let mut section = |title: Msg, title_line: usize, rows: Vec<(&'static str, &str, usize, usize, bool)>| {
        if let Some(y) = win.row(title_line) {
            crate::ui::put(buf, area.x, y, title.get(lang), area.width as usize, theme::title());
        }
        for (label, text, line, height, selected) in rows {
            if let Some(y) = win.row(line) {
                crate::ui::put(buf, area.x + 1, y, label, label_w - 1, theme::label());
            }
            gutter(buf, &win, text_x, line, height);
            let lines: Vec<(String, Style)> = if text.trim().is_empty() {
                vec![("·".into(), theme::dim())]
            } else {
                wrap(text, text_w as usize).into_iter().map(|l| (l, theme::plain())).collect()
            };
            put_lines(buf, &win, text_x + COLUMN_GUTTER, text_w, line, &lines, selected);
        }
    };
    let session = &s.session;
    section(
        Msg::Ambition,
        map.ambition_title,
        AmbitionLens::ALL
            .into_iter()
            .enumerate()
            .map(|(i, l)| {
                let span = map.ambition[i];
                (
                    lens_msg(l).get(lang),
                    session.ambition.get(l),
                    span.top,
                    span.height,
                    st.sel == MapSel::Ambition(i),
                )
            })
            .collect(),
    );
    section(
        Msg::Context,
        map.context_title,
        ContextAspect::ALL
            .into_iter()
            .enumerate()
            .map(|(i, a)| {
                let span = map.context[i];
                (
                    aspect_msg(a).get(lang),
                    session.context.get(a),
                    span.top,
                    span.height,
                    st.sel == MapSel::Context(i),
                )
            })
            .collect(),
    );
}
