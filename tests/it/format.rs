//! File round trips and the loader's promise: Ok or a named error, never a
//! panic.

use chartroom::core::format::{self, LoadError};
use chartroom::core::model::{Assignment, Leader, LeaderId, OrgChart, Raci, Role};
use chartroom::core::presets;
use chartroom::core::workspace::{Model, Workspace};
use emath::pos2;
use proptest::prelude::*;

fn role() -> impl Strategy<Value = Role> {
    proptest::sample::select(Role::ALL.to_vec())
}

fn raci() -> impl Strategy<Value = Raci> {
    proptest::sample::select(Raci::ALL.to_vec())
}

fn chart() -> impl Strategy<Value = OrgChart> {
    let leader = (
        role(),
        "\\PC{0,20}",
        "\\PC{0,30}",
        proptest::collection::vec(("[a-zA-Z ]{1,24}", raci()), 0..5),
        proptest::option::of((any::<f32>(), any::<f32>())),
        0.0f64..1.0,
    );
    (
        proptest::collection::vec(leader, 1..25),
        proptest::collection::vec((0.0f64..1.0, 0.0f64..1.0), 0..6),
    )
        .prop_map(|(leaders, dotted)| {
            let mut chart = OrgChart::new();
            let n = leaders.len();
            for (i, (role, name, title, resp, pinned, manager_roll)) in
                leaders.into_iter().enumerate()
            {
                let pinned = pinned
                    .filter(|(x, y)| x.is_finite() && y.is_finite())
                    .map(|(x, y)| pos2(x, y));
                let leader = Leader {
                    id: LeaderId::new(format!("l{i}")),
                    role,
                    name,
                    title,
                    responsibilities: resp
                        .into_iter()
                        .map(|(phrase, raci)| Assignment::new(phrase, raci))
                        .collect(),
                    pinned,
                    // Some folded away, to round-trip that too.
                    collapsed: manager_roll > 0.8,
                    department: if manager_roll > 0.5 {
                        "Engineering".into()
                    } else {
                        String::new()
                    },
                    email: format!("l{i}@example.com"),
                    location: String::new(),
                    // Some open positions, to round-trip the flag too.
                    open: manager_roll < 0.2,
                    // Some costs, whole and not.
                    cost: (manager_roll > 0.3).then_some(manager_roll * 123_456.7),
                    // Some assistants, to round-trip that too.
                    assistant: (0.6..0.7).contains(&manager_roll),
                };
                chart.add_leader(leader).unwrap();
                if i > 0 && manager_roll > 0.1 {
                    let m = (manager_roll * i as f64) as usize;
                    chart
                        .set_manager(
                            &LeaderId::new(format!("l{i}")),
                            Some(&LeaderId::new(format!("l{m}"))),
                        )
                        .unwrap();
                }
            }
            for (a, b) in dotted {
                let (a, b) = ((a * n as f64) as usize, (b * n as f64) as usize);
                // Refusals (loops, repeats) are fine: only valid lines stay.
                let _ = chart.add_dotted(
                    &LeaderId::new(format!("l{a}")),
                    &LeaderId::new(format!("l{b}")),
                );
            }
            chart
        })
}

fn workspace() -> impl Strategy<Value = Workspace> {
    proptest::collection::vec((chart(), "\\PC{0,30}", "\\PC{0,60}"), 1..4).prop_map(|models| {
        Workspace::new(
            models
                .into_iter()
                .enumerate()
                .map(|(i, (chart, title, description))| Model {
                    id: chartroom::core::workspace::ModelId(format!("m{i}")),
                    title,
                    description,
                    preset: None,
                    chart,
                })
                .collect(),
        )
    })
}

fn position_bits(ws: &Workspace) -> Vec<Option<(u32, u32)>> {
    ws.models
        .iter()
        .flat_map(|m| {
            m.chart
                .leaders()
                .map(|l| l.pinned.map(|p| (p.x.to_bits(), p.y.to_bits())))
                .collect::<Vec<_>>()
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn save_then_load_gives_back_the_same_workspace(ws in workspace()) {
        let text = format::save(&ws).unwrap();
        let back = format::load(&text).unwrap();
        prop_assert_eq!(&back, &ws);
        prop_assert_eq!(position_bits(&back), position_bits(&ws), "floats bit for bit");
        prop_assert_eq!(format::save(&back).unwrap(), text, "saving is stable");
    }

    #[test]
    fn mutated_files_load_or_fail_with_a_message(
        seed in 0usize..8,
        edits in proptest::collection::vec((0.0f64..1.0, any::<u8>()), 1..8),
    ) {
        let mut bytes = presets::PRESETS[seed].json.as_bytes().to_vec();
        for (at, byte) in edits {
            let i = (at * bytes.len() as f64) as usize % bytes.len();
            bytes[i] = byte;
        }
        let text = String::from_utf8_lossy(&bytes);
        match format::load(&text) {
            Ok(ws) => prop_assert!(!ws.models.is_empty()),
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }
}

/// A structural change to a document: remove a field, give it a value of
/// another type, copy a leader (a duplicate id), or point a manager at
/// another leader (possibly closing a loop).
fn mutate(doc: &mut serde_json::Value, kind: u8, pick: usize, value: &serde_json::Value) {
    let leaders = doc["models"][0]["leaders"].as_array_mut().expect("leaders");
    let n = leaders.len();
    let leader = &mut leaders[pick % n];
    let field = [
        "id",
        "role",
        "name",
        "title",
        "manager",
        "responsibilities",
        "position",
    ][pick % 7];
    match kind % 4 {
        0 => {
            leader.as_object_mut().expect("object").remove(field);
        }
        1 => leader[field] = value.clone(),
        2 => {
            let copy = leader.clone();
            leaders.push(copy);
        }
        _ => {
            let target = leaders[(pick / 7) % n]["id"].clone();
            leaders[pick % n]["manager"] = target;
        }
    }
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        "\\PC{0,12}".prop_map(serde_json::Value::from),
        Just(serde_json::json!([1, "x", null])),
        Just(serde_json::json!({"phrase": 3})),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn structurally_mutated_files_load_or_fail_with_a_message(
        seed in 0usize..8,
        edits in proptest::collection::vec((any::<u8>(), any::<usize>(), json_value()), 1..5),
    ) {
        let mut doc: serde_json::Value = serde_json::from_str(presets::PRESETS[seed].json).unwrap();
        for (kind, pick, value) in &edits {
            mutate(&mut doc, *kind, *pick, value);
        }
        match format::load(&doc.to_string()) {
            Ok(ws) => {
                // Whatever loads saves and loads back the same.
                let again = format::load(&format::save(&ws).unwrap()).unwrap();
                prop_assert_eq!(again, ws);
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }
}

#[test]
fn the_storyboard_is_saved_and_an_old_file_has_none() {
    use chartroom::core::workspace::Scene;
    let mut ws = presets::workspace().unwrap();
    ws.storyboard = vec![Scene {
        model: "cdio".into(),
        compare: None,
        focus: Some(LeaderId::new("vp-change")),
        highlight: Some("digital transformation".into()),
        caption: "Change sits with the CDIO".into(),
        notes: "Ask the CISO about the dotted line.\nThen move on.".into(),
    }];
    ws.storyboard.push(Scene::comparing(
        "traditional".into(),
        "software-company".into(),
    ));
    let text = format::save(&ws).unwrap();
    assert!(text.contains("\"version\": 6"));
    assert!(text.contains("\"caption\": \"Change sits with the CDIO\""));
    assert!(text.contains("\"compare\": \"software-company\""));
    assert_eq!(format::load(&text).unwrap(), ws);
    // A comparison with a model the file does not have is refused by name.
    let bad = text.replace("\"compare\": \"software-company\"", "\"compare\": \"nope\"");
    let err = format::load(&bad).unwrap_err().to_string();
    assert_eq!(err, "storyboard scene 2: there is no model \"nope\"");
    // A version-2 preset file loads with no storyboard: one scene per model.
    let old = format::load(presets::PRESETS[0].json).unwrap();
    assert!(old.storyboard.is_empty());
    assert_eq!(old.scenes().len(), 1);
}

#[test]
fn saving_to_disk_replaces_the_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ws.json");
    std::fs::write(&path, "old").unwrap();
    let ws = presets::workspace().unwrap();
    format::save_path(&ws, &path).unwrap();
    assert_eq!(format::load_path(&path).unwrap(), ws);
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["ws.json", "ws.json.bak"],
        "no temporary file is left behind"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("ws.json.bak")).unwrap(),
        "old"
    );
}

#[test]
fn a_refused_save_leaves_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ws.json");
    let good = presets::PRESETS[0].json;
    std::fs::write(&path, good).unwrap();
    let mut ws = presets::workspace().unwrap();
    ws.models[0]
        .chart
        .set_pinned(&LeaderId::new("cto"), Some(pos2(f32::INFINITY, 0.0)))
        .unwrap();
    let err = format::save_path(&ws, &path).unwrap_err();
    assert_eq!(
        err.to_string(),
        "model \"peers\": the position of \"cto\" is not a finite number"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), good);
}

#[test]
fn missing_and_huge_files_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.json");
    let err = format::load_path(&missing).unwrap_err();
    assert!(matches!(err, LoadError::Io { .. }));
    assert!(
        err.to_string()
            .starts_with(&format!("cannot read {}", missing.display()))
    );

    let huge = dir.path().join("huge.json");
    let file = std::fs::File::create(&huge).unwrap();
    file.set_len(format::MAX_FILE_BYTES + 1).unwrap();
    let err = format::load_path(&huge).unwrap_err().to_string();
    assert!(
        err.contains("Chartroom opens files up to 67108864 bytes (64 MiB)"),
        "{err}"
    );
}

/// What the fuzz target (`fuzz/fuzz_targets/load.rs`) asks of every input,
/// asked of every invalid fixture and every preset: a named error, or a
/// workspace that saves and loads back the same.
#[test]
fn every_fixture_and_preset_keeps_the_fuzz_targets_promise() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut read = 0;
    for dir in ["tests/fixtures/invalid", "assets/presets"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            read += 1;
            // As the fuzz target: the loader takes text (a file that is
            // not UTF-8 is refused before it, by load_path).
            let Ok(text) = std::str::from_utf8(&bytes) else {
                continue;
            };
            match format::load(text) {
                Ok(workspace) => {
                    let saved = format::save(&workspace).expect("a loaded workspace saves");
                    let back = format::load(&saved).expect("a saved workspace loads");
                    assert_eq!(back, workspace, "{} after save then load", path.display());
                }
                Err(e) => assert!(!e.to_string().is_empty(), "{}", path.display()),
            }
        }
    }
    assert!(read >= 30, "read the fixtures and presets: {read}");
}
