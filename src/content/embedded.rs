//! The built-in content, compiled in by build.rs: every file (`FILES`), the languages
//! (`LANGUAGES`, English first) and, for each, the checked library in its compact form
//! (`LIBRARIES`; see [`super::compact`]).

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
