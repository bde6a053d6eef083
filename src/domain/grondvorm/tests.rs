//! The chooser's rules, exercised on a session in memory.

use chrono::{DateTime, NaiveDate};

use super::*;
use crate::domain::{AgreementFields, AgreementStatus, DomainError, PartyFields, Session, TextKind};

fn at(s: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn t(minute: u32) -> Timestamp {
    at(&format!("2026-05-20T10:{minute:02}:00+02:00"))
}

/// The telecom case of the sources: one relationship, two forms.
fn telecom() -> (Session, String, String) {
    let mut s =
        Session::new("s".into(), "Uitbesteding ICT", NaiveDate::from_ymd_opt(2026, 5, 20).unwrap(), "", t(0))
            .unwrap();
    let party = |name: &str| PartyFields { organisation: name.into(), ..Default::default() };
    let telecom = s.add_party(&party("Telecombedrijf"), t(1)).unwrap();
    let provider = s.add_party(&party("ICT-leverancier"), t(2)).unwrap();
    s.move_to_phase(Phase::Overeenkomen, None, t(3)).unwrap();
    s.set_party_form(&telecom, Some(Intentie::Verbeteren), Some(Aard::Delen), "uitbesteden", t(4)).unwrap();
    s.set_party_form(&provider, Some(Intentie::Vernieuwen), Some(Aard::Delen), "strategisch partner", t(5))
        .unwrap();
    (s, telecom, provider)
}

fn fields(text: &str, owner: &str) -> AgreementFields {
    AgreementFields {
        text: text.into(),
        owner: Some(owner.into()),
        parties: vec![owner.into()],
        due: NaiveDate::from_ymd_opt(2026, 6, 30),
        status: AgreementStatus::Agreed,
        phase_result: false,
    }
}

#[test]
fn each_partys_answers_point_to_a_form_and_the_telecom_case_is_a_mismatch() {
    let (s, telecom, provider) = telecom();
    let forms: Vec<(&str, Grondvorm)> = s.party_forms().map(|(p, f)| (p.id.as_str(), f)).collect();
    assert_eq!(
        forms,
        [(telecom.as_str(), Grondvorm::Functioneel), (provider.as_str(), Grondvorm::Ondernemend)]
    );
    let m = s.form_mismatch().expect("form_mismatch");
    assert_eq!(
        m.forms,
        vec![
            (Grondvorm::Functioneel, vec![telecom.clone()]),
            (Grondvorm::Ondernemend, vec![provider.clone()])
        ]
    );
    let f = s.party(&telecom).unwrap().grondvorm.as_ref().unwrap();
    assert_eq!((f.phase, f.note.as_str(), f.updated_at), (Phase::Overeenkomen, "uitbesteden", t(4)));
}

#[test]
fn agreeing_parties_and_open_answers_are_no_mismatch() {
    let (mut s, telecom, provider) = telecom();
    s.set_party_form(&provider, Some(Intentie::Verbeteren), Some(Aard::Delen), "", t(6)).unwrap();
    assert_eq!(s.form_mismatch(), None);
    assert_eq!(s.distinct_party_forms(), [Grondvorm::Functioneel]);
    // Half an answer points nowhere yet.
    s.set_party_form(&provider, Some(Intentie::Vernieuwen), None, "twijfelt", t(7)).unwrap();
    assert_eq!(s.party(&provider).unwrap().grondvorm.as_ref().unwrap().form(), None);
    assert_eq!(s.form_mismatch(), None);
    // Nothing left: the record goes; a party that is not there is refused.
    s.set_party_form(&telecom, None, None, "  ", t(8)).unwrap();
    assert_eq!(s.party(&telecom).unwrap().grondvorm, None);
    assert!(s.set_party_form("p-none", None, Some(Aard::Delen), "", t(9)).is_err());
}

#[test]
fn the_first_phase_of_an_answer_is_kept_when_it_changes() {
    let (mut s, telecom, _) = telecom();
    s.move_to_phase(Phase::Vormgeven, None, t(10)).unwrap();
    s.set_party_form(&telecom, Some(Intentie::Vernieuwen), Some(Aard::Delen), "toch", t(11)).unwrap();
    let f = s.party(&telecom).unwrap().grondvorm.clone().unwrap();
    assert_eq!((f.phase, f.updated_at, f.form()), (Phase::Overeenkomen, t(11), Some(Grondvorm::Ondernemend)));
}

#[test]
fn the_chosen_form_records_rationale_and_phase_and_can_be_undone() {
    let (mut s, telecom, _) = telecom();
    s.choose_form(Grondvorm::Functioneel, "  eerst de dienst op orde ", t(12));
    let c = s.grondvorm.choice.clone().unwrap();
    assert_eq!(
        (c.form, c.rationale.as_str(), c.phase, c.at),
        (Grondvorm::Functioneel, "eerst de dienst op orde", Phase::Overeenkomen, t(12))
    );
    assert_eq!(s.chosen_form(), Some(Grondvorm::Functioneel));
    let removed = s.remove_form_choice(t(13)).unwrap();
    assert_eq!(s.chosen_form(), None);
    assert!(s.remove_form_choice(t(13)).is_err());
    s.restore(removed, t(14));
    assert_eq!(s.grondvorm.choice, Some(c));
    let removed = s.remove_party_form(&telecom, t(15)).unwrap();
    assert_eq!(s.party(&telecom).unwrap().grondvorm, None);
    s.restore(removed, t(16));
    assert_eq!(s.party(&telecom).unwrap().grondvorm.as_ref().unwrap().form(), Some(Grondvorm::Functioneel));
}

#[test]
fn key_answers_are_counted_kept_and_restored() {
    let (mut s, _, _) = telecom();
    assert_eq!(s.key_questions_answered(), 0);
    assert_eq!(s.set_key_answer(KeyQuestion::Huishouding, "  ", t(20)), Err(DomainError::Empty("answer")));
    s.set_key_answer(KeyQuestion::Huishouding, "betalen per geleverde dienst", t(20)).unwrap();
    s.set_key_answer(KeyQuestion::Ict, "koppeling één op één", t(21)).unwrap();
    s.move_to_phase(Phase::Vormgeven, None, t(22)).unwrap();
    s.set_key_answer(KeyQuestion::Huishouding, "betalen per dienst, jaarlijks herzien", t(23)).unwrap();
    assert_eq!(s.key_questions_answered(), 2);
    let a = s.grondvorm.key_questions[&KeyQuestion::Huishouding].clone();
    assert_eq!((a.phase, a.created_at, a.updated_at), (Phase::Overeenkomen, t(20), t(23)));
    assert_eq!(a.answer, "betalen per dienst, jaarlijks herzien");
    let removed = s.remove_key_answer(KeyQuestion::Ict, t(24)).unwrap();
    assert_eq!(s.key_questions_answered(), 1);
    s.restore(removed, t(25));
    assert_eq!(s.key_questions_answered(), 2);
    assert!(s.remove_key_answer(KeyQuestion::Gedrag, t(26)).is_err());
}

#[test]
fn a_key_question_becomes_a_normal_agreement_that_carries_over() {
    let (mut s, telecom, _) = telecom();
    s.set_key_answer(KeyQuestion::Contractering, "een SLA, los van productontwikkeling", t(30)).unwrap();
    let id = s
        .add_key_question_agreement(KeyQuestion::Contractering, &fields("SLA opstellen", &telecom), t(31))
        .unwrap();
    let a = &s.agreements[s.agreement_index(&id).unwrap()];
    assert_eq!(a.key_question, Some(KeyQuestion::Contractering));
    assert_eq!(
        (a.phase, a.owner.as_deref(), a.due),
        (Phase::Overeenkomen, Some(telecom.as_str()), NaiveDate::from_ymd_opt(2026, 6, 30))
    );
    assert_eq!(s.key_question_agreements(KeyQuestion::Contractering).count(), 1);
    assert_eq!(s.key_question_agreements(KeyQuestion::Ict).count(), 0);
    // An edit through the normal path keeps the link.
    let mut f = fields("SLA opstellen en tekenen", &telecom);
    f.status = AgreementStatus::Proposed;
    s.update_agreement(&id, &f, t(32)).unwrap();
    assert_eq!(s.agreements[0].key_question, Some(KeyQuestion::Contractering));
    // Bad fields are refused as for any agreement.
    assert!(s.add_key_question_agreement(KeyQuestion::Ict, &fields("x", "p-none"), t(33)).is_err());
    assert_eq!(s.agreements.len(), 1);

    let next = s.follow_up("s2".into(), "s.json", NaiveDate::from_ymd_opt(2026, 6, 10).unwrap(), t(40));
    assert_eq!(next.key_question_agreements(KeyQuestion::Contractering).count(), 1);
    assert_eq!(next.agreements[0].origin.as_ref().unwrap().session, "s");
}

#[test]
fn reasons_and_motives_toggle_on_the_party_and_survive_its_undo() {
    let (mut s, telecom, _) = telecom();
    assert!(s.toggle_reason(&telecom, Reason::Schaalvoordelen, t(40)).unwrap());
    assert!(s.toggle_reason(&telecom, Reason::OndersteunendeDiensten, t(40)).unwrap());
    assert!(s.toggle_motive(&telecom, Motive::Instrumenteel, t(40)).unwrap());
    assert!(!s.toggle_reason(&telecom, Reason::Schaalvoordelen, t(41)).unwrap());
    let p = s.party(&telecom).unwrap();
    assert_eq!(p.reasons.iter().copied().collect::<Vec<_>>(), [Reason::OndersteunendeDiensten]);
    assert_eq!(p.motives.iter().copied().collect::<Vec<_>>(), [Motive::Instrumenteel]);
    assert_eq!(p.updated_at, t(41));
    assert!(s.toggle_motive("p-none", Motive::Moreel, t(42)).is_err());
    let before = s.party(&telecom).unwrap().clone();
    let removed = s.remove_party(&telecom, t(43)).unwrap();
    s.restore(removed, t(44));
    assert_eq!(s.party(&telecom).unwrap(), &before);
}

#[test]
fn dilemmas_keep_one_pole_each_and_a_pole_of_another_dilemma_is_a_problem() {
    let (mut s, _, _) = telecom();
    s.choose_pole(Pole::Ontwikkelen, "we weten het antwoord nog niet", t(50));
    s.choose_pole(Pole::Hoog, "", t(51));
    s.choose_pole(Pole::Ontwerpen, "nu we het eens zijn", t(52));
    assert_eq!(s.ambition.dilemmas.len(), 2);
    let c = &s.ambition.dilemmas[&Dilemma::OntwerpenOntwikkelen];
    assert_eq!(
        (c.pole, c.reason.as_str(), c.phase, c.updated_at),
        (Pole::Ontwerpen, "nu we het eens zijn", Phase::Overeenkomen, t(52))
    );
    let removed = s.remove_dilemma(Dilemma::Tempo, t(53)).unwrap();
    assert!(!s.ambition.dilemmas.contains_key(&Dilemma::Tempo));
    s.restore(removed, t(54));
    assert_eq!(s.ambition.dilemmas[&Dilemma::Tempo].pole, Pole::Hoog);
    assert!(s.problems().is_empty());

    s.ambition.dilemmas.get_mut(&Dilemma::Tempo).unwrap().pole = Pole::Veel;
    let problems = s.problems();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "ambition.dilemmas.tempo.pole");
}

#[test]
fn a_follow_up_starts_from_the_form_the_key_answers_and_the_dilemmas() {
    let (mut s, telecom, _) = telecom();
    s.choose_form(Grondvorm::Functioneel, "dienst eerst", t(55));
    s.set_key_answer(KeyQuestion::Ict, "koppelen", t(56)).unwrap();
    s.choose_pole(Pole::Laag, "tijd voor vertrouwen", t(57));
    s.toggle_motive(&telecom, Motive::Moreel, t(58)).unwrap();
    let next = s.follow_up("s2".into(), "s.json", NaiveDate::from_ymd_opt(2026, 6, 10).unwrap(), t(59));
    assert_eq!(next.grondvorm, s.grondvorm);
    assert_eq!(next.ambition.dilemmas, s.ambition.dilemmas);
    assert_eq!(next.parties, s.parties);
    assert!(next.form_mismatch().is_some());
}

#[test]
fn summaries_and_the_portfolio_see_the_form_and_every_mix() {
    let (mut s, _, provider) = telecom();
    let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    s.choose_form(Grondvorm::Functioneel, "", t(0));
    let first = s.summary(day(6, 1));
    assert_eq!(first.form, Some(Grondvorm::Functioneel));
    assert_eq!(first.party_forms, [Grondvorm::Functioneel, Grondvorm::Ondernemend]);

    let mut next = s.follow_up("s2".into(), "s.json", day(6, 10), t(1));
    next.set_party_form(&provider, Some(Intentie::Verbeteren), Some(Aard::Delen), "", t(2)).unwrap();
    let second = next.summary(day(6, 11));
    assert_eq!(second.party_forms, [Grondvorm::Functioneel]);
    let c = collaboration_form([&second, &first]);
    assert_eq!(
        c,
        CollaborationForm { form: Some(Grondvorm::Functioneel), meetings_mix: false, parties_mix: false }
    );
    assert!(!c.mixed());
    // The latest meeting's parties mixing is flagged; an earlier mix that
    // was settled is not.
    assert!(collaboration_form([&first]).parties_mix);

    next.choose_form(Grondvorm::Ondernemend, "toch samen ondernemen", t(3));
    let third = next.summary(day(6, 11));
    let c = collaboration_form([&first, &third]);
    assert_eq!((c.form, c.meetings_mix, c.mixed()), (Some(Grondvorm::Ondernemend), true, true));
    assert_eq!(collaboration_form([]), CollaborationForm::default());
}

#[test]
fn the_forms_chosen_earlier_in_a_chain_come_in_date_order() {
    let (mut first, _, _) = telecom();
    first.choose_form(Grondvorm::Verkennend, "", t(0));
    let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    let mut second = first.follow_up("s2".into(), "s.json", day(6, 10), t(1));
    second.choose_form(Grondvorm::Functioneel, "", t(2));
    let third = second.follow_up("s3".into(), "s2.json", day(7, 1), t(3));
    let mut none = third.clone();
    none.grondvorm.choice = None;
    assert_eq!(
        chosen_in(&[second.clone(), none, first.clone()]),
        [(first.meeting_date, Grondvorm::Verkennend), (day(6, 10), Grondvorm::Functioneel)]
    );
    assert!(chosen_in(&[]).is_empty());
}

#[test]
fn a_session_without_the_chooser_writes_none_of_its_fields() {
    let mut s =
        Session::new("s".into(), "T", NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), "", t(0)).unwrap();
    let p = s.add_party(&PartyFields { organisation: "A".into(), ..Default::default() }, t(1)).unwrap();
    s.add_agreement(&fields("x", &p), t(2)).unwrap();
    let json = serde_json::to_string(&s).unwrap();
    for key in ["grondvorm", "reasons", "motives", "key_question", "dilemmas"] {
        assert!(!json.contains(key), "{key} written: {json}");
    }
    let (full, _, _) = telecom();
    let back: Session = serde_json::from_str(&serde_json::to_string(&full).unwrap()).unwrap();
    assert_eq!(back, full);
}

#[test]
fn the_chooser_texts_are_searchable() {
    let (mut s, telecom, _) = telecom();
    s.choose_form(Grondvorm::Functioneel, "dienst eerst op orde", t(0));
    s.set_key_answer(KeyQuestion::Ict, "één-op-één koppelen", t(1)).unwrap();
    s.choose_pole(Pole::Hoog, "wethouder wil resultaat", t(2));
    let texts = s.texts();
    let find = |needle: &str| texts.iter().find(|x| x.text == needle).map(|x| (x.kind, x.item.clone()));
    assert_eq!(find("uitbesteden"), Some((TextKind::Grondvorm, telecom)));
    assert_eq!(find("dienst eerst op orde"), Some((TextKind::Grondvorm, "grondvorm".into())));
    assert_eq!(find("één-op-één koppelen"), Some((TextKind::Grondvorm, "kv_ict".into())));
    assert_eq!(find("wethouder wil resultaat"), Some((TextKind::Grondvorm, "tempo".into())));
}
