//! Why something the facilitator asked for did not happen, kept typed from
//! where it failed (the storage layer, the domain, the runtime) to where it
//! is shown, and said there in the language of the interface.

use std::io;
use std::path::{Path, PathBuf};

use crate::domain::DomainError;
use crate::i18n::Msg;
use crate::storage::W;
use crate::storage::{LoadError, LoadErrorKind, SaveError, SaveErrorKind, SaveStep, SyncError};

mod words;

pub use words::F;

/// A failure: the file it concerns, if any, and what went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub path: Option<PathBuf>,
    pub kind: FailureKind,
}

/// The cause of an I/O error as the interface names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IoCause {
    DiskFull,
    Quota,
    PermissionDenied,
    ReadOnlyDisk,
    NotFound,
    TooLarge,
    IsAFolder,
    NotAFolder,
    BadName,
    DiskFailing,
    /// A network address another program listens on already.
    AddressInUse,
    /// A network address that is not this computer's.
    AddressNotHere,
    /// Anything else, in the operating system's words.
    Other(String),
}

impl IoCause {
    pub fn of(e: &io::Error) -> IoCause {
        use io::ErrorKind as K;
        match e.kind() {
            K::StorageFull => IoCause::DiskFull,
            K::QuotaExceeded => IoCause::Quota,
            K::PermissionDenied => IoCause::PermissionDenied,
            K::ReadOnlyFilesystem => IoCause::ReadOnlyDisk,
            K::NotFound => IoCause::NotFound,
            K::FileTooLarge => IoCause::TooLarge,
            K::IsADirectory => IoCause::IsAFolder,
            K::NotADirectory => IoCause::NotAFolder,
            K::InvalidFilename => IoCause::BadName,
            K::AddrInUse => IoCause::AddressInUse,
            K::AddrNotAvailable => IoCause::AddressNotHere,
            _ if e.raw_os_error() == Some(5) => IoCause::DiskFailing,
            _ => IoCause::Other(e.to_string()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FailureKind {
    // reading a session file
    NotFound,
    Unreadable(IoCause),
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    NotUtf8 {
        line: usize,
        column: usize,
    },
    /// `detail` is the JSON reader's own (English) words.
    Syntax {
        line: usize,
        column: usize,
        detail: String,
    },
    TooDeep {
        line: usize,
        column: usize,
    },
    NotASession {
        found: Option<String>,
    },
    NewerVersion {
        found: u64,
        supported: u32,
    },
    BadVersion,
    Field {
        path: String,
        detail: String,
    },
    /// A rule of the model (the first broken one, in its words) and how many more.
    Rules {
        first: String,
        more: usize,
    },
    // writing one
    NotSaved {
        step: SaveStep,
        cause: IoCause,
    },
    FolderNotFlushed(IoCause),
    Encode(String),
    RoundTrip(String),
    NoFreeName(u32),
    /// Storage refused to write (issue 8): not a regular file, hard links,
    /// a planted link, a file that appeared meanwhile.
    Unsafe {
        what: Msg,
        n: u64,
    },
    /// The original of a migrated file could not be kept before the first save.
    NoBackup {
        version: u32,
        cause: IoCause,
    },
    /// The lock beside the file could not be taken.
    Lock(IoCause),
    /// The domain refused a change.
    Refused(DomainError),
    /// The writer did not finish before kompas had to stop.
    SaveTimedOut,
    /// The file was deleted outside kompas; it is written again only when
    /// the facilitator asks.
    Gone,
    /// The file changed outside kompas and cannot be read now (half written,
    /// or broken; what is wrong with it): nothing was written over it.
    ChangedUnreadable(Box<FailureKind>),
    /// The file now holds another session (its id).
    OtherSession(String),
    /// The lock beside the file was replaced by another kompas (issue 8):
    /// nothing is written until it can be taken again.
    LockTaken,
    /// An export was not written there (issue 8): the session itself,
    /// another session file, a link, a folder, a device; the words for why.
    ExportRefused(Msg),
}

impl Failure {
    pub fn new(path: Option<&Path>, kind: FailureKind) -> Failure {
        Failure { path: path.map(Path::to_path_buf), kind }
    }

    pub fn io(path: &Path, e: &io::Error, kind: impl FnOnce(IoCause) -> FailureKind) -> Failure {
        Failure::new(Some(path), kind(IoCause::of(e)))
    }
}

impl From<&LoadError> for Failure {
    fn from(e: &LoadError) -> Failure {
        use LoadErrorKind as L;
        let kind = match &e.kind {
            L::Io(io) if io.kind() == io::ErrorKind::NotFound => FailureKind::NotFound,
            L::Io(io) => FailureKind::Unreadable(IoCause::of(io)),
            L::TooLarge { bytes, limit } => FailureKind::TooLarge { bytes: *bytes, limit: *limit },
            L::NotUtf8 { line, column } => FailureKind::NotUtf8 { line: *line, column: *column },
            L::Syntax { line, column, message } => {
                FailureKind::Syntax { line: *line, column: *column, detail: message.clone() }
            }
            L::TooDeep { line, column } => FailureKind::TooDeep { line: *line, column: *column },
            L::NotASession { found } => FailureKind::NotASession { found: found.clone() },
            L::NewerVersion { found, supported } => {
                FailureKind::NewerVersion { found: *found, supported: *supported }
            }
            L::BadVersion => FailureKind::BadVersion,
            L::Field { path, message } => FailureKind::Field { path: path.clone(), detail: message.clone() },
            L::Rules(problems) => FailureKind::Rules {
                first: problems.first().map(|p| p.to_string()).unwrap_or_default(),
                more: problems.len().saturating_sub(1),
            },
        };
        Failure::new(Some(&e.path), kind)
    }
}

impl From<&SaveError> for Failure {
    fn from(e: &SaveError) -> Failure {
        let kind = match &e.kind {
            SaveErrorKind::Encode(m) => FailureKind::Encode(m.clone()),
            SaveErrorKind::RoundTrip(m) => FailureKind::RoundTrip(m.clone()),
            SaveErrorKind::Io { step: SaveStep::SyncFolder, source } => {
                FailureKind::FolderNotFlushed(IoCause::of(source))
            }
            SaveErrorKind::Io { step, source } => {
                FailureKind::NotSaved { step: *step, cause: IoCause::of(source) }
            }
            SaveErrorKind::NoFreeName(n) => FailureKind::NoFreeName(*n),
            SaveErrorKind::NotARegularFile => FailureKind::Unsafe { what: W::NotRegular, n: 0 },
            SaveErrorKind::HardLinked(n) => FailureKind::Unsafe { what: W::HardLinked, n: *n },
            SaveErrorKind::PlantedLink => FailureKind::Unsafe { what: W::PlantedLink, n: 0 },
            SaveErrorKind::AppearedMeanwhile => FailureKind::Unsafe { what: W::AppearedMeanwhile, n: 0 },
        };
        Failure::new(Some(&e.path), kind)
    }
}

impl From<&crate::storage::ExportError> for Failure {
    fn from(e: &crate::storage::ExportError) -> Failure {
        match e {
            crate::storage::ExportError::Refused(path, why) => {
                Failure::new(Some(path), FailureKind::ExportRefused(why.msg()))
            }
            crate::storage::ExportError::Write(e) => Failure::from(e),
        }
    }
}

impl From<&SyncError> for Failure {
    fn from(e: &SyncError) -> Failure {
        match e {
            SyncError::Save(e) => Failure::from(e),
            SyncError::Unreadable(e) => {
                Failure::new(Some(&e.path), FailureKind::ChangedUnreadable(Box::new(Failure::from(e).kind)))
            }
            SyncError::OtherSession { path, found } => {
                Failure::new(Some(path), FailureKind::OtherSession(found.clone()))
            }
        }
    }
}

impl From<DomainError> for Failure {
    fn from(e: DomainError) -> Failure {
        Failure::new(None, FailureKind::Refused(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn storage_failures_are_said_in_the_interface_language() {
        let full = Failure::io(Path::new("s/a.json"), &io::Error::from_raw_os_error(28), |cause| {
            FailureKind::NotSaved { step: SaveStep::Write, cause }
        });
        assert_eq!(full.describe(Lang::Nl), "s/a.json: niet opgeslagen: schijf vol (tijdens schrijven)");
        assert_eq!(full.describe(Lang::En), "s/a.json: not saved: disk full (while writing)");
        let missing = crate::storage::load(Path::new("/nonexistent/kompas/x.json")).unwrap_err();
        assert_eq!(Failure::from(&missing).what(Lang::Nl), "bestand niet gevonden");
        let refused = Failure::from(DomainError::Empty("party"));
        assert_eq!(refused.describe(Lang::Nl), "party: mag niet leeg zijn");
    }

    #[test]
    fn hostile_paths_and_details_stay_one_safe_line() {
        let f = Failure::new(
            Some(Path::new("a\u{1b}[2J.json")),
            FailureKind::Syntax { line: 1, column: 2, detail: "x\ny\u{202e}".into() },
        );
        let shown = f.describe(Lang::En);
        assert!(!shown.contains('\u{1b}') && !shown.contains('\n') && !shown.contains('\u{202e}'), "{shown}");
    }
}
