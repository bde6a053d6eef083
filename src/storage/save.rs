//! Writing session files atomically and durably.
//!
//! Every write goes to a temp file in the target's own folder (mode 0600,
//! named `.<file name>.kompas-tmp-<random>`), which is written in full and
//! fsynced, then renamed over the target (or hard-linked to a fresh name for
//! a new file), after which the folder is fsynced. Until the rename the old
//! file is untouched; after it the new one is complete. A failed fsync is
//! never retried on the same descriptor: the temp file is removed and the
//! caller saves again later, from memory, through a fresh temp file.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde_json::Value;
use tempfile::NamedTempFile;

use super::identity::{self, OnDisk, Version};
use super::lock::IdentityLock;
use super::naming::{folder_of, follow_symlinks, new_file_name, temp_prefix};
use super::os;
use super::save_error::io_err;
pub use super::save_error::{SaveError, SaveErrorKind, SaveStep};
use crate::domain::Session;

/// How many names `create_new` tries (`x.json`, `x-2.json`, …).
const MAX_NAME_ATTEMPTS: u32 = 1000;
/// Random characters in a temp file name.
const TEMP_RANDOM_CHARS: usize = 8;

/// Replace the file at `path` with `session`, atomically and durably. On
/// error the file is as it was (see [`SaveError::target_unchanged`]) and no
/// temp file is left; call `save` again later. A symlink at `path` is
/// followed: the file it points to is replaced, the link stays. The file
/// keeps its mode and group (and, for the administrator, its owner); a new
/// file gets 0600. A file with more than one name (hard links) is refused:
/// replacing it would split its names silently.
pub fn save(path: &Path, session: &Session) -> Result<(), SaveError> {
    save_with(path, session, &write_all)
}

fn write_all(file: &mut File, bytes: &[u8]) -> io::Result<()> {
    file.write_all(bytes)
}

/// [`save`] with the writing of the temp file done by `write`: a seam for
/// tests that inject "disk full" or I/O errors. Not for other uses.
#[doc(hidden)]
pub fn save_with(
    path: &Path,
    session: &Session,
    write: &dyn Fn(&mut File, &[u8]) -> io::Result<()>,
) -> Result<(), SaveError> {
    let fail = |kind| SaveError { path: path.to_path_buf(), kind };
    let bytes = serialise(session).map_err(fail)?;
    put(path, &bytes, &|| reads_back(&bytes, session), None, None, write).map(|_| ())
}

/// What [`put`] did.
#[derive(Debug)]
pub(crate) struct Put {
    /// The version now on disk: what was written.
    pub version: Version,
    /// The file that was replaced was not the expected one (another program
    /// replaced or rewrote it in the moment before): its bytes, to merge.
    pub displaced: Option<Vec<u8>>,
}

/// Put `bytes` in place of the real file of `path`: temp file beside it with
/// the old file's mode and owner, written and flushed while `check` runs,
/// then swapped in. Where the file system can swap two names atomically
/// (Linux), the old file is swapped out rather than overwritten and compared
/// with `expect`, so a change another program made in the last moment is
/// handed back instead of lost. With `lock`, the new file is locked before
/// it gets the name and the lock moves to it.
pub(crate) fn put(
    path: &Path,
    bytes: &[u8],
    check: &(dyn Fn() -> Result<(), SaveErrorKind> + Sync),
    expect: Option<&Version>,
    lock: Option<&IdentityLock>,
    write: &dyn Fn(&mut File, &[u8]) -> io::Result<()>,
) -> Result<Put, SaveError> {
    let fail = |kind| SaveError { path: path.to_path_buf(), kind };
    let target = follow_symlinks(path).map_err(|e| fail(io_err(SaveStep::Replace)(e)))?;
    let name = target.file_name().ok_or_else(|| fail(io_err(SaveStep::CreateTemp)(not_a_file_path())))?;
    let dir = folder_of(&target);
    let existing = match fs::symlink_metadata(&target) {
        Ok(m) if m.is_file() => {
            Some(os::facts_of_entry(&target).map_err(|e| fail(io_err(SaveStep::Replace)(e)))?)
        }
        Ok(_) => return Err(fail(SaveErrorKind::NotARegularFile)),
        // Not there, or its folder is missing or not a folder: creating the
        // temp file there says precisely what is wrong.
        Err(_) => None,
    };
    if let Some(f) = existing.filter(|f| f.links > 1) {
        return Err(fail(SaveErrorKind::HardLinked(f.links)));
    }
    // The read-back check runs beside the writing and syncing of the temp
    // file (they take about as long); the file replaces the old one only
    // when both succeeded. A refused check leaves the old file untouched and
    // the temp file removed, as any other failure does.
    let (checked, written) = std::thread::scope(|scope| {
        let checking = scope.spawn(check);
        let written = write_temp(&dir, name, bytes, write);
        (
            checking.join().unwrap_or_else(|_| Err(SaveErrorKind::RoundTrip("the check stopped".into()))),
            written,
        )
    });
    let temp = written.map_err(fail)?;
    checked.map_err(fail)?;
    if let Some(like) = &existing {
        os::copy_owner_and_mode(temp.as_file(), like).map_err(|e| fail(io_err(SaveStep::Permissions)(e)))?;
    }
    let lock = lock.filter(|_| os::IDENTITY_LOCKS);
    if lock.is_some() && !os::try_lock(temp.as_file()).map_err(|e| fail(io_err(SaveStep::Lock)(e)))? {
        return Err(fail(io_err(SaveStep::Lock)(io::Error::other(
            "the new file is locked by another program",
        ))));
    }
    // Its modification time to the nanosecond, then its facts, before it
    // gets the name: a program writing into it after that changes them (the
    // system's time is never ours to the nanosecond), and the next look
    // reads it again. Where the time cannot be set, the racy rule holds.
    let (at, ns) = identity::stamp_now();
    let stamp = temp.as_file().set_modified(at).ok().map(|()| ns);
    let facts = os::facts_of_file(temp.as_file()).map_err(|e| fail(io_err(SaveStep::Replace)(e)))?;
    let (file, temp_path) = temp.into_parts();
    let mut displaced = None;
    let swapped = existing.is_some()
        && os::exchange(&temp_path, &target).map_err(|e| fail(io_err(SaveStep::Replace)(e)))?;
    if swapped {
        // `temp_path` now names the old file; it goes when `temp_path` drops.
        if let Some(expect) = expect {
            displaced = displaced_bytes(&temp_path, expect);
        }
    } else if existing.is_some() {
        if let Err(e) = os::persist(temp_path, &target, os::Replace::Existing) {
            return Err(fail(io_err(SaveStep::Replace)(e)));
        }
    } else {
        // A new file (or one deleted meanwhile): never over a file that
        // appeared in the meantime.
        match os::persist(temp_path, &target, os::Replace::Never) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                return Err(fail(SaveErrorKind::AppearedMeanwhile));
            }
            Err(e) => return Err(fail(io_err(SaveStep::Replace)(e))),
        }
    }
    let version = Version::written(facts, bytes, stamp);
    if let Some(lock) = lock {
        lock.moved_to(file);
    }
    sync_folder(&dir).map_err(fail)?;
    Ok(Put { version, displaced })
}

/// How long a file swapped out while another program was writing into it
/// is read again until it is whole.
const HALF_WRITTEN_WAIT: std::time::Duration = std::time::Duration::from_millis(300);

/// The bytes of the file swapped out from under the name (now at `old`),
/// when it is not the version we expected. A program writing into that file
/// in place may be halfway (it emptied the file and has not written all of
/// it yet): its bytes are read again for a short while, until they are a
/// whole JSON text. They are the only copy of everything that version held:
/// the program finds its file lost its name and writes again, but only what
/// it has then (found by the sync simulation: its earlier edits, which were
/// in the file it emptied, were lost).
fn displaced_bytes(old: &Path, expect: &Version) -> Option<Vec<u8>> {
    let until = std::time::Instant::now() + HALF_WRITTEN_WAIT;
    loop {
        let Ok(OnDisk::Changed(_, bytes)) = identity::check(old, expect) else { return None };
        let whole = serde_json::from_slice::<serde::de::IgnoredAny>(&bytes).is_ok();
        if whole || std::time::Instant::now() >= until {
            return Some(bytes);
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

/// Replace the file at `path` with `bytes` the way sessions are saved: temp
/// file (0600) in the same folder, fsync, rename, fsync of the folder. For
/// side files (the draft journal) and exports: a symlink at `path` is never
/// followed or replaced (a planted link is refused and left alone), and
/// neither is anything but a regular file. An existing file keeps its mode.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let fail = |kind| SaveError { path: path.to_path_buf(), kind };
    let name = path.file_name().ok_or_else(|| fail(io_err(SaveStep::CreateTemp)(not_a_file_path())))?;
    let dir = folder_of(path);
    let existing = match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => return Err(fail(SaveErrorKind::PlantedLink)),
        Ok(m) if m.is_file() => {
            Some(os::facts_of_entry(path).map_err(|e| fail(io_err(SaveStep::Replace)(e)))?)
        }
        Ok(_) => return Err(fail(SaveErrorKind::NotARegularFile)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(fail(io_err(SaveStep::Replace)(e))),
    };
    let temp = write_temp(&dir, name, bytes, &write_all).map_err(fail)?;
    if let Some(like) = &existing {
        os::copy_owner_and_mode(temp.as_file(), like).map_err(|e| fail(io_err(SaveStep::Permissions)(e)))?;
    }
    // A rename replaces the name itself: a link planted after the check
    // above is replaced, never followed.
    if let Err(e) = os::persist(temp.into_temp_path(), path, os::Replace::Existing) {
        return Err(fail(io_err(SaveStep::Replace)(e)));
    }
    sync_folder(&dir).map_err(fail)
}

/// Write `session` as a new file in `dir`, named `<meeting date>-<slug>.json`
/// or, if that is taken, `-2`, `-3`, …. Never overwrites a file, even when
/// another program creates the same name at the same moment.
pub fn create_new(dir: &Path, session: &Session) -> Result<PathBuf, SaveError> {
    let candidate = |attempt| dir.join(new_file_name(session.meeting_date, &session.title, attempt));
    let first = candidate(1);
    let bytes = encode(session).map_err(|kind| SaveError { path: first.clone(), kind })?;
    let name = first.file_name().unwrap_or_default().to_owned();
    write_new_file(dir, &name, &bytes, &candidate).map_err(|(kind, path)| SaveError { path, kind })
}

/// Write `bytes` durably under the first free name `candidate(1)`,
/// `candidate(2)`, … in `dir`: temp file, fsync, hard link to the name
/// (which fails rather than overwrite), remove the temp, fsync the folder.
/// The error comes with the name it is about.
pub(crate) fn write_new_file(
    dir: &Path,
    name_for_temp: &std::ffi::OsStr,
    bytes: &[u8],
    candidate: &dyn Fn(u32) -> PathBuf,
) -> Result<PathBuf, (SaveErrorKind, PathBuf)> {
    let mut temp = write_temp(dir, name_for_temp, bytes, &write_all).map_err(|e| (e, candidate(1)))?;
    let mut links_work = true;
    for attempt in 1..=MAX_NAME_ATTEMPTS {
        let target = candidate(attempt);
        if links_work {
            match fs::hard_link(temp.path(), &target) {
                Ok(()) => {
                    // A leftover temp file would be cleaned up later; the new file is in place.
                    let _ = temp.close();
                    return sync_folder(dir).map(|()| target.clone()).map_err(|e| (e, target));
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) if links_unsupported(&e) => links_work = false,
                Err(e) => return Err((io_err(SaveStep::Link)(e), target)),
            }
        }
        // No hard links on this file system (FAT on a USB stick): a rename
        // that refuses to replace, which tempfile does with renameat2.
        match temp.persist_noclobber(&target) {
            Ok(_) => return sync_folder(dir).map(|()| target.clone()).map_err(|e| (e, target)),
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => temp = e.file,
            Err(e) => return Err((io_err(SaveStep::Link)(e.error), target)),
        }
    }
    Err((SaveErrorKind::NoFreeName(MAX_NAME_ATTEMPTS), candidate(1)))
}

fn links_unsupported(e: &io::Error) -> bool {
    const EMLINK: i32 = 31;
    matches!(e.kind(), io::ErrorKind::Unsupported | io::ErrorKind::PermissionDenied)
        || e.raw_os_error() == Some(EMLINK)
}

fn not_a_file_path() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, "not a file path")
}

/// The session as the bytes of its file: pretty JSON and a final newline,
/// checked to read back as the same session. Refuses what would not load.
pub(crate) fn encode(session: &Session) -> Result<Vec<u8>, SaveErrorKind> {
    let bytes = serialise(session)?;
    reads_back(&bytes, session)?;
    Ok(bytes)
}

/// Pretty JSON and a final newline. The buffer is sized from the last save
/// on this thread (the writer saves the same session over and over), so a
/// large session is not copied again and again while it grows.
pub(crate) fn serialise(session: &Session) -> Result<Vec<u8>, SaveErrorKind> {
    thread_local! {
        static LAST_SIZE: std::cell::Cell<usize> = const { std::cell::Cell::new(64 * 1024) };
    }
    let hint = LAST_SIZE.with(|s| s.get());
    let mut bytes = Vec::with_capacity(hint + hint / 8);
    serde_json::to_writer_pretty(&mut bytes, session).map_err(|e| SaveErrorKind::Encode(e.to_string()))?;
    bytes.push(b'\n');
    LAST_SIZE.with(|s| s.set(bytes.len()));
    Ok(bytes)
}

/// Refuse bytes that would not load back as this very session.
pub(crate) fn reads_back(bytes: &[u8], session: &Session) -> Result<(), SaveErrorKind> {
    let back: Session = serde_json::from_slice(bytes).map_err(|e| SaveErrorKind::RoundTrip(e.to_string()))?;
    if back == *session || same_up_to_float_rounding(&back, session) {
        Ok(())
    } else {
        Err(SaveErrorKind::RoundTrip("it reads back different".into()))
    }
}

/// serde_json parses floats "best effort" (its `float_roundtrip` feature is
/// off), so a float in an unknown field may come back a bit off. That is no
/// reason to refuse a save; anything else that differs is.
fn same_up_to_float_rounding(a: &Session, b: &Session) -> bool {
    fn same(a: &Value, b: &Value) -> bool {
        match (a, b) {
            (Value::Number(x), Value::Number(y)) if x.is_f64() && y.is_f64() => {
                let (p, q) = (x.as_f64().unwrap_or(f64::NAN), y.as_f64().unwrap_or(f64::NAN));
                p.is_sign_negative() == q.is_sign_negative() && p.to_bits().abs_diff(q.to_bits()) <= 2
            }
            (Value::Array(x), Value::Array(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(v, w)| same(v, w))
            }
            (Value::Object(x), Value::Object(y)) => {
                x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
            }
            _ => a == b,
        }
    }
    match (serde_json::to_value(a), serde_json::to_value(b)) {
        (Ok(a), Ok(b)) => same(&a, &b),
        _ => false,
    }
}

/// A complete, fsynced temp file with `bytes` in `dir`, mode 0600.
fn write_temp(
    dir: &Path,
    name: &std::ffi::OsStr,
    bytes: &[u8],
    write: &dyn Fn(&mut File, &[u8]) -> io::Result<()>,
) -> Result<NamedTempFile, SaveErrorKind> {
    let prefix = temp_prefix(name);
    let mut temp =
        os::new_temp(dir, prefix.as_ref(), TEMP_RANDOM_CHARS).map_err(io_err(SaveStep::CreateTemp))?;
    write(temp.as_file_mut(), bytes).map_err(io_err(SaveStep::Write))?;
    let written = temp.as_file().metadata().map_err(io_err(SaveStep::Write))?.len();
    if written != bytes.len() as u64 {
        let short = io::Error::new(
            io::ErrorKind::WriteZero,
            format!("only {written} of {} bytes written", bytes.len()),
        );
        return Err(io_err(SaveStep::Write)(short));
    }
    slow_down_for_tests();
    // fdatasync: the data and what is needed to read it back (its size);
    // the timestamps it skips do not matter for a file about to be renamed.
    temp.as_file().sync_data().map_err(io_err(SaveStep::Sync))?;
    Ok(temp)
}

/// Debug builds only: `KOMPAS_TEST_SLOW_SAVE_MS` holds every save this long
/// with its temp file written but not yet in place, so the kill test can land
/// its kills inside saves. Release builds have no such hook.
fn slow_down_for_tests() {
    #[cfg(debug_assertions)]
    if let Some(ms) = std::env::var("KOMPAS_TEST_SLOW_SAVE_MS").ok().and_then(|v| v.parse().ok()) {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}

/// Make a rename or new name in `dir` durable. File systems that cannot
/// fsync a folder at all say so with EINVAL; there is nothing more to do.
fn sync_folder(dir: &Path) -> Result<(), SaveErrorKind> {
    os::sync_folder(dir).map_err(io_err(SaveStep::SyncFolder))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, NaiveDate};

    fn session() -> Session {
        let now = DateTime::parse_from_rfc3339("2026-03-12T10:00:00+01:00").unwrap();
        Session::new("s1".into(), "Wijk", NaiveDate::from_ymd_opt(2026, 3, 12).unwrap(), "", now).unwrap()
    }

    #[test]
    fn encode_refuses_a_session_that_would_not_read_back() {
        let mut s = session();
        // An unknown field with a known name: written twice, refused on reading.
        s.extra.insert("title".into(), "again".into());
        assert!(matches!(encode(&s), Err(SaveErrorKind::RoundTrip(_))));
        // Deeper than serde_json reads.
        let mut s = session();
        let mut deep = Value::Null;
        for _ in 0..200 {
            deep = Value::Array(vec![deep]);
        }
        s.extra.insert("deep".into(), deep);
        assert!(matches!(encode(&s), Err(SaveErrorKind::RoundTrip(_))));
    }

    #[test]
    fn encode_accepts_floats_in_unknown_fields() {
        // serde_json without `float_roundtrip` reads this one back one bit off.
        // (Test builds get that feature through a dev-dependency, the program
        // does not, hence `float_rounding_is_tolerated_but_not_more` below.)
        let off = 1.0715660391465826e-75_f64;
        let mut s = session();
        s.extra.insert("off".into(), serde_json::Number::from_f64(off).unwrap().into());
        encode(&s).unwrap();
        for (i, f) in
            [0.1, 1.0 / 3.0, 2.2250738585072014e-308, 1.7976931348623157e308, 5e-324, -0.0, 123456.789e-250]
                .into_iter()
                .enumerate()
        {
            s.extra.insert(format!("f{i}"), serde_json::Number::from_f64(f).unwrap().into());
        }
        encode(&s).unwrap();
    }

    #[test]
    fn float_rounding_is_tolerated_but_not_more() {
        let a = session();
        let mut b = a.clone();
        let mut c = a.clone();
        let mut a = a;
        a.extra.insert("f".into(), serde_json::Number::from_f64(0.3).unwrap().into());
        b.extra.insert(
            "f".into(),
            serde_json::Number::from_f64(f64::from_bits(0.3f64.to_bits() + 1)).unwrap().into(),
        );
        c.extra.insert("f".into(), serde_json::Number::from_f64(0.31).unwrap().into());
        assert!(same_up_to_float_rounding(&a, &b));
        assert!(!same_up_to_float_rounding(&a, &c));
    }

    #[test]
    fn messages_name_the_cause() {
        let e = |step, errno| {
            SaveError {
                path: "sessions/x.json".into(),
                kind: SaveErrorKind::Io { step, source: io::Error::from_raw_os_error(errno) },
            }
            .to_string()
        };
        assert_eq!(
            e(SaveStep::Write, crate::storage::os_codes::DISK_FULL),
            "sessions/x.json: not saved: disk full (while writing)"
        );
        assert_eq!(
            e(SaveStep::CreateTemp, crate::storage::os_codes::ACCESS_DENIED),
            "sessions/x.json: not saved: the folder is read-only (permission denied)"
        );
        // EROFS and EIO have no one Windows code.
        if cfg!(unix) {
            assert_eq!(
                e(SaveStep::CreateTemp, 30),
                "sessions/x.json: not saved: the disk is read-only (while creating a temporary file in the folder)"
            );
            assert!(
                e(SaveStep::SyncFolder, 5)
                    .starts_with("sessions/x.json: saved, but the folder could not be flushed")
            );
        }
    }

    /// Found by the sync simulation: another program empties the file to
    /// write it in place, and our new file takes the name while it is
    /// halfway. Its half-written bytes used to be dropped as unreadable;
    /// the rest of what it wrote arrives a moment later, and is waited for.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_file_swapped_out_halfway_through_an_in_place_write_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        std::fs::write(&path, br#"{"v": 1}"#).unwrap();
        let expect = Version::of(os::facts_of(&path).unwrap(), br#"{"v": 1}"#);
        let theirs = format!(r#"{{"v": 2, "pad": "{}"}}"#, "x".repeat(4000));
        // While our temp file is written, the other program empties the
        // file and writes the first half; the second half follows 60 ms later.
        let finish = std::sync::Mutex::new(None);
        let write = |f: &mut File, b: &[u8]| {
            let mut other = fs::OpenOptions::new().write(true).truncate(true).open(&path)?;
            let (first, rest) = theirs.as_bytes().split_at(theirs.len() / 2);
            other.write_all(first)?;
            let rest = rest.to_vec();
            *finish.lock().unwrap() = Some(std::thread::spawn(move || {
                std::thread::sleep(std::time::Duration::from_millis(60));
                other.write_all(&rest).unwrap();
            }));
            f.write_all(b)
        };
        let put = put(&path, br#"{"v": 3}"#, &|| Ok(()), Some(&expect), None, &write).unwrap();
        finish.lock().unwrap().take().unwrap().join().unwrap();
        assert_eq!(put.displaced.as_deref(), Some(theirs.as_bytes()), "the whole of their version");
        assert_eq!(fs::read(&path).unwrap(), br#"{"v": 3}"#);
    }
}
