//! Help lines: a `support.toml` as authored, and the support page they make together.

use std::sync::Arc;

use crate::content::spanned::Spanned;
use serde::{Deserialize, Serialize};
use toml::value::Datetime;

use crate::error::SourceFile;

/// A `support.toml` as authored. The built-in one has every part; a user's may add only
/// lines, or replace the intro and directory, or add a local emergency line.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SupportFile {
    /// The content format this file is written in.
    pub format_version: Spanned<u32>,
    /// A calm opening line.
    #[serde(default)]
    pub intro: Option<Spanned<String>>,
    /// What to do in immediate danger.
    #[serde(default)]
    pub emergency: Option<Emergency>,
    /// The international directory of helplines.
    #[serde(default)]
    pub directory: Option<Directory>,
    /// Helplines, each for one or more countries.
    #[serde(default)]
    pub lines: Vec<SupportLine>,
    /// The file this page was loaded from (not part of the format).
    #[serde(skip)]
    pub file: Arc<SourceFile>,
}

/// The support page as shown: the built-in page with every user's additions.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct SupportPage {
    /// A calm opening line.
    pub intro: Spanned<String>,
    /// Emergency lines from user content, shown before the built-in one.
    pub local_emergency: Vec<Emergency>,
    /// What to do in immediate danger; always shown.
    pub emergency: Emergency,
    /// The international directory of helplines; always shown.
    pub directory: Directory,
    /// Helplines, each for one or more countries; user lines first.
    pub lines: Vec<SupportLine>,
}

/// The emergency-number line.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Emergency {
    /// What to do, in one or two sentences.
    pub text: Spanned<String>,
    /// The common emergency numbers and where they apply.
    pub numbers: Spanned<String>,
    /// The day someone checked this.
    #[serde(with = "crate::content::spanned::date")]
    pub verified_on: Spanned<Datetime>,
}

/// A directory of helplines across countries.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Directory {
    /// The directory's name.
    pub name: Spanned<String>,
    /// Its https address.
    pub url: Spanned<String>,
    /// What it offers, in one sentence.
    pub text: Spanned<String>,
    /// The day someone checked this.
    #[serde(with = "crate::content::spanned::date")]
    pub verified_on: Spanned<Datetime>,
}

/// One helpline.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SupportLine {
    /// ISO 3166-1 alpha-2 codes of the countries it serves, upper case.
    pub countries: Vec<Spanned<String>>,
    /// The service's name.
    pub name: Spanned<String>,
    /// How to reach it ("Call or text 988").
    pub contact: Spanned<String>,
    /// Cost, hours, who it is for, in one short sentence.
    #[serde(default)]
    pub details: Option<Spanned<String>>,
    /// The service's https address.
    #[serde(default)]
    pub url: Option<Spanned<String>>,
    /// The day someone checked the number on the service's own page.
    #[serde(with = "crate::content::spanned::date")]
    pub verified_on: Spanned<Datetime>,
}
