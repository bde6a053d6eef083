//! `assets/kompas-session.schema.json` describes the session file exactly as
//! kompas writes it: it compiles, every shipped session and a session that uses
//! every field validate, and broken documents are rejected.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate};
use jsonschema::Validator;
use kompas::domain::grondvorm::{Motive, Pole, Reason};
use kompas::domain::{
    Aard, AgreementFields, AgreementStatus, AmbitionLens, Condition, ContextAspect, Continuation, Finding,
    Grondvorm, Intentie, InterestKind, KeyQuestion, PartyFields, Phase, ReformulationMove, RouteField,
    Session, TABLE, Temperature, Timestamp, TrustStage, TypicalProblem,
};
use serde_json::{Value, json};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn schema() -> Value {
    let path = root().join("assets/kompas-session.schema.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The validator, draft 2020-12, with `format` checked as an assertion too.
fn validator() -> Validator {
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema())
        .unwrap_or_else(|e| panic!("the schema does not compile: {e}"))
}

/// Panics with every validation error when `doc` does not validate.
fn assert_valid(v: &Validator, doc: &Value, what: &str) {
    let errors: Vec<String> =
        v.iter_errors(doc).map(|e| format!("  at {}: {e}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{what} does not validate:\n{}", errors.join("\n"));
}

fn at(s: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn pretty(s: &Session) -> Value {
    let bytes = serde_json::to_vec_pretty(s).unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

fn session_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("sessions"))
        .expect("sessions/ exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn schema_is_valid_draft_2020_12_and_compiles() {
    let schema = schema();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    if let Err(e) = jsonschema::draft202012::meta::validate(&schema) {
        panic!("the schema is not a valid draft 2020-12 schema: {e}");
    }
    jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("validator_for: {e}"));
    jsonschema::draft202012::new(&schema).unwrap_or_else(|e| panic!("draft202012::new: {e}"));
    validator();
}

#[test]
fn every_known_property_has_a_description() {
    fn walk(v: &Value, path: &str, missing: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                if let Some(Value::Object(props)) = map.get("properties") {
                    for (name, prop) in props {
                        if prop.get("description").and_then(Value::as_str).is_none_or(str::is_empty) {
                            missing.push(format!("{path}/properties/{name}"));
                        }
                    }
                }
                if map.get("type") == Some(&json!("object")) {
                    assert_ne!(
                        map.get("additionalProperties"),
                        Some(&json!(false)),
                        "{path} must allow unknown properties"
                    );
                }
                for (k, child) in map {
                    walk(child, &format!("{path}/{k}"), missing);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    walk(child, &format!("{path}/{i}"), missing);
                }
            }
            _ => {}
        }
    }
    let mut missing = Vec::new();
    walk(&schema(), "#", &mut missing);
    assert!(missing.is_empty(), "properties without a description: {missing:?}");
}

#[test]
fn every_shipped_session_validates() {
    let v = validator();
    let files = session_files();
    assert!(!files.is_empty(), "sessions/ holds no session files");
    for path in files {
        let doc: Value = serde_json::from_slice(&std::fs::read(&path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_valid(&v, &doc, &path.display().to_string());
    }
}

/// A session that uses every field of the format, each optional both set and
/// unset, every enum value, a step back with a reason, and unknown fields.
fn full_session() -> Session {
    let t = |hm: &str| at(&format!("2026-03-12T{hm}:00+01:00"));
    let mut s = Session::new(
        "full".into(),
        "Alles erin",
        NaiveDate::from_ymd_opt(2026, 3, 12).unwrap(),
        "",
        t("09:00"),
    )
    .unwrap();

    let full = PartyFields {
        organisation: "Gemeente".into(),
        representative: "Karim Bensaïd".into(),
        role: "wethouder".into(),
        wants: "één aanpak".into(),
        offers: "regie".into(),
    };
    let a = s.add_party(&full, t("09:01")).unwrap();
    let b = s
        .add_party(&PartyFields { organisation: "Woonstede".into(), ..Default::default() }, t("09:02"))
        .unwrap();
    s.update_party(
        &b,
        &PartyFields { organisation: "Woonstede".into(), role: "corporatie".into(), ..Default::default() },
        t("09:03"),
    )
    .unwrap();

    for (n, kind) in InterestKind::ALL.into_iter().enumerate() {
        s.add_interest(&a, kind, &format!("belang {n}"), t("09:05")).unwrap();
    }
    for lens in AmbitionLens::ALL {
        s.set_ambition(lens, "ambitie", t("09:06"));
    }
    for aspect in ContextAspect::ALL {
        s.set_context(aspect, "context", t("09:07"));
    }

    // Every phase, skipping forward and stepping back, with and without reason.
    s.move_to_phase(Phase::Overeenkomen, None, t("09:10")).unwrap();
    s.move_to_phase(Phase::Delen, Some("nieuw belang op tafel"), t("09:20")).unwrap();
    s.move_to_phase(Phase::Vormgeven, Some("koers staat"), t("09:30")).unwrap();
    s.move_to_phase(Phase::Uitvoeren, None, t("09:40")).unwrap();
    assert!(s.phase_history.iter().any(|m| m.is_step_back() && m.reason.is_some()));

    for (n, status) in AgreementStatus::ALL.into_iter().enumerate() {
        let (owner, parties, due) = if n % 2 == 0 {
            (Some(a.clone()), vec![a.clone(), b.clone()], NaiveDate::from_ymd_opt(2026, 4, 1))
        } else {
            (None, vec![], None)
        };
        let f = AgreementFields {
            text: format!("afspraak {n}"),
            owner,
            parties,
            due,
            status,
            phase_result: n == 1,
        };
        s.add_agreement(&f, t("09:45")).unwrap();
    }
    s.add_reflection(Some("alle.hoe-ervaren-jullie"), "Hoe gaat het?", "Goed", t("09:50")).unwrap();
    s.add_reflection(None, "Eigen vraag?", "Antwoord", t("09:51")).unwrap();
    for (n, level) in Temperature::ALL.into_iter().enumerate() {
        let note = if n % 2 == 0 { "opgemerkt" } else { "" };
        s.record_temperature(level, note, at(&format!("2026-03-12T10:0{n}:00.250Z")));
    }

    // The basic-form chooser: a full and a half answer, the chosen form, a
    // key answer and an agreement made from one, reasons, motives, a dilemma.
    s.set_party_form(&a, Some(Intentie::Vernieuwen), Some(Aard::Delen), "samen iets nieuws", t("09:52"))
        .unwrap();
    s.set_party_form(&b, None, Some(Aard::Uitwisselen), "", t("09:53")).unwrap();
    s.choose_form(Grondvorm::Ondernemend, "nieuw aanbod", t("09:54"));
    s.set_key_answer(KeyQuestion::Huishouding, "gezamenlijk budget", t("09:55")).unwrap();
    let f = AgreementFields {
        text: "begroting opstellen".into(),
        owner: Some(a.clone()),
        parties: vec![],
        due: None,
        status: AgreementStatus::Agreed,
        phase_result: false,
    };
    s.add_key_question_agreement(KeyQuestion::Huishouding, &f, t("09:56")).unwrap();
    s.toggle_reason(&a, Reason::GezamenlijkeInnovatie, t("09:57")).unwrap();
    s.toggle_reason(&a, Reason::MoreelAppel, t("09:57")).unwrap();
    s.toggle_motive(&b, Motive::Affectief, t("09:57")).unwrap();
    s.choose_pole(Pole::Iteratief, "in rondes", t("09:58"));
    s.choose_pole(Pole::Laag, "", t("09:58"));
    // Room display marks: an individual interest shown, an agreement and
    // an answer kept private.
    let personal = s.interests.iter().find(|i| i.kind == InterestKind::Individueel).unwrap().id.clone();
    let (agreement, answer) = (s.agreements[0].id.clone(), s.reflections[0].id.clone());
    for id in [personal, agreement, answer] {
        s.toggle_on_room(&id, t("09:55")).unwrap();
    }
    // Running the meeting: agenda with a clock that ran and stopped, an item
    // led by a party and one done, attendance with and without a party,
    // notes with and without an item, a game dealt by kompas (silent, one
    // round without consensus, an own assignment) and one with physical cards.
    use kompas::domain::meeting::*;
    let item = |title: &str, lead: Option<&str>| AgendaFields {
        title: title.into(),
        phase: Phase::Delen,
        planned_minutes: 20,
        lead: lead.map(String::from),
    };
    let g1 = s.add_agenda_item(&item("Opening", Some(&a)), None, t("09:52")).unwrap();
    let g2 = s.add_agenda_item(&item("Belangen", None), None, t("09:52")).unwrap();
    s.start_agenda_item(&g1, t("09:53")).unwrap();
    s.next_agenda_item(t("09:54")).unwrap();
    s.stop_clock(t("09:55")).unwrap();
    s.add_note(Some(&g2), "regel 1\nregel 2", t("09:56")).unwrap();
    s.add_note(None, "algemeen", t("09:56")).unwrap();
    s.attendance_from_parties(t("09:57"));
    let guest = AttendeeFields {
        party: None,
        name: "Gast".into(),
        role: String::new(),
        presence: Presence::Afgemeld,
    };
    s.add_attendee(&guest, t("09:57")).unwrap();
    let setup = GameSetup {
        players: Players::Names(vec!["Karim".into(), "Marieke".into(), "Pieter".into()]),
        assignments: [
            RoundAssignment::Card(Assignment::Etentje),
            RoundAssignment::Own("Kies een naam".into()),
            RoundAssignment::Card(Assignment::Teamuitje),
        ],
        deal: DealMode::Kompas,
        silent: true,
    };
    let game = s.start_game(&setup, 9_007_199_254_740_991, t("09:58")).unwrap();
    s.deal_round(&game, 1, true, t("09:58")).unwrap();
    s.start_round(&game, 1, t("09:58")).unwrap();
    s.end_round(&game, 1, t("09:59")).unwrap();
    s.set_round_outcome(&game, 1, "De Kade", "Lastig", t("09:59")).unwrap();
    s.add_game_answer(&game, "besluit_bereikt", Some(1), "Ja", t("09:59")).unwrap();
    s.add_game_answer(&game, "eigen_strategie", None, "Adequaat", t("09:59")).unwrap();
    let physical = GameSetup { players: Players::Count(8), deal: DealMode::Fysiek, silent: false, ..setup };
    let game2 = s.start_game(&physical, 0, t("09:59")).unwrap();
    let seat = s.games[1].seats[0].id.clone();
    s.record_card(&game2, 1, &seat, Some(Strategy::Consensus), t("09:59")).unwrap();
    relationship_instruments(&mut s, &a, &b);
    // The whole table (issue 9): its interest, its wants and offers, an
    // agreement it owns (and so involves every party).
    s.add_interest(TABLE, InterestKind::Collectief, "bewoners blijven thuis", t("09:59")).unwrap();
    s.set_table("één wijkteam", "ieder een plek aan tafel", t("09:59"));
    let f = AgreementFields {
        text: "samen evalueren".into(),
        owner: Some(TABLE.into()),
        parties: vec![a.clone()],
        due: None,
        status: AgreementStatus::Agreed,
        phase_result: false,
    };
    s.add_agreement(&f, t("09:59")).unwrap();

    // Fields of a newer minor version, at every level that keeps them.
    s.extra.insert("x_portfolio".into(), json!({"alliance": "Zuid", "tags": ["wonen", "zorg"]}));
    s.parties[0].extra.insert("x_email".into(), json!("k.bensaid@example.org"));
    s.interests[0].extra.insert("x_weight".into(), json!(3));
    s.agreements[0].extra.insert("x_link".into(), json!(null));
    s.reflections[0].extra.insert("x_audio".into(), json!(false));
    s.temperature[0].extra.insert("x_who".into(), json!(["a", "b"]));
    s.grondvorm.extra.insert("x_matrix".into(), json!({"rows": 2}));
    s.parties[0].grondvorm.as_mut().unwrap().extra.insert("x_score".into(), json!(4));
    s.grondvorm
        .key_questions
        .get_mut(&KeyQuestion::Huishouding)
        .unwrap()
        .extra
        .insert("x_src".into(), json!("bord"));
    s.agenda[0].extra.insert("x_room".into(), json!("zaal 2"));
    s.agenda_clock[0].extra.insert("x_by".into(), json!("Anouk"));
    s.attendance[0].extra.insert("x_email".into(), json!("k@example.org"));
    s.notes[0].extra.insert("x_pinned".into(), json!(true));
    s.games[0].extra.insert("x_table".into(), json!(2));
    s.games[0].seats[0].extra.insert("x_colour".into(), json!("rood"));
    s.games[0].rounds[0].extra.insert("x_photo".into(), json!(null));
    s.games[0].answers[0].extra.insert("x_votes".into(), json!([3, 1]));
    s.table.extra.insert("x_board".into(), json!("flip-over"));
    assert!(s.problems().is_empty(), "{:?}", s.problems());
    s
}

/// Every field of the relationship instruments (issue 10), each optional
/// both set and unset where it can be.
fn relationship_instruments(s: &mut Session, a: &str, b: &str) {
    let t = |hm: &str| at(&format!("2026-03-12T{hm}:00+01:00"));
    let r =
        s.record_reading(Temperature::Onenigheid, Some(a), "gemeente ziet het anders", t("10:10")).unwrap();
    s.toggle_tried(&r, "waarom_samen", t("10:11")).unwrap();
    s.record_reading(Temperature::Conflict, Some(b), "", t("10:12")).unwrap();
    for (n, m) in ReformulationMove::ALL.iter().enumerate() {
        let how = (n > 0).then_some(*m);
        s.capture_reformulation(
            a,
            InterestKind::Collectief,
            "Wij betalen niet",
            &format!("zekerheid {n}"),
            how,
            t("10:13"),
        )
        .unwrap();
    }
    for (n, c) in Condition::ALL.iter().enumerate() {
        let score = (n != 1).then_some(1 + n as u8);
        let note = if n % 2 == 0 { "toelichting" } else { "" };
        s.score_condition(*c, score, note, t("10:20")).unwrap();
        if n < 2 {
            s.score_condition_for_party(*c, a, Some(5), "", t("10:21")).unwrap();
            s.score_condition_for_party(*c, b, Some(1), "ziet het somber", t("10:21")).unwrap();
        }
    }
    s.set_trust(TrustStage::OnderzoekendUitwisselen, "groeit", t("10:30"));
    for (n, p) in TypicalProblem::ALL.iter().enumerate() {
        if n % 3 == 0 {
            s.toggle_indicator(*p, "een_indicator", t("10:31")).unwrap();
        }
        if n % 3 == 1 {
            s.set_problem_note(*p, "in eigen woorden", t("10:32"));
        }
        s.set_finding(*p, Finding::ALL.get(n % 4).copied(), t("10:33"));
    }
    s.intervention_to_agreement(
        TypicalProblem::Onderorganisatie,
        "rollen_vastleggen",
        "Rollen vastleggen",
        t("10:34"),
    )
    .unwrap();
    for f in RouteField::ALL {
        s.set_route_note(*f, "notitie", t("10:35"));
    }
    s.set_continuation(Some(Continuation::Bijsturen), t("10:36"));
}

#[test]
fn a_session_using_every_field_validates() {
    let s = full_session();
    let doc = pretty(&s);

    // The document really holds every shape the schema has to allow.
    let history = doc["phase_history"].as_array().unwrap();
    assert!(history[0]["from"].is_null() && history[0].get("reason").is_none());
    assert!(history.iter().any(|m| m["reason"].is_string()));
    let agreements = doc["agreements"].as_array().unwrap();
    assert!(agreements.iter().any(|a| a["owner"].is_null() && a["due"].is_null()));
    assert!(agreements.iter().any(|a| a["owner"].is_string() && a["due"].is_string()));
    assert!(agreements.iter().any(|a| a["phase_result"] == json!(true)));
    assert!(doc["reflections"].as_array().unwrap().iter().any(|r| r["prompt"].is_null()));
    assert_eq!(doc["x_portfolio"]["alliance"], "Zuid");
    assert_eq!(doc["temperature"][0]["x_who"][1], "b");
    assert_eq!(doc["grondvorm"]["choice"]["form"], "ondernemend");
    assert_eq!(doc["grondvorm"]["key_questions"]["kv_huishouding"]["x_src"], "bord");
    assert_eq!(doc["parties"][0]["reasons"], json!(["gezamenlijke_innovatie", "moreel_appel"]));
    assert!(doc["parties"][1]["grondvorm"].get("intentie").is_none());
    assert_eq!(doc["ambition"]["dilemmas"]["volgorde"]["pole"], "iteratief");
    assert!(agreements.iter().any(|a| a["key_question"] == json!("kv_huishouding")));
    let marks: Vec<&Value> = doc["room"].as_object().unwrap().values().collect();
    assert!(marks.contains(&&json!("shown")) && marks.contains(&&json!("private")));
    assert!(doc["agenda"][0]["lead"].is_string() && doc["agenda"][0]["done_at"].is_string());
    assert!(doc["agenda"][1].get("lead").is_none() && doc["agenda"][1].get("done_at").is_none());
    assert!(doc["agenda_clock"].as_array().unwrap().iter().any(|m| m["item"].is_null()));
    assert!(doc["attendance"].as_array().unwrap().iter().any(|a| a.get("party").is_none()));
    assert!(doc["notes"].as_array().unwrap().iter().any(|n| n.get("item").is_none()));
    let games = &doc["games"];
    assert_eq!(games[0]["seed"], json!(9_007_199_254_740_991_u64));
    assert!(games[1].get("seed").is_none() && games[1]["deal"] == "fysiek");
    assert_eq!(games[0]["rounds"][0]["without_consensus"], true);
    assert!(games[0]["rounds"][1]["own_assignment"].is_string());
    assert!(games[0]["answers"].as_array().unwrap().iter().any(|a| a.get("round").is_none()));
    assert!(
        doc["temperature"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["party"].is_string() && t["tried"].is_object())
    );
    assert!(
        doc["interests"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["position"].is_string() && i.get("reformulation").is_none())
    );
    assert!(doc["interests"].as_array().unwrap().iter().any(|i| i["reformulation"].is_string()));
    assert!(doc["conditions"]["relatie"]["score"].is_number());
    assert!(doc["conditions"]["recht_doen_aan_belangen"].get("score").is_none());
    assert_eq!(doc["conditions"]["gedeelde_ambitie"]["parties"].as_object().unwrap().len(), 2);
    assert!(doc["trust"]["stage"].is_string());
    assert!(
        doc["diagnosis"]["problems"]["onderorganisatie"]["interventions"]["rollen_vastleggen"]["agreement"]
            .is_string()
    );
    assert_eq!(doc["diagnosis"]["route"].as_object().unwrap().len(), 5);
    assert_eq!(doc["table"]["wants"], "één wijkteam");
    assert!(doc["table"]["updated_at"].is_string() && doc["table"]["x_board"].is_string());
    assert!(doc["interests"].as_array().unwrap().iter().any(|i| i["party"] == "hele_tafel"));
    assert!(agreements.iter().any(|a| a["owner"] == "hele_tafel" && a["parties"] == json!(["hele_tafel"])));

    assert_valid(&validator(), &doc, "the full session");

    // And it reads back as the same session.
    let back: Session = serde_json::from_value(doc).unwrap();
    assert_eq!(back, s);
}

#[test]
fn a_minimal_session_validates() {
    let s = Session::new(
        "min".into(),
        "Kort",
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        "",
        at("2026-01-01T09:00:00Z"),
    )
    .unwrap();
    assert_valid(&validator(), &pretty(&s), "a new session");
    // Only the fields reading requires.
    let bare = json!({
        "format": "kompas-session", "version": 1, "id": "x", "title": "T",
        "meeting_date": "2026-01-01",
        "created_at": "2026-01-01T09:00:00Z", "updated_at": "2026-01-01T09:00:00Z",
        "phase": "verkennen",
        "phase_history": [{"at": "2026-01-01T09:00:00Z", "to": "verkennen"}]
    });
    assert_valid(&validator(), &bare, "a session with only the required fields");
    serde_json::from_value::<Session>(bare).expect("reading accepts what the schema requires");
}

#[test]
fn broken_documents_are_rejected() {
    let v = validator();
    let good = pretty(&full_session());
    assert_valid(&v, &good, "the unmutated session");

    type Mutation = fn(&mut Value);
    let cases: &[(&str, Mutation)] = &[
        ("wrong phase id", |d| d["phase"] = json!("Verkennen")),
        ("unknown phase in history", |d| d["phase_history"][1]["to"] = json!("afronden")),
        ("wrong phase of an item", |d| d["interests"][0]["phase"] = json!("fase1")),
        ("missing format", |d| {
            d.as_object_mut().unwrap().remove("format");
        }),
        ("other format", |d| d["format"] = json!("kompas-prompts")),
        ("version 2", |d| d["version"] = json!(2)),
        ("version as string", |d| d["version"] = json!("1")),
        ("timestamp without offset", |d| d["created_at"] = json!("2026-03-12T09:00:00")),
        ("item timestamp without offset", |d| {
            d["agreements"][0]["updated_at"] = json!("2026-03-12T09:45:00")
        }),
        ("date with time", |d| d["meeting_date"] = json!("2026-03-12T00:00:00+01:00")),
        ("due not a date", |d| d["agreements"][0]["due"] = json!("1 april")),
        ("unknown interest kind", |d| d["interests"][0]["kind"] = json!("persoonlijk")),
        ("unknown status", |d| d["agreements"][0]["status"] = json!("open")),
        ("unknown temperature", |d| d["temperature"][0]["level"] = json!("heet")),
        ("empty id", |d| d["parties"][0]["id"] = json!("")),
        ("empty history", |d| d["phase_history"] = json!([])),
        ("missing interest party", |d| {
            d["interests"][0].as_object_mut().unwrap().remove("party");
        }),
        ("phase_result not a boolean", |d| d["agreements"][0]["phase_result"] = json!("ja")),
        ("unknown intention", |d| d["parties"][0]["grondvorm"]["intentie"] = json!("vernieuwd")),
        ("party form without phase", |d| {
            d["parties"][0]["grondvorm"].as_object_mut().unwrap().remove("phase");
        }),
        ("unknown form", |d| d["grondvorm"]["choice"]["form"] = json!("netwerk")),
        ("unknown key question", |d| {
            let a = d["grondvorm"]["key_questions"]["kv_huishouding"].clone();
            d["grondvorm"]["key_questions"]["kv_geld"] = a;
        }),
        ("key answer not text", |d| d["grondvorm"]["key_questions"]["kv_huishouding"]["answer"] = json!(3)),
        ("unknown key question on an agreement", |d| {
            let i = d["agreements"].as_array().unwrap().len() - 1;
            d["agreements"][i]["key_question"] = json!("kv_geld");
        }),
        ("unknown reason", |d| d["parties"][0]["reasons"] = json!(["winst"])),
        ("a reason twice", |d| d["parties"][0]["reasons"] = json!(["octrooien", "octrooien"])),
        ("unknown motive", |d| d["parties"][1]["motives"] = json!(["financieel"])),
        ("unknown dilemma", |d| {
            let c = d["ambition"]["dilemmas"]["tempo"].clone();
            d["ambition"]["dilemmas"]["snelheid"] = c;
        }),
        ("a pole of another dilemma", |d| d["ambition"]["dilemmas"]["tempo"]["pole"] = json!("veel")),
        ("unknown room mark", |d| {
            let id = d["agreements"][0]["id"].as_str().unwrap().to_string();
            d["room"][id] = json!("hidden");
        }),
        ("room marks as a list", |d| d["room"] = json!(["private"])),
        ("the whole table's wants written empty", |d| d["table"]["wants"] = json!("")),
        ("the whole table as text", |d| d["table"] = json!("allen")),
        ("the whole table's edit time without offset", |d| {
            d["table"]["updated_at"] = json!("2026-03-12T09:59:00")
        }),
        ("planned minutes negative", |d| d["agenda"][0]["planned_minutes"] = json!(-5)),
        ("planned minutes as text", |d| d["agenda"][0]["planned_minutes"] = json!("20")),
        ("agenda item without title", |d| {
            d["agenda"][0].as_object_mut().unwrap().remove("title");
        }),
        ("clock mark without time", |d| {
            d["agenda_clock"][0].as_object_mut().unwrap().remove("at");
        }),
        ("unknown presence", |d| d["attendance"][0]["presence"] = json!("present")),
        ("note without text", |d| {
            d["notes"][0].as_object_mut().unwrap().remove("text");
        }),
        ("unknown deal", |d| d["games"][0]["deal"] = json!("random")),
        ("seed as text", |d| d["games"][0]["seed"] = json!("42")),
        ("two rounds", |d| {
            d["games"][0]["rounds"].as_array_mut().unwrap().pop();
        }),
        ("three players on a seat", |d| d["games"][0]["seats"][0]["players"] = json!(3)),
        ("unknown strategy", |d| {
            let cards = d["games"][0]["rounds"][0]["cards"].as_object_mut().unwrap();
            let seat = cards.keys().next().unwrap().clone();
            cards[&seat] = json!("dictatuur");
        }),
        ("unknown assignment", |d| d["games"][0]["rounds"][0]["assignment"] = json!("picknick")),
        ("answer after round 4", |d| d["games"][0]["answers"][0]["round"] = json!(4)),
        // the relationship instruments (issue 10)
        ("the brief's alias written as a level", |d| {
            d["temperature"][0]["level"] = json!("vriendschappelijk_aangenaam")
        }),
        ("tried without a time", |d| d["temperature"][4]["tried"]["waarom_samen"] = json!({})),
        ("reader not an id", |d| d["temperature"][4]["party"] = json!("")),
        ("unknown reformulation move", |d| d["interests"][4]["reformulation"] = json!("verwijt")),
        ("empty position", |d| d["interests"][4]["position"] = json!("")),
        ("score 6", |d| d["conditions"]["relatie"]["score"] = json!(6)),
        ("score 0 of a party", |d| {
            let parties = d["conditions"]["gedeelde_ambitie"]["parties"].as_object_mut().unwrap();
            let first = parties.keys().next().unwrap().clone();
            parties[&first]["score"] = json!(0);
        }),
        ("score as text", |d| d["conditions"]["relatie"]["score"] = json!("3")),
        ("unknown condition", |d| d["conditions"]["vertrouwen"] = d["conditions"]["relatie"].clone()),
        ("condition without time", |d| {
            d["conditions"]["relatie"].as_object_mut().unwrap().remove("at");
        }),
        ("unknown trust stage", |d| d["trust"]["stage"] = json!("waakzaam")),
        ("unknown problem", |d| {
            d["diagnosis"]["problems"]["ruzie"] = json!({"updated_at": "2026-03-12T10:00:00+01:00"})
        }),
        ("unknown finding", |d| d["diagnosis"]["problems"]["schijnsamenwerking"]["finding"] = json!("zeker")),
        ("unknown route field", |d| d["diagnosis"]["route"]["problemen"] = json!("x")),
        ("unknown continuation", |d| d["diagnosis"]["continuation"] = json!("ja")),
        ("chosen intervention without agreement", |d| {
            d["diagnosis"]["problems"]["onderorganisatie"]["interventions"]["rollen_vastleggen"]
                .as_object_mut()
                .unwrap()
                .remove("agreement");
        }),
    ];
    for (what, mutate) in cases {
        let mut doc = good.clone();
        mutate(&mut doc);
        assert!(!v.is_valid(&doc), "the schema accepts a document with {what}");
    }
}

#[test]
fn a_follow_up_session_with_its_links_validates() {
    let first = full_session();
    let mut next = first.follow_up(
        "next".into(),
        "2026-03-12-x.json",
        NaiveDate::from_ymd_opt(2026, 4, 9).unwrap(),
        at("2026-04-09T09:00:00+02:00"),
    );
    let id = next.agreements[0].id.clone();
    next.review_agreement(&id, kompas::domain::ReviewOutcome::StillOpen, at("2026-04-09T09:05:00+02:00"))
        .unwrap();
    let doc = pretty(&next);
    assert!(doc["collaboration"].is_string() && doc["previous"]["file"].is_string());
    assert!(doc["agreements"][0]["origin"]["meeting_date"].is_string());
    assert!(doc["agreements"][0]["reviewed_at"].is_string());
    assert_valid(&validator(), &doc, "a follow-up session");
    let mut broken = doc.clone();
    broken["agreements"][0]["origin"]["meeting_date"] = json!("9 april");
    assert!(!validator().is_valid(&broken), "a bad origin date must be rejected");
}

#[test]
fn files_written_by_the_program_validate() {
    let dir = tempfile::tempdir().unwrap();
    let s = full_session();
    let saved = dir.path().join("saved.json");
    kompas::storage::save(&saved, &s).unwrap();
    let created = kompas::storage::create_new(dir.path(), &s).unwrap();
    let next = s.follow_up(
        "next".into(),
        "saved.json",
        NaiveDate::from_ymd_opt(2026, 4, 9).unwrap(),
        at("2026-04-09T09:00:00+02:00"),
    );
    let follow_up = kompas::storage::create_new(dir.path(), &next).unwrap();
    for path in [saved, created, follow_up] {
        let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        assert_valid(&validator(), &doc, &path.display().to_string());
    }
}

/// Issue 8: conflict records of every kind, as a real merge writes them,
/// validate; a record with a broken kind does not.
#[test]
fn a_merged_session_with_conflict_records_validates() {
    let base = full_session();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.parties[0].role = "wethouder wonen".into();
    theirs.parties[0].role = "wethouder zorg".into();
    let gone = base.agreements[1].id.clone();
    ours.agreements.retain(|a| a.id != gone);
    theirs.agreements.iter_mut().find(|a| a.id == gone).unwrap().text = "anders".into();
    theirs.agreements[0].due = None;
    ours.agreements[0].due = NaiveDate::from_ymd_opt(2026, 5, 1);
    ours.extra.insert("x_null".into(), json!(1));
    theirs.extra.insert("x_null".into(), json!(null));
    let merged = kompas::storage::merge(Some(&base), &ours, &theirs, "disk", at("2026-03-12T11:00:00+01:00"))
        .unwrap()
        .session;
    let kinds: Vec<_> = merged.conflicts.iter().map(|c| c.kind).collect();
    assert!(kinds.len() >= 3, "{kinds:?}");
    let doc = pretty(&merged);
    assert!(doc["conflicts"].as_array().unwrap().iter().any(|c| c.get("other").is_none()));
    assert!(doc["conflicts"].as_array().unwrap().iter().any(|c| c["other"].is_null()));
    let v = validator();
    assert_valid(&v, &doc, "a merged session");
    let mut broken = doc.clone();
    broken["conflicts"][0]["kind"] = json!("both");
    assert!(!v.is_valid(&broken));
    let mut broken = doc;
    broken["conflicts"][0]["path"] = json!([]);
    assert!(!v.is_valid(&broken));
}

/// Today's shipped sessions (version 1, kept in `tests/fixtures/v1/`) read
/// as before the relationship instruments, write back byte for byte, and an
/// edit with every instrument writes a file that validates.
#[test]
fn version_1_fixtures_read_unchanged_and_validate_after_a_relationship_edit() {
    let v = validator();
    let dir = tempfile::tempdir().unwrap();
    let mut fixtures: Vec<PathBuf> =
        std::fs::read_dir(root().join("tests/fixtures/v1")).unwrap().map(|e| e.unwrap().path()).collect();
    fixtures.sort();
    assert_eq!(fixtures.len(), 3);
    for path in fixtures {
        let bytes = std::fs::read(&path).unwrap();
        let loaded = kompas::storage::load(&path).unwrap();
        assert_eq!(loaded.migrated_from, None, "{}", path.display());
        let mut s = loaded.session;
        let mut again = serde_json::to_vec_pretty(&s).unwrap();
        again.push(b'\n');
        assert!(again == bytes, "{}: not byte-identical", path.display());
        assert!(s.conditions.is_empty() && s.trust.is_none() && s.diagnosis.is_empty());
        assert!(s.temperature.iter().all(|t| t.party.is_none() && t.tried.is_empty()));

        let (a, b) = (s.parties[0].id.clone(), s.parties[1].id.clone());
        relationship_instruments(&mut s, &a, &b);
        let out = dir.path().join(path.file_name().unwrap());
        kompas::storage::save(&out, &s).unwrap();
        let doc: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
        assert_valid(&v, &doc, &out.display().to_string());
        assert_eq!(kompas::storage::load(&out).unwrap().session, s);
    }
}
