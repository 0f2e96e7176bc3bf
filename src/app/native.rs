//! The real window: eframe, the native dialogs, the recent files and the
//! recovery folder of this user.

use std::path::PathBuf;

use crate::core::format;
use crate::core::recent::{RecentFiles, WindowPlace};
use crate::core::recovery::RecoveryStore;

use super::{ChartroomApp, NativeDialogs, install_panic_hook};

/// Opens the window: on `file` if given, else on the presets.
pub fn run_native(file: Option<PathBuf>) -> Result<(), String> {
    let app = match file {
        // An HR export (or another tool's JSON org chart) opens the presets
        // with the import's mapping step.
        Some(path)
            if crate::core::import::is_hr_export(&path) && !format::is_document_path(&path) =>
        {
            let mut app = ChartroomApp::with_presets(Box::new(NativeDialogs::default()));
            app.import_people(Some(path));
            app
        }
        Some(path) => {
            let workspace = format::load_path(&path).map_err(|e| e.to_string())?;
            ChartroomApp::new(workspace, Some(path), Box::new(NativeDialogs::default()))
        }
        None => ChartroomApp::with_presets(Box::new(NativeDialogs::default())),
    };
    let app = match RecentFiles::default_store() {
        Some(store) => app.with_recent(RecentFiles::load(store)),
        None => app,
    };
    let mut app = match RecoveryStore::default_dir() {
        Some(dir) => app.with_recovery(RecoveryStore::new(dir)),
        None => app,
    };
    install_panic_hook(app.crash_copy());
    let store = WindowPlace::default_store();
    let mut viewport = egui::ViewportBuilder::default()
        .with_inner_size([1400.0, 900.0])
        .with_min_inner_size([800.0, 500.0])
        .with_title(app.title())
        .with_app_id("chartroom")
        .with_icon(std::sync::Arc::new(window_icon()));
    if let Some(place) = store.as_deref().and_then(WindowPlace::load) {
        viewport = viewport
            .with_inner_size([place.width, place.height])
            .with_position([place.x, place.y]);
    }
    app.session.window_store = store;
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    eframe::run_native(
        "Chartroom",
        options,
        Box::new(|cc| {
            // Boards read charts on white: light is the default theme.
            cc.egui_ctx.set_theme(egui::Theme::Light);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| e.to_string())
}

/// Chartroom's icon for the title bar and the task bar.
fn window_icon() -> egui::IconData {
    const SIZE: u32 = 128;
    egui::IconData {
        rgba: crate::core::icon::rgba(SIZE),
        width: SIZE,
        height: SIZE,
    }
}

impl ChartroomApp {
    /// Keeps where the window is, for the next start.
    pub(super) fn keep_window_place(&self, ctx: &egui::Context) {
        let Some(store) = &self.session.window_store else {
            return;
        };
        let (outer, inner) = ctx.input(|i| (i.viewport().outer_rect, i.viewport().inner_rect));
        if let (Some(outer), Some(inner)) = (outer, inner) {
            WindowPlace {
                x: outer.min.x,
                y: outer.min.y,
                width: inner.width(),
                height: inner.height(),
            }
            .save(store);
        }
    }
}
