//! Start-up of the real program to its first frame, as a whole process: the
//! `kompas` binary cargo built with the benches (the release profile), in a
//! 200x50 pseudo-terminal, timed from just before it is started to the
//! moment its first frame reaches the last screen row. Unlike the
//! in-process line this counts what a fresh process pays: loading the
//! program, fresh memory (page faults), the threads, the terminal's set-up
//! and the first diff against an empty screen. `.ci/first-frame` measures
//! the same on any build (the static one of `.ci/release`).

use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 50;
const COLS: u16 = 200;

/// The runs of one start-up line.
pub struct Starts {
    pub median: Duration,
    pub fastest: Duration,
}

/// `first_frame` measured from a fresh process of this bench program
/// (`--first-frame DIR FILE RUNS`): starting kompas in a pseudo-terminal
/// forks the process that starts it, and forking the gate itself, which by
/// then holds hundreds of megabytes of sessions, cost more than kompas's
/// own start-up (the demo's first frame measured 33 ms from the gate and 11
/// ms from a small process).
pub fn from_small_process(dir: &Path, file: &str, runs: usize) -> Starts {
    let out = std::process::Command::new(std::env::current_exe().expect("the bench program"))
        .arg("--first-frame")
        .arg(dir)
        .arg(file)
        .arg(runs.to_string())
        .output()
        .expect("start the bench program again");
    let text = String::from_utf8_lossy(&out.stdout);
    let ns: Vec<u64> = text.split_whitespace().filter_map(|w| w.parse().ok()).collect();
    assert!(ns.len() == 2, "first frame of {file}: {text} {}", String::from_utf8_lossy(&out.stderr));
    Starts { median: Duration::from_nanos(ns[0]), fastest: Duration::from_nanos(ns[1]) }
}

/// Start `kompas FILE` in `dir` `runs` times (after two runs that warm the
/// disk cache) and time each to its first frame.
pub fn first_frame(dir: &Path, file: &str, runs: usize) -> Starts {
    let mut times: Vec<Duration> = (0..runs + 2).map(|_| one_start(dir, file)).skip(2).collect();
    times.sort();
    Starts { median: times[runs / 2], fastest: times[0] }
}

/// One start: to the frame's last row (ratatui moves the cursor to each
/// row it draws, top to bottom), then SIGTERM, as a closed terminal would
/// send, and the program must end. Every run gets an empty home, config and
/// data folder, so no config file or draft journal changes what is
/// measured.
fn one_start(dir: &Path, file: &str) -> Duration {
    let home = tempfile::tempdir().expect("a home folder");
    let pty = native_pty_system();
    let pair =
        pty.openpty(PtySize { rows: ROWS, cols: COLS, pixel_width: 0, pixel_height: 0 }).expect("open a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_kompas"));
    cmd.arg(file);
    cmd.cwd(dir);
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "en_US.UTF-8");
    cmd.env("HOME", home.path());
    for (var, sub) in [("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"), ("XDG_STATE_HOME", "state")]
    {
        cmd.env(var, home.path().join(sub));
    }
    cmd.env_remove("KOMPAS_CONFIG");
    cmd.env_remove("NO_COLOR");
    let mut reader = pair.master.try_clone_reader().expect("pty reader");
    let mut writer = pair.master.take_writer().expect("pty writer");
    let (tx, rx) = mpsc::channel();
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("start kompas");
    drop(pair.slave);
    let marker = format!("\x1b[{ROWS};");
    std::thread::spawn(move || {
        let mut seen: Vec<u8> = Vec::new();
        let mut buf = [0u8; 65536];
        let mut sent = false;
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            seen.extend_from_slice(&buf[..n]);
            if !sent && seen.windows(marker.len()).any(|w| w == marker.as_bytes()) {
                let _ = tx.send(Instant::now());
                sent = true;
            }
            // A cursor position query: answer it, as a terminal would.
            if seen.windows(4).any(|w| w == b"\x1b[6n") {
                let _ = writer.write_all(b"\x1b[1;1R");
                seen.clear();
            }
            // Keep only what may hold the start of a marker.
            let keep = seen.len().saturating_sub(16);
            seen.drain(..keep);
        }
    });
    let shown = rx.recv_timeout(Duration::from_secs(10));
    let pid = child.process_id().expect("a running kompas").to_string();
    let _ = std::process::Command::new("kill").args(["-TERM", &pid]).status();
    let ended = Instant::now() + Duration::from_secs(10);
    while let Ok(None) = child.try_wait() {
        if Instant::now() > ended {
            let _ = child.kill();
            panic!("kompas {file} did not end within 10 s of SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    match shown {
        Ok(at) => at - start,
        Err(_) => panic!("kompas {file}: no first frame within 10 s"),
    }
}
