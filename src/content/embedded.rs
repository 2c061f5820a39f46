//! The built-in content, compiled in by build.rs.

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// The built-in content, checked and stored by build.rs (see [`super::compact`]).
pub static LIBRARY: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/library.bin"));
