//! Saving and loading good sessions: round trips, file modes, names,
//! unknown fields, locks and the sessions folder.
//!
//! Unix only (Unix modes and symlinks); the Windows build runs the library's
//! domain and storage tests under wine instead (`.ci/run`).

#![cfg(unix)]

use crate::common;

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::time::{Duration, SystemTime};

use common::*;
use kompas::domain::*;
use kompas::storage::{self, LockOutcome};
use serde_json::json;

#[test]
fn save_then_load_gives_the_same_session() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let session = realistic_session();
    storage::save(&path, &session).unwrap();
    let loaded = storage::load(&path).unwrap();
    assert_eq!(loaded.session, session);
    assert_eq!(loaded.migrated_from, None);
    // And once more, over the existing file.
    let mut changed = session.clone();
    changed.set_ambition(AmbitionLens::Form, "Stichting", at("2026-03-12T12:00:00+01:00"));
    storage::save(&path, &changed).unwrap();
    assert_eq!(storage::load(&path).unwrap().session, changed);
}

#[test]
fn the_file_is_pretty_json_with_format_and_version_first_and_a_final_newline() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    storage::save(&path, &realistic_session()).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("{\n  \"format\": \"kompas-session\",\n  \"version\": 1,\n"), "{}", &text[..80]);
    assert!(text.ends_with("}\n"));
    assert!(!text.starts_with('\u{feff}'));
}

#[test]
fn new_files_are_0600_and_a_saved_file_keeps_its_mode() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    storage::save(&path, &realistic_session()).unwrap();
    assert_eq!(mode(&path), 0o600);
    // A colleague's group-writable file stays so (issue 8).
    fs::set_permissions(&path, fs::Permissions::from_mode(0o664)).unwrap();
    storage::save(&path, &realistic_session()).unwrap();
    assert_eq!(mode(&path), 0o664);
    let created = storage::create_new(dir.path(), &realistic_session()).unwrap();
    assert_eq!(mode(&created), 0o600);
}

#[test]
fn create_new_names_by_date_and_title_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let session = realistic_session();
    let taken = dir.path().join("2026-03-12-weer-thuis-in-de-wijk-zuiderveld.json");
    fs::write(&taken, "someone else's file").unwrap();
    let second = storage::create_new(dir.path(), &session).unwrap();
    assert_eq!(second, dir.path().join("2026-03-12-weer-thuis-in-de-wijk-zuiderveld-2.json"));
    let third = storage::create_new(dir.path(), &session).unwrap();
    assert_eq!(third, dir.path().join("2026-03-12-weer-thuis-in-de-wijk-zuiderveld-3.json"));
    assert_eq!(fs::read_to_string(&taken).unwrap(), "someone else's file");
    assert_eq!(storage::load(&second).unwrap().session, session);
    assert_eq!(storage::load(&third).unwrap().session, session);
    assert!(temp_files_in(dir.path()).is_empty(), "{:?}", names_in(dir.path()));
}

#[test]
fn create_new_racing_with_itself_gives_every_session_its_own_file() {
    let dir = tempfile::tempdir().unwrap();
    let session = realistic_session();
    let paths: Vec<_> = std::thread::scope(|scope| {
        let handles: Vec<_> =
            (0..6).map(|_| scope.spawn(|| storage::create_new(dir.path(), &session).unwrap())).collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut unique = paths.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 6, "{paths:?}");
    assert_eq!(storage::session_files(dir.path()).unwrap(), unique);
    assert!(temp_files_in(dir.path()).is_empty());
}

#[test]
fn unknown_fields_at_the_top_and_in_items_survive_load_and_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let mut value = serde_json::to_value(realistic_session()).unwrap();
    value["from_the_future"] = json!({"nested": [1, 2.5, "drie", null], "flag": true});
    value["agreements"][0]["priority"] = json!("hoog");
    value["parties"][1]["colour"] = json!("#ff8800");
    value["phase_history"][1]["who"] = json!("Anouk");
    fs::write(&path, serde_json::to_vec_pretty(&value).unwrap()).unwrap();

    let loaded = storage::load(&path).unwrap().session;
    assert_eq!(loaded.extra["from_the_future"]["nested"][2], "drie");
    assert_eq!(loaded.agreements[0].extra["priority"], "hoog");
    storage::save(&path, &loaded).unwrap();

    let written: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(written["from_the_future"], value["from_the_future"]);
    assert_eq!(written["agreements"][0]["priority"], "hoog");
    assert_eq!(written["parties"][1]["colour"], "#ff8800");
    assert_eq!(storage::load(&path).unwrap().session, loaded);
}

#[test]
fn phase_move_reasons_without_a_value_stay_absent() {
    // `reason` is skipped when empty; check that skipping loses nothing.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let session = realistic_session();
    assert!(session.phase_history[1].reason.is_none());
    storage::save(&path, &session).unwrap();
    assert_eq!(storage::load(&path).unwrap().session.phase_history, session.phase_history);
}

#[test]
fn no_temp_files_are_left_after_saves() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    for _ in 0..3 {
        storage::save(&path, &realistic_session()).unwrap();
    }
    assert_eq!(names_in(dir.path()), vec!["s.json"]);
}

#[test]
fn saving_through_a_symlink_replaces_the_file_it_points_to() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.json");
    let link = dir.path().join("link.json");
    storage::save(&real, &realistic_session()).unwrap();
    symlink("real.json", &link).unwrap();
    let mut changed = realistic_session();
    changed.title = "Nieuwe titel".into();
    storage::save(&link, &changed).unwrap();
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(storage::load(&real).unwrap().session.title, "Nieuwe titel");
}

#[test]
fn loading_changes_neither_bytes_nor_mtime() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    storage::save(&path, &realistic_session()).unwrap();
    let old = SystemTime::now() - Duration::from_secs(3600);
    fs::File::options().write(true).open(&path).unwrap().set_modified(old).unwrap();
    let before = snapshot(&path);
    storage::load(&path).unwrap();
    assert_eq!(snapshot(&path), before);
}

#[test]
fn a_utf8_byte_order_mark_is_accepted_and_not_written_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let good = fixture_dir("good").join("bom-prefixed.json");
    fs::copy(&good, &path).unwrap();
    assert!(fs::read(&path).unwrap().starts_with(b"\xEF\xBB\xBF{"));
    let loaded = storage::load(&path).unwrap().session;
    storage::save(&path, &loaded).unwrap();
    assert!(fs::read(&path).unwrap().starts_with(b"{\n"));
    assert_eq!(storage::load(&path).unwrap().session, loaded);
}

#[test]
fn lock_allows_one_holder_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let first = match storage::lock(&path).unwrap() {
        LockOutcome::Acquired(lock) => lock,
        LockOutcome::HeldElsewhere => panic!("nobody holds it yet"),
    };
    assert!(matches!(storage::lock(&path).unwrap(), LockOutcome::HeldElsewhere));
    // Another session in the same folder is not affected.
    assert!(matches!(storage::lock(&dir.path().join("t.json")).unwrap(), LockOutcome::Acquired(_)));
    let lock_file = first.lock_file().to_path_buf();
    assert_eq!(lock_file, dir.path().canonicalize().unwrap().join(".s.json.lock"));
    assert_eq!(mode(&lock_file), 0o600);
    // Hidden from the picker.
    assert!(storage::session_files(dir.path()).unwrap().is_empty());
    drop(first);
    // Removed on release (while still held, so no second holder can slip in)
    // and taken again by the next one.
    assert!(!lock_file.exists());
    let again = storage::lock(&path).unwrap();
    assert!(matches!(again, LockOutcome::Acquired(_)));
    assert!(lock_file.exists());
    drop(again);
    assert!(!lock_file.exists());
}

#[test]
fn saving_keeps_the_lock_working() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let LockOutcome::Acquired(_held) = storage::lock(&path).unwrap() else { panic!("not acquired") };
    storage::save(&path, &realistic_session()).unwrap();
    storage::save(&path, &realistic_session()).unwrap();
    assert!(matches!(storage::lock(&path).unwrap(), LockOutcome::HeldElsewhere));
}

#[test]
fn clean_stale_temp_files_removes_only_our_old_temp_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let old = SystemTime::now() - Duration::from_secs(3600);
    let make = |name: &str, modified: SystemTime| {
        fs::write(d.join(name), "x").unwrap();
        fs::File::options().write(true).open(d.join(name)).unwrap().set_modified(modified).unwrap();
    };
    make(".x.json.kompas-tmp-abc", old);
    make(".2026-03-12-wijk.json.kompas-tmp-Ab3dE9xZ", old);
    make(".y.json.kompas-tmp-fresh1", SystemTime::now()); // a save in progress elsewhere
    for other in
        ["x.json", ".x.json.lock", ".hidden", "x.json.kompas-tmp-abc", ".x.json.kompas-tmp-", "notes.txt"]
    {
        make(other, old);
    }
    fs::create_dir(d.join(".z.json.kompas-tmp-dir")).unwrap();

    assert_eq!(storage::clean_stale_temp_files(d).unwrap(), 2);
    assert_eq!(
        names_in(d),
        vec![
            ".hidden",
            ".x.json.kompas-tmp-",
            ".x.json.lock",
            ".y.json.kompas-tmp-fresh1",
            ".z.json.kompas-tmp-dir",
            "notes.txt",
            "x.json",
            "x.json.kompas-tmp-abc",
        ]
    );
    assert_eq!(storage::clean_stale_temp_files(d).unwrap(), 0);
}

#[test]
fn ensure_sessions_dir_creates_private_folders_and_leaves_existing_ones() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("a/b/sessions");
    storage::ensure_sessions_dir(&nested).unwrap();
    assert!(nested.is_dir());
    assert_eq!(mode(&nested), 0o700);
    assert_eq!(mode(&dir.path().join("a")), 0o700);
    storage::ensure_sessions_dir(&nested).unwrap();
    let existing = dir.path().join("shared");
    fs::create_dir(&existing).unwrap();
    fs::set_permissions(&existing, fs::Permissions::from_mode(0o750)).unwrap();
    storage::ensure_sessions_dir(&existing).unwrap();
    assert_eq!(mode(&existing), 0o750);
    fs::write(dir.path().join("file"), "").unwrap();
    assert!(storage::ensure_sessions_dir(&dir.path().join("file")).is_err());
}

#[test]
fn session_files_lists_visible_json_files_sorted_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for name in ["b.json", "a.json", "C.JSON", ".hidden.json", "notes.txt", "x.json.v0.bak", ".a.json.lock"] {
        fs::write(d.join(name), "{}").unwrap();
    }
    fs::create_dir(d.join("folder.json")).unwrap();
    symlink("a.json", d.join("link.json")).unwrap();
    symlink("missing", d.join("dangling.json")).unwrap();
    let names: Vec<_> = storage::session_files(d)
        .unwrap()
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["C.JSON", "a.json", "b.json", "link.json"]);
}

#[test]
fn backup_original_keeps_the_bytes_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    fs::write(&path, "original v0 bytes").unwrap();
    let backup = storage::backup_original(&path, 0).unwrap();
    assert_eq!(backup, dir.path().join("s.json.v0.bak"));
    assert_eq!(fs::read_to_string(&backup).unwrap(), "original v0 bytes");
    assert_eq!(mode(&backup), 0o600);
    // Asking again (a save that failed and is retried) gives the same backup.
    assert_eq!(storage::backup_original(&path, 0).unwrap(), backup);
    // Another original with the same name never replaces the first backup.
    fs::write(&path, "another original").unwrap();
    let second = storage::backup_original(&path, 0).unwrap();
    assert_eq!(second, dir.path().join("s.json.v0-2.bak"));
    assert_eq!(fs::read_to_string(&backup).unwrap(), "original v0 bytes");
    assert_eq!(fs::read_to_string(&second).unwrap(), "another original");
    assert!(temp_files_in(dir.path()).is_empty());
}

#[test]
fn summary_of_a_loaded_session() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    storage::save(&path, &realistic_session()).unwrap();
    let s = storage::load(&path).unwrap().session;
    let sum = s.summary(date(2026, 3, 12));
    assert_eq!(sum.title, "Weer thuis in de wijk — Zuiderveld");
    assert_eq!(sum.phase, Phase::Delen);
    assert_eq!((sum.parties.len(), sum.open_agreements, sum.overdue_agreements), (3, 2, 1));
    assert_eq!(sum.latest_temperature, Some(Temperature::Waakzaam));
}

/// A 50 MB session loads (well under `MAX_FILE_BYTES`) and round-trips.
#[test]
fn a_50_mb_session_loads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.json");
    let mut session = realistic_session();
    let note = "Verslag van de bijeenkomst, met alle details. ".repeat(10_000); // 460 kB
    let base = session.reflections[0].clone();
    for i in 0..110 {
        let mut r = base.clone();
        r.id = format!("big{i}");
        r.answer = note.clone();
        session.reflections.push(r);
    }
    storage::save(&path, &session).unwrap();
    let size = fs::metadata(&path).unwrap().len();
    assert!(size > 50_000_000 && size < storage::MAX_FILE_BYTES, "{size}");
    assert_eq!(storage::load(&path).unwrap().session, session);
}

/// The lock is a real `flock`: another process holding it is seen, and
/// when that process dies the kernel releases it.
#[test]
fn a_lock_held_by_a_process_that_dies_is_released() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let lock_file = dir.path().join(".s.json.lock");
    // One process (sh, then sleep in its place) holds the lock on fd 9.
    let script = r#"exec 9>"$1" && flock --nonblock --exclusive 9 && echo locked && exec sleep 30"#;
    let mut child =
        Command::new("sh").args(["-c", script, "sh"]).arg(&lock_file).stdout(Stdio::piped()).spawn().unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    if line.trim() != "locked" {
        let _ = child.kill();
        let _ = child.wait();
        eprintln!("note: flock(1) not available; cross-process lock test skipped");
        return;
    }
    assert!(matches!(storage::lock(&path).unwrap(), LockOutcome::HeldElsewhere));
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(matches!(storage::lock(&path).unwrap(), LockOutcome::Acquired(_)));
}

/// A fresh temp file of a session nobody holds is a crash's leftover and goes
/// at once; while a kompas holds the session it stays (it may be writing).
#[test]
fn a_fresh_temp_file_goes_only_when_nobody_holds_its_session() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2026-03-12-x.json");
    storage::save(&path, &realistic_session()).unwrap();
    let temp = dir.path().join(".2026-03-12-x.json.kompas-tmp-abc123");
    let journal_temp = dir.path().join("..2026-03-12-x.json.draft.json.kompas-tmp-def456");
    let held = match storage::lock(&path).unwrap() {
        storage::LockOutcome::Acquired(l) => l,
        storage::LockOutcome::HeldElsewhere => panic!("free"),
    };
    std::fs::write(&temp, b"{").unwrap();
    std::fs::write(&journal_temp, b"{").unwrap();
    assert_eq!(storage::clean_stale_temp_files(dir.path()).unwrap(), 0, "held: a save may be under way");
    drop(held);
    assert_eq!(storage::clean_stale_temp_files(dir.path()).unwrap(), 2);
    assert!(!temp.exists() && !journal_temp.exists() && path.exists());
}
