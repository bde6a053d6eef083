//! Where the sessions live: the folder named by a flag or the config file;
//! else `./sessions` when the current folder has one (working in the
//! repository, or in an unpacked release archive); else `Kompas` in the
//! user's documents folder, or `kompas/sessions` in the data folder where
//! the platform names no documents folder.

use std::path::{Path, PathBuf};

use super::Source;

/// The sessions folder and the rule that chose it.
pub fn sessions_folder(
    flag: Option<&Path>,
    file: Option<&Path>,
    here_has_sessions: bool,
    platform: Option<PathBuf>,
) -> (PathBuf, Source) {
    if let Some(p) = flag {
        return (p.to_path_buf(), Source::Flag);
    }
    if let Some(p) = file {
        return (p.to_path_buf(), Source::File);
    }
    if here_has_sessions {
        return (PathBuf::from("sessions"), Source::Here);
    }
    match platform {
        Some(p) => (p, Source::Platform),
        // No home folder at all: the old rule, a folder here.
        None => (PathBuf::from("sessions"), Source::Default),
    }
}

/// The platform's place for sessions: `Documents/Kompas` (on Windows
/// `C:\Users\NAME\Documents\Kompas`, wherever the user moved Documents to),
/// else the data folder (`~/.local/share/kompas/sessions` on Linux without
/// XDG user folders).
pub fn platform_sessions_dir() -> Option<PathBuf> {
    let documents = directories::UserDirs::new().and_then(|u| u.document_dir().map(|d| d.join("Kompas")));
    documents
        .or_else(|| directories::ProjectDirs::from("", "", "kompas").map(|d| d.data_dir().join("sessions")))
}

/// A folder as written in the config file: `~` at the start is the home
/// folder; a relative folder is taken from `base` (the config file's own
/// folder), so the meaning does not change with the current folder.
pub fn expand(folder: &str, base: &Path) -> PathBuf {
    let home = || directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf());
    let rest = folder.strip_prefix("~").filter(|r| r.is_empty() || r.starts_with(['/', '\\']));
    if let Some(rest) = rest
        && let Some(home) = home()
    {
        let rest = rest.trim_start_matches(['/', '\\']);
        return if rest.is_empty() { home } else { home.join(rest) };
    }
    let p = PathBuf::from(folder);
    if p.is_absolute() { p } else { base.join(p) }
}
