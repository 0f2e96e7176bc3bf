//! A baseline and its scenarios in one table, a column each: who changes
//! manager, each technology leader's team, the organisation's shape and
//! cost, and the ownership findings (and which of the baseline's each
//! scenario resolves). Shown by the app's scenarios table, the board
//! pack's Scenarios page and the deck's scenarios slide.

use super::rows::{TableRow, Team, costed, leader_rows, shape_rows};
use super::{Impact, impact_matched};
use crate::core::analysis::{self, Grade, findings};
use crate::core::diff::match_leaders;
use crate::core::fast::{HashMap, HashSet};
use crate::core::model::{LeaderId, OrgChart};
use crate::core::wording::thousands;
use crate::core::workspace::{Model, ModelId, Workspace};

/// Scenarios shown beside their baseline at most: more columns would not
/// be read (in the app, on a page or a slide).
pub const MAX_SCENARIOS: usize = 4;

/// The baseline and its scenarios, with the figures of each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioTable {
    /// The column headings: the baseline's title, then each scenario's.
    pub columns: Vec<String>,
    /// The rows, a cell per column.
    pub rows: Vec<TableRow>,
}

impl ScenarioTable {
    /// The row labelled `label`, if any.
    pub fn row(&self, label: &str) -> Option<&TableRow> {
        self.rows.iter().find(|r| r.label == label)
    }
}

/// The baseline `model` is of, and its scenarios in the document's order
/// (at most [`MAX_SCENARIOS`]), when `model` is a baseline or a scenario.
pub fn scenario_family(workspace: &Workspace, model: &ModelId) -> Option<(ModelId, Vec<ModelId>)> {
    let baseline = workspace
        .scenario_of(model)
        .map_or_else(|| model.clone(), |link| link.baseline.clone());
    let scenarios: Vec<ModelId> = workspace
        .models
        .iter()
        .filter(|m| {
            workspace
                .scenario_of(&m.id)
                .is_some_and(|link| link.baseline == baseline)
        })
        .map(|m| m.id.clone())
        .take(MAX_SCENARIOS)
        .collect();
    (!scenarios.is_empty()).then_some((baseline, scenarios))
}

/// The table of `baseline` and `scenarios` (the first [`MAX_SCENARIOS`]).
/// Linear in the leaders of each.
pub fn scenario_table(baseline: &Model, scenarios: &[&Model]) -> ScenarioTable {
    let scenarios = &scenarios[..scenarios.len().min(MAX_SCENARIOS)];
    let mut columns = vec![baseline.short_title()];
    columns.extend(scenarios.iter().map(|s| s.short_title()));
    let mut impacts = Vec::with_capacity(scenarios.len());
    let mut moves = Vec::with_capacity(scenarios.len());
    for s in scenarios {
        let matched = match_leaders(&baseline.chart, &s.chart);
        moves.push(changed_manager(&baseline.chart, &s.chart, &matched));
        impacts.push(impact_matched(baseline, s, &matched));
    }
    let mut rows = Vec::new();
    let mut cells = vec!["—".to_owned()];
    cells.extend(moves.into_iter().map(thousands));
    rows.push(TableRow {
        label: "People who change manager".into(),
        cells,
    });
    let mut shapes = vec![impacts.first().map_or_else(
        || super::shape_of(&baseline.chart),
        |i: &Impact| i.before.clone(),
    )];
    shapes.extend(impacts.iter().map(|i| i.after.clone()));
    let shape_refs: Vec<&super::Shape> = shapes.iter().collect();
    let costed = costed(&shape_refs);
    for (who, teams) in teams(&impacts) {
        leader_rows(&mut rows, &who, &teams, costed);
    }
    shape_rows(&mut rows, &shape_refs, costed);
    let mut charts = vec![&baseline.chart];
    charts.extend(scenarios.iter().map(|s| &s.chart));
    finding_rows(&mut rows, &charts);
    ScenarioTable { columns, rows }
}

/// Each technology leader of any column once, in the first impact's order
/// then the newcomers, with their team in every column (the baseline's
/// from whichever impact has it).
fn teams(impacts: &[Impact]) -> Vec<(String, Vec<Team>)> {
    let mut order: Vec<(String, Vec<Team>)> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::default();
    let columns = impacts.len() + 1;
    for (s, impact) in impacts.iter().enumerate() {
        for l in &impact.leaders {
            let i = *at.entry(l.key.clone()).or_insert_with(|| {
                let who = format!("{} {}", l.role.badge(), crate::core::text::visible(&l.name));
                order.push((who, vec![Team::default(); columns]));
                order.len() - 1
            });
            if l.direct[0].is_some() {
                order[i].1[0] = l.team(0);
            }
            order[i].1[s + 1] = l.team(1);
        }
    }
    order
}

/// How many people of `a` report to someone else in `b` (matched by
/// `matched`; people not in `b` do not count).
fn changed_manager(a: &OrgChart, b: &OrgChart, matched: &HashMap<LeaderId, LeaderId>) -> usize {
    a.leaders()
        .filter(|l| {
            let Some(there) = matched.get(&l.id) else {
                return false;
            };
            let before = a.manager_of(&l.id).and_then(|m| matched.get(m));
            before != b.manager_of(there)
        })
        .count()
}

/// The ownership rows: conflicts, shared, gaps and unowned in each model,
/// and how many of the baseline's conflicts and gaps each scenario
/// resolves.
fn finding_rows(rows: &mut Vec<TableRow>, charts: &[&OrgChart]) {
    let catalogue = analysis::catalogue(
        charts.iter().copied(),
        &crate::core::presets::EXTRA_RESPONSIBILITIES,
    );
    let found: Vec<Vec<analysis::Finding>> = charts.iter().map(|c| findings(c)).collect();
    let count = |g: Grade| {
        found
            .iter()
            .map(|f| thousands(f.iter().filter(|x| x.grade == g).count()))
            .collect::<Vec<_>>()
    };
    for (label, grade) in [
        ("Conflicts (several accountable)", Grade::Conflict),
        ("Shared responsibilities", Grade::Shared),
        ("Gaps (nobody accountable)", Grade::Gap),
    ] {
        rows.push(TableRow {
            label: label.into(),
            cells: count(grade),
        });
    }
    let unowned = charts
        .iter()
        .map(|c| thousands(analysis::unowned(c, &catalogue).len()))
        .collect();
    rows.push(TableRow {
        label: "Unowned responsibilities".into(),
        cells: unowned,
    });
    let problems = |f: &[analysis::Finding]| -> HashSet<(String, Grade)> {
        f.iter()
            .filter(|x| x.grade != Grade::Shared)
            .map(|x| (x.key.clone(), x.grade))
            .collect()
    };
    let before = problems(&found[0]);
    let mut resolved = vec!["—".to_owned()];
    resolved.extend(found[1..].iter().map(|f| {
        let after = problems(f);
        thousands(before.difference(&after).count())
    }));
    rows.push(TableRow {
        label: "Conflicts and gaps of the baseline resolved".into(),
        cells: resolved,
    });
}
