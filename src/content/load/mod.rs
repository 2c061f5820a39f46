//! Loading content: the built-in pack, then user folders, parsed and checked into a `Library`.

mod assemble;
mod parse;
mod read;
mod reading;
mod translation;

use std::path::PathBuf;
use std::sync::Arc;

pub use assemble::MAX_PROBLEMS_PER_FILE;
use assemble::{Entries, at_most_per_file, merge_support, sort_topics};
use parse::{Parsed, parse};
use read::{read_file, read_pack};
pub use reading::{LeftOut, load_for_reading};
use translation::Translations;
pub use translation::{Coverage, State, fingerprint};

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

/// The language of the built-in content that every other language falls back to.
pub const LANG: &str = "en";

static CHOSEN: std::sync::OnceLock<&'static str> = std::sync::OnceLock::new();

/// The language this run speaks, once [`choose_language`] set it; [`LANG`] until then.
pub fn chosen_language() -> &'static str {
    CHOSEN.get().copied().unwrap_or(LANG)
}

/// Sets the language of this run (the first call wins: one run, one language) and returns
/// the one in force.
pub fn choose_language(lang: &'static str) -> &'static str {
    CHOSEN.get_or_init(|| lang)
}

/// One layer of content, in load order: the built-in content in English, the built-in
/// translation into the chosen language, then each pack and its translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layer {
    /// The folder, or `None` for built-in content.
    pub path: Option<PathBuf>,
    /// The layer this one translates (its items replace that layer's by id, its screen
    /// words fill in key by key), or `None` for content in its own right.
    pub translates: Option<usize>,
}

/// What one pack brought, for `numb check`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackInfo {
    /// The folder, or `None` for the built-in pack.
    pub path: Option<PathBuf>,
    /// The layer this one translates, for a translation (see [`Layer`]).
    pub translates: Option<usize>,
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
    /// How complete and current each translation is, item by item.
    pub coverage: Vec<Coverage>,
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

/// Loads the built-in content in the chosen language ([`chosen_language`]), then each folder
/// in `dirs` in order (later ones win), and checks it.
pub fn load(dirs: &[PathBuf]) -> Result<Library, Error> {
    load_in(dirs, chosen_language())
}

/// [`load`] in `lang`.
pub fn load_in(dirs: &[PathBuf], lang: &str) -> Result<Library, Error> {
    if dirs.is_empty()
        && let Ok(library) = compact::builtin(lang)
    {
        return Ok(library);
    }
    load_all_in(dirs, None, lang)?.into_result()
}

/// [`load`] for a folder export, leaving the body text of topic sections to the Markdown
/// writer, which refuses what is outside the subset as it writes (see
/// [`Bodies::LeftToTheWriter`]). When this fails, or the writer refuses a body, run [`load`]
/// to report every problem.
pub fn load_for_writing(dirs: &[PathBuf]) -> Result<Library, Error> {
    let lang = chosen_language();
    if dirs.is_empty()
        && let Ok(library) = compact::builtin(lang)
    {
        return Ok(library);
    }
    let (pending, layers) = read_all(dirs, lang)?;
    from_files(pending, layers, Bodies::LeftToTheWriter, None, lang).into_result()
}

/// Loads and checks like [`load`], keeping every problem and what each pack brought. Fails
/// only when a folder itself cannot be read.
///
/// With `today` (what `numb check` passes: the date on the machine running it), a
/// `verified_on` date after it is a problem too. Pages for reading never ask for that: a clock
/// set wrong, or a pack written a time zone ahead, must never hide a help line.
pub fn load_all(dirs: &[PathBuf], today: Option<jiff::civil::Date>) -> Result<Loaded, Error> {
    load_all_in(dirs, today, chosen_language())
}

/// [`load_all`] in `lang`.
pub fn load_all_in(
    dirs: &[PathBuf],
    today: Option<jiff::civil::Date>,
    lang: &str,
) -> Result<Loaded, Error> {
    let (pending, layers) = read_all(dirs, lang)?;
    Ok(from_files(pending, layers, Bodies::Checked, today, lang))
}

/// Every file numb loads from, as layers: the built-in content (and its translation into
/// `lang`), then each pack in `dirs`, each followed by its translation into `lang` when it
/// has one (a folder named by the language, such as `es/`, with a pack.toml of its own).
fn read_all(dirs: &[PathBuf], lang: &str) -> Result<(Vec<Pending>, Vec<Layer>), Error> {
    let (mut pending, mut layers) = builtin_layers(embedded::files(), lang);
    for dir in dirs {
        let at = layers.len();
        pending.extend(read_pack(dir, at)?);
        layers.push(Layer {
            path: Some(dir.clone()),
            translates: None,
        });
        if let Some(translation) = translation_of(dir, lang) {
            pending.extend(read_pack(&translation, at + 1)?);
            layers.push(Layer {
                path: Some(translation),
                translates: Some(at),
            });
        }
    }
    Ok((pending, layers))
}

/// A pack's translation into `lang`: its folder `lang/` when that holds a pack.toml.
pub fn translation_of(dir: &std::path::Path, lang: &str) -> Option<PathBuf> {
    let folder = dir.join(lang);
    (lang != LANG || folder.join("pack.toml").exists())
        .then_some(folder)
        .filter(|f| f.join("pack.toml").exists())
}

/// Loads the built-in content with only the `support.toml` files of `dirs`: the help lines a
/// user added still show when their topics or questionnaires have problems.
pub fn load_support_only(dirs: &[PathBuf]) -> Result<Library, Error> {
    let lang = chosen_language();
    if dirs.iter().all(|dir| !dir.join("support.toml").exists())
        && let Ok(library) = compact::builtin(lang)
    {
        return Ok(library);
    }
    let (mut pending, mut layers) = builtin_layers(embedded::files(), lang);
    for dir in dirs {
        let support = dir.join("support.toml");
        if support.exists() {
            pending.push(read_file(&support, layers.len(), Kind::Support)?);
        }
        layers.push(Layer {
            path: Some(dir.clone()),
            translates: None,
        });
    }
    from_files(pending, layers, Bodies::Checked, None, lang).into_result()
}

/// Loads and checks the built-in content with one more file, `text`, as a pack would hold it
/// at `name` (`topics/x.toml`, `questionnaires/x.toml`, `practices/x.toml`, `support.toml`,
/// `feelings.toml` or `pack.toml`; the pack gets a plain pack.toml unless `name` is one):
/// what `numb check` does with it, without a folder. For fuzzing; the file's path is
/// `pack/<name>`.
pub fn check_one_file(name: &str, text: &str) -> Loaded {
    let (mut pending, mut layers) = builtin_layers(embedded::files(), LANG);
    let at = layers.len();
    layers.push(Layer {
        path: Some(PathBuf::from("pack")),
        translates: None,
    });
    let file = |path: &str, text: &str, kind| Pending {
        file: Arc::new(SourceFile {
            path: format!("pack/{path}"),
            text: text.to_string().into(),
            pack: at,
        }),
        pack: at,
        kind,
        unreadable: None,
    };
    let kind = match name {
        "pack.toml" => Kind::Pack,
        "support.toml" => Kind::Support,
        "feelings.toml" => Kind::FeelingsAddition,
        _ if name.starts_with("questionnaires/") => Kind::Questionnaire,
        _ if name.starts_with("practices/") => Kind::Practice,
        _ => Kind::Topic,
    };
    if kind != Kind::Pack {
        let manifest = "format_version = 1\nname = \"A pack\"\nlanguage = \"en\"\n";
        pending.push(file("pack.toml", manifest, Kind::Pack));
    }
    pending.push(file(name, text, kind));
    from_files(pending, layers, Bodies::Checked, None, LANG)
}

/// Loads and checks the built-in content in `lang` from `files`, (path under `content/`,
/// text) pairs: what build.rs runs on `content/` before it stores the library in the binary.
pub fn builtin_checked(files: &[(&str, &'static str)], lang: &str) -> Loaded {
    let (pending, layers) = builtin_layers(files, lang);
    from_files(pending, layers, Bodies::Checked, None, lang)
}

/// The built-in layers for `lang`: the English content (layer 0) with the words of crisis of
/// every language (a person may type in any of them), and, for another language, its
/// translation (layer 1), pack.toml first in each.
fn builtin_layers(files: &[(&str, &'static str)], lang: &str) -> (Vec<Pending>, Vec<Layer>) {
    let mut pending = builtin(files, LANG, 0);
    let mut layers = vec![Layer {
        path: None,
        translates: None,
    }];
    if lang != LANG {
        pending.extend(builtin(files, lang, 1));
        layers.push(Layer {
            path: None,
            translates: Some(0),
        });
    }
    // The words of crisis of the other languages join the English ones.
    for (rel, text) in files {
        let Some((other, "crisis.toml")) = rel.split_once('/') else {
            continue;
        };
        if other != LANG && other != lang {
            pending.push(Pending {
                file: Arc::new(SourceFile {
                    path: format!("content/{rel}"),
                    text: std::borrow::Cow::Borrowed(text),
                    pack: 0,
                }),
                pack: 0,
                kind: Kind::Crisis,
                unreadable: None,
            });
        }
    }
    (pending, layers)
}

/// The built-in files of `lang` in `files`, as layer `layer`, pack.toml first.
fn builtin(files: &[(&str, &'static str)], lang: &str, layer: usize) -> Vec<Pending> {
    let mut files: Vec<Pending> = files
        .iter()
        .filter_map(|(rel, text)| {
            let rest = rel.strip_prefix(lang)?.strip_prefix('/')?;
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
                    pack: layer,
                }),
                pack: layer,
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
    /// A translation's `app.toml`, parsed with the original's (see [`parse::merged`]).
    AppTranslation,
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
    layers: Vec<Layer>,
    bodies: Bodies,
    today: Option<jiff::civil::Date>,
    lang: &str,
) -> Loaded {
    let mut problems = Vec::new();
    let builtin_layers = layers.iter().take_while(|l| l.path.is_none()).count();
    let mut packs: Vec<PackInfo> = layers
        .iter()
        .map(|layer| PackInfo {
            path: layer.path.clone(),
            translates: layer.translates,
            name: String::new(),
            language: String::new(),
            topics: 0,
            questionnaires: 0,
            practices: 0,
            support: false,
            files: 0,
        })
        .collect();
    let translates = |pack: usize| layers.get(pack).and_then(|l| l.translates);
    let mut credits = vec![Credit::default(); packs.len()];
    let mut support_packs = Vec::new();
    let mut topics = Entries::default();
    let mut questionnaires = Entries::default();
    let mut practices = Entries::default();
    let mut support: Option<SupportPage> = None;
    let mut app: Option<AppText> = None;
    let mut app_translations: Vec<Arc<SourceFile>> = Vec::new();
    let mut feelings: Option<Feelings> = None;
    let mut crisis: Option<CrisisWords> = None;
    let mut crisis_more: Vec<(CrisisWords, bool)> = Vec::new();
    let mut translations = Translations::default();
    // Packs written for a newer numb: their other files are not judged.
    let mut newer = Vec::new();
    // Ids declared by files that did not load: references to them are not problems of their own.
    let mut broken = std::collections::HashSet::new();
    // Parsing is the costly part of a large pack, and files do not depend on each other.
    let parsed = parallel_map(pending, |item| {
        let mut found = Vec::new();
        let content = match (item.kind, translates(item.pack)) {
            // A translation's screen words fill in the original's key by key (below).
            (Kind::App, Some(_)) => Content::AppTranslation,
            _ => parse_item(&item, &mut found),
        };
        (item, content, found)
    });
    for (item, content, mut found) in parsed {
        if newer.contains(&item.pack) {
            continue;
        }
        let translation = translates(item.pack);
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
                if translation.is_some() {
                    problems.extend(validate::translation_pack(&pack, &item.file, lang));
                }
                credits[item.pack] = Credit::of(&pack);
                info.name = pack.name.into_inner();
                info.language = pack.language.into_inner();
            }
            Content::Topic(mut topic) => {
                topic.file = Arc::clone(&item.file);
                info.topics += 1;
                let base = topics.add(item.pack, *topic, translation, &mut problems);
                translations.note("topic", item.pack, base.map(|t| t.file), &item.file);
            }
            Content::Questionnaire(mut questionnaire) => {
                questionnaire.file = Arc::clone(&item.file);
                info.questionnaires += 1;
                let base =
                    questionnaires.add(item.pack, *questionnaire, translation, &mut problems);
                if let Some(base) = &base
                    && let Some(&at) = questionnaires.by_id.get(base.id.get_ref())
                {
                    let (_, translated) = &questionnaires.entries[at];
                    problems.extend(validate::questionnaire_parity(base, translated));
                }
                translations.note("questionnaire", item.pack, base.map(|q| q.file), &item.file);
            }
            Content::Practice(mut practice) => {
                practice.file = Arc::clone(&item.file);
                info.practices += 1;
                let base = practices.add(item.pack, *practice, translation, &mut problems);
                translations.note("practice", item.pack, base.map(|p| p.file), &item.file);
            }
            Content::Support(mut file) => {
                file.file = Arc::clone(&item.file);
                let found = validate::support_file(&file, item.pack < builtin_layers, today);
                if found.is_empty() {
                    support = merge_support(support, *file, translation.is_some());
                    support_packs.push(item.pack);
                }
                problems.extend(found);
                translations.file(item.pack, "support", &item.file);
            }
            Content::App(mut text) => {
                text.file = Arc::clone(&item.file);
                translations.file(item.pack, "app", &item.file);
                app = Some(*text);
            }
            Content::AppTranslation => app_translations.push(Arc::clone(&item.file)),
            Content::Feelings(mut vocabulary) => {
                vocabulary.file = Arc::clone(&item.file);
                translations.file(item.pack, "feelings", &item.file);
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
                // Each file's phrases are checked against its own text, before they join.
                let found = validate::crisis_file(&words, &item.file);
                let clean = found.is_empty();
                problems.extend(found);
                match (&crisis, clean) {
                    (None, _) => crisis = Some(*words),
                    (Some(_), true) => crisis_more.push((*words, translation.is_some())),
                    (Some(_), false) => {}
                }
            }
        }
        if item.kind == Kind::Support {
            info.support = true;
        }
    }
    // Words of crisis in other languages join the first file's: every phrase of every
    // language is matched, and the chosen language's words are said.
    if let Some(base) = crisis.as_mut() {
        for (more, chosen) in crisis_more {
            base.join(more, chosen);
        }
    }
    // The screen words of a translation, each key its own or the original's.
    if let Some(base) = &app {
        let mut merged = None;
        for file in app_translations {
            let from = merged.as_ref().unwrap_or(base);
            let (text, missing) = parse::merged::<AppText>(&from.file, &file, &mut problems);
            // A translation that does not parse leaves the original's words (reported above).
            if let Some(mut text) = text {
                text.file = Arc::clone(&file);
                translations.file(file.pack, "app", &file);
                translations.missing_keys = missing;
                merged = Some(text);
            }
        }
        if let Some(text) = merged {
            app = Some(text);
        }
    }
    let mut replacements = topics.replaced;
    replacements.append(&mut questionnaires.replaced);
    replacements.append(&mut practices.replaced);
    // Problems read best file by file, top to bottom, whichever check found them.
    let done = |library, mut problems: Vec<Problem>, coverage| {
        problems.sort_by(|a, b| {
            (a.file.path.as_str(), a.span.start).cmp(&(b.file.path.as_str(), b.span.start))
        });
        let problems = at_most_per_file(problems, MAX_PROBLEMS_PER_FILE);
        Loaded {
            library,
            problems,
            packs,
            replacements,
            coverage,
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
        return done(None, problems, Vec::new());
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
    library.language = lang.to_string();
    library.builtin_layers = builtin_layers;
    problems.extend(validate::library(&library, bodies));
    let coverage = translations.coverage(&layers, &library);
    done(Some(library), problems, coverage)
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
    let (mut pending, mut layers) = builtin_layers(embedded::files(), LANG);
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
    layers.push(Layer {
        path: Some(PathBuf::from("pack")),
        translates: None,
    });
    from_files(pending, layers, Bodies::Checked, None, LANG).into_result()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_content_loads_and_passes_every_check() {
        let library = load(&[]).unwrap_or_else(|e| panic!("{}", e.report(false)));
        assert!(library.topics.len() >= 8);
    }

    /// A translation's screen words fill in the original's key by key: a key it leaves out is
    /// said in English and named in the coverage, and the rest stay translated.
    #[test]
    fn screen_words_fall_back_key_by_key() {
        let files: Vec<(&str, &'static str)> = (embedded::files().iter())
            .map(|&(path, text)| {
                if path != "es/app.toml" {
                    return (path, text);
                }
                let kept: String = text
                    .lines()
                    .filter(|l| !l.starts_with("pager_end =") && !l.starts_with("stop_one ="))
                    .map(|l| format!("{l}\n"))
                    .collect();
                (path, &*Box::leak(kept.into_boxed_str()))
            })
            .collect();
        let loaded = builtin_checked(&files, "es");
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let library = loaded.library.unwrap();
        assert_eq!(
            library.page_words().labels.pager_end.get_ref(),
            "numb: the end, press q to quit"
        );
        assert_eq!(
            library.app.ask_labels.stop_one.get_ref(),
            "Stop and discard your answer?"
        );
        assert_eq!(
            library.page_words().labels.pager_more.get_ref(),
            "numb: espacio para ver más, q para salir"
        );
        let app = loaded.coverage.iter().find(|c| c.what == "app").unwrap();
        assert_eq!(
            app.missing_keys,
            ["ask_labels.stop_one", "labels.pager_end"]
        );
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
