//! Renderers: the same loaded content as terminal text, Markdown or JSON.

pub mod json;
pub mod markdown;
pub mod sanitize;
pub mod summary;
pub mod table;
pub mod terminal;
pub mod wrap;

pub use terminal::Look;
