//! Loading content: the built-in pack, then user folders, parsed and checked into a `Library`.

mod assemble;
mod parse;
mod read;
mod reading;

use std::path::PathBuf;
use std::sync::Arc;

pub use assemble::MAX_PROBLEMS_PER_FILE;
use assemble::{Entries, at_most_per_file, merge_support, sort_topics};
use parse::{Parsed, parse};
use read::{read_file, read_pack};
pub use reading::{LeftOut, load_for_reading};

use super::crisis::CrisisWords;
pub use super::library::Library;
use super::model::{
    AppText, Credit, Feelings, FeelingsAddition, PackFile, Practice, Questionnaire, SupportFile,
    SupportPage, Topic,
};
use super::validate::Bodies;
use super::{compact, embedded, validate};
use crate::error::{Error, Problem, SourceFile};
use crate::parallel::parallel_map;

/// The questionnaire `numb reflect` runs when none is named.
pub const DEFAULT_QUESTIONNAIRE: &str = "check-in";

/// The language of the built-in content.
pub const LANG: &str = "en";

/// What one pack brought, for `numb check`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackInfo {
    /// The folder, or `None` for the built-in pack.
    pub path: Option<PathBuf>,
    /// The name from `pack.toml` (empty when it could not be read).
    pub name: String,
    /// The language tag from `pack.toml`.
    pub language: String,
    /// How many topics loaded from it.
    pub topics: usize,
    /// How many questionnaires loaded from it.
    pub questionnaires: usize,
    /// How many practices loaded from it.
    pub practices: usize,
    /// Whether it has a `support.toml`.
    pub support: bool,
    /// How many files numb read from it.
    pub files: usize,
}

/// A topic or questionnaire that a later pack defined again, replacing an earlier one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replacement {
    /// "topic" or "questionnaire".
    pub what: &'static str,
    /// The id both define.
    pub id: String,
    /// The file that wins.
    pub by: String,
    /// The file it replaces.
    pub replaced: String,
}

/// Everything a load found: the library when there were no problems, and what each pack
/// brought either way.
#[derive(Debug)]
pub struct Loaded {
    /// The checked library, or `None` when a problem stopped it from being put together.
    pub library: Option<Library>,
    /// Every problem, in load order.
    pub problems: Vec<Problem>,
    /// The packs, built-in first, in load order.
    pub packs: Vec<PackInfo>,
    /// Ids a later pack replaced.
    pub replacements: Vec<Replacement>,
}

impl Loaded {
    /// The library, or every problem as one error.
    pub fn into_result(self) -> Result<Library, Error> {
        match self.library {
            Some(library) if self.problems.is_empty() => Ok(library),
            _ => Err(Error::Content(self.problems)),
        }
    }
}

/// The largest content file numb reads; anything bigger is refused before parsing.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// One content file to parse.
struct Pending {
    file: Arc<SourceFile>,
    /// Which pack it came from (0 is built-in); later packs replace earlier ids.
    pack: usize,
    kind: Kind,
    /// Why the file cannot be parsed at all (too big, not UTF-8), and where.
    unreadable: Option<(std::ops::Range<usize>, String)>,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Pack,
    Topic,
    Questionnaire,
    Practice,
    Support,
    App,
    Feelings,
    /// A pack's `feelings.toml`: words added to the vocabulary.
    FeelingsAddition,
    Crisis,
}

/// Loads the built-in content, then each folder in `dirs` in order (later ones win), and checks it.
pub fn load(dirs: &[PathBuf]) -> Result<Library, Error> {
    if dirs.is_empty()
        && let Ok(library) = compact::builtin()
    {
        return Ok(library);
    }
    load_all(dirs, None)?.into_result()
}

/// [`load`] for a folder export, leaving the body text of topic sections to the Markdown
/// writer, which refuses what is outside the subset as it writes (see
/// [`Bodies::LeftToTheWriter`]). When this fails, or the writer refuses a body, run [`load`]
/// to report every problem.
pub fn load_for_writing(dirs: &[PathBuf]) -> Result<Library, Error> {
    if dirs.is_empty()
        && let Ok(library) = compact::builtin()
    {
        return Ok(library);
    }
    let (pending, paths) = read_all(dirs)?;
    from_files(pending, paths, Bodies::LeftToTheWriter, None).into_result()
}

/// Loads and checks like [`load`], keeping every problem and what each pack brought. Fails
/// only when a folder itself cannot be read.
///
/// With `today` (what `numb check` passes: the date on the machine running it), a
/// `verified_on` date after it is a problem too. Pages for reading never ask for that: a clock
/// set wrong, or a pack written a time zone ahead, must never hide a help line.
pub fn load_all(dirs: &[PathBuf], today: Option<jiff::civil::Date>) -> Result<Loaded, Error> {
    let (pending, paths) = read_all(dirs)?;
    Ok(from_files(pending, paths, Bodies::Checked, today))
}

/// Every file numb loads from: the built-in content, then each pack in `dirs`.
fn read_all(dirs: &[PathBuf]) -> Result<(Vec<Pending>, Vec<Option<PathBuf>>), Error> {
    let mut pending = builtin(embedded::FILES);
    let mut paths = vec![None];
    for (i, dir) in dirs.iter().enumerate() {
        pending.extend(read_pack(dir, i + 1)?);
        paths.push(Some(dir.clone()));
    }
    Ok((pending, paths))
}

/// Loads the built-in content with only the `support.toml` files of `dirs`: the help lines a
/// user added still show when their topics or questionnaires have problems.
pub fn load_support_only(dirs: &[PathBuf]) -> Result<Library, Error> {
    if dirs.iter().all(|dir| !dir.join("support.toml").exists())
        && let Ok(library) = compact::builtin()
    {
        return Ok(library);
    }
    let mut pending = builtin(embedded::FILES);
    for (i, dir) in dirs.iter().enumerate() {
        let support = dir.join("support.toml");
        if support.exists() {
            pending.push(read_file(&support, i + 1, Kind::Support)?);
        }
    }
    let paths = std::iter::once(None)
        .chain(dirs.iter().cloned().map(Some))
        .collect();
    from_files(pending, paths, Bodies::Checked, None).into_result()
}

/// Loads and checks the built-in content from `files`, (path under `content/`, text) pairs:
/// what build.rs runs on `content/` before it stores the library in the binary.
pub fn builtin_checked(files: &[(&str, &'static str)]) -> Loaded {
    from_files(builtin(files), vec![None], Bodies::Checked, None)
}

/// The built-in files of [`LANG`] in `files`, pack.toml first.
fn builtin(files: &[(&str, &'static str)]) -> Vec<Pending> {
    let mut files: Vec<Pending> = files
        .iter()
        .filter_map(|(rel, text)| {
            let rest = rel.strip_prefix(LANG)?.strip_prefix('/')?;
            let kind = match rest {
                "pack.toml" => Kind::Pack,
                "support.toml" => Kind::Support,
                "app.toml" => Kind::App,
                "feelings.toml" => Kind::Feelings,
                "crisis.toml" => Kind::Crisis,
                _ if rest.starts_with("topics/") => Kind::Topic,
                _ if rest.starts_with("questionnaires/") => Kind::Questionnaire,
                _ if rest.starts_with("practices/") => Kind::Practice,
                _ => return None,
            };
            Some(Pending {
                file: Arc::new(SourceFile {
                    path: format!("content/{rel}"),
                    text: std::borrow::Cow::Borrowed(text),
                    pack: 0,
                }),
                pack: 0,
                kind,
                unreadable: None,
            })
        })
        .collect();
    // pack.toml first, as in a user pack.
    files.sort_by_key(|p| p.kind);
    files
}

/// A file's content once parsed.
enum Content {
    /// Nothing to use: unreadable, or problems stopped the parse (with the id it declares).
    None(Option<String>),
    /// Written for a newer numb (with the id it declares).
    Newer(Option<String>),
    Pack(Box<PackFile>),
    Topic(Box<Topic>),
    Questionnaire(Box<Questionnaire>),
    Practice(Box<Practice>),
    Support(Box<SupportFile>),
    App(Box<AppText>),
    Feelings(Box<Feelings>),
    FeelingsAddition(Box<FeelingsAddition>),
    Crisis(Box<CrisisWords>),
}

/// Parses one file (no checks that need other files).
fn parse_item(item: &Pending, problems: &mut Vec<Problem>) -> Content {
    if let Some((span, message)) = &item.unreadable {
        problems.push(Problem {
            hides: 0,
            file: Arc::clone(&item.file),
            span: span.clone(),
            message: message.clone(),
        });
        return Content::None(None);
    }
    fn to<T>(parsed: Parsed<T>, wrap: impl FnOnce(T) -> Content) -> Content {
        match parsed {
            Parsed::Ok(value) => wrap(value),
            Parsed::Newer(id) => Content::Newer(id),
            Parsed::Failed(id) => Content::None(id),
        }
    }
    let file = &item.file;
    match item.kind {
        Kind::Pack => to(parse::<PackFile>(file, problems), |p| {
            Content::Pack(Box::new(p))
        }),
        Kind::Topic => to(parse::<Topic>(file, problems), |t| {
            Content::Topic(Box::new(t))
        }),
        Kind::Questionnaire => to(parse::<Questionnaire>(file, problems), |q| {
            Content::Questionnaire(Box::new(q))
        }),
        Kind::Practice => to(parse::<Practice>(file, problems), |p| {
            Content::Practice(Box::new(p))
        }),
        Kind::Support => to(parse::<SupportFile>(file, problems), |s| {
            Content::Support(Box::new(s))
        }),
        Kind::App => to(parse::<AppText>(file, problems), |a| {
            Content::App(Box::new(a))
        }),
        Kind::Feelings => to(parse::<Feelings>(file, problems), |f| {
            Content::Feelings(Box::new(f))
        }),
        Kind::FeelingsAddition => to(parse::<FeelingsAddition>(file, problems), |f| {
            Content::FeelingsAddition(Box::new(f))
        }),
        Kind::Crisis => to(parse::<CrisisWords>(file, problems), |c| {
            Content::Crisis(Box::new(c))
        }),
    }
}

fn from_files(
    pending: Vec<Pending>,
    paths: Vec<Option<PathBuf>>,
    bodies: Bodies,
    today: Option<jiff::civil::Date>,
) -> Loaded {
    let mut problems = Vec::new();
    let mut packs: Vec<PackInfo> = paths
        .into_iter()
        .map(|path| PackInfo {
            path,
            name: String::new(),
            language: String::new(),
            topics: 0,
            questionnaires: 0,
            practices: 0,
            support: false,
            files: 0,
        })
        .collect();
    let mut credits = vec![Credit::default(); packs.len()];
    let mut support_packs = Vec::new();
    let mut topics = Entries::default();
    let mut questionnaires = Entries::default();
    let mut practices = Entries::default();
    let mut support: Option<SupportPage> = None;
    let mut app = None;
    let mut feelings = None;
    let mut crisis = None;
    // Packs written for a newer numb: their other files are not judged.
    let mut newer = Vec::new();
    // Ids declared by files that did not load: references to them are not problems of their own.
    let mut broken = std::collections::HashSet::new();
    // Parsing is the costly part of a large pack, and files do not depend on each other.
    let parsed = parallel_map(pending, |item| {
        let mut found = Vec::new();
        let content = parse_item(&item, &mut found);
        (item, content, found)
    });
    for (item, content, mut found) in parsed {
        if newer.contains(&item.pack) {
            continue;
        }
        let info = &mut packs[item.pack];
        if item.unreadable.is_none() {
            info.files += 1;
        }
        problems.append(&mut found);
        match content {
            Content::None(id) => broken.extend(id),
            // A newer pack.toml: the rest of that pack is not judged. A newer single file is
            // reported and skipped.
            Content::Newer(_) if item.kind == Kind::Pack => newer.push(item.pack),
            Content::Newer(id) => broken.extend(id),
            Content::Pack(pack) => {
                problems.extend(validate::pack(&pack, &item.file));
                credits[item.pack] = Credit::of(&pack);
                info.name = pack.name.into_inner();
                info.language = pack.language.into_inner();
            }
            Content::Topic(mut topic) => {
                topic.file = Arc::clone(&item.file);
                info.topics += 1;
                topics.add(item.pack, *topic, &mut problems);
            }
            Content::Questionnaire(mut questionnaire) => {
                questionnaire.file = Arc::clone(&item.file);
                info.questionnaires += 1;
                questionnaires.add(item.pack, *questionnaire, &mut problems);
            }
            Content::Practice(mut practice) => {
                practice.file = Arc::clone(&item.file);
                info.practices += 1;
                practices.add(item.pack, *practice, &mut problems);
            }
            Content::Support(mut file) => {
                file.file = Arc::clone(&item.file);
                let found = validate::support_file(&file, item.pack == 0, today);
                if found.is_empty() {
                    support = merge_support(support, *file);
                    support_packs.push(item.pack);
                }
                problems.extend(found);
            }
            Content::App(mut text) => {
                text.file = Arc::clone(&item.file);
                app = Some(*text);
            }
            Content::Feelings(mut vocabulary) => {
                vocabulary.file = Arc::clone(&item.file);
                feelings = Some(*vocabulary);
            }
            // The built-in vocabulary comes first; a pack's words join it once they pass.
            Content::FeelingsAddition(mut addition) => {
                addition.file = Arc::clone(&item.file);
                if let Some(vocabulary) = feelings.as_mut() {
                    let found = validate::feelings_addition(&addition, vocabulary);
                    if found.is_empty() {
                        vocabulary.add(*addition);
                    }
                    problems.extend(found);
                }
            }
            Content::Crisis(mut words) => {
                words.file = Arc::clone(&item.file);
                crisis = Some(*words);
            }
        }
        if item.kind == Kind::Support {
            info.support = true;
        }
    }
    let mut replacements = topics.replaced;
    replacements.append(&mut questionnaires.replaced);
    replacements.append(&mut practices.replaced);
    // Problems read best file by file, top to bottom, whichever check found them.
    let done = |library, mut problems: Vec<Problem>| {
        problems.sort_by(|a, b| {
            (a.file.path.as_str(), a.span.start).cmp(&(b.file.path.as_str(), b.span.start))
        });
        let problems = at_most_per_file(problems, MAX_PROBLEMS_PER_FILE);
        Loaded {
            library,
            problems,
            packs,
            replacements,
        }
    };
    let (Some(support), Some(app), Some(feelings), Some(crisis)) = (support, app, feelings, crisis)
    else {
        if problems.is_empty() {
            problems.push(Problem {
                hides: 0,
                file: Arc::new(SourceFile {
                    path: format!("content/{LANG}"),
                    text: "".into(),
                    pack: 0,
                }),
                span: 0..0,
                message:
                    "support.toml, app.toml, feelings.toml or crisis.toml is missing from the built-in content"
                        .into(),
            });
        }
        return done(None, problems);
    };
    let mut topics: Vec<Topic> = topics.entries.into_iter().map(|(_, t)| t).collect();
    sort_topics(&mut topics, &app);
    let mut questionnaires: Vec<Questionnaire> =
        questionnaires.entries.into_iter().map(|(_, q)| q).collect();
    // check-in first: it is the default; the rest by id.
    questionnaires.sort_by_key(|q| {
        (
            q.id.get_ref() != DEFAULT_QUESTIONNAIRE,
            q.id.get_ref().clone(),
        )
    });
    let mut practices: Vec<Practice> = practices.entries.into_iter().map(|(_, p)| p).collect();
    practices.sort_by(|a, b| a.id.get_ref().cmp(b.id.get_ref()));
    let mut library = Library::new(
        topics,
        questionnaires,
        practices,
        feelings,
        support,
        app,
        crisis,
        broken,
    );
    library.credits = credits;
    library.support_packs = support_packs;
    problems.extend(validate::library(&library, bodies));
    done(Some(library), problems)
}

/// Loads the built-in content plus topics given as (path, text), as one user pack.
#[cfg(test)]
pub(crate) fn with_topics(files: &[(&str, &str)]) -> Result<Library, Error> {
    with_files(files, Kind::Topic)
}

/// Loads the built-in content plus questionnaires given as (path, text), as one user pack.
#[cfg(test)]
pub(crate) fn with_questionnaires(files: &[(&str, &str)]) -> Result<Library, Error> {
    with_files(files, Kind::Questionnaire)
}

#[cfg(test)]
fn with_files(files: &[(&str, &str)], kind: Kind) -> Result<Library, Error> {
    let mut pending = builtin(embedded::FILES);
    pending.extend(files.iter().map(|(path, text)| Pending {
        file: Arc::new(SourceFile {
            path: (*path).to_string(),
            text: (*text).to_string().into(),
            pack: 1,
        }),
        pack: 1,
        kind,
        unreadable: None,
    }));
    from_files(pending, vec![None, None], Bodies::Checked, None).into_result()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_content_loads_and_passes_every_check() {
        let library = load(&[]).unwrap_or_else(|e| panic!("{}", e.report(false)));
        assert!(library.topics.len() >= 8);
    }

    /// What `numb check` adds for the built-in help lines: no `verified_on` after today.
    #[test]
    fn builtin_help_lines_were_checked_no_later_than_today() {
        let loaded = load_all(&[], Some(jiff::Zoned::now().date())).unwrap();
        let problems: Vec<String> = loaded.problems.iter().map(|p| p.message.clone()).collect();
        assert_eq!(problems, Vec::<String>::new());
        let long_ago = load_all(&[], Some(jiff::civil::date(2000, 1, 1))).unwrap();
        assert!(
            long_ago
                .problems
                .iter()
                .all(|p| p.file.path == "content/en/support.toml"
                    && p.message.contains("is later than today (2000-01-01)")),
            "only the dates of the help lines depend on today"
        );
        assert!(long_ago.problems.len() >= 6, "every dated entry is judged");
    }

    #[test]
    fn aliases_resolve_and_near_misses_are_suggested() {
        let library = load(&[]).unwrap();
        assert_eq!(
            library.topic("impact").unwrap().id.get_ref(),
            "daily-impact"
        );
        assert_eq!(library.closest_topic("orgins"), Some("origins"));
        assert_eq!(library.closest_topic("zzzzzz"), None);
    }
}
