//! A content pack with a problem never blocks the person reading: the reading commands go on
//! with the built-in content and every pack that loads, and name the broken pack once on
//! stderr (its first problem's place, how many more, `numb check`). Publishing and checking
//! still refuse it.

use crate::{fixture, numb};

/// Runs numb with `args` and the content folders, returning stdout, stderr and the code.
fn run(
    args: &[&str],
    dirs: &[std::path::PathBuf],
    data: &std::path::Path,
) -> (String, String, i32) {
    let mut cmd = numb();
    cmd.args(args).env("XDG_DATA_HOME", data);
    for dir in dirs {
        cmd.arg("--content-dir").arg(dir);
    }
    let out = cmd.output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn every_reading_command_goes_on_and_names_the_pack_once() {
    let data = tempfile::tempdir().unwrap();
    let bad = fixture("bad-content");
    let answers = "--answers=1,1,1,1,1,1,1,1,1,1,1,1";
    for args in [
        &[][..],
        &["learn"],
        &["learn", "origins"],
        &["reflect", "--list"],
        &["reflect", answers],
        &["practice"],
        &["practice", "five-senses"],
        &["feelings"],
        &["feelings", "calm"],
        &["support", "GB"],
        &["history"],
        &["history", "forget", "--yes"],
    ] {
        let (out, err, code) = run(args, std::slice::from_ref(&bad), data.path());
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(
            !out.trim().is_empty() || args.starts_with(&["history"]),
            "{args:?}"
        );
        assert_eq!(
            err.matches("left out the content pack in").count(),
            1,
            "{args:?} names the pack once:\n{err}"
        );
        let place = format!("{}:2:6", bad.join("topics/broken.toml").display());
        let check = format!("numb check {}`", bad.display());
        assert!(
            err.contains(&place) && err.contains("It has 3 more.") && err.contains(&check),
            "{args:?}:\n{err}"
        );
        // One line of notice, not the whole report with its snippets.
        assert!(!err.contains("^^^"), "{args:?}:\n{err}");
        assert!(!err.contains("Deleted."), "{args:?}:\n{err}");
    }
}

#[test]
fn a_pack_that_loads_still_replaces_by_id_beside_a_broken_one() {
    let data = tempfile::tempdir().unwrap();
    let dirs = [fixture("override"), fixture("bad-content")];
    let (out, err, code) = run(&["learn", "origins"], &dirs, data.path());
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("Origins, as my practice explains them"),
        "{out}"
    );
    assert_eq!(err.matches("left out the content pack").count(), 1, "{err}");
    let named = format!("content pack in {},", dirs[1].display());
    assert!(err.contains(&named), "{err}");
}

#[test]
fn publishing_and_checking_still_refuse_a_broken_pack() {
    let data = tempfile::tempdir().unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let book = out_dir.path().join("book");
    let book = book.to_str().unwrap();
    let bad = [fixture("bad-content")];
    for args in [
        &["check"][..],
        &["export", "--format", "json"],
        &["export", "--format", "markdown"],
        &["export", "--format", "markdown", "--out", book],
    ] {
        let (out, err, code) = run(args, &bad, data.path());
        assert_eq!(code, 65, "{args:?}: {err}");
        assert!(
            err.contains("4 problems in 2 content files"),
            "{args:?}: {err}"
        );
        assert!(!err.contains("left out"), "{args:?}: {err}");
        if args[0] == "export" {
            assert!(out.is_empty(), "{args:?} wrote a page: {out}");
        }
    }
    assert!(!std::path::Path::new(book).exists(), "no half book");
}
