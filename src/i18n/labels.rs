//! Words for the domain's values: phases, interest kinds, statuses,
//! temperatures, lenses and aspects, prompt themes, dates.

use chrono::{Datelike, NaiveDate};

use super::{Lang, Msg};
use crate::domain::{AgreementStatus, AmbitionLens, ContextAspect, InterestKind, Phase, Temperature};

/// Short name for the phase strip.
pub fn phase_short(lang: Lang, p: Phase) -> &'static str {
    match (lang, p) {
        (Lang::Nl, Phase::Verkennen) => "Verkennen",
        (Lang::Nl, Phase::Delen) => "Delen",
        (Lang::Nl, Phase::Overeenkomen) => "Overeenkomen",
        (Lang::Nl, Phase::Vormgeven) => "Vormgeven",
        (Lang::Nl, Phase::Uitvoeren) => "Uitvoeren",
        (Lang::En, Phase::Verkennen) => "Explore",
        (Lang::En, Phase::Delen) => "Share",
        (Lang::En, Phase::Overeenkomen) => "Agree",
        (Lang::En, Phase::Vormgeven) => "Shape",
        (Lang::En, Phase::Uitvoeren) => "Run & renew",
    }
}

/// Full name of the phase.
pub fn phase_name(lang: Lang, p: Phase) -> &'static str {
    match (lang, p) {
        (Lang::Nl, Phase::Verkennen) => "Verkennen van de situatie",
        (Lang::Nl, Phase::Delen) => "Delen van belangen en ambities",
        (Lang::Nl, Phase::Overeenkomen) => "Overeenkomen: koers en richting",
        (Lang::Nl, Phase::Vormgeven) => "Vormgeven van de oplossing",
        (Lang::Nl, Phase::Uitvoeren) => "(Uit)voeren en vernieuwen",
        (Lang::En, Phase::Verkennen) => "Exploring the situation",
        (Lang::En, Phase::Delen) => "Sharing interests and ambitions",
        (Lang::En, Phase::Overeenkomen) => "Agreeing on course and direction",
        (Lang::En, Phase::Vormgeven) => "Shaping the solution",
        (Lang::En, Phase::Uitvoeren) => "Running and renewing",
    }
}

/// What the phase is for, short enough to share one line with its result.
pub fn phase_aim(lang: Lang, p: Phase) -> &'static str {
    match (lang, p) {
        (Lang::Nl, Phase::Verkennen) => "waarom samen; belangen en context",
        (Lang::Nl, Phase::Delen) => "beelden delen, de taart groter maken",
        (Lang::Nl, Phase::Overeenkomen) => "gedeelde beelden worden afspraken",
        (Lang::Nl, Phase::Vormgeven) => "inhoud en vorm concreet maken",
        (Lang::Nl, Phase::Uitvoeren) => "doen, evalueren, vernieuwen",
        (Lang::En, Phase::Verkennen) => "why together; interests and context",
        (Lang::En, Phase::Delen) => "share pictures, grow the pie",
        (Lang::En, Phase::Overeenkomen) => "turn shared views into agreements",
        (Lang::En, Phase::Vormgeven) => "work out content and form",
        (Lang::En, Phase::Uitvoeren) => "run, evaluate and renew",
    }
}

/// The tangible result the phase usually produces.
pub fn phase_result(lang: Lang, p: Phase) -> &'static str {
    match (lang, p) {
        (Lang::Nl, Phase::Verkennen) => "startnotitie",
        (Lang::Nl, Phase::Delen) => "intentieverklaring",
        (Lang::Nl, Phase::Overeenkomen) => "afspraken op hoofdlijnen",
        (Lang::Nl, Phase::Vormgeven) => "georganiseerde samenwerking",
        (Lang::Nl, Phase::Uitvoeren) => "evaluaties, nieuwe afspraken",
        (Lang::En, Phase::Verkennen) => "starting memo",
        (Lang::En, Phase::Delen) => "declaration of intent",
        (Lang::En, Phase::Overeenkomen) => "agreements in principle",
        (Lang::En, Phase::Vormgeven) => "organised collaboration",
        (Lang::En, Phase::Uitvoeren) => "evaluations, renewed agreements",
    }
}

pub fn kind_label(lang: Lang, k: InterestKind) -> &'static str {
    match (lang, k) {
        (Lang::Nl, InterestKind::Organisatie) => "Organisatiebelang",
        (Lang::Nl, InterestKind::Individueel) => "Individueel belang",
        (Lang::Nl, InterestKind::Collectief) => "Collectief belang",
        (Lang::En, InterestKind::Organisatie) => "Organisational",
        (Lang::En, InterestKind::Individueel) => "Individual",
        (Lang::En, InterestKind::Collectief) => "Collective",
    }
}

pub fn status_label(lang: Lang, s: AgreementStatus) -> &'static str {
    match (lang, s) {
        (Lang::Nl, AgreementStatus::Proposed) => "voorstel",
        (Lang::Nl, AgreementStatus::Agreed) => "afgesproken",
        (Lang::Nl, AgreementStatus::Done) => "gedaan",
        (Lang::Nl, AgreementStatus::Dropped) => "vervallen",
        (Lang::En, AgreementStatus::Proposed) => "proposed",
        (Lang::En, AgreementStatus::Agreed) => "agreed",
        (Lang::En, AgreementStatus::Done) => "done",
        (Lang::En, AgreementStatus::Dropped) => "dropped",
    }
}

pub fn temperature_label(lang: Lang, t: Temperature) -> &'static str {
    match (lang, t) {
        (Lang::Nl, Temperature::Vriendschappelijk) => "vriendschappelijk",
        (Lang::Nl, Temperature::Waakzaam) => "waakzaam",
        (Lang::Nl, Temperature::Onenigheid) => "onenigheid",
        (Lang::Nl, Temperature::Conflict) => "conflict",
        (Lang::En, Temperature::Vriendschappelijk) => "friendly",
        (Lang::En, Temperature::Waakzaam) => "watchful",
        (Lang::En, Temperature::Onenigheid) => "disagreement",
        (Lang::En, Temperature::Conflict) => "conflict",
    }
}

pub fn lens_msg(l: AmbitionLens) -> Msg {
    match l {
        AmbitionLens::Problem => Msg::LensProblem,
        AmbitionLens::Solution => Msg::LensSolution,
        AmbitionLens::Opportunity => Msg::LensOpportunity,
        AmbitionLens::Form => Msg::LensForm,
    }
}

pub fn aspect_msg(a: ContextAspect) -> Msg {
    match a {
        ContextAspect::Players => Msg::AspectPlayers,
        ContextAspect::Process => Msg::AspectProcess,
        ContextAspect::Environment => Msg::AspectEnvironment,
    }
}

pub fn prompt_theme_label(lang: Lang, theme: &str) -> &'static str {
    match (lang, theme) {
        (Lang::Nl, "ambitie") => "ambitie",
        (Lang::Nl, "belangen") => "belangen",
        (Lang::Nl, "context") => "context",
        (Lang::Nl, "netwerk") => "netwerkvragen",
        (Lang::Nl, "vertrouwen") => "vertrouwen",
        (Lang::Nl, "macht") => "macht",
        (Lang::Nl, "conflict") => "conflict",
        (Lang::Nl, "leiderschap") => "leiderschap",
        (Lang::Nl, "waarde") => "waardecreatie",
        (Lang::Nl, "waarschuwing") => "waarschuwing",
        (Lang::En, "ambitie") => "ambition",
        (Lang::En, "belangen") => "interests",
        (Lang::En, "context") => "context",
        (Lang::En, "netwerk") => "network questions",
        (Lang::En, "vertrouwen") => "trust",
        (Lang::En, "macht") => "power",
        (Lang::En, "conflict") => "conflict",
        (Lang::En, "leiderschap") => "leadership",
        (Lang::En, "waarde") => "value creation",
        (Lang::En, "waarschuwing") => "warning sign",
        _ => "",
    }
}

const MONTHS_NL: [&str; 12] =
    ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
const MONTHS_EN: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// "12 mrt 2026" / "12 Mar 2026": unambiguous in both languages.
pub fn date(lang: Lang, d: NaiveDate) -> String {
    let months = if lang == Lang::Nl { &MONTHS_NL } else { &MONTHS_EN };
    format!("{} {} {}", d.day(), months[d.month0() as usize], d.year())
}

/// "12 mrt" when the year is `this_year`, else the full date.
pub fn short_date(lang: Lang, d: NaiveDate, this_year: i32) -> String {
    let months = if lang == Lang::Nl { &MONTHS_NL } else { &MONTHS_EN };
    if d.year() == this_year { format!("{} {}", d.day(), months[d.month0() as usize]) } else { date(lang, d) }
}
