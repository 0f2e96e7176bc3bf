//! Importing HR exports, as a user does it: the mapping step in the real
//! app (File > Import people…, File > Update from file…) and the command
//! line (`chartroom import`, `chartroom export --format csv`).

use std::fmt::Write;
use std::path::Path;

use crate::common::{chartroom, harness, manager_of, preset_app, text};
use chartroom::core::format;
use chartroom::core::model::LeaderId;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

const PEOPLE: &str = "Emp No,Worker,Job,Boss,Dept\n\
    1,Ada Lane,Chief Executive Officer,,Board\n\
    2,Ben Ng,Chief Information Officer,Ada Lane,IT\n\
    3,Cai Wu,VP Infrastructure,Ben Ng,IT\n";

fn menu_item(h: &mut egui_kittest::Harness<'_, chartroom::app::ChartroomApp>, item: &str) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label(item).click();
    h.run();
}

#[test]
fn the_mapping_step_picks_a_column_previews_and_imports_a_new_model() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("people.csv");
    std::fs::write(&path, PEOPLE).unwrap();
    let (app, answers) = preset_app();
    let mut h = harness(app);
    let models_before = h.state().editor().workspace().models.len();
    *answers.open.borrow_mut() = Some(path);
    menu_item(&mut h, "Import people…");
    assert!(h.state().import_step().is_some(), "the mapping step opens");
    // "Boss" is no header the import knows: every row is a top leader,
    // which is said first.
    h.get_by_label(
        "Looks wrong: no column says who each person reports to, so everyone is at the top: \
         choose the manager column.",
    );
    h.get_by_label("3 rows -> 3 leaders, 3 top-level");
    h.get_by_label("Hierarchy: no manager column: nobody reports to anyone");
    assert_eq!(
        h.state().editor().workspace().models.len(),
        models_before,
        "nothing changes before Import"
    );

    h.get_by_role_and_label(Role::ComboBox, "Manager").click();
    h.run();
    h.get_by_label("Boss").click();
    h.run();
    h.get_by_label("3 rows -> 3 leaders, 1 top-level, managers matched by name");
    h.get_by_label("Hierarchy: managers from \"Boss\", matched by name");
    assert!(
        h.query_by_label_contains("Looks wrong").is_none(),
        "right once the manager column is chosen"
    );
    // The preview: Ada is Ben's manager, Ben is Cai's.
    assert_eq!(h.get_all_by_label("Ada Lane").count(), 2);
    assert_eq!(h.get_all_by_label("Ben Ng").count(), 2);

    h.get_by_label("Import").click();
    h.run();
    assert!(h.state().import_step().is_none());
    let workspace = h.state().editor().workspace();
    assert_eq!(workspace.models.len(), models_before + 1);
    let model = h.state().current_model().unwrap();
    assert_eq!(model.title, "people");
    assert_eq!(manager_of(&h, "3").as_deref(), Some("2"));
    let ben = model.chart.leader(&LeaderId::new("2")).unwrap();
    assert_eq!(ben.department, "IT");
    let status = h.state().status().unwrap().text.clone();
    assert_eq!(
        status,
        "Imported people.csv: 3 rows -> 3 leaders, 1 top-level, managers matched by name"
    );
}

#[test]
fn a_file_that_cannot_import_says_why_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("costs.csv");
    std::fs::write(&path, "Employee ID,Cost\n1,2\n").unwrap();
    let (app, answers) = preset_app();
    let mut h = harness(app);
    let before = h.state().editor().workspace().clone();
    *answers.open.borrow_mut() = Some(path);
    menu_item(&mut h, "Import people…");
    h.get_by_label(
        "Cannot import: no column holds people's names (looked for Name, Full Name, Worker, \
         Display Name, or First Name and Last Name); the columns found are \"Employee ID\", \"Cost\"",
    );
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().import_step().is_none());
    assert_eq!(h.state().editor().workspace(), &before);
}

#[test]
fn update_from_file_lists_the_changes_and_applies_them_as_one_undoable_edit() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("people.csv");
    std::fs::write(&first, PEOPLE.replace("Boss", "Reports To")).unwrap();
    let (app, answers) = preset_app();
    let mut h = harness(app);
    *answers.open.borrow_mut() = Some(first);
    menu_item(&mut h, "Import people…");
    h.get_by_label("Import").click();
    h.run();
    assert_eq!(manager_of(&h, "3").as_deref(), Some("2"));

    let second = dir.path().join("people-december.csv");
    let moved = "Emp No,Worker,Job,Reports To,Dept\n\
        1,Ada Lane,Chief Executive Officer,,Board\n\
        2,Ben Ng,Chief Information Officer,Ada Lane,IT\n\
        3,Cai Wu,VP Infrastructure,Ada Lane,IT\n\
        4,Dee Park,Chief Data Officer,Ada Lane,Data\n";
    std::fs::write(&second, moved).unwrap();
    *answers.open.borrow_mut() = Some(second);
    menu_item(&mut h, "Update from file…");
    h.get_by_label("Changes: 2");
    h.get_by_label("Cai Wu now reports to Ada Lane (was Ben Ng).");
    h.get_by_label("Dee Park is new in people, reporting to Ada Lane.");
    assert_eq!(
        manager_of(&h, "3").as_deref(),
        Some("2"),
        "not before Apply"
    );

    h.get_by_label("Apply update").click();
    h.run();
    assert_eq!(manager_of(&h, "3").as_deref(), Some("1"));
    assert_eq!(h.state().current_model().unwrap().chart.len(), 4);
    assert_eq!(
        h.state().status().unwrap().text,
        "Updated people from people-december.csv: 2 changes"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        manager_of(&h, "3").as_deref(),
        Some("2"),
        "one undo takes it all back"
    );
    assert_eq!(h.state().current_model().unwrap().chart.len(), 3);
}

fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn cli_import_names_problems_and_writes_a_file_that_checks() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("hr.csv");
    let output = dir.path().join("org.json");
    std::fs::write(
        &input,
        "Employee_ID,Full Name,Business Title,Supervisor ID\n\
         10,Ann Top,CEO,\n11,Bo Mid,CTO,10\n11,Bo Twice,CTO,10\n12,Cy Lost,Engineer,99\n",
    )
    .unwrap();
    let out = chartroom(&[
        "import",
        path_str(&input),
        "--title",
        "Tech org",
        "-o",
        path_str(&output),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        format!(
            "read CSV (comma) from {}\n\
             columns: id = \"Employee_ID\", name = \"Full Name\", title = \"Business Title\", manager = \"Supervisor ID\"\n\
             identifiers: Employee_ID\n\
             hierarchy: managers from \"Supervisor ID\", matched by identifier (\"Employee_ID\")\n\
             row 4: the id \"11\" is already on row 3; row 4 skipped\n\
             row 5: Cy Lost's manager \"99\" is not in the file; Cy Lost is put at the top\n\
             4 rows -> 3 leaders, 2 top-level, managers matched by identifier; 1 row skipped: row 4 (duplicate id \"11\"); 1 other problem\n\
             wrote {}\n",
            input.display(),
            output.display()
        )
    );
    let workspace = format::load_path(&output).unwrap();
    assert_eq!(workspace.models[0].title, "Tech org");
    assert_eq!(workspace.models[0].id.as_str(), "tech-org");
    let check = chartroom(&["check", path_str(&output)]);
    assert!(check.status.success());

    let strict_out = dir.path().join("strict.json");
    let strict = chartroom(&[
        "import",
        path_str(&input),
        "--strict",
        "-o",
        path_str(&strict_out),
    ]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(text(&strict.stderr).ends_with("2 problems found (and --strict was given)\n"));
    assert!(!strict_out.exists(), "nothing written under --strict");
}

#[test]
fn cli_import_refuses_a_file_without_names_and_a_bad_map() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("x.csv");
    std::fs::write(&input, "Code,Cost\n1,2\n").unwrap();
    let out_path = dir.path().join("x.json");
    let out = chartroom(&["import", path_str(&input), "-o", path_str(&out_path)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("the columns found are \"Code\", \"Cost\""));
    let out = chartroom(&[
        "import",
        path_str(&input),
        "--map",
        "name=Nope",
        "-o",
        path_str(&out_path),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("--map no column \"Nope\"; the columns are \"Code\", \"Cost\"")
    );
    let missing = chartroom(&["import", "/no/such/file.csv", "-o", path_str(&out_path)]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing.stderr).contains("could not read /no/such/file.csv"));
    assert!(!out_path.exists());
}

#[test]
fn export_csv_then_import_gives_the_same_chart() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("split.csv");
    let json = dir.path().join("split.json");
    let out = chartroom(&[
        "export",
        "preset:software-company",
        "--format",
        "csv",
        "-o",
        path_str(&csv),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = chartroom(&["import", path_str(&csv), "--strict", "-o", path_str(&json)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut preset = chartroom::core::presets::model("software-company").unwrap();
    preset.chart.clear_pins();
    preset.chart.collapse_where(|_| false);
    let back = &format::load_path(&json).unwrap().models[0];
    assert!(back.chart == preset.chart, "the chart came back different");
}

#[test]
fn a_workbook_s_other_sheet_is_picked_in_the_mapping_step() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hr.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let notes = book.add_worksheet().set_name("Notes").unwrap();
    notes.write_string(0, 0, "Exported 2026-11-30").unwrap();
    let people = book.add_worksheet().set_name("People").unwrap();
    let rows = [
        ["Employee ID", "Full Name", "Job Title", "Reports To"],
        ["e1", "Ada Lane", "Chief Executive Officer", ""],
        ["e2", "Ben Ng", "Chief Technology Officer", "e1"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            people.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
    book.save(&path).unwrap();
    let (app, answers) = preset_app();
    let mut h = harness(app);
    *answers.open.borrow_mut() = Some(path);
    menu_item(&mut h, "Import people…");
    h.get_by_label_contains("Cannot import: no column holds people's names");
    h.get_by_role_and_label(Role::ComboBox, "Sheet").click();
    h.run();
    h.get_by_label("People").click();
    h.run();
    h.get_by_label("2 rows -> 2 leaders, 1 top-level, managers matched by identifier");
    h.get_by_label("Import").click();
    h.run();
    assert_eq!(manager_of(&h, "e2").as_deref(), Some("e1"));
}

/// A nested tree as a JavaScript org-chart tool keeps it, through the
/// mapping step: read as a tree, one at the top, imported as a model.
#[test]
fn the_mapping_step_imports_a_json_tree() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("orgchart.json");
    std::fs::write(
        &path,
        r#"{"name": "Ada Lane", "title": "Chief Information Officer", "children": [
            {"name": "Ben Ng", "title": "VP Infrastructure"},
            {"name": "Cai Wu", "title": "VP Applications", "children": [
                {"name": "Dee Ho", "title": "Director, ERP"}]}]}"#,
    )
    .unwrap();
    let (app, answers) = preset_app();
    let mut h = harness(app);
    *answers.open.borrow_mut() = Some(path);
    menu_item(&mut h, "Import people…");
    h.get_by_label_contains("JSON tree (\"children\")");
    h.get_by_label("4 rows -> 4 leaders, 1 top-level, managers matched by identifier");
    h.get_by_label("Hierarchy: managers from \"Parent\", matched by identifier (\"Node\")");
    h.get_by_label("Import").click();
    h.run();
    let model = h.state().current_model().unwrap();
    assert_eq!(model.title, "orgchart");
    assert_eq!(manager_of(&h, "1.2.1").as_deref(), Some("1.2"));
}

/// A key-style table (database keys, a title above the header) through
/// the mapping step: the keys are the identifier and the manager.
#[test]
fn the_mapping_step_reads_a_key_style_table() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dim_employee.csv");
    std::fs::write(
        &path,
        "Employee dimension (extract)\n\
         EmployeeKey,ParentEmployeeKey,FirstName,LastName,Title,DepartmentName\n\
         112,,Ken,Sanchez,Chief Executive Officer,Executive\n\
         23,112,Terri,Duffy,Vice President of Engineering,Engineering\n\
         4,23,Rob,Walters,Senior Tool Designer,Tool Design\n",
    )
    .unwrap();
    let (app, answers) = preset_app();
    let mut h = harness(app);
    *answers.open.borrow_mut() = Some(path);
    menu_item(&mut h, "Import people…");
    h.get_by_label_contains("header on row 2");
    h.get_by_label("3 rows -> 3 leaders, 1 top-level, managers matched by identifier");
    assert!(h.query_by_label_contains("Looks wrong").is_none());
    h.get_by_label("Import").click();
    h.run();
    assert_eq!(manager_of(&h, "4").as_deref(), Some("23"));
}

/// File > Import people… on a Chartroom document opens it instead.
#[test]
fn importing_a_chartroom_document_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("board.json");
    std::fs::write(&path, chartroom::core::presets::PRESETS[1].json).unwrap();
    let (app, answers) = preset_app();
    let mut h = harness(app);
    *answers.open.borrow_mut() = Some(path.clone());
    menu_item(&mut h, "Import people…");
    assert!(h.state().import_step().is_none(), "no mapping step");
    assert_eq!(h.state().editor().workspace().models.len(), 1);
    assert_eq!(
        h.state().status().unwrap().text,
        format!("Opened {}", path.display())
    );
}

/// `chartroom import` reads JSON records, and names a Chartroom document
/// as one (exit 1, nothing written).
#[test]
fn cli_import_reads_json_records_and_refuses_a_document() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("nodes.json");
    std::fs::write(
        &input,
        r#"[{"id": 1, "pid": null, "name": "Ada", "title": "CEO"},
            {"id": 2, "pid": 1, "name": "Bob", "title": "CIO"}]"#,
    )
    .unwrap();
    let output = dir.path().join("org.chartroom");
    let out = chartroom(&["import", path_str(&input), "-o", path_str(&output)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("read JSON records from"));
    assert!(chartroom(&["check", path_str(&output)]).status.success());

    let document = dir.path().join("board.json");
    std::fs::write(&document, chartroom::core::presets::PRESETS[0].json).unwrap();
    let refused = chartroom(&["import", path_str(&document), "-o", path_str(&output)]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stderr)
            .contains("this is a Chartroom document, not an HR export: open it instead"),
        "{}",
        text(&refused.stderr)
    );
}

/// What the import fuzz target (`fuzz/fuzz_targets/import.rs`) asks of
/// every input, over sample files of each shape and every cut of them
/// (a file ends anywhere): import or refuse with a message, and whatever
/// imports saves into a file Chartroom opens.
#[test]
fn every_sample_and_cut_keeps_the_import_fuzz_targets_promise() {
    use chartroom::core::import::{self, Choices};
    use chartroom::core::workspace::{ModelId, Workspace};
    let samples: [&str; 5] = [
        PEOPLE,
        "EmployeeKey,ParentEmployeeKey,Name,CurrentFlag\n1,,Ada,1\n2,1,Bob,0\n3,1,Bob,1\n4,2,\"Cy\n",
        r#"{"name": "A", "children": [{"name": "B", "children": [{"name": "C"}]}]}"#,
        r#"{"nodeDataArray": [{"key": 1, "name": "A"}, {"key": 2, "parent": 1, "name": "B"}]}"#,
        "Post Unique Reference\tName\tReports to Senior Post\nP1\tN/D\tXX\nP2\tVacant\tP1\n",
    ];
    let mut imported_count = 0;
    for sample in samples {
        let bytes = sample.as_bytes();
        for end in (0..=bytes.len()).step_by(3).chain([bytes.len()]) {
            let cut = &bytes[..end];
            let table = match import::read_bytes(cut, None) {
                Ok(table) => table,
                Err(e) => {
                    assert!(!e.to_string().is_empty());
                    continue;
                }
            };
            let Ok(got) = Choices::from_args(&table, &[]).unwrap().import(&table) else {
                continue;
            };
            let model = got.into_model(ModelId::new("imported"), "Imported".into(), "x");
            let saved = format::save(&Workspace::new(vec![model])).unwrap();
            if let Err(e) = format::load(&saved) {
                panic!(
                    "{:?} imports into a file Chartroom refuses: {e}",
                    String::from_utf8_lossy(cut)
                );
            }
            imported_count += 1;
        }
    }
    assert!(imported_count > 50, "{imported_count} cuts imported");
}

/// A big export is worked out on a worker: the mapping step opens at once
/// saying so, Import waits for it, and the result comes in by itself.
#[test]
fn a_big_export_is_worked_out_on_a_worker_and_the_window_stays_live() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.csv");
    let mut text = String::from("Employee ID,Name,Title,Manager ID\n");
    for i in 0..30_000 {
        let manager = if i == 0 {
            String::new()
        } else {
            ((i - 1) / 8).to_string()
        };
        writeln!(text, "{i},Person {i},Engineer,{manager}").unwrap();
    }
    std::fs::write(&path, text).unwrap();
    let (app, answers) = preset_app();
    let mut h = harness(app);
    *answers.open.borrow_mut() = Some(path);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import people…").click();
    h.step();
    assert!(
        h.state().import_step().unwrap().is_working(),
        "30,000 rows are imported on a worker"
    );
    let started = std::time::Instant::now();
    while h.state().import_step().unwrap().is_working() {
        h.step();
        // Every frame drawn while the worker works says so (it may also be
        // done before the next frame: it is not waited for).
        if h.state().import_step().unwrap().is_working() {
            h.get_by_label_contains("Working out the import of 30,000 rows");
        }
        assert!(started.elapsed().as_secs() < 120, "the worker finishes");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    h.run();
    h.get_by_label("30,000 rows -> 30,000 leaders, 1 top-level, managers matched by identifier");
    h.get_by_label("Import").click();
    h.run();
    assert!(h.state().import_step().is_none());
    assert_eq!(h.state().current_model().unwrap().chart.len(), 30_000);
}
