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
fn a_translation_folder_without_its_pack_toml_is_named_not_ignored() {
    let (_root, pack) = translated_pack();
    std::fs::remove_file(pack.join("es/pack.toml")).unwrap();
    let out = numb().arg("check").arg(&pack).assert().code(65);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("looks like a translation of the pack, but it has no pack.toml")
            && err.contains("language = \"es\""),
        "{err}"
    );
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

/// numb with its data and settings under `home`.
fn numb_at(home: &Path) -> assert_cmd::Command {
    let mut cmd = numb();
    cmd.env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"));
    cmd
}

const ANSWERS: &str = "4,4,3,2,-,1,0,0,4,3,2,1";

#[test]
fn the_built_in_spanish_is_complete_and_current() {
    let json = stdout_of(numb().args(["check", "--format", "json"]));
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let spanish = (report["translations"].as_array().unwrap().iter())
        .find(|t| t["language"] == "es" && t["path"].is_null())
        .expect("numb's own Spanish is checked");
    let items = spanish["items"].as_array().unwrap();
    let not_current: Vec<String> = (items.iter())
        .filter(|i| {
            i["state"] != "current"
                || !i["keys_left_to_the_original"]
                    .as_array()
                    .unwrap()
                    .is_empty()
        })
        .map(|i| format!("{} {} ({}): {}", i["kind"], i["id"], i["path"], i["state"]))
        .collect();
    assert!(
        not_current.is_empty(),
        "every Spanish file follows its English text as it is now; after changing an English \
         file, update its Spanish one and set the translated_from that `numb check` gives:\n{}",
        not_current.join("\n")
    );
    // Every topic, questionnaire and practice, and the screens, words and help page.
    let count = |kind: &str| items.iter().filter(|i| i["kind"] == kind).count();
    let english = |folder: &str| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("content/en")
            .join(folder);
        std::fs::read_dir(dir).unwrap().count()
    };
    assert_eq!(count("topic"), english("topics"));
    assert_eq!(count("questionnaire"), english("questionnaires"));
    assert_eq!(count("practice"), english("practices"));
    for whole in ["app", "feelings", "support"] {
        assert_eq!(count(whole), 1, "{whole}");
    }
}

#[test]
fn the_locale_and_the_settings_choose_spanish() {
    let spanish = |out: &str| out.starts_with("De dónde viene el entumecimiento");
    for (key, value) in [
        ("LANG", "es_MX.UTF-8"),
        ("LC_ALL", "es_ES.UTF-8"),
        ("NUMB_LANG", "es"),
    ] {
        let out = stdout_of(numb().args(["learn", "origins"]).env(key, value));
        assert!(spanish(&out), "{key}={value}: {out}");
    }
    let out = stdout_of(
        numb()
            .args(["learn", "origins"])
            .env("LANG", "en_US.UTF-8")
            .env("LANGUAGE", "es:en"),
    );
    assert!(spanish(&out), "{out}");
    let out = stdout_of(
        numb()
            .args(["learn", "origins"])
            .env("LC_ALL", "C")
            .env("LANG", "es_ES.UTF-8"),
    );
    assert!(out.starts_with("Where numbness comes from"), "{out}");
    // The settings file, after the flag and NUMB_LANG.
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("config/numb")).unwrap();
    std::fs::write(
        home.path().join("config/numb/config.toml"),
        "language = \"es\"\n",
    )
    .unwrap();
    let out = stdout_of(numb_at(home.path()).args(["learn", "origins"]));
    assert!(spanish(&out), "{out}");
    let out = stdout_of(numb_at(home.path()).args(["--lang", "en", "learn", "origins"]));
    assert!(out.starts_with("Where numbness comes from"), "{out}");
}

#[test]
fn spanish_names_and_english_ids_reach_the_same_page() {
    let by_alias = stdout_of(numb().args(["--lang", "es", "learn", "origenes"]));
    let by_id = stdout_of(numb().args(["--lang", "es", "learn", "origins"]));
    assert_eq!(by_alias, by_id);
    assert!(by_id.contains("Ideas clave"), "{by_id}");
    assert!(
        !by_id.contains("not in"),
        "a translated page has no fallback note"
    );
    let table = stdout_of(numb().args(["--lang", "es", "learn"]));
    assert!(
        table.contains("Tema") && table.contains("Qué es el"),
        "{table}"
    );
}

#[test]
fn a_scripted_spanish_reflection_says_once_it_is_not_a_diagnosis_and_points_to_help() {
    let out = stdout_of(numb().args(["--lang", "es", "reflect", "--answers", ANSWERS]));
    assert_eq!(
        out.matches("Esto es una reflexión, no un diagnóstico.")
            .count(),
        1,
        "{out}"
    );
    assert!(out.contains("numb support"), "{out}");
    assert!(out.contains("11 de 12 preguntas respondidas"), "{out}");
    assert!(out.contains("Emociones apagadas"), "{out}");
    // The same answers score the same in both languages.
    let json = |lang: &str| -> serde_json::Value {
        let out = stdout_of(numb().args([
            "--lang",
            lang,
            "reflect",
            "--format",
            "json",
            "--answers",
            ANSWERS,
        ]));
        serde_json::from_str(&out).unwrap()
    };
    let scores = |v: &serde_json::Value| -> Vec<(String, serde_json::Value)> {
        (v["facets"].as_array().unwrap().iter())
            .map(|f| (f["id"].as_str().unwrap().to_string(), f["score"].clone()))
            .collect()
    };
    assert_eq!(scores(&json("es")), scores(&json("en")));
}

#[test]
fn help_lines_in_spanish_for_spain_mexico_and_the_us() {
    let page = |country: &str| stdout_of(numb().args(["--lang", "es", "support", country]));
    let spain = page("ES");
    assert!(
        spain.contains("Líneas de ayuda en ES") && spain.contains("Llama al 024"),
        "{spain}"
    );
    let mexico = page("MX");
    assert!(mexico.contains("Llama al 800 911 2000"), "{mexico}");
    let us = page("US");
    assert!(
        us.contains("Llama al 988 y marca el 2") && us.contains("AYUDA"),
        "{us}"
    );
    // One language on the page, and no number twice.
    assert!(
        !us.contains("Call ") && !us.contains("Call or text"),
        "{us}"
    );
    assert_eq!(us.matches("Llama al 024").count(), 1, "{us}");
    // In English, the new countries' lines are there too.
    let peru = stdout_of(numb().args(["support", "PE"]));
    assert!(peru.contains("Call 113, then choose option 5"), "{peru}");
}

#[test]
fn a_spanish_and_an_english_reflection_share_one_history() {
    let home = tempfile::tempdir().unwrap();
    numb_at(home.path())
        .args(["reflect", "--answers", ANSWERS, "--save"])
        .assert()
        .success();
    numb_at(home.path())
        .args(["--lang", "es", "reflect", "--answers", ANSWERS, "--save"])
        .assert()
        .success();
    let json = stdout_of(numb_at(home.path()).args(["history", "--format", "json"]));
    let languages: Vec<String> = json
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["language"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(languages, ["en", "es"]);
    // Parts are matched by id: each has two scores, named in the language read.
    let trend = stdout_of(numb_at(home.path()).args(["--lang", "es", "history", "trend"]));
    assert!(trend.contains("reflexiones guardadas: 2"), "{trend}");
    assert!(trend.contains("Emociones apagadas"), "{trend}");
    let trend = stdout_of(numb_at(home.path()).args(["history", "trend"]));
    assert!(
        trend.contains("2 saved") && trend.contains("Muted feelings"),
        "{trend}"
    );
}

#[test]
fn exports_are_in_the_chosen_language() {
    let json = stdout_of(numb().args(["--lang", "es", "export", "--format", "json"]));
    let export: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(export["language"], "es");
    assert_eq!(
        export["topics"][0]["title"],
        "Qué es el entumecimiento emocional"
    );
    let markdown = stdout_of(numb().args(["--lang", "es", "export", "--format", "markdown"]));
    assert!(
        markdown.contains("# numb: un lugar tranquilo"),
        "{}",
        &markdown[..200]
    );
}

#[test]
fn the_spanish_book_says_its_language_and_builds_with_mdbook() {
    let tmp = tempfile::tempdir().unwrap();
    let book = tmp.path().join("libro");
    numb()
        .args(["--lang", "es", "export", "--format", "mdbook", "--out"])
        .arg(&book)
        .assert()
        .success();
    let config = std::fs::read_to_string(book.join("book.toml")).unwrap();
    assert!(config.contains("language = \"es\""), "{config}");
    let Some(mdbook) = crate::export::mdbook() else {
        return;
    };
    let out = std::process::Command::new(mdbook)
        .arg("build")
        .arg(&book)
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{log}");
    assert!(!log.contains("WARN") && !log.contains("ERROR"), "{log}");
    let html = std::fs::read_to_string(book.join("book/worksheets/check-in.html")).unwrap();
    assert!(
        html.contains("Cómo leer tus respuestas"),
        "the worksheet is in Spanish"
    );
}

#[test]
fn feeling_words_in_spanish_with_or_without_accents() {
    let out = stdout_of(numb().args(["--lang", "es", "feelings", "alegria"]));
    assert!(out.starts_with("alegría\n"), "{out}");
    let out = stdout_of(numb().args(["--lang", "es", "feelings", "tristesa"]));
    assert!(
        out.contains("tristeza"),
        "a slip gets the nearest word: {out}"
    );
    // A Spanish word of crisis meets help in English too, and an English one in Spanish.
    let out = stdout_of(numb().args(["feelings", "quiero", "morir"]));
    assert!(out.contains("Lines for") || out.contains("988"), "{out}");
    let out = stdout_of(numb().args(["--lang", "es", "feelings", "i want to die"]));
    assert!(
        out.starts_with("Detrás de lo que acabas de escribir"),
        "{out}"
    );
}

/// What rexpect read, as text: it hands over each byte as a character.
fn utf8(read: &str) -> String {
    let bytes: Vec<u8> = read
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Sends keys and makes sure they leave the buffer.
fn press(s: &mut rexpect::session::PtySession, keys: &str) {
    s.send(keys).unwrap();
    s.flush().unwrap();
}

/// `numb --lang es reflect` in a pseudo-terminal of 100 by 40 with its own folders under
/// `home`, past its first screen ("Empezar" taken).
fn spanish_check_in_started(home: &std::path::Path) -> rexpect::session::PtySession {
    let mut cmd = crate::numb_std();
    cmd.args(["--lang", "es", "reflect"])
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("COLUMNS", "100")
        .env("LINES", "40");
    let mut s = rexpect::session::spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
    s.exp_string("Ahora no").unwrap();
    press(&mut s, "\r");
    s
}

#[test]
fn a_spanish_check_in_in_a_terminal_from_the_first_screen_to_the_save_question() {
    let home = tempfile::tempdir().unwrap();
    let mut s = spanish_check_in_started(home.path());
    for n in 1..=12 {
        s.exp_string(&format!("{n} de 12")).unwrap();
        s.exp_string("Parar aqu").unwrap();
        press(&mut s, "\x1b[B\x1b[B\r");
    }
    let summary = utf8(&s.exp_string("Guardar esta reflexi").unwrap());
    assert!(
        summary.contains("12 de 12 preguntas respondidas"),
        "{summary}"
    );
    assert!(
        summary.contains("Esto es una reflexión, no un diagnóstico."),
        "{summary}"
    );
    // Yes and no in Spanish words, No first and the default.
    let choices = utf8(&s.exp_string("S\u{c3}\u{ad}").unwrap());
    assert!(choices.contains("No"), "{choices}");
    press(&mut s, "\r");
    s.exp_eof().unwrap();
    match s.process().wait().unwrap() {
        rexpect::process::WaitStatus::Exited(_, code) => assert_eq!(code, 0),
        other => panic!("{other:?}"),
    }
    assert!(
        !home.path().join("data").exists(),
        "no is the default: nothing saved"
    );
}

#[test]
fn a_settings_file_that_is_a_fifo_or_huge_never_stops_a_page() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config/numb");
    std::fs::create_dir_all(&config).unwrap();
    let fifo = std::ffi::CString::new(config.join("config.toml").to_str().unwrap()).unwrap();
    // SAFETY: a valid C string; mkfifo only creates the file.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
    let out = numb_at(home.path())
        .args(["learn", "origins"])
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .success();
    assert!(String::from_utf8_lossy(&out.get_output().stdout).starts_with("Where numbness"));
    std::fs::remove_file(config.join("config.toml")).unwrap();
    let huge = format!("language = \"es\"\n{}", "# padding\n".repeat(10_000));
    std::fs::write(config.join("config.toml"), huge).unwrap();
    let out = stdout_of(numb_at(home.path()).args(["learn", "origins"]));
    assert!(
        out.starts_with("Where numbness"),
        "a settings file over 64 KiB is not read: {out}"
    );
}

/// Spanish words of crisis typed at a question of the ordinary mode meet the help lines in
/// Spanish, and the question comes again.
#[test]
fn spanish_words_of_crisis_typed_at_a_question_meet_the_spanish_help() {
    let home = tempfile::tempdir().unwrap();
    let mut s = spanish_check_in_started(home.path());
    s.exp_string("1 de 12").unwrap();
    s.exp_string("Parar aqu").unwrap();
    press(&mut s, "ya no quiero vivir\r");
    let help = utf8(&s.exp_string("lo que acabas de escribir").unwrap());
    assert!(help.contains("Detrás de"), "{help}");
    let lines = utf8(&s.exp_string("1 de 12").unwrap());
    assert!(lines.contains("Llama"), "the lines in Spanish: {lines}");
    assert!(!lines.contains("2 de 12"), "{lines}");
    s.exp_string("Parar aqu").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(200));
    press(&mut s, "\x1b");
    let rest = s.exp_eof().unwrap();
    assert!(!home.path().join("data").exists(), "{rest}");
}
