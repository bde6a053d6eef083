//! The command line's conventions (issue 14), with the real binary:
//! `--version` with the commit, completions, the manual page, `kompas
//! config`, a broken config file, `TERM=dumb`, and where sessions live.

use crate::support;

use std::path::Path;
use std::process::{Command, Output};

use support::pty::{ESC, Kompas};

fn kompas(args: &[&str], cwd: &Path, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kompas"));
    cmd.args(args).current_dir(cwd).env("LANG", "nl_NL.UTF-8").env_remove("LC_ALL").env_remove("LC_MESSAGES");
    // Never the developer's own config file or home folder.
    cmd.env("KOMPAS_CONFIG", cwd.join("no-config.toml"));
    cmd.env("HOME", cwd.join("home")).env_remove("XDG_CONFIG_HOME").env_remove("XDG_DATA_HOME");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn version_names_the_commit_and_the_target() {
    let tmp = tempfile::tempdir().unwrap();
    let out = kompas(&["--version"], tmp.path(), &[]);
    assert!(out.status.success());
    let text = stdout(&out);
    let expected_start = format!("kompas {} (", env!("CARGO_PKG_VERSION"));
    assert!(text.starts_with(&expected_start), "{text}");
    let inside = text.trim_end().strip_prefix(&expected_start).unwrap().strip_suffix(')').unwrap();
    let (hash, target) = inside.split_once(", ").unwrap();
    assert!(
        hash == "unknown" || (hash.len() == 10 && hash.chars().all(|c| c.is_ascii_hexdigit())),
        "{hash:?}"
    );
    assert!(target.starts_with("x86_64-") || target.contains('-'), "{target:?}");
    // In a git checkout the hash is the checkout's.
    let head = Command::new("git").args(["rev-parse", "--short=10", "HEAD"]).output();
    if let Some(head) = head.ok().filter(|h| h.status.success()) {
        assert_eq!(hash, String::from_utf8_lossy(&head.stdout).trim());
    }
}

#[test]
fn completions_for_four_shells_name_every_command() {
    let tmp = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = kompas(&["completions", shell], tmp.path(), &[]);
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        for word in ["export", "review", "new", "config", "completions", "sessions-dir", "theme", "projector"]
        {
            assert!(script.contains(word), "{shell} completion lacks {word}");
        }
    }
    let out = kompas(&["completions", "tcsh"], tmp.path(), &[]);
    assert!(!out.status.success());
    // The bash script is valid bash.
    let script = stdout(&kompas(&["completions", "bash"], tmp.path(), &[]));
    if let Ok(check) = Command::new("bash").args(["-n", "-c", &script]).output() {
        assert!(check.status.success(), "bash -n: {}", String::from_utf8_lossy(&check.stderr));
    }
}

#[test]
fn the_manual_page_covers_commands_files_and_environment() {
    let tmp = tempfile::tempdir().unwrap();
    let out = kompas(&["man"], tmp.path(), &[]);
    assert!(out.status.success());
    let page = stdout(&out);
    assert!(page.starts_with(".ie") || page.starts_with(".TH"), "{}", &page[..80]);
    assert!(page.contains(".TH kompas 1"));
    for part in [
        ".SH COMMANDS",
        ".SS \"kompas export\"",
        ".SS \"kompas config\"",
        ".SS \"kompas completions\"",
        ".SH FILES",
        "config.toml",
        ".SH ENVIRONMENT",
        "NO_COLOR",
        "TERM=dumb",
        "KOMPAS_CONFIG",
        env!("CARGO_PKG_VERSION"),
    ] {
        assert!(page.contains(part), "the manual page lacks {part:?}");
    }
    assert!(!page.contains("kompas-export(1)"), "no references to pages that do not exist");
    // Rendered by man(1) where it is installed: no roff warnings.
    let file = tmp.path().join("kompas.1");
    std::fs::write(&file, &page).unwrap();
    match Command::new("man")
        .args(["--warnings", "-E", "UTF-8", "-l"])
        .arg(&file)
        .env("MANWIDTH", "80")
        .output()
    {
        Ok(r) if r.status.success() => {
            let text = String::from_utf8_lossy(&r.stdout);
            assert!(text.contains("kompas export"), "{text}");
            assert_eq!(String::from_utf8_lossy(&r.stderr).trim(), "", "man warnings");
        }
        _ => eprintln!("man(1) not available: the page is checked as text only"),
    }
}

#[test]
fn kompas_config_shows_the_file_and_its_problems() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = tmp.path().join("k.toml");
    let cfg_s = cfg.to_str().unwrap();
    let out = kompas(&["config"], tmp.path(), &[("KOMPAS_CONFIG", cfg_s)]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains(&format!("Configuratiebestand: {cfg_s}")), "{text}");
    assert!(text.contains("bestaat nog niet"), "{text}");
    std::fs::write(&cfg, "language = \"en\"\nfacilitator = \"Anna\"\ntheme = \"neon\"\n").unwrap();
    let out = kompas(&["config"], tmp.path(), &[("KOMPAS_CONFIG", cfg_s)]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("language     en"), "the file's language is the UI language: {text}");
    assert!(text.contains("facilitator  Anna"), "{text}");
    assert!(text.contains(&format!("{cfg_s}:3:9: theme: unknown value “neon”")), "{text}");
    // A flag wins over the file.
    let out =
        kompas(&["--lang", "nl", "--theme", "projector", "config"], tmp.path(), &[("KOMPAS_CONFIG", cfg_s)]);
    let text = stdout(&out);
    assert!(text.contains("language     nl"), "{text}");
    assert!(text.contains("projector"), "{text}");
}

#[test]
fn a_broken_config_file_does_not_stop_an_export() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = tmp.path().join("k.toml");
    std::fs::write(&cfg, "language = \"en\"\ntheme = [\n").unwrap();
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let session = std::fs::read_dir(&demo)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "json"))
        .unwrap();
    let out = kompas(
        &["export", session.to_str().unwrap(), "--format", "md"],
        tmp.path(),
        &[("KOMPAS_CONFIG", cfg.to_str().unwrap())],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stdout(&out).is_empty());
    let err = stderr(&out);
    assert!(err.contains(&format!("{}:2:", cfg.display())), "located: {err}");
    assert!(err.contains("geen geldige TOML"), "in the interface language (Dutch from LANG): {err}");
    assert!(err.contains("standaardinstellingen"), "{err}");
}

#[test]
fn a_dumb_terminal_gets_a_clear_message_and_nothing_is_made() {
    let tmp = tempfile::tempdir().unwrap();
    for (lang, words) in
        [("nl", "deze terminal kan dat niet (TERM=dumb)"), ("en", "this terminal cannot (TERM=dumb)")]
    {
        for args in [vec!["--lang", lang], vec!["--lang", lang, "new", "Zuiderveld"]] {
            let out = kompas(&args, tmp.path(), &[("TERM", "dumb")]);
            assert_eq!(out.status.code(), Some(1));
            assert!(stderr(&out).contains(words), "{}", stderr(&out));
            assert!(stderr(&out).contains("kompas export"), "it says what does work");
        }
    }
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0, "no folder or file was made");
    // Export needs no screen.
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1");
    let session = std::fs::read_dir(&demo).unwrap().next().unwrap().unwrap().path();
    let out =
        kompas(&["export", session.to_str().unwrap(), "--format", "csv"], tmp.path(), &[("TERM", "dumb")]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn the_sessions_folder_rule() {
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    // No ./sessions and no XDG user folders: the data folder.
    let out = kompas(&["config"], tmp.path(), &[]);
    let text = stdout(&out);
    let data = home.join(".local/share/kompas/sessions");
    assert!(text.contains(&format!("sessions     {}", data.display())), "{text}");
    assert!(text.contains("map van het systeem"), "{text}");
    // With XDG user folders: Documents/Kompas.
    std::fs::create_dir_all(home.join(".config")).unwrap();
    std::fs::write(home.join(".config/user-dirs.dirs"), "XDG_DOCUMENTS_DIR=\"$HOME/Documenten\"\n").unwrap();
    let text = stdout(&kompas(&["config"], tmp.path(), &[]));
    assert!(text.contains(&format!("sessions     {}", home.join("Documenten/Kompas").display())), "{text}");
    // A sessions folder here wins over the platform's.
    std::fs::create_dir(tmp.path().join("sessions")).unwrap();
    let text = stdout(&kompas(&["config"], tmp.path(), &[]));
    assert!(text.contains("sessions     sessions "), "{text}");
    assert!(text.contains("map sessions in de huidige map"), "{text}");
    // The config file's folder wins over that, relative to the file.
    let cfg = tmp.path().join("cfg/k.toml");
    std::fs::create_dir_all(cfg.parent().unwrap()).unwrap();
    std::fs::write(&cfg, "sessions = \"vergaderingen\"\n").unwrap();
    let text = stdout(&kompas(&["config"], tmp.path(), &[("KOMPAS_CONFIG", cfg.to_str().unwrap())]));
    assert!(text.contains(&tmp.path().join("cfg/vergaderingen").display().to_string()), "{text}");
    // And the flag over everything.
    let text = stdout(&kompas(
        &["--sessions-dir", "elders", "config"],
        tmp.path(),
        &[("KOMPAS_CONFIG", cfg.to_str().unwrap())],
    ));
    assert!(text.contains("sessions     elders "), "{text}");
}

/// kompas in a pseudo-terminal in `dir` (which has the demo sessions), with
/// the config file `dir/k.toml` and no home folder of the developer's.
fn in_terminal(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Kompas {
    let cfg = dir.join("k.toml");
    let home = dir.join("home");
    let mut all = vec![("KOMPAS_CONFIG", cfg.to_str().unwrap()), ("HOME", home.to_str().unwrap())];
    all.extend_from_slice(env);
    Kompas::start_with_env(args, dir, 80, 24, &all)
}

fn with_demo_sessions() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    std::fs::create_dir(tmp.path().join("sessions")).unwrap();
    for e in std::fs::read_dir(demo).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "json") {
            std::fs::copy(&p, tmp.path().join("sessions").join(p.file_name().unwrap())).unwrap();
        }
    }
    tmp
}

#[test]
fn a_broken_config_is_shown_on_screen_and_kompas_starts_with_defaults() {
    let tmp = with_demo_sessions();
    // Line 2 is wrong; the good settings around it still count.
    std::fs::write(
        tmp.path().join("k.toml"),
        "language = \"en\"\ntheme = \"neon\"\nfacilitator = \"Annemieke\"\n",
    )
    .unwrap();
    let mut k = in_terminal(tmp.path(), &[], &[]);
    let screen = k.wait_for("k.toml:2:9: theme: unknown value", 10);
    assert!(screen.contains("Sessions · sessions"), "English from the file, ./sessions here: {screen}");
    k.send("n");
    k.wait_for("Annemieke", 5);
    k.send(ESC);
    k.send("q");
    k.wait_exit(10);
    // Not TOML at all: every setting falls back (Dutch from LANG).
    std::fs::write(tmp.path().join("k.toml"), "language = \"en\"\ntheme = [\n").unwrap();
    let mut k = in_terminal(tmp.path(), &[], &[]);
    let screen = k.wait_for("k.toml:", 10);
    assert!(screen.contains("geen geldige TOML"), "{screen}");
    assert!(screen.contains("Sessies · sessions"), "{screen}");
    k.send("q");
    k.wait_exit(10);
}

#[test]
fn colours_follow_the_theme_and_no_color() {
    let tmp = with_demo_sessions();
    let grey = |c: &vt100::Color| matches!(c, vt100::Color::Idx(7 | 8) | vt100::Color::Idx(232..=255));
    let mut k = in_terminal(tmp.path(), &[], &[]);
    k.wait_for("Weer thuis", 10);
    k.send("\r");
    k.wait_for("Belangen", 10);
    let colours = k.colours();
    assert!(!colours.is_empty(), "the default theme has colours");
    k.send("q");
    k.wait_exit(10);
    for args in [vec!["--theme", "projector"], vec![]] {
        if args.is_empty() {
            std::fs::write(tmp.path().join("k.toml"), "theme = \"projector\"\n").unwrap();
        }
        let mut k = in_terminal(tmp.path(), &args, &[]);
        k.wait_for("Weer thuis", 10);
        k.send("\r");
        k.wait_for("Belangen", 10);
        let colours = k.colours();
        assert!(!colours.iter().any(grey), "projector ({args:?}): grey on screen: {colours:?}");
        k.send("q");
        k.wait_exit(10);
    }
    // NO_COLOR: no colour at all; bold and reverse still carry the meaning.
    let mut k = in_terminal(tmp.path(), &[], &[("NO_COLOR", "1")]);
    k.wait_for("Weer thuis", 10);
    k.send("\r");
    k.wait_for("Belangen", 10);
    assert_eq!(k.colours(), vec![], "NO_COLOR");
    k.send("q");
    k.wait_exit(10);
}
