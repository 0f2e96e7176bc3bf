//! The Help menu's windows.

use std::path::PathBuf;

use crate::core::format;

/// Where this app keeps what it keeps, for Help > About.
pub(super) struct KeptWhere {
    /// The autosave and recovery folder (none: autosave is off).
    autosaves: Option<PathBuf>,
    /// The recent files list (none: not kept).
    recent: Option<PathBuf>,
}

impl super::ChartroomApp {
    /// Where the autosaves and the recent files of this app are kept.
    pub(super) fn kept_where(&self) -> KeptWhere {
        KeptWhere {
            autosaves: self.recovery_dir().map(PathBuf::from),
            recent: self.session.recent.store().map(PathBuf::from),
        }
    }
}

/// The app's icon as a texture, made once per window.
fn icon_texture(ctx: &egui::Context) -> egui::TextureHandle {
    const SIZE: u32 = 96;
    let id = egui::Id::NULL.with("chartroom-icon");
    if let Some(texture) = ctx.data(|data| data.get_temp::<egui::TextureHandle>(id)) {
        return texture;
    }
    let rgba = crate::core::icon::rgba(SIZE);
    let image = egui::ColorImage::from_rgba_unmultiplied([SIZE as usize, SIZE as usize], &rgba);
    let texture = ctx.load_texture("chartroom-icon", image, egui::TextureOptions::LINEAR);
    ctx.data_mut(|data| data.insert_temp(id, texture.clone()));
    texture
}

/// Help > About Chartroom: the version and commit, the licence, and where
/// charts, autosaves and the recent files are kept. True while it stays
/// open.
pub(super) fn about_window(ctx: &egui::Context, kept: &KeptWhere) -> bool {
    let mut open = true;
    egui::Modal::new(egui::Id::NULL.with("about")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.horizontal(|ui| {
            ui.image((icon_texture(ctx).id(), egui::vec2(48.0, 48.0)));
            ui.heading("About Chartroom");
        });
        ui.label(format!("Version {}", crate::VERSION));
        ui.label("Draw, compare and present technology-leadership org charts.");
        ui.label(format!("Licence: {}.", crate::LICENCE));
        ui.separator();
        ui.label(format!(
            "Charts are saved where you choose, as .{} files (JSON inside; .json files open too).",
            format::EXTENSION
        ));
        ui.label(match &kept.autosaves {
            Some(dir) => format!("Autosaves and recovered work: {}", dir.display()),
            None => "Autosave is off: this computer gives Chartroom no data folder.".to_owned(),
        });
        ui.label(match &kept.recent {
            Some(file) => format!("Recent files list: {}", file.display()),
            None => "Recent files are not kept.".to_owned(),
        });
        if ui.button("Close").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            open = false;
        }
    });
    open
}

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
