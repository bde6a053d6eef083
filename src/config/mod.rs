//! The config file: a small TOML file in the platform's config folder with
//! the facilitator's own defaults, and the rules that turn it, the
//! command-line flags and the environment into the settings kompas runs
//! with.
//!
//! ```toml
//! language = "nl"            # nl or en
//! facilitator = "Annemieke"  # filled in for a new session
//! sessions = "~/Kompas"      # the sessions folder
//! theme = "projector"        # default or projector
//! ```
//!
//! A mistake in the file never stops kompas: each problem is reported with
//! its line and column, and the setting it spoils (or, for a file that is
//! not TOML at all, every setting) falls back to its default.

mod places;
mod settings;
mod show;
mod words;

use std::path::{Path, PathBuf};

pub use places::{platform_sessions_dir, sessions_folder};
pub use settings::{Flags, Settings, Source, dumb_terminal};
pub use show::show;
pub use words::C;

use crate::i18n::Lang;
use crate::ui::theme::Theme;

/// The environment variable that names another config file (tests, or a
/// second setup such as one for the projector laptop).
pub const CONFIG_ENV: &str = "KOMPAS_CONFIG";

/// The settings a config file can make; `None` where it says nothing (or
/// says something unusable).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    pub lang: Option<Lang>,
    pub facilitator: Option<String>,
    pub sessions: Option<PathBuf>,
    pub theme: Option<Theme>,
}

/// The settings' names in the file, in the order `kompas config` lists them.
pub const KEYS: [&str; 4] = ["language", "facilitator", "sessions", "theme"];

/// One thing wrong in the config file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based; 0 when the problem has no place (an unreadable file).
    pub line: usize,
    pub column: usize,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// Not TOML; the parser's own (English) detail. Every setting falls back.
    Syntax(String),
    UnknownKey(String),
    NotAString(&'static str),
    Empty(&'static str),
    BadValue {
        key: &'static str,
        value: String,
        allowed: &'static str,
    },
    Unreadable(String),
}

/// The config file as kompas found it.
#[derive(Debug, Clone, Default)]
pub struct ConfigFile {
    /// `None` when no config folder can be found (no home folder).
    pub path: Option<PathBuf>,
    pub exists: bool,
    pub config: Config,
    pub problems: Vec<Problem>,
}

impl ConfigFile {
    /// Each problem as one line: `FILE:LINE:COLUMN: what; what kompas does`.
    pub fn problem_lines(&self, lang: Lang) -> Vec<String> {
        let file = self.path.as_deref().map(|p| p.display().to_string()).unwrap_or_default();
        self.problems.iter().map(|p| p.line(&file, lang)).collect()
    }
}

impl ConfigFile {
    /// The first problem for the status line, with the file's name only
    /// (`kompas config` gives the whole path and every problem).
    pub fn notice(&self, lang: Lang) -> Option<String> {
        let first = self.problems.first()?;
        let name = self.path.as_deref().and_then(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned());
        let mut text = first.line(&name.unwrap_or_default(), lang);
        if self.problems.len() > 1 {
            text.push_str(&format!(" (+{} · kompas config)", self.problems.len() - 1));
        }
        Some(text)
    }
}

impl Problem {
    pub fn line(&self, file: &str, lang: Lang) -> String {
        let at =
            if self.line == 0 { file.to_string() } else { format!("{file}:{}:{}", self.line, self.column) };
        let text = match &self.kind {
            ProblemKind::Syntax(detail) => {
                format!("{} ({detail}); {}", C::NotToml.get(lang), C::AllDefaults.get(lang))
            }
            ProblemKind::UnknownKey(key) => format!(
                "{} “{key}” ({}: {})",
                C::UnknownKey.get(lang),
                C::KnownKeys.get(lang),
                KEYS.join(", ")
            ),
            ProblemKind::NotAString(key) => {
                format!("{key} {}; {}", C::NotAString.get(lang), C::KeyDefault.get(lang))
            }
            ProblemKind::Empty(key) => {
                format!("{key} {}; {}", C::Empty.get(lang), C::KeyDefault.get(lang))
            }
            ProblemKind::BadValue { key, value, allowed } => format!(
                "{key}: {} “{value}” ({} {allowed}); {}",
                C::BadValue.get(lang),
                C::Allowed.get(lang),
                C::KeyDefault.get(lang)
            ),
            ProblemKind::Unreadable(e) => {
                format!("{} ({e}); {}", C::Unreadable.get(lang), C::AllDefaults.get(lang))
            }
        };
        crate::text::safe_line(&format!("{at}: {text}")).into_owned()
    }
}

/// Where the config file is: `$KOMPAS_CONFIG` when set, else `config.toml`
/// in the platform's config folder (`~/.config/kompas` on Linux,
/// `%APPDATA%\kompas\config` on Windows, `~/Library/Application
/// Support/kompas` on macOS).
pub fn config_path(env: impl Fn(&str) -> Option<String>) -> Option<PathBuf> {
    if let Some(p) = env(CONFIG_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "kompas").map(|d| d.config_dir().join("config.toml"))
}

/// Read the config file at `path` (a missing file is no problem).
pub fn read(path: Option<PathBuf>) -> ConfigFile {
    let Some(path) = path else { return ConfigFile::default() };
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let base = path.parent().unwrap_or(Path::new("."));
            let (config, problems) = parse(&text, base);
            ConfigFile { path: Some(path), exists: true, config, problems }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            ConfigFile { path: Some(path), exists: false, ..Default::default() }
        }
        Err(e) => ConfigFile {
            path: Some(path),
            exists: true,
            config: Config::default(),
            problems: vec![Problem { line: 0, column: 0, kind: ProblemKind::Unreadable(e.to_string()) }],
        },
    }
}

/// Parse a config file's text. A relative `sessions` folder is taken from
/// `base` (the config file's folder); `~` at its start is the home folder.
pub fn parse(text: &str, base: &Path) -> (Config, Vec<Problem>) {
    let mut config = Config::default();
    let mut problems = Vec::new();
    let table = match toml::de::DeTable::parse(text) {
        Ok(t) => t.into_inner(),
        Err(e) => {
            let (line, column) = e.span().map(|s| line_column(text, s.start)).unwrap_or((1, 1));
            let detail = e.message().lines().next().unwrap_or_default().to_string();
            problems.push(Problem { line, column, kind: ProblemKind::Syntax(detail) });
            return (config, problems);
        }
    };
    for (key, value) in table.iter() {
        let (line, column) = line_column(text, value.span().start);
        let name = key.get_ref().as_ref();
        let Some(&known) = KEYS.iter().find(|k| **k == name) else {
            let (line, column) = line_column(text, key.span().start);
            problems.push(Problem { line, column, kind: ProblemKind::UnknownKey(name.to_string()) });
            continue;
        };
        let Some(s) = value.get_ref().as_str() else {
            problems.push(Problem { line, column, kind: ProblemKind::NotAString(known) });
            continue;
        };
        let bad = |allowed| ProblemKind::BadValue { key: known, value: s.to_string(), allowed };
        match known {
            "language" => match s {
                "nl" => config.lang = Some(Lang::Nl),
                "en" => config.lang = Some(Lang::En),
                _ => problems.push(Problem { line, column, kind: bad("nl, en") }),
            },
            "theme" => match Theme::parse(s) {
                Some(t) => config.theme = Some(t),
                None => problems.push(Problem { line, column, kind: bad(Theme::NAMES) }),
            },
            "facilitator" => config.facilitator = Some(s.trim().to_string()),
            _ => match s.trim() {
                "" => problems.push(Problem { line, column, kind: ProblemKind::Empty(known) }),
                folder => config.sessions = Some(places::expand(folder, base)),
            },
        }
    }
    (config, problems)
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests;
