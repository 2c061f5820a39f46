//! The built-in content in a compact form, so that showing a page costs almost nothing.
//!
//! build.rs loads `content/` with the same code the binary uses ([`super::load::builtin_checked`]),
//! runs every check, and stops the build on any problem: bad built-in content can never be in
//! a binary. It then stores the checked library with [`to_bytes`], and the binary reads it
//! back with [`builtin`] instead of parsing and checking TOML on every run. User packs are
//! still parsed and checked in full when they load.
//!
//! The form: a little-endian `u32` length, an [`Index`] (postcard), then each item as
//! postcard `(path of its file, layer, item)`, spans included; a topic is followed by its
//! sections' blocks, parsed here, so a page runs no Markdown parser. Items are decoded one by one when
//! first used ([`Lazy`]), so `numb learn origins` decodes one topic and the screen words.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::crisis::CrisisWords;
use super::lazy::{Item, Lazy};
use super::library::Library;
use super::markup::{Block, Inline};
use super::model::{
    AppText, Credit, Feelings, PageWords, Practice, Questionnaire, SupportPage, Topic,
};
use crate::error::SourceFile;

macro_rules! items_with_a_file {
    ($($item:ty),*) => {$(
        impl Item for $item {
            fn attach(&mut self, file: Arc<SourceFile>) {
                self.file = file;
            }
        }
    )*};
}
items_with_a_file!(Questionnaire, Practice, Feelings, AppText, CrisisWords);
impl Item for SupportPage {}
impl Item for PageWords {}

/// A topic is stored with its sections parsed after it ([`Topic::parse_sections`], as
/// [`StoredBlock`]s): a page runs no Markdown parser.
impl Item for Topic {
    fn attach(&mut self, file: Arc<SourceFile>) {
        self.file = file;
    }

    fn read_after(&mut self, rest: &[u8]) -> Result<(), postcard::Error> {
        let stored: Vec<Vec<StoredBlock>> = postcard::from_bytes(rest)?;
        if stored.len() != self.sections.len() {
            return Err(postcard::Error::DeserializeBadEncoding);
        }
        for (section, blocks) in self.sections.iter_mut().zip(stored) {
            let body = section.body.get_ref();
            let blocks = (blocks.into_iter())
                .map(|block| block.restore(body))
                .collect::<Option<_>>()
                .ok_or(postcard::Error::DeserializeBadEncoding)?;
            section.parsed = Some(blocks);
        }
        Ok(())
    }
}

/// Words in a stored block: most are a run of the section's body, stored as where it starts
/// and how long it is; the rest (text an escape or entity changed) as they are. The parsed
/// sections then add a few kilobytes to the binary instead of a second copy of every body.
#[derive(Serialize, Deserialize)]
enum Words {
    /// `body[start..start + len]`.
    In(u32, u32),
    Own(String),
}

impl Words {
    /// `text`, found in `body` from `*from` on (runs come in the body's order).
    fn store(text: &str, body: &str, from: &mut usize) -> Words {
        let found = (body.get(*from..))
            .and_then(|rest| rest.find(text))
            .map(|at| *from + at);
        match found.map(|start| (u32::try_from(start), u32::try_from(text.len()))) {
            Some((Ok(start), Ok(len))) => {
                *from = start as usize + text.len();
                Words::In(start, len)
            }
            _ => Words::Own(text.to_string()),
        }
    }

    fn restore(self, body: &str) -> Option<String> {
        match self {
            Words::In(start, len) => {
                let start = usize::try_from(start).ok()?;
                let end = start.checked_add(usize::try_from(len).ok()?)?;
                body.get(start..end).map(str::to_string)
            }
            Words::Own(text) => Some(text),
        }
    }
}

/// A [`Block`] as the compact form stores it.
#[derive(Serialize, Deserialize)]
enum StoredBlock {
    Paragraph(Vec<StoredInline>),
    List(Vec<Vec<StoredInline>>),
}

/// An [`Inline`] as the compact form stores it.
#[derive(Serialize, Deserialize)]
enum StoredInline {
    Text(Words),
    Emphasis(Vec<StoredInline>),
    Strong(Vec<StoredInline>),
    Code(Words),
    Link { text: Vec<StoredInline>, url: Words },
    SoftBreak,
}

impl StoredBlock {
    fn store(block: &Block, body: &str, from: &mut usize) -> StoredBlock {
        match block {
            Block::Paragraph(run) => {
                StoredBlock::Paragraph(StoredInline::store_run(run, body, from))
            }
            Block::List(items) => StoredBlock::List(
                (items.iter())
                    .map(|item| StoredInline::store_run(item, body, from))
                    .collect(),
            ),
        }
    }

    fn restore(self, body: &str) -> Option<Block> {
        Some(match self {
            StoredBlock::Paragraph(run) => Block::Paragraph(StoredInline::restore_run(run, body)?),
            StoredBlock::List(items) => Block::List(
                (items.into_iter())
                    .map(|item| StoredInline::restore_run(item, body))
                    .collect::<Option<_>>()?,
            ),
        })
    }
}

impl StoredInline {
    fn store_run(run: &[Inline], body: &str, from: &mut usize) -> Vec<StoredInline> {
        run.iter()
            .map(|inline| Self::store(inline, body, from))
            .collect()
    }

    fn store(inline: &Inline, body: &str, from: &mut usize) -> StoredInline {
        match inline {
            Inline::Text(text) => StoredInline::Text(Words::store(text, body, from)),
            Inline::Emphasis(run) => StoredInline::Emphasis(Self::store_run(run, body, from)),
            Inline::Strong(run) => StoredInline::Strong(Self::store_run(run, body, from)),
            Inline::Code(code) => StoredInline::Code(Words::store(code, body, from)),
            Inline::Link { text, url } => StoredInline::Link {
                text: Self::store_run(text, body, from),
                url: Words::store(url, body, from),
            },
            Inline::SoftBreak => StoredInline::SoftBreak,
        }
    }

    fn restore_run(run: Vec<StoredInline>, body: &str) -> Option<Vec<Inline>> {
        run.into_iter().map(|inline| inline.restore(body)).collect()
    }

    fn restore(self, body: &str) -> Option<Inline> {
        Some(match self {
            StoredInline::Text(words) => Inline::Text(words.restore(body)?),
            StoredInline::Emphasis(run) => Inline::Emphasis(Self::restore_run(run, body)?),
            StoredInline::Strong(run) => Inline::Strong(Self::restore_run(run, body)?),
            StoredInline::Code(words) => Inline::Code(words.restore(body)?),
            StoredInline::Link { text, url } => Inline::Link {
                text: Self::restore_run(text, body)?,
                url: url.restore(body)?,
            },
            StoredInline::SoftBreak => Inline::SoftBreak,
        })
    }
}

/// A topic's sections, parsed, as the compact form stores them after the topic.
fn stored_sections(topic: &Topic) -> Vec<Vec<StoredBlock>> {
    (topic.sections.iter())
        .zip(topic.parse_sections())
        .map(|(section, blocks)| {
            let (body, mut from) = (section.body.get_ref(), 0);
            (blocks.iter())
                .map(|block| StoredBlock::store(block, body, &mut from))
                .collect()
        })
        .collect()
}

/// Where each item's bytes are (after the index), and the lookups that need no item.
#[derive(Serialize, Deserialize)]
struct Index<'a> {
    topics: Vec<Range<u32>>,
    questionnaires: Vec<Range<u32>>,
    practices: Vec<Range<u32>>,
    feelings: Range<u32>,
    support: Range<u32>,
    app: Range<u32>,
    /// A copy of the few screen words every page needs (see [`PageWords`]).
    page_words: Range<u32>,
    crisis: Range<u32>,
    /// Topic ids and aliases with their place, sorted by name.
    names: Vec<(String, u32)>,
    /// See [`Library::plain`](super::library::Library); borrowed from the stored bytes.
    #[serde(borrow)]
    plain: Vec<&'a str>,
    /// Each topic's title.
    titles: Vec<String>,
    /// The topic ids each practice is related to.
    practice_topics: Vec<Vec<String>>,
    /// Each pack's credit (the built-in pack's alone).
    credits: Vec<Credit>,
    /// The packs whose help lines the support page shows.
    support_packs: Vec<u32>,
    /// The library's language.
    language: String,
    /// How many layers are built in (see [`Library::builtin_layers`]).
    builtin_layers: u32,
}

/// Why stored bytes could not be read.
#[derive(Debug)]
pub struct Damaged;

impl From<postcard::Error> for Damaged {
    fn from(_: postcard::Error) -> Self {
        Damaged
    }
}

/// The library in the compact form (build.rs stores this in the binary). Every item is
/// decoded and written again, so this also checks that each one round-trips.
pub fn to_bytes(library: &Library) -> Result<Vec<u8>, Damaged> {
    let mut items = Vec::new();
    let mut store = |bytes: Result<Vec<u8>, postcard::Error>| {
        let start = u32::try_from(items.len()).map_err(|_| Damaged)?;
        items.extend(bytes?);
        let end = u32::try_from(items.len()).map_err(|_| Damaged)?;
        Ok::<_, Damaged>(start..end)
    };
    fn encode<T: Serialize>(
        file: Option<&SourceFile>,
        item: &T,
    ) -> Result<Vec<u8>, postcard::Error> {
        let (path, layer) = file.map_or(("", 0), |f| (f.path.as_str(), f.pack));
        postcard::to_allocvec(&(path, layer as u32, item))
    }
    let mut topics = Vec::new();
    for topic in &library.topics {
        let mut bytes = encode(Some(&topic.file), &**topic)?;
        bytes.extend(postcard::to_allocvec(&stored_sections(topic))?);
        topics.push(store(Ok(bytes))?);
    }
    let mut questionnaires = Vec::new();
    for questionnaire in &library.questionnaires {
        questionnaires.push(store(encode(Some(&questionnaire.file), &**questionnaire))?);
    }
    let mut practices = Vec::new();
    for practice in &library.practices {
        practices.push(store(encode(Some(&practice.file), &**practice))?);
    }
    let feelings = store(encode(Some(&library.feelings.file), &*library.feelings))?;
    let support = store(encode(None, &*library.support))?;
    let app = store(encode(Some(&library.app.file), &*library.app))?;
    let page_words = store(encode(None, &*library.page_words))?;
    let crisis = store(encode(Some(&library.crisis.file), &*library.crisis))?;
    let mut names: Vec<(String, u32)> = (library.names.iter())
        .map(|(name, &at)| Ok((name.clone(), u32::try_from(at).map_err(|_| Damaged)?)))
        .collect::<Result<_, Damaged>>()?;
    names.sort();
    let plain = plain_names(library);
    let index = Index {
        topics,
        questionnaires,
        practices,
        feelings,
        support,
        app,
        page_words,
        crisis,
        names,
        plain: plain.iter().map(String::as_str).collect(),
        titles: library.titles.clone(),
        practice_topics: library.practice_topics.clone(),
        credits: library.credits.clone(),
        support_packs: (library.support_packs.iter())
            .map(|&pack| u32::try_from(pack).map_err(|_| Damaged))
            .collect::<Result<_, Damaged>>()?,
        language: library.language.clone(),
        builtin_layers: u32::try_from(library.builtin_layers).map_err(|_| Damaged)?,
    };
    let index = postcard::to_allocvec(&index)?;
    let mut bytes = u32::try_from(index.len())
        .map_err(|_| Damaged)?
        .to_le_bytes()
        .to_vec();
    bytes.extend(index);
    bytes.extend(items);
    Ok(bytes)
}

/// The names someone may type that hold no words of crisis, sorted.
fn plain_names(library: &Library) -> Vec<String> {
    let topics = library.topics.iter().flat_map(|t| {
        std::iter::once(t.id.get_ref().clone()).chain(t.aliases.iter().map(|a| a.get_ref().clone()))
    });
    let questionnaires = library
        .questionnaires
        .iter()
        .map(|q| q.id.get_ref().clone());
    let practices = library.practices.iter().map(|p| p.id.get_ref().clone());
    let feelings = (library.feelings.families.iter())
        .flat_map(|f| f.words.iter().map(|w| w.word.get_ref().clone()));
    let mut plain: Vec<String> = topics
        .chain(questionnaires)
        .chain(practices)
        .chain(feelings)
        .filter(|name| library.crisis.find(name).is_none())
        .collect();
    plain.sort();
    plain.dedup();
    plain
}

/// Reads a library stored by [`to_bytes`]: the index now, each item when first used.
/// `files` are the (path under `content/`, text) pairs the items came from, so that spans
/// still point into their files.
pub fn from_bytes(
    bytes: &'static [u8],
    files: &'static [(&'static str, &'static str)],
) -> Result<Library, Damaged> {
    let (length, rest) = bytes.split_first_chunk::<4>().ok_or(Damaged)?;
    let length = usize::try_from(u32::from_le_bytes(*length)).map_err(|_| Damaged)?;
    let index = rest.get(..length).ok_or(Damaged)?;
    let items = rest.get(length..).ok_or(Damaged)?;
    let index: Index<'static> = postcard::from_bytes(index)?;
    let item = |range: &Range<u32>| -> Result<&'static [u8], Damaged> {
        let range = usize::try_from(range.start).map_err(|_| Damaged)?
            ..usize::try_from(range.end).map_err(|_| Damaged)?;
        items.get(range).ok_or(Damaged)
    };
    fn all<T>(
        ranges: &[Range<u32>],
        item: impl Fn(&Range<u32>) -> Result<&'static [u8], Damaged>,
        files: &'static [(&'static str, &'static str)],
    ) -> Result<Vec<Lazy<T>>, Damaged> {
        ranges
            .iter()
            .map(|r| Ok(Lazy::stored(item(r)?, files)))
            .collect()
    }
    let names: HashMap<String, usize> = (index.names.into_iter())
        .filter_map(|(name, at)| Some((name, usize::try_from(at).ok()?)))
        .collect();
    let topics = all(&index.topics, item, files)?;
    if names.values().any(|&at| at >= topics.len()) || index.titles.len() != topics.len() {
        return Err(Damaged);
    }
    Ok(Library {
        topics,
        questionnaires: all(&index.questionnaires, item, files)?,
        practices: all(&index.practices, item, files)?,
        feelings: Lazy::stored(item(&index.feelings)?, files),
        support: Lazy::stored(item(&index.support)?, files),
        app: Lazy::stored(item(&index.app)?, files),
        page_words: Lazy::stored(item(&index.page_words)?, files),
        crisis: Lazy::stored(item(&index.crisis)?, files),
        credits: index.credits,
        support_packs: (index.support_packs.into_iter())
            .map(|pack| usize::try_from(pack).map_err(|_| Damaged))
            .collect::<Result<_, Damaged>>()?,
        language: index.language,
        builtin_layers: usize::try_from(index.builtin_layers).map_err(|_| Damaged)?,
        names,
        broken: Default::default(),
        plain: index.plain,
        titles: index.titles,
        practice_topics: index.practice_topics,
    })
}

/// The built-in content in `lang` as build.rs checked and stored it.
pub fn builtin(lang: &str) -> Result<Library, Damaged> {
    let (_, bytes) = (super::embedded::LIBRARIES.iter())
        .find(|(l, _)| *l == lang)
        .ok_or(Damaged)?;
    // No texts: a page never needs them, and spans into built-in files matter only to problems,
    // which the built-in content cannot have (a load with packs parses the files instead).
    from_bytes(bytes, &[])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{embedded, load};

    fn stored_bytes(lang: &str) -> &'static [u8] {
        let (_, bytes) = (embedded::LIBRARIES.iter())
            .find(|(l, _)| *l == lang)
            .unwrap();
        bytes
    }

    /// What the binary reads is exactly what the checks passed: every item, field and span,
    /// in every language.
    #[test]
    fn the_stored_library_is_the_checked_content_exactly() {
        for lang in embedded::LANGUAGES {
            the_stored_library_in(lang);
        }
    }

    fn the_stored_library_in(lang: &str) {
        let loaded = load::builtin_checked(embedded::files(), lang);
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let parsed = loaded.library.unwrap();
        let stored = builtin(lang).unwrap();
        assert_eq!(stored.language, lang);
        assert_eq!(to_bytes(&parsed).unwrap(), stored_bytes(lang));
        assert_eq!(to_bytes(&stored).unwrap(), stored_bytes(lang));
        assert_eq!(parsed.names, stored.names);
        assert_eq!(parsed.credits, stored.credits);
        assert_eq!(parsed.support_packs, stored.support_packs);
        assert!(stored.credit(&stored.topics[0].file).is_some());
        assert_eq!(stored.topics.len(), parsed.topics.len());
        let files = |l: &Library| -> Vec<(String, usize)> {
            let mut files: Vec<&Arc<SourceFile>> = l.topics.iter().map(|t| &t.file).collect();
            files.extend(l.questionnaires.iter().map(|q| &q.file));
            files.extend(l.practices.iter().map(|p| &p.file));
            files.extend([&l.feelings.file, &l.app.file, &l.crisis.file]);
            files
                .into_iter()
                .map(|f| (f.path.clone(), f.pack))
                .collect()
        };
        // The same files, each in its layer (English 0, the translation 1); a page carries
        // no text of them (see `builtin`).
        assert_eq!(files(&stored), files(&parsed));
        assert!(stored.topics.iter().all(|t| t.file.text.is_empty()));
        // Every built-in section comes with its blocks, parsed when numb was built: the
        // blocks the parser gives its body. A section read from TOML is parsed when shown.
        for (stored, parsed) in stored.topics.iter().zip(&parsed.topics) {
            for section in &stored.sections {
                let body = crate::content::markup::parse(section.body.get_ref()).unwrap();
                assert_eq!(
                    section.parsed.as_deref(),
                    Some(&*body),
                    "{}",
                    stored.id.get_ref()
                );
                assert!(matches!(section.blocks(), std::borrow::Cow::Borrowed(_)));
            }
            assert!(parsed.sections.iter().all(|s| s.parsed.is_none()));
        }
    }

    /// Spans still point at the words in their files, so a problem found later (a pack that
    /// clashes with a built-in topic) shows the right line.
    #[test]
    fn spans_point_into_the_files_they_came_from() {
        let stored = builtin("en").unwrap();
        let topic = stored.topic("origins").unwrap();
        let (_, text) = (embedded::files().iter())
            .find(|(path, _)| topic.file.path == format!("content/{path}"))
            .unwrap();
        let title = &text[topic.title.span()];
        assert!(title.contains(topic.title.get_ref().as_str()), "{title}");
        let date = &stored.support.emergency.verified_on;
        assert!(!date.span().is_empty());
    }

    /// Showing one page decodes that page and the screen words, nothing else.
    #[test]
    fn items_are_decoded_only_when_used() {
        let library = builtin("en").unwrap();
        let decoded = |l: &Library| l.topics.iter().filter(|t| t.get().is_some()).count();
        assert_eq!(decoded(&library), 0);
        assert!(library.crisis_in("origins").is_none());
        assert!(
            library.crisis.get().is_none(),
            "a plain topic name needs no matching"
        );
        assert_eq!(library.topic("origins").unwrap().id.get_ref(), "origins");
        assert_eq!(decoded(&library), 1);
        assert!(library.questionnaires.iter().all(|q| q.get().is_none()));
        assert!(library.feelings.get().is_none());
        assert_eq!(
            library.topic_title("impact"),
            Some("How numbness affects daily life")
        );
        let practices: Vec<&str> = (library.practices_about("signs"))
            .map(|p| p.id.get_ref().as_str())
            .collect();
        assert!(!practices.is_empty());
        let practices_decoded = library
            .practices
            .iter()
            .filter(|p| p.get().is_some())
            .count();
        assert_eq!(
            practices_decoded,
            practices.len(),
            "only the practices about the topic"
        );
        assert_eq!(decoded(&library), 1);
        assert!(library.crisis_in("I want to die").is_some());
        assert!(library.crisis.get().is_some());
    }

    /// A topic page, in every language, decodes its topic and the few page words, not all of
    /// numb's screen words; and those page words are the screen words' own.
    #[test]
    fn a_topic_page_decodes_the_page_words_only() {
        for lang in embedded::LANGUAGES {
            let library = builtin(lang).unwrap();
            let topic = library.topic("origins").unwrap();
            let mut page = Vec::new();
            let look = crate::render::Look {
                color: false,
                width: 80,
                plain: false,
            };
            let before = crate::content::markup::PARSER_RUNS.with(|runs| runs.get());
            crate::render::terminal::topic(&mut page, &library, topic, look).unwrap();
            let runs = crate::content::markup::PARSER_RUNS.with(|runs| runs.get()) - before;
            // Its sections and the support pointer were parsed when numb was built.
            assert_eq!(runs, 0, "{lang}: the Markdown parser ran");
            assert!(!page.is_empty());
            assert!(library.app.get().is_none(), "{lang}: all the screen words");
            let words = library.page_words();
            let app = &*library.app;
            assert_eq!(
                postcard::to_allocvec(words).unwrap(),
                postcard::to_allocvec(&super::PageWords::of(app)).unwrap(),
                "{lang}"
            );
        }
    }

    /// The names known to hold no words of crisis are exactly the ones the matcher passes.
    #[test]
    fn plain_names_are_the_ones_the_matcher_passes() {
        let stored = builtin("en").unwrap();
        let parsed = load::builtin_checked(embedded::files(), "en")
            .library
            .unwrap();
        assert_eq!(stored.plain, plain_names(&parsed));
        assert!(stored.plain.contains(&"origins"));
        for name in stored.names.keys() {
            let plain = stored.plain.binary_search(&name.as_str()).is_ok();
            assert_eq!(plain, parsed.crisis.find(name).is_none(), "{name}");
        }
        // A name that is also a word of crisis is never skipped.
        let hopeless = stored
            .feeling("hopeless")
            .map(|(_, w)| w.word.get_ref().clone());
        assert_eq!(hopeless.as_deref(), Some("hopeless"));
        assert!(stored.plain.binary_search(&"hopeless").is_err());
        assert!(stored.crisis_in("hopeless").is_some());
    }

    /// A section's blocks go through the compact form whole: runs of the body as places in
    /// it, text an escape changed as it is.
    #[test]
    fn stored_blocks_give_back_the_parsed_body() {
        for body in [
            "Plain words.",
            "An \\*escape\\*, *soft* and **strong**, `numb learn` and [a link](https://example.org/x).\n\n- one\n- two, *twice*",
            "Ünïcode — «comillas» y *énfasis*.\nA second line.",
        ] {
            let blocks = crate::content::markup::parse(body).unwrap();
            let mut from = 0;
            let stored: Vec<StoredBlock> = (blocks.iter())
                .map(|b| StoredBlock::store(b, body, &mut from))
                .collect();
            let bytes = postcard::to_allocvec(&stored).unwrap();
            let back: Vec<StoredBlock> = postcard::from_bytes(&bytes).unwrap();
            let back: Option<Vec<Block>> = back.into_iter().map(|b| b.restore(body)).collect();
            assert_eq!(back.unwrap(), blocks, "{body}");
        }
        // A run outside its body, or cutting a character, is damage, not a panic.
        assert!(Words::In(3, 100).restore("short").is_none());
        assert!(Words::In(1, 1).restore("é").is_none());
        assert!(Words::In(u32::MAX, u32::MAX).restore("x").is_none());
    }

    #[test]
    fn damaged_bytes_are_an_error_not_a_panic() {
        let bytes = stored_bytes("en");
        for cut in [0, 1, bytes.len() / 2, bytes.len() - 1] {
            assert!(from_bytes(&bytes[..cut], embedded::files()).is_err());
        }
    }
}
