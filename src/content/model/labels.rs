//! Reading and writing the label tables of `app.toml` (every value a string) with one shared
//! visitor instead of one per table.
//!
//! serde's derive writes a visitor for each struct, and the compiler copies it for each format
//! that reads it (TOML's document and value readers, the compact form). For the eight label
//! tables, with over a hundred and fifty fields, that was a large part of the binary (about
//! 240 KB). Here each table is read as "these names, each a string": the same checks as the
//! derive (every field present, no unknown or repeated field, with serde's own messages, the
//! unknown one pointed at by its key), one copy of the code. (`AskLabels`, with two lists,
//! keeps the derive: a shared reader for lists too came out larger than it saved.)

use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::ser::SerializeStruct;
use serde::{Deserializer, Serializer};

use crate::content::spanned::Spanned;

/// Reads the table `name` whose fields are `names`, each a string with its span, in order.
struct LabelsVisitor {
    name: &'static str,
    names: &'static [&'static str],
}

impl<'de> Visitor<'de> for LabelsVisitor {
    type Value = Vec<Spanned<String>>;

    /// As the derive says it: "struct CreditLabels".
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "struct {}", self.name)
    }

    /// The compact form: the values in the order of the fields.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut values = Vec::with_capacity(self.names.len());
        for i in 0..self.names.len() {
            match seq.next_element::<Spanned<String>>()? {
                Some(value) => values.push(value),
                None => {
                    let expected =
                        format!("struct {} with {} elements", self.name, self.names.len());
                    return Err(de::Error::invalid_length(i, &expected.as_str()));
                }
            }
        }
        Ok(values)
    }

    /// TOML: keys and values, each key once, every field there.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut slots: Vec<Option<Spanned<String>>> = vec![None; self.names.len()];
        while let Some(i) = map.next_key_seed(Key(self.names))? {
            if slots[i].is_some() {
                return Err(de::Error::duplicate_field(self.names[i]));
            }
            slots[i] = Some(map.next_value()?);
        }
        let mut values = Vec::with_capacity(slots.len());
        for (slot, name) in slots.into_iter().zip(self.names) {
            values.push(slot.ok_or_else(|| de::Error::missing_field(name))?);
        }
        Ok(values)
    }
}

/// A key of a label table: its place among the fields, or serde's unknown-field error.
struct Key(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for Key {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for Key {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<usize, E> {
        (self.0.iter().position(|name| *name == key))
            .ok_or_else(|| de::Error::unknown_field(key, self.0))
    }
}

/// Reads a label table named `name` with the fields `names`: one value a field, in order.
pub(crate) fn read<'de, D: Deserializer<'de>>(
    deserializer: D,
    name: &'static str,
    names: &'static [&'static str],
) -> Result<Vec<Spanned<String>>, D::Error> {
    deserializer.deserialize_struct(name, names, LabelsVisitor { name, names })
}

/// Writes a label table as a struct of its fields, in order.
pub(crate) fn serialize<S: Serializer>(
    serializer: S,
    name: &'static str,
    names: &'static [&'static str],
    values: &[&Spanned<String>],
) -> Result<S::Ok, S::Error> {
    let mut table = serializer.serialize_struct(name, names.len())?;
    for (field, value) in names.iter().zip(values) {
        table.serialize_field(field, value)?;
    }
    table.end()
}

/// A label table: a struct whose fields are all strings with spans, read and written by the
/// shared code above. The struct keeps its fields: every use reads `labels.field`.
macro_rules! labels {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$field_meta:meta])* pub $field:ident: Spanned<String>, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone)]
        pub struct $name {
            $( $(#[$field_meta])* pub $field: Spanned<String>, )*
        }

        impl $name {
            /// The field names, as the file spells them.
            const NAMES: &'static [&'static str] = &[$(stringify!($field)),*];

            /// The table from one value a field, in order (one copy, whatever the format).
            fn from_values(values: Vec<Spanned<String>>) -> Self {
                debug_assert_eq!(values.len(), Self::NAMES.len(), "one value a field");
                let mut values = values.into_iter();
                $name { $( $field: values.next().unwrap_or_default(), )* }
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::content::model::labels::read(deserializer, stringify!($name), Self::NAMES)
                    .map(Self::from_values)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $crate::content::model::labels::serialize(
                    serializer,
                    stringify!($name),
                    Self::NAMES,
                    &[$(&self.$field),*],
                )
            }
        }
    };
}
pub(crate) use labels;

#[cfg(test)]
mod tests {
    use crate::content::model::CreditLabels;

    const WHOLE: &str =
        "from = \"From {name}.\"\nfrom_authors = \"By {authors}.\"\nlicense = \"{license}.\"\n";

    #[test]
    fn reads_a_table_with_each_value_and_its_span() {
        let labels: CreditLabels = toml::from_str(WHOLE).unwrap();
        assert_eq!(labels.from_authors.get_ref(), "By {authors}.");
        assert_eq!(&WHOLE[labels.license.span()], "\"{license}.\"");
    }

    #[test]
    fn an_unknown_key_is_named_and_pointed_at() {
        let text = WHOLE.replace("license =", "licence =");
        let error = toml::from_str::<CreditLabels>(&text).unwrap_err();
        assert!(
            error
                .message()
                .starts_with("unknown field `licence`, expected one of `from`"),
            "{error}"
        );
        assert_eq!(&text[error.span().unwrap()], "licence");
    }

    #[test]
    fn a_missing_key_is_named() {
        let text = WHOLE.replace("from_authors = \"By {authors}.\"\n", "");
        let error = toml::from_str::<CreditLabels>(&text).unwrap_err();
        assert_eq!(error.message(), "missing field `from_authors`");
    }

    /// Wrong shapes are refused in the derive's words.
    #[test]
    fn a_table_of_the_wrong_shape_is_named_as_the_derive_names_it() {
        let error = toml::from_str::<CreditLabels>("").unwrap_err();
        assert_eq!(error.message(), "missing field `from`");
        let bytes = postcard::to_allocvec(&("one", "two")).unwrap();
        let error = postcard::from_bytes::<CreditLabels>(&bytes).unwrap_err();
        assert!(
            matches!(error, postcard::Error::DeserializeUnexpectedEnd),
            "{error:?}"
        );
        #[derive(serde::Deserialize, Debug)]
        struct Holder {
            #[allow(dead_code)]
            credit_labels: CreditLabels,
        }
        let error = toml::from_str::<Holder>("credit_labels = \"x\"").unwrap_err();
        assert_eq!(
            error.message(),
            "invalid type: string \"x\", expected struct CreditLabels"
        );
        let error = toml::from_str::<Holder>("credit_labels = []").unwrap_err();
        assert_eq!(
            error.message(),
            "invalid length 0, expected struct CreditLabels with 3 elements"
        );
    }

    #[test]
    fn a_value_that_is_not_a_string_is_refused_where_it_is() {
        let text = WHOLE.replace("\"{license}.\"", "3");
        let error = toml::from_str::<CreditLabels>(&text).unwrap_err();
        assert_eq!(&text[error.span().unwrap()], "3");
    }

    /// The compact form keeps every value and span, in order.
    #[test]
    fn the_compact_form_gives_back_the_same_table() {
        let labels: CreditLabels = toml::from_str(WHOLE).unwrap();
        let bytes = postcard::to_allocvec(&labels).unwrap();
        let back: CreditLabels = postcard::from_bytes(&bytes).unwrap();
        for (a, b) in [
            (&labels.from, &back.from),
            (&labels.from_authors, &back.from_authors),
            (&labels.license, &back.license),
        ] {
            assert_eq!((a.get_ref(), a.span()), (b.get_ref(), b.span()));
        }
        let short = &bytes[..bytes.len() - 3];
        assert!(postcard::from_bytes::<CreditLabels>(short).is_err());
    }
}
