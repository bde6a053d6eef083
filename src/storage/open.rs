//! Opening a session to work in: whether kompas may write it, its locks,
//! and the version read, in one step. A file that is refused leaves nothing
//! behind (no lock file).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::identity::Version;
use super::load::{LoadError, LoadErrorKind, parse, read_capped};
use super::lock::{LockOutcome, SessionLock, lock};
use super::naming::{folder_of, real_path};
use super::os::{self, Facts};
use super::sync::Disk;
use super::{MAX_FILE_BYTES, shown_path};
use crate::domain::Session;

/// Why a session opens read-only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnly {
    /// Another kompas has it open (by this name or another).
    HeldElsewhere,
    /// The file's mode gives nobody write access (`0400`).
    FileReadOnly { mode: u32 },
    /// The file may not be written by you.
    NoWriteFile,
    /// The folder may not be written by you (saving needs a new file there).
    NoWriteFolder,
    /// The disk is mounted read-only.
    ReadOnlyDisk,
    /// Someone else's file: saving replaces it with a new file, which would
    /// be yours. Only its owner (or the administrator) saves it.
    OtherOwner { uid: u32 },
    /// The file has more than one name (hard links).
    ///
    /// Kompas saves by writing a new file and swapping it in, so a crash
    /// never leaves half a session. A hard-linked file cannot be saved that
    /// way without splitting its names (the other names would keep the old
    /// version), and saving in place would give up that crash safety. So
    /// such a file opens read-only, with this reason.
    HardLinks { links: u64 },
    /// A symbolic link sits where the lock file goes: left alone.
    PlantedLockLink,
    /// The lock could not be taken (the cause, in plain words).
    LockFailed(String),
}

impl std::fmt::Display for ReadOnly {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadOnly::HeldElsewhere => write!(f, "open in another kompas"),
            ReadOnly::FileReadOnly { mode } => write!(f, "the file is read-only (mode {mode:04o})"),
            ReadOnly::NoWriteFile => write!(f, "you may not write this file"),
            ReadOnly::NoWriteFolder => write!(f, "you may not write in its folder"),
            ReadOnly::ReadOnlyDisk => write!(f, "the disk is read-only"),
            ReadOnly::OtherOwner { uid } => write!(f, "it belongs to another user (uid {uid})"),
            ReadOnly::HardLinks { links } => write!(f, "the file has {links} names (hard links)"),
            ReadOnly::PlantedLockLink => write!(f, "a symbolic link is where the lock file goes"),
            ReadOnly::LockFailed(why) => write!(f, "the lock could not be taken: {why}"),
        }
    }
}

/// A session opened to work in.
#[derive(Debug)]
pub struct Opened {
    /// The session as read. The same value as `disk`'s version of the file
    /// (one `Arc`, not a copy: a large session is megabytes of text, and
    /// copying it at every open cost a fresh process several milliseconds
    /// of its start-up; the program changes its own copy on write).
    pub session: Arc<Session>,
    /// The file had this older version and was migrated in memory (see
    /// [`super::Loaded::migrated_from`]).
    pub migrated_from: Option<u32>,
    /// The file with symlinks resolved.
    pub real: PathBuf,
    /// Ours to write (the lock is held until dropped), or why not.
    pub access: Result<SessionLock, ReadOnly>,
    /// The file as read: the base of later merges.
    pub disk: Disk,
}

/// Why a file may not be written by this process, if it may not.
pub fn read_only_reason(real: &Path, facts: &Facts) -> Option<ReadOnly> {
    if facts.links > 1 {
        return Some(ReadOnly::HardLinks { links: facts.links });
    }
    if facts.read_only_mode() {
        return Some(ReadOnly::FileReadOnly { mode: facts.mode & 0o7777 });
    }
    if os::read_only_disk(real) {
        return Some(ReadOnly::ReadOnlyDisk);
    }
    if !os::may_write(real).unwrap_or(false) {
        return Some(ReadOnly::NoWriteFile);
    }
    if !os::may_write(&folder_of(real)).unwrap_or(false) {
        return Some(ReadOnly::NoWriteFolder);
    }
    if !os::is_admin() && facts.uid != os::my_uid() {
        return Some(ReadOnly::OtherOwner { uid: facts.uid });
    }
    None
}

/// Open the session at `path` to work in: read it, and lock it unless it
/// may not be written (then say why). `Err` only when it cannot be read.
pub fn open(path: &Path) -> Result<Opened, LoadError> {
    let fail = |kind| LoadError { path: path.to_path_buf(), kind };
    let real = real_path(path).map_err(|e| fail(LoadErrorKind::Io(e)))?;
    let facts = os::facts_of(&real).map_err(|e| fail(LoadErrorKind::Io(e)))?;
    let mut access = match read_only_reason(&real, &facts) {
        Some(why) => Err(why),
        None => match lock(&real) {
            Ok(LockOutcome::Acquired(l)) => Ok(l),
            Ok(LockOutcome::HeldElsewhere) => Err(ReadOnly::HeldElsewhere),
            Err(e) if os::is_planted_link(&e) => Err(ReadOnly::PlantedLockLink),
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => Err(ReadOnly::NoWriteFolder),
            Err(e) => Err(ReadOnly::LockFailed(super::io_cause(&e))),
        },
    };
    // Read after locking: no other kompas can write it from here on. A
    // failure drops the lock, which removes the lock file again.
    let before = os::facts_of(&real).map_err(|e| fail(LoadErrorKind::Io(e)))?;
    let bytes = read_capped(&real, MAX_FILE_BYTES).map_err(fail)?;
    let loaded = parse(&bytes).map_err(fail)?;
    // The facts from before the read: a change made while it was read shows
    // as a difference at the next look.
    let version = Version::of(before, &bytes);
    let identity = access.as_mut().ok().map(|l| l.identity());
    let session = Arc::new(loaded.session);
    let disk = Disk::new(path, Some(version), Arc::clone(&session), identity);
    Ok(Opened { session, migrated_from: loaded.migrated_from, real, access, disk })
}

/// One line for people: the file and why it is read-only.
pub fn read_only_line(path: &Path, why: &ReadOnly) -> String {
    format!("{}: read-only: {why}", shown_path(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(dir: &Path) -> PathBuf {
        let path = dir.join("a.json");
        let now = chrono::DateTime::parse_from_rfc3339("2026-03-12T10:00:00+01:00").unwrap();
        let s = crate::domain::Session::new(
            "s1".into(),
            "Wijk",
            chrono::NaiveDate::from_ymd_opt(2026, 3, 12).unwrap(),
            "",
            now,
        )
        .unwrap();
        crate::storage::save(&path, &s).unwrap();
        path
    }

    #[test]
    fn editable_then_held_then_nothing_left_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = file(dir.path());
        let first = open(&path).unwrap();
        assert!(first.access.is_ok());
        let second = open(&path).unwrap();
        assert_eq!(second.access.unwrap_err(), ReadOnly::HeldElsewhere);
        drop(first);
        assert!(!dir.path().join(".a.json.lock").exists());
    }

    #[test]
    fn the_session_and_the_files_version_are_one_value() {
        let dir = tempfile::tempdir().unwrap();
        let opened = open(&file(dir.path())).unwrap();
        assert!(Arc::ptr_eq(&opened.session, opened.disk.on_disk()), "shared, not copied at open");
        assert_eq!(opened.session.title, "Wijk");
        assert_eq!(opened.migrated_from, None);
    }

    #[test]
    fn a_refused_file_leaves_no_lock_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.json");
        std::fs::write(&path, b"not json").unwrap();
        assert!(open(&path).is_err());
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(left, vec![std::ffi::OsString::from("bad.json")]);
    }

    #[test]
    fn a_hard_linked_file_and_a_read_only_file_open_read_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = file(dir.path());
        let second = dir.path().join("b.json");
        std::fs::hard_link(&path, &second).unwrap();
        assert_eq!(open(&path).unwrap().access.unwrap_err(), ReadOnly::HardLinks { links: 2 });
        std::fs::remove_file(&second).unwrap();
        // 0600 loses its `w` bit; on Windows: the read-only attribute.
        let mut read_only = std::fs::metadata(&path).unwrap().permissions();
        read_only.set_readonly(true);
        std::fs::set_permissions(&path, read_only).unwrap();
        let mode = if cfg!(unix) { 0o400 } else { 0o444 };
        assert_eq!(open(&path).unwrap().access.unwrap_err(), ReadOnly::FileReadOnly { mode });
        assert!(!dir.path().join(".a.json.lock").exists(), "no lock file for a read-only open");
    }
}
