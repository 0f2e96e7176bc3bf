//! Presentation mode, driven through the app: F5 enters, the clicker keys
//! move between scenes, a click spotlights a leader, Esc leaves.

use crate::common;

use crate::common::{harness, preset_app};
use chartroom::core::model::LeaderId;
use egui::Key;
use egui_kittest::kittest::Queryable;

#[test]
fn f5_presents_the_models_one_after_another_and_esc_leaves() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    h.key_press(Key::F5);
    h.run();
    assert!(h.state().presentation().is_some());
    h.get_by_label("Scene 1 of 8");
    assert!(
        h.query_by_label("Add leader").is_none(),
        "no editing chrome"
    );
    for (key, scene) in [
        (Key::ArrowRight, 2),
        (Key::Space, 3),
        (Key::PageDown, 4),
        (Key::ArrowDown, 5),
        (Key::PageUp, 4),
        (Key::ArrowLeft, 3),
        (Key::End, 8),
        (Key::ArrowRight, 8),
        (Key::Home, 1),
    ] {
        h.key_press(key);
        h.run();
        h.get_by_label(&format!("Scene {scene} of 8"));
    }
    h.key_press(Key::End);
    h.run();
    // Elevator doors: click the CTO to spotlight them.
    h.get_by_label("CTO").click();
    h.run();
    let present = h.state().presentation().unwrap();
    assert_eq!(present.spotlight, Some(LeaderId::new("cto")));
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().presentation().is_none());
    h.get_by_label("Add leader");
    assert_eq!(
        h.state().current_model().unwrap().id,
        "elevator-doors",
        "back on the last scene's model"
    );
}

#[test]
fn the_storyboard_panel_adds_and_reorders_scenes_and_presenting_follows_it() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    h.get_by_label("Storyboard (0 scenes)");
    // Scene 1: Peers as a whole.
    h.get_by_label("Add current view as scene").click();
    h.run();
    // Scene 2: Enterprise app-dev focused on the CTO.
    common::show_model(&mut h, "Enterprise app-dev: CIO with business-aligned VPs");
    h.get_by_label("CTO").click();
    h.run();
    h.get_by_label("Add current view as scene").click();
    h.run();
    h.get_by_label("Storyboard (2 scenes)");
    h.get_by_label("1. Peers");
    h.get_by_label("2. Enterprise app-dev, focus on CTO");
    // Move the focused scene first (the panel scrolled to its button, as
    // a user would).
    h.get_by_label("move scene 2 up").scroll_to_me();
    h.run();
    h.run();
    h.get_by_label("move scene 2 up").click();
    h.run();
    h.get_by_label("1. Enterprise app-dev, focus on CTO");
    let board = &h.state().editor().workspace().storyboard;
    assert_eq!(board.len(), 2);
    assert_eq!(board[0].focus, Some(LeaderId::new("cto")));
    assert!(
        h.state().editor().is_dirty(),
        "the storyboard is part of the document"
    );
    // Presenting follows the storyboard: two scenes, starting at the shown
    // model's first scene.
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::F5);
    h.run();
    h.get_by_label("Scene 1 of 2");
    h.key_press(Key::ArrowRight);
    h.run();
    h.get_by_label("Scene 2 of 2");
    h.key_press(Key::Escape);
    h.run();
    h.get_by_label("remove scene 1").click();
    h.run();
    h.get_by_label("Storyboard (1 scene)");
}

#[test]
fn a_scene_gets_a_caption_and_notes_and_the_room_sees_the_caption() {
    use egui::accesskit::Role;
    let (app, _) = preset_app();
    let mut h = harness(app);
    // Scene 1: Peers with information security highlighted; its default
    // caption is that finding in words.
    h.get_by_label("information security: CIO, CISO").click();
    h.run();
    h.get_by_label("Add current view as scene").click();
    h.run();
    let caption_field = "Caption of scene 1:";
    h.get_by_role_and_label(Role::TextInput, caption_field);
    let scene = &h.state().editor().workspace().storyboard[0];
    let default = scene.caption(h.state().editor().workspace());
    assert_eq!(
        default,
        "Information security: CIO accountable, CISO responsible"
    );
    // Written words win over the default; the notes stay the presenter's.
    h.get_by_role_and_label(Role::TextInput, caption_field)
        .click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, caption_field)
        .type_text("Security sits with the CIO");
    h.run();
    let notes_field = "Notes for scene 1:";
    h.get_by_role_and_label(Role::MultilineTextInput, notes_field)
        .click();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, notes_field)
        .type_text("Ask the CISO first.");
    h.run();
    let scene = &h.state().editor().workspace().storyboard[0];
    assert_eq!(scene.caption, "Security sits with the CIO");
    assert_eq!(scene.notes, "Ask the CISO first.");
    assert!(
        h.state().editor().is_dirty(),
        "words are part of the document"
    );
    // Presenting shows the caption, not the notes.
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::F5);
    h.run();
    h.get_by_label("Security sits with the CIO");
    assert!(h.query_by_label("Ask the CISO first.").is_none());
    // P: the presenter's view on this one display, with the notes, the
    // caption, what comes next and the time; P again: the room's view.
    h.key_press(Key::P);
    h.run();
    h.get_by_label("Now: Peers, highlighting information security");
    h.get_by_label("Caption: Security sits with the CIO");
    h.get_by_label("Ask the CISO first.");
    h.get_by_label("Next: the end of the presentation");
    h.get_by_label("Scene 1 of 1");
    h.get_by_label_contains("Elapsed 00:");
    h.key_press(Key::P);
    h.run();
    assert!(h.query_by_label("Ask the CISO first.").is_none());
    h.get_by_label("Security sits with the CIO");
}

#[test]
fn the_presenter_window_follows_the_keys_and_shows_the_next_scene() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    // Alt+F5: the room's view here, the presenter's in a window of its own
    // (drawn inside this one where there is no second window, as here).
    h.key_press_modifiers(egui::Modifiers::ALT, Key::F5);
    h.run();
    let present = h.state().presentation().expect("presenting");
    assert!(present.presenter_window);
    h.get_by_label("Peers: operations vs. strategy");
    h.get_by_label("Now: Peers");
    h.get_by_label("Next: Traditional");
    h.get_by_label("No notes for this scene.");
    h.key_press(Key::ArrowRight);
    h.run();
    h.get_by_label("Now: Traditional");
    h.get_by_label("Next: Software company");
    h.get_by_label("Traditional: CTO reports to CIO");
    h.key_press(Key::End);
    h.run();
    h.get_by_label("Next: the end of the presentation");
    // W closes the presenter's window; the room's view stays.
    h.key_press(Key::W);
    h.run();
    assert!(
        h.query_by_label("Next: the end of the presentation")
            .is_none()
    );
    h.get_by_label("Scene 8 of 8");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().presentation().is_none());
}

#[test]
fn a_comparison_scene_from_the_compare_tab_is_presented_side_by_side() {
    use egui_kittest::kittest::NodeT;
    let (app, _) = preset_app();
    let mut h = harness(app);
    common::compare(
        &mut h,
        "Traditional: CTO reports to CIO",
        "Software company: CIO reports to CTO",
    );
    h.get_by_label("Add current view as scene").click();
    h.run();
    h.get_by_label("Added scene 1: Traditional compared with Software company");
    let board = &h.state().editor().workspace().storyboard;
    assert_eq!(board.len(), 1);
    assert_eq!(board[0].model, "traditional");
    assert_eq!(board[0].compare.as_ref().unwrap(), "software-company");
    // Presented: both charts, their titles, the changes marked, the first
    // change as the caption.
    h.key_press(Key::F5);
    h.run();
    // The comparison is worked out aside, then shown.
    for _ in 0..200 {
        if h.query_by_label("Preparing the comparison…").is_none() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.run();
    }
    h.get_by_label("Scene 1 of 1");
    h.get_by_label("Traditional compared with Software company");
    h.get_by_label("The reporting line between CIO and CTO is reversed: CIO now reports to CTO.");
    h.get_by_label("Traditional: CTO reports to CIO");
    h.get_by_label("Software company: CIO reports to CTO");
    assert_eq!(h.get_all_by_label("CTO").count(), 2);
    let changed: Vec<String> = h
        .get_all_by_label("CTO")
        .filter_map(|n| n.accesskit_node().description())
        .filter(|d| d.contains("; changed: "))
        .collect();
    assert!(
        changed.iter().any(|d| d.contains("moved")),
        "the CTO is marked as moved: {changed:?}"
    );
    // Zooming one side zooms the other: pan and zoom are linked.
    let [left, _] = h.state().presentation().unwrap().room_zooms();
    let over_left = h.get_all_by_label("CIO").next().unwrap().rect().center();
    h.hover_at(over_left);
    h.run();
    h.event(egui::Event::Zoom(1.25));
    h.run();
    let [left_now, right_now] = h.state().presentation().unwrap().room_zooms();
    assert!(
        (left_now - left).abs() > 0.01,
        "the left side zoomed: {left} -> {left_now}"
    );
    assert!(
        (left_now - right_now).abs() < 1e-3,
        "and the right followed: {left_now} vs {right_now}"
    );
}
