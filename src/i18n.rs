//! Every word the program shows, in Dutch and English. A missing translation is
//! a compile error: each message is one line with both texts.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    /// `nl` or `en` (also `nl_NL.UTF-8`, `en-GB` and the like).
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("nl") {
            Some(Lang::Nl)
        } else if s.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// From the POSIX locale variables (LC_ALL, LC_MESSAGES, LANG, first set
    /// one wins); Dutch when none names Dutch or English.
    pub fn from_env_vars(get: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(get)
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::parse(&v))
            .unwrap_or(Lang::Nl)
    }

    pub fn id(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }
}

/// A piece of interface text: its name and its Dutch and English words.
/// Made only by [`messages!`], which takes both texts on one line, so a
/// missing translation is a compile error.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Msg {
    id: &'static str,
    nl: &'static str,
    en: &'static str,
}

impl std::fmt::Debug for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Msg::{}", self.id)
    }
}

impl Msg {
    #[doc(hidden)]
    pub const fn new(id: &'static str, nl: &'static str, en: &'static str) -> Msg {
        assert!(!nl.is_empty() && !en.is_empty(), "a message needs a Dutch and an English text");
        Msg { id, nl, en }
    }

    pub fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => self.nl,
            Lang::En => self.en,
        }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        self.text(lang)
    }

    /// The message's name, as written in its table.
    pub fn id(self) -> &'static str {
        self.id
    }
}

/// A table of messages, one line each with both languages:
///
/// ```ignore
/// messages! { pub(crate) struct M {
///     KeyStatus => "status", "status";
/// } }
/// ```
///
/// makes `M::KeyStatus`, a [`Msg`], and `M::ALL`. The program's own table
/// is `Msg`, spread by area over `i18n/{panes,keys,library,meeting}.rs`
/// (`impl Msg as AREA { … }`; [`Msg::all`] lists them all); a pane or an
/// export keeps its words in its own file with `struct NAME { … }`. Each text is checked at compile time to be
/// there and non-empty in both languages.
#[macro_export]
macro_rules! messages {
    // One part of a table spread over several files: `M::$all` lists it.
    (impl $table:ident as $all:ident { $($name:ident => $nl:literal, $en:literal;)* }) => {
        #[allow(non_upper_case_globals)]
        impl $table {
            $(pub const $name: $crate::i18n::Msg = $crate::i18n::Msg::new(stringify!($name), $nl, $en);)*
            /// Every message of this part of the table.
            pub const $all: &'static [$crate::i18n::Msg] = &[$(Self::$name),*];
        }
        // Evaluated at compile time: every text is there in both languages.
        const _: &[$crate::i18n::Msg] = $table::$all;
    };
    (impl $table:ident { $($name:ident => $nl:literal, $en:literal;)* }) => {
        #[allow(non_upper_case_globals)]
        impl $table {
            $(pub const $name: $crate::i18n::Msg = $crate::i18n::Msg::new(stringify!($name), $nl, $en);)*
            /// Every message of this table.
            #[allow(dead_code)]
            pub const ALL: &'static [$crate::i18n::Msg] = &[$(Self::$name),*];
        }
        // Evaluated at compile time: every text is there in both languages.
        const _: &[$crate::i18n::Msg] = $table::ALL;
    };
    ($vis:vis struct $table:ident { $($name:ident => $nl:literal, $en:literal;)* }) => {
        /// A table of messages (see `messages!`).
        $vis struct $table;
        $crate::messages! { impl $table { $($name => $nl, $en;)* } }
    };
}
pub use messages;

mod keys;
mod labels;
mod library;
mod meeting;
mod panes;

pub use labels::*;
pub use meeting::{MeetingErrors, meeting_error, presence_label};

impl Msg {
    /// Every message of the program's own table, area by area.
    pub fn all() -> impl Iterator<Item = Msg> {
        [Msg::PANES, Msg::KEYS, Msg::LIBRARY, Msg::MEETING].into_iter().flatten().copied()
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::Phase;

    #[test]
    fn lang_from_env_prefers_lc_all_and_falls_back_to_dutch() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
        };
        assert_eq!(Lang::from_env_vars(env(&[("LANG", "en_GB.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_env_vars(env(&[("LANG", "en_GB.UTF-8"), ("LC_ALL", "nl_NL.UTF-8")])), Lang::Nl);
        assert_eq!(Lang::from_env_vars(env(&[("LANG", "de_DE.UTF-8")])), Lang::Nl);
        assert_eq!(Lang::from_env_vars(env(&[("LANG", "C")])), Lang::Nl);
        assert_eq!(Lang::from_env_vars(env(&[])), Lang::Nl);
        assert_eq!(Lang::from_env_vars(env(&[("LC_ALL", ""), ("LANG", "en_US")])), Lang::En);
    }

    #[test]
    fn every_message_has_two_non_empty_texts() {
        for m in Msg::all() {
            assert!(!m.text(Lang::Nl).is_empty(), "{m:?}");
            assert!(!m.text(Lang::En).is_empty(), "{m:?}");
        }
    }

    #[test]
    fn aim_and_result_share_one_line_at_80_columns() {
        for lang in [Lang::Nl, Lang::En] {
            for p in Phase::ALL {
                let line = format!(
                    " {}: {} · {}: {}",
                    Msg::Aim.text(lang),
                    phase_aim(lang, p),
                    Msg::Result.text(lang),
                    phase_result(lang, p)
                );
                assert!(line.chars().count() <= 80, "{line}");
            }
        }
    }

    #[test]
    fn dates_read_naturally() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 12).unwrap();
        assert_eq!(date(Lang::Nl, d), "12 mrt 2026");
        assert_eq!(date(Lang::En, d), "12 Mar 2026");
        assert_eq!(short_date(Lang::Nl, d, 2026), "12 mrt");
        assert_eq!(short_date(Lang::Nl, d, 2025), "12 mrt 2026");
    }
}
