//! Putting parsed files together: ids that a later pack replaces, support pages merged
//! (nothing built in removed), topics in reading order, and at most so many problems a file.

use std::collections::HashMap;
use std::sync::Arc;

use super::Replacement;
use crate::content::model::{AppText, Practice, Questionnaire, SupportFile, SupportPage, Topic};
use crate::error::{Problem, SourceFile};

/// Adds a `support.toml` to the page so far. The first (built-in) one makes the page; a
/// user's adds its lines and emergency line first and may replace the intro and directory.
/// A translation's replaces the intro, the emergency line and the directory, and its lines
/// come first. Nothing built in is ever removed: a line the translation does not repeat
/// stays, in the original's words.
pub(super) fn merge_support(
    page: Option<SupportPage>,
    file: SupportFile,
    translation: bool,
) -> Option<SupportPage> {
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
    match file.emergency {
        Some(emergency) if translation => page.emergency = emergency,
        Some(emergency) => page.local_emergency.insert(0, emergency),
        None => {}
    }
    if let Some(directory) = file.directory {
        page.directory = directory;
    }
    let mut lines = file.lines;
    // A line the pack repeats (the same contact, for a country both name) is shown once, the
    // pack's: a person in crisis should not read the same number twice and wonder. A
    // translation words the contact its own way: the same service is the same address, or,
    // for a line without one, the same name.
    page.lines.retain(|known| {
        !lines.iter().any(|l| {
            let same = match translation {
                true => match (&l.url, &known.url) {
                    (Some(a), Some(b)) => a == b,
                    _ => l.name == known.name,
                },
                false => l.contact.get_ref() == known.contact.get_ref(),
            };
            same && l.countries.iter().any(|c| known.countries.contains(c))
        })
    });
    lines.append(&mut page.lines);
    page.lines = lines;
    Some(page)
}

/// Content with an id that packs can replace: topics and questionnaires.
pub(super) trait Entry {
    const WHAT: &'static str;
    fn id(&self) -> &crate::content::spanned::Spanned<String>;
    fn file(&self) -> &Arc<SourceFile>;
}

/// `Entry` for a content type with `id` and `file` fields.
macro_rules! entry {
    ($t:ty, $what:literal) => {
        impl Entry for $t {
            const WHAT: &'static str = $what;
            fn id(&self) -> &crate::content::spanned::Spanned<String> {
                &self.id
            }
            fn file(&self) -> &Arc<SourceFile> {
                &self.file
            }
        }
    };
}
entry!(Topic, "topic");
entry!(Practice, "practice");
entry!(Questionnaire, "questionnaire");

/// The most problems shown for one file; past that, one line says how many more there are.
pub const MAX_PROBLEMS_PER_FILE: usize = 50;

// A text of the Markdown subset with too many problems ends with a note that checking
// stopped: the note can fit among those shown (unless other problems of the file come first).
const _: () = assert!(crate::content::validate::MAX_MARKUP_PROBLEMS < MAX_PROBLEMS_PER_FILE);

/// Keeps the first `max` problems of each file (they are sorted by file), and says how many
/// more each file has.
pub(super) fn at_most_per_file(problems: Vec<Problem>, max: usize) -> Vec<Problem> {
    let mut kept: Vec<Problem> = Vec::with_capacity(problems.len().min(1024));
    let mut in_file = 0;
    let mut hidden = 0;
    let mut first_hidden: Option<Problem> = None;
    let flush = |kept: &mut Vec<Problem>, hidden: &mut usize, first: &mut Option<Problem>| {
        if let Some(p) = first.take() {
            kept.push(Problem {
                hides: *hidden,
                message: format!(
                    "and {hidden} more problem{} in this file, from here on; fix the ones above first",
                    if *hidden == 1 { "" } else { "s" }
                ),
                ..p
            });
        }
        *hidden = 0;
    };
    for problem in problems {
        let same = kept
            .last()
            .is_some_and(|last| last.file.path == problem.file.path);
        if !same {
            flush(&mut kept, &mut hidden, &mut first_hidden);
            in_file = 0;
        }
        in_file += 1;
        if in_file <= max {
            kept.push(problem);
        } else {
            hidden += 1;
            first_hidden.get_or_insert(problem);
        }
    }
    flush(&mut kept, &mut hidden, &mut first_hidden);
    kept
}

/// Topics or questionnaires as they load, with an index by id.
pub(super) struct Entries<T> {
    pub(super) entries: Vec<(usize, T)>,
    pub(super) by_id: HashMap<String, usize>,
    pub(super) replaced: Vec<Replacement>,
}

impl<T> Default for Entries<T> {
    fn default() -> Self {
        Self {
            entries: Vec::new(),
            by_id: HashMap::new(),
            replaced: Vec::new(),
        }
    }
}

impl<T: Entry> Entries<T> {
    /// Adds an entry; a later pack replaces an earlier one with the same id, the same pack
    /// may not repeat it. An entry of a translation (`translates` names the layer it
    /// translates) must replace one of that layer, and is no replacement worth reporting.
    /// Returns what a translation replaced.
    pub(super) fn add(
        &mut self,
        pack: usize,
        entry: T,
        translates: Option<usize>,
        problems: &mut Vec<Problem>,
    ) -> Option<T> {
        let id = entry.id().get_ref().clone();
        let earlier = self.by_id.get(&id).copied();
        if let Some(base) = translates
            && earlier.is_none_or(|at| self.entries[at].0 != base)
        {
            problems.push(Problem {
                hides: 0,
                file: Arc::clone(entry.file()),
                span: entry.id().span(),
                message: format!(
                    "a translation keeps the ids of what it translates, and there is no {} `{id}` \
                     to translate; use the original's id, or move this file out of the translation",
                    T::WHAT
                ),
            });
            return None;
        }
        let Some(at) = earlier else {
            self.by_id.insert(id, self.entries.len());
            self.entries.push((pack, entry));
            return None;
        };
        let (earlier_pack, earlier) = &self.entries[at];
        if *earlier_pack == pack {
            problems.push(Problem {
                hides: 0,
                file: Arc::clone(entry.file()),
                span: entry.id().span(),
                message: format!(
                    "{} id `{id}` is already used by {}",
                    T::WHAT,
                    earlier.file().path
                ),
            });
            return None;
        }
        // The same folder loaded twice replaces nothing worth mentioning; nor does a
        // translation.
        if earlier.file().path != entry.file().path && translates.is_none() {
            self.replaced.push(Replacement {
                what: T::WHAT,
                id,
                by: entry.file().path.clone(),
                replaced: earlier.file().path.clone(),
            });
        }
        let (_, replaced) = std::mem::replace(&mut self.entries[at], (pack, entry));
        translates.map(|_| replaced)
    }
}

pub(super) fn sort_topics(topics: &mut [Topic], app: &AppText) {
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
