//! Unit tests of `scenario`.

use super::*;
use crate::core::model::Role;
use crate::core::presets;
use proptest::prelude::*;

/// A small organisation: a CEO, a CIO with a CTO and two engineers
/// under the CTO, and a CFO.
fn org() -> Model {
    let mut chart = OrgChart::new();
    for (id, role, name) in [
        ("p1", Role::Ceo, "Ann Chief"),
        ("p2", Role::Cio, "Bo Info"),
        ("p3", Role::Cto, "Cy Tech"),
        ("p4", Role::Other, "Di Dev"),
        ("p5", Role::Other, "Ed Dev"),
        ("p6", Role::Other, "Flo Finance"),
    ] {
        chart.add_leader(Leader::new(id, role, name)).unwrap();
    }
    for (report, manager) in [
        ("p2", "p1"),
        ("p3", "p2"),
        ("p4", "p3"),
        ("p5", "p3"),
        ("p6", "p1"),
    ] {
        chart
            .set_manager(&LeaderId::new(report), Some(&LeaderId::new(manager)))
            .unwrap();
    }
    Model {
        id: ModelId::new("our-org"),
        title: "Our org".into(),
        description: String::new(),
        preset: None,
        chart,
    }
}

fn casting(pairs: &[(&str, Cast)]) -> Casting {
    Casting {
        cast: pairs
            .iter()
            .map(|(part, cast)| (LeaderId::new(part), cast.clone()))
            .collect(),
        keep_responsibilities: false,
    }
}

fn manager(model: &Model, id: &str) -> Option<String> {
    model
        .chart
        .manager_of(&LeaderId::new(id))
        .map(ToString::to_string)
}

#[test]
fn software_company_moves_the_cio_under_the_cto_with_their_teams() {
    let target = presets::model("software-company").unwrap();
    let cast = casting(&[
        ("ceo", Cast::Person(LeaderId::new("p1"))),
        ("cto", Cast::Person(LeaderId::new("p3"))),
        ("cio", Cast::Person(LeaderId::new("p2"))),
        ("ciso", Cast::Hire),
    ]);
    let baseline = org();
    let got = apply(&baseline, &target, &cast, ModelId::new("s")).unwrap();
    let m = &got.model;
    assert_eq!(m.title, "Our org as Software company");
    assert_eq!(
        manager(m, "p3").as_deref(),
        Some("p1"),
        "the CTO under the CEO"
    );
    assert_eq!(
        manager(m, "p2").as_deref(),
        Some("p3"),
        "the CIO under the CTO"
    );
    assert_eq!(
        manager(m, "p4").as_deref(),
        Some("p3"),
        "the team moves with its leader"
    );
    assert_eq!(manager(m, "p6").as_deref(), Some("p1"), "the CFO stays");
    assert_eq!(got.hired, 1);
    let open: Vec<&Leader> = m.chart.leaders().filter(|l| l.open).collect();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].role, Role::Ciso);
    // The target's CISO reports to the CTO in Software company.
    assert_eq!(
        manager(m, open[0].id.as_str()).as_deref(),
        Some("p3"),
        "the open CISO post under whoever plays the CTO"
    );
    let cto = m.chart.leader(&LeaderId::new("p3")).unwrap();
    let target_cto = target.chart.leader(&LeaderId::new("cto")).unwrap();
    assert_eq!(cto.responsibilities, target_cto.responsibilities);
    assert!(got.uncast.is_empty(), "{:?}", got.uncast);
    assert!(
        got.unmatched.is_empty(),
        "Software company has each of our chiefs"
    );
    assert_eq!(baseline.chart, org().chart, "the baseline is untouched");
}

#[test]
fn uncast_parts_are_listed_and_bad_castings_refused_with_a_sentence() {
    let target = presets::model("software-company").unwrap();
    let got = apply(
        &org(),
        &target,
        &casting(&[("cto", Cast::Person(LeaderId::new("p3")))]),
        ModelId::new("s"),
    )
    .unwrap();
    assert_eq!(got.uncast.len(), target.chart.len() - 1);
    // Peers has no CFO-like chief, but our org's CEO and CIO are not
    // cast: they have parts, so they are not named as unmatched.
    assert!(got.unmatched.is_empty(), "{:?}", got.unmatched);
    assert_eq!(
        manager(&got.model, "p3").as_deref(),
        Some("p2"),
        "no cast manager: stays"
    );

    let refuse = |pairs: &[(&str, Cast)]| {
        apply(&org(), &target, &casting(pairs), ModelId::new("s"))
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        refuse(&[("cfo", Cast::Hire)]),
        "Software company: CIO reports to CTO has no leader \"cfo\""
    );
    assert_eq!(
        refuse(&[("cto", Cast::Person(LeaderId::new("p9")))]),
        "Our org has nobody with the id \"p9\""
    );
    assert_eq!(
        refuse(&[
            ("cto", Cast::Person(LeaderId::new("p3"))),
            ("cio", Cast::Person(LeaderId::new("p3")))
        ]),
        "Cy Tech is cast as both CIO and CTO: one person plays one part"
    );
    // The CEO cast under one of their own engineers: a loop.
    assert_eq!(
        refuse(&[
            ("ceo", Cast::Person(LeaderId::new("p4"))),
            ("cto", Cast::Person(LeaderId::new("p1")))
        ]),
        "Di Dev already reports to Ann Chief through Cy Tech, Bo Info, so Ann Chief cannot report to Di Dev"
    );
}

#[test]
fn chiefs_whose_role_the_target_lacks_stay_and_are_named() {
    let mut baseline = org();
    baseline
        .chart
        .add_leader(Leader::new("p7", Role::Cdo, "Dee Data"))
        .unwrap();
    baseline
        .chart
        .set_manager(&LeaderId::new("p7"), Some(&LeaderId::new("p1")))
        .unwrap();
    let target = presets::model("software-company").unwrap();
    let cast = casting(&[("cto", Cast::Person(LeaderId::new("p3")))]);
    let got = apply(&baseline, &target, &cast, ModelId::new("s")).unwrap();
    assert_eq!(got.unmatched, ["Dee Data (CDO)"]);
    assert!(
        got.model.description.ends_with(
            "Staying where they are, their role not in Software company: Dee Data (CDO)."
        ),
        "{}",
        got.model.description
    );
    assert_eq!(manager(&got.model, "p7").as_deref(), Some("p1"), "stays");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// Whatever is cast: everyone of the baseline is in the scenario
    /// once, there is no loop, and everyone not cast keeps their manager.
    #[test]
    fn everyone_once_no_loops_and_the_uncast_keep_their_manager(
        picks in prop::collection::vec(0usize..8, 5),
    ) {
        let target = presets::model("software-company").unwrap();
        let baseline = org();
        let people: Vec<LeaderId> = baseline.chart.leaders().map(|l| l.id.clone()).collect();
        let parts: Vec<LeaderId> = target.chart.leaders().map(|l| l.id.clone()).collect();
        let mut cast = Casting::default();
        let mut used = std::collections::HashSet::new();
        for (part, pick) in parts.iter().zip(&picks) {
            match pick {
                6 => { cast.cast.insert(part.clone(), Cast::Hire); }
                7 => {}
                p if used.insert(*p) => { cast.cast.insert(part.clone(), Cast::Person(people[*p].clone())); }
                _ => {}
            }
        }
        let Ok(got) = apply(&baseline, &target, &cast, ModelId::new("s")) else {
            return Ok(());
        };
        let chart = &got.model.chart;
        prop_assert_eq!(chart.len(), baseline.chart.len() + got.hired);
        for person in &people {
            prop_assert!(chart.contains(person));
            prop_assert!(chart.chain_above(person).len() < chart.len(), "no loop");
            let was_cast = cast.cast.values().any(|c| *c == Cast::Person(person.clone()));
            if !was_cast {
                prop_assert_eq!(chart.manager_of(person), baseline.chart.manager_of(person));
            }
        }
    }
}
