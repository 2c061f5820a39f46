//! Words of crisis (`crisis.toml`): phrasings about suicide, self-harm, wanting to die,
//! hopelessness or being a burden. numb meets them with help lines wherever it looks up words a
//! person typed, and keeps them out of questionnaire items.
//!
//! A phrase is a run of words matched against the typed text word by word, after both are
//! put in one plain form ([`words`]): lower case, apostrophes dropped (`don't` is `dont`), every
//! other mark a space (`self-harm` is `self harm`). In a phrase, `a|b` matches either word, a
//! word ending in `*` matches any word that starts with it (`suicid*`), and `...` lets up to
//! [`GAP`] other words stand between its neighbours.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::error::SourceFile;

/// How many words `...` may stand for.
pub const GAP: usize = 3;

/// The shortest start a `*` word may have: shorter ones match too much.
const MIN_PREFIX: usize = 3;

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

    /// The first phrase that `typed` (a word or words someone typed) speaks of.
    pub fn find(&self, typed: &str) -> Option<Found<'_>> {
        let typed = words(typed);
        self.groups.iter().find_map(|group| {
            let anywhere = group.phrases.iter().find(|p| contains(&typed, p.get_ref()));
            let alone = || group.alone.iter().find(|p| is_whole(&typed, p.get_ref()));
            anywhere.or_else(alone).map(|phrase| Found {
                group,
                phrase: phrase.get_ref(),
            })
        })
    }

    /// The first phrase in `text` (a question) that no questionnaire may ask about.
    pub fn find_in_question(&self, text: &str) -> Option<Found<'_>> {
        let text = words(text);
        self.groups
            .iter()
            .filter(|g| g.refused_in_questions)
            .find_map(|group| {
                let phrase = group
                    .phrases
                    .iter()
                    .find(|p| contains(&text, p.get_ref()))?;
                Some(Found {
                    group,
                    phrase: phrase.get_ref(),
                })
            })
    }

    /// What to say first for a match: its group's words, or the file's.
    pub fn words_for<'a>(&'a self, found: &Found<'a>) -> &'a str {
        found.group.words.as_ref().unwrap_or(&self.words).get_ref()
    }
}

/// Text in the plain form phrases are matched in: lower-case words, apostrophes dropped,
/// every other mark a space between words.
pub fn words(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut plain = String::with_capacity(lower.len());
    for c in lower.chars() {
        match c {
            '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}' | '`' | '\u{b4}' => {}
            c if c.is_alphanumeric() => plain.push(c),
            _ => plain.push(' '),
        }
    }
    plain.split_whitespace().map(str::to_string).collect()
}

/// One place in a phrase.
enum Step<'p> {
    /// One of these words (each may end in `*`).
    Word(Vec<&'p str>),
    /// Up to [`GAP`] words of anything.
    Gap,
}

fn steps(phrase: &str) -> Vec<Step<'_>> {
    phrase
        .split_whitespace()
        .map(|w| match w {
            "..." => Step::Gap,
            w => Step::Word(w.split('|').collect()),
        })
        .collect()
}

fn word_matches(pattern: &str, word: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(start) => word.starts_with(start),
        None => word == pattern,
    }
}

/// Whether `steps` match `text` from its start (to its end when `whole`).
fn matches_from(steps: &[Step<'_>], text: &[String], whole: bool) -> bool {
    match steps.split_first() {
        None => !whole || text.is_empty(),
        Some((Step::Gap, rest)) => {
            (0..=GAP.min(text.len())).any(|skip| matches_from(rest, &text[skip..], whole))
        }
        Some((Step::Word(choices), rest)) => text.split_first().is_some_and(|(word, after)| {
            choices.iter().any(|c| word_matches(c, word)) && matches_from(rest, after, whole)
        }),
    }
}

fn contains(text: &[String], phrase: &str) -> bool {
    let steps = steps(phrase);
    !steps.is_empty() && (0..text.len()).any(|at| matches_from(&steps, &text[at..], false))
}

fn is_whole(text: &[String], phrase: &str) -> bool {
    let steps = steps(phrase);
    !steps.is_empty() && matches_from(&steps, text, true)
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
        ] {
            assert!(
                words.find_in_question(question).is_some(),
                "{question:?} should be refused"
            );
        }
        for question in [
            "I cut back on coffee.",
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
        assert!(contains(&text, "wish* ... dead"));
        assert!(!contains(
            &words("I wish that one of these days the old tree was dead"),
            "wish* ... dead"
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
