//! Long pages through a pager (`less`, or `NUMB_PAGER` / `PAGER`) when stdout is a terminal,
//! so a page opens at its top — its title and content note — instead of its end.
//!
//! A page is built whole first; only then is a pager started, and only when the page is
//! taller than the screen. If the pager cannot start or fails, the page is printed directly:
//! a page (above all the support page) is never lost to a broken pager.

use std::io::{self, BufWriter, Stdout, Write};
use std::process::{Command, Stdio};

/// How to page, decided once per run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pager {
    /// The default: `less`, told to keep colours.
    Less,
    /// A command from `NUMB_PAGER` or `PAGER`, run by the shell as git does.
    Shell(String),
}

/// Where a page goes: straight to stdout, or into a buffer that may be paged at the end.
pub enum Sink {
    /// Standard output, buffered.
    Direct(BufWriter<Stdout>),
    /// The whole page, held until [`Sink::finish`].
    Held {
        /// The page so far.
        page: Vec<u8>,
        /// The pager to use if the page is taller than the screen.
        pager: Pager,
        /// The screen's height in lines, if known.
        rows: Option<usize>,
    },
}

/// The words of the pager's prompt, from the content.
pub struct Prompt<'a> {
    /// Shown while there is more to read.
    pub more: &'a str,
    /// Shown at the end of the page.
    pub end: &'a str,
}

impl Sink {
    /// Writes to stdout directly, or holds the page for `pager`.
    pub fn new(pager: Option<Pager>, rows: Option<usize>) -> Self {
        match pager {
            Some(pager) => Sink::Held {
                page: Vec::new(),
                pager,
                rows,
            },
            None => Sink::Direct(BufWriter::new(io::stdout())),
        }
    }

    /// Finishes the page: flushes it, or shows it through the pager when it is too tall.
    pub fn finish(self, prompt: &Prompt) -> io::Result<()> {
        match self {
            Sink::Direct(mut out) => out.flush(),
            Sink::Held { page, pager, rows } => {
                let lines = page.iter().filter(|&&b| b == b'\n').count();
                let fits = rows.is_some_and(|rows| lines < rows);
                if fits || !through_pager(&page, &pager, prompt) {
                    let mut out = io::stdout().lock();
                    out.write_all(&page)?;
                    out.flush()?;
                }
                Ok(())
            }
        }
    }
}

/// Escapes text for a `less` prompt, where `?:.%\` have meanings.
fn less_prompt_text(text: &str) -> String {
    text.chars()
        .flat_map(|c| match c {
            '?' | ':' | '.' | '%' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect()
}

/// Shows `page` through the pager; `false` if the pager could not start or failed.
fn through_pager(page: &[u8], pager: &Pager, prompt: &Prompt) -> bool {
    let mut cmd = match pager {
        Pager::Less => {
            let mut cmd = Command::new("less");
            let prompt = format!(
                "-P?e{}:{}.",
                less_prompt_text(prompt.end),
                less_prompt_text(prompt.more)
            );
            // -R keeps colours whatever LESS says; LESS=FRX when unset, as git does.
            cmd.args(["-R", &prompt]);
            if std::env::var_os("LESS").is_none() {
                cmd.env("LESS", "FRX");
            }
            cmd
        }
        Pager::Shell(line) => {
            let mut cmd = Command::new("sh");
            cmd.args(["-c", line]);
            cmd
        }
    };
    // Private as a paper notebook: less keeps no history of searches in numb's pages (for a
    // `less` named in NUMB_PAGER or PAGER too).
    cmd.env("LESSHISTFILE", "-");
    // numb's pages are UTF-8 whatever the locale says: without this, less under a C or
    // unset locale shows "qu<C3><A9>" for "qué" and breaks lines in the wrong places. A
    // charset the person chose for less is kept.
    if std::env::var_os("LESSCHARSET").is_none() && std::env::var_os("LESSCHARDEF").is_none() {
        cmd.env("LESSCHARSET", "utf-8");
    }
    let Ok(mut child) = cmd.stdin(Stdio::piped()).spawn() else {
        return false;
    };
    // Ctrl-C belongs to the pager now; numb waits for it to finish.
    let _ = ctrlc::set_handler(|| {});
    if let Some(mut input) = child.stdin.take() {
        // The reader may quit early (`q`): a broken pipe here is fine.
        let _ = input.write_all(page).and_then(|()| input.flush());
    }
    child.wait().is_ok_and(|status| status.success())
}

/// The pager to use, if any: none unless stdout is a terminal that can page, and
/// `--no-pager` was not given; then `NUMB_PAGER`, else `PAGER`, else `less` (an empty
/// value or `cat` means no pager).
pub fn choose(
    no_pager: bool,
    is_terminal: bool,
    term: Option<&str>,
    numb_pager: Option<String>,
    pager: Option<String>,
) -> Option<Pager> {
    if no_pager || !is_terminal || term == Some("dumb") {
        return None;
    }
    match numb_pager.or(pager) {
        Some(value) => {
            let line = value.trim();
            (!line.is_empty() && line != "cat").then(|| Pager::Shell(line.to_string()))
        }
        None => Some(Pager::Less),
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Direct(out) => out.write(buf),
            Sink::Held { page, .. } => page.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Direct(out) => out.flush(),
            Sink::Held { .. } => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn pages_only_on_a_terminal_that_can_and_when_wanted() {
        assert_eq!(choose(false, false, None, None, None), None);
        assert_eq!(choose(true, true, None, None, None), None);
        assert_eq!(choose(false, true, Some("dumb"), None, None), None);
        assert_eq!(
            choose(false, true, Some("xterm"), None, None),
            Some(Pager::Less)
        );
    }

    #[test]
    fn numb_pager_then_pager_and_empty_or_cat_turn_it_off() {
        assert_eq!(
            choose(false, true, None, None, some("most -s")),
            Some(Pager::Shell("most -s".into()))
        );
        assert_eq!(
            choose(false, true, None, some("less -R"), some("most")),
            Some(Pager::Shell("less -R".into()))
        );
        assert_eq!(choose(false, true, None, some(""), some("most")), None);
        assert_eq!(choose(false, true, None, None, some("cat")), None);
        assert_eq!(choose(false, true, None, None, some("  ")), None);
    }

    #[test]
    fn prompt_text_is_escaped_for_less() {
        assert_eq!(
            less_prompt_text("end. q: quit? 100%"),
            "end\\. q\\: quit\\? 100\\%"
        );
    }
}
