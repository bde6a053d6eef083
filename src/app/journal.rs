//! The draft journal, decided here and written by the runtime: what is
//! typed in an open form goes to a small file beside the session, so a kill
//! or a closed window loses at most the last fraction of a second. Once the
//! form is gone and the session is saved, the journal goes.
//!
//! `plan` runs after every action and hands each new state of the form to
//! the runtime ([`Effect::WriteDraft`]), and asks for [`Effect::RemoveDraft`]
//! once it is committed and saved. The runtime's journal thread writes the
//! newest typing about 400 ms after the first unwritten change (a burst of
//! keys costs one write, and no write waits on the input path), in the
//! order asked, and reports each write back ([`Action::DraftKept`]). A write
//! that fails is never silent: the status line says so until a write
//! succeeds (the thread tries again every 2 s), and quitting with typing
//! that could not be kept prints it.

use std::path::PathBuf;

use super::Failure;
use super::action::{Action, DraftKept, Effect};
use super::state::{AppState, Notice, NoticeText, SaveState};

crate::messages! { pub struct J {
    NotKept => "Getypte tekst NIET in het kladbestand bewaard", "Typed text NOT kept in the draft journal";
    NotKeptShort => "⚠ klad niet bewaard", "⚠ draft not kept";
    KeptElsewhere => "Kladbestand kon niet naast de sessie; bewaard in", "Draft journal could not go beside the session; kept in";
    KeptAgain => "Getypte tekst wordt weer bewaard", "Typed text is being kept again";
    LostOnQuit => "De getypte tekst van het open formulier kon niet worden bewaard. Hier is hij, om te kopiëren:", "The text typed in the open form could not be kept. Here it is, to copy:";
} }

/// The journal of the open session, as far as the app knows it.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Journal {
    /// The form revision last handed to the runtime to write.
    pub sent: Option<u64>,
    /// A journal file exists (or is being written) for the session.
    pub on_disk: bool,
    /// The last write failed, and why: shown until a write succeeds.
    pub failed: Option<Failure>,
    /// The journal went to the state folder (said once).
    pub elsewhere: bool,
    /// The write asked for with the quit (always, so its outcome is known
    /// before kompas goes).
    pub last_word: bool,
}

/// After every action (whose effects are `asked`): hand a changed form to
/// the journal, ask for the removal once the form is gone and the session
/// safely saved (not while this action's save is still to come).
pub fn plan(state: &mut AppState, asked: &[Effect]) -> Vec<Effect> {
    let saving = asked.iter().any(|e| matches!(e, Effect::Save | Effect::WriteAgain));
    let quitting = state.quitting;
    let (form, s) = match (&state.form, &mut state.screen) {
        (f, super::Screen::Session(s)) => (f, s),
        _ => return Vec::new(),
    };
    if s.access.read_only() {
        return Vec::new();
    }
    let j = &mut s.journal;
    match form {
        Some(f) if f.dirty => {
            // Each new state of the form once; with the quit once more,
            // whatever was written before.
            let again = quitting && !j.last_word;
            if j.sent == Some(f.revision) && !again {
                return Vec::new();
            }
            j.sent = Some(f.revision);
            j.last_word = quitting;
            j.on_disk = true;
            vec![Effect::WriteDraft {
                path: s.path.clone(),
                session_id: s.session.id.clone(),
                revision: f.revision,
                draft: f.to_draft(),
            }]
        }
        Some(_) => Vec::new(),
        None => {
            j.sent = None;
            if j.on_disk && !saving && matches!(s.save, SaveState::Saved(_)) {
                j.on_disk = false;
                j.failed = None;
                j.elsewhere = false;
                return vec![Effect::RemoveDraft(s.path.clone())];
            }
            Vec::new()
        }
    }
}

/// A write came back: remember a failure (the journal's thread tries again
/// by itself) and say it once, forget it after a success.
pub fn kept(state: &mut AppState, kept: DraftKept) -> Vec<Effect> {
    let Some(s) = state.session_mut().filter(|s| s.path == kept.path) else { return Vec::new() };
    let j = &mut s.journal;
    let notice = match kept.outcome {
        Ok(None) => {
            j.elsewhere = false;
            j.failed.take().map(|_| Notice { text: NoticeText::Msg(J::KeptAgain), error: false })
        }
        Ok(Some(place)) => {
            let first = j.failed.take().is_some() || !j.elsewhere;
            j.elsewhere = true;
            first.then_some(Notice { text: NoticeText::DraftElsewhere(place), error: true })
        }
        Err(failure) => {
            let first = j.failed.is_none();
            j.failed = Some(failure.clone());
            first.then_some(Notice { text: NoticeText::DraftNotKept(failure), error: true })
        }
    };
    if notice.is_some() {
        state.notice = notice;
    }
    Vec::new()
}

/// The draft's result, as the runtime reports it.
pub fn report(path: PathBuf, revision: u64, outcome: Result<Option<PathBuf>, Failure>) -> Action {
    Action::DraftKept(Box::new(DraftKept { path, revision, outcome }))
}

/// On the way out, when the journal could not take the open form's typing:
/// the text fields as label and text, to print once the terminal is back,
/// so the facilitator can copy them. `None` when nothing typed is at risk.
pub fn unkept(state: &AppState) -> Option<String> {
    let s = state.session()?;
    let f = state.form.as_ref().filter(|f| f.dirty)?;
    s.journal.failed.as_ref()?;
    let lang = state.lang;
    let mut out = J::LostOnQuit.get(lang).to_string();
    for field in &f.fields {
        if let super::FieldInput::Text { .. } = field.input {
            let text = field.value();
            if !text.trim().is_empty() {
                out.push_str(&format!("\n{}:", field.label.get(lang)));
                for line in crate::text::safe_lines(&text) {
                    out.push_str(&format!("\n  {line}"));
                }
            }
        }
    }
    Some(out)
}
