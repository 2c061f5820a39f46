//! An item of the library that is read from the compact built-in form only when first used,
//! so `numb learn origins` decodes one topic and the screen words, not every questionnaire.

use std::fmt;
use std::ops::Deref;
use std::sync::{Arc, OnceLock};

use serde::de::DeserializeOwned;

use crate::error::SourceFile;

/// What the library holds: a topic, a questionnaire, the support page…
pub trait Item: DeserializeOwned {
    /// Gives the item the file it was loaded from (a no-op for items made of several files).
    fn attach(&mut self, _file: Arc<SourceFile>) {}

    /// Reads what the compact form stores after the item (a topic's parsed sections);
    /// nothing for most items.
    fn read_after(&mut self, _rest: &[u8]) -> Result<(), postcard::Error> {
        Ok(())
    }
}

/// Where a stored item is, and the files its spans point into.
#[derive(Clone, Copy)]
struct Stored {
    bytes: &'static [u8],
    files: &'static [(&'static str, &'static str)],
}

/// A library item: either loaded already, or stored compactly and decoded on first use.
///
/// The value is boxed: some items are large (the screen words are several kilobytes), and the
/// library is moved between a few functions as it loads, each holding a copy on its stack.
/// Boxed, the library stays small and a run touches (and faults in) fewer pages of stack.
pub struct Lazy<T> {
    value: OnceLock<Box<T>>,
    /// Empty for an item that was loaded ready.
    stored: Stored,
}

impl<T> Lazy<T> {
    /// An item that is loaded already (from TOML).
    pub fn ready(value: T) -> Self {
        Lazy {
            value: OnceLock::from(Box::new(value)),
            stored: Stored {
                bytes: &[],
                files: &[],
            },
        }
    }

    /// An item stored by [`super::compact`]: `(path, layer, item)` in postcard, then what
    /// [`Item::read_after`] reads, decoded when first used. `files` are the built-in (path under `content/`, text) pairs.
    pub(crate) fn stored(
        bytes: &'static [u8],
        files: &'static [(&'static str, &'static str)],
    ) -> Self {
        Lazy {
            value: OnceLock::new(),
            stored: Stored { bytes, files },
        }
    }

    /// The item, if it has been loaded or decoded already.
    pub fn get(&self) -> Option<&T> {
        self.value.get().map(|value| &**value)
    }
}

impl<T: Item> Lazy<T> {
    /// Decodes a stored item.
    pub(crate) fn decode(
        bytes: &[u8],
        files: &'static [(&'static str, &'static str)],
    ) -> Result<Box<T>, postcard::Error> {
        let ((path, layer, mut item), rest): ((String, u32, Box<T>), _) =
            postcard::take_from_bytes(bytes)?;
        item.read_after(rest)?;
        if !path.is_empty() {
            let text = (files.iter())
                .find(|(rel, _)| path.strip_prefix("content/") == Some(rel))
                .map_or("", |(_, text)| text);
            item.attach(Arc::new(SourceFile {
                path,
                text: std::borrow::Cow::Borrowed(text),
                // Only the built-in content is stored compactly: its layers come first.
                pack: layer as usize,
            }));
        }
        Ok(item)
    }
}

impl<T: Item> Deref for Lazy<T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.value
            .get_or_init(|| {
                let Stored { bytes, files } = self.stored;
                // A ready item never gets here. build.rs wrote these bytes in this very build, and a test decodes every item;
                // only a damaged binary gets here.
                Self::decode(bytes, files).unwrap_or_else(|e| {
                    panic!("numb's built-in content is damaged ({e}); please reinstall numb")
                })
            })
            .as_ref()
    }
}

impl<T: Clone> Clone for Lazy<T> {
    fn clone(&self) -> Self {
        Lazy {
            value: self.value.clone(),
            stored: self.stored,
        }
    }
}

/// Serialized as the item itself (JSON exports, the compact form).
impl<T: Item + serde::Serialize> serde::Serialize for Lazy<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(serializer)
    }
}

impl<T: Item + fmt::Debug> fmt::Debug for Lazy<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt(f)
    }
}
