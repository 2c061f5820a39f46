//! Checks for a `support.toml`: the parts a built-in page needs, every line's countries and
//! the dates its numbers were checked.

use super::{At, country};
use crate::content::model::SupportFile;
use crate::error::Problem;

/// Checks one `support.toml`; `builtin` ones must have every part. With `today`, a
/// `verified_on` date after it is a problem too (the loader passes today's date).
pub fn support_file(
    page: &SupportFile,
    builtin: bool,
    today: Option<jiff::civil::Date>,
) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut at = At {
        file: &page.file,
        out: &mut out,
    };
    at.version(&page.format_version);
    match &page.intro {
        Some(intro) => at.inline(intro, "intro"),
        None if builtin => at.push(
            &page.format_version,
            "the built-in support.toml needs an `intro`".into(),
        ),
        None => {}
    }
    match &page.emergency {
        Some(e) => {
            at.inline(&e.text, "emergency.text");
            at.inline(&e.numbers, "emergency.numbers");
            at.checked_on(&e.verified_on, today);
        }
        None if builtin => at.push(
            &page.format_version,
            "the built-in support.toml needs an [emergency] table".into(),
        ),
        None => {}
    }
    match &page.directory {
        Some(d) => {
            at.line(&d.name, "directory.name");
            at.inline(&d.text, "directory.text");
            at.https(&d.url);
            at.checked_on(&d.verified_on, today);
        }
        None if builtin => at.push(
            &page.format_version,
            "the built-in support.toml needs a [directory] table".into(),
        ),
        None => {}
    }
    for line in &page.lines {
        at.line(&line.name, "name");
        at.inline(&line.contact, "contact");
        if let Some(details) = &line.details {
            at.inline(details, "details");
        }
        at.checked_on(&line.verified_on, today);
        if let Some(url) = &line.url {
            at.https(url);
        }
        if line.countries.is_empty() {
            at.push(
                &line.name,
                "a support line needs at least one country".into(),
            );
        }
        for cc in &line.countries {
            if let Some(problem) = country::code_problem(cc.get_ref()) {
                at.push(cc, problem);
            }
        }
    }
    out
}
