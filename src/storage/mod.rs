//! Session files on disk: the only code in kompas that reads or writes them.
//!
//! * [`load`] reads a file (size-capped, never modified) and says precisely
//!   what is wrong with a bad one: the line and column, or the field path.
//! * [`save`] replaces a file atomically and durably (temp file in the same
//!   folder, fsync, rename, fsync of the folder); on failure the old file is
//!   untouched and the caller simply calls `save` again later.
//! * [`create_new`] writes a new session under a fresh name and never
//!   overwrites anything, even when two programs race for the same name.
//! * [`lock`] gives one writer per session (advisory `flock` on a side file).
//! * [`session_files`], [`ensure_sessions_dir`] and
//!   [`clean_stale_temp_files`] serve the session library.
//! * [`journal`] keeps typing in an open form until it is committed;
//!   [`write_atomic`] writes exports the same careful way as sessions.
//!
//! A UTF-8 byte order mark at the start of a file is accepted and ignored
//! (RFC 8259 allows this; Windows editors add one); it is not written back.

mod base;
mod copies;
mod export_target;
mod folder;
pub mod identity;
pub mod journal;
mod load;
mod lock;
mod merge;
#[cfg(test)]
mod merge_tests;
mod migrate;
mod naming;
mod open;
pub mod os;
mod recovery;
mod save;
mod save_error;
mod sync;
mod watch;
mod words;

pub use copies::{
    CopyKind, FoundCopy, KOMPAS_COPY_LABEL, Removal, RemoveError, copies_of, copy_candidates, find_copies,
    holds_copy, merge_copy, merge_read_copy, read_copy, remove_copies, restore_copy,
};
pub use export_target::{ExportError, Refusal, check_export_target, write_export};
pub use folder::{
    EntryProblem, FolderEntry, STALE_TEMP_AGE, clean_stale_temp_files, ensure_sessions_dir, folder_entries,
    session_files,
};
pub use load::{LoadError, LoadErrorKind, Loaded, MAX_FILE_BYTES, load, parse_bytes};
pub use lock::{IdentityLock, LockOutcome, LockProbe, SessionLock, lock, lock_path};
pub use merge::{MergeError, Merged, merge};
pub use migrate::backup_original;
pub use naming::{backup_name, draft_name, lock_name, new_file_name, real_path, slug};
pub use open::{Opened, ReadOnly, open, read_only_line, read_only_reason};
pub use recovery::{find_recoveries, state_dir, write_copy_beside, write_recovery};
pub use save::{SaveError, SaveErrorKind, SaveStep, create_new, save, save_with, write_atomic};
pub use sync::{Disk, SyncError, Synced};
pub use watch::{Watch, watch};
pub use words::W;

use std::io;
use std::path::Path;

/// How much of a file's start is read to see whether it is a session.
const FORMAT_PEEK_BYTES: u64 = 4096;

/// Longest message detail shown to people, in characters.
const MAX_SHOWN_CHARS: usize = 300;

/// Text from a file or the file system made safe for one line in a terminal:
/// line breaks, control characters (C0, C1, DEL, so also ESC) and bidi
/// overrides are shown as `\u{..}` escapes, and long text is cut off.
pub(crate) fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(MAX_SHOWN_CHARS + 8));
    for (shown, c) in text.chars().enumerate() {
        if shown == MAX_SHOWN_CHARS {
            out.push('…');
            break;
        }
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() || crate::text::is_bidi_control(c) => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

/// A path for a message, made safe like [`one_line`].
pub(crate) fn shown_path(path: &Path) -> String {
    one_line(&path.to_string_lossy())
}

/// The cause of an I/O error in plain words ("disk full", "permission denied").
pub(crate) fn io_cause(e: &io::Error) -> String {
    use io::ErrorKind as K;
    let plain = match e.kind() {
        K::StorageFull => "disk full",
        K::QuotaExceeded => "disk quota exceeded",
        K::PermissionDenied => "permission denied",
        K::ReadOnlyFilesystem => "the disk is read-only",
        K::NotFound => "not found",
        K::FileTooLarge => "file too large for this disk or for the limits of this program",
        K::IsADirectory => "is a folder, not a file",
        K::NotADirectory => "a part of the path is not a folder",
        K::InvalidFilename => "invalid file name or name too long",
        _ if e.raw_os_error() == Some(5) => "input/output error (the disk may be failing or was removed)",
        _ => return one_line(&e.to_string()),
    };
    plain.to_string()
}

/// The system's own codes for "disk full" and "permission denied", for
/// tests that build such errors (errno on Unix, Win32 error codes on Windows).
#[cfg(test)]
pub(crate) mod os_codes {
    pub const DISK_FULL: i32 = if cfg!(windows) { 112 } else { 28 };
    pub const ACCESS_DENIED: i32 = if cfg!(windows) { 5 } else { 13 };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_escapes_line_breaks_escapes_and_bidi() {
        assert_eq!(one_line("a\nb"), "a\\nb");
        assert_eq!(one_line("\u{1b}[31mred"), "\\u{1b}[31mred");
        assert_eq!(one_line("x\u{202E}y\u{2066}"), "x\\u{202e}y\\u{2066}");
        assert_eq!(one_line("\u{85}\u{9b}\0"), "\\u{85}\\u{9b}\\u{0}");
        assert_eq!(one_line("Zuiderveld — wijk é 🎉"), "Zuiderveld — wijk é 🎉");
    }

    #[test]
    fn one_line_cuts_long_text() {
        let long = "x".repeat(10_000);
        let shown = one_line(&long);
        assert_eq!(shown.chars().count(), MAX_SHOWN_CHARS + 1);
        assert!(shown.ends_with('…'));
    }

    #[test]
    fn io_causes_are_plain() {
        assert_eq!(io_cause(&io::Error::from_raw_os_error(os_codes::DISK_FULL)), "disk full");
        assert_eq!(io_cause(&io::Error::from_raw_os_error(os_codes::ACCESS_DENIED)), "permission denied");
        if cfg!(unix) {
            assert_eq!(io_cause(&io::Error::from_raw_os_error(30)), "the disk is read-only");
            assert!(io_cause(&io::Error::from_raw_os_error(5)).starts_with("input/output error"));
        }
    }
}
