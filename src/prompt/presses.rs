//! Enter, and stopping, during a guided practice: typed lines read from standard input on
//! their own thread, so a quiet time can end on Enter or when its time is up.

use std::io::{self, BufRead, Read};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// How a wait ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waited {
    /// Enter (an empty line, or any line that is not a stop).
    Enter,
    /// `q` or Esc, then Enter: the person wants to stop.
    Stop,
    /// The time passed (or, waiting without a limit, the input ended).
    Time,
}

/// Lines typed, as they arrive.
pub struct Presses {
    pressed: Receiver<Waited>,
}

impl Presses {
    /// Starts reading standard input, a line at a time, until it ends.
    pub fn start() -> Self {
        Self::from_reader(io::BufReader::new(io::stdin()))
    }

    /// Reads `input` a line at a time (tests give a slice).
    pub fn from_reader(input: impl BufRead + Send + 'static) -> Self {
        let (tx, pressed) = mpsc::channel();
        std::thread::spawn(move || {
            let mut input = input;
            let mut line = Vec::new();
            loop {
                line.clear();
                match input.read_until(b'\n', &mut line) {
                    Ok(0) | Err(_) => break,
                    Ok(_) => {}
                }
                let typed = String::from_utf8_lossy(&line);
                let press = match super::typed::reply(&typed, 0) {
                    super::typed::Reply::Stop => Waited::Stop,
                    _ => Waited::Enter,
                };
                if tx.send(press).is_err() {
                    break;
                }
            }
        });
        Presses { pressed }
    }

    /// Reads single keys from a terminal in key mode ([`super::KeyMode`]): Enter goes on; q,
    /// Esc and Ctrl-D stop; other keys do nothing.
    pub fn keys() -> Self {
        Self::from_keys(io::stdin())
    }

    /// Reads keys from `input`, a read at a time (tests give a slice).
    pub fn from_keys(input: impl Read + Send + 'static) -> Self {
        let (tx, pressed) = mpsc::channel();
        std::thread::spawn(move || {
            let mut input = input;
            let mut keys = [0u8; 64];
            loop {
                let n = match input.read(&mut keys) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => n,
                };
                if let Some(press) = key(&keys[..n])
                    && tx.send(press).is_err()
                {
                    break;
                }
            }
        });
        Presses { pressed }
    }

    /// Forgets Enter pressed ahead of time (so it does not skip a step); `true` when a stop
    /// was among them.
    pub fn forget_early(&self) -> bool {
        let mut stop = false;
        while let Ok(press) = self.pressed.try_recv() {
            stop |= press == Waited::Stop;
        }
        stop
    }

    /// Waits for a line, at most `wait` (without a limit when `None`). When the input has
    /// ended, a limited wait still takes its time.
    pub fn wait(&self, wait: Option<Duration>) -> Waited {
        let started = Instant::now();
        match wait {
            None => self.pressed.recv().unwrap_or(Waited::Time),
            Some(wait) => match self.pressed.recv_timeout(wait) {
                Ok(press) => press,
                Err(RecvTimeoutError::Timeout) => Waited::Time,
                Err(RecvTimeoutError::Disconnected) => {
                    std::thread::sleep(wait.saturating_sub(started.elapsed()));
                    Waited::Time
                }
            },
        }
    }
}

/// What one read of keys means: the first key that does something. Esc at the end of a read
/// stops; Esc followed by more is an arrow or function key (`ESC [ … A`, `ESC O P`), which
/// does nothing.
fn key(bytes: &[u8]) -> Option<Waited> {
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        i += 1;
        match b {
            0x1b if i == bytes.len() => return Some(Waited::Stop),
            0x1b => {
                // Skip the sequence: `[` or `O`, then parameters, up to a final byte.
                if matches!(bytes.get(i), Some(b'[' | b'O')) {
                    i += 1;
                    while bytes.get(i).is_some_and(|b| !(0x40..=0x7e).contains(b)) {
                        i += 1;
                    }
                }
                i += 1;
            }
            b'q' | b'Q' | 0x04 => return Some(Waited::Stop),
            b'\r' | b'\n' => return Some(Waited::Enter),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enter_q_and_the_end_of_the_input() {
        let presses = Presses::from_reader(&b"\nnext\nQ\n\x1b\n"[..]);
        assert_eq!(presses.wait(None), Waited::Enter);
        assert_eq!(presses.wait(None), Waited::Enter);
        assert_eq!(presses.wait(None), Waited::Stop);
        assert_eq!(presses.wait(None), Waited::Stop, "Esc");
        assert_eq!(presses.wait(None), Waited::Time, "the input ended");
        let short = Duration::from_millis(20);
        assert_eq!(presses.wait(Some(short)), Waited::Time);
    }

    #[test]
    fn single_keys() {
        assert_eq!(key(b"q"), Some(Waited::Stop));
        assert_eq!(key(b"Q"), Some(Waited::Stop));
        assert_eq!(key(b"\x1b"), Some(Waited::Stop), "Esc");
        assert_eq!(key(b"\x04"), Some(Waited::Stop), "Ctrl-D");
        assert_eq!(key(b"\n"), Some(Waited::Enter));
        assert_eq!(key(b"\r"), Some(Waited::Enter));
        assert_eq!(key(b"\x1b[A"), None, "an arrow key");
        assert_eq!(key(b"\x1b[1;5C"), None, "Ctrl and an arrow");
        assert_eq!(key(b"\x1bOP"), None, "F1");
        assert_eq!(key(b"xyz\x1b"), Some(Waited::Stop), "Esc after other keys");
        assert_eq!(key(b"\x1b[Bq"), Some(Waited::Stop), "an arrow, then q");
        assert_eq!(
            key(b"\x1b[B\r"),
            Some(Waited::Enter),
            "an arrow, then Enter"
        );
        assert_eq!(key(b"x"), None);
        assert_eq!(key(b" "), None);
        let presses = Presses::from_keys(&b"\n"[..]);
        assert_eq!(presses.wait(None), Waited::Enter);
        assert_eq!(presses.wait(None), Waited::Time, "the input ended");
    }

    #[test]
    fn early_presses_are_forgotten_but_a_stop_is_not() {
        let presses = Presses::from_reader(&b"\n\nq\n\n"[..]);
        std::thread::sleep(Duration::from_millis(50));
        assert!(presses.forget_early());
        assert!(!presses.forget_early());
    }
}
