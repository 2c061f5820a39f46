//! Integration tests for the numb binary: one test binary, one module per feature.

// Tests stop at the first failure (with a message), may print what they skip, and call libc
// to make the failures they test (a full disk, a signal).
#![allow(clippy::unwrap_used, clippy::print_stdout, unsafe_code)]

mod accessible;
mod broken_packs;
mod check;
mod content_dirs;
mod crash;
mod credit;
mod crisis;
mod export;
mod feelings;
mod fuzz_corpus;
mod history;
mod language;
mod learn;
mod output;
mod pager;
mod practice;
mod reflect;
mod schema;
mod support;

use std::path::PathBuf;
use std::sync::OnceLock;

use assert_cmd::Command;

/// A `numb` command isolated from the caller's environment: no colour or content
/// variables, no locale, `COLUMNS=80`, and a private empty home.
pub fn numb() -> Command {
    Command::from_std(numb_std())
}

/// The same isolated command as [`numb`], as a plain `std::process::Command`.
pub fn numb_std() -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("numb"));
    isolate(&mut cmd);
    cmd
}

/// Clears the caller's colour, content and locale variables and sets `COLUMNS=80`, `TERM`
/// and a private empty home, for any command (numb itself, or a shell running it).
pub fn isolate(cmd: &mut std::process::Command) {
    static HOME: OnceLock<tempfile::TempDir> = OnceLock::new();
    let home = HOME.get_or_init(|| tempfile::tempdir().expect("temp home"));
    for (key, _) in std::env::vars_os() {
        let key = key.to_string_lossy().into_owned();
        let drop = key.starts_with("NUMB_")
            || key.starts_with("XDG_")
            || key.starts_with("LC_")
            || key.starts_with("CLICOLOR")
            || matches!(
                key.as_str(),
                "NO_COLOR" | "LANG" | "LANGUAGE" | "COLUMNS" | "TERM" | "INSIDE_EMACS"
            );
        if drop {
            cmd.env_remove(&key);
        }
    }
    cmd.env("COLUMNS", "80")
        .env("TERM", "xterm-256color")
        .env("TZ", "UTC")
        .env("HOME", home.path());
}

/// Standard output of a successful run, as text.
pub fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).expect("numb writes UTF-8")
}

/// A fixture folder under tests/fixtures.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// An empty temporary content pack: a folder with just a `pack.toml`.
pub fn pack_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp pack");
    std::fs::write(
        dir.path().join("pack.toml"),
        "format_version = 1\nname = \"A test pack\"\nlanguage = \"en\"\n",
    )
    .expect("pack.toml");
    dir
}

/// A temporary content pack with these files in `topics/`.
pub fn pack_with_topics(files: &[(&str, String)]) -> tempfile::TempDir {
    let dir = pack_dir();
    std::fs::create_dir(dir.path().join("topics")).unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join("topics").join(name), text).unwrap();
    }
    dir
}

/// A valid topic (the `override` fixture's `origins`), to edit into the case under test.
pub fn base_topic() -> String {
    std::fs::read_to_string(fixture("override").join("topics/origins.toml")).unwrap()
}

/// Every built-in topic id, read from the JSON export.
pub fn topic_ids() -> Vec<String> {
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(numb().args(["export", "--format", "json"]))).unwrap();
    json["topics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap().to_string())
        .collect()
}

/// The one line that ends every page.
pub const SUPPORT_POINTER: &str = "numb support lists free,";
