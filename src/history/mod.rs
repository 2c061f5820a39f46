//! The private history of saved reflections: what a record holds ([`record`]), where and how
//! it is kept ([`store`]), and how a facet moved over time ([`trend`]).

pub mod record;
pub mod store;
pub mod trend;

pub use record::{Record, Saved, Scores};
pub use store::{History, Store};
