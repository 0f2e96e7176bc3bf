//! Real organisations: a big chart opens folded to the levels that fit,
//! leaders fold and unfold (control, keys, menu), find goes to a match, and
//! the inspector gives headcounts. Driven through the real app.

use crate::common::{Answers, dialogs, harness, preset_app};
use chartroom::app::ChartroomApp;
use chartroom::core::model::{Leader, LeaderId, OrgChart, Role};
use chartroom::core::workspace::{Model, ModelId, Workspace};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// 1 CEO, 10 VPs, 100 directors, 900 people: 1,011 leaders in 4 levels.
fn big_org() -> Workspace {
    let mut chart = OrgChart::new();
    let mut add = |id: String, role, name: String, manager: Option<String>| {
        chart
            .add_leader(Leader::new(id.as_str(), role, name).with_title("Someone"))
            .unwrap();
        if let Some(m) = manager {
            chart
                .set_manager(&LeaderId::new(id), Some(&LeaderId::new(m)))
                .unwrap();
        }
    };
    add("ceo".into(), Role::Ceo, "Chief".into(), None);
    for v in 0..10 {
        let vp = format!("vp{v}");
        add(vp.clone(), Role::Vp, format!("VP {v}"), Some("ceo".into()));
        for d in 0..10 {
            let dir = format!("d{v}-{d}");
            add(
                dir.clone(),
                Role::Other,
                format!("Director {v}-{d}"),
                Some(vp.clone()),
            );
            for p in 0..9 {
                add(
                    format!("p{v}-{d}-{p}"),
                    Role::Other,
                    format!("Person {v}-{d}-{p}"),
                    Some(dir.clone()),
                );
            }
        }
    }
    Workspace::new(vec![Model {
        id: ModelId::new("big"),
        title: "Big".into(),
        description: String::new(),
        preset: None,
        chart,
    }])
}

fn big_app() -> Harness<'static, ChartroomApp> {
    let app = ChartroomApp::new(big_org(), None, dialogs(&Answers::default()));
    harness(app)
}

fn cards_shown(h: &mut Harness<'_, ChartroomApp>) -> usize {
    h.state_mut().current_facts().unwrap().layout.rects.len()
}

#[test]
fn a_big_chart_opens_folded_to_the_levels_that_fit_and_expand_all_shows_everyone() {
    let mut h = big_app();
    assert_eq!(cards_shown(&mut h), 111, "CEO, VPs and directors");
    let status = h.state().status().unwrap().text.clone();
    assert!(status.contains("showing the top 3 levels"), "{status}");
    assert!(
        !h.state().editor().is_dirty(),
        "opening folded is not an edit"
    );
    h.get_by_label("View").click();
    h.run();
    h.get_all_by_label_contains("Expand all")
        .next()
        .expect("in the View menu")
        .click();
    h.run();
    assert_eq!(cards_shown(&mut h), 1_011);
    // Ctrl+2: the CEO and the VPs.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    h.run();
    assert_eq!(cards_shown(&mut h), 11);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        cards_shown(&mut h),
        1_011,
        "folding is undone like any edit"
    );
}

#[test]
fn the_fold_control_and_the_minus_key_fold_a_leader_and_the_card_says_how_many() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    h.get_by_label("CIO").click();
    h.run();
    h.get_by_label("collapse CIO").click();
    h.run();
    assert!(
        h.query_by_label("CISO").is_none(),
        "the CISO is folded away"
    );
    h.get_by_label("expand CIO (1 person)").click();
    h.run();
    assert!(h.query_by_label("CISO").is_some(), "and back");
    // The same from the keyboard, with the CIO still selected.
    h.key_press(Key::Minus);
    h.run();
    assert!(h.query_by_label("CISO").is_none());
    h.key_press(Key::Plus);
    h.run();
    assert!(h.query_by_label("CISO").is_some());
}

#[test]
fn find_lists_matches_and_enter_goes_to_one_expanding_the_leaders_above() {
    let mut h = big_app();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find").type_text("Person 7-4-");
    h.run();
    assert!(h.query_by_label("9 matches").is_some());
    assert!(
        h.query_by_label("Person 7-4-0 — Someone").is_some(),
        "listed"
    );
    h.key_press(Key::Enter);
    h.run_steps(60);
    let target = LeaderId::new("p7-4-0");
    assert_eq!(
        h.state().selection(),
        Some(&chartroom::ui::canvas::Selection::Leader(target.clone()))
    );
    let facts = h.state_mut().current_facts().unwrap();
    assert!(
        facts.layout.index_of(&target).is_some(),
        "its director was expanded"
    );
    let canvas = h.state().canvas().unwrap();
    assert!(
        canvas.zoom() >= 0.79,
        "zoomed in to read it: {}",
        canvas.zoom()
    );
    assert!(
        h.query_by_label("Person 7-4-0").is_some(),
        "its card is on screen"
    );
}

#[test]
fn the_inspector_gives_direct_reports_and_everyone_under() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    h.get_by_label("CEO").click();
    h.run();
    assert!(h.query_by_label("2 direct reports, 3 in all").is_some());
    assert!(
        h.query_by_label("4 leaders in 3 levels, 1 overlap")
            .is_some()
    );
}

#[test]
fn ctrl_0_shows_the_chart_at_actual_size() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    let fitted = h.state().canvas().unwrap().zoom();
    assert!(
        (fitted - 1.0).abs() > 0.01,
        "fitted is not 100% here: {fitted}"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    let zoom = h.state().canvas().unwrap().zoom();
    assert!((zoom - 1.0).abs() < 1e-4, "100%: {zoom}");
}
