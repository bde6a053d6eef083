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
//! * kompas: `a.json.recovered-20260312-101500.json`, written when a save
//!   could not be made on the way out.

/// Who made a copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyKind {
    Dropbox,
    OneDrive,
    Syncthing,
    Recovered,
}

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
        out.push((format!("{}.json", &stem[..open]), CopyKind::Dropbox));
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
