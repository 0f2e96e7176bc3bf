//! Any table the import is given imports or is refused, never panics.

use proptest::prelude::*;

use super::*;

fn header_strategy() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "id",
        "Employee ID",
        "name",
        "First Name",
        "Last Name",
        "title",
        "manager",
        "Reports To",
        "email",
        "dotted",
        "role",
        "responsibilities",
        "x",
        "",
    ])
    .prop_map(str::to_owned)
}

fn cell_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,2}",
        "[a-c ]{0,4}",
        Just(String::new()),
        Just("NO_MGR".to_owned()),
        "[0-9]{1,2}(;[0-9]{1,2})?",
        ".{0,6}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_table_imports_or_is_refused_without_panic(
        headers in prop::collection::vec(header_strategy(), 1..8),
        rows in prop::collection::vec(prop::collection::vec(cell_strategy(), 0..9), 0..25),
    ) {
        let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
        writer.write_record(&headers).unwrap();
        for row in &rows {
            if !row.is_empty() {
                writer.write_record(row).unwrap();
            }
        }
        let bytes = writer.into_inner().unwrap();
        if let Ok(table) = read_bytes(&bytes, None) {
            let choices = Choices::from_args(&table, &[]).unwrap();
            if let Ok(got) = choices.import(&table) {
                // A chart that holds: every leader reachable from a root.
                let chart = &got.chart;
                prop_assert_eq!(got.order.len(), chart.len());
                for leader in chart.leaders() {
                    prop_assert!(chart.chain_above(&leader.id).len() < chart.len());
                }
                let _ = got.summary();
            }
        }
    }
}

/// A person of the random tree as a JSON node with its children.
fn node(i: usize, people: &[(usize, String, usize)], kids: &[Vec<usize>]) -> serde_json::Value {
    let inner: Vec<serde_json::Value> = kids[i].iter().map(|&k| node(k, people, kids)).collect();
    serde_json::json!({"name": people[i].1, "title": "t", "children": inner})
}

/// A random tree as nested JSON (`children`), or as flat records whose
/// parent field is `pid`, `parentId` or `parent`; a few ids repeated or
/// parents dangling, as real files have them.
fn json_strategy() -> impl Strategy<Value = String> {
    (
        prop::collection::vec((0usize..40, "[A-Za-z ]{0,8}", 0usize..6), 1..40),
        0usize..4,
    )
        .prop_map(|(people, shape)| {
            let parent_key = ["pid", "parentId", "parent", "children"][shape];
            if parent_key == "children" {
                // Each person i > 0 under an earlier one: nest them.
                let mut children: Vec<Vec<usize>> = vec![Vec::new(); people.len()];
                for (i, (up, _, _)) in people.iter().enumerate().skip(1) {
                    children[up % i].push(i);
                }
                node(0, &people, &children).to_string()
            } else {
                let records: Vec<serde_json::Value> = people
                    .iter()
                    .enumerate()
                    .map(|(i, (up, name, quirk))| {
                        let id = if *quirk == 0 { i / 2 } else { i };
                        let mut record = serde_json::json!({"id": id, "name": name});
                        if i > 0 && *quirk != 1 {
                            record[parent_key] = serde_json::json!(up % (i + 3));
                        }
                        record
                    })
                    .collect();
                serde_json::Value::Array(records).to_string()
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    /// Random JSON trees and record lists import or are refused, never
    /// panic; everyone reaches a root; what is imported saves and loads.
    #[test]
    fn any_json_tree_imports_or_is_refused_and_what_imports_loads(text in json_strategy()) {
        let Ok(table) = read_bytes(text.as_bytes(), None) else {
            return Ok(());
        };
        let choices = Choices::from_args(&table, &[]).unwrap();
        let Ok(got) = choices.import(&table) else {
            return Ok(());
        };
        let chart = &got.chart;
        for leader in chart.leaders() {
            prop_assert!(chart.chain_above(&leader.id).len() < chart.len());
        }
        let model = got.into_model(ModelId::new("imported"), "Imported".into(), "x.json");
        let saved = crate::core::format::save(&crate::core::workspace::Workspace::new(vec![model])).unwrap();
        prop_assert!(crate::core::format::load(&saved).is_ok());
    }

    /// Bytes that are almost CSV (an unbalanced quote swallowing the rest
    /// of the file into one cell, long cells) import into a file that
    /// Chartroom opens, or are refused.
    #[test]
    fn what_the_import_writes_chartroom_opens(
        cells in prop::collection::vec(prop_oneof![
            "[a-z0-9]{1,6}",
            Just("\"".to_owned()),
            Just(String::new()),
            "x{10001,10010}",
        ], 4..40),
    ) {
        let mut text = String::from("id,name,title,manager\n");
        for (i, cell) in cells.iter().enumerate() {
            text.push_str(cell);
            text.push(if i % 4 == 3 { '\n' } else { ',' });
        }
        let Ok(table) = read_bytes(text.as_bytes(), None) else {
            return Ok(());
        };
        let Ok(got) = Choices::from_args(&table, &[]).unwrap().import(&table) else {
            return Ok(());
        };
        let model = got.into_model(ModelId::new("imported"), "Imported".into(), "x.csv");
        let saved = crate::core::format::save(&crate::core::workspace::Workspace::new(vec![model])).unwrap();
        let loaded = crate::core::format::load(&saved);
        prop_assert!(loaded.is_ok(), "{:?}", loaded.err());
    }
}
