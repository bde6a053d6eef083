//! The instruments on the room display: the agenda clock (its time against
//! the plan, coloured from 80 % and past 100 %, right without the script
//! and moving every second through the event stream), the thermometer, the
//! five conditions and the trust stage with their charts over the chain
//! (the minutes' SVG), and the basic-form chooser with a mismatch said in
//! words. Notes never reach the room; hostile text stays text.

#[path = "support/room.rs"]
mod client;
use crate::common;
#[path = "support/hostile.rs"]
mod hostile;

use std::sync::Arc;
use std::time::Duration;

use chrono::Duration as Span;
use kompas::domain::grondvorm::{Aard, Intentie};
use kompas::domain::meeting::AgendaFields;
use kompas::domain::{Condition, Phase, Session, Temperature, Timestamp, TrustStage};
use kompas::i18n::Lang;
use kompas::room::{self, Limits, RoomScreen, RoomServer, RoomSnapshot, RoomState, Spot};
use roxmltree::{Document, Node, ParsingOptions};

const LANGS: [Lang; 2] = [Lang::Nl, Lang::En];
const SECRET: &str = "GEHEIM-notitie-van-de-procesbegeleider";

fn t(hm: &str) -> Timestamp {
    common::at(&format!("2026-03-12T{hm}:00+01:00"))
}

fn snap(s: &Session, chain: Option<Vec<Session>>, lang: Lang, now: Option<Timestamp>) -> RoomSnapshot {
    let mut state = RoomState::new(lang, common::date(2026, 3, 20));
    state.now = now;
    RoomSnapshot { session: Some(Arc::new(s.clone())), chain: chain.map(Arc::from), state }
}

fn parse(html: &str) -> Document<'_> {
    let options = ParsingOptions { allow_dtd: true, ..Default::default() };
    Document::parse_with_options(html, options).unwrap_or_else(|e| panic!("not well-formed: {e}\n{html}"))
}

fn by_class<'a>(doc: &'a Document<'a>, class: &str) -> Vec<Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.attribute("class").is_some_and(|c| c.split(' ').any(|x| x == class)))
        .collect()
}

fn text_of(n: Node) -> String {
    n.descendants().filter(|d| d.is_text()).filter_map(|d| d.text()).collect()
}

fn demo_chain() -> Vec<Session> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "json"));
    files.sort();
    files.iter().map(|p| kompas::storage::load(p).unwrap().session).collect()
}

/// A meeting with every instrument filled in, each note a secret.
fn instrumented(text: &str) -> Session {
    let mut s = common::realistic_session();
    let p0 = s.parties[0].id.clone();
    let p1 = s.parties[1].id.clone();
    s.parties[0].organisation = format!("{text}.");
    let item = AgendaFields {
        title: format!("{text}."),
        phase: Phase::Delen,
        planned_minutes: 20,
        lead: Some(p0.clone()),
    };
    let first = s.add_agenda_item(&item, None, t("10:00")).unwrap();
    let rest =
        AgendaFields { title: "Rondvraag".into(), phase: Phase::Delen, planned_minutes: 10, lead: None };
    s.add_agenda_item(&rest, None, t("10:00")).unwrap();
    s.start_agenda_item(&first, t("10:00")).unwrap();
    s.record_reading(Temperature::Onenigheid, None, SECRET, t("11:05")).unwrap();
    s.record_reading(Temperature::Waakzaam, Some(&p0), SECRET, t("10:06")).unwrap();
    for (k, &c) in Condition::ALL.iter().enumerate() {
        s.score_condition(c, Some(1 + k as u8), SECRET, t("10:07")).unwrap();
    }
    s.set_trust(TrustStage::OnderzoekendUitwisselen, SECRET, t("10:08"));
    s.set_party_form(&p0, Some(Intentie::Verbeteren), Some(Aard::Delen), SECRET, t("10:09")).unwrap();
    s.set_party_form(&p1, Some(Intentie::Vernieuwen), Some(Aard::Delen), SECRET, t("10:09")).unwrap();
    s
}

#[test]
fn the_clock_shows_the_current_item_against_its_plan_in_colour_and_words() {
    let s = instrumented("Welkom en kennismaking");
    for lang in LANGS {
        // 20 minutes planned: within under 16, nearly from 16 (80 %), over past 20.
        for (minutes, state, time) in
            [(5, "within", "5:00 / 20:00"), (16, "nearly", "16:00 / 20:00"), (21, "over", "21:00 / 20:00")]
        {
            let now = t("10:00") + Span::minutes(minutes);
            let html = room::render_page(&snap(&s, None, lang, Some(now)), 2);
            let doc = parse(&html);
            let clock = doc.descendants().find(|n| n.attribute("id") == Some("clock")).expect("the clock");
            assert!(text_of(clock).contains("Welkom en kennismaking."), "{}", text_of(clock));
            let shown = by_class(&doc, "time")[0];
            assert_eq!(shown.attribute("data-state"), Some(state));
            assert!(text_of(shown).starts_with(time), "{minutes}: {}", text_of(shown));
            let over_words = room::W::OverTime.get(lang);
            assert_eq!(
                text_of(shown).contains(over_words),
                state == "over",
                "past the plan is said in words"
            );
            // The meeting: 30 minutes planned in all.
            assert!(text_of(by_class(&doc, "total")[0]).contains(&format!("{minutes}:00 / 30:00")));
        }
    }
    // Without a time handed over (the clock stopped, or a file read back),
    // the recorded marks give the time: a static page is right too.
    let mut stopped = s.clone();
    stopped.stop_clock(t("10:12")).unwrap();
    let html = room::render_page(&snap(&stopped, None, Lang::En, None), 2);
    assert!(html.contains(room::W::ClockStopped.get(Lang::En)));
    assert!(html.contains("Total 12:00 / 30:00"), "{html}");
}

#[test]
fn the_board_and_the_spotlights_show_the_relationship_and_the_chooser_without_any_note() {
    for text in ["Gemeente Zuiderveld", "<b>vet</b> & \"quote\""] {
        let s = instrumented(text);
        for lang in LANGS {
            let html = room::render_page(&snap(&s, None, lang, Some(t("10:10"))), 2);
            assert!(!html.contains("GEHEIM"), "notes stay with the facilitator");
            let doc = parse(&html);
            // The gauges: the temperature with the party's own reading, the
            // five conditions' mean and lowest, trust, the form.
            let gauges = by_class(&doc, "gauges")[0];
            let temp = by_class(&doc, "temperature")[0];
            assert_eq!(
                text_of(by_class(&doc, "level")[0]),
                kompas::i18n::temperature_label(lang, Temperature::Onenigheid)
            );
            assert!(text_of(temp).contains(&format!("{text}.")), "the party's own reading");
            let five = text_of(by_class(&doc, "five")[0]);
            let mean = "3 / 5";
            assert!(five.contains(mean) && five.contains(room::W::Lowest.get(lang)), "{five}");
            let trust = by_class(&doc, "trust")[0];
            let now: Vec<_> =
                trust.descendants().filter(|n| n.attribute("aria-current") == Some("true")).collect();
            assert_eq!(now.len(), 1);
            assert!(text_of(now[0]).starts_with('2'));
            // The parties point to two forms: flagged in words.
            assert_eq!(by_class(&doc, "mismatch").len(), 1, "{}", text_of(gauges));
            // The detail is in the spotlights, not on the board.
            assert!(by_class(&doc, "bars").is_empty() && by_class(&doc, "chooser").is_empty());

            // The relationship full screen: the five scores as bars, 1 to 5.
            let mut rel = snap(&s, None, lang, Some(t("10:10")));
            rel.state.screen = RoomScreen::Spotlight(Spot::Relationship);
            let html = room::render_page(&rel, 2);
            assert!(!html.contains("GEHEIM"));
            let doc = parse(&html);
            let values: Vec<String> = by_class(&doc, "value").iter().map(|n| text_of(*n)).collect();
            assert_eq!(values, ["1", "2", "3", "4", "5"]);
            let fills: Vec<_> =
                by_class(&doc, "fill").iter().map(|n| n.attribute("class").unwrap()).collect();
            assert_eq!(fills, ["fill w20", "fill w40", "fill w60", "fill w80", "fill w100"]);

            // The chooser full screen: a cell per form, each party in the
            // cell its answers point to, the mismatch said in words.
            rel.state.screen = RoomScreen::Spotlight(Spot::Grondvorm);
            let html = room::render_page(&rel, 2);
            assert!(!html.contains("GEHEIM"));
            let doc = parse(&html);
            assert_eq!(by_class(&doc, "mismatch").len(), 1);
            let cells: Vec<_> = by_class(&doc, "form").into_iter().filter(|n| n.has_tag_name("td")).collect();
            assert_eq!(cells.len(), 4);
            let pointed: Vec<String> = cells
                .iter()
                .filter(|c| c.attribute("class").unwrap().contains("pointed"))
                .map(|c| text_of(*c))
                .collect();
            assert_eq!(pointed.len(), 2, "{pointed:?}");
            assert!(pointed.iter().any(|c| c.contains(&format!("{text}."))));
        }
    }
}

#[test]
fn a_chosen_form_is_marked_and_agreeing_parties_raise_no_flag() {
    let mut s = instrumented("Gemeente");
    let p1 = s.parties[1].id.clone();
    s.set_party_form(&p1, Some(Intentie::Verbeteren), Some(Aard::Delen), "", t("10:20")).unwrap();
    s.choose_form(kompas::domain::grondvorm::Grondvorm::Functioneel, SECRET, t("10:21"));
    let mut one = snap(&s, None, Lang::Nl, None);
    one.state.screen = RoomScreen::Spotlight(Spot::Grondvorm);
    let html = room::render_page(&one, 2);
    assert!(!html.contains("GEHEIM"), "the rationale stays with the facilitator");
    let doc = parse(&html);
    assert!(by_class(&doc, "mismatch").is_empty());
    let chosen: Vec<_> = by_class(&doc, "chosen").into_iter().filter(|n| n.has_tag_name("td")).collect();
    assert_eq!(chosen.len(), 1);
    assert!(text_of(chosen[0]).contains("Functioneel") && text_of(chosen[0]).contains("gekozen"));
}

#[test]
fn the_chain_brings_the_minutes_charts_in_large_type() {
    let chain = demo_chain();
    let last = chain.last().unwrap().clone();
    for lang in LANGS {
        let mut rel = snap(&last, Some(chain.clone()), lang, None);
        rel.state.screen = RoomScreen::Spotlight(Spot::Relationship);
        let html = room::render_page(&rel, 2);
        let doc = parse(&html);
        let svgs: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("svg")).collect();
        let classes: Vec<_> = svgs.iter().map(|n| n.attribute("class").unwrap()).collect();
        assert_eq!(classes, ["chart thermometer", "chart conditions", "chart trust"], "{lang:?}");
        for svg in &svgs {
            // Three meetings on the x axis, drawn by the minutes' chart code.
            assert!(svg.attribute("role") == Some("img") && svg.attribute("viewBox").is_some());
            assert!(svg.descendants().any(|n| n.has_tag_name("polyline")), "a line over the meetings");
        }
        assert!(room::STYLE.contains(&format!("svg.chart text {{ font-size: {}px;", room::CHART_FONT)));
        // Without the chain (still loading) there are no charts over the
        // meetings yet; the board never has them (they need the space).
        rel.chain = None;
        assert!(!room::render_page(&rel, 2).contains("<svg"));
        let board = room::render_page(&snap(&last, Some(chain.clone()), lang, None), 2);
        assert!(!board.contains("<svg") && board.contains("class=\"gauges\""));
    }
}

#[test]
fn hostile_text_in_the_instruments_stays_text() {
    for text in hostile::CORPUS {
        let s = instrumented(text);
        for screen in [
            RoomScreen::Board,
            RoomScreen::Spotlight(Spot::Clock),
            RoomScreen::Spotlight(Spot::Relationship),
            RoomScreen::Spotlight(Spot::Grondvorm),
        ] {
            let mut one = snap(&s, None, Lang::Nl, Some(t("10:10")));
            one.state.screen = screen.clone();
            let html = room::render_page(&one, 5);
            let doc = parse(&html);
            for bad in hostile::FORBIDDEN_MARKUP {
                assert!(!html.contains(bad), "{text:?} {screen:?}: {bad}");
            }
            assert!(!html.chars().any(|c| c.is_control() && c != '\n'), "{text:?}");
            assert_eq!(doc.descendants().filter(|n| n.has_tag_name("script")).count(), 1);
        }
    }
}

/// The stream carries the instruments, and a clock that runs moves with
/// each state kompas hands over (once a second while it runs).
#[test]
fn the_event_stream_carries_the_instruments_and_the_running_clock() {
    let chain = demo_chain();
    let mut s = chain.last().unwrap().clone();
    let start = s.last_recorded() + Span::minutes(1);
    let extra =
        AgendaFields { title: "Nagekomen punt".into(), phase: s.phase, planned_minutes: 10, lead: None };
    let item = s.add_agenda_item(&extra, None, start).unwrap();
    s.start_agenda_item(&item, start).unwrap();
    let first = snap(&s, Some(chain.clone()), Lang::Nl, Some(start));
    let mut server = RoomServer::start("127.0.0.1:0".parse().unwrap(), first, Limits::default()).unwrap();
    let mut events = client::Events::open(server.addr(), "/events");
    events.set_timeout(Duration::from_secs(5));
    let e = events.next().expect("the current view");
    for part in [
        "id=\"clock\"",
        "Nagekomen punt",
        "gauge temperature",
        "gauge five",
        "gauge trust",
        "gauge form",
        "0:00</strong> / 10:00",
    ] {
        assert!(e.data.contains(part), "{part} in the first event");
    }
    for secs in 1..=3 {
        server.publish(snap(&s, Some(chain.clone()), Lang::Nl, Some(start + Span::seconds(secs))));
        let want = format!("0:{secs:02}</strong> / 10:00");
        let e = events.until(|e| e.data.contains(&want)).expect("the clock moved");
        assert!(e.data.contains("gauge five"));
    }
    let mut rel = snap(&s, Some(chain.clone()), Lang::Nl, Some(start + Span::seconds(4)));
    rel.state.screen = RoomScreen::Spotlight(Spot::Relationship);
    server.publish(rel);
    let e = events.until(|e| e.data.contains("spot-relationship")).expect("the spotlight");
    assert!(
        e.data.contains("chart thermometer")
            && e.data.contains("chart conditions")
            && e.data.contains("chart trust")
    );
    // GET / without the script gives the latest time too.
    let page = client::request(server.addr(), "GET", "/");
    assert!(page.body.contains("chart trust"), "the static page is up to date");
    server.stop();
}

#[test]
fn an_instrument_in_the_spotlight_fills_the_screen() {
    let chain = demo_chain();
    let s = instrumented("Welkom");
    let last = chain.last().unwrap().clone();
    for lang in LANGS {
        let mut one = snap(&s, None, lang, Some(t("10:17")));
        one.state.screen = RoomScreen::Spotlight(Spot::Clock);
        let html = room::render_page(&one, 2);
        let doc = parse(&html);
        assert_eq!(
            doc.descendants().find(|n| n.has_tag_name("main")).unwrap().attribute("class"),
            Some("spotlight")
        );
        assert!(!by_class(&doc, "spot-clock").is_empty());
        assert_eq!(by_class(&doc, "time")[0].attribute("data-state"), Some("nearly"));
        assert!(by_class(&doc, "map").is_empty(), "the clock alone");

        let mut rel = snap(&last, Some(chain.clone()), lang, None);
        rel.state.screen = RoomScreen::Spotlight(Spot::Relationship);
        let html = room::render_page(&rel, 2);
        assert!(!html.contains("GEHEIM"));
        let doc = parse(&html);
        assert!(!by_class(&doc, "spot-relationship").is_empty());
        assert_eq!(doc.descendants().filter(|n| n.has_tag_name("svg")).count(), 3);
        assert!(by_class(&doc, "chooser").is_empty() && by_class(&doc, "agreements").is_empty());

        rel.state.screen = RoomScreen::Spotlight(Spot::Grondvorm);
        let doc_html = room::render_page(&rel, 2);
        let doc = parse(&doc_html);
        assert_eq!(by_class(&doc, "chooser").len(), 1);
    }
    // Nothing to show yet: the board, never an empty screen.
    let mut bare = common::realistic_session();
    bare.agenda.clear();
    let mut none = snap(&bare, None, Lang::Nl, None);
    none.state.screen = RoomScreen::Spotlight(Spot::Grondvorm);
    assert!(room::render_page(&none, 2).contains("class=\"board "));
}
