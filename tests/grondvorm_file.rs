//! The basic-form chooser and files: today's shipped sessions (kept as
//! version-1 fixtures) open unchanged and stay byte-identical, and once the
//! chooser is used on them the file kompas writes passes the schema and
//! reads back as the same session.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate};
use kompas::domain::grondvorm::{Motive, Pole, Reason};
use kompas::domain::{
    Aard, AgreementFields, AgreementStatus, Grondvorm, Intentie, KeyQuestion, Session, Timestamp,
};
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures/v1"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 3, "the three shipped sessions of before the chooser");
    files
}

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("assets/kompas-session.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::draft202012::options().should_validate_formats(true).build(&schema).unwrap()
}

fn assert_valid(doc: &Value, what: &str) {
    let v = validator();
    let errors: Vec<String> =
        v.iter_errors(doc).map(|e| format!("  at {}: {e}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{what} does not validate:\n{}", errors.join("\n"));
}

fn at(s: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(s).unwrap()
}

#[test]
fn version_1_files_open_unchanged_and_stay_byte_identical() {
    for path in fixtures() {
        let bytes = std::fs::read(&path).unwrap();
        let loaded = kompas::storage::load(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let s = loaded.session;
        assert!(s.problems().is_empty(), "{}: {:?}", path.display(), s.problems());
        assert!(s.grondvorm.is_empty() && s.ambition.dilemmas.is_empty());
        assert!(
            s.parties.iter().all(|p| p.grondvorm.is_none() && p.reasons.is_empty() && p.motives.is_empty())
        );
        assert!(s.agreements.iter().all(|a| a.key_question.is_none()));
        let mut again = serde_json::to_vec_pretty(&s).unwrap();
        again.push(b'\n');
        assert!(again == bytes, "{}: written back differently", path.display());
        // Opening leaves the file alone.
        assert_eq!(std::fs::read(&path).unwrap(), bytes);
    }
}

#[test]
fn an_old_file_edited_with_the_chooser_is_written_to_the_schema_and_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    for source in fixtures() {
        let path = dir.path().join(source.file_name().unwrap());
        std::fs::copy(&source, &path).unwrap();
        let mut s: Session = kompas::storage::load(&path).unwrap().session;
        let now = at(&format!("{}T15:00:00+02:00", s.meeting_date));
        let ids: Vec<String> = s.parties.iter().map(|p| p.id.clone()).collect();
        for (n, id) in ids.iter().enumerate() {
            let intentie = if n == 1 { Intentie::Vernieuwen } else { Intentie::Verbeteren };
            s.set_party_form(id, Some(intentie), Some(Aard::Delen), "", now).unwrap();
            s.toggle_reason(id, Reason::Ketenafstemming, now).unwrap();
            s.toggle_motive(id, Motive::Moreel, now).unwrap();
        }
        s.choose_form(Grondvorm::Functioneel, "na overleg", now);
        s.set_key_answer(KeyQuestion::Besluitvorming, "stuurgroep", now).unwrap();
        let f = AgreementFields {
            text: "reglement stuurgroep".into(),
            owner: ids.first().cloned(),
            parties: ids.clone(),
            due: NaiveDate::from_ymd_opt(2026, 9, 1),
            status: AgreementStatus::Proposed,
            phase_result: false,
        };
        s.add_key_question_agreement(KeyQuestion::Besluitvorming, &f, now).unwrap();
        s.choose_pole(Pole::Iteratief, "in rondes", now);
        assert!(s.form_mismatch().is_some());
        assert!(s.problems().is_empty(), "{:?}", s.problems());

        kompas::storage::save(&path, &s).unwrap();
        let doc: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        assert_valid(&doc, &path.display().to_string());
        assert_eq!(doc["version"], 1, "the format version stays 1");
        let back = kompas::storage::load(&path).unwrap().session;
        assert_eq!(back, s);

        let next =
            back.follow_up("next".into(), "x.json", NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(), now);
        let doc = serde_json::to_value(&next).unwrap();
        assert_valid(&doc, "a follow-up of it");
        assert_eq!(next.chosen_form(), Some(Grondvorm::Functioneel));
    }
}
