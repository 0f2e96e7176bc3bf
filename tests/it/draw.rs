//! One card, one truth: the canvas draws the core drawing's primitives, the
//! same ones the export writes; far out, cards become plain blocks; a model
//! shown from the list opens fitted. Driven through the real app.

use crate::common::{harness, preset_app};
use chartroom::app::ChartroomApp;
use chartroom::core::draw::{Part, Prim};
use chartroom::core::export;
use chartroom::core::theme::Palette;
use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Shows a model by its entry in the model list (the shown model's title
/// is also the details panel's heading; the list comes first).
fn show_model(h: &mut Harness<'_, ChartroomApp>, title: &str) {
    h.get_all_by_label(title).next().expect("listed").click();
    h.run();
}

fn parts(prims: &[Prim]) -> Vec<Part> {
    prims.iter().map(|p| p.part).collect()
}

#[test]
fn the_screen_draws_the_same_primitives_as_the_export() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    let models = h.state().editor().workspace().models.clone();
    for model in &models {
        show_model(&mut h, &model.title);
        h.remove_cursor();
        h.run();
        let on_screen = h.state().canvas().expect("drawn").last_scene().to_vec();
        let (exported, _) = export::model_prims(model, &Palette::light());
        assert!(
            on_screen.iter().any(|p| p.part == Part::Name),
            "{}: drawn at full detail",
            model.id
        );
        assert_eq!(
            parts(&on_screen),
            parts(&exported),
            "{}: same parts in the same order",
            model.id
        );
        assert_eq!(on_screen, exported, "{}: same primitives", model.id);
    }
}

#[test]
fn a_model_shown_from_the_list_opens_fitted() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    let models = h.state().editor().workspace().models.clone();
    // Backwards, so that every model is shown right after another one.
    for model in models.iter().rev() {
        show_model(&mut h, &model.title);
        h.run();
        let facts = h.state_mut().current_facts().expect("a model");
        let canvas = h.state().canvas().expect("drawn");
        let viewport = canvas.viewport();
        for rect in &facts.layout.rects {
            let on_screen = canvas.screen_from_chart * *rect;
            assert!(
                viewport.contains_rect(on_screen),
                "{}: {on_screen:?} outside {viewport:?}",
                model.id
            );
        }
        for leader in model.chart.leaders() {
            assert!(
                h.query_by_label(&leader.name).is_some(),
                "{}: {} is on screen",
                model.id,
                leader.name
            );
        }
    }
}

#[test]
fn far_out_cards_are_blocks_without_text_and_close_in_they_have_it_again() {
    let (app, _) = preset_app();
    let mut h = harness(app);
    let at = h.get_by_label("CIO").rect().center();
    h.hover_at(at);
    h.run();
    let zoom_once = |h: &mut Harness<'_, ChartroomApp>, lines: f32| {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Line,
            delta: vec2(0.0, lines),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: Modifiers::COMMAND,
        });
        h.run();
    };
    for _ in 0..12 {
        zoom_once(&mut h, -3.0);
    }
    let canvas = h.state().canvas().unwrap();
    assert!(canvas.zoom() < 0.3, "zoomed out to {}", canvas.zoom());
    let far = parts(canvas.last_scene());
    assert!(far.contains(&Part::CardBox), "cards are still drawn");
    assert!(far.contains(&Part::Stripe), "with their role colour");
    for text in [Part::Name, Part::Title, Part::Phrase, Part::RoleBadge] {
        assert!(!far.contains(&text), "no {text:?} far out: {far:?}");
    }
    h.key_press(Key::F);
    h.run();
    let near = parts(h.state().canvas().unwrap().last_scene());
    assert!(near.contains(&Part::Name), "text is back when fitted");
}

/// An open position (a vacancy in an HR export, or marked in the
/// inspector) is drawn with a dashed edge and "Open position" for a name,
/// on screen and in the export; Ctrl+Z makes it a person again.
#[test]
fn an_open_position_is_drawn_dashed_and_says_so() {
    use chartroom::core::draw::Shape;
    let (app, _) = preset_app();
    let mut h = harness(app);
    h.get_by_label("CIO").click();
    h.run();
    h.get_by_label("Open position").click();
    h.run();
    let model = h.state().current_model().unwrap().clone();
    let leader = model
        .chart
        .leaders()
        .find(|l| l.open)
        .expect("the CIO is an open position");
    assert_eq!(leader.name, "CIO", "the name is kept");
    // The card's name line, and what a screen reader hears.
    h.get_by_label("Open position: CIO");
    let (prims, _) = export::model_prims(&model, &Palette::light());
    let dashed_boxes = prims
        .iter()
        .filter(|p| p.part == Part::CardBox && matches!(p.shape, Shape::Path { dashed: true, .. }))
        .count();
    assert_eq!(dashed_boxes, 1, "one card drawn dashed");
    let svg = export::svg(&model, &Palette::light());
    assert!(svg.contains(">Open position<"), "the export says so");
    // The CEO's team counts the open post apart from the people.
    h.get_by_label("CEO").click();
    h.run();
    h.get_by_label("1 direct report, 3 in all; 1 open position too");
    // So does the status bar: three people and a post.
    h.get_by_label("3 leaders and 1 open position in 3 levels, 1 overlap");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        !h.state()
            .current_model()
            .unwrap()
            .chart
            .leaders()
            .any(|l| l.open)
    );
}
