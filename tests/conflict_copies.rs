//! Copies of a session beside it (issue 8): a sync tool's conflict copy
//! (Dropbox, OneDrive, Syncthing), kompas's own conflict copy and its
//! recovery file are shown in the library under the session they are a
//! copy of, named by what made them, and never as another meeting.

use std::path::{Path, PathBuf};

use kompas::app::{Action, AppState, Effect, LibraryRow, update};
use kompas::domain::Session;
use kompas::i18n::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::common::{at, date, send_at};

fn now() -> kompas::domain::Timestamp {
    at("2026-03-12T10:00:00+01:00")
}

fn screen(state: &AppState) -> String {
    let mut terminal = Terminal::new(TestBackend::new(state.width, state.height)).unwrap();
    terminal.draw(|f| kompas::ui::draw(f, state)).unwrap();
    let buf = terminal.backend().buffer().clone();
    (0..buf.area.height)
        .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect::<String>().trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A folder with `wijk.json`, a copy of each kind beside it, a follow-up
/// meeting and another session under a OneDrive-like name.
pub fn folder_with_copies() -> (tempfile::TempDir, Session) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let s = Session::new("s1".into(), "Wijk Zuiderveld", date(2026, 3, 12), "Ans", now()).unwrap();
    kompas::storage::save(&d.join("wijk.json"), &s).unwrap();
    let mut theirs = s.clone();
    theirs.title = "Wijk Zuiderveld (Anne)".into();
    kompas::storage::save(&d.join("wijk (Anne's conflicted copy 2026-03-12).json"), &theirs).unwrap();
    kompas::storage::save(&d.join("wijk-LAPTOP-ANNE.json"), &s).unwrap();
    kompas::storage::save(&d.join("wijk.sync-conflict-20260312-101500-ABCDEFG.json"), &s).unwrap();
    let bytes = std::fs::read(d.join("wijk.json")).unwrap();
    kompas::storage::write_copy_beside(&d.join("wijk.json"), &bytes, kompas::storage::KOMPAS_COPY_LABEL)
        .unwrap();
    let next = s.follow_up("s2".into(), "wijk.json", date(2026, 4, 9), now());
    kompas::storage::save(&d.join("wijk-vervolg.json"), &next).unwrap();
    let other = Session::new("o1".into(), "Scholen Oost", date(2026, 3, 1), "Ans", now()).unwrap();
    kompas::storage::save(&d.join("wijk-2.json"), &other).unwrap();
    (dir, s)
}

fn library(dir: &Path, lang: Lang, w: u16, h: u16) -> AppState {
    let mut state = AppState::new(lang, dir.to_path_buf(), now().date_naive());
    update(&mut state, Action::Resize(w, h), now());
    let mut found = Vec::new();
    kompas::runtime::scan_library(dir, now().date_naive(), |entries, _| {
        found.push(entries);
        true
    });
    let n = found.len();
    for (i, entries) in found.into_iter().enumerate() {
        update(&mut state, Action::LibraryUpdate { generation: 0, entries, done: i + 1 == n }, now());
    }
    state
}

fn row_files(state: &AppState) -> Vec<(String, Option<String>)> {
    let lib = state.library().unwrap();
    lib.rows
        .iter()
        .map(|r| {
            let name = |i: usize| lib.entries[i].file_name();
            match r {
                LibraryRow::Copy { entry, of } => (name(*entry), Some(name(*of))),
                r => (name(r.entry()), None),
            }
        })
        .collect()
}

#[test]
fn copies_beside_a_session_are_listed_under_it_by_what_made_them() {
    let (dir, _) = folder_with_copies();
    let state = library(dir.path(), Lang::En, 120, 35);
    let of = Some("wijk.json".to_string());
    let rows = row_files(&state);
    assert_eq!(
        rows,
        [
            ("wijk.json".into(), None),
            ("wijk (Anne's conflicted copy 2026-03-12).json".into(), of.clone()),
            (rows[2].0.clone(), of.clone()),
            ("wijk-LAPTOP-ANNE.json".into(), of.clone()),
            ("wijk.sync-conflict-20260312-101500-ABCDEFG.json".into(), of.clone()),
            ("wijk-vervolg.json".into(), None),
            ("wijk-2.json".into(), None),
        ]
    );
    assert!(rows[2].0.starts_with("wijk (kompas conflict copy "), "{rows:?}");
    for (lang, w, h, words) in [
        (
            Lang::En,
            120,
            35,
            ["copy (Dropbox)", "copy (kompas)", "copy (OneDrive: LAPTOP-ANNE)", "copy (Syncthing)"],
        ),
        (
            Lang::Nl,
            80,
            24,
            ["kopie (Dropbox)", "kopie (kompas)", "kopie (OneDrive: LAPTOP-ANNE)", "kopie (Syncthing)"],
        ),
    ] {
        let state = library(dir.path(), lang, w, h);
        let text = screen(&state);
        let lines: Vec<&str> = text.lines().collect();
        let session = lines.iter().position(|l| l.contains("Wijk Zuiderveld") && !l.contains('⧉')).unwrap();
        for (n, word) in words.iter().enumerate() {
            let line = lines[session + 1 + n];
            assert!(
                line.contains(&format!("└ ⧉ {word}")),
                "{lang:?} {w}x{h}: row {n} under the session:\n{text}"
            );
        }
        // The follow-up is the chain's second meeting, after the copies.
        assert!(lines[session + 5].contains("└ Wijk Zuiderveld"), "{text}");
        // Exactly one row of the session, plus its follow-up: the copies
        // are no meetings.
        assert_eq!(
            lines.iter().filter(|l| l.contains("Wijk Zuiderveld") && !l.contains('⧉')).count(),
            2,
            "{text}"
        );
    }
}

#[test]
fn enter_on_a_copy_opens_its_session_and_r_looks_at_the_copy() {
    let (dir, _) = folder_with_copies();
    let mut state = library(dir.path(), Lang::Nl, 80, 24);
    let effects = send_at(&mut state, now(), [Action::Home, Action::Down, Action::OpenSelected]);
    assert_eq!(effects, [Effect::OpenSession(dir.path().join("wijk.json"))]);
    let copy: PathBuf = dir.path().join("wijk (Anne's conflicted copy 2026-03-12).json");
    let effects = send_at(&mut state, now(), [Action::ReviewSelected]);
    assert_eq!(effects, [Effect::ReviewSession(copy)]);
}

// ---- offered on opening, merged with one key, removed after the save ----

use kompas::app::{Access, Failure, FailureKind, OpenedSession};
use kompas::domain::PartyFields;

/// `wijk.json` as kompas has it (title and a party changed since the
/// version both sides started from) and a Dropbox copy that changed the
/// title otherwise and added another party.
fn session_and_copy() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wijk.json");
    let base = Session::new("s1".into(), "Wijk", date(2026, 3, 12), "Ans", now()).unwrap();
    let party = |n: &str| PartyFields { organisation: n.into(), ..Default::default() };
    let mut ours = base.clone();
    ours.title = "Wijk Noord".into();
    ours.add_party(&party("Zorggroep De Linde"), at("2026-03-12T10:01:00+01:00")).unwrap();
    kompas::storage::save(&path, &ours).unwrap();
    let mut theirs = base;
    theirs.title = "Wijk Zuid".into();
    theirs.add_party(&party("Woonstichting Thuis"), at("2026-03-12T10:02:00+01:00")).unwrap();
    let copy = dir.path().join("wijk (Anne's conflicted copy 2026-03-12).json");
    kompas::storage::save(&copy, &theirs).unwrap();
    (dir, path, copy)
}

/// Open the session in `path` as the runtime would, and carry out what the
/// opening asks (looking for copies) as the runtime does.
fn open(path: &Path, lang: Lang, access: Access) -> (AppState, Vec<Effect>) {
    let mut state = AppState::new(lang, path.parent().unwrap().to_path_buf(), now().date_naive());
    update(&mut state, Action::Resize(80, 24), now());
    let session = kompas::storage::load(path).unwrap().session;
    let opened = OpenedSession {
        session: session.into(),
        path: path.to_path_buf(),
        access,
        previous: None,
        draft: None,
    };
    let effects = send_at(&mut state, now(), [Action::SessionOpened(Box::new(opened))]);
    (state, effects)
}

/// Carry out one effect of the copies as the runtime does (off the loop
/// there; here in line), and hand its action back.
fn run(state: &mut AppState, effect: Effect) -> Vec<Effect> {
    let action = match effect {
        Effect::FindCopies { path, id } => kompas::runtime::copies::find(path, &id),
        Effect::MergeCopies { path, copies, ours, now } => {
            kompas::runtime::copies::merge(path, copies, ours, now)
        }
        Effect::RemoveCopies { path, copies } => kompas::runtime::copies::remove(path, copies),
        Effect::RestoreCopies { path, copies } => kompas::runtime::copies::restore(path, copies),
        other => panic!("not an effect of the copies: {other:?}"),
    };
    send_at(state, now(), [action])
}

fn notice(state: &AppState) -> String {
    state.notice.as_ref().map(|n| n.text.say(state.lang)).unwrap_or_default()
}

fn session(state: &AppState) -> &Session {
    &state.session().unwrap().session
}

fn parties(state: &AppState) -> Vec<String> {
    session(state).parties.iter().map(|p| p.organisation.clone()).collect()
}

fn the(effects: Vec<Effect>) -> Effect {
    let [e] = <[Effect; 1]>::try_from(effects).expect("one effect");
    e
}

/// Save what is shown, as the writer does, and say so.
fn save_lands(state: &mut AppState) -> Vec<Effect> {
    kompas::storage::save(&state.session().unwrap().path, session(state)).unwrap();
    send_at(state, now(), [Action::Saved])
}

#[test]
fn opening_offers_the_copy_m_merges_it_and_it_goes_only_after_the_save() {
    let (_dir, path, copy) = session_and_copy();
    let (mut state, effects) = open(&path, Lang::En, Access::Edit);
    assert_eq!(effects, [Effect::FindCopies { path: path.clone(), id: "s1".into() }]);
    assert!(run(&mut state, the(effects)).is_empty());
    assert_eq!(notice(&state), "A copy (Dropbox) of this session found — M: merge");
    assert!(screen(&state).contains("⧉ 1 cop(y/ies) (M)"), "{}", screen(&state));

    // M: merged off the loop, taken in through the change path.
    let merge = the(send_at(&mut state, now(), [Action::MergeCopies]));
    assert!(
        matches!(&merge, Effect::MergeCopies { copies, .. } if copies.len() == 1 && copies[0].copy == copy)
    );
    let effects = run(&mut state, merge);
    assert_eq!(effects, [Effect::Save], "saved like any edit");
    assert_eq!(parties(&state), ["Zorggroep De Linde", "Woonstichting Thuis"], "both sides' parties");
    let s = session(&state);
    assert_eq!(s.title, "Wijk Noord");
    assert_eq!(s.conflicts.len(), 1, "the title changed on both sides: one record");
    assert_eq!(s.conflicts[0].other, Some(serde_json::json!("Wijk Zuid")));
    assert_eq!(s.conflicts[0].source, "wijk (Anne's conflicted copy 2026-03-12).json");
    assert_eq!(
        notice(&state),
        "1 cop(y/ies) merged: 1 taken in, 1 conflict(s) (C); the copy goes once this is saved"
    );
    let shown = screen(&state);
    assert!(!shown.contains("⧉"), "nothing waits any more:\n{shown}");
    assert!(shown.contains("⚠ 1 conflict(s) (C)"), "{shown}");

    // Undone and made again, like every change.
    send_at(&mut state, now(), [Action::Undo]);
    assert_eq!(parties(&state), ["Zorggroep De Linde"]);
    send_at(&mut state, now(), [Action::Redo]);
    assert_eq!(parties(&state), ["Zorggroep De Linde", "Woonstichting Thuis"]);

    // The save failed: nothing is removed.
    let failure = Failure::io(&path, &std::io::Error::other("disk"), |cause| FailureKind::NotSaved {
        step: kompas::storage::SaveStep::Write,
        cause,
    });
    assert!(send_at(&mut state, now(), [Action::SaveFailed(failure)]).is_empty());
    assert!(copy.exists());

    // The save landed: the copy goes.
    let remove = the(save_lands(&mut state));
    assert!(matches!(&remove, Effect::RemoveCopies { copies, .. } if copies.len() == 1));
    assert!(copy.exists(), "asked, not done, before the runtime checks the file");
    assert!(run(&mut state, remove).is_empty());
    assert!(!copy.exists());
    assert_eq!(notice(&state), "1 cop(y/ies) removed: everything in them is in the session");
    let on_disk = kompas::storage::load(&path).unwrap().session;
    assert_eq!(on_disk.parties.len(), 2);
    assert_eq!(on_disk.conflicts[0].other, Some(serde_json::json!("Wijk Zuid")));
    // Later saves ask nothing more.
    assert!(save_lands(&mut state).is_empty());
}

#[test]
fn an_undone_merge_offers_the_copy_again_and_puts_back_a_removed_one() {
    let (_dir, path, copy) = session_and_copy();
    let bytes = std::fs::read(&copy).unwrap();
    let (mut state, effects) = open(&path, Lang::Nl, Access::Edit);
    run(&mut state, the(effects));
    let merge = the(send_at(&mut state, now(), [Action::MergeCopies]));
    run(&mut state, merge);
    // Undone before its save: offered again at once, and not removed.
    send_at(&mut state, now(), [Action::Undo]);
    assert!(screen(&state).contains("⧉ 1 kopie(ën) (M)"), "offered again:\n{}", screen(&state));
    assert!(save_lands(&mut state).is_empty());
    assert!(copy.exists());
    // Made again, saved: removed.
    send_at(&mut state, now(), [Action::Redo]);
    assert!(!screen(&state).contains("⧉"));
    let remove = the(save_lands(&mut state));
    run(&mut state, remove);
    assert!(!copy.exists());
    // Undone after the copy was removed: put back as it was, offered again.
    let mut effects = send_at(&mut state, now(), [Action::Undo]);
    assert_eq!(effects.first(), Some(&Effect::Save), "the undo is saved");
    let restore = effects.pop().unwrap();
    assert!(matches!(&restore, Effect::RestoreCopies { copies, .. } if copies.len() == 1), "{effects:?}");
    run(&mut state, restore);
    assert_eq!(std::fs::read(&copy).unwrap(), bytes, "the copy is back, byte for byte");
    assert_eq!(notice(&state), "Samenvoegen ongedaan: 1 kopie(ën) teruggezet en weer aangeboden (M)");
    assert!(screen(&state).contains("⧉ 1 kopie(ën) (M)"));
    // Merged once more (M), saved: gone, with no second conflict record.
    let merge = the(send_at(&mut state, now(), [Action::MergeCopies]));
    run(&mut state, merge);
    assert_eq!(session(&state).conflicts.len(), 1);
    let remove = the(save_lands(&mut state));
    run(&mut state, remove);
    assert!(!copy.exists());
}

#[test]
fn a_merge_undone_while_its_copy_is_being_removed_puts_the_copy_back() {
    let (_dir, path, copy) = session_and_copy();
    let bytes = std::fs::read(&copy).unwrap();
    let (mut state, effects) = open(&path, Lang::En, Access::Edit);
    run(&mut state, the(effects));
    let merge = the(send_at(&mut state, now(), [Action::MergeCopies]));
    run(&mut state, merge);
    // The merge's save landed and the removal is asked for; the undo comes
    // before the runtime answers (the file still holds the merge, so the
    // removal goes ahead).
    let remove = the(save_lands(&mut state));
    send_at(&mut state, now(), [Action::Undo]);
    let effects = run(&mut state, remove);
    assert!(!copy.exists(), "removed, as asked");
    let restore = the(effects);
    assert!(matches!(&restore, Effect::RestoreCopies { copies, .. } if copies.len() == 1), "{restore:?}");
    run(&mut state, restore);
    assert_eq!(std::fs::read(&copy).unwrap(), bytes, "the copy is back, byte for byte");
    assert!(screen(&state).contains("⧉ 1 cop(y/ies) (M)"), "offered again:\n{}", screen(&state));
    assert!(!notice(&state).contains("removed"), "{}", notice(&state));
}

#[test]
fn a_copy_the_file_does_not_hold_after_the_save_is_kept_and_offered_again() {
    let (_dir, path, copy) = session_and_copy();
    let before = kompas::storage::load(&path).unwrap().session;
    let (mut state, effects) = open(&path, Lang::Nl, Access::Edit);
    run(&mut state, the(effects));
    let merge = the(send_at(&mut state, now(), [Action::MergeCopies]));
    run(&mut state, merge);
    // What lands in the file is not the merged session (another program
    // wrote it back meanwhile): the copy stays.
    kompas::storage::save(&path, &before).unwrap();
    let remove = the(send_at(&mut state, now(), [Action::Saved]));
    run(&mut state, remove);
    assert!(copy.exists());
    assert!(
        notice(&state).starts_with(
            "Kopie bewaard: wijk (Anne's conflicted copy 2026-03-12).json: het bestand bevat niet alles daaruit"
        ),
        "{}",
        notice(&state)
    );
    assert!(screen(&state).contains("⧉ 1 kopie(ën) (M)"), "offered again:\n{}", screen(&state));
}

#[test]
fn an_edit_while_the_copy_merges_is_kept_and_the_copy_merged_into_it() {
    let (_dir, path, _copy) = session_and_copy();
    let (mut state, effects) = open(&path, Lang::En, Access::Edit);
    run(&mut state, the(effects));
    let merge = the(send_at(&mut state, now(), [Action::MergeCopies]));
    // An edit lands before the merge comes back.
    send_at(&mut state, now(), [Action::NextPhase]);
    let phase = session(&state).phase;
    let again = the(run(&mut state, merge));
    assert!(
        matches!(&again, Effect::MergeCopies { ours, .. } if ours.phase == phase),
        "merged again into the newer session"
    );
    run(&mut state, again);
    assert_eq!(session(&state).phase, phase);
    assert_eq!(parties(&state).len(), 2);
}

#[test]
fn a_recovery_file_is_offered_at_the_next_open_and_merged() {
    let (dir, path, copy) = session_and_copy();
    std::fs::remove_file(&copy).unwrap();
    let mut unsaved = kompas::storage::load(&path).unwrap().session;
    let party = PartyFields { organisation: "Huurdersvereniging".into(), ..Default::default() };
    unsaved.add_party(&party, at("2026-03-12T10:03:00+01:00")).unwrap();
    let recovered = kompas::storage::write_recovery(&unsaved, &path).unwrap();
    assert_eq!(recovered.parent(), Some(dir.path()));
    let (mut state, effects) = open(&path, Lang::Nl, Access::Edit);
    run(&mut state, the(effects));
    assert_eq!(notice(&state), "Een herstelbestand (kompas) van deze sessie gevonden — M: samenvoegen");
    let merge = the(send_at(&mut state, now(), [Action::MergeCopies]));
    run(&mut state, merge);
    assert_eq!(parties(&state), ["Zorggroep De Linde", "Huurdersvereniging"]);
    assert!(session(&state).conflicts.is_empty(), "nothing differed but the new party");
    let remove = the(save_lands(&mut state));
    run(&mut state, remove);
    assert!(!recovered.exists());
}

#[test]
fn a_read_only_session_looks_for_no_copies_and_refuses_m() {
    let (_dir, path, copy) = session_and_copy();
    let (mut state, effects) = open(&path, Lang::En, Access::HeldElsewhere);
    assert!(effects.is_empty());
    assert!(send_at(&mut state, now(), [Action::MergeCopies]).is_empty());
    assert!(copy.exists());
}

#[test]
fn m_without_copies_says_so() {
    let (_dir, path, copy) = session_and_copy();
    std::fs::remove_file(&copy).unwrap();
    let (mut state, effects) = open(&path, Lang::En, Access::Edit);
    run(&mut state, the(effects));
    assert!(state.notice.is_none(), "nothing found, nothing said");
    assert!(send_at(&mut state, now(), [Action::MergeCopies]).is_empty());
    assert_eq!(notice(&state), "No copies of this session found");
}

// ---- the real program in a pty ----

/// The whole way with the real binary: the library lists the copy under its
/// session, Enter on it opens the session, which offers it; `M` merges it,
/// the save lands, and only then is the copy gone, with both sides' values
/// in the file.
#[test]
fn the_real_program_offers_a_copy_merges_it_with_m_and_removes_it_after_the_save() {
    use crate::support::pty::{ENTER, Kompas};
    let tmp = tempfile::tempdir().unwrap();
    let path = crate::support::shared_session(tmp.path());
    let load = |p: &Path| kompas::storage::load(p).unwrap().session;
    let party = |n: &str| PartyFields { organisation: n.into(), ..Default::default() };
    let mut theirs = load(&path);
    theirs.title = "Gedeeld (Anne)".into();
    theirs.add_party(&party("Woonstichting Thuis"), at("2026-03-12T10:02:00+01:00")).unwrap();
    let copy = tmp.path().join("a (Anne's conflicted copy 2026-03-12).json");
    kompas::storage::save(&copy, &theirs).unwrap();
    let mut ours = load(&path);
    ours.title = "Gedeeld Noord".into();
    kompas::storage::save(&path, &ours).unwrap();

    let mut k = Kompas::start(&["--sessions-dir", ".", "--lang", "en"], tmp.path(), 100, 30);
    let screen = k.wait_for("└ ⧉ copy (Dropbox) · a (Anne's conflicted copy 2026-03-12).json", 20);
    assert_eq!(screen.matches("Gedeeld").count(), 1, "one meeting row, the copy under it:\n{screen}");
    // End: the copy's row (the last); Enter there opens its session.
    k.send("\x1b[F");
    k.send(ENTER);
    k.wait_for("A copy (Dropbox) of this session found", 20);
    assert!(copy.exists());
    k.send("M");
    k.wait_for("1 cop(y/ies) removed", 20);
    assert!(!copy.exists(), "removed");
    let merged = load(&path);
    let names: Vec<&str> = merged.parties.iter().map(|p| p.organisation.as_str()).collect();
    assert_eq!(names, ["Woonstichting Thuis"]);
    assert_eq!(merged.title, "Gedeeld Noord");
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    assert_eq!(merged.conflicts[0].other, Some(serde_json::json!("Gedeeld (Anne)")));
    k.send("q");
    assert_eq!(k.wait_exit(10), 0);
}
