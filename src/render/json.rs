//! The JSON export: every loaded topic and the support page, with a schema version.

use std::io::{self, Write};

use serde::Serialize;

use crate::content::Library;
use crate::content::lazy::Lazy;
use crate::content::model::{Feelings, Practice, Questionnaire, SupportPage, Topic};

/// Bumped whenever the JSON shape changes in a way a script could notice.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Export<'a> {
    schema_version: u32,
    generator: String,
    language: &'a str,
    support_pointer: &'a str,
    topics: &'a [Lazy<Topic>],
    questionnaires: &'a [Lazy<Questionnaire>],
    practices: &'a [Lazy<Practice>],
    feelings: &'a Feelings,
    support: &'a SupportPage,
}

/// Writes the whole library as pretty JSON with a trailing newline.
pub fn library<W: Write>(out: &mut W, library: &Library) -> io::Result<()> {
    let export = Export {
        schema_version: SCHEMA_VERSION,
        generator: format!("numb {}", env!("CARGO_PKG_VERSION")),
        language: &library.language,
        support_pointer: library.page_words().support_pointer.get_ref(),
        topics: &library.topics,
        questionnaires: &library.questionnaires,
        practices: &library.practices,
        feelings: &library.feelings,
        support: &library.support,
    };
    serde_json::to_writer_pretty(&mut *out, &export)?;
    writeln!(out)
}
