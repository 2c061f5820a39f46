//! The command line, as clap derive types. Doc comments here are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

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

/// Options every command shares.
#[derive(Debug, Args)]
pub struct Global {
    /// When to use colour: auto follows the terminal, NO_COLOR, CLICOLOR_FORCE and TERM.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, global = true, value_name = "WHEN")]
    pub color: ColorWhen,

    /// Wrap terminal text to N columns, 20 to 1000 (default: the terminal's width up to
    /// 100, else COLUMNS, else 80). Markdown export always wraps at 80.
    #[arg(long, value_name = "N", global = true, value_parser = clap::value_parser!(u16).range(20..=1000))]
    pub width: Option<u16>,

    /// Print straight to the terminal instead of through a pager (less, or NUMB_PAGER or
    /// PAGER; an empty value turns paging off too).
    #[arg(long, global = true)]
    pub no_pager: bool,

    /// Ask every question in plain typed lines: each question once with its place ("Question
    /// 3 of 12"), numbered choices, then what to type. No cursor movement, redraw or
    /// countdown, and no pager; for screen readers, braille displays and any terminal. Also
    /// NUMB_ACCESSIBLE=1, ACCESSIBLE=1 or `[ui] accessible = true` in config.toml; on by
    /// itself when TERM is dumb.
    #[arg(long, global = true)]
    pub accessible: bool,

    /// The language of the content and the screens: en or es. Also NUMB_LANG, `language =
    /// "es"` in config.toml, then the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG); anything
    /// numb does not have falls back to English. The help text stays in English.
    #[arg(long, value_name = "LANG", global = true)]
    pub lang: Option<String>,

    /// A content pack of your own (a folder with pack.toml), loaded after the built-in content,
    /// ~/.config/numb/content and NUMB_CONTENT_DIR; repeat it to add more, later ones win.
    #[arg(long, value_name = "DIR", global = true)]
    pub content_dir: Vec<PathBuf>,
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
    Man,
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
    Path,
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
}

// Arguments of `numb history forget`. (a plain comment: clap would take a doc comment as the
// command's about, in place of the one on its `Command` variant)
#[derive(Debug, Args)]
pub struct ForgetArgs {
    /// Delete without asking (for scripts).
    #[arg(long)]
    pub yes: bool,
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
    /// Show this country's lines first: a two-letter code such as GB, US or AU, or a common
    /// name such as UK. Default: the country of your locale (LANG).
    #[arg(value_name = "COUNTRY", num_args = 0.., value_parser = clap::builder::OsStringValueParser::new())]
    pub country_name: Vec<std::ffi::OsString>,

    /// The same as COUNTRY (it wins if both are given).
    #[arg(long, value_name = "CC", value_parser = clap::builder::OsStringValueParser::new())]
    pub country: Option<std::ffi::OsString>,

    /// How to write the page: text, or json for scripts.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
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
