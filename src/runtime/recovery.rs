//! Never losing an edit on the way out: waiting for the last save, one more
//! try from memory when it failed, and a recovery file beside the session
//! (or in the temp folder) when nothing else works, or after a panic.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use super::{Held, Wake, now};
use crate::app::{AppState, Failure, FailureKind, FailureWords, IoCause, SaveState};
use crate::domain::Session;
use crate::storage;
use crate::text::safe_line;

/// On the way out: wait for the writer; if the newest state could not be
/// saved (disk full, folder gone), write it to a recovery file and say where,
/// so quitting never loses an edit.
pub(super) fn finish_saving(state: &AppState, held: &mut Held, rx: &mpsc::Receiver<Wake>) -> io::Result<()> {
    let limit = Duration::from_secs(30);
    // No session open: one just closed may still be syncing.
    let Some(s) = state.session() else {
        held.writer.settle(limit);
        return Ok(());
    };
    if s.access.read_only() {
        return Ok(());
    }
    let failed_before = matches!(s.save, SaveState::Failed(_));
    let outcome = match held.writer.flush(rx, limit) {
        // A file deleted outside kompas is not written again unasked: the
        // session goes to a recovery file, and the message says where.
        Err(f) if f.kind == FailureKind::Gone => Err(f),
        _ if s.save == SaveState::Gone => Err(Failure::new(Some(&s.path), FailureKind::Gone)),
        // The side lock file was deleted (or replaced) since the last
        // save: take it again, unless another kompas holds it, and save.
        Err(f) if f.kind == FailureKind::LockTaken => {
            held.writer.retake(held.lock.as_mut());
            save_again(held, s, rx, limit)
        }
        // The last save failed: one more try, through the writer (which
        // still merges what changed outside meanwhile).
        Err(_) => save_again(held, s, rx, limit),
        Ok(()) if failed_before => save_again(held, s, rx, limit),
        Ok(()) => Ok(()),
    };
    match outcome {
        Ok(()) => Ok(()),
        Err(why) => {
            let written = write_recovery(&s.session, &s.path).or_else(|_| {
                write_recovery(&s.session, &std::env::temp_dir().join(s.path.file_name().unwrap_or_default()))
            });
            let lang = state.lang;
            let why = why.describe(lang);
            Err(io::Error::other(match written {
                Ok(p) => format!(
                    "{why}; {} {}",
                    FailureWords::WrittenTo.get(lang),
                    safe_line(&p.to_string_lossy())
                ),
                Err(e) => {
                    format!("{why}; {}: {}", FailureWords::NoRecovery.get(lang), IoCause::of(&e).say(lang))
                }
            }))
        }
    }
}

fn save_again(
    held: &mut Held,
    s: &crate::app::SessionScreen,
    rx: &mpsc::Receiver<Wake>,
    limit: Duration,
) -> Result<(), Failure> {
    held.sync(s, false);
    held.writer.flush(rx, limit)
}

/// After a panic, with the terminal restored: the session in memory goes to
/// a recovery file, and stderr says where.
pub(super) fn after_panic(state: &AppState) {
    let Some(s) = state.session() else { return };
    // A path or an error message from the file system is made safe like any
    // other text.
    let lang = state.lang;
    let message = match write_recovery(&s.session, &s.path) {
        Ok(p) => format!(
            "{}; {} {}",
            FailureWords::InternalError.get(lang),
            FailureWords::WrittenTo.get(lang),
            p.display()
        ),
        Err(e) => format!(
            "{}; {}: {}",
            FailureWords::InternalError.get(lang),
            FailureWords::NoRecovery.get(lang),
            IoCause::of(&e).say(lang)
        ),
    };
    eprintln!("\n{}", safe_line(&message));
}

/// The session as it was in memory, next to its file.
fn write_recovery(session: &Session, path: &Path) -> io::Result<PathBuf> {
    let name =
        path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "session.json".into());
    let target = path.with_file_name(format!("{name}.recovered-{}.json", now().format("%Y%m%d-%H%M%S")));
    storage::save(&target, session).map_err(|e| io::Error::other(e.to_string()))?;
    Ok(target)
}
