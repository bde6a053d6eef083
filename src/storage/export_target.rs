//! Where an export may be written. Exports never destroy: not a session
//! file (the one exported or any other), not anything but a regular file
//! (a device, a FIFO, a folder), not through a symbolic link at the final
//! name, and not over an existing file unless asked (`--force`, or a "yes"
//! in the program). The write is atomic: a temp file beside it, renamed.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::os;
use super::save::{SaveError, SaveErrorKind, write_atomic, write_new_file};
use super::{FORMAT_PEEK_BYTES, shown_path};

/// Why an export was not written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The target is the session being exported.
    IsTheSession,
    /// The target is a kompas session file.
    IsASession,
    Folder,
    /// A device, FIFO or socket.
    NotAFile,
    /// A symbolic link at the final name.
    Link,
    /// A file exists there and overwriting was not asked for.
    Exists,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{}: not written: {}", shown_path(.0), .1)]
    Refused(PathBuf, Refusal),
    #[error(transparent)]
    Write(#[from] SaveError),
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Refusal::IsTheSession => "that is the session itself",
            Refusal::IsASession => "that is a kompas session file",
            Refusal::Folder => "that is a folder",
            Refusal::NotAFile => "that is not a regular file (a device, pipe or socket)",
            Refusal::Link => "that is a symbolic link",
            Refusal::Exists => "the file exists (use --force to replace it)",
        })
    }
}

impl Refusal {
    /// The words for it, in the interface language.
    pub fn msg(&self) -> crate::i18n::Msg {
        use super::words::W;
        match self {
            Refusal::IsTheSession => W::ExportIsTheSession,
            Refusal::IsASession => W::ExportIsASession,
            Refusal::Folder => W::ExportIsAFolder,
            Refusal::NotAFile => W::ExportNotAFile,
            Refusal::Link => W::ExportIsALink,
            Refusal::Exists => W::ExportExists,
        }
    }
}

impl ExportError {
    /// One line naming the file and the problem, in `lang`.
    pub fn line(&self, lang: crate::i18n::Lang) -> String {
        match self {
            ExportError::Refused(path, r) => format!(
                "{}: {}: {}",
                shown_path(path),
                super::words::W::ExportNotWritten.get(lang),
                r.msg().get(lang)
            ),
            ExportError::Write(e) => e.to_string(),
        }
    }
}

/// Does the file at `path` hold a kompas session? Looks at its start only
/// (`"format": "kompas-session"` comes first in every session kompas writes,
/// and a session written otherwise is caught by a full read below the cap).
fn holds_session(path: &Path) -> bool {
    use std::io::Read;
    let Ok(file) = os::open_read_no_follow(path) else { return false };
    let mut head = Vec::new();
    if file.take(FORMAT_PEEK_BYTES).read_to_end(&mut head).is_err() {
        return false;
    }
    let text = String::from_utf8_lossy(&head);
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    squeezed.contains(&format!("\"format\":\"{}\"", crate::domain::FORMAT))
}

/// May an export go to `target`? `source` is the session exported.
pub fn check_export_target(target: &Path, source: &Path, force: bool) -> Result<(), Refusal> {
    let meta = match fs::symlink_metadata(target) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(_) => return Ok(()), // the write says what is wrong
        Ok(m) => m,
    };
    if meta.file_type().is_symlink() {
        return Err(Refusal::Link);
    }
    if meta.is_dir() {
        return Err(Refusal::Folder);
    }
    if !meta.is_file() {
        return Err(Refusal::NotAFile);
    }
    if let (Ok(s), Ok(t)) = (os::facts_of(source), os::facts_of_entry(target))
        && s.same_file(&t)
    {
        return Err(Refusal::IsTheSession);
    }
    if holds_session(target) {
        return Err(Refusal::IsASession);
    }
    if !force {
        return Err(Refusal::Exists);
    }
    Ok(())
}

/// Write an export of the session at `source` to `target` by the rules
/// above: a new file is created without ever replacing one that appears
/// meanwhile; an existing one (with `force`) is replaced atomically and
/// keeps its mode.
pub fn write_export(target: &Path, bytes: &[u8], source: &Path, force: bool) -> Result<(), ExportError> {
    check_export_target(target, source, force).map_err(|r| ExportError::Refused(target.to_path_buf(), r))?;
    if fs::symlink_metadata(target).is_ok() {
        return Ok(write_atomic(target, bytes)?);
    }
    let name = target.file_name().unwrap_or_default().to_owned();
    let dir = super::naming::folder_of(target);
    let only = |_: u32| target.to_path_buf();
    match write_new_file(&dir, &name, bytes, &only) {
        Ok(_) => Ok(()),
        Err((SaveErrorKind::NoFreeName(_), _)) => {
            Err(ExportError::Refused(target.to_path_buf(), Refusal::Exists))
        }
        Err((kind, path)) => Err(SaveError { path, kind }.into()),
    }
}

// Symlinks: Unix only (on Windows they need administrator rights).
#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn the_rules() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let session = d.join("a.json");
        let bytes = b"{\n  \"format\": \"kompas-session\",\n  \"version\": 1\n}\n";
        fs::write(&session, bytes).unwrap();
        let other = d.join("b.json");
        fs::copy(&session, &other).unwrap();
        let out = d.join("a.md");
        let refused = |t: &Path, force| write_export(t, b"# x", &session, force).err().map(|e| e.to_string());
        assert!(refused(&session, true).unwrap().contains("the session itself"));
        assert!(refused(&other, true).unwrap().contains("a kompas session file"));
        assert!(refused(d, true).unwrap().contains("a folder"));
        std::os::unix::fs::symlink("elsewhere.md", d.join("link.md")).unwrap();
        assert!(refused(&d.join("link.md"), true).unwrap().contains("symbolic link"));
        assert!(!d.join("elsewhere.md").exists());
        assert_eq!(refused(&out, false), None);
        assert!(refused(&out, false).unwrap().contains("exists"));
        assert_eq!(refused(&out, true), None);
        let fifo = d.join("fifo");
        if std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success()) {
            assert!(refused(&fifo, true).unwrap().contains("not a regular file"));
        }
        assert_eq!(fs::read(&session).unwrap(), bytes, "the session is untouched");
    }
}
