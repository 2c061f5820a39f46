//! Reflective questionnaires: scoring, answers from scripts, the question flow and the
//! interactive prompts.

pub mod answers;
pub mod flow;
pub mod interactive;
pub mod scoring;
pub mod summary;

/// A built-in questionnaire, for tests.
#[cfg(test)]
pub(crate) fn built_in(id: &str) -> crate::content::model::Questionnaire {
    crate::content::load(&[])
        .expect("built-in content loads")
        .questionnaire(id)
        .expect("built-in questionnaire")
        .clone()
}
