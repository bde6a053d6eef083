//! The cursor of a list: which row is selected and which row is at the top
//! of the view. Every list (a pane's rows, the library, search results) and
//! every scrolled report uses this one type, so stepping, paging, clamping
//! and keeping the selection in view are written once.

use super::action::Action;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCursor {
    /// The selected row.
    pub sel: usize,
    /// The first row shown.
    pub top: usize,
}

/// Where a movement key takes `at` in a list whose last row is `last`, with
/// `page` rows on screen. Anything other than a movement leaves it.
pub fn step(at: usize, last: usize, page: usize, action: &Action) -> usize {
    let page = page.max(1);
    match action {
        Action::Up => at.saturating_sub(1),
        Action::Down => (at + 1).min(last),
        Action::PageUp => at.saturating_sub(page),
        Action::PageDown => (at + page).min(last),
        Action::Home => 0,
        Action::End => last,
        _ => at,
    }
}

/// The first row to show so that `selected` is visible, moving the view as
/// little as possible from `top`.
pub fn scroll_to_show(top: usize, selected: usize, visible: usize) -> usize {
    let visible = visible.max(1);
    if selected < top {
        selected
    } else if selected >= top + visible {
        selected + 1 - visible
    } else {
        top
    }
}

impl ListCursor {
    /// Move by a movement key in a list of `len` rows with `page` rows on
    /// screen, and scroll so the selection stays in view. True when the
    /// action was a movement.
    pub fn step(&mut self, action: &Action, len: usize, page: usize) -> bool {
        let moves = matches!(
            action,
            Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::Home | Action::End
        );
        if moves {
            self.sel = step(self.sel, len.saturating_sub(1), page, action);
            self.show(page);
        }
        moves
    }

    /// Keep the selection inside a list of `len` rows (after rows went away).
    pub fn clamp(&mut self, len: usize) {
        self.sel = self.sel.min(len.saturating_sub(1));
        self.top = self.top.min(self.sel);
    }

    /// Select row `row` (it exists).
    pub fn select(&mut self, row: usize, page: usize) {
        self.sel = row;
        self.show(page);
    }

    /// Back to the first row.
    pub fn reset(&mut self) {
        *self = ListCursor::default();
    }

    /// Scroll as little as possible so the selection is among `page` rows.
    pub fn show(&mut self, page: usize) {
        self.top = scroll_to_show(self.top, self.sel, page);
    }

    /// The first row to draw with `page` rows on screen (the view as it
    /// should be even if a resize has not been seen yet).
    pub fn top_for(&self, page: usize) -> usize {
        scroll_to_show(self.top, self.sel, page)
    }

    /// Rows `top..` that fit in `page`, each with whether it is selected.
    pub fn visible(&self, len: usize, page: usize) -> impl Iterator<Item = (usize, bool)> + use<> {
        let top = self.top_for(page);
        let sel = self.sel;
        (top..len.min(top + page)).map(move |n| (n, n == sel))
    }
}

/// A scrolled report (no selection): the offset of its first line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll(pub usize);

impl Scroll {
    /// Scroll by a movement key through `lines` lines with `page` on screen.
    pub fn step(&mut self, action: &Action, lines: usize, page: usize) {
        self.0 = step(self.0, lines.saturating_sub(page), page, action);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolling_moves_only_when_needed() {
        assert_eq!(scroll_to_show(0, 3, 10), 0);
        assert_eq!(scroll_to_show(0, 10, 10), 1);
        assert_eq!(scroll_to_show(5, 2, 10), 2);
        assert_eq!(scroll_to_show(5, 14, 10), 5);
        assert_eq!(scroll_to_show(5, 15, 10), 6);
        assert_eq!(scroll_to_show(3, 3, 0), 3);
    }

    #[test]
    fn stepping_pages_and_stays_in_the_list() {
        let mut c = ListCursor::default();
        assert!(c.step(&Action::PageDown, 40, 10));
        assert_eq!(c, ListCursor { sel: 10, top: 1 });
        c.step(&Action::End, 40, 10);
        assert_eq!(c, ListCursor { sel: 39, top: 30 });
        c.step(&Action::Down, 40, 10);
        assert_eq!(c.sel, 39);
        c.step(&Action::Home, 40, 10);
        assert_eq!(c, ListCursor { sel: 0, top: 0 });
        c.step(&Action::Up, 40, 10);
        assert_eq!(c.sel, 0);
        assert!(!c.step(&Action::Activate, 40, 10));
        c.step(&Action::End, 0, 10);
        assert_eq!(c.sel, 0);
    }

    #[test]
    fn clamping_follows_a_shrinking_list() {
        let mut c = ListCursor { sel: 9, top: 5 };
        c.clamp(3);
        assert_eq!(c, ListCursor { sel: 2, top: 2 });
        c.clamp(0);
        assert_eq!(c, ListCursor { sel: 0, top: 0 });
    }

    #[test]
    fn a_report_scrolls_no_further_than_its_last_page() {
        let mut s = Scroll::default();
        s.step(&Action::End, 30, 10);
        assert_eq!(s.0, 20);
        s.step(&Action::PageDown, 30, 10);
        assert_eq!(s.0, 20);
        s.step(&Action::Up, 30, 10);
        assert_eq!(s.0, 19);
    }
}
