//! The interests map of the minutes (a row per kind, a column per party and
//! one for the whole table when it holds anything), then every interest
//! recorded.

use super::*;

impl Builder<'_> {
    pub(super) fn interests(&mut self) {
        let s = self.s;
        self.heading(2, self.label(L::InterestsMap));
        // Each party's column, then the whole table's (issue 9) when it holds
        // anything: (id, heading, wants, offers).
        let mut columns: Vec<(&str, String, &str, &str)> = s
            .parties
            .iter()
            .map(|p| (p.id.as_str(), p.organisation.clone(), &*p.wants, &*p.offers))
            .collect();
        if s.has_table_items() {
            let name = s.holder_name(TABLE, self.lang);
            columns.push((TABLE, name, &s.table.wants, &s.table.offers));
        }
        if columns.is_empty() {
            self.table("map", Vec::new(), Vec::new());
        } else {
            let mut head = vec![String::new()];
            head.extend(columns.iter().map(|c| c.1.clone()));
            let mut rows: Vec<Row> = InterestKind::ALL
                .iter()
                .map(|&kind| {
                    let mut cells = vec![cell(i18n::kind_label(self.lang, kind))];
                    cells.extend(columns.iter().map(|c| {
                        Cell::List(s.interests_of(c.0, kind).map(|(_, i)| line(&i.text)).collect())
                    }));
                    Row { flag: None, cells }
                })
                .collect();
            for (label, wants) in [(Msg::Wants, true), (Msg::Offers, false)] {
                let mut cells = vec![cell(self.msg(label))];
                cells.extend(columns.iter().map(|c| Cell::Lines(opt_line(if wants { c.2 } else { c.3 }))));
                rows.push(Row { flag: None, cells });
            }
            self.blocks.push(Block::Table(Table { class: "map", head, row_heads: true, rows }));
            if let Some(at) = &s.table.updated_at {
                let note = format!(
                    "{}: {} / {} · {} {}",
                    s.holder_name(TABLE, self.lang),
                    self.msg(Msg::Wants),
                    self.msg(Msg::Offers),
                    self.msg(Msg::Updated),
                    self.when(at)
                );
                self.blocks.push(Block::Note(line(note)));
            }
        }

        self.heading(3, self.label(L::InterestsRecorded));
        let head = vec![
            self.label(L::Number),
            self.msg(Msg::Party),
            self.msg(Msg::Kind),
            self.msg(Msg::Interest),
            self.label(L::AddedInPhase),
            self.msg(Msg::Created),
            self.msg(Msg::Updated),
        ];
        let rows = (s.interests.iter().enumerate())
            .map(|(n, i)| Row {
                flag: None,
                cells: vec![
                    cell((n + 1).to_string()),
                    cell(self.party_name(&i.party)),
                    cell(i18n::kind_label(self.lang, i.kind)),
                    Cell::Lines(vec![line(&i.text)]),
                    cell(self.phase(i.phase)),
                    cell(self.when(&i.created_at)),
                    cell(self.when(&i.updated_at)),
                ],
            })
            .collect();
        self.table("interests", head, rows);
    }
}
