//! numb: psychoeducation and gentle self-reflection about emotional numbness, offline.
//!
//! Data flows one way: content files → [`content::load`] → model → [`commands`] → [`render`] → a writer.

pub mod cli;
pub mod commands;
pub mod content;
pub mod error;
pub mod output;
pub mod pager;
pub mod reflect;
pub mod render;

use std::path::PathBuf;

pub use error::Error;

use cli::{Cli, Command};
use content::Library;

/// Runs numb for parsed arguments, writing data to stdout.
pub fn run(cli: Cli) -> Result<(), Error> {
    let env = output::Environment::detect();
    let look = output::look(cli.global.color, cli.global.width, &env);
    let dirs = content_dirs(&cli.global.content_dir);
    // Pages for reading go through a pager on a terminal; data (export) never does.
    let paged = !matches!(cli.command, Some(Command::Export(_) | Command::Reflect(_)));
    let var = |k| std::env::var(k).ok();
    let mut out = match pager::command(
        !paged || cli.global.no_pager,
        env.is_terminal,
        var("NUMB_PAGER"),
        var("PAGER"),
    ) {
        Some(command) => pager::Sink::pager(&command),
        None => pager::Sink::direct(),
    };
    // Problems in the user's content that did not stop a help page from showing.
    let mut deferred = None;
    match &cli.command {
        None => {
            let library = load_for_help(&dirs, &mut deferred)?;
            commands::welcome::run(&mut out, &library, look)?;
        }
        Some(Command::Support(args)) => {
            let library = load_for_help(&dirs, &mut deferred)?;
            let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].map(|k| std::env::var(k).ok());
            let country = args.country.as_deref().or(args.country_name.as_deref());
            commands::support::run(&mut out, &library, country, &locale, look)?;
        }
        Some(Command::Learn(args)) => {
            let library = content::load(&dirs)?;
            commands::learn::run(&mut out, &library, args.topic.as_deref(), look)?;
        }
        Some(Command::Reflect(args)) => {
            let library = content::load(&dirs)?;
            let stderr_env = output::Environment {
                is_terminal: std::io::IsTerminal::is_terminal(&std::io::stderr()),
                terminal_width: terminal_size::terminal_size_of(std::io::stderr())
                    .map(|(w, _)| usize::from(w.0)),
                ..env.clone()
            };
            let prompt_look = output::look(cli.global.color, cli.global.width, &stderr_env);
            commands::reflect::run(&mut out, &library, args, look, prompt_look)?;
        }
        Some(Command::Export(args)) => {
            let library = content::load(&dirs)?;
            commands::export::run(
                &mut out,
                &library,
                args.format,
                args.out.as_deref(),
                args.force,
            )?;
        }
    }
    out.finish().map_err(Error::Write)?;
    deferred.map_or(Ok(()), Err)
}

/// The user's content folders in load order: `NUMB_CONTENT_DIR`, then each `--content-dir`.
fn content_dirs(flags: &[PathBuf]) -> Vec<PathBuf> {
    let from_env = std::env::var_os("NUMB_CONTENT_DIR").filter(|v| !v.is_empty());
    from_env
        .map(PathBuf::from)
        .into_iter()
        .chain(flags.iter().cloned())
        .collect()
}

/// Loads content for a page that must never be blocked: the welcome and the support lines.
/// If the user's content is broken, the built-in content is shown and the problem is
/// reported afterwards (and still sets the exit code).
fn load_for_help(dirs: &[PathBuf], deferred: &mut Option<Error>) -> Result<Library, Error> {
    match content::load(dirs) {
        Ok(library) => Ok(library),
        Err(e) if !dirs.is_empty() => {
            *deferred = Some(e);
            content::load(&[])
        }
        Err(e) => Err(e),
    }
}
