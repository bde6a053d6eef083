//! The session library's state: its entries, the rows it shows and the view.

use crate::app::cursor::{ListCursor, Scroll};
use crate::app::library::{
    CopyOf, LibraryEntry, LibraryFilter, LibraryRow, LibrarySort, PortfolioLine, SearchHit, copies_of,
    rows_of, trends_of,
};
use crate::domain::ChainOverview;

/// The session library and what it is showing.
#[derive(Debug, Default)]
pub struct Library {
    /// Bumped on every listing, so results of an older one are ignored.
    pub generation: u64,
    /// Every session file, in file-name order.
    pub entries: Vec<LibraryEntry>,
    /// What the list shows, derived from entries, sort and filter.
    pub rows: Vec<LibraryRow>,
    /// Per row, the five conditions' trend of its chain up to that meeting
    /// (issue 10), derived with the rows.
    pub trends: Vec<String>,
    /// Per entry, the session it is a copy of (issue 8), derived with the
    /// rows.
    pub copies: Vec<Option<CopyOf>>,
    pub cursor: ListCursor,
    pub loading: bool,
    pub sort: LibrarySort,
    pub filter: LibraryFilter,
    pub view: LibraryView,
}

#[derive(Debug, Default)]
pub enum LibraryView {
    #[default]
    List,
    /// A line per collaboration.
    Portfolio { lines: Vec<PortfolioLine>, scroll: Scroll },
    /// Full-text search results.
    Search { query: String, hits: Vec<SearchHit>, cursor: ListCursor },
    /// How one collaboration moved over its meetings.
    Overview { overview: Box<ChainOverview>, scroll: Scroll },
}

impl LibraryView {
    /// Lines of the portfolio or overview report, to bound its scrolling:
    /// two per collaboration; for an overview, three heading lines, two per
    /// meeting, three for the totals, two headings and one per change.
    pub fn report_lines(&self) -> usize {
        match self {
            LibraryView::Portfolio { lines, .. } => lines.len() * 3,
            LibraryView::Overview { overview, .. } => {
                10 + 2 * overview.meetings.len() + overview.interest_changes.len()
            }
            _ => 0,
        }
    }
}

impl Library {
    pub fn selected_entry(&self) -> Option<&LibraryEntry> {
        self.rows.get(self.cursor.sel).map(|r| &self.entries[r.entry()])
    }

    /// The session of the selected row: for a copy (issue 8), the session
    /// it is a copy of, so opening, exporting or following up never works
    /// on the copy by mistake.
    pub fn session_entry(&self) -> Option<&LibraryEntry> {
        match self.rows.get(self.cursor.sel)? {
            LibraryRow::Copy { of, .. } => self.entries.get(*of),
            r => self.entries.get(r.entry()),
        }
    }

    /// Recompute the rows after entries, sort or filter changed, keeping the
    /// selection on the same file where it can.
    pub fn rerow(&mut self) {
        let keep = self.selected_entry().map(|e| e.path.clone());
        self.copies = copies_of(&self.entries);
        self.rows = rows_of(&self.entries, &self.copies, self.sort, &self.filter);
        self.trends = trends_of(&self.entries, &self.copies, &self.rows);
        if let Some(path) = keep
            && let Some(i) = self.rows.iter().position(|r| self.entries[r.entry()].path == path)
        {
            self.cursor.sel = i;
        }
        self.cursor.clamp(self.rows.len());
    }
}
