//! Tests of two items under one id (`merge_ids.rs`): two laptops adding an
//! item in the same millisecond.

use chrono::NaiveDate;

use super::super::merge;
use crate::domain::meeting::{
    AgendaFields, Assignment, AttendeeFields, DealMode, GameSetup, Players, Presence, RoundAssignment,
};
use crate::domain::{
    AgreementFields, AgreementStatus, Condition, Conflict, ConflictKind, InterestKind, PartyFields, Phase,
    RoomMark, Session, Temperature,
};

use crate::storage::merge_tests::t;

fn base() -> Session {
    let mut s =
        Session::new("s1".into(), "Wijk", NaiveDate::from_ymd_opt(2026, 3, 12).unwrap(), "Anne", t(0))
            .unwrap();
    let f = PartyFields { organisation: "Gemeente".into(), ..Default::default() };
    s.add_party(&f, t(1)).unwrap();
    s
}

fn agreement(text: &str, parties: Vec<String>) -> AgreementFields {
    AgreementFields {
        text: text.into(),
        owner: parties.first().cloned(),
        parties,
        due: None,
        status: AgreementStatus::Proposed,
        phase_result: false,
    }
}

/// One side's work in the same millisecond as the other's: a new party
/// and, naming it, an item of every list with ids. `side` goes into every
/// text, so each item shows which side made it.
fn add_everything(s: &mut Session, side: &str) {
    let now = t(5);
    let f = PartyFields { organisation: format!("Corporatie {side}"), ..Default::default() };
    let p = s.add_party(&f, now).unwrap();
    s.add_interest(&p, InterestKind::Organisatie, &format!("belang {side}"), now).unwrap();
    let a = s.add_agreement(&agreement(&format!("afspraak {side}"), vec![p.clone()]), now).unwrap();
    s.add_reflection(None, &format!("vraag {side}"), &format!("antwoord {side}"), now).unwrap();
    s.record_reading(Temperature::Waakzaam, Some(&p), &format!("lezing {side}"), now).unwrap();
    let item = AgendaFields {
        title: format!("punt {side}"),
        phase: Phase::Verkennen,
        planned_minutes: 10,
        lead: Some(p.clone()),
    };
    let g = s.add_agenda_item(&item, None, now).unwrap();
    s.start_agenda_item(&g, now).unwrap();
    s.add_note(Some(&g), &format!("notitie {side}"), now).unwrap();
    let who = AttendeeFields {
        party: Some(p.clone()),
        name: format!("naam {side}"),
        role: String::new(),
        presence: Presence::Aanwezig,
    };
    s.add_attendee(&who, now).unwrap();
    let setup = GameSetup {
        players: Players::Names(vec![format!("speler {side}"), "b".into(), "c".into()]),
        assignments: [
            RoundAssignment::Card(Assignment::ALL[0]),
            RoundAssignment::Card(Assignment::ALL[1]),
            RoundAssignment::Own(format!("opdracht {side}")),
        ],
        deal: DealMode::Kompas,
        silent: false,
    };
    let game = s.start_game(&setup, 7, now).unwrap();
    s.add_game_answer(&game, &format!("vraag {side}"), None, &format!("antwoord {side}"), now).unwrap();
    s.score_condition_for_party(Condition::Relatie, &p, Some(3), &format!("score {side}"), now).unwrap();
    s.room.insert(a, RoomMark::Private);
    s.conflicts.push(Conflict {
        id: "c1-0".into(),
        path: vec!["parties".into(), p, "role".into()],
        kind: ConflictKind::BothChanged,
        other: Some(format!("rol {side}").into()),
        source: format!("kopie {side}"),
        at: now,
    });
}

/// The id of the one item of `list` in `s` whose JSON holds `text`.
fn id_with(s: &Session, list: &str, text: &str) -> String {
    let v = serde_json::to_value(s).unwrap();
    let found: Vec<String> = v[list]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x.to_string().contains(text))
        .map(|x| x["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(found.len(), 1, "{list} with {text:?}: {found:?}");
    found[0].clone()
}

#[test]
fn items_both_sides_made_under_one_id_stay_two_items_with_their_references() {
    let b = base();
    let (mut ours, mut theirs) = (b.clone(), b.clone());
    add_everything(&mut ours, "ons");
    add_everything(&mut theirs, "hun");
    // The premise: the same ids on both sides.
    assert_eq!(ours.parties[1].id, theirs.parties[1].id);
    assert_eq!(ours.games[0].id, theirs.games[0].id);
    let m = merge(Some(&b), &ours, &theirs, "disk", t(20)).unwrap();
    let s = &m.session;
    assert_eq!(m.conflicts, 0, "{:?}", s.conflicts);
    assert!(s.problems().is_empty(), "{:?}", s.problems());
    for list in [
        "parties",
        "interests",
        "agreements",
        "reflections",
        "temperature",
        "agenda",
        "agenda_clock",
        "attendance",
        "notes",
        "games",
        "conflicts",
    ] {
        let v = serde_json::to_value(s).unwrap();
        let n = v[list].as_array().unwrap().len();
        let before = serde_json::to_value(&b).unwrap()[list].as_array().map_or(0, Vec::len);
        assert_eq!(n, before + 2, "{list}: both new items");
    }
    // Ours keeps its ids; theirs' items name theirs' party, agenda item,
    // agreement, game.
    let ours_party = id_with(s, "parties", "Corporatie ons");
    let their_party = id_with(s, "parties", "Corporatie hun");
    assert_eq!(ours_party, ours.parties[1].id);
    assert_ne!(their_party, ours_party);
    for (side, party) in [("ons", &ours_party), ("hun", &their_party)] {
        let interest = s.interests.iter().find(|x| x.text.ends_with(side)).unwrap();
        assert_eq!(&interest.party, party, "{side}");
        let a = s.agreements.iter().find(|x| x.text.ends_with(side)).unwrap();
        assert_eq!(a.owner.as_ref(), Some(party), "{side}");
        assert_eq!(&a.parties, &vec![party.clone()], "{side}");
        assert_eq!(s.room.get(&a.id), Some(&RoomMark::Private), "{side}: the room mark of its agreement");
        let r = s.temperature.iter().find(|x| x.note.ends_with(side)).unwrap();
        assert_eq!(r.party.as_ref(), Some(party), "{side}");
        let w = s.attendance.iter().find(|x| x.name.ends_with(side)).unwrap();
        assert_eq!(w.party.as_ref(), Some(party), "{side}");
        let g = s.agenda.iter().find(|x| x.title.ends_with(side)).unwrap();
        assert_eq!(g.lead.as_ref(), Some(party), "{side}");
        let n = s.notes.iter().find(|x| x.text.ends_with(side)).unwrap();
        assert_eq!(n.item.as_ref(), Some(&g.id), "{side}: the note's agenda item");
        assert!(s.agenda_clock.iter().any(|c| c.item.as_ref() == Some(&g.id)), "{side}: clock on its item");
        let score = &s.conditions[&Condition::Relatie].parties[party];
        assert_eq!(score.note, format!("score {side}"));
        let c = s.conflicts.iter().find(|c| c.source.ends_with(side)).unwrap();
        assert_eq!(c.path[1], *party, "{side}: the conflict record's path");
        let game = s.games.iter().find(|x| x.answers[0].answer.ends_with(side)).unwrap();
        assert_eq!((game.seats.len(), game.rounds.len()), (3, 3), "{side}");
        for id in game.seats.iter().map(|x| &x.id).chain(game.rounds.iter().map(|x| &x.id)) {
            assert!(id.starts_with(&format!("{}-", game.id)), "{side}: {id} belongs to {}", game.id);
        }
        for (seat, _) in game.rounds.iter().flat_map(|r| &r.cards) {
            assert!(game.seats.iter().any(|x| &x.id == seat), "{side}: card on seat {seat}");
        }
    }
    assert_eq!(s.games.iter().flat_map(|g| &g.answers).count(), 2);
}

#[test]
fn two_agreements_made_in_the_same_millisecond_stay_two() {
    let b = base();
    let p = b.parties[0].id.clone();
    let (mut ours, mut theirs) = (b.clone(), b.clone());
    let a = ours.add_agreement(&agreement("ons: de huurders bellen", vec![p.clone()]), t(5)).unwrap();
    let same = theirs.add_agreement(&agreement("hun: het budget vragen", vec![p.clone()]), t(5)).unwrap();
    assert_eq!(a, same);
    let m = merge(Some(&b), &ours, &theirs, "disk", t(20)).unwrap();
    let texts: Vec<&str> = m.session.agreements.iter().map(|x| x.text.as_str()).collect();
    assert_eq!(texts, ["ons: de huurders bellen", "hun: het budget vragen"]);
    assert_eq!(m.session.agreements[0].id, a, "ours keeps its id");
    assert_eq!(m.conflicts, 0);
    assert_eq!(m.came_in, 1);
    // The same pair separated again (the other laptop, or a second try)
    // gives the same name.
    let again = merge(Some(&b), &ours, &theirs, "disk", t(21)).unwrap();
    assert_eq!(again.session.agreements, m.session.agreements);
    // The other laptop takes the result in: the same two agreements there.
    let there = merge(Some(&theirs), &theirs, &m.session, "disk", t(22)).unwrap();
    assert_eq!(there.session.agreements, m.session.agreements);
    assert_eq!(there.conflicts, 0);
}

#[test]
fn the_same_item_added_on_both_sides_stays_one() {
    let b = base();
    let (mut ours, mut theirs) = (b.clone(), b.clone());
    add_everything(&mut ours, "beide");
    add_everything(&mut theirs, "beide");
    let m = merge(Some(&b), &ours, &theirs, "disk", t(20)).unwrap();
    assert_eq!(m.conflicts, 0);
    assert_eq!(m.session.agreements, ours.agreements);
    assert_eq!(m.session.parties, ours.parties);
    assert_eq!(m.session.games, ours.games);
    assert_eq!(serde_json::to_value(&m.session).unwrap(), serde_json::to_value(&ours).unwrap());
}

#[test]
fn an_item_both_sides_changed_is_not_taken_for_two() {
    // In the base: one item, changed on both sides. A conflict, as before.
    let b = base();
    let (mut ours, mut theirs) = (b.clone(), b.clone());
    ours.parties[0].organisation = "Gemeente Zuid".into();
    theirs.parties[0].organisation = "Gemeente Noord".into();
    let m = merge(Some(&b), &ours, &theirs, "disk", t(20)).unwrap();
    assert_eq!(m.session.parties.len(), 1);
    assert_eq!(m.conflicts, 1);
}

#[test]
fn without_a_common_version_the_same_id_stays_one_item_with_a_record() {
    // A sync tool's copy: no base, so new and changed cannot be told apart;
    // the other side's value is kept in a conflict record, visible.
    let b = base();
    let p = b.parties[0].id.clone();
    let (mut ours, mut theirs) = (b.clone(), b.clone());
    ours.add_agreement(&agreement("ons", vec![p.clone()]), t(5)).unwrap();
    theirs.add_agreement(&agreement("hun", vec![p]), t(5)).unwrap();
    let m = merge(None, &ours, &theirs, "kopie.json", t(20)).unwrap();
    assert_eq!(m.session.agreements.len(), 1);
    assert_eq!(m.session.agreements[0].text, "ons");
    assert_eq!(m.conflicts, 1);
    assert_eq!(m.session.conflicts[0].other, Some("hun".into()));
}
