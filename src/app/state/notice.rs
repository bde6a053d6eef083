//! The notice line: what the last action said, in the interface language.

use std::path::PathBuf;

use crate::app::{Failure, journal, outside};
use crate::i18n::{Lang, Msg};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoticeText {
    Msg(Msg),
    /// A file written somewhere (an export).
    Exported(PathBuf),
    /// A change undone (or, `undone: false`, made again), by its name.
    Step {
        undone: bool,
        what: Msg,
    },
    /// A change undone or made again while changes from outside kompas had
    /// come in since (issue 8): taken around them (`taken`), or refused
    /// because they changed the same.
    StepAcross {
        undone: bool,
        what: Msg,
        taken: bool,
    },
    Failure(Failure),
    /// Changes from outside merged into the session (issue 8): how many
    /// came in, how many conflicts this merge added, how many are open.
    CameIn {
        came_in: usize,
        conflicts: usize,
        open: usize,
    },
    /// The version from outside that could not be merged, kept as this copy.
    KeptCopy(PathBuf),
    /// The draft journal could not be written (issue 8): typing is not
    /// safe from a kill until a write succeeds.
    DraftNotKept(Failure),
    /// The draft journal went to this other place (the folder beside the
    /// session could not take it).
    DraftElsewhere(PathBuf),
    /// Words from outside the program (the system's reason a port could
    /// not be opened) or already said in the interface language (a problem
    /// in the config file), made safe.
    Text(String),
}

impl NoticeText {
    /// The notice in the interface language, one line, safe to show.
    pub fn say(&self, lang: Lang) -> String {
        match self {
            NoticeText::Msg(m) => m.get(lang).to_string(),
            NoticeText::Exported(path) => {
                format!("{} {}", Msg::ExportedTo.get(lang), crate::text::safe_line(&path.to_string_lossy()))
            }
            NoticeText::Failure(f) => f.describe(lang),
            NoticeText::Step { undone, what } => {
                let done = if *undone { Msg::Undone } else { Msg::Redone };
                format!("{}: {}", done.get(lang), what.get(lang))
            }
            NoticeText::StepAcross { undone, what, taken } => {
                crate::app::history::say(lang, *undone, *what, *taken)
            }
            NoticeText::Text(t) => crate::text::safe_line(t).into_owned(),
            NoticeText::CameIn { came_in, conflicts, open } => {
                outside::came_in_text(lang, *came_in, *conflicts, *open)
            }
            NoticeText::DraftNotKept(f) => {
                format!("{}: {}", journal::J::NotKept.get(lang), f.describe(lang))
            }
            NoticeText::DraftElsewhere(p) => format!(
                "{} {}",
                journal::J::KeptElsewhere.get(lang),
                crate::text::safe_line(&p.to_string_lossy())
            ),
            NoticeText::KeptCopy(copy) => format!(
                "{} {}",
                outside::O::KeptCopy.get(lang),
                crate::text::safe_line(&copy.file_name().unwrap_or_default().to_string_lossy())
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: NoticeText,
    pub error: bool,
}
