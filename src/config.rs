//! numb's own settings, read from `$XDG_CONFIG_HOME/numb/config.toml` (by default
//! `~/.config/numb/config.toml`):
//!
//! ```toml
//! # The language of the content and screens ("en" or "es"); the locale decides when unset.
//! language = "es"
//!
//! [history]
//! # "ask": an interactive `numb reflect` offers to save (No is the default answer).
//! # "never": it does not ask; only `numb reflect --save` saves.
//! save = "ask"
//!
//! [ui]
//! # true: ask every question in the accessible mode (typed answers, no cursor movement).
//! accessible = false
//! ```

use std::io::Write;
use std::path::PathBuf;

use serde::Deserialize;

/// The settings.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The language, before the locale is read (`--lang` and `NUMB_LANG` come first).
    #[serde(default)]
    pub language: Option<String>,
    /// How reflections are saved.
    #[serde(default)]
    pub history: HistoryConfig,
    /// How numb talks to the terminal.
    #[serde(default)]
    pub ui: UiConfig,
}

/// `[ui]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UiConfig {
    /// Ask every question in the accessible mode: typed answers, no cursor movement.
    #[serde(default)]
    pub accessible: bool,
}

/// `[history]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryConfig {
    /// Whether an interactive reflection offers to save.
    #[serde(default)]
    pub save: SaveChoice,
}

/// `history.save`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SaveChoice {
    /// Offer to save at the end of an interactive reflection.
    #[default]
    Ask,
    /// Never offer; only `--save` saves.
    Never,
}

/// Where the settings file is.
pub fn path() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    Some(
        etcetera::choose_base_strategy()
            .ok()?
            .config_dir()
            .join("numb")
            .join("config.toml"),
    )
}

/// Reads the settings. No file means the defaults; a file numb cannot read or understand
/// also means the defaults (asking, which saves nothing unless the person says yes), with a
/// warning that says where and what.
pub fn load() -> (Config, Option<String>) {
    // Read once a run: the language, the accessible mode and the save question all ask.
    static LOADED: std::sync::OnceLock<(Config, Option<String>)> = std::sync::OnceLock::new();
    LOADED.get_or_init(read).clone()
}

/// Says what was wrong with the settings file, if anything, once a run, on stderr. numb
/// says it as a run starts, before any question or page: a setting that did not take (the
/// accessible mode) changes how numb asks, so waiting until the end would be too late.
pub fn warn_once() {
    static SAID: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    let (_, warning) = load();
    if let Some(warning) = warning
        && !SAID.swap(true, std::sync::atomic::Ordering::Relaxed)
    {
        // Line by line: the line break between the problem and what numb does is kept, any
        // control character inside a line is written out.
        let lines: Vec<String> = warning
            .lines()
            .map(crate::render::sanitize::escape_controls)
            .collect();
        let _ = writeln!(std::io::stderr(), "warning: {}", lines.join("\n"));
    }
}

fn read() -> (Config, Option<String>) {
    let Some(path) = path() else {
        return (Config::default(), None);
    };
    let text = match read_small(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Config::default(), None),
        Err(e) => {
            return (
                Config::default(),
                Some(format!(
                    "numb cannot read {}: {}; it goes on with the default settings",
                    path.display(),
                    crate::error::describe(&e)
                )),
            );
        }
    };
    match parse(&text) {
        Ok(config) => (config, None),
        Err(e) => (
            Config::default(),
            Some(format!(
                "{}:{e}\nnumb goes on with the default settings (history.save = \"ask\")",
                path.display()
            )),
        ),
    }
}

/// The largest settings file numb reads: a few lines are all it takes.
const MAX_BYTES: u64 = 64 * 1024;

/// Reads the settings file: a regular file (opening a FIFO would wait for ever), of at most
/// [`MAX_BYTES`], in UTF-8.
fn read_small(path: &std::path::Path) -> std::io::Result<String> {
    use std::io::Read;
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(std::io::Error::other("it is not a regular file"));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(std::io::Error::other("it is larger than 64 KiB"));
    }
    String::from_utf8(bytes).map_err(|_| std::io::Error::other("it is not UTF-8 text"))
}

/// Parses the text of a settings file; the error starts with `line:column: `.
pub fn parse(text: &str) -> Result<Config, String> {
    toml::from_str(text).map_err(|e| {
        let at = e
            .span()
            .map(|span| {
                let (line, col) = crate::error::line_col(text, span.start);
                format!("{line}:{col}: ")
            })
            .unwrap_or_default();
        format!("{at}{}", e.message())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_setting_and_its_mistakes() {
        assert_eq!(parse("").unwrap().history.save, SaveChoice::Ask);
        assert_eq!(
            parse("[history]\nsave = \"never\"\n").unwrap().history.save,
            SaveChoice::Never
        );
        let err = parse("[history]\nsave = \"always\"\n").unwrap_err();
        assert!(err.starts_with("2:8: "), "{err}");
        assert!(err.contains("ask") && err.contains("never"), "{err}");
        assert!(!parse("").unwrap().ui.accessible);
        assert!(parse("[ui]\naccessible = true\n").unwrap().ui.accessible);
        let err = parse("[ui]\naccessible = \"yes\"\n").unwrap_err();
        assert!(err.starts_with("2:14: "), "{err}");
        assert_eq!(
            parse("language = \"es\"\n").unwrap().language.as_deref(),
            Some("es")
        );
        let err = parse("[histroy]\n").unwrap_err();
        assert!(err.starts_with("1:2: ") && err.contains("history"), "{err}");
    }
}
