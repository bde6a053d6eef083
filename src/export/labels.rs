//! Words only the exports use (section headings, column names, the colophon),
//! in Dutch and English. Words the program already shows come from
//! `crate::i18n`; this table holds the rest, so `i18n.rs` stays the program's.

use chrono::NaiveDate;

use crate::domain::{Phase, Timestamp};
use crate::i18n::{self, Lang};

crate::messages! { pub(super) struct L {
    Minutes => "Verslag", "Minutes";
    PreviousMeeting => "Vorig overleg", "Previous meeting";
    PartiesAtTable => "Partijen aan tafel", "Parties at the table";
    AtTableSince => "Aan tafel sinds fase", "At the table since phase";
    AddedInPhase => "Ingebracht in fase", "Added in phase";
    PhaseSection => "Fase van de samenwerking", "Phase of the collaboration";
    CurrentPhase => "Huidige fase", "Current phase";
    PhaseHistory => "Fasegeschiedenis", "Phase history";
    Number => "Nr.", "No.";
    Time => "Tijd", "Time";
    From => "Van", "From";
    To => "Naar", "To";
    Start => "(start)", "(start)";
    StepBack => "↩ terug", "↩ back";
    InterestsMap => "Belangenkaart", "Interests map";
    InterestsRecorded => "Vastgelegde belangen", "Interests as recorded";
    Reflections => "Reflecties", "Reflections";
    NothingRecorded => "Niets vastgelegd.", "Nothing recorded.";
    UpdatedShort => "gewijzigd", "updated";
    OriginColumn => "Herkomst", "Origin";
    MeetingOf => "overleg van", "meeting of";
    Reviewed => "doorgenomen", "reviewed";
    OtherFields => "Overige velden", "Other fields";
    OtherFieldsNote => "Velden die een nieuwere versie van kompas schreef.", "Fields written by a newer version of kompas.";
    BelongsTo => "Bij", "Belongs to";
    Field => "Veld", "Field";
    Value => "Waarde", "Value";
    Session => "Sessie", "Session";
    MadeWith => "Gemaakt met kompas", "Made with kompas";
    FileFormat => "bestandsformaat", "file format";
    Version => "versie", "version";
    SessionCreated => "sessie aangemaakt", "session created";
    SessionUpdated => "laatst gewijzigd", "last changed";
    // CSV header words that i18n has no fitting text for
    CsvId => "Id", "Id";
    CsvStatusId => "Status-id", "Status id";
    CsvOverdue => "Te laat", "Overdue";
    CsvParties => "Betrokken partijen", "Involved parties";
    CsvPhaseId => "Fase-id", "Phase id";
    CsvReviewed => "Doorgenomen", "Reviewed";
    CsvOriginDate => "Herkomst: datum", "Origin: date";
    CsvOriginFile => "Herkomst: bestand", "Origin: file";
} }

/// "3 afspraken, 2 open, waarvan 1 te laat op 10 apr 2026." The date says what
/// "late" was measured against, since minutes are read long after export.
pub(super) fn agreements_summary(
    lang: Lang,
    total: usize,
    open: usize,
    overdue: usize,
    today: NaiveDate,
) -> String {
    let day = i18n::date(lang, today);
    match lang {
        Lang::Nl => {
            let noun = if total == 1 { "afspraak" } else { "afspraken" };
            format!("{total} {noun}, {open} open, waarvan {overdue} te laat op {day}.")
        }
        Lang::En => {
            let noun = if total == 1 { "agreement" } else { "agreements" };
            format!("{total} {noun}, {open} open, of which {overdue} overdue on {day}.")
        }
    }
}

/// A moment as the minutes print it: only the time ("10:05") when it falls on
/// the meeting date, else date and time ("12 mrt 2026 10:05"). The wall-clock
/// time of the place it was taken; seconds are left out.
pub fn moment(lang: Lang, at: &Timestamp, meeting_date: NaiveDate) -> String {
    let time = at.format("%H:%M");
    if at.date_naive() == meeting_date {
        time.to_string()
    } else {
        format!("{} {time}", i18n::date(lang, at.date_naive()))
    }
}

/// "2 Delen": number and short name, for table cells.
pub(super) fn phase_cell(lang: Lang, p: Phase) -> String {
    format!("{} {}", p.number(), i18n::phase_short(lang, p))
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;

    #[test]
    fn every_label_has_two_texts() {
        for l in L::ALL {
            assert!(!l.get(Lang::Nl).is_empty() && !l.get(Lang::En).is_empty(), "{l:?}");
        }
    }

    #[test]
    fn moments_show_the_date_only_off_the_meeting_day() {
        let day = NaiveDate::from_ymd_opt(2026, 4, 9).unwrap();
        let same = DateTime::parse_from_rfc3339("2026-04-09T10:05:59+02:00").unwrap();
        let before = DateTime::parse_from_rfc3339("2026-03-12T09:30:00+01:00").unwrap();
        assert_eq!(moment(Lang::Nl, &same, day), "10:05");
        assert_eq!(moment(Lang::Nl, &before, day), "12 mrt 2026 09:30");
        assert_eq!(moment(Lang::En, &before, day), "12 Mar 2026 09:30");
    }

    #[test]
    fn summary_counts_read_naturally() {
        let d = NaiveDate::from_ymd_opt(2026, 4, 10).unwrap();
        assert_eq!(
            agreements_summary(Lang::Nl, 1, 1, 0, d),
            "1 afspraak, 1 open, waarvan 0 te laat op 10 apr 2026."
        );
        assert_eq!(
            agreements_summary(Lang::En, 5, 2, 1, d),
            "5 agreements, 2 open, of which 1 overdue on 10 Apr 2026."
        );
    }
}
