//! `kompas export` on the shipped demo sessions: every format, to standard
//! output and to a file; bad input gets a clear message.

use std::process::Command;

const DEMO: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/sessions/2026-04-09-weer-thuis-in-de-wijk-zuiderveld.json");

fn kompas(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kompas")).args(args).env("LANG", "nl_NL.UTF-8").output().unwrap()
}

#[test]
fn markdown_to_standard_output_in_both_languages() {
    let out = kompas(&["export", DEMO, "--format", "md"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# Verslag: Weer thuis in de wijk — Zuiderveld"), "{md}");
    assert!(md.contains("## Belangenkaart"));
    let out = kompas(&["--lang", "en", "export", DEMO, "--format", "md"]);
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# Minutes: Weer thuis in de wijk — Zuiderveld"), "{md}");
}

#[test]
fn html_to_a_file_is_one_well_formed_page() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("verslag.html");
    let out = kompas(&["export", DEMO, "--format", "html", "--output", target.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty());
    let html = std::fs::read_to_string(&target).unwrap();
    let options = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
    roxmltree::Document::parse_with_options(&html, options).expect("well-formed");
    assert!(!html.contains("https://") && !html.contains("http://"), "no external assets");
}

#[test]
fn csv_reads_back_with_a_row_per_agreement() {
    let out = kompas(&["--lang", "en", "export", DEMO, "--format", "csv"]);
    assert!(out.status.success());
    let session = kompas::storage::load(std::path::Path::new(DEMO)).unwrap().session;
    let mut reader = csv::ReaderBuilder::new().from_reader(out.stdout.as_slice());
    assert_eq!(reader.records().count(), session.agreements.len());
}

#[test]
fn a_broken_file_or_format_is_refused_clearly() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("kapot.json");
    std::fs::write(&bad, "{\"format\": \"kompas-session\", \"version\": 1,").unwrap();
    let out = kompas(&["export", bad.to_str().unwrap(), "--format", "md"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("kapot.json"), "{err}");
    let out = kompas(&["export", DEMO, "--format", "docx"]);
    assert!(!out.status.success());
    // In the interface language (Dutch unless told otherwise): "kies md, html of csv".
    assert!(String::from_utf8_lossy(&out.stderr).contains("md, html of csv"));
}
