//! Writing CommonMark safely: escaping, code spans, link destinations, wrapping at 80 columns
//! without ever starting a line with block syntax, and blocks separated by one blank line.

use std::borrow::Cow;
use std::collections::HashSet;
use std::io::{self, Write};

use textwrap::core::display_width;

use crate::content::markup::{self, Block, Inline};
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
    escape_braces(text, false)
}

/// [`escape`], with every `{` escaped when `all_braces` (headings, where mdBook reads
/// `{#id .class}` as attributes).
fn escape_braces(text: &str, all_braces: bool) -> String {
    // Most text has nothing to escape: one look at the bytes, one copy.
    let special = |b: u8| {
        matches!(
            b,
            b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'~' | b'|' | b'&' | b'{' | b'}'
        ) || !(0x20..0x7f).contains(&b)
    };
    if !text.bytes().any(special) {
        return text.to_string();
    }
    let text = if text.contains('\t') {
        escape_controls(&text.replace('\t', " "))
    } else {
        escape_controls(text)
    };
    let mut out = String::with_capacity(text.len() + 8);
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
    out
}

/// True when the text after a `&` would make CommonMark read an entity (`&amp;`, `&#38;`).
fn looks_like_entity(after: &str) -> bool {
    let after = after.strip_prefix('#').unwrap_or(after);
    let name = after.bytes().take_while(u8::is_ascii_alphanumeric).count();
    name > 0 && after.as_bytes().get(name) == Some(&b';')
}

/// A code span that survives backticks inside it and is never broken across lines.
pub fn code(text: &str) -> String {
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

/// Inline text from the content model back to CommonMark, on one line.
pub fn inline(run: &[Inline]) -> String {
    let mut out = String::new();
    inline_into(&mut out, run);
    // Pieces escaped one by one can still meet as `{{` (mdBook) at their edges.
    while out.contains("{{") {
        out = out.replace("{{", "{\\{");
    }
    out
}

fn inline_into(out: &mut String, run: &[Inline]) {
    // Neighbouring pieces of text are escaped as one: escaped apart, `&#` and `0;` would meet
    // as the entity `&#0;`.
    let mut text = String::new();
    for item in run {
        match item {
            Inline::Text(t) => {
                text.push_str(t);
                continue;
            }
            Inline::SoftBreak => {
                text.push(' ');
                continue;
            }
            _ if !text.is_empty() => {
                out.push_str(&escape(&text));
                text.clear();
            }
            _ => {}
        }
        match item {
            Inline::Text(_) | Inline::SoftBreak => {}
            Inline::Code(c) => out.push_str(&code(c)),
            Inline::Emphasis(inner) => {
                out.push('*');
                inline_into(out, inner);
                out.push('*');
            }
            Inline::Strong(inner) => {
                out.push_str("**");
                inline_into(out, inner);
                out.push_str("**");
            }
            Inline::Link { text, url } => {
                // `!` right before a link would turn it into an image.
                if let Some(before) = out.strip_suffix('!') {
                    // Escaped only if an odd number of backslashes stands right before it.
                    let slashes = before.len() - before.trim_end_matches('\\').len();
                    if slashes % 2 == 0 {
                        out.insert(out.len() - 1, '\\');
                    }
                }
                out.push('[');
                inline_into(out, text);
                out.push_str("](");
                out.push_str(&destination(url));
                out.push(')');
            }
        }
    }
    out.push_str(&escape(&text));
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
    match markup::parse(text).ok().as_deref() {
        Some([Block::Paragraph(run)]) => inline(run),
        _ => escape(text),
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
    let mut words: Vec<Cow<'_, str>> = Vec::with_capacity(text.len() / 5 + 1);
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let opens = opens_block(word);
        match words.last_mut() {
            None if opens => words.push(Cow::Owned(defuse(word))),
            Some(last) if opens => {
                let last = last.to_mut();
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(Cow::Borrowed(word)),
        }
    }
    let mut out =
        String::with_capacity(first.len() + text.len() + text.len() / 32 * (rest.len() + 1) + 2);
    out.push_str(first);
    let mut width = cols(first);
    let mut empty = true;
    for word in &words {
        let word_width = cols(word);
        if !empty && width + 1 + word_width > LINE {
            // The line so far always ends in a word, so trimming never reaches the line before.
            out.truncate(out.trim_end().len());
            out.push('\n');
            out.push_str(rest);
            width = cols(rest);
            empty = true;
        }
        if !empty {
            out.push(' ');
            width += 1;
        }
        out.push_str(word);
        width += word_width;
        empty = false;
    }
    out.truncate(out.trim_end_matches(' ').len());
    out.push('\n');
    if out.contains(KEEP) {
        out = out.replace(KEEP, " ");
    }
    out
}

/// Writes Markdown blocks separated by exactly one blank line, headings kept unique.
pub struct Doc<'w, W: Write> {
    out: &'w mut W,
    started: bool,
    headings: HashSet<String>,
}

impl<'w, W: Write> Doc<'w, W> {
    /// A new, empty document.
    pub fn new(out: &'w mut W) -> Self {
        Doc {
            out,
            started: false,
            headings: HashSet::new(),
        }
    }

    fn block(&mut self, text: &str) -> io::Result<()> {
        if self.started {
            writeln!(self.out)?;
        }
        self.started = true;
        write!(self.out, "{text}")
    }

    /// An ATX heading. A heading seen before gets `(context)` added, so no two are the same.
    pub fn heading(&mut self, level: usize, text: &str, context: &str) -> io::Result<()> {
        let mut text = text.trim().to_string();
        if !self.headings.insert(text.to_lowercase()) && !context.is_empty() {
            text = format!("{text} ({context})");
            self.headings.insert(text.to_lowercase());
        }
        // `{` could start mdBook heading attributes (`{#id .class}`).
        let escaped = escape_braces(&text, true);
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

    /// Body text in numb's Markdown subset (checked at load).
    pub fn body(&mut self, text: &str) -> io::Result<()> {
        self.blocks(&markup::parse(text).unwrap_or_default())
    }

    /// Body text already parsed into blocks.
    pub fn blocks(&mut self, blocks: &[Block]) -> io::Result<()> {
        for block in blocks {
            match block {
                Block::Paragraph(run) => self.para(&inline(run))?,
                Block::List(items) => self.list(items.iter().map(|run| inline(run)))?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

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
        fn any_text_reads_back_as_the_same_paragraph(
            words in proptest::collection::vec("[-#>+*=_`~|<>&;!\\[\\](){}\\\\.)0-9a-z]{1,12}", 1..40)
        ) {
            let text = words.join(" ");
            let markdown = wrap(&escape(&text), "", "");
            prop_assert_eq!(read_back(&markdown), Some(text), "{}", markdown);
        }
    }
}
