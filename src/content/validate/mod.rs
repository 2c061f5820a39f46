//! Content checks beyond what serde enforces: ids, references, sources, markup, safety notes.

use std::collections::HashMap;
use std::sync::Arc;

use toml::Spanned;
use toml::value::Datetime;

use crate::content::library::Library;

pub mod country;
mod crisis;
mod questionnaire;
pub mod text;
use super::markup;
use super::model::{FORMAT_VERSION, Feelings, PackFile, Practice, Source, SupportFile, Topic};
use crate::error::{Problem, SourceFile};

/// The longest id: ids become file names, which must stay short on every system.
const MAX_ID: usize = 64;

/// Words whose presence means a topic needs a `content_note`.
const NOTE_WORDS: &[&str] = &["abuse", "trauma", "ptsd", "neglect", "assault", "violen"];

/// Who checks the body text of topic sections, the bulk of a large pack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bodies {
    /// The load, like everything else.
    Checked,
    /// The Markdown writer, as it writes each body ([`crate::render::markdown::doc::Doc::body`]
    /// refuses text outside the subset): a folder export, which stages every file before it
    /// places any, then parses each body once instead of twice.
    LeftToTheWriter,
}

/// Checks the whole library; returns every problem found, in file order.
pub fn library(lib: &Library, bodies: Bodies) -> Vec<Problem> {
    // Each topic's own checks (markup, sources, ids) need no other topic: spread them out.
    let per_topic = crate::parallel::parallel_map(lib.topics.iter().collect(), |topic| {
        let mut found = Vec::new();
        check_topic(
            topic,
            &mut At {
                file: &topic.file,
                out: &mut found,
            },
            bodies,
        );
        found
    });
    let mut out: Vec<Problem> = per_topic.into_iter().flatten().collect();
    let mut names: HashMap<&str, &str> = HashMap::new();
    for topic in &lib.topics {
        let mut at = At {
            file: &topic.file,
            out: &mut out,
        };
        for name in std::iter::once(&topic.id).chain(&topic.aliases) {
            if let Some(owner) = names.insert(name.get_ref(), topic.id.get_ref()) {
                at.push(
                    name,
                    format!(
                        "`{}` is already the id or an alias of topic `{owner}`",
                        name.get_ref()
                    ),
                );
            }
        }
    }
    for topic in &lib.topics {
        let mut at = At {
            file: &topic.file,
            out: &mut out,
        };
        for related in &topic.related {
            if related.get_ref() == topic.id.get_ref() {
                at.push(related, "a topic cannot be related to itself".into());
            } else if !lib.resolves(related.get_ref()) {
                let alias_of = lib.topic(related.get_ref()).map(|t| t.id.get_ref());
                let hint = alias_of
                    .map(|id| format!("; `related` takes ids: use `{id}`"))
                    .unwrap_or_default();
                at.push(
                    related,
                    format!("related topic `{}` does not exist{hint}", related.get_ref()),
                );
            }
        }
    }
    for practice in &lib.practices {
        let mut at = At {
            file: &practice.file,
            out: &mut out,
        };
        check_practice(practice, lib, &mut at);
    }
    check_feelings(
        &lib.feelings,
        &mut At {
            file: &lib.feelings.file,
            out: &mut out,
        },
    );
    crisis::check(
        &lib.crisis,
        &mut At {
            file: &lib.crisis.file,
            out: &mut out,
        },
    );
    let mut ids: HashMap<&str, ()> = HashMap::new();
    for questionnaire in &lib.questionnaires {
        let mut at = At {
            file: &questionnaire.file,
            out: &mut out,
        };
        if ids.insert(questionnaire.id.get_ref(), ()).is_some() {
            at.push(
                &questionnaire.id,
                format!(
                    "questionnaire id `{}` is used twice",
                    questionnaire.id.get_ref()
                ),
            );
        }
        questionnaire::check(questionnaire, lib, &mut at);
    }
    let mut at = At {
        file: &lib.app.file,
        out: &mut out,
    };
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
    ] {
        at.line(label, "label");
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
    ] {
        at.line(label, "label");
    }
    for text in [&b.how_to_answer, &b.how_to_choose, &b.facet_sum, &b.reverse] {
        at.inline(text, "book label");
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
        &h.report_latest,
        &h.report_notes,
        &h.forget_prompt,
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
        &h.forgotten,
        &h.nothing_to_forget,
        &h.kept,
    ] {
        at.inline(text, "history label");
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
    out
}

/// Checks a pack's `pack.toml`.
pub fn pack(pack: &PackFile, file: &Arc<SourceFile>) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut at = At {
        file,
        out: &mut out,
    };
    at.version(&pack.format_version);
    at.line(&pack.name, "name");
    if let Some(description) = &pack.description {
        at.line(description, "description");
    }
    let tag = pack.language.get_ref();
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    let ok = (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts
            .all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    if !ok {
        at.push(
            &pack.language,
            format!(
                "language `{}` is not a language tag; use one like \"en\" or \"en-GB\"",
                crate::render::sanitize::escape_controls(&tag.chars().take(40).collect::<String>())
            ),
        );
    }
    out
}

/// What to say about a file written for a newer numb.
pub fn newer_version_message(version: u64) -> String {
    format!(
        "format_version {version} needs a newer numb (this one reads format_version {FORMAT_VERSION}); please update numb"
    )
}

/// Collects problems for one file.
pub(super) struct At<'a> {
    file: &'a Arc<SourceFile>,
    out: &'a mut Vec<Problem>,
}

impl At<'_> {
    pub(super) fn push<T>(&mut self, at: &Spanned<T>, message: String) {
        self.out.push(Problem {
            hides: 0,
            file: Arc::clone(self.file),
            span: at.span(),
            message,
        });
    }

    pub(super) fn version(&mut self, version: &Spanned<u32>) {
        let v = *version.get_ref();
        if v > FORMAT_VERSION {
            self.push(version, newer_version_message(u64::from(v)));
        } else if v == 0 {
            self.push(version, "format_version starts at 1".into());
        }
    }

    pub(super) fn text(&mut self, text: &Spanned<String>, field: &str) {
        if text.get_ref().trim().is_empty() {
            self.push(text, format!("`{field}` is empty"));
        }
    }

    /// Plain text on one line: titles, headings, names, labels.
    pub(super) fn line(&mut self, text: &Spanned<String>, field: &str) {
        self.text(text, field);
        if text.get_ref().contains(['\n', '\r']) {
            self.push(text, format!("`{field}` must be one line"));
        }
    }

    /// One paragraph in the inline subset: *emphasis*, **strong**, `code`, links.
    pub(super) fn inline(&mut self, text: &Spanned<String>, field: &str) {
        self.text(text, field);
        let (mut paragraphs, mut list) = (0, false);
        let walked = markup::walk(text.get_ref(), |piece| match piece {
            markup::Piece::ParagraphStart => paragraphs += 1,
            markup::Piece::ListStart => list = true,
            _ => {}
        });
        match walked {
            Ok(()) if paragraphs > 1 || list => {
                self.push(
                    text,
                    format!("`{field}` must be one paragraph, without lists"),
                );
            }
            Ok(_) => {}
            Err(_) => self.markup(text),
        }
    }

    pub(super) fn id(&mut self, id: &Spanned<String>, what: &str) {
        let s = id.get_ref();
        if s.len() > MAX_ID {
            self.push(
                id,
                format!(
                    "{what} is {} characters long; keep it to {MAX_ID} or fewer",
                    s.len()
                ),
            );
        }
        let ok = s
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !ok {
            self.push(id, format!("{what} `{s}` must be lower-case letters, digits and dashes, starting with a letter or digit"));
        }
    }

    pub(super) fn https(&mut self, url: &Spanned<String>) {
        let u = url.get_ref();
        if !u.starts_with("https://")
            || u.len() <= "https://".len()
            || u.contains(|c: char| c.is_whitespace() || c.is_control())
        {
            self.push(url, format!("`{u}` is not an https address"));
        }
    }

    /// A `verified_on` date: a plain date, and with `today`, not after it.
    pub(super) fn checked_on(
        &mut self,
        date: &Spanned<Datetime>,
        today: Option<jiff::civil::Date>,
    ) {
        self.date(date);
        if let Some(problem) = today.and_then(|t| country::future_date_problem(date.get_ref(), t)) {
            self.push(date, problem);
        }
    }

    pub(super) fn date(&mut self, date: &Spanned<Datetime>) {
        let d = date.get_ref();
        if d.date.is_none() || d.time.is_some() {
            self.push(
                date,
                "a date here must be a plain date like 2026-11-25".into(),
            );
        }
    }

    /// Checks body text against the Markdown subset, pointing into the file where possible.
    pub(super) fn markup(&mut self, body: &Spanned<String>) {
        if let Err(e) = markup::check(body.get_ref()) {
            let span = body_offset(&self.file.text, body, e.offset);
            self.out.push(Problem {
                hides: 0,
                file: Arc::clone(self.file),
                span: span..span + 1,
                message: e.message,
            });
        }
    }
}

/// Maps an offset inside a string value to an offset in the file. Exact for strings
/// without escapes (the usual `"""` body); otherwise points at the string's start.
fn body_offset(file: &str, value: &Spanned<String>, offset: usize) -> usize {
    let span = value.span();
    let Some(raw) = file.get(span.clone()) else {
        return span.start;
    };
    let quote = if raw.starts_with("\"\"\"") || raw.starts_with("'''") {
        3
    } else {
        1
    };
    let mut start = span.start + quote;
    if quote == 3 {
        if file[start..].starts_with("\r\n") {
            start += 2;
        } else if file[start..].starts_with('\n') {
            start += 1;
        }
    }
    let end = span.end.saturating_sub(quote).max(start);
    if file.get(start..end) == Some(value.get_ref().as_str()) {
        start + offset
    } else {
        span.start
    }
}

fn check_topic(topic: &Topic, at: &mut At, bodies: Bodies) {
    at.version(&topic.format_version);
    at.id(&topic.id, "topic id");
    if topic.id.get_ref() == "readme" {
        at.push(
            &topic.id,
            "`readme` cannot be a topic id: the export writes its index to README.md".into(),
        );
    }
    for alias in &topic.aliases {
        at.id(alias, "alias");
    }
    at.line(&topic.title, "title");
    at.line(&topic.summary, "summary");
    if topic.sections.is_empty() {
        at.push(&topic.id, "a topic needs at least one [[sections]]".into());
    }
    for section in &topic.sections {
        at.line(&section.heading, "heading");
        at.text(&section.body, "body");
        if bodies == Bodies::Checked {
            at.markup(&section.body);
        }
    }
    if topic.key_points.is_empty() {
        at.push(&topic.id, "a topic needs at least one key point".into());
    }
    for point in &topic.key_points {
        at.inline(point, "key_points item");
    }
    for point in &topic.try_this {
        at.inline(point, "try_this item");
    }
    if let Some(note) = &topic.content_note {
        at.inline(note, "content_note");
    } else if let Some((field, word)) = note_word(topic) {
        at.push(
            field,
            format!("this topic mentions {word}, so it needs a short `content_note` at the top"),
        );
    }
    if topic.sources.len() < 2 {
        at.push(
            &topic.id,
            format!(
                "a topic needs at least two [[sources]], found {}",
                topic.sources.len()
            ),
        );
    }
    for source in &topic.sources {
        check_source(source, at);
    }
}

/// The first field of a topic that mentions abuse or trauma, and the word.
fn note_word(topic: &Topic) -> Option<(&Spanned<String>, &'static str)> {
    let fields = [&topic.title, &topic.summary]
        .into_iter()
        .chain(topic.sections.iter().flat_map(|s| [&s.heading, &s.body]))
        .chain(&topic.key_points)
        .chain(&topic.try_this);
    for field in fields {
        let lower = field.get_ref().to_lowercase();
        if let Some(word) = NOTE_WORDS.iter().find(|w| lower.contains(**w)) {
            return Some((field, word));
        }
    }
    None
}

/// The most steps a practice may have, and the longest pause: a practice is short.
const MAX_STEPS: usize = 12;
const MIN_PAUSE: u32 = 5;
const MAX_PAUSE: u32 = 600;

fn check_practice(p: &Practice, lib: &Library, at: &mut At) {
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

fn check_feelings(f: &Feelings, at: &mut At) {
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

fn check_source(source: &Source, at: &mut At) {
    at.text(&source.title, "title");
    if source.authors.is_none() && source.publisher.is_none() {
        at.push(
            &source.title,
            "a source needs `authors` or `publisher`".into(),
        );
    }
    match (&source.year, &source.accessed) {
        (Some(year), _) if !(1900..=2100).contains(year.get_ref()) => {
            at.push(year, format!("year {} looks wrong", year.get_ref()));
        }
        (Some(_), _) => {}
        (None, Some(day)) => at.date(day),
        (None, None) => at.push(
            &source.title,
            "a source needs a `year`, or for an undated page the day it was `accessed`".into(),
        ),
    }
    match (&source.url, &source.doi) {
        (None, None) => at.push(
            &source.title,
            "a source needs an https `url` or a `doi`".into(),
        ),
        (url, doi) => {
            if let Some(url) = url {
                at.https(url);
            }
            if let Some(doi) = doi {
                let d = doi.get_ref();
                if !d.starts_with("10.")
                    || !d.contains('/')
                    || d.contains(|c: char| c.is_whitespace() || c.is_control())
                {
                    at.push(
                        doi,
                        format!("`{d}` is not a bare DOI (like 10.1192/bjp.bp.108.051110)"),
                    );
                }
            }
        }
    }
}

/// Checks one `support.toml`; `builtin` ones must have every part. With `today`, a
/// `verified_on` date after it is a problem too (the loader passes today's date).
pub fn support_file(
    page: &SupportFile,
    builtin: bool,
    today: Option<jiff::civil::Date>,
) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut at = At {
        file: &page.file,
        out: &mut out,
    };
    at.version(&page.format_version);
    match &page.intro {
        Some(intro) => at.inline(intro, "intro"),
        None if builtin => at.push(
            &page.format_version,
            "the built-in support.toml needs an `intro`".into(),
        ),
        None => {}
    }
    match &page.emergency {
        Some(e) => {
            at.inline(&e.text, "emergency.text");
            at.inline(&e.numbers, "emergency.numbers");
            at.checked_on(&e.verified_on, today);
        }
        None if builtin => at.push(
            &page.format_version,
            "the built-in support.toml needs an [emergency] table".into(),
        ),
        None => {}
    }
    match &page.directory {
        Some(d) => {
            at.line(&d.name, "directory.name");
            at.inline(&d.text, "directory.text");
            at.https(&d.url);
            at.checked_on(&d.verified_on, today);
        }
        None if builtin => at.push(
            &page.format_version,
            "the built-in support.toml needs a [directory] table".into(),
        ),
        None => {}
    }
    for line in &page.lines {
        at.line(&line.name, "name");
        at.inline(&line.contact, "contact");
        if let Some(details) = &line.details {
            at.inline(details, "details");
        }
        at.checked_on(&line.verified_on, today);
        if let Some(url) = &line.url {
            at.https(url);
        }
        if line.countries.is_empty() {
            at.push(
                &line.name,
                "a support line needs at least one country".into(),
            );
        }
        for cc in &line.countries {
            if let Some(problem) = country::code_problem(cc.get_ref()) {
                at.push(cc, problem);
            }
        }
    }
    out
}

/// A load's problems as "path:line:col message" strings, for tests.
#[cfg(test)]
pub(super) fn located(result: Result<Library, crate::error::Error>) -> Vec<String> {
    match result {
        Ok(_) => Vec::new(),
        Err(crate::error::Error::Content(problems)) => problems
            .iter()
            .map(|p| {
                let (line, col) = p.line_col();
                format!("{}:{line}:{col} {}", p.file.path, p.message)
            })
            .collect(),
        Err(e) => panic!("{e}"),
    }
}

/// The one problem expected, for tests.
#[cfg(test)]
pub(super) fn only(found: Vec<String>) -> String {
    assert_eq!(found.len(), 1, "{found:#?}");
    found[0].clone()
}

#[cfg(test)]
mod tests {
    /// Data flows one way: the loader calls the checks, and the checks import nothing from
    /// the loader (tests may use its helpers to build a library).
    #[test]
    fn the_checks_never_import_the_loader() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/content/validate");
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            for needle in ["content::load", "super::load", "load::"] {
                assert!(
                    !code.contains(needle),
                    "{} uses `{needle}` outside its tests",
                    path.display()
                );
            }
        }
    }

    use crate::content::load::with_topics;

    const GOOD: &str = r#"format_version = 1
id = "extra"
title = "An extra topic"
summary = "One line."
aliases = ["more"]
key_points = ["A point."]
related = ["origins"]

[[sections]]
heading = "A heading"
body = """
A paragraph.

- a list item
"""

[[sources]]
title = "A source"
publisher = "Someone"
year = 2020
url = "https://example.org/"

[[sources]]
title = "Another source"
authors = "A. Person"
accessed = 2026-11-25
doi = "10.1000/xyz"
"#;

    /// The problems for one changed topic, as "path:line:col message" strings.
    fn problems(text: &str) -> Vec<String> {
        super::located(with_topics(&[("extra.toml", text)]))
    }

    fn one(text: &str) -> String {
        super::only(problems(text))
    }

    #[test]
    fn a_good_topic_passes() {
        assert_eq!(problems(GOOD), Vec::<String>::new());
    }

    #[test]
    fn ids_and_aliases_must_be_unique_and_kebab_case() {
        let clash = one(&GOOD.replace(r#"aliases = ["more"]"#, r#"aliases = ["impact"]"#));
        assert!(
            clash.starts_with(
                "extra.toml:5:12 `impact` is already the id or an alias of topic `daily-impact`"
            ),
            "{clash}"
        );
        let bad = one(&GOOD.replace(r#"id = "extra""#, r#"id = "Extra_Topic""#));
        assert!(
            bad.starts_with("extra.toml:2:6 topic id `Extra_Topic` must be"),
            "{bad}"
        );
        let twice = one(&GOOD.replace(r#"aliases = ["more"]"#, r#"aliases = ["more", "more"]"#));
        assert!(
            twice.contains("`more` is already the id or an alias of topic `extra`"),
            "{twice}"
        );
    }

    #[test]
    fn ids_are_short_and_not_readme() {
        let long = format!("id = \"{}\"", "a".repeat(65));
        assert!(one(&GOOD.replace(r#"id = "extra""#, &long)).contains("keep it to 64 or fewer"));
        assert!(one(&GOOD.replace(r#"id = "extra""#, r#"id = "readme""#)).contains("README.md"));
    }

    #[test]
    fn related_aliases_are_pointed_to_their_id() {
        let p = one(&GOOD.replace(r#"related = ["origins"]"#, r#"related = ["impact"]"#));
        assert!(p.contains("`related` takes ids: use `daily-impact`"), "{p}");
    }

    #[test]
    fn related_ids_must_resolve() {
        let p = one(&GOOD.replace(
            r#"related = ["origins"]"#,
            r#"related = ["origins", "nowhere"]"#,
        ));
        assert!(
            p.starts_with("extra.toml:7:23 related topic `nowhere` does not exist"),
            "{p}"
        );
        let own = one(&GOOD.replace(r#"related = ["origins"]"#, r#"related = ["extra"]"#));
        assert!(own.contains("related to itself"), "{own}");
    }

    #[test]
    fn sources_need_two_with_https_or_doi_and_a_date() {
        let cut = GOOD.find("[[sources]]\ntitle = \"Another").unwrap();
        let p = one(&GOOD[..cut]);
        assert!(p.contains("at least two [[sources]], found 1"), "{p}");
        let p = one(&GOOD.replace("https://example.org/", "http://example.org/"));
        assert!(
            p.starts_with("extra.toml:21:7 `http://example.org/` is not an https address"),
            "{p}"
        );
        let p = one(&GOOD.replace("doi = \"10.1000/xyz\"\n", ""));
        assert!(p.contains("needs an https `url` or a `doi`"), "{p}");
        let p = one(&GOOD.replace("10.1000/xyz", "https://doi.org/10.1000/xyz"));
        assert!(p.contains("is not a bare DOI"), "{p}");
        let p = one(&GOOD.replace("accessed = 2026-11-25\n", ""));
        assert!(p.contains("needs a `year`"), "{p}");
    }

    #[test]
    fn sections_must_not_be_empty_and_must_use_the_subset() {
        let p = one(&GOOD.replace("A paragraph.\n\n- a list item\n", "   \n"));
        assert!(p.contains("`body` is empty"), "{p}");
        let p = one(&GOOD.replace("- a list item", "## A heading in the body"));
        assert!(p.starts_with("extra.toml:14:1 a heading"), "{p}");
        let p = one(&GOOD.replace(r#"heading = "A heading""#, r#"heading = """#));
        assert!(p.contains("`heading` is empty"), "{p}");
    }

    #[test]
    fn trauma_or_abuse_needs_a_content_note() {
        let text = GOOD.replace("A paragraph.", "After trauma, feelings can go quiet.");
        let p = one(&text);
        assert!(
            p.starts_with("extra.toml:11:8 this topic mentions trauma"),
            "{p}"
        );
        let noted = text.replace(
            "key_points",
            "content_note = \"This page mentions trauma, without detail.\"\nkey_points",
        );
        assert_eq!(problems(&noted), Vec::<String>::new());
    }

    /// A user's support.toml with one line, to edit into the case under test.
    const LINE: &str = r#"format_version = 1

[[lines]]
countries = ["NZ", "AU"]
name = "A test line"
contact = "Call 0000 (a test fixture, not a real number)"
verified_on = 2026-11-25
"#;

    /// The problems `support_file` finds in `text`, as "line:col message" strings.
    fn support_problems(text: &str, today: Option<jiff::civil::Date>) -> Vec<String> {
        let mut page: crate::content::model::SupportFile = toml::from_str(text).unwrap();
        page.file = std::sync::Arc::new(crate::error::SourceFile {
            path: "support.toml".into(),
            text: text.into(),
        });
        super::support_file(&page, false, today)
            .iter()
            .map(|p| {
                let (line, col) = p.line_col();
                format!("{line}:{col} {}", p.message)
            })
            .collect()
    }

    #[test]
    fn a_good_support_line_passes() {
        let today = Some(jiff::civil::date(2026, 12, 3));
        assert_eq!(support_problems(LINE, today), Vec::<String>::new());
    }

    #[test]
    fn support_line_countries_must_be_assigned_codes_and_are_pointed_at() {
        let p = support_problems(&LINE.replace(r#""AU""#, r#""UK""#), None);
        assert_eq!(
            p,
            ["4:20 `UK` is not an ISO 3166-1 alpha-2 country code; did you mean `GB`?"]
        );
        let p = support_problems(&LINE.replace(r#""NZ""#, r#""el""#), None);
        assert_eq!(
            p,
            ["4:14 `el` is not an ISO 3166-1 alpha-2 country code; did you mean `GR`?"]
        );
        let p = support_problems(&LINE.replace(r#""NZ""#, r#""nz""#), None);
        assert_eq!(
            p,
            ["4:14 `nz` is not an ISO 3166-1 alpha-2 country code; did you mean `NZ`?"]
        );
        let p = support_problems(&LINE.replace(r#""AU""#, r#""ZZ""#), None);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].starts_with("4:20 `ZZ` is not an ISO 3166-1 alpha-2 country code: use"),
            "{p:?}"
        );
    }

    #[test]
    fn verified_on_after_today_is_refused_only_when_today_is_given() {
        let later = LINE.replace("2026-11-25", "2026-12-04");
        let today = Some(jiff::civil::date(2026, 12, 3));
        assert_eq!(
            support_problems(&later, today),
            [
                "7:15 `verified_on` 2026-12-04 is later than today (2026-12-03); use the day \
              someone checked the number on the service's own page"
            ]
        );
        assert_eq!(
            support_problems(&later, None),
            Vec::<String>::new(),
            "pages for reading never judge the clock"
        );
        let same_day = LINE.replace("2026-11-25", "2026-12-03");
        assert_eq!(support_problems(&same_day, today), Vec::<String>::new());
        let table = "format_version = 1\n\n[emergency]\ntext = \"Call.\"\nnumbers = \"111\"\n\
                     verified_on = 2027-01-01\n\n[directory]\nname = \"D\"\n\
                     url = \"https://example.org\"\ntext = \"A website.\"\n\
                     verified_on = 2030-01-01\n";
        let p = support_problems(table, today);
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(
            p[0].starts_with("6:15 `verified_on` 2027-01-01 is later"),
            "{p:?}"
        );
        assert!(
            p[1].starts_with("12:15 `verified_on` 2030-01-01 is later"),
            "{p:?}"
        );
    }

    #[test]
    fn versions_newer_or_zero_are_refused() {
        let p = one(&GOOD.replace("format_version = 1", "format_version = 0"));
        assert!(p.contains("format_version starts at 1"), "{p}");
    }
}
