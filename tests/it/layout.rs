//! Layout properties over many generated trees: no two cards overlap, a
//! manager is centred over its reports, rows go down, siblings keep their
//! order, and the result is deterministic.

use chartroom::core::layout::{
    LayoutRequest, NodeSpec, SIBLING_GAP, WRAP_LEAF_REPORTS_AT, layout, placed_under, request_for,
};
use chartroom::core::model::LeaderId;
use chartroom::core::presets;
use emath::vec2;
use proptest::prelude::*;

/// A forest in a shuffled order: `parents[i]` is an index into the same list.
fn forest() -> impl Strategy<Value = LayoutRequest> {
    (1usize..160)
        .prop_flat_map(|n| {
            (
                Just(n),
                proptest::collection::vec((0.0f64..1.0, 0.0f64..1.0), n),
                proptest::collection::vec((80.0f32..300.0, 40.0f32..140.0), n),
                Just(()).prop_perturb(move |(), mut rng| {
                    let mut order: Vec<usize> = (0..n).collect();
                    for i in (1..n).rev() {
                        order.swap(i, rng.random_range(0..=i));
                    }
                    order
                }),
            )
        })
        .prop_map(|(n, picks, sizes, order)| {
            // Tree built in creation order (a parent is created before its
            // report), then listed in a shuffled order.
            let mut parent_by_creation = vec![None; n];
            for i in 1..n {
                let (root_roll, pick) = picks[i];
                if root_roll > 0.08 {
                    parent_by_creation[i] = Some((pick * i as f64) as usize);
                }
            }
            let mut position = vec![0; n];
            for (pos, &created) in order.iter().enumerate() {
                position[created] = pos;
            }
            let nodes = order
                .iter()
                .map(|&created| NodeSpec {
                    id: LeaderId::new(format!("n{created}")),
                    size: vec2(sizes[created].0, sizes[created].1),
                    parent: parent_by_creation[created].map(|p| position[p]),
                    pinned: None,
                    assistant: false,
                })
                .collect();
            LayoutRequest {
                nodes,
                lines: Vec::new(),
                arrangement: chartroom::core::model::Arrangement::Wide,
            }
        })
}

/// The reports each node is placed over in the layout: its reports, except
/// that a manager of many leaf reports has them in two rows, the second row
/// hanging under the first.
fn children(req: &LayoutRequest) -> Vec<Vec<usize>> {
    let mut kids = vec![Vec::new(); req.nodes.len()];
    for (i, p) in placed_under(req).into_iter().enumerate() {
        if let Some(p) = p {
            kids[p].push(i);
        }
    }
    kids
}

/// No two cards of the layout overlap.
fn no_overlap(l: &chartroom::core::layout::Layout) -> Result<(), TestCaseError> {
    for i in 0..l.rects.len() {
        for j in i + 1..l.rects.len() {
            let (a, b) = (l.rects[i], l.rects[j]);
            prop_assert!(
                !a.shrink(0.01).intersects(b.shrink(0.01)),
                "cards {i} {a:?} and {j} {b:?} overlap"
            );
        }
    }
    Ok(())
}

/// A direct line from every node's manager to it.
fn direct_lines(req: &LayoutRequest) -> Vec<(usize, usize, chartroom::core::model::LineKind)> {
    req.nodes
        .iter()
        .enumerate()
        .filter_map(|(i, n)| Some((n.parent?, i, chartroom::core::model::LineKind::Direct)))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn no_two_cards_overlap(req in forest()) {
        let l = layout(&req);
        no_overlap(&l)?;
    }

    #[test]
    fn managers_are_centred_over_their_reports(req in forest()) {
        let l = layout(&req);
        for (p, kids) in children(&req).iter().enumerate() {
            let (Some(first), Some(last)) = (kids.first(), kids.last()) else { continue };
            let mid = f32::midpoint(l.rects[*first].center().x, l.rects[*last].center().x);
            let tolerance = 1e-5 * l.bounds.width().max(1.0);
            prop_assert!((l.rects[p].center().x - mid).abs() <= tolerance,
                "manager {p} at {} but reports centred at {mid}", l.rects[p].center().x);
            for pair in kids.windows(2) {
                let (a, b) = (l.rects[pair[0]], l.rects[pair[1]]);
                prop_assert!(b.left() - a.right() >= SIBLING_GAP as f32 - 0.01, "siblings in order, apart");
            }
            for &k in kids {
                prop_assert!(l.rects[k].top() > l.rects[p].bottom(), "reports sit below");
            }
        }
        for (i, node) in req.nodes.iter().enumerate() {
            if let Some(p) = node.parent {
                prop_assert!(l.rects[i].top() > l.rects[p].bottom(), "below the manager");
            }
        }
    }

    #[test]
    fn stacked_columns_overlap_no_card_and_lines_end_at_the_cards(req in forest()) {
        let mut req = req;
        req.arrangement = chartroom::core::model::Arrangement::Stacked;
        req.lines = direct_lines(&req);
        let l = layout(&req);
        no_overlap(&l)?;
        for e in &l.edges {
            let (from, to) = (l.rects[e.from], l.rects[e.to]);
            let (first, last) = (*e.points.first().unwrap(), *e.points.last().unwrap());
            prop_assert!((first.y - from.bottom()).abs() < 0.01, "leaves the manager's bottom");
            prop_assert!(to.expand(0.01).contains(last), "ends on the report's card");
            prop_assert!(to.top() > from.bottom(), "reports below their manager");
        }
    }

    #[test]
    fn assistants_overlap_no_card_in_either_arrangement(req in forest(), stacked in any::<bool>()) {
        let mut req = req;
        // Every seventh leader with a manager is an assistant.
        for (i, node) in req.nodes.iter_mut().enumerate() {
            node.assistant = node.parent.is_some() && i % 7 == 3;
        }
        if stacked {
            req.arrangement = chartroom::core::model::Arrangement::Stacked;
        }
        let l = layout(&req);
        no_overlap(&l)?;
    }

    #[test]
    fn layout_is_deterministic(req in forest()) {
        prop_assert_eq!(layout(&req), layout(&req.clone()));
    }

    #[test]
    fn every_line_is_routed_between_its_cards(req in forest()) {
        let mut req = req;
        req.lines = direct_lines(&req);
        let l = layout(&req);
        prop_assert_eq!(l.edges.len(), req.lines.len());
        for e in &l.edges {
            prop_assert_eq!(*e.points.first().unwrap(), l.rects[e.from].center_bottom());
            prop_assert_eq!(*e.points.last().unwrap(), l.rects[e.to].center_top());
        }
    }
}

#[test]
fn every_preset_lays_out_without_overlap() {
    for model in presets::workspace().unwrap().models {
        let l = layout(&request_for(&model.chart));
        assert_eq!(l.rects.len(), model.chart.len());
        for i in 0..l.rects.len() {
            for j in i + 1..l.rects.len() {
                assert!(!l.rects[i].intersects(l.rects[j]), "{}: overlap", model.id);
            }
        }
    }
}

#[test]
fn a_pinned_card_stays_where_it_was_put() {
    let mut chart = presets::model("peers").unwrap().chart;
    let cto = LeaderId::new("cto");
    let at = emath::pos2(1234.5, -67.25);
    chart.set_pinned(&cto, Some(at)).unwrap();
    let l = layout(&request_for(&chart));
    assert_eq!(l.rect_of(&cto).unwrap().min, at);
}

#[test]
fn many_leaf_reports_wrap_into_two_rows_and_lines_go_round() {
    let model = presets::model("enterprise-app-dev").unwrap();
    let req = request_for(&model.chart);
    let l = layout(&req);
    let id = |s: &str| req.nodes.iter().position(|n| n.id.as_str() == s).unwrap();
    let reports = model
        .chart
        .reports_of(&chartroom::core::model::LeaderId::new("cio"));
    assert!(reports.len() >= WRAP_LEAF_REPORTS_AT);
    let tops: std::collections::BTreeSet<i64> = reports
        .iter()
        .map(|r| l.rects[id(r.as_str())].top() as i64)
        .collect();
    assert_eq!(tops.len(), 2, "two rows");
    // The chart is narrower than one row of six would be.
    let one_row: f32 = reports
        .iter()
        .map(|r| l.rects[id(r.as_str())].width())
        .sum();
    assert!(
        l.bounds.width() < one_row,
        "{} vs {one_row}",
        l.bounds.width()
    );
    // No line runs through a card other than its ends.
    for e in &l.edges {
        for w in e.points.windows(2) {
            for (i, r) in l.rects.iter().enumerate() {
                if i == e.from || i == e.to {
                    continue;
                }
                let seg = emath::Rect::from_two_pos(w[0], w[1]);
                assert!(
                    !r.shrink(1.0).intersects(seg),
                    "line {}->{} crosses card {i}",
                    e.from,
                    e.to
                );
            }
        }
    }
}

/// View > Layout: Stacked columns puts Enterprise app-dev's six leaf
/// reports in two columns under the CIO (a chart about two thirds as
/// wide), undoably; the file keeps it.
#[test]
fn stacked_columns_from_the_view_menu_narrow_the_chart_and_undo() {
    use chartroom::core::model::Arrangement;
    use egui_kittest::kittest::Queryable;
    let (app, _) = crate::common::preset_app();
    let mut h = crate::common::harness(app);
    crate::common::show_model(&mut h, "Enterprise app-dev: CIO with business-aligned VPs");
    let width = |h: &mut egui_kittest::Harness<'_, chartroom::app::ChartroomApp>| {
        h.state_mut().current_facts().unwrap().layout.bounds.width()
    };
    let wide = width(&mut h);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Layout: Stacked columns").click();
    h.run();
    let chart = &h.state().current_model().unwrap().chart;
    assert_eq!(chart.arrangement(), Arrangement::Stacked);
    let facts = h.state_mut().current_facts().unwrap();
    let lefts: std::collections::BTreeSet<i64> = [
        "vp-finance",
        "vp-operations",
        "vp-sales-marketing",
        "vp-hr",
        "cto",
        "ciso",
    ]
    .iter()
    .filter_map(|id| facts.layout.rect_of(&LeaderId::new(*id)))
    .map(|r| r.left().round() as i64)
    .collect();
    assert!(lefts.len() <= 2, "in columns: {lefts:?}");
    let stacked = width(&mut h);
    assert!(stacked < 0.75 * wide, "{stacked} vs {wide}");
    // Saved and read back.
    let workspace = h.state().editor().workspace().clone();
    let text = chartroom::core::format::save(&workspace).unwrap();
    assert!(text.contains("\"layout\": \"stacked\""));
    let back = chartroom::core::format::load(&text).unwrap();
    let id = h.state().current().clone();
    assert_eq!(
        back.model_by_id(&id).unwrap().chart.arrangement(),
        Arrangement::Stacked
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    let chart = &h.state().current_model().unwrap().chart;
    assert_eq!(chart.arrangement(), Arrangement::Wide, "undone");
    assert!((width(&mut h) - wide).abs() < 0.5);
}

/// A leader marked as assistant (A, or the inspector's checkbox) hangs
/// beside their manager's line above the other reports, out of the span;
/// Ctrl+Z puts them back among the reports.
#[test]
fn an_assistant_marked_by_key_or_in_the_inspector_hangs_beside_the_manager() {
    use egui_kittest::kittest::Queryable;
    let (app, _) = crate::common::preset_app();
    let mut h = crate::common::harness(app);
    crate::common::show_model(&mut h, "Digital, Change and Run under a dual-role CDIO");
    let rect = |h: &mut egui_kittest::Harness<'_, chartroom::app::ChartroomApp>, id: &str| {
        let facts = h.state_mut().current_facts().unwrap();
        facts.layout.rect_of(&LeaderId::new(id)).unwrap()
    };
    let row_top = rect(&mut h, "vp-change").top();
    h.get_by_label("VP BAU IT").click();
    h.run();
    h.key_press(egui::Key::A);
    h.run();
    let assistant = |h: &egui_kittest::Harness<'_, chartroom::app::ChartroomApp>| {
        let chart = &h.state().current_model().unwrap().chart;
        chart.leader(&LeaderId::new("vp-bau-it")).unwrap().assistant
    };
    assert!(assistant(&h), "A marks the selected leader");
    let (cdio, bau) = (rect(&mut h, "cdio"), rect(&mut h, "vp-bau-it"));
    let others = rect(&mut h, "vp-change");
    assert!(bau.top() > cdio.bottom() && bau.bottom() < others.top());
    assert!(bau.left() > cdio.center().x, "right of the manager's line");
    assert!(
        others.top() > row_top,
        "the reports' row moved down for the band"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(!assistant(&h), "undone");
    assert!((rect(&mut h, "vp-change").top() - row_top).abs() < 0.5);
    // The inspector's checkbox does the same.
    h.get_by_label("VP BAU IT").click();
    h.run();
    h.get_by_label("Assistant").click();
    h.run();
    assert!(assistant(&h), "checked in the inspector");
}
