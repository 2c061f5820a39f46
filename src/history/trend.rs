//! How each facet moved across saved reflections, as pure functions: the scores over time, a
//! small chart of them, and whether the change is large enough to call out.

use super::record::Record;

/// The bars of a chart, lowest first.
const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// The same in plain ASCII, for `--ascii`.
const ASCII_BARS: [char; 8] = ['_', '.', ',', '-', '~', '=', '*', '#'];

/// A change is called out only when the latest score is at least this share of the facet's
/// range away from the first one (a quarter, rounded up).
pub const THRESHOLD_DIVISOR: u32 = 4;

/// One facet's scores over time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetTrend {
    /// The facet's id.
    pub id: String,
    /// Its name (as last saved).
    pub name: String,
    /// The lowest possible score.
    pub min: u32,
    /// The highest possible score.
    pub max: u32,
    /// The scores, oldest first (reflections without a score for it are left out).
    pub scores: Vec<u32>,
}

/// How the latest score compares with the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Fewer than two scores: nothing to compare.
    TooFew,
    /// Within the threshold.
    Steady,
    /// Higher by at least the threshold.
    Up(u32),
    /// Lower by at least the threshold.
    Down(u32),
}

/// The facets of `records` (all of one questionnaire, oldest first), in the order they first
/// appear.
pub fn facets(records: &[&Record]) -> Vec<FacetTrend> {
    let mut trends: Vec<FacetTrend> = Vec::new();
    for record in records {
        for facet in &record.facets {
            let at = match trends.iter().position(|t| t.id == facet.id) {
                Some(at) => at,
                None => {
                    trends.push(FacetTrend {
                        id: facet.id.clone(),
                        name: facet.name.clone(),
                        min: facet.min,
                        max: facet.max,
                        scores: Vec::new(),
                    });
                    trends.len() - 1
                }
            };
            let trend = &mut trends[at];
            trend.name.clone_from(&facet.name);
            trend.min = trend.min.min(facet.min);
            trend.max = trend.max.max(facet.max);
            trend.scores.extend(facet.score);
        }
    }
    trends
}

/// The smallest difference [`change`] calls out for a facet from `min` to `max`.
pub fn threshold(min: u32, max: u32) -> u32 {
    (max.saturating_sub(min)).div_ceil(THRESHOLD_DIVISOR).max(1)
}

/// How the latest of `scores` compares with the first.
pub fn change(scores: &[u32], min: u32, max: u32) -> Change {
    let (Some(&first), Some(&last)) = (scores.first(), scores.last()) else {
        return Change::TooFew;
    };
    if scores.len() < 2 {
        return Change::TooFew;
    }
    let limit = threshold(min, max);
    if last >= first + limit {
        Change::Up(last - first)
    } else if first >= last + limit {
        Change::Down(first - last)
    } else {
        Change::Steady
    }
}

/// A chart of `scores`, one bar each, the height placing the score between `min` and `max`.
pub fn chart(scores: &[u32], min: u32, max: u32, ascii: bool) -> String {
    let bars = if ascii { &ASCII_BARS } else { &BARS };
    let span = max.saturating_sub(min).max(1);
    scores
        .iter()
        .map(|&s| {
            let place = s.clamp(min, max) - min;
            let top = bars.len() - 1;
            let at = (place as usize * top + span as usize / 2) / span as usize;
            bars[at.min(top)]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_place_each_score_between_the_ends() {
        assert_eq!(chart(&[0, 4, 8, 12], 0, 12, false), "▁▃▆█");
        assert_eq!(chart(&[0, 4, 8, 12], 0, 12, true), "_,=#");
        assert_eq!(chart(&[3, 3], 3, 3, false), "▁▁");
        assert_eq!(chart(&[20], 0, 12, false), "█", "out of range is clamped");
    }

    #[test]
    fn only_changes_past_the_threshold_are_called_out() {
        assert_eq!(threshold(0, 12), 3);
        assert_eq!(threshold(4, 20), 4);
        assert_eq!(threshold(0, 1), 1);
        assert_eq!(change(&[6], 0, 12), Change::TooFew);
        assert_eq!(change(&[], 0, 12), Change::TooFew);
        assert_eq!(change(&[6, 1, 8], 0, 12), Change::Steady);
        assert_eq!(change(&[6, 9], 0, 12), Change::Up(3));
        assert_eq!(change(&[9, 2, 6], 0, 12), Change::Down(3));
        assert_eq!(change(&[9, 7], 0, 12), Change::Steady);
    }
}
