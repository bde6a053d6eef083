//! Tests of the three-way merge.

use chrono::{DateTime, Duration, NaiveDate};
use serde_json::json;

use super::merge::merge;
use crate::domain::{
    AgreementFields, AgreementStatus, ConflictKind, ContextAspect, InterestKind, PartyFields, Phase, Session,
    Timestamp,
};

/// Minutes after 10:00 on the meeting's day (also used by merge_ids' tests).
pub(super) fn t(min: i64) -> Timestamp {
    DateTime::parse_from_rfc3339("2026-03-12T10:00:00+01:00").unwrap() + Duration::minutes(min)
}

fn base() -> Session {
    let mut s =
        Session::new("s1".into(), "Wijk", NaiveDate::from_ymd_opt(2026, 3, 12).unwrap(), "Anne", t(0))
            .unwrap();
    for (i, org) in ["Gemeente", "Woonstede"].iter().enumerate() {
        let f = PartyFields { organisation: org.to_string(), ..Default::default() };
        s.add_party(&f, t(i as i64 + 1)).unwrap();
    }
    s
}

fn agreement(text: &str) -> AgreementFields {
    AgreementFields {
        text: text.into(),
        owner: None,
        parties: vec![],
        due: None,
        status: AgreementStatus::Proposed,
        phase_result: false,
    }
}

#[test]
fn changes_on_different_items_and_fields_are_all_kept() {
    let b = base();
    let mut ours = b.clone();
    ours.add_agreement(&agreement("ours"), t(10)).unwrap();
    let mut theirs = b.clone();
    theirs.set_context(ContextAspect::Players, "wethouder nieuw", t(11));
    let p = theirs.parties[1].id.clone();
    theirs.add_interest(&p, InterestKind::Collectief, "huurders", t(12)).unwrap();
    let m = merge(Some(&b), &ours, &theirs, "disk", t(20)).unwrap();
    assert_eq!(m.conflicts, 0);
    assert_eq!(m.session.agreements.len(), 1);
    assert_eq!(m.session.context.players, "wethouder nieuw");
    assert_eq!(m.session.interests.len(), 1);
    assert_eq!(m.session.updated_at, t(12), "the later time");
    assert!(m.came_in >= 2);
}

#[test]
fn a_true_conflict_keeps_ours_and_records_theirs() {
    let b = base();
    let id = b.parties[0].id.clone();
    let mut ours = b.clone();
    let mut theirs = b.clone();
    ours.parties[0].organisation = "Gemeente Zuid".into();
    theirs.parties[0].organisation = "Gemeente Noord".into();
    let m = merge(Some(&b), &ours, &theirs, "disk", t(20)).unwrap();
    assert_eq!(m.session.parties[0].organisation, "Gemeente Zuid");
    assert_eq!(m.conflicts, 1);
    let c = &m.session.conflicts[0];
    assert_eq!(c.path, vec!["parties".to_string(), id, "organisation".into()]);
    assert_eq!(c.kind, ConflictKind::BothChanged);
    assert_eq!(c.other, Some(json!("Gemeente Noord")));
    assert_eq!(c.source, "disk");
    // Settled with one key, either way.
    let mut taken = m.session.clone();
    taken.settle_conflict(&c.id, crate::domain::Settle::TakeOther, t(21)).unwrap();
    assert_eq!(taken.parties[0].organisation, "Gemeente Noord");
    assert!(taken.conflicts.is_empty());
}

#[test]
fn removed_on_one_side_and_changed_on_the_other_is_kept_and_flagged() {
    let b = base();
    let id = b.parties[1].id.clone();
    // We removed it, they changed it.
    let mut ours = b.clone();
    ours.remove_party(&id, t(10)).unwrap();
    let mut theirs = b.clone();
    theirs.parties[1].wants = "rust".into();
    let m = merge(Some(&b), &ours, &theirs, "disk", t(20)).unwrap();
    assert_eq!(m.session.parties.len(), 2);
    assert_eq!(m.session.parties[1].wants, "rust");
    assert_eq!(m.session.conflicts[0].kind, ConflictKind::RemovedHere);
    assert_eq!(m.session.conflicts[0].other, None);
    // They removed it, we changed it.
    let m = merge(Some(&b), &theirs, &ours, "disk", t(20)).unwrap();
    assert_eq!(m.session.parties.len(), 2);
    assert_eq!(m.session.conflicts[0].kind, ConflictKind::RemovedThere);
    // Removed on one side, untouched on the other: removed.
    let m = merge(Some(&b), &ours, &b, "disk", t(20)).unwrap();
    assert_eq!(m.session.parties.len(), 1);
    assert!(m.session.conflicts.is_empty());
}

#[test]
fn new_items_of_both_sides_are_kept_in_a_sensible_order() {
    let b = base();
    let mut ours = b.clone();
    let mut theirs = b.clone();
    ours.add_agreement(&agreement("o1"), t(10)).unwrap();
    ours.add_agreement(&agreement("o2"), t(11)).unwrap();
    theirs.add_agreement(&agreement("t1"), t(12)).unwrap();
    let m = merge(Some(&b), &ours, &theirs, "disk", t(20)).unwrap();
    let texts: Vec<&str> = m.session.agreements.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(texts, ["o1", "o2", "t1"]);
}

#[test]
fn both_moving_the_phase_keeps_both_moves_and_the_last_phase() {
    let b = base();
    let mut ours = b.clone();
    let mut theirs = b.clone();
    ours.move_to_phase(Phase::Delen, None, t(10)).unwrap();
    theirs.move_to_phase(Phase::Overeenkomen, Some("snel"), t(11)).unwrap();
    let m = merge(Some(&b), &ours, &theirs, "disk", t(20)).unwrap();
    assert_eq!(m.session.phase_history.len(), 3);
    assert_eq!(m.session.phase, m.session.phase_history.last().unwrap().to);
    assert!(m.session.problems().is_empty());
    let c = m.session.conflicts.iter().find(|c| c.path == ["phase"]).expect("a phase conflict");
    assert_ne!(c.other, Some(json!(m.session.phase.id())), "the record holds the phase not shown");
}

#[test]
fn a_removed_party_still_named_by_their_new_interest_is_put_back() {
    let b = base();
    let id = b.parties[0].id.clone();
    let mut ours = b.clone();
    ours.remove_party(&id, t(10)).unwrap();
    let mut theirs = b.clone();
    theirs.add_interest(&id, InterestKind::Organisatie, "wijkaanpak", t(11)).unwrap();
    let m = merge(Some(&b), &ours, &theirs, "disk", t(20)).unwrap();
    assert!(m.session.party(&id).is_some());
    assert_eq!(m.session.interests.len(), 1);
    assert!(m.session.conflicts.iter().any(|c| c.kind == ConflictKind::StillNeeded));
    assert!(m.session.problems().is_empty());
}

#[test]
fn unknown_lists_of_later_instruments_merge_item_by_item() {
    let b = base();
    let mut ours = b.clone();
    let mut theirs = b.clone();
    let list = |items: serde_json::Value| items;
    let mut bb = b.clone();
    bb.extra.insert("thermometer".into(), list(json!([{"id": "r1", "score": 3}])));
    ours.extra
        .insert("thermometer".into(), list(json!([{"id": "r1", "score": 4}, {"id": "r2", "score": 1}])));
    theirs
        .extra
        .insert("thermometer".into(), list(json!([{"id": "r1", "score": 3, "note": "x"}, {"id": "r3"}])));
    let m = merge(Some(&bb), &ours, &theirs, "disk", t(20)).unwrap();
    assert_eq!(
        m.session.extra["thermometer"],
        json!([{"id": "r1", "score": 4, "note": "x"}, {"id": "r2", "score": 1}, {"id": "r3"}])
    );
    assert_eq!(m.conflicts, 0);
    // Maps keyed by id (condition -> score) merge key by key.
    let mut bb = b.clone();
    bb.extra.insert("scores".into(), json!({"c1": 1, "c2": 2}));
    let mut o = b.clone();
    o.extra.insert("scores".into(), json!({"c1": 5, "c2": 2}));
    let mut th = b.clone();
    th.extra.insert("scores".into(), json!({"c1": 1, "c2": 2, "c3": 3}));
    let m = merge(Some(&bb), &o, &th, "disk", t(20)).unwrap();
    assert_eq!(m.session.extra["scores"], json!({"c1": 5, "c2": 2, "c3": 3}));
}

#[test]
fn without_a_base_nothing_counts_as_removed() {
    let b = base();
    let mut ours = b.clone();
    ours.add_agreement(&agreement("ours"), t(10)).unwrap();
    let mut copy = b.clone();
    copy.parties.remove(0); // a copy that never had it? Kept.
    copy.add_agreement(&agreement("copy"), t(11)).unwrap();
    let m = merge(None, &ours, &copy, "a (conflicted copy).json", t(20)).unwrap();
    assert_eq!(m.session.parties.len(), 2);
    assert_eq!(m.session.agreements.len(), 2);
}

#[test]
fn nothing_of_ours_gives_exactly_theirs() {
    let b = base();
    let mut theirs = b.clone();
    theirs.title = "Buurt".into();
    theirs.add_agreement(&agreement("x"), t(5)).unwrap();
    let m = merge(Some(&b), &b, &theirs, "disk", t(20)).unwrap();
    assert_eq!(m.session, theirs);
}

/// Random edits on both sides: every edit of either side is in the result
/// or in a conflict record.
#[test]
fn random_edits_on_both_sides_are_never_lost() {
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut rnd = |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    for round in 0..200 {
        let mut b = base();
        for i in 0..6 {
            b.add_agreement(&agreement(&format!("a{i}")), t(2 + i)).unwrap();
        }
        let (mut ours, mut theirs) = (b.clone(), b.clone());
        let mut expect = Vec::new();
        for (side, s) in [("o", &mut ours), ("t", &mut theirs)] {
            for e in 0..(1 + rnd(4)) {
                let text = format!("{side}{round}-{e}");
                match rnd(3) {
                    0 => {
                        s.add_agreement(&agreement(&text), t(30 + e as i64)).unwrap();
                    }
                    _ => {
                        let i = rnd(s.agreements.len() as u64) as usize;
                        s.agreements[i].text = text.clone();
                    }
                }
                expect.push(text);
            }
        }
        let m = merge(Some(&b), &ours, &theirs, "disk", t(60)).unwrap();
        let json = serde_json::to_string(&m.session).unwrap();
        for text in &expect {
            // An edit overwritten by a later edit on the same side is not an edit that survived.
            let overwritten = [&ours, &theirs].iter().all(|s| s.agreements.iter().all(|a| &a.text != text));
            assert!(
                overwritten || json.contains(&format!("\"{text}\"")),
                "round {round}: {text} lost: {json}"
            );
        }
        assert!(m.session.problems().is_empty());
    }
}

/// The whole table (issue 9): its interests merge like any interest, its
/// wants and offers like any field, and a change on both sides is a
/// conflict on that field.
#[test]
fn an_outside_change_to_the_whole_tables_items_merges() {
    use crate::domain::TABLE;
    let mut b = base();
    let shared = b.add_interest(TABLE, InterestKind::Collectief, "bewoners thuis", t(3)).unwrap();
    b.set_table("één wijkteam", "", t(4));
    let mut ours = b.clone();
    let i = ours.interest_index(&shared).unwrap();
    ours.update_interest(&shared, TABLE, InterestKind::Collectief, "bewoners blijven thuis", t(10)).unwrap();
    let mut theirs = b.clone();
    theirs.set_table("één wijkteam", "ieder een plek", t(11));
    theirs.add_interest(TABLE, InterestKind::Organisatie, "minder kosten", t(12)).unwrap();
    let m = merge(Some(&b), &ours, &theirs, "disk", t(20)).unwrap();
    assert_eq!(m.conflicts, 0);
    assert_eq!(m.session.interests[i].text, "bewoners blijven thuis");
    assert_eq!(m.session.interests_of(TABLE, InterestKind::Organisatie).count(), 1);
    assert_eq!(
        (m.session.table.wants.as_str(), m.session.table.offers.as_str()),
        ("één wijkteam", "ieder een plek")
    );
    assert!(m.session.problems().is_empty());

    // Both sides rewrite what the table wants: ours stays, theirs is kept.
    let mut ours = b.clone();
    ours.set_table("een gedeeld budget", "", t(10));
    let mut theirs = b.clone();
    theirs.set_table("één loket", "", t(11));
    let m = merge(Some(&b), &ours, &theirs, "disk", t(20)).unwrap();
    assert_eq!(m.session.table.wants, "een gedeeld budget");
    let c =
        m.session.conflicts.iter().find(|c| c.path == ["table", "wants"]).expect("a conflict on the wants");
    assert_eq!(c.other, Some(json!("één loket")));
}
