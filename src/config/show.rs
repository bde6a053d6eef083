//! `kompas config`: where the config file is, what is set and where each
//! value comes from, and what is wrong in the file.

use std::fmt::Write;

use super::{C, Settings, Source};
use crate::i18n::Lang;
use crate::text::safe_line;

/// A config file to start from, shown when there is none yet.
pub const EXAMPLE: &str = r#"language = "nl"                   # nl | en
facilitator = "Annemieke de Vries"
sessions = "~/Documents/Kompas"   # Windows: 'C:\Users\annemieke\Documents\Kompas'
theme = "projector"               # default | projector
"#;

fn source(s: Source, lang: Lang) -> &'static str {
    match s {
        Source::Flag => C::FromFlag,
        Source::File => C::FromFile,
        Source::Env => C::FromEnv,
        Source::Default => C::FromDefault,
        Source::Here => C::FromHere,
        Source::Platform => C::FromPlatform,
    }
    .get(lang)
}

pub fn show(settings: &Settings) -> String {
    let lang = settings.lang();
    let file = &settings.file;
    let mut out = String::new();
    let place = match &file.path {
        Some(p) => safe_line(&p.display().to_string()).into_owned(),
        None => C::NoPlace.get(lang).to_string(),
    };
    let _ = writeln!(out, "{}: {place}", C::ConfigFile.get(lang));
    if file.path.is_some() {
        let state = if file.exists { C::Exists } else { C::Missing };
        let _ = writeln!(out, "  ({})", state.get(lang));
        if !file.exists {
            for l in EXAMPLE.lines() {
                let _ = writeln!(out, "    {l}");
            }
        }
    }
    let _ = writeln!(out);
    let facilitator = match settings.facilitator.0.as_str() {
        "" => C::NotSet.get(lang).to_string(),
        f => safe_line(f).into_owned(),
    };
    let rows = [
        ("language", settings.lang.0.id().to_string(), settings.lang.1),
        ("facilitator", facilitator, settings.facilitator.1),
        (
            "sessions",
            safe_line(&settings.sessions_dir.0.display().to_string()).into_owned(),
            settings.sessions_dir.1,
        ),
        ("theme", settings.theme.0.id().to_string(), settings.theme.1),
    ];
    let width = rows.iter().map(|r| r.1.chars().count()).max().unwrap_or(0).max(C::Value.get(lang).len());
    let _ =
        writeln!(out, "{:<12} {:<width$}  {}", C::Setting.get(lang), C::Value.get(lang), C::From.get(lang));
    for (key, value, from) in rows {
        let _ = writeln!(out, "{key:<12} {value:<width$}  {}", source(from, lang));
    }
    let problems = file.problem_lines(lang);
    if !problems.is_empty() {
        let _ = writeln!(out, "\n{}:", C::Problems.get(lang));
        for p in problems {
            let _ = writeln!(out, "  {p}");
        }
    }
    out
}
