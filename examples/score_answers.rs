//! Uses numb as a library: scores a questionnaire's answers and prints each facet's total and
//! band, the way a script or another tool might. Content packs can be added after the answers.
//!
//!     cargo run --example score_answers -- check-in 4,4,3,2,-,1,0,0,4,3,2,1
//!     cargo run --example score_answers -- rest-check 0,1,2,3,4,0 examples/custom-pack

// An example is a short script: it stops at the first failure and prints what it shows.
#![allow(clippy::unwrap_used, clippy::print_stdout)]

use std::path::PathBuf;
use std::process::ExitCode;

use numb::reflect::{answers, scoring};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [id, list, packs @ ..] = args.as_slice() else {
        eprintln!("usage: score_answers QUESTIONNAIRE ANSWERS [PACK…]   e.g. check-in 0,1,2,-,4,…");
        return ExitCode::from(2);
    };
    let packs: Vec<PathBuf> = packs.iter().map(PathBuf::from).collect();
    let library = match numb::content::load(&packs) {
        Ok(library) => library,
        Err(e) => {
            eprintln!("{}", e.report(false));
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(1));
        }
    };
    let Some(q) = library.questionnaire(id) else {
        eprintln!("error: no questionnaire `{id}`");
        return ExitCode::from(2);
    };
    // The same reader `numb reflect --answers` uses: a list, a JSON list or a JSON object.
    let given = match answers::parse(q, list) {
        Ok(given) => given,
        Err(e) => {
            eprintln!("{}", e.report(false));
            return ExitCode::from(65);
        }
    };
    for score in scoring::facet_scores(q, &given) {
        let (min, max) = score.range;
        match (score.score, score.band) {
            (Some(total), Some(band)) => println!(
                "{}: {total} ({min} to {max}), {}",
                score.facet.name.get_ref(),
                band.label.get_ref()
            ),
            _ => println!(
                "{}: too few answers ({} of {})",
                score.facet.name.get_ref(),
                score.answered,
                score.items
            ),
        }
    }
    println!("{}", library.app.reflect_labels.not_a_diagnosis.get_ref());
    ExitCode::SUCCESS
}
