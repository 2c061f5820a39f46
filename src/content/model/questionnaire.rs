//! Questionnaires: scales, items, facets and bands, or options to choose.

use std::sync::Arc;

use crate::content::spanned::Spanned;
use serde::{Deserialize, Serialize};

use crate::error::SourceFile;

/// What a questionnaire asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuestionnaireKind {
    /// Each item is rated on one frequency scale; the result is a profile of facets.
    Scale,
    /// Any number of items (options) is picked; the result is a short personal plan.
    Choose,
}

/// A reflective questionnaire, shown by `numb reflect <id>`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    /// The content format this file is written in.
    pub format_version: Spanned<u32>,
    /// Kebab-case id.
    pub id: Spanned<String>,
    /// Bumped whenever items, scale or bands change; results record it.
    pub version: Spanned<u32>,
    /// `scale` or `choose`.
    pub kind: Spanned<QuestionnaireKind>,
    /// One line.
    pub title: Spanned<String>,
    /// One line for `numb reflect --list`.
    pub summary: Spanned<String>,
    /// About how many minutes it takes.
    pub minutes: Spanned<u32>,
    /// Shown first: what this is and is not (Markdown subset).
    pub intro: Spanned<String>,
    /// Scale kind: the time window and question stem shown above every item.
    #[serde(default)]
    pub window: Option<Spanned<String>>,
    /// Shown at the end of the summary (Markdown subset).
    pub closing: Spanned<String>,
    /// Scale kind: the answer choices, lowest first.
    #[serde(default)]
    pub scale: Vec<ScalePoint>,
    /// The questions (scale) or options (choose), in order.
    #[serde(default)]
    pub items: Vec<Item>,
    /// Scale kind: the facets the items belong to.
    #[serde(default)]
    pub facets: Vec<Facet>,
    /// Choose kind: what to say when nothing was picked.
    #[serde(default)]
    pub none_chosen: Option<Spanned<String>>,
    /// The file this questionnaire was loaded from (not part of the format).
    #[serde(skip)]
    pub file: Arc<SourceFile>,
}

/// One answer choice of a scale.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ScalePoint {
    /// The score this answer adds.
    pub value: Spanned<u32>,
    /// Its words, e.g. "Often".
    pub label: Spanned<String>,
}

/// A question (scale kind) or an option (choose kind).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Kebab-case, unique within the questionnaire.
    pub id: Spanned<String>,
    /// The words shown, one line.
    pub text: Spanned<String>,
    /// Scale kind: the facet it counts towards.
    #[serde(default)]
    pub facet: Option<Spanned<String>>,
    /// Scale kind: a positively worded item, scored the other way round.
    #[serde(default)]
    pub reverse: Option<Spanned<bool>>,
    /// Choose kind: what this step could look like this week (inline Markdown).
    #[serde(default)]
    pub plan: Option<Spanned<String>>,
    /// Choose kind: a topic id to read more.
    #[serde(default)]
    pub topic: Option<Spanned<String>>,
}

impl Item {
    /// True for a reverse-keyed item.
    pub fn is_reverse(&self) -> bool {
        self.reverse.as_ref().is_some_and(|r| *r.get_ref())
    }
}

/// A facet of a scale questionnaire's profile.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Facet {
    /// Kebab-case, unique within the questionnaire.
    pub id: Spanned<String>,
    /// One line.
    pub name: Spanned<String>,
    /// What it means, one paragraph of inline Markdown.
    pub meaning: Spanned<String>,
    /// Topic ids for "what might help".
    #[serde(default)]
    pub related: Vec<Spanned<String>>,
    /// Practice ids to suggest when this facet stands out.
    #[serde(default)]
    pub practices: Vec<Spanned<String>>,
    /// Fewer answers than this and the facet says so instead of a score (default: all of a
    /// facet's items up to two, else half of them, rounded up).
    #[serde(default)]
    pub min_answers: Option<Spanned<u32>>,
    /// For a part that is a recognised warning sign on its own (loss of pleasure or
    /// interest): said, with the help lines, when its score is in the top band, even when
    /// nothing else is high (inline Markdown).
    #[serde(default)]
    pub reach_out: Option<Spanned<String>>,
    /// Positions in the possible range, covering it with no gap or overlap.
    pub bands: Vec<Band>,
}

impl Facet {
    /// The fewest answers that give this facet a score, out of its `items`: by default all
    /// of a facet's items when it has two or fewer (one answer is too little to go on), else
    /// half of them, rounded up.
    pub fn min_answers(&self, items: u32) -> u32 {
        let default = if items <= 2 { items } else { items.div_ceil(2) };
        self.min_answers
            .as_ref()
            .map_or(default, |m| *m.get_ref())
            .max(1)
    }
}

/// A position in a facet's possible range of scores, with its words.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// The lowest score in the band.
    pub from: Spanned<u32>,
    /// The highest score in the band.
    pub to: Spanned<u32>,
    /// A short name for the position: "little", "some", "a lot".
    pub label: Spanned<String>,
    /// Kind, non-diagnostic words about this position (inline Markdown).
    pub words: Spanned<String>,
    /// One gentle, optional next step (inline Markdown).
    pub next_step: Spanned<String>,
}
