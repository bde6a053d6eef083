//! The two palettes, as the terminal gets them: style snapshots (the text
//! of a screen, then every run of cells that is not plain, with its
//! colours and modifiers) of the main screens in the default and the
//! projector theme, and a check over every screen that the projector
//! theme uses no grey, no dim text and no light colour as text on the
//! terminal's own background.
//!
//! The theme is one per process (chosen at start), so every test here
//! takes the lock before it sets a theme and renders.

#[path = "../examples/demo_session.rs"]
#[allow(dead_code)]
mod demo;

use std::path::PathBuf;
use std::sync::Mutex;

use chrono::{DateTime, NaiveDate};
use kompas::app::*;
use kompas::domain::*;
use kompas::i18n::Lang;
use kompas::ui::theme::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

static THEME: Mutex<()> = Mutex::new(());

fn now() -> Timestamp {
    DateTime::parse_from_rfc3339("2026-03-30T10:00:00+02:00").unwrap()
}

fn session_state(lang: Lang, w: u16, h: u16, access: Access) -> AppState {
    let mut state = AppState::new(lang, PathBuf::from("sessions"), now().date_naive());
    update(&mut state, Action::Resize(w, h), now());
    let path = PathBuf::from("sessions/2026-03-12-weer-thuis-in-de-wijk-zuiderveld.json");
    let opened =
        OpenedSession { session: demo::meeting1().into(), path, access, draft: None, previous: None };
    update(&mut state, Action::SessionOpened(Box::new(opened)), now());
    state
}

fn send(state: &mut AppState, actions: impl IntoIterator<Item = Action>) {
    for a in actions {
        update(state, a, now());
    }
}

fn library_state(lang: Lang, w: u16, h: u16) -> AppState {
    let today = now().date_naive();
    let m1 = demo::meeting1();
    let m2 = m1.follow_up("m2".into(), "m1.json", NaiveDate::from_ymd_opt(2026, 4, 9).unwrap(), now());
    let entry = |name: &str, s: &Session| LibraryEntry {
        path: PathBuf::from(format!("sessions/{name}")),
        state: EntryState::Loaded(Box::new(Loaded::new(s.summary(today), s.texts()))),
    };
    let entries = vec![
        entry("2026-03-12-weer-thuis-in-de-wijk-zuiderveld.json", &m1),
        entry("2026-04-09-weer-thuis-in-de-wijk-zuiderveld.json", &m2),
        LibraryEntry {
            path: PathBuf::from("sessions/kapot.json"),
            state: EntryState::Failed(Failure::new(
                Some(std::path::Path::new("sessions/kapot.json")),
                FailureKind::Syntax { line: 3, column: 14, detail: "expected `,`".into() },
            )),
        },
    ];
    let mut s = AppState::new(lang, PathBuf::from("sessions"), today);
    send(&mut s, [Action::Resize(w, h), Action::LibraryUpdate { generation: 0, entries, done: true }]);
    s
}

/// Every screen the check goes over, by name.
fn screens(lang: Lang, w: u16, h: u16) -> Vec<(&'static str, AppState)> {
    let edit = || session_state(lang, w, h, Access::Edit);
    let mut out = vec![("library", library_state(lang, w, h))];
    let mut loading = AppState::new(lang, PathBuf::from("sessions"), now().date_naive());
    send(&mut loading, [Action::Resize(w, h)]);
    out.push(("library_loading", loading));
    out.push(("interests", edit()));
    let mut s = edit();
    send(&mut s, [Action::NextPane]);
    out.push(("agreements", s));
    let mut s = edit();
    send(&mut s, [Action::NextPane, Action::NextPane]);
    out.push(("reflections", s));
    let mut s = edit();
    s.session_mut().unwrap().show::<kompas::panes::Timeline>();
    out.push(("timeline", s));
    let mut s = edit();
    send(&mut s, [Action::NextPane, Action::Activate]);
    out.push(("form", s));
    let mut s = edit();
    send(&mut s, [Action::ShowHelp]);
    out.push(("help", s));
    let mut s = edit();
    let full = std::io::Error::from_raw_os_error(28);
    send(
        &mut s,
        [Action::SaveFailed(Failure::io(std::path::Path::new("sessions/x.json"), &full, |cause| {
            FailureKind::NotSaved { step: kompas::storage::SaveStep::Write, cause }
        }))],
    );
    out.push(("save_failed", s));
    out.push(("held_elsewhere", session_state(lang, w, h, Access::HeldElsewhere)));
    out.push(("review", session_state(lang, w, h, Access::Review)));
    out
}

fn render(state: &AppState) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(state.width, state.height)).unwrap();
    terminal.draw(|f| kompas::ui::draw(f, state)).unwrap();
    terminal.backend().buffer().clone()
}

fn describe(style: Style) -> String {
    let mut parts = Vec::new();
    if let Some(fg) = style.fg.filter(|c| *c != Color::Reset) {
        parts.push(format!("fg {fg}"));
    }
    if let Some(bg) = style.bg.filter(|c| *c != Color::Reset) {
        parts.push(format!("bg {bg}"));
    }
    let m = style.add_modifier;
    for (flag, name) in [
        (Modifier::BOLD, "bold"),
        (Modifier::DIM, "dim"),
        (Modifier::ITALIC, "italic"),
        (Modifier::UNDERLINED, "underlined"),
        (Modifier::REVERSED, "reversed"),
        (Modifier::CROSSED_OUT, "crossed-out"),
    ] {
        if m.contains(flag) {
            parts.push(name.to_string());
        }
    }
    parts.join(" ")
}

/// The screen's text, then each run of equally styled cells that is not
/// plain: `row:col-col  style  "text"`.
fn styles(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let line: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.push_str("--- styles ---\n");
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let style = buf[(x, y)].style();
            let start = x;
            let mut text = String::new();
            while x < buf.area.width && buf[(x, y)].style() == style {
                text.push_str(buf[(x, y)].symbol());
                x += 1;
            }
            let d = describe(style);
            if !d.is_empty() {
                out.push_str(&format!("{y:>2}:{start}-{}  {d}  {:?}\n", x - 1, text.trim_end()));
            }
        }
    }
    out
}

/// What the projector theme must never do, for one cell.
fn projector_fault(style: Style) -> Option<String> {
    let grey = |c: Color| matches!(c, Color::Gray | Color::DarkGray | Color::Indexed(232..=255));
    let light = |c: Color| {
        matches!(
            c,
            Color::Cyan
                | Color::Yellow
                | Color::Green
                | Color::White
                | Color::LightCyan
                | Color::LightYellow
                | Color::LightGreen
                | Color::LightBlue
                | Color::LightMagenta
                | Color::LightRed
                | Color::Magenta
        )
    };
    if let Some(c) = style.fg.filter(|c| grey(*c)).or(style.bg.filter(|c| grey(*c))) {
        return Some(format!("grey {c}"));
    }
    if style.add_modifier.contains(Modifier::DIM) {
        return Some("dim".into());
    }
    // A light colour as text only on a solid background of its own.
    if let Some(fg) = style.fg.filter(|c| light(*c))
        && style.bg.is_none_or(|b| b == Color::Reset)
    {
        return Some(format!("light text {fg} on the terminal's background"));
    }
    None
}

fn faults(buf: &Buffer) -> Vec<String> {
    let mut out = Vec::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            if let Some(f) = projector_fault(buf[(x, y)].style()) {
                out.push(format!("{y}:{x} {f} {:?}", buf[(x, y)].symbol()));
            }
        }
    }
    out
}

#[test]
fn style_snapshots_of_both_themes() {
    let _lock = THEME.lock().unwrap_or_else(|e| e.into_inner());
    for t in [Theme::Default, Theme::Projector] {
        theme::set(t);
        for (name, state) in screens(Lang::Nl, 80, 24) {
            if matches!(name, "library" | "interests" | "agreements" | "form" | "help" | "save_failed") {
                insta::assert_snapshot!(format!("{name}_{}", t.id()), styles(&render(&state)));
            }
        }
    }
    theme::set(Theme::Default);
}

#[test]
fn the_projector_theme_has_no_grey_no_dim_and_no_light_text() {
    let _lock = THEME.lock().unwrap_or_else(|e| e.into_inner());
    // The check can fail: the default theme has grey text.
    theme::set(Theme::Default);
    let default_faults: usize = screens(Lang::Nl, 80, 24).iter().map(|(_, s)| faults(&render(s)).len()).sum();
    assert!(default_faults > 0, "the default theme should trip the check");
    theme::set(Theme::Projector);
    for lang in [Lang::Nl, Lang::En] {
        for (w, h) in [(80, 24), (120, 35)] {
            for (name, state) in screens(lang, w, h) {
                let f = faults(&render(&state));
                assert!(f.is_empty(), "{name} {lang:?} {w}x{h}: {f:?}");
            }
        }
    }
    theme::set(Theme::Default);
}

#[test]
fn the_projector_theme_still_marks_what_matters() {
    let _lock = THEME.lock().unwrap_or_else(|e| e.into_inner());
    theme::set(Theme::Projector);
    // Selection, the current phase and an overdue agreement stay visible
    // without colour names: reverse, bold, a solid red block.
    let mut s = session_state(Lang::Nl, 80, 24, Access::Edit);
    send(&mut s, [Action::NextPane]);
    let buf = render(&s);
    let cells: Vec<Style> = buf.content().iter().map(|c| c.style()).collect();
    assert!(
        cells.iter().any(|c| c.add_modifier.contains(Modifier::REVERSED)),
        "a selection or phase in reverse"
    );
    assert!(cells.iter().any(|c| c.bg == Some(Color::Red)), "the overdue agreement as a red block");
    theme::set(Theme::Default);
}
