//! Changes through the core's editor: an edit of the shown chart, an
//! edit of the document, undo and redo; what the shell keeps in step
//! after each (the catalogue of phrases, the selection, the shown model).

use crate::core::analysis;
use crate::core::workspace::{self, DocumentEdit, Edit};
use crate::ui::canvas::Selection;

use super::ChartroomApp;

impl ChartroomApp {
    /// Applies an edit to the shown model; a refusal goes to the status bar.
    pub fn apply(&mut self, edit: Edit) {
        let new_phrases: Vec<String> = match &edit {
            Edit::UpdateLeader(l) | Edit::AddLeader { leader: l, .. } => {
                l.phrases().map(str::to_owned).collect()
            }
            _ => Vec::new(),
        };
        match self.doc.editor.apply(&self.current, edit) {
            Ok(()) => {
                self.status = None;
                if !new_phrases.is_empty() {
                    let extra: Vec<&str> = self
                        .panels
                        .catalogue
                        .iter()
                        .chain(&new_phrases)
                        .map(String::as_str)
                        .collect();
                    self.panels.catalogue = analysis::catalogue(std::iter::empty(), &extra);
                }
                self.drop_stale_selection();
            }
            Err(e) => self.complain(format!("Not changed: {e}")),
        }
    }

    /// Applies an edit of the document (models, storyboard, pack); a
    /// refusal goes to the status bar. True when it was applied.
    pub fn apply_document(&mut self, edit: DocumentEdit) -> bool {
        match self.doc.editor.apply_document(edit) {
            Ok(()) => {
                self.keep_shown_model();
                true
            }
            Err(e) => {
                self.complain(format!("Not changed: {e}"));
                false
            }
        }
    }

    pub(super) fn drop_stale_selection(&mut self) {
        let Some(model) = self.doc.editor.model(&self.current) else {
            return;
        };
        let chart = &model.chart;
        let gone = match &self.selection {
            Some(Selection::Leader(id)) => !chart.contains(id),
            Some(Selection::Line(line)) => !chart.lines().contains(line),
            None => false,
        };
        if gone {
            self.selection = None;
        }
    }

    /// Undoes the latest edit of the shown model or of the document.
    pub fn undo(&mut self) {
        let undone = self.doc.editor.undo(&self.current);
        self.after_history_step(undone, "Undone");
    }

    /// Redoes the edit undone last, of the shown model or of the document.
    pub fn redo(&mut self) {
        let redone = self.doc.editor.redo(&self.current);
        self.after_history_step(redone, "Redone");
    }

    pub(super) fn after_history_step(&mut self, step: Option<workspace::Undone>, word: &str) {
        if step.is_some() {
            self.say(word);
        }
        if let Some(workspace::Undone::Document(Some(came_back))) = step {
            self.show_model(&came_back);
        }
        self.keep_shown_model();
        self.drop_stale_selection();
    }

    /// Shows another model when the shown one is gone (deleted, or its
    /// addition undone): the one now in its place, else the last.
    pub(super) fn keep_shown_model(&mut self) {
        let models = &self.doc.editor.workspace().models;
        if models.iter().any(|m| m.id == self.current) {
            return;
        }
        if let Some(first) = models.first() {
            self.current = first.id.clone();
            self.selection = None;
            self.panels.pinned_overlap = None;
        }
    }
}
