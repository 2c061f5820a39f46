//! User content folders (`--content-dir`, `NUMB_CONTENT_DIR`) and content errors.

use predicates::prelude::*;

use crate::{base_topic, fixture, numb, pack_dir, pack_with_topics, stdout_of};

#[test]
fn hidden_characters_planted_in_a_topic_are_refused_with_their_place() {
    let dir = fixture("planted-escape");
    let file = "tests/fixtures/planted-escape/topics/planted.toml";
    // numb check reports them all; pages leave the pack out (see broken_packs.rs).
    for args in [&["check"][..]] {
        let assert = numb()
            .args(args)
            .arg("--content-dir")
            .arg(&dir)
            .assert()
            .code(65);
        let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
        for (at, what) in [
            ("4:9", "U+001B written as an escape"),
            ("5:11", "U+202E written as an escape"),
            ("6:15", "U+0007 written as an escape"),
            ("8:46", "the bidi control U+202E is hidden here"),
            ("9:31", "the control character U+009B is hidden here"),
            ("12:11", "U+001B written as an escape"),
            ("13:8", "U+001B written as an escape"),
        ] {
            assert!(
                err.contains(&format!("{file}:{at}")),
                "{at} missing:\n{err}"
            );
            assert!(err.contains(what), "{what} missing:\n{err}");
        }
        // The report itself never carries the characters it warns about.
        assert!(
            !err.contains(['\x1b', '\x07', '\u{202e}', '\u{2066}', '\u{9b}']),
            "{err:?}"
        );
        assert!(
            err.trim_end()
                .ends_with("error: 7 problems in 1 content file"),
            "{err}"
        );
    }
}

#[test]
fn a_user_topic_replaces_the_built_in_one_with_the_same_id() {
    let page = stdout_of(
        numb()
            .args(["learn", "origins"])
            .env("NUMB_CONTENT_DIR", fixture("override")),
    );
    assert!(
        page.starts_with("Origins, as my practice explains them"),
        "{page}"
    );
    // Other topics still come from the built-in pack.
    stdout_of(
        numb()
            .args(["learn", "signs"])
            .env("NUMB_CONTENT_DIR", fixture("override")),
    );
}

#[test]
fn bad_content_reports_every_problem_with_path_line_col_and_exits_65() {
    let assert = numb()
        .arg("check")
        .arg("--content-dir")
        .arg(fixture("bad-content"))
        .assert()
        .code(65);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    let broken = "tests/fixtures/bad-content/topics/broken.toml";
    let typo = "tests/fixtures/bad-content/topics/typo.toml";
    for (needle, what) in [
        (format!("{typo}:3:1"), "unknown field"),
        (
            format!("{broken}:6:12"),
            "related topic `no-such-topic` does not exist",
        ),
        (format!("{broken}:2:6"), "at least two [[sources]]"),
        (format!("{broken}:16:7"), "is not an https address"),
    ] {
        assert!(err.contains(&needle), "{needle} missing from\n{err}");
        assert!(err.contains(what), "{what} missing from\n{err}");
    }
    assert!(err.contains("unknown field `titel`"), "{err}");
    assert!(err.contains("related = [\"no-such-topic\"]"), "{err}");
    assert!(err.contains("^^^"), "{err}");
    assert!(
        err.trim_end()
            .ends_with("error: 4 problems in 2 content files"),
        "{err}"
    );
}

#[test]
fn broken_user_content_never_hides_the_support_lines() {
    for args in [&["support"][..], &[]] {
        let assert = numb()
            .args(args)
            .arg("--content-dir")
            .arg(fixture("bad-content"))
            .assert()
            .code(0);
        let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
        assert!(
            out.contains("numb support") || out.contains("116 123"),
            "{out}"
        );
        let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
        assert!(err.contains("left out the content pack"), "{err}");
    }
    let assert = numb()
        .args(["support", "--content-dir", "/no/such/numb/folder"])
        .assert()
        .code(66);
    assert!(String::from_utf8_lossy(&assert.get_output().stdout).contains("116 123"));
}

#[test]
fn user_support_lines_come_first_and_never_remove_the_built_in_ones() {
    let page = stdout_of(
        numb()
            .args(["support", "--country", "NZ"])
            .env("NUMB_CONTENT_DIR", fixture("override")),
    );
    let local = page.find("A made-up local line").expect("user line shown");
    assert!(local < page.find("findahelpline.com").unwrap(), "{page}");
    for built_in in ["988", "116 123", "13 11 14"] {
        assert!(page.contains(built_in), "{built_in} missing:\n{page}");
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_among_the_topics_does_not_hang() {
    let dir = pack_dir();
    std::fs::create_dir(dir.path().join("topics")).unwrap();
    let status = std::process::Command::new("mkfifo")
        .arg(dir.path().join("topics/pipe.toml"))
        .status()
        .unwrap();
    assert!(status.success());
    numb()
        .arg("check")
        .arg("--content-dir")
        .arg(dir.path())
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(65)
        .stderr(predicate::str::contains("not a regular file"));
}

#[test]
fn a_missing_content_dir_exits_66() {
    numb()
        .args(["learn", "--content-dir", "/no/such/numb/folder"])
        .assert()
        .code(66)
        .stderr(predicate::str::starts_with(
            "error: cannot read /no/such/numb/folder",
        ));
}

#[test]
fn unreadable_files_are_problems_not_crashes() {
    let dir = pack_dir();
    let topics = dir.path().join("topics");
    std::fs::create_dir(&topics).unwrap();
    std::fs::write(
        topics.join("bad.toml"),
        b"format_version = 1\nid = \"x\xff\"\n",
    )
    .unwrap();
    std::fs::write(topics.join("big.toml"), vec![b'#'; 1024 * 1024 + 1]).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("/dev/zero", topics.join("zero.toml")).unwrap();
    let assert = numb()
        .arg("check")
        .arg("--content-dir")
        .arg(dir.path())
        .assert()
        .code(65);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("bad.toml:2:8") && err.contains("not valid UTF-8"),
        "{err}"
    );
    assert!(
        err.contains("big.toml:1:1") && err.contains("larger than 1 MiB"),
        "{err}"
    );
    #[cfg(unix)]
    assert!(
        err.contains("zero.toml:1:1") && err.contains("not a regular file"),
        "{err}"
    );
}

#[test]
fn a_newer_format_version_asks_for_a_newer_numb() {
    let dir = pack_with_topics(&[(
        "new.toml",
        "format_version = 2\nid = \"new\"\nshiny = true\n".to_string(),
    )]);
    numb()
        .arg("check")
        .arg("--content-dir")
        .arg(dir.path())
        .assert()
        .code(65)
        .stderr(predicate::str::contains(
            "format_version 2 needs a newer numb",
        ))
        .stderr(predicate::str::contains("new.toml:1:18"));
}

#[test]
fn a_folder_without_pack_toml_is_refused_and_stray_files_are_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("topics")).unwrap();
    std::fs::write(dir.path().join("mine.toml"), "format_version = 1\n").unwrap();
    let assert = numb()
        .arg("check")
        .arg("--content-dir")
        .arg(dir.path())
        .assert()
        .code(65);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    // The folder is named, not a pack.toml that does not exist.
    let folder = dir.path().join("");
    assert!(
        err.contains(&format!(" --> {}\n", folder.display())) && err.contains("has no pack.toml"),
        "{err}"
    );
    assert!(!err.contains("pack.toml:1:1"), "{err}");
    assert!(
        err.contains("mine.toml") && err.contains("numb does not read this file"),
        "{err}"
    );
    assert!(
        err.trim_end().ends_with("2 problems in 2 content files"),
        "{err}"
    );
}

#[test]
fn hidden_files_in_topics_are_skipped_and_type_errors_read_plainly() {
    let dir = pack_with_topics(&[(
        "origins.toml",
        base_topic().replacen("year = 2026", "year = \"2026\"", 1),
    )]);
    std::fs::write(
        dir.path().join("topics/._mine.toml"),
        b"\x00\x05\x16\x07junk",
    )
    .unwrap();
    let assert = numb()
        .arg("check")
        .arg("--content-dir")
        .arg(dir.path())
        .assert()
        .code(65);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(!err.contains("._mine"), "{err}");
    assert!(
        err.contains("expected a whole number") && !err.contains("u16"),
        "{err}"
    );
    assert!(
        err.trim_end().ends_with("1 problem in 1 content file"),
        "{err}"
    );
}

#[test]
fn a_user_support_file_may_hold_only_lines_and_survives_broken_topics() {
    let dir = pack_dir();
    std::fs::write(
        dir.path().join("support.toml"),
        "format_version = 1\n[[lines]]\ncountries = [\"GB\"]\nname = \"A local line\"\ncontact = \"Call 0000 (test)\"\nverified_on = 2026-11-25\n",
    )
    .unwrap();
    let page = stdout_of(
        numb()
            .args(["support", "GB"])
            .arg("--content-dir")
            .arg(dir.path()),
    );
    assert!(
        page.find("A local line").unwrap() < page.find("Samaritans").unwrap(),
        "{page}"
    );
    assert!(
        page.contains("911") && page.contains("findahelpline.com"),
        "built-in parts kept"
    );

    std::fs::create_dir(dir.path().join("topics")).unwrap();
    std::fs::write(dir.path().join("topics/bad.toml"), "garbage = = =\n").unwrap();
    let assert = numb()
        .args(["support", "GB"])
        .arg("--content-dir")
        .arg(dir.path())
        .assert()
        .code(0);
    let page = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(
        page.contains("A local line"),
        "the user's help line survives a broken topic:\n{page}"
    );
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(err.contains("left out the content pack"), "{err}");
}
