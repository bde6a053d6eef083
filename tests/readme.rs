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
