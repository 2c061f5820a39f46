//! The one-page report for a professional, as Markdown: the scores over time as a table and
//! as small charts, the latest answers, the person's notes (unless left out), and the lines
//! every page ends with.

use std::io::{self, Write};

use crate::content::Library;
use crate::render::fill;
use crate::render::markdown::doc::{Doc, escape, field};

use super::words::{change_words, day, when};
use super::{Record, names, trend};

/// A report's table cell for a part not scored that time (the table's legend says so).
const NOT_SCORED: &str = "–";

/// The most rows a report's table shows (the latest ones): half a year of weekly check-ins.
const REPORT_ROWS: usize = 26;

/// The most bars a report's chart shows (the latest ones).
const REPORT_BARS: usize = 52;

/// Writes the report on `records` (all of one questionnaire, oldest first) as Markdown;
/// `no_notes` leaves the person's notes out. `spoken` (the accessible mode) leaves the small
/// charts out: a screen reader reads their block characters as noise, and the table above
/// them has every score as a number; how each part changed is said in words.
pub fn markdown<W: Write>(
    out: &mut W,
    library: &Library,
    records: &[&Record],
    no_notes: bool,
    spoken: bool,
) -> io::Result<()> {
    let labels = &library.app.history_labels;
    let mut doc = Doc::new(out);
    doc.heading(1, labels.report_title.get_ref(), "")?;
    let (Some(first), Some(last)) = (records.first(), records.last()) else {
        return doc.para(&field(labels.empty.get_ref()));
    };
    let intro = fill(
        labels.report_intro.get_ref(),
        &[
            ("count", records.len().to_string()),
            ("title", last.questionnaire.title.clone()),
            ("from", day(first.saved_at)),
            ("to", day(last.saved_at)),
        ],
    );
    // The title is the person's content, not markup: it goes in escaped.
    doc.para(&escape(&intro))?;
    let mut facets = trend::facets(records);
    names::rename(library, &last.questionnaire.id, &mut facets);
    if !facets.is_empty() {
        doc.heading(2, labels.report_scores.get_ref(), "")?;
        let header: Vec<String> = std::iter::once(escape(labels.table_date.get_ref()))
            .chain((1..=facets.len()).map(|n| n.to_string()))
            .collect();
        // A one-pager: the latest rows only, when there are many.
        let shown = &records[records.len().saturating_sub(REPORT_ROWS)..];
        let rows: Vec<Vec<String>> = shown
            .iter()
            .map(|r| {
                std::iter::once(when(r.saved_at))
                    .chain(facets.iter().map(|f| {
                        r.facets
                            .iter()
                            .find(|rf| rf.id == f.id)
                            .and_then(|rf| rf.score)
                            .map_or_else(|| NOT_SCORED.to_string(), |s| s.to_string())
                    }))
                    .collect()
            })
            .collect();
        doc.table(&header, &rows)?;
        if rows.iter().flatten().any(|cell| cell == NOT_SCORED) {
            doc.para(&field(labels.report_dash.get_ref()))?;
        }
        if shown.len() < records.len() {
            doc.para(&escape(&fill(
                labels.report_rows.get_ref(),
                &[
                    ("shown", shown.len().to_string()),
                    ("count", records.len().to_string()),
                ],
            )))?;
        }
        doc.numbered(facets.iter().map(|f| {
            let range = fill(
                labels.range.get_ref(),
                &[("min", f.min.to_string()), ("max", f.max.to_string())],
            );
            format!("{} ({})", escape(&f.name), escape(&range))
        }))?;
        if spoken {
            doc.heading(2, labels.report_changes.get_ref(), "")?;
            doc.list(facets.iter().map(|f| {
                let words = escape(&change_words(library, f));
                format!("{}: {words}", escape(&f.name))
            }))?;
        } else {
            doc.heading(2, labels.report_charts.get_ref(), "")?;
            doc.para(&field(labels.trend_higher.get_ref()))?;
            doc.list(facets.iter().map(|f| {
                let words = escape(&change_words(library, f));
                let shown = &f.scores[f.scores.len().saturating_sub(REPORT_BARS)..];
                if trend::ends(shown).is_none() {
                    // No bars to draw: no empty code span either.
                    return format!("{}: {words}", escape(&f.name));
                }
                let chart = trend::chart(shown, f.min, f.max, false);
                format!("{}: `{chart}` {words}", escape(&f.name))
            }))?;
            let gaps = facets
                .iter()
                .any(|f| trend::has_gap(&f.scores[f.scores.len().saturating_sub(REPORT_BARS)..]));
            if gaps {
                doc.para(&field(labels.trend_gap.get_ref()))?;
            }
        }
        doc.para(&field(labels.threshold.get_ref()))?;
    }
    let latest = fill(
        labels.report_latest.get_ref(),
        &[("date", when(last.saved_at))],
    );
    doc.heading(2, &latest, "")?;
    doc.numbered(last.answers.iter().map(|a| {
        let answer = match (a.value, &a.label) {
            (Some(v), Some(label)) => format!("{label}, {v}"),
            // A step to choose: picked or not.
            (Some(0), None) if last.facets.is_empty() => labels.not_picked.get_ref().clone(),
            (Some(_), None) if last.facets.is_empty() => labels.picked.get_ref().clone(),
            (Some(v), None) => v.to_string(),
            (None, _) => labels.skipped.get_ref().clone(),
        };
        format!("{} (**{}**)", escape(&a.text), escape(&answer))
    }))?;
    if no_notes {
        return end(&mut doc, library);
    }
    doc.heading(2, labels.report_notes.get_ref(), "")?;
    let notes: Vec<String> = records
        .iter()
        .filter_map(|r| {
            r.note
                .as_ref()
                .map(|n| format!("{}: {}", day(r.saved_at), escape(n)))
        })
        .collect();
    if notes.is_empty() {
        doc.para(&field(labels.report_no_notes.get_ref()))?;
    } else {
        doc.list(notes)?;
    }
    end(&mut doc, library)
}

/// The report's last lines: what these are (reflections that cannot diagnose anything, said
/// once), and where help is.
fn end<W: Write>(doc: &mut Doc<'_, W>, library: &Library) -> io::Result<()> {
    doc.para(&field(library.app.history_labels.reminder.get_ref()))?;
    doc.para(&field(library.page_words().support_pointer.get_ref()))
}
