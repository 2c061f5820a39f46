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

/// Parses body text, refusing anything outside the subset.
pub fn parse(body: &str) -> Result<Vec<Block>, MarkupError> {
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
    let mut blocks = Vec::new();
    // Inline runs being built: the innermost open span is last.
    let mut stack: Vec<Vec<Inline>> = Vec::new();
    let mut links: Vec<String> = Vec::new();
    let mut items: Option<Vec<Vec<Inline>>> = None;
    let mut list_depth = 0usize;

    for (event, range) in Parser::new_ext(body, Options::empty()).into_offset_iter() {
        let refuse = |what: &str| MarkupError {
            offset: range.start,
            message: format!("{what} is not part of numb's Markdown subset"),
        };
        match event {
            // Inside a list item the item's own run collects the words.
            Event::Start(Tag::Paragraph) if items.is_none() => stack.push(Vec::new()),
            Event::Start(Tag::Paragraph) => {}
            Event::End(TagEnd::Paragraph) => {
                if items.is_none() {
                    blocks.push(Block::Paragraph(stack.pop().unwrap_or_default()));
                } else if let Some(run) = stack.last_mut() {
                    // A loose list item: keep its paragraphs apart with a break.
                    run.push(Inline::SoftBreak);
                }
            }
            Event::Start(Tag::List(first)) => {
                list_depth += 1;
                if list_depth > 1 {
                    return Err(refuse("a nested list"));
                }
                if first.is_some() {
                    return Err(refuse("a numbered list (use `- ` items)"));
                }
                items = Some(Vec::new());
            }
            Event::End(TagEnd::List(_)) => {
                list_depth -= 1;
                blocks.push(Block::List(items.take().unwrap_or_default()));
            }
            Event::Start(Tag::Item) => stack.push(Vec::new()),
            Event::End(TagEnd::Item) => {
                let mut run = stack.pop().unwrap_or_default();
                while run.last() == Some(&Inline::SoftBreak) {
                    run.pop();
                }
                if let Some(items) = items.as_mut() {
                    items.push(run);
                }
            }
            Event::Start(Tag::Emphasis | Tag::Strong) => stack.push(Vec::new()),
            Event::End(TagEnd::Emphasis) => close(&mut stack, Inline::Emphasis),
            Event::End(TagEnd::Strong) => close(&mut stack, Inline::Strong),
            Event::Start(Tag::Link { dest_url, .. }) => {
                if !dest_url.starts_with("https://") {
                    return Err(MarkupError {
                        offset: range.start,
                        message: format!("link to `{dest_url}`: links must start with https://"),
                    });
                }
                links.push(dest_url.to_string());
                stack.push(Vec::new());
            }
            Event::End(TagEnd::Link) => {
                let url = links.pop().unwrap_or_default();
                close(&mut stack, |text| Inline::Link { text, url });
            }
            Event::Text(text) => push(&mut stack, Inline::Text(text.to_string())),
            Event::Code(code) => push(&mut stack, Inline::Code(code.to_string())),
            Event::SoftBreak | Event::HardBreak => push(&mut stack, Inline::SoftBreak),
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
