//! The shell: every change to the document is undoable (models, scenes,
//! the pack's details), models are known by id (Compare after a delete),
//! the command palette runs any command of the table, and typing a caption
//! works nothing of the chart out again. Driven through the real app.

use chartroom::app::{ChartroomApp, ViewMode};
use chartroom::core::model::{Leader, LeaderId, OrgChart, Role};
use chartroom::core::workspace::{Model, ModelId, Scene, Workspace};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use crate::common::{self, dialogs, harness, preset_app, show_model};

const ENTERPRISE: &str = "Enterprise app-dev: CIO with business-aligned VPs";

fn model_titles(h: &Harness<'_, ChartroomApp>) -> Vec<String> {
    let models = &h.state().editor().workspace().models;
    models.iter().map(|m| m.title.clone()).collect()
}

#[test]
fn delete_model_asks_nothing_says_so_and_ctrl_z_brings_it_back() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    show_model(&mut h, ENTERPRISE);
    let before = h.state().editor().workspace().clone();
    h.get_by_label("Delete model").click();
    h.run();
    assert!(!model_titles(&h).iter().any(|t| t == ENTERPRISE), "deleted");
    h.get_by_label(
        "Deleted Enterprise app-dev: CIO with business-aligned VPs (Ctrl+Z brings it back)",
    );
    assert!(h.state().editor().is_dirty());
    // The model now in its place is shown.
    assert_eq!(h.state().current().as_str(), "manufacturing");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(*h.state().editor().workspace(), before, "back in its place");
    assert_eq!(
        h.state().current().as_str(),
        "enterprise-app-dev",
        "and shown"
    );
    // Redo deletes it again, through the toolbar this time.
    h.get_by_label("Redo").click();
    h.run();
    assert!(!model_titles(&h).iter().any(|t| t == ENTERPRISE));
}

#[test]
fn a_model_renamed_moved_and_duplicated_undoes_step_by_step() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    let start = h.state().editor().workspace().clone();
    // Rename in the model's context menu: typing makes one step.
    // The model list's entry (the heading on the right has the same words).
    h.get_all_by_label("Peers: operations vs. strategy")
        .next()
        .expect("listed")
        .click_secondary();
    h.run();
    let field = h.get_by_label("Model title");
    field.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Model title").type_text("Peers");
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(model_titles(&h)[0], "Peers");
    // Duplicate, then move the copy up.
    h.get_by_label("Duplicate").click();
    h.run();
    assert_eq!(model_titles(&h)[1], "Peers (copy)");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run();
    h.get_by_label("Command").type_text("move model up");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(model_titles(&h)[0], "Peers (copy)", "moved up");
    for _ in 0..3 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    assert_eq!(*h.state().editor().workspace(), start, "three steps undone");
}

#[test]
fn compare_after_its_model_is_deleted_shows_a_pair_that_exists_and_says_so() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    common::compare(
        &mut h,
        "Traditional: CTO reports to CIO",
        "Software company: CIO reports to CTO",
    );
    h.get_by_label("Chart").click();
    h.run();
    show_model(&mut h, "Software company: CIO reports to CTO");
    h.get_by_label("Delete model").click();
    h.run();
    h.get_by_label("Compare").click();
    h.run();
    let note = h.get_by_label_contains("The model compared was deleted: showing ");
    let said = note.accesskit_node().label().unwrap_or_default();
    assert!(!said.contains("Software company"), "{said}");
    // The comparison is of two models of the document, Traditional on the left.
    let heading = h.get_by_label_contains("What changes from Traditional to ");
    let heading = heading.accesskit_node().label().unwrap_or_default();
    assert!(!heading.contains("Software company"), "{heading}");
}

#[test]
fn the_palette_finds_and_runs_any_command() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run();
    h.get_by_label("Command").type_text("matr");
    h.run();
    // The match is listed with what it does; Enter runs it.
    h.get_by_label("Matrix");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().view(), ViewMode::Matrix);
    assert!(h.query_by_label("Command").is_none(), "the palette closed");
    // Esc closes it without running anything.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run();
    h.get_by_label("Command").type_text("no such thing at all");
    h.run();
    h.get_by_label("No command has those words.");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Command").is_none());
    assert_eq!(h.state().view(), ViewMode::Matrix);
}

#[test]
fn storyboard_and_pack_details_undo_like_chart_edits() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    h.get_by_label("Add current view as scene").click();
    h.run();
    assert_eq!(h.state().editor().workspace().storyboard.len(), 1);
    h.get_by_label("Caption of scene 1:").focus();
    h.run();
    h.get_by_label("Caption of scene 1:")
        .type_text("Who owns it");
    h.run();
    assert_eq!(
        h.state().editor().workspace().storyboard[0].caption,
        "Who owns it"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().editor().workspace().storyboard[0].caption,
        "",
        "typing is one step"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        h.state().editor().workspace().storyboard.is_empty(),
        "the scene is gone"
    );
    // The pack's details, set in their window, are one step too.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Board pack details…").click();
    h.run();
    let title = || (egui::accesskit::Role::TextInput, "Title:");
    h.get_by_role_and_label(title().0, title().1).click();
    h.run();
    h.get_by_role_and_label(title().0, title().1)
        .type_text("Next year");
    h.run();
    h.get_by_label("Done").click();
    h.run();
    assert_eq!(h.state().editor().workspace().pack.title, "Next year");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().editor().workspace().pack.title, "", "undone");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(
        h.state().editor().workspace().pack.title,
        "Next year",
        "redone"
    );
}

/// A chart of `n` leaders: one top, rows of ten under each manager.
fn wide_org(n: usize) -> Workspace {
    let ids: Vec<String> = (0..n).map(|i| format!("p{i}")).collect();
    let mut chart = OrgChart::new();
    for (i, id) in ids.iter().enumerate() {
        let role = if i == 0 { Role::Ceo } else { Role::Other };
        let mut leader = Leader::new(id.as_str(), role, format!("Person {i}"));
        leader.responsibilities = vec![chartroom::core::model::Assignment::accountable("security")];
        chart.add_leader(leader).unwrap();
        if i > 0 {
            let manager = LeaderId::new(ids[(i - 1) / 10].as_str());
            chart
                .add_direct(&manager, &LeaderId::new(id.as_str()))
                .unwrap();
        }
    }
    let id = ModelId::new("org");
    let mut scene = Scene::of_model(id.clone());
    scene.highlight = Some("security".into());
    let mut workspace = Workspace::new(vec![Model {
        id,
        title: "Org".into(),
        description: String::new(),
        preset: None,
        chart,
    }]);
    workspace.storyboard = vec![scene];
    workspace
}

#[test]
fn typing_a_caption_in_a_big_model_works_out_no_facts_again() {
    let app = ChartroomApp::new(
        wide_org(100_000),
        None,
        dialogs(&common::Answers::default()),
    );
    let mut h = harness(app);
    let made = h.state().facts_made();
    assert!(made >= 1, "the chart's facts were worked out to draw it");
    let field = h.get_by_label("Caption of scene 1:");
    field.focus();
    h.run();
    for c in "Security has 9 heads".chars() {
        h.get_by_label("Caption of scene 1:")
            .type_text(&c.to_string());
        h.run();
    }
    assert_eq!(
        h.state().editor().workspace().storyboard[0].caption,
        "Security has 9 heads"
    );
    assert_eq!(
        h.state().facts_made(),
        made,
        "20 keystrokes, no facts worked out"
    );
}

/// Help > Keyboard shortcuts lists every command's keys from the table the
/// menus read: each shortcut a menu shows (and the others) is there, and
/// Close (or Esc) puts it away. F1 opens it too.
#[test]
fn help_keyboard_shortcuts_lists_every_shortcut_of_the_menus() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    h.get_by_label("Help").click();
    h.run();
    // The menu entry's name carries its shortcut ("Keyboard shortcuts F1").
    h.get_by_label_contains("Keyboard shortcuts").click();
    h.run();
    let ctx = h.ctx.clone();
    let mut listed = 0;
    for command in chartroom::app::Command::all() {
        let Some(line) = command.keys_text(&ctx) else {
            continue;
        };
        assert!(
            h.query_all_by_label(&line).next().is_some(),
            "{} ({line}) is not in the list",
            command.label()
        );
        assert!(
            h.query_all_by_label(&command.label()).next().is_some(),
            "{} has no row",
            command.label()
        );
        listed += 1;
    }
    assert!(listed >= 25, "{listed} commands with keys listed");
    h.get_by_label("Ctrl+Z");
    h.get_by_label("Ctrl+Shift+Z or Ctrl+Y");
    h.get_by_label("Close").click();
    h.run();
    assert!(
        h.query_by_label("Ctrl+Shift+Z or Ctrl+Y").is_none(),
        "closed"
    );
    h.key_press(Key::F1);
    h.run();
    h.get_by_label("Ctrl+Shift+Z or Ctrl+Y");
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.query_by_label("Ctrl+Shift+Z or Ctrl+Y").is_none(),
        "Esc closes it"
    );
}
