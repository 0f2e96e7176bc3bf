//! PowerPoint slides: written by `chartroom export --format pptx` and by
//! File > Export slides, read back part by part, and opened by LibreOffice
//! Impress headless (installed by scripts/test.sh), whose PDF of the
//! slides and of the notes pages is read back too.

use crate::common;

use std::io::Read;
use std::path::Path;
use std::process::Command;

use crate::common::{pdf_pages, squeeze};
use chartroom::core::format;
use chartroom::core::model::LeaderId;
use chartroom::core::presets;
use chartroom::core::workspace::{Scene, Workspace};

/// The presets with a storyboard of three scenes: Peers with information
/// security highlighted and speaker notes, Traditional compared with
/// Software company with a caption, the CDIO's model focused on VP Change.
fn storyboard() -> Workspace {
    let mut ws = presets::workspace().unwrap();
    let mut peers = Scene::of_model("peers".into());
    peers.highlight = Some("information security".into());
    peers.notes = "Ask the CISO first.\nThen the CIO.".into();
    let mut pair = Scene::comparing("traditional".into(), "software-company".into());
    pair.caption = "Who leads technology: the CTO".into();
    let mut cdio = Scene::of_model("cdio".into());
    cdio.focus = Some(LeaderId::new("vp-change"));
    ws.storyboard = vec![peers, pair, cdio];
    ws.pack.title = "Where we go next".into();
    ws.pack.author = "The board secretary".into();
    ws
}

/// The storyboard's deck, written by `chartroom export --format pptx`
/// (with `options`) into `dir`: its path.
fn storyboard_deck(dir: &Path, options: &[&str]) -> std::path::PathBuf {
    let input = dir.join("story.json");
    format::save_path(&storyboard(), &input).unwrap();
    let deck = dir.join("deck.pptx");
    let mut args = vec!["export", input.to_str().unwrap(), "--format", "pptx"];
    args.extend_from_slice(options);
    args.extend(["-o", deck.to_str().unwrap()]);
    let out = common::chartroom(&args);
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    deck
}

/// Every part of a zip, by name.
fn parts(pptx: &[u8]) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(pptx)).expect("a zip");
    (0..zip.len())
        .map(|i| {
            let mut file = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).unwrap();
            (file.name().unwrap().into_owned(), bytes)
        })
        .collect()
}

/// The text runs of an XML part, in order.
fn runs(xml: &[u8]) -> Vec<String> {
    let text = std::str::from_utf8(xml).unwrap();
    let doc = roxmltree::Document::parse(text).expect("well-formed XML");
    doc.descendants()
        .filter(|n| n.tag_name().name() == "t")
        .map(|n| n.text().unwrap_or_default().to_owned())
        .collect()
}

/// LibreOffice's PDF of the deck (`notes`: of its notes pages too).
fn libreoffice_pdf(deck: &Path, notes: bool) -> Vec<u8> {
    let out = tempfile::tempdir().unwrap();
    let filter = if notes {
        r#"pdf:impress_pdf_Export:{"ExportNotesPages":{"type":"boolean","value":"true"}}"#
    } else {
        "pdf"
    };
    // Its own profile: a test never touches the user's LibreOffice.
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        out.path().display()
    );
    let status = Command::new("soffice")
        .args([&profile, "--headless", "--convert-to", filter, "--outdir"])
        .arg(out.path())
        .arg(deck)
        .output()
        .expect(
            "LibreOffice (soffice, Debian's libreoffice-impress) runs: scripts/test.sh installs it",
        );
    assert!(status.status.success(), "{}", common::text(&status.stderr));
    let pdf = out
        .path()
        .join(deck.with_extension("pdf").file_name().unwrap());
    std::fs::read(&pdf).unwrap_or_else(|e| {
        panic!(
            "LibreOffice made no PDF ({e}): {}",
            common::text(&status.stdout)
        )
    })
}

#[test]
fn with_pictures_the_deck_has_a_slide_per_scene_with_text_a_picture_and_notes() {
    let dir = tempfile::tempdir().unwrap();
    let deck = storyboard_deck(dir.path(), &["--pictures"]);
    let bytes = std::fs::read(&deck).unwrap();
    let parts = parts(&bytes);
    // One slide, one picture and one notes page per scene; 16:9.
    let count = |prefix: &str| parts.keys().filter(|k| k.starts_with(prefix)).count();
    assert_eq!(count("ppt/slides/slide"), 3);
    assert_eq!(count("ppt/notesSlides/notesSlide"), 3);
    assert_eq!(count("ppt/media/image"), 3);
    let presentation = common::text(&parts["ppt/presentation.xml"]);
    assert!(presentation.contains(r#"<p:sldSz cx="12192000" cy="6858000"/>"#));
    let core = common::text(&parts["docProps/core.xml"]);
    assert!(
        core.contains("<dc:title>Where we go next</dc:title>"),
        "{core}"
    );
    // The words are text: title, caption, findings or changes.
    let slide = |n: usize| runs(&parts[&format!("ppt/slides/slide{n}.xml")]);
    assert_eq!(
        slide(1),
        [
            "Peers: operations vs. strategy",
            "Information security: CIO accountable, CISO responsible",
            "Shared: information security (CIO A, CISO R)"
        ]
    );
    let two = slide(2);
    assert_eq!(two[0], "Traditional compared with Software company");
    assert_eq!(two[1], "Who leads technology: the CTO");
    assert_eq!(
        two[2],
        "The reporting line between CIO and CTO is reversed: CIO now reports to CTO."
    );
    assert_eq!(
        slide(3)[0],
        "Digital, Change and Run under a dual-role CDIO, focus on VP Change"
    );
    // The notes are the speaker notes, line by line.
    let notes = runs(&parts["ppt/notesSlides/notesSlide1.xml"]);
    assert_eq!(notes, ["Ask the CISO first.", "Then the CIO."]);
    // The chart is a picture sharp on a projector: wider than a 1920-pixel
    // screen shows the whole slide.
    let picture = image::load_from_memory(&parts["ppt/media/image2.png"]).unwrap();
    assert!(picture.width() >= 3000, "{} pixels wide", picture.width());
    // LibreOffice opens it: three pages with the slides' words on them, and
    // the notes on the notes pages.
    let pages = pdf_pages(&libreoffice_pdf(&deck, false));
    assert_eq!(pages.len(), 3, "{pages:?}");
    assert!(
        pages[0].contains(&squeeze("Peers: operations vs. strategy")),
        "{}",
        pages[0]
    );
    assert!(
        pages[1].contains(&squeeze("CIO now reports to CTO.")),
        "{}",
        pages[1]
    );
    assert!(
        pages[2].contains(&squeeze("focus on VP Change")),
        "{}",
        pages[2]
    );
    let with_notes = pdf_pages(&libreoffice_pdf(&deck, true));
    assert_eq!(with_notes.len(), 6, "three slides, three notes pages");
    assert!(
        with_notes[3].contains(&squeeze("Ask the CISO first.")),
        "{}",
        with_notes[3]
    );
}

#[test]
fn export_slides_in_the_app_writes_the_storyboard_as_a_deck() {
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().unwrap();
    let answers = common::Answers::default();
    let app = chartroom::app::ChartroomApp::with_presets(common::dialogs(&answers));
    let mut h = common::harness(app);
    // A scene from the Compare tab, then the deck.
    h.get_by_label("Compare").click();
    h.run();
    h.get_by_label("Add current view as scene").click();
    h.run();
    *answers.save.borrow_mut() = Some(dir.path().join("slides"));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export slides (PowerPoint)…").click();
    h.run();
    let path = dir.path().join("slides.pptx");
    common::wait_for(&mut h, &format!("Exported {}", path.display()));
    let parts = parts(&std::fs::read(&path).unwrap());
    let slides = parts
        .keys()
        .filter(|k| k.starts_with("ppt/slides/slide"))
        .count();
    assert!(slides >= 1, "the storyboard's one scene");
    let words = runs(&parts["ppt/slides/slide1.xml"]);
    assert!(
        words[0].starts_with("Peers compared with Traditional"),
        "{words:?}"
    );
}

#[test]
fn without_a_storyboard_the_deck_has_a_slide_per_model() {
    let ws = presets::workspace().unwrap();
    let options = chartroom::core::export::PackOptions::for_workspace(&ws);
    let palette = chartroom::core::theme::ThemeName::Light.palette();
    let bytes = chartroom::core::export::slides_pptx(&ws, &palette, &options).unwrap();
    let parts = parts(&bytes);
    // Each model's slides in order, its title on the first, "(continued)"
    // on any more it needs to keep its text at 12 pt.
    let titles: Vec<String> = (1..)
        .map_while(|n| parts.get(&format!("ppt/slides/slide{n}.xml")))
        .map(|xml| runs(xml)[0].clone())
        .collect();
    let firsts: Vec<&String> = titles
        .iter()
        .filter(|t| !t.ends_with(" (continued)"))
        .collect();
    let models: Vec<&String> = ws.models.iter().map(|m| &m.title).collect();
    assert_eq!(firsts, models);
}

/// The deck's charts are PowerPoint's own shapes, as python-pptx (and so
/// PowerPoint) reads them: each leader a card group named for them whose
/// box holds their name, title and responsibilities as text; each line a
/// connector glued to the two cards' boxes (dotted ones dashed); no text
/// under 12 pt; a chart too big for that split over slides, each
/// "continued on slide N" leading to a slide with that leader's people.
#[test]
fn the_deck_draws_charts_as_shapes_powerpoint_can_edit_never_under_12_pt() {
    let dir = tempfile::tempdir().unwrap();
    let deck = storyboard_deck(dir.path(), &[]);
    let read = common::read_pptx(&deck);
    let slides = read["slides"].as_array().unwrap();
    assert!(slides.len() >= 3, "{} slides", slides.len());
    let all: Vec<&serde_json::Value> = slides
        .iter()
        .flat_map(|s| s["shapes"].as_array().unwrap())
        .flat_map(|s| std::iter::once(s).chain(s["shapes"].as_array().into_iter().flatten()))
        .collect();
    // No picture, and no text under 12 pt anywhere.
    assert!(
        all.iter()
            .all(|s| !s["kind"].as_str().unwrap().contains("PICTURE"))
    );
    for shape in &all {
        for size in shape["sizes"].as_array().into_iter().flatten() {
            assert!(size.as_f64().unwrap() >= 12.0, "{shape}");
        }
    }
    // Peers: every leader a card holding their name, title and duties.
    let peers = presets::model("peers").unwrap();
    let cards: Vec<&&serde_json::Value> = all
        .iter()
        .filter(|s| s["name"].as_str().unwrap().starts_with("Card: "))
        .collect();
    for leader in peers.chart.leaders() {
        let card = cards
            .iter()
            .find(|c| c["name"] == format!("Card: {}", leader.name))
            .unwrap_or_else(|| panic!("no card for {}", leader.name));
        let text = card["shapes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == leader.name.as_str())
            .and_then(|s| s["text"].as_str())
            .unwrap();
        assert!(text.contains(&leader.title), "{text}");
        for duty in &leader.responsibilities {
            assert!(text.contains(&duty.phrase), "{text}");
        }
    }
    assert_eq!(glued_lines(slides).1, 0, "no dotted line in these scenes");
    // Every "continued on slide N" (or "on this slide") leads to that
    // leader's people.
    let mut pointers = 0;
    for (at, slide) in slides.iter().enumerate() {
        for shape in flat(slide) {
            let Some(text) = shape["text"].as_str() else {
                continue;
            };
            let n = if text == "continued on this slide" {
                at + 1
            } else if let Some(n) = text.strip_prefix("continued on slide ") {
                n.parse().unwrap()
            } else {
                continue;
            };
            pointers += 1;
            let texts: Vec<&str> = flat(&slides[n - 1])
                .iter()
                .filter_map(|s| s["text"].as_str())
                .collect();
            assert!(texts.iter().any(|t| t.contains("'s people")), "slide {n}");
        }
    }
    assert!(pointers >= 2, "{pointers} continuations");
    assert!(part_headings_lead_back(slides) >= 2);
    // LibreOffice opens it: a page per slide.
    let pages = pdf_pages(&libreoffice_pdf(&deck, false));
    assert_eq!(pages.len(), slides.len());
}

/// Every part's heading ("X's people (from slide N)") says where its
/// leader's card is, and it is there; returns how many headings there are.
fn part_headings_lead_back(slides: &[serde_json::Value]) -> usize {
    let mut headings = 0;
    for slide in slides {
        for text in flat(slide).iter().filter_map(|s| s["text"].as_str()) {
            let Some((leader, rest)) = text.split_once("'s people") else {
                continue;
            };
            headings += 1;
            let n: usize = rest
                .strip_prefix(" (from slide ")
                .and_then(|r| r.strip_suffix(')'))
                .unwrap_or_else(|| panic!("{text:?} says where it comes from"))
                .parse()
                .unwrap();
            let there = flat(&slides[n - 1])
                .iter()
                .filter_map(|s| s["text"].as_str())
                .any(|t| t.contains(leader) && !t.contains("'s people"));
            assert!(there, "{leader}'s card on slide {n}");
        }
    }
    headings
}

/// The issue's 60 people on slides: every part, the second and later
/// groups of a team split over parts too, says where its leader's card is.
#[test]
fn every_part_of_a_big_deck_says_where_its_leader_is() {
    let dir = tempfile::tempdir().unwrap();
    let file = common::import_org(&common::issue_org(60), dir.path());
    let deck = dir.path().join("org.pptx");
    let out = common::chartroom(&[
        "export",
        file.to_str().unwrap(),
        "--format",
        "pptx",
        "-o",
        deck.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    let read = common::read_pptx(&deck);
    let slides = read["slides"].as_array().unwrap();
    assert!(part_headings_lead_back(slides) >= 8);
}

/// Every shape of a slide as the reader gives it, groups' children too.
fn flat(slide: &serde_json::Value) -> Vec<&serde_json::Value> {
    slide["shapes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| std::iter::once(s).chain(s["shapes"].as_array().into_iter().flatten()))
        .collect()
}

/// Checks that every connector is glued at both ends to a shape with
/// text (a card's box) on its slide; returns the connectors and how
/// many are dashed.
fn glued_lines(slides: &[serde_json::Value]) -> (usize, usize) {
    let (mut lines, mut dashed) = (0, 0);
    for slide in slides {
        let shapes = flat(slide);
        for line in shapes.iter().filter(|s| s["glued"].is_array()) {
            for end in line["glued"].as_array().unwrap() {
                let id = end.as_u64().expect("glued to a shape");
                let target = shapes.iter().find(|s| s["id"].as_u64() == Some(id));
                assert!(target.is_some_and(|t| t["text"].is_string()), "{line}");
            }
            lines += 1;
            dashed += usize::from(line["dashed"] == true);
        }
    }
    (lines, dashed)
}

/// A dotted line (the CIO's to the CTO, in Peers without its CISO) is a
/// dashed connector glued to both cards; the direct lines are not dashed.
#[test]
fn a_dotted_line_is_a_dashed_connector_glued_to_both_cards() {
    let mut dotted = presets::model("peers").unwrap();
    dotted.chart.remove_leader(&LeaderId::new("ciso")).unwrap();
    dotted
        .chart
        .add_dotted(&LeaderId::new("cio"), &LeaderId::new("cto"))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let deck = dir.path().join("dotted.pptx");
    let palette = chartroom::core::theme::ThemeName::Light.palette();
    let ws = Workspace::new(vec![dotted]);
    let options = chartroom::core::export::PackOptions::for_workspace(&ws);
    let bytes = chartroom::core::export::slides_pptx(&ws, &palette, &options).unwrap();
    std::fs::write(&deck, bytes).unwrap();
    let read = common::read_pptx(&deck);
    let slides = read["slides"].as_array().unwrap();
    assert_eq!(slides.len(), 1, "three cards fit one slide at 12 pt");
    assert_eq!(glued_lines(slides), (3, 1));
}
