//! The basic-form chooser pane driven by actions alone, as a facilitator
//! runs the grondvorm conversation in phase 3: each party's answers, the
//! mismatch, the chosen form, key questions answered and turned into
//! agreements through the normal agreement path; reasons and motives
//! ticked; the design principles; deleting and undoing; search hits; a
//! recovered draft.

#[path = "../examples/demo_session.rs"]
#[allow(dead_code)]
mod demo;

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate};
use kompas::app::*;
use kompas::domain::grondvorm::{Dilemma, Motive, Pole, Reason};
use kompas::domain::*;
use kompas::export::{Format, export};
use kompas::i18n::Lang;
use kompas::panes::Focus;
use kompas::panes::grondvorm::{self as gv, Grondvorm as Pane, Row, Tick};
use ratatui_textarea::{Input, Key};

fn now() -> Timestamp {
    DateTime::parse_from_rfc3339("2026-05-20T10:30:00+02:00").unwrap()
}

/// Meeting 3 as it starts: phase 3, the parties of the scenario, nothing of
/// the chooser yet.
fn meeting3_start() -> Session {
    let m2 = demo::meeting2();
    let mut s = m2.follow_up("m3".into(), "m2.json", NaiveDate::from_ymd_opt(2026, 5, 20).unwrap(), now());
    s.move_to_phase(Phase::Overeenkomen, None, now()).unwrap();
    s
}

fn open(session: Session, access: Access) -> AppState {
    let mut state = AppState::new(Lang::Nl, PathBuf::from("sessions"), now().date_naive());
    update(&mut state, Action::Resize(120, 35), now());
    let opened = OpenedSession {
        session: session.into(),
        path: PathBuf::from("sessions/m3.json"),
        access,
        draft: None,
        previous: None,
    };
    update(&mut state, Action::SessionOpened(Box::new(opened)), now());
    state.session_mut().unwrap().show::<Pane>();
    state
}

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

fn pane(state: &AppState) -> &gv::State {
    state.session().unwrap().local::<Pane>()
}

/// Put the cursor on `row`.
fn go(state: &mut AppState, row: Row) {
    let at = pane(state).rows.iter().position(|r| *r == row).unwrap_or_else(|| panic!("no row {row:?}"));
    send(state, [Action::Home]);
    send(state, std::iter::repeat_n(Action::Down, at));
    assert_eq!(pane(state).selected(), Some(row));
}

/// A party answers: Right on the intention `intentie` times (open →
/// verbeteren → vernieuwen), then the nature, then a note.
fn answer(state: &mut AppState, party: usize, intentie: usize, aard: usize, note: &str) -> Vec<Effect> {
    go(state, Row::Party(party));
    let mut actions = vec![Action::Activate];
    actions.extend(std::iter::repeat_n(key(Key::Right), intentie));
    actions.push(Action::FormNextField);
    actions.extend(std::iter::repeat_n(key(Key::Right), aard));
    actions.push(Action::FormNextField);
    actions.extend(typing(note));
    actions.push(Action::FormSubmit);
    send(state, actions)
}

#[test]
fn the_grondvorm_conversation_in_phase_3_ends_in_agreements() {
    let mut state = open(meeting3_start(), Access::Edit);
    assert_eq!(state.session().unwrap().pane_id(), "grondvorm");
    assert_eq!(pane(&state).rows[0], Row::Heading(gv::Section::Questions));

    // Each party answers the two questions; Woonstede sees renewal.
    assert_eq!(answer(&mut state, 0, 1, 2, "slimmer regelen"), vec![Effect::Save]);
    assert_eq!(answer(&mut state, 1, 2, 2, "ziet vernieuwen"), vec![Effect::Save]);
    assert_eq!(answer(&mut state, 2, 1, 2, ""), vec![Effect::Save]);
    assert!(state.form.is_none());
    let forms: Vec<Grondvorm> = s(&state).party_forms().map(|(_, f)| f).collect();
    assert_eq!(forms, [Grondvorm::Functioneel, Grondvorm::Ondernemend, Grondvorm::Functioneel]);
    let woonstede = s(&state).parties[1].grondvorm.clone().unwrap();
    assert_eq!((woonstede.intentie, woonstede.aard), (Some(Intentie::Vernieuwen), Some(Aard::Delen)));
    assert_eq!((woonstede.note.as_str(), woonstede.phase), ("ziet vernieuwen", Phase::Overeenkomen));
    // The mismatch shows as a row, on the tab and in the summary.
    assert!(pane(&state).rows.contains(&Row::Mismatch));
    assert!(pane(&state).mismatch.is_some());
    assert_eq!(state.session().unwrap().active().tab(state.session().unwrap(), Lang::Nl), "⚠ 0/15");
    // The cursor stayed on the party that answered last.
    assert_eq!(pane(&state).selected(), Some(Row::Party(2)));

    // The table settles on the form most parties point to, with a rationale.
    send(&mut state, [Action::Pane(gv::CHOOSE)]);
    let form = state.form.as_ref().expect("the choice form");
    assert!(matches!(form.choice("form"), Some(Choice::Item { id: "functioneel", .. })));
    let mut actions = vec![Action::FormNextField];
    actions.extend(typing("eerst de basis; vernieuwen apart"));
    actions.push(Action::FormSubmit);
    assert_eq!(send(&mut state, actions), vec![Effect::Save]);
    let choice = s(&state).grondvorm.choice.clone().unwrap();
    assert_eq!((choice.form, choice.phase), (Grondvorm::Functioneel, Phase::Overeenkomen));
    assert_eq!(choice.rationale, "eerst de basis; vernieuwen apart");
    assert_eq!(pane(&state).selected(), Some(Row::Choice));

    // A key question: the answer first, then `a` makes it an agreement.
    go(&mut state, Row::Key(KeyQuestion::Huishouding));
    send(&mut state, [Action::Pane(gv::KEY_AGREEMENT)]);
    assert!(state.form.is_none(), "no agreement without an answer");
    let mut actions = vec![Action::Activate];
    actions.extend(typing("gezamenlijk fonds, bijdrage naar rato"));
    actions.push(Action::FormSubmit);
    assert_eq!(send(&mut state, actions), vec![Effect::Save]);
    assert_eq!(s(&state).key_questions_answered(), 1);
    assert_eq!(pane(&state).answered, 1);

    send(&mut state, [Action::Pane(gv::KEY_AGREEMENT)]);
    let form = state.form.as_ref().expect("the agreement form");
    assert_eq!(form.text("text"), "gezamenlijk fonds, bijdrage naar rato");
    // Owner: the municipality; a due date; the rest as the normal form has it.
    let mut actions = vec![Action::FormNextField, key(Key::Right), Action::FormNextField];
    actions.extend(typing("1-7-2026"));
    actions.push(Action::FormSubmit);
    assert_eq!(send(&mut state, actions), vec![Effect::Save]);
    let made: Vec<&Agreement> = s(&state).key_question_agreements(KeyQuestion::Huishouding).collect();
    assert_eq!(made.len(), 1);
    let a = made[0].clone();
    assert_eq!(a.owner.as_deref(), Some(s(&state).parties[0].id.as_str()));
    assert_eq!(a.due, NaiveDate::from_ymd_opt(2026, 7, 1));
    assert_eq!((a.phase, a.status), (Phase::Overeenkomen, AgreementStatus::Proposed));
    // It stays in view here, and it is in the agreement log too.
    assert_eq!(state.session().unwrap().pane_id(), "grondvorm");
    assert_eq!(pane(&state).selected(), Some(Row::Key(KeyQuestion::Huishouding)));
    let index = s(&state).agreement_index(&a.id).unwrap();
    assert_eq!(pane(&state).key_agreements[KeyQuestion::Huishouding.index()], [index]);
    let log = state.session().unwrap().local::<Agreements>();
    assert!(s(&state).agreements.iter().any(|x| x.id == a.id));
    assert_eq!(log.open, s(&state).open_agreements().count(), "the log counts it");
    let at = s(&state).agreement_index(&a.id).unwrap();
    assert!(AgreementFilter::All.admits(&s(&state).agreements[at]));
    assert_eq!(state.notice.as_ref().unwrap().text, NoticeText::Msg(gv::M::AgreementMade));

    // The minutes and the CSV carry all of it; the next meeting carries on.
    let md = export(s(&state), Format::Markdown, Lang::Nl, now().date_naive());
    assert!(md.contains("Functioneel (verbeteren + delen)") && md.contains("1 van 15 beantwoord"));
    assert!(md.contains("gezamenlijk fonds, bijdrage naar rato (voorstel)"));
    let csv = export(s(&state), Format::Csv, Lang::Nl, now().date_naive());
    assert!(csv.contains("gezamenlijk fonds, bijdrage naar rato;voorstel") || csv.contains(";Huishouding"));
    let next =
        s(&state).follow_up("m4".into(), "m3.json", NaiveDate::from_ymd_opt(2026, 6, 10).unwrap(), now());
    assert_eq!(next.key_question_agreements(KeyQuestion::Huishouding).count(), 1);
    assert_eq!(next.chosen_form(), Some(Grondvorm::Functioneel));
}

#[test]
fn the_chooser_opens_on_a_row_enter_acts_on_and_enter_on_a_heading_goes_below_it() {
    let mut state = open(meeting3_start(), Access::Edit);
    // Opened below the first heading, on the first party's answers.
    assert_eq!(pane(&state).selected(), Some(Row::Party(0)));
    send(&mut state, [Action::Activate]);
    assert!(state.form.is_some(), "Enter on the first row opens the party's form");
    send(&mut state, [Action::FormCancel]);
    // Enter on a heading or a group heading: to the first row under it.
    go(&mut state, Row::Heading(gv::Section::KeyQuestions));
    send(&mut state, [Action::Activate]);
    assert!(matches!(pane(&state).selected(), Some(Row::Key(_))), "{:?}", pane(&state).selected());
    assert!(state.form.is_none());
    go(&mut state, Row::Heading(gv::Section::Dilemmas));
    send(&mut state, [Action::Activate]);
    assert!(matches!(pane(&state).selected(), Some(Row::Dilemma(_))));
}

#[test]
fn reasons_and_motives_are_ticked_in_the_unfolded_party() {
    let mut state = open(meeting3_start(), Access::Edit);
    let before = s(&state).parties[1].motives.clone();
    go(&mut state, Row::Motives(1));
    send(&mut state, [Action::Activate]);
    assert_eq!(pane(&state).unfolded.as_deref(), Some(s(&state).parties[1].id.as_str()));
    go(&mut state, Row::Tick(Tick::Motive(Motive::Affectief)));
    assert_eq!(send(&mut state, [Action::Pane(gv::TICK)]), vec![Effect::Save]);
    assert!(s(&state).parties[1].motives.contains(&Motive::Affectief));
    go(&mut state, Row::Tick(Tick::Reason(Reason::Schaalvoordelen)));
    // Enter ticks as well.
    assert_eq!(send(&mut state, [Action::Activate]), vec![Effect::Save]);
    assert!(s(&state).parties[1].reasons.contains(&Reason::Schaalvoordelen));
    send(&mut state, [Action::Pane(gv::TICK)]);
    assert!(!s(&state).parties[1].reasons.contains(&Reason::Schaalvoordelen));
    assert_eq!(s(&state).parties[1].motives.len(), before.len() + 1);
    // Space elsewhere ticks nothing; folding closes the list.
    go(&mut state, Row::Motives(1));
    assert!(send(&mut state, [Action::Pane(gv::TICK)]).is_empty());
    send(&mut state, [Action::Activate]);
    assert_eq!(pane(&state).unfolded, None);
    assert!(!pane(&state).rows.iter().any(|r| matches!(r, Row::Tick(_))));
}

#[test]
fn a_dilemma_pole_is_chosen_with_a_reason() {
    let mut state = open(meeting3_start(), Access::Edit);
    go(&mut state, Row::Dilemma(Dilemma::Volgorde));
    let mut actions = vec![Action::Activate, key(Key::Right), Action::FormNextField];
    actions.extend(typing("in rondes, elke keer scherper"));
    actions.push(Action::FormSubmit);
    assert_eq!(send(&mut state, actions), vec![Effect::Save]);
    let c = &s(&state).ambition.dilemmas[&Dilemma::Volgorde];
    assert_eq!(
        (c.pole, c.reason.as_str(), c.phase),
        (Pole::Iteratief, "in rondes, elke keer scherper", Phase::Overeenkomen)
    );
    // The meeting 2 choice of `ontwikkelen` is there to change.
    go(&mut state, Row::Dilemma(Dilemma::OntwerpenOntwikkelen));
    send(&mut state, [Action::Activate, key(Key::Left), Action::FormSubmit]);
    assert_eq!(s(&state).ambition.dilemmas[&Dilemma::OntwerpenOntwikkelen].pole, Pole::Ontwerpen);
}

#[test]
fn what_is_cleared_with_d_comes_back_with_u() {
    let mut state = open(demo::meeting3(), Access::Edit);
    let before = s(&state).clone();
    for row in [Row::Party(1), Row::Choice, Row::Key(KeyQuestion::Rolverdeling), Row::Dilemma(Dilemma::Tempo)]
    {
        go(&mut state, row);
        assert_eq!(send(&mut state, [Action::DeleteSelected]), vec![Effect::Save], "{row:?}");
    }
    assert!(s(&state).parties[1].grondvorm.is_none() && s(&state).grondvorm.choice.is_none());
    assert_eq!(s(&state).key_questions_answered(), 4);
    assert!(!s(&state).ambition.dilemmas.contains_key(&Dilemma::Tempo));
    // The agreement made from the key question stays an agreement.
    assert_eq!(s(&state).key_question_agreements(KeyQuestion::Rolverdeling).count(), 1);
    // Nothing to clear: nothing happens.
    go(&mut state, Row::Choice);
    assert!(send(&mut state, [Action::DeleteSelected]).is_empty());
    send(&mut state, [Action::Undo, Action::Undo, Action::Undo, Action::Undo]);
    let mut after = s(&state).clone();
    after.updated_at = before.updated_at;
    for p in after.parties.iter_mut().zip(&before.parties) {
        p.0.updated_at = p.1.updated_at;
    }
    assert_eq!(after, before);
}

#[test]
fn the_design_principles_show_the_chosen_form_and_the_four_side_by_side() {
    let mut state = open(demo::meeting3(), Access::Edit);
    send(&mut state, [Action::Pane(gv::PRINCIPLES)]);
    let p = pane(&state).principles.expect("the box is open");
    assert_eq!((p.form, p.four), (Grondvorm::Functioneel, false));
    assert!(state.session().unwrap().active().overlay(state.session().unwrap()));
    // Keys go to the box: its own and scrolling; the pane's are not bound.
    let ev = |c| ratatui::crossterm::event::KeyEvent::from(c);
    use ratatui::crossterm::event::KeyCode;
    assert_eq!(
        kompas::keymap::action_for(&state, &ev(KeyCode::Char('4'))),
        Some(Action::Pane(gv::FOUR_FORMS))
    );
    assert_eq!(kompas::keymap::action_for(&state, &ev(KeyCode::Char('c'))), None);
    assert_eq!(kompas::keymap::action_for(&state, &ev(KeyCode::Esc)), Some(Action::CloseOverlay));
    send(&mut state, [Action::Pane(gv::OTHER_FORM_NEXT)]);
    assert_eq!(pane(&state).principles.unwrap().form, Grondvorm::Ondernemend);
    send(&mut state, [Action::Pane(gv::OTHER_FORM_PREV), Action::Pane(gv::OTHER_FORM_PREV)]);
    assert_eq!(pane(&state).principles.unwrap().form, Grondvorm::Transactioneel);
    send(&mut state, [Action::Pane(gv::FOUR_FORMS), Action::Down, Action::Down]);
    let p = pane(&state).principles.unwrap();
    assert!(p.four && p.scroll.0 == 2);
    send(&mut state, [Action::CloseOverlay]);
    assert!(pane(&state).principles.is_none());
    // With no form chosen it opens on the four side by side.
    let mut state = open(meeting3_start(), Access::Edit);
    send(&mut state, [Action::Pane(gv::PRINCIPLES)]);
    assert!(pane(&state).principles.unwrap().four);
}

#[test]
fn a_search_hit_opens_the_chooser_on_its_row() {
    let mut state = open(demo::meeting3(), Access::Edit);
    state.session_mut().unwrap().pane = 0;
    for (id, row) in [
        ("kv_huishouding", Row::Key(KeyQuestion::Huishouding)),
        ("grondvorm", Row::Choice),
        ("tempo", Row::Dilemma(Dilemma::Tempo)),
    ] {
        assert!(state.focus(TextKind::Grondvorm, id, Focus::Reveal), "{id}");
        assert_eq!(state.session().unwrap().pane_id(), "grondvorm");
        assert_eq!(pane(&state).selected(), Some(row));
    }
    let woonstede = s(&state).parties[1].id.clone();
    assert!(state.focus(TextKind::Grondvorm, &woonstede, Focus::Reveal));
    assert_eq!(pane(&state).selected(), Some(Row::Party(1)));
    // Texts of the chooser are found by the library's search.
    let texts = s(&state).texts();
    assert!(texts.iter().any(|t| t.kind == TextKind::Grondvorm && t.text.contains("Parkrand")));
}

#[test]
fn a_recovered_draft_of_a_key_answer_is_brought_back() {
    let mut state = open(demo::meeting3(), Access::Edit);
    go(&mut state, Row::Key(KeyQuestion::Ict));
    let mut actions = vec![Action::Activate];
    actions.extend(typing("één dossier per hui"));
    send(&mut state, actions);
    let draft = state.form.as_ref().unwrap().to_draft();
    let session = s(&state).clone();

    let mut state = AppState::new(Lang::Nl, PathBuf::from("sessions"), now().date_naive());
    let opened = OpenedSession {
        session: session.into(),
        path: PathBuf::from("x.json"),
        access: Access::Edit,
        draft: Some(draft),
        previous: None,
    };
    update(&mut state, Action::SessionOpened(Box::new(opened)), now());
    assert_eq!(state.form.as_ref().expect("the draft is offered").text("answer"), "één dossier per hui");
    let mut actions = typing("shouden");
    actions.push(Action::FormSubmit);
    assert_eq!(send(&mut state, actions), vec![Effect::Save]);
    assert_eq!(s(&state).grondvorm.key_questions[&KeyQuestion::Ict].answer, "één dossier per huishouden");
}

#[test]
fn a_read_only_session_shows_the_chooser_but_takes_no_change() {
    let mut state = open(demo::meeting3(), Access::Review);
    let before = s(&state).clone();
    go(&mut state, Row::Party(1));
    for a in [Action::Activate, Action::Pane(gv::CHOOSE), Action::DeleteSelected, Action::Pane(gv::TICK)] {
        assert!(send(&mut state, [a.clone()]).is_empty(), "{a:?}");
        assert!(state.form.is_none(), "{a:?}");
    }
    assert_eq!(s(&state), &before);
    // Looking is allowed.
    send(&mut state, [Action::Pane(gv::PRINCIPLES)]);
    assert!(pane(&state).principles.is_some());
}

#[path = "../benches/common.rs"]
mod bench_common;

/// The budget gate's chooser keystroke does what it says on the generated
/// large session: the scroll moves through the key questions.
#[test]
fn the_budget_scenarios_of_the_chooser_measure_what_they_name() {
    let large = kompas::generate::session(kompas::generate::Size::LARGE, 1);
    for (what, setup, pair) in bench_common::scenarios() {
        let mut state = bench_common::app(large.clone(), 200, 50);
        for a in setup {
            update(&mut state, a, bench_common::now());
        }
        if what == "scroll the chooser" {
            assert_eq!(state.session().unwrap().pane_id(), "grondvorm");
            update(&mut state, pair[0].clone(), bench_common::now());
            assert!(matches!(pane(&state).selected(), Some(Row::Key(_) | Row::KeyGroup(_))), "{what}");
        }
    }
}

#[test]
fn a_form_that_differs_from_an_earlier_meetings_is_flagged() {
    let mut state = open(demo::meeting3(), Access::Edit);
    assert!(pane(&state).earlier_other.is_empty(), "until the chain is read");
    // An earlier meeting of the chain chose the exploratory form.
    let mut m2 = demo::meeting2();
    m2.choose_form(Grondvorm::Verkennend, "eerst verkennen", now());
    let path = state.session().unwrap().path.clone();
    let chain: std::sync::Arc<[Session]> = vec![demo::meeting1(), m2.clone()].into();
    send(&mut state, [Action::ChainLoaded { path, chain }]);
    assert_eq!(pane(&state).earlier_other, [(m2.meeting_date, Grondvorm::Verkennend)]);
    // Choosing that form now settles it.
    send(&mut state, [Action::Pane(gv::CHOOSE), key(Key::Right), key(Key::Right), Action::FormSubmit]);
    assert_eq!(s(&state).chosen_form(), Some(Grondvorm::Verkennend));
    assert!(pane(&state).earlier_other.is_empty());
}
