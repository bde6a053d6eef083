//! The five conditions with their flags and trend, and the trust stage.
use super::cell;
use crate::content::relationship::{W, guide};
use crate::domain::{
    Condition, ConditionFlag, ConditionsTrend, TrustMove, conditions_trend, format_tenths, trust_move,
    trust_trend,
};
use crate::export::doc::*;
use crate::export::labels::L;
use crate::i18n::{self, Lang, Msg};

impl super::Out<'_> {
    // ---- the five conditions -------------------------------------------

    fn score(&self, v: u8) -> String {
        format_tenths(v, self.lang == Lang::Nl)
    }

    pub(super) fn conditions(&mut self) {
        let s = self.s;
        let trend = conditions_trend(self.chain.iter().copied());
        if s.conditions.is_empty() && trend.is_empty() {
            return;
        }
        self.heading(2, self.w(W::FiveConditions));
        let scale = self.marked(&guide().conditions.scale);
        self.blocks.push(Block::Note(scale));
        let head = vec![
            self.w(W::Condition),
            self.w(W::Score),
            self.m(Msg::Note),
            self.w(W::PerParty),
            L::Time.get(self.lang).to_string(),
        ];
        let mut rows = Vec::new();
        for &c in Condition::ALL {
            let name = guide().condition(c).name.get(self.lang).to_string();
            let Some(check) = s.conditions.get(&c) else {
                rows.push(Row {
                    flag: None,
                    cells: vec![
                        cell(name),
                        Cell::Lines(vec![]),
                        Cell::Lines(vec![]),
                        Cell::List(vec![]),
                        Cell::Lines(vec![]),
                    ],
                });
                continue;
            };
            let score = match (check.score, check.value()) {
                (Some(v), _) => vec![line(v.to_string())],
                (None, Some(mean)) => {
                    vec![line(format!("{} ({})", self.score(mean), self.w(W::MeanOfParties)))]
                }
                (None, None) => Vec::new(),
            };
            let parties = check
                .parties
                .iter()
                .map(|(p, ps)| {
                    let mut l = vec![text(self.party(p)), text(format!(": {}", ps.score))];
                    if !ps.note.is_empty() {
                        l.extend([text(" · "), text(&ps.note)]);
                    }
                    l.push(text(format!(" ({})", self.when(&ps.at))));
                    l
                })
                .collect();
            let flag = trend.flags().iter().any(|f| f.condition() == c).then_some(Flag::Attention);
            rows.push(Row {
                flag,
                cells: vec![
                    cell(name),
                    Cell::Lines(score),
                    Cell::Lines(opt_line(&check.note)),
                    Cell::List(parties),
                    cell(self.when(&check.at)),
                ],
            });
        }
        self.table("conditions", head, rows);
        self.condition_flags(&trend.flags());
        self.conditions_chart(&trend);
    }

    fn condition_flags(&mut self, flags: &[ConditionFlag]) {
        for &c in Condition::ALL {
            let mine: Vec<&ConditionFlag> = flags.iter().filter(|f| f.condition() == c).collect();
            if mine.is_empty() {
                continue;
            }
            let g = guide().condition(c);
            let what: Vec<String> = mine
                .iter()
                .map(|f| match f {
                    ConditionFlag::Low { value, .. } => {
                        format!("{} ({})", self.w(W::Low), self.score(*value))
                    }
                    ConditionFlag::Drop { from, to, .. } => {
                        format!("{} ({} → {})", self.w(W::Drop), self.score(*from), self.score(*to))
                    }
                    ConditionFlag::Spread { points, .. } => {
                        format!("{} ({} {})", self.w(W::Spread), points, self.w(W::Points))
                    }
                })
                .collect();
            let mut l = vec![Inline::Flag(
                Flag::Attention,
                format!("⚠ {}: {}.", g.name.get(self.lang), what.join(", ")),
            )];
            for f in &mine {
                let t = match f {
                    ConditionFlag::Low { .. } => &guide().conditions.low,
                    ConditionFlag::Drop { .. } => &guide().conditions.drop,
                    ConditionFlag::Spread { .. } => &guide().conditions.spread,
                };
                l.push(text(" "));
                l.extend(self.marked(t));
            }
            for t in [&g.attention, &g.next_step] {
                l.push(text(" "));
                l.extend(self.marked(t));
            }
            self.blocks.push(Block::Para(l));
        }
    }

    pub(super) fn conditions_chart(&mut self, trend: &ConditionsTrend) {
        if trend.meetings.len() < 2 || trend.is_empty() {
            return;
        }
        self.heading(3, self.w(W::OverTheMeetings));
        let dates: Vec<String> = trend.meetings.iter().map(|m| i18n::date(self.lang, m.date)).collect();
        let mut head = vec![self.w(W::Condition)];
        head.extend(dates);
        let value_cell = |v: Option<u8>| v.map_or(Cell::Lines(vec![]), |v| cell(self.score(v)));
        let mut rows: Vec<Row> = Condition::ALL
            .iter()
            .map(|&c| {
                let mut cells = vec![cell(guide().condition(c).name.get(self.lang))];
                cells.extend(trend.series(c).into_iter().map(value_cell));
                Row { flag: None, cells }
            })
            .collect();
        let mut mean = vec![cell(self.w(W::Mean))];
        mean.extend(trend.means().into_iter().map(value_cell));
        rows.push(Row { flag: None, cells: mean });
        // Lines of equal scores would hide each other: each condition is
        // nudged a hair off the grid line, in model order.
        let series = Condition::ALL
            .iter()
            .map(|&c| {
                let nudge = (c.index() as f32 - 2.0) * 0.07;
                Series {
                    name: guide().condition(c).name.get(self.lang).to_string(),
                    points: trend
                        .series(c)
                        .iter()
                        .enumerate()
                        .filter_map(|(i, v)| v.map(|v| (i as f32, f32::from(v) / 10.0 - 1.0 + nudge)))
                        .collect(),
                    line: true,
                }
            })
            .collect();
        let chart = Chart {
            class: "conditions",
            title: self.w(W::ConditionsChart),
            x: trend.meetings.iter().map(|m| self.day(m.date)).collect(),
            y: (1..=5).map(|n| n.to_string()).collect(),
            series,
            table: Table { class: "conditions-trend", head, row_heads: true, rows },
        };
        self.blocks.push(Block::Chart(chart));
    }

    // ---- trust ------------------------------------------------------------

    pub(super) fn trust(&mut self) {
        let s = self.s;
        let trend = trust_trend(self.chain.iter().copied());
        if s.trust.is_none() && trend.iter().all(|(_, t)| t.is_none()) {
            return;
        }
        self.heading(2, self.w(W::Trust));
        if let Some(t) = &s.trust {
            let stage = guide().stage(t.stage);
            let mut value = line(format!("{} · {} — ", t.stage.number(), stage.name.get(self.lang)));
            value.extend(self.marked(&stage.about));
            let mut facts = vec![(self.w(W::Stage), value)];
            facts.push((self.m(Msg::Note), line(if t.note.is_empty() { "—" } else { &t.note })));
            facts.push((L::Time.get(self.lang).to_string(), line(self.when(&t.at))));
            if let Some(m) = trust_move(&trend) {
                let word = match m {
                    TrustMove::First => None,
                    TrustMove::Up => Some(("↑", W::TrustUp)),
                    TrustMove::Same => Some(("=", W::TrustSame)),
                    TrustMove::Down => Some(("⚠ ↓", W::TrustDown)),
                };
                if let Some((mark, w)) = word {
                    let l = if m == TrustMove::Down {
                        let mut l =
                            vec![Inline::Flag(Flag::Attention, format!("{mark} {}", self.w(w))), text(" ")];
                        l.extend(self.marked(&guide().trust.about));
                        l
                    } else {
                        line(format!("{mark} {}", self.w(w)))
                    };
                    facts.push((self.w(W::OverTheMeetings), l));
                }
            }
            self.blocks.push(Block::Facts(facts));
        }
        if trend.len() >= 2 {
            let rows = trend
                .iter()
                .map(|(d, t)| {
                    let stage =
                        t.map(|t| format!("{} · {}", t.number(), guide().stage(t).name.get(self.lang)));
                    Row {
                        flag: None,
                        cells: vec![
                            cell(i18n::date(self.lang, *d)),
                            Cell::Lines(opt_line(stage.as_deref().unwrap_or(""))),
                        ],
                    }
                })
                .collect();
            self.blocks.push(Block::Table(Table {
                class: "trust",
                head: vec![self.w(W::Meeting), self.w(W::Stage)],
                row_heads: false,
                rows,
            }));
        }
    }
}
