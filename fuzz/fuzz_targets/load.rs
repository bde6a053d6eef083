//! The session loader on arbitrary bytes: it must never panic, every refusal
//! must format as a message, and whatever it accepts must survive a save and
//! load back equal.
//!
//!     RUSTC_BOOTSTRAP=1 cargo fuzz run load -- -max_total_time=600

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = std::path::Path::new("fuzz.json");
    match kompas::storage::parse_bytes(path, data) {
        Ok(loaded) => {
            let bytes = serde_json::to_vec_pretty(&loaded.session).expect("a loaded session serialises");
            let again = kompas::storage::parse_bytes(path, &bytes).expect("a saved session loads back");
            assert_eq!(again.session, loaded.session);
        }
        Err(e) => {
            let message = e.to_string();
            assert!(message.starts_with("fuzz.json"), "{message}");
        }
    }
});
