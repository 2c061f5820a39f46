//! The JSON Schemas in `schema/`: real export and reflection output validates against
//! them, drifted shapes do not, and the schemas keep their own rules (closed objects,
//! described fields).

use std::path::PathBuf;

use jsonschema::Validator;
use serde_json::{Value, json};

use crate::{fixture, numb, stdout_of};

const EXPORT: &str = "content-export.schema.json";
const SUMMARY: &str = "reflect-summary.schema.json";
const CHECK: &str = "check-report.schema.json";
const TOPICS: &str = "topics-list.schema.json";
const QUESTIONNAIRES: &str = "questionnaires-list.schema.json";
const PRACTICES: &str = "practices-list.schema.json";
const FEELINGS: &str = "feelings.schema.json";
const FEELING_WORD: &str = "feeling-word.schema.json";
const SUPPORT: &str = "support.schema.json";
/// The list outputs (`--format json` where numb shows a list).
const LISTS: [&str; 6] = [
    TOPICS,
    QUESTIONNAIRES,
    PRACTICES,
    FEELINGS,
    FEELING_WORD,
    SUPPORT,
];

/// A schema file from `schema/`, parsed.
fn schema(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("schema")
        .join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// A draft 2020-12 validator for a schema file, checking `format` too. The schema itself
/// must pass the draft 2020-12 meta-schema.
fn validator(name: &str) -> Validator {
    let schema = schema(name);
    if let Err(e) = jsonschema::draft202012::meta::validate(&schema) {
        panic!("{name} is not a valid draft 2020-12 schema: {e}");
    }
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{name} does not compile: {e}"))
}

/// Every way `instance` breaks the schema: the JSON pointer of the value, and the message.
fn errors(name: &str, instance: &Value) -> Vec<(String, String)> {
    validator(name)
        .iter_errors(instance)
        .map(|e| (e.instance_path().to_string(), e.to_string()))
        .collect()
}

fn assert_valid(name: &str, instance: &Value, what: &str) {
    let errors = errors(name, instance);
    assert!(
        errors.is_empty(),
        "{what} does not match {name}:\n{}",
        errors
            .iter()
            .map(|(path, message)| format!("{path}: {message}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Fails unless `instance` breaks the schema with an error at exactly `at` (a JSON
/// pointer), so a negative case cannot pass by tripping over something else.
fn assert_invalid_at(name: &str, instance: &Value, at: &str, what: &str) {
    let errors = errors(name, instance);
    assert!(
        errors.iter().any(|(path, _)| path == at),
        "{what}: expected {name} to reject the value at `{at}`, got {errors:#?}"
    );
}

fn json_of(cmd: &mut assert_cmd::Command) -> Value {
    serde_json::from_str(&stdout_of(cmd)).expect("numb writes JSON")
}

fn export() -> Value {
    json_of(numb().args(["export", "--format", "json"]))
}

fn summary(args: &[&str]) -> Value {
    json_of(numb().arg("reflect").args(args).args(["--format", "json"]))
}

/// The JSON value at `pointer`, for changing it in place.
fn at<'a>(value: &'a mut Value, pointer: &str) -> &'a mut Value {
    value
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("no `{pointer}` in the output"))
}

/// Removes the field named by the last part of `pointer`.
fn remove(value: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    at(value, parent)
        .as_object_mut()
        .expect("an object")
        .remove(key)
        .unwrap_or_else(|| panic!("no `{pointer}` to remove"));
}

/// The index of the questionnaire `id` in the export.
fn questionnaire_index(export: &Value, id: &str) -> usize {
    export["questionnaires"]
        .as_array()
        .unwrap()
        .iter()
        .position(|q| q["id"] == id)
        .unwrap_or_else(|| panic!("no questionnaire `{id}`"))
}

#[test]
fn schemas_are_closed_and_every_field_is_described() {
    fn walk(name: &str, path: &str, node: &Value, problems: &mut Vec<String>) {
        match node {
            Value::Object(map) => {
                if let Some(Value::Object(props)) = map.get("properties") {
                    if map.get("additionalProperties") != Some(&json!(false)) {
                        problems.push(format!("{name} {path}: additionalProperties is not false"));
                    }
                    for (key, prop) in props {
                        if !prop.get("description").is_some_and(Value::is_string) {
                            problems
                                .push(format!("{name} {path}/properties/{key}: no description"));
                        }
                    }
                    for key in map["required"].as_array().into_iter().flatten() {
                        if !props.contains_key(key.as_str().unwrap_or_default()) {
                            problems
                                .push(format!("{name} {path}: required {key} is not a property"));
                        }
                    }
                } else if map.get("type") == Some(&json!("object")) {
                    problems.push(format!("{name} {path}: an object without properties"));
                }
                for (key, child) in map {
                    // Conditions (`if`/`then`, `not`) narrow properties described elsewhere.
                    if !matches!(key.as_str(), "allOf" | "if" | "then" | "else" | "not") {
                        walk(name, &format!("{path}/{key}"), child, problems);
                    }
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    walk(name, &format!("{path}/{i}"), child, problems);
                }
            }
            _ => {}
        }
    }
    let mut problems = Vec::new();
    for name in [EXPORT, SUMMARY, CHECK, HISTORY].into_iter().chain(LISTS) {
        let schema = schema(name);
        assert_eq!(
            schema["$id"],
            format!("https://numb.invalid/schema/{name}"),
            "{name}"
        );
        assert_eq!(schema["properties"]["schema_version"]["const"], 1, "{name}");
        assert!(
            schema["required"]
                .as_array()
                .unwrap()
                .contains(&json!("schema_version")),
            "{name}"
        );
        validator(name);
        walk(name, "", &schema, &mut problems);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_json_export_matches_its_schema() {
    assert_valid(EXPORT, &export(), "`numb export --format json`");
}

#[test]
fn the_json_export_with_content_packs_matches_its_schema() {
    for pack in ["override", "markdown-lookalikes"] {
        let json = json_of(numb().args([
            "--content-dir",
            fixture(pack).to_str().unwrap(),
            "export",
            "--format",
            "json",
        ]));
        assert_valid(EXPORT, &json, &format!("the export with the `{pack}` pack"));
        if pack == "override" {
            // The pack's emergency entry and a line without details or url are covered.
            assert_eq!(
                json["support"]["local_emergency"].as_array().unwrap().len(),
                1
            );
            assert_eq!(json["support"]["lines"][0]["details"], Value::Null);
        }
    }
}

#[test]
fn the_export_schema_rejects_drifted_output() {
    let good = export();
    let scale = questionnaire_index(&good, "check-in");
    let choose = questionnaire_index(&good, "reconnection-plan");
    let q = |i: usize, rest: &str| format!("/questionnaires/{i}{rest}");
    type Change = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, String, Change)> = vec![
        (
            "a required field removed",
            "/topics/0".into(),
            Box::new(|v| remove(v, "/topics/0/content_note")),
        ),
        (
            "a null field left out instead",
            "/topics/0/sources/0".into(),
            Box::new(|v| remove(v, "/topics/0/sources/0/doi")),
        ),
        (
            "an unknown field",
            "/support/lines/0".into(),
            Box::new(|v| at(v, "/support/lines/0")["phone"] = json!("988")),
        ),
        (
            "an unknown top-level field",
            "".into(),
            Box::new(|v| v["extra"] = json!([])),
        ),
        (
            "another schema_version",
            "/schema_version".into(),
            Box::new(|v| v["schema_version"] = json!(2)),
        ),
        (
            "a number as a string",
            q(scale, "/minutes"),
            Box::new(move |v| *at(v, &q(scale, "/minutes")) = json!("3")),
        ),
        (
            "a fraction where an integer belongs",
            q(scale, "/scale/1/value"),
            Box::new(move |v| *at(v, &q(scale, "/scale/1/value")) = json!(1.5)),
        ),
        (
            "an unknown questionnaire kind",
            q(scale, "/kind"),
            Box::new(move |v| *at(v, &q(scale, "/kind")) = json!("Scale")),
        ),
        (
            "a scale item without a facet",
            q(scale, "/items/0/facet"),
            Box::new(move |v| *at(v, &q(scale, "/items/0/facet")) = Value::Null),
        ),
        (
            "a choose questionnaire with a window",
            q(choose, "/window"),
            Box::new(move |v| *at(v, &q(choose, "/window")) = json!("Lately…")),
        ),
        (
            "a date with a time",
            "/support/emergency/verified_on".into(),
            Box::new(|v| {
                *at(v, "/support/emergency/verified_on") = json!("2026-11-25T10:00:00Z");
            }),
        ),
        (
            "an impossible date",
            "/support/directory/verified_on".into(),
            Box::new(|v| *at(v, "/support/directory/verified_on") = json!("2026-02-30")),
        ),
        (
            "a topic id that is not kebab-case",
            "/topics/0/id".into(),
            Box::new(|v| *at(v, "/topics/0/id") = json!("What Is It")),
        ),
        (
            "a lower-case country code",
            "/support/lines/0/countries/0".into(),
            Box::new(|v| *at(v, "/support/lines/0/countries/0") = json!("us")),
        ),
        (
            "a source with neither url nor doi",
            "/topics/0/sources/0".into(),
            Box::new(|v| {
                let source = at(v, "/topics/0/sources/0");
                source["url"] = Value::Null;
                source["doi"] = Value::Null;
            }),
        ),
    ];
    assert_valid(EXPORT, &good, "the unchanged export");
    for (what, pointer, change) in cases {
        let mut bad = good.clone();
        change(&mut bad);
        assert_invalid_at(EXPORT, &bad, &pointer, what);
    }
}

/// The four runs the schema must cover, with what each shows.
fn summaries() -> Vec<(&'static str, Value)> {
    vec![
        (
            "a check-in with one item skipped",
            summary(&["--answers", "4,4,3,2,-,1,0,0,4,3,2,1"]),
        ),
        (
            "a reconnection plan with three steps picked",
            summary(&["reconnection-plan", "--answers", "1,0,1,0,0,0,0,0,0,1"]),
        ),
        (
            "a check-in with every item skipped",
            summary(&["--answers", "-,-,-,-,-,-,-,-,-,-,-,-"]),
        ),
        (
            "a check-in with every other item skipped",
            summary(&["--answers", "0,-,0,-,0,-,0,-,0,-,0,-"]),
        ),
    ]
}

#[test]
fn reflection_summaries_match_their_schema() {
    let runs = summaries();
    for (what, json) in &runs {
        assert_valid(SUMMARY, json, what);
    }
    // The runs do cover what they are meant to: both kinds, no answers, too few answers.
    let [scale, choose, skipped, sparse] = [0, 1, 2, 3].map(|i| &runs[i].1);
    assert_eq!(scale["questionnaire"]["kind"], "scale");
    assert_eq!(choose["questionnaire"]["kind"], "choose");
    assert_eq!(choose["chosen"].as_array().unwrap().len(), 3);
    assert_eq!(skipped["answered"], 0);
    assert!(
        skipped["facets"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["band"].is_null() && f["score"].is_null())
    );
    let facets = sparse["facets"].as_array().unwrap();
    assert!(facets.iter().any(|f| f["band"].is_null()), "{sparse:#}");
    assert!(facets.iter().any(|f| f["band"].is_object()), "{sparse:#}");
}

#[test]
fn a_plan_with_nothing_picked_or_answered_matches_the_schema() {
    for list in ["0,0,0,0,0,0,0,0,0,0", "-,-,-,-,-,-,-,-,-,-"] {
        let json = summary(&["reconnection-plan", "--answers", list]);
        assert_valid(SUMMARY, &json, &format!("a plan answered {list}"));
    }
}

#[test]
fn the_summary_schema_rejects_drifted_output() {
    let scale = summary(&["--answers", "4,4,3,2,-,1,0,0,4,3,2,1"]);
    let choose = summary(&["reconnection-plan", "--answers", "1,0,1,0,0,0,0,0,0,1"]);
    let unbanded = scale["facets"]
        .as_array()
        .unwrap()
        .iter()
        .position(|f| f["band"].is_null())
        .expect("a facet with too few answers");
    type Change = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, &Value, String, Change)> = vec![
        (
            "an unknown top-level field",
            &scale,
            "".into(),
            Box::new(|v| v["skipped"] = json!([])),
        ),
        (
            "an unknown field in a facet",
            &scale,
            "/facets/0".into(),
            Box::new(|v| at(v, "/facets/0")["estimated"] = json!(false)),
        ),
        (
            "a required field removed",
            &scale,
            "/questionnaire".into(),
            Box::new(|v| remove(v, "/questionnaire/version")),
        ),
        (
            "another schema_version",
            &scale,
            "/schema_version".into(),
            Box::new(|v| v["schema_version"] = json!(2)),
        ),
        (
            "an answer as a string",
            &scale,
            "/answers/0/value".into(),
            Box::new(|v| *at(v, "/answers/0/value") = json!("4")),
        ),
        (
            "a fractional score",
            &scale,
            "/facets/0/score".into(),
            Box::new(|v| *at(v, "/facets/0/score") = json!(4.5)),
        ),
        (
            "an unknown kind",
            &scale,
            "/questionnaire/kind".into(),
            Box::new(|v| *at(v, "/questionnaire/kind") = json!("quiz")),
        ),
        (
            "a band without a score",
            &scale,
            format!("/facets/{unbanded}/band"),
            Box::new(move |v| {
                let band = v["facets"][0]["band"].clone();
                *at(v, &format!("/facets/{unbanded}/band")) = band;
            }),
        ),
        (
            "a chosen step in a scale summary",
            &scale,
            "/chosen".into(),
            Box::new(|v| v["chosen"] = v["facets"].clone()),
        ),
        (
            "a pick that is neither 0 nor 1",
            &choose,
            "/answers/0/value".into(),
            Box::new(|v| *at(v, "/answers/0/value") = json!(2)),
        ),
        (
            "many_high in a plan",
            &choose,
            "/many_high".into(),
            Box::new(|v| v["many_high"] = json!(true)),
        ),
        (
            "a pointer command for another topic shape",
            &choose,
            "/pointers/0/command".into(),
            Box::new(|v| *at(v, "/pointers/0/command") = json!("numb learn Reconnection")),
        ),
    ];
    for (what, good, pointer, change) in cases {
        assert_valid(SUMMARY, good, "the unchanged summary");
        let mut bad = good.clone();
        change(&mut bad);
        assert_invalid_at(SUMMARY, &bad, &pointer, what);
    }
}

#[test]
fn check_reports_match_their_schema_clean_or_not() {
    let clean = json_of(numb().args(["check", "--format", "json"]));
    assert_valid(CHECK, &clean, "a clean check");
    let pack = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/custom-pack");
    let with_pack = json_of(
        numb()
            .args(["check", "--format", "json"])
            .arg(&pack)
            .arg(fixture("override")),
    );
    assert_valid(CHECK, &with_pack, "a check with packs and a replacement");
    assert_eq!(with_pack["replacements"][0]["kind"], "topic");
    for (fixture_name, count) in [("every-problem", 13), ("bad-content", 4)] {
        let out = numb()
            .args(["check", "--format", "json"])
            .arg(fixture(fixture_name))
            .assert()
            .code(65)
            .get_output()
            .stdout
            .clone();
        let report: Value = serde_json::from_slice(&out).unwrap();
        assert_valid(CHECK, &report, fixture_name);
        assert_eq!(report["problem_count"], count, "{fixture_name}");
    }
}

#[test]
fn the_check_schema_rejects_drifted_output() {
    let good = json_of(
        numb()
            .args(["check", "--format", "json"])
            .arg(fixture("override")),
    );
    let mut extra = good.clone();
    at(&mut extra, "/packs/0")["colour"] = json!("blue");
    assert_invalid_at(CHECK, &extra, "/packs/0", "an unknown pack field");
    let mut kind = good.clone();
    at(&mut kind, "/replacements/0")["kind"] = json!("practice");
    assert_invalid_at(CHECK, &kind, "/replacements/0/kind", "an unknown kind");
    let mut line = good.clone();
    at(&mut line, "")["problems"] = json!([{
        "path": "x.toml", "line": 0, "column": 1, "end_line": 1, "end_column": 1, "message": "m"
    }]);
    assert_invalid_at(CHECK, &line, "/problems/0/line", "a line counted from 0");
    let mut gone = good;
    remove(&mut gone, "/problem_count");
    assert_invalid_at(CHECK, &gone, "", "a missing count");
}

const HISTORY: &str = "history-record.schema.json";

/// Saved reflections, as `numb history --format json` prints them: the fixture's (both
/// kinds of questionnaire, skipped answers, notes) and one saved just now.
#[test]
fn saved_reflections_match_their_schema_and_drifted_ones_do_not() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("data/numb");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        crate::fixture("history/history.jsonl"),
        dir.join("history.jsonl"),
    )
    .unwrap();
    let numb_here = || {
        let mut cmd = numb();
        cmd.env("XDG_DATA_HOME", home.path().join("data"));
        cmd
    };
    numb_here()
        .args(["reflect", "--answers", "0,2,-,4,1,0,3,2,1,0,2,1", "--save"])
        .assert()
        .success();
    let lines = stdout_of(numb_here().args(["history", "--format", "json"]));
    let records: Vec<Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 8);
    for (n, record) in records.iter().enumerate() {
        assert_valid(HISTORY, record, &format!("saved reflection {}", n + 1));
    }
    let last = records.last().unwrap().clone();
    assert_eq!(last["note"], Value::Null, "no note is written as null");
    let mut drifted = last.clone();
    drifted["saved_at"] = Value::from("yesterday");
    assert_invalid_at(
        HISTORY,
        &drifted,
        "/saved_at",
        "a time that is not RFC 3339",
    );
    let mut drifted = last.clone();
    drifted["facets"][0]["score"] = Value::from("7");
    assert_invalid_at(HISTORY, &drifted, "/facets/0/score", "a score as text");
    let mut drifted = last;
    drifted["note"] = Value::from("x".repeat(281));
    assert_invalid_at(HISTORY, &drifted, "/note", "a note over 280 characters");
}

/// Every list numb shows has a JSON form for scripts, matching its schema; a drifted shape
/// does not match.
#[test]
fn list_outputs_match_their_schemas() {
    let override_pack = fixture("override");
    let cases: [(&str, &[&str]); 9] = [
        (TOPICS, &["learn", "--format", "json"]),
        (QUESTIONNAIRES, &["reflect", "--list", "--format", "json"]),
        (PRACTICES, &["practice", "--format", "json"]),
        (FEELINGS, &["feelings", "--format", "json"]),
        (FEELING_WORD, &["feelings", "calm", "--format", "json"]),
        (FEELING_WORD, &["feelings", "joy", "--format", "json"]),
        (FEELING_WORD, &["feelings", "greif", "--format", "json"]),
        (SUPPORT, &["support", "GB", "--format", "json"]),
        (SUPPORT, &["support", "--format", "json"]),
    ];
    for (name, args) in cases {
        for dirs in [&[][..], std::slice::from_ref(&override_pack)] {
            let mut cmd = numb();
            cmd.args(args).env("LANG", "C");
            for dir in dirs {
                cmd.arg("--content-dir").arg(dir);
            }
            let value = json_of(&mut cmd);
            assert_valid(name, &value, &format!("{args:?}"));
        }
    }
    let mut topics = json_of(numb().args(["learn", "--format", "json"]));
    assert_eq!(topics["topics"][0]["id"], "what-is-it");
    at(&mut topics, "/topics/0")["colour"] = json!("blue");
    assert_invalid_at(TOPICS, &topics, "/topics/0", "an unknown field");
    let mut word = json_of(numb().args(["feelings", "greif", "--format", "json"]));
    assert_eq!(word["nearest"], json!(["grieving"]));
    assert_eq!(word["word"], Value::Null);
    *at(&mut word, "/nearest") = json!("grieving");
    assert_invalid_at(FEELING_WORD, &word, "/nearest", "a string for a list");
    let support = json_of(numb().args(["support", "GB", "--format", "json"]));
    assert_eq!(support["country"], "GB");
    // Words of crisis where a country goes: every line, exit 0, as on the text page.
    let support = json_of(numb().args(["support", "i want to die", "--format", "json"]));
    assert_eq!(support["country"], Value::Null);
    assert!(support["support"]["lines"].as_array().unwrap().len() > 10);
    // A country numb does not know: the page, then the usual error (exit 2).
    numb()
        .args(["support", "Atlantis", "--format", "json"])
        .assert()
        .code(2)
        .stdout(predicates::str::contains("\"schema_version\""));
}

/// The feelings and support schemas use the export schema's own definitions, word for word:
/// the two shapes cannot drift apart.
#[test]
fn list_schemas_share_the_export_definitions() {
    let export = schema(EXPORT);
    for name in [
        FEELINGS,
        FEELING_WORD,
        SUPPORT,
        TOPICS,
        QUESTIONNAIRES,
        PRACTICES,
    ] {
        let own = schema(name);
        for (key, def) in own["$defs"].as_object().unwrap() {
            assert_eq!(
                def, &export["$defs"][key],
                "{name}: $defs/{key} differs from the export's"
            );
        }
    }
}
