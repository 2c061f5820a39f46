//! The built-in content, compiled in by build.rs.

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
