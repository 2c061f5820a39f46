//! Builds the built-in content into the binary:
//! 1. indexes `content/` into `$OUT_DIR/embedded.rs`, so the binary carries every file;
//! 2. loads and checks all of it with the very code the binary uses (the modules below), and
//!    stops the build on any problem, so bad built-in content can never be in a binary;
//! 3. stores the checked library compactly in `$OUT_DIR/library.bin`, which the binary reads
//!    instead of parsing and checking TOML on every run (`src/content/compact.rs`).

// A build script stops the build on any error: unwrapping is how it says so.
#![allow(clippy::unwrap_used)]
// The shared modules serve the binary too; here only loading, checking and storing are used.
#![allow(dead_code, unused_imports)]

#[path = "src/error.rs"]
mod error;
#[path = "src/parallel.rs"]
mod parallel;
#[path = "src/sanitize.rs"]
mod sanitize;

/// `src/content` as the binary has it, except the built-in files, which are being made here.
mod content {
    // Paths here are relative to `content/` (this module's folder), hence the `../src`.
    #[path = "../src/content/compact.rs"]
    pub mod compact;
    #[path = "../src/content/crisis/mod.rs"]
    pub mod crisis;
    #[path = "../src/content/lazy.rs"]
    pub mod lazy;
    #[path = "../src/content/library.rs"]
    pub mod library;
    #[path = "../src/content/load/mod.rs"]
    pub mod load;
    #[path = "../src/content/markup.rs"]
    pub mod markup;
    #[path = "../src/content/model/mod.rs"]
    pub mod model;
    #[path = "../src/content/spanned.rs"]
    pub mod spanned;
    #[path = "../src/content/validate/mod.rs"]
    pub mod validate;

    /// Stands in for the files this script is making; it loads `content/` from disk instead.
    pub mod embedded {
        pub fn files() -> &'static [(&'static str, &'static str)] {
            &[]
        }
        pub static LIBRARIES: &[(&str, &[u8])] = &[];
        pub static LANGUAGES: &[&str] = &["en"];
    }

    pub use library::Library;
    pub use load::{LANG, load};
}

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    let out_dir = PathBuf::from(env::var("OUT_DIR").unwrap());
    link_unwinder_statically(&out_dir);
    fold_identical_code(&out_dir);
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap()).join("content");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();

    let mut index = String::from(
        "/// Every built-in content file: (path relative to `content/`, where its text starts and\n\
         /// ends in the inflated `PACKED`).\n\
         pub static PATHS: &[(&str, usize, usize)] = &[\n",
    );
    let mut texts: Vec<(String, &'static str)> = Vec::new();
    let mut all = String::new();
    for file in &files {
        // Directories are watched too, so adding or removing a file triggers a rebuild.
        println!("cargo:rerun-if-changed={}", file.display());
        let rel = file
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let text = fs::read_to_string(file)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        let start = all.len();
        all.push_str(&text);
        writeln!(index, "    ({rel:?}, {start}, {}),", all.len()).unwrap();
        texts.push((rel, Box::leak(text.into_boxed_str())));
    }
    index.push_str("];\n");
    // Deflated: a page of built-in content never reads these, and they are half the content.
    let packed = miniz_oxide::deflate::compress_to_vec(all.as_bytes(), 9);
    fs::write(out_dir.join("files.deflate"), packed).unwrap();
    writeln!(
        index,
        "/// Every built-in file's text, one after another, deflated.\n\
         pub static PACKED: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/files.deflate\"));\n\
         /// The length of `PACKED` inflated.\n\
         pub const UNPACKED_LEN: usize = {};",
        all.len()
    )
    .unwrap();

    let files: Vec<(&str, &'static str)> = texts.iter().map(|(r, t)| (r.as_str(), *t)).collect();
    // Each folder of content/ with a pack.toml is a language; English first, as it is the one
    // every other falls back to.
    let mut languages: Vec<&str> = files
        .iter()
        .filter_map(|(rel, _)| rel.strip_suffix("/pack.toml"))
        .filter(|lang| !lang.contains('/'))
        .collect();
    languages.sort_by_key(|lang| (*lang != content::LANG, *lang));
    writeln!(
        index,
        "/// The languages of the built-in content, English first."
    )
    .unwrap();
    writeln!(index, "pub static LANGUAGES: &[&str] = &{languages:?};").unwrap();
    writeln!(
        index,
        "/// The built-in content in each language, checked and stored by build.rs."
    )
    .unwrap();
    writeln!(index, "pub static LIBRARIES: &[(&str, &[u8])] = &[").unwrap();
    for lang in &languages {
        let loaded = content::load::builtin_checked(&files, lang);
        let library = match (loaded.library, loaded.problems.is_empty()) {
            (Some(library), true) => library,
            (_, _) => {
                let problems = error::Error::Content(loaded.problems);
                eprintln!("{}", problems.report(false));
                panic!(
                    "the built-in content in content/ has problems in `{lang}` (above): numb is \
                     never built with content that fails its checks"
                );
            }
        };
        let bytes = content::compact::to_bytes(&library).unwrap();
        let name = format!("library-{lang}.bin");
        fs::write(out_dir.join(&name), bytes).unwrap();
        writeln!(
            index,
            "    ({lang:?}, include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{name}\"))),"
        )
        .unwrap();
    }
    index.push_str("];\n");
    fs::write(out_dir.join("embedded.rs"), index).unwrap();
}

/// On Linux with glibc, links GCC's unwinder (`libgcc_eh.a`) into numb instead of loading
/// `libgcc_s.so.1` at every start (issue 15). Loading it cost 0.1 to 0.3 ms a run here: one
/// more library to map and relocate, and its start-up code asks the CPU what it can do, which
/// is slow in a virtual machine. std links the same unwinder this way when it builds a static
/// binary (`crt-static`). The linker then takes the unwinder from the archive, and
/// `--as-needed` leaves the shared library out, wherever the archive comes before the code
/// that calls it: with lld (Rust's linker on x86-64 Linux), or GNU ld with link-time
/// optimisation (the release profile); elsewhere it changes nothing. Only when a probe links
/// with it (`probe_links`): a toolchain without the archive keeps the shared library.
fn link_unwinder_statically(out_dir: &Path) {
    let cfg = |key: &str| env::var(key).unwrap_or_default();
    let static_crt = cfg("CARGO_CFG_TARGET_FEATURE")
        .split(',')
        .any(|f| f == "crt-static");
    if cfg("CARGO_CFG_TARGET_OS") != "linux" || cfg("CARGO_CFG_TARGET_ENV") != "gnu" || static_crt {
        return;
    }
    if probe_links(out_dir, "unwinder_probe", &["-l", "static=gcc_eh"]) {
        println!("cargo:rustc-link-lib=static:-bundle=gcc_eh");
    }
}

/// Asks the linker to keep one copy of functions whose machine code is the same (`--icf=all`):
/// generic code often is the same for different types. It takes about 60 KB off the binary,
/// which keeps it within issue 15's 4 MB (the package test checks the size). Only when a probe
/// links with it: lld and gold take the flag, GNU ld does not.
fn fold_identical_code(out_dir: &Path) {
    if probe_links(out_dir, "icf_probe", &["-C", "link-arg=-Wl,--icf=all"]) {
        println!("cargo:rustc-link-arg-bins=-Wl,--icf=all");
    }
}

/// Whether a one-line program links with `args` added, by the same rustc, for the same target,
/// with the same flags and linker as numb: a link setting is known to work before numb's own
/// link depends on it.
fn probe_links(out_dir: &Path, name: &str, args: &[&str]) -> bool {
    println!("cargo:rerun-if-env-changed=RUSTC_LINKER");
    let source = out_dir.join(format!("{name}.rs"));
    fs::write(&source, "fn main() {}\n").unwrap();
    let flags = env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    let flags: Vec<&str> = flags.split('\x1f').filter(|f| !f.is_empty()).collect();
    let mut rustc = std::process::Command::new(env::var("RUSTC").unwrap_or("rustc".into()));
    // The linker Cargo was given first: one named in the flags wins, as in numb's own link.
    if let Ok(linker) = env::var("RUSTC_LINKER") {
        rustc.arg(format!("-Clinker={linker}"));
    }
    rustc.args(&flags);
    if !flags
        .iter()
        .any(|f| *f == "--target" || f.starts_with("--target="))
    {
        rustc.args(["--target", &env::var("TARGET").unwrap_or_default()]);
    }
    // Lints the flags turn into errors (`-D missing_docs`) are about numb, not this program.
    rustc
        .args(["--cap-lints=allow", "--crate-name", name, "--out-dir"])
        .arg(out_dir)
        .args(args)
        .arg(&source)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    println!("cargo:rerun-if-changed={}", dir.display());
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "toml") {
            files.push(path);
        }
    }
}
