//! The presenter's view: the current scene and the next, the caption the
//! room sees, the speaker notes, the scene number and the time elapsed.

use std::time::Duration;

use egui::{RichText, Ui, ViewportBuilder, ViewportId};

use crate::core::text::visible;
use crate::core::workspace::{Scene, Workspace};

use super::stage::{Showing, stage_ui};
use super::{PresentState, keys};

/// The presenter's view in a window of its own, for a second display
/// (drawn inside this window where the platform has only one). Keys work
/// there as in the room's window. False when Esc was pressed in it.
pub(super) fn window(
    ctx: &egui::Context,
    state: &mut PresentState,
    scenes: &[Scene],
    workspace: &Workspace,
) -> bool {
    let builder = ViewportBuilder::default()
        .with_title("Chartroom presenter view")
        .with_inner_size([1100.0, 680.0])
        .with_min_inner_size([900.0, 560.0]);
    let id = ViewportId::from_hash_of("chartroom-presenter");
    ctx.show_viewport_immediate(id, builder, |ui, _| {
        if ui.input(|i| i.viewport().close_requested()) {
            state.presenter_window = false;
            return true;
        }
        if !keys(ui, state, scenes.len() - 1) {
            return false;
        }
        presenter_ui(ui, state, scenes, workspace);
        true
    })
}

/// The presenter's view in `ui`.
pub(super) fn presenter_ui(
    ui: &mut Ui,
    state: &mut PresentState,
    scenes: &[Scene],
    workspace: &Workspace,
) {
    // The clock moves on its own.
    ui.ctx().request_repaint_after(Duration::from_millis(500));
    let index = state.scene;
    let frame = egui::Frame::NONE
        .fill(state.theme.canvas_bg)
        .inner_margin(16.0);
    let text = state.theme.text;
    egui::CentralPanel::default_margins()
        .frame(frame)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                let counter = state.counter(scenes.len());
                ui.label(RichText::new(counter).size(24.0).strong().color(text));
                ui.add_space(24.0);
                ui.label(RichText::new(state.elapsed()).size(24.0).color(text));
                ui.add_space(24.0);
                ui.label(
                    RichText::new("P: the room's view   W: presenter window   Esc: stop")
                        .size(14.0)
                        .color(state.theme.weak_text),
                );
            });
            ui.separator();
            let width = ui.available_width();
            let height = ui.available_height();
            ui.horizontal_top(|ui| {
                ui.allocate_ui(egui::vec2(width * 0.6, height), |ui| {
                    ui.vertical(|ui| now_ui(ui, state, &scenes[index], workspace));
                });
                ui.allocate_ui(egui::vec2(ui.available_width(), height), |ui| {
                    ui.vertical(|ui| next_and_notes_ui(ui, state, scenes, workspace));
                });
            });
        });
}

/// The current scene with the caption the room sees under its title.
fn now_ui(ui: &mut Ui, state: &mut PresentState, scene: &Scene, workspace: &Workspace) {
    let text = state.theme.text;
    let title = format!("Now: {}", scene.describe(workspace));
    ui.label(RichText::new(title).size(20.0).strong().color(text));
    let caption = state.derived.caption(state.scene, scene, workspace);
    let caption = if caption.is_empty() {
        "No caption".to_owned()
    } else {
        format!("Caption: {}", visible(&caption))
    };
    ui.label(RichText::new(caption).size(16.0).color(text));
    // Lit as the room sees it.
    let spotlight = super::spotlight_of(state, scene, workspace);
    let showing = Showing {
        index: state.scene,
        scene,
        workspace,
        theme: &state.theme,
        spotlight: spotlight.as_deref(),
        glide: false,
        title_size: 14.0,
    };
    ui.push_id("presenter-now", |ui| {
        let _ = stage_ui(ui, &mut state.now, &mut state.derived, &showing);
    });
}

/// The next scene, small, and the speaker notes in large type.
fn next_and_notes_ui(
    ui: &mut Ui,
    state: &mut PresentState,
    scenes: &[Scene],
    workspace: &Workspace,
) {
    let text = state.theme.text;
    let next = state.scene + 1;
    if let Some(scene) = scenes.get(next) {
        let title = format!("Next: {}", scene.describe(workspace));
        ui.label(RichText::new(title).size(18.0).strong().color(text));
        let showing = Showing {
            index: next,
            scene,
            workspace,
            theme: &state.theme,
            spotlight: None,
            glide: false,
            title_size: 12.0,
        };
        let height = ui.available_height() * 0.45;
        ui.push_id("presenter-next", |ui| {
            ui.allocate_ui(egui::vec2(ui.available_width(), height), |ui| {
                let _ = stage_ui(ui, &mut state.next, &mut state.derived, &showing);
            });
        });
    } else {
        let end = RichText::new("Next: the end of the presentation")
            .size(18.0)
            .strong()
            .color(text);
        ui.label(end);
    }
    ui.separator();
    ui.label(RichText::new("Notes").size(18.0).strong().color(text));
    let notes = scenes[state.scene].notes.trim();
    egui::ScrollArea::vertical().show(ui, |ui| {
        if notes.is_empty() {
            let none = RichText::new("No notes for this scene.")
                .size(20.0)
                .color(state.theme.weak_text);
            ui.label(none);
        } else {
            // Line by line: the notes' own line breaks are kept.
            for line in notes.lines() {
                ui.label(RichText::new(visible(line)).size(22.0).color(text));
            }
        }
    });
}
