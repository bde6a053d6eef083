//! Reading the session folder for the library, in the background, and the
//! meetings of one collaboration for its overview.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;

use chrono::NaiveDate;

use super::Wake;
use crate::app::{Action, EntryState, Failure, FailureKind, LibraryEntry, Loaded};
use crate::domain::chain_overview;
use crate::storage;

/// Entries are sent in batches of this many, so the list fills in steadily
/// without a redraw per file.
const LIBRARY_BATCH: usize = 32;

/// List the session folder and read every file, reporting as it goes: first
/// every file name (shown at once), then the files as they are read.
pub fn scan_library(dir: &Path, today: NaiveDate, mut emit: impl FnMut(Vec<LibraryEntry>, bool) -> bool) {
    let files = match storage::session_files(dir) {
        Ok(f) => f,
        Err(e) => {
            let failed = LibraryEntry {
                path: dir.to_path_buf(),
                state: EntryState::Failed(Failure::io(dir, &e, FailureKind::Unreadable)),
            };
            emit(vec![failed], true);
            return;
        }
    };
    let listed = files.iter().map(|p| LibraryEntry { path: p.clone(), state: EntryState::Loading }).collect();
    if !emit(listed, files.is_empty()) {
        return;
    }
    let mut batch = Vec::with_capacity(LIBRARY_BATCH);
    let count = files.len();
    for (n, path) in files.into_iter().enumerate() {
        let state = match storage::load(&path) {
            Ok(l) => EntryState::Loaded(Box::new(Loaded::new(l.session.summary(today), l.session.texts()))),
            Err(e) => EntryState::Failed(Failure::from(&e)),
        };
        batch.push(LibraryEntry { path, state });
        let last = n + 1 == count;
        if (batch.len() == LIBRARY_BATCH || last) && !emit(std::mem::take(&mut batch), last) {
            return;
        }
    }
}

pub(super) fn spawn_library_scan(dir: PathBuf, today: NaiveDate, generation: u64, tx: Sender<Wake>) {
    std::thread::spawn(move || {
        scan_library(&dir, today, |entries, done| {
            tx.send(Wake::Action(Action::LibraryUpdate { generation, entries, done })).is_ok()
        });
    });
}

/// The overview of one collaboration from its meeting files.
pub(super) fn load_chain(paths: &[PathBuf]) -> Action {
    let mut meetings = Vec::new();
    for p in paths {
        match storage::load(p) {
            Ok(l) => meetings.push(l.session),
            Err(e) => return Action::OpenFailed(Failure::from(&e)),
        }
    }
    Action::OverviewReady(Box::new(chain_overview(&meetings)))
}
