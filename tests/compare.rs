//! The compare view and the responsibility matrix, driven through the app.

mod common;

use chartroom::app::ViewMode;
use chartroom::core::model::{LeaderId, Raci};
use common::{harness, preset_app, show_model};
use egui_kittest::kittest::Queryable;

fn letter_of(
    h: &egui_kittest::Harness<'_, chartroom::app::ChartroomApp>,
    leader: &str,
    key: &str,
) -> Option<Raci> {
    let chart = &h.state().current_model().unwrap().chart;
    chart
        .leader(&LeaderId::new(leader))?
        .responsibilities
        .iter()
        .find(|a| a.phrase.eq_ignore_ascii_case(key))
        .map(|a| a.raci)
}

/// Clicks an entry of an open picker (the titles above the canvases have
/// the same text; the popup is drawn last).
fn pick(h: &mut egui_kittest::Harness<'_, chartroom::app::ChartroomApp>, title: &str) {
    h.get_all_by_label(title).last().expect("listed").click();
    h.run();
}

#[test]
fn compare_two_presets_and_read_what_changes() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    h.get_by_label("Compare").click();
    h.run();
    assert_eq!(h.state().view(), ViewMode::Compare);
    // Choose Software company on the right, then Traditional on the left.
    h.get_by_label("Right:").click();
    h.run();
    pick(&mut h, "Software company: CIO reports to CTO");
    h.get_by_label("Left:").click();
    h.run();
    pick(&mut h, "Traditional: CTO reports to CIO");
    let sentence = "The reporting line between CIO and CTO is reversed: CIO now reports to CTO.";
    h.get_by_label("Software company closes 1 gap.");
    // The status bar speaks of the two models shown, not the chart tab's.
    h.get_by_label_contains("Comparing Traditional (");
    h.get_by_label_contains(" with Software company (");
    h.get_by_label(sentence).click();
    h.run();
    // Both sides show their cards; the sentence spotlights CIO and CTO.
    assert_eq!(h.get_all_by_label("CIO").count(), 2);
    assert_eq!(h.get_all_by_label("CISO").count(), 2);
}

#[test]
fn a_matrix_click_changes_the_letter_and_the_grade() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    h.get_by_label("Matrix").click();
    h.run();
    h.get_by_label("Shared: several holders, one accountable (1)");
    // CISO is responsible for information security; a click makes them consulted.
    h.get_by_label("information security / CISO: R").click();
    h.run();
    assert_eq!(
        letter_of(&h, "ciso", "information security"),
        Some(Raci::Consulted)
    );
    // The CTO does not hold it: a click makes them accountable, and with the
    // CIO also accountable that is a conflict.
    h.get_by_label("information security / CTO: ·").click();
    h.run();
    assert_eq!(
        letter_of(&h, "cto", "information security"),
        Some(Raci::Accountable)
    );
    h.get_by_label("Conflicts: more than one accountable (1)");
    h.get_by_label("conflict");
    // Matrix clicks are ordinary edits: undo takes them back one by one.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(letter_of(&h, "cto", "information security"), None);
    show_model(&mut h, "Elevator doors: the same work, different audiences");
    assert_eq!(h.get_all_by_label("conflict").count(), 4);
}
