//! The conflict records of the open session (issue 8) in a box over the
//! screen: where each one is, the value shown and the other value, and one
//! key to settle it (keep what is shown, or take the other). Settling goes
//! through the one change path, so it is saved and can be undone.

use serde_json::Value;

use super::action::{Action, Effect};
use super::outside::O;
use super::state::{AppState, Overlay};
use crate::domain::{Conflict, Session, Settle, Timestamp};
use crate::i18n::Lang;
use crate::text::safe_line;

/// Longest value shown, in characters.
const SHOWN_CHARS: usize = 160;

/// One conflict as the box shows it (worked out when the box opens or the
/// session changes, never while drawing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictRow {
    pub id: String,
    /// Where it is: "agreements › Buurthuis open › text".
    pub place: String,
    /// The value in the session now.
    pub shown: String,
    /// The value kept aside, and where it came from.
    pub other: String,
    pub source: String,
}

/// The rows for every open conflict of `session`.
pub fn conflict_rows(session: &Session, lang: Lang) -> Vec<ConflictRow> {
    if session.conflicts.is_empty() {
        return Vec::new();
    }
    let whole = serde_json::to_value(session).unwrap_or(Value::Null);
    session.conflicts.iter().map(|c| row(&whole, c, lang)).collect()
}

fn row(whole: &Value, c: &Conflict, lang: Lang) -> ConflictRow {
    let mut place = Vec::new();
    let mut at = Some(whole);
    for seg in &c.path {
        let next = at.and_then(|v| match v {
            Value::Object(m) => m.get(seg),
            Value::Array(items) => items.iter().find(|i| i.get("id").and_then(Value::as_str) == Some(seg)),
            _ => None,
        });
        let in_list = matches!(at, Some(Value::Array(_)));
        place.push(match next.filter(|_| in_list) {
            Some(item) => label(item).unwrap_or_else(|| seg.clone()),
            None => seg.clone(),
        });
        at = next;
    }
    let removed = || O::Removed.get(lang).to_string();
    let source = if c.source == "disk" { O::SourceDisk.get(lang).to_string() } else { shown(&c.source) };
    ConflictRow {
        id: c.id.clone(),
        place: place.join(" › "),
        shown: at.map_or_else(removed, value_text),
        other: c.other.as_ref().map_or_else(removed, value_text),
        source,
    }
}

/// An item's name: its text, organisation, title or name.
fn label(item: &Value) -> Option<String> {
    ["text", "organisation", "title", "name", "question"]
        .iter()
        .find_map(|k| item.get(*k).and_then(Value::as_str).filter(|s| !s.is_empty()))
        .map(|s| shown(&s.chars().take(40).collect::<String>()))
}

fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => shown(s),
        Value::Object(_) => label(v).unwrap_or_else(|| shown(&v.to_string())),
        other => shown(&other.to_string()),
    }
}

fn shown(text: &str) -> String {
    let line = safe_line(text);
    match line.char_indices().nth(SHOWN_CHARS) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line.into_owned(),
    }
}

/// `C`: open the box (or say there is nothing in it).
pub(super) fn show(state: &mut AppState) -> Vec<Effect> {
    let lang = state.lang;
    let Some(s) = state.session() else { return Vec::new() };
    let rows = conflict_rows(&s.session, lang);
    if rows.is_empty() {
        state.info(O::NoConflicts);
    } else {
        state.overlay = Some(Overlay::Conflicts { sel: 0, rows });
    }
    Vec::new()
}

/// After the session changed under an open box: its rows again.
pub(super) fn refresh(state: &mut AppState) {
    let lang = state.lang;
    let (Some(Overlay::Conflicts { sel, .. }), Some(s)) = (&state.overlay, state.session()) else { return };
    let rows = conflict_rows(&s.session, lang);
    state.overlay = if rows.is_empty() {
        None
    } else {
        Some(Overlay::Conflicts { sel: (*sel).min(rows.len() - 1), rows })
    };
}

/// A key in the box.
pub(super) fn key(
    state: &mut AppState,
    sel: usize,
    rows: &[ConflictRow],
    action: Action,
    now: Timestamp,
) -> Vec<Effect> {
    let last = rows.len().saturating_sub(1);
    match action {
        Action::Up => {
            state.overlay = Some(Overlay::Conflicts { sel: sel.saturating_sub(1), rows: rows.to_vec() })
        }
        Action::Down => {
            state.overlay = Some(Overlay::Conflicts { sel: (sel + 1).min(last), rows: rows.to_vec() })
        }
        Action::CloseOverlay | Action::ShowConflicts => state.overlay = None,
        Action::SettleConflict(how) => return settle(state, &rows[sel.min(last)].id, how, now),
        _ => {}
    }
    Vec::new()
}

fn settle(state: &mut AppState, id: &str, how: Settle, now: Timestamp) -> Vec<Effect> {
    if state.read_only() {
        state.warn(crate::i18n::Msg::ReadOnlyRefused);
        return Vec::new();
    }
    let effects =
        super::change(state, O::SettleConflict, |s| s.edit().settle_conflict(id, how, now).map(|_| true));
    if !effects.is_empty() {
        state.info(if how == Settle::Keep { O::KeptShown } else { O::TookOther });
    }
    refresh(state);
    effects
}
