//! Checks for the feelings vocabulary: families, words that are unique and lower case, and
//! body sensations that name words of the families.

use std::collections::HashMap;

use super::At;
use crate::content::model::Feelings;

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
        if family.words.is_empty() {
            at.push(
                &family.id,
                "a family needs at least one [[families.words]]".into(),
            );
        }
        for word in &family.words {
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
    }
    if f.families.is_empty() {
        at.push(
            &f.format_version,
            "the vocabulary needs at least one [[families]]".into(),
        );
    }
    for sensation in &f.sensations {
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
