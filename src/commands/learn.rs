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
            let topic = library.topic(name).or_else(|| library.topic(&dashed(name)));
            let topic = topic.ok_or_else(|| Error::UnknownTopic {
                name: name.to_string(),
                suggestion: suggest(library, name),
            })?;
            terminal::topic(out, library, topic, look).map_err(Error::Write)?;
            Ok(())
        }
    }
}

const NO_NAME: &str =
    "name a topic, for example `numb learn origins`, or run `numb learn` to see them all";

fn suggest(library: &Library, name: &str) -> Suggestion {
    match library.closest_topic(&dashed(name)) {
        Some(id) => Suggestion::Topic(id.to_string()),
        None => Suggestion::List,
    }
}

/// A name typed as words (`daily impact`) as an id (`daily-impact`).
fn dashed(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join("-")
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
    let labels = &library.page_words().labels;
    let header = [
        labels.table_topic.get_ref().as_str(),
        labels.table_title.get_ref(),
        labels.table_summary.get_ref(),
    ];
    table::write(out, &header, rows, look)?;
    writeln!(out)?;
    terminal::footer(
        out,
        library.page_words().labels.topics_footer.get_ref(),
        look,
    )?;
    writeln!(out)?;
    terminal::support_pointer(out, library, look)
}
