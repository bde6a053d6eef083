//! The Windows side of [`super`]: std's Windows extensions, file facts
//! through `GetFileInformationByHandle` (winapi-util's safe wrapper) and the
//! write-through replace (atomicwrites). `unsafe` only in `on_console_close`
//! (no safe crate offers a console handler that may wait).

use super::*;
use std::fs::OpenOptions;
use std::os::windows::fs::{FileExt, MetadataExt, OpenOptionsExt};

use tempfile::{Builder, NamedTempFile};
use windows_sys::Win32::Foundation::{ERROR_SHARING_VIOLATION, ERROR_WRITE_PROTECT};
use windows_sys::Win32::Storage::FileSystem::{
    FILE_ADD_FILE, FILE_ATTRIBUTE_READONLY, FILE_ATTRIBUTE_REPARSE_POINT, FILE_FLAG_BACKUP_SEMANTICS,
    FILE_FLAG_OPEN_REPARSE_POINT, FILE_READ_ATTRIBUTES, FILE_WRITE_DATA,
};

/// 100-nanosecond steps from 1601-01-01 (Windows file times) to 1970-01-01.
const FILETIME_UNIX_EPOCH: i128 = 116_444_736_000_000_000;

pub fn facts_of_file(file: &File) -> io::Result<Facts> {
    let info = winapi_util::file::information(file)?;
    let read_only = info.file_attributes() & u64::from(FILE_ATTRIBUTE_READONLY) != 0;
    Ok(Facts {
        dev: info.volume_serial_number(),
        ino: info.file_index(),
        size: info.file_size(),
        mtime_ns: info.last_write_time().map_or(0, |t| (i128::from(t) - FILETIME_UNIX_EPOCH) * 100),
        // Only the read-only attribute: who may write is in the ACL, which
        // `may_write` asks.
        mode: if read_only { 0o444 } else { 0o666 },
        uid: 0,
        gid: 0,
        links: info.number_of_links(),
    })
}

/// A handle that may only read attributes: opening it never conflicts with
/// another program's use of the file. Folders need backup semantics.
fn attributes_handle(path: &Path, flags: u32) -> io::Result<File> {
    OpenOptions::new()
        .access_mode(FILE_READ_ATTRIBUTES)
        .custom_flags(FILE_FLAG_BACKUP_SEMANTICS | flags)
        .open(path)
}

pub fn facts_of(path: &Path) -> io::Result<Facts> {
    facts_of_file(&attributes_handle(path, 0)?)
}

pub fn facts_of_entry(path: &Path) -> io::Result<Facts> {
    facts_of_file(&attributes_handle(path, FILE_FLAG_OPEN_REPARSE_POINT)?)
}

/// `file` was opened with `FILE_FLAG_OPEN_REPARSE_POINT`: if the name was a
/// symlink or junction, `file` is the link itself, and is refused.
fn refuse_reparse_point(file: File) -> io::Result<File> {
    if file.metadata()?.file_attributes() & FILE_ATTRIBUTE_REPARSE_POINT != 0 {
        return Err(planted_link());
    }
    Ok(file)
}

/// `mode` is not used: the file gets the user's default ACL, inherited from
/// its folder.
pub fn open_no_follow(path: &Path, create: Create, _mode: u32) -> io::Result<File> {
    let mut o = OpenOptions::new();
    o.read(true).write(true).custom_flags(FILE_FLAG_OPEN_REPARSE_POINT);
    match create {
        Create::New => o.create_new(true),
        Create::Either => o.create(true),
    };
    refuse_reparse_point(o.open(path)?)
}

/// Open an existing file to read it, without following a symlink at its
/// final name.
pub fn open_read_no_follow(path: &Path) -> io::Result<File> {
    refuse_reparse_point(OpenOptions::new().read(true).custom_flags(FILE_FLAG_OPEN_REPARSE_POINT).open(path)?)
}

/// The read-only attribute: set when nobody may write (`mode` has no `w`
/// bit), cleared otherwise. The ACL is left as it is.
pub fn set_mode(file: &File, mode: u32) -> io::Result<()> {
    let mut permissions = file.metadata()?.permissions();
    permissions.set_readonly(mode & 0o222 == 0);
    file.set_permissions(permissions)
}

/// The new file keeps the old one's read-only attribute. Its ACL is the
/// user's default from the folder (the replaced file's own ACL, if someone
/// changed it by hand, is not copied: that takes administrator rights).
pub fn copy_owner_and_mode(file: &File, like: &Facts) -> io::Result<()> {
    set_mode(file, like.mode)
}

/// Open `path` asking for the right to write into it (a file's data, a
/// folder's new entries): Windows checks the ACL, the read-only attribute
/// and the medium. Nothing is written.
fn open_to_write(path: &Path) -> io::Result<File> {
    let (access, flags) = if std::fs::metadata(path)?.is_dir() {
        (FILE_ADD_FILE, FILE_FLAG_BACKUP_SEMANTICS)
    } else {
        (FILE_WRITE_DATA, 0)
    };
    OpenOptions::new().access_mode(access).custom_flags(flags).open(path)
}

/// Whether this process may write `path` (a file or a folder), asked of
/// Windows, so the ACL, the read-only attribute and write-protected media
/// count. A file another program holds open without sharing is writable
/// (the save retries), not read-only.
pub fn may_write(path: &Path) -> io::Result<bool> {
    match open_to_write(path) {
        Ok(_) => Ok(true),
        Err(e) if e.raw_os_error() == Some(ERROR_SHARING_VIOLATION as i32) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => Ok(false),
        Err(e) if e.raw_os_error() == Some(ERROR_WRITE_PROTECT as i32) => Ok(false),
        Err(e) => Err(e),
    }
}

pub fn read_only_disk(path: &Path) -> bool {
    open_to_write(path).is_err_and(|e| e.raw_os_error() == Some(ERROR_WRITE_PROTECT as i32))
}

/// No account writes past the read-only attribute or the ACL on Windows
/// without changing them first, so nobody counts as the administrator here.
pub fn is_admin() -> bool {
    false
}

/// Windows has no numeric owner: ownership is part of the ACL, which
/// [`may_write`] asks. Every file counts as the user's own.
pub fn my_uid() -> u32 {
    0
}

/// Windows cannot exchange two names; the caller replaces instead.
pub fn exchange(_a: &Path, _b: &Path) -> io::Result<bool> {
    Ok(false)
}

/// Windows cannot flush a folder: [`persist`] is write-through instead.
pub fn sync_folder(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// A new temp file in `dir` with the folder's default ACL. Made by std
/// rather than tempfile's default, which marks it `FILE_ATTRIBUTE_TEMPORARY`:
/// that mark would stay on the session file after the replace.
pub fn new_temp(dir: &Path, prefix: &std::ffi::OsStr, random: usize) -> io::Result<NamedTempFile> {
    Builder::new()
        .prefix(prefix)
        .rand_bytes(random)
        .make_in(dir, |path| OpenOptions::new().read(true).write(true).create_new(true).open(path))
}

/// Give the complete, flushed temp file the name `target` with
/// `MoveFileExW(MOVEFILE_WRITE_THROUGH [| MOVEFILE_REPLACE_EXISTING])`: the
/// call returns when the new name is on the disk. On failure the temp file
/// is removed.
pub fn persist(temp: tempfile::TempPath, target: &Path, replace: Replace) -> io::Result<()> {
    let path = temp.keep().map_err(|e| e.error)?;
    let moved = match replace {
        Replace::Existing => atomicwrites::replace_atomic(&path, target),
        Replace::Never => atomicwrites::move_atomic(&path, target),
    };
    if moved.is_err() {
        let _ = std::fs::remove_file(&path);
    }
    moved
}

/// Create one folder (its parent exists), with the user's default ACL
/// inherited from the parent (in the user's documents: the user's own).
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    std::fs::create_dir(dir)
}

/// Fill `buf` from `file` at `offset`. `seek_read` also moves the file's
/// cursor; callers that read on seek first.
pub fn read_exact_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> io::Result<()> {
    while !buf.is_empty() {
        match file.seek_read(buf, offset) {
            Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Closing the console window (its ×, *End task*), logging off and shutting
/// down, and Ctrl+C / Ctrl+Break sent from outside: `quit` asks kompas to
/// end as after `q` (the last save, the draft journal kept). Windows ends
/// the process as soon as the handler of a close, log-off or shut-down
/// returns (at the latest after about five seconds), so the handler waits:
/// the quit's last save ends the process first. The one place kompas uses
/// `unsafe`: no safe crate offers a handler that may wait (the `ctrlc`
/// crate's returns at once).
#[allow(unsafe_code)]
pub fn on_console_close(quit: Box<dyn Fn() + Send + Sync>) -> io::Result<()> {
    use windows_sys::Win32::System::Console::{
        CTRL_BREAK_EVENT, CTRL_C_EVENT, CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT,
        SetConsoleCtrlHandler,
    };
    static QUIT: std::sync::OnceLock<Box<dyn Fn() + Send + Sync>> = std::sync::OnceLock::new();

    unsafe extern "system" fn handler(event: u32) -> windows_sys::core::BOOL {
        let Some(quit) = QUIT.get() else { return 0 };
        match event {
            CTRL_C_EVENT | CTRL_BREAK_EVENT => {
                quit();
                1
            }
            CTRL_CLOSE_EVENT | CTRL_LOGOFF_EVENT | CTRL_SHUTDOWN_EVENT => {
                quit();
                std::thread::sleep(std::time::Duration::from_secs(10));
                1
            }
            _ => 0,
        }
    }

    if QUIT.set(quit).is_err() {
        return Ok(()); // installed already
    }
    // SAFETY: `handler` has the signature Windows asks for
    // (`PHANDLER_ROUTINE`), is a plain function living as long as the
    // program, and only reads a `OnceLock`, calls `quit` (a channel send,
    // which does not panic) and sleeps; a panic could not unwind out of it
    // anyway (an `extern "system"` function aborts instead).
    if unsafe { SetConsoleCtrlHandler(Some(handler), 1) } == 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

#[cfg(test)]
mod console_tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    #[test]
    fn the_console_close_handler_installs_once() {
        let asked = Arc::new(AtomicBool::new(false));
        let flag = asked.clone();
        super::on_console_close(Box::new(move || flag.store(true, Ordering::SeqCst))).unwrap();
        // A second install is a no-op, not an error.
        super::on_console_close(Box::new(|| ())).unwrap();
        assert!(!asked.load(Ordering::SeqCst), "nothing asked to quit yet");
    }
}
