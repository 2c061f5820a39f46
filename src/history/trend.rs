//! How each facet moved across saved reflections, as pure functions: the scores over time, a
//! small chart of them, and whether the change is large enough to call out.

use super::record::Saved;

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
    /// The scores, oldest first; none where too few of its questions were answered.
    pub scores: Vec<Option<u32>>,
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
pub fn facets<T: Saved>(records: &[&T]) -> Vec<FacetTrend> {
    let mut trends: Vec<FacetTrend> = Vec::new();
    for record in records {
        for facet in record.facets() {
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
            trend.scores.push(facet.score);
        }
    }
    trends
}

/// The smallest difference [`change`] calls out for a facet from `min` to `max`.
pub fn threshold(min: u32, max: u32) -> u32 {
    (max.saturating_sub(min)).div_ceil(THRESHOLD_DIVISOR).max(1)
}

/// The first and the latest score there is.
pub fn ends(scores: &[Option<u32>]) -> Option<(u32, u32)> {
    let mut present = scores.iter().flatten();
    let first = *present.next()?;
    Some((first, present.next_back().copied().unwrap_or(first)))
}

/// How the latest of `scores` compares with the first (missing ones left out).
pub fn change(scores: &[Option<u32>], min: u32, max: u32) -> Change {
    if scores.iter().flatten().count() < 2 {
        return Change::TooFew;
    }
    let Some((first, last)) = ends(scores) else {
        return Change::TooFew;
    };
    let limit = u64::from(threshold(min, max));
    let (first64, last64) = (u64::from(first), u64::from(last));
    if last64 >= first64 + limit {
        Change::Up(last - first)
    } else if first64 >= last64 + limit {
        Change::Down(first - last)
    } else {
        Change::Steady
    }
}

/// True when `scores` has a score to draw and also a time with none: its chart has a gap.
pub fn has_gap(scores: &[Option<u32>]) -> bool {
    scores.iter().any(Option::is_some) && scores.iter().any(Option::is_none)
}

/// A chart of `scores`, one bar each, the height placing the score between `min` and `max`;
/// a missing score is a gap.
pub fn chart(scores: &[Option<u32>], min: u32, max: u32, ascii: bool) -> String {
    let bars = if ascii { &ASCII_BARS } else { &BARS };
    let (min, max) = (min.min(max), min.max(max));
    let span = max.saturating_sub(min).max(1);
    scores
        .iter()
        .map(|s| {
            let Some(s) = *s else { return ' ' };
            let place = s.clamp(min, max) - min;
            let top = bars.len() - 1;
            let at =
                ((u64::from(place) * top as u64 + u64::from(span) / 2) / u64::from(span)) as usize;
            bars[at.min(top)]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_place_each_score_between_the_ends() {
        let s = |v: &[u32]| v.iter().map(|&n| Some(n)).collect::<Vec<_>>();
        assert_eq!(chart(&s(&[0, 4, 8, 12]), 0, 12, false), "▁▃▆█");
        assert_eq!(chart(&s(&[0, 4, 8, 12]), 0, 12, true), "_,=#");
        assert_eq!(chart(&s(&[3, 3]), 3, 3, false), "▁▁");
        assert_eq!(
            chart(&s(&[20]), 0, 12, false),
            "█",
            "out of range is clamped"
        );
        assert_eq!(chart(&[Some(0), None, Some(12)], 0, 12, false), "▁ █");
    }

    #[test]
    fn a_gap_needs_a_score_beside_it() {
        assert!(has_gap(&[Some(3), None]));
        assert!(has_gap(&[None, Some(3), Some(4)]));
        assert!(!has_gap(&[Some(3), Some(4)]));
        assert!(!has_gap(&[None, None]), "nothing drawn, so no gap");
        assert!(!has_gap(&[]));
    }

    #[test]
    fn only_changes_past_the_threshold_are_called_out() {
        assert_eq!(threshold(0, 12), 3);
        assert_eq!(threshold(4, 20), 4);
        assert_eq!(threshold(0, 1), 1);
        let s = |v: &[u32]| v.iter().map(|&n| Some(n)).collect::<Vec<_>>();
        assert_eq!(change(&s(&[6]), 0, 12), Change::TooFew);
        assert_eq!(change(&[Some(6), None], 0, 12), Change::TooFew);
        assert_eq!(change(&[], 0, 12), Change::TooFew);
        assert_eq!(change(&s(&[6, 1, 8]), 0, 12), Change::Steady);
        assert_eq!(change(&s(&[6, 9]), 0, 12), Change::Up(3));
        assert_eq!(
            change(&[Some(9), Some(2), Some(6), None], 0, 12),
            Change::Down(3)
        );
        assert_eq!(change(&s(&[9, 7]), 0, 12), Change::Steady);
    }
}
