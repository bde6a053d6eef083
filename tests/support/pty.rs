//! Drive the real `kompas` binary in a pseudo-terminal and read its screen
//! through a terminal emulator (vt100), as a facilitator would see it.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

pub struct Kompas {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    /// Bytes the program has written to the terminal so far.
    written: Arc<std::sync::atomic::AtomicUsize>,
    /// The reader has seen the end of the program's output.
    drained: Arc<std::sync::atomic::AtomicBool>,
    /// BEL bytes the program wrote (its terminal bell).
    bells: Arc<std::sync::atomic::AtomicUsize>,
    // Keeps the pty open for as long as the test runs.
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

pub const ENTER: &str = "\r";
pub const TAB: &str = "\t";
pub const ESC: &str = "\x1b";
pub const ALT_ENTER: &str = "\x1b\r";
pub const DOWN: &str = "\x1b[B";
pub const UP: &str = "\x1b[A";
pub const RIGHT: &str = "\x1b[C";
pub const LEFT: &str = "\x1b[D";

impl Kompas {
    /// Start kompas with `args` in `cwd`, in a terminal of `cols` x `rows`.
    pub fn start(args: &[&str], cwd: &Path, cols: u16, rows: u16) -> Kompas {
        Kompas::start_with_env(args, cwd, cols, rows, &[])
    }

    /// kompas started by a shell script (`$KOMPAS` is the binary), to set
    /// limits such as `ulimit -f` first.
    pub fn start_script(script: &str, cwd: &Path, cols: u16, rows: u16) -> Kompas {
        let pty = native_pty_system();
        let pair = pty.openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("open a pty");
        let mut cmd = CommandBuilder::new("sh");
        cmd.args(["-c", script]);
        cmd.cwd(cwd);
        cmd.env("TERM", "xterm-256color");
        cmd.env("KOMPAS", env!("CARGO_BIN_EXE_kompas"));
        Kompas::attach(pair, cmd, rows, cols)
    }

    /// As [`Kompas::start`], with extra environment variables.
    pub fn start_with_env(args: &[&str], cwd: &Path, cols: u16, rows: u16, env: &[(&str, &str)]) -> Kompas {
        let pty = native_pty_system();
        let pair = pty.openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_kompas"));
        cmd.args(args);
        cmd.cwd(cwd);
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "nl_NL.UTF-8");
        for (k, v) in env {
            cmd.env(k, v);
        }
        Kompas::attach(pair, cmd, rows, cols)
    }

    fn attach(pair: portable_pty::PtyPair, cmd: CommandBuilder, rows: u16, cols: u16) -> Kompas {
        let child = pair.slave.spawn_command(cmd).expect("spawn kompas");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(rows).expect("rows"),
            NonZeroU16::new(cols).expect("cols"),
            0,
        )));
        let sink = Arc::clone(&screen);
        let written = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let count = Arc::clone(&written);
        let drained = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let end = Arc::clone(&drained);
        let bells = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let rung = Arc::clone(&bells);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => {
                        end.store(true, std::sync::atomic::Ordering::SeqCst);
                        return;
                    }
                    Ok(n) => {
                        count.fetch_add(n, std::sync::atomic::Ordering::SeqCst);
                        let bel = buf[..n].iter().filter(|b| **b == 0x07).count();
                        rung.fetch_add(bel, std::sync::atomic::Ordering::SeqCst);
                        sink.lock().unwrap().process(&buf[..n]);
                    }
                }
            }
        });
        Kompas { child, writer, screen, written, drained, bells, _master: pair.master }
    }

    /// Type keys or text.
    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write to pty");
        self.writer.flush().expect("flush pty");
        // Let a lone ESC be read as Escape, not as the start of a sequence.
        if keys == ESC {
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    /// The background colour of the first cell on screen showing `text`
    /// (a time in its warning colour); `None` when the text is not there.
    /// Each column is one character of the searched line (the second half
    /// of a wide character reads as a space), so columns and characters
    /// line up.
    pub fn background_of(&self, text: &str) -> Option<vt100::Color> {
        let p = self.screen.lock().unwrap();
        let screen = p.screen();
        let (rows, cols) = screen.size();
        let (rows, cols) = (u16::from(rows), u16::from(cols));
        for row in 0..rows {
            let line: String = (0..cols)
                .map(|c| screen.cell(row, c).map_or(String::from(" "), |x| x.contents().to_string()))
                .map(|c| if c.is_empty() { String::from(" ") } else { c })
                .collect();
            if let Some(at) = line.find(text) {
                let col = line[..at].chars().count() as u16;
                return screen.cell(row, col).map(|c| c.bgcolor());
            }
        }
        None
    }

    /// How often the program rang the terminal's bell (BEL bytes written;
    /// kompas writes no other sequence that ends in one).
    pub fn bells(&self) -> usize {
        self.bells.load(std::sync::atomic::Ordering::SeqCst)
    }

    pub fn screen(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// The colours on the screen now, foreground and background, as the
    /// terminal shows them (the terminal's own default left out).
    pub fn colours(&self) -> Vec<vt100::Color> {
        let parser = self.screen.lock().unwrap();
        let screen = parser.screen();
        let (rows, cols) = screen.size();
        let mut out = Vec::new();
        for r in 0..rows.get() {
            for c in 0..cols.get() {
                if let Some(cell) = screen.cell(r, c) {
                    out.extend(
                        [cell.fgcolor(), cell.bgcolor()].into_iter().filter(|x| *x != vt100::Color::Default),
                    );
                }
            }
        }
        out
    }

    /// Wait until `text` is on screen; panic with the screen after `secs`.
    pub fn wait_for(&self, text: &str, secs: u64) -> String {
        self.wait_until(text, secs, |s| s.contains(text))
    }

    /// Wait until the screen satisfies `ok`; panic with the screen after `secs`.
    /// Only a settled screen counts: the program wrote nothing for a moment,
    /// so a frame that arrives in several reads is never judged half drawn
    /// (the map of a new frame above the status line of the old one).
    pub fn wait_until(&self, what: &str, secs: u64, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            let written = self.bytes_written();
            let s = self.screen();
            if ok(&s) {
                std::thread::sleep(Duration::from_millis(25));
                if self.bytes_written() == written {
                    return s;
                }
                continue;
            }
            if Instant::now() > deadline {
                panic!("waited {secs}s for {what:?}; the screen shows:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Wait until `path` exists (a file the program writes in the
    /// background, such as the draft journal); false after `secs`.
    pub fn wait_for_file(&self, path: &std::path::Path, secs: u64) -> bool {
        let deadline = Instant::now() + Duration::from_secs(secs);
        while !path.exists() {
            if Instant::now() > deadline {
                return false;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        true
    }

    /// Waits until the file at `path` holds `text` (a journal written
    /// while the keys were still arriving holds only part of the typing
    /// until its next write, so waiting for the file alone races).
    pub fn wait_for_file_holding(&self, path: &std::path::Path, text: &str, secs: u64) -> bool {
        let deadline = Instant::now() + Duration::from_secs(secs);
        while !std::fs::read_to_string(path).is_ok_and(|t| t.contains(text)) {
            if Instant::now() > deadline {
                return false;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        true
    }

    /// The terminal modes as the program left them: (alternate screen,
    /// cursor hidden, bracketed paste, mouse reporting).
    pub fn modes(&self) -> (bool, bool, bool, bool) {
        let p = self.screen.lock().unwrap();
        let s = p.screen();
        (
            s.alternate_screen(),
            s.hide_cursor(),
            s.bracketed_paste(),
            s.mouse_protocol_mode() != vt100::MouseProtocolMode::None,
        )
    }

    /// Bytes written to the terminal so far.
    pub fn bytes_written(&self) -> usize {
        self.written.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// CPU time the program used so far, in clock ticks (user + system).
    pub fn cpu_ticks(&self) -> u64 {
        let pid = self.pid().expect("pid");
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("read /proc stat");
        // Fields after the command name (which is in parentheses).
        let rest = &stat[stat.rfind(')').expect("stat format") + 2..];
        let fields: Vec<&str> = rest.split_whitespace().collect();
        fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// Wait for the program to end; its exit status as a number. The screen
    /// then holds everything the program wrote, its last bytes (restoring
    /// the terminal) included: the reader has reached the end of the output.
    pub fn wait_exit(&mut self, secs: u64) -> u32 {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            if let Some(status) = self.child.try_wait().expect("poll child") {
                while !self.drained.load(std::sync::atomic::Ordering::SeqCst) && Instant::now() < deadline {
                    std::thread::sleep(Duration::from_millis(5));
                }
                return status.exit_code();
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("kompas did not exit within {secs}s; the screen shows:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Kompas {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
