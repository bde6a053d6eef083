//! File names: session files, their temp, lock and backup companions.

use std::ffi::OsStr;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

/// Longest slug, in characters.
const MAX_SLUG_CHARS: usize = 60;
/// Slug of a title with no letters or digits at all.
const FALLBACK_SLUG: &str = "sessie";
/// Marks our temp files: `.<file name>.kompas-tmp-<random>`.
pub(crate) const TEMP_MARKER: &str = ".kompas-tmp-";
/// Longest part of the session's file name copied into a temp file's name,
/// in bytes, so that the temp name stays within the 255-byte name limit.
const MAX_NAME_IN_TEMP: usize = 160;

/// A file name made of a title: lowercase ASCII letters, digits and single
/// hyphens. Accents are folded (`é` → `e`, `ß` → `ss`, `æ` → `ae`),
/// apostrophes dropped, everything else becomes a hyphen. At most 60
/// characters, cut at a word boundary when possible; never empty.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    let mut pending_hyphen = false;
    // Accents and ligatures are folded as for searching (`é` → `e`,
    // `ß` → `ss`); what is left beyond ASCII letters and digits separates words.
    for c in crate::search::fold(title).chars() {
        if is_dropped(c) {
            continue;
        }
        if c.is_ascii_alphanumeric() {
            push_word(&mut out, &mut pending_hyphen, c.encode_utf8(&mut [0; 4]));
        } else {
            pending_hyphen = true;
        }
    }
    if out.len() > MAX_SLUG_CHARS {
        // Everything is ASCII here, so bytes are characters.
        let cut_in_word = out.as_bytes()[MAX_SLUG_CHARS] != b'-';
        out.truncate(MAX_SLUG_CHARS);
        if cut_in_word && let Some(last_hyphen) = out.rfind('-') {
            out.truncate(last_hyphen);
        }
        while out.ends_with('-') {
            out.pop();
        }
    }
    if out.is_empty() { FALLBACK_SLUG.to_string() } else { out }
}

fn push_word(out: &mut String, pending_hyphen: &mut bool, text: &str) {
    if *pending_hyphen && !out.is_empty() {
        out.push('-');
    }
    *pending_hyphen = false;
    out.push_str(text);
}

/// Characters that vanish without leaving a word break: combining accents
/// (a decomposed `é`) and apostrophes (`facilitator's` → `facilitators`).
fn is_dropped(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\'' | '\u{2019}' | '\u{02BC}' | '\u{00AD}')
}

/// `<meeting date>-<slug>.json`, with `-2`, `-3`, … before the extension
/// for `attempt` 2, 3, ….
pub fn new_file_name(meeting_date: NaiveDate, title: &str, attempt: u32) -> String {
    let base = format!("{}-{}", meeting_date.format("%Y-%m-%d"), slug(title));
    if attempt <= 1 { format!("{base}.json") } else { format!("{base}-{attempt}.json") }
}

/// Longest file name most file systems take, in bytes.
const MAX_NAME_BYTES: usize = 255;

/// `.<file name>.lock`: the lock file of a session.
pub fn lock_name(file_name: &OsStr) -> String {
    side_name(file_name, ".lock")
}

/// `.<file name>.draft.json`: the draft journal of a session.
pub fn draft_name(file_name: &OsStr) -> String {
    side_name(file_name, ".draft.json")
}

/// `.<file name><suffix>`, or, when that would be longer than a file name
/// may be, `.<start of the name>~<hash of the whole name><suffix>`: still
/// recognisable, and the same for the same session every time.
pub(crate) fn side_name(file_name: &OsStr, suffix: &str) -> String {
    let name = file_name.to_string_lossy();
    let full = format!(".{name}{suffix}");
    if full.len() <= MAX_NAME_BYTES {
        return full;
    }
    let hash = super::identity::fnv64(file_name.as_encoded_bytes());
    let mut end = 40.min(name.len());
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    format!(".{}~{hash:016x}{suffix}", &name[..end])
}

/// `<file name>.v<from>.bak`, with `-2`, `-3`, … after the version for
/// `attempt` 2, 3, ….
pub fn backup_name(file_name: &OsStr, from_version: u32, attempt: u32) -> String {
    let name = file_name.to_string_lossy();
    if attempt <= 1 {
        format!("{name}.v{from_version}.bak")
    } else {
        format!("{name}.v{from_version}-{attempt}.bak")
    }
}

/// The prefix of the temp files written for `file_name`.
pub(crate) fn temp_prefix(file_name: &OsStr) -> String {
    let name = file_name.to_string_lossy();
    let mut end = name.len().min(MAX_NAME_IN_TEMP);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    format!(".{}{TEMP_MARKER}", &name[..end])
}

/// A name made by [`temp_prefix`] plus tempfile's random letters and digits.
pub(crate) fn is_temp_name(name: &str) -> bool {
    let Some(rest) = name.strip_prefix('.') else { return false };
    let Some(at) = rest.rfind(TEMP_MARKER) else { return false };
    let random = &rest[at + TEMP_MARKER.len()..];
    at > 0 && !random.is_empty() && random.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// The folder a file lives in ("." for a bare file name).
pub(crate) fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The file a path finally names, following symlinks (also dangling ones,
/// so saving through a link to a not yet existing file creates that file).
pub(crate) fn follow_symlinks(path: &Path) -> io::Result<PathBuf> {
    const MAX_LINKS: usize = 40;
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let next = fs::read_link(&current)?;
                current = if next.is_absolute() { next } else { folder_of(&current).join(next) };
            }
            // Not there yet, or the folder is missing or unreadable: the
            // steps that follow say precisely what is wrong.
            Ok(_) | Err(_) => return Ok(current),
        }
    }
    Err(io::Error::new(io::ErrorKind::InvalidInput, "too many levels of symbolic links"))
}

/// The real file a path names: symlinks followed (also a dangling last
/// one), and the folder made absolute without links. Two paths name the same
/// session file when their real paths are equal (or, for hard links and
/// mounts, when device and inode are).
pub fn real_path(path: &Path) -> std::io::Result<PathBuf> {
    let target = follow_symlinks(path)?;
    let name = target
        .file_name()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file path"))?;
    Ok(std::fs::canonicalize(folder_of(&target))?.join(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_of_the_example_title() {
        assert_eq!(slug("Weer thuis in de wijk — Zuiderveld"), "weer-thuis-in-de-wijk-zuiderveld");
    }

    #[test]
    fn slug_folds_accents_and_ligatures() {
        assert_eq!(slug("Café Ëlske Naïef Öztürk"), "cafe-elske-naief-ozturk");
        assert_eq!(slug("Straße Æbleskiver Søren Œuvre Łódź"), "strasse-aebleskiver-soren-oeuvre-lodz");
        assert_eq!(slug("ÉÉN ÀLLE"), "een-alle");
        // A decomposed é (e + combining acute) folds the same as a composed one.
        assert_eq!(slug("Cafe\u{301} de\u{301}lice"), "cafe-delice");
    }

    #[test]
    fn slug_collapses_and_trims_separators() {
        assert_eq!(slug("  --Hallo,,  wereld!!  "), "hallo-wereld");
        assert_eq!(slug("a/b\\c:d*e?f\"g<h>i|j"), "a-b-c-d-e-f-g-h-i-j");
        assert_eq!(slug("tab\tnew\nline\u{1b}[31m"), "tab-new-line-31m");
        assert_eq!(slug("facilitator's ’s avonds"), "facilitators-s-avonds");
        assert_eq!(slug("2026 Q1 sessie 3"), "2026-q1-sessie-3");
    }

    #[test]
    fn slug_is_never_empty() {
        assert_eq!(slug(""), "sessie");
        assert_eq!(slug("   "), "sessie");
        assert_eq!(slug("—…!?"), "sessie");
        assert_eq!(slug("北京 🎉"), "sessie");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
    }

    #[test]
    fn slug_is_at_most_60_chars_and_cut_between_words() {
        let s = slug(&"samenwerking in de wijk ".repeat(10));
        assert!(s.len() <= 60, "{s}");
        assert!(!s.ends_with('-'));
        assert!(s.ends_with("wijk") || s.ends_with("in") || s.ends_with("de") || s.ends_with("samenwerking"));
        let one_word = slug(&"x".repeat(100));
        assert_eq!(one_word, "x".repeat(60));
        for title in ["é".repeat(200), "ß".repeat(200), "a-".repeat(100)] {
            let s = slug(&title);
            assert!(s.len() <= 60 && !s.is_empty() && !s.ends_with('-'), "{s}");
        }
    }

    #[test]
    fn new_file_names_carry_date_slug_and_attempt() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 12).unwrap();
        assert_eq!(new_file_name(d, "Weer thuis", 1), "2026-03-12-weer-thuis.json");
        assert_eq!(new_file_name(d, "Weer thuis", 2), "2026-03-12-weer-thuis-2.json");
        assert_eq!(new_file_name(d, "", 10), "2026-03-12-sessie-10.json");
    }

    #[test]
    fn long_names_get_a_short_hashed_side_name() {
        let long = format!("{}.json", "a".repeat(246));
        let draft = draft_name(OsStr::new(&long));
        assert!(draft.len() <= MAX_NAME_BYTES, "{draft}");
        assert!(draft.starts_with(".aaaa") && draft.ends_with(".draft.json"), "{draft}");
        assert_eq!(draft, draft_name(OsStr::new(&long)), "the same every time");
        let other = format!("{}.json", "a".repeat(247));
        assert_ne!(draft, draft_name(OsStr::new(&other)));
        let lock = lock_name(OsStr::new(&"é".repeat(126)));
        assert!(lock.len() <= MAX_NAME_BYTES && lock.ends_with(".lock"), "{lock}");
        assert_eq!(draft_name(OsStr::new("x.json")), ".x.json.draft.json");
    }

    #[test]
    fn companion_names() {
        let n = OsStr::new("x.json");
        assert_eq!(lock_name(n), ".x.json.lock");
        assert_eq!(backup_name(n, 0, 1), "x.json.v0.bak");
        assert_eq!(backup_name(n, 0, 3), "x.json.v0-3.bak");
        assert_eq!(temp_prefix(n), ".x.json.kompas-tmp-");
        let long = "é".repeat(120);
        assert!(temp_prefix(OsStr::new(&long)).len() <= 1 + MAX_NAME_IN_TEMP + TEMP_MARKER.len());
    }

    #[test]
    fn temp_names_are_recognised_and_nothing_else() {
        assert!(is_temp_name(".x.json.kompas-tmp-abc"));
        assert!(is_temp_name(".2026-03-12-wijk.json.kompas-tmp-Xy12Ab9z"));
        for other in [
            "x.json",
            ".x.json",
            ".x.json.lock",
            "x.json.kompas-tmp-abc",
            ".x.json.kompas-tmp-",
            ".x.json.kompas-tmp-ab.c",
            "..kompas-tmp-abc",
            ".x.json.kompas-tmp-abc~",
        ] {
            assert!(!is_temp_name(other), "{other}");
        }
    }

    #[test]
    fn folder_of_a_bare_name_is_the_current_folder() {
        assert_eq!(folder_of(Path::new("x.json")), PathBuf::from("."));
        assert_eq!(folder_of(Path::new("a/x.json")), PathBuf::from("a"));
        assert_eq!(folder_of(Path::new("/x.json")), PathBuf::from("/"));
    }
}
