//! Moving through the interests map: where a selection stands, what the
//! next one is up, down and sideways (parties, the whole table's block,
//! the ambition, the context), and how far to scroll to show it.

use super::layout::{MAP_ROWS, MapLayout, MapSel, Orientation, Span, TABLE_ROWS};

impl MapLayout {
    /// Where the selection is, in lines from the top of the map.
    pub fn span_of(&self, sel: MapSel) -> Span {
        match sel {
            MapSel::Cell { party, row, item } => match self.cells.get(party) {
                Some(c) => {
                    let cell = &c[row];
                    let e = cell.entries.get(item).copied().unwrap_or_default();
                    Span { top: cell.top + e.top, height: e.height.max(1) }
                }
                None => Span { top: 0, height: 1 },
            },
            MapSel::Table { row, item } => {
                let cell = &self.table[row.min(4)];
                let e = cell.entries.get(item).copied().unwrap_or_default();
                Span { top: cell.top + e.top, height: e.height.max(1) }
            }
            MapSel::Ambition(i) => self.ambition[i.min(3)],
            MapSel::Context(i) => self.context[i.min(2)],
        }
    }

    /// Entries in a row of the whole table's block (at least one).
    pub fn table_entries(&self, row: usize) -> usize {
        self.table.get(row).map_or(1, |c| c.entries.len().max(1))
    }

    /// Clamp a selection to what exists (after a delete, for instance).
    pub fn clamp(&self, sel: MapSel) -> MapSel {
        match sel {
            MapSel::Cell { .. } if self.cells.is_empty() => MapSel::Ambition(0),
            MapSel::Table { row, item } => {
                let row = row.min(TABLE_ROWS.len() - 1);
                MapSel::Table { row, item: item.min(self.table_entries(row) - 1) }
            }
            MapSel::Cell { party, row, item } => {
                let party = party.min(self.cells.len() - 1);
                let row = row.min(MAP_ROWS.len() - 1);
                MapSel::Cell { party, row, item: item.min(self.entries(party, row) - 1) }
            }
            MapSel::Ambition(i) => MapSel::Ambition(i.min(3)),
            MapSel::Context(i) => MapSel::Context(i.min(2)),
        }
    }

    /// The next selection in reading order (down).
    pub fn down(&self, sel: MapSel) -> MapSel {
        let n = self.cells.len();
        match self.clamp(sel) {
            MapSel::Cell { party, row, item } => {
                if item + 1 < self.entries(party, row) {
                    MapSel::Cell { party, row, item: item + 1 }
                } else if row + 1 < MAP_ROWS.len() {
                    MapSel::Cell { party, row: row + 1, item: 0 }
                } else if self.orientation() == Orientation::Rows && party + 1 < n {
                    MapSel::Cell { party: party + 1, row: 0, item: 0 }
                } else {
                    MapSel::Table { row: 0, item: 0 }
                }
            }
            MapSel::Table { row, item } => {
                if item + 1 < self.table_entries(row) {
                    MapSel::Table { row, item: item + 1 }
                } else if row + 1 < TABLE_ROWS.len() {
                    MapSel::Table { row: row + 1, item: 0 }
                } else {
                    MapSel::Ambition(0)
                }
            }
            MapSel::Ambition(i) if i < 3 => MapSel::Ambition(i + 1),
            MapSel::Ambition(_) => MapSel::Context(0),
            MapSel::Context(i) => MapSel::Context((i + 1).min(2)),
        }
    }

    /// The previous selection in reading order (up). `last_party` is the
    /// column to return to when leaving the ambition upwards.
    pub fn up(&self, sel: MapSel, last_party: usize) -> MapSel {
        let n = self.cells.len();
        let last_row = MAP_ROWS.len() - 1;
        match self.clamp(sel) {
            MapSel::Cell { party, row, item } => {
                if item > 0 {
                    MapSel::Cell { party, row, item: item - 1 }
                } else if row > 0 {
                    MapSel::Cell { party, row: row - 1, item: self.entries(party, row - 1) - 1 }
                } else if self.orientation() == Orientation::Rows && party > 0 {
                    MapSel::Cell { party: party - 1, row: last_row, item: 0 }
                } else {
                    MapSel::Cell { party, row, item }
                }
            }
            MapSel::Table { row, item } if item > 0 => MapSel::Table { row, item: item - 1 },
            MapSel::Table { row, .. } if row > 0 => {
                MapSel::Table { row: row - 1, item: self.table_entries(row - 1) - 1 }
            }
            MapSel::Table { row, item } if n == 0 => MapSel::Table { row, item },
            MapSel::Table { .. } => {
                let party =
                    if self.orientation() == Orientation::Rows { n - 1 } else { last_party.min(n - 1) };
                MapSel::Cell { party, row: last_row, item: 0 }
            }
            MapSel::Ambition(0) => {
                let row = TABLE_ROWS.len() - 1;
                MapSel::Table { row, item: self.table_entries(row) - 1 }
            }
            MapSel::Ambition(i) => MapSel::Ambition(i - 1),
            MapSel::Context(0) => MapSel::Ambition(3),
            MapSel::Context(i) => MapSel::Context(i - 1),
        }
    }

    /// The neighbouring party, keeping the row (left/right).
    pub fn sideways(&self, sel: MapSel, forward: bool) -> MapSel {
        match self.clamp(sel) {
            MapSel::Cell { party, row, item } => {
                let n = self.cells.len();
                let party = if forward { (party + 1).min(n - 1) } else { party.saturating_sub(1) };
                self.clamp(MapSel::Cell { party, row, item })
            }
            other => other,
        }
    }

    /// Where interest `index` (into `session.interests`) stands in the map.
    pub fn find_interest(&self, index: usize) -> Option<MapSel> {
        let in_party = self.cells.iter().enumerate().find_map(|(party, cells)| {
            cells.iter().enumerate().find_map(|(row, c)| {
                c.interests.iter().position(|x| *x == index).map(|item| MapSel::Cell { party, row, item })
            })
        });
        in_party.or_else(|| {
            self.table.iter().enumerate().find_map(|(row, c)| {
                c.interests.iter().position(|x| *x == index).map(|item| MapSel::Table { row, item })
            })
        })
    }
}

/// First line of the map to show so the selected span is in view; a span
/// taller than the view shows its top. Near the end the view stays full.
pub fn map_scroll(top: usize, span: Span, visible: usize, total: usize) -> usize {
    let visible = visible.max(1);
    let bottom = span.top + span.height;
    let top = if span.top < top {
        span.top
    } else if bottom > top + visible {
        if span.height >= visible { span.top } else { bottom - visible }
    } else {
        top
    };
    top.min(total.saturating_sub(visible)).min(span.top)
}
