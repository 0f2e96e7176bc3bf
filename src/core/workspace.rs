//! A workspace of models, and the one place every edit goes through.
//!
//! [`Editor::apply`] validates an [`Edit`], applies it to one model, records
//! the model's previous state for undo, and marks the workspace dirty. The UI
//! turns pointer and keyboard input into edits and never changes a chart
//! itself, so validation, undo and the unsaved mark cannot be forgotten.

use std::collections::BTreeMap;

use crate::core::fast::HashSet;
use std::fmt;

use emath::Pos2;
use serde::{Deserialize, Serialize};

use super::analysis::phrase_key;
use super::model::{Assignment, ChartError, Leader, LeaderId, Line, OrgChart, Raci};

mod document_edit;
mod editor;
mod pack;
mod scene;
#[cfg(test)]
mod tests;
mod undo;

pub use self::document_edit::DocumentEdit;
pub use self::editor::{Editor, UNDO_DEPTH, Undone};
pub use self::pack::{PackInfo, PageSize};
pub use self::scene::Scene;

/// A model's stable identifier, unique within a workspace (e.g. `"peers"`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ModelId(pub String);

impl ModelId {
    /// Makes an id from anything string-like.
    pub fn new(id: impl Into<String>) -> Self {
        Self(id.into())
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ModelId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for ModelId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for ModelId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl From<&str> for ModelId {
    fn from(id: &str) -> Self {
        Self::new(id)
    }
}

/// One org model: a title, where it came from, and its chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// Stable id, unique in the workspace (e.g. `"peers"`).
    pub id: ModelId,
    /// The title shown in the model list.
    pub title: String,
    /// A paragraph saying what the model is and where it comes from.
    pub description: String,
    /// The preset it was made from, for "Reset to preset".
    pub preset: Option<String>,
    /// Leaders and lines.
    pub chart: OrgChart,
}

impl Model {
    /// The short name of the model: its title up to the first colon, else
    /// its id.
    pub fn short_title(&self) -> String {
        let title = self.title.split(':').next().unwrap_or_default().trim();
        let title = if title.is_empty() {
            self.id.as_str()
        } else {
            title
        };
        super::text::visible(title).into_owned()
    }
}

/// A JSON object's fields.
pub type JsonMap = serde_json::Map<String, serde_json::Value>;

/// Fields of an opened file that this build does not know, kept so that
/// saving writes them back instead of dropping them.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Extras {
    /// Unknown fields of the document object.
    pub document: JsonMap,
    /// Of each model, by model id.
    pub models: BTreeMap<String, JsonMap>,
    /// Of each leader, by (model id, leader id).
    pub leaders: BTreeMap<(String, String), JsonMap>,
    /// Of each dotted line, by (model id, manager id, report id).
    pub lines: BTreeMap<(String, String, String), JsonMap>,
}

/// A scenario's link to the organisation it was made of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioLink {
    /// The scenario's model.
    pub model: ModelId,
    /// The organisation it was made of (untouched by it).
    pub baseline: ModelId,
    /// The title of the model tried on it.
    pub target: String,
}

/// The whole document: every model, in order.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Workspace {
    /// Models in list order.
    pub models: Vec<Model>,
    /// The presentation's scenes, in order; empty means one scene per model.
    pub storyboard: Vec<Scene>,
    /// Unknown fields from the file it was opened from.
    pub extras: Extras,
    /// The board pack's title page.
    pub pack: PackInfo,
    /// Which models are scenarios, and of which baseline. A link whose
    /// models are not both there any more means nothing (and is not saved).
    pub scenarios: Vec<ScenarioLink>,
}

impl Workspace {
    /// A workspace of these models.
    pub fn new(models: Vec<Model>) -> Self {
        Self {
            models,
            storyboard: Vec::new(),
            extras: Extras::default(),
            pack: PackInfo::default(),
            scenarios: Vec::new(),
        }
    }

    /// The baseline a model is a scenario of, when both are there.
    pub fn scenario_of(&self, id: &ModelId) -> Option<&ScenarioLink> {
        self.scenarios.iter().find(|link| {
            link.model == *id
                && self.index_of(&link.baseline).is_some()
                && self.index_of(&link.model).is_some()
        })
    }

    /// The scenes to present: the storyboard, or one scene per model.
    pub fn scenes(&self) -> Vec<Scene> {
        if self.storyboard.is_empty() {
            self.models
                .iter()
                .map(|m| Scene::of_model(m.id.clone()))
                .collect()
        } else {
            self.storyboard.clone()
        }
    }

    /// An id for a new model not used by any other.
    pub fn fresh_model_id(&self, stem: &str) -> ModelId {
        let taken = |id: &str| self.models.iter().any(|m| m.id.as_str() == id);
        if !taken(stem) {
            return ModelId::new(stem);
        }
        // Of len + 1 candidates at least one is free.
        (2..=self.models.len() + 2)
            .map(|n| format!("{stem}-{n}"))
            .find(|id| !taken(id))
            .map_or_else(|| ModelId::new(stem), ModelId)
    }

    /// Where the model with this id is in the list.
    pub fn index_of(&self, id: &ModelId) -> Option<usize> {
        self.models.iter().position(|m| m.id == *id)
    }

    /// The model with this id.
    pub fn model_by_id(&self, id: &ModelId) -> Option<&Model> {
        self.models.iter().find(|m| m.id == *id)
    }
}

/// One change to one model's chart.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// `report` now reports directly to `manager` (or to nobody).
    SetManager {
        /// Who moves.
        report: LeaderId,
        /// The new manager.
        manager: Option<LeaderId>,
    },
    /// A new dotted line.
    AddDotted {
        /// Manager end.
        manager: LeaderId,
        /// Report end.
        report: LeaderId,
    },
    /// Remove a line (a direct one makes the report a root).
    RemoveLine(Line),
    /// Place a card by hand, or hand it back to the automatic layout.
    MoveCard {
        /// Whose card.
        id: LeaderId,
        /// New top-left corner in chart space, or `None`.
        to: Option<Pos2>,
    },
    /// Add a leader, reporting to `manager`.
    AddLeader {
        /// The new leader (its id must be free).
        leader: Leader,
        /// Their manager.
        manager: Option<LeaderId>,
    },
    /// Remove a leader; their reports move up.
    RemoveLeader(LeaderId),
    /// Replace a leader's role, name, title, responsibilities.
    UpdateLeader(Leader),
    /// Set a leader's RACI letter for a responsibility (by its phrase,
    /// compared as [`phrase_key`] does): change it where held, add it where
    /// not, remove it with `None`.
    SetLetter {
        /// Whose letter.
        leader: LeaderId,
        /// The responsibility, as it is to be written if added.
        phrase: String,
        /// The new letter, or `None` to give the responsibility up.
        letter: Option<Raci>,
    },
    /// Fold a leader's reports away (`true`) or show them (`false`).
    SetCollapsed {
        /// Whose reports.
        id: LeaderId,
        /// Folded or not.
        collapsed: bool,
    },
    /// Show everyone: no leader collapsed.
    ExpandAll,
    /// Expand every collapsed leader above this one, so its card is shown.
    Reveal(LeaderId),
    /// Show the top `levels` levels: leaders on the last of them with
    /// reports are collapsed, every other leader is expanded.
    CollapseToLevel(usize),
    /// Hand every card back to the automatic layout.
    AutoLayout,
    /// Replace the whole chart (e.g. reset to the preset).
    ReplaceChart(OrgChart),
    /// Lay the leaf reports out in rows or in stacked columns.
    SetArrangement(crate::core::model::Arrangement),
}

/// Why an edit was refused; the chart is unchanged.
pub type EditError = ChartError;

fn apply_to(chart: &mut OrgChart, edit: Edit) -> Result<(), EditError> {
    match edit {
        Edit::SetManager { report, manager } => {
            chart.set_manager(&report, manager.as_ref())?;
            // A card that changes manager joins the tidy layout there.
            chart.set_pinned(&report, None)
        }
        Edit::AddDotted { manager, report } => chart.add_dotted(&manager, &report),
        Edit::RemoveLine(line) => chart.remove_line(&line),
        Edit::MoveCard { id, to } => chart.set_pinned(&id, to),
        Edit::AddLeader { leader, manager } => {
            let id = leader.id.clone();
            if let Some(m) = &manager
                && !chart.contains(m)
            {
                return Err(ChartError::UnknownLeader(m.clone()));
            }
            chart.add_leader(leader)?;
            chart.set_manager(&id, manager.as_ref())
        }
        Edit::RemoveLeader(id) => chart.remove_leader(&id).map(|_| ()),
        Edit::UpdateLeader(leader) => chart.update_leader(leader),
        Edit::SetLetter {
            leader,
            phrase,
            letter,
        } => set_letter(chart, &leader, &phrase, letter),
        Edit::SetCollapsed { id, collapsed } => chart.set_collapsed(&id, collapsed),
        Edit::Reveal(id) => {
            for manager in chart.chain_above(&id) {
                chart.set_collapsed(&manager, false)?;
            }
            Ok(())
        }
        Edit::ExpandAll => {
            chart.collapse_where(|_| false);
            Ok(())
        }
        Edit::CollapseToLevel(levels) => {
            collapse_to_level(chart, levels);
            Ok(())
        }
        Edit::AutoLayout => {
            chart.clear_pins();
            Ok(())
        }
        Edit::SetArrangement(arrangement) => {
            chart.set_arrangement(arrangement);
            Ok(())
        }
        Edit::ReplaceChart(new) => {
            *chart = new;
            Ok(())
        }
    }
}

fn set_letter(
    chart: &mut OrgChart,
    id: &LeaderId,
    phrase: &str,
    letter: Option<Raci>,
) -> Result<(), EditError> {
    let mut leader = chart
        .leader(id)
        .ok_or_else(|| ChartError::UnknownLeader(id.clone()))?
        .clone();
    let key = phrase_key(phrase);
    let held = leader
        .responsibilities
        .iter()
        .any(|a| phrase_key(&a.phrase) == key);
    match (held, letter) {
        (true, Some(letter)) => leader
            .responsibilities
            .iter_mut()
            .filter(|a| phrase_key(&a.phrase) == key)
            .for_each(|a| a.raci = letter),
        (true, None) => leader
            .responsibilities
            .retain(|a| phrase_key(&a.phrase) != key),
        (false, Some(letter)) => leader
            .responsibilities
            .push(Assignment::new(phrase.trim(), letter)),
        (false, None) => return Ok(()),
    }
    chart.update_leader(leader)
}

/// Each leader's id, level (1 for the top, 2 for their reports, and so on)
/// and whether anyone reports to them. Linear, no recursion, no lookup.
fn levels(chart: &OrgChart) -> Vec<(&LeaderId, usize, bool)> {
    let (leaders, parent) = chart.tree();
    let mut level = vec![0usize; leaders.len()];
    let mut has_reports = vec![false; leaders.len()];
    let mut path = Vec::new();
    for i in 0..leaders.len() {
        let mut j = i;
        while level[j] == 0 {
            path.push(j);
            match parent[j] {
                Some(p) => j = p,
                None => break,
            }
        }
        while let Some(k) = path.pop() {
            level[k] = parent[k].map_or(1, |p| level[p] + 1);
        }
        if let Some(p) = parent[i] {
            has_reports[p] = true;
        }
    }
    leaders
        .iter()
        .enumerate()
        .map(|(i, l)| (&l.id, level[i], has_reports[i]))
        .collect()
}

/// The leaders on `level` who have reports.
fn managers_on(levels: &[(&LeaderId, usize, bool)], level: usize) -> HashSet<LeaderId> {
    levels
        .iter()
        .filter(|(_, l, has_reports)| *l == level && *has_reports)
        .map(|(id, _, _)| (*id).clone())
        .collect()
}

/// A chart too big to read at once opens folded: when nothing is collapsed
/// yet and it has more than `max_cards` leaders, it is collapsed to the
/// most levels that show at most `max_cards` cards (at least the top
/// level). Returns how many levels it shows, if it folded.
pub fn fold_to_fit(chart: &mut OrgChart, max_cards: usize) -> Option<usize> {
    if chart.len() <= max_cards || chart.leaders().any(|l| l.collapsed) {
        return None;
    }
    let (fits, fold) = {
        let level = levels(chart);
        let mut per_level: Vec<usize> = Vec::new();
        for &(_, l, _) in &level {
            if per_level.len() < l {
                per_level.resize(l, 0);
            }
            per_level[l - 1] += 1;
        }
        let mut shown = 0;
        let mut fits = 1;
        for (i, count) in per_level.iter().enumerate() {
            shown += count;
            if shown > max_cards {
                break;
            }
            fits = i + 1;
        }
        (fits, managers_on(&level, fits))
    };
    chart.collapse_where(|l| fold.contains(&l.id));
    Some(fits)
}

/// Collapses the leaders on level `levels` (1 is the top) that have
/// reports, and expands everyone else.
pub fn collapse_to_level(chart: &mut OrgChart, levels: usize) {
    let fold = fold_set(chart, levels);
    chart.collapse_where(|l| fold.contains(&l.id));
}

/// The leaders that showing the top `levels` levels collapses.
fn fold_set(chart: &OrgChart, levels: usize) -> HashSet<LeaderId> {
    managers_on(&self::levels(chart), levels.max(1))
}
