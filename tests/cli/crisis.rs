//! Words of crisis typed wherever numb looks a word up: warm words and the help lines for
//! the person's country, exit 0, never an error, a "yet" or a "did you mean".

use std::os::unix::ffi::OsStrExt;

use predicates::prelude::*;

use crate::{fixture, numb, numb_std, pack_with_topics};

/// The warm words said before the help lines.
const WARM: &str = "you deserve support";

/// Runs `args` with a British locale; returns stdout, checking exit 0 and a quiet stderr.
fn helped(args: &[&str]) -> String {
    let out = numb()
        .args(args)
        .env("LANG", "en_GB.UTF-8")
        .assert()
        .code(0)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.is_empty(), "{args:?} wrote to stderr: {stderr}");
    let page = String::from_utf8(out.stdout).unwrap();
    for never in ["error", " yet", "did you mean", "Did you mean"] {
        assert!(!page.contains(never), "{args:?} said {never:?}:\n{page}");
    }
    page
}

fn assert_help_for_gb(args: &[&str], page: &str) {
    assert!(page.contains("Lines for GB"), "{args:?}:\n{page}");
    assert!(page.contains("Call 116 123"), "{args:?}:\n{page}");
    assert!(page.contains("local emergency"), "{args:?}:\n{page}");
    assert!(page.contains("findahelpline.com"), "{args:?}:\n{page}");
    assert!(page.contains("numb support"), "{args:?}:\n{page}");
}

#[test]
fn words_of_crisis_meet_help_wherever_numb_looks_words_up() {
    let phrasings = [
        "suicidal",
        "want to die",
        "worthless",
        "suicide",
        "kill myself",
        "I'm a burden",
        "self-harm",
        "Hopelessness",
        "end it all",
        // From a crisis pass: an overdose told in the past tense, and Spanish as texted.
        "I took all my pills",
        "swallowed a bottle of pills",
        "kiero morir",
        // From a crisis pass: a plan told plainly, nobody's love, and cutting in Spanish.
        "nobody loves me",
        "i'm going to jump",
        "i bought a rope",
        "i wrote my goodbye note",
        "me voy a cortar",
    ];
    for phrase in phrasings {
        for command in [
            vec!["feelings", phrase],
            vec!["learn", phrase],
            vec!["practice", phrase],
            vec!["reflect", phrase],
            vec!["history", "trend", "-q", phrase],
            vec!["history", "report", "-q", phrase],
        ] {
            let page = helped(&command);
            assert!(page.contains(WARM), "{command:?}:\n{page}");
            assert_help_for_gb(&command, &page);
        }
    }
}

#[test]
fn a_phrase_typed_as_separate_words_is_read_whole_not_refused() {
    for command in [
        vec!["learn", "kill", "myself"],
        vec!["feelings", "want", "to", "die"],
        vec!["practice", "end", "it", "all"],
        vec!["reflect", "i", "want", "to", "die"],
    ] {
        let page = helped(&command);
        assert!(page.contains(WARM), "{command:?}:\n{page}");
    }
}

#[test]
fn asking_for_help_gets_the_help_lines_with_words_of_its_own() {
    for name in ["help", "HELP", "i need help", "crisis"] {
        let page = helped(&["learn", name]);
        assert!(page.contains("Help is here"), "{page}");
        assert_help_for_gb(&["learn", name], &page);
    }
}

#[test]
fn a_vocabulary_word_of_crisis_shows_the_word_then_the_help_lines() {
    let page = helped(&["feelings", "hopeless"]);
    let word = page.find("heavy arms").expect("the word's body cue");
    let help = page.find("Call 116 123").expect("the help lines");
    assert!(word < help, "{page}");
    assert!(!page.contains("If this stays"), "{page}");
}

#[test]
fn without_a_country_every_line_is_shown() {
    let out = numb().args(["feelings", "suicidal"]).assert().code(0);
    let page = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(page.contains("Lines by country"), "{page}");
    assert!(page.contains("988") && page.contains("116 123"), "{page}");
}

#[test]
fn a_country_without_lines_is_told_so_and_given_the_directory() {
    let out = numb()
        .args(["learn", "suicide"])
        .env("LANG", "is_IS.UTF-8")
        .assert()
        .code(0);
    let page = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(page.contains("no help line for IS"), "{page}");
    assert!(page.contains("findahelpline.com"), "{page}");
    assert!(page.contains("local emergency"), "{page}");
}

#[test]
fn a_broken_content_pack_never_stands_between_a_word_of_crisis_and_help() {
    let pack = pack_with_topics(&[("broken.toml", "id = \"broken\"\ntitle = \n".into())]);
    let out = numb()
        .args(["--content-dir"])
        .arg(pack.path())
        .args(["learn", "want", "to", "die"])
        .env("LANG", "en_GB.UTF-8")
        .assert()
        .code(0)
        .stderr("");
    let page = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(page.contains("Call 116 123"), "{page}");
}

#[test]
fn everyday_words_are_looked_up_as_usual() {
    numb()
        .args(["learn", "orgins"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `origins`?"));
    let page = crate::stdout_of(numb().args(["feelings", "hurt"]));
    assert!(page.contains("Pain from something someone said"), "{page}");
    assert!(!page.contains(WARM), "{page}");
    let page = crate::stdout_of(numb().args(["learn", "daily", "impact"]));
    assert!(
        page.starts_with("How numbness affects daily life"),
        "{page}"
    );
    let page = crate::stdout_of(numb().args(["practice", "five", "senses", "--no-wait"]));
    assert!(page.contains("five senses"), "{page}");
}

#[test]
fn an_unknown_feeling_word_is_met_kindly_with_the_nearest_words() {
    let page = crate::stdout_of(numb().args(["feelings", "greif"]));
    assert!(page.contains("your own words count"), "{page}");
    assert!(
        page.contains("`grieving`") || page.contains("grieving"),
        "{page}"
    );
    assert!(!page.contains("grateful"), "{page}");
    let page = crate::stdout_of(numb().args(["feelings", "xyzzy"]));
    assert!(page.contains("your own words count"), "{page}");
    assert!(!page.contains("close to it"), "nothing is close: {page}");
    let page = crate::stdout_of(numb().args(["feelings", "lonley"]));
    assert!(page.contains("close to it: lonely"), "{page}");
}

/// Runs numb in a pseudo-terminal with a British locale and a pager that records what it was
/// given; returns what was shown and whether the pager ran. Nothing is typed: numb must end.
fn in_a_terminal(args: &[&str]) -> (String, bool) {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("paged.txt");
    let mut cmd = numb_std();
    cmd.args(args)
        .env("LANG", "en_GB.UTF-8")
        .env(
            "NUMB_PAGER",
            format!(
                "'{}' '{}'",
                fixture("fake-pager.sh").display(),
                record.display()
            ),
        )
        .env_remove("PAGER");
    let mut session = rexpect::session::spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
    let shown = session
        .exp_eof()
        .expect("numb finishes without a key press");
    (shown, record.exists())
}

/// In a terminal, the help lines are printed straight out, never behind a pager that could
/// clear them from the screen on quitting.
#[test]
fn in_a_terminal_the_help_lines_stay_on_the_screen() {
    let (shown, paged) = in_a_terminal(&["learn", "suicide"]);
    assert!(shown.contains("116 123"), "{shown}");
    assert!(!paged, "the pager ran");
}

#[test]
fn words_of_crisis_in_a_saved_note_meet_the_help_lines_and_the_note_is_kept() {
    let home = tempfile::tempdir().unwrap();
    // Saves a reflection with `note`; returns what numb said on stderr.
    let save = |note: &str| {
        let out = numb()
            .args(["reflect", "--answers", "0,0,0,0,0,0,0,0,4,0,0,0", "--save"])
            .args(["--note", note])
            .env("LANG", "en_GB.UTF-8")
            .env("XDG_DATA_HOME", home.path())
            .assert()
            .success()
            .get_output()
            .clone();
        String::from_utf8(out.stderr).unwrap()
    };
    let err = save("I want to die");
    assert!(err.contains("Saved privately"), "{err}");
    assert!(err.contains(WARM) && err.contains("Call 116 123"), "{err}");
    let saved = std::fs::read_to_string(home.path().join("numb/history.jsonl")).unwrap();
    assert!(
        saved.contains("I want to die"),
        "the note is the person's own: {saved}"
    );
    let err = save("slept badly");
    assert!(!err.contains(WARM), "{err}");
}

#[test]
fn slips_and_slang_people_type_meet_help_too() {
    for typed in [
        "sucide",
        "suicdal",
        "kil myself",
        "kys",
        "hopless",
        "s u i c i d e",
        "su1cide",
    ] {
        let page = helped(&["feelings", typed]);
        assert!(page.contains(WARM), "{typed}:\n{page}");
    }
    for typed in ["hlep", "suport", "help please", "i need help now"] {
        let page = helped(&["learn", typed]);
        assert!(page.contains("Help is here"), "{typed}:\n{page}");
    }
}

#[test]
fn a_command_line_numb_cannot_read_still_meets_words_of_crisis_with_help() {
    for args in [
        vec!["want", "to", "die"],
        vec!["i", "want", "to", "die"],
        vec!["suicide"],
        vec!["kms"],
        vec!["history", "trend", "-q", "want", "to", "die"],
        vec!["feelings", "-kms"],
        vec!["im", "going", "to", "jump"],
        vec!["i", "bought", "a", "rope"],
        vec!["me", "quiero", "cortar"],
    ] {
        let page = helped(&args);
        assert!(page.contains(WARM), "{args:?}:\n{page}");
        assert_help_for_gb(&args, &page);
    }
    // Shared options before or among the words are not read as words.
    for args in [
        vec!["--no-pager", "help", "me"],
        vec!["--accessible", "i", "want", "to", "die"],
        vec!["--content-dir", "/nowhere", "kms"],
        // An option with its value left out takes the first word: the words still count.
        vec!["--width", "want", "to", "die"],
        vec!["--lang", "kill", "myself"],
        vec!["--content-dir", "want", "to", "die"],
    ] {
        assert_help_for_gb(&args, &helped(&args));
    }
    let page = helped(&["--width", "30", "i", "want", "to", "die"]);
    assert!(page.contains("deserve"), "{page}");
    assert!(page.lines().all(|l| l.chars().count() <= 30), "{page}");
    for args in [
        vec!["--lang", "es", "no", "quiero", "vivir"],
        vec!["--lang=es", "ayuda"],
        vec!["--lang", "es", "help", "me"],
    ] {
        let page = helped(&args);
        assert!(page.contains("gratuitas"), "{args:?} in Spanish:\n{page}");
        assert!(page.contains("116 123"), "{args:?}:\n{page}");
    }
    let mut cmd = numb_std();
    cmd.args(["feelings"])
        .arg(std::ffi::OsStr::from_bytes(b"want to die \xff"))
        .env("LANG", "en_GB.UTF-8");
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("116 123"));
    // Anything else stays a usage error, with help one step away.
    numb()
        .arg("wnat")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unrecognized subcommand"))
        .stderr(predicate::str::contains("`numb support` lists free"));
    // --version and --help are not errors and point nowhere.
    numb()
        .arg("--version")
        .assert()
        .code(0)
        .stderr(predicate::str::is_empty());
}

#[test]
fn words_of_crisis_where_a_country_goes_get_the_whole_page_and_no_error() {
    numb()
        .args(["support", "suicide"])
        .assert()
        .code(0)
        .stderr("")
        .stdout(predicate::str::contains("116 123"));
}

#[test]
fn the_help_block_keeps_its_numbers_on_one_screen() {
    let page = helped(&["feelings", "suicidal"]);
    assert!(
        page.lines().count() <= 24,
        "{} lines:\n{page}",
        page.lines().count()
    );
    // Without a locale, every country's line, one row each where it fits: 17 countries' lines
    // (Argentina, Chile, Colombia and Peru joined on 2026-12-04) stay within a 35-row screen.
    let all = crate::stdout_of(numb().args(["feelings", "suicidal"]));
    assert!(
        all.lines().count() <= 34,
        "{} lines:\n{all}",
        all.lines().count()
    );
}

#[test]
fn everyday_phrases_that_look_alike_are_looked_up_as_usual() {
    for typed in ["take my life back", "self harmony", "burdened"] {
        let page = crate::stdout_of(numb().args(["feelings", typed]));
        assert!(!page.contains(WARM), "{typed}:\n{page}");
    }
}

/// A summary that points to help ends with the help lines, and is never paged, so they stay
/// on the screen.
#[test]
fn a_summary_that_points_to_help_is_not_paged() {
    let (shown, paged) = in_a_terminal(&["reflect", "--answers", "0,4,0,0,0,0,0,-,0,0,0,0"]);
    assert!(!paged, "the pager ran");
    let help = shown.rfind("116 123").expect("the help lines");
    let parts = shown.find("Fading pleasure").expect("the table");
    assert!(parts < help, "the help lines come last: {shown}");
}

#[test]
fn words_that_are_only_crisis_words_alone_are_not_caught_in_a_longer_command_line() {
    for args in [vec!["dead", "tired"], vec!["killing", "time"]] {
        numb()
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("unrecognized subcommand"));
    }
}

#[test]
fn an_exception_never_hides_words_of_crisis_elsewhere_in_the_same_words() {
    let page = helped(&["feelings", "I have overdone it and I want to die"]);
    assert!(page.contains(WARM), "{page}");
    let page = crate::stdout_of(numb().args(["feelings", "overdone"]));
    assert!(!page.contains(WARM), "{page}");
}

/// A language numb does not have (`--lang fr`) never stands between someone and help: words
/// of crisis are answered, the support page still shows its lines (then says what was
/// wrong, exit 2), and any other command's error points to `numb support`.
#[test]
fn a_language_numb_does_not_have_never_holds_back_help() {
    for command in [
        vec!["--lang", "fr", "learn", "suicide"],
        vec!["--lang", "fr", "feelings", "want", "to", "die"],
        vec!["--lang", "xx", "reflect", "kill", "myself"],
    ] {
        let page = helped(&command);
        assert!(page.contains(WARM), "{command:?}:\n{page}");
        assert_help_for_gb(&command, &page);
    }
    let out = numb()
        .args(["--lang", "fr", "support"])
        .env("LANG", "en_GB.UTF-8")
        .assert()
        .code(2)
        .get_output()
        .clone();
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains("Call 116 123"), "{page}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no content in `fr`"), "{err}");
    assert!(
        !err.contains("`numb support` lists"),
        "the lines are above: {err}"
    );
    // The help keeps the width asked for, as it does when the language is known.
    let page = helped(&["--width", "40", "--lang", "fr", "learn", "i want to die"]);
    assert!(page.lines().all(|l| l.chars().count() <= 40), "{page}");
    numb()
        .args(["--lang", "fr", "learn", "origins"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("no content in `fr`"))
        .stderr(predicate::str::contains("`numb support` lists"));
}

/// Help is one step away from every way numb ends with an error a person meets: answers it
/// cannot read, no terminal to ask in, a name it does not know.
#[test]
fn errors_a_person_meets_point_to_support() {
    for (args, code) in [
        (vec!["reflect"], 2),
        (vec!["reflect", "--answers", "not my answers"], 65),
        (vec!["practice", "nope"], 2),
    ] {
        let out = numb()
            .args(&args)
            .write_stdin("")
            .assert()
            .code(code)
            .get_output()
            .clone();
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with("error: "), "{args:?}: {err}");
        assert!(
            err.trim_end().ends_with(numb::error::SUPPORT_LINE),
            "{args:?}: {err}"
        );
        assert_eq!(err.matches("numb support").count(), 1, "{args:?}: {err}");
    }
}

/// Words of crisis where the answers go, on the command line or in an answers file, meet the
/// help lines instead of what is wrong with the list; nothing is saved.
#[test]
fn words_of_crisis_given_as_answers_meet_help() {
    for args in [
        &["reflect", "--answers", "i want to die"][..],
        &["reflect", "--answers", "0,1,2,i want to die", "--save"][..],
    ] {
        assert_help_for_gb(args, &helped(args));
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answers.txt");
    std::fs::write(&file, "0\n1\nno quiero vivir\n").unwrap();
    let args = ["reflect", "--answers-file", file.to_str().unwrap()];
    assert_help_for_gb(&args, &helped(&args));
    // Asked to save, nothing was saved.
    let data = tempfile::tempdir().unwrap();
    let out = numb()
        .env("XDG_DATA_HOME", data.path())
        .env("LANG", "en_GB.UTF-8")
        .args(["reflect", "--answers", "kill myself", "--save"])
        .assert()
        .code(0)
        .get_output()
        .clone();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Call 116 123"));
    assert_eq!(std::fs::read_dir(data.path()).unwrap().count(), 0);
}
