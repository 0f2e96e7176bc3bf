//! Side panels: the model list, the inspector and the overlap list.

use egui::{RichText, Ui};

use crate::core::analysis::phrase_key;
use crate::core::headcount::Headcount;
use crate::core::model::{Assignment, Leader, LeaderId, OrgChart, Raci, Role};
use crate::core::text::visible;
use crate::core::wording::{count, thousands};
use crate::core::workspace::{DocumentEdit, Edit, Model, ModelId};
use crate::ui::picker::{PickKind, PickerState, picker_ui};

/// What the model list asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum ModelListAction {
    /// Show this model.
    Show(ModelId),
    /// Move a model one place up (-1) or down (+1) the list.
    Move(ModelId, isize),
    /// Retitle or describe a model.
    Edit(DocumentEdit),
    /// Add a blank model.
    New,
    /// Copy the shown model.
    Duplicate,
    /// Delete the shown model.
    Delete,
    /// Put the shown model back as its preset was.
    ResetToPreset,
}

/// The list of models; one click switches.
pub fn model_list_ui(ui: &mut Ui, models: &[Model], current: &ModelId) -> Option<ModelListAction> {
    let mut action = None;
    ui.heading("Models");
    ui.add_space(4.0);
    for (at, model) in models.iter().enumerate() {
        let resp = ui
            .selectable_label(model.id == *current, visible(&model.title))
            .on_hover_text(&model.description);
        if resp.clicked() {
            action = Some(ModelListAction::Show(model.id.clone()));
        }
        // Right-click: the model's title and description, its place.
        resp.context_menu(|ui| {
            if let Some(edit) = model_fields_ui(ui, model) {
                action = Some(ModelListAction::Edit(edit));
            }
            ui.separator();
            let moves = [
                ("Move up", -1, at > 0),
                ("Move down", 1, at + 1 < models.len()),
            ];
            for (label, by, can) in moves {
                if ui.add_enabled(can, egui::Button::new(label)).clicked() {
                    action = Some(ModelListAction::Move(model.id.clone(), by));
                    ui.close();
                }
            }
        });
    }
    ui.separator();
    let at = models.iter().position(|m| m.id == *current).unwrap_or(0);
    ui.horizontal_wrapped(|ui| {
        if ui.button("New model").clicked() {
            action = Some(ModelListAction::New);
        }
        if ui.button("Duplicate").clicked() {
            action = Some(ModelListAction::Duplicate);
        }
        if ui
            .add_enabled(models.len() > 1, egui::Button::new("Delete model"))
            .clicked()
        {
            action = Some(ModelListAction::Delete);
        }
    });
    let has_preset = models.get(at).is_some_and(|m| m.preset.is_some());
    if ui
        .add_enabled(has_preset, egui::Button::new("Reset to preset"))
        .on_hover_text("Put this model back as the preset has it (undoable)")
        .clicked()
    {
        action = Some(ModelListAction::ResetToPreset);
    }
    action
}

/// The shown model's title and description, to edit; each change is an
/// undoable edit of the document (typing in one field makes one step).
pub fn model_fields_ui(ui: &mut Ui, model: &Model) -> Option<DocumentEdit> {
    let mut edit = None;
    let mut title = model.title.clone();
    let label = ui.label("Model title");
    ui.add(
        egui::TextEdit::singleline(&mut title)
            .desired_width(240.0)
            .hint_text("The model's title"),
    )
    .labelled_by(label.id);
    if title != model.title && !title.trim().is_empty() {
        edit = Some(DocumentEdit::RenameModel {
            id: model.id.clone(),
            title,
        });
    }
    let mut description = model.description.clone();
    let label = ui.label("Description");
    ui.add(
        egui::TextEdit::multiline(&mut description)
            .desired_rows(3)
            .desired_width(240.0)
            .hint_text("What this model is, and where it comes from"),
    )
    .labelled_by(label.id);
    if description != model.description {
        edit = Some(DocumentEdit::DescribeModel {
            id: model.id.clone(),
            description,
        });
    }
    edit
}

/// Width of the inspector's text fields, so the panel keeps its width.
const FIELD_WIDTH: f32 = 200.0;

/// Drafts the inspector keeps between frames.
#[derive(Clone, Debug, Default)]
pub struct InspectorState {
    /// The responsibility being typed.
    pub new_responsibility: String,
    /// Set by F2: focus the name field on the next frame.
    pub focus_name: bool,
    /// The manager / dotted-line picker.
    pub picker: PickerState,
}

/// Edits the selected leader: role, name, title, responsibilities.
pub fn inspector_ui(
    ui: &mut Ui,
    state: &mut InspectorState,
    chart: &OrgChart,
    selected: &LeaderId,
    catalogue: &[String],
    headcount: &Headcount,
) -> Option<Edit> {
    let leader = chart.leader(selected)?;
    let mut edited: Leader = leader.clone();
    let mut changed = false;
    ui.heading("Leader");
    egui::Grid::new("inspector-grid")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            let role_label = ui.label("Role");
            egui::ComboBox::from_id_salt("inspector-role")
                .selected_text(edited.role.badge())
                .show_ui(ui, |ui| {
                    for role in Role::ALL {
                        changed |= ui
                            .selectable_value(&mut edited.role, role, role.badge())
                            .changed();
                    }
                })
                .response
                .labelled_by(role_label.id);
            ui.end_row();
            changed |= name_field_ui(ui, state, &mut edited.name);
            ui.end_row();
            let title_label = ui.label("Title");
            changed |= ui
                .add(egui::TextEdit::singleline(&mut edited.title).desired_width(FIELD_WIDTH))
                .labelled_by(title_label.id)
                .changed();
            ui.end_row();
            reports_to_row_ui(ui, &mut state.picker, chart, selected);
            ui.label("Team");
            ui.label(team_text(chart, headcount, selected));
            ui.end_row();
            changed |= details_rows_ui(ui, &mut edited);
        });
    if let Some(edit) = picker_ui(ui, &mut state.picker, chart, selected) {
        return Some(edit);
    }
    ui.add_space(6.0);
    changed |= responsibilities_ui(ui, state, &mut edited.responsibilities, catalogue);
    changed.then_some(Edit::UpdateLeader(edited))
}

/// "3 direct reports, 12 in all", and the open positions among the direct
/// reports apart ("; 1 open position too").
fn team_text(chart: &OrgChart, headcount: &Headcount, selected: &LeaderId) -> String {
    let open = chart
        .reports_of(selected)
        .into_iter()
        .filter(|r| chart.leader(r).is_some_and(|l| l.open))
        .count();
    let direct = headcount.direct(selected) - open;
    let mut text = format!(
        "{} direct {}, {} in all",
        thousands(direct),
        if direct == 1 { "report" } else { "reports" },
        thousands(headcount.under(selected))
    );
    if open > 0 {
        text = format!(
            "{text}; {} too",
            count(open, "open position", "open positions")
        );
    }
    text
}

/// "Reports to": the manager as a button that opens the picker, and the
/// dotted-line picker beside it.
fn reports_to_row_ui(ui: &mut Ui, picker: &mut PickerState, chart: &OrgChart, selected: &LeaderId) {
    let manager = chart
        .manager_of(selected)
        .and_then(|m| chart.leader(m))
        .map_or("nobody (a root)", |m| m.name.as_str());
    let label = ui.label("Reports to");
    ui.horizontal(|ui| {
        let button = ui.button(visible(manager)).labelled_by(label.id);
        if button
            .on_hover_text("Move under someone else (M)")
            .clicked()
        {
            picker.open(PickKind::Manager);
        }
        if ui
            .button("Dotted line…")
            .on_hover_text("Add a dotted line (L)")
            .clicked()
        {
            picker.open(PickKind::Dotted);
        }
    });
    ui.end_row();
}

/// Department, email and location (from an HR import), the cost, and
/// whether the post is open, editable. True when one changed.
fn details_rows_ui(ui: &mut Ui, edited: &mut Leader) -> bool {
    let mut changed = false;
    for (label, text) in [
        ("Department", &mut edited.department),
        ("Email", &mut edited.email),
        ("Location", &mut edited.location),
    ] {
        let label = ui.label(label);
        changed |= ui
            .add(egui::TextEdit::singleline(text).desired_width(FIELD_WIDTH))
            .labelled_by(label.id)
            .changed();
        ui.end_row();
    }
    // The cost and whether the post is open share a row: the inspector
    // stays short enough for the storyboard below it.
    let label = ui.label("Cost (a year)");
    ui.horizontal(|ui| {
        let mut cost = edited.cost.unwrap_or(0.0);
        let typed = ui
            .add(
                egui::DragValue::new(&mut cost)
                    .range(0.0..=1.0e12)
                    .speed(100.0)
                    .max_decimals(0),
            )
            .labelled_by(label.id);
        if typed.changed() {
            // Zero is "not known".
            edited.cost = (cost > 0.0).then_some(cost);
            changed = true;
        }
        changed |= ui
            .checkbox(&mut edited.open, "Open position")
            .on_hover_text("Nobody holds this post yet: it is counted apart from people")
            .changed();
    });
    ui.end_row();
    ui.label("");
    changed |= ui
        .checkbox(&mut edited.assistant, "Assistant")
        .on_hover_text(
            "An assistant or staff role: drawn beside the manager's line, \
             not among the reports, and not counted in the manager's span (A)",
        )
        .changed();
    ui.end_row();
    changed
}

/// The name field; F2 focuses it with the whole name selected, so typing
/// replaces it. True when the name changed.
fn name_field_ui(ui: &mut Ui, state: &mut InspectorState, name: &mut String) -> bool {
    let name_label = ui.label("Name");
    let field = ui
        .add(egui::TextEdit::singleline(name).desired_width(FIELD_WIDTH))
        .labelled_by(name_label.id);
    if std::mem::take(&mut state.focus_name) {
        field.request_focus();
        if let Some(mut text_state) = egui::TextEdit::load_state(ui.ctx(), field.id) {
            text_state.cursor.set_char_range(Some(
                egui::text_selection::CCursorRange::select_all_str(name),
            ));
            text_state.store(ui.ctx(), field.id);
        }
    }
    field.changed()
}

/// The responsibility list with remove buttons and RACI letters (click to
/// cycle A, R, C, I), a field for a new phrase and the catalogue; true when
/// `list` changed.
fn responsibilities_ui(
    ui: &mut Ui,
    state: &mut InspectorState,
    list: &mut Vec<Assignment>,
    catalogue: &[String],
) -> bool {
    let mut changed = false;
    ui.label(RichText::new("Responsibilities").strong());
    let mut remove = None;
    let mut cycle = None;
    for (i, assignment) in list.iter().enumerate() {
        ui.horizontal(|ui| {
            if ui
                .small_button("×")
                .on_hover_text(format!("Remove \"{}\"", visible(&assignment.phrase)))
                .clicked()
            {
                remove = Some(i);
            }
            if ui
                .small_button(assignment.raci.letter())
                .on_hover_text(format!("{}: click to change", assignment.raci.word()))
                .clicked()
            {
                cycle = Some(i);
            }
            ui.add(egui::Label::new(visible(&assignment.phrase)).truncate());
        });
    }
    if let Some(i) = cycle {
        list[i].raci = cycled(list[i].raci);
        changed = true;
    }
    if let Some(i) = remove {
        list.remove(i);
        changed = true;
    }
    ui.horizontal(|ui| {
        let field = ui.add(
            egui::TextEdit::singleline(&mut state.new_responsibility)
                .hint_text("New responsibility")
                .desired_width(150.0),
        );
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button("Add").clicked() || entered) && !state.new_responsibility.trim().is_empty() {
            list.push(Assignment::accountable(state.new_responsibility.trim()));
            state.new_responsibility.clear();
            changed = true;
        }
    });
    changed |= catalogue_ui(ui, list, catalogue);
    changed
}

/// "Add…" from the catalogue: the phrases the leader does not hold yet.
fn catalogue_ui(ui: &mut Ui, list: &mut Vec<Assignment>, catalogue: &[String]) -> bool {
    let mut changed = false;
    let held: Vec<String> = list.iter().map(|r| phrase_key(&r.phrase)).collect();
    egui::ComboBox::from_label("from the catalogue")
        .selected_text("Add…")
        .width(160.0)
        .show_ui(ui, |ui| {
            for phrase in catalogue {
                if held.contains(&phrase_key(phrase)) {
                    continue;
                }
                if ui.selectable_label(false, visible(phrase)).clicked() {
                    list.push(Assignment::accountable(phrase.clone()));
                    changed = true;
                }
            }
        });
    changed
}

/// The next letter when a letter button is clicked: A, R, C, I, then A again.
pub fn cycled(raci: Raci) -> Raci {
    raci.next().unwrap_or(Raci::Accountable)
}
