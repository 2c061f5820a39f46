//! Translations: which English text each translated file follows (its fingerprint), and how
//! complete and current a translation is, item by item, for `numb check`.

use std::sync::Arc;

use super::Layer;
use crate::content::library::Library;
use crate::error::SourceFile;

/// The key a translated file uses to say which text of the original it follows.
pub const KEY: &str = "translated_from";

/// The fingerprint of a file's text: 16 hex digits of FNV-1a (64 bits) over its lines, each
/// trimmed, leaving out blank lines, comments and the file's own `translated_from` line, so
/// that tidying comments or spacing does not make every translation out of date.
pub fn fingerprint(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') || line.starts_with(KEY) {
            continue;
        }
        for byte in line.bytes().chain([b'\n']) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// The `translated_from` a file declares, if it declares one as text.
pub fn declared(text: &str) -> Option<String> {
    let table = toml::de::DeTable::parse(text).ok()?;
    let (_, value) = table.get_ref().iter().find(|(k, _)| k.get_ref() == KEY)?;
    match value.get_ref() {
        toml::de::DeValue::String(s) => Some(s.to_string()),
        _ => None,
    }
}

/// How one item of a translation stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State {
    /// Translated, and it follows the original as it is now.
    Current,
    /// Translated from an earlier text of the original (or it does not say which text).
    Outdated {
        /// The fingerprint the translation declares.
        follows: Option<String>,
        /// The fingerprint of the original now.
        now: String,
    },
    /// Not translated: the original is shown.
    Missing,
}

/// One item of a translation, and how it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    /// The translation's layer (see [`Layer`]).
    pub layer: usize,
    /// The translation's folder, or `None` for the built-in translation.
    pub place: Option<std::path::PathBuf>,
    /// The translation's language.
    pub language: String,
    /// "topic", "questionnaire", "practice", "app", "feelings" or "support".
    pub what: &'static str,
    /// The item's id, or the file name for a whole file (`app.toml`).
    pub id: String,
    /// The translated file, or the original when it is missing.
    pub path: String,
    /// How it stands.
    pub state: State,
    /// For the screen words: the keys the translation leaves to the original.
    pub missing_keys: Vec<String>,
}

/// What a load saw of translations, put together once the library is.
#[derive(Default)]
pub(super) struct Translations {
    /// (layer, what, original, translation) for items a translation replaced.
    items: Vec<(usize, &'static str, Arc<SourceFile>, Arc<SourceFile>)>,
    /// (layer, what, file) for whole files, originals and translations alike.
    files: Vec<(usize, &'static str, Arc<SourceFile>)>,
    /// The screen words a translation leaves to the original.
    pub(super) missing_keys: Vec<String>,
}

impl Translations {
    /// An item of `layer`: when the layer is a translation and `base` is what it replaced.
    pub(super) fn note(
        &mut self,
        what: &'static str,
        layer: usize,
        base: Option<Arc<SourceFile>>,
        file: &Arc<SourceFile>,
    ) {
        if let Some(base) = base {
            self.items.push((layer, what, base, Arc::clone(file)));
        }
    }

    /// A whole file (`app.toml`, `feelings.toml`, `support.toml`) of `layer`.
    pub(super) fn file(&mut self, layer: usize, what: &'static str, file: &Arc<SourceFile>) {
        self.files.push((layer, what, Arc::clone(file)));
    }

    /// Every item of every translation layer: translated (current or not) or missing.
    pub(super) fn coverage(&self, layers: &[Layer], library: &Library) -> Vec<Coverage> {
        let mut coverage = Vec::new();
        for (layer, of) in layers.iter().enumerate() {
            let Some(base) = of.translates else {
                continue;
            };
            let language = library
                .credits
                .get(layer)
                .map(|c| c.language.clone())
                .unwrap_or_default();
            let state = |original: &SourceFile, translated: &SourceFile| {
                let now = fingerprint(&original.text);
                match declared(&translated.text) {
                    Some(follows) if follows == now => State::Current,
                    follows => State::Outdated { follows, now },
                }
            };
            let mut add = |what, id: String, path: &str, state, missing_keys| {
                coverage.push(Coverage {
                    layer,
                    place: of.path.clone(),
                    language: language.clone(),
                    what,
                    id,
                    path: path.to_string(),
                    state,
                    missing_keys,
                });
            };
            for (at, what, original, translated) in &self.items {
                if *at == layer {
                    let id = item_id(library, what, translated);
                    add(
                        what,
                        id,
                        &translated.path,
                        state(original, translated),
                        Vec::new(),
                    );
                }
            }
            // What the original layer still shows was not translated.
            let from_base = |file: &SourceFile| file.pack == base;
            for topic in library.topics.iter().filter(|t| from_base(&t.file)) {
                let id = topic.id.get_ref().clone();
                add("topic", id, &topic.file.path, State::Missing, Vec::new());
            }
            for q in library.questionnaires.iter().filter(|q| from_base(&q.file)) {
                let id = q.id.get_ref().clone();
                add(
                    "questionnaire",
                    id,
                    &q.file.path,
                    State::Missing,
                    Vec::new(),
                );
            }
            for p in library.practices.iter().filter(|p| from_base(&p.file)) {
                let id = p.id.get_ref().clone();
                add("practice", id, &p.file.path, State::Missing, Vec::new());
            }
            for what in ["app", "feelings", "support"] {
                let find = |l| (self.files.iter()).find(|(at, w, _)| *at == l && *w == what);
                let Some((_, _, original)) = find(base) else {
                    continue;
                };
                let name = format!("{what}.toml");
                match find(layer) {
                    Some((_, _, translated)) => {
                        let keys = match what {
                            "app" => self.missing_keys.clone(),
                            _ => Vec::new(),
                        };
                        add(
                            what,
                            name,
                            &translated.path,
                            state(original, translated),
                            keys,
                        );
                    }
                    None => add(what, name, &original.path, State::Missing, Vec::new()),
                }
            }
        }
        coverage.sort_by(|a, b| {
            (a.layer, a.what, a.id.as_str()).cmp(&(b.layer, b.what, b.id.as_str()))
        });
        coverage
    }
}

/// The id of the item loaded from `file`.
fn item_id(library: &Library, what: &str, file: &Arc<SourceFile>) -> String {
    let same = |f: &Arc<SourceFile>| Arc::ptr_eq(f, file);
    let id = match what {
        "topic" => (library.topics.iter())
            .find(|t| same(&t.file))
            .map(|t| t.id.get_ref().clone()),
        "questionnaire" => (library.questionnaires.iter())
            .find(|q| same(&q.file))
            .map(|q| q.id.get_ref().clone()),
        _ => (library.practices.iter())
            .find(|p| same(&p.file))
            .map(|p| p.id.get_ref().clone()),
    };
    id.unwrap_or_else(|| file.path.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_follows_the_words_not_the_comments_or_spacing() {
        let a = fingerprint("title = \"Hello\"\nbody = \"x\"\n");
        assert_eq!(a.len(), 16);
        assert_eq!(
            a,
            fingerprint("# a comment\n\n  title = \"Hello\"  \r\nbody = \"x\"")
        );
        assert_eq!(
            a,
            fingerprint("translated_from = \"0\"\ntitle = \"Hello\"\nbody = \"x\"\n")
        );
        assert_ne!(a, fingerprint("title = \"Hello!\"\nbody = \"x\"\n"));
    }

    #[test]
    fn the_declared_fingerprint_is_read_from_the_file() {
        assert_eq!(
            declared("translated_from = \"abc\"\nid = \"x\"\n").as_deref(),
            Some("abc")
        );
        assert_eq!(declared("id = \"x\"\n"), None);
        assert_eq!(declared("translated_from = 3\n"), None);
        assert_eq!(declared("not toml ="), None);
    }
}
