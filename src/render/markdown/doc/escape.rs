//! Escaping for CommonMark: text, code spans, link destinations, and spaces kept together.

use crate::render::sanitize::escape_controls;

/// The longest line the export writes where it can break (markdownlint's MD013 default).
pub const LINE: usize = 80;

/// Stands for a space that must not become a line break (inside code spans). Content text
/// never contains it: control characters are escaped before they reach the export.
pub(super) const KEEP: char = '\u{1}';

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
pub(super) fn escape_into(out: &mut String, text: &str, all_braces: bool) {
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
pub(super) fn looks_like_entity(after: &str) -> bool {
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
