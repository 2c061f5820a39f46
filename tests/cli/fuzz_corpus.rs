//! The fuzzers' saved corpora (`fuzz/corpus/<target>/`), replayed through the same checks the
//! fuzz targets run (`numb::fuzzing`), so that CI checks every input the fuzzers kept, and every
//! finding once fixed, on stable Rust.

use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut inputs = 0;
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        let data = std::fs::read(entry.path()).unwrap();
        let outcome = std::panic::catch_unwind(|| check(&data));
        assert!(
            outcome.is_ok(),
            "{target}: {} fails",
            entry.path().display()
        );
        inputs += 1;
    }
    assert!(inputs > 0, "{target} has a corpus");
}

#[test]
fn the_content_file_corpus_holds() {
    replay("content_file", numb::fuzzing::content_file);
}

#[test]
fn the_markup_corpus_holds() {
    replay("markup", numb::fuzzing::markup);
}

#[test]
fn the_answers_corpus_holds() {
    replay("answers", numb::fuzzing::answers);
}

#[test]
fn the_history_corpus_holds() {
    replay("history", numb::fuzzing::history);
}

#[test]
fn the_config_corpus_holds() {
    replay("config", numb::fuzzing::config);
}
