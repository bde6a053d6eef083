//! One writer per session: an exclusive advisory lock (`flock`) on a side
//! file `.<file name>.lock` next to the session. Not on the session file
//! itself, which every save replaces by a rename. Lock files are never
//! deleted: deleting one while another program opens it would let two
//! programs hold "the" lock at once.

use std::fs::{File, OpenOptions, Permissions, TryLockError};
use std::io;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::naming::{folder_of, lock_name};

/// The result of [`lock`].
#[derive(Debug)]
pub enum LockOutcome {
    Acquired(SessionLock),
    /// Another kompas (or another handle in this one) has the session open.
    HeldElsewhere,
}

/// Holds the lock of one session until dropped. If the process dies, the
/// kernel releases it.
#[derive(Debug)]
pub struct SessionLock {
    file: File,
    path: PathBuf,
}

impl SessionLock {
    /// The lock file.
    pub fn lock_file(&self) -> &Path {
        &self.path
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        // Closing the file releases the lock as well; this makes it explicit.
        let _ = self.file.unlock();
    }
}

/// Try to become the one writer of the session at `path` (which need not
/// exist yet). Does not wait.
pub fn lock(path: &Path) -> io::Result<LockOutcome> {
    let name =
        path.file_name().ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file path"))?;
    let lock_path = folder_of(path).join(lock_name(name));
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(&lock_path)?;
    // 0600 minus the umask; put right if the umask took the owner's bits
    // (best effort: it only matters for tidiness, the lock works either way).
    if file.metadata().is_ok_and(|m| m.permissions().mode() & 0o777 != 0o600) {
        let _ = file.set_permissions(Permissions::from_mode(0o600));
    }
    match file.try_lock() {
        Ok(()) => Ok(LockOutcome::Acquired(SessionLock { file, path: lock_path })),
        Err(TryLockError::WouldBlock) => Ok(LockOutcome::HeldElsewhere),
        Err(TryLockError::Error(e)) => Err(e),
    }
}
