//! The content model: serde types for everything numb says, as authored in TOML, one file
//! per kind of content.

mod app;
mod feelings;
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
}
