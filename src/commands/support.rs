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

/// The names people type for every country numb has help lines for: its English and Spanish
/// names, its own name, common short forms and its three-letter code, each compared as
/// [`name_key`] puts it (`Perú`, `peru` and `PERU` are one name; so are `U.S.A.` and `usa`).
/// The first name is the one an error lists.
///
/// These live here, not in the content: `support.toml` names no country (a line has only
/// codes, and the page heads its lines with the code), a name typed in either language must
/// work whichever language numb speaks, and a pack's country is still reached by its code.
/// A test asks for an entry for every country the built-in lines name.
const COUNTRY_NAMES: &[(&str, &[&str])] = &[
    ("AR", &["Argentina", "ARG", "República Argentina"]),
    ("AU", &["Australia", "AUS"]),
    ("BR", &["Brazil", "Brasil", "BRA"]),
    ("CA", &["Canada", "Canadá", "CAN"]),
    ("CL", &["Chile", "CHL"]),
    ("CO", &["Colombia", "COL"]),
    ("DE", &["Germany", "Alemania", "Deutschland", "DEU"]),
    ("ES", &["Spain", "España", "ESP"]),
    ("FR", &["France", "Francia", "FRA"]),
    (
        "GB",
        &[
            "United Kingdom",
            "UK",
            "U.K.",
            "GBR",
            "Great Britain",
            "Britain",
            "England",
            "Scotland",
            "Wales",
            "Northern Ireland",
            "Reino Unido",
            "Gran Bretaña",
            "Inglaterra",
            "Escocia",
            "Gales",
            "Irlanda del Norte",
        ],
    ),
    (
        "GF",
        &["French Guiana", "Guayana Francesa", "Guyane", "GUF"],
    ),
    ("GP", &["Guadeloupe", "Guadalupe", "GLP"]),
    (
        "IE",
        &[
            "Ireland",
            "Republic of Ireland",
            "Irlanda",
            "República de Irlanda",
            "Éire",
            "IRL",
        ],
    ),
    ("IN", &["India", "IND"]),
    ("MQ", &["Martinique", "Martinica", "MTQ"]),
    ("MX", &["Mexico", "México", "Méjico", "MEX"]),
    ("NZ", &["New Zealand", "Nueva Zelanda", "Aotearoa", "NZL"]),
    ("PE", &["Peru", "Perú", "PER"]),
    ("RE", &["Réunion", "La Réunion", "Reunión", "REU"]),
    (
        "US",
        &[
            "United States",
            "United States of America",
            "USA",
            "U.S.",
            "U.S.A.",
            "America",
            "Estados Unidos",
            "Estados Unidos de América",
            "EE. UU.",
            "EEUU",
            "EUA",
            "E.U.A.",
        ],
    ),
    ("YT", &["Mayotte", "MYT"]),
];

/// A country's name in the plain form names are compared in: lower case, without accents,
/// letters and digits only, and without a leading "the" (`The U.S.` is `us`).
fn name_key(text: &str) -> String {
    let plain: String = crate::content::crisis::without_accents(&text.to_lowercase())
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let mut words: Vec<&str> = plain.split_whitespace().collect();
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    words.concat()
}

/// Reads a country: an assigned ISO 3166-1 two-letter code in any case, or the English or
/// Spanish name (or a common short form) of a country numb has lines for, such as `UK`,
/// `Perú` or `Estados Unidos`.
fn parse_country(text: &str) -> Result<String, Error> {
    let key = name_key(text);
    // A code first (what the locale gives, so that is quick): no name spells another code.
    let code = key.to_uppercase();
    if crate::content::validate::country::is_assigned(&code) {
        return Ok(code);
    }
    let named = COUNTRY_NAMES
        .iter()
        .find(|(_, names)| names.iter().any(|name| name_key(name) == key));
    if let Some((code, _)) = named {
        return Ok((*code).to_string());
    }
    let mut names: Vec<&str> = COUNTRY_NAMES.iter().map(|(_, names)| names[0]).collect();
    names.sort_unstable();
    Err(Error::Usage(format!(
        "numb did not recognise the country `{}`; use a country's two-letter code, for example \
         `numb support --country GB`, or the name in English or Spanish of a country numb has \
         lines for: {} (all lines are shown above)",
        crate::render::sanitize::escape_controls(text),
        names.join(", ")
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

    /// Every country with help lines, by its English and its Spanish name, in any case and
    /// with or without accents, and by common short forms.
    #[test]
    fn countries_are_known_by_their_english_and_spanish_names() {
        for (typed, code) in [
            ("Chile", "CL"),
            ("CHILE", "CL"),
            ("Perú", "PE"),
            ("peru", "PE"),
            ("PERU", "PE"),
            ("PERÚ", "PE"),
            ("Estados Unidos", "US"),
            ("estados unidos", "US"),
            ("EE. UU.", "US"),
            ("EEUU", "US"),
            ("united states", "US"),
            ("The United States", "US"),
            ("U.S.", "US"),
            ("USA", "US"),
            ("Argentina", "AR"),
            ("Colombia", "CO"),
            ("México", "MX"),
            ("mexico", "MX"),
            ("Canadá", "CA"),
            ("Reino Unido", "GB"),
            ("Great Britain", "GB"),
            ("the UK", "GB"),
            ("Irlanda", "IE"),
            ("Irlanda del Norte", "GB"),
            ("Alemania", "DE"),
            ("Francia", "FR"),
            ("Spain", "ES"),
            ("ESPAÑA", "ES"),
            ("Nueva Zelanda", "NZ"),
            ("Brazil", "BR"),
            ("India", "IN"),
            ("Réunion", "RE"),
            ("reunion", "RE"),
            ("Guayana Francesa", "GF"),
            ("Guadalupe", "GP"),
            ("Martinica", "MQ"),
            ("Mayotte", "YT"),
        ] {
            assert_eq!(parse_country(typed).ok().as_deref(), Some(code), "{typed}");
        }
        let err = parse_country("Narnia").unwrap_err().to_string();
        for needle in [
            "`Narnia`",
            "--country GB",
            "English or Spanish",
            "Chile",
            "Peru",
        ] {
            assert!(err.contains(needle), "{needle}: {err}");
        }
    }

    /// A country that gets help lines, in either language, is known by name: an author who
    /// adds one adds its names to `COUNTRY_NAMES`. No name stands for two countries, or for a
    /// country other than the one whose two-letter code it spells.
    #[test]
    fn every_country_with_lines_has_names_and_no_name_is_ambiguous() {
        for lang in crate::content::embedded::LANGUAGES {
            let library = crate::content::load::load_in(&[], lang).unwrap();
            for line in &library.support.lines {
                for code in &line.countries {
                    let code = code.get_ref().as_str();
                    let names = COUNTRY_NAMES.iter().find(|(c, _)| *c == code);
                    assert!(
                        names.is_some_and(|(_, names)| names.len() >= 2),
                        "{lang}: {code} has lines but no names in COUNTRY_NAMES"
                    );
                }
            }
        }
        let mut seen = std::collections::HashMap::new();
        for (code, names) in COUNTRY_NAMES {
            for name in *names {
                let key = name_key(name);
                if let Some(other) = seen.insert(key.clone(), *code) {
                    assert_eq!(other, *code, "{name} names two countries");
                }
                let spelt = key.to_uppercase();
                assert!(
                    spelt == *code || !crate::content::validate::country::is_assigned(&spelt),
                    "{name} spells another country's code"
                );
            }
        }
    }
}
