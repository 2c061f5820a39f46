//! The command line, as clap derive types. Doc comments here are the help text.

use std::path::PathBuf;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

/// Learn about emotional numbness and find help. Offline and private.
///
/// numb is not a diagnosis and not a substitute for care. If things feel heavy,
/// run `numb support` for free, confidential help lines.
#[derive(Debug, Parser)]
#[command(name = "numb", version, max_term_width = 100)]
pub struct Cli {
    /// What to do; with none, numb prints a short welcome.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Options every command shares.
    #[command(flatten)]
    pub global: Global,
}

// Options every command shares. (a plain comment: each subcommand flattens these in, and clap
// would take a doc comment here as that subcommand's about)
#[derive(Debug, Args)]
pub struct Global {
    /// When to use colour: auto follows the terminal, NO_COLOR, CLICOLOR_FORCE and TERM.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,

    /// Wrap terminal text to N columns, 20 to 1000 (default: the terminal's width up to
    /// 100, else COLUMNS, else 80). Markdown export always wraps at 80.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..=1000))]
    pub width: Option<u16>,

    /// Print straight to the terminal instead of through a pager (less, or NUMB_PAGER or
    /// PAGER; an empty value turns paging off too).
    #[arg(long)]
    pub no_pager: bool,

    /// Ask every question in plain typed lines: each question once with its place ("Question
    /// 3 of 12"), numbered choices, then what to type. No cursor movement, redraw or
    /// countdown, and no pager; for screen readers, braille displays and any terminal. Also
    /// NUMB_ACCESSIBLE=1, ACCESSIBLE=1 or `[ui] accessible = true` in config.toml; on by
    /// itself when TERM is dumb.
    #[arg(long)]
    pub accessible: bool,

    /// The language of the content and the screens: en or es. Also NUMB_LANG, `language =
    /// "es"` in config.toml, then the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG); anything
    /// numb does not have falls back to English. The help text stays in English.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,

    /// A content pack of your own (a folder with pack.toml), loaded after the built-in content,
    /// ~/.config/numb/content and NUMB_CONTENT_DIR; repeat it to add more, later ones win.
    #[arg(long, value_name = "DIR")]
    pub content_dir: Vec<PathBuf>,
}

impl Cli {
    /// Reads a command line (the first item is the program's name).
    ///
    /// The options every command shares may come before the subcommand or after it (`numb
    /// --width 40 learn`, `numb learn --width 40`). Each subcommand declares them itself, and
    /// this gathers them into [`Cli::global`]: a later one wins (`--color` given after the
    /// subcommand wins over one given before), flags add up, and `--content-dir` folders keep
    /// their order. clap's own `global = true` would do the same by copying every shared option
    /// into every subcommand on every run, which cost a sixth of `numb learn origins`.
    pub fn try_read_from<I, T>(args: I) -> Result<Cli, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        let matches = Cli::command().try_get_matches_from(args)?;
        let with_command = |e: clap::Error| e.format(&mut Cli::command());
        let mut cli = Cli::from_arg_matches(&matches).map_err(with_command)?;
        let mut level = &matches;
        while let Some((_, typed_after)) = level.subcommand() {
            let here = Global::from_arg_matches(typed_after).map_err(with_command)?;
            cli.global.gather(here, typed_after);
            level = typed_after;
        }
        Ok(cli)
    }
}

impl Global {
    /// Takes in the shared options typed after a subcommand (`later`, read from `matches`).
    fn gather(&mut self, later: Global, matches: &clap::ArgMatches) {
        // --color has a default, so only a --color actually typed here counts.
        if matches.value_source("color") == Some(clap::parser::ValueSource::CommandLine) {
            self.color = later.color;
        }
        if later.width.is_some() {
            self.width = later.width;
        }
        if later.lang.is_some() {
            self.lang = later.lang;
        }
        self.no_pager |= later.no_pager;
        self.accessible |= later.accessible;
        self.content_dir.extend(later.content_dir);
    }
}

/// When to write colour and styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// Colour only on a terminal that supports it, unless NO_COLOR is set.
    Auto,
    /// Always write styles, even into a pipe.
    Always,
    /// Never write escape sequences.
    Never,
}

/// The subcommands. Each one's arguments are built only when it runs (`defer`): a run pays
/// for the command it uses, not for all of them.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// Read about emotional numbness: a table of topics, or one topic.
    Learn(LearnArgs),
    /// Free, confidential support lines and emergency numbers. Works offline.
    Support(SupportArgs),
    /// A short, private reflection with a kind summary (not a diagnosis). Nothing is saved
    /// unless you ask.
    Reflect(ReflectArgs),
    /// Short guided exercises for reconnection: grounding, breathing, a body scan, and more.
    Practice(PracticeArgs),
    /// Words for feelings: families, meanings and common body cues, or start from your body.
    Feelings(FeelingsArgs),
    /// Your saved reflections (only those you chose to save): a list, trends, a report to
    /// bring to a professional, and forgetting them all.
    History(HistoryArgs),
    /// Write all topics as Markdown, an mdBook or JSON, for handouts, books and scripts.
    Export(ExportArgs),
    /// Check content packs: every problem, with its file, line and column.
    ///
    /// With no DIR, checks everything numb would load: the built-in content,
    /// ~/.config/numb/content, NUMB_CONTENT_DIR and each --content-dir. With DIRs, checks
    /// those packs on top of the built-in content. Exits 0 when clean, 65 otherwise.
    Check(CheckArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    ///
    /// For example: `numb completions bash > ~/.local/share/bash-completion/completions/numb`,
    /// or `source <(numb completions bash)` to try it.
    Completions(CompletionsArgs),
    /// Print numb's manual page.
    ///
    /// For example: `numb man | man -l -`, or
    /// `numb man > ~/.local/share/man/man1/numb.1` to install it.
    Man(OnlyShared),
}

// The arguments of a command that has none of its own (`numb man`, `numb history path`): the
// shared options only. (a plain comment, for the reason given at `CheckArgs`)
#[derive(Debug, Args)]
pub struct OnlyShared {
    // The options every command shares, as typed after the subcommand. Read only through
    // `Cli::try_read_from`, which gathers them into `Cli::global`.
    #[command(flatten)]
    #[allow(dead_code, reason = "read from the ArgMatches by Cli::try_read_from")]
    global: Global,
}

// Arguments of `numb check`. (a plain comment: clap would take a doc comment as the
// command's about, in place of the one on its `Command` variant)
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Content packs to check (folders with pack.toml). Default: everything numb would load.
    #[arg(value_name = "DIR")]
    pub dirs: Vec<PathBuf>,

    /// How to report: text for people, json for editors and scripts.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,

    // The options every command shares, as typed after the subcommand. Read only through
    // `Cli::try_read_from`, which gathers them into `Cli::global`.
    #[command(flatten)]
    #[allow(dead_code, reason = "read from the ArgMatches by Cli::try_read_from")]
    global: Global,
}

/// Formats of the `numb check` report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Each problem with its source line and a caret, then a count.
    Text,
    /// One JSON document, with a schema_version.
    Json,
}

// Arguments of `numb completions`. (a plain comment: clap would take a doc comment as the
// command's about, in place of the one on its `Command` variant)
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to write completions for.
    #[arg(value_enum)]
    pub shell: CompletionShell,

    // The options every command shares, as typed after the subcommand. Read only through
    // `Cli::try_read_from`, which gathers them into `Cli::global`.
    #[command(flatten)]
    #[allow(dead_code, reason = "read from the ArgMatches by Cli::try_read_from")]
    global: Global,
}

/// The shells numb writes completions for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompletionShell {
    /// Bash (with bash-completion, or sourced).
    Bash,
    /// Zsh (a file named _numb on your fpath).
    Zsh,
    /// Fish.
    Fish,
}

// Arguments of `numb reflect`. (a plain comment: clap would take a doc comment as the
// command's about, in place of the one on its `Command` variant)
#[derive(Debug, Args)]
pub struct ReflectArgs {
    /// The questionnaire to take (default: check-in). See them with --list.
    #[arg(value_name = "ID")]
    pub id: Vec<String>,

    /// List the questionnaires.
    #[arg(long, conflicts_with_all = ["id", "answers", "answers_file"])]
    pub list: bool,

    /// Answers for scripts, one per question in order, e.g. 0,2,-,4 (- skips one).
    #[arg(
        long,
        value_name = "LIST",
        conflicts_with = "answers_file",
        allow_hyphen_values = true
    )]
    pub answers: Option<String>,

    /// Read the answers from a file (- for standard input): the same list, a JSON list,
    /// or a JSON object of item id to value.
    #[arg(long, value_name = "FILE")]
    pub answers_file: Option<PathBuf>,

    /// How to write the summary.
    #[arg(long, value_enum, default_value_t = SummaryFormat::Text)]
    pub format: SummaryFormat,

    /// Save this reflection in your private history, on this computer only (see `numb
    /// history`). Without it, an interactive reflection asks at the end (No is the default)
    /// and a scripted one saves nothing.
    #[arg(long, conflicts_with = "list")]
    pub save: bool,

    /// Do not save and do not ask, whatever else says so.
    #[arg(long, conflicts_with = "list")]
    pub no_save: bool,

    /// A short note, in your own words, to keep with a saved reflection.
    #[arg(long, value_name = "TEXT", requires = "save")]
    pub note: Option<String>,

    // The options every command shares, as typed after the subcommand. Read only through
    // `Cli::try_read_from`, which gathers them into `Cli::global`.
    #[command(flatten)]
    #[allow(dead_code, reason = "read from the ArgMatches by Cli::try_read_from")]
    global: Global,
}

// Arguments of `numb feelings`. (a plain comment: clap would take a doc comment as the
// command's about, in place of the one on its `Command` variant)
#[derive(Debug, Args)]
pub struct FeelingsArgs {
    /// A word to look up (or a family, such as `joy`). Without one: choose in the terminal,
    /// or the whole vocabulary when not in a terminal.
    pub word: Vec<String>,

    /// Start from what you notice in your body: each sensation and the words it can go with.
    #[arg(long, conflicts_with = "word")]
    pub body: bool,

    /// How to write the vocabulary or the word: text, or json for scripts (never asks).
    #[arg(long, value_enum, default_value_t = ListFormat::Text, conflicts_with = "body")]
    pub format: ListFormat,

    // The options every command shares, as typed after the subcommand. Read only through
    // `Cli::try_read_from`, which gathers them into `Cli::global`.
    #[command(flatten)]
    #[allow(dead_code, reason = "read from the ArgMatches by Cli::try_read_from")]
    global: Global,
}

// Arguments of `numb practice`. (a plain comment: clap would take a doc comment as the
// command's about, in place of the one on its `Command` variant)
#[derive(Debug, Args)]
pub struct PracticeArgs {
    /// The practice to do (without one, the list of practices).
    #[arg(value_name = "ID")]
    pub id: Vec<String>,

    /// Print every step at once, for reading, printing or scripts (also what happens when
    /// standard input is not a terminal).
    #[arg(long, requires = "id")]
    pub no_wait: bool,

    /// Plain text, one step at a time: no countdown, no cursor movement and no colour, for
    /// screen readers and calm terminals.
    #[arg(long, requires = "id")]
    pub plain: bool,

    /// How to write the list of practices: text, or json for scripts (a practice's steps are
    /// in `numb export --format json`).
    #[arg(long, value_enum, default_value_t = ListFormat::Text, conflicts_with = "id")]
    pub format: ListFormat,

    // The options every command shares, as typed after the subcommand. Read only through
    // `Cli::try_read_from`, which gathers them into `Cli::global`.
    #[command(flatten)]
    #[allow(dead_code, reason = "read from the ArgMatches by Cli::try_read_from")]
    global: Global,
}

// Arguments of `numb history`. (a plain comment: clap would take a doc comment as the
// command's about, in place of the one on its `Command` variant)
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct HistoryArgs {
    /// What to do; without one, list the saved reflections.
    #[command(subcommand)]
    pub action: Option<HistoryAction>,

    /// How to list them: a table, or JSON Lines or CSV for other tools.
    #[arg(long, value_enum, default_value_t = HistoryFormat::Text)]
    pub format: HistoryFormat,

    // The options every command shares, as typed after the subcommand. Read only through
    // `Cli::try_read_from`, which gathers them into `Cli::global`.
    #[command(flatten)]
    #[allow(dead_code, reason = "read from the ArgMatches by Cli::try_read_from")]
    global: Global,
}

// What `numb history` can do (a plain comment, for the reason given at `CheckArgs`).
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum HistoryAction {
    /// How each part of a questionnaire moved over time, as a small chart.
    Trend(TrendArgs),
    /// A one-page Markdown summary to bring to a therapist or doctor.
    Report(ReportArgs),
    /// Delete every saved reflection (asks first; --yes for scripts).
    Forget(ForgetArgs),
    /// Show where numb keeps your history.
    Path(OnlyShared),
}

// Arguments of `numb history trend`. (a plain comment: clap would take a doc comment as the
// command's about, in place of the one on its `Command` variant)
#[derive(Debug, Args)]
pub struct TrendArgs {
    /// The questionnaire to show (default: the one saved most recently).
    #[arg(long, short = 'q', value_name = "ID")]
    pub questionnaire: Option<String>,

    /// Plain ASCII charts, without Unicode blocks or colour.
    #[arg(long)]
    pub ascii: bool,

    // The options every command shares, as typed after the subcommand. Read only through
    // `Cli::try_read_from`, which gathers them into `Cli::global`.
    #[command(flatten)]
    #[allow(dead_code, reason = "read from the ArgMatches by Cli::try_read_from")]
    global: Global,
}

// Arguments of `numb history report`. (a plain comment: clap would take a doc comment as the
// command's about, in place of the one on its `Command` variant)
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The questionnaire to report on (default: the one saved most recently).
    #[arg(long, short = 'q', value_name = "ID")]
    pub questionnaire: Option<String>,

    /// Write the report to this file instead of standard output (a file that already has
    /// something in it is kept: add --force to replace it).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// With --out: replace the file even if it already has something in it.
    #[arg(long, requires = "out")]
    pub force: bool,

    /// Leave your private notes out of the report.
    #[arg(long)]
    pub no_notes: bool,

    // The options every command shares, as typed after the subcommand. Read only through
    // `Cli::try_read_from`, which gathers them into `Cli::global`.
    #[command(flatten)]
    #[allow(dead_code, reason = "read from the ArgMatches by Cli::try_read_from")]
    global: Global,
}

// Arguments of `numb history forget`. (a plain comment: clap would take a doc comment as the
// command's about, in place of the one on its `Command` variant)
#[derive(Debug, Args)]
pub struct ForgetArgs {
    /// Delete without asking (for scripts).
    #[arg(long)]
    pub yes: bool,

    // The options every command shares, as typed after the subcommand. Read only through
    // `Cli::try_read_from`, which gathers them into `Cli::global`.
    #[command(flatten)]
    #[allow(dead_code, reason = "read from the ArgMatches by Cli::try_read_from")]
    global: Global,
}

/// Formats of `numb history`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HistoryFormat {
    /// A table for reading.
    Text,
    /// One JSON record per line, as saved.
    Json,
    /// One row per reflection and part: date, questionnaire, part, score, band.
    Csv,
}

/// Formats of a reflection summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    /// For reading in a terminal.
    Text,
    /// CommonMark, to keep or print.
    Markdown,
    /// For scripts, with a schema_version.
    Json,
}

// Arguments of `numb learn`. (a plain comment: clap would take a doc comment as the
// command's about, in place of the one on its `Command` variant)
#[derive(Debug, Args)]
pub struct LearnArgs {
    /// The topic to read, by id or alias (e.g. origins, impact). Leave out to list topics.
    #[arg(value_name = "TOPIC")]
    pub topic: Vec<String>,

    /// How to write the list of topics: text, or json for scripts (a topic's whole text is in
    /// `numb export --format json`).
    #[arg(long, value_enum, default_value_t = ListFormat::Text, conflicts_with = "topic")]
    pub format: ListFormat,

    // The options every command shares, as typed after the subcommand. Read only through
    // `Cli::try_read_from`, which gathers them into `Cli::global`.
    #[command(flatten)]
    #[allow(dead_code, reason = "read from the ArgMatches by Cli::try_read_from")]
    global: Global,
}

/// Formats of a list (`learn`, `practice`, `feelings`, `support`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// For reading in a terminal.
    Text,
    /// For scripts: one JSON document with a schema_version (schemas in schema/).
    Json,
}

/// Words typed as one name: several words (`numb learn daily impact`) are read as one, so
/// that no phrase a person types is refused as a usage error before numb has read it.
pub fn typed_name(words: &[String]) -> Option<String> {
    (!words.is_empty()).then(|| words.join(" "))
}

// Arguments of `numb support`. (a plain comment: clap would take a doc comment as the
// command's about, in place of the one on its `Command` variant)
#[derive(Debug, Args)]
pub struct SupportArgs {
    /// Show this country's lines first: a two-letter code such as GB, US or MX, or a
    /// country's name in English or Spanish, such as Chile, Perú, Estados Unidos or UK.
    /// Default: the country of your locale (LANG).
    #[arg(value_name = "COUNTRY", num_args = 0.., value_parser = clap::builder::OsStringValueParser::new())]
    pub country_name: Vec<std::ffi::OsString>,

    /// The same as COUNTRY (it wins if both are given).
    #[arg(long, value_name = "CC", value_parser = clap::builder::OsStringValueParser::new())]
    pub country: Option<std::ffi::OsString>,

    /// How to write the page: text, or json for scripts.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,

    // The options every command shares, as typed after the subcommand. Read only through
    // `Cli::try_read_from`, which gathers them into `Cli::global`.
    #[command(flatten)]
    #[allow(dead_code, reason = "read from the ArgMatches by Cli::try_read_from")]
    global: Global,
}

// Arguments of `numb export`. (a plain comment: clap would take a doc comment as the
// command's about, in place of the one on its `Command` variant)
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The format to write.
    #[arg(long, value_enum)]
    pub format: ExportFormat,

    /// Write into this folder: for markdown, one file per topic plus README.md; for mdbook
    /// (where it is required), a book to build with `mdbook build DIR`. Without it, Markdown
    /// and JSON go to standard output as one document.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// Write into --out even if the folder already has files in it: files with the names numb
    /// writes (README.md, book.toml, src/…, one per topic) are replaced, every other file is
    /// left alone.
    #[arg(long, requires = "out")]
    pub force: bool,

    /// Publish only your content packs: their topics, questionnaires and practices, without
    /// numb's own. The help lines (and the words for feelings) are always kept.
    #[arg(long)]
    pub pack_only: bool,

    // The options every command shares, as typed after the subcommand. Read only through
    // `Cli::try_read_from`, which gathers them into `Cli::global`.
    #[command(flatten)]
    #[allow(dead_code, reason = "read from the ArgMatches by Cli::try_read_from")]
    global: Global,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// CommonMark, clean for mdBook and markdownlint.
    Markdown,
    /// The loaded content as JSON, with a schema_version (see schema/ in the source).
    Json,
    /// A book for mdBook: book.toml, src/SUMMARY.md, a chapter per topic, a worksheet per
    /// questionnaire and the support page. Needs --out.
    Mdbook,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(args: &[&str]) -> Cli {
        Cli::try_read_from(std::iter::once("numb").chain(args.iter().copied())).unwrap()
    }

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    /// `Cli::try_read_from` reads the shared options of whichever subcommand ran: each one
    /// (and each of `history`'s) must declare them all.
    #[test]
    fn every_subcommand_declares_the_shared_options() {
        let mut cli = Cli::command();
        cli.build();
        let shared: Vec<_> = Global::augment_args(clap::Command::new("x"))
            .get_arguments()
            .map(|a| a.get_id().clone())
            .collect();
        assert_eq!(shared.len(), 6);
        fn check(cmd: &clap::Command, shared: &[clap::Id], path: &str) {
            for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
                let path = format!("{path} {}", sub.get_name());
                for id in shared {
                    assert!(
                        sub.get_arguments().any(|a| a.get_id() == id),
                        "`{path}` lacks --{id}"
                    );
                }
                check(sub, shared, &path);
            }
        }
        check(&cli, &shared, "numb");
    }

    #[test]
    fn shared_options_count_before_and_after_the_subcommand() {
        let before = read(&["--width", "40", "--no-pager", "learn", "origins"]);
        let after = read(&["learn", "origins", "--width", "40", "--no-pager"]);
        for cli in [before, after] {
            assert_eq!(cli.global.width, Some(40));
            assert!(cli.global.no_pager);
            assert!(!cli.global.accessible);
        }
        let nested = read(&[
            "--lang",
            "es",
            "history",
            "trend",
            "--accessible",
            "--width",
            "50",
        ]);
        assert_eq!(nested.global.lang.as_deref(), Some("es"));
        assert_eq!(nested.global.width, Some(50));
        assert!(nested.global.accessible);
    }

    #[test]
    fn a_shared_option_typed_later_wins() {
        let cli = read(&[
            "--width", "40", "--lang", "en", "learn", "--width", "60", "--lang", "es",
        ]);
        assert_eq!(cli.global.width, Some(60));
        assert_eq!(cli.global.lang.as_deref(), Some("es"));
        // --color has a default: only a --color typed after the subcommand replaces one
        // typed before it, and an explicit `auto` does.
        let never = read(&["--color", "never", "learn"]);
        assert_eq!(never.global.color, ColorWhen::Never);
        let auto = read(&["--color", "never", "learn", "--color", "auto"]);
        assert_eq!(auto.global.color, ColorWhen::Auto);
        let always = read(&["learn", "--color", "always"]);
        assert_eq!(always.global.color, ColorWhen::Always);
    }

    #[test]
    fn content_folders_keep_the_order_they_were_typed_in() {
        let cli = read(&["--content-dir", "a", "history", "--content-dir", "b"]);
        assert_eq!(
            cli.global.content_dir,
            [PathBuf::from("a"), PathBuf::from("b")]
        );
        let cli = read(&[
            "--content-dir",
            "a",
            "history",
            "report",
            "--content-dir",
            "c",
        ]);
        assert_eq!(
            cli.global.content_dir,
            [PathBuf::from("a"), PathBuf::from("c")]
        );
    }

    #[test]
    fn shared_options_are_checked_after_the_subcommand_too() {
        let e = Cli::try_read_from(["numb", "learn", "--width", "5"]).unwrap_err();
        assert_eq!(e.kind(), clap::error::ErrorKind::ValueValidation);
        let e = Cli::try_read_from(["numb", "man", "--colour", "never"]).unwrap_err();
        assert_eq!(e.kind(), clap::error::ErrorKind::UnknownArgument);
        assert!(e.to_string().contains("--color"), "{e}");
    }
}
