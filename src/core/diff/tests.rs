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

/// A leader who moves takes their organisation along, said once: the
/// people under them in both, not those they gain.
#[test]
fn a_move_says_how_many_people_move_along() {
    use crate::core::model::{Leader, Role};
    let make = |cio_under: &str, extra_under_cio: bool| {
        let mut chart = OrgChart::new();
        for (id, role) in [
            ("ceo", Role::Ceo),
            ("cio", Role::Cio),
            ("cto", Role::Cto),
            ("v1", Role::Vp),
            ("v2", Role::Vp),
            ("e1", Role::Other),
            ("x", Role::Other),
        ] {
            chart
                .add_leader(Leader::new(id, role, id.to_uppercase()))
                .unwrap();
        }
        let x_under = if extra_under_cio { "cio" } else { "cto" };
        for (report, manager) in [
            ("cio", cio_under),
            ("cto", "ceo"),
            ("v1", "cio"),
            ("v2", "cio"),
            ("e1", "v1"),
            ("x", x_under),
        ] {
            chart
                .set_manager(&LeaderId::new(report), Some(&LeaderId::new(manager)))
                .unwrap();
        }
        Model {
            id: crate::core::workspace::ModelId::new(cio_under),
            title: cio_under.to_owned(),
            description: String::new(),
            preset: None,
            chart,
        }
    };
    let d = diff(&make("ceo", false), &make("cto", true));
    let t = texts(&d);
    // V1, V2 and E1 were under the CIO and still are; X is new to them.
    assert!(
        t.contains(&"CIO now reports to CTO (was CEO), with the 3 people under them."),
        "{t:#?}"
    );
    assert!(t.contains(&"X now reports to CIO (was CTO)."), "{t:#?}");
}
