//! `numb export --format markdown|json [--out DIR]`.

use std::collections::BTreeSet;
use std::fs;

use predicates::prelude::*;

use crate::{numb, stdout_of, topic_ids};

#[test]
fn markdown_document_snapshot() {
    insta::assert_snapshot!(stdout_of(numb().args(["export", "--format", "markdown"])));
}

#[test]
fn markdown_document_carries_every_topic_sources_and_support() {
    let doc = stdout_of(numb().args(["export", "--format", "markdown"]));
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(numb().args(["export", "--format", "json"]))).unwrap();
    for topic in json["topics"].as_array().unwrap() {
        assert!(
            doc.contains(&format!("\n## {}\n", topic["title"].as_str().unwrap())),
            "{}",
            topic["id"]
        );
    }
    assert_eq!(
        doc.matches("\n# ").count() + usize::from(doc.starts_with("# ")),
        1,
        "one top-level heading"
    );
    assert!(doc.contains("**Sources:**"));
    assert!(doc.contains("findahelpline.com"));
    assert!(doc.contains("`numb support`"));
    assert!(!doc.contains('\x1b'));
    assert!(!doc.contains("\n\n\n"), "no double blank lines");
    assert!(doc.ends_with("\n") && !doc.ends_with("\n\n"));
}

#[test]
fn markdown_out_dir_writes_one_file_per_topic_and_an_index() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("handouts");
    numb()
        .args(["export", "--format", "markdown", "--out"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let names: BTreeSet<String> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    let mut expected: BTreeSet<String> = topic_ids()
        .into_iter()
        .map(|id| format!("{id}.md"))
        .collect();
    expected.insert("README.md".into());
    expected.insert("practices".into());
    assert_eq!(names, expected);
    // Practices in a folder of their own, linked from the index, linking back to topics.
    let practices: BTreeSet<String> = fs::read_dir(out.join("practices"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(practices.contains("five-senses.md"), "{practices:?}");
    let grounding = fs::read_to_string(out.join("practices/five-senses.md")).unwrap();
    assert!(grounding.contains("](../reconnection.md)"), "{grounding}");

    let index = fs::read_to_string(out.join("README.md")).unwrap();
    assert!(index.contains("](practices/five-senses.md)"), "{index}");
    for id in topic_ids() {
        assert!(
            index.contains(&format!("]({id}.md)")),
            "{id} not linked from the index"
        );
        let page = fs::read_to_string(out.join(format!("{id}.md"))).unwrap();
        assert!(page.starts_with("# "), "{id}");
        assert!(page.contains("## Sources"), "{id}");
        // A handout on paper: the help lines as text after the page, then the credit line
        // (tests/cli/credit.rs).
        let help = page
            .find("## Free, confidential support")
            .expect("the help lines");
        assert!(page[..help].contains("## Sources"), "{id}");
        assert!(page[help..].contains("Call 116 123"), "{id}");
        let (_, credit) = page.trim_end().rsplit_once("\n\n").unwrap();
        assert!(credit.starts_with("From numb, ©"), "{id}");
        for link in page.split("](").skip(1) {
            let target = &link[..link.find(')').unwrap()];
            if !target.starts_with('<') && target.ends_with(".md") {
                assert!(out.join(target).is_file(), "{id} links to missing {target}");
            }
        }
    }
    insta::assert_snapshot!(
        "origins_file",
        fs::read_to_string(out.join("origins.md")).unwrap()
    );
}

#[test]
fn markdown_out_dir_refuses_a_non_empty_folder_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    numb()
        .args(["export", "--format", "markdown", "--out"])
        .arg(dir.path())
        .assert()
        .code(73)
        .stderr(predicate::str::contains("is not empty").and(predicate::str::contains("--force")));
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "nothing written"
    );

    numb()
        .args(["export", "--format", "markdown", "--force", "--out"])
        .arg(dir.path())
        .assert()
        .success();
    assert_eq!(
        fs::read_to_string(dir.path().join("notes.txt")).unwrap(),
        "mine",
        "other files are left alone"
    );
    assert!(dir.path().join("origins.md").is_file());
    let leftovers = fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(".numb-export-")
        })
        .count();
    assert_eq!(leftovers, 0, "no temporary files left behind");
}

#[test]
fn markdown_out_that_cannot_be_created_exits_73() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    fs::write(&file, "x").unwrap();
    numb()
        .args(["export", "--format", "markdown", "--out"])
        .arg(file.join("sub"))
        .assert()
        .code(73)
        .stderr(predicate::str::starts_with("error: cannot write"));
}

#[test]
fn json_export_parses_and_carries_every_topic() {
    let text = stdout_of(numb().args(["export", "--format", "json"]));
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["schema_version"], 1);
    let topics = json["topics"].as_array().unwrap();
    let mut ids: Vec<&str> = topics.iter().map(|t| t["id"].as_str().unwrap()).collect();
    ids.sort_unstable();
    // Every file under content/en/topics is one topic, named after its id.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/en/topics");
    let mut files: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            e.unwrap()
                .path()
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    files.sort_unstable();
    assert_eq!(ids, files);
    for topic in topics {
        for field in [
            "title",
            "summary",
            "sections",
            "key_points",
            "sources",
            "related",
            "aliases",
        ] {
            assert!(!topic[field].is_null(), "{} has no {field}", topic["id"]);
        }
        for source in topic["sources"].as_array().unwrap() {
            assert!(source["url"].is_string() || source["doi"].is_string());
        }
    }
    assert!(json["support"]["lines"].as_array().unwrap().len() >= 4);
    assert_eq!(
        json["support"]["lines"][0]["verified_on"]
            .as_str()
            .map(str::len),
        Some(10)
    );
    assert!(
        json["support_pointer"]
            .as_str()
            .unwrap()
            .contains("numb support")
    );
}

#[test]
fn json_export_snapshot() {
    insta::assert_snapshot!(stdout_of(numb().args(["export", "--format", "json"])));
}

#[test]
fn content_that_looks_like_markdown_stays_literal_in_the_export() {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let doc = stdout_of(
        numb()
            .args(["export", "--format", "markdown"])
            .arg("--content-dir")
            .arg(crate::fixture("markdown-lookalikes")),
    );
    // mdBook runs `{{#include}}` anywhere, even in code spans: no `{{` may reach it.
    assert!(!doc.contains("{{"), "{doc}");
    // What a CommonMark reader (with mdBook's extensions) sees: the same words, no images,
    // no extra headings or lists.
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut text = String::new();
    for event in Parser::new_ext(&doc, options) {
        match event {
            Event::Start(Tag::Image { .. }) => panic!("an image in the export"),
            Event::Start(Tag::Heading { id: Some(id), .. }) => panic!("heading attribute {id}"),
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak => text.push(' '),
            Event::Start(Tag::Link { .. } | Tag::Emphasis | Tag::Strong) => {}
            Event::End(TagEnd::Link | TagEnd::Emphasis | TagEnd::Strong) => {}
            _ => text.push('\n'),
        }
    }
    for needle in [
        "Step ## {#evil .cls}",
        "2025. A new year starts {{ #include /etc/hostname }}.",
        "- a dash",
        "# a hash",
        "> a quote",
        "1) a number",
        "*not emphasis*",
        "{{#include /etc/passwd}} inside code",
        "Look!a picture here",
        "Includes {#dup}",
        "{{#include /etc/passwd}} and a tab.",
    ] {
        assert!(
            text.contains(needle),
            "{needle:?} not read back from the export:\n{text}"
        );
    }
}

#[test]
fn json_with_out_dir_is_a_usage_error() {
    numb()
        .args(["export", "--format", "json", "--out", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("redirect"));
}

#[test]
fn out_that_is_a_file_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("handouts");
    fs::write(&file, "x").unwrap();
    numb()
        .args(["export", "--format", "markdown", "--out"])
        .arg(&file)
        .assert()
        .code(73)
        .stderr(predicate::str::contains("it is a file, not a folder"));
}

#[test]
fn a_failed_export_writes_none_of_its_files() {
    let dir = tempfile::tempdir().unwrap();
    // A folder where a topic file should go makes the export fail before it writes a file.
    fs::create_dir(dir.path().join("signs.md")).unwrap();
    numb()
        .args(["export", "--format", "markdown", "--force", "--out"])
        .arg(dir.path())
        .assert()
        .code(73)
        .stderr(
            predicate::str::contains("signs.md")
                .and(predicate::str::contains("a folder is in the way")),
        );
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(
        names,
        vec!["signs.md".to_string()],
        "nothing else written, no temporary files left"
    );
}

/// Every file of the book, relative to its folder, with `/` separators.
fn files_under(root: &std::path::Path) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut todo = vec![root.to_path_buf()];
    while let Some(dir) = todo.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path);
            } else {
                let rel = path.strip_prefix(root).unwrap();
                found.insert(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found
}

fn export_book(dir: &std::path::Path, extra: &[&str]) {
    numb()
        .args(["export", "--format", "mdbook", "--out"])
        .arg(dir)
        .args(extra)
        .assert()
        .success()
        .stdout("");
}

#[test]
fn mdbook_export_writes_a_book_whose_internal_links_all_resolve() {
    let tmp = tempfile::tempdir().unwrap();
    let book = tmp.path().join("book");
    let pack = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/custom-pack");
    export_book(&book, &["--content-dir", pack.to_str().unwrap()]);
    let files = files_under(&book);
    let mut expected: BTreeSet<String> = [
        "book.toml",
        "src/SUMMARY.md",
        "src/README.md",
        "src/support.md",
        "src/worksheets/check-in.md",
        "src/worksheets/reconnection-plan.md",
        "src/worksheets/rest-check.md",
        "src/topics/sleep.md",
        "src/feelings.md",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    expected.extend(topic_ids().iter().map(|id| format!("src/topics/{id}.md")));
    expected.extend(
        [
            "body-scan",
            "five-senses",
            "name-a-feeling",
            "paced-breathing",
            "self-compassion-pause",
            "wake-the-senses",
        ]
        .map(|id| format!("src/practices/{id}.md")),
    );
    assert_eq!(files, expected);

    // Every relative link in every page points at a file of the book.
    let mut links = 0;
    for file in files.iter().filter(|f| f.ends_with(".md")) {
        let path = book.join(file);
        let text = fs::read_to_string(&path).unwrap();
        for event in pulldown_cmark::Parser::new(&text) {
            if let pulldown_cmark::Event::Start(pulldown_cmark::Tag::Link { dest_url, .. }) = event
            {
                if dest_url.starts_with("https://") {
                    continue;
                }
                links += 1;
                let target = path.parent().unwrap().join(dest_url.as_ref());
                assert!(target.is_file(), "{file}: link to {dest_url} goes nowhere");
            }
        }
    }
    assert!(links > 30, "only {links} internal links");

    let summary = fs::read_to_string(book.join("src/SUMMARY.md")).unwrap();
    for id in topic_ids() {
        assert!(summary.contains(&format!("(topics/{id}.md)")), "{id}");
    }
    let sheet = fs::read_to_string(book.join("src/worksheets/check-in.md")).unwrap();
    for words in [
        "This is a reflection, not a diagnosis.",
        "☐ Never (0)",
        "## Reading your answers",
        "counts the other way round: use 4 minus the number you ticked",
        "- **0 to 2: little.**",
        "`numb support` lists free",
        "**If your total is 6 to 8:** Losing pleasure or interest",
        "**If two or more of your totals are in their highest band:**",
        // Two question numbers read as a person writes them.
        "Add up your answers to questions 1 and 7.",
    ] {
        assert!(sheet.contains(words), "{words} missing:\n{sheet}");
    }
    assert!(!sheet.contains("questions 1, 7"), "{sheet}");
    // On paper the help lines are printed, the pack's (France's 3114) before numb's own.
    let lines = sheet.find("### Lines by country").expect("the help lines");
    let pack_line = sheet.find("**FR:** [3114").expect("the pack's line");
    let samaritans = sheet.find("Call 116 123").expect("numb's own lines");
    assert!(lines < pack_line && pack_line < samaritans, "{sheet}");
    assert!(sheet.contains("If you are in danger right now"), "{sheet}");
    let support = fs::read_to_string(book.join("src/support.md")).unwrap();
    assert!(
        support.contains("3114") && support.contains("116 123"),
        "{support}"
    );
    let config = fs::read_to_string(book.join("book.toml")).unwrap();
    assert!(config.contains("language = \"en\""), "{config}");
    // Content stays as written: no curly quotes, `--flag` not turned into a dash.
    assert!(config.contains("smart-punctuation = false"), "{config}");
}

/// mdBook, for the build test: `MDBOOK`, then `mdbook` on PATH, then the copy `.ci/run`
/// installs. Missing, the test says on stderr that it was skipped and how to run it, unless
/// `NUMB_REQUIRE_MDBOOK` is set (CI sets it), when it fails. `NUMB_SKIP_MDBOOK=1` leaves it
/// out on purpose.
pub(crate) fn mdbook() -> Option<std::path::PathBuf> {
    if std::env::var_os("NUMB_SKIP_MDBOOK").is_some() {
        eprintln!("NUMB_SKIP_MDBOOK is set: not building the book");
        return None;
    }
    let ci = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/ci-tools/bin/mdbook");
    let found = std::env::var_os("MDBOOK")
        .map(std::path::PathBuf::from)
        .or_else(|| {
            std::process::Command::new("mdbook")
                .arg("--version")
                .output()
                .ok()
                .filter(|o| o.status.success())
                .map(|_| "mdbook".into())
        })
        .or_else(|| ci.is_file().then_some(ci));
    const HOW: &str = "install it with `cargo install --locked mdbook --version 0.5.4` (or set MDBOOK to its path)";
    match found {
        Some(mdbook) => Some(mdbook),
        None if std::env::var_os("NUMB_REQUIRE_MDBOOK").is_some() => {
            panic!("mdbook is required here (NUMB_REQUIRE_MDBOOK is set) and was not found: {HOW}")
        }
        None => {
            eprintln!(
                "skipped: mdbook_builds_the_exported_book_without_a_warning needs mdBook, which was not found; {HOW} and run the tests again (CI requires it)"
            );
            None
        }
    }
}

#[test]
fn mdbook_builds_the_exported_book_without_a_warning() {
    let Some(mdbook) = mdbook() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let book = tmp.path().join("book");
    let pack = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/custom-pack");
    export_book(&book, &["--content-dir", pack.to_str().unwrap()]);
    let out = std::process::Command::new(mdbook)
        .arg("build")
        .arg(&book)
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{log}");
    assert!(!log.contains("WARN") && !log.contains("ERROR"), "{log}");
    let html = fs::read_to_string(book.join("book/worksheets/check-in.html")).unwrap();
    assert!(html.contains("Reading your answers"));
    assert!(book.join("book/topics/sleep.html").is_file());
}

#[test]
fn mdbook_export_needs_out_and_an_empty_folder() {
    numb()
        .args(["export", "--format", "mdbook"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--out"));
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("notes.txt"), "mine").unwrap();
    numb()
        .args(["export", "--format", "mdbook", "--out"])
        .arg(tmp.path())
        .assert()
        .code(73)
        .stderr(predicate::str::contains("is not empty"));
    assert_eq!(files_under(tmp.path()).len(), 1, "nothing written");
    export_book(tmp.path(), &["--force"]);
    assert_eq!(
        fs::read_to_string(tmp.path().join("notes.txt")).unwrap(),
        "mine"
    );
}

#[cfg(unix)]
#[test]
fn exports_never_write_through_a_symlink_inside_the_folder() {
    use std::os::unix::fs::symlink;
    for (link, format) in [
        ("src", "mdbook"),
        ("book.toml", "mdbook"),
        ("src/topics", "mdbook"),
        ("origins.md", "markdown"),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        let elsewhere = tmp.path().join("elsewhere");
        fs::create_dir_all(&elsewhere).unwrap();
        fs::write(elsewhere.join("keep.txt"), "untouched").unwrap();
        let at = out.join(link);
        fs::create_dir_all(at.parent().unwrap()).unwrap();
        symlink(&elsewhere, &at).unwrap();
        numb()
            .args(["export", "--format", format, "--force", "--out"])
            .arg(&out)
            .assert()
            .code(73)
            .stderr(predicate::str::contains("symbolic link"));
        assert_eq!(
            files_under(&elsewhere),
            BTreeSet::from(["keep.txt".to_string()]),
            "{link}: nothing written through the link"
        );
        let written: Vec<String> = files_under(&out)
            .into_iter()
            .filter(|f| f.ends_with(".md") || f.ends_with("book.toml"))
            .collect();
        assert!(written.is_empty(), "{link}: {written:?}");
    }
}

#[test]
fn an_id_that_would_leave_the_folder_stops_the_export_before_any_file() {
    let pack = crate::pack_with_topics(&[(
        "evil.toml",
        crate::base_topic().replace("id = \"origins\"", "id = \"../../evil\""),
    )]);
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("a/b");
    numb()
        .args(["export", "--format", "mdbook", "--out"])
        .arg(&out)
        .arg("--content-dir")
        .arg(pack.path())
        .assert()
        .code(65)
        .stderr(predicate::str::contains("topic id `../../evil` must be"));
    assert!(!out.exists());
    assert!(files_under(tmp.path()).is_empty());
}

#[test]
fn a_forced_export_that_fails_part_way_puts_every_file_back() {
    let tmp = tempfile::tempdir().unwrap();
    let book = tmp.path().join("book");
    export_book(&book, &[]);
    // Earlier files of the new export are placed before the failing one.
    fs::write(book.join("src/SUMMARY.md"), "old summary\n").unwrap();
    fs::write(book.join("book.toml"), "old = true\n").unwrap();
    let before = files_under(&book);
    // With every name numb could keep the old origins.md under taken, that one step fails.
    for suffix in std::iter::once(String::new()).chain((1..10).map(|n| format!("-{n}"))) {
        let blocker = book.join(format!("src/topics/.origins.md.numb-old{suffix}"));
        fs::create_dir_all(&blocker).unwrap();
        fs::write(blocker.join("keep"), "mine").unwrap();
    }
    numb()
        .args(["export", "--format", "mdbook", "--force", "--out"])
        .arg(&book)
        .assert()
        .code(73)
        .stderr(
            predicate::str::contains("origins.md").and(predicate::str::contains(
                "no free name beside it to keep the old origins.md aside",
            )),
        );
    assert_eq!(
        fs::read_to_string(book.join("src/SUMMARY.md")).unwrap(),
        "old summary\n"
    );
    assert_eq!(
        fs::read_to_string(book.join("book.toml")).unwrap(),
        "old = true\n"
    );
    let mut after = files_under(&book);
    after.retain(|f| !f.contains(".origins.md.numb-old"));
    assert_eq!(
        files_under(&book).len() - after.len(),
        10,
        "the blocking folders are untouched"
    );
    assert_eq!(
        after, before,
        "the same files, no temporary or backup files left"
    );
    assert!(book.join("src/topics/origins.md").is_file());
}

#[test]
fn force_leaves_a_file_that_only_looks_like_numbs_backup_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("origins.md"), "old\n").unwrap();
    fs::write(out.join(".origins.md.numb-old"), "my notes\n").unwrap();
    numb()
        .args(["export", "--format", "markdown", "--force", "--out"])
        .arg(&out)
        .assert()
        .success();
    assert_eq!(
        fs::read_to_string(out.join(".origins.md.numb-old")).unwrap(),
        "my notes\n"
    );
    assert!(
        fs::read_to_string(out.join("origins.md"))
            .unwrap()
            .starts_with("# ")
    );
    assert!(
        !out.join(".origins.md.numb-old-1").exists(),
        "backup removed"
    );
}

/// A folder export checks body text as it writes it; a body outside the Markdown subset still
/// gets the full report, with its place, and nothing is written, in every output format that
/// takes a folder. A problem elsewhere in the pack is listed with it.
#[test]
fn a_body_outside_the_subset_stops_a_folder_export_with_its_place() {
    let good = crate::base_topic();
    let bad = good
        .replace("id = \"origins\"", "id = \"bad-body\"")
        .replace(
            "body = \"This page comes from a user pack.\"",
            "body = \"\"\"\nFine words.\n\n## A heading in the body\n\"\"\"",
        );
    assert!(bad.contains("## A heading"), "the fixture changed");
    let typo = good
        .replace("id = \"origins\"", "id = \"typo\"")
        .replacen("title =", "titel =", 1);
    for (files, problems) in [
        (vec![("bad-body.toml", bad.clone())], 1),
        (vec![("bad-body.toml", bad), ("typo.toml", typo)], 2),
    ] {
        let pack = crate::pack_with_topics(&files);
        for format in ["markdown", "mdbook"] {
            let out = tempfile::tempdir().unwrap();
            let dir = out.path().join("book");
            numb()
                .arg("--content-dir")
                .arg(pack.path())
                .args(["export", "--format", format, "--out"])
                .arg(&dir)
                .assert()
                .code(65)
                .stderr(predicate::str::contains("bad-body.toml:13:1"))
                .stderr(predicate::str::contains(
                    "a heading (use the section's `heading` field) is not part of numb's Markdown subset",
                ))
                .stderr(predicate::str::contains(format!("{problems} problem")));
            let left: Vec<_> = fs::read_dir(out.path())
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            assert!(left.is_empty(), "{format}: {left:?}");
        }
    }
}

/// A new folder appears whole under its own name (written beside it, then renamed): the same
/// files as an export into an empty folder that exists, ordinary permissions (as the umask
/// allows, like a folder and file made by hand), missing parents made, and nothing else left.
#[cfg(unix)]
#[test]
fn a_new_folder_export_matches_one_into_an_empty_folder_and_leaves_nothing_beside_it() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o7777;
    let tmp = tempfile::tempdir().unwrap();
    let existing = tmp.path().join("existing");
    fs::create_dir(&existing).unwrap();
    let fresh = tmp.path().join("parent/new-book");
    for (dir, format) in [(&existing, "mdbook"), (&fresh, "mdbook")] {
        numb()
            .args(["export", "--format", format, "--out"])
            .arg(dir)
            .assert()
            .success();
    }
    let files = |root: &std::path::Path| -> Vec<(String, String)> {
        let mut found = Vec::new();
        let mut stack = vec![root.to_path_buf()];
        while let Some(dir) = stack.pop() {
            for entry in fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    let rel = path.strip_prefix(root).unwrap().display().to_string();
                    found.push((rel, fs::read_to_string(&path).unwrap()));
                }
            }
        }
        found.sort();
        found
    };
    assert!(files(&fresh).len() > 5);
    assert_eq!(files(&fresh), files(&existing));

    let by_hand = tmp.path().join("by-hand");
    fs::create_dir(&by_hand).unwrap();
    fs::write(by_hand.join("f.md"), "x").unwrap();
    assert_eq!(mode(&fresh), mode(&by_hand), "folder mode");
    assert_eq!(mode(&fresh.join("src")), mode(&by_hand), "subfolder mode");
    assert_eq!(
        mode(&fresh.join("src/SUMMARY.md")),
        mode(&by_hand.join("f.md")),
        "file mode"
    );
    let beside: Vec<_> = fs::read_dir(tmp.path().join("parent"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(beside, vec![std::ffi::OsString::from("new-book")]);
}

/// Content problems come before folder problems: a bad body is reported (65) even when the
/// folder would also be refused (a file, not empty, a link inside).
#[test]
fn a_bad_body_is_reported_before_a_folder_problem() {
    let bad = crate::base_topic().replace(
        "body = \"This page comes from a user pack.\"",
        "body = \"\"\"\nFine words.\n\n## A heading in the body\n\"\"\"",
    );
    let pack = crate::pack_with_topics(&[("origins.toml", bad)]);
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("a-file");
    fs::write(&file, "x").unwrap();
    let full = tmp.path().join("full");
    fs::create_dir(&full).unwrap();
    fs::write(full.join("notes.txt"), "mine").unwrap();
    for (out, force) in [(&file, false), (&full, false), (&full, true)] {
        let mut cmd = numb();
        cmd.arg("--content-dir")
            .arg(pack.path())
            .args(["export", "--format", "markdown", "--out"])
            .arg(out);
        if force {
            cmd.arg("--force");
        }
        cmd.assert()
            .code(65)
            .stderr(predicate::str::contains("origins.toml:13:1"));
    }
    assert_eq!(fs::read_to_string(full.join("notes.txt")).unwrap(), "mine");
    assert_eq!(fs::read_dir(&full).unwrap().count(), 1);
}

/// Where numb's own folder must go there is a file, or DIR is a link to nothing: each gets
/// a message naming what is in the way.
#[cfg(unix)]
#[test]
fn a_file_in_the_way_of_a_folder_or_a_dangling_link_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    let book = tmp.path().join("book");
    fs::create_dir_all(book.join("src")).unwrap();
    fs::write(book.join("src/topics"), "x").unwrap();
    numb()
        .args(["export", "--format", "mdbook", "--force", "--out"])
        .arg(&book)
        .assert()
        .code(73)
        .stderr(predicate::str::contains("src/topics"))
        .stderr(predicate::str::contains(
            "a file is in the way of this folder",
        ));
    let dangling = tmp.path().join("dangling");
    std::os::unix::fs::symlink(tmp.path().join("nowhere"), &dangling).unwrap();
    numb()
        .args(["export", "--format", "markdown", "--out"])
        .arg(&dangling)
        .assert()
        .code(73)
        .stderr(predicate::str::contains(
            "a symbolic link to something that is not there",
        ));
    assert!(!tmp.path().join("nowhere").exists());
}

/// A new folder with a name near the system's limit: the hidden name it is written under
/// while in progress stays within the limit too.
#[test]
fn a_new_folder_with_a_long_name_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("a".repeat(240));
    numb()
        .args(["export", "--format", "markdown", "--out"])
        .arg(&out)
        .assert()
        .success();
    assert!(out.join("README.md").is_file());
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
}

/// Ctrl-C while a large export is being written stops it with exit 130 and leaves nothing:
/// not the folder, not the hidden one it was being written under, not the folders above it.
#[cfg(unix)]
#[test]
fn ctrl_c_during_an_export_leaves_nothing_behind() {
    let pack = crate::pack_dir();
    fs::create_dir(pack.path().join("topics")).unwrap();
    let base = crate::base_topic();
    for n in 0..3000 {
        let id = format!("topic-{n:04}");
        fs::write(
            pack.path().join(format!("topics/{id}.toml")),
            base.replace("id = \"origins\"", &format!("id = \"{id}\"")),
        )
        .unwrap();
    }
    let tmp = tempfile::tempdir().unwrap();
    let parent = tmp.path().join("made/for/it");
    let mut child = crate::numb_std()
        .arg("--content-dir")
        .arg(pack.path())
        .args(["export", "--format", "markdown", "--out"])
        .arg(parent.join("book"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The hidden folder appears once the content is loaded and writing begins.
    let started = std::time::Instant::now();
    let writing = loop {
        let staging = fs::read_dir(&parent).ok().and_then(|mut d| d.next());
        if staging.is_some() {
            break true;
        }
        if child.try_wait().unwrap().is_some() || started.elapsed().as_secs() > 60 {
            break false;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    };
    assert!(writing, "the export never started writing");
    let pid = i32::try_from(child.id()).unwrap();
    // SAFETY: kill only sends a signal to the child this test started.
    unsafe { libc::kill(pid, libc::SIGINT) };
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(
        stderr.contains("stopped; the export wrote nothing"),
        "{stderr}"
    );
    let left: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// A book made with a pack is the pack's own: title (book_title, else name), authors,
/// description and language in book.toml. Without a pack it is numb's.
#[test]
fn a_book_takes_its_title_authors_and_language_from_the_pack() {
    let pack = crate::pack_dir();
    std::fs::write(
        pack.path().join("pack.toml"),
        "format_version = 1\nname = \"Riverside handouts\"\nlanguage = \"en-GB\"\n\
         description = \"For our Tuesday group.\"\nauthors = \"Dr A. Rivera\"\n\
         book_title = \"Feeling again, at Riverside\"\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let book = out.path().join("book");
    numb()
        .args(["export", "--format", "mdbook", "--out"])
        .arg(&book)
        .arg("--content-dir")
        .arg(pack.path())
        .assert()
        .success();
    let config: toml::Value =
        toml::from_str(&fs::read_to_string(book.join("book.toml")).unwrap()).unwrap();
    let b = &config["book"];
    assert_eq!(b["title"].as_str(), Some("Feeling again, at Riverside"));
    assert_eq!(
        b["authors"].as_array().unwrap()[0].as_str(),
        Some("Dr A. Rivera")
    );
    assert_eq!(b["description"].as_str(), Some("For our Tuesday group."));
    assert_eq!(b["language"].as_str(), Some("en-GB"));

    let plain = out.path().join("plain");
    numb()
        .args(["export", "--format", "mdbook", "--out"])
        .arg(&plain)
        .assert()
        .success();
    let config: toml::Value =
        toml::from_str(&fs::read_to_string(plain.join("book.toml")).unwrap()).unwrap();
    assert_eq!(config["book"]["language"].as_str(), Some("en"));
    assert!(config["book"].get("authors").is_none(), "{config}");
}

/// `--pack-only` publishes the packs without numb's own topics, questionnaires and practices;
/// the help lines are always kept; links never point at a page left out; no pack is a usage
/// error that says what to do.
#[test]
fn pack_only_publishes_the_packs_and_keeps_the_help_lines() {
    let pack = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/custom-pack");
    let json: serde_json::Value = serde_json::from_str(&stdout_of(
        numb()
            .args(["export", "--format", "json", "--pack-only", "--content-dir"])
            .arg(&pack),
    ))
    .unwrap();
    let ids = |key: &str| -> Vec<String> {
        json[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids("topics"), ["sleep"]);
    assert_eq!(ids("questionnaires"), ["rest-check"]);
    assert!(ids("practices").is_empty());
    let lines = json["support"]["lines"].to_string();
    assert!(
        lines.contains("3114") && lines.contains("116 123"),
        "{lines}"
    );

    let out = tempfile::tempdir().unwrap();
    let folder = out.path().join("md");
    numb()
        .args(["export", "--format", "markdown", "--pack-only", "--out"])
        .arg(&folder)
        .arg("--content-dir")
        .arg(&pack)
        .assert()
        .success();
    assert!(folder.join("sleep.md").is_file());
    assert!(!folder.join("origins.md").exists());
    for file in ["README.md", "sleep.md"] {
        let text = fs::read_to_string(folder.join(file)).unwrap();
        for (at, _) in text.match_indices("](") {
            let target = &text[at + 2..];
            let target = &target[..target.find(')').unwrap()];
            if !target.contains("://") {
                assert!(
                    folder.join(target).is_file(),
                    "{file}: {target} goes nowhere"
                );
            }
        }
    }
    numb()
        .args(["export", "--format", "json", "--pack-only"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("--content-dir DIR"));
}
