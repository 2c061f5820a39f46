//! The help block: the emergency line and the help lines for the person's country, shown
//! where a word of crisis was typed and where a reflection's summary points to help.

use std::io::{self, Write};

use super::page::{Page, Styles, inline_spans};
use super::{directory, emergencies, support_line};
use crate::content::Library;
use crate::content::model::SupportLine;
use crate::render::wrap::Span;

/// `words` (inline Markdown), then the emergency line, then the lines for `country` (every
/// line when the country is not known; the directory when numb has none for it), then where
/// to find the rest.
pub fn help_block<W: Write>(
    page: &mut Page<'_, W>,
    library: &Library,
    words: &str,
    country: Option<&str>,
) -> io::Result<()> {
    let support = &library.support;
    let labels = &library.app.support_labels;
    page.para(&inline_spans(words))?;
    emergencies(page, library)?;
    let here: Vec<&SupportLine> = match country {
        Some(c) => lines_for(library, c).collect(),
        None => support.lines.iter().collect(),
    };
    match country {
        Some(c) if !here.is_empty() => {
            page.heading(&labels.lines_for.get_ref().replace("{country}", c))?;
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
        None => page.heading(labels.by_country.get_ref())?,
    }
    for (i, line) in here.iter().enumerate() {
        if i > 0 {
            page.blank()?;
        }
        support_line(page, line, labels)?;
    }
    directory(page, library)?;
    page.blank()?;
    page.para(&inline_spans(labels.all_lines.get_ref()))
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
