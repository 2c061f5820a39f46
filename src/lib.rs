//! numb: psychoeducation and gentle self-reflection about emotional numbness, offline.
//!
//! Data flows one way: content files → [`content::load`] → model → [`commands`] → [`render`] → a writer.

pub mod cli;
pub mod commands;
pub mod content;
pub mod error;
pub mod output;
pub mod render;

use std::io::{self, Write};

pub use error::Error;

use cli::{Cli, Command};

/// Runs numb for parsed arguments, writing data to stdout.
pub fn run(cli: Cli) -> Result<(), Error> {
    let env = output::Environment::detect();
    let look = output::look(cli.global.color, cli.global.width, &env);
    let library = content::load(&cli.global.content_dir)?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match &cli.command {
        None => commands::welcome::run(&mut out, &library, look)?,
        Some(Command::Learn(args)) => {
            commands::learn::run(&mut out, &library, args.topic.as_deref(), look)?
        }
        Some(Command::Support(args)) => {
            let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].map(|k| std::env::var(k).ok());
            commands::support::run(&mut out, &library, args.country.as_deref(), &locale, look)?;
        }
        Some(Command::Export(args)) => {
            commands::export::run(
                &mut out,
                &library,
                args.format,
                args.out.as_deref(),
                args.force,
            )?;
        }
    }
    out.flush()?;
    Ok(())
}
