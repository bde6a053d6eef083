//! The earlier meetings of a collaboration: read in the background after a
//! session opens (following `previous` links), handed to the state as
//! `Action::ChainLoaded`, oldest first.

use crate::common;

use std::path::PathBuf;
use std::sync::Arc;

use kompas::app::*;
use kompas::domain::*;
use kompas::i18n::Lang;
use kompas::runtime::read_chain;

fn now() -> Timestamp {
    common::at("2026-05-20T10:00:00+02:00")
}

/// Three meetings in a folder, each following the one before.
fn three_meetings(dir: &std::path::Path) -> Vec<PathBuf> {
    let first = common::realistic_session();
    let a = kompas::storage::create_new(dir, &first).unwrap();
    let name = |p: &PathBuf| p.file_name().unwrap().to_string_lossy().into_owned();
    let second = first.follow_up("s2".into(), &name(&a), common::date(2026, 4, 9), now());
    let b = kompas::storage::create_new(dir, &second).unwrap();
    let third = second.follow_up("s3".into(), &name(&b), common::date(2026, 5, 20), now());
    let c = kompas::storage::create_new(dir, &third).unwrap();
    vec![a, b, c]
}

#[test]
fn the_chain_is_the_meetings_before_oldest_first() {
    let tmp = tempfile::tempdir().unwrap();
    let files = three_meetings(tmp.path());
    let third = kompas::storage::load(&files[2]).unwrap().session;
    let chain = read_chain(&files[2], third.previous.clone());
    let ids: Vec<&str> = chain.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["2026-03-12-weer-thuis", "s2"]);
    // The first meeting has none before it.
    assert!(read_chain(&files[0], None).is_empty());
}

#[test]
fn a_missing_meeting_or_a_loop_ends_the_chain() {
    let tmp = tempfile::tempdir().unwrap();
    let files = three_meetings(tmp.path());
    std::fs::remove_file(&files[0]).unwrap();
    let third = kompas::storage::load(&files[2]).unwrap().session;
    assert_eq!(read_chain(&files[2], third.previous.clone()).len(), 1);
    // A meeting that names itself as the one before.
    let mut looped = third.clone();
    looped.previous.as_mut().unwrap().file = files[2].file_name().unwrap().to_string_lossy().into_owned();
    assert!(read_chain(&files[2], looped.previous).is_empty());
}

#[test]
fn the_loaded_chain_reaches_the_open_session_only() {
    let mut state = AppState::new(Lang::Nl, PathBuf::from("sessions"), now().date_naive());
    let path = PathBuf::from("sessions/c.json");
    let opened = OpenedSession {
        session: common::realistic_session().into(),
        path: path.clone(),
        access: Access::Edit,
        draft: None,
        previous: None,
    };
    update(&mut state, Action::SessionOpened(Box::new(opened)), now());
    assert!(state.session().unwrap().chain.is_none(), "not read yet");
    let chain: Arc<[Session]> = vec![common::realistic_session()].into();
    let other = Action::ChainLoaded { path: PathBuf::from("sessions/other.json"), chain: chain.clone() };
    assert!(update(&mut state, other, now()).is_empty());
    assert!(state.session().unwrap().chain.is_none(), "a chain of another file is dropped");
    update(&mut state, Action::ChainLoaded { path, chain }, now());
    assert_eq!(state.session().unwrap().chain.as_ref().unwrap().len(), 1);
}

#[test]
fn with_nothing_scheduled_nothing_wakes_the_loop() {
    let mut state = AppState::new(Lang::Nl, PathBuf::from("sessions"), now().date_naive());
    assert_eq!(state.next_wake(), None);
    let opened = OpenedSession {
        session: common::realistic_session().into(),
        path: PathBuf::from("sessions/c.json"),
        access: Access::Edit,
        draft: None,
        previous: None,
    };
    update(&mut state, Action::SessionOpened(Box::new(opened)), now());
    assert_eq!(state.next_wake(), None);
    // A tick changes nothing and asks nothing of the runtime.
    let before = state.session().unwrap().session.clone();
    assert!(update(&mut state, Action::Tick, now()).is_empty());
    assert_eq!(state.session().unwrap().session, before);
    assert_eq!(state.now, now());
}
