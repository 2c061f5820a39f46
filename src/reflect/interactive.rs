//! The interactive prompter: dialoguer on stderr, one question at a time, with skip, back
//! and stop; Ctrl-C shows the cursor again and exits 130 having written nothing.

use std::io::{self, Write};

use dialoguer::console::Term;
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{MultiSelect, Select};

use crate::content::Library;
use crate::content::model::Questionnaire;
use crate::error::Error;
use crate::reflect::flow::{Prompter, Step};
use crate::reflect::scoring::Answer;
use crate::render::sanitize::escape_controls;
use crate::render::terminal::page::{Look, Page};

/// The fewest terminal lines the questions are asked in.
const MIN_ROWS: u16 = 6;

/// Shows the cursor again and leaves with 130 when Ctrl-C arrives as a signal.
pub fn exit_cleanly_on_ctrl_c() {
    let _ = ctrlc::set_handler(|| {
        let mut err = io::stderr();
        let _ = writeln!(err, "\x1b[?25h");
        let _ = err.flush();
        std::process::exit(130);
    });
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
            Box::new(ColorfulTheme::default())
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

    fn line(&self, text: &str) -> Result<(), Error> {
        self.term
            .write_line(&escape_controls(text))
            .map_err(prompt_error)
    }
}

/// dialoguer's errors in numb's terms: Ctrl-C is 130, a closed terminal is an input error.
/// The cursor, which dialoguer hides while it asks, is shown again first.
fn prompt_error(e: impl Into<dialoguer::Error>) -> Error {
    let _ = Term::stderr().show_cursor();
    let dialoguer::Error::IO(e) = e.into();
    match e.kind() {
        io::ErrorKind::Interrupted => Error::Interrupted,
        io::ErrorKind::UnexpectedEof | io::ErrorKind::NotConnected => Error::InputClosed,
        _ => Error::Write(e),
    }
}

impl Prompter for Terminal<'_> {
    fn begin(&mut self, q: &Questionnaire) -> Result<bool, Error> {
        // dialoguer needs a few lines to lay out a choice (it panics below three).
        if self
            .term
            .size_checked()
            .is_some_and(|(rows, _)| rows < MIN_ROWS)
        {
            return Err(Error::Usage(format!(
                "this terminal is only a few lines tall; make it at least {MIN_ROWS} lines, or pass the answers with --answers"
            )));
        }
        let labels = &self.library.app.reflect_labels;
        let mut text = Vec::new();
        {
            let mut page = Page::new(&mut text, self.look);
            page.para(&[crate::render::wrap::Span::new(
                q.title.get_ref().as_str(),
                crate::render::terminal::page::Styles::title(),
            )])
            .and_then(|()| page.blank())
            .and_then(|()| page.body(q.intro.get_ref()))
            .and_then(|()| page.blank())
            .map_err(Error::Write)?;
        }
        self.term
            .write_str(&String::from_utf8_lossy(&text))
            .map_err(prompt_error)?;
        let choice = Select::with_theme(self.theme.as_ref())
            .items([labels.start.get_ref(), labels.not_now.get_ref()])
            .default(0)
            .interact_on_opt(&self.term)
            .map_err(prompt_error)?;
        Ok(choice == Some(0))
    }

    fn ask(
        &mut self,
        q: &Questionnaire,
        index: usize,
        previous: Option<Answer>,
    ) -> Result<Step, Error> {
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
        self.line("")?;
        self.line(&format!("{progress} · {window}"))?;
        let mut header = 2;
        if index == 0 {
            self.line(labels.keys.get_ref())?;
            header += 1;
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
        let picked = Select::with_theme(self.theme.as_ref())
            .with_prompt(escape_controls(q.items[index].text.get_ref()))
            .items(&choices)
            .default(default)
            .clear(true)
            .report(false)
            .interact_on_opt(&self.term)
            .map_err(prompt_error)?;
        self.term.clear_last_lines(header).map_err(prompt_error)?;
        Ok(match picked {
            None => Step::Quit,
            Some(i) if i < scale => Step::Answer(Answer::Value(*q.scale[i].value.get_ref())),
            Some(i) if i == scale => Step::Answer(Answer::Skipped),
            Some(i) if Some(i) == back => Step::Back,
            Some(_) => Step::Quit,
        })
    }

    fn choose(&mut self, q: &Questionnaire) -> Result<Option<Vec<bool>>, Error> {
        let labels = &self.library.app.reflect_labels;
        self.line(labels.keys.get_ref())?;
        let options: Vec<String> = q
            .items
            .iter()
            .map(|i| escape_controls(i.text.get_ref()))
            .collect();
        let picked = MultiSelect::with_theme(self.theme.as_ref())
            .with_prompt(escape_controls(labels.choose_prompt.get_ref()))
            .items(&options)
            .clear(true)
            .report(false)
            .interact_on_opt(&self.term)
            .map_err(prompt_error)?;
        Ok(picked.map(|picked| (0..q.items.len()).map(|i| picked.contains(&i)).collect()))
    }
}
