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

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};
use toml::Spanned;

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
    /// The phrases split into steps, once, when first matched.
    #[serde(skip)]
    compiled: OnceLock<Vec<CompiledGroup>>,
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

    /// The place of the first phrase that `text` has, read exactly.
    fn first_exact(&self, text: &[String]) -> Option<usize> {
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
            .find(|&at| contains(text, &self.phrases[at], Reading::Exact))
    }

    /// True when `text` has one of the exceptions, matched exactly.
    fn excepted(&self, text: &[String]) -> bool {
        self.except
            .iter()
            .any(|p| contains(text, p, Reading::Exact))
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
    /// ("take my life back"): text that has one of them does not match the group.
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
    /// The built-in words, read straight from the binary: a typed word of crisis is answered
    /// even when a content pack cannot load. `None` only if the built-in file is broken, which
    /// the tests rule out.
    pub fn builtin() -> Option<CrisisWords> {
        let path = format!("{}/crisis.toml", super::LANG);
        let (_, text) = super::embedded::FILES.iter().find(|(p, _)| *p == path)?;
        toml::from_str(text).ok()
    }

    fn compiled(&self) -> &[CompiledGroup] {
        self.compiled
            .get_or_init(|| self.groups.iter().map(CompiledGroup::new).collect())
    }

    /// The first phrase that `typed` (a word or words someone typed) speaks of, read with
    /// the slips a person in distress makes.
    pub fn find(&self, typed: &str) -> Option<Found<'_>> {
        let typed = words(typed);
        self.groups
            .iter()
            .zip(self.compiled())
            .find_map(|(group, compiled)| {
                let anywhere = compiled
                    .phrases
                    .iter()
                    .position(|p| contains(&typed, p, Reading::Typed))
                    .map(|at| &group.phrases[at]);
                let alone = || {
                    compiled
                        .alone
                        .iter()
                        .position(|p| is_whole(&typed, p, Reading::Typed))
                        .map(|at| &group.alone[at])
                };
                let phrase = anywhere.or_else(alone)?;
                (!compiled.excepted(&typed)).then(|| Found {
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
                let at = compiled.first_exact(&text)?;
                (!compiled.excepted(&text)).then(|| Found {
                    group,
                    phrase: group.phrases[at].get_ref(),
                })
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
/// (`s u i c i d e`), and `my self` as `myself`.
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
            '@' => plain.push('a'),
            '$' => plain.push('s'),
            c if c.is_alphanumeric() => plain.push(c),
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
    // "my self", "your self": one word, as the phrases write it.
    let mut joined: Vec<String> = Vec::with_capacity(out.len());
    for word in out {
        let join = word == "self"
            && joined
                .last()
                .is_some_and(|w| matches!(w.as_str(), "my" | "your" | "him" | "her" | "them"));
        match joined.last_mut() {
            Some(last) if join => last.push_str("self"),
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
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// Letter for letter: questionnaire items, and the exceptions.
    Exact,
    /// One slip allowed in a longer word: what a person typed.
    Typed,
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
            w => Step::Word(w.split('|').map(str::to_string).collect()),
        })
        .collect()
}

fn word_matches(pattern: &str, word: &str, reading: Reading) -> bool {
    let (start, star) = match pattern.strip_suffix('*') {
        Some(start) => (start, true),
        None => (pattern, false),
    };
    let exact = match star {
        true => word.starts_with(start),
        false => word == pattern,
    };
    if exact || reading == Reading::Exact {
        return exact;
    }
    let length = start.chars().count();
    if length < MIN_FUZZY {
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

/// Whether `steps` match `text` from its start (to its end when `whole`).
fn matches_from(steps: &[Step], text: &[String], whole: bool, reading: Reading) -> bool {
    match steps.split_first() {
        None => !whole || text.is_empty(),
        Some((Step::Gap, rest)) => {
            (0..=GAP.min(text.len())).any(|skip| matches_from(rest, &text[skip..], whole, reading))
        }
        Some((Step::Word(choices), rest)) => text.split_first().is_some_and(|(word, after)| {
            choices.iter().any(|c| word_matches(c, word, reading))
                && matches_from(rest, after, whole, reading)
        }),
    }
}

fn contains(text: &[String], steps: &[Step], reading: Reading) -> bool {
    !steps.is_empty() && (0..text.len()).any(|at| matches_from(steps, &text[at..], false, reading))
}

fn is_whole(text: &[String], steps: &[Step], reading: Reading) -> bool {
    !steps.is_empty() && matches_from(steps, text, true, reading)
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
mod tests {
    use super::*;

    fn builtin() -> CrisisWords {
        CrisisWords::builtin().expect("the built-in crisis.toml reads")
    }

    /// Typed words and phrasings that must meet help.
    const MUST_MATCH: &[&str] = &[
        "suicide",
        "suicidal",
        "Suicidal thoughts",
        "suicidal-thoughts",
        "want to die",
        "I want to die",
        "i wanna die",
        "wanting to die",
        "I wished I was dead.",
        "I wish I were dead",
        "kill myself",
        "I'm going to kill myself",
        "killing myself",
        "kms",
        "end it all",
        "I thought about ending it all.",
        "end my life",
        "take my own life",
        "self-harm",
        "self harm",
        "selfharm",
        "self-harming",
        "I cut myself.",
        "cutting myself",
        "I thought about hurting myself.",
        "hurt myself to feel something",
        "harming myself",
        "worthless",
        "hopeless",
        "Hopelessness",
        "no way out",
        "what's the point",
        "I don't want to be alive",
        "I dont want to live anymore",
        "I don’t want to be here",
        "better off dead",
        "everyone would be better off without me",
        "I'm a burden",
        "burden",
        "no reason to live",
        "can't go on",
        "tired of living",
        "overdose",
        "die",
        "dying",
        "help",
        "crisis",
        "I'm not safe",
        "SUICIDE",
        "unalive",
        // Slips, spellings and slang people in distress type.
        "sucide",
        "suicde",
        "suicdal",
        "suiside",
        "su1cide",
        "s u i c i d e",
        "\u{ff53}\u{ff55}\u{ff49}\u{ff43}\u{ff49}\u{ff44}\u{ff45}",
        "kil myself",
        "kill my self",
        "kys",
        "off myself",
        "end me",
        "i want out",
        "cant do this anymore",
        "I hate myself",
        "want to sleep forever",
        "dont want to wake up",
        "tired of everything",
        "i want it all to end",
        "i give up",
        "no point",
        "pointless",
        "I feel like dying",
        "thoughts of death",
        "lost the will to live",
        "nobody cares about me",
        "everyone would be better without me",
        "i took too many pills",
        "hopless",
        "worthles",
        "burdon",
        "ctb",
        "sewerslide",
        "self delete",
        "help please",
        "hlep",
        "suport",
        "i need help now",
        "quiero morir",
    ];

    /// Everyday words and sentences that must not.
    const MUST_NOT_MATCH: &[&str] = &[
        "grief",
        "greif",
        "hurt",
        "sad",
        "numb",
        "empty",
        "dead inside",
        "skill",
        "I cut back on coffee.",
        "I cut my hair.",
        "This job is killing me",
        "I killed time online.",
        "kill time",
        "the end of it",
        "end of the day",
        "I want to dye my hair",
        "I wished for a quiet day",
        "origins",
        "help others",
        "support someone",
        "helpful",
        "daily-impact",
        "supporting-someone",
        "when-to-seek-help",
        "hopeful",
        "I took my time.",
        "I hurt my back.",
        "no one called me",
        "I was tired of waiting",
        "I could not go out",
        "peaceful",
        "I gave up on the diet",
        "end it with him",
        "take my life back",
        "taking my life back",
        "self harmony",
        "overdosed on coffee",
        "learn death",
        "thinking about death",
        "burdened",
        "feeling burdened",
        "overdone",
        "hopefully",
        "worthwhile",
        "suited",
        "hopeful",
        "death",
    ];

    #[test]
    fn crisis_words_and_phrasings_match() {
        let words = builtin();
        for typed in MUST_MATCH {
            assert!(words.find(typed).is_some(), "{typed:?} should meet help");
        }
    }

    #[test]
    fn everyday_words_do_not_match() {
        let words = builtin();
        for typed in MUST_NOT_MATCH {
            assert!(
                words.find(typed).is_none(),
                "{typed:?} matched {:?}",
                words.find(typed).map(|f| f.phrase)
            );
        }
    }

    #[test]
    fn questions_about_suicide_or_self_harm_are_found_and_everyday_ones_are_not() {
        let words = builtin();
        for question in [
            "I wished I was dead.",
            "I thought about ending it all.",
            "I cut myself.",
            "I thought about hurting myself.",
            "I thought about suicide.",
            "I did not want to live.",
            "I felt like I wanted to die.",
            "I thought about self-harm.",
            "I thought about not being around anymore.",
            "I had thoughts of ending things.",
            "I wanted to sleep and never wake up.",
            "I thought about harming my body.",
            "I wanted my life to be over.",
            "I felt like dying.",
            "I felt like ending it.",
            "I wanted to stop being alive.",
            "I did not care if I lived or died.",
            "I thought about how I might die.",
            "I had thoughts of death.",
            "I hurt my body on purpose.",
            "I hit myself when I was upset.",
            "I took more pills than I should have.",
            "I felt I would be better off gone.",
        ] {
            assert!(
                words.find_in_question(question).is_some(),
                "{question:?} should be refused"
            );
        }
        for question in [
            "I cut back on coffee.",
            "I never wake up rested.",
            "I have a plan to get fit.",
            "I find it hard to swallow pills.",
            "I take all my pills on time.",
            "I need more pills for my headache.",
            "I felt I could take my life back.",
            "I want it over with quickly.",
            "Things felt far away.",
            "I felt hopeless.",
            "My back was killing me.",
            "I used a skill I enjoy.",
            "Good moments came and went, and I felt very little.",
            "I thought about dinner.",
        ] {
            assert!(
                words.find_in_question(question).is_none(),
                "{question:?} matched {:?}",
                words.find_in_question(question).map(|f| f.phrase)
            );
        }
    }

    #[test]
    fn alone_phrases_match_only_the_whole_text() {
        let words = builtin();
        assert!(words.find("help").is_some());
        assert!(words.find("  Help  ").is_some());
        assert!(words.find("help with sleep").is_none());
        assert!(words.find("dead").is_some());
        assert!(words.find("dead inside").is_none());
    }

    #[test]
    fn a_gap_allows_up_to_three_words() {
        let text = words("I wish I could be dead");
        let phrase = steps("wish* ... dead");
        assert!(contains(&text, &phrase, Reading::Exact));
        assert!(!contains(
            &words("I wish that one of these days the old tree was dead"),
            &phrase,
            Reading::Exact
        ));
    }

    #[test]
    fn plain_form_drops_apostrophes_and_splits_on_marks() {
        assert_eq!(words("Don’t, self-harm!"), ["dont", "self", "harm"]);
        assert_eq!(words("I'm"), ["im"]);
    }

    #[test]
    fn badly_written_phrases_are_named() {
        assert!(phrase_problem("want to die").is_none());
        assert!(phrase_problem("wish* ... dead").is_none());
        assert!(phrase_problem("").unwrap().contains("at least one word"));
        assert!(phrase_problem("... dead").unwrap().contains("between"));
        assert!(phrase_problem("a ... ... b").unwrap().contains("twice"));
        assert!(phrase_problem("don't").unwrap().contains("dont"));
        assert!(phrase_problem("Suicide").unwrap().contains("lower case"));
        assert!(phrase_problem("self-harm").unwrap().contains("self harm"));
        assert!(phrase_problem("ki*").unwrap().contains("too many"));
        assert!(phrase_problem("a||b").unwrap().contains("empty choice"));
    }
}
