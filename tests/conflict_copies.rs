//! Copies of a session beside it (issue 8): a sync tool's conflict copy
//! (Dropbox, OneDrive, Syncthing), kompas's own conflict copy and its
//! recovery file are shown in the library under the session they are a
//! copy of, named by what made them, and never as another meeting.

use std::path::{Path, PathBuf};

use kompas::app::{Action, AppState, Effect, LibraryRow, update};
use kompas::domain::Session;
use kompas::i18n::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::common::{at, date, send_at};

fn now() -> kompas::domain::Timestamp {
    at("2026-03-12T10:00:00+01:00")
}

fn screen(state: &AppState) -> String {
    let mut terminal = Terminal::new(TestBackend::new(state.width, state.height)).unwrap();
    terminal.draw(|f| kompas::ui::draw(f, state)).unwrap();
    let buf = terminal.backend().buffer().clone();
    (0..buf.area.height)
        .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect::<String>().trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A folder with `wijk.json`, a copy of each kind beside it, a follow-up
/// meeting and another session under a OneDrive-like name.
pub fn folder_with_copies() -> (tempfile::TempDir, Session) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let s = Session::new("s1".into(), "Wijk Zuiderveld", date(2026, 3, 12), "Ans", now()).unwrap();
    kompas::storage::save(&d.join("wijk.json"), &s).unwrap();
    let mut theirs = s.clone();
    theirs.title = "Wijk Zuiderveld (Anne)".into();
    kompas::storage::save(&d.join("wijk (Anne's conflicted copy 2026-03-12).json"), &theirs).unwrap();
    kompas::storage::save(&d.join("wijk-LAPTOP-ANNE.json"), &s).unwrap();
    kompas::storage::save(&d.join("wijk.sync-conflict-20260312-101500-ABCDEFG.json"), &s).unwrap();
    let bytes = std::fs::read(d.join("wijk.json")).unwrap();
    kompas::storage::write_copy_beside(&d.join("wijk.json"), &bytes, kompas::storage::KOMPAS_COPY_LABEL)
        .unwrap();
    let next = s.follow_up("s2".into(), "wijk.json", date(2026, 4, 9), now());
    kompas::storage::save(&d.join("wijk-vervolg.json"), &next).unwrap();
    let other = Session::new("o1".into(), "Scholen Oost", date(2026, 3, 1), "Ans", now()).unwrap();
    kompas::storage::save(&d.join("wijk-2.json"), &other).unwrap();
    (dir, s)
}

fn library(dir: &Path, lang: Lang, w: u16, h: u16) -> AppState {
    let mut state = AppState::new(lang, dir.to_path_buf(), now().date_naive());
    update(&mut state, Action::Resize(w, h), now());
    let mut found = Vec::new();
    kompas::runtime::scan_library(dir, now().date_naive(), |entries, _| {
        found.push(entries);
        true
    });
    let n = found.len();
    for (i, entries) in found.into_iter().enumerate() {
        update(&mut state, Action::LibraryUpdate { generation: 0, entries, done: i + 1 == n }, now());
    }
    state
}

fn row_files(state: &AppState) -> Vec<(String, Option<String>)> {
    let lib = state.library().unwrap();
    lib.rows
        .iter()
        .map(|r| {
            let name = |i: usize| lib.entries[i].file_name();
            match r {
                LibraryRow::Copy { entry, of } => (name(*entry), Some(name(*of))),
                r => (name(r.entry()), None),
            }
        })
        .collect()
}

#[test]
fn copies_beside_a_session_are_listed_under_it_by_what_made_them() {
    let (dir, _) = folder_with_copies();
    let state = library(dir.path(), Lang::En, 120, 35);
    let of = Some("wijk.json".to_string());
    let rows = row_files(&state);
    assert_eq!(
        rows,
        [
            ("wijk.json".into(), None),
            ("wijk (Anne's conflicted copy 2026-03-12).json".into(), of.clone()),
            (rows[2].0.clone(), of.clone()),
            ("wijk-LAPTOP-ANNE.json".into(), of.clone()),
            ("wijk.sync-conflict-20260312-101500-ABCDEFG.json".into(), of.clone()),
            ("wijk-vervolg.json".into(), None),
            ("wijk-2.json".into(), None),
        ]
    );
    assert!(rows[2].0.starts_with("wijk (kompas conflict copy "), "{rows:?}");
    for (lang, w, h, words) in [
        (
            Lang::En,
            120,
            35,
            ["copy (Dropbox)", "copy (kompas)", "copy (OneDrive: LAPTOP-ANNE)", "copy (Syncthing)"],
        ),
        (
            Lang::Nl,
            80,
            24,
            ["kopie (Dropbox)", "kopie (kompas)", "kopie (OneDrive: LAPTOP-ANNE)", "kopie (Syncthing)"],
        ),
    ] {
        let state = library(dir.path(), lang, w, h);
        let text = screen(&state);
        let lines: Vec<&str> = text.lines().collect();
        let session = lines.iter().position(|l| l.contains("Wijk Zuiderveld") && !l.contains('⧉')).unwrap();
        for (n, word) in words.iter().enumerate() {
            let line = lines[session + 1 + n];
            assert!(
                line.contains(&format!("└ ⧉ {word}")),
                "{lang:?} {w}x{h}: row {n} under the session:\n{text}"
            );
        }
        // The follow-up is the chain's second meeting, after the copies.
        assert!(lines[session + 5].contains("└ Wijk Zuiderveld"), "{text}");
        // Exactly one row of the session, plus its follow-up: the copies
        // are no meetings.
        assert_eq!(
            lines.iter().filter(|l| l.contains("Wijk Zuiderveld") && !l.contains('⧉')).count(),
            2,
            "{text}"
        );
    }
}

#[test]
fn enter_on_a_copy_opens_its_session_and_r_looks_at_the_copy() {
    let (dir, _) = folder_with_copies();
    let mut state = library(dir.path(), Lang::Nl, 80, 24);
    let effects = send_at(&mut state, now(), [Action::Home, Action::Down, Action::OpenSelected]);
    assert_eq!(effects, [Effect::OpenSession(dir.path().join("wijk.json"))]);
    let copy: PathBuf = dir.path().join("wijk (Anne's conflicted copy 2026-03-12).json");
    let effects = send_at(&mut state, now(), [Action::ReviewSelected]);
    assert_eq!(effects, [Effect::ReviewSession(copy)]);
}
