//! numb's own chooser for the terminal prompter: a list picked with the arrow keys and Enter,
//! where a printable key starts a typed line instead of acting as a command. A sentence typed
//! at a question is read whole (words of crisis in it meet the help lines) and never picks,
//! moves or quits a letter at a time, as dialoguer's Space, j, k, q, y and n did.

use dialoguer::console::{Key, Term};
use dialoguer::theme::Theme;
use textwrap::core::display_width;

use super::typed;
use crate::error::Error;
use crate::render::sanitize::escape_controls;

/// One choice, or any number of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Enter picks the highlighted choice.
    One,
    /// Space, as the first key, picks or unpicks the highlighted choice; Enter is done.
    Many,
}

/// What a key did to the list or the typed line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Pressed {
    /// Something on the screen changed: draw it again.
    Changed,
    /// Enter on the highlighted choice of a [`Kind::One`] list.
    Picked(usize),
    /// Enter on a [`Kind::Many`] list.
    Done,
    /// Esc on the list.
    Left,
    /// Enter on a typed line: the line.
    Sent(String),
    /// A key that does nothing here.
    Nothing,
}

/// The keys' side of a list: where the highlight is, what is picked, what is typed.
#[derive(Debug, Clone)]
pub(super) struct Keys {
    kind: Kind,
    /// The highlighted choice.
    pub(super) at: usize,
    /// Which choices are picked (a [`Kind::Many`] list).
    pub(super) picked: Vec<bool>,
    /// The line being typed; empty while the keys move in the list.
    pub(super) typed: String,
}

impl Keys {
    /// A list of `len` choices (one at least), `at` highlighted.
    pub(super) fn new(kind: Kind, len: usize, at: usize) -> Self {
        Keys {
            kind,
            at: at.min(len.saturating_sub(1)),
            picked: vec![false; len],
            typed: String::new(),
        }
    }

    /// Whether a line is being typed.
    pub(super) fn typing(&self) -> bool {
        !self.typed.is_empty()
    }

    /// Takes one key. On the list, the arrow keys (and Tab), Home and End move (wrapping
    /// round), Enter picks and Esc leaves; any printable key (Space too, except as the first
    /// key of a [`Kind::Many`] list, where it picks) starts a typed line. On a typed line,
    /// printable keys are text, Backspace (and Ctrl-W, Ctrl-U) edit, Enter sends the line and
    /// Esc drops it and goes back to the list; keys that move do nothing.
    pub(super) fn press(&mut self, key: &Key) -> Pressed {
        let len = self.picked.len();
        if len == 0 {
            return Pressed::Nothing;
        }
        if self.typing() {
            return match key {
                Key::Char('\u{15}') => {
                    self.typed.clear();
                    Pressed::Changed
                }
                Key::Char('\u{17}') => {
                    let kept = self.typed.trim_end().len();
                    self.typed.truncate(kept);
                    // The word starts after the last space, which may take more than one
                    // byte (a no-break space, Option-Space on a Mac; an ideographic space).
                    let word = self
                        .typed
                        .char_indices()
                        .rfind(|(_, c)| c.is_whitespace())
                        .map_or(0, |(at, c)| at + c.len_utf8());
                    self.typed.truncate(word);
                    Pressed::Changed
                }
                Key::Char(c) if !c.is_control() => {
                    self.typed.push(*c);
                    Pressed::Changed
                }
                Key::Backspace => {
                    self.typed.pop();
                    Pressed::Changed
                }
                Key::Enter => Pressed::Sent(std::mem::take(&mut self.typed)),
                Key::Escape => {
                    self.typed.clear();
                    Pressed::Changed
                }
                _ => Pressed::Nothing,
            };
        }
        match key {
            Key::ArrowDown | Key::Tab => self.at = (self.at + 1) % len,
            Key::ArrowUp | Key::BackTab => self.at = (self.at + len - 1) % len,
            Key::Home | Key::PageUp => self.at = 0,
            Key::End | Key::PageDown => self.at = len - 1,
            Key::Enter => {
                return match self.kind {
                    Kind::One => Pressed::Picked(self.at),
                    Kind::Many => Pressed::Done,
                };
            }
            Key::Escape => return Pressed::Left,
            Key::Char(' ') if self.kind == Kind::Many => {
                self.picked[self.at] = !self.picked[self.at];
            }
            Key::Char(c) if !c.is_control() => self.typed.push(*c),
            _ => return Pressed::Nothing,
        }
        Pressed::Changed
    }
}

/// What the typed words can answer.
#[derive(Debug, Clone, Copy)]
pub(super) enum Answers<'a> {
    /// A yes-or-no question, asked as the list No, Yes: the language's words for each.
    YesNo {
        /// Words for yes.
        yes: &'a [&'a str],
        /// Words for no.
        no: &'a [&'a str],
    },
    /// A list: a choice's words in full, or its number; `quit` words leave.
    List {
        /// The choices as shown.
        labels: &'a [String],
        /// The language's words that leave, besides q, quit, stop and exit.
        quit: &'a [&'a str],
        /// The choice that skips, picked by "s" or "skip" too (as in the accessible mode).
        skip: Option<usize>,
        /// The choice that goes back, picked by "b" or "back" too.
        back: Option<usize>,
    },
}

/// What a typed line says at a list (words of crisis are looked for first, elsewhere).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Reading {
    /// These choices, counted from 0 (one at a list of [`Kind::One`]; No is 0, Yes is 1).
    Picks(Vec<usize>),
    /// Leave, as Esc does.
    Leave,
    /// Nothing the question can take.
    Unclear,
}

/// Reads a typed line: yes or no in the language's words; a choice's words typed in full (any
/// case, accents as written, spaces around and a final full stop left out) or its number as
/// shown (from 1; several numbers where several can be picked); a word that means stop.
/// A choice written as "word — meaning" is picked by its word alone too.
pub(super) fn read(line: &str, answers: Answers<'_>, kind: Kind) -> Reading {
    let word = typed::clean(line);
    match answers {
        Answers::YesNo { yes, no } => match typed::yes_no(line, yes, no) {
            Some(true) => Reading::Picks(vec![1]),
            Some(false) => Reading::Picks(vec![0]),
            None => Reading::Unclear,
        },
        Answers::List {
            labels,
            quit,
            skip,
            back,
        } => {
            if word.is_empty() {
                return Reading::Unclear;
            }
            // A choice's words in full, or the words before its dash ("sad — …").
            let names = |label: &str| {
                let label = typed::clean(label);
                let name = label.split(" — ").next().unwrap_or_default().to_string();
                [label, name]
            };
            if let Some(at) = labels.iter().position(|l| names(l).contains(&word)) {
                return Reading::Picks(vec![at]);
            }
            if typed::is_stop(&word) || quit.iter().any(|q| typed::clean(q) == word) {
                return Reading::Leave;
            }
            match kind {
                Kind::One => match (typed::reply(&word, labels.len()), skip, back) {
                    (typed::Reply::Choice(at), _, _)
                    | (typed::Reply::Skip, Some(at), _)
                    | (typed::Reply::Back, _, Some(at)) => Reading::Picks(vec![at]),
                    _ => Reading::Unclear,
                },
                Kind::Many => match typed::picks(&word, labels.len()) {
                    typed::Picks::Picked(at) if !at.is_empty() => Reading::Picks(at),
                    _ => Reading::Unclear,
                },
            }
        }
    }
}

/// A question for the chooser, its words already fitted to the terminal.
pub(super) struct Question {
    /// Plain lines above the question (a questionnaire's time window, how to use the keys),
    /// wrapped, each ending in a line end; drawn and cleared with the list.
    pub header: String,
    /// The prompt, wrapped at spaces; empty for none.
    pub prompt: String,
    /// The choices, one screen line each.
    pub items: Vec<String>,
    /// The choice highlighted first.
    pub at: usize,
    /// One choice or several.
    pub kind: Kind,
}

/// How a question ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Chosen {
    /// The choices picked, counted from 0 (one, for a list of [`Kind::One`]).
    Picked(Vec<usize>),
    /// Esc, or a word that means stop.
    Left,
}

/// What the chooser says and where: the terminal, its look, and the words around the list.
pub(super) struct Chooser<'c> {
    /// The terminal behind stderr.
    pub term: &'c Term,
    /// The look of the prompt and the choices.
    pub theme: &'c dyn Theme,
    /// Before a typed line ("Your answer:").
    pub typing: &'c str,
    /// Said when a typed line fits no answer.
    pub not_understood: &'c str,
}

/// The screen a question takes, as written: the text, the rows it takes and whether its last
/// row is the typed line (written without a line end, the cursor after it).
#[derive(Debug, Default)]
pub(super) struct Drawn {
    /// The text to write.
    pub text: String,
    /// The screen rows it takes.
    pub rows: usize,
    /// The typed line is its last row (no line end after it).
    pub typing: bool,
    /// Where the typed line starts in `text` (its length when there is none).
    pub typed_at: usize,
    /// The screen rows the typed line takes.
    pub typed_rows: usize,
}

/// The screen rows `line` takes in `width` columns (one at least), as the terminal wraps it:
/// a wide character (日, an emoji) that does not fit in the last column of a row starts the
/// next one, so a row of them can hold one column less.
fn rows_of(line: &str, width: usize) -> usize {
    let width = width.max(1);
    let (mut rows, mut column) = (1, 0);
    for ch in dialoguer::console::strip_ansi_codes(line).chars() {
        let wide = display_width(ch.encode_utf8(&mut [0; 4]));
        if column + wide > width {
            rows += 1;
            column = 0;
        }
        column += wide;
    }
    rows
}

impl Chooser<'_> {
    /// The question as it shows now, in a terminal `width` columns wide and `height` tall.
    /// Choices that do not all fit are shown a page at a time, as dialoguer did.
    pub(super) fn draw(
        &self,
        q: &Question,
        keys: &Keys,
        notice: Option<&str>,
        (height, width): (usize, usize),
    ) -> Drawn {
        let mut lines: Vec<String> = q.header.lines().map(str::to_string).collect();
        if let Some(notice) = notice {
            lines.extend(
                textwrap::wrap(notice, width.max(10))
                    .into_iter()
                    .map(|l| l.into_owned()),
            );
        }
        let others: usize =
            lines.iter().map(|l| rows_of(l, width)).sum::<usize>() + q.prompt.lines().count();
        // A typed line longer than the screen has room for shows its end, after "…": its rows
        // leave one for a choice, one for the page and one spare, so that the screen never
        // scrolls (a long line, or a paste, left copies of the question above it).
        let typed = keys.typing().then(|| {
            // A column a row to spare, for a wide character pushed to the next row.
            let rows = height.saturating_sub(others + 3).max(1);
            let most = rows * width.saturating_sub(1).max(1);
            end_of(
                &format!("{} ", self.typing),
                &escape_controls(&keys.typed),
                most,
            )
        });
        let fixed = others + typed.as_deref().map_or(0, |t| rows_of(t, width));
        let len = q.items.len();
        // One row spare, so that the screen never scrolls (a scrolled row cannot be
        // cleared), and one more for the page where the list is paged.
        let mut room = height.saturating_sub(fixed + 1).max(1);
        if len > room && !q.prompt.is_empty() {
            room = height.saturating_sub(fixed + 2).max(1);
        }
        let (first, shown, page) = match len > room {
            true => {
                let page = keys.at / room;
                (page * room, room, Some((page + 1, len.div_ceil(room))))
            }
            false => (0, len, None),
        };
        if !q.prompt.is_empty() {
            let mut prompt = String::new();
            let _ = match q.kind {
                Kind::One => self.theme.format_select_prompt(&mut prompt, &q.prompt),
                Kind::Many => self
                    .theme
                    .format_multi_select_prompt(&mut prompt, &q.prompt),
            };
            lines.extend(prompt.lines().map(str::to_string));
            if let Some((page, pages)) = page {
                // Beside the prompt, or under it where it would not fit.
                let info = format!("[Page {page}/{pages}]");
                match lines.last_mut() {
                    Some(last) if display_width(last) + 1 + info.len() <= width => {
                        last.push(' ');
                        last.push_str(&info);
                    }
                    _ => lines.push(info),
                }
            }
        }
        for (i, item) in q.items.iter().enumerate().skip(first).take(shown) {
            let mut line = String::new();
            let _ = match q.kind {
                Kind::One => self
                    .theme
                    .format_select_prompt_item(&mut line, item, i == keys.at),
                Kind::Many => self.theme.format_multi_select_prompt_item(
                    &mut line,
                    item,
                    keys.picked[i],
                    i == keys.at,
                ),
            };
            lines.push(line);
        }
        let mut drawn = Drawn {
            rows: lines.iter().map(|l| rows_of(l, width)).sum(),
            ..Drawn::default()
        };
        for line in &lines {
            drawn.text.push_str(line);
            drawn.text.push('\n');
        }
        drawn.typed_at = drawn.text.len();
        if let Some(typed) = typed {
            drawn.typed_rows = rows_of(&typed, width);
            drawn.rows += drawn.typed_rows;
            drawn.text.push_str(&typed);
            drawn.typing = true;
        }
        drawn
    }

    /// Writes the question; the cursor shows only after a typed line.
    fn write(&self, drawn: &Drawn) -> std::io::Result<()> {
        match drawn.typing {
            true => self.term.show_cursor()?,
            false => self.term.hide_cursor()?,
        }
        self.term.write_str(&drawn.text)?;
        self.term.flush()
    }

    /// Clears what [`Self::write`] wrote, leaving the cursor where it began.
    fn clear(&self, drawn: &Drawn) -> std::io::Result<()> {
        match drawn.typing {
            true => {
                self.term.clear_line()?;
                self.term.clear_last_lines(drawn.rows.saturating_sub(1))
            }
            false => self.term.clear_last_lines(drawn.rows),
        }
    }

    /// Puts `new` where `old` is. Where only the typed line changed (a letter typed or taken
    /// back), only that line is written again: a screen reader that speaks what is written
    /// says the line, not the whole question and its choices at every letter.
    fn redraw(&self, old: &Drawn, new: &Drawn) -> std::io::Result<()> {
        fn body(d: &Drawn) -> &str {
            &d.text[..d.typed_at]
        }
        if !new.typing || body(old) != body(new) {
            self.clear(old)?;
            return self.write(new);
        }
        match old.typing {
            true => {
                self.term.clear_line()?;
                self.term
                    .clear_last_lines(old.typed_rows.saturating_sub(1))?;
            }
            false => self.term.show_cursor()?,
        }
        self.term.write_str(&new.text[new.typed_at..])?;
        self.term.flush()
    }

    /// Asks `q` until it is answered or left, then clears it. A typed line goes first to
    /// `help`, which writes the help lines when it speaks of crisis (and says so); the question
    /// is then asked again below them, unless the line is a choice's own words in full. Else
    /// it is [`read`] with `answers`; a line that fits nothing is met with the "not
    /// understood" line, and the question asked again. Nothing is picked from a line that is
    /// not understood.
    pub(super) fn ask(
        &self,
        q: &Question,
        answers: Answers<'_>,
        help: &mut dyn FnMut(&str) -> Result<bool, Error>,
        mut fail: impl FnMut(std::io::Error) -> Error,
    ) -> Result<Chosen, Error> {
        if q.items.is_empty() {
            return Err(fail(std::io::Error::other("a question with no choices")));
        }
        // No echo between key reads: keys typed while the list is redrawn are not written
        // over it by the terminal.
        let _quiet = super::KeyMode::start();
        let mut keys = Keys::new(q.kind, q.items.len(), q.at);
        let mut notice: Option<&str> = None;
        let size = |term: &Term| {
            let (rows, cols) = term.size();
            (usize::from(rows), usize::from(cols))
        };
        let mut drawn = self.draw(q, &keys, notice, size(self.term));
        self.write(&drawn).map_err(&mut fail)?;
        loop {
            let key = self.term.read_key().map_err(&mut fail)?;
            let ended = match keys.press(&key) {
                Pressed::Nothing => continue,
                Pressed::Changed => None,
                Pressed::Picked(at) => Some(Chosen::Picked(vec![at])),
                Pressed::Done => Some(Chosen::Picked(picked(&keys.picked))),
                Pressed::Left => Some(Chosen::Left),
                Pressed::Sent(line) => {
                    self.clear(&drawn).map_err(&mut fail)?;
                    drawn = Drawn::default();
                    notice = None;
                    let helped = help(&line)?;
                    match (helped, read(&line, answers, q.kind)) {
                        // A choice whose own words speak of crisis ("hopeless" at numb
                        // feelings) is taken after the help lines: a feeling word is never
                        // turned away. No sentence is a choice's words in full.
                        (_, Reading::Picks(at)) if q.kind == Kind::One => Some(Chosen::Picked(at)),
                        (_, Reading::Picks(at)) => {
                            for i in at {
                                keys.picked[i] = true;
                            }
                            None
                        }
                        (true, _) => None,
                        (false, Reading::Leave) => Some(Chosen::Left),
                        (false, Reading::Unclear) => {
                            notice = Some(self.not_understood);
                            None
                        }
                    }
                }
            };
            if let Some(chosen) = ended {
                self.clear(&drawn).map_err(&mut fail)?;
                self.term.show_cursor().map_err(&mut fail)?;
                self.term.flush().map_err(&mut fail)?;
                return Ok(chosen);
            }
            let new = self.draw(q, &keys, notice, size(self.term));
            self.redraw(&drawn, &new).map_err(&mut fail)?;
            drawn = new;
        }
    }
}

/// `head` and `text`, in `most` columns at most: when they do not fit, `head`, "…" and as
/// much of the end of `text` as fits (the end is where the typing is).
fn end_of(head: &str, text: &str, most: usize) -> String {
    let (head_width, text_width) = (display_width(head), display_width(text));
    if head_width + text_width <= most {
        return format!("{head}{text}");
    }
    let room = most.saturating_sub(head_width + 1);
    let mut used = 0;
    let mut start = text.len();
    for (at, ch) in text.char_indices().rev() {
        used += display_width(ch.encode_utf8(&mut [0; 4]));
        if used > room {
            break;
        }
        start = at;
    }
    format!("{head}…{}", &text[start..])
}

/// The places of the choices picked.
fn picked(picked: &[bool]) -> Vec<usize> {
    (0..picked.len()).filter(|&i| picked[i]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use dialoguer::theme::SimpleTheme;

    fn keys_after(kind: Kind, typed: &str) -> (Keys, Vec<Pressed>) {
        let mut keys = Keys::new(kind, 8, 0);
        let pressed = typed
            .chars()
            .map(|c| {
                let key = match c {
                    '\r' => Key::Enter,
                    '\x1b' => Key::Escape,
                    '\x7f' => Key::Backspace,
                    c => Key::Char(c),
                };
                keys.press(&key)
            })
            .collect();
        (keys, pressed)
    }

    #[test]
    fn a_sentence_is_a_typed_line_and_never_picks_moves_or_quits() {
        let sentence = "i feel nothing and i want to die";
        for kind in [Kind::One, Kind::Many] {
            let (keys, pressed) = keys_after(kind, &format!("{sentence}\r"));
            assert_eq!(keys.at, 0, "{kind:?}: nothing moved");
            assert!(keys.picked.iter().all(|p| !p), "{kind:?}: nothing picked");
            assert_eq!(
                pressed.last(),
                Some(&Pressed::Sent(sentence.to_string())),
                "{kind:?}"
            );
            assert!(
                pressed[..pressed.len() - 1]
                    .iter()
                    .all(|p| *p == Pressed::Changed),
                "{kind:?}: {pressed:?}"
            );
        }
        // Each of the keys dialoguer took as a command starts a line instead.
        for key in [" ", "j", "k", "q", "y", "n", "a"] {
            let (keys, pressed) = keys_after(Kind::One, key);
            assert_eq!(keys.typed, key);
            assert_eq!(pressed, vec![Pressed::Changed]);
        }
    }

    #[test]
    fn the_list_moves_wraps_picks_and_leaves_with_the_keys_that_say_so() {
        let mut keys = Keys::new(Kind::One, 3, 0);
        assert_eq!(keys.press(&Key::ArrowUp), Pressed::Changed);
        assert_eq!(keys.at, 2, "up from the first wraps to the last");
        keys.press(&Key::ArrowDown);
        assert_eq!(keys.at, 0, "and down wraps back");
        keys.press(&Key::End);
        assert_eq!(keys.at, 2);
        keys.press(&Key::Home);
        assert_eq!(keys.at, 0);
        keys.press(&Key::ArrowDown);
        assert_eq!(keys.press(&Key::Enter), Pressed::Picked(1));
        assert_eq!(keys.press(&Key::Escape), Pressed::Left);
        assert_eq!(keys.press(&Key::Char('\u{4}')), Pressed::Nothing);
    }

    #[test]
    fn space_first_picks_in_a_list_of_several_and_later_spaces_are_text() {
        let (keys, pressed) = keys_after(Kind::Many, " ");
        assert!(keys.picked[0] && !keys.typing(), "{pressed:?}");
        let (keys, _) = keys_after(Kind::Many, "1 3");
        assert_eq!(keys.typed, "1 3");
        assert!(keys.picked.iter().all(|p| !p));
        let (keys, pressed) = keys_after(Kind::Many, " \r");
        assert!(keys.picked[0]);
        assert_eq!(pressed[1], Pressed::Done);
    }

    #[test]
    fn a_typed_line_is_edited_and_esc_drops_it() {
        let (keys, _) = keys_after(Kind::One, "ofm\x7ften");
        assert_eq!(keys.typed, "often");
        let (keys, pressed) = keys_after(Kind::One, "often\x1b");
        assert!(!keys.typing());
        assert_eq!(pressed.last(), Some(&Pressed::Changed), "back to the list");
        let (mut keys, _) = keys_after(Kind::One, "not that");
        keys.press(&Key::Char('\u{17}'));
        assert_eq!(keys.typed, "not ");
        assert_eq!(keys.press(&Key::ArrowDown), Pressed::Nothing);
        assert_eq!(keys.at, 0, "the arrows do not move under a typed line");
        keys.press(&Key::Char('\u{15}'));
        assert!(!keys.typing());
        // A space of more than one byte before the word: Ctrl-W ends at it (it panicked
        // when it cut inside the space's bytes).
        for space in ['\u{a0}', '\u{3000}', '\u{2003}'] {
            let (mut keys, _) = keys_after(Kind::One, &format!("so{space}tired"));
            assert_eq!(keys.press(&Key::Char('\u{17}')), Pressed::Changed);
            assert_eq!(keys.typed, format!("so{space}"), "{space:?}");
            keys.press(&Key::Char('\u{17}'));
            assert!(!keys.typing(), "{space:?}: {:?}", keys.typed);
        }
        // Backspace to nothing is the list again: Space picks there.
        let (keys, _) = keys_after(Kind::Many, "x\x7f ");
        assert!(keys.picked[0] && !keys.typing());
    }

    fn scale() -> Vec<String> {
        [
            "Never",
            "Rarely",
            "Sometimes",
            "Often",
            "Almost always",
            "Skip this one",
        ]
        .map(String::from)
        .to_vec()
    }

    #[test]
    fn a_typed_label_or_number_picks_and_a_stop_word_leaves() {
        let labels = scale();
        let list = Answers::List {
            labels: &labels,
            quit: &["salir"],
            skip: Some(5),
            back: None,
        };
        let read = |line| read(line, list, Kind::One);
        assert_eq!(read("sometimes"), Reading::Picks(vec![2]));
        assert_eq!(read("  SOMETIMES.\n"), Reading::Picks(vec![2]));
        assert_eq!(read("almost always"), Reading::Picks(vec![4]));
        assert_eq!(read("3"), Reading::Picks(vec![2]));
        assert_eq!(read("6"), Reading::Picks(vec![5]));
        // The words the accessible mode takes for skip pick the choice that skips; there is
        // no choice that goes back here.
        assert_eq!(read("skip"), Reading::Picks(vec![5]));
        assert_eq!(read("S"), Reading::Picks(vec![5]));
        assert_eq!(read("back"), Reading::Unclear);
        for leave in ["q", "Quit", "stop", "salir"] {
            assert_eq!(read(leave), Reading::Leave, "{leave}");
        }
        for unclear in [
            "",
            "   ",
            "some",
            "7",
            "0",
            "2 3",
            "i feel nothing",
            "sometimes i guess",
        ] {
            assert_eq!(read(unclear), Reading::Unclear, "{unclear:?}");
        }
        // Accents as written, in any case.
        let labels = ["Empezar", "Ahora no", "Parar aquí", "triste — Con pena"].map(String::from);
        let list = Answers::List {
            labels: &labels,
            quit: &[],
            skip: None,
            back: None,
        };
        assert_eq!(read_one("PARAR AQUÍ", list), Reading::Picks(vec![2]));
        assert_eq!(read_one("ahora no", list), Reading::Picks(vec![1]));
        assert_eq!(read_one("Triste", list), Reading::Picks(vec![3]));
        assert_eq!(read_one("triste — con pena", list), Reading::Picks(vec![3]));
        assert_eq!(read_one("con pena", list), Reading::Unclear);
    }

    fn read_one(line: &str, answers: Answers<'_>) -> Reading {
        read(line, answers, Kind::One)
    }

    #[test]
    fn several_numbers_or_a_label_pick_in_a_list_of_several() {
        let labels = scale();
        let list = Answers::List {
            labels: &labels,
            quit: &[],
            skip: None,
            back: None,
        };
        assert_eq!(read("1, 3", list, Kind::Many), Reading::Picks(vec![0, 2]));
        assert_eq!(read("often", list, Kind::Many), Reading::Picks(vec![3]));
        assert_eq!(read("q", list, Kind::Many), Reading::Leave);
        assert_eq!(read("1 99", list, Kind::Many), Reading::Unclear);
    }

    #[test]
    fn yes_or_no_in_the_language_s_words() {
        let yes_no = Answers::YesNo {
            yes: &["s", "sí", "si"],
            no: &["n", "no"],
        };
        assert_eq!(read_one("Sí", yes_no), Reading::Picks(vec![1]));
        assert_eq!(read_one("yes", yes_no), Reading::Picks(vec![1]));
        assert_eq!(read_one("no", yes_no), Reading::Picks(vec![0]));
        assert_eq!(read_one("q", yes_no), Reading::Picks(vec![0]));
        for unclear in ["yeah whatever", "sip", "1"] {
            assert_eq!(read_one(unclear, yes_no), Reading::Unclear, "{unclear}");
        }
    }

    #[test]
    fn the_screen_counts_its_rows_and_pages_a_long_list() {
        let term = Term::stderr();
        let chooser = Chooser {
            term: &term,
            theme: &SimpleTheme,
            typing: "Your answer:",
            not_understood: "That does not fit.",
        };
        let q = Question {
            header: "Over the past two weeks\n".into(),
            prompt: "1 of 12 · I felt\nflat".into(),
            items: scale(),
            at: 0,
            kind: Kind::One,
        };
        let keys = Keys::new(Kind::One, 6, 0);
        let drawn = chooser.draw(&q, &keys, None, (40, 40));
        assert_eq!(drawn.rows, 1 + 2 + 6, "{}", drawn.text);
        assert!(!drawn.typing && drawn.text.ends_with("Skip this one\n"));
        // A line typed past the width takes two rows; the cursor stays after it.
        let (keys, _) = keys_after(Kind::One, &"x".repeat(30));
        let drawn = chooser.draw(&q, &keys, Some("That does not fit."), (40, 20));
        // The header takes two rows at 20 columns, the typed line three.
        assert_eq!(drawn.rows, 2 + 1 + 2 + 6 + 3, "{}", drawn.text);
        assert!(drawn.typing && drawn.text.ends_with("xxx"));
        // Wide characters that do not fit in a row's last column start the next row: 13
        // columns, 13 of them (39 columns), then 20 (40), then "a" takes a third row.
        let (keys, _) = keys_after(Kind::One, &format!("{}a", "日".repeat(33)));
        let drawn = chooser.draw(&q, &keys, None, (40, 40));
        assert_eq!(drawn.rows, 1 + 2 + 6 + 3, "{}", drawn.text);
        assert_eq!(
            rows_of("\u{1b}[1m日本\u{1b}[0m", 4),
            1,
            "colours take no room"
        );
        assert_eq!(rows_of("", 4), 1);
        assert_eq!(rows_of("abcd", 4), 1);
        assert_eq!(rows_of("abcde", 4), 2);
        // A line longer than the screen (a paste) shows its end, and the screen never scrolls.
        let (keys, _) = keys_after(Kind::One, &format!("{}end", "word ".repeat(500)));
        for (height, width) in [(10, 40), (30, 80), (8, 20)] {
            let drawn = chooser.draw(&q, &keys, Some("That does not fit."), (height, width));
            assert!(drawn.rows < height, "{height}x{width}: {}", drawn.text);
            let typed = drawn.text.lines().last().unwrap();
            assert!(
                typed.starts_with("Your answer: …") && typed.ends_with("d end"),
                "{typed}"
            );
        }
        // Eight rows: the list is shown a page at a time, the page in the prompt.
        let keys = Keys::new(Kind::One, 6, 5);
        let drawn = chooser.draw(&q, &keys, None, (8, 40));
        assert!(drawn.text.contains("[Page 2/"), "{}", drawn.text);
        assert!(drawn.text.contains("Skip this one") && !drawn.text.contains("Never"));
        assert!(drawn.rows < 8, "{}", drawn.text);
    }
}
