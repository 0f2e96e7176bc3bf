//! The compare view and the responsibility matrix, driven through the app.

use crate::common;

use crate::common::{harness, preset_app, show_model};
use chartroom::app::ViewMode;
use chartroom::core::model::{LeaderId, Raci};
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

#[test]
fn compare_two_presets_and_read_what_changes() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    // Software company on the right, then Traditional on the left.
    common::compare(
        &mut h,
        "Traditional: CTO reports to CIO",
        "Software company: CIO reports to CTO",
    );
    assert_eq!(h.state().view(), ViewMode::Compare);
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

/// Where the two CEO cards are, left side first.
fn ceo_cards(
    h: &egui_kittest::Harness<'_, chartroom::app::ChartroomApp>,
) -> (egui::Pos2, egui::Pos2) {
    let mut cards: Vec<egui::Pos2> = h
        .get_all_by_label("CEO")
        .map(|n| n.rect().center())
        .collect();
    cards.sort_by(|a, b| a.x.total_cmp(&b.x));
    assert_eq!(cards.len(), 2, "a CEO on each side");
    (cards[0], cards[1])
}

#[test]
fn linked_pan_moves_both_sides_and_unlinked_only_one() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    h.get_by_label("Compare").click();
    h.run();
    // A first pan of the left side brings the right to the same part of
    // its chart (each side fitted its own chart before); from then on a
    // pan moves both alike.
    let (left, _) = ceo_cards(&h);
    let grab = left - egui::vec2(0.0, 50.0);
    common::drag(&mut h, grab, grab + egui::vec2(10.0, 10.0));
    h.run();
    let (left, right) = ceo_cards(&h);
    // Drag the left canvas by its empty background, above the CEO.
    let grab = left - egui::vec2(0.0, 50.0);
    common::drag(&mut h, grab, grab + egui::vec2(40.0, 30.0));
    h.run();
    let (left_after, right_after) = ceo_cards(&h);
    let moved = left_after - left;
    assert!(moved.length() > 20.0, "the left side panned: {moved:?}");
    assert!(
        (right_after - right - moved).length() < 1.0,
        "the right side panned with it: {:?} vs {moved:?}",
        right_after - right
    );
    // Unlinked, a pan of the left side leaves the right where it is.
    h.get_by_label("Link pan and zoom").click();
    h.run();
    let (left, right) = ceo_cards(&h);
    let grab = left - egui::vec2(0.0, 50.0);
    common::drag(&mut h, grab, grab + egui::vec2(-40.0, 20.0));
    h.run();
    let (left_after, right_after) = ceo_cards(&h);
    assert!((left_after - left).length() > 20.0, "the left side panned");
    assert!(
        (right_after - right).length() < 1.0,
        "the right side stayed: {:?}",
        right_after - right
    );
}

/// A CEO, 60 VPs and 100 people under each: 6,061 leaders.
fn big_model(id: &str, title: &str) -> chartroom::core::workspace::Model {
    use chartroom::core::model::{Leader, OrgChart, Role};
    let mut chart = OrgChart::new();
    chart
        .add_leader(Leader::new("ceo", Role::Ceo, "CEO"))
        .unwrap();
    for v in 0..60 {
        let vp = format!("vp{v}");
        chart
            .add_leader(Leader::new(vp.as_str(), Role::Vp, format!("VP {v}")))
            .unwrap();
        chart
            .add_direct(&LeaderId::new("ceo"), &LeaderId::new(&vp))
            .unwrap();
        for p in 0..100 {
            let id = format!("p{v}-{p}");
            chart
                .add_leader(Leader::new(
                    id.as_str(),
                    Role::Other,
                    format!("Person {v}-{p}"),
                ))
                .unwrap();
            chart
                .add_direct(&LeaderId::new(&vp), &LeaderId::new(&id))
                .unwrap();
        }
    }
    chartroom::core::workspace::Model {
        id: chartroom::core::workspace::ModelId::new(id),
        title: title.into(),
        description: String::new(),
        preset: None,
        chart,
    }
}

#[test]
fn big_models_are_compared_aside_while_the_window_stays_live() {
    let before = big_model("before", "Before: sixty VPs");
    let mut after = big_model("after", "After: one person moved");
    after
        .chart
        .set_manager(&LeaderId::new("p0-0"), Some(&LeaderId::new("ceo")))
        .unwrap();
    let workspace = chartroom::core::workspace::Workspace::new(vec![before, after]);
    let app = chartroom::app::ChartroomApp::new(
        workspace,
        None,
        common::dialogs(&common::Answers::default()),
    );
    let mut h = harness(app);
    h.get_by_label("Compare").click();
    h.run();
    // 12,122 leaders: worked out on a worker; the window says so.
    h.get_by_label("Working out what changes from Before to After…");
    common::wait_for(&mut h, "Person 0-0 now reports to CEO (was VP 0).");
    h.get_by_label("What changes from Before to After");
}

/// The Compare tab says what the change does to the organisation: levels,
/// spans, and each technology leader's team before and after.
#[test]
fn compare_shows_the_impact_on_each_technology_leaders_team() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    common::compare(
        &mut h,
        "Traditional: CTO reports to CIO",
        "Software company: CIO reports to CTO",
    );
    h.get_by_label("Impact on the organisation");
    h.get_by_label("Managers with 16+ reports");
    // On the CTO's row: 0 people under them before, 2 after.
    let row = h.get_by_label("CTO CTO: people under them").rect();
    let on_row = |value: &str| -> Vec<egui::Rect> {
        h.get_all_by_label(value)
            .map(|n| n.rect())
            .filter(|r| (r.center().y - row.center().y).abs() < 3.0 && r.left() > row.right())
            .collect()
    };
    let (zero, two) = (on_row("0"), on_row("2"));
    assert_eq!((zero.len(), two.len()), (1, 1), "0 before, 2 after");
    assert!(zero[0].left() < two[0].left(), "before is left of after");
}
