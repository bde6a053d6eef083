//! Permissions are respected (issue 8): a file or folder you may not write
//! opens read-only with the reason, a save keeps the file's mode, and
//! nothing is left behind. As the administrator (who may write anything),
//! the cases of an ordinary user run in a child process as `nobody`
//! (through `setpriv`, else `runuser`); without either they are skipped
//! with a message.
//!
//! Unix only (Unix modes, owners and `nobody`); the Windows build runs the
//! library's domain and storage tests under wine instead (`.ci/run`).

#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use kompas::storage::{self, ReadOnly};

fn session_at(path: &Path) {
    let now = chrono::DateTime::parse_from_rfc3339("2026-03-12T10:00:00+01:00").unwrap();
    let s = kompas::domain::Session::new(
        "s1".into(),
        "Rechten",
        chrono::NaiveDate::from_ymd_opt(2026, 3, 12).unwrap(),
        "",
        now,
    )
    .unwrap();
    storage::save(path, &s).unwrap();
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn access(path: &Path) -> Result<(), ReadOnly> {
    storage::open(path).expect("readable").access.map(drop)
}

#[test]
fn a_0400_file_opens_read_only_even_for_the_administrator() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.json");
    session_at(&path);
    chmod(&path, 0o400);
    assert_eq!(access(&path), Err(ReadOnly::FileReadOnly { mode: 0o400 }));
    assert_eq!(names(dir.path()), ["a.json"], "no lock file");
}

#[test]
fn a_save_keeps_the_mode_and_a_new_file_gets_0600() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.json");
    session_at(&path);
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    for mode in [0o644, 0o640, 0o660] {
        chmod(&path, mode);
        let s = storage::load(&path).unwrap().session;
        storage::save(&path, &s).unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, mode);
    }
}

/// The child: opens the files named on the command line and prints one
/// line per file: the name and `edit` or the reason it is read-only.
#[test]
fn permissions_child() {
    let Ok(list) = std::env::var("KOMPAS_PERMISSIONS_CHILD") else { return };
    for file in list.split(':') {
        let path = PathBuf::from(file);
        let outcome = match storage::open(&path) {
            Ok(o) => match o.access {
                Ok(_) => "edit".to_string(),
                Err(why) => format!("{why:?}"),
            },
            Err(e) => format!("error {e}"),
        };
        println!("RESULT {} {outcome}", path.file_name().unwrap().to_string_lossy());
    }
}

/// Run `permissions_child` as an ordinary user: `nobody` when we are the
/// administrator, else ourselves.
fn as_ordinary_user(files: &[PathBuf]) -> Option<String> {
    let exe = std::env::current_exe().unwrap();
    let list = files.iter().map(|p| p.to_str().unwrap()).collect::<Vec<_>>().join(":");
    // The child test by its full name in this test binary (tests/main.rs
    // holds this file as the module `permissions`).
    let child = module_path!()
        .split_once("::")
        .map_or("permissions_child".to_string(), |(_, m)| format!("{m}::permissions_child"));
    let args = ["--exact", child.as_str(), "--nocapture", "--test-threads=1"];
    let mut cmd = if kompas::storage::os::is_admin() {
        if Command::new("setpriv").arg("--version").output().is_ok() {
            let mut c = Command::new("setpriv");
            c.args(["--reuid=nobody", "--regid=nogroup", "--clear-groups"]).arg(&exe);
            c
        } else if Command::new("runuser").arg("--version").output().is_ok() {
            let mut c = Command::new("runuser");
            c.args(["-u", "nobody", "--"]).arg(&exe);
            c
        } else {
            return None;
        }
    } else {
        Command::new(&exe)
    };
    let out = cmd.args(args).env("KOMPAS_PERMISSIONS_CHILD", list).output().unwrap();
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn no_write_access_to_the_file_or_the_folder_opens_read_only() {
    // Folders everyone may enter, so `nobody` can reach the files.
    let top = tempfile::Builder::new().permissions(std::fs::Permissions::from_mode(0o755)).tempdir().unwrap();
    let admin = kompas::storage::os::is_admin();
    let owner_is_other = |p: &Path| {
        if admin {
            // Files of the ordinary user (nobody) where that user owns them.
            let _ = std::os::unix::fs::chown(p, Some(65534), Some(65534));
        }
    };
    // A colleague's file (0644, not yours) in a folder you may write.
    let shared = top.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    chmod(&shared, 0o777);
    let colleague = shared.join("colleague.json");
    session_at(&colleague);
    chmod(&colleague, 0o644);
    if !admin {
        // Without another user to own it, make it unwritable to us instead.
        chmod(&colleague, 0o444);
    }
    // Your own writable file in a folder you may only read.
    let locked = top.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    let mine = locked.join("mine.json");
    session_at(&mine);
    chmod(&mine, 0o644);
    owner_is_other(&mine);
    chmod(&locked, 0o555);
    // And a file you may write, in a folder you may write.
    let free = shared.join("free.json");
    session_at(&free);
    chmod(&free, 0o666);
    owner_is_other(&free);

    let Some(out) = as_ordinary_user(&[colleague.clone(), mine.clone(), free.clone()]) else {
        println!("skipped: running as the administrator without setpriv or runuser to become nobody");
        return;
    };
    let result = |name: &str| {
        out.lines()
            .find_map(|l| l.split_once(&format!("RESULT {name} ")).map(|(_, r)| r))
            .unwrap_or_else(|| panic!("no result for {name}: {out}"))
            .to_string()
    };
    let colleague_result = result("colleague.json");
    assert!(
        colleague_result == "NoWriteFile" || colleague_result.starts_with("FileReadOnly"),
        "{colleague_result}"
    );
    assert_eq!(result("mine.json"), "NoWriteFolder");
    assert_eq!(result("free.json"), "edit");
    // Nothing left behind: the read-only opens made no lock file, the
    // editable one removed its own.
    assert_eq!(names(&shared), ["colleague.json", "free.json"]);
    chmod(&locked, 0o755);
    assert_eq!(names(&locked), ["mine.json"]);
}
