//! The one decision about colour and width, made once per run from flags, environment and terminal.

use crate::cli::ColorWhen;
use crate::render::Look;

/// The widest automatic wrap width: long lines are hard to read.
pub const MAX_AUTO_WIDTH: usize = 100;
/// The width when there is no terminal and no `COLUMNS`.
pub const DEFAULT_WIDTH: usize = 80;
/// The narrowest width numb lays out for.
pub const MIN_WIDTH: usize = 20;

/// What numb knows about where its output goes.
#[derive(Debug, Clone, Default)]
pub struct Environment {
    /// Whether stdout is a terminal.
    pub is_terminal: bool,
    /// The terminal's width in columns, if known.
    pub terminal_width: Option<usize>,
    /// The terminal's height in lines, if known.
    pub terminal_height: Option<usize>,
    /// `NO_COLOR`.
    pub no_color: Option<String>,
    /// `CLICOLOR_FORCE`.
    pub clicolor_force: Option<String>,
    /// `CLICOLOR`.
    pub clicolor: Option<String>,
    /// `TERM`.
    pub term: Option<String>,
    /// `COLUMNS`.
    pub columns: Option<String>,
}

impl Environment {
    /// Reads the real process environment and stdout.
    pub fn detect() -> Self {
        use std::io::IsTerminal;
        let var = |k| std::env::var(k).ok();
        let is_terminal = std::io::stdout().is_terminal();
        let size = terminal_size::terminal_size_of(std::io::stdout());
        Environment {
            is_terminal,
            terminal_width: size.map(|(w, _)| usize::from(w.0)),
            terminal_height: size.map(|(_, h)| usize::from(h.0)),
            no_color: var("NO_COLOR"),
            clicolor_force: var("CLICOLOR_FORCE"),
            clicolor: var("CLICOLOR"),
            term: var("TERM"),
            columns: var("COLUMNS"),
        }
    }
}

fn set(v: &Option<String>) -> bool {
    v.as_deref().is_some_and(|s| !s.is_empty())
}

/// Whether to write styles. The flag wins; then NO_COLOR and TERM=dumb (off), CLICOLOR_FORCE
/// (on), CLICOLOR=0 (off), and whether stdout is a terminal.
pub fn use_color(when: ColorWhen, env: &Environment) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            // A dumb terminal cannot show styles, so even CLICOLOR_FORCE does not send them.
            if set(&env.no_color) || env.term.as_deref() == Some("dumb") {
                false
            } else if set(&env.clicolor_force) && env.clicolor_force.as_deref() != Some("0") {
                true
            } else if env.clicolor.as_deref() == Some("0") {
                false
            } else {
                env.is_terminal
            }
        }
    }
}

/// The wrap width: `--width`, else the terminal's (at most 100), else `COLUMNS`, else 80.
pub fn width(flag: Option<u16>, env: &Environment) -> usize {
    if let Some(w) = flag {
        return usize::from(w);
    }
    let auto = if env.is_terminal {
        env.terminal_width
    } else {
        None
    }
    .filter(|w| *w > 0)
    .or_else(|| {
        env.columns
            .as_deref()
            .and_then(|c| c.trim().parse().ok())
            .filter(|w| *w > 0)
    })
    .unwrap_or(DEFAULT_WIDTH);
    auto.clamp(MIN_WIDTH, MAX_AUTO_WIDTH)
}

/// The look for this run.
pub fn look(when: ColorWhen, width_flag: Option<u16>, env: &Environment) -> Look {
    Look {
        width: width(width_flag, env),
        color: use_color(when, env),
        plain: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env() -> Environment {
        Environment {
            is_terminal: true,
            terminal_width: Some(120),
            term: Some("xterm-256color".into()),
            ..Environment::default()
        }
    }

    #[test]
    fn colour_follows_flag_then_environment() {
        assert!(use_color(ColorWhen::Auto, &env()));
        assert!(!use_color(
            ColorWhen::Auto,
            &Environment {
                is_terminal: false,
                ..env()
            }
        ));
        assert!(!use_color(
            ColorWhen::Auto,
            &Environment {
                no_color: Some("1".into()),
                ..env()
            }
        ));
        assert!(use_color(
            ColorWhen::Auto,
            &Environment {
                no_color: Some(String::new()),
                ..env()
            }
        ));
        assert!(!use_color(
            ColorWhen::Auto,
            &Environment {
                term: Some("dumb".into()),
                ..env()
            }
        ));
        assert!(!use_color(
            ColorWhen::Auto,
            &Environment {
                clicolor: Some("0".into()),
                ..env()
            }
        ));
        let piped_forced = Environment {
            is_terminal: false,
            clicolor_force: Some("1".into()),
            ..env()
        };
        assert!(use_color(ColorWhen::Auto, &piped_forced));
        let dumb_forced = Environment {
            term: Some("dumb".into()),
            clicolor_force: Some("1".into()),
            ..env()
        };
        assert!(!use_color(ColorWhen::Auto, &dumb_forced));
        let both = Environment {
            no_color: Some("1".into()),
            clicolor_force: Some("1".into()),
            ..env()
        };
        assert!(!use_color(ColorWhen::Auto, &both));
        assert!(use_color(
            ColorWhen::Always,
            &Environment {
                no_color: Some("1".into()),
                ..env()
            }
        ));
        assert!(!use_color(ColorWhen::Never, &env()));
    }

    #[test]
    fn width_is_capped_and_falls_back() {
        assert_eq!(width(None, &env()), 100);
        assert_eq!(
            width(
                None,
                &Environment {
                    terminal_width: Some(72),
                    ..env()
                }
            ),
            72
        );
        assert_eq!(width(Some(150), &env()), 150);
        let piped = Environment {
            is_terminal: false,
            ..env()
        };
        assert_eq!(width(None, &piped), 80);
        assert_eq!(
            width(
                None,
                &Environment {
                    columns: Some("60".into()),
                    ..piped.clone()
                }
            ),
            60
        );
        assert_eq!(
            width(
                None,
                &Environment {
                    columns: Some("junk".into()),
                    ..piped.clone()
                }
            ),
            80
        );
        let zero = Environment {
            columns: Some("0".into()),
            ..piped
        };
        assert_eq!(width(None, &zero), 80);
    }
}
