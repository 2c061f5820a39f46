//! Checks for practices: ids, steps and their pauses, related topics, and sources.

use super::At;
use super::topic::check_source;
use crate::content::library::Library;
use crate::content::model::Practice;

/// The most steps a practice may have, and the longest pause: a practice is short.
const MAX_STEPS: usize = 12;
const MIN_PAUSE: u32 = 5;
const MAX_PAUSE: u32 = 600;

pub(super) fn check_practice(p: &Practice, lib: &Library, at: &mut At) {
    at.version(&p.format_version);
    at.id(&p.id, "practice id");
    at.line(&p.title, "title");
    at.line(&p.summary, "summary");
    if !(1..=30).contains(p.minutes.get_ref()) {
        at.push(
            &p.minutes,
            format!(
                "`minutes` is {}; a practice takes 1 to 30 minutes",
                p.minutes.get_ref()
            ),
        );
    }
    at.text(&p.why, "why");
    at.markup(&p.why);
    for related in &p.related {
        if !lib.has_topic_id(related.get_ref()) {
            at.push(
                related,
                format!("related topic `{}` does not exist", related.get_ref()),
            );
        }
    }
    if !(2..=MAX_STEPS).contains(&p.steps.len()) {
        at.push(
            &p.id,
            format!(
                "a practice needs 2 to {MAX_STEPS} [[steps]], found {}",
                p.steps.len()
            ),
        );
    }
    for step in &p.steps {
        at.inline(&step.text, "step text");
        if let Some(pause) = &step.pause
            && !(MIN_PAUSE..=MAX_PAUSE).contains(pause.get_ref())
        {
            at.push(
                pause,
                format!(
                    "`pause` is {} seconds; keep it between {MIN_PAUSE} and {MAX_PAUSE}",
                    pause.get_ref()
                ),
            );
        }
        if let Some(prompt) = &step.prompt {
            at.line(prompt, "prompt");
        }
    }
    at.inline(&p.closing, "closing");
    if p.sources.is_empty() {
        at.push(&p.id, "a practice needs at least one [[sources]]".into());
    }
    for source in &p.sources {
        check_source(source, at);
    }
}
