//! What changes between two models, in plain sentences a board can read:
//! who reports to whom, who gains or loses which responsibility, and what
//! that does to ownership (conflicts resolved, gaps opened).
//!
//! Leaders are matched by id, then by role and name. Everything is sorted,
//! so the same two models always give the same sentences.

use std::collections::{BTreeMap, BTreeSet};

use super::fast::{HashMap, HashSet};

use super::analysis::phrase_key;
use super::model::{LeaderId, OrgChart};
use super::text::visible;
use super::wording::{count, shown_name};
use super::workspace::Model;

/// One sentence of the comparison and the leaders it is about, on each side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence.
    pub text: String,
    /// Leaders of the first model it is about.
    pub left: Vec<LeaderId>,
    /// Leaders of the second model it is about.
    pub right: Vec<LeaderId>,
}

/// What kind of change a leader went through; shown as a badge on the card.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mark {
    /// Only in the second model.
    Added,
    /// Only in the first model.
    Removed,
    /// Reports to someone else.
    Moved,
    /// Title (or name, or role) changed.
    Retitled,
    /// Holds this many more responsibilities.
    Gained(usize),
    /// Holds this many fewer.
    Lost(usize),
}

impl Mark {
    /// The badge text.
    pub fn label(&self) -> String {
        match self {
            Self::Added => "new".to_owned(),
            Self::Removed => "removed".to_owned(),
            Self::Moved => "moved".to_owned(),
            Self::Retitled => "retitled".to_owned(),
            Self::Gained(n) => format!("+{n} resp."),
            Self::Lost(n) => format!("-{n} resp."),
        }
    }
}

/// The comparison of two models.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ModelDiff {
    /// Every change, in reading order, the ownership summary last.
    pub sentences: Vec<Sentence>,
    /// Badges for the first model's leaders.
    pub left_marks: BTreeMap<LeaderId, Vec<Mark>>,
    /// Badges for the second model's leaders.
    pub right_marks: BTreeMap<LeaderId, Vec<Mark>>,
    /// Conflicts (several accountable) in the first model that the second resolves.
    pub resolved_conflicts: Vec<String>,
    /// Conflicts the second model opens.
    pub opened_conflicts: Vec<String>,
    /// Gaps (nobody accountable, or nobody at all) the second model closes.
    pub closed_gaps: Vec<String>,
    /// Gaps the second model opens.
    pub opened_gaps: Vec<String>,
}

/// What a comparison says when nothing changes.
pub const NO_CHANGE: &str = "The two models are the same.";

impl ModelDiff {
    /// The first change in words, or [`NO_CHANGE`]: a comparison scene's
    /// default caption.
    pub fn first_change(&self) -> String {
        self.sentences
            .first()
            .map_or_else(|| NO_CHANGE.to_owned(), |s| s.text.clone())
    }

    /// True when the models say the same.
    pub fn is_empty(&self) -> bool {
        self.left_marks.is_empty()
            && self.right_marks.is_empty()
            && self.resolved_conflicts.is_empty()
            && self.opened_conflicts.is_empty()
            && self.closed_gaps.is_empty()
            && self.opened_gaps.is_empty()
            && self
                .sentences
                .iter()
                .all(|s| s.left.is_empty() && s.right.is_empty())
    }
}

/// The change badges of one side's leaders as the cards show them
/// ("moved", "new", "+1 resp."), by leader.
pub fn badge_labels(marks: &BTreeMap<LeaderId, Vec<Mark>>) -> BTreeMap<LeaderId, Vec<String>> {
    marks
        .iter()
        .map(|(id, m)| (id.clone(), m.iter().map(Mark::label).collect()))
        .collect()
}

/// Pairs of leaders that are the same person in both charts: by id, then by
/// role and name (case-insensitive), left id to right id. Hashed: a
/// comparison of two 100,000-leader charts looks ids up millions of times.
pub fn match_leaders(a: &OrgChart, b: &OrgChart) -> HashMap<LeaderId, LeaderId> {
    let mut pairs = HashMap::default();
    let mut taken = HashSet::default();
    for leader in a.leaders() {
        if b.contains(&leader.id) {
            pairs.insert(leader.id.clone(), leader.id.clone());
            taken.insert(leader.id.clone());
        }
    }
    let key = |l: &super::model::Leader| (l.role, phrase_key(&l.name));
    let mut by_key: HashMap<_, Vec<&LeaderId>> = HashMap::default();
    for leader in b.leaders().filter(|l| !taken.contains(&l.id)) {
        by_key.entry(key(leader)).or_default().push(&leader.id);
    }
    let unmatched: Vec<&super::model::Leader> =
        a.leaders().filter(|l| !pairs.contains_key(&l.id)).collect();
    for leader in unmatched {
        if let Some(candidates) = by_key.get_mut(&key(leader))
            && !candidates.is_empty()
        {
            let right = candidates.remove(0);
            pairs.insert(leader.id.clone(), right.clone());
        }
    }
    pairs
}

struct Sides<'a> {
    a: &'a Model,
    b: &'a Model,
    pairs: HashMap<LeaderId, LeaderId>,
    back: HashMap<LeaderId, LeaderId>,
}

impl Sides<'_> {
    fn name_a(&self, id: &LeaderId) -> String {
        shown_name(&self.a.chart, id).into_owned()
    }

    fn name_b(&self, id: &LeaderId) -> String {
        shown_name(&self.b.chart, id).into_owned()
    }

    /// A's manager of `left`, expressed as a B leader where matched.
    fn manager_a_in_b(&self, left: &LeaderId) -> Option<Result<LeaderId, LeaderId>> {
        let manager = self.a.chart.manager_of(left)?;
        Some(
            self.pairs
                .get(manager)
                .cloned()
                .ok_or_else(|| manager.clone()),
        )
    }
}

fn sentence(text: String, left: Vec<LeaderId>, right: Vec<LeaderId>) -> Sentence {
    Sentence { text, left, right }
}

/// Compares two models.
pub fn diff(a: &Model, b: &Model) -> ModelDiff {
    diff_matched(a, b, match_leaders(&a.chart, &b.chart))
}

/// [`diff`] with the leaders already matched ([`match_leaders`]), for a
/// caller that needs the match for something else too.
pub(crate) fn diff_matched(a: &Model, b: &Model, pairs: HashMap<LeaderId, LeaderId>) -> ModelDiff {
    let back = pairs.iter().map(|(l, r)| (r.clone(), l.clone())).collect();
    let sides = Sides { a, b, pairs, back };
    let mut out = ModelDiff::default();
    reporting_changes(&sides, &mut out);
    identity_changes(&sides, &mut out);
    responsibility_changes(&sides, &mut out);
    dotted_changes(&sides, &mut out);
    summary::ownership_summary(&sides, &mut out);
    out.left_marks.retain(|_, m| !m.is_empty());
    out.right_marks.retain(|_, m| !m.is_empty());
    for marks in out
        .left_marks
        .values_mut()
        .chain(out.right_marks.values_mut())
    {
        marks.sort();
        marks.dedup();
    }
    out
}

fn mark(map: &mut BTreeMap<LeaderId, Vec<Mark>>, id: &LeaderId, m: Mark) {
    map.entry(id.clone()).or_default().push(m);
}

/// A leader who moved: their id in B and in A, their manager before (as a
/// B leader where matched) and after.
type Move<'b> = (
    &'b LeaderId,
    &'b LeaderId,
    Option<Result<LeaderId, LeaderId>>,
    Option<&'b LeaderId>,
);

fn reporting_changes(s: &Sides<'_>, out: &mut ModelDiff) {
    let reversed = reversals(s, out);
    // Who moved, with their manager before (as a B leader where matched)
    // and after, in B's order.
    let mut moves: Vec<Move<'_>> = Vec::new();
    for leader in s.b.chart.leaders() {
        let right = &leader.id;
        let Some(left) = s.back.get(right) else {
            continue;
        };
        let before = s.manager_a_in_b(left);
        let after = s.b.chart.manager_of(right);
        let same = match (&before, after) {
            (None, None) => true,
            (Some(Ok(m)), Some(n)) => m == n,
            _ => false,
        };
        if !same {
            moves.push((right, left, before, after));
        }
    }
    // Who moves takes their organisation along: said with them, not one
    // sentence per person under them.
    let who_moved: HashSet<LeaderId> = moves.iter().map(|m| m.0.clone()).collect();
    let along = along::moving_along(&s.a.chart, &s.b.chart, &s.back, &who_moved);
    for (right, left, before, after) in moves {
        mark(&mut out.left_marks, left, Mark::Moved);
        mark(&mut out.right_marks, right, Mark::Moved);
        if reversed.contains(right) {
            continue; // said by the reversal sentence
        }
        let was = match &before {
            None => "nobody".to_owned(),
            Some(Ok(m)) => s.name_b(m),
            Some(Err(m)) => s.name_a(m),
        };
        let with = along.get(right).map_or_else(String::new, |&n| {
            format!(", with the {} under them", count(n, "person", "people"))
        });
        let text = match after {
            Some(n) => format!(
                "{} now reports to {} (was {was}){with}.",
                s.name_b(right),
                s.name_b(n)
            ),
            None => format!(
                "{} no longer reports to anyone (was {was}){with}.",
                s.name_b(right)
            ),
        };
        out.sentences
            .push(sentence(text, vec![left.clone()], vec![right.clone()]));
    }
}

/// Reversed lines (x managed y, now y manages x), said first; returns the
/// second model's leaders whose move they explain.
fn reversals(s: &Sides<'_>, out: &mut ModelDiff) -> HashSet<LeaderId> {
    let mut reversed = HashSet::default();
    let mut said = Vec::new();
    for (left_x, right_x) in &s.pairs {
        for left_y in s.a.chart.reports_of(left_x) {
            let Some(right_y) = s.pairs.get(left_y) else {
                continue;
            };
            if s.b.chart.manager_of(right_x) == Some(right_y) {
                reversed.insert(right_x.clone());
                said.push(sentence(
                    format!(
                        "The reporting line between {} and {} is reversed: {} now reports to {}.",
                        s.name_b(right_x),
                        s.name_b(right_y),
                        s.name_b(right_x),
                        s.name_b(right_y)
                    ),
                    vec![left_x.clone(), left_y.clone()],
                    vec![right_x.clone(), right_y.clone()],
                ));
            }
        }
    }
    // In the order of the first model's ids, whatever the map's order.
    said.sort_by(|x, y| x.left[0].cmp(&y.left[0]));
    out.sentences.extend(said);
    reversed
}

fn identity_changes(s: &Sides<'_>, out: &mut ModelDiff) {
    for leader in s.a.chart.leaders().filter(|l| !s.pairs.contains_key(&l.id)) {
        mark(&mut out.left_marks, &leader.id, Mark::Removed);
        out.sentences.push(sentence(
            format!("{} is gone in {}.", s.name_a(&leader.id), s.b.short_title()),
            vec![leader.id.clone()],
            Vec::new(),
        ));
    }
    for leader in s.b.chart.leaders() {
        let right = &leader.id;
        let Some(left) = s.back.get(right) else {
            mark(&mut out.right_marks, right, Mark::Added);
            let under =
                s.b.chart
                    .manager_of(right)
                    .map_or_else(String::new, |m| format!(", reporting to {}", s.name_b(m)));
            out.sentences.push(sentence(
                format!(
                    "{} is new in {}{under}.",
                    s.name_b(right),
                    s.b.short_title()
                ),
                Vec::new(),
                vec![right.clone()],
            ));
            continue;
        };
        let Some(old) = s.a.chart.leader(left) else {
            continue;
        };
        let mut said = Vec::new();
        if old.role != leader.role {
            said.push(format!(
                "is a {} (was {})",
                leader.role.badge(),
                old.role.badge()
            ));
        }
        if old.name != leader.name {
            said.push(format!("was called {}", visible(&old.name)));
        }
        if old.title != leader.title {
            said.push(format!(
                "is titled \"{}\" (was \"{}\")",
                visible(&leader.title),
                visible(&old.title)
            ));
        }
        if !said.is_empty() {
            mark(&mut out.left_marks, left, Mark::Retitled);
            mark(&mut out.right_marks, right, Mark::Retitled);
            out.sentences.push(sentence(
                format!("{} {}.", s.name_b(right), and_list(&said)),
                vec![left.clone()],
                vec![right.clone()],
            ));
        }
    }
}

/// "A", "A and B", "A, B and C".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn dotted_changes(s: &Sides<'_>, out: &mut ModelDiff) {
    let before: BTreeSet<(Holder, Holder)> =
        s.a.chart
            .dotted_lines()
            .into_iter()
            .map(|l| (s.to_b(&l.manager), s.to_b(&l.report)))
            .collect();
    let after: BTreeSet<(Holder, Holder)> =
        s.b.chart
            .dotted_lines()
            .into_iter()
            .map(|l| (Holder::InB(l.manager), Holder::InB(l.report)))
            .collect();
    let name = |e: &Holder| s.holder_name(e);
    let ids = |ends: [&Holder; 2]| s.holder_ids(&ends);
    for (m, r) in after.difference(&before) {
        let (left, right) = ids([m, r]);
        out.sentences.push(sentence(
            format!("A dotted line now runs from {} to {}.", name(m), name(r)),
            left,
            right,
        ));
    }
    for (m, r) in before.difference(&after) {
        let (left, right) = ids([m, r]);
        out.sentences.push(sentence(
            format!("The dotted line from {} to {} is gone.", name(m), name(r)),
            left,
            right,
        ));
    }
}

mod responsibilities;
mod summary;

mod along;
use self::responsibilities::{Holder, responsibility_changes};

#[cfg(test)]
mod tests;
