//! Every call into the operating system that is not the same everywhere, in
//! one place: file identity (device and inode), link counts, modes and
//! owners, opening without following a symlink, locks, swapping two names,
//! flushing a folder, write access, and the file-size-limit signal.
//!
//! The rest of `storage` uses only this interface. Today there is one
//! implementation, for Unix (Linux and macOS); a Windows one goes beside it
//! (issue 14) with the same functions: `GetFileInformationByHandle` for
//! identity and links, `FILE_FLAG_OPEN_REPARSE_POINT` for no-follow,
//! `LockFileEx` for locks, `ReplaceFileW` for the swap.

use std::fs::{File, Metadata};
use std::io;
use std::path::Path;

/// What kompas needs to know about a file on disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Facts {
    /// The file's identity: two names with the same device and inode are
    /// the same file.
    pub dev: u64,
    pub ino: u64,
    pub size: u64,
    /// Last modification, in nanoseconds since 1970.
    pub mtime_ns: i128,
    /// Permission bits (`0o644`).
    pub mode: u32,
    pub uid: u32,
    pub gid: u32,
    /// How many names (hard links) the file has.
    pub links: u64,
}

impl Facts {
    /// Facts that match no file (for "we know of no file there").
    pub fn nothing() -> Facts {
        Facts { dev: u64::MAX, ino: u64::MAX, size: u64::MAX, mtime_ns: 0, mode: 0, uid: 0, gid: 0, links: 0 }
    }

    pub fn same_file(&self, other: &Facts) -> bool {
        self.dev == other.dev && self.ino == other.ino
    }

    /// Nobody at all may write it (no `w` bit): a file made read-only on
    /// purpose, which even an administrator's kompas leaves alone.
    pub fn read_only_mode(&self) -> bool {
        self.mode & 0o222 == 0
    }
}

/// How [`open_no_follow`] opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Create {
    /// Only a new file; an existing name (a file or a link) fails with
    /// `AlreadyExists`.
    New,
    /// The existing file, or a new one.
    Either,
}

#[cfg(unix)]
mod imp {
    use super::*;
    use std::fs::OpenOptions;
    use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};

    pub fn facts(meta: &Metadata) -> Facts {
        Facts {
            dev: meta.dev(),
            ino: meta.ino(),
            size: meta.size(),
            mtime_ns: i128::from(meta.mtime()) * 1_000_000_000 + i128::from(meta.mtime_nsec()),
            mode: meta.mode() & 0o7777,
            uid: meta.uid(),
            gid: meta.gid(),
            links: meta.nlink(),
        }
    }

    fn no_follow() -> i32 {
        (rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::CLOEXEC).bits() as i32
    }

    pub fn open_no_follow(path: &Path, create: Create, mode: u32) -> io::Result<File> {
        let mut o = OpenOptions::new();
        o.read(true).write(true).mode(mode).custom_flags(no_follow());
        match create {
            Create::New => o.create_new(true),
            Create::Either => o.create(true),
        };
        o.open(path).map_err(planted_link_error)
    }

    /// Open an existing file to read it, without following a symlink at
    /// its final name.
    pub fn open_read_no_follow(path: &Path) -> io::Result<File> {
        OpenOptions::new().read(true).custom_flags(no_follow()).open(path).map_err(planted_link_error)
    }

    /// O_NOFOLLOW on a symlink fails with ELOOP; say what it means.
    fn planted_link_error(e: io::Error) -> io::Error {
        if e.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error()) { planted_link() } else { e }
    }

    pub fn is_planted_link(e: &io::Error) -> bool {
        e.kind() == io::ErrorKind::Other && e.to_string() == PLANTED
    }

    pub fn set_mode(file: &File, mode: u32) -> io::Result<()> {
        file.set_permissions(std::fs::Permissions::from_mode(mode))
    }

    /// Give `file` the mode and group of `like` and, when we may (as the
    /// administrator), its owner. A group we are not in is skipped: the file
    /// then keeps ours, and its mode still keeps the others' access.
    pub fn copy_owner_and_mode(file: &File, like: &Facts) -> io::Result<()> {
        let mine = facts(&file.metadata()?);
        if mine.gid != like.gid || (is_admin() && mine.uid != like.uid) {
            let uid = is_admin().then_some(like.uid);
            match std::os::unix::fs::fchown(file, uid, Some(like.gid)) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {}
                Err(e) if e.raw_os_error() == Some(rustix::io::Errno::PERM.raw_os_error()) => {}
                Err(e) => return Err(e),
            }
        }
        // After the chown, which may clear set-id bits.
        set_mode(file, like.mode & 0o777)
    }

    /// Whether this process may write `path` (a file or a folder), asked of
    /// the kernel, so group membership, ACLs and read-only disks count.
    pub fn may_write(path: &Path) -> io::Result<bool> {
        use rustix::io::Errno;
        match rustix::fs::accessat(
            rustix::fs::CWD,
            path,
            rustix::fs::Access::WRITE_OK,
            rustix::fs::AtFlags::EACCESS,
        ) {
            Ok(()) => Ok(true),
            Err(e) if e == Errno::ACCESS || e == Errno::PERM || e == Errno::ROFS => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    pub fn read_only_disk(path: &Path) -> bool {
        rustix::fs::accessat(
            rustix::fs::CWD,
            path,
            rustix::fs::Access::WRITE_OK,
            rustix::fs::AtFlags::EACCESS,
        ) == Err(rustix::io::Errno::ROFS)
    }

    /// Running as the administrator (root), who may write any file.
    pub fn is_admin() -> bool {
        rustix::process::geteuid().is_root()
    }

    pub fn my_uid() -> u32 {
        rustix::process::geteuid().as_raw()
    }

    /// Exchange the two names atomically: `a` then names what `b` named and
    /// the other way round. `Ok(false)` when the file system cannot (then
    /// nothing happened); Linux only, elsewhere always `Ok(false)`.
    pub fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
        #[cfg(target_os = "linux")]
        {
            use rustix::io::Errno;
            let cwd = rustix::fs::CWD;
            match rustix::fs::renameat_with(cwd, a, cwd, b, rustix::fs::RenameFlags::EXCHANGE) {
                Ok(()) => Ok(true),
                Err(e) if e == Errno::INVAL || e == Errno::NOSYS || e == Errno::OPNOTSUPP => Ok(false),
                Err(e) => Err(e.into()),
            }
        }
        #[cfg(not(target_os = "linux"))]
        {
            let _ = (a, b);
            Ok(false)
        }
    }

    /// Make new names and renames in `dir` durable. File systems that
    /// cannot flush a folder say so with EINVAL; nothing more can be done.
    pub fn sync_folder(dir: &Path) -> io::Result<()> {
        let folder = File::open(dir)?;
        match folder.sync_all() {
            Err(e) if matches!(e.kind(), io::ErrorKind::InvalidInput | io::ErrorKind::Unsupported) => Ok(()),
            other => other,
        }
    }

    /// A file-size limit (`ulimit -f`) must make a write fail with EFBIG,
    /// which is shown and retried, not kill the program with its session
    /// unsaved: the signal it sends is ignored.
    pub fn survive_file_size_limit() -> io::Result<()> {
        signal_hook::flag::register(
            signal_hook::consts::SIGXFSZ,
            std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
        )
        .map(|_| ())
    }
}

const PLANTED: &str = "a symbolic link is in the way (kompas does not write through it)";

/// The error for a symlink found where kompas creates a side file.
pub fn planted_link() -> io::Error {
    io::Error::other(PLANTED)
}

/// Try to take the exclusive lock on `file`, without waiting: `Ok(false)`
/// when another process (or another handle) holds it.
pub fn try_lock(file: &File) -> io::Result<bool> {
    match file.try_lock() {
        Ok(()) => Ok(true),
        Err(std::fs::TryLockError::WouldBlock) => Ok(false),
        Err(std::fs::TryLockError::Error(e)) => Err(e),
    }
}

pub use imp::*;

/// [`facts`] of the file at `path`, following symlinks.
pub fn facts_of(path: &Path) -> io::Result<Facts> {
    std::fs::metadata(path).map(|m| facts(&m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_follow_refuses_a_planted_link_and_leaves_it() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, b"keep").unwrap();
        let link = dir.path().join("side");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        for create in [Create::New, Create::Either] {
            let e = open_no_follow(&link, create, 0o600).unwrap_err();
            assert!(is_planted_link(&e) || e.kind() == io::ErrorKind::AlreadyExists, "{e:?}");
        }
        assert!(is_planted_link(&open_read_no_follow(&link).unwrap_err()));
        assert_eq!(std::fs::read(&victim).unwrap(), b"keep");
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    }

    #[test]
    fn identity_links_and_modes() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        std::fs::write(&a, b"x").unwrap();
        let b = dir.path().join("b");
        std::fs::hard_link(&a, &b).unwrap();
        let (fa, fb) = (facts_of(&a).unwrap(), facts_of(&b).unwrap());
        assert!(fa.same_file(&fb));
        assert_eq!(fa.links, 2);
        let f = File::open(&a).unwrap();
        set_mode(&f, 0o400).unwrap();
        assert!(facts_of(&a).unwrap().read_only_mode());
    }

    #[test]
    fn exchange_swaps_two_names() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        std::fs::write(&a, b"A").unwrap();
        std::fs::write(&b, b"B").unwrap();
        let swapped = exchange(&a, &b).unwrap();
        if swapped {
            assert_eq!(std::fs::read(&a).unwrap(), b"B");
            assert_eq!(std::fs::read(&b).unwrap(), b"A");
        }
    }
}
