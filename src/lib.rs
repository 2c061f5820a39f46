//! numb: psychoeducation and gentle self-reflection about emotional numbness, offline.
//!
//! Data flows one way: content files → [`content::load`] → model → [`commands`] → [`render`] → a writer.

pub mod cli;
pub mod commands;
pub mod config;
pub mod content;
pub mod error;
pub mod folder;
pub mod history;
pub mod output;
pub mod pager;
pub mod parallel;
pub mod reflect;
pub mod render;

use std::fs;
use std::io::Write;
use std::path::PathBuf;

pub use error::Error;

use cli::{Cli, Command};
use content::Library;

/// Runs numb for parsed arguments, writing data to stdout.
pub fn run(cli: Cli) -> Result<(), Error> {
    let env = output::Environment::detect();
    let look = output::look(cli.global.color, cli.global.width, &env);
    let dirs = content_dirs(&cli.global.content_dir);
    // Commands that need no loaded library, or load it their own way.
    match &cli.command {
        Some(Command::Check(args)) => {
            let dirs = if args.dirs.is_empty() {
                dirs
            } else {
                once_each(args.dirs.clone())
            };
            return commands::check::run(&mut std::io::stdout().lock(), &dirs, args.format);
        }
        Some(Command::Completions(args)) => {
            let mut out = std::io::stdout().lock();
            commands::manual::completions(&mut out, args.shell)?;
            return out.flush().map_err(Error::Write);
        }
        Some(Command::Man) => {
            let mut out = std::io::stdout().lock();
            commands::manual::man(&mut out)?;
            return out.flush().map_err(Error::Write);
        }
        _ => {}
    }
    // Problems in the user's content that did not stop a help page from showing.
    let mut deferred = None;
    // A Markdown export into a folder checks body text as it writes it (every file is staged
    // before any is placed); if anything is wrong, the full check says where.
    let writes_folder = matches!(&cli.command,
        Some(Command::Export(a)) if a.out.is_some() && a.format != cli::ExportFormat::Json);
    if writes_folder {
        commands::export::stop_on_ctrl_c();
    }
    let loaded = match &cli.command {
        // Help lines, and a person's own history, show even when their content pack has a
        // problem (which is reported after).
        None | Some(Command::Support(_) | Command::History(_)) => {
            load_for_help(&dirs, &mut deferred)
        }
        Some(_) if writes_folder => {
            content::load::load_for_writing(&dirs).or_else(|_| content::load(&dirs))
        }
        Some(_) => content::load(&dirs),
    };
    // Words of crisis typed where numb looks words up meet help, whatever else is wrong: a
    // content pack that cannot load never stands in the way (the built-in words are read).
    let typed = commands::crisis::typed(cli.command.as_ref());
    let (library, crisis) = match loaded {
        Ok(library) => {
            let crisis = typed.filter(|t| library.crisis.find(&t.text).is_some());
            (library, crisis)
        }
        Err(e) => match typed.filter(|t| commands::crisis::speaks_of_crisis(&t.text)) {
            Some(typed) => (load_for_help(&dirs, &mut deferred)?, Some(typed)),
            None => return Err(e),
        },
    };
    // Pages for reading go through a pager on a terminal; data and questions never do
    // (a reflection's summary does when its answers came from a script).
    let paged = match &cli.command {
        // Help lines stay on the screen, never behind a pager that may clear them on quitting.
        _ if crisis.is_some() => false,
        Some(Command::Export(_)) => false,
        // Choosing a word happens in the terminal: never behind a pager.
        Some(Command::Feelings(a)) => {
            !a.word.is_empty() || a.body || !std::io::IsTerminal::is_terminal(&std::io::stdin())
        }
        // A guided practice waits for Enter: never behind a pager.
        Some(Command::Practice(a)) => {
            a.id.is_empty()
                || a.no_wait
                || !a.plain && !std::io::IsTerminal::is_terminal(&std::io::stdin())
        }
        Some(Command::History(a)) => matches!(
            a.action,
            None | Some(cli::HistoryAction::Trend(_) | cli::HistoryAction::Report(_))
        ),
        // A summary ends with where to get help when it points there: never behind a pager,
        // where that end would wait on a later page.
        Some(Command::Reflect(a)) => a.list,
        _ => true,
    };
    let var = |k| std::env::var(k).ok();
    let pager = pager::choose(
        !paged || cli.global.no_pager,
        env.is_terminal,
        env.term.as_deref(),
        var("NUMB_PAGER"),
        var("PAGER"),
    );
    let mut out = pager::Sink::new(pager, env.terminal_height);
    if let Some(typed) = &crisis {
        let country = commands::support::country_from_locale();
        if commands::crisis::run(&mut out, &library, typed, country.as_deref(), look)? {
            // A problem in a content pack is not for this moment: help is.
            return finish(out, &library);
        }
    }
    match &cli.command {
        None => commands::welcome::run(&mut out, &library, look)?,
        Some(Command::Support(args)) => {
            let locale = commands::support::locale();
            // A country may come as several words ("United Kingdom") or odd bytes: never refuse the page.
            let words: Vec<String> = args
                .country_name
                .iter()
                .map(|w| w.to_string_lossy().into_owned())
                .collect();
            let country = match &args.country {
                Some(flag) => Some(flag.to_string_lossy().into_owned()),
                None if !words.is_empty() => Some(words.join(" ")),
                None => None,
            };
            let country = country.filter(|c| !c.trim().is_empty());
            let country = country.as_deref();
            // Words of crisis where a country goes: the whole page is the answer, not an error.
            let crisis_words = country.is_some_and(|c| library.crisis.find(c).is_some());
            let shown = commands::support::run(&mut out, &library, country, &locale, look);
            if let Err(e) = shown.or_else(|e| if crisis_words { Ok(()) } else { Err(e) }) {
                // The page is shown first; content problems outrank a country typo, which is
                // then only reported.
                finish(out, &library)?;
                return match deferred.take() {
                    Some(content) => {
                        let _ = writeln!(std::io::stderr(), "{}", e.report(false));
                        Err(content)
                    }
                    None => Err(e),
                };
            }
        }
        Some(Command::Learn(args)) => {
            let topic = cli::typed_name(&args.topic);
            commands::learn::run(&mut out, &library, topic.as_deref(), look)?;
        }
        Some(Command::Reflect(args)) => {
            let prompt_look = prompt_look(&cli, &env);
            commands::reflect::run(&mut out, &library, args, look, prompt_look)?;
        }
        Some(Command::Feelings(args)) => {
            let prompt_look = prompt_look(&cli, &env);
            commands::feelings::run(&mut out, &library, &args.word, args.body, prompt_look, look)?;
        }
        Some(Command::Check(_) | Command::Completions(_) | Command::Man) => {
            unreachable!("handled before loading")
        }
        Some(Command::History(args)) => {
            commands::history::run(&mut out, &library, args, look)?;
        }
        Some(Command::Practice(args)) => {
            use commands::practice::Mode;
            let mode = match (args.no_wait, args.plain) {
                (true, _) => Mode::NoWait,
                (false, true) => Mode::Plain,
                (false, false) => Mode::Guided,
            };
            let id = cli::typed_name(&args.id);
            commands::practice::run(&mut out, &library, id.as_deref(), mode, look)?;
        }
        Some(Command::Export(args)) => {
            let exported = commands::export::run(
                &mut out,
                &library,
                args.format,
                args.out.as_deref(),
                args.force,
            );
            if writes_folder && matches!(&exported, Err(e) if !matches!(e, Error::Stopped(_))) {
                // Content problems come first, as with every other command: the writer may
                // have refused a body, or the folder may have failed before it got there.
                content::load(&dirs)?;
            }
            exported?;
        }
    }
    finish(out, &library)?;
    deferred.map_or(Ok(()), Err)
}

/// Words of crisis in a command line that numb could not read (`numb want to die`, an option
/// typed wrong around them): answered with warm words and the help lines, as a lookup would
/// be, instead of a usage error. `None` when the words do not speak of crisis.
pub fn answer_words_of_crisis(
    args: &[std::ffi::OsString],
    color: cli::ColorWhen,
) -> Option<Result<(), Error>> {
    let text: Vec<String> = args
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    // The whole line ("want to die"), or one argument: a phrase in it ("kill myself"), or,
    // typed as an option that does not exist, a word alone ("-kms"). "numb dead tired" is
    // no word of crisis: "dead" alone is not all that was typed.
    let words = content::crisis::CrisisWords::builtin()?;
    let whole = std::iter::once(text.join(" ")).filter(|t| words.find(t).is_some());
    let one = text.into_iter().find(|t| match t.starts_with('-') {
        true => words.find(t).is_some(),
        false => words.find_phrase(t).is_some(),
    });
    let spoken = whole.chain(one).next()?;
    let typed = commands::crisis::Typed {
        lookup: commands::crisis::Lookup::CommandLine,
        text: spoken,
    };
    let env = output::Environment::detect();
    let look = output::look(color, None, &env);
    let mut deferred = None;
    let answer = load_for_help(&content_dirs(&[]), &mut deferred).and_then(|library| {
        let mut out = std::io::stdout().lock();
        let country = commands::support::country_from_locale();
        commands::crisis::run(&mut out, &library, &typed, country.as_deref(), look)?;
        out.flush().map_err(Error::Write)
    });
    Some(answer)
}

/// The width and colour of stderr, where questions are asked.
fn prompt_look(cli: &Cli, env: &output::Environment) -> render::Look {
    let stderr_env = output::Environment {
        is_terminal: std::io::IsTerminal::is_terminal(&std::io::stderr()),
        terminal_width: terminal_size::terminal_size_of(std::io::stderr())
            .map(|(w, _)| usize::from(w.0)),
        ..env.clone()
    };
    output::look(cli.global.color, cli.global.width, &stderr_env)
}

/// Shows what was written: flushed, or through the pager.
fn finish(out: pager::Sink, library: &Library) -> Result<(), Error> {
    let labels = &library.app.labels;
    let prompt = pager::Prompt {
        more: labels.pager_more.get_ref(),
        end: labels.pager_end.get_ref(),
    };
    out.finish(&prompt).map_err(Error::Write)
}

/// The user's content packs in load order: the one in the config folder (when it exists),
/// `NUMB_CONTENT_DIR`, then each `--content-dir`.
fn content_dirs(flags: &[PathBuf]) -> Vec<PathBuf> {
    let from_env = std::env::var_os("NUMB_CONTENT_DIR").filter(|v| !v.is_empty());
    let dirs: Vec<PathBuf> = config_pack()
        .into_iter()
        .chain(from_env.map(PathBuf::from))
        .chain(flags.iter().cloned())
        .collect();
    once_each(dirs)
}

/// Each folder once, at its last place in the order (the place that wins): the same pack
/// loaded twice would only report its problems twice.
pub fn once_each(dirs: Vec<PathBuf>) -> Vec<PathBuf> {
    let key = |dir: &PathBuf| fs::canonicalize(dir).unwrap_or_else(|_| dir.clone());
    let keys: Vec<PathBuf> = dirs.iter().map(key).collect();
    dirs.into_iter()
        .enumerate()
        .filter(|(i, _)| !keys[i + 1..].contains(&keys[*i]))
        .map(|(_, dir)| dir)
        .collect()
}

/// `$XDG_CONFIG_HOME/numb/content` (or the platform's config folder), if it exists.
pub fn config_pack() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let dir = etcetera::choose_base_strategy()
        .ok()?
        .config_dir()
        .join("numb")
        .join("content");
    // A folder with nothing but hidden files (made ready, not filled yet, or holding an
    // editor's or file manager's leftovers) is no pack and no problem. One that cannot be read
    // is loaded, so that the error says so.
    let filled = match fs::read_dir(&dir) {
        Ok(entries) => entries
            .flatten()
            .any(|e| !e.file_name().to_string_lossy().starts_with('.')),
        Err(_) => true,
    };
    (dir.exists() && filled).then_some(dir)
}

/// Loads content for a page that must never be blocked: the welcome and the support lines.
/// If the user's content is broken, the built-in content is shown and the problem is
/// reported afterwards (and still sets the exit code).
fn load_for_help(dirs: &[PathBuf], deferred: &mut Option<Error>) -> Result<Library, Error> {
    match content::load(dirs) {
        Ok(library) => Ok(library),
        Err(e) if !dirs.is_empty() => {
            *deferred = Some(e);
            // Keep the user's own help lines if they are sound; else the built-in ones.
            content::load::load_support_only(dirs).or_else(|_| content::load(&[]))
        }
        Err(e) => Err(e),
    }
}
