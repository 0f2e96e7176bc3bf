//! The impact as a table of rows, one column per model (a pair in the
//! Compare tab, a baseline and its scenarios in the scenarios table), and
//! as JSON for `chartroom diff --json`.

use super::{BANDS, Impact, LeaderImpact, Shape, band_label};
use crate::core::text::visible;
use crate::core::wording::thousands;

/// One line of the impact table: what, before, after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// What is counted ("Levels", "CIO Ada King: direct reports").
    pub label: String,
    /// Before, as shown ("—" when not there).
    pub before: String,
    /// After.
    pub after: String,
}

/// One line of a table of several models: what, then a cell per model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableRow {
    /// What is counted.
    pub label: String,
    /// The figure in each model, as shown ("—" when not there).
    pub cells: Vec<String>,
}

impl TableRow {
    /// True when some model's figure differs from the first's.
    pub fn changes(&self) -> bool {
        (1..self.cells.len()).any(|i| self.differs(i))
    }

    /// True when cell `i` differs from the first (a row whose first cell
    /// is "—", a figure only the others have, differs nowhere).
    pub fn differs(&self, i: usize) -> bool {
        match self.cells.first() {
            Some(first) if first != "—" => self.cells.get(i).is_some_and(|c| c != first),
            _ => false,
        }
    }
}

/// A technology leader's figures in one model (all `None`: not there).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Team {
    pub direct: Option<usize>,
    pub under: Option<usize>,
    pub below: Option<usize>,
    pub cost: Option<f64>,
}

impl LeaderImpact {
    /// Their figures on one side (0 before, 1 after).
    pub(super) fn team(&self, side: usize) -> Team {
        Team {
            direct: self.direct[side],
            under: self.under[side],
            below: self.levels_below[side],
            cost: self.cost[side],
        }
    }

    /// How the leader is named in a row: role and name, with the role
    /// change when they are cast in another.
    fn who(&self) -> String {
        match self.roles {
            [Some(was), Some(now)] if was != now => {
                format!(
                    "{} ({} -> {})",
                    visible(&self.name),
                    was.badge(),
                    now.badge()
                )
            }
            _ => format!("{} {}", self.role.badge(), visible(&self.name)),
        }
    }
}

/// A cost rounded to whole units with thousands separators, or "—".
pub(super) fn money_text(cost: Option<f64>) -> String {
    cost.map_or_else(|| "—".to_owned(), |c| thousands(c.round() as usize))
}

fn count_text(n: Option<usize>) -> String {
    n.map_or_else(|| "—".to_owned(), thousands)
}

fn table_row(label: String, cells: Vec<String>) -> TableRow {
    TableRow { label, cells }
}

/// A technology leader's rows: their team in each model.
pub(super) fn leader_rows(rows: &mut Vec<TableRow>, who: &str, teams: &[Team], costed: bool) {
    type Figure = fn(&Team) -> Option<usize>;
    let figures: [(&str, Figure); 3] = [
        ("direct reports", |t| t.direct),
        ("people under them", |t| t.under),
        ("levels below", |t| t.below),
    ];
    for (what, figure) in figures {
        let cells = teams.iter().map(|t| count_text(figure(t))).collect();
        rows.push(table_row(format!("{who}: {what}"), cells));
    }
    if costed {
        let cells = teams.iter().map(|t| money_text(t.cost)).collect();
        rows.push(table_row(
            format!("{who}: cost of their organisation"),
            cells,
        ));
    }
}

/// The organisation's rows: people, levels, spans, cost, span bands (those
/// nobody is in are left out, but for the narrowest and the widest).
pub(super) fn shape_rows(rows: &mut Vec<TableRow>, shapes: &[&Shape], costed: bool) {
    let each = |f: &dyn Fn(&Shape) -> String| shapes.iter().map(|s| f(s)).collect::<Vec<_>>();
    rows.push(table_row("People".into(), each(&|s| thousands(s.people))));
    if shapes.iter().any(|s| s.open > 0) {
        rows.push(table_row(
            "Open positions".into(),
            each(&|s| thousands(s.open)),
        ));
    }
    rows.push(table_row("Levels".into(), each(&|s| thousands(s.levels))));
    rows.push(table_row(
        "Managers".into(),
        each(&|s| thousands(s.managers)),
    ));
    let median = each(&|s| format!("{:.1}", s.median_span));
    rows.push(table_row("Median span".into(), median));
    let mean = each(&|s| format!("{:.1}", s.mean_span));
    rows.push(table_row("Mean span".into(), mean));
    if costed {
        let total = each(&|s| money_text(Some(s.cost.0)));
        rows.push(table_row("Total cost".into(), total));
    }
    let last = BANDS.len() - 1;
    for (i, band) in BANDS.iter().enumerate() {
        if i != 0 && i != last && shapes.iter().all(|s| s.bands[i] == 0) {
            continue;
        }
        let label = format!("Managers with {} reports", band_label(*band));
        rows.push(table_row(label, each(&|s| thousands(s.bands[i]))));
    }
}

/// True when some model's people carry a cost: the cost rows are shown.
pub(super) fn costed(shapes: &[&Shape]) -> bool {
    shapes.iter().any(|s| s.cost.1 > 0)
}

impl Impact {
    /// The table as the Compare tab shows it: each technology leader's
    /// team, then the organisation.
    pub fn rows(&self) -> Vec<Row> {
        let shapes = [&self.before, &self.after];
        let costed = costed(&shapes);
        let mut rows = Vec::new();
        for l in &self.leaders {
            leader_rows(&mut rows, &l.who(), &[l.team(0), l.team(1)], costed);
        }
        shape_rows(&mut rows, &shapes, costed);
        rows.into_iter()
            .map(|r| {
                let [before, after]: [String; 2] = r.cells.try_into().unwrap_or_default();
                Row {
                    label: r.label,
                    before,
                    after,
                }
            })
            .collect()
    }

    /// The impact as JSON, for `chartroom diff --json`.
    pub fn to_json(&self) -> serde_json::Value {
        let leaders: Vec<serde_json::Value> = self
            .leaders
            .iter()
            .map(|l| {
                serde_json::json!({
                    "role": l.role.badge(),
                    "name": l.name,
                    "direct_reports": l.direct,
                    "people_under": l.under,
                    "levels_below": l.levels_below,
                    "cost_of_organisation": l.cost,
                })
            })
            .collect();
        serde_json::json!({
            "before": shape_json(&self.before),
            "after": shape_json(&self.after),
            "technology_leaders": leaders,
        })
    }
}

fn shape_json(s: &Shape) -> serde_json::Value {
    serde_json::json!({
        "people": s.people,
        "open_positions": s.open,
        "levels": s.levels,
        "managers": s.managers,
        "median_span": s.median_span,
        "mean_span": s.mean_span,
        "managers_with_1_or_2_reports": s.narrow,
        "managers_with_more_than_15_reports": s.wide,
        "total_cost": s.cost.0,
        "people_with_a_cost": s.cost.1,
        "span_bands": BANDS.iter().zip(s.bands).map(|(band, count)| {
            serde_json::json!({"reports": band_label(*band), "managers": count})
        }).collect::<Vec<_>>(),
    })
}
