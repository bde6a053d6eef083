//! Exports of a session for people who do not run kompas: minutes as
//! Markdown or as a self-contained HTML page (print it to PDF from a
//! browser), and the agreements as CSV for a spreadsheet.
//!
//! Everything is a pure function of the session, the language and the day
//! the export is made (`today` decides which open agreements are overdue).
//! Nothing here touches files or the clock.
//!
//! The minutes carry every field of the session a reader needs: texts,
//! names, dates and times, phases, statuses, and even fields a newer kompas
//! wrote (under "Other fields"). Only ids and id references are left out;
//! references are shown as the party's name. Markdown and HTML are written
//! from one document tree (`build`), so they always hold the same content.
//! All text from the session is escaped for its format and control
//! characters are made visible (see `crate::text`).

mod build;
mod chart;
mod csv;
mod doc;
mod game;
mod grondvorm;
mod html;
mod labels;
mod markdown;
mod meeting;
mod relationship;
mod room;

use chrono::NaiveDate;

use crate::domain::Session;
use crate::i18n::Lang;

pub use chart::line_chart_svg;
pub use html::escape as escape_html;
pub use labels::moment;
pub use markdown::escape as escape_markdown;
pub use relationship::{chain as meetings_up_to, history_charts};

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Minutes in Markdown.
    Markdown,
    /// Minutes as one HTML page with a print stylesheet.
    Html,
    /// The agreements as CSV.
    Csv,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Markdown, Format::Html, Format::Csv];

    /// `md` or `markdown`, `html`, `csv` (any letter case).
    pub fn from_name(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" => Some(Format::Html),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }

    /// File name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Csv => "csv",
        }
    }
}

/// The session in `format`, with every label in `lang`. Agreements that are
/// open and due before `today` are marked overdue.
///
/// CSV starts with a UTF-8 byte order mark and separates fields with `;` in
/// Dutch and `,` in English (both for Excel; see the `csv` module).
pub fn export(session: &Session, format: Format, lang: Lang, today: NaiveDate) -> String {
    export_with_chain(session, &[], format, lang, today)
}

/// [`export`] with the other meetings of the collaboration at hand, so the
/// minutes also show how the relationship moved up to this meeting (the
/// thermometer and five-conditions charts, the trust stage's trend).
/// Meetings of other collaborations and later meetings in `earlier` are
/// left out.
pub fn export_with_chain(
    session: &Session,
    earlier: &[Session],
    format: Format,
    lang: Lang,
    today: NaiveDate,
) -> String {
    match format {
        Format::Markdown => markdown::render(&build::build(session, earlier, lang, today)),
        Format::Html => html::render(&build::build(session, earlier, lang, today)),
        Format::Csv => csv::render(session, lang, today),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_extensions_round_trip() {
        for f in Format::ALL {
            assert_eq!(Format::from_name(f.extension()), Some(f));
        }
        assert_eq!(Format::from_name("Markdown"), Some(Format::Markdown));
        assert_eq!(Format::from_name("pdf"), None);
        assert_eq!(Format::from_name(""), None);
    }
}
