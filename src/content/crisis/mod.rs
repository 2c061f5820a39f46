//! Words of crisis (`crisis.toml`): phrasings about suicide, self-harm, wanting to die,
//! hopelessness or being a burden. numb meets them with help lines wherever it looks up words a
//! person typed, and keeps them out of questionnaire items.
//!
//! A phrase is a run of words matched against the typed text word by word, after both are
//! put in one plain form ([`words`]): lower case, apostrophes dropped (`don't` is `dont`), every
//! other mark a space (`self-harm` is `self harm`). In a phrase, `a|b` matches either word, a
//! word ending in `*` matches any word that starts with it (`suicid*`), and `...` lets up to
//! [`GAP`] other words stand between its neighbours. Typed words are read the way a person in
//! distress types them: a slip of one letter in a word of five letters or more still matches
//! (`sucide`, `hopless`), as do letters spaced out or written with digits (`s u i c i d e`,
//! `su1cide`) and full-width letters. Questionnaire items, written with care, match exactly.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock};

use crate::content::spanned::Spanned;
use serde::{Deserialize, Serialize};

use crate::error::SourceFile;

/// How many words `...` may stand for.
pub const GAP: usize = 3;

/// The shortest start a `*` word may have: shorter ones match too much.
const MIN_PREFIX: usize = 3;

/// The shortest word (or `*` start) a typed word may differ from by one slip: a slip in a
/// shorter word makes another everyday word too often.
const MIN_FUZZY: usize = 5;

/// The built-in `crisis.toml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CrisisWords {
    /// The content format this file is written in.
    pub format_version: Spanned<u32>,
    /// Said first, before the help lines (inline Markdown).
    pub words: Spanned<String>,
    /// The phrasings, by what they speak of.
    pub groups: Vec<CrisisGroup>,
    /// The file these words were loaded from (not part of the format).
    #[serde(skip)]
    pub file: Arc<SourceFile>,
    /// Everyday words never read as a slip of a longer word of crisis ("homeless" is not a
    /// slip of "hopeless").
    #[serde(default)]
    pub not_slips: Vec<Spanned<String>>,
    /// The phrases split into steps, once, when first matched.
    #[serde(skip)]
    compiled: OnceLock<Vec<CompiledGroup>>,
    /// `not_slips`, for looking up.
    #[serde(skip)]
    not_slips_set: OnceLock<HashSet<String>>,
}

/// A group's phrases split into steps: `phrases`, `alone` and `except`, in order.
#[derive(Debug, Clone)]
struct CompiledGroup {
    phrases: Vec<Vec<Step>>,
    alone: Vec<Vec<Step>>,
    except: Vec<Vec<Step>>,
    /// The phrases (by place) whose first word is one of a few whole words, by those words:
    /// an exact reading tries only the phrases whose first word the text has.
    by_first: HashMap<String, Vec<usize>>,
    /// The phrases whose first word may be any word that starts with something.
    starred: Vec<usize>,
}

impl CompiledGroup {
    fn new(group: &CrisisGroup) -> Self {
        let all = |list: &[Spanned<String>]| list.iter().map(|p| steps(p.get_ref())).collect();
        let phrases: Vec<Vec<Step>> = all(&group.phrases);
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        let mut starred = Vec::new();
        for (at, phrase) in phrases.iter().enumerate() {
            match phrase.first() {
                Some(Step::Word(choices)) if choices.iter().all(|c| !c.ends_with('*')) => {
                    for choice in choices {
                        by_first.entry(choice.clone()).or_default().push(at);
                    }
                }
                _ => starred.push(at),
            }
        }
        CompiledGroup {
            phrases,
            alone: all(&group.alone),
            except: all(&group.except),
            by_first,
            starred,
        }
    }

    /// The place of the first phrase that `text` has, read exactly, outside the words
    /// `taken` by an exception.
    fn first_exact(&self, text: &[String], taken: &[bool]) -> Option<usize> {
        let mut candidates: Vec<usize> = text
            .iter()
            .filter_map(|word| self.by_first.get(word))
            .flatten()
            .chain(&self.starred)
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        candidates
            .into_iter()
            .find(|&at| contains(text, &self.phrases[at], Reading::Exact, taken))
    }

    /// Which words of `text` an exception stands on: a phrase of the group found among them
    /// means the everyday thing ("take my life back"), while one found elsewhere in the same
    /// text still counts.
    fn taken(&self, text: &[String]) -> Vec<bool> {
        let mut taken = vec![false; text.len()];
        for except in &self.except {
            for at in 0..text.len() {
                if let Some(n) = match_len(except, &text[at..], false, Reading::Exact) {
                    taken[at..at + n].iter_mut().for_each(|t| *t = true);
                }
            }
        }
        taken
    }
}

/// Phrasings that speak of one thing, such as self-harm.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CrisisGroup {
    /// Kebab-case id, named by `numb check` when a question uses one of its phrases.
    pub id: Spanned<String>,
    /// Said instead of the file's `words` for this group (inline Markdown).
    #[serde(default)]
    pub words: Option<Spanned<String>>,
    /// True when no questionnaire item may use these phrasings.
    #[serde(default)]
    pub refused_in_questions: bool,
    /// Phrases found anywhere in what was typed.
    #[serde(default)]
    pub phrases: Vec<Spanned<String>>,
    /// Phrases that match only when they are all that was typed.
    #[serde(default)]
    pub alone: Vec<Spanned<String>>,
    /// Everyday phrases that contain one of the group's phrases but mean something else
    /// ("take my life back"): the group's phrases do not count on the words they stand on.
    #[serde(default)]
    pub except: Vec<Spanned<String>>,
}

/// A phrase that matched, and its group.
#[derive(Debug, Clone, Copy)]
pub struct Found<'a> {
    /// The group the phrase belongs to.
    pub group: &'a CrisisGroup,
    /// The phrase as written in `crisis.toml`.
    pub phrase: &'a str,
}

impl CrisisWords {
    /// The built-in words of every language, read straight from the binary, said in the
    /// chosen language: a typed word of crisis is answered even when a content pack cannot
    /// load. `None` only if the built-in English file is broken, which the tests rule out.
    pub fn builtin() -> Option<CrisisWords> {
        let chosen = super::load::chosen_language();
        let parse = |lang: &str| -> Option<CrisisWords> {
            let path = format!("{lang}/crisis.toml");
            let (_, text) = super::embedded::files().iter().find(|(p, _)| *p == path)?;
            toml::from_str(text).ok()
        };
        let mut words = parse(super::LANG)?;
        for lang in super::embedded::LANGUAGES {
            if *lang != super::LANG
                && let Some(more) = parse(lang)
            {
                words.join(more, *lang == chosen);
            }
        }
        Some(words)
    }

    /// Joins another language's words to these: its phrases (and `alone`, `except` and
    /// `not_slips`) join the group of the same id, or come as a group of their own. With
    /// `chosen`, its words are the ones said.
    pub fn join(&mut self, other: CrisisWords, chosen: bool) {
        if chosen {
            self.words = other.words;
        }
        for group in other.groups {
            match self.groups.iter_mut().find(|g| g.id == group.id) {
                Some(mine) => {
                    mine.phrases.extend(group.phrases);
                    mine.alone.extend(group.alone);
                    mine.except.extend(group.except);
                    mine.refused_in_questions |= group.refused_in_questions;
                    if chosen {
                        mine.words = group.words;
                    }
                }
                None => self.groups.push(group),
            }
        }
        self.not_slips.extend(other.not_slips);
        self.compiled = OnceLock::new();
        self.not_slips_set = OnceLock::new();
    }

    fn compiled(&self) -> &[CompiledGroup] {
        self.compiled
            .get_or_init(|| self.groups.iter().map(CompiledGroup::new).collect())
    }

    /// The first phrase that `typed` (a word or words someone typed) speaks of, read with
    /// the slips a person in distress makes.
    pub fn find(&self, typed: &str) -> Option<Found<'_>> {
        let typed = words(typed);
        let not_slips = self
            .not_slips_set
            .get_or_init(|| self.not_slips.iter().map(|w| w.get_ref().clone()).collect());
        self.groups
            .iter()
            .zip(self.compiled())
            .find_map(|(group, compiled)| {
                let taken = compiled.taken(&typed);
                let reading = Reading::Typed(not_slips);
                let anywhere = compiled
                    .phrases
                    .iter()
                    .position(|p| contains(&typed, p, reading, &taken))
                    .map(|at| &group.phrases[at]);
                // Alone, a word is read exactly: "noise" is no slip of "noose".
                let alone = || {
                    compiled
                        .alone
                        .iter()
                        .position(|p| is_whole(&typed, p))
                        .map(|at| &group.alone[at])
                };
                let phrase = anywhere.or_else(alone)?;
                Some(Found {
                    group,
                    phrase: phrase.get_ref(),
                })
            })
    }

    /// The first phrase in `text` (a question) that no questionnaire may ask about, matched
    /// exactly.
    pub fn find_in_question(&self, text: &str) -> Option<Found<'_>> {
        let text = words(text);
        self.groups
            .iter()
            .zip(self.compiled())
            .filter(|(g, _)| g.refused_in_questions)
            .find_map(|(group, compiled)| {
                let at = compiled.first_exact(&text, &compiled.taken(&text))?;
                Some(Found {
                    group,
                    phrase: group.phrases[at].get_ref(),
                })
            })
    }

    /// Whether `text` has a phrase of some group outside the `alone` lists (for one word of a
    /// longer command line: there, "dead" alone is not all that was typed).
    pub fn find_phrase(&self, text: &str) -> Option<Found<'_>> {
        self.find(text).filter(|found| {
            found
                .group
                .phrases
                .iter()
                .any(|p| p.get_ref() == found.phrase)
        })
    }

    /// What to say first for a match: its group's words, or the file's.
    pub fn words_for<'a>(&'a self, found: &Found<'a>) -> &'a str {
        found.group.words.as_ref().unwrap_or(&self.words).get_ref()
    }
}

/// Text in the plain form phrases are matched in: lower-case words, apostrophes dropped,
/// every other mark a space between words; full-width letters as plain ones, digits inside a
/// word as the letters they stand for (`su1cide`), letters spaced out as one word
/// (`s u i c i d e`), invisible marks dropped, `my self` as `myself` and `can not` or
/// `cannot` as `cant` (`do not` as `dont`, and so on).
pub fn words(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut plain = String::with_capacity(lower.len());
    for c in lower.chars() {
        let c = match u32::from(c) {
            // Full-width forms of ASCII.
            0xFF01..=0xFF5E => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            _ => c,
        };
        match c {
            '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}' | '`' | '\u{b4}' => {}
            // Zero-width and other invisible marks inside a word: not a break.
            '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{ad}' => {}
            '@' => plain.push('a'),
            '$' => plain.push('s'),
            c if c.is_alphanumeric() => plain.push(fold(c)),
            _ => plain.push(' '),
        }
    }
    let mut out: Vec<String> = Vec::new();
    let mut spaced = String::new();
    let tokens: Vec<&str> = plain.split_whitespace().collect();
    for (at, token) in tokens.iter().enumerate() {
        let single = token.chars().count() == 1 && token.chars().all(char::is_alphabetic);
        let run = |from: usize| {
            tokens[from..]
                .iter()
                .take_while(|t| t.chars().count() == 1 && t.chars().all(char::is_alphabetic))
                .count()
        };
        // Three or more single letters in a row are one word spelt out.
        if single && (!spaced.is_empty() || run(at) >= 3) {
            spaced.push_str(token);
            continue;
        }
        if !spaced.is_empty() {
            out.push(std::mem::take(&mut spaced));
        }
        out.push(unleet(token));
    }
    if !spaced.is_empty() {
        out.push(spaced);
    }
    // "my self" and "can not" as one word each, the way the phrases write them: `myself`,
    // `cant` (also for "cannot"), `dont`, `isnt`…
    let mut joined: Vec<String> = Vec::with_capacity(out.len());
    for word in out {
        let last = joined.last().map(String::as_str);
        let one = match (last, word.as_str()) {
            (Some("my" | "your" | "him" | "her" | "them"), "self") => Some("self".to_string()),
            (Some("can"), "not") => Some("t".to_string()),
            (Some("do" | "did" | "does" | "is" | "was" | "could" | "should" | "would"), "not") => {
                Some("nt".to_string())
            }
            _ => None,
        };
        match (joined.last_mut(), one) {
            (Some(last), Some(tail)) => last.push_str(&tail),
            _ if word == "cannot" => joined.push("cant".to_string()),
            _ => joined.push(word),
        }
    }
    joined
}

/// Digits inside a word that has letters, read as the letters they look like.
fn unleet(token: &str) -> String {
    if !token.chars().any(char::is_alphabetic) {
        return token.to_string();
    }
    token
        .chars()
        .map(|c| match c {
            '0' => 'o',
            '1' => 'i',
            '3' => 'e',
            '4' => 'a',
            '5' => 's',
            '7' => 't',
            c => c,
        })
        .collect()
}

/// How closely typed words must follow a phrase.
#[derive(Clone, Copy)]
enum Reading<'a> {
    /// Letter for letter: questionnaire items, `alone` phrases and the exceptions.
    Exact,
    /// One slip allowed in a longer word, keeping its first letter: what a person typed.
    /// The words listed are everyday words, never read as a slip of another.
    Typed(&'a HashSet<String>),
}

/// One place in a phrase.
#[derive(Debug, Clone)]
enum Step {
    /// One of these words (each may end in `*`).
    Word(Vec<String>),
    /// Up to [`GAP`] words of anything.
    Gap,
}

fn steps(phrase: &str) -> Vec<Step> {
    phrase
        .split_whitespace()
        .map(|w| match w {
            "..." => Step::Gap,
            w => Step::Word(
                w.split('|')
                    .map(|c| c.chars().map(fold).collect())
                    .collect(),
            ),
        })
        .collect()
}

/// `text` with its letters' accents taken off (`alegría` as `alegria`).
pub fn without_accents(text: &str) -> String {
    text.chars().map(fold).collect()
}

/// A letter without its accent, as people often type (`daño` as `dano`, `sé` as `se`), so
/// that a phrase matches either way.
fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        'ý' | 'ÿ' => 'y',
        c => c,
    }
}

fn word_matches(pattern: &str, word: &str, reading: Reading<'_>) -> bool {
    let (start, star) = match pattern.strip_suffix('*') {
        Some(start) => (start, true),
        None => (pattern, false),
    };
    let exact = match star {
        true => word.starts_with(start),
        false => word == pattern,
    };
    let Reading::Typed(not_slips) = reading else {
        return exact;
    };
    if exact {
        return true;
    }
    let length = start.chars().count();
    // A slip keeps the first letter: "anger" is no slip of "danger", nor "lying" of "dying".
    if length < MIN_FUZZY || word.chars().next() != start.chars().next() || not_slips.contains(word)
    {
        return false;
    }
    let slip = |candidate: &str| strsim::osa_distance(candidate, start) <= 1;
    if !star {
        return slip(word);
    }
    // A start: compare it with the typed word's start, one letter shorter, the same or one
    // longer (a letter left out or typed twice).
    let typed: Vec<char> = word.chars().collect();
    (length - 1..=length + 1)
        .filter(|n| *n <= typed.len())
        .any(|n| slip(&typed[..n].iter().collect::<String>()))
}

/// How many words of `text`, from its start, `steps` match (all of them when `whole`).
fn match_len(steps: &[Step], text: &[String], whole: bool, reading: Reading<'_>) -> Option<usize> {
    match steps.split_first() {
        None => (!whole || text.is_empty()).then_some(0),
        Some((Step::Gap, rest)) => (0..=GAP.min(text.len()))
            .find_map(|skip| match_len(rest, &text[skip..], whole, reading).map(|n| n + skip)),
        Some((Step::Word(choices), rest)) => {
            let (word, after) = text.split_first()?;
            if !choices.iter().any(|c| word_matches(c, word, reading)) {
                return None;
            }
            match_len(rest, after, whole, reading).map(|n| n + 1)
        }
    }
}

/// Whether `text` has the phrase anywhere outside the words `taken` (by an exception).
fn contains(text: &[String], steps: &[Step], reading: Reading<'_>, taken: &[bool]) -> bool {
    !steps.is_empty()
        && (0..text.len()).any(|at| {
            match_len(steps, &text[at..], false, reading)
                .is_some_and(|n| !taken[at..at + n].iter().any(|t| *t))
        })
}

fn is_whole(text: &[String], steps: &[Step]) -> bool {
    !steps.is_empty() && match_len(steps, text, true, Reading::Exact).is_some()
}

/// What is wrong with how a phrase is written, if anything: it could never match, or would
/// match far too much.
pub fn phrase_problem(phrase: &str) -> Option<String> {
    let steps: Vec<&str> = phrase.split_whitespace().collect();
    if steps.is_empty() {
        return Some("a phrase needs at least one word".into());
    }
    if steps.first() == Some(&"...") || steps.last() == Some(&"...") {
        return Some("`...` goes between two words".into());
    }
    if steps.windows(2).any(|w| w == ["...", "..."]) {
        return Some("`...` twice in a row: one already allows up to 3 words".into());
    }
    for step in steps.iter().filter(|s| **s != "...") {
        for choice in step.split('|') {
            let (start, star) = match choice.strip_suffix('*') {
                Some(start) => (start, true),
                None => (choice, false),
            };
            if start.is_empty() {
                return Some(format!("`{step}` has an empty choice between its `|`s"));
            }
            if !start
                .chars()
                .all(|c| c.is_alphanumeric() && !c.is_uppercase())
            {
                return Some(format!(
                    "`{choice}` cannot match: write words in lower case without marks (`dont`, not `don't`; `self harm`, not `self-harm`), `|` between choices and `*` only at a word's end"
                ));
            }
            if star && start.chars().count() < MIN_PREFIX {
                return Some(format!(
                    "`{choice}` would match too many words: a word ending in `*` needs at least {MIN_PREFIX} letters before it"
                ));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests;
