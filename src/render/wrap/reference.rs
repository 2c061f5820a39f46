//! The wrapper numb used before the one-pass wrapper: textwrap's first fit over a list of
//! words. Kept for the tests only, as the reference the one-pass wrapper must agree with
//! byte for byte.

use std::borrow::Cow;
use std::fmt::Write as _;

use anstyle::Style;
use textwrap::core::{Fragment, display_width};
use textwrap::wrap_algorithms::wrap_first_fit;

use super::{Span, breaks, word_end};
use crate::sanitize::escaped;

/// A piece of a word: text without breaks, escaped, in one style.
type Piece<'a> = (Cow<'a, str>, Style);

/// A word: a run of styled pieces (by place in the list of pieces), with or without a space
/// after it. Words borrow their text from the spans, so wrapping a page allocates per line,
/// not per word.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    width: usize,
    space_after: bool,
}

impl Fragment for Word {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        if self.space_after { 1.0 } else { 0.0 }
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Splits spans into words at whitespace, keeping styles; control characters are escaped.
fn words<'a>(spans: &'a [Span<'a>]) -> Words<'a> {
    // About one word in six bytes of text: enough room that the lists rarely grow.
    let bytes: usize = spans.iter().map(|s| s.text.len()).sum();
    let mut words = Words {
        words: Vec::with_capacity(bytes / 6 + 1),
        pieces: Vec::with_capacity(bytes / 6 + spans.len()),
        joined: false,
    };
    for span in spans {
        if span.whole {
            // One piece with its inner spaces; spaces around it still separate words.
            let inner = span.text.trim_matches(breaks);
            if inner.is_empty() {
                words.space();
                continue;
            }
            if span.text.starts_with(breaks) {
                words.space();
            }
            let inner: Vec<&str> = inner.split(breaks).filter(|w| !w.is_empty()).collect();
            words.piece(Cow::Owned(inner.join(" ")), span.style);
            if span.text.ends_with(breaks) {
                words.space();
            }
            continue;
        }
        let mut rest: &str = &span.text;
        while !rest.is_empty() {
            let ws = rest.len() - rest.trim_start_matches(breaks).len();
            if ws > 0 {
                words.space();
                rest = &rest[ws..];
                continue;
            }
            let (end, printable_ascii) = word_end(rest);
            let word = &rest[..end];
            if printable_ascii {
                // Nothing to escape, one column a byte: no need to look again.
                words.piece_measured(Cow::Borrowed(word), end, span.style);
            } else {
                words.piece(Cow::Borrowed(word), span.style);
            }
            rest = &rest[end..];
        }
    }
    words
}

/// Words being built: a piece right after another (no space between) joins its word.
#[derive(Default)]
struct Words<'a> {
    words: Vec<Word>,
    pieces: Vec<Piece<'a>>,
    joined: bool,
}

impl<'a> Words<'a> {
    /// Whitespace: the word before ends here.
    fn space(&mut self) {
        if let Some(last) = self.words.last_mut() {
            last.space_after = true;
        }
        self.joined = false;
    }

    /// Text without breaks, escaped and measured.
    fn piece(&mut self, text: Cow<'a, str>, style: Style) {
        let piece = match text {
            Cow::Borrowed(text) => escaped(text),
            Cow::Owned(text) => Cow::Owned(escaped(&text).into_owned()),
        };
        self.piece_escaped(piece, style);
    }

    /// The same words with every word wider than `width` cut into pieces that fit.
    fn break_long(self, width: usize) -> Self {
        if self.words.iter().all(|w| w.width <= width) {
            return self;
        }
        let mut out = Words::default();
        for word in &self.words {
            if word.width <= width {
                out.joined = false;
                for (text, style) in &self.pieces[word.start..word.end] {
                    out.piece_escaped(text.clone(), *style);
                }
                out.space_after(word.space_after);
                continue;
            }
            // Character by character: a new word whenever the next one would not fit.
            out.joined = false;
            let mut used = 0;
            for (text, style) in &self.pieces[word.start..word.end] {
                let mut chunk = String::new();
                for ch in text.chars() {
                    let w = display_width(ch.encode_utf8(&mut [0; 4]));
                    if used + w > width && used > 0 {
                        if !chunk.is_empty() {
                            out.piece_escaped(Cow::Owned(std::mem::take(&mut chunk)), *style);
                        }
                        out.joined = false;
                        used = 0;
                    }
                    chunk.push(ch);
                    used += w;
                }
                if !chunk.is_empty() {
                    out.piece_escaped(Cow::Owned(chunk), *style);
                }
            }
            out.space_after(word.space_after);
        }
        out
    }

    /// A piece already escaped, measured.
    fn piece_escaped(&mut self, piece: Cow<'a, str>, style: Style) {
        let width = display_width(&piece);
        self.piece_measured(piece, width, style);
    }

    /// A piece already escaped, `width` columns wide.
    fn piece_measured(&mut self, piece: Cow<'a, str>, width: usize, style: Style) {
        self.pieces.push((piece, style));
        let end = self.pieces.len();
        match self.words.last_mut() {
            Some(last) if self.joined => {
                last.width += width;
                last.end = end;
            }
            _ => self.words.push(Word {
                start: end - 1,
                end,
                width,
                space_after: false,
            }),
        }
        self.joined = true;
    }

    /// Ends the current word, with a space after it or not.
    fn space_after(&mut self, space: bool) {
        if let Some(last) = self.words.last_mut() {
            last.space_after = space;
        }
        self.joined = false;
    }
}

/// Wraps spans to `width` columns. The first line starts with `first`, the rest with `rest`
/// (both plain text). Returns finished lines, styled when `color` is true.
pub fn wrap(spans: &[Span], width: usize, first: &str, rest: &str, color: bool) -> Vec<String> {
    let first_w = display_width(first);
    let rest_w = display_width(rest);
    let room = width.saturating_sub(first_w.max(rest_w)).max(1);
    let Words { words, pieces, .. } = words(spans).break_long(room);
    let widths = [
        width.saturating_sub(first_w).max(1) as f64,
        width.saturating_sub(rest_w).max(1) as f64,
    ];
    // First fit: each line takes as many words as fit. (Optimal fit gave slightly more even
    // lines at about a third of a millisecond per page, which `numb learn` cannot spare.)
    let lines = wrap_first_fit(&words, &widths);
    let mut line_pieces: Vec<(&str, Style)> = Vec::with_capacity(width / 2 + 1);
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            line_pieces.clear();
            for (j, word) in line.iter().enumerate() {
                let own = &pieces[word.start..word.end];
                line_pieces.extend(own.iter().map(|(text, style)| (text.as_ref(), *style)));
                if word.space_after && j + 1 < line.len() {
                    // A space between two words of one style takes that style.
                    let before = own.last().map(|p| p.1);
                    let after = pieces.get(line[j + 1].start).map(|p| p.1);
                    let style = if before == after {
                        before.unwrap_or_default()
                    } else {
                        Style::new()
                    };
                    line_pieces.push((" ", style));
                }
            }
            let indent = if i == 0 { first } else { rest };
            // Room for the text and, with colour, a start and end sequence per piece.
            let text: usize = line_pieces.iter().map(|p| p.0.len()).sum();
            let styles = if color { line_pieces.len() * 16 } else { 0 };
            let mut out = String::with_capacity(indent.len() + text + styles);
            out.push_str(indent);
            paint_runs(&mut out, &line_pieces, color);
            out
        })
        .collect()
}

/// Writes pieces to `out`, opening and closing a style once per run of equal styles.
fn paint_runs(out: &mut String, pieces: &[(&str, Style)], color: bool) {
    let mut i = 0;
    while i < pieces.len() {
        let style = pieces[i].1;
        let start = i;
        while i < pieces.len() && pieces[i].1 == style {
            i += 1;
        }
        let painted = color && style != Style::new();
        if painted {
            let _ = write!(out, "{style}");
        }
        pieces[start..i].iter().for_each(|p| out.push_str(p.0));
        if painted {
            let _ = write!(out, "{style:#}");
        }
    }
}
