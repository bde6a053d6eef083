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

/// A small session "Gedeeld" saved as `dir/a.json`, the file the shared
/// folder tests (outside writers, second names, the sync simulation) share.
pub fn shared_session(dir: &Path) -> PathBuf {
    let path = dir.join("a.json");
    let now = chrono::DateTime::parse_from_rfc3339("2026-03-12T10:00:00+01:00").unwrap();
    let date = chrono::NaiveDate::from_ymd_opt(2026, 3, 12).unwrap();
    let s = kompas::domain::Session::new("s1".into(), "Gedeeld", date, "", now).unwrap();
    kompas::storage::save(&path, &s).unwrap();
    path
}

/// The one session file in `dir`.
pub fn only_session(dir: &Path) -> PathBuf {
    let files = session_files(dir);
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

/// Replace the session file the way a sync tool does: a changed version
/// written to a temp file beside it and renamed over it.
pub fn replace_from_outside(path: &Path, change: impl FnOnce(&mut kompas::domain::Session)) {
    let mut s = kompas::storage::load(path).unwrap().session;
    change(&mut s);
    let name = path.file_name().unwrap().to_string_lossy();
    let tmp = path.with_file_name(format!(".{name}.sync-tmp"));
    std::fs::write(&tmp, serde_json::to_vec_pretty(&s).unwrap()).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}
