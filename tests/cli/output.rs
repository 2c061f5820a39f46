//! Behaviour every command shares: colour, width, pipes and write errors.

use std::io::Read;
use std::process::Stdio;

use numb::content;
use numb::render::{Look, terminal};
use proptest::prelude::*;
use textwrap::core::display_width;

use crate::{numb, numb_std, stdout_of};

const COMMANDS: &[&[&str]] = &[
    &[],
    &["learn"],
    &["learn", "origins"],
    &["support"],
    &["export", "--format", "markdown"],
    &["reflect", "--answers", "0,1,2,3,4,0,1,2,3,4,0,1"],
    &["reflect", "--list"],
];

#[test]
fn piped_output_has_no_escape_bytes() {
    for args in COMMANDS {
        let out = stdout_of(numb().args(*args));
        assert!(!out.contains('\x1b'), "{args:?}");
    }
}

#[test]
fn no_color_never_and_dumb_terminals_write_no_escape_bytes_even_when_forced() {
    for args in COMMANDS {
        for (key, value) in [("NO_COLOR", "1"), ("TERM", "dumb")] {
            let out = stdout_of(
                numb()
                    .args(*args)
                    .env("CLICOLOR_FORCE", "1")
                    .env(key, value),
            );
            assert!(!out.contains('\x1b'), "{args:?} {key}");
        }
        let out = stdout_of(
            numb()
                .args(*args)
                .arg("--color=never")
                .env("CLICOLOR_FORCE", "1"),
        );
        assert!(!out.contains('\x1b'), "{args:?}");
    }
}

#[test]
fn color_always_and_clicolor_force_style_the_page() {
    let always = stdout_of(numb().args(["learn", "origins", "--color", "always"]));
    assert!(
        always.starts_with("\x1b[1mWhere numbness comes from\x1b[0m\n"),
        "{always:?}"
    );
    let forced = stdout_of(numb().args(["learn", "origins"]).env("CLICOLOR_FORCE", "1"));
    assert_eq!(always, forced);
    let plain = stdout_of(numb().args(["learn", "origins"]));
    let stripped = always
        .replace("\x1b[0m", "")
        .replace("\x1b[1m", "")
        .replace("\x1b[3m", "")
        .replace("\x1b[4m", "")
        .replace("\x1b[2m", "")
        .replace("\x1b[36m", "")
        .replace("\x1b[33m", "");
    assert_eq!(stripped, plain, "styles change nothing but the look");
}

#[test]
fn width_follows_the_flag_then_columns_then_80() {
    let widest = |s: &str| s.lines().map(display_width).max().unwrap_or(0);
    let page = stdout_of(numb().args(["learn", "reconnection", "--width", "44"]));
    assert!(
        widest(&page) <= 44 && widest(&page) > 34,
        "{}",
        widest(&page)
    );
    let page = stdout_of(numb().args(["learn", "reconnection"]).env("COLUMNS", "60"));
    assert!(widest(&page) <= 60 && widest(&page) > 50);
    let page = stdout_of(numb().args(["learn", "reconnection"]).env_remove("COLUMNS"));
    assert!(widest(&page) <= 80 && widest(&page) > 70);
    numb().args(["learn", "--width", "5"]).assert().code(2);
}

#[test]
fn a_closed_pipe_is_a_quiet_success() {
    let mut child = numb_std()
        .args(["export", "--format", "markdown"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the only reader before numb writes: its writes fail with EPIPE.
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(status.code(), Some(0), "{err}");
    assert_eq!(err, "");
}

#[test]
fn closed_pipe_through_head_exits_zero() {
    let bin = assert_cmd::cargo::cargo_bin!("numb");
    let script = format!(
        "set -o pipefail; '{}' export --format markdown | head -c1 >/dev/null",
        bin.display()
    );
    let mut bash = std::process::Command::new("bash");
    crate::isolate(&mut bash);
    let out = bash.args(["-c", &script]).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// numb starts without Rust's runtime set-up on Linux (src/main.rs, `start`) and opens closed
/// standard streams on /dev/null itself: a run with all three closed still reads the page, saves
/// a reflection that reads back whole, and reports a usage error with its own exit code.
#[test]
fn closed_standard_streams_are_no_trouble() {
    let bin = assert_cmd::cargo::cargo_bin!("numb");
    let data = tempfile::tempdir().unwrap();
    let run = |args: &str| {
        let mut sh = std::process::Command::new("sh");
        crate::isolate(&mut sh);
        sh.env("XDG_DATA_HOME", data.path())
            .args(["-c", &format!("'{}' {args} <&- >&- 2>&-", bin.display())])
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(run("learn origins"), Some(0));
    assert_eq!(
        run("reflect --answers 0,1,2,3,4,0,1,2,3,4,0,1 --save"),
        Some(0)
    );
    assert_eq!(run("learn --width 5"), Some(2));
    let listed = stdout_of(
        numb()
            .env("XDG_DATA_HOME", data.path())
            .args(["history", "--format", "json"]),
    );
    // One reflection, one JSON line, read back whole.
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 1, "{listed}");
    let saved: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(
        saved["answers"].as_array().map(Vec::len),
        Some(12),
        "{saved}"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn help_to_a_full_disk_exits_74() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = numb_std().arg("--help").stdout(full).output().unwrap();
    assert_eq!(out.status.code(), Some(74));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("error: cannot write output"));
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_gives_one_line_and_exit_74() {
    for args in COMMANDS {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = numb_std().args(*args).stdout(full).output().unwrap();
        assert_eq!(out.status.code(), Some(74), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with("error: cannot write output: "), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn wrapped_lines_never_exceed_the_width(width in 20usize..=200, color: bool) {
        let library = content::load(&[]).unwrap();
        let look = Look {
            width,
            color,
            plain: false,
        };
        let mut pages = Vec::new();
        for topic in &library.topics {
            let mut out = Vec::new();
            terminal::topic(&mut out, &library, topic, look).unwrap();
            pages.push(out);
        }
        for render in [terminal::welcome, |o: &mut Vec<u8>, l: &content::Library, k: Look| terminal::support(o, l, Some("GB"), k)] {
            let mut out = Vec::new();
            render(&mut out, &library, look).unwrap();
            pages.push(out);
        }
        for page in pages {
            let text = String::from_utf8(page).unwrap();
            let plain = strip_styles(&text);
            for line in plain.lines() {
                prop_assert!(display_width(line) <= width, "{} > {width}: {line:?}", display_width(line));
            }
        }
    }
}

#[test]
fn the_topic_table_fits_wide_and_narrow_widths() {
    for width in [40, 60, 80, 100, 160] {
        let table = stdout_of(numb().args(["learn", "--width", &width.to_string()]));
        for line in table.lines() {
            assert!(display_width(line) <= width, "{width}: {line:?}");
        }
    }
}

fn strip_styles(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn a_reader_gone_before_the_first_byte_is_a_quiet_success_for_every_command() {
    for args in [
        &["completions", "bash"][..],
        &["completions", "zsh"],
        &["man"],
        &["check"],
        &["check", "--format", "json"],
        &["export", "--format", "json"],
        &["learn", "origins"],
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = crate::numb_std()
            .args(args)
            .stdout(writer)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?}: {err}");
    }
}

/// Each command's own `--help` starts with the words `numb --help` lists it with, for the
/// commands and for `numb history`'s actions. (Subcommands are built only when used, and a
/// doc comment on an arguments struct would then replace the command's description.)
#[test]
fn each_command_help_starts_with_its_description_from_the_overview() {
    let listed = |args: &[&str]| -> Vec<(String, String)> {
        let help = stdout_of(numb().args(args).arg("--help"));
        let commands = help
            .split("Commands:\n")
            .nth(1)
            .expect("a Commands section")
            .split("\n\n")
            .next()
            .unwrap_or_default()
            .to_string();
        commands
            .lines()
            .filter_map(|line| {
                let line = line.trim_start();
                let (name, about) = line.split_once("  ")?;
                Some((name.to_string(), about.trim().to_string()))
            })
            .filter(|(name, _)| name != "help")
            .collect()
    };
    let top = listed(&[]);
    assert!(top.len() >= 10, "{top:?}");
    let history = listed(&["history"]);
    assert_eq!(
        history.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
        ["trend", "report", "forget", "path"]
    );
    let mut cases: Vec<(Vec<String>, String)> = top
        .into_iter()
        .map(|(name, about)| (vec![name], about))
        .collect();
    for (name, about) in history {
        cases.push((vec!["history".to_string(), name], about));
    }
    for (args, about) in cases {
        let help = stdout_of(numb().args(&args).arg("--help"));
        let first = help.lines().next().unwrap_or_default();
        // Both may be wrapped, at different places: compare the first 30 characters.
        let start: String = about.chars().take(30).collect();
        assert!(
            first.starts_with(&start),
            "numb {} --help starts with {first:?}, not {about:?}",
            args.join(" ")
        );
    }
}
