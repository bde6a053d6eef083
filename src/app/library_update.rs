//! What the keys do in the session library and its views.

use super::action::{Action, Effect};
use crate::i18n::Msg;

use super::forms;
use super::library::{EntryState, LibraryEntry, LibrarySort, portfolio, search};
use super::state::{AppState, Library, LibraryView, Notice, NoticeText, Overlay, Screen};

/// Rows of the library list visible at the current height.
fn visible_rows(state: &AppState) -> usize {
    crate::layout::library_rows(state.height)
}

/// Start a fresh listing of the session folder.
pub(super) fn relist(state: &mut AppState) -> Vec<Effect> {
    let generation = state.library().map_or(0, |l| l.generation) + 1;
    let (sort, filter) = state.library().map(|l| (l.sort, l.filter.clone())).unwrap_or_default();
    state.screen = Screen::Library(Library { generation, loading: true, sort, filter, ..Default::default() });
    vec![Effect::ListSessions { generation }]
}

/// Merge what the background listing found into the library.
pub(super) fn merge(state: &mut AppState, generation: u64, found: Vec<LibraryEntry>, done: bool) {
    let Some(lib) = state.library_mut() else { return };
    if generation != lib.generation {
        return;
    }
    for e in found {
        match lib.entries.binary_search_by(|x| x.path.cmp(&e.path)) {
            Ok(i) => lib.entries[i] = e,
            Err(i) => lib.entries.insert(i, e),
        }
    }
    if done {
        lib.loading = false;
        // A file listed but never read (it vanished meanwhile) is dropped.
        lib.entries.retain(|e| !matches!(e.state, EntryState::Loading));
    }
    lib.rerow();
}

pub(super) fn library(state: &mut AppState, action: Action) -> Vec<Effect> {
    let visible = visible_rows(state);
    let today = state.today;
    // Borrow the library through its field, so the form, the overlay and the
    // pending focus can be set beside it.
    let Screen::Library(lib) = &mut state.screen else { return Vec::new() };
    match (&mut lib.view, action) {
        // Views over the list: Esc goes back to it.
        (
            LibraryView::Portfolio { .. } | LibraryView::Overview { .. } | LibraryView::Search { .. },
            Action::Back,
        ) => {
            lib.view = LibraryView::List;
        }
        (view @ (LibraryView::Portfolio { .. } | LibraryView::Overview { .. }), a) => {
            let lines = view.report_lines();
            let (LibraryView::Portfolio { scroll, .. } | LibraryView::Overview { scroll, .. }) = view else {
                return Vec::new();
            };
            scroll.step(&a, lines, visible);
        }
        (LibraryView::Search { query, hits, cursor }, a) => match a {
            a if cursor.step(&a, hits.len(), visible) => {}
            Action::OpenSelected | Action::Activate => {
                if let Some(hit) = hits.get(cursor.sel) {
                    let path = lib.entries[hit.entry].path.clone();
                    state.pending_focus = Some((hit.kind, hit.item.clone()));
                    return vec![Effect::OpenSession(path)];
                }
            }
            Action::StartSearch => state.form = Some(forms::search_form(query)),
            _ => {}
        },
        (LibraryView::List, a) => {
            match a {
                a if lib.cursor.step(&a, lib.rows.len(), visible) => {}
                Action::OpenSelected | Action::Activate | Action::ReviewSelected => {
                    // A copy opens its session, which offers it for merging;
                    // `r` looks at the copy itself, read-only.
                    let open =
                        if a == Action::ReviewSelected { lib.selected_entry() } else { lib.session_entry() };
                    if let Some(e) = open {
                        let path = e.path.clone();
                        return vec![if a == Action::ReviewSelected {
                            Effect::ReviewSession(path)
                        } else {
                            Effect::OpenSession(path)
                        }];
                    }
                }
                Action::ToggleSort => {
                    lib.sort = match lib.sort {
                        LibrarySort::Date => LibrarySort::Title,
                        LibrarySort::Title => LibrarySort::Date,
                    };
                    lib.rerow();
                }
                Action::EditFilter => state.form = Some(forms::filter_form(lib)),
                Action::StartSearch => state.form = Some(forms::search_form("")),
                Action::ShowPortfolio => {
                    lib.view =
                        LibraryView::Portfolio { lines: portfolio(&lib.entries), scroll: Default::default() };
                }
                Action::ShowOverview => {
                    let Some(collaboration) =
                        lib.selected_entry().and_then(|e| e.summary()).map(|s| s.collaboration.clone())
                    else {
                        return Vec::new();
                    };
                    let paths = lib
                        .entries
                        .iter()
                        .zip(&lib.copies)
                        .filter(|(_, copy)| copy.is_none())
                        .map(|(e, _)| e)
                        .filter(|e| e.summary().is_some_and(|s| s.collaboration == collaboration))
                        .map(|e| e.path.clone())
                        .collect();
                    return vec![Effect::LoadChain(paths)];
                }
                Action::StartFollowUp if lib.session_entry().and_then(|e| e.summary()).is_some() => {
                    // A meeting that already has a follow-up gets a warning
                    // naming it: a second one is rarely what is meant.
                    let name =
                        lib.session_entry().and_then(|e| e.path.file_name()).map(|n| n.to_string_lossy());
                    let next = lib
                        .entries
                        .iter()
                        .zip(&lib.copies)
                        .filter(|(_, c)| c.is_none())
                        .map(|(e, _)| e)
                        .find(|e| {
                            e.summary()
                                .and_then(|s| s.previous.as_deref())
                                .is_some_and(|p| Some(p) == name.as_deref())
                        });
                    let warning = next
                        .and_then(|e| e.path.file_name())
                        .map(|n| format!("{} {}", Msg::HasFollowUp.get(state.lang), n.to_string_lossy()));
                    state.form = Some(forms::follow_up_form(today));
                    if let Some(text) = warning {
                        state.notice = Some(Notice { text: NoticeText::Text(text), error: true });
                    }
                }
                Action::NewSession => state.form = Some(forms::new_session_form(today, &state.facilitator)),
                Action::RefreshSessions => return relist(state),
                Action::ShowHelp => state.overlay = Some(Overlay::Help { scroll: 0 }),
                _ => {}
            }
            lib.cursor.show(visible);
        }
    }
    Vec::new()
}

/// Run a search over the library and show the results.
pub(super) fn run_search(state: &mut AppState, query: String) {
    if let Some(lib) = state.library_mut() {
        let hits = search(&lib.entries, &lib.rows, &query);
        lib.view = LibraryView::Search { query, hits, cursor: Default::default() };
    }
}
