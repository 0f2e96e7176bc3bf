//! The shapes of published exports the first importer read wrong (issue
//! 20), each as a sample the suite writes: database keys, position-based
//! exports with placeholders, zero-padded references, tops written as
//! NULL or their own id, a title above the header, no manager column.

use super::*;
use crate::core::model::LeaderId;

fn import_text(text: &str) -> Imported {
    let table = read_text(text).expect("readable");
    Choices::from_args(&table, &[])
        .unwrap()
        .import(&table)
        .expect("importable")
}

fn manager(imported: &Imported, who: &str) -> Option<String> {
    imported
        .chart
        .manager_of(&LeaderId::new(who))
        .map(ToString::to_string)
}

/// Rows of a tree of `n` people, each under `(i - 1) / 4`, as
/// `make(i, manager_of_i)` writes them.
fn tree(n: usize, make: impl Fn(usize, Option<usize>) -> String) -> String {
    (0..n)
        .map(|i| make(i, (i > 0).then(|| (i - 1) / 4)) + "\n")
        .collect()
}

#[test]
fn database_keys_are_the_identifier_and_the_parent_key_the_manager() {
    // A data-warehouse employee dimension: keys, a national id that is
    // also a key, and columns named in CamelCase.
    let body = tree(30, |i, m| {
        let parent = m.map_or("NULL".to_owned(), |m| (m + 1).to_string());
        format!(
            "{},{parent},{},First{i},Last{i},Engineer {i},7",
            i + 1,
            100_000 + i
        )
    });
    let text = format!(
        "EmployeeKey,ParentEmployeeKey,EmployeeNationalIDAlternateKey,FirstName,LastName,Title,SalesTerritoryKey\n{body}"
    );
    let got = import_text(&text);
    assert_eq!(got.id_source, IdSource::Column("EmployeeKey".into()));
    assert_eq!(got.roots, 1, "{}", got.summary());
    assert!(got.warnings.is_empty(), "{:?}", got.warnings);
    assert!(got.problems.is_empty(), "{:?}", got.problems);
    assert_eq!(manager(&got, "6").as_deref(), Some("2"));
    assert_eq!(
        got.hierarchy,
        "managers from \"ParentEmployeeKey\", matched by identifier (\"EmployeeKey\")"
    );
}

#[test]
fn unknown_headers_are_decided_by_their_values_and_the_evidence_said() {
    let body = tree(25, |i, m| {
        let up = m.map_or(String::new(), |m| format!("N{m}"));
        format!("Person {i},N{i},{up},Analyst")
    });
    let text = format!("Name,NodeRef,UpRef,Title\n{body}");
    let got = import_text(&text);
    assert_eq!(got.id_source, IdSource::Column("NodeRef".into()));
    assert_eq!(got.roots, 1);
    assert!(got.warnings.is_empty(), "{:?}", got.warnings);
    assert_eq!(
        got.hierarchy,
        "managers from \"UpRef\", matched by identifier (\"NodeRef\"); identifier \"NodeRef\" \
         and manager \"UpRef\" found by their values: \"NodeRef\" is unique on every row, and \
         24 of the 24 filled \"UpRef\" cells name one of them"
    );
    assert_eq!(manager(&got, "N5").as_deref(), Some("N1"));
}

#[test]
fn a_position_based_export_is_read_by_post_and_placeholders_are_not_duplicates() {
    let names = ["N/D", "Vacant", "Eliminated", "Not disclosed"];
    let body = tree(40, |i, m| {
        let name = if i % 3 == 2 {
            names[i % names.len()].to_owned()
        } else {
            format!("Officer {i}")
        };
        let up = m.map_or("XX".to_owned(), |m| format!("P{m:03}"));
        format!("P{i:03},{name},SCS1,Deputy Director {i},{up},Policy")
    });
    let text =
        format!("Post Unique Reference,Name,Grade,Job Title,Reports to Senior Post,Unit\n{body}");
    let got = import_text(&text);
    assert_eq!(
        got.id_source,
        IdSource::Column("Post Unique Reference".into())
    );
    assert!(got.problems.is_empty(), "{:?}", got.problems);
    assert_eq!(got.chart.len(), 40);
    assert_eq!(got.roots, 1, "the top's manager XX means nobody");
    let vacant = got.chart.leader(&LeaderId::new("P005")).unwrap();
    assert_eq!(vacant.title, "Deputy Director 5");
    assert_eq!(vacant.name, "Vacant");
    assert!(vacant.open, "a vacancy is an open position");
    let eliminated = got.chart.leader(&LeaderId::new("P002")).unwrap();
    assert_eq!(eliminated.name, "Eliminated");
    assert!(!eliminated.open);
}

#[test]
fn zero_padded_manager_references_match_and_the_summary_says_so() {
    let body = tree(12, |i, m| {
        let up = m.map_or(String::new(), |m| format!("{:08}", 5654 + m));
        format!("{},Name {i},{up}", 5654 + i)
    });
    let got = import_text(&format!("Employee ID,Name,Manager ID\n{body}"));
    assert!(got.problems.is_empty(), "{:?}", got.problems);
    assert_eq!(got.roots, 1);
    assert!(
        got.summary()
            .ends_with("; 11 manager references matched after dropping leading zeros or spaces"),
        "{}",
        got.summary()
    );
}

#[test]
fn the_top_persons_manager_may_be_null_xx_a_dash_or_themself() {
    for top in ["NULL", "xx", "-", "1", " ", "#N/A"] {
        let text = format!("ID,Name,Manager ID\n1,Top,{top}\n2,Next,1\n3,Third,2\n");
        let got = import_text(&text);
        assert!(got.problems.is_empty(), "{top:?}: {:?}", got.problems);
        assert_eq!(got.roots, 1, "{top:?}");
    }
}

#[test]
fn titles_in_position_columns_are_kept() {
    for header in ["position", "positionName", "Role Title"] {
        let text = format!("id,name,{header},parentId\n1,Ada,CIO,\n2,Bob,VP Apps,1\n");
        let got = import_text(&text);
        let bob = got.chart.leader(&LeaderId::new("2")).unwrap();
        assert_eq!(bob.title, "VP Apps", "{header}");
        assert_eq!(manager(&got, "2").as_deref(), Some("1"), "{header}");
    }
}

#[test]
fn a_header_under_a_title_and_a_blank_line_is_found() {
    let text = "Technology organisation,,,\n,,,\nEmployee ID,Name,Job Title,Manager ID\n\
        1,Ada,CIO,\n2,Bob,VP Apps,1\n";
    let table = read_text(text).unwrap();
    assert_eq!(table.headers[0], "Employee ID");
    assert_eq!(table.source, "CSV (comma), header on row 3");
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.rows[0].number, 4);
    let got = import_text(text);
    assert_eq!(manager(&got, "2").as_deref(), Some("1"));
}

#[test]
fn a_header_starting_with_an_empty_cell_is_read() {
    let text = ",EmployeeKey,ParentEmployeeKey,Name\n0,1,,Ada\n1,2,1,Bob\n2,3,1,Cy\n";
    let got = import_text(text);
    assert_eq!(got.id_source, IdSource::Column("EmployeeKey".into()));
    assert_eq!(manager(&got, "3").as_deref(), Some("1"));
}

#[test]
fn a_flat_result_is_said_first_and_fails_strict() {
    let body = tree(20, |i, _| format!("Person {i},Engineer"));
    let got = import_text(&format!("Name,Title\n{body}"));
    assert_eq!(got.warnings, vec![Warning::NoManagerColumn]);
    assert!(got.summary().starts_with(
        "Looks wrong: no column says who each person reports to, so everyone is at the top"
    ));
    assert_eq!(got.hierarchy, "no manager column: nobody reports to anyone");

    // A manager column that names nobody: most people end at the top.
    let body = tree(20, |i, _| format!("{i},Person {i},Someone Else {i}"));
    let got = import_text(&format!("ID,Name,Manager\n{body}"));
    assert_eq!(
        got.warnings,
        vec![Warning::ManyAtTop {
            roots: 20,
            people: 20
        }]
    );
}

#[test]
fn a_history_table_imports_current_rows_and_follows_old_keys() {
    // Keys per row (a slowly changing dimension): person 2 was promoted,
    // so has an old row (key 3, not current) and a new one (key 7); their
    // reports still point at the old key.
    let text = "EmployeeKey,ParentEmployeeKey,NationalIDAlternateKey,Name,Title,CurrentFlag,EndDate\n\
        1,,N1,Ada,CEO,1,\n\
        3,1,N2,Bob,Director,0,2019-06-30\n\
        7,1,N2,Bob,VP Engineering,1,\n\
        4,3,N4,Cy,Engineer,1,\n\
        5,3,N5,Di,Engineer,1,\n\
        6,1,N6,Ed,Old role,0,2020-01-01\n\
        8,1,N6,Ed,CFO,1,\n";
    let got = import_text(text);
    assert!(got.problems.is_empty(), "{:?}", got.problems);
    assert_eq!(got.chart.len(), 5, "one row per person");
    assert_eq!(manager(&got, "4").as_deref(), Some("7"), "old key followed");
    assert_eq!(manager(&got, "5").as_deref(), Some("7"));
    assert_eq!(
        got.chart.leader(&LeaderId::new("7")).unwrap().title,
        "VP Engineering"
    );
    assert_eq!(
        got.summary(),
        "7 rows -> 5 leaders, 1 top-level, managers matched by identifier; \
         2 history rows set aside (not current by \"CurrentFlag\"); \
         2 manager references to earlier rows followed to the person's current row"
    );
}

#[test]
fn a_history_table_with_one_id_per_person_keeps_the_row_without_an_end_date() {
    let text = "Employee ID,Name,Job Title,Manager ID,Effective To\n\
        1,Ada,CEO,,\n\
        2,Bob,Engineer,1,2021-12-31\n\
        2,Bob,Lead,1,\n\
        3,Cy,Engineer,2,\n";
    let got = import_text(text);
    assert!(got.problems.is_empty(), "no duplicates: {:?}", got.problems);
    assert_eq!(got.chart.leader(&LeaderId::new("2")).unwrap().title, "Lead");
    assert!(
        got.summary()
            .contains("1 history row set aside (not current by \"Effective To\")")
    );
}

#[test]
fn placeholder_names_without_an_id_column_stay_separate_posts() {
    let text = "Name,Title,Reports To\n\
        Ada King,CEO,\n\
        Vacant,CIO,Ada King\n\
        Vacant,CFO,Ada King\n\
        N/D,Head of Data,Ada King\n";
    let got = import_text(text);
    assert!(got.problems.is_empty(), "{:?}", got.problems);
    assert_eq!(got.chart.len(), 4);
    assert!(
        got.summary()
            .ends_with("; 2 open positions (Vacant); 1 post without a named holder (N/D)"),
        "{}",
        got.summary()
    );
}

fn import_json(text: &str) -> Imported {
    let table = read_bytes(text.as_bytes(), None).expect("readable");
    Choices::from_args(&table, &[])
        .unwrap()
        .import(&table)
        .expect("importable")
}

#[test]
fn a_nested_children_tree_without_ids_imports_with_made_up_ones() {
    let text = r#"{"name": "Lao Lao", "title": "general manager", "children": [
        {"name": "Bo Miao", "title": "department manager"},
        {"name": "Su Miao", "title": "department manager", "children": [
            {"name": "Tie Hua", "title": "senior engineer"},
            {"name": "Hei Hei", "title": "senior engineer", "children": [
                {"name": "Dan Dan", "title": "engineer"}]}]},
        {"name": "Hong Miao", "title": "department manager"}]}"#;
    let table = read_bytes(text.as_bytes(), None).unwrap();
    assert_eq!(table.source, "JSON tree (\"children\")");
    assert_eq!(table.headers, ["Node", "Parent", "name", "title"]);
    let got = import_json(text);
    assert!(got.problems.is_empty(), "{:?}", got.problems);
    assert!(got.warnings.is_empty(), "{:?}", got.warnings);
    assert_eq!(got.chart.len(), 7);
    assert_eq!(got.roots, 1);
    assert_eq!(manager(&got, "1.2.2.1").as_deref(), Some("1.2.2"));
    let dan = got.chart.leader(&LeaderId::new("1.2.2.1")).unwrap();
    assert_eq!(
        (dan.name.as_str(), dan.title.as_str()),
        ("Dan Dan", "engineer")
    );
}

#[test]
fn a_tree_with_its_own_ids_keeps_them() {
    let text = r#"[{"id": 10, "name": "Ada", "children": [{"id": 11, "name": "Bob"}]}]"#;
    let got = import_json(text);
    assert_eq!(got.id_source, IdSource::Column("id".into()));
    assert_eq!(manager(&got, "11").as_deref(), Some("10"));
}

#[test]
fn flat_records_with_id_and_pid_parent_id_or_key_and_parent_import() {
    let shapes = [
        r#"[{"id": 1, "pid": null, "name": "Ada", "title": "CEO"},
            {"id": 2, "pid": 1, "name": "Bob", "title": "CIO"},
            {"id": 3, "pid": 2, "name": "Cy", "title": "VP Apps"}]"#,
        r#"[{"id": "1", "parentId": "", "name": "Ada", "positionName": "CEO"},
            {"id": "2", "parentId": "1", "name": "Bob", "positionName": "CIO"},
            {"id": "3", "parentId": "2", "name": "Cy", "positionName": "VP Apps"}]"#,
        r#"{"class": "TreeModel", "nodeDataArray": [
            {"key": 1, "name": "Ada", "title": "CEO"},
            {"key": 2, "parent": 1, "name": "Bob", "title": "CIO"},
            {"key": 3, "parent": 2, "name": "Cy", "title": "VP Apps"}]}"#,
        r#"{"people": [{"id": 1, "data": {"name": "Ada", "title": "CEO"}},
            {"id": 2, "pid": 1, "data": {"name": "Bob", "title": "CIO"}},
            {"id": 3, "pid": 2, "data": {"name": "Cy", "title": "VP Apps"}}]}"#,
    ];
    for text in shapes {
        let got = import_json(text);
        assert!(got.problems.is_empty(), "{text}: {:?}", got.problems);
        assert_eq!(manager(&got, "3").as_deref(), Some("2"), "{text}");
        assert_eq!(got.roots, 1, "{text}");
        let cy = got.chart.leader(&LeaderId::new("3")).unwrap();
        assert_eq!((cy.name.as_str(), cy.title.as_str()), ("Cy", "VP Apps"));
    }
}

#[test]
fn other_json_is_refused_with_the_shapes_read_and_a_document_is_named() {
    let refused = |text: &str| read_bytes(text.as_bytes(), None).unwrap_err().to_string();
    assert_eq!(
        refused(r#"{"colour": "red", "size": 3}"#),
        "this JSON is not an org chart the import reads: it reads a tree of people with \
         \"children\" arrays, or a list of records each with an id and a parent or manager \
         field (\"id\"/\"pid\", \"id\"/\"parentId\", \"key\"/\"parent\"); this is an object \
         with the fields \"colour\", \"size\""
    );
    assert!(refused("[1, 2, 3]").ends_with("this is a list of values that are not records"));
    assert!(refused("[]").ends_with("this is an empty list"));
    assert!(refused("{\"id\": ").starts_with("line 1 cannot be read as JSON"));
    let preset = crate::core::presets::PRESETS[0].json;
    assert_eq!(
        read_bytes(preset.as_bytes(), None).unwrap_err(),
        ImportError::ChartroomDocument
    );
    assert!(crate::core::format::is_document(preset.as_bytes()));
    assert!(!crate::core::format::is_document(
        b"[{\"format\": \"chartroom\"}]"
    ));
}

#[test]
fn cells_over_a_charts_limits_are_cut_or_skipped_and_said() {
    let long = "x".repeat(10_005);
    let text =
        format!("ID,Name,Title,Manager ID\n1,Ada,\"{long}\",\n{long},Bob,CTO,1\n3,Cy,VP,1\n");
    let got = import_text(&text);
    let said: Vec<String> = got.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        said,
        [
            "row 2: the title is 10,005 characters long (a chart allows 10,000); cut to the first 10,000",
            "row 3: the identifier is 10,005 characters long (a chart allows 10,000); skipped",
        ]
    );
    assert_eq!(
        got.chart.leader(&LeaderId::new("1")).unwrap().title.len(),
        10_000
    );
    assert_eq!(got.chart.len(), 2);
}

#[test]
fn a_pipe_delimited_database_extract_is_read() {
    let text = "EmployeeKey|ParentEmployeeKey|FirstName|LastName|Title\n\
        112|NULL|Ken|Sanchez|Chief Executive Officer\n\
        23|112|Terri|Duffy|Vice President of Engineering\n";
    let table = read_text(text).unwrap();
    assert_eq!(table.source, "CSV (pipe)");
    let got = import_text(text);
    assert_eq!(manager(&got, "23").as_deref(), Some("112"));
    assert_eq!(
        got.chart.leader(&LeaderId::new("23")).unwrap().name,
        "Terri Duffy"
    );
}

#[test]
fn a_tree_under_a_field_of_an_object_is_read() {
    let text = r#"{"version": 2, "data": {"name": "Ada", "children": [{"name": "Bob"}]}}"#;
    let got = import_json(text);
    assert_eq!(got.chart.len(), 2);
    assert_eq!(manager(&got, "1.1").as_deref(), Some("1"));
}

#[test]
fn a_cost_column_is_read_as_people_write_money_and_a_bad_one_named() {
    let text = "Employee ID,Name,Job Title,Manager ID,Annual Salary\n\
        1,Ada,CEO,,\"£250,000\"\n2,Bob,CIO,1,180000\n3,Cy,Engineer,2,n/a\n";
    let got = import_text(text);
    let cost = |id: &str| got.chart.leader(&LeaderId::new(id)).unwrap().cost;
    assert_eq!(cost("1"), Some(250_000.0));
    assert_eq!(cost("2"), Some(180_000.0));
    assert_eq!(cost("3"), None);
    let said: Vec<String> = got.problems.iter().map(ToString::to_string).collect();
    assert_eq!(said, ["row 4: the cost \"n/a\" is not a number; left out"]);
    // It saves and loads, and goes back out to CSV.
    let model = got.into_model(
        crate::core::workspace::ModelId::new("m"),
        "m".into(),
        "x.csv",
    );
    let saved =
        crate::core::format::save(&crate::core::workspace::Workspace::new(vec![model.clone()]))
            .unwrap();
    let back = crate::core::format::load(&saved).unwrap();
    assert_eq!(back.models[0].chart, model.chart);
    let csv = String::from_utf8(to_csv(&model)).unwrap();
    assert!(
        csv.lines().next().unwrap().ends_with(",cost,assistant"),
        "{csv}"
    );
    assert!(csv.contains(",250000"), "{csv}");
}

#[test]
fn managers_written_last_name_first_and_excels_separator_hint() {
    let text = "sep=;\nID;Name;Title;Reports To\n1;Ann Top;CEO;\n2;Bo Mid;CIO;Top, Ann\n";
    let table = read_text(text).unwrap();
    assert_eq!(table.source, "CSV (semicolon)");
    assert_eq!(table.headers[1], "Name");
    assert_eq!(table.rows[0].number, 3, "the file's line");
    let got = import_text(text);
    assert!(got.problems.is_empty(), "{:?}", got.problems);
    assert_eq!(manager(&got, "2").as_deref(), Some("1"));
}

#[test]
fn an_assistant_column_marks_assistants_beside_their_manager() {
    let text = "Employee ID,Name,Job Title,Manager ID,Executive Assistant\n\
        1,Ada,CEO,,\n2,Bob,CIO,1,no\n3,Cy,Executive Assistant,1,Yes\n4,Di,Staff,1,x\n";
    let got = import_text(text);
    let assistant = |id: &str| got.chart.leader(&LeaderId::new(id)).unwrap().assistant;
    assert!(!assistant("1") && !assistant("2"));
    assert!(assistant("3") && assistant("4"));
    // Written back to CSV, and read again the same.
    let model = got.into_model(
        crate::core::workspace::ModelId::new("m"),
        "m".into(),
        "x.csv",
    );
    let csv = String::from_utf8(to_csv(&model)).unwrap();
    let again = import_text(&csv);
    assert!(again.chart.leader(&LeaderId::new("3")).unwrap().assistant);
    assert!(!again.chart.leader(&LeaderId::new("2")).unwrap().assistant);
}
