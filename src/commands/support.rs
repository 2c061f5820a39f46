//! `numb support [--country CC]`: help lines, the directory and emergency numbers, offline.

use std::io::Write;

use crate::content::Library;
use crate::error::Error;
use crate::render::{Look, terminal};

/// Prints the support page; `country` is a flag value, `locale` the user's locale variables.
pub fn run<W: Write>(
    out: &mut W,
    library: &Library,
    country: Option<&str>,
    locale: &[Option<String>],
    look: Look,
) -> Result<(), Error> {
    let country = match country {
        Some(flag) => Some(parse_country(flag)?),
        None => locale_country(locale),
    };
    terminal::support(out, library, country.as_deref(), look).map_err(Error::Write)?;
    Ok(())
}

/// Accepts a two-letter country code in any case; `UK` is taken as `GB`.
fn parse_country(flag: &str) -> Result<String, Error> {
    let code = flag.trim().to_ascii_uppercase();
    if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(Error::Usage(format!(
            "--country takes a two-letter country code such as GB, US or AU, not `{flag}`"
        )));
    }
    Ok(if code == "UK" { "GB".to_string() } else { code })
}

/// The country of the first set locale variable (LC_ALL, LC_MESSAGES, LANG), e.g. `en_GB.UTF-8` → GB.
pub fn locale_country(vars: &[Option<String>]) -> Option<String> {
    let value = vars.iter().flatten().find(|v| !v.is_empty())?;
    let (_, rest) = value.split_once('_')?;
    let code: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    (code.len() == 2).then(|| code.to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_country_from_the_locale() {
        let some = |s: &str| Some(s.to_string());
        assert_eq!(
            locale_country(&[None, None, some("en_GB.UTF-8")]),
            Some("GB".into())
        );
        assert_eq!(
            locale_country(&[some("de_AT@euro"), None, some("en_US")]),
            Some("AT".into())
        );
        assert_eq!(
            locale_country(&[some(""), None, some("fr_CA")]),
            Some("CA".into())
        );
        assert_eq!(locale_country(&[some("C.UTF-8")]), None);
        assert_eq!(locale_country(&[some("POSIX")]), None);
        assert_eq!(locale_country(&[]), None);
    }

    #[test]
    fn country_flags_are_checked() {
        assert_eq!(parse_country("gb").unwrap(), "GB");
        assert_eq!(parse_country("uk").unwrap(), "GB");
        assert!(parse_country("Britain").is_err());
        assert!(parse_country("1x").is_err());
    }
}
