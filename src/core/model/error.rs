//! Why an edit of the chart was refused, in words a user reads.

use super::LeaderId;

/// Why an edit of the chart was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ChartError {
    /// No leader has this id.
    #[error("there is no leader with id \"{0}\"")]
    UnknownLeader(LeaderId),
    /// Two leaders would share an id.
    #[error("two leaders have the id \"{0}\"")]
    DuplicateId(LeaderId),
    /// A line from a leader to themself.
    #[error("{0} cannot report to themself")]
    SelfLine(String),
    /// The leader already has a direct manager.
    #[error("{report} already reports directly to {manager}")]
    SecondDirectManager {
        /// Name of the report.
        report: String,
        /// Name of the existing manager.
        manager: String,
    },
    /// A direct line that would close a loop; `path` runs from the would-be
    /// manager up to the report.
    #[error("{}", cycle_message(.manager, .report, .path))]
    Cycle {
        /// Name of the leader who would become the manager.
        manager: String,
        /// Name of the leader who would become the report.
        report: String,
        /// Names from `manager` up the chain to `report`, both included.
        path: Vec<String>,
    },
    /// The dotted line already exists.
    #[error("{report} already has a dotted line to {manager}")]
    DuplicateDotted {
        /// Name of the report.
        report: String,
        /// Name of the manager.
        manager: String,
    },
    /// The line asked for does not exist.
    #[error("there is no such reporting line")]
    NoSuchLine,
    /// No model has this id.
    #[error("there is no model with id \"{0}\"")]
    UnknownModel(String),
    /// Two models would share an id.
    #[error("two models have the id \"{0}\"")]
    DuplicateModel(String),
    /// The document's only model cannot go.
    #[error("a workspace keeps at least one model")]
    LastModel,
    /// The storyboard has no scene with this number (1 for the first).
    #[error("the storyboard has no scene {0}")]
    NoSuchScene(usize),
}

/// "CISO already reports to CEO through CIO, so CEO cannot report to CISO".
fn cycle_message(manager: &str, report: &str, path: &[String]) -> String {
    let between = path
        .get(1..path.len().saturating_sub(1))
        .unwrap_or_default();
    let via = if between.is_empty() {
        String::new()
    } else {
        format!(" through {}", between.join(", "))
    };
    format!("{manager} already reports to {report}{via}, so {report} cannot report to {manager}")
}
