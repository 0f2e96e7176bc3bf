//! Reading a file into a [`Table`]: a workbook by its content (zip or OLE
//! signature), JSON when the text starts as JSON, delimited text
//! otherwise. The size limit is checked before anything is read.

use std::path::Path;

use super::ImportError;
use super::json::read_json;
use super::table::{MAX_IMPORT_BYTES, Table, decode, read_text, read_workbook};

/// Reads a file: a workbook by its content (zip or OLE signature), text
/// otherwise. `sheet` picks a worksheet by name (the first by default).
pub fn read_path(path: &Path, sheet: Option<&str>) -> Result<Table, ImportError> {
    let io = |e: std::io::Error| ImportError::Io {
        path: path.display().to_string(),
        reason: e.to_string(),
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            size,
            limit: MAX_IMPORT_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    read_bytes(&bytes, sheet)
}

/// Reads the bytes of a file, as [`read_path`].
pub fn read_bytes(bytes: &[u8], sheet: Option<&str>) -> Result<Table, ImportError> {
    const ZIP: &[u8] = b"PK\x03\x04";
    const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0];
    if bytes.starts_with(ZIP) || bytes.starts_with(OLE) {
        return read_workbook(bytes, sheet);
    }
    if let Some(name) = sheet {
        return Err(ImportError::NoSuchSheet {
            name: name.to_owned(),
            sheets: Vec::new(),
        });
    }
    let text = decode(bytes);
    if text.trim_start().starts_with(['{', '[']) {
        return read_json(&text);
    }
    read_text(&text)
}
