//! Checks for questionnaires: the scale, items, facets and bands of `scale` questionnaires,
//! the options of `choose` ones, and the safety rules for both.

use std::collections::HashSet;

use super::At;
use crate::content::load::Library;
use crate::content::model::{Facet, Questionnaire, QuestionnaireKind};

/// The most reverse-keyed items a questionnaire may have (CONTENT-GUIDE.md).
pub const MAX_REVERSE: usize = 2;

/// Words no questionnaire item may use: a private terminal tool cannot follow up on them.
const UNSAFE_WORDS: &[&str] = &[
    "suicid",
    "self-harm",
    "self harm",
    "kill",
    "hurt myself",
    "hurt yourself",
    "end my life",
    "end your life",
    "want to die",
    "wanted to die",
    "not want to live",
    "not wanting to live",
];

pub(super) fn check(q: &Questionnaire, lib: &Library, at: &mut At) {
    at.version(&q.format_version);
    at.id(&q.id, "questionnaire id");
    if *q.version.get_ref() == 0 {
        at.push(&q.version, "version starts at 1".into());
    }
    at.line(&q.title, "title");
    at.line(&q.summary, "summary");
    if *q.minutes.get_ref() == 0 {
        at.push(&q.minutes, "minutes must be at least 1".into());
    }
    at.text(&q.intro, "intro");
    at.markup(&q.intro);
    if !q.intro.get_ref().to_lowercase().contains("diagnos") {
        at.push(
            &q.intro,
            "the intro must say that this is a reflection, not a diagnosis".into(),
        );
    }
    at.text(&q.closing, "closing");
    at.markup(&q.closing);
    if q.items.is_empty() {
        at.push(&q.id, "a questionnaire needs at least one [[items]]".into());
    }
    let mut item_ids = HashSet::new();
    for item in &q.items {
        at.id(&item.id, "item id");
        if !item_ids.insert(item.id.get_ref().as_str()) {
            at.push(
                &item.id,
                format!("item id `{}` is used twice", item.id.get_ref()),
            );
        }
        at.line(&item.text, "text");
        let lower = item.text.get_ref().to_lowercase();
        if let Some(word) = UNSAFE_WORDS.iter().find(|w| lower.contains(**w)) {
            at.push(
                &item.text,
                format!("items may not ask about suicide or self-harm (found `{word}`): numb keeps support lines in sight instead"),
            );
        }
    }
    match q.kind.get_ref() {
        QuestionnaireKind::Scale => check_scale(q, lib, at),
        QuestionnaireKind::Choose => check_choose(q, lib, at),
    }
}

fn check_scale(q: &Questionnaire, lib: &Library, at: &mut At) {
    match &q.window {
        Some(window) => at.line(window, "window"),
        None => at.push(
            &q.kind,
            "a scale questionnaire needs a `window` (\"Over the past two weeks, how often…\")"
                .into(),
        ),
    }
    if q.scale.len() < 2 {
        at.push(
            &q.kind,
            "a scale questionnaire needs at least two [[scale]] points".into(),
        );
    }
    for pair in q.scale.windows(2) {
        if pair[1].value.get_ref() <= pair[0].value.get_ref() {
            at.push(
                &pair[1].value,
                "scale values must be distinct and increasing, lowest first".into(),
            );
        }
    }
    for point in &q.scale {
        at.line(&point.label, "label");
    }
    if let Some(none) = &q.none_chosen {
        at.push(
            none,
            "`none_chosen` belongs to `choose` questionnaires".into(),
        );
    }
    let facet_ids: HashSet<&str> = q.facets.iter().map(|f| f.id.get_ref().as_str()).collect();
    let mut reverse = 0;
    for item in &q.items {
        match &item.facet {
            None => at.push(&item.id, "this item needs a `facet`".into()),
            Some(facet) if !facet_ids.contains(facet.get_ref().as_str()) => {
                at.push(
                    facet,
                    format!(
                        "facet `{}` is not one of this questionnaire's [[facets]]",
                        facet.get_ref()
                    ),
                );
            }
            Some(_) => {}
        }
        if let Some(plan) = &item.plan {
            at.push(plan, "`plan` belongs to `choose` questionnaires".into());
        }
        if let Some(topic) = &item.topic {
            at.push(
                topic,
                "`topic` belongs to `choose` questionnaires; facets carry `related` topics".into(),
            );
        }
        if item.is_reverse() {
            reverse += 1;
            if reverse > MAX_REVERSE {
                let r = item.reverse.as_ref().expect("reverse item");
                at.push(
                    r,
                    format!("at most {MAX_REVERSE} items may be reverse-keyed"),
                );
            }
        }
    }
    let mut seen = HashSet::new();
    let (low, high) = match (q.scale.first(), q.scale.last()) {
        (Some(low), Some(high)) => (*low.value.get_ref(), *high.value.get_ref()),
        _ => (0, 0),
    };
    for facet in &q.facets {
        at.id(&facet.id, "facet id");
        if !seen.insert(facet.id.get_ref().as_str()) {
            at.push(
                &facet.id,
                format!("facet id `{}` is used twice", facet.id.get_ref()),
            );
        }
        at.line(&facet.name, "name");
        at.inline(&facet.meaning, "meaning");
        for related in &facet.related {
            if lib
                .topics
                .iter()
                .all(|t| t.id.get_ref() != related.get_ref())
            {
                at.push(
                    related,
                    format!("related topic `{}` does not exist", related.get_ref()),
                );
            }
        }
        let items = q
            .items
            .iter()
            .filter(|i| {
                i.facet
                    .as_ref()
                    .is_some_and(|f| f.get_ref() == facet.id.get_ref())
            })
            .count() as u32;
        if items == 0 {
            at.push(&facet.id, "no item belongs to this facet".into());
            continue;
        }
        if let Some(min) = &facet.min_answers
            && (*min.get_ref() == 0 || *min.get_ref() > items)
        {
            at.push(
                min,
                format!("min_answers must be between 1 and the facet's {items} items"),
            );
        }
        check_bands(facet, items * low, items * high, at);
    }
}

/// Bands must cover `low..=high` exactly: sorted, no gap, no overlap, nothing outside.
fn check_bands(facet: &Facet, low: u32, high: u32, at: &mut At) {
    if facet.bands.is_empty() {
        at.push(
            &facet.id,
            format!("this facet needs [[facets.bands]] covering {low} to {high}"),
        );
        return;
    }
    let mut expected = low;
    for band in &facet.bands {
        let (from, to) = (*band.from.get_ref(), *band.to.get_ref());
        at.line(&band.label, "label");
        at.inline(&band.words, "words");
        at.inline(&band.next_step, "next_step");
        if to < from {
            at.push(
                &band.to,
                format!("this band ends ({to}) before it starts ({from})"),
            );
        } else if from > expected {
            at.push(
                &band.from,
                format!("scores {expected} to {} fall in no band (a gap)", from - 1),
            );
        } else if from < expected {
            at.push(
                &band.from,
                format!("this band overlaps the one before it: it should start at {expected}"),
            );
        }
        if to > high {
            at.push(
                &band.to,
                format!("the highest possible score is {high}; this band goes past it"),
            );
        }
        expected = to.saturating_add(1).max(expected);
    }
    if expected <= high {
        let last = facet.bands.last().expect("bands");
        at.push(
            &last.to,
            format!(
                "scores {expected} to {high} fall in no band: the last band should end at {high}"
            ),
        );
    }
}

fn check_choose(q: &Questionnaire, lib: &Library, at: &mut At) {
    if let Some(window) = &q.window {
        at.push(window, "`window` belongs to `scale` questionnaires".into());
    }
    if let Some(point) = q.scale.first() {
        at.push(
            &point.value,
            "[[scale]] belongs to `scale` questionnaires".into(),
        );
    }
    if let Some(facet) = q.facets.first() {
        at.push(
            &facet.id,
            "[[facets]] belong to `scale` questionnaires".into(),
        );
    }
    match &q.none_chosen {
        Some(none) => at.inline(none, "none_chosen"),
        None => at.push(
            &q.kind,
            "a choose questionnaire needs `none_chosen`: what to say when nothing is picked".into(),
        ),
    }
    for item in &q.items {
        match &item.plan {
            Some(plan) => at.inline(plan, "plan"),
            None => at.push(
                &item.id,
                "each option of a choose questionnaire needs a `plan`".into(),
            ),
        }
        if let Some(facet) = &item.facet {
            at.push(facet, "`facet` belongs to `scale` questionnaires".into());
        }
        if let Some(reverse) = &item.reverse {
            at.push(
                reverse,
                "`reverse` belongs to `scale` questionnaires".into(),
            );
        }
        if let Some(topic) = &item.topic
            && lib.topics.iter().all(|t| t.id.get_ref() != topic.get_ref())
        {
            at.push(topic, format!("topic `{}` does not exist", topic.get_ref()));
        }
    }
}
