//! Unit tests of `model`.

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
