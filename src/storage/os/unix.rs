//! The Unix side of [`super`] (Linux and macOS): std's Unix extensions and
//! rustix for the few calls std does not offer.

use super::*;
use std::fs::{DirBuilder, Metadata, OpenOptions, Permissions};
use std::os::unix::fs::{DirBuilderExt, FileExt, MetadataExt, OpenOptionsExt, PermissionsExt};

use tempfile::{Builder, NamedTempFile};

/// The mode of the files kompas creates (sessions, temp and side files).
const PRIVATE_FILE: u32 = 0o600;

fn facts(meta: &Metadata) -> Facts {
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

pub fn facts_of_file(file: &File) -> io::Result<Facts> {
    file.metadata().map(|m| facts(&m))
}

pub fn facts_of(path: &Path) -> io::Result<Facts> {
    std::fs::metadata(path).map(|m| facts(&m))
}

pub fn facts_of_entry(path: &Path) -> io::Result<Facts> {
    std::fs::symlink_metadata(path).map(|m| facts(&m))
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
    rustix::fs::accessat(rustix::fs::CWD, path, rustix::fs::Access::WRITE_OK, rustix::fs::AtFlags::EACCESS)
        == Err(rustix::io::Errno::ROFS)
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

/// A new temp file in `dir`, mode 0600 whatever the umask where the file
/// system allows it (it is never more open than 0600 either way).
pub fn new_temp(dir: &Path, prefix: &std::ffi::OsStr, random: usize) -> io::Result<NamedTempFile> {
    let temp = Builder::new()
        .prefix(prefix)
        .rand_bytes(random)
        .permissions(Permissions::from_mode(PRIVATE_FILE))
        .tempfile_in(dir)?;
    // A umask that takes away the owner's own bits is put right.
    if temp.as_file().metadata().is_ok_and(|m| m.permissions().mode() & 0o777 != PRIVATE_FILE) {
        let _ = temp.as_file().set_permissions(Permissions::from_mode(PRIVATE_FILE));
    }
    Ok(temp)
}

/// Give the complete, flushed temp file the name `target`: replacing a file
/// there (`Replace::Existing`) or never (`Replace::Never`: `AlreadyExists`).
/// A rename is atomic; [`sync_folder`] afterwards makes it durable. On
/// failure the temp file is removed.
pub fn persist(temp: tempfile::TempPath, target: &Path, replace: Replace) -> io::Result<()> {
    match replace {
        Replace::Existing => temp.persist(target),
        Replace::Never => temp.persist_noclobber(target),
    }
    .map_err(|e| e.error)
}

/// Create one folder (its parent exists) with mode 0700, whatever the umask.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    DirBuilder::new().mode(0o700).create(dir)?;
    std::fs::set_permissions(dir, Permissions::from_mode(0o700))
}

/// Fill `buf` from `file` at `offset`, without using the file's cursor
/// (several threads read one file at once).
pub fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    FileExt::read_exact_at(file, buf, offset)
}
