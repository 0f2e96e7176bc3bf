//! What changes in who holds each responsibility, and with which letter.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use super::{Mark, ModelDiff, Sentence, Sides, mark, sentence};
use crate::core::analysis;
use crate::core::model::{LeaderId, OrgChart, Raci};
use crate::core::text::visible;
use crate::core::wording::{capitalise, name_list};

/// phrase key → (first spelling, holders with letters), holders seen from
/// the second model.
type Holdings = BTreeMap<String, (String, BTreeMap<Holder, Raci>)>;

/// The chart's holdings ([`analysis::holdings`]) with holders mapped by `to_b`.
fn holdings(chart: &OrgChart, to_b: impl Fn(&LeaderId) -> Holder) -> Holdings {
    analysis::holdings(chart)
        .into_iter()
        .map(|(key, h)| {
            let holders = h
                .holders
                .iter()
                .map(|(id, raci)| (to_b(id), *raci))
                .collect();
            (key, (h.phrase, holders))
        })
        .collect()
}

/// A holder seen from the second model.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Holder {
    /// A leader of the first model with no match in the second: their id
    /// in the first.
    OnlyInA(LeaderId),
    /// A leader of the second model (matched, or only there).
    InB(LeaderId),
}

impl Sides<'_> {
    /// A leader of the first model as seen from the second.
    pub(super) fn to_b(&self, id: &LeaderId) -> Holder {
        self.pairs
            .get(id)
            .map_or_else(|| Holder::OnlyInA(id.clone()), |r| Holder::InB(r.clone()))
    }

    pub(super) fn holder_name(&self, h: &Holder) -> String {
        match h {
            Holder::InB(id) => self.name_b(id),
            Holder::OnlyInA(id) => self.name_a(id),
        }
    }

    /// The leaders on each side that a set of holders names.
    pub(super) fn holder_ids(&self, holders: &[&Holder]) -> (Vec<LeaderId>, Vec<LeaderId>) {
        let left = holders
            .iter()
            .filter_map(|h| match h {
                Holder::InB(id) => self.back.get(id).cloned(),
                Holder::OnlyInA(id) => Some(id.clone()),
            })
            .collect();
        let right = holders
            .iter()
            .filter_map(|h| match h {
                Holder::InB(id) => Some(id.clone()),
                Holder::OnlyInA(_) => None,
            })
            .collect();
        (left, right)
    }

    /// The holders' names, the first few and "and N more" for a long list.
    fn names(&self, holders: &[&Holder]) -> String {
        name_list(
            holders.iter().map(|h| Cow::Owned(self.holder_name(h))),
            holders.len(),
        )
    }
}

/// The sentences for one responsibility: who takes it on, gives it up, or
/// whose letter changes.
fn phrase_sentences(
    s: &Sides<'_>,
    phrase: &str,
    was: &BTreeMap<Holder, Raci>,
    now: &BTreeMap<Holder, Raci>,
) -> Vec<Sentence> {
    let losers: Vec<&Holder> = was.keys().filter(|h| !now.contains_key(h)).collect();
    let winners: Vec<&Holder> = now.keys().filter(|h| !was.contains_key(h)).collect();
    let mut out = Vec::new();
    let text = match (losers.is_empty(), winners.is_empty()) {
        (false, false) => Some(format!(
            "{} moves from {} to {}.",
            capitalise(phrase),
            s.names(&losers),
            s.names(&winners)
        )),
        (true, false) => Some(format!(
            "{} {} on {phrase}.",
            s.names(&winners),
            if winners.len() == 1 { "takes" } else { "take" }
        )),
        (false, true) => Some(format!(
            "{} {} up {phrase}.",
            s.names(&losers),
            if losers.len() == 1 { "gives" } else { "give" }
        )),
        (true, true) => None,
    };
    if let Some(text) = text {
        let mut all = losers.clone();
        all.extend(winners.iter().copied());
        let (left, right) = s.holder_ids(&all);
        out.push(sentence(text, left, right));
    }
    for (h, letter) in now {
        if let Some(old) = was.get(h)
            && old != letter
        {
            let (left, right) = s.holder_ids(&[h]);
            let text = format!(
                "{} becomes {} ({}) for {phrase} (was {}).",
                s.holder_name(h),
                letter.word(),
                letter.letter(),
                old.word()
            );
            out.push(sentence(text, left, right));
        }
    }
    out
}

pub(super) fn responsibility_changes(s: &Sides<'_>, out: &mut ModelDiff) {
    let before = holdings(&s.a.chart, |id| s.to_b(id));
    let after = holdings(&s.b.chart, |id| Holder::InB(id.clone()));
    let keys: BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    let mut gained: BTreeMap<LeaderId, usize> = BTreeMap::new();
    let mut lost: BTreeMap<Holder, usize> = BTreeMap::new();
    let empty = BTreeMap::new();
    for key in keys {
        let (spelled_was, was) = before
            .get(key)
            .map_or(("", &empty), |(p, h)| (p.as_str(), h));
        let (spelled_now, now) = after
            .get(key)
            .map_or(("", &empty), |(p, h)| (p.as_str(), h));
        let phrase = visible(if spelled_now.is_empty() {
            spelled_was
        } else {
            spelled_now
        });
        for h in was.keys().filter(|h| !now.contains_key(h)) {
            *lost.entry(h.clone()).or_default() += 1;
        }
        for h in now.keys().filter(|h| !was.contains_key(h)) {
            if let Holder::InB(id) = h {
                *gained.entry(id.clone()).or_default() += 1;
            }
        }
        out.sentences.extend(phrase_sentences(s, &phrase, was, now));
    }
    let marked = gained
        .into_iter()
        .map(|(id, n)| (id, Mark::Gained(n)))
        .chain(lost.into_iter().filter_map(|(h, n)| match h {
            Holder::InB(id) => Some((id, Mark::Lost(n))),
            Holder::OnlyInA(_) => None,
        }));
    for (id, m) in marked {
        if let Some(left) = s.back.get(&id) {
            mark(&mut out.left_marks, left, m.clone());
        }
        mark(&mut out.right_marks, &id, m);
    }
}
