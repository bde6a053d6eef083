//! Reading a session file: a fast path for good files, and a slow diagnosis
//! for bad ones that names the place (line and column, or field path).

use std::fs::{self, File};
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::{io_cause, migrate, one_line, shown_path};
use crate::domain::{FORMAT, Problem, Session, VERSION};

/// Largest session file that is read, in bytes. A big session (50 MB of
/// notes) loads; a stray disk image does not fill memory.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// The UTF-8 byte order mark, accepted and skipped at the start of a file.
const BOM: &[u8] = b"\xEF\xBB\xBF";
/// Files from this size on are read by two threads (see [`read_exact_in_parallel`]).
const PARALLEL_READ_FROM: usize = 8 * 1024 * 1024;
/// serde_json's nesting limit, for the message.
const NESTING_LIMIT: usize = 128;

/// A loaded session.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub session: Session,
    /// The file had this older version and was migrated in memory. Before
    /// the first save, keep the original with [`super::backup_original`].
    pub migrated_from: Option<u32>,
}

/// Why a file could not be loaded. Its `Display` is one line starting with
/// the file path and naming the place, safe to show in a terminal. (The
/// program itself says it in the interface language: `app::Failure`.)
#[derive(Debug, thiserror::Error)]
#[error("{}: {kind}", shown_path(.path))]
pub struct LoadError {
    pub path: PathBuf,
    #[source]
    pub kind: LoadErrorKind,
}

#[derive(Debug, thiserror::Error)]
pub enum LoadErrorKind {
    /// Could not be read: not found, permission denied, a folder, ….
    #[error("{}", io_message(.0))]
    Io(#[source] io::Error),
    #[error("file too large ({}; the limit is {})", size(*.bytes), size(*.limit))]
    TooLarge { bytes: u64, limit: u64 },
    /// Position of the first byte that is not UTF-8 (1-based, column in characters).
    #[error("line {line}, column {column}: not UTF-8 text (the file is damaged or in another encoding)")]
    NotUtf8 { line: usize, column: usize },
    /// Not JSON: invalid syntax, cut off, trailing text (1-based, column in characters).
    #[error("line {line}, column {column}: {}", one_line(.message))]
    Syntax { line: usize, column: usize, message: String },
    /// Nested deeper than serde_json's limit.
    #[error("line {line}, column {column}: nested more than {NESTING_LIMIT} levels deep")]
    TooDeep { line: usize, column: usize },
    /// No `"format": "kompas-session"`; `found` is the `format` value if any (as JSON).
    #[error("{}", not_a_session(.found.as_deref()))]
    NotASession { found: Option<String> },
    #[error("made by a newer kompas (version {found}); this build reads up to version {supported}")]
    NewerVersion { found: u64, supported: u32 },
    /// `version` missing or not a positive integer.
    #[error("\"version\" is missing or not a whole number from 1 up")]
    BadVersion,
    /// Wrong type, missing field, bad date, …: `path` like `agreements[2].due`.
    #[error("{}: {}", one_line(.path), one_line(.message))]
    Field { path: String, message: String },
    /// The session breaks rules of the model ([`Session::problems`]).
    #[error("{}", rules_message(.0))]
    Rules(Vec<Problem>),
}

fn io_message(e: &io::Error) -> String {
    if e.kind() == io::ErrorKind::NotFound {
        "file not found".to_string()
    } else {
        format!("cannot read the file: {}", io_cause(e))
    }
}

fn not_a_session(found: Option<&str>) -> String {
    match found {
        None => format!("not a kompas session file (no \"format\": \"{FORMAT}\")"),
        Some(found) => {
            format!("not a kompas session file (\"format\" is {}, not \"{FORMAT}\")", one_line(found))
        }
    }
}

fn rules_message(problems: &[Problem]) -> String {
    match problems.split_first() {
        None => "breaks a rule of the model".to_string(),
        Some((first, [])) => one_line(&first.to_string()),
        Some((first, rest)) => format!("{} (and {} more)", one_line(&first.to_string()), rest.len()),
    }
}

fn size(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= MB { format!("{:.1} MB", bytes as f64 / MB as f64) } else { format!("{bytes} bytes") }
}

/// Read and check a session file. The file is only read, never changed.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let fail = |kind| LoadError { path: path.to_path_buf(), kind };
    let bytes = read_capped(path, MAX_FILE_BYTES).map_err(fail)?;
    parse(&bytes).map_err(fail)
}

/// All bytes of a regular file of at most `limit` bytes. The size is checked
/// before reading; then exactly that many bytes are read, and whatever was
/// appended meanwhile only up to `limit + 1` bytes in all. Not a regular file
/// (a folder, a FIFO that would block, a device) is refused before it is
/// opened.
pub(crate) fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>, LoadErrorKind> {
    let check = |meta: &fs::Metadata| {
        if meta.is_dir() {
            Err(LoadErrorKind::Io(io::ErrorKind::IsADirectory.into()))
        } else if !meta.is_file() {
            Err(LoadErrorKind::Io(io::Error::new(io::ErrorKind::InvalidInput, "not a regular file")))
        } else if meta.len() > limit {
            Err(LoadErrorKind::TooLarge { bytes: meta.len(), limit })
        } else {
            Ok(meta.len())
        }
    };
    check(&fs::metadata(path).map_err(LoadErrorKind::Io)?)?;
    let file = File::open(path).map_err(LoadErrorKind::Io)?;
    let len = check(&file.metadata().map_err(LoadErrorKind::Io)?)?;
    let size = usize::try_from(len).map_err(|_| LoadErrorKind::TooLarge { bytes: len, limit })?;
    let mut bytes = vec![0; size];
    read_exact_in_parallel(&file, &mut bytes).map_err(|e| {
        LoadErrorKind::Io(if e.kind() == io::ErrorKind::UnexpectedEof {
            io::Error::other("the file got shorter while it was read; try again")
        } else {
            e
        })
    })?;
    let mut rest = &file;
    rest.seek(SeekFrom::Start(len)).map_err(LoadErrorKind::Io)?;
    rest.take(limit + 1 - len).read_to_end(&mut bytes).map_err(LoadErrorKind::Io)?;
    if bytes.len() as u64 > limit {
        return Err(LoadErrorKind::TooLarge { bytes: bytes.len() as u64, limit });
    }
    Ok(bytes)
}

/// Fill `buf` from the start of `file`. Big files are read as two halves by
/// two threads: filling fresh memory costs page faults as much as copying,
/// and on two cores this halves the read time of a 50 MB session.
fn read_exact_in_parallel(file: &File, buf: &mut [u8]) -> io::Result<()> {
    if buf.len() < PARALLEL_READ_FROM {
        return super::os::read_exact_at(file, buf, 0);
    }
    let half = buf.len() / 2;
    let (first, second) = buf.split_at_mut(half);
    let in_parallel = std::thread::scope(|scope| {
        let helper = std::thread::Builder::new()
            .name("kompas-read".into())
            .spawn_scoped(scope, || super::os::read_exact_at(file, second, half as u64))
            .ok()?;
        let read_first = super::os::read_exact_at(file, first, 0);
        let read_second =
            helper.join().unwrap_or_else(|_| Err(io::Error::other("the reading thread failed")));
        Some(read_first.and(read_second))
    });
    // No thread to be had: read it all here.
    in_parallel.unwrap_or_else(|| super::os::read_exact_at(file, buf, 0))
}

/// Parse the bytes of a session file.
/// [`load`] on bytes already in memory; `path` only names the file in the
/// error. For the fuzzer and for tests.
pub fn parse_bytes(path: &Path, bytes: &[u8]) -> Result<Loaded, LoadError> {
    parse(bytes).map_err(|kind| LoadError { path: path.to_path_buf(), kind })
}

pub(crate) fn parse(bytes: &[u8]) -> Result<Loaded, LoadErrorKind> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    // Fast path: a good file of this version costs one parse and the rules.
    if let Ok(session) = serde_json::from_slice::<Session>(bytes)
        && session.format == FORMAT
        && session.version == VERSION
    {
        return checked(session, None);
    }
    diagnose(bytes)
}

fn checked(session: Session, migrated_from: Option<u32>) -> Result<Loaded, LoadErrorKind> {
    let problems = session.problems();
    if problems.is_empty() {
        Ok(Loaded { session, migrated_from })
    } else {
        Err(LoadErrorKind::Rules(problems))
    }
}

/// Slow path: find the first thing wrong, in the order a person would want
/// to hear it. Also the path of files that need migrating.
fn diagnose(bytes: &[u8]) -> Result<Loaded, LoadErrorKind> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(&bytes[..e.valid_up_to()]);
        LoadErrorKind::NotUtf8 { line, column }
    })?;
    let value: Value = serde_json::from_str(text).map_err(|e| syntax_error(text, &e))?;

    // What the file claims to be comes before its fields: a newer file with
    // new required fields must say "newer version", not "missing field".
    let Value::Object(top) = &value else { return Err(LoadErrorKind::NotASession { found: None }) };
    match top.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(other) => return Err(LoadErrorKind::NotASession { found: Some(short_json(other)) }),
        None => return Err(LoadErrorKind::NotASession { found: None }),
    }
    let version = match top.get("version").and_then(Value::as_u64) {
        Some(v) if v >= u64::from(migrate::OLDEST) => v,
        _ => return Err(LoadErrorKind::BadVersion),
    };
    if version > u64::from(VERSION) {
        return Err(LoadErrorKind::NewerVersion { found: version, supported: VERSION });
    }
    let version = version as u32; // at most VERSION
    if version < VERSION {
        let migrated = migrate::migrate(value, version)?;
        let session = serde_path_to_error::deserialize(&migrated).map_err(|e| field_error(text, &e))?;
        return checked(session, Some(version));
    }
    // From the text rather than the value, so duplicate fields are refused
    // exactly as on the fast path.
    let mut de = serde_json::Deserializer::from_str(text);
    let session = serde_path_to_error::deserialize(&mut de).map_err(|e| field_error(text, &e))?;
    checked(session, None)
}

/// A JSON value for a message, cut short.
fn short_json(value: &Value) -> String {
    let mut s = value.to_string();
    if s.len() > 60 {
        let mut end = 57;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
        s.push('…');
    }
    s
}

/// 1-based line and character column just after `before`.
fn line_column(before: &[u8]) -> (usize, usize) {
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line = 1 + before[..line_start].iter().filter(|&&b| b == b'\n').count();
    (line, 1 + chars_in(&before[line_start..]))
}

/// Characters that start in `bytes` (counts UTF-8 lead bytes).
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

/// serde_json's message without its " at line L column C".
fn bare_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    full.strip_suffix(&suffix).unwrap_or(&full).to_string()
}

/// serde_json's byte column turned into a character column, at least 1.
fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let line_text = text.split('\n').nth(line.saturating_sub(1)).unwrap_or("");
    let upto = &line_text.as_bytes()[..byte_column.min(line_text.len())];
    chars_in(upto).max(1)
}

fn syntax_error(text: &str, e: &serde_json::Error) -> LoadErrorKind {
    let (line, column) = (e.line().max(1), char_column(text, e.line(), e.column()));
    let message = bare_message(e);
    if message.starts_with("recursion limit exceeded") {
        return LoadErrorKind::TooDeep { line, column };
    }
    let message = if text.trim().is_empty() {
        "the file is empty".to_string()
    } else if let Some(what) = message.strip_prefix("EOF while parsing ") {
        format!("the file ends inside {what} (it may have been cut off)")
    } else if message == "trailing characters" {
        "unexpected text after the end of the session".to_string()
    } else {
        message
    };
    LoadErrorKind::Syntax { line, column, message }
}

/// A field error with the path in the document and a plain message.
fn field_error(text: &str, e: &serde_path_to_error::Error<serde_json::Error>) -> LoadErrorKind {
    let inner = e.inner();
    let message = bare_message(inner);
    if message.starts_with("recursion limit exceeded") {
        let line = inner.line().max(1);
        return LoadErrorKind::TooDeep { line, column: char_column(text, line, inner.column()) };
    }
    let mut path = e.path().to_string();
    if path == "." {
        path.clear();
    }
    let join =
        |path: &str, field: &str| if path.is_empty() { field.to_string() } else { format!("{path}.{field}") };
    let named = |prefix: &str| {
        message.strip_prefix(prefix).and_then(|rest| rest.strip_suffix('`')).map(str::to_string)
    };
    let (path, message) = if let Some(field) = named("missing field `") {
        (join(&path, &field), "is missing".to_string())
    } else if let Some(field) = named("duplicate field `") {
        (join(&path, &field), "appears twice".to_string())
    } else {
        let field = path.rsplit('.').next().unwrap_or("");
        (path.clone(), plain_field_message(&message, field))
    };
    let path = if path.is_empty() { "top level".to_string() } else { path };
    LoadErrorKind::Field { path, message }
}

/// serde's message about a field in plainer words: "is the number 42,
/// expected text" rather than "invalid type: integer `42`, expected a string".
fn plain_field_message(message: &str, field: &str) -> String {
    let example = match field {
        "meeting_date" | "due" => Some("a date like 2026-04-01"),
        "created_at" | "updated_at" | "at" => Some("a time like 2026-04-01T10:00:00+02:00"),
        _ => None,
    };
    if let Some((found, expected)) =
        message.strip_prefix("invalid type: ").and_then(|rest| rest.rsplit_once(", expected "))
    {
        let found = plain_found(found);
        let expected = match (example, expected) {
            (Some(example), _) => example.to_string(),
            (None, "a string") => "text".to_string(),
            (None, "a sequence") => "a list".to_string(),
            (None, "a boolean") => "true or false".to_string(),
            (None, "u32" | "u64" | "usize") => "a whole number".to_string(),
            (None, e) if e.starts_with("struct ") || e == "a map" => "an object".to_string(),
            (None, e) => e.to_string(),
        };
        return format!("is {found}, expected {expected}");
    }
    if let Some((found, expected)) =
        message.strip_prefix("unknown variant `").and_then(|rest| rest.split_once("`, expected "))
    {
        return format!("is \"{found}\", expected {expected}");
    }
    if message == "expected value" {
        // serde_json's word for a number or list where a name was expected.
        return "is not one of the allowed names (expected text in quotes)".to_string();
    }
    match example {
        Some(example) => format!("{message} (expected {example})"),
        None => message.to_string(),
    }
}

fn plain_found(found: &str) -> String {
    let quoted = |prefix: &str| found.strip_prefix(prefix).map(|v| v.trim_matches('`').to_string());
    if let Some(n) = quoted("integer ").or_else(|| quoted("floating point ")) {
        format!("the number {n}")
    } else if let Some(b) = quoted("boolean ") {
        b
    } else if let Some(s) = found.strip_prefix("string ") {
        format!("the text {s}")
    } else {
        match found {
            "sequence" => "a list".to_string(),
            "map" => "an object".to_string(),
            other => other.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(kind: LoadErrorKind) -> String {
        LoadError { path: PathBuf::from("sessions/x.json"), kind }.to_string()
    }

    fn problem(path: &str, message: &str) -> Problem {
        Problem { path: path.into(), message: message.into() }
    }

    #[test]
    fn messages_name_the_file_and_the_place() {
        assert_eq!(
            shown(LoadErrorKind::Syntax { line: 3, column: 14, message: "expected `,` or `}`".into() }),
            "sessions/x.json: line 3, column 14: expected `,` or `}`"
        );
        assert_eq!(
            shown(LoadErrorKind::NewerVersion { found: 3, supported: 1 }),
            "sessions/x.json: made by a newer kompas (version 3); this build reads up to version 1"
        );
        assert_eq!(
            shown(LoadErrorKind::NotASession { found: None }),
            "sessions/x.json: not a kompas session file (no \"format\": \"kompas-session\")"
        );
        assert_eq!(
            shown(LoadErrorKind::NotASession { found: Some("\"npm\"".into()) }),
            "sessions/x.json: not a kompas session file (\"format\" is \"npm\", not \"kompas-session\")"
        );
        assert_eq!(
            shown(LoadErrorKind::TooLarge { bytes: 300 * 1024 * 1024, limit: MAX_FILE_BYTES }),
            "sessions/x.json: file too large (300.0 MB; the limit is 256.0 MB)"
        );
        assert_eq!(
            shown(LoadErrorKind::Io(io::ErrorKind::NotFound.into())),
            "sessions/x.json: file not found"
        );
        assert_eq!(
            shown(LoadErrorKind::Io(io::Error::from_raw_os_error(crate::storage::os_codes::ACCESS_DENIED))),
            "sessions/x.json: cannot read the file: permission denied"
        );
    }

    #[test]
    fn rules_show_the_first_problem_and_how_many_more() {
        let one = vec![problem("title", "is empty")];
        assert_eq!(shown(LoadErrorKind::Rules(one)), "sessions/x.json: title: is empty");
        let three = vec![
            problem("agreements[0].owner", "\"p9\" is not the id of a party"),
            problem("title", "is empty"),
            problem("phase", "wrong"),
        ];
        assert_eq!(
            shown(LoadErrorKind::Rules(three)),
            "sessions/x.json: agreements[0].owner: \"p9\" is not the id of a party (and 2 more)"
        );
    }

    #[test]
    fn messages_stay_on_one_line_whatever_the_file_holds() {
        let nasty =
            vec![problem("parties[0].id", "\"a\nb\u{1b}]0;pwned\u{7}\u{202e}\" is used by another item")];
        let s = shown(LoadErrorKind::Rules(nasty));
        assert!(!s.contains('\n') && !s.contains('\u{1b}') && !s.contains('\u{202e}'), "{s}");
        let path = LoadError { path: PathBuf::from("a\nb.json"), kind: LoadErrorKind::BadVersion };
        assert!(path.to_string().starts_with("a\\nb.json: "));
    }

    fn field(json: &str) -> String {
        match parse(json.as_bytes()) {
            Err(e) => e.to_string(),
            Ok(_) => panic!("loaded: {json}"),
        }
    }

    const HEAD: &str = r#""format":"kompas-session","version":1,"id":"s","title":"T","meeting_date":"2026-03-12","created_at":"2026-03-12T10:00:00+01:00","updated_at":"2026-03-12T10:00:00+01:00","phase":"verkennen","phase_history":[{"at":"2026-03-12T10:00:00+01:00","to":"verkennen"}]"#;

    #[test]
    fn field_errors_carry_the_path() {
        let bad_due = format!(
            r#"{{{HEAD},"agreements":[{{"id":"a","text":"x","due":"1 april","status":"agreed","phase":"delen","created_at":"2026-03-12T10:00:00+01:00","updated_at":"2026-03-12T10:00:00+01:00"}}]}}"#
        );
        assert_eq!(
            field(&bad_due),
            "agreements[0].due: input contains invalid characters (expected a date like 2026-04-01)"
        );
        let missing_title = format!("{{{}}}", HEAD.replace(r#""title":"T","#, ""));
        assert_eq!(field(&missing_title), "title: is missing");
        let twice = format!(r#"{{{HEAD},"title":"again"}}"#);
        assert_eq!(field(&twice), "title: appears twice");
    }

    #[test]
    fn positions_count_characters_not_bytes() {
        let e = parse("{\"é\":\n  \"ëë\" x}".as_bytes()).unwrap_err();
        assert!(matches!(e, LoadErrorKind::Syntax { line: 2, column: 8, .. }), "{e:?}");
        let e = parse(b"{\n \"\xC3\xA9\xFF\"}").unwrap_err();
        assert!(matches!(e, LoadErrorKind::NotUtf8 { line: 2, column: 4 }), "{e:?}");
    }

    #[test]
    fn empty_file_says_so() {
        for text in ["", "  \n\n "] {
            let e = parse(text.as_bytes()).unwrap_err();
            assert!(
                matches!(&e, LoadErrorKind::Syntax { message, .. } if message == "the file is empty"),
                "{e:?}"
            );
        }
    }
}
