//! The private history of saved reflections: what a record holds ([`record`]), where and how
//! it is kept ([`store`]), how a facet moved over time ([`trend`]) and what its parts are
//! called today ([`names`]).

pub mod names;
pub mod record;
pub mod report_file;
pub mod store;
pub mod trend;

pub use record::{Record, Saved, Scores};
pub use store::{History, Store};
