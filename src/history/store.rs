//! Where saved reflections live and how they are kept: `history.jsonl` in numb's data folder
//! (`$XDG_DATA_HOME/numb`, by default `~/.local/share/numb`), one JSON line per reflection.
//! Only its owner can read it (the folder 0700, the files 0600). A save appends one line under
//! an exclusive lock on `history.lock`, so processes saving at once each keep their record,
//! and is flushed to disk before numb says it is saved; a save that fails (a full disk, a
//! read-only folder) puts the file back exactly as it was. Reading never changes the file: a
//! damaged line, or one from a newer numb, is skipped with a warning and left where it is.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

use super::record::{Record, SCHEMA_VERSION, Saved};
use crate::error::Error;

/// The longest line numb reads as a record: a reflection is a few kilobytes.
const MAX_LINE: u64 = 1024 * 1024;

/// The history file's name in the data folder.
pub const FILE: &str = "history.jsonl";

/// The lock file's name: saving holds it exclusively, reading shares it.
pub const LOCK: &str = "history.lock";

/// The history in one folder.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

/// What reading the history found.
#[derive(Debug)]
pub struct History<T = Record> {
    /// The records that could be read, oldest first (in the order they were saved).
    pub records: Vec<T>,
    /// One line for each line skipped, naming it.
    pub warnings: Vec<String>,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        History {
            records: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

impl Store {
    /// The history kept in `dir`.
    pub fn new(dir: PathBuf) -> Store {
        Store { dir }
    }

    /// numb's data folder: `$XDG_DATA_HOME/numb` (by default `~/.local/share/numb`).
    pub fn default_dir() -> Option<PathBuf> {
        use etcetera::BaseStrategy;
        Some(
            etcetera::choose_base_strategy()
                .ok()?
                .data_dir()
                .join("numb"),
        )
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The history file.
    pub fn file(&self) -> PathBuf {
        self.dir.join(FILE)
    }

    fn lock_file(&self) -> PathBuf {
        self.dir.join(LOCK)
    }

    /// Warnings for the folder or a file that other people on this computer could open.
    pub fn privacy_warnings(&self) -> Vec<String> {
        use std::os::unix::fs::PermissionsExt;
        let mut warnings = Vec::new();
        for (path, private) in [
            (self.dir.clone(), 0o700),
            (self.file(), 0o600),
            (self.lock_file(), 0o600),
        ] {
            // Through a link, what counts is what it points to.
            if let Ok(meta) = fs::metadata(&path) {
                let mode = meta.permissions().mode() & 0o777;
                if mode & 0o077 != 0 {
                    warnings.push(crate::render::sanitize::escape_controls(&format!(
                        "other people on this computer may be able to open {} (its mode is {mode:o}); to keep it private, run: chmod {private:o} {}",
                        path.display(),
                        shell_quoted(&path)
                    )));
                }
            }
        }
        warnings
    }

    /// Adds `record` at the end of the history, creating the folder and files if needed.
    pub fn save(&self, record: &Record) -> Result<(), Error> {
        match self.save_once(record) {
            // `numb history forget` removed the folder between two steps: once more.
            Err(Error::Output { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
                self.save_once(record)
            }
            saved => saved,
        }
    }

    fn save_once(&self, record: &Record) -> Result<(), Error> {
        use std::os::unix::fs::{DirBuilderExt, FileExt, OpenOptionsExt};
        let cannot = |path: &Path| {
            let path = path.to_path_buf();
            move |source| Error::Output { path, source }
        };
        let mut line = serde_json::to_vec(record)
            .map_err(io::Error::from)
            .map_err(cannot(&self.file()))?;
        line.push(b'\n');
        let made_dir = fs::symlink_metadata(&self.dir).is_err();
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&self.dir)
            .map_err(cannot(&self.dir))?;
        let lock = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .open(self.lock_file())
            .map_err(cannot(&self.lock_file()))?;
        lock.lock().map_err(cannot(&self.lock_file()))?;
        let path = self.file();
        let existed = fs::symlink_metadata(&path).is_ok();
        if fs::metadata(&path).is_ok_and(|m| !m.is_file()) {
            return Err(cannot(&path)(io::Error::other(
                "it is not a regular file; numb keeps its history in a plain file",
            )));
        }
        let mut file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .mode(0o600)
            .open(&path)
            .map_err(cannot(&path))?;
        let before = file.metadata().map_err(cannot(&path))?.len();
        let mut bytes = Vec::with_capacity(line.len() + 1);
        if before > 0 {
            // A line cut short (by a crash or a full disk, long ago) stays as it is; the new
            // record starts on a line of its own.
            let mut last = [0u8];
            file.read_exact_at(&mut last, before - 1)
                .map_err(cannot(&path))?;
            if last[0] != b'\n' {
                bytes.push(b'\n');
            }
        }
        bytes.extend_from_slice(&line);
        if let Err(e) = file.write_all(&bytes).and_then(|()| file.sync_all()) {
            // Back exactly as it was: a part-written line would be a damaged record.
            let _ = file.set_len(before);
            let _ = file.sync_all();
            drop(file);
            if !existed {
                let _ = fs::remove_file(&path);
            }
            if made_dir {
                // The first save: nothing of it stays, not even the folder.
                let _ = fs::remove_file(self.lock_file());
                let _ = fs::remove_dir(&self.dir);
            }
            return Err(cannot(&path)(e));
        }
        if !existed {
            // The new file's name is on disk too, not only its bytes.
            File::open(&self.dir)
                .and_then(|d| d.sync_all())
                .map_err(cannot(&self.dir))?;
        }
        Ok(())
    }

    /// Reads every record (whole, or only what `T` needs), skipping and naming lines that
    /// cannot be read. No history yet is an empty one.
    pub fn read<T: Saved>(&self) -> Result<History<T>, Error> {
        let path = self.file();
        // Wait for a save in progress to finish, so its line is whole.
        let lock = File::open(self.lock_file()).ok();
        if let Some(lock) = &lock {
            let _ = lock.lock_shared();
        }
        // Only a plain file: a pipe would wait forever and a device never end.
        match fs::metadata(&path) {
            Ok(meta) if !meta.is_file() => {
                return Err(Error::Input {
                    path,
                    source: io::Error::other(
                        "it is not a regular file; numb keeps its history in a plain file",
                    ),
                });
            }
            _ => {}
        }
        let file = match File::open(&path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(History::default()),
            Err(source) => return Err(Error::Input { path, source }),
        };
        parse(io::BufReader::new(file), &path).map_err(|source| Error::Input { path, source })
    }

    /// Deletes the history and the folder numb made for it. Returns whether there was
    /// anything to delete. Files numb did not write are left, and so is the folder then.
    pub fn forget(&self) -> Result<bool, Error> {
        let cannot = |path: PathBuf| move |source| Error::Output { path, source };
        if fs::symlink_metadata(&self.dir).is_err() {
            return Ok(false);
        }
        let lock = File::open(self.lock_file()).ok();
        if let Some(lock) = &lock {
            let _ = lock.lock();
        }
        let mut removed = false;
        // A history file that is a link (into a synced folder, say): the reflections are in
        // the file it points to, and that goes too.
        if fs::symlink_metadata(self.file()).is_ok_and(|m| m.file_type().is_symlink())
            && fs::metadata(self.file()).is_ok_and(|m| m.is_file())
            && let Ok(target) = fs::canonicalize(self.file())
        {
            fs::remove_file(&target).map_err(cannot(target))?;
            removed = true;
        }
        for path in [self.file(), self.lock_file()] {
            match fs::remove_file(&path) {
                Ok(()) => removed = true,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(cannot(path)(e)),
            }
        }
        drop(lock);
        match fs::remove_dir(&self.dir) {
            Ok(()) => removed = true,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            // Something else of the user's is there: it stays, and so does the folder. A link
            // to a folder stays too (its history is gone).
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::DirectoryNotEmpty | io::ErrorKind::NotADirectory
                ) => {}
            Err(e) => return Err(cannot(self.dir.clone())(e)),
        }
        Ok(removed)
    }
}

/// The records of a history file, read line by line, and a warning for each line skipped.
pub fn parse<T: Saved>(mut reader: impl io::BufRead, path: &Path) -> io::Result<History<T>> {
    let mut history = History::default();
    let mut line = Vec::new();
    let mut n = 0;
    loop {
        line.clear();
        if io::Read::take(&mut reader, MAX_LINE).read_until(b'\n', &mut line)? == 0 {
            return Ok(history);
        }
        n += 1;
        if line.len() as u64 == MAX_LINE && line.last() != Some(&b'\n') {
            // Far longer than any reflection: skip to the end of the line without keeping it.
            let mut rest = Vec::new();
            while io::Read::take(&mut reader, MAX_LINE).read_until(b'\n', &mut rest)? > 0
                && rest.last() != Some(&b'\n')
            {
                rest.clear();
            }
            history.warnings.push(format!(
                "{}:{n}: this line is far too long to be a reflection; numb skipped it and left it as it is",
                path.display()
            ));
            continue;
        }
        if n == 1 && line.starts_with("\u{feff}".as_bytes()) {
            // A byte-order mark, left by an editor.
            line.drain(..3);
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let newer = |v: u64| {
            format!(
                "{}:{n}: this reflection was saved by a newer numb (record format {v}); numb skipped it and left it as it is",
                path.display()
            )
        };
        match serde_json::from_slice::<T>(&line) {
            Ok(record) if record.schema_version() > SCHEMA_VERSION => {
                history.warnings.push(newer(record.schema_version().into()));
            }
            Ok(record) => match record.problem() {
                None => history.records.push(record),
                Some(problem) => history.warnings.push(format!(
                    "{}:{n}: this reflection's scores do not add up ({problem}); numb skipped it and left it as it is",
                    path.display()
                )),
            },
            // Not a record this numb can read: a newer one, or damage.
            Err(e) => {
                let value = serde_json::from_slice::<serde_json::Value>(&line);
                let version = value
                    .as_ref()
                    .ok()
                    .and_then(|v| v.get("schema_version"))
                    .and_then(serde_json::Value::as_u64);
                let warning = match (version, value) {
                    (Some(v), _) if v > u64::from(SCHEMA_VERSION) => newer(v),
                    (_, Err(e)) => format!(
                        "{}:{n}: this line is damaged ({}); numb skipped it and left it as it is",
                        path.display(),
                        damage(&e)
                    ),
                    (_, Ok(_)) => format!(
                        "{}:{n}: this line is not a reflection numb can read ({e}); numb skipped it and left it as it is",
                        path.display()
                    ),
                };
                history.warnings.push(warning);
            }
        }
    }
}

/// A short account of what is wrong with a line.
fn damage(e: &serde_json::Error) -> &'static str {
    if e.is_eof() {
        "it stops part-way"
    } else {
        "it is not a whole JSON record"
    }
}

/// `path` as a shell would need it typed.
fn shell_quoted(path: &Path) -> String {
    let text = path.display().to_string();
    if text
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"/._-~+".contains(&b))
    {
        text
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}
