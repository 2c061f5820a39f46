//! numb's small Markdown subset: parses body text into paragraphs, lists and inline spans.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};

/// A block of body text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph of inline text.
    Paragraph(Vec<Inline>),
    /// A bulleted list; each item is a run of inline text.
    List(Vec<Vec<Inline>>),
}

/// A run of inline text. Serialized in the compact built-in form, which stores the support
/// pointer parsed (see [`crate::content::model::PageWords`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Inline {
    /// Plain words.
    Text(String),
    /// `*emphasis*`.
    Emphasis(Vec<Inline>),
    /// `**strong**`.
    Strong(Vec<Inline>),
    /// `` `code` ``, used for numb commands.
    Code(String),
    /// `[text](https://…)`.
    Link {
        /// The words shown.
        text: Vec<Inline>,
        /// The https address.
        url: String,
    },
    /// A line break inside a paragraph; rendered as a space.
    SoftBreak,
}

/// Something in body text outside the subset, at a byte offset into the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkupError {
    /// Byte offset into the body text.
    pub offset: usize,
    /// What is wrong, for the author.
    pub message: String,
}

/// One piece of body text, in reading order, as [`walk`] finds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    /// A paragraph outside a list begins.
    ParagraphStart,
    /// That paragraph ends.
    ParagraphEnd,
    /// A bulleted list begins.
    ListStart,
    /// The list ends.
    ListEnd,
    /// A list item begins; its words follow until [`Piece::ItemEnd`].
    ItemStart,
    /// The list item ends.
    ItemEnd,
    /// Plain words.
    Text(&'a str),
    /// `` `code` ``.
    Code(&'a str),
    /// A line break, or the gap between the paragraphs of a loose list item; shown as a space.
    Break,
    /// `*emphasis*` begins.
    EmphasisStart,
    /// The emphasis ends.
    EmphasisEnd,
    /// `**strong**` begins.
    StrongStart,
    /// The strong text ends.
    StrongEnd,
    /// A link to this https address begins; its words follow.
    LinkStart(&'a str),
    /// The link ends.
    LinkEnd,
}

/// Walks body text piece by piece, refusing anything outside the subset. Each piece goes to
/// `visit` as it is found, so nothing is built that the caller does not keep: checking a body
/// and writing it out again cost one Markdown parse each and no tree.
pub fn walk(body: &str, visit: impl FnMut(Piece<'_>)) -> Result<(), MarkupError> {
    let mut first = None;
    walk_reporting(body, visit, |e| {
        first = Some(e);
        false
    });
    first.map_or(Ok(()), Err)
}

/// Every problem in body text, in the order they appear: `numb check` reports them all, so
/// a heading, a quote and an entity in one body take one run to find, not three.
pub fn problems(body: &str) -> Vec<MarkupError> {
    problems_at_most(body, usize::MAX)
}

/// The first `max` problems of [`problems`]; the walk stops at the last of them.
pub fn problems_at_most(body: &str, max: usize) -> Vec<MarkupError> {
    let mut all = Vec::new();
    walk_reporting(
        body,
        |_| {},
        |e| {
            all.push(e);
            all.len() < max
        },
    );
    all
}

/// [`walk`], telling `report` of each problem; it returns whether to go on.
fn walk_reporting(
    body: &str,
    mut visit: impl FnMut(Piece<'_>),
    mut report: impl FnMut(MarkupError) -> bool,
) {
    // An entity (`&nbsp;`, `&#233;`) would be decoded before numb writes the text again, and
    // next to `*` or `**` that can change what is emphasised: type the character itself.
    for offset in entities(body) {
        let message =
            "an HTML entity is not part of numb's Markdown subset; type the character itself";
        if !report(MarkupError {
            offset,
            message: message.into(),
        }) {
            return;
        }
    }
    let mut in_list = false;
    // Inside a loose list item, the gap after a paragraph becomes a break, but only if more
    // words follow in the same item.
    let mut gap = false;
    fn content(visit: &mut impl FnMut(Piece<'_>), gap: &mut bool, piece: Piece<'_>) {
        if std::mem::take(gap) {
            visit(Piece::Break);
        }
        visit(piece);
    }

    for (event, range) in Parser::new_ext(body, Options::empty()).into_offset_iter() {
        let refuse = |what: &str| {
            Some(MarkupError {
                offset: range.start,
                message: format!("{what} is not part of numb's Markdown subset"),
            })
        };
        let problem = match event {
            Event::Start(Tag::Paragraph) if !in_list => {
                visit(Piece::ParagraphStart);
                None
            }
            Event::End(TagEnd::Paragraph) if !in_list => {
                visit(Piece::ParagraphEnd);
                None
            }
            Event::End(TagEnd::Paragraph) => {
                gap = true;
                None
            }
            Event::Start(Tag::List(first)) => {
                let was_in_list = std::mem::replace(&mut in_list, true);
                if was_in_list {
                    refuse("a nested list")
                } else if first.is_some() {
                    refuse("a numbered list (use `- ` items)")
                } else {
                    visit(Piece::ListStart);
                    None
                }
            }
            Event::End(TagEnd::List(_)) => {
                in_list = false;
                visit(Piece::ListEnd);
                None
            }
            Event::Start(Tag::Item) => {
                gap = false;
                visit(Piece::ItemStart);
                None
            }
            Event::End(TagEnd::Item) => {
                gap = false;
                visit(Piece::ItemEnd);
                None
            }
            Event::Start(Tag::Emphasis) => {
                content(&mut visit, &mut gap, Piece::EmphasisStart);
                None
            }
            Event::End(TagEnd::Emphasis) => {
                visit(Piece::EmphasisEnd);
                None
            }
            Event::Start(Tag::Strong) => {
                content(&mut visit, &mut gap, Piece::StrongStart);
                None
            }
            Event::End(TagEnd::Strong) => {
                visit(Piece::StrongEnd);
                None
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                if dest_url.starts_with("https://") {
                    content(&mut visit, &mut gap, Piece::LinkStart(&dest_url));
                    None
                } else {
                    Some(MarkupError {
                        offset: range.start,
                        message: format!("link to `{dest_url}`: links must start with https://"),
                    })
                }
            }
            Event::End(TagEnd::Link) => {
                visit(Piece::LinkEnd);
                None
            }
            Event::Text(text) => {
                content(&mut visit, &mut gap, Piece::Text(&text));
                None
            }
            Event::Code(code) => {
                content(&mut visit, &mut gap, Piece::Code(&code));
                None
            }
            Event::SoftBreak | Event::HardBreak => {
                content(&mut visit, &mut gap, Piece::Break);
                None
            }
            Event::Start(Tag::Heading { .. }) => {
                refuse("a heading (use the section's `heading` field)")
            }
            Event::Start(Tag::BlockQuote(_)) => refuse("a block quote"),
            Event::Start(Tag::CodeBlock(_)) => refuse("a code block"),
            Event::Start(Tag::Image { .. }) => refuse("an image"),
            Event::Start(Tag::HtmlBlock) | Event::Html(_) | Event::InlineHtml(_) => refuse("HTML"),
            Event::Rule => refuse("a horizontal rule"),
            Event::Start(Tag::Paragraph) => None,
            Event::Start(_) => refuse("this kind of Markdown"),
            _ => None,
        };
        if let Some(problem) = problem
            && !report(problem)
        {
            return;
        }
    }
}

/// Checks body text against the subset without keeping anything.
pub fn check(body: &str) -> Result<(), MarkupError> {
    walk(body, |_| {})
}

/// Parses body text into blocks, refusing anything outside the subset.
pub fn parse(body: &str) -> Result<Vec<Block>, MarkupError> {
    if plain_line(body) {
        // Most key points and suggestions: one paragraph of plain words, no parser needed.
        // (Sections of plain paragraphs taken the same way came out no faster than the
        // parser: it was measured and left out.)
        return Ok(vec![Block::Paragraph(vec![Inline::Text(body.to_string())])]);
    }
    parse_markdown(body)
}

/// True for one line that Markdown reads as one paragraph of exactly its own words: it
/// starts with a letter (so it opens no list, heading, quote or code block), ends with no
/// space (which Markdown would drop), and has no line break, no control character and none
/// of the characters that start inline markup, escapes or entities.
fn plain_line(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_alphabetic)
        && !text.ends_with(char::is_whitespace)
        && !text.contains(|c: char| {
            c.is_control()
                || matches!(
                    c,
                    '\\' | '`' | '*' | '_' | '[' | ']' | '!' | '<' | '>' | '&'
                )
        })
}

#[cfg(test)]
thread_local! {
    /// How many times this thread ran the Markdown parser (a test checks that a built-in page
    /// never does).
    pub static PARSER_RUNS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// [`parse`] by the Markdown parser, whatever the text.
fn parse_markdown(body: &str) -> Result<Vec<Block>, MarkupError> {
    #[cfg(test)]
    PARSER_RUNS.with(|runs| runs.set(runs.get() + 1));
    let mut blocks = Vec::new();
    // Inline runs being built: the innermost open span is last.
    let mut stack: Vec<Vec<Inline>> = Vec::new();
    let mut links: Vec<String> = Vec::new();
    let mut items: Vec<Vec<Inline>> = Vec::new();
    walk(body, |piece| match piece {
        Piece::ParagraphStart | Piece::ItemStart | Piece::EmphasisStart | Piece::StrongStart => {
            stack.push(Vec::new())
        }
        Piece::ParagraphEnd => blocks.push(Block::Paragraph(stack.pop().unwrap_or_default())),
        Piece::ListStart => items.clear(),
        Piece::ListEnd => blocks.push(Block::List(std::mem::take(&mut items))),
        Piece::ItemEnd => items.push(stack.pop().unwrap_or_default()),
        Piece::EmphasisEnd => close(&mut stack, Inline::Emphasis),
        Piece::StrongEnd => close(&mut stack, Inline::Strong),
        Piece::LinkStart(url) => {
            links.push(url.to_string());
            stack.push(Vec::new());
        }
        Piece::LinkEnd => {
            let url = links.pop().unwrap_or_default();
            close(&mut stack, |text| Inline::Link { text, url });
        }
        Piece::Text(text) => push(&mut stack, Inline::Text(text.to_string())),
        Piece::Code(code) => push(&mut stack, Inline::Code(code.to_string())),
        Piece::Break => push(&mut stack, Inline::SoftBreak),
    })?;
    Ok(blocks)
}

/// Where the first HTML entity (`&name;`, `&#123;`, `&#x1F;`) starts, if there is one.
fn entities(body: &str) -> impl Iterator<Item = usize> + '_ {
    body.match_indices('&').map(|(at, _)| at).filter(|&at| {
        let rest = &body[at + 1..];
        let (digits, rest) = match rest.strip_prefix('#') {
            Some(num) => match num.strip_prefix(['x', 'X']) {
                Some(hex) => (hex.bytes().take_while(u8::is_ascii_hexdigit).count(), hex),
                None => (num.bytes().take_while(u8::is_ascii_digit).count(), num),
            },
            None => (
                rest.bytes().take_while(u8::is_ascii_alphanumeric).count(),
                rest,
            ),
        };
        digits > 0 && rest.as_bytes().get(digits) == Some(&b';')
    })
}

fn push(stack: &mut [Vec<Inline>], inline: Inline) {
    if let Some(run) = stack.last_mut() {
        // Merge neighbouring text so words are not split at entity or escape boundaries.
        if let (Some(Inline::Text(prev)), Inline::Text(next)) = (run.last_mut(), &inline) {
            prev.push_str(next);
            return;
        }
        run.push(inline);
    }
}

fn close(stack: &mut Vec<Vec<Inline>>, wrap: impl FnOnce(Vec<Inline>) -> Inline) {
    let inner = stack.pop().unwrap_or_default();
    push(stack, wrap(inner));
}

/// The plain words of inline text, without markup (for tables, search and measuring).
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::Emphasis(inner) | Inline::Strong(inner) => out.push_str(&plain_text(inner)),
            Inline::Link { text, .. } => out.push_str(&plain_text(text)),
            Inline::SoftBreak => out.push(' '),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The shortcut for a plain line gives what the Markdown parser gives, for lines that
        /// take it and for the many near misses that must not.
        #[test]
        fn plain_lines_parse_as_the_markdown_parser_parses_them(
            parts in prop::collection::vec(
                prop_oneof![
                    4 => "[a-zA-Zéñ]{1,4}",
                    3 => Just(" ".to_string()),
                    2 => Just("\n".to_string()),
                    1 => Just("\n\n".to_string()),
                    4 => prop::sample::select(vec![
                        ",", ".", "?", "1.", "1)", "-", "+", "#", "=", "---", ">", "\\", "`",
                        "*", "_", "[", "]", "(", ")", "!", "<", ">", "&", "&amp;", "\t", "\n",
                        "\r", "  ", "\u{a0}", "\u{3000}", "¿", "—", "\0", "\x0c", "'", "\"",
                        "https://example.org", "~", "|", ":", "*a*", "**a**", "_a_", "`a`",
                        "[a](https://b.org)", "<https://b.org>", "\\*", "\\,", "\\a", "\n\n",
                        "\n \n", "\n\t\n", "\nb", "\n=", "\n-", "\n- ", "\n  ", "\n    c",
                        "\r\n",
                    ]).prop_map(str::to_string),
                ],
                1..9,
            ),
        ) {
            let text = parts.concat();
            prop_assert_eq!(parse(&text), parse_markdown(&text), "{:?}", text);
        }
    }

    #[test]
    fn the_plain_line_shortcut_is_taken_by_plain_words_only() {
        assert!(plain_line("Numbness often fades as safety returns."));
        assert!(plain_line(
            "Sentirte lejos no es un fallo, ni tuyo ni de nadie."
        ));
        for text in [
            "",
            " Leading",
            "Trailing ",
            "- list",
            "1. list",
            "Two\nlines",
            "a *b*",
            "a `b`",
            "a &amp; b",
            "¿Qué?",
        ] {
            assert!(!plain_line(text), "{text:?}");
        }
    }

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_string())
    }

    #[test]
    fn paragraphs_lists_and_spans() {
        let blocks = parse(
            "One *soft* and **firm** `numb support` [NHS](https://www.nhs.uk/).\n\n- a\n- b\n",
        )
        .unwrap();
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph(vec![
                    text("One "),
                    Inline::Emphasis(vec![text("soft")]),
                    text(" and "),
                    Inline::Strong(vec![text("firm")]),
                    text(" "),
                    Inline::Code("numb support".into()),
                    text(" "),
                    Inline::Link {
                        text: vec![text("NHS")],
                        url: "https://www.nhs.uk/".into()
                    },
                    text("."),
                ]),
                Block::List(vec![vec![text("a")], vec![text("b")]]),
            ]
        );
    }

    #[test]
    fn loose_list_items_keep_their_words() {
        let blocks = parse("- a\n\n- b\n").unwrap();
        assert_eq!(
            blocks,
            vec![Block::List(vec![vec![text("a")], vec![text("b")]])]
        );
    }

    #[test]
    fn refuses_what_is_outside_the_subset() {
        for (body, what, offset) in [
            ("Text\n\n# Heading\n", "a heading", 6),
            ("> quoted\n", "a block quote", 0),
            ("    code\n", "a code block", 4),
            ("<b>x</b>\n", "HTML", 0),
            ("![alt](https://x.org/a.png)\n", "an image", 0),
            ("1. one\n", "a numbered list", 0),
            ("- a\n  - b\n", "a nested list", 6),
            ("A **&nbsp;Tip:**", "an HTML entity", 4),
            ("caf&#233;", "an HTML entity", 3),
            ("x &#x1F; y", "an HTML entity", 2),
        ] {
            let err = parse(body).unwrap_err();
            assert!(err.message.starts_with(what), "{body:?}: {}", err.message);
            assert_eq!(err.offset, offset, "{body:?}");
        }
    }

    /// One body with a heading, a quote and an entity: three problems, in order, each at its
    /// own place; and the same body's first problem is what `parse` refuses.
    #[test]
    fn every_problem_in_a_body_is_found() {
        let body = "Intro &nbsp; text.\n\n## Heading\n\n> quoted\n\nSee [x](http://x.org).\n";
        let found = problems(body);
        assert_eq!(found.len(), 4, "{found:?}");
        assert!(found[0].message.starts_with("an HTML entity"));
        assert_eq!(found[0].offset, 6);
        assert!(found[1].message.starts_with("a heading"));
        assert_eq!(found[1].offset, 20);
        assert!(found[2].message.starts_with("a block quote"));
        assert_eq!(found[2].offset, 32);
        assert!(found[3].message.contains("https://"));
        assert_eq!(parse(body).unwrap_err(), problems(body)[0]);
        assert!(problems("Plain *words* and [a link](https://x.org).").is_empty());
    }

    #[test]
    fn links_must_be_https() {
        let err = parse("See [this](http://example.org).").unwrap_err();
        assert!(err.message.contains("https://"));
        assert_eq!(err.offset, 4);
    }

    #[test]
    fn plain_text_drops_markup() {
        let blocks = parse("A *b* [c](https://d.org) `e`\nf").unwrap();
        let Block::Paragraph(run) = &blocks[0] else {
            panic!("not a paragraph")
        };
        assert_eq!(plain_text(run), "A b c e f");
    }
}
