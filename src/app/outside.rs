//! What the open session's file did outside kompas (issue 8), as the state
//! machine sees it: changes that came in (merged by the writer thread, taken
//! in here without losing the facilitator's place or typing), a file
//! deleted while open (written again only when asked), a version that could
//! not be merged (kept as a copy), and why a session opened read-only.

use std::path::PathBuf;
use std::sync::Arc;

use super::action::Effect;
use super::state::{AppState, Notice, NoticeText, SaveState};
use crate::domain::{Session, Timestamp};
use crate::i18n::{Lang, Msg};

crate::messages! { pub struct O {
    CameInOne => "1 wijziging van buiten kompas samengevoegd", "1 change from outside merged";
    CameInMany => "{n} wijzigingen van buiten kompas samengevoegd", "{n} changes from outside merged";
    ConflictsOne => "1 conflict: beide kanten wijzigden hetzelfde; C: bekijken", "1 conflict: both sides changed the same thing; C: show";
    ConflictsMany => "{n} conflicten: beide kanten wijzigden hetzelfde; C: bekijken", "{n} conflicts: both sides changed the same thing; C: show";
    Gone => "Het bestand is buiten kompas verwijderd; je werk staat in het geheugen. W: opnieuw schrijven", "The file was deleted outside kompas; your work is kept in memory. W: write it again";
    GoneReadOnly => "Het bestand is buiten kompas verwijderd", "The file was deleted outside kompas";
    GoneShort => "bestand verwijderd; W: opnieuw schrijven", "file deleted; W: write it again";
    WrittenAgain => "Het bestand wordt opnieuw geschreven", "Writing the file again";
    KeptCopy => "De versie van buiten kon niet worden samengevoegd; die is bewaard als", "The version from outside could not be merged; it was kept as";
    KeyWriteAgain => "opnieuw schrijven", "write again";
    HelpWriteAgain => "een buiten kompas verwijderd bestand terugschrijven", "write a file deleted outside kompas again";
    // conflict records
    OpenConflicts => "⚠ {n} conflict(en) (C)", "⚠ {n} conflict(s) (C)";
    ConflictsTitle => "Conflicten: beide kanten wijzigden hetzelfde", "Conflicts: both sides changed the same thing";
    Shown => "nu", "now";
    Other => "ander", "other";
    Removed => "(verwijderd)", "(removed)";
    SourceDisk => "van buiten kompas", "from outside kompas";
    NoConflicts => "Geen conflicten", "No conflicts";
    SettleConflict => "conflict opgelost", "conflict settled";
    KeptShown => "Gehouden wat er stond", "Kept what was shown";
    TookOther => "De andere waarde overgenomen", "Took the other value";
    KeyConflicts => "conflicten", "conflicts";
    HelpConflicts => "conflicten met een wijziging van buiten oplossen", "show and settle conflicts with outside changes";
    KeyKeep => "houden wat er staat", "keep what is shown";
    KeyTakeOther => "de andere nemen", "take the other";
    // why a session opened read-only
    ReadOnlyBanner => "ALLEEN LEZEN", "READ-ONLY";
    WhyFileMode => "het bestand is alleen-lezen (modus {n})", "the file is read-only (mode {n})";
    WhyNoWriteFile => "je mag dit bestand niet schrijven", "you may not write this file";
    WhyNoWriteFolder => "je mag niet schrijven in de map", "you may not write in its folder";
    WhyReadOnlyDisk => "de schijf is alleen-lezen", "the disk is read-only";
    WhyOtherOwner => "het is van een andere gebruiker (uid {n})", "it belongs to another user (uid {n})";
    WhyHardLinks => "het bestand heeft {n} namen (harde koppelingen)", "the file has {n} names (hard links)";
    WhyPlantedLockLink => "er staat een symbolische koppeling waar het slotbestand hoort", "a symbolic link is where the lock file goes";
    WhyLockFailed => "het slot kon niet worden genomen", "the lock could not be taken";
} }

/// Why a session that could be read may not be written here (see
/// `storage::ReadOnly`, which says the same for the library).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadOnlyWhy {
    FileMode(u32),
    NoWriteFile,
    NoWriteFolder,
    ReadOnlyDisk,
    OtherOwner(u32),
    HardLinks(u64),
    PlantedLockLink,
    LockFailed,
}

impl ReadOnlyWhy {
    pub fn say(self, lang: Lang) -> String {
        let (m, n) = match self {
            ReadOnlyWhy::FileMode(mode) => (O::WhyFileMode, format!("{mode:04o}")),
            ReadOnlyWhy::NoWriteFile => (O::WhyNoWriteFile, String::new()),
            ReadOnlyWhy::NoWriteFolder => (O::WhyNoWriteFolder, String::new()),
            ReadOnlyWhy::ReadOnlyDisk => (O::WhyReadOnlyDisk, String::new()),
            ReadOnlyWhy::OtherOwner(uid) => (O::WhyOtherOwner, uid.to_string()),
            ReadOnlyWhy::HardLinks(links) => (O::WhyHardLinks, links.to_string()),
            ReadOnlyWhy::PlantedLockLink => (O::WhyPlantedLockLink, String::new()),
            ReadOnlyWhy::LockFailed => (O::WhyLockFailed, String::new()),
        };
        m.get(lang).replace("{n}", &n)
    }
}

/// What the writer found when it brought the file and memory in step,
/// besides a plain save (`Action::Saved`) or a failure.
#[derive(Debug, Clone, PartialEq)]
pub enum DiskNews {
    /// The file is as kompas last saw it, and nothing of ours waited.
    InStep,
    /// Changes from outside came in: `session` is the session now (merged
    /// with ours and written when ours had changed too). It was made from
    /// `sent`, the snapshot the writer had; it replaces the session only
    /// while that is still the one shown, else the newer one is synced again.
    CameIn { sent: Arc<Session>, session: Arc<Session>, came_in: usize, conflicts: usize },
    /// Theirs could not be merged: ours was written, theirs kept whole here.
    KeptCopy(PathBuf),
    /// The file was deleted outside kompas; nothing was written.
    Gone,
}

/// Take in what the writer found.
pub(super) fn from_disk(state: &mut AppState, news: DiskNews, now: Timestamp) -> Vec<Effect> {
    let view = state.view();
    let Some(s) = state.session_mut() else { return Vec::new() };
    let editable = !s.access.read_only();
    match news {
        DiskNews::InStep => {
            if editable && !matches!(s.save, SaveState::Saved(_)) {
                s.save = SaveState::Saved(now);
            }
            Vec::new()
        }
        DiskNews::Gone => {
            if editable {
                s.save = SaveState::Gone;
                state.warn(O::Gone);
            } else {
                state.warn(O::GoneReadOnly);
            }
            Vec::new()
        }
        DiskNews::KeptCopy(copy) => {
            s.save = SaveState::Saved(now);
            state.notice = Some(Notice { text: NoticeText::KeptCopy(copy), error: true });
            Vec::new()
        }
        DiskNews::CameIn { sent, session, came_in, conflicts } => {
            if !Arc::ptr_eq(&s.session, &sent) {
                // Changed here meanwhile: what came in is on disk; the next
                // sync merges it with the newer session.
                return if editable { vec![Effect::Save] } else { Vec::new() };
            }
            // The place, the open form and its typing stay; only the session
            // under them is the merged one. The undo steps stay too: each
            // is merged around what came in when taken (`app::history`).
            s.session = session;
            if editable {
                s.save = SaveState::Saved(now);
            }
            s.reindex(&view);
            s.keep_in_view(&view);
            let open = s.session.conflicts.len();
            super::conflicts::refresh(state);
            state.notice =
                Some(Notice { text: NoticeText::CameIn { came_in, conflicts, open }, error: open > 0 });
            Vec::new()
        }
    }
}

/// The facilitator asked to write a deleted file again.
pub(super) fn write_again(state: &mut AppState) -> Vec<Effect> {
    if state.read_only() {
        state.warn(Msg::ReadOnlyRefused);
        return Vec::new();
    }
    match state.session_mut() {
        Some(s) if s.save == SaveState::Gone => {
            s.save = SaveState::Saving;
            state.info(O::WrittenAgain);
            vec![Effect::WriteAgain]
        }
        _ => Vec::new(),
    }
}

/// "3 changes from outside merged", then the open conflicts, if any.
pub(super) fn came_in_text(lang: Lang, came_in: usize, conflicts: usize, open: usize) -> String {
    let count = |one: Msg, many: Msg, n: usize| {
        if n == 1 { one.get(lang).to_string() } else { many.get(lang).replace("{n}", &n.to_string()) }
    };
    let merged = count(O::CameInOne, O::CameInMany, came_in.max(1));
    match open.max(conflicts) {
        0 => merged,
        n => format!("{merged}; {}", count(O::ConflictsOne, O::ConflictsMany, n)),
    }
}
