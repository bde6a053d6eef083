#![allow(dead_code)]
pub mod pty;

use std::path::{Path, PathBuf};

/// The session files in `dir` (not the hidden lock, journal and temp files).
pub fn session_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "json")
                && !p.file_name().unwrap().to_string_lossy().starts_with('.')
        })
        .collect();
    v.sort();
    v
}

/// The one session file in `dir`.
pub fn only_session(dir: &Path) -> PathBuf {
    let files = session_files(dir);
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}
