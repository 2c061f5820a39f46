//! CommonMark export: one document, or one file per topic with an index, clean for mdBook
//! and markdownlint (lines of at most 80 columns, one blank line between blocks).

use std::io::{self, Write};

use textwrap::core::display_width;

use super::sanitize::escape_controls;
use crate::content::Library;
use crate::content::markup::{self, Block, Inline};
use crate::content::model::{SupportLine, Topic};

/// The longest line the export writes where it can break (markdownlint's MD013 default).
const LINE: usize = 80;

/// Stands for a space that must not become a line break (inside code spans). Content text
/// never contains it: control characters are escaped before they reach the export.
const KEEP: char = '\u{1}';

/// How links to other topics are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// One file per topic: `[Title](id.md)`.
    Files,
    /// One document: the `numb learn id` command.
    Commands,
}

/// Escapes text so CommonMark shows it literally; control characters are made visible.
fn escape(text: &str) -> String {
    let text = escape_controls(text);
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    for (i, &ch) in chars.iter().enumerate() {
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '~' | '|' => {
                out.push('\\');
                out.push(ch);
            }
            '&' if looks_like_entity(&chars[i + 1..]) => out.push_str("\\&"),
            _ => out.push(ch),
        }
    }
    out
}

/// True when the characters after a `&` would make CommonMark read an entity (`&amp;`, `&#38;`).
fn looks_like_entity(after: &[char]) -> bool {
    let after = after.strip_prefix(&['#']).unwrap_or(after);
    let name = after
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    name > 0 && after.get(name) == Some(&';')
}

/// A code span that survives backticks inside it.
fn code(text: &str) -> String {
    let text = escape_controls(text);
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

/// Columns a piece of the export takes once `KEEP` is a space again.
fn cols(text: &str) -> usize {
    display_width(text) + text.matches(KEEP).count()
}

/// Inline text back to CommonMark, on one line.
fn inline(run: &[Inline]) -> String {
    let mut out = String::new();
    for item in run {
        match item {
            Inline::Text(t) => out.push_str(&escape(t)),
            Inline::SoftBreak => out.push(' '),
            Inline::Code(c) => out.push_str(&code(c)),
            Inline::Emphasis(inner) => out.push_str(&format!("*{}*", inline(inner))),
            Inline::Strong(inner) => out.push_str(&format!("**{}**", inline(inner))),
            Inline::Link { text, url } => {
                out.push_str(&format!("[{}]({})", inline(text), destination(url)))
            }
        }
    }
    out
}

/// A link destination: bare when it is simple, in `<…>` when it has parentheses.
fn destination(url: &str) -> String {
    let url = escape_controls(url)
        .replace('<', "%3C")
        .replace('>', "%3E")
        .replace(' ', "%20");
    if url.contains(['(', ')', '\\']) {
        format!("<{url}>")
    } else {
        url
    }
}

/// A short field that may use inline markup.
fn field(text: &str) -> String {
    match markup::parse(text).ok().as_deref() {
        Some([Block::Paragraph(run)]) => inline(run),
        _ => escape(text),
    }
}

/// True when a word at the start of a line would start a block (list, heading, quote…).
fn opens_block(word: &str) -> bool {
    let digits = word.chars().take_while(char::is_ascii_digit).count();
    matches!(
        word.chars().next(),
        Some('#' | '>' | '-' | '+' | '*' | '=' | '`' | '~' | ':')
    ) || (digits > 0 && matches!(word[digits..].chars().next(), Some('.' | ')')))
}

/// Wraps one logical line of Markdown at spaces to `LINE` columns, never starting a line
/// with something CommonMark would read as block syntax.
fn wrap(text: &str, first: &str, rest: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        match words.last_mut() {
            Some(last) if opens_block(word) => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_string()),
        }
    }
    let mut out = String::new();
    let mut line = String::from(first);
    let mut empty = true;
    for word in words {
        if !empty && cols(&line) + 1 + cols(&word) > LINE {
            out.push_str(line.trim_end());
            out.push('\n');
            line = String::from(rest);
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(&word);
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
    out.replace(KEEP, " ")
}

/// Writes Markdown blocks separated by exactly one blank line.
struct Doc<'w, W: Write> {
    out: &'w mut W,
    started: bool,
}

impl<W: Write> Doc<'_, W> {
    fn block(&mut self, text: &str) -> io::Result<()> {
        if self.started {
            writeln!(self.out)?;
        }
        self.started = true;
        write!(self.out, "{text}")
    }

    fn heading(&mut self, level: usize, text: &str) -> io::Result<()> {
        self.block(&format!("{} {}\n", "#".repeat(level), escape(text).trim()))
    }

    fn para(&mut self, text: &str) -> io::Result<()> {
        self.block(&wrap(text, "", ""))
    }

    fn list<I: IntoIterator<Item = String>>(&mut self, items: I) -> io::Result<()> {
        let text: String = items
            .into_iter()
            .map(|item| wrap(&item, "- ", "  "))
            .collect();
        self.block(&text)
    }

    fn numbered<I: IntoIterator<Item = String>>(&mut self, items: I) -> io::Result<()> {
        let text: String = items
            .into_iter()
            .enumerate()
            .map(|(i, item)| {
                let mark = format!("{}. ", i + 1);
                let hang = " ".repeat(mark.len());
                wrap(&item, &mark, &hang)
            })
            .collect();
        self.block(&text)
    }

    fn body(&mut self, text: &str) -> io::Result<()> {
        for block in markup::parse(text).unwrap_or_default() {
            match block {
                Block::Paragraph(run) => self.para(&inline(&run))?,
                Block::List(items) => self.list(items.iter().map(|run| inline(run)))?,
            }
        }
        Ok(())
    }
}

fn topic_blocks<W: Write>(
    doc: &mut Doc<'_, W>,
    library: &Library,
    topic: &Topic,
    level: usize,
    links: Links,
) -> io::Result<()> {
    let labels = &library.app.labels;
    doc.heading(level, topic.title.get_ref())?;
    doc.para(&field(topic.summary.get_ref()))?;
    if let Some(note) = &topic.content_note {
        doc.para(&format!(
            "**{}:** {}",
            escape(labels.content_note.get_ref()),
            field(note.get_ref())
        ))?;
    }
    for section in &topic.sections {
        doc.heading(level + 1, section.heading.get_ref())?;
        doc.body(section.body.get_ref())?;
    }
    doc.heading(level + 1, labels.key_points.get_ref())?;
    doc.list(topic.key_points.iter().map(|p| field(p.get_ref())))?;
    if !topic.try_this.is_empty() {
        doc.heading(level + 1, labels.try_this.get_ref())?;
        doc.list(topic.try_this.iter().map(|p| field(p.get_ref())))?;
    }
    if !topic.related.is_empty() {
        doc.heading(level + 1, labels.related.get_ref())?;
        doc.list(topic.related.iter().map(|id| {
            let id = id.get_ref();
            let title = library
                .topic(id)
                .map(|t| t.title.get_ref().as_str())
                .unwrap_or(id);
            match links {
                Links::Files => format!(
                    "[{}]({id}.md): {}",
                    escape(title),
                    code(&format!("numb learn {id}"))
                ),
                Links::Commands => {
                    format!("{}: {}", escape(title), code(&format!("numb learn {id}")))
                }
            }
        }))?;
    }
    doc.heading(level + 1, labels.sources.get_ref())?;
    doc.numbered(topic.sources.iter().map(|s| {
        let sentence = escape(&s.title_sentence());
        let title = escape(s.title.get_ref().trim_end());
        let stop = &sentence[title.len()..];
        let title = match s.link() {
            Some(link) => format!("[{title}]({})", destination(&link)),
            None => title,
        };
        format!("{title}{stop} {}.", escape(&s.byline()))
    }))?;
    doc.para(&field(library.app.support_pointer.get_ref()))
}

/// One topic as a stand-alone CommonMark file (`# Title` first).
pub fn topic_file<W: Write>(out: &mut W, library: &Library, topic: &Topic) -> io::Result<()> {
    let mut doc = Doc {
        out,
        started: false,
    };
    topic_blocks(&mut doc, library, topic, 1, Links::Files)
}

/// Every topic and the support page in one CommonMark document.
pub fn document<W: Write>(out: &mut W, library: &Library) -> io::Result<()> {
    let mut doc = Doc {
        out,
        started: false,
    };
    // Topics repeat sub-headings such as "Key points"; they are unique among siblings.
    doc.block("<!-- markdownlint-configure-file { \"MD024\": { \"siblings_only\": true } } -->\n")?;
    doc.heading(1, library.app.welcome.title.get_ref())?;
    doc.body(library.app.welcome.body.get_ref())?;
    for topic in &library.topics {
        topic_blocks(&mut doc, library, topic, 2, Links::Commands)?;
    }
    support_blocks(&mut doc, library, 2)
}

/// The index of a per-topic export: links to every topic file, then the support lines.
pub fn index<W: Write>(out: &mut W, library: &Library) -> io::Result<()> {
    let mut doc = Doc {
        out,
        started: false,
    };
    doc.heading(1, library.app.welcome.title.get_ref())?;
    doc.body(library.app.welcome.body.get_ref())?;
    doc.list(library.topics.iter().map(|t| {
        let id = t.id.get_ref();
        format!(
            "[{}]({id}.md): {}",
            escape(t.title.get_ref()),
            field(t.summary.get_ref())
        )
    }))?;
    support_blocks(&mut doc, library, 2)
}

fn support_blocks<W: Write>(
    doc: &mut Doc<'_, W>,
    library: &Library,
    level: usize,
) -> io::Result<()> {
    let page = &library.support;
    let labels = &library.app.support_labels;
    let checked = |date: &toml::value::Datetime| {
        escape(
            &labels
                .checked
                .get_ref()
                .replace("{date}", &date.to_string()),
        )
    };
    doc.heading(level, labels.title.get_ref())?;
    doc.para(&field(page.intro.get_ref()))?;
    doc.heading(level + 1, labels.emergency.get_ref())?;
    let e = &page.emergency;
    doc.para(&field(e.text.get_ref()))?;
    doc.para(&format!(
        "**{}** ({})",
        field(e.numbers.get_ref()),
        checked(e.verified_on.get_ref())
    ))?;
    doc.heading(level + 1, labels.directory.get_ref())?;
    let d = &page.directory;
    doc.para(&format!(
        "[{}]({}): {} ({})",
        escape(d.name.get_ref()),
        destination(d.url.get_ref()),
        field(d.text.get_ref()),
        checked(d.verified_on.get_ref())
    ))?;
    if !page.lines.is_empty() {
        doc.heading(level + 1, labels.by_country.get_ref())?;
        doc.list(page.lines.iter().map(|line: &SupportLine| {
            let countries: Vec<&str> = line
                .countries
                .iter()
                .map(|c| c.get_ref().as_str())
                .collect();
            let name = match &line.url {
                Some(url) => format!(
                    "[{}]({})",
                    escape(line.name.get_ref()),
                    destination(url.get_ref())
                ),
                None => escape(line.name.get_ref()),
            };
            let details = line
                .details
                .as_ref()
                .map(|d| format!(" {}", field(d.get_ref())))
                .unwrap_or_default();
            format!(
                "**{}:** {name}. {}.{details} ({})",
                countries.join(", "),
                field(line.contact.get_ref()),
                checked(line.verified_on.get_ref())
            )
        }))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown_and_controls() {
        assert_eq!(
            escape("a*b_c [d] <e> \\ `f` Q&A &amp;"),
            "a\\*b\\_c \\[d\\] \\<e> \\\\ \\`f\\` Q&A \\&amp;"
        );
        assert_eq!(escape("\x1b[2J"), "\\\\x1b\\[2J");
    }

    #[test]
    fn code_spans_survive_backticks() {
        let code = |t: &str| code(t).replace(KEEP, " ");
        assert_eq!(code("numb learn"), "`numb learn`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x"), "`` `x ``");
    }

    #[test]
    fn wrapping_never_starts_a_line_with_block_syntax() {
        let text = format!(
            "{} - not a list, 1. not a number, # not a heading",
            "word ".repeat(15)
        );
        for width_fill in 0..40 {
            let wrapped = wrap(&format!("{}{text}", "x".repeat(width_fill)), "", "");
            for line in wrapped.lines().skip(1) {
                let first = line.split(' ').next().unwrap();
                assert!(!opens_block(first), "{line:?} in {wrapped}");
            }
            assert!(
                wrapped
                    .lines()
                    .all(|l| display_width(l) <= LINE || !l.contains(' ')),
                "{wrapped}"
            );
        }
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
    fn wrap_hangs_list_items() {
        let item = "word ".repeat(30);
        let out = wrap(item.trim(), "- ", "  ");
        assert!(out.starts_with("- word"));
        assert!(
            out.lines().skip(1).all(|l| l.starts_with("  word")),
            "{out}"
        );
    }
}
