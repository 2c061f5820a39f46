//! Content: the model, the built-in files, loading and checking.

pub mod compact;
pub mod crisis;
pub mod embedded;
pub mod lazy;
pub mod library;
pub mod load;
pub mod markup;
pub mod model;
pub mod spanned;
pub mod validate;

pub use library::Library;
pub use load::{LANG, load};
