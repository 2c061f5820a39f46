//! The private history of saved reflections: what a record holds ([`record`]), where and how
//! it is kept ([`store`]), how a facet moved over time ([`trend`]), what its parts are called
//! today ([`names`]), and how it is shown: as a list ([`list`]), in words ([`words`]), and as
//! a report ([`report`]) that can go to a file ([`report_file`]).

pub mod list;
pub mod names;
pub mod record;
pub mod report;
pub mod report_file;
pub mod store;
pub mod trend;
pub mod words;

pub use record::{Record, Saved, Scores};
pub use store::{History, Store};
