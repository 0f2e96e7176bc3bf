//! The mapping step of an import: which column is which field, what the
//! manager column holds, the first rows as they will import, the problems
//! found, and (for an update) what changes. Nothing changes until "Import".

use std::path::PathBuf;
use std::sync::Arc;

use egui::{RichText, Ui};

use crate::core::import::{self, Choices, Field, ImportError, Imported, ManagerKey, Table, Update};
use crate::core::text::visible;
use crate::core::wording::thousands;
use crate::core::workspace::{Model, ModelId};

/// How many imported rows the preview shows.
pub const PREVIEW_ROWS: usize = 8;

/// Tables with more rows than this are worked out on a worker, so that
/// the window stays live while a choice is tried (100,000 rows take about
/// a second in an optimised build).
pub const WORKER_FROM_ROWS: usize = 5_000;

/// What working an import out gives: the import, and for an update the
/// chart after it and what changes.
type Worked = (Result<Imported, ImportError>, Option<Update>);

/// Where the import goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportTarget {
    /// A new model in the workspace.
    NewModel,
    /// An update of this model, people matched by identifier.
    Update(ModelId),
}

/// The open mapping step.
pub struct ImportStep {
    /// The file.
    pub path: PathBuf,
    /// Its rows (shared with the worker that imports them).
    pub table: Arc<Table>,
    /// The columns and the manager key chosen.
    pub choices: Choices,
    /// The new model's title.
    pub title: String,
    /// New model or update.
    pub target: ImportTarget,
    /// The import with the current choices.
    pub outcome: Result<Imported, ImportError>,
    /// For an update: the chart after it and what changes.
    pub update: Option<Update>,
    /// The import being worked out for the latest choices, on a big table.
    working: Option<crate::ui::aside::Worker<Worked>>,
}

/// What the user did in the step this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportAction {
    /// A choice changed: work the import out again.
    Changed,
    /// Import (or apply the update).
    Confirm,
    /// Close without changing anything.
    Cancel,
    /// Read another sheet of the workbook (by its index in `table.sheets`).
    Sheet(usize),
}

impl ImportStep {
    /// A step on a read table; [`refresh`](Self::refresh) works it out.
    pub fn new(
        path: PathBuf,
        table: Table,
        choices: Choices,
        title: String,
        target: ImportTarget,
    ) -> Self {
        Self {
            path,
            table: Arc::new(table),
            choices,
            title,
            target,
            outcome: Err(ImportError::Empty),
            update: None,
            working: None,
        }
    }

    /// Imports with the current choices (and, for an update, compares): at
    /// once for a small table, on a worker for a big one (see [`Self::poll`]).
    pub fn refresh(&mut self, old: Option<&Model>) {
        if self.table.rows.len() <= WORKER_FROM_ROWS {
            (self.outcome, self.update) = work_out(&self.table, &self.choices, old);
            self.working = None;
            return;
        }
        let (table, choices, old) = (Arc::clone(&self.table), self.choices.clone(), old.cloned());
        // A newer choice replaces the work under way (its result is dropped).
        self.working = Some(crate::ui::aside::Worker::spawn(move || {
            work_out(&table, &choices, old.as_ref())
        }));
    }

    /// Takes the worker's result when it is ready. Returns how long it has
    /// been working while it still is.
    pub fn poll(&mut self) -> Option<std::time::Duration> {
        use crate::ui::aside::Poll;
        let poll = self.working.as_ref()?.poll();
        match poll {
            Poll::Working(for_how_long) => return Some(for_how_long),
            Poll::Done((outcome, update)) => (self.outcome, self.update) = (outcome, update),
            Poll::Died => {
                self.outcome = Err(ImportError::BadWorkbook(
                    "working the import out failed (a bug in Chartroom); try another choice"
                        .to_owned(),
                ));
            }
        }
        self.working = None;
        None
    }

    /// True while the import for the latest choices is being worked out.
    pub fn is_working(&self) -> bool {
        self.working.is_some()
    }

    /// The file's name, for messages.
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    }

    fn header(&self, column: Option<usize>) -> String {
        column
            .and_then(|c| self.table.headers.get(c))
            .map_or_else(|| "(none)".to_owned(), |h| visible(h).into_owned())
    }
}

/// The import with these choices, and for an update what changes.
fn work_out(table: &Table, choices: &Choices, old: Option<&Model>) -> Worked {
    let outcome = choices.import(table);
    let update = match (&outcome, old) {
        (Ok(imported), Some(old)) => Some(import::update(old, &imported.chart)),
        _ => None,
    };
    (outcome, update)
}

/// Draws the step as a modal window; returns what the user did.
pub fn import_ui(ctx: &egui::Context, step: &mut ImportStep) -> Option<ImportAction> {
    let mut action = None;
    let working = step.poll();
    if working.is_some() {
        ctx.request_repaint_after(std::time::Duration::from_millis(100));
    }
    let heading = match step.target {
        ImportTarget::NewModel => "Import people",
        ImportTarget::Update(_) => "Update from file",
    };
    egui::Modal::new(egui::Id::NULL.with("import-step")).show(ctx, |ui| {
        ui.set_max_width(900.0);
        ui.heading(heading);
        ui.label(format!(
            "{}: {}, {} rows",
            visible(&step.file_name()),
            step.table.source,
            thousands(step.table.rows.len())
        ));
        if let Some(sheet) = sheet_ui(ui, &step.table) {
            action = Some(ImportAction::Sheet(sheet));
        }
        match working {
            Some(for_how_long) => working_ui(ui, step.table.rows.len(), for_how_long),
            None => warnings_ui(ui, step),
        }
        ui.separator();
        ui.columns(2, |cols| {
            if mapping_ui(&mut cols[0], step) {
                action = Some(ImportAction::Changed);
            }
            outcome_ui(&mut cols[1], step);
        });
        ui.separator();
        preview_ui(ui, step);
        ui.separator();
        ui.horizontal(|ui| {
            let ready = step.outcome.is_ok() && !step.is_working();
            let label = match step.target {
                ImportTarget::NewModel => "Import",
                ImportTarget::Update(_) => "Apply update",
            };
            if ui.add_enabled(ready, egui::Button::new(label)).clicked() {
                action = Some(ImportAction::Confirm);
            }
            if ui.button("Cancel").clicked() {
                action = Some(ImportAction::Cancel);
            }
        });
    });
    if ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        action = Some(ImportAction::Cancel);
    }
    action
}

/// The sheet of a workbook of several; returns another one chosen.
fn sheet_ui(ui: &mut Ui, table: &Table) -> Option<usize> {
    if table.sheets.len() < 2 {
        return None;
    }
    let mut chosen = None;
    ui.horizontal(|ui| {
        let label = ui.label("Sheet");
        egui::ComboBox::from_id_salt("import-sheet")
            .selected_text(visible(&table.source).into_owned())
            .show_ui(ui, |ui| {
                for (i, name) in table.sheets.iter().enumerate() {
                    if ui.selectable_label(false, visible(name)).clicked() {
                        chosen = Some(i);
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    chosen
}

/// The line shown while a big import is worked out.
fn working_ui(ui: &mut Ui, rows: usize, for_how_long: std::time::Duration) {
    ui.horizontal(|ui| {
        ui.spinner();
        ui.label(format!(
            "Working out the import of {} rows… {:.0} s",
            thousands(rows),
            for_how_long.as_secs_f32().floor()
        ));
    });
}

/// What looks wrong about the whole import, first and in the error
/// colour: the user should not miss it.
fn warnings_ui(ui: &mut Ui, step: &ImportStep) {
    let Ok(imported) = &step.outcome else {
        return;
    };
    let colour = ui.visuals().error_fg_color;
    for warning in &imported.warnings {
        ui.label(
            RichText::new(format!("Looks wrong: {warning}."))
                .color(colour)
                .strong(),
        );
    }
}

/// True when what looks wrong is about the manager column, which is then
/// shown highlighted.
fn manager_in_doubt(step: &ImportStep) -> bool {
    step.outcome.as_ref().is_ok_and(|i| {
        i.warnings.iter().any(|w| {
            matches!(
                w,
                import::Warning::NoManagerColumn | import::Warning::ManyAtTop { .. }
            )
        })
    })
}

/// One row per field: its column, chosen from the file's headers.
fn mapping_ui(ui: &mut Ui, step: &mut ImportStep) -> bool {
    let mut changed = false;
    let doubt = manager_in_doubt(step);
    let error = ui.visuals().error_fg_color;
    egui::Grid::new("import-mapping")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for field in Field::ALL {
                let text = RichText::new(field.label());
                let label = ui.label(if doubt && field == Field::Manager {
                    text.color(error).strong()
                } else {
                    text
                });
                let current = step.choices.mapping.get(field);
                let mut chosen = current;
                egui::ComboBox::from_id_salt(("import-field", field.key()))
                    .selected_text(step.header(current))
                    .width(220.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut chosen, None, "(none)");
                        for (c, header) in step.table.headers.iter().enumerate() {
                            ui.selectable_value(&mut chosen, Some(c), visible(header));
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if chosen != current {
                    step.choices.mapping.set(field, chosen);
                    changed = true;
                }
                ui.end_row();
            }
            let label = ui.label("Manager column holds");
            changed |= manager_key_ui(ui, step, label.id);
            ui.end_row();
            if step.target == ImportTarget::NewModel {
                let label = ui.label("Model title");
                ui.text_edit_singleline(&mut step.title)
                    .labelled_by(label.id);
                ui.end_row();
            }
        });
    changed
}

fn manager_key_ui(ui: &mut Ui, step: &mut ImportStep, label: egui::Id) -> bool {
    let used = step.outcome.as_ref().ok().and_then(|i| i.manager_key);
    let text = |key: Option<ManagerKey>| match key {
        Some(k) => k.label().to_owned(),
        None => match used {
            Some(k) => format!("worked out: {}", k.label()),
            None => "worked out".to_owned(),
        },
    };
    let current = step.choices.manager_key;
    let mut chosen = current;
    egui::ComboBox::from_id_salt("import-manager-key")
        .selected_text(text(current))
        .width(220.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, None, text(None));
            for key in ManagerKey::ALL {
                ui.selectable_value(&mut chosen, Some(key), key.label());
            }
        })
        .response
        .labelled_by(label);
    if chosen == current {
        return false;
    }
    step.choices.manager_key = chosen;
    true
}

/// The summary, the problems and (for an update) the changes.
fn outcome_ui(ui: &mut Ui, step: &ImportStep) {
    let imported = match &step.outcome {
        Ok(imported) => imported,
        Err(e) => {
            ui.label(RichText::new(format!("Cannot import: {e}")).strong());
            return;
        }
    };
    ui.label(RichText::new(imported.counts()).strong());
    ui.label(format!(
        "Identifiers from: {}",
        visible(&imported.id_source.label())
    ));
    ui.label(format!("Hierarchy: {}", visible(&imported.hierarchy)));
    let problems = &imported.problems;
    ui.label(format!("Problems: {}", thousands(problems.len())));
    scroll_list(ui, "import-problems", problems.len(), |i| {
        problems[i].to_string()
    });
    if let Some(update) = &step.update {
        let changes: Vec<&str> = update
            .sentences
            .iter()
            .filter(|s| !s.left.is_empty() || !s.right.is_empty())
            .map(|s| s.text.as_str())
            .collect();
        ui.label(format!("Changes: {}", thousands(changes.len())));
        scroll_list(ui, "import-changes", changes.len(), |i| {
            changes[i].to_owned()
        });
    }
}

/// A list of `count` lines, only the visible ones made.
fn scroll_list(ui: &mut Ui, id: &str, count: usize, line: impl Fn(usize) -> String) {
    let height = ui.text_style_height(&egui::TextStyle::Body);
    egui::ScrollArea::vertical()
        .id_salt(id)
        .max_height(140.0)
        .auto_shrink([false, true])
        .show_rows(ui, height, count, |ui, rows| {
            for i in rows {
                ui.label(visible(&line(i)));
            }
        });
}

/// The first rows as they will import.
fn preview_ui(ui: &mut Ui, step: &ImportStep) {
    let Ok(imported) = &step.outcome else {
        return;
    };
    ui.label(RichText::new("Preview").strong());
    egui::Grid::new("import-preview")
        .striped(true)
        .num_columns(7)
        .show(ui, |ui| {
            for head in [
                "Row",
                "Identifier",
                "Name",
                "Title",
                "Role",
                "Manager",
                "Department",
            ] {
                ui.label(RichText::new(head).strong());
            }
            ui.end_row();
            let chart = &imported.chart;
            for (row, id) in imported.order.iter().take(PREVIEW_ROWS) {
                let Some(leader) = chart.leader(id) else {
                    continue;
                };
                let manager = chart
                    .manager_of(id)
                    .and_then(|m| chart.leader(m))
                    .map_or_else(|| "(top)".to_owned(), |m| visible(&m.name).into_owned());
                ui.label(row.to_string());
                ui.label(visible(id.as_str()));
                ui.label(visible(&leader.name));
                ui.label(visible(&leader.title));
                ui.label(leader.role.badge());
                ui.label(manager);
                ui.label(visible(&leader.department));
                ui.end_row();
            }
        });
}
