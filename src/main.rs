//! The numb binary: parse arguments, run, and turn an error into a message and an exit code.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use numb::cli::{Cli, ColorWhen};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let when = cli.global.color;
    match numb::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`numb … | head`): stop quietly.
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            let env = numb::output::Environment {
                is_terminal: std::io::stderr().is_terminal(),
                ..numb::output::Environment::detect()
            };
            let color = when != ColorWhen::Never && numb::output::use_color(ColorWhen::Auto, &env);
            // stderr may be closed too; there is nowhere left to complain, so ignore that.
            let _ = writeln!(std::io::stderr(), "{}", e.report(color));
            ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(1))
        }
    }
}
