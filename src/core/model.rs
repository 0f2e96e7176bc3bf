//! The org chart of one model: leaders and the reporting lines between them.
//!
//! Leaders live in a petgraph `StableDiGraph`; an edge points from a manager to a
//! report and says whether the line is direct or dotted. The invariants are kept
//! here and nowhere else: ids are unique, each leader has at most one direct
//! manager, and direct lines never form a cycle. Every mutating method checks
//! them and returns a [`ChartError`] naming the problem instead of breaking them.

use std::collections::HashMap;
use std::fmt;

use emath::Pos2;
use petgraph::Direction;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use serde::{Deserialize, Serialize};

/// A leader's stable identifier, unique within a model (e.g. `"cio"`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LeaderId(pub String);

impl LeaderId {
    /// Makes an id from anything string-like.
    pub fn new(id: impl Into<String>) -> Self {
        Self(id.into())
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for LeaderId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The kind of executive a leader is; drives the card's colour and badge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    /// Chief executive officer.
    #[serde(rename = "CEO")]
    Ceo,
    /// Chief information officer.
    #[serde(rename = "CIO")]
    Cio,
    /// Chief technology officer.
    #[serde(rename = "CTO")]
    Cto,
    /// Chief information security officer.
    #[serde(rename = "CISO")]
    Ciso,
    /// Chief digital officer.
    #[serde(rename = "CDO")]
    Cdo,
    /// Chief digital and information officer (a dual role).
    #[serde(rename = "CDIO")]
    Cdio,
    /// A vice president.
    #[serde(rename = "VP")]
    Vp,
    /// Anyone else.
    #[serde(rename = "Other")]
    Other,
}

impl Role {
    /// Every role, in the order the inspector offers them.
    pub const ALL: [Self; 8] = [
        Self::Ceo,
        Self::Cio,
        Self::Cto,
        Self::Ciso,
        Self::Cdo,
        Self::Cdio,
        Self::Vp,
        Self::Other,
    ];

    /// The short badge text, as written in files.
    pub fn badge(self) -> &'static str {
        match self {
            Self::Ceo => "CEO",
            Self::Cio => "CIO",
            Self::Cto => "CTO",
            Self::Ciso => "CISO",
            Self::Cdo => "CDO",
            Self::Cdio => "CDIO",
            Self::Vp => "VP",
            Self::Other => "Other",
        }
    }
}

/// The kind of a reporting line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LineKind {
    /// The one line a leader reports through; drawn solid.
    Direct,
    /// A secondary (matrix, advisory) line; drawn dashed.
    Dotted,
}

/// A leader's part in a responsibility (the RACI letters).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Raci {
    /// Does the work.
    #[serde(rename = "R")]
    Responsible,
    /// Owns the outcome; by the rule of one accountable owner, exactly one
    /// leader should hold each responsibility with this letter.
    #[default]
    #[serde(rename = "A")]
    Accountable,
    /// Is asked before.
    #[serde(rename = "C")]
    Consulted,
    /// Is told after.
    #[serde(rename = "I")]
    Informed,
}

impl Raci {
    /// Every letter, in the order a click cycles them.
    pub const ALL: [Self; 4] = [
        Self::Accountable,
        Self::Responsible,
        Self::Consulted,
        Self::Informed,
    ];

    /// The letter.
    pub fn letter(self) -> &'static str {
        match self {
            Self::Responsible => "R",
            Self::Accountable => "A",
            Self::Consulted => "C",
            Self::Informed => "I",
        }
    }

    /// The word, for tooltips and sentences.
    pub fn word(self) -> &'static str {
        match self {
            Self::Responsible => "responsible",
            Self::Accountable => "accountable",
            Self::Consulted => "consulted",
            Self::Informed => "informed",
        }
    }

    /// The next letter in the cycle A → R → C → I, and `None` after I (a
    /// click on I removes the assignment).
    pub fn next(self) -> Option<Self> {
        match self {
            Self::Accountable => Some(Self::Responsible),
            Self::Responsible => Some(Self::Consulted),
            Self::Consulted => Some(Self::Informed),
            Self::Informed => None,
        }
    }
}

/// One responsibility a leader holds, with their letter.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Assignment {
    /// The responsibility, a short phrase.
    pub phrase: String,
    /// The leader's part in it.
    pub raci: Raci,
}

impl Assignment {
    /// An assignment with the given letter.
    pub fn new(phrase: impl Into<String>, raci: Raci) -> Self {
        Self {
            phrase: phrase.into(),
            raci,
        }
    }

    /// An accountable assignment (the default letter).
    pub fn accountable(phrase: impl Into<String>) -> Self {
        Self::new(phrase, Raci::Accountable)
    }
}

/// One leader: who they are, what they hold, and where their card was put by hand.
#[derive(Clone, Debug, PartialEq)]
pub struct Leader {
    /// Stable id, unique in the model.
    pub id: LeaderId,
    /// CEO, CIO, ...
    pub role: Role,
    /// The name on the card (presets use the role, e.g. "CIO").
    pub name: String,
    /// The title under the name.
    pub title: String,
    /// Responsibilities (short phrases) with the leader's RACI letter.
    pub responsibilities: Vec<Assignment>,
    /// Chart-space top-left corner of a card placed by hand; `None` follows the
    /// automatic layout.
    pub pinned: Option<Pos2>,
}

impl Leader {
    /// A leader with no responsibilities and no hand-placed position.
    pub fn new(id: impl Into<String>, role: Role, name: impl Into<String>) -> Self {
        Self {
            id: LeaderId::new(id),
            role,
            name: name.into(),
            title: String::new(),
            responsibilities: Vec::new(),
            pinned: None,
        }
    }

    /// Builder: sets the title.
    #[must_use]
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = title.into();
        self
    }

    /// Builder: sets the responsibilities, each accountable (A).
    #[must_use]
    pub fn with_responsibilities<S: Into<String>>(
        mut self,
        items: impl IntoIterator<Item = S>,
    ) -> Self {
        self.responsibilities = items.into_iter().map(Assignment::accountable).collect();
        self
    }

    /// Builder: sets the responsibilities with their letters.
    #[must_use]
    pub fn with_assignments(mut self, items: impl IntoIterator<Item = Assignment>) -> Self {
        self.responsibilities = items.into_iter().collect();
        self
    }

    /// The phrases the leader holds.
    pub fn phrases(&self) -> impl Iterator<Item = &str> {
        self.responsibilities.iter().map(|a| a.phrase.as_str())
    }
}

/// A reporting line as seen from outside the graph.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Line {
    /// The manager end.
    pub manager: LeaderId,
    /// The report end.
    pub report: LeaderId,
    /// Direct or dotted.
    pub kind: LineKind,
}

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

/// One model's leaders and reporting lines.
#[derive(Clone, Debug, Default)]
pub struct OrgChart {
    graph: StableDiGraph<Node, LineKind>,
    by_id: HashMap<LeaderId, NodeIndex>,
    next_seq: u64,
}

/// A graph node: the leader plus the order it was added in, which fixes the
/// order of siblings on the canvas and in files (graph indices are reused).
#[derive(Clone, Debug)]
struct Node {
    seq: u64,
    leader: Leader,
}

impl PartialEq for OrgChart {
    fn eq(&self, other: &Self) -> bool {
        let mine: Vec<_> = self.leaders().collect();
        let theirs: Vec<_> = other.leaders().collect();
        mine == theirs
            && mine
                .iter()
                .all(|l| self.manager_of(&l.id) == other.manager_of(&l.id))
            && self.lines() == other.lines()
    }
}

impl OrgChart {
    /// An empty chart.
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of leaders.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// True when there is no leader.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    fn index(&self, id: &LeaderId) -> Result<NodeIndex, ChartError> {
        self.by_id
            .get(id)
            .copied()
            .ok_or_else(|| ChartError::UnknownLeader(id.clone()))
    }

    /// The leader with this id.
    pub fn leader(&self, id: &LeaderId) -> Option<&Leader> {
        let ix = self.by_id.get(id)?;
        self.graph.node_weight(*ix).map(|n| &n.leader)
    }

    /// True when a leader has this id.
    pub fn contains(&self, id: &LeaderId) -> bool {
        self.by_id.contains_key(id)
    }

    fn name_of(&self, ix: NodeIndex) -> String {
        self.graph[ix].leader.name.clone()
    }

    /// Every leader, in the order they were added.
    pub fn leaders(&self) -> impl Iterator<Item = &Leader> {
        let mut nodes: Vec<&Node> = self.graph.node_weights().collect();
        nodes.sort_by_key(|n| n.seq);
        nodes.into_iter().map(|n| &n.leader)
    }

    /// Adds a leader with no lines. Refuses a duplicate id.
    pub fn add_leader(&mut self, leader: Leader) -> Result<(), ChartError> {
        if self.by_id.contains_key(&leader.id) {
            return Err(ChartError::DuplicateId(leader.id));
        }
        let id = leader.id.clone();
        let seq = self.next_seq;
        self.next_seq += 1;
        let ix = self.graph.add_node(Node { seq, leader });
        self.by_id.insert(id, ix);
        Ok(())
    }

    /// Replaces a leader's fields (role, name, title, responsibilities,
    /// position). The id cannot change.
    pub fn update_leader(&mut self, leader: Leader) -> Result<(), ChartError> {
        let ix = self.index(&leader.id)?;
        self.graph[ix].leader = leader;
        Ok(())
    }

    /// Removes a leader; their direct reports move up to the leader's own
    /// manager (or become roots), and their dotted lines go.
    pub fn remove_leader(&mut self, id: &LeaderId) -> Result<Leader, ChartError> {
        let ix = self.index(id)?;
        let manager = self.direct_manager_index(ix);
        let reports = self.direct_report_indices(ix);
        let node = self
            .graph
            .remove_node(ix)
            .ok_or_else(|| ChartError::UnknownLeader(id.clone()))?;
        self.by_id.remove(id);
        if let Some(manager) = manager {
            for report in reports {
                self.graph.add_edge(manager, report, LineKind::Direct);
            }
        }
        Ok(node.leader)
    }

    fn direct_edge_to(&self, ix: NodeIndex) -> Option<EdgeIndex> {
        self.graph
            .edges_directed(ix, Direction::Incoming)
            .find(|e| *e.weight() == LineKind::Direct)
            .map(|e| e.id())
    }

    fn direct_manager_index(&self, ix: NodeIndex) -> Option<NodeIndex> {
        self.direct_edge_to(ix)
            .and_then(|e| self.graph.edge_endpoints(e))
            .map(|(m, _)| m)
    }

    fn direct_report_indices(&self, ix: NodeIndex) -> Vec<NodeIndex> {
        let mut reports: Vec<NodeIndex> = self
            .graph
            .edges_directed(ix, Direction::Outgoing)
            .filter(|e| *e.weight() == LineKind::Direct)
            .map(|e| e.target())
            .collect();
        reports.sort_by_key(|r| self.graph[*r].seq);
        reports
    }

    /// The direct manager of a leader, if any.
    pub fn manager_of(&self, id: &LeaderId) -> Option<&LeaderId> {
        let ix = self.by_id.get(id)?;
        let manager = self.direct_manager_index(*ix)?;
        Some(&self.graph[manager].leader.id)
    }

    /// A leader's direct reports, in sibling order.
    pub fn reports_of(&self, id: &LeaderId) -> Vec<&LeaderId> {
        let Some(ix) = self.by_id.get(id) else {
            return Vec::new();
        };
        self.direct_report_indices(*ix)
            .into_iter()
            .map(|r| &self.graph[r].leader.id)
            .collect()
    }

    /// Leaders without a direct manager, in order.
    pub fn roots(&self) -> Vec<&LeaderId> {
        self.leaders()
            .filter(|l| self.manager_of(&l.id).is_none())
            .map(|l| &l.id)
            .collect()
    }

    /// Every reporting line, sorted.
    pub fn lines(&self) -> Vec<Line> {
        let mut lines: Vec<Line> = self
            .graph
            .edge_references()
            .map(|e| Line {
                manager: self.graph[e.source()].leader.id.clone(),
                report: self.graph[e.target()].leader.id.clone(),
                kind: *e.weight(),
            })
            .collect();
        lines.sort();
        lines
    }

    /// Dotted lines only, sorted.
    pub fn dotted_lines(&self) -> Vec<Line> {
        let mut lines = self.lines();
        lines.retain(|l| l.kind == LineKind::Dotted);
        lines
    }

    /// The chain of direct managers above a leader, nearest first. Stops if it
    /// ever meets a leader twice, so it ends even on a corrupt graph.
    pub fn chain_above(&self, id: &LeaderId) -> Vec<LeaderId> {
        let mut chain = Vec::new();
        let Some(mut ix) = self.by_id.get(id).copied() else {
            return chain;
        };
        let mut seen = std::collections::HashSet::new();
        seen.insert(ix);
        while let Some(manager) = self.direct_manager_index(ix) {
            if !seen.insert(manager) {
                break;
            }
            chain.push(self.graph[manager].leader.id.clone());
            ix = manager;
        }
        chain
    }

    /// Checks that `report` may report directly to `manager` (replacing any
    /// current direct manager) without closing a loop.
    pub fn check_reparent(&self, report: &LeaderId, manager: &LeaderId) -> Result<(), ChartError> {
        let report_ix = self.index(report)?;
        let manager_ix = self.index(manager)?;
        if report_ix == manager_ix {
            return Err(ChartError::SelfLine(self.name_of(report_ix)));
        }
        // Walk up from the would-be manager: meeting the report means the report
        // is already above the manager.
        let mut path = vec![manager_ix];
        let mut ix = manager_ix;
        while let Some(up) = self.direct_manager_index(ix) {
            path.push(up);
            if up == report_ix {
                return Err(ChartError::Cycle {
                    manager: self.name_of(manager_ix),
                    report: self.name_of(report_ix),
                    path: path.into_iter().map(|p| self.name_of(p)).collect(),
                });
            }
            if path.len() > self.len() {
                break;
            }
            ix = up;
        }
        Ok(())
    }

    /// Makes `report` report directly to `manager` (or to nobody), replacing
    /// the current direct line. Refuses a loop. A dotted line between the same
    /// two leaders is replaced by the direct one.
    pub fn set_manager(
        &mut self,
        report: &LeaderId,
        manager: Option<&LeaderId>,
    ) -> Result<(), ChartError> {
        let report_ix = self.index(report)?;
        if let Some(manager) = manager {
            self.check_reparent(report, manager)?;
        }
        if let Some(edge) = self.direct_edge_to(report_ix) {
            self.graph.remove_edge(edge);
        }
        if let Some(manager) = manager {
            let manager_ix = self.index(manager)?;
            if let Some(dotted) = self.graph.find_edge(manager_ix, report_ix) {
                self.graph.remove_edge(dotted);
            }
            self.graph.add_edge(manager_ix, report_ix, LineKind::Direct);
        }
        Ok(())
    }

    /// Adds a direct line that the caller has already checked: both ends
    /// exist, the report has no direct manager and no loop is closed. The file
    /// loader checks a whole model in linear time and then links it with this.
    pub(crate) fn attach_validated(&mut self, manager: &LeaderId, report: &LeaderId) {
        if let (Some(&m), Some(&r)) = (self.by_id.get(manager), self.by_id.get(report)) {
            self.graph.add_edge(m, r, LineKind::Direct);
        }
    }

    /// Adds a direct line; refuses if the report already has a direct manager.
    pub fn add_direct(&mut self, manager: &LeaderId, report: &LeaderId) -> Result<(), ChartError> {
        let report_ix = self.index(report)?;
        if let Some(current) = self.direct_manager_index(report_ix) {
            return Err(ChartError::SecondDirectManager {
                report: self.name_of(report_ix),
                manager: self.name_of(current),
            });
        }
        self.set_manager(report, Some(manager))
    }

    /// Adds a dotted line from `manager` to `report`.
    pub fn add_dotted(&mut self, manager: &LeaderId, report: &LeaderId) -> Result<(), ChartError> {
        let manager_ix = self.index(manager)?;
        let report_ix = self.index(report)?;
        if manager_ix == report_ix {
            return Err(ChartError::SelfLine(self.name_of(report_ix)));
        }
        if self.graph.find_edge(manager_ix, report_ix).is_some() {
            return Err(ChartError::DuplicateDotted {
                report: self.name_of(report_ix),
                manager: self.name_of(manager_ix),
            });
        }
        self.graph.add_edge(manager_ix, report_ix, LineKind::Dotted);
        Ok(())
    }

    /// Removes a line. Removing a direct line makes the report a root.
    pub fn remove_line(&mut self, line: &Line) -> Result<(), ChartError> {
        let manager_ix = self.index(&line.manager)?;
        let report_ix = self.index(&line.report)?;
        let edge = self
            .graph
            .edges_connecting(manager_ix, report_ix)
            .find(|e| *e.weight() == line.kind)
            .map(|e| e.id())
            .ok_or(ChartError::NoSuchLine)?;
        self.graph.remove_edge(edge);
        Ok(())
    }

    /// An id not used by any leader, built from `stem` (e.g. "vp-3").
    pub fn fresh_id(&self, stem: &str) -> LeaderId {
        let stem = if stem.is_empty() { "leader" } else { stem };
        let plain = LeaderId::new(stem);
        if !self.contains(&plain) {
            return plain;
        }
        // Of len + 1 candidates at least one is free.
        (2..=self.len() + 2)
            .map(|n| LeaderId::new(format!("{stem}-{n}")))
            .find(|id| !self.contains(id))
            .unwrap_or(plain)
    }

    /// The part of the chart from `root` down: `root` and everyone below it
    /// by direct lines, with the lines among them.
    #[must_use]
    pub fn subtree(&self, root: &LeaderId) -> OrgChart {
        let mut keep = std::collections::HashSet::new();
        let mut stack = vec![root.clone()];
        while let Some(id) = stack.pop() {
            if keep.insert(id.clone()) {
                stack.extend(self.reports_of(&id).into_iter().cloned());
            }
        }
        let mut part = self.clone();
        let outside: Vec<LeaderId> = self
            .leaders()
            .filter(|l| !keep.contains(&l.id))
            .map(|l| l.id.clone())
            .collect();
        for id in outside {
            // Removing a leader moves its reports up; every outsider goes,
            // so only the subtree is left, `root` at its top.
            let _ = part.remove_leader(&id);
        }
        part
    }

    /// Sets or clears the hand-placed position of a card.
    pub fn set_pinned(&mut self, id: &LeaderId, at: Option<Pos2>) -> Result<(), ChartError> {
        let ix = self.index(id)?;
        self.graph[ix].leader.pinned = at;
        Ok(())
    }

    /// Clears every hand-placed position, so the automatic layout places all.
    pub fn clear_pins(&mut self) {
        for node in self.graph.node_weights_mut() {
            node.leader.pinned = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart() -> OrgChart {
        let mut c = OrgChart::new();
        for (id, role) in [
            ("ceo", Role::Ceo),
            ("cio", Role::Cio),
            ("cto", Role::Cto),
            ("ciso", Role::Ciso),
        ] {
            c.add_leader(Leader::new(id, role, id.to_uppercase()))
                .unwrap();
        }
        let id = LeaderId::new;
        c.add_direct(&id("ceo"), &id("cio")).unwrap();
        c.add_direct(&id("ceo"), &id("cto")).unwrap();
        c.add_direct(&id("cio"), &id("ciso")).unwrap();
        c
    }

    #[test]
    fn reparent_moves_the_direct_line() {
        let mut c = chart();
        let id = LeaderId::new;
        c.set_manager(&id("cto"), Some(&id("cio"))).unwrap();
        assert_eq!(c.manager_of(&id("cto")), Some(&id("cio")));
        assert_eq!(c.reports_of(&id("cio")), vec![&id("cto"), &id("ciso")]);
        assert_eq!(c.reports_of(&id("ceo")), vec![&id("cio")]);
    }

    #[test]
    fn cycle_is_refused_with_the_chain_named() {
        let mut c = chart();
        let id = LeaderId::new;
        let before = c.clone();
        let err = c.set_manager(&id("cio"), Some(&id("ciso"))).unwrap_err();
        assert_eq!(
            err.to_string(),
            "CISO already reports to CIO, so CIO cannot report to CISO"
        );
        assert_eq!(c, before);
        let err = c.set_manager(&id("ceo"), Some(&id("ciso"))).unwrap_err();
        assert!(matches!(err, ChartError::Cycle { ref path, .. } if path.len() == 3));
        assert_eq!(
            err.to_string(),
            "CISO already reports to CEO through CIO, so CEO cannot report to CISO"
        );
    }

    #[test]
    fn second_direct_manager_is_refused() {
        let mut c = chart();
        let id = LeaderId::new;
        let err = c.add_direct(&id("cto"), &id("ciso")).unwrap_err();
        assert_eq!(err.to_string(), "CISO already reports directly to CIO");
    }

    #[test]
    fn self_lines_and_duplicates_are_refused() {
        let mut c = chart();
        let id = LeaderId::new;
        assert!(matches!(
            c.set_manager(&id("cto"), Some(&id("cto"))),
            Err(ChartError::SelfLine(_))
        ));
        assert!(matches!(
            c.add_leader(Leader::new("cto", Role::Cto, "x")),
            Err(ChartError::DuplicateId(_))
        ));
        c.add_dotted(&id("cto"), &id("ciso")).unwrap();
        assert!(matches!(
            c.add_dotted(&id("cto"), &id("ciso")),
            Err(ChartError::DuplicateDotted { .. })
        ));
    }

    #[test]
    fn removing_a_leader_moves_reports_up() {
        let mut c = chart();
        let id = LeaderId::new;
        c.add_dotted(&id("cto"), &id("cio")).unwrap();
        c.remove_leader(&id("cio")).unwrap();
        assert_eq!(c.manager_of(&id("ciso")), Some(&id("ceo")));
        assert!(c.dotted_lines().is_empty());
        assert_eq!(c.len(), 3);
        // Indices are reused by petgraph; the order of leaders is not.
        c.add_leader(Leader::new("vp", Role::Vp, "VP")).unwrap();
        let order: Vec<_> = c.leaders().map(|l| l.id.as_str()).collect();
        assert_eq!(order, ["ceo", "cto", "ciso", "vp"]);
    }

    #[test]
    fn removing_a_direct_line_makes_a_root() {
        let mut c = chart();
        let id = LeaderId::new;
        let line = Line {
            manager: id("ceo"),
            report: id("cto"),
            kind: LineKind::Direct,
        };
        c.remove_line(&line).unwrap();
        assert_eq!(c.roots(), vec![&id("ceo"), &id("cto")]);
        assert_eq!(c.remove_line(&line), Err(ChartError::NoSuchLine));
    }

    #[test]
    fn a_subtree_keeps_a_leader_and_everyone_below() {
        let c = chart();
        let id = LeaderId::new;
        let part = c.subtree(&id("cio"));
        let ids: Vec<_> = part.leaders().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, ["cio", "ciso"]);
        assert_eq!(part.roots(), vec![&id("cio")]);
        assert_eq!(part.manager_of(&id("ciso")), Some(&id("cio")));
    }

    #[test]
    fn fresh_ids_do_not_collide() {
        let c = chart();
        assert_eq!(c.fresh_id("vp").as_str(), "vp");
        assert_eq!(c.fresh_id("cto").as_str(), "cto-2");
    }

    #[test]
    fn chain_above_lists_managers() {
        let c = chart();
        let id = LeaderId::new;
        assert_eq!(c.chain_above(&id("ciso")), vec![id("cio"), id("ceo")]);
    }
}
