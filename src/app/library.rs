//! The session library: every session file in the folder, loaded in the
//! background, grouped into the chains of meetings of one collaboration,
//! sorted, filtered and searchable. Pure data and functions; the runtime
//! fills it.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::domain::grondvorm::{CollaborationForm, collaboration_form};
use crate::domain::{
    Phase, RelationshipLine, SessionText, Summary, Temperature, TextKind, mean_of_tenths, relationship_line,
    sparkline,
};
use crate::search::{Folded, fold, snippet};

pub use super::copies::{CopyOf, copies_of};

/// A session file and what is known of it so far.
#[derive(Debug, Clone, PartialEq)]
pub struct LibraryEntry {
    pub path: PathBuf,
    pub state: EntryState,
}

#[derive(Debug, Clone, PartialEq)]
pub enum EntryState {
    /// Listed, not read yet.
    Loading,
    Loaded(Box<Loaded>),
    /// Could not be read: the file and the place.
    Failed(super::Failure),
}

/// A loaded session as the library keeps it: its summary and its texts,
/// folded once for searching.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub summary: Summary,
    pub texts: Vec<(SessionText, Folded)>,
}

impl Loaded {
    pub fn new(summary: Summary, texts: Vec<SessionText>) -> Loaded {
        let texts = texts
            .into_iter()
            .map(|t| {
                let f = Folded::new(&t.text);
                (t, f)
            })
            .collect();
        Loaded { summary, texts }
    }
}

impl LibraryEntry {
    pub fn summary(&self) -> Option<&Summary> {
        match &self.state {
            EntryState::Loaded(l) => Some(&l.summary),
            _ => None,
        }
    }

    pub fn file_name(&self) -> String {
        self.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LibrarySort {
    /// Collaborations with the latest meeting first.
    #[default]
    Date,
    Title,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AgreementsShown {
    #[default]
    Any,
    WithOpen,
    WithOverdue,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LibraryFilter {
    /// Part of a party's name, case and accents ignored.
    pub party: String,
    pub phase: Option<Phase>,
    pub agreements: AgreementsShown,
}

impl LibraryFilter {
    pub fn is_empty(&self) -> bool {
        *self == LibraryFilter::default()
    }

    fn admits(&self, s: &Summary) -> bool {
        let party = fold(self.party.trim());
        (party.is_empty() || s.parties.iter().any(|p| fold(p).contains(&party)))
            && self.phase.is_none_or(|p| p == s.phase)
            && match self.agreements {
                AgreementsShown::Any => true,
                AgreementsShown::WithOpen => s.open_agreements > 0,
                AgreementsShown::WithOverdue => s.overdue_agreements > 0,
            }
    }
}

/// A line of the library list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LibraryRow {
    /// A meeting; `follow_up` when it is not the first of its chain shown.
    Meeting { entry: usize, follow_up: bool },
    /// A copy of the session in entry `of` (a sync tool's conflict copy,
    /// kompas's own, a recovery file), right under that session's row.
    Copy { entry: usize, of: usize },
    /// A file still being read, or one that failed.
    Other(usize),
}

impl LibraryRow {
    pub fn entry(self) -> usize {
        match self {
            LibraryRow::Meeting { entry, .. } | LibraryRow::Copy { entry, .. } | LibraryRow::Other(entry) => {
                entry
            }
        }
    }
}

/// The rows to show: meetings grouped by collaboration (oldest meeting
/// first within a chain), chains ordered by `sort`, each meeting's copies
/// under it; unread and broken files after them, by name. Broken files are
/// always listed, whatever the filter.
pub fn library_rows(entries: &[LibraryEntry], sort: LibrarySort, filter: &LibraryFilter) -> Vec<LibraryRow> {
    rows_of(entries, &copies_of(entries), sort, filter)
}

/// [`library_rows`] with the copies already known (`copies_of`).
pub fn rows_of(
    entries: &[LibraryEntry],
    copies: &[Option<CopyOf>],
    sort: LibrarySort,
    filter: &LibraryFilter,
) -> Vec<LibraryRow> {
    let mut chains: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut others = Vec::new();
    let mut copies_by: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        if let Some(c) = &copies[i] {
            copies_by.entry(c.original).or_default().push(i);
            continue;
        }
        match e.summary() {
            Some(s) if filter.admits(s) => chains.entry(s.collaboration.as_str()).or_default().push(i),
            Some(_) => {}
            None if matches!(e.state, EntryState::Loading) && !filter.is_empty() => {}
            None => others.push(i),
        }
    }
    let summary = |i: usize| entries[i].summary().expect("chains hold loaded entries");
    let mut chains: Vec<Vec<usize>> = chains.into_values().collect();
    for c in &mut chains {
        c.sort_by(|a, b| {
            summary(*a)
                .meeting_date
                .cmp(&summary(*b).meeting_date)
                .then(entries[*a].path.cmp(&entries[*b].path))
        });
    }
    match sort {
        LibrarySort::Date => chains.sort_by(|a, b| {
            let last = |c: &Vec<usize>| summary(*c.last().unwrap()).meeting_date;
            last(b).cmp(&last(a)).then(entries[a[0]].path.cmp(&entries[b[0]].path))
        }),
        LibrarySort::Title => chains.sort_by(|a, b| {
            let title = |c: &Vec<usize>| fold(&summary(*c.last().unwrap()).title);
            title(a).cmp(&title(b)).then(entries[a[0]].path.cmp(&entries[b[0]].path))
        }),
    }
    let mut rows = Vec::new();
    for c in chains {
        for (n, entry) in c.into_iter().enumerate() {
            rows.push(LibraryRow::Meeting { entry, follow_up: n > 0 });
            // Entries are in file-name order, and so are its copies.
            for copy in copies_by.remove(&entry).unwrap_or_default() {
                rows.push(LibraryRow::Copy { entry: copy, of: entry });
            }
        }
    }
    others.sort_by(|a, b| entries[*a].path.cmp(&entries[*b].path));
    rows.extend(others.into_iter().map(LibraryRow::Other));
    rows
}

/// Per row of the list: the mean of the five conditions over the meetings
/// of its collaboration up to and including that meeting, as a sparkline
/// (issue 10); empty where none of them scored a condition, and for files
/// not read and copies. The whole chain counts, whatever the filter shows
/// of it; copies of a meeting (`copies`, from `copies_of`) are no meetings.
pub fn trends_of(entries: &[LibraryEntry], copies: &[Option<CopyOf>], rows: &[LibraryRow]) -> Vec<String> {
    let mut chains: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, s) in entries.iter().enumerate().filter_map(|(i, e)| e.summary().map(|s| (i, s))) {
        if copies[i].is_none() {
            chains.entry(s.collaboration.as_str()).or_default().push(i);
        }
    }
    let summary = |i: usize| entries[i].summary().expect("chains hold loaded entries");
    let mut upto: HashMap<usize, String> = HashMap::new();
    for c in chains.values_mut() {
        c.sort_by(|a, b| {
            (summary(*a).meeting_date, &entries[*a].path).cmp(&(summary(*b).meeting_date, &entries[*b].path))
        });
        let means: Vec<Option<u8>> = c.iter().map(|i| mean_of_tenths(&summary(*i).conditions)).collect();
        for (n, i) in c.iter().enumerate() {
            let so_far = &means[..=n];
            let line = if so_far.iter().all(Option::is_none) { String::new() } else { sparkline(so_far) };
            upto.insert(*i, line);
        }
    }
    rows.iter()
        .map(|r| match r {
            LibraryRow::Meeting { entry, .. } => upto.remove(entry).unwrap_or_default(),
            LibraryRow::Copy { .. } | LibraryRow::Other(_) => String::new(),
        })
        .collect()
}

/// One collaboration in the portfolio: who works with whom, where they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortfolioLine {
    pub title: String,
    pub parties: Vec<String>,
    pub meetings: usize,
    pub last_meeting: NaiveDate,
    pub phase: Phase,
    pub open_agreements: usize,
    pub overdue_agreements: usize,
    pub temperature: Option<Temperature>,
    /// Its basic form, and whether its meetings or parties mix forms.
    pub form: CollaborationForm,
    /// The five conditions over its meetings, the trust stage (issue 10).
    pub relationship: RelationshipLine,
}

/// A line per collaboration, from its latest meeting; latest first. Copies
/// of a meeting are not meetings.
pub fn portfolio(entries: &[LibraryEntry]) -> Vec<PortfolioLine> {
    let copies = copies_of(entries);
    let mut by_collaboration: HashMap<&str, Vec<&Summary>> = HashMap::new();
    for s in entries.iter().zip(&copies).filter(|(_, c)| c.is_none()).filter_map(|(e, _)| e.summary()) {
        by_collaboration.entry(s.collaboration.as_str()).or_default().push(s);
    }
    let mut lines: Vec<PortfolioLine> = by_collaboration
        .into_values()
        .map(|meetings| {
            let last = meetings.iter().max_by_key(|s| (s.meeting_date, s.id.clone())).expect("non-empty");
            PortfolioLine {
                title: last.title.clone(),
                parties: last.parties.clone(),
                meetings: meetings.len(),
                last_meeting: last.meeting_date,
                phase: last.phase,
                open_agreements: last.open_agreements,
                overdue_agreements: last.overdue_agreements,
                temperature: last.latest_temperature,
                form: collaboration_form(meetings.iter().copied()),
                relationship: relationship_line(&meetings),
            }
        })
        .collect();
    lines.sort_by(|a, b| b.last_meeting.cmp(&a.last_meeting).then(a.title.cmp(&b.title)));
    lines
}

/// A search hit: which session, which text, and a piece of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub entry: usize,
    pub kind: TextKind,
    pub item: String,
    pub snippet: String,
}

/// At most this many hits are listed.
pub const MAX_HITS: usize = 500;

/// Every text in every loaded session that contains `query`, case and
/// accents ignored; sessions in library order (newest first), texts in the
/// order of the session. Copies are left out: their session is searched.
pub fn search(entries: &[LibraryEntry], rows: &[LibraryRow], query: &str) -> Vec<SearchHit> {
    let needle = fold(query.trim());
    if needle.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for row in rows.iter().filter(|r| !matches!(r, LibraryRow::Copy { .. })) {
        let entry = row.entry();
        let EntryState::Loaded(l) = &entries[entry].state else { continue };
        for (t, folded) in &l.texts {
            if let Some(at) = folded.find(&needle) {
                hits.push(SearchHit {
                    entry,
                    kind: t.kind,
                    item: t.item.clone(),
                    snippet: snippet(&t.text, at, 70),
                });
                if hits.len() >= MAX_HITS {
                    return hits;
                }
            }
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::domain::{Session, Timestamp};

    fn row_trends(entries: &[LibraryEntry], rows: &[LibraryRow]) -> Vec<String> {
        trends_of(entries, &copies_of(entries), rows)
    }

    fn t() -> Timestamp {
        DateTime::parse_from_rfc3339("2026-03-12T10:00:00+01:00").unwrap()
    }

    fn entry(path: &str, s: &Session) -> LibraryEntry {
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        LibraryEntry {
            path: path.into(),
            state: EntryState::Loaded(Box::new(Loaded::new(s.summary(today), s.texts()))),
        }
    }

    fn session(id: &str, title: &str, date: (i32, u32, u32)) -> Session {
        let d = NaiveDate::from_ymd_opt(date.0, date.1, date.2).unwrap();
        Session::new(id.into(), title, d, "", t()).unwrap()
    }

    #[test]
    fn chains_stay_together_and_broken_files_are_listed() {
        let m1 = session("m1", "Zuiderveld", (2026, 3, 12));
        let m2 = m1.follow_up("m2".into(), "a.json", NaiveDate::from_ymd_opt(2026, 4, 9).unwrap(), t());
        let other = session("o1", "Andere samenwerking", (2026, 3, 20));
        let entries = vec![
            entry("a.json", &m1),
            entry("b.json", &other),
            LibraryEntry {
                path: "c.json".into(),
                state: EntryState::Failed(crate::app::Failure::new(
                    Some(std::path::Path::new("c.json")),
                    crate::app::FailureKind::BadVersion,
                )),
            },
            entry("d.json", &m2),
        ];
        let rows = library_rows(&entries, LibrarySort::Date, &LibraryFilter::default());
        assert_eq!(
            rows,
            vec![
                LibraryRow::Meeting { entry: 0, follow_up: false },
                LibraryRow::Meeting { entry: 3, follow_up: true },
                LibraryRow::Meeting { entry: 1, follow_up: false },
                LibraryRow::Other(2),
            ]
        );
        let by_title = library_rows(&entries, LibrarySort::Title, &LibraryFilter::default());
        assert_eq!(by_title[0], LibraryRow::Meeting { entry: 1, follow_up: false });
    }

    #[test]
    fn each_meeting_row_shows_its_chains_conditions_up_to_it() {
        use crate::domain::Condition;
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        let mut m1 = session("m1", "Zuiderveld", (2026, 3, 12));
        for c in Condition::ALL {
            m1.score_condition(*c, Some(2), "", t()).unwrap();
        }
        let m2 = m1.follow_up("m2".into(), "a.json", d(4, 9), t());
        let mut m3 = m2.follow_up("m3".into(), "b.json", d(5, 20), t());
        for c in Condition::ALL {
            m3.score_condition(*c, Some(5), "", t()).unwrap();
        }
        m3.move_to_phase(Phase::Delen, None, t()).unwrap();
        let other = session("o1", "Scholen Oost", (2026, 2, 1));
        let entries =
            vec![entry("c.json", &m3), entry("a.json", &m1), entry("o.json", &other), entry("b.json", &m2)];
        let rows = library_rows(&entries, LibrarySort::Date, &LibraryFilter::default());
        let trends = row_trends(&entries, &rows);
        assert_eq!(trends.len(), rows.len());
        let of = |entry: usize| {
            let n = rows.iter().position(|r| r.entry() == entry).unwrap();
            trends[n].clone()
        };
        assert_eq!(of(1), "▃", "the first meeting: its own mean");
        assert_eq!(of(3), "▃·", "no scores in the second");
        assert_eq!(of(0), "▃·█");
        assert_eq!(of(2), "", "nothing scored: no trend");
        // A filter that shows only the last meeting: its trend keeps the chain.
        let f = LibraryFilter { phase: Some(Phase::Delen), ..Default::default() };
        let rows = library_rows(&entries, LibrarySort::Date, &f);
        assert_eq!(rows, vec![LibraryRow::Meeting { entry: 0, follow_up: false }]);
        assert_eq!(row_trends(&entries, &rows), vec!["▃·█".to_string()]);
    }

    #[test]
    fn filters_by_party_phase_and_agreements() {
        let mut a = session("a", "A", (2026, 3, 12));
        a.add_party(
            &crate::domain::PartyFields { organisation: "Zorggroep De Linde".into(), ..Default::default() },
            t(),
        )
        .unwrap();
        let b = session("b", "B", (2026, 3, 13));
        let entries = vec![entry("a.json", &a), entry("b.json", &b)];
        let f = LibraryFilter { party: "de linde".into(), ..Default::default() };
        assert_eq!(
            library_rows(&entries, LibrarySort::Date, &f),
            vec![LibraryRow::Meeting { entry: 0, follow_up: false }]
        );
        let f = LibraryFilter { phase: Some(Phase::Delen), ..Default::default() };
        assert!(library_rows(&entries, LibrarySort::Date, &f).is_empty());
        let f = LibraryFilter { agreements: AgreementsShown::WithOpen, ..Default::default() };
        assert!(library_rows(&entries, LibrarySort::Date, &f).is_empty());
    }

    #[test]
    fn search_forgives_case_and_accents() {
        let mut s = session("a", "Zuiderveld", (2026, 3, 12));
        s.add_reflection(None, "Wie ontbreekt?", "Eén Overleg met de huurders", t()).unwrap();
        let entries = vec![entry("a.json", &s)];
        let rows = library_rows(&entries, LibrarySort::Date, &LibraryFilter::default());
        for q in ["overleg", "OVERLEG", "een overleg", "één"] {
            let hits = search(&entries, &rows, q);
            assert_eq!(hits.len(), 1, "{q}");
            assert_eq!(hits[0].kind, TextKind::Answer);
            assert!(hits[0].snippet.contains("Overleg"), "{:?}", hits[0].snippet);
        }
        assert!(search(&entries, &rows, "  ").is_empty());
        assert!(search(&entries, &rows, "afspraak").is_empty());
    }

    #[test]
    fn the_portfolio_has_a_line_per_collaboration_from_its_latest_meeting() {
        let m1 = session("m1", "Zuiderveld", (2026, 3, 12));
        let mut m2 = m1.follow_up("m2".into(), "a.json", NaiveDate::from_ymd_opt(2026, 4, 9).unwrap(), t());
        m2.move_to_phase(Phase::Delen, None, t()).unwrap();
        let other = session("o1", "Scholen Oost", (2026, 2, 1));
        let lines = portfolio(&[entry("a.json", &m1), entry("b.json", &m2), entry("c.json", &other)]);
        assert_eq!(lines.len(), 2);
        assert_eq!(
            (lines[0].title.as_str(), lines[0].meetings, lines[0].phase),
            ("Zuiderveld", 2, Phase::Delen)
        );
        assert_eq!(lines[1].title, "Scholen Oost");
    }

    #[test]
    fn the_portfolio_shows_each_collaborations_form_and_flags_a_mix() {
        use crate::domain::{Aard, Grondvorm, Intentie, PartyFields};
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        let mut m1 = session("m1", "Zuiderveld", (2026, 3, 12));
        let p = m1.add_party(&PartyFields { organisation: "A".into(), ..Default::default() }, t()).unwrap();
        let q = m1.add_party(&PartyFields { organisation: "B".into(), ..Default::default() }, t()).unwrap();
        m1.choose_form(Grondvorm::Verkennend, "", t());
        let mut m2 = m1.follow_up("m2".into(), "a.json", d(4, 9), t());
        m2.choose_form(Grondvorm::Functioneel, "", t());
        m2.set_party_form(&p, Some(Intentie::Verbeteren), Some(Aard::Delen), "", t()).unwrap();
        m2.set_party_form(&q, Some(Intentie::Vernieuwen), Some(Aard::Delen), "", t()).unwrap();
        let plain = session("o1", "Scholen Oost", (2026, 2, 1));
        let lines = portfolio(&[entry("a.json", &m1), entry("b.json", &m2), entry("c.json", &plain)]);
        let f = &lines[0].form;
        assert_eq!((f.form, f.meetings_mix, f.parties_mix), (Some(Grondvorm::Functioneel), true, true));
        assert_eq!(lines[1].form, CollaborationForm::default());
    }
}
