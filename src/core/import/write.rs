//! A model as a CSV file in the shape the import reads: one row per
//! leader, so that importing it gives the same chart back.

use crate::core::fast::HashMap;
use crate::core::model::Raci;
use crate::core::workspace::Model;

/// The header row `to_csv` writes.
pub const CSV_HEADERS: [&str; 12] = [
    "id",
    "name",
    "title",
    "role",
    "manager_id",
    "department",
    "email",
    "location",
    "responsibilities",
    "dotted",
    "cost",
    "assistant",
];

/// One row per leader, in chart order; responsibilities as `phrase (R)`
/// separated by `; ` (accountable ones without a letter).
pub fn to_csv(model: &Model) -> Vec<u8> {
    let chart = &model.chart;
    let mut dotted: HashMap<_, Vec<String>> = HashMap::default();
    for line in chart.dotted_lines() {
        dotted
            .entry(line.report)
            .or_default()
            .push(line.manager.to_string());
    }
    let mut out = csv::Writer::from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = out.write_record(CSV_HEADERS);
    for l in chart.leaders() {
        let responsibilities: Vec<String> = l
            .responsibilities
            .iter()
            .map(|a| match a.raci {
                Raci::Accountable => a.phrase.clone(),
                other => format!("{} ({})", a.phrase, other.letter()),
            })
            .collect();
        let manager = chart.manager_of(&l.id).map_or("", |m| m.as_str());
        let dotted = dotted.get(&l.id).map(|d| d.join("; ")).unwrap_or_default();
        let cost = l.cost.map_or_else(String::new, |c| c.to_string());
        let assistant = if l.assistant { "yes" } else { "" };
        let _ = out.write_record([
            l.id.as_str(),
            &l.name,
            &l.title,
            l.role.badge(),
            manager,
            &l.department,
            &l.email,
            &l.location,
            &responsibilities.join("; "),
            &dotted,
            &cost,
            assistant,
        ]);
    }
    out.into_inner().unwrap_or_default()
}
