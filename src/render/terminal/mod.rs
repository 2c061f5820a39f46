//! Topic pages, the welcome screen and the support page, laid out for a terminal.

pub mod help;
pub mod page;

use std::io::{self, Write};

use anstyle::Style;
use textwrap::core::display_width;

pub use page::Look;
use page::{HANG, Page, Styles, contact_spans, inline_spans, paint};

use super::sanitize::escape_controls;
use super::wrap::Span;
use crate::content::Library;
use crate::content::model::{Source, SupportLabels, SupportLine, Topic};

/// Renders one topic page.
pub fn topic<W: Write>(
    out: &mut W,
    library: &Library,
    topic: &Topic,
    look: Look,
) -> io::Result<()> {
    let labels = &library.page_words().labels;
    fallback_note(out, library, &topic.file, look)?;
    let mut page = Page { out, look };
    page.para(&[Span::new(topic.title.get_ref().as_str(), Styles::title())])?;
    page.para(&[Span::new(topic.summary.get_ref().as_str(), Styles::quiet())])?;
    if let Some(note) = &topic.content_note {
        page.blank()?;
        let mut spans = vec![Span::new(
            format!("{}:", labels.content_note.get_ref()),
            Styles::note().bold(),
        )];
        spans.push(Span::new(" ", Style::new()));
        spans.extend(inline_spans(note.get_ref()));
        page.para(&spans)?;
    }
    for section in &topic.sections {
        page.heading(section.heading.get_ref())?;
        page.blocks(&section.blocks())?;
    }
    page.heading(labels.key_points.get_ref())?;
    page.bullets(topic.key_points.iter().map(|p| p.get_ref().as_str()))?;
    if !topic.try_this.is_empty() {
        page.heading(labels.try_this.get_ref())?;
        page.bullets(topic.try_this.iter().map(|p| p.get_ref().as_str()))?;
    }
    if !topic.related.is_empty() {
        page.heading(labels.related.get_ref())?;
        for id in &topic.related {
            let title = library.topic_title(id.get_ref()).unwrap_or("");
            let spans = [
                Span::whole(format!("numb learn {}", id.get_ref()), Styles::command()),
                Span::new(format!(" — {title}"), Style::new()),
            ];
            page.lines(&spans, "  ", HANG)?;
        }
    }
    // The practices that name this topic among theirs.
    let practices: Vec<_> = library.practices_about(topic.id.get_ref()).collect();
    if !practices.is_empty() {
        page.heading(labels.practices.get_ref())?;
        for p in practices {
            let spans = [
                Span::whole(
                    format!("numb practice {}", p.id.get_ref()),
                    Styles::command(),
                ),
                Span::new(format!(" — {}", p.title.get_ref()), Style::new()),
            ];
            page.lines(&spans, "  ", HANG)?;
        }
    }
    sources(&mut page, labels.sources.get_ref(), &topic.sources)?;
    page.blank()?;
    support_pointer(page.out, library, look)
}

/// A numbered list of sources under a heading, each with its link.
pub fn sources<W: Write>(
    page: &mut Page<'_, W>,
    heading: &str,
    sources: &[Source],
) -> io::Result<()> {
    page.heading(heading)?;
    for (i, source) in sources.iter().enumerate() {
        let mut spans = vec![
            Span::new(source.title_sentence(), Style::new()),
            Span::new(format!(" {}.", source.byline()), Style::new()),
        ];
        if let Some(link) = source.link() {
            spans.push(Span::new(format!(" {link}"), Styles::dim()));
        }
        page.lines(&spans, &format!("  {:>2}. ", i + 1), "      ")?;
    }
    Ok(())
}

/// A short line of inline text, wrapped (such as the note under the topic table).
pub fn footer<W: Write>(out: &mut W, text: &str, look: Look) -> io::Result<()> {
    Page { out, look }.para(&inline_spans(text))
}

/// The one line that points to `numb support`.
pub fn support_pointer<W: Write>(out: &mut W, library: &Library, look: Look) -> io::Result<()> {
    let mut page = Page { out, look };
    let words = library.page_words();
    match &words.pointer_run {
        Some(run) => page.para(&page::spans(run, anstyle::Style::new())),
        None => page.para(&inline_spans(words.support_pointer.get_ref())),
    }
}

/// One line above a page that is not in the chosen language yet, saying so in the chosen
/// language; nothing for a page that is.
pub fn fallback_note<W: Write>(
    out: &mut W,
    library: &Library,
    file: &crate::error::SourceFile,
    look: Look,
) -> io::Result<()> {
    let Some(note) = library.fallback_note(file) else {
        return Ok(());
    };
    let mut page = Page { out, look };
    page.para(&[Span::new(note.as_str(), Styles::quiet())])?;
    page.blank()
}

/// The welcome screen of `numb` alone.
pub fn welcome<W: Write>(out: &mut W, library: &Library, look: Look) -> io::Result<()> {
    let welcome = &library.app.welcome;
    let mut page = Page { out, look };
    page.para(&[Span::new(welcome.title.get_ref().as_str(), Styles::title())])?;
    page.blank()?;
    page.body(welcome.body.get_ref())?;
    page.heading(welcome.start_heading.get_ref())?;
    let pad = welcome
        .start
        .iter()
        .map(|s| display_width(&escape_controls(s.command.get_ref())))
        .max()
        .unwrap_or(0);
    for start in &welcome.start {
        let command = escape_controls(start.command.get_ref());
        let text = escape_controls(start.text.get_ref());
        let gap = " ".repeat(pad - display_width(&command) + 2);
        if 2 + pad + 2 + display_width(&text) <= look.width {
            let styled = paint(&command, Styles::command(), look.color);
            writeln!(page.out, "  {styled}{gap}{text}")?;
        } else {
            page.lines(
                &[Span::whole(command.as_str(), Styles::command())],
                "  ",
                "  ",
            )?;
            page.lines(&inline_spans(&text), "      ", "      ")?;
        }
    }
    page.blank()?;
    support_pointer(page.out, library, look)
}

/// The support page, with the lines for `country` first when given.
pub fn support<W: Write>(
    out: &mut W,
    library: &Library,
    country: Option<&str>,
    look: Look,
) -> io::Result<()> {
    let page_text = &library.support;
    let labels = &library.app.support_labels;
    let mut page = Page { out, look };
    page.para(&inline_spans(page_text.intro.get_ref()))?;

    emergencies(&mut page, library)?;

    let (here, elsewhere): (Vec<&SupportLine>, Vec<&SupportLine>) = page_text
        .lines
        .iter()
        .partition(|l| country.is_some_and(|c| l.countries.iter().any(|cc| cc.get_ref() == c)));
    if let Some(c) = country {
        if here.is_empty() {
            page.blank()?;
            // Named, so the label can say plainly which part of the page needs the internet.
            let text = labels
                .no_lines
                .get_ref()
                .replace("{country}", c)
                .replace("{directory}", page_text.directory.name.get_ref());
            page.para(&[Span::new(text, Styles::quiet())])?;
        } else {
            page.heading(&labels.lines_for.get_ref().replace("{country}", c))?;
            for (i, line) in here.iter().enumerate() {
                if i > 0 {
                    page.blank()?;
                }
                support_line(&mut page, line, labels)?;
            }
        }
    }

    directory(&mut page, library)?;

    if !elsewhere.is_empty() {
        let heading = if country.is_some() {
            &labels.other_countries
        } else {
            &labels.by_country
        };
        page.heading(heading.get_ref())?;
        for (i, line) in elsewhere.iter().enumerate() {
            if i > 0 {
                page.blank()?;
            }
            support_line(&mut page, line, labels)?;
        }
    }
    page.blank()?;
    page.para(&inline_spans(labels.footer.get_ref()))
}

/// The emergency lines (a pack's first, then the built-in one), under their heading.
fn emergencies<W: Write>(page: &mut Page<'_, W>, library: &Library) -> io::Result<()> {
    let support = &library.support;
    let labels = &library.app.support_labels;
    page.heading(labels.emergency.get_ref())?;
    let all = support.local_emergency.iter().chain([&support.emergency]);
    for (i, emergency) in all.enumerate() {
        if i > 0 {
            page.blank()?;
        }
        page.para(&inline_spans(emergency.text.get_ref()))?;
        page.lines(
            &[Span::new(
                emergency.numbers.get_ref().as_str(),
                Style::new().bold(),
            )],
            "  ",
            "  ",
        )?;
        let checked = labels
            .checked
            .get_ref()
            .replace("{date}", &emergency.verified_on.get_ref().to_string());
        page.lines(&[Span::new(checked, Styles::dim())], "  ", "  ")?;
    }
    Ok(())
}

/// The international directory, under its heading.
fn directory<W: Write>(page: &mut Page<'_, W>, library: &Library) -> io::Result<()> {
    let directory = &library.support.directory;
    let labels = &library.app.support_labels;
    page.heading(labels.directory.get_ref())?;
    page.lines(
        &[Span::new(
            directory.name.get_ref().as_str(),
            Style::new().bold(),
        )],
        "  ",
        HANG,
    )?;
    page.lines(&inline_spans(directory.text.get_ref()), HANG, HANG)?;
    let checked = labels
        .checked
        .get_ref()
        .replace("{date}", &directory.verified_on.get_ref().to_string());
    let tail = [
        Span::new(format!("{} ", directory.url.get_ref()), Styles::link()),
        Span::new(format!("({checked})"), Styles::dim()),
    ];
    page.lines(&tail, HANG, HANG)
}

pub(crate) fn support_line<W: Write>(
    page: &mut Page<'_, W>,
    line: &SupportLine,
    labels: &SupportLabels,
) -> io::Result<()> {
    let countries: Vec<&str> = line
        .countries
        .iter()
        .map(|c| c.get_ref().as_str())
        .collect();
    let head = [
        Span::new(format!("{} ", countries.join(", ")), Styles::dim()),
        Span::new(line.name.get_ref().as_str(), Style::new().bold()),
    ];
    page.lines(&head, "  ", HANG)?;
    page.lines(
        &contact_spans(line.contact.get_ref(), Styles::command()),
        HANG,
        HANG,
    )?;
    if let Some(details) = &line.details {
        page.lines(&inline_spans(details.get_ref()), HANG, HANG)?;
    }
    let mut tail = Vec::new();
    if let Some(url) = &line.url {
        tail.push(Span::new(format!("{}  ", url.get_ref()), Styles::link()));
    }
    let checked = labels
        .checked
        .get_ref()
        .replace("{date}", &line.verified_on.get_ref().to_string());
    tail.push(Span::new(format!("({checked})"), Styles::dim()));
    page.lines(&tail, HANG, HANG)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The check refuses hidden characters at load; the renderer escapes them anyway, as a
    /// second guard for text that reaches it another way (the library API, say).
    #[test]
    fn a_topic_with_escape_sequences_is_shown_escaped() {
        let library = crate::content::load(&[]).unwrap();
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/planted-escape/topics/planted.toml"
        ))
        .unwrap();
        let planted: Topic = toml::from_str(&text).unwrap();
        for color in [false, true] {
            let mut out = Vec::new();
            topic(
                &mut out,
                &library,
                &planted,
                Look {
                    width: 80,
                    color,
                    plain: false,
                },
            )
            .unwrap();
            let page = String::from_utf8(out).unwrap();
            assert!(page.contains("Planted \\x1b[2J title"), "{page}");
            assert!(
                page.contains("\\u{202e}") && page.contains("\\x07"),
                "{page}"
            );
            assert!(page.contains("\\x9b31m"), "{page}");
            for raw in ["\x1b[2J", "\x1b]0", "\u{202e}", "\x07", "\u{9b}"] {
                assert!(!page.contains(raw), "{raw:?} in {page:?}");
            }
        }
    }
}
