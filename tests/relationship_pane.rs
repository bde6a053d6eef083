//! The relationship pane (issue 10) without a terminal: update sequences a
//! facilitator performs (take the temperature, tick interventions as tried,
//! score the five conditions for the room and per party, record the trust
//! stage, undo a removal), and what the screen shows, as insta snapshots in
//! Dutch and English at 80x24 and 120x35, with the trend over the chain.

#[path = "../examples/demo_session.rs"]
#[allow(dead_code)]
mod demo;

use std::path::PathBuf;
use std::sync::Arc;

use chrono::DateTime;
use kompas::app::*;
use kompas::domain::*;
use kompas::i18n::Lang;
use kompas::panes::relationship::{self as rel, Relationship, Row};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui_textarea::{Input, Key};

fn now() -> Timestamp {
    DateTime::parse_from_rfc3339("2026-05-20T11:50:00+02:00").unwrap()
}

const PATH: &str = "sessions/2026-05-20-weer-thuis-in-de-wijk-zuiderveld.json";

/// The scenario's third meeting on the relationship pane, with the two
/// meetings before it read as its chain.
fn state(lang: Lang, w: u16, h: u16, access: Access) -> AppState {
    let mut state = AppState::new(lang, PathBuf::from("sessions"), now().date_naive());
    update(&mut state, Action::Resize(w, h), now());
    let opened = OpenedSession {
        session: demo::meeting3().into(),
        path: PATH.into(),
        access,
        draft: None,
        previous: None,
    };
    update(&mut state, Action::SessionOpened(Box::new(opened)), now());
    let chain: Arc<[Session]> = Arc::from(vec![demo::meeting1(), demo::meeting2()]);
    update(&mut state, Action::ChainLoaded { path: PATH.into(), chain }, now());
    state.session_mut().unwrap().show::<Relationship>();
    state
}

fn send(state: &mut AppState, actions: impl IntoIterator<Item = Action>) -> Vec<Effect> {
    actions.into_iter().flat_map(|a| update(state, a, now())).filter(|e| !e.is_journal()).collect()
}

fn key(k: Key) -> Action {
    Action::FormInput(Input { key: k, ..Default::default() })
}

fn typing(text: &str) -> Vec<Action> {
    text.chars().map(|c| Action::FormInput(Input { key: Key::Char(c), ..Default::default() })).collect()
}

fn session(state: &AppState) -> &Session {
    &state.session().unwrap().session
}

fn pane(state: &AppState) -> &rel::State {
    state.session().unwrap().local::<Relationship>()
}

fn to_row(state: &mut AppState, row: Row) {
    let at = pane(state).rows.iter().position(|r| *r == row).unwrap_or_else(|| panic!("{row:?} shown"));
    send(state, [Action::Home]);
    send(state, std::iter::repeat_n(Action::Down, at));
    assert_eq!(pane(state).selected(), Some(row));
}

fn saves(effects: &[Effect]) -> bool {
    effects.iter().any(|e| matches!(e, Effect::Save))
}

fn screen(state: &AppState) -> String {
    let mut terminal = Terminal::new(TestBackend::new(state.width, state.height)).unwrap();
    terminal.draw(|f| kompas::ui::draw(f, state)).unwrap();
    let buf = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let line: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

macro_rules! snap {
    ($name:expr, $state:expr) => {{
        let st = &$state;
        let name = format!("{}_{}_{}x{}", $name, st.lang.id(), st.width, st.height);
        insta::assert_snapshot!(name, screen(st));
    }};
}

#[test]
fn a_party_reading_then_interventions_ticked_with_their_time() {
    let mut s = state(Lang::Nl, 100, 30, Access::Edit);
    let before = session(&s).temperature.len();
    // m: level conflict (three to the right of friendly), read by Woonstede.
    send(&mut s, [Action::Pane(rel::READING)]);
    send(&mut s, [key(Key::Right), key(Key::Right), key(Key::Right), Action::FormNextField, key(Key::Right)]);
    send(&mut s, [key(Key::Right), Action::FormNextField]);
    send(&mut s, typing("geld blijft het twistpunt"));
    let effects = send(&mut s, [Action::FormSubmit]);
    assert!(saves(&effects), "{effects:?}");
    let t = &session(&s).temperature;
    assert_eq!(t.len(), before + 1);
    let r = t.last().unwrap();
    let woonstede = session(&s).parties.iter().find(|p| p.organisation == "Woonstede").unwrap();
    assert_eq!((r.level, r.party.as_deref()), (Temperature::Conflict, Some(woonstede.id.as_str())));
    assert_eq!(r.note, "geld blijft het twistpunt");
    // The new reading has the cursor and its checklist is open below it.
    let i = before;
    assert_eq!(pane(&s).selected(), Some(Row::Reading(i)));
    let listed = pane(&s).rows.iter().filter(|r| matches!(r, Row::Tried(x, _) if *x == i)).count();
    assert_eq!(listed, 5, "the conflict level has five interventions");
    // Space on the second and fourth intervention; again on the second unticks.
    send(&mut s, [Action::Down, Action::Down, Action::Pane(rel::TICK)]);
    send(&mut s, [Action::Down, Action::Down, Action::Pane(rel::TICK)]);
    let tried: Vec<&String> = session(&s).temperature[i].tried.keys().collect();
    assert_eq!(tried.len(), 2);
    assert!(session(&s).temperature[i].tried.values().all(|t| t.at == now()));
    send(&mut s, [Action::Up, Action::Up, Action::Pane(rel::TICK)]);
    assert_eq!(session(&s).temperature[i].tried.len(), 1);
    // Space on an older reading opens its checklist instead.
    let first = (0..session(&s).temperature.len()).min_by_key(|&x| session(&s).temperature[x].at).unwrap();
    to_row(&mut s, Row::Reading(first));
    send(&mut s, [Action::Pane(rel::TICK)]);
    assert_eq!(pane(&s).open_reading(session(&s)), Some(first));
    assert!(pane(&s).rows.iter().all(|r| !matches!(r, Row::Tried(x, _) if *x == i)));
}

#[test]
fn the_five_conditions_scored_for_the_room_and_per_party_flag_a_drop() {
    let mut s = state(Lang::En, 100, 30, Access::Edit);
    // Meeting 3 scored the relationship 3; score it 1 with a note.
    to_row(&mut s, Row::Condition(Condition::Relatie));
    send(&mut s, [Action::Activate]);
    let form = s.form.as_ref().expect("the condition's form");
    assert!(matches!(form.choice("score"), Some(Choice::Item { id: "3", .. })));
    send(&mut s, [key(Key::Left), key(Key::Left), Action::FormNextField]);
    send(&mut s, typing(" — wethouder en directeur botsen"));
    assert!(saves(&send(&mut s, [Action::FormSubmit])));
    let check = &session(&s).conditions[&Condition::Relatie];
    assert_eq!(check.score, Some(1));
    assert!(check.note.ends_with("wethouder en directeur botsen"), "{}", check.note);
    // Low, and down two points since meeting 2 (3): both flagged.
    let flags: Vec<_> = pane(&s).flags.iter().filter(|f| f.condition() == Condition::Relatie).collect();
    assert_eq!(flags.len(), 2, "{flags:?}");
    assert!(pane(&s).trend.series(Condition::Relatie).ends_with(&[Some(20), Some(10)]));
    // A party's own score: P, De Linde, 2.
    send(&mut s, [Action::Pane(rel::PARTY_SCORE)]);
    send(&mut s, [key(Key::Right), key(Key::Right), Action::FormNextField, key(Key::Right), key(Key::Right)]);
    assert!(saves(&send(&mut s, [Action::FormSubmit])));
    let linde = session(&s).parties.iter().find(|p| p.organisation.contains("Linde")).unwrap().id.clone();
    assert_eq!(session(&s).conditions[&Condition::Relatie].parties[&linde].score, 2);
    // d clears the room's score and note, the party's score stays; u undoes.
    send(&mut s, [Action::DeleteSelected]);
    let check = &session(&s).conditions[&Condition::Relatie];
    assert_eq!((check.score, check.note.as_str(), check.parties.len()), (None, "", 1));
    send(&mut s, [Action::Undo]);
    assert_eq!(session(&s).conditions[&Condition::Relatie].score, Some(1));
    // P on a row that is not a condition says so and opens nothing.
    to_row(&mut s, Row::Trust);
    send(&mut s, [Action::Pane(rel::PARTY_SCORE)]);
    assert!(s.form.is_none());
}

#[test]
fn the_trust_stage_beside_the_thermometer() {
    let mut s = state(Lang::Nl, 80, 24, Access::Edit);
    assert_eq!(session(&s).trust.as_ref().map(|t| t.stage), Some(TrustStage::BerekenendVerbinden));
    send(&mut s, [Action::Pane(rel::TRUST), key(Key::Right), Action::FormNextField]);
    send(&mut s, typing("; ze delen de begroting"));
    assert!(saves(&send(&mut s, [Action::FormSubmit])));
    let t = session(&s).trust.as_ref().unwrap();
    assert_eq!(t.stage, TrustStage::OnbelemmerdSamenwerken);
    assert!(t.note.ends_with("ze delen de begroting"));
    let trend = &pane(&s).trust;
    assert_eq!(trend.len(), 3);
    assert_eq!(trend.last(), Some(&Some(TrustStage::OnbelemmerdSamenwerken)));
    to_row(&mut s, Row::Trust);
    send(&mut s, [Action::DeleteSelected]);
    assert!(session(&s).trust.is_none());
    send(&mut s, [Action::Undo]);
    assert!(session(&s).trust.is_some());
}

#[test]
fn a_read_only_session_shows_the_pane_and_changes_nothing() {
    let mut s = state(Lang::En, 120, 35, Access::HeldElsewhere);
    let before = session(&s).clone();
    to_row(&mut s, Row::Tried(0, 0));
    for a in [rel::READING, rel::TICK, rel::TRUST, rel::PARTY_SCORE] {
        assert!(send(&mut s, [Action::Pane(a)]).is_empty());
    }
    send(&mut s, [Action::Activate, Action::DeleteSelected]);
    assert!(s.form.is_none());
    assert_eq!(session(&s), &before);
}

#[test]
fn snapshots_of_the_pane_with_the_chain() {
    for lang in [Lang::Nl, Lang::En] {
        for (w, h) in [(80, 24), (120, 35)] {
            // Opened: the latest reading's checklist, trust, the conditions
            // with their trend over three meetings and two flags.
            let mut s = state(lang, w, h, Access::Edit);
            snap!("relationship", s);
            // A condition with a flag: the guidance, the prompt, the parties.
            to_row(&mut s, Row::Condition(Condition::GedeeldeAmbitie));
            snap!("relationship_ambition", s);
            // A party that reads the room differently: the difference.
            send(
                &mut s,
                [Action::Pane(rel::READING), key(Key::Right), Action::FormNextField, key(Key::Right)],
            );
            send(&mut s, [key(Key::Right), Action::FormSubmit]);
            snap!("relationship_party_reading", s);
            send(&mut s, [Action::Pane(rel::READING)]);
            snap!("relationship_reading_form", s);
        }
    }
}
