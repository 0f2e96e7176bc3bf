//! The chart without a pointer: arrow keys walk the reporting lines (up to
//! the manager, down to the first report, left and right among siblings).
//! The keys themselves are in the table of commands (`commands.rs`), with
//! `M` and `L` (the inspector's pickers) and Enter (into the inspector).
//! Tab walks the cards too (they are focusable widgets, and a focused card
//! is selected).

use crate::core::model::{LeaderId, OrgChart};
use crate::core::workspace::Edit;
use crate::ui::canvas::Selection;

use super::ChartroomApp;

/// A step along the reporting lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// To the manager.
    Up,
    /// To the first report (unfolding a folded card).
    Down,
    /// To the previous sibling.
    Left,
    /// To the next sibling.
    Right,
}

/// Where a step from `from` lands; `None` when there is nowhere to go.
pub fn step_from(chart: &OrgChart, from: &LeaderId, step: Step) -> Option<LeaderId> {
    match step {
        Step::Up => chart.manager_of(from).cloned(),
        Step::Down => chart.reports_of(from).first().map(|&id| id.clone()),
        Step::Left | Step::Right => {
            let siblings: Vec<&LeaderId> = match chart.manager_of(from) {
                Some(m) => chart.reports_of(m),
                None => chart.roots(),
            };
            let at = siblings.iter().position(|s| *s == from)?;
            let to = if step == Step::Left {
                at.checked_sub(1)?
            } else {
                at + 1
            };
            siblings.get(to).map(|&id| id.clone())
        }
    }
}

impl ChartroomApp {
    /// Moves the selection one step along the reporting lines; with nothing
    /// selected, selects the first top leader.
    pub fn step(&mut self, step: Step) {
        let Some(chart) = self.current_model().map(|m| &m.chart) else {
            return;
        };
        let target = match &self.selection {
            Some(Selection::Leader(id)) => {
                let folded = chart.leader(id).is_some_and(|l| l.collapsed);
                let target = step_from(chart, id, step);
                if step == Step::Down && folded && target.is_some() {
                    let id = id.clone();
                    self.apply(Edit::SetCollapsed {
                        id,
                        collapsed: false,
                    });
                }
                target
            }
            _ => chart.roots().first().map(|&id| id.clone()),
        };
        if let Some(id) = target {
            self.selection = Some(Selection::Leader(id.clone()));
            if let Some(view) = self.current_view() {
                view.canvas.show_card(id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::presets;

    #[test]
    fn steps_follow_the_reporting_lines() {
        let chart = presets::model("traditional").unwrap().chart;
        let ceo = chart.roots()[0].clone();
        let first = step_from(&chart, &ceo, Step::Down).expect("the CEO has reports");
        assert_eq!(step_from(&chart, &first, Step::Up), Some(ceo.clone()));
        assert_eq!(
            step_from(&chart, &first, Step::Left),
            None,
            "the first sibling"
        );
        let reports = chart.reports_of(&ceo);
        if reports.len() > 1 {
            let second = step_from(&chart, &first, Step::Right).unwrap();
            assert_eq!(&second, reports[1]);
            assert_eq!(step_from(&chart, &second, Step::Left), Some(first));
        }
        assert_eq!(step_from(&chart, &ceo, Step::Up), None);
    }
}
