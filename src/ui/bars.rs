//! The status line (saved or not, notices, the file) and the hint bar, which
//! is generated from the keymap of the current mode.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::theme;
use crate::app::{AppState, SaveState};
use crate::i18n::Msg;
use crate::keymap;
use crate::text::{safe_line, truncate};

pub fn draw_status(frame: &mut Frame, area: Rect, state: &AppState) {
    let lang = state.lang;
    let Some(s) = state.session() else { return };
    let file = s.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let file = safe_line(&file).into_owned();
    let (save_text, save_style) = match &s.save {
        SaveState::Saved(at) => {
            (format!(" ✓ {} {} ", Msg::Saved.get(lang), at.format("%H:%M:%S")), theme::ok())
        }
        SaveState::Saving => (format!(" … {} ", Msg::Saving.get(lang)), theme::dim()),
        SaveState::Failed(why) => (failed_text(state, s, why, area.width as usize), theme::error()),
        SaveState::ReadOnly if s.access == crate::app::Access::Review => {
            (format!(" {} ", Msg::ReviewBanner.get(lang)), theme::warning())
        }
        SaveState::Gone => (format!(" ✗ {} ", crate::app::OutsideWords::GoneShort.get(lang)), theme::error()),
        SaveState::ReadOnly if state.notice.is_some() => {
            (format!(" {} ", Msg::ReadOnlyShort.get(lang)), theme::warning())
        }
        SaveState::ReadOnly => match s.access {
            crate::app::Access::ReadOnly(why) => (
                format!(" {}: {} ", crate::app::OutsideWords::ReadOnlyBanner.get(lang), why.say(lang)),
                theme::warning(),
            ),
            _ => (format!(" {} ", Msg::ReadOnlyBanner.get(lang)), theme::warning()),
        },
    };
    let mut spans = vec![Span::styled(save_text.clone(), save_style)];
    let mut used = save_text.width();
    // Open conflicts stay in view until settled.
    if !s.session.conflicts.is_empty() {
        let n = s.session.conflicts.len().to_string();
        let text = format!(" {} ", crate::app::OutsideWords::OpenConflicts.get(lang).replace("{n}", &n));
        used += text.width();
        spans.push(Span::styled(text, theme::error()));
    }
    // Copies of the session wait to be merged (issue 8): `M`.
    if let Some(text) = crate::app::copies_offer::waiting(state) {
        let text = format!(" {text} ");
        used += text.width();
        spans.push(Span::styled(text, theme::warning()));
    }
    // Typing the draft journal could not take stays in view until a write
    // succeeds (the notice said why).
    if s.journal.failed.is_some() {
        let text = format!(" {} ", crate::app::journal::J::NotKeptShort.get(lang));
        used += text.width();
        spans.push(Span::styled(text, theme::error()));
    }
    if let Some(n) = &state.notice {
        let text = format!(" {} ", n.text.say(lang));
        used += text.width();
        spans.push(Span::styled(text, if n.error { theme::warning() } else { theme::bold() }));
    }
    if let Some(text) = super::room::status_text(state) {
        used += text.width();
        spans.push(Span::styled(text, theme::ok()));
    }
    let room = (area.width as usize).saturating_sub(used + 1);
    let file = truncate(&file, room).into_owned();
    let gap = (area.width as usize).saturating_sub(used + file.width());
    spans.push(Span::raw(" ".repeat(gap)));
    spans.push(Span::styled(file, theme::dim()));
    super::put::line(frame.buffer_mut(), area, &Line::from(spans));
}

/// " ✗ NOT SAVED: why — session kept in memory, retrying every second ",
/// with the shorter "retrying every second" where the whole does not fit
/// beside the other news of the status line, and cut with "…" only when
/// even "NOT SAVED: why" does not.
fn failed_text(
    state: &AppState,
    s: &crate::app::SessionScreen,
    why: &crate::app::Failure,
    width: usize,
) -> String {
    let lang = state.lang;
    let mut others = 0;
    if !s.session.conflicts.is_empty() {
        others += crate::app::OutsideWords::OpenConflicts.get(lang).width() + 2;
    }
    if s.journal.failed.is_some() {
        others += crate::app::journal::J::NotKeptShort.get(lang).width() + 2;
    }
    if let Some(text) = crate::app::copies_offer::waiting(state) {
        others += text.width() + 2;
    }
    if let Some(n) = &state.notice {
        others += n.text.say(lang).width() + 2;
    }
    let room = width.saturating_sub(others + 1);
    let head = format!(" ✗ {}: {}", Msg::SaveFailed.get(lang), why.reason(lang));
    [Msg::SaveRetrying, Msg::SaveRetryingShort]
        .into_iter()
        .map(|retry| format!("{head} — {} ", retry.get(lang)))
        .find(|t| t.width() <= room)
        .unwrap_or_else(|| format!("{} ", truncate(&head, room.saturating_sub(1))))
}

/// Keys that work now, in the keymap's order; the help key, when there is
/// one, always stands at the right end. When not all fit, hints are taken
/// in the keymap's order while they fit, the spare ones (`Binding::spare`)
/// after all others, so they give way first.
pub fn draw_hints(frame: &mut Frame, area: Rect, state: &AppState) {
    let lang = state.lang;
    let pair = |keys: &str, label: Msg| {
        let k = format!(" {keys} ");
        let l = format!(" {} ", label.get(lang));
        let w = k.width() + l.width();
        (vec![Span::styled(k, theme::key()), Span::raw(l)], w)
    };
    let all = keymap::hint_entries(state);
    let (help, rest): (Vec<_>, Vec<_>) = all.into_iter().partition(|h| h.label == Msg::KeyHelp);
    let (help_spans, help_w) = help.first().map_or((Vec::new(), 0), |h| pair(&h.keys, h.label));
    let room = (area.width as usize).saturating_sub(help_w);
    let pairs: Vec<(Vec<Span>, usize)> = rest.iter().map(|h| pair(&h.keys, h.label)).collect();
    let mut taken = vec![false; pairs.len()];
    let mut used = 0;
    for spare in [false, true] {
        for (i, _) in rest.iter().enumerate().filter(|(_, h)| h.spare == spare) {
            if used + pairs[i].1 <= room {
                used += pairs[i].1;
                taken[i] = true;
            }
        }
    }
    let mut spans: Vec<Span> =
        pairs.into_iter().zip(taken).filter(|(_, t)| *t).flat_map(|((s, _), _)| s).collect();
    spans.push(Span::raw(" ".repeat(room - used)));
    spans.extend(help_spans);
    super::put::line(frame.buffer_mut(), area, &Line::from(spans));
}
