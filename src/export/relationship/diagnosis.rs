//! The typical-problems diagnosis: the route's note and the checklist.
use super::cell;
use crate::content::relationship::{W, guide};
use crate::domain::{RouteField, Timestamp};
use crate::export::doc::*;
use crate::i18n::{self, Msg};

impl super::Out<'_> {
    // ---- typical problems -------------------------------------------------

    pub(super) fn diagnosis(&mut self) {
        let s = self.s;
        let d = &s.diagnosis;
        if d.is_empty() {
            return;
        }
        self.heading(2, self.w(W::TypicalProblems));
        let about = self.marked(&guide().problems.about);
        self.blocks.push(Block::Note(about));
        self.heading(3, self.w(W::DiagnosisRoute));
        let mut facts = Vec::new();
        for &f in RouteField::ALL {
            let name = guide().route_step(f).name.get(self.lang).to_string();
            let mut value = d.route.get(&f).map_or_else(|| line("—"), line);
            if f == RouteField::Doorgaan
                && let Some(c) = d.continuation
            {
                let mut l = self.marked(guide().continuation(c));
                if d.route.contains_key(&f) {
                    l.push(text(" · "));
                    l.extend(value);
                }
                value = l;
            }
            facts.push((name, value));
        }
        self.blocks.push(Block::Facts(facts));
        let head = vec![
            self.w(W::Problem),
            self.w(W::Finding),
            self.w(W::Indicators),
            self.w(W::OwnWords),
            self.w(W::InterventionsAgreements),
            self.m(Msg::Updated),
        ];
        let mut rows = Vec::new();
        for (p, check) in &d.problems {
            let g = guide().problem(*p);
            let finding = check.finding.map(|f| self.marked(guide().finding(f))).into_iter().collect();
            let mut indicators: Vec<(&Timestamp, Line)> = Vec::new();
            for (id, t) in &check.indicators {
                let l = match g.indicator(id) {
                    Some(item) => self.marked(&item.text),
                    None => line(id.as_str()),
                };
                indicators.push((&t.at, l));
            }
            indicators.sort_by_key(|(at, _)| **at);
            let indicators = indicators
                .into_iter()
                .map(|(at, mut l)| {
                    l.push(text(format!(" · {}", self.when(at))));
                    l
                })
                .collect();
            let mut chosen = Vec::new();
            for (id, c) in &check.interventions {
                let mut l = match g.intervention(id) {
                    Some(item) => self.marked(&item.text),
                    None => line(id.as_str()),
                };
                l.push(text(" → "));
                match s.agreement_index(&c.agreement) {
                    Some(i) => {
                        let a = &s.agreements[i];
                        l.push(text(format!("{} {}: ", Msg::Agreement.get(self.lang), i + 1)));
                        l.push(text(&a.text));
                        l.push(text(format!(" ({})", i18n::status_label(self.lang, a.status))));
                    }
                    None => l.push(Inline::Em(self.w(W::AgreementElsewhere))),
                }
                l.push(text(format!(" · {}", self.when(&c.at))));
                chosen.push(l);
            }
            rows.push(Row {
                flag: None,
                cells: vec![
                    cell(g.name.get(self.lang)),
                    Cell::Lines(finding),
                    Cell::List(indicators),
                    Cell::Lines(opt_line(&check.note)),
                    Cell::List(chosen),
                    cell(self.when(&check.updated_at)),
                ],
            });
        }
        if !rows.is_empty() {
            self.table("problems", head, rows);
        }
    }
}
