//! The room display's page as rendered: well-formed, self-contained, its
//! policy's hashes matching its inline style and script, readable, private
//! things left out, hostile text harmless in the page and in the stream.

use crate::common;
#[path = "support/hostile.rs"]
mod hostile;

use std::sync::Arc;

use base64::Engine;
use chrono::NaiveDate;
use kompas::domain::{AgreementFields, AgreementStatus, InterestKind, PartyFields, Session, TABLE};
use kompas::i18n::{Lang, Msg};
use kompas::room::{self, RoomScreen, RoomSnapshot, RoomState, Spot};
use roxmltree::{Document, Node, ParsingOptions};
use sha2::{Digest, Sha256};

const LANGS: [Lang; 2] = [Lang::Nl, Lang::En];

fn today() -> NaiveDate {
    common::date(2026, 3, 20)
}

fn snap(s: &Session, lang: Lang, screen: RoomScreen) -> RoomSnapshot {
    let mut state = RoomState::new(lang, today());
    state.screen = screen;
    RoomSnapshot { session: Some(Arc::new(s.clone())), chain: None, state }
}

fn page(s: &Session, lang: Lang, screen: RoomScreen) -> String {
    room::render_page(&snap(s, lang, screen), 3)
}

fn parse(html: &str) -> Document<'_> {
    let options = ParsingOptions { allow_dtd: true, ..Default::default() };
    Document::parse_with_options(html, options).unwrap_or_else(|e| panic!("not well-formed: {e}\n{html}"))
}

fn elements<'a>(doc: &'a Document<'a>, name: &'static str) -> Vec<Node<'a, 'a>> {
    doc.descendants().filter(|n| n.has_tag_name(name)).collect()
}

fn by_class<'a>(doc: &'a Document<'a>, class: &str) -> Vec<Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.attribute("class").is_some_and(|c| c.split(' ').any(|x| x == class)))
        .collect()
}

fn text_of(n: Node) -> String {
    n.descendants().filter(|d| d.is_text()).filter_map(|d| d.text()).collect()
}

fn demo_sessions() -> Vec<Session> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "json"));
    files.sort();
    files.iter().map(|p| kompas::storage::load(p).unwrap().session).collect()
}

fn sha256(s: &str) -> String {
    format!("sha256-{}", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes())))
}

#[test]
fn the_policy_hashes_match_the_inline_style_and_script() {
    assert_eq!(
        room::STYLE_HASH,
        sha256(room::STYLE),
        "src/room/room.css changed: put this hash in STYLE_HASH (src/room/page.rs)"
    );
    assert_eq!(
        room::SCRIPT_HASH,
        sha256(room::SCRIPT),
        "src/room/room.js changed: put this hash in SCRIPT_HASH (src/room/page.rs)"
    );
    // And the page holds exactly those bytes, once each.
    let s = common::realistic_session();
    let html = page(&s, Lang::Nl, RoomScreen::Board);
    let inline = |open: &str, close: &str| {
        let parts: Vec<&str> = html.split(open).skip(1).map(|p| p.split(close).next().unwrap()).collect();
        assert_eq!(parts.len(), 1, "one {open}");
        parts[0].to_string()
    };
    let csp = room::content_security_policy();
    assert!(csp.contains(&format!("style-src '{}'", sha256(&inline("<style>", "</style>")))), "{csp}");
    assert!(csp.contains(&format!("script-src '{}'", sha256(&inline("<script>", "</script>")))), "{csp}");
    for directive in ["default-src 'none'", "connect-src 'self'", "base-uri 'none'", "frame-ancestors 'none'"]
    {
        assert!(csp.contains(directive), "{directive}");
    }
    assert!(!csp.contains("unsafe") && !csp.contains("http") && !csp.contains('*'), "{csp}");
}

#[test]
fn the_page_is_well_formed_and_fetches_nothing() {
    let mut screens = vec![RoomScreen::Board, RoomScreen::Blank, RoomScreen::Spotlight(Spot::Phase)];
    for s in demo_sessions() {
        screens.push(RoomScreen::Spotlight(Spot::Party(s.parties[0].id.clone())));
        screens.push(RoomScreen::Spotlight(Spot::Agreement(s.agreements[0].id.clone())));
        for lang in LANGS {
            for screen in &screens {
                let html = page(&s, lang, screen.clone());
                let doc = parse(&html);
                let root = doc.root_element();
                assert_eq!(root.attribute("lang"), Some(lang.id()));
                assert_eq!(elements(&doc, "style").len(), 1);
                assert_eq!(elements(&doc, "script").len(), 1);
                assert_eq!(elements(&doc, "main").len(), 1);
                let title = text_of(elements(&doc, "title")[0]);
                assert_eq!(title, format!("{} · kompas", s.title));
                for name in
                    ["link", "img", "iframe", "object", "embed", "base", "form", "input", "a", "meta-refresh"]
                {
                    assert!(elements(&doc, name).is_empty(), "<{name}>");
                }
                for n in doc.descendants().filter(|n| n.is_element()) {
                    for a in n.attributes() {
                        assert!(!a.name().starts_with("on"), "event handler {}", a.name());
                        assert_ne!(a.name(), "style", "a style attribute would be refused by the policy");
                        let v = a.value().to_ascii_lowercase();
                        assert!(
                            !v.contains("http:") && !v.contains("https:") && !v.contains("javascript:"),
                            "{v}"
                        );
                    }
                }
                let style = room::STYLE;
                assert!(
                    !style.contains("url(") && !style.contains("@import") && !style.contains("@font-face")
                );
                assert!(!room::SCRIPT.contains("http") && !room::SCRIPT.contains("eval("));
            }
        }
    }
}

/// WCAG relative luminance and contrast of two `#rrggbb` colours.
fn contrast(a: &str, b: &str) -> f64 {
    let lum = |hex: &str| {
        let c = |i: usize| {
            let v = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if v <= 0.03928 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * c(1) + 0.7152 * c(3) + 0.0722 * c(5)
    };
    let (x, y) = (lum(a), lum(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[test]
fn every_text_colour_has_high_contrast() {
    let var = |name: &str| {
        let at = room::STYLE.find(&format!("--{name}:")).unwrap_or_else(|| panic!("--{name}"));
        room::STYLE[at..].split(':').nth(1).unwrap().split(';').next().unwrap().trim().to_string()
    };
    // Text on its backgrounds: at least 7:1 (WCAG AAA), for the back row.
    for (text, background) in [
        ("ink", "bg"),
        ("muted", "bg"),
        ("accent", "bg"),
        ("late", "bg"),
        ("on-accent", "accent"),
        ("on-accent", "late"),
        ("ink", "soft"),
        ("muted", "soft"),
        ("ok", "bg"),
        ("warn", "bg"),
        ("warn", "warn-bg"),
    ] {
        let ratio = contrast(&var(text), &var(background));
        assert!(ratio >= 7.0, "--{text} on --{background}: {ratio:.1}:1");
    }
    // Lines between cells: at least 3:1 (non-text contrast).
    assert!(contrast(&var("rule"), &var("bg")) >= 3.0);
    // The type grows with the screen: no fixed pixel size for text.
    assert!(room::STYLE.contains("clamp(16px, min(1.45vw, 2.6vh), 48px)"));
}

#[test]
fn the_board_shows_phases_question_agreements_and_the_map() {
    let s = common::realistic_session();
    for lang in LANGS {
        let html = page(&s, lang, RoomScreen::Board);
        let doc = parse(&html);
        // Phase strip: current Delen after a step back from Overeenkomen,
        // which is marked ↩ like on the terminal (not ticked as done).
        let strip = by_class(&doc, "strip")[0];
        let items: Vec<_> = strip.children().filter(|c| c.is_element()).collect();
        let classes: Vec<_> = items.iter().map(|c| c.attribute("class").unwrap()).collect();
        assert_eq!(classes, ["done", "current", "stepped-back", "ahead", "ahead"]);
        let marks: Vec<String> = items.iter().map(|c| text_of(c.first_element_child().unwrap())).collect();
        assert_eq!(marks, ["✓", "▶", "↩", "", ""]);
        // The latest question of the phase, with its answer.
        let q = by_class(&doc, "question")[0];
        assert!(text_of(q).contains("Waar zit de spanning?"));
        assert!(text_of(q).contains("Geld: wie betaalt de coördinator?"));
        // Agreements: open first, overdue marked in words, owners named.
        let items: Vec<_> =
            by_class(&doc, "agreements").into_iter().filter(|n| n.has_tag_name("ol")).collect();
        let rows: Vec<_> = items[0].children().filter(|c| c.is_element()).collect();
        let texts: Vec<String> = rows.iter().map(|r| text_of(*r)).collect();
        assert!(texts[0].starts_with("Cijfers over heropnames delen"), "{texts:?}");
        assert!(texts[0].contains(Msg::Overdue.get(lang)) && texts[0].contains("Zorggroep Noördwijk"));
        assert!(texts[1].starts_with("Intentieverklaring"));
        assert!(!texts[1].contains(Msg::Overdue.get(lang)), "due 1 April, today 20 March");
        assert!(texts[2].starts_with("Buurtkamer") && rows[2].attribute("class").unwrap().contains("closed"));
        // The map: a row per party, a column per kind, empty cells shown.
        let map = by_class(&doc, "map").into_iter().find(|n| n.has_tag_name("table")).unwrap();
        let trs: Vec<_> = map.descendants().filter(|n| n.has_tag_name("tr")).collect();
        assert_eq!(trs.len(), 1 + s.parties.len());
        for tr in &trs {
            assert_eq!(tr.children().filter(|c| c.is_element()).count(), 4);
        }
        assert!(!by_class(&doc, "empty").is_empty());
    }
}

#[test]
fn individual_interests_stay_off_the_board_unless_shown_on_purpose() {
    let mut s = common::realistic_session();
    let personal = "Herverkiezing; geen incidenten in de krant";
    let id = s.interests.iter().find(|i| i.text == personal).unwrap().id.clone();
    assert_eq!(s.interests.iter().find(|i| i.id == id).unwrap().kind, InterestKind::Individueel);
    let spot = RoomScreen::Spotlight(Spot::Interest(id.clone()));
    for lang in LANGS {
        assert!(!page(&s, lang, RoomScreen::Board).contains("Herverkiezing"));
        let spotlit = page(&s, lang, spot.clone());
        assert!(!spotlit.contains("Herverkiezing"), "a spotlight does not show it either");
        assert!(spotlit.contains("class=\"board"), "the board instead");
    }
    s.toggle_on_room(&id, common::at("2026-03-12T12:00:00+01:00")).unwrap();
    assert!(page(&s, Lang::Nl, RoomScreen::Board).contains("Herverkiezing"));
    assert!(page(&s, Lang::Nl, spot).contains("<p class=\"big\">Herverkiezing"));
}

#[test]
fn private_items_leave_no_trace() {
    let mut s = common::realistic_session();
    let now = common::at("2026-03-12T12:00:00+01:00");
    let agreement = s.agreements.iter().find(|a| a.text.starts_with("Cijfers")).unwrap().id.clone();
    let interest = s.interests.iter().find(|i| i.text.starts_with("Leefbaarheid")).unwrap().id.clone();
    let answer = s.reflections.iter().find(|r| r.answer.starts_with("Geld")).unwrap().id.clone();
    let before = page(&s, Lang::Nl, RoomScreen::Board);
    for id in [&agreement, &interest, &answer] {
        s.toggle_on_room(id, now).unwrap();
    }
    let html = page(&s, Lang::Nl, RoomScreen::Board);
    for gone in
        ["Cijfers over heropnames", "Leefbaarheid in de flats", "Geld: wie betaalt", "Waar zit de spanning"]
    {
        assert!(before.contains(gone) && !html.contains(gone), "{gone}");
    }
    // The open count drops with it: nothing hints at a hidden item.
    assert!(before.contains("<span class=\"count\">2 open</span>"));
    assert!(html.contains("<span class=\"count\">1 open</span>"));
    // The question shown falls back to the latest one the room may see.
    assert!(html.contains("Wat hebben we van elkaar geleerd?"));
    for spot in [Spot::Agreement(agreement), Spot::Interest(interest)] {
        assert!(!page(&s, Lang::Nl, RoomScreen::Spotlight(spot)).contains("class=\"spot\""));
    }
}

/// Issue 9 item 9: the whole table's interests in a last row of the map,
/// a jointly owned agreement named so, and its spotlight with what all
/// want and offer.
#[test]
fn the_whole_table_has_its_row_owner_and_spotlight() {
    let mut s = common::realistic_session();
    let now = common::at("2026-03-12T12:00:00+01:00");
    s.add_interest(TABLE, InterestKind::Collectief, "Ouderen blijven in hun eigen buurt", now).unwrap();
    s.set_table("Eén plan per huishouden", "Kennis van elke straat", now);
    let f = AgreementFields {
        text: "Samen de buurt in".into(),
        owner: Some(TABLE.into()),
        parties: vec![],
        due: None,
        status: AgreementStatus::Agreed,
        phase_result: false,
    };
    s.add_agreement(&f, now).unwrap();
    for lang in LANGS {
        let name = kompas::domain::table_words::WholeTable.get(lang);
        let html = page(&s, lang, RoomScreen::Board);
        let doc = parse(&html);
        let map = by_class(&doc, "map").into_iter().find(|n| n.has_tag_name("table")).unwrap();
        let trs: Vec<_> = map.descendants().filter(|n| n.has_tag_name("tr")).collect();
        assert_eq!(trs.len(), 1 + s.parties.len() + 1, "a row for the whole table");
        let last = trs.last().unwrap();
        assert_eq!(last.attribute("class"), Some("whole-table"));
        assert!(text_of(*last).starts_with(name) && text_of(*last).contains("Ouderen blijven"));
        let joint =
            by_class(&doc, "agreements").into_iter().filter(|n| n.has_tag_name("ol")).collect::<Vec<_>>()[0]
                .children()
                .filter(|c| c.is_element())
                .map(text_of)
                .find(|t| t.starts_with("Samen de buurt in"))
                .unwrap();
        assert!(joint.contains(name), "{joint}");
        let html = page(&s, lang, RoomScreen::Spotlight(Spot::Party(TABLE.into())));
        assert_eq!(text_of(by_class(&parse(&html), "big")[0]), name);
        assert!(html.contains("Eén plan per huishouden") && html.contains("Kennis van elke straat"));
    }
}

#[test]
fn blank_shows_nothing_and_no_session_shows_a_wait() {
    let s = common::realistic_session();
    let html = page(&s, Lang::En, RoomScreen::Blank);
    let doc = parse(&html);
    let main = elements(&doc, "main")[0];
    assert_eq!(main.attribute("class"), Some("blank"));
    assert_eq!(text_of(main).trim(), "");
    for lang in LANGS {
        let waiting = room::render_page(
            &RoomSnapshot { session: None, chain: None, state: RoomState::new(lang, today()) },
            1,
        );
        assert!(parse(&waiting).root_element().has_tag_name("html"));
        assert!(waiting.contains(&kompas::export::escape_html(kompas::room::W::Waiting.get(lang))));
    }
}

#[test]
fn a_spotlight_shows_one_thing_large() {
    let s = common::realistic_session();
    let party = &s.parties[1];
    let html = page(&s, Lang::En, RoomScreen::Spotlight(Spot::Party(party.id.clone())));
    let doc = parse(&html);
    assert_eq!(elements(&doc, "main")[0].attribute("class"), Some("spotlight"));
    let big = by_class(&doc, "big");
    assert_eq!(big.len(), 1);
    assert_eq!(text_of(big[0]), party.organisation);
    assert!(html.contains(&party.wants) && html.contains(&party.offers));
    let q = "Wat hebben we van elkaar geleerd?";
    let html = page(&s, Lang::Nl, RoomScreen::Spotlight(Spot::Question(q.into())));
    assert!(html.contains("niemand wist het") && html.contains(q));
    let html = page(&s, Lang::En, RoomScreen::Spotlight(Spot::Phase));
    assert!(html.contains("Sharing interests and ambitions"));
}

#[test]
fn a_large_session_renders_only_what_fits_a_screen() {
    let s = kompas::generate::session(kompas::generate::Size::LARGE, 1);
    let html = page(&s, Lang::Nl, RoomScreen::Board);
    // Bounded by the caps, not by the session: 12 parties, 14 agreements
    // and 8 answers of the generator's long texts.
    assert!(html.len() < 128 * 1024, "{} bytes", html.len());
    let doc = parse(&html);
    let ol = by_class(&doc, "agreements").into_iter().find(|n| n.has_tag_name("ol")).unwrap();
    assert_eq!(ol.children().filter(|c| c.is_element()).count(), room::MAX_AGREEMENTS);
    let on_room = s.agreements.iter().filter(|a| s.on_room(&a.id)).count();
    assert!(on_room < s.agreements.len(), "the generator keeps some private");
    assert!(html.contains(&format!("+ {} meer", on_room - room::MAX_AGREEMENTS)));
    let table = elements(&doc, "tbody")[0];
    assert!(table.children().filter(|c| c.is_element()).count() <= room::MAX_PARTIES);
}

/// A session with `text` in every field the room display shows.
fn hostile_session(text: &str) -> Session {
    let now = common::at("2026-03-12T09:00:00+01:00");
    let mut s = Session::new("h".into(), text, common::date(2026, 3, 12), text, now)
        .unwrap_or_else(|_| Session::new("h".into(), "x", common::date(2026, 3, 12), "", now).unwrap());
    let f = PartyFields {
        organisation: format!("{text}."),
        wants: text.into(),
        offers: text.into(),
        ..Default::default()
    };
    let p = s.add_party(&f, now).unwrap();
    for kind in InterestKind::ALL {
        let id = s.add_interest(&p, kind, &format!("{text}."), now).unwrap();
        if kind == InterestKind::Individueel {
            s.toggle_on_room(&id, now).unwrap();
        }
    }
    let a = AgreementFields {
        text: format!("{text}."),
        owner: Some(p.clone()),
        parties: vec![p],
        due: Some(common::date(2026, 3, 1)),
        status: AgreementStatus::Agreed,
        phase_result: true,
    };
    s.add_agreement(&a, now).unwrap();
    s.add_reflection(None, &format!("{text}?"), &format!("{text}!"), now).unwrap();
    s
}

#[test]
fn hostile_text_is_text_in_the_page_and_in_the_stream() {
    for text in hostile::CORPUS {
        let s = hostile_session(text);
        let spots = [
            RoomScreen::Board,
            RoomScreen::Spotlight(Spot::Party(s.parties[0].id.clone())),
            RoomScreen::Spotlight(Spot::Interest(s.interests[1].id.clone())),
            RoomScreen::Spotlight(Spot::Agreement(s.agreements[0].id.clone())),
            RoomScreen::Spotlight(Spot::Question(s.reflections[0].question.clone())),
        ];
        for screen in spots {
            let snapshot = snap(&s, Lang::Nl, screen.clone());
            let html = room::render_page(&snapshot, 5);
            let doc = parse(&html);
            for bad in hostile::FORBIDDEN_MARKUP {
                assert!(!html.contains(bad), "{text:?} {screen:?}: {bad}");
            }
            assert!(!html.chars().any(|c| c.is_control() && c != '\n'), "{text:?}: a raw control character");
            assert_eq!(elements(&doc, "script").len(), 1, "{text:?}");
            assert_eq!(elements(&doc, "style").len(), 1, "{text:?}");
            assert_eq!(elements(&doc, "main").len(), 1, "{text:?}");
            // The text arrives as text, made safe as in the minutes.
            let shown = kompas::text::safe_line(&text.replace(['\r', '\n', '\t'], " "))
                .replace(['\u{fffe}', '\u{ffff}'], "\u{fffd}");
            let words: String = doc.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect();
            let first = shown.split_whitespace().find(|w| w.chars().count() > 3).unwrap();
            assert!(words.contains(first), "{text:?}: {first:?} not shown as text");

            // One event, every line a data line: nothing in the text can end
            // the event or start a field of its own.
            let main = room::render_main(&snapshot, 5);
            let event = kompas::room::sse_event(5, &main);
            let body = event.strip_suffix("\n\n").unwrap();
            assert!(!body.contains("\n\n") && !body.contains('\r'), "{text:?}");
            for line in body.lines().skip(3) {
                assert!(line.starts_with("data: "), "{text:?}: {line:?}");
            }
        }
    }
}
