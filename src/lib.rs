//! kompas: a facilitator's terminal companion for the Kompas collaboration model.
//!
//! Layers, from the inside out: `domain` (the model, no I/O), `storage` (the
//! only code that touches session files), `app` (a pure state machine),
//! `keymap` (keys to intents), `ui` (drawing from the state), and `runtime`
//! (the terminal loop that performs effects).

pub mod app;
pub mod chain;
pub mod cli;
pub mod config;
pub mod content;
pub mod dates;
pub mod domain;
pub mod export;
pub mod generate;
pub mod i18n;
pub mod keymap;
pub mod layout;
pub mod manual;
pub mod panes;
pub mod prompts;
pub mod room;
pub mod runtime;
pub mod search;
pub mod storage;
pub mod terminal;
pub mod text;
pub mod ui;
