//! The core must not know the GUI: nothing under src/core names egui,
//! eframe or rfd (emath, the geometry crate, is allowed).

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
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
