//! The interests map as a grid the room can read: where each party, cell and
//! entry stands, in lines from the map's top, and how the selection moves
//! through it. Computed when the session or the width changes, never per
//! frame.

use crate::domain::{AmbitionLens, ContextAspect, InterestKind, Session, is_table};
use crate::layout::{COLUMN_GUTTER, MAP_LABEL_WIDTH, MIN_PARTY_COLUMN};
use crate::text::wrapped_height;

/// The rows of the map for each party.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapRow {
    /// Organisation, representative and role.
    Header,
    Kind(InterestKind),
    Wants,
    Offers,
}

/// The rows of the whole table's block (issue 9): no header, it has no
/// organisation or representative.
pub const TABLE_ROWS: [MapRow; 5] = [
    MapRow::Kind(InterestKind::Organisatie),
    MapRow::Kind(InterestKind::Individueel),
    MapRow::Kind(InterestKind::Collectief),
    MapRow::Wants,
    MapRow::Offers,
];

pub const MAP_ROWS: [MapRow; 6] = [
    MapRow::Header,
    MapRow::Kind(InterestKind::Organisatie),
    MapRow::Kind(InterestKind::Individueel),
    MapRow::Kind(InterestKind::Collectief),
    MapRow::Wants,
    MapRow::Offers,
];

/// What is selected in the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapSel {
    /// `item` counts interests within a kind cell; 0 elsewhere.
    Cell {
        party: usize,
        row: usize,
        item: usize,
    },
    /// In the whole table's block: `row` into [`TABLE_ROWS`]; `item` counts
    /// interests within a kind row.
    Table {
        row: usize,
        item: usize,
    },
    Ambition(usize),
    Context(usize),
}

impl Default for MapSel {
    fn default() -> Self {
        MapSel::Cell { party: 0, row: 0, item: 0 }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Orientation {
    /// Parties side by side, kinds as rows (the room reads across).
    Columns,
    /// One block per party, for narrow terminals or many parties.
    Rows,
}

/// Vertical position of one selectable thing, in lines from the map's top.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub top: usize,
    pub height: usize,
}

/// One cell: where it starts and where each of its entries starts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CellLayout {
    pub top: usize,
    /// Interest indices shown in the cell (kind rows only), in capture order.
    pub interests: Vec<usize>,
    /// Offset (from `top`) and height of each entry; one entry for an empty
    /// cell, the header, wants and offers.
    pub entries: Vec<Span>,
    pub height: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MapLayout {
    pub width: u16,
    pub orientation: Option<Orientation>,
    /// Text width inside a party cell.
    pub cell_width: u16,
    /// Full width of a party column in column mode (separator, text, air).
    pub column: u16,
    /// `cells[party][row]`.
    pub cells: Vec<[CellLayout; 6]>,
    /// In column mode: top and height of each map row across all parties.
    pub rows: [Span; 6],
    /// Line of the whole table's title, then its rows (`TABLE_ROWS`), each
    /// across the full width.
    pub table_title: usize,
    pub table: [CellLayout; 5],
    /// Line of the "shared ambition" title, then one span per lens.
    pub ambition_title: usize,
    pub ambition: [Span; 4],
    pub context_title: usize,
    pub context: [Span; 3],
    pub total: usize,
}

/// Text width right of the row labels (rows mode, ambition, context).
pub fn text_width(width: u16) -> u16 {
    width.saturating_sub(MAP_LABEL_WIDTH + COLUMN_GUTTER).max(8)
}

/// Width of a party column when every party fits side by side.
pub fn column_width(width: u16, parties: usize) -> Option<u16> {
    let room = width.saturating_sub(MAP_LABEL_WIDTH);
    let w = room / (parties.max(1) as u16);
    (parties > 0 && w >= MIN_PARTY_COLUMN).then_some(w)
}

fn bullet_height(text: &str, width: u16) -> usize {
    // "• " hangs in front of every interest.
    wrapped_height(text, width.saturating_sub(2).max(1) as usize)
}

/// Text lines of a party header: organisation, then "representative, role".
pub fn header_text(p: &crate::domain::Party) -> (String, String) {
    let who = match (p.representative.is_empty(), p.role.is_empty()) {
        (false, false) => format!("{}, {}", p.representative, p.role),
        (false, true) => p.representative.clone(),
        (true, false) => p.role.clone(),
        (true, true) => String::new(),
    };
    (p.organisation.clone(), who)
}

impl MapLayout {
    pub fn compute(session: &Session, width: u16) -> MapLayout {
        let n = session.parties.len();
        let orientation = column_width(width, n).map_or(Orientation::Rows, |_| Orientation::Columns);
        let cell_width = match orientation {
            // One column of air before the next party's separator.
            Orientation::Columns => column_width(width, n).unwrap_or(MIN_PARTY_COLUMN) - COLUMN_GUTTER - 1,
            Orientation::Rows => text_width(width),
        };
        let mut by_party: Vec<[Vec<usize>; 3]> = vec![Default::default(); n];
        let mut by_table: [Vec<usize>; 3] = Default::default();
        let pos: std::collections::HashMap<&str, usize> =
            session.parties.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
        for (i, interest) in session.interests.iter().enumerate() {
            if let Some(&p) = pos.get(interest.party.as_str()) {
                by_party[p][interest.kind as usize].push(i);
            } else if is_table(&interest.party) {
                by_table[interest.kind as usize].push(i);
            }
        }

        let mut cells: Vec<[CellLayout; 6]> = Vec::with_capacity(n);
        for (p, party) in session.parties.iter().enumerate() {
            let mut row_cells: [CellLayout; 6] = Default::default();
            for (r, row) in MAP_ROWS.iter().enumerate() {
                let cell = &mut row_cells[r];
                let mut push = |h: usize| {
                    cell.entries.push(Span { top: cell.height, height: h });
                    cell.height += h;
                };
                match row {
                    MapRow::Header => {
                        // In columns the organisation stands in the fixed line
                        // above the map; the cell holds who is at the table.
                        let (org, who) = header_text(party);
                        let h = match orientation {
                            Orientation::Columns => wrapped_height(&who, cell_width as usize),
                            Orientation::Rows => {
                                wrapped_height(&org, cell_width as usize)
                                    + if who.is_empty() {
                                        0
                                    } else {
                                        wrapped_height(&who, cell_width as usize)
                                    }
                            }
                        };
                        push(h);
                    }
                    MapRow::Kind(kind) => {
                        let list = std::mem::take(&mut by_party[p][*kind as usize]);
                        if list.is_empty() {
                            push(1);
                        }
                        for &i in &list {
                            push(bullet_height(&session.interests[i].text, cell_width));
                        }
                        cell.interests = list;
                    }
                    MapRow::Wants => push(wrapped_height(&party.wants, cell_width as usize)),
                    MapRow::Offers => push(wrapped_height(&party.offers, cell_width as usize)),
                }
            }
            cells.push(row_cells);
        }

        let column = column_width(width, n).unwrap_or(0);
        let mut layout =
            MapLayout { width, orientation: Some(orientation), cell_width, column, ..Default::default() };
        let mut line = 0;
        match orientation {
            Orientation::Columns => {
                for r in 0..MAP_ROWS.len() {
                    let h = cells.iter().map(|c| c[r].height).max().unwrap_or(1);
                    layout.rows[r] = Span { top: line, height: h };
                    for c in &mut cells {
                        c[r].top = line;
                    }
                    // One blank line between rows.
                    line += h + 1;
                }
            }
            Orientation::Rows => {
                for c in &mut cells {
                    for cell in c.iter_mut() {
                        cell.top = line;
                        line += cell.height;
                    }
                    line += 1;
                }
            }
        }
        if n == 0 {
            // The "no parties yet" notice takes two lines.
            line = 2;
        }
        layout.cells = cells;
        let text_width = text_width(width) as usize;
        // The whole table: a block across the full width, its rows
        // labelled like a party's.
        layout.table_title = line;
        line += 1;
        for (r, row) in TABLE_ROWS.iter().enumerate() {
            let cell = &mut layout.table[r];
            cell.top = line;
            let mut push = |h: usize| {
                cell.entries.push(Span { top: cell.height, height: h });
                cell.height += h;
            };
            match row {
                MapRow::Kind(kind) => {
                    let list = std::mem::take(&mut by_table[*kind as usize]);
                    if list.is_empty() {
                        push(1);
                    }
                    for &i in &list {
                        push(bullet_height(&session.interests[i].text, text_width as u16));
                    }
                    cell.interests = list;
                }
                MapRow::Wants => push(wrapped_height(&session.table.wants, text_width)),
                MapRow::Offers => push(wrapped_height(&session.table.offers, text_width)),
                MapRow::Header => {}
            }
            line += cell.height;
        }
        line += 1;
        layout.ambition_title = line;
        line += 1;
        for (i, lens) in AmbitionLens::ALL.into_iter().enumerate() {
            let h = wrapped_height(session.ambition.get(lens), text_width);
            layout.ambition[i] = Span { top: line, height: h };
            line += h;
        }
        line += 1;
        layout.context_title = line;
        line += 1;
        for (i, aspect) in ContextAspect::ALL.into_iter().enumerate() {
            let h = wrapped_height(session.context.get(aspect), text_width);
            layout.context[i] = Span { top: line, height: h };
            line += h;
        }
        layout.total = line;
        layout
    }

    /// Lines of the pane available to the scrolling map: in columns the top
    /// line holds the party names.
    pub fn viewport(&self, body_height: u16) -> usize {
        match self.orientation() {
            Orientation::Columns => body_height.saturating_sub(1) as usize,
            Orientation::Rows => body_height as usize,
        }
    }

    pub fn orientation(&self) -> Orientation {
        self.orientation.unwrap_or(Orientation::Rows)
    }

    /// Number of entries in a cell (at least one).
    pub fn entries(&self, party: usize, row: usize) -> usize {
        self.cells.get(party).map_or(1, |c| c[row].entries.len().max(1))
    }
}
