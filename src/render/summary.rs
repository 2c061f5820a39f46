//! A questionnaire's summary as terminal text, Markdown or JSON. Every format carries the
//! not-a-diagnosis line and the `numb support` pointer, whatever the answers.

use std::io::{self, Write};

use anstyle::Style;
use serde::Serialize;

use super::markdown::doc::{Doc, code, escape, field};
use super::table;
use super::terminal::help::{Emergency, help_block, lines_for};
use super::terminal::page::{BULLET, HANG, Look, Page, Styles, inline_spans};
use super::wrap::Span;
use crate::content::Library;
use crate::content::model::ReflectLabels;
use crate::reflect::scoring::FacetScore;
use crate::reflect::summary::Summary;

/// Bumped whenever the JSON shape changes in a way a script could notice.
pub const SCHEMA_VERSION: u32 = 1;

fn score_text(labels: &ReflectLabels, score: &FacetScore) -> String {
    let fill = |text: &str, value: u32| {
        text.replace("{score}", &value.to_string())
            .replace("{max}", &score.range.1.to_string())
            .replace("{answered}", &score.answered.to_string())
            .replace("{items}", &score.items.to_string())
    };
    match score.score {
        // Some items skipped: the score is an estimate from the others, and says so.
        Some(s) if score.answered < score.items => {
            format!(
                "{} {}",
                fill(labels.score_of.get_ref(), s),
                fill(labels.estimated.get_ref(), s)
            )
        }
        Some(s) => fill(labels.score_of.get_ref(), s),
        None => fill(labels.too_few.get_ref(), 0),
    }
}

/// One line per part (its name, band and score), or per step picked: what a saved
/// reflection keeps, repeated just above the question whether to save it.
pub fn recap(library: &Library, summary: &Summary) -> Vec<String> {
    let labels = &library.app.reflect_labels;
    if summary.facets.is_empty() {
        return summary
            .chosen
            .iter()
            .map(|item| item.text.get_ref().clone())
            .collect();
    }
    summary
        .facets
        .iter()
        .map(|s| match s.band {
            Some(band) => format!(
                "{}: {} ({})",
                s.facet.name.get_ref(),
                band.label.get_ref(),
                score_text(labels, s)
            ),
            None => format!("{}: {}", s.facet.name.get_ref(), score_text(labels, s)),
        })
        .collect()
}

/// What "what might help" says when it has no pointers: nothing answered, or nothing high.
fn nothing_to_point_to<'a>(labels: &'a ReflectLabels, summary: &Summary) -> &'a str {
    if summary.answered() == 0 || (summary.facets.is_empty() && summary.chosen.is_empty()) {
        labels.nothing_answered.get_ref()
    } else {
        labels.nothing_stands_out.get_ref()
    }
}

fn answered_text(labels: &ReflectLabels, summary: &Summary) -> String {
    labels
        .answered
        .get_ref()
        .replace("{answered}", &summary.answered().to_string())
        .replace("{total}", &summary.answers.len().to_string())
}

/// The summary for a terminal.
pub fn text<W: Write>(
    out: &mut W,
    library: &Library,
    summary: &Summary,
    look: Look,
) -> io::Result<()> {
    let labels = &library.app.reflect_labels;
    let q = summary.questionnaire;
    let mut page = Page::new(out, look);
    page.para(&[Span::new(q.title.get_ref().as_str(), Styles::title())])?;
    if summary.chosen.is_empty() && summary.facets.is_empty() {
        // A choose questionnaire with nothing picked.
        if let Some(none) = &q.none_chosen {
            page.blank()?;
            page.para(&inline_spans(none.get_ref()))?;
        }
    }
    if !summary.facets.is_empty() {
        page.para(&[Span::new(answered_text(labels, summary), Styles::quiet())])?;
        page.blank()?;
        let rows = summary
            .facets
            .iter()
            .map(|s| {
                let band = s
                    .band
                    .map(|b| b.label.get_ref().clone())
                    .unwrap_or_default();
                vec![s.facet.name.get_ref().clone(), score_text(labels, s), band]
            })
            .collect();
        let header = [
            labels.table_facet.get_ref().as_str(),
            labels.table_score.get_ref(),
            labels.table_band.get_ref(),
        ];
        table::write(page.out, &header, rows, look)?;
        for score in &summary.facets {
            let Some(band) = score.band else { continue };
            page.heading(&format!(
                "{}: {}",
                score.facet.name.get_ref(),
                band.label.get_ref()
            ))?;
            page.para(&inline_spans(band.words.get_ref()))?;
            let mut next = vec![Span::new(
                format!("{} ", labels.next_step.get_ref()),
                Style::new().italic(),
            )];
            next.extend(inline_spans(band.next_step.get_ref()));
            page.blank()?;
            page.para(&next)?;
        }
    }
    if !summary.chosen.is_empty() {
        page.heading(labels.plan_title.get_ref())?;
        for item in &summary.chosen {
            page.lines(
                &[Span::new(item.text.get_ref().as_str(), Style::new().bold())],
                BULLET,
                HANG,
            )?;
            if let Some(plan) = &item.plan {
                page.lines(&inline_spans(plan.get_ref()), HANG, HANG)?;
            }
        }
    }
    page.heading(labels.might_help.get_ref())?;
    if summary.pointers.is_empty() {
        page.para(&inline_spans(nothing_to_point_to(labels, summary)))?;
    }
    for topic in &summary.pointers {
        let spans = [
            Span::whole(
                format!("numb learn {}", topic.id.get_ref()),
                Styles::command(),
            ),
            Span::new(format!(" — {}", topic.title.get_ref()), Style::new()),
        ];
        page.lines(&spans, "  ", HANG)?;
    }
    for practice in &summary.practices {
        let spans = [
            Span::whole(
                format!("numb practice {}", practice.id.get_ref()),
                Styles::command(),
            ),
            Span::new(format!(" — {}", practice.title.get_ref()), Style::new()),
        ];
        page.lines(&spans, "  ", HANG)?;
    }
    if !summary.skipped.is_empty() {
        page.heading(labels.skipped.get_ref())?;
        for item in &summary.skipped {
            page.lines(
                &[Span::new(item.text.get_ref().as_str(), Styles::quiet())],
                BULLET,
                HANG,
            )?;
        }
    }
    page.blank()?;
    page.body(q.closing.get_ref())?;
    // Last, where a terminal leaves it on the screen: what to do, and who to call.
    if let Some(words) = summary.reach_out {
        page.heading(labels.reach_out.get_ref())?;
        let country = summary.country.as_deref();
        help_block(&mut page, library, words, country, Emergency::Left)?;
    }
    page.blank()?;
    page.para(&[Span::new(
        labels.not_a_diagnosis.get_ref().as_str(),
        Style::new().bold(),
    )])?;
    page.para(&inline_spans(
        library.page_words().support_pointer.get_ref(),
    ))
}

/// The help lines for `country` (every line when it is not known) as a Markdown list: the
/// lines, the directory, then where to find the rest (as in the text summary, no emergency
/// number: this points to a doctor, and `numb support` has it).
fn help_lines_markdown<W: Write>(
    doc: &mut Doc<'_, W>,
    library: &Library,
    country: Option<&str>,
) -> io::Result<()> {
    let support = &library.support;
    let lines = help_lines(library, country).into_iter().map(|l| {
        let countries: Vec<&str> = l.countries.iter().map(|c| c.get_ref().as_str()).collect();
        let url = l
            .url
            .as_ref()
            .map(|u| format!(" <{}>", u.get_ref()))
            .unwrap_or_default();
        format!(
            "**{}** ({}): {}.{url}",
            escape(l.name.get_ref()),
            countries.join(", "),
            escape(l.contact.get_ref().trim_end_matches('.'))
        )
    });
    let directory = &support.directory;
    let directory = std::iter::once(format!(
        "**{}**: {} <{}>",
        escape(directory.name.get_ref()),
        field(directory.text.get_ref()),
        directory.url.get_ref()
    ));
    doc.list(lines.chain(directory))?;
    doc.para(&field(library.app.support_labels.all_lines.get_ref()))
}

/// The lines a summary that points to help shows: the country's, or every line.
fn help_lines<'l>(
    library: &'l Library,
    country: Option<&'l str>,
) -> Vec<&'l crate::content::model::SupportLine> {
    match country {
        Some(c) => lines_for(library, c).collect(),
        None => library.support.lines.iter().collect(),
    }
}

/// The summary as CommonMark.
pub fn markdown<W: Write>(out: &mut W, library: &Library, summary: &Summary) -> io::Result<()> {
    let labels = &library.app.reflect_labels;
    let q = summary.questionnaire;
    let mut doc = Doc::new(out);
    let title = q.title.get_ref();
    doc.heading(1, title, "")?;
    if summary.chosen.is_empty()
        && summary.facets.is_empty()
        && let Some(none) = &q.none_chosen
    {
        doc.para(&field(none.get_ref()))?;
    }
    if !summary.facets.is_empty() {
        doc.para(&escape(&answered_text(labels, summary)))?;
        doc.list(summary.facets.iter().map(|s| {
            let band = s
                .band
                .map(|b| format!(" ({})", escape(b.label.get_ref())))
                .unwrap_or_default();
            format!(
                "**{}**: {}{band}",
                escape(s.facet.name.get_ref()),
                escape(&score_text(labels, s))
            )
        }))?;
        for score in &summary.facets {
            let Some(band) = score.band else { continue };
            doc.heading(
                2,
                &format!("{}: {}", score.facet.name.get_ref(), band.label.get_ref()),
                title,
            )?;
            doc.para(&field(band.words.get_ref()))?;
            doc.para(&format!(
                "*{}* {}",
                escape(labels.next_step.get_ref()),
                field(band.next_step.get_ref())
            ))?;
        }
    }
    if !summary.chosen.is_empty() {
        doc.heading(2, labels.plan_title.get_ref(), title)?;
        doc.list(summary.chosen.iter().map(|item| {
            let plan = item
                .plan
                .as_ref()
                .map(|p| format!(" {}", field(p.get_ref())))
                .unwrap_or_default();
            format!("**{}**{plan}", escape(item.text.get_ref()))
        }))?;
    }
    doc.heading(2, labels.might_help.get_ref(), title)?;
    if summary.pointers.is_empty() {
        doc.para(&field(nothing_to_point_to(labels, summary)))?;
    } else {
        doc.list(
            summary
                .pointers
                .iter()
                .map(|t| {
                    format!(
                        "{}: {}",
                        escape(t.title.get_ref()),
                        code(&format!("numb learn {}", t.id.get_ref()))
                    )
                })
                .chain(summary.practices.iter().map(|p| {
                    format!(
                        "{}: {}",
                        escape(p.title.get_ref()),
                        code(&format!("numb practice {}", p.id.get_ref()))
                    )
                })),
        )?;
    }
    if !summary.skipped.is_empty() {
        doc.heading(2, labels.skipped.get_ref(), title)?;
        doc.list(summary.skipped.iter().map(|i| escape(i.text.get_ref())))?;
    }
    doc.body(q.closing.get_ref())?;
    if let Some(words) = summary.reach_out {
        doc.heading(2, labels.reach_out.get_ref(), title)?;
        doc.para(&field(words))?;
        help_lines_markdown(&mut doc, library, summary.country.as_deref())?;
    }
    doc.para(&format!("**{}**", escape(labels.not_a_diagnosis.get_ref())))?;
    doc.para(&field(library.page_words().support_pointer.get_ref()))
}

#[derive(Serialize)]
struct JsonSummary<'a> {
    schema_version: u32,
    questionnaire: JsonQuestionnaire<'a>,
    answered: usize,
    many_high: bool,
    reach_out: Option<&'a str>,
    help_lines: Vec<JsonHelpLine<'a>>,
    answers: Vec<JsonAnswer<'a>>,
    facets: Vec<JsonFacet<'a>>,
    chosen: Vec<JsonChosen<'a>>,
    pointers: Vec<JsonPointer<'a>>,
    practices: Vec<JsonPractice<'a>>,
    not_a_diagnosis: &'a str,
    support_pointer: &'a str,
}

#[derive(Serialize)]
struct JsonHelpLine<'a> {
    name: &'a str,
    countries: Vec<&'a str>,
    contact: &'a str,
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonQuestionnaire<'a> {
    id: &'a str,
    version: u32,
    title: &'a str,
    kind: &'a crate::content::model::QuestionnaireKind,
}

#[derive(Serialize)]
struct JsonAnswer<'a> {
    item: &'a str,
    value: Option<u32>,
    reverse: bool,
}

#[derive(Serialize)]
struct JsonFacet<'a> {
    id: &'a str,
    name: &'a str,
    score: Option<u32>,
    min: u32,
    max: u32,
    answered: u32,
    items: u32,
    band: Option<JsonBand<'a>>,
}

#[derive(Serialize)]
struct JsonBand<'a> {
    label: &'a str,
    from: u32,
    to: u32,
    words: &'a str,
    next_step: &'a str,
}

#[derive(Serialize)]
struct JsonChosen<'a> {
    item: &'a str,
    text: &'a str,
    plan: Option<&'a str>,
    topic: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonPractice<'a> {
    practice: &'a str,
    title: &'a str,
    command: String,
}

#[derive(Serialize)]
struct JsonPointer<'a> {
    topic: &'a str,
    title: &'a str,
    command: String,
}

/// The summary as JSON, with a schema version.
pub fn json<W: Write>(out: &mut W, library: &Library, summary: &Summary) -> io::Result<()> {
    let q = summary.questionnaire;
    let value = JsonSummary {
        schema_version: SCHEMA_VERSION,
        questionnaire: JsonQuestionnaire {
            id: q.id.get_ref(),
            version: *q.version.get_ref(),
            title: q.title.get_ref(),
            kind: q.kind.get_ref(),
        },
        answered: summary.answered(),
        many_high: summary.many_high,
        reach_out: summary.reach_out,
        help_lines: match summary.reach_out {
            Some(_) => help_lines(library, summary.country.as_deref())
                .into_iter()
                .map(|l| JsonHelpLine {
                    name: l.name.get_ref(),
                    countries: l.countries.iter().map(|c| c.get_ref().as_str()).collect(),
                    contact: l.contact.get_ref(),
                    url: l.url.as_ref().map(|u| u.get_ref().as_str()),
                })
                .collect(),
            None => Vec::new(),
        },
        answers: q
            .items
            .iter()
            .zip(&summary.answers)
            .map(|(item, a)| JsonAnswer {
                item: item.id.get_ref(),
                value: a.value(),
                reverse: item.is_reverse(),
            })
            .collect(),
        facets: summary
            .facets
            .iter()
            .map(|s| JsonFacet {
                id: s.facet.id.get_ref(),
                name: s.facet.name.get_ref(),
                score: s.score,
                min: s.range.0,
                max: s.range.1,
                answered: s.answered,
                items: s.items,
                band: s.band.map(|b| JsonBand {
                    label: b.label.get_ref(),
                    from: *b.from.get_ref(),
                    to: *b.to.get_ref(),
                    words: b.words.get_ref(),
                    next_step: b.next_step.get_ref(),
                }),
            })
            .collect(),
        chosen: summary
            .chosen
            .iter()
            .map(|i| JsonChosen {
                item: i.id.get_ref(),
                text: i.text.get_ref(),
                plan: i.plan.as_ref().map(|p| p.get_ref().as_str()),
                topic: i.topic.as_ref().map(|t| t.get_ref().as_str()),
            })
            .collect(),
        pointers: summary
            .pointers
            .iter()
            .map(|t| JsonPointer {
                topic: t.id.get_ref(),
                title: t.title.get_ref(),
                command: format!("numb learn {}", t.id.get_ref()),
            })
            .collect(),
        practices: summary
            .practices
            .iter()
            .map(|p| JsonPractice {
                practice: p.id.get_ref(),
                title: p.title.get_ref(),
                command: format!("numb practice {}", p.id.get_ref()),
            })
            .collect(),
        not_a_diagnosis: library.app.reflect_labels.not_a_diagnosis.get_ref(),
        support_pointer: library.page_words().support_pointer.get_ref(),
    };
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}
