//! A chart edit applied with what undoes it: the leaders the edit touches,
//! kept as they were ([`ChartPatch`]), or the whole chart for an edit that
//! replaces it. An edit is applied in place (no copy of the chart per
//! edit); a refusal half-way puts the touched leaders back.

use super::{Edit, EditError, apply_to, fold_set};
use crate::core::model::{Arrangement, ChartPatch, LeaderId, OrgChart};

/// What puts a chart back as it was before an edit, and then forward again.
#[derive(Clone, Debug)]
pub(super) enum ChartUndo {
    /// The leaders the edit touched, as they were.
    Patch(ChartPatch),
    /// The whole chart (an edit that replaced it).
    Whole(Box<OrgChart>),
    /// The arrangement it had.
    Arrangement(Arrangement),
}

impl ChartUndo {
    /// Puts `chart` back as this keeps it; returns what undoes that.
    pub(super) fn put_back(self, chart: &mut OrgChart) -> Self {
        match self {
            Self::Patch(patch) => Self::Patch(chart.restore(&patch)),
            Self::Whole(old) => Self::Whole(Box::new(std::mem::replace(chart, *old))),
            Self::Arrangement(old) => {
                let now = chart.arrangement();
                chart.set_arrangement(old);
                Self::Arrangement(now)
            }
        }
    }
}

/// Applies `edit` to `chart` in place. Returns what undoes it, or `None`
/// when the edit changed nothing; on refusal the chart is as it was.
pub(super) fn apply_with_undo(
    chart: &mut OrgChart,
    edit: Edit,
) -> Result<Option<ChartUndo>, EditError> {
    if let Edit::SetArrangement(arrangement) = edit {
        let old = chart.arrangement();
        if old == arrangement {
            return Ok(None);
        }
        chart.set_arrangement(arrangement);
        return Ok(Some(ChartUndo::Arrangement(old)));
    }
    let Some(ids) = touched(chart, &edit) else {
        let Edit::ReplaceChart(new) = edit else {
            unreachable!("only a replacement touches the whole chart")
        };
        if new == *chart {
            return Ok(None);
        }
        let old = std::mem::replace(chart, new);
        return Ok(Some(ChartUndo::Whole(Box::new(old))));
    };
    let before = chart.capture(ids);
    if let Err(e) = apply_to(chart, edit) {
        chart.restore(&before);
        return Err(e);
    }
    if chart.recapture(&before) == before {
        return Ok(None);
    }
    Ok(Some(ChartUndo::Patch(before)))
}

/// The leaders an edit may change (its own fields, or the lines coming
/// into it); `None` for an edit that replaces the whole chart.
fn touched(chart: &OrgChart, edit: &Edit) -> Option<Vec<LeaderId>> {
    let ids = match edit {
        Edit::SetManager { report: id, .. }
        | Edit::AddDotted { report: id, .. }
        | Edit::MoveCard { id, .. }
        | Edit::SetLetter { leader: id, .. }
        | Edit::SetCollapsed { id, .. } => vec![id.clone()],
        Edit::RemoveLine(line) => vec![line.report.clone()],
        Edit::AddLeader { leader, .. } | Edit::UpdateLeader(leader) => vec![leader.id.clone()],
        Edit::RemoveLeader(id) => {
            // The reports move up; dotted lines from the leader go.
            let mut ids = vec![id.clone()];
            ids.extend(chart.lines_out(id));
            ids
        }
        Edit::Reveal(id) => chart.chain_above(id),
        Edit::ExpandAll => collapsed(chart),
        Edit::CollapseToLevel(levels) => {
            let mut ids = collapsed(chart);
            ids.extend(fold_set(chart, *levels));
            ids
        }
        Edit::AutoLayout => chart
            .leaders()
            .filter(|l| l.pinned.is_some())
            .map(|l| l.id.clone())
            .collect(),
        // Handled before: not a change to leaders.
        Edit::SetArrangement(_) => Vec::new(),
        Edit::ReplaceChart(_) => return None,
    };
    Some(ids)
}

fn collapsed(chart: &OrgChart) -> Vec<LeaderId> {
    chart
        .leaders()
        .filter(|l| l.collapsed)
        .map(|l| l.id.clone())
        .collect()
}
