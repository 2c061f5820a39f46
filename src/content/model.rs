//! The content model: serde types for topics and support lines, as authored in TOML.

use std::sync::Arc;

use serde::{Deserialize, Serialize, Serializer};
use toml::Spanned;
use toml::value::Datetime;

use crate::error::SourceFile;

/// The newest content `format_version` this numb understands.
pub const FORMAT_VERSION: u32 = 1;

/// A pack's `pack.toml`: what the pack is, and which content format it is written in.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    /// The content format of the whole pack.
    pub format_version: Spanned<u32>,
    /// A short human name, shown by `numb check`.
    pub name: Spanned<String>,
    /// The language of the pack's text, as a tag such as `en` or `en-GB`.
    pub language: Spanned<String>,
    /// One line on what the pack is for.
    #[serde(default)]
    pub description: Option<Spanned<String>>,
}

/// One topic, shown by `numb learn <id>`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// The content format this file is written in.
    pub format_version: Spanned<u32>,
    /// Kebab-case id; also the file name on export.
    pub id: Spanned<String>,
    /// The page title.
    pub title: Spanned<String>,
    /// One line for tables and indexes.
    pub summary: Spanned<String>,
    /// Other names `numb learn` accepts.
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    /// A short note shown before the page when it touches abuse or trauma.
    #[serde(default)]
    pub content_note: Option<Spanned<String>>,
    /// The page's take-aways.
    pub key_points: Vec<Spanned<String>>,
    /// Gentle, optional suggestions.
    #[serde(default)]
    pub try_this: Vec<Spanned<String>>,
    /// Ids of other topics worth reading next.
    #[serde(default)]
    pub related: Vec<Spanned<String>>,
    /// The body, in reading order.
    pub sections: Vec<Section>,
    /// Where the facts and ideas come from.
    pub sources: Vec<Source>,
    /// The file this topic was loaded from (not part of the format).
    #[serde(skip)]
    pub file: Arc<SourceFile>,
}

/// The feelings vocabulary (`numb feelings`): families of feelings with more specific words,
/// and body sensations that lead to words.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Feelings {
    /// The content format this file is written in.
    pub format_version: Spanned<u32>,
    /// Shown above the families (inline Markdown).
    pub intro: Spanned<String>,
    /// The families, in the order they are shown.
    pub families: Vec<Family>,
    /// The "not sure what I feel" path: body sensations and the words they may go with.
    pub sensations: Vec<Sensation>,
    /// The file this vocabulary was loaded from (not part of the format).
    #[serde(skip)]
    pub file: Arc<SourceFile>,
}

/// A family of feelings.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Family {
    /// Kebab-case id.
    pub id: Spanned<String>,
    /// One line.
    pub name: Spanned<String>,
    /// One plain line.
    pub meaning: Spanned<String>,
    /// The words, in the order they are shown.
    pub words: Vec<Word>,
}

/// A word for a feeling.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Word {
    /// The word, lower case.
    pub word: Spanned<String>,
    /// What it is like (inline Markdown, one line).
    pub meaning: Spanned<String>,
    /// A common body cue (one line).
    pub body: Spanned<String>,
}

/// A body sensation that can go with some feelings.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Sensation {
    /// The sensation, in everyday words (one line).
    pub cue: Spanned<String>,
    /// Words from the families it may go with.
    pub words: Vec<Spanned<String>>,
}

/// A guided practice: a short exercise, one step at a time (`numb practice <id>`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Practice {
    /// The content format this file is written in.
    pub format_version: Spanned<u32>,
    /// Kebab-case id, used as `numb practice <id>`.
    pub id: Spanned<String>,
    /// One line.
    pub title: Spanned<String>,
    /// One line for the list of practices.
    pub summary: Spanned<String>,
    /// About how many minutes it takes.
    pub minutes: Spanned<u32>,
    /// Why it can help (Markdown subset).
    pub why: Spanned<String>,
    /// Topic ids to read next.
    #[serde(default)]
    pub related: Vec<Spanned<String>>,
    /// The steps, in order.
    pub steps: Vec<Step>,
    /// The kind closing line (inline Markdown).
    pub closing: Spanned<String>,
    /// Where the ideas come from.
    pub sources: Vec<Source>,
    /// The file this practice was loaded from (not part of the format).
    #[serde(skip)]
    pub file: Arc<SourceFile>,
}

/// One step of a practice.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// What to do (inline Markdown, one paragraph).
    pub text: Spanned<String>,
    /// Seconds of quiet time, if the step has some.
    #[serde(default)]
    pub pause: Option<Spanned<u32>>,
    /// A short question to sit with (plain text, one line).
    #[serde(default)]
    pub prompt: Option<Spanned<String>>,
}

/// A headed part of a topic.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The section heading (plain text).
    pub heading: Spanned<String>,
    /// The section text, in numb's small Markdown subset.
    pub body: Spanned<String>,
}

impl Section {
    /// The body's blocks (checked at load; empty if it does not parse). Parsed when needed:
    /// keeping every body's blocks from the check would double a large pack's memory.
    pub fn blocks(&self) -> Vec<crate::content::markup::Block> {
        crate::content::markup::parse(self.body.get_ref()).unwrap_or_default()
    }
}

/// A reference a topic draws on.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Title of the page, article or book.
    pub title: Spanned<String>,
    /// Authors, for papers and books.
    #[serde(default)]
    pub authors: Option<Spanned<String>>,
    /// The organisation or journal.
    #[serde(default)]
    pub publisher: Option<Spanned<String>>,
    /// Year of publication or last review, when the source gives one.
    #[serde(default)]
    pub year: Option<Spanned<u16>>,
    /// For undated web pages: the day someone read the page to check it.
    #[serde(default, serialize_with = "optional_date_as_string")]
    pub accessed: Option<Spanned<Datetime>>,
    /// An https address.
    #[serde(default)]
    pub url: Option<Spanned<String>>,
    /// A bare DOI such as `10.1192/bjp.bp.108.051110`.
    #[serde(default)]
    pub doi: Option<Spanned<String>>,
}

impl Source {
    /// The best link for the source: the DOI resolver when there is a DOI, else the URL.
    pub fn link(&self) -> Option<String> {
        match (&self.doi, &self.url) {
            (Some(doi), _) => Some(format!("https://doi.org/{}", doi.get_ref())),
            (None, Some(url)) => Some(url.get_ref().clone()),
            (None, None) => None,
        }
    }

    /// The title followed by a full stop, unless it already ends in punctuation.
    pub fn title_sentence(&self) -> String {
        let title = self.title.get_ref().trim_end();
        if title.ends_with(['.', '?', '!']) {
            title.to_string()
        } else {
            format!("{title}.")
        }
    }

    /// "Authors, Publisher (year)" as one line.
    pub fn byline(&self) -> String {
        let who: Vec<&str> = [&self.authors, &self.publisher]
            .into_iter()
            .flatten()
            .map(|s| s.get_ref().as_str())
            .collect();
        let when = match (&self.year, &self.accessed) {
            (Some(year), _) => year.get_ref().to_string(),
            (None, Some(day)) => format!("undated, checked {}", day.get_ref()),
            (None, None) => "undated".to_string(),
        };
        format!("{} ({when})", who.join(", "))
    }
}

/// A `support.toml` as authored. The built-in one has every part; a user's may add only
/// lines, or replace the intro and directory, or add a local emergency line.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SupportFile {
    /// The content format this file is written in.
    pub format_version: Spanned<u32>,
    /// A calm opening line.
    #[serde(default)]
    pub intro: Option<Spanned<String>>,
    /// What to do in immediate danger.
    #[serde(default)]
    pub emergency: Option<Emergency>,
    /// The international directory of helplines.
    #[serde(default)]
    pub directory: Option<Directory>,
    /// Helplines, each for one or more countries.
    #[serde(default)]
    pub lines: Vec<SupportLine>,
    /// The file this page was loaded from (not part of the format).
    #[serde(skip)]
    pub file: Arc<SourceFile>,
}

/// The support page as shown: the built-in page with every user's additions.
#[derive(Debug, Clone, Serialize)]
pub struct SupportPage {
    /// A calm opening line.
    pub intro: Spanned<String>,
    /// Emergency lines from user content, shown before the built-in one.
    pub local_emergency: Vec<Emergency>,
    /// What to do in immediate danger; always shown.
    pub emergency: Emergency,
    /// The international directory of helplines; always shown.
    pub directory: Directory,
    /// Helplines, each for one or more countries; user lines first.
    pub lines: Vec<SupportLine>,
}

/// The emergency-number line.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Emergency {
    /// What to do, in one or two sentences.
    pub text: Spanned<String>,
    /// The common emergency numbers and where they apply.
    pub numbers: Spanned<String>,
    /// The day someone checked this.
    #[serde(serialize_with = "date_as_string")]
    pub verified_on: Spanned<Datetime>,
}

/// A directory of helplines across countries.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Directory {
    /// The directory's name.
    pub name: Spanned<String>,
    /// Its https address.
    pub url: Spanned<String>,
    /// What it offers, in one sentence.
    pub text: Spanned<String>,
    /// The day someone checked this.
    #[serde(serialize_with = "date_as_string")]
    pub verified_on: Spanned<Datetime>,
}

/// One helpline.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SupportLine {
    /// ISO 3166-1 alpha-2 codes of the countries it serves, upper case.
    pub countries: Vec<Spanned<String>>,
    /// The service's name.
    pub name: Spanned<String>,
    /// How to reach it ("Call or text 988").
    pub contact: Spanned<String>,
    /// Cost, hours, who it is for, in one short sentence.
    #[serde(default)]
    pub details: Option<Spanned<String>>,
    /// The service's https address.
    #[serde(default)]
    pub url: Option<Spanned<String>>,
    /// The day someone checked the number on the service's own page.
    #[serde(serialize_with = "date_as_string")]
    pub verified_on: Spanned<Datetime>,
}

fn optional_date_as_string<S: Serializer>(
    date: &Option<Spanned<Datetime>>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match date {
        Some(date) => s.collect_str(date.get_ref()),
        None => s.serialize_none(),
    }
}

fn date_as_string<S: Serializer>(date: &Spanned<Datetime>, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(date.get_ref())
}

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
    /// The words of saving reflections and of `numb history`.
    pub history_labels: HistoryLabels,
    /// The words of `numb practice`.
    pub practice_labels: PracticeLabels,
    /// The words of `numb feelings`.
    pub feelings_labels: FeelingsLabels,
    /// Topic ids in the order the topic table lists them; others follow by id.
    pub reading_order: Vec<Spanned<String>>,
    /// The file this text was loaded from (not part of the format).
    #[serde(skip)]
    pub file: Arc<SourceFile>,
}

/// The words of `numb feelings`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
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

/// The words of `numb practice`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
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
    /// Heading: topics to read next.
    pub related: Spanned<String>,
    /// Heading: the sources.
    pub sources: Spanned<String>,
}

/// The words of saving reflections and of `numb history`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
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
}

/// The words of a book made by `numb export --format mdbook`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
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

/// Headings of the fixed parts of a topic page and the topic table.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
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

/// Headings and small phrases of `numb support`. `{country}` and `{date}` are filled in.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
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

/// What a questionnaire asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuestionnaireKind {
    /// Each item is rated on one frequency scale; the result is a profile of facets.
    Scale,
    /// Any number of items (options) is picked; the result is a short personal plan.
    Choose,
}

/// A reflective questionnaire, shown by `numb reflect <id>`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    /// The content format this file is written in.
    pub format_version: Spanned<u32>,
    /// Kebab-case id.
    pub id: Spanned<String>,
    /// Bumped whenever items, scale or bands change; results record it.
    pub version: Spanned<u32>,
    /// `scale` or `choose`.
    pub kind: Spanned<QuestionnaireKind>,
    /// One line.
    pub title: Spanned<String>,
    /// One line for `numb reflect --list`.
    pub summary: Spanned<String>,
    /// About how many minutes it takes.
    pub minutes: Spanned<u32>,
    /// Shown first: what this is and is not (Markdown subset).
    pub intro: Spanned<String>,
    /// Scale kind: the time window and question stem shown above every item.
    #[serde(default)]
    pub window: Option<Spanned<String>>,
    /// Shown at the end of the summary (Markdown subset).
    pub closing: Spanned<String>,
    /// Scale kind: the answer choices, lowest first.
    #[serde(default)]
    pub scale: Vec<ScalePoint>,
    /// The questions (scale) or options (choose), in order.
    #[serde(default)]
    pub items: Vec<Item>,
    /// Scale kind: the facets the items belong to.
    #[serde(default)]
    pub facets: Vec<Facet>,
    /// Choose kind: what to say when nothing was picked.
    #[serde(default)]
    pub none_chosen: Option<Spanned<String>>,
    /// The file this questionnaire was loaded from (not part of the format).
    #[serde(skip)]
    pub file: Arc<SourceFile>,
}

/// One answer choice of a scale.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ScalePoint {
    /// The score this answer adds.
    pub value: Spanned<u32>,
    /// Its words, e.g. "Often".
    pub label: Spanned<String>,
}

/// A question (scale kind) or an option (choose kind).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Kebab-case, unique within the questionnaire.
    pub id: Spanned<String>,
    /// The words shown, one line.
    pub text: Spanned<String>,
    /// Scale kind: the facet it counts towards.
    #[serde(default)]
    pub facet: Option<Spanned<String>>,
    /// Scale kind: a positively worded item, scored the other way round.
    #[serde(default)]
    pub reverse: Option<Spanned<bool>>,
    /// Choose kind: what this step could look like this week (inline Markdown).
    #[serde(default)]
    pub plan: Option<Spanned<String>>,
    /// Choose kind: a topic id to read more.
    #[serde(default)]
    pub topic: Option<Spanned<String>>,
}

impl Item {
    /// True for a reverse-keyed item.
    pub fn is_reverse(&self) -> bool {
        self.reverse.as_ref().is_some_and(|r| *r.get_ref())
    }
}

/// A facet of a scale questionnaire's profile.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Facet {
    /// Kebab-case, unique within the questionnaire.
    pub id: Spanned<String>,
    /// One line.
    pub name: Spanned<String>,
    /// What it means, one paragraph of inline Markdown.
    pub meaning: Spanned<String>,
    /// Topic ids for "what might help".
    #[serde(default)]
    pub related: Vec<Spanned<String>>,
    /// Practice ids to suggest when this facet stands out.
    #[serde(default)]
    pub practices: Vec<Spanned<String>>,
    /// Fewer answers than this and the facet says so instead of a score (default: all of a
    /// facet's items up to two, else half of them, rounded up).
    #[serde(default)]
    pub min_answers: Option<Spanned<u32>>,
    /// For a part that is a recognised warning sign on its own (loss of pleasure or
    /// interest): said, with the help lines, when its score is in the top band, even when
    /// nothing else is high (inline Markdown).
    #[serde(default)]
    pub reach_out: Option<Spanned<String>>,
    /// Positions in the possible range, covering it with no gap or overlap.
    pub bands: Vec<Band>,
}

impl Facet {
    /// The fewest answers that give this facet a score, out of its `items`: by default all
    /// of a facet's items when it has two or fewer (one answer is too little to go on), else
    /// half of them, rounded up.
    pub fn min_answers(&self, items: u32) -> u32 {
        let default = if items <= 2 { items } else { items.div_ceil(2) };
        self.min_answers
            .as_ref()
            .map_or(default, |m| *m.get_ref())
            .max(1)
    }
}

/// A position in a facet's possible range of scores, with its words.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// The lowest score in the band.
    pub from: Spanned<u32>,
    /// The highest score in the band.
    pub to: Spanned<u32>,
    /// A short name for the position: "little", "some", "a lot".
    pub label: Spanned<String>,
    /// Kind, non-diagnostic words about this position (inline Markdown).
    pub words: Spanned<String>,
    /// One gentle, optional next step (inline Markdown).
    pub next_step: Spanned<String>,
}

/// The words of `numb reflect`. `{n}`, `{total}`, `{score}`, `{max}`, `{answered}` and
/// `{items}` are filled in.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
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
