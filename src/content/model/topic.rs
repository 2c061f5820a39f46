//! Topics: the pages of `numb learn`, their sections and their sources.

use std::borrow::Cow;
use std::sync::Arc;

use crate::content::markup::{self, Block};
use crate::content::spanned::Spanned;
use serde::{Deserialize, Serialize};
use toml::value::Datetime;

use crate::error::SourceFile;

/// One topic, shown by `numb learn <id>`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// The content format this file is written in.
    pub format_version: Spanned<u32>,
    /// Kebab-case id; also the file name on export.
    pub id: Spanned<String>,
    /// The page title.
    pub title: Spanned<String>,
    /// One line for tables and indexes.
    pub summary: Spanned<String>,
    /// Other names `numb learn` accepts.
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    /// A short note shown before the page when it touches abuse or trauma.
    #[serde(default)]
    pub content_note: Option<Spanned<String>>,
    /// The page's take-aways.
    pub key_points: Vec<Spanned<String>>,
    /// Gentle, optional suggestions.
    #[serde(default)]
    pub try_this: Vec<Spanned<String>>,
    /// Ids of other topics worth reading next.
    #[serde(default)]
    pub related: Vec<Spanned<String>>,
    /// The body, in reading order.
    pub sections: Vec<Section>,
    /// Where the facts and ideas come from.
    pub sources: Vec<Source>,
    /// The file this topic was loaded from (not part of the format).
    #[serde(skip)]
    pub file: Arc<SourceFile>,
}

/// A headed part of a topic.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The section heading (plain text).
    pub heading: Spanned<String>,
    /// The section text, in numb's small Markdown subset.
    pub body: Spanned<String>,
    /// The body's blocks, parsed by build.rs for the built-in content (the compact form stores
    /// them after the topic). `None` for a pack's section.
    #[serde(skip)]
    pub parsed: Option<Vec<Block>>,
}

impl Section {
    /// The body's blocks (checked at load; empty if it does not parse). A built-in section's
    /// were parsed when numb was built, so a page runs no Markdown parser; a pack's are parsed
    /// when needed: keeping every body's blocks from the check would double a large pack's
    /// memory.
    pub fn blocks(&self) -> Cow<'_, [Block]> {
        match &self.parsed {
            Some(blocks) => Cow::Borrowed(blocks),
            None => Cow::Owned(markup::parse(self.body.get_ref()).unwrap_or_default()),
        }
    }
}

impl Topic {
    /// Each section's blocks, in order (the compact form stores them after the topic).
    pub(crate) fn parse_sections(&self) -> Vec<Vec<Block>> {
        (self.sections.iter())
            .map(|s| markup::parse(s.body.get_ref()).unwrap_or_default())
            .collect()
    }
}

/// A reference a topic draws on.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Title of the page, article or book.
    pub title: Spanned<String>,
    /// Authors, for papers and books.
    #[serde(default)]
    pub authors: Option<Spanned<String>>,
    /// The organisation or journal.
    #[serde(default)]
    pub publisher: Option<Spanned<String>>,
    /// Year of publication or last review, when the source gives one.
    #[serde(default)]
    pub year: Option<Spanned<u16>>,
    /// For undated web pages: the day someone read the page to check it.
    #[serde(default, with = "crate::content::spanned::optional_date")]
    pub accessed: Option<Spanned<Datetime>>,
    /// An https address.
    #[serde(default)]
    pub url: Option<Spanned<String>>,
    /// A bare DOI such as `10.1192/bjp.bp.108.051110`.
    #[serde(default)]
    pub doi: Option<Spanned<String>>,
}

impl Source {
    /// The best link for the source: the DOI resolver when there is a DOI, else the URL.
    pub fn link(&self) -> Option<String> {
        match (&self.doi, &self.url) {
            (Some(doi), _) => Some(format!("https://doi.org/{}", doi.get_ref())),
            (None, Some(url)) => Some(url.get_ref().clone()),
            (None, None) => None,
        }
    }

    /// The title followed by a full stop, unless it already ends in punctuation.
    pub fn title_sentence(&self) -> String {
        let title = self.title.get_ref().trim_end();
        if title.ends_with(['.', '?', '!']) {
            title.to_string()
        } else {
            format!("{title}.")
        }
    }

    /// "Authors, Publisher (year)" as one line.
    pub fn byline(&self) -> String {
        let who: Vec<&str> = [&self.authors, &self.publisher]
            .into_iter()
            .flatten()
            .map(|s| s.get_ref().as_str())
            .collect();
        let when = match (&self.year, &self.accessed) {
            (Some(year), _) => year.get_ref().to_string(),
            (None, Some(day)) => format!("undated, checked {}", day.get_ref()),
            (None, None) => "undated".to_string(),
        };
        format!("{} ({when})", who.join(", "))
    }
}
