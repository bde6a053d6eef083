//! Styles. Chosen for a projector in a lit room: strong contrast, meaning
//! carried by bold, reverse and a few saturated colours, never by a dim
//! colour alone.

use ratatui::style::{Color, Modifier, Style};

pub fn plain() -> Style {
    Style::default()
}

pub fn bold() -> Style {
    Style::default().add_modifier(Modifier::BOLD)
}

pub fn dim() -> Style {
    Style::default().fg(Color::DarkGray)
}

pub fn label() -> Style {
    Style::default().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

pub fn title() -> Style {
    Style::default().add_modifier(Modifier::BOLD)
}

pub fn selected() -> Style {
    Style::default().add_modifier(Modifier::REVERSED)
}

pub fn phase_current() -> Style {
    Style::default().fg(Color::Black).bg(Color::Cyan).add_modifier(Modifier::BOLD)
}

pub fn phase_visited() -> Style {
    Style::default().fg(Color::Cyan)
}

pub fn phase_ahead() -> Style {
    Style::default()
}

pub fn tab_active() -> Style {
    Style::default().add_modifier(Modifier::BOLD | Modifier::REVERSED)
}

pub fn key() -> Style {
    Style::default().fg(Color::Black).bg(Color::Gray).add_modifier(Modifier::BOLD)
}

pub fn ok() -> Style {
    Style::default().fg(Color::Green)
}

pub fn error() -> Style {
    Style::default().fg(Color::White).bg(Color::Red).add_modifier(Modifier::BOLD)
}

pub fn warning() -> Style {
    Style::default().fg(Color::Black).bg(Color::Yellow).add_modifier(Modifier::BOLD)
}

pub fn open_agreement() -> Style {
    Style::default().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

pub fn overdue() -> Style {
    Style::default().fg(Color::White).bg(Color::Red).add_modifier(Modifier::BOLD)
}

pub fn done() -> Style {
    Style::default().fg(Color::Green)
}

pub fn dropped() -> Style {
    Style::default().fg(Color::DarkGray).add_modifier(Modifier::CROSSED_OUT)
}

pub fn border() -> Style {
    Style::default().fg(Color::Cyan)
}
