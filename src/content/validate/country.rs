//! Checks on help lines that need no file: ISO 3166-1 country codes and `verified_on` dates.

use toml::value::Datetime;

/// The 249 officially assigned ISO 3166-1 alpha-2 codes, sorted. Taken from Debian's
/// `iso-codes` 4.15.0 (`iso_3166-1.json`, which follows the ISO 3166 Maintenance Agency) and
/// checked against the tz database's `iso3166.tab` (2025b): both list the same 249 codes.
/// User-assigned codes such as `XK` (used by some for Kosovo) are not officially assigned.
pub const ISO_3166_ALPHA2: [&str; 249] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// Codes people often write for a country whose ISO code differs: the UK's is GB, and Greece's
/// is GR (the EU writes it EL).
const LOOK_ALIKES: &[(&str, &str)] = &[("UK", "GB"), ("EL", "GR")];

/// True when `code` is an officially assigned ISO 3166-1 alpha-2 code, in upper case.
pub fn is_assigned(code: &str) -> bool {
    ISO_3166_ALPHA2.binary_search(&code).is_ok()
}

/// What is wrong with `code` as the country of a help line, or `None` when it is an assigned
/// alpha-2 code in upper case. Suggests the code meant for common mistakes (`UK`, `EL`, lower
/// case, spaces around it).
pub fn code_problem(code: &str) -> Option<String> {
    if is_assigned(code) {
        return None;
    }
    let shown = crate::sanitize::escape_controls(code);
    let upper = code.trim().to_ascii_uppercase();
    let meant = LOOK_ALIKES
        .iter()
        .find(|(wrong, _)| *wrong == upper)
        .map(|(_, right)| *right)
        .or_else(|| is_assigned(&upper).then_some(upper.as_str()));
    Some(match meant {
        Some(right) => {
            format!("`{shown}` is not an ISO 3166-1 alpha-2 country code; did you mean `{right}`?")
        }
        None => format!(
            "`{shown}` is not an ISO 3166-1 alpha-2 country code: use an assigned two-letter \
             code in upper case, like GB or DE"
        ),
    })
}

/// What is wrong with a `verified_on` date that is later than `today`, or `None`. A date
/// without a day (a time alone) is reported elsewhere.
pub fn future_date_problem(date: &Datetime, today: jiff::civil::Date) -> Option<String> {
    let day = date.date?;
    let checked = (
        i32::from(day.year),
        i32::from(day.month),
        i32::from(day.day),
    );
    let now = (
        i32::from(today.year()),
        i32::from(today.month()),
        i32::from(today.day()),
    );
    (checked > now).then(|| {
        format!(
            "`verified_on` {day} is later than today ({today}); use the day someone checked \
             the number on the service's own page"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_complete_sorted_and_upper_case() {
        assert_eq!(ISO_3166_ALPHA2.len(), 249);
        assert!(
            ISO_3166_ALPHA2.windows(2).all(|w| w[0] < w[1]),
            "sorted, no twins"
        );
        assert!(
            ISO_3166_ALPHA2
                .iter()
                .all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()))
        );
        for code in ["GB", "US", "DE", "NZ", "AX", "ZW", "SS", "BQ"] {
            assert!(is_assigned(code), "{code}");
        }
        for code in ["UK", "EL", "XK", "ZZ", "EU", "gb", "G", "GBR", ""] {
            assert!(!is_assigned(code), "{code}");
        }
    }

    #[test]
    fn assigned_codes_pass() {
        for code in ISO_3166_ALPHA2 {
            assert_eq!(code_problem(code), None, "{code}");
        }
    }

    #[test]
    fn common_mistakes_get_the_code_meant() {
        let said = |code: &str| code_problem(code).unwrap_or_default();
        assert!(said("UK").ends_with("did you mean `GB`?"), "{}", said("UK"));
        assert!(said("uk").ends_with("did you mean `GB`?"), "{}", said("uk"));
        assert!(said("EL").ends_with("did you mean `GR`?"), "{}", said("EL"));
        assert!(said("de").ends_with("did you mean `DE`?"), "{}", said("de"));
        assert!(said("Nz").ends_with("did you mean `NZ`?"), "{}", said("Nz"));
        assert!(
            said(" GB").ends_with("did you mean `GB`?"),
            "{}",
            said(" GB")
        );
        assert!(said("UK").starts_with("`UK` is not an ISO 3166-1 alpha-2 country code"));
    }

    #[test]
    fn unknown_codes_say_what_a_code_looks_like() {
        for code in ["ZZ", "XK", "GBR", "", "1x", "\u{1b}[2J"] {
            let said = code_problem(code).expect(code);
            assert!(said.contains("like GB or DE"), "{said}");
            assert!(!said.contains("did you mean"), "{said}");
            assert!(!said.contains('\u{1b}'), "escaped: {said:?}");
        }
    }

    #[test]
    fn only_dates_after_today_are_refused() {
        let today = jiff::civil::date(2026, 12, 3);
        let date = |s: &str| s.parse::<Datetime>().unwrap();
        assert_eq!(future_date_problem(&date("2026-12-03"), today), None);
        assert_eq!(future_date_problem(&date("2026-12-02"), today), None);
        assert_eq!(future_date_problem(&date("1999-01-01"), today), None);
        for later in ["2026-12-04", "2027-01-01", "2026-12-31", "9999-12-31"] {
            let said = future_date_problem(&date(later), today).expect(later);
            assert!(
                said.starts_with(&format!(
                    "`verified_on` {later} is later than today (2026-12-03)"
                )),
                "{said}"
            );
        }
        assert_eq!(
            future_date_problem(&date("12:00:00"), today),
            None,
            "a time alone is another check's problem"
        );
    }
}
