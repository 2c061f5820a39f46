//! Reading a user pack from disk: which files it has, and each file's text, refusing what
//! numb must not read (too big, not UTF-8, not a regular file) as problems, not failures.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{Kind, MAX_FILE_BYTES, Pending};
use crate::error::{Error, SourceFile};

/// Reads a user pack: `pack.toml`, `topics/*.toml`, `questionnaires/*.toml` and an optional
/// `support.toml`. A missing `pack.toml` or a file numb does not read is a problem to report,
/// not a reason to stop.
pub(super) fn read_pack(dir: &Path, pack: usize) -> Result<Vec<Pending>, Error> {
    let input_error = |path: &Path, source| Error::Input {
        path: path.to_path_buf(),
        source,
    };
    let meta = fs::metadata(dir).map_err(|e| input_error(dir, e))?;
    if !meta.is_dir() {
        return Err(input_error(dir, std::io::Error::other("not a folder")));
    }
    let mut pending = Vec::new();
    let manifest = dir.join("pack.toml");
    // Even a broken link counts as there: reading it then says what is wrong.
    if fs::symlink_metadata(&manifest).is_ok() {
        pending.push(read_file(&manifest, pack, Kind::Pack)?);
    } else {
        // The problem is the folder's: it points there, not at a file that does not exist.
        pending.push(missing(
            &dir.join(""),
            pack,
            Kind::Pack,
            "this folder has no pack.toml, so numb does not know it is a content pack; \
             create one with `format_version = 1`, a `name` and a `language` such as \"en\" \
             (see content/README.md)",
        ));
    }
    let mut paths = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| input_error(dir, e))? {
        let entry = entry.map_err(|e| input_error(dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        let folder = match name.as_str() {
            "topics" => Some(Kind::Topic),
            "questionnaires" => Some(Kind::Questionnaire),
            "practices" => Some(Kind::Practice),
            _ => None,
        };
        match folder {
            Some(kind) if path.is_dir() => {
                paths.extend(toml_files(&path, kind)?);
                for sub in fs::read_dir(&path)
                    .map_err(|e| input_error(&path, e))?
                    .flatten()
                {
                    let sub = sub.path();
                    // A folder named `x.toml` is already reported as not a regular file.
                    if sub.is_dir() && !hidden(&sub) && !is_toml(&sub) && holds_toml(&sub) {
                        pending.push(missing(
                            &sub,
                            pack,
                            Kind::Pack,
                            &format!(
                                "numb does not look in folders inside {name}/; move these files up into {name}/"
                            ),
                        ));
                    }
                }
            }
            _ if name == "support.toml" => paths.push((path, Kind::Support)),
            // A translation of the pack (`es/` with a pack.toml): a layer of its own.
            _ if is_translation(&path, &name) => {}
            _ if is_language(&name) && path.is_dir() && looks_like_a_pack(&path) => {
                pending.push(missing(
                    &path.join(""),
                    pack,
                    Kind::Pack,
                    &format!(
                        "this folder looks like a translation of the pack, but it has no pack.toml, \
                         so numb does not read it; add {name}/pack.toml with `format_version = 1`, \
                         a `name` and `language = \"{name}\"` (see content/README.md, \
                         \"Languages and translations\")"
                    ),
                ));
            }
            _ if name == "feelings.toml" => paths.push((path, Kind::FeelingsAddition)),
            _ if path.is_dir() && !hidden(&path) && holds_toml(&path) => {
                pending.push(missing(
                    &path,
                    pack,
                    Kind::Pack,
                    "numb does not read this folder: topics go in topics/, questionnaires in \
                     questionnaires/, practices in practices/",
                ));
            }
            _ if name != "pack.toml" && !hidden(&path) && is_toml(&path) => {
                pending.push(missing(
                    &path,
                    pack,
                    Kind::Pack,
                    "numb does not read this file: topics go in topics/, questionnaires in \
                     questionnaires/, practices in practices/, help lines in support.toml, words for \
                     feelings in feelings.toml",
                ));
            }
            _ => {}
        }
    }
    paths.sort();
    // Reading is spread over the cores too: a large pack is mostly waiting on small files.
    let read = crate::parallel::parallel_map(paths, |(path, kind)| read_file(&path, pack, kind));
    for file in read {
        pending.push(file?);
    }
    Ok(pending)
}

/// A folder named by a language (two or three lower-case letters) that holds a pack.toml:
/// the pack's translation into that language (see [`super::translation_of`]).
fn is_translation(path: &Path, name: &str) -> bool {
    is_language(name) && path.join("pack.toml").is_file()
}

/// Two or three lower-case letters, as a language's folder is named.
fn is_language(name: &str) -> bool {
    (2..=3).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_lowercase())
}

/// A folder laid out like a pack: topics, questionnaires, practices or help lines.
fn looks_like_a_pack(dir: &Path) -> bool {
    ["topics", "questionnaires", "practices"]
        .iter()
        .any(|f| dir.join(f).is_dir())
        || ["support.toml", "feelings.toml"]
            .iter()
            .any(|f| dir.join(f).is_file())
}

fn hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

/// True when `dir` directly holds a `.toml` file that is not hidden.
fn holds_toml(dir: &Path) -> bool {
    fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| !hidden(&e.path()) && is_toml(&e.path()))
    })
}

fn is_toml(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
}

/// The `.toml` files in a pack's folder, hidden files skipped.
fn toml_files(folder: &Path, kind: Kind) -> Result<Vec<(PathBuf, Kind)>, Error> {
    let input_error = |source| Error::Input {
        path: folder.to_path_buf(),
        source,
    };
    let mut paths = Vec::new();
    for entry in fs::read_dir(folder).map_err(input_error)? {
        let entry = entry.map_err(input_error)?;
        // Editors and file systems leave hidden files (`.#x.toml`, `._x.toml`): skip them.
        let path = entry.path();
        if !hidden(&path) && is_toml(&path) {
            paths.push((path, kind));
        }
    }
    Ok(paths)
}

/// A problem about a file that is not there or not read, reported like any other.
fn missing(path: &Path, pack: usize, kind: Kind, message: &str) -> Pending {
    Pending {
        file: Arc::new(SourceFile {
            path: path.display().to_string(),
            text: "".into(),
            pack,
        }),
        pack,
        kind,
        unreadable: Some((0..0, message.to_string())),
    }
}

/// Reads one user file: at most `MAX_FILE_BYTES`, regular files only, UTF-8 checked.
pub(super) fn read_file(path: &Path, pack: usize, kind: Kind) -> Result<Pending, Error> {
    // A file in a pack that cannot be read is a problem to report with the others.
    let cannot_read = |e: std::io::Error| {
        Some((
            0..0,
            format!("numb cannot read this file: {}", crate::error::describe(&e)),
        ))
    };
    let mut unreadable = None;
    let mut bytes = Vec::new();
    // Look before opening: opening a FIFO would wait for a writer forever.
    match fs::metadata(path) {
        Err(e) => unreadable = cannot_read(e),
        Ok(meta) if !meta.is_file() => {
            unreadable = Some((0..0, "this is not a regular file".to_string()));
        }
        Ok(meta) => {
            bytes.reserve(usize::try_from(meta.len().min(MAX_FILE_BYTES) + 1).unwrap_or(0));
            let read = fs::File::open(path)
                .and_then(|file| file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes));
            if let Err(e) = read {
                bytes.clear();
                unreadable = cannot_read(e);
            }
        }
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        bytes.clear();
        unreadable = Some((
            0..0,
            "this file is larger than 1 MiB; numb does not read it".to_string(),
        ));
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            unreadable = Some((
                at..at + 1,
                "this file is not valid UTF-8 from here on".to_string(),
            ));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    Ok(Pending {
        file: Arc::new(SourceFile {
            path: path.display().to_string(),
            text: text.into(),
            pack,
        }),
        pack,
        kind,
        unreadable,
    })
}
