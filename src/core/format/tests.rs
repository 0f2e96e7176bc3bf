//! Loader and saver unit tests.

use super::*;

fn doc(leaders: &str, dotted: &str) -> String {
    format!(
        r#"{{"format":"chartroom","version":1,"models":[{{"id":"m","title":"M","leaders":[{leaders}],"dotted_lines":[{dotted}]}}]}}"#
    )
}

fn leader(id: &str, manager: Option<&str>) -> String {
    let manager = manager.map_or("null".to_owned(), |m| format!("\"{m}\""));
    format!(r#"{{"id":"{id}","role":"CIO","name":"{id}","manager":{manager}}}"#)
}

fn err(text: &str) -> String {
    load(text).unwrap_err().to_string()
}

#[test]
fn syntax_errors_name_line_and_column() {
    assert_eq!(
        err("{\n  \"format\": \"chartroom\",\n  oops\n}"),
        "not valid JSON: key must be a string (line 3, column 3)"
    );
}

#[test]
fn other_json_is_not_a_chartroom_document() {
    assert_eq!(
        err(r#"{"hello": 1}"#),
        "not a Chartroom document: it has no \"format\": \"chartroom\" field"
    );
    assert_eq!(err("[1, 2]"), err(r#"{"format": "other"}"#));
}

#[test]
fn newer_versions_are_refused_by_name() {
    assert_eq!(
        err(r#"{"format":"chartroom","version":7,"models":[]}"#),
        "made by a newer Chartroom: the file is version 7, this build reads up to version 6"
    );
}

#[test]
fn structure_errors_name_the_field() {
    let text = doc(r#"{"id":"a","role":"Boss","name":"A"}"#, "");
    assert!(
        err(&text)
            .starts_with("the document's structure is wrong: role \"Boss\" is not one of CEO"),
        "{}",
        err(&text)
    );
}

#[test]
fn reference_errors_name_the_leaders() {
    let dup = doc(&[leader("a", None), leader("a", None)].join(","), "");
    assert_eq!(err(&dup), "model \"m\": two leaders have the id \"a\"");
    let dangling = doc(&leader("a", Some("ghost")), "");
    assert_eq!(
        err(&dangling),
        "model \"m\": leader \"a\" reports to \"ghost\", which is not a leader of this model"
    );
    let cycle = doc(
        &[
            leader("root", None),
            leader("a", Some("c")),
            leader("b", Some("a")),
            leader("c", Some("b")),
        ]
        .join(","),
        "",
    );
    assert_eq!(
        err(&cycle),
        "model \"m\": direct reporting lines form a cycle: a reports to c, c reports to b, b reports to a"
    );
    let dotted = doc(&leader("a", None), r#"{"manager":"a","report":"zz"}"#);
    assert_eq!(
        err(&dotted),
        "model \"m\": a dotted line names \"zz\", which is not a leader of this model"
    );
}

#[test]
fn a_long_chain_loads_without_recursion() {
    let n = 100_000;
    let leaders: Vec<String> = (0..n)
        .map(|i| {
            leader(
                &format!("l{i}"),
                (i > 0).then(|| format!("l{}", i - 1)).as_deref(),
            )
        })
        .collect();
    let ws = load(&doc(&leaders.join(","), "")).unwrap();
    assert_eq!(ws.models[0].chart.len(), n);
    let mut looped = leaders.clone();
    looped[0] = leader("l0", Some(&format!("l{}", n - 1)));
    let err = load(&doc(&looped.join(","), "")).unwrap_err();
    assert!(matches!(&err, LoadError::Cycle { leaders, .. } if leaders.len() == n + 1));
    assert_eq!(
        err.to_string(),
        "model \"m\": direct reporting lines form a cycle: l0 reports to l99999, \
         l99999 reports to l99998, l99998 reports to l99997, ... 99994 more links ..., \
         l3 reports to l2, l2 reports to l1, l1 reports to l0 (100000 leaders in the loop)"
    );
}

#[test]
fn non_finite_positions_are_refused_at_save() {
    let mut ws = load(&doc(&leader("a", None), "")).unwrap();
    ws.models[0]
        .chart
        .set_pinned(&LeaderId::new("a"), Some(pos2(f32::NAN, 0.0)))
        .unwrap();
    assert_eq!(
        save(&ws).unwrap_err().to_string(),
        "model \"m\": the position of \"a\" is not a finite number"
    );
}

#[test]
fn a_byte_order_mark_and_roles_in_any_case_are_accepted() {
    let text = format!(
        "\u{feff}{}",
        doc(
            r#"{"id":"a","role":"cio","name":"A","responsibilities":[{"phrase":"x","raci":"r"}]}"#,
            ""
        )
    );
    let ws = load(&text).expect("loads");
    let leader = ws.models[0].chart.leaders().next().unwrap().clone();
    assert_eq!(leader.role, crate::core::model::Role::Cio);
    assert_eq!(
        leader.responsibilities[0].raci,
        crate::core::model::Raci::Responsible
    );
}

#[test]
fn messages_name_no_rust_types() {
    for bad in [
        doc(r#"{"id":"a","role":"CIO","name":"A","responsibilities":[5]}"#, ""),
        doc(r#"{"id":"a","role":"CIO","name":"A","responsibilities":[{"phrase":"x","who":"me"}]}"#, ""),
        doc("[1]", ""),
        r#"{"format":"chartroom","version":3,"models":[5]}"#.to_owned(),
        r#"{"format":"chartroom","version":3,"models":[{"id":"m","title":"M","leaders":[{"id":"a","role":7,"name":"A"}]}]}"#.to_owned(),
    ] {
        let message = err(&bad);
        for rust in ["File", "struct ", "enum ", "variant", "untagged"] {
            assert!(!message.contains(rust), "{message}");
        }
    }
}

/// Version 5: a scenario's link to its baseline is saved and read back; a
/// link naming a model the file does not have means nothing; a version 4
/// file opens as before, with no scenarios.
#[test]
fn scenario_links_round_trip_and_dangling_ones_are_dropped() {
    use crate::core::workspace::{ModelId, ScenarioLink};
    let v4 = r#"{"format": "chartroom", "version": 4, "models": [
        {"id": "org", "title": "Our org", "leaders": [{"id": "a", "role": "CEO", "name": "Ann"}]},
        {"id": "org-as-x", "title": "Our org as X", "leaders": [{"id": "a", "role": "CEO", "name": "Ann"}]}]}"#;
    let mut ws = load(v4).unwrap();
    assert!(ws.scenarios.is_empty(), "a version 4 file has none");
    ws.scenarios.push(ScenarioLink {
        model: ModelId::new("org-as-x"),
        baseline: ModelId::new("org"),
        target: "X".into(),
    });
    ws.scenarios.push(ScenarioLink {
        model: ModelId::new("gone"),
        baseline: ModelId::new("org"),
        target: String::new(),
    });
    let saved = save(&ws).unwrap();
    assert!(saved.contains("\"version\": 6"));
    let back = load(&saved).unwrap();
    assert_eq!(back.scenarios, ws.scenarios[..1]);
    assert_eq!(
        back.scenario_of(&ModelId::new("org-as-x"))
            .map(|l| l.baseline.as_str()),
        Some("org")
    );
    let dangling = saved.replace("\"baseline\": \"org\"", "\"baseline\": \"nowhere\"");
    assert!(load(&dangling).unwrap().scenarios.is_empty());
}

/// Version 6: the board pack's paper and "every page landscape" are kept;
/// left at A4 and turning allowed, they are not written; a version 5 file
/// opens on A4; an unknown paper is refused by name.
#[test]
fn the_board_packs_paper_round_trips() {
    use crate::core::workspace::PageSize;
    let v5 = r#"{"format": "chartroom", "version": 5, "models": [
        {"id": "org", "title": "Our org", "leaders": [{"id": "a", "role": "CEO", "name": "Ann"}]}]}"#;
    let mut ws = load(v5).unwrap();
    assert_eq!(ws.pack.paper, PageSize::A4, "a version 5 file prints on A4");
    ws.pack.title = "Board".into();
    let plain = save(&ws).unwrap();
    assert!(!plain.contains("\"paper\"") && !plain.contains("\"landscape\""));
    ws.pack.paper = PageSize::Letter;
    ws.pack.landscape = true;
    let saved = save(&ws).unwrap();
    assert!(saved.contains("\"paper\": \"Letter\""), "{saved}");
    assert_eq!(load(&saved).unwrap().pack, ws.pack);
    let message = err(&saved.replace("\"Letter\"", "\"B5\""));
    assert!(
        message.contains("paper \"B5\" is not one of A4, Letter, A3"),
        "{message}"
    );
    let us = saved.replace("\"Letter\"", "\"us letter\"");
    assert_eq!(load(&us).unwrap().pack.paper, PageSize::Letter);
}
