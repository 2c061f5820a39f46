//! The built-in content, compiled in by build.rs: every file, deflated (`PACKED`, read with
//! [`files`]), the languages (`LANGUAGES`, English first) and, for each, the checked library in
//! its compact form (`LIBRARIES`; see [`super::compact`]), which is what a page reads.

use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// Every built-in content file: (path relative to `content/`, text), inflated on first use.
/// Only loading packs, `numb check` and a command line numb cannot read need them; a page of
/// built-in content reads the compact library instead. Empty only if the binary is damaged,
/// which a test rules out.
pub fn files() -> &'static [(&'static str, &'static str)] {
    static FILES: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    FILES.get_or_init(|| {
        let Ok(bytes) = miniz_oxide::inflate::decompress_to_vec_with_limit(PACKED, UNPACKED_LEN)
        else {
            return Vec::new();
        };
        let Ok(text) = String::from_utf8(bytes) else {
            return Vec::new();
        };
        let text: &'static str = Box::leak(text.into_boxed_str());
        (PATHS.iter())
            .filter_map(|&(path, start, end)| Some((path, text.get(start..end)?)))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_file_inflates_as_it_is_on_disk() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        assert_eq!(files().len(), PATHS.len());
        for (path, text) in files() {
            let on_disk = std::fs::read_to_string(root.join(path)).unwrap();
            assert_eq!(*text, on_disk, "{path}");
        }
        assert!(
            PACKED.len() * 2 < UNPACKED_LEN,
            "deflated to less than half"
        );
    }
}
