//! `numb feelings [word]`: words for feelings. Families of feelings with more specific words,
//! each with a one-line meaning and a common body cue; one word looked up; a path that starts
//! from what the body notices (`--body`); and, in a terminal, a drill-down from family to word.

use std::io::{self, Write};

use anstyle::Style;

use crate::content::Library;
use crate::content::model::{Family, Word};
use crate::error::Error;
use crate::prompt::{self, Asking, Leave};
use crate::render::terminal::page::{HANG, Page, Styles, inline_spans};
use crate::render::wrap::Span;
use crate::render::{Look, terminal};

/// Runs `numb feelings`.
pub fn run<W: Write>(
    out: &mut W,
    library: &Library,
    words: &[String],
    body: bool,
    asking: Asking,
    look: Look,
) -> Result<(), Error> {
    let asked = words.join(" ");
    let asked = asked.trim();
    if !asked.is_empty() {
        return look_up(out, library, asked, look);
    }
    if body {
        return body_first(out, library, look).map_err(Error::Write);
    }
    if asking.can_ask() {
        return drill_down(out, library, asking, look);
    }
    everything(out, library, look).map_err(Error::Write)
}

/// One word (or one family) shown; an unknown word is met kindly, with the nearest words
/// when some are close. Never an error: a feeling word is never wrong.
fn look_up<W: Write>(out: &mut W, library: &Library, asked: &str, look: Look) -> Result<(), Error> {
    if word_page(out, library, asked, look).map_err(Error::Write)? {
        return terminal::support_pointer(out, library, look).map_err(Error::Write);
    }
    let labels = &library.app.feelings_labels;
    // Shown inside a code span: a backtick of theirs would end it early.
    let asked = asked.trim();
    let mut shown: String = asked.chars().take(40).collect();
    if asked.chars().count() > 40 {
        shown.push('…');
    }
    let shown = crate::render::sanitize::escape_controls(&shown).replace('`', "'");
    let mut page = Page::new(out, look);
    let unknown = crate::render::fill(labels.unknown.get_ref(), &[("word", shown)]);
    page.para(&inline_spans(&unknown)).map_err(Error::Write)?;
    let near = library.nearest_feelings(asked);
    if !near.is_empty() {
        let words: Vec<String> = near.iter().map(|w| format!("`{w}`")).collect();
        let text = crate::render::fill(labels.nearest.get_ref(), &[("words", words.join(", "))]);
        page.blank().map_err(Error::Write)?;
        page.para(&inline_spans(&text)).map_err(Error::Write)?;
    }
    page.blank().map_err(Error::Write)?;
    page.para(&inline_spans(labels.unknown_next.get_ref()))
        .map_err(Error::Write)?;
    page.blank().map_err(Error::Write)?;
    terminal::support_pointer(page.out, library, look).map_err(Error::Write)
}

/// The page for a word of the vocabulary, or a family, without the support pointer; `false`
/// when `asked` is neither.
pub(crate) fn word_page<W: Write>(
    out: &mut W,
    library: &Library,
    asked: &str,
    look: Look,
) -> io::Result<bool> {
    let lower = asked.trim().to_lowercase();
    let named = library
        .feelings
        .families
        .iter()
        .find(|f| *f.id.get_ref() == lower || f.name.get_ref().to_lowercase() == lower);
    let word = library.feeling(asked);
    if let Some((family, word)) = word {
        one_word(out, library, family, word, look)?;
    }
    // A word that is also a family's name ("calm"): the family's words follow the word,
    // under the family's heading (the word's page already ends with a blank line).
    if let Some(family) = named {
        let mut page = Page::new(out, look);
        match word {
            Some(_) => {
                let heading = format!("{} — {}", family.name.get_ref(), family.meaning.get_ref());
                page.para(&[Span::new(heading, Styles::heading())])?;
                page.blank()?;
                family_list(&mut page, family)?;
            }
            None => family_words(&mut page, family)?,
        }
        page.blank()?;
    }
    Ok(word.is_some() || named.is_some())
}

fn one_word<W: Write>(
    out: &mut W,
    library: &Library,
    family: &Family,
    word: &Word,
    look: Look,
) -> io::Result<()> {
    let labels = &library.app.feelings_labels;
    let mut page = Page::new(out, look);
    page.para(&[Span::new(word.word.get_ref().as_str(), Styles::title())])?;
    page.para(&inline_spans(word.meaning.get_ref()))?;
    page.blank()?;
    page.lines(
        &[
            Span::new(format!("{}: ", labels.body.get_ref()), Style::new().bold()),
            Span::new(word.body.get_ref().as_str(), Style::new()),
        ],
        "",
        HANG,
    )?;
    page.lines(
        &[
            Span::new(
                format!("{}: ", labels.family.get_ref()),
                Style::new().bold(),
            ),
            Span::new(
                format!("{} ({})", family.name.get_ref(), family.meaning.get_ref()),
                Style::new(),
            ),
        ],
        "",
        HANG,
    )?;
    page.blank()
}

/// A family's name, meaning and words.
fn family_words<W: Write>(page: &mut Page<'_, W>, family: &Family) -> io::Result<()> {
    page.heading(&format!(
        "{} — {}",
        family.name.get_ref(),
        family.meaning.get_ref()
    ))?;
    family_list(page, family)
}

/// A family's words, one a line.
fn family_list<W: Write>(page: &mut Page<'_, W>, family: &Family) -> io::Result<()> {
    for word in &family.words {
        let mut spans = vec![Span::new(word.word.get_ref().as_str(), Style::new().bold())];
        spans.push(Span::new(": ", Style::new()));
        spans.extend(inline_spans(word.meaning.get_ref()));
        spans.push(Span::new(
            format!(" {}", word.body.get_ref()),
            Styles::dim(),
        ));
        page.lines(&spans, "  - ", HANG)?;
    }
    Ok(())
}

/// The whole vocabulary, for reading or printing.
fn everything<W: Write>(out: &mut W, library: &Library, look: Look) -> io::Result<()> {
    let labels = &library.app.feelings_labels;
    let mut page = Page::new(out, look);
    page.para(&[Span::new(labels.title.get_ref().as_str(), Styles::title())])?;
    page.blank()?;
    page.para(&inline_spans(library.feelings.intro.get_ref()))?;
    for family in &library.feelings.families {
        family_words(&mut page, family)?;
    }
    page.blank()?;
    terminal::footer(page.out, labels.footer.get_ref(), look)?;
    writeln!(out)?;
    terminal::support_pointer(out, library, look)
}

/// The body-first path: each sensation and the words it can go with.
fn body_first<W: Write>(out: &mut W, library: &Library, look: Look) -> io::Result<()> {
    let labels = &library.app.feelings_labels;
    let mut page = Page::new(out, look);
    page.para(&[Span::new(
        labels.body_heading.get_ref().as_str(),
        Styles::title(),
    )])?;
    for sensation in &library.feelings.sensations {
        page.heading(sensation.cue.get_ref())?;
        for word in &sensation.words {
            if let Some((_, w)) = library.feeling(word.get_ref()) {
                let mut spans = vec![Span::new(w.word.get_ref().as_str(), Style::new().bold())];
                spans.push(Span::new(": ", Style::new()));
                spans.extend(inline_spans(w.meaning.get_ref()));
                page.lines(&spans, "  - ", HANG)?;
            }
        }
    }
    page.blank()?;
    terminal::support_pointer(page.out, library, look)
}

/// In a terminal: a family (or the body first), then a word, then that word.
fn drill_down<W: Write>(
    out: &mut W,
    library: &Library,
    asking: Asking,
    look: Look,
) -> Result<(), Error> {
    let labels = &library.app.feelings_labels;
    let feelings = &library.feelings;
    let mut asked = prompt::open(library, asking);
    loop {
        let mut families: Vec<String> = feelings
            .families
            .iter()
            .map(|f| format!("{} — {}", f.name.get_ref(), f.meaning.get_ref()))
            .collect();
        families.push(labels.not_sure.get_ref().clone());
        let family_prompt = labels.family_prompt.get_ref();
        let Some(at) = asked.one_of(family_prompt, &families, Leave::Leaves)? else {
            // Leaving: the way to help is still one step away.
            return terminal::support_pointer(out, library, look).map_err(Error::Write);
        };
        // The words to choose from: a family's, or those a body sensation can go with.
        let words: Vec<(&Family, &Word)> = if let Some(family) = feelings.families.get(at) {
            family.words.iter().map(|w| (family, w)).collect()
        } else {
            let cues: Vec<String> = feelings
                .sensations
                .iter()
                .map(|s| s.cue.get_ref().clone())
                .collect();
            let sensation_prompt = labels.sensation_prompt.get_ref();
            let Some(cue) = asked.one_of(sensation_prompt, &cues, Leave::GoesBack)? else {
                continue;
            };
            feelings.sensations[cue]
                .words
                .iter()
                .filter_map(|w| library.feeling(w.get_ref()))
                .collect()
        };
        let items: Vec<String> = words
            .iter()
            .map(|(_, w)| format!("{} — {}", w.word.get_ref(), plain(w.meaning.get_ref())))
            .collect();
        let word_prompt = labels.word_prompt.get_ref();
        let Some(pick) = asked.one_of(word_prompt, &items, Leave::GoesBack)? else {
            continue;
        };
        let (family, word) = words[pick];
        one_word(out, library, family, word, look).map_err(Error::Write)?;
        return terminal::support_pointer(out, library, look).map_err(Error::Write);
    }
}

/// Inline Markdown as plain words, for a choice list.
fn plain(text: &str) -> String {
    match crate::content::markup::parse(text).ok().as_deref() {
        Some([crate::content::markup::Block::Paragraph(run)]) => {
            crate::content::markup::plain_text(run)
        }
        _ => text.to_string(),
    }
}
