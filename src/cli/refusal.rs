//! A command line that clap refuses (an unknown option, a missing value, a
//! bad date), said in the UI language: `--lang` as written among the
//! arguments, else the config file and the locale, like everything else.
//! Help and version go to standard output as clap writes them.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::{Lang, Msg};

crate::messages! { pub struct W {
    UnknownArg => "onbekende optie of argument: {arg}", "unknown option or argument: {arg}";
    UnknownCommand => "onbekend commando: {arg}", "unknown command: {arg}";
    DidYouMean => "bedoelt u {it}?", "did you mean {it}?";
    BadValue => "ongeldige waarde {value} voor {arg}", "invalid value {value} for {arg}";
    Possible => "mogelijk: {values}", "possible values: {values}";
    Missing => "ontbreekt: {args}", "missing: {args}";
    NoCommand => "er ontbreekt een commando", "a command is missing";
    NeedsValue => "{arg} heeft een waarde nodig", "{arg} needs a value";
    NoEquals => "{arg} wil zijn waarde na een =, zoals {arg}=WAARDE", "{arg} wants its value after =, as in {arg}=VALUE";
    WrongCount => "verkeerd aantal waarden voor {arg}", "wrong number of values for {arg}";
    Conflict => "{arg} gaat niet samen met {prior}", "{arg} cannot be used with {prior}";
    NotUtf8 => "een argument is geen geldige tekst (UTF-8)", "an argument is not valid text (UTF-8)";
    Other => "de opdrachtregel klopt niet", "the command line is not right";
    MoreHelp => "Meer: kompas --help", "More: kompas --help";
    BadFormat => "onbekend formaat {value}: kies md, html of csv", "unknown format {value}: use md, html or csv";
    BadDate => "geen datum: {value} (bv. 2026-10-31, 31-10, 31 okt, vrijdag, +2w)", "not a date: {value} (e.g. 2026-10-31, 31-10, 31 Oct, friday, +2w)";
} }

/// A value the command line's own readers refuse; clap carries it to
/// [`refuse`], which says it in the UI language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArgError {
    Format(String),
    Date(String),
}

impl ArgError {
    pub fn say(&self, lang: Lang) -> String {
        match self {
            ArgError::Format(v) => W::BadFormat.get(lang).replace("{value}", &quoted(v)),
            ArgError::Date(v) => W::BadDate.get(lang).replace("{value}", &quoted(v)),
        }
    }
}

impl std::fmt::Display for ArgError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

impl std::error::Error for ArgError {}

fn quoted(s: &str) -> String {
    format!("'{}'", crate::text::safe_line(s))
}

/// The language `--lang` names among `args` (`--lang nl`, `--lang=en`),
/// if it names one.
pub fn lang_of_args(args: &[OsString]) -> Option<Lang> {
    let args: Vec<String> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    args.iter().enumerate().find_map(|(i, a)| match a.strip_prefix("--lang") {
        Some("") => args.get(i + 1).and_then(|v| Lang::parse(v)),
        Some(v) => v.strip_prefix('=').and_then(Lang::parse),
        None => None,
    })
}

/// A refused command line (clap's error that goes to standard error; help
/// and version are no refusal), said in `lang`, with a pointer to `--help`.
pub fn refuse(e: &clap::Error, lang: Lang) -> String {
    let t = |m: Msg| m.get(lang).to_string();
    let get = |k: ContextKind| e.get(k).map(value).unwrap_or_default();
    let arg = || get(ContextKind::InvalidArg);
    let mut text = match e.kind() {
        ErrorKind::UnknownArgument => t(W::UnknownArg).replace("{arg}", &arg()),
        ErrorKind::InvalidSubcommand => {
            t(W::UnknownCommand).replace("{arg}", &get(ContextKind::InvalidSubcommand))
        }
        ErrorKind::InvalidValue if get(ContextKind::InvalidValue) == "''" => {
            t(W::NeedsValue).replace("{arg}", &arg())
        }
        ErrorKind::InvalidValue => {
            let mut s =
                t(W::BadValue).replace("{value}", &get(ContextKind::InvalidValue)).replace("{arg}", &arg());
            let valid = get(ContextKind::ValidValue);
            if !valid.is_empty() {
                s.push_str(&format!("; {}", t(W::Possible).replace("{values}", &valid)));
            }
            s
        }
        ErrorKind::ValueValidation => {
            let source = std::error::Error::source(e).and_then(|s| s.downcast_ref::<ArgError>());
            match source {
                Some(why) => why.say(lang),
                None => t(W::BadValue)
                    .replace("{value}", &get(ContextKind::InvalidValue))
                    .replace("{arg}", &arg()),
            }
        }
        ErrorKind::MissingRequiredArgument => t(W::Missing).replace("{args}", &arg()),
        ErrorKind::MissingSubcommand => t(W::NoCommand),
        ErrorKind::NoEquals => t(W::NoEquals).replace("{arg}", &arg()),
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            t(W::WrongCount).replace("{arg}", &arg())
        }
        ErrorKind::ArgumentConflict => {
            t(W::Conflict).replace("{arg}", &arg()).replace("{prior}", &get(ContextKind::PriorArg))
        }
        ErrorKind::InvalidUtf8 => t(W::NotUtf8),
        _ => t(W::Other),
    };
    let suggested =
        [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand, ContextKind::SuggestedValue]
            .into_iter()
            .map(get)
            .find(|s| !s.is_empty());
    if let Some(it) = suggested {
        text.push_str(&format!("; {}", t(W::DidYouMean).replace("{it}", &it)));
    }
    format!("kompas: {text}\n{}\n", t(W::MoreHelp))
}

/// A piece of clap's context as plain text, each value quoted.
fn value(v: &ContextValue) -> String {
    match v {
        ContextValue::String(s) => quoted(s),
        ContextValue::Strings(list) => list.iter().map(|s| quoted(s)).collect::<Vec<_>>().join(", "),
        ContextValue::StyledStr(s) => quoted(&s.to_string()),
        ContextValue::StyledStrs(list) => {
            list.iter().map(|s| quoted(&s.to_string())).collect::<Vec<_>>().join(", ")
        }
        ContextValue::Number(n) => n.to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;
    use crate::cli::Cli;

    fn refused(args: &[&str], lang: Lang) -> String {
        let e = Cli::try_parse_from(std::iter::once("kompas").chain(args.iter().copied())).unwrap_err();
        assert!(e.use_stderr(), "{e}");
        refuse(&e, lang)
    }

    #[test]
    fn the_language_is_read_from_the_arguments_as_written() {
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(lang_of_args(&args(&["kompas", "--lang", "en", "--bogus"])), Some(Lang::En));
        assert_eq!(lang_of_args(&args(&["kompas", "--lang=nl"])), Some(Lang::Nl));
        assert_eq!(lang_of_args(&args(&["kompas", "--lang"])), None);
        assert_eq!(lang_of_args(&args(&["kompas", "--lang", "de"])), None);
        assert_eq!(lang_of_args(&args(&["kompas", "x.json"])), None);
    }

    #[test]
    fn refusals_in_dutch_and_english() {
        let nl = refused(&["--bogus"], Lang::Nl);
        assert!(nl.starts_with("kompas: onbekende optie of argument: '--bogus'"), "{nl}");
        assert!(nl.ends_with("Meer: kompas --help\n"), "{nl}");
        let en = refused(&["--bogus"], Lang::En);
        assert!(en.starts_with("kompas: unknown option or argument: '--bogus'"), "{en}");
        assert!(refused(&["export", "x.json"], Lang::Nl).contains("ontbreekt: '--format <FORMAT>'"));
        let bad = refused(&["export", "x.json", "--format", "pdf"], Lang::Nl);
        assert!(bad.contains("onbekend formaat 'pdf': kies md, html of csv"), "{bad}");
        let date = refused(&["new", "Titel", "--date", "ooit"], Lang::Nl);
        assert!(date.contains("geen datum: 'ooit'"), "{date}");
        let lang = refused(&["--lang", "de"], Lang::Nl);
        assert!(lang.contains("ongeldige waarde 'de' voor '--lang <LANG>'; mogelijk: 'nl', 'en'"), "{lang}");
        let near = refused(&["export", "x.json", "--formaat", "md"], Lang::Nl);
        assert!(near.contains("bedoelt u '--format'?"), "{near}");
        assert!(refused(&["export", "x.json", "--force", "--format", "md"], Lang::Nl).contains("ontbreekt"));
        assert!(refused(&["--lang"], Lang::Nl).contains("'--lang <LANG>' heeft een waarde nodig"));
    }
}
