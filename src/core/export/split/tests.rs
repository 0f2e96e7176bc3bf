//! Unit tests of `split`.

use super::*;
use crate::core::presets;

/// Parts may hold at most `n` leaders.
fn at_most(n: usize) -> impl Fn(&OrgChart) -> bool {
    move |chart: &OrgChart| chart.len() <= n
}

/// Every leader of the chart on a part; a leader where the chart is cut
/// heads the next part, or that part is theirs (its heading names them).
fn check_cover(chart: &OrgChart, parts: &[Part]) {
    for leader in chart.leaders() {
        let on: Vec<usize> = (0..parts.len())
            .filter(|&p| parts[p].chart.contains(&leader.id))
            .collect();
        assert!(!on.is_empty(), "{} is on no page", leader.id);
    }
    for part in parts {
        for (id, next) in &part.continued {
            let theirs = parts[*next].under.as_ref().is_some_and(|(u, _)| u == id);
            assert!(
                parts[*next].chart.contains(id) || theirs,
                "{id} heads part {next} or it is theirs"
            );
        }
    }
}

#[test]
fn a_chart_that_fits_is_one_part_as_it_is() {
    let model = presets::model("cdio").unwrap();
    let parts = split(&model.chart, &at_most(100));
    assert_eq!(parts.len(), 1);
    assert_eq!(parts[0].chart, model.chart);
}

#[test]
fn a_big_chart_is_cut_where_it_must_and_continued_on_later_parts() {
    let model = presets::model("cdio").unwrap();
    let n = model.chart.len();
    for limit in [3, 4, 5, n - 1] {
        let parts = split(&model.chart, &at_most(limit));
        assert!(parts.len() > 1, "limit {limit}");
        for part in &parts {
            assert!(
                part.chart.len() <= limit.max(2),
                "limit {limit}: {}",
                part.chart.len()
            );
        }
        check_cover(&model.chart, &parts);
        assert!(parts[0].under.is_none());
        assert!(parts[1..].iter().all(|p| p.under.is_some()));
    }
}

#[test]
fn a_wide_row_of_reports_is_spread_over_pages_under_their_manager() {
    let mut chart = OrgChart::new();
    chart
        .add_leader(Leader::new("ceo", crate::core::model::Role::Ceo, "CEO"))
        .unwrap();
    for i in 0..10 {
        let id = format!("vp{i}");
        chart
            .add_leader(Leader::new(&id, crate::core::model::Role::Vp, &id))
            .unwrap();
        chart
            .add_direct(&LeaderId::new("ceo"), &LeaderId::new(&id))
            .unwrap();
    }
    let parts = split(&chart, &at_most(4));
    // The CEO and three VPs a page: four pages, the CEO on each.
    assert_eq!(parts.len(), 4);
    for part in &parts {
        assert!(part.chart.contains(&LeaderId::new("ceo")));
    }
    check_cover(&chart, &parts);
}

#[test]
fn leaders_folded_in_the_chart_stay_folded_and_say_how_many() {
    let mut model = presets::model("cdio").unwrap();
    let cdio = model
        .chart
        .leaders()
        .find(|l| model.chart.reports_of(&l.id).len() > 1)
        .unwrap()
        .id
        .clone();
    model.chart.set_collapsed(&cdio, true).unwrap();
    let under = Headcount::of(&model.chart).under(&cdio);
    let parts = split(&model.chart, &at_most(2));
    let folded: Vec<&(LeaderId, usize)> = parts.iter().flat_map(|p| &p.folded).collect();
    assert_eq!(folded, [&(cdio.clone(), under)]);
    assert!(
        parts
            .iter()
            .all(|p| p.continued.iter().all(|(id, _)| *id != cdio))
    );
}

/// In stacked columns a cut leader's team of people without reports
/// continues without the leader's card again: the part is the team, its
/// heading names the leader (whose card is where the chart was cut).
#[test]
fn a_stacked_team_continues_without_its_leaders_card_again() {
    use crate::core::model::{Arrangement, LeaderId, Role};
    let mut chart = OrgChart::new();
    chart.set_arrangement(Arrangement::Stacked);
    chart
        .add_leader(Leader::new("ceo", Role::Ceo, "Ann"))
        .unwrap();
    for vp in ["v1", "v2"] {
        chart
            .add_leader(Leader::new(vp, Role::Vp, vp.to_uppercase()))
            .unwrap();
        chart
            .add_direct(&LeaderId::new("ceo"), &LeaderId::new(vp))
            .unwrap();
        for k in 0..3 {
            let id = format!("{vp}-{k}");
            chart
                .add_leader(Leader::new(&id, Role::Other, &id))
                .unwrap();
            chart
                .add_direct(&LeaderId::new(vp), &LeaderId::new(&id))
                .unwrap();
        }
    }
    let parts = split(&chart, &at_most(4));
    assert_eq!(parts.len(), 3, "the top, then each VP's team");
    assert!(parts[0].chart.contains(&LeaderId::new("v1")));
    for (part, vp) in parts[1..].iter().zip(["V1", "V2"]) {
        assert_eq!(part.under.as_ref().unwrap().1, vp);
        assert_eq!(part.chart.len(), 3, "the team alone");
        assert!(!part.chart.contains(&LeaderId::new(vp.to_lowercase())));
        assert_eq!(part.chart.arrangement(), Arrangement::Stacked);
    }
    // Every leader is printed.
    for leader in chart.leaders() {
        assert!(
            parts.iter().any(|p| p.chart.contains(&leader.id)),
            "{}",
            leader.id
        );
    }
}

/// A cut leader's team with managers in it continues without the leader's
/// card again, in either arrangement: the part is the team and their
/// people, headed by the leader's name.
#[test]
fn a_team_with_managers_continues_without_its_leaders_card() {
    use crate::core::model::{Arrangement, LeaderId, Role};
    for arrangement in [Arrangement::Wide, Arrangement::Stacked] {
        let mut chart = OrgChart::new();
        chart.set_arrangement(arrangement);
        let mut add = |id: &str, manager: Option<&str>| {
            chart
                .add_leader(Leader::new(id, Role::Other, id.to_uppercase()))
                .unwrap();
            if let Some(m) = manager {
                chart
                    .add_direct(&LeaderId::new(m), &LeaderId::new(id))
                    .unwrap();
            }
        };
        add("ceo", None);
        for vp in ["v1", "v2"] {
            add(vp, Some("ceo"));
            let (lead, alone) = (format!("{vp}-m"), format!("{vp}-l"));
            add(&lead, Some(vp));
            add(&alone, Some(vp));
            for k in 0..2 {
                add(&format!("{lead}-{k}"), Some(&lead));
            }
        }
        let parts = split(&chart, &at_most(4));
        check_cover(&chart, &parts);
        assert_eq!(parts.len(), 3, "{arrangement:?}: the top, then each VP's");
        for (part, vp) in parts[1..].iter().zip(["v1", "v2"]) {
            assert_eq!(part.under.as_ref().unwrap().1, vp.to_uppercase());
            assert!(!part.chart.contains(&LeaderId::new(vp)), "{arrangement:?}");
            assert_eq!(part.chart.len(), 4, "{arrangement:?}: the team and theirs");
        }
    }
}
