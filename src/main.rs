//! The numb binary: parse arguments, run, and turn an error into a message and an exit code.
//!
//! On Linux with glibc numb starts without Rust's runtime set-up (`no_main`, see [`start`]):
//! it reads `/proc/self/maps` and sets up a signal stack to report a stack overflow, which is
//! a tenth of a millisecond, a twelfth of a page's whole run.
#![cfg_attr(all(target_os = "linux", target_env = "gnu"), no_main)]

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
use std::process::ExitCode;

use numb::cli::{Cli, ColorWhen};
use numb::output::{Environment, use_color};

/// The release build aborts on a panic instead of unwinding (a smaller binary), so this hook
/// is where a panic ends: the cursor is shown again, the person reads one calm line, and numb
/// exits with a code of its own. It never returns, so no abort message follows.
#[allow(
    clippy::exit,
    reason = "a panic hook cannot return an exit code to main"
)]
fn on_panic(info: &std::panic::PanicHookInfo<'_>) {
    // A practice may have turned off the terminal's echo: put it back.
    numb::prompt::restore_terminal();
    let mut err = io::stderr();
    if err.is_terminal() {
        let _ = write!(err, "\x1b[?25h");
    }
    // A prompt panics in dialoguer when the terminal shrinks mid-question: say so calmly.
    if numb::prompt::PROMPTING.load(std::sync::atomic::Ordering::SeqCst) {
        let e = numb::prompt::too_small();
        let _ = writeln!(err, "{}", e.report(false));
        std::process::exit(e.exit_code());
    }
    let _ = writeln!(
        err,
        "error: numb stopped unexpectedly ({info}); nothing was saved. Please report this.\n\n{}",
        numb::error::SUPPORT_LINE
    );
    // 101 is what an unwinding Rust program exits with after a panic.
    std::process::exit(101);
}

/// Where numb starts on Linux with glibc: C's `main`, called by the C library, instead of
/// Rust's. Rust's start-up would read `/proc/self/maps` (to find the main thread's stack) and
/// map a signal stack, to say "thread main has overflowed its stack" instead of crashing
/// quietly; numb has no deep recursion, and that costs a tenth of a millisecond on every run.
/// The two parts of the set-up numb relies on are done here, as std does them:
/// - a standard stream that is closed (`numb >&-`) is opened on /dev/null: else the first file
///   numb opens (a saved reflection) would take its number, and words meant for the screen
///   would be written into it;
/// - SIGPIPE is ignored, so a closed pipe (`numb … | head`) is an error numb can end quietly
///   on (exit 0), not a signal that kills it mid-write. Programs numb starts (the pager) get
///   the default back: std resets it in a child.
///
/// glibc hands the arguments to std before `main` runs (std reads them in an `.init_array`
/// function), so `std::env::args_os` is as it always is. Leaving through
/// `std::process::exit` flushes stdout, as returning from Rust's `main` does.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod start {
    #[allow(
        unsafe_code,
        reason = "C's main is an unmangled symbol; libc calls set up the standard streams and SIGPIPE as Rust's start-up does"
    )]
    #[unsafe(no_mangle)]
    extern "C" fn main(_argc: libc::c_int, _argv: *const *const libc::c_char) -> libc::c_int {
        for fd in 0..3 {
            // SAFETY: fcntl on a number only asks whether it is open; open and signal take
            // a NUL-terminated path and constants. Nothing else runs yet: no threads, no
            // Rust handles to these descriptors.
            unsafe {
                if libc::fcntl(fd, libc::F_GETFD) == -1
                    && std::io::Error::last_os_error().raw_os_error() == Some(libc::EBADF)
                    && libc::open(c"/dev/null".as_ptr(), libc::O_RDWR, 0) == -1
                {
                    // As std does: without its standard streams numb cannot run safely.
                    libc::abort();
                }
            }
        }
        // SAFETY: as above.
        unsafe {
            libc::signal(libc::SIGPIPE, libc::SIG_IGN);
        }
        #[allow(
            clippy::exit,
            reason = "C's main ends through exit, which flushes stdout as Rust's main would"
        )]
        std::process::exit(i32::from(super::numb_main()))
    }
}

/// Rust's `main`, where numb does not start on its own (see [`start`]).
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn main() -> ExitCode {
    ExitCode::from(numb_main())
}

/// Reads the command line, runs it, reports a problem; the exit code.
fn numb_main() -> u8 {
    std::panic::set_hook(Box::new(on_panic));
    let args: Vec<OsString> = std::env::args_os().collect();
    let when = color_flag(&args);
    // clap's help and errors follow the same colour decision as numb's own output.
    anstream::ColorChoice::write_global(match when {
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    });
    let cli = match Cli::try_read_from(&args) {
        Ok(cli) => cli,
        Err(e) => {
            // Words of crisis are met with help, even in a command line numb cannot read.
            if e.exit_code() != 0
                && let Some(answered) = numb::answer_words_of_crisis(&args, when, None)
            {
                return ended(answered);
            }
            // `numb support` with something numb cannot read after it still shows the lines,
            // then says what it could not read (without pointing to the page just shown).
            if e.exit_code() == 2
                && let Some(shown) = numb::support_despite(&args, when)
            {
                if let Err(problem) = shown
                    && !problem.is_broken_pipe()
                {
                    let _ = writeln!(io::stderr(), "{}", problem.report(false));
                }
                return match e.print() {
                    Ok(()) => 2,
                    Err(io) => write_failed(&io),
                };
            }
            // --help and --version land here too, with exit code 0.
            let code = e.exit_code();
            return match e.print() {
                Ok(()) => {
                    // A command line numb cannot read may be someone reaching out in their
                    // own words: help is one step away here too.
                    if code != 0 {
                        let _ = writeln!(io::stderr(), "\n{}", numb::error::SUPPORT_LINE);
                    }
                    u8::try_from(code).unwrap_or(2)
                }
                Err(io) => write_failed(&io),
            };
        }
    };
    let width = cli.global.width;
    // `numb support` reports a problem (a language or country it does not know) after its
    // lines: pointing to them again would only repeat the page.
    let shows_lines = matches!(cli.command, Some(numb::cli::Command::Support(_)));
    match numb::run(cli) {
        Ok(()) => 0,
        // A command line numb read but could not carry out (`--lang fr`, a language it does
        // not have) never stands between words of crisis in it and help.
        Err(e)
            if e.exit_code() == 2
                && !shows_lines
                && let Some(answered) = numb::answer_words_of_crisis(&args, when, width) =>
        {
            ended(answered)
        }
        // The reader went away (`numb … | head`): stop quietly.
        Err(e) if e.is_broken_pipe() => 0,
        // Ctrl-C at a question: choosing to stop is not an error. One calm line, the same
        // one the Ctrl-C handler says when it is the one that sees the key (never both).
        Err(e @ numb::Error::Interrupted) => {
            numb::prompt::say_stopped(&e.to_string());
            u8::try_from(e.exit_code()).unwrap_or(130)
        }
        Err(e) => {
            let env = Environment {
                is_terminal: io::stderr().is_terminal(),
                ..Environment::detect()
            };
            let mut report = e.report(use_color(when, &env));
            // Help is one step away from every way numb can end: a usage error, answers it
            // cannot read, a stop, a file it cannot create. Not under problems in content
            // files (for their authors, ending in a count), after a write that failed (one
            // line, DESIGN.md), or under a problem `numb support` reports after its lines.
            let pointed = report.contains(numb::error::SUPPORT_LINE)
                || matches!(
                    e,
                    numb::Error::Content(_) | numb::Error::Checked { .. } | numb::Error::Write(_)
                )
                || shows_lines;
            if !pointed {
                report.push_str("\n\n");
                report.push_str(numb::error::SUPPORT_LINE);
            }
            // stderr may be closed too; there is nowhere left to complain, so ignore that.
            let _ = writeln!(io::stderr(), "{report}");
            u8::try_from(e.exit_code()).unwrap_or(1)
        }
    }
}

/// How answering words of crisis ended: a closed pipe is fine, an error is reported plainly.
fn ended(answered: Result<(), numb::Error>) -> u8 {
    match answered {
        Ok(()) => 0,
        Err(e) if e.is_broken_pipe() => 0,
        Err(e) => {
            let _ = writeln!(io::stderr(), "{}", e.report(false));
            u8::try_from(e.exit_code()).unwrap_or(1)
        }
    }
}

/// Writing clap's help or error failed: a closed pipe is fine, anything else is exit 74.
fn write_failed(e: &io::Error) -> u8 {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return 0;
    }
    let _ = writeln!(
        io::stderr(),
        "error: cannot write output: {}",
        numb::error::describe(e)
    );
    74
}

/// The `--color` value, read before clap runs so its own output can follow it.
fn color_flag(args: &[OsString]) -> ColorWhen {
    let mut when = ColorWhen::Auto;
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        let value = match arg.as_ref() {
            "--" => break,
            "--color" => args.next().map(|v| v.into_owned()),
            other => other.strip_prefix("--color=").map(str::to_string),
        };
        match value.as_deref() {
            Some("always") => when = ColorWhen::Always,
            Some("never") => when = ColorWhen::Never,
            Some("auto") => when = ColorWhen::Auto,
            _ => {}
        }
    }
    when
}
