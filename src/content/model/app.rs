//! The words of numb's own screens (`app.toml`): the welcome, labels and prompts.

use std::sync::Arc;

use crate::content::markup::{self, Block, Inline};
use crate::content::spanned::Spanned;
use serde::{Deserialize, Serialize};

use super::labels::labels;
use crate::error::SourceFile;

/// The words of numb's own screens, `content/<lang>/app.toml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AppText {
    /// The content format this file is written in.
    pub format_version: Spanned<u32>,
    /// The one line that ends every page and points to `numb support`.
    pub support_pointer: Spanned<String>,
    /// What `numb` alone prints.
    pub welcome: Welcome,
    /// Headings of the fixed parts of a topic page.
    pub labels: Labels,
    /// Headings and small phrases of the support page.
    pub support_labels: SupportLabels,
    /// The words of `numb reflect`: prompts and summary labels.
    pub reflect_labels: ReflectLabels,
    /// The words of `numb export --format mdbook`: part titles and worksheet phrases.
    pub book_labels: BookLabels,
    /// The line that ends every exported page: whose words they are, on what terms.
    pub credit_labels: CreditLabels,
    /// The words of saving reflections and of `numb history`.
    pub history_labels: HistoryLabels,
    /// The words of `numb practice`.
    pub practice_labels: PracticeLabels,
    /// The words of `numb feelings`.
    pub feelings_labels: FeelingsLabels,
    /// The words of questions asked in the accessible mode (typed answers, one line each),
    /// and of the questions both modes ask before stopping or saving.
    pub ask_labels: AskLabels,
    /// Topic ids in the order the topic table lists them; others follow by id.
    pub reading_order: Vec<Spanned<String>>,
    /// The names of languages, by tag, in this file's language ("en" is "English").
    pub language_names: std::collections::BTreeMap<String, Spanned<String>>,
    /// The file this text was loaded from (not part of the format).
    #[serde(skip)]
    pub file: Arc<SourceFile>,
}

/// The screen words every page needs: the line that points to `numb support`, and the
/// headings of a topic page, the topic table and the pager. The compact built-in form stores
/// them apart from the rest of [`AppText`] too, so that a page decodes these few and not all of
/// numb's screen words.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct PageWords {
    /// [`AppText::support_pointer`].
    pub support_pointer: Spanned<String>,
    /// The support pointer's inline Markdown, parsed (it names `numb support` as code), when
    /// it is one paragraph: every page ends with it, and so runs no Markdown parser for it.
    pub pointer_run: Option<Vec<Inline>>,
    /// [`AppText::labels`].
    pub labels: Labels,
}

impl PageWords {
    /// The page words of `app`.
    pub fn of(app: &AppText) -> Self {
        let pointer_run = match markup::parse(app.support_pointer.get_ref()) {
            Ok(mut blocks) => match blocks.pop() {
                Some(Block::Paragraph(run)) if blocks.is_empty() => Some(run),
                _ => None,
            },
            Err(_) => None,
        };
        PageWords {
            support_pointer: app.support_pointer.clone(),
            pointer_run,
            labels: app.labels.clone(),
        }
    }
}

/// The words of questions asked in the accessible mode, where every answer is typed on one
/// line, and of the questions both modes ask before stopping or saving. `{max}`, `{n}`,
/// `{total}`, `{text}`, `{count}` and `{answer}` are filled in.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AskLabels {
    /// Where a question sits and its words (`{n}`, `{total}`, `{text}`).
    pub question: Spanned<String>,
    /// What to type at a question that can go back (`{max}`).
    pub type_scale: Spanned<String>,
    /// What to type at the first question, which cannot go back (`{max}`).
    pub type_scale_first: Spanned<String>,
    /// What to type to pick one choice, where q leaves (`{max}`).
    pub type_one_leave: Spanned<String>,
    /// What to type to pick one choice, where q goes back (`{max}`).
    pub type_one_back: Spanned<String>,
    /// What to type to pick any number of choices (`{max}`).
    pub type_picks: Spanned<String>,
    /// What to type to answer yes or no; Enter alone means no.
    pub type_yes_no: Spanned<String>,
    /// The words typed for yes (any case); "y" and "yes" are always taken too. Where "y" is
    /// not one of them, the ordinary mode asks with two choices, the longest word of
    /// `no_words` and of these (the first of equals), instead of "(y/n)".
    pub yes_words: Vec<Spanned<String>>,
    /// The words typed for no (any case); Enter alone is no too.
    pub no_words: Vec<Spanned<String>>,
    /// The words typed to stop at a list (any case), besides q, quit, stop and exit, which
    /// are always taken.
    pub quit_words: Vec<Spanned<String>>,
    /// Said once when what was typed does not fit; the question follows again.
    pub not_understood: Spanned<String>,
    /// Before the line being typed at a list in an ordinary terminal, where a typed line
    /// answers as the arrow keys do ("Your answer:").
    pub typing: Spanned<String>,
    /// The answer given before, when going back to a question (`{answer}`).
    pub earlier: Spanned<String>,
    /// Above the choices picked, repeated back in words.
    pub picked: Spanned<String>,
    /// When no choice was picked.
    pub picked_none: Spanned<String>,
    /// Asked before stopping once answers exist (`{count}`, two or more); No goes back.
    pub stop_many: Spanned<String>,
    /// The same with one answer.
    pub stop_one: Spanned<String>,
    /// Above the parts repeated just before the question whether to save.
    pub save_recap: Spanned<String>,
    /// Before a note that was too long, repeated so it can be shortened.
    pub note_kept: Spanned<String>,
}

labels! {
    /// The words of `numb feelings`.
    pub struct FeelingsLabels {
        /// Above the whole vocabulary.
        pub title: Spanned<String>,
        /// The first question of the drill-down.
        pub family_prompt: Spanned<String>,
        /// The choice that starts from the body instead.
        pub not_sure: Spanned<String>,
        /// Asks what the person notices in their body.
        pub sensation_prompt: Spanned<String>,
        /// Asks which word fits best.
        pub word_prompt: Spanned<String>,
        /// Above the words a body sensation can go with.
        pub might_be: Spanned<String>,
        /// Label before a word's body cue.
        pub body: Spanned<String>,
        /// Label before a word's family.
        pub family: Spanned<String>,
        /// Heading of the body-first path (with --body).
        pub body_heading: Spanned<String>,
        /// Under the vocabulary (inline Markdown).
        pub footer: Spanned<String>,
        /// For a word that is not in the list (`{word}`; inline Markdown): kind, never "wrong".
        pub unknown: Spanned<String>,
        /// The nearest words in the list (`{words}`; inline Markdown).
        pub nearest: Spanned<String>,
        /// After an unknown word: where to look next (inline Markdown).
        pub unknown_next: Spanned<String>,
    }
}

labels! {
    /// The words of `numb practice`.
    pub struct PracticeLabels {
        /// Column heading: the practice's id.
        pub list_id: Spanned<String>,
        /// Under the list (inline Markdown).
        pub list_footer: Spanned<String>,
        /// Heading: why it can help.
        pub why: Spanned<String>,
        /// Heading: the steps (with --no-wait).
        pub steps: Spanned<String>,
        /// Above each step: `{n}` and `{total}` are filled in.
        pub step: Spanned<String>,
        /// A step's quiet time: `{seconds}` is filled in.
        pub pause: Spanned<String>,
        /// Asks for Enter before the next step.
        pub enter: Spanned<String>,
        /// Asks for Enter before the first step (after why it can help).
        pub begin: Spanned<String>,
        /// During a pause: `{seconds}` is filled in; Enter goes on sooner.
        pub pause_enter: Spanned<String>,
        /// `begin` where single keys work (an ordinary terminal): q or Esc stops.
        pub begin_keys: Spanned<String>,
        /// `enter` where single keys work.
        pub enter_keys: Spanned<String>,
        /// `pause_enter` where single keys work: `{seconds}` is filled in.
        pub pause_keys: Spanned<String>,
        /// Said when a quiet time has passed (one step at a time, without a countdown).
        pub pause_over: Spanned<String>,
        /// Said when the person stops a practice before its end (q or Esc).
        pub stopped: Spanned<String>,
        /// Heading: topics to read next.
        pub related: Spanned<String>,
        /// Heading: the sources.
        pub sources: Spanned<String>,
    }
}

labels! {
    /// The words of saving reflections and of `numb history`.
    pub struct HistoryLabels {
        /// The question after a reflection, on a terminal: save it or not (No is the default).
        pub save_prompt: Spanned<String>,
        /// Asks for an optional short note to keep with a saved reflection.
        pub note_prompt: Spanned<String>,
        /// Said once a reflection is saved: `{path}` is filled in (inline Markdown).
        pub saved: Spanned<String>,
        /// `numb history` with nothing saved (inline Markdown).
        pub empty: Spanned<String>,
        /// Column heading: when a reflection was saved.
        pub table_date: Spanned<String>,
        /// Column heading: the questionnaire.
        pub table_questionnaire: Spanned<String>,
        /// Column heading: the score of each part.
        pub table_scores: Spanned<String>,
        /// An answer that was left out.
        pub skipped: Spanned<String>,
        /// A step that was picked (a questionnaire of steps to choose).
        pub picked: Spanned<String>,
        /// A step that was not picked.
        pub not_picked: Spanned<String>,
        /// Under a report's table when it shows only the latest: `{shown}` and `{count}`.
        pub report_rows: Spanned<String>,
        /// Above the charts: `{title}`, `{count}`, `{from}` and `{to}` are filled in.
        pub trend_title: Spanned<String>,
        /// A part that went up by at least the threshold: `{first}` and `{last}`.
        pub trend_up: Spanned<String>,
        /// A part that went down by at least the threshold: `{first}` and `{last}`.
        pub trend_down: Spanned<String>,
        /// A part that moved less than the threshold: `{first}` and `{last}`.
        pub trend_steady: Spanned<String>,
        /// A part with one score so far: `{last}`.
        pub trend_one: Spanned<String>,
        /// How big a change must be to be called out (inline Markdown).
        pub threshold: Spanned<String>,
        /// The reminder under every trend and report (inline Markdown).
        pub reminder: Spanned<String>,
        /// When several questionnaires were saved: `{id}` and `{others}` (inline Markdown).
        pub other_questionnaires: Spanned<String>,
        /// The report's title.
        pub report_title: Spanned<String>,
        /// Under the title: `{count}`, `{title}`, `{from}` and `{to}` are filled in (plain text,
        /// as the title is the content's own).
        pub report_intro: Spanned<String>,
        /// Heading: the table of scores over time.
        pub report_scores: Spanned<String>,
        /// A part's possible scores, under the report's table: `{min}` and `{max}`.
        pub range: Spanned<String>,
        /// Heading: the same as small charts.
        pub report_charts: Spanned<String>,
        /// Heading: the latest answers, `{date}` filled in.
        pub report_latest: Spanned<String>,
        /// Heading: the person's own notes.
        pub report_notes: Spanned<String>,
        /// When no note was saved (inline Markdown).
        pub report_no_notes: Spanned<String>,
        /// Said when the person answers no to saving a reflection.
        pub not_saved: Spanned<String>,
        /// Asked before deleting everything.
        pub forget_prompt: Spanned<String>,
        /// Said after deleting (inline Markdown).
        pub forgotten: Spanned<String>,
        /// When there is nothing to delete (inline Markdown).
        pub nothing_to_forget: Spanned<String>,
        /// Said when the person answers no to deleting (inline Markdown).
        pub kept: Spanned<String>,
        /// A part with no score in any saved reflection (each time, too few of its questions
        /// were answered).
        pub trend_none: Spanned<String>,
        /// Above the charts: what a higher bar means (inline Markdown).
        pub trend_higher: Spanned<String>,
        /// In the table, a part that was not scored that time.
        pub not_scored: Spanned<String>,
        /// Before the note saved with a reflection, on its own line in the table.
        pub table_note: Spanned<String>,
        /// Under the report's table when a part was not scored in a row (inline Markdown).
        pub report_dash: Spanned<String>,
        /// Under the charts when one has a gap, a time its part was not scored (inline Markdown).
        pub trend_gap: Spanned<String>,
        /// The accessible mode's trend, which says the scores as numbers instead of charts:
        /// what a higher score means (inline Markdown).
        pub trend_higher_scores: Spanned<String>,
        /// The accessible mode's trend, under the scores when one was not scored (inline
        /// Markdown).
        pub trend_not_scored: Spanned<String>,
        /// Heading of the report in the accessible mode: how each part changed, in words
        /// (in place of the small charts).
        pub report_changes: Spanned<String>,
    }
}

labels! {
    /// The words of a book made by `numb export --format mdbook`.
    pub struct BookLabels {
        /// The part of the book that holds the topics.
        pub topics: Spanned<String>,
        /// The part that holds the questionnaires as worksheets.
        pub worksheets: Spanned<String>,
        /// The part that holds the support page.
        pub help: Spanned<String>,
        /// The part that holds the practices and the words for feelings.
        pub practices: Spanned<String>,
        /// A worksheet's heading above the questions.
        pub questions: Spanned<String>,
        /// How to answer a scale worksheet on paper (inline Markdown).
        pub how_to_answer: Spanned<String>,
        /// How to answer a choose worksheet on paper (inline Markdown).
        pub how_to_choose: Spanned<String>,
        /// The heading of the part that explains the totals.
        pub reading: Spanned<String>,
        /// One facet's sum: `{questions}`, `{min}` and `{max}` are filled in (inline Markdown).
        pub facet_sum: Spanned<String>,
        /// The word before the last of several question numbers in `facet_sum`: "1, 4 and 7".
        pub and: Spanned<String>,
        /// A reverse-keyed question: `{question}` and `{total}` are filled in (inline Markdown).
        pub reverse: Spanned<String>,
        /// One band of a facet: `{from}`, `{to}` and `{label}` are filled in (one line).
        pub band: Spanned<String>,
        /// The heading above what each option of a choose worksheet could look like.
        pub plans: Spanned<String>,
        /// Before a part's `reach_out` words on a worksheet (`{from}`, `{to}`: its top band).
        pub strong_sign: Spanned<String>,
        /// Before the words for several parts in their highest bands, on a worksheet.
        pub many_high: Spanned<String>,
    }
}

labels! {
    /// The line that ends every exported page, made from the `authors` and `license` of the
    /// pack its words came from (`{name}` is the pack's name). A pack that sets neither gets no
    /// line.
    pub struct CreditLabels {
        /// For a pack that sets a licence but no authors (`{name}`).
        pub from: Spanned<String>,
        /// For a pack that sets its authors (`{name}`, `{authors}`).
        pub from_authors: Spanned<String>,
        /// After either, for a pack that sets a licence (`{license}`).
        pub license: Spanned<String>,
    }
}

/// The welcome screen.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Welcome {
    /// The first line: what numb is, in a few words.
    pub title: Spanned<String>,
    /// What numb is and is not, in the Markdown subset.
    pub body: Spanned<String>,
    /// The heading above the suggested commands.
    pub start_heading: Spanned<String>,
    /// Commands to start with.
    pub start: Vec<StartCommand>,
}

/// A command suggested on the welcome screen.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct StartCommand {
    /// The command line, e.g. `numb learn what-is-it`.
    pub command: Spanned<String>,
    /// What it does, in a few words.
    pub text: Spanned<String>,
}

labels! {
    /// Headings of the fixed parts of a topic page and the topic table.
    pub struct Labels {
        /// Before a topic's content note.
        pub content_note: Spanned<String>,
        /// Above the key points.
        pub key_points: Spanned<String>,
        /// Above the "try this" suggestions.
        pub try_this: Spanned<String>,
        /// Above the related topics.
        pub related: Spanned<String>,
        /// Heading of the guided practices that go with a topic.
        pub practices: Spanned<String>,
        /// Above the sources.
        pub sources: Spanned<String>,
        /// The line under the topic table.
        pub topics_footer: Spanned<String>,
        /// Names a content pack left out of a page because it did not load: `{pack}`.
        pub pack_left_out: Spanned<String>,
        /// After the left-out pack's only problem: `{pack}`.
        pub pack_check: Spanned<String>,
        /// After the left-out pack's first problem: `{count}` more, `{pack}`.
        pub pack_more: Spanned<String>,
        /// Above a page that is not in the chosen language yet (`{language}`, the chosen one's
        /// name; `{shown}`, the name of the one it is shown in).
        pub fallback: Spanned<String>,
        /// The pager's prompt while there is more to read.
        pub pager_more: Spanned<String>,
        /// The pager's prompt at the end of a page.
        pub pager_end: Spanned<String>,
        /// The topic table's first column heading.
        pub table_topic: Spanned<String>,
        /// The topic table's second column heading.
        pub table_title: Spanned<String>,
        /// The topic table's third column heading.
        pub table_summary: Spanned<String>,
    }
}

labels! {
    /// Headings and small phrases of `numb support`. `{country}` and `{date}` are filled in.
    pub struct SupportLabels {
        /// The heading of the support part of an export.
        pub title: Spanned<String>,
        /// Above the emergency numbers.
        pub emergency: Spanned<String>,
        /// Above the lines of the chosen country (`{country}`).
        pub lines_for: Spanned<String>,
        /// When numb has no lines for the chosen country (`{country}`); `{directory}` is the
        /// directory's name.
        pub no_lines: Spanned<String>,
        /// The same in the help block (words of crisis, a summary that points to help), which
        /// shows no other countries' lines (`{country}`, `{directory}`).
        pub no_lines_help: Spanned<String>,
        /// Above the international directory.
        pub directory: Spanned<String>,
        /// Above the other countries' lines when a country was chosen.
        pub other_countries: Spanned<String>,
        /// Above all the lines when no country was chosen.
        pub by_country: Spanned<String>,
        /// When an entry was last checked (`{date}`).
        pub checked: Spanned<String>,
        /// The closing line of the support page.
        pub footer: Spanned<String>,
        /// Ends the help block shown for a word of crisis or a summary that points to help:
        /// where the other countries' lines are (inline Markdown).
        pub all_lines: Spanned<String>,
    }
}

labels! {
    /// The words of `numb reflect`. `{n}`, `{total}`, `{score}`, `{max}`, `{answered}` and
    /// `{items}` are filled in.
    pub struct ReflectLabels {
        /// The choice that starts the questionnaire.
        pub start: Spanned<String>,
        /// The choice that leaves before starting.
        pub not_now: Spanned<String>,
        /// Progress above each item (`{n}`, `{total}`).
        pub progress: Spanned<String>,
        /// The choice that skips an item.
        pub skip: Spanned<String>,
        /// The choice that goes back one item.
        pub back: Spanned<String>,
        /// The choice that stops without saving.
        pub quit: Spanned<String>,
        /// How to use the keys, shown once under the first item.
        pub keys: Spanned<String>,
        /// The prompt of a choose questionnaire.
        pub choose_prompt: Spanned<String>,
        /// How to use the keys in a choose questionnaire.
        pub choose_keys: Spanned<String>,
        /// Said on stderr after stopping early.
        pub stopped: Spanned<String>,
        /// The summary table's column headings.
        pub table_facet: Spanned<String>,
        /// The summary table's column headings.
        pub table_score: Spanned<String>,
        /// The summary table's column headings.
        pub table_band: Spanned<String>,
        /// A score in the table (`{score}`, `{max}`).
        pub score_of: Spanned<String>,
        /// A facet with too few answers (`{answered}`, `{items}`).
        pub too_few: Spanned<String>,
        /// After a score estimated from some of its items (`{answered}`, `{items}`).
        pub estimated: Spanned<String>,
        /// Under the table when several facets sit in their highest band.
        pub many_high: Spanned<String>,
        /// A line under the title (`{answered}`, `{total}`).
        pub answered: Spanned<String>,
        /// Before a band's next step.
        pub next_step: Spanned<String>,
        /// Above the pointers chosen from the facets that stand out.
        pub might_help: Spanned<String>,
        /// When no facet stands out.
        pub nothing_stands_out: Spanned<String>,
        /// When nothing was answered or picked.
        pub nothing_answered: Spanned<String>,
        /// Above the list of skipped items.
        pub skipped: Spanned<String>,
        /// Above the steps picked in a choose questionnaire.
        pub plan_title: Spanned<String>,
        /// The line every summary carries: a reflection, not a diagnosis.
        pub not_a_diagnosis: Spanned<String>,
        /// `numb reflect --list`: the first column's heading.
        pub list_id: Spanned<String>,
        /// `numb reflect --list`: the number of questions.
        pub list_items: Spanned<String>,
        /// `numb reflect --list`: how long it takes.
        pub list_time: Spanned<String>,
        /// How long a questionnaire takes (`{minutes}`).
        pub minutes: Spanned<String>,
        /// The line under the list.
        pub list_footer: Spanned<String>,
        /// The heading above what to do when the answers point to help, and the help lines.
        pub reach_out: Spanned<String>,
    }
}
