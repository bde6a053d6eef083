//! Copies of a session beside it (issue 8): the conflict copies sync tools
//! leave (Dropbox, OneDrive, Syncthing), kompas's own conflict copies and
//! its recovery files. The library shows each under the session it is a
//! copy of, not as another meeting of its collaboration; opening that
//! session offers them for merging (`copies_offer`).
//!
//! A file is a copy when its name says so (`storage::copy_candidates`) AND
//! it holds the same session as the file it names: a OneDrive-like name
//! such as our own `wijk-2.json` holds another session and stays a meeting.

use std::path::Path;

use super::library::LibraryEntry;
use crate::i18n::{Lang, Msg};
use crate::storage::CopyKind;

crate::messages! { pub struct K {
    CopyDropbox => "kopie (Dropbox)", "copy (Dropbox)";
    CopyOneDrive => "kopie (OneDrive: {device})", "copy (OneDrive: {device})";
    CopySyncthing => "kopie (Syncthing)", "copy (Syncthing)";
    CopyKompas => "kopie (kompas)", "copy (kompas)";
    CopyRecovered => "herstelbestand (kompas)", "recovery file (kompas)";
} }

/// What a library entry is a copy of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyOf {
    /// The entry of the session it is a copy of.
    pub original: usize,
    pub kind: CopyKind,
    /// OneDrive's device name (the part after the session's name).
    pub device: String,
}

/// Per entry, the session it is a copy of, if it is one. Only loaded
/// entries count (the session ids must match), so a copy shows as a copy
/// once both files have been read. `entries` are in file-name order.
pub fn copies_of(entries: &[LibraryEntry]) -> Vec<Option<CopyOf>> {
    let id = |i: usize| entries[i].summary().map(|s| s.id.as_str());
    let find = |path: &Path| entries.binary_search_by(|e| e.path.as_path().cmp(path)).ok();
    let mut out: Vec<Option<CopyOf>> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mine = id(i)?;
            let name = e.file_name();
            crate::storage::copy_candidates(&name).into_iter().find_map(|(original, kind)| {
                let at = find(&e.path.with_file_name(&original)).filter(|o| *o != i)?;
                (id(at) == Some(mine)).then(|| CopyOf {
                    original: at,
                    kind,
                    device: device(&name, &original, kind),
                })
            })
        })
        .collect();
    // A copy of a copy (a sync tool's copy of `a (conflicted copy).json`)
    // belongs to the session the first copy belongs to.
    for i in 0..out.len() {
        let mut seen = 0;
        while let Some(next) = out[i].as_ref().and_then(|c| out[c.original].as_ref()).map(|c| c.original) {
            seen += 1;
            if next == i || seen > entries.len() {
                out[i] = None;
                break;
            }
            if let Some(c) = out[i].as_mut() {
                c.original = next;
            }
        }
    }
    out
}

/// OneDrive's device name: what follows the session's name and a hyphen.
pub(super) fn device(copy: &str, original: &str, kind: CopyKind) -> String {
    if kind != CopyKind::OneDrive {
        return String::new();
    }
    let stem = |n: &str| n.strip_suffix(".json").unwrap_or(n).len();
    let copy_stem = &copy[..stem(copy)];
    copy_stem.get(stem(original) + 1..).unwrap_or_default().to_string()
}

/// "kopie (Dropbox)", "copy (OneDrive: LAPTOP-ANNE)", …
pub fn copy_label(lang: Lang, kind: CopyKind, device: &str) -> String {
    let m: Msg = match kind {
        CopyKind::Dropbox => K::CopyDropbox,
        CopyKind::OneDrive => K::CopyOneDrive,
        CopyKind::Syncthing => K::CopySyncthing,
        CopyKind::Kompas => K::CopyKompas,
        CopyKind::Recovered => K::CopyRecovered,
    };
    m.get(lang).replace("{device}", &crate::text::safe_line(device))
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate};

    use super::*;
    use crate::app::library::{
        EntryState, LibraryFilter, LibraryRow, LibrarySort, Loaded, library_rows, portfolio,
    };
    use crate::domain::Session;

    fn session(id: &str, date: (i32, u32, u32)) -> Session {
        let t = DateTime::parse_from_rfc3339("2026-03-12T10:00:00+01:00").unwrap();
        let d = NaiveDate::from_ymd_opt(date.0, date.1, date.2).unwrap();
        Session::new(id.into(), "Zuiderveld", d, "", t).unwrap()
    }

    fn entries(files: &[(&str, &Session)]) -> Vec<LibraryEntry> {
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let mut out: Vec<LibraryEntry> = files
            .iter()
            .map(|(name, s)| LibraryEntry {
                path: format!("sessions/{name}").into(),
                state: EntryState::Loaded(Box::new(Loaded::new(s.summary(today), s.texts()))),
            })
            .collect();
        out.sort_by(|a, b| a.path.cmp(&b.path));
        out
    }

    #[test]
    fn every_kind_of_copy_sits_under_its_session_and_is_no_meeting() {
        let m1 = session("m1", (2026, 3, 12));
        let m2 = m1.follow_up(
            "m2".into(),
            "wijk.json",
            NaiveDate::from_ymd_opt(2026, 4, 9).unwrap(),
            m1.updated_at,
        );
        let other = session("o1", (2026, 3, 20));
        let mut theirs = m1.clone();
        theirs.title = "Zuiderveld (Anne)".into();
        let e = entries(&[
            ("wijk.json", &m1),
            ("wijk (Anne's conflicted copy 2026-03-12).json", &theirs),
            ("wijk-LAPTOP-ANNE.json", &m1),
            ("wijk.sync-conflict-20260312-101500-ABCDEFG.json", &m1),
            ("wijk (kompas conflict copy 20260312-101500).json", &m1),
            ("wijk.json.recovered-20260312-101500.json", &m1),
            // Our own second name: another session, so a meeting of its own.
            ("wijk-2.json", &other),
            ("wijk-vervolg.json", &m2),
        ]);
        let at = |name: &str| e.iter().position(|x| x.file_name() == name).unwrap();
        let copies = copies_of(&e);
        let kind = |name: &str| copies[at(name)].as_ref().map(|c| (c.original, c.kind, c.device.clone()));
        let of = at("wijk.json");
        assert_eq!(
            kind("wijk (Anne's conflicted copy 2026-03-12).json"),
            Some((of, CopyKind::Dropbox, "".into()))
        );
        assert_eq!(kind("wijk-LAPTOP-ANNE.json"), Some((of, CopyKind::OneDrive, "LAPTOP-ANNE".into())));
        assert_eq!(
            kind("wijk.sync-conflict-20260312-101500-ABCDEFG.json"),
            Some((of, CopyKind::Syncthing, "".into()))
        );
        assert_eq!(
            kind("wijk (kompas conflict copy 20260312-101500).json"),
            Some((of, CopyKind::Kompas, "".into()))
        );
        assert_eq!(
            kind("wijk.json.recovered-20260312-101500.json"),
            Some((of, CopyKind::Recovered, "".into()))
        );
        assert_eq!(kind("wijk-2.json"), None);
        assert_eq!(kind("wijk-vervolg.json"), None, "a follow-up holds another session");
        let rows = library_rows(&e, LibrarySort::Date, &LibraryFilter::default());
        let names: Vec<(String, &str)> = rows
            .iter()
            .map(|r| {
                let what = match r {
                    LibraryRow::Meeting { follow_up: false, .. } => "meeting",
                    LibraryRow::Meeting { follow_up: true, .. } => "follow-up",
                    LibraryRow::Copy { of: o, .. } if *o == of => "copy of wijk.json",
                    LibraryRow::Copy { .. } => "copy of another",
                    LibraryRow::Other(_) => "other",
                };
                (e[r.entry()].file_name(), what)
            })
            .collect();
        assert_eq!(
            names,
            [
                ("wijk.json".to_string(), "meeting"),
                ("wijk (Anne's conflicted copy 2026-03-12).json".into(), "copy of wijk.json"),
                ("wijk (kompas conflict copy 20260312-101500).json".into(), "copy of wijk.json"),
                ("wijk-LAPTOP-ANNE.json".into(), "copy of wijk.json"),
                ("wijk.json.recovered-20260312-101500.json".into(), "copy of wijk.json"),
                ("wijk.sync-conflict-20260312-101500-ABCDEFG.json".into(), "copy of wijk.json"),
                ("wijk-vervolg.json".into(), "follow-up"),
                ("wijk-2.json".into(), "meeting"),
            ]
        );
        // The portfolio counts meetings, not copies.
        let lines = portfolio(&e);
        let zuiderveld: Vec<usize> = lines.iter().map(|l| l.meetings).collect();
        assert_eq!(zuiderveld, [2, 1], "{lines:?}");
    }

    #[test]
    fn a_copy_of_a_copy_belongs_to_the_session() {
        let m1 = session("m1", (2026, 3, 12));
        let e = entries(&[
            ("wijk.json", &m1),
            ("wijk (Anne's conflicted copy 2026-03-12).json", &m1),
            ("wijk (Anne's conflicted copy 2026-03-12).sync-conflict-20260312-101500-ABC.json", &m1),
        ]);
        let copies = copies_of(&e);
        let of = e.iter().position(|x| x.file_name() == "wijk.json").unwrap();
        assert!(
            copies.iter().enumerate().all(|(i, c)| if i == of {
                c.is_none()
            } else {
                c.as_ref().unwrap().original == of
            }),
            "{copies:?}"
        );
    }

    #[test]
    fn labels_in_both_languages() {
        assert_eq!(copy_label(Lang::Nl, CopyKind::OneDrive, "LAPTOP-ANNE"), "kopie (OneDrive: LAPTOP-ANNE)");
        assert_eq!(copy_label(Lang::En, CopyKind::Dropbox, ""), "copy (Dropbox)");
        assert_eq!(copy_label(Lang::En, CopyKind::Kompas, ""), "copy (kompas)");
        assert_eq!(copy_label(Lang::Nl, CopyKind::Recovered, ""), "herstelbestand (kompas)");
    }
}
