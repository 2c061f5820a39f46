//! `numb reflect --save` and `numb history`: consent, the private store, damaged lines, many
//! savers at once, failures that leave the history as it was, trends, the report, forgetting.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

use crate::{fixture, stdout_of};

/// A numb whose data and settings live under `home` (not the shared test home).
fn numb_in(home: &Path) -> Command {
    Command::from_std(numb_in_std(home))
}

fn numb_in_std(home: &Path) -> std::process::Command {
    let mut cmd = crate::numb_std();
    cmd.env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"));
    cmd
}

fn data(home: &Path) -> PathBuf {
    home.join("data/numb")
}

const ANSWERS: &str = "4,4,3,2,-,1,0,0,4,3,2,1";

/// The fixture history (six check-ins over five weeks and one plan) in a new home.
fn home_with_fixture() -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    fs::create_dir_all(data(home.path())).unwrap();
    fs::set_permissions(data(home.path()), fs::Permissions::from_mode(0o700)).unwrap();
    let file = data(home.path()).join("history.jsonl");
    fs::copy(fixture("history/history.jsonl"), &file).unwrap();
    fs::set_permissions(&file, fs::Permissions::from_mode(0o600)).unwrap();
    home
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn nothing_is_saved_without_being_asked() {
    let home = tempfile::tempdir().unwrap();
    numb_in(home.path())
        .args(["reflect", "--answers", ANSWERS])
        .assert()
        .success();
    numb_in(home.path())
        .args(["reflect", "--answers", ANSWERS, "--save", "--no-save"])
        .assert()
        .success();
    assert!(!home.path().join("data").exists(), "no folder, no file");
    numb_in(home.path())
        .arg("history")
        .assert()
        .success()
        .stdout(predicate::str::contains("No saved reflections yet"));
}

#[test]
fn a_saved_reflection_reads_back_with_its_note_in_private_files() {
    let home = tempfile::tempdir().unwrap();
    let summary = numb_in(home.path())
        .args([
            "reflect",
            "--answers",
            ANSWERS,
            "--format",
            "json",
            "--save",
        ])
        .args(["--note", "  slept badly,\n walked  outside "])
        .assert()
        .success()
        .stderr(predicate::str::contains("Saved privately in"))
        .get_output()
        .stdout
        .clone();
    let summary: serde_json::Value = serde_json::from_slice(&summary).unwrap();
    assert_eq!(mode(&data(home.path())), 0o700);
    assert_eq!(mode(&data(home.path()).join("history.jsonl")), 0o600);
    assert_eq!(mode(&data(home.path()).join("history.lock")), 0o600);

    let lines = stdout_of(numb_in(home.path()).args(["history", "--format", "json"]));
    let records: Vec<serde_json::Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 1);
    let r = &records[0];
    assert_eq!(r["schema_version"], 1);
    assert_eq!(r["questionnaire"]["id"], "check-in");
    assert_eq!(
        r["questionnaire"]["version"],
        summary["questionnaire"]["version"]
    );
    assert_eq!(r["note"], "slept badly, walked outside");
    let values: Vec<_> = r["answers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| &a["value"])
        .collect();
    let expected: Vec<_> = summary["answers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| &a["value"])
        .collect();
    assert_eq!(values, expected);
    for (saved, shown) in r["facets"]
        .as_array()
        .unwrap()
        .iter()
        .zip(summary["facets"].as_array().unwrap())
    {
        assert_eq!(saved["id"], shown["id"]);
        assert_eq!(saved["score"], shown["score"]);
        assert_eq!(saved["band"], shown["band"]["label"]);
    }
    let at = r["saved_at"].as_str().unwrap();
    assert!(
        at.ends_with('Z') && at.len() == 20,
        "UTC, to the second: {at}"
    );
    let table = stdout_of(numb_in(home.path()).arg("history"));
    assert!(
        table.contains("check-in") && table.contains("Note: slept"),
        "{table}"
    );
}

#[test]
fn a_note_too_long_is_refused_before_any_question() {
    let home = tempfile::tempdir().unwrap();
    numb_in(home.path())
        .args(["reflect", "--answers", ANSWERS, "--save", "--note"])
        .arg("a".repeat(281))
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("281 characters"));
    assert!(!home.path().join("data").exists());
}

#[test]
fn loosened_permissions_are_warned_about() {
    let home = home_with_fixture();
    fs::set_permissions(data(home.path()), fs::Permissions::from_mode(0o755)).unwrap();
    numb_in(home.path())
        .arg("history")
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "other people on this computer may be able to open",
        ))
        .stderr(predicate::str::contains("chmod 700"));
}

#[test]
fn four_processes_saving_at_once_keep_all_hundred_records() {
    let home = tempfile::tempdir().unwrap();
    let savers: Vec<_> = (0..4)
        .map(|p| {
            let home = home.path().to_path_buf();
            std::thread::spawn(move || {
                for n in 0..25 {
                    numb_in(&home)
                        .args(["reflect", "--answers", ANSWERS, "--save", "--note"])
                        .arg(format!("saver {p} record {n}"))
                        .assert()
                        .success();
                }
            })
        })
        .collect();
    for saver in savers {
        saver.join().unwrap();
    }
    let text = fs::read_to_string(data(home.path()).join("history.jsonl")).unwrap();
    let notes: std::collections::BTreeSet<String> = text
        .lines()
        .map(|l| {
            let r: serde_json::Value = serde_json::from_str(l).expect("every line whole");
            r["note"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(text.lines().count(), 100);
    assert_eq!(notes.len(), 100, "each record exactly once");
    numb_in(home.path())
        .arg("history")
        .assert()
        .success()
        .stderr("");
}

#[test]
fn damaged_and_newer_lines_are_skipped_by_name_and_left_as_they_are() {
    let home = home_with_fixture();
    let file = data(home.path()).join("history.jsonl");
    let original = fs::read_to_string(&file).unwrap();
    let lines: Vec<&str> = original.lines().collect();
    let mut text = original.clone();
    let newer = lines[0].replacen("\"schema_version\":1", "\"schema_version\":2", 1);
    text.push_str(&newer);
    text.push('\n');
    text.push_str("this is not JSON\n");
    // A crash part-way through a save: the last line stops short.
    text.push_str(&lines[1][..40]);
    fs::write(&file, &text).unwrap();
    let before = fs::read(&file).unwrap();
    let listed = numb_in(home.path())
        .args(["history", "--format", "json"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "history.jsonl:8: this reflection was saved by a newer numb",
        ))
        .stderr(predicate::str::contains(
            "history.jsonl:9: this line is damaged",
        ))
        .stderr(predicate::str::contains(
            "history.jsonl:10: this line is damaged (it stops part-way)",
        ))
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8(listed).unwrap().lines().count(), 7);
    assert_eq!(fs::read(&file).unwrap(), before, "reading changes nothing");

    // A new save starts on a line of its own; the cut-short line stays as it was.
    numb_in(home.path())
        .args(["reflect", "--answers", ANSWERS, "--save"])
        .assert()
        .success();
    let after = fs::read(&file).unwrap();
    assert!(after.starts_with(&before));
    assert_eq!(after[before.len()], b'\n');
    let json = stdout_of(numb_in(home.path()).args(["history", "--format", "json"]));
    assert_eq!(json.lines().count(), 8);
}

/// `cmd` with the file size limit at `limit` bytes (writing past it fails as a full disk
/// does) and, when the tests run as root, run as the user `nobody` (so that a read-only
/// folder is read-only to it too).
fn limited(mut cmd: std::process::Command, limit: Option<u64>, as_nobody: bool) -> Command {
    use std::os::unix::process::CommandExt;
    // SAFETY: only async-signal-safe calls (signal, setrlimit, geteuid, setgid, setuid) run
    // between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            if let Some(limit) = limit {
                libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
                let rl = libc::rlimit {
                    rlim_cur: limit,
                    rlim_max: limit,
                };
                if libc::setrlimit(libc::RLIMIT_FSIZE, &rl) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
            }
            if as_nobody
                && libc::geteuid() == 0
                && (libc::setgid(65534) != 0 || libc::setuid(65534) != 0)
            {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    Command::from_std(cmd)
}

/// Lists every file under `dir`.
fn files_in(dir: &Path) -> Vec<String> {
    let mut found: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    found.sort();
    found
}

#[test]
fn a_full_disk_shows_the_summary_and_leaves_the_history_exactly_as_it_was() {
    let home = home_with_fixture();
    let file = data(home.path()).join("history.jsonl");
    let before = fs::read(&file).unwrap();
    let mut cmd = numb_in_std(home.path());
    cmd.args(["reflect", "--answers", ANSWERS, "--save"]);
    // Room for a few bytes more than the history holds: the save starts, then fails.
    limited(cmd, Some(before.len() as u64 + 100), false)
        .assert()
        .code(73)
        .stdout(predicate::str::contains(
            "This is a reflection, not a diagnosis.",
        ))
        .stderr(predicate::str::contains("cannot write"))
        .stderr(predicate::str::contains("history.jsonl"));
    assert_eq!(fs::read(&file).unwrap(), before, "exactly as it was");
    assert_eq!(
        files_in(&data(home.path())),
        ["history.jsonl", "history.lock"]
    );
}

/// The disk fills anywhere in a save, from before its first byte to after its last (a file
/// size limit, set 5 bytes further each time over the whole record, and at each edge): a save
/// with room for its record says it saved and its record is there, whole; one without exits
/// 73 and leaves the history byte for byte as it was. Afterwards the history reads, with
/// every saved record once.
#[test]
fn a_disk_that_fills_anywhere_in_a_save_loses_nothing_and_damages_nothing() {
    let home = home_with_fixture();
    let file = data(home.path()).join("history.jsonl");
    let count = |home: &Path| {
        let json = stdout_of(numb_in(home).args(["history", "--format", "json"]));
        json.lines().count()
    };
    let at_first = count(home.path());
    // How long one record is: one save without a limit.
    let before = fs::read(&file).unwrap();
    numb_in(home.path())
        .args(["reflect", "--answers", ANSWERS, "--save"])
        .assert()
        .success();
    let record = fs::read(&file).unwrap().len() - before.len();
    assert!(record > 100, "{record}");
    let (mut saved, mut refused) = (1, 0);
    // Every cut over the record, a few bytes apart, and the edges exactly.
    let mut room: Vec<usize> = (0..=record + 2).step_by(5).collect();
    room.extend([1, record - 1, record, record + 1]);
    for extra in room {
        let before = fs::read(&file).unwrap();
        let mut cmd = numb_in_std(home.path());
        cmd.args(["reflect", "--answers", ANSWERS, "--save"]);
        let out = limited(cmd, Some((before.len() + extra) as u64), false)
            .output()
            .unwrap();
        let after = fs::read(&file).unwrap();
        // Saved times are whole seconds, so every record of these answers is as long.
        let expected = if extra >= record { 0 } else { 73 };
        assert_eq!(
            out.status.code(),
            Some(expected),
            "room {extra} of {record}"
        );
        match out.status.code() {
            Some(0) => {
                saved += 1;
                assert!(after.starts_with(&before), "room {extra}: history kept");
                let line = &after[before.len()..];
                assert!(line.ends_with(b"\n"), "room {extra}: a whole line");
                assert_eq!(line.iter().filter(|&&b| b == b'\n').count(), 1);
            }
            Some(73) => {
                refused += 1;
                assert_eq!(after, before, "room {extra}: exactly as it was");
                assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write"));
            }
            code => panic!(
                "room {extra}: exit {code:?}\n{}",
                String::from_utf8_lossy(&out.stderr)
            ),
        }
    }
    assert!(
        saved > 1 && refused > 20,
        "saved {saved}, refused {refused}"
    );
    assert_eq!(
        count(home.path()),
        at_first + saved,
        "every saved record, once"
    );
    // No line is left that the reader skips (it would name it on stderr).
    numb_in(home.path())
        .arg("history")
        .assert()
        .success()
        .stderr(predicate::str::is_empty());
}

#[test]
fn a_first_save_on_a_full_disk_leaves_nothing_at_all() {
    let home = tempfile::tempdir().unwrap();
    let mut cmd = numb_in_std(home.path());
    cmd.args(["reflect", "--answers", ANSWERS, "--save"]);
    limited(cmd, Some(100), false)
        .assert()
        .code(73)
        .stdout(predicate::str::contains(
            "This is a reflection, not a diagnosis.",
        ));
    assert!(!data(home.path()).exists(), "no folder, no lock, no file");
}

#[test]
fn a_read_only_data_folder_fails_cleanly() {
    let home = home_with_fixture();
    let dir = data(home.path());
    // numb's own lock file is made by a first save, as it would be in real use.
    fs::write(dir.join("history.lock"), "").unwrap();
    let file = dir.join("history.jsonl");
    let before = fs::read(&file).unwrap();
    if unsafe { libc::geteuid() } == 0 {
        // Root may write anywhere: the test runs numb as `nobody`, who owns the home.
        for path in [
            home.path().to_path_buf(),
            home.path().join("data"),
            dir.clone(),
            file.clone(),
            dir.join("history.lock"),
        ] {
            std::os::unix::fs::chown(&path, Some(65534), Some(65534)).unwrap();
        }
    }
    fs::set_permissions(&file, fs::Permissions::from_mode(0o400)).unwrap();
    fs::set_permissions(dir.join("history.lock"), fs::Permissions::from_mode(0o400)).unwrap();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o500)).unwrap();
    let mut cmd = numb_in_std(home.path());
    cmd.args(["reflect", "--answers", ANSWERS, "--save"]);
    limited(cmd, None, true)
        .assert()
        .code(73)
        .stdout(predicate::str::contains(
            "This is a reflection, not a diagnosis.",
        ))
        .stderr(predicate::str::contains("cannot write"));
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o700)).unwrap();
    assert_eq!(fs::read(&file).unwrap(), before);
    assert_eq!(files_in(&dir), ["history.jsonl", "history.lock"]);
}

#[test]
fn forget_asks_or_needs_yes_and_then_leaves_nothing() {
    let home = home_with_fixture();
    numb_in(home.path())
        .args(["history", "forget"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--yes"));
    assert!(
        data(home.path()).join("history.jsonl").exists(),
        "nothing deleted"
    );
    numb_in(home.path())
        .args(["history", "forget", "--yes"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Deleted."));
    assert!(!data(home.path()).exists(), "the folder is gone too");
    assert!(
        home.path().join("data").exists(),
        "but not the folders above it"
    );
    numb_in(home.path())
        .args(["history", "forget", "--yes"])
        .assert()
        .success()
        .stdout(predicate::str::contains("no saved history to delete"));
}

#[test]
fn path_shows_where_the_history_lives() {
    let home = tempfile::tempdir().unwrap();
    let shown = stdout_of(numb_in(home.path()).args(["history", "path"]));
    assert_eq!(shown, format!("{}\n", data(home.path()).display()));
    assert!(
        !home.path().join("data").exists(),
        "showing the path creates nothing"
    );
}

#[test]
fn trend_snapshot() {
    let home = home_with_fixture();
    insta::assert_snapshot!(stdout_of(numb_in(home.path()).args([
        "history",
        "trend",
        "--questionnaire",
        "check-in"
    ])));
}

#[test]
fn trend_ascii_snapshot() {
    let home = home_with_fixture();
    let out =
        stdout_of(numb_in(home.path()).args(["history", "trend", "-q", "check-in", "--ascii"]));
    assert!(out.is_ascii(), "{out}");
    insta::assert_snapshot!(out);
}

/// In the accessible mode the trend and the report have no charts: a screen reader reads
/// block characters as noise. The trend says each part's scores as numbers, oldest first,
/// with "not scored" in a gap; the report keeps its table and says each change in words.
#[test]
fn the_accessible_mode_says_scores_in_words_not_charts() {
    let home = home_with_fixture();
    let blocks = |text: &str| text.chars().any(|c| ('\u{2581}'..='\u{2588}').contains(&c));
    for (flag, var) in [(Some("--accessible"), None), (None, Some("1"))] {
        let run = |args: &[&str]| {
            let mut cmd = numb_in(home.path());
            cmd.args(flag).args(args);
            if let Some(on) = var {
                cmd.env("NUMB_ACCESSIBLE", on);
            }
            stdout_of(&mut cmd)
        };
        let trend = run(&["history", "trend", "-q", "check-in", "--width", "100"]);
        assert!(!blocks(&trend), "{trend}");
        assert!(
            trend.contains("Muted feelings: 5, 5, 4, 3, 2, 1; lower than at first (5 then, 1 now)"),
            "{trend}"
        );
        assert!(
            trend.contains("Feeling far from people: 6, 6, 4, 4, not scored, 2;"),
            "{trend}"
        );
        assert!(trend.contains("Where it says \"not scored\""), "{trend}");
        assert!(
            !trend.contains("bars") && !trend.contains("chart"),
            "{trend}"
        );
        let report = run(&["history", "report", "-q", "check-in"]);
        assert!(!blocks(&report), "{report}");
        assert!(
            report.contains("| 2026-10-12 20:20 | 1 | 1 | 2 |"),
            "{report}"
        );
        assert!(
            report.contains("## How each part changed\n\n- Muted feelings: lower than at first"),
            "{report}"
        );
        assert!(!report.contains("chart"), "{report}");
    }
}

#[test]
fn report_snapshot() {
    let home = home_with_fixture();
    insta::assert_snapshot!(stdout_of(
        numb_in(home.path()).args(["history", "report", "-q", "check-in"])
    ));
}

#[test]
fn table_and_csv_snapshot() {
    let home = home_with_fixture();
    let table = stdout_of(numb_in(home.path()).arg("history"));
    let csv = stdout_of(numb_in(home.path()).args(["history", "--format", "csv"]));
    insta::assert_snapshot!(format!("{table}\n---\n{csv}"));
}

#[test]
fn report_out_writes_a_file_and_unknown_questionnaires_are_named() {
    let home = home_with_fixture();
    let out = home.path().join("for-my-therapist.md");
    numb_in(home.path())
        .args(["history", "report", "--out"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let report = fs::read_to_string(&out).unwrap();
    assert!(report.starts_with("# My saved reflections\n"), "{report}");
    numb_in(home.path())
        .args(["history", "trend", "-q", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no saved reflections of `nope`"))
        .stderr(predicate::str::contains("check-in, reconnection-plan"));
}

/// On a terminal, forget asks first, for a typed line: the default (Enter) deletes nothing, a
/// line that is not yes or no is asked again, and yes deletes all.
#[test]
fn forget_on_a_terminal_asks_and_no_is_the_default() {
    let home = home_with_fixture();
    let spawn = || {
        let mut cmd = numb_in_std(home.path());
        cmd.args(["history", "forget"]).env("LINES", "40");
        rexpect::session::spawn_command(cmd, Some(20_000)).unwrap()
    };
    let mut s = spawn();
    s.exp_string("Delete every saved reflection? This cannot be undone.")
        .unwrap();
    s.send("\r").unwrap();
    s.flush().unwrap();
    s.exp_string("Nothing was deleted.").unwrap();
    s.exp_eof().unwrap();
    assert!(data(home.path()).join("history.jsonl").exists());
    // A sentence typed ahead is not answered a letter at a time (its "y" used to delete
    // everything): it does not fit, and the question is asked again.
    let mut s = spawn();
    s.exp_string("Delete every saved reflection?").unwrap();
    s.send("yeah i dont care anymore\r").unwrap();
    s.flush().unwrap();
    s.exp_string("That does not fit").unwrap();
    s.exp_string("Delete every saved reflection?").unwrap();
    s.send("\r").unwrap();
    s.flush().unwrap();
    s.exp_string("Nothing was deleted.").unwrap();
    s.exp_eof().unwrap();
    assert!(data(home.path()).join("history.jsonl").exists());
    let mut s = spawn();
    s.exp_string("Delete every saved reflection?").unwrap();
    s.send("y\r").unwrap();
    s.flush().unwrap();
    s.exp_string("Deleted.").unwrap();
    s.exp_eof().unwrap();
    assert!(!data(home.path()).exists());
}

/// `report --out`: a new file is private, a file there keeps its mode, and a link is written
/// through (its target gets the report), never replaced.
#[test]
fn report_out_keeps_modes_and_writes_through_a_link() {
    let home = home_with_fixture();
    // A file already there is replaced only with --force.
    let report = |out: &Path| {
        numb_in(home.path())
            .args(["history", "report", "--force", "--out"])
            .arg(out)
            .assert()
            .success();
    };
    let new = home.path().join("new.md");
    report(&new);
    assert_eq!(mode(&new), 0o600);
    let shared = home.path().join("shared.md");
    fs::write(&shared, "old").unwrap();
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o644)).unwrap();
    report(&shared);
    assert_eq!(mode(&shared), 0o644);
    assert!(
        fs::read_to_string(&shared)
            .unwrap()
            .starts_with("# My saved reflections")
    );
    let link = home.path().join("link.md");
    std::os::unix::fs::symlink(&shared, &link).unwrap();
    fs::write(&shared, "old").unwrap();
    report(&link);
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::read_to_string(&shared)
            .unwrap()
            .starts_with("# My saved reflections")
    );
}

/// A record whose scores do not add up is named and skipped, not a crash.
#[test]
fn a_record_whose_scores_do_not_add_up_is_skipped() {
    let home = home_with_fixture();
    let file = data(home.path()).join("history.jsonl");
    let mut text = fs::read_to_string(&file).unwrap();
    let first = text.lines().next().unwrap().to_string();
    text.push_str(&first.replacen("\"min\":0,\"max\":8", "\"min\":8,\"max\":0", 1));
    text.push('\n');
    fs::write(&file, text).unwrap();
    for args in [&["history", "trend"][..], &["history", "report"][..]] {
        numb_in(home.path())
            .args(args)
            .assert()
            .success()
            .stderr(predicate::str::contains(
                "history.jsonl:8: this reflection's scores do not add up",
            ));
    }
}

/// Something other than a plain file where the history goes: named at once, no waiting on a
/// pipe; forget still deletes what it can.
#[test]
fn a_pipe_in_place_of_the_history_is_refused_and_can_be_forgotten() {
    let home = tempfile::tempdir().unwrap();
    let dir = data(home.path());
    fs::create_dir_all(&dir).unwrap();
    let fifo = dir.join("history.jsonl");
    let path = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: mkfifo reads the path it is given.
    assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o600) }, 0);
    numb_in(home.path())
        .arg("history")
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(66)
        .stderr(predicate::str::contains("not a regular file"));
    numb_in(home.path())
        .args(["reflect", "--answers", ANSWERS, "--save"])
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(73)
        .stderr(predicate::str::contains("not a regular file"));
    numb_in(home.path())
        .args(["history", "forget", "--yes"])
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .success();
    assert!(!dir.exists());
}

/// A history file that is a link (into a synced folder, say): forgetting deletes the file it
/// points to, where the reflections are.
#[test]
fn forget_deletes_what_a_linked_history_points_to() {
    let home = home_with_fixture();
    let elsewhere = home.path().join("synced.jsonl");
    let file = data(home.path()).join("history.jsonl");
    fs::rename(&file, &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &file).unwrap();
    assert_eq!(
        stdout_of(numb_in(home.path()).args(["history", "--format", "json"]))
            .lines()
            .count(),
        7
    );
    numb_in(home.path())
        .args(["history", "forget", "--yes"])
        .assert()
        .success();
    assert!(!elsewhere.exists());
    assert!(!data(home.path()).exists());
}

/// A reflection asked to be saved is saved even when its summary has nowhere to go.
#[test]
fn save_holds_when_the_summary_reader_is_gone() {
    let home = tempfile::tempdir().unwrap();
    let mut cmd = numb_in_std(home.path());
    cmd.args(["reflect", "--answers", ANSWERS, "--save"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null());
    let mut child = cmd.spawn().unwrap();
    // Close the reading end before numb writes.
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    let saved = fs::read_to_string(data(home.path()).join("history.jsonl")).unwrap();
    assert_eq!(saved.lines().count(), 1);
}

#[test]
fn the_list_format_goes_with_the_list_only() {
    let home = home_with_fixture();
    numb_in(home.path())
        .args(["history", "--format", "csv", "trend"])
        .assert()
        .code(2);
}

/// Answers with the two "far from people" questions skipped: that part gets no score.
const WITHOUT_PEOPLE: &str = "1,2,-,1,2,1,1,2,-,1,2,1";

#[test]
fn a_part_never_scored_is_never_shown_with_a_number() {
    let home = tempfile::tempdir().unwrap();
    for _ in 0..2 {
        numb_in(home.path())
            .args(["reflect", "--answers", WITHOUT_PEOPLE, "--save"])
            .assert()
            .success();
    }
    let trend = stdout_of(numb_in(home.path()).args(["history", "trend"]));
    let line = trend
        .lines()
        .skip_while(|l| !l.starts_with("Feeling far from people"))
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(line.contains("no score yet"), "{trend}");
    assert!(!line.contains("(0)") && !line.contains("0 now"), "{trend}");
    // No chart of blanks beside the name, or under it when the screen is narrow.
    for width in ["80", "30"] {
        let trend = stdout_of(numb_in(home.path()).args(["history", "trend", "--width", width]));
        assert!(
            trend.lines().all(|l| l == l.trim_end()),
            "no blank chart at width {width}:\n{trend}"
        );
        assert!(
            trend.lines().any(|l| l == "Feeling far from people"),
            "{trend}"
        );
    }
    let report = stdout_of(numb_in(home.path()).args(["history", "report"]));
    let line = report
        .lines()
        .find(|l| l.starts_with("- Feeling far from people"))
        .unwrap();
    assert!(!line.contains('`'), "no empty chart: {line}");
    assert!(line.contains("no score yet"), "{line}");
    let table = stdout_of(numb_in(home.path()).arg("history"));
    let words = table.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("Feeling far from people not scored"),
        "{table}"
    );
}

#[test]
fn report_out_keeps_a_file_that_is_there_unless_forced() {
    let home = home_with_fixture();
    let there = home.path().join("mine.md");
    fs::write(&there, "my own words").unwrap();
    let link = home.path().join("link.md");
    std::os::unix::fs::symlink(&there, &link).unwrap();
    for path in [&there, &link] {
        numb_in(home.path())
            .args(["history", "report", "--out"])
            .arg(path)
            .assert()
            .code(73)
            .stderr(predicate::str::contains("already has something in it"))
            .stderr(predicate::str::contains("add --force to replace it"));
        assert_eq!(fs::read_to_string(&there).unwrap(), "my own words");
    }
    numb_in(home.path())
        .args(["history", "report", "--force", "--out"])
        .arg(&there)
        .assert()
        .success();
    assert!(
        fs::read_to_string(&there)
            .unwrap()
            .starts_with("# My saved reflections")
    );
}

#[test]
fn no_notes_leaves_private_notes_out_of_the_report() {
    let home = home_with_fixture();
    let with = stdout_of(numb_in(home.path()).args(["history", "report"]));
    assert!(with.contains("A hard week at work"), "{with}");
    let without = stdout_of(numb_in(home.path()).args(["history", "report", "--no-notes"]));
    assert!(!without.contains("A hard week at work"), "{without}");
    assert!(!without.contains("## My notes"), "{without}");
    assert!(without.contains("cannot diagnose anything"), "{without}");
}

#[test]
fn in_the_table_a_note_has_its_own_labelled_line() {
    let home = home_with_fixture();
    let table = stdout_of(numb_in(home.path()).arg("history"));
    let note = table
        .lines()
        .find(|l| l.contains("A hard week at work"))
        .unwrap();
    assert!(
        note.trim_start().starts_with("Note: A hard week"),
        "{table}"
    );
    assert!(!table.contains("(A hard week"), "{table}");
}

#[test]
fn saved_parts_are_shown_by_their_name_today_and_the_trend_says_what_higher_means() {
    let home = home_with_fixture();
    let file = data(home.path()).join("history.jsonl");
    // A part the content no longer has keeps the name it was saved with.
    let text = fs::read_to_string(&file).unwrap().replace(
        "\"id\":\"masking\",\"name\":\"Masking\"",
        "\"id\":\"old-part\",\"name\":\"An old part\"",
    );
    assert!(
        text.contains("An old part"),
        "the fixture names its parts as expected"
    );
    fs::write(&file, text).unwrap();
    let words = |text: String| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let table = words(stdout_of(numb_in(home.path()).arg("history")));
    assert!(
        table.contains("Fading pleasure and interest 5 of 8"),
        "{table}"
    );
    assert!(table.contains("An old part 5 of 8"), "{table}");
    let trend = words(stdout_of(numb_in(home.path()).args(["history", "trend"])));
    assert!(
        trend.contains("Higher bars mean more of what each part's name says"),
        "{trend}"
    );
    assert!(trend.contains("Feeling far from people"), "{trend}");
    assert!(trend.contains("An old part"), "{trend}");
    let report = words(stdout_of(numb_in(home.path()).args(["history", "report"])));
    assert!(report.contains("Higher bars mean"), "{report}");
    assert!(report.contains("1. Muted feelings"), "{report}");
    assert!(report.contains("- An old part:"), "{report}");
    // The names the fixture saved, which the content has since changed, are gone.
    for old in [
        "Range of feeling",
        "Pleasure and interest",
        "Connection with others",
    ] {
        for (what, text) in [("table", &table), ("trend", &trend), ("report", &report)] {
            assert!(!text.contains(old), "{old} in the {what}: {text}");
        }
    }
}

/// A questionnaire numb no longer has keeps the names its parts were saved with, even where
/// a part's id is one the check-in has too.
#[test]
fn parts_of_a_questionnaire_no_longer_there_keep_their_saved_names() {
    let home = home_with_fixture();
    let file = data(home.path()).join("history.jsonl");
    let text = fs::read_to_string(&file)
        .unwrap()
        .replace("\"id\":\"check-in\"", "\"id\":\"retired-check\"");
    fs::write(&file, text).unwrap();
    let words = |text: String| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let table = words(stdout_of(numb_in(home.path()).arg("history")));
    assert!(
        table.contains("retired-check Range of feeling 5 of 8"),
        "{table}"
    );
    let trend = words(stdout_of(numb_in(home.path()).args([
        "history",
        "trend",
        "-q",
        "retired-check",
    ])));
    assert!(trend.contains("Range of feeling ▅▅▅▄▃▂"), "{trend}");
    let report = words(stdout_of(numb_in(home.path()).args([
        "history",
        "report",
        "-q",
        "retired-check",
    ])));
    assert!(report.contains("1. Range of feeling (scores"), "{report}");
    assert!(!report.contains("Muted feelings"), "{report}");
}

/// A time a part was not scored is a gap in its chart, and the trend and the report say so;
/// without a gap, they do not.
#[test]
fn a_gap_in_a_chart_is_explained() {
    const GAP: &str = "A gap in a chart is a time that part was not scored";
    let home = home_with_fixture();
    let trend = stdout_of(numb_in(home.path()).args(["history", "trend"]));
    assert!(trend.contains("▆▆▅▅ ▃"), "the fixture has a gap: {trend}");
    assert!(trend.contains(GAP), "{trend}");
    let report = stdout_of(numb_in(home.path()).args(["history", "report"]));
    let words = report.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains(GAP), "{report}");
    // Without the reflection that skipped a question, no chart has a gap.
    let file = data(home.path()).join("history.jsonl");
    let text: String = fs::read_to_string(&file)
        .unwrap()
        .lines()
        .filter(|l| !l.contains("\"score\":null"))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(&file, text).unwrap();
    let trend = stdout_of(numb_in(home.path()).args(["history", "trend"]));
    assert!(!trend.contains(GAP), "{trend}");
    let report = stdout_of(numb_in(home.path()).args(["history", "report"]));
    assert!(!report.contains("A gap in a chart"), "{report}");
}

/// An empty file loses nothing: one made by `mktemp`, or standard output sent to a new file
/// (`--out /dev/stdout > report.md`), is written without --force.
#[test]
fn report_out_writes_into_an_empty_file_without_force() {
    let home = home_with_fixture();
    let empty = home.path().join("empty.md");
    fs::write(&empty, "").unwrap();
    numb_in(home.path())
        .args(["history", "report", "--out"])
        .arg(&empty)
        .assert()
        .success();
    assert!(
        fs::read_to_string(&empty)
            .unwrap()
            .starts_with("# My saved reflections")
    );
    let sent = home.path().join("sent.md");
    let status = numb_in_std(home.path())
        .args(["history", "report", "--out", "/dev/stdout"])
        .stdout(fs::File::create(&sent).unwrap())
        .status()
        .unwrap();
    assert!(status.success(), "{status:?}");
    assert!(
        fs::read_to_string(&sent)
            .unwrap()
            .starts_with("# My saved reflections")
    );
}
