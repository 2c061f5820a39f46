//! `numb learn [topic]`: the topic table, or one topic page.

use std::io::{self, Write};

use crate::content::Library;
use crate::error::{Error, Suggestion};
use crate::render::{Look, table, terminal};

/// Prints the topic table, or the topic named `name` (an id or alias).
pub fn run<W: Write>(
    out: &mut W,
    library: &Library,
    name: Option<&str>,
    look: Look,
) -> Result<(), Error> {
    match name {
        None => list(out, library, look).map_err(Error::Write),
        Some(name) if name.trim().is_empty() => Err(Error::Usage(NO_NAME.into())),
        Some(name) => {
            let topic = library.topic(name).ok_or_else(|| Error::UnknownTopic {
                name: name.to_string(),
                suggestion: suggest(library, name),
            })?;
            terminal::topic(out, library, topic, look).map_err(Error::Write)?;
            Ok(())
        }
    }
}

/// Words that mean "I need help", which get the support lines rather than a near-miss topic.
const HELP_WORDS: &[&str] = &[
    "help",
    "support",
    "crisis",
    "suicide",
    "suicidal",
    "emergency",
    "helpline",
    "hotline",
    "urgent",
    "danger",
    "sos",
    "988",
    "die",
    "dying",
    "kill",
    "harm",
    "selfharm",
    "hurt",
    "overdose",
    "unsafe",
];

const NO_NAME: &str =
    "name a topic, for example `numb learn origins`, or run `numb learn` to see them all";

fn suggest(library: &Library, name: &str) -> Suggestion {
    let lower = name.to_lowercase();
    let mut words = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    if words.any(|w| HELP_WORDS.contains(&w)) {
        return Suggestion::Support;
    }
    match library.closest_topic(name) {
        Some(id) => Suggestion::Topic(id.to_string()),
        None => Suggestion::List,
    }
}

fn list<W: Write>(out: &mut W, library: &Library, look: Look) -> io::Result<()> {
    let rows = library
        .topics
        .iter()
        .map(|t| {
            vec![
                t.id.get_ref().clone(),
                t.title.get_ref().clone(),
                t.summary.get_ref().clone(),
            ]
        })
        .collect();
    let labels = &library.app.labels;
    let header = [
        labels.table_topic.get_ref().as_str(),
        labels.table_title.get_ref(),
        labels.table_summary.get_ref(),
    ];
    table::write(out, &header, rows, look.width)?;
    writeln!(out)?;
    terminal::footer(out, library.app.labels.topics_footer.get_ref(), look)?;
    writeln!(out)?;
    terminal::support_pointer(out, library, look)
}
