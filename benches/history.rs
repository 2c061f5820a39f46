//! `cargo bench --bench history`: `numb history trend` (and the table and the report) over a
//! history of 10,000 saved check-ins, with wall time and peak memory.
//!
//! Target (issue 5): the trend within 100 ms and 50 MB. The figures are printed, not asserted.

// A benchmark is a measuring script: it stops at the first failure and prints its figures.
#![allow(clippy::unwrap_used, clippy::print_stdout, unsafe_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const RECORDS: usize = 10_000;
const RUNS: usize = 9;

/// Peak resident memory of the largest child so far, in bytes.
fn children_max_rss() -> u64 {
    // SAFETY: getrusage only writes into the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    u64::try_from(usage.ru_maxrss).unwrap_or(0) * 1024
}

fn numb(home: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_numb"));
    cmd.args(args)
        .env_clear()
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("TZ", "UTC");
    cmd
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn main() {
    let work = tempfile::tempdir().expect("temp dir");
    let home = work.path().to_path_buf();
    // One real record, saved by numb, then copied with a new time and varied answers.
    let status = numb(
        &home,
        &["reflect", "--answers", "3,2,3,2,2,3,2,1,1,3,2,3", "--save"],
    )
    .output()
    .expect("numb runs");
    assert!(status.status.success(), "{status:?}");
    let file: PathBuf = home.join("data/numb/history.jsonl");
    let one: serde_json::Value =
        serde_json::from_str(fs::read_to_string(&file).unwrap().trim_end()).unwrap();
    let start = 1_600_000_000i64;
    let mut text = String::new();
    for n in 0..RECORDS {
        let mut record = one.clone();
        let at = jiff::Timestamp::from_second(start + n as i64 * 3600).unwrap();
        record["saved_at"] = serde_json::Value::String(at.to_string());
        for (i, facet) in record["facets"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .enumerate()
        {
            facet["score"] = serde_json::Value::from((n * 7 + i * 3) % 9);
        }
        if n % 10 == 0 {
            record["note"] = serde_json::Value::from(format!("note number {n}"));
        }
        text.push_str(&serde_json::to_string(&record).unwrap());
        text.push('\n');
    }
    fs::write(&file, &text).unwrap();
    println!(
        "history: {RECORDS} check-ins, {:.1} MB; median of {RUNS} runs",
        text.len() as f64 / 1e6
    );
    for args in [
        &["history", "trend"][..],
        &["history"][..],
        &["history", "report"][..],
    ] {
        let mut runs = Vec::new();
        for _ in 0..=RUNS {
            let started = Instant::now();
            let out = numb(&home, args).output().expect("numb runs");
            runs.push(started.elapsed());
            assert!(out.status.success(), "{args:?}: {out:?}");
        }
        runs.remove(0); // the first warms the page cache
        println!(
            "numb {:<16} {:>8.1?}  (peak memory of any run so far: {:.1} MB)",
            args.join(" "),
            median(runs),
            children_max_rss() as f64 / 1e6
        );
    }
    println!("target: numb history trend within 100 ms and 50 MB");
}
