//! Start-up to the first complete frame, headless: load a session the way
//! `kompas FILE` does, build the state, draw one 200x50 frame (ANSI output
//! generated and discarded), exit. Measure it with hyperfine:
//!
//!     cargo build --release --example first_frame
//!     hyperfine -N --warmup 3 'target/release/examples/first_frame target/perf/large.json'

use std::path::PathBuf;

use kompas::app::{Access, Action, AppState, OpenedSession, update};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

fn main() {
    let path = PathBuf::from(std::env::args().nth(1).expect("usage: first_frame FILE"));
    // As kompas does at start: the config file (language, theme) first.
    let settings = kompas::config::Settings::load(kompas::config::Flags::default());
    kompas::ui::theme::set(settings.theme.0);
    let now = kompas::runtime::now();
    let loaded = match kompas::storage::load(&path) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let mut state =
        AppState::new(settings.lang(), path.parent().unwrap_or(&path).to_path_buf(), now.date_naive());
    update(&mut state, Action::Resize(200, 50), now);
    let opened = OpenedSession {
        session: loaded.session.into(),
        path,
        access: Access::Edit,
        draft: None,
        previous: None,
    };
    update(&mut state, Action::SessionOpened(Box::new(opened)), now);
    let backend = CrosstermBackend::new(std::io::sink());
    let options = TerminalOptions { viewport: Viewport::Fixed(Rect::new(0, 0, 200, 50)) };
    let mut terminal = Terminal::with_options(backend, options).expect("a headless terminal");
    terminal.draw(|f| kompas::ui::draw(f, &state)).expect("draw the first frame");
}
