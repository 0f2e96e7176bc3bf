//! Scenario > Try a model on this organisation…: pick the target model,
//! say who plays each of its leaders (suggested from the roles found in
//! titles, or found by name), or that the post is to be hired. Nothing
//! changes until "Make scenario".

use std::collections::BTreeMap;

use egui::{RichText, Ui};

use crate::core::model::{LeaderId, OrgChart};
use crate::core::scenario::{Cast, Casting};
use crate::core::text::visible;
use crate::core::workspace::{Model, ModelId};

/// How many people a part's list offers.
const OFFERED: usize = 12;

/// The open casting window.
pub struct CastingState {
    /// The organisation the scenario is made of.
    pub baseline: ModelId,
    /// The model tried on it.
    pub target: Option<ModelId>,
    /// Who plays each of the target's leaders (absent: nobody).
    pub cast: BTreeMap<LeaderId, Cast>,
    /// Cast people keep their own responsibilities.
    pub keep_responsibilities: bool,
    /// The part being searched for, and the text typed.
    search: Option<(LeaderId, String)>,
    /// The people last offered, by part and text: worked out when either
    /// changes, not every frame (a search reads every person's name).
    offered: Option<(LeaderId, String, Vec<LeaderId>)>,
    /// Why the last "Make scenario" was refused.
    pub error: Option<String>,
    /// The title of the model tried, once chosen to make.
    pub target_title: String,
    /// The scenario being made, for a big organisation.
    pub working:
        Option<crate::ui::aside::Worker<Result<Box<crate::core::scenario::Applied>, String>>>,
}

/// What the user did this frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CastingAction {
    /// Make the scenario with these choices.
    Make,
    /// Close without changing anything.
    Cancel,
}

impl CastingState {
    /// A window for trying a model on `baseline`.
    pub fn new(baseline: ModelId) -> Self {
        Self {
            baseline,
            target: None,
            cast: BTreeMap::new(),
            keep_responsibilities: false,
            search: None,
            offered: None,
            error: None,
            target_title: String::new(),
            working: None,
        }
    }

    /// The casting as the core takes it.
    pub fn casting(&self) -> Casting {
        Casting {
            cast: self.cast.clone(),
            keep_responsibilities: self.keep_responsibilities,
        }
    }

    /// Chooses the target and suggests a cast: each part played by the one
    /// person of the organisation with its role, when there is one.
    pub fn choose_target(&mut self, target: &Model, baseline: &OrgChart) {
        self.target = Some(target.id.clone());
        self.cast.clear();
        self.offered = None;
        self.error = None;
        for part in target.chart.leaders() {
            let mut same = baseline
                .leaders()
                .filter(|l| l.role == part.role && !l.open);
            if let (Some(one), None) = (same.next(), same.next()) {
                self.cast
                    .insert(part.id.clone(), Cast::Person(one.id.clone()));
            }
        }
    }
}

/// A part's label: its badge, and its name when that says more.
fn part_label(part: &crate::core::model::Leader) -> String {
    let badge = part.role.badge();
    if part.name == badge {
        badge.to_owned()
    } else {
        format!("{badge} {}", visible(part.card_name()))
    }
}

/// What a cast shows.
fn cast_text(cast: Option<&Cast>, baseline: &OrgChart) -> String {
    match cast {
        None => "(nobody)".to_owned(),
        Some(Cast::Hire) => "To be hired".to_owned(),
        Some(Cast::Person(id)) => baseline.leader(id).map_or_else(
            || id.to_string(),
            |l| format!("{} — {}", visible(&l.name), visible(&l.title)),
        ),
    }
}

/// The people a part's list offers: with the text typed, those whose name
/// or title holds it; else those with the part's role.
fn offered(baseline: &OrgChart, part: &crate::core::model::Leader, query: &str) -> Vec<LeaderId> {
    let wanted = query.trim().to_lowercase();
    baseline
        .leaders()
        .filter(|l| {
            if wanted.is_empty() {
                l.role == part.role
            } else {
                l.name.to_lowercase().contains(&wanted) || l.title.to_lowercase().contains(&wanted)
            }
        })
        .take(OFFERED)
        .map(|l| l.id.clone())
        .collect()
}

/// Draws the casting window.
pub fn casting_ui(
    ctx: &egui::Context,
    state: &mut CastingState,
    models: &[Model],
) -> Option<CastingAction> {
    let baseline = models.iter().find(|m| m.id == state.baseline)?;
    let mut action = None;
    egui::Modal::new(egui::Id::NULL.with("casting")).show(ctx, |ui| {
        ui.set_max_width(760.0);
        ui.heading(format!("Try a model on {}", visible(&baseline.title)));
        target_ui(ui, state, models, baseline);
        let target = state
            .target
            .as_ref()
            .and_then(|id| models.iter().find(|m| &m.id == id));
        if let Some(target) = target {
            ui.label("Who plays each of its leaders? Everyone else keeps their manager.");
            parts_ui(ui, state, &target.chart, &baseline.chart);
            ui.checkbox(
                &mut state.keep_responsibilities,
                "Cast people keep their own responsibilities",
            );
        }
        if let Some(error) = &state.error {
            ui.label(RichText::new(error).color(ui.visuals().error_fg_color));
        }
        ui.horizontal(|ui| {
            let ready = target.is_some() && state.working.is_none();
            if state.working.is_some() {
                ui.spinner();
                ui.label("Making the scenario…");
            }
            if ui
                .add_enabled(ready, egui::Button::new("Make scenario"))
                .clicked()
            {
                action = Some(CastingAction::Make);
            }
            if ui.button("Cancel").clicked() {
                action = Some(CastingAction::Cancel);
            }
        });
    });
    if ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        action = Some(CastingAction::Cancel);
    }
    action
}

fn target_ui(ui: &mut Ui, state: &mut CastingState, models: &[Model], baseline: &Model) {
    ui.horizontal(|ui| {
        let label = ui.label("Model to try");
        let shown = state
            .target
            .as_ref()
            .and_then(|id| models.iter().find(|m| &m.id == id))
            .map_or_else(|| "(choose)".to_owned(), |m| visible(&m.title).into_owned());
        let mut chosen = None;
        egui::ComboBox::from_id_salt("casting-target")
            .selected_text(shown)
            .width(420.0)
            .show_ui(ui, |ui| {
                for model in models.iter().filter(|m| m.id != baseline.id) {
                    if ui.selectable_label(false, visible(&model.title)).clicked() {
                        chosen = Some(model);
                    }
                }
            })
            .response
            .labelled_by(label.id);
        if let Some(target) = chosen {
            state.choose_target(target, &baseline.chart);
        }
    });
}

fn parts_ui(ui: &mut Ui, state: &mut CastingState, target: &OrgChart, baseline: &OrgChart) {
    egui::Grid::new("casting-parts")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for part in target.leaders() {
                let label = ui.label(part_label(part));
                let current = state.cast.get(&part.id).cloned();
                let query = match &state.search {
                    Some((p, q)) if *p == part.id => q.clone(),
                    _ => String::new(),
                };
                let mut chosen: Option<Picked> = None;
                egui::ComboBox::from_id_salt(("casting-part", part.id.as_str()))
                    .selected_text(cast_text(current.as_ref(), baseline))
                    .width(420.0)
                    // Typing in the search field keeps the list open.
                    .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
                    .show_ui(ui, |ui| {
                        chosen = part_list_ui(ui, state, part, baseline, current.as_ref(), &query);
                    })
                    .response
                    .labelled_by(label.id);
                match chosen {
                    Some(Picked::Cast(cast)) => {
                        state.cast.insert(part.id.clone(), cast);
                    }
                    Some(Picked::Nobody) => {
                        state.cast.remove(&part.id);
                    }
                    None => {}
                }
                ui.end_row();
            }
        });
}

/// What a part's list picked.
enum Picked {
    /// Nobody plays the part.
    Nobody,
    /// Someone, or the post to be hired.
    Cast(Cast),
}

/// A part's list: a search field, (nobody), To be hired, and the people
/// offered. Returns the choice made, closing the list.
fn part_list_ui(
    ui: &mut Ui,
    state: &mut CastingState,
    part: &crate::core::model::Leader,
    baseline: &OrgChart,
    current: Option<&Cast>,
    query: &str,
) -> Option<Picked> {
    let mut typed = query.to_owned();
    let field = ui.add(egui::TextEdit::singleline(&mut typed).hint_text("Find by name or title"));
    if field.changed() {
        state.search = Some((part.id.clone(), typed.clone()));
    }
    let mut chosen = None;
    if ui.selectable_label(current.is_none(), "(nobody)").clicked() {
        chosen = Some(Picked::Nobody);
    }
    let hire = current == Some(&Cast::Hire);
    if ui.selectable_label(hire, "To be hired").clicked() {
        chosen = Some(Picked::Cast(Cast::Hire));
    }
    let fresh = !matches!(&state.offered, Some((p, q, _)) if *p == part.id && *q == typed);
    if fresh {
        let people = offered(baseline, part, &typed);
        state.offered = Some((part.id.clone(), typed.clone(), people));
    }
    let people = state
        .offered
        .as_ref()
        .map_or(&[][..], |(_, _, p)| p.as_slice());
    for id in people.iter().cloned() {
        let cast = Cast::Person(id);
        let on = current == Some(&cast);
        let text = cast_text(Some(&cast), baseline);
        if ui.selectable_label(on, text).clicked() {
            chosen = Some(Picked::Cast(cast));
        }
    }
    if chosen.is_some() {
        ui.close();
    }
    chosen
}
