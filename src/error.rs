//! The one error type of numb: each variant carries its context and knows its exit code.

use std::io;
use std::path::PathBuf;
use std::sync::Arc;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

/// A content file as loaded: where it came from and its full text.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SourceFile {
    /// The path shown in messages (relative for built-in content).
    pub path: String,
    /// The whole file (borrowed for built-in content, which is in the binary).
    pub text: std::borrow::Cow<'static, str>,
    /// The pack it belongs to, in load order (0 is the built-in content): whose credit its
    /// exported pages carry.
    pub pack: usize,
}

/// One problem in a content file, at a byte range of that file.
#[derive(Debug, Clone)]
pub struct Problem {
    /// The file the problem is in.
    pub file: Arc<SourceFile>,
    /// Byte range of the offending text in the file.
    pub span: std::ops::Range<usize>,
    /// What is wrong, for the author.
    pub message: String,
    /// For the "and N more problems in this file" line: the N problems it stands for (0 for
    /// a problem of its own).
    pub hides: usize,
}

/// The 1-based line and column (in characters) of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..floor_char_boundary(text, offset.min(text.len()))];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

impl Problem {
    /// The 1-based line and column (in characters) where the problem starts.
    pub fn line_col(&self) -> (usize, usize) {
        line_col(&self.file.text, self.span.start)
    }

    /// The 1-based line and column just after the problem's text (the start, when empty).
    pub fn end_line_col(&self) -> (usize, usize) {
        let end = Problem {
            span: self.span.end.max(self.span.start)..self.span.end,
            ..self.clone()
        };
        end.line_col()
    }

    /// `path:line:col: message`, then the source line and a caret.
    pub fn render(&self, color: bool) -> String {
        let message = crate::sanitize::escape_controls(&self.message);
        let path = crate::sanitize::escape_controls(&self.file.path);
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let full = &*self.file.text;
        if full.is_empty() {
            // A file that is missing or was not read: there is no line to show.
            let title = Level::ERROR.primary_title(&message);
            let title = renderer.render(&[annotate_snippets::Group::with_title(title)]);
            // A folder (its path ends with a separator) has no line to point at.
            if path.ends_with(std::path::MAIN_SEPARATOR) {
                return format!("{title}\n --> {path}");
            }
            let (line, col) = self.line_col();
            return format!("{title}\n --> {path}:{line}:{col}");
        }
        // Only the lines the problem touches: a file with many problems stays fast.
        let start = floor_char_boundary(full, self.span.start.min(full.len()));
        let end = floor_char_boundary(full, self.span.end.clamp(start, full.len()));
        let first = full[..start].rfind('\n').map_or(0, |at| at + 1);
        let last = full[end..].find('\n').map_or(full.len(), |at| end + at);
        let lines = visible(&full[first..last]);
        let (line, _) = self.line_col();
        let report = &[Level::ERROR.primary_title(&message).element(
            Snippet::source(lines.as_ref())
                .line_start(line)
                .path(path)
                .annotation(AnnotationKind::Primary.span(start - first..end - first)),
        )];
        renderer.render(report)
    }
}

/// Source lines fit to show: annotate-snippets turns C0 controls and the bidi overrides into
/// visible symbols itself; every other character a terminal could act on (C1 controls, bidi
/// marks, tag characters) becomes a placeholder of the same length in UTF-8, so spans still fit.
fn visible(lines: &str) -> std::borrow::Cow<'_, str> {
    let hidden = |c: char| !c.is_ascii_control() && crate::sanitize::needs_escape(c);
    if !lines.contains(hidden) {
        return lines.into();
    }
    lines
        .chars()
        .map(|c| match (hidden(c), c.len_utf8()) {
            (false, _) => c.to_string(),
            (true, 2) => "\u{b7}".to_string(),
            (true, 3) => "\u{fffd}".to_string(),
            (true, n) => "?".repeat(n),
        })
        .collect::<String>()
        .into()
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Everything that can go wrong in numb.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Content that does not load or does not pass the checks.
    #[error("{}", count_problems(total(.0), files_of(.0)))]
    Content(Vec<Problem>),

    /// `numb check --format json` found problems; they are in its output.
    #[error("{}", count_problems(*.problems, *.files))]
    Checked {
        /// How many problems.
        problems: usize,
        /// In how many files.
        files: usize,
    },

    /// `numb learn <name>` with a name that is no topic or alias.
    #[error("{}", unknown_topic(.name, .suggestion))]
    UnknownTopic {
        /// What the user typed.
        name: String,
        /// Where to point them instead.
        suggestion: Suggestion,
    },

    /// `numb reflect <name>` with a name that is no questionnaire.
    #[error("there is no questionnaire called `{}`; numb has: {}\n\nRun `numb reflect --list` to see them.\n{SUPPORT_LINE}", shorten(&crate::sanitize::escape_controls(.name), 60), .ids.join(", "))]
    UnknownQuestionnaire {
        /// What the user typed.
        name: String,
        /// The questionnaires there are.
        ids: Vec<String>,
    },

    /// Answers given with `--answers` or `--answers-file` that do not fit the questionnaire.
    #[error("{message}")]
    Answers {
        /// The questionnaire's id.
        questionnaire: String,
        /// What is wrong, naming the item and the allowed values.
        message: String,
    },

    /// `numb reflect` with no terminal to ask in and no answers given.
    #[error("{}", no_terminal(.id, .items, .values))]
    NoTerminal {
        /// The questionnaire's id.
        id: String,
        /// How many answers it needs.
        items: usize,
        /// The allowed values, with their labels.
        values: String,
    },

    /// Ctrl-C during the questions: nothing was written. Not an error to the person: `main`
    /// says it as one calm line without "error:" (see `prompt::say_stopped`).
    #[error("Stopped. Nothing was saved. You can come back any time.")]
    Interrupted,

    /// Ctrl-C (or a termination signal) during an export to a folder, or at the question
    /// whether to forget the history: what it says was (not) done.
    #[error("stopped; {0}")]
    Stopped(&'static str),

    /// The terminal went away in the middle of the questions.
    #[error("the input closed before the questions were finished; nothing was saved")]
    InputClosed,

    /// A command-line value that clap cannot judge on its own.
    #[error("{0}")]
    Usage(String),

    /// An input file or folder that is not there or cannot be read.
    #[error("cannot read {}: {}", shown(.path), describe(.source))]
    Input {
        /// The path given.
        path: PathBuf,
        /// Why it failed.
        source: io::Error,
    },

    /// An output file or folder that cannot be created.
    #[error("cannot write {}: {}", shown(.path), describe(.source))]
    Output {
        /// The path given.
        path: PathBuf,
        /// Why it failed.
        source: io::Error,
    },

    /// `--out DIR` names a folder that already has files in it.
    #[error("{} is not empty; choose an empty folder, or add --force to replace the files there that have the names numb writes", shown(.path))]
    OutputNotEmpty {
        /// The folder given.
        path: PathBuf,
    },

    /// `--out FILE` names a file that already has something in it.
    #[error("{} already has something in it; choose another name, or add --force to replace it", shown(.path))]
    OutputFileNotEmpty {
        /// The file given.
        path: PathBuf,
    },

    /// Writing to standard output failed (a full disk, a closed terminal…).
    #[error("cannot write output: {}", describe(.0))]
    Write(#[source] io::Error),
}

/// Where to send someone who asked for a topic that does not exist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Suggestion {
    /// A topic id close to what they typed.
    Topic(String),
    /// Nothing close: the topic list.
    List,
}

/// How many problems these stand for, counting the ones an "and N more" line hides.
pub fn total(problems: &[Problem]) -> usize {
    problems.iter().map(|p| p.hides.max(1)).sum()
}

/// How many different files the problems are in.
pub fn files_of(problems: &[Problem]) -> usize {
    let mut paths: Vec<&str> = problems.iter().map(|p| p.file.path.as_str()).collect();
    paths.sort_unstable();
    paths.dedup();
    paths.len()
}

fn count_problems(problems: usize, files: usize) -> String {
    let s = |n: usize| if n == 1 { "" } else { "s" };
    format!(
        "{problems} problem{} in {files} content file{}",
        s(problems),
        s(files)
    )
}

fn no_terminal(id: &str, items: &usize, values: &str) -> String {
    let example = if values.starts_with('1') {
        "1,0,0,1,…"
    } else {
        "0,2,-,4,…"
    };
    format!(
        "`numb reflect` asks its questions in a terminal, and there is none it can use here.\n\
         To answer from a script, give one answer per question, in order ({items} for `{id}`):\n\n  \
         numb reflect {id} --answers {example}      values: {values}\n  \
         numb reflect {id} --answers-file answers.json   the same list, or {{\"item-id\": value, …}}\n\n\
         The item ids are in `numb export --format json`."
    )
}

/// The line that ends a "there is no such thing" error: help is one step away there too.
pub const SUPPORT_LINE: &str =
    "If things feel heavy, `numb support` lists free, confidential help lines.";

fn unknown_topic(name: &str, suggestion: &Suggestion) -> String {
    let name = shorten(&crate::sanitize::escape_controls(name.trim()), 60);
    match suggestion {
        Suggestion::Topic(id) => format!(
            "there is no topic called `{name}`; did you mean `{id}`?\n\n  numb learn {id}\n\n\
             Run `numb learn` to see every topic.\n{SUPPORT_LINE}"
        ),
        Suggestion::List => {
            format!(
                "there is no topic called `{name}`.\n\nRun `numb learn` to see every topic.\n{SUPPORT_LINE}"
            )
        }
    }
}

/// A path as the user can read it: control characters escaped.
fn shown(path: &std::path::Path) -> String {
    crate::sanitize::escape_controls(&path.display().to_string())
}

/// An I/O error in plain words, without the "(os error N)" tail.
pub fn describe(e: &io::Error) -> String {
    let text = e.to_string();
    if let Some(at) = text.rfind(" (os error ")
        && text.ends_with(')')
    {
        return text[..at].to_string();
    }
    // An error made from its kind alone reads as Rust names the kind ("entity not found"):
    // say it as the system does.
    if text == io::Error::from(e.kind()).to_string() {
        use io::ErrorKind as K;
        let system = match e.kind() {
            K::NotFound => "No such file or directory",
            K::PermissionDenied => "Permission denied",
            K::AlreadyExists => "File exists",
            K::NotADirectory => "Not a directory",
            K::IsADirectory => "Is a directory",
            K::DirectoryNotEmpty => "Directory not empty",
            K::ReadOnlyFilesystem => "Read-only file system",
            K::StorageFull => "No space left on device",
            K::FileTooLarge => "File too large",
            K::InvalidFilename => "File name too long",
            K::Interrupted => "Interrupted system call",
            _ => return text,
        };
        return system.to_string();
    }
    text
}

#[cfg(test)]
mod describe_tests {
    use super::*;

    #[test]
    fn errors_read_as_the_system_says_them() {
        assert_eq!(
            describe(&io::Error::from(io::ErrorKind::NotFound)),
            "No such file or directory"
        );
        assert_eq!(
            describe(&io::Error::from_raw_os_error(13)),
            "Permission denied"
        );
        assert_eq!(
            describe(&io::Error::other("its own words")),
            "its own words"
        );
    }
}

/// At most `max` characters, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        text.chars().take(max - 1).chain(['…']).collect()
    }
}

impl Error {
    /// The process exit code for this error (sysexits.h where one fits).
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Content(_) | Error::Checked { .. } | Error::Answers { .. } => 65,
            Error::UnknownQuestionnaire { .. } | Error::NoTerminal { .. } => 2,
            Error::Interrupted | Error::Stopped(_) => 130,
            Error::InputClosed => 66,
            Error::UnknownTopic { .. } | Error::Usage(_) => 2,
            Error::Input { .. } => 66,
            Error::Output { .. }
            | Error::OutputNotEmpty { .. }
            | Error::OutputFileNotEmpty { .. } => 73,
            Error::Write(_) => 74,
        }
    }

    /// True when the reader went away (`numb … | head`): not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Write(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }

    /// The full message for stderr, starting with `error:`.
    pub fn report(&self, color: bool) -> String {
        match self {
            Error::Content(problems) => {
                let mut out = String::new();
                for problem in problems {
                    out.push_str(&problem.render(color));
                    out.push_str("\n\n");
                }
                out.push_str(&format!("error: {self}"));
                out
            }
            _ => format!("error: {self}"),
        }
    }
}

/// The candidate closest to a mistyped `name`, if one is close enough to suggest: each
/// candidate is the text to compare and what to give back for it (an alias gives its id).
pub fn closest<'a, T>(name: &str, candidates: impl IntoIterator<Item = (&'a str, T)>) -> Option<T> {
    candidates
        .into_iter()
        .map(|(candidate, found)| (strsim::jaro_winkler(name, candidate), found))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, found)| found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(text: &str, span: std::ops::Range<usize>) -> Problem {
        Problem {
            hides: 0,
            file: Arc::new(SourceFile {
                path: "content/en/topics/x.toml".into(),
                text: text.to_string().into(),
                pack: 0,
            }),
            span,
            message: "unknown topic `nope`".into(),
        }
    }

    #[test]
    fn line_and_column_are_one_based_and_count_characters() {
        let text = "a = 1\nb = \"é\" # x\nrelated = [\"nope\"]\n";
        let at = text.find("\"nope\"").unwrap();
        assert_eq!(problem(text, at..at + 6).line_col(), (3, 12));
        let at = text.find('#').unwrap();
        assert_eq!(problem(text, at..at + 1).line_col(), (2, 9));
    }

    #[test]
    fn render_shows_path_line_col_source_and_caret() {
        let text = "id = \"x\"\nrelated = [\"nope\"]\n";
        let at = text.find("\"nope\"").unwrap();
        let out = problem(text, at..at + 6).render(false);
        assert!(out.contains("error: unknown topic `nope`"), "{out}");
        assert!(out.contains("--> content/en/topics/x.toml:2:12"), "{out}");
        assert!(out.contains("related = [\"nope\"]"), "{out}");
        assert!(out.contains("^^^^^^"), "{out}");
        assert!(!out.contains('\x1b'));
    }

    #[test]
    fn exit_codes_follow_the_design() {
        let io = || io::Error::other("x");
        assert_eq!(Error::Content(vec![]).exit_code(), 65);
        assert_eq!(Error::Usage("x".into()).exit_code(), 2);
        assert_eq!(
            Error::Input {
                path: "p".into(),
                source: io()
            }
            .exit_code(),
            66
        );
        assert_eq!(
            Error::Output {
                path: "p".into(),
                source: io()
            }
            .exit_code(),
            73
        );
        assert_eq!(
            Error::OutputFileNotEmpty { path: "p".into() }.exit_code(),
            73
        );
        assert_eq!(Error::Write(io()).exit_code(), 74);
        assert!(Error::Write(io::ErrorKind::BrokenPipe.into()).is_broken_pipe());
    }
}
