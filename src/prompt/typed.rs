//! What a typed answer means: a number, several numbers, yes or no, or a word that moves
//! (skip, back, stop). Pure functions; anything else means "this does not fit".

/// One typed line at a question with numbered choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply {
    /// A choice, counted from 0.
    Choice(usize),
    /// `s` or `skip`.
    Skip,
    /// `b` or `back`.
    Back,
    /// `q`, `quit`, `stop` or Esc.
    Stop,
    /// Enter alone.
    Empty,
    /// Anything else: a number out of range, letters, a sentence.
    Other,
}

/// The line without its end, spaces and a trailing full stop ("3." reads as 3), in lower
/// case.
pub fn clean(line: &str) -> String {
    line.trim().trim_end_matches('.').trim().to_lowercase()
}

/// Whether a [`clean`] word means stop: q, quit, stop, exit, or Esc (which arrives as its
/// byte when typed before Enter in a line-by-line terminal).
pub fn is_stop(word: &str) -> bool {
    word.contains('\x1b') || matches!(word, "q" | "quit" | "stop" | "exit")
}

/// Reads one line at a question with `count` numbered choices.
pub fn reply(line: &str, count: usize) -> Reply {
    let word = clean(line);
    if is_stop(&word) {
        return Reply::Stop;
    }
    match word.as_str() {
        "" => Reply::Empty,
        "s" | "skip" => Reply::Skip,
        "b" | "back" => Reply::Back,
        _ => match word.parse::<usize>() {
            Ok(n) if (1..=count).contains(&n) => Reply::Choice(n - 1),
            _ => Reply::Other,
        },
    }
}

/// Several choices typed as numbers separated by spaces or commas; Enter alone is none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picks {
    /// The choices, counted from 0, each once, in order.
    Picked(Vec<usize>),
    /// `q` or Esc.
    Stop,
    /// Something that is not a list of choices.
    Other,
}

/// Reads one line at a question where any of `count` choices can be picked.
pub fn picks(line: &str, count: usize) -> Picks {
    let word = clean(line);
    if is_stop(&word) {
        return Picks::Stop;
    }
    let mut picked = Vec::new();
    for part in word
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|p| !p.is_empty())
    {
        match part.trim_end_matches('.').parse::<usize>() {
            Ok(n) if (1..=count).contains(&n) => picked.push(n - 1),
            _ => return Picks::Other,
        }
    }
    picked.sort_unstable();
    picked.dedup();
    Picks::Picked(picked)
}

/// Reads a yes or no (any case): "y" and "yes" or one of `yes`, "n" and "no" or one of
/// `no`; Enter alone is no, and so are `q` and Esc. `None` when the line is neither.
pub fn yes_no(line: &str, yes: &[&str], no: &[&str]) -> Option<bool> {
    let word = clean(line);
    if is_stop(&word) {
        return Some(false);
    }
    let is = |words: &[&str]| words.iter().any(|w| w.to_lowercase() == word);
    match word.as_str() {
        "y" | "yes" => Some(true),
        "" | "n" | "no" => Some(false),
        _ if is(yes) => Some(true),
        _ if is(no) => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_words_at_a_question() {
        assert_eq!(reply("3\n", 5), Reply::Choice(2));
        assert_eq!(reply("  1. ", 5), Reply::Choice(0));
        assert_eq!(reply("5", 5), Reply::Choice(4));
        assert_eq!(reply("S", 5), Reply::Skip);
        assert_eq!(reply("back", 5), Reply::Back);
        assert_eq!(reply("Q\n", 5), Reply::Stop);
        assert_eq!(reply("\x1b\n", 5), Reply::Stop);
        assert_eq!(reply("\n", 5), Reply::Empty);
        for other in [
            "0",
            "6",
            "99",
            "-1",
            "often",
            "3 4",
            "1e3",
            "٣",
            "18446744073709551616",
        ] {
            assert_eq!(reply(other, 5), Reply::Other, "{other:?}");
        }
    }

    #[test]
    fn several_numbers_by_spaces_or_commas() {
        assert_eq!(picks("1 3", 10), Picks::Picked(vec![0, 2]));
        assert_eq!(picks("3,1, 3", 10), Picks::Picked(vec![0, 2]));
        assert_eq!(picks("10.", 10), Picks::Picked(vec![9]));
        assert_eq!(picks("", 10), Picks::Picked(vec![]));
        assert_eq!(picks("q", 10), Picks::Stop);
        assert_eq!(picks("1 11", 10), Picks::Other);
        assert_eq!(picks("one", 10), Picks::Other);
    }

    #[test]
    fn yes_and_no_in_any_case() {
        for yes in ["y", "Y", "yes", "YES\n", " Yes "] {
            assert_eq!(yes_no(yes, &[], &[]), Some(true), "{yes:?}");
        }
        for no in ["n", "No", "", "\n", "q"] {
            assert_eq!(yes_no(no, &[], &[]), Some(false), "{no:?}");
        }
        assert_eq!(yes_no("maybe", &[], &[]), None);
        assert_eq!(yes_no("yess", &[], &[]), None);
        // Another language's words, in any case, with or without the accent written.
        let (si, no) = (["s", "sí", "si"], ["n", "no"]);
        for yes in ["s", "Sí", "SI", "sí\n", "yes"] {
            assert_eq!(yes_no(yes, &si, &no), Some(true), "{yes:?}");
        }
        assert_eq!(yes_no("N", &si, &no), Some(false));
        assert_eq!(yes_no("sip", &si, &no), None);
        // "s" is a yes only where the language says so.
        assert_eq!(yes_no("s", &[], &[]), None);
    }
}
