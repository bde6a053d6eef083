//! Every call into the operating system that is not the same everywhere, in
//! one place: file identity (volume and file number), link counts, modes
//! and owners, opening without following a symlink, locks, creating temp
//! files and giving them their name, swapping two names, flushing a folder,
//! write access, and the file-size-limit signal.
//!
//! The rest of `storage` uses only this interface, implemented twice with
//! the same functions: `unix.rs` (Linux and macOS) and `windows.rs`. What
//! differs on Windows:
//!
//! * identity and links come from `GetFileInformationByHandle` (volume
//!   serial number and file index), read through an open handle;
//! * "no follow" opens with `FILE_FLAG_OPEN_REPARSE_POINT` and refuses what
//!   turns out to be a reparse point (a symlink or junction);
//! * permissions: files get the user's default ACL (inherited from the
//!   folder); the mode is only the read-only attribute (`0o444` or `0o666`),
//!   and a read-only file opens as a read-only session;
//! * a file lock there is mandatory (`LockFileEx` keeps everyone else from
//!   reading the locked bytes), so only the side lock file is locked, never
//!   the session file itself ([`IDENTITY_LOCKS`]);
//! * a folder cannot be flushed, so the replace itself is write-through
//!   (`MoveFileExW` with `MOVEFILE_WRITE_THROUGH`);
//! * there is no file-size-limit signal.

use std::fs::File;
use std::io;
use std::path::Path;

/// What kompas needs to know about a file on disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Facts {
    /// The file's identity: two names with the same device and inode are
    /// the same file.
    pub dev: u64,
    pub ino: u64,
    pub size: u64,
    /// Last modification, in nanoseconds since 1970.
    pub mtime_ns: i128,
    /// Permission bits (`0o644`).
    pub mode: u32,
    pub uid: u32,
    pub gid: u32,
    /// How many names (hard links) the file has.
    pub links: u64,
}

impl Facts {
    /// Facts that match no file (for "we know of no file there").
    pub fn nothing() -> Facts {
        Facts { dev: u64::MAX, ino: u64::MAX, size: u64::MAX, mtime_ns: 0, mode: 0, uid: 0, gid: 0, links: 0 }
    }

    pub fn same_file(&self, other: &Facts) -> bool {
        self.dev == other.dev && self.ino == other.ino
    }

    /// Nobody at all may write it (no `w` bit): a file made read-only on
    /// purpose, which even an administrator's kompas leaves alone.
    pub fn read_only_mode(&self) -> bool {
        self.mode & 0o222 == 0
    }
}

/// How [`open_no_follow`] opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Create {
    /// Only a new file; an existing name (a file or a link) fails with
    /// `AlreadyExists`.
    New,
    /// The existing file, or a new one.
    Either,
}

#[cfg(unix)]
#[path = "unix.rs"]
mod imp;
#[cfg(windows)]
#[path = "windows.rs"]
mod imp;

const PLANTED: &str = "a symbolic link is in the way (kompas does not write through it)";

/// The error for a symlink found where kompas creates a side file.
pub fn planted_link() -> io::Error {
    io::Error::other(PLANTED)
}

/// Is `e` the error of [`planted_link`]?
pub fn is_planted_link(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::Other && e.to_string() == PLANTED
}

/// Try to take the exclusive lock on `file`, without waiting: `Ok(false)`
/// when another process (or another handle) holds it.
pub fn try_lock(file: &File) -> io::Result<bool> {
    match file.try_lock() {
        Ok(()) => Ok(true),
        Err(std::fs::TryLockError::WouldBlock) => Ok(false),
        Err(std::fs::TryLockError::Error(e)) => Err(e),
    }
}

/// How [`persist`] names a temp file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Replace {
    /// Replace the file of that name.
    Existing,
    /// Fail with `AlreadyExists` if the name is taken.
    Never,
}

/// Whether the session file itself is locked besides the side lock file.
/// On Unix locks are advisory and the identity lock catches a second name
/// (hard link, other mount) for the same file. On Windows a lock is
/// mandatory: holding it would keep sync tools, a second kompas showing its
/// library, and even this kompas's own reads away from the session.
pub const IDENTITY_LOCKS: bool = cfg!(unix);

pub use imp::*;

// `facts_of_file(&File)`, `facts_of(path)` (following symlinks) and
// `facts_of_entry(path)` (the name itself, a symlink is not followed) are the
// [`Facts`] of a file; see `unix.rs` and `windows.rs`.

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn no_follow_refuses_a_planted_link_and_leaves_it() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, b"keep").unwrap();
        let link = dir.path().join("side");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        for create in [Create::New, Create::Either] {
            let e = open_no_follow(&link, create, 0o600).unwrap_err();
            assert!(is_planted_link(&e) || e.kind() == io::ErrorKind::AlreadyExists, "{e:?}");
        }
        assert!(is_planted_link(&open_read_no_follow(&link).unwrap_err()));
        assert_eq!(std::fs::read(&victim).unwrap(), b"keep");
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    }

    #[test]
    fn identity_links_and_modes() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        std::fs::write(&a, b"x").unwrap();
        let b = dir.path().join("b");
        std::fs::hard_link(&a, &b).unwrap();
        let (fa, fb) = (facts_of(&a).unwrap(), facts_of(&b).unwrap());
        assert!(fa.same_file(&fb));
        assert_eq!(fa.links, 2);
        let f = File::open(&a).unwrap();
        set_mode(&f, 0o400).unwrap();
        assert!(facts_of(&a).unwrap().read_only_mode());
    }

    #[test]
    fn exchange_swaps_two_names() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        std::fs::write(&a, b"A").unwrap();
        std::fs::write(&b, b"B").unwrap();
        let swapped = exchange(&a, &b).unwrap();
        if swapped {
            assert_eq!(std::fs::read(&a).unwrap(), b"B");
            assert_eq!(std::fs::read(&b).unwrap(), b"A");
        }
    }
}
