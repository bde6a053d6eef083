//! Issue 8's first bug with the real binary in a pty: a session in a folder
//! that a sync tool also writes. An outside change (written to a temp file
//! and renamed over the session, as sync tools do) is merged with an edit
//! made in kompas, not overwritten; a file deleted while open is not
//! recreated by the next edit until the facilitator asks.

use crate::support;

use std::path::Path;
use std::time::{Duration, Instant};

use kompas::domain::Session;
use support::pty::*;
use support::replace_from_outside;

fn load(path: &Path) -> Session {
    kompas::storage::load(path).unwrap().session
}

fn add_agreement(k: &mut Kompas, text: &str) {
    k.send("a");
    k.wait_for("New agreement", 10);
    k.send(text);
    k.send(ENTER);
}

/// Wait until the file on disk satisfies `ok`.
fn wait_on_disk(path: &Path, secs: u64, ok: impl Fn(&Session) -> bool) -> Option<Session> {
    let until = Instant::now() + Duration::from_secs(secs);
    while Instant::now() < until {
        if let Ok(l) = kompas::storage::load(path)
            && ok(&l.session)
        {
            return Some(l.session);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    None
}

#[test]
fn an_outside_change_and_an_edit_in_kompas_both_end_up_in_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let path = support::shared_session(tmp.path());
    let mut k = Kompas::start(&["--lang", "en", "a.json"], tmp.path(), 100, 30);
    k.wait_for("a.json", 20);
    k.send("\t");
    k.wait_for("Agreement", 10);
    replace_from_outside(&path, |s| s.context.players = "wijkteam, huurders".into());
    // While the facilitator only looks, the change is taken in and said.
    let screen = k.wait_for("from outside merged", 5);
    assert!(screen.contains("1 change from outside merged"), "{screen}");
    // Then it goes back to sleep: looking at the file is no change of its
    // own (no loop of looks, no drawing while nothing happens).
    std::thread::sleep(Duration::from_millis(500));
    let (bytes, ticks) = (k.bytes_written(), k.cpu_ticks());
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(k.bytes_written(), bytes, "kompas drew while nothing happened");
    let used = k.cpu_ticks() - ticks;
    assert!(used <= 1, "kompas used {used} clock ticks of CPU in 2 idle seconds after an outside change");
    add_agreement(&mut k, "Buurthuis open op dinsdag");
    let both = wait_on_disk(&path, 10, |s| !s.agreements.is_empty());
    let both = both.expect("the agreement reached the file");
    assert_eq!(both.context.players, "wijkteam, huurders", "the outside change was overwritten");
    assert_eq!(both.agreements[0].text, "Buurthuis open op dinsdag");
    // A second outside change, and at once another edit in kompas: whichever
    // reaches the writer first, both end up in the file.
    replace_from_outside(&path, |s| s.context.process = "elke maand".into());
    add_agreement(&mut k, "Verslag binnen een week");
    let both = wait_on_disk(&path, 10, |s| s.agreements.len() == 2 && s.context.process == "elke maand");
    let both = both.expect("both the second agreement and the process change are in the file");
    assert_eq!(both.context.players, "wijkteam, huurders");
    k.send("q");
    assert_eq!(k.wait_exit(10), 0);
    let last = load(&path);
    assert_eq!(last.agreements.len(), 2);
    assert_eq!(last.context.process, "elke maand");
}

#[test]
fn a_file_deleted_while_open_is_not_recreated_until_asked() {
    let tmp = tempfile::tempdir().unwrap();
    let path = support::shared_session(tmp.path());
    let mut k = Kompas::start(&["--lang", "en", "a.json"], tmp.path(), 100, 30);
    k.wait_for("a.json", 20);
    k.send("\t");
    k.wait_for("Agreement", 10);
    std::fs::remove_file(&path).unwrap();
    k.wait_for("deleted outside kompas", 5);
    add_agreement(&mut k, "Niet kwijt");
    let screen = k.wait_until("the edit shown, the file still gone", 10, |s| {
        s.contains("Niet kwijt") && s.contains("file deleted; W: write it again")
    });
    assert!(screen.contains("file deleted"), "{screen}");
    std::thread::sleep(Duration::from_millis(500));
    assert!(!path.exists(), "the edit recreated the file without asking");
    k.send("W");
    let back = wait_on_disk(&path, 10, |s| s.agreements.len() == 1).expect("W wrote the file again");
    assert_eq!(back.agreements[0].text, "Niet kwijt");
    k.wait_for("✓ saved", 10);
    k.send("q");
    assert_eq!(k.wait_exit(10), 0);
}

#[test]
fn quitting_with_the_file_deleted_writes_a_recovery_file_and_says_where() {
    let tmp = tempfile::tempdir().unwrap();
    let path = support::shared_session(tmp.path());
    let mut k = Kompas::start(&["--lang", "en", "a.json"], tmp.path(), 100, 30);
    k.wait_for("a.json", 20);
    k.send("\t");
    k.wait_for("Agreement", 10);
    std::fs::remove_file(&path).unwrap();
    k.wait_for("deleted outside kompas", 5);
    add_agreement(&mut k, "Bewaard");
    k.wait_for("Bewaard", 10);
    k.send("q");
    k.wait_exit(10);
    assert!(!path.exists(), "quitting recreated the file without asking");
    let recovered: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".recovered-"))
        .collect();
    assert_eq!(recovered.len(), 1, "{recovered:?}");
    assert_eq!(load(&recovered[0]).agreements[0].text, "Bewaard");
}

#[cfg(unix)]
#[test]
fn a_file_kompas_may_not_write_opens_read_only_with_the_reason() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let path = support::shared_session(tmp.path());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o400)).unwrap();
    for (lang, reason) in
        [("en", "the file is read-only (mode 0400)"), ("nl", "het bestand is alleen-lezen (modus 0400)")]
    {
        let mut k = Kompas::start(&["--lang", lang, "a.json"], tmp.path(), 100, 30);
        let screen = k.wait_for(reason, 20);
        assert!(screen.contains("a.json"), "{screen}");
        k.send("q");
        assert_eq!(k.wait_exit(10), 0);
    }
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o400, "mode kept");
}
