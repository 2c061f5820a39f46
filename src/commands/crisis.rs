//! Words of crisis typed where numb looks a word up (`learn`, `feelings`, `practice`,
//! `reflect`, `history -q`): never an error, always warm words and the help lines for the
//! person's country, offline.

use std::io::Write;

use crate::cli::{Command, HistoryAction, typed_name};
use crate::content::Library;
use crate::content::crisis::CrisisWords;
use crate::error::Error;
use crate::render::terminal::help::{Emergency, help_block};
use crate::render::terminal::page::Page;
use crate::render::{Look, terminal};

/// Where a word was typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    /// `numb learn <topic>`.
    Topic,
    /// `numb feelings <word>`.
    Feeling,
    /// `numb practice <id>`.
    Practice,
    /// `numb reflect <id>` or `numb history … -q <id>`.
    Questionnaire,
    /// A whole command line numb could not read.
    CommandLine,
}

/// Words a person typed where numb looks them up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typed {
    /// Where they were typed.
    pub lookup: Lookup,
    /// What was typed, the words joined by spaces.
    pub text: String,
}

/// What the person typed where numb looks words up, if anything.
pub fn typed(command: Option<&Command>) -> Option<Typed> {
    let (lookup, text) = match command? {
        Command::Learn(a) => (Lookup::Topic, typed_name(&a.topic)?),
        Command::Feelings(a) => (Lookup::Feeling, typed_name(&a.word)?),
        Command::Practice(a) => (Lookup::Practice, typed_name(&a.id)?),
        Command::Reflect(a) => (Lookup::Questionnaire, typed_name(&a.id)?),
        Command::History(a) => {
            let q = match &a.action {
                Some(HistoryAction::Trend(t)) => t.questionnaire.clone(),
                Some(HistoryAction::Report(r)) => r.questionnaire.clone(),
                _ => None,
            };
            (Lookup::Questionnaire, q?)
        }
        _ => return None,
    };
    Some(Typed { lookup, text })
}

/// Whether `text` speaks of crisis, read with the built-in words alone (for when the
/// content could not load).
pub fn speaks_of_crisis(text: &str) -> bool {
    CrisisWords::builtin().is_some_and(|words| words.find(text).is_some())
}

/// Answers words of crisis: the page they name when there is one to read (a topic, a word
/// for a feeling), then warm words and the help lines for `country`. Returns `false` when the
/// command should go on as usual instead: a practice or questionnaire has that very name.
pub fn run<W: Write>(
    out: &mut W,
    library: &Library,
    typed: &Typed,
    country: Option<&str>,
    look: Look,
) -> Result<bool, Error> {
    let text = typed.text.trim();
    match typed.lookup {
        Lookup::Topic => {
            if let Some(topic) = library.topic(text) {
                terminal::topic(out, library, topic, look).map_err(Error::Write)?;
                writeln!(out).map_err(Error::Write)?;
            }
        }
        Lookup::Feeling => {
            super::feelings::word_page(out, library, text, look).map_err(Error::Write)?;
        }
        Lookup::Practice => {
            let dashed = text.split_whitespace().collect::<Vec<_>>().join("-");
            if library
                .practices
                .iter()
                .any(|p| p.id.get_ref().eq_ignore_ascii_case(&dashed))
            {
                return Ok(false);
            }
        }
        Lookup::Questionnaire => {
            if library.questionnaire(text).is_some() {
                return Ok(false);
            }
        }
        Lookup::CommandLine => {}
    }
    let words = &library.crisis;
    let said = words
        .find(text)
        .map_or(words.words.get_ref().as_str(), |found| {
            words.words_for(&found)
        });
    let mut page = Page::new(out, look);
    help_block(&mut page, library, said, country, Emergency::Shown).map_err(Error::Write)?;
    Ok(true)
}
