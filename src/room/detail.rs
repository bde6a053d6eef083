//! The instruments full screen (`o` on the instrument's pane): the clock in
//! very large type; the thermometer, the five conditions and trust with
//! their history over the chain of meetings (the minutes' charts); the
//! chooser as a grid of the four forms.

use std::fmt::Write;

use crate::content::grondvorm::{Words as G, content as forms};
use crate::content::relationship::{W as R, guide};
use crate::domain::grondvorm::{Aard, Grondvorm, Intentie};
use crate::domain::{Condition, Session, Timestamp, TrustStage, format_tenths, trust_trend};
use crate::export::escape_html as escape;
use crate::i18n::{self, Lang, Msg};

use super::instruments::{CHART_FONT, clock, form_name, stage_name, temperature, trust_gauge};
use super::state::Spot;
use super::words::W;

/// An instrument full screen: `None` when it has nothing to show yet (the
/// board is shown instead).
pub(super) fn spotlight(
    s: &Session,
    earlier: &[Session],
    lang: Lang,
    now: Timestamp,
    spot: &Spot,
) -> Option<String> {
    let mut out = String::new();
    let class = match spot {
        Spot::Clock => {
            clock(&mut out, s, lang, now);
            "clock"
        }
        Spot::Relationship => {
            let mut gauges = String::new();
            temperature(&mut gauges, s, lang);
            trust_gauge(&mut gauges, s, lang);
            if !gauges.is_empty() {
                let _ = writeln!(out, "<div class=\"gauges\">\n{gauges}</div>");
            }
            let charts = crate::export::history_charts(s, earlier, lang, CHART_FONT);
            let mut cards = String::new();
            if let Some((_, svg)) = charts.iter().find(|(c, _)| *c == "thermometer") {
                let _ = writeln!(
                    cards,
                    "<section class=\"card thermometer\"><h2>{}</h2>{svg}</section>",
                    escape(Msg::Temperature.get(lang))
                );
            }
            conditions(
                &mut cards,
                s,
                lang,
                charts.iter().find(|(c, _)| *c == "conditions").map(|(_, svg)| svg.as_str()),
            );
            trust_history(&mut cards, s, earlier, lang);
            if !cards.is_empty() {
                let _ = writeln!(out, "<div class=\"instruments\">\n{cards}</div>");
            }
            "relationship"
        }
        _ => {
            chooser(&mut out, s, lang);
            "grondvorm"
        }
    };
    (!out.is_empty()).then(|| format!("<div class=\"spot instrument spot-{class}\">\n{out}</div>\n"))
}

/// This meeting's five scores as bars (1 to 5), then the chart over the
/// meetings when there is one.
fn conditions(out: &mut String, s: &Session, lang: Lang, chart: Option<&str>) {
    let values = s.condition_values();
    if values.iter().all(Option::is_none) && chart.is_none() {
        return;
    }
    let _ =
        write!(out, "<section class=\"card conditions\"><h2>{}</h2>", escape(R::FiveConditions.get(lang)));
    if values.iter().any(Option::is_some) {
        out.push_str("<ul class=\"bars\">");
        for &c in Condition::ALL {
            let name = guide().condition(c).name.get(lang);
            match values[c.index()] {
                Some(v) => {
                    // 1 to 5 fills a fifth to all of the bar.
                    let _ = write!(
                        out,
                        "<li><span class=\"name\">{}</span><span class=\"bar\"><span class=\"fill w{}\"></span></span><span class=\"value\">{}</span></li>",
                        escape(name),
                        (u32::from(v).clamp(10, 50) * 2 + 5) / 10 * 10,
                        escape(&format_tenths(v, lang == Lang::Nl))
                    );
                }
                None => {
                    let _ = write!(
                        out,
                        "<li class=\"empty\"><span class=\"name\">{}</span><span class=\"bar\"></span><span class=\"value\">—</span></li>",
                        escape(name)
                    );
                }
            }
        }
        out.push_str("</ul>");
    }
    if let Some(svg) = chart {
        out.push_str(svg);
    }
    out.push_str("</section>\n");
}

/// The trust stage per meeting, as a chart like the minutes' others, when
/// two or more meetings of the chain have one.
fn trust_history(out: &mut String, s: &Session, earlier: &[Session], lang: Lang) {
    let chain = crate::export::meetings_up_to(s, earlier);
    let trend = trust_trend(chain.iter().copied());
    if trend.iter().filter(|(_, t)| t.is_some()).count() < 2 {
        return;
    }
    let year = chrono::Datelike::year(&s.meeting_date);
    let x = trend.iter().map(|(d, _)| i18n::short_date(lang, *d, year)).collect();
    let y = TrustStage::ALL.iter().map(|t| format!("{} {}", t.number(), stage_name(*t, lang))).collect();
    let points = trend
        .iter()
        .enumerate()
        .filter_map(|(i, (_, t))| t.map(|t| (i as f32, f32::from(t.number() - 1))))
        .collect();
    let series = vec![(R::Stage.get(lang).to_string(), points, true)];
    let svg = crate::export::line_chart_svg("trust", R::OverTheMeetings.get(lang), x, y, series, CHART_FONT);
    let _ = writeln!(
        out,
        "<section class=\"card trust-history\"><h2>{}</h2>{svg}</section>",
        escape(R::Trust.get(lang))
    );
}

/// The chooser: the two questions as a two-by-two grid of the four forms,
/// each cell naming the parties whose answers point to it; the table's
/// choice is marked, and a mismatch is said in words.
fn chooser(out: &mut String, s: &Session, lang: Lang) {
    let chosen = s.chosen_form();
    let party_forms: Vec<(&str, Grondvorm)> =
        s.party_forms().map(|(p, f)| (p.organisation.as_str(), f)).collect();
    if chosen.is_none() && party_forms.is_empty() {
        return;
    }
    let q = &forms().questions;
    let _ = write!(out, "<section class=\"card chooser\"><h2>{}</h2>", escape(G::Grondvorm.get(lang)));
    if s.form_mismatch().is_some() {
        let _ = write!(out, "<p class=\"mismatch\">⚠ {}</p>", escape(G::FormMismatch.get(lang)));
    }
    out.push_str("<table class=\"forms\"><thead><tr><td></td>");
    for a in [Aard::Uitwisselen, Aard::Delen] {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(q.aard.answers[&a].name.get(lang)));
    }
    out.push_str("</tr></thead><tbody>");
    for i in [Intentie::Verbeteren, Intentie::Vernieuwen] {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", escape(q.intentie.answers[&i].name.get(lang)));
        for a in [Aard::Uitwisselen, Aard::Delen] {
            let f = Grondvorm::from_answers(i, a);
            let here: Vec<&str> = party_forms.iter().filter(|(_, pf)| *pf == f).map(|(p, _)| *p).collect();
            let mut class = vec!["form"];
            if chosen == Some(f) {
                class.push("chosen");
            }
            if !here.is_empty() {
                class.push("pointed");
            }
            let _ = write!(
                out,
                "<td class=\"{}\"><span class=\"name\">{}</span>",
                class.join(" "),
                escape(form_name(f, lang))
            );
            if chosen == Some(f) {
                let _ = write!(out, " <strong class=\"mark\">✓ {}</strong>", escape(W::Chosen.get(lang)));
            }
            if !here.is_empty() {
                out.push_str("<ul>");
                for p in here {
                    let _ = write!(out, "<li>{}</li>", escape(p));
                }
                out.push_str("</ul>");
            }
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></section>\n");
}
