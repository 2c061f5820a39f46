//! `numb export`: all topics as one Markdown document, one file per topic, or JSON.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::cli::ExportFormat;
use crate::content::Library;
use crate::error::Error;
use crate::render::{json, markdown};

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
        (ExportFormat::Markdown, Some(dir)) => write_folder(library, dir, force)?,
        (ExportFormat::Json, Some(_)) => {
            return Err(Error::Usage(
                "--out writes Markdown files; for JSON, redirect standard output instead:\n\n  numb export --format json > numb.json".into(),
            ));
        }
    }
    Ok(())
}

fn write_folder(library: &Library, dir: &Path, force: bool) -> Result<(), Error> {
    let output_error = |source| Error::Output {
        path: dir.to_path_buf(),
        source: plain(source),
    };
    if dir.exists() && !dir.is_dir() {
        return Err(output_error(io::Error::other("it is a file, not a folder")));
    }
    fs::create_dir_all(dir).map_err(output_error)?;
    let mut entries = fs::read_dir(dir).map_err(output_error)?;
    if !force && entries.next().is_some() {
        return Err(Error::OutputNotEmpty {
            path: dir.to_path_buf(),
        });
    }
    // Every file is written to a temporary file first; only when all are complete are they
    // renamed into place, so a failure (a full disk, say) leaves no half-written set behind.
    let mut staged = Vec::new();
    for topic in &library.topics {
        let name = format!("{}.md", topic.id.get_ref());
        staged.push(stage(dir, &name, |w| {
            markdown::topic_file(w, library, topic)
        })?);
    }
    staged.push(stage(dir, "README.md", |w| markdown::index(w, library))?);
    for (path, _) in &staged {
        if path.is_dir() {
            return Err(Error::Output {
                path: path.clone(),
                source: io::Error::other("a folder is in the way of this file"),
            });
        }
    }
    for (path, file) in staged {
        file.persist(&path).map_err(|e| Error::Output {
            path: path.clone(),
            source: plain(e.error),
        })?;
    }
    Ok(())
}

/// Renders one file into a temporary file beside its final path.
fn stage(
    dir: &Path,
    name: &str,
    render: impl FnOnce(&mut io::BufWriter<&fs::File>) -> io::Result<()>,
) -> Result<(PathBuf, tempfile::NamedTempFile), Error> {
    let path = dir.join(name);
    let output_error = |source| Error::Output {
        path: path.clone(),
        source: plain(source),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".numb-export-");
    #[cfg(unix)]
    {
        // A handout is an ordinary file: readable as the umask allows, not 0600.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let file = builder.tempfile_in(dir).map_err(output_error)?;
    {
        let mut w = io::BufWriter::new(file.as_file());
        render(&mut w).map_err(output_error)?;
        w.flush().map_err(output_error)?;
    }
    file.as_file().sync_all().map_err(output_error)?;
    Ok((path, file))
}

/// The error without the temporary file's name, which means nothing to the user.
fn plain(e: io::Error) -> io::Error {
    match (e.raw_os_error(), e.kind()) {
        (Some(code), _) => io::Error::from_raw_os_error(code),
        // tempfile wraps the OS error with the temporary path: keep only its kind.
        (None, io::ErrorKind::Other) => e,
        (None, kind) => io::Error::from(kind),
    }
}
