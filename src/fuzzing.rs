//! What must hold whatever bytes numb is given: the checks the fuzz targets in `fuzz/` run on
//! arbitrary input, and `cargo test` runs on their saved corpora (`fuzz/corpus/*`). Each
//! panics when something that must hold does not: no panic inside numb, every problem placed
//! inside the input, and round trips equal.

use std::io::Cursor;
use std::path::Path;
use std::sync::OnceLock;

use crate::cli::HistoryFormat;
use crate::content::Library;
use crate::render::Look;

/// The built-in library, loaded once.
fn library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| crate::content::load::load_in(&[], "en").expect("built-in content"))
}

/// Where each kind of content file sits in a pack; the first byte of the input picks one.
const NAMES: &[&str] = &[
    "topics/fuzz.toml",
    "questionnaires/fuzz.toml",
    "practices/fuzz.toml",
    "support.toml",
    "feelings.toml",
    "pack.toml",
];

/// One content file, of the kind the first byte picks, through the load and checks `numb
/// check` runs: every problem about it is placed inside it, and every problem renders.
pub fn content_file(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let name = NAMES[usize::from(pick) % NAMES.len()];
    let loaded = crate::content::load::check_one_file(name, text);
    let path = format!("pack/{name}");
    for problem in &loaded.problems {
        if problem.file.path == path {
            assert!(
                problem.span.start <= problem.span.end && problem.span.start <= text.len(),
                "{:?} is outside the {} bytes of the input: {}",
                problem.span,
                text.len(),
                problem.message
            );
        }
    }
    if !loaded.problems.is_empty() {
        let _ = crate::Error::Content(loaded.problems).report(false);
    }
}

/// Body text through the Markdown-subset checker, the terminal renderer and the Markdown
/// writer; what the writer wrote, read again, is never refused.
pub fn markup(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let problems = crate::content::markup::problems(text);
    let parsed = crate::content::markup::parse(text);
    assert_eq!(
        parsed.is_ok(),
        problems.is_empty(),
        "the checker and the parser disagree"
    );
    if parsed.is_err() {
        return;
    }
    for width in [20, 80] {
        let mut out = Vec::new();
        let look = Look {
            width,
            color: false,
            plain: false,
        };
        crate::render::terminal::page::Page::new(&mut out, look)
            .body(text)
            .expect("writing to memory");
    }
    let mut out = Vec::new();
    {
        let mut doc = crate::render::markdown::doc::Doc::new(&mut out);
        doc.body(text).expect("a body the checker took is written");
    }
    let written = String::from_utf8(out).expect("the writer writes UTF-8");
    if let Err(e) = crate::content::markup::check(&written) {
        panic!("the writer's own output is refused: {e:?}\n{written}");
    }
}

/// `--answers` text (a list, a JSON list or a JSON object) for each built-in questionnaire:
/// an error, or one answer for each item.
pub fn answers(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for q in &library().questionnaires {
        if let Ok(answers) = crate::reflect::answers::parse(q, text) {
            assert_eq!(answers.len(), q.items.len());
        }
    }
}

/// A history file through the reader and the table, JSON, CSV, trend and report writers.
pub fn history(data: &[u8]) {
    let path = Path::new("history.jsonl");
    let history = crate::history::store::parse::<crate::history::Record>(Cursor::new(data), path)
        .expect("reading from memory");
    let scores = crate::history::store::parse::<crate::history::Scores>(Cursor::new(data), path)
        .expect("reading from memory");
    // The trend reads only the scores: a line damaged elsewhere (bytes that are not UTF-8 in
    // an answer's words) still counts there, while the table names it as damaged. Never the
    // other way round.
    assert!(
        scores.records.len() >= history.records.len(),
        "the scores reader skips a line the whole-record reader takes"
    );
    let look = Look {
        width: 80,
        color: false,
        plain: false,
    };
    for format in [HistoryFormat::Text, HistoryFormat::Json, HistoryFormat::Csv] {
        let mut out = Vec::new();
        crate::history::list::write(&mut out, library(), &history, format, look)
            .expect("writing to memory");
    }
    let records: Vec<&crate::history::Record> = history.records.iter().collect();
    let _ = crate::history::trend::facets(&records);
    for spoken in [false, true] {
        let mut out = Vec::new();
        crate::history::report::markdown(&mut out, library(), &records, false, spoken)
            .expect("writing to memory");
    }
}

/// A settings file: read, or an error that starts with a line and column inside it.
pub fn config(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(e) = crate::config::parse(text) {
        let lines = text.split('\n').count();
        if let Some((line, _)) = e.split_once(':')
            && let Ok(line) = line.parse::<usize>()
        {
            assert!(
                line >= 1 && line <= lines.max(1),
                "line {line} of {lines}: {e}"
            );
        }
    }
}
