//! Issue 8 in the state machine: what the writer found on disk comes in as
//! actions (no terminal, no files, a fixed clock). Outside changes replace
//! the session under the facilitator's place and typing; undo and redo keep
//! working across them and never take them back out; a deleted file is
//! written again only when asked; a read-only open says why. The last test
//! does undo across an outside change with the real binary in a pty.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate};
use kompas::app::*;
use kompas::domain::*;
use kompas::i18n::Lang;
use ratatui_textarea::{Input, Key};

fn now() -> Timestamp {
    DateTime::parse_from_rfc3339("2026-03-12T10:00:00+01:00").unwrap()
}

fn later(minutes: i64) -> Timestamp {
    now() + chrono::Duration::minutes(minutes)
}

fn session() -> Session {
    Session::new("s1".into(), "Wijk", NaiveDate::from_ymd_opt(2026, 3, 12).unwrap(), "Anouk", now()).unwrap()
}

fn open(session: Session, access: Access, lang: Lang) -> AppState {
    let mut state = AppState::new(lang, PathBuf::from("sessions"), now().date_naive());
    update(&mut state, Action::Resize(100, 30), now());
    let opened = OpenedSession {
        session: session.into(),
        path: PathBuf::from("sessions/x.json"),
        access,
        draft: None,
        previous: None,
    };
    update(&mut state, Action::SessionOpened(Box::new(opened)), now());
    state
}

fn send(state: &mut AppState, actions: impl IntoIterator<Item = Action>) -> Vec<Effect> {
    crate::common::send_at(state, now(), actions)
}

fn typing(text: &str) -> Vec<Action> {
    text.chars().map(|c| Action::FormInput(Input { key: Key::Char(c), ..Default::default() })).collect()
}

fn add_party(state: &mut AppState, name: &str) -> Vec<Effect> {
    let mut actions = vec![Action::Pane(kompas::panes::interests::ADD_PARTY)];
    actions.extend(typing(name));
    actions.push(Action::FormSubmit);
    send(state, actions)
}

fn current(state: &AppState) -> Arc<Session> {
    Arc::clone(&state.session().unwrap().session)
}

fn notice(state: &AppState) -> String {
    state.notice.as_ref().map(|n| n.text.say(state.lang)).unwrap_or_default()
}

/// Theirs: the session as shown, with the players changed outside.
fn theirs_of(state: &AppState, players: &str) -> Arc<Session> {
    let mut theirs = (*current(state)).clone();
    theirs.context.players = players.into();
    Arc::new(theirs)
}

#[test]
fn changes_from_outside_replace_the_session_and_keep_place_and_typing() {
    let mut state = open(session(), Access::Edit, Lang::En);
    add_party(&mut state, "Woonstede");
    add_party(&mut state, "GGD");
    send(&mut state, [Action::Down]);
    let place = state.session().unwrap().local::<Interests>().sel;
    update(&mut state, Action::Saved, now());
    // The facilitator starts typing a party while the file changes outside.
    send(&mut state, [Action::Pane(kompas::panes::interests::ADD_PARTY)]);
    send(&mut state, typing("Huurders"));
    let sent = current(&state);
    let theirs = theirs_of(&state, "wijkteam en huurders");
    let news = DiskNews::CameIn { sent, session: Arc::clone(&theirs), came_in: 1, conflicts: 0 };
    let effects = update(&mut state, Action::FromDisk(news), later(1));
    assert!(effects.is_empty(), "nothing to write: it is on disk already");
    let s = state.session().unwrap();
    assert_eq!(s.session.context.players, "wijkteam en huurders");
    assert_eq!(s.session.parties.len(), 2, "our parties are in it");
    assert_eq!(s.local::<Interests>().sel, place, "the cursor stays");
    assert_eq!(s.save, SaveState::Saved(later(1)));
    let form = state.form.as_ref().expect("the open form stays");
    assert!(form.dirty);
    assert_eq!(notice(&state), "1 change from outside merged");
    // The form's typing is committed into the merged session.
    let effects = send(&mut state, [Action::FormSubmit]);
    assert_eq!(effects, vec![Effect::Save]);
    let s = &state.session().unwrap().session;
    assert!(s.parties.iter().any(|p| p.organisation == "Huurders"));
    assert_eq!(s.context.players, "wijkteam en huurders");
}

#[test]
fn a_merge_made_from_an_older_snapshot_does_not_replace_a_newer_edit() {
    let mut state = open(session(), Access::Edit, Lang::Nl);
    let sent = current(&state);
    let theirs = theirs_of(&state, "buiten");
    // An edit lands while the writer merges the older snapshot.
    add_party(&mut state, "Woonstede");
    let news = DiskNews::CameIn { sent, session: theirs, came_in: 1, conflicts: 0 };
    let effects = update(&mut state, Action::FromDisk(news), later(1));
    assert_eq!(effects, vec![Effect::Save], "the newer session is synced again, with what came in");
    let s = &state.session().unwrap().session;
    assert_eq!(s.parties.len(), 1, "the edit is kept");
    assert_eq!(s.context.players, "", "not replaced: the next sync merges");
}

#[test]
fn conflicts_are_counted_in_the_notice_in_both_languages() {
    for (lang, want) in [
        (Lang::En, "3 changes from outside merged; 1 conflict: both sides changed the same thing; C: show"),
        (
            Lang::Nl,
            "3 wijzigingen van buiten kompas samengevoegd; 1 conflict: beide kanten wijzigden hetzelfde; C: bekijken",
        ),
    ] {
        let mut state = open(session(), Access::Edit, lang);
        let sent = current(&state);
        let mut merged = (*sent).clone();
        merged.conflicts.push(Conflict {
            id: "c1".into(),
            path: vec!["title".into()],
            kind: ConflictKind::BothChanged,
            other: Some("Buurt".into()),
            source: "disk".into(),
            at: now(),
        });
        let news = DiskNews::CameIn { sent, session: Arc::new(merged), came_in: 3, conflicts: 1 };
        update(&mut state, Action::FromDisk(news), later(1));
        assert_eq!(notice(&state), want);
        assert!(state.notice.as_ref().unwrap().error, "an open conflict stands out");
    }
}

/// What came in from outside: `f` applied to the session shown.
fn came_in(state: &mut AppState, f: impl FnOnce(&mut Session)) {
    let sent = current(state);
    let mut theirs = (*sent).clone();
    f(&mut theirs);
    let news = DiskNews::CameIn { sent, session: Arc::new(theirs), came_in: 1, conflicts: 0 };
    let effects = update(state, Action::FromDisk(news), later(1));
    assert!(effects.iter().all(|e| e.is_journal()), "{effects:?}");
}

fn parties(state: &AppState) -> Vec<String> {
    state.session().unwrap().session.parties.iter().map(|p| p.organisation.clone()).collect()
}

fn outside_party(s: &mut Session, name: &str) {
    s.add_party(&PartyFields { organisation: name.into(), ..Default::default() }, later(1)).unwrap();
}

#[test]
fn undo_after_an_outside_change_takes_back_only_my_step() {
    let mut state = open(session(), Access::Edit, Lang::En);
    add_party(&mut state, "Woonstede");
    // A colleague adds a party and sets the players meanwhile.
    came_in(&mut state, |s| {
        outside_party(s, "GGD");
        s.context.players = "buiten".into();
    });
    assert_eq!(parties(&state), ["Woonstede", "GGD"]);
    let effects = send(&mut state, [Action::Undo]);
    assert_eq!(effects, vec![Effect::Save]);
    assert_eq!(parties(&state), ["GGD"], "only my party is taken back");
    assert_eq!(state.session().unwrap().session.context.players, "buiten");
    assert!(state.session().unwrap().session.conflicts.is_empty());
    assert_eq!(notice(&state), "Undone: New party (outside changes stay)");
    // Redo puts it back, with theirs still there.
    assert_eq!(send(&mut state, [Action::Redo]), vec![Effect::Save]);
    assert_eq!(parties(&state), ["Woonstede", "GGD"]);
    assert_eq!(state.session().unwrap().session.context.players, "buiten");
    assert_eq!(notice(&state), "Redone: New party");
}

#[test]
fn redo_after_an_outside_change_keeps_it() {
    let mut state = open(session(), Access::Edit, Lang::Nl);
    add_party(&mut state, "Woonstede");
    send(&mut state, [Action::Undo]);
    assert!(parties(&state).is_empty());
    came_in(&mut state, |s| outside_party(s, "GGD"));
    assert_eq!(send(&mut state, [Action::Redo]), vec![Effect::Save]);
    assert_eq!(parties(&state), ["Woonstede", "GGD"], "back in its place");
    assert_eq!(notice(&state), "Opnieuw gedaan: Nieuwe partij (van buiten blijft)");
}

#[test]
fn several_outside_changes_between_steps_all_stay() {
    let mut state = open(session(), Access::Edit, Lang::En);
    add_party(&mut state, "A");
    came_in(&mut state, |s| s.context.players = "x".into());
    add_party(&mut state, "B");
    came_in(&mut state, |s| outside_party(s, "C"));
    came_in(&mut state, |s| s.title = "Buurt".into());
    send(&mut state, [Action::Undo, Action::Undo]);
    let s = &state.session().unwrap().session;
    assert_eq!(
        (parties(&state), s.title.as_str(), s.context.players.as_str()),
        (vec!["C".into()], "Buurt", "x")
    );
    assert_eq!(notice(&state), "Undone: New party (outside changes stay)");
    assert!(send(&mut state, [Action::Undo]).is_empty(), "nothing more to undo");
    assert_eq!(notice(&state), "Nothing to undo");
    send(&mut state, [Action::Redo, Action::Redo]);
    assert_eq!(parties(&state), ["A", "B", "C"]);
    assert_eq!(state.session().unwrap().session.title, "Buurt");
}

/// An undo that would take back what came in from outside (the colleague
/// renamed the very party I added) is refused and says so; the step leaves
/// the history, and the step before it can still be undone.
#[test]
fn undo_of_what_was_also_changed_outside_is_refused_with_a_reason() {
    for (lang, want) in [
        (Lang::En, "Not undone (New party): changed from outside too"),
        (Lang::Nl, "Niet ongedaan (Nieuwe partij): van buiten gewijzigd"),
    ] {
        let mut state = open(session(), Access::Edit, lang);
        add_party(&mut state, "Woonstede");
        add_party(&mut state, "GGD");
        came_in(&mut state, |s| s.parties[1].organisation = "GGD Gelderland".into());
        assert!(send(&mut state, [Action::Undo]).is_empty(), "nothing changes");
        assert_eq!(parties(&state), ["Woonstede", "GGD Gelderland"]);
        assert_eq!(notice(&state), want);
        assert!(state.notice.as_ref().unwrap().error, "it stands out");
        // The step before is undone around it.
        assert_eq!(send(&mut state, [Action::Undo]), vec![Effect::Save]);
        assert_eq!(parties(&state), ["GGD Gelderland"]);
    }
}

#[test]
fn redo_of_what_was_also_changed_outside_is_refused() {
    let mut state = open(session(), Access::Edit, Lang::En);
    add_party(&mut state, "Woonstede");
    let effects = change(&mut state, kompas::i18n::Msg::Title, |s| {
        s.edit().parties[0].organisation = "Woonstede Wonen".into();
        Ok(true)
    });
    assert_eq!(effects, vec![Effect::Save]);
    send(&mut state, [Action::Undo]);
    assert_eq!(parties(&state), ["Woonstede"]);
    // The colleague renames the same party meanwhile: redoing my rename
    // would write over theirs.
    came_in(&mut state, |s| s.parties[0].organisation = "Woonstede Vastgoed".into());
    assert!(send(&mut state, [Action::Redo]).is_empty());
    assert_eq!(parties(&state), ["Woonstede Vastgoed"]);
    assert_eq!(notice(&state), "Not redone (Title): changed from outside too");
    assert!(send(&mut state, [Action::Redo]).is_empty());
    assert_eq!(notice(&state), "Nothing to redo", "the refused step left the history");
}

#[test]
fn a_deleted_file_is_written_again_only_when_asked() {
    let mut state = open(session(), Access::Edit, Lang::En);
    update(&mut state, Action::FromDisk(DiskNews::Gone), later(1));
    assert_eq!(state.session().unwrap().save, SaveState::Gone);
    assert!(notice(&state).contains("W: write it again"), "{}", notice(&state));
    // An edit is kept in memory and synced as usual: the writer does not
    // recreate the file for it, and the state still says it is gone.
    let effects = add_party(&mut state, "Woonstede");
    assert_eq!(effects, vec![Effect::Save]);
    update(&mut state, Action::Saving, later(1));
    update(&mut state, Action::FromDisk(DiskNews::Gone), later(1));
    assert_eq!(state.session().unwrap().save, SaveState::Gone);
    // W writes it again.
    let effects = send(&mut state, [Action::WriteAgain]);
    assert_eq!(effects, vec![Effect::WriteAgain]);
    assert_eq!(state.session().unwrap().save, SaveState::Saving);
    update(&mut state, Action::Saved, later(2));
    assert_eq!(state.session().unwrap().save, SaveState::Saved(later(2)));
    // With the file there, W does nothing.
    assert!(send(&mut state, [Action::WriteAgain]).is_empty());
}

#[test]
fn a_version_that_could_not_be_merged_is_named() {
    let mut state = open(session(), Access::Edit, Lang::Nl);
    let copy = PathBuf::from("sessions/x (kompas conflict copy 20260312-100000).json");
    update(&mut state, Action::FromDisk(DiskNews::KeptCopy(copy)), later(1));
    assert_eq!(
        notice(&state),
        "De versie van buiten kon niet worden samengevoegd; die is bewaard als x (kompas conflict copy 20260312-100000).json"
    );
}

#[test]
fn in_step_keeps_the_time_of_the_last_save() {
    let mut state = open(session(), Access::Edit, Lang::En);
    update(&mut state, Action::Saved, later(1));
    update(&mut state, Action::FromDisk(DiskNews::InStep), later(5));
    assert_eq!(state.session().unwrap().save, SaveState::Saved(later(1)));
}

#[test]
fn a_read_only_session_follows_outside_changes_and_says_why_it_is_read_only() {
    let why = ReadOnlyWhy::FileMode(0o400);
    let mut state = open(session(), Access::ReadOnly(why), Lang::En);
    assert_eq!(why.say(Lang::En), "the file is read-only (mode 0400)");
    assert_eq!(why.say(Lang::Nl), "het bestand is alleen-lezen (modus 0400)");
    assert!(add_party(&mut state, "Woonstede").is_empty(), "no change is made");
    let news =
        DiskNews::CameIn { sent: current(&state), session: theirs_of(&state, "x"), came_in: 1, conflicts: 0 };
    assert!(update(&mut state, Action::FromDisk(news), later(1)).is_empty());
    assert_eq!(state.session().unwrap().session.context.players, "x");
    assert_eq!(state.session().unwrap().save, SaveState::ReadOnly);
}

fn with_conflicts() -> Session {
    let mut s = session();
    let fields = PartyFields { organisation: "Gemeente".into(), ..Default::default() };
    s.add_party(&fields, now()).unwrap();
    let pid = s.parties[0].id.clone();
    let record = |id: &str, path: Vec<String>, other: &str| Conflict {
        id: id.into(),
        path,
        kind: ConflictKind::BothChanged,
        other: Some(other.into()),
        source: "disk".into(),
        at: now(),
    };
    s.conflicts.push(record("c1", vec!["title".into()], "Buurt"));
    s.conflicts.push(record("c2", vec!["parties".into(), pid, "organisation".into()], "GGD"));
    s
}

#[test]
fn conflicts_are_shown_and_settled_one_key_each() {
    let mut state = open(with_conflicts(), Access::Edit, Lang::En);
    assert!(send(&mut state, [Action::ShowConflicts]).is_empty());
    let Some(Overlay::Conflicts { sel: 0, rows }) = &state.overlay else { panic!("{:?}", state.overlay) };
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (rows[0].place.as_str(), rows[0].shown.as_str(), rows[0].other.as_str()),
        ("title", "Wijk", "Buurt")
    );
    assert_eq!(rows[1].place, "parties › Gemeente › organisation");
    assert_eq!(rows[1].source, "from outside kompas");
    // Take the other title: saved, and the box moves on to the next one.
    let effects = send(&mut state, [Action::SettleConflict(Settle::TakeOther)]);
    assert_eq!(effects, vec![Effect::Save]);
    assert_eq!(state.session().unwrap().session.title, "Buurt");
    let Some(Overlay::Conflicts { rows, .. }) = &state.overlay else { panic!("the box stays for the next") };
    assert_eq!(rows.len(), 1);
    // Keep what is shown for the party: the last one; the box closes.
    let effects = send(&mut state, [Action::SettleConflict(Settle::Keep)]);
    assert_eq!(effects, vec![Effect::Save]);
    let s = &state.session().unwrap().session;
    assert_eq!(s.parties[0].organisation, "Gemeente");
    assert!(s.conflicts.is_empty());
    assert_eq!(state.overlay, None);
    assert_eq!(notice(&state), "Kept what was shown");
    // Settling can be undone like any change.
    send(&mut state, [Action::Undo]);
    assert_eq!(state.session().unwrap().session.conflicts.len(), 1);
}

#[test]
fn no_conflicts_is_said_and_a_read_only_session_settles_nothing() {
    let mut state = open(session(), Access::Edit, Lang::Nl);
    send(&mut state, [Action::ShowConflicts]);
    assert_eq!(state.overlay, None);
    assert_eq!(notice(&state), "Geen conflicten");
    let mut state = open(with_conflicts(), Access::HeldElsewhere, Lang::En);
    send(&mut state, [Action::ShowConflicts]);
    assert!(send(&mut state, [Action::SettleConflict(Settle::TakeOther)]).is_empty());
    assert_eq!(state.session().unwrap().session.conflicts.len(), 2);
}

/// The real binary in a pty, with the file changed outside while it runs
/// (a temp file renamed over it, as sync tools do): undo and redo reach the
/// file, take back only the facilitator's own steps, stay undone (the
/// writer does not bring an undone step back from the file), and a step
/// the colleague changed too is refused on screen and left in the file.
mod in_the_program {
    use std::path::Path;
    use std::time::{Duration, Instant};

    use kompas::domain::{PartyFields, Session};

    use crate::support::{self, pty::*, replace_from_outside};

    const CTRL_R: &str = "\x12";

    fn load(path: &Path) -> Session {
        kompas::storage::load(path).unwrap().session
    }

    fn texts(s: &Session) -> Vec<&str> {
        s.agreements.iter().map(|a| a.text.as_str()).collect()
    }

    /// Wait until the file holds `ok`; panic with what it holds after `secs`.
    fn on_disk(path: &Path, what: &str, secs: u64, ok: impl Fn(&Session) -> bool) -> Session {
        let until = Instant::now() + Duration::from_secs(secs);
        loop {
            if let Ok(l) = kompas::storage::load(path)
                && ok(&l.session)
            {
                return l.session;
            }
            if Instant::now() > until {
                let s = load(path);
                panic!(
                    "waited {secs}s for {what}; the file holds {:?}, players {:?}",
                    texts(&s),
                    s.context.players
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn add_agreement(k: &mut Kompas, text: &str) {
        k.send("a");
        k.wait_for("New agreement", 10);
        k.send(text);
        k.send(ENTER);
        k.wait_for(text, 10);
    }

    #[test]
    fn undo_and_redo_across_an_outside_change() {
        let tmp = tempfile::tempdir().unwrap();
        let path = support::shared_session(tmp.path());
        let mut k = Kompas::start(&["--lang", "en", "a.json"], tmp.path(), 100, 30);
        k.wait_for("a.json", 20);
        k.send(TAB);
        k.wait_for("Agreement", 10);
        add_agreement(&mut k, "Eerste afspraak");
        add_agreement(&mut k, "Tweede afspraak");
        on_disk(&path, "both agreements", 10, |s| s.agreements.len() == 2);
        // Two undos in a row reach the file and stay there.
        k.send("u");
        k.wait_for("Undone", 10);
        k.send("u");
        on_disk(&path, "both undone", 10, |s| s.agreements.is_empty());
        std::thread::sleep(Duration::from_millis(1500));
        assert!(load(&path).agreements.is_empty(), "an undone agreement came back from the file");
        k.send(CTRL_R);
        k.wait_for("Redone", 10);
        k.send(CTRL_R);
        on_disk(&path, "both redone", 10, |s| texts(s) == ["Eerste afspraak", "Tweede afspraak"]);
        // A colleague sets the players and adds a party.
        replace_from_outside(&path, |s| {
            s.context.players = "wijkteam".into();
            let now = s.updated_at;
            s.add_party(&PartyFields { organisation: "GGD".into(), ..Default::default() }, now).unwrap();
        });
        k.wait_for("from outside merged", 10);
        k.send("u");
        k.wait_for("(outside changes stay)", 10);
        let s = on_disk(&path, "only my last agreement undone", 10, |s| texts(s) == ["Eerste afspraak"]);
        assert_eq!((s.context.players.as_str(), s.parties.len()), ("wijkteam", 1));
        k.send("u");
        let s = on_disk(&path, "both my agreements undone", 10, |s| s.agreements.is_empty());
        assert_eq!((s.context.players.as_str(), s.parties.len()), ("wijkteam", 1), "theirs stays");
        std::thread::sleep(Duration::from_millis(1500));
        assert!(load(&path).agreements.is_empty(), "an undone agreement came back from the file");
        k.send(CTRL_R);
        let s = on_disk(&path, "the first agreement redone", 10, |s| texts(s) == ["Eerste afspraak"]);
        assert_eq!((s.context.players.as_str(), s.parties.len()), ("wijkteam", 1));
        // The colleague rewords that very agreement: undoing it would take
        // their words out too, so the undo is refused and says so.
        replace_from_outside(&path, |s| s.agreements[0].text = "Eerste afspraak, herschreven".into());
        k.wait_for("herschreven", 10);
        k.send("u");
        let screen = k.wait_for("Not undone", 10);
        assert!(screen.contains("Not undone (New agreement): changed from outside too"), "{screen}");
        std::thread::sleep(Duration::from_millis(500));
        assert_eq!(texts(&load(&path)), ["Eerste afspraak, herschreven"]);
        k.send("q");
        assert_eq!(k.wait_exit(10), 0);
        let last = load(&path);
        assert_eq!(texts(&last), ["Eerste afspraak, herschreven"]);
        assert_eq!((last.context.players.as_str(), last.parties.len()), ("wijkteam", 1));
    }
}
