//! Checks for topics: ids, one-line fields, the Markdown subset of the body, content notes
//! where a page touches abuse or trauma, and sources.

use crate::content::spanned::Spanned;

use super::{At, Bodies};
use crate::content::model::{Source, Topic};

/// Words whose presence means a topic needs a `content_note`.
const NOTE_WORDS: &[&str] = &["abuse", "trauma", "ptsd", "neglect", "assault", "violen"];

/// Where the text of `value` starts in `file` (after its opening quotes), when the file
/// holds it as written (no escapes); `None` otherwise. Worked out once a body: comparing the
/// body again for each problem in it took time that grew with the square of its length.
pub(super) fn body_start(file: &str, value: &Spanned<String>) -> Option<usize> {
    let span = value.span();
    let raw = file.get(span.clone())?;
    let quote = if raw.starts_with("\"\"\"") || raw.starts_with("'''") {
        3
    } else {
        1
    };
    let mut start = span.start + quote;
    if quote == 3 {
        if file[start..].starts_with("\r\n") {
            start += 2;
        } else if file[start..].starts_with('\n') {
            start += 1;
        }
    }
    let end = span.end.saturating_sub(quote).max(start);
    (file.get(start..end) == Some(value.get_ref().as_str())).then_some(start)
}

pub(super) fn check_topic(topic: &Topic, at: &mut At, bodies: Bodies) {
    at.version(&topic.format_version);
    at.id(&topic.id, "topic id");
    if topic.id.get_ref() == "readme" {
        at.push(
            &topic.id,
            "`readme` cannot be a topic id: the export writes its index to README.md".into(),
        );
    }
    for alias in &topic.aliases {
        at.id(alias, "alias");
    }
    at.line(&topic.title, "title");
    at.line(&topic.summary, "summary");
    if topic.sections.is_empty() {
        at.push(&topic.id, "a topic needs at least one [[sections]]".into());
    }
    for section in &topic.sections {
        at.line(&section.heading, "heading");
        at.text(&section.body, "body");
        if bodies == Bodies::Checked {
            at.markup(&section.body);
        }
    }
    if topic.key_points.is_empty() {
        at.push(&topic.id, "a topic needs at least one key point".into());
    }
    for point in &topic.key_points {
        at.inline(point, "key_points item");
    }
    for point in &topic.try_this {
        at.inline(point, "try_this item");
    }
    if let Some(note) = &topic.content_note {
        at.inline(note, "content_note");
    } else if let Some((field, word)) = note_word(topic) {
        at.push(
            field,
            format!("this topic mentions {word}, so it needs a short `content_note` at the top"),
        );
    }
    if topic.sources.len() < 2 {
        at.push(
            &topic.id,
            format!(
                "a topic needs at least two [[sources]], found {}",
                topic.sources.len()
            ),
        );
    }
    for source in &topic.sources {
        check_source(source, at);
    }
}

/// The first field of a topic that mentions abuse or trauma, and the word.
fn note_word(topic: &Topic) -> Option<(&Spanned<String>, &'static str)> {
    let fields = [&topic.title, &topic.summary]
        .into_iter()
        .chain(topic.sections.iter().flat_map(|s| [&s.heading, &s.body]))
        .chain(&topic.key_points)
        .chain(&topic.try_this);
    for field in fields {
        let lower = field.get_ref().to_lowercase();
        if let Some(word) = NOTE_WORDS.iter().find(|w| lower.contains(**w)) {
            return Some((field, word));
        }
    }
    None
}

pub(super) fn check_source(source: &Source, at: &mut At) {
    at.text(&source.title, "title");
    if source.authors.is_none() && source.publisher.is_none() {
        at.push(
            &source.title,
            "a source needs `authors` or `publisher`".into(),
        );
    }
    match (&source.year, &source.accessed) {
        (Some(year), _) if !(1900..=2100).contains(year.get_ref()) => {
            at.push(year, format!("year {} looks wrong", year.get_ref()));
        }
        (Some(_), _) => {}
        (None, Some(day)) => at.date(day),
        (None, None) => at.push(
            &source.title,
            "a source needs a `year`, or for an undated page the day it was `accessed`".into(),
        ),
    }
    match (&source.url, &source.doi) {
        (None, None) => at.push(
            &source.title,
            "a source needs an https `url` or a `doi`".into(),
        ),
        (url, doi) => {
            if let Some(url) = url {
                at.https(url);
            }
            if let Some(doi) = doi {
                let d = doi.get_ref();
                if !d.starts_with("10.")
                    || !d.contains('/')
                    || d.contains(|c: char| c.is_whitespace() || c.is_control())
                {
                    at.push(
                        doi,
                        format!("`{d}` is not a bare DOI (like 10.1192/bjp.bp.108.051110)"),
                    );
                }
            }
        }
    }
}
