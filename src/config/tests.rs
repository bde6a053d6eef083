use std::path::{Path, PathBuf};

use super::*;

fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
    move |k| vars.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
}

#[test]
fn a_full_file_sets_everything() {
    let text =
        "language = \"en\"\nfacilitator = \" Annemieke \"\nsessions = \"Kompas\"\ntheme = \"projector\"\n";
    let (c, problems) = parse(text, Path::new("/cfg"));
    assert_eq!(problems, vec![]);
    assert_eq!(c.lang, Some(Lang::En));
    assert_eq!(c.facilitator.as_deref(), Some("Annemieke"));
    assert_eq!(c.sessions, Some(PathBuf::from("/cfg/Kompas")));
    assert_eq!(c.theme, Some(Theme::Projector));
}

#[test]
fn an_empty_file_sets_nothing() {
    assert_eq!(parse("", Path::new("/cfg")), (Config::default(), vec![]));
    assert_eq!(parse("# just a comment\n\n", Path::new("/cfg")), (Config::default(), vec![]));
}

#[test]
fn not_toml_is_located_and_sets_nothing() {
    let text = "language = \"en\"\ntheme = projector\n";
    let (c, problems) = parse(text, Path::new("/cfg"));
    assert_eq!(c, Config::default(), "a file that is not TOML sets nothing");
    assert_eq!(problems.len(), 1);
    assert_eq!((problems[0].line, problems[0].column), (2, 9));
    assert!(matches!(problems[0].kind, ProblemKind::Syntax(_)));
    let nl = problems[0].line("/cfg/config.toml", Lang::Nl);
    assert!(nl.starts_with("/cfg/config.toml:2:9: geen geldige TOML ("), "{nl}");
    assert!(nl.ends_with("; kompas start met de standaardinstellingen"), "{nl}");
    let en = problems[0].line("/cfg/config.toml", Lang::En);
    assert!(en.ends_with("; kompas starts with the default settings"), "{en}");
}

#[test]
fn a_windows_path_in_double_quotes_is_reported_where_it_breaks() {
    // `\U` starts a unicode escape in a TOML basic string: the README says
    // to use single quotes; the message points at the place.
    let text = "sessions = \"C:\\Users\\anna\\Kompas\"\n";
    let (c, problems) = parse(text, Path::new("/cfg"));
    assert_eq!(c.sessions, None);
    assert_eq!(problems[0].line, 1);
    assert!(problems[0].column > 12, "{problems:?}");
    let (c, problems) = parse("sessions = 'C:\\Users\\anna\\Kompas'\n", Path::new("/cfg"));
    assert_eq!(problems, vec![]);
    assert!(c.sessions.unwrap().to_string_lossy().contains("anna"));
}

#[test]
fn a_bad_value_spoils_only_its_own_setting() {
    let text = "language = \"de\"\ntheme = \"neon\"\nfacilitator = 7\nsessions = \"\"\ncolour = \"red\"\n";
    let (c, problems) = parse(text, Path::new("/cfg"));
    assert_eq!(c, Config::default());
    let places: Vec<(usize, usize)> = problems.iter().map(|p| (p.line, p.column)).collect();
    assert_eq!(places, vec![(5, 1), (3, 15), (1, 12), (4, 12), (2, 9)], "{problems:?}");
    let lines: Vec<String> = problems.iter().map(|p| p.line("c.toml", Lang::En)).collect();
    assert_eq!(
        lines,
        vec![
            "c.toml:5:1: unknown setting “colour” (known are: language, facilitator, sessions, theme)",
            "c.toml:3:15: facilitator must be text in quotes; kompas uses the default for it",
            "c.toml:1:12: language: unknown value “de” (choose from nl, en); kompas uses the default for it",
            "c.toml:4:12: sessions must not be empty; kompas uses the default for it",
            "c.toml:2:9: theme: unknown value “neon” (choose from default, projector); kompas uses the default for it",
        ]
    );
    let (c, problems) = parse("language = \"en\"\ntheme = \"neon\"\n", Path::new("/cfg"));
    assert_eq!(c.lang, Some(Lang::En), "the good setting beside a bad one still counts");
    assert_eq!(problems.len(), 1);
}

#[test]
fn columns_count_characters_not_bytes() {
    let (_, problems) = parse("facilitator = \"Eén\"\ntheme = \"één\"\n", Path::new("/cfg"));
    assert_eq!((problems[0].line, problems[0].column), (2, 9));
    let (_, problems) = parse("# één\nfacilitator = \"één\" oops\n", Path::new("/cfg"));
    assert_eq!((problems[0].line, problems[0].column), (2, 21), "{problems:?}");
}

#[test]
fn a_missing_file_is_no_problem_and_an_unreadable_one_is() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = read(Some(tmp.path().join("config.toml")));
    assert!(!missing.exists);
    assert!(missing.problems.is_empty());
    // A folder where the file should be cannot be read.
    let folder = read(Some(tmp.path().to_path_buf()));
    assert_eq!(folder.config, Config::default());
    assert!(matches!(folder.problems[..], [Problem { kind: ProblemKind::Unreadable(_), .. }]));
    let line = &folder.problem_lines(Lang::Nl)[0];
    assert!(line.contains("kan het configuratiebestand niet lezen"), "{line}");
    assert_eq!(read(None).path, None);
}

#[test]
fn the_config_path_follows_kompas_config() {
    assert_eq!(config_path(env(&[("KOMPAS_CONFIG", "/x/k.toml")])), Some(PathBuf::from("/x/k.toml")));
    let default = config_path(env(&[("KOMPAS_CONFIG", "")]));
    if let Some(p) = default {
        assert!(p.ends_with("config.toml") && p.to_string_lossy().contains("kompas"), "{p:?}");
    }
}

fn file_with(text: &str) -> ConfigFile {
    let (config, problems) = parse(text, Path::new("/cfg"));
    ConfigFile { path: Some(PathBuf::from("/cfg/config.toml")), exists: true, config, problems }
}

#[test]
fn flags_win_then_the_file_then_the_environment() {
    let file =
        file_with("language = \"en\"\ntheme = \"projector\"\nsessions = \"/s\"\nfacilitator = \"Anna\"\n");
    let lang_nl = env(&[("LANG", "nl_NL.UTF-8")]);
    let s = Settings::resolve(Flags::default(), file.clone(), &lang_nl, true, Some("/docs/Kompas".into()));
    assert_eq!(s.lang, (Lang::En, Source::File));
    assert_eq!(s.theme, (Theme::Projector, Source::File));
    assert_eq!(s.sessions_dir, (PathBuf::from("/s"), Source::File));
    assert_eq!(s.facilitator, ("Anna".to_string(), Source::File));
    let flags = Flags {
        lang: Some(Lang::Nl),
        sessions_dir: Some(Path::new("elders")),
        theme: Some(Theme::Default),
        facilitator: Some("Bram"),
    };
    let s = Settings::resolve(flags, file, &lang_nl, true, None);
    assert_eq!(s.lang, (Lang::Nl, Source::Flag));
    assert_eq!(s.theme, (Theme::Default, Source::Flag));
    assert_eq!(s.sessions_dir, (PathBuf::from("elders"), Source::Flag));
    assert_eq!(s.facilitator, ("Bram".to_string(), Source::Flag));
    let none = ConfigFile::default();
    let s = Settings::resolve(Flags::default(), none.clone(), env(&[("LANG", "en_GB.UTF-8")]), false, None);
    assert_eq!(s.lang, (Lang::En, Source::Env));
    let s = Settings::resolve(Flags::default(), none, env(&[("LANG", "C")]), false, None);
    assert_eq!(s.lang, (Lang::Nl, Source::Default));
    assert_eq!(s.theme, (Theme::Default, Source::Default));
    assert_eq!(s.facilitator, (String::new(), Source::Default));
}

#[test]
fn a_broken_file_falls_back_to_the_environment() {
    let s = Settings::resolve(
        Flags::default(),
        file_with("language = en\n"),
        env(&[("LANG", "en_US.UTF-8")]),
        false,
        None,
    );
    assert_eq!(s.lang, (Lang::En, Source::Env));
    assert_eq!(s.file.problems.len(), 1);
}

#[test]
fn sessions_here_before_the_platform_folder() {
    let docs = Some(PathBuf::from("/home/a/Documents/Kompas"));
    assert_eq!(sessions_folder(None, None, true, docs.clone()), (PathBuf::from("sessions"), Source::Here));
    assert_eq!(sessions_folder(None, None, false, docs.clone()), (docs.clone().unwrap(), Source::Platform));
    assert_eq!(sessions_folder(None, None, false, None), (PathBuf::from("sessions"), Source::Default));
    let file = Some(Path::new("/f"));
    assert_eq!(sessions_folder(None, file, true, docs.clone()), (PathBuf::from("/f"), Source::File));
    assert_eq!(sessions_folder(Some(Path::new("x")), file, true, docs), (PathBuf::from("x"), Source::Flag));
}

#[test]
fn the_platform_folder_is_a_kompas_folder() {
    if let Some(p) = platform_sessions_dir() {
        assert!(p.is_absolute(), "{p:?}");
        assert!(p.ends_with("Kompas") || p.ends_with("kompas/sessions"), "{p:?}");
    }
}

#[test]
fn home_and_relative_folders_in_the_file() {
    let base = Path::new("/cfg");
    assert_eq!(places::expand("/abs/k", base), PathBuf::from("/abs/k"));
    assert_eq!(places::expand("rel/k", base), PathBuf::from("/cfg/rel/k"));
    assert_eq!(places::expand("~user", base), PathBuf::from("/cfg/~user"), "only ~ alone means home");
    if let Some(home) = directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf()) {
        assert_eq!(places::expand("~/Kompas", base), home.join("Kompas"));
        assert_eq!(places::expand("~", base), home);
    }
}

#[test]
fn kompas_config_shows_place_values_sources_and_problems() {
    let s = Settings::resolve(
        Flags { theme: Some(Theme::Projector), ..Flags::default() },
        file_with("language = \"en\"\nfacilitator = \"Anna\"\nkleur = 1\n"),
        env(&[]),
        true,
        None,
    );
    let text = show(&s);
    assert_eq!(
        text,
        "Config file: /cfg/config.toml\n  (exists)\n\n\
         Setting      Value      Source\n\
         language     en         config file\n\
         facilitator  Anna       config file\n\
         sessions     sessions   sessions folder in the current folder\n\
         theme        projector  command-line flag\n\n\
         Problems:\n  /cfg/config.toml:3:1: unknown setting “kleur” (known are: language, facilitator, sessions, theme)\n"
    );
}

#[test]
fn kompas_config_offers_an_example_when_there_is_no_file() {
    let file = ConfigFile { path: Some(PathBuf::from("/cfg/config.toml")), ..Default::default() };
    let s = Settings::resolve(Flags::default(), file, env(&[]), false, Some("/d/Kompas".into()));
    let text = show(&s);
    assert!(text.contains("bestaat nog niet"), "{text}");
    assert!(text.contains("    theme = \"projector\""), "{text}");
    assert!(text.contains("(niet ingesteld)"), "{text}");
    assert!(text.contains("sessions     /d/Kompas         map van het systeem"), "{text}");
    // The example is itself a good config file.
    let (c, problems) = parse(show::EXAMPLE, Path::new("/cfg"));
    assert_eq!(problems, vec![]);
    assert_eq!(c.theme, Some(Theme::Projector));
}

#[test]
fn dumb_terminals_are_recognised() {
    assert!(dumb_terminal(env(&[("TERM", "dumb")])));
    assert!(!dumb_terminal(env(&[("TERM", "xterm-256color")])));
    assert!(!dumb_terminal(env(&[])), "Windows consoles set no TERM");
}
