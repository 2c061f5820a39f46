//! `numb check`: every problem with its place, packs and their precedence, JSON for editors.

use std::path::Path;

use predicates::prelude::*;

use crate::{base_topic, fixture, numb, pack_dir, pack_with_topics, stdout_of};

const EVERY: &str = "tests/fixtures/every-problem";

/// Every problem planted in tests/fixtures/every-problem: (file, line:col, words of the message).
const PLANTED: &[(&str, &str, &str)] = &[
    (
        "questionnaires/broken-check.toml",
        "65:9",
        "facet `no-such-facet` is not one of this questionnaire's [[facets]]",
    ),
    (
        "questionnaires/broken-check.toml",
        "145:6",
        "the highest possible score is 8; this band goes past it",
    ),
    (
        "support.toml",
        "4:14",
        "`gb` is not an ISO 3166-1 alpha-2 country code; did you mean `GB`?",
    ),
    (
        "topics/bad-id.toml",
        "2:6",
        "topic id `Bad_Id` must be lower-case letters, digits and dashes",
    ),
    (
        "topics/bad-related.toml",
        "6:12",
        "related topic `nowhere` does not exist",
    ),
    (
        "topics/dotdot.toml",
        "2:6",
        "topic id `../evil` must be lower-case letters",
    ),
    (
        "topics/dup-b.toml",
        "2:6",
        "topic id `twice` is already used by tests/fixtures/every-problem/topics/dup-a.toml",
    ),
    (
        "topics/hidden.toml",
        "3:9",
        "the control character U+001B written as an escape",
    ),
    (
        "topics/missing-field.toml",
        "1:1",
        "missing field `summary`",
    ),
    (
        "topics/newer.toml",
        "1:18",
        "format_version 99 needs a newer numb (this one reads format_version 1)",
    ),
    (
        "topics/syntax.toml",
        "4:30",
        "invalid basic string, expected `\"`",
    ),
    (
        "topics/unknown-field.toml",
        "3:1",
        "unknown field `titel`, expected one of `format_version`, `id`, `title`, `summary`",
    ),
    (
        "topics/wrong-type.toml",
        "5:14",
        "invalid type: string \"Written by a user pack.\", expected a list",
    ),
];

#[test]
fn every_check_reports_its_file_line_col_and_message_then_a_count() {
    let assert = numb().args(["check", EVERY]).assert().code(65);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    for (file, at, message) in PLANTED {
        let place = format!(" --> {EVERY}/{file}:{at}\n");
        let found = err
            .find(&place)
            .unwrap_or_else(|| panic!("{place} missing:\n{err}"));
        // The message is the `error:` line right above the place.
        let above = &err[err[..found].rfind("error: ").unwrap()..found];
        assert!(above.contains(message), "{file}:{at}: {above}");
    }
    // Each problem shows its source line and a caret.
    assert!(err.contains("6 | related = [\"nowhere\"]"), "{err}");
    assert_eq!(
        err.matches("\nerror: ").count() + 1,
        PLANTED.len() + 1,
        "{err}"
    );
    assert!(
        err.trim_end()
            .ends_with("error: 13 problems in 12 content files"),
        "{err}"
    );
    // The summary on stdout names the pack even though it has problems.
    let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(
        out.contains("Every problem (en), tests/fixtures/every-problem"),
        "{out}"
    );
}

#[test]
fn json_report_lists_every_problem_with_positions() {
    let assert = numb()
        .args(["check", "--format", "json", EVERY])
        .assert()
        .code(65);
    let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["schema_version"], 1);
    assert_eq!(report["ok"], false);
    let problems = report["problems"].as_array().unwrap();
    assert_eq!(problems.len(), PLANTED.len());
    for ((file, at, message), problem) in PLANTED.iter().zip(problems) {
        assert_eq!(problem["path"], format!("{EVERY}/{file}"));
        let (line, col) = at.split_once(':').unwrap();
        assert_eq!(problem["line"].to_string(), line, "{problem}");
        assert_eq!(problem["column"].to_string(), col, "{problem}");
        assert!(
            problem["message"].as_str().unwrap().contains(message),
            "{problem}"
        );
        assert!(problem["end_line"].as_u64().unwrap() >= problem["line"].as_u64().unwrap());
    }
    // Problems are in the JSON, not repeated on stderr: one count line there.
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert_eq!(err.trim_end(), "error: 13 problems in 12 content files");
}

#[test]
fn built_in_content_and_the_example_pack_are_clean() {
    let out = stdout_of(numb().arg("check"));
    assert!(
        out.contains("numb (en), built in: 8 topics, 2 questionnaires, 6 practices"),
        "{out}"
    );
    assert!(out.trim_end().ends_with("No problems found."), "{out}");

    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/custom-pack");
    let out = stdout_of(numb().arg("check").arg(&example));
    assert!(
        out.contains("1 topic, 1 questionnaire, 0 practices, support lines"),
        "{out}"
    );
    assert!(out.trim_end().ends_with("No problems found."), "{out}");

    let json = stdout_of(numb().args(["check", "--format", "json"]).arg(&example));
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["ok"], true);
    assert_eq!(report["packs"][0]["path"], serde_json::Value::Null);
    // The built-in translation follows the built-in pack; the example pack comes after.
    assert_eq!(report["packs"][1]["path"], serde_json::Value::Null);
    assert_eq!(report["packs"][1]["language"], "es");
    let packs = report["packs"].as_array().unwrap();
    let example = (packs.iter())
        .find(|p| {
            p["path"]
                .as_str()
                .is_some_and(|p| p.ends_with("custom-pack"))
        })
        .unwrap();
    assert_eq!(example["topics"], 1);
    // Practices are counted, a number like the others.
    assert_eq!(report["packs"][0]["practices"], 6);
    assert_eq!(example["practices"], 0);
    assert_eq!(report["problems"], serde_json::json!([]));
}

#[test]
fn a_pack_for_a_newer_numb_says_so_and_nothing_else() {
    let dir = pack_dir();
    std::fs::write(
        dir.path().join("pack.toml"),
        "format_version = 2\nname = \"From the future\"\nlanguage = \"en\"\nshiny = true\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("topics")).unwrap();
    std::fs::write(
        dir.path().join("topics/x.toml"),
        "fields = \"numb 1 does not know\"\n",
    )
    .unwrap();
    let assert = numb().arg("check").arg(dir.path()).assert().code(65);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    let place = format!("{}:1:18", dir.path().join("pack.toml").display());
    assert!(err.contains(&place), "{err}");
    assert!(err.contains("format_version 2 needs a newer numb"), "{err}");
    assert!(
        err.trim_end().ends_with("1 problem in 1 content file"),
        "{err}"
    );
    // A page leaves the pack out and says why; publishing refuses it.
    numb()
        .arg("learn")
        .arg("--content-dir")
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr(predicate::str::contains("needs a newer numb"));
    numb()
        .args(["export", "--format", "json", "--content-dir"])
        .arg(dir.path())
        .assert()
        .code(65)
        .stderr(predicate::str::contains("needs a newer numb"));
}

#[test]
fn pack_toml_fields_are_checked() {
    let dir = pack_dir();
    std::fs::write(
        dir.path().join("pack.toml"),
        "format_version = 1\nname = \"\"\nlanguage = \"English\"\n",
    )
    .unwrap();
    let assert = numb().arg("check").arg(dir.path()).assert().code(65);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    let path = dir.path().join("pack.toml");
    assert!(err.contains(&format!("{}:2:8", path.display())), "{err}");
    assert!(err.contains("`name` is empty"), "{err}");
    assert!(err.contains(&format!("{}:3:12", path.display())), "{err}");
    assert!(
        err.contains("language `English` is not a language tag"),
        "{err}"
    );
}

/// Practices are read and checked like topics: a file missing its fields is named.
#[test]
fn practices_are_checked_like_the_rest() {
    let dir = pack_dir();
    std::fs::create_dir(dir.path().join("practices")).unwrap();
    std::fs::write(
        dir.path().join("practices/breathe.toml"),
        "format_version = 1\n",
    )
    .unwrap();
    numb()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(65)
        .stderr(predicate::str::contains("missing field `id`"))
        .stderr(predicate::str::contains("practices/breathe.toml:1:1"));
}

#[test]
fn a_missing_pack_folder_exits_66() {
    numb()
        .args(["check", "/no/such/numb/pack"])
        .assert()
        .code(66)
        .stderr(predicate::str::starts_with(
            "error: cannot read /no/such/numb/pack",
        ));
}

/// A pack holding one `origins` topic titled `title`.
fn origins_pack(root: &Path, title: &str) {
    std::fs::create_dir_all(root.join("topics")).unwrap();
    std::fs::write(
        root.join("pack.toml"),
        format!("format_version = 1\nname = \"{title}\"\nlanguage = \"en\"\n"),
    )
    .unwrap();
    std::fs::write(
        root.join("topics/origins.toml"),
        base_topic().replace("Origins, as my practice explains them", title),
    )
    .unwrap();
}

#[test]
fn packs_load_config_then_env_then_flags_and_later_ones_win() {
    let config = tempfile::tempdir().unwrap();
    let env_pack = tempfile::tempdir().unwrap();
    let flag_pack = tempfile::tempdir().unwrap();
    origins_pack(
        &config.path().join("numb/content"),
        "From the config folder",
    );
    origins_pack(env_pack.path(), "From NUMB_CONTENT_DIR");
    origins_pack(flag_pack.path(), "From the flag");
    let title = |env: bool, flag: bool| {
        let mut cmd = numb();
        cmd.args(["learn", "origins"])
            .env("XDG_CONFIG_HOME", config.path());
        if env {
            cmd.env("NUMB_CONTENT_DIR", env_pack.path());
        }
        if flag {
            cmd.arg("--content-dir").arg(flag_pack.path());
        }
        stdout_of(&mut cmd).lines().next().unwrap().to_string()
    };
    assert_eq!(title(false, false), "From the config folder");
    assert_eq!(title(true, false), "From NUMB_CONTENT_DIR");
    assert_eq!(title(true, true), "From the flag");
    assert_eq!(title(false, true), "From the flag");

    // `numb check` with no DIR checks the same packs, and lists each replacement in order.
    let out = stdout_of(
        numb()
            .arg("check")
            .env("XDG_CONFIG_HOME", config.path())
            .env("NUMB_CONTENT_DIR", env_pack.path())
            .arg("--content-dir")
            .arg(flag_pack.path()),
    );
    let origins = |dir: &Path| dir.join("topics/origins.toml").display().to_string();
    let config_pack = config.path().join("numb/content");
    for (by, replaced) in [
        (
            origins(&config_pack),
            "content/en/topics/origins.toml".to_string(),
        ),
        (origins(env_pack.path()), origins(&config_pack)),
        (origins(flag_pack.path()), origins(env_pack.path())),
    ] {
        let line = format!("  topic `origins`: {by} replaces {replaced}");
        assert!(out.contains(&line), "{line} missing:\n{out}");
    }
    assert!(out.starts_with("Checked 4 packs"), "{out}");
}

#[test]
fn completions_load_in_bash_and_every_shell_gets_a_script() {
    let script = stdout_of(numb().args(["completions", "bash"]));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("numb.bash");
    std::fs::write(&file, script).unwrap();
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!("source '{}' && complete -p numb", file.display()))
        .output()
        .unwrap();
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    assert!(printed.contains("-F _numb numb"), "{printed}");
    for (shell, words) in [("zsh", "#compdef numb"), ("fish", "complete -c numb")] {
        let script = stdout_of(numb().args(["completions", shell]));
        assert!(script.contains(words), "{shell}");
        assert!(
            script.contains("check") && script.contains("content-dir"),
            "{shell}"
        );
    }
    numb().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn the_man_page_has_exit_status_environment_and_files() {
    let page = stdout_of(numb().arg("man"));
    assert!(page.contains("\n.TH numb 1 "), "{page}");
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH COMMANDS",
        ".SH \"EXIT STATUS\"",
        ".SH ENVIRONMENT",
        ".SH FILES",
        ".SH PRIVACY",
    ] {
        assert!(page.contains(section), "{section} missing");
    }
    assert!(
        !page.contains("numb\\-learn(1)"),
        "no pointers to pages numb does not install"
    );
    for words in [
        "65",
        "130",
        "NUMB_CONTENT_DIR",
        "numb/content",
        ".SS \"numb check [OPTIONS] [DIR]...\"",
        "\\fB\\-\\-force\\fR",
        "\\fB\\-\\-answers\\-file\\fR",
    ] {
        assert!(page.contains(words), "{words} missing");
    }
}

/// A valid questionnaire (the example pack's `rest-check`, pointing at built-in topics
/// instead of the example's `sleep`), to edit into the case under test.
fn base_questionnaire() -> String {
    let example = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/custom-pack/questionnaires/rest-check.toml");
    std::fs::read_to_string(example)
        .unwrap()
        .replace("`numb learn sleep`", "`numb learn signs`")
        .replace("\"sleep\"", "\"signs\"")
}

/// A temporary content pack with one file in `questionnaires/`.
fn pack_with_questionnaire(name: &str, text: String) -> tempfile::TempDir {
    let dir = pack_dir();
    std::fs::create_dir(dir.path().join("questionnaires")).unwrap();
    std::fs::write(dir.path().join("questionnaires").join(name), text).unwrap();
    dir
}

fn check_stderr(dir: &Path) -> String {
    let assert = numb().arg("check").arg(dir).assert().code(65);
    String::from_utf8(assert.get_output().stderr.clone()).unwrap()
}

/// A pack holding just a `support.toml` with this text.
fn pack_with_support(text: &str) -> tempfile::TempDir {
    let dir = pack_dir();
    std::fs::write(dir.path().join("support.toml"), text).unwrap();
    dir
}

/// A user's support.toml with one sound line, to edit into the case under test.
const SUPPORT: &str = "format_version = 1

[[lines]]
countries = [\"NZ\", \"AU\"]
name = \"A test line\"
contact = \"Call 0000 (a test fixture, not a real number)\"
verified_on = 2026-11-25
";

/// The one problem `numb check` reports for this pack, and where: (path:line:col, message).
fn only_problem(dir: &Path) -> (String, String) {
    let err = check_stderr(dir);
    assert!(
        err.trim_end()
            .ends_with("error: 1 problem in 1 content file"),
        "{err}"
    );
    let message = err.lines().next().unwrap_or_default().to_string();
    let place = err
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("--> "))
        .unwrap_or_else(|| panic!("no place in:\n{err}"))
        .to_string();
    (place, message)
}

#[test]
fn a_sound_help_line_passes_the_check() {
    let dir = pack_with_support(SUPPORT);
    numb().arg("check").arg(dir.path()).assert().success();
}

#[test]
fn a_help_line_country_that_is_not_an_iso_code_is_shown_where_it_is_with_the_code_meant() {
    for (written, col, meant) in [("UK", 20, "GB"), ("EL", 20, "GR"), ("nz", 14, "NZ")] {
        let text = if written == "nz" {
            SUPPORT.replace("\"NZ\"", "\"nz\"")
        } else {
            SUPPORT.replace("\"AU\"", &format!("\"{written}\""))
        };
        let dir = pack_with_support(&text);
        let (place, message) = only_problem(dir.path());
        let file = dir.path().join("support.toml").display().to_string();
        assert_eq!(place, format!("{file}:4:{col}"), "{written}");
        assert_eq!(
            message,
            format!(
                "error: `{written}` is not an ISO 3166-1 alpha-2 country code; \
                 did you mean `{meant}`?"
            )
        );
    }
    let dir = pack_with_support(&SUPPORT.replace("\"AU\"", "\"ZZ\""));
    let (place, message) = only_problem(dir.path());
    assert!(place.ends_with("support.toml:4:20"), "{place}");
    assert!(
        message.starts_with("error: `ZZ` is not an ISO 3166-1 alpha-2 country code: use"),
        "{message}"
    );
}

#[test]
fn a_help_line_checked_later_than_today_is_shown_where_its_date_is() {
    let dir = pack_with_support(&SUPPORT.replace("2026-11-25", "2999-01-01"));
    let (place, message) = only_problem(dir.path());
    let file = dir.path().join("support.toml").display().to_string();
    assert_eq!(place, format!("{file}:7:15"));
    let today = jiff::Zoned::now().date();
    assert!(
        message.starts_with("error: `verified_on` 2999-01-01 is later than today ("),
        "{message}"
    );
    // The date named is the machine's today, or tomorrow if the check ran across midnight.
    assert!(
        message.contains(&format!("({today})"))
            || message.contains(&format!("({})", today.tomorrow().unwrap())),
        "{message}"
    );
    // Pages for reading never judge the clock: the line still shows.
    let page = stdout_of(
        numb()
            .args(["support", "NZ", "--content-dir"])
            .arg(dir.path()),
    );
    assert!(page.contains("A test line"), "{page}");
}

#[test]
fn every_field_problem_in_a_file_shows_at_once_with_a_did_you_mean() {
    let text = base_topic()
        .replacen("title =", "titel =", 1)
        .replacen("summary = \"A counsellor's own page.\"", "summary = 5", 1)
        .replacen("heading =", "headin =", 1)
        .replacen("publisher =", "publsher =", 1)
        .replacen("year = 2026", "year = \"x\"", 1);
    let dir = pack_with_topics(&[("o.toml", text)]);
    let err = check_stderr(dir.path());
    let file = dir.path().join("topics/o.toml").display().to_string();
    for (at, message) in [
        ("4:1", "unknown field `titel`"),
        ("4:1", "did you mean `title`?"),
        ("5:11", "invalid type: integer `5`, expected a string"),
        (
            "9:1",
            "unknown field `headin`, expected `heading` or `body`; did you mean `heading`?",
        ),
        ("14:1", "did you mean `publisher`?"),
        (
            "15:8",
            "invalid type: string \"x\", expected a whole number",
        ),
    ] {
        let place = format!("{file}:{at}\n");
        let found = err
            .find(&place)
            .unwrap_or_else(|| panic!("{place} missing:\n{err}"));
        let above = &err[err[..found].rfind("error: ").unwrap()..found];
        assert!(above.contains(message), "{at}: {above}");
    }
    // The field a typo stands for is not reported missing as well.
    assert!(!err.contains("missing field `title`"), "{err}");
    assert!(!err.contains("missing field `heading`"), "{err}");
    assert!(
        err.trim_end().ends_with("5 problems in 1 content file"),
        "{err}"
    );
}

#[test]
fn a_reference_to_a_topic_whose_file_has_problems_is_not_reported_twice() {
    let alpha = base_topic()
        .replace("id = \"origins\"", "id = \"alpha\"")
        .replace("key_points = [", "related = [\"beta\"]\nkey_points = [");
    let beta = base_topic()
        .replace("id = \"origins\"", "id = \"beta\"")
        .replace("summary =", "sumary =");
    let dir = pack_with_topics(&[("alpha.toml", alpha), ("beta.toml", beta)]);
    let err = check_stderr(dir.path());
    assert!(err.contains("unknown field `sumary`"), "{err}");
    assert!(!err.contains("`beta` does not exist"), "{err}");
    assert!(
        err.trim_end().ends_with("1 problem in 1 content file"),
        "{err}"
    );
}

#[test]
fn a_file_of_junk_gives_fifty_problems_and_a_count_of_the_rest_quickly() {
    let dir = pack_with_topics(&[("junk.toml", "x\n".repeat(100_000))]);
    let err = check_stderr(dir.path());
    assert_eq!(
        err.matches("\nerror: ").count() + usize::from(err.starts_with("error: ")),
        52
    );
    assert!(
        err.contains("error: and 99950 more problems in this file, from here on"),
        "{err}"
    );
    assert!(
        err.trim_end()
            .ends_with("100000 problems in 1 content file"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_in_a_pack_is_a_problem_like_the_others() {
    let dir = pack_with_topics(&[("ok.toml", base_topic())]);
    std::os::unix::fs::symlink("/no/such/file", dir.path().join("topics/gone.toml")).unwrap();
    let err = check_stderr(dir.path());
    let place = format!("{}:1:1", dir.path().join("topics/gone.toml").display());
    assert!(err.contains(&place), "{err}");
    assert!(
        err.contains("numb cannot read this file: No such file or directory"),
        "{err}"
    );
    // The summary still shows on stdout.
    numb()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(65)
        .stdout(predicate::str::contains("A test pack (en)"));
}

#[test]
fn invisible_marks_and_tag_characters_are_refused() {
    for (name, hidden) in [
        ("rlm", '\u{200f}'),
        ("tag", '\u{e0041}'),
        ("alm", '\u{61c}'),
    ] {
        let text = base_topic().replace("A counsellor's own page.", &format!("A page{hidden}."));
        let dir = pack_with_topics(&[("o.toml", text)]);
        let err = check_stderr(dir.path());
        let code = format!("U+{:04X}", u32::from(hidden));
        assert!(
            err.contains(&code) && err.contains("is hidden here"),
            "{name}: {err}"
        );
        assert!(!err.contains(hidden), "{name}: the report shows it escaped");
    }
}

#[test]
fn a_questionnaire_cannot_be_called_readme() {
    let dir = pack_with_questionnaire(
        "readme.toml",
        base_questionnaire().replace("id = \"rest-check\"", "id = \"readme\""),
    );
    let err = check_stderr(dir.path());
    assert!(
        err.contains("`readme` cannot be a questionnaire id"),
        "{err}"
    );
    assert!(
        err.trim_end().ends_with("1 problem in 1 content file"),
        "{err}"
    );
}

#[test]
fn names_in_the_report_are_shown_escaped() {
    let root = tempfile::tempdir().unwrap();
    let pack = root.path().join("evil\x1b[31mRED");
    origins_pack(&pack, "Escaped");
    let out = stdout_of(numb().arg("check").arg(&pack));
    assert!(!out.contains('\x1b'), "{out:?}");
    assert!(
        out.contains("evil\\x1b[31mRED/topics/origins.toml replaces"),
        "{out}"
    );
}

#[test]
fn an_empty_config_folder_is_no_pack_and_no_problem() {
    let config = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(config.path().join("numb/content")).unwrap();
    let out = stdout_of(numb().arg("check").env("XDG_CONFIG_HOME", config.path()));
    assert!(out.starts_with("Checked 1 pack"), "{out}");
    stdout_of(
        numb()
            .args(["learn", "origins"])
            .env("XDG_CONFIG_HOME", config.path()),
    );
}

#[test]
fn a_missing_field_is_not_hidden_by_one_set_aside_elsewhere() {
    // Section 1 has a mistyped heading, section 2 none at all: both are problems.
    let text = base_topic().replacen(
        "[[sources]]",
        "[[sections]]\nbody = \"A second part.\"\n\n[[sources]]",
        1,
    );
    let text = text.replacen("heading = \"Our words\"", "heading = 5", 1);
    let dir = pack_with_topics(&[("o.toml", text)]);
    let err = check_stderr(dir.path());
    assert!(
        err.contains("invalid type: integer `5`, expected a string"),
        "{err}"
    );
    assert!(err.contains("missing field `heading`"), "{err}");
    assert!(
        err.trim_end().ends_with("2 problems in 1 content file"),
        "{err}"
    );
}

#[test]
fn ids_of_files_that_failed_or_are_too_new_still_resolve() {
    let alpha = base_topic()
        .replace("id = \"origins\"", "id = \"alpha\"")
        .replace(
            "key_points = [",
            "related = [\"beta\", \"gamma\"]\nkey_points = [",
        );
    // beta: `id` first and no title; gamma: written for a newer numb.
    let beta = base_topic()
        .replace(
            "# Replaces the built-in `origins` topic.\nformat_version = 1\n",
            "",
        )
        .replace("id = \"origins\"", "id = \"beta\"\nformat_version = 1")
        .replace("title = \"Origins, as my practice explains them\"\n", "");
    let gamma = base_topic()
        .replace("id = \"origins\"", "id = \"gamma\"")
        .replace("format_version = 1", "format_version = 7");
    assert!(beta.starts_with("id = \"beta\""), "{beta}");
    let dir = pack_with_topics(&[
        ("alpha.toml", alpha),
        ("beta.toml", beta),
        ("gamma.toml", gamma),
    ]);
    let err = check_stderr(dir.path());
    assert!(err.contains("missing field `title`"), "{err}");
    assert!(err.contains("format_version 7 needs a newer numb"), "{err}");
    assert!(!err.contains("does not exist"), "{err}");
    assert!(
        err.trim_end().ends_with("2 problems in 2 content files"),
        "{err}"
    );
}

#[test]
fn folders_numb_does_not_read_are_named() {
    let dir = pack_with_topics(&[("ok.toml", base_topic())]);
    for folder in ["topic", "topics/more"] {
        std::fs::create_dir_all(dir.path().join(folder)).unwrap();
        std::fs::write(
            dir.path().join(folder).join("x.toml"),
            "format_version = 1\n",
        )
        .unwrap();
    }
    let err = check_stderr(dir.path());
    assert!(err.contains("numb does not read this folder"), "{err}");
    assert!(
        err.contains("numb does not look in folders inside topics/"),
        "{err}"
    );
    assert!(
        err.trim_end().ends_with("2 problems in 2 content files"),
        "{err}"
    );
}

#[test]
fn the_same_pack_twice_is_loaded_once() {
    let dir = pack_with_topics(&[("bad.toml", "oops = \n".to_string())]);
    let err = {
        let assert = numb()
            .arg("check")
            .arg(dir.path())
            .arg(dir.path().join("."))
            .assert()
            .code(65);
        String::from_utf8(assert.get_output().stderr.clone()).unwrap()
    };
    assert!(
        err.trim_end().ends_with("1 problem in 1 content file"),
        "{err}"
    );
    let out = stdout_of(
        numb()
            .arg("check")
            .env("NUMB_CONTENT_DIR", fixture("override"))
            .arg("--content-dir")
            .arg(fixture("override")),
    );
    assert!(out.starts_with("Checked 2 packs"), "{out}");
}

#[test]
fn a_config_folder_with_only_hidden_files_is_no_pack() {
    let config = tempfile::tempdir().unwrap();
    let folder = config.path().join("numb/content");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join(".DS_Store"), "x").unwrap();
    let out = stdout_of(numb().arg("check").env("XDG_CONFIG_HOME", config.path()));
    assert!(out.starts_with("Checked 1 pack"), "{out}");
}

#[test]
fn a_quoted_key_with_an_escape_is_refused_and_json_shows_it_escaped() {
    let text = base_topic().replacen("key_points", "\"\\u202eevil\" = 1\nkey_points", 1);
    let dir = pack_with_topics(&[("o.toml", text)]);
    let err = check_stderr(dir.path());
    assert!(err.contains("U+202E written as an escape"), "{err}");
    let assert = numb()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .assert()
        .code(65);
    let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(!out.contains('\u{202e}'), "{out}");
}

#[test]
fn problems_keep_exit_65_when_stdout_is_closed() {
    let dir = pack_with_topics(&[("bad.toml", "oops = \n".to_string())]);
    for format in ["text", "json"] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = crate::numb_std()
            .args(["check", "--format", format])
            .arg(dir.path())
            .stdout(writer)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(65), "{format}");
    }
}

#[test]
fn syntax_errors_name_the_duplicate_key_and_the_control_character() {
    let dir = pack_with_topics(&[
        (
            "a.toml",
            "format_version = 1\nid = \"a\"\nid = \"b\"\n[sections]\nheading = \"x\"\n[sections]\n"
                .to_string(),
        ),
        (
            "b.toml",
            "format_version = 1\nid = \"a\x1bb\"\n".to_string(),
        ),
    ]);
    let err = check_stderr(dir.path());
    let a = dir.path().join("topics/a.toml").display().to_string();
    let b = dir.path().join("topics/b.toml").display().to_string();
    for (place, message) in [
        (format!("{a}:3:1"), "`id` is set twice; keep one"),
        (
            format!("{a}:6:2"),
            "`[sections]` appears twice; merge the two, or, where the format takes a list of them, write each as `[[sections]]`",
        ),
        (
            format!("{b}:2:8"),
            "the control character U+001B is not allowed here",
        ),
    ] {
        let found = err
            .find(&format!("{place}\n"))
            .unwrap_or_else(|| panic!("{place} missing:\n{err}"));
        let above = &err[err[..found].rfind("error: ").unwrap()..found];
        assert!(above.contains(message), "{place}: {above}");
    }
    assert!(!err.contains('\x1b'), "{err:?}");
}

#[test]
fn every_missing_field_shows_at_once_at_the_root_and_in_a_table() {
    let dir = pack_with_topics(&[("a.toml", "format_version = 1\nid = \"x\"\n".to_string())]);
    std::fs::write(
        dir.path().join("support.toml"),
        "format_version = 1\n[emergency]\ntext = \"x\"\n",
    )
    .unwrap();
    let err = check_stderr(dir.path());
    for field in ["title", "summary", "key_points", "sections", "sources"] {
        assert!(
            err.contains(&format!("missing field `{field}`")),
            "{field}:\n{err}"
        );
    }
    assert!(err.contains("missing field `numbers`"), "{err}");
    assert!(err.contains("missing field `verified_on`"), "{err}");
    assert!(
        err.trim_end().ends_with("7 problems in 2 content files"),
        "{err}"
    );
}

#[test]
fn a_file_with_too_many_field_problems_says_numb_stopped_looking() {
    let mut text = String::from("format_version = 1\nid = \"x\"\n");
    for i in 0..80 {
        text.push_str(&format!("bogus{i} = 1\n"));
    }
    let dir = pack_with_topics(&[("a.toml", text)]);
    let err = check_stderr(dir.path());
    assert!(
        err.contains("error: numb stopped looking for more problems in this file here"),
        "{err}"
    );
    assert_eq!(err.matches("unknown field `bogus").count(), 49, "{err}");
    assert!(!err.contains("from here on"), "no second cut: {err}");
}

#[test]
fn an_error_caused_only_by_setting_something_aside_is_not_reported() {
    let dir = pack_with_questionnaire(
        "q.toml",
        base_questionnaire().replace("kind = \"scale\"", "kind = { type = \"scale\" }"),
    );
    let err = check_stderr(dir.path());
    assert!(
        err.contains("unknown variant `type`, expected `scale` or `choose`"),
        "{err}"
    );
    assert!(
        err.trim_end().ends_with("1 problem in 1 content file"),
        "{err}"
    );
}

#[test]
fn a_folder_named_like_a_file_is_reported_once() {
    let dir = pack_with_topics(&[("ok.toml", base_topic())]);
    std::fs::create_dir(dir.path().join("topics/dir.toml")).unwrap();
    std::fs::write(dir.path().join("topics/dir.toml/a.toml"), "x = 1\n").unwrap();
    let err = check_stderr(dir.path());
    assert!(err.contains("not a regular file"), "{err}");
    assert!(
        err.trim_end().ends_with("1 problem in 1 content file"),
        "{err}"
    );
}

#[test]
fn pack_questions_about_suicide_or_self_harm_are_refused_and_everyday_ones_are_not() {
    let base = base_questionnaire();
    let item = "I lay awake for a long time before I fell asleep.";
    for unsafe_item in [
        "I wished I was dead.",
        "I thought about ending it all.",
        "I cut myself.",
        "I thought about hurting myself.",
    ] {
        let dir = pack_with_questionnaire("rest-check.toml", base.replace(item, unsafe_item));
        let err = check_stderr(dir.path());
        assert!(
            err.contains("questions may not ask about suicide, self-harm or wanting to die"),
            "{unsafe_item}: {err}"
        );
        assert!(err.contains("rest-check.toml:59:8"), "{unsafe_item}: {err}");
    }
    let dir = pack_with_questionnaire(
        "rest-check.toml",
        base.replace(item, "I cut back on coffee."),
    );
    numb().arg("check").arg(dir.path()).assert().code(0);
}

/// Every Markdown problem in one body is reported in one run, each at its own place: a
/// heading, a block quote and an entity are three problems, not three runs.
#[test]
fn every_markdown_problem_in_a_body_is_reported_at_once() {
    let topic = base_topic().replacen(
        "body = \"This page comes from a user pack.\"",
        "body = \"\"\"\nFirst &nbsp; line.\n\n## A heading\n\n> A quote\n\"\"\"",
        1,
    );
    assert_ne!(topic, base_topic(), "the fixture's body line changed");
    let dir = pack_with_topics(&[("origins.toml", topic)]);
    let assert = numb().arg("check").arg(dir.path()).assert().code(65);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    let file = dir.path().join("topics/origins.toml");
    for (place, what) in [
        ("11:7", "an HTML entity"),
        ("13:1", "a heading"),
        ("15:1", "a block quote"),
    ] {
        let at = format!("{}:{place}", file.display());
        assert!(err.contains(&at), "{at} missing:\n{err}");
        assert!(err.contains(what), "{what} missing:\n{err}");
    }
    assert!(
        err.trim_end().ends_with("3 problems in 1 content file"),
        "{err}"
    );
}

/// A body with a problem on every byte (a hostile pack: a block quote opened 20,000 times)
/// gets its first 49 problems, each at its place, and a last one saying checking stopped
/// there: numb neither keeps 20,000 problems nor leaves the reader thinking that was all.
#[test]
fn a_body_with_a_problem_on_every_byte_is_checked_up_to_a_limit() {
    let quotes = ">".repeat(20_000);
    let topic = base_topic().replacen(
        "body = \"This page comes from a user pack.\"",
        &format!("body = \"\"\"\n{quotes} x\n\"\"\""),
        1,
    );
    assert_ne!(topic, base_topic(), "the fixture's body line changed");
    let dir = pack_with_topics(&[("origins.toml", topic)]);
    let assert = numb().arg("check").arg(dir.path()).assert().code(65);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    let file = dir.path().join("topics/origins.toml");
    assert!(err.contains(&format!("{}:11:1\n", file.display())), "{err}");
    assert!(
        err.contains(&format!("{}:11:49\n", file.display())),
        "{err}"
    );
    assert!(
        err.contains("numb stopped checking this text here, after 49 problems in it"),
        "{err}"
    );
    assert!(!err.contains("more problems in this file"), "{err}");
    assert!(
        err.trim_end().ends_with("50 problems in 1 content file"),
        "{err}"
    );
}

/// The built-in content (and the example pack) keeps one spelling: British English, as most of
/// it was written ("colour", "grey", "behaviour"). Names in sources (the National Center for
/// PTSD) stay as their owners spell them.
#[test]
fn the_content_keeps_one_spelling() {
    fn strings<'v>(value: &'v toml::Value, out: &mut Vec<&'v str>) {
        match value {
            toml::Value::String(s) => out.push(s),
            toml::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
            toml::Value::Table(table) => table
                .iter()
                .filter(|(key, _)| !matches!(key.as_str(), "sources" | "url"))
                .for_each(|(_, v)| strings(v, out)),
            _ => {}
        }
    }
    let american = [
        "color", "colors", "colored", "colorful", "gray", "behavior", "center",
    ];
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    let mut folders = vec![root.join("content/en"), root.join("examples/custom-pack")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                files.push(path);
            }
        }
    }
    assert!(files.len() > 20, "{files:?}");
    for file in files {
        let value: toml::Value = toml::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let mut found = Vec::new();
        strings(&value, &mut found);
        for text in found {
            for word in text.split(|c: char| !c.is_alphabetic()) {
                assert!(
                    !american.contains(&word.to_lowercase().as_str()),
                    "{}: `{word}` in {text:?}: numb's content spells it the British way",
                    file.display()
                );
            }
        }
    }
}

/// The project's documents link only to files in the project: a reader of the repository or
/// the crate has no `../shared/` folder. Every relative Markdown link resolves.
#[test]
fn documents_link_only_to_files_in_the_project() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut docs = vec![
        root.join("README.md"),
        root.join("ARCHITECTURE.md"),
        root.join("CHANGELOG.md"),
        root.join("content/README.md"),
        root.join("schema/README.md"),
        root.join("examples/custom-pack/README.md"),
    ];
    docs.retain(|d| d.is_file());
    assert!(docs.len() >= 5, "{docs:?}");
    for doc in docs {
        let text = std::fs::read_to_string(&doc).unwrap();
        assert!(!text.contains("../shared"), "{}: ../shared", doc.display());
        let mut rest = text.as_str();
        while let Some(at) = rest.find("](") {
            rest = &rest[at + 2..];
            let end = rest.find(')').unwrap_or(rest.len());
            let target = &rest[..end];
            let path = target.split('#').next().unwrap_or("");
            if path.is_empty() || target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            let resolved = doc.parent().unwrap().join(path);
            assert!(
                resolved.exists(),
                "{}: link to {target} goes nowhere",
                doc.display()
            );
        }
    }
}

/// Completions know the content: topic ids and aliases, questionnaire and practice ids, words
/// for feelings and country codes, completed for real in bash and listed in the zsh and fish
/// scripts. numb itself still takes any text there (a pack's topic, a person's own words).
#[test]
fn completions_know_the_content() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("numb.bash");
    std::fs::write(&file, stdout_of(numb().args(["completions", "bash"]))).unwrap();
    let complete = |words: &[&str]| -> Vec<String> {
        let cword = words.len() - 1;
        let script = format!(
            "source '{}'; COMP_WORDS=({}); COMP_CWORD={cword}; _numb numb '{}' '{}'; \
             printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            file.display(),
            words.join(" "),
            words[cword],
            words[cword - 1],
        );
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(script)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_string)
            .collect()
    };
    assert_eq!(complete(&["numb", "learn", "orig"]), ["origins"]);
    assert!(complete(&["numb", "learn", "im"]).contains(&"impact".to_string()));
    assert_eq!(complete(&["numb", "reflect", "check"]), ["check-in"]);
    assert_eq!(complete(&["numb", "practice", "five"]), ["five-senses"]);
    assert!(complete(&["numb", "feelings", "num"]).contains(&"numb".to_string()));
    assert!(complete(&["numb", "support", "--country", "G"]).contains(&"GB".to_string()));
    assert!(complete(&["numb", "support", "N"]).contains(&"NZ".to_string()));
    // The history's actions, after `numb history` and after `numb help history` (clap builds
    // them only when used: the completions must build them all the same).
    for words in [
        &["numb", "history", "tr"][..],
        &["numb", "help", "history", "tr"],
    ] {
        assert_eq!(complete(words), ["trend"], "{words:?}");
    }
    for shell in ["zsh", "fish"] {
        let script = stdout_of(numb().args(["completions", shell]));
        for id in ["origins", "check-in", "five-senses", "GB"] {
            assert!(script.contains(id), "{shell}: {id}");
        }
    }
    // Only completions list them: help does not, and any text is still read by numb.
    let help = stdout_of(numb().args(["learn", "--help"]));
    assert!(!help.contains("possible values"), "{help}");
    numb()
        .args(["learn", "orgins"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("did you mean `origins`"));
}
