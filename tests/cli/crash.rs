//! A save survives a crash: many `numb reflect --save` processes killed with SIGKILL at random
//! moments while others save beside them, then the history must read, hold every record that
//! was reported saved exactly once, and take a new save after it.

use std::collections::HashMap;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::numb_std;

const ANSWERS: &str = "4,4,3,2,-,1,0,0,4,3,2,1";

/// How many rounds at most, and for how long: each round starts one process that is killed
/// and one that is left to finish.
const ROUNDS: usize = 200;
const TIME: Duration = Duration::from_secs(30);

fn saving(home: &Path, note: &str) -> Child {
    let mut cmd = numb_std();
    cmd.args(["reflect", "--answers", ANSWERS, "--save", "--note", note])
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd.spawn().expect("numb starts")
}

/// A small pseudo-random sequence (no seed needed to reproduce a failure: the test prints it).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

/// Each note in the history, with how many records carry it; and how many lines did not read.
fn notes_in(home: &Path) -> (HashMap<String, usize>, usize) {
    let text = std::fs::read_to_string(home.join("data/numb/history.jsonl")).unwrap_or_default();
    let mut notes = HashMap::new();
    let mut damaged = 0;
    for line in text.lines() {
        match serde_json::from_str::<serde_json::Value>(line) {
            Ok(record) => {
                let note = record["note"].as_str().unwrap_or_default().to_string();
                *notes.entry(note).or_insert(0) += 1;
            }
            Err(_) => damaged += 1,
        }
    }
    (notes, damaged)
}

#[test]
fn saves_killed_at_random_moments_lose_nothing_that_was_reported_saved() {
    let home = tempfile::tempdir().unwrap();
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64);
    let mut random = Lcg(seed);
    // How long one save takes here (the middle of five), to spread the kills over all of it.
    let mut times: Vec<u64> = (0..5)
        .map(|n| {
            let timed = Instant::now();
            let status = saving(home.path(), &format!("warm-up-{n}")).wait().unwrap();
            assert!(status.success());
            timed.elapsed().as_micros() as u64
        })
        .collect();
    times.sort_unstable();
    let one_save = times[2].max(1000);

    let started = Instant::now();
    let mut reported_saved = Vec::new();
    let mut killed = Vec::new();
    let mut rounds = 0;
    while rounds < ROUNDS && started.elapsed() < TIME {
        let victim_note = format!("victim-{rounds}");
        let saver_note = format!("saver-{rounds}");
        let mut victim = saving(home.path(), &victim_note);
        let mut saver = saving(home.path(), &saver_note);
        // Anywhere from the start to a little past a typical save, so that some are killed
        // while they write and some finish.
        std::thread::sleep(Duration::from_micros(random.next(one_save * 13 / 10)));
        // SIGKILL: no handler runs, nothing is cleaned up.
        let _ = victim.kill();
        let victim_status = victim.wait().unwrap();
        let saver_status = saver.wait().unwrap();
        assert!(
            saver_status.success(),
            "round {rounds} (seed {seed}): a save beside a killed one failed"
        );
        reported_saved.push(saver_note);
        if victim_status.success() {
            reported_saved.push(victim_note);
        } else {
            killed.push(victim_note);
        }
        rounds += 1;
    }
    assert!(rounds >= 50, "only {rounds} rounds ran in {TIME:?}");
    assert!(
        !killed.is_empty(),
        "no process was killed before it finished (seed {seed})"
    );

    // The history reads, as numb reads it.
    let mut cmd = numb_std();
    cmd.args(["history", "--format", "json"])
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"));
    let listed = cmd.output().unwrap();
    assert!(
        listed.status.success(),
        "{}",
        String::from_utf8_lossy(&listed.stderr)
    );

    let (notes, damaged) = notes_in(home.path());
    for note in &reported_saved {
        assert_eq!(
            notes.get(note),
            Some(&1),
            "seed {seed}: `{note}` was reported saved, so it is there exactly once"
        );
    }
    for note in &killed {
        assert!(
            notes.get(note).copied().unwrap_or(0) <= 1,
            "seed {seed}: `{note}` (killed) is there at most once"
        );
    }
    // A kill between writing and syncing may leave a line cut short; never more than one a
    // killed process, and never a line that a later save runs into.
    assert!(
        damaged <= killed.len(),
        "seed {seed}: {damaged} damaged lines"
    );
    let status = saving(home.path(), "after").wait().unwrap();
    assert!(status.success());
    let (after, _) = notes_in(home.path());
    assert_eq!(
        after.get("after"),
        Some(&1),
        "a save after the crashes reads back"
    );
    let last = std::fs::read_to_string(home.path().join("data/numb/history.jsonl")).unwrap();
    let last = last.lines().last().unwrap();
    let record: serde_json::Value = serde_json::from_str(last).unwrap();
    assert_eq!(
        record["note"], "after",
        "the new record is a whole line of its own"
    );
    println!(
        "{rounds} rounds in {:?}: {} killed before they finished, {} saves reported, {damaged} damaged lines (seed {seed})",
        started.elapsed(),
        killed.len(),
        reported_saved.len()
    );
}
