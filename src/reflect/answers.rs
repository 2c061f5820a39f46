//! Answers given on the command line (`--answers 0,2,4`) or in a file (`--answers-file`):
//! a list in item order, or a JSON object of item id to value. Every mistake names the item
//! and the allowed values.

use crate::content::model::{Questionnaire, QuestionnaireKind};
use crate::error::Error;
use crate::reflect::scoring::Answer;
use crate::sanitize::escape_controls;

/// Words that mean "skipped" in a list of answers.
const SKIP: &[&str] = &["-", "skip", "null"];

/// The values an item of this questionnaire accepts.
pub fn allowed(q: &Questionnaire) -> Vec<u32> {
    match q.kind.get_ref() {
        QuestionnaireKind::Scale => q.scale.iter().map(|p| *p.value.get_ref()).collect(),
        QuestionnaireKind::Choose => vec![0, 1],
    }
}

fn allowed_text(q: &Questionnaire) -> String {
    let values: Vec<String> = allowed(q).iter().map(u32::to_string).collect();
    let labels: Vec<String> = match q.kind.get_ref() {
        QuestionnaireKind::Scale => q
            .scale
            .iter()
            .map(|p| format!("{} {}", p.value.get_ref(), p.label.get_ref()))
            .collect(),
        QuestionnaireKind::Choose => vec!["0 not chosen".into(), "1 chosen".into()],
    };
    format!(
        "{} ({}), or - to skip",
        values.join(", "),
        labels.join(", ")
    )
}

fn problem(q: &Questionnaire, message: String) -> Error {
    Error::Answers {
        questionnaire: q.id.get_ref().clone(),
        message,
    }
}

fn check_value(q: &Questionnaire, index: usize, value: i64) -> Result<Answer, Error> {
    let item = q.items[index].id.get_ref();
    match u32::try_from(value) {
        Ok(v) if allowed(q).contains(&v) => Ok(Answer::Value(v)),
        _ => Err(problem(
            q,
            format!(
                "item {} (`{item}`): {value} is not an answer; use {}",
                index + 1,
                allowed_text(q)
            ),
        )),
    }
}

/// Reads answers: a JSON object (`{"item-id": 2}`), a JSON array, or a list like `0,2,-,4`.
pub fn parse(q: &Questionnaire, text: &str) -> Result<Vec<Answer>, Error> {
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.starts_with('{') {
        return parse_object(q, trimmed);
    }
    let tokens: Vec<String> = if trimmed.starts_with('[') {
        let values: Vec<serde_json::Value> = serde_json::from_str(trimmed)
            .map_err(|e| problem(q, format!("the answers are not a JSON list: {e}")))?;
        values
            .iter()
            .map(|v| match v {
                serde_json::Value::Null => "-".to_string(),
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Bool(b) => u8::from(*b).to_string(),
                other => other.to_string(),
            })
            .collect()
    } else if trimmed.contains(',') {
        // With commas, an empty place between two of them is a skipped item.
        trimmed.split(',').map(|t| t.trim().to_string()).collect()
    } else {
        trimmed.split_whitespace().map(str::to_string).collect()
    };
    // A trailing comma is not an extra answer.
    let tokens: Vec<String> = match tokens.split_last() {
        Some((last, rest)) if last.is_empty() && rest.len() == q.items.len() => rest.to_vec(),
        _ => tokens,
    };
    if tokens.len() != q.items.len() {
        return Err(problem(
            q,
            format!(
                "`{}` has {} items, so it needs {} answers in item order ({}); got {}",
                q.id.get_ref(),
                q.items.len(),
                q.items.len(),
                skip_hint(q),
                tokens.len()
            ),
        ));
    }
    tokens
        .iter()
        .enumerate()
        .map(|(i, token)| {
            if token.is_empty() || SKIP.contains(&token.to_lowercase().as_str()) {
                return Ok(Answer::Skipped);
            }
            let value: i64 = token.parse().map_err(|_| {
                let item = q.items[i].id.get_ref();
                problem(
                    q,
                    format!(
                        "item {} (`{item}`): `{}` is not an answer; use {}",
                        i + 1,
                        shown(token),
                        allowed_text(q)
                    ),
                )
            })?;
            check_value(q, i, value)
        })
        .collect()
}

/// User input as it may appear in a message: control characters escaped, kept short.
fn shown(text: &str) -> String {
    let text = escape_controls(text);
    if text.chars().count() > 40 {
        text.chars().take(39).chain(['…']).collect()
    } else {
        text
    }
}

fn skip_hint(q: &Questionnaire) -> &'static str {
    match q.kind.get_ref() {
        QuestionnaireKind::Scale => "use - or leave a place empty to skip one",
        QuestionnaireKind::Choose => "1 to pick an option, 0 to leave it",
    }
}

fn parse_object(q: &Questionnaire, text: &str) -> Result<Vec<Answer>, Error> {
    let object: serde_json::Map<String, serde_json::Value> = serde_json::from_str(text)
        .map_err(|e| problem(q, format!("the answers are not a JSON object: {e}")))?;
    let mut answers = vec![Answer::Skipped; q.items.len()];
    for (key, value) in &object {
        let Some(index) = q.items.iter().position(|i| i.id.get_ref() == key) else {
            let ids: Vec<&str> = q.items.iter().map(|i| i.id.get_ref().as_str()).collect();
            return Err(problem(
                q,
                format!(
                    "`{}` has no item `{}`; its items are: {}",
                    q.id.get_ref(),
                    shown(key),
                    ids.join(", ")
                ),
            ));
        };
        answers[index] = match value {
            serde_json::Value::Null => Answer::Skipped,
            serde_json::Value::Number(n) if n.as_i64().is_some() => {
                check_value(q, index, n.as_i64().unwrap_or(-1))?
            }
            serde_json::Value::Bool(picked) if *q.kind.get_ref() == QuestionnaireKind::Choose => {
                Answer::Value(u32::from(*picked))
            }
            serde_json::Value::String(s) if SKIP.contains(&s.as_str()) => Answer::Skipped,
            other => {
                return Err(problem(
                    q,
                    format!(
                        "item `{key}`: {} is not an answer; use {}",
                        shown(&other.to_string()),
                        allowed_text(q)
                    ),
                ));
            }
        };
    }
    Ok(answers)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_in() -> Questionnaire {
        crate::reflect::built_in("check-in")
    }

    #[test]
    fn lists_arrays_and_objects_read_the_same() {
        let q = check_in();
        let n = q.items.len();
        let list = (0..n)
            .map(|i| {
                if i == 1 {
                    "-".to_string()
                } else {
                    (i % 5).to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(",");
        let from_list = parse(&q, &list).unwrap();
        assert_eq!(from_list[1], Answer::Skipped);
        assert_eq!(from_list[2], Answer::Value(2));
        let array = format!("[{}]", list.replace('-', "null"));
        assert_eq!(parse(&q, &array).unwrap(), from_list);
        let object = format!("{{\"{}\": 3}}", q.items[0].id.get_ref());
        let answers = parse(&q, &object).unwrap();
        assert_eq!(answers[0], Answer::Value(3));
        assert!(answers[1..].iter().all(|a| *a == Answer::Skipped));
    }

    #[test]
    fn mistakes_name_the_item_and_the_allowed_values() {
        let q = check_in();
        let n = q.items.len();
        let short = parse(&q, "1,2").unwrap_err().to_string();
        assert!(
            short.contains(&format!("needs {n} answers")) && short.ends_with("got 2"),
            "{short}"
        );
        let mut values = vec!["0"; n];
        values[2] = "7";
        let bad = parse(&q, &values.join(",")).unwrap_err().to_string();
        assert!(
            bad.contains(&format!("item 3 (`{}`)", q.items[2].id.get_ref())),
            "{bad}"
        );
        assert!(bad.contains("0, 1, 2, 3, 4"), "{bad}");
        let unknown = parse(&q, r#"{"no-such-item": 1}"#).unwrap_err().to_string();
        assert!(unknown.contains("has no item `no-such-item`"), "{unknown}");
        assert!(
            parse(&q, r#"{"x": "#)
                .unwrap_err()
                .to_string()
                .contains("not a JSON object")
        );
        values[2] = "often";
        assert!(
            parse(&q, &values.join(","))
                .unwrap_err()
                .to_string()
                .contains("`often` is not an answer")
        );
    }
}
