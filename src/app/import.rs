//! File > Import people… and File > Update from file…: the HR export is read,
//! the mapping step shows what will happen, and only "Import" (or "Apply")
//! changes the workspace: a new model, or one undoable edit of the shown one.

use std::path::PathBuf;

use crate::core::import::{self, Choices};
use crate::core::text::visible;
use crate::core::wording::thousands;
use crate::core::workspace::{self, Edit, ModelId};
use crate::ui::import::{ImportAction, ImportStep, ImportTarget, import_ui};

use super::paths::PathPurpose;
use super::{ChartroomApp, OPEN_FOLDED_OVER};

impl ChartroomApp {
    /// Asks for an HR export (unless given) and opens the mapping step for
    /// a new model.
    pub fn import_people(&mut self, path: Option<PathBuf>) {
        self.begin_import(path, ImportTarget::NewModel);
    }

    /// Asks for an HR export (unless given) and opens the mapping step to
    /// update the shown model, matching people by identifier.
    pub fn update_from_file(&mut self, path: Option<PathBuf>) {
        let Some(model) = self.current_model() else {
            return;
        };
        let target = ImportTarget::Update(model.id.clone());
        self.begin_import(path, target);
    }

    /// The mapping step, while it is open.
    pub fn import_step(&self) -> Option<&ImportStep> {
        match &self.modal {
            Some(super::Modal::Import(step)) => Some(step),
            _ => None,
        }
    }

    pub(super) fn begin_import(&mut self, path: Option<PathBuf>, target: ImportTarget) {
        let Some(path) = path.or_else(|| self.dialogs.pick_import()) else {
            return self.dialog_gave_nothing(PathPurpose::Import(target));
        };
        let table = match import::read_path(&path, None) {
            Ok(table) => table,
            Err(import::ImportError::ChartroomDocument) => {
                // A Chartroom document chosen to import is opened instead.
                return self.open(Some(path));
            }
            Err(e) => {
                return self.complain(format!("Could not import {}: {e}", path.display()));
            }
        };
        let choices = Choices::detect(&table);
        let title = path.file_stem().map_or_else(
            || "Imported".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        );
        let mut step = ImportStep::new(path, table, choices, title, target);
        self.refresh_import(&mut step);
        self.modal = Some(super::Modal::Import(Box::new(step)));
    }

    /// Works the import out again after a change of choices.
    fn refresh_import(&self, step: &mut ImportStep) {
        let old = match &step.target {
            ImportTarget::Update(id) => self.doc.editor.workspace().model_by_id(id),
            ImportTarget::NewModel => None,
        };
        step.refresh(old);
    }

    /// The mapping step; `None` once it is done with.
    pub(super) fn import_window(
        &mut self,
        ctx: &egui::Context,
        mut step: Box<ImportStep>,
    ) -> Option<Box<ImportStep>> {
        match import_ui(ctx, &mut step) {
            Some(ImportAction::Changed) => {
                self.refresh_import(&mut step);
                Some(step)
            }
            Some(ImportAction::Sheet(i)) => {
                let name = step.table.sheets.get(i).cloned();
                match import::read_path(&step.path, name.as_deref()) {
                    Ok(table) => {
                        step.choices = Choices::detect(&table);
                        step.table = std::sync::Arc::new(table);
                        self.refresh_import(&mut step);
                    }
                    Err(e) => self.complain(format!("Could not read that sheet: {e}")),
                }
                Some(step)
            }
            Some(ImportAction::Confirm) => {
                self.finish_import(*step);
                None
            }
            Some(ImportAction::Cancel) => None,
            None => Some(step),
        }
    }

    fn finish_import(&mut self, step: ImportStep) {
        let file = step.file_name();
        let ImportStep {
            outcome,
            update,
            target,
            title,
            ..
        } = step;
        let Ok(imported) = outcome else {
            return;
        };
        match target {
            ImportTarget::NewModel => {
                let id = self
                    .doc
                    .editor
                    .workspace()
                    .fresh_model_id(&import::slug(&title));
                let summary = imported.summary();
                let mut model = imported.into_model(id, title, &file);
                workspace::fold_to_fit(&mut model.chart, OPEN_FOLDED_OVER);
                self.add_model(model);
                self.say(format!("Imported {file}: {summary}"));
            }
            ImportTarget::Update(id) => self.apply_update(&id, update, &file),
        }
    }

    fn apply_update(&mut self, id: &ModelId, update: Option<import::Update>, file: &str) {
        let (Some(update), true) = (update, self.doc.editor.model(id).is_some()) else {
            return;
        };
        let changes = update
            .sentences
            .iter()
            .filter(|s| !s.left.is_empty() || !s.right.is_empty())
            .count();
        self.show_model(id);
        self.apply(Edit::ReplaceChart(update.chart));
        let title = self.current_model().map(|m| visible(&m.title).into_owned());
        self.say(format!(
            "Updated {} from {file}: {} {}",
            title.unwrap_or_default(),
            thousands(changes),
            if changes == 1 { "change" } else { "changes" }
        ));
    }
}
