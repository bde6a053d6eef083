//! The draft journal: what is being typed in an open form, before it is
//! committed, so a kill -9 or a closed terminal window loses at most about a
//! second of typing. One small file per session, next to it, written
//! atomically; removed once its content is safely in the session file.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{SaveError, SaveErrorKind};
use serde_json::Value;

const FORMAT: &str = "kompas-draft";

/// The journal file of a session: `.<file name>.draft.json` beside the
/// real file (a short hashed name when that would be too long).
pub fn draft_path(session: &Path) -> PathBuf {
    let real = super::real_path(session).unwrap_or_else(|_| session.to_path_buf());
    let name = real.file_name().unwrap_or_default().to_owned();
    real.with_file_name(super::draft_name(&name))
}

/// Where the journal goes when it cannot be written beside the session:
/// the user's state folder, named by a hash of the session's real path.
fn fallback_path(session: &Path) -> Option<PathBuf> {
    fallback_in(session, super::state_dir()?)
}

fn fallback_in(session: &Path, state: PathBuf) -> Option<PathBuf> {
    let real = super::real_path(session).unwrap_or_else(|_| session.to_path_buf());
    let hash = super::identity::fnv64(real.as_os_str().as_encoded_bytes());
    Some(state.join("drafts").join(format!("{hash:016x}.draft.json")))
}

/// Where a draft was written.
#[derive(Debug)]
pub enum Written {
    Beside,
    /// Not beside the session (why), but in the state folder.
    Elsewhere(PathBuf, SaveError),
}

#[derive(Serialize, Deserialize)]
struct Envelope {
    format: String,
    version: u32,
    /// Id of the session the draft belongs to; a draft for another session
    /// (a file replaced by hand) is not offered.
    session: String,
    draft: Value,
}

/// Write the draft for `session_path` (a session with id `session_id`):
/// temp file in the same folder (0600), fsync, rename, fsync the folder;
/// never through a link planted at its name. When that fails (a full disk,
/// a read-only folder), the state folder; `Err` (the first failure) when
/// neither could be written: then the caller must say so at once.
pub fn write_draft(session_path: &Path, session_id: &str, draft: Value) -> Result<Written, SaveError> {
    write_draft_in(session_path, session_id, draft, fallback_path(session_path))
}

fn write_draft_in(
    session_path: &Path,
    session_id: &str,
    draft: Value,
    fallback: Option<PathBuf>,
) -> Result<Written, SaveError> {
    let envelope = Envelope { format: FORMAT.into(), version: 1, session: session_id.into(), draft };
    let path = draft_path(session_path);
    let bytes = serde_json::to_vec(&envelope)
        .map_err(|e| SaveError { path: path.clone(), kind: SaveErrorKind::Encode(e.to_string()) })?;
    let beside = match super::write_atomic(&path, &bytes) {
        Ok(()) => {
            // A draft left in the state folder earlier is now stale.
            if let Some(other) = &fallback {
                let _ = remove_file_only(other);
            }
            return Ok(Written::Beside);
        }
        Err(e) => e,
    };
    let Some(other) = fallback else { return Err(beside) };
    let folder = other.parent().map(Path::to_path_buf).unwrap_or_default();
    if super::ensure_sessions_dir(&folder).is_err() {
        return Err(beside);
    }
    match super::write_atomic(&other, &bytes) {
        Ok(()) => Ok(Written::Elsewhere(other, beside)),
        Err(_) => Err(beside),
    }
}

/// The draft saved for this session (beside it, else in the state folder),
/// if there is a readable one.
pub fn read_draft(session_path: &Path, session_id: &str) -> Option<Value> {
    read_draft_in(session_path, session_id, fallback_path(session_path))
}

fn read_draft_in(session_path: &Path, session_id: &str, fallback: Option<PathBuf>) -> Option<Value> {
    let read = |p: PathBuf| -> Option<Value> {
        let file = super::os::open_read_no_follow(&p).ok()?;
        let envelope: Envelope = serde_json::from_reader(io::BufReader::new(file)).ok()?;
        (envelope.format == FORMAT && envelope.version == 1 && envelope.session == session_id)
            .then_some(envelope.draft)
    };
    read(draft_path(session_path)).or_else(|| read(fallback?))
}

/// Remove the journal (beside the session and in the state folder);
/// nothing to do when there is none. A link planted at its name is left.
pub fn remove_draft(session_path: &Path) -> io::Result<()> {
    if let Some(other) = fallback_path(session_path) {
        let _ = remove_file_only(&other);
    }
    remove_file_only(&draft_path(session_path))
}

fn remove_file_only(path: &Path) -> io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.is_file() => match std::fs::remove_file(path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            other => other,
        },
        Ok(_) => Err(super::os::planted_link()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn write_read_remove() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("2026-03-12-x.json");
        assert_eq!(read_draft(&session, "s1"), None);
        write_draft(&session, "s1", serde_json::json!({"a": "één"})).unwrap();
        assert_eq!(read_draft(&session, "s1"), Some(serde_json::json!({"a": "één"})));
        assert_eq!(read_draft(&session, "other"), None, "a draft of another session is not offered");
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(draft_path(&session)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        remove_draft(&session).unwrap();
        assert_eq!(read_draft(&session, "s1"), None);
        remove_draft(&session).unwrap();
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_link_is_left_alone_and_a_long_name_gets_a_short_journal() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("x.json");
        let victim = dir.path().join("victim");
        std::fs::write(&victim, b"keep").unwrap();
        std::os::unix::fs::symlink(&victim, draft_path(&session)).unwrap();
        let state = tempfile::tempdir().unwrap();
        let fallback = fallback_in(&session, state.path().to_path_buf());
        match write_draft_in(&session, "s1", serde_json::json!("x"), fallback.clone()).unwrap() {
            Written::Elsewhere(p, why) => {
                assert!(p.starts_with(state.path()));
                assert!(matches!(why.kind, SaveErrorKind::PlantedLink));
            }
            Written::Beside => panic!("written through the link"),
        }
        assert_eq!(std::fs::read(&victim).unwrap(), b"keep");
        assert_eq!(read_draft_in(&session, "s1", fallback), Some(serde_json::json!("x")));
        assert!(remove_draft(&session).is_err(), "the link is not removed");
        assert!(std::fs::symlink_metadata(draft_path(&session)).is_ok());
        let long = dir.path().join(format!("{}.json", "l".repeat(246)));
        assert!(matches!(write_draft(&long, "s2", serde_json::json!(1)).unwrap(), Written::Beside));
        assert_eq!(read_draft(&long, "s2"), Some(serde_json::json!(1)));
    }

    #[test]
    fn a_damaged_journal_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("x.json");
        std::fs::write(draft_path(&session), b"{\"format\":\"kompas-draft\",\"vers").unwrap();
        assert_eq!(read_draft(&session, "s1"), None);
    }
}
