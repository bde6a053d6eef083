//! What can go wrong in a save, said in one line: the errors of
//! [`super::save`] and the other writers of this module's family.

use std::io;
use std::path::PathBuf;

use super::{io_cause, one_line, shown_path};

/// A save that did not happen, or did not finish. `Display` is one line:
/// the file, then what happened ("not saved: disk full (while writing)").
#[derive(Debug, thiserror::Error)]
#[error("{}: {kind}", shown_path(.path))]
pub struct SaveError {
    /// The file being saved (for [`create_new`]: the name it got or would get).
    pub path: PathBuf,
    pub kind: SaveErrorKind,
}

impl SaveError {
    /// The file on disk is exactly as before the save. False only when the
    /// new content was already in place but the folder could not be flushed
    /// (then the file at `path` holds the new content; save again).
    pub fn target_unchanged(&self) -> bool {
        !matches!(self.kind, SaveErrorKind::Io { step: SaveStep::SyncFolder, .. })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SaveErrorKind {
    #[error("not saved: the session could not be written as JSON ({})", one_line(.0))]
    Encode(String),
    #[error("not saved: the JSON would not read back as the same session ({}); this is a bug in kompas", one_line(.0))]
    RoundTrip(String),
    #[error("{}", io_message(*.step, .source))]
    Io {
        step: SaveStep,
        #[source]
        source: io::Error,
    },
    #[error("not saved: no free file name after {0} tries")]
    NoFreeName(u32),
    #[error("not saved: it is not a regular file (a folder, device or pipe)")]
    NotARegularFile,
    #[error("not saved: the file has {0} names (hard links); replacing it would split them")]
    HardLinked(u64),
    #[error("not saved: a symbolic link is in the way; kompas does not write through it")]
    PlantedLink,
    #[error("not saved: a file of that name appeared meanwhile")]
    AppearedMeanwhile,
}

/// Where in a save an I/O error happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStep {
    CreateTemp,
    Write,
    Sync,
    Replace,
    Link,
    SyncFolder,
    Permissions,
    Lock,
}

impl SaveStep {
    fn doing(self) -> &'static str {
        match self {
            SaveStep::CreateTemp => "creating a temporary file in the folder",
            SaveStep::Write => "writing",
            SaveStep::Sync => "flushing to disk",
            SaveStep::Replace => "replacing the old file",
            SaveStep::Link => "giving the new file its name",
            SaveStep::SyncFolder => "flushing the folder to disk",
            SaveStep::Permissions => "giving the new file the old one's permissions",
            SaveStep::Lock => "locking the new file",
        }
    }
}

fn io_message(step: SaveStep, e: &io::Error) -> String {
    use io::ErrorKind as K;
    match (step, e.kind()) {
        (SaveStep::SyncFolder, _) => format!(
            "saved, but the folder could not be flushed to disk ({}); save again to be sure",
            io_cause(e)
        ),
        (SaveStep::CreateTemp, K::PermissionDenied) => {
            "not saved: the folder is read-only (permission denied)".to_string()
        }
        (SaveStep::CreateTemp, K::NotFound) => "not saved: the folder does not exist".to_string(),
        (SaveStep::CreateTemp, K::NotADirectory) => "not saved: the folder is not a folder".to_string(),
        _ => format!("not saved: {} (while {})", io_cause(e), step.doing()),
    }
}

pub(super) fn io_err(step: SaveStep) -> impl FnOnce(io::Error) -> SaveErrorKind {
    move |source| SaveErrorKind::Io { step, source }
}
