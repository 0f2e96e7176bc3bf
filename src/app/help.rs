//! The Help menu's windows.

/// Help > Keyboard shortcuts: every command that has keys, with all of
/// them the platform's way, read from the same table as the menus. True
/// while it stays open.
pub(super) fn shortcuts_window(ctx: &egui::Context) -> bool {
    let mut open = true;
    egui::Modal::new(egui::Id::NULL.with("shortcuts")).show(ctx, |ui| {
        ui.heading("Keyboard shortcuts");
        if ui.button("Close").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            open = false;
        }
        ui.label("Single keys work on the chart; those with Ctrl also while typing.");
        egui::ScrollArea::vertical()
            .max_height(360.0)
            .show(ui, |ui| {
                egui::Grid::new("shortcuts-grid")
                    .striped(true)
                    .show(ui, |ui| {
                        for command in super::commands::Command::all() {
                            let Some(keys) = command.keys_text(ctx) else {
                                continue;
                            };
                            ui.label(command.label());
                            ui.label(keys);
                            ui.end_row();
                        }
                    });
            });
    });
    open
}
