//! The built-in content in a compact form, so that showing a page costs almost nothing.
//!
//! build.rs loads `content/` with the same code the binary uses ([`super::load::builtin`]),
//! runs every check, and stops the build on any problem: bad built-in content can never be in
//! a binary. It then stores the checked library with [`to_bytes`] (postcard, spans included),
//! and the binary reads it back with [`builtin`] instead of parsing and checking TOML on every
//! run. User packs are still parsed and checked in full when they load.

use std::collections::HashSet;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::crisis::CrisisWords;
use super::library::Library;
use super::model::{AppText, Feelings, Practice, Questionnaire, SupportPage, Topic};
use crate::error::SourceFile;

/// The checked library, each item with the path of the file it came from.
#[derive(Serialize, Deserialize)]
struct Compact {
    topics: Vec<(String, Topic)>,
    questionnaires: Vec<(String, Questionnaire)>,
    practices: Vec<(String, Practice)>,
    feelings: (String, Feelings),
    support: SupportPage,
    app: (String, AppText),
    crisis: (String, CrisisWords),
}

/// The library in the compact form (build.rs stores this in the binary).
pub fn to_bytes(library: &Library) -> Result<Vec<u8>, postcard::Error> {
    fn with_path<T: Clone>(item: &T, file: &SourceFile) -> (String, T) {
        (file.path.clone(), item.clone())
    }
    let compact = Compact {
        topics: (library.topics.iter())
            .map(|t| with_path(t, &t.file))
            .collect(),
        questionnaires: (library.questionnaires.iter())
            .map(|q| with_path(q, &q.file))
            .collect(),
        practices: (library.practices.iter())
            .map(|p| with_path(p, &p.file))
            .collect(),
        feelings: with_path(&library.feelings, &library.feelings.file),
        support: library.support.clone(),
        app: with_path(&library.app, &library.app.file),
        crisis: with_path(&library.crisis, &library.crisis.file),
    };
    postcard::to_allocvec(&compact)
}

/// Reads a library stored by [`to_bytes`]. `files` are the (path under `content/`, text)
/// pairs the items came from, so that spans still point into their files.
pub fn from_bytes(
    bytes: &[u8],
    files: &[(&str, &'static str)],
) -> Result<Library, postcard::Error> {
    let compact: Compact = postcard::from_bytes(bytes)?;
    let file = |path: String| {
        let text = (files.iter())
            .find(|(rel, _)| path.strip_prefix("content/") == Some(rel))
            .map_or("", |(_, text)| text);
        Arc::new(SourceFile {
            path,
            text: std::borrow::Cow::Borrowed(text),
        })
    };
    fn attach<T>(
        items: Vec<(String, T)>,
        file: impl Fn(String) -> Arc<SourceFile>,
        set: impl Fn(&mut T, Arc<SourceFile>),
    ) -> Vec<T> {
        items
            .into_iter()
            .map(|(path, mut item)| {
                set(&mut item, file(path));
                item
            })
            .collect()
    }
    let topics = attach(compact.topics, file, |t, f| t.file = f);
    let questionnaires = attach(compact.questionnaires, file, |q, f| q.file = f);
    let practices = attach(compact.practices, file, |p, f| p.file = f);
    let (path, mut feelings) = compact.feelings;
    feelings.file = file(path);
    let (path, mut app) = compact.app;
    app.file = file(path);
    let (path, mut crisis) = compact.crisis;
    crisis.file = file(path);
    Ok(Library::new(
        topics,
        questionnaires,
        practices,
        feelings,
        compact.support,
        app,
        crisis,
        HashSet::new(),
    ))
}

/// The built-in content as build.rs checked and stored it.
pub fn builtin() -> Result<Library, postcard::Error> {
    from_bytes(super::embedded::LIBRARY, super::embedded::FILES)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{embedded, load};

    /// What the binary reads is exactly what the checks passed: every item, field and span.
    #[test]
    fn the_stored_library_is_the_checked_content_exactly() {
        let loaded = load::builtin_checked(embedded::FILES);
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let parsed = loaded.library.unwrap();
        let stored = builtin().unwrap();
        assert_eq!(to_bytes(&parsed).unwrap(), embedded::LIBRARY);
        assert_eq!(to_bytes(&stored).unwrap(), embedded::LIBRARY);
        assert_eq!(parsed.names, stored.names);
        assert_eq!(stored.topics.len(), parsed.topics.len());
        let files = |l: &Library| -> Vec<(String, String)> {
            let mut files: Vec<&Arc<SourceFile>> = l.topics.iter().map(|t| &t.file).collect();
            files.extend(l.questionnaires.iter().map(|q| &q.file));
            files.extend(l.practices.iter().map(|p| &p.file));
            files.extend([&l.feelings.file, &l.app.file, &l.crisis.file]);
            files
                .into_iter()
                .map(|f| (f.path.clone(), f.text.to_string()))
                .collect()
        };
        assert_eq!(files(&stored), files(&parsed));
        assert!(files(&stored).iter().all(|(_, text)| !text.is_empty()));
    }

    /// Spans still point at the words in their files, so a problem found later (a pack that
    /// clashes with a built-in topic) shows the right line.
    #[test]
    fn spans_point_into_the_files_they_came_from() {
        let stored = builtin().unwrap();
        let topic = stored.topic("origins").unwrap();
        let title = &topic.file.text[topic.title.span()];
        assert!(title.contains(topic.title.get_ref().as_str()), "{title}");
        let date = &stored.support.emergency.verified_on;
        assert!(!date.span().is_empty());
    }

    #[test]
    fn damaged_bytes_are_an_error_not_a_panic() {
        let bytes = embedded::LIBRARY;
        for cut in [0, 1, bytes.len() / 2, bytes.len() - 1] {
            assert!(from_bytes(&bytes[..cut], embedded::FILES).is_err());
        }
    }
}
