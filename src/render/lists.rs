//! `--format json` wherever numb shows a list, for scripts: the topics (`learn`), the
//! questionnaires (`reflect --list`), the practices (`practice`), the words for feelings
//! (`feelings`, and one word), and the help lines (`support`). Each output has a schema in
//! `schema/` and a `schema_version`; ids are the ones the commands take.

use std::io::{self, Write};

use serde::Serialize;

use crate::content::Library;
use crate::content::model::{Family, Feelings, SupportPage, Word};
use crate::render::json::SCHEMA_VERSION;

/// Pretty JSON with a trailing newline.
fn write<W: Write>(out: &mut W, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

#[derive(Serialize)]
struct Topics<'a> {
    schema_version: u32,
    topics: Vec<TopicEntry<'a>>,
}

#[derive(Serialize)]
struct TopicEntry<'a> {
    id: &'a str,
    title: &'a str,
    summary: &'a str,
    aliases: Vec<&'a str>,
}

/// `numb learn --format json`: every topic, in reading order.
pub fn topics<W: Write>(out: &mut W, library: &Library) -> io::Result<()> {
    let topics = library
        .topics
        .iter()
        .map(|t| TopicEntry {
            id: t.id.get_ref(),
            title: t.title.get_ref(),
            summary: t.summary.get_ref(),
            aliases: t.aliases.iter().map(|a| a.get_ref().as_str()).collect(),
        })
        .collect();
    write(
        out,
        &Topics {
            schema_version: SCHEMA_VERSION,
            topics,
        },
    )
}

#[derive(Serialize)]
struct Questionnaires<'a> {
    schema_version: u32,
    questionnaires: Vec<QuestionnaireEntry<'a>>,
}

#[derive(Serialize)]
struct QuestionnaireEntry<'a> {
    id: &'a str,
    kind: String,
    title: &'a str,
    summary: &'a str,
    minutes: u32,
    items: usize,
}

/// `numb reflect --list --format json`: every questionnaire, the default first.
pub fn questionnaires<W: Write>(out: &mut W, library: &Library) -> io::Result<()> {
    let questionnaires = library
        .questionnaires
        .iter()
        .map(|q| QuestionnaireEntry {
            id: q.id.get_ref(),
            kind: serde_json::to_value(q.kind.get_ref())
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            title: q.title.get_ref(),
            summary: q.summary.get_ref(),
            minutes: *q.minutes.get_ref(),
            items: q.items.len(),
        })
        .collect();
    write(
        out,
        &Questionnaires {
            schema_version: SCHEMA_VERSION,
            questionnaires,
        },
    )
}

#[derive(Serialize)]
struct Practices<'a> {
    schema_version: u32,
    practices: Vec<PracticeEntry<'a>>,
}

#[derive(Serialize)]
struct PracticeEntry<'a> {
    id: &'a str,
    title: &'a str,
    summary: &'a str,
    minutes: u32,
    steps: usize,
    related: Vec<&'a str>,
}

/// `numb practice --format json`: every guided practice.
pub fn practices<W: Write>(out: &mut W, library: &Library) -> io::Result<()> {
    let practices = library
        .practices
        .iter()
        .map(|p| PracticeEntry {
            id: p.id.get_ref(),
            title: p.title.get_ref(),
            summary: p.summary.get_ref(),
            minutes: *p.minutes.get_ref(),
            steps: p.steps.len(),
            related: p.related.iter().map(|r| r.get_ref().as_str()).collect(),
        })
        .collect();
    write(
        out,
        &Practices {
            schema_version: SCHEMA_VERSION,
            practices,
        },
    )
}

#[derive(Serialize)]
struct Vocabulary<'a> {
    schema_version: u32,
    feelings: &'a Feelings,
}

/// `numb feelings --format json`: the whole vocabulary, as the JSON export has it.
pub fn feelings<W: Write>(out: &mut W, library: &Library) -> io::Result<()> {
    write(
        out,
        &Vocabulary {
            schema_version: SCHEMA_VERSION,
            feelings: &library.feelings,
        },
    )
}

#[derive(Serialize)]
struct OneWord<'a> {
    schema_version: u32,
    /// What was asked, as typed.
    asked: &'a str,
    /// The word, when it is one.
    word: Option<&'a Word>,
    /// The family it belongs to, or the family of that name.
    family: Option<FamilyEntry<'a>>,
    /// Words of the list close to an unknown word (empty otherwise).
    nearest: Vec<&'a str>,
}

#[derive(Serialize)]
struct FamilyEntry<'a> {
    id: &'a str,
    name: &'a str,
    meaning: &'a str,
    words: Vec<&'a str>,
}

/// `numb feelings WORD --format json`: the word and its family; a family's name gives the
/// family; an unknown word gives the nearest words (a feeling word is never an error).
pub fn feeling_word<W: Write>(out: &mut W, library: &Library, asked: &str) -> io::Result<()> {
    let lower = asked.trim().to_lowercase();
    let found = library.feeling(asked);
    let named = library
        .feelings
        .families
        .iter()
        .find(|f| *f.id.get_ref() == lower || f.name.get_ref().to_lowercase() == lower);
    let family = found.map(|(family, _)| family).or(named);
    let nearest = match (found, family) {
        (None, None) => library.nearest_feelings(&lower),
        _ => Vec::new(),
    };
    write(
        out,
        &OneWord {
            schema_version: SCHEMA_VERSION,
            asked,
            word: found.map(|(_, word)| word),
            family: family.map(family_entry),
            nearest,
        },
    )
}

fn family_entry(family: &Family) -> FamilyEntry<'_> {
    FamilyEntry {
        id: family.id.get_ref(),
        name: family.name.get_ref(),
        meaning: family.meaning.get_ref(),
        words: family
            .words
            .iter()
            .map(|w| w.word.get_ref().as_str())
            .collect(),
    }
}

#[derive(Serialize)]
struct Support<'a> {
    schema_version: u32,
    /// The country whose lines come first, as a two-letter code; null when unknown.
    country: Option<&'a str>,
    /// The one line that points to `numb support` on every page.
    support_pointer: &'a str,
    support: &'a SupportPage,
}

/// `numb support --format json`: the whole support page as the JSON export has it, with the
/// country the person's lines are for.
pub fn support<W: Write>(out: &mut W, library: &Library, country: Option<&str>) -> io::Result<()> {
    write(
        out,
        &Support {
            schema_version: SCHEMA_VERSION,
            country,
            support_pointer: library.page_words().support_pointer.get_ref(),
            support: &library.support,
        },
    )
}
