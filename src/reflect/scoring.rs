//! Scoring, as pure functions: reverse keying, facet scores with prorating for skipped
//! items, bands, and the facets that stand out.

use crate::content::model::{Band, Facet, Item, Questionnaire};

/// One answer to one item: a scale value (for `choose`, 1 = picked, 0 = not), or skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// The value given, as authored on the scale (before reverse keying).
    Value(u32),
    /// The person chose not to answer.
    Skipped,
}

impl Answer {
    /// The value, if any.
    pub fn value(self) -> Option<u32> {
        match self {
            Answer::Value(v) => Some(v),
            Answer::Skipped => None,
        }
    }
}

/// A facet's result.
#[derive(Debug, Clone)]
pub struct FacetScore<'q> {
    /// The facet.
    pub facet: &'q Facet,
    /// How many of its items were answered.
    pub answered: u32,
    /// How many items it has.
    pub items: u32,
    /// The lowest and highest possible score.
    pub range: (u32, u32),
    /// The score, prorated over skipped items; `None` when too few items were answered.
    pub score: Option<u32>,
    /// The band the score falls in.
    pub band: Option<&'q Band>,
    /// The band's place among the facet's bands (0 = lowest).
    pub band_index: Option<usize>,
}

/// The lowest and highest value of the questionnaire's scale.
pub fn scale_range(q: &Questionnaire) -> (u32, u32) {
    let low = q.scale.first().map_or(0, |p| *p.value.get_ref());
    let high = q.scale.last().map_or(0, |p| *p.value.get_ref());
    (low, high)
}

/// What an answer adds to its facet: reverse-keyed items count the other way round.
pub fn item_score(q: &Questionnaire, item: &Item, value: u32) -> u32 {
    let (low, high) = scale_range(q);
    if item.is_reverse() {
        (low + high).saturating_sub(value)
    } else {
        value
    }
}

/// Scores every facet. `answers` has one entry per item, in item order.
pub fn facet_scores<'q>(q: &'q Questionnaire, answers: &[Answer]) -> Vec<FacetScore<'q>> {
    let (low, high) = scale_range(q);
    q.facets
        .iter()
        .map(|facet| {
            let mut items = 0u32;
            let mut answered = 0u32;
            let mut sum = 0u32;
            for (item, answer) in q.items.iter().zip(answers) {
                if item
                    .facet
                    .as_ref()
                    .is_some_and(|f| f.get_ref() == facet.id.get_ref())
                {
                    items += 1;
                    if let Some(v) = answer.value() {
                        answered += 1;
                        sum += item_score(q, item, v);
                    }
                }
            }
            let range = (items * low, items * high);
            let score =
                (answered >= facet.min_answers(items)).then(|| prorate(sum, answered, items));
            let band_index = score.and_then(|s| {
                facet
                    .bands
                    .iter()
                    .position(|b| *b.from.get_ref() <= s && s <= *b.to.get_ref())
            });
            FacetScore {
                facet,
                answered,
                items,
                range,
                score,
                band: band_index.map(|i| &facet.bands[i]),
                band_index,
            }
        })
        .collect()
}

/// The facet total had every item been answered like the answered ones: the mean of the
/// answered items times the number of items, rounded half up.
pub fn prorate(sum: u32, answered: u32, items: u32) -> u32 {
    if answered == 0 {
        return 0;
    }
    let (sum, answered, items) = (u64::from(sum), u64::from(answered), u64::from(items));
    u32::try_from((2 * sum * items + answered) / (2 * answered)).unwrap_or(u32::MAX)
}

/// Facets whose band is above the lowest, the highest relative score first.
pub fn standing_out<'a, 'q>(scores: &'a [FacetScore<'q>]) -> Vec<&'a FacetScore<'q>> {
    let mut out: Vec<&FacetScore> = scores
        .iter()
        .filter(|s| s.band_index.is_some_and(|i| i > 0))
        .collect();
    let share = |s: &FacetScore| {
        let (low, high) = s.range;
        let score = s.score.unwrap_or(low);
        ((score - low) as f64) / f64::from((high - low).max(1))
    };
    out.sort_by(|a, b| share(b).total_cmp(&share(a)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check_in() -> Questionnaire {
        crate::reflect::built_in("check-in")
    }

    #[test]
    fn reverse_items_count_the_other_way() {
        let q = check_in();
        let reversed = q
            .items
            .iter()
            .find(|i| i.is_reverse())
            .expect("check-in has a reverse item");
        let plain = q.items.iter().find(|i| !i.is_reverse()).unwrap();
        let (low, high) = scale_range(&q);
        assert_eq!(item_score(&q, reversed, high), low);
        assert_eq!(item_score(&q, reversed, low), high);
        assert_eq!(item_score(&q, plain, high), high);
    }

    #[test]
    fn prorating_keeps_the_mean_and_rounds_half_up() {
        assert_eq!(prorate(4, 2, 2), 4);
        assert_eq!(prorate(3, 1, 2), 6);
        assert_eq!(prorate(5, 2, 3), 8); // 2.5 × 3 = 7.5 → 8
        assert_eq!(prorate(0, 0, 2), 0);
    }

    #[test]
    fn too_few_answers_give_no_score() {
        let q = check_in();
        let answers = vec![Answer::Skipped; q.items.len()];
        for score in facet_scores(&q, &answers) {
            assert_eq!(score.score, None);
            assert!(score.band.is_none());
            assert_eq!(score.answered, 0);
        }
    }

    #[test]
    fn lowest_and_highest_answers_reach_the_lowest_and_highest_bands() {
        let q = check_in();
        let (low, high) = scale_range(&q);
        let numb = |i: &Item| if i.is_reverse() { low } else { high };
        let answers: Vec<Answer> = q.items.iter().map(|i| Answer::Value(numb(i))).collect();
        for score in facet_scores(&q, &answers) {
            assert_eq!(score.score, Some(score.range.1));
            assert_eq!(score.band_index, Some(score.facet.bands.len() - 1));
        }
        let calm = |i: &Item| if i.is_reverse() { high } else { low };
        let answers: Vec<Answer> = q.items.iter().map(|i| Answer::Value(calm(i))).collect();
        for score in facet_scores(&q, &answers) {
            assert_eq!(score.band_index, Some(0));
        }
        assert!(standing_out(&facet_scores(&q, &answers)).is_empty());
    }

    proptest! {
        #[test]
        fn every_answer_set_lands_in_exactly_one_band_per_scored_facet(
            picks in proptest::collection::vec(0usize..6, 12..=14)
        ) {
            let q = check_in();
            let answers: Vec<Answer> = q.items.iter().zip(picks.iter().cycle()).map(|(_, &p)| {
                q.scale.get(p).map_or(Answer::Skipped, |s| Answer::Value(*s.value.get_ref()))
            }).collect();
            for score in facet_scores(&q, &answers) {
                match score.score {
                    Some(s) => {
                        prop_assert!(score.range.0 <= s && s <= score.range.1);
                        let containing = score.facet.bands.iter().filter(|b| *b.from.get_ref() <= s && s <= *b.to.get_ref()).count();
                        prop_assert_eq!(containing, 1);
                        prop_assert!(score.band.is_some());
                    }
                    None => prop_assert!(score.answered < score.facet.min_answers(score.items)),
                }
            }
        }
    }
}
