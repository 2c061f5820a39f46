//! Checks for questionnaires: the scale, items, facets and bands of `scale` questionnaires,
//! the options of `choose` ones, and the safety rules for both.

use std::collections::HashSet;

use super::At;
use crate::content::library::Library;
use crate::content::model::{Facet, Questionnaire, QuestionnaireKind};

/// The most reverse-keyed items a questionnaire may have (CONTENT-GUIDE.md).
pub const MAX_REVERSE: usize = 2;

/// The highest scale value and the most items: enough for any reflection, and scores stay small.
const MAX_VALUE: u32 = 100;
const MAX_ITEMS: usize = 100;

pub(super) fn check(q: &Questionnaire, lib: &Library, at: &mut At) {
    at.version(&q.format_version);
    at.id(&q.id, "questionnaire id");
    if q.id.get_ref() == "readme" {
        at.push(
            &q.id,
            "`readme` cannot be a questionnaire id: mdBook would turn its worksheet into the folder's index page".into(),
        );
    }
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
    // "diagnosis", "diagnóstico", "diagnostic", "Diagnose"…
    let intro = q.intro.get_ref().to_lowercase();
    if !intro.contains("diagnos") && !intro.contains("diagnós") {
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
    if q.items.len() > MAX_ITEMS {
        at.push(
            &q.id,
            format!("a questionnaire may have at most {MAX_ITEMS} items"),
        );
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
        for text in std::iter::once(&item.text).chain(&item.plan) {
            if let Some(found) = lib.crisis.find_in_question(text.get_ref()) {
                at.push(
                    text,
                    format!(
                        "questions may not ask about suicide, self-harm or wanting to die (this matches `{}` in crisis.toml's `{}` group): numb cannot follow up on an answer, so it keeps help lines in sight instead",
                        found.phrase,
                        found.group.id.get_ref()
                    ),
                );
            }
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
        if *point.value.get_ref() > MAX_VALUE {
            at.push(&point.value, format!("scale values go up to {MAX_VALUE}"));
        }
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
    if high > MAX_VALUE || q.items.len() > MAX_ITEMS {
        return; // reported above; the band arithmetic below would not mean anything
    }
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
        if let Some(reach_out) = &facet.reach_out {
            at.line(reach_out, "reach_out");
            at.inline(reach_out, "reach_out");
        }
        for related in &facet.related {
            if !lib.resolves(related.get_ref()) {
                at.push(
                    related,
                    format!("related topic `{}` does not exist", related.get_ref()),
                );
            }
        }
        for practice in &facet.practices {
            if !lib.practices.iter().any(|p| p.id == *practice) {
                at.push(
                    practice,
                    format!("practice `{}` does not exist", practice.get_ref()),
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

#[cfg(test)]
mod tests {
    use crate::content::load::with_questionnaires;

    const GOOD: &str = r#"format_version = 1
id = "mini"
version = 1
kind = "scale"
title = "A small check"
summary = "Two questions."
minutes = 1
intro = "A reflection, not a diagnosis."
window = "Lately, how often…"
closing = "Thank you."

[[scale]]
value = 0
label = "Never"

[[scale]]
value = 1
label = "Sometimes"

[[scale]]
value = 2
label = "Often"

[[items]]
id = "one"
text = "Things felt far away."
facet = "range"

[[items]]
id = "two"
text = "I could tell what I felt."
facet = "range"
reverse = true

[[facets]]
id = "range"
name = "Range"
meaning = "How much feelings reach you."
related = ["signs"]

[[facets.bands]]
from = 0
to = 1
label = "little"
words = "Words."
next_step = "A step."

[[facets.bands]]
from = 2
to = 4
label = "a lot"
words = "Words."
next_step = "A step."
"#;

    /// The problems of the questionnaire `text`, as "line:col message" strings.
    fn problems(text: &str) -> Vec<String> {
        super::super::located(with_questionnaires(&[("mini.toml", text)]))
            .into_iter()
            .map(|p| p.trim_start_matches("mini.toml:").to_string())
            .collect()
    }

    fn one(text: &str) -> String {
        super::super::only(problems(text))
    }

    #[test]
    fn a_good_questionnaire_passes() {
        assert_eq!(problems(GOOD), Vec::<String>::new());
    }

    #[test]
    fn items_are_required_and_must_name_a_facet_that_exists() {
        let cut = GOOD.find("[[items]]").unwrap();
        let facets = GOOD.find("[[facets]]").unwrap();
        let none = problems(&format!("{}{}", &GOOD[..cut], &GOOD[facets..]));
        assert!(
            none.iter().any(|p| p.contains("at least one [[items]]")),
            "{none:?}"
        );
        let found = problems(&GOOD.replacen(r#"facet = "range""#, r#"facet = "nowhere""#, 1));
        assert!(
            found
                .iter()
                .any(|p| p.starts_with("27:9 facet `nowhere` is not one of")),
            "{found:?}"
        );
    }

    #[test]
    fn scale_values_must_be_distinct_and_increasing() {
        let p = one(&GOOD.replacen("value = 1", "value = 0", 1));
        assert!(
            p.starts_with("17:9 scale values must be distinct and increasing"),
            "{p}"
        );
        let swapped = problems(&GOOD.replacen("value = 2", "value = 1", 1).replacen(
            "value = 1",
            "value = 2",
            1,
        ));
        assert!(
            swapped
                .iter()
                .any(|p| p.starts_with("21:9 scale values must be distinct and increasing")),
            "{swapped:?}"
        );
    }

    #[test]
    fn bands_must_cover_the_range_without_gap_or_overlap() {
        let gap = one(&GOOD.replacen("from = 2", "from = 3", 1));
        assert!(
            gap.contains("scores 2 to 2 fall in no band (a gap)"),
            "{gap}"
        );
        let overlap = one(&GOOD.replacen("from = 2", "from = 1", 1));
        assert!(overlap.contains("overlaps the one before it"), "{overlap}");
        let outside = one(&GOOD.replacen("to = 4", "to = 5", 1));
        assert!(
            outside.contains("the highest possible score is 4"),
            "{outside}"
        );
        let short = one(&GOOD.replacen("to = 4", "to = 3", 1));
        assert!(short.contains("scores 4 to 4 fall in no band"), "{short}");
    }

    #[test]
    fn related_topics_must_exist() {
        let p = one(&GOOD.replace(r#"related = ["signs"]"#, r#"related = ["nowhere"]"#));
        assert!(p.contains("related topic `nowhere` does not exist"), "{p}");
    }

    #[test]
    fn at_most_two_items_are_reverse_keyed() {
        let third = r#"[[items]]
id = "three"
text = "I felt at ease."
facet = "range"
reverse = true

[[items]]
id = "four"
text = "I felt close to people."
facet = "range"
reverse = true

[[facets]]"#;
        let text = GOOD
            .replacen("[[facets]]", third, 1)
            .replace("to = 4", "to = 8");
        let p = one(&text);
        assert!(p.contains("at most 2 items may be reverse-keyed"), "{p}");
    }

    #[test]
    fn no_item_may_ask_about_suicide_or_self_harm() {
        let p = one(&GOOD.replace("Things felt far away.", "I thought about self-harm."));
        assert!(p.contains("may not ask about suicide, self-harm"), "{p}");
    }

    #[test]
    fn questions_about_suicide_self_harm_or_dying_are_refused_in_their_common_phrasings() {
        for unsafe_item in [
            "I wished I was dead.",
            "I thought about ending it all.",
            "I cut myself.",
            "I thought about hurting myself.",
            "Suicidal thoughts came.",
            "I wished I could never wake up.",
        ] {
            let p = one(&GOOD.replace("Things felt far away.", unsafe_item));
            assert!(
                p.contains("may not ask about suicide"),
                "{unsafe_item}: {p}"
            );
            assert!(p.contains("crisis.toml"), "{p}");
        }
    }

    #[test]
    fn everyday_questions_are_not_refused() {
        for item in [
            "I cut back on coffee.",
            "I used a skill I enjoy.",
            "Studies felt hard.",
            "I wanted to kill time.",
            "My back was killing me.",
        ] {
            let p = problems(&GOOD.replace("Things felt far away.", item));
            assert!(p.is_empty(), "{item}: {p:?}");
        }
    }

    #[test]
    fn huge_scale_values_are_refused_before_any_arithmetic() {
        let p = problems(&GOOD.replacen("value = 2", "value = 4294967295", 1));
        assert!(
            p.iter().any(|p| p.contains("scale values go up to 100")),
            "{p:?}"
        );
    }

    #[test]
    fn the_intro_must_say_it_is_not_a_diagnosis() {
        let p = one(&GOOD.replace("A reflection, not a diagnosis.", "A quick test."));
        assert!(p.contains("not a diagnosis"), "{p}");
    }
}
