//! Files of older versions: migrated in memory, step by step, and the
//! original kept as a backup before the first save over it.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::load::LoadErrorKind;
use super::naming::{backup_name, folder_of};
use super::save::write_new_file;
use crate::domain::VERSION;

/// One step: turns a file of version `from` into one of version `from + 1`.
/// The step need not touch `version`; the dispatcher sets it.
pub(crate) struct Migration {
    pub from: u32,
    pub step: fn(Value) -> Result<Value, LoadErrorKind>,
}

/// Oldest version that can be read. Version 1 is the first one, so there
/// are no steps yet; a bump of [`VERSION`] adds a step here (and a version-0
/// reader would lower this and add a step from 0).
pub(crate) const OLDEST: u32 = 1;
const STEPS: &[Migration] = &[];

/// Migrate a file of version `from` (older than [`VERSION`]) to [`VERSION`].
pub(crate) fn migrate(value: Value, from: u32) -> Result<Value, LoadErrorKind> {
    migrate_with(value, from, VERSION, STEPS)
}

fn migrate_with(mut value: Value, from: u32, to: u32, steps: &[Migration]) -> Result<Value, LoadErrorKind> {
    for version in from..to {
        let Some(m) = steps.iter().find(|m| m.from == version) else {
            return Err(LoadErrorKind::BadVersion);
        };
        value = (m.step)(value)?;
        match &mut value {
            Value::Object(top) => {
                top.insert("version".into(), Value::from(version + 1));
            }
            _ => return Err(LoadErrorKind::NotASession { found: None }),
        }
    }
    Ok(value)
}

/// Keep the bytes of a file that is about to be overwritten by a migrated
/// session: `<name>.v<from>.bak` next to it, mode 0600, written durably.
/// An existing backup is never overwritten: if it holds the same bytes (an
/// earlier attempt) its path is returned, otherwise `-2`, `-3`, … is used.
pub fn backup_original(path: &Path, from_version: u32) -> io::Result<PathBuf> {
    let name =
        path.file_name().ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file path"))?;
    let dir = folder_of(path);
    let original = fs::read(path)?;
    let candidate = |attempt: u32| dir.join(backup_name(name, from_version, attempt));
    for attempt in 1.. {
        let existing = candidate(attempt);
        match fs::symlink_metadata(&existing) {
            Ok(_) if fs::read(&existing).is_ok_and(|b| b == original) => return Ok(existing),
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => break,
            Err(e) => return Err(e),
        }
    }
    write_new_file(&dir, name, &original, &candidate).map_err(|(kind, _)| match kind {
        super::SaveErrorKind::Io { source, .. } => source,
        other => io::Error::other(other.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A made-up version 0: the title was called `name` and dates were
    /// written as "12-03-2026".
    fn from_v0(mut value: Value) -> Result<Value, LoadErrorKind> {
        let top = value.as_object_mut().ok_or(LoadErrorKind::NotASession { found: None })?;
        if let Some(name) = top.remove("name") {
            top.insert("title".into(), name);
        }
        if let Some(Value::String(d)) = top.get("meeting_date").cloned() {
            let parts: Vec<&str> = d.split('-').collect();
            if let [dd, mm, yyyy] = parts[..] {
                top.insert("meeting_date".into(), json!(format!("{yyyy}-{mm}-{dd}")));
            }
        }
        Ok(value)
    }

    fn add_marker(mut value: Value) -> Result<Value, LoadErrorKind> {
        value["steps"] = json!(value["steps"].as_u64().unwrap_or(0) + 1);
        Ok(value)
    }

    #[test]
    fn steps_run_in_order_and_set_the_version() {
        let steps = [Migration { from: 0, step: from_v0 }, Migration { from: 1, step: add_marker }];
        let v0 =
            json!({"format": "kompas-session", "version": 0, "name": "Wijk", "meeting_date": "12-03-2026"});
        let out = migrate_with(v0.clone(), 0, 2, &steps).unwrap();
        assert_eq!(out["title"], "Wijk");
        assert_eq!(out["meeting_date"], "2026-03-12");
        assert_eq!(out["version"], 2);
        assert_eq!(out["steps"], 1);
        let out = migrate_with(v0, 0, 1, &steps).unwrap();
        assert_eq!(out["version"], 1);
        assert!(out.get("steps").is_none());
    }

    #[test]
    fn a_version_without_a_step_is_refused() {
        let steps = [Migration { from: 1, step: add_marker }];
        let v = json!({"format": "kompas-session", "version": 0});
        assert!(matches!(migrate_with(v.clone(), 0, 2, &steps), Err(LoadErrorKind::BadVersion)));
        assert!(matches!(migrate_with(v, 1, 3, &steps), Err(LoadErrorKind::BadVersion)));
    }

    #[test]
    fn the_real_chain_covers_every_version_from_the_oldest() {
        let missing: Vec<u32> =
            (OLDEST..=VERSION).filter(|&v| v < VERSION && !STEPS.iter().any(|m| m.from == v)).collect();
        assert!(missing.is_empty(), "no migration from versions {missing:?}");
    }

    #[test]
    fn version_zero_of_this_build_is_refused_as_bad_version() {
        assert!(matches!(migrate(json!({}), 0), Err(LoadErrorKind::BadVersion)));
    }
}
