//! `numb feelings`: one word, a family, an unknown word with a suggestion, the whole
//! vocabulary, the body-first path, and the drill-down in a terminal.

use rexpect::session::spawn_command;

use crate::{SUPPORT_POINTER, numb, numb_std, stdout_of};

#[test]
fn one_word_shows_its_meaning_body_cue_and_family() {
    let out = stdout_of(numb().args(["feelings", "Flat"]));
    assert!(out.starts_with("flat\n"), "{out}");
    assert!(out.contains("In the body: "), "{out}");
    assert!(out.contains("Family: Numb or flat"), "{out}");
    assert!(out.contains(SUPPORT_POINTER), "{out}");
    let phrase = stdout_of(numb().args(["feelings", "going", "through", "the", "motions"]));
    assert!(
        phrase.starts_with("going through the motions\n"),
        "{phrase}"
    );
}

#[test]
fn a_family_lists_its_words() {
    let out = stdout_of(numb().args(["feelings", "joy"]));
    assert!(out.contains("Joy — "), "{out}");
    assert!(out.contains("  - content: "), "{out}");
}

#[test]
fn the_whole_vocabulary_snapshot() {
    insta::assert_snapshot!(stdout_of(numb().arg("feelings")));
}

#[test]
fn the_body_first_path_leads_from_sensations_to_words() {
    let out = stdout_of(numb().args(["feelings", "--body"]));
    assert!(
        out.starts_with("Not sure what you feel? Start from your body"),
        "{out}"
    );
    assert!(
        out.contains("A heavy chest, or a lump in your throat"),
        "{out}"
    );
    assert!(out.contains("  - sad: "), "{out}");
}

fn drill_down() -> rexpect::session::PtySession {
    let mut cmd = numb_std();
    cmd.arg("feelings").env("COLUMNS", "100").env("LINES", "40");
    spawn_command(cmd, Some(20_000)).expect("spawn in a pty")
}

fn press(s: &mut rexpect::session::PtySession, keys: &str) {
    s.send(keys).unwrap();
    s.flush().unwrap();
}

/// In a terminal: a family, then a word, then that word's page.
#[test]
fn a_family_then_a_word_in_the_terminal() {
    let mut s = drill_down();
    s.exp_string("Which family of feelings feels closest right now?")
        .unwrap();
    press(&mut s, "\r");
    s.exp_string("Which word fits best?").unwrap();
    press(&mut s, "\r");
    s.exp_string("In the body:").unwrap();
    s.exp_eof().unwrap();
}

/// "Not sure what I feel" starts from the body: a sensation, then a word it can go with.
#[test]
fn not_sure_starts_from_the_body_in_the_terminal() {
    let mut s = drill_down();
    s.exp_string("Not sure what I feel").unwrap();
    // Up from the first choice wraps to the last one, "Not sure what I feel".
    press(&mut s, "\x1b[A\r");
    s.exp_string("What do you notice in your body?").unwrap();
    press(&mut s, "\r");
    s.exp_string("Which word fits best?").unwrap();
    press(&mut s, "\r");
    s.exp_string("In the body:").unwrap();
    s.exp_eof().unwrap();
}

/// A word that is also a family's name shows the word, then the family's words: `calm` is both.
#[test]
fn a_word_named_like_its_family_shows_both() {
    let page = stdout_of(numb().args(["feelings", "calm"]));
    let word = page.find("Steady inside").expect("the word's meaning");
    let family = page
        .find("Calm — Quiet, steady feelings")
        .expect("the family's heading");
    assert!(word < family, "{page}");
    for other in ["relaxed", "peaceful"] {
        assert!(page.contains(&format!("  - {other}:")), "{other}:\n{page}");
    }
    assert!(
        !page.contains("\n\n\n"),
        "one blank line between parts:\n{page:?}"
    );
    // A word that is no family's name stays one word.
    let page = stdout_of(numb().args(["feelings", "relaxed"]));
    assert!(!page.contains("  - peaceful:"), "{page}");
}

/// A pack's feelings.toml adds families, words (to a family numb has, by its id) and body
/// sensations, checked like the built-in vocabulary with path:line:col.
#[test]
fn a_pack_adds_words_for_feelings() {
    let pack = crate::pack_dir();
    let good = "format_version = 1\n\n[[families]]\nid = \"calm\"\n\n[[families.words]]\n\
        word = \"serene\"\nmeaning = \"Calm and clear, like still water.\"\n\
        body = \"Often a soft face and slow breaths.\"\n\n[[families]]\nid = \"tender\"\n\
        name = \"Tender\"\nmeaning = \"Soft, caring feelings toward someone.\"\n\n\
        [[families.words]]\nword = \"fond\"\nmeaning = \"A warm liking for someone.\"\n\
        body = \"Can feel like a smile that comes on its own.\"\n\n[[sensations]]\n\
        cue = \"A warm face\"\nwords = [\"fond\", \"serene\"]\n";
    std::fs::write(pack.path().join("feelings.toml"), good).unwrap();
    let with_pack = |args: &[&str]| {
        let mut cmd = numb();
        cmd.args(args).arg("--content-dir").arg(pack.path());
        stdout_of(&mut cmd)
    };
    let page = with_pack(&["feelings", "serene"]);
    assert!(
        page.contains("Calm and clear") && page.contains("Family: Calm"),
        "{page}"
    );
    let page = with_pack(&["feelings", "tender"]);
    assert!(
        page.contains("Tender — Soft, caring") && page.contains("- fond:"),
        "{page}"
    );
    let all = with_pack(&["feelings", "--body"]);
    assert!(all.contains("A warm face"), "{all}");
    assert!(with_pack(&["check"]).contains("No problems found."));

    let bad = "format_version = 1\n\n[[families]]\nid = \"calm\"\nname = \"Quiet\"\n\n\
        [[families.words]]\nword = \"relaxed\"\nmeaning = \"At ease.\"\nbody = \"Loose.\"\n\n\
        [[families]]\nid = \"tender\"\n\n[[families.words]]\nword = \"fond\"\n\
        meaning = \"A warm liking.\"\nbody = \"A smile.\"\n\n[[sensations]]\n\
        cue = \"A warm face\"\nwords = [\"fondd\"]\n";
    std::fs::write(pack.path().join("feelings.toml"), bad).unwrap();
    let assert = numb().arg("check").arg(pack.path()).assert().code(65);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    let file = pack.path().join("feelings.toml");
    for (place, what) in [
        ("5:8", "`calm` is a family numb has"),
        ("8:8", "the word `relaxed` is there twice"),
        ("13:6", "a new family needs a `name` and a `meaning`"),
        ("22:10", "`fondd` is not a word of any family"),
    ] {
        let at = format!("{}:{place}", file.display());
        assert!(
            err.contains(&at) && err.contains(what),
            "{at} {what}:\n{err}"
        );
    }
    // A page still shows without the broken pack, which is named once.
    let out = numb()
        .args(["feelings", "relaxed", "--content-dir"])
        .arg(pack.path())
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("left out the content pack"));
}

/// A sentence typed at the drill-down is one typed line: it does not fit, and Esc then leaves.
/// dialoguer took its first space as a pick and left the rest of it in the shell.
#[test]
fn a_sentence_typed_in_the_drill_down_leaves_nothing_in_the_shell() {
    let mut cmd = std::process::Command::new("bash");
    cmd.arg("-c")
        .arg(r#""$0" feelings; IFS= read -r -t 2 rest; printf 'left:[%s]\n' "$rest""#)
        .arg(assert_cmd::cargo::cargo_bin!("numb"))
        .env("LINES", "40");
    crate::isolate(&mut cmd);
    cmd.env("COLUMNS", "100");
    let mut s = spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
    s.exp_string("Which family of feelings feels closest right now?")
        .unwrap();
    s.exp_string("Not sure what I feel").unwrap();
    press(&mut s, "i do not know what i feel\r");
    s.exp_string("That does not fit this question").unwrap();
    s.exp_string("Not sure what I feel").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(200));
    press(&mut s, "\x1b");
    let rest = s.exp_string("left:[").unwrap();
    assert!(!rest.contains("In the body:"), "no word was picked: {rest}");
    let left = s.exp_string("]").unwrap();
    assert_eq!(left, "", "left in the shell: {left:?}");
}

/// A word picked by typing it: `sadness`, then `hopeless`, a word that is also a word of
/// crisis: the help lines, then the word's page (a feeling word is never turned away).
#[test]
fn a_typed_word_of_crisis_that_is_a_choice_gets_the_help_lines_and_its_page() {
    let mut s = drill_down();
    s.exp_string("Which family of feelings feels closest right now?")
        .unwrap();
    press(&mut s, "sadness\r");
    s.exp_string("Which word fits best?").unwrap();
    s.exp_string("hopeless").unwrap();
    press(&mut s, "hopeless\r");
    s.exp_string("116 123").unwrap();
    let page = s.exp_string("In the body:").unwrap();
    assert!(
        !page.contains("Which word fits best?"),
        "not asked again: {page}"
    );
    s.exp_eof().unwrap();
}
