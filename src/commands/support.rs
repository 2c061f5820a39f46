//! `numb support [--country CC]`: help lines, the directory and emergency numbers, offline.

use std::io::Write;

use crate::content::Library;
use crate::error::Error;
use crate::render::{Look, terminal};

/// Prints the support page; `country` is what the user typed, `locale` their locale variables.
/// A country that cannot be read still gets the whole page, then a usage error.
pub fn run<W: Write>(
    out: &mut W,
    library: &Library,
    country: Option<&str>,
    locale: &[Option<String>],
    look: Look,
) -> Result<(), Error> {
    let (country, problem) = chosen_country(country, locale);
    terminal::support(out, library, country.as_deref(), look).map_err(Error::Write)?;
    problem.map_or(Ok(()), Err)
}

/// The country whose lines come first: the one asked for, else the locale's; and the
/// problem to report after the page when the one asked for is not a country numb knows.
pub fn chosen_country(
    country: Option<&str>,
    locale: &[Option<String>],
) -> (Option<String>, Option<Error>) {
    match country.map(parse_country) {
        Some(Ok(code)) => (Some(code), None),
        Some(Err(e)) => (None, Some(e)),
        None => (locale_country(locale), None),
    }
}

/// Common names people type for the countries numb knows, beyond their two-letter codes.
const COUNTRY_NAMES: &[(&str, &str)] = &[
    ("UK", "GB"),
    ("GBR", "GB"),
    ("ENGLAND", "GB"),
    ("SCOTLAND", "GB"),
    ("WALES", "GB"),
    ("USA", "US"),
    ("AMERICA", "US"),
    ("CAN", "CA"),
    ("CANADA", "CA"),
    ("AUS", "AU"),
    ("AUSTRALIA", "AU"),
    ("IRL", "IE"),
    ("IRELAND", "IE"),
    ("UNITEDKINGDOM", "GB"),
    ("GREATBRITAIN", "GB"),
    ("BRITAIN", "GB"),
    ("NORTHERNIRELAND", "GB"),
    ("UNITEDSTATES", "US"),
    ("UNITEDSTATESOFAMERICA", "US"),
    ("REPUBLICOFIRELAND", "IE"),
    ("GERMANY", "DE"),
    ("DEUTSCHLAND", "DE"),
    ("DEU", "DE"),
    ("FRANCE", "FR"),
    ("FRA", "FR"),
    ("SPAIN", "ES"),
    ("ESPANA", "ES"),
    ("ESP", "ES"),
    ("NEWZEALAND", "NZ"),
    ("AOTEAROA", "NZ"),
    ("NZL", "NZ"),
    ("MEXICO", "MX"),
    ("MÉXICO", "MX"),
    ("MEX", "MX"),
    ("INDIA", "IN"),
    ("IND", "IN"),
    ("BRAZIL", "BR"),
    ("BRASIL", "BR"),
    ("BRA", "BR"),
    ("ESPAÑA", "ES"),
];

/// Reads a country: an assigned ISO 3166-1 two-letter code in any case, or a common name
/// such as `UK` or `usa`.
fn parse_country(text: &str) -> Result<String, Error> {
    let code = text.trim().to_uppercase().replace([' ', '.'], "");
    if let Some((_, cc)) = COUNTRY_NAMES.iter().find(|(name, _)| *name == code) {
        return Ok((*cc).to_string());
    }
    if crate::content::validate::country::is_assigned(&code) {
        return Ok(code);
    }
    Err(Error::Usage(format!(
        "numb did not recognise the country `{}`; use a country's two-letter code, for example \
         `numb support --country GB` (all lines are shown above)",
        crate::render::sanitize::escape_controls(text)
    )))
}

/// The locale variables a country is read from, in the order they count.
pub fn locale() -> [Option<String>; 3] {
    ["LC_ALL", "LC_MESSAGES", "LANG"].map(|k| std::env::var(k).ok())
}

/// The person's country, from their locale (see [`locale_country`]).
pub fn country_from_locale() -> Option<String> {
    locale_country(&locale())
}

/// The country of the first set locale variable (LC_ALL, LC_MESSAGES, LANG), e.g. `en_GB.UTF-8` → GB.
pub fn locale_country(vars: &[Option<String>]) -> Option<String> {
    let value = vars.iter().flatten().find(|v| !v.is_empty())?;
    let (_, rest) = value.split_once('_')?;
    let code: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    (code.len() == 2)
        .then(|| code.to_ascii_uppercase())
        .and_then(|c| parse_country(&c).ok())
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
        assert_eq!(locale_country(&[some("en_UK.UTF-8")]), Some("GB".into()));
        assert_eq!(locale_country(&[some("C.UTF-8")]), None);
        assert_eq!(locale_country(&[some("POSIX")]), None);
        assert_eq!(locale_country(&[some("en_ZZ.UTF-8")]), None);
        assert_eq!(locale_country(&[some("es_MX.UTF-8")]), Some("MX".into()));
        assert_eq!(locale_country(&[]), None);
    }

    #[test]
    fn country_flags_are_checked() {
        assert_eq!(parse_country("gb").unwrap(), "GB");
        assert_eq!(parse_country("uk").unwrap(), "GB");
        assert_eq!(parse_country(" U.S.A. ").unwrap(), "US");
        assert_eq!(parse_country("Australia").unwrap(), "AU");
        assert_eq!(parse_country("New Zealand").unwrap(), "NZ");
        assert_eq!(parse_country("germany").unwrap(), "DE");
        assert!(parse_country("Britannia").is_err());
        assert!(parse_country("").is_err());
        assert!(parse_country("1x").is_err());
        assert!(parse_country("ZZ").is_err(), "two letters, but no country");
        assert_eq!(parse_country("nz").unwrap(), "NZ");
    }
}
