//! The draft journal: what is being typed in an open form, before it is
//! committed, so a kill -9 or a closed terminal window loses at most about a
//! second of typing. One small file per session, next to it, written
//! atomically; removed once its content is safely in the session file.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

const FORMAT: &str = "kompas-draft";

/// The journal file of a session: `.<file name>.draft.json` beside it.
pub fn draft_path(session: &Path) -> PathBuf {
    let name = session.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    session.with_file_name(format!(".{name}.draft.json"))
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
/// temp file in the same folder (0600), fsync, rename, fsync the folder.
pub fn write_draft(session_path: &Path, session_id: &str, draft: Value) -> io::Result<()> {
    let envelope = Envelope { format: FORMAT.into(), version: 1, session: session_id.into(), draft };
    let bytes = serde_json::to_vec(&envelope).map_err(io::Error::other)?;
    super::write_atomic(&draft_path(session_path), &bytes).map_err(|e| io::Error::other(e.to_string()))
}

/// The draft saved for this session, if there is a readable one.
pub fn read_draft(session_path: &Path, session_id: &str) -> Option<Value> {
    let bytes = std::fs::read(draft_path(session_path)).ok()?;
    let envelope: Envelope = serde_json::from_slice(&bytes).ok()?;
    (envelope.format == FORMAT && envelope.version == 1 && envelope.session == session_id)
        .then_some(envelope.draft)
}

/// Remove the journal; nothing to do when there is none.
pub fn remove_draft(session_path: &Path) -> io::Result<()> {
    match std::fs::remove_file(draft_path(session_path)) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn a_damaged_journal_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("x.json");
        std::fs::write(draft_path(&session), b"{\"format\":\"kompas-draft\",\"vers").unwrap();
        assert_eq!(read_draft(&session, "s1"), None);
    }
}
