//! The board pack's Scenarios pages: for each baseline of the document
//! with scenarios, the table of the baseline and up to four of them
//! (`impact::scenario_table`), a column each, over as many pages as its
//! rows need at a readable size. The deck's scenarios slides read the same
//! tables.

use std::fmt::Write;

use super::sheet::{PAGE_MARGIN, PackPage, page_svg, text_line};
use super::xml;
use crate::core::impact::{ScenarioTable, TableRow, scenario_family, scenario_table};
use crate::core::layout::metrics::{fit_line, wrap_to};
use crate::core::theme::Palette;
use crate::core::workspace::Workspace;

/// The table's text size, in points.
const TABLE_PT: f32 = 11.0;
/// Height of one row.
const ROW_PT: f32 = 16.0;
/// Width of the first column (what is counted), as a share of the page's.
const LABEL_SHARE: f32 = 0.4;

/// Each baseline that has scenarios, titled, with its table, in the
/// document's order.
pub fn scenario_tables(workspace: &Workspace) -> Vec<(String, ScenarioTable)> {
    workspace
        .models
        .iter()
        .filter_map(|model| {
            let (baseline, scenarios) = scenario_family(workspace, &model.id)?;
            if baseline != model.id {
                return None;
            }
            let scenarios: Vec<_> = scenarios
                .iter()
                .filter_map(|id| workspace.model_by_id(id))
                .collect();
            let title = format!("Scenarios of {}", model.short_title());
            Some((title, scenario_table(model, &scenarios)))
        })
        .collect()
}

/// The Scenarios pages of the pack (none when the document has no
/// scenario).
pub(super) fn scenario_pages(
    workspace: &Workspace,
    palette: &Palette,
    page: (f32, f32),
) -> Vec<PackPage> {
    scenario_tables(workspace)
        .iter()
        .flat_map(|(title, table)| table_pages(title, table, palette, page))
        .collect()
}

/// Where the table's columns are on the page.
struct Grid {
    /// The table's width.
    width: f32,
    /// The first column's width.
    label_w: f32,
    /// Each model's column's width.
    column_w: f32,
}

impl Grid {
    /// The right edge of model column `c`.
    fn right(&self, c: usize) -> f32 {
        PAGE_MARGIN + self.label_w + (c + 1) as f32 * self.column_w
    }

    /// One row with its baseline `y`, banded when `band`.
    fn row(&self, body: &mut String, palette: &Palette, row: &TableRow, y: f32, band: bool) {
        let ink = palette.text.hex();
        if band {
            let _ = write!(
                body,
                r#"<rect x="{PAGE_MARGIN}" y="{}" width="{}" height="{ROW_PT}" fill="{}"/>"#,
                y - ROW_PT + 4.0,
                self.width,
                palette.card.hex()
            );
        }
        let label = fit_line(&row.label, self.label_w - 8.0, TABLE_PT, false);
        let _ = write!(
            body,
            r#"<text x="{PAGE_MARGIN}" y="{y}" font-size="{TABLE_PT}" fill="{ink}">{}</text>"#,
            xml(&label)
        );
        for (c, value) in row.cells.iter().enumerate() {
            cell(body, &ink, (self.right(c), y), row.differs(c), value);
        }
    }
}

/// One table over as many pages as its rows need, the headings on each.
fn table_pages(
    title: &str,
    table: &ScenarioTable,
    palette: &Palette,
    page: (f32, f32),
) -> Vec<PackPage> {
    let width = page.0 - 2.0 * PAGE_MARGIN;
    let label_w = width * LABEL_SHARE;
    let grid = Grid {
        width,
        label_w,
        column_w: (width - label_w) / table.columns.len().max(1) as f32,
    };
    let heads: Vec<Vec<String>> = table
        .columns
        .iter()
        .map(|c| head_lines(c, grid.column_w - 8.0))
        .collect();
    let head_rows = heads.iter().map(Vec::len).max().unwrap_or(1);
    let top = PAGE_MARGIN + 48.0;
    let first_row = top + head_rows as f32 * ROW_PT + 6.0;
    let per_page = ((page.1 - PAGE_MARGIN - first_row) / ROW_PT)
        .floor()
        .max(1.0) as usize;
    let parts = table.rows.chunks(per_page).count();
    let ink = palette.text.hex();
    let caption =
        "Each scenario against its baseline (the first column): figures that differ are in bold.";
    table
        .rows
        .chunks(per_page)
        .enumerate()
        .map(|(i, rows)| {
            let mut body = String::new();
            let heading = if parts > 1 {
                format!("{title} ({} of {parts})", i + 1)
            } else {
                title.to_owned()
            };
            text_line(&mut body, palette, PAGE_MARGIN + 20.0, 20.0, true, &heading);
            text_line(&mut body, palette, PAGE_MARGIN + 38.0, 11.0, false, caption);
            for (c, lines) in heads.iter().enumerate() {
                for (j, line) in lines.iter().enumerate() {
                    let y = top + (j + 1) as f32 * ROW_PT - 4.0;
                    cell(&mut body, &ink, (grid.right(c), y), true, line);
                }
            }
            for (r, row) in rows.iter().enumerate() {
                let y = first_row + (r + 1) as f32 * ROW_PT - 4.0;
                grid.row(&mut body, palette, row, y, r % 2 == 0);
            }
            page_svg(page, palette, &body)
        })
        .collect()
}

/// A column heading in lines that fit `width` at the table's size (at
/// most three, the last shortened).
fn head_lines(text: &str, width: f32) -> Vec<String> {
    let mut lines = wrap_to(text, width, TABLE_PT, true);
    if lines.len() > 3 {
        lines.truncate(3);
        let last = format!("{}…", lines[2]);
        lines[2] = last;
    }
    lines
        .into_iter()
        .map(|l| fit_line(&l, width, TABLE_PT, true))
        .collect()
}

/// A figure, right-aligned at `right`.
fn cell(body: &mut String, ink: &str, (right, y): (f32, f32), bold: bool, text: &str) {
    let weight = if bold { r#" font-weight="bold""# } else { "" };
    let _ = write!(
        body,
        r#"<text x="{}" y="{y}" font-size="{TABLE_PT}"{weight} text-anchor="end" fill="{ink}">{}</text>"#,
        right - 8.0,
        xml(text)
    );
}
