//! An mdBook: `book.toml`, `src/SUMMARY.md`, an introduction, a chapter per topic, a printable
//! worksheet per questionnaire and the support page. Every file is clean CommonMark (see
//! [`super::doc`]), and every link between chapters points at a file the book has.

use std::io::{self, Write};

use super::credit::credits;
use super::doc::{Doc, escape, field, keep_together, link};
use super::{support_blocks, topic_file};
use crate::content::Library;
use crate::content::model::{Questionnaire, QuestionnaireKind};
use crate::render::fill;

/// The file of a topic's chapter, relative to `src/`.
pub fn topic_path(id: &str) -> String {
    format!("topics/{id}.md")
}

/// The file of a questionnaire's worksheet, relative to `src/`.
pub fn worksheet_path(id: &str) -> String {
    format!("worksheets/{id}.md")
}

/// The support page, relative to `src/`.
pub const SUPPORT: &str = "support.md";

/// The file of a practice's chapter, relative to `src/`.
pub fn practice_path(id: &str) -> String {
    format!("practices/{id}.md")
}

/// The words for feelings, relative to `src/`.
pub const FEELINGS: &str = "feelings.md";

/// The introduction, relative to `src/`.
pub const INTRODUCTION: &str = "README.md";

#[derive(serde::Serialize)]
struct BookToml<'a> {
    book: BookSection<'a>,
    output: Output,
}

#[derive(serde::Serialize)]
struct Output {
    html: Html,
}

/// Content text stays as written: no curly quotes, and `--flag` does not become `–flag`.
#[derive(serde::Serialize)]
struct Html {
    #[serde(rename = "smart-punctuation")]
    smart_punctuation: bool,
}

#[derive(serde::Serialize)]
struct BookSection<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    authors: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    language: &'a str,
}

/// `book.toml`: the title, authors, description and language, nothing that would fetch
/// anything. A book with content packs is the last pack's (the one that wins where packs
/// overlap): its `book_title` (else its name), authors, description and language. Without a
/// pack it is numb's own.
pub fn book_toml<W: Write>(out: &mut W, library: &Library, language: &str) -> io::Result<()> {
    let pack = library
        .credits
        .iter()
        .skip(library.builtin_layers)
        .next_back();
    let book = match pack {
        Some(pack) => BookSection {
            title: pack.book_title.as_deref().unwrap_or(&pack.name),
            authors: pack.authors.as_deref().into_iter().collect(),
            description: pack.description.as_deref(),
            language: if pack.language.is_empty() {
                language
            } else {
                &pack.language
            },
        },
        None => BookSection {
            title: library.app.welcome.title.get_ref(),
            authors: Vec::new(),
            description: None,
            language,
        },
    };
    let config = BookToml {
        book,
        output: Output {
            html: Html {
                smart_punctuation: false,
            },
        },
    };
    let text = toml::to_string(&config).map_err(io::Error::other)?;
    out.write_all(text.as_bytes())
}

/// `src/SUMMARY.md`: the introduction, then a part each for topics, worksheets and help.
pub fn summary<W: Write>(out: &mut W, library: &Library) -> io::Result<()> {
    let labels = &library.app.book_labels;
    let mut doc = Doc::new(out);
    doc.heading(1, "Summary", "")?;
    doc.para(&link(library.app.welcome.title.get_ref(), INTRODUCTION))?;
    doc.heading(1, labels.topics.get_ref(), "")?;
    doc.list(
        library
            .topics
            .iter()
            .map(|t| link(t.title.get_ref(), &topic_path(t.id.get_ref()))),
    )?;
    if !library.questionnaires.is_empty() {
        doc.heading(1, labels.worksheets.get_ref(), "")?;
        doc.list(
            library
                .questionnaires
                .iter()
                .map(|q| link(q.title.get_ref(), &worksheet_path(q.id.get_ref()))),
        )?;
    }
    doc.heading(1, labels.practices.get_ref(), "")?;
    doc.list(
        library
            .practices
            .iter()
            .map(|p| link(p.title.get_ref(), &practice_path(p.id.get_ref())))
            .chain([link(library.app.feelings_labels.title.get_ref(), FEELINGS)]),
    )?;
    doc.heading(1, labels.help.get_ref(), "")?;
    doc.list([link(library.app.support_labels.title.get_ref(), SUPPORT)])
}

/// A practice as a chapter: why it can help, the steps (with their quiet times and
/// questions), the closing line, what to read next, the sources and its pack's credit line.
pub fn practice<W: Write>(
    out: &mut W,
    library: &Library,
    p: &crate::content::model::Practice,
) -> io::Result<()> {
    let mut doc = Doc::new(out);
    practice_blocks(
        &mut doc,
        library,
        p,
        1,
        Some(|id| format!("../{}", topic_path(id))),
    )?;
    credits(&mut doc, library, library.credit(&p.file))
}

/// A practice's blocks under a heading of `level`; related topics link to the file
/// `topic_file` names for their id, or without one name their commands.
pub fn practice_blocks<W: Write>(
    doc: &mut Doc<'_, W>,
    library: &Library,
    p: &crate::content::model::Practice,
    level: usize,
    topic_file: Option<fn(&str) -> String>,
) -> io::Result<()> {
    let labels = &library.app.practice_labels;
    let title = p.title.get_ref();
    doc.heading(level, title, p.id.get_ref())?;
    doc.para(&escape(p.summary.get_ref()))?;
    doc.heading(level + 1, labels.why.get_ref(), title)?;
    doc.body(p.why.get_ref())?;
    doc.heading(level + 1, labels.steps.get_ref(), title)?;
    doc.numbered_blocks(p.steps.iter().map(|s| {
        let mut text = field(s.text.get_ref());
        if let Some(pause) = &s.pause {
            let pause = fill(
                labels.pause.get_ref(),
                &[("seconds", pause.get_ref().to_string())],
            );
            text.push_str(&format!(" *({})*", escape(&pause)));
        }
        // The question to sit with is its own paragraph, in plain type (emphasis alone on a
        // line reads as a heading to markdownlint).
        std::iter::once(text)
            .chain(s.prompt.iter().map(|p| escape(p.get_ref())))
            .collect::<Vec<_>>()
    }))?;
    doc.para(&field(p.closing.get_ref()))?;
    let related: Vec<String> = p
        .related
        .iter()
        .filter_map(|id| library.topic(id.get_ref()))
        .map(|t| match topic_file {
            Some(file) => link(t.title.get_ref(), &file(t.id.get_ref())),
            None => format!(
                "{}: {}",
                escape(t.title.get_ref()),
                super::doc::code(&format!("numb learn {}", t.id.get_ref()))
            ),
        })
        .collect();
    if !related.is_empty() {
        doc.heading(level + 1, labels.related.get_ref(), title)?;
        doc.list(related)?;
    }
    doc.heading(level + 1, labels.sources.get_ref(), title)?;
    super::sources(doc, &p.sources)?;
    doc.para(&field(library.page_words().support_pointer.get_ref()))
}

/// The words for feelings as a chapter: each family with its words, the path that starts
/// from the body, and the credit line.
pub fn feelings<W: Write>(out: &mut W, library: &Library) -> io::Result<()> {
    let mut doc = Doc::new(out);
    feelings_blocks(&mut doc, library, 1)?;
    credits(&mut doc, library, library.credit(&library.feelings.file))
}

/// The words for feelings under a heading of `level`.
pub fn feelings_blocks<W: Write>(
    doc: &mut Doc<'_, W>,
    library: &Library,
    level: usize,
) -> io::Result<()> {
    let labels = &library.app.feelings_labels;
    let vocabulary = &library.feelings;
    let title = labels.title.get_ref();
    doc.heading(level, title, "")?;
    doc.para(&field(vocabulary.intro.get_ref()))?;
    for family in &vocabulary.families {
        doc.heading(level + 1, family.name.get_ref(), title)?;
        doc.para(&escape(family.meaning.get_ref()))?;
        doc.list(family.words.iter().map(|w| {
            format!(
                "**{}**: {} *{}*",
                escape(w.word.get_ref()),
                field(w.meaning.get_ref()),
                escape(w.body.get_ref())
            )
        }))?;
    }
    doc.heading(level + 1, labels.body_heading.get_ref(), title)?;
    doc.list(vocabulary.sensations.iter().map(|s| {
        let words: Vec<&str> = s.words.iter().map(|w| w.get_ref().as_str()).collect();
        format!("{}: {}", escape(s.cue.get_ref()), escape(&words.join(", ")))
    }))?;
    doc.para(&field(library.page_words().support_pointer.get_ref()))
}

/// `src/README.md`: the welcome text, where each part of the book starts, and the credit line
/// of each pack.
pub fn introduction<W: Write>(out: &mut W, library: &Library) -> io::Result<()> {
    let labels = &library.app.book_labels;
    let mut doc = Doc::new(out);
    doc.heading(1, library.app.welcome.title.get_ref(), "")?;
    doc.body(library.app.welcome.body.get_ref())?;
    doc.heading(2, labels.topics.get_ref(), "")?;
    doc.list(library.topics.iter().map(|t| {
        format!(
            "{}: {}",
            link(t.title.get_ref(), &topic_path(t.id.get_ref())),
            escape(t.summary.get_ref())
        )
    }))?;
    if !library.questionnaires.is_empty() {
        doc.heading(2, labels.worksheets.get_ref(), "")?;
        doc.list(library.questionnaires.iter().map(|q| {
            format!(
                "{}: {}",
                link(q.title.get_ref(), &worksheet_path(q.id.get_ref())),
                escape(q.summary.get_ref())
            )
        }))?;
    }
    doc.para(&field(library.page_words().support_pointer.get_ref()))?;
    credits(&mut doc, library, library.all_credits())
}

/// A topic's chapter: the same page as a per-topic file (related topics link to siblings).
pub fn chapter<W: Write>(
    out: &mut W,
    library: &Library,
    topic: &crate::content::model::Topic,
) -> io::Result<()> {
    topic_file(out, library, topic)
}

/// The support page as a chapter of its own, with the credit line of each pack whose help
/// lines it shows.
pub fn support<W: Write>(out: &mut W, library: &Library) -> io::Result<()> {
    let mut doc = Doc::new(out);
    support_blocks(&mut doc, library, 1)?;
    doc.para(&field(library.app.support_labels.footer.get_ref()))?;
    credits(&mut doc, library, library.support_credits())
}

/// A questionnaire as a worksheet to print: the intro, every question with its answers to
/// tick, how to add up and read the totals, the not-a-diagnosis line, the help lines as text
/// and its pack's credit line.
pub fn worksheet<W: Write>(out: &mut W, library: &Library, q: &Questionnaire) -> io::Result<()> {
    let labels = &library.app.book_labels;
    let mut doc = Doc::new(out);
    let title = q.title.get_ref();
    doc.heading(1, title, "")?;
    doc.body(q.intro.get_ref())?;
    doc.para(&format!(
        "**{}**",
        field(library.app.reflect_labels.not_a_diagnosis.get_ref())
    ))?;
    doc.heading(2, labels.questions.get_ref(), title)?;
    match q.kind.get_ref() {
        QuestionnaireKind::Scale => scale_sheet(&mut doc, library, q)?,
        QuestionnaireKind::Choose => choose_sheet(&mut doc, library, q)?,
    }
    doc.body(q.closing.get_ref())?;
    // On paper nobody can run `numb support`: the help lines are printed here, the ones a
    // content pack adds (its countries) first, then numb's own.
    support_blocks(&mut doc, library, 2)?;
    credits(&mut doc, library, library.credit(&q.file))
}

fn scale_sheet<W: Write>(
    doc: &mut Doc<'_, W>,
    library: &Library,
    q: &Questionnaire,
) -> io::Result<()> {
    let labels = &library.app.book_labels;
    doc.para(&field(labels.how_to_answer.get_ref()))?;
    if let Some(window) = &q.window {
        doc.para(&escape(window.get_ref()))?;
    }
    let answers: Vec<String> = q
        .scale
        .iter()
        .map(|p| {
            keep_together(&format!(
                "☐ {} ({})",
                escape(p.label.get_ref()),
                p.value.get_ref()
            ))
        })
        .collect();
    let answers = answers.join(" ");
    doc.numbered_blocks(
        q.items
            .iter()
            .map(|item| vec![escape(item.text.get_ref()), answers.clone()]),
    )?;
    let low = q.scale.first().map_or(0, |p| *p.value.get_ref());
    let high = q.scale.last().map_or(0, |p| *p.value.get_ref());
    doc.heading(2, labels.reading.get_ref(), q.title.get_ref())?;
    for facet in &q.facets {
        let numbers: Vec<usize> = q
            .items
            .iter()
            .enumerate()
            .filter(|(_, i)| i.facet.as_ref().map(|f| f.get_ref()) == Some(facet.id.get_ref()))
            .map(|(n, _)| n + 1)
            .collect();
        let count = u32::try_from(numbers.len()).unwrap_or(u32::MAX);
        doc.heading(3, facet.name.get_ref(), q.title.get_ref())?;
        doc.para(&field(facet.meaning.get_ref()))?;
        let list: Vec<String> = numbers.iter().map(ToString::to_string).collect();
        // "1 and 7", "1, 4 and 7": read as a person would write them.
        let questions = match list.split_last() {
            Some((last, rest)) if !rest.is_empty() => {
                format!("{} {} {last}", rest.join(", "), labels.and.get_ref())
            }
            _ => list.concat(),
        };
        doc.para(&field(&fill(
            labels.facet_sum.get_ref(),
            &[
                ("questions", questions),
                ("min", (count * low).to_string()),
                ("max", (count * high).to_string()),
            ],
        )))?;
        for n in &numbers {
            if q.items[n - 1].is_reverse() {
                doc.para(&field(&fill(
                    labels.reverse.get_ref(),
                    &[
                        ("question", n.to_string()),
                        ("total", (low + high).to_string()),
                    ],
                )))?;
            }
        }
        doc.list(facet.bands.iter().map(|band| {
            let head = fill(
                labels.band.get_ref(),
                &[
                    ("from", band.from.get_ref().to_string()),
                    ("to", band.to.get_ref().to_string()),
                    ("label", band.label.get_ref().clone()),
                ],
            );
            format!(
                "**{}.** {} {}",
                escape(&head),
                field(band.words.get_ref()),
                field(band.next_step.get_ref())
            )
        }))?;
        // One strong sign is enough: on paper too, its top band says so.
        if let (Some(words), Some(top)) = (&facet.reach_out, facet.bands.last()) {
            let head = fill(
                labels.strong_sign.get_ref(),
                &[
                    ("from", top.from.get_ref().to_string()),
                    ("to", top.to.get_ref().to_string()),
                ],
            );
            doc.para(&format!("**{}** {}", escape(&head), field(words.get_ref())))?;
        }
    }
    if q.facets.len() > 1 {
        doc.para(&format!(
            "**{}** {}",
            escape(labels.many_high.get_ref()),
            field(library.app.reflect_labels.many_high.get_ref())
        ))?;
    }
    Ok(())
}

fn choose_sheet<W: Write>(
    doc: &mut Doc<'_, W>,
    library: &Library,
    q: &Questionnaire,
) -> io::Result<()> {
    let labels = &library.app.book_labels;
    doc.para(&field(labels.how_to_choose.get_ref()))?;
    doc.list(
        q.items
            .iter()
            .map(|item| format!("{} {}", keep_together("☐"), escape(item.text.get_ref()))),
    )?;
    doc.heading(2, labels.plans.get_ref(), q.title.get_ref())?;
    doc.list(q.items.iter().map(|item| {
        let plan = item
            .plan
            .as_ref()
            .map(|p| format!(" {}", field(p.get_ref())))
            .unwrap_or_default();
        let read = item
            .topic
            .as_ref()
            .and_then(|t| library.topic(t.get_ref()))
            .map(|t| {
                format!(
                    " ({})",
                    link(
                        t.title.get_ref(),
                        &format!("../{}", topic_path(t.id.get_ref()))
                    )
                )
            })
            .unwrap_or_default();
        format!("**{}:**{plan}{read}", escape(item.text.get_ref()))
    }))
}
