//! `numb support`.

use predicates::prelude::*;

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
fn a_country_without_lines_still_gets_the_directory_and_emergency_line() {
    let page = stdout_of(numb().args(["support", "--country", "FR"]));
    assert!(page.contains("numb has no lines for FR yet"), "{page}");
    position(&page, "findahelpline.com");
    position(&page, "112");
}

#[test]
fn a_malformed_country_is_a_usage_error() {
    numb()
        .args(["support", "--country", "Britain"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("two-letter country code"));
}
