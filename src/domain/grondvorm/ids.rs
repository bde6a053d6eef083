//! The stable ids of the basic-form chooser (`kompas-instruments.md` §1, §5,
//! §6): the two questions and their answers, the four forms, the 15 design
//! aspects and 15 key questions, the 20 reasons to collaborate, the three
//! motive types and the five ambition dilemmas. Each id is the serde name
//! written in session files and the key of the item in
//! `assets/grondvorm.json`; it never changes.

use serde::{Deserialize, Serialize};

use crate::domain::Phase;

/// An enum of stable ids: `ALL` in the model's order, `id()` and `from_id()`.
macro_rules! ids {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $v:ident => $id:literal,)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name { $($(#[$vdoc])* #[serde(rename = $id)] $v,)* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$v),*];

            pub fn id(self) -> &'static str {
                match self { $($name::$v => $id,)* }
            }

            pub fn from_id(id: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|x| x.id() == id)
            }

            /// Position in `ALL`.
            pub fn index(self) -> usize {
                self as usize
            }
        }
    };
}

ids! {
    /// The first question: work smarter, or discover something new?
    Intentie {
        Verbeteren => "verbeteren",
        Vernieuwen => "vernieuwen",
    }
}

ids! {
    /// The second question: a lasting exchange, or partly integrated work?
    Aard {
        Uitwisselen => "uitwisselen",
        Delen => "delen",
    }
}

ids! {
    /// The four basic forms (grondvormen), in the order of the design table.
    Grondvorm {
        Transactioneel => "transactioneel",
        Functioneel => "functioneel",
        Ondernemend => "ondernemend",
        Verkennend => "verkennend",
    }
}

impl Grondvorm {
    /// The form an answer pair points to.
    pub fn from_answers(intentie: Intentie, aard: Aard) -> Grondvorm {
        match (intentie, aard) {
            (Intentie::Verbeteren, Aard::Uitwisselen) => Grondvorm::Transactioneel,
            (Intentie::Verbeteren, Aard::Delen) => Grondvorm::Functioneel,
            (Intentie::Vernieuwen, Aard::Uitwisselen) => Grondvorm::Verkennend,
            (Intentie::Vernieuwen, Aard::Delen) => Grondvorm::Ondernemend,
        }
    }

    pub fn intentie(self) -> Intentie {
        match self {
            Grondvorm::Transactioneel | Grondvorm::Functioneel => Intentie::Verbeteren,
            Grondvorm::Ondernemend | Grondvorm::Verkennend => Intentie::Vernieuwen,
        }
    }

    pub fn aard(self) -> Aard {
        match self {
            Grondvorm::Transactioneel | Grondvorm::Verkennend => Aard::Uitwisselen,
            Grondvorm::Functioneel | Grondvorm::Ondernemend => Aard::Delen,
        }
    }
}

ids! {
    /// The four groups of the design principles.
    AspectGroup {
        Doel => "doel",
        Besturing => "besturing",
        Gedragsafspraken => "gedragsafspraken",
        OperationeleUitwerking => "operationele_uitwerking",
    }
}

ids! {
    /// The 15 aspects of the design principles (Tabel 1), in table order.
    Aspect {
        Intentie => "intentie",
        Aard => "aard",
        OnderlingeVerhoudingen => "onderlinge_verhoudingen",
        Huishouding => "huishouding",
        Besluitvorming => "besluitvorming",
        PlanningControl => "planning_control",
        PrestatieIndicatoren => "prestatie_indicatoren",
        Contractering => "contractering",
        GepropageerdGedrag => "gepropageerd_gedrag",
        Sleutelrollen => "sleutelrollen",
        Managementstijl => "managementstijl",
        Identiteit => "identiteit",
        Informatiestrategie => "informatiestrategie",
        Werkproces => "werkproces",
        Ict => "ict",
    }
}

impl Aspect {
    pub fn group(self) -> AspectGroup {
        match self.index() {
            0..=1 => AspectGroup::Doel,
            2..=7 => AspectGroup::Besturing,
            8..=11 => AspectGroup::Gedragsafspraken,
            _ => AspectGroup::OperationeleUitwerking,
        }
    }
}

ids! {
    /// The three groups of key questions.
    KeyQuestionGroup {
        Besturing => "besturing",
        Gedrag => "gedrag",
        Operationeel => "operationeel",
    }
}

ids! {
    /// The 15 key questions (Tabel 2): 8 on governance, 4 on behaviour, 3 on
    /// operations.
    KeyQuestion {
        Verhoudingen => "kv_verhoudingen",
        Rolverdeling => "kv_rolverdeling",
        Huishouding => "kv_huishouding",
        Besluitvorming => "kv_besluitvorming",
        PlanningControl => "kv_planning_control",
        Besturingsinstrumenten => "kv_besturingsinstrumenten",
        PrestatieIndicatoren => "kv_prestatie_indicatoren",
        Contractering => "kv_contractering",
        Gedrag => "kv_gedrag",
        Sleutelrollen => "kv_sleutelrollen",
        Managementstijl => "kv_managementstijl",
        Identiteit => "kv_identiteit",
        Informatiedeling => "kv_informatiedeling",
        Werkproces => "kv_werkproces",
        Ict => "kv_ict",
    }
}

/// The phases in which the key questions matter most: agreeing on course
/// (3) and shaping the solution (4). Our reading of the model's process use.
pub const KEY_QUESTION_PHASES: [Phase; 2] = [Phase::Overeenkomen, Phase::Vormgeven];

impl KeyQuestion {
    pub fn group(self) -> KeyQuestionGroup {
        match self.index() {
            0..=7 => KeyQuestionGroup::Besturing,
            8..=11 => KeyQuestionGroup::Gedrag,
            _ => KeyQuestionGroup::Operationeel,
        }
    }

    /// The design aspect whose cell is the reference answer. The questions
    /// follow the governance, behaviour and operations aspects in order;
    /// relations and roles share one aspect, as do planning and steering
    /// instruments.
    pub fn aspect(self) -> Aspect {
        use KeyQuestion as K;
        match self {
            K::Verhoudingen | K::Rolverdeling => Aspect::OnderlingeVerhoudingen,
            K::Huishouding => Aspect::Huishouding,
            K::Besluitvorming => Aspect::Besluitvorming,
            K::PlanningControl | K::Besturingsinstrumenten => Aspect::PlanningControl,
            K::PrestatieIndicatoren => Aspect::PrestatieIndicatoren,
            K::Contractering => Aspect::Contractering,
            K::Gedrag => Aspect::GepropageerdGedrag,
            K::Sleutelrollen => Aspect::Sleutelrollen,
            K::Managementstijl => Aspect::Managementstijl,
            K::Identiteit => Aspect::Identiteit,
            K::Informatiedeling => Aspect::Informatiestrategie,
            K::Werkproces => Aspect::Werkproces,
            K::Ict => Aspect::Ict,
        }
    }

    /// Whether `phase` is one where the key questions matter most.
    pub fn matter_most_in(phase: Phase) -> bool {
        KEY_QUESTION_PHASES.contains(&phase)
    }
}

ids! {
    /// The four groups of reasons to collaborate.
    ReasonGroup {
        MarktontwikkelingPositie => "marktontwikkeling_positie",
        Kostenvoordelen => "kostenvoordelen",
        Kennisontwikkeling => "kennisontwikkeling",
        ExterneDruk => "externe_druk",
    }
}

ids! {
    /// The 20 reasons to collaborate (Tabel 2.1), in the order of their groups.
    Reason {
        Marketingkracht => "marketingkracht",
        Distributiekracht => "distributiekracht",
        NieuweMarktenProducten => "nieuwe_markten_producten",
        ToegangNieuweMarkten => "toegang_nieuwe_markten",
        BeschermingConcurrentie => "bescherming_concurrentie",
        BindingKeten => "binding_keten",
        Schaalvoordelen => "schaalvoordelen",
        Investeringsbelemmeringen => "investeringsbelemmeringen",
        OndersteunendeDiensten => "ondersteunende_diensten",
        EfficiencyProductie => "efficiency_productie",
        Ketenafstemming => "ketenafstemming",
        GezamenlijkeInnovatie => "gezamenlijke_innovatie",
        NieuweTechnologie => "nieuwe_technologie",
        AanvullendeCompetenties => "aanvullende_competenties",
        LerenKennis => "leren_kennis",
        LerenCultuur => "leren_cultuur",
        Octrooien => "octrooien",
        PolitiekeDruk => "politieke_druk",
        WettelijkePlicht => "wettelijke_plicht",
        MoreelAppel => "moreel_appel",
    }
}

impl Reason {
    pub fn group(self) -> ReasonGroup {
        match self.index() {
            0..=5 => ReasonGroup::MarktontwikkelingPositie,
            6..=10 => ReasonGroup::Kostenvoordelen,
            11..=16 => ReasonGroup::Kennisontwikkeling,
            _ => ReasonGroup::ExterneDruk,
        }
    }
}

ids! {
    /// Why people take part (after Moss Kanter).
    Motive {
        Instrumenteel => "instrumenteel",
        Affectief => "affectief",
        Moreel => "moreel",
    }
}

ids! {
    /// The five choices in developing the ambition (names only in the sources).
    Dilemma {
        OntwerpenOntwikkelen => "ontwerpen_ontwikkelen",
        Participatie => "participatie",
        Volgorde => "volgorde",
        KwantitatiefKwalitatief => "kwantitatief_kwalitatief",
        Tempo => "tempo",
    }
}

ids! {
    /// The two poles of each dilemma (ids ours), dilemma by dilemma.
    Pole {
        Ontwerpen => "ontwerpen",
        Ontwikkelen => "ontwikkelen",
        Veel => "veel",
        Weinig => "weinig",
        Sequentieel => "sequentieel",
        Iteratief => "iteratief",
        Kwantitatief => "kwantitatief",
        Kwalitatief => "kwalitatief",
        Hoog => "hoog",
        Laag => "laag",
    }
}

impl Dilemma {
    pub fn poles(self) -> [Pole; 2] {
        let i = self.index() * 2;
        [Pole::ALL[i], Pole::ALL[i + 1]]
    }
}

impl Pole {
    pub fn dilemma(self) -> Dilemma {
        Dilemma::ALL[self.index() / 2]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_match_the_brief() {
        assert_eq!(Grondvorm::ALL.len(), 4);
        assert_eq!(Aspect::ALL.len(), 15);
        assert_eq!(KeyQuestion::ALL.len(), 15);
        assert_eq!(Reason::ALL.len(), 20);
        assert_eq!(Motive::ALL.len(), 3);
        assert_eq!(Dilemma::ALL.len(), 5);
        assert_eq!(Pole::ALL.len(), 10);
        let per_group = |g| Aspect::ALL.iter().filter(|a| a.group() == g).count();
        assert_eq!(AspectGroup::ALL.iter().map(|&g| per_group(g)).collect::<Vec<_>>(), [2, 6, 4, 3]);
        let per_group = |g| KeyQuestion::ALL.iter().filter(|q| q.group() == g).count();
        assert_eq!(KeyQuestionGroup::ALL.iter().map(|&g| per_group(g)).collect::<Vec<_>>(), [8, 4, 3]);
        let per_group = |g| Reason::ALL.iter().filter(|r| r.group() == g).count();
        assert_eq!(ReasonGroup::ALL.iter().map(|&g| per_group(g)).collect::<Vec<_>>(), [6, 5, 6, 3]);
    }

    #[test]
    fn the_two_answers_give_the_form_and_back() {
        assert_eq!(Grondvorm::from_answers(Intentie::Vernieuwen, Aard::Delen), Grondvorm::Ondernemend);
        assert_eq!(Grondvorm::from_answers(Intentie::Verbeteren, Aard::Delen), Grondvorm::Functioneel);
        assert_eq!(
            Grondvorm::from_answers(Intentie::Verbeteren, Aard::Uitwisselen),
            Grondvorm::Transactioneel
        );
        assert_eq!(Grondvorm::from_answers(Intentie::Vernieuwen, Aard::Uitwisselen), Grondvorm::Verkennend);
        for &f in Grondvorm::ALL {
            assert_eq!(Grondvorm::from_answers(f.intentie(), f.aard()), f);
        }
    }

    #[test]
    fn key_questions_follow_the_aspects_in_order_with_two_shared_pairs() {
        let aspects: Vec<Aspect> = KeyQuestion::ALL.iter().map(|q| q.aspect()).collect();
        let mut distinct = aspects.clone();
        distinct.dedup();
        // Every aspect but the two goal aspects, in table order.
        assert_eq!(distinct, Aspect::ALL[2..].to_vec());
        assert_eq!(KeyQuestion::Rolverdeling.aspect(), KeyQuestion::Verhoudingen.aspect());
        assert_eq!(KeyQuestion::Besturingsinstrumenten.aspect(), Aspect::PlanningControl);
        assert!(KeyQuestion::matter_most_in(Phase::Overeenkomen));
        assert!(KeyQuestion::matter_most_in(Phase::Vormgeven));
        assert!(!KeyQuestion::matter_most_in(Phase::Delen));
    }

    #[test]
    fn poles_belong_to_their_dilemma() {
        for &d in Dilemma::ALL {
            for p in d.poles() {
                assert_eq!(p.dilemma(), d);
            }
        }
        assert_eq!(Dilemma::Tempo.poles(), [Pole::Hoog, Pole::Laag]);
    }

    #[test]
    fn ids_are_the_serde_names() {
        fn check<T: Serialize + std::fmt::Debug>(all: &[T], id: impl Fn(&T) -> &'static str) {
            for x in all {
                assert_eq!(serde_json::to_string(x).unwrap(), format!("\"{}\"", id(x)), "{x:?}");
            }
        }
        check(Grondvorm::ALL, |x| x.id());
        check(KeyQuestion::ALL, |x| x.id());
        check(Reason::ALL, |x| x.id());
        check(Pole::ALL, |x| x.id());
        check(Aspect::ALL, |x| x.id());
        assert_eq!(KeyQuestion::from_id("kv_ict"), Some(KeyQuestion::Ict));
        assert_eq!(Reason::from_id("nope"), None);
    }
}
