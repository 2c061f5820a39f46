//! Checks for `crisis.toml`: every phrase can match and none matches far too much, and the
//! groups are named once each.

use std::collections::HashSet;

use super::At;
use crate::content::crisis::{CrisisWords, phrase_problem};

pub(super) fn check(c: &CrisisWords, at: &mut At) {
    at.version(&c.format_version);
    at.inline(&c.words, "words");
    if c.groups.is_empty() {
        at.push(
            &c.words,
            "the crisis words need at least one [[groups]]".into(),
        );
    }
    if !c.groups.iter().any(|g| g.refused_in_questions) {
        at.push(
            &c.words,
            "at least one group needs `refused_in_questions = true`: questionnaires must never ask about suicide or self-harm".into(),
        );
    }
    for word in &c.not_slips {
        let w = word.get_ref();
        if w.is_empty()
            || !w
                .chars()
                .all(|ch| ch.is_alphanumeric() && !ch.is_uppercase())
        {
            at.push(
                word,
                format!("`{w}` must be one word in lower case, without marks"),
            );
        }
    }
    let mut ids = HashSet::new();
    for group in &c.groups {
        at.id(&group.id, "group id");
        if !ids.insert(group.id.get_ref().as_str()) {
            at.push(
                &group.id,
                format!("group `{}` is there twice", group.id.get_ref()),
            );
        }
        if let Some(words) = &group.words {
            at.inline(words, "words");
        }
        if group.phrases.is_empty() && group.alone.is_empty() {
            at.push(&group.id, "a group needs `phrases` or `alone`".into());
        }
        let mut seen = HashSet::new();
        for phrase in group
            .phrases
            .iter()
            .chain(&group.alone)
            .chain(&group.except)
        {
            if let Some(problem) = phrase_problem(phrase.get_ref()) {
                at.push(phrase, problem);
            }
            if !seen.insert(phrase.get_ref().as_str()) {
                at.push(phrase, format!("`{}` is there twice", phrase.get_ref()));
            }
        }
    }
}
