//! `numb::fuzzing::markup` on arbitrary bytes.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| numb::fuzzing::markup(data));
