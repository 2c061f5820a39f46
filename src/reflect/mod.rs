//! Reflective questionnaires: scoring, answers from scripts, the question flow and the
//! interactive prompts.

pub mod answers;
pub mod flow;
pub mod interactive;
pub mod scoring;
pub mod summary;
