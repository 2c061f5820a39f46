//! numb's small Markdown subset: parses body text into paragraphs, lists and inline spans.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A block of body text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph of inline text.
    Paragraph(Vec<Inline>),
    /// A bulleted list; each item is a run of inline text.
    List(Vec<Vec<Inline>>),
}

/// A run of inline text.
#[derive(Debug, Clone, PartialEq, Eq)]
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
pub fn walk(body: &str, mut visit: impl FnMut(Piece<'_>)) -> Result<(), MarkupError> {
    // An entity (`&nbsp;`, `&#233;`) would be decoded before numb writes the text again, and
    // next to `*` or `**` that can change what is emphasised: type the character itself.
    if let Some(offset) = entity_at(body) {
        return Err(MarkupError {
            offset,
            message:
                "an HTML entity is not part of numb's Markdown subset; type the character itself"
                    .into(),
        });
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
        let refuse = |what: &str| MarkupError {
            offset: range.start,
            message: format!("{what} is not part of numb's Markdown subset"),
        };
        match event {
            Event::Start(Tag::Paragraph) if !in_list => visit(Piece::ParagraphStart),
            Event::End(TagEnd::Paragraph) if !in_list => visit(Piece::ParagraphEnd),
            Event::End(TagEnd::Paragraph) => gap = true,
            Event::Start(Tag::List(first)) => {
                if in_list {
                    return Err(refuse("a nested list"));
                }
                if first.is_some() {
                    return Err(refuse("a numbered list (use `- ` items)"));
                }
                in_list = true;
                visit(Piece::ListStart);
            }
            Event::End(TagEnd::List(_)) => {
                in_list = false;
                visit(Piece::ListEnd);
            }
            Event::Start(Tag::Item) => {
                gap = false;
                visit(Piece::ItemStart);
            }
            Event::End(TagEnd::Item) => {
                gap = false;
                visit(Piece::ItemEnd);
            }
            Event::Start(Tag::Emphasis) => content(&mut visit, &mut gap, Piece::EmphasisStart),
            Event::End(TagEnd::Emphasis) => visit(Piece::EmphasisEnd),
            Event::Start(Tag::Strong) => content(&mut visit, &mut gap, Piece::StrongStart),
            Event::End(TagEnd::Strong) => visit(Piece::StrongEnd),
            Event::Start(Tag::Link { dest_url, .. }) => {
                if !dest_url.starts_with("https://") {
                    return Err(MarkupError {
                        offset: range.start,
                        message: format!("link to `{dest_url}`: links must start with https://"),
                    });
                }
                content(&mut visit, &mut gap, Piece::LinkStart(&dest_url));
            }
            Event::End(TagEnd::Link) => visit(Piece::LinkEnd),
            Event::Text(text) => content(&mut visit, &mut gap, Piece::Text(&text)),
            Event::Code(code) => content(&mut visit, &mut gap, Piece::Code(&code)),
            Event::SoftBreak | Event::HardBreak => content(&mut visit, &mut gap, Piece::Break),
            Event::Start(Tag::Paragraph) => {}
            Event::Start(Tag::Heading { .. }) => {
                return Err(refuse("a heading (use the section's `heading` field)"));
            }
            Event::Start(Tag::BlockQuote(_)) => return Err(refuse("a block quote")),
            Event::Start(Tag::CodeBlock(_)) => return Err(refuse("a code block")),
            Event::Start(Tag::Image { .. }) => return Err(refuse("an image")),
            Event::Start(Tag::HtmlBlock) | Event::Html(_) | Event::InlineHtml(_) => {
                return Err(refuse("HTML"));
            }
            Event::Rule => return Err(refuse("a horizontal rule")),
            Event::Start(_) => return Err(refuse("this kind of Markdown")),
            _ => {}
        }
    }
    Ok(())
}

/// Checks body text against the subset without keeping anything.
pub fn check(body: &str) -> Result<(), MarkupError> {
    walk(body, |_| {})
}

/// Parses body text into blocks, refusing anything outside the subset.
pub fn parse(body: &str) -> Result<Vec<Block>, MarkupError> {
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
fn entity_at(body: &str) -> Option<usize> {
    body.match_indices('&').map(|(at, _)| at).find(|&at| {
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
