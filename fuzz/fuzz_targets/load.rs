//! The loader may only ever answer Ok or a named error: any panic, hang or
//! crash is a finding. A document that loads must also save and load back
//! to the same workspace.
#![no_main]

use chartroom::core::format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match format::load(text) {
        Ok(workspace) => {
            let saved = format::save(&workspace).expect("a loaded workspace saves");
            let back = format::load(&saved).expect("a saved workspace loads");
            assert_eq!(
                back, workspace,
                "save then load gives back the same workspace"
            );
        }
        Err(e) => assert!(!e.to_string().is_empty(), "errors have a message"),
    }
});
