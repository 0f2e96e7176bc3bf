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
