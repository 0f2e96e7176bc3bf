//! An HR export as a plain table of text cells: CSV and TSV
//! (through the `csv` crate, delimiter detected), UTF-8 with or without a
//! BOM, UTF-16 with a BOM, Windows-1252 as Excel's "CSV" writes it on
//! Windows; XLSX, XLS and ODS workbooks through `calamine`.

use std::fmt::Write;
use std::io::Cursor;

use calamine::Reader;

use super::ImportError;

/// Files larger than this are refused before they are read.
pub const MAX_IMPORT_BYTES: u64 = 256 * 1024 * 1024;

/// One data row: its number as the user sees it (the header is row 1 in a
/// spreadsheet; for text files, the line the row starts on) and its cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// Row (or line) number, 1-based, as shown by a spreadsheet or editor.
    pub number: usize,
    /// The cells, trimmed; may be fewer or more than the headers.
    pub cells: Vec<String>,
}

impl Row {
    /// The cell in `column`, or "" past the end of a short row.
    pub fn cell(&self, column: usize) -> &str {
        self.cells.get(column).map_or("", String::as_str)
    }

    /// True when every cell is empty.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(String::is_empty)
    }
}

/// A sheet of text: the header row and the rows under it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// The column headings, trimmed.
    pub headers: Vec<String>,
    /// The data rows, in file order (blank ones kept, to be reported).
    pub rows: Vec<Row>,
    /// What was read: "CSV (comma)", "sheet \"People\"", ...
    pub source: String,
    /// The workbook's sheets (none for text); `source` names the one read.
    pub sheets: Vec<String>,
}

/// The text of the file: UTF-16 or UTF-8 by its BOM, UTF-8 when it is
/// valid, Windows-1252 (Excel's "CSV" on Windows) when it is not.
pub fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return text.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

/// The delimiter of the header line: the most frequent of pipe, tab,
/// semicolon and comma outside quotes (comma when none is there, and on a
/// tie).
pub fn detect_delimiter(text: &str) -> u8 {
    const DELIMITERS: [u8; 4] = [b'|', b'\t', b';', b','];
    let mut counts = [0usize; 4];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => break,
            _ if !quoted => {
                if let Some(i) = DELIMITERS.iter().position(|&d| char::from(d) == c) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    let best = (0..4).max_by_key(|&i| (counts[i], i)).unwrap_or(3);
    if counts[best] == 0 {
        b','
    } else {
        DELIMITERS[best]
    }
}

fn delimiter_name(d: u8) -> &'static str {
    match d {
        b'\t' => "tab",
        b';' => "semicolon",
        b'|' => "pipe",
        _ => "comma",
    }
}

/// Excel's hint on a CSV file's first line, `sep=;`: the delimiter, and
/// the text after that line.
fn separator_hint(text: &str) -> Option<(u8, &str)> {
    let (first, rest) = text.split_once('\n')?;
    let hint = first.trim_end_matches('\r').strip_prefix("sep=")?;
    match hint.as_bytes() {
        [d] => Some((*d, rest)),
        _ => None,
    }
}

/// Reads delimited text (the header found as [`take_header`] says).
pub fn read_text(text: &str) -> Result<Table, ImportError> {
    let hint = separator_hint(text);
    // Row numbers count the hint's line, as an editor shows the file.
    let skipped = usize::from(hint.is_some());
    let (delimiter, text) = hint.unwrap_or_else(|| (detect_delimiter(text), text));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut table = Table {
        source: format!("CSV ({})", delimiter_name(delimiter)),
        ..Table::default()
    };
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                return Err(ImportError::BadText {
                    line,
                    reason: e.to_string(),
                });
            }
        }
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_owned()).collect();
        let number = record.position().map_or(0, |p| p.line() as usize) + skipped;
        table.rows.push(Row { number, cells });
    }
    take_header(&mut table);
    Ok(table)
}

/// How many rows from the top the header row is looked for in.
const HEADER_WITHIN: usize = 20;

/// Takes the header row out of the rows: the first row, unless a row
/// among the first [`HEADER_WITHIN`] has more cells that are a field's
/// header exactly (two at least), else the first row that is not blank. Rows above it
/// (a title, a date, a blank line) are dropped, and `source` says where
/// the header was.
fn take_header(table: &mut Table) {
    let recognised = |row: &Row| super::columns::header_count(&row.cells);
    let top = table.rows.len().min(HEADER_WITHIN);
    let first = table.rows.first().map_or(0, recognised);
    let best = (0..top)
        .map(|i| (recognised(&table.rows[i]), i))
        .max_by_key(|&(score, i)| (score, usize::MAX - i))
        .filter(|&(score, _)| score >= 2 && score > first)
        .map(|(_, i)| i);
    let Some(at) = best.or_else(|| table.rows.iter().position(|r| !r.is_blank())) else {
        table.rows.clear();
        return;
    };
    // The rows under the header, moved once; the header and what is above
    // it stay behind and go.
    let mut above = std::mem::take(&mut table.rows);
    table.rows = above.split_off(at + 1);
    let header = above
        .pop()
        .unwrap_or_else(|| unreachable!("row {at} exists"));
    if at > 0 {
        let _ = write!(table.source, ", header on row {}", header.number);
    }
    table.headers = header.cells;
}

/// Reads one worksheet of an XLSX, XLSB, XLS or ODS workbook.
pub(super) fn read_workbook(bytes: &[u8], sheet: Option<&str>) -> Result<Table, ImportError> {
    let bad = |e: &dyn std::fmt::Display| ImportError::BadWorkbook(e.to_string());
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| bad(&e))?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.eq_ignore_ascii_case(wanted))
            .cloned()
            .ok_or_else(|| ImportError::NoSuchSheet {
                name: wanted.to_owned(),
                sheets: names.clone(),
            })?,
        None => names.first().cloned().ok_or(ImportError::Empty)?,
    };
    let range = book.worksheet_range(&name).map_err(|e| bad(&e))?;
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    let first_col = range.start().map_or(0, |(_, col)| col as usize);
    let mut table = Table {
        source: format!("sheet \"{name}\""),
        sheets: names,
        ..Table::default()
    };
    for (i, cells) in range.rows().enumerate() {
        // Columns left of the used range are empty, and stay so here.
        let mut texts = vec![String::new(); first_col];
        texts.extend(cells.iter().map(|c| c.to_string().trim().to_owned()));
        let number = first_row + i + 1;
        table.rows.push(Row {
            number,
            cells: texts,
        });
    }
    take_header(&mut table);
    Ok(table)
}
