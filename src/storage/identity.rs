//! Is the file on disk still the one kompas last read or wrote? Asked
//! before every save and whenever the file watcher says something moved.
//!
//! Device, inode, size and modification time answer it cheaply. When they
//! say "changed" (a sync tool rewrote the same bytes, someone touched it)
//! or cannot be trusted (the file changed within the clock's resolution of
//! when we looked: the "racy" case), the content hash decides.

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

/// One version of a file as kompas last saw it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    pub facts: Facts,
    pub hash: u64,
    /// When these facts were taken, in nanoseconds since 1970.
    seen_ns: i128,
}

impl Version {
    /// The version of a file whose facts and bytes were just read or written.
    pub fn of(facts: Facts, bytes: &[u8]) -> Version {
        Version { facts, hash: fnv64(bytes), seen_ns: now_ns() }
    }

    fn racy(&self) -> bool {
        self.seen_ns - self.facts.mtime_ns < RACY.as_nanos() as i128
    }
}

fn now_ns() -> i128 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos() as i128)
}

/// What [`check`] found.
#[derive(Debug, PartialEq, Eq)]
pub enum OnDisk {
    /// Exactly as we left it.
    Same,
    /// Other facts (a new inode, a new time) but the same bytes: nothing to
    /// merge; remember the new facts.
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
    let version = Version::of(facts, &bytes);
    if version.hash == known.hash && bytes.len() as u64 == k.size {
        if unchanged { Ok(OnDisk::Same) } else { Ok(OnDisk::SameBytes(version)) }
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
        assert_eq!(check(&p, &v).unwrap(), OnDisk::Same);
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
    fn fnv_is_stable() {
        assert_eq!(fnv64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv64(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
