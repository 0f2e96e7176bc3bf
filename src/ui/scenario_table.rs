//! Scenario > Compare scenarios: a baseline and up to four of its
//! scenarios in one table, a column each, the figures that differ from
//! the baseline's in bold. Worked out on a worker for big organisations,
//! again whenever the document changes.

use egui::RichText;

use super::aside::{Poll, Worker};
use crate::core::impact::{ScenarioTable, scenario_family, scenario_table};
use crate::core::workspace::{ModelId, Workspace};

/// Leaders in all the columns together up to which the table is worked
/// out in the frame; past it, on a worker.
const SMALL_TABLE: usize = 20_000;

/// The open table: of which models, at which revision, and the figures.
pub struct TableState {
    /// The model it was opened on (a baseline or one of its scenarios).
    pub model: ModelId,
    revision: Option<u64>,
    table: Option<ScenarioTable>,
    working: Option<Worker<ScenarioTable>>,
    /// Why there is no table (the scenarios are gone).
    pub note: Option<String>,
}

impl std::fmt::Debug for TableState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TableState")
            .field("model", &self.model)
            .field("revision", &self.revision)
            .field("table", &self.table)
            .finish_non_exhaustive()
    }
}

impl TableState {
    /// A table of the family of `model`, worked out when first shown.
    pub fn new(model: ModelId) -> Self {
        Self {
            model,
            revision: None,
            table: None,
            working: None,
            note: None,
        }
    }

    /// The table as last worked out.
    pub fn table(&self) -> Option<&ScenarioTable> {
        self.table.as_ref()
    }

    /// Works the table out again when the document changed since.
    fn refresh(&mut self, workspace: &Workspace, revision: u64) {
        if self.revision == Some(revision) {
            return;
        }
        self.revision = Some(revision);
        let Some((baseline, scenarios)) = scenario_family(workspace, &self.model) else {
            self.table = None;
            self.note = Some("This model has no scenarios any more.".to_owned());
            return;
        };
        let find = |id: &ModelId| workspace.model_by_id(id);
        let Some(base) = find(&baseline) else {
            return;
        };
        let models: Vec<_> = scenarios.iter().filter_map(find).collect();
        self.note = None;
        let size: usize = base.chart.len() + models.iter().map(|m| m.chart.len()).sum::<usize>();
        if size <= SMALL_TABLE {
            self.table = Some(scenario_table(base, &models));
            self.working = None;
            return;
        }
        let base = base.clone();
        let models: Vec<_> = models.into_iter().cloned().collect();
        self.working = Some(Worker::spawn(move || {
            let refs: Vec<_> = models.iter().collect();
            scenario_table(&base, &refs)
        }));
    }

    fn poll(&mut self, ctx: &egui::Context) {
        let Some(worker) = &self.working else {
            return;
        };
        match worker.poll() {
            Poll::Working(_) => ctx.request_repaint_after(std::time::Duration::from_millis(100)),
            Poll::Done(table) => {
                self.table = Some(table);
                self.working = None;
            }
            Poll::Died => {
                self.working = None;
                self.note = Some("Working out the table failed (a bug in Chartroom).".to_owned());
            }
        }
    }
}

/// The window; false once closed.
pub fn scenario_table_ui(
    ctx: &egui::Context,
    state: &mut TableState,
    workspace: &Workspace,
    revision: u64,
) -> bool {
    state.refresh(workspace, revision);
    state.poll(ctx);
    let mut open = true;
    egui::Modal::new(egui::Id::NULL.with("scenario-table")).show(ctx, |ui| {
        ui.set_max_width(ctx.content_rect().width() - 80.0);
        ui.horizontal(|ui| {
            ui.heading("Scenarios side by side");
            if ui.button("Close").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                open = false;
            }
        });
        if let Some(note) = &state.note {
            ui.label(note);
        }
        if state.working.is_some() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Working out the figures of every scenario…");
            });
        }
        if let Some(table) = &state.table {
            ui.label("Figures that differ from the baseline (the first column) are in bold.");
            grid_ui(ui, table);
        }
    });
    open
}

fn grid_ui(ui: &mut egui::Ui, table: &ScenarioTable) {
    let height = (ui.ctx().content_rect().height() - 200.0).max(200.0);
    egui::ScrollArea::both()
        .max_height(height)
        .min_scrolled_height(height.min(520.0))
        .show(ui, |ui| {
            egui::Grid::new("scenario-table-grid")
                .striped(true)
                .num_columns(table.columns.len() + 1)
                .show(ui, |ui| {
                    ui.label("");
                    for column in &table.columns {
                        ui.label(RichText::new(column).strong());
                    }
                    ui.end_row();
                    for row in &table.rows {
                        ui.label(&row.label);
                        for (i, cell) in row.cells.iter().enumerate() {
                            let text = RichText::new(cell);
                            ui.label(if row.differs(i) { text.strong() } else { text });
                        }
                        ui.end_row();
                    }
                });
        });
}
