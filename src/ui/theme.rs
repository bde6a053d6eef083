//! Styles. Chosen for a projector in a lit room: strong contrast, meaning
//! carried by bold, reverse and a few saturated colours, never by a dim
//! colour alone. The projector theme (`--theme projector`, or `theme` in the
//! config file) goes further for a washed-out beamer image on a white wall:
//! no grey at all, no light colour as text, meaning by bold, underline,
//! reverse and solid blocks of colour. Each style below is `pick(default,
//! projector)`.

use std::sync::atomic::{AtomicU8, Ordering};

use ratatui::style::{Color, Modifier, Style};

/// The palette: one per process, chosen at start.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Default,
    Projector,
}

impl Theme {
    /// The names accepted by `--theme` and the config file.
    pub const NAMES: &'static str = "default, projector";

    pub fn parse(s: &str) -> Option<Theme> {
        match s.trim() {
            "default" => Some(Theme::Default),
            "projector" => Some(Theme::Projector),
            _ => None,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Theme::Default => "default",
            Theme::Projector => "projector",
        }
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Choose the palette for everything drawn from now on.
pub fn set(theme: Theme) {
    CURRENT.store(theme as u8, Ordering::Relaxed);
}

pub fn current() -> Theme {
    if CURRENT.load(Ordering::Relaxed) == Theme::Projector as u8 { Theme::Projector } else { Theme::Default }
}

fn pick(default: Style, projector: Style) -> Style {
    match current() {
        Theme::Default => default,
        Theme::Projector => projector,
    }
}

fn strong() -> Style {
    Style::default().add_modifier(Modifier::BOLD)
}

pub fn plain() -> Style {
    pick(Style::default(), Style::default())
}

pub fn bold() -> Style {
    pick(Style::default().add_modifier(Modifier::BOLD), strong())
}

pub fn dim() -> Style {
    pick(Style::default().fg(Color::DarkGray), Style::default())
}

pub fn label() -> Style {
    pick(
        Style::default().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        strong().add_modifier(Modifier::UNDERLINED),
    )
}

pub fn title() -> Style {
    pick(Style::default().add_modifier(Modifier::BOLD), strong())
}

pub fn selected() -> Style {
    pick(Style::default().add_modifier(Modifier::REVERSED), strong().add_modifier(Modifier::REVERSED))
}

pub fn phase_current() -> Style {
    pick(
        Style::default().fg(Color::Black).bg(Color::Cyan).add_modifier(Modifier::BOLD),
        strong().add_modifier(Modifier::REVERSED),
    )
}

pub fn phase_visited() -> Style {
    pick(Style::default().fg(Color::Cyan), strong())
}

pub fn phase_ahead() -> Style {
    pick(Style::default(), Style::default())
}

pub fn tab_active() -> Style {
    pick(
        Style::default().add_modifier(Modifier::BOLD | Modifier::REVERSED),
        strong().add_modifier(Modifier::REVERSED),
    )
}

pub fn key() -> Style {
    pick(
        Style::default().fg(Color::Black).bg(Color::Gray).add_modifier(Modifier::BOLD),
        strong().add_modifier(Modifier::REVERSED),
    )
}

pub fn ok() -> Style {
    pick(Style::default().fg(Color::Green), strong())
}

pub fn error() -> Style {
    pick(
        Style::default().fg(Color::White).bg(Color::Red).add_modifier(Modifier::BOLD),
        strong().fg(Color::White).bg(Color::Red),
    )
}

pub fn warning() -> Style {
    pick(
        Style::default().fg(Color::Black).bg(Color::Yellow).add_modifier(Modifier::BOLD),
        strong().fg(Color::Black).bg(Color::Yellow),
    )
}

pub fn open_agreement() -> Style {
    pick(Style::default().fg(Color::Yellow).add_modifier(Modifier::BOLD), strong())
}

pub fn overdue() -> Style {
    pick(
        Style::default().fg(Color::White).bg(Color::Red).add_modifier(Modifier::BOLD),
        strong().fg(Color::White).bg(Color::Red),
    )
}

pub fn done() -> Style {
    pick(Style::default().fg(Color::Green), Style::default())
}

pub fn dropped() -> Style {
    pick(
        Style::default().fg(Color::DarkGray).add_modifier(Modifier::CROSSED_OUT),
        Style::default().add_modifier(Modifier::CROSSED_OUT),
    )
}

pub fn border() -> Style {
    pick(Style::default().fg(Color::Cyan), strong())
}
