//! Bad session files: each is refused with a one-line message that names
//! the file and the place, without a panic and without touching the file.

use crate::common;

use std::fs;
use std::path::Path;

use common::*;
use kompas::storage::{self, LoadError, LoadErrorKind};

/// What each file in `tests/fixtures/bad/` must be refused for:
/// `"syntax"`, `"utf8"`, `"deep"`, `"not-session"`, `"newer"`,
/// `"bad-version"`, `"field:<path>"` or `"rules:<path>"`.
fn expected(name: &str) -> Option<&'static str> {
    Some(match name {
        "empty-file.json"
        | "only-whitespace.json"
        | "truncated-mid-string.json"
        | "truncated-after-comma.json"
        | "truncated-after-version.json"
        | "truncated-last-brace.json"
        | "trailing-garbage.json"
        | "two-documents.json"
        | "trailing-comma-in-object.json"
        | "trailing-comma-in-array.json"
        | "single-quoted-string.json"
        | "unquoted-key.json"
        | "line-comment.json"
        | "nan-literal.json"
        | "infinity-literal.json"
        | "huge-exponent-number.json"
        | "raw-newline-in-string.json"
        | "raw-nul-in-string.json"
        | "invalid-escape.json"
        | "lone-surrogate-escape.json"
        | "double-bom.json"
        | "missing-colon.json" => "syntax",
        "invalid-utf8.json"
        | "latin1-encoded.json"
        | "utf16-le-with-bom.json"
        | "overlong-utf8-encoding.json" => "utf8",
        "deep-nesting.json" | "deep-nesting-closed.json" | "deep-nesting-in-unknown-field.json" => "deep",
        "null.json"
        | "array-top-level.json"
        | "number-top-level.json"
        | "string-top-level.json"
        | "true-top-level.json"
        | "empty-object.json"
        | "not-a-session-package-json.json"
        | "format-missing.json"
        | "format-other-value.json"
        | "format-wrong-case.json"
        | "format-not-a-string.json"
        | "format-null.json" => "not-session",
        "version-99.json" | "version-2-with-new-required-fields.json" | "version-5000000000.json" => "newer",
        "version-missing.json"
        | "version-string.json"
        | "version-zero.json"
        | "version-negative.json"
        | "version-fraction.json"
        | "version-one-point-zero.json"
        | "version-null.json"
        | "version-beyond-u64.json" => "bad-version",
        "title-missing.json" | "title-number.json" | "title-null.json" | "title-array.json" => "field:title",
        "duplicate-key-title.json" => "field:title",
        "id-missing.json" => "field:id",
        "created-at-missing.json" | "created-at-not-a-timestamp.json" => "field:created_at",
        "meeting-date-not-a-date.json" | "meeting-date-impossible.json" | "meeting-date-huge-number.json" => {
            "field:meeting_date"
        }
        "timestamp-without-offset.json" => "field:updated_at",
        "timestamp-date-only.json" => "field:parties[0].created_at",
        "agreement-due-not-a-date.json" | "agreement-due-number.json" => "field:agreements[0].due",
        "phase-unknown-id.json" | "phase-capitalised.json" | "phase-number.json" => "field:phase",
        "status-unknown.json" | "agreement-status-missing.json" | "duplicate-key-in-agreement.json" => {
            "field:agreements[0].status"
        }
        "interest-kind-unknown.json" => "field:interests[0].kind",
        "interest-text-negative-number.json" => "field:interests[0].text",
        "temperature-level-unknown.json" => "field:temperature[0].level",
        "temperature-reading-at-missing.json" => "field:temperature[0].at",
        "parties-not-an-array.json" => "field:parties",
        "party-not-an-object.json" => "field:parties[1]",
        "party-organisation-missing.json" => "field:parties[1].organisation",
        "phase-result-string.json" => "field:agreements[0].phase_result",
        "agreement-parties-not-strings.json" => "field:agreements[0].parties[1]",
        "phase-history-missing.json" | "phase-history-not-an-array.json" => "field:phase_history",
        "phase-history-entry-missing-to.json" => "field:phase_history[1].to",
        "ambition-not-an-object.json" => "field:ambition",
        "reflection-answer-missing.json" => "field:reflections[0].answer",
        "party-reference-unknown.json" => "rules:interests[0].party",
        "agreement-owner-unknown.json" => "rules:agreements[0].owner",
        "agreement-party-unknown.json" => "rules:agreements[0].parties[1]",
        "duplicate-ids.json" => "rules:parties[1].id",
        "duplicate-ids-across-kinds.json" => "rules:temperature[0].id",
        "empty-id.json" => "rules:reflections[0].id",
        "phase-does-not-match-history.json" => "rules:phase",
        "phase-history-empty.json" => "rules:phase_history",
        "title-blank.json" | "several-rules-broken.json" => "rules:title",
        _ => return None,
    })
}

/// The error is of the expected kind, and its message names the file and
/// the place (line and column, field path, or what the file claims to be).
fn check(path: &Path, err: &LoadError, expect: &str) -> Result<(), String> {
    let shown = err.to_string();
    let prefix = format!("{}: ", path.display());
    if !shown.starts_with(&prefix) {
        return Err(format!("message does not start with the path: {shown}"));
    }
    if shown.contains('\n') || shown.chars().any(char::is_control) {
        return Err(format!("message is not one clean line: {shown:?}"));
    }
    let place_ok = match (&err.kind, expect.split_once(':')) {
        (LoadErrorKind::Syntax { .. }, None) if expect == "syntax" => has_line_and_column(&shown),
        (LoadErrorKind::NotUtf8 { .. }, None) if expect == "utf8" => has_line_and_column(&shown),
        (LoadErrorKind::TooDeep { .. }, None) if expect == "deep" => has_line_and_column(&shown),
        (LoadErrorKind::NotASession { .. }, None) if expect == "not-session" => {
            shown.contains("not a kompas session file")
        }
        (LoadErrorKind::NewerVersion { found, .. }, None) if expect == "newer" => {
            shown.contains(&format!("made by a newer kompas (version {found})"))
        }
        (LoadErrorKind::BadVersion, None) if expect == "bad-version" => shown.contains("\"version\""),
        (LoadErrorKind::Field { path: p, .. }, Some(("field", want))) => {
            p == want && shown.starts_with(&format!("{prefix}{want}: "))
        }
        (LoadErrorKind::Rules(problems), Some(("rules", want))) => {
            problems[0].path == want && shown.starts_with(&format!("{prefix}{want}: "))
        }
        _ => return Err(format!("expected {expect}, got {:?}: {shown}", err.kind)),
    };
    if place_ok { Ok(()) } else { Err(format!("message does not name the place ({expect}): {shown}")) }
}

#[test]
fn every_bad_file_is_refused_with_a_located_message_and_left_untouched() {
    let dir = fixture_dir("bad");
    let mut failures = Vec::new();
    let mut count = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some(expect) = expected(&name) else {
            failures.push(format!("{name}: not in the table of expected errors"));
            continue;
        };
        count += 1;
        let before = snapshot(&path);
        let result = std::panic::catch_unwind(|| storage::load(&path));
        match result {
            Err(_) => failures.push(format!("{name}: panicked")),
            Ok(Ok(_)) => failures.push(format!("{name}: loaded")),
            Ok(Err(err)) => {
                if let Err(why) = check(&path, &err, expect) {
                    failures.push(format!("{name}: {why}"));
                }
            }
        }
        if snapshot(&path) != before {
            failures.push(format!("{name}: the file changed by loading it"));
        }
    }
    assert!(count >= 50, "only {count} bad files");
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn some_messages_in_full() {
    let msg = |name: &str| {
        let path = fixture_dir("bad").join(name);
        let shown = storage::load(&path).unwrap_err().to_string();
        shown.strip_prefix(&format!("{}: ", path.display())).unwrap().to_string()
    };
    assert_eq!(
        msg("agreement-due-not-a-date.json"),
        "agreements[0].due: input contains invalid characters (expected a date like 2026-04-01)"
    );
    assert_eq!(
        msg("version-99.json"),
        "made by a newer kompas (version 99); this build reads up to version 1"
    );
    assert_eq!(
        msg("version-2-with-new-required-fields.json"),
        "made by a newer kompas (version 2); this build reads up to version 1"
    );
    assert_eq!(
        msg("not-a-session-package-json.json"),
        "not a kompas session file (no \"format\": \"kompas-session\")"
    );
    assert_eq!(
        msg("format-other-value.json"),
        "not a kompas session file (\"format\" is \"kompas-template\", not \"kompas-session\")"
    );
    assert_eq!(msg("title-missing.json"), "title: is missing");
    assert_eq!(msg("title-number.json"), "title: is the number 42, expected text");
    assert_eq!(
        msg("agreement-due-number.json"),
        "agreements[0].due: is the number 20260401, expected a date like 2026-04-01"
    );
    assert_eq!(
        msg("ambition-not-an-object.json"),
        "ambition: is the text \"Samen sterker\", expected an object"
    );
    assert_eq!(msg("phase-number.json"), "phase: is not one of the allowed names (expected text in quotes)");
    assert_eq!(msg("duplicate-key-title.json"), "title: appears twice");
    assert_eq!(
        msg("status-unknown.json"),
        "agreements[0].status: is \"klaar\", expected one of `proposed`, `agreed`, `done`, `dropped`"
    );
    assert_eq!(msg("party-reference-unknown.json"), "interests[0].party: \"p9\" is not the id of a party");
    assert_eq!(msg("several-rules-broken.json"), "title: is empty (and 2 more)");
    assert_eq!(msg("empty-file.json"), "line 1, column 1: the file is empty");
    assert_eq!(msg("deep-nesting.json"), "line 1, column 128: nested more than 128 levels deep");
    assert!(
        msg("invalid-utf8.json").starts_with("line 30, column 18: not UTF-8 text"),
        "{}",
        msg("invalid-utf8.json")
    );
    assert!(msg("truncated-mid-string.json").contains("the file ends inside a string"));
    assert!(msg("trailing-garbage.json").contains("unexpected text after the end of the session"));
}

#[test]
fn the_good_fixtures_load() {
    for name in ["good.json", "bom-prefixed.json"] {
        let loaded = storage::load(&fixture_dir("good").join(name)).unwrap();
        assert_eq!(loaded.session.parties.len(), 2);
        assert_eq!(loaded.migrated_from, None);
    }
}

/// Every prefix of a real session file is refused with a located message,
/// except the ones that only drop trailing whitespace.
#[test]
fn every_truncation_of_a_real_session_is_refused_with_a_position() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    storage::save(&path, &realistic_session()).unwrap();
    let full = fs::read(&path).unwrap();
    let content_end = full.iter().rposition(|b| !b.is_ascii_whitespace()).unwrap() + 1;
    assert!(full.len() > 4000, "the session should be realistic, is {} bytes", full.len());
    let file = fs::OpenOptions::new().write(true).open(&path).unwrap();
    let mut failures = Vec::new();
    // Cut from the end, so each step is a truncation of the file in place.
    for len in (0..full.len()).rev() {
        file.set_len(len as u64).unwrap();
        match storage::load(&path) {
            Ok(_) if len >= content_end => {}
            Ok(_) => failures.push(format!("{len}: loaded")),
            Err(e) if len >= content_end => failures.push(format!("{len}: refused: {e}")),
            Err(e) => {
                let shown = e.to_string();
                let located = matches!(e.kind, LoadErrorKind::Syntax { .. } | LoadErrorKind::NotUtf8 { .. })
                    && has_line_and_column(&shown)
                    && shown.starts_with(&format!("{}: ", path.display()));
                if !located {
                    failures.push(format!("{len}: {shown}"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures, first ones:\n{}",
        failures.len(),
        failures[..failures.len().min(10)].join("\n")
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.json");
    // Sparse: takes no disk space, and reading it all would take seconds.
    let file = fs::File::create(&path).unwrap();
    file.set_len(storage::MAX_FILE_BYTES + 1).unwrap();
    let started = std::time::Instant::now();
    let err = storage::load(&path).unwrap_err();
    assert!(started.elapsed() < std::time::Duration::from_millis(500));
    assert!(
        matches!(err.kind, LoadErrorKind::TooLarge { bytes, limit } if bytes == limit + 1 && limit == storage::MAX_FILE_BYTES),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        format!("{}: file too large (256.0 MB; the limit is 256.0 MB)", path.display())
    );
}

#[test]
fn missing_files_folders_and_devices_are_refused_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.json");
    let err = storage::load(&missing).unwrap_err();
    assert!(matches!(&err.kind, LoadErrorKind::Io(e) if e.kind() == std::io::ErrorKind::NotFound));
    assert_eq!(err.to_string(), format!("{}: file not found", missing.display()));

    let err = storage::load(dir.path()).unwrap_err();
    assert!(err.to_string().ends_with(": cannot read the file: is a folder, not a file"), "{err}");

    // A device that never ends: refused before it is opened, so no hang.
    let err = storage::load(Path::new("/dev/zero")).unwrap_err();
    assert!(err.to_string().contains("not a regular file"), "{err}");
}

#[test]
fn a_fifo_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.json");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("note: mkfifo not available; FIFO case skipped");
        return;
    }
    let err = storage::load(&fifo).unwrap_err();
    assert!(err.to_string().contains("not a regular file"), "{err}");
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_says_permission_denied() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    fs::copy(fixture_dir("good").join("good.json"), &path).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::File::open(&path).is_ok() {
        eprintln!("note: running as root (permissions do not restrict); unreadable-file test skipped");
        return;
    }
    let err = storage::load(&path).unwrap_err();
    assert_eq!(err.to_string(), format!("{}: cannot read the file: permission denied", path.display()));
}
