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
    let start = match (cli.command, cli.file) {
        (Some(Command::New { title, date, facilitator }), _) => Start::Create {
            title,
            meeting_date: date.unwrap_or_else(|| runtime::now().date_naive()),
            facilitator,
        },
        (Some(Command::Review { file }), _) => Start::Review(file),
        (None, Some(file)) => Start::Open(file),
        (None, None) => Start::Library,
    };
    match runtime::run(Options { lang, sessions_dir: cli.sessions_dir, start }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kompas: {}", safe_line(&e.to_string()));
            ExitCode::FAILURE
        }
    }
}
