use std::process::ExitCode;

use clap::Parser;
use kompas::cli::{Cli, Command, LangArg};
use kompas::i18n::Lang;
use kompas::runtime::{self, Options, Start};
use kompas::text::safe_line;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = match cli.lang {
        Some(LangArg::Nl) => Lang::Nl,
        Some(LangArg::En) => Lang::En,
        None => Lang::from_env_vars(|k| std::env::var(k).ok()),
    };
    if let Some(Command::Export { file, format, output }) = &cli.command {
        return export(file, *format, output.as_deref(), lang);
    }
    let start = match (cli.command, cli.file) {
        (Some(Command::New { title, date, facilitator }), _) => Start::Create {
            title,
            meeting_date: date.unwrap_or_else(|| runtime::now().date_naive()),
            facilitator,
        },
        (Some(Command::Review { file }), _) => Start::Review(file),
        (Some(Command::Export { .. }), _) => unreachable!("handled above"),
        (None, Some(file)) => Start::Open(file),
        (None, None) => Start::Library,
    };
    match runtime::run(Options { lang, sessions_dir: cli.sessions_dir, start, room: cli.room_addr }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kompas: {}", safe_line(&e.to_string()));
            ExitCode::FAILURE
        }
    }
}

/// `kompas export`: no terminal UI, just the file.
fn export(
    file: &std::path::Path,
    format: kompas::export::Format,
    output: Option<&std::path::Path>,
    lang: Lang,
) -> ExitCode {
    let loaded = match kompas::storage::load(file) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("kompas: {}", safe_line(&e.to_string()));
            return ExitCode::FAILURE;
        }
    };
    let text = kompas::export::export(&loaded.session, format, lang, runtime::now().date_naive());
    let written = match output {
        Some(path) => kompas::storage::write_atomic(path, text.as_bytes())
            .map_err(|e| std::io::Error::other(e.to_string())),
        None => std::io::Write::write_all(&mut std::io::stdout(), text.as_bytes()),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kompas: {}", safe_line(&e.to_string()));
            ExitCode::FAILURE
        }
    }
}
