//! Hidden characters in content text: control characters and bidi overrides, which could
//! rewrite a reader's terminal or make text read differently from how it looks.

use std::sync::Arc;

use toml::de::{DeTable, DeValue};

use crate::error::{Problem, SourceFile};
use crate::sanitize::needs_escape;

/// True for characters content text may not hold: every character the terminal renderer
/// would have to escape (C0 and C1 controls, DEL, bidi controls and marks, tag characters),
/// except tab and line breaks.
pub fn is_hidden(ch: char) -> bool {
    needs_escape(ch) && !matches!(ch, '\t' | '\n' | '\r')
}

fn describe(ch: char) -> String {
    let what = if matches!(ch, '\u{e0000}'..='\u{e007f}') {
        "the invisible tag character"
    } else if ch.is_control() {
        "the control character"
    } else {
        "the bidi control"
    };
    format!("{what} U+{:04X}", u32::from(ch))
}

/// Every hidden character in the file: those written as they are (anywhere, comments too,
/// pointed at exactly) and those written as escapes inside strings (pointed at the string).
pub fn unsafe_characters(file: &Arc<SourceFile>, table: &DeTable) -> Vec<Problem> {
    let mut out = Vec::new();
    let text = &file.text;
    // TOML itself refuses raw C0 controls; C1 controls (0xC2 0x80..0x9F in UTF-8), bidi
    // characters (0xD8 0x9C, 0xE2 0x80/0x81 …) and tags (0xF3 0xA0 …) pass its parser. Only
    // those lead bytes need a look.
    let bytes = text.as_bytes();
    for at in (0..bytes.len()).filter(|&i| matches!(bytes[i], 0xc2 | 0xd8 | 0xe2 | 0xf3)) {
        let Some(ch) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            continue;
        };
        if is_hidden(ch) {
            out.push(Problem {
                hides: 0,
                file: Arc::clone(file),
                span: at..at + ch.len_utf8(),
                message: format!(
                    "{} is hidden here; it can change how text looks or what a terminal does, so numb refuses it",
                    describe(ch)
                ),
            });
        }
    }
    let mut strings = Vec::new();
    collect_strings(table, &mut strings);
    for (span, value) in strings {
        let raw = text.get(span.clone()).unwrap_or("");
        // Without a backslash in the source, the value holds only what the raw scan saw.
        if !raw.contains('\\') {
            continue;
        }
        if let Some(ch) = value.chars().find(|&c| is_hidden(c) && !raw.contains(c)) {
            out.push(Problem {
                hides: 0,
                file: Arc::clone(file),
                span,
                message: format!(
                    "this text has {} written as an escape; numb refuses hidden characters, so remove it",
                    describe(ch)
                ),
            });
        }
    }
    out.sort_by_key(|p| p.span.start);
    out
}

/// Every string value and every key (a quoted key can hold escapes too).
fn collect_strings<'a>(table: &'a DeTable, out: &mut Vec<(std::ops::Range<usize>, &'a str)>) {
    for (key, value) in table.iter() {
        out.push((key.span(), key.get_ref().as_ref()));
        collect_value(value, out);
    }
}

fn collect_value<'a>(
    value: &'a toml::Spanned<DeValue>,
    out: &mut Vec<(std::ops::Range<usize>, &'a str)>,
) {
    match value.get_ref() {
        DeValue::String(s) => out.push((value.span(), s.as_ref())),
        DeValue::Array(items) => items.iter().for_each(|v| collect_value(v, out)),
        DeValue::Table(table) => collect_strings(table, out),
        _ => {}
    }
}
