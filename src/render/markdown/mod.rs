//! CommonMark export: one document, or one file per topic with an index. The output is clean
//! for mdBook and markdownlint: lines of at most 80 columns, one blank line between blocks,
//! no two headings alike, and content text always escaped.

pub mod book;
pub mod credit;
pub mod doc;

use std::io::{self, Write};

use doc::{Doc, code, escape, field, link};

use crate::content::Library;
use crate::content::model::{SupportLine, Topic};

/// How a topic is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// Its own file: headings for every part, links to other topic files.
    File,
    /// A chapter of one document: the fixed parts get bold lead-ins, related topics are commands.
    Chapter,
}

fn topic_blocks<W: Write>(
    doc: &mut Doc<'_, W>,
    library: &Library,
    topic: &Topic,
    level: usize,
    layout: Layout,
) -> io::Result<()> {
    let labels = &library.page_words().labels;
    let title = topic.title.get_ref();
    doc.heading(level, title, topic.id.get_ref())?;
    if let Some(note) = library.fallback_note(&topic.file) {
        doc.para(&format!("*{}*", escape(&note)))?;
    }
    doc.para(&escape(topic.summary.get_ref()))?;
    if let Some(note) = &topic.content_note {
        doc.para(&format!(
            "**{}:** {}",
            escape(labels.content_note.get_ref()),
            field(note.get_ref())
        ))?;
    }
    for section in &topic.sections {
        doc.heading(level + 1, section.heading.get_ref(), title)?;
        doc.body(section.body.get_ref())?;
    }
    // A part of the page: a heading in a file, a bold lead-in in a chapter.
    let part = |doc: &mut Doc<'_, W>, label: &str| match layout {
        Layout::File => doc.heading(level + 1, label, title),
        Layout::Chapter => doc.para(&format!("**{}:**", escape(label))),
    };
    part(doc, labels.key_points.get_ref())?;
    doc.list(topic.key_points.iter().map(|p| field(p.get_ref())))?;
    if !topic.try_this.is_empty() {
        part(doc, labels.try_this.get_ref())?;
        doc.list(topic.try_this.iter().map(|p| field(p.get_ref())))?;
    }
    if !topic.related.is_empty() {
        part(doc, labels.related.get_ref())?;
        doc.list(topic.related.iter().map(|id| {
            let id = id.get_ref();
            let title = library
                .topic(id)
                .map(|t| t.title.get_ref().as_str())
                .unwrap_or(id);
            let command = code(&format!("numb learn {id}"));
            // A topic left out of this export (`--pack-only`) has no file to link to.
            match layout {
                Layout::File if library.topic(id).is_some() => {
                    format!("{}: {command}", link(title, &format!("{id}.md")))
                }
                _ => format!("{}: {command}", escape(title)),
            }
        }))?;
    }
    part(doc, labels.sources.get_ref())?;
    sources(doc, &topic.sources)?;
    doc.para(&field(library.page_words().support_pointer.get_ref()))
}

/// A numbered list of sources, each linked where it can be.
pub(crate) fn sources<W: Write>(
    doc: &mut Doc<'_, W>,
    sources: &[crate::content::model::Source],
) -> io::Result<()> {
    doc.numbered(sources.iter().map(|s| {
        let title = s.title.get_ref().trim_end();
        let stop = &s.title_sentence()[title.len()..];
        let title = match s.link() {
            Some(url) => link(title, &url),
            None => escape(title),
        };
        format!("{title}{stop} {}.", escape(&s.byline()))
    }))
}

/// One topic as a stand-alone CommonMark file (`# Title` first), ending with its pack's
/// credit line.
pub fn topic_file<W: Write>(out: &mut W, library: &Library, topic: &Topic) -> io::Result<()> {
    let mut doc = Doc::new(out);
    topic_blocks(&mut doc, library, topic, 1, Layout::File)?;
    credit::credits(&mut doc, library, library.credit(&topic.file))
}

/// A topic as a handout of its own (`numb export --format markdown --out DIR`): the page, then
/// the help lines as text (a reader on paper cannot run `numb support`), then its pack's
/// credit line.
pub fn handout<W: Write>(out: &mut W, library: &Library, topic: &Topic) -> io::Result<()> {
    let mut doc = Doc::new(out);
    topic_blocks(&mut doc, library, topic, 1, Layout::File)?;
    support_blocks(&mut doc, library, 2)?;
    credit::credits(&mut doc, library, library.credit(&topic.file))
}

/// Every topic, every practice, the words for feelings and the support page in one CommonMark
/// document, ending with the credit line of each pack.
pub fn document<W: Write>(out: &mut W, library: &Library) -> io::Result<()> {
    let mut doc = Doc::new(out);
    doc.heading(1, library.app.welcome.title.get_ref(), "")?;
    doc.body(library.app.welcome.body.get_ref())?;
    for topic in &library.topics {
        topic_blocks(&mut doc, library, topic, 2, Layout::Chapter)?;
    }
    for practice in &library.practices {
        book::practice_blocks(&mut doc, library, practice, 2, None)?;
    }
    book::feelings_blocks(&mut doc, library, 2)?;
    support_blocks(&mut doc, library, 2)?;
    credit::credits(&mut doc, library, library.all_credits())
}

/// The index of a per-topic export: links to every topic file, the support lines, then the
/// credit line of each pack.
pub fn index<W: Write>(out: &mut W, library: &Library) -> io::Result<()> {
    let mut doc = Doc::new(out);
    doc.heading(1, library.app.welcome.title.get_ref(), "")?;
    doc.body(library.app.welcome.body.get_ref())?;
    doc.list(library.topics.iter().map(|t| {
        let file = format!("{}.md", t.id.get_ref());
        format!(
            "{}: {}",
            link(t.title.get_ref(), &file),
            escape(t.summary.get_ref())
        )
    }))?;
    if !library.practices.is_empty() {
        doc.heading(2, library.page_words().labels.practices.get_ref(), "")?;
        doc.list(library.practices.iter().map(|p| {
            format!(
                "{}: {}",
                link(p.title.get_ref(), &practice_file(p.id.get_ref())),
                escape(p.summary.get_ref())
            )
        }))?;
    }
    support_blocks(&mut doc, library, 2)?;
    credit::credits(&mut doc, library, library.all_credits())
}

/// A practice's file in a per-topic export: in a folder of their own, beside the topics.
pub fn practice_file(id: &str) -> String {
    format!("practices/{id}.md")
}

/// One practice as a file of a per-topic export (its related topics link to their files),
/// ending with its pack's credit line.
pub fn practice_page<W: Write>(
    out: &mut W,
    library: &Library,
    practice: &crate::content::model::Practice,
) -> io::Result<()> {
    let mut doc = Doc::new(out);
    book::practice_blocks(
        &mut doc,
        library,
        practice,
        1,
        Some(|id| format!("../{id}.md")),
    )?;
    credit::credits(&mut doc, library, library.credit(&practice.file))
}

pub(crate) fn support_blocks<W: Write>(
    doc: &mut Doc<'_, W>,
    library: &Library,
    level: usize,
) -> io::Result<()> {
    let page = &library.support;
    let labels = &library.app.support_labels;
    let checked = |date: &toml::value::Datetime| {
        escape(
            &labels
                .checked
                .get_ref()
                .replace("{date}", &date.to_string()),
        )
    };
    let title = labels.title.get_ref();
    doc.heading(level, title, "")?;
    doc.para(&field(page.intro.get_ref()))?;
    doc.heading(level + 1, labels.emergency.get_ref(), title)?;
    for e in page.local_emergency.iter().chain([&page.emergency]) {
        doc.para(&field(e.text.get_ref()))?;
        doc.para(&format!(
            "**{}** ({})",
            field(e.numbers.get_ref()),
            checked(e.verified_on.get_ref())
        ))?;
    }
    doc.heading(level + 1, labels.directory.get_ref(), title)?;
    let d = &page.directory;
    doc.para(&format!(
        "{}: {} ({})",
        link(d.name.get_ref(), d.url.get_ref()),
        field(d.text.get_ref()),
        checked(d.verified_on.get_ref())
    ))?;
    if !page.lines.is_empty() {
        doc.heading(level + 1, labels.by_country.get_ref(), title)?;
        doc.list(page.lines.iter().map(|line: &SupportLine| {
            let countries: Vec<&str> = line
                .countries
                .iter()
                .map(|c| c.get_ref().as_str())
                .collect();
            let name = match &line.url {
                Some(url) => link(line.name.get_ref(), url.get_ref()),
                None => escape(line.name.get_ref()),
            };
            let details = line
                .details
                .as_ref()
                .map(|d| format!(" {}", field(d.get_ref())))
                .unwrap_or_default();
            let contact = field(line.contact.get_ref().trim_end_matches('.'));
            format!(
                "**{}:** {name}. {contact}.{details} ({})",
                countries.join(", "),
                checked(line.verified_on.get_ref())
            )
        }))?;
    }
    Ok(())
}
