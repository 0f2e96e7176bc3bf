//! The responsibility matrix: one model as a grid, leaders across and
//! responsibilities down, each cell a RACI letter. Clicking a cell cycles it
//! (empty, A, R, C, I, empty); conflict and gap rows are marked in words.

use std::collections::BTreeMap;

use egui::{RichText, Ui, WidgetInfo};

use crate::core::analysis::{self, Finding, Grade};
use crate::core::model::{Leader, LeaderId, OrgChart, Raci};
use crate::core::text::visible;
use crate::core::workspace::Edit;

use super::theme::Theme;

/// How the rows are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MatrixSort {
    /// Alphabetically by responsibility.
    #[default]
    ByResponsibility,
    /// Most holders first.
    ByHolders,
}

/// The matrix's own state.
#[derive(Clone, Debug, Default)]
pub struct MatrixState {
    /// Row order.
    pub sort: MatrixSort,
}

/// One row: the phrase as first written, and each holder's letter.
struct Row {
    key: String,
    phrase: String,
    letters: BTreeMap<LeaderId, Raci>,
}

fn rows(chart: &OrgChart) -> Vec<Row> {
    analysis::holdings(chart)
        .into_iter()
        .map(|(key, h)| Row {
            key,
            phrase: h.phrase,
            letters: h.holders.into_iter().collect(),
        })
        .collect()
}

/// The letter after a click on a cell: empty → A → R → C → I → empty.
fn next_letter(current: Option<Raci>) -> Option<Raci> {
    match current {
        None => Some(Raci::Accountable),
        Some(letter) => letter.next(),
    }
}

fn sort_ui(ui: &mut Ui, state: &mut MatrixState) {
    ui.horizontal(|ui| {
        ui.label("Sort:");
        ui.selectable_value(
            &mut state.sort,
            MatrixSort::ByResponsibility,
            "by responsibility",
        );
        ui.selectable_value(
            &mut state.sort,
            MatrixSort::ByHolders,
            "by number of holders",
        );
        ui.separator();
        ui.label("Click a cell to cycle its letter: A, R, C, I, empty.");
    });
    ui.separator();
}

/// One cell: the leader's letter for the row's responsibility; a click
/// asks for the next letter.
fn cell_ui(ui: &mut Ui, row: &Row, leader: &Leader) -> Option<Edit> {
    let letter = row.letters.get(&leader.id).copied();
    let text = letter.map_or("·", Raci::letter);
    let resp = ui.add_sized([30.0, 22.0], egui::Button::new(text));
    let label = format!(
        "{} / {}: {}",
        visible(&row.phrase),
        visible(&leader.name),
        text
    );
    resp.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
    let resp = resp.on_hover_text(letter.map_or("not held: click to make accountable", Raci::word));
    resp.clicked().then(|| Edit::SetLetter {
        leader: leader.id.clone(),
        phrase: row.phrase.clone(),
        letter: next_letter(letter),
    })
}

/// The matrix of one chart; returns the edit a click asked for.
pub fn matrix_ui(
    ui: &mut Ui,
    state: &mut MatrixState,
    theme: &Theme,
    chart: &OrgChart,
    findings: &[Finding],
) -> Option<Edit> {
    let mut edit = None;
    sort_ui(ui, state);
    let mut rows = rows(chart);
    if state.sort == MatrixSort::ByHolders {
        rows.sort_by(|a, b| {
            b.letters
                .len()
                .cmp(&a.letters.len())
                .then(a.key.cmp(&b.key))
        });
    }
    let grades: BTreeMap<&str, Grade> =
        findings.iter().map(|f| (f.key.as_str(), f.grade)).collect();
    let leaders: Vec<_> = chart.leaders().collect();
    egui::ScrollArea::both().show(ui, |ui| {
        egui::Grid::new("responsibility-matrix")
            .striped(true)
            .spacing([10.0, 6.0])
            .show(ui, |ui| {
                ui.label(RichText::new("Responsibility").strong());
                for leader in &leaders {
                    ui.label(RichText::new(visible(&leader.name)).strong());
                }
                ui.label(RichText::new("Finding").strong());
                ui.end_row();
                for row in &rows {
                    let grade = grades.get(row.key.as_str()).copied();
                    ui.label(visible(&row.phrase));
                    for leader in &leaders {
                        edit = cell_ui(ui, row, leader).or(edit.take());
                    }
                    match grade {
                        Some(Grade::Conflict) => {
                            ui.label(RichText::new("conflict").color(theme.conflict))
                        }
                        Some(Grade::Gap) => ui.label(RichText::new("gap").color(theme.gap)),
                        Some(Grade::Shared) => {
                            ui.label(RichText::new("shared").color(theme.overlap))
                        }
                        None => ui.label(""),
                    };
                    ui.end_row();
                }
            });
    });
    edit
}
