//! Renderers: the same loaded content as terminal text, Markdown or JSON.

pub mod json;
pub mod lists;
pub mod markdown;
/// Escaping text for the screen lives at the crate's root (the prompter and the answers use it
/// too); it stays reachable here.
pub use crate::sanitize;
pub mod summary;
pub mod table;
pub mod terminal;
pub mod wrap;

pub use terminal::Look;

/// Replaces `{name}` placeholders in a label.
pub fn fill(template: &str, values: &[(&str, String)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}
