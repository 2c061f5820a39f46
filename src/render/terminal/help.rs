//! The help block: short and in one place, for where a word of crisis was typed and where a
//! reflection's summary points to help. Warm words, the emergency number, the lines for the
//! person's country (each on a line or two), the directory, and where to find every line,
//! so that the numbers stay on one screen.

use std::io::{self, Write};

use anstyle::Style;

use super::page::{HANG, Page, Styles, contact_spans, inline_spans};
use crate::content::Library;
use crate::content::model::SupportLine;
use crate::render::wrap::Span;

/// Whether the block starts with the emergency number: where words of crisis were typed, yes;
/// under a reflection that points to a doctor, no (it would alarm more than help).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emergency {
    /// Show the emergency number first.
    Shown,
    /// Leave it to `numb support`.
    Left,
}

/// Where `typed` words speak of crisis: the warm words for what was found, then the help
/// block with the emergency number first and the lines for `country`. Returns whether they
/// did (and so whether anything was written). Every place that reads a person's own words
/// answers them with this.
pub fn for_typed<W: Write>(
    page: &mut Page<'_, W>,
    library: &Library,
    typed: &str,
    country: Option<&str>,
) -> io::Result<bool> {
    let crisis = &library.crisis;
    let Some(found) = crisis.find(typed) else {
        return Ok(false);
    };
    help_block(
        page,
        library,
        crisis.words_for(&found),
        country,
        Emergency::Shown,
    )?;
    Ok(true)
}

/// `words` (inline Markdown), then the emergency number, the lines for `country` (every line,
/// one line each, when the country is not known; the directory when numb has none for it),
/// the directory, and where to find the rest.
pub fn help_block<W: Write>(
    page: &mut Page<'_, W>,
    library: &Library,
    words: &str,
    country: Option<&str>,
    emergency: Emergency,
) -> io::Result<()> {
    let support = &library.support;
    let labels = &library.app.support_labels;
    page.para(&inline_spans(words))?;
    if emergency == Emergency::Shown {
        for line in support.local_emergency.iter().chain([&support.emergency]) {
            page.blank()?;
            let mut spans = inline_spans(line.text.get_ref());
            spans.push(Span::new(" ", Style::new()));
            spans.push(Span::new(
                line.numbers.get_ref().as_str(),
                Style::new().bold(),
            ));
            page.para(&spans)?;
        }
    }
    let here: Vec<&SupportLine> = match country {
        Some(c) => lines_for(library, c).collect(),
        None => support.lines.iter().collect(),
    };
    match country {
        Some(c) if !here.is_empty() => {
            page.heading(&labels.lines_for.get_ref().replace("{country}", c))?;
            for line in &here {
                let mut spans = vec![
                    Span::new(line.name.get_ref().as_str(), Style::new().bold()),
                    Span::new(": ", Style::new()),
                ];
                spans.extend(contact_spans(line.contact.get_ref(), Styles::command()));
                if let Some(details) = &line.details {
                    spans.push(Span::new(". ", Style::new()));
                    spans.extend(inline_spans(details.get_ref()));
                }
                page.lines(&spans, "  ", HANG)?;
            }
        }
        Some(c) => {
            page.blank()?;
            let text = crate::render::fill(
                labels.no_lines_help.get_ref(),
                &[
                    ("country", c.to_string()),
                    ("directory", support.directory.name.get_ref().clone()),
                ],
            );
            page.para(&[Span::new(text, Styles::quiet())])?;
        }
        None => {
            page.heading(labels.by_country.get_ref())?;
            for line in &here {
                let countries: Vec<&str> = line
                    .countries
                    .iter()
                    .map(|c| c.get_ref().as_str())
                    .collect();
                let mut spans = vec![
                    Span::new(format!("{} ", countries.join(", ")), Styles::dim()),
                    Span::new(line.name.get_ref().as_str(), Style::new().bold()),
                    Span::new(": ", Style::new()),
                ];
                spans.extend(contact_spans(line.contact.get_ref(), Styles::command()));
                page.lines(&spans, "  ", HANG)?;
            }
        }
    }
    let directory = &support.directory;
    page.blank()?;
    page.lines(
        &[
            Span::new(
                format!("{}: ", labels.directory.get_ref()),
                Style::new().bold(),
            ),
            Span::new(format!("{} (", directory.name.get_ref()), Style::new()),
            Span::whole(directory.url.get_ref().as_str(), Styles::link()),
            Span::new(format!("). {}", directory.text.get_ref()), Style::new()),
        ],
        "",
        "  ",
    )?;
    // Where the rest are, unless every line is already here.
    if country.is_some() {
        page.blank()?;
        page.para(&inline_spans(labels.all_lines.get_ref()))?;
    }
    Ok(())
}

/// The lines that serve `country` (an ISO 3166-1 alpha-2 code), in the page's order.
pub fn lines_for<'l>(
    library: &'l Library,
    country: &'l str,
) -> impl Iterator<Item = &'l SupportLine> {
    library
        .support
        .lines
        .iter()
        .filter(move |l| l.countries.iter().any(|cc| cc.get_ref() == country))
}
