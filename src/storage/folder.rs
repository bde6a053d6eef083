//! The sessions folder: creating it, listing its sessions, and removing
//! temp files a crash left behind.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::naming::{TEMP_MARKER, is_temp_name};

/// Temp files younger than this may belong to a save in progress (in
/// another kompas) and are left alone.
pub const STALE_TEMP_AGE: Duration = Duration::from_secs(10 * 60);

/// Create the folder (and missing parents) with mode 0700 (on Windows: the
/// user's default ACL, see `os::create_private_dir`), whatever the
/// umask, if it is missing. An existing folder is left as it is.
pub fn ensure_sessions_dir(dir: &Path) -> io::Result<()> {
    let mut missing = Vec::new();
    let mut next = Some(dir);
    while let Some(d) = next.filter(|d| !d.as_os_str().is_empty()) {
        match fs::symlink_metadata(d) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => missing.push(d),
            _ => break,
        }
        next = d.parent();
    }
    for d in missing.into_iter().rev() {
        match super::os::create_private_dir(d) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {} // made meanwhile by someone else
            Err(e) => return Err(e),
        }
    }
    if fs::metadata(dir)?.is_dir() {
        Ok(())
    } else {
        Err(io::Error::new(io::ErrorKind::NotADirectory, "exists and is not a folder"))
    }
}

/// The session files in `dir`: `*.json` regular files (or links to them)
/// whose names do not start with a dot, sorted by name.
pub fn session_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let is_json = Path::new(&*name).extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
        if name.starts_with('.') || !is_json {
            continue;
        }
        let path = entry.path();
        if fs::metadata(&path).is_ok_and(|m| m.is_file()) {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// One `*.json` entry of the sessions folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FolderEntry {
    pub path: PathBuf,
    /// Why it cannot be a session file; `None` for a regular file (or a link
    /// to one) that may be read.
    pub problem: Option<EntryProblem>,
}

/// What is wrong with a folder entry that looks like a session by its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryProblem {
    /// A symbolic link to nothing.
    DanglingLink,
    /// A folder named `*.json`.
    Folder,
    /// A device, pipe or socket.
    NotAFile,
    /// It may not be read (the cause in plain words).
    Unreadable(String),
}

impl std::fmt::Display for EntryProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EntryProblem::DanglingLink => write!(f, "a link to a file that is not there"),
            EntryProblem::Folder => write!(f, "a folder, not a session file"),
            EntryProblem::NotAFile => write!(f, "not a regular file (a device, pipe or socket)"),
            EntryProblem::Unreadable(why) => write!(f, "cannot be read: {why}"),
        }
    }
}

/// Every `*.json` entry of `dir` whose name does not start with a dot,
/// sorted by name, each with what is wrong with it, if anything. Nothing is
/// opened but to check that a file may be read.
pub fn folder_entries(dir: &Path) -> io::Result<Vec<FolderEntry>> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let is_json = Path::new(&*name).extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
        if name.starts_with('.') || !is_json {
            continue;
        }
        let path = entry.path();
        let problem = match fs::metadata(&path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => Some(EntryProblem::DanglingLink),
            Err(e) => Some(EntryProblem::Unreadable(super::io_cause(&e))),
            Ok(m) if m.is_dir() => Some(EntryProblem::Folder),
            Ok(m) if !m.is_file() => Some(EntryProblem::NotAFile),
            Ok(_) => match fs::File::open(&path) {
                Ok(_) => None,
                Err(e) => Some(EntryProblem::Unreadable(super::io_cause(&e))),
            },
        };
        out.push(FolderEntry { path, problem });
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// A temp file whose session exists and is not held by a kompas now.
fn orphaned(dir: &Path, temp_name: &str) -> bool {
    let Some(base) = temp_name.strip_prefix('.').and_then(|r| r.rfind(TEMP_MARKER).map(|at| &r[..at])) else {
        return false;
    };
    // The draft journal `.<session>.draft.json` belongs to `<session>`.
    let base = base.strip_prefix('.').and_then(|b| b.strip_suffix(".draft.json")).unwrap_or(base);
    let Ok(entries) = fs::read_dir(dir) else { return false };
    // The name in a temp file may be shortened: it must match one session.
    let matches: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().is_some_and(|n| {
                let n = n.to_string_lossy();
                !n.starts_with('.') && n.starts_with(base) && n.ends_with(".json")
            })
        })
        .collect();
    let [session] = matches.as_slice() else { return false };
    // Nobody holds it (taking the lock and letting go leaves no lock file).
    matches!(super::lock(session), Ok(super::LockOutcome::Acquired(_)))
}

/// Remove the temp files our saves leave behind when the program dies in
/// the middle (`.<name>.kompas-tmp-<random>`, regular files). One goes when
/// it is untouched for [`STALE_TEMP_AGE`], or at once when it belongs to a
/// session (or its draft journal) that no running kompas holds: then nobody
/// can be writing it. Nothing else is touched. Returns how many went.
pub fn clean_stale_temp_files(dir: &Path) -> io::Result<usize> {
    let now = SystemTime::now();
    let mut removed = 0;
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !is_temp_name(&name) {
            continue;
        }
        let Ok(meta) = fs::symlink_metadata(entry.path()) else { continue };
        let age = meta.modified().ok().and_then(|m| now.duration_since(m).ok());
        let old = age.is_some_and(|age| age >= STALE_TEMP_AGE);
        if meta.is_file() && (old || orphaned(dir, &name)) {
            match fs::remove_file(entry.path()) {
                Ok(()) => removed += 1,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(removed)
}

// Symlinks: Unix only (on Windows they need administrator rights).
#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn every_json_entry_is_listed_with_what_is_wrong() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::write(d.join("good.json"), b"{}").unwrap();
        std::os::unix::fs::symlink("nothing.json", d.join("dangling.json")).unwrap();
        fs::create_dir(d.join("folder.json")).unwrap();
        fs::write(d.join(".hidden.json"), b"{}").unwrap();
        fs::write(d.join("notes.txt"), b"").unwrap();
        let rows: Vec<(String, Option<EntryProblem>)> = folder_entries(d)
            .unwrap()
            .into_iter()
            .map(|e| (e.path.file_name().unwrap().to_string_lossy().into_owned(), e.problem))
            .collect();
        assert_eq!(
            rows,
            vec![
                ("dangling.json".into(), Some(EntryProblem::DanglingLink)),
                ("folder.json".into(), Some(EntryProblem::Folder)),
                ("good.json".into(), None),
            ]
        );
    }
}
