//! Tests of the CommonMark writer: escaping, wrapping and whole documents, by example and by property.

use super::escape::*;
use super::wrap::*;
use super::*;
use crate::content::markup::Inline;
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A run of inline text (as [`markup::parse`] builds it) through the export's writer.
fn inline(run: &[Inline]) -> String {
    fn feed(line: &mut Line, run: &[Inline]) {
        for item in run {
            match item {
                Inline::Text(t) => line.piece(Piece::Text(t)),
                Inline::Code(c) => line.piece(Piece::Code(c)),
                Inline::SoftBreak => line.piece(Piece::Break),
                Inline::Emphasis(inner) => {
                    line.piece(Piece::EmphasisStart);
                    feed(line, inner);
                    line.piece(Piece::EmphasisEnd);
                }
                Inline::Strong(inner) => {
                    line.piece(Piece::StrongStart);
                    feed(line, inner);
                    line.piece(Piece::StrongEnd);
                }
                Inline::Link { text, url } => {
                    line.piece(Piece::LinkStart(url));
                    feed(line, text);
                    line.piece(Piece::LinkEnd);
                }
            }
        }
    }
    let mut line = Line::default();
    feed(&mut line, run);
    line.finish().to_string()
}

#[test]
fn escapes_markdown_and_controls() {
    assert_eq!(
        escape("a*b_c [d] <e> \\ `f` Q&A &amp;"),
        "a\\*b\\_c \\[d\\] \\<e> \\\\ \\`f\\` Q&A \\&amp;"
    );
    assert_eq!(escape("\x1b[2J"), "\\\\x1b\\[2J");
    assert_eq!(
        escape("{{#include /etc/passwd}}"),
        "{\\{#include /etc/passwd}}"
    );
    // Pieces that meet as an entity only once they are side by side.
    let run = [Inline::Text("&#".into()), Inline::Text("0;".into())];
    assert_eq!(inline(&run), "\\&#0;");
}

#[test]
fn code_spans_survive_backticks() {
    let code = |t: &str| code(t).replace(KEEP, " ");
    assert_eq!(code("numb learn"), "`numb learn`");
    assert_eq!(code("a`b"), "``a`b``");
    assert_eq!(code("`x"), "`` `x ``");
}

#[test]
fn code_spans_are_never_broken_across_lines() {
    for fill in 0..30 {
        let text = format!(
            "{} {}",
            "x".repeat(fill),
            code("numb learn when-to-seek-help")
        );
        let out = wrap(&format!("{} {text}", "word ".repeat(12)), "- ", "  ");
        assert!(
            out.lines()
                .any(|l| l.contains("`numb learn when-to-seek-help`")),
            "{out}"
        );
    }
}

#[test]
fn link_destinations_read_back_as_written() {
    for url in [
        "https://example.org/a\\(b&amp;c",
        "https://example.org/?a=1&b=2",
        "https://example.org/x&#38;y",
        "https://example.org/a_(b)",
        "https://example.org/{{x}}",
    ] {
        let markdown = link("text", url);
        let found: Vec<String> = Parser::new(&markdown)
            .filter_map(|e| match e {
                Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.to_string()),
                _ => None,
            })
            .collect();
        let expected = url.replace('{', "%7B").replace('}', "%7D");
        assert_eq!(found, vec![expected], "{markdown}");
    }
}

#[test]
fn tabs_in_code_spans_become_spaces() {
    assert_eq!(wrap(&code("a\tb"), "", ""), "`a b`\n");
}

#[test]
fn wrapping_keeps_unicode_spaces_that_end_a_line() {
    let text = format!("{}\u{3000} {}", "x".repeat(77), "y".repeat(10));
    assert_eq!(
        wrap(&text, "", ""),
        format!("{}\u{3000}\n{}\n", "x".repeat(77), "y".repeat(10))
    );
}

#[test]
fn wrap_hangs_list_items() {
    let item = "word ".repeat(30);
    let out = wrap(item.trim(), "- ", "  ");
    assert!(out.starts_with("- word"));
    assert!(
        out.lines().skip(1).all(|l| l.starts_with("  word")),
        "{out}"
    );
}

#[test]
fn block_syntax_at_the_start_is_made_literal() {
    assert_eq!(wrap("2025. A new year", "", ""), "2025\\. A new year\n");
    assert_eq!(wrap("- a", "- ", "  "), "- \\- a\n");
    assert_eq!(wrap("# h", "", ""), "\\# h\n");
    assert_eq!(wrap("> q", "", ""), "\\> q\n");
    assert_eq!(wrap("--- x", "", ""), "\\--- x\n");
    // `: x` would start a definition in mdBook.
    assert_eq!(wrap(": x", "", ""), "\\: x\n");
    let long = format!("{} : the rest", "z".repeat(79));
    let out = wrap(&long, "", "");
    assert!(out.lines().all(|l| !l.starts_with(':')), "{out}");
}

#[test]
fn body_text_outside_the_subset_is_an_error_not_a_silent_gap() {
    let mut out = Vec::new();
    let mut doc = Doc::new(&mut out);
    doc.body("Fine words.\n\n- a\n- b\n").unwrap();
    let err = doc.body("A paragraph.\n\n# A heading\n").unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::InvalidData);
    assert!(err.to_string().contains("a heading"), "{err}");
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "Fine words.\n\n- a\n- b\n\nA paragraph.\n"
    );
}

#[test]
fn headings_stay_unique_and_keep_trailing_hashes() {
    let mut out = Vec::new();
    let mut doc = Doc::new(&mut out);
    doc.heading(2, "Step ##", "").unwrap();
    doc.heading(3, "Key points", "A").unwrap();
    doc.heading(3, "Key points", "B").unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "## Step \\#\\#\n\n### Key points\n\n### Key points (B)\n"
    );
}

/// What CommonMark (with mdBook's extensions) reads back from a paragraph.
fn read_back(markdown: &str) -> Option<String> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS;
    let events: Vec<Event> = Parser::new_ext(markdown, options).collect();
    let (Some(Event::Start(Tag::Paragraph)), Some(Event::End(TagEnd::Paragraph))) =
        (events.first(), events.last())
    else {
        return None;
    };
    let mut text = String::new();
    for event in &events[1..events.len() - 1] {
        match event {
            Event::Text(t) => text.push_str(t),
            Event::SoftBreak => text.push(' '),
            _ => return None,
        }
    }
    Some(text)
}

/// Text, code, link and image counts that CommonMark (with mdBook's extensions) reads.
fn read_inline(markdown: &str) -> (String, usize, usize) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS;
    let (mut text, mut links, mut images) = (String::new(), 0, 0);
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak => text.push(' '),
            Event::Start(Tag::Link { .. }) => links += 1,
            Event::Start(Tag::Image { .. }) => images += 1,
            _ => {}
        }
    }
    (text, links, images)
}

fn inline_piece() -> impl Strategy<Value = Inline> {
    let text = "[-#>+*=_`~|<>&;!\\[\\](){}\\\\.)0-9a-z ]{1,10}";
    prop_oneof![
        text.prop_map(Inline::Text),
        "[a-z{}#` ]{1,8}"
            .prop_filter("not blank", |s| !s.trim().is_empty())
            .prop_map(|s| Inline::Code(s.trim().to_string())),
        text.prop_map(|t| Inline::Link {
            text: vec![Inline::Text(t)],
            url: "https://example.org/a".into()
        }),
    ]
}

proptest! {
    #[test]
    fn runs_of_text_code_and_links_read_back_intact(
        // Two code spans side by side cannot come from parsed content: it reads them as one.
        run in proptest::collection::vec(inline_piece(), 1..12).prop_filter("adjacent code spans", |run| {
            !run.windows(2).any(|w| matches!(w, [Inline::Code(_), Inline::Code(_)]))
        })
    ) {
        let markdown = wrap(&inline(&run), "", "");
        prop_assert!(!markdown.contains("{{"), "mdBook would see {{ in {}", markdown);
        let (text, links, images) = read_inline(&markdown);
        let expected: String = run.iter().map(|i| match i {
            Inline::Text(t) | Inline::Code(t) => t.clone(),
            Inline::Link { text, .. } => markup::plain_text(text),
            _ => String::new(),
        }).collect();
        let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        prop_assert_eq!(squash(&text), squash(&expected), "{}", markdown);
        prop_assert_eq!(images, 0);
        prop_assert_eq!(links, run.iter().filter(|i| matches!(i, Inline::Link { .. })).count(), "{}", markdown);
    }

    #[test]
    fn the_fast_wrap_cuts_lines_exactly_where_the_word_by_word_wrap_does(
        words in proptest::collection::vec(
            prop_oneof![
                "[a-z]{1,12}",
                "[a-z]{20,90}",
                Just("-".to_string()),
                Just("1.".to_string()),
                Just("##".to_string()),
                Just(":x".to_string()),
                Just(">".to_string()),
                Just("===".to_string()),
                Just("\u{1}".to_string()),
                "`[a-z]{1,5}\u{1}[a-z]{1,5}`",
            ],
            1..60,
        ),
        (first, rest) in prop_oneof![
            Just(("", "")),
            Just(("- ", "  ")),
            Just(("10. ", "    ")),
        ],
    ) {
        let text = words.join(" ");
        let mut fast = String::from("before\n");
        let mut slow = fast.clone();
        let plain = wrap_plain(&mut fast, &text, first, rest);
        wrap_words(&mut slow, &text, first, rest);
        if plain {
            prop_assert_eq!(fast, slow);
        } else {
            prop_assert_eq!(fast, "before\n");
            prop_assert!(opens_block(&words[0]));
        }
    }

    #[test]
    fn any_text_reads_back_as_the_same_paragraph(
        words in proptest::collection::vec("[-#>+*=_`~|<>&;!\\[\\](){}\\\\.)0-9a-z]{1,12}", 1..40)
    ) {
        let text = words.join(" ");
        let markdown = wrap(&escape(&text), "", "");
        prop_assert_eq!(read_back(&markdown), Some(text), "{}", markdown);
    }
}
