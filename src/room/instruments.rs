//! The instruments on the room display: the agenda clock, the conflict
//! thermometer, the five conditions, the trust stage and the basic-form
//! chooser (issues 10–12).
//!
//! The board gets a row of gauges: what each instrument reads now, in type
//! large enough for the back row. The detail is one key away, full screen
//! (`o` on the instrument's pane): the clock in very large type; the
//! thermometer, the five conditions and trust with their history over the
//! chain of meetings; the chooser as a grid of the four forms. The charts
//! are the minutes' own (`crate::export::history_charts`,
//! `crate::export::line_chart_svg`), drawn with larger text. Notes,
//! rationales and the facilitator's remarks never reach the room: only
//! levels, scores, stages, forms and the agenda's titles.

use std::fmt::Write;

use crate::content::grondvorm::{Words as G, content as forms};
use crate::content::relationship::{W as R, guide};
use crate::domain::grondvorm::Grondvorm;
use crate::domain::meeting::TimeState;
use crate::domain::{Condition, Session, Temperature, Timestamp, TrustStage, format_tenths};
use crate::export::escape_html as escape;
use crate::i18n::{self, Lang, Msg};
use crate::panes::agenda::clock_text;

use super::view::attr;
use super::words::W;

/// The size of chart text on the room display, in the charts' user units
/// (the minutes use 11); `room.css` gives `svg.chart text` this size.
pub const CHART_FONT: f32 = 22.0;

/// The row of gauges under the phase strip: the clock, the temperature, the
/// trust stage and the basic form, each only when it has something to say.
pub(super) fn gauges(out: &mut String, s: &Session, lang: Lang, now: Timestamp) {
    let mut cards = String::new();
    clock(&mut cards, s, lang, now);
    temperature(&mut cards, s, lang);
    conditions_gauge(&mut cards, s, lang);
    trust_gauge(&mut cards, s, lang);
    form_gauge(&mut cards, s, lang);
    if !cards.is_empty() {
        let _ = writeln!(out, "<div class=\"gauges\">\n{cards}</div>");
    }
}

/// The agenda clock: the current item, its time of its plan and the
/// meeting's, coloured from 80 % (`nearly`) and past 100 % (`over`) like
/// on the terminal. The room display re-renders it every second while it
/// runs; the time is also right without the page's script.
pub(super) fn clock(out: &mut String, s: &Session, lang: Lang, now: Timestamp) {
    if s.agenda.is_empty() {
        return;
    }
    let elapsed = s.agenda_elapsed(now);
    let total = TimeState::of(s.meeting_elapsed(now), s.meeting_planned());
    let current = s.current_agenda_item().and_then(|id| s.agenda_index(id));
    let _ = write!(
        out,
        "<section class=\"gauge clock\" id=\"clock\" aria-label=\"{}\">",
        attr(W::Clock.get(lang))
    );
    let _ = write!(out, "<h2>{}</h2>", escape(W::Clock.get(lang)));
    match current {
        Some(i) => {
            let item = &s.agenda[i];
            let state = TimeState::of(elapsed[i], item.planned_secs());
            let _ = write!(
                out,
                "<p class=\"item\"><span class=\"run\">▶</span> {}</p>\
                 <p class=\"time {}\" data-state=\"{}\"><strong>{}</strong> / {}{}</p>",
                escape(&item.title),
                state_id(state),
                state_id(state),
                clock_text(elapsed[i]),
                clock_text(item.planned_secs()),
                state_word(state, lang)
            );
        }
        None => {
            let _ = write!(out, "<p class=\"item stopped\">{}</p>", escape(W::ClockStopped.get(lang)));
        }
    }
    let _ = writeln!(
        out,
        "<p class=\"total {}\">{} {} / {}</p></section>",
        state_id(total),
        escape(W::Total.get(lang)),
        clock_text(s.meeting_elapsed(now)),
        clock_text(s.meeting_planned())
    );
}

fn state_id(state: TimeState) -> &'static str {
    match state {
        TimeState::Within => "within",
        TimeState::Nearly => "nearly",
        TimeState::Over => "over",
    }
}

/// Colour is never the only sign: past the plan says so in words.
fn state_word(state: TimeState, lang: Lang) -> String {
    match state {
        TimeState::Over => format!(" <span class=\"late\">{}</span>", escape(W::OverTime.get(lang))),
        _ => String::new(),
    }
}

fn level_class(t: Temperature) -> &'static str {
    match t {
        Temperature::Vriendschappelijk => "t1",
        Temperature::Waakzaam => "t2",
        Temperature::Onenigheid => "t3",
        Temperature::Conflict => "t4",
    }
}

/// The thermometer now: the facilitator's latest reading as a scale of the
/// four levels, and the parties' own latest readings.
pub(super) fn temperature(out: &mut String, s: &Session, lang: Lang) {
    let mine = s.facilitator_readings().max_by_key(|t| t.at).map(|t| t.level);
    let parties = s.latest_party_readings();
    if mine.is_none() && parties.is_empty() {
        return;
    }
    let _ =
        write!(out, "<section class=\"gauge temperature\"><h2>{}</h2>", escape(Msg::Temperature.get(lang)));
    if let Some(level) = mine {
        let _ = write!(
            out,
            "<p class=\"level {}\">{}</p>",
            level_class(level),
            escape(i18n::temperature_label(lang, level))
        );
        out.push_str("<ol class=\"scale\">");
        for t in Temperature::ALL {
            let now = if t == level { " class=\"now\" aria-current=\"true\"" } else { "" };
            let _ = write!(
                out,
                "<li{now}><span class=\"{}\"></span>{}</li>",
                level_class(t),
                escape(i18n::temperature_label(lang, t))
            );
        }
        out.push_str("</ol>");
    }
    if !parties.is_empty() {
        out.push_str("<ul class=\"parties\">");
        for r in parties {
            let party = r.party.as_deref().and_then(|p| s.party(p)).map_or("", |p| p.organisation.as_str());
            let _ = write!(
                out,
                "<li>{}: <span class=\"{}\">{}</span></li>",
                escape(party),
                level_class(r.level),
                escape(i18n::temperature_label(lang, r.level))
            );
        }
        out.push_str("</ul>");
    }
    out.push_str("</section>\n");
}

/// The five conditions now: their mean, and the lowest by name (what the
/// room may want to work on). The bars and the chart are in the spotlight.
fn conditions_gauge(out: &mut String, s: &Session, lang: Lang) {
    let values = s.condition_values();
    let Some(mean) = crate::domain::mean_of_tenths(&values) else { return };
    let nl = lang == Lang::Nl;
    let _ = write!(
        out,
        "<section class=\"gauge five\"><h2>{}</h2><p class=\"mean\"><strong>{}</strong> / 5 <span class=\"label\">{}</span></p>",
        escape(R::FiveConditions.get(lang)),
        escape(&format_tenths(mean, nl)),
        escape(R::Mean.get(lang).to_lowercase().as_str())
    );
    let lowest = Condition::ALL.iter().filter_map(|&c| Some((values[c.index()]?, c))).min_by_key(|(v, _)| *v);
    if let Some((v, c)) = lowest {
        let _ = write!(
            out,
            "<p class=\"lowest\">{}: {} <strong>{}</strong></p>",
            escape(W::Lowest.get(lang)),
            escape(guide().condition(c).name.get(lang)),
            escape(&format_tenths(v, nl))
        );
    }
    out.push_str("</section>\n");
}

pub(super) fn stage_name(t: TrustStage, lang: Lang) -> &'static str {
    guide().stage(t).name.get(lang)
}

pub(super) fn trust_gauge(out: &mut String, s: &Session, lang: Lang) {
    let Some(t) = &s.trust else { return };
    let _ = write!(
        out,
        "<section class=\"gauge trust\"><h2>{}</h2><ol class=\"stages\">",
        escape(R::Trust.get(lang))
    );
    for stage in TrustStage::ALL {
        let now = if *stage == t.stage { " class=\"now\" aria-current=\"true\"" } else { "" };
        let _ = write!(
            out,
            "<li{now}><span class=\"num\">{}</span> {}</li>",
            stage.number(),
            escape(stage_name(*stage, lang))
        );
    }
    out.push_str("</ol></section>\n");
}

pub(super) fn form_name(f: Grondvorm, lang: Lang) -> &'static str {
    forms().form(f).name.get(lang)
}

/// The basic form: the table's choice, else what the parties point to; a
/// mismatch among the parties is flagged in words, not by colour alone.
fn form_gauge(out: &mut String, s: &Session, lang: Lang) {
    let chosen = s.chosen_form();
    let pointed = s.distinct_party_forms();
    if chosen.is_none() && pointed.is_empty() {
        return;
    }
    let _ = write!(out, "<section class=\"gauge form\"><h2>{}</h2>", escape(G::Grondvorm.get(lang)));
    match chosen {
        Some(f) => {
            let _ = write!(out, "<p class=\"chosen\">{}</p>", escape(form_name(f, lang)));
        }
        None => {
            let _ = write!(out, "<p class=\"none\">{}</p>", escape(G::NoFormChosen.get(lang)));
        }
    }
    if s.form_mismatch().is_some() {
        let _ = write!(out, "<p class=\"mismatch\">⚠ {}</p>", escape(G::FormMismatch.get(lang)));
    }
    out.push_str("</section>\n");
}
