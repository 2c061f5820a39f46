//! Checks for `app.toml`, the words of numb's own screens: every label is one line (or
//! inline Markdown where it says so), and the reading order names topics that exist.

use super::At;
use crate::content::library::Library;

pub(super) fn check(lib: &Library, at: &mut At) {
    at.version(&lib.app.format_version);
    let app = &lib.app;
    at.inline(&app.support_pointer, "support_pointer");
    at.line(&app.welcome.title, "welcome.title");
    at.text(&app.welcome.body, "welcome.body");
    at.markup(&app.welcome.body);
    at.line(&app.welcome.start_heading, "welcome.start_heading");
    for start in &app.welcome.start {
        at.line(&start.command, "command");
        at.line(&start.text, "text");
    }
    let l = &app.labels;
    for label in [
        &l.content_note,
        &l.key_points,
        &l.try_this,
        &l.related,
        &l.practices,
        &l.sources,
        &l.table_topic,
        &l.table_title,
        &l.table_summary,
        &l.pager_more,
        &l.pager_end,
        &l.pack_left_out,
        &l.pack_check,
        &l.pack_more,
        &l.fallback,
    ] {
        at.line(label, "label");
    }
    for name in app.language_names.values() {
        at.line(name, "language name");
    }
    let ask = &app.ask_labels;
    for word in &ask.quit_words {
        let w = word.get_ref();
        if w.is_empty() || w.chars().any(|c| c.is_whitespace() || c.is_uppercase()) {
            at.push(word, format!("`{w}` must be one word in lower case"));
        }
        if ask.yes_words.iter().any(|y| y == word) {
            at.push(word, format!("`{w}` cannot mean both stop and yes"));
        }
    }
    for (words, key) in [(&ask.yes_words, "yes_words"), (&ask.no_words, "no_words")] {
        if words.is_empty() {
            at.push(&ask.type_yes_no, format!("`{key}` needs at least one word"));
        }
        for word in words {
            let w = word.get_ref();
            if w.is_empty() || w.chars().any(|c| c.is_whitespace() || c.is_uppercase()) {
                at.push(word, format!("`{w}` must be one word in lower case"));
            }
            let both =
                ask.yes_words.iter().any(|y| y == word) && ask.no_words.iter().any(|n| n == word);
            if both || (key == "no_words" && matches!(w.as_str(), "y" | "yes")) {
                at.push(word, format!("`{w}` cannot mean both yes and no"));
            }
        }
    }
    at.inline(&l.topics_footer, "topics_footer");
    let s = &app.support_labels;
    for label in [
        &s.title,
        &s.emergency,
        &s.lines_for,
        &s.no_lines,
        &s.no_lines_help,
        &s.directory,
        &s.other_countries,
        &s.by_country,
        &s.checked,
    ] {
        at.line(label, "label");
    }
    at.inline(&s.footer, "footer");
    at.inline(&s.all_lines, "all_lines");
    let r = &app.reflect_labels;
    for label in [
        &r.start,
        &r.not_now,
        &r.progress,
        &r.skip,
        &r.back,
        &r.quit,
        &r.keys,
        &r.choose_prompt,
        &r.choose_keys,
        &r.stopped,
        &r.table_facet,
        &r.table_score,
        &r.table_band,
        &r.score_of,
        &r.too_few,
        &r.estimated,
        &r.answered,
        &r.skipped,
        &r.plan_title,
        &r.list_id,
        &r.list_items,
        &r.list_time,
        &r.minutes,
    ] {
        at.line(label, "label");
    }
    for text in [
        &r.next_step,
        &r.might_help,
        &r.reach_out,
        &r.many_high,
        &r.nothing_stands_out,
        &r.nothing_answered,
        &r.not_a_diagnosis,
        &r.list_footer,
    ] {
        at.inline(text, "reflect label");
    }
    let b = &app.book_labels;
    for label in [
        &b.topics,
        &b.worksheets,
        &b.help,
        &b.practices,
        &b.questions,
        &b.reading,
        &b.band,
        &b.plans,
        &b.strong_sign,
        &b.many_high,
        &b.and,
    ] {
        at.line(label, "label");
    }
    for text in [&b.how_to_answer, &b.how_to_choose, &b.facet_sum, &b.reverse] {
        at.inline(text, "book label");
    }
    let c = &app.credit_labels;
    for (label, needs) in [
        (&c.from, &["{name}"][..]),
        (&c.from_authors, &["{name}", "{authors}"]),
        (&c.license, &["{license}"]),
    ] {
        at.line(label, "credit label");
        for needed in needs {
            if !label.get_ref().contains(needed) {
                at.push(
                    label,
                    format!("this credit label needs `{needed}`, where the pack's words go"),
                );
            }
        }
    }
    let fl = &app.feelings_labels;
    for label in [
        &fl.title,
        &fl.family_prompt,
        &fl.not_sure,
        &fl.sensation_prompt,
        &fl.word_prompt,
        &fl.might_be,
        &fl.body,
        &fl.family,
        &fl.body_heading,
    ] {
        at.line(label, "feelings label");
    }
    for label in [&fl.footer, &fl.unknown, &fl.nearest, &fl.unknown_next] {
        at.line(label, "feelings label");
        at.inline(label, "feelings label");
    }
    let pl = &app.practice_labels;
    for label in [
        &pl.list_id,
        &pl.why,
        &pl.steps,
        &pl.step,
        &pl.pause,
        &pl.enter,
        &pl.begin,
        &pl.pause_enter,
        &pl.begin_keys,
        &pl.enter_keys,
        &pl.pause_keys,
        &pl.pause_over,
        &pl.stopped,
        &pl.related,
        &pl.sources,
    ] {
        at.line(label, "practice label");
    }
    at.inline(&pl.list_footer, "practice label");
    let h = &app.history_labels;
    for label in [
        &h.save_prompt,
        &h.note_prompt,
        &h.table_date,
        &h.table_questionnaire,
        &h.table_scores,
        &h.skipped,
        &h.trend_title,
        &h.trend_up,
        &h.trend_down,
        &h.trend_steady,
        &h.trend_one,
        &h.trend_none,
        &h.not_scored,
        &h.table_note,
        &h.report_title,
        &h.report_scores,
        &h.range,
        &h.report_intro,
        &h.report_charts,
        &h.report_changes,
        &h.report_latest,
        &h.report_notes,
        &h.forget_prompt,
        &h.not_saved,
    ] {
        at.line(label, "history label");
    }
    for text in [
        &h.saved,
        &h.empty,
        &h.threshold,
        &h.reminder,
        &h.other_questionnaires,
        &h.report_no_notes,
        &h.trend_higher,
        &h.report_dash,
        &h.trend_gap,
        &h.trend_higher_scores,
        &h.trend_not_scored,
        &h.forgotten,
        &h.nothing_to_forget,
        &h.kept,
    ] {
        at.inline(text, "history label");
    }
    let a = &app.ask_labels;
    for label in [
        &a.question,
        &a.type_scale,
        &a.type_scale_first,
        &a.type_one_leave,
        &a.type_one_back,
        &a.type_picks,
        &a.type_yes_no,
        &a.not_understood,
        &a.typing,
        &a.earlier,
        &a.picked,
        &a.picked_none,
        &a.stop_many,
        &a.stop_one,
        &a.save_recap,
        &a.note_kept,
    ] {
        at.line(label, "ask label");
    }
    for id in &lib.app.reading_order {
        if !lib.resolves(id.get_ref()) {
            at.push(
                id,
                format!(
                    "reading_order names `{}`, which is not a topic",
                    id.get_ref()
                ),
            );
        }
    }
}
