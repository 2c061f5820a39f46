//! `numb check`: load packs the way every command does, and report what each brought, which
//! ids were replaced, and every problem.

use std::io::{self, Write};
use std::path::PathBuf;

use serde::Serialize;

use crate::cli::CheckFormat;
use crate::content::load::{Loaded, PackInfo, load_all};
use crate::error::{Error, files_of, total};

/// Bumped whenever the JSON report changes in a way a script could notice.
pub const SCHEMA_VERSION: u32 = 1;

/// Checks the built-in content and `dirs`; writes the report to `out`. Problems come back as
/// the error, so they go to stderr with the exit code 65 (in JSON they are in the report).
pub fn run<W: Write>(out: &mut W, dirs: &[PathBuf], format: CheckFormat) -> Result<(), Error> {
    // Today on this machine, in its own time zone: a help line cannot have been checked later.
    let today = jiff::Zoned::now().date();
    let loaded = load_all(dirs, Some(today))?;
    let written = match format {
        CheckFormat::Text => text(out, &loaded),
        CheckFormat::Json => json(out, &loaded),
    }
    .and_then(|()| out.flush());
    // A reader gone from stdout (`numb check | head`) must not turn problems into success.
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => return Err(Error::Write(e)),
        _ => {}
    }
    if loaded.problems.is_empty() {
        return Ok(());
    }
    Err(match format {
        CheckFormat::Text => Error::Content(loaded.problems),
        CheckFormat::Json => Error::Checked {
            problems: total(&loaded.problems),
            files: files_of(&loaded.problems),
        },
    })
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn where_from(pack: &PackInfo) -> String {
    match &pack.path {
        Some(path) => shown(&path.display().to_string()),
        None => "built in".to_string(),
    }
}

fn text<W: Write>(out: &mut W, loaded: &Loaded) -> io::Result<()> {
    let files: usize = loaded.packs.iter().map(|p| p.files).sum();
    writeln!(
        out,
        "Checked {} and {}:",
        plural(loaded.packs.len(), "pack", "packs"),
        plural(files, "file", "files")
    )?;
    for pack in &loaded.packs {
        let mut parts = vec![
            plural(pack.topics, "topic", "topics"),
            plural(pack.questionnaires, "questionnaire", "questionnaires"),
            plural(pack.practices, "practice", "practices"),
        ];
        if pack.support {
            parts.push("support lines".into());
        }
        let name = if pack.name.is_empty() {
            "(no name)".to_string()
        } else {
            format!("{} ({})", shown(&pack.name), shown(&pack.language))
        };
        writeln!(out, "  {name}, {}: {}", where_from(pack), parts.join(", "))?;
    }
    if !loaded.replacements.is_empty() {
        writeln!(out, "\nReplaced by a later pack:")?;
        for r in &loaded.replacements {
            writeln!(
                out,
                "  {} `{}`: {} replaces {}",
                r.what,
                shown(&r.id),
                shown(&r.by),
                shown(&r.replaced)
            )?;
        }
    }
    if loaded.problems.is_empty() {
        writeln!(out, "\nNo problems found.")?;
    } else {
        // The problems follow on stderr; a blank line keeps them apart on a terminal.
        writeln!(out)?;
    }
    Ok(())
}

#[derive(Serialize)]
struct Report<'a> {
    schema_version: u32,
    ok: bool,
    /// Every problem found, counting those past the 50 shown per file.
    problem_count: usize,
    packs: Vec<JsonPack>,
    replacements: Vec<JsonReplacement<'a>>,
    problems: Vec<JsonProblem>,
}

#[derive(Serialize)]
struct JsonPack {
    /// `null` for the built-in pack.
    path: Option<String>,
    name: String,
    language: String,
    files: usize,
    topics: usize,
    questionnaires: usize,
    practices: usize,
    support: bool,
}

#[derive(Serialize)]
struct JsonReplacement<'a> {
    kind: &'a str,
    id: &'a str,
    file: String,
    replaces: String,
}

#[derive(Serialize)]
struct JsonProblem {
    path: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    message: String,
}

/// Text for the report: control characters and bidi controls written out as visible escapes
/// (in JSON too: serde_json leaves all but C0 as they are, and reports end up in terminals).
fn shown(text: &str) -> String {
    crate::render::sanitize::escape_controls(text)
}

fn json<W: Write>(out: &mut W, loaded: &Loaded) -> io::Result<()> {
    let report = Report {
        schema_version: SCHEMA_VERSION,
        ok: loaded.problems.is_empty(),
        problem_count: total(&loaded.problems),
        packs: loaded
            .packs
            .iter()
            .map(|p| JsonPack {
                path: p.path.as_ref().map(|p| shown(&p.display().to_string())),
                name: shown(&p.name),
                language: shown(&p.language),
                files: p.files,
                topics: p.topics,
                questionnaires: p.questionnaires,
                practices: p.practices,
                support: p.support,
            })
            .collect(),
        replacements: loaded
            .replacements
            .iter()
            .map(|r| JsonReplacement {
                kind: r.what,
                id: &r.id,
                file: shown(&r.by),
                replaces: shown(&r.replaced),
            })
            .collect(),
        problems: loaded
            .problems
            .iter()
            .map(|p| {
                let (line, column) = p.line_col();
                let (end_line, end_column) = p.end_line_col();
                JsonProblem {
                    path: shown(&p.file.path),
                    line,
                    column,
                    end_line,
                    end_column,
                    message: shown(&p.message),
                }
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}
