//! The content model: serde types for everything numb says, as authored in TOML, one file
//! per kind of content.

mod app;
mod feelings;
mod labels;
mod practice;
mod questionnaire;
mod support;
mod topic;

use crate::content::spanned::Spanned;
use serde::{Deserialize, Serialize};

pub use app::*;
pub use feelings::*;
pub use practice::*;
pub use questionnaire::*;
pub use support::*;
pub use topic::*;

/// The newest content `format_version` this numb understands.
pub const FORMAT_VERSION: u32 = 1;

/// A pack's `pack.toml`: what the pack is, and which content format it is written in.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    /// The content format of the whole pack.
    pub format_version: Spanned<u32>,
    /// A short human name, shown by `numb check`.
    pub name: Spanned<String>,
    /// The language of the pack's text, as a tag such as `en` or `en-GB`.
    pub language: Spanned<String>,
    /// One line on what the pack is for.
    #[serde(default)]
    pub description: Option<Spanned<String>>,
    /// Who wrote the pack, on one line (`"Dr A. Rivera, Riverside Clinic"`); its exported
    /// pages credit them.
    #[serde(default)]
    pub authors: Option<Spanned<String>>,
    /// The terms the pack's words are shared on, on one line (`"CC BY 4.0 (https://…)"` or
    /// `"All rights reserved"`); its exported pages say it.
    #[serde(default)]
    pub license: Option<Spanned<String>>,
    /// The title of a book made from the pack (`numb export --format mdbook`), on one line;
    /// without it, the pack's `name`.
    #[serde(default)]
    pub book_title: Option<Spanned<String>>,
}

/// Who made a pack and on what terms: the line its exported pages end with.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct Credit {
    /// The pack's name.
    pub name: String,
    /// Who wrote it, if the pack says.
    pub authors: Option<String>,
    /// Its licence, if the pack says.
    pub license: Option<String>,
    /// Its language tag.
    pub language: String,
    /// Its one-line description, if the pack has one.
    pub description: Option<String>,
    /// The title of a book made from it, if the pack sets one.
    pub book_title: Option<String>,
}

impl Credit {
    /// The credit `pack` declares.
    pub fn of(pack: &PackFile) -> Credit {
        Credit {
            name: pack.name.get_ref().clone(),
            authors: pack.authors.as_ref().map(|a| a.get_ref().clone()),
            license: pack.license.as_ref().map(|l| l.get_ref().clone()),
            language: pack.language.get_ref().clone(),
            description: pack.description.as_ref().map(|d| d.get_ref().clone()),
            book_title: pack.book_title.as_ref().map(|t| t.get_ref().clone()),
        }
    }

    /// True when the pack sets neither authors nor a licence: its pages carry no line.
    pub fn is_empty(&self) -> bool {
        self.authors.is_none() && self.license.is_none()
    }
}
