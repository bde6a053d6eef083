//! The sessions folder: creating it, listing its sessions, and removing
//! temp files a crash left behind.

use std::fs::{self, DirBuilder};
use std::io;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::naming::{TEMP_MARKER, is_temp_name, lock_name};

/// Temp files younger than this may belong to a save in progress (in
/// another kompas) and are left alone.
pub const STALE_TEMP_AGE: Duration = Duration::from_secs(10 * 60);

/// Create the folder (and missing parents) with mode 0700, whatever the
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
        match DirBuilder::new().mode(0o700).create(d) {
            Ok(()) => fs::set_permissions(d, fs::Permissions::from_mode(0o700))?,
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

/// A temp file whose session exists, has been opened by a kompas (its lock
/// file is there) and is not held by one now.
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
    let lock_file = dir.join(lock_name(session.file_name().unwrap_or_default()));
    lock_file.exists() && matches!(super::lock(session), Ok(super::LockOutcome::Acquired(_)))
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
