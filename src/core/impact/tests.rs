//! Unit tests of `impact`.

use super::*;
use crate::core::model::Leader;
use crate::core::workspace::ModelId;

/// Adds `leader` to `chart` under the leader `manager`.
fn add_under(chart: &mut OrgChart, leader: Leader, manager: &str) {
    let id = leader.id.clone();
    chart.add_leader(leader).unwrap();
    chart
        .set_manager(&id, Some(&LeaderId::new(manager)))
        .unwrap();
}

/// A model from (id, role, manager) rows.
fn model(id: &str, rows: &[(&str, Role, Option<&str>)]) -> Model {
    let mut chart = OrgChart::new();
    for (leader, role, _) in rows {
        chart
            .add_leader(Leader::new(leader, *role, *leader))
            .unwrap();
    }
    for (leader, _, manager) in rows {
        if let Some(m) = manager {
            chart
                .set_manager(&LeaderId::new(leader), Some(&LeaderId::new(m)))
                .unwrap();
        }
    }
    Model {
        id: ModelId::new(id),
        title: id.to_owned(),
        description: String::new(),
        preset: None,
        chart,
    }
}

const PEERS: &[(&str, Role, Option<&str>)] = &[
    ("ceo", Role::Ceo, None),
    ("cio", Role::Cio, Some("ceo")),
    ("cto", Role::Cto, Some("ceo")),
    ("v1", Role::Vp, Some("cio")),
    ("v2", Role::Vp, Some("cio")),
    ("v3", Role::Vp, Some("cio")),
    ("e1", Role::Other, Some("cto")),
];

#[test]
fn levels_spans_and_bands_before_and_after() {
    let a = model("peers", PEERS);
    let mut rows = PEERS.to_vec();
    rows[1].2 = Some("cto"); // the CIO now reports to the CTO
    rows[2].2 = Some("ceo");
    let b = model("cto-led", &rows);
    let got = impact(&a, &b);
    assert_eq!(got.before.levels, 3);
    assert_eq!(got.after.levels, 4);
    assert_eq!((got.before.people, got.before.managers), (7, 3));
    assert!((got.before.median_span - 2.0).abs() < 1e-9);
    assert!((got.before.mean_span - 2.0).abs() < 1e-9);
    assert_eq!(got.before.bands, [2, 1, 0, 0, 0, 0]);
    assert_eq!(got.after.bands, [2, 1, 0, 0, 0, 0]);
    let cto = got.leaders.iter().find(|l| l.role == Role::Cto).unwrap();
    assert_eq!(cto.direct, [Some(1), Some(2)]);
    assert_eq!(cto.under, [Some(1), Some(5)]);
    assert_eq!(cto.levels_below, [Some(1), Some(2)]);
    let cio = got.leaders.iter().find(|l| l.role == Role::Cio).unwrap();
    assert_eq!(cio.direct, [Some(3), Some(3)]);
    assert_eq!(cio.levels_below, [Some(1), Some(1)]);
    let rows = got.rows();
    let levels = rows.iter().find(|r| r.label == "Levels").unwrap();
    assert_eq!((levels.before.as_str(), levels.after.as_str()), ("3", "4"));
    let under = rows
        .iter()
        .find(|r| r.label == "CTO cto: people under them")
        .unwrap();
    assert_eq!((under.before.as_str(), under.after.as_str()), ("1", "5"));
    let json = got.to_json();
    assert_eq!(json["after"]["levels"], 4);
    assert_eq!(json["technology_leaders"][1]["direct_reports"][1], 2);
}

#[test]
fn open_positions_are_counted_apart_and_newcomers_listed() {
    let a = model("peers", PEERS);
    let mut b = model("with-ciso", PEERS);
    let mut vacancy = Leader::new("ciso", Role::Ciso, "Open CISO");
    vacancy.open = true;
    add_under(&mut b.chart, vacancy, "cio");
    let got = impact(&a, &b);
    assert_eq!((got.after.people, got.after.open), (7, 1));
    let cio = got.leaders.iter().find(|l| l.role == Role::Cio).unwrap();
    assert_eq!(cio.direct, [Some(3), Some(3)], "an open post is no report");
    let newcomer = got.leaders.iter().find(|l| l.role == Role::Ciso).unwrap();
    assert_eq!(newcomer.direct, [None, Some(0)], "not in the first model");
    assert_eq!(newcomer.name, "Open position");
}

#[test]
fn costs_add_up_under_each_leader_and_in_all() {
    let mut a = model("peers", PEERS);
    for (id, cost) in [
        ("cio", 200_000.0),
        ("v1", 100_000.0),
        ("v2", 90_000.0),
        ("cto", 250_000.0),
    ] {
        let mut leader = a.chart.leader(&LeaderId::new(id)).unwrap().clone();
        leader.cost = Some(cost);
        a.chart.update_leader(leader).unwrap();
    }
    let mut b = a.clone();
    b.chart
        .set_manager(&LeaderId::new("cio"), Some(&LeaderId::new("cto")))
        .unwrap();
    let got = impact(&a, &b);
    assert_eq!(got.before.cost, (640_000.0, 4));
    let cto = got.leaders.iter().find(|l| l.role == Role::Cto).unwrap();
    assert_eq!(cto.cost, [Some(250_000.0), Some(640_000.0)]);
    let rows = got.rows();
    let row = rows
        .iter()
        .find(|r| r.label == "CTO cto: cost of their organisation")
        .unwrap();
    assert_eq!(
        (row.before.as_str(), row.after.as_str()),
        ("250,000", "640,000")
    );
    assert!(
        rows.iter()
            .any(|r| r.label == "Total cost" && r.after == "640,000")
    );
    assert_eq!(got.to_json()["after"]["total_cost"], 640_000.0);
    // Without costs, no cost rows.
    let plain = impact(&model("p", PEERS), &model("p", PEERS));
    assert!(!plain.rows().iter().any(|r| r.label.contains("cost")));
}

#[test]
fn wide_spans_fall_in_the_last_band() {
    let mut rows: Vec<(String, Role, Option<&str>)> = vec![("boss".into(), Role::Ceo, None)];
    rows.extend((0..17).map(|i| (format!("r{i}"), Role::Other, Some("boss"))));
    let rows: Vec<(&str, Role, Option<&str>)> =
        rows.iter().map(|(a, b, c)| (a.as_str(), *b, *c)).collect();
    let m = model("wide", &rows);
    let got = impact(&m, &m);
    assert_eq!(got.before.wide, 1);
    assert_eq!(got.before.bands, [0, 0, 0, 0, 0, 1]);
    assert_eq!(band_label(BANDS[5]), "16+");
    assert_eq!(band_label(BANDS[0]), "1-2");
}

/// Sets a leader's responsibilities (phrase, letter).
fn assign(m: &mut Model, id: &str, items: &[(&str, crate::core::model::Raci)]) {
    let mut leader = m.chart.leader(&LeaderId::new(id)).unwrap().clone();
    leader.responsibilities = items
        .iter()
        .map(|(p, r)| crate::core::model::Assignment::new(*p, *r))
        .collect();
    m.chart.update_leader(leader).unwrap();
}

#[test]
fn a_baseline_and_two_scenarios_in_one_table_counted_by_hand() {
    use crate::core::model::Raci;
    let mut base = model("peers", PEERS);
    // A conflict: both chiefs accountable for security.
    assign(&mut base, "cio", &[("Security", Raci::Accountable)]);
    assign(&mut base, "cto", &[("Security", Raci::Accountable)]);
    // One: the CIO (and their three VPs with them) under the CTO, who
    // keeps security alone.
    let mut one = base.clone();
    one.title = "cto-led".into();
    one.chart
        .set_manager(&LeaderId::new("cio"), Some(&LeaderId::new("cto")))
        .unwrap();
    assign(&mut one, "cio", &[("Security", Raci::Responsible)]);
    // Two: nobody moves; an open CISO post under the CIO.
    let mut two = base.clone();
    two.title = "with-ciso".into();
    let mut vacancy = Leader::new("ciso", Role::Ciso, "");
    vacancy.open = true;
    add_under(&mut two.chart, vacancy, "cio");
    let table = scenario_table(&base, &[&one, &two]);
    assert_eq!(table.columns, ["peers", "cto-led", "with-ciso"]);
    let cells = |label: &str| -> Vec<String> {
        table
            .row(label)
            .unwrap_or_else(|| panic!("no row {label}: {:#?}", table.rows))
            .cells
            .clone()
    };
    // Only the CIO changes manager: the VPs move with them.
    assert_eq!(cells("People who change manager"), ["—", "1", "0"]);
    assert_eq!(cells("Levels"), ["3", "4", "3"]);
    assert_eq!(cells("People"), ["7", "7", "7"]);
    assert_eq!(cells("Open positions"), ["0", "0", "1"]);
    assert_eq!(cells("CTO cto: direct reports"), ["1", "2", "1"]);
    assert_eq!(cells("CTO cto: people under them"), ["1", "5", "1"]);
    assert_eq!(cells("CIO cio: direct reports"), ["3", "3", "3"]);
    // The open post is in the second scenario only.
    assert_eq!(cells("CISO Open position: direct reports"), ["—", "—", "0"]);
    assert_eq!(cells("Managers"), ["3", "3", "3"]);
    assert_eq!(cells("Conflicts (several accountable)"), ["1", "0", "1"]);
    assert_eq!(cells("Shared responsibilities"), ["0", "1", "0"]);
    assert_eq!(
        cells("Conflicts and gaps of the baseline resolved"),
        ["—", "1", "0"]
    );
    assert!(table.row("Levels").unwrap().changes());
    assert!(!table.row("People").unwrap().changes());
    // A figure only the scenarios have is no difference.
    assert!(!table.row("People who change manager").unwrap().changes());
    // At most four scenarios.
    let many = vec![&one; 6];
    assert_eq!(
        scenario_table(&base, &many).columns.len(),
        1 + MAX_SCENARIOS
    );
}

#[test]
fn an_assistant_is_no_direct_report_in_spans() {
    let mut b = model("peers", PEERS);
    let mut ea = Leader::new("ea", Role::Other, "Exec Assistant");
    ea.assistant = true;
    add_under(&mut b.chart, ea, "ceo");
    let got = impact(&model("peers", PEERS), &b);
    // The CEO still has two direct reports; the assistant is a person.
    assert_eq!(got.after.bands, got.before.bands);
    assert_eq!(got.after.people, got.before.people + 1);
    assert!((got.after.mean_span - got.before.mean_span).abs() < 1e-9);
}
