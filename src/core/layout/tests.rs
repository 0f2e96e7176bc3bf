//! Unit tests of `layout`.

use super::*;
use crate::core::model::Role;

fn node(id: usize, w: f32, h: f32, parent: Option<usize>) -> NodeSpec {
    NodeSpec {
        id: LeaderId::new(format!("n{id}")),
        size: vec2(w, h),
        parent,
        pinned: None,
        assistant: false,
    }
}

#[test]
fn manager_is_centred_over_reports() {
    let req = LayoutRequest {
        nodes: vec![
            node(0, 100.0, 50.0, None),
            node(1, 200.0, 60.0, Some(0)),
            node(2, 80.0, 40.0, Some(0)),
            node(3, 120.0, 40.0, Some(0)),
        ],
        lines: vec![],
        arrangement: crate::core::model::Arrangement::Wide,
    };
    let l = layout(&req);
    let mid = f32::midpoint(l.rects[1].center().x, l.rects[3].center().x);
    assert!((l.rects[0].center().x - mid).abs() < 1e-3);
    // Row 1 starts below the tallest card of row 0 plus the gap.
    assert!((l.rects[1].top() - (50.0 + ROW_GAP as f32)).abs() < 1e-3);
    assert!((l.rects[2].left() - l.rects[1].right() - SIBLING_GAP as f32).abs() < 1e-3);
}

#[test]
fn cousins_do_not_overlap() {
    // Two subtrees whose grandchildren would collide if only the children
    // were spaced.
    let req = LayoutRequest {
        nodes: vec![
            node(0, 100.0, 50.0, None),
            node(1, 50.0, 50.0, Some(0)),
            node(2, 50.0, 50.0, Some(0)),
            node(3, 300.0, 50.0, Some(1)),
            node(4, 300.0, 50.0, Some(2)),
        ],
        lines: vec![],
        arrangement: crate::core::model::Arrangement::Wide,
    };
    let l = layout(&req);
    assert!(l.rects[4].left() - l.rects[3].right() >= SIBLING_GAP as f32 - 1e-3);
}

#[test]
fn a_deep_chain_lays_out_without_recursion() {
    let nodes: Vec<_> = (0..100_000)
        .map(|i| node(i, 100.0, 40.0, i.checked_sub(1)))
        .collect();
    let l = layout(&LayoutRequest {
        nodes,
        lines: vec![],
        arrangement: crate::core::model::Arrangement::Wide,
    });
    assert_eq!(l.rects.len(), 100_000);
    assert!((l.rects[99_999].center().x - l.rects[0].center().x).abs() < 1e-3);
}

#[test]
fn a_parent_loop_in_a_request_still_places_every_node() {
    let req = LayoutRequest {
        nodes: vec![node(0, 10.0, 10.0, Some(1)), node(1, 10.0, 10.0, Some(0))],
        lines: vec![],
        arrangement: crate::core::model::Arrangement::Wide,
    };
    let l = layout(&req);
    assert_eq!(l.rects.len(), 2);
    assert!(!l.rects[0].intersects(l.rects[1]));
}

#[test]
fn a_dotted_line_along_a_row_runs_under_every_card_it_spans() {
    let cards = [
        Rect::from_min_size(pos2(0.0, 0.0), vec2(100.0, 50.0)),
        Rect::from_min_size(pos2(150.0, 0.0), vec2(100.0, 120.0)),
        Rect::from_min_size(pos2(300.0, 0.0), vec2(100.0, 50.0)),
    ];
    let points = route(&cards, 2, 0, LineKind::Dotted, super::Via::Elbow);
    assert_eq!(points.first(), Some(&cards[2].center_bottom()));
    assert_eq!(points.last(), Some(&cards[0].center_bottom()));
    let y = points[1].y;
    assert!(y > cards[1].bottom(), "under the tall middle card");
    assert!(points.iter().all(|p| !cards[1].contains(*p)));
}

#[test]
fn wrapping_breaks_at_spaces_and_cuts_long_words_by_measured_width() {
    let w = |t: &str| metrics::text_width(t, 13.0, false);
    // Room for "operations" and no more: every word its own line.
    assert_eq!(
        metrics::wrap_to("IT operations and support", w("operations"), 13.0, false),
        ["IT", "operations", "and", "support"].map(String::from)
    );
    assert_eq!(
        metrics::wrap_to("a b c", w("a b"), 13.0, false),
        ["a b", "c"].map(String::from)
    );
    // Narrow letters fit more to a line than wide ones: widths, not counts.
    let room = w("MMMM");
    let narrow = metrics::wrap_to(&"i".repeat(30), room, 13.0, false);
    let wide = metrics::wrap_to(&"M".repeat(30), room, 13.0, false);
    assert!(narrow.len() < wide.len(), "{narrow:?} {wide:?}");
    for line in narrow.iter().chain(&wide) {
        assert!(w(line) <= room + 0.01, "{line:?}");
    }
    assert_eq!(metrics::wrap_to("   ", 50.0, 13.0, false), [String::new()]);
}

#[test]
fn index_of_finds_every_card() {
    let req = LayoutRequest {
        nodes: vec![node(0, 100.0, 50.0, None), node(1, 80.0, 40.0, Some(0))],
        lines: vec![],
        arrangement: crate::core::model::Arrangement::Wide,
    };
    let l = layout(&req);
    assert_eq!(l.index_of(&LeaderId::new("n1")), Some(1));
    assert_eq!(l.rect_of(&LeaderId::new("n0")), Some(l.rects[0]));
    assert_eq!(l.index_of(&LeaderId::new("nobody")), None);
}

#[test]
fn wide_characters_wrap_by_their_width() {
    // CJK is not in the bundled font: measured as 1.2 em each, so twelve
    // at 13 pt are about 187 units; three (47 units) to a 60-unit line.
    let lines = metrics::wrap_to(&"情報".repeat(6), 60.0, 13.0, false);
    assert_eq!(lines.len(), 4, "{lines:?}");
    for line in &lines {
        assert!(metrics::text_width(line, 13.0, false) <= 60.0, "{line:?}");
    }
    // Emoji are measured wide too.
    let lines = metrics::wrap_to("🚀🚀🚀🚀🚀🚀", 2.0 * 1.2 * 13.0 + 0.1, 13.0, false);
    assert_eq!(lines, ["🚀🚀", "🚀🚀", "🚀🚀"]);
    // A long name is shortened to fit, never cut mid-way without a mark.
    let fitted = metrics::fit_line(&"情".repeat(40), 100.0, 15.0, true);
    assert!(fitted.ends_with('…'));
    assert!(metrics::text_width(&fitted, 15.0, true) <= 100.0);
}

#[test]
fn a_cjk_and_an_emoji_title_wrap_inside_their_card() {
    use crate::core::model::Assignment;
    for title in [
        "最高情報責任者兼デジタル変革推進本部長",
        "🚀🛡️📊 Chief Rocket and Shield Officer 🚀🚀🚀",
    ] {
        let mut leader = Leader::new("n", Role::Cio, "名前").with_title(title);
        leader.responsibilities = vec![Assignment::accountable("情報セキュリティ管理と監査対応")];
        let size = card_size(&leader);
        for line in metrics::title_lines(title, size.x) {
            let width = metrics::text_width(&line, 13.0 * 0.9, false);
            assert!(
                width <= size.x - 2.0 * metrics::PAD,
                "{line:?} is {width} wide in a {} card",
                size.x
            );
        }
    }
}

#[test]
fn card_size_counts_the_lines_as_shown_with_control_characters_written_out() {
    use crate::core::model::Assignment;
    // "[U+202E]" is 8 characters where the raw text has 1: the card must be
    // sized for what is drawn.
    let card = |phrase: String| {
        let mut leader = Leader::new("a", Role::Cio, "A");
        leader.responsibilities = vec![Assignment::accountable(phrase)];
        card_size(&leader)
    };
    let plain = card("x".repeat(20));
    let steered = card("\u{202E}".repeat(20));
    assert!(steered.y > plain.y, "{steered:?} vs {plain:?}");
    assert_eq!(
        metrics::phrase_lines(&"\u{202E}".repeat(20), 190.0).concat(),
        "[U+202E]".repeat(20)
    );
}

#[test]
fn an_assistant_hangs_beside_the_managers_line_above_the_reports() {
    use crate::core::model::LineKind;
    let mut nodes = vec![node(0, 200.0, 60.0, None)];
    nodes.extend((1..=3).map(|i| node(i, 180.0, 60.0, Some(0))));
    let mut assistant = node(4, 150.0, 50.0, Some(0));
    assistant.assistant = true;
    nodes.push(assistant);
    let req = LayoutRequest {
        lines: (1..=4).map(|i| (0, i, LineKind::Direct)).collect(),
        nodes,
        arrangement: crate::core::model::Arrangement::Wide,
    };
    let l = layout(&req);
    let (boss, ea) = (l.rects[0], l.rects[4]);
    assert!((ea.left() - (boss.center().x + super::assist::ASSIST_INDENT)).abs() < 0.01);
    assert!(ea.top() > boss.bottom(), "under the manager");
    for report in &l.rects[1..4] {
        assert!(ea.bottom() < report.top(), "above the reports' row");
    }
    // The three reports are one row under the manager, centred: the
    // assistant is not among them.
    let mid = f32::midpoint(l.rects[1].center().x, l.rects[3].center().x);
    assert!((mid - boss.center().x).abs() < 0.01);
    for (i, a) in l.rects.iter().enumerate() {
        for b in &l.rects[i + 1..] {
            assert!(!a.shrink(0.01).intersects(b.shrink(0.01)));
        }
    }
    let line = &l.edges.iter().find(|e| e.to == 4).unwrap().points;
    assert_eq!(line[0], boss.center_bottom());
    assert_eq!(*line.last().unwrap(), ea.left_center());
    assert_eq!(
        l.edges.iter().find(|e| e.to == 4).unwrap().via,
        super::Via::Assistant
    );
}

#[test]
fn stacked_people_without_a_manager_on_the_chart_make_a_column() {
    let req = LayoutRequest {
        nodes: (0..3).map(|i| node(i, 150.0, 50.0, None)).collect(),
        lines: vec![],
        arrangement: crate::core::model::Arrangement::Stacked,
    };
    let l = layout(&req);
    for pair in l.rects.windows(2) {
        assert!((pair[0].left() - pair[1].left()).abs() < 0.01, "one column");
        assert!(pair[1].top() > pair[0].bottom(), "one under another");
    }
}
