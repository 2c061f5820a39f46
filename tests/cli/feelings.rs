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
