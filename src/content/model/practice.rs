//! Practices: short guided exercises, one step at a time.

use std::sync::Arc;

use crate::content::spanned::Spanned;
use serde::{Deserialize, Serialize};

use super::topic::Source;
use crate::error::SourceFile;

/// A guided practice: a short exercise, one step at a time (`numb practice <id>`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Practice {
    /// The content format this file is written in.
    pub format_version: Spanned<u32>,
    /// Kebab-case id, used as `numb practice <id>`.
    pub id: Spanned<String>,
    /// One line.
    pub title: Spanned<String>,
    /// One line for the list of practices.
    pub summary: Spanned<String>,
    /// About how many minutes it takes.
    pub minutes: Spanned<u32>,
    /// Why it can help (Markdown subset).
    pub why: Spanned<String>,
    /// Topic ids to read next.
    #[serde(default)]
    pub related: Vec<Spanned<String>>,
    /// The steps, in order.
    pub steps: Vec<Step>,
    /// The kind closing line (inline Markdown).
    pub closing: Spanned<String>,
    /// Where the ideas come from.
    pub sources: Vec<Source>,
    /// The file this practice was loaded from (not part of the format).
    #[serde(skip)]
    pub file: Arc<SourceFile>,
}

/// One step of a practice.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// What to do (inline Markdown, one paragraph).
    pub text: Spanned<String>,
    /// Seconds of quiet time, if the step has some.
    #[serde(default)]
    pub pause: Option<Spanned<u32>>,
    /// A short question to sit with (plain text, one line).
    #[serde(default)]
    pub prompt: Option<Spanned<String>>,
}
