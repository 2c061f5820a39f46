//! `numb learn [topic]`: the topic table, or one topic page.

use std::io::Write;

use crate::content::Library;
use crate::error::Error;
use crate::render::{Look, table, terminal};

/// Prints the topic table, or the topic named `name` (an id or alias).
pub fn run<W: Write>(
    out: &mut W,
    library: &Library,
    name: Option<&str>,
    look: Look,
) -> Result<(), Error> {
    match name {
        None => list(out, library, look),
        Some(name) => {
            let topic = library.topic(name).ok_or_else(|| Error::UnknownTopic {
                name: name.to_string(),
                suggestion: library.closest_topic(name).map(str::to_string),
            })?;
            terminal::topic(out, library, topic, look)?;
            Ok(())
        }
    }
}

fn list<W: Write>(out: &mut W, library: &Library, look: Look) -> Result<(), Error> {
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
    let table = table::table(&["Topic", "Title", "What it covers"], rows, look.width);
    for line in table.lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    writeln!(out)?;
    terminal::footer(out, library.app.labels.topics_footer.get_ref(), look)?;
    writeln!(out)?;
    terminal::support_pointer(out, library, look)?;
    Ok(())
}
