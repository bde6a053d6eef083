use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use kompas::cli::{Cli, Command};
use kompas::config::{self, Flags, Settings};
use kompas::i18n::Lang;
use kompas::runtime::{self, Options, Start};
use kompas::text::safe_line;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // Help and version: clap's own text, to standard output.
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
            let lang =
                kompas::cli::lang_of_args(&args).unwrap_or_else(|| Settings::load(Flags::default()).lang());
            eprint!("{}", kompas::cli::refuse(&e, lang));
            return ExitCode::from(2);
        }
    };
    let facilitator = match &cli.command {
        Some(Command::New { facilitator, .. }) => facilitator.as_deref(),
        _ => None,
    };
    let settings = Settings::load(Flags {
        lang: cli.lang.map(Into::into),
        sessions_dir: cli.sessions_dir.as_deref(),
        theme: cli.theme.map(Into::into),
        facilitator,
    });
    let lang = settings.lang();
    match &cli.command {
        Some(Command::Config) => {
            print!("{}", config::show(&settings));
            return ExitCode::SUCCESS;
        }
        Some(Command::Completions { shell }) => {
            return printed(kompas::manual::completions(*shell, &mut std::io::stdout()));
        }
        Some(Command::Man) => return printed(kompas::manual::man_page(&mut std::io::stdout().lock())),
        Some(Command::Export { file, format, output, force }) => {
            for problem in settings.file.problem_lines(lang) {
                eprintln!("kompas: {problem}");
            }
            return export(file, *format, output.as_deref(), *force, lang);
        }
        _ => {}
    }
    if config::dumb_terminal(|k| std::env::var(k).ok()) {
        eprintln!("kompas: {}", config::C::DumbTerminal.get(lang));
        return ExitCode::FAILURE;
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
            eprintln!("kompas: {}", kompas::app::Failure::from(&e).describe(lang));
        } else {
            eprintln!("kompas: {}", kompas::storage::W::NeedsTerminal.get(lang));
        }
        return ExitCode::FAILURE;
    }
    kompas::ui::theme::set(settings.theme.0);
    let start = match (cli.command, cli.file) {
        (Some(Command::New { title, date, .. }), _) => Start::Create {
            title,
            meeting_date: date.unwrap_or_else(|| runtime::now().date_naive()),
            facilitator: settings.facilitator.0.clone(),
        },
        (Some(Command::Review { file }), _) => Start::Review(file),
        (Some(Command::Export { .. } | Command::Config | Command::Completions { .. } | Command::Man), _) => {
            unreachable!("handled above")
        }
        (None, Some(file)) => Start::Open(file),
        (None, None) => Start::Library,
    };
    let notice = settings.file.notice(lang);
    let facilitator = settings.facilitator.0;
    let room = cli.room_addr;
    match runtime::run(Options {
        lang,
        sessions_dir: settings.sessions_dir.0,
        start,
        facilitator,
        notice,
        room,
    }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kompas: {}", safe_line(&e.to_string()));
            ExitCode::FAILURE
        }
    }
}

/// The end of a command that prints: a closed pipe (`| head`) is no error.
fn printed(result: std::io::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kompas: {e}");
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
            eprintln!("kompas: {}", kompas::app::Failure::from(&e).describe(lang));
            return ExitCode::FAILURE;
        }
    };
    // The earlier meetings of the collaboration, for the relationship trends.
    let earlier =
        kompas::chain::earlier_meetings(file.parent().unwrap_or(std::path::Path::new(".")), &loaded.session);
    let today = runtime::now().date_naive();
    let text = kompas::export::export_with_chain(&loaded.session, &earlier, format, lang, today);
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
