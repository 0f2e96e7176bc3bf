//! The searchable leader picker behind the inspector's *Reports to* and
//! *Dotted line to*: type part of a name, title or role, pick with a click or
//! Enter (the first match). Keyboard: `M` and `L` on a selected card open it.

use egui::Ui;

use crate::core::model::{LeaderId, OrgChart};
use crate::core::text::visible;
use crate::core::workspace::Edit;

/// How many matches the list shows.
pub const PICKER_ROWS: usize = 12;

/// Which line the picker draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickKind {
    /// A new direct manager ("move under...").
    Manager,
    /// A new dotted-line manager.
    Dotted,
}

/// The open picker's query and its matches (worked out when the query or
/// the chart changes, not every frame).
#[derive(Clone, Debug, Default)]
pub struct PickerState {
    /// What the picker is for, while open.
    pub open: Option<PickKind>,
    /// The text typed.
    pub query: String,
    /// Focus the search field on the next frame.
    pub focus: bool,
    matches: Vec<LeaderId>,
    matched: Option<(String, usize, LeaderId)>,
}

impl PickerState {
    /// Opens the picker for `kind`, with the search field focused.
    pub fn open(&mut self, kind: PickKind) {
        self.open = Some(kind);
        self.query.clear();
        self.focus = true;
        self.matched = None;
    }

    /// The first [`PICKER_ROWS`] leaders other than `selected` whose name,
    /// title or role contains the query (any case).
    fn refresh(&mut self, chart: &OrgChart, selected: &LeaderId) {
        let key = (self.query.clone(), chart.len(), selected.clone());
        if self.matched.as_ref() == Some(&key) {
            return;
        }
        let wanted = self.query.trim().to_lowercase();
        self.matches = chart
            .leaders()
            .filter(|l| &l.id != selected)
            .filter(|l| {
                wanted.is_empty()
                    || l.name.to_lowercase().contains(&wanted)
                    || l.title.to_lowercase().contains(&wanted)
                    || l.role.badge().to_lowercase() == wanted
            })
            .take(PICKER_ROWS)
            .map(|l| l.id.clone())
            .collect();
        self.matched = Some(key);
    }
}

/// The picker for `selected`; returns the edit chosen (a refused one, e.g.
/// a loop, is explained by the app when applied).
pub fn picker_ui(
    ui: &mut Ui,
    state: &mut PickerState,
    chart: &OrgChart,
    selected: &LeaderId,
) -> Option<Edit> {
    let kind = state.open?;
    let label = ui.label(match kind {
        PickKind::Manager => "Move under (type to find):",
        PickKind::Dotted => "Dotted line to (type to find):",
    });
    let field = ui.add(egui::TextEdit::singleline(&mut state.query).desired_width(200.0));
    let field = field.labelled_by(label.id);
    if std::mem::take(&mut state.focus) {
        field.request_focus();
    }
    state.refresh(chart, selected);
    let mut picked: Option<Option<LeaderId>> = None;
    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if enter {
        picked = state.matches.first().cloned().map(Some);
    }
    if kind == PickKind::Manager
        && ui
            .selectable_label(false, "Nobody (top of the chart)")
            .clicked()
    {
        picked = Some(None);
    }
    for id in &state.matches {
        let Some(leader) = chart.leader(id) else {
            continue;
        };
        let text = if leader.title.is_empty() {
            visible(&leader.name).into_owned()
        } else {
            format!("{} — {}", visible(&leader.name), visible(&leader.title))
        };
        if ui.selectable_label(false, text).clicked() {
            picked = Some(Some(id.clone()));
        }
    }
    let cancel = ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape));
    if cancel || picked.is_some() {
        state.open = None;
    }
    let manager = picked?;
    let report = selected.clone();
    match (kind, manager) {
        (PickKind::Manager, manager) => Some(Edit::SetManager { report, manager }),
        (PickKind::Dotted, Some(manager)) => Some(Edit::AddDotted { manager, report }),
        (PickKind::Dotted, None) => None,
    }
}
