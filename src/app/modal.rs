//! The one window that waits for the user at a time: which it is, and
//! drawing it (unless a question about the document comes first).

use super::{ChartroomApp, help, palette, paths};

/// The window that waits for the user: one at a time.
pub(super) enum Modal {
    /// The command palette (Ctrl+Shift+P).
    Palette(palette::PaletteState),
    /// The mapping step of an import.
    Import(Box<crate::ui::import::ImportStep>),
    /// The path field shown when no file dialog can be.
    PathPrompt(paths::PathPrompt),
    /// File > Board pack details…: the fields as typed.
    PackDetails(crate::core::workspace::PackInfo),
    /// Help > Keyboard shortcuts.
    Shortcuts,
    /// Help > About Chartroom.
    About,
    /// Scenario > Try a model on this organisation….
    Casting(Box<crate::ui::scenario::CastingState>),
    /// Scenario > Compare scenarios side by side.
    ScenarioTable(Box<crate::ui::scenario_table::TableState>),
}

impl ChartroomApp {
    /// The modal window, unless a question about the document or about
    /// unsaved work from before comes first: one window at a time.
    pub(super) fn modal_ui(&mut self, ctx: &egui::Context) {
        if self.doc.asking() || self.recovery_offers() > 0 {
            return;
        }
        let Some(modal) = self.modal.take() else {
            return;
        };
        let kept = match modal {
            Modal::Palette(mut state) => self
                .palette_ui(ctx, &mut state)
                .then_some(Modal::Palette(state)),
            Modal::Import(step) => self.import_window(ctx, step).map(Modal::Import),
            Modal::PathPrompt(prompt) => self.path_prompt_ui(ctx, prompt).map(Modal::PathPrompt),
            Modal::PackDetails(info) => self.pack_details_window(ctx, info).map(Modal::PackDetails),
            Modal::Shortcuts => help::shortcuts_window(ctx).then_some(Modal::Shortcuts),
            Modal::About => help::about_window(ctx, &self.kept_where()).then_some(Modal::About),
            Modal::Casting(state) => self.casting_window(ctx, state).map(Modal::Casting),
            Modal::ScenarioTable(mut state) => {
                let workspace = self.doc.editor.workspace();
                let revision = self.doc.editor.revision();
                crate::ui::scenario_table::scenario_table_ui(ctx, &mut state, workspace, revision)
                    .then_some(Modal::ScenarioTable(state))
            }
        };
        // What the window did may have opened another (a typed path opens
        // the import step): that one stays.
        if self.modal.is_none() {
            self.modal = kept;
        }
    }
}
