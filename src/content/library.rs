//! The library: everything numb can say, loaded and checked, and the lookups commands make
//! in it. The loader builds it; the checks and the commands only read it.

use std::collections::HashMap;

use super::crisis::{CrisisWords, Found};
use super::lazy::Lazy;
use super::model::{
    AppText, Credit, Family, Feelings, PageWords, Practice, Questionnaire, SupportPage, Topic, Word,
};
use crate::error::SourceFile;

/// The most words suggested for an unknown feeling word.
const MAX_NEAREST: usize = 3;

/// Everything numb can say, loaded and checked. Each item derefs to what it holds; the
/// built-in content is decoded item by item when first used (see [`Lazy`]).
#[derive(Debug, Clone)]
pub struct Library {
    /// Topics in reading order.
    pub topics: Vec<Lazy<Topic>>,
    /// Questionnaires, the default (`check-in`) first.
    pub questionnaires: Vec<Lazy<Questionnaire>>,
    /// Guided practices, by id.
    pub practices: Vec<Lazy<Practice>>,
    /// The feelings vocabulary.
    pub feelings: Lazy<Feelings>,
    /// The support page.
    pub support: Lazy<SupportPage>,
    /// The words of numb's own screens.
    pub app: Lazy<AppText>,
    /// The few of them every page needs ([`Library::page_words`]), the same as in `app`.
    pub(crate) page_words: Lazy<PageWords>,
    /// Words of crisis, met with help lines wherever typed words are looked up.
    pub crisis: Lazy<CrisisWords>,
    /// Each pack's credit, in load order (0 is the built-in content): the line that ends
    /// the exported pages of its content.
    pub credits: Vec<Credit>,
    /// The packs whose `support.toml` the support page shows, in load order.
    pub(crate) support_packs: Vec<usize>,
    /// The language chosen for this library (its items may fall back to English).
    pub language: String,
    /// How many layers of `credits` are built in: the English content, and its translation
    /// into the chosen language when there is one. Packs come after.
    pub builtin_layers: usize,
    /// Topic ids and aliases to their place in `topics`, for lookups in large packs.
    pub(crate) names: HashMap<String, usize>,
    /// Ids declared by files that had problems and did not load.
    pub(crate) broken: std::collections::HashSet<String>,
    /// Names (topic ids and aliases, questionnaire and practice ids, feeling words) that
    /// build.rs found hold no words of crisis, sorted: typing one needs no matching. Borrowed
    /// from the stored built-in content; empty for a library read from files.
    pub(crate) plain: Vec<&'static str>,
    /// Each topic's title, in the order of `topics`: listing related topics decodes none.
    pub(crate) titles: Vec<String>,
    /// The topic ids each practice names among its related ones, in the order of
    /// `practices`: finding a topic's practices decodes only those practices.
    pub(crate) practice_topics: Vec<Vec<String>>,
}

/// Topic ids and aliases to their place in `topics`. Ids first, then aliases, so an alias
/// never hides an id (the check reports the clash).
fn names_of<'t>(topics: impl Iterator<Item = &'t Topic> + Clone) -> HashMap<String, usize> {
    let mut names = HashMap::new();
    for (at, topic) in topics.clone().enumerate() {
        names.entry(topic.id.get_ref().clone()).or_insert(at);
    }
    for (at, topic) in topics.enumerate() {
        for alias in &topic.aliases {
            names.entry(alias.get_ref().clone()).or_insert(at);
        }
    }
    names
}

/// The topic ids each practice names among its related ones.
fn practice_topics_of<'p>(practices: impl Iterator<Item = &'p Practice>) -> Vec<Vec<String>> {
    practices
        .map(|p| p.related.iter().map(|id| id.get_ref().clone()).collect())
        .collect()
}

impl Library {
    /// The library of these parts, with its lookups built. The parts are as loaded: topics in
    /// reading order, the default questionnaire first, practices by id.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        topics: Vec<Topic>,
        questionnaires: Vec<Questionnaire>,
        practices: Vec<Practice>,
        feelings: Feelings,
        support: SupportPage,
        app: AppText,
        crisis: CrisisWords,
        broken: std::collections::HashSet<String>,
    ) -> Library {
        let names = names_of(topics.iter());
        let titles = topics.iter().map(|t| t.title.get_ref().clone()).collect();
        let practice_topics = practice_topics_of(practices.iter());
        Library {
            topics: topics.into_iter().map(Lazy::ready).collect(),
            questionnaires: questionnaires.into_iter().map(Lazy::ready).collect(),
            practices: practices.into_iter().map(Lazy::ready).collect(),
            feelings: Lazy::ready(feelings),
            support: Lazy::ready(support),
            page_words: Lazy::ready(PageWords::of(&app)),
            app: Lazy::ready(app),
            crisis: Lazy::ready(crisis),
            credits: Vec::new(),
            support_packs: Vec::new(),
            language: crate::content::LANG.to_string(),
            builtin_layers: 1,
            names,
            broken,
            plain: Vec::new(),
            titles,
            practice_topics,
        }
    }

    /// Keeps only what content packs brought: their topics, questionnaires and practices
    /// (numb's own are left out), for `numb export --pack-only`. The help lines, the words for
    /// feelings and the screens' words stay. `false` when no pack brought any of them.
    pub fn keep_packs_only(&mut self) -> bool {
        let builtin = self.builtin_layers;
        let from_a_pack = |file: &SourceFile| file.pack >= builtin;
        self.topics.retain(|t| from_a_pack(&t.file));
        self.questionnaires.retain(|q| from_a_pack(&q.file));
        self.practices.retain(|p| from_a_pack(&p.file));
        self.names = names_of(self.topics.iter().map(|t| &**t));
        self.titles = self
            .topics
            .iter()
            .map(|t| t.title.get_ref().clone())
            .collect();
        self.practice_topics = practice_topics_of(self.practices.iter().map(|p| &**p));
        !(self.topics.is_empty() && self.questionnaires.is_empty() && self.practices.is_empty())
    }

    /// The screen words every page needs (the support pointer and the page headings): the
    /// same as in [`Library::app`], without decoding all of it.
    pub fn page_words(&self) -> &PageWords {
        &self.page_words
    }

    /// The language `file` is written in: its pack's.
    pub fn language_of(&self, file: &SourceFile) -> &str {
        self.credits
            .get(file.pack)
            .map(|c| c.language.as_str())
            .filter(|l| !l.is_empty())
            .unwrap_or(crate::content::LANG)
    }

    /// Whether `file` is in another language than the one chosen (it filled a gap).
    pub fn is_fallback(&self, file: &SourceFile) -> bool {
        let primary = |tag: &str| {
            tag.split(['-', '_'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase()
        };
        primary(self.language_of(file)) != primary(&self.language)
    }

    /// The line that says `file` is shown in another language than the one chosen, in the
    /// chosen language; `None` when it is in the chosen one.
    pub fn fallback_note(&self, file: &SourceFile) -> Option<String> {
        if !self.is_fallback(file) {
            return None;
        }
        let name = |tag: &str| {
            let primary = tag
                .split(['-', '_'])
                .next()
                .unwrap_or(tag)
                .to_ascii_lowercase();
            (self.app.language_names.get(&primary))
                .map_or_else(|| tag.to_string(), |n| n.get_ref().clone())
        };
        let note = self.page_words().labels.fallback.get_ref();
        Some(
            note.replace("{language}", &name(&self.language))
                .replace("{shown}", &name(self.language_of(file))),
        )
    }

    /// The credit of the pack that `file` came from, when that pack sets authors or a
    /// licence.
    pub fn credit(&self, file: &SourceFile) -> Option<&Credit> {
        self.credits.get(file.pack).filter(|c| !c.is_empty())
    }

    /// The credit of every pack that sets one, in load order: for pages made of them all
    /// (the one-document export, a folder's index, a book's introduction).
    pub fn all_credits(&self) -> impl Iterator<Item = &Credit> {
        self.credits.iter().filter(|c| !c.is_empty())
    }

    /// The credit of each pack whose help lines the support page shows, in load order.
    pub fn support_credits(&self) -> impl Iterator<Item = &Credit> {
        (self.support_packs.iter())
            .filter_map(|&pack| self.credits.get(pack))
            .filter(|c| !c.is_empty())
    }

    /// The title of the topic with this id or alias.
    pub fn topic_title(&self, name: &str) -> Option<&str> {
        let at = *self.names.get(name)?;
        self.titles.get(at).map(String::as_str)
    }

    /// The practices that name the topic `id` among their related topics, in order.
    pub fn practices_about<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Practice> {
        (self.practices.iter().zip(&self.practice_topics))
            .filter(move |(_, topics)| topics.iter().any(|t| t == id))
            .map(|(practice, _)| &**practice)
    }

    /// The first phrase of crisis that `typed` speaks of (see [`CrisisWords::find`]).
    pub fn crisis_in(&self, typed: &str) -> Option<Found<'_>> {
        if self.plain.binary_search_by(|p| (*p).cmp(typed)).is_ok() {
            return None;
        }
        self.crisis.find(typed)
    }

    /// The topic with this id or alias, ignoring case and surrounding spaces.
    pub fn topic(&self, name: &str) -> Option<&Topic> {
        let name = name.trim();
        let found = match self.names.get(name) {
            Some(&at) => Some(at),
            None => self.names.get(&name.to_lowercase()).copied(),
        };
        found.map(|at| &*self.topics[at])
    }

    /// True when `id` is the id of a topic (not an alias).
    pub fn has_topic_id(&self, id: &str) -> bool {
        self.names
            .get(id)
            .is_some_and(|&at| self.topics[at].id.get_ref() == id)
    }

    /// True when a reference to `id` should not be reported: a topic has it, or a file that
    /// declares it had problems of its own (already reported).
    pub fn resolves(&self, id: &str) -> bool {
        self.has_topic_id(id) || self.broken.contains(id)
    }

    /// The questionnaire with this id (ignoring case and surrounding spaces; words typed
    /// apart, `reconnection plan`, are read as the id's dashes).
    pub fn questionnaire(&self, name: &str) -> Option<&Questionnaire> {
        let name = name
            .split_whitespace()
            .collect::<Vec<_>>()
            .join("-")
            .to_lowercase();
        (self.questionnaires.iter())
            .find(|q| *q.id.get_ref() == name)
            .map(|q| &**q)
    }

    /// The topic id closest to a mistyped name, if one is close enough to suggest.
    pub fn closest_topic(&self, name: &str) -> Option<&str> {
        let name = name.trim().to_lowercase();
        let name = name.as_str();
        let names = self.topics.iter().flat_map(|t| {
            std::iter::once((t.id.get_ref(), t.id.get_ref()))
                .chain(t.aliases.iter().map(move |a| (a.get_ref(), t.id.get_ref())))
        });
        crate::error::closest(name, names.map(|(candidate, id)| (candidate.as_str(), id)))
            .map(String::as_str)
    }

    /// The family a word of the vocabulary belongs to, and the word.
    pub fn feeling(&self, word: &str) -> Option<(&Family, &Word)> {
        let word = word.trim().to_lowercase();
        let find = |same: &dyn Fn(&str) -> bool| {
            self.feelings.families.iter().find_map(|f| {
                f.words
                    .iter()
                    .find(|w| same(w.word.get_ref()))
                    .map(|w| (f, w))
            })
        };
        // Typed without its accents (`alegria`), a word is still found.
        let plain = super::crisis::without_accents(&word);
        find(&|w| w == word).or_else(|| find(&|w| super::crisis::without_accents(w) == plain))
    }

    /// The vocabulary's words (and family ids) nearest to `asked`: within a bound that grows
    /// with the word's length, counting a swap of two letters as one slip, and comparing a word
    /// of five letters or more with the start of longer words too (so `greif` finds `grieving`,
    /// and nothing finds `grateful`).
    pub fn nearest_feelings(&self, asked: &str) -> Vec<&str> {
        let asked = asked.trim().to_lowercase();
        let bound = match asked.chars().count() {
            0..=2 => return Vec::new(),
            3..=4 => 1,
            5..=8 => 2,
            _ => 3,
        };
        let families = &self.feelings.families;
        let candidates = families
            .iter()
            .flat_map(|f| f.words.iter().map(|w| w.word.get_ref().as_str()))
            .chain(families.iter().map(|f| f.id.get_ref().as_str()));
        let length = asked.chars().count();
        let distance = |c: &str| {
            let whole = strsim::osa_distance(&asked, c);
            if length < 5 || c.chars().count() <= length {
                return whole;
            }
            let start: String = c.chars().take(length).collect();
            whole.min(strsim::osa_distance(&asked, &start))
        };
        let mut near: Vec<(usize, &str)> = candidates
            .map(|c| (distance(c), c))
            .filter(|(d, _)| *d <= bound)
            .collect();
        near.sort_by_key(|(d, _)| *d);
        let mut words: Vec<&str> = Vec::new();
        for (_, w) in near {
            if !words.contains(&w) && words.len() < MAX_NEAREST {
                words.push(w);
            }
        }
        words
    }
}
