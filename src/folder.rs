//! Writing a whole folder of files, as `numb export --out` does: whole or not at all,
//! never outside the folder or through a link in it, files already there replaced only with
//! `--force` (and put back if anything fails), and Ctrl-C stopping cleanly.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::error::Error;

/// Renders one file of a folder.
pub type Render<'a> = Box<dyn FnOnce(&mut Vec<u8>) -> io::Result<()> + Send + 'a>;

/// How many files render in memory at once before they are written.
const BATCH: usize = 256;

/// Refuses a path that is a symbolic link (an export never writes through one) and, when it
/// is where a file goes, a folder in its way.
fn not_a_link(path: &Path, file: bool) -> Result<(), Error> {
    let refuse = |why: &str| {
        Err(Error::Output {
            path: path.to_path_buf(),
            source: io::Error::other(why),
        })
    };
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => refuse(
            "it is a symbolic link, and numb never writes through one; remove it or choose another folder",
        ),
        Ok(meta) if file && meta.is_dir() => refuse("a folder is in the way of this file"),
        _ => Ok(()),
    }
}

/// Writes `files` (paths relative to `dir`) all-or-nothing. A new folder is written whole
/// under a hidden name beside it and renamed into place at once. Into a folder that exists,
/// every file goes to a temporary file first, and only when all are complete are they renamed
/// into place; if a rename fails, the files placed so far are taken back and replaced ones
/// restored. Folders the export creates go again if it fails, and Ctrl-C (or a termination
/// signal) stops it the same way: a failed or stopped export leaves nothing behind.
pub fn write_folder(
    dir: &Path,
    force: bool,
    files: Vec<(PathBuf, Render<'_>)>,
) -> Result<(), Error> {
    if fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink()) && !dir.exists() {
        return Err(Error::Output {
            path: dir.to_path_buf(),
            source: io::Error::other("it is a symbolic link to something that is not there"),
        });
    }
    // Every path stays inside `dir`: relative, plain names only (ids are checked at load;
    // this guards the promise even so).
    for (rel, _) in &files {
        let plain_names = rel
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !plain_names {
            return Err(Error::Output {
                path: dir.join(rel),
                source: io::Error::other("this name would leave the folder"),
            });
        }
    }
    let mut made = Vec::new();
    let new = matches!(fs::symlink_metadata(dir), Err(e) if e.kind() == io::ErrorKind::NotFound);
    let result = match (new, dir.parent(), dir.file_name()) {
        (true, Some(parent), Some(name)) => {
            let parent = Some(parent)
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            write_new_folder(dir, force, (parent, name), files, &mut made)
        }
        _ => write_into_folder(dir, force, files, &mut made),
    };
    if result.is_err() {
        for folder in made.iter().rev() {
            let _ = fs::remove_dir(folder);
        }
    }
    result
}

/// Makes the folder `path` and any missing folders above it, noting in `made` each one it
/// creates, outermost first. A file where a folder should be is an error.
fn make_dirs(path: &Path, made: &mut Vec<PathBuf>) -> io::Result<()> {
    let missing: Vec<&Path> = path
        .ancestors()
        .take_while(|p| !p.as_os_str().is_empty() && fs::symlink_metadata(p).is_err())
        .collect();
    for folder in missing.into_iter().rev() {
        match fs::create_dir(folder) {
            Ok(()) => made.push(folder.to_path_buf()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && folder.is_dir() => {}
            Err(e) => return Err(e),
        }
    }
    if path.is_dir() {
        Ok(())
    } else {
        Err(io::Error::other("a file is in the way of this folder"))
    }
}

/// Set by Ctrl-C or a termination signal: the export stops before its next file.
static STOP: std::sync::LazyLock<std::sync::Arc<std::sync::atomic::AtomicBool>> =
    std::sync::LazyLock::new(Default::default);

/// Makes Ctrl-C (or a termination signal) stop the export cleanly, its files and folders
/// removed and exit 130, instead of killing it part-way; a second one ends numb at once. The
/// signal only sets [`STOP`]: no thread waits for it.
pub fn stop_on_ctrl_c() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    for signal in [SIGINT, SIGTERM, SIGHUP] {
        // The second signal: the default action, which ends numb.
        let _ =
            signal_hook::flag::register_conditional_default(signal, std::sync::Arc::clone(&STOP));
        let _ = signal_hook::flag::register(signal, std::sync::Arc::clone(&STOP));
    }
}

/// [`Error::Stopped`] once Ctrl-C was pressed.
fn stopped() -> Result<(), Error> {
    if STOP.load(std::sync::atomic::Ordering::SeqCst) {
        Err(Error::Stopped("the export wrote nothing"))
    } else {
        Ok(())
    }
}

/// The folders of `files` below `root` (`src/topics` of `src/topics/x.md`).
fn make_subfolders(
    root: &Path,
    files: &[(PathBuf, Render<'_>)],
    made: &mut Vec<PathBuf>,
) -> Result<(), Error> {
    for (rel, _) in files {
        if let Some(parent) = rel.parent().filter(|p| !p.as_os_str().is_empty()) {
            let parent = root.join(parent);
            make_dirs(&parent, made).map_err(cannot_write(&parent))?;
        }
    }
    Ok(())
}

/// Renders `files` and hands each to `write` in order. Files render on every core, into
/// memory, a batch at a time (so memory stays small), and are written from this thread:
/// creating files in one folder from several threads at once is slower than from one.
fn render_each(
    dir: &Path,
    files: Vec<(PathBuf, Render<'_>)>,
    mut write: impl FnMut(PathBuf, &[u8]) -> Result<(), Error>,
) -> Result<(), Error> {
    // The buffers are used again from batch to batch: memory once given back to the system
    // costs page faults to take again.
    let mut buffers: Vec<Vec<u8>> = Vec::new();
    let mut files = files.into_iter().peekable();
    while files.peek().is_some() {
        let batch: Vec<_> = files
            .by_ref()
            .take(BATCH)
            .map(|(rel, render)| (rel, render, buffers.pop().unwrap_or_default()))
            .collect();
        let rendered = crate::parallel::parallel_map(batch, |(rel, render, mut bytes)| {
            bytes.clear();
            let result = render(&mut bytes);
            (rel, bytes, result)
        });
        for (rel, bytes, result) in rendered {
            // A render error is numb's own (body text the writer refused): keep its words.
            result.map_err(|source| Error::Output {
                path: dir.join(&rel),
                source,
            })?;
            stopped()?;
            write(rel, &bytes)?;
            buffers.push(bytes);
        }
    }
    Ok(())
}

/// Writes a folder that does not exist yet: whole, under a hidden name beside it, then
/// renamed to `dir` in one step.
fn write_new_folder(
    dir: &Path,
    force: bool,
    (parent, name): (&Path, &std::ffi::OsStr),
    files: Vec<(PathBuf, Render<'_>)>,
    made: &mut Vec<PathBuf>,
) -> Result<(), Error> {
    let output_error = cannot_write(dir);
    make_dirs(parent, made).map_err(output_error)?;
    let mut builder = tempfile::Builder::new();
    // Named after the folder, unless that would make the name too long for the system.
    let name = name.to_string_lossy();
    let prefix = match name.len() {
        ..=200 => format!(".{name}.numb-export-"),
        _ => ".numb-export-".to_string(),
    };
    builder.prefix(&prefix);
    #[cfg(unix)]
    {
        // An ordinary folder: as the umask allows, like `mkdir`, not 0700.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o777));
    }
    // Removed with everything in it if the export fails before the rename.
    let staging = builder.tempdir_in(parent).map_err(output_error)?;
    make_subfolders(staging.path(), &files, &mut Vec::new())?;
    render_each(dir, files, |rel, bytes| {
        fs::File::create_new(staging.path().join(&rel))
            .and_then(|mut file| file.write_all(bytes))
            .map_err(cannot_write(&dir.join(&rel)))
    })?;
    stopped()?;
    if let Err(e) = fs::rename(staging.path(), dir) {
        // Something made the folder while numb was writing (another export, say).
        return Err(match fs::symlink_metadata(dir) {
            Ok(_) if !force => Error::OutputNotEmpty {
                path: dir.to_path_buf(),
            },
            Ok(_) => output_error(io::Error::other(
                "something else made this folder while numb was writing it; run the export again",
            )),
            Err(_) => output_error(e),
        });
    }
    // In place now under its own name: nothing to remove.
    let _ = staging.keep();
    Ok(())
}

/// Writes into a folder that exists: refused unless it is empty or `force`, never through a
/// link, each file staged beside its place and then renamed.
fn write_into_folder(
    dir: &Path,
    force: bool,
    files: Vec<(PathBuf, Render<'_>)>,
    made: &mut Vec<PathBuf>,
) -> Result<(), Error> {
    let output_error = cannot_write(dir);
    if dir.exists() && !dir.is_dir() {
        return Err(output_error(io::Error::other("it is a file, not a folder")));
    }
    make_dirs(dir, made).map_err(output_error)?;
    let mut entries = fs::read_dir(dir).map_err(output_error)?;
    if !force && entries.next().is_some() {
        return Err(Error::OutputNotEmpty {
            path: dir.to_path_buf(),
        });
    }
    // No link anywhere below `dir`, and no folder where a file goes.
    let mut seen = std::collections::HashSet::new();
    for (rel, _) in &files {
        let mut at = dir.to_path_buf();
        let mut parts = rel.components().peekable();
        while let Some(part) = parts.next() {
            at.push(part);
            let file = parts.peek().is_none();
            if file || seen.insert(at.clone()) {
                not_a_link(&at, file)?;
            }
        }
    }
    make_subfolders(dir, &files, made)?;
    let mut staged = Vec::with_capacity(files.len());
    render_each(dir, files, |rel, bytes| {
        let path = dir.join(rel);
        let file = stage(&path, bytes).map_err(cannot_write(&path))?;
        staged.push((path, file));
        Ok(())
    })?;
    // Files numb replaces (with --force) are moved aside first, so that a failure part-way
    // through can put every earlier file back as it was.
    let mut placed: Vec<(PathBuf, Option<PathBuf>)> = Vec::new();
    for (path, file) in staged {
        let moved_aside = fs::symlink_metadata(&path).is_ok();
        let backup = if moved_aside {
            backup_path(&path)
        } else {
            Ok(PathBuf::new())
        };
        let result = backup
            .as_ref()
            .map_err(|e| io::Error::new(e.kind(), e.to_string()))
            .and_then(|backup| {
                if moved_aside {
                    fs::rename(&path, backup)?;
                }
                file.persist(&path).map(drop).map_err(|e| e.error)
            });
        let backup = backup.unwrap_or_default();
        match result {
            Ok(()) => placed.push((path, moved_aside.then_some(backup))),
            Err(e) => {
                if moved_aside && fs::symlink_metadata(&path).is_err() {
                    let _ = fs::rename(&backup, &path);
                }
                roll_back(placed);
                return Err(Error::Output {
                    path,
                    source: plain(e),
                });
            }
        }
    }
    for (_, backup) in placed {
        if let Some(backup) = backup {
            let _ = fs::remove_file(backup);
        }
    }
    Ok(())
}

/// Where a file numb replaces waits until the whole export is in place: a name beside it
/// that nothing has yet (never one of the user's files).
fn backup_path(path: &Path) -> io::Result<PathBuf> {
    let name = path
        .file_name()
        .map_or_else(Default::default, |n| n.to_string_lossy().into_owned());
    (0..10)
        .map(|n| match n {
            0 => path.with_file_name(format!(".{name}.numb-old")),
            n => path.with_file_name(format!(".{name}.numb-old-{n}")),
        })
        .find(|candidate| fs::symlink_metadata(candidate).is_err())
        .ok_or_else(|| {
            io::Error::other(format!(
                "there is no free name beside it to keep the old {name} aside while writing (.{name}.numb-old and -1 to -9 are taken)"
            ))
        })
}

/// Undoes the files placed so far: new files go, replaced ones come back.
fn roll_back(placed: Vec<(PathBuf, Option<PathBuf>)>) {
    for (path, backup) in placed.into_iter().rev() {
        match backup {
            Some(backup) => {
                let _ = fs::rename(backup, &path);
            }
            None => {
                let _ = fs::remove_file(&path);
            }
        }
    }
}

/// Writes one file's bytes into a temporary file beside its final path.
fn stage(path: &Path, bytes: &[u8]) -> io::Result<tempfile::NamedTempFile> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".numb-export-");
    #[cfg(unix)]
    {
        // A handout is an ordinary file: readable as the umask allows, not 0600.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut file = builder.tempfile_in(dir)?;
    file.write_all(bytes)?;
    // No fsync per file: an export can always be made again, and 2,000 fsyncs would make a
    // large pack's export many times slower. The renames below still keep it all-or-nothing.
    Ok(file)
}

/// The error for a file or folder the export could not write.
fn cannot_write(path: &Path) -> impl Fn(io::Error) -> Error + Copy + '_ {
    move |source| Error::Output {
        path: path.to_path_buf(),
        source: plain(source),
    }
}

/// The error without the temporary file's name, which means nothing to the user.
pub(crate) fn plain(e: io::Error) -> io::Error {
    // tempfile wraps the OS error with the temporary path: find the OS error inside.
    let mut inner: Option<&(dyn std::error::Error + 'static)> = e.get_ref().map(|e| e as _);
    while let Some(err) = inner {
        if let Some(code) = err
            .downcast_ref::<io::Error>()
            .and_then(io::Error::raw_os_error)
        {
            return io::Error::from_raw_os_error(code);
        }
        inner = err.source();
    }
    match (e.raw_os_error(), e.kind()) {
        (Some(code), _) => io::Error::from_raw_os_error(code),
        (None, io::ErrorKind::Other) => e,
        (None, kind) => io::Error::from(kind),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nothing() -> Render<'static> {
        Box::new(|_| Ok(()))
    }

    /// Ids are checked at load; the export keeps its own promise even so.
    #[test]
    fn a_path_that_would_leave_the_folder_is_refused_before_anything_is_written() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        for bad in ["../escape.md", "/tmp/absolute.md", "src/../../x.md"] {
            let files = vec![
                (PathBuf::from("fine.md"), nothing()),
                (PathBuf::from(bad), nothing()),
            ];
            let err = write_folder(&out, true, files).unwrap_err();
            assert!(
                err.to_string().contains("would leave the folder"),
                "{bad}: {err}"
            );
            assert!(!out.join("fine.md").exists(), "{bad}");
        }
        assert!(!tmp.path().join("escape.md").exists());
    }

    /// Something else makes the new folder while numb writes it: numb says the folder is not
    /// empty (or, with --force, to run again), and leaves nothing of its own behind.
    #[test]
    fn a_folder_made_by_someone_else_meanwhile_is_not_overwritten() {
        for force in [false, true] {
            let tmp = tempfile::tempdir().unwrap();
            let out = tmp.path().join("out");
            let intruder = out.clone();
            let files: Vec<(PathBuf, Render<'_>)> = vec![(
                PathBuf::from("a.md"),
                Box::new(move |w: &mut Vec<u8>| {
                    fs::create_dir(&intruder)?;
                    fs::write(intruder.join("theirs.txt"), "theirs")?;
                    w.extend_from_slice(b"mine");
                    Ok(())
                }),
            )];
            let err = write_folder(&out, force, files).unwrap_err();
            match force {
                false => assert!(matches!(err, Error::OutputNotEmpty { .. }), "{err}"),
                true => assert!(err.to_string().contains("run the export again"), "{err}"),
            }
            let names: Vec<_> = fs::read_dir(tmp.path())
                .unwrap()
                .map(|e| e.unwrap().file_name())
                .collect();
            assert_eq!(names, vec![std::ffi::OsString::from("out")]);
            assert_eq!(
                fs::read_dir(&out).unwrap().count(),
                1,
                "only their file is there"
            );
        }
    }

    /// An OS error wrapped by another error (as tempfile wraps it with the temporary path)
    /// is shown as the OS says it, the same as an unwrapped one.
    #[test]
    fn wrapped_os_errors_read_as_the_system_says_them() {
        #[derive(Debug)]
        struct Wrapper(io::Error);
        impl std::fmt::Display for Wrapper {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{} at /tmp/.numb-export-x", self.0)
            }
        }
        impl std::error::Error for Wrapper {
            fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
                Some(&self.0)
            }
        }
        let wrapped = io::Error::new(
            io::ErrorKind::PermissionDenied,
            Wrapper(io::Error::from_raw_os_error(13)),
        );
        assert_eq!(
            plain(wrapped).to_string(),
            io::Error::from_raw_os_error(13).to_string()
        );
    }
}
