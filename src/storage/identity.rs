//! Is the file on disk still the one kompas last read or wrote? Asked
//! before every save and whenever the file watcher says something moved.
//!
//! Device, inode, size and modification time answer it cheaply. When they
//! say "changed" (a sync tool rewrote the same bytes, someone touched it)
//! or cannot be trusted (the file changed within the clock's resolution of
//! when we looked: the "racy" case), the content hash decides. A file we
//! wrote ourselves carries a modification time we set to the nanosecond
//! just before it got its name ([`Version::written`]); a later write by
//! anyone gets the system's own time, which is another, so such a version
//! is never racy and a look at it is one `stat`.

use std::io;
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::os::{self, Facts};

/// A modification this close to the moment we looked may hide a second
/// change in the same clock tick (coarse file systems tick in 1 or 2 s).
const RACY: Duration = Duration::from_secs(2);

/// 64-bit FNV-1a: a content hash for "same bytes?", and short stable names.
/// Not for security: it only tells our own versions apart.
pub fn fnv64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A hash of a file's content for "same bytes?": eight bytes at a time in
/// four lanes, each step a bijection of the lane for a given word and of
/// the word for a given lane, so a file that differs in one word always
/// hashes differently. Many times faster than [`fnv64`] (a save of the
/// large session hashes 5 MB); not stable across versions of kompas and
/// never stored.
pub fn content_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let step = |h: u64, w: u64| (h.rotate_left(5) ^ w).wrapping_mul(K);
    let mut lanes = [1u64, 2, 3, 4];
    let mut chunks = bytes.chunks_exact(32);
    for c in &mut chunks {
        for (i, lane) in lanes.iter_mut().enumerate() {
            let w = u64::from_le_bytes(c[i * 8..i * 8 + 8].try_into().unwrap_or_default());
            *lane = step(*lane, w);
        }
    }
    let mut h = lanes.into_iter().fold(bytes.len() as u64, step);
    for &b in chunks.remainder() {
        h = step(h, u64::from(b));
    }
    // Spread the last words over every bit.
    let h = (h ^ (h >> 29)).wrapping_mul(K);
    h ^ (h >> 32)
}

/// One version of a file as kompas last saw it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    pub facts: Facts,
    pub hash: u64,
    /// When these facts were taken, in nanoseconds since 1970.
    seen_ns: i128,
    /// The modification time is one we set ourselves, to the nanosecond.
    stamped: bool,
}

impl Version {
    /// The version of a file whose facts and bytes were just read or written.
    pub fn of(facts: Facts, bytes: &[u8]) -> Version {
        Version { facts, hash: content_hash(bytes), seen_ns: now_ns(), stamped: false }
    }

    /// The version of a file kompas just wrote and gave the modification
    /// time `stamp_ns` (`None`: setting it failed). When the file system
    /// kept that time to the nanosecond, no later write can leave it
    /// unchanged, so the version is never racy.
    pub fn written(facts: Facts, bytes: &[u8], stamp_ns: Option<i128>) -> Version {
        let stamped = stamp_ns == Some(facts.mtime_ns) && facts.mtime_ns % 1_000_000 != 0;
        Version { stamped, ..Version::of(facts, bytes) }
    }

    fn racy(&self) -> bool {
        !self.stamped && self.seen_ns - self.facts.mtime_ns < RACY.as_nanos() as i128
    }
}

/// Now, in nanoseconds since 1970, as a file's modification time.
pub fn stamp_now() -> (SystemTime, i128) {
    let now = SystemTime::now();
    (now, now.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos() as i128))
}

fn now_ns() -> i128 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos() as i128)
}

/// What [`check`] found.
#[derive(Debug, PartialEq, Eq)]
pub enum OnDisk {
    /// Exactly as we left it.
    Same,
    /// Other facts (a new inode, a new time), or facts too recent to trust,
    /// but the same bytes: nothing to merge; remember this version.
    SameBytes(Version),
    /// Different bytes: these (read once, here).
    Changed(Version, Vec<u8>),
    /// No file at that name any more.
    Gone,
}

/// Compare the file at `path` (symlinks followed) with `known`.
pub fn check(path: &Path, known: &Version) -> io::Result<OnDisk> {
    let facts = match os::facts_of(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(OnDisk::Gone),
        Err(e) => return Err(e),
    };
    let k = &known.facts;
    let unchanged = facts.same_file(k) && facts.size == k.size && facts.mtime_ns == k.mtime_ns;
    if unchanged && !known.racy() {
        return Ok(OnDisk::Same);
    }
    let bytes = super::load::read_capped(path, super::MAX_FILE_BYTES).map_err(|e| match e {
        super::LoadErrorKind::Io(e) => e,
        other => io::Error::other(other.to_string()),
    })?;
    // The facts from before the read go with the bytes: if the file changed
    // while it was read, the facts differ next time and it is read again.
    // The same bytes: the new version (its facts, or only the later time it
    // was seen, which ends a racy one) is remembered, so the next look at
    // an untouched file is a `stat` again.
    let version = Version::of(facts, &bytes);
    if version.hash == known.hash && bytes.len() as u64 == k.size {
        Ok(OnDisk::SameBytes(version))
    } else {
        Ok(OnDisk::Changed(version, bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version_of(path: &Path) -> Version {
        Version::of(os::facts_of(path).unwrap(), &std::fs::read(path).unwrap())
    }

    #[test]
    fn same_touched_changed_replaced_gone() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.json");
        std::fs::write(&p, b"one").unwrap();
        let v = version_of(&p);
        // Just written: racy, so read once; then remembered as seen later.
        let OnDisk::SameBytes(later) = check(&p, &v).unwrap() else { panic!("read once") };
        assert_eq!(later.facts, v.facts);
        // Same bytes through a new inode (a sync tool's rewrite).
        let tmp = dir.path().join("t");
        std::fs::write(&tmp, b"one").unwrap();
        std::fs::rename(&tmp, &p).unwrap();
        assert!(matches!(check(&p, &v).unwrap(), OnDisk::SameBytes(_)));
        // Same size, other bytes, written in place within the same tick.
        std::fs::write(&p, b"two").unwrap();
        match check(&p, &v).unwrap() {
            OnDisk::Changed(_, bytes) => assert_eq!(bytes, b"two"),
            other => panic!("{other:?}"),
        }
        std::fs::remove_file(&p).unwrap();
        assert_eq!(check(&p, &v).unwrap(), OnDisk::Gone);
    }

    #[test]
    fn an_old_untouched_file_is_not_read_again() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.json");
        std::fs::write(&p, b"one").unwrap();
        let mut v = version_of(&p);
        v.seen_ns += 10 * 1_000_000_000; // looked at long after it was written
        v.hash = 0; // so a read would say "changed"
        assert_eq!(check(&p, &v).unwrap(), OnDisk::Same);
    }

    #[test]
    fn a_version_we_stamped_is_one_stat_and_a_later_write_shows() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.json");
        std::fs::write(&p, b"one").unwrap();
        let f = std::fs::OpenOptions::new().write(true).open(&p).unwrap();
        let (at, ns) = stamp_now();
        f.set_modified(at).unwrap();
        let mut v = Version::written(os::facts_of(&p).unwrap(), b"one", Some(ns));
        if !v.stamped {
            return; // a file system that rounds times: the racy rule holds
        }
        v.hash = 0; // so a read would say "changed"
        assert_eq!(check(&p, &v).unwrap(), OnDisk::Same);
        // Rewritten in place at once, same size: the system's time is not ours.
        std::fs::write(&p, b"two").unwrap();
        assert!(matches!(check(&p, &v).unwrap(), OnDisk::Changed(_, b) if b == b"two"));
    }

    #[test]
    fn content_hash_tells_one_word_apart() {
        let a = vec![7u8; 5000];
        let mut seen = std::collections::HashSet::new();
        assert!(seen.insert(content_hash(&a)));
        for at in [0, 1, 31, 32, 999, 4990, 4999] {
            let mut b = a.clone();
            b[at] ^= 1;
            assert!(seen.insert(content_hash(&b)), "{at}");
        }
        assert_ne!(content_hash(b"ab"), content_hash(b"ba"));
        assert_ne!(content_hash(b""), content_hash(b"\0"));
    }

    #[test]
    fn fnv_is_stable() {
        assert_eq!(fnv64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv64(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
