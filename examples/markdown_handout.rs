//! Uses numb as a library: loads the built-in content (and any content packs named after the
//! topic) and prints one topic as a Markdown handout.
//!
//!     cargo run --example markdown_handout -- reconnection > reconnection.md
//!     cargo run --example markdown_handout -- sleep examples/custom-pack > sleep.md

// An example is a short script: it stops at the first failure and prints what it shows.
#![allow(clippy::unwrap_used, clippy::print_stdout)]

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let name = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "origins".to_string());
    let packs: Vec<std::path::PathBuf> = std::env::args_os().skip(2).map(Into::into).collect();
    let library = match numb::content::load(&packs) {
        Ok(library) => library,
        Err(e) => {
            eprintln!("{}", e.report(false));
            return ExitCode::from(65);
        }
    };
    let Some(topic) = library.topic(&name) else {
        let ids: Vec<&str> = library
            .topics
            .iter()
            .map(|t| t.id.get_ref().as_str())
            .collect();
        eprintln!("error: no topic `{name}`; try one of: {}", ids.join(", "));
        return ExitCode::from(2);
    };
    let mut out = std::io::stdout().lock();
    match numb::render::markdown::topic_file(&mut out, &library, topic).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write output: {e}");
            ExitCode::from(74)
        }
    }
}
