//! What each command needs before it runs, stated in one place: which content it loads,
//! whether its page may go through a pager, and whether Ctrl-C must stop it cleanly.

use std::io::IsTerminal;

use crate::cli::{Command, ExportFormat, HistoryAction, ListFormat, SummaryFormat};

/// Which content a command loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Content {
    /// None, or its own way (`check`, `completions`, `man`).
    None,
    /// The built-in content and every pack that loads: a pack with a problem never blocks the
    /// person reading. It is left out and named once on stderr, after the page.
    Reading,
    /// Everything, leaving body text to the Markdown writer, which refuses what is outside
    /// the subset as it writes (a folder export; every file is staged before any is placed).
    Writing,
    /// Everything, checked; a problem stops the command with the full report (publishing:
    /// a handout must never silently lose a page).
    Full,
}

/// What a command needs before it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Needs {
    /// The content it loads.
    pub content: Content,
    /// Whether its page may go through a pager on a terminal (data and questions never do).
    pub paged: bool,
    /// Whether Ctrl-C stops it and removes what it wrote (a folder export).
    pub stops_on_ctrl_c: bool,
}

/// What `command` (none: the welcome page) needs.
pub fn of(command: Option<&Command>) -> Needs {
    let stdin_terminal = || std::io::stdin().is_terminal();
    let needs = |content, paged| Needs {
        content,
        paged,
        stops_on_ctrl_c: false,
    };
    let Some(command) = command else {
        return needs(Content::Reading, true);
    };
    match command {
        Command::Check(_) | Command::Completions(_) | Command::Man(_) => {
            needs(Content::None, false)
        }
        // JSON is data: never behind a pager.
        Command::Support(a) => needs(Content::Reading, a.format == ListFormat::Text),
        Command::History(a) => needs(
            Content::Reading,
            matches!(
                a.action,
                None | Some(HistoryAction::Trend(_) | HistoryAction::Report(_))
            ),
        ),
        Command::Export(a) if a.out.is_some() && a.format != ExportFormat::Json => Needs {
            content: Content::Writing,
            paged: false,
            stops_on_ctrl_c: true,
        },
        Command::Export(_) => needs(Content::Full, false),
        // Choosing a word happens in the terminal: never behind a pager.
        Command::Feelings(a) => needs(
            Content::Reading,
            a.format == ListFormat::Text && (!a.word.is_empty() || a.body || !stdin_terminal()),
        ),
        // A guided practice waits for Enter: never behind a pager.
        Command::Practice(a) => needs(
            Content::Reading,
            a.format == ListFormat::Text
                && (a.id.is_empty() || a.no_wait || !a.plain && !stdin_terminal()),
        ),
        // A summary ends with where to get help when it points there: never behind a pager,
        // where that end would wait on a later page.
        Command::Reflect(a) => needs(Content::Reading, a.list && a.format != SummaryFormat::Json),
        Command::Learn(a) => needs(Content::Reading, a.format == ListFormat::Text),
    }
}
