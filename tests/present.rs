//! Presentation mode, driven through the app: F5 enters, the clicker keys
//! move between scenes, a click spotlights a leader, Esc leaves.

mod common;

use chartroom::core::model::LeaderId;
use common::{harness, preset_app};
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
