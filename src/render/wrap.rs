//! Wrapping styled text to a width: words keep their styles, lines never exceed the width.

use std::borrow::Cow;
use std::fmt::Write as _;

use anstyle::Style;
use textwrap::core::{Fragment, display_width};
use textwrap::wrap_algorithms::wrap_first_fit;

use super::sanitize::escaped;

/// A run of text with one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The text (may contain spaces; it is split into words when wrapped).
    pub text: String,
    /// How it looks on a colour terminal.
    pub style: Style,
    /// Keep the span on one line when it fits (commands someone may copy).
    pub whole: bool,
}

impl Span {
    /// A span of text in a style.
    pub fn new(text: impl Into<String>, style: Style) -> Self {
        Span {
            text: text.into(),
            style,
            whole: false,
        }
    }

    /// A span that is only broken when it is wider than a whole line, such as a command.
    pub fn whole(text: impl Into<String>, style: Style) -> Self {
        Span {
            whole: true,
            ..Span::new(text, style)
        }
    }
}

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

/// True for whitespace where a line may break; no-break spaces keep `116 123` together.
fn breaks(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

/// Splits spans into words at whitespace, keeping styles; control characters are escaped.
fn words(spans: &[Span]) -> Words<'_> {
    let mut words = Words::default();
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
        let mut rest = span.text.as_str();
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

/// Where the word at the start of `text` ends (the first break, or the end), and whether it
/// is all printable ASCII. One pass over the bytes: most words are plain ASCII.
fn word_end(text: &str) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut printable_ascii = true;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            // The ASCII characters `char::is_whitespace` knows, vertical tab included.
            if b.is_ascii_whitespace() || b == 0x0b {
                return (i, printable_ascii);
            }
            printable_ascii &= (0x20..0x7f).contains(&b);
            i += 1;
        } else {
            let Some(ch) = text[i..].chars().next() else {
                break;
            };
            if breaks(ch) {
                return (i, printable_ascii);
            }
            printable_ascii = false;
            i += ch.len_utf8();
        }
    }
    (text.len(), printable_ascii)
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
    let mut line_pieces: Vec<(&str, Style)> = Vec::new();
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
            let mut out = String::from(indent);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Vec<Span> {
        vec![Span::new(text, Style::new())]
    }

    #[test]
    fn wraps_at_word_boundaries_with_indents() {
        let lines = wrap(&plain("one two three four five six"), 12, "- ", "  ", false);
        assert_eq!(lines, vec!["- one two", "  three four", "  five six"]);
    }

    #[test]
    fn keeps_punctuation_with_a_styled_word() {
        let bold = Style::new().bold();
        let spans = vec![
            Span::new("a ", Style::new()),
            Span::new("word", bold),
            Span::new(", then more", Style::new()),
        ];
        assert_eq!(wrap(&spans, 80, "", "", false), vec!["a word, then more"]);
        let styled = wrap(&spans, 80, "", "", true);
        assert_eq!(styled, vec!["a \x1b[1mword\x1b[0m, then more"]);
        let heading = wrap(&[Span::new("two words", bold)], 80, "", "", true);
        assert_eq!(heading, vec!["\x1b[1mtwo words\x1b[0m"]);
    }

    #[test]
    fn breaks_words_longer_than_the_line() {
        let lines = wrap(
            &plain("https://example.org/a/very/long/path"),
            10,
            "",
            "",
            false,
        );
        assert!(lines.iter().all(|l| display_width(l) <= 10), "{lines:?}");
        assert_eq!(lines.concat(), "https://example.org/a/very/long/path");
    }

    #[test]
    fn escapes_control_characters_before_measuring() {
        let lines = wrap(&plain("red \x1b[31m text"), 80, "", "", false);
        assert_eq!(lines, vec!["red \\x1b[31m text"]);
    }

    #[test]
    fn no_break_spaces_hold_words_together() {
        let lines = wrap(&plain("Call 116\u{a0}123 now"), 10, "", "", false);
        assert_eq!(lines, vec!["Call", "116\u{a0}123", "now"]);
    }

    #[test]
    fn whole_spans_stay_on_one_line_when_they_fit() {
        let spans = vec![
            Span::new("read more with ", Style::new()),
            Span::whole("numb learn when-to-seek-help", Style::new()),
            Span::new(", any time.", Style::new()),
        ];
        for width in 29..60 {
            let lines = wrap(&spans, width, "", "", false);
            assert!(
                lines
                    .iter()
                    .any(|l| l.contains("numb learn when-to-seek-help,")),
                "{width}: {lines:?}"
            );
            assert!(lines.iter().all(|l| display_width(l) <= width));
        }
        let narrow = wrap(&spans, 20, "", "", false);
        assert!(narrow.iter().all(|l| display_width(l) <= 20), "{narrow:?}");
    }

    #[test]
    fn wide_characters_count_as_two_columns() {
        let lines = wrap(&plain("感情 感情 感情"), 9, "", "", false);
        assert!(lines.iter().all(|l| display_width(l) <= 9), "{lines:?}");
    }

    /// The byte scan finds the same word ends as `find(breaks)`, and knows printable ASCII.
    #[test]
    fn word_end_agrees_with_the_char_definition() {
        let samples = [
            "plain words",
            "tab\there",
            "vt\u{b}x",
            "ff\u{c}x",
            "nel\u{85}x",
            "nbsp\u{a0}kept",
            "ideo\u{3000}space",
            "caf\u{e9} au",
            "\x1bcontrol",
            "\u{7f}del",
            "",
            "end",
            "\u{2007}figure",
            "line\u{2028}sep",
            "\u{202e}bidi x",
        ];
        for text in samples {
            let expected = text.find(breaks).unwrap_or(text.len());
            let (end, printable) = word_end(text);
            assert_eq!(end, expected, "{text:?}");
            let word = &text[..end];
            assert_eq!(
                printable,
                word.bytes().all(|b| (0x20..0x7f).contains(&b)),
                "{text:?}"
            );
        }
    }
}
