//! Wrapping CommonMark at 80 columns without ever starting a line with block syntax.

use textwrap::core::display_width;

use super::escape::*;

/// Columns a piece of the export takes once `KEEP` is a space again.
pub(super) fn cols(text: &str) -> usize {
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
pub(super) fn opens_block(word: &str) -> bool {
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
pub(super) fn defuse(word: &str) -> String {
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
pub(super) fn wrap_into(out: &mut String, text: &str, first: &str, rest: &str) {
    if !wrap_plain(out, text, first, rest) {
        wrap_words(out, text, first, rest);
    }
}

/// [`wrap_into`] for the usual line, fast: printable ASCII words (code spans included) one
/// space apart, the first not opening a block. Every byte is one column, so each line is cut
/// at the last space that fits instead of measuring word by word. Any other text is left to
/// [`wrap_words`]: this returns false and writes nothing.
pub(super) fn wrap_plain(out: &mut String, text: &str, first: &str, rest: &str) -> bool {
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
pub(super) fn wrap_words(out: &mut String, text: &str, first: &str, rest: &str) {
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
