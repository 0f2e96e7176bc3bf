//! When no file dialog can be shown (no desktop portal, a bare X server),
//! say so and ask for the path in a field instead of doing nothing.

use std::path::PathBuf;

use crate::ui::import::ImportTarget;

use super::{ChartroomApp, ExportKind};

/// What a typed path is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum PathPurpose {
    /// File > Open.
    Open,
    /// File > Save As.
    SaveAs,
    /// File > Import people / Update from file.
    Import(ImportTarget),
    /// File > Export.
    Export(ExportKind),
}

/// The open path field.
#[derive(Clone, Debug)]
pub(super) struct PathPrompt {
    purpose: PathPurpose,
    text: String,
    focus: bool,
}

impl ChartroomApp {
    /// A dialog gave no file: when it could not be shown at all, ask for
    /// the path instead (a cancelled dialog is left alone).
    pub(super) fn dialog_gave_nothing(&mut self, purpose: PathPurpose) {
        if self.dialogs.unavailable() {
            self.modal = Some(super::Modal::PathPrompt(PathPrompt {
                purpose,
                text: String::new(),
                focus: true,
            }));
        }
    }

    /// The path field; `None` once answered.
    pub(super) fn path_prompt_ui(
        &mut self,
        ctx: &egui::Context,
        mut prompt: PathPrompt,
    ) -> Option<PathPrompt> {
        let mut answer: Option<bool> = None;
        egui::Modal::new(egui::Id::NULL.with("path-prompt")).show(ctx, |ui| {
            ui.heading("No file dialog could be shown");
            ui.label("This desktop offers no file dialog. Type the file's full path instead.");
            ui.horizontal(|ui| {
                let label = ui.label("Path:");
                let field = ui
                    .add(egui::TextEdit::singleline(&mut prompt.text).desired_width(420.0))
                    .labelled_by(label.id);
                if std::mem::take(&mut prompt.focus) {
                    field.request_focus();
                }
                if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    answer = Some(true);
                }
            });
            ui.horizontal(|ui| {
                if ui.button("OK").clicked() {
                    answer = Some(true);
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(false);
                }
            });
        });
        match answer {
            Some(true) if !prompt.text.trim().is_empty() => {
                let path = PathBuf::from(prompt.text.trim());
                self.use_typed_path(prompt.purpose, path);
                None
            }
            Some(_) => None,
            None => Some(prompt),
        }
    }

    fn use_typed_path(&mut self, purpose: PathPurpose, path: PathBuf) {
        match purpose {
            PathPurpose::Open => self.open_now(Some(path)),
            PathPurpose::SaveAs => {
                self.save_as_to(path);
            }
            PathPurpose::Import(target) => self.begin_import(Some(path), target),
            PathPurpose::Export(kind) => self.export_to(kind, Some(path)),
        }
    }
}
