//! Watching an open session's file for changes made by other programs.
//!
//! The folder of the real file is watched (a sync tool replaces the file by
//! renaming another one over it, which a watch on the file itself would
//! lose), and only events that name the session file are passed on. The
//! kernel wakes the watcher thread; nothing polls, so an idle kompas uses no
//! CPU. What changed is not decided here: the caller asks [`super::Disk`],
//! which compares the file with the version it last read or wrote (so
//! kompas's own saves cost one look and nothing more).

use std::path::{Path, PathBuf};

use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, RecursiveMode, Watcher};

/// A running watch; dropping it stops watching.
pub struct Watch {
    _watcher: notify::RecommendedWatcher,
}

impl std::fmt::Debug for Watch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Watch")
    }
}

/// Call `on_change` (on the watcher's thread) whenever the session file at
/// `path` may have changed: written, replaced, renamed away or removed.
pub fn watch(path: &Path, on_change: impl Fn() + Send + 'static) -> notify::Result<Watch> {
    let real = super::real_path(path).map_err(notify::Error::io)?;
    let name = real.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    let folder: PathBuf = super::naming::folder_of(&real);
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<Event>| match event {
        Ok(e) if changes(&e.kind) && e.paths.iter().any(|p| p.file_name() == Some(name.as_os_str())) => {
            on_change()
        }
        Ok(_) => {}
        // Events were lost (the kernel's queue overflowed): look anyway.
        Err(_) => on_change(),
    })?;
    watcher.watch(&folder, RecursiveMode::NonRecursive)?;
    Ok(Watch { _watcher: watcher })
}

/// Whether an event can mean new content. Opening, reading and closing
/// without writing cannot, and must not count: looking at the file after
/// an event opens and reads it, which would wake the watcher again, for
/// ever.
fn changes(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    #[test]
    fn a_replace_an_in_place_write_and_a_removal_are_seen_others_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        std::fs::write(&path, b"1").unwrap();
        let (tx, rx) = mpsc::channel();
        let _w = watch(&path, move || {
            let _ = tx.send(());
        })
        .unwrap();
        let seen = |rx: &mpsc::Receiver<()>| {
            let got = rx.recv_timeout(Duration::from_secs(2)).is_ok();
            while rx.recv_timeout(Duration::from_millis(100)).is_ok() {}
            got
        };
        std::fs::write(dir.path().join("other.json"), b"x").unwrap();
        assert!(!seen(&rx), "another file is not the session");
        // Reading it (as kompas does after each event) is no news.
        let _ = std::fs::read(&path).unwrap();
        let _ = std::fs::metadata(&path).unwrap();
        assert!(!seen(&rx), "reading the session is not a change");
        let tmp = dir.path().join(".sync.tmp");
        std::fs::write(&tmp, b"2").unwrap();
        // The temp file itself is no news; its rename over the session is.
        while rx.recv_timeout(Duration::from_millis(100)).is_ok() {}
        std::fs::rename(&tmp, &path).unwrap();
        assert!(seen(&rx), "a rename over it");
        std::fs::write(&path, b"3").unwrap();
        assert!(seen(&rx), "an in-place write");
        std::fs::remove_file(&path).unwrap();
        assert!(seen(&rx), "a removal");
    }
}
