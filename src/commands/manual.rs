//! `numb completions` and `numb man`: shell completions and the manual page, made from the
//! command-line definition so they never drift from it.

use std::io::Write;

use clap::CommandFactory;
use clap_mangen::roff::{Roff, bold, roman};

use crate::cli::Cli;
use crate::error::Error;

/// Writes a completion script for `shell`.
pub fn completions<W: Write>(out: &mut W, shell: crate::cli::CompletionShell) -> Result<(), Error> {
    use crate::cli::CompletionShell as S;
    use clap_complete::shells::{Bash, Fish, Zsh};
    let library = crate::content::load(&[])?;
    let known = Known::from(&library);
    // Subcommands are built when used (`defer` in cli.rs): build them all to change them.
    let mut all = Cli::command();
    all.build();
    help_knows_history_actions(&mut all);
    let mut cmd = known.offered_in(all);
    // clap_complete panics when its writer fails (a closed pipe): render into memory first.
    let mut buf = Vec::new();
    // One generator each (not clap_complete's Shell, which would bring every shell it knows).
    match shell {
        S::Bash => clap_complete::generate(Bash, &mut cmd, "numb", &mut buf),
        S::Zsh => clap_complete::generate(Zsh, &mut cmd, "numb", &mut buf),
        S::Fish => clap_complete::generate(Fish, &mut cmd, "numb", &mut buf),
    }
    if shell == S::Fish {
        // clap_complete's fish script completes options' values, not positional ones.
        for (sub, _, values) in &known.positional {
            let words = values.join(" ");
            let line = format!(
                "complete -c numb -n \"__fish_numb_using_subcommand {sub}\" -f -a \"{words}\"\n"
            );
            buf.extend_from_slice(line.as_bytes());
        }
    }
    out.write_all(&buf).map_err(Error::Write)
}

/// What completions offer from the built-in content: topic ids and aliases, questionnaire
/// ids, practice ids, words for feelings, and the country codes of the help lines.
struct Known {
    /// (subcommand, argument id, values) for positional arguments.
    positional: Vec<(&'static str, &'static str, Vec<String>)>,
    /// Country codes, for `support --country`.
    countries: Vec<String>,
}

impl Known {
    fn from(library: &crate::content::Library) -> Self {
        let sorted = |mut v: Vec<String>| {
            v.sort();
            v.dedup();
            v
        };
        let topics = library.topics.iter().flat_map(|t| {
            std::iter::once(t.id.get_ref().clone())
                .chain(t.aliases.iter().map(|a| a.get_ref().clone()))
        });
        let questionnaires = library
            .questionnaires
            .iter()
            .map(|q| q.id.get_ref().clone());
        let practices = library.practices.iter().map(|p| p.id.get_ref().clone());
        let feelings = library.feelings.families.iter().flat_map(|f| {
            std::iter::once(f.id.get_ref().clone())
                .chain(f.words.iter().map(|w| w.word.get_ref().clone()))
        });
        let countries = sorted(
            library
                .support
                .lines
                .iter()
                .flat_map(|l| l.countries.iter().map(|c| c.get_ref().clone()))
                .collect(),
        );
        Known {
            positional: vec![
                ("learn", "topic", sorted(topics.collect())),
                ("reflect", "id", sorted(questionnaires.collect())),
                ("practice", "id", sorted(practices.collect())),
                ("feelings", "word", sorted(feelings.collect())),
                ("support", "country_name", countries.clone()),
            ],
            countries,
        }
    }

    /// The command line as completions see it, with these values to offer. Only completions
    /// get this: numb itself takes any text in these places (a pack's topic, words typed in
    /// a person's own way), and `--help` does not list them.
    fn offered_in(&self, mut cmd: clap::Command) -> clap::Command {
        let offer = |values: &[String]| {
            // clap takes values for completions as `&'static str` (without its `string`
            // feature, which would grow the binary); this command writes one script and ends.
            let values: Vec<&'static str> = (values.iter())
                .map(|v| &*Box::leak(v.clone().into_boxed_str()))
                .collect();
            let parser = clap::builder::PossibleValuesParser::new(values);
            move |arg: clap::Arg| arg.value_parser(parser).hide_possible_values(true)
        };
        for (sub, arg, values) in &self.positional {
            cmd = cmd.mut_subcommand(*sub, |s| s.mut_arg(*arg, offer(values)));
        }
        cmd.mut_subcommand("support", |s| s.mut_arg("country", offer(&self.countries)))
    }
}

/// `numb help history <action>`: clap makes `help`'s copy of the commands while `history`'s
/// actions are still unbuilt (`defer`), so the completion scripts would not offer them after
/// `numb help history`. Gives that copy the actions' names and descriptions.
fn help_knows_history_actions(all: &mut clap::Command) {
    let actions: Vec<clap::Command> = (all.find_subcommand("history").into_iter())
        .flat_map(clap::Command::get_subcommands)
        .filter(|action| action.get_name() != "help")
        .map(|action| {
            // clap takes names as `&'static str` (without its `string` feature, which would
            // grow the binary); this command writes one script and ends.
            let name: &'static str = Box::leak(action.get_name().to_owned().into_boxed_str());
            let copy = clap::Command::new(name)
                .bin_name(format!("numb help history {name}"))
                .hide(action.is_hide_set());
            match action.get_about() {
                Some(about) => copy.about(about.clone()),
                None => copy,
            }
        })
        .collect();
    let help = all.get_subcommands_mut().find(|s| s.get_name() == "help");
    if let Some(history) =
        help.and_then(|h| h.get_subcommands_mut().find(|s| s.get_name() == "history"))
    {
        *history = std::mem::take(history).subcommands(actions);
    }
}

/// What each exit code means; the same table is in the README.
const EXIT_STATUS: &[(&str, &str)] = &[
    (
        "0",
        "Success, or the reader of the output went away (numb | head).",
    ),
    (
        "2",
        "A usage error, or a topic, practice, questionnaire or country numb does not know. Never for a word for a feeling, nor for words of crisis, which are met with the help lines (exit 0).",
    ),
    (
        "65",
        "Content or answers with problems; each is shown with its file, line and column.",
    ),
    (
        "66",
        "An input file or folder is missing or unreadable, or the input closed mid-questions.",
    ),
    (
        "73",
        "An output file or folder cannot be created, or already has something in it \
         (export --out, history report --out: add --force).",
    ),
    ("74", "Writing the output failed (a full disk, say)."),
    (
        "130",
        "Stopped with Ctrl-C; nothing was saved, and an export removes what it wrote.",
    ),
];

const FILES: &[(&str, &str)] = &[
    (
        "$XDG_CONFIG_HOME/numb/content (usually ~/.config/numb/content)",
        "A content pack of your own, loaded after the built-in content when the folder exists. \
         numb writes no files unless you ask (export --out, history report --out, a saved reflection).",
    ),
    (
        "$XDG_CONFIG_HOME/numb/config.toml (usually ~/.config/numb/config.toml)",
        "Settings. [history] save = \"never\" stops numb reflect from offering to save; \
         \"ask\" (the default) offers, with No as the default answer.",
    ),
    (
        "$XDG_DATA_HOME/numb/history.jsonl (usually ~/.local/share/numb/history.jsonl)",
        "The reflections you chose to save, one JSON record per line, readable only by you \
         (folder 0700, files 0600), with history.lock beside it. numb history forget deletes them.",
    ),
];

const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "NUMB_CONTENT_DIR",
        "A content pack, loaded after the one in the config folder and before --content-dir.",
    ),
    (
        "NUMB_PAGER, PAGER",
        "The pager for long pages (default: less). An empty value turns paging off.",
    ),
    (
        "NO_COLOR, CLICOLOR, CLICOLOR_FORCE, TERM",
        "Colour: NO_COLOR or TERM=dumb turn it off; CLICOLOR_FORCE turns it on in a pipe.",
    ),
    (
        "COLUMNS",
        "The width to wrap at when the terminal's own width is unknown.",
    ),
    (
        "NUMB_LANG",
        "The language (en or es), after --lang and before language in config.toml and the \
         locale. A language numb does not have is passed over quietly.",
    ),
    (
        "LANGUAGE, LC_ALL, LC_MESSAGES, LANG",
        "The language, as gettext reads them (LANGUAGE is a list such as es:en, read unless the \
         locale is C or POSIX; es_MX.UTF-8 is Spanish), when nothing else chose one; anything \
         numb does not have is English. LC_ALL, LC_MESSAGES and LANG also give the country whose \
         help lines numb support shows first, when none is named.",
    ),
    (
        "XDG_CONFIG_HOME, XDG_DATA_HOME",
        "Where the settings and a content pack of your own (config) and your saved reflections \
         (data) live.",
    ),
    (
        "TZ",
        "The time zone numb history shows dates in (saved times are UTC).",
    ),
    (
        "NUMB_ACCESSIBLE, ACCESSIBLE",
        "Set (and not 0 or false): ask every question in plain typed lines, with numbered \
         choices and no cursor movement, as --accessible does. NUMB_ACCESSIBLE=0 turns it off \
         when ACCESSIBLE or the settings file ([ui] accessible = true) turn it on. A terminal that \
         cannot move the cursor turns it on by itself: TERM unset, empty, dumb, emacs or \
         unknown, or INSIDE_EMACS naming comint (Emacs' shell).",
    ),
    (
        "NUMB_PACE",
        "Scales the quiet times of numb practice: 0 skips them, 2 doubles them (default 1).",
    ),
];

fn section(roff: &mut Roff, title: &str, entries: &[(&str, &str)]) {
    roff.control("SH", [title]);
    for (term, text) in entries {
        roff.control("TP", []);
        roff.text([bold(*term)]);
        roff.text([roman(*text)]);
    }
}

/// Every subcommand: its usage, what it does, and its own options.
fn commands_section(out: &mut Vec<u8>) -> std::io::Result<()> {
    let mut cmd = Cli::command();
    cmd.build();
    let mut roff = Roff::new();
    roff.control("SH", ["COMMANDS"]);
    roff.to_writer(out)?;
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let usage = sub
            .clone()
            .render_usage()
            .to_string()
            .trim_start_matches("Usage: ")
            .to_string();
        let about = sub
            .get_long_about()
            .or(sub.get_about())
            .map(ToString::to_string)
            .unwrap_or_default();
        let mut roff = Roff::new();
        roff.control("SS", [usage.as_str()]);
        for (n, paragraph) in about.split("\n\n").enumerate() {
            if n > 0 {
                roff.control("PP", []);
            }
            roff.text([roman(paragraph.replace('\n', " "))]);
        }
        roff.to_writer(out)?;
        // The subcommand's own arguments; the shared ones are under OPTIONS already.
        let mut own = clap::Command::new("numb");
        let shared = |arg: &clap::Arg| cmd.get_arguments().any(|a| a.get_id() == arg.get_id());
        for arg in sub.get_arguments().filter(|a| !shared(a)) {
            if !matches!(arg.get_id().as_str(), "help" | "version") {
                own = own.arg(arg.clone());
            }
        }
        if own.get_arguments().next().is_some() {
            let mut options = Vec::new();
            clap_mangen::Man::new(own.disable_help_flag(true))
                .render_options_section(&mut options)?;
            // Its `.SH OPTIONS` heading would end the COMMANDS section: keep the entries only.
            let text = String::from_utf8_lossy(&options).replace(".SH OPTIONS\n", "");
            out.extend_from_slice(text.as_bytes());
        }
    }
    Ok(())
}

/// Writes the manual page as roff, with EXIT STATUS, ENVIRONMENT and FILES sections.
pub fn man<W: Write>(out: &mut W) -> Result<(), Error> {
    let mut cmd = Cli::command();
    cmd.build();
    let page = clap_mangen::Man::new(cmd).manual("numb manual");
    let mut buf = Vec::new();
    let write = |r: std::io::Result<()>| r.map_err(Error::Write);
    write(page.render_title(&mut buf))?;
    write(page.render_name_section(&mut buf))?;
    write(page.render_synopsis_section(&mut buf))?;
    write(page.render_description_section(&mut buf))?;
    write(page.render_options_section(&mut buf))?;
    // One section per command with its own options, instead of pointers to numb-learn(1)
    // and friends, which numb does not install.
    write(commands_section(&mut buf))?;
    let mut roff = Roff::new();
    section(&mut roff, "EXIT STATUS", EXIT_STATUS);
    section(&mut roff, "ENVIRONMENT", ENVIRONMENT);
    section(&mut roff, "FILES", FILES);
    roff.control("SH", ["PRIVACY"]);
    roff.text([roman(
        "numb never opens a network connection and collects nothing. A reflection is saved \
         only when you ask (numb reflect --save, or yes at the end), in a file only you can \
         read; numb history forget deletes them all. It is not a diagnosis and not a \
         substitute for care: numb support lists free, confidential help lines.",
    )]);
    write(roff.to_writer(&mut buf))?;
    write(page.render_version_section(&mut buf))?;
    write(out.write_all(&buf))
}
