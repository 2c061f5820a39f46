//! The building blocks of terminal pages: the look, the styles, and a writer of wrapped,
//! styled, escaped lines.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use crate::content::markup::{self, Block, Inline};
use crate::render::wrap::{Span, wrap_into};

/// How output should look: its width in columns and whether to style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    /// Columns to wrap at.
    pub width: usize,
    /// Whether to write styles (escape sequences).
    pub color: bool,
    /// Plain for the accessible mode: no decorative rules, which a screen reader would read
    /// out character by character.
    pub plain: bool,
}

/// The few styles numb uses; calm on purpose.
pub struct Styles;

impl Styles {
    /// Page titles.
    pub fn title() -> Style {
        Style::new().bold()
    }
    /// Section headings.
    pub fn heading() -> Style {
        Style::new().bold().fg_color(Some(AnsiColor::Cyan.into()))
    }
    /// Summaries and gentle asides.
    pub fn quiet() -> Style {
        Style::new().italic()
    }
    /// numb commands the reader can type.
    pub fn command() -> Style {
        Style::new().fg_color(Some(AnsiColor::Cyan.into()))
    }
    /// Link text and addresses.
    pub fn link() -> Style {
        Style::new().underline()
    }
    /// Dates, sources and other small print.
    pub fn dim() -> Style {
        Style::new().dimmed()
    }
    /// The content-note label.
    pub fn note() -> Style {
        Style::new().fg_color(Some(AnsiColor::Yellow.into()))
    }
}

/// The start of a list item.
pub const BULLET: &str = "  • ";
/// The indent of a list item's later lines.
pub const HANG: &str = "    ";

/// `text` in `style` when colour is on.
pub fn paint(text: &str, style: Style, color: bool) -> String {
    if color {
        format!("{style}{text}{style:#}")
    } else {
        text.to_string()
    }
}

/// Writes lines of wrapped text.
pub struct Page<'w, W: Write> {
    /// Where the lines go.
    pub out: &'w mut W,
    /// Width and colour.
    pub look: Look,
}

impl<'w, W: Write> Page<'w, W> {
    /// A page writing to `out` with this look.
    pub fn new(out: &'w mut W, look: Look) -> Self {
        Page { out, look }
    }

    /// Wrapped lines, the first starting with `first`, the rest with `rest`.
    pub fn lines(&mut self, spans: &[Span], first: &str, rest: &str) -> io::Result<()> {
        // Room for the words, the indents and a few styles: the buffer rarely has to grow.
        let words: usize = spans.iter().map(|s| s.text.len()).sum();
        let mut text = String::with_capacity(words + words / 4 + first.len() + 64);
        wrap_into(
            &mut text,
            spans,
            self.look.width,
            first,
            rest,
            self.look.color,
        );
        self.out.write_all(text.as_bytes())
    }

    /// A paragraph.
    pub fn para(&mut self, spans: &[Span]) -> io::Result<()> {
        self.lines(spans, "", "")
    }

    /// An empty line.
    pub fn blank(&mut self) -> io::Result<()> {
        writeln!(self.out)
    }

    pub fn heading(&mut self, text: &str) -> io::Result<()> {
        self.blank()?;
        self.para(&[Span::new(text, Styles::heading())])?;
        self.blank()
    }

    /// Body text in the Markdown subset (already checked at load).
    pub fn body(&mut self, text: &str) -> io::Result<()> {
        self.blocks(&markup::parse(text).unwrap_or_default())
    }

    /// Body text already parsed into blocks.
    pub fn blocks(&mut self, blocks: &[Block]) -> io::Result<()> {
        for (i, block) in blocks.iter().enumerate() {
            if i > 0 {
                self.blank()?;
            }
            match block {
                Block::Paragraph(run) => self.para(&spans(run, Style::new()))?,
                Block::List(items) => {
                    for item in items {
                        self.lines(&spans(item, Style::new()), BULLET, HANG)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// A bulleted list of short fields in the inline subset.
    pub fn bullets<'a>(&mut self, items: impl IntoIterator<Item = &'a str>) -> io::Result<()> {
        for item in items {
            self.lines(&inline_spans(item), BULLET, HANG)?;
        }
        Ok(())
    }
}

/// Styled spans for inline text.
pub fn spans(run: &[Inline], base: Style) -> Vec<Span<'_>> {
    let mut out = Vec::new();
    for inline in run {
        match inline {
            Inline::Text(t) => out.push(Span::new(t.as_str(), base)),
            Inline::SoftBreak => out.push(Span::new(" ", base)),
            Inline::Code(c) => out.push(Span::whole(c.as_str(), Styles::command())),
            Inline::Emphasis(inner) => out.extend(spans(inner, base.italic())),
            Inline::Strong(inner) => out.extend(spans(inner, base.bold())),
            Inline::Link { text, url } => {
                out.extend(spans(text, base.underline()));
                out.push(Span::new(format!(" ({url})"), Styles::dim()));
            }
        }
    }
    out
}

/// Styled spans for a short field that may use inline markup (key points, the support line).
pub fn inline_spans(text: &str) -> Vec<Span<'_>> {
    match markup::parse(text).ok().as_deref() {
        // Plain words (most such fields): the span borrows the text itself.
        Some([Block::Paragraph(run)]) if matches!(run.as_slice(), [Inline::Text(t)] if t == text) =>
        {
            vec![Span::new(text, Style::new())]
        }
        // Else the spans own their words: the parsed blocks end here.
        Some([Block::Paragraph(run)]) => spans(run, Style::new())
            .into_iter()
            .map(|s| Span {
                text: s.text.into_owned().into(),
                ..s
            })
            .collect(),
        _ => vec![Span::new(text, Style::new())],
    }
}

/// A help line's contact (`Call 13 11 14, or text 0477 13 11 14`) as spans in `style`, each
/// phone number a span kept whole: a number split over two lines is easy to misdial. A number
/// starts with a digit (or `*` or `+` before one) and runs on over digits, and over single
/// spaces and hyphens between digits (`1-800-891-4416`, `0800 111 0 111`).
pub fn contact_spans(text: &str, style: Style) -> Vec<Span<'_>> {
    let bytes = text.as_bytes();
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let mut spans = Vec::new();
    let (mut from, mut i) = (0, 0);
    while i < bytes.len() {
        let starts = digit(i) || (matches!(bytes[i], b'*' | b'+') && digit(i + 1));
        if !starts || (i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while digit(i) || (matches!(bytes.get(i), Some(b' ' | b'-')) && digit(i + 1)) {
            i += 1;
        }
        if text[start..i].contains([' ', '-']) {
            if from < start {
                spans.push(Span::new(&text[from..start], style));
            }
            spans.push(Span::whole(&text[start..i], style));
            from = i;
        }
    }
    if from < text.len() || spans.is_empty() {
        spans.push(Span::new(&text[from..], style));
    }
    spans
}
