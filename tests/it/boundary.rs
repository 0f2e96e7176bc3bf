//! The core must not know the GUI: nothing under src/core names egui,
//! eframe or rfd (emath, the geometry crate, is allowed).

use std::path::Path;

pub(crate) fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// True when `word` occurs in `line` as a whole identifier.
fn names(line: &str, word: &str) -> bool {
    line.match_indices(word).any(|(at, _)| {
        let before = line[..at].chars().next_back();
        let after = line[at + word.len()..].chars().next();
        let ident = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        !ident(before) && !ident(after)
    })
}

#[test]
fn core_names_no_gui_crate() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core"),
        &mut files,
    );
    assert!(files.len() >= 6, "found the core's files: {files:?}");
    let mut offences = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            for gui in ["egui", "eframe", "rfd"] {
                if names(line, gui) {
                    offences.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "the core names the GUI:\n{}",
        offences.join("\n")
    );
}

#[test]
fn the_check_itself_sees_a_name() {
    assert!(names("use egui::Pos2;", "egui"));
    assert!(names("x: eframe::Frame", "eframe"));
    assert!(!names("use emath::Pos2;", "egui"));
    assert!(!names("let my_egui_thing = 1;", "egui"));
}

/// The functions of a file longer than `limit` lines: (first line, name,
/// length). rustfmt puts a function's closing brace alone on a line at the
/// indent of its `fn`, which is what this looks for.
fn long_functions(text: &str, limit: usize) -> Vec<(usize, String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let is_fn = [
            "fn ",
            "pub fn ",
            "pub(crate) fn ",
            "pub(super) fn ",
            "const fn ",
            "pub const fn ",
        ]
        .iter()
        .any(|p| trimmed.starts_with(p));
        if !is_fn || trimmed.ends_with(';') {
            continue;
        }
        let close = format!("{}}}", " ".repeat(indent));
        if let Some(end) = lines[i..].iter().position(|l| *l == close) {
            let name = trimmed[trimmed.find("fn ").unwrap_or(0)..]
                .split('(')
                .next()
                .unwrap_or(trimmed)
                .to_owned();
            if end + 1 > limit {
                found.push((i + 1, name, end + 1));
            }
        }
    }
    found
}

#[test]
fn no_file_over_500_lines_and_no_function_over_60_in_src() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut offences = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let is_tests = file.file_name().is_some_and(|n| n == "tests.rs");
        let n = text.lines().count();
        if n > 500 && !is_tests {
            offences.push(format!("{}: {n} lines", file.display()));
        }
        for (line, name, len) in long_functions(&text, 60) {
            offences.push(format!("{}:{line}: {name} is {len} lines", file.display()));
        }
    }
    assert!(offences.is_empty(), "too long:\n{}", offences.join("\n"));
}

#[test]
fn the_length_check_finds_a_long_function() {
    let body = "    let x = 1;\n".repeat(70);
    let text = format!("fn short() {{\n}}\n\npub fn long() {{\n{body}}}\n");
    assert_eq!(long_functions(&text, 60), [(4, "fn long".to_owned(), 72)]);
}
