//! Exported pictures: every preset's SVG is well-formed XML, names every
//! leader, draws no two cards over each other, and is written by the CLI.

use crate::common;

use crate::common::{pdf_pages, squeeze};

use std::process::Command;

use chartroom::core::export;
use chartroom::core::presets::{self, PRESETS};
use chartroom::core::theme::ThemeName;

fn card_boxes(doc: &roxmltree::Document<'_>) -> Vec<(f32, f32, f32, f32)> {
    let num =
        |n: &roxmltree::Node<'_, '_>, a: &str| n.attribute(a).unwrap().parse::<f32>().unwrap();
    doc.descendants()
        .filter(|n| n.attribute("class") == Some("card-box"))
        .map(|n| {
            (
                num(&n, "x"),
                num(&n, "y"),
                num(&n, "width"),
                num(&n, "height"),
            )
        })
        .collect()
}

/// Each card's name: its consecutive `name` lines (a long name wraps onto
/// two) joined with a space.
fn card_names(doc: &roxmltree::Document<'_>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut previous_was_name = false;
    for node in doc.descendants().filter(roxmltree::Node::is_element) {
        let is_name = node.attribute("class") == Some("name");
        if is_name {
            let text = node.text().unwrap_or_default();
            match names.last_mut() {
                Some(name) if previous_was_name => {
                    name.push(' ');
                    name.push_str(text);
                }
                _ => names.push(text.to_owned()),
            }
        }
        previous_was_name = is_name;
    }
    names
}

#[test]
fn every_preset_exports_as_well_formed_svg_in_every_theme() {
    for preset in PRESETS {
        let model = presets::model(preset.id).unwrap();
        for theme in ThemeName::ALL {
            let svg = export::svg(&model, &theme.palette());
            let doc = roxmltree::Document::parse(&svg)
                .unwrap_or_else(|e| panic!("{} ({theme:?}): not XML: {e}", preset.id));
            let names = card_names(&doc);
            for leader in model.chart.leaders() {
                assert!(
                    names.contains(&leader.name),
                    "{}: {} is named",
                    preset.id,
                    leader.name
                );
            }
            let boxes = card_boxes(&doc);
            assert_eq!(
                boxes.len(),
                model.chart.len(),
                "{}: one box per leader",
                preset.id
            );
            for (i, a) in boxes.iter().enumerate() {
                for b in &boxes[i + 1..] {
                    let apart = a.0 + a.2 <= b.0
                        || b.0 + b.2 <= a.0
                        || a.1 + a.3 <= b.1
                        || b.1 + b.3 <= a.1;
                    assert!(apart, "{}: cards {a:?} and {b:?} overlap", preset.id);
                }
            }
        }
    }
}

#[test]
fn the_picture_is_never_cropped() {
    let model = presets::model("enterprise-app-dev").unwrap();
    let svg = export::svg(&model, &ThemeName::Light.palette());
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let root = doc.root_element();
    let view: Vec<f32> = root
        .attribute("viewBox")
        .unwrap()
        .split(' ')
        .map(|v| v.parse().unwrap())
        .collect();
    for (x, y, w, h) in card_boxes(&doc) {
        assert!(x >= view[0] && y >= view[1], "inside on the top left");
        assert!(
            x + w <= view[0] + view[2] && y + h <= view[1] + view[3],
            "inside on the bottom right"
        );
    }
}

#[test]
fn the_cli_writes_png_and_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_chartroom"))
            .args(args)
            .output()
            .unwrap()
    };
    let png = dir.path().join("peers.png");
    let done = run(&[
        "export",
        "preset:peers",
        "--format",
        "png",
        "--scale",
        "4",
        "-o",
        png.to_str().unwrap(),
    ]);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let (w, h) = png_size(&std::fs::read(&png).unwrap());
    assert!(w > 2000 && h > 1000, "4x: {w} x {h}");
    let pdf = dir.path().join("pack.pdf");
    let done = run(&[
        "export",
        "preset:cdio",
        "--format",
        "pdf",
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let pages = pdf_pages(&std::fs::read(&pdf).unwrap());
    // Title, the model (over as many pages as keep its text at 9 pt or
    // more), findings.
    let one = chartroom::core::workspace::Workspace::new(vec![presets::model("cdio").unwrap()]);
    let expected = export::pack_pages(&one, &ThemeName::Light.palette()).len();
    assert!(expected > 3, "the CDIO model is split: {expected} pages");
    assert_eq!(pages.len(), expected);
    assert!(pages[2].contains("Digital,ChangeandRun"), "{}", pages[2]);
    assert!(pages.last().unwrap().contains("Findings"));
}

#[test]
fn the_cli_writes_an_svg_and_refuses_an_unknown_model() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("peers.svg");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_chartroom"))
            .args(args)
            .output()
            .unwrap()
    };
    let done = run(&[
        "export",
        "preset:peers",
        "--format",
        "svg",
        "--theme",
        "projector",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(roxmltree::Document::parse(&svg).is_ok());
    assert!(svg.contains("Peers: operations vs. strategy"));
    let file = dir.path().join("all.json");
    chartroom::core::format::save_path(&presets::workspace().unwrap(), &file).unwrap();
    let failed = run(&[
        "export",
        file.to_str().unwrap(),
        "--model",
        "nope",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(failed.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&failed.stderr).contains("no model has that id"));
    let picked = run(&[
        "export",
        file.to_str().unwrap(),
        "--model",
        "cdio",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(picked.status.success());
    assert!(std::fs::read_to_string(&out).unwrap().contains("VP BAU IT"));
}

#[test]
fn file_export_writes_svg_and_the_board_pack_in_the_chosen_theme() {
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("board");
    let answers = common::Answers::default();
    let app = chartroom::app::ChartroomApp::with_presets(common::dialogs(&answers));
    let mut h = common::harness(app);
    h.get_by_label("Theme").click();
    h.run();
    h.get_by_label("dark").click();
    h.run();
    *answers.save.borrow_mut() = Some(path.clone());
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export SVG…").click();
    h.run();
    let written = dir.path().join("board.svg");
    h.get_by_label("File").click();
    h.run();
    *answers.save.borrow_mut() = Some(dir.path().join("pack.pdf"));
    h.get_by_label("Export board pack (PDF)…").click();
    h.run();
    // Made off the UI thread: the status bar says so until it is written.
    h.get_by_label_contains("Making the board pack…");
    let done = format!("Exported {}", dir.path().join("pack.pdf").display());
    common::wait_for(&mut h, &done);
    let pdf = std::fs::read(dir.path().join("pack.pdf")).expect("the board pack is written");
    assert!(pdf.starts_with(b"%PDF"));
    let svg = std::fs::read_to_string(&written).expect("written with the .svg extension");
    assert!(roxmltree::Document::parse(&svg).is_ok());
    assert!(svg.contains("Peers: operations vs. strategy"));
    assert!(
        svg.contains(&ThemeName::Dark.palette().background.hex()),
        "in the dark theme"
    );
    h.get_by_label(&format!(
        "Exported {}",
        dir.path().join("pack.pdf").display()
    ));
}

/// Width and height from a PNG's header.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    let be =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    (be(16), be(20))
}

#[test]
fn png_has_the_requested_pixel_size_at_every_scale() {
    let model = presets::model("enterprise-app-dev").unwrap();
    let svg = export::svg(&model, &ThemeName::Light.palette());
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let w: f32 = doc
        .root_element()
        .attribute("width")
        .unwrap()
        .parse()
        .unwrap();
    let h: f32 = doc
        .root_element()
        .attribute("height")
        .unwrap()
        .parse()
        .unwrap();
    for scale in [1.0f32, 2.0, 4.0] {
        let png = export::png(&svg, scale).unwrap();
        assert_eq!(
            png_size(&png),
            ((w * scale).ceil() as u32, (h * scale).ceil() as u32),
            "scale {scale}"
        );
    }
    let huge = r#"<svg xmlns="http://www.w3.org/2000/svg" width="100000" height="100000"/>"#;
    let err = export::png(huge, 1.0).map(|_| ()).unwrap_err().to_string();
    assert!(
        err.starts_with("a 100000 x 100000 pixel picture is too large"),
        "{err}"
    );
}

#[test]
fn the_board_pack_has_a_page_per_model_and_names_them() {
    let workspace = presets::workspace().unwrap();
    let models = &workspace.models;
    let pdf = export::board_pack(&workspace, &ThemeName::Light.palette()).unwrap();
    let pages = pdf_pages(&pdf);
    assert_eq!(
        pages.len(),
        export::pack_pages(&workspace, &ThemeName::Light.palette()).len()
    );
    // Title, each model (on one page or more), findings: the models in
    // order, each on the page after the last one's.
    let mut at = 0;
    for model in models {
        let title = squeeze(model.title.split(':').next().unwrap());
        assert!(pages[1].contains(&title), "the summary page lists {title}");
        let page = (at.max(1) + 1..pages.len() - 1)
            .find(|&i| pages[i].starts_with(&title))
            .unwrap_or_else(|| panic!("no page after page {} is {title}", at + 1));
        assert!(
            page == at.max(1) + 1
                || pages[at.max(1) + 1..page]
                    .iter()
                    .all(|p| p.contains("continued"))
        );
        at = page;
    }
    assert!(pages.last().unwrap().contains("Findings"));
    assert!(pages.last().unwrap().contains("Conflict:newtechnologies"));
}

/// A flat org: a CEO and `n` direct reports.
fn wide_workspace(n: usize) -> chartroom::core::workspace::Workspace {
    use chartroom::core::model::{Leader, LeaderId, OrgChart, Role};
    use chartroom::core::workspace::{Model, ModelId, Workspace};
    let mut chart = OrgChart::new();
    chart
        .add_leader(Leader::new("ceo", Role::Ceo, "CEO"))
        .unwrap();
    for i in 0..n {
        let id = format!("p{i}");
        chart
            .add_leader(Leader::new(id.as_str(), Role::Other, format!("Person {i}")))
            .unwrap();
        chart
            .set_manager(&LeaderId::new(id), Some(&LeaderId::new("ceo")))
            .unwrap();
    }
    Workspace::new(vec![Model {
        id: ModelId::new("wide"),
        title: "Wide".into(),
        description: String::new(),
        preset: None,
        chart,
    }])
}

#[test]
fn a_chart_too_big_for_one_picture_says_what_to_export_instead() {
    let mut workspace = wide_workspace(export::MAX_PICTURE_CARDS + 10);
    let err = export::board_pack(&workspace, &ThemeName::Light.palette()).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("shows 2011 cards"), "{message}");
    assert!(message.contains("collapse it to fewer levels"), "{message}");
    assert!(message.contains("export SVG"), "{message}");

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("wide.json");
    chartroom::core::format::save_path(&workspace, &file).unwrap();
    let run = |format: &str, out: &str| {
        Command::new(env!("CARGO_BIN_EXE_chartroom"))
            .args(["export", file.to_str().unwrap(), "--format", format, "-o"])
            .arg(dir.path().join(out))
            .output()
            .unwrap()
    };
    let png = run("png", "wide.png");
    assert!(!png.status.success());
    assert!(String::from_utf8_lossy(&png.stderr).contains("more than one picture can hold"));
    assert!(
        !dir.path().join("wide.png").exists(),
        "nothing half-written"
    );
    assert!(
        run("svg", "wide.svg").status.success(),
        "SVG has no such limit"
    );

    // Collapsed, the same chart is one card with "+2,010" and fits.
    let ceo = chartroom::core::model::LeaderId::new("ceo");
    workspace.models[0].chart.set_collapsed(&ceo, true).unwrap();
    export::picture_fits(&workspace.models[0].chart).unwrap();
    let svg = export::svg(&workspace.models[0], &ThemeName::Light.palette());
    assert!(
        svg.contains(">+2,010</text>"),
        "the folded card says how many"
    );
}

/// Every card of every preset is on the PNG: its box is filled (not the
/// background), it carries text in the text colour, and each count badge ("1 conflict",
/// "2 shared") is painted in its colour where the SVG puts it.
#[test]
fn a_png_shows_every_card_with_its_text_and_its_badges() {
    let palette = ThemeName::Light.palette();
    let num =
        |n: &roxmltree::Node<'_, '_>, a: &str| -> f32 { n.attribute(a).unwrap().parse().unwrap() };
    let mut conflict_badges = 0;
    for preset in PRESETS {
        let model = presets::model(preset.id).unwrap();
        let svg = export::svg(&model, &palette);
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let view: Vec<f32> = doc
            .root_element()
            .attribute("viewBox")
            .unwrap()
            .split(' ')
            .map(|v| v.parse().unwrap())
            .collect();
        let png = image::load_from_memory(&export::png(&svg, 1.0).unwrap())
            .unwrap()
            .to_rgba8();
        let pixel = |x: f32, y: f32| png.get_pixel((x - view[0]) as u32, (y - view[1]) as u32).0;
        let boxes = card_boxes(&doc);
        assert_eq!(boxes.len(), model.chart.len(), "{}", preset.id);
        for (x, y, w, h) in boxes {
            let (mut filled, mut dark, mut all) = (0, 0, 0);
            for py in (y + 2.0) as i32..(y + h - 2.0) as i32 {
                for px in (x + 2.0) as i32..(x + w - 2.0) as i32 {
                    let [r, g, b, _] = pixel(px as f32, py as f32);
                    all += 1;
                    if (r, g, b)
                        != (
                            palette.background.0,
                            palette.background.1,
                            palette.background.2,
                        )
                    {
                        filled += 1;
                    }
                    // Text ink (not a dark role colour: the CEO's stripe
                    // and badge are #222222, further off than this).
                    let ink = palette.text;
                    if r.abs_diff(ink.0) <= 8 && g.abs_diff(ink.1) <= 8 && b.abs_diff(ink.2) <= 8 {
                        dark += 1;
                    }
                }
            }
            assert!(
                filled * 100 >= all * 95,
                "{}: card at {x},{y} is drawn",
                preset.id
            );
            assert!(
                dark > 40,
                "{}: card at {x},{y} has text ({dark} pixels of text ink)",
                preset.id
            );
        }
        for badge in doc
            .descendants()
            .filter(|n| n.has_tag_name("rect") && n.attribute("class") == Some("count"))
        {
            let fill = badge.attribute("fill").unwrap();
            let want = u32::from_str_radix(&fill[1..], 16).unwrap().to_be_bytes();
            let got = pixel(
                num(&badge, "x") + 2.5,
                num(&badge, "y") + num(&badge, "height") / 2.0,
            );
            let close = want[1..].iter().zip(got).all(|(a, b)| a.abs_diff(b) <= 12);
            assert!(close, "{}: badge {fill} painted as {got:?}", preset.id);
            if fill == palette.conflict.hex() {
                conflict_badges += 1;
            }
        }
    }
    assert!(conflict_badges > 0, "some preset shows a conflict badge");
}

/// `export --format pdf` with a title page set on the command line, US
/// Letter paper and two comparison pages: read back from the PDF.
#[test]
fn the_cli_board_pack_has_its_title_page_paper_and_comparisons() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("pack.pdf");
    let out = common::chartroom(&[
        "export",
        "preset:all",
        "--format",
        "pdf",
        "--title",
        "Where we go next",
        "--subtitle",
        "Board meeting, 4 December",
        "--author",
        "Office of the CIO",
        "--date",
        "30 November 2026",
        "--page",
        "letter",
        "--compare",
        "traditional:software-company",
        "--compare",
        "peers:cdio",
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    let bytes = std::fs::read(&pdf).unwrap();
    let pages = pdf_pages(&bytes);
    // Title, two comparisons, eight models, findings: as many pages as the
    // pack's pagination (charts split to keep their text at 9 pt) gives.
    let options = export::PackOptions {
        page: export::PageSize::Letter,
        compare: vec![
            ("traditional".into(), "software-company".into()),
            ("peers".into(), "cdio".into()),
        ],
        ..export::PackOptions::default()
    };
    let workspace = presets::workspace().unwrap();
    let expected = export::pack_pages_with(&workspace, &ThemeName::Light.palette(), &options);
    assert_eq!(pages.len(), expected.len());
    for said in [
        "Wherewegonext",
        "Boardmeeting,4December",
        "OfficeoftheCIO",
        "30November2026",
        "8models",
    ] {
        assert!(
            pages[0].contains(said),
            "title page says {said}: {}",
            pages[0]
        );
    }
    assert!(pages[1].starts_with("Summary"), "{}", pages[1]);
    assert!(
        pages[2].contains("TraditionalcomparedwithSoftwarecompany"),
        "{}",
        pages[2]
    );
    // Small enough to share a page at 9 pt: both charts side by side,
    // the changes under them.
    assert!(
        pages[2].contains(&squeeze("CTO now reports to CEO (was CIO).")),
        "the change sentences: {}",
        pages[2]
    );
    let peers = pages
        .iter()
        .position(|p| p.contains("PeerscomparedwithDigital"))
        .expect("the second comparison");
    assert!(peers > 2, "after the first");
    // The changes are marked on the charts too, as in the Compare tab.
    assert!(pages[2].contains("moved"), "change badges: {}", pages[2]);
    // US Letter, landscape, on every page.
    let text = String::from_utf8_lossy(&bytes);
    assert_eq!(text.matches("/MediaBox [0 0 792 612]").count(), pages.len());

    // A pair naming no model is refused with the id, and nothing is written.
    let bad = dir.path().join("bad.pdf");
    let out = common::chartroom(&[
        "export",
        "preset:all",
        "--format",
        "pdf",
        "--compare",
        "peers:nobody",
        "-o",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(common::text(&out.stderr).contains("no model has the id nobody"));
    assert!(!bad.exists());
    let out = common::chartroom(&[
        "export",
        "preset:all",
        "--format",
        "pdf",
        "--compare",
        "peers",
        "-o",
        bad.to_str().unwrap(),
    ]);
    assert!(common::text(&out.stderr).contains("is not two model ids"));
}

/// File > Board pack details… heads the pack: typed in the app, kept in the
/// document (saved and loaded), printed on the title page, on the paper
/// chosen there (A3, every page landscape: read back by pdfplumber);
/// Cancel changes nothing.
#[test]
fn board_pack_details_set_in_the_app_head_the_exported_pack() {
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().unwrap();
    let answers = common::Answers::default();
    let app = chartroom::app::ChartroomApp::with_presets(common::dialogs(&answers));
    let mut h = common::harness(app);
    let open_details = |h: &mut egui_kittest::Harness<'_, chartroom::app::ChartroomApp>| {
        h.get_by_label("File").click();
        h.run();
        h.get_by_label("Board pack details…").click();
        h.run();
    };
    let type_into = |h: &mut egui_kittest::Harness<'_, chartroom::app::ChartroomApp>,
                     field: &str,
                     text: &str| {
        h.get_by_role_and_label(Role::TextInput, field).click();
        h.run();
        h.get_by_role_and_label(Role::TextInput, field)
            .type_text(text);
        h.run();
    };
    open_details(&mut h);
    type_into(&mut h, "Title:", "Where we go next");
    type_into(&mut h, "Date:", "4 December 2026");
    h.get_by_label("Paper:").click();
    h.run();
    h.get_by_label("A3").click();
    h.run();
    h.get_by_label("Every page landscape (never turn a chart to portrait)")
        .click();
    h.run();
    h.get_by_label("Done").click();
    h.run();
    let pack = h.state().editor().workspace().pack.clone();
    assert_eq!(pack.title, "Where we go next");
    assert_eq!(pack.date, "4 December 2026");
    assert_eq!(pack.paper, export::PageSize::A3);
    assert!(pack.landscape);
    assert!(h.state().editor().is_dirty(), "part of the document");
    // Cancel leaves them as they were.
    open_details(&mut h);
    type_into(&mut h, "Author:", "Someone else");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().editor().workspace().pack, pack);
    // Printed on the title page.
    *answers.save.borrow_mut() = Some(dir.path().join("pack.pdf"));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export board pack (PDF)…").click();
    let done = format!("Exported {}", dir.path().join("pack.pdf").display());
    common::wait_for(&mut h, &done);
    let pages = pdf_pages(&std::fs::read(dir.path().join("pack.pdf")).unwrap());
    assert!(pages[0].contains("Wherewegonext"), "{}", pages[0]);
    assert!(pages[0].contains("4December2026"), "{}", pages[0]);
    let sizes: Vec<(u32, u32)> = serde_json::from_value(common::read_with(
        "pdf_sizes.py",
        &dir.path().join("pack.pdf"),
    ))
    .unwrap();
    assert!(
        sizes.iter().all(|&s| s == (1191, 842)),
        "A3 landscape: {sizes:?}"
    );
    // Kept in the file.
    let ws = h.state().editor().workspace().clone();
    let text = chartroom::core::format::save(&ws).unwrap();
    assert!(text.contains("\"board_pack\""), "{text}");
    assert!(text.contains("\"paper\": \"A3\""), "{text}");
    assert_eq!(chartroom::core::format::load(&text).unwrap().pack, pack);
}

/// A board pack the app cannot make (a chart of more cards than a page
/// holds) is refused in the status bar once the worker says so, the window
/// live meanwhile, and nothing is written.
#[test]
fn a_refused_board_pack_says_why_and_writes_nothing() {
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().unwrap();
    let answers = common::Answers::default();
    let app =
        chartroom::app::ChartroomApp::new(wide_workspace(2_100), None, common::dialogs(&answers));
    let mut h = common::harness(app);
    // It opens folded to fit; everything unfolded is too much for a page.
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::E,
    );
    h.run();
    *answers.save.borrow_mut() = Some(dir.path().join("pack.pdf"));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export board pack (PDF)…").click();
    for _ in 0..3000 {
        h.run();
        if h.query_by_label_contains("Not exported: the chart shows")
            .is_some()
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.get_by_label_contains("Not exported: the chart shows 2101 cards");
    assert!(!dir.path().join("pack.pdf").exists());
}

/// The board pack prints on the paper the file names (A3 here), unless the
/// command line names another; read back by pdfplumber.
#[test]
fn the_cli_board_pack_takes_the_files_paper_unless_told() {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = presets::workspace().unwrap();
    workspace.pack.paper = export::PageSize::A3;
    let file = dir.path().join("a3.chartroom");
    chartroom::core::format::save_path(&workspace, &file).unwrap();
    let pdf = dir.path().join("pack.pdf");
    let sizes = |extra: &[&str]| -> Vec<(u32, u32)> {
        let mut args = vec!["export", file.to_str().unwrap(), "--format", "pdf"];
        args.extend_from_slice(extra);
        args.extend(["-o", pdf.to_str().unwrap()]);
        let out = common::chartroom(&args);
        assert!(out.status.success(), "{}", common::text(&out.stderr));
        serde_json::from_value(common::read_with("pdf_sizes.py", &pdf)).unwrap()
    };
    // Every preset fits a page: all landscape.
    assert!(sizes(&[]).iter().all(|&s| s == (1191, 842)));
    assert!(
        sizes(&["--page", "letter"])
            .iter()
            .all(|&s| s == (792, 612))
    );
}
