//! The agreements as CSV for spreadsheets: one row per agreement, in the
//! order they were made, with a header row in the chosen language.
//!
//! Choices made for Excel on Windows, which most Dutch facilitators use:
//! - The text starts with a UTF-8 byte order mark. Without it Excel reads a
//!   double-clicked CSV in the Windows code page and "Bensaïd" turns into
//!   "BensaÃ¯d". LibreOffice, Numbers, Google Sheets and the `csv` crate all
//!   accept the mark.
//! - The Dutch export separates fields with `;`, the English one with `,`.
//!   Excel splits a double-clicked CSV on the list separator of the Windows
//!   region, which is `;` wherever the decimal separator is a comma (the
//!   Netherlands, Belgium, most of Europe); with `,` a Dutch Excel shows
//!   every row in one column. (`sep=;` as a first line would also work but
//!   makes Excel ignore the byte order mark.)
//! - Lines end in CRLF (RFC 4180). Line breaks inside a text stay `\n` in a
//!   quoted field, which Excel shows as a line break in the cell.
//! - Texts are protected against formula injection: a value starting with
//!   `=`, `+`, `-` or `@` gets a leading `'` so the spreadsheet shows it
//!   instead of evaluating it; control characters and escape sequences
//!   become visible placeholders as everywhere else (see `crate::text`).
//!
//! Status and phase come twice or as stable ids: `status` is the stable id
//! (`proposed`, `agreed`, `done`, `dropped`) for filtering and scripts, next
//! to the localised label; the phase is its stable id (`verkennen` …). An
//! agreement made from a key question of the basic-form chooser names the
//! question by its short name.

use chrono::NaiveDate;

use super::labels::L;
use crate::content::grondvorm::{Words, content};
use crate::domain::Session;
use crate::i18n::{self, Lang, Msg};
use crate::text::safe_line;

/// The byte order mark that starts every CSV export.
pub(super) const BOM: &str = "\u{feff}";

/// The field separator for a language (see the module comment).
pub(super) fn delimiter(lang: Lang) -> u8 {
    match lang {
        Lang::Nl => b';',
        Lang::En => b',',
    }
}

fn header(lang: Lang) -> [&'static str; 16] {
    [
        L::CsvId.get(lang),
        Msg::Agreement.get(lang),
        L::CsvStatusId.get(lang),
        Msg::Status.get(lang),
        Msg::Owner.get(lang),
        L::CsvParties.get(lang),
        Msg::Due.get(lang),
        L::CsvOverdue.get(lang),
        L::CsvPhaseId.get(lang),
        Msg::PhaseResult.get(lang),
        Msg::Created.get(lang),
        Msg::Updated.get(lang),
        L::CsvReviewed.get(lang),
        L::CsvOriginDate.get(lang),
        L::CsvOriginFile.get(lang),
        Words::KeyQuestion.get(lang),
    ]
}

/// A text as a spreadsheet cell: line breaks kept (as `\n`), other control
/// characters made visible, a leading formula character neutralised.
pub(super) fn cell(s: &str) -> String {
    let s = s.replace("\r\n", "\n").replace('\r', "\n").replace('\t', " ");
    let mut out = s.split('\n').map(safe_line).collect::<Vec<_>>().join("\n");
    if out.starts_with(['=', '+', '-', '@']) {
        out.insert(0, '\'');
    }
    out
}

pub(super) fn render(s: &Session, lang: Lang, today: NaiveDate) -> String {
    let yes_no = |b: bool| if b { Msg::Yes.get(lang) } else { Msg::No.get(lang) };
    // A party's organisation, or the whole table (issue 9).
    let name = |id: &str| cell(&s.holder_name(id, lang));
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(delimiter(lang))
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(header(lang)).expect("writing to memory does not fail");
    for a in &s.agreements {
        let record = [
            cell(&a.id),
            cell(&a.text),
            a.status.id().to_string(),
            i18n::status_label(lang, a.status).to_string(),
            a.owner.as_deref().map(name).unwrap_or_default(),
            a.parties.iter().map(|p| name(p)).collect::<Vec<_>>().join("; "),
            a.due.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default(),
            yes_no(a.is_overdue(today)).to_string(),
            a.phase.id().to_string(),
            yes_no(a.phase_result).to_string(),
            a.created_at.to_rfc3339(),
            a.updated_at.to_rfc3339(),
            a.reviewed_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
            a.origin.as_ref().map(|o| o.meeting_date.format("%Y-%m-%d").to_string()).unwrap_or_default(),
            a.origin.as_ref().map(|o| cell(&o.file)).unwrap_or_default(),
            a.key_question.map(|q| content().key_question(q).name.get(lang).to_string()).unwrap_or_default(),
        ];
        w.write_record(&record).expect("writing to memory does not fail");
    }
    let bytes = w.into_inner().expect("writing to memory does not fail");
    let body = String::from_utf8(bytes).expect("every field is a Rust string, so the output is UTF-8");
    format!("{BOM}{body}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_keep_line_breaks_and_defuse_formulas_and_controls() {
        assert_eq!(cell("een\r\ntwee\rdrie"), "een\ntwee\ndrie");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("- eerst"), "'- eerst");
        assert_eq!(cell("+31 6"), "'+31 6");
        assert_eq!(cell("@a"), "'@a");
        assert_eq!(cell("a \u{1b}]0;pwn\u{7}"), "a ␛]0;pwn␇");
        assert_eq!(cell("Bensaïd, \"K\"; 3-4"), "Bensaïd, \"K\"; 3-4");
    }

    #[test]
    fn header_has_one_name_per_column_in_both_languages() {
        for lang in [Lang::Nl, Lang::En] {
            let h = header(lang);
            let mut unique = h.to_vec();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), h.len(), "{h:?}");
        }
    }
}
