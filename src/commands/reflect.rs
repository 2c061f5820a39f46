//! `numb reflect [id]`: a questionnaire, asked in the terminal or answered by a script,
//! ending in a summary; `numb reflect --list` shows them all.

use std::io::{self, Read, Write};

use crate::cli::{ReflectArgs, SummaryFormat};
use crate::config::{self, SaveChoice};
use crate::content::Library;
use crate::content::load::DEFAULT_QUESTIONNAIRE;
use crate::content::model::Questionnaire;
use crate::error::Error;
use crate::history::record::{self, Record};
use crate::history::store::Store;
use crate::prompt::{self, Ask, Asking};
use crate::reflect::{answers, flow, summary};
use crate::render::{Look, summary as render, table, terminal};

/// Runs `numb reflect`. `asking` says how questions are asked (and stderr's look).
pub fn run<W: Write>(
    out: &mut W,
    library: &Library,
    args: &ReflectArgs,
    look: Look,
    asking: Asking,
) -> Result<(), Error> {
    let prompt_look = asking.look;
    if args.list {
        return match args.format {
            crate::cli::SummaryFormat::Json => crate::render::lists::questionnaires(out, library),
            _ => list(out, library, look),
        }
        .map_err(Error::Write);
    }
    // A note that cannot be kept is refused before any question is asked.
    let note = match &args.note {
        Some(text) => record::clean_note(text).map_err(Error::Usage)?,
        None => None,
    };
    let typed = crate::cli::typed_name(&args.id);
    let name = typed.as_deref().unwrap_or(DEFAULT_QUESTIONNAIRE);
    let q = library
        .questionnaire(name)
        .ok_or_else(|| Error::UnknownQuestionnaire {
            name: name.to_string(),
            ids: library
                .questionnaires
                .iter()
                .map(|q| q.id.get_ref().clone())
                .collect(),
        })?;
    let given = match (&args.answers, &args.answers_file) {
        (Some(list), _) => Some(list.clone()),
        (None, Some(path)) => Some(read_answers(path)?),
        (None, None) => None,
    };
    let interactive = given.is_none();
    let mut prompter = None;
    let answers = match given {
        // Words of crisis where the answers go (`--answers "i want to die"`, or in an answers
        // file) are met with the help lines, not with what is wrong with the list.
        Some(text) if library.crisis.find(&text).is_some() => {
            let country = crate::commands::support::country_from_locale();
            let mut page = terminal::page::Page::new(&mut *out, look);
            terminal::help::for_typed(&mut page, library, &text, country.as_deref())
                .map_err(Error::Write)?;
            return Ok(());
        }
        Some(text) => answers::parse(q, &text)?,
        // A dumb terminal gets the accessible prompter, which needs no cursor movement.
        None if asking.can_ask() => {
            let asked = prompter.insert(prompt::open(library, asking));
            match flow::run(q, asked.as_mut())? {
                Some(answers) => answers,
                None => {
                    let _ = writeln!(
                        io::stderr(),
                        "{}",
                        library.app.reflect_labels.stopped.get_ref()
                    );
                    return Ok(());
                }
            }
        }
        None => return Err(no_terminal(q)),
    };
    let mut summary = summary::summarize(library, q, answers);
    summary.country = super::support::country_from_locale();
    let shown = match args.format {
        SummaryFormat::Text => render::text(out, library, &summary, look),
        SummaryFormat::Markdown => render::markdown(out, library, &summary),
        SummaryFormat::Json => render::json(out, library, &summary),
    }
    .and_then(|()| out.flush())
    .map_err(Error::Write);
    if let Err(e) = shown {
        // A reflection the person asked to save is saved even if the summary could not be
        // shown (its reader went away, say).
        if args.save && !args.no_save {
            save(library, &summary, note, prompt_look)?;
        }
        return Err(e);
    }
    // The summary is shown first, whatever happens to the saving.
    let note = match (args.no_save, args.save, interactive) {
        (true, _, _) => return Ok(()),
        (false, true, _) => note,
        (false, false, true) => match prompter.as_mut() {
            Some(asked) => match ask_to_save(library, &summary, asked.as_mut())? {
                Some(note) => note,
                None => return Ok(()),
            },
            None => return Ok(()),
        },
        (false, false, false) => return Ok(()),
    };
    save(library, &summary, note, prompt_look)
}

/// At the end of an interactive reflection, unless the settings say never: asks whether to
/// save (No is the default) and for an optional note. `None` means do not save. Just above
/// the question, the parts' lines (or the steps picked) are repeated: the summary may have
/// scrolled away, and the person sees what they decide to keep.
fn ask_to_save(
    library: &Library,
    summary: &summary::Summary<'_>,
    asked: &mut dyn Ask,
) -> Result<Option<Option<String>>, Error> {
    // Said as the run started already; said here (once) if it was not.
    config::warn_once();
    let (settings, _) = config::load();
    if settings.history.save == SaveChoice::Never {
        return Ok(None);
    }
    let labels = &library.app.history_labels;
    // A blank line between the summary and the question.
    let _ = writeln!(io::stderr());
    let recap = render::recap(library, summary);
    if !recap.is_empty() {
        let mut lines = vec![library.app.ask_labels.save_recap.get_ref().clone()];
        lines.extend(recap.iter().map(|line| format!("  {line}")));
        asked.say(&lines)?;
    }
    if !asked.confirm(labels.save_prompt.get_ref())? {
        // Said, not left to silence: a screen reader otherwise hears nothing after "no".
        asked.say(std::slice::from_ref(labels.not_saved.get_ref()))?;
        return Ok(None);
    }
    // A note that is too long is said so, and offered again to be shortened.
    let mut kept = String::new();
    loop {
        let note = asked.line(labels.note_prompt.get_ref(), &kept)?;
        match record::clean_note(&note) {
            Ok(note) => return Ok(Some(note)),
            Err(problem) => {
                asked.say(&[problem])?;
                kept = note;
            }
        }
    }
}

/// Saves the reflection in the private history and says where.
fn save(
    library: &Library,
    summary: &summary::Summary<'_>,
    note: Option<String>,
    look: Look,
) -> Result<(), Error> {
    let store = Store::new(Store::default_dir().ok_or_else(no_data_dir)?);
    let mut err = io::stderr();
    for warning in store.privacy_warnings() {
        let _ = writeln!(err, "warning: {warning}");
    }
    // To the second: a finer time says nothing more about a reflection.
    let now = jiff::Timestamp::now()
        .round(jiff::Unit::Second)
        .unwrap_or_else(|_| jiff::Timestamp::now());
    let typed = note.clone().unwrap_or_default();
    let language = library.language_of(&summary.questionnaire.file);
    store.save(&Record::new(summary, now, note, language))?;
    // The label is inline Markdown; the path goes in as literal text.
    let path = crate::render::markdown::doc::escape(&store.file().display().to_string());
    let saved = crate::render::fill(
        library.app.history_labels.saved.get_ref(),
        &[("path", path)],
    );
    let _ = terminal::footer(&mut err, &saved, look);
    // A note is typed words too: words of crisis in it meet the help lines, as anywhere.
    let country = super::support::country_from_locale();
    let mut help = Vec::new();
    let mut page = crate::render::terminal::page::Page::new(&mut help, look);
    if let Ok(true) =
        crate::render::terminal::help::for_typed(&mut page, library, &typed, country.as_deref())
    {
        let _ = writeln!(err);
        let _ = err.write_all(&help);
    }
    Ok(())
}

/// numb cannot tell where the user's data folder is (no home folder).
pub fn no_data_dir() -> Error {
    Error::Usage(
        "numb cannot find your home folder, where it keeps its data; set HOME and try again".into(),
    )
}

/// The most an answers file may hold; a list of answers is a few hundred bytes.
const MAX_ANSWERS_BYTES: u64 = 1024 * 1024;

/// Reads an answers file (`-` for stdin), refusing anything over 1 MiB (`/dev/zero`, say).
fn read_answers(path: &std::path::Path) -> Result<String, Error> {
    let shown = if path.as_os_str() == "-" {
        std::path::Path::new("standard input")
    } else {
        path
    };
    let input_error = |source| Error::Input {
        path: shown.to_path_buf(),
        source,
    };
    let reader: Box<dyn Read> = if path.as_os_str() == "-" {
        Box::new(io::stdin())
    } else {
        Box::new(std::fs::File::open(path).map_err(input_error)?)
    };
    let mut bytes = Vec::new();
    reader
        .take(MAX_ANSWERS_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(input_error)?;
    if bytes.len() as u64 > MAX_ANSWERS_BYTES {
        return Err(input_error(io::Error::other(
            "it is larger than 1 MiB; answers are a short list",
        )));
    }
    String::from_utf8(bytes).map_err(|_| input_error(io::Error::other("it is not UTF-8 text")))
}

fn no_terminal(q: &Questionnaire) -> Error {
    let values = match q.scale.is_empty() {
        true => "1 to pick an option, 0 to leave it".to_string(),
        false => q
            .scale
            .iter()
            .map(|p| format!("{} {}", p.value.get_ref(), p.label.get_ref()))
            .collect::<Vec<_>>()
            .join(", "),
    };
    Error::NoTerminal {
        id: q.id.get_ref().clone(),
        items: q.items.len(),
        values,
    }
}

fn list<W: Write>(out: &mut W, library: &Library, look: Look) -> io::Result<()> {
    let rows = library
        .questionnaires
        .iter()
        .map(|q| {
            vec![
                q.id.get_ref().clone(),
                q.title.get_ref().clone(),
                q.items.len().to_string(),
                library
                    .app
                    .reflect_labels
                    .minutes
                    .get_ref()
                    .replace("{minutes}", &q.minutes.get_ref().to_string()),
            ]
        })
        .collect();
    let labels = &library.app.reflect_labels;
    let header = [
        labels.list_id.get_ref().as_str(),
        library.page_words().labels.table_title.get_ref(),
        labels.list_items.get_ref(),
        labels.list_time.get_ref(),
    ];
    table::write(out, &header, rows, look)?;
    writeln!(out)?;
    terminal::footer(out, labels.list_footer.get_ref(), look)?;
    writeln!(out)?;
    terminal::support_pointer(out, library, look)
}
