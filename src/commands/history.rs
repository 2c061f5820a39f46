//! `numb history`: the reflections a person chose to save, as a table (or JSON Lines or CSV),
//! as trends over time, as a one-page report for a professional; where they are kept; and
//! forgetting them all.

use std::io::{self, Write};

use crate::cli::{HistoryAction, HistoryArgs, ReportArgs, TrendArgs};
use crate::commands::reflect::no_data_dir;
use crate::content::Library;
use crate::error::Error;
use crate::history::words::{change_words, day};
use crate::history::{History, Record, Saved, Scores, Store};
use crate::history::{list, names, report, trend};
use crate::render::{Look, fill, terminal};

/// Runs `numb history …`.
pub fn run<W: Write>(
    out: &mut W,
    library: &Library,
    args: &HistoryArgs,
    look: Look,
    asking: crate::prompt::Asking,
) -> Result<(), Error> {
    let store = Store::new(Store::default_dir().ok_or_else(no_data_dir)?);
    if let Some(HistoryAction::Path(_)) = args.action {
        return writeln!(out, "{}", store.dir().display()).map_err(Error::Write);
    }
    let mut err = io::stderr();
    for warning in store.privacy_warnings() {
        let _ = writeln!(err, "warning: {warning}");
    }
    // Forgetting reads nothing: a history that cannot be read can still be deleted.
    if let Some(HistoryAction::Forget(a)) = &args.action {
        return forget(out, library, &store, a.yes, look, asking);
    }
    // The trend reads only the scores: a long history is read faster, in less memory.
    if let Some(HistoryAction::Trend(a)) = &args.action {
        let history = read::<Scores>(&store)?;
        let (records, others) = one_questionnaire(&history, a.questionnaire.as_deref())?;
        return trend(out, library, &records, &others, a, look).map_err(Error::Write);
    }
    let history = read::<Record>(&store)?;
    match &args.action {
        None => list::write(out, library, &history, args.format, look).map_err(Error::Write),
        Some(HistoryAction::Trend(_)) => Ok(()),
        Some(HistoryAction::Report(a)) => write_report(out, library, &history, a, look.plain),
        Some(HistoryAction::Forget(_) | HistoryAction::Path(_)) => Ok(()),
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
    if look.plain {
        return spoken_trend(out, library, &facets, width)
            .and_then(|()| trend_ending(out, library, &last.questionnaire.id, others, look));
    }
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
    let mut gaps = false;
    for f in &facets {
        let name = escape(&f.name);
        let shown = &f.scores[f.scores.len().saturating_sub(room)..];
        gaps |= trend::has_gap(shown);
        // A part with no score to draw gets no chart: a row of blanks would look like one.
        match trend::ends(shown) {
            None => writeln!(out, "{name}")?,
            Some(_) if side => {
                let pad = name_width - textwrap::core::display_width(&name);
                let chart = trend::chart(shown, f.min, f.max, ascii);
                writeln!(out, "{name}{}  {chart}", " ".repeat(pad))?;
            }
            Some(_) => {
                writeln!(out, "{name}")?;
                writeln!(out, "{}", trend::chart(shown, f.min, f.max, ascii))?;
            }
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
    if gaps {
        writeln!(out)?;
        terminal::footer(out, labels.trend_gap.get_ref(), look)?;
    }
    trend_ending(out, library, &last.questionnaire.id, others, look)
}

/// The most scores the accessible mode's trend says for a part (the latest ones), as many
/// as the widest chart draws.
const SPOKEN_SCORES: usize = 60;

/// The trend in the accessible mode: a screen reader reads a chart's block characters as
/// noise ("lower one eighth block…"), so each part is one line of words and numbers, the
/// scores oldest first: "Muted feelings: 5, 5, 4, 1; lower than at first (5 then, 1 now)".
fn spoken_trend<W: Write>(
    out: &mut W,
    library: &Library,
    facets: &[trend::FacetTrend],
    width: usize,
) -> io::Result<()> {
    let labels = &library.app.history_labels;
    let escape = crate::render::sanitize::escape_controls;
    let plain = Look {
        width,
        color: false,
        plain: true,
    };
    if !facets.is_empty() {
        terminal::footer(out, labels.trend_higher_scores.get_ref(), plain)?;
    }
    writeln!(out)?;
    let mut not_scored = false;
    for f in facets {
        let words = change_words(library, f);
        // A part never scored has no numbers to say: "no score yet" says it.
        let line = match trend::ends(&f.scores) {
            None => format!("{}: {words}", f.name),
            Some(_) => {
                // The latest that a chart would show at its widest.
                let shown = &f.scores[f.scores.len().saturating_sub(SPOKEN_SCORES)..];
                not_scored |= trend::has_gap(shown);
                let scores: Vec<String> = shown
                    .iter()
                    .map(|s| {
                        s.map_or_else(|| labels.not_scored.get_ref().clone(), |s| s.to_string())
                    })
                    .collect();
                format!("{}: {}; {words}", f.name, scores.join(", "))
            }
        };
        let hang = textwrap::Options::new(width).subsequent_indent("  ");
        writeln!(out, "{}", textwrap::fill(&escape(&line), hang))?;
    }
    if not_scored {
        writeln!(out)?;
        terminal::footer(out, labels.trend_not_scored.get_ref(), plain)?;
    }
    Ok(())
}

/// What every trend ends with: the threshold, the other questionnaires saved, the reminder
/// and the support pointer.
fn trend_ending<W: Write>(
    out: &mut W,
    library: &Library,
    id: &str,
    others: &[String],
    look: Look,
) -> io::Result<()> {
    let labels = &library.app.history_labels;
    writeln!(out)?;
    terminal::footer(out, labels.threshold.get_ref(), look)?;
    if !others.is_empty() {
        writeln!(out)?;
        let text = fill(
            labels.other_questionnaires.get_ref(),
            &[("id", id.to_string()), ("others", others.join(", "))],
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

/// The report: to standard output, or to the file named by `--out`.
fn write_report<W: Write>(
    out: &mut W,
    library: &Library,
    history: &History,
    args: &ReportArgs,
    spoken: bool,
) -> Result<(), Error> {
    let (records, _) = one_questionnaire(history, args.questionnaire.as_deref())?;
    let Some(path) = &args.out else {
        return report::markdown(out, library, &records, args.no_notes, spoken)
            .map_err(Error::Write);
    };
    crate::history::report_file::write(path, args.force, |w| {
        report::markdown(w, library, &records, args.no_notes, spoken)
    })
}

fn forget<W: Write>(
    out: &mut W,
    library: &Library,
    store: &Store,
    yes: bool,
    look: Look,
    asking: crate::prompt::Asking,
) -> Result<(), Error> {
    let labels = &library.app.history_labels;
    let there = |p: std::path::PathBuf| std::fs::symlink_metadata(p).is_ok();
    let exists = there(store.file()) || there(store.dir().join(crate::history::store::LOCK));
    if !exists {
        return terminal::footer(out, labels.nothing_to_forget.get_ref(), look)
            .map_err(Error::Write);
    }
    if !yes {
        if !asking.can_ask() {
            return Err(Error::Usage(
                "numb history forget deletes every saved reflection; to do that without being asked, add --yes".into(),
            ));
        }
        let mut asked = crate::prompt::open(library, asking);
        // Ctrl-C here keeps the history: said calmly, once, by the one stopping path.
        crate::prompt::when_stopped_say(
            labels.kept.get_ref(),
            library.page_words().support_pointer.get_ref(),
            asking.look.width,
        );
        let yes = asked.confirm_typed(labels.forget_prompt.get_ref())?;
        if !yes {
            return terminal::footer(out, labels.kept.get_ref(), look).map_err(Error::Write);
        }
    }
    store.forget()?;
    terminal::footer(out, labels.forgotten.get_ref(), look).map_err(Error::Write)
}
