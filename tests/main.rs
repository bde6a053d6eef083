//! The integration tests, one test binary: each tests/NAME.rs is a module
//! here (one `mod NAME;` line each), so the library and its dependencies are
//! linked once instead of once per file. Run one file's tests with
//! `cargo test --test main NAME::`. The screen-snapshot files,
//! theme_styles (it switches the process-wide theme) and e2e_agenda (it
//! measures a kompas's CPU, with no other test running beside it) are test
//! binaries of their own, listed in Cargo.toml.

// Files keep the `#[path]` modules they had as test binaries of their own
// (the demo sessions from examples/, support/browser.rs, support/room.rs,
// support/hostile.rs), so a few are compiled more than once here.
#![allow(clippy::duplicate_mod)]

mod common;
mod support;

mod agenda;
mod app_update;
mod chain;
mod cli_errors;
mod cli_export;
mod conflict_copies;
mod conventions;
mod demo_session;
mod e2e;
mod e2e_coach;
mod e2e_relationship;
mod export_targets;
mod game;
mod grondvorm_e2e;
mod grondvorm_file;
mod grondvorm_pane;
mod journal;
mod kill;
mod outside_changes;
mod permissions;
mod prompts;
mod read_only;
mod readme;
mod recovery;
mod room_browser;
mod room_e2e;
mod room_http;
mod room_instruments;
mod room_keys;
mod room_view;
mod schema;
mod second_names;
mod shared_folder;
mod storage_bad_files;
mod storage_faults;
mod storage_proptest;
mod storage_roundtrip;
mod sync_simulation;

/// A new tests/NAME.rs must be listed: as `mod NAME;` above, or as a test
/// binary of its own in Cargo.toml (`autotests = false`, so cargo would
/// otherwise skip it without a word).
#[test]
fn every_test_file_is_listed() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let main = std::fs::read_to_string(root.join("tests/main.rs")).unwrap();
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(root.join("tests")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let as_module = main.lines().any(|l| l.trim() == format!("mod {name};"));
        let as_binary = manifest.contains(&format!("path = \"tests/{name}.rs\""));
        if !as_module && !as_binary {
            missing.push(name);
        }
    }
    assert!(
        missing.is_empty(),
        "tests/{{{}}}.rs: add `mod NAME;` to tests/main.rs (or a [[test]] in Cargo.toml)",
        missing.join(",")
    );
}
