//! Rules of the model, exercised on a session in memory.

use chrono::{DateTime, NaiveDate};

use super::*;

fn at(s: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn t0() -> Timestamp {
    at("2026-03-12T10:00:00+01:00")
}

fn session() -> Session {
    Session::new(
        "s1".into(),
        "Weer thuis in de wijk",
        NaiveDate::from_ymd_opt(2026, 3, 12).unwrap(),
        "Anouk",
        t0(),
    )
    .unwrap()
}

fn party(s: &mut Session, name: &str) -> String {
    let f = PartyFields { organisation: name.into(), ..Default::default() };
    s.add_party(&f, t0()).unwrap()
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
fn new_session_starts_in_verkennen_with_one_history_entry() {
    let s = session();
    assert_eq!(s.format, FORMAT);
    assert_eq!(s.version, VERSION);
    assert_eq!(s.phase, Phase::Verkennen);
    assert_eq!(s.phase_history.len(), 1);
    assert_eq!(s.phase_history[0].from, None);
    assert!(s.visited(Phase::Verkennen));
    assert!(!s.visited(Phase::Delen));
    assert!(s.problems().is_empty());
}

#[test]
fn new_session_needs_a_title() {
    let err = Session::new("s".into(), "  ", NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), "", t0());
    assert_eq!(err.unwrap_err(), DomainError::Empty("title"));
}

#[test]
fn phase_moves_are_recorded_with_time_and_reason_and_may_skip() {
    let mut s = session();
    s.move_to_phase(Phase::Overeenkomen, None, at("2026-03-12T10:30:00+01:00")).unwrap();
    s.move_to_phase(Phase::Delen, Some("  nieuw belang  "), at("2026-03-12T11:00:00+01:00")).unwrap();
    assert_eq!(s.phase, Phase::Delen);
    assert_eq!(s.phase_history.len(), 3);
    let back = &s.phase_history[2];
    assert_eq!(back.from, Some(Phase::Overeenkomen));
    assert_eq!(back.reason.as_deref(), Some("nieuw belang"));
    assert!(back.is_step_back());
    assert!(!s.phase_history[1].is_step_back());
    assert!(s.visited(Phase::Overeenkomen));
    assert!(!s.visited(Phase::Vormgeven));
    assert_eq!(s.updated_at, at("2026-03-12T11:00:00+01:00"));
    assert!(s.problems().is_empty());
}

#[test]
fn moving_to_the_current_phase_is_refused_and_changes_nothing() {
    let mut s = session();
    let before = s.clone();
    assert_eq!(s.move_to_phase(Phase::Verkennen, None, t0()), Err(DomainError::SamePhase));
    assert_eq!(s, before);
}

#[test]
fn blank_reason_is_stored_as_none() {
    let mut s = session();
    s.move_to_phase(Phase::Delen, Some("   "), t0()).unwrap();
    assert_eq!(s.phase_history[1].reason, None);
}

#[test]
fn step_back_is_detected_before_moving() {
    let mut s = session();
    s.move_to_phase(Phase::Vormgeven, None, t0()).unwrap();
    assert!(s.is_step_back(Phase::Delen));
    assert!(!s.is_step_back(Phase::Uitvoeren));
}

#[test]
fn items_store_the_phase_they_were_captured_in() {
    let mut s = session();
    let p = party(&mut s, "Woonstede");
    let i1 = s.add_interest(&p, InterestKind::Organisatie, "Leefbaarheid", t0()).unwrap();
    s.move_to_phase(Phase::Delen, None, t0()).unwrap();
    let a = s.add_agreement(&agreement("Intentieverklaring"), t0()).unwrap();
    let r = s.add_reflection(Some("x"), "Wie ontbreekt?", "Huurders", t0()).unwrap();
    assert_eq!(s.interests[s.interest_index(&i1).unwrap()].phase, Phase::Verkennen);
    assert_eq!(s.agreements[s.agreement_index(&a).unwrap()].phase, Phase::Delen);
    assert_eq!(s.reflections[s.reflection_index(&r).unwrap()].phase, Phase::Delen);
    assert_eq!(s.parties[0].phase, Phase::Verkennen);
}

#[test]
fn ids_are_unique_even_at_the_same_instant() {
    let mut s = session();
    let p = party(&mut s, "A");
    let ids: Vec<String> = (0..20)
        .map(|n| s.add_interest(&p, InterestKind::Collectief, &format!("i{n}"), t0()).unwrap())
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), 20);
    assert!(s.problems().is_empty());
}

#[test]
fn text_is_trimmed_and_must_not_be_empty() {
    let mut s = session();
    let p = party(&mut s, "A");
    assert_eq!(s.add_interest(&p, InterestKind::Organisatie, " \n ", t0()), Err(DomainError::Empty("text")));
    let id = s.add_interest(&p, InterestKind::Organisatie, "  x \n", t0()).unwrap();
    assert_eq!(s.interests[0].text, "x");
    assert_eq!(
        s.update_interest(&id, &p, InterestKind::Organisatie, "", t0()),
        Err(DomainError::Empty("text"))
    );
    assert_eq!(s.interests[0].text, "x");
    assert_eq!(s.add_party(&PartyFields::default(), t0()), Err(DomainError::Empty("organisation")));
}

#[test]
fn interests_and_agreements_must_name_existing_parties() {
    let mut s = session();
    assert_eq!(
        s.add_interest("nope", InterestKind::Organisatie, "x", t0()),
        Err(DomainError::UnknownParty("nope".into()))
    );
    let mut f = agreement("x");
    f.owner = Some("nope".into());
    assert_eq!(s.add_agreement(&f, t0()), Err(DomainError::UnknownParty("nope".into())));
    assert!(s.agreements.is_empty());
}

#[test]
fn editing_an_interest_moves_it_between_parties_and_kinds() {
    let mut s = session();
    let a = party(&mut s, "A");
    let b = party(&mut s, "B");
    let id = s.add_interest(&a, InterestKind::Organisatie, "x", t0()).unwrap();
    let later = at("2026-03-12T12:00:00+01:00");
    s.update_interest(&id, &b, InterestKind::Individueel, "y", later).unwrap();
    let i = &s.interests[0];
    assert_eq!((i.party.as_str(), i.kind, i.text.as_str()), (b.as_str(), InterestKind::Individueel, "y"));
    assert_eq!(i.created_at, t0());
    assert_eq!(i.updated_at, later);
    assert_eq!(s.interests_of(&a, InterestKind::Organisatie).count(), 0);
    assert_eq!(s.interests_of(&b, InterestKind::Individueel).count(), 1);
}

#[test]
fn agreement_status_phase_result_and_overdue() {
    let mut s = session();
    let mut f = agreement("Cijfers delen");
    f.due = NaiveDate::from_ymd_opt(2026, 4, 1);
    let id = s.add_agreement(&f, t0()).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 4, 2).unwrap();
    assert!(s.agreements[0].is_overdue(today));
    assert!(!s.agreements[0].is_overdue(NaiveDate::from_ymd_opt(2026, 4, 1).unwrap()));
    assert_eq!(s.overdue_agreements(today).count(), 1);
    s.set_agreement_status(&id, AgreementStatus::Done, t0()).unwrap();
    assert!(!s.agreements[0].is_overdue(today));
    assert_eq!(s.open_agreements().count(), 0);
    assert!(s.toggle_phase_result(&id, t0()).unwrap());
    assert!(!s.toggle_phase_result(&id, t0()).unwrap());
}

#[test]
fn agreement_parties_are_deduplicated() {
    let mut s = session();
    let a = party(&mut s, "A");
    let mut f = agreement("x");
    f.parties = vec![a.clone(), a.clone()];
    s.add_agreement(&f, t0()).unwrap();
    assert_eq!(s.agreements[0].parties, vec![a]);
}

#[test]
fn the_owner_of_an_agreement_is_always_involved() {
    let mut s = session();
    let a = party(&mut s, "A");
    let b = party(&mut s, "B");
    let mut f = agreement("x");
    f.owner = Some(b.clone());
    f.parties = vec![a.clone()];
    let id = s.add_agreement(&f, t0()).unwrap();
    assert_eq!(s.agreements[0].parties, vec![b.clone(), a.clone()]);
    // Ticked already: no second time, the order as ticked.
    f.parties = vec![a.clone(), b.clone()];
    s.update_agreement(&id, &f, t0()).unwrap();
    assert_eq!(s.agreements[0].parties, vec![a.clone(), b.clone()]);
    // A new owner joins on an edit too.
    f.owner = Some(a.clone());
    f.parties = vec![b.clone()];
    s.update_agreement(&id, &f, t0()).unwrap();
    assert_eq!(s.agreements[0].parties, vec![a, b]);
}

#[test]
fn removing_a_party_takes_its_interests_and_restore_puts_everything_back() {
    let mut s = session();
    let a = party(&mut s, "A");
    let b = party(&mut s, "B");
    s.add_interest(&a, InterestKind::Organisatie, "a1", t0()).unwrap();
    s.add_interest(&b, InterestKind::Organisatie, "b1", t0()).unwrap();
    s.add_interest(&a, InterestKind::Collectief, "a2", t0()).unwrap();
    let mut f = agreement("samen");
    f.owner = Some(a.clone());
    f.parties = vec![b.clone(), a.clone()];
    s.add_agreement(&f, t0()).unwrap();
    let before = s.clone();

    let removed = s.remove_party(&a, t0()).unwrap();
    assert_eq!(s.parties.len(), 1);
    assert_eq!(s.interests.len(), 1);
    assert_eq!(s.agreements[0].owner, None);
    assert_eq!(s.agreements[0].parties, vec![b.clone()]);
    assert!(s.problems().is_empty(), "{:?}", s.problems());

    s.restore(removed, t0());
    assert_eq!(s, before);
}

#[test]
fn remove_and_restore_each_kind_of_item_in_place() {
    let mut s = session();
    let p = party(&mut s, "A");
    for n in 0..3 {
        s.add_interest(&p, InterestKind::Organisatie, &format!("i{n}"), t0()).unwrap();
        s.add_agreement(&agreement(&format!("a{n}")), t0()).unwrap();
        s.add_reflection(None, "q", &format!("r{n}"), t0()).unwrap();
        s.record_temperature(Temperature::Waakzaam, "", t0());
    }
    let before = s.clone();
    let ids = [s.interests[1].id.clone(), s.agreements[1].id.clone(), s.reflections[1].id.clone()];
    let r1 = s.remove_interest(&ids[0], t0()).unwrap();
    let r2 = s.remove_agreement(&ids[1], t0()).unwrap();
    let r3 = s.remove_reflection(&ids[2], t0()).unwrap();
    let tid = s.temperature[1].id.clone();
    let r4 = s.remove_temperature(&tid, t0()).unwrap();
    assert_eq!(
        (s.interests.len(), s.agreements.len(), s.reflections.len(), s.temperature.len()),
        (2, 2, 2, 2)
    );
    for r in [r4, r3, r2, r1] {
        s.restore(r, t0());
    }
    assert_eq!(s, before);
    assert_eq!(s.remove_interest("missing", t0()), Err(DomainError::NotFound("missing".into())));
}

#[test]
fn ambition_context_and_network_questions() {
    let mut s = session();
    s.set_ambition(AmbitionLens::Opportunity, " nieuwbouw Parkrand 2027 ", t0());
    s.set_context(ContextAspect::Environment, "woningnood", t0());
    assert_eq!(s.ambition.get(AmbitionLens::Opportunity), "nieuwbouw Parkrand 2027");
    assert_eq!(s.context.get(ContextAspect::Environment), "woningnood");
    let p = party(&mut s, "De Linde");
    let f = PartyFields {
        organisation: "Zorggroep De Linde".into(),
        representative: "Pieter".into(),
        role: "regiomanager".into(),
        wants: "voorrang bij toewijzing".into(),
        offers: "24/7 team".into(),
    };
    s.update_party(&p, &f, t0()).unwrap();
    let party = s.party(&p).unwrap();
    assert_eq!((party.wants.as_str(), party.offers.as_str()), ("voorrang bij toewijzing", "24/7 team"));
}

#[test]
fn latest_temperature_is_by_time() {
    let mut s = session();
    s.record_temperature(Temperature::Onenigheid, "wie betaalt", at("2026-04-09T10:00:00+02:00"));
    s.record_temperature(Temperature::Vriendschappelijk, "", at("2026-04-09T12:00:00+02:00"));
    assert_eq!(s.latest_temperature().unwrap().level, Temperature::Vriendschappelijk);
}

#[test]
fn problems_name_the_field_path() {
    let mut s = session();
    let p = party(&mut s, "A");
    s.add_interest(&p, InterestKind::Organisatie, "x", t0()).unwrap();
    s.interests[0].party = "ghost".into();
    s.phase = Phase::Uitvoeren;
    let mut a = agreement("x");
    a.parties = vec![p.clone()];
    s.add_agreement(&a, t0()).unwrap();
    s.agreements[0].parties.push("ghost2".into());
    s.agreements[0].id = p.clone();
    let paths: Vec<String> = s.problems().into_iter().map(|p| p.path).collect();
    assert_eq!(paths, vec!["phase", "interests[0].party", "agreements[0].id", "agreements[0].parties[1]"]);
}

#[test]
fn last_reflections_are_those_of_the_phase_last_reflected_in() {
    let mut s = session();
    s.add_reflection(None, "Wie ontbreekt?", "Huurders", t0()).unwrap();
    s.move_to_phase(Phase::Delen, None, at("2026-03-12T10:05:00+01:00")).unwrap();
    s.add_reflection(None, "Wat delen we?", "Een taal", at("2026-03-12T10:10:00+01:00")).unwrap();
    s.move_to_phase(Phase::Overeenkomen, None, at("2026-03-12T10:15:00+01:00")).unwrap();
    let last: Vec<_> = s.last_reflections().map(|r| r.answer.as_str()).collect();
    assert_eq!(last, ["Een taal"], "not the phase the meeting ended in, which has none");
}
