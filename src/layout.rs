//! Screen geometry, shared by `update` (to keep the selection in view) and
//! `ui` (to draw). Pure arithmetic on the terminal size.

use ratatui::layout::{Constraint, Layout, Rect};

/// Below this the program shows a notice instead of a garbled screen.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 18;

/// Lines under a list that show the selected item in full.
pub const DETAIL_HEIGHT: u16 = 5;

/// Narrowest column of the interests map when parties are columns. A column
/// is a `│`, a space and the text.
pub const MIN_PARTY_COLUMN: u16 = 20;
/// Width of the row labels of the interests map, with the space after them.
pub const MAP_LABEL_WIDTH: u16 = 15;
/// Columns a party column spends on its separator and the space after it.
pub const COLUMN_GUTTER: u16 = 2;

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The fixed parts of the session screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionAreas {
    pub title: Rect,
    pub phases: Rect,
    pub aim: Rect,
    pub tabs: Rect,
    pub body: Rect,
    pub status: Rect,
    pub hints: Rect,
}

pub fn session_areas(area: Rect) -> SessionAreas {
    let [title, phases, aim, tabs, body, status, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    SessionAreas { title, phases, aim, tabs, body, status, hints }
}

/// A list pane: a header row, the rows, and a detail box for the selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListAreas {
    pub header: Rect,
    pub rows: Rect,
    pub detail: Rect,
}

pub fn list_areas(body: Rect) -> ListAreas {
    detail_areas(body, &[(14, DETAIL_HEIGHT)])
}

/// A pane of a line, rows and a detail box whose height steps with the
/// body's: `ladder` holds (least body height, detail height), tallest step
/// first; a body lower than every step gets a detail box of 3 lines.
pub fn detail_areas(body: Rect, ladder: &[(u16, u16)]) -> ListAreas {
    let detail_h = ladder.iter().find(|(least, _)| body.height >= *least).map_or(3, |(_, h)| *h);
    let [header, rows, detail] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1), Constraint::Length(detail_h)])
            .areas(body);
    ListAreas { header, rows, detail }
}

/// The library: a title (two lines), the column heading, the rows, the
/// status line and the hint bar.
pub fn library_areas(area: Rect) -> [Rect; 5] {
    Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// Rows of the library list at a terminal height.
pub fn library_rows(height: u16) -> usize {
    library_areas(Rect::new(0, 0, 80, height))[2].height.max(1) as usize
}

/// Body of the session screen for a terminal of `width` x `height`.
pub fn body_of(width: u16, height: u16) -> Rect {
    session_areas(Rect::new(0, 0, width, height)).body
}

/// Number of list rows visible in a list pane.
pub fn list_rows(width: u16, height: u16) -> usize {
    list_areas(body_of(width, height)).rows.height as usize
}

/// A modal dialog of the given size, centred in `area` and clipped to it.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_fills_what_the_bars_leave() {
        let a = session_areas(Rect::new(0, 0, 80, 24));
        assert_eq!(a.body, Rect::new(0, 4, 80, 18));
        assert_eq!(a.hints.y, 23);
        let l = list_areas(a.body);
        assert_eq!(l.rows.height + l.header.height + l.detail.height, 18);
    }
}
