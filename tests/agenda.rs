//! The agenda pane driven by actions alone: no terminal, no files, and a
//! clock that moves only when the test says so (each action carries its
//! `now`). Each test is a sequence a facilitator would perform.

use std::path::PathBuf;

use chrono::{DateTime, Duration, NaiveDate};
use kompas::app::*;
use kompas::domain::meeting::{Presence, TimeState};
use kompas::domain::*;
use kompas::i18n::Lang;
use kompas::panes::agenda::{self, Agenda};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use ratatui_textarea::{Input, Key};

fn t0() -> Timestamp {
    DateTime::parse_from_rfc3339("2026-04-09T09:30:00+02:00").unwrap()
}

fn at(secs: i64) -> Timestamp {
    t0() + Duration::seconds(secs)
}

fn session() -> Session {
    let mut s =
        Session::new("m".into(), "Zuiderveld", NaiveDate::from_ymd_opt(2026, 4, 9).unwrap(), "Anouk", t0())
            .unwrap();
    s.add_party(&PartyFields { organisation: "Woonstede".into(), ..Default::default() }, t0()).unwrap();
    s
}

/// The session opened on the agenda pane, at 100x30.
fn open(session: Session, access: Access) -> AppState {
    let mut state = AppState::new(Lang::Nl, PathBuf::from("sessions"), t0().date_naive());
    update(&mut state, Action::Resize(100, 30), t0());
    let path = PathBuf::from("sessions/x.json");
    let opened = OpenedSession { session: session.into(), path, access, draft: None, previous: None };
    update(&mut state, Action::SessionOpened(Box::new(opened)), t0());
    while state.session().unwrap().active().id() != "agenda" {
        update(&mut state, Action::NextPane, t0());
    }
    state
}

fn send(state: &mut AppState, now: Timestamp, actions: impl IntoIterator<Item = Action>) -> Vec<Effect> {
    crate::common::send_at(state, now, actions)
}

fn typing(text: &str) -> Vec<Action> {
    text.chars().map(|c| Action::FormInput(Input { key: Key::Char(c), ..Default::default() })).collect()
}

fn clear_field() -> Action {
    Action::FormClearField
}

fn s(state: &AppState) -> &Session {
    &state.session().unwrap().session
}

fn pane(state: &AppState) -> &agenda::State {
    state.session().unwrap().local::<Agenda>()
}

/// An item through the form: title, minutes (the phase stays the
/// session's), no lead.
fn add_item(state: &mut AppState, title: &str, minutes: u32) -> Vec<Effect> {
    let mut actions = vec![Action::Pane(agenda::ADD)];
    actions.extend(typing(title));
    actions.extend([Action::FormNextField, Action::FormNextField, clear_field()]);
    actions.extend(typing(&minutes.to_string()));
    actions.push(Action::FormSubmit);
    send(state, t0(), actions)
}

fn titles(state: &AppState) -> Vec<String> {
    s(state).agenda.iter().map(|a| a.title.clone()).collect()
}

#[test]
fn items_are_added_edited_reordered_and_deleted_with_undo() {
    let mut state = open(session(), Access::Edit);
    assert_eq!(add_item(&mut state, "Opening", 10), vec![Effect::Save]);
    add_item(&mut state, "Belangen delen", 30);
    add_item(&mut state, "Afspraken", 20);
    assert_eq!(titles(&state), ["Opening", "Belangen delen", "Afspraken"]);
    let item = &s(&state).agenda[2];
    assert_eq!((item.planned_minutes, item.phase, item.lead.as_deref()), (20, Phase::Verkennen, None));
    // The new item has the cursor.
    assert_eq!(pane(&state).cursor.sel, 2);

    // Edit: a lead party (the second choice; the first is "no lead").
    let edit = [Action::Activate, Action::FormNextField, Action::FormNextField, Action::FormNextField];
    send(&mut state, t0(), edit);
    send(&mut state, t0(), [Action::FormInput(Input { key: Key::Right, ..Default::default() })]);
    send(&mut state, t0(), [Action::FormSubmit]);
    let lead = s(&state).parties[0].id.clone();
    assert_eq!(s(&state).agenda[2].lead.as_deref(), Some(lead.as_str()));

    // Reorder: the cursor travels with the item.
    send(&mut state, t0(), [Action::Pane(agenda::MOVE_UP)]);
    assert_eq!(titles(&state), ["Opening", "Afspraken", "Belangen delen"]);
    assert_eq!(pane(&state).cursor.sel, 1);
    send(&mut state, t0(), [Action::Home, Action::Pane(agenda::MOVE_UP)]);
    assert_eq!(titles(&state), ["Opening", "Afspraken", "Belangen delen"], "the first stays first");

    // Delete and bring back.
    send(&mut state, t0(), [Action::DeleteSelected]);
    assert_eq!(titles(&state), ["Afspraken", "Belangen delen"]);
    send(&mut state, t0(), [Action::Undo]);
    assert_eq!(titles(&state), ["Opening", "Afspraken", "Belangen delen"]);
}

#[test]
fn minutes_that_are_not_a_number_keep_the_form_open() {
    let mut state = open(session(), Access::Edit);
    let mut actions = vec![Action::Pane(agenda::ADD)];
    actions.extend(typing("Opening"));
    actions.extend([Action::FormNextField, Action::FormNextField, clear_field()]);
    actions.extend(typing("een kwartier"));
    actions.push(Action::FormSubmit);
    assert!(send(&mut state, t0(), actions).is_empty());
    let form = state.form.as_ref().expect("the form stays open");
    assert_eq!(form.error, Some(agenda::M::BadMinutes));
    assert_eq!(form.text("title"), "Opening", "nothing typed is lost");
    assert!(s(&state).agenda.is_empty());
}

#[test]
fn the_phase_template_fills_an_empty_agenda_only() {
    let mut state = open(session(), Access::Edit);
    assert_eq!(send(&mut state, t0(), [Action::Pane(agenda::TEMPLATE)]), vec![Effect::Save]);
    let expected = kompas::domain::meeting::content::content().template(Phase::Verkennen, Lang::Nl);
    assert!(expected.len() >= 3);
    assert_eq!(titles(&state), expected.iter().map(|(t, _, _)| t.clone()).collect::<Vec<_>>());
    assert!(s(&state).agenda.iter().all(|a| a.phase == Phase::Verkennen));
    // A second time adds nothing and says why.
    assert!(send(&mut state, t0(), [Action::Pane(agenda::TEMPLATE)]).is_empty());
    assert_eq!(s(&state).agenda.len(), expected.len());
    assert!(state.notice.as_ref().is_some_and(|n| !n.error));
}

#[test]
fn the_clock_runs_from_start_through_next_to_the_end_and_wakes_only_while_running() {
    let mut state = open(session(), Access::Edit);
    add_item(&mut state, "Opening", 10);
    add_item(&mut state, "Belangen", 20);
    assert_eq!(state.next_wake(), None, "no clock, no timer");

    send(&mut state, t0(), [Action::Home, Action::Pane(agenda::START)]);
    assert!(s(&state).clock_running());
    assert_eq!(state.next_wake(), Some(at(1)), "the next whole second");
    // Eight minutes later (a tick): 80 % of the item, the warning colour.
    send(&mut state, at(480), [Action::Tick]);
    let (item, meeting) = pane(&state).running.unwrap();
    assert_eq!((item.elapsed, item.planned), (480, 600));
    assert_eq!(item.state(), TimeState::Nearly);
    assert_eq!((meeting.elapsed, meeting.planned), (480, 1800));
    assert_eq!(meeting.state(), TimeState::Within);
    assert_eq!(state.next_wake(), Some(at(481)));
    // Past the time: over, and the tab says so from every pane.
    send(&mut state, at(601), [Action::Tick]);
    assert_eq!(pane(&state).running.unwrap().0.state(), TimeState::Over);
    assert!(state.session().unwrap().active().tab_alert(state.session().unwrap()));

    // Next: the first is done, the second current, the cursor follows.
    assert_eq!(send(&mut state, at(660), [Action::Pane(agenda::NEXT)]), vec![Effect::Save]);
    assert!(s(&state).agenda[0].is_done());
    assert_eq!(pane(&state).current, Some(1));
    assert_eq!(pane(&state).cursor.sel, 1);
    assert_eq!(pane(&state).rows[0].elapsed, 660);

    // A break: the clock stops, nothing wakes kompas, the time stands.
    send(&mut state, at(700), [Action::Pane(agenda::PAUSE)]);
    assert_eq!(state.next_wake(), None);
    send(&mut state, at(5000), [Action::Tick]);
    assert_eq!(pane(&state).rows[1].elapsed, 40);
    assert!(pane(&state).running.is_none());
    // Stopping a stopped clock is refused with a notice, and saves nothing.
    assert!(send(&mut state, at(5001), [Action::Pane(agenda::PAUSE)]).is_empty());
    assert!(state.notice.as_ref().is_some_and(|n| n.error));

    // Back after the break, then the last "next": nothing left, the clock stops.
    send(&mut state, at(6000), [Action::Pane(agenda::START)]);
    send(&mut state, at(6100), [Action::Pane(agenda::NEXT)]);
    assert!(!s(&state).clock_running());
    assert_eq!(pane(&state).done, 2);
    assert_eq!(s(&state).meeting_elapsed(at(9999)), 660 + 40 + 100);
}

#[test]
fn done_toggles_and_start_reopens() {
    let mut state = open(session(), Access::Edit);
    add_item(&mut state, "Opening", 10);
    send(&mut state, t0(), [Action::Pane(agenda::DONE)]);
    assert!(s(&state).agenda[0].is_done());
    send(&mut state, t0(), [Action::Pane(agenda::DONE)]);
    assert!(!s(&state).agenda[0].is_done());
    send(&mut state, t0(), [Action::Pane(agenda::DONE), Action::Pane(agenda::START)]);
    assert!(!s(&state).agenda[0].is_done(), "making an item current opens it again");
}

#[test]
fn notes_are_multi_line_stamped_tied_to_the_item_and_editable() {
    let mut state = open(session(), Access::Edit);
    add_item(&mut state, "Opening", 10);
    add_item(&mut state, "Belangen", 20);
    let mut actions = vec![Action::Home, Action::Pane(agenda::NOTE)];
    actions.extend(typing("Woonstede wil een fonds"));
    actions.push(Action::FormNewline);
    actions.extend(typing("gemeente eerst cijfers"));
    actions.push(Action::FormSubmit);
    assert_eq!(send(&mut state, at(300), actions), vec![Effect::Save]);
    let opening = s(&state).agenda[0].id.clone();
    let note = &s(&state).notes[0];
    assert_eq!(note.item.as_deref(), Some(opening.as_str()));
    assert_eq!(note.text, "Woonstede wil een fonds\ngemeente eerst cijfers");
    assert_eq!(note.created_at, at(300));

    // O edits the item's last note; on an item without notes it does nothing.
    let mut actions = vec![Action::Pane(agenda::EDIT_NOTE), clear_field()];
    actions.extend(typing("Fonds: Woonstede trekt"));
    actions.push(Action::FormSubmit);
    send(&mut state, at(400), actions);
    assert_eq!(s(&state).notes.len(), 1);
    assert_eq!(s(&state).notes[0].text, "Fonds: Woonstede trekt");
    assert_eq!(s(&state).notes[0].updated_at, at(400));
    send(&mut state, at(400), [Action::Down, Action::Pane(agenda::EDIT_NOTE)]);
    assert!(state.form.is_none());

    // The timeline shows the note at its time.
    let timeline = kompas::panes::index_of("timeline").unwrap();
    let rows = &state.session().unwrap().local::<kompas::panes::Timeline>().rows;
    assert!(rows.contains(&kompas::panes::TimelineRow::Note(0)), "{rows:?} (pane {timeline})");
}

#[test]
fn a_note_whose_item_went_away_while_typing_is_kept_for_the_meeting() {
    let mut state = open(session(), Access::Edit);
    add_item(&mut state, "Opening", 10);
    send(&mut state, t0(), [Action::Pane(agenda::NOTE)]);
    let form = state.form.take().unwrap();
    send(&mut state, t0(), [Action::DeleteSelected]);
    state.form = Some(form);
    send(&mut state, at(60), typing("Nog te bespreken"));
    send(&mut state, at(60), [Action::FormSubmit]);
    assert_eq!(s(&state).notes.len(), 1);
    assert_eq!(s(&state).notes[0].item, None);
}

#[test]
fn the_header_clock_is_green_then_yellow_then_red() {
    let mut state = open(session(), Access::Edit);
    add_item(&mut state, "Opening", 10);
    send(&mut state, t0(), [Action::Pane(agenda::START)]);
    let colour = |state: &AppState| {
        let mut terminal = Terminal::new(TestBackend::new(state.width, state.height)).unwrap();
        terminal.draw(|f| kompas::ui::draw(f, state)).unwrap();
        let buf = terminal.backend().buffer().clone();
        let line: String = (0..buf.area.width).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        let x = line.chars().position(|c| c == '▶').expect("the clock in the title line") + 7;
        (line, buf[(x as u16, 0)].fg, buf[(x as u16, 0)].bg)
    };
    let (line, fg, _) = colour(&state);
    assert!(line.contains("▶ punt 0:00/10:00 · totaal 0:00/10:00"), "{line}");
    assert_eq!(fg, Color::Green);
    send(&mut state, at(480), [Action::Tick]);
    let (line, _, bg) = colour(&state);
    assert!(line.contains("punt 8:00/10:00"), "{line}");
    assert_eq!(bg, Color::Yellow);
    send(&mut state, at(601), [Action::Tick]);
    let (line, _, bg) = colour(&state);
    assert!(line.contains("punt 10:01/10:00"), "{line}");
    assert_eq!(bg, Color::Red);
    // Stopped: no clock in the header.
    send(&mut state, at(700), [Action::Pane(agenda::PAUSE)]);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| kompas::ui::draw(f, &state)).unwrap();
    let top: String = (0..100).map(|x| terminal.backend().buffer()[(x, 0)].symbol().to_string()).collect();
    assert!(!top.contains('▶'), "{top}");
}

#[test]
fn a_read_only_session_shows_a_running_clock_but_changes_nothing() {
    let mut s0 = session();
    let f = kompas::domain::meeting::AgendaFields {
        title: "Opening".into(),
        phase: Phase::Verkennen,
        planned_minutes: 10,
        lead: None,
    };
    let id = s0.add_agenda_item(&f, None, t0()).unwrap();
    s0.start_agenda_item(&id, t0()).unwrap();
    let mut state = open(s0, Access::HeldElsewhere);
    // Another facilitator runs the meeting: the clock still ticks here.
    send(&mut state, at(30), [Action::Tick]);
    assert_eq!(pane(&state).running.unwrap().0.elapsed, 30);
    assert_eq!(state.next_wake(), Some(at(31)));
    let before = s(&state).clone();
    assert!(send(&mut state, at(40), [Action::Pane(agenda::NEXT), Action::Pane(agenda::PAUSE)]).is_empty());
    assert_eq!(s(&state), &before);
}

#[test]
fn attendance_per_party_with_apologies_from_the_representatives_on() {
    let mut session = session();
    let woonstede = session.parties[0].id.clone();
    let rep = PartyFields {
        organisation: "Woonstede".into(),
        representative: "Marieke Jansen".into(),
        role: "manager wonen".into(),
        ..Default::default()
    };
    session.update_party(&woonstede, &rep, t0()).unwrap();
    let mut state = open(session, Access::Edit);
    send(&mut state, t0(), [Action::Pane(agenda::PEOPLE)]);
    assert_eq!(pane(&state).showing, agenda::Showing::People);

    // The representatives first, present.
    assert_eq!(send(&mut state, t0(), [Action::Pane(agenda::FROM_PARTIES)]), vec![Effect::Save]);
    let a = &s(&state).attendance[0];
    assert_eq!(
        (a.name.as_str(), a.role.as_str(), a.party.as_deref()),
        ("Marieke Jansen", "manager wonen", Some(woonstede.as_str()))
    );
    assert_eq!(a.presence, Presence::Aanwezig);
    // A second time adds nobody and says so.
    assert!(send(&mut state, t0(), [Action::Pane(agenda::FROM_PARTIES)]).is_empty());
    assert_eq!(s(&state).attendance.len(), 1);

    // A colleague of the party, through the form (the party is preset).
    let mut actions = vec![Action::Pane(agenda::ADD), Action::FormNextField];
    actions.extend(typing("Kees Bakker"));
    actions.push(Action::FormNextField);
    actions.extend(typing("huurconsulent"));
    actions.push(Action::FormSubmit);
    assert_eq!(send(&mut state, t0(), actions), vec![Effect::Save]);
    let k = &s(&state).attendance[1];
    assert_eq!(
        (k.name.as_str(), k.role.as_str(), k.party.as_deref()),
        ("Kees Bakker", "huurconsulent", Some(woonstede.as_str()))
    );

    // Kees sends apologies: present → sent apologies → absent.
    send(&mut state, t0(), [Action::End, Action::Pane(agenda::PRESENCE)]);
    assert_eq!(s(&state).attendance[1].presence, Presence::Afgemeld);
    // Editing his role keeps the apologies.
    let mut actions =
        vec![Action::Activate, Action::FormNextField, Action::FormNextField, Action::FormClearField];
    actions.extend(typing("wijkconsulent"));
    actions.push(Action::FormSubmit);
    send(&mut state, t0(), actions);
    assert_eq!(s(&state).attendance[1].role, "wijkconsulent");
    assert_eq!(s(&state).attendance[1].presence, Presence::Afgemeld);

    // Delete and undo; back to the agenda with w.
    send(&mut state, t0(), [Action::DeleteSelected]);
    assert_eq!(s(&state).attendance.len(), 1);
    send(&mut state, t0(), [Action::Undo]);
    assert_eq!(s(&state).attendance.len(), 2);
    send(&mut state, t0(), [Action::Pane(agenda::PEOPLE)]);
    assert_eq!(pane(&state).showing, agenda::Showing::Items);

    // The next meeting starts from this list, everyone expected present.
    let next =
        s(&state).follow_up("m2".into(), "m.json", NaiveDate::from_ymd_opt(2026, 5, 20).unwrap(), at(9000));
    let names: Vec<_> = next.attendance.iter().map(|a| (a.name.as_str(), a.presence)).collect();
    assert_eq!(names, [("Marieke Jansen", Presence::Aanwezig), ("Kees Bakker", Presence::Aanwezig)]);
}

#[test]
fn the_attendance_lists_people_by_party_with_guests_last() {
    let mut session = session();
    let woonstede = session.parties[0].id.clone();
    let gemeente = session
        .add_party(&PartyFields { organisation: "Gemeente".into(), ..Default::default() }, t0())
        .unwrap();
    let person = |party: Option<&str>, name: &str| kompas::domain::meeting::AttendeeFields {
        party: party.map(String::from),
        name: name.into(),
        role: String::new(),
        presence: Presence::Aanwezig,
    };
    session.add_attendee(&person(None, "Notulist"), t0()).unwrap();
    session.add_attendee(&person(Some(&gemeente), "Thijs"), t0()).unwrap();
    session.add_attendee(&person(Some(&woonstede), "Inés"), t0()).unwrap();
    let state = open(session, Access::Edit);
    let shown: Vec<_> = pane(&state).people.iter().map(|&i| s(&state).attendance[i].name.clone()).collect();
    assert_eq!(shown, ["Inés", "Thijs", "Notulist"]);
}
