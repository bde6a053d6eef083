//! Moving the selection in each pane and keeping it on screen.

use super::action::Action;
use super::map::MapSel;
use super::state::{AppState, Pane};
use super::update::visible_list_rows;
use crate::layout::{body_of, scroll_to_show};

pub(super) fn move_selection(state: &mut AppState, action: &Action) {
    let rows = visible_list_rows(state);
    let body_height = body_of(state.width, state.height).height;
    let Some(s) = state.session_mut() else { return };
    let map_rows = s.map.viewport(body_height);
    match s.pane {
        Pane::Interests => {
            let map = &s.map;
            let sel = match action {
                Action::Up => map.up(s.map_sel, s.map_last_party),
                Action::Down => map.down(s.map_sel),
                Action::Left => map.sideways(s.map_sel, false),
                Action::Right => map.sideways(s.map_sel, true),
                Action::PageDown | Action::PageUp => {
                    // Step until the selection has moved about a screen.
                    let start = map.span_of(s.map_sel).top;
                    let mut sel = s.map_sel;
                    loop {
                        let next = if *action == Action::PageDown {
                            map.down(sel)
                        } else {
                            map.up(sel, s.map_last_party)
                        };
                        if next == sel || map.span_of(next).top.abs_diff(start) >= map_rows.saturating_sub(2)
                        {
                            break next;
                        }
                        sel = next;
                    }
                }
                Action::Home => map.clamp(MapSel::default()),
                Action::End => MapSel::Context(2),
                _ => s.map_sel,
            };
            s.map_sel = sel;
            if let MapSel::Cell { party, .. } = sel {
                s.map_last_party = party;
            }
        }
        Pane::Agreements => {
            let last = s.agreement_rows.len().saturating_sub(1);
            s.agreement_sel = step(s.agreement_sel, last, rows, action);
        }
        Pane::Reflections => {
            let last = s.reflection_rows.len().saturating_sub(1);
            s.reflection_sel = step(s.reflection_sel, last, rows, action);
        }
        Pane::Timeline => {
            let last = s.timeline_rows.len().saturating_sub(1);
            s.timeline_sel = step(s.timeline_sel, last, rows, action);
        }
    }
}

fn step(sel: usize, last: usize, page: usize, action: &Action) -> usize {
    match action {
        Action::Up => sel.saturating_sub(1),
        Action::Down => (sel + 1).min(last),
        Action::PageUp => sel.saturating_sub(page.max(1)),
        Action::PageDown => (sel + page.max(1)).min(last),
        Action::Home => 0,
        Action::End => last,
        _ => sel,
    }
}

/// Scroll each pane so its selection is visible at the current size.
pub(super) fn keep_in_view(state: &mut AppState) {
    let rows = visible_list_rows(state);
    let body_height = body_of(state.width, state.height).height;
    let Some(s) = state.session_mut() else { return };
    let map_rows = s.map.viewport(body_height);
    s.agreement_top = scroll_to_show(s.agreement_top, s.agreement_sel, rows);
    s.reflection_top = scroll_to_show(s.reflection_top, s.reflection_sel, rows);
    s.timeline_top = scroll_to_show(s.timeline_top, s.timeline_sel, rows);
    s.map_top = map_scroll(s.map_top, s.map.span_of(s.map_sel), map_rows, s.map.total);
}

/// First line of the map to show so the selected span is in view; a span
/// taller than the view shows its top. Near the end the view stays full.
pub fn map_scroll(top: usize, span: super::map::Span, visible: usize, total: usize) -> usize {
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
