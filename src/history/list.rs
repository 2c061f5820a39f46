//! `numb history` as a list: a table for people, JSON Lines or CSV for other tools.

use std::io::{self, Write};

use crate::cli::HistoryFormat;
use crate::content::Library;
use crate::render::{Look, fill, table, terminal};

use super::words::when;
use super::{History, Record, names};

/// Writes the saved reflections in `format`.
pub fn write<W: Write>(
    out: &mut W,
    library: &Library,
    history: &History,
    format: HistoryFormat,
    look: Look,
) -> io::Result<()> {
    let labels = &library.app.history_labels;
    match format {
        HistoryFormat::Json => {
            for record in &history.records {
                serde_json::to_writer(&mut *out, record)?;
                writeln!(out)?;
            }
            Ok(())
        }
        HistoryFormat::Csv => {
            let mut csv = csv::Writer::from_writer(&mut *out);
            csv.write_record([
                "saved_at",
                "questionnaire",
                "version",
                "facet",
                "score",
                "min",
                "max",
                "band",
                "note",
            ])
            .map_err(csv_error)?;
            for r in &history.records {
                let note = r.note.clone().unwrap_or_default();
                let rows: Vec<[String; 9]> = if r.facets.is_empty() {
                    vec![[
                        r.saved_at.to_string(),
                        r.questionnaire.id.clone(),
                        r.questionnaire.version.to_string(),
                        String::new(),
                        String::new(),
                        String::new(),
                        String::new(),
                        String::new(),
                        note,
                    ]]
                } else {
                    r.facets
                        .iter()
                        .map(|f| {
                            [
                                r.saved_at.to_string(),
                                r.questionnaire.id.clone(),
                                r.questionnaire.version.to_string(),
                                f.id.clone(),
                                f.score.map(|s| s.to_string()).unwrap_or_default(),
                                f.min.to_string(),
                                f.max.to_string(),
                                f.band.clone().unwrap_or_default(),
                                note.clone(),
                            ]
                        })
                        .collect()
                };
                for row in rows {
                    // A note hand-edited into the file may hold control characters.
                    let row = row.map(|cell| crate::render::sanitize::escape_controls(&cell));
                    csv.write_record(&row).map_err(csv_error)?;
                }
            }
            csv.flush()
        }
        HistoryFormat::Text => {
            if history.records.is_empty() {
                // Lines were skipped (and named): "nothing saved yet" would not be true.
                if history.warnings.is_empty() {
                    terminal::footer(out, labels.empty.get_ref(), look)?;
                }
                return Ok(());
            }
            // A note goes on a line of its own, labelled, so that it never reads as part
            // of the last score.
            let note_label = labels.table_note.get_ref();
            let rows = history
                .records
                .iter()
                .map(|r| {
                    let mut scores = scores_line(library, r);
                    if let Some(note) = &r.note {
                        scores.push_str(&format!("\n{note_label}: {note}"));
                    }
                    vec![when(r.saved_at), r.questionnaire.id.clone(), scores]
                })
                .collect();
            let header = [
                labels.table_date.get_ref().as_str(),
                labels.table_questionnaire.get_ref(),
                labels.table_scores.get_ref(),
            ];
            table::write(out, &header, rows, look)?;
            writeln!(out)?;
            terminal::support_pointer(out, library, look)?;
            Ok(())
        }
    }
}

/// "Muted feelings 7 of 8; …" for one record, each part by its name today.
fn scores_line(library: &Library, r: &Record) -> String {
    let score_of = library.app.reflect_labels.score_of.get_ref();
    let not_scored = library.app.history_labels.not_scored.get_ref();
    let mut parts: Vec<String> = r
        .facets
        .iter()
        .map(|f| {
            let name = names::current(library, &r.questionnaire.id, &f.id).unwrap_or(&f.name);
            match f.score {
                Some(score) => format!(
                    "{name} {}",
                    fill(
                        score_of,
                        &[("score", score.to_string()), ("max", f.max.to_string())]
                    )
                ),
                None => format!("{name} {not_scored}"),
            }
        })
        .collect();
    if r.facets.is_empty() {
        parts.extend(
            r.answers
                .iter()
                .filter(|a| a.value == Some(1))
                .map(|a| a.text.clone()),
        );
    }
    parts.join("; ")
}

/// The I/O error inside a CSV error (a closed pipe stays a closed pipe).
fn csv_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}
