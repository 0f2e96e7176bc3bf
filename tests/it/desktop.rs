//! Chartroom as an installed desktop app: Help > About, the `.chartroom`
//! file type (Save As, the MIME entry's magic against what is saved, the
//! desktop entry), the manual pages and the completions made from the
//! command line's definitions. `scripts/check-package.sh` installs the
//! package and checks the same with the system's own tools.

use chartroom::cli::manual;
use chartroom::core::format;
use chartroom::core::recent::RecentFiles;
use chartroom::core::recovery::RecoveryStore;
use clap::CommandFactory;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use crate::common::{self, harness, preset_app};

const MIME_XML: &str = include_str!("../../assets/desktop/chartroom-mime.xml");
const DESKTOP_ENTRY: &str = include_str!("../../assets/desktop/chartroom.desktop");
const MIME_TYPE: &str = "application/x-chartroom+json";

/// Help > About Chartroom names the version with its commit, the licence,
/// the file type and the folders this app keeps autosaves and recent
/// files in; Close puts it away.
#[test]
fn help_about_says_version_licence_and_where_things_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = preset_app();
    let app = app
        .with_recovery(RecoveryStore::new(dir.path().join("recovery")))
        .with_recent(RecentFiles::load(dir.path().join("recent.json")));
    let mut h = harness(app);
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("About Chartroom").click();
    h.run();
    h.get_by_label(&format!("Version {}", chartroom::VERSION));
    assert!(chartroom::VERSION.contains(env!("CARGO_PKG_VERSION")));
    h.get_by_label("Licence: MIT or Apache-2.0, at your choice.");
    h.get_by_label_contains("as .chartroom files");
    let autosaves = dir.path().join("recovery");
    h.get_by_label(&format!(
        "Autosaves and recovered work: {}",
        autosaves.display()
    ));
    let recent = dir.path().join("recent.json");
    h.get_by_label(&format!("Recent files list: {}", recent.display()));
    h.get_by_label("Close").click();
    h.run();
    assert!(h.query_by_label_contains("Recent files list").is_none());
}

/// Without a data folder, About says autosave is off rather than naming
/// a folder that is not used.
#[test]
fn help_about_says_when_nothing_is_kept() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("About Chartroom").click();
    h.run();
    h.get_by_label("Autosave is off: this computer gives Chartroom no data folder.");
    h.get_by_label("Recent files are not kept.");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Recent files are not kept.").is_none());
}

/// Save As on a new document suggests a `.chartroom` name; a name typed
/// without an extension gets `.chartroom`; the file opens again, and the
/// same file named `.json` opens too.
#[test]
fn save_as_suggests_and_adds_the_chartroom_extension() {
    let dir = tempfile::tempdir().unwrap();
    let (app, answers) = preset_app();
    let mut h = harness(app);
    *answers.save.borrow_mut() = Some(dir.path().join("board"));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    assert_eq!(
        answers.suggested.borrow().as_deref(),
        Some("Org chart.chartroom")
    );
    let saved = dir.path().join("board.chartroom");
    assert!(saved.exists(), "saved as {}", saved.display());
    assert_eq!(h.state().title(), "board.chartroom — Chartroom");
    let workspace = h.state().editor().workspace().clone();

    let as_json = dir.path().join("board.json");
    std::fs::copy(&saved, &as_json).unwrap();
    for path in [saved, as_json] {
        let (app, answers) = preset_app();
        let mut h = harness(app);
        *answers.open.borrow_mut() = Some(path.clone());
        h.key_press_modifiers(Modifiers::COMMAND, Key::O);
        h.run();
        assert_eq!(h.state().editor().workspace(), &workspace, "{path:?}");
    }
}

/// The MIME entry's magic is what Chartroom writes: each way of saving
/// puts one of its strings within the bytes it looks at, and another JSON
/// file does not match. The glob is the extension Save adds.
#[test]
fn the_mime_entry_recognises_what_chartroom_saves() {
    let doc = roxmltree::Document::parse(MIME_XML).unwrap();
    let kind = doc
        .descendants()
        .find(|n| n.has_tag_name("mime-type"))
        .unwrap();
    assert_eq!(kind.attribute("type"), Some(MIME_TYPE));
    let glob = doc.descendants().find(|n| n.has_tag_name("glob")).unwrap();
    assert_eq!(
        glob.attribute("pattern"),
        Some(format!("*.{}", format::EXTENSION).as_str())
    );
    let matches: Vec<(String, usize)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("match"))
        .map(|n| {
            let offset = n.attribute("offset").unwrap();
            let end = offset.split(':').nth(1).unwrap().parse().unwrap();
            (n.attribute("value").unwrap().to_owned(), end)
        })
        .collect();
    assert_eq!(matches.len(), 2);
    let recognised = |bytes: &str| {
        matches.iter().any(|(value, end)| {
            // The match may start anywhere from 0 to `end`.
            bytes.find(value.as_str()).is_some_and(|at| at <= *end)
        })
    };
    let workspace = chartroom::core::presets::workspace().unwrap();
    let saved = format::save(&workspace).unwrap();
    assert!(recognised(&saved), "saved: {}", &saved[..80]);
    let compact =
        serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&saved).unwrap()).unwrap();
    assert!(recognised(&compact), "compact: {}", &compact[..80]);
    for preset in chartroom::core::presets::PRESETS {
        assert!(recognised(preset.json), "{}", preset.id);
    }
    assert!(!recognised(r#"{"format": "other", "chartroom": true}"#));
}

/// The desktop entry opens a file with the app, by the icon's name, for
/// the MIME type the package registers.
#[test]
fn the_desktop_entry_names_the_binary_icon_and_file_type() {
    let field = |key: &str| {
        DESKTOP_ENTRY
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{key}=")))
            .unwrap_or_else(|| panic!("no {key}"))
            .to_owned()
    };
    assert_eq!(field("Exec"), "chartroom %f");
    assert_eq!(field("Icon"), "chartroom");
    assert_eq!(field("MimeType"), format!("{MIME_TYPE};"));
    assert_eq!(field("Type"), "Application");
}

/// A manual page for the program and for each command, made from the
/// command line's own definitions: every option of a command is on its
/// page, and every page says the exit codes.
#[test]
fn the_manual_has_a_page_per_command_with_every_option_and_the_exit_codes() {
    let pages = manual::pages();
    let command = chartroom::cli::Cli::command();
    let mut names: Vec<String> = vec!["chartroom.1".to_owned()];
    names.extend(
        command
            .get_subcommands()
            .map(|s| format!("chartroom-{}.1", s.get_name())),
    );
    let made: Vec<&str> = pages.iter().map(|p| p.file_name.as_str()).collect();
    assert_eq!(made, names);
    for page in &pages {
        assert!(
            page.text.contains(".SH \"EXIT STATUS\""),
            "{}",
            page.file_name
        );
        for (code, _) in manual::EXIT_CODES {
            assert!(page.text.contains(&format!("\\fB{code}\\fR")), "{code}");
        }
    }
    let export = pages
        .iter()
        .find(|p| p.file_name == "chartroom-export.1")
        .unwrap();
    let export_command = command.find_subcommand("export").unwrap();
    for arg in export_command.get_arguments() {
        if let Some(long) = arg.get_long() {
            // roff writes a dash in an option as \-.
            assert!(
                export
                    .text
                    .contains(&format!("\\-\\-{}", long.replace('-', "\\-"))),
                "--{long} is not on the export page"
            );
        }
    }
    let top = &pages[0].text;
    for name in names.iter().skip(1) {
        let shown = name.trim_end_matches(".1").replace('-', "\\-");
        assert!(top.contains(&shown), "chartroom(1) does not name {shown}");
    }
}

/// The completion scripts offer every command and the export formats; the
/// bash one loads in bash and registers itself for `chartroom`.
#[test]
fn completions_offer_every_command_and_bash_loads_them() {
    let command = chartroom::cli::Cli::command();
    for shell in manual::SHELLS {
        let (file_name, script) = manual::completion(shell);
        assert!(file_name.contains("chartroom"), "{file_name}");
        for sub in command.get_subcommands() {
            assert!(
                script.contains(sub.get_name()),
                "{shell}: {}",
                sub.get_name()
            );
        }
        for format in ["svg", "png", "pdf", "pptx", "csv"] {
            assert!(script.contains(format), "{shell}: {format}");
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let (_, bash) = manual::completion(clap_complete::Shell::Bash);
    let path = dir.path().join("chartroom");
    std::fs::write(&path, bash).unwrap();
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "source {} && complete -p chartroom",
            path.display()
        ))
        .output()
        .expect("bash runs");
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    assert!(common::text(&out.stdout).contains("chartroom"));
}

/// `chartroom --help` says the exit codes too.
#[test]
fn help_says_the_exit_codes() {
    let out = common::chartroom(&["--help"]);
    assert!(out.status.success());
    assert!(common::text(&out.stdout).contains("Exit status: 0 success; 1 the input is refused"));
    let usage = common::chartroom(&["export"]);
    assert_eq!(usage.status.code(), Some(2), "a missing argument is usage");
}
