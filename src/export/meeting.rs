//! The minutes' sections on running the meeting: attendance, the agenda
//! with planned and actual times, the clock's log, and the notes per agenda
//! item. (Theater van Besluit games are in `game.rs`.)
//!
//! Actual times come from the agenda clock's recorded moments. A clock
//! still running when the minutes are made counts up to the last moment
//! the session recorded, so the minutes stay a pure function of the file.

use super::doc::*;
use super::labels::{moment, phase_cell};
use crate::domain::meeting::{AgendaItem, Presence, TimeState};
use crate::domain::{Extra, Session, Timestamp};
use crate::i18n::{self, Lang, Msg};

crate::messages! { pub(super) struct L {
    OutsideParties => "Buiten de partijen", "Outside the parties";
    Name => "Naam", "Name";
    Presence => "Aanwezigheid", "Presence";
    Recorded => "Vastgelegd", "Recorded";
    UpdatedShort => "gewijzigd", "updated";
    Number => "Nr.", "No.";
    FromTo => "Van–tot", "From–to";
    Done => "Afgerond", "Done";
    NotDone => "niet afgerond: gaat mee naar het volgende overleg", "unfinished: carries over to the next meeting";
    Running => "loopt nog", "still running";
    CarriedFrom => "meegenomen uit het overleg van", "carried over from the meeting of";
    Minutes => "min", "min";
    PlannedTotal => "Gepland", "Planned";
    ActualTotal => "Werkelijk", "Actual";
    ActualNote => "Werkelijk telt de tijd dat de klok liep: een pauze met de klok stil telt niet mee.", "Actual counts the time the clock ran: a break with the clock stopped does not count.";
    MeetingSpan => "Klok van–tot", "Clock from–to";
    ItemsDone => "Afgerond", "Done";
    Of => "van", "of";
    ClockLog => "Verloop van de klok", "The clock, moment by moment";
    Time => "Tijd", "Time";
    Current => "Huidig agendapunt", "Current item";
    ClockStopped => "klok gestopt", "clock stopped";
    WholeMeeting => "Overleg als geheel", "The meeting as a whole";
    ClockEntry => "Klokmoment", "Clock entry";
    Attendee => "Aanwezige", "Attendee";
} }

/// Time the way the clock shows it: `m:ss`, or `h:mm:ss` from an hour.
pub(super) fn clock(secs: i64) -> String {
    let (sign, s) = if secs < 0 { ("-", -secs) } else { ("", secs) };
    if s >= 3600 {
        format!("{sign}{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{sign}{}:{:02}", s / 60, s % 60)
    }
}

pub(super) struct Ctx<'a> {
    pub s: &'a Session,
    pub lang: Lang,
}

impl Ctx<'_> {
    pub fn when(&self, at: &Timestamp) -> String {
        moment(self.lang, at, self.s.meeting_date)
    }

    /// Created, and updated when it differs.
    pub fn recorded(&self, created: &Timestamp, updated: &Timestamp) -> Cell {
        let mut lines = vec![line(self.when(created))];
        if updated != created {
            lines.push(line(format!("{} {}", L::UpdatedShort.get(self.lang), self.when(updated))));
        }
        Cell::Lines(lines)
    }

    pub fn party_name(&self, id: &str) -> String {
        self.s.party(id).map_or_else(|| id.to_string(), |p| p.organisation.clone())
    }

    pub fn item_title(&self, id: &str) -> String {
        self.s.agenda.iter().find(|a| a.id == id).map_or_else(|| id.to_string(), |a| a.title.clone())
    }

    pub fn table(&self, class: &'static str, head: Vec<&str>, rows: Vec<Row>) -> Block {
        if rows.is_empty() {
            Block::Para(vec![Inline::Em(super::labels::L::NothingRecorded.get(self.lang).to_string())])
        } else {
            Block::Table(Table {
                class,
                head: head.into_iter().map(String::from).collect(),
                row_heads: false,
                rows,
            })
        }
    }
}

pub(super) fn cell(s: impl Into<String>) -> Cell {
    Cell::Lines(vec![line(s)])
}

/// Attendance, the agenda with its times and clock log, and the notes.
pub(super) fn blocks(s: &Session, lang: Lang) -> Vec<Block> {
    let c = Ctx { s, lang };
    let mut out = Vec::new();
    attendance(&c, &mut out);
    agenda(&c, &mut out);
    notes(&c, &mut out);
    out
}

fn attendance(c: &Ctx, out: &mut Vec<Block>) {
    let (s, lang) = (c.s, c.lang);
    out.push(Block::Heading(2, line(Msg::Attendance.get(lang))));
    if !s.attendance.is_empty() {
        let count = |p| s.attendance.iter().filter(|a| a.presence == p).count();
        let summary: Vec<String> = (Presence::ALL.iter())
            .map(|&p| format!("{} {}", count(p), i18n::presence_label(lang, p)))
            .collect();
        out.push(Block::Para(line(summary.join(" · "))));
    }
    // Per party in the parties' order; people from outside the parties
    // (and references a damaged file left dangling) last.
    let rank = |a: &crate::domain::meeting::Attendee| {
        a.party.as_deref().map_or(usize::MAX - 1, |p| s.party_index(p).unwrap_or(usize::MAX))
    };
    let mut order: Vec<usize> = (0..s.attendance.len()).collect();
    order.sort_by_key(|&i| rank(&s.attendance[i]));
    let rows = order
        .into_iter()
        .map(|i| {
            let a = &s.attendance[i];
            let party = a
                .party
                .as_deref()
                .map_or_else(|| L::OutsideParties.get(lang).to_string(), |p| c.party_name(p));
            Row {
                flag: None,
                cells: vec![
                    cell(party),
                    Cell::Lines(vec![line(&a.name)]),
                    Cell::Lines(opt_line(&a.role)),
                    cell(i18n::presence_label(lang, a.presence)),
                    c.recorded(&a.created_at, &a.updated_at),
                ],
            }
        })
        .collect();
    let head = vec![
        Msg::Party.get(lang),
        L::Name.get(lang),
        Msg::Role.get(lang),
        L::Presence.get(lang),
        L::Recorded.get(lang),
    ];
    out.push(c.table("attendance", head, rows));
}

fn agenda(c: &Ctx, out: &mut Vec<Block>) {
    let (s, lang) = (c.s, c.lang);
    out.push(Block::Heading(2, line(Msg::Agenda.get(lang))));
    let until = s.last_recorded();
    if !s.agenda.is_empty() {
        let done = s.agenda.iter().filter(|a| a.is_done()).count();
        let mut facts = vec![
            (L::PlannedTotal.get(lang).to_string(), line(clock(s.meeting_planned()))),
            (L::ActualTotal.get(lang).to_string(), line(clock(s.meeting_elapsed(until)))),
        ];
        if let (Some(start), end) = s.meeting_span() {
            let end = end.map_or_else(|| L::Running.get(lang).to_string(), |e| c.when(&e));
            facts.push((L::MeetingSpan.get(lang).to_string(), line(format!("{} – {end}", c.when(&start)))));
        }
        facts.push((
            L::ItemsDone.get(lang).to_string(),
            line(format!("{done} {} {}", L::Of.get(lang), s.agenda.len())),
        ));
        out.push(Block::Facts(facts));
        out.push(Block::Note(line(L::ActualNote.get(lang))));
    }
    let rows = s.agenda.iter().enumerate().map(|(n, item)| agenda_row(c, n, item, until)).collect();
    let head = vec![
        L::Number.get(lang),
        Msg::AgendaItem.get(lang),
        Msg::Phase.get(lang),
        Msg::Lead.get(lang),
        Msg::Planned.get(lang),
        Msg::Actual.get(lang),
        L::FromTo.get(lang),
        L::Done.get(lang),
        L::Recorded.get(lang),
    ];
    out.push(c.table("agenda", head, rows));

    if !s.agenda_clock.is_empty() {
        out.push(Block::Heading(3, line(L::ClockLog.get(lang))));
        let rows = (s.agenda_clock.iter())
            .map(|m| {
                let what = match &m.item {
                    Some(id) => Cell::Lines(vec![line(c.item_title(id))]),
                    None => Cell::Lines(vec![vec![Inline::Em(L::ClockStopped.get(lang).to_string())]]),
                };
                Row { flag: None, cells: vec![cell(c.when(&m.at)), what] }
            })
            .collect();
        out.push(c.table("clock", vec![L::Time.get(lang), L::Current.get(lang)], rows));
    }
}

fn agenda_row(c: &Ctx, n: usize, item: &AgendaItem, until: Timestamp) -> Row {
    let lang = c.lang;
    let time = c.s.agenda_item_time(&item.id, until);
    let state = TimeState::of(time.elapsed, item.planned_secs());
    let mut title = vec![line(&item.title)];
    if let Some(o) = &item.origin {
        let from = format!("{} {}", L::CarriedFrom.get(lang), i18n::date(lang, o.meeting_date));
        title.push(vec![Inline::Em(from), text(" · "), text(&o.file)]);
    }
    let lead = item.lead.as_deref().map(|p| line(c.party_name(p))).into_iter().collect();
    let mut actual = Vec::new();
    if time.started.is_some() {
        actual.push(text(clock(time.elapsed)));
        if state == TimeState::Over && item.planned_secs() > 0 {
            let pct = time.elapsed * 100 / item.planned_secs();
            actual.extend([text(" "), Inline::Flag(Flag::OverTime, format!("{pct} %"))]);
        }
    }
    let span = match (time.started, time.ended) {
        (Some(a), Some(b)) => vec![line(format!("{}–{}", c.when(&a), c.when(&b)))],
        (Some(a), None) => vec![line(format!("{}– ({})", c.when(&a), L::Running.get(lang)))],
        _ => Vec::new(),
    };
    let done = match item.done_at {
        Some(at) => vec![line(c.when(&at))],
        None => vec![vec![Inline::Flag(Flag::Open, L::NotDone.get(lang).to_string())]],
    };
    let flag = (state == TimeState::Over && time.started.is_some()).then_some(Flag::OverTime);
    Row {
        flag,
        cells: vec![
            cell((n + 1).to_string()),
            Cell::Lines(title),
            cell(phase_cell(lang, item.phase)),
            Cell::Lines(lead),
            cell(format!("{} {}", item.planned_minutes, L::Minutes.get(lang))),
            Cell::Lines(if actual.is_empty() { Vec::new() } else { vec![actual] }),
            Cell::Lines(span),
            Cell::Lines(done),
            c.recorded(&item.created_at, &item.updated_at),
        ],
    }
}

fn notes(c: &Ctx, out: &mut Vec<Block>) {
    let (s, lang) = (c.s, c.lang);
    out.push(Block::Heading(2, line(Msg::Notes.get(lang))));
    // In agenda order, then the meeting as a whole, then notes whose item
    // a damaged file no longer has; each group in the order written.
    let rank = |item: &Option<String>| match item {
        Some(id) => s.agenda_index(id).unwrap_or(usize::MAX),
        None => usize::MAX - 1,
    };
    let mut order: Vec<usize> = (0..s.notes.len()).collect();
    order.sort_by_key(|&i| rank(&s.notes[i].item));
    let rows = order
        .into_iter()
        .map(|i| {
            let n = &s.notes[i];
            let item = match &n.item {
                Some(id) => line(c.item_title(id)),
                None => vec![Inline::Em(L::WholeMeeting.get(lang).to_string())],
            };
            Row {
                flag: None,
                cells: vec![
                    Cell::Lines(vec![item]),
                    Cell::Lines(vec![line(&n.text)]),
                    c.recorded(&n.created_at, &n.updated_at),
                ],
            }
        })
        .collect();
    let head = vec![Msg::AgendaItem.get(lang), Msg::MeetingNote.get(lang), L::Recorded.get(lang)];
    out.push(c.table("notes", head, rows));
}

/// Fields a newer kompas wrote on this instrument's items, for "Other fields".
pub(super) fn extras(s: &Session, lang: Lang) -> Vec<(Line, &Extra)> {
    let numbered = |what: &str, n: usize| line(format!("{what} {}", n + 1));
    let mut out: Vec<(Line, &Extra)> = Vec::new();
    out.extend(s.agenda.iter().enumerate().map(|(n, x)| (numbered(Msg::AgendaItem.get(lang), n), &x.extra)));
    out.extend(
        s.agenda_clock.iter().enumerate().map(|(n, x)| (numbered(L::ClockEntry.get(lang), n), &x.extra)),
    );
    out.extend(s.attendance.iter().enumerate().map(|(n, x)| (numbered(L::Attendee.get(lang), n), &x.extra)));
    out.extend(s.notes.iter().enumerate().map(|(n, x)| (numbered(Msg::MeetingNote.get(lang), n), &x.extra)));
    out.extend(super::game::extras(s, lang));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_times_read_like_the_clock() {
        assert_eq!(clock(0), "0:00");
        assert_eq!(clock(59), "0:59");
        assert_eq!(clock(23 * 60 + 10), "23:10");
        assert_eq!(clock(3600 + 5 * 60 + 7), "1:05:07");
        assert_eq!(clock(-75), "-1:15");
    }
}
