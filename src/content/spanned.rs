//! A value with the byte range it was written at, so a problem can point at `path:line:col`.
//!
//! From TOML it reads like `toml::Spanned`. It also has a compact form of its own: build.rs
//! checks the built-in content and stores it compactly (see [`super::compact`]), spans
//! included, so the binary never parses built-in TOML to show a page. Which form is meant is
//! the format's [`serde::Serializer::is_human_readable`]: TOML and JSON are read by people,
//! and there a value is only its value, as it always was in JSON exports.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Range;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A value and the byte range of the file it was written at. Two values compare equal when
/// their values do, wherever they were written.
#[derive(Clone, Default)]
pub struct Spanned<T> {
    span: Range<usize>,
    value: T,
}

impl<T> Spanned<T> {
    /// `value`, written at `span`.
    pub const fn new(span: Range<usize>, value: T) -> Self {
        Spanned { span, value }
    }

    /// Where the value was written, in bytes of its file.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// The value.
    pub const fn get_ref(&self) -> &T {
        &self.value
    }

    /// The value, to change it.
    pub fn get_mut(&mut self) -> &mut T {
        &mut self.value
    }

    /// The value, without its span.
    pub fn into_inner(self) -> T {
        self.value
    }
}

impl<T: fmt::Debug> fmt::Debug for Spanned<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Spanned")
            .field("span", &self.span)
            .field("value", &self.value)
            .finish()
    }
}

impl<T: PartialEq> PartialEq for Spanned<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T: Eq> Eq for Spanned<T> {}

impl<T: Hash> Hash for Spanned<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.value.hash(state);
    }
}

impl<T: PartialOrd> PartialOrd for Spanned<T> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        self.value.partial_cmp(&other.value)
    }
}

impl<T: Ord> Ord for Spanned<T> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.value.cmp(&other.value)
    }
}

impl Borrow<str> for Spanned<String> {
    fn borrow(&self) -> &str {
        &self.value
    }
}

impl<T> From<toml::Spanned<T>> for Spanned<T> {
    fn from(spanned: toml::Spanned<T>) -> Self {
        let span = spanned.span();
        Spanned::new(span, spanned.into_inner())
    }
}

impl<T: Serialize> Serialize for Spanned<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            self.value.serialize(serializer)
        } else {
            (self.span.start, self.span.end, &self.value).serialize(serializer)
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            toml::Spanned::<T>::deserialize(deserializer).map(Spanned::from)
        } else {
            let (start, end, value) = <(usize, usize, T)>::deserialize(deserializer)?;
            Ok(Spanned::new(start..end, value))
        }
    }
}

/// A TOML date (`verified_on`, `accessed`), for `#[serde(with = …)]`: people read it as its
/// text (`2026-11-30`); the compact form keeps the text and the span.
pub mod date {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use toml::value::Datetime;

    use super::Spanned;

    pub fn serialize<S: Serializer>(date: &Spanned<Datetime>, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.collect_str(date.get_ref())
        } else {
            let span = date.span();
            (span.start, span.end, date.get_ref().to_string()).serialize(s)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Spanned<Datetime>, D::Error> {
        if d.is_human_readable() {
            Spanned::<Datetime>::deserialize(d)
        } else {
            let (start, end, text) = <(usize, usize, String)>::deserialize(d)?;
            let date = text.parse().map_err(serde::de::Error::custom)?;
            Ok(Spanned::new(start..end, date))
        }
    }
}

/// [`date`] for an optional date.
pub mod optional_date {
    use serde::{Deserialize, Deserializer, Serializer};
    use toml::value::Datetime;

    use super::Spanned;

    pub fn serialize<S: Serializer>(
        date: &Option<Spanned<Datetime>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        /// Borrows the date for [`super::date::serialize`].
        struct Date<'a>(&'a Spanned<Datetime>);
        impl serde::Serialize for Date<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                super::date::serialize(self.0, s)
            }
        }
        match date {
            Some(date) => s.serialize_some(&Date(date)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Spanned<Datetime>>, D::Error> {
        /// Reads the date with [`super::date::deserialize`].
        struct Date(Spanned<Datetime>);
        impl<'de> Deserialize<'de> for Date {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                super::date::deserialize(d).map(Date)
            }
        }
        Ok(Option::<Date>::deserialize(d)?.map(|date| date.0))
    }
}
