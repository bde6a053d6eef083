//! The README tells the truth: its key tables are generated from the keymap,
//! and the commands it promises exist.

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

#[test]
fn the_key_tables_in_the_readme_match_the_keymap() {
    let readme = readme();
    let start = "<!-- keymap:start -->\n";
    let end = "<!-- keymap:end -->";
    let (Some(a), Some(b)) = (readme.find(start), readme.find(end)) else {
        panic!("README.md lacks the keymap markers");
    };
    let expected = kompas::keymap::markdown(kompas::i18n::Lang::En);
    let actual = &readme[a + start.len()..b];
    assert_eq!(
        actual.trim(),
        expected.trim(),
        "README key tables are out of date; paste this between the markers:\n{expected}"
    );
}

#[test]
fn the_readme_names_the_two_commands() {
    let readme = readme();
    assert!(readme.contains("cargo run --release\n"), "the run command");
    assert!(readme.contains("cargo test\n"), "the test command");
    let ci = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/.ci/run")).unwrap();
    assert!(ci.contains("cargo test"), ".ci/run runs the README's test command");
}

/// The three `jq` one-liners of the README run on the demo session and give
/// what they promise. Skipped (with a note) where jq is not installed.
#[test]
fn the_jq_examples_work() {
    if std::process::Command::new("jq").arg("--version").output().is_err() {
        eprintln!("jq is not installed; skipping");
        return;
    }
    let readme = readme();
    let commands: Vec<String> = readme
        .split("```sh\n")
        .filter_map(|block| block.split("```").next())
        .flat_map(|block| block.split("\n\n"))
        .filter(|c| c.contains("jq "))
        .map(|c| c.lines().filter(|l| !l.trim_start().starts_with('#')).collect::<Vec<_>>().join("\n"))
        .collect();
    assert_eq!(commands.len(), 3, "{commands:?}");
    let run = |cmd: &str| {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(cmd)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        assert!(out.status.success(), "{cmd}\n{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let open = run(&commands[0]);
    assert_eq!(open.lines().count(), 5, "{open}");
    assert!(
        open.contains(
            "Terugvaloptie: De Linde neemt binnen 48 uur contact op bij signaal\tZorggroep De Linde"
        )
    );
    // A table-owned agreement names the whole table as its owner.
    assert!(open.contains("Per complex één vaste contactpersoon zorg én wonen\tDe hele tafel"), "{open}");
    let interests: serde_json::Value = serde_json::from_str(&run(&commands[1])).unwrap();
    let holders: Vec<&str> =
        interests.as_array().unwrap().iter().map(|g| g["party"].as_str().unwrap()).collect();
    assert_eq!(holders, ["Gemeente Zuiderveld", "Woonstede", "Zorggroep De Linde"], "named, none as null");
    let forms = run(&commands[2]);
    assert_eq!(
        forms,
        "Gemeente Zuiderveld\tverbeteren\tdelen\nWoonstede\tvernieuwen\tdelen\n\
         Zorggroep De Linde\tverbeteren\tdelen\nchosen: functioneel\n"
    );
}
