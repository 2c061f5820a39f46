//! `numb practice`: the list, a practice read at once (`--no-wait`), step by step on one line
//! each (`--plain`), guided in a terminal, Ctrl-C, and the checks on practice files.

use predicates::prelude::*;
use rexpect::process::WaitStatus;
use rexpect::session::spawn_command;

use crate::{SUPPORT_POINTER, numb, numb_std, stdout_of};

#[test]
fn the_list_names_every_practice() {
    let list = stdout_of(numb().arg("practice"));
    assert!(list.contains("five-senses"), "{list}");
    assert!(list.contains("numb practice <practice>"), "{list}");
    assert!(list.contains(SUPPORT_POINTER), "{list}");
}

#[test]
fn no_wait_snapshot() {
    insta::assert_snapshot!(stdout_of(numb().args([
        "practice",
        "five-senses",
        "--no-wait"
    ])));
}

/// Without a terminal, a practice is printed whole, as with --no-wait.
#[test]
fn without_a_terminal_a_practice_is_printed_whole() {
    let piped = stdout_of(numb().args(["practice", "five-senses"]));
    let whole = stdout_of(numb().args(["practice", "five-senses", "--no-wait"]));
    assert_eq!(piped, whole);
}

/// --plain: one step at a time, one line each, no countdown and no cursor movement; Enter
/// (here, lines of input) goes on.
#[test]
fn plain_snapshot() {
    let out = numb()
        .args(["practice", "five-senses", "--plain"])
        .env("NUMB_PACE", "0")
        .write_stdin("\n".repeat(10))
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        !stderr.contains('\r') && !stderr.contains('\x1b'),
        "{stderr:?}"
    );
    // What to press is wrapped to the width (80 here), like the page.
    assert!(stderr.lines().all(|l| l.chars().count() <= 80), "{stderr}");
    let said = stderr.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        said.contains("Press Enter to begin.")
            && said.contains(
                "Press Enter when you are ready for the next step, or type q and press Enter to stop."
            ),
        "{stderr}"
    );
    insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
}

#[test]
fn an_unknown_practice_is_named_with_a_suggestion() {
    numb()
        .args(["practice", "five-sense"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no practice called `five-sense`"))
        .stderr(predicate::str::contains("Did you mean `five-senses`?"))
        .stderr(predicate::str::contains("`numb support` lists free"));
}

fn guided(pace: &str) -> rexpect::session::PtySession {
    let mut cmd = numb_std();
    cmd.args(["practice", "five-senses"])
        .env("NUMB_PACE", pace)
        .env("LINES", "40");
    spawn_command(cmd, Some(20_000)).expect("spawn in a pty")
}

/// In a terminal, with the quiet times left out (NUMB_PACE=0), the practice walks through
/// every step to its kind ending, each step waiting for Enter.
#[test]
fn a_guided_practice_walks_every_step() {
    let mut s = guided("0");
    // Why it can help comes first; the steps begin on Enter.
    s.exp_string("Press Enter to begin.").unwrap();
    s.send("\r").unwrap();
    s.flush().unwrap();
    for n in 1..=7 {
        let step = format!("Step {n} of 7");
        s.exp_string(&step).unwrap();
        if n < 7 {
            // Neither the heading nor the prompt names a quiet time that is left out.
            let before = s.exp_string("Press Enter when you are ready").unwrap();
            assert!(!before.contains("seconds"), "{before:?}");
            s.send("\r").unwrap();
            s.flush().unwrap();
        }
    }
    s.exp_string("Whatever you noticed").unwrap();
    s.exp_string("numb support").unwrap();
    s.exp_eof().unwrap();
    match s.process().wait().unwrap() {
        WaitStatus::Exited(_, code) => assert_eq!(code, 0),
        other => panic!("{other:?}"),
    }
}

/// Enter ends a pause early; Ctrl-C leaves at once with exit 130 and the cursor shown.
#[test]
fn enter_ends_a_pause_and_ctrl_c_leaves_with_130() {
    let mut s = guided("1");
    s.exp_string("Press Enter to begin.").unwrap();
    s.send("\r").unwrap();
    s.flush().unwrap();
    s.exp_string("Step 1 of 7").unwrap();
    s.exp_string("Press Enter to go on sooner").unwrap();
    s.send("\r").unwrap();
    s.flush().unwrap();
    s.exp_string("Step 2 of 7").unwrap();
    s.exp_string("Press Enter to go on sooner").unwrap();
    s.send("\x03").unwrap();
    s.flush().unwrap();
    let rest = s.exp_eof().unwrap();
    assert!(rest.contains("\x1b[?25h"), "cursor shown again: {rest:?}");
    match s.process().wait().unwrap() {
        WaitStatus::Exited(_, code) => assert_eq!(code, 130),
        other => panic!("{other:?}"),
    }
}

/// In an ordinary terminal single keys work: keys typed during a countdown are not drawn
/// into it, q or Esc stops at once (no Enter needed), an arrow key does nothing, and the
/// terminal's settings afterwards are what they were before (`stty -a` before and after).
#[test]
fn q_or_esc_stops_at_once_and_keys_typed_are_not_echoed() {
    for stop in ["q", "\x1b"] {
        let mut cmd = std::process::Command::new("sh");
        let bin = assert_cmd::cargo::cargo_bin!("numb");
        // The pseudo-terminal starts without echo: turn it on, as in a person's terminal.
        let script = format!(
            "stty echo icanon; stty -a; echo BEFORE-END; '{}' practice paced-breathing; \
             echo \"exit $?\"; stty -a",
            bin.display()
        );
        cmd.arg("-c")
            .arg(script)
            .env("NUMB_PACE", "1")
            .env("LINES", "40");
        crate::isolate(&mut cmd);
        let mut s = spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
        let before = s.exp_string("BEFORE-END").unwrap();
        s.exp_string("You can stop at any time: press q or Esc.")
            .unwrap();
        s.send("\r").unwrap();
        s.flush().unwrap();
        s.exp_string("Step 1 of 7").unwrap();
        s.exp_string("or q or Esc to stop.").unwrap();
        s.exp_string(" s ").unwrap();
        s.send("xyz\x1b[A").unwrap();
        s.flush().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(300));
        s.send(stop).unwrap();
        s.flush().unwrap();
        let shown = s.exp_string("You stopped the practice.").unwrap();
        assert!(
            !shown.contains("xyz"),
            "{stop:?}: keys were echoed: {shown:?}"
        );
        assert!(!shown.contains("Step 2 of 7"), "{stop:?}: {shown:?}");
        s.exp_string("exit 0").unwrap();
        let after = s.exp_eof().unwrap();
        let settings = |text: &str| -> Vec<String> {
            let start = text.find("speed").expect("stty -a output");
            text[start..]
                .split_whitespace()
                .map(str::to_string)
                .collect()
        };
        assert_eq!(
            settings(&after),
            settings(&before),
            "{stop:?}: settings changed"
        );
        assert!(settings(&after).contains(&"echo".to_string()), "{after}");
    }
}

/// The steps go to standard output, what to press to stderr; each is wrapped to its own
/// width. With the page in a file (80 columns, from COLUMNS) and stderr on a terminal 40
/// columns wide, the prompts fit the 40: they used to be wrapped to the page's 80, and the
/// terminal split their words. Stopping with q or with Ctrl-C says so at that width too.
#[test]
fn prompts_follow_the_width_of_stderr_when_the_page_is_piped() {
    for (stop, code) in [("q\n", 0), ("\x03", 130)] {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("page.txt");
        let mut cmd = std::process::Command::new("sh");
        let bin = assert_cmd::cargo::cargo_bin!("numb");
        let script = format!(
            // The shell outlives Ctrl-C to say numb's exit code.
            "trap true INT; stty cols 40 rows 40; '{}' practice five-senses --plain > '{}'; \
             echo \"exit $?\"",
            bin.display(),
            page.display()
        );
        cmd.arg("-c").arg(script).env("NUMB_PACE", "0");
        crate::isolate(&mut cmd);
        let mut s = spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
        let mut said = s.exp_string("Enter.").unwrap();
        s.send_line("").unwrap();
        said += &s.exp_string("stop.").unwrap();
        s.send(stop).unwrap();
        s.flush().unwrap();
        said += &s.exp_string(&format!("exit {code}")).unwrap();
        assert!(said.contains("You stopped the"), "{stop:?}: {said}");
        for line in said.lines() {
            let line = line.trim_end().trim_start_matches("^C");
            assert!(line.chars().count() <= 40, "{stop:?}: {line:?} in:\n{said}");
        }
        let page = std::fs::read_to_string(page).unwrap();
        assert!(page.lines().any(|l| l.chars().count() > 40), "{page}");
    }
}

/// A practice file is checked like the rest: steps, pauses, references, sources.
#[test]
fn practice_files_are_checked() {
    let dir = crate::pack_dir();
    std::fs::create_dir(dir.path().join("practices")).unwrap();
    std::fs::write(
        dir.path().join("practices/breathe.toml"),
        r#"format_version = 1
id = "breathe"
title = "Breathe"
summary = "A breath."
minutes = 40
why = "Because."
related = ["nowhere"]
closing = "Done."
sources = []

[[steps]]
text = "Breathe in."
pause = 0
"#,
    )
    .unwrap();
    numb()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(65)
        .stderr(predicate::str::contains("breathe.toml:5:11"))
        .stderr(predicate::str::contains("a practice takes 1 to 30 minutes"))
        .stderr(predicate::str::contains(
            "related topic `nowhere` does not exist",
        ))
        .stderr(predicate::str::contains(
            "a practice needs 2 to 12 [[steps]], found 1",
        ))
        .stderr(predicate::str::contains("`pause` is 0 seconds"))
        .stderr(predicate::str::contains(
            "a practice needs at least one [[sources]]",
        ));
}

/// Topics list the practices that go with them; summaries suggest the practices of the
/// facets that stand out.
#[test]
fn topics_and_summaries_point_to_practices() {
    let page = stdout_of(numb().args(["learn", "signs"]));
    assert!(page.contains("Practices to try"), "{page}");
    assert!(page.contains("numb practice five-senses"), "{page}");
    let summary = stdout_of(numb().args(["reflect", "--answers", "4,4,4,4,4,4,4,4,4,4,4,4"]));
    assert!(summary.contains("numb practice "), "{summary}");
    // Items 8 and 9 are worded the other way round: 4 there is the low end.
    let calm = stdout_of(numb().args(["reflect", "--answers", "0,0,0,0,0,0,0,4,4,0,0,0"]));
    assert!(
        !calm.contains("numb practice "),
        "nothing stands out: {calm}"
    );
}
