//! `numb` with no subcommand: what numb is and is not, where to start, the support line.

use std::io::Write;

use crate::content::Library;
use crate::error::Error;
use crate::render::{Look, terminal};

/// Prints the welcome screen.
pub fn run<W: Write>(out: &mut W, library: &Library, look: Look) -> Result<(), Error> {
    terminal::welcome(out, library, look).map_err(Error::Write)?;
    Ok(())
}
