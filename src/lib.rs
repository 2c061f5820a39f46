//! numb: psychoeducation and gentle self-reflection about emotional numbness, offline.
//!
//! Data flows one way: content files → [`content::load`] → model → [`commands`] → [`render`] → a writer.

pub mod cli;
pub mod commands;
pub mod config;
pub mod content;
pub mod error;
pub mod folder;
pub mod fuzzing;
pub mod history;
pub mod language;
pub mod needs;
pub mod output;
pub mod pager;
pub mod parallel;
pub mod prompt;
pub mod reflect;
pub mod render;
pub mod sanitize;

use std::fs;
use std::io::Write;
use std::path::PathBuf;

pub use error::Error;

use cli::{Cli, Command};
use content::Library;

/// Runs numb for parsed arguments, writing data to stdout: detects the environment, loads
/// what the command needs ([`needs`]), answers words of crisis, calls the command, flushes.
///
/// Made for a process that ends when it returns: the library it loads is not freed, since
/// the system takes back a process's memory at once, and freeing it piece by piece would cost
/// a thirtieth of a page's time.
pub fn run(cli: Cli) -> Result<(), Error> {
    // The help lines are never held back by a language numb does not have: `numb --lang fr
    // support` shows them in the language the environment picks, then says what was wrong.
    let mut language_problem = None;
    if let Err(e) = language::choose(cli.global.lang.as_deref()) {
        if !matches!(cli.command, Some(Command::Support(_))) {
            // Help is one step away: said under the error of any other command.
            return Err(match e {
                Error::Usage(message) => {
                    Error::Usage(format!("{message}\n{}", error::SUPPORT_LINE))
                }
                e => e,
            });
        }
        language::choose(None)?;
        language_problem = Some(e);
    }
    let env = output::Environment::detect();
    let accessible = prompt::Accessible::detect(cli.global.accessible);
    let look = render::Look {
        plain: accessible.is_on(),
        ..output::look(cli.global.color, cli.global.width, &env)
    };
    let dirs = content_dirs(&cli.global.content_dir);
    let needs = needs::of(cli.command.as_ref());
    if needs.content == needs::Content::None {
        return without_content(cli.command.as_ref(), dirs);
    }
    if needs.stops_on_ctrl_c {
        commands::export::stop_on_ctrl_c();
    }
    // Problems in the user's content that did not stop a help page from showing, and packs
    // left out of a page because they did not load.
    let mut deferred = language_problem;
    let mut left_out = Vec::new();
    let (library, crisis) = load(
        cli.command.as_ref(),
        &dirs,
        needs.content,
        &mut deferred,
        &mut left_out,
    )?;
    let mut library = std::mem::ManuallyDrop::new(library);
    if let Some(Command::Export(args)) = &cli.command
        && args.pack_only
        && !library.keep_packs_only()
    {
        return Err(Error::Usage(NO_PACK.into()));
    }
    let var = |k| std::env::var(k).ok();
    let pager = pager::choose(
        // Help lines stay on the screen, never behind a pager that may clear them on quitting;
        // the accessible mode never pages (a pager redraws the screen).
        !needs.paged || crisis.is_some() || cli.global.no_pager || accessible.is_on(),
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
    // A settings problem is said before the page or the first question, but not above help
    // for words of crisis (answered just above): that is not the moment for it.
    config::warn_once();
    let asking = prompt::Asking {
        accessible,
        look: prompt_look(&cli, &env),
    };
    let after_page = call(&cli, asking, &library, &dirs, needs, &mut out, look);
    if after_page.is_ok() {
        finish(out, &library)?;
    }
    // A pack left out is named once, after the page (a pager would hide it before).
    for pack in &left_out {
        let _ = writeln!(std::io::stderr(), "\n{}", left_out_notice(&library, pack));
    }
    let after_page = after_page?;
    match (after_page, deferred) {
        // Content problems outrank what the command reported after its page.
        (Some(e), Some(content)) => {
            let _ = writeln!(std::io::stderr(), "{}", e.report(false));
            Err(content)
        }
        (Some(e), None) => Err(e),
        (None, deferred) => deferred.map_or(Ok(()), Err),
    }
}

const NO_PACK: &str = "--pack-only publishes your content packs, and numb found none with a \
    topic, questionnaire or practice. Name one with --content-dir DIR (or NUMB_CONTENT_DIR), or \
    put it in ~/.config/numb/content";

/// The commands that load no content, or load it their own way.
fn without_content(command: Option<&Command>, dirs: Vec<PathBuf>) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    match command {
        Some(Command::Check(args)) => {
            let dirs = match args.dirs.is_empty() {
                true => dirs,
                false => once_each(args.dirs.clone()),
            };
            return commands::check::run(&mut out, &dirs, args.format);
        }
        Some(Command::Completions(args)) => commands::manual::completions(&mut out, args.shell)?,
        Some(Command::Man(_)) => commands::manual::man(&mut out)?,
        _ => {}
    }
    out.flush().map_err(Error::Write)
}

/// Loads what `content` asks for, and finds words of crisis in what was typed: a content
/// pack that cannot load never stands between them and help (the built-in words are read).
fn load(
    command: Option<&Command>,
    dirs: &[PathBuf],
    content: needs::Content,
    deferred: &mut Option<Error>,
    left_out: &mut Vec<content::load::LeftOut>,
) -> Result<(Library, Option<commands::crisis::Typed>), Error> {
    let loaded = match content {
        // A folder that cannot be read at all: the page still shows, the error comes after.
        needs::Content::Reading => match content::load::load_for_reading(dirs) {
            Ok((library, out)) => {
                *left_out = out;
                Ok(library)
            }
            Err(_) => load_for_help(dirs, deferred),
        },
        needs::Content::None => load_for_help(dirs, deferred),
        needs::Content::Writing => {
            content::load::load_for_writing(dirs).or_else(|_| content::load(dirs))
        }
        needs::Content::Full => content::load(dirs),
    };
    let typed = commands::crisis::typed(command);
    match loaded {
        Ok(library) => {
            let crisis = typed.filter(|t| library.crisis_in(&t.text).is_some());
            Ok((library, crisis))
        }
        Err(e) => match typed.filter(|t| commands::crisis::speaks_of_crisis(&t.text)) {
            Some(typed) => Ok((load_for_help(dirs, deferred)?, Some(typed))),
            None => Err(e),
        },
    }
}

/// Calls the command. `Ok(Some(e))` is a problem to report after its page (a country numb
/// does not know still gets every help line first).
fn call<W: Write>(
    cli: &Cli,
    asking: prompt::Asking,
    library: &Library,
    dirs: &[PathBuf],
    needs: needs::Needs,
    out: &mut W,
    look: render::Look,
) -> Result<Option<Error>, Error> {
    let Some(command) = &cli.command else {
        commands::welcome::run(out, library, look)?;
        return Ok(None);
    };
    match command {
        Command::Support(args) => return Ok(support(out, library, args, look).err()),
        Command::Learn(args) if args.format == cli::ListFormat::Json => {
            render::lists::topics(out, library).map_err(Error::Write)?;
        }
        Command::Practice(args) if args.format == cli::ListFormat::Json => {
            render::lists::practices(out, library).map_err(Error::Write)?;
        }
        Command::Feelings(args) if args.format == cli::ListFormat::Json => {
            match cli::typed_name(&args.word) {
                Some(word) => render::lists::feeling_word(out, library, &word),
                None => render::lists::feelings(out, library),
            }
            .map_err(Error::Write)?;
        }
        Command::Learn(args) => {
            let topic = cli::typed_name(&args.topic);
            commands::learn::run(out, library, topic.as_deref(), look)?;
        }
        Command::Reflect(args) => commands::reflect::run(out, library, args, look, asking)?,
        Command::Feelings(args) => {
            commands::feelings::run(out, library, &args.word, args.body, asking, look)?;
        }
        Command::History(args) => commands::history::run(out, library, args, look, asking)?,
        Command::Practice(args) => {
            use commands::practice::Mode;
            // The accessible mode guides a practice the plain way: no countdown.
            let mode = match (args.no_wait, args.plain || asking.accessible.is_on()) {
                (true, _) => Mode::NoWait,
                (false, true) => Mode::Plain,
                (false, false) => Mode::Guided,
            };
            let id = cli::typed_name(&args.id);
            commands::practice::run(out, library, id.as_deref(), mode, look, asking.look)?;
        }
        Command::Export(args) => {
            let dir = args.out.as_deref();
            let exported = commands::export::run(out, library, args.format, dir, args.force);
            if needs.stops_on_ctrl_c
                && matches!(&exported, Err(e) if !matches!(e, Error::Stopped(_)))
            {
                // Content problems come first, as with every other command: the writer may
                // have refused a body, or the folder may have failed before it got there.
                content::load(dirs)?;
            }
            exported?;
        }
        Command::Check(_) | Command::Completions(_) | Command::Man(_) => {}
    }
    Ok(None)
}

/// `numb support`: the page first, whatever the country; a country numb cannot read is then
/// reported, unless it was words of crisis (the whole page is the answer).
fn support<W: Write>(
    out: &mut W,
    library: &Library,
    args: &cli::SupportArgs,
    look: render::Look,
) -> Result<(), Error> {
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
    let crisis_words = country.is_some_and(|c| library.crisis_in(c).is_some());
    if args.format == cli::ListFormat::Json {
        let (code, problem) = commands::support::chosen_country(country, &locale);
        render::lists::support(out, library, code.as_deref()).map_err(Error::Write)?;
        // Words of crisis where a country goes: the page with every line is the answer.
        return match problem {
            Some(e) if !crisis_words => Err(e),
            _ => Ok(()),
        };
    }
    let shown = commands::support::run(out, library, country, &locale, look);
    shown.or_else(|e| if crisis_words { Ok(()) } else { Err(e) })
}

/// Words of crisis in a command line that numb could not read (`numb want to die`, an option
/// typed wrong around them): answered with warm words and the help lines, as a lookup would
/// be, instead of a usage error. `None` when the words do not speak of crisis. `width` is
/// `--width` when clap could read it; when it could not, the shared options are picked out of
/// the line by hand (`numb --lang es --width 40 no quiero vivir`), so that the help keeps the
/// language and width asked for and the words are read without them.
pub fn answer_words_of_crisis(
    args: &[std::ffi::OsString],
    color: cli::ColorWhen,
    width: Option<u16>,
) -> Option<Result<(), Error>> {
    let around = Around::read(args);
    let width = width.or(around.width);
    // The whole line ("want to die"), or one argument: a phrase in it ("kill myself"), or,
    // typed as an option that does not exist, a word alone ("-kms"). "numb dead tired" is
    // no word of crisis: "dead" alone is not all that was typed.
    // A language numb does not have (`--lang fr`) leaves the choice to the environment.
    if language::choose(around.lang.as_deref()).is_err() {
        let _ = language::choose(None);
    }
    let words = content::crisis::CrisisWords::builtin()?;
    let spoken_in = |text: Vec<String>| {
        let whole = std::iter::once(text.join(" ")).filter(|t| words.find(t).is_some());
        let one = text.into_iter().find(|t| match t.starts_with('-') {
            true => words.find(t).is_some(),
            false => words.find_phrase(t).is_some(),
        });
        whole.chain(one).next()
    };
    // The words without the shared options first; then the line as typed, since an option
    // with its value left out takes the next word as its value (`numb --width want to die`).
    let typed_line = || {
        args.iter()
            .skip(1)
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    };
    let spoken = spoken_in(around.words).or_else(|| spoken_in(typed_line()))?;
    let typed = commands::crisis::Typed {
        lookup: commands::crisis::Lookup::CommandLine,
        text: spoken,
    };
    let env = output::Environment::detect();
    let look = output::look(color, width, &env);
    let mut deferred = None;
    let answer = load_for_help(&content_dirs(&[]), &mut deferred).and_then(|library| {
        let mut out = std::io::stdout().lock();
        let country = commands::support::country_from_locale();
        commands::crisis::run(&mut out, &library, &typed, country.as_deref(), look)?;
        out.flush().map_err(Error::Write)
    });
    Some(answer)
}

/// `numb support` typed with something numb cannot read (`numb support --format xml`,
/// `--country` with no country): the support page is shown anyway, with the language and
/// width the line names when they are good ones, before the usage error is reported. Someone
/// looking for help lines gets them whatever they typed after `support`. `None` when the line
/// does not start with `support` (after the shared options).
pub fn support_despite(
    args: &[std::ffi::OsString],
    color: cli::ColorWhen,
) -> Option<Result<(), Error>> {
    let around = Around::read(args);
    if around.words.first().map(String::as_str) != Some("support") {
        return None;
    }
    use clap::ValueEnum as _;
    let mut line = vec!["numb".to_string(), "--color".to_string()];
    line.push(color.to_possible_value()?.get_name().to_string());
    if let Some(width) = around.width {
        line.extend(["--width".to_string(), width.to_string()]);
    }
    let lang = around.lang.filter(|l| language::choose(Some(l)).is_ok());
    if let Some(lang) = lang {
        line.extend(["--lang".to_string(), lang]);
    }
    line.push("support".to_string());
    let cli = Cli::try_read_from(&line).ok()?;
    Some(run(cli))
}

/// A command line clap could not read, with the shared options taken out of its words.
#[derive(Debug, Default, PartialEq)]
struct Around {
    /// Everything else, in order.
    words: Vec<String>,
    /// `--lang`, as typed.
    lang: Option<String>,
    /// `--width`, when it is a width numb takes (20 to 1000).
    width: Option<u16>,
}

impl Around {
    fn read(args: &[std::ffi::OsString]) -> Around {
        let mut around = Around::default();
        let mut args = args
            .iter()
            .skip(1)
            .map(|a| a.to_string_lossy().into_owned());
        while let Some(arg) = args.next() {
            let (name, inline) = match arg.split_once('=') {
                Some((name, value)) if name.starts_with("--") => (name, Some(value.to_string())),
                _ => (arg.as_str(), None),
            };
            match name {
                "--lang" | "--width" | "--color" | "--content-dir" => {
                    let value = inline.or_else(|| args.next());
                    match name {
                        "--lang" => around.lang = value,
                        "--width" => {
                            around.width = (value.and_then(|v| v.parse().ok()))
                                .filter(|w| (20..=1000).contains(w))
                        }
                        _ => {}
                    }
                }
                "--no-pager" | "--accessible" => {}
                _ => around.words.push(arg),
            }
        }
        around
    }
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
    let labels = &library.page_words().labels;
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
    // Most people have no pack: one look at the path settles it, without opening a folder.
    if !dir.exists() {
        return None;
    }
    // A folder with nothing but hidden files (made ready, not filled yet, or holding an
    // editor's or file manager's leftovers) is no pack and no problem. One that cannot be read
    // is loaded, so that the error says so.
    let filled = match fs::read_dir(&dir) {
        Ok(entries) => entries
            .flatten()
            .any(|e| !e.file_name().to_string_lossy().starts_with('.')),
        Err(_) => true,
    };
    filled.then_some(dir)
}

/// Names a pack left out of the page: its folder, its first problem (path:line:col), how
/// many more, and `numb check` to see them all.
fn left_out_notice(library: &Library, pack: &content::load::LeftOut) -> String {
    let labels = &library.page_words().labels;
    let dir = sanitize::escape_controls(&pack.dir.display().to_string());
    let mut notice = render::fill(labels.pack_left_out.get_ref(), &[("pack", dir.clone())]);
    if let Some(first) = pack.problems.first() {
        let (line, col) = first.line_col();
        let path = sanitize::escape_controls(&first.file.path);
        // A folder's own problem (no pack.toml) has no line to point at.
        let place = match path.ends_with(std::path::MAIN_SEPARATOR) {
            true => path,
            false => format!("{path}:{line}:{col}"),
        };
        let message = first.message.lines().next().unwrap_or_default();
        notice.push_str(&format!(
            "\n  {place}: {}",
            sanitize::escape_controls(message)
        ));
    }
    let more = error::total(&pack.problems).saturating_sub(1);
    let next = match more {
        0 => render::fill(labels.pack_check.get_ref(), &[("pack", dir)]),
        n => render::fill(
            labels.pack_more.get_ref(),
            &[("pack", dir), ("count", n.to_string())],
        ),
    };
    notice.push('\n');
    notice.push_str(&next);
    notice
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

#[cfg(test)]
mod tests {
    use super::Around;

    fn read(args: &[&str]) -> Around {
        let args: Vec<std::ffi::OsString> = std::iter::once("numb")
            .chain(args.iter().copied())
            .map(Into::into)
            .collect();
        Around::read(&args)
    }

    #[test]
    fn the_shared_options_are_taken_out_of_a_line_clap_could_not_read() {
        let around = read(&[
            "--lang",
            "es",
            "--width=40",
            "--no-pager",
            "no",
            "quiero",
            "vivir",
        ]);
        assert_eq!(around.words, ["no", "quiero", "vivir"]);
        assert_eq!(around.lang.as_deref(), Some("es"));
        assert_eq!(around.width, Some(40));
        let around = read(&[
            "help",
            "--color",
            "never",
            "me",
            "--content-dir",
            "x",
            "--accessible",
        ]);
        assert_eq!(around.words, ["help", "me"]);
        assert_eq!(around.lang, None);
        // A width numb would refuse is not used; anything else is left among the words.
        let around = read(&["--width", "5", "--lang=fr", "-kms", "--widht", "40"]);
        assert_eq!(around.width, None);
        assert_eq!(around.lang.as_deref(), Some("fr"));
        assert_eq!(around.words, ["-kms", "--widht", "40"]);
        assert_eq!(read(&["--lang"]), Around::default());
    }
}
