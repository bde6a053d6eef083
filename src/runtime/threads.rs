//! The threads that feed the loop: terminal input and signals.

use std::io;
use std::sync::mpsc::Sender;

use ratatui::crossterm::event;

use super::Wake;

pub(super) fn spawn_input_thread(tx: Sender<Wake>) {
    std::thread::spawn(move || {
        loop {
            match event::read() {
                Ok(ev) => {
                    if tx.send(Wake::Terminal(ev)).is_err() {
                        return;
                    }
                }
                Err(_) => {
                    let _ = tx.send(Wake::TerminalGone);
                    return;
                }
            }
        }
    });
}

/// SIGTERM, SIGHUP (the terminal window was closed) and SIGINT end the
/// program cleanly through the same path as `q`.
#[cfg(unix)]
pub(super) fn spawn_signal_thread(tx: Sender<Wake>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    // A file-size limit must fail a save (EFBIG, shown and retried), not
    // kill the program with the session unsaved.
    crate::storage::os::survive_file_size_limit()?;
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            let _ = tx.send(Wake::Signal);
        }
    });
    Ok(())
}

/// Windows has no signals to forward: in the raw-mode console Ctrl+C
/// reaches kompas as a key, read by the input thread. Closing the console
/// window ends the process at once; what it loses is at most the save under
/// way (each edit is handed to the writer thread as it is made) and no
/// draft (they are in the journal).
#[cfg(windows)]
pub(super) fn spawn_signal_thread(_tx: Sender<Wake>) -> io::Result<()> {
    Ok(())
}
