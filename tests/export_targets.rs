//! `kompas export -o` never destroys (issue 8): the export matrix, run with
//! the real binary. And without a terminal, kompas says so and creates
//! nothing.
//!
//! Unix only (symlinks, FIFOs, devices and Unix modes); the Windows build
//! runs the library's domain and storage tests under wine instead
//! (`.ci/run`).

#![cfg(unix)]

use std::path::Path;
use std::process::{Command, Stdio};

const DEMO: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/sessions/2026-04-09-weer-thuis-in-de-wijk-zuiderveld.json");

fn export(lang: &str, session: &Path, target: &Path, force: bool) -> std::process::Output {
    let mut args = vec!["--lang", lang, "export", session.to_str().unwrap(), "--format", "md", "-o"];
    args.push(target.to_str().unwrap());
    if force {
        args.push("--force");
    }
    Command::new(env!("CARGO_BIN_EXE_kompas")).args(&args).stdin(Stdio::null()).output().unwrap()
}

fn refused(out: &std::process::Output, target: &Path, why: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "exported onto {target:?}");
    assert!(err.contains(target.file_name().unwrap().to_str().unwrap()), "names the file: {err}");
    assert!(err.contains(why), "says why ({why}): {err}");
}

#[test]
fn the_export_matrix() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let session = d.join("a.json");
    std::fs::copy(DEMO, &session).unwrap();
    let original = std::fs::read(&session).unwrap();
    let other = d.join("b.json");
    std::fs::copy(DEMO, &other).unwrap();

    // Onto the session itself, and onto another session, even with --force.
    for force in [false, true] {
        refused(&export("en", &session, &session, force), &session, "the session itself");
        refused(&export("nl", &session, &other, force), &other, "sessiebestand");
    }
    assert_eq!(std::fs::read(&session).unwrap(), original);

    // A folder, a FIFO, a device node (made with mknod in the temp folder).
    let folder = d.join("folder.md");
    std::fs::create_dir(&folder).unwrap();
    refused(&export("en", &session, &folder, true), &folder, "a folder");
    let fifo = d.join("fifo.md");
    if Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success()) {
        refused(&export("en", &session, &fifo, true), &fifo, "not a regular file");
        assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo_like());
    } else {
        println!("skipped the FIFO case: mkfifo is not available");
    }
    let device = d.join("null.md");
    if Command::new("mknod").arg(&device).args(["c", "1", "3"]).status().is_ok_and(|s| s.success()) {
        refused(&export("en", &session, &device, true), &device, "not a regular file");
        assert!(!std::fs::symlink_metadata(&device).unwrap().is_file(), "still a device");
    } else {
        println!("skipped the device case: mknod needs the administrator");
    }

    // A symbolic link as the final name: refused, the file behind it untouched.
    let behind = d.join("behind.txt");
    std::fs::write(&behind, b"keep").unwrap();
    let link = d.join("link.md");
    std::os::unix::fs::symlink(&behind, &link).unwrap();
    refused(&export("en", &session, &link, true), &link, "symbolic link");
    assert_eq!(std::fs::read(&behind).unwrap(), b"keep");

    // A new file: written (0600). An existing one: only with --force, and
    // then it keeps its mode.
    let out_md = d.join("a.md");
    assert!(export("en", &session, &out_md, false).status.success());
    assert!(std::fs::read_to_string(&out_md).unwrap().starts_with("# Minutes"));
    std::fs::write(&out_md, b"old").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&out_md, std::fs::Permissions::from_mode(0o644)).unwrap();
    refused(&export("en", &session, &out_md, false), &out_md, "--force");
    refused(&export("nl", &session, &out_md, false), &out_md, "bestaat al");
    assert_eq!(std::fs::read(&out_md).unwrap(), b"old");
    let forced = export("en", &session, &out_md, true);
    assert!(forced.status.success(), "{}", String::from_utf8_lossy(&forced.stderr));
    assert!(std::fs::read_to_string(&out_md).unwrap().starts_with("# Minutes"));
    assert_eq!(std::fs::metadata(&out_md).unwrap().permissions().mode() & 0o777, 0o644);
    // No temp files anywhere.
    let temps: Vec<_> = std::fs::read_dir(d)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("kompas-tmp"))
        .collect();
    assert!(temps.is_empty(), "{temps:?}");
}

trait FifoLike {
    fn is_fifo_like(&self) -> bool;
}

impl FifoLike for std::fs::FileType {
    fn is_fifo_like(&self) -> bool {
        use std::os::unix::fs::FileTypeExt;
        self.is_fifo()
    }
}

#[test]
fn without_a_terminal_kompas_says_so_and_creates_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let session = d.join("a.json");
    std::fs::copy(DEMO, &session).unwrap();
    let runs: [&[&str]; 3] = [&["a.json"], &["new", "Wijk"], &[]];
    for args in runs {
        for (lang, words) in [("en", "needs a terminal"), ("nl", "heeft een terminal nodig")] {
            let out = Command::new(env!("CARGO_BIN_EXE_kompas"))
                .args(["--lang", lang])
                .args(args)
                .current_dir(d)
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .output()
                .unwrap();
            assert!(!out.status.success());
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(err.contains(words) && err.contains("kompas export"), "{args:?}: {err}");
            assert!(out.stdout.is_empty(), "nothing drawn into the pipe");
        }
    }
    let names: Vec<String> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["a.json"], "nothing created");
}
