//! Reflective questionnaires: scoring, answers from scripts, the question flow, and what a
//! finished one amounts to. The terminal prompter that asks the questions is `crate::prompt`.

pub mod answers;
pub mod flow;
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

#[cfg(test)]
mod tests {
    /// Computing and drawing stay apart: `reflect` computes, `render` draws (and reads what
    /// `reflect` computed), so `reflect` names nothing of `render` outside its tests.
    #[test]
    fn reflect_computes_and_never_draws() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/reflect");
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            assert!(
                !code.contains("render::"),
                "{} uses `render::` outside its tests",
                path.display()
            );
        }
    }
}
