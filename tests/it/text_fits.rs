//! Every line of text in every export stays inside its card, badge or box:
//! the board pack read by pdfplumber (`PyPI`; `tests/readers/pdf_boxes.py`),
//! the SVG laid out by usvg with the bundled font. For every preset and
//! comparison, in every theme, and for names as real organisations write
//! them: long, accented, CJK, emoji.

use crate::common::text;
use chartroom::core::export;
use chartroom::core::model::{Assignment, Leader, LeaderId, OrgChart, Role};
use chartroom::core::presets;
use chartroom::core::theme::{Palette, ThemeName};
use chartroom::core::workspace::{Model, ModelId, Scene, Workspace};
use resvg::usvg;

/// Leaders named as a multinational's HR export names them.
fn worldly() -> Model {
    let people = [
        (
            "ceo",
            Role::Ceo,
            "Zoë Łukasiewicz-Ødegård",
            "Directrice générale et présidente du conseil d'administration",
        ),
        (
            "cio",
            Role::Cio,
            "山田 太郎",
            "最高情報責任者兼デジタル変革推進本部長",
        ),
        (
            "cto",
            Role::Cto,
            "Wolfgang Maximilian Müller-Lüdenscheidt",
            "Chief Technology Officer 🚀",
        ),
        (
            "ciso",
            Role::Ciso,
            "Ñoño Çağlar",
            "Responsable de la sécurité des systèmes d'information",
        ),
        ("vp", Role::Vp, "李小龙", "副总裁 🛡️ 信息安全与合规"),
    ];
    let mut chart = OrgChart::new();
    for (id, role, name, title) in people {
        let mut leader = Leader::new(id, role, name).with_title(title);
        leader.responsibilities = vec![
            Assignment::accountable(
                "Gestion des risques opérationnels et conformité réglementaire",
            ),
            Assignment::accountable("情報セキュリティ管理と監査対応"),
        ];
        chart.add_leader(leader).unwrap();
    }
    for (report, manager) in [
        ("cio", "ceo"),
        ("cto", "ceo"),
        ("ciso", "cio"),
        ("vp", "cto"),
    ] {
        chart
            .set_manager(&LeaderId::new(report), Some(&LeaderId::new(manager)))
            .unwrap();
    }
    Model {
        id: ModelId::new("worldly"),
        title: "Groupe Mondial — Direction des systèmes d'information".into(),
        description: String::new(),
        preset: None,
        chart,
    }
}

/// The presets and the worldly org, each a scene, and comparisons (with
/// their change badges) of presets and of the worldly org with Peers.
fn everything() -> Workspace {
    let mut workspace = presets::workspace().unwrap();
    workspace.models.push(worldly());
    let mut storyboard: Vec<Scene> = workspace
        .models
        .iter()
        .map(|m| Scene::of_model(m.id.clone()))
        .collect();
    for (a, b) in [
        ("traditional", "software-company"),
        ("peers", "enterprise-app-dev"),
        ("peers", "worldly"),
    ] {
        storyboard.push(Scene::comparing(a.into(), b.into()));
    }
    workspace.storyboard = storyboard;
    workspace
}

#[test]
fn every_line_of_the_board_pack_stays_in_its_box_in_every_theme() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("all.chartroom");
    chartroom::core::format::save_path(&everything(), &file).unwrap();
    for theme in ThemeName::ALL {
        let pdf = dir.path().join(format!("{}.pdf", theme.label()));
        let p = |p: &std::path::Path| p.to_str().unwrap().to_owned();
        let name = format!("{theme:?}").to_lowercase();
        let done = crate::common::chartroom(&[
            "export",
            &p(&file),
            "--format",
            "pdf",
            "--theme",
            &name,
            "-o",
            &p(&pdf),
        ]);
        assert!(done.status.success(), "{}", text(&done.stderr));
        let report = crate::common::read_with("pdf_boxes.py", &pdf);
        assert!(report["runs"].as_u64().unwrap() > 300, "{report}");
        assert_eq!(
            report["outside"],
            serde_json::json!([]),
            "{name}: text outside its box"
        );
    }
}

/// Each text node of an SVG with the box it starts in (the smallest filled
/// path holding the middle of its left edge), as usvg lays them out.
fn texts_and_boxes(svg: &str) -> Vec<(String, usvg::Rect, usvg::Rect)> {
    let mut db = usvg::fontdb::Database::new();
    db.load_system_fonts();
    for data in [chartroom::core::font::REGULAR, chartroom::core::font::BOLD] {
        db.load_font_data(data.to_vec());
    }
    db.set_sans_serif_family(chartroom::core::font::FAMILY);
    let options = usvg::Options {
        fontdb: std::sync::Arc::new(db),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).expect("a valid SVG");
    let (mut texts, mut boxes) = (Vec::new(), Vec::new());
    let mut stack = vec![tree.root()];
    while let Some(group) = stack.pop() {
        for node in group.children() {
            match node {
                usvg::Node::Group(g) => stack.push(g),
                // A box is filled; a line is only stroked, and its bounds
                // are no box for text.
                usvg::Node::Path(p) if p.fill().is_some() => boxes.push(p.abs_bounding_box()),
                usvg::Node::Text(t) => {
                    let words: String = t.chunks().iter().map(|c| c.text().to_owned()).collect();
                    texts.push((words, t.abs_bounding_box()));
                }
                usvg::Node::Path(_) | usvg::Node::Image(_) => {}
            }
        }
    }
    texts
        .into_iter()
        .filter_map(|(words, bbox)| {
            let (x, y) = (bbox.left() + 0.5, f32::midpoint(bbox.top(), bbox.bottom()));
            let holder = boxes
                .iter()
                .filter(|b| b.left() <= x && x <= b.right() && b.top() <= y && y <= b.bottom())
                .min_by(|a, b| (a.width() * a.height()).total_cmp(&(b.width() * b.height())))?;
            Some((words, bbox, *holder))
        })
        .collect()
}

#[test]
fn every_line_of_the_svg_stays_in_its_box() {
    let mut models = presets::workspace().unwrap().models;
    models.push(worldly());
    let mut checked = 0;
    for theme in ThemeName::ALL {
        let palette: Palette = theme.palette();
        for model in &models {
            let svg = export::svg(model, &palette);
            for (words, bbox, holder) in texts_and_boxes(&svg) {
                checked += 1;
                let slack = 0.6;
                assert!(
                    bbox.left() >= holder.left() - slack
                        && bbox.right() <= holder.right() + slack
                        && bbox.top() >= holder.top() - slack
                        && bbox.bottom() <= holder.bottom() + slack,
                    "{} ({theme:?}): {words:?} spans {bbox:?}, outside {holder:?}",
                    model.id
                );
            }
        }
    }
    assert!(checked > 500, "{checked} lines checked");
}

/// `export --outlines` writes the text as the bundled font's outlines: no
/// text left, and drawn (by resvg) it is the picture with text, pixel for
/// pixel but for anti-aliasing.
#[test]
fn an_svg_with_outlines_looks_the_same_without_text() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("peers.svg");
    let done = crate::common::chartroom(&[
        "export",
        "preset:peers",
        "--outlines",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(done.status.success(), "{}", text(&done.stderr));
    let outlined = std::fs::read_to_string(&out).unwrap();
    assert!(!outlined.contains("<text"), "no text left");
    let plain = export::svg(&presets::model("peers").unwrap(), &Palette::light());
    let decode = |svg: &str| {
        let png = export::png(svg, 1.0).unwrap();
        image::load_from_memory(&png).unwrap().to_rgba8()
    };
    let (a, b) = (decode(&plain), decode(&outlined));
    assert_eq!(a.dimensions(), b.dimensions());
    let differ = a
        .pixels()
        .zip(b.pixels())
        .filter(|(p, q)| p.0.iter().zip(q.0).any(|(x, y)| x.abs_diff(y) > 64))
        .count();
    let total = (a.width() * a.height()) as usize;
    assert!(differ * 200 < total, "{differ} of {total} pixels differ");
    // Drawn with text gone, most of the name pixels would differ.
    let blank = plain.replace("<text", "<text visibility=\"hidden\"");
    let c = decode(&blank);
    let gone = a
        .pixels()
        .zip(c.pixels())
        .filter(|(p, q)| p.0.iter().zip(q.0).any(|(x, y)| x.abs_diff(y) > 64))
        .count();
    assert!(gone > 4 * differ.max(1), "{gone} vs {differ}");
}

/// A card's name starts clear of its role badge, for every role and a
/// name long enough to wrap; an "Other" card shows no badge (it would say
/// nothing) and its name starts at the padding. Measured with the bundled
/// font, as drawn.
#[test]
fn a_name_starts_clear_of_its_role_badge_and_other_has_none() {
    use chartroom::core::draw::{Part, Shape};
    use chartroom::core::layout::metrics::{self, PAD};
    // One word longer than any card: cut between letters, its first line
    // fills the room beside the badge to within a letter.
    let long = "Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaft";
    let mut chart = OrgChart::new();
    for (i, role) in Role::ALL.into_iter().enumerate() {
        let leader = Leader::new(format!("l{i}"), role, long).with_title("Director");
        chart.add_leader(leader).unwrap();
    }
    let model = Model {
        id: ModelId::new("roles"),
        title: "Roles".into(),
        description: String::new(),
        preset: None,
        chart,
    };
    let (prims, _) = export::model_prims(&model, &Palette::light());
    let layout =
        chartroom::core::layout::layout(&chartroom::core::layout::request_for(&model.chart));
    let mut checked = 0;
    for (id, card) in layout.ids.iter().zip(&layout.rects) {
        let role = model.chart.leader(id).expect("laid out").role;
        let inside = |p: &&chartroom::core::draw::Prim| match &p.shape {
            Shape::Rect { rect, .. } => card.contains_rect(*rect),
            Shape::Text { at, .. } => card.contains(*at),
            _ => false,
        };
        let badge = prims
            .iter()
            .filter(inside)
            .find_map(|p| match (&p.part, &p.shape) {
                (Part::RoleBadge, Shape::Rect { rect, .. }) => Some(*rect),
                _ => None,
            });
        let (name_x, first) = prims
            .iter()
            .filter(inside)
            .find_map(|p| match (&p.part, &p.shape) {
                (Part::Name, Shape::Text { at, text, .. }) => Some((at.x, text.clone())),
                _ => None,
            })
            .expect("a name");
        assert_eq!(badge.is_some(), role.on_card(), "{role:?}: a badge or none");
        if let Some(badge) = badge {
            assert!(
                badge.right() + 4.0 <= name_x,
                "{role:?}: name clear of the badge"
            );
        } else {
            assert!((name_x - (card.left() + PAD)).abs() < 0.5, "{role:?}");
        }
        let end = name_x + metrics::text_width(&first, metrics::NAME_SIZE, true);
        assert!(
            end <= card.right() - PAD + 0.5,
            "{role:?}: {first:?} inside"
        );
        checked += 1;
    }
    assert_eq!(checked, Role::ALL.len());
}
