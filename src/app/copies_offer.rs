//! Copies of the open session offered for merging (issue 8). When a
//! session opens, the runtime looks for its copies (sync tools' conflict
//! copies, kompas's own, its recovery files) off the input path; the status
//! line says how many, and `M` merges them all in one change through the
//! one change path (saved like any edit, undone with `u`): what differs is
//! kept in conflict records named after the copy, nothing is dropped. A
//! copy's file is removed only after the merged session's save has landed,
//! and only when the file on disk holds everything in it (the runtime reads
//! both again); a failed save, an undone merge or a copy changed meanwhile
//! keeps the copy, offered again.

use std::path::PathBuf;
use std::sync::Arc;

use super::action::{Access, Effect};
use super::copies::copy_label;
use super::state::{AppState, Notice, NoticeText};
use crate::domain::{Session, Timestamp};
use crate::i18n::Lang;
use crate::storage::{CopyKind, FoundCopy};

/// The open session's copies and where merging them stands.
#[derive(Debug, Default)]
pub struct Copies {
    /// Found beside it (or in the state folder) and not merged yet.
    pub found: Vec<FoundCopy>,
    /// A merge asked of the runtime and not answered yet.
    pub merging: bool,
    /// Merged into the session, with the hash of the bytes merged: removed
    /// once a save has landed.
    pub merged: Vec<(FoundCopy, u64)>,
    /// A removal asked of the runtime and not answered yet.
    pub removing: bool,
    /// Each merge of this session's copies, so that undoing it offers them
    /// again (putting back the files removed meanwhile) and redoing it
    /// takes them in again.
    pub merges: Vec<Merge>,
}

/// One merge: the session before and after it, and the copies it took in.
#[derive(Debug, Clone)]
pub struct Merge {
    pub before: Arc<Session>,
    pub after: Arc<Session>,
    pub copies: Vec<MergedCopy>,
}

/// A copy as merged: what was found, the hash and the bytes it held.
#[derive(Debug, Clone, PartialEq)]
pub struct MergedCopy {
    pub found: FoundCopy,
    pub hash: u64,
    pub bytes: Arc<[u8]>,
}

/// Why a copy was not merged or not removed.
#[derive(Debug, Clone, PartialEq)]
pub enum CopyTrouble {
    Unreadable(super::Failure),
    /// It holds another session (replaced since it was found).
    OtherSession,
    /// Merged, the session would break a rule of the model.
    BreaksRule,
    /// Changed since it was merged.
    Changed,
    /// The session's file does not hold all of it.
    NotHeld,
    /// The file could not be removed.
    Remove(super::IoCause),
}

/// What the runtime made of `M`: the session with the copies merged in
/// (`None` when none could be), made from `sent`.
#[derive(Debug, Clone, PartialEq)]
pub struct MergedCopies {
    pub path: PathBuf,
    pub sent: Arc<Session>,
    pub session: Option<Session>,
    pub merged: Vec<MergedCopy>,
    pub failed: Vec<(FoundCopy, CopyTrouble)>,
    pub came_in: usize,
    pub conflicts: usize,
}

/// Copies put back after their merge was undone: the name each had, and
/// the copy where it went (its own name when free).
#[derive(Debug, Clone, PartialEq)]
pub struct RestoredCopies {
    pub path: PathBuf,
    pub restored: Vec<(PathBuf, FoundCopy)>,
    pub failed: Vec<(FoundCopy, CopyTrouble)>,
}

/// What became of the copies asked to be removed.
#[derive(Debug, Clone, PartialEq)]
pub struct RemovedCopies {
    pub path: PathBuf,
    pub removed: Vec<PathBuf>,
    pub kept: Vec<(FoundCopy, CopyTrouble)>,
}

crate::messages! { pub struct C {
    FoundOne => "Een {what} van deze sessie gevonden — M: samenvoegen", "A {what} of this session found — M: merge";
    FoundMany => "{n} kopieën van deze sessie gevonden — M: samenvoegen", "{n} copies of this session found — M: merge";
    Waiting => "⧉ {n} kopie(ën) (M)", "⧉ {n} cop(y/ies) (M)";
    NoCopies => "Geen kopieën van deze sessie gevonden", "No copies of this session found";
    Merging => "Kopieën samenvoegen…", "Merging the copies…";
    Merged => "{n} kopie(ën) samengevoegd: {came} overgenomen, {c} conflict(en) (C); de kopie gaat weg zodra dit bewaard is", "{n} cop(y/ies) merged: {came} taken in, {c} conflict(s) (C); the copy goes once this is saved";
    MergeName => "kopieën samenvoegen", "merge copies";
    Removed => "{n} kopie(ën) verwijderd: alles staat in de sessie", "{n} cop(y/ies) removed: everything in them is in the session";
    NotMerged => "Niet samengevoegd: {file}: {why}", "Not merged: {file}: {why}";
    Kept => "Kopie bewaard: {file}: {why}", "Copy kept: {file}: {why}";
    OtherSession => "die bevat een andere sessie", "it holds another session";
    BreaksRule => "samengevoegd zou de sessie een regel van het model breken", "merged, the session would break a rule of the model";
    Changed => "die is veranderd sinds het samenvoegen; M: opnieuw samenvoegen", "it changed since it was merged; M: merge again";
    NotHeld => "het bestand bevat niet alles daaruit (samenvoegen ongedaan gemaakt?); M: opnieuw samenvoegen", "the file does not hold all of it (merge undone?); M: merge again";
    NotRemoved => "kon niet worden verwijderd: {cause}", "could not be removed: {cause}";
    Restored => "Samenvoegen ongedaan: {n} kopie(ën) teruggezet en weer aangeboden (M)", "Merge undone: {n} cop(y/ies) put back and offered again (M)";
    NotRestored => "Kopie niet teruggezet: {file}: {why}", "Copy not put back: {file}: {why}";
    KeyMerge => "kopieën samenvoegen", "merge copies";
    HelpMerge => "kopieën en herstelbestanden van deze sessie samenvoegen (verschillen worden conflicten)", "merge copies and recovery files of this session (differences become conflicts)";
} }

impl CopyTrouble {
    pub fn say(&self, lang: Lang) -> String {
        match self {
            CopyTrouble::Unreadable(f) => f.describe(lang),
            CopyTrouble::Remove(cause) => C::NotRemoved.get(lang).replace("{cause}", &cause.say(lang)),
            CopyTrouble::OtherSession => C::OtherSession.get(lang).to_string(),
            CopyTrouble::BreaksRule => C::BreaksRule.get(lang).to_string(),
            CopyTrouble::Changed => C::Changed.get(lang).to_string(),
            CopyTrouble::NotHeld => C::NotHeld.get(lang).to_string(),
        }
    }
}

fn file(c: &FoundCopy) -> String {
    crate::text::safe_line(&c.copy.file_name().unwrap_or_default().to_string_lossy()).into_owned()
}

/// A session opened to work in: look for its copies (a read-only one
/// cannot take them in).
pub(super) fn look(state: &AppState) -> Vec<Effect> {
    match state.session() {
        Some(s) if s.access == Access::Edit => {
            vec![Effect::FindCopies { path: s.path.clone(), id: s.session.id.clone() }]
        }
        _ => Vec::new(),
    }
}

/// The copies the runtime found for the session in `path`.
pub(super) fn found(state: &mut AppState, path: PathBuf, copies: Vec<FoundCopy>) -> Vec<Effect> {
    let lang = state.lang;
    let Some(s) = state.session_mut().filter(|s| s.path == path) else { return Vec::new() };
    let merged: Vec<PathBuf> = s.copies.merged.iter().map(|(c, _)| c.copy.clone()).collect();
    s.copies.found = copies.into_iter().filter(|c| !merged.contains(&c.copy)).collect();
    let Some(text) = found_text(lang, &s.copies.found) else { return Vec::new() };
    // An open form keeps its words in the status line; the count stays in
    // view beside the save state.
    if state.form.is_none() {
        state.notice = Some(Notice { text: NoticeText::Text(text), error: true });
    }
    Vec::new()
}

/// "A copy (Dropbox) of this session found: NAME — M: merge", or how many.
fn found_text(lang: Lang, found: &[FoundCopy]) -> Option<String> {
    Some(match found {
        [] => return None,
        // Its file's name is in the library, and in each conflict record.
        [one] => C::FoundOne.get(lang).replace("{what}", &copy_label(lang, one.kind, &device(one))),
        many => C::FoundMany.get(lang).replace("{n}", &many.len().to_string()),
    })
}

/// OneDrive's device name of a copy found for the open session.
fn device(c: &FoundCopy) -> String {
    if c.kind != CopyKind::OneDrive {
        return String::new();
    }
    let name = |p: &std::path::Path| p.file_name().unwrap_or_default().to_string_lossy().into_owned();
    super::copies::device(&name(&c.copy), &name(&c.original), c.kind)
}

/// `M`: merge every copy found, in the background.
pub(super) fn merge(state: &mut AppState, now: Timestamp) -> Vec<Effect> {
    let Some(s) = state.session_mut() else { return Vec::new() };
    if s.copies.merging {
        return Vec::new();
    }
    if s.copies.found.is_empty() {
        state.info(C::NoCopies);
        return Vec::new();
    }
    s.copies.merging = true;
    let effect = Effect::MergeCopies {
        path: s.path.clone(),
        copies: s.copies.found.clone(),
        ours: Arc::clone(&s.session),
        now,
    };
    state.info(C::Merging);
    vec![effect]
}

/// The runtime merged the copies: take the result in through the change
/// path, or merge again when the session changed meanwhile.
pub(super) fn merged(state: &mut AppState, m: MergedCopies, now: Timestamp) -> Vec<Effect> {
    let lang = state.lang;
    let Some(s) = state.session_mut().filter(|s| s.path == m.path) else { return Vec::new() };
    s.copies.merging = false;
    let MergedCopies { sent, session, merged, failed, came_in, conflicts, .. } = m;
    if session.is_some() && !Arc::ptr_eq(&s.session, &sent) {
        // Changed here meanwhile: merge into the session as it is now.
        return merge(state, now);
    }
    let mut effects = Vec::new();
    if let Some(session) = session {
        effects = super::capture::change(state, C::MergeName, |s| {
            *s.edit() = session;
            Ok(true)
        });
        super::conflicts::refresh(state);
    }
    let Some(s) = state.session_mut() else { return effects };
    let done: Vec<PathBuf> = merged.iter().map(|m| m.found.copy.clone()).collect();
    s.copies.found.retain(|c| !done.contains(&c.copy));
    let n = merged.len();
    s.copies.merged.extend(merged.iter().map(|m| (m.found.clone(), m.hash)));
    if !effects.is_empty() {
        s.copies.merges.push(Merge { before: sent, after: Arc::clone(&s.session), copies: merged });
    }
    let mut text = Vec::new();
    if n > 0 {
        text.push(
            C::Merged
                .get(lang)
                .replace("{n}", &n.to_string())
                .replace("{came}", &came_in.to_string())
                .replace("{c}", &conflicts.to_string()),
        );
    }
    for (c, why) in &failed {
        text.push(C::NotMerged.get(lang).replace("{file}", &file(c)).replace("{why}", &why.say(lang)));
    }
    state.notice = Some(Notice {
        text: NoticeText::Text(text.join(" · ")),
        error: !failed.is_empty() || conflicts > 0,
    });
    effects
}

/// A save landed: the copies merged before it can go, when the file holds
/// all of them (the runtime checks).
pub(super) fn saved(state: &mut AppState) -> Vec<Effect> {
    let Some(s) = state.session_mut() else { return Vec::new() };
    if s.copies.merged.is_empty() || s.copies.removing {
        return Vec::new();
    }
    s.copies.removing = true;
    vec![Effect::RemoveCopies { path: s.path.clone(), copies: s.copies.merged.clone() }]
}

/// What became of the copies the runtime was asked to remove.
pub(super) fn removed(state: &mut AppState, r: RemovedCopies) -> Vec<Effect> {
    let lang = state.lang;
    let Some(s) = state.session_mut().filter(|s| s.path == r.path) else { return Vec::new() };
    s.copies.removing = false;
    let asked = |c: &FoundCopy| r.removed.contains(&c.copy) || r.kept.iter().any(|(k, _)| k.copy == c.copy);
    s.copies.merged.retain(|(c, _)| !asked(c));
    // Undone while the removal was under way (`stepped` offered it again at
    // once): the file is gone now, so it is put back from the bytes merged.
    let mut restore = Vec::new();
    for path in &r.removed {
        let Some(o) = s.copies.found.iter().position(|f| f.copy == *path) else { continue };
        let merged = s.copies.merges.iter().flat_map(|m| m.copies.iter()).find(|mc| mc.found.copy == *path);
        if let Some(mc) = merged {
            s.copies.found.remove(o);
            restore.push((mc.found.clone(), Arc::clone(&mc.bytes)));
        }
    }
    let mut text = Vec::new();
    let gone = r.removed.len() - restore.len();
    if gone > 0 {
        text.push(C::Removed.get(lang).replace("{n}", &gone.to_string()));
    }
    for (c, why) in &r.kept {
        text.push(C::Kept.get(lang).replace("{file}", &file(c)).replace("{why}", &why.say(lang)));
        // Still beside the session: offered again.
        if !matches!(why, CopyTrouble::Remove(_)) && !s.copies.found.iter().any(|f| f.copy == c.copy) {
            s.copies.found.push(c.clone());
        }
    }
    let again = !s.copies.merged.is_empty() && matches!(s.save, super::SaveState::Saved(_));
    if !text.is_empty() {
        state.notice = Some(Notice { text: NoticeText::Text(text.join(" · ")), error: !r.kept.is_empty() });
    }
    let path = r.path.clone();
    // Merged while this removal was under way, and saved already.
    let mut effects = if again { saved(state) } else { Vec::new() };
    if !restore.is_empty() {
        effects.push(Effect::RestoreCopies { path, copies: restore });
    }
    effects
}

/// The status line's reminder while copies wait, before the notice (which
/// a narrow screen may cut): "⧉ 2 kopie(ën) (M)".
pub fn waiting(state: &AppState) -> Option<String> {
    let n = state.session()?.copies.found.len();
    (n > 0).then(|| C::Waiting.get(state.lang).replace("{n}", &n.to_string()))
}

/// After an undo or redo: a merge undone offers its copies again (putting
/// back the files removed since), a merge made again takes them in again
/// (removed after the next save).
pub(super) fn stepped(state: &mut AppState) -> Vec<Effect> {
    let Some(s) = state.session_mut() else { return Vec::new() };
    let mut restore = Vec::new();
    let c = &mut s.copies;
    for m in c.merges.iter_mut() {
        // Undo hands on a new `Arc` with the same contents (the writer must
        // see it as a new version): compared by pointer, then by value, and
        // the merge follows the new one.
        let same = |a: &Arc<Session>| Arc::ptr_eq(&s.session, a) || *s.session == **a;
        let undone = same(&m.before);
        let redone = !undone && same(&m.after);
        if undone {
            m.before = Arc::clone(&s.session);
        } else if redone {
            m.after = Arc::clone(&s.session);
        }
        for mc in &m.copies {
            let at = &mc.found.copy;
            let pending = c.merged.iter().position(|(f, _)| f.copy == *at);
            let offered = c.found.iter().position(|f| f.copy == *at);
            if undone {
                match (pending, offered) {
                    // Not removed yet: offered again at once.
                    (Some(p), _) => {
                        let (f, _) = c.merged.remove(p);
                        c.found.push(f);
                    }
                    (None, None) => restore.push((mc.found.clone(), Arc::clone(&mc.bytes))),
                    (None, Some(_)) => {}
                }
            } else if redone && let Some(o) = offered {
                let f = c.found.remove(o);
                c.merged.push((f, mc.hash));
            }
        }
    }
    if restore.is_empty() {
        return Vec::new();
    }
    vec![Effect::RestoreCopies { path: s.path.clone(), copies: restore }]
}

/// Copies put back after their merge was undone: offered again.
pub(super) fn restored(state: &mut AppState, r: RestoredCopies) -> Vec<Effect> {
    let lang = state.lang;
    let Some(s) = state.session_mut().filter(|s| s.path == r.path) else { return Vec::new() };
    for (was, f) in &r.restored {
        // Put back under another name: the merge follows it there.
        for mc in s.copies.merges.iter_mut().flat_map(|m| m.copies.iter_mut()) {
            if mc.found.copy == *was {
                mc.found.copy = f.copy.clone();
            }
        }
        s.copies.found.push(f.clone());
    }
    let mut text = Vec::new();
    if !r.restored.is_empty() {
        text.push(C::Restored.get(lang).replace("{n}", &r.restored.len().to_string()));
    }
    for (c, why) in &r.failed {
        text.push(C::NotRestored.get(lang).replace("{file}", &file(c)).replace("{why}", &why.say(lang)));
    }
    state.notice = Some(Notice { text: NoticeText::Text(text.join(" · ")), error: !r.failed.is_empty() });
    Vec::new()
}
