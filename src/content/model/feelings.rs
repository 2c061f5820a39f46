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

/// A content pack's `feelings.toml`: families and body sensations it adds to the vocabulary.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FeelingsAddition {
    /// The content format this file is written in.
    pub format_version: Spanned<u32>,
    /// Families to add, or (by the id of a family numb has) words to add to one.
    #[serde(default)]
    pub families: Vec<FamilyAddition>,
    /// Body sensations to add; their words may be any word of the vocabulary.
    #[serde(default)]
    pub sensations: Vec<Sensation>,
    /// The file it was loaded from (not part of the format).
    #[serde(skip)]
    pub file: Arc<SourceFile>,
}

/// A family in a pack's `feelings.toml`: a new one (with a name and a meaning), or words for
/// a family the vocabulary has (its id alone, with words).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FamilyAddition {
    /// Kebab-case id.
    pub id: Spanned<String>,
    /// One line; for a new family only.
    #[serde(default)]
    pub name: Option<Spanned<String>>,
    /// One plain line; for a new family only.
    #[serde(default)]
    pub meaning: Option<Spanned<String>>,
    /// The words to add.
    pub words: Vec<Word>,
}

impl Feelings {
    /// Adds a pack's families, words and sensations (checked first with
    /// `validate::feelings_addition`): a new family at the end, words at the end of their
    /// family, sensations at the end, and the same cue's words merged.
    pub fn add(&mut self, addition: FeelingsAddition) {
        for family in addition.families {
            match self.families.iter_mut().find(|f| f.id == family.id) {
                Some(known) => known.words.extend(family.words),
                None => self.families.push(Family {
                    id: family.id,
                    name: family.name.unwrap_or_default(),
                    meaning: family.meaning.unwrap_or_default(),
                    words: family.words,
                }),
            }
        }
        for sensation in addition.sensations {
            let cue = sensation.cue.get_ref().to_lowercase();
            match (self.sensations.iter_mut()).find(|s| s.cue.get_ref().to_lowercase() == cue) {
                Some(known) => {
                    for word in sensation.words {
                        if !known.words.contains(&word) {
                            known.words.push(word);
                        }
                    }
                }
                None => self.sensations.push(sensation),
            }
        }
    }
}
