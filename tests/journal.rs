//! The draft journal as the app decides it (issue 8 "the journal never
//! fails silently", issue 9 item 18 "the draft journal becomes an Effect"):
//! when a write is asked for, what a failure shows, when the journal goes.
//! No terminal, no files, a fixed clock.

use std::path::PathBuf;

use chrono::{DateTime, Duration, NaiveDate};
use kompas::app::journal::J;
use kompas::app::*;
use kompas::domain::*;
use kompas::i18n::Lang;
use ratatui_textarea::{Input, Key};

fn now() -> Timestamp {
    DateTime::parse_from_rfc3339("2026-03-12T10:00:00+01:00").unwrap()
}

fn ms(n: i64) -> Timestamp {
    now() + Duration::milliseconds(n)
}

fn path() -> PathBuf {
    PathBuf::from("sessions/x.json")
}

fn open(lang: Lang, access: Access) -> AppState {
    let session = Session::new(
        "s1".into(),
        "Zuiderveld",
        NaiveDate::from_ymd_opt(2026, 3, 12).unwrap(),
        "Anouk",
        now(),
    )
    .unwrap();
    let mut state = AppState::new(lang, PathBuf::from("sessions"), now().date_naive());
    update(&mut state, Action::Resize(100, 30), now());
    let opened = OpenedSession { session: session.into(), path: path(), access, draft: None, previous: None };
    update(&mut state, Action::SessionOpened(Box::new(opened)), now());
    state
}

fn type_text(state: &mut AppState, text: &str, at: Timestamp) -> Vec<Effect> {
    text.chars()
        .flat_map(|c| update(state, Action::FormInput(Input { key: Key::Char(c), ..Default::default() }), at))
        .collect()
}

fn writes(effects: &[Effect]) -> Vec<(u64, String)> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::WriteDraft { revision, draft, path: p, session_id } => {
                assert_eq!(p, &path());
                assert_eq!(session_id, "s1");
                let text = draft
                    .values
                    .values()
                    .filter_map(|v| match v {
                        DraftValue::Text(t) if !t.is_empty() => Some(t.clone()),
                        _ => None,
                    })
                    .collect::<Vec<_>>()
                    .join("|");
                Some((*revision, text))
            }
            _ => None,
        })
        .collect()
}

fn revision(state: &AppState) -> u64 {
    state.form.as_ref().unwrap().revision
}

fn report(state: &mut AppState, rev: u64, outcome: Result<Option<PathBuf>, Failure>, at: Timestamp) {
    let kept = DraftKept { path: path(), revision: rev, outcome };
    assert!(update(state, Action::DraftKept(Box::new(kept)), at).is_empty());
}

fn disk_full() -> Failure {
    let draft = PathBuf::from("sessions/.x.json.draft.json");
    Failure::io(&draft, &std::io::Error::from_raw_os_error(28), |cause| FailureKind::NotSaved {
        step: kompas::storage::SaveStep::Write,
        cause,
    })
}

#[test]
fn every_change_of_a_form_is_handed_to_the_journal_once_and_nothing_waits_for_it() {
    let mut state = open(Lang::Nl, Access::Edit);
    update(&mut state, Action::Pane(kompas::panes::interests::ADD_PARTY), now());
    let w = writes(&type_text(&mut state, "Woon", now()));
    // The runtime's journal thread decides when to write (a burst costs one
    // write); the app hands it each new state of the form, once.
    assert_eq!(w.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>(), ["W", "Wo", "Woo", "Woon"]);
    assert_eq!(w.last().unwrap().0, revision(&state));
    assert!(writes(&update(&mut state, Action::Tick, ms(400))).is_empty(), "the same typing once");
    assert_eq!(state.next_wake(), None, "the loop is not woken for the journal");
    // Moving between fields changes nothing typed: no new write.
    let before = revision(&state);
    let moved = update(&mut state, Action::FormInput(Input { key: Key::Tab, ..Default::default() }), now());
    assert_eq!(writes(&moved).len(), usize::from(revision(&state) != before));
}

#[test]
fn a_write_that_fails_is_said_at_once_in_both_languages_and_until_one_works() {
    for (lang, said, mark) in [
        (
            Lang::Nl,
            "Getypte tekst NIET in het kladbestand bewaard: sessions/.x.json.draft.json",
            "klad niet bewaard",
        ),
        (Lang::En, "Typed text NOT kept in the draft journal: sessions/.x.json.draft.json", "draft not kept"),
    ] {
        let mut state = open(lang, Access::Edit);
        update(&mut state, Action::Pane(kompas::panes::interests::ADD_PARTY), now());
        let w = writes(&type_text(&mut state, "Woonstede", now()));
        report(&mut state, w.last().unwrap().0, Err(disk_full()), ms(450));
        let notice = state.notice.as_ref().expect("a failed write is shown at once");
        assert!(notice.error);
        let text = notice.text.say(lang);
        assert!(text.starts_with(said), "{text}");
        assert!(J::NotKeptShort.get(lang).contains(mark));
        assert!(state.session().unwrap().journal.failed.is_some(), "the status line keeps the mark");
        // The thread's next failed try does not say it all again.
        state.notice = None;
        report(&mut state, w.last().unwrap().0, Err(disk_full()), ms(2450));
        assert!(state.notice.is_none());
        assert!(state.session().unwrap().journal.failed.is_some());
        report(&mut state, w.last().unwrap().0, Ok(None), ms(4450));
        assert!(state.session().unwrap().journal.failed.is_none());
        assert_eq!(state.notice.as_ref().unwrap().text, NoticeText::Msg(J::KeptAgain));
    }
}

#[test]
fn a_journal_in_the_state_folder_says_where_once() {
    let mut state = open(Lang::En, Access::Edit);
    update(&mut state, Action::Pane(kompas::panes::interests::ADD_PARTY), now());
    let w = writes(&type_text(&mut state, "W", now()));
    let place = PathBuf::from("/home/a/.local/state/kompas/drafts/1.draft.json");
    report(&mut state, w[0].0, Ok(Some(place.clone())), ms(500));
    let text = state.notice.as_ref().unwrap().text.say(Lang::En);
    assert!(text.contains("kept in /home/a/.local/state/kompas/drafts/1.draft.json"), "{text}");
    state.notice = None;
    report(&mut state, w[0].0, Ok(Some(place)), ms(900));
    assert!(state.notice.is_none(), "said once");
}

#[test]
fn the_journal_goes_once_the_form_is_committed_and_saved_and_not_before() {
    let mut state = open(Lang::Nl, Access::Edit);
    update(&mut state, Action::Pane(kompas::panes::interests::ADD_PARTY), now());
    assert!(!writes(&type_text(&mut state, "Woonstede", now())).is_empty());
    let effects = update(&mut state, Action::FormSubmit, ms(500));
    assert!(effects.contains(&Effect::Save));
    assert!(!effects.iter().any(|e| matches!(e, Effect::RemoveDraft(_))), "not before the save");
    update(&mut state, Action::Saving, ms(510));
    let effects = update(&mut state, Action::Saved, ms(520));
    assert_eq!(effects.iter().filter(|e| matches!(e, Effect::RemoveDraft(_))).count(), 1);
    assert!(!state.session().unwrap().journal.on_disk);
    // Once.
    assert!(update(&mut state, Action::Tick, ms(600)).is_empty());
}

#[test]
fn quitting_writes_the_last_typing_once_more_and_prints_it_when_that_fails() {
    let mut state = open(Lang::Nl, Access::Edit);
    update(&mut state, Action::Pane(kompas::panes::interests::ADD_PARTY), now());
    assert!(!writes(&type_text(&mut state, "Gemeente Zuider", now())).is_empty());
    // Handed over already, yet the quit asks once more, so its outcome is
    // known before kompas goes.
    let effects = update(&mut state, Action::Quit, ms(600));
    let w = writes(&effects);
    assert_eq!(w, vec![(revision(&state), "Gemeente Zuider".to_string())]);
    assert!(effects.contains(&Effect::Quit));
    assert!(journal::unkept(&state).is_none(), "nothing to print while the write may succeed");
    report(&mut state, w[0].0, Err(disk_full()), ms(610));
    assert!(writes(&update(&mut state, Action::Tick, ms(5000))).is_empty(), "one last write, not a loop");
    let printed = journal::unkept(&state).expect("the typing is printed");
    assert!(printed.starts_with(J::LostOnQuit.get(Lang::Nl)), "{printed}");
    assert!(printed.contains("Gemeente Zuider"), "{printed}");
}

#[test]
fn a_read_only_session_has_no_journal_and_old_reports_are_ignored() {
    let mut state = open(Lang::Nl, Access::HeldElsewhere);
    let effects = update(&mut state, Action::Pane(kompas::panes::interests::ADD_PARTY), now());
    assert!(effects.is_empty());
    assert!(writes(&type_text(&mut state, "x", now())).is_empty());

    let mut state = open(Lang::Nl, Access::Edit);
    let other =
        DraftKept { path: PathBuf::from("sessions/other.json"), revision: 1, outcome: Err(disk_full()) };
    update(&mut state, Action::DraftKept(Box::new(other)), now());
    assert!(state.session().unwrap().journal.failed.is_none(), "a report about another session");
    assert!(state.notice.is_none());
}
