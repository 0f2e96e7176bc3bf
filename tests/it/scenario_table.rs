//! Many scenarios at once: a baseline and its scenarios in one table, in
//! the app (Scenario > Compare scenarios side by side), on the board
//! pack's Scenarios page (read back from the PDF) and on the deck's
//! scenarios slide as a PowerPoint table (read back by python-pptx).

use crate::common::{self, chartroom, harness, pdf_pages, preset_app, squeeze, text};
use chartroom::core::model::LeaderId;
use chartroom::core::workspace::{Edit, ModelId};
use egui_kittest::kittest::Queryable;

/// Traditional (the CTO and the CISO under the CIO) with two scenarios:
/// Software company (the CIO and the CISO under the CTO: three people
/// change manager) and Peers (the CTO under the CEO beside the CIO, the
/// CISO not cast: one changes), made by `chartroom scenario`; the file.
fn two_scenarios(dir: &std::path::Path) -> std::path::PathBuf {
    let org = dir.join("org.chartroom");
    std::fs::write(&org, chartroom::core::presets::PRESETS[1].json).unwrap();
    let (one, two) = (dir.join("one.chartroom"), dir.join("two.chartroom"));
    let p = |p: &std::path::Path| p.to_str().unwrap().to_owned();
    let cast = [
        "--cast", "ceo=ceo", "--cast", "cto=cto", "--cast", "cio=cio",
    ];
    let mut args = vec!["scenario", &*Box::leak(p(&org).into_boxed_str())];
    args.extend(["--onto", "preset:software-company", "--cast", "ciso=ciso"]);
    args.extend(cast);
    let one_s = p(&one);
    args.extend(["-o", &one_s]);
    let out = chartroom(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let two_s = p(&two);
    let mut args = vec!["scenario", &one_s, "--model", "traditional"];
    args.extend(["--onto", "preset:peers", "-o", &two_s]);
    args.extend(cast);
    let out = chartroom(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    two
}

#[test]
fn the_pack_has_a_scenarios_page_and_the_deck_an_editable_table() {
    let dir = tempfile::tempdir().unwrap();
    let file = two_scenarios(dir.path());
    let p = |p: &std::path::Path| p.to_str().unwrap().to_owned();
    let (pdf, pptx) = (dir.path().join("pack.pdf"), dir.path().join("deck.pptx"));
    for (format, out) in [("pdf", &pdf), ("pptx", &pptx)] {
        let done = chartroom(&["export", &p(&file), "--format", format, "-o", &p(out)]);
        assert!(done.status.success(), "{}", text(&done.stderr));
    }

    // The pack: the table after the summary, one column per model.
    let pages = pdf_pages(&std::fs::read(&pdf).unwrap());
    let page = pages
        .iter()
        .find(|p| p.starts_with(&squeeze("Scenarios of Traditional")))
        .unwrap_or_else(|| panic!("no Scenarios page: {pages:#?}"));
    for words in [
        "Traditional as Software company",
        "Traditional as Peers",
        "People who change manager — 3 1",
        "CTO CTO: direct reports 0 2 0",
        "CIO CIO: people under them 2 0 1",
        "Levels 3 3 3",
        "Managers with 1-2 reports 2 2 2",
        "Conflicts (several accountable) 0 0 1",
    ] {
        assert!(page.contains(&squeeze(words)), "{words:?} not in {page}");
    }

    // The deck: the table is PowerPoint's own, every cell text, 12 pt.
    let deck = common::read_pptx(&pptx);
    let slides = deck["slides"].as_array().unwrap();
    let slide = slides
        .iter()
        .find(|s| {
            s["title"]
                .as_str()
                .is_some_and(|t| t.starts_with("Scenarios of Traditional"))
        })
        .expect("a scenarios slide");
    let table = slide["shapes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["rows"].is_array())
        .expect("a table shape");
    let rows: Vec<Vec<String>> = serde_json::from_value(table["rows"].clone()).unwrap();
    assert_eq!(
        rows[0],
        [
            "",
            "Traditional",
            "Traditional as Software company",
            "Traditional as Peers"
        ]
    );
    let row = |label: &str| rows.iter().find(|r| r[0] == label).cloned();
    assert_eq!(
        row("People who change manager").unwrap()[1..],
        ["—", "3", "1"]
    );
    assert_eq!(
        row("CTO CTO: direct reports").unwrap()[1..],
        ["0", "2", "0"]
    );
    assert_eq!(
        table["sizes"],
        serde_json::json!([12.0]),
        "12 pt throughout"
    );
    // The figures that differ from the baseline's are bold.
    let bold: Vec<Vec<bool>> = serde_json::from_value(table["bold"].clone()).unwrap();
    let cto = rows
        .iter()
        .position(|r| r[0] == "CTO CTO: direct reports")
        .unwrap();
    assert_eq!(bold[cto][1..], [false, true, false]);
    // Every row of the table is on a slide.
    let all_rows: usize = slides
        .iter()
        .flat_map(|s| s["shapes"].as_array().unwrap())
        .filter_map(|s| s["rows"].as_array())
        .map(|r| r.len() - 1)
        .sum();
    let workspace = chartroom::core::format::load_path(&file).unwrap();
    let tables = chartroom::core::export::scenario_tables(&workspace);
    assert_eq!(all_rows, tables[0].1.rows.len());
}

#[test]
fn compare_scenarios_side_by_side_in_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let file = two_scenarios(dir.path());
    let (app, answers) = preset_app();
    let mut h = harness(app);
    *answers.open.borrow_mut() = Some(file);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    h.run();
    h.run();
    // The baseline is shown: the Scenario menu offers its table.
    h.get_by_label("Scenario").click();
    h.run();
    h.get_by_label("Compare scenarios side by side").click();
    h.run();
    h.get_by_label("Scenarios side by side");
    h.get_by_label("People who change manager");
    let table = h.state().scenario_table().expect("the table").clone();
    assert_eq!(table.columns.len(), 3);
    let cto = |t: &chartroom::core::impact::ScenarioTable| {
        t.row("CTO CTO: direct reports").unwrap().cells.clone()
    };
    assert_eq!(cto(&table), ["0", "2", "0"]);
    h.get_by_label("Close").click();
    h.run();
    assert!(h.state().scenario_table().is_none(), "closed");

    // From a scenario's panel; an edit to a scenario shows in the table
    // at once (and its undo too).
    let peers = ModelId::new("traditional-as-peers");
    h.state_mut().show_model(&peers);
    h.run();
    h.get_by_label("All its scenarios side by side").click();
    h.run();
    assert_eq!(h.state().scenario_table().unwrap().columns.len(), 3);
    h.state_mut().apply(Edit::SetManager {
        report: LeaderId::new("cio"),
        manager: Some(LeaderId::new("cto")),
    });
    h.run();
    let levels = |h: &egui_kittest::Harness<'_, chartroom::app::ChartroomApp>| {
        h.state()
            .scenario_table()
            .unwrap()
            .row("Levels")
            .unwrap()
            .cells
            .clone()
    };
    assert_eq!(
        levels(&h),
        ["3", "3", "4"],
        "the CIO (and the CISO) under the CTO"
    );
    h.state_mut().undo();
    h.run();
    assert_eq!(levels(&h), ["3", "3", "3"]);
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.state().scenario_table().is_none(), "Escape closes it");
}
