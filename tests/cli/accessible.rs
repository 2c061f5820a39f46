//! The accessible mode: whole sessions in a pseudo-terminal (`--accessible`, the variables,
//! the settings file, `TERM=dumb`) whose raw bytes hold no cursor movement or erasing;
//! input that does not fit; piped input; and "stop asks first" in both modes.

use std::path::Path;

use predicates::prelude::*;
use rexpect::process::WaitStatus;
use rexpect::session::{PtySession, spawn_command};

use crate::{numb, numb_std};

/// A session and every byte it wrote, in order.
struct Session {
    pty: PtySession,
    seen: String,
}

impl Session {
    /// numb with `args` in a pseudo-terminal, its data and settings under `home`.
    fn start(home: &Path, args: &[&str], env: &[(&str, &str)]) -> Self {
        let mut cmd = numb_std();
        cmd.args(args)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("LANG", "en_GB.UTF-8")
            .env("COLUMNS", "80")
            .env("LINES", "24");
        for (key, value) in env {
            cmd.env(key, value);
        }
        let pty = spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
        Session {
            pty,
            seen: String::new(),
        }
    }

    /// Waits for `text`, keeping everything up to it.
    fn expect(&mut self, text: &str) -> &mut Self {
        let before = self
            .pty
            .exp_string(text)
            .unwrap_or_else(|e| panic!("waiting for {text:?}: {e}\nseen so far:\n{}", self.seen));
        self.seen.push_str(&before);
        self.seen.push_str(text);
        self
    }

    /// Types a line and Enter.
    fn type_line(&mut self, line: &str) -> &mut Self {
        self.pty.send_line(line).unwrap();
        self.pty.flush().unwrap();
        self
    }

    /// Sends keys as they are.
    fn press(&mut self, keys: &str) -> &mut Self {
        self.pty.send(keys).unwrap();
        self.pty.flush().unwrap();
        self
    }

    /// Waits for the end; returns everything written and the exit code.
    fn finish(mut self) -> (String, i32) {
        let rest = self.pty.exp_eof().unwrap();
        self.seen.push_str(&rest);
        let code = match self.pty.process().wait().unwrap() {
            WaitStatus::Exited(_, code) => code,
            other => panic!("{other:?}"),
        };
        (self.seen, code)
    }
}

/// Every escape sequence in `bytes` that moves the cursor, erases, hides the cursor or
/// switches screens: anything but colour and style (`ESC [ … m`).
fn cursor_sequences(bytes: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in bytes.match_indices('\x1b') {
        let rest = &bytes[at + 1..];
        let sequence: String = match rest.strip_prefix('[') {
            Some(csi) => {
                let end = csi
                    .find(|c: char| c.is_ascii_alphabetic() || c == '~')
                    .map_or(csi.len(), |i| i + 1);
                format!("ESC[{}", &csi[..end])
            }
            None => format!("ESC{}", rest.chars().next().unwrap_or(' ')),
        };
        if !(sequence.starts_with("ESC[") && sequence.ends_with('m')) {
            found.push(sequence);
        }
    }
    // A carriage return alone rewrites a line (the terminal adds one before each line end).
    if bytes.replace("\r\n", "").contains('\r') {
        found.push("a lone CR".into());
    }
    found
}

fn assert_no_cursor_movement(bytes: &str) {
    let found = cursor_sequences(bytes);
    assert!(found.is_empty(), "{found:?} in:\n{bytes}");
}

#[test]
fn the_check_finds_what_the_ordinary_mode_writes() {
    assert_eq!(
        cursor_sequences("a\x1b[1m bold\x1b[0m \x1b[?25l\x1b[2K\x1b[1A x\r y\r\n"),
        ["ESC[?25l", "ESC[2K", "ESC[1A", "a lone CR"]
    );
    assert!(cursor_sequences("plain\r\n\x1b[36mcyan\x1b[0m\r\n").is_empty());
}

/// Types the check-in: Start, then `answers` one line each, checking the position of each.
fn check_in(s: &mut Session, answers: &[&str]) {
    s.expect("2. Not now")
        .expect("then press Enter.")
        .type_line("1");
    for (n, answer) in answers.iter().enumerate() {
        s.expect(&format!("Question {} of 12: ", n + 1))
            .expect("5. Almost always")
            .expect("press")
            .type_line(answer);
    }
}

#[test]
fn a_whole_check_in_with_accessible_has_no_cursor_movement() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(home.path(), &["--accessible", "reflect"], &[]);
    s.expect("2. Not now").expect("press Enter.").type_line("1");
    s.expect("Question 1 of 12: ").expect("1. Never");
    s.expect("Type a number from 1 to 5, s to skip, or q to stop, then press Enter.");
    // Input that does not fit: one kind line, the same question again.
    for wrong in ["99", "often", "", "b"] {
        s.type_line(wrong)
            .expect("That does not fit this question, so nothing was recorded.")
            .expect("Question 1 of 12: ");
    }
    s.type_line("4");
    s.expect("Question 2 of 12: ")
        .expect("b to go back")
        .type_line("s");
    s.expect("Question 3 of 12: ").type_line("b");
    s.expect("Question 2 of 12: ")
        .expect("Your earlier answer was skipped.")
        .type_line("3");
    for n in 3..=12 {
        s.expect(&format!("Question {n} of 12: "))
            .expect("press")
            .type_line("2");
    }
    s.expect("12 of 12 questions answered")
        .expect("This is a reflection, not a diagnosis.")
        // The parts, just above the question whether to save them.
        .expect("This is what saving keeps, with your answers:")
        .expect("Muted feelings: some (4 of 8)")
        .expect("Save this reflection privately on this computer?")
        .expect("Enter alone means no.")
        .type_line("");
    let (seen, code) = s.finish();
    assert_eq!(code, 0, "{seen}");
    assert_no_cursor_movement(&seen);
    assert!(!home.path().join("data").exists(), "nothing saved");
}

/// With `TERM=dumb` the accessible mode comes by itself; a note with words of crisis is saved
/// and meets the help lines, as anywhere.
#[test]
fn a_dumb_terminal_gets_the_accessible_mode_and_a_note_of_crisis_meets_help() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(home.path(), &["reflect"], &[("TERM", "dumb")]);
    check_in(&mut s, &["1"; 12]);
    s.expect("Save this reflection privately")
        .expect("Enter alone means no.")
        .type_line("maybe")
        .expect("That does not fit")
        .expect("Enter alone means no.")
        .type_line("YES");
    s.expect("A short note").type_line(&"x".repeat(300));
    // Too long: said so, and the text is kept to be shortened.
    s.expect("the note is 300 characters long")
        .expect("Here is what you typed, so you can shorten it:")
        .expect(&"x".repeat(20))
        .expect("A short note")
        .type_line("I want to die");
    s.expect("Saved privately").expect("116 123");
    let (seen, code) = s.finish();
    assert_eq!(code, 0, "{seen}");
    assert!(!seen.contains('\x1b'), "no escape byte at all: {seen:?}");
    let saved = std::fs::read_to_string(home.path().join("data/numb/history.jsonl")).unwrap();
    assert!(saved.contains("\"note\":\"I want to die\""), "{saved}");
}

/// Terminals that cannot move the cursor get the typed questions by themselves: an unknown
/// terminal, older Emacs, and Emacs' shell whatever `TERM` it claims.
#[test]
fn terminals_that_cannot_move_the_cursor_get_typed_questions() {
    let home = tempfile::tempdir().unwrap();
    let cases: [&[(&str, &str)]; 3] = [
        &[("TERM", "unknown")],
        &[("TERM", "emacs")],
        &[("TERM", "xterm-256color"), ("INSIDE_EMACS", "29.1,comint")],
    ];
    for env in cases {
        let mut s = Session::start(home.path(), &["feelings"], env);
        s.expect("Which family of feelings")
            .expect("or q to leave")
            .type_line("q");
        let (seen, code) = s.finish();
        assert_eq!(code, 0, "{env:?}: {seen}");
        assert_no_cursor_movement(&seen);
    }
}

#[test]
fn the_reconnection_plan_picks_by_numbers_and_says_them_back() {
    let home = tempfile::tempdir().unwrap();
    let args = ["reflect", "reconnection-plan"];
    let mut s = Session::start(home.path(), &args, &[("NUMB_ACCESSIBLE", "1")]);
    s.expect("2. Not now").expect("press Enter.").type_line("1");
    s.expect("Which of these feel possible this week?")
        .expect("10. ")
        .expect("separated by spaces or commas")
        .type_line("2, 99")
        .expect("That does not fit")
        .expect("separated by spaces or commas")
        .type_line("5,2 5");
    s.expect("You picked:")
        .expect("2. Find a more exact word for how I feel")
        .expect("5. Draw, doodle or make something with my hands")
        .expect("Your plan for this week")
        .expect("Save this reflection")
        .expect("Enter alone means no.")
        .type_line("n");
    let (seen, code) = s.finish();
    assert_eq!(code, 0, "{seen}");
    assert_no_cursor_movement(&seen);
}

#[test]
fn feelings_family_then_word_and_the_body_path_typed() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(home.path(), &["feelings"], &[("ACCESSIBLE", "1")]);
    s.expect("Which family of feelings feels closest right now?")
        .expect("9. Not sure what I feel")
        .expect("or q to leave")
        // Words typed where a number goes: words of crisis meet help, then the same question.
        .type_line("I want to die")
        .expect("116 123")
        .expect("Which family of feelings")
        .expect("or q to leave")
        .type_line("9");
    s.expect("What do you notice in your body?")
        .expect("or q to go back")
        .type_line("1");
    s.expect("Which word fits best?")
        .expect("or q to go back")
        .type_line("1");
    s.expect("In the body:").expect("numb support");
    let (seen, code) = s.finish();
    assert_eq!(code, 0, "{seen}");
    assert_no_cursor_movement(&seen);

    let mut s = Session::start(home.path(), &["feelings"], &[("TERM", "dumb")]);
    s.expect("or q to leave").type_line("1");
    s.expect("Which word fits best?")
        .expect("q to go back")
        .type_line("q");
    s.expect("Which family")
        .expect("or q to leave")
        .type_line("q");
    let (seen, code) = s.finish();
    assert_eq!(code, 0, "{seen}");
    assert!(
        seen.contains("numb support"),
        "leaving keeps help in sight: {seen}"
    );
    assert!(!seen.contains('\x1b'), "{seen:?}");
}

/// Answering no (or Enter, the default) to saving says so in one line, in either language;
/// a screen reader used to hear nothing after the answer.
#[test]
fn declining_to_save_says_nothing_was_saved() {
    let said = [
        ("en", "Not saved. Nothing was kept on this computer."),
        ("es", "No se guardó. No quedó nada en este dispositivo."),
    ];
    for (lang, line) in said {
        for no in ["", "n"] {
            let home = tempfile::tempdir().unwrap();
            let typed = format!("1\n{}{no}\n", "3\n".repeat(12));
            let out = numb()
                .args(["--accessible", "--lang", lang, "reflect"])
                .env("XDG_DATA_HOME", home.path().join("data"))
                .env("XDG_CONFIG_HOME", home.path().join("config"))
                .write_stdin(typed)
                .assert()
                .success()
                .get_output()
                .clone();
            let err = String::from_utf8(out.stderr).unwrap();
            let last = err.lines().map(str::trim).rfind(|l| !l.is_empty());
            assert_eq!(last, Some(line), "{lang} {no:?}: {err}");
            assert!(!home.path().join("data").exists());
        }
    }
}

/// Ctrl-C in the accessible mode: one calm line that numb stopped and nothing was saved (a
/// screen reader used to hear nothing), no escape bytes, exit 130, nothing written.
#[test]
fn ctrl_c_in_the_accessible_mode_says_it_stopped_and_nothing_was_saved() {
    let flag = (vec!["--accessible", "reflect"], vec![]);
    let variable = (vec!["reflect"], vec![("NUMB_ACCESSIBLE", "1")]);
    for (args, env) in [flag, variable] {
        let (args, env) = (&args[..], &env[..]);
        let home = tempfile::tempdir().unwrap();
        let mut s = Session::start(home.path(), args, env);
        check_in(&mut s, &["2"]);
        s.expect("Question 2 of 12").expect("or q to stop");
        s.press("\x03");
        let (seen, code) = s.finish();
        assert_eq!(code, 130, "{args:?} {env:?}: {seen}");
        // The calm line once, then help one step away.
        let stopped = "Stopped. Nothing was saved. You can come back any time.";
        assert_eq!(seen.matches(stopped).count(), 1, "{seen:?}");
        let after = &seen[seen.find(stopped).unwrap()..];
        // Its plain words: a screen reader would read the backticks of the Markdown aloud.
        assert!(after.contains("numb support lists free"), "{seen:?}");
        assert_eq!(after.matches("numb support").count(), 1, "{seen:?}");
        assert!(!seen.contains('`'), "{seen:?}");
        assert!(!seen.contains("error"), "{seen}");
        assert!(!seen.contains('\x1b'), "{seen:?}");
        assert!(!home.path().join("data").exists());
    }
}

#[test]
fn a_practice_says_its_quiet_times_in_words_and_q_stops_it() {
    let home = tempfile::tempdir().unwrap();
    let env = [("NUMB_PACE", "0")];
    let args = ["--accessible", "practice", "five-senses"];
    let mut s = Session::start(home.path(), &args, &env);
    s.expect("Press Enter to begin.").type_line("");
    for n in 1..=7 {
        s.expect(&format!("Step {n} of 7"));
        if n < 7 {
            // The line is wrapped to the width: its start is on one line. NUMB_PACE=0 leaves
            // the quiet times out: each step waits for Enter.
            s.expect("Press Enter when you are ready");
            s.type_line("");
        }
    }
    s.expect("Whatever you noticed").expect("numb support");
    let (seen, code) = s.finish();
    assert_eq!(code, 0, "{seen}");
    assert_no_cursor_movement(&seen);

    // The ordinary mode: q alone ends a quiet time's countdown and the practice.
    let env = [("NUMB_PACE", "1")];
    let mut s = Session::start(home.path(), &["practice", "paced-breathing"], &env);
    s.expect("Press Enter to begin.").type_line("");
    s.expect("Step 1 of")
        .expect("Press Enter to go on sooner")
        .press("q");
    s.expect("You stopped the practice.").expect("numb support");
    let (seen, code) = s.finish();
    assert_eq!(code, 0, "{seen}");
    assert!(!seen.contains("Step 3 of"), "{seen}");
}

/// A practice with quiet times, in the accessible mode: each is announced at its start
/// and its end in words, with no countdown. NUMB_PACE=0.04 turns paced-breathing's 60 and
/// 45 seconds into about 2; its shorter ones (under 2 seconds then) are left out. No input:
/// a line arriving during a quiet time would end it early, unannounced.
#[test]
fn quiet_times_are_announced_at_their_end() {
    let out = numb()
        .args(["--accessible", "practice", "paced-breathing"])
        .env("NUMB_PACE", "0.04")
        .write_stdin("")
        .assert()
        .success()
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    let said = err.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(said.matches("Take about 2 seconds.").count(), 2, "{err}");
    assert_eq!(said.matches("The quiet time is over.").count(), 2, "{err}");
    assert!(!err.contains('\x1b') && !err.contains('\r'), "{err:?}");
}

/// NUMB_PACE=0 (or a pace that rounds a quiet time under two seconds) never says "about 0
/// seconds": the quiet time is left out and the step waits for Enter, in both modes' words.
#[test]
fn numb_pace_0_never_says_about_0_seconds() {
    for (pace, plain) in [("0", true), ("0.01", true), ("0", false)] {
        let mut cmd = numb();
        cmd.args(["practice", "paced-breathing"])
            .env("NUMB_PACE", pace)
            .write_stdin("\n".repeat(20));
        if plain {
            cmd.arg("--plain");
        }
        let out = cmd.assert().success().get_output().clone();
        let err = String::from_utf8(out.stderr).unwrap();
        let said = err.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(!said.contains("0 seconds"), "NUMB_PACE={pace}: {err}");
        assert!(!said.contains("Take about"), "NUMB_PACE={pace}: {err}");
        assert!(
            !said.contains("quiet time is over"),
            "NUMB_PACE={pace}: {err}"
        );
        if plain {
            assert_eq!(
                said.matches("Press Enter when you are ready for the next step")
                    .count(),
                6,
                "NUMB_PACE={pace}: {err}"
            );
        }
    }
}

#[test]
fn forget_asks_with_typed_yes_or_no_from_the_settings_file() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("config/numb")).unwrap();
    std::fs::write(
        home.path().join("config/numb/config.toml"),
        "[ui]\naccessible = true\n",
    )
    .unwrap();
    numb()
        .args(["reflect", "--answers", "0,0,0,0,0,0,0,0,0,0,0,0", "--save"])
        .env("XDG_DATA_HOME", home.path().join("data"))
        .assert()
        .success();
    let mut s = Session::start(home.path(), &["history", "forget"], &[]);
    s.expect("Delete every saved reflection? This cannot be undone.")
        .expect("Enter alone means no.")
        .type_line("delete")
        .expect("That does not fit")
        .expect("Enter alone means no.")
        .type_line("Y");
    s.expect("Deleted.");
    let (seen, code) = s.finish();
    assert_eq!(code, 0, "{seen}");
    assert_no_cursor_movement(&seen);
    assert!(!home.path().join("data/numb").exists());
}

/// Asked for, the accessible mode reads a pipe line by line, as expect-like tools and
/// assistive software drive it; without it, a pipe still gets the way to pass answers.
#[test]
fn piped_input_answers_line_by_line() {
    let home = tempfile::tempdir().unwrap();
    // Start, a line that does not fit, twelve answers, and Enter (no) at the save question.
    let typed = format!("1\nnot a number\n{}\n\n", ["2"; 12].join("\n"));
    let out = numb()
        .args(["reflect", "--accessible", "--format", "json"])
        .env("XDG_DATA_HOME", home.path().join("data"))
        .write_stdin(typed)
        .assert()
        .success()
        .get_output()
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["answers"][0]["value"], 1);
    assert_eq!(json["answers"][11]["value"], 1);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.matches("That does not fit").count(), 1, "{err}");
    assert!(err.contains("Question 12 of 12"), "{err}");
    assert!(!err.contains('\x1b'), "{err:?}");
    assert!(!home.path().join("data").exists(), "no is the default");

    // The input ending in the middle: nothing kept, exit 66.
    numb()
        .args(["reflect", "--accessible"])
        .write_stdin("1\n2\n")
        .assert()
        .code(66)
        .stdout("")
        .stderr(predicate::str::contains("nothing was saved"));
    numb()
        .args(["feelings", "--accessible"])
        .write_stdin("1\n2\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("In the body:"));
}

/// A settings file numb cannot understand: one warning, where and what, on two real lines
/// (no `\x0a` written out), and the default (ask) is used.
#[test]
fn a_broken_settings_file_is_one_readable_warning() {
    let home = tempfile::tempdir().unwrap();
    let config = settings(home.path(), "[history]\nsave = \"sometimes\"\n");
    let err = reflect_in_lines(home.path());
    assert_eq!(err.matches("warning:").count(), 1, "{err}");
    assert!(!err.contains("\\x0a"), "{err}");
    let at = format!("warning: {}:2:8: ", config.display());
    assert!(err.contains(&at), "{err}");
    assert!(
        err.contains("\nnumb goes on with the default settings"),
        "{err}"
    );
    assert!(err.contains("Save this reflection privately"), "{err}");
}

/// In the ordinary mode too, `q` (typed, then Enter) with answers given asks first; No goes
/// back to the question.
#[test]
fn q_asks_first_in_the_ordinary_mode() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(home.path(), &["reflect"], &[("COLUMNS", "100")]);
    s.expect("Not now").press("\r");
    for n in 1..=2 {
        s.expect(&format!("{n} of 12")).expect("Stop here");
        s.press("\x1b[B\r");
    }
    s.expect("3 of 12").expect("Stop here").press("q\r");
    s.expect("Stop and discard your 2 answers?").press("\r");
    s.expect("3 of 12").expect("Stop here").press("\x1b");
    s.expect("Stop and discard your 2 answers?").press("y\r");
    s.expect("Nothing was saved");
    let (seen, code) = s.finish();
    assert_eq!(code, 0, "{seen}");
    assert!(!seen.contains("questions answered"), "{seen}");
}

/// A panic inside a prompt (dialoguer panics when the terminal shrinks mid-question) ends
/// calmly: the cursor is shown again after it was hidden, one plain line says what happened,
/// exit 2. The release build aborts on a panic, so this is the panic hook's work, not unwinding.
#[test]
fn a_panic_in_a_prompt_shows_the_cursor_and_ends_calmly() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(
        home.path(),
        &["reflect"],
        &[("NUMB_TEST_PANIC_IN_PROMPT", "1")],
    );
    s.expect("Nothing was saved");
    let (seen, code) = s.finish();
    assert_eq!(code, 2, "{seen}");
    assert!(seen.contains("the terminal became too small"), "{seen}");
    assert!(!seen.contains("panicked"), "{seen}");
    let shown = seen.rfind("\x1b[?25h").expect("the cursor is shown again");
    assert!(
        seen.rfind("\x1b[?25l").is_none_or(|hidden| hidden < shown),
        "{seen:?}"
    );
}

#[test]
fn the_man_page_lists_the_variables() {
    let page = crate::stdout_of(numb().arg("man"));
    let environment = &page[page.find(".SH ENVIRONMENT").unwrap()..];
    let environment = &environment[..environment.find(".SH FILES").unwrap()];
    for variable in ["NUMB_ACCESSIBLE", "ACCESSIBLE", "TERM"] {
        assert!(environment.contains(variable), "{variable}: {environment}");
    }
    assert!(page.contains("\\-\\-accessible"), "the flag is documented");
}

/// A setting numb cannot read is reported as the run starts, before any page or question
/// (`accessible = "yes"` left a screen-reader user in arrow-key menus with no word until
/// the save question), and once only.
#[test]
fn a_broken_setting_is_reported_before_the_first_question_and_on_any_page() {
    let home = tempfile::tempdir().unwrap();
    let config = settings(home.path(), "[ui]\naccessible = \"yes\"\n");
    let at = format!("warning: {}:2:14: ", config.display());
    let page = numb()
        .args(["learn", "origins"])
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .assert()
        .success()
        .get_output()
        .clone();
    let err = String::from_utf8(page.stderr).unwrap();
    assert!(err.starts_with(&at), "{err}");
    let err = reflect_in_lines(home.path());
    assert!(err.starts_with(&at), "{err}");
    assert_eq!(err.matches("warning:").count(), 1, "{err}");
    // Not above help for words of crisis: that is not the moment.
    numb()
        .args(["learn", "i want to die"])
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .assert()
        .success()
        .stdout(predicates::str::contains("you deserve support"))
        .stderr("");
}

/// Writes a settings file under `home` (as `XDG_CONFIG_HOME=home/config` finds it); its path.
fn settings(home: &Path, text: &str) -> std::path::PathBuf {
    let config = home.join("config/numb");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), text).unwrap();
    config.join("config.toml")
}

/// `numb reflect --accessible` with its data and settings under `home`, every question
/// answered 2 and the save question left at no: its stderr.
fn reflect_in_lines(home: &Path) -> String {
    let typed = format!("1\n{}\n\n", ["2"; 12].join("\n"));
    let out = numb()
        .args(["reflect", "--accessible"])
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .write_stdin(typed)
        .assert()
        .success()
        .get_output()
        .clone();
    String::from_utf8(out.stderr).unwrap()
}
