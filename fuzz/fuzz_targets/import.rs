//! The importer may only ever import or refuse with a named error: any
//! panic, hang or crash is a finding. Bytes are read as the file they look
//! like (a workbook by its signature, JSON, CSV or TSV text); whenever a
//! chart is imported, the Chartroom file made from it must load.
#![no_main]

use chartroom::core::format;
use chartroom::core::import::{self, Choices};
use chartroom::core::workspace::{ModelId, Workspace};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let table = match import::read_bytes(data, None) {
        Ok(table) => table,
        Err(e) => return assert!(!e.to_string().is_empty(), "errors have a message"),
    };
    let Ok(choices) = Choices::from_args(&table, &[]) else {
        return;
    };
    let Ok(imported) = choices.import(&table) else {
        return;
    };
    let _ = imported.summary();
    let model = imported.into_model(ModelId::new("imported"), "Imported".to_owned(), "fuzz");
    let saved = format::save(&Workspace::new(vec![model])).expect("an import saves");
    if let Err(e) = format::load(&saved) {
        panic!("an import wrote a file Chartroom refuses: {e}");
    }
});
