//! Languages: choosing one (flag, NUMB_LANG, settings, locale), translations of packs in a
//! folder named by the language, fallback with its note, and the coverage `numb check` reports.

use std::path::{Path, PathBuf};

use crate::{numb, stdout_of};

/// The example pack with a Spanish translation of its topic in `es/`, in a temp folder.
fn translated_pack() -> (tempfile::TempDir, PathBuf) {
    let root = tempfile::tempdir().unwrap();
    let pack = root.path().join("sleep-pack");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/custom-pack");
    copy(&example, &pack);
    std::fs::create_dir_all(pack.join("es/topics")).unwrap();
    std::fs::write(
        pack.join("es/pack.toml"),
        "format_version = 1\nname = \"Sueño y descanso\"\nlanguage = \"es\"\n",
    )
    .unwrap();
    let english = std::fs::read_to_string(pack.join("topics/sleep.toml")).unwrap();
    let spanish = english.replace(
        "title = \"Numbness and sleep\"",
        "title = \"El entumecimiento y el sueño\"",
    );
    assert_ne!(english, spanish, "the fixture's title changed");
    std::fs::write(pack.join("es/topics/sleep.toml"), spanish).unwrap();
    (root, pack)
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// The fingerprint `numb check` asks for, read from its report.
fn asked_fingerprint(pack: &Path) -> String {
    let json = stdout_of(numb().args(["check", "--format", "json"]).arg(pack));
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let translation = (report["translations"].as_array().unwrap().iter())
        .find(|t| t["path"].as_str().is_some_and(|p| p.ends_with("es")))
        .unwrap()
        .clone();
    let item = (translation["items"].as_array().unwrap().iter())
        .find(|i| i["id"] == "sleep")
        .unwrap()
        .clone();
    item["original"].as_str().unwrap().to_string()
}

#[test]
fn a_language_numb_does_not_have_is_a_usage_error_naming_those_it_has() {
    let out = numb().args(["--lang", "xx", "learn"]).assert().code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("`xx`") && err.contains("en, es"), "{err}");
    // Anywhere else, such a language falls back to English quietly.
    let out = numb()
        .args(["learn", "origins"])
        .env("NUMB_LANG", "xx")
        .env("LANG", "fr_FR.UTF-8")
        .assert()
        .success();
    assert!(out.get_output().stderr.is_empty());
}

#[test]
fn a_pack_translation_replaces_by_id_and_the_rest_falls_back_with_a_note() {
    let (_root, pack) = translated_pack();
    let spanish = stdout_of(
        numb()
            .args(["--lang", "es", "learn", "sleep", "--content-dir"])
            .arg(&pack),
    );
    assert!(
        spanish.starts_with("El entumecimiento y el sueño"),
        "{spanish}"
    );
    // In English the pack's own words, and no note.
    let english = stdout_of(numb().args(["learn", "sleep", "--content-dir"]).arg(&pack));
    assert!(english.starts_with("Numbness and sleep"), "{english}");
    assert!(!english.contains("not in"), "{english}");
    // A pack written in Spanish, read in English: shown, with one line saying so.
    std::fs::write(
        pack.join("pack.toml"),
        "format_version = 1\nname = \"Sueño\"\nlanguage = \"es\"\n",
    )
    .unwrap();
    let fallback = stdout_of(numb().args(["learn", "sleep", "--content-dir"]).arg(&pack));
    assert!(
        fallback.starts_with(
            "This page is not in English yet, so numb shows it in Spanish.\n\nNumbness and sleep"
        ),
        "{fallback}"
    );
    let english_pack = "format_version = 1\nname = \"Sleep\"\nlanguage = \"en\"\n";
    std::fs::write(pack.join("pack.toml"), english_pack).unwrap();
    // The translation is not a "replacement" to report, and the folder is no problem.
    let out = stdout_of(numb().arg("check").arg(&pack));
    assert!(!out.contains("Replaced by a later pack"), "{out}");
    assert!(out.contains("Sueño y descanso (es)"), "{out}");
    assert!(out.trim_end().ends_with("No problems found."), "{out}");
}

#[test]
fn a_translation_says_which_text_it_follows_and_check_reports_when_it_is_out_of_date() {
    let (_root, pack) = translated_pack();
    let out = stdout_of(numb().arg("check").arg(&pack));
    assert!(
        out.contains("out of date: topic `sleep`") && out.contains("does not say which text"),
        "{out}"
    );
    assert!(out.contains("missing: questionnaire `rest-check`"), "{out}");
    // Set what check asks for: current.
    let fingerprint = asked_fingerprint(&pack);
    let file = pack.join("es/topics/sleep.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        format!("translated_from = \"{fingerprint}\"\n{text}"),
    )
    .unwrap();
    let out = stdout_of(numb().arg("check").arg(&pack));
    assert!(!out.contains("out of date: topic `sleep`"), "{out}");
    let line = out.lines().find(|l| l.contains("/es)")).unwrap();
    assert!(
        line.contains(": 1 current, 0 out of date, 2 missing"),
        "{out}"
    );
    // A change to the original's words makes it out of date again; a comment does not.
    let original = pack.join("topics/sleep.toml");
    let english = std::fs::read_to_string(&original).unwrap();
    std::fs::write(&original, format!("# a note for authors\n{english}")).unwrap();
    let out = stdout_of(numb().arg("check").arg(&pack));
    assert!(!out.contains("out of date: topic `sleep`"), "{out}");
    std::fs::write(
        &original,
        english.replace("title = \"Numbness and sleep\"", "title = \"Sleep\""),
    )
    .unwrap();
    let out = stdout_of(numb().arg("check").arg(&pack));
    assert!(
        out.contains("out of date: topic `sleep`")
            && out.contains(&format!("it follows {fingerprint}")),
        "{out}"
    );
}

#[test]
fn a_translation_keeps_ids_and_a_questionnaire_scores_the_same() {
    let (_root, pack) = translated_pack();
    // A translated topic under an id the pack does not have translates nothing.
    let stray = std::fs::read_to_string(pack.join("es/topics/sleep.toml"))
        .unwrap()
        .replace("id = \"sleep\"", "id = \"sueno\"");
    std::fs::write(pack.join("es/topics/sueno.toml"), stray).unwrap();
    // A translated questionnaire that moves an item to another facet.
    std::fs::create_dir_all(pack.join("es/questionnaires")).unwrap();
    let english = std::fs::read_to_string(pack.join("questionnaires/rest-check.toml")).unwrap();
    let reversed = english.replacen("facet = \"rest\"", "facet = \"tired-and-flat\"", 1);
    assert_ne!(
        english, reversed,
        "the fixture has an item in the facet `rest`"
    );
    std::fs::write(pack.join("es/questionnaires/rest-check.toml"), reversed).unwrap();
    let out = numb().arg("check").arg(&pack).assert().code(65);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("there is no topic `sueno` to translate")
            && err.contains("es/topics/sueno.toml:"),
        "{err}"
    );
    assert!(
        err.contains("differs from") && err.contains("never how answers are scored"),
        "{err}"
    );
    assert!(err.contains("es/questionnaires/rest-check.toml:"), "{err}");
}

#[test]
fn a_translation_folder_in_another_language_than_its_name_is_a_problem() {
    let (_root, pack) = translated_pack();
    std::fs::write(
        pack.join("es/pack.toml"),
        "format_version = 1\nname = \"Wrong\"\nlanguage = \"fr\"\n",
    )
    .unwrap();
    let out = numb().arg("check").arg(&pack).assert().code(65);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("folder for `es`, but its language is `fr`"),
        "{err}"
    );
}
