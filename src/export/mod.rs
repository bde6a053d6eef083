//! TEMPORARY stand-in until the export module lands from its branch.
use chrono::NaiveDate;

use crate::domain::Session;
use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Csv,
}

impl Format {
    pub fn from_name(s: &str) -> Option<Format> {
        match s {
            "md" | "markdown" => Some(Format::Markdown),
            "html" => Some(Format::Html),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Csv => "csv",
        }
    }
}

pub fn export(session: &Session, _format: Format, _lang: Lang, _today: NaiveDate) -> String {
    session.title.clone()
}
