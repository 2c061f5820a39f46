//! Loading for the commands that read (the welcome, `learn`, `reflect`, `practice`,
//! `feelings`, `support`, `history`): one content pack with a problem never blocks the
//! person reading. Every pack that loads is used; a pack that does not is left out and named
//! once, and its help lines still show when its `support.toml` is sound. Publishing and
//! checking (`export`, `check`) still refuse a broken pack: see [`super::load`].

use std::path::PathBuf;

use super::read::{read_file, read_pack};
use super::{
    Bodies, Kind, Layer, Library, builtin_layers, chosen_language, embedded, from_files, load,
    translation_of,
};
use crate::error::{Error, Problem};

/// A content pack left out because it did not load, with its problems.
#[derive(Debug)]
pub struct LeftOut {
    /// The pack's folder.
    pub dir: PathBuf,
    /// Its problems, the first one first (as `numb check` reports them).
    pub problems: Vec<Problem>,
}

/// The built-in content and every pack in `dirs` that loads, in order (a pack that does not
/// load on top of the ones before it is left out), and the packs left out. A folder that
/// cannot be read at all is still an error, as with [`load`].
pub fn load_for_reading(dirs: &[PathBuf]) -> Result<(Library, Vec<LeftOut>), Error> {
    match load(dirs) {
        Ok(library) => return Ok((library, Vec::new())),
        Err(Error::Content(_)) if !dirs.is_empty() => {}
        Err(e) => return Err(e),
    }
    // Whole packs that load, in order; then the help lines of each pack left out.
    let mut parts: Vec<(PathBuf, Part)> = Vec::new();
    let mut left_out = Vec::new();
    for dir in dirs {
        parts.push((dir.clone(), Part::Whole));
        if let Err(e) = load_parts(&parts) {
            parts.pop();
            match e {
                Error::Content(problems) => left_out.push(LeftOut {
                    dir: dir.clone(),
                    problems,
                }),
                e => return Err(e),
            }
        }
    }
    for out in &left_out {
        if !out.dir.join("support.toml").is_file() {
            continue;
        }
        // In the pack's place in the order, so later packs still win.
        let at = dirs
            .iter()
            .position(|d| *d == out.dir)
            .unwrap_or(dirs.len());
        let place = parts
            .iter()
            .position(|(d, _)| dirs.iter().position(|x| x == d).unwrap_or(0) > at)
            .unwrap_or(parts.len());
        parts.insert(place, (out.dir.clone(), Part::SupportOnly));
        if load_parts(&parts).is_err() {
            parts.remove(place);
        }
    }
    Ok((load_parts(&parts)?, left_out))
}

/// How much of a pack to load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// Everything in it.
    Whole,
    /// Only its `support.toml`.
    SupportOnly,
}

/// Loads the built-in content with these parts of packs, checked.
fn load_parts(parts: &[(PathBuf, Part)]) -> Result<Library, Error> {
    if parts.iter().all(|(_, part)| *part == Part::Whole) {
        let dirs: Vec<PathBuf> = parts.iter().map(|(d, _)| d.clone()).collect();
        return load(&dirs);
    }
    let lang = chosen_language();
    let (mut pending, mut layers) = builtin_layers(embedded::files(), lang);
    for (dir, part) in parts {
        let at = layers.len();
        layers.push(Layer {
            path: Some(dir.clone()),
            translates: None,
        });
        match part {
            Part::Whole => {
                pending.extend(read_pack(dir, at)?);
                if let Some(translation) = translation_of(dir, lang) {
                    pending.extend(read_pack(&translation, at + 1)?);
                    layers.push(Layer {
                        path: Some(translation),
                        translates: Some(at),
                    });
                }
            }
            Part::SupportOnly => {
                pending.push(read_file(&dir.join("support.toml"), at, Kind::Support)?);
            }
        }
    }
    from_files(pending, layers, Bodies::Checked, None, lang).into_result()
}
