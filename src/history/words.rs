//! Saved reflections in words, as the table, the trend and the report all say them: when a
//! reflection was saved (in local time) and what a part's scores over time amount to.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::content::Library;
use crate::render::fill;

use super::trend::{self, Change, FacetTrend};

/// The date and time a record was saved, in the local time zone.
pub fn when(at: Timestamp) -> String {
    at.to_zoned(TimeZone::system())
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

/// The day a record was saved, in the local time zone.
pub fn day(at: Timestamp) -> String {
    at.to_zoned(TimeZone::system())
        .strftime("%Y-%m-%d")
        .to_string()
}

/// What the change of one facet amounts to, in words.
pub fn change_words(library: &Library, t: &FacetTrend) -> String {
    let labels = &library.app.history_labels;
    // A part never scored has no number to show, not a 0.
    let Some((first, last)) = trend::ends(&t.scores) else {
        return labels.trend_none.get_ref().clone();
    };
    let (first, last) = (first.to_string(), last.to_string());
    let words = match trend::change(&t.scores, t.min, t.max) {
        Change::TooFew => labels.trend_one.get_ref(),
        Change::Steady => labels.trend_steady.get_ref(),
        Change::Up(_) => labels.trend_up.get_ref(),
        Change::Down(_) => labels.trend_down.get_ref(),
    };
    fill(words, &[("first", first), ("last", last)])
}
