//! Checks for the feelings vocabulary: families, words that are unique and lower case, and
//! body sensations that name words of the families.

use std::collections::HashMap;

use super::At;
use crate::content::model::{Feelings, FeelingsAddition, Sensation, Word};
use crate::content::spanned::Spanned;

/// One word: lower case, there once in the whole vocabulary, a one-line meaning and body cue.
fn check_word<'w>(word: &'w Word, words: &mut HashMap<&'w str, ()>, at: &mut At) {
    let w = word.word.get_ref();
    if w.is_empty()
        || w.trim() != w
        || !w
            .chars()
            .all(|c| c.is_lowercase() || c == ' ' || c == '-' || c == '\'')
    {
        at.push(
            &word.word,
            format!("`{w}` must be a lower-case word or short phrase"),
        );
    }
    if words.insert(w, ()).is_some() {
        at.push(&word.word, format!("the word `{w}` is there twice"));
    }
    at.line(&word.meaning, "meaning");
    at.inline(&word.meaning, "meaning");
    at.line(&word.body, "body");
}

/// A pack's `feelings.toml`, against the vocabulary it adds to: a new family has a name and a
/// meaning, words for a known family have neither (the family keeps its own), no word is there
/// twice in the vocabulary, and a sensation names words the vocabulary has (its own included).
pub(super) fn check_addition(add: &FeelingsAddition, base: &Feelings, at: &mut At) {
    at.version(&add.format_version);
    let mut words: HashMap<&str, ()> = (base.families.iter())
        .flat_map(|f| f.words.iter().map(|w| (w.word.get_ref().as_str(), ())))
        .collect();
    let mut new_families: HashMap<&str, ()> = HashMap::new();
    for family in &add.families {
        at.id(&family.id, "family id");
        let known = base.families.iter().any(|f| f.id == family.id);
        if known {
            for extra in [&family.name, &family.meaning].into_iter().flatten() {
                at.push(
                    extra,
                    format!(
                        "`{}` is a family numb has: add words to it, and leave its name and meaning as they are",
                        family.id.get_ref()
                    ),
                );
            }
        } else {
            if new_families.insert(family.id.get_ref(), ()).is_some() {
                at.push(
                    &family.id,
                    format!("family `{}` is there twice", family.id.get_ref()),
                );
            }
            match (&family.name, &family.meaning) {
                (Some(name), Some(meaning)) => {
                    at.line(name, "name");
                    at.line(meaning, "meaning");
                }
                _ => at.push(
                    &family.id,
                    format!(
                        "a new family needs a `name` and a `meaning` (numb has no family `{}`)",
                        family.id.get_ref()
                    ),
                ),
            }
        }
        check_words(&family.id, &family.words, &mut words, at);
    }
    check_sensations(&add.sensations, &words, at);
}

/// A family's words: at least one, each checked, none there twice in the vocabulary.
fn check_words<'w>(
    family: &Spanned<String>,
    family_words: &'w [Word],
    words: &mut HashMap<&'w str, ()>,
    at: &mut At,
) {
    if family_words.is_empty() {
        at.push(
            family,
            "a family needs at least one [[families.words]]".into(),
        );
    }
    for word in family_words {
        check_word(word, words, at);
    }
}

/// Sensations: a one-line cue and at least one word, each a word of the vocabulary.
fn check_sensations(sensations: &[Sensation], words: &HashMap<&str, ()>, at: &mut At) {
    for sensation in sensations {
        at.line(&sensation.cue, "cue");
        if sensation.words.is_empty() {
            at.push(&sensation.cue, "a sensation needs at least one word".into());
        }
        for word in &sensation.words {
            if !words.contains_key(word.get_ref().as_str()) {
                at.push(
                    word,
                    format!("`{}` is not a word of any family", word.get_ref()),
                );
            }
        }
    }
}

pub(super) fn check_feelings(f: &Feelings, at: &mut At) {
    at.version(&f.format_version);
    at.inline(&f.intro, "intro");
    let mut words: HashMap<&str, ()> = HashMap::new();
    let mut families: HashMap<&str, ()> = HashMap::new();
    for family in &f.families {
        at.id(&family.id, "family id");
        if families.insert(family.id.get_ref(), ()).is_some() {
            at.push(
                &family.id,
                format!("family `{}` is there twice", family.id.get_ref()),
            );
        }
        at.line(&family.name, "name");
        at.line(&family.meaning, "meaning");
        check_words(&family.id, &family.words, &mut words, at);
    }
    if f.families.is_empty() {
        at.push(
            &f.format_version,
            "the vocabulary needs at least one [[families]]".into(),
        );
    }
    check_sensations(&f.sensations, &words, at);
}
