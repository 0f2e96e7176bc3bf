//! Every way a file can be bad has a fixture and the exact message a user
//! sees; none panics, and the app keeps the open workspace.

use std::path::PathBuf;

use crate::common::{chartroom, harness, preset_app, text};
use chartroom::core::format::{self, MAX_MODELS, MAX_TEXT_CHARS};
use egui::{Key, Modifiers};

const EXPECTED: [(&str, &str); 26] = [
    (
        "bad-raci-letter.json",
        "the document's structure is wrong: responsibility \"cloud\" has RACI letter \"X\"; use R, A, C or I (line 6, column 108)",
    ),
    (
        "cycle.json",
        "model \"m\": direct reporting lines form a cycle: cio reports to cto, cto reports to ciso, ciso reports to cio",
    ),
    (
        "dangling-manager.json",
        "model \"m\": leader \"cio\" reports to \"cfo\", which is not a leader of this model",
    ),
    (
        "dotted-dangling.json",
        "model \"m\": a dotted line names \"ghost\", which is not a leader of this model",
    ),
    (
        "dotted-doubles-direct.json",
        "model \"m\": the dotted line from \"ceo\" to \"cio\" is also a direct line",
    ),
    (
        "duplicate-leader.json",
        "model \"m\": two leaders have the id \"ceo\"",
    ),
    ("duplicate-model.json", "two models have the id \"m\""),
    (
        "empty-id.json",
        "model \"m\": a leader's id \"\" is empty; ids must be non-empty, with no spaces around them",
    ),
    ("empty.json", "the file is empty"),
    (
        "leaders-object.json",
        "the document's structure is wrong: \"leaders\" should be a list ([...]), but it is an object ({...}) (line 5, column 41)",
    ),
    (
        "missing-name.json",
        "the document's structure is wrong: leader \"ceo\" has no \"name\" (line 6, column 31)",
    ),
    (
        "name-not-text.json",
        "the document's structure is wrong: \"name\" should be text in quotes, but it is the number 42 (line 5, column 81)",
    ),
    (
        "nan-position.json",
        "not valid JSON: expected value (line 6, column 57)",
    ),
    (
        "newer-version.json",
        "made by a newer Chartroom: the file is version 99, this build reads up to version 6",
    ),
    ("no-models.json", "the document holds no model"),
    (
        "non-finite-position.json",
        "the document's structure is wrong: a number is too large for Chartroom to hold (line 6, column 60)",
    ),
    (
        "not-chartroom.json",
        "not a Chartroom document: it has no \"format\": \"chartroom\" field",
    ),
    (
        "not-utf8.json",
        "{path} is not text: invalid UTF-8 at byte 0",
    ),
    (
        "second-manager.json",
        // The end of the leader that names two managers (the leader is read
        // straight from the file, not buffered first).
        "the document's structure is wrong: the field \"manager\" is given twice (line 7, column 76)",
    ),
    (
        "self-manager.json",
        "model \"m\": direct reporting lines form a cycle: cio reports to cio",
    ),
    (
        "spaced-id.json",
        "model \"m\": a leader's id \" ceo\" has spaces around it; ids must be non-empty, with no spaces around them",
    ),
    (
        "storyboard-dangling-focus.json",
        "storyboard scene 2: model \"m\" has no leader \"cfo\" to focus on",
    ),
    (
        "syntax-trailing-comma.json",
        "not valid JSON: trailing comma (line 5, column 1)",
    ),
    (
        "unknown-role.json",
        "the document's structure is wrong: role \"Boss\" is not one of CEO, CIO, CTO, CISO, CDO, CDIO, VP, Other (line 6, column 31)",
    ),
    (
        "version-fraction.json",
        "the document's structure is wrong: \"version\" should be a whole number, 0 or more, but it is the number 2.5 (line 3, column 16)",
    ),
    (
        "version-too-big.json",
        "the document's structure is wrong: \"version\" should be a whole number, 0 or more, but it is the number 1.8446744073709552e+19 (line 3, column 33)",
    ),
];

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/invalid")
        .join(name)
}

fn expected(name: &str, message: &str) -> String {
    message.replace("{path}", &fixture(name).display().to_string())
}

#[test]
fn every_fixture_fails_with_its_message() {
    let mut names: Vec<String> = std::fs::read_dir(fixture(""))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let listed: Vec<&str> = EXPECTED.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, listed, "every fixture has an expected message");
    for (name, message) in EXPECTED {
        let err = format::load_path(&fixture(name)).expect_err(name);
        assert_eq!(err.to_string(), expected(name, message), "{name}");
    }
}

#[test]
fn chartroom_check_refuses_every_fixture_with_its_message() {
    for (name, message) in EXPECTED {
        let path = fixture(name);
        let out = chartroom(&["check", path.to_str().unwrap()]);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert_eq!(
            err.trim_end(),
            format!("chartroom: {}: {}", path.display(), expected(name, message)),
            "{name}"
        );
        // The JSON report says the same, and never that the file is valid.
        let out = chartroom(&["check", path.to_str().unwrap(), "--json"]);
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(report["valid"], false, "{name}");
        assert_eq!(report["error"], expected(name, message), "{name}");
    }
}

#[test]
fn the_app_shows_each_message_and_keeps_the_workspace() {
    let (app, answers) = preset_app();
    let mut h = harness(app);
    let before = h.state().editor().workspace().clone();
    for (name, message) in EXPECTED {
        *answers.open.borrow_mut() = Some(fixture(name));
        h.key_press_modifiers(Modifiers::COMMAND, Key::O);
        h.run();
        let status = h.state().status().expect("a message").text.clone();
        assert_eq!(
            status,
            format!(
                "Could not open {}: {}",
                fixture(name).display(),
                expected(name, message)
            )
        );
        assert_eq!(h.state().editor().workspace(), &before, "{name}");
    }
}

fn doc_with_name(name: &str) -> String {
    format!(
        r#"{{"format":"chartroom","version":1,"models":[{{"id":"m","title":"M","leaders":[{{"id":"a","role":"CEO","name":"{name}"}}]}}]}}"#
    )
}

#[test]
fn text_and_counts_are_capped() {
    let long = "x".repeat(MAX_TEXT_CHARS + 1);
    assert_eq!(
        format::load(&doc_with_name(&long)).unwrap_err().to_string(),
        format!("model \"m\", leader \"a\": the name is longer than {MAX_TEXT_CHARS} characters")
    );
    assert!(
        format::load(&doc_with_name(&"é".repeat(MAX_TEXT_CHARS))).is_ok(),
        "the cap counts characters, not bytes"
    );
    let models: Vec<String> = (0..=MAX_MODELS)
        .map(|i| format!(r#"{{"id":"m{i}","title":"M","leaders":[]}}"#))
        .collect();
    let text = format!(
        r#"{{"format":"chartroom","version":1,"models":[{}]}}"#,
        models.join(",")
    );
    assert_eq!(
        format::load(&text).unwrap_err().to_string(),
        format!(
            "too many models in the document: {} (Chartroom accepts up to {MAX_MODELS})",
            MAX_MODELS + 1
        )
    );
}

#[test]
fn unknown_fields_are_kept_and_written_back() {
    let text = r#"{"format":"chartroom","version":1,"app":{"theme":"dark"},
        "models":[{"id":"m","title":"M","owner":"board",
          "leaders":[{"id":"a","role":"CEO","name":"A","photo":"a.png"},
                     {"id":"b","role":"CIO","name":"B","manager":"a"},
                     {"id":"c","role":"CTO","name":"C","manager":"a"}],
          "dotted_lines":[{"manager":"b","report":"c","since":2024}]}]}"#;
    let ws = format::load(text).unwrap();
    let saved = format::save(&ws).unwrap();
    let value: serde_json::Value = serde_json::from_str(&saved).unwrap();
    assert_eq!(value["app"]["theme"], "dark");
    assert_eq!(value["models"][0]["owner"], "board");
    assert_eq!(value["models"][0]["leaders"][0]["photo"], "a.png");
    assert_eq!(value["models"][0]["dotted_lines"][0]["since"], 2024);
    assert_eq!(format::load(&saved).unwrap(), ws);
}
