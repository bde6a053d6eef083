//! The agenda, its clock, attendance and notes, on a session in memory.

use chrono::{DateTime, Duration, NaiveDate};

use super::*;
use crate::domain::{PartyFields, Phase, Removed, Timestamp};

fn t(min: i64) -> Timestamp {
    DateTime::parse_from_rfc3339("2026-04-09T09:30:00+02:00").unwrap() + Duration::minutes(min)
}

fn secs(s: i64) -> Timestamp {
    t(0) + Duration::seconds(s)
}

fn session() -> Session {
    let day = NaiveDate::from_ymd_opt(2026, 4, 9).unwrap();
    Session::new("m2".into(), "Zuiderveld", day, "Anouk", t(0)).unwrap()
}

fn item(title: &str, minutes: u32) -> AgendaFields {
    AgendaFields { title: title.into(), phase: Phase::Delen, planned_minutes: minutes, lead: None }
}

/// A session with three items of 10, 20 and 30 minutes.
fn agenda() -> (Session, [String; 3]) {
    let mut s = session();
    let a = s.add_agenda_item(&item("Opening", 10), None, t(0)).unwrap();
    let b = s.add_agenda_item(&item("Belangen", 20), None, t(0)).unwrap();
    let c = s.add_agenda_item(&item("Afspraken", 30), None, t(0)).unwrap();
    (s, [a, b, c])
}

#[test]
fn items_are_added_where_asked_reordered_and_checked() {
    let (mut s, [a, b, c]) = agenda();
    let first = s.add_agenda_item(&item("  Koffie  ", 5), Some(0), t(1)).unwrap();
    let titles = |s: &Session| s.agenda.iter().map(|i| i.title.clone()).collect::<Vec<_>>();
    assert_eq!(titles(&s), ["Koffie", "Opening", "Belangen", "Afspraken"]);
    s.move_agenda_item(&first, 99, t(2)).unwrap();
    assert_eq!(titles(&s), ["Opening", "Belangen", "Afspraken", "Koffie"]);
    s.move_agenda_item(&c, 0, t(2)).unwrap();
    assert_eq!(s.agenda.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), [&c, &a, &b, &first]);
    assert_eq!(s.add_agenda_item(&item(" ", 5), None, t(3)), Err(DomainError::Empty("title")));
    let mut f = item("Opening", 10);
    f.lead = Some("nobody".into());
    assert_eq!(s.update_agenda_item(&a, &f, t(3)), Err(DomainError::UnknownParty("nobody".into())));
    let p =
        s.add_party(&PartyFields { organisation: "Woonstede".into(), ..Default::default() }, t(3)).unwrap();
    f.lead = Some(p.clone());
    f.planned_minutes = 15;
    s.update_agenda_item(&a, &f, t(4)).unwrap();
    let i = &s.agenda[s.agenda_index(&a).unwrap()];
    assert_eq!((i.lead.as_deref(), i.planned_minutes, i.updated_at), (Some(p.as_str()), 15, t(4)));
    assert!(s.problems().is_empty(), "{:?}", s.problems());
    assert_eq!(s.meeting_planned(), (15 + 20 + 30 + 5) * 60);
}

#[test]
fn the_clock_is_derived_from_recorded_moments_only() {
    let (mut s, [a, b, c]) = agenda();
    assert!(!s.clock_running());
    assert_eq!(s.meeting_elapsed(t(100)), 0);
    s.start_agenda_item(&a, t(0)).unwrap();
    assert!(s.clock_running());
    assert_eq!(s.current_agenda_item(), Some(a.as_str()));
    assert_eq!(s.start_agenda_item(&a, t(1)), Err(MeetingError::AlreadyCurrent.into()));
    // Eight minutes into a ten-minute item: 80 %.
    let now = t(8);
    let time = s.agenda_item_time(&a, now);
    assert_eq!((time.elapsed, time.started, time.ended), (480, Some(t(0)), None));
    assert_eq!(TimeState::of(time.elapsed, 600), TimeState::Nearly);
    // On to the next: the first is done and its time fixed.
    assert_eq!(s.next_agenda_item(t(12)).unwrap(), Some(b.clone()));
    assert!(s.agenda[0].is_done());
    let time = s.agenda_item_time(&a, t(50));
    assert_eq!((time.elapsed, time.ended), (720, Some(t(12))));
    assert_eq!(TimeState::of(time.elapsed, 600), TimeState::Over);
    // A break with the clock stopped does not count for the meeting.
    s.stop_clock(t(20)).unwrap();
    assert_eq!(s.stop_clock(t(21)), Err(MeetingError::ClockStopped.into()));
    assert_eq!(s.meeting_elapsed(t(45)), 20 * 60);
    assert_eq!(s.meeting_span(), (Some(t(0)), Some(t(20))));
    // Back to item b after the break: its two stretches add up.
    s.start_agenda_item(&b, t(30)).unwrap();
    assert_eq!(s.agenda_item_time(&b, t(35)).elapsed, 13 * 60);
    assert_eq!(s.agenda_item_time(&b, t(35)).started, Some(t(12)));
    assert_eq!(s.meeting_span(), (Some(t(0)), None));
    assert_eq!(s.next_agenda_item(t(40)).unwrap(), Some(c.clone()));
    assert_eq!(s.next_agenda_item(t(70)).unwrap(), None, "nothing left: the clock stops");
    assert!(!s.clock_running());
    assert_eq!(s.next_agenda_item(t(71)), Err(MeetingError::NothingLeft.into()));
    assert_eq!(s.meeting_elapsed(t(999)), (12 + 8 + 10 + 30) * 60);
    // Every item's time in one pass agrees with asking item by item.
    let each: Vec<i64> = [&a, &b, &c].iter().map(|id| s.agenda_item_time(id, t(999)).elapsed).collect();
    assert_eq!(s.agenda_elapsed(t(999)), each);
    assert_eq!(each, [12 * 60, 18 * 60, 30 * 60]);
    assert_eq!(s.unfinished_agenda().count(), 0);
    assert!(s.problems().is_empty(), "{:?}", s.problems());
}

#[test]
fn time_states_turn_at_eighty_percent_and_past_one_hundred() {
    assert_eq!(TimeState::of(479, 600), TimeState::Within);
    assert_eq!(TimeState::of(480, 600), TimeState::Nearly);
    assert_eq!(TimeState::of(600, 600), TimeState::Nearly);
    assert_eq!(TimeState::of(601, 600), TimeState::Over);
    assert_eq!(TimeState::of(0, 0), TimeState::Nearly);
    assert_eq!(TimeState::of(1, 0), TimeState::Over);
}

#[test]
fn next_skips_done_items_and_wraps_to_earlier_unfinished_ones() {
    let (mut s, [a, b, c]) = agenda();
    s.set_agenda_item_done(&a, true, t(0)).unwrap();
    assert_eq!(s.next_agenda_item(t(0)).unwrap(), Some(b.clone()), "first unfinished from the top");
    s.set_agenda_item_done(&b, false, t(1)).unwrap();
    s.start_agenda_item(&c, t(2)).unwrap();
    s.set_agenda_item_done(&a, false, t(3)).unwrap();
    assert_eq!(s.next_agenda_item(t(4)).unwrap(), Some(a.clone()), "after the last, back to the top");
    // Starting a done item opens it again.
    s.start_agenda_item(&c, t(5)).unwrap();
    assert!(!s.agenda[2].is_done());
}

#[test]
fn a_clock_running_backwards_never_counts_negative_time() {
    let (mut s, [a, b, _]) = agenda();
    s.start_agenda_item(&a, secs(100)).unwrap();
    s.start_agenda_item(&b, secs(40)).unwrap();
    assert_eq!(s.agenda_item_time(&a, secs(200)).elapsed, 0);
    assert_eq!(s.meeting_elapsed(secs(50)), 10);
}

#[test]
fn removing_an_item_takes_its_notes_and_time_and_undo_puts_them_back() {
    let (mut s, [a, b, _]) = agenda();
    s.start_agenda_item(&a, t(0)).unwrap();
    s.start_agenda_item(&b, t(10)).unwrap();
    s.add_note(Some(&a), "eerste", t(1)).unwrap();
    s.add_note(None, "algemeen", t(2)).unwrap();
    s.add_note(Some(&a), "tweede", t(3)).unwrap();
    let before = s.clone();
    let removed = s.remove_agenda_item(&a, t(20)).unwrap();
    assert_eq!(s.agenda.len(), 2);
    assert_eq!(s.notes.len(), 1);
    assert_eq!(s.agenda_item_time(&b, t(20)).elapsed, 600, "b does not gain a's time");
    assert_eq!(s.meeting_elapsed(t(20)), 600);
    assert!(s.problems().is_empty(), "{:?}", s.problems());
    s.restore(removed, t(20));
    s.updated_at = before.updated_at;
    assert_eq!(s, before);
}

#[test]
fn notes_are_timestamped_multi_line_and_belong_to_an_item() {
    let (mut s, [a, b, _]) = agenda();
    let n = s.add_note(Some(&a), "Huurdersvereniging schuift aan.\n\nZe willen spreiding.", t(5)).unwrap();
    let general = s.add_note(None, "Zaal tot 12:00", t(6)).unwrap();
    assert_eq!(s.add_note(Some("nope"), "x", t(6)), Err(DomainError::NotFound("nope".into())));
    assert_eq!(s.add_note(None, "  \n ", t(6)), Err(DomainError::Empty("text")));
    assert_eq!(s.notes_of(Some(&a)).count(), 1);
    assert_eq!(s.notes_of(None).map(|n| n.id.as_str()).collect::<Vec<_>>(), [general.as_str()]);
    s.update_note(&n, "Huurdersvereniging schuift aan.", t(7)).unwrap();
    s.move_note(&n, Some(&b), t(8)).unwrap();
    let note = &s.notes[s.note_index(&n).unwrap()];
    assert_eq!((note.item.as_deref(), note.created_at, note.updated_at), (Some(b.as_str()), t(5), t(8)));
    let removed = s.remove_note(&general, t(9)).unwrap();
    assert_eq!(s.notes.len(), 1);
    s.restore(removed, t(9));
    assert_eq!(s.notes[1].id, general);
}

#[test]
fn attendance_per_party_with_apologies_and_from_the_parties() {
    let mut s = session();
    let p = |org: &str, rep: &str, role: &str| PartyFields {
        organisation: org.into(),
        representative: rep.into(),
        role: role.into(),
        ..Default::default()
    };
    let gem = s.add_party(&p("Gemeente", "Karim Bensaïd", "wethouder"), t(0)).unwrap();
    let woon = s.add_party(&p("Woonstede", "Marieke Jansen", "directeur wonen"), t(0)).unwrap();
    s.add_party(&p("De Linde", "", ""), t(0)).unwrap();
    let added = s.attendance_from_parties(t(1));
    assert_eq!(added.len(), 2, "a party without a representative adds nobody");
    assert!(s.attendance_from_parties(t(2)).is_empty(), "nobody twice");
    let extra = AttendeeFields {
        party: Some(woon.clone()),
        name: " Sanne de Wit ".into(),
        role: "beleidsadviseur".into(),
        presence: Presence::Afgemeld,
    };
    let sanne = s.add_attendee(&extra, t(3)).unwrap();
    let guest = AttendeeFields {
        party: None,
        name: "Huurdersvereniging".into(),
        role: String::new(),
        presence: Presence::Aanwezig,
    };
    s.add_attendee(&guest, t(3)).unwrap();
    assert_eq!(
        s.attendees_of(Some(&woon)).map(|a| a.name.as_str()).collect::<Vec<_>>(),
        ["Marieke Jansen", "Sanne de Wit"]
    );
    assert_eq!(s.attendees_of(None).count(), 1);
    assert_eq!(s.attendees_of(Some(&gem)).next().unwrap().role, "wethouder");
    s.set_presence(&sanne, Presence::Afgemeld.cycled(), t(4)).unwrap();
    assert_eq!(s.attendance[s.attendee_index(&sanne).unwrap()].presence, Presence::Afwezig);
    assert_eq!(Presence::Afwezig.cycled(), Presence::Aanwezig);
    let bad = AttendeeFields { party: Some("x".into()), ..extra.clone() };
    assert_eq!(s.add_attendee(&bad, t(5)), Err(DomainError::UnknownParty("x".into())));
    assert!(s.problems().is_empty(), "{:?}", s.problems());
    let removed = s.remove_attendee(&sanne, t(6)).unwrap();
    assert!(matches!(removed, Removed::Meeting(MeetingRemoved::Attendee(2, _))));
}

#[test]
fn the_follow_up_gets_the_unfinished_items_and_the_attendance_list() {
    let (mut s, [a, b, c]) = agenda();
    let p = s
        .add_party(
            &PartyFields {
                organisation: "Woonstede".into(),
                representative: "Marieke".into(),
                ..Default::default()
            },
            t(0),
        )
        .unwrap();
    s.attendance_from_parties(t(0));
    let w = s.attendance[0].id.clone();
    s.set_presence(&w, Presence::Afgemeld, t(0)).unwrap();
    s.start_agenda_item(&a, t(0)).unwrap();
    s.next_agenda_item(t(10)).unwrap();
    s.add_note(Some(&b), "loopt uit", t(15)).unwrap();
    s.start_game(&game_setup(), 7, t(16)).unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 5, 20).unwrap();
    let next = s.follow_up("m3".into(), "m2.json", day, t(60 * 24 * 41));
    let ids: Vec<&str> = next.agenda.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, [b.as_str(), c.as_str()], "unfinished items, in order, ids kept");
    for i in &next.agenda {
        let o = i.origin.as_ref().unwrap();
        assert_eq!((o.session.as_str(), o.file.as_str()), ("m2", "m2.json"));
        assert!(!i.is_done());
    }
    assert!(next.agenda_clock.is_empty() && next.notes.is_empty() && next.games.is_empty());
    assert_eq!(next.attendance.len(), 1);
    assert_eq!(next.attendance[0].party.as_deref(), Some(p.as_str()));
    assert_eq!(next.attendance[0].presence, Presence::Aanwezig, "apologies are per meeting");
    assert!(next.problems().is_empty(), "{:?}", next.problems());
    // Carried again, an item keeps the meeting it was first planned in.
    let again = next.follow_up("m4".into(), "m3.json", day, t(60 * 24 * 80));
    assert_eq!(again.agenda[0].origin.as_ref().unwrap().session, "m2");
}

#[test]
fn a_template_fills_a_new_meeting_in_the_chosen_language() {
    let mut s = session();
    let items = content::content().template(Phase::Verkennen, crate::i18n::Lang::En);
    let ids = s.add_agenda_items(&items, t(0));
    assert_eq!(ids.len(), items.len());
    assert_eq!(s.agenda[0].title, items[0].0);
    assert!(s.agenda.iter().all(|i| i.phase == Phase::Verkennen && i.planned_minutes > 0));
}

#[test]
fn problems_name_broken_references_and_duplicate_ids() {
    let (mut s, [a, _, _]) = agenda();
    s.start_agenda_item(&a, t(0)).unwrap();
    s.add_note(Some(&a), "x", t(1)).unwrap();
    s.agenda_clock[0].item = Some("gone".into());
    s.notes[0].item = Some("gone".into());
    s.agenda[1].id = a.clone();
    s.agenda[2].lead = Some("nobody".into());
    let paths: Vec<String> = s.problems().into_iter().map(|p| p.path).collect();
    assert_eq!(paths, ["agenda[1].id", "agenda[2].lead", "agenda_clock[0].item", "notes[0].item"]);
}

pub(super) fn game_setup() -> GameSetup {
    GameSetup {
        players: Players::Count(5),
        assignments: [
            RoundAssignment::Card(Assignment::Etentje),
            RoundAssignment::Card(Assignment::Teamuitje),
            RoundAssignment::Own("Kies een naam voor de wijkaanpak".into()),
        ],
        deal: DealMode::Kompas,
        silent: false,
    }
}

#[test]
fn the_summary_counts_the_agenda_the_clock_attendance_and_games() {
    let (mut s, [a, b, _]) = agenda();
    assert_eq!(
        s.meeting_summary(),
        MeetingSummary { agenda_items: 3, planned_secs: 3600, ..Default::default() }
    );
    s.start_agenda_item(&a, t(0)).unwrap();
    s.next_agenda_item(t(12)).unwrap();
    s.add_note(Some(&b), "x", t(20)).unwrap();
    let f = |presence| AttendeeFields { party: None, name: "Gast".into(), role: String::new(), presence };
    s.add_attendee(&f(Presence::Aanwezig), t(20)).unwrap();
    s.add_attendee(&f(Presence::Afgemeld), t(20)).unwrap();
    let sum = s.meeting_summary();
    assert_eq!(
        (sum.agenda_done, sum.elapsed_secs),
        (1, 20 * 60),
        "a running clock counts up to the last record"
    );
    assert_eq!((sum.present, sum.apologies, sum.games_played), (1, 1, 0));
    assert_eq!(s.summary(s.meeting_date).meeting, sum);
}
