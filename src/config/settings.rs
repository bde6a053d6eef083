//! The settings kompas runs with: a command-line flag wins, then the config
//! file, then the environment (LANG and friends), then the default.

use std::path::{Path, PathBuf};

use super::{ConfigFile, places};
use crate::i18n::Lang;
use crate::ui::theme::Theme;

/// Where a setting's value came from (shown by `kompas config`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Flag,
    File,
    Env,
    Default,
    /// `./sessions` in the current folder.
    Here,
    /// The platform's documents or data folder.
    Platform,
}

/// What the command line says about the settings (each `None` when not given).
#[derive(Debug, Clone, Copy, Default)]
pub struct Flags<'a> {
    pub lang: Option<Lang>,
    pub sessions_dir: Option<&'a Path>,
    pub theme: Option<Theme>,
    pub facilitator: Option<&'a str>,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub lang: (Lang, Source),
    pub sessions_dir: (PathBuf, Source),
    pub theme: (Theme, Source),
    pub facilitator: (String, Source),
    /// The config file they were read from, with its problems.
    pub file: ConfigFile,
}

impl Settings {
    /// The settings from the real environment: the config file at its place
    /// (or `$KOMPAS_CONFIG`), the locale variables, the current folder.
    pub fn load(flags: Flags<'_>) -> Settings {
        let env = |k: &str| std::env::var(k).ok();
        let file = super::read(super::config_path(env));
        let here = Path::new("sessions").is_dir();
        Settings::resolve(flags, file, env, here, places::platform_sessions_dir())
    }

    /// The rules, without touching the environment.
    pub fn resolve(
        flags: Flags<'_>,
        file: ConfigFile,
        env: impl Fn(&str) -> Option<String>,
        here_has_sessions: bool,
        platform: Option<PathBuf>,
    ) -> Settings {
        let c = &file.config;
        let lang = match (flags.lang, c.lang) {
            (Some(l), _) => (l, Source::Flag),
            (None, Some(l)) => (l, Source::File),
            (None, None) => {
                let named = ["LC_ALL", "LC_MESSAGES", "LANG"]
                    .into_iter()
                    .any(|k| env(k).is_some_and(|v| Lang::parse(&v).is_some()));
                (Lang::from_env_vars(&env), if named { Source::Env } else { Source::Default })
            }
        };
        let sessions_dir =
            places::sessions_folder(flags.sessions_dir, c.sessions.as_deref(), here_has_sessions, platform);
        let theme = match (flags.theme, c.theme) {
            (Some(t), _) => (t, Source::Flag),
            (None, Some(t)) => (t, Source::File),
            (None, None) => (Theme::default(), Source::Default),
        };
        let facilitator = match (flags.facilitator, &c.facilitator) {
            (Some(f), _) => (f.to_string(), Source::Flag),
            (None, Some(f)) => (f.clone(), Source::File),
            (None, None) => (String::new(), Source::Default),
        };
        Settings { lang, sessions_dir, theme, facilitator, file }
    }

    pub fn lang(&self) -> Lang {
        self.lang.0
    }
}

/// `TERM=dumb`: a terminal that cannot move the cursor or clear the screen
/// (Emacs's shell, some IDE consoles, a CI log).
pub fn dumb_terminal(env: impl Fn(&str) -> Option<String>) -> bool {
    env("TERM").is_some_and(|t| t.trim() == "dumb")
}
