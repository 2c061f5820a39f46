//! Parts of saved reflections named as the content names them today. Records are matched by
//! the part's id, so a part renamed in the content (to say what its score counts) keeps its
//! history; a part the content no longer has keeps the name it was saved with.

use crate::content::Library;

use super::trend::FacetTrend;

/// The name the content gives the part `facet` of questionnaire `questionnaire` today.
pub fn current<'l>(library: &'l Library, questionnaire: &str, facet: &str) -> Option<&'l str> {
    let q = library.questionnaire(questionnaire)?;
    q.facets
        .iter()
        .find(|f| f.id.get_ref() == facet)
        .map(|f| f.name.get_ref().as_str())
}

/// Renames each trend to its part's current name, where the content still has that part.
pub fn rename(library: &Library, questionnaire: &str, trends: &mut [FacetTrend]) {
    for t in trends {
        if let Some(name) = current(library, questionnaire, &t.id) {
            t.name = name.to_string();
        }
    }
}
