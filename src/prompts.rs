//! The library of reflection questions, embedded from `assets/prompts.json`
//! so the program works offline.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::domain::Phase;
use crate::i18n::Lang;

const EMBEDDED: &str = include_str!("../assets/prompts.json");

#[derive(Debug, Clone, Deserialize)]
pub struct Prompt {
    /// Stable identifier, stored with each answer.
    pub id: String,
    pub phases: Vec<Phase>,
    /// One of the model's themes (`ambitie`, `belangen`, `netwerk`, …).
    pub theme: String,
    nl: String,
    en: String,
}

impl Prompt {
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nl => &self.nl,
            Lang::En => &self.en,
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct PromptLibrary {
    format: String,
    version: u32,
    prompts: Vec<Prompt>,
}

impl PromptLibrary {
    /// Parse a library; used for the embedded one and in tests.
    pub fn parse(json: &str) -> Result<PromptLibrary, String> {
        let lib: PromptLibrary = serde_json::from_str(json).map_err(|e| e.to_string())?;
        if lib.format != "kompas-prompts" || lib.version != 1 {
            return Err(format!("unexpected prompt library format {:?} version {}", lib.format, lib.version));
        }
        Ok(lib)
    }

    /// The library built into the binary. The embedded file is checked by the
    /// test suite, so failing to parse it here is a build defect.
    pub fn embedded() -> &'static PromptLibrary {
        static LIB: OnceLock<PromptLibrary> = OnceLock::new();
        LIB.get_or_init(|| PromptLibrary::parse(EMBEDDED).expect("assets/prompts.json is valid"))
    }

    /// Questions for a phase, in library order.
    pub fn for_phase(&self, phase: Phase) -> impl Iterator<Item = &Prompt> {
        self.prompts.iter().filter(move |p| p.phases.contains(&phase))
    }

    pub fn get(&self, id: &str) -> Option<&Prompt> {
        self.prompts.iter().find(|p| p.id == id)
    }

    pub fn all(&self) -> &[Prompt] {
        &self.prompts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_library_parses_and_covers_every_phase_in_both_languages() {
        let lib = PromptLibrary::embedded();
        for phase in Phase::ALL {
            let prompts: Vec<_> = lib.for_phase(phase).collect();
            assert!(!prompts.is_empty(), "no prompts for {phase:?}");
            for p in prompts {
                assert!(!p.text(Lang::Nl).trim().is_empty(), "{}", p.id);
                assert!(!p.text(Lang::En).trim().is_empty(), "{}", p.id);
            }
        }
        let first = &lib.all()[0];
        assert_eq!(lib.get(&first.id).map(|p| p.id.as_str()), Some(first.id.as_str()));
    }

    #[test]
    fn a_foreign_document_is_refused() {
        assert!(PromptLibrary::parse(r#"{"format":"x","version":1,"prompts":[]}"#).is_err());
        assert!(PromptLibrary::parse("[]").is_err());
    }
}
