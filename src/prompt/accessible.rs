//! The accessible prompter: every question printed once as a full sentence, its choices
//! numbered one per line, then what to type; answers are typed lines. No cursor movement,
//! no redraw, no colour, so screen readers, braille displays, dumb terminals and scripts
//! reading a pipe can follow and answer it.

use std::io::{BufRead, Read, Write};

use crate::content::Library;
use crate::content::model::Questionnaire;
use crate::content::spanned::Spanned;
use crate::error::Error;
use crate::prompt::typed::{self, Picks, Reply};
use crate::prompt::{Ask, Leave};
use crate::reflect::flow::{Prompter, Step};
use crate::reflect::scoring::Answer;
use crate::render::fill;
use crate::render::terminal::help;
use crate::render::terminal::page::{Look, Page};
use crate::render::wrap::Span;

/// The longest line read as an answer; the rest of a longer one is read and dropped.
const MAX_LINE: u64 = 64 * 1024;

/// Asks with typed lines: questions to `out`, answers from `input`.
pub struct Typed<'l, R, W> {
    library: &'l Library,
    look: Look,
    input: R,
    out: W,
    /// Write a line end after each answer: a pipe's input is not echoed by a terminal.
    echo: bool,
}

impl<'l, R: BufRead, W: Write> Typed<'l, R, W> {
    /// A prompter reading `input` and writing to `out`, wrapped to `look`'s width without
    /// colour. `echo`: end each answer's line, for input that is not shown as it is typed.
    pub fn new(library: &'l Library, look: Look, input: R, out: W, echo: bool) -> Self {
        Typed {
            library,
            look: Look {
                color: false,
                plain: true,
                ..look
            },
            input,
            out,
            echo,
        }
    }

    /// The writer, for tests.
    #[cfg(test)]
    fn written(&self) -> &W {
        &self.out
    }

    /// Writes wrapped lines, words never broken, control characters shown escaped.
    fn write(&mut self, text: &str, first: &str, rest: &str) -> Result<(), Error> {
        let text = crate::render::sanitize::escape_controls(text);
        Page::new(&mut self.out, self.look)
            .lines(&[Span::new(text, anstyle::Style::new())], first, rest)
            .map_err(Error::Write)
    }

    fn blank(&mut self) -> Result<(), Error> {
        writeln!(self.out).map_err(Error::Write)
    }

    /// Numbered choices, one per line: "1. Never".
    fn choices(&mut self, items: &[String]) -> Result<(), Error> {
        let wide = items.len().to_string().len();
        for (i, item) in items.iter().enumerate() {
            let number = format!("{:>wide$}. ", i + 1);
            let hang = " ".repeat(number.len());
            self.write(item, &number, &hang)?;
        }
        Ok(())
    }

    /// Reads one typed line. The end of the input is "input closed"; bytes that are not
    /// UTF-8 are kept as replacement characters (they fit no question).
    fn read(&mut self) -> Result<String, Error> {
        self.out.flush().map_err(Error::Write)?;
        let mut bytes = Vec::new();
        let read = <&mut R as Read>::take(&mut self.input, MAX_LINE)
            .read_until(b'\n', &mut bytes)
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::Interrupted => Error::Interrupted,
                _ => Error::InputClosed,
            })?;
        if read == 0 {
            return Err(Error::InputClosed);
        }
        if !bytes.ends_with(b"\n") && read as u64 == MAX_LINE {
            // The rest of an overlong line is not another answer.
            let mut rest = Vec::new();
            let _ = self.input.read_until(b'\n', &mut rest);
        }
        if self.echo {
            self.blank()?;
        }
        let line = String::from_utf8_lossy(&bytes);
        Ok(line.trim_end_matches(['\n', '\r']).to_string())
    }

    /// What typed words that fit no answer get: the help lines when they speak of crisis,
    /// else one kind line. The question is then asked again.
    fn did_not_fit(&mut self, typed: &str) -> Result<(), Error> {
        let country = crate::commands::support::country_from_locale();
        let mut help = Vec::new();
        let mut page = Page::new(&mut help, self.look);
        if help::for_typed(&mut page, self.library, typed, country.as_deref())
            .map_err(Error::Write)?
        {
            self.blank()?;
            self.out.write_all(&help).map_err(Error::Write)?;
            return self.blank();
        }
        let line = self.library.app.ask_labels.not_understood.get_ref().clone();
        self.write(&line, "", "")
    }

    /// Asks `ask` (a question with `count` choices) until a reply that `accept` takes.
    fn until<T>(
        &mut self,
        mut ask: impl FnMut(&mut Self) -> Result<(), Error>,
        mut accept: impl FnMut(&str) -> Option<T>,
    ) -> Result<T, Error> {
        loop {
            ask(self)?;
            let line = self.read()?;
            match accept(&line) {
                Some(answer) => return Ok(answer),
                None => self.did_not_fit(&line)?,
            }
        }
    }

    fn max(template: &str, count: usize) -> String {
        fill(template, &[("max", count.to_string())])
    }
}

impl<R: BufRead, W: Write> Ask for Typed<'_, R, W> {
    fn confirm(&mut self, prompt: &str) -> Result<bool, Error> {
        let labels = &self.library.app.ask_labels;
        let how = labels.type_yes_no.get_ref().clone();
        let words = |list: &[Spanned<String>]| -> Vec<String> {
            list.iter().map(|w| w.get_ref().clone()).collect()
        };
        let (yes, no) = (words(&labels.yes_words), words(&labels.no_words));
        let prompt = prompt.to_string();
        self.until(
            |me| {
                me.write(&prompt, "", "")?;
                me.write(&how, "", "")
            },
            |line| {
                let yes: Vec<&str> = yes.iter().map(String::as_str).collect();
                let no: Vec<&str> = no.iter().map(String::as_str).collect();
                typed::yes_no(line, &yes, &no)
            },
        )
    }

    fn one_of(
        &mut self,
        prompt: &str,
        items: &[String],
        leave: Leave,
    ) -> Result<Option<usize>, Error> {
        let labels = &self.library.app.ask_labels;
        let how = match leave {
            Leave::Leaves => &labels.type_one_leave,
            Leave::GoesBack => &labels.type_one_back,
        };
        let how = Self::max(how.get_ref(), items.len());
        let prompt = prompt.to_string();
        self.until(
            |me| {
                me.blank()?;
                if !prompt.is_empty() {
                    me.write(&prompt, "", "")?;
                }
                me.choices(items)?;
                me.write(&how, "", "")
            },
            |line| match typed::reply(line, items.len()) {
                Reply::Choice(i) => Some(Some(i)),
                Reply::Stop => Some(None),
                _ => None,
            },
        )
    }

    fn line(&mut self, prompt: &str, kept: &str) -> Result<String, Error> {
        if !kept.is_empty() {
            let label = self.library.app.ask_labels.note_kept.get_ref().clone();
            self.write(&label, "", "")?;
            self.write(kept, "", "")?;
        }
        self.write(prompt, "", "")?;
        self.read()
    }

    fn say(&mut self, lines: &[String]) -> Result<(), Error> {
        for line in lines {
            self.write(line, "", "")?;
        }
        Ok(())
    }
}

impl<R: BufRead, W: Write> Prompter for Typed<'_, R, W> {
    fn begin(&mut self, q: &Questionnaire) -> Result<bool, Error> {
        {
            let mut page = Page::new(&mut self.out, self.look);
            if let Some(note) = self.library.fallback_note(&q.file) {
                page.para(&[Span::new(note.as_str(), anstyle::Style::new())])
                    .and_then(|()| page.blank())
                    .map_err(Error::Write)?;
            }
            page.para(&[Span::new(q.title.get_ref().as_str(), anstyle::Style::new())])
                .and_then(|()| page.blank())
                .and_then(|()| page.body(q.intro.get_ref()))
                .map_err(Error::Write)?;
        }
        let labels = &self.library.app.reflect_labels;
        let choices = [
            labels.start.get_ref().clone(),
            labels.not_now.get_ref().clone(),
        ];
        Ok(self.one_of("", &choices, Leave::Leaves)? == Some(0))
    }

    fn ask(
        &mut self,
        q: &Questionnaire,
        index: usize,
        previous: Option<Answer>,
    ) -> Result<Step, Error> {
        let labels = &self.library.app.ask_labels;
        let question = fill(
            labels.question.get_ref(),
            &[
                ("n", (index + 1).to_string()),
                ("total", q.items.len().to_string()),
                ("text", q.items[index].text.get_ref().clone()),
            ],
        );
        let choices: Vec<String> = q.scale.iter().map(|p| p.label.get_ref().clone()).collect();
        let how = match index {
            0 => &labels.type_scale_first,
            _ => &labels.type_scale,
        };
        let how = Self::max(how.get_ref(), choices.len());
        let earlier = previous.map(|answer| {
            let said = match answer {
                Answer::Value(v) => q
                    .scale
                    .iter()
                    .find(|p| *p.value.get_ref() == v)
                    .map(|p| p.label.get_ref().clone())
                    .unwrap_or_else(|| v.to_string()),
                Answer::Skipped => self.library.app.history_labels.skipped.get_ref().clone(),
            };
            fill(labels.earlier.get_ref(), &[("answer", said)])
        });
        // The window ("Over the past two weeks, how often…") is said once, before the first.
        let window = match (index, &q.window) {
            (0, Some(w)) => Some(w.get_ref().clone()),
            _ => None,
        };
        self.until(
            |me| {
                me.blank()?;
                if let Some(window) = &window {
                    me.write(window, "", "")?;
                }
                me.write(&question, "", "")?;
                me.choices(&choices)?;
                if let Some(earlier) = &earlier {
                    me.write(earlier, "", "")?;
                }
                me.write(&how, "", "")
            },
            |line| match typed::reply(line, choices.len()) {
                Reply::Choice(i) => Some(Step::Answer(Answer::Value(*q.scale[i].value.get_ref()))),
                Reply::Skip => Some(Step::Answer(Answer::Skipped)),
                Reply::Back if index > 0 => Some(Step::Back),
                Reply::Stop => Some(Step::Quit),
                Reply::Back | Reply::Empty | Reply::Other => None,
            },
        )
    }

    fn choose(&mut self, q: &Questionnaire) -> Result<Option<Vec<bool>>, Error> {
        let prompt = self
            .library
            .app
            .reflect_labels
            .choose_prompt
            .get_ref()
            .clone();
        let options: Vec<String> = q.items.iter().map(|i| i.text.get_ref().clone()).collect();
        let how = Self::max(
            self.library.app.ask_labels.type_picks.get_ref(),
            options.len(),
        );
        let picked = self.until(
            |me| {
                me.blank()?;
                me.write(&prompt, "", "")?;
                me.choices(&options)?;
                me.write(&how, "", "")
            },
            |line| match typed::picks(line, options.len()) {
                Picks::Picked(picked) => Some(Some(picked)),
                Picks::Stop => Some(None),
                Picks::Other => None,
            },
        )?;
        let Some(picked) = picked else {
            return Ok(None);
        };
        // The choice repeated back in words.
        let labels = &self.library.app.ask_labels;
        if picked.is_empty() {
            let none = labels.picked_none.get_ref().clone();
            self.write(&none, "", "")?;
        } else {
            let title = labels.picked.get_ref().clone();
            self.write(&title, "", "")?;
            let chosen: Vec<String> = picked.iter().map(|&i| options[i].clone()).collect();
            for (i, text) in picked.iter().zip(&chosen) {
                let number = format!("{}. ", i + 1);
                let hang = " ".repeat(number.len());
                self.write(text, &number, &hang)?;
            }
        }
        Ok(Some(
            (0..options.len()).map(|i| picked.contains(&i)).collect(),
        ))
    }

    fn confirm_stop(&mut self, answered: usize) -> Result<bool, Error> {
        let prompt = stop_question(self.library, answered);
        self.blank()?;
        self.confirm(&prompt)
    }
}

/// "Stop and discard your 11 answers?"
pub(super) fn stop_question(library: &Library, answered: usize) -> String {
    let labels = &library.app.ask_labels;
    match answered {
        1 => labels.stop_one.get_ref().clone(),
        n => fill(labels.stop_many.get_ref(), &[("count", n.to_string())]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reflect::flow;

    fn library() -> Library {
        crate::content::load(&[]).unwrap()
    }

    /// Runs the check-in with `typed` as the input; returns the answers and what was said.
    fn check_in(typed: &str) -> (Result<Option<Vec<Answer>>, Error>, String) {
        let library = library();
        let q = library.questionnaire("check-in").unwrap();
        let look = Look {
            width: 80,
            color: true,
            plain: false,
        };
        let mut p = Typed::new(&library, look, typed.as_bytes(), Vec::new(), false);
        let answers = flow::run(q, &mut p);
        let said = String::from_utf8(p.written().clone()).unwrap();
        (answers, said)
    }

    #[test]
    fn a_whole_check_in_typed_line_by_line() {
        let (answers, said) = check_in(&format!("1\n3\ns\nb\n5\n{}", "2\n".repeat(10)));
        let answers = answers.unwrap().unwrap();
        assert_eq!(answers[0], Answer::Value(2));
        assert_eq!(answers[1], Answer::Value(4), "back, then a new answer");
        assert_eq!(answers.len(), 12);
        assert!(said.contains("Question 1 of 12: "), "{said}");
        assert!(said.contains("\n1. Never\n"), "{said}");
        assert!(said.contains("\n5. Almost always\n"), "{said}");
        assert!(
            said.contains("Type a number from 1 to 5, s to skip, or q to stop"),
            "{said}"
        );
        assert!(said.contains("Your earlier answer was skipped."), "{said}");
        assert_eq!(said.matches("Over the past two weeks").count(), 1, "{said}");
        assert!(
            !said.contains('\x1b'),
            "no escape sequence at all: {said:?}"
        );
    }

    #[test]
    fn input_that_does_not_fit_is_asked_again_and_never_taken() {
        // Start, then five lines that fit no answer (back cannot go before the first).
        let (answers, said) = check_in("1\n99\noften\n\nb\n\u{fffd}\u{0}\n2\n");
        // The input ends before question 2 is answered: nothing is kept.
        assert!(matches!(answers, Err(Error::InputClosed)), "{answers:?}");
        assert_eq!(
            said.matches("That does not fit this question").count(),
            5,
            "{said}"
        );
        assert_eq!(said.matches("Question 1 of 12").count(), 6, "{said}");
        assert_eq!(said.matches("Question 2 of 12").count(), 1, "{said}");
    }

    #[test]
    fn stopping_with_answers_asks_first_and_no_goes_back() {
        let (answers, said) = check_in("1\n2\n3\nq\nn\nq\nmaybe\nY\n");
        assert_eq!(answers.unwrap(), None);
        assert_eq!(
            said.matches("Stop and discard your 2 answers?").count(),
            3,
            "{said}"
        );
        assert_eq!(said.matches("Question 3 of 12").count(), 2, "{said}");
        // With no answer yet, q stops at once.
        let (answers, said) = check_in("1\nq\n");
        assert_eq!(answers.unwrap(), None);
        assert!(!said.contains("discard"), "{said}");
    }

    #[test]
    fn words_of_crisis_typed_at_a_question_meet_the_help_lines() {
        let (_, said) = check_in("1\n1\nI want to die\n");
        assert!(said.contains("988") || said.contains("116 123"), "{said}");
        assert!(!said.contains("That does not fit"), "{said}");
        assert_eq!(
            said.matches("Question 2 of 12").count(),
            2,
            "asked again: {said}"
        );
    }

    #[test]
    fn several_picks_are_repeated_back_in_words() {
        let library = library();
        let q = library.questionnaire("reconnection-plan").unwrap();
        let look = Look {
            width: 40,
            color: false,
            plain: false,
        };
        let mut p = Typed::new(
            &library,
            look,
            "1\n1, 3 99\n3 1\n".as_bytes(),
            Vec::new(),
            true,
        );
        let picked = flow::run(q, &mut p).unwrap().unwrap();
        assert_eq!(picked[0], Answer::Value(1));
        assert_eq!(picked[1], Answer::Value(0));
        assert_eq!(picked[2], Answer::Value(1));
        let said = String::from_utf8(p.written().clone()).unwrap();
        assert!(said.contains("You picked:\n1. Take three slow"), "{said}");
        assert!(said.contains("\n3. Move my body"), "{said}");
        assert!(said.lines().all(|l| l.chars().count() <= 40), "{said}");
        let mut p = Typed::new(&library, look, "1\n\n".as_bytes(), Vec::new(), false);
        flow::run(q, &mut p).unwrap().unwrap();
        let said = String::from_utf8(p.written().clone()).unwrap();
        assert!(said.contains("You picked none of them."), "{said}");
    }
}
