//! Inline body text (the Markdown subset) written back as CommonMark on one line.

use std::io;

use crate::content::markup::{self, Piece};

use super::escape::*;

/// Inline pieces of body text ([`markup::walk`]) written back as CommonMark, on one line.
#[derive(Default)]
pub(super) struct Line {
    pub(super) out: String,
    /// Neighbouring text not yet escaped: escaped apart, `&#` and `0;` would meet as the
    /// entity `&#0;`.
    pub(super) text: String,
    /// Destinations of the links being written, innermost last.
    pub(super) urls: Vec<String>,
}

impl Line {
    pub(super) fn clear(&mut self) {
        self.out.clear();
        self.text.clear();
        self.urls.clear();
    }

    pub(super) fn piece(&mut self, piece: Piece<'_>) {
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

    pub(super) fn flush(&mut self) {
        if !self.text.is_empty() {
            escape_into(&mut self.out, &self.text, false);
            self.text.clear();
        }
    }

    /// The line so far.
    pub(super) fn finish(&mut self) -> &str {
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
pub(super) fn unchecked(e: markup::MarkupError) -> io::Error {
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
