//! `numb support`.

use crate::{numb, stdout_of};

fn position(page: &str, needle: &str) -> usize {
    page.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in\n{page}"))
}

#[test]
fn shows_every_line_with_its_check_date_the_directory_and_emergency_numbers() {
    let page = stdout_of(numb().arg("support"));
    for needle in [
        "988",
        "116 123",
        "13 11 14",
        "findahelpline.com",
        "911",
        "999",
        "112",
        "000",
    ] {
        position(&page, needle);
    }
    assert!(page.matches("checked 20").count() >= 6, "{page}");
}

#[test]
fn a_country_flag_puts_its_lines_first() {
    let page = stdout_of(numb().args(["support", "--country", "au"]));
    assert!(position(&page, "Lines for AU") < position(&page, "13 11 14"));
    assert!(position(&page, "13 11 14") < position(&page, "116 123"));
    assert!(position(&page, "13 11 14") < position(&page, "findahelpline.com"));
}

#[test]
fn the_locale_picks_the_country_when_no_flag_is_given() {
    let page = stdout_of(numb().arg("support").env("LANG", "en_GB.UTF-8"));
    assert!(position(&page, "116 123") < position(&page, "988"));
    let page = stdout_of(
        numb()
            .arg("support")
            .env("LANG", "en_GB.UTF-8")
            .env("LC_ALL", "en_US.UTF-8"),
    );
    assert!(position(&page, "988") < position(&page, "116 123"));
}

#[test]
fn a_country_without_lines_says_so_and_names_the_directory_as_a_website() {
    for page in [
        stdout_of(numb().args(["support", "--country", "IS"])),
        stdout_of(numb().arg("support").env("LANG", "is_IS.UTF-8")),
    ] {
        let said = position(&page, "numb has no help line for IS yet.");
        assert!(said < position(&page, "findahelpline.com"), "{page}");
        assert!(
            page.contains("Find A Helpline, below, is a website"),
            "the directory is named, and called a website:\n{page}"
        );
        assert!(position(&page, "112") < said, "emergency numbers first");
        // The lines numb knows still follow, and the page does not claim a website is offline.
        assert!(position(&page, "findahelpline.com") < position(&page, "116 123"));
        assert!(
            !page.contains("This page works without the internet"),
            "{page}"
        );
        assert!(
            page.contains("the websites on it need a connection"),
            "{page}"
        );
    }
}

#[test]
fn the_new_countries_get_their_own_lines_first() {
    for (country, number) in [
        ("DE", "0800 111 0 111 or 0800 111 0 222"),
        ("FR", "Call 3114"),
        ("RE", "Call 3114"),
        ("ES", "Call 024"),
        ("NZ", "Call or text 1737"),
        ("US", "Call 988 and press 2, or text AYUDA to 988"),
    ] {
        let page = stdout_of(numb().args(["support", country]));
        let heading = position(&page, &format!("Lines for {country}"));
        assert!(heading < position(&page, number), "{country}:\n{page}");
        assert!(
            position(&page, number) < position(&page, "findahelpline.com"),
            "{country}:\n{page}"
        );
    }
    let page = stdout_of(numb().args(["support", "NZ"]));
    assert!(page.contains("111 (New Zealand)"), "{page}");
}

#[test]
fn two_letters_that_name_no_country_show_every_line_then_a_usage_error() {
    let assert = numb().args(["support", "ZZ"]).assert().code(2);
    let page = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(!page.contains("Lines for ZZ"), "{page}");
    for needle in ["988", "116 123", "1737", "3114", "findahelpline.com"] {
        position(&page, needle);
    }
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(err.contains("did not recognise the country `ZZ`"), "{err}");
}

#[test]
fn an_unknown_country_still_shows_every_line_then_a_usage_error() {
    let assert = numb()
        .args(["support", "--country", "Narnia"])
        .assert()
        .code(2);
    let page = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    for needle in ["988", "116 123", "13 11 14", "findahelpline.com"] {
        position(&page, needle);
    }
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("did not recognise the country `Narnia`"),
        "{err}"
    );
    assert!(err.contains("--country GB"), "{err}");
}

#[test]
fn common_country_names_and_a_positional_country_work() {
    for args in [
        &["support", "usa"][..],
        &["support", "US"],
        &["support", "--country", "America"],
    ] {
        let page = stdout_of(numb().args(args));
        assert!(
            position(&page, "Lines for US") < position(&page, "116 123"),
            "{args:?}"
        );
    }
    let page = stdout_of(numb().args(["support", "uk"]));
    assert!(page.contains("Lines for GB"));
    let page = stdout_of(numb().args(["support", "United", "Kingdom"]));
    assert!(page.contains("Lines for GB"), "a country in two words");
    let page = stdout_of(numb().args(["support", ""]));
    assert!(
        !page.contains("Lines for"),
        "an empty country is no country"
    );
}

#[test]
fn the_newer_countries_are_known_by_name_too() {
    for (name, line) in [
        ("Mexico", "800 911 2000"),
        ("India", "14416"),
        ("Brasil", "188"),
        ("españa", "024"),
    ] {
        let page = stdout_of(numb().args(["support", name]));
        let first = page.find(line).unwrap_or_else(|| panic!("{name}: {page}"));
        assert!(
            first < page.find("findahelpline.com").unwrap(),
            "{name}: {page}"
        );
    }
}

#[test]
fn a_line_a_pack_repeats_is_shown_once() {
    // The example pack adds France's 3114, which numb also has built in.
    let page = stdout_of(
        numb()
            .args(["--content-dir"])
            .arg(crate::fixture("../../examples/custom-pack"))
            .args(["support", "FR"]),
    );
    assert_eq!(page.matches("Call 3114").count(), 1, "{page}");
}

/// Every phone number a help line gives stays on one line, at any width, in every language,
/// on the support page and in the help that answers words of crisis: a number split in two
/// is easy to misdial.
#[test]
fn phone_numbers_are_never_split_across_lines() {
    let numbers = [
        "13 11 14",
        "0477 13 11 14",
        "0800 111 0 111",
        "0800 111 0 222",
        "800 911 2000",
        "1-800-891-4416",
        "0800 999 0091",
        "300 754 8933",
        "116 123",
    ];
    for lang in ["en", "es"] {
        for width in [20, 24, 27, 30, 33, 36, 40, 45, 50, 55, 60, 70, 80] {
            let width = width.to_string();
            for (args, locale) in [
                (vec!["support"], "C"),
                (vec!["support", "--country", "AU"], "C"),
                (vec!["feelings", "suicidal"], "C"),
                (vec!["feelings", "suicidal"], "en_AU.UTF-8"),
            ] {
                let page = stdout_of(
                    numb()
                        .args(["--lang", lang, "--width", &width])
                        .args(&args)
                        .env("LANG", locale),
                );
                let lines: Vec<&str> = page.lines().map(str::trim).collect();
                let text = lines.join(" ");
                // Every number is on the pages that list every line; the others have some.
                for number in numbers {
                    if text.contains(number)
                        || locale == "C" && args != ["support", "--country", "AU"]
                    {
                        assert!(
                            lines.iter().any(|l| l.contains(number)),
                            "{lang} {width} {args:?} {locale}: {number} is split:\n{page}"
                        );
                    }
                }
            }
        }
    }
}

/// The emergency numbers are the same facts in every language: 911 is Mexico's emergency
/// number on the English page as on the Spanish one (it was missing in English).
#[test]
fn mexicos_emergency_number_is_given_in_every_language() {
    for (lang, mexico) in [("en", "Mexico"), ("es", "México")] {
        let page = stdout_of(numb().args(["--lang", lang, "--width", "200", "support", "MX"]));
        let places = page
            .lines()
            .find_map(|l| l.trim().strip_prefix("911 ("))
            .and_then(|rest| rest.split_once(')'))
            .map(|(places, _)| places)
            .unwrap_or_else(|| panic!("{lang}: no 911 line in\n{page}"));
        assert!(
            places.split(", ").any(|p| p == mexico),
            "{lang}: 911 ({places})"
        );
    }
}

/// Countries typed by name, in English or Spanish, with or without accents, as a flag or as
/// words: `--country Chile`, `--country Perú` and `--country "Estados Unidos"` were refused.
#[test]
fn countries_typed_by_their_english_or_spanish_name_put_their_lines_first() {
    for (args, code, line) in [
        (&["support", "--country", "Chile"][..], "CL", "*4141"),
        (&["support", "--country", "Perú"], "PE", "113"),
        (&["support", "--country", "peru"], "PE", "113"),
        (&["support", "--country", "Estados Unidos"], "US", "988"),
        (&["support", "Estados", "Unidos"], "US", "988"),
        (&["support", "--country", "united states"], "US", "988"),
        (&["support", "--country", "EE. UU."], "US", "988"),
        (&["support", "--country", "Reino Unido"], "GB", "116 123"),
        (&["support", "--country", "Great Britain"], "GB", "116 123"),
        (&["support", "--country", "Nueva Zelanda"], "NZ", "1737"),
    ] {
        let page = stdout_of(numb().args(args));
        let heading = position(&page, &format!("Lines for {code}"));
        assert!(heading < position(&page, line), "{args:?}:\n{page}");
        assert!(
            position(&page, line) < position(&page, "findahelpline.com"),
            "{args:?}:\n{page}"
        );
    }
    let page = stdout_of(numb().args(["--lang", "es", "support", "--country", "Perú"]));
    position(&page, "Líneas de ayuda en PE");
    // A name numb does not know still shows every line, then says what it accepts.
    let assert = numb()
        .args(["support", "--country", "Atlantis"])
        .assert()
        .code(2);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    for needle in [
        "`Atlantis`",
        "two-letter code",
        "English or Spanish",
        "Chile, Colombia",
    ] {
        assert!(err.contains(needle), "{needle}: {err}");
    }
}

/// Something numb cannot read after `numb support` (a format it does not have, a country left
/// out, an unknown option) still shows the lines, in the language asked for, and then says
/// what it could not read, with the usage error's exit code.
#[test]
fn a_support_line_numb_cannot_read_still_shows_the_lines() {
    for (args, lines, error) in [
        (
            &["support", "--format", "xml"][..],
            "988",
            "invalid value 'xml'",
        ),
        (&["support", "--country"][..], "988", "a value is required"),
        (
            &["--lang", "es", "support", "--bogus"][..],
            "Puedes pedir ayuda",
            "unexpected argument '--bogus'",
        ),
    ] {
        let out = numb().args(args).assert().code(2).get_output().clone();
        let (page, err) = (
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
        );
        position(&page, lines);
        position(&page, "findahelpline.com");
        assert!(err.contains(error), "{args:?}: {err}");
        // The page was just shown: the error does not point to it again.
        assert!(!err.contains("numb support` lists"), "{args:?}: {err}");
    }
}
