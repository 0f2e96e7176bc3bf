//! Which two models the compare view shows: picked by id (the document's,
//! or another file's), never by position, so a model added, moved or
//! deleted cannot put another pair on screen unsaid.

use egui::{RichText, Ui};

use super::{CompareOutput, CompareState, model_label};
use crate::core::workspace::{Model, ModelId, Scene};

/// A model the compare view can show: one of the document's, or one
/// opened from another file (given an id of its own among those).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Pick {
    /// Its id, in the document or among the other files' models.
    pub id: ModelId,
    /// From another file.
    pub other: bool,
}

impl Pick {
    /// A model of the document.
    pub fn ours(id: ModelId) -> Self {
        Self { id, other: false }
    }
}

impl CompareState {
    /// Adds the models of another file to the choices (each given an id
    /// no other such model has) and shows the first on the right.
    pub fn add_other(&mut self, models: Vec<Model>) {
        let mut first = None;
        for mut model in models {
            let stem = model.id.clone();
            let mut n = 1;
            while self.extra.iter().any(|m| m.id == model.id) {
                n += 1;
                model.id = ModelId::new(format!("{stem}-{n}"));
            }
            first.get_or_insert_with(|| model.id.clone());
            self.extra.push(model);
        }
        if let Some(id) = first {
            self.right = Some(Pick { id, other: true });
            self.selected = None;
            self.right_canvas.request_fit();
        }
    }

    /// The model a pick names, if it is there.
    pub(super) fn find<'m>(
        pick: &Pick,
        workspace: &'m [Model],
        extra: &'m [Model],
    ) -> Option<&'m Model> {
        let list = if pick.other { extra } else { workspace };
        list.iter().find(|m| m.id == pick.id)
    }

    /// The pair shown: each side as picked, else the document's first two.
    pub(super) fn pair<'m>(
        &self,
        workspace: &'m [Model],
        extra: &'m [Model],
    ) -> Option<(&'m Model, &'m Model)> {
        let first = workspace.first()?;
        let second = workspace.get(1).unwrap_or(first);
        let side = |pick: &Option<Pick>, default| {
            pick.as_ref()
                .and_then(|p| Self::find(p, workspace, extra))
                .unwrap_or(default)
        };
        Some((side(&self.left, first), side(&self.right, second)))
    }

    /// A model of the document is gone (deleted): a side that showed it
    /// shows another model of the document, and the view says so.
    pub fn forget(&mut self, id: &ModelId, workspace: &[Model]) {
        let gone = Pick::ours(id.clone());
        let (left, right) = (self.left == Some(gone.clone()), self.right == Some(gone));
        if !left && !right {
            return;
        }
        let choices: Vec<Pick> = workspace.iter().map(|m| Pick::ours(m.id.clone())).collect();
        let other = if left { &self.right } else { &self.left };
        let stand_in = choices
            .iter()
            .find(|p| Some(*p) != other.as_ref())
            .or(choices.first())
            .cloned();
        let title = stand_in
            .as_ref()
            .and_then(|p| Self::find(p, workspace, &self.extra))
            .map(Model::short_title)
            .unwrap_or_default();
        if left {
            self.left.clone_from(&stand_in);
            self.left_canvas.request_fit();
        }
        if right {
            self.right.clone_from(&stand_in);
            self.right_canvas.request_fit();
        }
        self.selected = None;
        self.note = Some(format!(
            "The model compared was deleted: showing {title} in its place."
        ));
    }

    pub(super) fn pick_ui(
        &mut self,
        ui: &mut Ui,
        models: &[&Model],
        workspace_len: usize,
    ) -> CompareOutput {
        let mut out = CompareOutput::default();
        let (left_was, right_was) = (self.left.clone(), self.right.clone());
        let picks = choices(models, workspace_len);
        let shown = self.pair_picks(models, workspace_len);
        if let Some(note) = &self.note {
            ui.label(RichText::new(note).strong());
        }
        ui.horizontal_wrapped(|ui| {
            for (side, which, now) in [
                ("Left:", &mut self.left, &shown.0),
                ("Right:", &mut self.right, &shown.1),
            ] {
                let name = ui.label(side);
                let text = picks.iter().find(|(p, _)| p == now).map(|(_, l)| l.clone());
                let mut chosen = now.clone();
                egui::ComboBox::from_id_salt(("compare-pick", side))
                    .selected_text(text.unwrap_or_default())
                    .width(260.0)
                    .show_ui(ui, |ui| {
                        for (pick, label) in &picks {
                            ui.selectable_value(&mut chosen, pick.clone(), label);
                        }
                    })
                    .response
                    .labelled_by(name.id);
                if chosen != *now {
                    *which = Some(chosen);
                    self.selected = None;
                    self.note = None;
                }
            }
            ui.checkbox(&mut self.linked, "Link pan and zoom");
            if ui.button("Compare with a model from a file…").clicked() {
                out.open_other = true;
            }
            out.add_scene = self.add_scene_ui(ui, models, workspace_len);
        });
        // A side that shows another model starts fitted to it.
        if self.left != left_was {
            self.left_canvas.request_fit();
        }
        if self.right != right_was {
            self.right_canvas.request_fit();
        }
        out
    }
}

/// Every model that can be picked, with the words its menu shows: the
/// document's first, then those from another file.
fn choices(models: &[&Model], workspace_len: usize) -> Vec<(Pick, String)> {
    models
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let other = i >= workspace_len;
            let pick = Pick {
                id: m.id.clone(),
                other,
            };
            (pick, model_label(m, other))
        })
        .collect()
}

impl CompareState {
    /// The picks of the pair shown (each side as picked, else the
    /// document's first two), given the choices in order.
    pub(super) fn pair_picks(&self, models: &[&Model], workspace_len: usize) -> (Pick, Pick) {
        let ours = |i: usize| {
            models[..workspace_len.min(models.len())]
                .get(i)
                .map(|m| Pick::ours(m.id.clone()))
        };
        let exists = |p: &Pick| {
            models
                .iter()
                .enumerate()
                .any(|(i, m)| m.id == p.id && (i >= workspace_len) == p.other)
        };
        let first = ours(0).unwrap_or_else(|| Pick::ours(ModelId::default()));
        let second = ours(1).unwrap_or_else(|| first.clone());
        let side = |pick: &Option<Pick>, default: Pick| {
            pick.clone().filter(|p| exists(p)).unwrap_or(default)
        };
        (side(&self.left, first), side(&self.right, second))
    }

    /// "Add current view as scene": the shown pair as a comparison scene.
    /// Only models of the document can be scenes (a model from another
    /// file is not saved with it).
    pub(super) fn add_scene_ui(
        &self,
        ui: &mut Ui,
        models: &[&Model],
        workspace_len: usize,
    ) -> Option<Scene> {
        let (left, right) = self.pair_picks(models, workspace_len);
        let find = |p: &Pick| {
            models
                .iter()
                .enumerate()
                .find(|(i, m)| m.id == p.id && (*i >= workspace_len) == p.other)
                .map(|(_, m)| *m)
        };
        let (a, b) = (find(&left)?, find(&right)?);
        let ours = !left.other && !right.other;
        let can = ours && left != right;
        let button = ui.add_enabled(can, egui::Button::new("Add current view as scene"));
        let button = if can {
            button.on_hover_text(format!(
                "Adds to the storyboard: {} compared with {}",
                a.short_title(),
                b.short_title()
            ))
        } else if ours {
            button.on_disabled_hover_text("Pick two different models")
        } else {
            button
                .on_disabled_hover_text("A model from another file is not saved with this document")
        };
        button
            .clicked()
            .then(|| Scene::comparing(a.id.clone(), b.id.clone()))
    }
}
