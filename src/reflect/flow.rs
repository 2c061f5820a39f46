//! Going through a questionnaire one item at a time, with skip, back and quit, behind a
//! `Prompter` so the same flow runs from dialoguer and from tests.

use crate::content::model::{Questionnaire, QuestionnaireKind};
use crate::error::Error;
use crate::reflect::scoring::Answer;

/// What the person did at one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Answered (or skipped) and moved on.
    Answer(Answer),
    /// Went back to the item before.
    Back,
    /// Stopped; nothing is kept.
    Quit,
}

/// Asks the questions: dialoguer in a terminal, a script in tests.
pub trait Prompter {
    /// Shows the introduction; `false` means the person chose not to start.
    fn begin(&mut self, q: &Questionnaire) -> Result<bool, Error>;
    /// Asks item `index` of a scale questionnaire; `previous` is its earlier answer, if any.
    fn ask(
        &mut self,
        q: &Questionnaire,
        index: usize,
        previous: Option<Answer>,
    ) -> Result<Step, Error>;
    /// Asks which options of a choose questionnaire to pick; `None` means quit.
    fn choose(&mut self, q: &Questionnaire) -> Result<Option<Vec<bool>>, Error>;
    /// Asks before stopping, when `answered` answers would be thrown away; `false` goes back
    /// to the question.
    fn confirm_stop(&mut self, answered: usize) -> Result<bool, Error>;
}

/// Runs the questionnaire. `Ok(None)` means the person quit: nothing is kept or written.
pub fn run(q: &Questionnaire, prompter: &mut dyn Prompter) -> Result<Option<Vec<Answer>>, Error> {
    if !prompter.begin(q)? {
        return Ok(None);
    }
    if *q.kind.get_ref() == QuestionnaireKind::Choose {
        return Ok(prompter.choose(q)?.map(|picked| {
            picked
                .into_iter()
                .map(|p| Answer::Value(u32::from(p)))
                .collect()
        }));
    }
    let mut answers: Vec<Option<Answer>> = vec![None; q.items.len()];
    let mut index = 0;
    while index < q.items.len() {
        match prompter.ask(q, index, answers[index])? {
            Step::Answer(answer) => {
                answers[index] = Some(answer);
                index += 1;
            }
            Step::Back => index = index.saturating_sub(1),
            Step::Quit => {
                // Answers would be thrown away: ask first, and stay on the question on no.
                let answered = answers
                    .iter()
                    .filter(|a| matches!(a, Some(Answer::Value(_))))
                    .count();
                if answered == 0 || prompter.confirm_stop(answered)? {
                    return Ok(None);
                }
            }
        }
    }
    Ok(Some(
        answers
            .into_iter()
            .map(|a| a.unwrap_or(Answer::Skipped))
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load;

    /// Plays back a fixed list of steps and records what it was asked.
    struct Script {
        steps: Vec<Step>,
        asked: Vec<(usize, Option<Answer>)>,
        /// The answers to "stop and discard?", in order; asked with the count.
        stops: Vec<bool>,
        stop_asked: Vec<usize>,
    }

    impl Prompter for Script {
        fn begin(&mut self, _: &Questionnaire) -> Result<bool, Error> {
            Ok(true)
        }
        fn ask(
            &mut self,
            _: &Questionnaire,
            index: usize,
            previous: Option<Answer>,
        ) -> Result<Step, Error> {
            self.asked.push((index, previous));
            Ok(if self.steps.is_empty() {
                Step::Answer(Answer::Value(0))
            } else {
                self.steps.remove(0)
            })
        }
        fn choose(&mut self, q: &Questionnaire) -> Result<Option<Vec<bool>>, Error> {
            Ok(Some(
                q.items
                    .iter()
                    .enumerate()
                    .map(|(i, _)| i % 2 == 0)
                    .collect(),
            ))
        }
        fn confirm_stop(&mut self, answered: usize) -> Result<bool, Error> {
            self.stop_asked.push(answered);
            Ok(self.stops.remove(0))
        }
    }

    fn check_in() -> Questionnaire {
        crate::reflect::built_in("check-in")
    }

    #[test]
    fn skip_back_and_change_an_answer() {
        let q = check_in();
        let mut script = Script {
            steps: vec![
                Step::Answer(Answer::Value(3)),
                Step::Answer(Answer::Skipped),
                Step::Back,
                Step::Answer(Answer::Value(1)),
            ],
            asked: vec![],
            stops: vec![],
            stop_asked: vec![],
        };
        let answers = run(&q, &mut script).unwrap().unwrap();
        assert_eq!(answers[0], Answer::Value(3));
        assert_eq!(answers[1], Answer::Value(1), "the changed answer wins");
        assert_eq!(
            script.asked[3],
            (1, Some(Answer::Skipped)),
            "going back shows the earlier answer"
        );
        assert_eq!(answers.len(), q.items.len());
    }

    #[test]
    fn back_on_the_first_item_stays_there_and_quit_keeps_nothing() {
        let q = check_in();
        let mut script = Script {
            steps: vec![Step::Back, Step::Answer(Answer::Value(2)), Step::Quit],
            asked: vec![],
            stops: vec![true],
            stop_asked: vec![],
        };
        assert_eq!(run(&q, &mut script).unwrap(), None);
        assert_eq!(script.asked[0].0, 0);
        assert_eq!(script.asked[1].0, 0);
        assert_eq!(script.asked[2].0, 1);
        assert_eq!(
            script.stop_asked,
            [1],
            "asked once, with one answer to lose"
        );
    }

    #[test]
    fn stopping_asks_first_once_answers_exist_and_no_goes_back() {
        let q = check_in();
        let script = |steps, stops| Script {
            steps,
            asked: vec![],
            stops,
            stop_asked: vec![],
        };
        // Only a skip: nothing to lose, no question.
        let mut s = script(vec![Step::Answer(Answer::Skipped), Step::Quit], vec![]);
        assert_eq!(run(&q, &mut s).unwrap(), None);
        assert!(s.stop_asked.is_empty());
        let steps = vec![Step::Answer(Answer::Value(1)), Step::Quit, Step::Quit];
        let mut s = script(steps, vec![false, true]);
        assert_eq!(run(&q, &mut s).unwrap(), None);
        assert_eq!(s.stop_asked, [1, 1]);
        let at: Vec<usize> = s.asked.iter().map(|a| a.0).collect();
        assert_eq!(at, [0, 1, 1], "no goes back to the same question");
    }

    #[test]
    fn choose_questionnaires_record_picks_as_one_and_zero() {
        let library = load(&[]).unwrap();
        let q = library.questionnaire("reconnection-plan").unwrap();
        let answers = run(
            q,
            &mut Script {
                steps: vec![],
                asked: vec![],
                stops: vec![],
                stop_asked: vec![],
            },
        )
        .unwrap()
        .unwrap();
        assert_eq!(answers[0], Answer::Value(1));
        assert_eq!(answers[1], Answer::Value(0));
    }
}
