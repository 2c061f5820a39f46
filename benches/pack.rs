//! `cargo bench --bench pack`: the cost of `numb check` and `numb export --format markdown
//! --out` on a synthetic pack of 2,000 topics (about 10 MB of TOML), against reading and
//! parsing the same files with the toml crate alone, and numb's peak memory.
//!
//! Targets (issue 4): check at most 1.5 times the toml-only parse, export at most twice it,
//! peak memory under five times the pack's size. The figures are printed, not asserted.

// A benchmark is a measuring script: it stops at the first failure and prints its figures.
#![allow(clippy::unwrap_used, clippy::print_stdout, unsafe_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const TOPICS: usize = 2000;
const RUNS: usize = 7;

/// One topic of about 5 KB: several sections of plain prose, key points, related topics and
/// two sources, like the built-in ones.
fn topic(n: usize) -> String {
    let id = format!("topic-{n:04}");
    let mut text = format!(
        "format_version = 1\nid = \"{id}\"\ntitle = \"Synthetic topic number {n}\"\n\
         summary = \"A generated page for the benchmark, number {n}.\"\n\
         key_points = [\"One short point.\", \"Another short point.\", \"A third point, a little longer than the others.\"]\n\
         try_this = [\"Notice one small thing today.\", \"Take a slow breath.\"]\n\
         related = [\"topic-{:04}\", \"topic-{:04}\", \"origins\"]\n",
        (n + 1) % TOPICS,
        (n + 7) % TOPICS
    );
    for s in 0..6 {
        text.push_str(&format!(
            "\n[[sections]]\nheading = \"Part {s} of topic {n}\"\nbody = \"\"\"\n"
        ));
        for p in 0..3 {
            text.push_str(&format!(
                "This is paragraph {p} of part {s}. It has *some emphasis*, a `numb learn origins` \
                 command, and a [link](https://example.org/{n}/{s}/{p}). Feelings can feel far away \
                 for a while, and that is a common way for the mind to cope.\n\n"
            ));
        }
        text.push_str("- A list item.\n- Another list item.\n\"\"\"\n");
    }
    for (kind, value) in [
        ("url", "\"https://example.org/a\""),
        ("doi", "\"10.1000/test\""),
    ] {
        text.push_str(&format!(
            "\n[[sources]]\ntitle = \"A source\"\npublisher = \"numb benchmark\"\nyear = 2026\n{kind} = {value}\n"
        ));
    }
    text
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time(mut f: impl FnMut()) -> Duration {
    f(); // warm the page cache
    median(
        (0..RUNS)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .collect(),
    )
}

/// Peak resident memory of the largest child so far, in bytes.
fn children_max_rss() -> u64 {
    // SAFETY: getrusage only writes into the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    u64::try_from(usage.ru_maxrss).unwrap_or(0) * 1024
}

/// CPU time (user + system) of every child waited for so far.
fn children_cpu() -> Duration {
    // SAFETY: getrusage only writes into the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    let time = |t: libc::timeval| {
        Duration::from_secs(u64::try_from(t.tv_sec).unwrap_or(0))
            + Duration::from_micros(u64::try_from(t.tv_usec).unwrap_or(0))
    };
    time(usage.ru_utime) + time(usage.ru_stime)
}

fn run(numb: &Path, args: &[&std::ffi::OsStr]) {
    let out = Command::new(numb).args(args).output().expect("numb runs");
    assert!(
        out.status.success(),
        "numb {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn main() {
    let numb = PathBuf::from(env!("CARGO_BIN_EXE_numb"));
    // On a RAM disk when there is one (`/dev/shm` on Linux), so that the figures measure numb
    // and not the disk's write-back of earlier runs; NUMB_BENCH_DIR picks another place.
    let base = std::env::var_os("NUMB_BENCH_DIR")
        .map(PathBuf::from)
        .or_else(|| Some(PathBuf::from("/dev/shm")).filter(|p| p.is_dir()))
        .unwrap_or_else(std::env::temp_dir);
    let work = tempfile::tempdir_in(&base).expect("temp dir");
    println!("working in {}", base.display());
    let pack = work.path().join("pack");
    fs::create_dir_all(pack.join("topics")).unwrap();
    fs::write(
        pack.join("pack.toml"),
        "format_version = 1\nname = \"Benchmark\"\nlanguage = \"en\"\n",
    )
    .unwrap();
    let mut bytes = 0;
    for n in 0..TOPICS {
        let text = topic(n);
        bytes += text.len();
        fs::write(pack.join(format!("topics/topic-{n:04}.toml")), text).unwrap();
    }
    let files: Vec<PathBuf> = fs::read_dir(pack.join("topics"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    println!(
        "pack: {TOPICS} topics, {:.1} MB of TOML, median of {RUNS} runs",
        bytes as f64 / 1e6
    );

    let parse = time(|| {
        for file in &files {
            let text = fs::read_to_string(file).unwrap();
            let table: toml::Table = toml::from_str(&text).unwrap();
            std::hint::black_box(table);
        }
    });
    // numb parses and checks on every core; CPU time (mean per run, warm-up included) shows
    // the work itself, wall time what a person waits.
    let cpu_before = children_cpu();
    let check = time(|| run(&numb, &["check".as_ref(), pack.as_os_str()]));
    let check_cpu = (children_cpu() - cpu_before) / u32::try_from(RUNS + 1).unwrap();
    let check_rss = children_max_rss();
    let export_to = |out: &Path| {
        run(
            &numb,
            &[
                "--content-dir".as_ref(),
                pack.as_os_str(),
                "export".as_ref(),
                "--format".as_ref(),
                "markdown".as_ref(),
                "--out".as_ref(),
                out.as_os_str(),
            ],
        );
    };
    let cpu_before = children_cpu();
    let mut round = 0;
    let export = time(|| {
        round += 1;
        export_to(&work.path().join(format!("export-{round}")));
    });
    let export_cpu = (children_cpu() - cpu_before) / u32::try_from(RUNS + 1).unwrap();
    // The same export into a folder that exists and is empty: each file is staged beside its
    // place and renamed, instead of the whole folder at once.
    let mut round = 0;
    let into_existing = time(|| {
        round += 1;
        let out = work.path().join(format!("existing-{round}"));
        fs::create_dir(&out).unwrap();
        export_to(&out);
    });
    let rss = children_max_rss();
    // The floor of any export: writing the same files (same names and sizes) with std alone.
    // Files in folders (the practices) keep their place, relative to the export.
    let first = work.path().join("export-1");
    let mut written: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let mut folders = vec![first.clone()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let bytes = fs::read(&path).unwrap();
                written.push((path.strip_prefix(&first).unwrap().to_path_buf(), bytes));
            }
        }
    }
    let mut round = 0;
    let write = time(|| {
        round += 1;
        let out = work.path().join(format!("write-{round}"));
        for (path, bytes) in &written {
            let path = out.join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, bytes).unwrap();
        }
    });
    let ratio = |d: Duration| d.as_secs_f64() / parse.as_secs_f64();
    println!("toml crate alone (read + parse to a Table): {parse:>10.1?}  (one core)");
    println!(
        "numb check PACK:                            {check:>10.1?}  {:.2}x  (target <= 1.5x); CPU {check_cpu:.1?} = {:.2}x",
        ratio(check),
        ratio(check_cpu)
    );
    println!(
        "numb export --format markdown --out DIR:    {export:>10.1?}  {:.2}x  (target <= 2x); CPU {export_cpu:.1?} = {:.2}x",
        ratio(export),
        ratio(export_cpu)
    );
    println!(
        "  the same into an existing empty folder:  {into_existing:>10.1?}  {:.2}x",
        ratio(into_existing)
    );
    println!(
        "std alone writing the export's {} files:   {write:>10.1?}  {:.2}x  (the floor for any export)",
        written.len(),
        ratio(write)
    );
    println!(
        "peak memory: check {:.1} MB, check or export {:.1} MB = {:.2}x the pack  (target < 5x)",
        check_rss as f64 / 1e6,
        rss as f64 / 1e6,
        rss as f64 / bytes as f64
    );
}
