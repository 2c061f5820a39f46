//! `numb practice [id]`: the guided practices, as a list, or one practice guided a step at a
//! time in the terminal (`--plain` for screen readers and calm terminals), or every step at
//! once (`--no-wait`, and whenever standard input is not a terminal).

use std::io::{self, IsTerminal, Write};
use std::time::Duration;

use anstyle::Style;

use crate::content::Library;
use crate::content::model::Practice;
use crate::error::Error;
use crate::prompt::{self, KeyMode, Presses, Waited};
use crate::render::terminal::page::{HANG, Page, Styles, inline_spans};
use crate::render::wrap::Span;
use crate::render::{Look, fill, table, terminal};

/// How `numb practice <id>` runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// One step at a time, with a quiet countdown during pauses.
    Guided,
    /// One step at a time, one line each: no animation, no cursor movement.
    Plain,
    /// Every step at once.
    NoWait,
}

/// Runs `numb practice`. `look` is standard output's, where the steps go; `said` is
/// stderr's (the prompt look), where what to press is said.
pub fn run<W: Write>(
    out: &mut W,
    library: &Library,
    id: Option<&str>,
    mode: Mode,
    look: Look,
    said: Look,
) -> Result<(), Error> {
    let Some(id) = id else {
        return list(out, library, look).map_err(Error::Write);
    };
    let practice = find(library, id)?;
    // Plain is plain: no colour or styles either.
    let look = match mode {
        Mode::Plain => Look {
            color: false,
            ..look
        },
        _ => look,
    };
    let mode = match mode {
        // Without a terminal to press Enter on, a countdown has no one to wait for; plain
        // steps still read one line per step from the input.
        Mode::Guided if !io::stdin().is_terminal() => Mode::NoWait,
        mode => mode,
    };
    match mode {
        Mode::NoWait => whole(out, library, practice, look).map_err(Error::Write),
        mode => guide(out, library, practice, mode == Mode::Plain, look, said),
    }
}

/// The practice with this id, or a usage error listing them.
fn find<'l>(library: &'l Library, id: &str) -> Result<&'l Practice, Error> {
    let id = id.trim();
    let dashed = id.split_whitespace().collect::<Vec<_>>().join("-");
    library
        .practices
        .iter()
        .find(|p| p.id.get_ref().eq_ignore_ascii_case(&dashed))
        .map(|p| &**p)
        .ok_or_else(|| {
            let ids: Vec<&str> = library
                .practices
                .iter()
                .map(|p| p.id.get_ref().as_str())
                .collect();
            let near = crate::error::closest(&id.to_lowercase(), ids.iter().map(|k| (*k, *k)))
                .map(|known| format!(" Did you mean `{known}`?"))
                .unwrap_or_default();
            Error::Usage(format!(
                "there is no practice called `{}`.{near} numb has: {}\n{}",
                crate::render::sanitize::escape_controls(id),
                ids.join(", "),
                crate::error::SUPPORT_LINE
            ))
        })
}

fn list<W: Write>(out: &mut W, library: &Library, look: Look) -> io::Result<()> {
    let labels = &library.app.practice_labels;
    let minutes = library.app.reflect_labels.minutes.get_ref();
    let rows = library
        .practices
        .iter()
        .map(|p| {
            vec![
                p.id.get_ref().clone(),
                p.title.get_ref().clone(),
                fill(minutes, &[("minutes", p.minutes.get_ref().to_string())]),
            ]
        })
        .collect();
    let header = [
        labels.list_id.get_ref().as_str(),
        library.page_words().labels.table_title.get_ref(),
        library.app.reflect_labels.list_time.get_ref(),
    ];
    table::write(out, &header, rows, look)?;
    writeln!(out)?;
    terminal::footer(out, labels.list_footer.get_ref(), look)?;
    writeln!(out)?;
    terminal::support_pointer(out, library, look)
}

/// The title and why it can help.
fn opening<W: Write>(page: &mut Page<'_, W>, library: &Library, p: &Practice) -> io::Result<()> {
    if let Some(note) = library.fallback_note(&p.file) {
        page.para(&[Span::new(note.as_str(), Styles::quiet())])?;
        page.blank()?;
    }
    page.para(&[Span::new(p.title.get_ref().as_str(), Styles::title())])?;
    page.heading(library.app.practice_labels.why.get_ref())?;
    page.body(p.why.get_ref())
}

/// One step: its number, its quiet time stretched by `pace` (left out when too short to
/// say, see [`quiet_time`]), its words and its question.
fn step<W: Write>(
    page: &mut Page<'_, W>,
    library: &Library,
    p: &Practice,
    n: usize,
    pace: f64,
) -> io::Result<()> {
    let labels = &library.app.practice_labels;
    let s = &p.steps[n];
    let mut heading = fill(
        labels.step.get_ref(),
        &[
            ("n", (n + 1).to_string()),
            ("total", p.steps.len().to_string()),
        ],
    );
    if let Some(quiet) = s
        .pause
        .as_ref()
        .and_then(|q| quiet_time(*q.get_ref(), pace))
    {
        heading.push_str(&format!(
            " ({})",
            fill(
                labels.pause.get_ref(),
                &[("seconds", quiet.as_secs().to_string())]
            )
        ));
    }
    page.para(&[Span::new(heading, Styles::heading())])?;
    page.para(&inline_spans(s.text.get_ref()))?;
    if let Some(prompt) = &s.prompt {
        page.lines(
            &[Span::new(prompt.get_ref().as_str(), Style::new().italic())],
            "  ",
            "  ",
        )?;
    }
    Ok(())
}

/// The closing line, what to read next, the sources and the support pointer.
fn ending<W: Write>(
    page: &mut Page<'_, W>,
    library: &Library,
    p: &Practice,
    sources: bool,
) -> io::Result<()> {
    let labels = &library.app.practice_labels;
    page.para(&inline_spans(p.closing.get_ref()))?;
    let related: Vec<String> = p
        .related
        .iter()
        .filter_map(|id| library.topic(id.get_ref()))
        .map(|t| format!("{}: `numb learn {}`", t.title.get_ref(), t.id.get_ref()))
        .collect();
    if !related.is_empty() {
        page.heading(labels.related.get_ref())?;
        for line in &related {
            page.lines(&inline_spans(line), "  - ", HANG)?;
        }
    }
    if sources {
        terminal::sources(page, labels.sources.get_ref(), &p.sources)?;
    }
    page.blank()?;
    terminal::support_pointer(page.out, library, page.look)
}

/// Every step at once, for reading, printing and scripts.
fn whole<W: Write>(out: &mut W, library: &Library, p: &Practice, look: Look) -> io::Result<()> {
    let mut page = Page::new(out, look);
    opening(&mut page, library, p)?;
    page.heading(library.app.practice_labels.steps.get_ref())?;
    for n in 0..p.steps.len() {
        step(&mut page, library, p, n, 1.0)?;
        page.blank()?;
    }
    ending(&mut page, library, p, true)
}

/// How much pauses are stretched: `NUMB_PACE` (0 leaves them out; tests use it), 1 by
/// default.
fn pace() -> f64 {
    std::env::var("NUMB_PACE")
        .ok()
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|v| v.is_finite() && *v >= 0.0)
        .map_or(1.0, |v| v.clamp(0.0, 10.0))
}

/// The shortest quiet time numb counts, in whole seconds: one that `NUMB_PACE` makes shorter
/// is no quiet time at all (it would be said as "about 0 seconds", or 1 second to be still in).
const SHORTEST_QUIET: u64 = 2;

/// A step's quiet time of `seconds`, stretched by `pace` and rounded to whole seconds (as it
/// is said); `None` when that is shorter than [`SHORTEST_QUIET`] (`NUMB_PACE=0`, say): the
/// step then waits for Enter, as a step without a quiet time does.
fn quiet_time(seconds: u32, pace: f64) -> Option<Duration> {
    let paced = (f64::from(seconds) * pace).round();
    // pace is at most 10 and seconds a u32: the product fits a u64.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let paced = paced as u64;
    (paced >= SHORTEST_QUIET).then(|| Duration::from_secs(paced))
}

/// One step at a time: Enter goes on; a pause counts down quietly (or, plain, says how long
/// once) and ends early on Enter. Enter presses made ahead of time do not skip later steps,
/// and when the input ends the pauses still take their time.
fn guide<W: Write>(
    out: &mut W,
    library: &Library,
    p: &Practice,
    plain: bool,
    look: Look,
    said: Look,
) -> Result<(), Error> {
    let labels = &library.app.practice_labels;
    // What to press goes to stderr: wrapped to stderr's width, which differs from the page's
    // when standard output is piped or redirected.
    let said = Look {
        plain: look.plain,
        ..said
    };
    prompt::exit_cleanly_on_ctrl_c(
        plain,
        labels.stopped.get_ref(),
        library.page_words().support_pointer.get_ref(),
        said.width,
    );
    // In an ordinary terminal single keys work, without echo: Enter, or q or Esc to stop.
    // Plain (and where the terminal cannot be changed), lines typed: Enter, or q then Enter.
    // Either reader ends with the input. Dropping `keys` puts the terminal back.
    let keys = if plain { None } else { KeyMode::start() };
    let presses = match keys {
        Some(_) => Presses::keys(),
        None => Presses::start(),
    };
    let (begin, enter, pause_enter) = match keys {
        Some(_) => (&labels.begin_keys, &labels.enter_keys, &labels.pause_keys),
        None => (&labels.begin, &labels.enter, &labels.pause_enter),
    };
    let pace = pace();
    let mut err = io::stderr();
    {
        let mut page = Page::new(out, look);
        opening(&mut page, library, p).map_err(Error::Write)?;
        page.blank().map_err(Error::Write)?;
    }
    out.flush().map_err(Error::Write)?;
    // Reading why it can help takes a moment: the first step waits for Enter.
    say(&mut err, begin.get_ref(), said);
    if presses.wait(None) == Waited::Stop {
        return stopped(out, library, look, said);
    }
    // An echoed Enter leaves a blank line before the step; an unechoed key does not.
    if keys.is_some() {
        let _ = writeln!(err);
    }
    for n in 0..p.steps.len() {
        // Enter pressed more than once before does not skip this step.
        if presses.forget_early() {
            return stopped(out, library, look, said);
        }
        {
            let mut page = Page::new(out, look);
            step(&mut page, library, p, n, pace).map_err(Error::Write)?;
        }
        out.flush().map_err(Error::Write)?;
        let last = n + 1 == p.steps.len();
        let quiet = p.steps[n]
            .pause
            .as_ref()
            .and_then(|s| quiet_time(*s.get_ref(), pace));
        match quiet {
            Some(wait) => {
                let text = fill(
                    pause_enter.get_ref(),
                    &[("seconds", wait.as_secs().to_string())],
                );
                say(&mut err, &text, said);
                let waited = if plain {
                    let waited = presses.wait(Some(wait));
                    // The end of a quiet time is said in words, not shown by a countdown.
                    if plain && waited == Waited::Time {
                        say(&mut err, labels.pause_over.get_ref(), said);
                    }
                    waited
                } else {
                    // A quiet countdown on one line, rewritten in place.
                    let started = std::time::Instant::now();
                    let mut waited = Waited::Time;
                    while let Some(left) = wait.checked_sub(started.elapsed()) {
                        let _ = write!(err, "\r  {:>3} s ", left.as_secs() + 1);
                        let _ = err.flush();
                        waited = presses.wait(Some(left.min(Duration::from_millis(250))));
                        if waited != Waited::Time {
                            break;
                        }
                    }
                    // Enter typed with echo moved the cursor down a line: clear the count
                    // above it. Single keys are not echoed, so the count is on this line.
                    let typed = waited != Waited::Time && keys.is_none();
                    let _ = write!(err, "{}\r\x1b[2K", if typed { "\x1b[1A" } else { "" });
                    waited
                };
                if waited == Waited::Stop {
                    return stopped(out, library, look, said);
                }
            }
            None if !last => {
                say(&mut err, enter.get_ref(), said);
                if presses.wait(None) == Waited::Stop {
                    return stopped(out, library, look, said);
                }
                if keys.is_some() {
                    let _ = writeln!(err);
                }
            }
            None => {}
        }
        writeln!(out).map_err(Error::Write)?;
    }
    let mut page = Page::new(out, look);
    ending(&mut page, library, p, false).map_err(Error::Write)
}

/// A line said on stderr between steps (what to press, the end of a quiet time), wrapped to
/// stderr's width (`look` is the prompt look): a prompt wider than the terminal would be
/// split mid-word, and a braille display shows 40 cells.
fn say(err: &mut impl Write, text: &str, look: Look) {
    let look = Look {
        color: false,
        ..look
    };
    let _ = Page::new(err, look).para(&[Span::new(text, Style::new())]);
}

/// Stopped before the end (q or Esc): said kindly on stderr (`said` is its look), with the
/// way to help on the page.
fn stopped<W: Write>(out: &mut W, library: &Library, look: Look, said: Look) -> Result<(), Error> {
    let labels = &library.app.practice_labels;
    say(&mut io::stderr(), labels.stopped.get_ref(), said);
    writeln!(out).map_err(Error::Write)?;
    terminal::support_pointer(out, library, look).map_err(Error::Write)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A quiet time is said in whole seconds, never as "about 0 seconds": one that the pace
    /// makes shorter than two seconds is left out, and the step waits for Enter.
    #[test]
    fn a_quiet_time_too_short_to_say_is_left_out() {
        let secs = |s: u32, pace: f64| quiet_time(s, pace).map(|d| d.as_secs());
        assert_eq!(secs(30, 1.0), Some(30));
        assert_eq!(secs(30, 2.0), Some(60));
        assert_eq!(secs(10, 0.25), Some(3), "2.5 rounds to 3");
        assert_eq!(secs(30, 0.0), None);
        assert_eq!(secs(10, 0.04), None, "0.4 s");
        assert_eq!(secs(10, 0.1), None, "1 s is not a quiet time");
        assert_eq!(secs(10, 0.15), Some(2), "1.5 rounds to 2");
    }
}
