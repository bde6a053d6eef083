//! The open session's copies (issue 8), off the loop: finding them when it
//! opens, merging them when asked (`M`), removing them after the merged
//! session's save has landed. Each runs on a thread of its own and comes
//! back as an action.

use std::path::PathBuf;
use std::sync::Arc;

use crate::app::copies_offer::{CopyTrouble, MergedCopies, MergedCopy, RemovedCopies, RestoredCopies};
use crate::app::{Action, Failure, IoCause};
use crate::domain::{Session, Timestamp};
use crate::storage::{self, FoundCopy, Removal, RemoveError};

/// Every copy of the session in `path` (id `id`).
pub fn find(path: PathBuf, id: &str) -> Action {
    let copies = storage::copies_of(&path, id);
    Action::CopiesFound { path, copies }
}

/// Merge `copies` into `ours`, one after the other; each read again now, so
/// what is removed later is what was merged.
pub fn merge(path: PathBuf, copies: Vec<FoundCopy>, ours: Arc<Session>, now: Timestamp) -> Action {
    let mut session: Option<Session> = None;
    let (mut merged, mut failed, mut came_in, mut conflicts) = (Vec::new(), Vec::new(), 0, 0);
    for c in copies {
        let (theirs, hash, bytes) = match storage::read_copy(&c.copy) {
            Ok(read) => read,
            Err(e) => {
                failed.push((c, CopyTrouble::Unreadable(Failure::from(&e))));
                continue;
            }
        };
        if theirs.id != ours.id {
            failed.push((c, CopyTrouble::OtherSession));
            continue;
        }
        let source = c.copy.file_name().unwrap_or_default().to_string_lossy().into_owned();
        match storage::merge_read_copy(session.as_ref().unwrap_or(&ours), &theirs, &source, now) {
            Ok(m) => {
                came_in += m.came_in;
                conflicts += m.conflicts;
                session = Some(m.session);
                merged.push(MergedCopy { found: c, hash, bytes: bytes.into() });
            }
            Err(_) => failed.push((c, CopyTrouble::BreaksRule)),
        }
    }
    Action::CopiesMerged(Box::new(MergedCopies {
        path,
        sent: ours,
        session,
        merged,
        failed,
        came_in,
        conflicts,
    }))
}

/// Remove the copies the session in `path` took in, each only when the
/// file holds all of it and it is still what was merged.
pub fn remove(path: PathBuf, copies: Vec<(FoundCopy, u64)>) -> Action {
    let asked: Vec<(PathBuf, u64)> = copies.iter().map(|(c, h)| (c.copy.clone(), *h)).collect();
    let mut removed = Vec::new();
    let mut kept = Vec::new();
    match storage::remove_copies(&path, &asked) {
        Err(e) => {
            let f = Failure::from(&e);
            kept.extend(copies.into_iter().map(|(c, _)| (c, CopyTrouble::Unreadable(f.clone()))));
        }
        Ok(results) => {
            for ((c, _), result) in copies.into_iter().zip(results) {
                match result {
                    Ok(Removal::Removed) => removed.push(c.copy),
                    Ok(Removal::Changed) => kept.push((c, CopyTrouble::Changed)),
                    Ok(Removal::NotHeld) => kept.push((c, CopyTrouble::NotHeld)),
                    Err(RemoveError::Load(e)) => kept.push((c, CopyTrouble::Unreadable(Failure::from(&e)))),
                    Err(RemoveError::Remove(_, e)) => kept.push((c, CopyTrouble::Remove(IoCause::of(&e)))),
                }
            }
        }
    }
    Action::CopiesRemoved(Box::new(RemovedCopies { path, removed, kept }))
}

/// Put back copies removed after a merge that was then undone.
pub fn restore(path: PathBuf, copies: Vec<(FoundCopy, Arc<[u8]>)>) -> Action {
    let (mut restored, mut failed) = (Vec::new(), Vec::new());
    for (c, bytes) in copies {
        match storage::restore_copy(&c.copy, &c.original, &bytes) {
            Ok(at) => restored.push((c.copy.clone(), FoundCopy { copy: at, ..c })),
            Err(e) => failed.push((c, CopyTrouble::Unreadable(Failure::from(&e)))),
        }
    }
    Action::CopiesRestored(Box::new(RestoredCopies { path, restored, failed }))
}
