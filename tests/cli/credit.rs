//! The credit line that ends every exported page: the built-in content's, or a pack's own.

use std::fs;
use std::path::{Path, PathBuf};

use crate::{base_topic, numb, pack_with_topics, stdout_of};

/// The built-in content's credit line, as one line.
const NUMB: &str = "From numb, © the numb authors. Licence: CC BY 4.0 \
                    (<https://creativecommons.org/licenses/by/4.0/>).";

/// The credit line of the test pack below.
const CLINIC: &str = "From Riverside sleep handouts, © Dr A. Rivera, Riverside Clinic. \
                      Licence: All rights reserved.";

/// The last paragraph of a Markdown page, its lines joined.
fn last_paragraph(page: &str) -> String {
    let last = page.trim_end().rsplit("\n\n").next().unwrap_or_default();
    last.lines().map(str::trim).collect::<Vec<_>>().join(" ")
}

/// The paragraphs of a page, each on one line.
fn paragraphs(page: &str) -> Vec<String> {
    page.trim_end()
        .split("\n\n")
        .map(|p| p.lines().map(str::trim).collect::<Vec<_>>().join(" "))
        .collect()
}

/// Every `.md` file under `dir`, relative to it, but mdBook's table of contents.
fn pages(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "md") && !path.ends_with("SUMMARY.md") {
                found.push(path.strip_prefix(dir).unwrap().to_path_buf());
            }
        }
    }
    found.sort();
    found
}

fn export(format: &str, out: &Path, packs: &[&Path]) {
    let mut cmd = numb();
    for pack in packs {
        cmd.arg("--content-dir").arg(pack);
    }
    cmd.args(["export", "--format", format, "--out"])
        .arg(out)
        .assert()
        .success()
        .stdout("");
}

/// The example pack, with authors and a licence of its own and a topic that replaces the
/// built-in `origins`.
fn clinic_pack() -> tempfile::TempDir {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/custom-pack");
    let pack = tempfile::tempdir().unwrap();
    for folder in ["topics", "questionnaires"] {
        fs::create_dir(pack.path().join(folder)).unwrap();
    }
    for file in [
        "support.toml",
        "topics/sleep.toml",
        "questionnaires/rest-check.toml",
    ] {
        fs::copy(example.join(file), pack.path().join(file)).unwrap();
    }
    fs::write(pack.path().join("topics/origins.toml"), base_topic()).unwrap();
    fs::write(
        pack.path().join("pack.toml"),
        "format_version = 1\nname = \"Riverside sleep handouts\"\nlanguage = \"en\"\n\
         authors = \"Dr A. Rivera, Riverside Clinic\"\nlicense = \"All rights reserved\"\n",
    )
    .unwrap();
    pack
}

#[test]
fn every_built_in_page_ends_with_numbs_credit_line() {
    let tmp = tempfile::tempdir().unwrap();
    for format in ["markdown", "mdbook"] {
        let out = tmp.path().join(format);
        export(format, &out, &[]);
        let pages = pages(&out);
        assert!(pages.len() > 10, "{pages:?}");
        for page in pages {
            let text = fs::read_to_string(out.join(&page)).unwrap();
            assert_eq!(last_paragraph(&text), NUMB, "{format}: {}", page.display());
            assert_eq!(
                text.matches("From numb, ©").count(),
                1,
                "{}",
                page.display()
            );
        }
    }
    let document = stdout_of(numb().args(["export", "--format", "markdown"]));
    assert_eq!(last_paragraph(&document), NUMB);
    assert_eq!(
        document.matches("From numb, ©").count(),
        1,
        "once, at the end"
    );
}

#[test]
fn a_packs_pages_carry_its_own_credit_and_numbs_pages_keep_numbs() {
    let pack = clinic_pack();
    let tmp = tempfile::tempdir().unwrap();
    let book = tmp.path().join("book");
    export("mdbook", &book, &[pack.path()]);
    let page = |path: &str| fs::read_to_string(book.join("src").join(path)).unwrap();
    // The pack's topics (one replaces a built-in topic) and its worksheet: its line alone.
    for path in [
        "topics/sleep.md",
        "topics/origins.md",
        "worksheets/rest-check.md",
    ] {
        let text = page(path);
        assert_eq!(last_paragraph(&text), CLINIC, "{path}");
        assert!(!text.contains("From numb"), "{path}");
    }
    assert!(page("topics/origins.md").starts_with("# Origins, as my practice"));
    for path in [
        "topics/signs.md",
        "worksheets/check-in.md",
        "practices/body-scan.md",
        "feelings.md",
    ] {
        let text = page(path);
        assert_eq!(last_paragraph(&text), NUMB, "{path}");
        assert!(!text.contains("Riverside"), "{path}");
    }
    // Pages made of both: each pack's line, the built-in content's first.
    for path in ["README.md", "support.md"] {
        let all = paragraphs(&page(path));
        assert_eq!(all[all.len() - 2..], [NUMB, CLINIC], "{path}");
    }

    let files = tmp.path().join("files");
    export("markdown", &files, &[pack.path()]);
    let file = |path: &str| fs::read_to_string(files.join(path)).unwrap();
    assert_eq!(last_paragraph(&file("sleep.md")), CLINIC);
    assert_eq!(last_paragraph(&file("origins.md")), CLINIC);
    assert_eq!(last_paragraph(&file("signs.md")), NUMB);
    let index = paragraphs(&file("README.md"));
    assert_eq!(index[index.len() - 2..], [NUMB, CLINIC]);

    let document = paragraphs(&stdout_of(
        numb()
            .arg("--content-dir")
            .arg(pack.path())
            .args(["export", "--format", "markdown"]),
    ));
    assert_eq!(document[document.len() - 2..], [NUMB, CLINIC]);
}

#[test]
fn a_pack_without_authors_or_licence_adds_no_line() {
    let pack = pack_with_topics(&[("origins.toml", base_topic())]);
    let tmp = tempfile::tempdir().unwrap();
    let files = tmp.path().join("files");
    export("markdown", &files, &[pack.path()]);
    let origins = fs::read_to_string(files.join("origins.md")).unwrap();
    assert!(!origins.contains("From "), "{origins}");
    assert!(!origins.contains("Licence"), "{origins}");
    // The handout ends with its help lines, and no credit line after them.
    assert!(
        origins.contains("## Free, confidential support")
            && last_paragraph(&origins).contains("(checked 20"),
        "the page ends with the help lines:\n{origins}"
    );
    let signs = fs::read_to_string(files.join("signs.md")).unwrap();
    assert_eq!(last_paragraph(&signs), NUMB);
    let index = paragraphs(&fs::read_to_string(files.join("README.md")).unwrap());
    assert_eq!(index.last().map(String::as_str), Some(NUMB));
    assert_ne!(index[index.len() - 2], NUMB, "one line, numb's");
}

#[test]
fn authors_and_licence_must_be_one_line_without_hidden_characters() {
    let pack = pack_with_topics(&[]);
    let path = pack.path().join("pack.toml");
    let head = "format_version = 1\nname = \"A test pack\"\nlanguage = \"en\"\n";
    let problems = |pack_toml: &str| {
        fs::write(&path, format!("{head}{pack_toml}")).unwrap();
        let assert = numb().arg("check").arg(pack.path()).assert().code(65);
        String::from_utf8(assert.get_output().stderr.clone()).unwrap()
    };
    let err = problems(
        "authors = \"\"\"Dr A. Rivera\nRiverside Clinic\"\"\"\nlicense = \"CC BY 4.0\\nor later\"\n",
    );
    for (at, what) in [
        ("4:11", "`authors` must be one line"),
        ("6:11", "`license` must be one line"),
    ] {
        let place = format!("{}:{at}", path.display());
        assert!(err.contains(&place), "{place} missing:\n{err}");
        assert!(err.contains(what), "{what} missing:\n{err}");
    }
    let err = problems("license = \"CC BY 4.0\\u001b[2J\"\n");
    assert!(err.contains(&format!("{}:4:11", path.display())), "{err}");
    assert!(err.contains("U+001B written as an escape"), "{err}");
    // An export refuses the pack the same way: a handout never carries a broken line.
    let tmp = tempfile::tempdir().unwrap();
    numb()
        .arg("--content-dir")
        .arg(pack.path())
        .args(["export", "--format", "markdown", "--out"])
        .arg(tmp.path().join("files"))
        .assert()
        .code(65)
        .stderr(predicates::str::contains("U+001B written as an escape"));
}
