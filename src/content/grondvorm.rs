//! The basic-form chooser's content (`assets/grondvorm.json`) and the words
//! its pane and its export section share ([`Words`]): the two
//! questions, the four forms, the design principles (15 aspects in 4 groups,
//! one cell per form), the 15 key questions, the 20 reasons in 4 groups, the
//! three motive types and the five ambition dilemmas. Every text in Dutch
//! and English, each marked with its origin.
//!
//! The asset is parsed once, the first time it is needed, and checked
//! against the stable ids of `crate::domain::grondvorm`: every id present,
//! in the model's order, so that lookups by id are plain indexing.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::{Name, Text, parse_asset};
use crate::domain::grondvorm::*;

const EMBEDDED: &str = include_str!("../../assets/grondvorm.json");

crate::messages! { pub struct Words {
    Grondvorm => "Grondvorm", "Basic form";
    ChosenForm => "Gekozen grondvorm", "Chosen basic form";
    ChosenInPhase => "Gekozen in fase", "Chosen in phase";
    ChosenAt => "Gekozen op", "Chosen at";
    Rationale => "Onderbouwing", "Rationale";
    NoFormChosen => "De tafel heeft nog geen grondvorm gekozen.", "The table has not chosen a basic form yet.";
    PartyAnswers => "Antwoorden per partij", "Answers per party";
    PointsTo => "Wijst naar", "Points to";
    FormMismatch => "vormen lopen uiteen", "forms differ";
    MixedMeetings => "vorm wisselt per overleg", "form changes between meetings";
    KeyQuestions => "Sleutelvragen", "Key questions";
    KeyQuestion => "Sleutelvraag", "Key question";
    Answered => "beantwoord", "answered";
    OutOf => "van", "of";
    RoomAnswer => "Antwoord van de tafel", "The room's answer";
    Reference => "Referentie", "Reference";
    Group => "Groep", "Group";
    ReasonsAndMotives => "Redenen en motieven", "Reasons and motives";
    Reasons => "Redenen om samen te werken", "Reasons to collaborate";
    Motives => "Motieven", "Motives";
    AmbitionChoices => "Keuzes in het ontwikkelen van de ambitie", "Choices in developing the ambition";
    Dilemma => "Dilemma", "Dilemma";
    Choice => "Keuze", "Choice";
} }

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Content {
    pub questions: Questions,
    pub forms: Vec<FormInfo>,
    /// The model's warning against mixing forms.
    pub mixing: Text,
    pub form_mismatch: MismatchTexts,
    pub aspect_groups: Vec<AspectGroupInfo>,
    pub key_question_groups: Vec<KeyGroupInfo>,
    /// When the key questions matter most (phases 3 and 4).
    pub key_question_phases: Text,
    pub reason_groups: Vec<ReasonGroupInfo>,
    pub reasons_note: Text,
    pub motives: Vec<MotiveInfo>,
    pub dilemmas: Vec<DilemmaInfo>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Questions {
    pub intentie: QuestionInfo<Intentie>,
    pub aard: QuestionInfo<Aard>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionInfo<A: Ord> {
    pub name: Name,
    pub question: Text,
    pub answers: BTreeMap<A, AnswerInfo>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerInfo {
    pub name: Name,
    pub text: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormInfo {
    pub id: Grondvorm,
    pub name: Name,
    pub intentie: Intentie,
    pub aard: Aard,
    pub summary: Text,
    pub example: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MismatchTexts {
    /// What the flag says.
    pub flag: Text,
    /// Our advice: split the relationship into two pure forms.
    pub advice: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AspectGroupInfo {
    pub id: AspectGroup,
    pub name: Name,
    pub aspects: Vec<AspectInfo>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AspectInfo {
    pub id: Aspect,
    pub name: Name,
    /// The design principle of each form for this aspect.
    pub cells: BTreeMap<Grondvorm, Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyGroupInfo {
    pub id: KeyQuestionGroup,
    pub name: Name,
    /// The group's heading question ("How will we govern it?").
    pub question: Text,
    pub questions: Vec<KeyQuestionInfo>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyQuestionInfo {
    pub id: KeyQuestion,
    /// A short name for narrow columns.
    pub name: Name,
    pub text: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReasonGroupInfo {
    pub id: ReasonGroup,
    pub name: Name,
    pub reasons: Vec<ReasonInfo>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReasonInfo {
    pub id: Reason,
    pub name: Name,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MotiveInfo {
    pub id: Motive,
    pub name: Name,
    pub text: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DilemmaInfo {
    pub id: Dilemma,
    pub name: Name,
    pub poles: Vec<PoleInfo>,
    /// Our description of the two poles (the sources give names only).
    pub guidance: Text,
    /// What the sources do say, where they say something.
    #[serde(default)]
    pub note: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PoleInfo {
    pub id: Pole,
    pub name: Name,
}

/// A name of the content as a label wherever the interface takes a
/// [`Msg`](crate::i18n::Msg) (form fields, choices).
pub fn label(name: &'static Name) -> crate::i18n::Msg {
    crate::i18n::Msg::new("grondvorm", &name.nl, &name.en)
}

/// A text of the content in `lang`, with whose words it is: "… (model)".
pub fn marked(text: &Text, lang: crate::i18n::Lang) -> String {
    format!("{} ({})", text.get(lang), super::origin_label(text.origin, lang, true))
}

/// The content, parsed and checked on first use.
pub fn content() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| {
        let c: Content = parse_asset("grondvorm.json", EMBEDDED);
        if let Err(e) = c.check() {
            panic!("embedded asset grondvorm.json is invalid: {e}");
        }
        c
    })
}

impl Content {
    /// Every id of the brief present, in order, each form's cell given.
    fn check(&self) -> Result<(), String> {
        fn same<T: PartialEq + std::fmt::Debug>(what: &str, got: Vec<T>, want: &[T]) -> Result<(), String> {
            if got == want { Ok(()) } else { Err(format!("{what}: {got:?}, expected {want:?}")) }
        }
        same("forms", self.forms.iter().map(|f| f.id).collect(), Grondvorm::ALL)?;
        for f in &self.forms {
            if Grondvorm::from_answers(f.intentie, f.aard) != f.id {
                return Err(format!("form {} has the answers of another form", f.id.id()));
            }
        }
        same(
            "answers to intentie",
            self.questions.intentie.answers.keys().copied().collect(),
            Intentie::ALL,
        )?;
        same("answers to aard", self.questions.aard.answers.keys().copied().collect(), Aard::ALL)?;
        same("aspect groups", self.aspect_groups.iter().map(|g| g.id).collect(), AspectGroup::ALL)?;
        same("aspects", self.aspects().map(|a| a.id).collect(), Aspect::ALL)?;
        for g in &self.aspect_groups {
            for a in &g.aspects {
                if a.id.group() != g.id {
                    return Err(format!("aspect {} is in group {}", a.id.id(), g.id.id()));
                }
                same(a.id.id(), a.cells.keys().copied().collect(), Grondvorm::ALL)?;
            }
        }
        same(
            "key question groups",
            self.key_question_groups.iter().map(|g| g.id).collect(),
            KeyQuestionGroup::ALL,
        )?;
        same("key questions", self.key_questions().map(|q| q.id).collect(), KeyQuestion::ALL)?;
        for g in &self.key_question_groups {
            for q in &g.questions {
                if q.id.group() != g.id {
                    return Err(format!("key question {} is in group {}", q.id.id(), g.id.id()));
                }
            }
        }
        same("reason groups", self.reason_groups.iter().map(|g| g.id).collect(), ReasonGroup::ALL)?;
        same("reasons", self.reasons().map(|r| r.id).collect(), Reason::ALL)?;
        for g in &self.reason_groups {
            for r in &g.reasons {
                if r.id.group() != g.id {
                    return Err(format!("reason {} is in group {}", r.id.id(), g.id.id()));
                }
            }
        }
        same("motives", self.motives.iter().map(|m| m.id).collect(), Motive::ALL)?;
        same("dilemmas", self.dilemmas.iter().map(|d| d.id).collect(), Dilemma::ALL)?;
        for d in &self.dilemmas {
            same(d.id.id(), d.poles.iter().map(|p| p.id).collect(), &d.id.poles())?;
        }
        Ok(())
    }

    fn aspects(&self) -> impl Iterator<Item = &AspectInfo> {
        self.aspect_groups.iter().flat_map(|g| &g.aspects)
    }

    fn key_questions(&self) -> impl Iterator<Item = &KeyQuestionInfo> {
        self.key_question_groups.iter().flat_map(|g| &g.questions)
    }

    fn reasons(&self) -> impl Iterator<Item = &ReasonInfo> {
        self.reason_groups.iter().flat_map(|g| &g.reasons)
    }

    pub fn form(&self, f: Grondvorm) -> &FormInfo {
        &self.forms[f.index()]
    }

    pub fn intentie(&self, i: Intentie) -> &AnswerInfo {
        &self.questions.intentie.answers[&i]
    }

    pub fn aard(&self, a: Aard) -> &AnswerInfo {
        &self.questions.aard.answers[&a]
    }

    pub fn aspect_group(&self, g: AspectGroup) -> &AspectGroupInfo {
        &self.aspect_groups[g.index()]
    }

    pub fn aspect(&self, a: Aspect) -> &AspectInfo {
        self.aspects().nth(a.index()).expect("checked: every aspect in order")
    }

    /// The design principle of `form` for `aspect`.
    pub fn cell(&self, form: Grondvorm, aspect: Aspect) -> &Text {
        &self.aspect(aspect).cells[&form]
    }

    pub fn key_group(&self, g: KeyQuestionGroup) -> &KeyGroupInfo {
        &self.key_question_groups[g.index()]
    }

    pub fn key_question(&self, q: KeyQuestion) -> &KeyQuestionInfo {
        self.key_questions().nth(q.index()).expect("checked: every key question in order")
    }

    pub fn reason_group(&self, g: ReasonGroup) -> &ReasonGroupInfo {
        &self.reason_groups[g.index()]
    }

    pub fn reason(&self, r: Reason) -> &ReasonInfo {
        self.reasons().nth(r.index()).expect("checked: every reason in order")
    }

    pub fn motive(&self, m: Motive) -> &MotiveInfo {
        &self.motives[m.index()]
    }

    pub fn dilemma(&self, d: Dilemma) -> &DilemmaInfo {
        &self.dilemmas[d.index()]
    }

    pub fn pole(&self, p: Pole) -> &PoleInfo {
        &self.dilemma(p.dilemma()).poles[p.index() % 2]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Origin;

    /// Every text of the asset, with where it sits.
    fn texts(c: &Content) -> Vec<(String, &Text)> {
        let mut out: Vec<(String, &Text)> = vec![
            ("mixing".into(), &c.mixing),
            ("form_mismatch.flag".into(), &c.form_mismatch.flag),
            ("form_mismatch.advice".into(), &c.form_mismatch.advice),
            ("key_question_phases".into(), &c.key_question_phases),
            ("reasons_note".into(), &c.reasons_note),
            ("intentie".into(), &c.questions.intentie.question),
            ("aard".into(), &c.questions.aard.question),
        ];
        out.extend(c.questions.intentie.answers.iter().map(|(a, i)| (a.id().to_string(), &i.text)));
        out.extend(c.questions.aard.answers.iter().map(|(a, i)| (a.id().to_string(), &i.text)));
        for f in &c.forms {
            out.push((format!("{}.summary", f.id.id()), &f.summary));
            out.push((format!("{}.example", f.id.id()), &f.example));
        }
        for a in c.aspects() {
            out.extend(a.cells.iter().map(|(f, t)| (format!("{}.{}", a.id.id(), f.id()), t)));
        }
        for g in &c.key_question_groups {
            out.push((g.id.id().to_string(), &g.question));
            out.extend(g.questions.iter().map(|q| (q.id.id().to_string(), &q.text)));
        }
        out.extend(c.motives.iter().map(|m| (m.id.id().to_string(), &m.text)));
        for d in &c.dilemmas {
            out.push((format!("{}.guidance", d.id.id()), &d.guidance));
            out.extend(d.note.iter().map(|n| (format!("{}.note", d.id.id()), n)));
        }
        out
    }

    fn names(c: &Content) -> Vec<&Name> {
        let mut out = vec![&c.questions.intentie.name, &c.questions.aard.name];
        out.extend(c.questions.intentie.answers.values().map(|a| &a.name));
        out.extend(c.questions.aard.answers.values().map(|a| &a.name));
        out.extend(c.forms.iter().map(|f| &f.name));
        out.extend(c.aspect_groups.iter().map(|g| &g.name));
        out.extend(c.aspects().map(|a| &a.name));
        out.extend(c.key_question_groups.iter().map(|g| &g.name));
        out.extend(c.key_questions().map(|q| &q.name));
        out.extend(c.reason_groups.iter().map(|g| &g.name));
        out.extend(c.reasons().map(|r| &r.name));
        out.extend(c.motives.iter().map(|m| &m.name));
        for d in &c.dilemmas {
            out.push(&d.name);
            out.extend(d.poles.iter().map(|p| &p.name));
        }
        out
    }

    #[test]
    fn the_asset_parses_and_holds_every_id_of_the_brief() {
        let c = content();
        assert_eq!(c.forms.len(), 4);
        assert_eq!(c.aspects().count(), 15);
        assert_eq!(c.aspect_groups.iter().map(|g| g.aspects.len()).collect::<Vec<_>>(), [2, 6, 4, 3]);
        assert!(c.aspects().all(|a| a.cells.len() == 4));
        assert_eq!(c.key_questions().count(), 15);
        assert_eq!(c.key_question_groups.iter().map(|g| g.questions.len()).collect::<Vec<_>>(), [8, 4, 3]);
        assert_eq!(c.reasons().count(), 20);
        assert_eq!(c.reason_groups.iter().map(|g| g.reasons.len()).collect::<Vec<_>>(), [6, 5, 6, 3]);
        assert_eq!(c.motives.len(), 3);
        assert_eq!(c.dilemmas.len(), 5);
        assert!(c.dilemmas.iter().all(|d| d.poles.len() == 2));
        // Lookups by id land on the item with that id.
        for &q in KeyQuestion::ALL {
            assert_eq!(c.key_question(q).id, q);
        }
        for &a in Aspect::ALL {
            assert_eq!(c.aspect(a).id, a);
        }
        for &r in Reason::ALL {
            assert_eq!(c.reason(r).id, r);
        }
        for &p in Pole::ALL {
            assert_eq!(c.pole(p).id, p);
        }
        assert_eq!(
            c.cell(Grondvorm::Functioneel, Aspect::Contractering).en,
            "service level agreements (SLAs)"
        );
    }

    #[test]
    fn every_text_and_name_is_given_in_both_languages() {
        let c = content();
        for (at, t) in texts(c) {
            assert!(!t.nl.trim().is_empty() && !t.en.trim().is_empty(), "{at}");
            assert_ne!(t.nl, t.en, "{at}: not translated");
        }
        for n in names(c) {
            assert!(!n.nl.trim().is_empty() && !n.en.trim().is_empty(), "{n:?}");
        }
        assert_eq!(texts(c).len(), 7 + 4 + 4 * 2 + 60 + 3 + 15 + 3 + 5 + 1);
    }

    #[test]
    fn guidance_the_sources_do_not_give_is_marked_as_ours() {
        let c = content();
        // Names only in the sources: our descriptions of the dilemmas.
        assert!(c.dilemmas.iter().all(|d| d.guidance.origin == Origin::Ours));
        // The note on designing after agreement is the sources'.
        assert_eq!(c.dilemma(Dilemma::OntwerpenOntwikkelen).note.as_ref().unwrap().origin, Origin::Model);
        // The mismatch flag and the split advice are our proposal; so is
        // tying the key questions to phases 3 and 4.
        assert_eq!(c.form_mismatch.flag.origin, Origin::Ours);
        assert_eq!(c.form_mismatch.advice.origin, Origin::Ours);
        assert_eq!(c.key_question_phases.origin, Origin::Ours);
        // The design table, the questions and the forms are the model's.
        assert!(c.aspects().flat_map(|a| a.cells.values()).all(|t| t.origin == Origin::Model));
        assert!(c.key_questions().all(|q| q.text.origin == Origin::Model));
        assert_eq!(c.mixing.origin, Origin::Model);
    }

    #[test]
    fn a_wrong_order_is_caught() {
        let mut c: Content = parse_asset("grondvorm.json", EMBEDDED);
        c.forms.swap(0, 1);
        assert!(c.check().unwrap_err().starts_with("forms"));
        let mut c: Content = parse_asset("grondvorm.json", EMBEDDED);
        c.key_question_groups[0].questions.swap(0, 2);
        assert!(c.check().is_err());
        let mut c: Content = parse_asset("grondvorm.json", EMBEDDED);
        c.aspect_groups[1].aspects[0].cells.remove(&Grondvorm::Verkennend);
        assert!(c.check().is_err());
    }
}
