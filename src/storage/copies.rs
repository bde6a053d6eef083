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
}
