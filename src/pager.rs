//! Long pages through a pager (`less`, or `NUMB_PAGER` / `PAGER`) when stdout is a terminal,
//! so a page opens at its top — its title and content note — instead of its end.

use std::io::{self, BufWriter, Stdout, Write};
use std::process::{Child, ChildStdin, Command, Stdio};

/// The prompt `less` shows: where you are and how to leave, in plain words.
const LESS_PROMPT: &str = "-Pnumb ?e(end, press q to quit):(space for more, q to quit).";

/// Where a page goes: straight to stdout, or into a pager.
pub enum Sink {
    /// Standard output, buffered.
    Direct(BufWriter<Stdout>),
    /// A pager reading from a pipe.
    Pager {
        /// The running pager.
        child: Child,
        /// Its standard input; `None` once closed.
        input: Option<BufWriter<ChildStdin>>,
    },
}

impl Sink {
    /// Standard output.
    pub fn direct() -> Self {
        Sink::Direct(BufWriter::new(io::stdout()))
    }

    /// A pager running `command`, or standard output if it cannot be started.
    pub fn pager(command: &[String]) -> Self {
        let Some((program, args)) = command.split_first() else {
            return Sink::direct();
        };
        let mut cmd = Command::new(program);
        cmd.args(args).stdin(Stdio::piped());
        if std::env::var_os("LESS").is_none() {
            // Quit when the page fits the screen, keep colours, leave the page on screen.
            cmd.env("LESS", "FRX");
        }
        match cmd.spawn() {
            Ok(mut child) => {
                // Ctrl-C belongs to the pager now; numb waits for it to finish.
                let _ = ctrlc::set_handler(|| {});
                let input = child.stdin.take().map(BufWriter::new);
                Sink::Pager { child, input }
            }
            Err(_) => Sink::direct(),
        }
    }

    /// Flushes the page and, for a pager, waits until the reader closes it.
    pub fn finish(mut self) -> io::Result<()> {
        let flushed = self.flush();
        if let Sink::Pager { child, input } = &mut self {
            drop(input.take());
            child.wait()?;
        }
        flushed
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Direct(out) => out.write(buf),
            Sink::Pager {
                input: Some(input), ..
            } => input.write(buf),
            Sink::Pager { input: None, .. } => Err(io::ErrorKind::BrokenPipe.into()),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Direct(out) => out.flush(),
            Sink::Pager {
                input: Some(input), ..
            } => input.flush(),
            Sink::Pager { input: None, .. } => Ok(()),
        }
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        // Never leave a pager running on the terminal after numb has gone.
        if let Sink::Pager { child, input } = self {
            drop(input.take());
            let _ = child.wait();
        }
    }
}

/// The pager to use, if any: none unless stdout is a terminal and `--no-pager` was not given;
/// then `NUMB_PAGER`, else `PAGER`, else `less` (an empty value or `cat` means no pager).
pub fn command(
    no_pager: bool,
    is_terminal: bool,
    numb_pager: Option<String>,
    pager: Option<String>,
) -> Option<Vec<String>> {
    if no_pager || !is_terminal {
        return None;
    }
    match numb_pager.or(pager) {
        Some(value) => {
            let words: Vec<String> = value.split_whitespace().map(str::to_string).collect();
            match words.first().map(String::as_str) {
                None | Some("cat") => None,
                Some(_) => Some(words),
            }
        }
        None => Some(vec!["less".to_string(), LESS_PROMPT.to_string()]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn pages_only_on_a_terminal_and_when_wanted() {
        assert_eq!(command(false, false, None, None), None);
        assert_eq!(command(true, true, None, None), None);
        assert_eq!(command(false, true, None, None).unwrap()[0], "less");
    }

    #[test]
    fn numb_pager_then_pager_and_empty_or_cat_turn_it_off() {
        assert_eq!(
            command(false, true, None, some("most -s")),
            Some(vec!["most".into(), "-s".into()])
        );
        assert_eq!(
            command(false, true, some("less -R"), some("most")),
            Some(vec!["less".into(), "-R".into()])
        );
        assert_eq!(command(false, true, some(""), some("most")), None);
        assert_eq!(command(false, true, None, some("cat")), None);
        assert_eq!(command(false, true, None, some("  ")), None);
    }
}
