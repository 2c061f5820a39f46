//! Making content text safe for a terminal: control characters and bidi overrides shown, not run.

/// Replaces control characters and bidi controls with visible escapes (`\x1b`, `\u{202e}`).
pub fn escape_controls(text: &str) -> String {
    escaped(text).into_owned()
}

/// [`escape_controls`], borrowing `text` when it has nothing to escape (most text).
pub fn escaped(text: &str) -> std::borrow::Cow<'_, str> {
    // Most text is plain ASCII without controls: one quick pass over the bytes.
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) || !text.chars().any(needs_escape) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for ch in text.chars() {
        if needs_escape(ch) {
            let code = ch as u32;
            if code < 0x100 {
                out.push_str(&format!("\\x{code:02x}"));
            } else {
                out.push_str(&format!("\\u{{{code:04x}}}"));
            }
        } else {
            out.push(ch);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// True for characters that could change what a terminal shows or hide text: C0 and C1
/// controls, DEL, the Unicode bidirectional embeddings, overrides, isolates and marks, and
/// the invisible tag characters. The content check refuses the same ones (but tab and line
/// breaks).
pub fn needs_escape(ch: char) -> bool {
    ch.is_control()
        || matches!(ch, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{E0000}'..='\u{E007F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_terminal_sequences_and_bidi_overrides() {
        assert_eq!(escape_controls("a\x1b[2Jb"), "a\\x1b[2Jb");
        assert_eq!(escape_controls("x\u{202E}y"), "x\\u{202e}y");
        assert_eq!(escape_controls("bell\x07\u{9b}"), "bell\\x07\\x9b");
        assert_eq!(escape_controls("calm text, é, 感情"), "calm text, é, 感情");
    }
}
