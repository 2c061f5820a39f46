//! `numb export`: all topics as one Markdown document, one file per topic, an mdBook, or JSON.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::ExportFormat;
use crate::content::Library;
use crate::error::Error;
use crate::folder::{Render, write_folder};
use crate::render::markdown::book;
use crate::render::{json, markdown};

pub use crate::folder::stop_on_ctrl_c;

/// Writes the export to `out`, or into the folder `dir`.
pub fn run<W: Write>(
    out: &mut W,
    library: &Library,
    format: ExportFormat,
    dir: Option<&Path>,
    force: bool,
) -> Result<(), Error> {
    match (format, dir) {
        (ExportFormat::Markdown, None) => markdown::document(out, library).map_err(Error::Write)?,
        (ExportFormat::Json, None) => json::library(out, library).map_err(Error::Write)?,
        (ExportFormat::Markdown, Some(dir)) => write_folder(dir, force, markdown_files(library))?,
        (ExportFormat::Mdbook, Some(dir)) => write_folder(dir, force, book_files(library))?,
        (ExportFormat::Json, Some(_)) => {
            return Err(Error::Usage(
                "--out writes Markdown files; for JSON, redirect standard output instead:\n\n  numb export --format json > numb.json".into(),
            ));
        }
        (ExportFormat::Mdbook, None) => {
            return Err(Error::Usage(
                "a book is a folder of files; name one with --out:\n\n  numb export --format mdbook --out my-book\n  mdbook build my-book".into(),
            ));
        }
    }
    Ok(())
}

/// One file per topic and a `README.md` index.
fn markdown_files(library: &Library) -> Vec<(PathBuf, Render<'_>)> {
    let mut files: Vec<(PathBuf, Render<'_>)> = library
        .topics
        .iter()
        .map(|topic| {
            let render: Render<'_> = Box::new(move |w| markdown::handout(w, library, topic));
            (PathBuf::from(format!("{}.md", topic.id.get_ref())), render)
        })
        .collect();
    files.push((
        PathBuf::from("README.md"),
        Box::new(move |w| markdown::index(w, library)),
    ));
    for p in &library.practices {
        files.push((
            PathBuf::from(markdown::practice_file(p.id.get_ref())),
            Box::new(move |w| markdown::practice_page(w, library, p)),
        ));
    }
    files
}

/// `book.toml` and the book's `src/`.
fn book_files(library: &Library) -> Vec<(PathBuf, Render<'_>)> {
    let src = Path::new("src");
    let mut files: Vec<(PathBuf, Render<'_>)> = vec![
        (
            PathBuf::from("book.toml"),
            Box::new(move |w| book::book_toml(w, library, &library.language)),
        ),
        (
            src.join("SUMMARY.md"),
            Box::new(move |w| book::summary(w, library)),
        ),
        (
            src.join(book::INTRODUCTION),
            Box::new(move |w| book::introduction(w, library)),
        ),
        (
            src.join(book::SUPPORT),
            Box::new(move |w| book::support(w, library)),
        ),
    ];
    for topic in &library.topics {
        files.push((
            src.join(book::topic_path(topic.id.get_ref())),
            Box::new(move |w| book::chapter(w, library, topic)),
        ));
    }
    for q in &library.questionnaires {
        files.push((
            src.join(book::worksheet_path(q.id.get_ref())),
            Box::new(move |w| book::worksheet(w, library, q)),
        ));
    }
    for p in &library.practices {
        files.push((
            src.join(book::practice_path(p.id.get_ref())),
            Box::new(move |w| book::practice(w, library, p)),
        ));
    }
    files.push((
        src.join(book::FEELINGS),
        Box::new(move |w| book::feelings(w, library)),
    ));
    files
}
