//! One writer per file, whatever its name (issue 8): a second kompas on the
//! same file through a symlink, a hard link, or after its lock file was
//! deleted never becomes a second writer, so no two programs both say
//! "saved" while one edit is lost.
//!
//! Unix only (symlinks and hard links driven through a Unix pseudo-terminal);
//! the Windows build runs the library's domain and storage tests under wine
//! instead (`.ci/run`).

#![cfg(unix)]

use crate::support;

use std::path::Path;

use support::pty::*;

fn open(dir: &Path, name: &str) -> Kompas {
    let k = Kompas::start(&["--lang", "en", name], dir, 100, 30);
    k.wait_for(name, 20);
    k
}

/// Add an agreement; true when the status line then says saved.
fn add_agreement(k: &mut Kompas, text: &str) -> bool {
    k.send("\t");
    k.wait_for("Agreement", 10);
    k.send("a");
    let screen =
        k.wait_until("a form or a refusal", 10, |s| s.contains("New agreement") || s.contains("READ"));
    if !screen.contains("New agreement") {
        return false;
    }
    k.send(text);
    k.send(ENTER);
    k.wait_until("saved", 10, |s| s.contains(text) && s.contains("✓ saved")).contains("✓ saved")
}

fn second_instance_is_read_only(
    dir: &Path,
    first_name: &str,
    second_name: &str,
    before_second: impl FnOnce(),
) {
    let mut first = open(dir, first_name);
    before_second();
    let mut second = open(dir, second_name);
    let screen = second.wait_for("READ-ONLY", 10);
    assert!(screen.contains("open in another kompas"), "{screen}");
    assert!(add_agreement(&mut first, &format!("first via {first_name}")));
    assert!(!add_agreement(&mut second, "second"), "the second instance accepted an edit");
    second.send("q");
    second.wait_exit(10);
    first.send("q");
    assert_eq!(first.wait_exit(10), 0);
    let saved = kompas::storage::load(&dir.join("a.json")).unwrap().session;
    assert_eq!(saved.agreements.len(), 1, "{:?}", saved.agreements);
}

#[test]
fn a_second_kompas_through_a_symlink_is_read_only() {
    let tmp = tempfile::tempdir().unwrap();
    support::shared_session(tmp.path());
    std::os::unix::fs::symlink("a.json", tmp.path().join("link.json")).unwrap();
    second_instance_is_read_only(tmp.path(), "a.json", "link.json", || {});
    assert!(!tmp.path().join(".link.json.lock").exists());
}

#[test]
fn a_second_kompas_after_the_lock_file_was_deleted_is_read_only() {
    let tmp = tempfile::tempdir().unwrap();
    support::shared_session(tmp.path());
    let lock = tmp.path().join(".a.json.lock");
    second_instance_is_read_only(tmp.path(), "a.json", "a.json", || {
        std::fs::remove_file(&lock).unwrap();
    });
    assert!(!lock.exists(), "removed on a clean exit");
}
