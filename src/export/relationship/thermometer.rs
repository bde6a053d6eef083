//! The thermometer's readings, the interventions tried, the chart of the
//! chain, and the conversation coach's reformulations.
use super::cell;
use crate::content::relationship::{W, guide};
use crate::domain::{Temperature, Timestamp, reading_history};
use crate::export::doc::*;
use crate::export::labels::{L, phase_cell};
use crate::i18n::{self, Msg};

impl super::Out<'_> {
    // ---- the thermometer ------------------------------------------------

    pub(super) fn thermometer(&mut self) {
        let s = self.s;
        self.heading(2, self.m(Msg::Temperature));
        let head = vec![
            L::Number.get(self.lang).to_string(),
            L::Time.get(self.lang).to_string(),
            self.w(W::ReadingBy),
            self.m(Msg::Temperature),
            self.m(Msg::Phase),
            self.m(Msg::Note),
            self.w(W::Tried),
        ];
        let mut rows = Vec::new();
        for (n, t) in s.temperature.iter().enumerate() {
            let by = t.party.as_deref().map_or_else(|| self.w(W::FacilitatorReader), |p| self.party(p));
            let mut tried: Vec<(&Timestamp, Line)> = Vec::new();
            for (id, ticked) in &t.tried {
                let l = match guide().intervention(id) {
                    Some(item) => self.marked(&item.text),
                    None => line(id.as_str()),
                };
                tried.push((&ticked.at, l));
            }
            tried.sort_by_key(|(at, _)| **at);
            let tried = tried
                .into_iter()
                .map(|(at, l)| {
                    let mut out = vec![text(self.when(at)), text(" · ")];
                    out.extend(l);
                    out
                })
                .collect();
            rows.push(Row {
                flag: None,
                cells: vec![
                    cell((n + 1).to_string()),
                    cell(self.when(&t.at)),
                    cell(by),
                    cell(self.level(t.level)),
                    cell(phase_cell(self.lang, t.phase)),
                    Cell::Lines(opt_line(&t.note)),
                    Cell::List(tried),
                ],
            });
        }
        self.table("temperature", head, rows);
        for d in s.reading_differences() {
            let mut l = vec![
                Inline::Flag(Flag::Attention, "⚠".into()),
                text(" "),
                text(self.party(&d.party)),
                text(format!(
                    " {} {}; {} {}. ",
                    self.w(W::Reads),
                    self.level(d.party_level),
                    self.w(W::FacilitatorReads),
                    self.level(d.facilitator_level)
                )),
            ];
            l.extend(self.marked(&guide().thermometer.party_readings));
            self.blocks.push(Block::Para(l));
        }
        self.thermometer_chart();
    }

    pub(super) fn thermometer_chart(&mut self) {
        let h = reading_history(self.chain.iter().copied());
        if h.meetings.len() < 2 || h.readings.is_empty() {
            return;
        }
        self.heading(3, self.w(W::OverTheMeetings));
        let facilitator = self.w(W::FacilitatorReader);
        // Spread a meeting's readings over its band, in time order.
        let mut per_meeting = vec![0usize; h.meetings.len()];
        for r in &h.readings {
            per_meeting[r.meeting] += 1;
        }
        let mut seen = vec![0usize; h.meetings.len()];
        let mut series: Vec<Series> =
            vec![Series { name: facilitator.clone(), points: Vec::new(), line: true }];
        for r in &h.readings {
            let k = seen[r.meeting];
            seen[r.meeting] += 1;
            let m = per_meeting[r.meeting] as f32;
            let x = r.meeting as f32 + 0.6 * ((k as f32 + 0.5) / m - 0.5);
            let name = r.party.clone().unwrap_or_else(|| facilitator.clone());
            let i = match series.iter().position(|s| s.name == name) {
                Some(i) => i,
                None => {
                    series.push(Series { name, points: Vec::new(), line: false });
                    series.len() - 1
                }
            };
            series[i].points.push((x, r.level.index() as f32));
        }
        let rows = h
            .meetings
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let mine: Vec<String> = h
                    .readings
                    .iter()
                    .filter(|r| r.meeting == i && r.party.is_none())
                    .map(|r| self.level(r.level))
                    .collect();
                let parties: Vec<Line> = h
                    .readings
                    .iter()
                    .filter(|r| r.meeting == i)
                    .filter_map(|r| {
                        r.party.as_ref().map(|p| vec![text(p), text(format!(": {}", self.level(r.level)))])
                    })
                    .collect();
                Row {
                    flag: None,
                    cells: vec![
                        cell(i18n::date(self.lang, *d)),
                        Cell::Lines(opt_line(&mine.join(" → "))),
                        Cell::List(parties),
                    ],
                }
            })
            .collect();
        let table = Table {
            class: "thermometer",
            head: vec![self.w(W::Meeting), self.m(Msg::Facilitator), self.m(Msg::Parties)],
            row_heads: false,
            rows,
        };
        let chart = Chart {
            class: "thermometer",
            title: self.w(W::ThermometerChart),
            x: h.meetings.iter().map(|d| self.day(*d)).collect(),
            y: Temperature::ALL.iter().map(|t| self.level(*t)).collect(),
            series,
            table,
        };
        self.blocks.push(Block::Chart(chart));
    }

    // ---- the coach's reformulations ------------------------------------

    pub(super) fn reformulations(&mut self) {
        let s = self.s;
        if s.interests.iter().all(|i| i.position.is_none()) {
            return;
        }
        self.heading(2, self.w(W::Reformulations));
        let head = vec![
            L::Number.get(self.lang).to_string(),
            self.m(Msg::Party),
            self.m(Msg::Kind),
            self.w(W::PositionAsSaid),
            self.w(W::InterestBehind),
            self.w(W::Move),
            self.m(Msg::Created),
        ];
        let mut rows = Vec::new();
        for (n, i) in s.interests.iter().enumerate() {
            let Some(position) = &i.position else { continue };
            let how =
                i.reformulation.map(|m| guide().move_(m).name.get(self.lang).to_string()).unwrap_or_default();
            rows.push(Row {
                flag: None,
                cells: vec![
                    cell((n + 1).to_string()),
                    cell(self.party(&i.party)),
                    cell(i18n::kind_label(self.lang, i.kind)),
                    Cell::Lines(vec![line(position)]),
                    Cell::Lines(vec![line(&i.text)]),
                    Cell::Lines(opt_line(&how)),
                    cell(self.when(&i.created_at)),
                ],
            });
        }
        self.table("reformulations", head, rows);
    }
}
