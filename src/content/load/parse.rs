//! Parsing one content file: every TOML syntax error, hidden characters, a newer format, and
//! every field serde cannot take (set aside one by one so that all of them are reported).

use std::sync::Arc;

use serde::de::DeserializeOwned;
use toml::de::{DeTable, DeValue};

use super::MAX_PROBLEMS_PER_FILE;
use crate::content::model::FORMAT_VERSION;
use crate::content::validate;
use crate::error::{Problem, SourceFile};

/// The outcome of parsing one file.
pub(super) enum Parsed<T> {
    Ok(T),
    /// Written for a newer numb; reported, and nothing else in it is judged (with its id).
    Newer(Option<String>),
    /// Problems stopped it; the id it declares, if it could be read, so that references to
    /// it are not reported as pointing nowhere too.
    Failed(Option<String>),
}

/// Parses a file, reporting every TOML syntax error, text with control characters or bidi
/// overrides, and fields that do not fit `T`.
pub(super) fn parse<T: DeserializeOwned>(
    file: &Arc<SourceFile>,
    problems: &mut Vec<Problem>,
) -> Parsed<T> {
    let problem = |span, message| Problem {
        hides: 0,
        file: Arc::clone(file),
        span,
        message,
    };
    let (mut table, errors) = DeTable::parse_recoverable(&file.text);
    if !errors.is_empty() {
        // One error per line: after a mistake the parser often trips again on the same line.
        let mut errors: Vec<_> = errors
            .iter()
            .map(|e| (e.span().unwrap_or(0..0), e.message()))
            .collect();
        errors.sort_by_key(|(span, _)| span.start);
        let mut line_end = 0;
        for (span, message) in errors {
            if span.start < line_end && line_end > 0 {
                continue;
            }
            line_end = file.text[span.start.min(file.text.len())..]
                .find('\n')
                .map_or(file.text.len() + 1, |at| span.start + at + 1);
            let message = syntax_message(&file.text, &span, message.trim_end());
            problems.push(problem(span, message));
        }
        return Parsed::Failed(None);
    }
    // The id is read before anything is set aside, for `broken` (see `Library::resolves`).
    let id = declared_id(table.get_ref());
    // A file from a newer numb may use fields this one does not know: say only why.
    if let Some((span, version)) = newer_version(table.get_ref()) {
        problems.push(problem(span, validate::newer_version_message(version)));
        return Parsed::Newer(id);
    }
    // Which text of the original a translation follows: read by `numb check`, not the model.
    set_aside_fingerprint(&mut table);
    let unsafe_text = validate::text::unsafe_characters(file, table.get_ref());
    let mut clean = unsafe_text.is_empty();
    problems.extend(unsafe_text);
    // Most files are fine: the first try takes the table itself, without a copy.
    let first = match T::deserialize(toml::de::Deserializer::from(table)) {
        Ok(value) if clean => return Parsed::Ok(value),
        Ok(_) => return Parsed::Failed(id),
        Err(e) => e,
    };
    // The rest is for files with problems: parse again (it parsed once, so it parses now)
    // and try, setting aside what failed, until serde takes what is left.
    let (mut table, _) = DeTable::parse_recoverable(&file.text);
    set_aside_fingerprint(&mut table);
    let mut error = Some(first);
    // serde stops at the first field it cannot take. To show every problem at once, the part
    // it stopped at is set aside (an unknown or mistyped field, a table missing a field) and
    // the rest is tried again. Each set-aside key is kept with the span of its table (the
    // root's is 0..0, as serde reports it), so that the "missing field" that follows it there
    // is not reported a second time.
    let mut set_aside: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    // A missing field gets a stand-in so the rest of its table can be judged too; each
    // stand-in is tried as every kind of TOML value until serde takes one. Stand-ins sit at
    // made-up spans past the end of the file, so errors about them are told apart.
    let mut stand_ins: Vec<StandIn> = Vec::new();
    let mut next_span = file.text.len() + 1;
    for _ in 0..MAX_ATTEMPTS {
        let attempt = match error.take() {
            Some(e) => Err(e),
            None => T::deserialize(toml::de::Deserializer::from(table.clone())),
        };
        let e = match attempt {
            // Text with hidden characters is never shown, even if everything else is right.
            Ok(value) if clean => return Parsed::Ok(value),
            Ok(_) => return Parsed::Failed(id),
            Err(e) => e,
        };
        clean = false;
        let span = e.span().unwrap_or(0..0);
        let message = e.message().trim_end();
        // An error about a stand-in: try it as the next kind of value.
        if let Some(stand_in) = stand_ins.iter_mut().find(|s| s.span.start == span.start) {
            stand_in.kind += 1;
            let Some(value) = stand_in_value(stand_in.kind, &stand_in.span) else {
                return Parsed::Failed(id);
            };
            let Some(home) = find_table(table.get_mut(), &(0..0), &stand_in.table) else {
                return Parsed::Failed(id);
            };
            home.insert(stand_in_key(&stand_in.key, &stand_in.span), value);
            continue;
        }
        let missing = message
            .strip_prefix("missing field `")
            .and_then(|rest| rest.strip_suffix('`'));
        // An error about a field set aside, or about a table only because something was
        // taken out of it, says nothing new.
        let echo = match missing {
            Some(key) => set_aside
                .iter()
                .any(|(table, k)| *table == span && k == key),
            None => span != (0..0) && set_aside.iter().any(|(table, _)| *table == span),
        };
        if !echo {
            problems.push(problem(span.clone(), friendly(message)));
        }
        // One short of the most a file shows, so that this note is shown too (it sorts last).
        if problems.len() + 1 >= MAX_PROBLEMS_PER_FILE {
            let end = file.text.len();
            problems.push(problem(
                end..end,
                "numb stopped looking for more problems in this file here; fix the ones above and check again"
                    .into(),
            ));
            return Parsed::Failed(id);
        }
        if let Some(key) = missing
            && let Some(home) = find_table(table.get_mut(), &(0..0), &span)
        {
            let at = next_span..next_span + 1;
            next_span += 2;
            if let Some(value) = stand_in_value(0, &at) {
                home.insert(stand_in_key(key, &at), value);
                stand_ins.push(StandIn {
                    table: span,
                    key: key.to_string(),
                    span: at,
                    kind: 0,
                });
                continue;
            }
        }
        let Some((parent, key)) = remove_at(table.get_mut(), &(0..0), &span, missing.is_some())
        else {
            return Parsed::Failed(id);
        };
        // `titel` for `title`: the "missing field `title`" that follows says nothing new.
        if let Some(meant) = did_you_mean(message) {
            set_aside.push((parent.clone(), meant.to_string()));
        }
        set_aside.push((parent, key));
    }
    Parsed::Failed(id)
}

/// Takes out a translation's `translated_from` (see [`super::translation`]).
fn set_aside_fingerprint(table: &mut toml::Spanned<DeTable>) {
    table.get_mut().remove::<str>(super::translation::KEY);
}

/// A translation's `app.toml` read over the original's: each key the translation has is its
/// own, each it leaves out is the original's. Problems in the translation's own keys point
/// into its file. Returns the text (when it parses) and the keys it left to the original.
pub(super) fn merged<T: DeserializeOwned>(
    original: &Arc<SourceFile>,
    translation: &Arc<SourceFile>,
    problems: &mut Vec<Problem>,
) -> (Option<T>, Vec<String>) {
    // The translation alone first, for its syntax errors and hidden characters.
    let (mut own, errors) = DeTable::parse_recoverable(&translation.text);
    if !errors.is_empty() {
        let _ = parse::<toml::Table>(translation, problems);
        return (None, Vec::new());
    }
    set_aside_fingerprint(&mut own);
    let unsafe_text = validate::text::unsafe_characters(translation, own.get_ref());
    if !unsafe_text.is_empty() {
        problems.extend(unsafe_text);
        return (None, Vec::new());
    }
    let Ok(base) = DeTable::parse(&original.text) else {
        return (None, Vec::new());
    };
    let mut base = base.into_inner();
    let mut missing = Vec::new();
    overlay(&mut base, own.into_inner(), "", &mut missing);
    match T::deserialize(toml::de::Deserializer::from(toml::Spanned::new(0..0, base))) {
        Ok(value) => (Some(value), missing),
        Err(e) => {
            problems.push(Problem {
                hides: 0,
                file: Arc::clone(translation),
                span: e
                    .span()
                    .filter(|s| s.end <= translation.text.len())
                    .unwrap_or(0..0),
                message: friendly(e.message().trim_end()),
            });
            (None, missing)
        }
    }
}

/// Puts `own` over `base`, table by table; `missing` gets the dotted keys of `base` that
/// `own` does not have (tables it has in part are looked into).
fn overlay<'i>(
    base: &mut DeTable<'i>,
    mut own: DeTable<'i>,
    path: &str,
    missing: &mut Vec<String>,
) {
    for (key, value) in base.iter_mut() {
        let name = match path {
            "" => key.get_ref().to_string(),
            _ => format!("{path}.{}", key.get_ref()),
        };
        let Some((_, mine)) = own.remove_entry::<str>(key.get_ref()) else {
            missing.push(name);
            continue;
        };
        let tables = matches!(
            (value.get_ref(), mine.get_ref()),
            (DeValue::Table(_), DeValue::Table(_))
        );
        if !tables {
            *value = mine;
        } else if let (DeValue::Table(inner), DeValue::Table(mine)) =
            (value.get_mut(), mine.into_inner())
        {
            overlay(inner, mine, &name, missing);
        }
    }
    // Keys the original does not have: serde names them as unknown, in the translation.
    for (key, value) in own {
        base.insert(key, value);
    }
}

/// How many times serde is asked again after setting something aside: enough for every
/// problem a file can show (stand-ins may need a few tries each).
const MAX_ATTEMPTS: usize = MAX_PROBLEMS_PER_FILE * 4;

/// A made-up value standing in for a missing field.
struct StandIn {
    /// The span of the table it is in (0..0 for the root).
    table: std::ops::Range<usize>,
    key: String,
    /// Its made-up span, past the end of the file.
    span: std::ops::Range<usize>,
    /// Which kind of value it is now (see [`stand_in_value`]).
    kind: usize,
}

/// The stand-in of kind `kind`: text, a list, a table, a number, a yes/no, a date.
fn stand_in_value(
    kind: usize,
    span: &std::ops::Range<usize>,
) -> Option<toml::Spanned<DeValue<'static>>> {
    let source = ["\"\"", "[]", "{}", "1", "false", "2026-01-01"].get(kind)?;
    let value = DeValue::parse(source).ok()?.into_inner();
    Some(toml::Spanned::new(span.clone(), value))
}

fn stand_in_key(
    key: &str,
    span: &std::ops::Range<usize>,
) -> toml::Spanned<toml::de::DeString<'static>> {
    toml::Spanned::new(span.clone(), std::borrow::Cow::Owned(key.to_string()))
}

/// The table at `span` (the root when `span` is `here`, which is 0..0 for the root).
fn find_table<'t, 'i>(
    table: &'t mut DeTable<'i>,
    here: &std::ops::Range<usize>,
    span: &std::ops::Range<usize>,
) -> Option<&'t mut DeTable<'i>> {
    if here == span {
        return Some(table);
    }
    for (_, value) in table.iter_mut() {
        let inner = value.span();
        match value.get_mut() {
            DeValue::Table(nested) => {
                if let Some(found) = find_table(nested, &inner, span) {
                    return Some(found);
                }
            }
            DeValue::Array(items) => {
                for item in items.iter_mut() {
                    let item_span = item.span();
                    if let DeValue::Table(nested) = item.get_mut()
                        && let Some(found) = find_table(nested, &item_span, span)
                    {
                        return Some(found);
                    }
                }
            }
            _ => {}
        }
    }
    None
}

/// A TOML syntax error in an author's words: which key is duplicated (and the `[[…]]` a
/// repeated table needs), which control character a string may not hold.
fn syntax_message(text: &str, span: &std::ops::Range<usize>, message: &str) -> String {
    let at = text.get(span.clone()).unwrap_or("");
    if message == "duplicate key" && !at.is_empty() {
        let repeated_table =
            text[..span.start].ends_with('[') && !text[..span.start].ends_with("[[");
        return if repeated_table {
            format!(
                "`[{at}]` appears twice; merge the two, or, where the format takes a list of them, write each as `[[{at}]]`"
            )
        } else {
            format!("`{at}` is set twice; keep one")
        };
    }
    let first = text.get(span.start..).and_then(|rest| rest.chars().next());
    let lone_cr = first == Some('\r') && !text[span.start..].starts_with("\r\n");
    if let Some(ch) =
        first.filter(|c| c.is_control() && (!matches!(c, '\n' | '\r' | '\t') || lone_cr))
    {
        return format!(
            "the control character U+{:04X} is not allowed here; remove it",
            u32::from(ch)
        );
    }
    friendly(message)
}

/// The `id = "…"` at the top of a file, if it has one.
fn declared_id(table: &DeTable) -> Option<String> {
    table.iter().find_map(|(key, value)| match value.get_ref() {
        DeValue::String(id) if key.get_ref().as_ref() == "id" => Some(id.to_string()),
        _ => None,
    })
}

/// Removes what serde stopped at: the entry whose value is exactly at `span` (or, unless the
/// problem is a missing field, whose key starts there), or the array element exactly there,
/// wherever it is nested. Returns the span of the table it was in (`here`) and the key of the
/// entry (for an array element, the array's key).
fn remove_at(
    table: &mut DeTable,
    here: &std::ops::Range<usize>,
    span: &std::ops::Range<usize>,
    missing: bool,
) -> Option<(std::ops::Range<usize>, String)> {
    // Deepest first: an array of tables has the same span as its first table.
    let nested = table
        .iter_mut()
        .find_map(|(key, value)| remove_within(key.get_ref(), value, here, span, missing));
    if nested.is_some() {
        return nested;
    }
    let found = table
        .iter()
        .find(|(key, value)| (!missing && key.span().start == span.start) || value.span() == *span)
        .map(|(key, _)| key.clone())?;
    table.remove(&found);
    Some((here.clone(), found.into_inner().into_owned()))
}

/// [`remove_at`] inside the value of `key`, an entry of the table at `here`.
fn remove_within(
    key: &str,
    value: &mut toml::Spanned<DeValue>,
    here: &std::ops::Range<usize>,
    span: &std::ops::Range<usize>,
    missing: bool,
) -> Option<(std::ops::Range<usize>, String)> {
    let inner = value.span();
    match value.get_mut() {
        DeValue::Table(table) => remove_at(table, &inner, span, missing),
        DeValue::Array(items) => {
            let nested = items.iter_mut().find_map(|item| {
                let item_span = item.span();
                match item.get_mut() {
                    DeValue::Table(table) => remove_at(table, &item_span, span, missing),
                    _ => None,
                }
            });
            if nested.is_some() {
                return nested;
            }
            let at = items.iter().position(|item| item.span() == *span)?;
            let all = std::mem::replace(items, std::iter::empty().collect());
            *items = all
                .into_iter()
                .enumerate()
                .filter(|(i, _)| *i != at)
                .map(|(_, item)| item)
                .collect();
            Some((here.clone(), key.to_string()))
        }
        _ => None,
    }
}

/// The `format_version` of a file, when it is newer than this numb reads.
fn newer_version(table: &DeTable) -> Option<(std::ops::Range<usize>, u64)> {
    let (_, value) = table
        .iter()
        .find(|(key, _)| key.get_ref().as_ref() == "format_version")?;
    let DeValue::Integer(n) = value.get_ref() else {
        return None;
    };
    let version = u64::from_str_radix(n.as_str(), n.radix()).ok()?;
    (version > u64::from(FORMAT_VERSION)).then(|| (value.span(), version))
}

/// The TOML parser's message with Rust type names put in an author's words, and a likely
/// meant field named for an unknown one.
fn friendly(message: &str) -> String {
    let hint = did_you_mean(message)
        .map(|name| format!("; did you mean `{name}`?"))
        .unwrap_or_default();
    message
        .replace("as i128", "as a whole number")
        .replace("as u64", "as a whole number")
        .replace("expected u16", "expected a whole number from 0 to 65535")
        .replace(
            "expected u32",
            "expected a whole number from 0 to 4294967295",
        )
        .replace(
            "expected a sequence",
            "expected a list, like [\"a\", \"b\"]",
        )
        .replace(
            "expected a TOML datetime",
            "expected a date like 2026-11-25, without quotes",
        )
        + &hint
}

/// For "unknown field `titel`, expected one of `title`, …": the expected field closest to
/// the unknown one, if it is close.
fn did_you_mean(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("unknown field `")?;
    let (unknown, expected) = rest.split_once('`')?;
    let names = expected.split('`').skip(1).step_by(2);
    crate::error::closest(unknown, names.map(|name| (name, name)))
}
