//! Unit tests of `diff`.

use super::*;
use crate::core::presets;

fn texts(d: &ModelDiff) -> Vec<&str> {
    d.sentences.iter().map(|s| s.text.as_str()).collect()
}

#[test]
fn a_model_compared_with_itself_is_empty() {
    for p in presets::PRESETS {
        let m = presets::model(p.id).unwrap();
        let d = diff(&m, &m);
        assert!(d.is_empty(), "{}: {:?}", p.id, texts(&d));
        assert_eq!(d.sentences.len(), 1, "only the summary");
    }
}

fn hand_made(security_holder: &str) -> Model {
    use crate::core::model::{Leader, Role};
    let mut chart = OrgChart::new();
    let ceo = LeaderId::new("ceo");
    for (id, role) in [("ceo", Role::Ceo), ("cio", Role::Cio), ("ciso", Role::Ciso)] {
        let mut leader = Leader::new(id, role, id.to_uppercase());
        if id == security_holder {
            leader = leader.with_responsibilities(["Information security"]);
        }
        chart.add_leader(leader).unwrap();
        if id != "ceo" {
            chart.set_manager(&LeaderId::new(id), Some(&ceo)).unwrap();
        }
    }
    Model {
        id: security_holder.into(),
        title: format!("{security_holder}: security"),
        description: String::new(),
        preset: None,
        chart,
    }
}

#[test]
fn a_responsibility_that_changes_hands_moves() {
    let d = diff(&hand_made("cio"), &hand_made("ciso"));
    assert_eq!(
        texts(&d),
        [
            "Information security moves from CIO to CISO.",
            "ciso leaves every conflict and gap as it was."
        ]
    );
    assert_eq!(
        d.sentences[0].left,
        [LeaderId::new("cio"), LeaderId::new("ciso")]
    );
    assert_eq!(d.right_marks[&LeaderId::new("ciso")], [Mark::Gained(1)]);
    assert_eq!(d.left_marks[&LeaderId::new("cio")], [Mark::Lost(1)]);
}

#[test]
fn diff_is_deterministic_and_symmetric_in_what_it_finds() {
    let ids: Vec<&str> = presets::PRESETS.iter().map(|p| p.id).collect();
    for a in &ids {
        for b in &ids {
            let (ma, mb) = (presets::model(a).unwrap(), presets::model(b).unwrap());
            let forth = diff(&ma, &mb);
            assert_eq!(forth, diff(&ma, &mb), "{a} -> {b} is deterministic");
            let back = diff(&mb, &ma);
            assert_eq!(forth.sentences.len(), back.sentences.len(), "{a} <-> {b}");
            assert_eq!(
                forth.left_marks.len(),
                back.right_marks.len(),
                "{a} <-> {b}"
            );
            assert_eq!(
                forth.resolved_conflicts, back.opened_conflicts,
                "{a} <-> {b}"
            );
            assert_eq!(forth.opened_gaps, back.closed_gaps, "{a} <-> {b}");
            let added = |d: &ModelDiff| {
                d.right_marks
                    .values()
                    .filter(|m| m.contains(&Mark::Added))
                    .count()
            };
            let removed = |d: &ModelDiff| {
                d.left_marks
                    .values()
                    .filter(|m| m.contains(&Mark::Removed))
                    .count()
            };
            assert_eq!(added(&forth), removed(&back), "{a} <-> {b}");
        }
    }
}

#[test]
fn traditional_against_software_company_reverses_cio_and_cto() {
    let a = presets::model("traditional").unwrap();
    let b = presets::model("software-company").unwrap();
    let d = diff(&a, &b);
    let t = texts(&d);
    assert_eq!(
        t[0],
        "The reporting line between CIO and CTO is reversed: CIO now reports to CTO."
    );
    assert!(t.contains(&"CISO now reports to CTO (was CIO)."), "{t:#?}");
    assert!(t.contains(&"CTO takes on technology strategy."), "{t:#?}");
    assert_eq!(d.right_marks[&LeaderId::new("cio")], [Mark::Moved]);
}
