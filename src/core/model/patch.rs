//! A part of a chart kept to put back later: the unit of undo.
//!
//! An edit touches a few leaders (one moved, one renamed; a removed leader
//! and the reports that moved up). Keeping those leaders as they were, with
//! the lines that come into them, is enough to undo the edit, and costs a
//! few leaders instead of a copy of the whole chart: fifty edits of a
//! 100,000-leader chart keep fifty small patches, not fifty charts. Putting
//! a patch back returns the state it replaces, which is the redo.

use petgraph::Direction;
use petgraph::visit::EdgeRef;

use super::{Leader, LeaderId, LineKind, Node, OrgChart};

/// Some leaders of a chart as they were, each with the lines coming into
/// it; a leader that did not exist is kept as `None`.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartPatch {
    entries: Vec<(LeaderId, Option<Kept>)>,
}

/// One leader as it was.
#[derive(Clone, Debug, PartialEq)]
struct Kept {
    /// Its place in the order leaders were added (sibling order).
    seq: u64,
    leader: Leader,
    /// Who it reports to, directly and by dotted lines, sorted.
    incoming: Vec<(LeaderId, LineKind)>,
}

impl ChartPatch {
    /// How many leaders it keeps.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when it keeps no leader.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl OrgChart {
    /// The leaders `ids` as they are now (each once), with the lines into
    /// them: what [`OrgChart::restore`] puts back.
    pub fn capture(&self, ids: impl IntoIterator<Item = LeaderId>) -> ChartPatch {
        let mut seen = crate::core::fast::HashSet::default();
        let entries = ids
            .into_iter()
            .filter(|id| seen.insert(id.clone()))
            .map(|id| {
                let kept = self.by_id.get(&id).map(|&ix| {
                    let mut incoming: Vec<(LeaderId, LineKind)> = self
                        .graph
                        .edges_directed(ix, Direction::Incoming)
                        .map(|e| (self.graph[e.source()].leader.id.clone(), *e.weight()))
                        .collect();
                    incoming.sort();
                    Kept {
                        seq: self.graph[ix].seq,
                        leader: self.graph[ix].leader.clone(),
                        incoming,
                    }
                });
                (id, kept)
            })
            .collect();
        ChartPatch { entries }
    }

    /// Everyone a line from `id` goes to (direct reports and dotted).
    pub fn lines_out(&self, id: &LeaderId) -> Vec<LeaderId> {
        let Some(&ix) = self.by_id.get(id) else {
            return Vec::new();
        };
        self.graph
            .edges_directed(ix, Direction::Outgoing)
            .map(|e| self.graph[e.target()].leader.id.clone())
            .collect()
    }

    /// The same leaders as `patch` keeps, as they are now.
    pub fn recapture(&self, patch: &ChartPatch) -> ChartPatch {
        self.capture(patch.entries.iter().map(|(id, _)| id.clone()))
    }

    /// Puts the leaders of `patch` back as they were: a leader that did not
    /// exist goes, one that did comes back (in its old place among its
    /// siblings) with its fields and the lines that came into it. Returns
    /// the patch that undoes this (the same leaders as they were before).
    pub fn restore(&mut self, patch: &ChartPatch) -> ChartPatch {
        let redo = self.recapture(patch);
        for (id, kept) in &patch.entries {
            match kept {
                None => {
                    if let Some(ix) = self.by_id.remove(id) {
                        self.graph.remove_node(ix);
                    }
                }
                Some(kept) => self.put_node(kept),
            }
        }
        // Lines last: a line may come from a leader put back just now.
        for kept in patch.entries.iter().filter_map(|(_, k)| k.as_ref()) {
            let ix = self.by_id[&kept.leader.id];
            let old: Vec<_> = self
                .graph
                .edges_directed(ix, Direction::Incoming)
                .map(|e| e.id())
                .collect();
            for edge in old {
                self.graph.remove_edge(edge);
            }
            for (from, kind) in &kept.incoming {
                if let Some(&from) = self.by_id.get(from) {
                    self.graph.add_edge(from, ix, *kind);
                }
            }
        }
        redo
    }

    fn put_node(&mut self, kept: &Kept) {
        let node = Node {
            seq: kept.seq,
            leader: kept.leader.clone(),
        };
        self.next_seq = self.next_seq.max(kept.seq + 1);
        if let Some(&ix) = self.by_id.get(&kept.leader.id) {
            self.graph[ix] = node;
        } else {
            let ix = self.graph.add_node(node);
            self.by_id.insert(kept.leader.id.clone(), ix);
        }
    }
}
