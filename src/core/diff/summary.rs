//! The ownership summary: which conflicts and gaps the second model
//! resolves or opens.

use std::collections::{BTreeMap, BTreeSet};

use super::{ModelDiff, Sides, sentence};
use crate::core::analysis::{Grade, findings, phrase_key};
use crate::core::model::OrgChart;
use crate::core::wording::count;

/// Conflicts and gaps of a chart by key; a phrase nobody holds in `chart`
/// but `other` holds counts as a gap here.
fn grades(chart: &OrgChart, other: &OrgChart) -> BTreeMap<String, Grade> {
    let mut map: BTreeMap<String, Grade> = findings(chart)
        .into_iter()
        .filter(|f| f.grade != Grade::Shared)
        .map(|f| (f.key, f.grade))
        .collect();
    let held: BTreeSet<String> = chart
        .leaders()
        .flat_map(|l| l.phrases().map(phrase_key))
        .collect();
    for leader in other.leaders() {
        for key in leader.phrases().map(phrase_key) {
            if !key.is_empty() && !held.contains(&key) {
                map.insert(key, Grade::Gap);
            }
        }
    }
    map
}

pub(super) fn ownership_summary(s: &Sides<'_>, out: &mut ModelDiff) {
    let was = grades(&s.a.chart, &s.b.chart);
    let now = grades(&s.b.chart, &s.a.chart);
    let pick =
        |from: &BTreeMap<String, Grade>, to: &BTreeMap<String, Grade>, g: Grade| -> Vec<String> {
            from.iter()
                .filter(|(k, v)| **v == g && to.get(*k) != Some(&g))
                .map(|(k, _)| k.clone())
                .collect()
        };
    out.resolved_conflicts = pick(&was, &now, Grade::Conflict);
    out.opened_conflicts = pick(&now, &was, Grade::Conflict);
    out.closed_gaps = pick(&was, &now, Grade::Gap);
    out.opened_gaps = pick(&now, &was, Grade::Gap);
    let mut parts = Vec::new();
    if !out.resolved_conflicts.is_empty() {
        parts.push(format!(
            "resolves {}",
            count(out.resolved_conflicts.len(), "conflict", "conflicts")
        ));
    }
    if !out.opened_conflicts.is_empty() {
        parts.push(format!(
            "opens {}",
            count(out.opened_conflicts.len(), "conflict", "conflicts")
        ));
    }
    if !out.closed_gaps.is_empty() {
        parts.push(format!(
            "closes {}",
            count(out.closed_gaps.len(), "gap", "gaps")
        ));
    }
    if !out.opened_gaps.is_empty() {
        parts.push(format!(
            "opens {}",
            count(out.opened_gaps.len(), "gap", "gaps")
        ));
    }
    let text = if parts.is_empty() {
        format!(
            "{} leaves every conflict and gap as it was.",
            s.b.short_title()
        )
    } else {
        let last = parts.pop().unwrap_or_default();
        let joined = if parts.is_empty() {
            last
        } else {
            format!("{} and {last}", parts.join(", "))
        };
        format!("{} {joined}.", s.b.short_title())
    };
    out.sentences.push(sentence(text, Vec::new(), Vec::new()));
}
