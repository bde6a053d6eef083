//! Tests of keeping a session and its file in step.

use std::sync::Arc;

use chrono::{DateTime, Duration, NaiveDate};

use super::*;
use crate::domain::{ContextAspect, PartyFields, Timestamp};
use crate::storage::{load, os};

fn t(min: i64) -> Timestamp {
    DateTime::parse_from_rfc3339("2026-03-12T10:00:00+01:00").unwrap() + Duration::minutes(min)
}

fn start() -> (tempfile::TempDir, std::path::PathBuf, Disk, Arc<Session>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.json");
    let s =
        Session::new("s1".into(), "Wijk", NaiveDate::from_ymd_opt(2026, 3, 12).unwrap(), "", t(0)).unwrap();
    crate::storage::save(&path, &s).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let version = Version::of(os::facts_of(&path).unwrap(), &bytes);
    let s = Arc::new(s);
    let disk = Disk::new(&path, Some(version), Arc::clone(&s), None);
    (dir, path, disk, s)
}

/// Another program rewrites the file the way sync tools do.
fn outside(path: &Path, f: impl FnOnce(&mut Session)) {
    let mut s = load(path).unwrap().session;
    f(&mut s);
    let tmp = path.with_extension("sync-tmp");
    std::fs::write(&tmp, serde_json::to_vec_pretty(&s).unwrap()).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

#[test]
fn an_outside_change_is_merged_not_overwritten() {
    let (_d, path, mut disk, base) = start();
    outside(&path, |s| s.set_context(ContextAspect::Players, "nieuw", t(1)));
    let mut ours = (*base).clone();
    ours.add_party(&PartyFields { organisation: "GGD".into(), ..Default::default() }, t(2)).unwrap();
    let ours = Arc::new(ours);
    match disk.sync(&base, &ours, false, t(3)).unwrap() {
        Synced::Merged { came_in, conflicts: 0, .. } => assert!(came_in > 0),
        other => panic!("{other:?}"),
    }
    let on_disk = load(&path).unwrap().session;
    assert_eq!(on_disk.context.players, "nieuw");
    assert_eq!(on_disk.parties.len(), 1);
}

#[test]
fn nothing_of_ours_adopts_theirs_and_leaves_the_bytes() {
    let (_d, path, mut disk, base) = start();
    outside(&path, |s| {
        s.title = "Buurt".into();
        s.set_context(ContextAspect::Players, "nieuw", t(1));
        s.add_party(&PartyFields { organisation: "GGD".into(), ..Default::default() }, t(1)).unwrap();
    });
    let before = std::fs::read(&path).unwrap();
    match disk.sync(&base, &base, false, t(3)).unwrap() {
        Synced::Adopted { session, came_in } => {
            assert_eq!(session.title, "Buurt");
            // The players' edit time (`context.edited`, for the timeline) comes in too.
            assert_eq!(came_in, 4, "the title, the players, when they were edited and a new party");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(std::fs::read(&path).unwrap(), before, "byte-identical");
    // Nothing new on either side afterwards: nothing happens.
    let now = Arc::clone(disk.on_disk());
    assert!(matches!(disk.sync(&now, &now, false, t(4)).unwrap(), Synced::Unchanged));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_deleted_file_is_recreated_only_when_asked() {
    let (_d, path, mut disk, base) = start();
    std::fs::remove_file(&path).unwrap();
    let mut ours = (*base).clone();
    ours.title = "Nieuw".into();
    let ours = Arc::new(ours);
    assert!(matches!(disk.sync(&base, &ours, false, t(1)).unwrap(), Synced::Gone));
    assert!(!path.exists());
    assert!(matches!(disk.sync(&base, &ours, true, t(1)).unwrap(), Synced::Written));
    assert_eq!(load(&path).unwrap().session.title, "Nieuw");
}

#[test]
fn a_half_written_file_is_never_written_over() {
    let (_d, path, mut disk, base) = start();
    std::fs::write(&path, b"{\"format\": \"kompas-sess").unwrap();
    let mut ours = (*base).clone();
    ours.title = "Nieuw".into();
    let ours = Arc::new(ours);
    assert!(matches!(disk.sync(&base, &ours, false, t(1)), Err(SyncError::Unreadable(_))));
    assert_eq!(std::fs::read(&path).unwrap(), b"{\"format\": \"kompas-sess");
}

#[cfg(unix)]
#[test]
fn the_mode_of_a_colleagues_file_is_kept() {
    use std::os::unix::fs::PermissionsExt;
    let (_d, path, mut disk, base) = start();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o664)).unwrap();
    let mut ours = (*base).clone();
    ours.title = "Nieuw".into();
    disk.sync(&base, &Arc::new(ours), false, t(1)).unwrap();
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o664);
}

#[test]
fn a_version_made_from_an_earlier_one_does_not_remove_what_we_added_since() {
    let (_d, path, mut disk, base) = start();
    let stale = std::fs::read(&path).unwrap();
    // We save twice: two parties.
    let mut ours = (*base).clone();
    ours.add_party(&PartyFields { organisation: "GGD".into(), ..Default::default() }, t(1)).unwrap();
    let ours = Arc::new(ours);
    assert!(matches!(disk.sync(&base, &ours, false, t(1)).unwrap(), Synced::Written));
    let mut more = (*ours).clone();
    more.add_party(&PartyFields { organisation: "Wijkteam".into(), ..Default::default() }, t(2)).unwrap();
    let more = Arc::new(more);
    assert!(matches!(disk.sync(&ours, &more, false, t(2)).unwrap(), Synced::Written));
    // A second laptop that last saw the first version changes the title:
    // its file lacks both parties, which it never saw.
    let mut theirs: Session = serde_json::from_slice(&stale).unwrap();
    theirs.title = "Buurt".into();
    std::fs::write(path.with_extension("tmp"), serde_json::to_vec_pretty(&theirs).unwrap()).unwrap();
    std::fs::rename(path.with_extension("tmp"), &path).unwrap();
    let mut latest = (*more).clone();
    latest.set_context(ContextAspect::Process, "maandelijks", t(3));
    let latest = Arc::new(latest);
    match disk.sync(&more, &latest, false, t(3)).unwrap() {
        Synced::Merged { session, .. } => {
            assert_eq!(session.title, "Buurt");
            assert_eq!(session.parties.len(), 2, "nothing of ours removed");
        }
        other => panic!("{other:?}"),
    }
}

/// Found by the sync simulation: the program did not take in a version it
/// had moved on from (the next sync would merge it), and then a version
/// made from that one came in. That version's base is not one ours was
/// made from: as the base it made the items ours never had look removed.
#[test]
fn a_version_the_program_never_took_in_is_no_base_for_what_it_lacks() {
    let (_d, path, mut disk, s0) = start();
    let party = |s: &Arc<Session>, name: &str, at: i64| {
        let mut next = (**s).clone();
        next.add_party(&PartyFields { organisation: name.into(), ..Default::default() }, t(at)).unwrap();
        Arc::new(next)
    };
    let s1 = party(&s0, "GGD", 1);
    assert!(matches!(disk.sync(&s0, &s1, false, t(1)).unwrap(), Synced::Written));
    // Outside: a colleague adds a party. Looked at, but the program has
    // moved on and does not take it in.
    outside(&path, |s| {
        s.add_party(&PartyFields { organisation: "Corporatie".into(), ..Default::default() }, t(2)).unwrap();
    });
    assert!(matches!(disk.sync(&s1, &s1, false, t(2)).unwrap(), Synced::Adopted { .. }));
    let t1 = load(&path).unwrap().session;
    // The program's next edit, made from s1, is merged and written.
    let s2 = party(&s1, "Wijkteam", 3);
    assert!(matches!(disk.sync(&s1, &s2, false, t(3)).unwrap(), Synced::Merged { .. }));
    // The colleague writes again, from the version it had (without the
    // program's "Wijkteam"): adds one more party.
    let mut t2 = t1.clone();
    t2.add_party(&PartyFields { organisation: "School".into(), ..Default::default() }, t(4)).unwrap();
    std::fs::write(path.with_extension("tmp"), serde_json::to_vec_pretty(&t2).unwrap()).unwrap();
    std::fs::rename(path.with_extension("tmp"), &path).unwrap();
    let s3 = party(&s2, "Huurders", 5);
    let merged = match disk.sync(&s2, &s3, false, t(5)).unwrap() {
        Synced::Merged { session, .. } => session,
        other => panic!("{other:?}"),
    };
    let mut names: Vec<&str> = merged.parties.iter().map(|p| p.organisation.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, ["Corporatie", "GGD", "Huurders", "School", "Wijkteam"]);
    assert_eq!(load(&path).unwrap().session.parties.len(), 5);
}

fn with_party(s: &Arc<Session>, name: &str, at: i64) -> Arc<Session> {
    let mut next = (**s).clone();
    next.add_party(&PartyFields { organisation: name.into(), ..Default::default() }, t(at)).unwrap();
    Arc::new(next)
}

/// Rename `s` over the file, as a sync tool does.
fn replace(path: &Path, s: &Session) {
    let tmp = path.with_extension("sync-tmp");
    std::fs::write(&tmp, serde_json::to_vec_pretty(s).unwrap()).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

fn parties(s: &Session) -> Vec<&str> {
    let mut names: Vec<&str> = s.parties.iter().map(|p| p.organisation.as_str()).collect();
    names.sort_unstable();
    names
}

/// Found by the sync simulation: another program read the file just before
/// our save went in and renamed its version over ours a moment later. With
/// nothing new of ours waiting, that version used to be taken whole: the
/// edit of our last save was gone.
#[test]
fn a_version_made_before_our_last_save_is_merged_even_with_nothing_new_of_ours() {
    let (_d, path, mut disk, s0) = start();
    let read_before = load(&path).unwrap().session;
    let s1 = with_party(&s0, "GGD", 1);
    assert!(matches!(disk.sync(&s0, &s1, false, t(1)).unwrap(), Synced::Written));
    let mut theirs = read_before;
    theirs.title = "Buurt".into();
    replace(&path, &theirs);
    // The watcher's look: nothing new of ours.
    let merged = match disk.sync(&s1, &s1, false, t(2)).unwrap() {
        Synced::Merged { session, .. } => session,
        other => panic!("{other:?}"),
    };
    assert_eq!((merged.title.as_str(), parties(&merged)), ("Buurt", vec!["GGD"]));
    let file = load(&path).unwrap().session;
    assert_eq!((file.title.as_str(), parties(&file)), ("Buurt", vec!["GGD"]), "written");
}

/// Found by the sync simulation: the base used to be chosen by item ids
/// alone, and could be a version read from the file that the program had
/// not taken in. Its values were not ours: the players a colleague set
/// there looked changed back by ours, and were lost.
#[test]
fn a_value_ours_never_had_is_not_taken_back_by_ours() {
    let (_d, path, mut disk, s0) = start();
    outside(&path, |s| s.set_context(ContextAspect::Players, "P1", t(1)));
    let t1 = load(&path).unwrap().session;
    // Our edit is merged with the players and written; the program has
    // moved on meanwhile and does not take that in.
    let s1 = with_party(&s0, "GGD", 2);
    assert!(matches!(disk.sync(&s0, &s1, false, t(2)).unwrap(), Synced::Merged { .. }));
    let s2 = with_party(&s1, "Wijkteam", 3);
    // The colleague read its own version before ours went in, and adds a
    // party to it.
    let mut t2 = t1;
    t2.add_party(&PartyFields { organisation: "School".into(), ..Default::default() }, t(4)).unwrap();
    replace(&path, &t2);
    let merged = match disk.sync(&s1, &s2, false, t(5)).unwrap() {
        Synced::Merged { session, .. } => session,
        other => panic!("{other:?}"),
    };
    assert_eq!(merged.context.players, "P1");
    assert_eq!(parties(&merged), ["GGD", "School", "Wijkteam"]);
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    assert_eq!(load(&path).unwrap().session, *merged);
}

/// A merge the program has not taken in yet is on disk only; a version
/// made from an older one (a second colleague) replaces it. What that
/// merge brought in (the first colleague's party) is in neither ours nor
/// theirs, and must still be in what is written.
#[test]
fn a_merge_not_yet_taken_in_survives_a_version_made_from_an_older_one() {
    let (_d, path, mut disk, s0) = start();
    let read_by_second = load(&path).unwrap().session;
    outside(&path, |s| {
        s.add_party(&PartyFields { organisation: "Corporatie".into(), ..Default::default() }, t(1)).unwrap();
    });
    let s1 = with_party(&s0, "GGD", 2);
    assert!(matches!(disk.sync(&s0, &s1, false, t(2)).unwrap(), Synced::Merged { .. }));
    let s2 = with_party(&s1, "Wijkteam", 3);
    let mut second = read_by_second;
    second.title = "Buurt".into();
    replace(&path, &second);
    let merged = match disk.sync(&s1, &s2, false, t(4)).unwrap() {
        Synced::Merged { session, .. } => session,
        other => panic!("{other:?}"),
    };
    assert_eq!(merged.title, "Buurt");
    assert_eq!(parties(&merged), ["Corporatie", "GGD", "Wijkteam"]);
    assert_eq!(parties(&load(&path).unwrap().session), ["Corporatie", "GGD", "Wijkteam"]);
}
