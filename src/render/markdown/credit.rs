//! The credit line that ends every exported page: whose words they are and on what terms,
//! from the `authors` and `license` of the pack they came from.

use std::io::{self, Write};

use super::doc::{Doc, escape};
use crate::content::Library;
use crate::content::model::Credit;

/// Ends a page with one credit line for each pack in `credits` (those that set neither
/// authors nor a licence are not in it: see [`Library::credit`]).
pub fn credits<'a, W: Write>(
    doc: &mut Doc<'_, W>,
    library: &Library,
    credits: impl IntoIterator<Item = &'a Credit>,
) -> io::Result<()> {
    for credit in credits {
        if let Some(line) = line(library, credit) {
            doc.para(&line)?;
        }
    }
    Ok(())
}

/// "From numb, © the numb authors. Licence: CC BY 4.0 (<https://…>)." as CommonMark, or
/// nothing for a pack that sets neither authors nor a licence.
pub fn line(library: &Library, credit: &Credit) -> Option<String> {
    let labels = &library.app.credit_labels;
    // The labels end in a full stop of their own.
    let value = |text: &str| text.trim().trim_end_matches('.').trim_end().to_string();
    let name = value(&credit.name);
    let mut parts = Vec::new();
    match &credit.authors {
        Some(authors) => parts.push(fill_once(
            labels.from_authors.get_ref(),
            &[("name", name), ("authors", value(authors))],
        )),
        None if credit.license.is_some() => {
            parts.push(fill_once(labels.from.get_ref(), &[("name", name)]));
        }
        None => return None,
    }
    if let Some(license) = &credit.license {
        parts.push(fill_once(
            labels.license.get_ref(),
            &[("license", value(license))],
        ));
    }
    Some(linked(&parts.join(" ")))
}

/// `{name}` placeholders filled in one pass: a value that looks like a placeholder stays as
/// it is written.
fn fill_once(template: &str, values: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let found = values
            .iter()
            .find(|(name, _)| after.strip_prefix(name).is_some_and(|a| a.starts_with('}')));
        match found {
            Some((name, value)) => {
                out.push_str(&rest[..open]);
                out.push_str(value);
                rest = &after[name.len() + 1..];
            }
            None => {
                out.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Plain text escaped for CommonMark, with each web address made an autolink (`<https://…>`):
/// markdownlint refuses a bare one, and a reader on paper sees it whole.
fn linked(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while let Some((start, end)) = next_url(rest) {
        out.push_str(&escape(&rest[..start]));
        out.push('<');
        out.push_str(&rest[start..end]);
        out.push('>');
        rest = &rest[end..];
    }
    out.push_str(&escape(rest));
    // Pieces escaped apart can meet as `{{`, which mdBook would run.
    while out.contains("{{") {
        out = out.replace("{{", "{\\{");
    }
    out
}

/// The byte range of the first `http://` or `https://` address in `text` that starts a word
/// (or follows a parenthesis), without the punctuation that ends a sentence.
fn next_url(text: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    loop {
        let at = from
            + ["https://", "http://"]
                .iter()
                .filter_map(|scheme| text[from..].find(scheme))
                .min()?;
        let starts_word = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || c == '(');
        // An autolink holds no spaces, `<` or `>`; braces could be read by mdBook, the
        // others would read oddly.
        let len = text[at..]
            .find(|c: char| {
                !c.is_ascii_graphic()
                    || matches!(
                        c,
                        '<' | '>' | '(' | ')' | '{' | '}' | '"' | '\'' | '`' | '\\'
                    )
            })
            .unwrap_or(text.len() - at);
        let url = text[at..at + len].trim_end_matches(['.', ',', ';', ':', '!', '?']);
        let scheme = if url.starts_with("https://") { 8 } else { 7 };
        if starts_word && url.len() > scheme {
            return Some((at, at + url.len()));
        }
        from = at + scheme.min(len.max(1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credit(authors: Option<&str>, license: Option<&str>) -> Credit {
        Credit {
            name: "Sleep and rest".into(),
            authors: authors.map(Into::into),
            license: license.map(Into::into),
            ..Credit::default()
        }
    }

    #[test]
    fn the_line_says_what_the_pack_sets_and_nothing_more() {
        let library = crate::content::load(&[]).unwrap();
        let say = |authors, license| line(&library, &credit(authors, license));
        assert_eq!(
            say(
                Some("Dr A. Rivera, Riverside Clinic"),
                Some("CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)")
            )
            .as_deref(),
            Some(
                "From Sleep and rest, © Dr A. Rivera, Riverside Clinic. Licence: CC BY 4.0 \
                 (<https://creativecommons.org/licenses/by/4.0/>)."
            )
        );
        assert_eq!(
            say(Some("Dr A. Rivera."), None).as_deref(),
            Some("From Sleep and rest, © Dr A. Rivera.")
        );
        assert_eq!(
            say(None, Some("All rights reserved")).as_deref(),
            Some("From Sleep and rest. Licence: All rights reserved.")
        );
        assert_eq!(say(None, None), None);
    }

    #[test]
    fn pack_words_are_escaped_and_addresses_linked() {
        assert_eq!(
            linked("*me* & {{#include x}} see https://example.org/a_b."),
            "\\*me\\* & {\\{#include x}} see <https://example.org/a_b>."
        );
        assert_eq!(linked("https:// alone"), "https:// alone");
        assert_eq!(linked("xhttps://a.b"), "xhttps://a.b");
        assert_eq!(
            linked("a (http://a.b/c) and https://d.e"),
            "a (<http://a.b/c>) and <https://d.e>"
        );
        assert_eq!(
            fill_once(
                "{name} {authors}",
                &[("name", "{authors}".into()), ("authors", "B".into())]
            ),
            "{authors} B"
        );
    }
}
