//! Copies of a session that sync tools (and kompas itself) leave beside it
//! when two versions met: recognised by name, confirmed by content (the
//! copy holds the same session id), and offered for the same merge as an
//! outside change.
//!
//! * Dropbox: `a (Anne's conflicted copy 2026-03-12).json`, also in other
//!   languages (`(conflicterende kopie …)`): a bracketed tail with "conflict".
//! * OneDrive: `a-LAPTOP-ANNE.json`: the device name after a hyphen. Our own
//!   `-2` names look the same, which is why the session id must match.
//! * Syncthing: `a.sync-conflict-20260312-101500-ABCDEFG.json`.
//! * kompas's own conflict copies: `a (kompas conflict copy 20260312-101500).json`,
//!   the version from outside the writer could not merge (see
//!   `storage::sync`): named like Dropbox's, told apart by its label.
//! * kompas's recovery files: `a.json.recovered-20260312-101500.json`,
//!   written when a save could not be made on the way out.

use std::path::{Path, PathBuf};

use super::identity::content_hash;
use super::load::read_capped;
use super::naming::folder_of;
use super::{LoadError, LoadErrorKind, MAX_FILE_BYTES, MergeError, Merged};
use crate::domain::{Conflict, Session, Timestamp};

/// Who made a copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyKind {
    Dropbox,
    OneDrive,
    Syncthing,
    /// A version kompas's writer could not merge, kept whole beside it.
    Kompas,
    Recovered,
}

/// The label of kompas's own conflict copies, inside the brackets:
/// `a (kompas conflict copy <time>).json` (written by `storage::sync`).
pub const KOMPAS_COPY_LABEL: &str = "kompas conflict copy";

/// The marker of kompas's own recovery copies: `<file>.recovered-<time>.json`.
pub(crate) const RECOVERED_MARKER: &str = ".recovered-";

/// The names of which `name` may be a copy, the most likely first. Only a
/// guess from the name: the caller confirms it by the session id.
pub fn copy_candidates(name: &str) -> Vec<(String, CopyKind)> {
    let mut out = Vec::new();
    let Some(stem) = name.strip_suffix(".json").or_else(|| name.strip_suffix(".JSON")) else {
        return out;
    };
    if let Some(at) = stem.find(RECOVERED_MARKER)
        && at > 0
    {
        out.push((stem[..at].to_string(), CopyKind::Recovered));
    }
    if let Some(at) = stem.find(".sync-conflict-")
        && at > 0
    {
        out.push((format!("{}.json", &stem[..at]), CopyKind::Syncthing));
    }
    if let Some(open) = stem.rfind(" (")
        && stem.ends_with(')')
        && open > 0
        && stem[open..].to_lowercase().contains("conflict")
    {
        let ours = stem[open + 2..].starts_with(KOMPAS_COPY_LABEL);
        let kind = if ours { CopyKind::Kompas } else { CopyKind::Dropbox };
        out.push((format!("{}.json", &stem[..open]), kind));
    }
    // OneDrive: every hyphen from the right may start the device name.
    for (at, _) in stem.rmatch_indices('-') {
        if at > 0 && at + 1 < stem.len() {
            out.push((format!("{}.json", &stem[..at]), CopyKind::OneDrive));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(name: &str) -> Option<(String, CopyKind)> {
        copy_candidates(name).into_iter().next()
    }

    #[test]
    fn the_sync_tools_names() {
        assert_eq!(
            first("2026-03-12-wijk (Anne's conflicted copy 2026-03-12).json"),
            Some(("2026-03-12-wijk.json".into(), CopyKind::Dropbox))
        );
        assert_eq!(
            first("wijk (conflicterende kopie van Anne 2026-03-12).json"),
            Some(("wijk.json".into(), CopyKind::Dropbox))
        );
        assert_eq!(
            first("2026-03-12-wijk.sync-conflict-20260312-101500-ABCDEFG.json"),
            Some(("2026-03-12-wijk.json".into(), CopyKind::Syncthing))
        );
        assert_eq!(
            first("2026-03-12-wijk (kompas conflict copy 20260312-101500).json"),
            Some(("2026-03-12-wijk.json".into(), CopyKind::Kompas))
        );
        assert_eq!(
            first("2026-03-12-wijk (kompas conflict copy 20260312-101500 2).json"),
            Some(("2026-03-12-wijk.json".into(), CopyKind::Kompas))
        );
        assert_eq!(
            first("2026-03-12-wijk.json.recovered-20260312-101500.json"),
            Some(("2026-03-12-wijk.json".into(), CopyKind::Recovered))
        );
        let onedrive = copy_candidates("2026-03-12-wijk-LAPTOP-ANNE.json");
        assert!(onedrive.contains(&("2026-03-12-wijk.json".into(), CopyKind::OneDrive)), "{onedrive:?}");
    }

    #[test]
    fn plain_names_are_no_copies_of_anything_but_a_guess() {
        assert!(copy_candidates("wijk.json").is_empty());
        assert!(copy_candidates("notes.txt").is_empty());
        assert!(copy_candidates("wijk (2).json").is_empty());
        // Our own second names are guesses only; the session id decides.
        assert!(copy_candidates("2026-03-12-wijk-2.json").iter().all(|(_, k)| *k == CopyKind::OneDrive));
    }
}

/// A copy found beside a session: both files hold the same session id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundCopy {
    pub copy: std::path::PathBuf,
    pub original: std::path::PathBuf,
    pub kind: CopyKind,
}

/// The conflict and recovery copies in `dir`, each with the session it is a
/// copy of (confirmed by the session id).
pub fn find_copies(dir: &std::path::Path) -> std::io::Result<Vec<FoundCopy>> {
    let entries = super::folder_entries(dir)?;
    let names: std::collections::HashSet<String> = entries
        .iter()
        .filter(|e| e.problem.is_none())
        .filter_map(|e| e.path.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    let id_of = |p: &std::path::Path| super::load(p).ok().map(|l| l.session.id);
    let mut found = Vec::new();
    for e in entries.iter().filter(|e| e.problem.is_none()) {
        let name = e.path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        for (original, kind) in copy_candidates(&name) {
            if !names.contains(&original) {
                continue;
            }
            let original = dir.join(&original);
            if id_of(&e.path).is_some_and(|id| Some(id) == id_of(&original)) {
                found.push(FoundCopy { copy: e.path.clone(), original, kind });
                break;
            }
        }
    }
    Ok(found)
}

/// Merge a copy into its session in memory: nothing counts as removed (the
/// two have no known common version), what differs is kept as conflicts
/// naming the copy. The caller saves the result and then removes the copy.
pub fn merge_copy(
    ours: &crate::domain::Session,
    copy: &std::path::Path,
    now: crate::domain::Timestamp,
) -> Result<super::Merged, String> {
    let theirs = super::load(copy).map_err(|e| e.to_string())?.session;
    if theirs.id != ours.id {
        return Err(format!("{}: holds another session", super::shown_path(copy)));
    }
    let source = copy.file_name().unwrap_or_default().to_string_lossy().into_owned();
    super::merge(None, ours, &theirs, &source, now).map_err(|e| e.to_string())
}

/// The copies of the session in `path` (whose id is `id`), to offer when it
/// opens: sync tools' and kompas's conflict copies beside it, and its
/// recovery files beside it or in the state folder. Each is read to confirm
/// that it holds this session.
pub fn copies_of(path: &Path, id: &str) -> Vec<FoundCopy> {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else { return Vec::new() };
    let holds = |p: &Path| super::load(p).is_ok_and(|l| l.session.id == id);
    let found = |copy: PathBuf, kind| FoundCopy { copy, original: path.to_path_buf(), kind };
    let mut out = Vec::new();
    if let Ok(entries) = super::folder_entries(&folder_of(path)) {
        for e in entries.iter().filter(|e| e.problem.is_none()) {
            let n = e.path.file_name().unwrap_or_default().to_string_lossy().into_owned();
            let kind = copy_candidates(&n)
                .into_iter()
                .find(|(original, kind)| *original == name && *kind != CopyKind::Recovered)
                .map(|(_, kind)| kind);
            if let Some(kind) = kind
                && holds(&e.path)
            {
                out.push(found(e.path.clone(), kind));
            }
        }
    }
    for r in super::find_recoveries(path) {
        if holds(&r) {
            out.push(found(r, CopyKind::Recovered));
        }
    }
    out
}

/// A copy as read for merging: its session, the hash of its bytes (it is
/// removed later only while it still holds what was merged) and the bytes
/// (put back if the merge is undone after it was removed).
pub fn read_copy(path: &Path) -> Result<(Session, u64, Vec<u8>), LoadError> {
    let bytes =
        read_capped(path, MAX_FILE_BYTES).map_err(|kind| LoadError { path: path.to_path_buf(), kind })?;
    let loaded = super::parse_bytes(path, &bytes)?;
    Ok((loaded.session, content_hash(&bytes), bytes))
}

/// Put a removed copy back (its merge was undone): at its own name when
/// that is free, else as a kompas conflict copy of `original`; never over
/// a file, never through a link. Returns where it went.
pub fn restore_copy(copy: &Path, original: &Path, bytes: &[u8]) -> Result<PathBuf, super::SaveError> {
    let dir = folder_of(copy);
    let name = copy.file_name().unwrap_or_default().to_owned();
    let original = original.file_name().unwrap_or_default().to_string_lossy().into_owned();
    let stem = original.strip_suffix(".json").unwrap_or(&original).to_string();
    let candidate = |a: u32| {
        if a <= 1 { copy.to_path_buf() } else { dir.join(format!("{stem} ({KOMPAS_COPY_LABEL} {a}).json")) }
    };
    super::save::write_new_file(&dir, &name, bytes, &candidate)
        .map_err(|(kind, path)| super::SaveError { path, kind })
}

/// Merge a copy into `ours` as [`merge_copy`] does, from the session read
/// already: conflict records the session holds already (the same place and
/// the same other value, from an earlier merge of this copy) are not made
/// twice, so merging a copy again changes nothing.
pub fn merge_read_copy(
    ours: &Session,
    theirs: &Session,
    source: &str,
    now: Timestamp,
) -> Result<Merged, MergeError> {
    if theirs.id != ours.id {
        return Err(MergeError("another session".into()));
    }
    let mut m = super::merge(None, ours, theirs, source, now)?;
    let new = m.session.conflicts.len() - m.conflicts;
    let known = |c: &Conflict| ours.conflicts.iter().any(|k| k.path == c.path && k.other == c.other);
    let mut n = 0;
    m.session.conflicts.retain(|c| {
        n += 1;
        n <= new || !known(c)
    });
    m.conflicts = m.session.conflicts.len() - new;
    Ok(m)
}

/// Whether `session` holds everything in `copy`: merging it again would
/// take nothing in and make no new conflict record.
pub fn holds_copy(session: &Session, copy: &Session) -> bool {
    merge_read_copy(session, copy, "", session.updated_at).is_ok_and(|m| m.came_in == 0 && m.conflicts == 0)
}

/// What became of a copy the session took in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Removal {
    Removed,
    /// The copy changed since it was merged: kept, to be offered again.
    Changed,
    /// The session's file does not hold everything in the copy (the merge
    /// was undone, or a conflict settled before the save): kept.
    NotHeld,
}

/// Remove each copy (with the hash of the bytes that were merged) once the
/// session's file at `session_path` holds everything in it, and only while
/// the copy still holds what was merged: the copy goes only after the save
/// of the merged session landed, and nothing is lost with it.
pub fn remove_copies(
    session_path: &Path,
    copies: &[(PathBuf, u64)],
) -> Result<Vec<Result<Removal, RemoveError>>, LoadError> {
    let saved = super::load(session_path)?.session;
    Ok(copies
        .iter()
        .map(|(copy, hash)| {
            let (theirs, now, _) = match read_copy(copy) {
                Ok(read) => read,
                // Gone already (a sync tool tidied it, or another kompas).
                Err(e) if matches!(e.kind, LoadErrorKind::Io(ref io) if io.kind() == std::io::ErrorKind::NotFound) => {
                    return Ok(Removal::Removed);
                }
                Err(e) => return Err(RemoveError::Load(e)),
            };
            if now != *hash {
                return Ok(Removal::Changed);
            }
            if !holds_copy(&saved, &theirs) {
                return Ok(Removal::NotHeld);
            }
            std::fs::remove_file(copy).map_err(|e| RemoveError::Remove(copy.clone(), e))?;
            Ok(Removal::Removed)
        })
        .collect())
}

/// Why a copy could not be removed.
#[derive(Debug, thiserror::Error)]
pub enum RemoveError {
    #[error(transparent)]
    Load(LoadError),
    #[error("{}: {}", super::shown_path(.0), .1)]
    Remove(PathBuf, std::io::Error),
}

#[cfg(test)]
mod found_tests {
    use super::*;

    #[test]
    fn copies_are_confirmed_by_the_session_id_and_merged() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let now = chrono::DateTime::parse_from_rfc3339("2026-03-12T10:00:00+01:00").unwrap();
        let date = chrono::NaiveDate::from_ymd_opt(2026, 3, 12).unwrap();
        let s = crate::domain::Session::new("s1".into(), "Wijk", date, "", now).unwrap();
        let other = crate::domain::Session::new("s2".into(), "Wijk", date, "", now).unwrap();
        super::super::save(&d.join("wijk.json"), &s).unwrap();
        // Our own second name for another session: no copy.
        super::super::save(&d.join("wijk-2.json"), &other).unwrap();
        let mut theirs = s.clone();
        theirs.title = "Wijk Zuid".into();
        super::super::save(&d.join("wijk (Anne's conflicted copy 2026-03-12).json"), &theirs).unwrap();
        super::super::save(&d.join("wijk-LAPTOP-ANNE.json"), &s).unwrap();
        let found = find_copies(d).unwrap();
        let kinds: Vec<CopyKind> = found.iter().map(|f| f.kind).collect();
        assert_eq!(kinds, [CopyKind::Dropbox, CopyKind::OneDrive], "{found:?}");
        assert!(found.iter().all(|f| f.original == d.join("wijk.json")));
        let merged = merge_copy(&s, &found[0].copy, now).unwrap();
        assert_eq!(merged.session.title, "Wijk");
        assert_eq!(merged.session.conflicts[0].other, Some(serde_json::json!("Wijk Zuid")));
        assert!(merged.session.conflicts[0].source.contains("conflicted copy"));
    }

    /// A copy (Dropbox's, with the title changed and a party added there)
    /// and a recovery file beside the session, its hash, the merge that
    /// keeps both sides, and removal only once the file holds all of it.
    #[test]
    fn a_merged_copy_goes_only_once_the_file_holds_it_and_while_it_is_what_was_merged() {
        use crate::domain::PartyFields;
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let t = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
        let date = chrono::NaiveDate::from_ymd_opt(2026, 3, 12).unwrap();
        let s = Session::new("s1".into(), "Wijk", date, "", t("2026-03-12T10:00:00+01:00")).unwrap();
        let path = d.join("wijk.json");
        super::super::save(&path, &s).unwrap();
        let mut ours = s.clone();
        ours.title = "Wijk Noord".into();
        let party = |n: &str| PartyFields { organisation: n.into(), ..Default::default() };
        ours.add_party(&party("Zorggroep"), t("2026-03-12T10:01:00+01:00")).unwrap();
        let mut theirs = s.clone();
        theirs.title = "Wijk Zuid".into();
        theirs.add_party(&party("Woonstichting"), t("2026-03-12T10:02:00+01:00")).unwrap();
        let copy = d.join("wijk (Anne's conflicted copy 2026-03-12).json");
        super::super::save(&copy, &theirs).unwrap();
        let recovered = super::super::write_recovery(&theirs, &path).unwrap();
        // Another session under a copy's name is no copy.
        let other = Session::new("s2".into(), "Wijk", date, "", t("2026-03-12T10:00:00+01:00")).unwrap();
        super::super::save(&d.join("wijk.sync-conflict-20260312-101500-ABC.json"), &other).unwrap();
        let found = copies_of(&path, "s1");
        let kinds: Vec<(PathBuf, CopyKind)> = found.iter().map(|f| (f.copy.clone(), f.kind)).collect();
        assert_eq!(kinds, [(copy.clone(), CopyKind::Dropbox), (recovered.clone(), CopyKind::Recovered)]);

        let (read, hash, bytes) = read_copy(&copy).unwrap();
        let now = t("2026-03-12T10:05:00+01:00");
        let m = merge_read_copy(&ours, &read, "wijk (Anne's conflicted copy 2026-03-12).json", now).unwrap();
        let names: Vec<&str> = m.session.parties.iter().map(|p| p.organisation.as_str()).collect();
        assert_eq!(names, ["Zorggroep", "Woonstichting"], "both sides' new items are kept");
        assert_eq!(m.session.title, "Wijk Noord", "ours stays shown");
        assert_eq!((m.conflicts, m.session.conflicts.len()), (1, 1), "the true conflict is a record");
        let c = &m.session.conflicts[0];
        assert_eq!(
            (c.path.as_slice(), c.other.as_ref()),
            (&["title".to_string()][..], Some(&serde_json::json!("Wijk Zuid")))
        );
        assert!(c.source.contains("conflicted copy"), "named after the copy: {}", c.source);
        // Merged again: nothing new, no second record.
        let again = merge_read_copy(&m.session, &read, "again", now).unwrap();
        assert_eq!((again.came_in, again.conflicts, again.session.conflicts.len()), (0, 0, 1));
        assert!(holds_copy(&m.session, &read) && !holds_copy(&ours, &read));

        // The merged session is not saved yet: the copy stays.
        let asked = [(copy.clone(), hash)];
        assert_eq!(remove_copies(&path, &asked).unwrap()[0].as_ref().unwrap(), &Removal::NotHeld);
        assert!(copy.exists());
        super::super::save(&path, &m.session).unwrap();
        // Saved, but the copy changed since it was merged: it stays.
        let before = std::fs::read(&copy).unwrap();
        let mut changed = theirs.clone();
        changed.context.players = "Nieuw".into();
        super::super::save(&copy, &changed).unwrap();
        assert_eq!(remove_copies(&path, &asked).unwrap()[0].as_ref().unwrap(), &Removal::Changed);
        assert!(copy.exists());
        std::fs::write(&copy, before).unwrap();
        assert_eq!(remove_copies(&path, &asked).unwrap()[0].as_ref().unwrap(), &Removal::Removed);
        assert!(!copy.exists());
        // Gone already counts as removed.
        assert_eq!(remove_copies(&path, &asked).unwrap()[0].as_ref().unwrap(), &Removal::Removed);
        // Put back (its merge undone): at its own name, then beside it.
        assert_eq!(restore_copy(&copy, &path, &bytes).unwrap(), copy);
        assert_eq!(std::fs::read(&copy).unwrap(), bytes);
        let second = restore_copy(&copy, &path, &bytes).unwrap();
        assert_eq!(second, d.join("wijk (kompas conflict copy 2).json"));
        assert_eq!(copies_of(&path, "s1").len(), 3, "both offered again, with the recovery file");
    }
}
