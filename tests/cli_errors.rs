//! Issue 9 item 8: what the command line refuses, and what fails before the
//! screen opens, is said in the interface language: `--lang` as written,
//! else the config file, else the locale. The real binary's stderr.

use std::path::Path;
use std::process::{Command, Output};

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

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A refusal: exit code 2, nothing on stdout, the text on stderr.
fn refused(args: &[&str], env: &[(&str, &str)]) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let out = kompas(args, tmp.path(), env);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    assert!(out.stdout.is_empty());
    stderr(&out)
}

#[test]
fn a_refused_command_line_is_dutch_under_lang_nl() {
    let err = refused(&["--lang", "nl", "--bogus"], &[("LANG", "en_GB.UTF-8")]);
    assert_eq!(err, "kompas: onbekende optie of argument: '--bogus'\nMeer: kompas --help\n");
    let err = refused(&["--lang=nl", "export", "x.json"], &[]);
    assert!(err.contains("ontbreekt: '--format <FORMAT>'"), "{err}");
    let err = refused(&["--lang", "nl", "export", "x.json", "--format", "pdf"], &[]);
    assert!(err.contains("onbekend formaat 'pdf': kies md, html of csv"), "{err}");
    let err = refused(&["--lang", "nl", "new", "Overleg", "--date", "ooit"], &[]);
    assert!(err.contains("geen datum: 'ooit'"), "{err}");
    let err = refused(&["--lang", "nl", "--theme", "roze"], &[]);
    assert!(
        err.contains("ongeldige waarde 'roze' voor '--theme <THEME>'; mogelijk: 'default', 'projector'"),
        "{err}"
    );
}

#[test]
fn the_language_of_a_refusal_comes_from_the_config_file_and_the_locale_too() {
    // The locale: Dutch, then English.
    let err = refused(&["--bogus"], &[]);
    assert!(err.starts_with("kompas: onbekende optie"), "{err}");
    let err = refused(&["--bogus"], &[("LANG", "en_GB.UTF-8")]);
    assert_eq!(err, "kompas: unknown option or argument: '--bogus'\nMore: kompas --help\n");
    // The config file wins over the locale.
    let tmp = tempfile::tempdir().unwrap();
    let cfg = tmp.path().join("k.toml");
    std::fs::write(&cfg, "language = \"en\"\n").unwrap();
    let err = refused(&["export"], &[("KOMPAS_CONFIG", cfg.to_str().unwrap())]);
    assert!(err.starts_with("kompas: missing: '--format <FORMAT>', '<FILE>'"), "{err}");
    // A language flag that names no language: the refusal in the locale's.
    let err = refused(&["--lang", "de"], &[]);
    assert!(err.contains("ongeldige waarde 'de' voor '--lang <LANG>'; mogelijk: 'nl', 'en'"), "{err}");
}

#[test]
fn a_file_that_does_not_load_is_said_in_the_interface_language() {
    let tmp = tempfile::tempdir().unwrap();
    let out = kompas(&["--lang", "nl", "export", "weg.json", "--format", "md"], tmp.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "kompas: weg.json: bestand niet gevonden\n");
    let out = kompas(&["--lang", "en", "export", "weg.json", "--format", "md"], tmp.path(), &[]);
    assert_eq!(stderr(&out), "kompas: weg.json: file not found\n");
}

#[test]
fn help_and_version_still_go_to_standard_output() {
    let tmp = tempfile::tempdir().unwrap();
    let out = kompas(&["--lang", "nl", "--version"], tmp.path(), &[]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("kompas "));
    let out = kompas(&["--help"], tmp.path(), &[]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("--lang"));
}
