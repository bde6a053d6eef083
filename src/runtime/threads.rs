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
/// window, logging off or shutting down (and Ctrl+C or Ctrl+Break sent from
/// outside) end the program through the same path as `q`: the handler waits
/// while the last save is made (`storage::os::on_console_close`). If Windows
/// refuses the handler, kompas runs on: typing is in the draft journal and
/// every edit is saved as it is made.
#[cfg(windows)]
pub(super) fn spawn_signal_thread(tx: Sender<Wake>) -> io::Result<()> {
    let tx = std::sync::Mutex::new(tx);
    let quit = move || {
        if let Ok(tx) = tx.lock() {
            let _ = tx.send(Wake::Signal);
        }
    };
    let _ = crate::storage::os::on_console_close(Box::new(quit));
    Ok(())
}
