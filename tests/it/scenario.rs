//! Scenarios, as a CIO would make one: import the organisation, try the
//! Software company model on it (the cast suggested from the titles, one
//! post to be hired), read the impact in Compare, take it back with Ctrl+Z.

use crate::common::{harness, preset_app};
use chartroom::app::ViewMode;
use chartroom::core::model::LeaderId;
use chartroom::core::scenario::Cast;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

/// Scenario > Try a model on this organisation…, then Software company as
/// the model to try.
fn try_software_company(h: &mut egui_kittest::Harness<'_, chartroom::app::ChartroomApp>) {
    h.get_by_label("Scenario").click();
    h.run();
    h.get_by_label("Try a model on this organisation…").click();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Model to try")
        .click();
    h.run();
    // The popup's entry (the model list has one too).
    h.get_all_by_label("Software company: CIO reports to CTO")
        .last()
        .unwrap()
        .click();
    h.run();
}

const ORG: &str = "Employee ID,Name,Job Title,Manager ID\n\
    1,Ann Chief,Chief Executive Officer,\n\
    2,Bo Info,Chief Information Officer,1\n\
    3,Cy Tech,Chief Technology Officer,2\n\
    4,Di Dev,Engineer,3\n\
    5,Ed Ops,Service Desk Lead,2\n";

#[test]
fn try_software_company_on_an_imported_org_see_the_impact_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("our-org.csv");
    std::fs::write(&path, ORG).unwrap();
    let (app, answers) = preset_app();
    let mut h = harness(app);
    *answers.open.borrow_mut() = Some(path);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import people…").click();
    h.run();
    h.get_by_label("Import").click();
    h.run();
    let models_before = h.state().editor().workspace().models.len();

    try_software_company(&mut h);
    h.get_by_label("Try a model on our-org");
    // Suggested from the titles: one person holds each role.
    let cast = |part: &str| {
        h.state()
            .casting()
            .unwrap()
            .cast
            .get(&LeaderId::new(part))
            .cloned()
    };
    assert_eq!(cast("cto"), Some(Cast::Person(LeaderId::new("3"))));
    assert_eq!(cast("cio"), Some(Cast::Person(LeaderId::new("2"))));
    assert_eq!(cast("ciso"), None, "nobody has the role");
    // Nobody is a CISO: the post is to be hired.
    h.get_by_role_and_label(Role::ComboBox, "CISO").click();
    h.run();
    h.get_by_label("To be hired").click();
    h.run();
    h.get_by_label("Make scenario").click();
    h.run();

    assert!(h.state().casting().is_none(), "the window closes");
    let workspace = h.state().editor().workspace();
    assert_eq!(workspace.models.len(), models_before + 1);
    let scenario = workspace
        .models
        .iter()
        .find(|m| m.title == "our-org as Software company")
        .unwrap();
    let manager = |id: &str| {
        scenario
            .chart
            .manager_of(&LeaderId::new(id))
            .map(ToString::to_string)
    };
    assert_eq!(manager("3").as_deref(), Some("1"), "the CTO under the CEO");
    assert_eq!(manager("2").as_deref(), Some("3"), "the CIO under the CTO");
    assert_eq!(
        manager("5").as_deref(),
        Some("2"),
        "the CIO's team moves with them"
    );
    assert_eq!(scenario.chart.leaders().filter(|l| l.open).count(), 1);
    assert_eq!(h.state().view(), ViewMode::Compare);
    h.get_by_label_contains("Made our-org as Software company; 1 open position");
    h.get_by_label("Impact on the organisation");
    h.get_by_label("CTO Cy Tech: people under them");

    // The scenario knows its baseline: its panel says so and compares.
    let scenario_id = scenario.id.clone();
    assert_eq!(
        h.state()
            .editor()
            .workspace()
            .scenario_of(&scenario_id)
            .map(|l| l.baseline.as_str()),
        Some("our-org")
    );
    h.get_by_label("Chart").click();
    h.run();
    h.get_by_label("A scenario: our-org tried as Software company: CIO reports to CTO.");
    h.get_by_label("Compare with its baseline").click();
    h.run();
    assert_eq!(h.state().view(), ViewMode::Compare);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().editor().workspace().models.len(),
        models_before,
        "undone"
    );
    assert!(
        h.state().editor().workspace().scenarios.is_empty(),
        "the link too"
    );
}

#[test]
fn a_casting_that_loops_is_refused_in_the_window_with_draggings_sentence() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    try_software_company(&mut h);
    // Peers' CISO (under the CIO) cast as the CEO: a loop.
    h.get_by_role_and_label(Role::ComboBox, "CEO").click();
    h.run();
    h.get_by_role(Role::TextInput).click();
    h.run();
    h.get_by_role(Role::TextInput).type_text("Security");
    h.run();
    h.get_by_label_contains("CISO — Chief Information Security Officer")
        .click();
    h.run();
    // The CISO plays the CEO now, so nobody plays the CISO.
    h.get_by_role_and_label(Role::ComboBox, "CISO").click();
    h.run();
    h.get_by_label("(nobody)").click();
    h.run();
    h.get_by_label("Make scenario").click();
    h.run();
    // The CTO would go under the CISO, who is under the CIO, who would go
    // under the CTO.
    h.get_by_label_contains("cannot report to");
    assert!(h.state().casting().is_some(), "the window stays open");
}

/// A big organisation is cast on a worker: the window says it is making
/// the scenario, and the scenario comes in by itself.
#[test]
fn a_big_organisation_is_cast_on_a_worker() {
    use chartroom::core::model::{Leader, OrgChart, Role as Badge};
    use chartroom::core::workspace::{Model, ModelId, Workspace};
    let mut chart = OrgChart::new();
    for (id, role, name) in [
        ("ceo", Badge::Ceo, "Ann Chief"),
        ("cio", Badge::Cio, "Bo Info"),
        ("cto", Badge::Cto, "Cy Tech"),
    ] {
        chart.add_leader(Leader::new(id, role, name)).unwrap();
    }
    for (report, manager) in [("cio", "ceo"), ("cto", "cio")] {
        chart
            .set_manager(&LeaderId::new(report), Some(&LeaderId::new(manager)))
            .unwrap();
    }
    for i in 0..12_000 {
        let id = format!("e{i}");
        chart
            .add_leader(Leader::new(&id, Badge::Other, format!("Person {i}")))
            .unwrap();
        let manager = if i % 2 == 0 { "cio" } else { "cto" };
        chart
            .set_manager(&LeaderId::new(&id), Some(&LeaderId::new(manager)))
            .unwrap();
    }
    let org = Model {
        id: ModelId::new("big"),
        title: "Big org".into(),
        description: String::new(),
        preset: None,
        chart,
    };
    let target = chartroom::core::presets::model("software-company").unwrap();
    let app = chartroom::app::ChartroomApp::new(
        Workspace::new(vec![org, target]),
        None,
        crate::common::dialogs(&crate::common::Answers::default()),
    );
    let mut h = harness(app);
    try_software_company(&mut h);
    h.get_by_label("Make scenario").click();
    h.step();
    assert!(
        h.state().casting().is_some_and(|c| c.working.is_some()),
        "12,000 people are cast on a worker"
    );
    let started = std::time::Instant::now();
    while h.state().casting().is_some() {
        h.step();
        // Every frame drawn while the worker works says so (the worker may
        // also be done before the next frame: it is not waited for).
        if h.state().casting().is_some_and(|c| c.working.is_some()) {
            h.get_by_label("Making the scenario…");
        }
        assert!(started.elapsed().as_secs() < 120, "the worker finishes");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    h.run();
    let workspace = h.state().editor().workspace();
    let scenario = workspace
        .models
        .iter()
        .find(|m| m.title == "Big org as Software company")
        .unwrap();
    // The CIO now reports to the CTO, with their 6,000 people.
    let cio = scenario
        .chart
        .manager_of(&LeaderId::new("cio"))
        .map(ToString::to_string);
    assert_eq!(cio.as_deref(), Some("cto"));
    assert_eq!(h.state().view(), ViewMode::Compare);
}
