//! UI tests: drive the real app through `egui_kittest` (find by label, click,
//! drag, type) and check what changed.

use crate::common::{centre_of, drag, harness, manager_of, preset_app, show_model};
use chartroom::core::model::{LeaderId, LineKind};
use chartroom::ui::canvas::Selection;
use egui::{Key, Modifiers, vec2};
use egui_kittest::kittest::Queryable;

#[test]
fn picking_a_preset_shows_its_leaders() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    show_model(&mut h, "Enterprise app-dev: CIO with business-aligned VPs");
    assert_eq!(h.state().current_model().unwrap().id, "enterprise-app-dev");
    for name in [
        "CEO",
        "CIO",
        "CTO",
        "CISO",
        "VP App Dev, Finance",
        "VP App Dev, HR",
    ] {
        h.get_by_label(name);
    }
    show_model(&mut h, "Manufacturing: process vs. infrastructure");
    assert!(
        h.query_by_label("CISO").is_none(),
        "the manufacturing model has no CISO"
    );
    h.get_by_label("CTO");
}

#[test]
fn dragging_a_card_onto_another_moves_its_reporting_line() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    assert_eq!(manager_of(&h, "cto").as_deref(), Some("ceo"));
    let (from, to) = (centre_of(&h, "CTO"), centre_of(&h, "CIO"));
    drag(&mut h, from, to);
    assert_eq!(manager_of(&h, "cto").as_deref(), Some("cio"));
    assert!(h.state().editor().is_dirty());
    assert!(
        h.state().title().starts_with('●'),
        "title shows the unsaved mark"
    );
}

#[test]
fn a_drop_that_would_make_a_cycle_is_refused_and_explained() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    let before = h.state().current_model().unwrap().chart.clone();
    // CISO reports to CIO: putting CIO under CISO would close a loop.
    let (from, to) = (centre_of(&h, "CIO"), centre_of(&h, "CISO"));
    drag(&mut h, from, to);
    assert_eq!(h.state().current_model().unwrap().chart, before);
    h.get_by_label("Not changed: CISO already reports to CIO, so CIO cannot report to CISO");
    assert!(!h.state().editor().is_dirty());
}

#[test]
fn undo_restores_a_drag_and_redo_repeats_it() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    let (from, to) = (centre_of(&h, "CTO"), centre_of(&h, "CIO"));
    drag(&mut h, from, to);
    assert_eq!(manager_of(&h, "cto").as_deref(), Some("cio"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(manager_of(&h, "cto").as_deref(), Some("ceo"));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(manager_of(&h, "cto").as_deref(), Some("cio"));
    h.get_by_label("Undo").click();
    h.run();
    assert_eq!(manager_of(&h, "cto").as_deref(), Some("ceo"));
}

#[test]
fn dragging_a_line_end_reparents_the_report() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    let (from, to) = (centre_of(&h, "line end of CISO"), centre_of(&h, "CTO"));
    drag(&mut h, from, to);
    assert_eq!(manager_of(&h, "ciso").as_deref(), Some("cto"));
}

#[test]
fn a_card_dropped_on_empty_space_stays_where_it_was_put() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    let before = h.get_by_label("CTO").rect();
    let pan_before = h.state().canvas().unwrap().screen_from_chart;
    let from = before.center();
    let to = from + vec2(0.0, 220.0);
    drag(&mut h, from, to);
    let after = h.get_by_label("CTO").rect();
    assert!(
        (after.min - before.min - (to - from)).length() < 1.0,
        "card follows the drop: {before:?} -> {after:?}"
    );
    assert_eq!(manager_of(&h, "cto").as_deref(), Some("ceo"));
    assert_eq!(
        h.state().canvas().unwrap().screen_from_chart,
        pan_before,
        "dragging a card never pans the view"
    );
    // It is pinned: auto layout hands it back.
    h.get_by_label("Auto layout").click();
    h.run();
    let chart = &h.state().current_model().unwrap().chart;
    assert!(chart.leaders().all(|l| l.pinned.is_none()));
}

#[test]
fn dragging_empty_space_pans() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    let before = h.get_by_label("CEO").rect();
    let empty = before.left_top() - vec2(120.0, 60.0);
    drag(&mut h, empty, empty + vec2(50.0, 30.0));
    let after = h.get_by_label("CEO").rect();
    assert!(
        (after.min - before.min - vec2(50.0, 30.0)).length() < 1.0,
        "{before:?} -> {after:?}"
    );
}

#[test]
fn the_dotted_line_tool_adds_a_dotted_line() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    h.get_by_label("Dotted line tool").click();
    h.run();
    let (from, to) = (centre_of(&h, "connector of CTO"), centre_of(&h, "CISO"));
    drag(&mut h, from, to);
    let lines = h.state().current_model().unwrap().chart.dotted_lines();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].manager, LeaderId::new("cto"));
    assert_eq!(lines[0].report, LeaderId::new("ciso"));
    // The direct line is untouched.
    assert_eq!(manager_of(&h, "ciso").as_deref(), Some("cio"));
}

#[test]
fn a_selected_line_is_deleted_with_the_delete_key() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    // The vertical segment between CIO and CISO is a direct line.
    let manager_card = h.get_by_label("CIO").rect();
    let report_card = h.get_by_label("CISO").rect();
    let on_line = egui::pos2(
        report_card.center().x,
        f32::midpoint(manager_card.bottom(), report_card.top()) + 8.0,
    );
    h.get_by_label("CIO"); // the cards exist
    h.hover_at(on_line);
    h.run();
    h.drag_at(on_line);
    h.run();
    h.drop_at(on_line);
    h.run();
    let Some(Selection::Line(line)) = h.state().selection().cloned() else {
        panic!(
            "a click on the line selects it: {:?}",
            h.state().selection()
        );
    };
    assert_eq!(line.kind, LineKind::Direct);
    assert_eq!(line.report, LeaderId::new("ciso"));
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(manager_of(&h, "ciso"), None, "CISO is now a root");
}

#[test]
fn the_findings_panel_grades_overlaps_and_a_click_changes_a_letter() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    h.get_by_label("Findings (1)");
    h.get_by_label("Shared: several holders, one accountable (1)");
    h.get_by_label("information security: CIO, CISO").click();
    h.run();
    assert_eq!(h.state().pinned_overlap(), Some("information security"));
    // The CIO is accountable; one click makes them responsible, and then
    // nobody is accountable: the finding becomes a gap.
    h.get_by_label("CIO: A").click();
    h.run();
    h.get_by_label("CIO: R");
    h.get_by_label("Gaps: held, but nobody accountable (1)");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.get_by_label("CIO: A");
    show_model(&mut h, "Elevator doors: the same work, different audiences");
    h.get_by_label("Findings (4)");
    h.get_by_label("Conflicts: more than one accountable (4)");
    for phrase in [
        "new technologies",
        "technical architecture",
        "technical support",
        "proofs of concept",
    ] {
        h.get_by_label(&format!("{phrase}: CTO, CIO"));
    }
}

#[test]
fn add_a_leader_rename_with_the_inspector_and_delete() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    h.get_by_label("CTO").click();
    h.run();
    h.get_by_label("Add leader").click();
    h.run();
    let name = h.get_by_label("Name");
    name.focus();
    name.type_text("VP Platform");
    h.run();
    let chart = &h.state().current_model().unwrap().chart;
    let added = chart
        .leaders()
        .find(|l| l.id.as_str() == "leader")
        .expect("a new leader");
    assert_eq!(
        added.name, "VP Platform",
        "the new name replaces the placeholder"
    );
    assert_eq!(chart.manager_of(&added.id), Some(&LeaderId::new("cto")));
    // Clicking the card leaves the field; Delete then removes the leader.
    h.get_by_label("VP Platform").click();
    h.run();
    assert!(!h.get_by_label("Name").is_focused());
    h.key_press(Key::Delete);
    h.run();
    let has_new = |h: &egui_kittest::Harness<'_, chartroom::app::ChartroomApp>| {
        h.state()
            .current_model()
            .unwrap()
            .chart
            .contains(&LeaderId::new("leader"))
    };
    assert!(!has_new(&h));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(has_new(&h), "undo brings the leader back");
    h.get_by_label("VP Platform");
}

#[test]
fn reset_to_preset_restores_the_model() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    let (from, to) = (centre_of(&h, "CTO"), centre_of(&h, "CIO"));
    drag(&mut h, from, to);
    h.get_by_label("Reset to preset").click();
    h.run();
    assert_eq!(manager_of(&h, "cto").as_deref(), Some("ceo"));
}

#[test]
fn save_as_then_open_gives_back_the_same_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("board.json");
    let (app, answers) = preset_app();
    let mut h = harness(app);
    let (from, to) = (centre_of(&h, "CTO"), centre_of(&h, "CIO"));
    drag(&mut h, from, to);
    *answers.save.borrow_mut() = Some(path.clone());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    assert!(!h.state().editor().is_dirty());
    assert_eq!(h.state().title(), "board.json — Chartroom");
    let saved = h.state().editor().workspace().clone();

    let (app, answers) = preset_app();
    let mut h = harness(app);
    *answers.open.borrow_mut() = Some(path);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert_eq!(h.state().editor().workspace(), &saved);
    assert_eq!(manager_of(&h, "cto").as_deref(), Some("cio"));
}

#[test]
fn opening_a_bad_file_says_why_and_keeps_the_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.json");
    std::fs::write(
        &path,
        "{\"format\": \"chartroom\",\n \"version\": 1,\n \"models\": [,]}",
    )
    .unwrap();
    let (app, answers) = preset_app();
    let mut h = harness(app);
    let before = h.state().editor().workspace().clone();
    *answers.open.borrow_mut() = Some(path.clone());
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert_eq!(h.state().editor().workspace(), &before);
    let status = h.state().status().unwrap().text.clone();
    assert!(status.contains("line 3, column 13"), "{status}");
    h.get_by_label(&status);
}

#[test]
fn opening_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.json");
    std::fs::write(&path, chartroom::core::presets::PRESETS[7].json).unwrap();
    let (app, answers) = preset_app();
    let mut h = harness(app);
    let (from, to) = (centre_of(&h, "CTO"), centre_of(&h, "CIO"));
    drag(&mut h, from, to);
    *answers.open.borrow_mut() = Some(path);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_label("Save your changes before opening another file?");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(
        manager_of(&h, "cto").as_deref(),
        Some("cio"),
        "cancel keeps the edit"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_label("Don't save").click();
    h.run();
    assert_eq!(h.state().current_model().unwrap().id, "elevator-doors");
}

#[test]
fn ctrl_scroll_zooms_around_the_pointer_and_f_fits_again() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    let fitted = h.state().canvas().unwrap().screen_from_chart;
    let at = centre_of(&h, "CIO");
    h.hover_at(at);
    h.run();
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Line,
        delta: vec2(0.0, 3.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: Modifiers::COMMAND,
    });
    h.run();
    let zoomed = h.state().canvas().unwrap().screen_from_chart;
    assert!(
        zoomed.scaling > fitted.scaling * 1.05,
        "{fitted:?} -> {zoomed:?}"
    );
    // The chart point under the pointer stays under the pointer.
    let chart_point = fitted.inverse() * at;
    assert!((zoomed * chart_point - at).length() < 0.5);
    h.remove_cursor();
    h.key_press(Key::F);
    h.run();
    let refitted = h.state().canvas().unwrap().screen_from_chart;
    assert!(
        (refitted.scaling - fitted.scaling).abs() < 1e-4,
        "F fits again"
    );
}

#[test]
fn plain_scroll_pans() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    let before = h.get_by_label("CEO").rect();
    h.hover_at(before.center());
    h.run();
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: vec2(0.0, -40.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: Modifiers::NONE,
    });
    h.run();
    let after = h.get_by_label("CEO").rect();
    assert!(after.top() < before.top() - 20.0, "{before:?} -> {after:?}");
    assert!((after.width() - before.width()).abs() < 0.01, "no zoom");
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    let (from, to) = (centre_of(&h, "CTO"), centre_of(&h, "CIO"));
    drag(&mut h, from, to);
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
    h.get_by_label("Save your changes before quitting?");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(
        h.query_by_label("Save your changes before quitting?")
            .is_none()
    );
    assert_eq!(manager_of(&h, "cto").as_deref(), Some("cio"));
}

#[test]
fn f2_focuses_the_name_and_ctrl_n_starts_afresh_after_asking() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    h.get_by_label("CISO").click();
    h.run();
    h.key_press(Key::F2);
    h.run();
    h.run();
    assert!(h.get_by_label("Name").is_focused());
    h.get_by_label("Name").type_text("Chief Security");
    h.run();
    h.get_by_label("Chief Security");
    assert!(h.state().editor().is_dirty());
    h.get_by_label("Chief Security").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Don't save").click();
    h.run();
    let models = &h.state().editor().workspace().models;
    assert_eq!(models.len(), 1);
    assert_eq!(models[0].chart.len(), 1);
    h.get_by_label("CEO");
}

#[test]
fn each_model_keeps_its_own_edits() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    let (from, to) = (centre_of(&h, "CTO"), centre_of(&h, "CIO"));
    drag(&mut h, from, to);
    show_model(&mut h, "Traditional: CTO reports to CIO");
    assert_eq!(
        manager_of(&h, "cto").as_deref(),
        Some("cio"),
        "as the preset has it"
    );
    let (from, to) = (centre_of(&h, "CISO"), centre_of(&h, "CEO"));
    drag(&mut h, from, to);
    assert_eq!(manager_of(&h, "ciso").as_deref(), Some("ceo"));
    show_model(&mut h, "Peers: operations vs. strategy");
    assert_eq!(
        manager_of(&h, "cto").as_deref(),
        Some("cio"),
        "Peers kept its edit"
    );
    assert_eq!(manager_of(&h, "ciso").as_deref(), Some("cio"));
    // Undo works per model: it takes back the Peers edit only.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(manager_of(&h, "cto").as_deref(), Some("ceo"));
    show_model(&mut h, "Traditional: CTO reports to CIO");
    assert_eq!(manager_of(&h, "ciso").as_deref(), Some("ceo"));
}

#[test]
fn bidirectional_characters_in_names_are_shown_not_obeyed() {
    let mut ws = chartroom::core::presets::workspace().unwrap();
    let mut cto = ws.models[0]
        .chart
        .leader(&LeaderId::new("cto"))
        .unwrap()
        .clone();
    cto.name = "CTO\u{202E}gnp.exe".to_owned();
    ws.models[0].chart.update_leader(cto).unwrap();
    // The dialogs are never opened here.
    let app = chartroom::app::ChartroomApp::new(
        ws,
        None,
        Box::new(chartroom::app::NativeDialogs::default()),
    );
    let h = harness(app);
    h.get_by_label("CTO[U+202E]gnp.exe");
}

#[test]
fn a_card_tells_a_screen_reader_what_its_paint_shows() {
    use egui_kittest::kittest::NodeT;
    let (app, _) = preset_app();
    let h = harness(app);
    // Peers: the CIO and the CISO share information security.
    let said = h
        .get_by_label("CISO")
        .accesskit_node()
        .description()
        .expect("a description");
    assert!(said.starts_with("CISO, "), "{said}");
    assert!(said.contains("reports to "), "{said}");
    assert!(said.contains("information security (R, shared)"), "{said}");
    // The chart is a tree: the CISO is the only report of the CIO, on level 3.
    let ciso = h.get_by_label("CISO");
    let node = ciso.accesskit_node();
    assert_eq!(node.role(), egui::accesskit::Role::TreeItem);
    assert_eq!(node.level(), Some(3));
    assert_eq!(
        (node.position_in_set(), node.size_of_set()),
        (Some(1), Some(1))
    );
    assert_eq!(
        h.get_by_label("CIO").accesskit_node().data().is_expanded(),
        Some(true)
    );
}

#[test]
fn findings_lines_and_scenes_are_named_for_a_screen_reader() {
    use egui_kittest::kittest::NodeT;
    let (app, _) = preset_app();
    let mut h = harness(app);
    // A finding says its grade and every holder's letter, not colour alone.
    let said = h
        .get_by_label("information security: CIO, CISO")
        .accesskit_node()
        .description()
        .expect("a description");
    assert_eq!(said, "shared; CIO accountable, CISO responsible");
    // Every reporting line in view is a named target; a click selects it.
    h.get_by_label("line: CISO reports to CIO").click();
    h.run();
    assert!(
        matches!(h.state().selection(), Some(chartroom::ui::canvas::Selection::Line(l))
            if l.report.as_str() == "ciso" && l.manager.as_str() == "cio"),
        "the line is selected"
    );
    // Storyboard buttons say which scene they act on.
    h.get_by_label("Add current view as scene").click();
    h.run();
    h.get_by_label("remove scene 1");
    assert!(
        h.get_by_label("move scene 1 up")
            .accesskit_node()
            .is_disabled(),
        "the first scene cannot move up"
    );
}

#[test]
fn the_keyboard_alone_walks_the_chart_and_moves_a_leader() {
    use egui::accesskit::Role;
    let (app, _) = preset_app();
    let mut h = harness(app);
    let selected =
        |h: &egui_kittest::Harness<'_, chartroom::app::ChartroomApp>| match h.state().selection() {
            Some(Selection::Leader(id)) => id.to_string(),
            _ => String::new(),
        };
    // Peers: the CEO over the CIO and the CTO; the CISO under the CIO.
    for (key, expected) in [
        (Key::ArrowDown, "ceo"),
        (Key::ArrowDown, "cio"),
        (Key::ArrowDown, "ciso"),
        (Key::ArrowUp, "cio"),
        (Key::ArrowRight, "cto"),
        (Key::ArrowLeft, "cio"),
        (Key::ArrowRight, "cto"),
    ] {
        h.key_press(key);
        h.run();
        assert_eq!(selected(&h), expected, "after {key:?}");
    }
    // M: "move under...", a search, Enter takes the first match.
    h.key_press(Key::M);
    h.run();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Move under (type to find):")
        .type_text("CIO");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(manager_of(&h, "cto").as_deref(), Some("cio"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(manager_of(&h, "cto").as_deref(), Some("ceo"));
    // A loop is refused with the sentence dragging gives.
    h.key_press(Key::ArrowUp);
    h.run();
    assert_eq!(selected(&h), "ceo");
    h.key_press(Key::M);
    h.run();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Move under (type to find):")
        .type_text("CISO");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let status = h.state().status().unwrap().text.clone();
    assert!(status.contains("so CEO cannot report to CISO"), "{status}");
    assert_eq!(manager_of(&h, "ceo"), None);
}

#[test]
fn open_recent_lists_saved_files_and_greys_out_a_missing_one() {
    use chartroom::core::recent::RecentFiles;
    use egui_kittest::kittest::NodeT;
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("recent.json");
    let board = dir.path().join("board.json");
    let (app, answers) = preset_app();
    let mut h = harness(app.with_recent(RecentFiles::load(store.clone())));
    *answers.save.borrow_mut() = Some(board.clone());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();

    // A new app with the same list: the file is offered and opens.
    let (app, _) = preset_app();
    let mut h = harness(app.with_recent(RecentFiles::load(store.clone())));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Open Recent").click();
    h.run();
    h.get_by_label("board.json").click();
    h.run();
    assert_eq!(h.state().title(), "board.json — Chartroom");

    std::fs::remove_file(&board).unwrap();
    let (app, _) = preset_app();
    let mut h = harness(app.with_recent(RecentFiles::load(store)));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Open Recent").click();
    h.run();
    assert!(
        h.get_by_label("board.json").accesskit_node().is_disabled(),
        "a missing file is greyed out"
    );
}

#[test]
fn without_a_file_dialog_the_path_is_asked_for_instead() {
    use egui::accesskit::Role;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typed.json");
    let (app, answers) = preset_app();
    let mut h = harness(app);
    answers.no_dialogs.set(true);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    h.get_by_label("No file dialog could be shown");
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Path:")
        .type_text(path.to_str().unwrap());
    h.run();
    h.get_by_label("OK").click();
    h.run();
    assert!(path.exists(), "saved where typed");
    assert_eq!(h.state().title(), "typed.json — Chartroom");
    // A cancelled dialog (one that was shown) asks nothing.
    answers.no_dialogs.set(false);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert!(h.query_by_label("No file dialog could be shown").is_none());
}

#[test]
fn tab_rename_dotted_line_delete_and_undo_without_a_pointer() {
    use egui::accesskit::Role;
    let (app, _) = preset_app();
    let mut h = harness(app);
    let selected =
        |h: &egui_kittest::Harness<'_, chartroom::app::ChartroomApp>| match h.state().selection() {
            Some(Selection::Leader(id)) => id.to_string(),
            _ => String::new(),
        };
    // Tab walks the cards in chart order, Shift+Tab walks back.
    let mut walked = Vec::new();
    for _ in 0..40 {
        h.key_press(Key::Tab);
        h.run();
        let now = selected(&h);
        if !now.is_empty() && walked.last() != Some(&now) {
            walked.push(now);
        }
        if walked.len() == 4 {
            break;
        }
    }
    assert_eq!(walked, ["ceo", "cio", "cto", "ciso"], "the chart's order");
    h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    h.run();
    assert_eq!(selected(&h), "cto", "Shift+Tab goes back");

    // F2 renames: the name field takes the keys with the name selected.
    h.key_press(Key::F2);
    h.run();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Name")
        .type_text("Chief Technology Officer");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let chart = |h: &egui_kittest::Harness<'_, chartroom::app::ChartroomApp>| {
        h.state().current_model().unwrap().chart.clone()
    };
    let cto = chartroom::core::model::LeaderId::new("cto");
    assert_eq!(
        chart(&h).leader(&cto).unwrap().name,
        "Chief Technology Officer"
    );

    // L: a dotted line to a leader found by typing.
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::ArrowDown); // the first top leader: the CEO
    h.run();
    h.key_press(Key::ArrowDown); // the CIO
    h.run();
    assert_eq!(selected(&h), "cio");
    h.key_press(Key::L);
    h.run();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Dotted line to (type to find):")
        .type_text("Chief Tech");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let dotted = chart(&h).dotted_lines();
    assert_eq!(dotted.len(), 1, "{dotted:?}");
    assert_eq!(
        (dotted[0].manager.as_str(), dotted[0].report.as_str()),
        ("cto", "cio")
    );

    // Delete removes the selected leader; Ctrl+Z brings them back.
    h.key_press(Key::Delete);
    h.run();
    assert!(!chart(&h).contains(&chartroom::core::model::LeaderId::new("cio")));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(chart(&h).contains(&chartroom::core::model::LeaderId::new("cio")));
    assert_eq!(chart(&h).dotted_lines().len(), 1, "with their lines");
}
