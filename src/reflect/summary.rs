//! What a finished questionnaire amounts to: facet scores and bands, the pointers chosen from
//! the facets that stand out, what was skipped, and (for `choose`) the steps picked.

use crate::content::Library;
use crate::content::model::{Item, Practice, Questionnaire, QuestionnaireKind, Topic};
use crate::reflect::scoring::{self, Answer, FacetScore};

/// The most topics "what might help" points to.
const MAX_POINTERS: usize = 3;

/// The most practices a summary suggests.
const MAX_PRACTICES: usize = 2;

/// How many facets in their highest band make the summary put help first.
const MANY_HIGH: usize = 2;

/// The topic about getting help, pointed to first when the answers point to help.
const HELP_TOPIC: &str = "when-to-seek-help";

/// A finished questionnaire, ready to render.
#[derive(Debug, Clone)]
pub struct Summary<'a> {
    /// The questionnaire.
    pub questionnaire: &'a Questionnaire,
    /// One answer per item, in item order.
    pub answers: Vec<Answer>,
    /// Scale kind: every facet's result.
    pub facets: Vec<FacetScore<'a>>,
    /// Topics worth reading, from the facets that stand out (scale) or the picked steps (choose).
    pub pointers: Vec<&'a Topic>,
    /// Practices to try, from the facets that stand out (scale).
    pub practices: Vec<&'a Practice>,
    /// Items left unanswered.
    pub skipped: Vec<&'a Item>,
    /// Choose kind: the options picked.
    pub chosen: Vec<&'a Item>,
    /// Several facets sit in their highest band: help comes first.
    pub many_high: bool,
    /// What to say when the answers point to help, shown with the help lines: a facet's
    /// `reach_out` words when that facet is in its highest band (one strong sign is enough),
    /// else the many-high words when several facets are.
    pub reach_out: Option<&'a str>,
    /// The country whose help lines a summary that points to help shows (two letters, from
    /// the locale); every line when it is not known.
    pub country: Option<String>,
}

impl Summary<'_> {
    /// How many items were answered.
    pub fn answered(&self) -> usize {
        self.answers.iter().filter(|a| a.value().is_some()).count()
    }
}

/// True when a part has too few answers for a score, but every answer it has sits at the top
/// of the scale: a strong sign must not go unheard because its other question was skipped
/// (the one a person with no pleasure left would skip is "I caught myself enjoying something").
fn all_at_top_though_skipped(q: &Questionnaire, score: &FacetScore, answers: &[Answer]) -> bool {
    let (_, high) = scoring::scale_range(q);
    let mut given = q
        .items
        .iter()
        .zip(answers)
        .filter(|(item, _)| item.facet.as_ref() == Some(&score.facet.id))
        .filter_map(|(item, a)| a.value().map(|v| scoring::item_score(q, item, v)))
        .peekable();
    score.score.is_none() && given.peek().is_some() && given.all(|v| v == high)
}

/// Sums up `answers` (one per item) to `q`.
pub fn summarize<'a>(
    library: &'a Library,
    q: &'a Questionnaire,
    answers: Vec<Answer>,
) -> Summary<'a> {
    let skipped = q
        .items
        .iter()
        .zip(&answers)
        .filter(|(_, a)| a.value().is_none())
        .map(|(i, _)| i)
        .collect();
    let mut pointers: Vec<&Topic> = Vec::new();
    let mut add = |id: &str| {
        if let Some(topic) = library.topic(id)
            && pointers.len() < MAX_POINTERS
            && !pointers
                .iter()
                .any(|t| t.id.get_ref() == topic.id.get_ref())
        {
            pointers.push(topic);
        }
    };
    match q.kind.get_ref() {
        QuestionnaireKind::Scale => {
            let facets = scoring::facet_scores(q, &answers);
            let in_top =
                |s: &&FacetScore| s.band_index.is_some_and(|i| i + 1 == s.facet.bands.len());
            let top = facets.iter().filter(in_top).count();
            let many_high = top >= MANY_HIGH;
            let strong_sign = facets
                .iter()
                .filter(|s| in_top(s) || all_at_top_though_skipped(q, s, &answers))
                .find_map(|s| s.facet.reach_out.as_ref());
            let reach_out = strong_sign
                .map(|words| words.get_ref().as_str())
                .or_else(|| {
                    many_high.then(|| library.app.reflect_labels.many_high.get_ref().as_str())
                });
            if reach_out.is_some() {
                add(HELP_TOPIC);
            }
            let mut practices: Vec<&Practice> = Vec::new();
            for score in scoring::standing_out(&facets) {
                for related in &score.facet.related {
                    add(related.get_ref());
                }
                for id in &score.facet.practices {
                    if let Some(p) = library.practices.iter().find(|p| p.id == *id)
                        && practices.len() < MAX_PRACTICES
                        && !practices.iter().any(|known| known.id == p.id)
                    {
                        practices.push(p);
                    }
                }
            }
            Summary {
                questionnaire: q,
                answers,
                facets,
                pointers,
                practices,
                skipped,
                chosen: Vec::new(),
                many_high,
                reach_out,
                country: None,
            }
        }
        QuestionnaireKind::Choose => {
            let chosen: Vec<&Item> = q
                .items
                .iter()
                .zip(&answers)
                .filter(|(_, a)| a.value() == Some(1))
                .map(|(i, _)| i)
                .collect();
            for item in &chosen {
                if let Some(topic) = &item.topic {
                    add(topic.get_ref());
                }
            }
            Summary {
                questionnaire: q,
                answers,
                facets: Vec::new(),
                pointers,
                practices: Vec::new(),
                skipped: Vec::new(),
                chosen,
                many_high: false,
                reach_out: None,
                country: None,
            }
        }
    }
}
