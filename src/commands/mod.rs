//! One thin file per subcommand: glue between the loaded content and a renderer.

pub mod check;
pub mod crisis;
pub mod export;
pub mod feelings;
pub mod history;
pub mod learn;
pub mod manual;
pub mod practice;
pub mod reflect;
pub mod support;
pub mod welcome;
