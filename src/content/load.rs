//! Loading content: the built-in pack, then user folders, parsed and checked into a `Library`.

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::de::DeserializeOwned;

use super::model::{AppText, FORMAT_VERSION, Questionnaire, SupportFile, SupportPage, Topic};
use super::{embedded, validate};
use crate::error::{Error, Problem, SourceFile};

/// The questionnaire `numb reflect` runs when none is named.
pub const DEFAULT_QUESTIONNAIRE: &str = "check-in";

/// The language of the built-in content.
pub const LANG: &str = "en";

/// Everything numb can say, loaded and checked.
#[derive(Debug, Clone)]
pub struct Library {
    /// Topics in reading order.
    pub topics: Vec<Topic>,
    /// Questionnaires, the default (`check-in`) first.
    pub questionnaires: Vec<Questionnaire>,
    /// The support page.
    pub support: SupportPage,
    /// The words of numb's own screens.
    pub app: AppText,
}

impl Library {
    /// The topic with this id or alias, ignoring case and surrounding spaces.
    pub fn topic(&self, name: &str) -> Option<&Topic> {
        let name = name.trim().to_lowercase();
        self.topics
            .iter()
            .find(|t| *t.id.get_ref() == name || t.aliases.iter().any(|a| *a.get_ref() == name))
    }

    /// The questionnaire with this id (ignoring case and surrounding spaces).
    pub fn questionnaire(&self, name: &str) -> Option<&Questionnaire> {
        let name = name.trim().to_lowercase();
        self.questionnaires.iter().find(|q| *q.id.get_ref() == name)
    }

    /// The topic id closest to a mistyped name, if one is close enough to suggest.
    pub fn closest_topic(&self, name: &str) -> Option<&str> {
        let name = name.trim().to_lowercase();
        let name = name.as_str();
        let names = self.topics.iter().flat_map(|t| {
            std::iter::once((t.id.get_ref(), t.id.get_ref()))
                .chain(t.aliases.iter().map(move |a| (a.get_ref(), t.id.get_ref())))
        });
        names
            .map(|(candidate, id)| (strsim::jaro_winkler(name, candidate), id))
            .filter(|(score, _)| *score >= 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, id)| id.as_str())
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
    Topic,
    Questionnaire,
    Support,
    App,
}

/// Loads the built-in content, then each folder in `dirs` in order (later ones win), and checks it.
pub fn load(dirs: &[PathBuf]) -> Result<Library, Error> {
    let mut pending = builtin();
    for (i, dir) in dirs.iter().enumerate() {
        pending.extend(read_pack(dir, i + 1)?);
    }
    from_files(pending)
}

/// Loads the built-in content with only the `support.toml` files of `dirs`: the help lines a
/// user added still show when their topics or questionnaires have problems.
pub fn load_support_only(dirs: &[PathBuf]) -> Result<Library, Error> {
    let mut pending = builtin();
    for (i, dir) in dirs.iter().enumerate() {
        let support = dir.join("support.toml");
        if support.exists() {
            pending.push(read_file(&support, i + 1, Kind::Support)?);
        }
    }
    from_files(pending)
}

fn builtin() -> Vec<Pending> {
    embedded::FILES
        .iter()
        .filter_map(|(rel, text)| {
            let rest = rel.strip_prefix(LANG)?.strip_prefix('/')?;
            let kind = match rest {
                "support.toml" => Kind::Support,
                "app.toml" => Kind::App,
                _ if rest.starts_with("topics/") => Kind::Topic,
                _ if rest.starts_with("questionnaires/") => Kind::Questionnaire,
                _ => return None,
            };
            Some(Pending {
                file: Arc::new(SourceFile {
                    path: format!("content/{rel}"),
                    text: (*text).to_string(),
                }),
                pack: 0,
                kind,
                unreadable: None,
            })
        })
        .collect()
}

/// Reads a user folder: `topics/*.toml` and an optional `support.toml`.
fn read_pack(dir: &Path, pack: usize) -> Result<Vec<Pending>, Error> {
    let input_error = |path: &Path, source| Error::Input {
        path: path.to_path_buf(),
        source,
    };
    let meta = fs::metadata(dir).map_err(|e| input_error(dir, e))?;
    if !meta.is_dir() {
        return Err(input_error(dir, std::io::Error::other("not a folder")));
    }
    let mut paths = Vec::new();
    let topics = dir.join("topics");
    let support = dir.join("support.toml");
    let questionnaires = dir.join("questionnaires");
    // Reading the folder first tells "permission denied" apart from "nothing here".
    fs::read_dir(dir).map_err(|e| input_error(dir, e))?;
    if !topics.is_dir() && !questionnaires.is_dir() && !support.exists() {
        return Err(input_error(
            dir,
            std::io::Error::other(
                "it has no topics/ or questionnaires/ folder and no support.toml, so numb finds nothing to load there",
            ),
        ));
    }
    for (folder, kind) in [
        (&topics, Kind::Topic),
        (&questionnaires, Kind::Questionnaire),
    ] {
        if !folder.is_dir() {
            continue;
        }
        for entry in fs::read_dir(folder).map_err(|e| input_error(folder, e))? {
            let entry = entry.map_err(|e| input_error(folder, e))?;
            // Editors and file systems leave hidden files (`.#x.toml`, `._x.toml`): skip them.
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
            {
                paths.push((path, kind));
            }
        }
    }
    paths.sort();
    if paths.is_empty() && !support.exists() {
        return Err(input_error(
            dir,
            std::io::Error::other(
                "it has no .toml files in topics/ or questionnaires/ and no support.toml",
            ),
        ));
    }
    if support.exists() {
        paths.push((support, Kind::Support));
    }
    paths
        .into_iter()
        .map(|(path, kind)| read_file(&path, pack, kind))
        .collect()
}

/// Reads one user file: at most `MAX_FILE_BYTES`, regular files only, UTF-8 checked.
fn read_file(path: &Path, pack: usize, kind: Kind) -> Result<Pending, Error> {
    let input_error = |source| Error::Input {
        path: path.to_path_buf(),
        source,
    };
    // Look before opening: opening a FIFO would wait for a writer forever.
    let meta = fs::metadata(path).map_err(input_error)?;
    let mut unreadable = None;
    let mut bytes = Vec::new();
    if !meta.is_file() {
        unreadable = Some((0..0, "this is not a regular file".to_string()));
    } else {
        let file = fs::File::open(path).map_err(input_error)?;
        file.take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(input_error)?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            bytes.clear();
            unreadable = Some((
                0..0,
                "this file is larger than 1 MiB; numb does not read it".to_string(),
            ));
        }
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            unreadable = Some((
                at..at + 1,
                "this file is not valid UTF-8 from here on".to_string(),
            ));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    Ok(Pending {
        file: Arc::new(SourceFile {
            path: path.display().to_string(),
            text,
        }),
        pack,
        kind,
        unreadable,
    })
}

/// Just the version of a file, to explain a failed parse of a newer format.
#[derive(serde::Deserialize)]
struct VersionOnly {
    format_version: toml::Spanned<u32>,
}

fn parse<T: DeserializeOwned>(file: &Arc<SourceFile>, problems: &mut Vec<Problem>) -> Option<T> {
    match toml::from_str::<T>(&file.text) {
        Ok(value) => Some(value),
        Err(e) => {
            // A file from a newer numb fails on fields this one does not know; say why.
            if let Ok(v) = toml::from_str::<VersionOnly>(&file.text)
                && *v.format_version.get_ref() > FORMAT_VERSION
            {
                problems.push(Problem {
                    file: Arc::clone(file),
                    span: v.format_version.span(),
                    message: validate::newer_version_message(*v.format_version.get_ref()),
                });
                return None;
            }
            problems.push(Problem {
                file: Arc::clone(file),
                span: e.span().unwrap_or(0..0),
                message: friendly(e.message().trim_end()),
            });
            None
        }
    }
}

/// The TOML parser's message with Rust type names put in an author's words.
fn friendly(message: &str) -> String {
    message
        .replace("expected u16", "expected a whole number")
        .replace("expected u32", "expected a whole number")
        .replace(
            "expected a sequence",
            "expected a list, like [\"a\", \"b\"]",
        )
        .replace(
            "expected a TOML datetime",
            "expected a date like 2026-11-25, without quotes",
        )
}

fn from_files(pending: Vec<Pending>) -> Result<Library, Error> {
    let mut problems = Vec::new();
    let mut topics: Vec<(usize, Topic)> = Vec::new();
    let mut questionnaires: Vec<(usize, Questionnaire)> = Vec::new();
    let mut support: Option<SupportPage> = None;
    let mut app = None;
    for item in pending {
        if let Some((span, message)) = item.unreadable {
            problems.push(Problem {
                file: item.file,
                span,
                message,
            });
            continue;
        }
        match item.kind {
            Kind::Topic => {
                if let Some(mut topic) = parse::<Topic>(&item.file, &mut problems) {
                    topic.file = Arc::clone(&item.file);
                    add_entry(&mut topics, item.pack, topic, &mut problems);
                }
            }
            Kind::Questionnaire => {
                if let Some(mut questionnaire) = parse::<Questionnaire>(&item.file, &mut problems) {
                    questionnaire.file = Arc::clone(&item.file);
                    add_entry(&mut questionnaires, item.pack, questionnaire, &mut problems);
                }
            }
            Kind::Support => {
                if let Some(mut file) = parse::<SupportFile>(&item.file, &mut problems) {
                    file.file = Arc::clone(&item.file);
                    let found = validate::support_file(&file, item.pack == 0);
                    if found.is_empty() {
                        support = merge_support(support, file);
                    }
                    problems.extend(found);
                }
            }
            Kind::App => {
                if let Some(mut text) = parse::<AppText>(&item.file, &mut problems) {
                    text.file = Arc::clone(&item.file);
                    app = Some(text);
                }
            }
        }
    }
    let (Some(support), Some(app)) = (support, app) else {
        if problems.is_empty() {
            problems.push(Problem {
                file: Arc::new(SourceFile {
                    path: format!("content/{LANG}"),
                    text: String::new(),
                }),
                span: 0..0,
                message: "support.toml or app.toml is missing from the built-in content".into(),
            });
        }
        return Err(Error::Content(problems));
    };
    let mut topics: Vec<Topic> = topics.into_iter().map(|(_, t)| t).collect();
    sort_topics(&mut topics, &app);
    let mut questionnaires: Vec<Questionnaire> =
        questionnaires.into_iter().map(|(_, q)| q).collect();
    // check-in first: it is the default; the rest by id.
    questionnaires.sort_by_key(|q| {
        (
            q.id.get_ref() != DEFAULT_QUESTIONNAIRE,
            q.id.get_ref().clone(),
        )
    });
    let library = Library {
        topics,
        questionnaires,
        support,
        app,
    };
    problems.extend(validate::library(&library));
    if problems.is_empty() {
        Ok(library)
    } else {
        Err(Error::Content(problems))
    }
}

/// Adds a `support.toml` to the page so far. The first (built-in) one makes the page; a
/// user's adds its lines and emergency line first and may replace the intro and directory.
/// Nothing built in is ever removed.
fn merge_support(page: Option<SupportPage>, file: SupportFile) -> Option<SupportPage> {
    let Some(mut page) = page else {
        return Some(SupportPage {
            intro: file.intro?,
            local_emergency: Vec::new(),
            emergency: file.emergency?,
            directory: file.directory?,
            lines: file.lines,
        });
    };
    if let Some(intro) = file.intro {
        page.intro = intro;
    }
    if let Some(emergency) = file.emergency {
        page.local_emergency.insert(0, emergency);
    }
    if let Some(directory) = file.directory {
        page.directory = directory;
    }
    let mut lines = file.lines;
    lines.append(&mut page.lines);
    page.lines = lines;
    Some(page)
}

/// Content with an id that packs can replace: topics and questionnaires.
trait Entry {
    const WHAT: &'static str;
    fn id(&self) -> &toml::Spanned<String>;
    fn file(&self) -> &Arc<SourceFile>;
}

impl Entry for Topic {
    const WHAT: &'static str = "topic";
    fn id(&self) -> &toml::Spanned<String> {
        &self.id
    }
    fn file(&self) -> &Arc<SourceFile> {
        &self.file
    }
}

impl Entry for Questionnaire {
    const WHAT: &'static str = "questionnaire";
    fn id(&self) -> &toml::Spanned<String> {
        &self.id
    }
    fn file(&self) -> &Arc<SourceFile> {
        &self.file
    }
}

/// Adds an entry; a later pack replaces an earlier one with the same id, the same pack may not repeat it.
fn add_entry<T: Entry>(
    entries: &mut Vec<(usize, T)>,
    pack: usize,
    entry: T,
    problems: &mut Vec<Problem>,
) {
    match entries
        .iter_mut()
        .find(|(_, e)| e.id().get_ref() == entry.id().get_ref())
    {
        Some((earlier_pack, earlier)) if *earlier_pack == pack => problems.push(Problem {
            file: Arc::clone(entry.file()),
            span: entry.id().span(),
            message: format!(
                "{} id `{}` is already used by {}",
                T::WHAT,
                entry.id().get_ref(),
                earlier.file().path
            ),
        }),
        Some(slot) => *slot = (pack, entry),
        None => entries.push((pack, entry)),
    }
}

fn sort_topics(topics: &mut [Topic], app: &AppText) {
    let rank: HashMap<&str, usize> = app
        .reading_order
        .iter()
        .enumerate()
        .map(|(i, id)| (id.get_ref().as_str(), i))
        .collect();
    topics.sort_by(|a, b| {
        let key = |t: &Topic| {
            (
                rank.get(t.id.get_ref().as_str())
                    .copied()
                    .unwrap_or(usize::MAX),
                t.id.get_ref().clone(),
            )
        };
        key(a).cmp(&key(b))
    });
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
    let mut pending = builtin();
    pending.extend(files.iter().map(|(path, text)| Pending {
        file: Arc::new(SourceFile {
            path: (*path).to_string(),
            text: (*text).to_string(),
        }),
        pack: 1,
        kind,
        unreadable: None,
    }));
    from_files(pending)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_content_loads_and_passes_every_check() {
        let library = load(&[]).unwrap_or_else(|e| panic!("{}", e.report(false)));
        assert!(library.topics.len() >= 8);
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
