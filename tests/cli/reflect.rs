//! `numb reflect`: scripted answers, summaries in every format, mistakes, and the
//! interactive flow in a pseudo-terminal.

use predicates::prelude::*;
use rexpect::process::WaitStatus;
use rexpect::session::spawn_command;

use crate::{SUPPORT_POINTER, numb, numb_std, stdout_of};

/// The questionnaire as the JSON export describes it.
fn questionnaire(id: &str) -> serde_json::Value {
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(numb().args(["export", "--format", "json"]))).unwrap();
    json["questionnaires"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == id)
        .unwrap()
        .clone()
}

/// Answers that sit at the low (`numb = false`) or high end of every facet.
fn answers(numb: bool) -> String {
    answers_with(|_| numb)
}

/// Answers at the high end of the facets `high` picks (by id), at the low end elsewhere.
fn answers_with(high: impl Fn(&str) -> bool) -> String {
    let q = questionnaire("check-in");
    q["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            let reverse = item["reverse"].as_bool().unwrap_or(false);
            let facet = item["facet"].as_str().unwrap_or_default();
            if high(facet) != reverse { "4" } else { "0" }
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn summary_json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&stdout_of(
        numb()
            .args(["reflect"])
            .args(args)
            .args(["--format", "json"]),
    ))
    .unwrap()
}

#[test]
fn low_answers_reach_the_lowest_bands_and_point_nowhere_in_particular() {
    let json = summary_json(&["--answers", &answers(false)]);
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["questionnaire"]["id"], "check-in");
    assert_eq!(json["questionnaire"]["version"], 2);
    for facet in json["facets"].as_array().unwrap() {
        assert_eq!(facet["score"], facet["min"], "{facet}");
        assert_eq!(facet["band"]["label"], "little", "{facet}");
    }
    assert_eq!(json["pointers"].as_array().unwrap().len(), 0);
}

#[test]
fn high_answers_reach_the_highest_bands_and_point_to_topics() {
    let json = summary_json(&["--answers", &answers(true)]);
    for facet in json["facets"].as_array().unwrap() {
        assert_eq!(facet["score"], facet["max"], "{facet}");
        assert_eq!(facet["band"]["label"], "a lot", "{facet}");
    }
    let pointers = json["pointers"].as_array().unwrap();
    assert!(!pointers.is_empty() && pointers.len() <= 3);
    assert!(
        pointers[0]["command"]
            .as_str()
            .unwrap()
            .starts_with("numb learn ")
    );
    assert_eq!(json["answers"].as_array().unwrap().len(), 12);
}

#[test]
fn skipped_items_are_shown_and_too_few_answers_say_so() {
    let q = questionnaire("check-in");
    let items = q["items"].as_array().unwrap();
    let facet = items[0]["facet"].as_str().unwrap();
    // Skip every item of the first facet, and one more.
    let list: Vec<&str> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            if item["facet"] == facet || i == 1 {
                "-"
            } else {
                "2"
            }
        })
        .collect();
    let text = stdout_of(numb().args(["reflect", "--answers", &list.join(",")]));
    assert!(text.contains("too few answers (0 of 2)"), "{text}");
    assert!(text.contains("Skipped"), "{text}");
    assert!(
        text.contains(items[0]["text"].as_str().unwrap()),
        "the skipped item is listed"
    );
    let json = summary_json(&["--answers", &list.join(",")]);
    let first = &json["facets"][0];
    assert!(
        first["score"].is_null() && first["band"].is_null(),
        "{first}"
    );
    assert_eq!(
        json["answered"],
        12 - list.iter().filter(|a| **a == "-").count()
    );
}

#[test]
fn every_summary_says_not_a_diagnosis_and_points_to_support() {
    let plan = "1,0,1,0,0,0,0,0,0,1";
    for (id, list) in [
        ("check-in", answers(false)),
        ("check-in", answers(true)),
        ("check-in", "-,-,-,-,-,-,-,-,-,-,-,-".to_string()),
        ("check-in", "2,1,3,-,2,2,1,3,0,2,4,1".to_string()),
        ("check-in", "2,2,2,2,2,2,2,2,2,2,2,2".to_string()),
        ("check-in", "4,,1,3,0,2,,4,1,3,2,0".to_string()),
        ("reconnection-plan", plan.to_string()),
        ("reconnection-plan", "0,0,0,0,0,0,0,0,0,0".to_string()),
    ] {
        for format in ["text", "markdown", "json"] {
            let out =
                stdout_of(numb().args(["reflect", id, "--answers", &list, "--format", format]));
            let flat = out
                .replace(['\n', '"'], " ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                flat.contains("This is a reflection, not a diagnosis."),
                "{id} {format}: {out}"
            );
            assert!(
                flat.contains("numb support") && flat.contains("help lines"),
                "{id} {format}"
            );
            let lower = flat.to_lowercase();
            assert!(
                !lower.contains("you have ") && !lower.contains("diagnosed with"),
                "{id} {format}: {out}"
            );
        }
    }
}

#[test]
fn a_plan_lists_the_steps_picked_or_a_kind_line_when_none() {
    let q = questionnaire("reconnection-plan");
    let first = q["items"][0]["text"].as_str().unwrap();
    let second = q["items"][1]["text"].as_str().unwrap();
    let text = stdout_of(numb().args([
        "reflect",
        "reconnection-plan",
        "--answers",
        "1,0,0,0,0,0,0,0,0,0",
    ]));
    assert!(
        text.contains("Your plan for this week") && text.contains(first),
        "{text}"
    );
    assert!(!text.contains(second));
    let none = stdout_of(numb().args([
        "reflect",
        "reconnection-plan",
        "--answers",
        "0,0,0,0,0,0,0,0,0,0",
    ]));
    let kind_line = q["none_chosen"]
        .as_str()
        .unwrap()
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(none.contains(&kind_line), "{none}");
}

#[test]
fn markdown_summaries_are_clean_commonmark() {
    let md = stdout_of(numb().args([
        "reflect",
        "--answers",
        &answers(true),
        "--format",
        "markdown",
    ]));
    assert!(md.starts_with("# A gentle check-in\n"), "{md}");
    assert!(!md.contains("\n\n\n") && md.ends_with('\n') && !md.ends_with("\n\n"));
    assert!(
        md.lines()
            .all(|l| l.chars().count() <= 80 || !l.contains(' ')),
        "{md}"
    );
}

#[test]
fn answers_can_come_from_a_file_or_stdin_as_a_list_or_an_object() {
    let list = answers(true);
    let expected = summary_json(&["--answers", &list]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answers.txt");
    std::fs::write(&file, format!("{list}\n")).unwrap();
    assert_eq!(
        summary_json(&["--answers-file", file.to_str().unwrap()]),
        expected
    );
    let from_stdin: serde_json::Value = serde_json::from_str(&stdout_of(
        numb()
            .args(["reflect", "--answers-file", "-", "--format", "json"])
            .write_stdin(list.clone()),
    ))
    .unwrap();
    assert_eq!(from_stdin, expected);
    let q = questionnaire("check-in");
    let object: serde_json::Map<String, serde_json::Value> = q["items"]
        .as_array()
        .unwrap()
        .iter()
        .zip(list.split(','))
        .map(|(item, v)| {
            (
                item["id"].as_str().unwrap().to_string(),
                v.parse::<u32>().unwrap().into(),
            )
        })
        .collect();
    std::fs::write(&file, serde_json::to_string(&object).unwrap()).unwrap();
    assert_eq!(
        summary_json(&["--answers-file", file.to_str().unwrap()]),
        expected
    );
}

#[test]
fn wrong_answers_exit_65_naming_the_item_and_the_allowed_values() {
    numb()
        .args(["reflect", "--answers", "1,2"])
        .assert()
        .code(65)
        .stdout("")
        .stderr(
            predicate::str::contains("needs 12 answers").and(predicate::str::contains("got 2")),
        );
    let mut values = ["0"; 12];
    values[2] = "7";
    let third = questionnaire("check-in")["items"][2]["id"]
        .as_str()
        .unwrap()
        .to_string();
    numb()
        .args(["reflect", "--answers", &values.join(",")])
        .assert()
        .code(65)
        .stderr(
            predicate::str::contains(format!("item 3 (`{third}`)"))
                .and(predicate::str::contains("0 Never")),
        );
    numb()
        .args(["reflect", "--answers-file", "-"])
        .write_stdin(r#"{"no-such-item": 2}"#)
        .assert()
        .code(65)
        .stderr(predicate::str::contains("has no item `no-such-item`"));
    numb()
        .args(["reflect", "--answers-file", "-"])
        .write_stdin("")
        .assert()
        .code(65)
        .stderr(predicate::str::contains("got 0"));
    numb()
        .args(["reflect", "--answers-file", "/no/such/answers.json"])
        .assert()
        .code(66);
    numb()
        .args(["reflect", "--answers-file", "/dev/zero"])
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(66)
        .stderr(predicate::str::contains("larger than 1 MiB"));
}

#[test]
fn without_a_terminal_or_answers_it_says_how_to_pass_them() {
    numb()
        .arg("reflect")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "numb reflect check-in --answers 0,2,-,4",
        ))
        .stderr(predicate::str::contains("--answers-file"));
}

#[test]
fn unknown_questionnaires_exit_2_and_the_list_shows_all() {
    numb()
        .args(["reflect", "feelings-quiz", "--answers", "1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no questionnaire called `feelings-quiz`",
        ))
        .stderr(predicate::str::contains("`numb support` lists free"));
    let list = stdout_of(numb().args(["reflect", "--list"]));
    assert!(
        list.contains("check-in") && list.contains("reconnection-plan") && list.contains("12"),
        "{list}"
    );
    assert!(list.contains(SUPPORT_POINTER));
}

/// Sends keys and makes sure they leave the buffer.
fn press(s: &mut rexpect::session::PtySession, keys: &str) {
    s.send(keys).unwrap();
    s.flush().unwrap();
}

/// A pseudo-terminal session of `numb reflect`, 100 columns wide.
fn interactive(args: &[&str]) -> rexpect::session::PtySession {
    let data = tempfile::tempdir().unwrap();
    interactive_saving_in(args, data.path())
}

/// [`interactive`], with numb's data (a saved history) and settings in `home`.
fn interactive_saving_in(args: &[&str], home: &std::path::Path) -> rexpect::session::PtySession {
    let mut cmd = numb_std();
    cmd.arg("reflect")
        .args(args)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("COLUMNS", "100")
        .env("LINES", "40");
    spawn_command(cmd, Some(20_000)).expect("spawn in a pty")
}

#[test]
fn a_whole_check_in_typed_with_arrow_keys_ends_in_a_summary() {
    let home = tempfile::tempdir().unwrap();
    let mut s = interactive_saving_in(&[], home.path());
    s.exp_string("Not now").unwrap();
    press(&mut s, "\r");
    for n in 1..=12 {
        s.exp_string(&format!("{n} of 12")).unwrap();
        s.exp_string("Stop here").unwrap();
        // Two steps down: "Sometimes"; the third answer is skipped, the fifth goes back.
        let keys = if n == 3 {
            "\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\r"
        } else {
            "\x1b[B\x1b[B\r"
        };
        press(&mut s, keys);
    }
    let summary = s
        .exp_string("Save this reflection privately on this computer?")
        .unwrap();
    assert!(summary.contains("11 of 12 questions answered"), "{summary}");
    assert!(
        summary.contains("This is a reflection, not a diagnosis."),
        "{summary}"
    );
    // Enter takes the default, which is no, and that is said.
    press(&mut s, "\r");
    let rest = s.exp_eof().unwrap();
    assert_eq!(
        last_line_shown(&rest),
        "Not saved. Nothing was kept on this computer.",
        "{rest:?}"
    );
    match s.process().wait().unwrap() {
        WaitStatus::Exited(_, code) => assert_eq!(code, 0),
        other => panic!("{other:?}"),
    }
    assert!(
        !home.path().join("data").exists(),
        "nothing saved, no folder made"
    );
}

#[test]
fn ctrl_c_in_a_question_shows_the_cursor_writes_nothing_and_exits_130() {
    let mut s = interactive(&[]);
    s.exp_string("Not now").unwrap();
    press(&mut s, "\r");
    s.exp_string("Stop here").unwrap();
    press(&mut s, "\x1b[B\r");
    s.exp_string("2 of 12").unwrap();
    s.exp_string("Stop here").unwrap();
    press(&mut s, "\x03");
    let rest = s.exp_eof().unwrap();
    assert!(
        rest.contains("\x1b[?25h"),
        "the cursor is shown again: {rest:?}"
    );
    assert!(!rest.contains("questions answered"), "no summary: {rest:?}");
    match s.process().wait().unwrap() {
        WaitStatus::Exited(_, code) => assert_eq!(code, 130),
        WaitStatus::Signaled(_, sig, _) => panic!("killed by {sig:?} instead of exiting 130"),
        other => panic!("{other:?}"),
    }
}

/// What a terminal shows of `bytes` at its end: escape sequences and carriage returns left
/// out, the last line that has words.
fn last_line_shown(bytes: &str) -> String {
    let mut text = String::new();
    let mut chars = bytes.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // ESC [ … a letter: a colour, a cursor move, an erase.
            '\x1b' => {
                if chars.next_if_eq(&'[').is_some() {
                    while chars.next_if(|c| !c.is_ascii_alphabetic()).is_some() {}
                }
                chars.next();
            }
            '\r' => {}
            c => text.push(c),
        }
    }
    text.lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// Ctrl-C reaches numb in two ways that used to race: dialoguer reads the key as an
/// interruption (then numb wrote "error: stopped…"), or the terminal turns it into SIGINT
/// between two reads (then numb wrote nothing). Both ways now end in the same calm line,
/// said once, and exit 130; each is tried a few times.
#[test]
fn ctrl_c_says_the_same_calm_line_whichever_way_it_arrives() {
    const STOPPED: &str = "Stopped. Nothing was saved. You can come back any time.";
    for round in 0..6 {
        let by_signal = round % 2 == 1;
        let mut s = interactive(&[]);
        s.exp_string("Not now").unwrap();
        press(&mut s, "\r");
        s.exp_string("1 of 12").unwrap();
        s.exp_string("Stop here").unwrap();
        // dialoguer is then waiting for a key.
        std::thread::sleep(std::time::Duration::from_millis(200));
        match by_signal {
            true => s
                .process_mut()
                .signal(rexpect::process::Signal::SIGINT)
                .unwrap(),
            false => press(&mut s, "\x03"),
        }
        let rest = s.exp_eof().unwrap();
        let how = if by_signal { "SIGINT" } else { "the key" };
        // The calm line once, then help one step away.
        assert_eq!(rest.matches(STOPPED).count(), 1, "by {how}: {rest:?}");
        let after = &rest[rest.find(STOPPED).unwrap()..];
        // In plain words, as the rest of the screen says it.
        assert!(
            after.contains("numb support lists free"),
            "by {how}: {rest:?}"
        );
        assert_eq!(
            after.matches("numb support").count(),
            1,
            "by {how}: {rest:?}"
        );
        assert!(!after.contains('`'), "by {how}: {rest:?}");
        assert!(
            last_line_shown(&rest).contains("help lines"),
            "by {how}: {rest:?}"
        );
        assert!(!rest.contains("error"), "by {how}: {rest:?}");
        assert!(
            rest.contains("\x1b[?25h"),
            "cursor shown, by {how}: {rest:?}"
        );
        match s.process().wait().unwrap() {
            WaitStatus::Exited(_, code) => assert_eq!(code, 130, "by {how}"),
            other => panic!("by {how}: {other:?}"),
        }
    }
}

#[test]
fn stopping_early_says_nothing_was_saved() {
    let mut s = interactive(&["reconnection-plan"]);
    s.exp_string("Not now").unwrap();
    press(&mut s, "\r");
    s.exp_string("feel possible").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    // A typed line: q, then Enter.
    press(&mut s, "q\r");
    let rest = s.exp_eof().unwrap();
    assert!(rest.contains("Nothing was saved"), "{rest:?}");
    assert!(!rest.contains("Your plan"), "{rest:?}");
}

#[test]
fn json_summary_snapshot() {
    insta::assert_snapshot!(stdout_of(numb().args([
        "reflect",
        "--answers",
        "2,1,3,-,2,2,1,3,0,2,4,1",
        "--format",
        "json"
    ])));
}

#[test]
fn going_back_shows_the_earlier_answer_and_keeps_it() {
    let mut s = interactive(&["--format", "json"]);
    s.exp_string("Not now").unwrap();
    press(&mut s, "\r");
    s.exp_string("1 of 12").unwrap();
    s.exp_string("Stop here").unwrap();
    press(&mut s, "\x1b[B\x1b[B\x1b[B\r"); // Often
    s.exp_string("2 of 12").unwrap();
    s.exp_string("Stop here").unwrap();
    press(&mut s, "\x1b[A\x1b[A\r"); // up from Never wraps to "Stop here", then "Go back one"
    s.exp_string("1 of 12").unwrap();
    s.exp_string("Stop here").unwrap();
    press(&mut s, "\r"); // Enter keeps the highlighted earlier answer
    for n in 2..=12 {
        s.exp_string(&format!("{n} of 12")).unwrap();
        s.exp_string("Stop here").unwrap();
        press(&mut s, "\r");
    }
    let rest = s
        .exp_string("Save this reflection privately on this computer?")
        .unwrap()
        .replace("\r\n", "\n");
    press(&mut s, "n\r");
    s.exp_eof().unwrap();
    // The summary, then the question whether to save it.
    let json: serde_json::Value =
        serde_json::Deserializer::from_str(&rest[rest.find("{\n").expect("a JSON summary")..])
            .into_iter()
            .next()
            .unwrap()
            .unwrap();
    assert_eq!(
        json["answers"][0]["value"], 3,
        "the first answer is still Often"
    );
    assert_eq!(json["answers"][1]["value"], 0);
}

#[test]
fn escape_at_a_question_stops_and_writes_nothing() {
    let mut s = interactive(&[]);
    s.exp_string("Not now").unwrap();
    press(&mut s, "\r");
    s.exp_string("Stop here").unwrap();
    press(&mut s, "\x1b");
    let rest = s.exp_eof().unwrap();
    assert!(rest.contains("Nothing was saved"), "{rest:?}");
    assert!(!rest.contains("questions answered"), "{rest:?}");
    match s.process().wait().unwrap() {
        WaitStatus::Exited(_, code) => assert_eq!(code, 0),
        other => panic!("{other:?}"),
    }
}

/// Saying yes at the end saves the reflection with the note typed; the settings file can
/// turn the question off.
#[test]
fn the_save_question_saves_with_a_note_only_on_yes_and_can_be_turned_off() {
    let home = tempfile::tempdir().unwrap();
    let mut s = interactive_saving_in(&[], home.path());
    answer_every_question(&mut s);
    s.exp_string("Save this reflection privately on this computer?")
        .unwrap();
    press(&mut s, "y\r");
    s.exp_string("A short note").unwrap();
    press(&mut s, "a quieter week\r");
    s.exp_string("Saved privately in").unwrap();
    s.exp_eof().unwrap();
    let saved = std::fs::read_to_string(home.path().join("data/numb/history.jsonl")).unwrap();
    let record: serde_json::Value = serde_json::from_str(saved.trim_end()).unwrap();
    assert_eq!(record["note"], "a quieter week");
    assert_eq!(record["answers"][0]["value"], 0);

    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("config/numb")).unwrap();
    std::fs::write(
        home.path().join("config/numb/config.toml"),
        "[history]\nsave = \"never\"\n",
    )
    .unwrap();
    let mut s = interactive_saving_in(&[], home.path());
    answer_every_question(&mut s);
    let rest = s.exp_eof().unwrap();
    assert!(
        rest.contains("This is a reflection, not a diagnosis."),
        "{rest}"
    );
    assert!(!rest.contains("Save this reflection"), "{rest}");
    assert!(!home.path().join("data").exists());
}

/// Answers every question of the check-in with Enter, from its first screen.
fn answer_every_question(s: &mut rexpect::session::PtySession) {
    s.exp_string("Not now").unwrap();
    press(s, "\r");
    for n in 1..=12 {
        s.exp_string(&format!("{n} of 12")).unwrap();
        s.exp_string("Stop here").unwrap();
        press(s, "\r");
    }
}

/// Ctrl-C at the question whether to save: exit 130, the cursor back, nothing saved.
#[test]
fn ctrl_c_at_the_save_question_saves_nothing() {
    let home = tempfile::tempdir().unwrap();
    let mut s = interactive_saving_in(&[], home.path());
    answer_every_question(&mut s);
    s.exp_string("Save this reflection privately").unwrap();
    press(&mut s, "\x03");
    s.exp_eof().unwrap();
    match s.process().wait().unwrap() {
        WaitStatus::Exited(_, code) => assert_eq!(code, 130),
        other => panic!("{other:?}"),
    }
    assert!(!home.path().join("data").exists());
}

/// A settings file numb cannot understand is named, with its line and column, as the run
/// starts (once), and the question is still asked (its default saves nothing).
#[test]
fn a_broken_settings_file_is_reported_and_the_question_still_asked() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("config/numb")).unwrap();
    std::fs::write(
        home.path().join("config/numb/config.toml"),
        "[history]\nsave = \"always\"\n",
    )
    .unwrap();
    let mut s = interactive_saving_in(&[], home.path());
    let start = s.exp_string("config.toml:2:8").unwrap();
    assert!(!start.contains("A gentle check-in"), "{start}");
    answer_every_question(&mut s);
    let before = s.exp_string("Save this reflection privately").unwrap();
    assert!(!before.contains("config.toml"), "said twice: {before}");
    press(&mut s, "\r");
    s.exp_eof().unwrap();
    assert!(!home.path().join("data").exists());
}

/// Answers with every facet at its low end except `high` (a facet id), at its top.
fn only_high(high: &str) -> String {
    answers_with(|facet| facet == high)
}

#[test]
fn parts_are_named_for_what_their_scores_count() {
    let out = stdout_of(numb().args(["reflect", "--answers", &only_high("pleasure-interest")]));
    assert!(out.contains("Fading pleasure and interest: a lot"), "{out}");
    assert!(out.contains("Masking (hiding how you feel)"), "{out}");
    for healthy in [
        "Pleasure and interest ",
        "Connection with others",
        "Range of feeling",
    ] {
        assert!(!out.contains(healthy), "{healthy}: {out}");
    }
}

#[test]
fn loss_of_pleasure_alone_in_its_top_band_points_to_help_with_the_lines() {
    let list = only_high("pleasure-interest");
    // Lines unwrapped, so that phrases can be found whatever the width.
    let run = |format: &str| {
        stdout_of(
            numb()
                .args(["reflect", "--answers", &list, "--format", format])
                .env("LANG", "en_GB.UTF-8"),
        )
        .replace('\n', " ")
    };
    let text = run("text");
    assert!(text.contains("worth talking over with a doctor"), "{text}");
    assert!(
        text.contains("Lines for GB") && text.contains("Call 116 123"),
        "{text}"
    );
    assert!(text.contains("numb learn when-to-seek-help — "), "{text}");
    let markdown = run("markdown");
    assert!(
        markdown.contains("worth talking over with a doctor"),
        "{markdown}"
    );
    assert!(
        markdown.contains("**Samaritans** (GB, IE): Call 116 123."),
        "{markdown}"
    );
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    assert!(
        json["reach_out"].as_str().unwrap().contains("doctor"),
        "{json}"
    );
    assert_eq!(json["help_lines"][0]["name"], "Samaritans", "{json}");
    assert_eq!(json["pointers"][0]["topic"], "when-to-seek-help", "{json}");
    assert_eq!(json["many_high"], false);
}

#[test]
fn one_other_part_alone_in_its_top_band_does_not_point_to_help() {
    for facet in [
        "feeling-range",
        "connection",
        "self-direction",
        "body-senses",
        "masking",
    ] {
        let json = summary_json(&["--answers", &only_high(facet)]);
        assert!(json["reach_out"].is_null(), "{facet}: {json}");
        assert_eq!(json["help_lines"], serde_json::json!([]), "{facet}");
        let text = stdout_of(numb().args(["reflect", "--answers", &only_high(facet)]));
        assert!(!text.contains("116 123"), "{facet}: {text}");
    }
    let json = summary_json(&["--answers", &answers(true)]);
    assert!(json["reach_out"].as_str().is_some(), "several high: {json}");
}

#[test]
fn not_a_diagnosis_is_said_once_per_summary() {
    for (id, list) in [
        ("check-in", answers(true)),
        ("check-in", answers(false)),
        ("reconnection-plan", "1,0,1,0,0,0,0,0,0,1".to_string()),
        ("reconnection-plan", "0,0,0,0,0,0,0,0,0,0".to_string()),
    ] {
        for format in ["text", "markdown"] {
            let out =
                stdout_of(numb().args(["reflect", id, "--answers", &list, "--format", format]));
            assert_eq!(out.matches("diagnosis").count(), 1, "{id} {format}: {out}");
        }
    }
}

#[test]
fn nothing_feels_possible_gets_one_gentle_pointer_to_help() {
    let out = stdout_of(numb().args([
        "reflect",
        "reconnection-plan",
        "--answers",
        "0,0,0,0,0,0,0,0,0,0",
    ]));
    assert!(out.contains("talking with someone can help"), "{out}");
    assert_eq!(
        out.matches("numb support").count(),
        2,
        "the pointer and the closing line: {out}"
    );
}

#[test]
fn in_a_terminal_fading_pleasure_alone_at_its_top_shows_the_help_lines() {
    let home = tempfile::tempdir().unwrap();
    let mut cmd = numb_std();
    cmd.arg("reflect")
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("LANG", "en_GB.UTF-8")
        .env("COLUMNS", "100")
        .env("LINES", "40");
    let mut s = spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
    s.exp_string("Not now").unwrap();
    press(&mut s, "\r");
    for n in 1..=12 {
        s.exp_string(&format!("{n} of 12")).unwrap();
        s.exp_string("Stop here").unwrap();
        // Question 2 (a song or hobby did little) at "Almost always"; every other "Never".
        press(
            &mut s,
            if n == 2 {
                "\x1b[B\x1b[B\x1b[B\x1b[B\r"
            } else {
                "\r"
            },
        );
    }
    let summary = s
        .exp_string("Save this reflection privately on this computer?")
        .unwrap();
    assert!(
        summary.contains("Fading pleasure and interest"),
        "{summary}"
    );
    assert!(summary.contains("worth talking over with a"), "{summary}");
    assert!(
        summary.contains("Lines for GB") && summary.contains("116 123"),
        "{summary}"
    );
    press(&mut s, "\r");
    s.exp_eof().unwrap();
}

#[test]
fn fading_pleasure_with_its_other_question_skipped_still_points_to_help() {
    // "I caught myself enjoying something" skipped; "did little for me" almost always.
    let json = summary_json(&["--answers", "0,4,0,0,0,0,0,-,0,0,0,0"]);
    assert!(json["reach_out"].as_str().is_some(), "{json}");
    // With its one answer low, it does not.
    let json = summary_json(&["--answers", "0,1,0,0,0,0,0,-,0,0,0,0"]);
    assert!(json["reach_out"].is_null(), "{json}");
}

/// A narrow terminal (40 columns, 24 lines), the ordinary mode: the check-in's header is
/// cleared with each question, so the screen never shows it twice; no line numb writes is wider than the terminal
/// (numb wraps prompts between words, so the terminal never breaks a word); and just above
/// the save question the parts' lines are repeated, so the person sees what they would keep.
#[test]
fn forty_columns_one_header_no_line_too_wide_and_a_recap_before_saving() {
    let home = tempfile::tempdir().unwrap();
    let mut cmd = std::process::Command::new("sh");
    let bin = assert_cmd::cargo::cargo_bin!("numb");
    cmd.arg("-c")
        .arg(format!(
            "stty cols 40 rows 24; COLUMNS=40 LINES=24 exec '{}' reflect",
            bin.display()
        ))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"));
    crate::isolate(&mut cmd);
    cmd.env_remove("COLUMNS");
    let mut s = rexpect::session::spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
    let mut seen = String::new();
    seen.push_str(&s.exp_string("Not now").unwrap());
    s.send("\r").unwrap();
    s.flush().unwrap();
    for n in 1..=12 {
        seen.push_str(&s.exp_string(&format!("{n} of 12")).unwrap());
        seen.push_str(&s.exp_string("Stop here").unwrap());
        s.send("\r").unwrap();
        s.flush().unwrap();
    }
    seen.push_str(&s.exp_string("Save this reflection").unwrap());
    s.send("\r").unwrap();
    s.flush().unwrap();
    seen.push_str(&s.exp_eof().unwrap());

    // The header is drawn with each question and cleared with it (dialoguer redraws the
    // question in place), so the screen shows it once: every header after the first comes
    // after the lines before it were erased.
    let headers: Vec<usize> = seen
        .match_indices("Over the past two weeks, how often")
        .map(|(at, _)| at)
        .collect();
    assert_eq!(headers.len(), 12, "{seen}");
    for pair in headers.windows(2) {
        let between = &seen[pair[0]..pair[1]];
        // Cursor up (ESC [ n A) and erase line (ESC [ 2K) after the header and its hint.
        let ups: usize = between
            .split("\x1b[")
            .skip(1)
            .filter_map(|seq| seq.split_once('A'))
            .filter_map(|(n, _)| n.parse::<usize>().ok())
            .sum();
        let erased = between.matches("\x1b[2K").count();
        assert!(
            ups >= 3 && erased >= 3,
            "the header above a question is not cleared ({ups} up, {erased} erased): {between:?}"
        );
    }
    // Every stretch of text between line breaks and cursor moves fits in 40 columns.
    let mut plain = String::new();
    let mut chars = seen.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            // A CSI sequence moves the cursor or styles text: it ends a stretch either way.
            if chars.peek() == Some(&'[') {
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) && c != '[' {
                        break;
                    }
                }
            }
            plain.push('\n');
        } else {
            plain.push(c);
        }
    }
    for line in plain.split(['\n', '\r']) {
        assert!(
            textwrap::core::display_width(line) <= 40,
            "wider than 40 columns: {line:?}"
        );
    }
    let summary = seen.rfind("Not a diagnosis").unwrap_or(0);
    let recap = seen.rfind("This is what saving keeps").expect("the recap");
    let question = seen.rfind("Save this reflection").unwrap();
    assert!(summary < recap && recap < question, "{seen}");
}

/// Starts the check-in in a pseudo-terminal (summary as JSON, to read the answers) and waits
/// at its first question.
fn at_the_first_question(home: &std::path::Path) -> rexpect::session::PtySession {
    let mut s = interactive_saving_in(&["--format", "json"], home);
    s.exp_string("Not now").unwrap();
    press(&mut s, "\r");
    s.exp_string("1 of 12").unwrap();
    s.exp_string("Stop here").unwrap();
    s
}

/// Answers questions `from` to 12 with Enter, says no to saving, and returns the answers of
/// the JSON summary.
fn enter_to_the_end(s: &mut rexpect::session::PtySession, from: usize) -> serde_json::Value {
    for n in from..=12 {
        s.exp_string(&format!("{n} of 12")).unwrap();
        s.exp_string("Stop here").unwrap();
        press(s, "\r");
    }
    let rest = s
        .exp_string("Save this reflection privately on this computer?")
        .unwrap()
        .replace("\r\n", "\n");
    press(s, "\r");
    s.exp_eof().unwrap();
    let json: serde_json::Value =
        serde_json::Deserializer::from_str(&rest[rest.find("{\n").expect("a JSON summary")..])
            .into_iter()
            .next()
            .unwrap()
            .unwrap();
    json["answers"].clone()
}

/// A sentence with words of crisis typed at a question is read whole: the help lines, and the
/// same question again, with nothing recorded. dialoguer took each space as "pick Never" and
/// the words never reached numb.
#[test]
fn words_of_crisis_typed_at_a_question_meet_the_help_lines_and_the_question_again() {
    let home = tempfile::tempdir().unwrap();
    let mut s = at_the_first_question(home.path());
    press(&mut s, "i feel nothing and i want to die\r");
    let before = s.exp_string("116 123").unwrap();
    assert!(
        before.contains("What you typed can come with a lot of pain"),
        "{before}"
    );
    let again = s.exp_string("1 of 12").unwrap();
    assert!(
        !before.contains("2 of 12") && !again.contains("2 of 12"),
        "{again}"
    );
    s.exp_string("Stop here").unwrap();
    press(&mut s, "\r");
    let answers = enter_to_the_end(&mut s, 2);
    assert_eq!(answers.as_array().unwrap().len(), 12, "{answers}");
    assert_eq!(
        answers[0]["value"], 0,
        "only the Enter after it answered: {answers}"
    );
}

/// "yeah whatever" at the save question does not save (its first letter used to), and the
/// rest of it does not land in the note: it does not fit, and the question comes again.
#[test]
fn yeah_whatever_at_the_save_question_does_not_save() {
    let home = tempfile::tempdir().unwrap();
    let mut s = interactive_saving_in(&[], home.path());
    answer_every_question(&mut s);
    s.exp_string("Save this reflection privately on this computer?")
        .unwrap();
    press(&mut s, "yeah whatever\r");
    let said = s.exp_string("That does not fit this question").unwrap();
    assert!(!said.contains("A short note"), "{said}");
    s.exp_string("Save this reflection privately on this computer?")
        .unwrap();
    press(&mut s, "\r");
    let rest = s.exp_eof().unwrap();
    assert_eq!(
        last_line_shown(&rest),
        "Not saved. Nothing was kept on this computer.",
        "{rest:?}"
    );
    assert!(!home.path().join("data").exists(), "nothing saved");
}

/// Space, j, k and q in a sentence are its letters: they do not pick, move or quit.
#[test]
fn space_j_k_and_q_in_a_sentence_do_not_pick_move_or_quit() {
    let home = tempfile::tempdir().unwrap();
    let mut s = at_the_first_question(home.path());
    press(&mut s, "just kidding, quite ok j k q\r");
    s.exp_string("That does not fit this question").unwrap();
    let again = s.exp_string("1 of 12").unwrap();
    assert!(!again.contains("2 of 12"), "{again}");
    // The highlight did not move: Enter takes Never, the first choice.
    s.exp_string("Stop here").unwrap();
    press(&mut s, "\r");
    let answers = enter_to_the_end(&mut s, 2);
    assert_eq!(answers[0]["value"], 0, "{answers}");
}

/// A choice's words typed in full, or its number, pick it; Esc drops a typed line and goes
/// back to the list, where the arrow keys and Enter work as before.
#[test]
fn a_typed_label_or_number_picks_that_choice() {
    let home = tempfile::tempdir().unwrap();
    let mut s = at_the_first_question(home.path());
    press(&mut s, "sometimes\r");
    s.exp_string("2 of 12").unwrap();
    s.exp_string("Stop here").unwrap();
    press(&mut s, "4\r");
    s.exp_string("3 of 12").unwrap();
    s.exp_string("Stop here").unwrap();
    press(&mut s, "  Almost Always \r");
    s.exp_string("4 of 12").unwrap();
    s.exp_string("Stop here").unwrap();
    press(&mut s, "oft");
    s.exp_string("Your answer: oft").unwrap();
    // Esc on its own, so that it is not read as the start of the arrow key after it.
    std::thread::sleep(std::time::Duration::from_millis(300));
    press(&mut s, "\x1b");
    std::thread::sleep(std::time::Duration::from_millis(300));
    press(&mut s, "\x1b[B\r");
    let answers = enter_to_the_end(&mut s, 5);
    let values: Vec<i64> = (0..4)
        .map(|i| answers[i]["value"].as_i64().unwrap())
        .collect();
    assert_eq!(values, [2, 3, 4, 1], "{answers}");
}

/// Ctrl-W after a space of more than one byte (a no-break space: Option-Space on a Mac) takes
/// back the word after it. It cut inside the space's bytes and panicked: numb ended with "the
/// terminal became too small", and every answer was lost.
#[test]
fn ctrl_w_after_a_no_break_space_takes_back_the_word() {
    let home = tempfile::tempdir().unwrap();
    let mut s = at_the_first_question(home.path());
    press(&mut s, "so\u{a0}tired");
    s.exp_string("tired").unwrap();
    press(&mut s, "\x17");
    press(&mut s, "\x15sometimes\r");
    let next = s.exp_string("2 of 12").unwrap();
    assert!(!next.contains("too small"), "{next}");
    s.exp_string("Stop here").unwrap();
    press(&mut s, "\r");
    let answers = enter_to_the_end(&mut s, 3);
    assert_eq!(answers[0]["value"], 2, "{answers}");
}

/// "skip" and "back" typed at a question skip it and go back, as they do in the accessible
/// mode; they were "That does not fit this question".
#[test]
fn skip_and_back_typed_at_a_question_skip_and_go_back() {
    let home = tempfile::tempdir().unwrap();
    let mut s = at_the_first_question(home.path());
    press(&mut s, "skip\r");
    let next = s.exp_string("2 of 12").unwrap();
    assert!(!next.contains("does not fit"), "{next}");
    s.exp_string("Stop here").unwrap();
    press(&mut s, "back\r");
    s.exp_string("1 of 12").unwrap();
    s.exp_string("Stop here").unwrap();
    press(&mut s, "s\r");
    s.exp_string("2 of 12").unwrap();
    s.exp_string("Stop here").unwrap();
    press(&mut s, "\r");
    let answers = enter_to_the_end(&mut s, 3);
    assert!(answers[0]["value"].is_null(), "skipped: {answers}");
    assert_eq!(answers[1]["value"], 0, "{answers}");
}

/// A letter typed writes the typed line again, not the whole question: a screen reader that
/// speaks what is written says "Your answer: so", not the question and its eight choices at
/// every letter.
#[test]
fn a_letter_typed_writes_only_the_typed_line_again() {
    let home = tempfile::tempdir().unwrap();
    let mut s = at_the_first_question(home.path());
    press(&mut s, "sometime");
    let typed = s.exp_string("Your answer: sometime").unwrap();
    for part in ["1 of 12", "Never", "Stop here", "Over the past"] {
        assert!(!typed.contains(part), "{part} written again: {typed:?}");
    }
    press(&mut s, "s\r");
    s.exp_string("2 of 12").unwrap();
    s.exp_string("Stop here").unwrap();
    press(&mut s, "\r");
    let answers = enter_to_the_end(&mut s, 3);
    assert_eq!(answers[0]["value"], 2, "{answers}");
}
