//! The relationship instruments in the minutes, with the chain of earlier
//! meetings at hand: the thermometer and five-conditions charts (inline SVG
//! in HTML, tables in Markdown), the trust stage's trend, flags with the
//! model's and our own guidance, and `kompas export` reading the chain from
//! the folder.

#[path = "../examples/demo_session.rs"]
mod demo;

use chrono::{DateTime, NaiveDate};
use kompas::content::relationship::guide;
use kompas::domain::{Condition, Session};
use kompas::export::{Format, export, export_with_chain};
use kompas::i18n::Lang;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 21).unwrap()
}

fn html_doc(html: &str) -> roxmltree::Document<'_> {
    let options = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
    roxmltree::Document::parse_with_options(html, options).expect("the HTML is well-formed XML")
}

#[test]
fn the_html_minutes_draw_the_chain_as_inline_svg() {
    let [m1, m2, m3] = [demo::meeting1(), demo::meeting2(), demo::meeting3()];
    let earlier = [m2.clone(), m1.clone()];
    for lang in [Lang::Nl, Lang::En] {
        let html = export_with_chain(&m3, &earlier, Format::Html, lang, today());
        let doc = html_doc(&html);
        let svgs: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("svg")).collect();
        let classes: Vec<_> = svgs.iter().map(|s| s.attribute("class").unwrap()).collect();
        assert_eq!(classes, ["chart thermometer", "chart conditions"]);
        for svg in &svgs {
            assert_eq!(svg.attribute("role"), Some("img"));
            let title = svg.children().find(|c| c.has_tag_name("title")).unwrap();
            assert!(!title.text().unwrap().is_empty());
            // Three meetings on the x axis.
            let labels: Vec<_> =
                svg.descendants().filter(|n| n.attribute("text-anchor") == Some("middle")).collect();
            assert_eq!(labels.len(), 3);
        }
        // The five conditions: one line per condition, through three meetings.
        let lines: Vec<_> = svgs[1].descendants().filter(|n| n.has_tag_name("polyline")).collect();
        assert_eq!(lines.len(), 5);
        assert!(lines.iter().all(|l| l.attribute("points").unwrap().split(' ').count() == 3));
        // Its numbers as a table too, with the mean.
        let trend = doc.descendants().find(|n| n.attribute("class") == Some("conditions-trend")).unwrap();
        let text: String = trend.descendants().filter_map(|n| n.text()).collect();
        let (mean, low) = if lang == Lang::Nl { ("2,2", "Gemiddeld") } else { ("2.2", "Mean") };
        assert!(text.contains(mean) && text.contains(low), "{text}");
        // The trust stage moved up.
        assert!(html.contains(if lang == Lang::Nl {
            "hoger dan de vorige sessie"
        } else {
            "higher than the last meeting"
        }));
        assert!(!html.contains("http"));
    }
}

#[test]
fn the_markdown_minutes_give_the_trend_as_tables() {
    let [m1, m2, m3] = [demo::meeting1(), demo::meeting2(), demo::meeting3()];
    let md = export_with_chain(&m3, &[m1, m2], Format::Markdown, Lang::Nl, today());
    assert!(md.contains("| Voorwaarde | 12 mrt 2026 | 9 apr 2026 | 20 mei 2026 |"));
    assert!(md.contains("| **Relatie** | 2 | 2 | 3 |"));
    assert!(md.contains("| **Gemiddeld** | 2,2 | 2,8 | 3,2 |"));
    assert!(md.contains("| 9 apr 2026 | onenigheid → vriendschappelijk | Woonstede: waakzaam |"));
    assert!(md.contains("| 20 mei 2026 | 3 · Berekenend verbinden |"));
    // The flags of the latest meeting, with the model's and our own words.
    let ambition = guide().condition(Condition::GedeeldeAmbitie);
    assert!(md.contains("**⚠ Gedeelde ambitie: partijen lopen uiteen (2 punten).**"));
    assert!(md.contains(&format!("{} *(model)*", ambition.attention.nl)), "the pseudo-collaboration warning");
    assert!(md.contains("**⚠ Professioneel organiseren: laag (2).**"));
    assert!(!md.contains("<svg"));
    // Without the chain: no charts, but this meeting's instruments all there.
    let alone = export(&demo::meeting3(), Format::Markdown, Lang::Nl, today());
    assert!(!alone.contains("12 mrt 2026 | 9 apr 2026"));
    assert!(alone.contains("## Vijf voorwaarden") && alone.contains("## Vertrouwen"));
}

#[test]
fn a_drop_in_ambition_warns_of_pseudo_collaboration_in_both_languages() {
    let t = |d: &str| DateTime::parse_from_rfc3339(&format!("{d}T10:00:00+02:00")).unwrap();
    let mut m1 = Session::new("a".into(), "Z", t("2026-03-12").date_naive(), "", t("2026-03-12")).unwrap();
    m1.score_condition(Condition::GedeeldeAmbitie, Some(4), "", t("2026-03-12")).unwrap();
    let mut m2 = m1.follow_up("b".into(), "a.json", t("2026-04-09").date_naive(), t("2026-04-09"));
    m2.score_condition(Condition::GedeeldeAmbitie, Some(3), "lijstjes afvinken", t("2026-04-09")).unwrap();
    for lang in [Lang::Nl, Lang::En] {
        let md = export_with_chain(&m2, std::slice::from_ref(&m1), Format::Markdown, lang, today());
        let g = guide().condition(Condition::GedeeldeAmbitie);
        assert!(md.contains(g.attention.get(lang)), "{lang:?}");
        assert!(md.contains(guide().conditions.drop.get(lang)));
        assert!(md.contains(g.next_step.get(lang)));
        let (model, ours) = if lang == Lang::Nl {
            ("uit het model", "eigen advies")
        } else {
            ("from the model", "own guidance")
        };
        assert!(md.contains(model) && md.contains(ours), "the legend says whose words are whose");
    }
}

#[test]
fn only_earlier_meetings_of_the_same_collaboration_count() {
    let [m1, m2, m3] = [demo::meeting1(), demo::meeting2(), demo::meeting3()];
    let mut stranger = demo::meeting1();
    stranger.id = "elders".into();
    stranger.collaboration = None;
    let with_later = export_with_chain(&m2, &[m1.clone(), m3, stranger], Format::Markdown, Lang::En, today());
    let just_earlier = export_with_chain(&m2, &[m1], Format::Markdown, Lang::En, today());
    assert_eq!(with_later, just_earlier, "a later meeting or another collaboration changes nothing");
}

#[test]
fn kompas_export_reads_the_chain_from_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    for (name, s) in demo::meetings() {
        std::fs::write(dir.path().join(name), demo::to_json(&s)).unwrap();
    }
    let last = dir.path().join("2026-05-20-weer-thuis-in-de-wijk-zuiderveld.json");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kompas"))
        .args(["--lang", "en", "export", "--format", "html"])
        .arg(&last)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = String::from_utf8(out.stdout).unwrap();
    assert_eq!(html.matches("<svg").count(), 2, "both charts, from the two earlier files");
    assert!(html.contains("12 Mar"));
}

#[test]
fn snapshots_of_the_last_demo_meeting_with_its_chain() {
    let [m1, m2, m3] = [demo::meeting1(), demo::meeting2(), demo::meeting3()];
    let earlier = [m1, m2];
    for lang in [Lang::Nl, Lang::En] {
        let id = lang.id();
        insta::assert_snapshot!(
            format!("chain_markdown_{id}"),
            export_with_chain(&m3, &earlier, Format::Markdown, lang, today())
        );
        insta::assert_snapshot!(
            format!("chain_html_{id}"),
            export_with_chain(&m3, &earlier, Format::Html, lang, today())
        );
    }
}
