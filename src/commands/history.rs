//! `numb history`: the reflections a person chose to save, as a table (or JSON Lines or CSV),
//! as trends over time, as a one-page report for a professional; where they are kept; and
//! forgetting them all.

use std::io::{self, IsTerminal, Write};

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::cli::{HistoryAction, HistoryArgs, HistoryFormat, ReportArgs, TrendArgs};
use crate::commands::reflect::no_data_dir;
use crate::content::Library;
use crate::error::Error;
use crate::history::names;
use crate::history::trend::{self, Change};
use crate::history::{History, Record, Saved, Scores, Store};
use crate::render::markdown::doc::{Doc, escape, field};
use crate::render::{Look, fill, table, terminal};

/// A report's table cell for a part not scored that time (the table's legend says so).
const NOT_SCORED: &str = "–";

/// Runs `numb history …`.
pub fn run<W: Write>(
    out: &mut W,
    library: &Library,
    args: &HistoryArgs,
    look: Look,
) -> Result<(), Error> {
    let store = Store::new(Store::default_dir().ok_or_else(no_data_dir)?);
    if let Some(HistoryAction::Path) = args.action {
        return writeln!(out, "{}", store.dir().display()).map_err(Error::Write);
    }
    let mut err = io::stderr();
    for warning in store.privacy_warnings() {
        let _ = writeln!(err, "warning: {warning}");
    }
    // Forgetting reads nothing: a history that cannot be read can still be deleted.
    if let Some(HistoryAction::Forget(a)) = &args.action {
        return forget(out, library, &store, a.yes, look);
    }
    // The trend reads only the scores: a long history is read faster, in less memory.
    if let Some(HistoryAction::Trend(a)) = &args.action {
        let history = read::<Scores>(&store)?;
        let (records, others) = one_questionnaire(&history, a.questionnaire.as_deref())?;
        return trend(out, library, &records, &others, a, look).map_err(Error::Write);
    }
    let history = read::<Record>(&store)?;
    match &args.action {
        None => list(out, library, &history, args.format, look).map_err(Error::Write),
        Some(HistoryAction::Trend(_)) => Ok(()),
        Some(HistoryAction::Report(a)) => report(out, library, &history, a),
        Some(HistoryAction::Forget(_) | HistoryAction::Path) => Ok(()),
    }
}

/// The history, each line skipped named on stderr.
fn read<T: Saved>(store: &Store) -> Result<History<T>, Error> {
    let history = store.read::<T>()?;
    let mut err = io::stderr();
    for warning in &history.warnings {
        let _ = writeln!(err, "warning: {warning}");
    }
    Ok(history)
}

/// The most rows a report's table shows (the latest ones): half a year of weekly check-ins.
const REPORT_ROWS: usize = 26;

/// The most bars a report's chart shows (the latest ones).
const REPORT_BARS: usize = 52;

/// The date and time a record was saved, in the local time zone.
fn when(at: Timestamp) -> String {
    at.to_zoned(TimeZone::system())
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

/// The day a record was saved, in the local time zone.
fn day(at: Timestamp) -> String {
    at.to_zoned(TimeZone::system())
        .strftime("%Y-%m-%d")
        .to_string()
}

fn list<W: Write>(
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
            table::write(out, &header, rows, look.width)?;
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

fn csv_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// The records of one questionnaire (the one asked for, else the one saved last), oldest
/// first, and the ids of the others saved.
fn one_questionnaire<'h, T: Saved>(
    history: &'h History<T>,
    asked: Option<&str>,
) -> Result<(Vec<&'h T>, Vec<String>), Error> {
    let mut ids: Vec<String> = Vec::new();
    for r in &history.records {
        if !ids.contains(&r.questionnaire().id) {
            ids.push(r.questionnaire().id.clone());
        }
    }
    let id = match asked {
        Some(id) if ids.iter().any(|i| i == id) => id.to_string(),
        Some(id) => {
            return Err(Error::Usage(format!(
                "there are no saved reflections of `{}`; saved: {}",
                crate::render::sanitize::escape_controls(id),
                if ids.is_empty() {
                    "none yet".to_string()
                } else {
                    ids.join(", ")
                }
            )));
        }
        // The latest saved, preferring one with parts to chart.
        None => match history
            .records
            .iter()
            .rev()
            .find(|r| !r.facets().is_empty())
            .or(history.records.last())
        {
            Some(r) => r.questionnaire().id.clone(),
            None => return Ok((Vec::new(), Vec::new())),
        },
    };
    let records = history
        .records
        .iter()
        .filter(|r| r.questionnaire().id == id)
        .collect();
    ids.retain(|i| *i != id);
    Ok((records, ids))
}

/// What the change of one facet amounts to, in words.
fn change_words(library: &Library, t: &trend::FacetTrend) -> String {
    let labels = &library.app.history_labels;
    // A part never scored has no number to show, not a 0.
    let Some((first, last)) = trend::ends(&t.scores) else {
        return labels.trend_none.get_ref().clone();
    };
    let (first, last) = (first.to_string(), last.to_string());
    let words = match trend::change(&t.scores, t.min, t.max) {
        Change::TooFew => labels.trend_one.get_ref(),
        Change::Steady => labels.trend_steady.get_ref(),
        Change::Up(_) => labels.trend_up.get_ref(),
        Change::Down(_) => labels.trend_down.get_ref(),
    };
    fill(words, &[("first", first), ("last", last)])
}

fn trend<W: Write>(
    out: &mut W,
    library: &Library,
    records: &[&Scores],
    others: &[String],
    args: &TrendArgs,
    look: Look,
) -> io::Result<()> {
    let labels = &library.app.history_labels;
    let (Some(first), Some(last)) = (records.first(), records.last()) else {
        terminal::footer(out, labels.empty.get_ref(), look)?;
        return Ok(());
    };
    let mut facets = trend::facets(records);
    names::rename(library, &last.questionnaire.id, &mut facets);
    let title = fill(
        labels.trend_title.get_ref(),
        &[
            ("title", last.questionnaire.title.clone()),
            ("count", records.len().to_string()),
            ("from", day(first.saved_at)),
            ("to", day(last.saved_at)),
        ],
    );
    let width = look.width.max(20);
    let escape = crate::render::sanitize::escape_controls;
    writeln!(out, "{}", textwrap::fill(&escape(&title), width))?;
    if !facets.is_empty() {
        terminal::footer(out, labels.trend_higher.get_ref(), look)?;
    }
    writeln!(out)?;
    let name_width = facets
        .iter()
        .map(|f| textwrap::core::display_width(&escape(&f.name)))
        .max()
        .unwrap_or(0);
    // Name and chart side by side when they fit, else one under the other; the chart shows
    // the latest scores that fit.
    let side = name_width + 2 + 8 <= width;
    let room = match side {
        true => width - name_width - 2,
        false => width,
    }
    .clamp(8, 60);
    let indent = match side && width >= name_width + 2 + 20 {
        true => " ".repeat(name_width + 2),
        false => String::new(),
    };
    let ascii = args.ascii || !unicode_ok();
    for f in &facets {
        let name = escape(&f.name);
        let chart = trend::chart(
            &f.scores[f.scores.len().saturating_sub(room)..],
            f.min,
            f.max,
            ascii,
        );
        if side {
            let pad = name_width - textwrap::core::display_width(&name);
            writeln!(out, "{name}{}  {chart}", " ".repeat(pad))?;
        } else {
            writeln!(out, "{name}")?;
            writeln!(out, "{chart}")?;
        }
        let words = textwrap::Options::new(width)
            .initial_indent(&indent)
            .subsequent_indent(&indent);
        writeln!(
            out,
            "{}",
            textwrap::fill(&escape(&change_words(library, f)), words)
        )?;
    }
    writeln!(out)?;
    terminal::footer(out, labels.threshold.get_ref(), look)?;
    if !others.is_empty() {
        writeln!(out)?;
        let text = fill(
            labels.other_questionnaires.get_ref(),
            &[
                ("id", last.questionnaire.id.clone()),
                ("others", others.join(", ")),
            ],
        );
        terminal::footer(out, &text, look)?;
    }
    writeln!(out)?;
    terminal::footer(out, labels.reminder.get_ref(), look)?;
    writeln!(out)?;
    terminal::support_pointer(out, library, look)?;
    Ok(())
}

/// Whether the terminal's locale can show the chart's block characters.
fn unicode_ok() -> bool {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
        .is_none_or(|v| {
            let v = v.to_ascii_lowercase();
            v.contains("utf-8") || v.contains("utf8")
        })
}

/// The report as Markdown.
fn report_markdown<W: Write>(
    out: &mut W,
    library: &Library,
    records: &[&Record],
    no_notes: bool,
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
        doc.heading(2, labels.report_charts.get_ref(), "")?;
        doc.para(&field(labels.trend_higher.get_ref()))?;
        doc.list(facets.iter().map(|f| {
            let words = escape(&change_words(library, f));
            if trend::ends(&f.scores).is_none() {
                // No bars to draw: no empty code span either.
                return format!("{}: {words}", escape(&f.name));
            }
            let shown = &f.scores[f.scores.len().saturating_sub(REPORT_BARS)..];
            let chart = trend::chart(shown, f.min, f.max, false);
            format!("{}: `{chart}` {words}", escape(&f.name))
        }))?;
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
        return report_end(&mut doc, library);
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
    report_end(&mut doc, library)
}

/// The report's last lines: not a diagnosis, what these are, and where help is.
fn report_end<W: Write>(doc: &mut Doc<'_, W>, library: &Library) -> io::Result<()> {
    doc.para(&field(library.app.reflect_labels.not_a_diagnosis.get_ref()))?;
    doc.para(&field(library.app.history_labels.reminder.get_ref()))?;
    doc.para(&field(library.app.support_pointer.get_ref()))
}

fn report<W: Write>(
    out: &mut W,
    library: &Library,
    history: &History,
    args: &ReportArgs,
) -> Result<(), Error> {
    let (records, _) = one_questionnaire(history, args.questionnaire.as_deref())?;
    let Some(path) = &args.out else {
        return report_markdown(out, library, &records, args.no_notes).map_err(Error::Write);
    };
    crate::history::report_file::write(path, args.force, |w| {
        report_markdown(w, library, &records, args.no_notes)
    })
}

fn forget<W: Write>(
    out: &mut W,
    library: &Library,
    store: &Store,
    yes: bool,
    look: Look,
) -> Result<(), Error> {
    let labels = &library.app.history_labels;
    let there = |p: std::path::PathBuf| std::fs::symlink_metadata(p).is_ok();
    let exists = there(store.file()) || there(store.dir().join(crate::history::store::LOCK));
    if !exists {
        return terminal::footer(out, labels.nothing_to_forget.get_ref(), look)
            .map_err(Error::Write);
    }
    if !yes {
        if !(io::stdin().is_terminal() && io::stderr().is_terminal()) {
            return Err(Error::Usage(
                "numb history forget deletes every saved reflection; to do that without being asked, add --yes".into(),
            ));
        }
        crate::reflect::interactive::exit_cleanly_on_ctrl_c();
        let asked = crate::reflect::interactive::Terminal::new(library, look);
        let yes = asked
            .confirm(labels.forget_prompt.get_ref())
            .map_err(|e| match e {
                Error::Interrupted => Error::Stopped("nothing was deleted"),
                e => e,
            })?;
        if !yes {
            return terminal::footer(out, labels.kept.get_ref(), look).map_err(Error::Write);
        }
    }
    store.forget()?;
    terminal::footer(out, labels.forgotten.get_ref(), look).map_err(Error::Write)
}
