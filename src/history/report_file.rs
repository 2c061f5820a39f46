//! Writing a history report to a file of the person's choosing: whole or not at all, private
//! when new, and never over a file that has something in it unless they say so.

use std::io::{self, Write};
use std::path::Path;

use crate::error::Error;

/// Writes the report to `path`. A file with something in it, or a link to one, is refused
/// unless `force`: an empty one (from `mktemp`, or standard output sent to a new file) loses
/// nothing. A new or regular file is written whole or not at all (a temporary file beside it,
/// renamed into place); a regular file keeps its permissions, and a new one is readable only
/// by its owner, as the history is. Anything else there (a device such as /dev/stdout, a
/// symbolic link) is written through, never replaced.
pub fn write(
    path: &Path,
    force: bool,
    write: impl FnOnce(&mut Vec<u8>) -> io::Result<()>,
) -> Result<(), Error> {
    use crate::folder::plain;
    use std::os::unix::fs::PermissionsExt;
    let cannot = |source| Error::Output {
        path: path.to_path_buf(),
        source: plain(source),
    };
    // A file with something in it (or a link to one) is someone's: replaced only when asked.
    if !force && std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() > 0) {
        return Err(Error::OutputFileNotEmpty {
            path: path.to_path_buf(),
        });
    }
    let mut bytes = Vec::new();
    write(&mut bytes).map_err(Error::Write)?;
    let mode = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_file() => meta.permissions().mode() & 0o7777,
        Ok(meta) if meta.is_dir() => {
            return Err(cannot(io::Error::other("it is a folder; name a file")));
        }
        Ok(_) => {
            return std::fs::OpenOptions::new()
                .write(true)
                .truncate(true)
                .open(path)
                .and_then(|mut f| f.write_all(&bytes))
                .map_err(cannot);
        }
        Err(_) => 0o600,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(cannot(io::Error::other(
            "the folder it would go in does not exist",
        )));
    }
    let mut file = tempfile::Builder::new()
        .prefix(".numb-report-")
        .permissions(std::fs::Permissions::from_mode(mode))
        .tempfile_in(dir)
        .map_err(cannot)?;
    file.write_all(&bytes).map_err(cannot)?;
    file.persist(path).map_err(|e| cannot(e.error))?;
    Ok(())
}
