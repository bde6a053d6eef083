//! The command line.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(name = "kompas", version, about = "Lead a collaboration meeting through the five Kompas phases", long_about = None)]
pub struct Cli {
    /// Folder with the session files.
    #[arg(long, global = true, value_name = "DIR", default_value = "sessions")]
    pub sessions_dir: PathBuf,
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
        /// Meeting date (YYYY-MM-DD); today when left out.
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// Name of the facilitator.
        #[arg(long, default_value = "")]
        facilitator: String,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Nl,
    En,
}

fn parse_format(s: &str) -> Result<crate::export::Format, String> {
    crate::export::Format::from_name(s).ok_or_else(|| format!("unknown format {s:?}: use md, html or csv"))
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    crate::app::parse_date(s).ok_or_else(|| format!("not a date: {s:?} (use YYYY-MM-DD)"))
}
