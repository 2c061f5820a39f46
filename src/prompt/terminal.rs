//! The terminal prompter, on stderr: lists picked with the arrow keys and Enter, or by a
//! typed line (numb's own chooser, [`super::choose`]); dialoguer for a line of text. One
//! question at a time, with skip, back and stop; Ctrl-C shows the cursor again and exits 130
//! having written nothing.

use std::fmt;
use std::io;
use std::sync::atomic::{AtomicBool, Ordering};

use dialoguer::console::Term;
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use textwrap::core::display_width;

use crate::content::Library;
use crate::content::model::Questionnaire;
use crate::error::Error;
use crate::prompt::choose::{Answers, Chooser, Chosen, Kind, Question};
use crate::prompt::{Ask, Leave};
use crate::reflect::flow::{Prompter, Step};
use crate::reflect::scoring::Answer;
use crate::render::sanitize::escape_controls;
use crate::render::terminal::page::{Look, Page, Styles};
use crate::render::wrap::Span;

/// The columns the marks around a yes-or-no answer left on the screen take: "✔ " and " · no".
const CONFIRM_MARKS: usize = 14;

/// The fewest terminal lines the questions are asked in.
const MIN_ROWS: u16 = 6;

/// Set while a prompt runs: a panic inside dialoguer (it panics when the terminal shrinks
/// below three lines) is turned into a calm error instead of a report, by the panic hook in
/// `main.rs`, which shows the cursor, says [`too_small`] and exits. The release build aborts on
/// a panic (no unwinding, a smaller binary), so the hook is where the terminal is put right.
pub static PROMPTING: AtomicBool = AtomicBool::new(false);

/// What a panic inside a prompt means to the person: the terminal shrank mid-question.
pub fn too_small() -> Error {
    Error::Usage(format!(
        "the terminal became too small to show the question; make it at least {MIN_ROWS} lines, or pass the answers with --answers. Nothing was saved."
    ))
}

/// Asks on the terminal behind stderr.
pub struct Terminal<'l> {
    term: Term,
    theme: Box<dyn Theme>,
    library: &'l Library,
    look: Look,
}

impl<'l> Terminal<'l> {
    /// A prompter on stderr; `look` is stderr's width and colour decision.
    pub fn new(library: &'l Library, look: Look) -> Self {
        let theme: Box<dyn Theme> = if look.color {
            Box::new(Marked(ColorfulTheme::default()))
        } else {
            Box::new(SimpleTheme)
        };
        Terminal {
            term: Term::stderr(),
            theme,
            library,
            look,
        }
    }

    /// Refuses a terminal too small to lay out a choice; checked before every prompt.
    fn check_size(&self) -> Result<(), Error> {
        match self.term.size_checked() {
            Some((rows, _)) if rows < MIN_ROWS => Err(Error::Usage(format!(
                "this terminal is only {rows} lines tall; make it at least {MIN_ROWS} lines, or pass the answers with --answers"
            ))),
            _ => Ok(()),
        }
    }

    /// Text for the terminal as it is now: its width (20 at least), no colour.
    fn text_look(&self) -> Look {
        Look {
            width: usize::from(self.term.size().1).max(20),
            color: false,
            plain: false,
        }
    }

    /// Lines wrapped to the terminal, as [`Self::lines`] writes them.
    fn quiet(&self, text: &str) -> Result<String, Error> {
        let mut out = Vec::new();
        Page::new(&mut out, self.text_look())
            .para(&[Span::new(text, Styles::quiet())])
            .map_err(Error::Write)?;
        Ok(String::from_utf8_lossy(&out).into_owned())
    }

    /// Writes lines wrapped to the terminal.
    fn lines(&self, text: &str) -> Result<(), Error> {
        let text = self.quiet(text)?;
        self.term.write_str(&text).map_err(prompt_error)
    }

    /// Writes the help lines when `typed` speaks of crisis (the words for what was found, the
    /// emergency number, the lines for the country of the locale); returns whether it did.
    fn help_if_crisis(&self, typed: &str) -> Result<bool, Error> {
        let country = crate::commands::support::country_from_locale();
        let mut help = Vec::new();
        let mut page = Page::new(&mut help, self.text_look());
        let found = crate::render::terminal::help::for_typed(
            &mut page,
            self.library,
            typed,
            country.as_deref(),
        )
        .map_err(Error::Write)?;
        if found {
            // A blank line after, before the question comes again.
            help.push(b'\n');
            self.term
                .write_str(&String::from_utf8_lossy(&help))
                .map_err(prompt_error)?;
        }
        Ok(found)
    }

    /// The language's words that stop at a list.
    fn quit_words(&self) -> Vec<&str> {
        words(&self.library.app.ask_labels.quit_words)
    }

    /// Asks `q` with numb's chooser (see [`Chooser::ask`]): the arrow keys and Enter, or a
    /// typed line read with `answers`, after the words of crisis in it are answered.
    fn pick(&self, q: &Question, answers: Answers<'_>) -> Result<Chosen, Error> {
        let labels = &self.library.app.ask_labels;
        let chooser = Chooser {
            term: &self.term,
            theme: self.theme.as_ref(),
            typing: labels.typing.get_ref(),
            not_understood: labels.not_understood.get_ref(),
        };
        self.guarded(|| {
            chooser.ask(
                q,
                answers,
                &mut |line| self.help_if_crisis(line),
                prompt_error,
            )
        })
    }

    /// A prompt wrapped at spaces to fit beside dialoguer's marks ("? " and " ›"): dialoguer
    /// counts the lines it wrote by their line ends, so a prompt the terminal wrapped would
    /// break words in the middle and leave stale lines behind when the screen is redrawn.
    fn fit_prompt(&self, prompt: &str) -> String {
        self.fit_prompt_beside(prompt, 4)
    }

    /// [`Self::fit_prompt`], leaving `reserve` columns on its last line for dialoguer's marks
    /// and the answer ("? " and " (y/n) › no").
    fn fit_prompt_beside(&self, prompt: &str, reserve: usize) -> String {
        let width = usize::from(self.term.size().1)
            .saturating_sub(reserve)
            .max(16);
        textwrap::wrap(&escape_controls(prompt), width).join("\n")
    }

    /// Asks yes or no as a list of two, No first (the default), in the language's fullest
    /// words ("Sí", not "s"); a typed line is read with its words for yes and no. Esc, or q
    /// typed, also mean no. The question is cleared.
    fn ask_yes_no(&self, prompt: &str) -> Result<bool, Error> {
        self.check_size()?;
        let labels = &self.library.app.ask_labels;
        let (yes, no) = (words(&labels.yes_words), words(&labels.no_words));
        // The fullest word of each list ("sí", not "s"), the first of equals.
        let fullest = |words: &[&str], or: &str| {
            let mut best: Option<&str> = None;
            for &word in words {
                if best.is_none_or(|b| word.chars().count() > b.chars().count()) {
                    best = Some(word);
                }
            }
            let word = best.unwrap_or(or);
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect::<String>()
            })
        };
        let choices = [fullest(&no, "no"), fullest(&yes, "yes")];
        let q = Question {
            header: String::new(),
            prompt: self.fit_prompt(prompt),
            items: fit(&choices, usize::from(self.term.size().1)),
            at: 0,
            kind: Kind::One,
        };
        let answers = Answers::YesNo { yes: &yes, no: &no };
        Ok(self.pick(&q, answers)? == Chosen::Picked(vec![1]))
    }

    /// Runs one prompt, marked as prompting: a panic in it (a terminal shrunk mid-question)
    /// ends numb calmly through the panic hook (see [`PROMPTING`]).
    fn guarded<T>(&self, prompt: impl FnOnce() -> Result<T, Error>) -> Result<T, Error> {
        PROMPTING.store(true, Ordering::SeqCst);
        // Tests reach the hook's calm ending through this; release builds never have it.
        #[cfg(debug_assertions)]
        if std::env::var_os("NUMB_TEST_PANIC_IN_PROMPT").is_some() {
            panic!("a prompt panicked, as the test asked");
        }
        let result = prompt();
        PROMPTING.store(false, Ordering::SeqCst);
        result
    }
}

impl Ask for Terminal<'_> {
    fn confirm(&mut self, prompt: &str) -> Result<bool, Error> {
        let answer = self.ask_yes_no(prompt)?;
        // The answer stays on the screen, after the question (as dialoguer reports it).
        let mut report = String::new();
        let prompt = self.fit_prompt_beside(prompt, CONFIRM_MARKS);
        let _ = self
            .theme
            .format_confirm_prompt_selection(&mut report, &prompt, Some(answer));
        self.term.write_line(&report).map_err(prompt_error)?;
        Ok(answer)
    }

    fn confirm_typed(&mut self, prompt: &str) -> Result<bool, Error> {
        let library = self.library;
        let labels = &library.app.ask_labels;
        let (yes, no) = (words(&labels.yes_words), words(&labels.no_words));
        self.lines(prompt)?;
        loop {
            let line = self.line(labels.type_yes_no.get_ref(), "")?;
            if let Some(answer) = super::typed::yes_no(&line, &yes, &no) {
                return Ok(answer);
            }
            if !self.help_if_crisis(&line)? {
                self.lines(labels.not_understood.get_ref())?;
            }
            self.lines(prompt)?;
        }
    }

    fn one_of(
        &mut self,
        prompt: &str,
        items: &[String],
        _leave: Leave,
    ) -> Result<Option<usize>, Error> {
        self.check_size()?;
        let q = Question {
            header: String::new(),
            prompt: self.fit_prompt(prompt),
            items: fit(items, usize::from(self.term.size().1)),
            at: 0,
            kind: Kind::One,
        };
        let quit = self.quit_words();
        let answers = Answers::List {
            labels: items,
            quit: &quit,
            skip: None,
            back: None,
        };
        // No "✔ prompt · choice" line left behind: a long one wraps and stays.
        Ok(match self.pick(&q, answers)? {
            Chosen::Picked(at) => at.first().copied(),
            Chosen::Left => None,
        })
    }

    fn line(&mut self, prompt: &str, kept: &str) -> Result<String, Error> {
        self.check_size()?;
        let prompt = self.fit_prompt(prompt);
        self.guarded(|| {
            // Text kept from before (a note that was too long) is there to be shortened.
            dialoguer::Input::<String>::with_theme(&*self.theme)
                .with_prompt(prompt)
                .with_initial_text(kept)
                .allow_empty(true)
                .interact_text_on(&self.term)
                .map_err(prompt_error)
        })
    }

    fn say(&mut self, lines: &[String]) -> Result<(), Error> {
        for line in lines {
            self.lines(line)?;
        }
        Ok(())
    }
}

/// The words of a list in content, as text.
fn words(list: &[crate::content::spanned::Spanned<String>]) -> Vec<&str> {
    list.iter().map(|w| w.get_ref().as_str()).collect()
}

/// Choices cut to one screen line each (a choice that wraps leaves stale lines behind when
/// the list is redrawn), with control characters shown, not run.
fn fit(items: &[String], width: usize) -> Vec<String> {
    let room = width.saturating_sub(6).max(10);
    items
        .iter()
        .map(|item| {
            let item = escape_controls(item);
            if display_width(&item) <= room {
                return item;
            }
            let mut cut = String::new();
            for ch in item.chars() {
                if display_width(&cut) + 2 > room {
                    break;
                }
                cut.push(ch);
            }
            format!("{}…", cut.trim_end())
        })
        .collect()
}

/// The colourful theme, with a marker on the current row of a list of checkboxes: colour
/// is never the only thing that shows where you are.
struct Marked(ColorfulTheme);

impl Theme for Marked {
    fn format_prompt(&self, f: &mut dyn fmt::Write, prompt: &str) -> fmt::Result {
        self.0.format_prompt(f, prompt)
    }
    fn format_error(&self, f: &mut dyn fmt::Write, err: &str) -> fmt::Result {
        self.0.format_error(f, err)
    }
    fn format_confirm_prompt(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        default: Option<bool>,
    ) -> fmt::Result {
        self.0.format_confirm_prompt(f, prompt, default)
    }
    fn format_confirm_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        selection: Option<bool>,
    ) -> fmt::Result {
        self.0.format_confirm_prompt_selection(f, prompt, selection)
    }
    fn format_input_prompt(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        default: Option<&str>,
    ) -> fmt::Result {
        self.0.format_input_prompt(f, prompt, default)
    }
    fn format_input_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        sel: &str,
    ) -> fmt::Result {
        self.0.format_input_prompt_selection(f, prompt, sel)
    }
    fn format_select_prompt(&self, f: &mut dyn fmt::Write, prompt: &str) -> fmt::Result {
        self.0.format_select_prompt(f, prompt)
    }
    fn format_select_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        sel: &str,
    ) -> fmt::Result {
        self.0.format_select_prompt_selection(f, prompt, sel)
    }
    fn format_select_prompt_item(
        &self,
        f: &mut dyn fmt::Write,
        text: &str,
        active: bool,
    ) -> fmt::Result {
        self.0.format_select_prompt_item(f, text, active)
    }
    fn format_multi_select_prompt(&self, f: &mut dyn fmt::Write, prompt: &str) -> fmt::Result {
        self.0.format_multi_select_prompt(f, prompt)
    }
    fn format_multi_select_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        selections: &[&str],
    ) -> fmt::Result {
        self.0
            .format_multi_select_prompt_selection(f, prompt, selections)
    }
    fn format_multi_select_prompt_item(
        &self,
        f: &mut dyn fmt::Write,
        text: &str,
        checked: bool,
        active: bool,
    ) -> fmt::Result {
        let marker = match active {
            true => &self.0.active_item_prefix,
            false => &self.0.inactive_item_prefix,
        };
        write!(f, "{marker} ")?;
        self.0
            .format_multi_select_prompt_item(f, text, checked, active)
    }
}

/// dialoguer's errors in numb's terms: Ctrl-C is 130, a terminal that went away is
/// "input closed". The cursor, which dialoguer hides while it asks, is shown again first.
fn prompt_error(e: impl Into<dialoguer::Error>) -> Error {
    let term = Term::stderr();
    let _ = term.show_cursor();
    let dialoguer::Error::IO(e) = e.into();
    // EIO: the terminal was closed (a hang-up) while numb was reading or writing it.
    const EIO: i32 = 5;
    match e.kind() {
        io::ErrorKind::Interrupted => {
            // The prompt's line is left as it was: the message goes below it.
            let _ = term.write_line("");
            Error::Interrupted
        }
        io::ErrorKind::UnexpectedEof | io::ErrorKind::NotConnected => Error::InputClosed,
        _ if e.raw_os_error() == Some(EIO) => Error::InputClosed,
        _ => Error::Write(e),
    }
}

impl Prompter for Terminal<'_> {
    fn begin(&mut self, q: &Questionnaire) -> Result<bool, Error> {
        self.check_size()?;
        let labels = &self.library.app.reflect_labels;
        let mut text = Vec::new();
        {
            let mut page = Page::new(&mut text, self.look);
            if let Some(note) = self.library.fallback_note(&q.file) {
                page.para(&[Span::new(note.as_str(), Styles::quiet())])
                    .and_then(|()| page.blank())
                    .map_err(Error::Write)?;
            }
            page.para(&[Span::new(q.title.get_ref().as_str(), Styles::title())])
                .and_then(|()| page.blank())
                .and_then(|()| page.body(q.intro.get_ref()))
                .and_then(|()| page.blank())
                .map_err(Error::Write)?;
        }
        self.term
            .write_str(&String::from_utf8_lossy(&text))
            .map_err(prompt_error)?;
        let choices = [
            labels.start.get_ref().clone(),
            labels.not_now.get_ref().clone(),
        ];
        let q = Question {
            header: String::new(),
            prompt: String::new(),
            items: fit(&choices, usize::from(self.term.size().1)),
            at: 0,
            kind: Kind::One,
        };
        let quit = self.quit_words();
        let answers = Answers::List {
            labels: &choices,
            quit: &quit,
            skip: None,
            back: None,
        };
        Ok(self.pick(&q, answers)? == Chosen::Picked(vec![0]))
    }

    fn ask(
        &mut self,
        q: &Questionnaire,
        index: usize,
        previous: Option<Answer>,
    ) -> Result<Step, Error> {
        self.check_size()?;
        let labels = &self.library.app.reflect_labels;
        let total = q.items.len();
        let progress = labels
            .progress
            .get_ref()
            .replace("{n}", &(index + 1).to_string())
            .replace("{total}", &total.to_string());
        let window = q
            .window
            .as_ref()
            .map(|w| w.get_ref().as_str())
            .unwrap_or("");
        let mut header = self.quiet(window)?;
        if index == 0 {
            header += &self.quiet(labels.keys.get_ref())?;
        }
        let mut choices: Vec<String> = q.scale.iter().map(|p| p.label.get_ref().clone()).collect();
        let scale = choices.len();
        choices.push(labels.skip.get_ref().clone());
        let back = (index > 0).then(|| {
            choices.push(labels.back.get_ref().clone());
            choices.len() - 1
        });
        choices.push(labels.quit.get_ref().clone());
        let default = match previous {
            Some(Answer::Value(v)) => q
                .scale
                .iter()
                .position(|p| *p.value.get_ref() == v)
                .unwrap_or(0),
            Some(Answer::Skipped) => scale,
            None => 0,
        };
        let choices: Vec<String> = choices.iter().map(|c| escape_controls(c)).collect();
        // Progress sits in the prompt itself, so it stays in sight on a short screen.
        let prompt = self.fit_prompt(&format!("{progress} · {}", q.items[index].text.get_ref()));
        let quit = self.quit_words();
        // "skip" and "back" typed pick those choices, as in the accessible mode.
        let answers = Answers::List {
            labels: &choices,
            quit: &quit,
            skip: Some(scale),
            back,
        };
        // The header is drawn, and cleared, with the question.
        let question = Question {
            header,
            prompt,
            items: choices.clone(),
            at: default,
            kind: Kind::One,
        };
        let picked = match self.pick(&question, answers)? {
            Chosen::Picked(at) => at.first().copied(),
            Chosen::Left => None,
        };
        Ok(match picked {
            None => Step::Quit,
            Some(i) if i < scale => Step::Answer(Answer::Value(*q.scale[i].value.get_ref())),
            Some(i) if i == scale => Step::Answer(Answer::Skipped),
            Some(i) if Some(i) == back => Step::Back,
            Some(_) => Step::Quit,
        })
    }

    fn choose(&mut self, q: &Questionnaire) -> Result<Option<Vec<bool>>, Error> {
        self.check_size()?;
        let labels = &self.library.app.reflect_labels;
        let header = self.quiet(labels.choose_prompt.get_ref())?
            + &self.quiet(labels.choose_keys.get_ref())?;
        let options: Vec<String> = q
            .items
            .iter()
            .map(|i| escape_controls(i.text.get_ref()))
            .collect();
        let quit = self.quit_words();
        let answers = Answers::List {
            labels: &options,
            quit: &quit,
            skip: None,
            back: None,
        };
        let question = Question {
            header,
            prompt: String::new(),
            items: fit(&options, usize::from(self.term.size().1)),
            at: 0,
            kind: Kind::Many,
        };
        Ok(match self.pick(&question, answers)? {
            Chosen::Picked(picked) => {
                Some((0..q.items.len()).map(|i| picked.contains(&i)).collect())
            }
            Chosen::Left => None,
        })
    }

    fn confirm_stop(&mut self, answered: usize) -> Result<bool, Error> {
        let prompt = super::accessible::stop_question(self.library, answered);
        // On no, the question is asked again in its place.
        self.ask_yes_no(&prompt)
    }
}
