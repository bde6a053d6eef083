//! The reflections section of the minutes: the answers per phase.

use super::*;

impl Builder<'_> {
    pub(super) fn reflections(&mut self) {
        let (lang, s) = (self.lang, self.s);
        self.heading(2, self.label(L::Reflections));
        if s.reflections.is_empty() {
            self.table("reflections", Vec::new(), Vec::new());
        }
        for phase in Phase::ALL {
            let rows: Vec<Row> = (s.reflections.iter().enumerate())
                .filter(|(_, r)| r.phase == phase)
                .map(|(n, r)| {
                    let mut question = vec![line(&r.question)];
                    if r.prompt.is_none() {
                        question.push(vec![Inline::Em(Msg::OwnQuestionTag.get(lang).to_string())]);
                    }
                    let mut time = vec![line(self.when(&r.created_at))];
                    if r.updated_at != r.created_at {
                        time.push(line(format!(
                            "{} {}",
                            L::UpdatedShort.get(lang),
                            self.when(&r.updated_at)
                        )));
                    }
                    let cells = vec![
                        cell((n + 1).to_string()),
                        Cell::Lines(question),
                        Cell::Lines(vec![line(&r.answer)]),
                        Cell::Lines(time),
                    ];
                    Row { flag: None, cells }
                })
                .collect();
            if !rows.is_empty() {
                self.heading(3, format!("{} · {}", phase.number(), i18n::phase_name(lang, phase)));
                let head = vec![
                    self.label(L::Number),
                    self.msg(Msg::Question),
                    self.msg(Msg::Answer),
                    self.label(L::Time),
                ];
                self.table("reflections", head, rows);
            }
        }
    }
}
