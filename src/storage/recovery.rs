//! Recovery files: the session in memory, written when it could not be saved
//! to its own file (on the way out, after a panic) or when an outside
//! version could not be merged. Next to the session when the folder takes
//! it, else in the user's state folder; never over an existing file, never
//! through a link. The next open of the session finds and offers them.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use chrono::Local;

use super::copies::RECOVERED_MARKER;
use super::identity::fnv64;
use super::naming::{folder_of, real_path};
use super::save::{SaveError, encode, write_new_file};
use crate::domain::Session;

/// How many bytes of the session's name go into a state-folder file name.
const NAME_IN_STATE: usize = 120;

/// The user's state folder for kompas: `$XDG_STATE_HOME/kompas`, else
/// `~/.local/state/kompas`.
pub fn state_dir() -> Option<PathBuf> {
    let base =
        std::env::var_os("XDG_STATE_HOME").filter(|v| !v.is_empty()).map(PathBuf::from).or_else(|| {
            std::env::var_os("HOME").filter(|v| !v.is_empty()).map(|h| PathBuf::from(h).join(".local/state"))
        })?;
    Some(base.join("kompas"))
}

fn stamp() -> String {
    Local::now().format("%Y%m%d-%H%M%S").to_string()
}

/// `<name>.recovered-<time>.json`, and `-2`, `-3`, … after the time.
fn recovered_name(name: &str, stamp: &str, attempt: u32) -> String {
    if attempt <= 1 {
        format!("{name}{RECOVERED_MARKER}{stamp}.json")
    } else {
        format!("{name}{RECOVERED_MARKER}{stamp}-{attempt}.json")
    }
}

/// The prefix of this session's recovery files in the state folder: a
/// hash of its real path, then (the start of) its name.
fn state_prefix(session_path: &Path) -> String {
    let real = real_path(session_path).unwrap_or_else(|_| session_path.to_path_buf());
    let name = real.file_name().unwrap_or(OsStr::new("session.json")).to_string_lossy().into_owned();
    let mut end = name.len().min(NAME_IN_STATE);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    format!("{:016x}-{}", fnv64(real.as_os_str().as_encoded_bytes()), &name[..end])
}

/// Write `session` as a recovery file: beside `session_path`, else in the
/// state folder. Returns where it went.
pub fn write_recovery(session: &Session, session_path: &Path) -> Result<PathBuf, SaveError> {
    let bytes = encode(session).map_err(|kind| SaveError { path: session_path.to_path_buf(), kind })?;
    let stamp = stamp();
    let name = session_path.file_name().unwrap_or(OsStr::new("session.json")).to_string_lossy().into_owned();
    let dir = folder_of(session_path);
    let beside = |a: u32| dir.join(recovered_name(&name, &stamp, a));
    match write_new_file(&dir, OsStr::new(&name), &bytes, &beside) {
        Ok(p) => Ok(p),
        Err((first, first_path)) => {
            let Some(state) = state_dir() else { return Err(SaveError { path: first_path, kind: first }) };
            let _ = super::ensure_sessions_dir(&state);
            let prefix = state_prefix(session_path);
            let there = |a: u32| state.join(recovered_name(&prefix, &stamp, a));
            write_new_file(&state, OsStr::new(&prefix), &bytes, &there)
                .map_err(|_| SaveError { path: first_path, kind: first })
        }
    }
}

/// Keep `bytes` (another version of the session at `path`) as a copy
/// beside it: `<stem> (<label> <time>).json`, recognised in the library as
/// a conflict copy of `path`.
pub fn write_copy_beside(path: &Path, bytes: &[u8], label: &str) -> Result<PathBuf, SaveError> {
    let name = path.file_name().unwrap_or(OsStr::new("session.json")).to_string_lossy().into_owned();
    let stem = name.strip_suffix(".json").unwrap_or(&name).to_string();
    let stamp = stamp();
    let dir = folder_of(path);
    let candidate = |a: u32| {
        let n = if a <= 1 { String::new() } else { format!(" {a}") };
        dir.join(format!("{stem} ({label} {stamp}{n}).json"))
    };
    write_new_file(&dir, OsStr::new(&name), bytes, &candidate)
        .map_err(|(kind, path)| SaveError { path, kind })
}

/// Recovery files of the session at `path`, beside it and in the state
/// folder, oldest first.
pub fn find_recoveries(path: &Path) -> Vec<PathBuf> {
    let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
    let mut found = Vec::new();
    let mut look = |dir: &Path, prefix: &str| {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        let start = format!("{prefix}{RECOVERED_MARKER}");
        for e in entries.flatten() {
            let n = e.file_name().to_string_lossy().into_owned();
            if n.starts_with(&start) && n.ends_with(".json") && e.file_type().is_ok_and(|t| t.is_file()) {
                found.push(e.path());
            }
        }
    };
    look(&folder_of(path), &name);
    if let Some(state) = state_dir() {
        look(&state, &state_prefix(path));
    }
    found.sort_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok());
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, NaiveDate};

    fn session() -> Session {
        let now = DateTime::parse_from_rfc3339("2026-03-12T10:00:00+01:00").unwrap();
        Session::new("s1".into(), "Wijk", NaiveDate::from_ymd_opt(2026, 3, 12).unwrap(), "", now).unwrap()
    }

    #[test]
    fn beside_the_session_and_found_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        let written = write_recovery(&session(), &path).unwrap();
        assert_eq!(written.parent(), Some(dir.path()));
        assert!(written.file_name().unwrap().to_string_lossy().starts_with("a.json.recovered-"));
        assert_eq!(find_recoveries(&path), vec![written.clone()]);
        let again = write_recovery(&session(), &path).unwrap();
        assert_ne!(again, written, "never over an earlier one");
    }

    #[test]
    fn a_copy_beside_is_recognised_as_a_conflict_copy() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2026-03-12-wijk.json");
        let copy = write_copy_beside(&path, b"{}", super::super::copies::KOMPAS_COPY_LABEL).unwrap();
        let name = copy.file_name().unwrap().to_string_lossy().into_owned();
        let first = super::super::copy_candidates(&name).into_iter().next().unwrap();
        assert_eq!(first, ("2026-03-12-wijk.json".into(), super::super::CopyKind::Kompas));
    }
}
