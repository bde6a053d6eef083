//! The state machine driven by actions alone: no terminal, no files, a fixed
//! clock. Each test is a sequence a facilitator would perform.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate};
use kompas::app::*;
use kompas::domain::*;
use kompas::i18n::{Lang, Msg};
use kompas::panes::Edited;
use ratatui_textarea::{Input, Key};

fn now() -> Timestamp {
    DateTime::parse_from_rfc3339("2026-03-12T10:00:00+01:00").unwrap()
}

fn later(minutes: i64) -> Timestamp {
    now() + chrono::Duration::minutes(minutes)
}

fn empty_session() -> Session {
    Session::new(
        "s1".into(),
        "Weer thuis in de wijk",
        NaiveDate::from_ymd_opt(2026, 3, 12).unwrap(),
        "Anouk",
        now(),
    )
    .unwrap()
}

fn opened(session: Session, access: Access) -> OpenedSession {
    OpenedSession {
        session: session.into(),
        path: PathBuf::from("sessions/x.json"),
        access,
        draft: None,
        previous: None,
    }
}

fn open(session: Session, read_only: bool) -> AppState {
    let mut state = AppState::new(Lang::Nl, PathBuf::from("sessions"), now().date_naive());
    update(&mut state, Action::Resize(100, 30), now());
    let opened = opened(session, if read_only { Access::HeldElsewhere } else { Access::Edit });
    update(&mut state, Action::SessionOpened(Box::new(opened)), now());
    state
}

/// The effects of `actions`, without the draft journal's (every change of
/// a form hands the typing to the journal; `tests/journal.rs` tests that).
fn send(state: &mut AppState, actions: impl IntoIterator<Item = Action>) -> Vec<Effect> {
    crate::common::send_at(state, now(), actions)
}

fn typing(text: &str) -> Vec<Action> {
    text.chars().map(|c| Action::FormInput(Input { key: Key::Char(c), ..Default::default() })).collect()
}

fn key(k: Key) -> Action {
    Action::FormInput(Input { key: k, ..Default::default() })
}

fn s(state: &AppState) -> &Session {
    &state.session().unwrap().session
}

fn add_party(state: &mut AppState, name: &str) -> Vec<Effect> {
    let mut actions = vec![Action::Pane(kompas::panes::interests::ADD_PARTY)];
    actions.extend(typing(name));
    actions.push(Action::FormSubmit);
    send(state, actions)
}

#[test]
fn adding_a_party_is_one_key_typing_and_one_key_and_it_saves() {
    let mut state = open(empty_session(), false);
    let effects = add_party(&mut state, "Woonstede");
    assert_eq!(effects, vec![Effect::Save]);
    assert!(state.form.is_none());
    assert_eq!(s(&state).parties.len(), 1);
    assert_eq!(s(&state).parties[0].organisation, "Woonstede");
    assert_eq!(state.session().unwrap().local::<Interests>().sel, MapSel::Cell { party: 0, row: 0, item: 0 });
}

#[test]
fn party_form_fills_every_field_through_tab() {
    let mut state = open(empty_session(), false);
    let mut actions = vec![Action::Pane(kompas::panes::interests::ADD_PARTY)];
    for (i, text) in
        ["Zorggroep De Linde", "Pieter", "regiomanager", "voorrang", "24/7 team"].iter().enumerate()
    {
        if i > 0 {
            actions.push(Action::FormNextField);
        }
        actions.extend(typing(text));
    }
    actions.push(Action::FormNewline);
    actions.extend(typing("vaste contactpersoon"));
    actions.push(Action::FormSubmit);
    send(&mut state, actions);
    let p = &s(&state).parties[0];
    assert_eq!(
        (p.organisation.as_str(), p.representative.as_str(), p.role.as_str(), p.wants.as_str()),
        ("Zorggroep De Linde", "Pieter", "regiomanager", "voorrang")
    );
    assert_eq!(p.offers, "24/7 team\nvaste contactpersoon");
}

#[test]
fn a_new_interest_takes_the_party_and_kind_of_the_selected_cell() {
    let mut state = open(empty_session(), false);
    add_party(&mut state, "Woonstede");
    add_party(&mut state, "De Linde");
    // On De Linde's header; two rows down is the individual interests row.
    send(&mut state, [Action::Down, Action::Down]);
    assert_eq!(state.session().unwrap().local::<Interests>().sel, MapSel::Cell { party: 1, row: 2, item: 0 });
    let mut actions = vec![Action::Pane(kompas::panes::interests::ADD_INTEREST)];
    actions.extend(typing("Geen herhaling van De Hoven"));
    actions.push(Action::FormSubmit);
    assert_eq!(send(&mut state, actions), vec![Effect::Save]);
    let i = &s(&state).interests[0];
    assert_eq!(i.party, s(&state).parties[1].id);
    assert_eq!(i.kind, InterestKind::Individueel);
    assert_eq!(i.phase, Phase::Verkennen);
}

#[test]
fn enter_on_an_empty_cell_adds_and_on_an_interest_edits() {
    let mut state = open(empty_session(), false);
    add_party(&mut state, "Woonstede");
    send(&mut state, [Action::Down]);
    let mut actions = vec![Action::Activate];
    actions.extend(typing("Leefbaarheid"));
    actions.push(Action::FormSubmit);
    send(&mut state, actions);
    assert_eq!(s(&state).interests.len(), 1);
    // The cursor is on the new interest; Enter edits it.
    let mut actions = vec![Action::Activate];
    actions.extend(typing(" bewaken"));
    actions.push(Action::FormSubmit);
    send(&mut state, actions);
    assert_eq!(s(&state).interests.len(), 1);
    assert_eq!(s(&state).interests[0].text, "Leefbaarheid bewaken");
}

#[test]
fn adding_an_interest_without_parties_asks_for_a_party_first() {
    let mut state = open(empty_session(), false);
    assert!(send(&mut state, [Action::Pane(kompas::panes::interests::ADD_INTEREST)]).is_empty());
    assert!(state.form.is_none());
    assert_eq!(state.notice.as_ref().unwrap().text, NoticeText::Msg(Msg::AddPartyFirst));
}

#[test]
fn an_agreement_with_owner_parties_due_date_and_result() {
    let mut state = open(empty_session(), false);
    add_party(&mut state, "Woonstede");
    add_party(&mut state, "De Linde");
    send(&mut state, [Action::NextPane]);
    let mut actions = vec![Action::Pane(kompas::panes::agreements::ADD)];
    actions.extend(typing("Wachtlijstcijfers delen"));
    actions.push(Action::FormNextField); // owner
    actions.extend([key(Key::Right), key(Key::Right)]); // (none) -> Woonstede -> De Linde
    actions.push(Action::FormNextField); // due
    actions.extend(typing("1-4-2026"));
    actions.push(Action::FormNextField); // involved parties
    actions.extend([key(Key::Char(' ')), key(Key::Right), key(Key::Char(' '))]);
    actions.push(Action::FormNextField); // status
    actions.push(key(Key::Right));
    actions.push(Action::FormNextField); // phase result
    actions.push(key(Key::Char(' ')));
    actions.push(Action::FormSubmit);
    assert_eq!(send(&mut state, actions), vec![Effect::Save]);
    let session = s(&state);
    let a = &session.agreements[0];
    assert_eq!(a.text, "Wachtlijstcijfers delen");
    assert_eq!(a.owner.as_deref(), Some(session.parties[1].id.as_str()));
    assert_eq!(a.parties, vec![session.parties[0].id.clone(), session.parties[1].id.clone()]);
    assert_eq!(a.due, NaiveDate::from_ymd_opt(2026, 4, 1));
    assert_eq!(a.status, AgreementStatus::Agreed);
    assert!(a.phase_result);
    assert_eq!(a.phase, Phase::Verkennen);
}

/// One step of a capture: a key that is not part of the text or the date
/// (these are what the issue counts), or text typed as the room says it.
enum Step {
    Key(Action),
    Type(&'static str),
}

/// Send `steps` and count the keys among them.
fn capture(state: &mut AppState, steps: Vec<Step>) -> (usize, Vec<Effect>) {
    let keys = steps.iter().filter(|s| matches!(s, Step::Key(_))).count();
    let actions = steps.into_iter().flat_map(|s| match s {
        Step::Key(a) => vec![a],
        Step::Type(t) => typing(t),
    });
    (keys, send(state, actions))
}

/// The start of every agreement capture on the log: `a`, the text, `Tab`
/// to the owner and the letter that picks it (3 keys besides the text).
fn agreement_with_owner(text: &'static str, owner: char) -> Vec<Step> {
    vec![
        Step::Key(Action::Pane(kompas::panes::agreements::ADD)),
        Step::Type(text),
        Step::Key(Action::FormNextField), // to the owner
        Step::Key(key(Key::Char(owner))),
    ]
}

/// Issue 9 item 14: an agreement with an owner and a due date takes at most
/// 5 keys besides its text and date. Before (owner a Right press per party
/// down the list, the involved parties between owner and date) this took 7:
/// a, Tab, Right, Right, Tab, Tab, Enter.
#[test]
fn an_agreement_with_owner_and_due_date_takes_at_most_five_keys() {
    let mut state = open(empty_session(), false);
    for p in ["Radboudumc", "UMC Utrecht", "Prinses Máxima Centrum"] {
        add_party(&mut state, p);
    }
    send(&mut state, [Action::NextPane]);
    // 'U': UMC Utrecht.
    let mut steps = agreement_with_owner("Biobank-protocol afstemmen", 'U');
    steps.extend([
        Step::Key(Action::FormNextField), // to the due date
        Step::Type("vrijdag"),
        Step::Key(Action::FormSubmit),
    ]);
    let (keys, effects) = capture(&mut state, steps);
    assert!(keys <= 5, "an agreement with owner and due date took {keys} keys (at most 5)");
    assert_eq!(effects, vec![Effect::Save]);
    let session = s(&state);
    let a = &session.agreements[0];
    assert_eq!(a.text, "Biobank-protocol afstemmen");
    assert_eq!(a.owner.as_deref(), Some(session.parties[1].id.as_str()));
    assert_eq!(a.parties, vec![session.parties[1].id.clone()], "the owner is involved");
    // 12 March 2026 is a Thursday: "vrijdag" is the next day.
    assert_eq!(a.due, NaiveDate::from_ymd_opt(2026, 3, 13));
}

/// A meeting filled in after the day (the replay found it): a due date
/// without a year, or "vrijdag", counts from the meeting's date, not from
/// the day the program runs, so "1-4" typed for a March meeting is 1 April of
/// that year, not of the next.
#[test]
fn due_dates_count_from_the_meetings_date() {
    let mut state =
        AppState::new(Lang::Nl, PathBuf::from("sessions"), NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    update(&mut state, Action::Resize(100, 30), now());
    update(&mut state, Action::SessionOpened(Box::new(opened(empty_session(), Access::Edit))), now());
    send(&mut state, [Action::NextPane]);
    for (typed, due) in [("1-4", (2026, 4, 1)), ("vrijdag", (2026, 3, 13)), ("+2w", (2026, 3, 26))] {
        send(&mut state, [Action::Pane(kompas::panes::agreements::ADD)]);
        send(&mut state, typing(typed));
        send(&mut state, [Action::FormNextField, Action::FormNextField]);
        send(&mut state, typing(typed));
        assert_eq!(send(&mut state, [Action::FormSubmit]), vec![Effect::Save], "{typed}");
        let a = s(&state).agreements.last().unwrap();
        assert_eq!(a.due, NaiveDate::from_ymd_opt(due.0, due.1, due.2), "{typed}");
    }
}

/// The replay found "Verwijderd: u maakt het ongedaan" still in the status
/// line three edits after the delete: a later change clears what the
/// status line said about an earlier step.
#[test]
fn a_later_change_clears_the_notice_of_an_earlier_step() {
    let mut state = open(empty_session(), false);
    add_party(&mut state, "Woonstede");
    add_party(&mut state, "Gemeente");
    send(&mut state, [Action::DeleteSelected]);
    assert_eq!(state.notice.as_ref().map(|n| n.text.clone()), Some(NoticeText::Msg(Msg::Deleted)));
    add_party(&mut state, "Politie");
    assert_eq!(state.notice, None, "the delete's notice went with the next change");
}

/// The replay found `t`, `Enter` in a follow-up recording "waakzaam" while
/// the header showed last time's "vriendschappelijk": a new reading starts
/// on the level the header shows.
#[test]
fn a_follow_ups_first_reading_starts_on_last_times_level() {
    let mut m1 = empty_session();
    m1.record_temperature(Temperature::Vriendschappelijk, "", later(5));
    let m2 = m1.follow_up("m2".into(), "m1.json", NaiveDate::from_ymd_opt(2026, 4, 9).unwrap(), later(60));
    let mut state = open(m2, false);
    let path = state.session().unwrap().path.clone();
    send(&mut state, [Action::ChainLoaded { path, chain: vec![m1].into() }]);
    send(&mut state, [Action::RecordTemperature]);
    let form = state.form.as_ref().expect("the reading's form");
    assert_eq!(form.choice("level"), Some(&Choice::Temperature(Temperature::Vriendschappelijk)));
    send(&mut state, [Action::FormSubmit]);
    assert_eq!(s(&state).latest_temperature().map(|t| t.level), Some(Temperature::Vriendschappelijk));
}

/// Issue 9 item 9: the whole table owns an agreement jointly; it is
/// offered after the parties and a typed letter reaches it, and every
/// party, also one joining later, is involved.
#[test]
fn an_agreement_owned_by_the_whole_table_involves_every_party() {
    let mut state = open(empty_session(), false);
    for p in ["Gemeente", "Woonstede"] {
        add_party(&mut state, p);
    }
    send(&mut state, [Action::NextPane]);
    // 'h': "De hele tafel", a word inside the name.
    let mut steps = agreement_with_owner("Samen een wijkteam opzetten", 'h');
    steps.push(Step::Key(Action::FormSubmit));
    let (keys, effects) = capture(&mut state, steps);
    assert_eq!((keys, effects), (4, vec![Effect::Save]));
    let a = &s(&state).agreements[0];
    assert_eq!(a.owner.as_deref(), Some(TABLE));
    assert_eq!(a.parties, vec![TABLE.to_string()], "the whole table: every party");
    let mut joined = s(&state).clone();
    let later =
        joined.add_party(&PartyFields { organisation: "Zorggroep".into(), ..Default::default() }, later(5));
    assert!(
        Session::involves(&joined.agreements[0], &later.unwrap()),
        "a party joining later is involved too"
    );
    // Editing it shows the whole table as owner and as ticked.
    send(&mut state, [Action::EditSelected]);
    let form = state.form.as_ref().expect("the agreement form");
    assert_eq!(form.ticked_parties("parties"), vec![TABLE.to_string()]);
    assert!(matches!(form.choice("owner"), Some(Choice::Party(Some(o))) if o == TABLE));
}

fn map_sel(state: &AppState) -> kompas::panes::interests::MapSel {
    state.session().unwrap().local::<kompas::panes::interests::Interests>().sel
}

/// Issue 9 item 9: the whole table's block in the map takes interests and
/// what all parties want and offer; typed once, every party has it (also
/// one joining later), and a follow-up carries it.
#[test]
fn the_whole_table_holds_shared_interests_wants_and_offers() {
    use kompas::panes::interests::MapSel;
    let mut state = open(empty_session(), false);
    add_party(&mut state, "Gemeente");
    while !matches!(map_sel(&state), MapSel::Table { .. }) {
        send(&mut state, [Action::Down]);
    }
    assert_eq!(map_sel(&state), MapSel::Table { row: 0, item: 0 }, "below the parties");
    // `a` on the collective row: an interest of the whole table.
    send(&mut state, [Action::Down, Action::Down, Action::Pane(kompas::panes::interests::ADD_INTEREST)]);
    let mut actions = typing("Bewoners blijven thuis wonen");
    actions.push(Action::FormSubmit);
    assert_eq!(send(&mut state, actions), vec![Effect::Save]);
    let i = &s(&state).interests[0];
    assert_eq!((i.party.as_str(), i.kind), (TABLE, InterestKind::Collectief));
    assert_eq!(map_sel(&state), MapSel::Table { row: 2, item: 0 }, "the new interest is selected");
    // Enter on what the table wants: its own form, the cursor there.
    send(&mut state, [Action::Down, Action::Activate]);
    let mut actions = typing("Eén plan per huishouden");
    actions.extend([Action::FormNextField]);
    actions.extend(typing("Kennis van de wijk"));
    actions.push(Action::FormSubmit);
    assert_eq!(send(&mut state, actions), vec![Effect::Save]);
    assert_eq!(s(&state).table.wants, "Eén plan per huishouden");
    assert_eq!(s(&state).table.offers, "Kennis van de wijk");
    // A party's interest form offers the whole table; a typed letter finds it.
    send(&mut state, [Action::Home, Action::Down, Action::Pane(kompas::panes::interests::ADD_INTEREST)]);
    // The cursor starts in the text: back to the party, "h" (De hele tafel).
    let mut actions = vec![Action::FormPrevField, Action::FormPrevField, key(Key::Char('h'))];
    actions.extend([Action::FormNextField, Action::FormNextField]);
    actions.extend(typing("Samen minder kosten"));
    actions.push(Action::FormSubmit);
    send(&mut state, actions);
    let i = s(&state).interests.iter().find(|i| i.text == "Samen minder kosten").unwrap();
    assert_eq!(i.party, TABLE);
    // A party joining later adds nothing and lacks nothing.
    add_party(&mut state, "Zorggroep");
    assert_eq!(s(&state).interests.len(), 2);
    let next =
        s(&state).follow_up("m2".into(), "m1.json", NaiveDate::from_ymd_opt(2026, 4, 9).unwrap(), later(60));
    assert_eq!(next.interests_of(TABLE, InterestKind::Collectief).count(), 1);
    assert_eq!(next.table, s(&state).table);
}

#[test]
fn due_dates_in_the_words_of_the_room() {
    let mut state = open(empty_session(), false);
    send(&mut state, [Action::NextPane]);
    for (typed, due) in [
        ("31-10", (2026, 10, 31)),
        ("31 okt", (2026, 10, 31)),
        ("over 2 weken", (2026, 3, 26)),
        ("+2w", (2026, 3, 26)),
        ("morgen", (2026, 3, 13)),
        ("31-10-2027", (2027, 10, 31)),
    ] {
        let mut actions = vec![Action::Pane(kompas::panes::agreements::ADD)];
        actions.extend(typing(typed));
        actions.extend([Action::FormNextField, Action::FormNextField]);
        actions.extend(typing(typed));
        actions.push(Action::FormSubmit);
        assert_eq!(send(&mut state, actions), vec![Effect::Save], "{typed}");
        let a = s(&state).agreements.iter().find(|a| a.text == typed).unwrap();
        assert_eq!(a.due, NaiveDate::from_ymd_opt(due.0, due.1, due.2), "{typed}");
    }
}

#[test]
fn a_bad_due_date_keeps_the_form_open_with_the_typing() {
    let mut state = open(empty_session(), false);
    send(&mut state, [Action::NextPane]);
    let mut actions = vec![Action::Pane(kompas::panes::agreements::ADD)];
    actions.extend(typing("Iets"));
    actions.extend([Action::FormNextField, Action::FormNextField]);
    actions.extend(typing("na de zomer"));
    actions.push(Action::FormSubmit);
    assert!(send(&mut state, actions).is_empty());
    let form = state.form.as_ref().expect("form stays open");
    assert_eq!(form.error, Some(Msg::BadDate));
    assert_eq!(form.fields[form.focus].name, "due");
    assert_eq!(form.text("text"), "Iets");
    assert!(s(&state).agreements.is_empty());
}

#[test]
fn an_empty_required_field_is_refused() {
    let mut state = open(empty_session(), false);
    assert!(
        send(&mut state, [Action::Pane(kompas::panes::interests::ADD_PARTY), Action::FormSubmit]).is_empty()
    );
    assert_eq!(state.form.as_ref().unwrap().error, Some(Msg::RequiredField));
    assert!(s(&state).parties.is_empty());
}

#[test]
fn status_cycles_and_filter_narrows_the_log() {
    let mut state = open(empty_session(), false);
    send(&mut state, [Action::NextPane]);
    for text in ["een", "twee"] {
        let mut actions = vec![Action::Pane(kompas::panes::agreements::ADD)];
        actions.extend(typing(text));
        actions.push(Action::FormSubmit);
        send(&mut state, actions);
    }
    send(&mut state, [Action::Home]);
    assert_eq!(
        send(
            &mut state,
            [
                Action::Pane(kompas::panes::agreements::CYCLE_STATUS),
                Action::Pane(kompas::panes::agreements::CYCLE_STATUS)
            ]
        ),
        vec![Effect::Save, Effect::Save]
    );
    assert_eq!(s(&state).agreements[0].status, AgreementStatus::Done);
    send(&mut state, [Action::Pane(kompas::panes::agreements::CYCLE_FILTER)]); // open only
    let screen = state.session().unwrap();
    assert_eq!(screen.local::<Agreements>().filter, AgreementFilter::Open);
    assert_eq!(screen.local::<Agreements>().rows, vec![1]);
    assert_eq!(screen.local::<Agreements>().open, 1);
}

#[test]
fn forward_moves_at_once_and_a_step_back_asks_for_a_reason() {
    let mut state = open(empty_session(), false);
    assert_eq!(send(&mut state, [Action::NextPhase]), vec![Effect::Save]);
    assert_eq!(s(&state).phase, Phase::Delen);
    assert!(send(&mut state, [Action::PrevPhase]).is_empty());
    assert!(matches!(state.form.as_ref().unwrap().purpose, Purpose::PhaseReason { to: Phase::Verkennen }));
    let mut actions = typing("nieuw belang van de huurders");
    actions.push(Action::FormSubmit);
    assert_eq!(send(&mut state, actions), vec![Effect::Save]);
    let h = &s(&state).phase_history;
    assert_eq!(s(&state).phase, Phase::Verkennen);
    assert_eq!(h.len(), 3);
    assert_eq!(h[2].reason.as_deref(), Some("nieuw belang van de huurders"));
    assert!(h[2].is_step_back());
}

#[test]
fn the_phase_picker_jumps_anywhere_and_the_last_phase_has_no_next() {
    let mut state = open(empty_session(), false);
    send(&mut state, [Action::OpenPhasePicker]);
    assert!(matches!(state.overlay, Some(Overlay::PhasePicker { .. })));
    assert_eq!(send(&mut state, [Action::GoToPhase(Phase::Uitvoeren)]), vec![Effect::Save]);
    assert_eq!(s(&state).phase, Phase::Uitvoeren);
    assert!(state.overlay.is_none());
    assert!(send(&mut state, [Action::NextPhase]).is_empty());
    assert_eq!(state.notice.as_ref().unwrap().text, NoticeText::Msg(Msg::NoNextPhase));
    // Choosing the current phase changes nothing.
    send(&mut state, [Action::OpenPhasePicker]);
    assert!(send(&mut state, [Action::Activate]).is_empty());
    assert_eq!(s(&state).phase_history.len(), 2);
}

#[test]
fn items_are_captured_in_the_phase_they_were_made_in() {
    let mut state = open(empty_session(), false);
    send(&mut state, [Action::GoToPhase(Phase::Overeenkomen), Action::NextPane]);
    let mut actions = vec![Action::Pane(kompas::panes::agreements::ADD)];
    actions.extend(typing("Eén contactpersoon per complex"));
    actions.push(Action::FormSubmit);
    send(&mut state, actions);
    assert_eq!(s(&state).agreements[0].phase, Phase::Overeenkomen);
}

#[test]
fn delete_then_undo_restores_the_item() {
    let mut state = open(empty_session(), false);
    add_party(&mut state, "Woonstede");
    send(&mut state, [Action::Down]);
    let mut actions = vec![Action::Pane(kompas::panes::interests::ADD_INTEREST)];
    actions.extend(typing("Leefbaarheid"));
    actions.push(Action::FormSubmit);
    send(&mut state, actions);
    let before = s(&state).clone();
    assert_eq!(send(&mut state, [Action::DeleteSelected]), vec![Effect::Save]);
    assert!(s(&state).interests.is_empty());
    assert_eq!(state.notice.as_ref().unwrap().text, NoticeText::Msg(Msg::Deleted));
    assert_eq!(send(&mut state, [Action::Undo]), vec![Effect::Save]);
    assert_eq!(s(&state).interests, before.interests);
    assert_eq!(state.notice.as_ref().unwrap().text, NoticeText::Step { undone: true, what: Msg::KeyDelete });
    // Every edit undoes, not only deletes: the interest, then the party.
    send(&mut state, [Action::Undo]);
    assert!(s(&state).interests.is_empty());
    send(&mut state, [Action::Undo]);
    assert!(s(&state).parties.is_empty());
    assert!(send(&mut state, [Action::Undo]).is_empty());
    assert_eq!(state.notice.as_ref().unwrap().text, NoticeText::Msg(Msg::NothingToUndo));
}

#[test]
fn every_change_undoes_and_redoes_across_panes_and_the_status_line_names_it() {
    let mut state = open(empty_session(), false);
    add_party(&mut state, "Woonstede");
    send(&mut state, [Action::NextPane]);
    let mut actions = vec![Action::Pane(kompas::panes::agreements::ADD)];
    actions.extend(typing("Buurtkamer open"));
    actions.push(Action::FormSubmit);
    send(&mut state, actions);
    let proposed = s(&state).clone();
    send(&mut state, [Action::Pane(kompas::panes::agreements::CYCLE_STATUS)]);
    assert_eq!(s(&state).agreements[0].status, AgreementStatus::Agreed);
    // From another pane, Ctrl+z's action takes the status change back.
    send(&mut state, [Action::NextPane]);
    assert_eq!(send(&mut state, [Action::Undo]), vec![Effect::Save]);
    assert_eq!(s(&state), &proposed);
    let named = state.notice.as_ref().unwrap().text.say(Lang::En);
    assert_eq!(named, "Undone: status");
    send(&mut state, [Action::Undo]);
    assert!(s(&state).agreements.is_empty());
    assert_eq!(state.notice.as_ref().unwrap().text.say(Lang::Nl), "Ongedaan gemaakt: Nieuwe afspraak");
    assert_eq!(send(&mut state, [Action::Redo, Action::Redo]), vec![Effect::Save, Effect::Save]);
    assert_eq!(s(&state).agreements[0].status, AgreementStatus::Agreed);
    assert_eq!(state.notice.as_ref().unwrap().text.say(Lang::En), "Redone: status");
    assert!(send(&mut state, [Action::Redo]).is_empty());
    // A new change after an undo ends what could be redone.
    send(&mut state, [Action::Undo, Action::PrevPane]);
    assert_eq!(
        send(&mut state, [Action::Pane(kompas::panes::agreements::TOGGLE_RESULT)]),
        vec![Effect::Save]
    );
    assert!(send(&mut state, [Action::Redo]).is_empty());
    assert_eq!(state.notice.as_ref().unwrap().text, NoticeText::Msg(Msg::NothingToRedo));
}

#[test]
fn deleting_a_party_on_its_header_row_and_undo() {
    let mut state = open(empty_session(), false);
    add_party(&mut state, "Woonstede");
    send(&mut state, [Action::Home]);
    assert_eq!(send(&mut state, [Action::DeleteSelected]), vec![Effect::Save]);
    assert!(s(&state).parties.is_empty());
    send(&mut state, [Action::Undo]);
    assert_eq!(s(&state).parties.len(), 1);
}

#[test]
fn cancelling_typed_text_asks_first() {
    let mut state = open(empty_session(), false);
    let mut actions = vec![Action::Pane(kompas::panes::interests::ADD_PARTY)];
    actions.extend(typing("Gemeente"));
    actions.push(Action::FormCancel);
    send(&mut state, actions);
    assert_eq!(state.overlay, Some(Overlay::ConfirmDiscard));
    send(&mut state, [Action::ConfirmNo]);
    assert!(state.overlay.is_none());
    assert_eq!(state.form.as_ref().unwrap().text("organisation"), "Gemeente");
    send(&mut state, [Action::FormCancel, Action::ConfirmYes]);
    assert!(state.form.is_none());
    assert!(s(&state).parties.is_empty());
    // An untouched form closes at once.
    send(&mut state, [Action::Pane(kompas::panes::interests::ADD_PARTY), Action::FormCancel]);
    assert!(state.form.is_none() && state.overlay.is_none());
}

#[test]
fn reflection_answers_and_own_questions() {
    let mut state = open(empty_session(), false);
    // Back past the panes after it (their number grows with the instruments).
    while !state.session().unwrap().showing::<Reflections>() {
        send(&mut state, [Action::PrevPane]);
    }
    let first = state.session().unwrap().local::<Reflections>().rows[0];
    let ReflectionRow::Prompt(pi) = first else { panic!("first row is a library question") };
    let mut actions = vec![Action::Activate];
    actions.extend(typing("Huurdersvereniging ontbreekt"));
    actions.push(Action::FormSubmit);
    assert_eq!(send(&mut state, actions), vec![Effect::Save]);
    let r = &s(&state).reflections[0];
    assert_eq!(r.prompt.as_deref(), Some(state.prompts.all()[pi].id.as_str()));
    assert_eq!(r.question, state.prompts.all()[pi].text(Lang::Nl));
    assert_eq!(r.phase, Phase::Verkennen);
    // The answer sits right under its question, and is selected.
    let screen = state.session().unwrap();
    assert_eq!(screen.local::<Reflections>().rows[1], ReflectionRow::Answer(0));
    assert_eq!(screen.local::<Reflections>().cursor.sel, 1);

    let mut actions = vec![Action::Pane(kompas::panes::reflections::ASK_OWN)];
    actions.extend(typing("Wat houdt jullie tegen?"));
    actions.push(Action::FormNextField);
    actions.extend(typing("Ervaring uit 2023"));
    actions.push(Action::FormSubmit);
    send(&mut state, actions);
    let own = &s(&state).reflections[1];
    assert_eq!((own.prompt.as_deref(), own.question.as_str()), (None, "Wat houdt jullie tegen?"));
    let rows = &state.session().unwrap().local::<Reflections>().rows;
    assert!(rows.contains(&ReflectionRow::OwnQuestion(1)));
    assert_eq!(rows.last(), Some(&ReflectionRow::AskOwn));
}

fn show_reflections(state: &mut AppState) {
    while !state.session().unwrap().showing::<Reflections>() {
        send(state, [Action::PrevPane]);
    }
}

fn answer_selected(state: &mut AppState, text: &str) {
    let mut actions = vec![Action::Activate];
    actions.extend(typing(text));
    actions.push(Action::FormSubmit);
    send(state, actions);
}

#[test]
fn the_answers_of_every_phase_stay_grouped_by_phase_current_first() {
    let mut state = open(empty_session(), false);
    show_reflections(&mut state);
    answer_selected(&mut state, "Huurders ontbreken");
    send(&mut state, [Action::NextPhase]);
    assert_eq!(s(&state).phase, Phase::Delen);
    let rows = state.session().unwrap().local::<Reflections>().rows.clone();
    assert_eq!(rows[0], ReflectionRow::Prompt(first_prompt_of(&state, Phase::Delen)), "current phase first");
    assert_eq!(state.session().unwrap().local::<Reflections>().cursor.sel, 0);
    answer_selected(&mut state, "Een gedeelde taal");
    let rows = state.session().unwrap().local::<Reflections>().rows.clone();
    let heading = rows.iter().position(|r| *r == ReflectionRow::PhaseHeading(Phase::Verkennen));
    let heading = heading.expect("the first phase's answers keep a group");
    let ask = rows.iter().position(|r| *r == ReflectionRow::AskOwn).unwrap();
    let answer_of = |text: &str| {
        let i = s(&state).reflections.iter().position(|r| r.answer == text).unwrap();
        rows.iter().position(|r| *r == ReflectionRow::Answer(i)).unwrap()
    };
    assert!(answer_of("Een gedeelde taal") < ask, "this phase's answer above the ask row");
    assert!(ask < heading && heading < answer_of("Huurders ontbreken"), "{rows:?}");
    // Only questions answered in the earlier phase are repeated there.
    assert_eq!(rows.len() - heading, 3, "heading, question, answer: {rows:?}");
    assert_eq!(state.session().unwrap().local::<Reflections>().phase_answers, 1);
}

fn first_prompt_of(state: &AppState, phase: Phase) -> usize {
    state.prompts.all().iter().position(|p| p.phases.contains(&phase)).unwrap()
}

#[test]
fn a_follow_up_shows_the_previous_meetings_last_reflections_on_top() {
    let mut m1 = empty_session();
    m1.add_reflection(None, "Wie ontbreekt?", "De huurders", now()).unwrap();
    m1.move_to_phase(Phase::Delen, None, later(10)).unwrap();
    m1.add_reflection(None, "Wat delen we?", "Een taal", later(20)).unwrap();
    m1.add_reflection(None, "Wat nog?", "Tijd", later(25)).unwrap();
    // The meeting ends one phase further, with no answers in that phase.
    m1.move_to_phase(Phase::Overeenkomen, None, later(30)).unwrap();
    let m2 =
        m1.follow_up("m2".into(), "m1.json", NaiveDate::from_ymd_opt(2026, 4, 9).unwrap(), later(60 * 24));
    let mut state = AppState::new(Lang::Nl, PathBuf::from("sessions"), now().date_naive());
    update(&mut state, Action::Resize(100, 30), now());
    let path = PathBuf::from("sessions/m2.json");
    let opened = OpenedSession {
        session: m2.into(),
        path: path.clone(),
        access: Access::Edit,
        draft: None,
        previous: None,
    };
    update(&mut state, Action::SessionOpened(Box::new(opened)), now());
    let chain: std::sync::Arc<[Session]> = vec![m1].into();
    update(&mut state, Action::ChainLoaded { path, chain }, now());
    show_reflections(&mut state);
    let st = state.session().unwrap().local::<Reflections>();
    assert_eq!(
        &st.rows[..3],
        &[ReflectionRow::PreviousHeading, ReflectionRow::Previous(0), ReflectionRow::Previous(1)]
    );
    let answers: Vec<_> = st.previous.iter().map(|r| r.answer.as_str()).collect();
    assert_eq!(answers, ["Een taal", "Tijd"], "the answers of the phase the room last reflected in");
    assert_eq!(st.previous_date, NaiveDate::from_ymd_opt(2026, 3, 12));
    // A phase move in the follow-up keeps them on top.
    send(&mut state, [Action::NextPhase]);
    let st = state.session().unwrap().local::<Reflections>();
    assert_eq!(st.rows[0], ReflectionRow::PreviousHeading);
    assert_eq!(st.previous.len(), 2);
}

#[test]
fn temperature_is_recorded_with_phase_and_note() {
    let mut state = open(empty_session(), false);
    let mut actions = vec![Action::RecordTemperature];
    actions.extend(typing("cijfers worden achtergehouden"));
    actions.push(Action::FormSubmit);
    assert_eq!(send(&mut state, actions), vec![Effect::Save]);
    let t = s(&state).latest_temperature().unwrap();
    assert_eq!(t.level, Temperature::Waakzaam);
    assert_eq!(t.note, "cijfers worden achtergehouden");
}

#[test]
fn ambition_and_context_are_edited_from_the_map() {
    let mut state = open(empty_session(), false);
    send(&mut state, [Action::End]);
    assert_eq!(state.session().unwrap().local::<Interests>().sel, MapSel::Context(2));
    let mut actions = vec![Action::Activate];
    actions.extend(typing("woningnood"));
    actions.push(Action::FormSubmit);
    send(&mut state, actions);
    assert_eq!(s(&state).context.environment, "woningnood");
    send(&mut state, [Action::Up, Action::Up, Action::Up]);
    assert_eq!(state.session().unwrap().local::<Interests>().sel, MapSel::Ambition(3));
}

#[test]
fn pasted_text_is_made_safe() {
    let mut state = open(empty_session(), false);
    send(
        &mut state,
        [
            Action::Pane(kompas::panes::interests::ADD_PARTY),
            Action::Paste("Gemeente\u{1b}]0;x\u{7}".into()),
            Action::FormSubmit,
        ],
    );
    assert_eq!(s(&state).parties[0].organisation, "Gemeente␛]0;x␇");
}

#[test]
fn a_read_only_session_refuses_every_change() {
    let mut state = open(empty_session(), true);
    let before = s(&state).clone();
    for a in [
        Action::Pane(kompas::panes::interests::ADD_PARTY),
        Action::Pane(kompas::panes::interests::ADD_INTEREST),
        Action::NextPhase,
        Action::GoToPhase(Phase::Delen),
        Action::RecordTemperature,
        Action::DeleteSelected,
        Action::Undo,
    ] {
        assert!(send(&mut state, [a.clone()]).is_empty(), "{a:?}");
        assert!(state.form.is_none(), "{a:?} opened a form");
    }
    assert_eq!(s(&state), &before);
    assert_eq!(state.session().unwrap().save, SaveState::ReadOnly);
    // Looking around still works.
    send(&mut state, [Action::NextPane]);
    assert!(state.session().unwrap().showing::<Agreements>());
}

#[test]
fn a_failed_save_is_shown_and_retried() {
    let mut state = open(empty_session(), false);
    send(
        &mut state,
        [Action::SaveFailed(Failure::io(
            std::path::Path::new("sessions/x.json"),
            &std::io::Error::from_raw_os_error(28),
            |cause| FailureKind::NotSaved { step: kompas::storage::SaveStep::Write, cause },
        ))],
    );
    assert!(matches!(state.session().unwrap().save, SaveState::Failed(_)));
    assert_eq!(send(&mut state, [Action::RetrySave]), vec![Effect::Save]);
    update(&mut state, Action::Saved, later(1));
    assert_eq!(state.session().unwrap().save, SaveState::Saved(later(1)));
    assert!(send(&mut state, [Action::RetrySave]).is_empty());
}

#[test]
fn the_library_opens_the_selected_file_and_starts_new_sessions() {
    let mut state = AppState::new(Lang::En, PathBuf::from("sessions"), now().date_naive());
    let entries = ["a.json", "b.json"]
        .map(|n| LibraryEntry {
            path: PathBuf::from(n),
            state: EntryState::Failed(Failure::new(Some(std::path::Path::new(n)), FailureKind::BadVersion)),
        })
        .to_vec();
    send(&mut state, [Action::LibraryUpdate { generation: 0, entries, done: true }, Action::Down]);
    assert_eq!(send(&mut state, [Action::OpenSelected]), vec![Effect::OpenSession(PathBuf::from("b.json"))]);
    assert_eq!(
        send(&mut state, [Action::ReviewSelected]),
        vec![Effect::ReviewSession(PathBuf::from("b.json"))]
    );
    let mut actions = vec![Action::NewSession];
    actions.extend(typing("Zuiderveld"));
    actions.extend([Action::FormNextField, Action::FormNextField]);
    actions.extend(typing("Anouk"));
    actions.push(Action::FormSubmit);
    let effects = send(&mut state, actions);
    assert_eq!(
        effects,
        vec![Effect::CreateSession(NewSessionFields {
            title: "Zuiderveld".into(),
            meeting_date: now().date_naive(),
            facilitator: "Anouk".into(),
        })]
    );
}

#[test]
fn results_of_an_old_listing_are_ignored() {
    let mut state = AppState::new(Lang::En, PathBuf::from("sessions"), now().date_naive());
    let entry = |n: &str| LibraryEntry { path: PathBuf::from(n), state: EntryState::Loading };
    send(&mut state, [Action::RefreshSessions]);
    send(&mut state, [Action::LibraryUpdate { generation: 0, entries: vec![entry("old.json")], done: true }]);
    assert!(state.library().unwrap().entries.is_empty());
    send(
        &mut state,
        [Action::LibraryUpdate { generation: 1, entries: vec![entry("new.json")], done: false }],
    );
    assert_eq!(state.library().unwrap().entries.len(), 1);
    assert!(state.library().unwrap().loading);
}

#[test]
fn library_search_opens_the_session_at_the_hit() {
    let mut session = empty_session();
    let p = session
        .add_party(&PartyFields { organisation: "Woonstede".into(), ..Default::default() }, now())
        .unwrap();
    session.add_interest(&p, InterestKind::Collectief, "Eén aanpak per complex", now()).unwrap();
    let summary = session.summary(now().date_naive());
    let loaded = Loaded::new(summary, session.texts());
    let entry =
        LibraryEntry { path: PathBuf::from("sessions/x.json"), state: EntryState::Loaded(Box::new(loaded)) };
    let mut state = AppState::new(Lang::Nl, PathBuf::from("sessions"), now().date_naive());
    send(
        &mut state,
        [Action::LibraryUpdate { generation: 0, entries: vec![entry], done: true }, Action::StartSearch],
    );
    let mut actions = typing("EEN AANPAK");
    actions.push(Action::FormSubmit);
    send(&mut state, actions);
    let Some(LibraryView::Search { hits, .. }) = state.library().map(|l| &l.view) else {
        panic!("search view")
    };
    assert_eq!(hits.len(), 1);
    assert_eq!(
        send(&mut state, [Action::OpenSelected]),
        vec![Effect::OpenSession(PathBuf::from("sessions/x.json"))]
    );
    update(&mut state, Action::SessionOpened(Box::new(opened(session, Access::Edit))), now());
    let screen = state.session().unwrap();
    assert!(screen.showing::<Interests>());
    assert_eq!(screen.local::<Interests>().sel, MapSel::Cell { party: 0, row: 3, item: 0 });
}

#[test]
fn leaving_a_session_releases_it_and_lists_again() {
    let mut state = open(empty_session(), false);
    assert_eq!(
        send(&mut state, [Action::BackToSessions]),
        vec![Effect::CloseSession, Effect::ListSessions { generation: 1 }]
    );
    assert!(state.session().is_none());
    assert_eq!(send(&mut state, [Action::Quit]), vec![Effect::Quit]);
    assert!(state.quitting);
}

#[test]
fn scrolling_keeps_the_selection_visible() {
    let mut state = open(empty_session(), false);
    send(&mut state, [Action::Resize(80, 24), Action::NextPane]);
    for n in 0..40 {
        let mut actions = vec![Action::Pane(kompas::panes::agreements::ADD)];
        actions.extend(typing(&format!("afspraak {n}")));
        actions.push(Action::FormSubmit);
        send(&mut state, actions);
    }
    let rows = kompas::layout::list_rows(80, 24);
    let screen = state.session().unwrap();
    assert_eq!(screen.local::<Agreements>().cursor.sel, 39);
    assert_eq!(screen.local::<Agreements>().cursor.top, 40 - rows);
    send(&mut state, [Action::Home]);
    assert_eq!(state.session().unwrap().local::<Agreements>().cursor.top, 0);
    send(&mut state, [Action::PageDown]);
    let screen = state.session().unwrap();
    assert_eq!(screen.local::<Agreements>().cursor.sel, rows);
    assert!(
        screen.local::<Agreements>().cursor.top <= screen.local::<Agreements>().cursor.sel
            && screen.local::<Agreements>().cursor.sel < screen.local::<Agreements>().cursor.top + rows
    );
}

#[test]
fn a_recovered_draft_reopens_its_form_as_typed() {
    let mut state = open(empty_session(), false);
    add_party(&mut state, "Woonstede");
    send(&mut state, [Action::Down]);
    let mut actions = vec![Action::Pane(kompas::panes::interests::ADD_INTEREST)];
    actions.extend(typing("Leefbaarheid van com"));
    send(&mut state, actions);
    let draft = state.form.as_ref().unwrap().to_draft();
    let session = s(&state).clone();

    // kompas is killed here; the next start opens the session with the draft.
    let mut state = AppState::new(Lang::Nl, PathBuf::from("sessions"), now().date_naive());
    let opened = OpenedSession { draft: Some(draft), ..opened(session, Access::Edit) };
    update(&mut state, Action::SessionOpened(Box::new(opened)), later(5));
    assert_eq!(state.notice.as_ref().unwrap().text, NoticeText::Msg(Msg::DraftRecovered));
    let form = state.form.as_ref().expect("the draft is offered");
    assert_eq!(form.text("text"), "Leefbaarheid van com");
    let mut actions = typing("plexen");
    actions.push(Action::FormSubmit);
    assert_eq!(send(&mut state, actions), vec![Effect::Save]);
    assert_eq!(s(&state).interests[0].text, "Leefbaarheid van complexen");
    assert_eq!(s(&state).interests[0].kind, InterestKind::Organisatie);
}

#[test]
fn a_draft_is_not_offered_in_a_read_only_session() {
    let values = [("question".to_string(), DraftValue::Text("x".into()))].into();
    let draft = Draft { purpose: Purpose::OwnQuestion, values, focus: "question".into() };
    let mut state = AppState::new(Lang::Nl, PathBuf::from("sessions"), now().date_naive());
    let opened = OpenedSession { draft: Some(draft), ..opened(empty_session(), Access::HeldElsewhere) };
    update(&mut state, Action::SessionOpened(Box::new(opened)), now());
    assert!(state.form.is_none());
}

#[test]
fn review_opens_read_only_on_the_timeline() {
    let mut session = empty_session();
    session.move_to_phase(Phase::Delen, None, later(30)).unwrap();
    session.move_to_phase(Phase::Verkennen, Some("nieuw belang"), later(50)).unwrap();
    let mut state = AppState::new(Lang::Nl, PathBuf::from("sessions"), now().date_naive());
    update(&mut state, Action::SessionOpened(Box::new(opened(session, Access::Review))), now());
    let screen = state.session().unwrap();
    assert!(screen.showing::<Timeline>());
    assert_eq!(
        screen.local::<Timeline>().rows,
        vec![TimelineRow::PhaseMove(0), TimelineRow::PhaseMove(1), TimelineRow::PhaseMove(2)]
    );
    assert!(state.read_only());
    assert!(send(&mut state, [Action::StartFollowUp]).is_empty());
    assert!(state.form.is_none());
}

#[test]
fn the_timeline_puts_everything_in_time_order() {
    let mut session = empty_session();
    let p =
        session.add_party(&PartyFields { organisation: "A".into(), ..Default::default() }, now()).unwrap();
    let f = AgreementFields {
        text: "later".into(),
        owner: Some(p),
        parties: vec![],
        due: None,
        status: AgreementStatus::Proposed,
        phase_result: false,
    };
    session.add_agreement(&f, later(20)).unwrap();
    session.add_reflection(None, "q", "a", later(10)).unwrap();
    session.record_temperature(Temperature::Waakzaam, "", later(15));
    session.move_to_phase(Phase::Delen, None, later(30)).unwrap();
    let state = open(session, false);
    assert_eq!(
        state.session().unwrap().local::<Timeline>().rows,
        vec![
            TimelineRow::PhaseMove(0),
            TimelineRow::Edited(Edited::Party(0)),
            TimelineRow::Reflection(0),
            TimelineRow::Temperature(0),
            TimelineRow::Agreement(0),
            TimelineRow::PhaseMove(1)
        ]
    );
}

/// Issue 9 item 7: a party joining, ambition and context edits and the
/// walk-through's outcomes are on the timeline; what a follow-up carried
/// over is not, unless it changed in this meeting.
#[test]
fn the_timeline_has_parties_edits_and_the_walk_through() {
    let mut m1 = empty_session();
    m1.add_party(&PartyFields { organisation: "Woonstede".into(), ..Default::default() }, now()).unwrap();
    m1.set_ambition(AmbitionLens::Problem, "te weinig plek", later(5));
    m1.set_table("minder escalaties", "één loket", later(6));
    for text in ["open", "ook open"] {
        let f = AgreementFields {
            text: text.into(),
            owner: None,
            parties: vec![],
            due: None,
            status: AgreementStatus::Agreed,
            phase_result: false,
        };
        m1.add_agreement(&f, later(10)).unwrap();
    }
    let day = 60 * 24;
    let m2 = m1.follow_up("m2".into(), "m1.json", NaiveDate::from_ymd_opt(2026, 4, 9).unwrap(), later(day));
    let mut state = AppState::new(Lang::Nl, PathBuf::from("sessions"), now().date_naive());
    update(&mut state, Action::Resize(100, 30), later(day));
    update(&mut state, Action::SessionOpened(Box::new(opened(m2, Access::Edit))), later(day));
    let at = |m: i64| later(day + m);
    update(&mut state, Action::Pane(kompas::panes::agreements::REVIEW_DONE), at(1));
    update(&mut state, Action::Pane(kompas::panes::agreements::REVIEW_STILL_OPEN), at(2));
    let screen = state.session_mut().unwrap();
    let s = std::sync::Arc::make_mut(&mut screen.session);
    s.add_party(&PartyFields { organisation: "Politie".into(), ..Default::default() }, at(3)).unwrap();
    s.set_context(ContextAspect::Players, "wijkagent", at(4));
    s.set_ambition(AmbitionLens::Solution, "", at(5));
    s.set_table("minder escalaties", "één loket per complex", at(6));
    update(&mut state, Action::Resize(100, 30), at(7));
    let rows = &state.session().unwrap().local::<Timeline>().rows;
    assert_eq!(
        rows,
        &vec![
            TimelineRow::PhaseMove(0),
            TimelineRow::WalkThrough(0),
            TimelineRow::WalkThrough(1),
            TimelineRow::Edited(Edited::Party(1)),
            TimelineRow::Edited(Edited::Context(ContextAspect::Players)),
            TimelineRow::Edited(Edited::Ambition(AmbitionLens::Solution)),
            TimelineRow::Edited(Edited::Table),
        ],
        "carried: the first party, the first meeting's ambition and table edits and agreements are not this meeting's"
    );
}

#[test]
fn a_follow_up_opens_on_the_walk_through_of_open_agreements() {
    let mut m1 = empty_session();
    for (text, status) in [
        ("open", AgreementStatus::Proposed),
        ("klaar", AgreementStatus::Done),
        ("ook open", AgreementStatus::Agreed),
    ] {
        let f = AgreementFields {
            text: text.into(),
            owner: None,
            parties: vec![],
            due: None,
            status,
            phase_result: false,
        };
        m1.add_agreement(&f, now()).unwrap();
    }
    let m2 =
        m1.follow_up("m2".into(), "m1.json", NaiveDate::from_ymd_opt(2026, 4, 9).unwrap(), later(60 * 24));
    let mut state = AppState::new(Lang::Nl, PathBuf::from("sessions"), now().date_naive());
    update(&mut state, Action::Resize(100, 30), now());
    update(&mut state, Action::SessionOpened(Box::new(opened(m2, Access::Edit))), now());
    let screen = state.session().unwrap();
    assert!(screen.showing::<Agreements>());
    assert_eq!(screen.local::<Agreements>().filter, AgreementFilter::ToReview);
    assert_eq!(screen.local::<Agreements>().rows.len(), 2);
    assert_eq!(
        state.notice.as_ref().unwrap().text,
        NoticeText::Msg(kompas::panes::agreements::M::WalkThrough)
    );
    assert_eq!(send(&mut state, [Action::Pane(kompas::panes::agreements::REVIEW_DONE)]), vec![Effect::Save]);
    assert_eq!(state.session().unwrap().local::<Agreements>().rows.len(), 1);
    send(&mut state, [Action::Pane(kompas::panes::agreements::REVIEW_STILL_OPEN)]);
    let screen = state.session().unwrap();
    assert_eq!(screen.local::<Agreements>().filter, AgreementFilter::All);
    assert_eq!(
        state.notice.as_ref().unwrap().text,
        NoticeText::Msg(kompas::panes::agreements::M::WalkThroughDone)
    );
    let statuses: Vec<_> = screen.session.agreements.iter().map(|a| a.status).collect();
    assert_eq!(statuses, vec![AgreementStatus::Done, AgreementStatus::Agreed]);
}

#[test]
fn starting_a_follow_up_asks_for_the_date() {
    let mut state = open(empty_session(), false);
    send(&mut state, [Action::StartFollowUp]);
    assert!(matches!(state.form.as_ref().unwrap().purpose, Purpose::FollowUp));
    let effects = send(&mut state, [Action::FormSubmit]);
    assert_eq!(
        effects,
        vec![Effect::CreateFollowUp {
            from: PathBuf::from("sessions/x.json"),
            meeting_date: now().date_naive()
        }]
    );
}

#[test]
fn a_meeting_that_already_has_a_follow_up_warns_before_a_second() {
    let a = empty_session();
    let mut b = empty_session();
    b.previous = Some(PreviousMeeting {
        session: a.id.clone(),
        file: "a.json".into(),
        meeting_date: now().date_naive(),
    });
    let entry = |n: &str, s: &Session| LibraryEntry {
        path: PathBuf::from(n),
        state: EntryState::Loaded(Box::new(Loaded::new(s.summary(now().date_naive()), s.texts()))),
    };
    let mut state = AppState::new(Lang::En, PathBuf::from("sessions"), now().date_naive());
    let entries = vec![entry("a.json", &a), entry("b.json", &b)];
    send(&mut state, [Action::LibraryUpdate { generation: 0, entries, done: true }, Action::Home]);
    let mut warned = Vec::new();
    for _ in 0..2 {
        let name = state.library().unwrap().selected_entry().unwrap().path.clone();
        send(&mut state, [Action::StartFollowUp]);
        assert!(state.form.is_some(), "the form opens either way");
        // One field: the hint bar offers no other field.
        let hints = kompas::keymap::hints(&state);
        assert!(hints.iter().all(|(_, m)| *m != Msg::KeyNextField), "{hints:?}");
        assert!(hints.iter().any(|(_, m)| *m == Msg::KeySave));
        let notice = state.notice.as_ref().map(|n| n.text.say(Lang::En));
        warned.push((name, notice));
        send(&mut state, [Action::FormCancel, Action::Down]);
        state.notice = None;
    }
    warned.sort();
    assert_eq!(
        warned,
        vec![
            (PathBuf::from("a.json"), Some("Note: this meeting already has a follow-up: b.json".to_string())),
            (PathBuf::from("b.json"), None),
        ]
    );
}
