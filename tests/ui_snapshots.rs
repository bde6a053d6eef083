//! What the facilitator sees: every pane and mode rendered into a
//! `TestBackend`, in Dutch and English, at 80x24 and larger, kept as insta
//! snapshots. The session is the scenario's first meeting.

#[path = "../examples/demo_session.rs"]
#[allow(dead_code)]
mod demo;

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate};
use kompas::app::*;
use kompas::domain::*;
use kompas::i18n::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui_textarea::{Input, Key};

fn now() -> Timestamp {
    // A week after the meeting: one agreement is overdue.
    DateTime::parse_from_rfc3339("2026-03-30T10:00:00+02:00").unwrap()
}

fn state(lang: Lang, w: u16, h: u16, session: Session, access: Access) -> AppState {
    let mut state = AppState::new(lang, PathBuf::from("sessions"), now().date_naive());
    update(&mut state, Action::Resize(w, h), now());
    let path = PathBuf::from("sessions/2026-03-12-weer-thuis-in-de-wijk-zuiderveld.json");
    let opened = OpenedSession { session: session.into(), path, access, draft: None, previous: None };
    update(&mut state, Action::SessionOpened(Box::new(opened)), now());
    state
}

fn send(state: &mut AppState, actions: impl IntoIterator<Item = Action>) {
    for a in actions {
        update(state, a, now());
    }
}

fn typing(text: &str) -> Vec<Action> {
    text.chars().map(|c| Action::FormInput(Input { key: Key::Char(c), ..Default::default() })).collect()
}

fn render(state: &AppState) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(state.width, state.height)).unwrap();
    terminal.draw(|f| kompas::ui::draw(f, state)).unwrap();
    terminal.backend().buffer().clone()
}

fn screen(state: &AppState) -> String {
    let buf = render(state);
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn meeting1() -> Session {
    demo::meeting1()
}

/// Snapshot a screen under a name that says language and size.
macro_rules! snap {
    ($name:expr, $state:expr) => {{
        let st = &$state;
        let name = format!("{}_{}_{}x{}", $name, st.lang.id(), st.width, st.height);
        insta::assert_snapshot!(name, screen(st));
    }};
}

fn both(f: impl Fn(Lang)) {
    f(Lang::Nl);
    f(Lang::En);
}

#[test]
fn interests_map() {
    both(|lang| {
        snap!("interests", state(lang, 80, 24, meeting1(), Access::Edit));
        snap!("interests", state(lang, 120, 35, meeting1(), Access::Edit));
        // Narrow terminals: parties as rows.
        snap!("interests", state(lang, 60, 24, meeting1(), Access::Edit));
    });
}

#[test]
fn interests_map_scrolled_to_the_ambition() {
    both(|lang| {
        let mut s = state(lang, 80, 24, meeting1(), Access::Edit);
        send(&mut s, [Action::End, Action::Up, Action::Up, Action::Up]);
        snap!("interests_ambition", s);
    });
}

#[test]
fn agreement_log() {
    both(|lang| {
        let mut s = state(lang, 80, 24, meeting1(), Access::Edit);
        send(&mut s, [Action::NextPane]);
        snap!("agreements", s);
        send(&mut s, [Action::Pane(kompas::panes::agreements::CYCLE_FILTER)]);
        snap!("agreements_open", s);
        let mut s = state(lang, 120, 35, meeting1(), Access::Edit);
        send(&mut s, [Action::NextPane]);
        snap!("agreements", s);
    });
}

#[test]
fn reflection_prompts() {
    both(|lang| {
        let mut s = state(lang, 80, 24, meeting1(), Access::Edit);
        send(&mut s, [Action::NextPane, Action::NextPane]);
        snap!("reflections", s);
        send(&mut s, [Action::End]);
        snap!("reflections_end", s);
    });
}

/// Meeting 1's follow-up (9 April), opened with meeting 1 as its chain of
/// earlier meetings.
fn follow_up_with_chain(lang: Lang, w: u16, h: u16) -> AppState {
    let date = NaiveDate::from_ymd_opt(2026, 4, 9).unwrap();
    let m2 = meeting1().follow_up("m2".into(), "m1.json", date, now());
    let mut s = state(lang, w, h, m2, Access::Edit);
    let path = s.session().unwrap().path.clone();
    let chain: std::sync::Arc<[Session]> = vec![meeting1()].into();
    send(&mut s, [Action::ChainLoaded { path, chain }]);
    s
}

/// Issue 9 item 4: a follow-up's reflection pane after a phase move: the
/// previous meeting's last reflections on top, this phase's questions, then
/// the answers given earlier in this meeting under their phase.
#[test]
fn reflections_of_every_phase_and_the_previous_meeting() {
    both(|lang| {
        for (w, h) in [(80, 24), (120, 35)] {
            let mut s = follow_up_with_chain(lang, w, h);
            let later = |m| now() + chrono::Duration::minutes(m);
            let screen = s.session_mut().unwrap();
            let session = std::sync::Arc::make_mut(&mut screen.session);
            session.add_reflection(None, "Wie mist er nog?", "De wijkagent", later(5)).unwrap();
            let next = session.phase.next().unwrap();
            session.move_to_phase(next, None, later(10)).unwrap();
            session.add_reflection(None, "Welke taal delen we?", "Thuis in de wijk", later(15)).unwrap();
            screen.show::<Reflections>();
            update(&mut s, Action::Resize(w, h), later(16));
            snap!("reflections_grouped", s);
            send(&mut s, [Action::End]);
            snap!("reflections_grouped_end", s);
        }
    });
}

/// Issue 9 (hint bars): spare hints (quit, coach, the agreements' filter)
/// give way first, so delete stays on the agreements bar at 80 columns and
/// the room display's key on the panes' bars at 120.
#[test]
fn hint_bars_give_way_spare_keys_first() {
    both(|lang| {
        let bar = |s: &AppState| screen(s).lines().nth(s.height as usize - 1).unwrap().to_string();
        let delete = kompas::i18n::Msg::KeyDelete.get(lang);
        let room = kompas::app::room::R::KeyRoom.get(lang);
        let mut s = state(lang, 80, 24, meeting1(), Access::Edit);
        s.session_mut().unwrap().show::<Agreements>();
        assert!(bar(&s).contains(&format!(" d  {delete} ")), "{}", bar(&s));
        // At 120 columns every pane's bar has the room display's key, in
        // both languages (Enter's hint gives way first where it must).
        for pane in 0..kompas::panes::PANES.len() {
            let mut s = state(lang, 120, 35, meeting1(), Access::Edit);
            send(&mut s, std::iter::repeat_n(Action::NextPane, pane));
            assert!(bar(&s).contains(&format!(" z  {room} ")), "pane {pane}: {}", bar(&s));
        }
    });
}

/// Issue 9 item 9: the whole table's block in the map (selected), its
/// form, and an agreement it owns in the log, at 80x24 and 120x35.
#[test]
fn the_whole_table_in_the_map_and_the_log() {
    both(|lang| {
        for (w, h) in [(80, 24), (120, 35)] {
            let mut m = meeting1();
            let at = now() - chrono::Duration::days(18);
            m.add_interest(TABLE, InterestKind::Collectief, "Bewoners blijven thuis wonen, ook met zorg", at)
                .unwrap();
            m.set_table("Eén plan per huishouden", "Kennis van elke straat", at);
            let f = AgreementFields {
                text: "Samen de wijk in om bewoners te spreken".into(),
                owner: Some(TABLE.into()),
                parties: vec![],
                due: NaiveDate::from_ymd_opt(2026, 4, 30),
                status: AgreementStatus::Agreed,
                phase_result: false,
            };
            m.add_agreement(&f, at).unwrap();
            let mut s = state(lang, w, h, m, Access::Edit);
            while !matches!(
                s.session().unwrap().local::<Interests>().sel,
                kompas::panes::interests::MapSel::Table { row: 2, .. }
            ) {
                send(&mut s, [Action::Down]);
            }
            snap!("whole_table_map", s);
            send(&mut s, [Action::Down, Action::Activate]);
            snap!("whole_table_form", s);
            send(&mut s, [Action::FormCancel]);
            s.session_mut().unwrap().show::<Agreements>();
            send(&mut s, [Action::End]);
            snap!("whole_table_agreement", s);
        }
    });
}

#[test]
fn timeline() {
    both(|lang| {
        let mut s = state(lang, 80, 24, meeting1(), Access::Edit);
        s.session_mut().unwrap().show::<Timeline>();
        snap!("timeline", s);
    });
}

#[test]
fn agenda() {
    use kompas::panes::agenda;
    both(|lang| {
        for (w, h) in [(80, 24), (120, 35)] {
            let mut s = state(lang, w, h, meeting1(), Access::Edit);
            s.session_mut().unwrap().show::<kompas::panes::Agenda>();
            snap!("agenda", s);
        }
        // The carried item run past its time: the clock in the title line.
        let mut s = state(lang, 120, 35, meeting1(), Access::Edit);
        s.session_mut().unwrap().show::<kompas::panes::Agenda>();
        send(&mut s, [Action::End, Action::Pane(agenda::START)]);
        update(&mut s, Action::Tick, now() + chrono::Duration::seconds(16 * 60 + 5));
        snap!("agenda_running", s);
        let mut s = state(lang, 80, 24, meeting1(), Access::Edit);
        s.session_mut().unwrap().show::<kompas::panes::Agenda>();
        send(&mut s, [Action::Pane(agenda::ADD)]);
        snap!("form_agenda_item", s);
        // The attendance view: per party, with the apologies counted below.
        for (w, h) in [(80, 24), (120, 35)] {
            let mut s = state(lang, w, h, meeting1(), Access::Edit);
            s.session_mut().unwrap().show::<kompas::panes::Agenda>();
            send(&mut s, [Action::Pane(agenda::PEOPLE)]);
            snap!("agenda_attendance", s);
        }
    });
}

#[test]
fn game_mode() {
    use kompas::panes::game;
    both(|lang| {
        // No game yet: the six assignment cards, numbered for the set-up.
        let mut s = state(lang, 80, 24, meeting1(), Access::Edit);
        s.session_mut().unwrap().show::<kompas::panes::game::GameMode>();
        snap!("game_empty", s);
        // Meeting 2's game, played to the end, at both sizes.
        for (w, h) in [(80, 24), (120, 35)] {
            let mut s = state(lang, w, h, demo::meeting2(), Access::Edit);
            s.session_mut().unwrap().show::<kompas::panes::game::GameMode>();
            snap!("game", s);
        }
        // A new game of four in its last minute: the warning everywhere.
        let mut s = state(lang, 120, 35, meeting1(), Access::Edit);
        s.session_mut().unwrap().show::<kompas::panes::game::GameMode>();
        send(&mut s, [Action::Pane(game::NEW)]);
        send(&mut s, typing("Anna, Bram, Cem, Dirk"));
        send(&mut s, [Action::FormSubmit, Action::Pane(game::ROUND)]);
        update(&mut s, Action::Tick, now() + chrono::Duration::seconds(125));
        snap!("game_last_minute", s);
        let mut s = state(lang, 80, 24, meeting1(), Access::Edit);
        s.session_mut().unwrap().show::<kompas::panes::game::GameMode>();
        send(&mut s, [Action::Pane(game::NEW)]);
        snap!("form_game_setup", s);
    });
}

#[test]
fn forms() {
    both(|lang| {
        let base = || state(lang, 80, 24, meeting1(), Access::Edit);
        let mut s = base();
        send(&mut s, [Action::Pane(kompas::panes::interests::ADD_PARTY)]);
        send(&mut s, typing("Huurdersvereniging Zuid"));
        snap!("form_party", s);
        let mut s = base();
        send(&mut s, [Action::Down, Action::Pane(kompas::panes::interests::ADD_INTEREST)]);
        send(&mut s, typing("Geen concentratie van kwetsbare huurders"));
        snap!("form_interest", s);
        let mut s = base();
        send(&mut s, [Action::NextPane, Action::Activate]);
        snap!("form_agreement_edit", s);
        let mut s = base();
        s.session_mut().unwrap().show::<Reflections>();
        send(&mut s, [Action::Home, Action::Activate]);
        snap!("form_answer", s);
        let mut s = base();
        // `n` asks an own question in the reflection pane.
        s.session_mut().unwrap().show::<Reflections>();
        send(&mut s, [Action::Pane(kompas::panes::reflections::ASK_OWN)]);
        snap!("form_own_question", s);
        let mut s = base();
        send(&mut s, [Action::RecordTemperature]);
        snap!("form_temperature", s);
        let mut s = base();
        send(&mut s, [Action::GoToPhase(Phase::Delen), Action::PrevPhase]);
        snap!("form_step_back", s);
        let mut s = base();
        send(
            &mut s,
            [
                Action::NextPane,
                Action::Pane(kompas::panes::agreements::ADD),
                Action::FormNextField,
                Action::FormNextField,
                Action::FormNextField,
            ],
        );
        send(&mut s, typing("morgen"));
        send(&mut s, [Action::FormSubmit]);
        snap!("form_bad_date", s);
    });
}

#[test]
fn overlays() {
    both(|lang| {
        let mut s = state(lang, 80, 24, meeting1(), Access::Edit);
        send(&mut s, [Action::ShowHelp]);
        snap!("help", s);
        let mut s = state(lang, 80, 24, meeting1(), Access::Edit);
        send(&mut s, [Action::OpenPhasePicker]);
        snap!("phase_picker", s);
        let mut s = state(lang, 80, 24, meeting1(), Access::Edit);
        send(&mut s, [Action::Pane(kompas::panes::interests::ADD_PARTY)]);
        send(&mut s, typing("Politie"));
        send(&mut s, [Action::FormCancel]);
        snap!("confirm_discard", s);
    });
}

#[test]
fn read_only_review_and_save_failure() {
    both(|lang| {
        snap!("held_elsewhere", state(lang, 80, 24, meeting1(), Access::HeldElsewhere));
        snap!("review", state(lang, 80, 24, meeting1(), Access::Review));
        let mut s = state(lang, 80, 24, meeting1(), Access::Edit);
        send(
            &mut s,
            [Action::SaveFailed(Failure::io(
                std::path::Path::new("sessions/x.json"),
                &std::io::Error::from_raw_os_error(28),
                |cause| FailureKind::NotSaved { step: kompas::storage::SaveStep::Write, cause },
            ))],
        );
        snap!("save_failed", s);
    });
}

/// Issue 9 item 6: at 80 and 120 columns nothing is cut off unseen: an
/// overdue deadline of another year keeps its year, the NOT SAVED message
/// says why and that kompas retries, help lines wrap.
#[test]
fn long_texts_fit_at_80_and_120_columns() {
    both(|lang| {
        for (w, h) in [(80, 24), (120, 35)] {
            let mut m = meeting1();
            m.agreements[1].due = NaiveDate::from_ymd_opt(2025, 10, 31);
            let mut s = state(lang, w, h, m, Access::Edit);
            send(&mut s, [Action::NextPane, Action::Down]);
            snap!("agreements_overdue_last_year", s);
            let mut s = state(lang, w, h, meeting1(), Access::Edit);
            send(
                &mut s,
                [Action::SaveFailed(Failure::io(
                    std::path::Path::new("sessions/x.json"),
                    &std::io::Error::from_raw_os_error(28),
                    |cause| FailureKind::NotSaved { step: kompas::storage::SaveStep::Write, cause },
                ))],
            );
            snap!("save_failed", s);
        }
        let mut s = state(lang, 120, 35, meeting1(), Access::Edit);
        send(&mut s, [Action::ShowHelp]);
        snap!("help", s);
    });
}

/// Issue 9 item 7: a follow-up's timeline has the walk-through's outcomes,
/// a party joining, a context edit and an edit of the whole table's wants
/// and offers (not what was carried over); its
/// header shows the last meeting's temperature as a reference.
#[test]
fn a_follow_up_timeline_and_the_last_reading_as_reference() {
    both(|lang| {
        for (w, h) in [(80, 24), (120, 35)] {
            let mut s = follow_up_with_chain(lang, w, h);
            send(
                &mut s,
                [
                    Action::Pane(kompas::panes::agreements::REVIEW_DONE),
                    Action::Pane(kompas::panes::agreements::REVIEW_STILL_OPEN),
                ],
            );
            let later = |m| now() + chrono::Duration::minutes(m);
            let screen = s.session_mut().unwrap();
            let session = std::sync::Arc::make_mut(&mut screen.session);
            let politie = PartyFields {
                organisation: "Politie".into(),
                representative: "Sanne".into(),
                ..Default::default()
            };
            session.add_party(&politie, later(5)).unwrap();
            session.set_context(ContextAspect::Players, "wijkagent schuift aan", later(6));
            session.set_table("minder escalaties", "één loket per complex", later(7));
            screen.show::<Timeline>();
            update(&mut s, Action::Resize(w, h), later(8));
            snap!("follow_up_timeline", s);
        }
    });
}

/// The scenario's third meeting: the grondvorm conversation of phase 3.
fn meeting3_state(lang: Lang, w: u16, h: u16) -> AppState {
    let mut s = state(lang, w, h, demo::meeting3(), Access::Edit);
    s.session_mut().unwrap().show::<kompas::panes::grondvorm::Grondvorm>();
    s
}

/// Move to the first row of the chooser pane that is `row`.
fn to_row(s: &mut AppState, row: kompas::panes::grondvorm::Row) {
    let rows = &s.session().unwrap().local::<kompas::panes::grondvorm::Grondvorm>().rows;
    let at = rows.iter().position(|r| *r == row).unwrap();
    send(s, [Action::Home]);
    send(s, std::iter::repeat_n(Action::Down, at));
}

#[test]
fn grondvorm_pane() {
    use kompas::panes::grondvorm::{self as gv, Row};
    both(|lang| {
        // The mismatch with the advice, at the projector's smallest size.
        let mut s = meeting3_state(lang, 80, 24);
        to_row(&mut s, Row::Mismatch);
        snap!("grondvorm_mismatch", s);
        // A key question: the room's answer, the reference, the agreement.
        to_row(&mut s, Row::Key(KeyQuestion::Huishouding));
        snap!("grondvorm_key", s);
        let mut s = meeting3_state(lang, 120, 35);
        to_row(&mut s, Row::Key(KeyQuestion::Huishouding));
        snap!("grondvorm_key", s);
        // Reasons and motives of a party, unfolded to tick.
        let mut s = meeting3_state(lang, 80, 24);
        to_row(&mut s, Row::Motives(1));
        send(&mut s, [Action::Activate, Action::Down]);
        snap!("grondvorm_reasons", s);
        let mut s = meeting3_state(lang, 120, 35);
        send(&mut s, [Action::End]);
        snap!("grondvorm_dilemmas", s);
        // The design principles: the chosen form, then the four side by side.
        for (w, h) in [(80, 24), (120, 35)] {
            let mut s = meeting3_state(lang, w, h);
            send(&mut s, [Action::Pane(gv::PRINCIPLES)]);
            snap!("grondvorm_principles", s);
            send(&mut s, [Action::Pane(gv::FOUR_FORMS)]);
            snap!("grondvorm_four_forms", s);
        }
    });
}

#[test]
fn grondvorm_forms() {
    use kompas::panes::grondvorm::{self as gv, Row};
    both(|lang| {
        let mut s = meeting3_state(lang, 80, 24);
        to_row(&mut s, Row::Party(1));
        send(&mut s, [Action::Activate]);
        snap!("form_grondvorm_party", s);
        send(&mut s, [Action::FormCancel, Action::Pane(gv::CHOOSE)]);
        snap!("form_grondvorm_choice", s);
        send(&mut s, [Action::FormCancel]);
        to_row(&mut s, Row::Key(KeyQuestion::Besluitvorming));
        send(&mut s, [Action::Activate]);
        snap!("form_grondvorm_key", s);
        send(&mut s, [Action::FormCancel, Action::Pane(gv::KEY_AGREEMENT)]);
        snap!("form_grondvorm_key_agreement", s);
        send(&mut s, [Action::FormCancel]);
        to_row(&mut s, Row::Dilemma(kompas::domain::grondvorm::Dilemma::Tempo));
        send(&mut s, [Action::Activate]);
        snap!("form_grondvorm_dilemma", s);
    });
}

/// Where the style carries the meaning: the mismatch stands out, answered
/// key questions are ticked in colour, the chosen form is bold.
#[test]
fn grondvorm_styles() {
    use kompas::ui::theme;
    let s = meeting3_state(Lang::Nl, 120, 35);
    let buf = render(&s);
    let find = |text: &str| {
        (0..buf.area.height).find_map(|y| {
            let line: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol().to_string()).collect();
            line.find(text).map(|i| (line[..i].chars().count() as u16, y))
        })
    };
    let style_at = |(x, y): (u16, u16)| buf[(x, y)].style();
    let mismatch = find("⚠ vormen lopen uiteen Functioneel").expect("the mismatch row");
    assert_eq!((style_at(mismatch).fg, style_at(mismatch).bg), (theme::warning().fg, theme::warning().bg));
    let tick = find("✓ Huishouding").expect("an answered key question");
    assert_eq!(style_at(tick).fg, theme::ok().fg);
    let open = find("· Planning en control").expect("an open key question");
    assert_eq!(style_at(open).fg, theme::dim().fg);
    let chosen = find("Functioneel (verbeteren + delen) · fase").expect("the chosen form");
    assert!(style_at(chosen).add_modifier.contains(ratatui::style::Modifier::BOLD));
}

#[test]
fn portfolio_shows_the_form_and_flags_the_mix() {
    both(|lang| {
        let today = now().date_naive();
        let entries: Vec<LibraryEntry> = demo::meetings()
            .iter()
            .map(|(name, s)| LibraryEntry {
                path: PathBuf::from(format!("sessions/{name}")),
                state: EntryState::Loaded(Box::new(Loaded::new(s.summary(today), s.texts()))),
            })
            .collect();
        let mut s = AppState::new(lang, PathBuf::from("sessions"), today);
        update(&mut s, Action::Resize(80, 24), now());
        send(&mut s, [Action::LibraryUpdate { generation: 0, entries, done: true }, Action::ShowPortfolio]);
        snap!("portfolio_grondvorm", s);
    });
}

#[test]
fn too_small() {
    both(|lang| snap!("too_small", state(lang, 50, 12, meeting1(), Access::Edit)));
}

fn library_entries() -> Vec<LibraryEntry> {
    let today = now().date_naive();
    let m1 = meeting1();
    let m2 =
        m1.follow_up("m2".into(), "2026-03-12-x.json", NaiveDate::from_ymd_opt(2026, 4, 9).unwrap(), now());
    let entry = |name: &str, s: &Session| LibraryEntry {
        path: PathBuf::from(format!("sessions/{name}")),
        state: EntryState::Loaded(Box::new(Loaded::new(s.summary(today), s.texts()))),
    };
    vec![
        entry("2026-03-12-weer-thuis-in-de-wijk-zuiderveld.json", &m1),
        entry("2026-04-09-weer-thuis-in-de-wijk-zuiderveld.json", &m2),
        LibraryEntry {
            path: PathBuf::from("sessions/kapot.json"),
            state: EntryState::Failed(Failure::new(
                Some(std::path::Path::new("sessions/kapot.json")),
                FailureKind::Syntax { line: 3, column: 14, detail: "expected `,` or `}`".into() },
            )),
        },
    ]
}

#[test]
fn library_and_its_views() {
    both(|lang| {
        let mut s = AppState::new(lang, PathBuf::from("sessions"), now().date_naive());
        update(&mut s, Action::Resize(80, 24), now());
        snap!("library_loading", s);
        send(&mut s, [Action::LibraryUpdate { generation: 0, entries: library_entries(), done: true }]);
        snap!("library", s);
        let mut wide = AppState::new(lang, PathBuf::from("sessions"), now().date_naive());
        update(&mut wide, Action::Resize(120, 24), now());
        send(&mut wide, [Action::LibraryUpdate { generation: 0, entries: library_entries(), done: true }]);
        snap!("library", wide);
        send(&mut s, [Action::ShowPortfolio]);
        snap!("portfolio", s);
        send(&mut wide, [Action::ShowPortfolio]);
        snap!("portfolio", wide);
        send(&mut s, [Action::Back, Action::StartSearch]);
        send(&mut s, typing("huurders"));
        send(&mut s, [Action::FormSubmit]);
        snap!("search", s);
        let mut o = AppState::new(lang, PathBuf::from("sessions"), now().date_naive());
        update(&mut o, Action::Resize(100, 30), now());
        let m1 = meeting1();
        let m2 = m1.follow_up("m2".into(), "m1.json", NaiveDate::from_ymd_opt(2026, 4, 9).unwrap(), now());
        send(&mut o, [Action::OverviewReady(Box::new(chain_overview(&[m1, m2])))]);
        snap!("overview", o);
    });
}

/// Copies of a meeting (issue 8) are listed under it, named by what made
/// them, not as meetings of the chain.
#[test]
fn library_with_copies() {
    let today = now().date_naive();
    let m1 = meeting1();
    let m2 =
        m1.follow_up("m2".into(), "2026-03-12-x.json", NaiveDate::from_ymd_opt(2026, 4, 9).unwrap(), now());
    let entry = |name: &str, s: &Session| LibraryEntry {
        path: PathBuf::from(format!("sessions/{name}")),
        state: EntryState::Loaded(Box::new(Loaded::new(s.summary(today), s.texts()))),
    };
    let mut entries = vec![
        entry("2026-03-12-x.json", &m1),
        entry("2026-03-12-x (Anne's conflicted copy 2026-03-12).json", &m1),
        entry("2026-03-12-x-LAPTOP-ANNE.json", &m1),
        entry("2026-03-12-x (kompas conflict copy 20260312-101500).json", &m1),
        entry("2026-03-12-x.json.recovered-20260312-101500.json", &m1),
        entry("2026-04-09-x.json", &m2),
        entry("2026-04-09-x.sync-conflict-20260409-101500-ABCDEFG.json", &m2),
    ];
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    both(|lang| {
        for (w, h) in [(80, 24), (120, 35)] {
            let mut s = AppState::new(lang, PathBuf::from("sessions"), today);
            update(&mut s, Action::Resize(w, h), now());
            send(&mut s, [Action::LibraryUpdate { generation: 0, entries: entries.clone(), done: true }]);
            snap!("library_copies", s);
        }
    });
}

#[test]
fn hostile_text_never_reaches_the_terminal() {
    let hostile = "x\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}evil\u{2066}\r\u{0}\u{85}y";
    let mut session = meeting1();
    session.title = hostile.into();
    session.parties[0].organisation = hostile.into();
    session.parties[0].wants = hostile.into();
    session.interests[0].text = hostile.into();
    session.agreements[0].text = hostile.into();
    session.reflections[0].answer = hostile.into();
    session.facilitator = hostile.into();
    for (pane_moves, w, h) in [(0, 80, 24), (1, 80, 24), (2, 80, 24), (3, 80, 24), (0, 60, 24), (0, 160, 40)]
    {
        let mut s = state(Lang::Nl, w, h, session.clone(), Access::Edit);
        for _ in 0..pane_moves {
            send(&mut s, [Action::NextPane]);
        }
        let buf = render(&s);
        for cell in buf.content() {
            for c in cell.symbol().chars() {
                assert!(!c.is_control(), "control character {c:?} in a cell");
                assert!(
                    !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'),
                    "bidi control {c:?} in a cell"
                );
            }
        }
        assert!(screen(&s).contains('␛'), "the escape is shown as a visible placeholder");
    }
    // Through the real backend too: the only ESC bytes are our own sequences.
    let s = state(Lang::Nl, 80, 24, session, Access::Edit);
    let mut out = Vec::new();
    {
        let backend = ratatui::backend::CrosstermBackend::new(&mut out);
        let options = ratatui::TerminalOptions {
            viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, 80, 24)),
        };
        let mut t = Terminal::with_options(backend, options).unwrap();
        t.draw(|f| kompas::ui::draw(f, &s)).unwrap();
    }
    let text = String::from_utf8_lossy(&out);
    assert!(!text.contains("\u{1b}]0;pwned"), "an OSC sequence from the data reached the terminal");
    assert!(!text.contains('\u{9b}'), "a C1 CSI from the data reached the terminal");
    assert!(!text.contains('\u{7}'), "a BEL reached the terminal");
}

/// Where colour and reverse video carry meaning (an overdue agreement, the
/// selection, the read-only banner, a failed save), the screen's styles:
/// each run of cells with a background colour or in reverse, by row and
/// column, with its style and text.
fn highlights(state: &AppState) -> String {
    use ratatui::style::{Color, Modifier};
    let buf = render(state);
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let style = buf[(x, y)].style();
            let marked = style.bg.is_some_and(|c| c != Color::Reset)
                || style.add_modifier.contains(Modifier::REVERSED);
            if !marked {
                x += 1;
                continue;
            }
            let start = x;
            let mut text = String::new();
            while x < buf.area.width && buf[(x, y)].style() == style {
                text.push_str(buf[(x, y)].symbol());
                x += 1;
            }
            out.push_str(&format!(
                "{y:>2}:{start:<3} fg={:?} bg={:?} {:?}  {:?}\n",
                style.fg.unwrap_or(Color::Reset),
                style.bg.unwrap_or(Color::Reset),
                style.add_modifier,
                text.trim_end()
            ));
        }
    }
    out
}

#[test]
fn styles_that_carry_meaning() {
    let mut s = state(Lang::En, 80, 24, meeting1(), Access::Edit);
    send(&mut s, [Action::NextPane]);
    insta::assert_snapshot!("styles_agreements_overdue_and_selection", highlights(&s));
    let s = state(Lang::En, 80, 24, meeting1(), Access::Review);
    insta::assert_snapshot!("styles_review_banner", highlights(&s));
    let s = state(Lang::Nl, 80, 24, meeting1(), Access::HeldElsewhere);
    insta::assert_snapshot!("styles_read_only_banner", highlights(&s));
}

/// A step back reads from left to right and says so; a phase reached and
/// then stepped back from is not ticked as done.
#[test]
fn stepping_back_reads_rightly() {
    let mut session = meeting1();
    for to in [Phase::Delen, Phase::Overeenkomen, Phase::Vormgeven] {
        if session.phase != to {
            session.move_to_phase(to, None, now()).unwrap();
        }
    }
    session.move_to_phase(Phase::Delen, Some("terug naar de belangen"), now()).unwrap();
    for (lang, back) in [(Lang::Nl, "stap terug"), (Lang::En, "step back")] {
        let mut st = state(lang, 120, 35, session.clone(), Access::Edit);
        let strip = screen(&st).lines().nth(1).unwrap().to_string();
        assert!(strip.contains("✓1"), "{strip}");
        assert!(strip.contains("▶2"), "{strip}");
        assert!(strip.contains("↩3") && strip.contains("↩4"), "visited, then left: {strip}");
        assert!(strip.contains(" 5"), "{strip}");
        while !screen(&st).contains(back) {
            send(&mut st, [Action::NextPane]);
            assert!(st.session().unwrap().pane_id() != "interests", "no timeline row for the step back");
        }
        let text = screen(&st);
        let row = text.lines().find(|l| l.contains(back)).unwrap();
        let (from, to) = (row.find("4 ").unwrap(), row.find("→ 2").unwrap());
        assert!(from < to, "from before to: {row}");
        assert!(row.contains('↩'), "{row}");
    }
}
