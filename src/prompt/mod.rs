//! Asking questions: one trait, [`Ask`], with two prompters behind it: the terminal one
//! (arrow keys, or a typed line) and the accessible one (typed answers, one line each, no cursor
//! movement). Which one a run uses is decided once ([`Asking`]); commands never know which.

mod accessible;
mod choose;
mod keys;
mod presses;
mod terminal;
pub mod typed;

use std::io::{self, IsTerminal, Write};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

pub use accessible::Typed;
pub use keys::{KeyMode, restore_terminal};
pub use presses::{Presses, Waited};
pub use terminal::{PROMPTING, Terminal, too_small};

use crate::content::Library;
use crate::error::Error;
use crate::reflect::flow::Prompter;
use crate::render::Look;

/// What Esc (or `q` typed, then Enter) does at a choice: leave the command, or go back a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leave {
    /// `q` leaves.
    Leaves,
    /// `q` goes back to the question before.
    GoesBack,
}

/// The questions every interactive screen asks, on top of a questionnaire's ([`Prompter`]).
pub trait Ask: Prompter {
    /// Asks a yes-or-no question. No is the default; Esc, or q typed, also mean no. A typed
    /// line is read whole, never a letter at a time.
    fn confirm(&mut self, prompt: &str) -> Result<bool, Error>;
    /// Asks a yes-or-no question before something that cannot be undone: the answer is a
    /// whole typed line (yes, y, sí… then Enter; Enter alone means no), so that keys typed
    /// ahead or a sentence typed in distress never answer it one letter at a time. A line
    /// that is neither is not taken (words of crisis in it are met with the help lines) and
    /// the question is asked again. The accessible mode's [`Ask::confirm`] is this already.
    fn confirm_typed(&mut self, prompt: &str) -> Result<bool, Error> {
        self.confirm(prompt)
    }
    /// Asks to pick one of `items`; `None` when the person leaves (Esc, or q typed).
    fn one_of(
        &mut self,
        prompt: &str,
        items: &[String],
        leave: Leave,
    ) -> Result<Option<usize>, Error>;
    /// Asks for one line of text, which may be empty; `kept` is text typed before (too long,
    /// say), offered again so it can be shortened instead of typed anew.
    fn line(&mut self, prompt: &str, kept: &str) -> Result<String, Error>;
    /// Says something that is not a question, one line each.
    fn say(&mut self, lines: &[String]) -> Result<(), Error>;
}

/// Whether questions are asked in the accessible mode, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Accessible {
    /// The terminal prompter.
    #[default]
    Off,
    /// The terminal cannot move the cursor (see [`cannot_move_cursor`]).
    Needed,
    /// Asked for: `--accessible`, `NUMB_ACCESSIBLE`, `ACCESSIBLE` or `[ui] accessible`.
    /// Questions are then asked even when the input is a pipe, line by line.
    Asked,
}

impl Accessible {
    /// Decides from the flag, `NUMB_ACCESSIBLE` (which wins over the others when set: `0`
    /// turns the mode off), `ACCESSIBLE`, the settings file (read only when needed) and
    /// `TERM`. A terminal that cannot move the cursor always gets the accessible mode.
    pub fn decide(
        flag: bool,
        numb_var: Option<&str>,
        cross_var: Option<&str>,
        setting: impl FnOnce() -> bool,
        term: Option<&str>,
        inside_emacs: Option<&str>,
    ) -> Self {
        let asked = flag
            || match (truthy(numb_var), truthy(cross_var)) {
                (Some(on), _) => on,
                (None, Some(on)) => on,
                (None, None) => setting(),
            };
        let dumb = cannot_move_cursor(term, inside_emacs);
        match (asked, dumb) {
            (true, _) => Accessible::Asked,
            (false, true) => Accessible::Needed,
            (false, false) => Accessible::Off,
        }
    }

    /// Decides for this run, from the flag and the real environment.
    pub fn detect(flag: bool) -> Self {
        let var = |k| std::env::var(k).ok();
        Accessible::decide(
            flag,
            var("NUMB_ACCESSIBLE").as_deref(),
            var("ACCESSIBLE").as_deref(),
            || crate::config::load().0.ui.accessible,
            var("TERM").as_deref(),
            var("INSIDE_EMACS").as_deref(),
        )
    }

    /// Whether questions are typed, one line each.
    pub fn is_on(self) -> bool {
        self != Accessible::Off
    }
}

/// Whether the terminal cannot move the cursor, so redrawn menus would come out as a mess:
/// `TERM` unset or empty, `dumb` (Emacs' shell, many editors' terminals, some screen-reader
/// and braille set-ups), `emacs` (older Emacs), `unknown` (what some systems set when they do
/// not know), and Emacs' shell (`INSIDE_EMACS` naming `comint`) whatever `TERM` says. Emacs'
/// own terminals (`term`, `vterm`, `eat`) move the cursor and keep the ordinary mode.
pub fn cannot_move_cursor(term: Option<&str>, inside_emacs: Option<&str>) -> bool {
    let term = term.map(str::trim).unwrap_or_default();
    let no_cursor = ["", "dumb", "emacs", "unknown"];
    no_cursor.iter().any(|t| term.eq_ignore_ascii_case(t))
        || inside_emacs.is_some_and(|v| v.split(',').any(|part| part.trim() == "comint"))
}

/// A variable's yes or no: unset or empty is neither; `0`, `false`, `no` and `off` are no.
fn truthy(value: Option<&str>) -> Option<bool> {
    let value = value?.trim();
    if value.is_empty() {
        return None;
    }
    let off = ["0", "false", "no", "off"];
    Some(!off.iter().any(|o| value.eq_ignore_ascii_case(o)))
}

/// How this run asks its questions: the accessible mode or not, and stderr's look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Asking {
    /// Whether answers are typed, one line each.
    pub accessible: Accessible,
    /// Stderr's width and colour, where questions are asked.
    pub look: Look,
}

impl Asking {
    /// Whether there is someone to ask: standard input and stderr are terminals, or the
    /// accessible mode was asked for (then a pipe can answer, line by line).
    pub fn can_ask(&self) -> bool {
        self.accessible == Accessible::Asked
            || (io::stdin().is_terminal() && io::stderr().is_terminal())
    }
}

/// The prompter for this run, on stderr (and standard input). Ctrl-C while it asks says the
/// questionnaire's "stopped, nothing was saved" line (see [`say_stopped`]).
pub fn open<'l>(library: &'l Library, asking: Asking) -> Box<dyn Ask + 'l> {
    exit_cleanly_on_ctrl_c(
        asking.accessible.is_on(),
        library.app.reflect_labels.stopped.get_ref(),
        library.page_words().support_pointer.get_ref(),
        asking.look.width,
    );
    if asking.accessible.is_on() {
        let echo = !io::stdin().is_terminal();
        Box::new(Typed::new(
            library,
            asking.look,
            io::stdin().lock(),
            io::stderr(),
            echo,
        ))
    } else {
        Box::new(Terminal::new(library, asking.look))
    }
}

/// Set when the accessible mode asks: Ctrl-C then writes no escape sequence.
static PLAIN_EXIT: AtomicBool = AtomicBool::new(false);

/// The line Ctrl-C says, in the language of the run (set with [`exit_cleanly_on_ctrl_c`]).
static STOPPED_LINE: Mutex<String> = Mutex::new(String::new());

/// Set once the stopped line was said: by the Ctrl-C handler or by `main` (dialoguer's own
/// Ctrl-C, an [`Error::Interrupted`]), whichever comes first. The other says nothing.
static SAID: AtomicBool = AtomicBool::new(false);

/// Says, once per run, the calm line that numb stopped (on its own line, no "error:"):
/// the line set by [`exit_cleanly_on_ctrl_c`], or `fallback`. Ctrl-C reaches numb by two
/// paths that can race (the signal handler, and dialoguer reading the key as an
/// interruption); both end here, so the person reads the same line whichever wins. Returns
/// whether this call said it.
pub fn say_stopped(fallback: &str) -> bool {
    if SAID.swap(true, Ordering::SeqCst) {
        return false;
    }
    // try_lock: the handler must never wait on a lock the interrupted thread holds.
    let line = match STOPPED_LINE.try_lock() {
        Ok(line) if !line.is_empty() => line.clone(),
        _ => fallback.to_string(),
    };
    // One write, so a second Ctrl-C cannot cut the line in half.
    let mut err = io::stderr().lock();
    let _ = err.write_all(format!("{line}\n").as_bytes());
    let _ = err.flush();
    true
}

/// Sets the line Ctrl-C says from now on (a command whose stopping keeps something else
/// than a reflection says so: "Nothing was deleted."), then `pointer`, the line that points
/// to `numb support` (help is one step away from every way numb ends), each wrapped at spaces
/// to `width`, stderr's width: the terminal would split their words.
pub fn when_stopped_say(line: &str, pointer: &str, width: usize) {
    let mut wrapped = textwrap::fill(line, width.max(20));
    if !pointer.is_empty() && !line.contains("numb support") {
        // The pointer is inline Markdown (`numb support` as code): said as its plain words.
        use crate::content::markup::{self, Block};
        let pointer = match markup::parse(pointer).as_deref() {
            Ok([Block::Paragraph(run)]) => markup::plain_text(run),
            _ => pointer.to_string(),
        };
        wrapped.push_str("\n\n");
        wrapped.push_str(&textwrap::fill(&pointer, width.max(20)));
    }
    if let Ok(mut stopped) = STOPPED_LINE.lock() {
        *stopped = wrapped;
    }
}

/// Shows the cursor again (unless in the accessible mode, which never hid it), says that
/// numb stopped (`line` and `pointer`, wrapped to `width`, see [`say_stopped`]) and leaves with 130 when
/// Ctrl-C (or a hang-up or termination signal) arrives while questions are asked.
// A signal handler has no caller to return an error to: leaving here is the one exception to
// "main picks the exit code" (ARCHITECTURE.md).
#[allow(clippy::exit)]
pub fn exit_cleanly_on_ctrl_c(accessible: bool, line: &str, pointer: &str, width: usize) {
    PLAIN_EXIT.fetch_or(accessible, Ordering::SeqCst);
    when_stopped_say(line, pointer, width);
    let _ = ctrlc::set_handler(|| {
        restore_terminal();
        if SAID.load(Ordering::SeqCst) {
            // `main` is saying it and exits with 130 itself.
            return;
        }
        let mut err = io::stderr();
        // Below the question's line, whatever was typed on it.
        let _ = match PLAIN_EXIT.load(Ordering::SeqCst) {
            true => writeln!(err),
            false => writeln!(err, "\x1b[?25h"),
        };
        if !say_stopped("") {
            // `main` is saying it and exits with 130 itself.
            return;
        }
        std::process::exit(130);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mode_is_asked_for_or_needed() {
        let decide = |flag, numb, cross, setting, term| {
            Accessible::decide(flag, numb, cross, || setting, term, None)
        };
        let xterm = Some("xterm-256color");
        assert_eq!(decide(false, None, None, false, xterm), Accessible::Off);
        assert_eq!(decide(true, None, None, false, xterm), Accessible::Asked);
        assert_eq!(
            decide(false, Some("1"), None, false, xterm),
            Accessible::Asked
        );
        assert_eq!(
            decide(false, None, Some("1"), false, xterm),
            Accessible::Asked
        );
        assert_eq!(
            decide(false, None, Some("yes"), false, xterm),
            Accessible::Asked
        );
        assert_eq!(
            decide(false, None, Some("0"), false, xterm),
            Accessible::Off
        );
        assert_eq!(
            decide(false, None, Some("FALSE"), false, xterm),
            Accessible::Off
        );
        assert_eq!(decide(false, None, Some(""), false, xterm), Accessible::Off);
        assert_eq!(decide(false, None, None, true, xterm), Accessible::Asked);
        // NUMB_ACCESSIBLE=0 wins over the cross-tool variable and the settings.
        assert_eq!(
            decide(false, Some("0"), Some("1"), true, xterm),
            Accessible::Off
        );
        // ... but not over the flag, nor over a terminal that cannot move the cursor.
        assert_eq!(
            decide(true, Some("0"), None, false, xterm),
            Accessible::Asked
        );
        assert_eq!(
            decide(false, Some("0"), None, false, Some("dumb")),
            Accessible::Needed
        );
        assert_eq!(decide(false, None, None, false, None), Accessible::Needed);
        assert_eq!(
            decide(false, None, None, false, Some("")),
            Accessible::Needed
        );
        assert_eq!(
            Accessible::decide(false, None, None, || false, xterm, Some("29.1,comint")),
            Accessible::Needed
        );
        assert!(!Accessible::Off.is_on());
        assert!(Accessible::Needed.is_on());
    }

    /// Which terminals get the accessible mode by themselves.
    #[test]
    fn terminals_that_cannot_move_the_cursor() {
        let table = [
            (None, None, true),
            (Some(""), None, true),
            (Some("dumb"), None, true),
            (Some(" DUMB "), None, true),
            (Some("emacs"), None, true),
            (Some("unknown"), None, true),
            (Some("dumb"), Some("29.1,comint"), true),
            (Some("xterm-256color"), Some("29.1,comint"), true),
            (Some("xterm-256color"), None, false),
            (Some("screen"), None, false),
            (Some("linux"), None, false),
            (Some("eterm-color"), Some("29.1,term:0.96"), false),
            (Some("xterm-256color"), Some("vterm"), false),
            (Some("xterm-256color"), Some("29.1,eat"), false),
        ];
        for (term, emacs, expected) in table {
            assert_eq!(
                cannot_move_cursor(term, emacs),
                expected,
                "TERM={term:?} INSIDE_EMACS={emacs:?}"
            );
        }
    }

    #[test]
    fn the_settings_file_is_read_only_when_the_variables_say_nothing() {
        let mut read = false;
        Accessible::decide(
            false,
            Some("1"),
            None,
            || {
                read = true;
                false
            },
            None,
            None,
        );
        assert!(!read);
    }
}
