//! `numb`, `numb learn` and `numb learn <topic>`.

use predicates::prelude::*;

use crate::{SUPPORT_POINTER, numb, stdout_of, topic_ids};

#[test]
fn every_topic_renders_and_ends_with_the_support_pointer() {
    let ids = topic_ids();
    assert!(ids.len() >= 8, "{ids:?}");
    for id in ids {
        let page = stdout_of(numb().args(["learn", &id]));
        let last = page
            .trim_end()
            .lines()
            .rev()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(last.contains(SUPPORT_POINTER), "{id} ends with {last:?}");
        assert!(page.contains("Key points"), "{id}");
        assert!(page.contains("Sources"), "{id}");
    }
}

#[test]
fn the_required_topics_exist() {
    let ids = topic_ids();
    for id in [
        "what-is-it",
        "origins",
        "daily-impact",
        "reconnection",
        "signs",
        "myths",
        "supporting-someone",
        "when-to-seek-help",
    ] {
        assert!(ids.iter().any(|i| i == id), "missing {id}");
    }
}

#[test]
fn topic_pages_list_related_commands_and_sources() {
    let page = stdout_of(numb().args(["learn", "origins"]));
    assert!(page.starts_with("Where numbness comes from\n"), "{page}");
    assert!(page.contains("Content note:"), "{page}");
    assert!(page.contains("numb learn reconnection — "), "{page}");
    assert!(page.contains("https://doi.org/10."), "{page}");
}

#[test]
fn origins_page_snapshot() {
    insta::assert_snapshot!(stdout_of(numb().args(["learn", "origins"])));
}

#[test]
fn topic_table_lists_every_topic_with_its_title() {
    // Wide enough that no cell wraps: each row holds id, title and summary whole.
    let wide = stdout_of(numb().args(["learn", "--width", "300"]));
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(numb().args(["export", "--format", "json"]))).unwrap();
    for topic in json["topics"].as_array().unwrap() {
        let id = topic["id"].as_str().unwrap();
        let row = wide
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{id} ")))
            .unwrap_or_else(|| panic!("{id} not in\n{wide}"));
        assert!(row.contains(topic["title"].as_str().unwrap()), "{row}");
        assert!(row.contains(topic["summary"].as_str().unwrap()), "{row}");
    }
    let table = stdout_of(numb().arg("learn"));
    assert!(table.lines().all(|l| l.chars().count() <= 80), "{table}");
    assert!(table.contains(SUPPORT_POINTER));
}

#[test]
fn aliases_show_the_same_page() {
    let by_alias = stdout_of(numb().args(["learn", "impact"]));
    let by_id = stdout_of(numb().args(["learn", "daily-impact"]));
    assert_eq!(by_alias, by_id);
    let by_alias = stdout_of(numb().args(["learn", "causes"]));
    assert_eq!(by_alias, stdout_of(numb().args(["learn", "origins"])));
}

#[test]
fn topic_names_ignore_case_and_spaces() {
    let page = stdout_of(numb().args(["learn", "origins"]));
    assert_eq!(stdout_of(numb().args(["learn", "ORIGINS"])), page);
    assert_eq!(stdout_of(numb().args(["learn", " Origins "])), page);
    numb()
        .args(["learn", "Orgins"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `origins`?"));
}

#[test]
fn unknown_topic_suggests_closest_and_exits_2() {
    numb()
        .args(["learn", "orgins"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "error: there is no topic called `orgins`; did you mean `origins`?",
        ))
        .stderr(predicate::str::contains("numb learn origins"));
}

#[test]
fn unknown_topic_far_from_any_says_how_to_list() {
    numb()
        .args(["learn", "quantum-physics"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean").not())
        .stderr(predicate::str::contains(
            "Run `numb learn` to see every topic.",
        ));
}

#[test]
fn welcome_says_what_numb_is_and_is_not_and_points_to_support() {
    let page = stdout_of(&mut numb());
    assert!(page.contains("not a diagnosis"), "{page}");
    assert!(page.matches("numb learn").count() >= 3, "{page}");
    assert!(
        page.trim_end().ends_with("confidential help lines."),
        "{page}"
    );
    assert!(page.contains(SUPPORT_POINTER));
}

#[test]
fn help_snapshot() {
    insta::assert_snapshot!(stdout_of(numb().arg("--help")));
}
