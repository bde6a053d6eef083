//! One writer per session, whatever name it is opened by.
//!
//! Two locks, both advisory (`flock`), both released by the kernel when the
//! process dies:
//!
//! * the **side lock** `.<name>.lock` beside the *real* file (symlinks
//!   resolved), which also works while the session file itself is missing;
//! * the **identity lock** on the session file itself: the same device and
//!   inode is the same file, whatever name or mount it is reached by. A save
//!   replaces the file, so the writer takes the lock on the new file before
//!   it gets the name (see `save`), and never lets go in between.
//!
//! The side lock file is removed when the lock is released (a clean quit, a
//! refused open): a synced folder does not carry it around. Removing it is
//! safe because it happens while holding it, and a taker checks after
//! locking that the name still leads to the file it locked (else it tries
//! again). A side lock deleted or replaced under a running kompas is noticed
//! by [`SessionLock::still_held`] before each save and taken again.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::naming::{folder_of, lock_name, real_path};
use super::os::{self, Create};

/// How often taking a lock is tried again when its file was swapped under us.
const ATTEMPTS: usize = 8;

/// The result of [`lock`].
#[derive(Debug)]
pub enum LockOutcome {
    Acquired(SessionLock),
    /// Another kompas (or another handle in this one) has the session open.
    HeldElsewhere,
}

/// The identity lock, shared with the writer thread, which moves it to each
/// new file it puts in place.
#[derive(Debug, Clone, Default)]
pub struct IdentityLock(Arc<Mutex<Option<File>>>);

impl IdentityLock {
    /// Hold the lock on `file` from now on (already locked by the caller);
    /// the lock on the previous file is let go.
    pub(crate) fn moved_to(&self, file: File) {
        if let Ok(mut held) = self.0.lock() {
            *held = Some(file);
        }
    }
}

/// Holds the locks of one session until dropped.
#[derive(Debug)]
pub struct SessionLock {
    side: File,
    side_path: PathBuf,
    identity: IdentityLock,
}

impl SessionLock {
    /// The side lock file.
    pub fn lock_file(&self) -> &Path {
        &self.side_path
    }

    pub fn identity(&self) -> IdentityLock {
        self.identity.clone()
    }

    /// A check the writer thread makes before each save, without taking
    /// anything: see [`LockProbe`].
    pub fn probe(&self) -> io::Result<LockProbe> {
        Ok(LockProbe { side: self.side.try_clone()?, side_path: self.side_path.clone() })
    }

    /// Is the side lock file still the one we hold? If it was deleted or
    /// replaced, take it again; `Ok(false)` when another kompas took it
    /// meanwhile (then two programs think they may write: the caller must
    /// stop writing and merge).
    pub fn still_held(&mut self) -> io::Result<bool> {
        let ours = os::facts_of_file(&self.side)?;
        match std::fs::symlink_metadata(&self.side_path) {
            Ok(m) if m.file_type().is_file() && os::facts_of_entry(&self.side_path)?.same_file(&ours) => {
                return Ok(true);
            }
            Ok(_) | Err(_) => {}
        }
        match take_side(&self.side_path)? {
            Some(file) => {
                self.side = file;
                Ok(true)
            }
            None => Ok(false),
        }
    }
}

/// Does the side lock file still lead to the file we locked? Asked by the
/// writer before every save (two `stat`s): when not, the save is not made
/// and the program takes the lock again ([`SessionLock::still_held`]) or,
/// when another kompas has it, stops writing. Holds no lock of its own.
#[derive(Debug)]
pub struct LockProbe {
    side: File,
    side_path: PathBuf,
}

impl LockProbe {
    pub fn still_ours(&self) -> bool {
        match (os::facts_of_file(&self.side), os::facts_of_entry(&self.side_path)) {
            (Ok(ours), Ok(now)) => ours.same_file(&now),
            _ => false,
        }
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        // Remove the side file while still holding it, and only if the name
        // still leads to our file.
        if let (Ok(ours), Ok(now)) = (os::facts_of_file(&self.side), os::facts_of_entry(&self.side_path))
            && ours.same_file(&now)
        {
            let _ = std::fs::remove_file(&self.side_path);
        }
        let _ = self.side.unlock();
    }
}

/// The side lock file of the session at `path`: beside the real file.
pub fn lock_path(path: &Path) -> io::Result<PathBuf> {
    let real = real_path(path)?;
    let name =
        real.file_name().ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file path"))?;
    Ok(folder_of(&real).join(lock_name(name)))
}

/// Try to become the one writer of the session at `path` (which need not
/// exist yet). Does not wait. A symlink planted at the lock file's name is
/// an error ([`os::is_planted_link`]) and is left alone.
pub fn lock(path: &Path) -> io::Result<LockOutcome> {
    let side_path = lock_path(path)?;
    let Some(side) = take_side(&side_path)? else { return Ok(LockOutcome::HeldElsewhere) };
    // Taken: from here on, dropping `held` removes the side file again.
    let held = SessionLock { side, side_path, identity: IdentityLock::default() };
    match take_identity(&real_path(path)?)? {
        Identity::Taken(file) => {
            if let Some(file) = file {
                held.identity.moved_to(file);
            }
            Ok(LockOutcome::Acquired(held))
        }
        Identity::Held => Ok(LockOutcome::HeldElsewhere),
    }
}

/// Create or open the side lock file (never through a link) and lock it;
/// `None` when another holds it.
fn take_side(side_path: &Path) -> io::Result<Option<File>> {
    for _ in 0..ATTEMPTS {
        let file = os::open_no_follow(side_path, Create::Either, 0o600)?;
        if !os::try_lock(&file)? {
            return Ok(None);
        }
        // The holder before us may have removed the name after we opened
        // it: then we hold a file nobody else can find. Try again.
        let ours = os::facts_of_file(&file)?;
        match os::facts_of_entry(side_path) {
            Ok(now) if now.same_file(&ours) => {
                if ours.mode & 0o777 != 0o600 {
                    let _ = os::set_mode(&file, 0o600);
                }
                return Ok(Some(file));
            }
            _ => continue,
        }
    }
    Err(io::Error::other("the lock file keeps being replaced"))
}

enum Identity {
    /// Locked (`None`: there is no file yet).
    Taken(Option<File>),
    Held,
}

/// Lock the session file itself (only where locks are advisory, see
/// [`os::IDENTITY_LOCKS`]).
fn take_identity(real: &Path) -> io::Result<Identity> {
    if !os::IDENTITY_LOCKS {
        return Ok(Identity::Taken(None));
    }
    for _ in 0..ATTEMPTS {
        let file = match File::open(real) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Identity::Taken(None)),
            Err(e) => return Err(e),
        };
        if !os::try_lock(&file)? {
            return Ok(Identity::Held);
        }
        let ours = os::facts_of_file(&file)?;
        match os::facts_of(real) {
            Ok(now) if now.same_file(&ours) => return Ok(Identity::Taken(Some(file))),
            // Replaced between opening and locking: lock the new one.
            _ => continue,
        }
    }
    Err(io::Error::other("the session file keeps being replaced"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn acquired(path: &Path) -> SessionLock {
        match lock(path).unwrap() {
            LockOutcome::Acquired(l) => l,
            LockOutcome::HeldElsewhere => panic!("held elsewhere"),
        }
    }

    fn held(path: &Path) -> bool {
        matches!(lock(path).unwrap(), LockOutcome::HeldElsewhere)
    }

    #[cfg(unix)]
    #[test]
    fn one_writer_whatever_the_name() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.json");
        std::fs::write(&a, b"{}").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink("a.json", &link).unwrap();
        let first = acquired(&a);
        assert!(held(&a));
        assert!(held(&link), "through a symlink");
        let hard = dir.path().join("hard.json");
        std::fs::hard_link(&a, &hard).unwrap();
        assert!(held(&hard), "through a hard link: same device and inode");
        drop(first);
        assert!(!dir.path().join(".a.json.lock").exists(), "removed on release");
        let again = acquired(&link);
        assert_eq!(again.lock_file(), dir.path().canonicalize().unwrap().join(".a.json.lock"));
    }

    #[test]
    fn a_deleted_lock_file_still_leaves_one_writer() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.json");
        std::fs::write(&a, b"{}").unwrap();
        let mut first = acquired(&a);
        std::fs::remove_file(first.lock_file()).unwrap();
        assert!(held(&a), "the file itself is still locked");
        assert!(first.still_held().unwrap());
        assert!(first.lock_file().exists(), "taken again");
    }

    // Unix only: on Windows a removed file that is still open keeps its name
    // until it is closed (always under wine, on Windows before 10 1903), so
    // the lock file cannot be taken over this way there.
    #[cfg(unix)]
    #[test]
    fn a_lock_file_taken_by_another_is_noticed() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.json"); // not there yet: no identity lock
        let mut first = acquired(&a);
        std::fs::remove_file(first.lock_file()).unwrap();
        let second = acquired(&a);
        assert!(!first.still_held().unwrap());
        drop(second);
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_link_is_an_error_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, b"keep").unwrap();
        std::os::unix::fs::symlink(&victim, dir.path().join(".a.json.lock")).unwrap();
        let e = lock(&dir.path().join("a.json")).unwrap_err();
        assert!(os::is_planted_link(&e), "{e}");
        assert_eq!(std::fs::read(&victim).unwrap(), b"keep");
    }
}
