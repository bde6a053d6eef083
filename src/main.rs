use std::io::IsTerminal;
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
    if let Some(Command::Export { file, format, output, force }) = &cli.command {
        return export(file, *format, output.as_deref(), *force, lang);
    }
    // Everything else draws screens: without a terminal, say so before
    // anything is created (a file named to open that does not load is
    // reported first: that is the more useful news).
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        let named = match (&cli.command, &cli.file) {
            (Some(Command::Review { file }), _) | (None, Some(file)) => Some(file),
            _ => None,
        };
        if let Some(Err(e)) = named.map(|f| kompas::storage::load(f)) {
            eprintln!("kompas: {}", safe_line(&e.to_string()));
        } else {
            eprintln!("kompas: {}", kompas::storage::W::NeedsTerminal.get(lang));
        }
        return ExitCode::FAILURE;
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
    force: bool,
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
        Some(path) => kompas::storage::write_export(path, text.as_bytes(), file, force)
            .map_err(|e| std::io::Error::other(e.line(lang))),
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
