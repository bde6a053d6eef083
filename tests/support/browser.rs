//! A real browser for the room display's tests: Debian's `chromium`,
//! headless, driven over the DevTools protocol on a pipe (file descriptors
//! 3 and 4, `--remote-debugging-pipe`), so no port and no extra client
//! library is needed. `.ci/run` installs the package when it is missing;
//! without it the tests say so and skip.

#![allow(dead_code)]

use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::os::fd::OwnedFd;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The flags every launch uses: headless, nothing fetched from outside,
/// nothing kept between runs (a fresh profile folder each time).
pub const FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--mute-audio",
];

pub struct Browser {
    child: Child,
    to: File,
    from: BufReader<File>,
    next: u64,
    session: String,
    _profile: tempfile::TempDir,
}

/// The browser binary, if there is one.
pub fn find() -> Option<String> {
    let candidates = std::env::var("KOMPAS_CHROMIUM")
        .into_iter()
        .chain(["chromium", "chromium-browser", "google-chrome"].iter().map(|s| s.to_string()));
    candidates.into_iter().find(|c| {
        Command::new(c)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    })
}

impl Browser {
    /// Start the browser with one empty tab of `width` x `height`; `None`
    /// (after saying why) when no browser can be had.
    pub fn launch(width: u32, height: u32) -> Option<Browser> {
        let Some(bin) = find() else {
            eprintln!(
                "SKIPPED: no chromium found (install Debian's `chromium` package; .ci/run does); \
                 the room display's browser test did not run"
            );
            return None;
        };
        let profile = tempfile::tempdir().unwrap();
        let (cmd_read, cmd_write) = std::io::pipe().unwrap();
        let (out_read, out_write) = std::io::pipe().unwrap();
        // The protocol runs on descriptors 3 (commands in) and 4 (replies
        // out). A shell puts the two pipes there (they arrive as its stdin
        // and stdout) and then runs the browser.
        let mut cmd = Command::new("sh");
        cmd.arg("-c")
            .arg(r#"exec "$0" "$@" 3<&0 4>&1 0</dev/null 1>/dev/null"#)
            .arg(bin)
            .args(FLAGS)
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg(format!("--window-size={width},{height}"))
            .arg("--remote-debugging-pipe")
            .arg("about:blank")
            .stdin(Stdio::from(cmd_read))
            .stdout(Stdio::from(out_write))
            .stderr(Stdio::null());
        let child = cmd.spawn().ok()?;
        // The parent's copies of the child's ends are gone with `cmd`.
        drop(cmd);
        let mut b = Browser {
            child,
            to: File::from(OwnedFd::from(cmd_write)),
            from: BufReader::new(File::from(OwnedFd::from(out_read))),
            next: 0,
            session: String::new(),
            _profile: profile,
        };
        let target = b.call_browser("Target.createTarget", json!({"url": "about:blank"}))?;
        let id = target["targetId"].as_str()?.to_string();
        let attached = b.call_browser("Target.attachToTarget", json!({"targetId": id, "flatten": true}))?;
        b.session = attached["sessionId"].as_str()?.to_string();
        b.resize(width, height);
        Some(b)
    }

    fn send(&mut self, method: &str, params: Value, session: Option<&str>) -> Option<Value> {
        self.next += 1;
        let id = self.next;
        let mut msg = json!({"id": id, "method": method, "params": params});
        if let Some(s) = session {
            msg["sessionId"] = json!(s);
        }
        let mut bytes = serde_json::to_vec(&msg).unwrap();
        bytes.push(0);
        self.to.write_all(&bytes).ok()?;
        loop {
            let mut buf = Vec::new();
            if self.from.read_until(0, &mut buf).ok()? == 0 {
                return None;
            }
            buf.pop();
            let v: Value = serde_json::from_slice(&buf).ok()?;
            if v["id"] == json!(id) {
                if let Some(e) = v.get("error") {
                    panic!("{method}: {e}");
                }
                return Some(v["result"].clone());
            }
        }
    }

    fn call_browser(&mut self, method: &str, params: Value) -> Option<Value> {
        self.send(method, params, None)
    }

    /// A DevTools command in the tab.
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        let session = self.session.clone();
        self.send(method, params, Some(&session)).unwrap_or_else(|| panic!("{method}: the browser went away"))
    }

    pub fn resize(&mut self, width: u32, height: u32) {
        self.call(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": false}),
        );
    }

    /// Go to `url` and wait until the page has loaded.
    pub fn open(&mut self, url: &str) {
        self.call("Page.navigate", json!({"url": url}));
        let ok = self.wait_for(
            "document.readyState === 'complete' && location.href !== 'about:blank'",
            Duration::from_secs(20),
        );
        assert!(ok, "the page did not load: {url}");
    }

    /// The value of a JavaScript expression in the page.
    pub fn eval(&mut self, expression: &str) -> Value {
        let r = self.call("Runtime.evaluate", json!({"expression": expression, "returnByValue": true}));
        if let Some(e) = r.get("exceptionDetails") {
            panic!("{expression}: {e}");
        }
        r["result"]["value"].clone()
    }

    /// Poll `expression` every 10 ms until it is true; false after `limit`.
    pub fn wait_for(&mut self, expression: &str, limit: Duration) -> bool {
        let end = Instant::now() + limit;
        while Instant::now() < end {
            if self.eval(expression) == json!(true) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        false
    }

    /// A PNG of the viewport.
    pub fn screenshot(&mut self) -> Vec<u8> {
        use base64::Engine;
        let r = self.call("Page.captureScreenshot", json!({"format": "png"}));
        base64::engine::general_purpose::STANDARD.decode(r["data"].as_str().unwrap()).unwrap()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.call_browser("Browser.close", json!({}));
        let end = Instant::now() + Duration::from_secs(5);
        while Instant::now() < end {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Width, height and the number of distinct colours of a PNG.
pub fn png_facts(bytes: &[u8]) -> (u32, u32, usize) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let px = info.color_type.samples();
    let mut colours = std::collections::HashSet::new();
    for p in buf[..info.buffer_size()].chunks(px) {
        colours.insert(p.to_vec());
        if colours.len() > 10_000 {
            break;
        }
    }
    (info.width, info.height, colours.len())
}
