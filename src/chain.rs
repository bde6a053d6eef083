//! The earlier meetings of a collaboration, read from disk by following
//! each meeting's link to the one before it (`previous.file`, a file in the
//! same folder). Used where a whole chain is needed outside the program's
//! background loading, such as `kompas export`.

use std::collections::HashSet;
use std::path::Path;

use crate::domain::Session;

/// At most this many meetings are followed back (a guard against a folder
/// of thousands of linked files, not a limit anyone meets).
pub const MAX_MEETINGS: usize = 1_000;

/// The meetings before `session` (whose file is in `folder`), oldest first.
/// Stops quietly at a missing or unreadable file, at a link that is not a
/// plain file name in the same folder, at a meeting of another
/// collaboration, and at a loop.
pub fn earlier_meetings(folder: &Path, session: &Session) -> Vec<Session> {
    let mut out = Vec::new();
    let mut seen: HashSet<String> = HashSet::from([session.id.clone()]);
    let mut link = session.previous.clone();
    while let Some(prev) = link {
        if out.len() >= MAX_MEETINGS || Path::new(&prev.file).file_name() != Some(prev.file.as_ref()) {
            break;
        }
        let Ok(loaded) = crate::storage::load(&folder.join(&prev.file)) else { break };
        let s = loaded.session;
        if s.collaboration_id() != session.collaboration_id() || !seen.insert(s.id.clone()) {
            break;
        }
        link = s.previous.clone();
        out.push(s);
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;

    #[test]
    fn follows_the_links_back_and_stops_where_they_break() {
        let dir = tempfile::tempdir().unwrap();
        let t = |s: &str| DateTime::parse_from_rfc3339(s).unwrap();
        let m1 = Session::new(
            "m1".into(),
            "Z",
            t("2026-03-12T10:00:00+01:00").date_naive(),
            "",
            t("2026-03-12T10:00:00+01:00"),
        )
        .unwrap();
        let m2 = m1.follow_up(
            "m2".into(),
            "m1.json",
            t("2026-04-09T10:00:00+02:00").date_naive(),
            t("2026-04-09T10:00:00+02:00"),
        );
        let m3 = m2.follow_up(
            "m3".into(),
            "m2.json",
            t("2026-05-20T10:00:00+02:00").date_naive(),
            t("2026-05-20T10:00:00+02:00"),
        );
        crate::storage::save(&dir.path().join("m1.json"), &m1).unwrap();
        crate::storage::save(&dir.path().join("m2.json"), &m2).unwrap();
        let ids: Vec<String> = earlier_meetings(dir.path(), &m3).into_iter().map(|s| s.id).collect();
        assert_eq!(ids, ["m1", "m2"]);
        assert!(earlier_meetings(dir.path(), &m1).is_empty());

        // A missing file ends the chain there.
        std::fs::remove_file(dir.path().join("m1.json")).unwrap();
        assert_eq!(earlier_meetings(dir.path(), &m3).len(), 1);
        // A link out of the folder is not followed.
        let mut escape = m3.clone();
        escape.previous.as_mut().unwrap().file = "../m2.json".into();
        assert!(earlier_meetings(dir.path(), &escape).is_empty());
        // Nor is a meeting of another collaboration.
        let mut other = m3.clone();
        other.collaboration = Some("elders".into());
        assert!(earlier_meetings(dir.path(), &other).is_empty());
    }
}
