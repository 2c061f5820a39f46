//! Wrapping styled text to a width: words keep their styles, lines never exceed the width.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::ops::Range;

use anstyle::Style;
use textwrap::core::display_width;

use super::sanitize::escaped;

#[cfg(test)]
mod reference;

/// A run of text with one style. It borrows its text where it can: a page's words are not
/// copied to be wrapped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span<'a> {
    /// The text (may contain spaces; it is split into words when wrapped).
    pub text: Cow<'a, str>,
    /// How it looks on a colour terminal.
    pub style: Style,
    /// Keep the span on one line when it fits (commands someone may copy).
    pub whole: bool,
}

impl<'a> Span<'a> {
    /// A span of text in a style.
    pub fn new(text: impl Into<Cow<'a, str>>, style: Style) -> Self {
        Span {
            text: text.into(),
            style,
            whole: false,
        }
    }

    /// A span that is only broken when it is wider than a whole line, such as a command.
    pub fn whole(text: impl Into<Cow<'a, str>>, style: Style) -> Self {
        Span {
            whole: true,
            ..Span::new(text, style)
        }
    }
}

/// True for whitespace where a line may break; no-break spaces keep `116 123` together.
fn breaks(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
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

/// How many bytes of breaking whitespace `text` starts with. Spaces and line breaks (nearly
/// all of it) are counted byte by byte; from any other whitespace on, [`breaks`] decides.
fn space_end(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b' ' || b == b'\n' {
            i += 1;
        } else if b.is_ascii() && !(b.is_ascii_whitespace() || b == 0x0b) {
            return i;
        } else {
            return i + (text.len() - i - text[i..].trim_start_matches(breaks).len());
        }
    }
    i
}

/// A piece of a word: text without breaks, escaped, measured, in one style.
struct Piece<'a> {
    text: Cow<'a, str>,
    width: usize,
    style: Style,
}

impl Piece<'_> {
    /// A piece of text made here (escaped already), measured.
    fn owned(text: String, style: Style) -> Self {
        Piece {
            width: display_width(&text),
            text: Cow::Owned(text),
            style,
        }
    }
}

/// Wraps spans to `width` columns. The first line starts with `first`, the rest with `rest`
/// (both plain text). Returns finished lines, styled when `color` is true.
pub fn wrap(spans: &[Span], width: usize, first: &str, rest: &str, color: bool) -> Vec<String> {
    let mut lines = Vec::new();
    wrap_each(spans, width, first, rest, color, |line| {
        lines.push(line.to_string())
    });
    lines
}

/// Wraps spans as [`wrap`] does, appending each line and a line break to `out`: one buffer
/// for a whole paragraph instead of a string a line. Plain ASCII text without colour (most
/// of a page piped or read without colour) takes a one-pass path that writes straight into
/// `out`.
pub fn wrap_into(
    out: &mut String,
    spans: &[Span],
    width: usize,
    first: &str,
    rest: &str,
    color: bool,
) {
    let widths = room(width, first, rest);
    if !color {
        let before = out.len();
        if ascii_lines_into(out, spans, widths, first, rest).is_some() {
            return;
        }
        out.truncate(before);
        if plain_into(out, spans, widths, first, rest).is_some() {
            return;
        }
        // Something the plain path does not handle: start again on the full path.
        out.truncate(before);
    }
    wrap_each(spans, width, first, rest, color, |line| {
        out.push_str(line);
        out.push('\n');
    });
}

/// Room for words on the first line and on the others: at least one column each.
fn room(width: usize, first: &str, rest: &str) -> [usize; 2] {
    [
        width.saturating_sub(display_width(first)).max(1),
        width.saturating_sub(display_width(rest)).max(1),
    ]
}

/// The wrapper: one pass over the text. Each word is measured as it is found and placed
/// first fit: on the current line when it fits, else on a new one (a word alone on a line
/// always stays). Words wider than any line are cut where a character would not fit.
fn wrap_each(
    spans: &[Span],
    width: usize,
    first: &str,
    rest: &str,
    color: bool,
    sink: impl FnMut(&str),
) {
    let widths = room(width, first, rest);
    let mut lines = Lines {
        sink,
        line: String::with_capacity(first.len() + width + 32),
        rest,
        widths,
        room: widths[0].min(widths[1]),
        color,
        done: 0,
        used: 0,
        empty: true,
        space: false,
        last: Style::new(),
        open: Style::new(),
    };
    lines.line.push_str(first);
    // The word being read: its pieces (a word may change style inside, as in "**word**,").
    let mut word: Vec<Piece<'_>> = Vec::with_capacity(4);
    for span in spans {
        if span.whole {
            // One piece with its inner spaces; spaces around it still separate words.
            let inner = span.text.trim_matches(breaks);
            if inner.is_empty() || span.text.starts_with(breaks) {
                lines.word(&mut word, true);
            }
            if inner.is_empty() {
                continue;
            }
            let inner: Vec<&str> = inner.split(breaks).filter(|w| !w.is_empty()).collect();
            let text = inner.join(" ");
            word.push(Piece::owned(escaped(&text).into_owned(), span.style));
            if span.text.ends_with(breaks) {
                lines.word(&mut word, true);
            }
            continue;
        }
        let mut rest: &str = &span.text;
        while !rest.is_empty() {
            let ws = space_end(rest);
            if ws > 0 {
                lines.word(&mut word, true);
                rest = &rest[ws..];
                continue;
            }
            let (end, printable_ascii) = word_end(rest);
            let text = &rest[..end];
            if printable_ascii && word.is_empty() && end < rest.len() && end <= lines.room {
                // The common case: a whole plain word with a space after it in this span.
                // Placed as it is, without gathering pieces.
                let piece = Piece {
                    text: Cow::Borrowed(text),
                    width: end,
                    style: span.style,
                };
                lines.place(std::slice::from_ref(&piece), end, true);
                rest = &rest[end..];
                rest = &rest[space_end(rest)..];
                continue;
            }
            word.push(if printable_ascii {
                // Nothing to escape, one column a byte: no need to look again.
                Piece {
                    text: Cow::Borrowed(text),
                    width: end,
                    style: span.style,
                }
            } else {
                let text = escaped(text);
                Piece {
                    width: display_width(&text),
                    text,
                    style: span.style,
                }
            });
            rest = &rest[end..];
        }
    }
    lines.word(&mut word, false);
    lines.finish();
}

/// The quickest path, for plain text that is printable ASCII words one space apart (most
/// paragraphs of an English page, whatever their spans: styles are not written without
/// colour). Every character is one column, so first fit is a cut a line: at the last space
/// within the room. `None` for any other text, a span kept whole, or a word wider than a line
/// (with `out` partly written): the plain path does those.
fn ascii_lines_into(
    out: &mut String,
    spans: &[Span],
    widths: [usize; 2],
    first: &str,
    rest: &str,
) -> Option<()> {
    let joined;
    let text: &str = match spans {
        [one] if !one.whole => &one.text,
        _ if spans.iter().any(|span| span.whole) => return None,
        _ => {
            joined = spans.iter().map(|span| &*span.text).collect::<String>();
            &joined
        }
    };
    let bytes = text.as_bytes();
    if !single_spaced_ascii(bytes) {
        return None;
    }
    // A word wider than the narrower room is cut, even where a line would hold it. With both
    // rooms alike (nearly always), the cut below finds such a word itself.
    let narrowest = widths[0].min(widths[1]);
    if widths[0] != widths[1] && text.split(' ').any(|word| word.len() > narrowest) {
        return None;
    }
    out.push_str(first);
    let (mut start, mut room) = (0, widths[0]);
    while bytes.len() - start > room {
        // The line ends at the last space among the room's columns and the one after them.
        let end = start
            + bytes
                .get(start..=start + room)?
                .iter()
                .rposition(|&b| b == b' ')?;
        out.push_str(text.get(start..end)?);
        out.push('\n');
        out.push_str(rest);
        (start, room) = (end + 1, widths[1]);
    }
    out.push_str(text.get(start..)?);
    out.push('\n');
    Some(())
}

/// True when `bytes` is printable ASCII words one space apart: no other byte, and no space at
/// the start, at the end or next to another. Eight bytes at a time; every mark is exact (the
/// sums stay within each byte).
fn single_spaced_ascii(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    const LOW: u64 = u64::from_ne_bytes([0x7f; 8]);
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut chunks = bytes.chunks_exact(8);
    // Whether the byte before this chunk was a space.
    let mut space_before = false;
    for chunk in &mut chunks {
        let mut eight = [0; 8];
        eight.copy_from_slice(chunk);
        let x = u64::from_le_bytes(eight);
        let low = x & LOW;
        // High bits: at least 0x20 in the low seven bits; 0x7f in them; the byte's own.
        let at_least_space = (low + 0x60 * ONES) & HIGH;
        let delete = (low + ONES) & HIGH;
        if (x & HIGH) | (!at_least_space & HIGH) | delete != 0 {
            return false;
        }
        let other = x ^ (0x20 * ONES);
        let spaces = !(((other & LOW) + LOW) | other | LOW);
        if spaces & (spaces << 8) != 0 || (space_before && spaces & 0x80 != 0) {
            return false;
        }
        space_before = spaces >> 56 != 0;
    }
    for &b in chunks.remainder() {
        if !(0x20..0x7f).contains(&b) || (space_before && b == b' ') {
            return false;
        }
        space_before = b == b' ';
    }
    true
}

/// True for a byte where a line may break: the ASCII whitespace `char::is_whitespace` knows,
/// vertical tab included.
fn ascii_break(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// First fit for plain text without colour, in one pass, straight into `out`: the same
/// lines as the full path. Styles are not written without colour, so the spans read as one
/// text; a word may run on from one span into the next, as in `**word**,`, and a span to keep
/// whole is one word. Gives up (`None`, with `out` partly written) at a character that is
/// neither printable ASCII, nor a break, nor one of [`plain_char`]'s, or at a word too wide
/// for a line (it must be cut): the full path does those.
fn plain_into(
    out: &mut String,
    spans: &[Span],
    widths: [usize; 2],
    first: &str,
    rest: &str,
) -> Option<()> {
    let mut line = PlainLine {
        room: widths[0],
        next_room: widths[1],
        narrowest: widths[0].min(widths[1]),
        rest,
        used: 0,
        words: false,
        waiting: 0..0,
    };
    // The word being read: a slice of one span, or (running across spans) gathered in
    // `spill`; and its width in columns.
    let mut word = "";
    let mut spill = String::new();
    let mut cols = 0;
    out.push_str(first);
    for span in spans {
        if span.whole {
            // Kept whole (a command): one word, one space for each run of breaks inside it,
            // that runs on from the word before and into the next unless a break parts them.
            let inner = span.text.trim_matches(breaks);
            if inner.is_empty() || span.text.starts_with(breaks) {
                line.place(out, "", if spill.is_empty() { word } else { &spill }, cols)?;
                spill.clear();
                (word, cols) = ("", 0);
            }
            if inner.is_empty() {
                continue;
            }
            if spill.is_empty() {
                spill.push_str(word);
                word = "";
            }
            let parts = inner.split(|c: char| c.is_ascii() && ascii_break(c as u8));
            for (n, part) in parts.filter(|part| !part.is_empty()).enumerate() {
                if n > 0 {
                    spill.push(' ');
                    cols += 1;
                }
                for ch in part.chars() {
                    if !(ch.is_ascii_graphic() || plain_char(ch)) {
                        return None;
                    }
                    cols += 1;
                }
                spill.push_str(part);
            }
            if span.text.ends_with(breaks) {
                line.place(out, "", &spill, cols)?;
                spill.clear();
                cols = 0;
            }
            continue;
        }
        let (text, bytes) = (&*span.text, span.text.as_bytes());
        // Where the word being read starts in this span, when it started in this span.
        let mut here = None;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if ascii_break(b) {
                match here.take() {
                    Some(start) => line.place_run(out, text, start..i, cols)?,
                    None if spill.is_empty() => line.place(out, text, word, cols)?,
                    None => line.place(out, text, &spill, cols)?,
                }
                spill.clear();
                (word, cols) = ("", 0);
                i += 1;
                continue;
            }
            // A run of the word: printable ASCII but a space (0x21 to 0x7e), one column a
            // byte, and the letters and marks of [`plain_char`], one column each.
            let start = i;
            loop {
                // Eight bytes at a time while they are all printable ASCII but a space.
                let ascii = printable_ascii_prefix(&bytes[i..]);
                i += ascii;
                cols += ascii;
                match bytes.get(i) {
                    Some(b) if b.wrapping_sub(0x21) < 0x5e => {
                        i += 1;
                        cols += 1;
                    }
                    Some(&b) if b >= 0x80 => {
                        let ch = text[i..].chars().next()?;
                        if !plain_char(ch) {
                            return None;
                        }
                        i += ch.len_utf8();
                        cols += 1;
                    }
                    Some(&b) if !ascii_break(b) => return None,
                    _ => break,
                }
            }
            let run = &text[start..i];
            if word.is_empty() && spill.is_empty() {
                word = run;
                here = Some(start);
            } else {
                if spill.is_empty() {
                    spill.push_str(word);
                }
                spill.push_str(run);
                word = "";
            }
        }
        // The words placed from this span go out; a word still open may run on into the
        // next span, as a slice of this one.
        line.flush(out, text);
    }
    let last = if spill.is_empty() { word } else { &spill };
    line.place(out, "", last, cols)?;
    out.push('\n');
    Some(())
}

/// How many bytes `bytes` starts with that are printable ASCII but a space (0x21 to 0x7e),
/// counted eight at a time; it stops within the last eight (the caller goes on a byte at a
/// time). Words are found this way in a page's text without a test a byte.
fn printable_ascii_prefix(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let mut n = 0;
    while let Some(chunk) = bytes.get(n..n + 8) {
        let mut eight = [0; 8];
        eight.copy_from_slice(chunk);
        let x = u64::from_le_bytes(eight);
        // The high bit of each byte below 0x21, or above 0x7e (0x7f and every byte with its
        // high bit set). A borrow or carry can mark a byte above one that is marked rightly,
        // never one below it, so the lowest mark is exact.
        let below = x.wrapping_sub(0x21 * ONES) & !x & HIGH;
        let above = (x.wrapping_add(ONES) | x) & HIGH;
        let marks = below | above;
        if marks != 0 {
            return n + marks.trailing_zeros() as usize / 8;
        }
        n += 8;
    }
    n
}

/// Characters beyond ASCII that the plain path takes as they are: Latin letters with their
/// accents (Spanish, French, German…), the Spanish opening marks, guillemets, curly quotes,
/// dashes, the bullet and the ellipsis. Each is one column wide, printable, and not a place to
/// break (a test holds them to that); anything else goes to the full path.
fn plain_char(ch: char) -> bool {
    matches!(ch, '\u{a1}'..='\u{ac}' | '\u{ae}'..='\u{24f}' | '\u{2013}' | '\u{2014}'
        | '\u{2018}' | '\u{2019}' | '\u{201c}' | '\u{201d}' | '\u{2022}' | '\u{2026}')
}

/// The line [`plain_into`] is filling.
struct PlainLine<'r> {
    /// Room on this line, on the lines after it, and on the narrower of the two.
    room: usize,
    next_room: usize,
    narrowest: usize,
    /// The indent of every line after the first.
    rest: &'r str,
    /// Columns taken by the words placed on this line, with one space between each two.
    used: usize,
    /// Whether a word is on this line.
    words: bool,
    /// Words placed but not written yet: a run of the span being read, exactly as it is to
    /// be written (words one space apart). A page's words are nearly all one space apart,
    /// so a line goes out in one copy instead of a copy a word.
    waiting: Range<usize>,
}

impl PlainLine<'_> {
    /// Writes the words waiting, a run of `text`.
    #[inline(always)]
    fn flush(&mut self, out: &mut String, text: &str) {
        if !self.waiting.is_empty() {
            out.push_str(&text[self.waiting.clone()]);
            self.waiting = 0..0;
        }
    }

    /// Where a word `len` columns wide goes: on this line if it fits (or is the line's
    /// first), else at the start of the next. Writes what must come before it (the words
    /// waiting, then a space or a line break and the indent) unless `run` is one space after
    /// the words waiting in `text`: then they wait together. `None` for a word wider than any
    /// line.
    #[inline(always)]
    fn place_run(
        &mut self,
        out: &mut String,
        text: &str,
        run: Range<usize>,
        len: usize,
    ) -> Option<()> {
        if len == 0 {
            return Some(());
        }
        if len > self.narrowest {
            return None;
        }
        if !self.words {
            self.used = len;
            self.words = true;
        } else if self.used + 1 + len <= self.room {
            self.used += 1 + len;
            if !self.waiting.is_empty()
                && self.waiting.end + 1 == run.start
                && text.as_bytes().get(self.waiting.end) == Some(&b' ')
            {
                self.waiting.end = run.end;
                return Some(());
            }
            self.flush(out, text);
            out.push(' ');
        } else {
            self.flush(out, text);
            out.push('\n');
            out.push_str(self.rest);
            self.room = self.next_room;
            self.used = len;
        }
        self.waiting = run;
        Some(())
    }

    /// Places `word` (not a run of `text`: gathered across spans, or begun in the span
    /// before) as [`Self::place_run`] does, writing it at once.
    #[inline(always)]
    fn place(&mut self, out: &mut String, text: &str, word: &str, len: usize) -> Option<()> {
        if len == 0 {
            return Some(());
        }
        if len > self.narrowest {
            return None;
        }
        self.flush(out, text);
        if !self.words {
            self.used = len;
            self.words = true;
        } else if self.used + 1 + len <= self.room {
            out.push(' ');
            self.used += 1 + len;
        } else {
            out.push('\n');
            out.push_str(self.rest);
            self.room = self.next_room;
            self.used = len;
        }
        out.push_str(word);
        Some(())
    }
}

/// Lines being filled, first fit.
struct Lines<'r, F: FnMut(&str)> {
    /// Where finished lines go.
    sink: F,
    /// The line being filled, its indent first.
    line: String,
    /// The indent of every line after the first.
    rest: &'r str,
    /// Room on the first line, and on the others.
    widths: [usize; 2],
    /// Room on the narrower of the two: a word wider than this is cut.
    room: usize,
    color: bool,
    /// Lines finished.
    done: usize,
    /// Columns taken on this line, with the space after its last word.
    used: usize,
    /// No word on this line yet.
    empty: bool,
    /// The last word on this line had a space after it.
    space: bool,
    /// The style of the last piece on this line.
    last: Style,
    /// The style open in `line` (no style: nothing open).
    open: Style,
}

impl<F: FnMut(&str)> Lines<'_, F> {
    /// Places the word read so far (if any) and empties `word`; `space_after`: whitespace
    /// followed it.
    fn word(&mut self, word: &mut Vec<Piece<'_>>, space_after: bool) {
        if word.is_empty() {
            return;
        }
        let width: usize = word.iter().map(|p| p.width).sum();
        if width <= self.room {
            self.place(word, width, space_after);
        } else {
            self.cut(word, space_after);
        }
        word.clear();
    }

    /// Places a word wider than any line as several, character by character: a new one
    /// whenever the next character would not fit.
    fn cut(&mut self, word: &[Piece<'_>], space_after: bool) {
        let mut part: Vec<Piece<'_>> = Vec::new();
        let mut used = 0;
        for piece in word {
            let mut chunk = String::new();
            for ch in piece.text.chars() {
                // Pieces are escaped already: an ASCII character is a printable one, one column.
                let w = match ch.is_ascii() {
                    true => 1,
                    false => display_width(ch.encode_utf8(&mut [0; 4])),
                };
                if used + w > self.room && used > 0 {
                    if !chunk.is_empty() {
                        part.push(Piece::owned(std::mem::take(&mut chunk), piece.style));
                    }
                    let width = part.iter().map(|p| p.width).sum();
                    self.place(&part, width, false);
                    part.clear();
                    used = 0;
                }
                chunk.push(ch);
                used += w;
            }
            if !chunk.is_empty() {
                part.push(Piece::owned(chunk, piece.style));
            }
        }
        let width = part.iter().map(|p| p.width).sum();
        self.place(&part, width, space_after);
    }

    /// Places one word `width` columns wide: on this line when it fits or the line is empty,
    /// else on the next.
    fn place(&mut self, word: &[Piece<'_>], width: usize, space_after: bool) {
        let (Some(head), Some(tail)) = (word.first(), word.last()) else {
            return;
        };
        let room = self.widths[self.done.min(1)];
        if !self.empty && self.used + width > room {
            self.end_line();
            self.line.push_str(self.rest);
        }
        if !self.empty && self.space {
            // A space between two words of one style takes that style.
            if self.color {
                let style = if self.last == head.style {
                    self.last
                } else {
                    Style::new()
                };
                self.put(" ", style);
            } else {
                self.line.push(' ');
            }
        }
        for piece in word {
            self.put(&piece.text, piece.style);
        }
        self.used += width + usize::from(space_after);
        self.space = space_after;
        self.last = tail.style;
        self.empty = false;
    }

    /// Writes text in a style, opening and closing styles once per run of equal styles.
    fn put(&mut self, text: &str, style: Style) {
        if !self.color {
            self.line.push_str(text);
            return;
        }
        if style != self.open {
            if self.open != Style::new() {
                let _ = write!(self.line, "{:#}", self.open);
            }
            if style != Style::new() {
                let _ = write!(self.line, "{style}");
            }
            self.open = style;
        }
        self.line.push_str(text);
    }

    /// Closes the open style and hands the line on; the next line starts empty.
    fn end_line(&mut self) {
        if self.open != Style::new() {
            let _ = write!(self.line, "{:#}", self.open);
            self.open = Style::new();
        }
        (self.sink)(&self.line);
        self.line.clear();
        self.done += 1;
        self.used = 0;
        self.empty = true;
        self.space = false;
    }

    /// Ends the last line (an empty text still makes one line: its indent).
    fn finish(mut self) {
        self.end_line();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Text that exercises the wrapper: words of many widths, runs of spaces, tabs, no-break
    /// spaces, controls to escape, wide and zero-width characters.
    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                4 => "[a-z]{1,7}",
                1 => "[a-z]{8,30}",
                3 => Just(" ".to_string()),
                1 => Just("  ".to_string()),
                1 => prop::sample::select(vec![
                    "\t", "\u{a0}", "\u{2007}", "\x1b[31m", "\u{7f}", "感情", "e\u{301}", "\u{200b}",
                    "\u{202e}", ",", "\u{3000}", "—", "\n", "\r", "\u{b}", "\u{c}", "\u{85}",
                ])
                .prop_map(str::to_string),
            ],
            0..12,
        )
        .prop_map(|parts| parts.concat())
    }

    fn style() -> impl Strategy<Value = Style> {
        prop::sample::select(vec![
            Style::new(),
            Style::new().bold(),
            Style::new().italic(),
            Style::new().fg_color(Some(anstyle::AnsiColor::Cyan.into())),
        ])
    }

    fn spans() -> impl Strategy<Value = Vec<Span<'static>>> {
        prop::collection::vec(
            (text(), style(), prop::bool::weighted(0.2)).prop_map(|(text, style, whole)| Span {
                text: text.into(),
                style,
                whole,
            }),
            0..6,
        )
    }

    proptest! {
        /// The one-pass wrapper writes exactly what textwrap's first fit over a list of words
        /// wrote (the wrapper numb used before), styles and escapes included.
        #[test]
        fn agrees_with_the_reference_wrapper(
            spans in spans(),
            width in 1usize..50,
            first in prop::sample::select(vec!["", "- ", "  • ", "Note: "]),
            rest in prop::sample::select(vec!["", "  ", "    "]),
            color in any::<bool>(),
        ) {
            let fast = wrap(&spans, width, first, rest, color);
            prop_assert_eq!(&fast, &reference::wrap(&spans, width, first, rest, color));
            let mut into = String::new();
            wrap_into(&mut into, &spans, width, first, rest, color);
            prop_assert_eq!(into, fast.iter().map(|l| format!("{l}\n")).collect::<String>());
        }
    }

    proptest! {
        /// The plain path (no colour, nothing kept whole, ASCII and the characters of
        /// `plain_char`) writes what the reference wrapper writes, words running across
        /// spans included.
        #[test]
        fn the_plain_path_agrees_with_the_reference_wrapper(
            parts in prop::collection::vec(
                ("[a-z,.áéíóúñü¿¡—“”’ÿĀž•…]{0,9}( |  |\t|\n|\u{b})?", style()),
                0..8,
            ),
            width in 1usize..30,
            first in prop::sample::select(vec!["", "- ", "  • ", "Note: "]),
            rest in prop::sample::select(vec!["", "  ", "    "]),
        ) {
            let spans: Vec<Span> = parts.into_iter().map(|(t, s)| Span::new(t, s)).collect();
            let expected = reference::wrap(&spans, width, first, rest, false);
            let mut into = String::from("before\n");
            wrap_into(&mut into, &spans, width, first, rest, false);
            let lines: String = expected.iter().map(|l| format!("{l}\n")).collect();
            prop_assert_eq!(into, format!("before\n{lines}"));
        }
    }

    /// What `wrap_into` writes without colour, and what the reference wrapper's lines make.
    fn plain_and_reference(
        spans: &[Span],
        width: usize,
        first: &str,
        rest: &str,
    ) -> (String, String) {
        let mut into = String::new();
        wrap_into(&mut into, spans, width, first, rest, false);
        let expected = reference::wrap(spans, width, first, rest, false);
        (into, expected.iter().map(|l| format!("{l}\n")).collect())
    }

    proptest! {
        /// Several words a span, one or more breaks apart: the words the plain path lets
        /// wait and writes a line at a time come out as the reference wrapper's.
        #[test]
        fn the_plain_path_agrees_with_the_reference_wrapper_on_runs_of_words(
            parts in prop::collection::vec(
                ("( |\n)?([a-záé,.]{1,7}( |  |\n|\t)){0,7}[a-zñ]{0,5}", style()),
                0..5,
            ),
            width in 1usize..40,
            first in prop::sample::select(vec!["", "- ", "Note: "]),
            rest in prop::sample::select(vec!["", "  "]),
        ) {
            let spans: Vec<Span> = parts.into_iter().map(|(t, s)| Span::new(t, s)).collect();
            let (into, lines) = plain_and_reference(&spans, width, first, rest);
            prop_assert_eq!(into, lines);
        }
    }

    proptest! {
        /// Spans kept whole (commands) among plain words, as a page's "see also" lines and
        /// support pointer have them: the plain path writes what the reference wrapper writes.
        #[test]
        fn the_plain_path_keeps_whole_spans_as_the_reference_wrapper_does(
            parts in prop::collection::vec(
                (
                    "( |\n)?([a-zé,.—]{1,6}( |  |\t)){0,3}[a-z]{0,4}( |\n)?",
                    prop::bool::weighted(0.4),
                ),
                0..6,
            ),
            width in 1usize..30,
            first in prop::sample::select(vec!["", "- "]),
            rest in prop::sample::select(vec!["", "  "]),
        ) {
            let spans: Vec<Span> = (parts.into_iter())
                .map(|(text, whole)| Span { text: text.into(), style: Style::new(), whole })
                .collect();
            let (into, lines) = plain_and_reference(&spans, width, first, rest);
            prop_assert_eq!(into, lines);
        }
    }

    proptest! {
        /// Printable ASCII words one space apart, split into spans anywhere (inside words
        /// too), some wider than a line: the quickest path writes what the reference wrapper
        /// writes.
        #[test]
        fn single_spaced_ascii_agrees_with_the_reference_wrapper(
            words in prop::collection::vec("[!-~]{1,12}", 0..30),
            cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..4),
            width in 1usize..40,
            first in prop::sample::select(vec!["", "- ", "  • ", "Note: "]),
            rest in prop::sample::select(vec!["", "  ", "    "]),
        ) {
            let text = words.join(" ");
            let mut at: Vec<usize> = cuts.iter().map(|c| c.index(text.len() + 1)).collect();
            at.extend([0, text.len()]);
            at.sort_unstable();
            let spans: Vec<Span> = (at.windows(2))
                .map(|w| Span::new(text[w[0]..w[1]].to_string(), Style::new()))
                .collect();
            let (into, lines) = plain_and_reference(&spans, width, first, rest);
            prop_assert_eq!(into, lines);
        }
    }

    #[test]
    fn a_word_wider_than_the_first_lines_room_is_cut_even_where_a_later_line_would_hold_it() {
        // Width 13: the first line has 7 columns after "Note: ", the others 13. The word of
        // 11 on the third line would fit there, but the reference wrapper cuts any word wider
        // than the narrower room, and so must the quickest path (it gives the paragraph up).
        let spans = plain("aaaaaaa bbb ccccccccccc");
        let (into, lines) = plain_and_reference(&spans, 13, "Note: ", "");
        assert_eq!(into, lines);
        assert_eq!(into, "Note: aaaaaaa\nbbb ccccccc\ncccc\n");
    }

    /// What `single_spaced_ascii` must say, a byte at a time.
    fn single_spaced_a_byte_at_a_time(bytes: &[u8]) -> bool {
        bytes.iter().all(|b| (0x20..0x7f).contains(b))
            && bytes.first() != Some(&b' ')
            && bytes.last() != Some(&b' ')
            && !bytes.windows(2).any(|w| w == b"  ")
    }

    #[test]
    fn single_spaced_ascii_refuses_every_other_byte_and_every_double_space_wherever_it_is() {
        for at in 0..21 {
            for byte in 0..=255u8 {
                let mut bytes = *b"ab cd ef gh ij kl mno";
                bytes[at] = byte;
                let (fast, slow) = (
                    single_spaced_ascii(&bytes),
                    single_spaced_a_byte_at_a_time(&bytes),
                );
                assert_eq!(fast, slow, "byte {byte:#04x} at {at}");
                // A space beside it: a double space at every place, chunk edges included.
                for next in [at.wrapping_sub(1), at + 1] {
                    if let Some(b) = bytes.get_mut(next) {
                        *b = b' ';
                        let (fast, slow) = (
                            single_spaced_ascii(&bytes),
                            single_spaced_a_byte_at_a_time(&bytes),
                        );
                        assert_eq!(fast, slow, "byte {byte:#04x} at {at}, a space at {next}");
                    }
                }
            }
        }
    }

    /// What `printable_ascii_prefix` must give: the bytes before the first that is not
    /// printable ASCII but a space, up to the last whole eight.
    fn prefix_a_byte_at_a_time(bytes: &[u8]) -> usize {
        let printable = bytes
            .iter()
            .take_while(|b| (0x21..=0x7e).contains(*b))
            .count();
        printable.min(bytes.len() - bytes.len() % 8)
    }

    #[test]
    fn eight_bytes_at_a_time_stop_at_every_byte_that_is_not_printable_ascii() {
        for at in 0..19 {
            for byte in 0..=255u8 {
                let mut bytes = [b'a'; 19];
                bytes[at] = byte;
                let (fast, slow) = (
                    printable_ascii_prefix(&bytes),
                    prefix_a_byte_at_a_time(&bytes),
                );
                assert_eq!(fast, slow, "byte {byte:#04x} at {at}");
            }
        }
    }

    proptest! {
        /// Borrows and carries between the bytes of a chunk never move the first stop.
        #[test]
        fn eight_bytes_at_a_time_agree_with_one_at_a_time(
            bytes in prop::collection::vec(prop_oneof![4 => 0x21u8..0x7f, 1 => any::<u8>()], 0..40),
        ) {
            prop_assert_eq!(printable_ascii_prefix(&bytes), prefix_a_byte_at_a_time(&bytes));
        }
    }

    fn plain(text: &str) -> Vec<Span<'_>> {
        vec![Span::new(text, Style::new())]
    }

    #[test]
    fn the_plain_paths_own_characters_are_one_column_printable_and_hold_words_together() {
        let all = ('\u{80}'..='\u{3000}').filter(|&c| plain_char(c));
        let mut count = 0;
        for ch in all {
            let text = ch.to_string();
            assert_eq!(display_width(&text), 1, "{ch:?}");
            assert!(!breaks(ch), "{ch:?}");
            assert_eq!(escaped(&text), text, "{ch:?}");
            count += 1;
        }
        assert!(count > 300, "{count}");
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

    /// The byte scans find the same word ends as `find(breaks)` (knowing printable ASCII) and
    /// the same space ends as `trim_start_matches(breaks)`.
    #[test]
    fn word_and_space_ends_agree_with_the_char_definition() {
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
            "  \t\u{b}\u{c}\r\n\u{85}\u{3000}x",
            " \u{a0} kept",
            "\u{1c}unit",
        ];
        for text in samples {
            for start in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let from = &text[start..];
                let spaces = from.len() - from.trim_start_matches(breaks).len();
                assert_eq!(space_end(from), spaces, "{from:?}");
            }
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
