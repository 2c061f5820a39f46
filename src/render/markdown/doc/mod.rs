//! Writing CommonMark safely: escaping, code spans, link destinations, wrapping at 80 columns
//! without ever starting a line with block syntax, and blocks separated by one blank line.

mod escape;
mod inline;
mod wrap;

use std::collections::HashSet;
use std::io::{self, Write};

use crate::content::markup::{self, Piece};

use escape::*;
pub use escape::{LINE, code, destination, escape, keep_together, link};
pub use inline::field;
use inline::*;
pub use wrap::wrap;
use wrap::*;

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
mod tests;
