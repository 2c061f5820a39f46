//! Single keys during a guided practice in an ordinary terminal. While a practice runs, the
//! terminal stops echoing and stops waiting for Enter, so q or Esc stops at once and keys
//! pressed during a countdown are not drawn into it. The terminal's own settings come back
//! when the practice ends, on an error, on Ctrl-C and on a panic.

/// The terminal's settings from before a practice changed them, to put back.
#[cfg(unix)]
static SAVED: std::sync::Mutex<Option<rustix::termios::Termios>> = std::sync::Mutex::new(None);

/// While this lives, standard input gives single keys, without echo.
#[derive(Debug)]
pub struct KeyMode {
    _private: (),
}

impl KeyMode {
    /// Turns off echo and line editing on the terminal on standard input (Ctrl-C still
    /// interrupts). `None` when standard input is not a terminal or cannot be changed; the
    /// practice then reads whole lines, as before.
    pub fn start() -> Option<KeyMode> {
        #[cfg(unix)]
        {
            use rustix::termios::{LocalModes, OptionalActions, SpecialCodeIndex};
            let stdin = std::io::stdin();
            let original = rustix::termios::tcgetattr(&stdin).ok()?;
            let mut keys = original.clone();
            keys.local_modes
                .remove(LocalModes::ICANON | LocalModes::ECHO);
            keys.special_codes[SpecialCodeIndex::VMIN] = 1;
            keys.special_codes[SpecialCodeIndex::VTIME] = 0;
            // Saved first, so a Ctrl-C right after the change still finds what to put back.
            *SAVED.lock().unwrap_or_else(|p| p.into_inner()) = Some(original);
            if rustix::termios::tcsetattr(&stdin, OptionalActions::Now, &keys).is_err() {
                restore_terminal();
                return None;
            }
            Some(KeyMode { _private: () })
        }
        #[cfg(not(unix))]
        None
    }
}

impl Drop for KeyMode {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Puts back the terminal settings a practice changed; does nothing when none were changed.
/// The Ctrl-C handler and the panic hook call it too.
pub fn restore_terminal() {
    #[cfg(unix)]
    {
        // try_lock: a panic or signal while the settings are being saved must not hang.
        let saved = match SAVED.try_lock() {
            Ok(mut saved) => saved.take(),
            Err(std::sync::TryLockError::Poisoned(p)) => p.into_inner().take(),
            Err(std::sync::TryLockError::WouldBlock) => None,
        };
        if let Some(original) = saved {
            let stdin = std::io::stdin();
            let now = rustix::termios::OptionalActions::Now;
            let _ = rustix::termios::tcsetattr(&stdin, now, &original);
        }
    }
}
