//! Writing CommonMark safely: escaping, code spans, link destinations, wrapping at 80 columns
//! without ever starting a line with block syntax, and blocks separated by one blank line.

use std::collections::HashSet;
use std::io::{self, Write};

use textwrap::core::display_width;

use crate::content::markup::{self, Piece};
use crate::render::sanitize::escape_controls;

/// The longest line the export writes where it can break (markdownlint's MD013 default).
pub const LINE: usize = 80;

/// Stands for a space that must not become a line break (inside code spans). Content text
/// never contains it: control characters are escaped before they reach the export.
const KEEP: char = '\u{1}';

/// Text whose spaces never become line breaks (a worksheet's "☐ Often (3)").
pub fn keep_together(text: &str) -> String {
    text.replace(' ', &KEEP.to_string())
}

/// Escapes text so CommonMark (and mdBook) shows it literally; control characters are made
/// visible. Block syntax at the start of a line is handled by [`wrap`].
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text, false);
    out
}

/// Appends `text` escaped as [`escape`] does, with every `{` escaped when `all_braces`
/// (headings, where mdBook reads `{#id .class}` as attributes).
fn escape_into(out: &mut String, text: &str, all_braces: bool) {
    // Most text has nothing to escape: one look at the bytes, one copy.
    let special = |b: u8| {
        matches!(
            b,
            b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'~' | b'|' | b'&' | b'{' | b'}'
        ) || !(0x20..0x7f).contains(&b)
    };
    if !text.bytes().any(special) {
        out.push_str(text);
        return;
    }
    let text = if text.contains('\t') {
        escape_controls(&text.replace('\t', " "))
    } else {
        escape_controls(text)
    };
    out.reserve(text.len() + 8);
    for (i, ch) in text.char_indices() {
        let rest = &text[i + ch.len_utf8()..];
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '~' | '|' => {
                out.push('\\');
                out.push(ch);
            }
            '&' if looks_like_entity(rest) => out.push_str("\\&"),
            // mdBook runs `{{#include …}}` (also `{{ #include …}}`) anywhere in the text;
            // `{\{` reads back as `{{` but matches none of its patterns.
            '{' | '}' if all_braces => {
                out.push('\\');
                out.push(ch);
            }
            '{' if rest.starts_with('{') => out.push_str("{\\"),
            _ => out.push(ch),
        }
    }
}

/// True when the text after a `&` would make CommonMark read an entity (`&amp;`, `&#38;`).
fn looks_like_entity(after: &str) -> bool {
    let after = after.strip_prefix('#').unwrap_or(after);
    let name = after.bytes().take_while(u8::is_ascii_alphanumeric).count();
    name > 0 && after.as_bytes().get(name) == Some(&b';')
}

/// A code span that survives backticks inside it and is never broken across lines.
pub fn code(text: &str) -> String {
    // The usual command (`numb learn origins`): nothing to make safe, one copy.
    if text
        .bytes()
        .all(|b| (0x20..0x7f).contains(&b) && b != b'`' && b != b'{')
        && !text.starts_with(' ')
        && !text.ends_with(' ')
    {
        let mut out = String::with_capacity(text.len() + 2);
        out.push('`');
        for ch in text.chars() {
            out.push(if ch == ' ' { KEEP } else { ch });
        }
        out.push('`');
        return out;
    }
    if text.contains("{{") {
        // mdBook would run `{{…}}` even inside a code span, and a code span cannot escape it.
        return escape(text);
    }
    let text = escape_controls(&text.replace('\t', " "));
    let mut run = 0;
    let mut longest = 0;
    for ch in text.chars() {
        run = if ch == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}").replace(' ', &KEEP.to_string())
}

/// A link destination: bare when it is simple, in `<…>` when it has parentheses.
pub fn destination(url: &str) -> String {
    // The usual address has nothing that needs care: one copy.
    if url.bytes().all(|b| {
        b.is_ascii_graphic() && !matches!(b, b'(' | b')' | b'\\' | b'&' | b'{' | b'}' | b'<' | b'>')
    }) {
        return url.to_string();
    }
    let angle = url.contains(['(', ')', '\\']);
    // A backslash and `&` would be read as an escape or an entity inside the destination.
    let url = escape_controls(url).replace('\\', "\\\\");
    let url = url
        .char_indices()
        .map(|(at, ch)| match ch {
            '&' if looks_like_entity(&url[at + 1..]) => "\\&".to_string(),
            _ => ch.to_string(),
        })
        .collect::<String>()
        .replace('{', "%7B")
        .replace('}', "%7D")
        .replace('<', "%3C")
        .replace('>', "%3E")
        .replace(' ', "%20");
    if angle { format!("<{url}>") } else { url }
}

/// `[text](url)` with the text escaped.
pub fn link(text: &str, url: &str) -> String {
    format!("[{}]({})", escape(text), destination(url))
}

/// Inline pieces of body text ([`markup::walk`]) written back as CommonMark, on one line.
#[derive(Default)]
struct Line {
    out: String,
    /// Neighbouring text not yet escaped: escaped apart, `&#` and `0;` would meet as the
    /// entity `&#0;`.
    text: String,
    /// Destinations of the links being written, innermost last.
    urls: Vec<String>,
}

impl Line {
    fn clear(&mut self) {
        self.out.clear();
        self.text.clear();
        self.urls.clear();
    }

    fn piece(&mut self, piece: Piece<'_>) {
        match piece {
            Piece::Text(text) => return self.text.push_str(text),
            Piece::Break => return self.text.push(' '),
            _ => self.flush(),
        }
        let out = &mut self.out;
        match piece {
            Piece::Code(c) => out.push_str(&code(c)),
            Piece::EmphasisStart | Piece::EmphasisEnd => out.push('*'),
            Piece::StrongStart | Piece::StrongEnd => out.push_str("**"),
            Piece::LinkStart(url) => {
                // `!` right before a link would turn it into an image.
                if let Some(before) = out.strip_suffix('!') {
                    // Escaped only if an odd number of backslashes stands right before it.
                    let slashes = before.len() - before.trim_end_matches('\\').len();
                    if slashes % 2 == 0 {
                        out.insert(out.len() - 1, '\\');
                    }
                }
                out.push('[');
                self.urls.push(url.to_string());
            }
            Piece::LinkEnd => {
                out.push_str("](");
                out.push_str(&destination(&self.urls.pop().unwrap_or_default()));
                out.push(')');
            }
            _ => {}
        }
    }

    fn flush(&mut self) {
        if !self.text.is_empty() {
            escape_into(&mut self.out, &self.text, false);
            self.text.clear();
        }
    }

    /// The line so far.
    fn finish(&mut self) -> &str {
        self.flush();
        // Pieces escaped one by one can still meet as `{{` (mdBook) at their edges.
        while self.out.contains("{{") {
            self.out = self.out.replace("{{", "{\\{");
        }
        &self.out
    }
}

/// Body text that [`markup::walk`] refused. The load checks bodies, except for a folder
/// export, which leaves them to this writer and, when it refuses one, runs the full check to
/// say where. Nothing is written past it.
fn unchecked(e: markup::MarkupError) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!(
            "text outside numb's Markdown subset ({}); `numb check` shows where",
            e.message
        ),
    )
}

/// A short content field in the inline subset (checked at load), as CommonMark.
pub fn field(text: &str) -> String {
    // Without a character that could start markup, the text is one plain paragraph: skip
    // the parser (it would give back the same words).
    let plain = !text.bytes().any(|b| {
        matches!(
            b,
            b'*' | b'_'
                | b'`'
                | b'['
                | b']'
                | b'<'
                | b'>'
                | b'&'
                | b'\\'
                | b'!'
                | b'#'
                | b'-'
                | b'+'
                | b'='
                | b'~'
                | b'|'
                | b'\n'
                | b'\r'
                | b'\t'
        ) || b.is_ascii_digit()
    }) && text.trim() == text;
    if plain {
        return escape(text);
    }
    let mut line = Line::default();
    let (mut paragraphs, mut list) = (0, false);
    let walked = markup::walk(text, |piece| match piece {
        Piece::ParagraphStart => paragraphs += 1,
        Piece::ListStart => list = true,
        Piece::ParagraphEnd | Piece::ListEnd | Piece::ItemStart | Piece::ItemEnd => {}
        piece => line.piece(piece),
    });
    if walked.is_ok() && paragraphs == 1 && !list {
        line.finish().to_string()
    } else {
        escape(text)
    }
}

/// Columns a piece of the export takes once `KEEP` is a space again.
fn cols(text: &str) -> usize {
    // Export text is control-free apart from `KEEP` (controls are escaped before), so plain
    // ASCII is one column a byte.
    if text
        .bytes()
        .all(|b| b.is_ascii() && (b >= 0x20 || b == KEEP as u8))
    {
        return text.len();
    }
    display_width(text) + text.matches(KEEP).count()
}

/// True when `word` at the start of a line would open a block: a list item, heading, block
/// quote, fence or setext underline (and so would change what the text means).
fn opens_block(word: &str) -> bool {
    if !word.bytes().next().is_some_and(|b| {
        matches!(
            b,
            b'-' | b'+' | b'*' | b'#' | b'>' | b':' | b'=' | b'0'..=b'9'
        )
    }) {
        return false;
    }
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    matches!(word, "-" | "+" | "*")
        || (!word.is_empty() && word.len() <= 6 && word.bytes().all(|b| b == b'#'))
        || word.starts_with('>')
        // `: text` opens a definition in mdBook (and other Markdown with definition lists).
        || word.starts_with(':')
        || (!word.is_empty()
            && (word.bytes().all(|b| b == b'-') || word.bytes().all(|b| b == b'=')))
        || ((1..=9).contains(&digits) && matches!(&word[digits..], "." | ")"))
}

/// The same word, made literal at the start of a line.
fn defuse(word: &str) -> String {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits < word.len() {
        format!("{}\\{}", &word[..digits], &word[digits..])
    } else {
        format!("\\{word}")
    }
}

/// Wraps one logical line of Markdown at spaces to [`LINE`] columns. The first word is made
/// literal if it would open a block; later such words stay on the line before them.
pub fn wrap(text: &str, first: &str, rest: &str) -> String {
    let mut out =
        String::with_capacity(first.len() + text.len() + text.len() / 32 * rest.len() + 2);
    wrap_into(&mut out, text, first, rest);
    out
}

/// Appends [`wrap`]'s lines to `out`.
fn wrap_into(out: &mut String, text: &str, first: &str, rest: &str) {
    if !wrap_plain(out, text, first, rest) {
        wrap_words(out, text, first, rest);
    }
}

/// [`wrap_into`] for the usual line, fast: printable ASCII words (code spans included) one
/// space apart, the first not opening a block. Every byte is one column, so each line is cut
/// at the last space that fits instead of measuring word by word. Any other text is left to
/// [`wrap_words`]: this returns false and writes nothing.
fn wrap_plain(out: &mut String, text: &str, first: &str, rest: &str) -> bool {
    let bytes = text.as_bytes();
    let word_at = |at: usize| text[at..].split(' ').next().unwrap_or_default();
    let plain = bytes.first().is_some_and(|&b| b != b' ')
        && bytes.last().is_some_and(|&b| b != b' ')
        && bytes
            .iter()
            .all(|&b| (0x20..0x7f).contains(&b) || b == KEEP as u8)
        && !text.contains("  ")
        && !opens_block(word_at(0));
    if !plain {
        return false;
    }
    let start = out.len();
    out.push_str(first);
    let mut room = LINE.saturating_sub(cols(first));
    let mut at = 0;
    // A line may end at a space unless the next word would open a block at a line's start.
    let breaks_before = |space: usize| !opens_block(word_at(space + 1));
    while text.len() - at > room {
        let end = text[at..=at + room]
            .bytes()
            .enumerate()
            .rev()
            .map(|(i, b)| (at + i, b))
            .filter(|&(i, b)| b == b' ' && i > at && breaks_before(i))
            .map(|(i, _)| i)
            .next()
            // Nothing fits: the first word (and what is glued to it) goes on the line alone.
            .or_else(|| {
                (at + room + 1..text.len()).find(|&i| bytes[i] == b' ' && breaks_before(i))
            });
        let Some(end) = end else { break };
        out.push_str(&text[at..end]);
        out.push('\n');
        out.push_str(rest);
        room = LINE.saturating_sub(cols(rest));
        at = end + 1;
    }
    out.push_str(&text[at..]);
    out.push('\n');
    if out[start..].contains(KEEP) {
        let kept = out[start..].replace(KEEP, " ");
        out.truncate(start);
        out.push_str(&kept);
    }
    true
}

/// [`wrap_into`] word by word, for any text: runs of spaces count as one, widths are display
/// columns.
fn wrap_words(out: &mut String, text: &str, first: &str, rest: &str) {
    let start = out.len();
    out.push_str(first);
    let mut width = cols(first);
    let mut empty = true;
    let mut words = text.split(' ').filter(|w| !w.is_empty()).peekable();
    let mut glued = String::new();
    let mut lead = true;
    while let Some(word) = words.next() {
        // A word that would open a block is made literal at the very start, and never starts
        // a later line: it is glued to the word before it.
        let defused;
        let word = if lead && opens_block(word) {
            defused = defuse(word);
            defused.as_str()
        } else {
            word
        };
        lead = false;
        let mut word_width = cols(word);
        let mut unit = word;
        if words.peek().is_some_and(|next| opens_block(next)) {
            glued.clear();
            glued.push_str(word);
            while let Some(next) = words.next_if(|next| opens_block(next)) {
                glued.push(' ');
                glued.push_str(next);
                word_width += 1 + cols(next);
            }
            unit = &glued;
        }
        if !empty && width + 1 + word_width > LINE {
            // The line so far always ends in a word.
            out.push('\n');
            out.push_str(rest);
            width = cols(rest);
            empty = true;
        }
        if !empty {
            out.push(' ');
            width += 1;
        }
        out.push_str(unit);
        width += word_width;
        empty = false;
    }
    let end = out.trim_end_matches(' ').len().max(start);
    out.truncate(end);
    out.push('\n');
    if out[start..].contains(KEEP) {
        let kept = out[start..].replace(KEEP, " ");
        out.truncate(start);
        out.push_str(&kept);
    }
}

/// Writes Markdown blocks separated by exactly one blank line, headings kept unique.
pub struct Doc<'w, W: Write> {
    out: &'w mut W,
    started: bool,
    headings: HashSet<String>,
    /// Buffers reused from body to body.
    line: Line,
    lines: String,
}

impl<'w, W: Write> Doc<'w, W> {
    /// A new, empty document.
    pub fn new(out: &'w mut W) -> Self {
        Doc {
            out,
            started: false,
            headings: HashSet::new(),
            line: Line::default(),
            lines: String::new(),
        }
    }

    fn block(&mut self, text: &str) -> io::Result<()> {
        if self.started {
            self.out.write_all(b"\n")?;
        }
        self.started = true;
        self.out.write_all(text.as_bytes())
    }

    /// An ATX heading. A heading seen before gets `(context)` added, so no two are the same.
    pub fn heading(&mut self, level: usize, text: &str, context: &str) -> io::Result<()> {
        let mut text = text.trim().to_string();
        if !self.headings.insert(text.to_lowercase()) && !context.is_empty() {
            text = format!("{text} ({context})");
            self.headings.insert(text.to_lowercase());
        }
        // `{` could start mdBook heading attributes (`{#id .class}`).
        let mut escaped = String::with_capacity(text.len());
        escape_into(&mut escaped, &text, true);
        // A trailing run of `#` would be read as the heading's closing sequence.
        let body = escaped.trim_end_matches('#');
        let hashes = escaped.len() - body.len();
        let text = format!("{body}{}", "\\#".repeat(hashes));
        self.block(&format!("{} {}\n", "#".repeat(level), text))
    }

    /// A paragraph of CommonMark inline text.
    pub fn para(&mut self, text: &str) -> io::Result<()> {
        self.block(&wrap(text, "", ""))
    }

    /// A `-` list of CommonMark inline items.
    pub fn list<I: IntoIterator<Item = String>>(&mut self, items: I) -> io::Result<()> {
        let text: String = items
            .into_iter()
            .map(|item| wrap(&item, "- ", "  "))
            .collect();
        self.block(&text)
    }

    /// A table (as mdBook and GitHub read them) of cells already in CommonMark, on one line
    /// each; a `|` in a cell must be escaped.
    pub fn table(&mut self, header: &[String], rows: &[Vec<String>]) -> io::Result<()> {
        let line = |cells: &[String]| format!("| {} |\n", cells.join(" | "));
        let mut text = line(header);
        text.push_str(&line(&vec!["---".to_string(); header.len()]));
        for row in rows {
            text.push_str(&line(row));
        }
        self.block(&text)
    }

    /// A numbered list of CommonMark inline items.
    pub fn numbered<I: IntoIterator<Item = String>>(&mut self, items: I) -> io::Result<()> {
        let text: String = items
            .into_iter()
            .enumerate()
            .map(|(i, item)| {
                let mark = format!("{}. ", i + 1);
                wrap(&item, &mark, &" ".repeat(mark.len()))
            })
            .collect();
        self.block(&text)
    }

    /// A numbered list whose items have several paragraphs each (a loose list).
    pub fn numbered_blocks<I: IntoIterator<Item = Vec<String>>>(
        &mut self,
        items: I,
    ) -> io::Result<()> {
        let items: Vec<String> = items
            .into_iter()
            .enumerate()
            .map(|(i, paragraphs)| {
                let mark = format!("{}. ", i + 1);
                let indent = " ".repeat(mark.len());
                paragraphs
                    .iter()
                    .enumerate()
                    .map(|(n, p)| {
                        if n == 0 {
                            wrap(p, &mark, &indent)
                        } else {
                            wrap(p, &indent, &indent)
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect();
        self.block(&items.join("\n"))
    }

    /// Body text in numb's Markdown subset, written as it is read: one Markdown parse and no
    /// tree, however long the text. Text outside the subset is an error (see [`unchecked`]).
    pub fn body(&mut self, text: &str) -> io::Result<()> {
        let mut line = std::mem::take(&mut self.line);
        let mut block = std::mem::take(&mut self.lines);
        let mut written = Ok(());
        let walked = markup::walk(text, |piece| {
            if written.is_err() {
                return;
            }
            match piece {
                Piece::ParagraphStart | Piece::ItemStart => line.clear(),
                Piece::ListStart => block.clear(),
                Piece::ParagraphEnd => {
                    block.clear();
                    wrap_into(&mut block, line.finish(), "", "");
                    written = self.block(&block);
                }
                Piece::ItemEnd => wrap_into(&mut block, line.finish(), "- ", "  "),
                Piece::ListEnd => written = self.block(&block),
                piece => line.piece(piece),
            }
        });
        self.line = line;
        self.lines = block;
        written?;
        walked.map_err(unchecked)
    }
}

#[cfg(test)]
mod tests {
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
}
