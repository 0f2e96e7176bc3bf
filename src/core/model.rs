//! The org chart of one model: leaders and the reporting lines between them.
//!
//! Leaders live in a petgraph `StableDiGraph`; an edge points from a manager to a
//! report and says whether the line is direct or dotted. The invariants are kept
//! here and nowhere else: ids are unique, each leader has at most one direct
//! manager, and direct lines never form a cycle. Every mutating method checks
//! them and returns a [`ChartError`] naming the problem instead of breaking them.

mod error;
mod leader;
mod patch;

use crate::core::fast::HashMap;

use emath::Pos2;
use petgraph::Direction;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};

pub use self::error::ChartError;
pub use self::leader::{Assignment, Leader, LeaderId, Line, LineKind, OPEN_POSITION, Raci, Role};
pub use self::patch::ChartPatch;

/// One model's leaders and reporting lines.
#[derive(Clone, Debug, Default)]
pub struct OrgChart {
    graph: StableDiGraph<Node, LineKind>,
    by_id: HashMap<LeaderId, NodeIndex>,
    next_seq: u64,
    arrangement: Arrangement,
}

/// How a chart lays out the reports of a manager whose reports have no
/// reports of their own.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Arrangement {
    /// In a row (two rows when there are many): the classic chart.
    #[default]
    Wide,
    /// In one column under the manager (two when there are many), joined
    /// by a rail: a chart a third as wide, for pages and slides.
    Stacked,
}

impl Arrangement {
    /// As menus and the file name it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Wide => "Wide rows",
            Self::Stacked => "Stacked columns",
        }
    }
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
            && self.arrangement == other.arrangement
    }
}

impl OrgChart {
    /// An empty chart.
    pub fn new() -> Self {
        Self::default()
    }

    /// How the chart lays out leaf reports.
    pub fn arrangement(&self) -> Arrangement {
        self.arrangement
    }

    /// Sets how the chart lays out leaf reports.
    pub fn set_arrangement(&mut self, arrangement: Arrangement) {
        self.arrangement = arrangement;
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

    /// Every leader in the order they were added, with the position in
    /// that order of each one's direct manager. Read from the graph alone,
    /// without looking up a single id: the way to walk a big chart.
    pub fn tree(&self) -> (Vec<&Leader>, Vec<Option<usize>>) {
        let mut nodes: Vec<NodeIndex> = self.graph.node_indices().collect();
        nodes.sort_by_key(|&ix| self.graph[ix].seq);
        let mut position = vec![usize::MAX; self.graph.node_bound()];
        for (i, ix) in nodes.iter().enumerate() {
            position[ix.index()] = i;
        }
        let parent = nodes
            .iter()
            .map(|&ix| self.direct_manager_index(ix).map(|m| position[m.index()]))
            .collect();
        let leaders = nodes.iter().map(|&ix| &self.graph[ix].leader).collect();
        (leaders, parent)
    }

    /// Makes room for this many more leaders (and as many lines).
    pub fn reserve(&mut self, leaders: usize) {
        self.graph.reserve_nodes(leaders);
        self.graph.reserve_edges(leaders);
        self.by_id.reserve(leaders);
    }

    /// Adds a leader with no lines; refuses an id already taken.
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
        let mut lines: Vec<Line> = self
            .graph
            .edge_references()
            .filter(|e| *e.weight() == LineKind::Dotted)
            .map(|e| Line {
                manager: self.graph[e.source()].leader.id.clone(),
                report: self.graph[e.target()].leader.id.clone(),
                kind: LineKind::Dotted,
            })
            .collect();
        lines.sort();
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

    /// A chart of `leaders` (in this order) with direct lines from each
    /// `parent` index, which the caller has checked: ids unique, parents
    /// in range, no loop. Linear, with no id lookups (file loads and
    /// imports of 100,000 people go through here).
    pub(crate) fn from_checked(leaders: Vec<Leader>, parent: &[Option<usize>]) -> Self {
        let mut chart = Self::new();
        chart.reserve(leaders.len());
        let mut nodes = Vec::with_capacity(leaders.len());
        for leader in leaders {
            let id = leader.id.clone();
            let seq = chart.next_seq;
            chart.next_seq += 1;
            let ix = chart.graph.add_node(Node { seq, leader });
            chart.by_id.insert(id, ix);
            nodes.push(ix);
        }
        for (report, manager) in parent.iter().enumerate() {
            if let (Some(&r), Some(&m)) = (nodes.get(report), manager.and_then(|m| nodes.get(m))) {
                chart.graph.add_edge(m, r, LineKind::Direct);
            }
        }
        chart
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

    /// Folds a leader's reports away, or shows them again.
    pub fn set_collapsed(&mut self, id: &LeaderId, collapsed: bool) -> Result<(), ChartError> {
        let ix = self.index(id)?;
        self.graph[ix].leader.collapsed = collapsed;
        Ok(())
    }

    /// Collapses exactly the leaders `fold` says, expanding every other.
    pub fn collapse_where(&mut self, mut fold: impl FnMut(&Leader) -> bool) {
        for node in self.graph.node_weights_mut() {
            node.leader.collapsed = fold(&node.leader);
        }
    }

    /// Clears every hand-placed position, so the automatic layout places all.
    pub fn clear_pins(&mut self) {
        for node in self.graph.node_weights_mut() {
            node.leader.pinned = None;
        }
    }
}

#[cfg(test)]
mod tests;
