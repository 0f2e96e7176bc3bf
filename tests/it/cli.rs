//! The command line, run as a user would: output and exit codes.

use crate::common::{chartroom, text};

#[test]
fn presets_lists_identifier_and_title() {
    let out = chartroom(&["presets"]);
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 8);
    assert_eq!(lines[0], "peers\tPeers: operations vs. strategy");
    assert_eq!(
        lines[7],
        "elevator-doors\tElevator doors: the same work, different audiences"
    );
}

#[test]
fn check_a_preset_prints_leaders_and_overlaps() {
    let out = chartroom(&["check", "preset:peers"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "preset:peers: valid, 1 model(s)\n\
         peers (Peers: operations vs. strategy)\n  leaders: 4\n  \
         levels: 3, managers: 2, median span 1.5, mean span 1.5\n  overlaps: 1\n    information security: CIO, CISO\n"
    );
}

#[test]
fn check_json_reports_each_model() {
    let out = chartroom(&["check", "preset:elevator-doors", "--json"]);
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["valid"], true);
    assert!(report["models"][0]["levels"].as_u64().unwrap() >= 2);
    assert!(report["models"][0]["median_span"].as_f64().unwrap() > 0.0);
    assert_eq!(report["models"][0]["leaders"], 3);
    assert_eq!(report["models"][0]["overlaps"].as_array().unwrap().len(), 4);
    assert_eq!(
        report["models"][0]["overlaps"][0]["holders"],
        serde_json::json!(["cto", "cio"])
    );
}

#[test]
fn check_a_saved_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("all.json");
    let ws = chartroom::core::presets::workspace().unwrap();
    chartroom::core::format::save_path(&ws, &path).unwrap();
    let out = chartroom(&["check", path.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("valid, 8 model(s)"));
}

#[test]
fn an_invalid_file_exits_1_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cycle.json");
    std::fs::write(
        &path,
        r#"{"format":"chartroom","version":1,"models":[{"id":"m","title":"M","leaders":[
            {"id":"a","role":"CIO","name":"A","manager":"b"},
            {"id":"b","role":"CTO","name":"B","manager":"a"}]}]}"#,
    )
    .unwrap();
    let out = chartroom(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr)
            .contains("direct reporting lines form a cycle: a reports to b, b reports to a"),
        "{}",
        text(&out.stderr)
    );
    let out = chartroom(&["check", path.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["valid"], false);
}

#[test]
fn a_missing_file_exits_1_without_a_panic() {
    let out = chartroom(&["check", "/nonexistent/chart.json"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("cannot read /nonexistent/chart.json"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"));
}

#[test]
fn usage_errors_exit_2_and_help_works() {
    assert_eq!(chartroom(&["check"]).status.code(), Some(2));
    assert_eq!(chartroom(&["frobnicate", "x", "y"]).status.code(), Some(2));
    let help = chartroom(&["--help"]);
    assert!(help.status.success());
    let help = text(&help.stdout);
    assert!(help.contains("check") && help.contains("presets"), "{help}");
}

#[test]
fn diff_says_what_changes_in_sentences() {
    let out = chartroom(&["diff", "preset:traditional", "preset:software-company"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "The reporting line between CIO and CTO is reversed: CIO now reports to CTO.\n\
         CTO now reports to CEO (was CIO).\n\
         CISO now reports to CTO (was CIO).\n\
         CTO takes on technology strategy.\n\
         Software company closes 1 gap.\n"
    );
    let out = chartroom(&["diff", "preset:peers", "preset:peers", "--json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        report["sentences"].as_array().unwrap().len(),
        1,
        "only the summary"
    );
}

#[test]
fn diff_takes_a_model_of_a_file_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("all.json");
    let ws = chartroom::core::presets::workspace().unwrap();
    chartroom::core::format::save_path(&ws, &path).unwrap();
    let file = path.to_str().unwrap();
    let out = chartroom(&["diff", &format!("{file}#peers"), "preset:peers"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = chartroom(&["diff", file, "preset:peers"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(
            "the file holds several models; name one as FILE#MODEL (its models: peers, traditional"
        ),
        "{stderr}"
    );
    let out = chartroom(&["diff", &format!("{file}#nope"), "preset:peers"]);
    assert!(text(&out.stderr).contains("no model has that id"));
}

#[test]
fn export_refuses_a_scale_out_of_range_saying_what_is_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("x.png");
    for scale in ["0", "1000", "abc"] {
        let out = chartroom(&[
            "export",
            "preset:peers",
            "--format",
            "png",
            "--scale",
            scale,
            "-o",
            out_path.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(2), "{scale}");
        assert!(
            text(&out.stderr).contains("use 0.25 to 8"),
            "{}",
            text(&out.stderr)
        );
        assert!(!out_path.exists());
    }
}

#[test]
fn version_names_the_commit_it_was_built_from() {
    let out = chartroom(&["--version"]);
    assert!(out.status.success());
    let said = text(&out.stdout);
    let head = std::process::Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned());
    let commit = head.unwrap_or_else(|| "unknown commit".to_owned());
    assert_eq!(
        said.trim(),
        format!("chartroom {} ({commit})", env!("CARGO_PKG_VERSION"))
    );
}

/// `diff --json` carries the impact: each side's shape and each
/// technology leader's team before and after.
#[test]
fn diff_json_says_the_impact_on_the_organisation() {
    let out = chartroom(&[
        "diff",
        "preset:traditional",
        "preset:software-company",
        "--json",
    ]);
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let impact = &report["impact"];
    assert_eq!(impact["before"]["levels"], 3);
    assert_eq!(impact["after"]["people"], 4);
    assert_eq!(impact["before"]["span_bands"][0]["reports"], "1-2");
    let cto = impact["technology_leaders"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["role"] == "CTO")
        .unwrap();
    assert_eq!(cto["direct_reports"], serde_json::json!([0, 2]));
    assert_eq!(cto["people_under"], serde_json::json!([0, 2]));
}

/// `chartroom scenario` tries a model on an organisation: the cast people
/// move, the file gets the scenario, the impact is printed; a bad cast
/// exits 1 with the reason and writes nothing.
#[test]
fn scenario_writes_the_scenario_and_prints_the_impact_or_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("org.chartroom");
    // The organisation: the Traditional model (CTO under the CIO).
    std::fs::write(&input, chartroom::core::presets::PRESETS[1].json).unwrap();
    let output = dir.path().join("with-scenario.chartroom");
    let path = |p: &std::path::Path| p.to_str().unwrap().to_owned();
    let (input_s, output_s) = (path(&input), path(&output));
    let out = chartroom(&[
        "scenario",
        &input_s,
        "--onto",
        "preset:software-company",
        "--cast",
        "ceo=ceo",
        "--cast",
        "cto=cto",
        "--cast",
        "cio=cio",
        "--hire",
        "ciso",
        "-o",
        &output_s,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.starts_with("scenario: Traditional as Software company\nopen positions created: 1\n"),
        "{said}"
    );
    assert!(
        said.contains("CTO CTO: people under them: 0 -> 2\n"),
        "{said}"
    );
    assert!(said.contains("Open positions: 0 -> 1\n"), "{said}");
    let workspace = chartroom::core::format::load_path(&output).unwrap();
    assert_eq!(
        workspace.models.len(),
        2,
        "the organisation and the scenario"
    );
    let scenario = &workspace.models[1];
    assert_eq!(
        workspace
            .scenario_of(&scenario.id)
            .map(|l| l.baseline.as_str()),
        Some("traditional"),
        "linked to its baseline"
    );
    let cio = chartroom::core::model::LeaderId::new("cio");
    assert_eq!(
        scenario
            .chart
            .manager_of(&cio)
            .map(ToString::to_string)
            .as_deref(),
        Some("cto")
    );

    let refused = dir.path().join("refused.chartroom");
    for (cast, says) in [
        ("cto=nobody", "has nobody with the id \"nobody\""),
        ("cfo=cto", "has no leader \"cfo\""),
        ("nonsense", "is not TARGET_LEADER=PERSON_ID"),
    ] {
        let out = chartroom(&[
            "scenario",
            &input_s,
            "--onto",
            "preset:software-company",
            "--cast",
            cast,
            "-o",
            &path(&refused),
        ]);
        assert_eq!(out.status.code(), Some(1), "{cast}");
        assert!(
            text(&out.stderr).contains(says),
            "{cast}: {}",
            text(&out.stderr)
        );
        assert!(!refused.exists(), "nothing written for {cast}");
    }
}
