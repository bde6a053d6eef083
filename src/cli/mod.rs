//! The command line. What clap refuses is said in the UI language by
//! [`refusal`].

mod refusal;

pub use refusal::{ArgError, lang_of_args, refuse};

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(name = "kompas", version = VERSION, about = "Lead a collaboration meeting through the five Kompas phases", long_about = None)]
pub struct Cli {
    /// Folder with the session files (default: the config file's
    /// `sessions`, else ./sessions when there is one, else Kompas in your
    /// documents folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub sessions_dir: Option<PathBuf>,
    /// Language of the interface and the reflection questions (default from
    /// LANG, else Dutch).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// Start the room display, a read-only web page of the open session for
    /// the projector and phones, on this address (127.0.0.1:PORT: this
    /// computer only; this computer's network address, or 0.0.0.0: the
    /// room's network, with a code in the link). The key z turns it on or
    /// off without this option.
    #[arg(long, global = true, value_name = "ADDR:PORT")]
    pub room_addr: Option<std::net::SocketAddr>,
    /// Colours: `projector` for a beamer in a lit room (high contrast, no
    /// greys). Default from the config file.
    #[arg(long, global = true, value_enum)]
    pub theme: Option<ThemeArg>,
    /// A session file to open directly.
    pub file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Export a session as Markdown minutes, a printable HTML page, or a CSV
    /// of its agreements; to standard output unless --output is given.
    Export {
        /// The session file.
        file: PathBuf,
        /// md, html or csv.
        #[arg(long, value_parser = parse_format)]
        format: crate::export::Format,
        /// Write to this file instead of standard output. Never a session
        /// file, a folder, a device or a symbolic link; an existing file only
        /// with --force.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Replace an existing file given with --output (it keeps its mode).
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// Look back at a session: read-only, with a timeline of what happened.
    Review {
        /// The session file.
        file: PathBuf,
    },
    /// Start a new session and open it.
    New {
        /// Title of the meeting, e.g. "Weer thuis in de wijk — Zuiderveld".
        title: String,
        /// Meeting date (2026-03-12, 12-3, vrijdag, +1w, ...); today when left out.
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// Name of the facilitator (default from the config file).
        #[arg(long)]
        facilitator: Option<String>,
    },
    /// Show where the config file is, what is set and where each value
    /// comes from.
    Config,
    /// Print a shell completion script (bash, zsh, fish or powershell).
    Completions { shell: clap_complete::Shell },
    /// Print the manual page (roff); e.g. `kompas man > kompas.1`.
    Man,
}

/// The version with the commit it was built from and the target, e.g.
/// `0.1.0 (1a2b3c4d5e, x86_64-pc-windows-gnu)` (see build.rs).
pub const VERSION: &str =
    concat!(env!("CARGO_PKG_VERSION"), " (", env!("KOMPAS_GIT_HASH"), ", ", env!("KOMPAS_TARGET"), ")");

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Nl,
    En,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ThemeArg {
    Default,
    Projector,
}

impl From<LangArg> for crate::i18n::Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Nl => crate::i18n::Lang::Nl,
            LangArg::En => crate::i18n::Lang::En,
        }
    }
}

impl From<ThemeArg> for crate::ui::theme::Theme {
    fn from(t: ThemeArg) -> Self {
        match t {
            ThemeArg::Default => crate::ui::theme::Theme::Default,
            ThemeArg::Projector => crate::ui::theme::Theme::Projector,
        }
    }
}

fn parse_format(s: &str) -> Result<crate::export::Format, ArgError> {
    crate::export::Format::from_name(s).ok_or_else(|| ArgError::Format(s.to_string()))
}

/// A meeting date in any spelling [`crate::dates`] reads, from today.
fn parse_date(s: &str) -> Result<NaiveDate, ArgError> {
    crate::dates::parse(s, chrono::Local::now().date_naive()).ok_or_else(|| ArgError::Date(s.to_string()))
}
