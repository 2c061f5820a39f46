//! One saved reflection, as a line of JSON: when, which questionnaire (and its version), each
//! answer, each facet's score and band, and the person's own note if they added one.

use jiff::Timestamp;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::reflect::summary::Summary;

/// The version of the record format. A record with a higher one was saved by a newer numb;
/// this numb leaves it alone.
pub const SCHEMA_VERSION: u32 = 1;

/// The longest note, in characters: a line or two.
pub const MAX_NOTE_CHARS: usize = 280;

/// A saved reflection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// [`SCHEMA_VERSION`] when it was saved.
    pub schema_version: u32,
    /// When it was saved (UTC).
    pub saved_at: Timestamp,
    /// Which questionnaire.
    pub questionnaire: QuestionnaireRef,
    /// One per item, in item order.
    pub answers: Vec<AnswerRecord>,
    /// One per facet (none for a questionnaire of steps to choose).
    pub facets: Vec<FacetRecord>,
    /// The person's own short note (null when none).
    #[serde(default)]
    pub note: Option<String>,
    /// The language the questionnaire's words were in (records from before numb had
    /// languages are English). The history matches parts by id, whatever the language.
    #[serde(default = "english")]
    pub language: String,
}

fn english() -> String {
    crate::content::LANG.to_string()
}

/// A saved reflection without its answers: what the trend needs, read faster and kept in
/// less memory than a whole [`Record`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Scores {
    /// [`SCHEMA_VERSION`] when it was saved.
    pub schema_version: u32,
    /// When it was saved (UTC).
    pub saved_at: Timestamp,
    /// Which questionnaire.
    pub questionnaire: QuestionnaireRef,
    /// One per facet.
    pub facets: Vec<FacetRecord>,
}

/// What every way of reading a saved reflection has.
pub trait Saved: DeserializeOwned {
    /// The record format it was saved in.
    fn schema_version(&self) -> u32;
    /// When it was saved.
    fn saved_at(&self) -> Timestamp;
    /// Which questionnaire.
    fn questionnaire(&self) -> &QuestionnaireRef;
    /// Its facets' results.
    fn facets(&self) -> &[FacetRecord];

    /// What does not add up in its scores (a range upside down, a score outside its range,
    /// a facet twice), if anything: such a record was not written by numb as it is.
    fn problem(&self) -> Option<String> {
        let facets = self.facets();
        for (i, f) in facets.iter().enumerate() {
            if f.min > f.max {
                return Some(format!("`{}` goes from {} down to {}", f.id, f.min, f.max));
            }
            if let Some(score) = f.score.filter(|s| !(f.min..=f.max).contains(s)) {
                return Some(format!(
                    "`{}` scores {score}, outside {} to {}",
                    f.id, f.min, f.max
                ));
            }
            if facets[..i].iter().any(|g| g.id == f.id) {
                return Some(format!("`{}` is there twice", f.id));
            }
        }
        None
    }
}

macro_rules! saved {
    ($t:ty) => {
        impl Saved for $t {
            fn schema_version(&self) -> u32 {
                self.schema_version
            }
            fn saved_at(&self) -> Timestamp {
                self.saved_at
            }
            fn questionnaire(&self) -> &QuestionnaireRef {
                &self.questionnaire
            }
            fn facets(&self) -> &[FacetRecord] {
                &self.facets
            }
        }
    };
}
saved!(Record);
saved!(Scores);

/// The questionnaire a record answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionnaireRef {
    /// Its id.
    pub id: String,
    /// Its version when the record was saved.
    pub version: u32,
    /// Its title then.
    pub title: String,
}

/// One answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerRecord {
    /// The item's id.
    pub item: String,
    /// The item's words then.
    pub text: String,
    /// The value chosen, as on the scale (a picked step is 1); none when skipped.
    pub value: Option<u32>,
    /// The scale's words for that value then ("Often"); none when skipped or a step.
    #[serde(default)]
    pub label: Option<String>,
}

/// One facet's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetRecord {
    /// The facet's id.
    pub id: String,
    /// Its name then.
    pub name: String,
    /// The score; none when too few of its items were answered.
    pub score: Option<u32>,
    /// The lowest possible score.
    pub min: u32,
    /// The highest possible score.
    pub max: u32,
    /// The band's short name ("some"); none without a score.
    pub band: Option<String>,
}

impl Record {
    /// The record of a finished reflection, saved now.
    pub fn new(
        summary: &Summary<'_>,
        saved_at: Timestamp,
        note: Option<String>,
        language: &str,
    ) -> Record {
        let q = summary.questionnaire;
        let label = |value: u32| {
            q.scale
                .iter()
                .find(|p| *p.value.get_ref() == value)
                .map(|p| p.label.get_ref().clone())
        };
        Record {
            schema_version: SCHEMA_VERSION,
            saved_at,
            questionnaire: QuestionnaireRef {
                id: q.id.get_ref().clone(),
                version: *q.version.get_ref(),
                title: q.title.get_ref().clone(),
            },
            answers: q
                .items
                .iter()
                .zip(&summary.answers)
                .map(|(item, answer)| AnswerRecord {
                    item: item.id.get_ref().clone(),
                    text: item.text.get_ref().clone(),
                    value: answer.value(),
                    label: answer.value().and_then(label),
                })
                .collect(),
            facets: summary
                .facets
                .iter()
                .map(|f| FacetRecord {
                    id: f.facet.id.get_ref().clone(),
                    name: f.facet.name.get_ref().clone(),
                    score: f.score,
                    min: f.range.0,
                    max: f.range.1,
                    band: f.band.map(|b| b.label.get_ref().clone()),
                })
                .collect(),
            note,
            language: language.to_string(),
        }
    }
}

/// A note as it is kept: trimmed, on one line, control characters dropped, at most
/// [`MAX_NOTE_CHARS`] characters. Empty means no note.
pub fn clean_note(text: &str) -> Result<Option<String>, String> {
    let one_line: String = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .filter(|c| !crate::render::sanitize::needs_escape(*c))
        .collect();
    let chars = one_line.chars().count();
    if chars > MAX_NOTE_CHARS {
        return Err(format!(
            "the note is {chars} characters long; keep it to {MAX_NOTE_CHARS} or fewer"
        ));
    }
    Ok(Some(one_line).filter(|n| !n.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_one_short_clean_line() {
        assert_eq!(
            clean_note("  slept\tbadly,\n  but  walked \u{202e}outside "),
            Ok(Some("slept badly, but walked outside".into()))
        );
        assert_eq!(clean_note(" \n "), Ok(None));
        assert_eq!(
            clean_note(&"é".repeat(280))
                .unwrap()
                .unwrap()
                .chars()
                .count(),
            280
        );
        assert!(clean_note(&"a".repeat(281)).unwrap_err().contains("281"));
    }
}
