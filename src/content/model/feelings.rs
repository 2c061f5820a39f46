//! The feelings vocabulary: families, words and body sensations.

use std::sync::Arc;

use crate::content::spanned::Spanned;
use serde::{Deserialize, Serialize};

use crate::error::SourceFile;

/// The feelings vocabulary (`numb feelings`): families of feelings with more specific words,
/// and body sensations that lead to words.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Feelings {
    /// The content format this file is written in.
    pub format_version: Spanned<u32>,
    /// Shown above the families (inline Markdown).
    pub intro: Spanned<String>,
    /// The families, in the order they are shown.
    pub families: Vec<Family>,
    /// The "not sure what I feel" path: body sensations and the words they may go with.
    pub sensations: Vec<Sensation>,
    /// The file this vocabulary was loaded from (not part of the format).
    #[serde(skip)]
    pub file: Arc<SourceFile>,
}

/// A family of feelings.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Family {
    /// Kebab-case id.
    pub id: Spanned<String>,
    /// One line.
    pub name: Spanned<String>,
    /// One plain line.
    pub meaning: Spanned<String>,
    /// The words, in the order they are shown.
    pub words: Vec<Word>,
}

/// A word for a feeling.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Word {
    /// The word, lower case.
    pub word: Spanned<String>,
    /// What it is like (inline Markdown, one line).
    pub meaning: Spanned<String>,
    /// A common body cue (one line).
    pub body: Spanned<String>,
}

/// A body sensation that can go with some feelings.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Sensation {
    /// The sensation, in everyday words (one line).
    pub cue: Spanned<String>,
    /// Words from the families it may go with.
    pub words: Vec<Spanned<String>>,
}
