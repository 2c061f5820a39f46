//! `numb check`: load packs the way every command does, and report what each brought, which
//! ids were replaced, and every problem.

use std::io::{self, Write};
use std::path::PathBuf;

use serde::Serialize;

use crate::cli::CheckFormat;
use crate::content::load::{Coverage, LANG, Loaded, PackInfo, State, load_all_in};
use crate::error::{Error, files_of, total};

/// Bumped whenever the JSON report changes in a way a script could notice.
pub const SCHEMA_VERSION: u32 = 1;

/// Checks the built-in content and `dirs`; writes the report to `out`. Problems come back as
/// the error, so they go to stderr with the exit code 65 (in JSON they are in the report).
pub fn run<W: Write>(out: &mut W, dirs: &[PathBuf], format: CheckFormat) -> Result<(), Error> {
    // Today on this machine, in its own time zone: a help line cannot have been checked later.
    let today = jiff::Zoned::now().date();
    let loaded = every_language(dirs, today)?;
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

/// Loads `dirs` in English, then once in every language numb or a pack has a translation
/// into: the packs and problems of all of them (each problem once), and each translation's
/// coverage.
fn every_language(dirs: &[PathBuf], today: jiff::civil::Date) -> Result<Loaded, Error> {
    let mut loaded = load_all_in(dirs, Some(today), LANG)?;
    let mut languages: Vec<String> = (crate::content::embedded::LANGUAGES.iter())
        .map(|l| (*l).to_string())
        .collect();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let tag = (2..=3).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_lowercase());
            if tag && entry.path().join("pack.toml").is_file() && !languages.contains(&name) {
                languages.push(name);
            }
        }
    }
    for lang in languages.iter().filter(|l| *l != LANG) {
        let more = load_all_in(dirs, Some(today), lang)?;
        for problem in more.problems {
            let known = loaded.problems.iter().any(|p| {
                p.file.path == problem.file.path
                    && p.span == problem.span
                    && p.message == problem.message
            });
            if !known {
                loaded.problems.push(problem);
            }
        }
        // Each translation right after what it translates.
        for pack in more.packs.into_iter().filter(|p| p.translates.is_some()) {
            let after = match &pack.path {
                None => loaded.packs.iter().rposition(|p| p.path.is_none()),
                Some(path) => {
                    (loaded.packs.iter()).position(|p| p.path.as_deref() == path.parent())
                }
            };
            let at = after.map_or(loaded.packs.len(), |i| i + 1);
            loaded.packs.insert(at, pack);
        }
        loaded.coverage.extend(more.coverage);
    }
    Ok(loaded)
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
    let translated = loaded
        .packs
        .iter()
        .filter(|p| p.translates.is_some())
        .count();
    let packs = plural(loaded.packs.len() - translated, "pack", "packs");
    let files = plural(files, "file", "files");
    match translated {
        0 => writeln!(out, "Checked {packs} and {files}:")?,
        n => writeln!(
            out,
            "Checked {packs}, {} and {files}:",
            plural(n, "translation", "translations")
        )?,
    }
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
    translations(out, loaded)?;
    if loaded.problems.is_empty() {
        writeln!(out, "\nNo problems found.")?;
    } else {
        // The problems follow on stderr; a blank line keeps them apart on a terminal.
        writeln!(out)?;
    }
    Ok(())
}

/// Each translation (its language and folder, `None` for the built-in content) with what
/// it has and what it lacks.
fn by_translation(loaded: &Loaded) -> Vec<(String, Option<String>, Vec<&Coverage>)> {
    let mut out: Vec<(String, Option<String>, Vec<&Coverage>)> = Vec::new();
    for pack in loaded.packs.iter().filter(|p| p.translates.is_some()) {
        let items = (loaded.coverage.iter())
            .filter(|c| c.language == pack.language && c.place == pack.path)
            .collect();
        let path = pack.path.as_ref().map(|p| p.display().to_string());
        out.push((pack.language.clone(), path, items));
    }
    out
}

/// The translations: how many items are current, out of date or missing, then each item
/// that is not current.
fn translations<W: Write>(out: &mut W, loaded: &Loaded) -> io::Result<()> {
    let all = by_translation(loaded);
    if all.is_empty() {
        return Ok(());
    }
    writeln!(out, "\nTranslations:")?;
    for (language, path, items) in all {
        let count = |f: fn(&State) -> bool| items.iter().filter(|c| f(&c.state)).count();
        let current = count(|s| *s == State::Current);
        let outdated = count(|s| matches!(s, State::Outdated { .. }));
        let missing = count(|s| *s == State::Missing);
        let place = path.as_deref().map_or("built in".to_string(), shown);
        writeln!(
            out,
            "  {} ({place}): {current} current, {outdated} out of date, {missing} missing",
            shown(&language)
        )?;
        for c in items {
            match &c.state {
                State::Current if c.missing_keys.is_empty() => {}
                State::Current => writeln!(
                    out,
                    "    {}: {} left to the original ({})",
                    shown(&c.path),
                    plural(c.missing_keys.len(), "key", "keys"),
                    shown(&c.missing_keys.join(", "))
                )?,
                State::Outdated { follows, now } => writeln!(
                    out,
                    "    out of date: {} `{}` ({}): {}; compare it with the original, then set translated_from = \"{now}\"",
                    c.what,
                    shown(&c.id),
                    shown(&c.path),
                    match follows {
                        Some(f) => format!("it follows {}", shown(f)),
                        None => "it does not say which text it follows".to_string(),
                    }
                )?,
                State::Missing => writeln!(
                    out,
                    "    missing: {} `{}` (shown from {})",
                    c.what,
                    shown(&c.id),
                    shown(&c.path)
                )?,
            }
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonTranslation {
    language: String,
    /// `null` for the built-in content.
    path: Option<String>,
    current: usize,
    outdated: usize,
    missing: usize,
    items: Vec<JsonCoverage>,
}

#[derive(Serialize)]
struct JsonCoverage {
    kind: &'static str,
    id: String,
    path: String,
    state: &'static str,
    follows: Option<String>,
    original: Option<String>,
    keys_left_to_the_original: Vec<String>,
}

fn json_translations(loaded: &Loaded) -> Vec<JsonTranslation> {
    by_translation(loaded)
        .into_iter()
        .map(|(language, path, items)| {
            let count = |f: fn(&State) -> bool| items.iter().filter(|c| f(&c.state)).count();
            JsonTranslation {
                language: shown(&language),
                path: path.as_deref().map(shown),
                current: count(|s| *s == State::Current),
                outdated: count(|s| matches!(s, State::Outdated { .. })),
                missing: count(|s| *s == State::Missing),
                items: items
                    .into_iter()
                    .map(|c| {
                        let (state, follows, original) = match &c.state {
                            State::Current => ("current", None, None),
                            State::Outdated { follows, now } => {
                                ("outdated", follows.as_deref().map(shown), Some(now.clone()))
                            }
                            State::Missing => ("missing", None, None),
                        };
                        JsonCoverage {
                            kind: c.what,
                            id: shown(&c.id),
                            path: shown(&c.path),
                            state,
                            follows,
                            original,
                            keys_left_to_the_original: c
                                .missing_keys
                                .iter()
                                .map(|k| shown(k))
                                .collect(),
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

#[derive(Serialize)]
struct Report<'a> {
    schema_version: u32,
    ok: bool,
    /// Every problem found, counting those past the 50 shown per file.
    problem_count: usize,
    packs: Vec<JsonPack>,
    replacements: Vec<JsonReplacement<'a>>,
    /// How complete and current each translation is.
    translations: Vec<JsonTranslation>,
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
        translations: json_translations(loaded),
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
