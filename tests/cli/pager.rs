//! Paging on a terminal, tested in a pseudo-terminal (rexpect).

use rexpect::process::WaitStatus;
use rexpect::session::spawn_command;

use crate::{fixture, numb_std};

/// Runs numb in a pseudo-terminal with `NUMB_PAGER` set; returns everything shown and the exit code.
fn in_terminal(args: &[&str], pager: &str) -> (String, i32) {
    run_in_terminal(numb_in_terminal(args, pager))
}

/// numb with `args` and `NUMB_PAGER` set, to run with [`run_in_terminal`].
fn numb_in_terminal(args: &[&str], pager: &str) -> std::process::Command {
    let mut cmd = numb_std();
    cmd.args(args).env("NUMB_PAGER", pager).env_remove("PAGER");
    cmd
}

/// Runs `cmd` in a pseudo-terminal; returns everything shown and the exit code.
fn run_in_terminal(cmd: std::process::Command) -> (String, i32) {
    let mut session = spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
    let shown = session.exp_eof().expect("numb finishes");
    let code = match session.process().wait().expect("exit status") {
        WaitStatus::Exited(_, code) => code,
        other => panic!("{other:?}"),
    };
    (shown, code)
}

fn fake_pager(record: &std::path::Path) -> String {
    // The pager line runs through `sh -c`, as git's does: quote the paths.
    format!(
        "'{}' '{}'",
        fixture("fake-pager.sh").display(),
        record.display()
    )
}

#[test]
fn a_topic_on_a_terminal_goes_through_the_pager_from_its_first_line() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("paged.txt");
    let (shown, code) = in_terminal(&["learn", "origins"], &fake_pager(&record));
    assert_eq!(code, 0, "{shown}");
    let paged = std::fs::read_to_string(&record).expect("the pager ran");
    assert!(
        paged.starts_with("PAGER-START\n\x1b[1mWhere numbness comes from"),
        "{paged:?}"
    );
    assert!(
        paged.contains("numb support"),
        "the whole page reached the pager"
    );
    assert!(
        !shown.contains("Where numbness comes from"),
        "nothing went around the pager: {shown:?}"
    );
}

#[test]
fn a_pager_that_cannot_start_means_printing_straight_to_the_terminal() {
    let (shown, code) = in_terminal(&["learn", "origins"], "/no/such/pager");
    assert_eq!(code, 0, "{shown}");
    assert!(
        shown.contains("Where numbness comes from") && shown.contains("numb support"),
        "{shown:?}"
    );
}

#[test]
fn a_pager_that_fails_means_printing_straight_to_the_terminal() {
    for pager in ["false", "exit 3"] {
        let (shown, code) = in_terminal(&["support"], pager);
        assert_eq!(code, 0, "{shown}");
        assert!(
            shown.contains("116 123") && shown.contains("findahelpline.com"),
            "{pager}: {shown:?}"
        );
    }
}

#[test]
fn a_dumb_terminal_is_never_paged() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("paged.txt");
    let mut cmd = numb_std();
    cmd.args(["learn", "origins"])
        .env("NUMB_PAGER", fake_pager(&record))
        .env("TERM", "dumb");
    let mut session = spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
    let shown = session.exp_eof().expect("numb finishes");
    assert!(!record.exists(), "paged on a dumb terminal");
    assert!(
        shown.contains("Where numbness comes from") && !shown.contains('\x1b'),
        "{shown:?}"
    );
}

/// The pager keeps no history file of searches in numb's pages (`LESSHISTFILE=-`).
#[test]
fn the_pager_keeps_no_history() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("env.txt");
    let line = format!(
        "printf '%s' \"$LESSHISTFILE\" > '{}'; cat > /dev/null",
        record.display()
    );
    let (shown, code) = in_terminal(&["learn", "origins"], &line);
    assert_eq!(code, 0, "{shown}");
    assert_eq!(std::fs::read_to_string(&record).unwrap(), "-");
}

/// The pager reads numb's pages as UTF-8 whatever the locale (`LESSCHARSET=utf-8`), unless
/// the person set a charset for less themselves.
#[test]
fn the_pager_reads_pages_as_utf8_under_any_locale() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("env.txt");
    let line = format!(
        "printf '%s' \"$LESSCHARSET\" > '{}'; cat > /dev/null",
        record.display()
    );
    for (locale, set, want) in [
        ("C", None, "utf-8"),
        ("en_US.UTF-8", None, "utf-8"),
        ("C", Some("latin1"), "latin1"),
    ] {
        let mut cmd = numb_in_terminal(&["--lang", "es", "learn", "origins"], &line);
        cmd.env("LC_ALL", locale).env_remove("LESSCHARDEF");
        match set {
            Some(charset) => cmd.env("LESSCHARSET", charset),
            None => cmd.env_remove("LESSCHARSET"),
        };
        let (shown, code) = run_in_terminal(cmd);
        assert_eq!(code, 0, "{shown}");
        assert_eq!(
            std::fs::read_to_string(&record).unwrap(),
            want,
            "{locale} {set:?}"
        );
    }
}

#[test]
fn an_error_before_the_page_opens_no_pager() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("paged.txt");
    let (shown, code) = in_terminal(&["learn", "orgins"], &fake_pager(&record));
    assert_eq!(code, 2);
    assert!(!record.exists(), "a pager was started for an error");
    assert!(shown.contains("did you mean `origins`"), "{shown:?}");
}

#[test]
fn export_and_no_pager_never_page() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("paged.txt");
    for args in [
        &["export", "--format", "json"][..],
        &["learn", "signs", "--no-pager"],
    ] {
        let (shown, code) = in_terminal(args, &fake_pager(&record));
        assert_eq!(code, 0, "{shown}");
        assert!(!record.exists(), "{args:?} went through the pager");
        assert!(shown.len() > 1000, "{args:?} printed to the terminal");
    }
}
