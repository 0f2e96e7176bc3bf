//! The responsibility matrix: one model as a grid, leaders across and
//! responsibilities down, each cell a RACI letter. Clicking a cell cycles it
//! (empty, A, R, C, I, empty); conflict and gap rows are marked in words.

use std::collections::BTreeMap;

use egui::{RichText, Ui, WidgetInfo};

use crate::core::analysis::{Finding, Grade, phrase_key};
use crate::core::model::{Assignment, LeaderId, OrgChart, Raci};
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
    let mut by_key: BTreeMap<String, Row> = BTreeMap::new();
    for leader in chart.leaders() {
        for a in &leader.responsibilities {
            let key = phrase_key(&a.phrase);
            if key.is_empty() {
                continue;
            }
            let row = by_key.entry(key.clone()).or_insert_with(|| Row {
                key,
                phrase: a.phrase.trim().to_owned(),
                letters: BTreeMap::new(),
            });
            let letter = row.letters.entry(leader.id.clone()).or_insert(a.raci);
            *letter = (*letter).min(a.raci);
        }
    }
    by_key.into_values().collect()
}

/// The letter after a click on a cell: empty → A → R → C → I → empty.
fn next_letter(current: Option<Raci>) -> Option<Raci> {
    match current {
        None => Some(Raci::Accountable),
        Some(letter) => letter.next(),
    }
}

/// The edit that sets `leader`'s letter for a responsibility, adding or
/// removing the assignment as needed.
fn cell_edit(chart: &OrgChart, leader: &LeaderId, row: &Row, letter: Option<Raci>) -> Option<Edit> {
    let mut edited = chart.leader(leader)?.clone();
    let held = edited
        .responsibilities
        .iter()
        .any(|a| phrase_key(&a.phrase) == row.key);
    match (held, letter) {
        (true, Some(letter)) => {
            for a in &mut edited.responsibilities {
                if phrase_key(&a.phrase) == row.key {
                    a.raci = letter;
                }
            }
        }
        (true, None) => edited
            .responsibilities
            .retain(|a| phrase_key(&a.phrase) != row.key),
        (false, Some(letter)) => edited
            .responsibilities
            .push(Assignment::new(row.phrase.clone(), letter)),
        (false, None) => return None,
    }
    Some(Edit::UpdateLeader(edited))
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
                        let resp = resp.on_hover_text(
                            letter.map_or("not held: click to make accountable", Raci::word),
                        );
                        if resp.clicked() {
                            edit = cell_edit(chart, &leader.id, row, next_letter(letter));
                        }
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
