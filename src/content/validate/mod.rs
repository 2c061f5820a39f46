//! Content checks beyond what serde enforces: ids, references, sources, markup, safety notes.

use std::collections::HashMap;
use std::sync::Arc;

use crate::content::spanned::Spanned;
use toml::value::Datetime;

use crate::content::library::Library;

mod app;
pub mod country;
mod crisis;
mod feelings;
mod practice;
mod questionnaire;
mod support;
pub mod text;
mod topic;

use super::markup;
use super::model::{FORMAT_VERSION, PackFile};
use crate::error::{Problem, SourceFile};
use feelings::check_feelings;
use practice::check_practice;
pub use support::support_file;
use topic::{body_start, check_topic};

/// The longest id: ids become file names, which must stay short on every system.
const MAX_ID: usize = 64;

/// The most problems reported in one text of the Markdown subset: one fewer than the most
/// shown for a file (the loader's `MAX_PROBLEMS_PER_FILE`), so the note that checking stopped
/// shows.
pub const MAX_MARKUP_PROBLEMS: usize = 49;

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
    app::check(
        lib,
        &mut At {
            file: &lib.app.file,
            out: &mut out,
        },
    );
    out
}

/// Checks one `crisis.toml` against its own text (the loader joins the files of every
/// language after each is checked).
pub fn crisis_file(
    words: &crate::content::crisis::CrisisWords,
    file: &Arc<SourceFile>,
) -> Vec<Problem> {
    let mut out = Vec::new();
    crisis::check(
        words,
        &mut At {
            file,
            out: &mut out,
        },
    );
    out
}

/// Checks that a translation's `pack.toml` is in the language its folder is named for.
pub fn translation_pack(pack: &PackFile, file: &Arc<SourceFile>, lang: &str) -> Vec<Problem> {
    let mut out = Vec::new();
    let tag = pack.language.get_ref();
    let primary = tag.split('-').next().unwrap_or("").to_ascii_lowercase();
    if primary != lang {
        At { file, out: &mut out }.push(
            &pack.language,
            format!(
                "this translation is in the folder for `{lang}`, but its language is `{}`; make them the same",
                crate::sanitize::escape_controls(&tag.chars().take(40).collect::<String>())
            ),
        );
    }
    out
}

/// Checks that a translated questionnaire scores exactly as the one it translates: the same
/// scale values, items (ids, order, facets, reverse flags, topics, and a plan where the
/// original has one) and facets
/// (ids, order, minimum answers, bands' ranges, related topics and practices), and the same
/// version. Only the words may differ.
pub fn questionnaire_parity(
    original: &crate::content::model::Questionnaire,
    translated: &crate::content::model::Questionnaire,
) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut at = At {
        file: &translated.file,
        out: &mut out,
    };
    let of = &original.file.path;
    let differs = |what: &str| {
        format!(
            "{what} differs from {of}: a translation changes the words only, never how answers are scored"
        )
    };
    if original.version != translated.version {
        at.push(&translated.version, differs("`version`"));
    }
    if original.kind != translated.kind {
        at.push(&translated.kind, differs("`kind`"));
    }
    let values = |q: &crate::content::model::Questionnaire| -> Vec<u32> {
        q.scale.iter().map(|p| *p.value.get_ref()).collect()
    };
    if values(original) != values(translated) {
        at.push(&translated.id, differs("the scale's values"));
    }
    if original.items.len() != translated.items.len() {
        at.push(&translated.id, differs("the number of items"));
    }
    for (a, b) in original.items.iter().zip(&translated.items) {
        let same = a.id == b.id
            && a.facet == b.facet
            && a.reverse.as_ref().map(|r| *r.get_ref()).unwrap_or(false)
                == b.reverse.as_ref().map(|r| *r.get_ref()).unwrap_or(false)
            && a.plan.is_some() == b.plan.is_some()
            && a.topic == b.topic;
        if !same {
            at.push(
                &b.id,
                differs(&format!(
                    "item `{}` (its id, place, facet, reverse flag, topic, or whether it has a plan)",
                    b.id.get_ref()
                )),
            );
        }
    }
    if original.facets.len() != translated.facets.len() {
        at.push(&translated.id, differs("the number of facets"));
    }
    for (a, b) in original.facets.iter().zip(&translated.facets) {
        let ranges = |f: &crate::content::model::Facet| -> Vec<(u32, u32)> {
            f.bands
                .iter()
                .map(|b| (*b.from.get_ref(), *b.to.get_ref()))
                .collect()
        };
        let same = a.id == b.id
            && a.min_answers == b.min_answers
            && a.related == b.related
            && a.practices == b.practices
            && a.reach_out.is_some() == b.reach_out.is_some()
            && ranges(a) == ranges(b);
        if !same {
            at.push(&b.id, differs(&format!("facet `{}` (its id, place, bands' ranges, minimum answers, related topics, practices or reach_out)", b.id.get_ref())));
        }
    }
    out
}

/// A pack's `feelings.toml`, against the vocabulary it adds to.
pub fn feelings_addition(
    add: &crate::content::model::FeelingsAddition,
    base: &crate::content::model::Feelings,
) -> Vec<Problem> {
    let mut out = Vec::new();
    feelings::check_addition(
        add,
        base,
        &mut At {
            file: &add.file,
            out: &mut out,
        },
    );
    out
}

pub fn pack(pack: &PackFile, file: &Arc<SourceFile>) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut at = At {
        file,
        out: &mut out,
    };
    at.version(&pack.format_version);
    at.line(&pack.name, "name");
    for (field, text) in [
        ("description", &pack.description),
        ("authors", &pack.authors),
        ("license", &pack.license),
        ("book_title", &pack.book_title),
    ] {
        if let Some(text) = text {
            at.line(text, field);
        }
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
                crate::sanitize::escape_controls(&tag.chars().take(40).collect::<String>())
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

    /// Checks body text against the Markdown subset, pointing into the file where possible:
    /// every problem in it, not only the first.
    /// A text with more than [`MAX_MARKUP_PROBLEMS`] problems gets that many and a last one
    /// saying that checking stopped there (a hostile file could otherwise hold a problem on
    /// every byte, and numb would keep them all).
    pub(super) fn markup(&mut self, body: &Spanned<String>) {
        let start = body_start(&self.file.text, body);
        let problems = markup::problems_at_most(body.get_ref(), MAX_MARKUP_PROBLEMS + 1);
        let stopped = problems.len() > MAX_MARKUP_PROBLEMS;
        for (n, e) in problems.into_iter().enumerate() {
            let span = start.map_or(body.span().start, |start| start + e.offset);
            let message = match stopped && n == MAX_MARKUP_PROBLEMS {
                true => format!(
                    "numb stopped checking this text here, after {MAX_MARKUP_PROBLEMS} problems \
                     in it; fix those first"
                ),
                false => e.message,
            };
            self.out.push(Problem {
                hides: 0,
                file: Arc::clone(self.file),
                span: span..span + 1,
                message,
            });
        }
    }
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

    /// The credit line is made from these labels: one without its placeholder would drop
    /// a pack's name, authors or licence from every page without a word.
    #[test]
    fn credit_labels_need_their_placeholders() {
        let files: Vec<(&str, &'static str)> = (crate::content::embedded::files().iter())
            .map(|&(rel, text)| match rel {
                "en/app.toml" => {
                    let changed = text.replace(
                        r#"license = "Licence: {license}.""#,
                        r#"license = "Licence: see the pack.""#,
                    );
                    assert_ne!(changed, text);
                    (rel, &*Box::leak(changed.into_boxed_str()))
                }
                _ => (rel, text),
            })
            .collect();
        let loaded = crate::content::load::builtin_checked(&files, "en");
        let found: Vec<String> = (loaded.problems.iter())
            .map(|p| {
                let (line, _) = p.line_col();
                let text = &p.file.text;
                let source = text.lines().nth(line - 1).unwrap_or_default();
                format!("{} {source}: {}", p.file.path, p.message)
            })
            .collect();
        assert_eq!(
            found,
            [
                "content/en/app.toml license = \"Licence: see the pack.\": this credit label needs `{license}`, where the pack's words go"
            ]
        );
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
            text: text.to_string().into(),
            pack: 1,
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
