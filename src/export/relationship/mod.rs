//! The relationship instruments in the minutes (issue 10): the thermometer
//! readings with the interventions tried and the chart over the chain, the
//! reformulations of the conversation coach (`thermometer.rs`), the five
//! conditions with their flags and trend and the trust stage with its trend
//! (`conditions.rs`), and the typical-problems diagnosis (`diagnosis.rs`).
//! Every text from `assets/relationship.json` is marked with whose words it
//! is: "(model)" or "(kompas)".

mod conditions;
mod diagnosis;
mod thermometer;

use chrono::{Datelike, NaiveDate};

use super::doc::*;
use super::labels::moment;
use crate::content::relationship::{W, guide};
use crate::content::{Text, origin_label};
use crate::domain::{Extra, Session, Temperature, Timestamp};
use crate::i18n::{self, Lang, Msg};

/// The meetings of the chain up to and including `session`, in date order:
/// `earlier` may hold any meetings; those of the same collaboration dated
/// before it (or on its day but created before it) are used.
pub fn chain<'a>(session: &'a Session, earlier: &'a [Session]) -> Vec<&'a Session> {
    let key = |s: &Session| (s.meeting_date, s.created_at);
    let mut out: Vec<&Session> = earlier
        .iter()
        .filter(|s| {
            s.id != session.id && s.collaboration_id() == session.collaboration_id() && key(s) < key(session)
        })
        .collect();
    out.sort_by_key(|s| key(s));
    out.push(session);
    out
}

struct Out<'a> {
    s: &'a Session,
    chain: Vec<&'a Session>,
    lang: Lang,
    blocks: Vec<Block>,
    /// An instrument text was shown, so the legend of origins is needed.
    marked: bool,
}

/// The blocks of the relationship instruments: the temperature section
/// always (as before), the others when they hold anything.
pub(super) fn blocks(session: &Session, earlier: &[Session], lang: Lang) -> Vec<Block> {
    let mut o = Out { s: session, chain: chain(session, earlier), lang, blocks: Vec::new(), marked: false };
    o.thermometer();
    o.reformulations();
    o.conditions();
    o.trust();
    o.diagnosis();
    if o.marked {
        o.blocks.push(Block::Note(line(W::WhoseWords.get(lang))));
    }
    o.blocks
}

/// The minutes' charts of the relationship over the chain (the thermometer
/// and the five conditions, each when two or more meetings have values), as
/// inline SVG with text of `font` user units: the room display shows them.
pub fn history_charts(
    session: &Session,
    earlier: &[Session],
    lang: Lang,
    font: f32,
) -> Vec<(&'static str, String)> {
    let mut o = Out { s: session, chain: chain(session, earlier), lang, blocks: Vec::new(), marked: false };
    o.thermometer_chart();
    let trend = crate::domain::conditions_trend(o.chain.iter().copied());
    o.conditions_chart(&trend);
    o.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Chart(c) => {
                let mut svg = String::new();
                super::chart::svg_sized(&mut svg, c, font);
                Some((c.class, svg))
            }
            _ => None,
        })
        .collect()
}

fn cell(s: impl Into<String>) -> Cell {
    Cell::Lines(vec![line(s)])
}

impl Out<'_> {
    fn w(&self, w: Msg) -> String {
        w.get(self.lang).to_string()
    }

    fn m(&self, m: Msg) -> String {
        m.get(self.lang).to_string()
    }

    fn when(&self, at: &Timestamp) -> String {
        moment(self.lang, at, self.s.meeting_date)
    }

    fn day(&self, d: NaiveDate) -> String {
        i18n::short_date(self.lang, d, self.s.meeting_date.year())
    }

    fn heading(&mut self, level: u8, s: String) {
        self.blocks.push(Block::Heading(level, line(s)));
    }

    /// A party's name, or "De hele tafel" / "The whole table" (a
    /// reformulation captured for all parties together).
    fn party(&self, id: &str) -> String {
        self.s.holder_name(id, self.lang)
    }

    /// An instrument text with its origin mark.
    fn marked(&mut self, t: &Text) -> Line {
        self.marked = true;
        vec![
            text(t.get(self.lang)),
            text(" "),
            Inline::Em(format!("({})", origin_label(t.origin, self.lang, true))),
        ]
    }

    fn level(&self, t: Temperature) -> String {
        i18n::temperature_label(self.lang, t).to_string()
    }

    fn table(&mut self, class: &'static str, head: Vec<String>, rows: Vec<Row>) {
        if rows.is_empty() {
            self.blocks
                .push(Block::Para(vec![Inline::Em(super::labels::L::NothingRecorded.get(self.lang).into())]));
        } else {
            self.blocks.push(Block::Table(Table { class, head, row_heads: false, rows }));
        }
    }
}

/// The fields a newer kompas wrote into the relationship instruments' own
/// objects, with whom they belong to, for the minutes' "Other fields".
pub(super) fn extras(s: &Session, lang: Lang) -> Vec<(Line, &Extra)> {
    let mut out: Vec<(Line, &Extra)> = Vec::new();
    let party = |id: &str| s.party(id).map_or_else(|| id.to_string(), |p| p.organisation.clone());
    for (n, t) in s.temperature.iter().enumerate() {
        for (id, ticked) in &t.tried {
            out.push((line(format!("{} {} · {id}", Msg::Temperature.get(lang), n + 1)), &ticked.extra));
        }
    }
    for (c, check) in &s.conditions {
        let name = guide().condition(*c).name.get(lang);
        out.push((line(name), &check.extra));
        for (p, ps) in &check.parties {
            out.push((vec![text(format!("{name} · ")), text(party(p))], &ps.extra));
        }
    }
    if let Some(t) = &s.trust {
        out.push((line(W::Trust.get(lang)), &t.extra));
    }
    out.push((line(W::TypicalProblems.get(lang)), &s.diagnosis.extra));
    for (p, check) in &s.diagnosis.problems {
        let name = guide().problem(*p).name.get(lang);
        out.push((line(name), &check.extra));
        for (id, t) in &check.indicators {
            out.push((line(format!("{name} · {id}")), &t.extra));
        }
        for (id, c) in &check.interventions {
            out.push((line(format!("{name} · {id}")), &c.extra));
        }
    }
    out
}
